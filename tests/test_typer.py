"""The learned figure typer: shipped weights, deterministic prediction, abstention."""

from __future__ import annotations

import pytest

from factcheck.claims import locate_figure
from factcheck.numbers import find_figures
from factcheck.typer import Typer, frame_features, load_typer


def _frame(nlp, sentence: str, surface: str):
    sent = next(iter(nlp(sentence).sents))
    fm = next(m for m in find_figures(sent.text) if m.surface == surface)
    num, noun, _anchor, pred = locate_figure(sent, fm)
    return frame_features(num, noun, pred, value=fm.figure.low)


def test_the_weights_ship_with_the_package():
    typer = load_typer()
    assert typer is not None
    assert {"killed", "injured", "arrested", "crowd size", "other"} <= set(typer.classes)
    assert 0.5 <= typer.threshold < 1


def test_json_round_trip_keeps_every_weight():
    typer = load_typer()
    again = Typer.from_json(typer.to_json())
    assert again == typer


# Sentences written for this test, outside the training frames.
@pytest.mark.parametrize("sentence, surface, kind", [
    ("Hospitals in the port city were treating 31 people on Friday night.", "31", "injured"),
    ("Relief agencies said 4,200 families had fled the flooded valley.", "4,200", "displaced"),
    ("The vote took place in 2,300 polling stations across the region.", "2,300", None),
    ("The bridge is 640 metres long and was opened in 1988.", "640 metres", None),
])
def test_typer_reads_frames_it_was_not_trained_on(nlp, sentence, surface, kind):
    found = load_typer().predict(_frame(nlp, sentence, surface))
    if kind is None:
        assert found is None or found[0] == "other", found
    else:
        assert found is not None and found[0] == kind, found


def test_it_abstains_below_its_threshold(nlp):
    typer = load_typer()
    features = _frame(nlp, "The committee met 3 times before the vote.", "3")
    probs = typer.probabilities(features)
    best = max(probs, key=probs.get)
    found = typer.predict(features)
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert (found is None) == (probs[best] < typer.threshold)
    assert found is None or found[0] == "other"
