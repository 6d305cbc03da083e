"""Planted disagreements and traps in tests/fictional/, with the real pipeline and real models.

The folder holds ten invented articles about one invented event (a fertiliser-plant explosion in
Brevnik, Marevia, on Tuesday 11 March 2025), published by nine outlets over four days. Each planted
item is documented in tests/fictional/EXPECTED.md; this file asserts them, locating claims by
(file stem, figure surface, words of the sentence) as tests/test_seeds.py does.
"""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from factcheck.dates import find_dates

from conftest import ROOT, assert_offsets

FOLDER = ROOT / "tests" / "fictional"
# EXPECTED.md documents the folder; it is not an article, so only the numbered files go in.
ARTICLES = sorted(p for p in FOLDER.glob("[0-9]*.md"))
FLAGGED = ("contradiction", "discrepancy")
VERDICTS = {"contradiction", "discrepancy", "agreement", "update", "single"}
WHY_CODES = {"revision over time", "different claimants", "different scope", "vague vs exact",
             "different precision", "within one article", "syndicated"}
WIRE = ("03_castrel_daily_post", "04_northern_ledger", "05_marevia_today")

# --- the planted facts: claims that must form one fact ------------------------------------------

# (file stem, figure surface, words from its sentence)
TOLL = [  # people killed: 12 on day 1, 17 on day 2, 23 on days 3 and 4
    ("01_brevnik_courier", "at least 12", "fertiliser works kills at least 12"),  # heading
    ("01_brevnik_courier", "at least 12", "killing at least 12 people"),
    ("02_marevia_national_radio", "Twelve", "Twelve people were killed"),
    ("03_castrel_daily_post", "17", "rose to 17"),
    ("04_northern_ledger", "17", "rose to 17"),
    ("05_marevia_today", "17", "rose to 17"),
    ("06_castrel_observer", "17", "In all, 17 people"),
    ("07_marevian_herald", "23", "rose to 23"),
    ("08_tolsa_valley_gazette", "Twenty-three", "Twenty-three people are now known"),
    ("09_northsea_chemical_weekly", "23", "killed 23 people"),
    ("10_brevnik_courier", "23", "claimed 23 lives"),
]
FIREFIGHTERS = [  # directorate says three, the union says five, on the same day
    ("03_castrel_daily_post", "Three", "Three firefighters died"),
    ("04_northern_ledger", "Three", "Three firefighters died"),
    ("05_marevia_today", "Three", "Three firefighters died"),
    ("06_castrel_observer", "three", "number of firefighters killed at three"),
    ("06_castrel_observer", "Five", "Five firefighters were killed"),
    ("06_castrel_observer", "five", "Union says five firefighters"),  # heading
]
INJURED = [  # dozens (day 1), 40 from the health ministry relayed, at least 40 from hospital officials
    ("01_brevnik_courier", "Dozens", "Dozens of people were injured"),
    ("03_castrel_daily_post", "40", "health ministry said 40 people"),
    ("04_northern_ledger", "40", "health ministry said 40 people"),
    ("05_marevia_today", "40", "health ministry said 40 people"),
    ("06_castrel_observer", "40", "40 people were hurt"),
    ("07_marevian_herald", "40", "number of injured at 40"),
    ("08_tolsa_valley_gazette", "At least 40", "At least 40 people were injured"),
]
EVACUATED = [  # the heading of 02 says 3,000, its body and everyone else 2,000
    ("02_marevia_national_radio", "3,000", "3,000 evacuated as toxic cloud"),
    ("02_marevia_national_radio", "about 2,000", "evacuated about 2,000 residents"),
    ("06_castrel_observer", "Some 2,000", "Some 2,000 residents who were evacuated"),
    ("10_brevnik_courier", "2,000", "The 2,000 residents evacuated"),
]
DISTANCE = [  # one distance in two units and three roundings: not a disagreement
    ("02_marevia_national_radio", "12 kilometres", "12 kilometres (7.5 miles)"),
    ("07_marevian_herald", "seven miles", "windows seven miles away"),
    ("09_northsea_chemical_weekly", "11 km", "villages 11 km away"),
]
OLDER_EVENT = [  # the 2011 Port Selin depot blast, recalled as context
    ("02_marevia_national_radio", "31", "Port Selin munitions depot in 2011"),
    ("09_northsea_chemical_weekly", "31", "Port Selin killed 31 people in 2011"),
]
WORKERS = [  # company figure for its own staff killed
    ("06_castrel_observer", "nine", "nine of its workers were killed"),
    ("08_tolsa_valley_gazette", "nine", "nine plant workers died"),
]
MANAGERS = [  # two managers detained
    ("07_marevian_herald", "two", "detained two managers"),
    ("08_tolsa_valley_gazette", "two", "two plant managers detained"),  # heading
]

