"""Train the learned figure typer and report its cross-validated accuracy.

Reads the labelled frames in ``factcheck/data/frames_*.tsv`` (sentences written
for the project that keep real reporting constructions; columns sentence,
figure, kind, scope, construction), parses each with the English spaCy model,
finds the labelled figure with ``numbers.find_figures`` and its place in the
parse with ``claims.locate_figure``, and turns it into frame features
(``typer.frame_features``). A multinomial logistic regression (scikit-learn,
lbfgs, fixed seed) is scored by stratified 5-fold cross-validation, overall and
for the counts it would type at the abstain threshold, then fitted on every
frame and written to ``factcheck/data/typer.json``.

    python benchmarks/train_typer.py            # report and write the weights
    python benchmarks/train_typer.py --no-write # report only
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.claims import load_nlp, locate_figure  # noqa: E402
from factcheck.numbers import find_figures  # noqa: E402
from factcheck.typer import SCOPE_WEIGHTS, WEIGHTS, Typer, frame_features  # noqa: E402

DATA = ROOT / "factcheck" / "data"
THRESHOLD = 0.6
C = 2.0


def read_frames() -> list[dict]:
    rows = []
    for path in sorted(DATA.glob("frames_*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
                row["where"] = f"{path.name}:{i}"
                rows.append(row)
    return rows


def featurise(rows: list[dict]) -> tuple[list[dict], list[str], list[dict]]:
    nlp = load_nlp()
    feats, labels, kept = [], [], []
    for row, doc in zip(rows, nlp.pipe([r["sentence"] for r in rows], batch_size=64)):
        at = row["sentence"].find(row["figure"])
        span = (at, at + len(row["figure"]))
        fm = next((m for m in find_figures(row["sentence"]) if m.start < span[1] and span[0] < m.end), None)
        sent = next((s for s in doc.sents if s.start_char <= at < s.end_char), None)
        if fm is None or sent is None or fm.role in ("time", "year", "name", "conversion", "ordinal"):
            continue  # the figure reader drops it before typing: nothing to learn here
        located = locate_figure(sent, _shift(fm, sent.start_char))
        if located is None:
            continue
        num, noun, _anchor, pred = located
        feats.append(frame_features(num, noun, pred, value=fm.figure.low))
        labels.append(row["kind"])
        kept.append(row)
    return feats, labels, kept


def _shift(fm, offset: int):
    """A figure match re-offset into its sentence, as extraction sees it."""
    from dataclasses import replace
    return replace(fm, start=fm.start - offset, end=fm.end - offset,
                   number_start=fm.number_start - offset, number_end=fm.number_end - offset)


def fit(feats: list[dict], labels: list[str], threshold: float = THRESHOLD) -> Typer:
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats)
    model = LogisticRegression(C=C, max_iter=5000, random_state=0)
    model.fit(X, labels)
    names = vec.get_feature_names_out()
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # binary: one logit for the second class; the first sits at 0
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], intercept])
    coef = coef.T
    weights = {str(n): tuple(round(float(w), 5) for w in coef[j]) for j, n in enumerate(names)
               if np.abs(coef[j]).max() > 1e-4}
    return Typer(tuple(str(c) for c in model.classes_), tuple(round(float(b), 5) for b in intercept),
                 weights, threshold)


TARGET_PRECISION = 0.90  # the abstain threshold: the lowest whose cross-validated typing is this precise
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)


def cross_validate(feats: list[dict], labels: list[str], *, positive: str | None = None) -> float:
    """Print 5-fold accuracy and precision/recall of typing per threshold; return the chosen threshold.

    ``positive`` names the one class whose precision the threshold is for (the scope model's
    "part"); by default every class but "other" counts as typed."""
    y = np.array(labels)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    right, held = 0, []  # (best kind, its probability, label) of every held-out frame
    for train, test in folds.split(np.zeros(len(y)), y):
        typer = fit([feats[i] for i in train], [labels[i] for i in train])
        for i in test:
            probs = typer.probabilities(feats[i])
            best = max(typer.classes, key=lambda c: (probs[c], c))
            right += best == labels[i]
            held.append((best, probs[best], labels[i]))
    def typed_as(kind: str) -> bool:
        return kind == positive if positive else kind != "other"

    n, counts = len(labels), sum(typed_as(lab) for lab in labels)
    print(f"frames: {n}; 5-fold accuracy (argmax): {right}/{n} = {right / n:.3f}")
    chosen = THRESHOLDS[-1]
    for t in THRESHOLDS:
        typed = [(b, lab) for b, p, lab in held if p >= t and typed_as(b)]
        ok = sum(b == lab for b, lab in typed)
        precision = ok / max(len(typed), 1)
        print(f"  threshold {t:.2f}: typed {len(typed)} as a kind, {ok} right (precision {precision:.3f}); "
              f"kind counts typed right {ok}/{counts} (recall {ok / max(counts, 1):.3f})")
        if precision >= TARGET_PRECISION and chosen == THRESHOLDS[-1]:
            chosen = t
    print(f"abstain threshold: {chosen} (the lowest with cross-validated precision >= {TARGET_PRECISION})")
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="report only")
    args = ap.parse_args()
    rows = read_frames()
    feats, labels, kept = featurise(rows)
    print(f"read {len(rows)} frames, {len(kept)} usable (the figure found and located in the parse)")
    for kind in sorted(set(labels)):
        print(f"  {kind}: {labels.count(kind)}")
    threshold = cross_validate(feats, labels)
    # the scope of a count of a kind: the whole toll, a part of it, or one person's
    counted = [i for i, lab in enumerate(labels) if lab not in ("other", "age")]
    s_feats = [feats[i] for i in counted]
    s_labels = ["whole" if kept[i]["scope"] == "whole" else "part" for i in counted]
    print(f"scope of {len(counted)} counts: whole {s_labels.count('whole')}, part or person {s_labels.count('part')}")
    scope_threshold = cross_validate(s_feats, s_labels, positive="part")
    if not args.no_write:
        (DATA / WEIGHTS).write_text(fit(feats, labels, threshold).to_json() + "\n", encoding="utf-8")
        (DATA / SCOPE_WEIGHTS).write_text(fit(s_feats, s_labels, scope_threshold).to_json() + "\n",
                                          encoding="utf-8")
        print(f"wrote {DATA / WEIGHTS} and {DATA / SCOPE_WEIGHTS}")


if __name__ == "__main__":
    main()
