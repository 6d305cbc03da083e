"""Continuous intake at scale: generated articles added to one claim store, a batch at a time.

    python benchmarks/scale.py DIR    # 100,000 articles, adds of 1,000, reports at 10,000 and 100,000
    python benchmarks/scale.py DIR --articles 3000 --add 500 --report-at 1000 3000

This is the run a news desk makes over days: ``Store.add`` of each batch (parse, extract, embed,
commit, join to the stored facts), and at the given sizes a report of everything stored
(``Store.result`` written as Markdown and JSON). The run can be stopped at any point and started
again with the same command: it goes on from the last batch on record (the store is crash-safe,
and a batch stopped midway is completed by adding it again).

After each report the store is copied to DIR/store-N.db (N articles), so that a size's report
can be measured again (``--report-only DIR/store-N.db``). Each batch of adds runs in a fresh
process (``--process`` articles per process; it loads the models once and warms them up on
seeds/), and each report in a process of its own, so each peak memory (``ru_maxrss``) is that
process's own. Every event is one JSON line in DIR/log.jsonl: wall and CPU
seconds, the join's seconds, the store's articles and claims, the process's peak and current RSS,
the load average and the commit of the code that ran it. ``--summary`` prints the figures so far.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def _rss_now_mb() -> float:
    with open("/proc/self/status") as fp:
        for line in fp:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)  # spaCy's pool of parse processes
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def _commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return out.stdout.strip() or "unknown"


def _log(folder: Path, record: dict) -> None:
    record.update(commit=_commit(), loadavg=os.getloadavg()[0], time=time.strftime("%Y-%m-%dT%H:%M:%S"))
    with open(folder / "log.jsonl", "a") as fp:
        fp.write(json.dumps(record) + "\n")
    print(json.dumps(record), flush=True)


def _events(folder: Path) -> list[dict]:
    path = folder / "log.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def _generate(folder: Path, args) -> int:
    """The corpus, written once into batch folders (DIR/articles/NNNNN); the number of batches."""
    from corpus import generate

    spec = {"articles": args.articles, "add": args.add, "seed": args.seed, "spanish": args.spanish}
    marker = folder / "corpus.json"
    if marker.exists():
        if json.loads(marker.read_text()) != spec:
            raise SystemExit(f"{folder} holds another corpus ({marker.read_text().strip()}): use a new DIR")
        return -(-args.articles // args.add)
    paths = generate(folder / "articles" / "all", args.articles, seed=args.seed, spanish=args.spanish)
    for k, path in enumerate(paths):
        batch = folder / "articles" / f"{k // args.add:05d}"
        batch.mkdir(exist_ok=True)
        path.rename(batch / path.name)
    (folder / "articles" / "all").rmdir()
    marker.write_text(json.dumps(spec) + "\n")
    return -(-args.articles // args.add)


def child_adds(folder: Path, batches: list[int]) -> None:
    """Add these batches to the store, in this process, logging each."""
    os.chdir(ROOT)
    from run import timed_joins

    from factcheck import check
    from factcheck.claims import load_nlp, nlp_installed
    from factcheck.embed import SentenceTransformerEmbedder
    from factcheck.store import Store

    t0 = time.perf_counter()
    nlp = {lang: load_nlp(lang) for lang in ("en", "es") if nlp_installed(lang)}
    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm up"])
    check(["seeds"], nlp=nlp, embedder=embedder)  # warm: first-call costs paid here
    _log(folder, {"event": "load", "wall_s": time.perf_counter() - t0, "rss_mb": _rss_now_mb(),
                  "peak_rss_mb": _peak_mb()})
    joins: list[float] = []
    timed_joins(joins)
    with Store(folder / "store.db") as store:
        for b in batches:
            joins.clear()
            w0, c0 = time.perf_counter(), _cpu_s()
            added = store.add([folder / "articles" / f"{b:05d}"], nlp=nlp, embedder=embedder)
            wall, cpu = time.perf_counter() - w0, _cpu_s() - c0
            articles, claims = store.counts()
            _log(folder, {"event": "add", "batch": b, "added": added.added, "unchanged": added.unchanged,
                          "wall_s": wall, "cpu_s": cpu, "join_s": sum(joins), "store_articles": articles,
                          "store_claims": claims, "rss_mb": _rss_now_mb(), "peak_rss_mb": _peak_mb()})


def child_report(folder: Path, db: Path | None = None) -> None:
    """The report of everything stored (Markdown and JSON, written as ``factcheck report`` writes
    them), in this process; of ``db`` instead of DIR's store when given (a kept copy)."""
    os.chdir(ROOT)
    from run import _reports_sha256

    from factcheck.store import Store

    w0, c0 = time.perf_counter(), _cpu_s()
    with Store(db or folder / "store.db", create=False) as store:
        result = store.result()
        md, js, _ = _reports_sha256(result)
        articles, claims = store.counts()
    wall, cpu = time.perf_counter() - w0, _cpu_s() - c0
    flagged = sum(1 for f in result.facts if f.verdict not in ("single", "agreement"))
    _log(folder, {"event": "report" if db is None else f"report of {db.name}", "wall_s": wall, "cpu_s": cpu,
                  "store_articles": articles, "store_claims": claims, "facts": len(result.facts),
                  "flagged": flagged, "md_sha256": md, "json_sha256": js, "rss_mb": _rss_now_mb(),
                  "peak_rss_mb": _peak_mb()})
    snapshot = folder / f"store-{articles}.db"  # kept, to measure this size's report again later
    if db is None and not snapshot.exists():
        with Store(folder / "store.db", create=False) as store:
            store._db.execute("VACUUM INTO ?", (str(snapshot),))


