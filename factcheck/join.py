"""Join: claims not grouped yet -> the stored facts they fit, or groups formed again locally.

Reads every claim of a store with the fact label it was given (None for a claim not joined yet).
Inside a block (``cluster.split_blocks``, the same blocks as a fresh grouping), a new claim's
candidates are its nearest neighbours on the blended embedding and its structured candidates
(``cluster._structural_candidates``), kept when the pair is within the grouping threshold. The
claim joins the stored fact of such a candidate whole when every member of that fact is within the
threshold of it (complete linkage, the rule a fresh grouping keeps; of several, the one whose
furthest member is nearest). When it fits none, the facts it reaches are touched, and so are the
facts of stored claims whose articles' distinctive names the new articles changed: the touched
facts' members and the new claims left over are grouped again together as a fresh grouping groups
a block (the same candidate pairs among them, components, cut by complete linkage). A fact nothing
touches stays as it is, with its label.

A block is read through a ``BlockView``: its claims without vectors, its vectors a slice at a
time for the neighbour search (``cluster.nearest_in``), and the pairwise distance (``_Pairs``)
only for the articles the join reaches. So a join's memory grows with the claims it joins and
what they reach, not with the block: the store reads its blocks this way (``store_view``).

This is close to, not the same as, a fresh grouping of everything: there, a new claim can also
split or merge facts it fits whole, new claims can displace old ones from each other's neighbour
lists, and a component can run on through facts that no new claim reaches. The store regroups
everything when the new claims are many (``store.REGROUP_SHARE``), or when asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

import numpy as np
from sklearn.preprocessing import normalize

from .cluster import (DEFAULT_LANGUAGE, ClusterConfig, _cluster_block, _distinctive_names, _joint, _Pairs,
                      _structural_candidates, close_articles, event_window, nearest_in, recalls_older_event,
                      run_names, settle, split_blocks)
from .records import Article, Claim

# Rows of a block's vectors read at once by the neighbour search.
SLICE_ROWS = 4096


class BlockView:
    """One block as the join reads it: every claim (its positions 0..n-1) without vectors, with what
    the structured candidates need of each (``english``, ``distinctive``, ``windows``), and:

    - ``vectors(positions)``: those claims' sentence and context vector rows;
    - ``slices()``: (positions, sentence rows, context rows) over the whole block, SLICE_ROWS at a
      time (read through ``vectors``);
    - ``sub_pairs(positions)``: a ``_Pairs`` over those positions, in their order.

    ``info``: article id -> (published, language) for every article of the block."""

    def __init__(self, claims: list[Claim], info: dict[str, tuple[date | None, str | None]],
                 names_found: tuple[dict, dict], config: ClusterConfig) -> None:
        self.claims, self.config = claims, config
        self.context, distinctive = names_found
        self.names_found = names_found
        self.english = [(info[c.article_id][1] or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE for c in claims]
        self.distinctive = [distinctive.get(c.article_id, frozenset()) for c in claims]
        self.windows = [event_window(c, info[c.article_id][0], window_days=config.window_days) for c in claims]
        self.older = [recalls_older_event(c, info[c.article_id][0], window_days=config.window_days) for c in claims]
        self.by_article: dict[str, list[int]] = defaultdict(list)
        for p, c in enumerate(claims):
            self.by_article[c.article_id].append(p)

    def __len__(self) -> int:
        return len(self.claims)

    def vectors(self, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def slices(self) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        for at in range(0, len(self), SLICE_ROWS):
            positions = list(range(at, min(len(self), at + SLICE_ROWS)))
            yield (positions, *self.vectors(positions))

    def sub_pairs(self, positions: list[int]) -> _Pairs:
        raise NotImplementedError

    def whole_articles(self, positions) -> list[int]:
        """``positions`` with every other claim of their articles in this block, sorted: what a
        ``_Pairs`` needs to find each claim's article-level checks as over the whole block."""
        return sorted({q for aid in {self.claims[p].article_id for p in positions} for q in self.by_article[aid]})

    def neighbours(self, rows: list[int], listed: dict[int, list[int]]) -> None:
        """Put in ``listed`` each of ``rows``' proposed neighbours over the whole block: its nearest on
        the blended embedding, within the candidate distance, itself left out."""
        if not rows:
            return
        cfg = self.config
        k = min(len(self), cfg.neighbours + 1)
        queries = normalize(_joint(*self.vectors(rows), cfg.sentence_weight), copy=False)
        slices = ((pos, normalize(_joint(sv, av, cfg.sentence_weight), copy=False)) for pos, sv, av in self.slices())
        dist, nbr = nearest_in(queries, slices, k)
        for x, ds, bs in zip(rows, dist, nbr):
            listed[x] = [int(b) for d, b in zip(ds, bs) if int(b) != x and round(float(d), 4) <= cfg.candidate_distance]


