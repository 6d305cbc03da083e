"""Cluster: Claims + vectors -> groups of claims that state the same fact.

Reads claims, one embedding per claim (its sentence) and one per article (its
lede, standing for the article's main event). Structured keys block impossible
pairs first: claims of different kinds, subjects or units, page chrome, two
figures of one sentence, and claims whose event times cannot overlap are never
compared. Inside each block, scikit-learn's complete-linkage agglomerative
clustering on a blended cosine distance groups what is left, so that no group
holds a pair further apart than the threshold. Returns lists of claim indices.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from .records import Article, Claim

# How far back from publication an undated figure may describe its event.
DEFAULT_WINDOW_DAYS = 10
# Kinds whose figures are never grouped across sentences (they count nothing comparable).
UNGROUPED_KINDS = {"age", "other"}
# Kinds whose figures recur for unrelated things in one story ("two hours", "six months").
MEASURE_KINDS = {"duration", "distance", "area", "weight", "money", "percent", "measure"}
_FAR = 10.0


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Knobs of the grouping stage; the defaults are the tested ones."""

    threshold: float = 0.42        # max blended cosine distance inside a group (complete linkage)
    sentence_weight: float = 0.5   # weight of the claims' sentences vs their articles' ledes
    min_context_similarity: float = 0.5   # ledes less alike than this tell of different events
    measure_min_similarity: float = 0.8   # measures (durations, distances...) group only when said alike
    window_days: int = DEFAULT_WINDOW_DAYS


def event_window(claim: Claim, published: date | None, *, window_days: int) -> tuple[date, date] | None:
    """The dates a claim's event may fall on: the stated date, else a window before publication."""
    if claim.event_start is not None and claim.event_end is not None:
        return claim.event_start, claim.event_end
    if published is None:
        return None
    return published - timedelta(days=window_days), published


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def block_key(claim: Claim) -> tuple[str, str, str]:
    """Claims can share a fact only when they share this key."""
    return claim.kind, claim.subject, claim.unit or ""


def cluster_claims(claims: list[Claim], sentence_vecs: np.ndarray, article_vecs: dict[str, np.ndarray],
                   articles: dict[str, Article], *, config: ClusterConfig = ClusterConfig()) -> list[list[int]]:
    """Group claims into facts.

    Args:
        claims: every claim of the run.
        sentence_vecs: one unit vector per claim, row-aligned with ``claims``.
        article_vecs: one unit vector per article id (its lede).
        articles: article id -> Article, for publication dates.
        config: threshold and weights.

    Returns:
        Groups of indices into ``claims``, each sorted, ordered by their first index.
    """
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    groups: list[list[int]] = []
    for i, c in enumerate(claims):
        if c.role == "chrome" or c.kind in UNGROUPED_KINDS:
            groups.append([i])
        else:
            blocks[block_key(c)].append(i)
    for key in sorted(blocks):
        idx = blocks[key]
        if len(idx) == 1:
            groups.append(idx)
            continue
        groups.extend(_cluster_block(idx, claims, sentence_vecs, article_vecs, articles, config))
    groups = [sorted(g) for g in groups]
    groups.sort(key=lambda g: g[0])
    return groups


def _cluster_block(idx: list[int], claims: list[Claim], sentence_vecs: np.ndarray,
                   article_vecs: dict[str, np.ndarray], articles: dict[str, Article],
                   config: ClusterConfig) -> list[list[int]]:
    n = len(idx)
    sv = sentence_vecs[idx]
    av = np.stack([article_vecs[claims[i].article_id] for i in idx])
    w = config.sentence_weight
    ssim, asim = sv @ sv.T, av @ av.T
    dist = np.clip(1.0 - (w * ssim + (1 - w) * asim), 0.0, 2.0)
    dist[asim < config.min_context_similarity] = _FAR
    if claims[idx[0]].kind in MEASURE_KINDS:
        dist[ssim < config.measure_min_similarity] = _FAR
    windows = [event_window(claims[i], articles[claims[i].article_id].published,
                            window_days=config.window_days) for i in idx]
    for a in range(n):
        ca = claims[idx[a]]
        for b in range(a + 1, n):
            cb = claims[idx[b]]
            same_sentence = ca.article_id == cb.article_id and ca.sentence_start == cb.sentence_start
            if same_sentence or not _overlap(windows[a], windows[b]):
                dist[a, b] = dist[b, a] = _FAR
    np.fill_diagonal(dist, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="complete",
                                    distance_threshold=config.threshold)
    labels = model.fit_predict(dist)
    out: dict[int, list[int]] = defaultdict(list)
    for pos, label in enumerate(labels):
        out[int(label)].append(idx[pos])
    return list(out.values())
