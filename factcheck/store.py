"""Store: articles, claims, vectors, facts and the skipped-input ledger in one SQLite file, between runs.

Reads what ``add`` is given (the same ingestion as ``check``) and keeps, per article, its record
(language, id, path, outlet, date, text and a hash of its content), every claim with all its fields
(offsets and provenance included) and the fact it belongs to, the vectors the pipeline computes (one
per claim sentence, one for the article's lede) and every input that was skipped.

Facts: ``add`` ends with ``join``. The first add, or one whose claims are at least REGROUP_SHARE
as many as those stored, groups every stored claim as ``check`` groups a run's; a smaller one groups
its claims with the stored facts they touch (``join.join_blocks``) and leaves the others as they are.
``result`` compares the stored facts into a ``Result`` that reads the store as it is rendered
(``store_result``); ``result(regroup=True)`` groups everything again first, which gives a run's
result over the same articles exactly.

Why SQLite: it is in Python's standard library (no new dependency), one file, transactional (each
article is written in one transaction, so a killed ``add`` never leaves half an article) and, in WAL
mode, readable while an ``add`` writes, with no server. DuckDB was the other choice: it would add a
dependency, and it is built for columnar analytics, while the store's writes are small transactions
of one article each.

The schema carries a version (table ``schema_version``); ``MIGRATIONS`` maps each version to the
function that upgrades a store from the version before. Opening an older store upgrades it, one
transaction per version; opening a newer one is an error that names both versions.

Test hook: with ``FACTCHECK_STORE_PAUSE_AFTER=N`` in the environment, ``add`` sleeps inside the
transaction of article N+1, its rows written but not committed, so a test can kill it there.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path

import numpy as np

from .cache import Cache, code_version, record_to_dict
from .cluster import CONTEXT_CHARS, ClusterConfig, names
from .engine import engine_for
from .formats import Columns
from .ingest import DEFAULT_MAX_BYTES, Skipped, _body_hash, _natural, body_digest, ingest, mark_near_duplicates
from .numbers import get_policy
from .records import Article, Claim, InputError

PAUSE_ENV = "FACTCHECK_STORE_PAUSE_AFTER"  # test hook, see the module docstring
# "fcst": marks the file as a factcheck store in SQLite's header (PRAGMA application_id).
APPLICATION_ID = int.from_bytes(b"fcst", "big")
# Articles embedded in one call while an add streams; each is still committed on its own. A text
# that several of them say is embedded once per call, and the model's batches are sorted by length
# within it: adding 1,000 generated articles took 60.7 s in calls of 1,024 (4,283 texts embedded)
# against 66.2 s in calls of 64 (4,599). An interrupted add loses at most one call's work.
EMBED_BATCH = 1024
# The fact label of the claims of an article that repeats another stored article's body exactly:
# kept, never reported (labels of facts start at 1).
COPY = 0
# Claims to join at least this share of the claims already grouped are not joined to the stored
# facts: everything is grouped again, as a fresh run groups it (``Store.join``).
REGROUP_SHARE = 0.5
# Times a join reads the store again when another connection wrote after its snapshot.
JOIN_ATTEMPTS = 3
# SQLITE_BUSY, and SQLITE_BUSY_SNAPSHOT: a read transaction cannot write after another's commit
BUSY = (5, 517)
# Skip stages, which decide where a skipped input sorts (as ``check`` orders them).
INGEST, LANGUAGE, EXTRACT = "ingest", "language", "extract"


class StoreError(InputError):
    """The store file cannot be used: missing, not a store, too new, or built with other options."""


# --- schema and migrations ---------------------------------------------------------------------

# Claim fields as stored, in order; a new Claim field needs a migration that adds its column.
# ``low`` and ``high`` have no declared type, so SQLite keeps an int an int and a float a float.
CLAIM_COLUMNS = ("id", "kind", "subject", "low", "high", "qualifier", "surface", "start", "end", "sentence",
                 "sentence_start", "claimant", "unit", "alternatives", "vague", "subject_group", "predicate",
                 "as_of", "event_start", "event_end", "event_surface", "role", "scope", "part")
ARTICLE_COLUMNS = ("id", "path", "outlet", "published", "text", "body_start", "url", "title", "encoding",
                   "text_source", "lang")

_V1 = (
    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY, path TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT, text TEXT NOT NULL,
        body_start INTEGER NOT NULL, url TEXT, title TEXT, encoding TEXT NOT NULL, text_source TEXT NOT NULL,
        lang TEXT,
        text_sha256 TEXT NOT NULL,     -- the text alone
        content_sha256 TEXT NOT NULL,  -- text and metadata, without the path: what decides "unchanged"
        code_version TEXT NOT NULL,    -- factcheck's files when the claims were extracted
        lede_vector BLOB NOT NULL      -- float32: the lede's embedding
    )""",
    """CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,  -- the claim's place in its article's extraction order
        id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, low, high, qualifier TEXT NOT NULL,
        surface TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
        sentence_start INTEGER NOT NULL, claimant TEXT, unit TEXT,
        alternatives TEXT NOT NULL,  -- JSON list
        vague INTEGER NOT NULL, subject_group TEXT NOT NULL, predicate TEXT, as_of TEXT, event_start TEXT,
        event_end TEXT, event_surface TEXT, role TEXT NOT NULL, scope TEXT, part INTEGER NOT NULL,
        vector BLOB NOT NULL,  -- float32: the embedding of the claim's sentence
        PRIMARY KEY (article_id, seq)
    )""",
    "CREATE INDEX claims_by_kind ON claims (kind, unit)",
    """CREATE TABLE skipped (
        path TEXT NOT NULL, reason TEXT NOT NULL,
        stage TEXT NOT NULL,  -- ingest, language (no pipeline installed) or extract
        PRIMARY KEY (path, reason)
    )""",
    "INSERT INTO meta (key, value) VALUES ('format', 'factcheck claim store')",
)