class _MemoryBlock(BlockView):
    """A block of claims held in memory (``join_claims``' arguments)."""

    def __init__(self, idx: list[int], claims, sentence_vecs, article_vecs, articles, config, names_found) -> None:
        info = {aid: (a.published, a.lang) for aid, a in articles.items()}
        super().__init__([claims[i] for i in idx], info, names_found, config)
        self.idx, self.all_claims, self.sentence_vecs = idx, claims, sentence_vecs
        self.article_vecs, self.articles = article_vecs, articles

    def vectors(self, positions):
        sv = np.asarray(self.sentence_vecs[[self.idx[p] for p in positions]])
        av = np.stack([sv[k] if self.older[p] else self.article_vecs[self.claims[p].article_id]
                       for k, p in enumerate(positions)])
        return sv, av

    def sub_pairs(self, positions):
        pairs = _Pairs([self.idx[p] for p in positions], self.all_claims, self.sentence_vecs, self.article_vecs,
                       self.articles, self.config, self.names_found[1], self.names_found[0])
        pairs.attach_vectors()
        return pairs


def join_claims(claims: list[Claim], sentence_vecs: np.ndarray, article_vecs: dict[str, np.ndarray],
                articles: dict[str, Article], labels: list[int | None], *,
                config: ClusterConfig = ClusterConfig(), names_found: tuple[dict, dict] | None = None,
                moved: set[str] | None = None) -> list[list[int]]:
    """Group the claims whose label is None, regrouping with them the stored facts they touch.

    Args:
        claims, sentence_vecs, article_vecs, articles, config: as ``cluster_claims`` takes them.
        labels: per claim, the label of its stored fact, or None for a claim to join.
        names_found: ``cluster.run_names(articles)``, when it was found already.
        moved: ``moved_articles``' answer, when it was found already (it is the same for any part
            of the claims).

    Returns:
        The groups that hold a new claim or replace a touched stored fact: sorted lists of claim
        indices, ordered by their first index. Every member of a touched fact is in one of them;
        the stored facts no group touches stay as they are.
    """
    names_found = names_found or run_names(articles)

    def view(idx: list[int]) -> BlockView:
        return _MemoryBlock(idx, claims, sentence_vecs, article_vecs, articles, config, names_found)

    def fresh(idx: list[int]) -> list[list[int]]:
        return _cluster_block(idx, claims, sentence_vecs, article_vecs, articles, config, names_found[1],
                              names_found[0])

    return join_blocks(claims, labels, view, fresh, config=config, names_found=names_found, moved=moved)


def join_blocks(claims: list[Claim], labels: list[int | None], view: Callable[[list[int]], BlockView],
                fresh: Callable[[list[int]], list[list[int]]], *, config: ClusterConfig,
                names_found: tuple[dict, dict], moved: set[str] | None = None) -> list[list[int]]:
    """``join_claims`` over claims read any way: ``view(idx)`` reads the block of those claim
    indices, and ``fresh(idx)`` groups a block that holds no stored claim as a fresh grouping does."""
    blocks, alone = split_blocks(claims)
    out: list[list[int]] = [[i] for i in alone if labels[i] is None]
    context, distinctive = names_found
    if moved is None:
        new = {c.article_id for c, label in zip(claims, labels) if label is None}
        moved = moved_articles(context, distinctive, new)
    todo = {key: idx for key, idx in blocks.items()
            if any(labels[i] is None or claims[i].article_id in moved for i in idx)}
    for key in sorted(todo):
        idx = todo[key]
        if len(idx) == 1:
            out.append(idx)
        elif all(labels[i] is None for i in idx):
            out.extend(fresh(idx))
        else:
            stored = {p: labels[i] for p, i in enumerate(idx) if labels[i] is not None}
            seeds = [p for p, i in enumerate(idx) if labels[i] is None or claims[i].article_id in moved]
            out.extend([idx[p] for p in g] for g in join_block(view(idx), stored, seeds, config))
    return sorted(sorted(g) for g in out)


def moved_articles(context: dict[str, set[str]], distinctive: dict[str, frozenset[str]], new: set[str]) -> set[str]:
    """The stored articles whose distinctive names (``cluster._distinctive_names``) the new articles
    changed: which of their claims may pair with which changed with them."""
    before = _distinctive_names({aid: ns for aid, ns in context.items() if aid not in new})
    return {aid for aid, ns in before.items() if ns != distinctive[aid]}


