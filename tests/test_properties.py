"""Property tests (hypothesis): extraction never raises, offsets hold, intervals are ordered,
comparison is symmetric, and records survive a JSON round trip."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cache import record_from_dict, record_to_dict
from factcheck.claims import extract_claims
from factcheck.compare import disjoint, same_figure, verdict
from factcheck.records import Article, Claim, Fact, Figure

# Words that steer the text into the figure, date and attribution code paths.
WORDS = ["at least", "more than", "as many as", "about", "nearly", "up to", "dozens of", "several", "two",
         "50 or 59", "1,200", "3.5", "killed", "injured", "were arrested", "died", "people", "police officers",
         "soldiers", "protesters", "said", "according to", "officials", "on Monday", "27 June", "July 2017",
         "last year", "km", "80 kilometers", "$2 million", "40%", "hours", "no one", "none of the",
         ",", ".", "\u201c", "\u201d", "(", ")", "|", "\n", "\n\n", "-", "\u2013", "/", "AFP PHOTO"]
PHRASES = st.lists(st.sampled_from(WORDS) | st.integers(0, 10**7).map(str), max_size=40).map(" ".join)
TEXTS = PHRASES | st.text(max_size=300)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=TEXTS, published=st.none() | st.dates(date(1990, 1, 1), date(2040, 12, 31)))
def test_extraction_never_raises_and_every_claim_points_into_its_text(nlp, text, published):
    article = Article(id="a", path="a.txt", outlet="Outlet", published=published, text=text)
    for c in extract_claims(article, nlp=nlp):
        assert text[c.start:c.end] == c.surface
        assert c.high is None or c.low <= c.high
        assert not math.isnan(c.low)


# --- comparison ------------------------------------------------------------------------

FINITE = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def claims(draw, article_id: str | None = None):
    low = draw(FINITE)
    high = draw(st.none() | FINITE.map(lambda x: low + x))
    alternatives = draw(st.just(()) | st.lists(FINITE, min_size=2, max_size=3).map(lambda xs: tuple(sorted(xs))))
    if alternatives:
        low, high = alternatives[0], alternatives[-1]
    aid = article_id or draw(st.sampled_from(["a", "b", "c"]))
    return Claim(
        id=f"{aid}:{draw(st.integers(0, 10**6))}", article_id=aid, kind=draw(st.sampled_from(["killed", "injured"])),
        subject="people", low=low, high=high, qualifier=draw(st.sampled_from(["exact", "at least", "about", "range"])),
        surface="x", start=0, end=1, sentence="x", sentence_start=0,
        unit=draw(st.none() | st.just("m")), alternatives=alternatives, vague=draw(st.booleans()),
        as_of=draw(st.none() | st.dates(date(2020, 1, 1), date(2020, 1, 5))),
    )


@settings(max_examples=300, deadline=None)
@given(a=claims(), b=claims())
def test_comparison_is_symmetric(a, b):
    assert disjoint(a, b) == disjoint(b, a)
    assert same_figure(a, b) == same_figure(b, a)
    assert verdict([a, b]) == verdict([b, a])
    assert same_figure(a, a) and not disjoint(a, a)


@settings(max_examples=200, deadline=None)
@given(group=st.lists(claims(), min_size=1, max_size=4), data=st.data())
def test_a_verdict_does_not_depend_on_claim_order(group, data):
    shuffled = data.draw(st.permutations(group))
    assert verdict(group) == verdict(shuffled)


# --- JSON round trip -------------------------------------------------------------------

TEXT = st.text(max_size=20)
DATES = st.none() | st.dates(date(1900, 1, 1), date(2100, 1, 1))


@st.composite
def articles(draw):
    text = draw(st.text(min_size=1, max_size=50))
    return Article(id=draw(TEXT), path=draw(TEXT), outlet=draw(TEXT), published=draw(DATES), text=text,
                   body_start=draw(st.integers(0, len(text))), url=draw(st.none() | TEXT),
                   title=draw(st.none() | TEXT), encoding=draw(st.sampled_from(["utf-8", "cp1252"])))


@st.composite
def full_claims(draw):
    c = draw(claims())
    start = draw(st.integers(0, 100))
    surface = draw(st.text(min_size=1, max_size=10))
    day = draw(st.none() | st.dates(date(2000, 1, 1), date(2030, 1, 1)))
    return Claim(**{**record_to_python(c), "start": start, "end": start + len(surface), "surface": surface,
                    "claimant": draw(st.none() | TEXT), "sentence": draw(TEXT), "event_start": day,
                    "event_end": day, "event_surface": draw(st.none() | TEXT)})


def record_to_python(record) -> dict:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


FACTS = st.builds(Fact, id=TEXT, kind=TEXT, subject=TEXT, claim_ids=st.lists(TEXT).map(tuple), verdict=TEXT,
                  summary=TEXT, why=st.lists(TEXT).map(tuple))
FIGURES = FINITE.flatmap(lambda low: st.builds(Figure, low=st.just(low), high=st.none() | FINITE.map(lambda x: low + x),
                                               qualifier=TEXT, unit=st.none() | TEXT, vague=st.booleans()))


@pytest.mark.parametrize("strategy", [articles(), full_claims(), FACTS, FIGURES], ids=["article", "claim", "fact", "figure"])
def test_records_survive_a_json_round_trip(strategy):
    @settings(max_examples=100, deadline=None)
    @given(record=strategy)
    def round_trip(record):
        text = json.dumps(record_to_dict(record), ensure_ascii=False)
        assert record_from_dict(type(record), json.loads(text)) == record

    round_trip()


@pytest.mark.parametrize("field", ["claims"])
def test_the_report_json_round_trips_to_the_same_claims(seed_result, field):
    doc = json.loads(seed_result.to_json())
    back = tuple(record_from_dict(Claim, row) for row in doc[field])
    assert back == seed_result.claims