def _create_v1(db: sqlite3.Connection) -> None:
    """Version 1: articles, claims with their vectors, the skipped-input ledger and the run options."""
    for statement in _V1:
        db.execute(statement)


def _add_facts_v2(db: sqlite3.Connection) -> None:
    """Version 2: each claim's fact, and whether an article was seen by a join (both NULL until
    ``Store.join`` gives them)."""
    db.execute("ALTER TABLE claims ADD COLUMN fact INTEGER")
    db.execute("CREATE INDEX claims_by_fact ON claims (fact)")
    db.execute("ALTER TABLE articles ADD COLUMN grouped INTEGER")


def _context_names(text: str, body_start: int) -> str:
    """An article's context names (``cluster.run_names``' first part) as the store keeps them: one
    per line, sorted."""
    return "\n".join(sorted(names(text[body_start:body_start + CONTEXT_CHARS])))


def _add_names_v3(db: sqlite3.Connection) -> None:
    """Version 3: each article's context names and body digest (``ingest.body_digest``), found when it
    is added, so that a join reads neither from its text."""
    db.execute("ALTER TABLE articles ADD COLUMN context_names TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN body_digest TEXT")
    for (rowid,) in db.execute("SELECT rowid FROM articles").fetchall():  # one text at a time
        text, body_start = db.execute("SELECT text, body_start FROM articles WHERE rowid = ?", (rowid,)).fetchone()
        db.execute("UPDATE articles SET context_names = ?, body_digest = ? WHERE rowid = ?",
                   (_context_names(text, body_start), body_digest(text, body_start), rowid))


# version -> the function that upgrades a store at version - 1 to it (1 creates the tables)
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1, 2: _add_facts_v2, 3: _add_names_v3}


def latest_version() -> int:
    """The schema version this code writes."""
    return max(MIGRATIONS)


# --- records <-> rows --------------------------------------------------------------------------

def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@functools.lru_cache(maxsize=1 << 16)
def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None  # one object per day: records share it


def shared(row: tuple, strings: dict[str, str]) -> tuple:
    """``row`` with each string replaced by an equal one seen before (kept in ``strings``): claims
    read from the store share their kinds, subjects and sentences, as a run's claims do."""
    return tuple(strings.setdefault(v, v) if isinstance(v, str) else v for v in row)


def content_hash(article: Article) -> str:
    """A hash of an article's text and metadata, without its path and its ``duplicate_of`` mark
    (a mark ``result`` sets again over all stored articles)."""
    data = record_to_dict(article)
    data.pop("path")
    data.pop("duplicate_of")
    return hashlib.sha256(json.dumps(sorted(data.items()), ensure_ascii=False).encode("utf-8")).hexdigest()


def _article_row(article: Article, lede_vector: np.ndarray) -> tuple:
    values = [getattr(article, name) for name in ARTICLE_COLUMNS]
    values[ARTICLE_COLUMNS.index("published")] = _iso(article.published)
    return (*values, hashlib.sha256(article.text.encode("utf-8")).hexdigest(), content_hash(article),
            code_version(), _blob(lede_vector), _context_names(article.text, article.body_start),
            _body_hash(article))


