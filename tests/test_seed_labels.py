"""Seed labels: every casualty and arrest figure in seeds/, labelled by hand, against extraction.

``seed_labels.csv`` lists each killed, injured and arrested figure of the seed articles with its
kind, subject, interval, qualifier and claimant, plus its surface and a few words of its sentence
to locate it. The test extracts claims from the seeds with the real spaCy pipeline and computes,
per kind, precision (extracted claims of the kind that match a label in full) and recall
(labels matched in full by an extracted claim); both must reach 0.9.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from factcheck.claims import extract_many
from factcheck.ingest import ingest

LABELS = Path(__file__).with_name("seed_labels.csv")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KINDS = ("killed", "injured", "arrested")
THRESHOLD = 0.9


def _labels() -> list[dict]:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _num(field: str) -> float | None:
    return None if field == "inf" else float(field)


def _matches(claim, label: dict) -> bool:
    """Same place (article, surface, sentence words) and same content in full."""
    if not (claim.article_id.startswith(label["article"]) and claim.surface == label["surface"]
            and label["context"] in claim.sentence):
        return False
    high = _num(label["high"])
    return (claim.kind == label["kind"] and claim.subject == label["subject"]
            and math.isclose(claim.low, float(label["low"]))
            and ((claim.high is None) == (high is None)) and (high is None or math.isclose(claim.high, high))
            and claim.qualifier == label["qualifier"] and (claim.claimant or "") == label["claimant"])


@pytest.fixture(scope="module")
def seed_claims(nlp):
    articles, _ = ingest([SEEDS])
    return [c for claims in extract_many(articles, nlp=nlp) for c in claims]


def scores(claims, labels) -> dict[str, tuple[float, float, int, int]]:
    """Per kind: (precision, recall, extracted, labelled)."""
    out = {}
    for kind in KINDS:
        mine = [c for c in claims if c.kind == kind]
        gold = [lab for lab in labels if lab["kind"] == kind]
        tp_p = sum(any(_matches(c, lab) for lab in gold) for c in mine)
        tp_r = sum(any(_matches(c, lab) for c in mine) for lab in gold)
        out[kind] = (tp_p / len(mine) if mine else 1.0, tp_r / len(gold) if gold else 1.0, len(mine), len(gold))
    return out


def test_labels_locate_one_claim_each(seed_claims):
    for lab in _labels():
        hits = [c for c in seed_claims if c.article_id.startswith(lab["article"])
                and c.surface == lab["surface"] and lab["context"] in c.sentence]
        assert len(hits) <= 1, f"label {lab['surface']!r} near {lab['context']!r} is ambiguous"


@pytest.mark.parametrize("kind", KINDS)
def test_precision_and_recall_per_kind(seed_claims, kind):
    table = scores(seed_claims, _labels())
    print("\nkind       precision  recall  extracted  labelled")
    for k, (p, r, n, g) in table.items():
        print(f"{k:<10} {p:9.2f} {r:7.2f} {n:10d} {g:9d}")
    precision, recall, _, _ = table[kind]
    assert precision >= THRESHOLD, f"{kind}: precision {precision:.2f} < {THRESHOLD}"
    assert recall >= THRESHOLD, f"{kind}: recall {recall:.2f} < {THRESHOLD}"
