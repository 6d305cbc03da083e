"""Syndication: Articles -> groups of articles that carry one wire story.

Reads articles and their lede embeddings. Nearest neighbours on the ledes
propose candidate pairs; a pair is a copy when their word 5-gram shingles
overlap by at least ``min_containment`` of the shorter text (outlets trim and
retitle wire copy, so containment beats symmetric Jaccard). Returns groups of
article ids (each sorted, two or more), so that compare can count a wire story
carried by several outlets as one source.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.neighbors import NearestNeighbors

from .records import Article

SHINGLE = 5
MIN_CONTAINMENT = 0.6
CANDIDATE_DISTANCE = 0.25  # ledes closer than this (cosine distance) are checked word by word

_WORD = re.compile(r"\w+")


def shingles(text: str, *, size: int = SHINGLE) -> set[int]:
    """Hashes of the text's lower-cased word ``size``-grams."""
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i:i + size])) for i in range(max(0, len(words) - size + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller shingle set that the other one also holds."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_syndication(articles: list[Article], lede_vecs: np.ndarray, *, neighbours: int = 10,
                     min_containment: float = MIN_CONTAINMENT) -> tuple[tuple[str, ...], ...]:
    """Groups of article ids whose texts are copies of one story.

    Args:
        articles: the run's articles.
        lede_vecs: one unit vector per article, row-aligned.
        neighbours: candidate neighbours per article.
        min_containment: shingle containment that makes two texts one story.

    Returns:
        Sorted tuples of ids, one per group of two or more copies, in sorted order.
    """
    n = len(articles)
    if n < 2:
        return ()
    k = min(n, neighbours + 1)
    nn = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(lede_vecs)
    dist, nbr = nn.kneighbors(lede_vecs)
    cache: dict[int, set[int]] = {}

    def sh(i: int) -> set[int]:
        if i not in cache:
            a = articles[i]
            cache[i] = shingles(a.text[a.body_start:])
        return cache[i]

    rows, cols = [], []
    for i in range(n):
        for d, j in zip(dist[i], nbr[i]):
            j = int(j)
            if j <= i or d > CANDIDATE_DISTANCE:
                continue
            if containment(sh(i), sh(j)) >= min_containment:
                rows.append(i)
                cols.append(j)
    if not rows:
        return ()
    _, comp = connected_components(coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)),
                                   directed=False)
    groups: dict[int, list[str]] = {}
    for i, c in enumerate(comp):
        groups.setdefault(int(c), []).append(articles[i].id)
    return tuple(sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1))
