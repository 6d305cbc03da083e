"""The learned figure typer: what a count counts when the rules cannot say.

The rules in ``claims.py`` are a high-precision first pass; a figure they leave
untyped comes here. This module owns the figure's *frame* (the words around it,
its counted noun and that noun's modifiers, and its path up the dependency parse
to the governing predicate) as a bag of string features, and a multinomial
logistic regression over those features whose weights ship inside the package
(``data/typer.json``, written by ``benchmarks/train_typer.py`` from the labelled
frames in ``data/frames_*.tsv``). It reads spaCy tokens and returns a kind and
its probability, or ``None`` when the model is not sure enough (it abstains).
Prediction is a sparse dot product in pure Python: deterministic, no model load
beyond one small JSON file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WEIGHTS = "typer.json"
SCOPE_WEIGHTS = "scoper.json"
# Words of no help to the frame: punctuation and determiners carry no kind.
_SKIP_POS = {"PUNCT", "DET", "SPACE", "CCONJ"}
WINDOW = 4


def _lemma(tok) -> str:
    return tok.lemma_.lower() if tok.pos_ != "NUM" else "#"


def _magnitude(value: float | None) -> str:
    if value is None or value <= 0:
        return "0"
    return str(min(int(math.log10(value)), 7))


def frame_features(num, noun, pred, *, value: float | None = None) -> dict[str, float]:
    """The frame of one figure as string features.

    Args:
        num: The numeral token (the last one of the figure).
        noun: The noun it counts, or None ("five were injured").
        pred: The predicate the rules walked up to, or None.
        value: The figure's low end, for its order of magnitude.

    Returns:
        Feature name -> weight: window lemmas by side and position, the counted
        noun and its modifiers, the dependency path up to four heads, the
        predicate and its complements, and the sentence's verbs and nouns.
    """
    f: dict[str, float] = {"bias": 1.0, f"mag={_magnitude(value)}": 1.0}
    sent = num.sent
    for tok in sent[max(num.i - WINDOW, sent.start) - sent.start: num.i - sent.start]:
        if tok.pos_ not in _SKIP_POS:
            f[f"L={_lemma(tok)}"] = 1.0
    for tok in sent[num.i + 1 - sent.start: min(num.i + 1 + WINDOW, sent.end) - sent.start]:
        if tok.pos_ not in _SKIP_POS:
            f[f"R={_lemma(tok)}"] = 1.0
    if num.i + 1 < sent.end:
        f[f"R1={_lemma(num.doc[num.i + 1])}"] = 1.0
    if num.i - 1 >= sent.start:
        f[f"L1={_lemma(num.doc[num.i - 1])}"] = 1.0
    f[f"numdep={num.dep_}"] = 1.0
    if noun is not None:
        f[f"noun={noun.lemma_.lower()}"] = 1.0
        f[f"nounent={noun.ent_type_ or '-'}"] = 1.0
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "acl", "relcl", "nmod", "prep") and c.i != num.i:
                f[f"nmod={c.dep_}:{c.lemma_.lower()}"] = 1.0
                f[f"nm={c.lemma_.lower()}"] = 1.0
    else:
        f["noun=-"] = 1.0
    tok = noun if noun is not None else num
    for depth in range(4):
        if tok.head.i == tok.i:
            break
        f[f"up{depth}={tok.dep_}:{tok.head.lemma_.lower()}"] = 1.0
        f[f"up={tok.head.lemma_.lower()}"] = 1.0
        tok = tok.head
    if pred is not None:
        f[f"pred={pred.lemma_.lower()}"] = 1.0
        for c in pred.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "acomp", "oprd", "xcomp", "attr", "prep", "prt"):
                f[f"pc={c.dep_}:{c.lemma_.lower()}"] = 1.0
    for t in sent:
        if t.pos_ in ("VERB", "NOUN", "ADJ") and t.i != num.i:
            f[f"s={t.lemma_.lower()}"] = 0.5
    return f


@dataclass(frozen=True)
class Typer:
    """A multinomial logistic regression over frame features, with an abstain threshold."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = list(self.intercept)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is None:
                continue
            for k, w in enumerate(row):
                scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def predict(self, features: dict[str, float]) -> tuple[str, float] | None:
        """The most probable kind and its probability; None when below the threshold."""
        probs = self.probabilities(features)
        kind = max(self.classes, key=lambda c: (probs[c], c))
        if probs[kind] < self.threshold:
            return None
        return kind, probs[kind]

    def to_json(self) -> str:
        """The weights as JSON, one feature a line (a retrained model diffs line by line)."""
        head = {"classes": list(self.classes), "intercept": list(self.intercept), "threshold": self.threshold}
        rows = [f"{json.dumps(k)}: {json.dumps(list(v))}" for k, v in sorted(self.weights.items())]
        return json.dumps(head, sort_keys=True)[:-1] + ', "weights": {\n' + ",\n".join(rows) + "\n}}"

    @classmethod
    def from_json(cls, text: str) -> "Typer":
        d = json.loads(text)
        return cls(tuple(d["classes"]), tuple(d["intercept"]),
                   {k: tuple(v) for k, v in d["weights"].items()}, float(d["threshold"]))


@lru_cache(maxsize=1)
def load_typer() -> Typer | None:
    """The typer shipped with the package, or None when its weights are absent."""
    try:
        text = resources.files("factcheck.data").joinpath(WEIGHTS).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return Typer.from_json(text)


@lru_cache(maxsize=1)
def load_scoper() -> Typer | None:
    """The scope model shipped with the package: is a typed count the whole toll, a part of it
    ("N remain in hospital", "12 were later released") or one person's? None when absent."""
    try:
        text = resources.files("factcheck.data").joinpath(SCOPE_WEIGHTS).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return Typer.from_json(text)