# name -> (claims, expected verdict(s), why codes that must be present)
FACTS = {
    "firefighters killed: 3 vs 5, same day": (FIREFIGHTERS, {"contradiction"}, {"different claimants"}),
    "people killed: 12 -> 17 -> 23": (TOLL, {"update"}, {"revision over time"}),
    "people injured: dozens vs 40 vs at least 40": (INJURED, {"discrepancy", "update"}, {"vague vs exact"}),
    "evacuated: heading 3,000 vs body 2,000": (EVACUATED, {"contradiction"}, {"within one article"}),
    "distance: 12 km (7.5 mi) vs 7 mi vs 11 km": (DISTANCE, {"agreement", "single"}, set()),
    "2011 depot blast: 31 killed": (OLDER_EVENT, {"agreement"}, set()),
    "workers killed: nine": (WORKERS, {"agreement"}, set()),
    "managers detained: two": (MANAGERS, {"agreement"}, set()),
}

# Pairs that must never share a fact.
APART = [
    # same number, different facts: 40 people at work vs 40 people injured
    (("01_brevnik_courier", "About 40", "were working in the neighbouring packing hall"),
     ("03_castrel_daily_post", "40", "health ministry said 40 people")),
    # a partial count ("six more died") is not the toll
    (("07_marevian_herald", "Six", "Six more people died overnight"), ("07_marevian_herald", "23", "rose to 23")),
    # an older event is not this one
    (("02_marevia_national_radio", "31", "Port Selin"), ("02_marevia_national_radio", "Twelve", "Twelve people")),
    (("09_northsea_chemical_weekly", "31", "Port Selin"), ("09_northsea_chemical_weekly", "23", "killed 23 people")),
    # different groups: firefighters vs workers vs everyone vs evacuated residents
    (("03_castrel_daily_post", "Three", "Three firefighters died"), ("03_castrel_daily_post", "17", "rose to 17")),
    (("06_castrel_observer", "three", "number of firefighters killed"), ("06_castrel_observer", "17", "In all")),
    (("06_castrel_observer", "nine", "nine of its workers"), ("06_castrel_observer", "17", "In all")),
    (("06_castrel_observer", "nine", "nine of its workers"), ("06_castrel_observer", "Five", "Five firefighters")),
    (("06_castrel_observer", "Some 2,000", "evacuated"), ("06_castrel_observer", "40", "40 people were hurt")),
    # two distances that measure different things: windows blown out vs the advice radius
    (("02_marevia_national_radio", "12 kilometres", "blew out windows"),
     ("02_marevia_national_radio", "five-kilometre", "five-kilometre radius")),
]

