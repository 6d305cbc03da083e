"""Interval logic of the compare stage: verdicts, symmetry, summaries."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.compare import disjoint, format_figure, verdict
from factcheck.records import Article, Claim


def claim(low, high, qualifier="exact", *, unit=None, alternatives=(), article="a", vague=False, start=0):
    surface = "x" * 3
    return Claim(id=f"{article}:{start}", article_id=article, kind="killed", subject="people",
                 low=low, high=high, qualifier=qualifier, surface=surface, start=start, end=start + 3,
                 sentence=surface, sentence_start=start, unit=unit, alternatives=alternatives, vague=vague)


@pytest.mark.parametrize("figures, expected", [
    ([(2, 2), (2, 2)], "agreement"),
    ([(2, 2), (1, None)], "discrepancy"),          # "two" vs "at least one"
    ([(50, None), (59, None)], "discrepancy"),     # "at least 50" vs "at least 59"
    ([(1, 1), (2, 2)], "contradiction"),           # "one" vs "two"
    ([(0, 0), (1, 1)], "contradiction"),           # "no one" vs "one"
    ([(101, None), (75, 75)], "contradiction"),    # "more than 100" vs "75"
    ([(1, 10), (5, 5)], "discrepancy"),            # "as many as 10" vs "five"
    ([(2, 2)], "single"),
])
def test_verdicts(figures, expected):
    assert verdict([claim(lo, hi, start=i * 10) for i, (lo, hi) in enumerate(figures)]) == expected


@pytest.mark.parametrize("a, b, expected", [
    ((80000, 80000, "m"), (80467.2, 80467.2, "m"), False),   # 80 km vs 50 miles: one distance
    ((80000, 80000, "m"), (100000, 100000, "m"), True),
])
def test_measures_tolerate_rounded_conversions(a, b, expected):
    assert disjoint(claim(a[0], a[1], unit=a[2]), claim(b[0], b[1], unit=b[2], start=10)) is expected


@pytest.mark.parametrize("alternatives, other, expected", [
    ((50, 59), (59, 59), False),
    ((50, 59), (55, 55), True),     # "50 or 59" never means 55
    ((1, 2), (1, None), False),
])
def test_alternatives_are_not_averaged(alternatives, other, expected):
    a = claim(min(alternatives), max(alternatives), "or", alternatives=alternatives)
    assert disjoint(a, claim(other[0], other[1], start=10)) is expected


bounds = st.tuples(st.integers(0, 500), st.one_of(st.none(), st.integers(0, 500))).map(
    lambda t: (t[0], None if t[1] is None else max(t)))


@given(bounds, bounds)
def test_disjoint_is_symmetric(a, b):
    x, y = claim(*a), claim(*b, start=10)
    assert disjoint(x, y) == disjoint(y, x)


@pytest.mark.parametrize("low, high, qualifier, expected", [
    (2, 2, "exact", "2"),
    (1, None, "at least", "at least 1"),
    (8, 16, "range", "8–16"),
    (101, None, "more than", "more than 100"),     # stored as at least 101, said as written
    (2.5, None, "more than", "more than 2.5"),
])
def test_format_figure(low, high, qualifier, expected):
    assert format_figure(claim(low, high, qualifier)) == expected


@pytest.mark.parametrize("low, high, qualifier, unit, expected", [
    (15_552_000, None, "more than", "s", "more than 6 months"),   # not "15,552,000 s"
    (31_104_000, 31_104_000, "exact", "s", "12 months"),           # twelve 30-day months are no year
    (259_200, 259_200, "exact", "s", "3 days"),
    (3000, 3000, "exact", "m", "3 km"),
    (3218.688, 3218.688, "exact", "m", "3.22 km"),                 # "two miles"
    (22, 22, "exact", "m", "22 m"),
    (2_592_000, 2_592_000, "exact", "s", "1 month"),               # one, not "1 months"
    (604_800, 604_800, "exact", "s", "1 week"),
    (1_296_000, 1_296_000, "exact", "s", "15 days"),               # half a month is no "0.5 months"
])
def test_format_figure_in_a_readable_unit(low, high, qualifier, unit, expected):
    assert format_figure(claim(low, high, qualifier, unit=unit)) == expected


def test_article_record_checks_fields():
    with pytest.raises(ValueError, match="body_start"):
        Article(id="x", path="x", outlet="x", published=date(2020, 1, 1), text="abc", body_start=9)


def dated(low, high, as_of, *, article="a", start=0, claimant=None, kind="killed"):
    base = claim(low, high, article=article, start=start)
    from dataclasses import replace
    return replace(base, as_of=as_of, claimant=claimant, kind=kind)


@pytest.mark.parametrize("figures, expected", [
    # a toll rising over days is an update, not a contradiction
    ([(12, 12, date(2021, 3, 1)), (17, 17, date(2021, 3, 2)), (23, 23, date(2021, 3, 3))], "update"),
    ([(12, 12, date(2021, 3, 1)), (15, None, date(2021, 3, 2))], "update"),
    # the same figure restated as a bound has not moved: no update
    ([(12, 12, date(2021, 3, 1)), (12, None, date(2021, 3, 2))], "discrepancy"),
    ([(1800, 2200, date(2021, 3, 1)), (2000, 2000, date(2021, 3, 2))], "discrepancy"),
    # a toll that falls later is not an update
    ([(17, 17, date(2021, 3, 1)), (12, 12, date(2021, 3, 2))], "contradiction"),
    # two reports of one day that conflict stay a contradiction whatever came later
    ([(3, 3, date(2021, 3, 1)), (5, 5, date(2021, 3, 1)), (9, 9, date(2021, 3, 2))], "contradiction"),
])
def test_updates(figures, expected):
    claims = [dated(lo, hi, d, article=f"a{i}", start=i) for i, (lo, hi, d) in enumerate(figures)]
    assert verdict(claims) == expected


@pytest.mark.parametrize("kind, expected", [("missing", "update"), ("displaced", "update"),
                                             ("killed", "contradiction")])
def test_the_missing_are_found_so_their_count_may_fall(kind, expected):
    claims = [dated(23, 23, date(2021, 3, 1), kind=kind), dated(17, 17, date(2021, 3, 2), article="b", kind=kind),
              dated(9, 9, date(2021, 3, 4), article="c", kind=kind)]
    assert verdict(claims) == expected


def test_update_needs_a_running_toll():
    claims = [dated(4, 4, date(2021, 3, 1), kind="weapons used"),
              dated(6, 6, date(2021, 3, 2), article="b", kind="weapons used")]
    assert verdict(claims) == "contradiction"


@pytest.mark.parametrize("figures, expected", [
    ([(2, 2), (2, None), (1, None)], {"acled": 1, "ucdp_low": 1, "ucdp_best": 2, "ucdp_high": 2,
                                      "ibc_min": 1, "ibc_max": 2}),
    ([(50, None), (59, None)], {"acled": 50, "ucdp_low": 50, "ucdp_best": 59, "ucdp_high": 59,
                                "ibc_min": 50, "ibc_max": 59}),
    # "one" vs "three": the best estimate is a figure given (ties go to the lower), never their mean 2
    ([(1, 1), (3, 3)], {"acled": 1, "ucdp_low": 1, "ucdp_best": 1, "ucdp_high": 3, "ibc_min": 1, "ibc_max": 3}),
])
def test_reconcile(figures, expected):
    from factcheck.compare import reconcile

    assert reconcile([claim(lo, hi, start=i) for i, (lo, hi) in enumerate(figures)]) == expected


def test_relayed_claimant_counts_once():
    from factcheck.compare import source_key

    a = dated(40, 40, date(2021, 3, 1), article="x", claimant="the health ministry")
    b = dated(40, 40, date(2021, 3, 1), article="y", claimant="Health Ministry (via Wire)")
    c = dated(40, 40, date(2021, 3, 1), article="z")
    d = dated(40, 40, date(2021, 3, 1), article="w")
    keys = {source_key(x, {"z": "w", "w": "w"}) for x in (a, b, c, d)}
    assert len(keys) == 2  # one ministry relayed twice, one wire story carried twice


@pytest.mark.parametrize("names, sources", [
    (("government", "government communique"), 1),           # the document is not a second source
    (("government", "Government officials"), 1),
    (("police spokesman", "the police"), 1),
    (("government", "opposition"), 2),
    (("officials", "witnesses"), 2),
])
def test_one_body_under_several_names_is_one_source(names, sources):
    from factcheck.compare import count_sources, reasons

    claims = [dated(2, 2, date(2021, 3, 1), article=f"x{i}", claimant=n, start=i) for i, n in enumerate(names)]
    assert count_sources(claims, {}) == sources
    arts = {c.article_id: Article(id=c.article_id, path="p", outlet=c.article_id, published=None, text="xxxxx")
            for c in claims}
    claims.append(dated(3, 3, date(2021, 3, 1), article="x0", claimant=names[0], start=9))
    said = [w for w in reasons(claims, arts) if w.startswith("different claimants")]
    assert bool(said) == (sources > 1), said


def test_a_month_against_a_day_is_a_difference_of_precision():
    from dataclasses import replace

    from factcheck.compare import reasons

    day, month = date(2017, 6, 27).toordinal(), (date(2017, 7, 1).toordinal(), date(2017, 7, 31).toordinal())
    claims = [replace(claim(day, day, start=0, article="a"), kind="date", surface="Tue"),
              replace(claim(*month, "range", start=5, article="b"), kind="date", surface="Jul")]
    arts = {a: Article(id=a, path="p", outlet=a, published=None, text="xxxxxxxxx") for a in "ab"}
    why = reasons(claims, arts)
    assert verdict(claims) == "contradiction"
    assert "different precision: Jul against single days" in why
    assert not any(w.startswith("vague vs exact") for w in why)


@pytest.mark.parametrize("a, b, sources", [
    ("Venezuelan government", "Venezuelan opposition", 2),   # one country, two sides
    ("Syrian army", "Syrian Observatory for Human Rights", 2),
    ("Civil Protection Directorate", "directorate spokesman", 1),
])
def test_a_country_word_does_not_make_one_source(a, b, sources):
    from factcheck.compare import count_sources

    claims = [dated(2, 2, date(2021, 3, 1), article="x", claimant=a), dated(3, 3, date(2021, 3, 1), article="y",
                                                                          claimant=b)]
    assert count_sources(claims, {}) == sources


@pytest.mark.parametrize("a, b, alike", [
    ((1_000_001, None, "more than"), (1_030_000, 1_030_000, "exact"), True),   # "more than a million" / "1.03 million"
    ((2, None, "at least"), (2, 2, "exact"), False),                          # "at least two" may be more
    ((927_000, 1_133_000, "about"), (1_030_000, 1_030_000, "exact"), True),   # "around 1.03 million" / "1.03 million"
    ((844, None, "at least"), (801, None, "more than"), False),               # 844 and 800 are two numbers
    ((1, None, "at least"), (2, 2, "exact"), False),                          # "at least one" / "two"
    ((10, None, "at least"), (0, 10, "up to"), False),                        # bounds that lean apart
    ((6, None, "more than"), (6, 6, "exact"), False),                         # "more than six months" is not six
])
def test_rounded_or_bounded_figures_of_one_number_agree(a, b, alike):
    from factcheck.compare import same_figure

    x, y = claim(a[0], a[1], a[2]), claim(b[0], b[1], b[2], article="b")
    assert same_figure(x, y) is alike
    assert same_figure(y, x) is alike


def test_a_day_inside_a_month_is_one_date():
    from dataclasses import replace

    from factcheck.compare import verdict

    day = date(2015, 9, 24).toordinal()
    month = (date(2015, 9, 1).toordinal(), date(2015, 9, 30).toordinal())
    a = replace(claim(day, day), kind="date")
    b = replace(claim(*month, qualifier="range", article="b"), kind="date")
    c = replace(claim(day + 10, day + 10, article="c"), kind="date")
    assert verdict([a, b]) == "agreement"
    assert verdict([a, c]) == "contradiction"


@pytest.mark.parametrize("low, high, qualifier, surface, expected", [
    (1, 10, "as many as", "as many as 10", "as many as 10"),       # not "(1–10)": the 1 is no one's figure
    (0, 10, "up to", "up to  10", "up to 10"),
    (0, 9, "fewer than", "fewer than 10", "fewer than 10"),
    (225_000, 275_000, "about", "about 250,000", "about 250,000"),  # not the tool's ±10% band
])
def test_a_bounded_figure_reads_as_written(low, high, qualifier, surface, expected):
    from dataclasses import replace

    assert format_figure(replace(claim(low, high, qualifier), surface=surface, end=len(surface))) == expected


@pytest.mark.parametrize("articles, claimants, expected", [
    (("a", "a"), (None, "RT"), "single"),             # one article quoting one compilation twice
    (("a", "a"), ("police", "hospital"), "agreement"),  # two sources in one article
    (("a", "b"), (None, None), "agreement"),          # two outlets
    (("a", "b"), ("Ardena", "Ardena Agrochem"), "agreement"),  # relayed: agreement, with sources 1
])
def test_an_agreement_needs_two_sources_or_two_outlets(articles, claimants, expected):
    from factcheck.compare import fact_verdict

    claims = [dated(0, 0, date(2021, 3, 1), article=a, claimant=n, start=i * 10)
              for i, (a, n) in enumerate(zip(articles, claimants))]
    assert verdict(claims) == "agreement"
    assert fact_verdict(claims) == expected


@pytest.mark.parametrize("subjects, expected", [
    (("drop", "launch", "throw"), "attack"),
    (("explosion",), "explosion"),
    (("evacuate",), "evacuation"),
    (("explosion", "blast"), "explosion"),
    (("die", "arrest"), "arrest or deaths"),
])
def test_a_date_is_headed_by_the_event_a_reader_names(subjects, expected):
    from dataclasses import replace

    from factcheck.compare import event_name

    assert event_name([replace(claim(1, 1), kind="date", subject=s) for s in subjects]) == expected


@pytest.mark.parametrize("bound, exact, alike", [
    (25, 26, False),           # "at least 25" vs "26": the bound is no rounder
    (1000, 1049, True),        # "at least 1,000" vs "1,049": the bound is the number rounded
    (1_000_000, 1_030_000, True),
])
def test_a_bound_agrees_only_when_it_is_the_number_rounded(bound, exact, alike):
    from factcheck.compare import same_figure

    assert same_figure(claim(bound, None, "at least"), claim(exact, exact, article="b")) is alike


def test_a_start_time_reads_as_a_clock_with_its_zone():
    from factcheck.compare import format_figure
    base = dict(id="a:0-3", article_id="a", kind="start time", subject="start time", qualifier="exact",
                surface="5am", start=0, end=3, sentence="5am", sentence_start=0)
    assert format_figure(Claim(low=18000, high=18000, unit="clock", **base)) == "05:00"
    assert format_figure(Claim(low=79200, high=79200, unit="clock GMT", **base)) == "22:00 GMT"