def _child(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, __file__, *args], cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"scale benchmark: the child {' '.join(args)} failed (exit {proc.returncode})")


def run(folder: Path, args) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    batches = _generate(folder, args)
    events = _events(folder)
    done = {e["batch"] for e in events if e["event"] == "add"}
    reported = {e["store_articles"] for e in events if e["event"] == "report"}
    per_process = max(1, args.process // args.add)
    todo = [b for b in range(batches) if b not in done]
    while todo:
        size = min(args.articles, (todo[0] + 1) * args.add)  # the store's size after the first batch to do
        stop = next((n for n in sorted(args.report_at) if n >= size and n not in reported), None)
        last = todo[0] + per_process  # batches this process adds: up to a report's size
        if stop is not None:
            last = min(last, -(-stop // args.add))
        part = [b for b in todo if b < last]
        _child(["--adds", str(folder), *map(str, part)])
        todo = [b for b in todo if b not in part]
        size = min(args.articles, (part[-1] + 1) * args.add)
        if size in args.report_at and size not in reported:
            _child(["--report", str(folder)])
            reported.add(size)
    summary(folder)


def summary(folder: Path) -> None:
    """The figures so far: per process of adds, and per report."""
    events = _events(folder)
    adds = [e for e in events if e["event"] == "add"]
    if adds:
        wall, cpu, join = (sum(e[k] for e in adds) for k in ("wall_s", "cpu_s", "join_s"))
        print(f"adds: {len(adds)} batches, {adds[-1]['store_articles']} articles stored; "
              f"{wall:.0f} s wall, {cpu:.0f} s CPU, of which the joins {join:.0f} s wall; "
              f"peak RSS {max(e['peak_rss_mb'] for e in adds):.0f} MB "
              f"(at 10,000 articles stored or fewer: "
              f"{max((e['peak_rss_mb'] for e in adds if e['store_articles'] <= 10000), default=0):.0f} MB)")
        for e in adds[-3:]:
            print(f"  batch {e['batch']}: {e['wall_s']:.0f} s (join {e['join_s']:.1f} s), "
                  f"peak {e['peak_rss_mb']:.0f} MB, store {e['store_articles']} articles")
    for e in (e for e in events if e["event"] == "report"):
        print(f"report of {e['store_articles']} articles ({e['store_claims']} claims, {e['facts']} facts): "
              f"{e['wall_s']:.0f} s, peak RSS {e['peak_rss_mb']:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description="Continuous intake into one claim store, resumable.")
    parser.add_argument("dir", type=Path, help="where the corpus, the store and log.jsonl live")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=1000, help="articles per add (default 1,000)")
    parser.add_argument("--process", type=int, default=10_000, help="articles added per process (default 10,000)")
    parser.add_argument("--report-at", type=int, nargs="*", default=[10_000, 100_000],
                        help="store sizes at which to report (default 10,000 and 100,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--spanish", type=float, default=0.25)
    parser.add_argument("--summary", action="store_true", help="print the figures so far and stop")
    parser.add_argument("--report-only", type=Path, metavar="DB",
                        help="measure the report of this kept copy of the store again, and stop")
    parser.add_argument("--adds", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--report", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("batches", type=int, nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.adds:
        child_adds(args.dir, args.batches)
    elif args.report:
        child_report(args.dir, args.db)
    elif args.report_only:
        _child(["--report", str(args.dir), "--db", str(args.report_only)])
    elif args.summary:
        summary(args.dir)
    else:
        if args.articles < 1 or args.add < 1:
            parser.error("--articles and --add must be at least 1")
        run(args.dir, args)


if __name__ == "__main__":
    main()
