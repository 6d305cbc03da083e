"""Shared fixtures: the real models are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from factcheck.claims import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def embedder():
    from factcheck.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def seed_result(nlp, embedder):
    """The real pipeline, real models, over seeds/."""
    import os

    from factcheck import check

    here = os.getcwd()
    os.chdir(ROOT)  # paths in the report read "seeds/...", as the README's command writes them
    try:
        return check(["seeds"], nlp=nlp, embedder=embedder)
    finally:
        os.chdir(here)


def assert_offsets(result) -> None:
    """Every claim points back into its article: surface and sentence at their offsets."""
    arts = result.article_map()
    assert len(result.claims) > 40
    for c in result.claims:
        text = arts[c.article_id].text
        assert text[c.start:c.end] == c.surface
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
