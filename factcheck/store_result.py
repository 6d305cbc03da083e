"""A store's ``Result``, read as it is rendered: what a report of a large store holds is bounded.

``stored_result`` compares every stored fact once, kind by kind (a kind's claims without vectors),
and writes each ``Fact`` to a temporary file, keeping only its place in the report. The result's
``facts`` read them back in report order, and its ``articles``, ``claims``, ``article_map()`` and
``claim_map()`` read the store when asked, keeping the last few thousand articles read. So a
report holds one kind's claims while it compares, then the facts a renderer keeps (the flagged
ones in a list, for instance), never every claim and article text of the store.

Every read goes through one read transaction of its own connection, opened before the facts are
compared: the result is one state of the store, whatever an ``add`` commits meanwhile.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from .compare import fact_draft, make_fact
from .ingest import Skipped, near_duplicate_roots
from .records import Article, Claim, Fact, Result
from .store import ARTICLE_COLUMNS, CLAIM_COLUMNS, INGEST, _article_from_row, _claim_from_row, _ordered_skips
from .store_view import kind_claims, read_light
from .syndication import find_syndication

# Articles (and their claims) kept after reading: enough for a fact's members while it is rendered.
KEEP_ARTICLES = 4096


@dataclass(frozen=True)
class StoredResult(Result):
    """A ``Result`` whose records are read from a store when they are asked for (see the module).
    Its ``articles``, ``claims`` and ``facts`` are sequences that read the store each time they are
    walked (equal to tuples of the same records); it holds an open connection, so it is neither
    hashed nor pickled, and is read from the thread that made it. ``close()`` releases it."""

    source: _Source | None = field(default=None, repr=False, compare=False)

    def close(self) -> None:
        """Close the result's connection to the store and its facts file (also at garbage collection).
        Records read before stay valid; reading more after this is an error."""
        self.source.close()

    def __enter__(self) -> StoredResult:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def article_map(self) -> Mapping[str, Article]:
        return self.source.article_map

    def claim_map(self) -> Mapping[str, Claim]:
        return self.source.claim_map


class _Lazy(Sequence):
    """A sequence of ``n`` records read by ``iterate()`` each time it is walked."""

    def __init__(self, n: int, iterate, get=None) -> None:
        self.n, self.iterate, self.get = n, iterate, get

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator:
        return self.iterate()

    def __eq__(self, other) -> bool:  # equal to a tuple or list of the same records, as a run's fields are
        if not isinstance(other, (tuple, list, _Lazy)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None

    def __repr__(self) -> str:
        return f"<{self.n} records read from a store>"

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        i %= self.n
        if self.get is not None:
            return self.get(i)
        return next(x for k, x in enumerate(self.iterate()) if k == i)


class _Kept(Mapping):
    """id -> record, read by ``load(id)`` and the last KEEP_ARTICLES loads kept."""

    def __init__(self, ids: Sequence[str], load) -> None:
        self.ids, self.known, self.load = ids, set(ids), load
        self.kept: OrderedDict[str, object] = OrderedDict()

    def __getitem__(self, key: str):
        if key not in self.known:
            raise KeyError(key)
        if key in self.kept:
            self.kept.move_to_end(key)
            return self.kept[key]
        value = self.load(key)
        self.kept[key] = value
        if len(self.kept) > KEEP_ARTICLES:
            self.kept.popitem(last=False)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, key) -> bool:
        return key in self.known


class _Claims(Mapping):
    """claim id -> Claim: a claim's article (the id's part before its last colon) is read whole."""

    def __init__(self, by_article: _Kept, count: int) -> None:
        self.by_article, self.count = by_article, count

    def __getitem__(self, cid: str) -> Claim:
        aid = cid.rsplit(":", 1)[0]
        if aid not in self.by_article or cid not in self.by_article[aid]:
            raise KeyError(cid)
        return self.by_article[aid][cid]

    def __iter__(self) -> Iterator[str]:
        for aid in self.by_article:
            yield from self.by_article[aid]

    def __len__(self) -> int:
        return self.count


class _Source:
    """The store's side of a ``StoredResult``: its read transaction, the articles' order and near-copy
    marks, and the compared facts in a temporary file. What reads the store holds the connection,
    not this object, so nothing here is kept alive by a reference cycle."""

    def __init__(self, db: sqlite3.Connection, order: tuple[str, ...], marks: dict[str, str]) -> None:
        self.db, self.order, self.marks = db, order, marks
        self.article_map = _Kept(order, partial(_article, db, marks))
        self.claims_of = _Kept(order, partial(_claims, db))
        self.facts_file = tempfile.TemporaryFile(prefix="factcheck-facts-")
        self.places: list[tuple[int, int]] = []  # (offset, length) of each fact, in report order

    def close(self) -> None:
        self.db.close()
        self.facts_file.close()

    def articles(self) -> Iterator[Article]:
        for at in range(0, len(self.order), 512):
            ids = self.order[at:at + 512]
            found = {r[0]: r for r in self.db.execute(
                f"SELECT {_ARTICLE_READ} FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
            for aid in ids:
                yield _marked(_article_from_row(found[aid]), self.marks)

    def article(self, i: int) -> Article:
        return self.article_map[self.order[i]]

    def claims(self) -> Iterator[Claim]:
        for aid in self.order:
            yield from self.claims_of[aid].values()

    def fact(self, i: int) -> Fact:
        offset, length = self.places[i]
        self.facts_file.seek(offset)
        return replace(pickle.loads(self.facts_file.read(length)), id=f"F{i + 1}")

    def facts(self) -> Iterator[Fact]:
        for i in range(len(self.places)):
            yield self.fact(i)


_ARTICLE_READ = ", ".join(ARTICLE_COLUMNS)
_CLAIM_READ = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)


def _marked(article: Article, marks: dict[str, str]) -> Article:
    return replace(article, duplicate_of=marks[article.id]) if article.id in marks else article


def _article(db: sqlite3.Connection, marks: dict[str, str], aid: str) -> Article:
    row = db.execute(f"SELECT {_ARTICLE_READ} FROM articles WHERE id = ?", (aid,)).fetchone()
    return _marked(_article_from_row(row), marks)


def _claims(db: sqlite3.Connection, aid: str) -> dict[str, Claim]:
    rows = db.execute(f"SELECT {_CLAIM_READ} FROM claims WHERE article_id = ? ORDER BY seq", (aid,))
    return {c.id: c for c in (_claim_from_row(aid, row) for row in rows)}


def stored_result(path, *, policy, model: str) -> tuple[StoredResult, int]:
    """The ``StoredResult`` of the store at ``path``, read in one snapshot; and how many of its claims
    had no fact yet (they stand alone in it)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        return _read(db, policy=policy, model=model)
    except BaseException:
        db.close()
        raise