# (claim, kind, subject, low, high); None for subject means "not checked"
KINDS = [
    (("02_marevia_national_radio", "Twelve", "Twelve people were killed"), "killed", "people", 12, 12),
    (("01_brevnik_courier", "at least 12", "killing at least 12 people"), "killed", "people", 12, None),
    (("03_castrel_daily_post", "Three", "Three firefighters died"), "killed", "firefighters", 3, 3),
    (("06_castrel_observer", "Five", "Five firefighters were killed"), "killed", "firefighters", 5, 5),
    (("06_castrel_observer", "three", "number of firefighters killed"), "killed", "firefighters", 3, 3),
    (("06_castrel_observer", "nine", "nine of its workers"), "killed", "workers", 9, 9),
    (("08_tolsa_valley_gazette", "nine", "nine plant workers died"), "killed", "workers", 9, 9),
    (("08_tolsa_valley_gazette", "Twenty-three", "Twenty-three people"), "killed", "people", 23, 23),
    (("10_brevnik_courier", "23", "claimed 23 lives"), "killed", "people", 23, 23),
    (("03_castrel_daily_post", "40", "health ministry said 40 people"), "injured", "people", 40, 40),
    (("07_marevian_herald", "40", "number of injured at 40"), "injured", "people", 40, 40),
    (("08_tolsa_valley_gazette", "At least 40", "At least 40 people"), "injured", "people", 40, None),
    (("06_castrel_observer", "Some 2,000", "Some 2,000 residents"), "displaced", "civilians", None, None),
    (("10_brevnik_courier", "2,000", "The 2,000 residents evacuated"), "displaced", "civilians", 2000, 2000),
    (("07_marevian_herald", "two", "detained two managers"), "arrested", None, 2, 2),
]

# (claim, words the claimant must contain)
CLAIMANTS = [
    (("02_marevia_national_radio", "Twelve", "Twelve people were killed"), "Civil Protection Directorate"),
    (("03_castrel_daily_post", "17", "rose to 17"), "Civil Protection Directorate"),
    (("03_castrel_daily_post", "Three", "Three firefighters died"), "Penkov"),
    (("06_castrel_observer", "Five", "Five firefighters were killed"), "union"),
    (("06_castrel_observer", "three", "number of firefighters killed"), "Civil Protection Directorate"),
    (("06_castrel_observer", "nine", "nine of its workers"), "Ardena"),
    (("08_tolsa_valley_gazette", "nine", "nine plant workers died"), "Ardena"),
    (("08_tolsa_valley_gazette", "At least 40", "At least 40 people"), "hospital officials"),
    (("07_marevian_herald", "two", "detained two managers"), "prosecutor"),
] + [((stem, "40", words), "health ministry") for stem, s, words in INJURED if s == "40"]

# (claim, role)
ROLES = [
    (("02_marevia_national_radio", "3,000", "3,000 evacuated"), "heading"),
    (("02_marevia_national_radio", "about 2,000", "evacuated about 2,000"), "body"),
    (("01_brevnik_courier", "at least 12", "fertiliser works kills at least 12"), "heading"),
    (("06_castrel_observer", "five", "Union says five firefighters"), "heading"),
]

# (claim, the date the event happened)
EVENT_DATES = [
    (("01_brevnik_courier", "at least 12", "killing at least 12 people"), date(2025, 3, 11)),  # "early on Tuesday"
    (("07_marevian_herald", "23", "rose to 23"), date(2025, 3, 11)),  # "Tuesday's explosion"
    (("09_northsea_chemical_weekly", "23", "killed 23 people"), date(2025, 3, 10)),  # "on 10 March": wrong, planted
    (("02_marevia_national_radio", "31", "Port Selin"), date(2011, 1, 1)),
    (("09_northsea_chemical_weekly", "31", "Port Selin"), date(2011, 1, 1)),
]


# --- running the pipeline once ----------------------------------------------------------------

@pytest.fixture(scope="module")
def fic(nlp, embedder):
    """The real pipeline, real models, over the fictional articles (paths read "tests/fictional/...")."""
    from factcheck import check

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return check([str(p.relative_to(ROOT)) for p in ARTICLES], nlp=nlp, embedder=embedder)
    finally:
        os.chdir(here)


def find(result, stem, surface, words):
    hits = [c for c in result.claims if c.article_id == stem and c.surface == surface and words in c.sentence]
    assert len(hits) == 1, f"expected one claim {surface!r} in {stem} near {words!r}, found {len(hits)}"
    return hits[0]


def fact_of(result, claim):
    (fact,) = [f for f in result.facts if claim.id in f.claim_ids]
    return fact


