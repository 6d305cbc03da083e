"""The claim store: the same report bytes as a run, unchanged articles cost nothing, schema
versions and migrations, bad store files, and a killed ``add`` that leaves the store whole."""

from __future__ import annotations

import functools
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import factcheck
import factcheck.join
from factcheck import store as store_module
from factcheck.cache import Cache
from factcheck.cli import app
from factcheck.records import Article, Claim
from factcheck.cluster import CONTEXT_CHARS, names
from factcheck.ingest import body_digest
from factcheck.store import CLAIM_COLUMNS, PAUSE_ENV, Store, StoreError, latest_version

from conftest import ROOT, SEEDS

BAD = ROOT / "tests" / "bad_inputs"
SEED_FILES = sorted(p for p in SEEDS.glob("*.txt"))
BAD_FILES = sorted(p for p in BAD.iterdir() if p.is_file())
# An invented article, small enough to parse in a moment.
SMALL = ("---\noutlet: The Example Post\npublished: 2021-03-02\n---\n"
         "A bus fell into a river near the town of Vell on Monday. Four people died and 12 were injured, "
         "the regional government said.\n")


@pytest.fixture
def run(monkeypatch, tmp_path, nlp, embedder):
    """Invoke the CLI with the session's models, for ``report`` (``factcheck.check``) and ``add``
    (``Store.add``) alike."""
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck, "check", functools.partial(factcheck.pipeline.check, nlp=nlp,
                                                              embedder=embedder))
    add = Store.add
    monkeypatch.setattr(Store, "add", lambda self, paths, **kw: add(self, paths, nlp=nlp, embedder=embedder, **kw))

    def invoke(*args):
        return CliRunner().invoke(app, [str(a) for a in args])
    return invoke


