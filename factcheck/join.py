"""Join: claims not grouped yet -> the stored facts they fit, or groups formed again locally.

Reads every claim of a store with the fact label it was given (None for a claim not joined yet),
one vector per claim and one lede vector per article, as ``cluster_claims`` reads them.

Inside its block (``cluster.split_blocks``, the same blocks as a fresh grouping), a new claim's
candidates are its nearest neighbours on the blended embedding and its structured candidates
(``cluster._structural_candidates``), kept when the pair is within the grouping threshold. The
claim joins the stored fact of such a candidate whole when every member of that fact is within the
threshold of it (complete linkage, the rule a fresh grouping keeps; of several, the one whose
furthest member is nearest). When it fits none, the facts it reaches are touched, and so are the
facts of stored claims whose articles' distinctive names the new articles changed: the touched
facts' members and the new claims left over are grouped again together as a fresh grouping groups
a block (the same candidate pairs among them, components, cut by complete linkage). A fact nothing
touches stays as it is, with its label.

This is close to, not the same as, a fresh grouping of everything: there, a new claim can also
split or merge facts it fits whole, new claims can displace old ones from each other's neighbour
lists, and a component can run on through facts that no new claim reaches. The store regroups
everything when the new claims are many (``store.REGROUP_SHARE``), or when asked.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .cluster import (ClusterConfig, _cluster_block, _distinctive_names, _joint, _Pairs, _structural_candidates,
                      nearest_to, run_names, settle, split_blocks)
from .records import Article, Claim


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
    blocks, alone = split_blocks(claims)
    out: list[list[int]] = [[i] for i in alone if labels[i] is None]
    context, distinctive = names_found or run_names(articles)
    if moved is None:
        fresh = {c.article_id for c, label in zip(claims, labels) if label is None}
        moved = moved_articles(context, distinctive, fresh)
    todo = {key: idx for key, idx in blocks.items()
            if any(labels[i] is None or claims[i].article_id in moved for i in idx)}
    for key in sorted(todo):
        idx = todo[key]
        if len(idx) == 1:
            out.append(idx)
        elif all(labels[i] is None for i in idx):
            out.extend(_cluster_block(idx, claims, sentence_vecs, article_vecs, articles, config, distinctive,
                                      context))
        else:
            pairs = _Pairs(idx, claims, sentence_vecs, article_vecs, articles, config, distinctive, context)
            stored = {p: labels[i] for p, i in enumerate(idx) if labels[i] is not None}
            seeds = [p for p, i in enumerate(idx) if labels[i] is None or claims[i].article_id in moved]
            out.extend([idx[p] for p in g] for g in _join_block(pairs, stored, seeds, config))
    return sorted(sorted(g) for g in out)


def moved_articles(context: dict[str, set[str]], distinctive: dict[str, frozenset[str]], new: set[str]) -> set[str]:
    """The stored articles whose distinctive names (``cluster._distinctive_names``) the new articles
    changed: which of their claims may pair with which changed with them."""
    before = _distinctive_names({aid: ns for aid, ns in context.items() if aid not in new})
    return {aid for aid, ns in before.items() if ns != distinctive[aid]}


def _join_block(pairs: _Pairs, stored: dict[int, int], seeds: list[int], config: ClusterConfig) -> list[list[int]]:
    """One block: where the ``seeds`` go (the new positions, and the stored ones whose distinctive
    names changed). A new claim joins a stored fact whole when every member is within the threshold
    of it; otherwise the facts it reaches, and those a changed claim holds or reaches, are touched:
    their members and the claims left over are grouped again together by a fresh grouping's rule (a
    candidate pair a < b is b among a's nearest neighbours, or a structured candidate). Returns the
    facts that gained claims and the groups formed again (positions)."""
    joint = _joint(pairs.sentence_rows, pairs.context_rows, config.sentence_weight)
    pairs.attach_vectors()
    structural = sorted(_structural_candidates(pairs))
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in structural:
        partners[a].append(b)
        partners[b].append(a)
    seen: dict[tuple[int, int], bool] = {}

    def allowed(a: int, b: int) -> bool:
        if (a, b) not in seen:
            seen[a, b] = pairs.distance(a, b) <= config.threshold
        return seen[a, b]

    listed: dict[int, list[int]] = {}
    _list(joint, seeds, listed, config)
    label = dict(stored)
    members: dict[int, list[int]] = defaultdict(list)
    for p, fact in sorted(stored.items()):
        members[fact].append(p)
    touched: set[int] = set()
    for x in seeds:
        reached = sorted({label[y] for y in (*listed[x], *partners[x]) if y in label and allowed(x, y)})
        if x in stored:  # its names changed: its fact and those it reaches are grouped again
            touched.update((label[x], *reached))
            continue
        fact = _whole(x, reached, members, pairs, config)
        if fact is None:
            touched.update(reached)
        else:
            label[x] = fact
            members[fact].append(x)
    new = {x for x in seeds if x not in label}  # new claims that joined no fact whole
    again = sorted(p for p in range(len(pairs.claims)) if (p in label and label[p] in touched) or p in new)
    _list(joint, [p for p in again if p not in listed], listed, config)
    inside = set(again)
    edges = {(a, b) for a in again for b in listed[a] if b > a and b in inside and allowed(a, b)}
    edges |= {(a, b) for a, b in structural if a in inside and b in inside and allowed(a, b)}
    grown = [members[f] for f in sorted({label[x] for x in seeds if x not in stored and x in label} - touched)]
    return grown + settle(again, sorted(edges), pairs, config)


def _whole(x: int, reached: list[int], members: dict[int, list[int]], pairs: _Pairs,
           config: ClusterConfig) -> int | None:
    """The fact among ``reached`` whose every member is within the threshold of ``x``, the one whose
    furthest member is nearest (then the lowest label); None when there is none."""
    best: tuple[float, int] | None = None
    for fact in reached:
        worst = 0.0
        for m in members[fact]:
            worst = max(worst, pairs.distance(x, m))
            if worst > config.threshold:
                break
        if worst <= config.threshold and (best is None or worst < best[0]):
            best = (worst, fact)
    return None if best is None else best[1]


def _list(joint: np.ndarray, rows: list[int], listed: dict[int, list[int]], config: ClusterConfig) -> None:
    """Put in ``listed`` each of ``rows``' proposed neighbours: its nearest on the blended embedding
    (``joint``), within the candidate distance, itself left out."""
    if not rows:
        return
    dist, nbr = nearest_to(joint, rows, min(len(joint), config.neighbours + 1))
    for x, ds, bs in zip(rows, dist, nbr):
        listed[x] = [int(b) for d, b in zip(ds, bs) if int(b) != x and round(float(d), 4) <= config.candidate_distance]
