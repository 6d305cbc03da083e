"""Bounded memory without changed bytes: the compact vectors of the embed stage, and the JSON
and Markdown reports written piece by piece, give exactly what the per-article matrices, one
``json.dumps`` and one join of the report's lines gave."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict

import numpy as np
import pytest

from factcheck.pipeline import compact_vectors, embed_stage, embed_vectors, group_stage
from factcheck.report import _md_sections, to_dict, to_json, to_markdown

from test_cache import HashEmbedder


def _per_article(result):
    by_article = defaultdict(list)
    for c in result.claims:
        by_article[c.article_id].append(c)
    return [by_article[a.id] for a in result.articles]


@pytest.mark.parametrize("writer", ["to_json", "write_json"])
def test_json_in_pieces_is_one_dumps_to_the_byte(seed_result, tmp_path, writer):
    whole = json.dumps(to_dict(seed_result), ensure_ascii=False, indent=2) + "\n"
    if writer == "to_json":
        assert to_json(seed_result) == whole
    else:
        seed_result.write_json(tmp_path / "r.json")
        assert (tmp_path / "r.json").read_bytes() == whole.encode("utf-8")


@pytest.mark.parametrize("facts", ["all", "none"])
def test_markdown_in_pieces_is_every_line_joined_once(seed_result, tmp_path, facts):
    """The pieces of the Markdown report (a section or a flagged fact each, empty sections left
    out) join to the report's lines joined by line breaks, in memory and in the file. (What the
    lines say is held by the committed seeds report, in test_seeds.)"""
    result = seed_result if facts == "all" else dataclasses.replace(seed_result, facts=(), syndication=())
    lines = [line for section in _md_sections(result) for line in section]
    assert len(lines) > 20 and lines[-1] == ""
    whole = "\n".join(lines)
    assert to_markdown(result) == whole
    result.write_markdown(tmp_path / "r.md")
    assert (tmp_path / "r.md").read_bytes() == whole.encode("utf-8")
    assert ("No fact has differing figures." in whole) == (facts == "none")


@pytest.mark.parametrize("rows", ["claims", "ledes"])
def test_compact_vectors_hold_each_articles_matrix(seed_result, rows):
    articles, per_article = list(seed_result.articles), _per_article(seed_result)
    matrices = embed_stage(articles, per_article, embedder=HashEmbedder())
    compact = embed_vectors(articles, per_article, embedder=HashEmbedder())
    again = compact_vectors(matrices)
    assert len(compact.matrix) < len(again.matrix)  # a text said twice is embedded and kept once
    for i, m in enumerate(matrices):
        assert np.array_equal(compact.article(i), m) and np.array_equal(again.article(i), m)
    if rows == "claims":
        flat = np.vstack([m[:-1] for m in matrices])
        assert np.array_equal(compact[list(range(len(flat)))], flat) and np.array_equal(compact[3], flat[3])
    else:
        assert np.array_equal(compact.ledes, np.vstack([m[-1:] for m in matrices]))


@pytest.mark.parametrize("given", ["matrices", "compact"])
def test_grouping_is_the_same_from_either_form(seed_result, given):
    articles, per_article = list(seed_result.articles), _per_article(seed_result)
    vectors = (embed_stage if given == "matrices" else embed_vectors)(articles, per_article, embedder=HashEmbedder())
    _, facts, _ = group_stage(articles, per_article, vectors)
    reference = embed_stage(articles, per_article, embedder=HashEmbedder())
    assert facts == group_stage(articles, per_article, reference)[1]