class _Reach:
    """The pairwise distance over part of a block, asked by block positions: a ``_Pairs`` over the
    whole articles of ``positions`` (``BlockView.sub_pairs``)."""

    def __init__(self, view: BlockView, positions) -> None:
        self.positions = view.whole_articles(positions)
        self.at = {p: k for k, p in enumerate(self.positions)}
        self.pairs = view.sub_pairs(self.positions)
        self.seen: dict[tuple[int, int], bool] = {}

    def allowed(self, a: int, b: int, threshold: float) -> bool:
        if (a, b) not in self.seen:
            self.seen[a, b] = self.pairs.distance(self.at[a], self.at[b]) <= threshold
        return self.seen[a, b]

    def distance(self, a: int, b: int) -> float:
        return self.pairs.distance(self.at[a], self.at[b])

    def settle(self, among: list[int], edges: list[tuple[int, int]], config: ClusterConfig) -> list[list[int]]:
        at = self.at
        groups = settle([at[p] for p in among], [(at[a], at[b]) for a, b in edges], self.pairs, config)
        return [[self.positions[q] for q in g] for g in groups]


def join_block(view: BlockView, stored: dict[int, int], seeds: list[int], config: ClusterConfig) -> list[list[int]]:
    """One block: where the ``seeds`` go (the new positions, and the stored ones whose distinctive
    names changed). A new claim joins a stored fact whole when every member is within the threshold
    of it; otherwise the facts it reaches, and those a changed claim holds or reaches, are touched:
    their members and the claims left over are grouped again together by a fresh grouping's rule (a
    candidate pair a < b is b among a's nearest neighbours, or a structured candidate). Returns the
    facts that gained claims and the groups formed again (positions).

    The distances are found only for the seeds' candidates and the facts those reach: first over the
    seeds and their candidates, then over those and the members of every fact a seed may join."""
    seedset = set(seeds)
    listed: dict[int, list[int]] = {}
    view.neighbours(seeds, listed)
    partners: dict[int, list[int]] = defaultdict(list)
    close = close_articles(view)  # which articles are close: decided once over the whole block
    for a, b in _structural_candidates(view, seedset, close=close):
        partners[a].append(b)
        partners[b].append(a)
    candidates = {x: {*listed[x], *partners[x]} for x in seeds}
    first = _Reach(view, seedset.union(*candidates.values()))
    ok = {(x, y) for x in seeds for y in sorted(candidates[x]) if first.allowed(x, y, config.threshold)}
    del first
    members: dict[int, list[int]] = defaultdict(list)
    for p, fact in sorted(stored.items()):
        members[fact].append(p)
    reachable = {stored[y] for _, y in ok if y in stored} | {stored[x] for x in seeds if x in stored}
    reach = _Reach(view, seedset.union(*(members[f] for f in reachable)))
    reach.seen.update(((x, y), (x, y) in ok) for x in seeds for y in candidates[x])
    label = dict(stored)
    touched: set[int] = set()
    for x in seeds:
        found = sorted({label[y] for y in candidates[x] if y in label and (x, y) in ok})
        if x in stored:  # its names changed: its fact and those it reaches are grouped again
            touched.update((label[x], *found))
            continue
        fact = _whole(x, found, members, reach, config)
        if fact is None:
            touched.update(found)
        else:
            label[x] = fact
            members[fact].append(x)
    new = {x for x in seeds if x not in label}  # new claims that joined no fact whole
    again = sorted(p for p in reach.positions if (p in label and label[p] in touched) or p in new)
    view.neighbours([p for p in again if p not in listed], listed)
    inside = set(again)
    edges = {(a, b) for a in again for b in listed[a] if b > a and b in inside
             and reach.allowed(a, b, config.threshold)}
    edges |= {(a, b) for a, b in _structural_candidates(view, inside, both=True, close=close)
              if reach.allowed(a, b, config.threshold)}
    grown = [members[f] for f in sorted({label[x] for x in seeds if x not in stored and x in label} - touched)]
    return grown + reach.settle(again, sorted(edges), config)


def _whole(x: int, reached: list[int], members: dict[int, list[int]], pairs: _Reach,
           config: ClusterConfig) -> int | None:
    """The fact among ``reached`` whose every member is within the threshold of ``x``, the one whose
    furthest member is nearest (then the lowest label); None when there is none."""
    best: tuple[float, int] | None = None
    for fact in reached:
        if any(pairs.seen.get((x, m)) is False for m in members[fact]):
            continue  # a member already found too far from it
        worst = 0.0
        for m in members[fact]:
            worst = max(worst, pairs.distance(x, m))
            if worst > config.threshold:
                break
        if worst <= config.threshold and (best is None or worst < best[0]):
            best = (worst, fact)
    return None if best is None else best[1]