def _read(db: sqlite3.Connection, *, policy, model: str) -> tuple[StoredResult, int]:
    db.execute("BEGIN")  # deferred: the first read fixes the snapshot
    light = read_light(db, sketches=True, context=False)
    roots = near_duplicate_roots(list(light.sketches))
    marks = {aid: light.order[r] for aid, r in zip(light.order, roots) if light.order[r] != aid}
    outlets = {aid: Article(aid, "", light.outlets[aid], None, "", duplicate_of=marks.get(aid))
               for aid in light.order}  # all that comparing reads of an article
    wires = find_syndication(list(outlets.values()))
    ledger = [(Skipped(p, r), s) for p, r, s in db.execute("SELECT path, reason, stage FROM skipped")]
    skipped = tuple(_ordered_skips([*ledger, *((s, INGEST) for s in light.copies)]))
    source = _Source(db, light.order, marks)
    try:
        claims, unjoined = _compare_into(source, outlets, wires)
    except BaseException:
        source.facts_file.close()
        raise
    source.claim_map = _Claims(source.claims_of, claims)
    result = StoredResult(_Lazy(len(light.order), source.articles, source.article), skipped,
                          _Lazy(claims, source.claims), _Lazy(len(source.places), source.facts, source.fact),
                          policy, model,
                          syndication=wires, source=source)
    return result, unjoined


def _compare_into(source: _Source, outlets: dict[str, Article], wires) -> tuple[int, int]:
    """Compare every stored fact, kind by kind, into the source's facts file, and put their places
    in report order in ``source.places``. Returns how many claims the reported articles hold, and
    how many of them had no fact (each stands alone)."""
    wire_of = {aid: group[0] for group in wires for aid in group}
    order = {aid: k for k, aid in enumerate(source.order)}
    drafts: list[tuple[tuple, tuple[int, int], int, int]] = []
    count = unjoined = 0
    kinds = [k for (k,) in source.db.execute("SELECT DISTINCT kind FROM claims ORDER BY kind")]
    for kind in kinds:
        claims, labels, keys, _ = kind_claims(source.db, kind, order)
        count += len(claims)
        groups: dict[int, list[Claim]] = {}
        first: dict[int, tuple[int, int]] = {}  # a fact's first claim in a run's order: a run's tie-break
        for i, (claim, label, (aid, seq)) in enumerate(zip(claims, labels, keys)):
            unjoined += label is None
            label = label if label is not None else -1 - i
            groups.setdefault(label, []).append(claim)
            first.setdefault(label, (order[aid], seq))
        for label, members in groups.items():
            members.sort(key=lambda c: (c.article_id, c.start))
            key, v = fact_draft(members, wire_of)
            data = pickle.dumps(make_fact("", members, v, outlets, wire_of), protocol=pickle.HIGHEST_PROTOCOL)
            drafts.append((key, first[label], source.facts_file.tell(), len(data)))
            source.facts_file.write(data)
    drafts.sort(key=lambda d: d[:2])
    source.places = [(offset, length) for _, _, offset, length in drafts]
    return count, unjoined