def the_fact(result, specs):
    """The one fact holding every claim in specs; fails naming the split when there is none."""
    claims = [find(result, *spec) for spec in specs]
    facts = {}
    for spec, c in zip(specs, claims):
        facts.setdefault(fact_of(result, c).id, []).append(f"{spec[0][:2]}:{spec[1]}")
    assert len(facts) == 1, f"claims split over facts: {facts}"
    return fact_of(result, claims[0])


def codes(fact):
    return {w.split(": ", 1)[0] for w in fact.why}


def label(spec):
    return f"{spec[0][:2]}:{spec[1]}"


# --- the folder as read -----------------------------------------------------------------------

def test_folder_is_nine_outlets_over_four_days(fic):
    assert len(fic.articles) == 10 and not fic.skipped
    assert len({a.outlet for a in fic.articles}) == 9
    assert {a.published for a in fic.articles} == {date(2025, 3, d) for d in (11, 12, 13, 14)}


# --- planted facts ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(FACTS))
def test_planted_claims_form_one_fact(fic, name):
    the_fact(fic, FACTS[name][0])


@pytest.mark.parametrize("name", sorted(FACTS))
def test_planted_fact_verdict(fic, name):
    specs, verdicts, _ = FACTS[name]
    fact = the_fact(fic, specs)
    assert fact.verdict in verdicts, f"{name}: {fact.verdict} ({fact.summary}); why={fact.why}"


@pytest.mark.parametrize("name", [n for n in FACTS if FACTS[n][2]])
def test_planted_fact_says_why(fic, name):
    specs, _, needed = FACTS[name]
    fact = the_fact(fic, specs)
    assert needed <= codes(fact), f"{name}: why={fact.why}"


def test_every_why_starts_with_a_known_code(fic):
    for fact in fic.facts:
        assert fact.verdict in VERDICTS
        assert codes(fact) <= WHY_CODES, f"{fact.id}: {fact.why}"


@pytest.mark.parametrize("name", ["people killed: 12 -> 17 -> 23", "people injured: dozens vs 40 vs at least 40"])
def test_rising_or_refined_figures_are_never_a_contradiction(fic, name):
    assert the_fact(fic, FACTS[name][0]).verdict != "contradiction"


@pytest.mark.parametrize("a, b", APART, ids=[f"{label(a)}|{label(b)}" for a, b in APART])
def test_must_not_share_a_fact(fic, a, b):
    assert fact_of(fic, find(fic, *a)).id != fact_of(fic, find(fic, *b)).id


@pytest.mark.parametrize("spec", [a for a, _ in APART] + [b for _, b in APART],
                         ids=[label(a) for a, _ in APART] + [label(b) for _, b in APART])
def test_traps_are_not_flagged_contradictions(fic, spec):
    """A trap claim may sit in a flagged fact only if that fact is one of the planted ones."""
    fact = fact_of(fic, find(fic, *spec))
    planted = {fact_of(fic, find(fic, *s)).id for specs, verdicts, _ in FACTS.values()
               if verdicts & set(FLAGGED) for s in specs}
    assert fact.verdict != "contradiction" or fact.id in planted, f"{fact.id}: {fact.summary}; why={fact.why}"


def test_conversion_in_brackets_is_no_second_claim(fic):
    brackets = [c for c in fic.claims if c.article_id == "02_marevia_national_radio" and c.kind == "distance"
                and "7.5 miles" in c.sentence]
    assert [c.surface for c in brackets] == ["12 kilometres"]
    assert brackets[0].low == 12000


# --- claims: kind, subject, interval, claimant, role, event date -------------------------------

@pytest.mark.parametrize("spec, kind, subject, low, high", KINDS, ids=[label(k[0]) for k in KINDS])
def test_kind_subject_and_interval(fic, spec, kind, subject, low, high):
    c = find(fic, *spec)
    assert c.kind == kind
    if subject is not None:
        assert c.subject == subject
    if low is not None:
        assert (c.low, c.high) == (low, high)


@pytest.mark.parametrize("spec, who", CLAIMANTS, ids=[label(s) for s, _ in CLAIMANTS])
def test_claimant(fic, spec, who):
    c = find(fic, *spec)
    assert c.claimant is not None and who.lower() in c.claimant.lower(), f"claimant {c.claimant!r}"


