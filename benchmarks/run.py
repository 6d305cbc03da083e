"""Benchmark the pipeline: per-stage wall time, claims per second and peak memory.

    python benchmarks/run.py                      # seeds/ and 1,000 generated articles (+ cache re-run)
    python benchmarks/run.py --articles 1000 10000
    python benchmarks/run.py --profile            # also the top hot spots of the seeds run (cProfile)
    python benchmarks/run.py --articles --incremental 10000 1000   # adding 1,000 to a store of 10,000
    python benchmarks/run.py --articles --incremental 10000 1000 --keep DIR   # ... keeping its corpus and stores
    python benchmarks/run.py --no-seeds --articles --reuse DIR   # the incremental add again, on a kept fill

Each corpus runs in a fresh Python process, so its peak memory (``ru_maxrss``) is its own.
That process loads the models (timed as ``load``), warms them up on seeds/, then times one
``factcheck.check`` run with its per-stage ``timings`` plus the rendering of Markdown and JSON.
Generated corpora are written to a temporary folder from a seed value (``benchmarks/corpus.py``)
and deleted afterwards. Model work is the spaCy parse and the embedding; non-model work is
everything else in the run (ingest, extract, group, compare, render, cache).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STAGES = ("ingest", "parse", "extract", "embed", "group", "compare", "render", "cache")
MODEL_STAGES = ("parse", "embed")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _timed_run(paths, *, nlp, embedder, cache=None, trace=False, workers=None) -> dict:
    import tracemalloc

    from factcheck import check

    from factcheck.typer import Typer

    timings: dict[str, float] = {}
    typer = {"calls": 0, "seconds": 0.0}  # the learned typer's share, inside "extract"
    predict = Typer.predict

    def timed_predict(self, features):
        t = time.perf_counter()
        try:
            return predict(self, features)
        finally:
            typer["calls"] += 1
            typer["seconds"] += time.perf_counter() - t

    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    Typer.predict = timed_predict
    try:
        result = check(paths, nlp=nlp, embedder=embedder, cache=cache, timings=timings,
                       **({} if workers is None else {"workers": workers}))
    finally:
        Typer.predict = predict
    t1 = time.perf_counter()
    md, js, both = _reports_sha256(result)
    timings["render"] = time.perf_counter() - t1
    total = time.perf_counter() - t0
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    if trace:
        tracemalloc.stop()
    verdicts: dict[str, int] = {}
    for f in result.facts:
        verdicts[f.verdict] = verdicts.get(f.verdict, 0) + 1
    return {"timings": timings, "total": total, "articles": len(result.articles),
            "claims": len(result.claims), "facts": len(result.facts), "verdicts": verdicts,
            "tracemalloc_mb": traced, "md": md, "json": js, "report_sha256": both, "typer": typer}


def _reports_sha256(result) -> tuple[str, str, str]:
    """Write the Markdown and JSON reports to files as `factcheck report` does (piece by piece, never
    whole in memory): the sha256 of the Markdown's bytes, of the JSON's, and of both in that order."""
    alone = []
    both = hashlib.sha256()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-report-") as tmp:
        for name, write in (("report.md", result.write_markdown), ("report.json", result.write_json)):
            path = Path(tmp) / name
            write(path)
            one = hashlib.sha256()
            with open(path, "rb") as fp:
                while chunk := fp.read(1 << 20):
                    one.update(chunk)
                    both.update(chunk)
            alone.append(one.hexdigest())
    return alone[0], alone[1], both.hexdigest()


def child(args) -> None:
    """Measure one corpus in this process and print one JSON line."""
    os.chdir(ROOT)
    t0 = time.perf_counter()
    from factcheck.claims import load_nlp
    from factcheck.embed import SentenceTransformerEmbedder

    from factcheck.claims import nlp_installed

    nlp = {lang: load_nlp(lang) for lang in ("en", "es") if nlp_installed(lang)}
    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm up"])
    load = time.perf_counter() - t0
    _timed_run(["seeds"], nlp=nlp, embedder=embedder)  # warm: first-call costs paid here
    rss_warm = _rss_mb()
    out = {"load": load, "rss_after_load_mb": rss_warm}
    if args.profile:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        _timed_run([args.one], nlp=nlp, embedder=embedder)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
        out["profile"] = buf.getvalue()
    run = _timed_run([args.one], nlp=nlp, embedder=embedder, trace=args.tracemalloc, workers=args.workers)
    out.update({k: v for k, v in run.items() if k not in ("md", "json")})  # keeps report_sha256
    out["peak_rss_mb"] = _rss_mb()
    if args.cache_dir:
        from factcheck.cache import Cache

        cache = Cache(args.cache_dir)
        cold = _timed_run([args.one], nlp=nlp, embedder=embedder, cache=cache, workers=args.workers)
        warm = _timed_run([args.one], nlp=nlp, embedder=embedder, cache=Cache(args.cache_dir), workers=args.workers)
        out["cache_cold"] = {"total": cold["total"], "timings": cold["timings"]}
        out["cache_warm"] = {"total": warm["total"], "timings": warm["timings"]}
        out["cache_identical"] = (cold["md"] == run["md"] == warm["md"]
                                  and cold["json"] == run["json"] == warm["json"])  # the reports' sha256s
    print("RESULT " + json.dumps(out))


def timed_joins(seconds: list[float]):
    """Make ``Store.join`` append each call's wall seconds to ``seconds``; returns the original."""
    from factcheck.store import Store

    join = Store.join

    def timed_join(self, **kw):
        t = time.perf_counter()
        try:
            return join(self, **kw)
        finally:
            seconds.append(time.perf_counter() - t)

    Store.join = timed_join
    return join


