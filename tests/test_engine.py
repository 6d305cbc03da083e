"""The per-article stage on Dask ``distributed``: the same report bytes on a local cluster of two
workers as in one process, also when a worker is killed mid-run; the map seam's order and errors;
a clear one-line error for a scheduler that cannot be reached."""

from __future__ import annotations

import functools
import logging
import os
import signal

import pytest
from typer.testing import CliRunner

import factcheck
import factcheck.pipeline
from conftest import ROOT
from factcheck import check
from factcheck.cli import app
from factcheck.engine import Engine, EngineError, map_articles
from factcheck.lang import DEFAULT_LANGUAGE
from factcheck.numbers import get_policy
from factcheck.pipeline import extract_stream
from factcheck.records import Article


@pytest.fixture(scope="module")
def cluster():
    """A local cluster of two worker processes, one thread each, shared by this module's tests."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as running:
        yield running


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the report read "seeds/...", as in seed_result


def _half(x: int) -> float:
    if x == 3:
        raise ValueError("three is odd here")
    return x / 2


@pytest.mark.parametrize("workers", [0])
def test_the_in_process_map_keeps_order_and_hands_back_errors(workers):
    out = list(map_articles(_half, range(5), workers=workers))
    assert [v for v, e in out] == [0.0, 0.5, 1.0, None, 2.0]
    assert [type(e).__name__ if e else None for v, e in out] == [None, None, None, "ValueError", None]


@pytest.mark.parametrize("n", [23])
def test_the_cluster_map_keeps_order_and_hands_back_errors(cluster, n):
    with Engine(scheduler=cluster.scheduler_address) as engine:
        assert engine.size() == 2
        out = list(engine.map(_half, range(n)))
    assert [v for v, _ in out] == [None if x == 3 else x / 2 for x in range(n)]
    assert [str(e) for _, e in out if e] == ["three is odd here"]


@pytest.mark.parametrize("workers", [2])
def test_a_local_cluster_gives_the_same_bytes_as_one_process(at_root, nlp, embedder, seed_result, workers):
    timings: dict[str, float] = {}
    result = check(["seeds"], nlp=nlp, embedder=embedder, workers=workers, timings=timings)
    assert result.to_markdown() == seed_result.to_markdown()
    assert result.to_json() == seed_result.to_json()
    assert timings["parse"] > 0 and timings["extract"] > 0


def _busiest_worker(client) -> str:
    """The worker with the most tasks running or results held (those Dask must redo if it dies)."""
    load = {w: len(keys) for w, keys in client.processing().items()}
    for w, keys in client.has_what().items():
        load[w] = load.get(w, 0) + len(keys)
    return max(sorted(load), key=lambda w: load[w])


@pytest.mark.parametrize("signal_", [signal.SIGKILL])
def test_a_worker_killed_mid_run_loses_nothing(at_root, cluster, nlp, embedder, seed_result, signal_):
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_once(stage, done, total):
            if stage == "parsed" and 0 < done < total and not killed:
                killed.append(pids[_busiest_worker(client)])
                os.kill(killed[0], signal_)

        result = check(["seeds"], nlp=nlp, embedder=embedder, scheduler=cluster.scheduler_address,
                       progress=kill_once)
        assert killed and killed[0] not in client.run(os.getpid).values()  # it died; the nanny replaced it
    assert result.to_markdown() == seed_result.to_markdown()
    assert result.to_json() == seed_result.to_json()
    assert not result.skipped


class _DyingEngine(Engine):
    """In this process, but a chunk holding the article "dies" fails as a dead worker's task does."""

    def map(self, fn, items):
        class KilledWorker(Exception):
            pass

        for item in items:
            if any(a.id == "dies" for a in item.articles):
                yield None, KilledWorker("Attempted to run task ('x', 1) on 4 different workers")
            else:
                yield fn(item), None


@pytest.mark.parametrize("ids", [["a", "dies", "b"]])
def test_an_article_whose_worker_always_dies_is_skipped_alone(nlp, ids):
    text = "Police said 12 people were killed on Monday.\n\nAt least 30 were injured."
    arts = [Article(id=i, path=f"{i}.txt", outlet=i, published=None, text=text, lang=DEFAULT_LANGUAGE)
            for i in ids]
    failed: dict[int, str] = {}
    got = dict(extract_stream(arts, [0, 1, 2], policy=get_policy("conservative"), nlp=nlp, failed=failed,
                              engine=_DyingEngine(workers=0)))
    assert sorted(got) == [0, 2]
    assert got[0] and [c.surface for c in got[0]] == [c.surface for c in got[2]]
    assert failed == {1: "claim extraction failed (KilledWorker: the worker process died each time it "
                         "ran this article)"}


@pytest.fixture
def run(monkeypatch, tmp_path, nlp, embedder):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck, "check", functools.partial(factcheck.pipeline.check, nlp=nlp,
                                                              embedder=embedder))
    monkeypatch.setattr("factcheck.engine.CONNECT_TIMEOUT", 1.0)

    def invoke(*args):
        return CliRunner().invoke(app, [str(a) for a in args])
    return invoke


@pytest.mark.parametrize("command", ["report", "claims"])
def test_an_unreachable_scheduler_is_a_one_line_error(run, tmp_path, command):
    result = run(command, ROOT / "seeds", "--scheduler", "tcp://127.0.0.1:9", "--no-cache",
                 *(["--out", tmp_path / "r.md", "--json", tmp_path / "r.json"] if command == "report" else []))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith("factcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


@pytest.mark.parametrize("args", [["--workers", "2", "--scheduler", "tcp://127.0.0.1:9"], ["--workers", "-1"]])
def test_bad_engine_options_are_usage_errors(run, tmp_path, args):
    result = run("report", ROOT / "seeds", *args, "--out", tmp_path / "r.md", "--json", tmp_path / "r.json")
    assert result.exit_code == 2


@pytest.mark.parametrize("workers", ["0"])
def test_workers_zero_runs_in_this_process_with_the_same_bytes(run, tmp_path, seed_result, workers, monkeypatch):
    monkeypatch.chdir(ROOT)
    out, js = tmp_path / "r.md", tmp_path / "r.json"
    result = run("report", "seeds", "--workers", workers, "--no-cache", "--quiet", "--out", out, "--json", js)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == seed_result.to_markdown()
    assert js.read_text(encoding="utf-8") == seed_result.to_json()


def test_engine_errors_name_the_address():
    with pytest.raises(EngineError, match="notanaddress"):
        Engine(scheduler="notanaddress").size()