@pytest.mark.parametrize("spec, role", ROLES, ids=[label(s) for s, _ in ROLES])
def test_role(fic, spec, role):
    assert find(fic, *spec).role == role


@pytest.mark.parametrize("spec, when", EVENT_DATES, ids=[label(s) for s, _ in EVENT_DATES])
def test_event_date(fic, spec, when):
    c = find(fic, *spec)
    if when.month == 1 and when.day == 1:  # a year only
        assert c.event_start is not None and c.event_start.year == when.year and c.event_end.year == when.year
    else:
        assert c.event_start == when == c.event_end, f"{c.event_start}..{c.event_end} from {c.event_surface!r}"


def test_a_future_monday_is_not_the_monday_before(fic):
    """10 says the town hall "would open an office on Monday": 17 March, not 10 March."""
    c = find(fic, "10_brevnik_courier", "more than 600", "more than 600 requests")
    assert c.event_start != date(2025, 3, 10)
    matches = [m for m in find_dates(c.sentence, published=date(2025, 3, 14)) if m.surface == "Monday"]
    assert [(m.low, m.high) for m in matches] == [(date(2025, 3, 17), date(2025, 3, 17))]


def test_date_disagreement_is_flagged(fic):
    """09 dates the blast "on 10 March"; the others say Tuesday (11 March)."""
    claims = fic.claim_map()

    def mentions(c, words):
        return words in c.surface or words in (c.event_surface or "")

    hits = [f for f in fic.facts if f.verdict == "contradiction"
            and any(claims[i].article_id.startswith("09") and mentions(claims[i], "10 March") for i in f.claim_ids)
            and any(not claims[i].article_id.startswith("09") and mentions(claims[i], "Tuesday")
                    for i in f.claim_ids)]
    assert hits, "no contradiction fact sets 09's '10 March' against another outlet's 'Tuesday'"
    assert the_fact(fic, TOLL).verdict == "update", "the date flag must not turn the toll into a contradiction"


# --- syndication and relays -------------------------------------------------------------------

def test_wire_copies_are_one_syndication_group(fic):
    groups = [tuple(sorted(g)) for g in fic.syndication]
    assert WIRE in groups, f"syndication={fic.syndication}"
    others = [g for g in groups if g != WIRE]
    assert not others, f"unexpected syndication groups {others}"


@pytest.mark.parametrize("name", ["firefighters killed: 3 vs 5, same day", "people killed: 12 -> 17 -> 23",
                                  "people injured: dozens vs 40 vs at least 40"])
def test_facts_with_wire_copies_say_syndicated(fic, name):
    fact = the_fact(fic, FACTS[name][0])
    assert "syndicated" in codes(fact), f"why={fact.why}"
    assert {"Castrel Daily Post (Meridian)", "The Northern Ledger", "Marevia Today"} <= set(fact.outlets)