def _claim_row(claim: Claim, seq: int, vector: np.ndarray) -> tuple:
    values = []
    for name in CLAIM_COLUMNS:
        value = getattr(claim, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif name == "alternatives":
            value = json.dumps(list(value))
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return (claim.article_id, seq, *values, _blob(vector))


def _claim_from_row(article_id: str, row: tuple) -> Claim:
    data = dict(zip(CLAIM_COLUMNS, row))
    for name in ("as_of", "event_start", "event_end"):
        data[name] = _day(data[name])
    data["alternatives"] = () if data["alternatives"] == "[]" else tuple(json.loads(data["alternatives"]))
    data["vague"], data["part"] = bool(data["vague"]), bool(data["part"])
    return Claim(article_id=article_id, **data)


def _article_from_row(row: tuple) -> Article:
    data = dict(zip(ARTICLE_COLUMNS, row))
    data["published"] = _day(data["published"])
    return Article(**data)


def _blob(vector: np.ndarray) -> bytes:
    return np.ascontiguousarray(vector, dtype=np.float32).tobytes()


@dataclass(frozen=True)
class AddSummary:
    """What one ``Store.add`` did: articles added (new or changed), left unchanged, inputs skipped,
    and the claims written."""

    added: int
    unchanged: int
    skipped: tuple[Skipped, ...]
    claims: int


# --- the store ---------------------------------------------------------------------------------

class Store:
    """A claim store in one SQLite file; ``with Store(path) as store:`` closes it at the end.

    Args:
        path: the store file; created (with the latest schema) when it does not exist.
        create: False to refuse a missing file instead of creating it.

    Raises:
        StoreError: naming the file, when it is not a factcheck store, is newer than this code,
            or (``create=False``) does not exist.

    Example:
        >>> with factcheck.Store("claims.db") as store:           # doctest: +SKIP
        ...     store.add(["seeds/"])
        ...     print(store.result().to_markdown()[:40])
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store (create it with: factcheck add PATH... "
                             f"--store {self.path})")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a factcheck store ({exc})") from None
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        """Check that the file is a store (or empty), upgrade its schema, and set WAL mode."""
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != APPLICATION_ID and (app_id or tables):
            raise StoreError(f"{self.path}: not a factcheck store (an SQLite database without factcheck's tables)")
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: never corrupt, a crash loses no commit
        db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def version(self) -> int:
        """The store's schema version (0 for a file with no schema yet)."""
        found = self._db.execute("SELECT name FROM sqlite_master WHERE name = 'schema_version'").fetchone()
        if found is None:
            return 0
        return self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        """Upgrade the schema to ``latest_version()``, one transaction per version."""
        latest = latest_version()
        if self.version() > latest:
            raise StoreError(f"{self.path}: the store's schema version is {self.version()}, newer than "
                             f"this factcheck reads (up to {latest}); upgrade factcheck to read it")
        while (current := self.version()) < latest:
            with self._transaction():
                if self.version() != current:  # another process upgraded it meanwhile
                    continue
                if current == 0:
                    self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                MIGRATIONS[current + 1](self._db)
                self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (current + 1,))

    def _transaction(self):
        """A write transaction: committed at the end of the ``with`` block, rolled back on any error."""
        return _Transaction(self._db)

    def close(self) -> None:
        """Close the file (a WAL store folds its log back into the one file)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        """The store's settings: ``format``, and once articles were added ``policy``, ``model`` and
        ``vector_dim``."""
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def counts(self) -> tuple[int, int]:
        """(articles, claims) in the store."""
        return (self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    def article_ids(self) -> list[str]:
        """The stored articles' ids, sorted."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def articles(self) -> list[Article]:
        """Every stored article as ``ingest`` orders a run's articles, without ``duplicate_of`` marks."""
        cols = ", ".join(ARTICLE_COLUMNS)
        found = [_article_from_row(r) for r in self._db.execute(f"SELECT {cols} FROM articles")]
        return sorted(found, key=lambda a: (_natural(a.id), _natural(a.path)))

    def claims_and_vectors(self, article: Article) -> tuple[list[Claim], np.ndarray]:
        """One article's claims in extraction order, and its vectors as ``embed_stage`` gives them:
        a row per claim, then the lede's row."""
        article_id = article.id
        cols = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
        rows = self._db.execute(f"SELECT {cols}, vector FROM claims WHERE article_id = ? ORDER BY seq",
                                (article_id,)).fetchall()
        width = len(CLAIM_COLUMNS)
        claims = [_claim_from_row(article_id, tuple(r[:width])) for r in rows]
        (lede,) = self._db.execute("SELECT lede_vector FROM articles WHERE id = ?", (article_id,)).fetchone()
        vecs = [np.frombuffer(r[-1], dtype=np.float32) for r in rows] + [np.frombuffer(lede, dtype=np.float32)]
        return claims, np.vstack(vecs)

    def _reported(self, *, marked: bool = True) -> tuple[list[Article], list[Skipped]]:
        """The articles a report covers: the stored ones without exact copies of another's body,
        near copies marked (both found again across every add; ``marked=False`` leaves the marks,
        which only the comparison reads, not the grouping); and the copies as skipped inputs."""
        articles, copies = _drop_exact_duplicates(self.articles())
        return (mark_near_duplicates(articles) if marked else articles), copies

    def skipped(self) -> list[tuple[Skipped, str]]:
        """The ledger: each skipped input with the stage that skipped it."""
        return [(Skipped(p, r), s) for p, r, s in self._db.execute("SELECT path, reason, stage FROM skipped")]

    def result(self, *, config: ClusterConfig = ClusterConfig(), timings: dict[str, float] | None = None,
               regroup: bool = False):
        """Compare the stored facts: the ``Result`` of every stored article (exact and near
        duplicates are found again across everything stored). Claims not joined yet are joined
        first (``join``, with ``config`` and ``regroup``; ``config`` applies to the grouping this
        call does, and claims joined before keep their facts unless ``regroup``).

        The result reads the store as it is used (``store_result.StoredResult``): its facts are
        compared once into a temporary file, and its articles and claims are read when asked for,
        all in one snapshot of the store, so a large store's report does not hold every claim.

        Raises:
            StoreError: when nothing was ever added (no policy or model recorded).
        """
        from .pipeline import _Clock
        from .store_result import stored_result

        meta = self.meta()
        if "policy" not in meta:
            raise StoreError(f"{self.path}: the store holds no articles yet (add some with: factcheck add "
                             f"PATH... --store {self.path})")
        for attempt in range(JOIN_ATTEMPTS):  # an add may commit articles between the join and the read
            self.join(regroup=regroup, config=config, timings=timings)
            regroup = False
            with _Clock(timings)("compare"):
                result, unjoined = stored_result(self.path, policy=get_policy(meta["policy"]), model=meta["model"])
            if not unjoined:
                break
            if attempt + 1 < JOIN_ATTEMPTS:
                result.close()
        return result  # a claim still not joined (a busy store) stands alone

    # --- facts -------------------------------------------------------------------------------------

    def join(self, *, regroup: bool = False, config: ClusterConfig = ClusterConfig(),
             timings: dict[str, float] | None = None) -> int:
        """Give each stored claim that has no fact yet its fact; returns how many claims had none.

        New claims are grouped with the stored facts they touch (``join.join_blocks``); the facts
        they do not touch keep their claims and labels. Everything is grouped again instead, as a
        run over the stored articles groups it, when ``regroup`` is given, when nothing is grouped
        yet, when the new claims, or the stored articles whose distinctive names the new articles
        changed, are at least REGROUP_SHARE as many as those grouped, or when an article became or
        stopped being an exact copy of another. A join reads the articles a row at a time
        (``store_view.read_light``), a kind's claims without their vectors, a block's vectors a
        slice at a time, and the vectors and texts of only the articles its claims reach; a regroup
        reads every reported article and a kind's vectors whole. What the join reads and writes is
        one snapshot of the store: when an ``add`` commits meanwhile, the join starts again (up to
        JOIN_ATTEMPTS times).
        """
        for attempt in range(JOIN_ATTEMPTS):
            self._db.execute("BEGIN")  # deferred: the first read fixes the snapshot
            try:
                found = self._join_updates(regroup=regroup, config=config, timings=timings)
                if found is not None:  # else nothing to join: nothing is written
                    self._db.executemany("UPDATE claims SET fact = ? WHERE article_id = ? AND seq = ?", found[1])
                    self._db.execute("UPDATE articles SET grouped = 1 WHERE grouped IS NULL")
                self._db.execute("COMMIT")
                return found[0] if found else 0
            except sqlite3.OperationalError as exc:
                self._db.execute("ROLLBACK")
                if getattr(exc, "sqlite_errorcode", None) in BUSY and attempt + 1 < JOIN_ATTEMPTS:
                    continue  # another connection wrote after the snapshot: read it again
                raise StoreError(f"{self.path}: cannot write the facts of its new claims ({exc})") from None
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return 0  # unreachable: the last attempt returns or raises

    def _snapshot(self):
        """A read transaction: every read inside sees one state of the store."""
        return _Transaction(self._db, begin="BEGIN")

    def _join_updates(self, *, regroup: bool, config: ClusterConfig,
                      timings: dict[str, float] | None) -> tuple[int, list[tuple[int, str, int]]] | None:
        """What ``join`` writes: (claims without a fact, (label, article id, seq) per changed label);
        None when no claim and no article waits for a join."""
        from .cluster import _distinctive_names
        from .join import moved_articles
        from .pipeline import _Clock
        from .store_view import read_light

        todo = self._db.execute("SELECT COUNT(*) FROM claims WHERE fact IS NULL").fetchone()[0]
        fresh = self._db.execute("SELECT COUNT(*) FROM articles WHERE grouped IS NULL").fetchone()[0]
        if not (todo or fresh or regroup):
            return None
        with _Clock(timings)("group"):
            light = read_light(self._db)
            state = _FactState.of(self._db, set(light.order))
            names_found = (light.context, _distinctive_names(light.context))  # ``cluster.run_names``'
            moved = moved_articles(*names_found, set(state.fresh))
            again = (regroup or state.done == 0 or state.mixed or state.todo >= REGROUP_SHARE * state.done
                     or len(moved) >= REGROUP_SHARE * (len(light.order) - len(state.fresh)))
            which = "" if again or moved else " WHERE fact IS NULL"
            kinds = [k for (k,) in self._db.execute(f"SELECT DISTINCT kind FROM claims{which} ORDER BY kind")]
            if again:
                updates = self._kinds_grouped(kinds, config=config, names_found=names_found)
            else:
                updates = self._kinds_joined(kinds, light, top=state.top, config=config, names_found=names_found,
                                             moved=moved)
        updates += [(COPY, aid, seq) for aid in state.copies
                    for (seq,) in self._db.execute("SELECT seq FROM claims WHERE article_id = ? AND "
                                                   "(fact IS NULL OR fact != ?)", (aid, COPY))]
        return todo, updates

    def _kinds_grouped(self, kinds: list[str], *, config: ClusterConfig, names_found) -> list[tuple[int, str, int]]:
        """The claims of each kind grouped again, as a run groups them: (label, article id, seq) for
        every claim whose label changes. Reads every reported article and a kind's vectors whole."""
        from .pipeline import grouped

        articles, _ = self._reported(marked=False)
        order = {a.id: k for k, a in enumerate(articles)}
        ledes = dict(self._db.execute("SELECT id, lede_vector FROM articles"))
        ledes = np.vstack([np.frombuffer(ledes[a.id], dtype=np.float32) for a in articles]) if articles \
            else np.zeros((0, 1), np.float32)
        updates, top = [], 0
        for kind in kinds:
            claims, labels, keys, vectors = self._kind_rows(kind, order, ledes)
            if not claims:
                continue
            groups = grouped(articles, claims, vectors, config=config, names_found=names_found)
            changed, top = _relabelled(groups, [None] * len(claims), top)
            updates += [(label, *keys[i]) for i, label in sorted(changed.items()) if label != labels[i]]
        return updates

    def _kinds_joined(self, kinds: list[str], light, *, top: int, config: ClusterConfig, names_found,
                      moved: set[str]) -> list[tuple[int, str, int]]:
        """The claims of each kind joined to the stored facts (``join.join_blocks``): (label, article
        id, seq) for every claim whose label changes; new labels count on from ``top``. A kind's
        claims are read without vectors, and a block's vectors a slice at a time
        (``store_view.StoreBlock``)."""
        import sklearn

        from .join import join_blocks
        from .pipeline import GROUP_WORKING_MB
        from .store_view import StoreBlock, kind_claims

        order = {aid: k for k, aid in enumerate(light.order)}
        updates = []
        for kind in kinds:
            claims, labels, keys, rowids = kind_claims(self._db, kind, order)
            if not claims:
                continue

            def view(idx: list[int]) -> StoreBlock:
                return StoreBlock(self._db, idx, claims, rowids, light, names_found, config)

            def fresh(idx: list[int]) -> list[list[int]]:
                return [[idx[p] for p in g] for g in view(idx).fresh_groups()]

            with sklearn.config_context(working_memory=GROUP_WORKING_MB):
                groups = join_blocks(claims, labels, view, fresh, config=config, names_found=names_found,
                                     moved=moved)
            changed, top = _relabelled(groups, labels, top)
            updates += [(label, *keys[i]) for i, label in sorted(changed.items()) if label != labels[i]]
        return updates

    def _kind_rows(self, kind: str, order: dict[str, int], ledes: np.ndarray):
        """The claims of one kind in the reported articles (``order``: article id -> its place), in
        a run's order: the claims, their labels, their (article id, seq) keys, and their vectors as
        ``ClaimVectors`` with every article's lede."""
        from .records import ClaimVectors

        cols = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
        rows = sorted((r for r in self._db.execute(f"SELECT article_id, seq, {cols}, fact, vector FROM claims "
                                                   "WHERE kind = ?", (kind,)) if r[0] in order),
                      key=lambda r: (order[r[0]], r[1]))
        width = len(CLAIM_COLUMNS)
        claims = [_claim_from_row(r[0], tuple(r[2:2 + width])) for r in rows]
        matrix = np.vstack([np.frombuffer(r[-1], dtype=np.float32) for r in rows]) if rows \
            else np.zeros((0, ledes.shape[1]), np.float32)
        places = np.array([order[r[0]] for r in rows], dtype=np.int64)
        vectors = ClaimVectors(matrix, np.arange(len(rows), dtype=np.int64), ledes,
                               np.searchsorted(places, np.arange(len(ledes))).astype(np.int64))
        return claims, [r[2 + width] for r in rows], [(r[0], r[1]) for r in rows], vectors

    # --- writing -----------------------------------------------------------------------------------

    def add(self, paths: Iterable[str | Path], *, policy: str = "conservative", model: str | None = None,
            nlp=None, embedder=None, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False,
            columns: Columns = Columns(), workers: int | None = None, scheduler: str | None = None,
            cache: Cache | None = None) -> AddSummary:
        """Read articles and store the claims and vectors of those not stored yet, one transaction each.

        An article whose id and content (text and metadata) are stored already is not read further:
        no model is loaded for it and nothing is written (a moved file's path is updated). One whose
        content changed replaces its stored version. Skipped inputs go to the ledger. With a
        ``cache`` (the one ``check`` and ``factcheck report`` fill), an article whose claims and
        vectors it holds is neither parsed nor embedded, and those it lacks are put in it.

        Args:
            paths, max_bytes, strict, columns: as ``check`` takes them.
            policy, model: as ``check``; a store keeps the ones it was first filled with, and
                another is an error (its claims and vectors would not compare).
            nlp, embedder: loaded models to reuse (or fakes to test with), as ``check`` takes them.
            workers, scheduler: where claims are extracted, as ``check`` takes them.
            cache: as ``check`` takes it; None for no cache.

        Raises:
            StoreError: another policy or model than the store's.
            InputError: as ``check`` (with ``strict``, articles committed before stay).
        """
        from .pipeline import open_embedder

        vague = get_policy(policy)
        articles, skips = self._read(paths, max_bytes=max_bytes, strict=strict, columns=columns)
        embedder = open_embedder(model, embedder)
        self._settle(vague.name, embedder.name)
        new, unchanged = self._triage(articles)
        self._record_skips(skips, read=[a.path for a in articles])
        with engine_for(workers=workers, scheduler=scheduler) as engine:
            added, claims, failed = self._extract_and_commit(new, vague=vague, nlp=nlp, embedder=embedder,
                                                             strict=strict, engine=engine, cache=cache)
        self.join()
        return AddSummary(added, unchanged, tuple(s for s, _ in skips) + failed, claims)

    @staticmethod
    def _read(paths, *, max_bytes: int, strict: bool, columns: Columns) -> tuple[list[Article], list]:
        """Ingest as ``check`` does; the skips come with the stage that skipped them."""
        from .pipeline import readable_articles

        articles, skipped = ingest(list(paths), max_bytes=max_bytes, strict=strict, columns=columns)
        articles, unread = readable_articles(articles, strict=strict)
        return articles, [*((s, INGEST) for s in skipped), *((s, LANGUAGE) for s in unread)]

    def _settle(self, policy: str, model: str) -> None:
        """Record the policy and model of a store's first add; refuse others later."""
        meta = self.meta()
        for key, value in (("policy", policy), ("model", model)):
            if key in meta and meta[key] != value:
                raise StoreError(f"{self.path}: the store was filled with {key} {meta[key]!r}, not {value!r}; "
                                 f"add with --{key} {meta[key]} or use another store")
        if "policy" not in meta:
            with self._transaction():
                self._db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                                     [("policy", policy), ("model", model)])

    def _triage(self, articles: list[Article]) -> tuple[list[Article], int]:
        """The articles to extract (new or changed), and how many are stored unchanged (a moved
        one's path is updated, which needs no model)."""
        stored = {i: (p, h) for i, p, h in self._db.execute("SELECT id, path, content_sha256 FROM articles")}
        new, unchanged = [], 0
        for a in articles:
            if a.id in stored and stored[a.id][1] == content_hash(a):
                unchanged += 1
                if stored[a.id][0] != a.path:
                    with self._transaction():
                        self._db.execute("UPDATE articles SET path = ? WHERE id = ?", (a.path, a.id))
            else:
                new.append(a)
        return new, unchanged

    def _record_skips(self, skips: list[tuple[Skipped, str]], *, read: list[str]) -> None:
        """Make the ledger say what this add found for each path it saw: skipped with these reasons,
        or read (no entry). Writes only when something differs."""
        seen = {s.path for s, _ in skips} | set(read)
        now = {(s.path, s.reason, stage) for s, stage in skips}
        before = {(s.path, s.reason, stage) for s, stage in self.skipped() if s.path in seen}
        if now == before:
            return
        with self._transaction():
            self._db.executemany("DELETE FROM skipped WHERE path = ? AND reason = ?",
                                 [(p, r) for p, r, _ in before - now])
            self._db.executemany("INSERT OR REPLACE INTO skipped (path, reason, stage) VALUES (?, ?, ?)",
                                 sorted(now - before))

    def _extract_and_commit(self, new: list[Article], *, vague, nlp, embedder, strict: bool,
                            engine=None, cache: Cache | None = None) -> tuple[int, int, tuple[Skipped, ...]]:
        """Extract the new articles as one stream (the cache's first), embed them in batches, commit
        each alone.

        Returns:
            Articles added, claims written, and the articles whose extraction failed (in the ledger).
        """
        from .pipeline import _cached_claims, extract_stream

        failed: dict[int, str] = {}
        added = claims = 0
        found, keys = _cached_claims(new, cache=cache, vague=vague, nlp=nlp)
        todo = [i for i, f in enumerate(found) if f is None]
        stream = chain(((i, f) for i, f in enumerate(found) if f is not None),
                       _cached_as_extracted(extract_stream(new, todo, policy=vague, nlp=nlp, failed=failed,
                                                           strict=strict, engine=engine), keys, cache))
        for batch in _batches(stream, EMBED_BATCH):
            for article, claims_a, vecs in _embedded(new, batch, embedder, keys=keys, cache=cache):
                self._commit_article(article, claims_a, vecs, committed=added)
                added += 1
                claims += len(claims_a)
        failures = tuple(Skipped(new[i].path, failed[i]) for i in sorted(failed))
        if failures:
            with self._transaction():
                for i in failed:  # a changed article that now fails is no longer the stored one
                    self._db.execute("DELETE FROM articles WHERE id = ?", (new[i].id,))
                self._db.executemany("INSERT OR REPLACE INTO skipped (path, reason, stage) VALUES (?, ?, ?)",
                                     [(s.path, s.reason, EXTRACT) for s in failures])
        return added, claims, failures

    def _commit_article(self, article: Article, claims: list[Claim], vectors: np.ndarray, *,
                        committed: int) -> None:
        """Write one article with its claims and vectors in one transaction (replacing a stored
        version of it), and check that the vectors fit the store's."""
        dim = str(vectors.shape[1])
        with self._transaction():
            stored_dim = self._db.execute("SELECT value FROM meta WHERE key = 'vector_dim'").fetchone()
            if stored_dim is None:
                self._db.execute("INSERT INTO meta (key, value) VALUES ('vector_dim', ?)", (dim,))
            elif stored_dim[0] != dim:
                raise StoreError(f"{self.path}: the store's vectors have {stored_dim[0]} dimensions, "
                                 f"the embedder's {dim}")
            self._db.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # its claims go with it
            marks = ", ".join("?" * (len(ARTICLE_COLUMNS) + 6))
            self._db.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, text_sha256, content_sha256, "
                             f"code_version, lede_vector, context_names, body_digest) VALUES ({marks})",
                             _article_row(article, vectors[-1]))
            cols = ", ".join(f'"{c}"' for c in ("article_id", "seq", *CLAIM_COLUMNS, "vector"))
            self._db.executemany(f"INSERT INTO claims ({cols}) VALUES ({', '.join('?' * (len(CLAIM_COLUMNS) + 3))})",
                                 [_claim_row(c, k, vectors[k]) for k, c in enumerate(claims)])
            self._db.execute("DELETE FROM skipped WHERE path = ?", (article.path,))
            _pause_hook(committed)