def _outputs(run, tmp_path: Path, name: str, *args) -> dict[str, bytes]:
    """The Markdown, JSON and HTML of one ``report`` call, by format."""
    out = tmp_path / name
    res = run("report", *args, "--out", out / "r.md", "--json", out / "r.json", "--html", out / "r.html")
    assert res.exit_code in (0, 3), res.output
    return {p.suffix: p.read_bytes() for p in sorted(out.iterdir())}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("files, parts, options", [
    (SEED_FILES, 1, ()),                    # the seeds in one add
    (SEED_FILES, 2, ()),                    # the seeds in two halves
    (BAD_FILES, 2, ("--max-bytes", 4096)),  # bad inputs, skips and copies across two adds
])
def test_report_from_the_store_is_the_report_of_a_run(run, tmp_path, files, parts, options):
    expected = _outputs(run, tmp_path, "run", *files, *options)
    db = tmp_path / "s.db"
    size = -(-len(files) // parts)
    for k in range(parts):
        res = run("add", *files[k * size:(k + 1) * size], "--store", db, *options)
        assert res.exit_code in (0, 3), res.output
        assert " articles added, " in res.stdout
    got = _outputs(run, tmp_path, "store", "--store", db)
    assert got == expected
    assert set(got) == {".md", ".json", ".html"}


def _labels(db: Path) -> dict[tuple[str, int], int | None]:
    conn = sqlite3.connect(db)
    try:
        return {(a, q): f for a, q, f in conn.execute("SELECT article_id, seq, fact FROM claims")}
    finally:
        conn.close()


@pytest.mark.parametrize("last", range(len(SEED_FILES)))
def test_a_small_add_joins_its_claims_and_keeps_the_facts_it_does_not_touch(run, tmp_path, monkeypatch, last):
    # one seed added to a store of the four others, joined, not regrouped: a store this small would
    # be regrouped (the new article changes most others' distinctive names), so the share is raised
    db = tmp_path / "s.db"
    first = [p for k, p in enumerate(SEED_FILES) if k != last]
    assert run("add", *first, "--store", db).exit_code == 0
    before = _labels(db)
    joins = []
    join = factcheck.join.join_blocks
    with monkeypatch.context() as m:
        m.setattr(store_module, "REGROUP_SHARE", 10.0)
        m.setattr(factcheck.join, "join_blocks", lambda *a, **kw: joins.append(1) or join(*a, **kw))
        assert run("add", SEED_FILES[last], "--store", db).exit_code == 0
    assert joins
    after = _labels(db)
    new = set(after) - set(before)
    assert new and None not in after.values()
    groups: dict[int, set] = {}
    for key, label in after.items():
        groups.setdefault(label, set()).add(key)
    old: dict[int, set] = {}
    for key, label in before.items():
        old.setdefault(label, set()).add(key)
    same = [g for g in groups.values() if not g & new and any(g == o for o in old.values())]
    assert same and all(len({before[k] for k in g} | {after[k] for k in g}) == 1 for g in same)
    # on the seeds, the joined facts are those of a run over all five
    expected = _outputs(run, tmp_path, "run", *SEED_FILES)
    assert _outputs(run, tmp_path, "store", "--store", db) == expected
    assert _outputs(run, tmp_path, "regrouped", "--store", db, "--regroup") == expected


@pytest.mark.parametrize("extra", ["copy", "no figures"])
def test_an_add_of_a_copy_or_of_an_article_without_figures_keeps_the_report_a_runs(run, tmp_path, extra):
    folder = tmp_path / "extra"
    folder.mkdir()
    text = SEED_FILES[0].read_text(encoding="utf-8") if extra == "copy" else SMALL.replace(
        "Four people died and 12 were injured, the regional government said.", "Nobody was hurt.")
    (folder / "zz_extra.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("add", *SEED_FILES, "--store", db).exit_code == 0
    res = run("add", folder, "--store", db)
    assert res.exit_code == 0 and res.stdout.startswith("1 articles added"), res.output
    assert None not in _labels(db).values()
    assert _outputs(run, tmp_path, "store", "--store", db) == _outputs(run, tmp_path, "run", *SEED_FILES, folder)


def test_regroup_needs_a_store(run):
    res = run("report", SEEDS, "--regroup")
    assert res.exit_code == 2 and "--regroup regroups a store's claims" in res.output


class _Refuse:
    """Models that fail when used: proves an add read no article further."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, nlp) -> None:
        self.meta, self.pipe_names = nlp.meta, nlp.pipe_names

    def pipe(self, texts, **kwargs):
        raise AssertionError("parsed an article the store already holds")

    def embed(self, texts):
        raise AssertionError("embedded an article the store already holds")


@pytest.mark.parametrize("paths", [[SEEDS]])
def test_readding_unchanged_articles_costs_nothing_and_changes_nothing(tmp_path, nlp, embedder, paths):
    db = tmp_path / "s.db"
    with Store(db) as s:
        first = s.add(paths, nlp=nlp, embedder=embedder)
        counts = s.counts()
    assert (first.added, first.unchanged) == (5, 0) and first.claims == counts[1] > 40
    before = _sha(db)
    refuse = _Refuse(nlp)
    with Store(db) as s:
        again = s.add(paths, nlp=refuse, embedder=refuse)
        assert s.counts() == counts
    assert (again.added, again.unchanged, again.claims, again.skipped) == (0, 5, 0, ())
    assert _sha(db) == before
    assert not Path(f"{db}-wal").exists()  # one file once closed


def test_an_add_after_a_report_reads_the_cache_the_report_filled(run, tmp_path, nlp, embedder, monkeypatch):
    expected = _outputs(run, tmp_path, "run", *SEED_FILES)  # fills the cache ($FACTCHECK_CACHE, set by run)
    refuse = _Refuse(nlp)
    monkeypatch.setattr(embedder, "embed", refuse.embed)  # the same models, which may not work now
    monkeypatch.setattr(nlp, "pipe", refuse.pipe)
    db = tmp_path / "s.db"
    with Store(db) as s:  # ``run`` gives add the session's models
        done = s.add(SEED_FILES, cache=Cache())
    assert (done.added, done.unchanged) == (len(SEED_FILES), 0)
    assert _outputs(run, tmp_path, "store", "--store", db) == expected


@pytest.mark.parametrize("name", ["seeds"])
def test_stored_records_read_back_exactly(tmp_path, monkeypatch, nlp, embedder, seed_result, name):
    monkeypatch.chdir(ROOT)  # the seed run's paths read "seeds/..."
    with Store(tmp_path / "s.db") as s:
        s.add([name], nlp=nlp, embedder=embedder)
        got = s.result()
    assert got.articles == seed_result.articles and got.skipped == seed_result.skipped
    assert got.claims == seed_result.claims and got.facts == seed_result.facts
    assert [(type(c.low), type(c.high)) for c in got.claims] == \
        [(type(c.low), type(c.high)) for c in seed_result.claims]
    # read when asked for, in one snapshot: the result outlives the store's handle
    assert not isinstance(got.claims, tuple) and list(got.claims) == list(got.claims)
    assert got.facts[-1] == list(got.facts)[-1] and got.facts[0].id == "F1"
    assert got.claim_map()[got.claims[3].id] == got.claims[3]
    assert got.article_map()[got.articles[1].id] == got.articles[1]
    with pytest.raises(KeyError):
        got.article_map()["no such article"]
    with pytest.raises(KeyError):
        got.claim_map()[got.claims[0].article_id + ":0-0"]


@pytest.mark.parametrize("record, columns, left_out", [
    (Claim, CLAIM_COLUMNS, {"article_id"}),
    (Article, store_module.ARTICLE_COLUMNS, {"duplicate_of"}),  # found again over all stored articles
])
def test_every_record_field_has_a_column(record, columns, left_out):
    assert set(columns) | left_out == {f.name for f in fields(record)}


class _Hash:
    """A fast, deterministic stand-in for the embedding model (schema tests only)."""

    name = "all-MiniLM-L6-v2"

    def embed(self, texts):
        rows = [np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)).normal(size=8)
                for t in texts]
        return np.asarray([r / np.linalg.norm(r) for r in rows], dtype=np.float32)


def _small_store(tmp_path: Path, nlp) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bus.txt").write_text(SMALL, encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(db) as s:
        assert s.add([tmp_path / "in"], nlp=nlp, embedder=_Hash()).claims >= 2
    return db


@pytest.mark.parametrize("column", ["note"])
def test_an_older_store_is_upgraded_and_a_newer_one_refused(tmp_path, nlp, monkeypatch, column):
    db = _small_store(tmp_path, nlp)
    conn = sqlite3.connect(db)
    for stored_names, digest, text, body_start in conn.execute(
            "SELECT context_names, body_digest, text, body_start FROM articles"):  # as added
        assert stored_names.split("\n") == sorted(names(text[body_start:body_start + CONTEXT_CHARS]))
        assert digest == body_digest(text, body_start)
    # taken back to version 1 of the schema: no facts, no stored names
    conn.execute("DROP INDEX claims_by_fact")
    for table, dropped in (("claims", "fact"), ("articles", "grouped"), ("articles", "context_names"),
                           ("articles", "body_digest")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {dropped}")
    conn.execute("DELETE FROM schema_version WHERE version > 1")
    conn.commit()
    assert "fact" not in [r[1] for r in conn.execute("PRAGMA table_info(claims)")]
    conn.close()
    with Store(db) as s:
        assert s.version() == latest_version() == 3
        before, facts = s.counts(), s.result().facts  # the upgraded store's claims are grouped now
    later = len(store_module.MIGRATIONS) + 1

    def add_note(conn: sqlite3.Connection) -> None:  # a later schema: one more column
        conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")

    monkeypatch.setitem(store_module.MIGRATIONS, later, add_note)
    with Store(db) as s:
        assert s.version() == later and s.counts() == before and s.result().facts == facts
    conn = sqlite3.connect(db)
    assert column in [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")] == [1, 2, 3, 4]
    found = conn.execute("SELECT context_names, body_digest, text, body_start FROM articles").fetchall()
    assert found  # the upgrade found each article's names and digest, as a run finds them
    for stored_names, digest, text, body_start in found:
        assert stored_names.split("\n") == sorted(names(text[body_start:body_start + CONTEXT_CHARS]))
        assert digest == body_digest(text, body_start)
    assert conn.execute("SELECT COUNT(*) FROM claims WHERE fact IS NULL").fetchone()[0] == 0
    conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"s\.db: the store's schema version is 99, newer than this factcheck"):
        Store(db)


@pytest.mark.parametrize("policy", ["crowd"])
def test_a_store_keeps_its_policy(tmp_path, nlp, policy):
    db = _small_store(tmp_path, nlp)
    with Store(db) as s, pytest.raises(StoreError, match=f"filled with policy 'conservative', not '{policy}'"):
        s.add([tmp_path / "in"], policy=policy, nlp=nlp, embedder=_Hash())


def _make_text(p: Path) -> None:
    p.write_text("not a database\n", encoding="utf-8")


def _make_foreign(p: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command, make, problem", [
    ("report", _make_text, "not a factcheck store (file is not a database)"),
    ("add", _make_text, "not a factcheck store (file is not a database)"),
    ("report", _make_foreign, "not a factcheck store (an SQLite database without factcheck's tables)"),
    ("report", None, "no such store"),
    ("report", Path.mkdir, "is a folder, not a store file"),
])
def test_a_bad_store_file_is_one_line_naming_it(run, tmp_path, command, make, problem):
    db = tmp_path / "store.db"
    if make is not None:
        make(db)
    before = db.read_bytes() if db.is_file() else None
    args = ("add", BAD / "ok.txt") if command == "add" else ("report", "--out", tmp_path / "r.md")
    res = run(*args, "--store", db)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and isinstance(res.exception, SystemExit)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"factcheck: error: {db}: {problem}")
    assert (db.read_bytes() if db.is_file() else None) == before  # a bad file is left as it was
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize("command", ["add"])
def test_add_help_ends_with_an_example(command):
    res = CliRunner().invoke(app, [command, "--help"])
    assert res.exit_code == 0 and "--store FILE" in res.stdout and "PATH..." in res.stdout
    assert "<" not in res.stdout  # no type names such as <list[Path]>
    assert res.stdout.rstrip().endswith("Example: factcheck add seeds/ --store claims.db")


def _add_until_paused(db: Path, tmp_path: Path, after: int) -> None:
    """``factcheck add seeds/`` in a subprocess, killed with SIGKILL inside the transaction of
    article ``after + 1`` (the store's test hook)."""
    env = {**os.environ, PAUSE_ENV: str(after), "FACTCHECK_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "add", str(SEEDS), "--store", str(db)],
                            env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 600
        for line in proc.stderr:
            if f"{PAUSE_ENV}={after}: paused" in line:
                break
            assert time.monotonic() < deadline, "add never paused"
        else:
            pytest.fail(f"add ended without pausing (exit {proc.wait()})")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("after", [1])
def test_a_killed_add_leaves_the_store_whole_and_a_second_add_completes_it(run, tmp_path, after):
    db = tmp_path / "s.db"
    _add_until_paused(db, tmp_path, after)
    with Store(db) as s:  # opens; holds the committed articles, nothing of the one being written
        ids = s.article_ids()
        assert len(ids) == after
        assert s.counts()[1] == sum(1 for _ in s.result().claims)
    done = [p for p in SEED_FILES if p.stem in ids]
    assert _outputs(run, tmp_path, "partial", "--store", db) == _outputs(run, tmp_path, "partial_run", *done)
    res = run("add", SEEDS, "--store", db)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"{len(SEED_FILES) - after} articles added, {after} unchanged, 0 skipped")
    assert _outputs(run, tmp_path, "whole", "--store", db) == _outputs(run, tmp_path, "whole_run", SEEDS)
