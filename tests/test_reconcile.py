"""Reconciliation never invents a figure: each value is one a source gave, or a named rule made it.

Pure records, no models: claims are built by hand, facts by ``compare.compare``, reports by
``report``. The conflict datasets' own rules are quoted in ``factcheck/compare.py``.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from factcheck.compare import (RECONCILE_RULES, compare, fact_verdict, format_figure, reconcile,
                               reconciliation, summarise)
from factcheck.numbers import get_policy
from factcheck.pipeline import Result
from factcheck.records import Article, Claim

DAY = date(2021, 3, 2)


def claim(low, high, qualifier="exact", *, surface=None, article="a", start=0, claimant=None, vague=False,
          kind="killed", subject="people", unit=None, as_of=DAY, alternatives=()):
    surface = surface or "x" * 3
    return Claim(id=f"{article}:{start}", article_id=article, kind=kind, subject=subject, low=low, high=high,
                 qualifier=qualifier, surface=surface, start=start, end=start + len(surface),
                 sentence=surface, sentence_start=start, claimant=claimant, unit=unit, vague=vague,
                 as_of=as_of, alternatives=alternatives)


def articles(claims):
    return {c.article_id: Article(id=c.article_id, path=f"{c.article_id}.txt", outlet=f"Outlet {c.article_id}",
                                  published=DAY, text="x" * 500) for c in claims}


def result_of(claims, policy="conservative"):
    arts = articles(claims)
    facts = compare([list(range(len(claims)))], list(claims), arts)
    return Result(articles=tuple(arts.values()), skipped=(), claims=tuple(claims), facts=tuple(facts),
                  policy=get_policy(policy), model="none")


# --- the three cases of issue 13 ---------------------------------------------------------------

def test_an_open_bound_stays_an_open_bound():
    more = claim(101, None, "more than", surface="more than 100")  # stored as at least 101
    rec = reconciliation([more])
    assert {e.display for e in rec.values()} == {"more than 100"}
    assert all(e.reported and e.rule in ("lowest reported", "highest reported", "most sources")
               for e in rec.values())
    # CNN's "at least 75" in June, then "more than 100" in January: an update, reconciled on the latest
    toll = [claim(75, None, "at least", surface="at least 75", as_of=date(2017, 6, 28)),
            claim(101, None, "more than", surface="more than 100", article="b", as_of=date(2018, 1, 15))]
    res = result_of(toll)
    assert res.facts[0].verdict == "update"
    md = res.to_markdown()
    table = md[md.index("| estimate"):]
    assert "more than 100" in table and "101" not in table
    assert "Reconciled on the latest reports (2018-01-15)." in md


def test_as_many_as_ten_gives_no_minimum_of_one():
    upto = claim(1, 10, "as many as", surface="as many as 10")
    five = claim(5, 5, surface="five", article="b")
    rec = reconcile([upto, five])
    assert rec["acled"] == rec["ucdp_low"] == rec["ibc_min"] == 5
    assert rec["ucdp_high"] == 10
    assert reconciliation([upto, five])["ucdp_high"].display == "as many as 10"
    alone = reconciliation([upto])
    assert alone["acled"].value is None and alone["acled"].rule == "none reported"
    assert not alone["acled"].reported and "1" not in alone["acled"].display.replace("10", "")
    assert format_figure(upto) == "as many as 10"  # not "as many as 10 (1–10)"


def test_thousands_against_about_250000_is_not_averaged():
    policy = get_policy("crowd")
    lo, hi = policy.table["thousands"]
    crowd = claim(lo, hi, "vague", surface="thousands", vague=True, kind="crowd size", claimant="police")
    about = claim(225_000, 275_000, "about", surface="about 250,000", article="b", kind="crowd size",
                  claimant="organisers")
    rec = reconciliation([crowd, about])
    assert rec["ucdp_best"].value in (2_000, 250_000) and rec["ucdp_best"].value != 127_749.75
    assert rec["ucdp_best"].display == "about 250,000" and rec["ucdp_best"].rule == "most sources"
    assert rec["acled"].value == 2_000 and rec["acled"].rule == "vague term, policy value"
    assert not rec["acled"].reported and "thousands" in rec["acled"].display
    assert rec["ucdp_high"].value == 250_000 and rec["ucdp_high"].display == "about 250,000"


def test_the_best_estimate_is_a_figure_given_not_a_median():
    one, three = claim(1, 1, claimant="police"), claim(3, 3, article="b", claimant="hospital")
    assert reconcile([one, three])["ucdp_best"] in (1, 3)
    # the figure two sources give beats the one a third gives
    threes = [claim(3, 3, article=a, claimant=n) for a, n in (("b", "hospital"), ("c", "red cross"))]
    best = reconciliation([one, *threes])["ucdp_best"]
    assert best.value == 3 and set(best.claim_ids) == {"b:0", "c:0"}


def test_a_vague_term_enters_every_estimate_at_its_fixed_value():
    several = claim(3, 9, "vague", surface="several", vague=True)
    four = claim(4, 4, surface="four", article="b", claimant="minister")
    rec = reconciliation([several, four])
    assert rec["acled"].value == 3 and rec["acled"].rule == "vague term, policy value"
    assert rec["ucdp_high"].value == 4 and rec["ucdp_high"].display == "4"  # not the policy's ceiling 9
    assert rec["ucdp_best"].value == 4


# --- every value is a figure given, or its rule is named ---------------------------------------

figures = st.one_of(
    st.integers(0, 300).map(lambda n: (n, n, "exact", False)),
    st.integers(0, 300).map(lambda n: (n, None, "at least", False)),
    st.integers(0, 300).map(lambda n: (n + 1, None, "more than", False)),
    st.integers(2, 300).map(lambda n: (1, n, "as many as", False)),
    st.tuples(st.integers(0, 300), st.integers(1, 50)).map(lambda t: (t[0], t[0] + t[1], "range", False)),
    st.sampled_from([(3, 9, "vague", True), (12, 99, "vague", True), (100, 999, "vague", True)]),
)


@given(st.lists(figures, min_size=1, max_size=5), st.lists(st.sampled_from(["police", "army", None]),
                                                           min_size=5, max_size=5))
def test_no_reconciled_value_is_a_figure_no_one_gave(figs, names):
    claims = [claim(lo, hi, q, vague=v, surface=f"f{i}", article=f"a{i}", claimant=names[i])
              for i, (lo, hi, q, v) in enumerate(figs)]
    for key, e in reconciliation(claims).items():
        assert e.rule in RECONCILE_RULES, e
        assert e.claim_ids, e
        if e.value is None:
            assert e.rule == "none reported" and not e.reported
            assert all(c.qualifier == "as many as" for c in claims)
            continue
        sources = [c for c in claims if c.id in e.claim_ids]
        # the value is a number one of its claims states (a bound or its only number)
        assert any(e.value in (c.low, c.high) for c in sources), (key, e, sources)
        for c in sources:
            if c.qualifier == "as many as":
                assert e.value != c.low, f"{key}: the 1 of 'as many as' is no figure"
        if e.reported:
            assert any(format_figure(c) in e.display for c in sources), (key, e)
        else:
            assert e.rule == "vague term, policy value" and all(c.vague for c in sources)
    values = reconcile(claims)
    assert values["ucdp_best"] is None or not math.isnan(values["ucdp_best"])


# --- the JSON and the Markdown name the rule beside each value --------------------------------

def test_json_keeps_machine_values_and_adds_the_rule_and_claims():
    claims = [claim(2, 2, surface="two", claimant="government"),
              claim(1, None, "at least", surface="at least one", article="b", claimant="witnesses")]
    doc = json.loads(result_of(claims).to_json())
    (fact,) = doc["facts"]
    assert fact["reconciled"] == {"acled": 1, "ucdp_low": 1, "ucdp_best": 2, "ucdp_high": 2,
                                  "ibc_min": 1, "ibc_max": 2}
    assert set(fact["reconciled_detail"]) == set(fact["reconciled"])
    for key, detail in fact["reconciled_detail"].items():
        assert detail["value"] == fact["reconciled"][key]
        assert detail["rule"] in doc["reconcile_rules"]
        assert set(detail["claim_ids"]) <= set(fact["claim_ids"])
    assert fact["reconciled_detail"]["acled"] == {
        "value": 1, "display": "at least 1", "value_display": "1", "rule": "lowest reported",
        "reported": True, "claim_ids": ["b:0"]}


def test_json_gives_dates_as_iso_and_durations_in_their_unit():
    day, month = date(2017, 6, 27).toordinal(), (date(2017, 7, 1).toordinal(), date(2017, 7, 31).toordinal())
    dates = [claim(day, day, surface="27 June", kind="date", subject="throw"),
             claim(*month, "range", surface="July 2017", kind="date", subject="drop", article="b")]
    doc = json.loads(result_of(dates).to_json())
    by_id = {c["id"]: c for c in doc["claims"]}
    assert (by_id["a:0"]["low"], by_id["a:0"]["low_display"]) == (day, "2017-06-27")
    assert (by_id["b:0"]["high_display"], by_id["b:0"]["figure"]) == ("2017-07-31", "2017-07-01 to 2017-07-31")
    detail = doc["facts"][0]["reconciled_detail"]
    assert detail["acled"]["value_display"] == "2017-06-27"
    assert detail["ucdp_high"]["value_display"] == "2017-07-31"
    months = [claim(15_552_000, None, "more than", unit="s", surface="more than six months", kind="duration",
                    subject="duration"),
              claim(15_552_000, 15_552_000, unit="s", surface="six months", kind="duration", subject="duration",
                    article="b", claimant="police")]
    doc = json.loads(result_of(months).to_json())
    assert {c["low_display"] for c in doc["claims"]} == {"6 months"}
    assert {c["high_display"] for c in doc["claims"]} == {None, "6 months"}
    detail = doc["facts"][0]["reconciled_detail"]
    assert detail["ucdp_high"]["display"] == "more than 6 months"
    assert detail["acled"]["value"] == 15_552_000 and detail["acled"]["value_display"] == "6 months"


def test_markdown_shows_the_rule_beside_each_value():
    claims = [claim(3, 9, "vague", surface="several", vague=True),
              claim(4, 4, surface="four", article="b", claimant="minister")]
    md = result_of(claims).to_markdown()
    table = md[md.index("| estimate"):].split("\n\n")[0]
    rows = [r for r in table.splitlines()[2:]]
    assert len(rows) == 6
    assert any("3 (several)" in r and "**vague term, policy value**" in r for r in rows)
    assert any("best (UCDP)" in r and "| 4 " in r and "most sources" in r for r in rows)


# --- an agreement needs two independent sources ------------------------------------------------

def test_one_article_repeating_itself_is_no_agreement():
    twice = [claim(0, 0, "zero", surface="no deaths"), claim(0, 0, "zero", surface="no deaths", start=40,
                                                           claimant="RT")]
    assert fact_verdict(twice) == "single"
    res = result_of(twice)
    assert res.facts[0].verdict == "single" and res.facts[0].sources == 1
    assert "## Agreements\n\nNo two claims agree." in res.to_markdown()


def test_two_sources_in_one_article_agree():
    both = [claim(5, 5, claimant="police"), claim(5, 5, start=40, claimant="the hospital")]
    assert fact_verdict(both) == "agreement"


def test_outlets_relaying_one_source_are_labelled_as_one():
    relayed = [claim(9, 9, claimant="Ardena Agrochem"), claim(9, 9, article="b", claimant="Ardena")]
    res = result_of(relayed)
    assert res.facts[0].verdict == "agreement" and res.facts[0].sources == 1
    assert "1 (relayed)" in res.to_markdown()


# --- headings name the event -------------------------------------------------------------------

def test_a_date_fact_is_headed_by_its_event():
    day = date(2017, 6, 27).toordinal()
    dates = [claim(day, day, kind="date", subject=s, article=a) for a, s in (("a", "drop"), ("b", "launch"),
                                                                              ("c", "throw"))]
    assert summarise(dates, articles(dates)).startswith("Date of the attack (")
    blast = [replace(dates[0], subject="explosion")]
    assert summarise(blast, articles(blast)).startswith("Date of the explosion (")