# name -> (independent sources, outlets)
SOURCES = {
    # the directorate (wire x3 + the Observer's relay) and the union
    "firefighters killed: 3 vs 5, same day": (2, {"Castrel Daily Post (Meridian)", "The Northern Ledger",
                                                  "Marevia Today", "The Castrel Observer"}),
    # the Courier's own "dozens", the health ministry relayed by five articles, hospital officials
    "people injured: dozens vs 40 vs at least 40": (3, {"Brevnik Courier", "Castrel Daily Post (Meridian)",
                                                        "The Northern Ledger", "Marevia Today",
                                                        "The Castrel Observer", "The Marevian Herald",
                                                        "Tolsa Valley Gazette"}),
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_sources_count_copies_and_relays_once(fic, name):
    n, outlets = SOURCES[name]
    fact = the_fact(fic, FACTS[name][0])
    assert set(fact.outlets) == outlets
    assert fact.sources == n, f"sources={fact.sources}, outlets={fact.outlets}"


def test_toll_sources_count_the_wire_once(fic):
    fact = the_fact(fic, TOLL)
    assert len(set(fact.outlets)) == 9
    assert fact.sources <= 8, f"three wire copies are one source; sources={fact.sources}"


# --- timeline and reconciliation --------------------------------------------------------------

def test_toll_timeline(fic):
    timeline = the_fact(fic, TOLL).timeline
    dates = [t[0] for t in timeline]
    assert dates == sorted(dates)
    assert dates[0] == "2025-03-11" and dates[-1] == "2025-03-14"
    by_day = {}
    for day, outlet, figure in timeline:
        by_day.setdefault(day, set()).add(figure)
    assert all("12" in f for f in by_day["2025-03-11"]), by_day
    assert by_day["2025-03-12"] == {"17"}, by_day
    assert all("23" in f for f in by_day["2025-03-13"] | by_day["2025-03-14"]), by_day


# name -> expected reconciled values (None: only low <= best <= high is checked)
RECONCILED = {
    "firefighters killed: 3 vs 5, same day": {"acled": 3, "ucdp_low": 3, "ucdp_best": None, "ucdp_high": 5,
                                              "ibc_min": 3, "ibc_max": 5},
    # an update reconciles over the latest reports
    "people killed: 12 -> 17 -> 23": {"acled": 23, "ucdp_low": 23, "ucdp_best": 23, "ucdp_high": 23,
                                      "ibc_min": 23, "ibc_max": 23},
}


@pytest.mark.parametrize("name", list(RECONCILED))
def test_reconciled(fic, name):
    rec = the_fact(fic, FACTS[name][0]).reconciled
    assert set(rec) == {"acled", "ucdp_low", "ucdp_best", "ucdp_high", "ibc_min", "ibc_max"}
    assert rec["ucdp_low"] <= rec["ucdp_best"] <= rec["ucdp_high"] and rec["ibc_min"] <= rec["ibc_max"]
    for key, want in RECONCILED[name].items():
        if want is not None:
            assert rec[key] == want, f"{key}: {rec[key]} != {want} in {rec}"


# --- invariants and the JSON contract ---------------------------------------------------------

def test_offsets_invariant_for_every_claim(fic):
    assert_offsets(fic)
    for c in fic.claims:
        assert c.high is None or c.low <= c.high
        assert c.role in ("body", "heading", "chrome")


def test_json_contract(fic):
    doc = json.loads(fic.to_json())
    for a in doc["articles"]:
        assert {"id", "path", "outlet", "published", "claim_count", "encoding"} <= a.keys()
    for c in doc["claims"]:
        assert {"id", "article_id", "kind", "subject", "low", "high", "qualifier", "surface", "start", "end",
                "sentence", "claimant", "unit", "alternatives", "vague", "subject_group", "predicate", "as_of",
                "event_start", "event_end", "event_surface", "role"} <= c.keys()
    for f in doc["facts"]:
        assert {"id", "kind", "subject", "claim_ids", "verdict", "summary", "why"} <= f.keys()
    assert {"skipped", "policy"} <= doc.keys()
    assert {a["path"] for a in doc["articles"]} == {f"tests/fictional/{p.name}" for p in ARTICLES}
    assert {a["published"] for a in doc["articles"]} == {"2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"}
    ids = {c["id"] for c in doc["claims"]}
    assert sorted(i for f in doc["facts"] for i in f["claim_ids"]) == sorted(ids)


def test_json_carries_the_new_fact_fields(fic):
    doc = json.loads(fic.to_json())
    assert "syndication" in doc
    for f in doc["facts"]:
        assert {"sources", "outlets", "reconciled", "timeline"} <= f.keys(), f"{f['id']}: {sorted(f)}"
    fact = fact_of(fic, find(fic, "03_castrel_daily_post", "17", "rose to 17"))
    (jfact,) = [f for f in doc["facts"] if f["id"] == fact.id]
    assert (jfact["verdict"], jfact["sources"], tuple(jfact["outlets"])) == (fact.verdict, fact.sources, fact.outlets)
    assert set(jfact["reconciled"]) == {"acled", "ucdp_low", "ucdp_best", "ucdp_high", "ibc_min", "ibc_max"}
    assert sorted(map(sorted, doc["syndication"])) == sorted(map(sorted, fic.syndication))
