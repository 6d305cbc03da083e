"""What a join reads of a store, without holding the store: light articles and blocks of claims.

``read_light`` reads every article once, a row at a time, and keeps what a join decides with: the
reported articles' ids in a run's order, each one's date, language and context names, and the exact
copies (the names, and the digest that finds copies, are stored with each article; its text is read
only for a report's near-duplicate sketches). ``kind_claims`` reads one kind's claims without their
vectors. ``StoreBlock`` is a ``join.BlockView`` over such claims: the neighbour search reads the
block's vectors a slice at a time, and the pairwise distance reads the vectors and texts of only the
articles the join reaches. So a join holds every article's names, the claims of one kind (without
vectors), one slice of vectors, and what it reaches.
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from datetime import date

import numpy as np

from .cluster import ClusterConfig, _cluster_block, _Pairs
from .ingest import Skipped, _natural, body_sketch
from .join import BlockView
from .records import Article, Claim
from .store import ARTICLE_COLUMNS, CLAIM_COLUMNS, _article_from_row, _claim_from_row, shared

# Rows asked for by one query (SQLite's limit on a statement's variables is 32,766).
ASK_ROWS = 4096


@dataclass(frozen=True)
class LightArticles:
    """The reported articles (``Store._reported``'s, without texts): ids in a run's order, each
    one's (published, language), outlet and context names (``cluster.run_names``' first part, by
    id), the exact copies as skipped inputs, and (when asked for) each one's ``ingest.body_sketch``
    in order."""

    order: tuple[str, ...]
    info: dict[str, tuple[date | None, str | None]]
    outlets: dict[str, str]
    context: dict[str, set[str]]
    copies: tuple[Skipped, ...]
    sketches: tuple[np.ndarray, ...] = ()


def read_light(db: sqlite3.Connection, *, sketches: bool = False, context: bool = True) -> LightArticles:
    """Every stored article, read one row at a time (its text only for ``sketches``, and dropped once
    read); without ``context``, no article's context names are kept (``LightArticles.context`` is
    empty)."""
    rows = []
    text_column = "text" if sketches else "NULL"  # the store keeps each article's names and digest
    for aid, path, outlet, published, lang, body_start, found, digest, text in db.execute(
            "SELECT id, path, outlet, published, lang, body_start, context_names, body_digest, "
            f"{text_column} FROM articles"):
        found = {sys.intern(n) for n in found.split("\n") if n} if context else None
        sketch = body_sketch(text, body_start) if sketches else None
        rows.append((aid, path, outlet, published, lang, digest, found, sketch))
    rows.sort(key=lambda r: (_natural(r[0]), _natural(r[1])))
    first: dict[str, str] = {}
    order, copies, info, outlets, context, kept = [], [], {}, {}, {}, []
    for aid, path, outlet, published, lang, digest, found, sketch in rows:
        if digest in first:
            copies.append(Skipped(path, f"exact duplicate of {first[digest]}"))
            continue
        first[digest] = path
        order.append(aid)
        info[aid] = (date.fromisoformat(published) if published else None, lang)
        outlets[aid] = outlet
        if found is not None:
            context[aid] = found
        kept.append(sketch)
    return LightArticles(tuple(order), info, outlets, dict(sorted(context.items())), tuple(copies),
                         tuple(kept) if sketches else ())


def kind_claims(db: sqlite3.Connection, kind: str, order: dict[str, int]
                ) -> tuple[list[Claim], list[int | None], list[tuple[str, int]], list[int]]:
    """One kind's claims in the articles of ``order`` (article id -> its place), in a run's order,
    without vectors: the claims (equal strings shared), their labels, (article id, seq) keys and
    rowids."""
    cols = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
    strings: dict[str, str] = {}
    rows = []
    for row in db.execute(f"SELECT article_id, seq, rowid, fact, {cols} FROM claims WHERE kind = ?", (kind,)):
        if row[0] in order:
            rows.append(shared(row, strings))
    rows.sort(key=lambda r: (order[r[0]], r[1]))
    claims = [_claim_from_row(r[0], r[4:]) for r in rows]
    return claims, [r[3] for r in rows], [(r[0], r[1]) for r in rows], [r[2] for r in rows]


class StoreBlock(BlockView):
    """A block of stored claims (``kind_claims``' rows ``idx``), its vectors read when asked for."""

    def __init__(self, db: sqlite3.Connection, idx: list[int], claims: list[Claim], rowids: list[int],
                 light: LightArticles, names_found: tuple[dict, dict], config: ClusterConfig) -> None:
        super().__init__([claims[i] for i in idx], light.info, names_found, config)
        self.db, self.rowids = db, [rowids[i] for i in idx]

    def _rows(self, positions: list[int]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The sentence vectors of ``positions`` (a row each) and their articles' lede vectors."""
        found: dict[int, bytes] = {}
        for at in range(0, len(positions), ASK_ROWS):
            ask = [self.rowids[p] for p in positions[at:at + ASK_ROWS]]
            found.update(self.db.execute(f"SELECT rowid, vector FROM claims WHERE rowid IN ({','.join('?' * len(ask))})",
                                         ask))
        sv = np.frombuffer(bytearray(b"".join(found[self.rowids[p]] for p in positions)), dtype=np.float32)
        sv = sv.reshape(len(positions), -1) if positions else sv.reshape(0, 0)
        wanted, ledes = sorted({self.claims[p].article_id for p in positions}), {}
        for at in range(0, len(wanted), ASK_ROWS):
            ask = wanted[at:at + ASK_ROWS]
            ledes.update((aid, np.frombuffer(lede, dtype=np.float32)) for aid, lede in self.db.execute(
                f"SELECT id, lede_vector FROM articles WHERE id IN ({','.join('?' * len(ask))})", ask))
        return sv, ledes

    def vectors(self, positions):
        sv, ledes = self._rows(positions)
        av = np.stack([sv[k] if self.older[p] else ledes[self.claims[p].article_id] for k, p in enumerate(positions)])
        return sv, av

    def _articles(self, ids) -> dict[str, Article]:
        wanted, found = sorted(ids), {}
        for at in range(0, len(wanted), ASK_ROWS):
            ask = wanted[at:at + ASK_ROWS]
            for row in self.db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
                                       f"WHERE id IN ({','.join('?' * len(ask))})", ask):
                found[row[0]] = _article_from_row(row)
        return found

    def sub_pairs(self, positions):
        sv, ledes = self._rows(positions)
        claims = [self.claims[p] for p in positions]
        pairs = _Pairs(list(range(len(positions))), claims, sv, ledes, self._articles(ledes), self.config,
                       self.names_found[1], self.names_found[0])
        pairs.attach_vectors()
        return pairs

    def fresh_groups(self) -> list[list[int]]:
        """The whole block grouped as a fresh grouping groups it (positions): for a block that holds
        no stored claim."""
        positions = list(range(len(self)))
        sv, ledes = self._rows(positions)
        return _cluster_block(positions, self.claims, sv, ledes, self._articles(ledes), self.config,
                              self.names_found[1], self.names_found[0])


__all__ = ["LightArticles", "StoreBlock", "kind_claims", "read_light"]
