"""Tests for factcheck.dates: a golden table of news-style sentences, and property tests.

Each golden case is a sentence, its publication date, and the expected matches as
(surface, low, high); the test derives offsets from the result and checks them
against the sentence, never by searching for the surface again.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import DateMatch, find_dates, resolve_date

# Publication anchors, with their weekdays, so the table reads without a calendar.
WED = date(2017, 6, 28)  # Wednesday
MON = date(2018, 1, 15)  # Monday
FRI = date(2019, 5, 3)  # Friday
SUN_LEAP = date(2020, 3, 1)  # Sunday, the day after 29 February 2020
TUE_DEC = date(2016, 12, 20)  # Tuesday in December
NOLEAP = date(2021, 2, 28)  # Sunday, a year without 29 February


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def day(iso: str) -> tuple[date, date]:
    return d(iso), d(iso)


def span(low: str, high: str) -> tuple[date, date]:
    return d(low), d(high)


# (id, sentence, published, [(surface, (low, high)), ...])
GOLDEN = [
    # --- absolute dates
    ("mdy", "The ceasefire was signed on June 27, 2017, officials said.", WED,
     [("June 27, 2017", day("2017-06-27"))]),
    ("dmy-no-anchor", "Talks collapsed on 27 June 2017 after a night of shelling.", None,
     [("27 June 2017", day("2017-06-27"))]),
    ("mdy-after-publication", "The strike began on July 27, 2017 and lasted a week.", WED,
     [("July 27, 2017", day("2017-07-27"))]),
    ("ordinal-dmy", "Voting opened on 1st May 2019 in the northern provinces.", FRI,
     [("1st May 2019", day("2019-05-01"))]),
    ("iso", "The report, dated 2017-06-27, lists 14 victims.", None,
     [("2017-06-27", day("2017-06-27"))]),
    ("iso-datetime", "Updated 2017-06-27T13:00:00Z with new figures.", None,
     [("2017-06-27", day("2017-06-27"))]),
    ("dmy-april", "Polls closed on 30 April 2019 with turnout near 60 percent.", FRI,
     [("30 April 2019", day("2019-04-30"))]),
    ("month-year", "Prices had risen sharply by July 2017, traders said.", WED,
     [("July 2017", span("2017-07-01", "2017-07-31"))]),
    ("since-year", "The camp has hosted refugees since 2015, the agency said.", None,
     [("2015", span("2015-01-01", "2015-12-31"))]),
    ("in-year", "The dam was completed in 2009 at a cost of $4bn.", None,
     [("2009", span("2009-01-01", "2009-12-31"))]),
    ("weekday-mdy", "The treaty, signed on Monday, June 26, 2017, took effect in March.", WED,
     [("Monday, June 26, 2017", day("2017-06-26")), ("March", span("2017-03-01", "2017-03-31"))]),
    ("abbrev-month", "Sept. 5, 2018: the court upheld the ban.", None,
     [("Sept. 5, 2018", day("2018-09-05"))]),
    ("abbrev-month-jan", "The deadline is Jan. 31, 2020, the ministry said.", None,
     [("Jan. 31, 2020", day("2020-01-31"))]),
    ("day-range", "Fighting on 27-28 June 2017 killed at least 40 people.", None,
     [("27-28 June 2017", span("2017-06-27", "2017-06-28"))]),
    ("summer-of-year", "The summer of 2015 saw record crossings.", None,
     [("2015", span("2015-01-01", "2015-12-31"))]),
    ("decade", "Inflation peaked in the late 1990s.", None,
     [("late 1990s", span("1990-01-01", "1999-12-31"))]),
    ("year-range", "Between 2015 and 2017, exports fell by a third.", None,
     [("2015 and 2017", span("2015-01-01", "2017-12-31"))]),
    ("early-year", "Output grew in early 2016, then stalled.", None,
     [("early 2016", span("2016-01-01", "2016-12-31"))]),
    ("possessive-year", "2016's harvest was the worst on record.", None,
     [("2016", span("2016-01-01", "2016-12-31"))]),
    ("ruling-of-date", "The ruling of 5 May 2019 was overturned on appeal.", None,
     [("5 May 2019", day("2019-05-05"))]),
    ("may-with-year", "Theresa May said in May 2019 that she would resign.", None,
     [("May 2019", span("2019-05-01", "2019-05-31"))]),
    # --- day and month without a year: the latest on or before publication
    ("dm-previous-year", "The rebels withdrew on 27 June, according to residents.", MON,
     [("27 June", day("2017-06-27"))]),
    ("md-previous-year", "Protests began on July 30 and spread to three cities.", WED,
     [("July 30", day("2016-07-30"))]),
    ("md-ordinal", "By July 30th the camp was empty.", MON,
     [("July 30th", day("2017-07-30"))]),
    ("dm-short", "Police said the arrests were made on 5 July.", FRI,
     [("5 July", day("2018-07-05"))]),
    ("dm-publication-day", "Officials said the vote was held on 28 June.", WED,
     [("28 June", day("2017-06-28"))]),
    ("leap-day-same-year", "The bridge collapsed on 29 February.", SUN_LEAP,
     [("29 February", day("2020-02-29"))]),
    ("leap-day-back", "The bridge collapsed on 29 February.", NOLEAP,
     [("29 February", day("2020-02-29"))]),
    ("weekday-md", "Markets fell on Monday, June 26, analysts said.", WED,
     [("Monday, June 26", day("2017-06-26"))]),
    ("ordinal-of-month", "The 3rd of March marked a year since the siege.", MON,
     [("3rd of March", day("2017-03-03"))]),
    # --- weekdays: the latest such day on or before publication
    ("on-monday", "The minister resigned on Monday.", WED, [("Monday", day("2017-06-26"))]),
    ("possessive-weekday", "Monday's blast destroyed two buildings.", WED, [("Monday", day("2017-06-26"))]),
    ("tuesday-night", "Shelling resumed Tuesday night near the border.", WED,
     [("Tuesday night", day("2017-06-27"))]),
    ("earlier-tuesday", "Earlier Tuesday, the army denied the claim.", WED, [("Tuesday", day("2017-06-27"))]),
    ("monday-morning-same-day", "Rescuers reached the village Monday morning.", MON,
     [("Monday morning", day("2018-01-15"))]),
    ("weekday-is-publication-day", "The committee met on Wednesday.", WED, [("Wednesday", day("2017-06-28"))]),
    ("last-friday", "The talks ended last Friday without a deal.", WED, [("last Friday", day("2017-06-23"))]),
    ("next-monday", "A second round is scheduled for next Monday.", WED, [("next Monday", day("2017-07-03"))]),
    ("sunday-count-not-date", "On Sunday, 12 people were hurt.", SUN_LEAP, [("Sunday", day("2020-03-01"))]),
    ("lede-and-body", "On Monday, troops moved in. Residents fled on Monday.", WED,
     [("Monday", day("2017-06-26")), ("Monday", day("2017-06-26"))]),
    # --- a weekday after a future marker looks ahead, from the publication day itself
    ("would-monday", "The council said it would open an office on Monday.", WED, [("Monday", day("2017-07-03"))]),
    ("will-friday", "The ministry will publish the list on Friday.", WED, [("Friday", day("2017-06-30"))]),
    ("due-to-sunday", "Rescue teams are due to arrive Sunday morning.", WED,
     [("Sunday morning", day("2017-07-02"))]),
    ("will-today", "The court will rule on Wednesday.", WED, [("Wednesday", day("2017-06-28"))]),
    ("would-have-looks-back", "She would have turned 30 on Monday.", WED, [("Monday", day("2017-06-26"))]),
    ("past-after-future", "They will bury those who were killed on Monday.", WED, [("Monday", day("2017-06-26"))]),
    ("future-in-earlier-sentence", "Talks will resume. The army withdrew on Monday.", WED,
     [("Monday", day("2017-06-26"))]),
    ("future-then-possessive", "Officials would not comment on Monday's attack.", WED,
     [("Monday", day("2017-06-26"))]),
    ("future-then-simple-past", "Families who will be paid buried their dead on Monday.", WED,
     [("Monday", day("2017-06-26"))]),
    ("passive-future", "The vote would be delayed until Monday, officials said.", WED,
     [("Monday", day("2017-07-03"))]),
    ("event-of-year", "It is the worst unrest since the riots of 2011, in which 84 people died.", WED,
     [("2011", span("2011-01-01", "2011-12-31"))]),
    ("crowd-of-number", "A crowd of 2015 gathered.", WED, []),
    # a marker elsewhere in the sentence does not reach the weekday
    ("future-then-relative-clause", "The government will hold an inquiry into the fire, which broke out on Monday.",
     WED, [("Monday", day("2017-06-26"))]),
    ("future-then-in-which", "Police would investigate the crash in which a bus hit a wall on Monday.", WED,
     [("Monday", day("2017-06-26"))]),
    ("will-the-name", "Will Smith spoke on Monday.", WED, [("Monday", day("2017-06-26"))]),
    ("is-to-not-a-marker", "The question is to what extent the attack on Monday was planned.", WED,
     [("Monday", day("2017-06-26"))]),
    ("were-due-to", "Talks were due to start on Monday but were postponed.", WED, [("Monday", day("2017-06-26"))]),
    ("will-need-to", "The government will need to decide on Monday.", WED, [("Monday", day("2017-07-03"))]),
    ("will-be-adverb-opened", "The bridge will be formally opened on Monday.", WED, [("Monday", day("2017-07-03"))]),
    # --- a month alone: the latest such month on or before publication
    ("in-december-same-month", "Talks stalled in December, diplomats said.", TUE_DEC,
     [("December", span("2016-12-01", "2016-12-31"))]),
    ("in-december-previous", "The law was passed in December.", MON,
     [("December", span("2017-12-01", "2017-12-31"))]),
    ("since-march", "Prices have risen since March.", MON, [("March", span("2017-03-01", "2017-03-31"))]),
    ("mid-month", "Clashes erupted in mid-July.", MON, [("mid-July", span("2017-07-01", "2017-07-31"))]),
    ("last-march", "The site closed last March.", FRI, [("last March", span("2019-03-01", "2019-03-31"))]),
    # --- relative to publication
    ("yesterday", "Two soldiers were killed yesterday.", WED, [("yesterday", day("2017-06-27"))]),
    ("today", "The curfew was lifted today.", WED, [("today", day("2017-06-28"))]),
    ("last-week", "Aid convoys arrived last week.", WED, [("last week", span("2017-06-19", "2017-06-25"))]),
    ("last-month", "Unemployment rose last month.", MON, [("last month", span("2017-12-01", "2017-12-31"))]),
    ("last-year-capital", "Last year, 3,000 migrants crossed the strait.", FRI,
     [("Last year", span("2018-01-01", "2018-12-31"))]),
    ("months-ago", "The company was founded six months ago.", WED,
     [("six months ago", span("2016-12-01", "2016-12-31"))]),
    ("years-ago", "The town fell two years ago.", WED, [("two years ago", span("2015-01-01", "2015-12-31"))]),
    ("earlier-this-year", "Earlier this year, the agency warned of famine.", WED,
     [("Earlier this year", span("2017-01-01", "2017-06-28"))]),
    ("this-year", "This year the harvest failed.", WED, [("This year", span("2017-01-01", "2017-12-31"))]),
    ("last-night", "The mayor spoke last night.", WED, [("last night", span("2017-06-27", "2017-06-28"))]),
    ("weeks-ago", "Rains flooded the valley three weeks ago.", WED,
     [("three weeks ago", span("2017-06-05", "2017-06-11"))]),
    ("a-few-days-ago", "The strike ended a few days ago.", WED,
     [("a few days ago", span("2017-06-23", "2017-06-26"))]),
    ("past-year", "Over the past year, prices doubled.", WED,
     [("past year", span("2016-06-27", "2017-06-28"))]),
    ("the-last-year-is-past-year", "In the last year, prices doubled.", WED,
     [("last year", span("2016-06-27", "2017-06-28"))]),
    ("over-the-weekend", "Fighting flared over the weekend.", WED,
     [("the weekend", span("2017-06-24", "2017-06-25"))]),
    ("mixed", "Police said on Monday that 27 people were killed on 27 June 2017.", WED,
     [("Monday", day("2017-06-26")), ("27 June 2017", day("2017-06-27"))]),
    # --- not dates
    ("thousands-not-year", "Some 240,000 people fled, up from 2,017 a year earlier.", WED, []),
    ("clock-times", "The meeting began at 2.15pm and ended at 15:00 UTC.", WED, []),
    ("clock-24h", "A second session opened at 13:00.", WED, []),
    ("article-number", "Article 350 of the constitution was invoked.", WED, []),
    ("duration-on-the-run", "After six months on the run, he surrendered.", WED, []),
    ("duration-for", "He was detained for six months.", WED, []),
    ("modal-may", "They may return if the fighting stops.", WED, []),
    ("sentence-initial-may", "May the court rule swiftly, he said.", WED, []),
    ("clock-by-gmt", "Troops will withdraw by 1900 GMT.", WED, []),
    ("clock-range", "Polling stations close from 1300 to 1500 for lunch.", WED, []),
    ("count-after-in", "The virus was found in 2000 cases.", WED, []),
    ("count-after-by", "Turnout rose by 1500 votes.", WED, []),
    ("bare-count", "Some 1,200 homes and 2017 cars were damaged.", WED, []),
    ("crowd-of-count", "A crowd of 2015 gathered outside the court.", WED, []),
    ("good-friday", "Crowds gathered for Good Friday prayers.", WED, []),
    ("in-may-alone", "The 2017-18 season ended in May.", WED, []),
    # --- without a publication date only absolute dates come back
    ("no-anchor-yearless", "The minister resigned on Monday, June 26.", None, []),
    ("no-anchor-relative", "Two soldiers were killed yesterday, and more last week.", None, []),
    ("no-anchor-mixed", "On Monday officials recalled the attack of 27 June 2017.", None,
     [("27 June 2017", day("2017-06-27"))]),
]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [pytest.param(s, p, e, id=i) for i, s, p, e in GOLDEN],
)
def test_golden(sentence: str, published: date | None, expected: list[tuple[str, tuple[date, date]]]) -> None:
    found = find_dates(sentence, published=published)
    assert [(m.surface, (m.low, m.high)) for m in found] == expected
    for m in found:
        assert sentence[m.start:m.end] == m.surface


def test_golden_table_size() -> None:
    assert len(GOLDEN) >= 50
    assert len({case[0] for case in GOLDEN}) == len(GOLDEN), "case ids must be unique"


@pytest.mark.parametrize(
    ("sentence", "published", "relative"),
    [
        ("on Monday", WED, True),
        ("27 June", MON, True),
        ("June 27, 2017", WED, False),
        ("in 2015", None, False),
    ],
)
def test_relative_flag(sentence: str, published: date | None, relative: bool) -> None:
    (match,) = find_dates(sentence, published=published)
    assert match.relative is relative


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Monday", WED, day("2017-06-26")),
        ("July 2017", None, span("2017-07-01", "2017-07-31")),
        ("in December", MON, span("2017-12-01", "2017-12-31")),
        ("last year", FRI, span("2018-01-01", "2018-12-31")),
        ("yesterday", None, None),
        ("no date here", WED, None),
        ("Monday and Tuesday", WED, None),
    ],
)
def test_resolve_date(phrase: str, published: date | None, expected: tuple[date, date] | None) -> None:
    assert resolve_date(phrase, published=published) == expected


@pytest.mark.parametrize(
    ("changes", "fieldname"),
    [({"low": date(2017, 1, 2), "high": date(2017, 1, 1)}, "low"), ({"start": 5, "end": 5}, "start")],
)
def test_datematch_checks_invariants(changes: dict[str, object], fieldname: str) -> None:
    base = {"start": 0, "end": 6, "surface": "Monday", "low": date(2017, 1, 2),
            "high": date(2017, 1, 2), "relative": True}
    with pytest.raises(ValueError, match=f"DateMatch.{fieldname}"):
        DateMatch(**{**base, **changes})


@pytest.mark.parametrize("fieldname", ["low"])
def test_datematch_is_frozen(fieldname: str) -> None:
    match = find_dates("on Monday", published=WED)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(match, fieldname, date(2000, 1, 1))


# --------------------------------------------------------------------------- properties

# Fragments that exercise every pattern, glued by random separators, so hypothesis
# reaches the date code paths far more often than with uniform random text.
_FRAGMENTS = [
    "June 27, 2017", "27 June 2017", "27-28 June", "1st May 2019", "2017-06-27", "July 2017", "in 2015",
    "since 1999", "of 2015", "by 2030", "27 June", "July 30th", "29 February", "31 April", "Monday",
    "last Friday", "next Sunday", "Tuesday night", "in December", "mid-July", "last March", "yesterday",
    "today", "last week", "last month", "last year", "this year", "earlier this year", "six months ago",
    "a few days ago", "9999 years ago", "the weekend", "1990s", "from 2015 to 2017", "2015-16", "2016's",
    "May", "may", "2.15pm", "15:00 UTC", "240,000", "2,017", "Article 350", "Good Friday", "0000-00-00",
    "9999-12-31", "Jan.", "Sept. 5", "the", "of", "in", ",", " ", "\n", "-", "0", "99",
]
_SEPARATORS = st.sampled_from([" ", ", ", ". ", "-", "", "\n", " on ", " in "])
_date_texts = st.lists(st.tuples(st.sampled_from(_FRAGMENTS), _SEPARATORS), max_size=12).map(
    lambda parts: "".join(f + s for f, s in parts)
)
_texts = st.one_of(st.text(max_size=300), _date_texts)
# Extremes of the date range catch arithmetic overflow ("yesterday" on 0001-01-01).
_published = st.one_of(
    st.none(), st.dates(), st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25)])
)


def _check_invariants(text: str, matches: list[DateMatch]) -> None:
    previous_end = 0
    for m in matches:
        assert isinstance(m, DateMatch)
        assert text[m.start:m.end] == m.surface
        assert m.low <= m.high
        assert previous_end <= m.start < m.end
        previous_end = m.end


@settings(max_examples=400, deadline=None)
@given(text=_texts, published=_published)
def test_find_dates_never_raises_and_keeps_invariants(text: str, published: date | None) -> None:
    _check_invariants(text, find_dates(text, published=published))


@settings(max_examples=200, deadline=None)
@given(text=_date_texts, published=st.dates())
def test_without_anchor_only_absolute(text: str, published: date) -> None:
    unanchored = find_dates(text, published=None)
    assert not any(m.relative for m in unanchored)
    anchored = find_dates(text, published=published)
    # Every absolute date found without an anchor is still found, or covered by a longer match, with one.
    for m in unanchored:
        assert any(a.start < m.end and m.start < a.end for a in anchored)


@settings(max_examples=200, deadline=None)
@given(text=_texts, published=_published)
def test_resolve_date_never_raises(text: str, published: date | None) -> None:
    result = resolve_date(text, published=published)
    assert result is None or result[0] <= result[1]


# --------------------------------------------------------------------------- needles

def _needle_cases():
    from factcheck.lang import es_dates
    from test_es_dates import GOLDEN as ES_GOLDEN, NEGATIVE as ES_NEGATIVE

    from factcheck import dates

    english = [case[1] for case in GOLDEN] + _FRAGMENTS
    spanish = [case[1] for case in ES_GOLDEN] + ES_NEGATIVE
    return [(dates._PATTERNS, text) for text in english] + [(es_dates._PATTERNS, text) for text in spanish]


@pytest.mark.parametrize("patterns,text", _needle_cases())
def test_a_pattern_never_matches_without_its_needle(patterns, text) -> None:
    """A pattern is skipped when its needle is not in the text: that must never skip a match."""
    for variant in (text, text.upper(), text.lower()):
        for regex, _handler, needle in patterns:
            for m in regex.finditer(variant):
                assert needle.search(m.group(0)), (regex.pattern[:60], m.group(0))


_ES_FRAGMENTS = ["27 de junio de 2017", "el martes", "el pasado lunes", "julio de 2017", "hace seis meses", "ayer",
                 "anteayer", "esta mañana", "la semana pasada", "el fin de semana", "entre 2015 y 2017",
                 "en 2017", "del 2018", "27/06/2017", "SÁBADO", "a finales de julio", "el próximo viernes"]
_any_texts = st.one_of(_texts, st.lists(st.tuples(st.sampled_from(_ES_FRAGMENTS + _FRAGMENTS), _SEPARATORS),
                                        max_size=12).map(lambda parts: "".join(f + s for f, s in parts)))


@settings(max_examples=300, deadline=None)
@given(text=_any_texts)
def test_needles_hold_on_generated_text(text: str) -> None:
    from factcheck import dates
    from factcheck.lang import es_dates

    for patterns in (dates._PATTERNS, es_dates._PATTERNS):
        for regex, _handler, needle in patterns:
            for m in regex.finditer(text):
                assert needle.search(m.group(0))
