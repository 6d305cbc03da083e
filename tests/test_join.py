"""The join of new claims to stored facts (``join.join_claims``) and the store's labels for what it
forms (``store._relabelled``), on invented claims with fake vectors: one stage at a time."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.cluster import ClusterConfig, cluster_claims, nearest_in, nearest_to
from factcheck.join import join_claims
from factcheck.store import _relabelled

from test_cluster import art, mk


def _alike(claims, arts):
    """Every sentence and every lede alike: only the structured checks decide."""
    vec = np.ones((len(claims), 4), np.float32) / 2.0
    avec = {a.id: np.ones(4, np.float32) / 2.0 for a in arts}
    return vec, avec, {a.id: a for a in arts}


def test_a_new_claim_joins_the_fact_it_repeats_and_leaves_other_facts_alone():
    arts = [art("a"), art("b"), art("c")]
    claims = [mk("a", 0), mk("b", 0), mk("a", 100, kind="injured"), mk("b", 100, kind="injured"), mk("c", 0)]
    vec, avec, by_id = _alike(claims, arts)
    groups = join_claims(claims, vec, avec, by_id, [1, 1, 2, 2, None], config=ClusterConfig())
    assert groups == [[0, 1, 4]]  # the injured fact is not touched, so not given back
    assert _relabelled(groups, [1, 1, 2, 2, None], 2) == ({0: 1, 1: 1, 4: 1}, 2)


def test_a_new_claim_that_may_meet_no_stored_claim_stands_alone():
    arts = [art("a"), art("b"), art("c")]
    civilians = dict(subject="civilians", group="civilians")  # officers never meet civilians
    claims = [mk("a", 0, **civilians), mk("b", 0, **civilians),
              mk("c", 0, subject="police officers", group="security forces")]
    vec, avec, by_id = _alike(claims, arts)
    groups = join_claims(claims, vec, avec, by_id, [1, 1, None], config=ClusterConfig())
    assert groups == [[2]]
    assert _relabelled(groups, [1, 1, None], 1) == ({2: 2}, 2)


def test_a_stored_fact_split_by_a_join_keeps_its_label_on_one_part_only():
    # the first group holds the fact's lowest claim; the second gets a new label, not the same one
    assert _relabelled([[0, 2], [1, 3]], [5, 5, None, None], 7) == ({0: 5, 2: 5, 1: 8, 3: 8}, 8)
    # two stored facts merged by a new claim keep the lower label
    assert _relabelled([[0, 1, 2]], [9, 4, None], 9) == ({0: 4, 1: 4, 2: 4}, 9)


@pytest.mark.parametrize("seed", range(5))
def test_with_nothing_stored_the_join_is_the_grouping(seed):
    rng = np.random.default_rng(seed)
    arts = [art(x) for x in "abcdef"]
    claims = [mk(a.id, 10 * k, kind=str(rng.choice(["killed", "injured"])), low=int(rng.integers(1, 4)))
              for a in arts for k in range(3)]
    vec = rng.normal(size=(len(claims), 6)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    avec = {a.id: np.ones(6, np.float32) / np.sqrt(6) for a in arts}
    by_id = {a.id: a for a in arts}
    expected = cluster_claims(claims, vec, avec, by_id, config=ClusterConfig())
    assert join_claims(claims, vec, avec, by_id, [None] * len(claims), config=ClusterConfig()) == expected


def test_nearest_to_finds_each_rows_neighbours_itself_first():
    vec = np.array([[1, 0], [0.9, 0.1], [0, 1], [-1, 0]], np.float32)
    dist, nbr = nearest_to(vec.copy(), [0, 2], 2)
    assert nbr.tolist() == [[0, 1], [2, 1]]
    assert dist[:, 0].tolist() == pytest.approx([0, 0], abs=1e-6)


def test_nearest_in_slices_finds_what_the_whole_search_finds():
    rng = np.random.default_rng(3)
    vec = rng.normal(size=(300, 8)).astype(np.float32)
    unit = vec / np.linalg.norm(vec, axis=1, keepdims=True)
    rows = [0, 7, 150, 299]
    want_d, want_n = nearest_to(unit.copy(), rows, 5)
    slices = [(list(range(a, min(300, a + 37))), unit[a:a + 37]) for a in range(0, 300, 37)]
    # a budget so small that each slice is cut again: 16 rows at a time
    got_d, got_n = nearest_in(unit[rows], slices, 5, budget_mb=0)
    assert got_n.tolist() == want_n.tolist()
    assert got_d == pytest.approx(want_d, abs=1e-6)


def test_nearest_in_orders_equal_distances_by_position():
    unit = np.array([[1, 0]] * 6 + [[0, 1]], np.float32)
    dist, nbr = nearest_in(unit[[6]], [([4, 5, 6], unit[[4, 5, 6]]), ([0, 1, 2, 3], unit[:4])], 3)
    assert nbr.tolist() == [[6, 0, 1]]  # itself, then the lowest of the six equal rows
    assert dist[0].tolist() == pytest.approx([0, 1, 1], abs=1e-6)