def child_incremental(args) -> None:
    """The store's side of the incremental figure, in this process: a store filled with the base
    articles, the new ones added to it, and the report of everything stored."""
    os.chdir(ROOT)
    from factcheck.claims import load_nlp, nlp_installed
    from factcheck.embed import SentenceTransformerEmbedder
    from factcheck.store import Store

    nlp = {lang: load_nlp(lang) for lang in ("en", "es") if nlp_installed(lang)}
    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm up"])
    _timed_run(["seeds"], nlp=nlp, embedder=embedder)  # warm
    base, new = Path(args.one) / "base", Path(args.one) / "new"
    out = {"join": []}
    join = timed_joins(out["join"])
    steps = (("fill", base), ("add", new))
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-store-") as tmp:
        if args.reuse:  # a kept fill: the add alone
            shutil.copyfile(Path(args.one) / "fill.db", Path(tmp) / "s.db")
            steps, out["fill"], out["fill_articles"] = steps[1:], None, None
            out["join"].append(None)  # no fill, so no fill's join
        store = Store(Path(tmp) / "s.db")
        for label, folder in steps:
            t0 = time.perf_counter()
            added = store.add([folder], nlp=nlp, embedder=embedder)
            out[label] = time.perf_counter() - t0
            out[f"{label}_articles"] = added.added
            if args.keep:  # the store as this step left it, to measure its join again
                src, copy = sqlite3.connect(store.path), sqlite3.connect(Path(args.keep) / f"{label}.db")
                src.backup(copy)
                src.close()
                copy.close()
        out["fill_join"], out["add_join"] = out["join"]
        for label, again in (("report", False), ("regroup", True)):
            t0 = time.perf_counter()
            result = store.result(regroup=again)
            out[f"{label}_sha256"] = _reports_sha256(result)[2]
            out[label] = time.perf_counter() - t0
        out["report_articles"] = len(result.articles)
        store.close()
    Store.join = join
    del out["join"]
    out["peak_rss_mb"] = _rss_mb()
    print("RESULT " + json.dumps(out))