class _Transaction:
    """``BEGIN IMMEDIATE`` (or ``begin``) ... ``COMMIT``, or ``ROLLBACK`` when the block raises."""

    def __init__(self, db: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> None:
        self._db, self._begin = db, begin

    def __enter__(self) -> None:
        self._db.execute(self._begin)

    def __exit__(self, kind, value, tb) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def _pause_hook(committed: int) -> None:
    """The test hook: sleep inside the transaction of article N+1 (see the module docstring)."""
    after = os.environ.get(PAUSE_ENV)
    if after and after.isdigit() and committed == int(after):
        print(f"factcheck: {PAUSE_ENV}={after}: paused before committing article {committed + 1}",
              file=sys.stderr, flush=True)
        time.sleep(3600)


def _relabelled(groups: list[list[int]], labels: list[int | None], top: int) -> tuple[dict[int, int], int]:
    """Labels for the claims of the groups a join formed (``join.join_claims``), and the highest
    label now: a group keeps the lowest label of its stored claims that no earlier group kept, and
    the others get new labels, counting on from ``top``."""
    kept: set[int] = set()
    found: dict[int, int] = {}
    for g in groups:
        old = sorted({labels[i] for i in g if labels[i] is not None} - kept)
        if old:
            label = old[0]
        else:
            top += 1
            label = top
        kept.add(label)
        found.update((i, label) for i in g)
    return found, top


@dataclass(frozen=True)
class _FactState:
    """What decides how a join groups: claims grouped (``done``) and not yet (``todo``) in the
    reported articles, their highest label (``top``), the reported articles no join has seen
    (``fresh``), the copies whose claims are not all labelled COPY (``copies``), and whether
    an article became or stopped being a copy (``mixed``)."""

    done: int
    todo: int
    top: int
    fresh: frozenset[str]
    copies: tuple[str, ...]
    mixed: bool

    @classmethod
    def of(cls, db: sqlite3.Connection, kept: set[str]) -> _FactState:
        done = todo = top = 0
        copies, mixed = [], False
        for aid, labelled, none, copy, best in db.execute(
                "SELECT article_id, COUNT(fact), SUM(fact IS NULL), COUNT(fact = ? OR NULL), MAX(fact) FROM claims "
                "GROUP BY article_id ORDER BY article_id", (COPY,)):
            if aid in kept:
                done, todo, top = done + labelled, todo + none, max(top, best or 0)
                mixed |= copy > 0
            else:
                mixed |= (best or 0) > COPY
                if none or labelled > copy:
                    copies.append(aid)
        fresh = frozenset(aid for (aid,) in db.execute("SELECT id FROM articles WHERE grouped IS NULL")
                          if aid in kept)
        return cls(done, todo, top, fresh, tuple(copies), mixed)


def _batches(stream: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in stream:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _cached_as_extracted(stream: Iterator[tuple[int, list[Claim]]], keys: list[str | None],
                         cache: Cache | None) -> Iterator[tuple[int, list[Claim]]]:
    """The extraction ``stream``, each article's claims put in the cache as they come."""
    for i, claims in stream:
        if cache is not None and keys[i] is not None:
            cache.put_claims(keys[i], claims)
        yield i, claims


def _embedded(articles: list[Article], batch: list[tuple[int, list[Claim]]], embedder, *,
              keys: list[str | None], cache: Cache | None) -> Iterator[tuple[Article, list[Claim], np.ndarray]]:
    """Each extracted article of a batch with its claims and its vectors: the cache's, else
    embedded in one call (and cached)."""
    from .pipeline import embed_stage

    arts = [articles[i] for i, _ in batch]
    per_article = [claims for _, claims in batch]
    vectors = embed_stage(arts, per_article, embedder=embedder, keys=[keys[i] for i, _ in batch], cache=cache)
    yield from zip(arts, per_article, vectors)


def _drop_exact_duplicates(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """The articles without exact copies of an earlier one's body, and the copies as skipped inputs,
    by ``ingest``'s rule (stored articles may come from different adds)."""
    kept: list[Article] = []
    dropped: list[Skipped] = []
    bodies: dict[str, str] = {}
    for article in articles:
        digest = _body_hash(article)
        if digest in bodies:
            dropped.append(Skipped(article.path, f"exact duplicate of {bodies[digest]}"))
            continue
        bodies[digest] = article.path
        kept.append(article)
    return kept, dropped


def _ordered_skips(skips: list[tuple[Skipped, str]]) -> list[Skipped]:
    """Skipped inputs in the order ``check`` lists them: ingest's order, then the language and the
    extraction skips merged in as ``check`` merges them. A skip found twice is listed once."""
    skips = list({(s.path, s.reason): (s, stage) for s, stage in skips}.values())
    out = sorted((s for s, stage in skips if stage == INGEST), key=lambda s: (_natural(s.path), s.reason))
    unread = [s for s, stage in skips if stage == LANGUAGE]
    if unread:
        out = sorted([*out, *sorted(unread, key=lambda s: (_natural(s.path), s.reason))], key=lambda s: s.path)
    failed = [s for s, stage in skips if stage == EXTRACT]
    if failed:
        out = sorted([*out, *failed], key=lambda s: (s.path, s.reason))
    return out


__all__ = ["AddSummary", "MIGRATIONS", "Store", "StoreError", "content_hash", "latest_version"]
