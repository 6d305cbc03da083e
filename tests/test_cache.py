"""The on-disk cache: hits, misses, invalidation, and the same bytes with or without it."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SEEDS
from factcheck import check
from factcheck.cache import Cache, default_dir


class HashEmbedder:
    """A fast, deterministic stand-in for the real model (tests of the cache only)."""

    name = "hash-embedder"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).normal(size=16).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.vstack(rows)


class NoParse:
    """The real pipeline's identity, but parsing fails: proves a run was served from the cache."""

    def __init__(self, nlp) -> None:
        self.meta, self.pipe_names = nlp.meta, nlp.pipe_names

    def pipe(self, texts, **kwargs):
        raise AssertionError("parsed although every article was cached")


SMALL = ("001_608ae3d8a6d353fc.txt", "003_62008b33e4acb1ae.txt")  # the two short seeds: fast to parse


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in (*SMALL, "sources.csv"):
        shutil.copy(SEEDS / name, folder / name)
    return folder


@pytest.mark.parametrize("policy", ["conservative"])
def test_rerun_hits_every_article_and_gives_the_same_result(tmp_path, corpus, nlp, policy):
    cache = Cache(tmp_path / "cache")
    first = check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=cache, policy=policy)
    assert (cache.hits, cache.misses) == (0, len(first.articles))
    again = Cache(tmp_path / "cache")
    embedder = HashEmbedder()
    second = check([corpus], nlp=NoParse(nlp), embedder=embedder, cache=again, policy=policy)
    assert (again.hits, again.misses) == (len(first.articles), 0)
    assert embedder.calls == 0, "vectors come from the cache"
    assert second.to_markdown() == first.to_markdown()
    assert second.to_json() == first.to_json()


@pytest.mark.parametrize("change, expected_misses", [
    ("text", 1),          # one article edited: only it is parsed again
    ("metadata", 1),      # one outlet renamed in the manifest
    ("policy", 2),        # another vague-quantity policy: every article
])
def test_a_change_invalidates_exactly_what_it_touches(tmp_path, corpus, nlp, change, expected_misses):
    check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=Cache(tmp_path / "cache"))
    policy = "conservative"
    if change == "text":
        path = corpus / "003_62008b33e4acb1ae.txt"
        path.write_text(path.read_text(encoding="utf-8").replace("Two police", "Three police"), encoding="utf-8")
    elif change == "metadata":
        manifest = corpus / "sources.csv"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("BBC News", "BBC World"),
                            encoding="utf-8")
    else:
        policy = "crowd"
    cache = Cache(tmp_path / "cache")
    cached = check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=cache, policy=policy)
    assert cache.misses == expected_misses
    assert cache.hits == len(cached.articles) - expected_misses
    fresh = check([corpus], nlp=nlp, embedder=HashEmbedder(), policy=policy)
    assert cached.to_json() == fresh.to_json()


@pytest.mark.parametrize("damages", [(b"", b"{not json", b"[{\"id\": 1}]", b"\x93NUMPY garbage")])
def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path, corpus, nlp, damages):
    expected = check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=Cache(tmp_path / "cache")).to_json()
    for damage in damages:
        for entry in (tmp_path / "cache").rglob("*.*"):
            entry.write_bytes(damage)
        cache = Cache(tmp_path / "cache")
        result = check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=cache)
        assert cache.misses == len(result.articles)
        assert result.to_json() == expected


@pytest.mark.parametrize("runs", [2])
def test_clear_empties_the_cache(tmp_path, corpus, nlp, runs):
    for _ in range(runs):
        check([corpus], nlp=nlp, embedder=HashEmbedder(), cache=Cache(tmp_path / "cache"))
    assert any((tmp_path / "cache").rglob("*.json"))
    Cache(tmp_path / "cache").clear()
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


@pytest.mark.parametrize("env, expected", [
    ({"FACTCHECK_CACHE": "/x/fc"}, Path("/x/fc")),
    ({"XDG_CACHE_HOME": "/x/xdg"}, Path("/x/xdg/factcheck")),
])
def test_the_cache_folder_is_documented_and_configurable(monkeypatch, env, expected):
    monkeypatch.delenv("FACTCHECK_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert default_dir() == expected


@pytest.mark.parametrize("runs", [("cold", "warm")])
def test_real_models_give_byte_identical_reports_with_and_without_cache(tmp_path, nlp, embedder,
                                                                        seed_result, runs):
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        for _ in runs:
            result = check(["seeds"], nlp=nlp, embedder=embedder, cache=Cache(tmp_path / "cache"))
            assert result.to_markdown() == seed_result.to_markdown()
            assert result.to_json() == seed_result.to_json()
    finally:
        os.chdir(here)