def incremental(base: int, new: int, args) -> dict:
    """Generate base + new articles (the new ones are the corpus' last, about the same events) and
    print what adding the new ones to a store of the base ones costs, against a fresh run of them
    (in a process of its own, so neither run finds the other's texts in warm caches)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import generate

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-inc-") as tmp:
        if args.reuse:
            tmp = str(args.reuse)
            base, new = (len(list((args.reuse / part).iterdir())) for part in ("base", "new"))
        else:
            paths = generate(Path(tmp) / "all", base + new, seed=args.seed, spanish=args.spanish)
            for k, path in enumerate(paths):
                folder = Path(tmp) / ("base" if k < base else "new")
                folder.mkdir(exist_ok=True)
                path.rename(folder / path.name)
        fresh = measure(f"generated {new} (fresh, alone)", Path(tmp) / "new", args)["total"]
        keep = ["--reuse", str(args.reuse)] if args.reuse else []
        if args.keep:
            for part in ("base", "new"):
                shutil.copytree(Path(tmp) / part, args.keep / part)
            keep += ["--keep", str(args.keep)]
        r = _run_child([sys.executable, __file__, "--one", tmp, "--incremental-child", *keep], "incremental")
    r.update(label=f"incremental {base} + {new}", fresh=fresh)
    print(f"\n## incremental: {new} articles added to a store of {base}")
    print(f"  fresh run of the {new} alone (check + Markdown + JSON): {r['fresh']:8.2f} s")
    if r["fill"] is not None:
        print(f"  store filled with the {base} (add):                     {r['fill']:8.2f} s "
              f"(its join {r['fill_join']:.2f} s)")
    else:
        print(f"  store filled with the {base}: the kept {args.reuse}/fill.db")
    print(f"  the {new} added to it (add: extract, embed, commit, join): {r['add']:8.2f} s "
          f"= {r['add'] / r['fresh']:.2f}x the fresh run ({r['add_articles']} articles added; "
          f"the join {r['add_join']:.2f} s)")
    print(f"  report of all {r['report_articles']} stored (compare the stored facts, Markdown + JSON): "
          f"{r['report']:8.2f} s; add + report = {(r['add'] + r['report']) / r['fresh']:.2f}x the fresh run")
    print(f"  the same report regrouped (report --store --regroup):   {r['regroup']:8.2f} s; "
          f"{'the same' if r['report_sha256'] == r['regroup_sha256'] else 'other'} report bytes")
    print(f"  peak memory of the store's process (ru_maxrss, incl. models): {r['peak_rss_mb']:.0f} MB")
    return r


def measure(label: str, path: Path, args, *, cache_dir: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--one", str(path)]
    if args.profile and label == "seeds":
        cmd.append("--profile")
    if args.tracemalloc:
        cmd.append("--tracemalloc")
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]
    if cache_dir is not None:
        cmd += ["--cache-dir", str(cache_dir)]
    out = _run_child(cmd, label)
    out["label"] = label
    return out


def _run_child(cmd: list[str], label: str) -> dict:
    """Run a measuring child process and return the figures of its RESULT line."""
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode or not lines:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"benchmark of {label} failed (exit {proc.returncode})")
    return json.loads(lines[-1][len("RESULT "):])


def cli_rerun(path: Path, cache_dir: Path) -> float:
    """Wall time of `factcheck report` in a fresh process over a corpus the cache already holds."""
    env = dict(os.environ, FACTCHECK_CACHE=str(cache_dir))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "factcheck.cli", "report", str(path),
               "--out", f"{tmp}/r.md", "--json", f"{tmp}/r.json"]
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=False)
        return time.perf_counter() - t0


def show(r: dict) -> None:
    t = r["timings"]
    model = sum(t.get(s, 0.0) for s in MODEL_STAGES)
    non_model = sum(v for k, v in t.items() if k not in MODEL_STAGES and k != "load")
    print(f"\n## {r['label']}: {r['articles']} articles, {r['claims']} claims, {r['facts']} facts "
          f"({', '.join(f'{k} {v}' for k, v in sorted(r['verdicts'].items()))})")
    print(f"model load (once, not in the total): {r['load']:.1f} s")
    for s in STAGES:
        if s in t:
            print(f"  {s:<8} {t[s]:8.2f} s")
    print(f"  {'total':<8} {r['total']:8.2f} s   ({r['claims'] / r['total']:.0f} claims/s, "
          f"{r['articles'] / r['total']:.1f} articles/s)")
    if r.get("typer"):
        ty = r["typer"]
        print(f"  learned typer (inside extract): {ty['calls']} calls, {ty['seconds']:.2f} s "
              f"= {ty['seconds'] / r['total']:.1%} of the run")
    print(f"  non-model / model work: {non_model:.2f} s / {model:.2f} s = {non_model / model:.0%}"
          if model else "  (no model work)")
    print(f"  peak memory (ru_maxrss, whole process incl. models): {r['peak_rss_mb']:.0f} MB "
          f"(after model load and warm-up: {r['rss_after_load_mb']:.0f} MB)")
    if r.get("report_sha256"):
        print(f"  report (Markdown + JSON) sha256: {r['report_sha256'][:16]}")
    if r.get("tracemalloc_mb") is not None:
        print(f"  peak Python allocations during the run (tracemalloc): {r['tracemalloc_mb']:.0f} MB")
    if "cache_warm" in r:
        print(f"  with cache: cold {r['cache_cold']['total']:.2f} s, re-run {r['cache_warm']['total']:.2f} s "
              f"(stages {', '.join(f'{k} {v:.2f}' for k, v in r['cache_warm']['timings'].items())}); "
              f"outputs byte-identical with/without cache: {r['cache_identical']}")
    if "cli_rerun" in r:
        print(f"  `factcheck report` re-run in a fresh process, cache warm: {r['cli_rerun']:.2f} s")
    if r.get("profile"):
        print("\n  cProfile of the run, top functions by own time:\n")
        print(r["profile"])


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark factcheck: per-stage time, claims/s, peak memory.")
    parser.add_argument("--articles", type=int, nargs="*", default=[1000],
                        help="sizes of generated corpora to measure (default: 1000)")
    parser.add_argument("--seed", type=int, default=7, help="seed value of the generated corpora")
    parser.add_argument("--spanish", type=float, default=0.25,
                        help="share of generated articles written in Spanish (default 0.25)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds/ run")
    parser.add_argument("--no-cache-rerun", action="store_true", help="skip the cold/warm cache runs")
    parser.add_argument("--profile", action="store_true", help="cProfile the seeds run, print hot spots")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python allocations (slows the run)")
    parser.add_argument("--json", type=Path, help="write all figures to this JSON file")
    parser.add_argument("--workers", type=int, help="extract on a local Dask cluster of N workers (0: in the "
                                                    "measuring process alone; default: factcheck's default)")
    parser.add_argument("--incremental", type=int, nargs=2, metavar=("BASE", "NEW"),
                        help="also time adding NEW generated articles to a store of BASE (e.g. 10000 1000)")
    parser.add_argument("--keep", type=Path, help="with --incremental: keep its corpus and its store after the "
                                                  "fill (fill.db) and after the add (add.db) in this folder")
    parser.add_argument("--reuse", type=Path, help="the incremental figure again, on a --keep folder's corpus and "
                                                   "fill.db (BASE and NEW are those of the folder)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--incremental-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.keep, args.reuse = (None if p is None else p.resolve() for p in (args.keep, args.reuse))  # children run in ROOT
    if args.keep and not args.one and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: choose a folder that is empty or does not exist")
    if args.one:
        (child_incremental if args.incremental_child else child)(args)
        return
    if args.incremental and min(args.incremental) < 1:
        parser.error("--incremental BASE NEW: both must be at least 1")

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import generate

    print(f"factcheck benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"corpus seed {args.seed}, {args.spanish:.0%} of generated articles in Spanish")
    results = []
    if not args.no_seeds:
        results.append(measure("seeds", SEEDS, args))
        show(results[-1])
    for n in args.articles:
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
            folder = Path(tmp) / "corpus"
            t0 = time.perf_counter()
            generate(folder, n, seed=args.seed, spanish=args.spanish)
            gen = time.perf_counter() - t0
            cache_dir = None if args.no_cache_rerun else Path(tmp) / "cache"
            r = measure(f"generated {n}", folder, args, cache_dir=cache_dir)
            if cache_dir is not None:
                r["cli_rerun"] = cli_rerun(folder, cache_dir)
            r["generate_s"] = gen
            results.append(r)
            show(r)
    if args.incremental or args.reuse:
        results.append(incremental(*(args.incremental or (0, 0)), args))
    if args.json:
        args.json.write_text(json.dumps({"cores": os.cpu_count(), "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
