"""Golden claims: sentences in wire-copy style and the claims they state, in full structure.

The table lives in ``claims_golden.tsv`` (one case per line, see its header). Each case runs
through the real spaCy pipeline via ``extract_claims``; the expected claims are written as
surfaces and the test derives their offsets, then checks kind, subject, interval, qualifier,
claimant and ``text[start:end] == surface``. Claims of kind ``other`` (counted things with no
known kind) are not compared. A case that should pass but does not yet is listed in
``KNOWN_FAILURES`` with its reason; it runs as ``xfail(strict=True)`` and counts against the
required share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.records import Article

TABLE = Path(__file__).with_name("claims_golden.tsv")
PUBLISHED = date(2020, 6, 15)
REQUIRED_SHARE = 0.98
MIN_CASES = 300

# Sentence -> why it fails today. Each one runs as xfail(strict=True).
KNOWN_FAILURES = {
    "There were no reports of deaths or injuries.":
        "one zero word covers two coordinated outcome nouns; a span yields one claim",
    "Eleven people were killed in the attack, two of them children.":
        "an absolute 'two of them children' clause is not read as a subset with its own subject",
    "Police detained 31 protesters; 12 were later released.":
        "the learned typer reads the 12 released as a count of the arrested; the scope model does not "
        "yet mark it a part",
    "The rebels freed 40 hostages.":
        "the learned typer reads 'freed N hostages' as a rescue whoever frees them; captors releasing "
        "hostages is no rescue",
}

Row = tuple[str, str, str, int, float, "float | None", str, "str | None"]


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    expected: tuple[Row, ...]


def _value(field: str, kind: str) -> float | None:
    if field == "inf":
        return None
    if kind == "date":
        return float(date.fromisoformat(field).toordinal())
    return float(field)


def _parse(line_no: int, line: str) -> Case:
    sentence, _, claims = line.partition("\t")
    text = sentence.replace("\\n", "\n")
    rows: list[Row] = []
    pos = 0
    if claims.strip() != "-":
        for spec in claims.split(" ; "):
            kind, subject, surface, low, high, qualifier, claimant = spec.split("|")
            start = text.find(surface, pos)  # test side only: expected claims are in text order
            assert start >= 0, f"line {line_no}: surface {surface!r} not in {text!r}"
            pos = start
            rows.append((kind, subject, surface, start, _value(low, kind), _value(high, kind),
                         qualifier, claimant or None))
    return Case(line_no, text, tuple(rows))


def _load() -> list[Case]:
    cases = []
    for i, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cases.append(_parse(i, line))
    return cases


CASES = _load()


def _actual(case: Case, nlp) -> tuple[Row, ...]:
    article = Article(id="g", path="golden", outlet="Golden", published=PUBLISHED, text=case.text)
    rows = []
    for c in extract_claims(article, nlp=nlp):
        assert case.text[c.start:c.end] == c.surface
        if c.kind != "other" and c.role != "could have":  # counterfactuals: tests/test_news_constructions.py
            rows.append((c.kind, c.subject, c.surface, c.start, c.low, c.high, c.qualifier, c.claimant))
    return tuple(rows)


def _same(got: tuple[Row, ...], want: tuple[Row, ...]) -> bool:
    def key(rows):
        return sorted(rows, key=lambda r: (r[3], r[0], r[2]))
    if len(got) != len(want):
        return False
    for g, w in zip(key(got), key(want)):
        if g[:4] != w[:4] or g[6:] != w[6:]:
            return False
        for a, b in ((g[4], w[4]), (g[5], w[5])):
            if (a is None) != (b is None) or (a is not None and not math.isclose(a, b, rel_tol=1e-9)):
                return False
    return True


@pytest.fixture(scope="module")
def outcomes(nlp) -> dict[int, tuple[Row, ...]]:
    return {case.line: _actual(case, nlp) for case in CASES}


def _param(case: Case):
    marks = ()
    if case.text in KNOWN_FAILURES:
        marks = pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[case.text])
    return pytest.param(case, id=f"L{case.line}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_case(case, outcomes):
    got = outcomes[case.line]
    assert _same(got, case.expected), f"\n{case.text}\n got: {got}\nwant: {case.expected}"


def test_golden_table_size_and_share(outcomes):
    assert len(CASES) >= MIN_CASES, f"expected at least {MIN_CASES} cases, found {len(CASES)}"
    right = sum(_same(outcomes[c.line], c.expected) for c in CASES)
    share = right / len(CASES)
    print(f"\ngolden claims: {right}/{len(CASES)} cases fully right ({share:.1%})")
    assert share >= REQUIRED_SHARE, f"expected >= {REQUIRED_SHARE:.0%} of cases right, found {share:.1%}"


def test_known_failures_are_in_the_table():
    texts = {c.text for c in CASES}
    assert set(KNOWN_FAILURES) <= texts
