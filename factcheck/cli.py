"""The ``factcheck`` command: thin typer wrappers over the Python API (``factcheck.check`` and ``Result``).

Each command parses its arguments, calls ``check``, writes or prints the result, and maps library
errors to a one-line message on stderr and a non-zero exit, never a traceback.

Exit codes: 0 success; 1 bad input or a missing model (message on stderr); 2 usage error (typer);
3 the output was written but some inputs were skipped (each listed on stderr and in the report).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import os
import re
import sqlite3
import stat
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from typer.core import TyperArgument, TyperCommand

from .compare import FLAGGED
from .formats import Columns
from .ingest import DEFAULT_MAX_BYTES
from .numbers import POLICIES
from .records import FactcheckError

if TYPE_CHECKING:
    from .records import Result

EXIT_CODES = ("Exit codes: 0 success; 1 bad input or a missing model (one line on stderr naming the file); "
              "2 usage error; 3 output written but some inputs were skipped (listed on stderr).")

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Find where news articles disagree on figures.\n\n" + EXIT_CODES,
                  epilog="Example: factcheck report seeds/ --format md --format html")

EXIT_BAD_INPUT = 1
EXIT_SKIPPED = 3
DEFAULT_PATHS = [Path("seeds")]


# the registered vague-quantity policies, so that a wrong name is a usage error listing the valid ones
Policy = Enum("Policy", {name: name for name in sorted(POLICIES)}, type=str)


class Format(str, Enum):
    md = "md"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    html = "html"


_PATHS_HELP = "Article files, saved .html pages, .jsonl/.csv datasets or folders (default: seeds/)."
_POLICY_HELP = "Vague-quantity policy: conservative or crowd."
_MODEL_HELP = "Embedding model name or local folder."
_STRICT_HELP = "Stop at the first bad input (file or dataset row) instead of skipping it."
_MAX_BYTES_HELP = "Skip files and dataset rows larger than this many bytes."
_QUIET_HELP = "Print nothing but errors and skipped inputs (and no progress display)."
_LANG_COLUMN_HELP = "Dataset column with the article's language, e.g. en or es (optional; else detected)."
_NO_CACHE_HELP = ("Neither read nor write the cache of parsed claims, vectors and runs ($FACTCHECK_CACHE, "
                  "default ~/.cache/factcheck).")
_CLEAR_CACHE_HELP = "Empty the cache before the run."


# --- the input options every command takes, declared once --------------------------------------

def _paths_arg():
    return typer.Argument(None, help=_PATHS_HELP, show_default=False, metavar="PATH")


def _policy_opt():
    return typer.Option("conservative", "--policy", metavar="POLICY", help=_POLICY_HELP)


def _model_opt():
    return typer.Option(None, "--model", metavar="MODEL", help=_MODEL_HELP)


def _strict_opt():
    return typer.Option(False, "--strict", help=_STRICT_HELP)


def _max_bytes_opt():
    return typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, metavar="BYTES", help=_MAX_BYTES_HELP)


def _column_opt(default: str, flag: str, help_: str):
    return typer.Option(default, flag, metavar="NAME", help=help_)


def _text_col():
    return _column_opt("text", "--text-column", "Dataset column with the article text.")


def _outlet_col():
    return _column_opt("outlet", "--outlet-column", "Dataset column with the outlet.")


def _published_col():
    return _column_opt("published", "--published-column",
                       "Dataset column with the date (YYYY-MM-DD, a time may follow).")


def _url_col():
    return _column_opt("url", "--url-column", "Dataset column with the URL.")


def _id_col():
    return _column_opt("id", "--id-column", "Dataset column with an article id (optional).")


def _lang_col():
    return _column_opt("lang", "--lang-column", _LANG_COLUMN_HELP)


def _quiet_opt():
    return typer.Option(False, "--quiet", "-q", help=_QUIET_HELP)


def _no_cache_opt():
    return typer.Option(False, "--no-cache", help=_NO_CACHE_HELP)


def _clear_cache_opt():
    return typer.Option(False, "--clear-cache", help=_CLEAR_CACHE_HELP)


def _workers_opt():
    return typer.Option(None, "--workers", min=0, metavar="N", show_default=False,
                        help="Extract claims on a local Dask cluster of N worker processes, or 0 for this "
                             "process alone [default: spaCy's own pool of two from 100 articles on].")


def _scheduler_opt():
    return typer.Option(None, "--scheduler", metavar="ADDRESS", show_default=False,
                        help="Extract claims on the existing Dask cluster whose scheduler is at ADDRESS "
                             "(tcp://host:8786); its workers need factcheck and its spaCy pipelines.")


def _engine(workers: int | None, scheduler: str | None) -> dict:
    """Where claims are extracted, as ``check`` and ``Store.add`` take it (nothing for the default)."""
    if workers is not None and scheduler:
        raise typer.BadParameter("give --workers or --scheduler, not both", param_hint="--scheduler")
    return {k: v for k, v in (("workers", workers), ("scheduler", scheduler or None)) if v is not None}


class _Argument(TyperArgument):
    """An argument shown by its metavar alone: ``PATH...``, never a type name like ``<list[Path]>``."""

    def display_type_rich(self, ctx):  # noqa: ARG002 - typer's signature
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return (name if self.required else f"[{name}") + ("..." if self.nargs != 1 else "") + \
            ("" if self.required else "]")

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")


class _Command(TyperCommand):
    """A command whose help names each argument by its metavar, without type names."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _Argument


@app.callback()
def main() -> None:
    """factcheck: claims, facts and discrepancies across news articles."""


def _fail(message: str) -> None:
    typer.echo(f"factcheck: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _columns(text: str, outlet: str, published: str, url: str, id_: str, lang: str = "lang") -> Columns:
    return Columns(text=text, outlet=outlet, published=published, url=url, id=id_, lang=lang)


def _open_cache(no_cache: bool, clear_cache: bool):
    """The cache every command shares (the one ``report`` fills), or None with ``--no-cache``."""
    from .cache import Cache

    if clear_cache:
        try:
            Cache().clear()
        except FactcheckError as exc:
            _fail(str(exc))
    return None if no_cache else Cache()


# --- progress on an interactive terminal ---------------------------------------------------------

PROGRESS_DELAY = 2.0  # seconds before a display appears: a quick (cached) run shows nothing
_STAGE_LABELS = {"read": "articles read", "parsed": "articles parsed", "embedded": "articles embedded"}


class _Progress:
    """Counts of articles read, parsed and embedded on stderr, as ``check(progress=...)`` reports them.

    Called as ``progress(stage, done, total)``. The display appears only once the run has taken
    ``delay`` seconds and vanishes when it ends. When ``check`` takes no progress callback, one
    indeterminate line stands in for the counts.
    """

    def __init__(self, *, hooked: bool, console=None, delay: float = PROGRESS_DELAY) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)

        columns = ((SpinnerColumn(), TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn()) if hooked else
                   (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()))
        self._bar = Progress(*columns, console=console or Console(stderr=True), transient=True)
        self._tasks: dict[str, int] = {}
        self._lock = threading.Lock()
        self._delay = delay
        self._state = "waiting"  # then "shown", then "done"
        self._timer: threading.Timer | None = None
        if not hooked:
            self._tasks["run"] = self._bar.add_task("Reading articles, extracting claims, comparing figures…",
                                                    total=None)

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            if stage not in self._tasks:
                self._tasks[stage] = self._bar.add_task(_STAGE_LABELS.get(stage, stage), total=total)
            self._bar.update(self._tasks[stage], completed=done, total=total)

    def _show(self) -> None:
        with self._lock:
            if self._state == "waiting":
                self._bar.start()
                self._state = "shown"

    def __enter__(self) -> _Progress:
        if self._delay <= 0:
            self._show()
        else:
            self._timer = threading.Timer(self._delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._state == "shown":
                self._bar.stop()
            self._state = "done"


def _takes_progress(check) -> bool:
    try:
        return "progress" in inspect.signature(check).parameters
    except (TypeError, ValueError):
        return False


# --- the run store: a whole run's records, so claims and explain answer at once ---------------------

# Bump when the layout of a stored run changes.
RUN_LAYOUT = 1
# Files up to this size are fingerprinted by their content; larger ones by size, time and inode.
_HASH_CONTENT_UP_TO = 64 << 20
# Distributions whose version can change what a run finds.
_DISTRIBUTIONS = ("spacy", "sentence-transformers", "torch", "scikit-learn", "scipy", "numpy", "trafilatura",
                  "py3langid", "charset-normalizer", "text2num", "pyyaml")


@dataclass(frozen=True)
class _StoredRun:
    """A run read back from the store: the records ``claims`` and ``explain`` use, nothing loaded."""

    articles: tuple
    skipped: tuple
    claims: tuple
    facts: tuple
    policy: object
    model: str
    syndication: tuple = ()

    def article_map(self) -> dict:
        return {a.id: a for a in self.articles}

    def claim_map(self) -> dict:
        return {c.id: c for c in self.claims}


@functools.lru_cache(maxsize=1)
def _code_identity() -> str:
    """Every file of the package (code, word tables, data), so any change gives new runs."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _versions() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in _DISTRIBUTIONS:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}: none")
    return out


def _fingerprint(path: Path, seen: frozenset[str] = frozenset()) -> list:
    """What a path holds, as ingest will find it: files by content, folders by their entries, links
    with their targets, special files and errors by kind. Never opens anything but a regular file."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return ["missing", exc.errno]
    out: list = []
    if stat.S_ISLNK(st.st_mode):
        try:
            out += ["link", os.readlink(path)]
            st = os.stat(path)
        except OSError as exc:
            return [*out, "broken", exc.errno]
    if stat.S_ISDIR(st.st_mode):
        real = os.path.realpath(path)
        if real in seen:
            return [*out, "folder loop"]
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            return [*out, "unreadable folder", exc.errno]
        return [*out, "folder", [[n, _fingerprint(path / n, seen | {real})] for n in names]]
    if stat.S_ISREG(st.st_mode):
        if st.st_size > _HASH_CONTENT_UP_TO:
            return [*out, "file", st.st_size, st.st_mtime_ns, st.st_ino]
        try:
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as exc:
            return [*out, "unreadable file", exc.errno]
        return [*out, "file", st.st_size, digest]
    return [*out, "special", stat.S_IFMT(st.st_mode), st.st_mode & 0o777]


def _run_path(cache, paths: list[Path], options: dict) -> Path | None:
    """Where the run of these inputs and options is stored: a key over the inputs' content, the
    options, the package's files, the installed parsers, the embedding model and library versions.
    None when the embedding model is not installed (the run will say so)."""
    from .cache import LAYOUT_VERSION, embedder_identity, installed_nlp_identity
    from .embed import SentenceTransformerEmbedder
    from .lang import SUPPORTED_LANGUAGES

    try:
        embedder_id = embedder_identity(SentenceTransformerEmbedder(options.get("model")))
    except FactcheckError:
        return None
    opts = {k: (asdict(v) if k == "columns" else v) for k, v in sorted(options.items())}
    key = hashlib.sha256(json.dumps([
        "run", RUN_LAYOUT, _code_identity(), _versions(), embedder_id, opts,
        {lang: installed_nlp_identity(lang) for lang in SUPPORTED_LANGUAGES},
        [[str(p), _fingerprint(Path(p))] for p in paths],
    ], ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    return Path(cache.root) / f"v{LAYOUT_VERSION}" / "runs" / key[:2] / f"{key}.json"


def _save_run(path: Path, result: Result) -> None:
    """Store a run; best effort, atomic, like the cache's own writes."""
    from .cache import record_to_dict

    data = {"articles": [record_to_dict(a) for a in result.articles],
            "skipped": [record_to_dict(s) for s in result.skipped],
            "claims": [record_to_dict(c) for c in result.claims],
            "facts": [record_to_dict(f) for f in result.facts],
            "policy": result.policy.name, "model": result.model,
            "syndication": [list(g) for g in result.syndication]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _load_run(path: Path) -> _StoredRun | None:
    from .cache import record_from_dict
    from .ingest import Skipped
    from .numbers import get_policy
    from .records import Article, Claim, Fact

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _StoredRun(tuple(record_from_dict(Article, d) for d in data["articles"]),
                          tuple(record_from_dict(Skipped, d) for d in data["skipped"]),
                          tuple(record_from_dict(Claim, d) for d in data["claims"]),
                          tuple(record_from_dict(Fact, d) for d in data["facts"]),
                          get_policy(data["policy"]), data["model"],
                          tuple(tuple(g) for g in data["syndication"]))
    except (OSError, ValueError, TypeError, KeyError, FactcheckError):
        return None


def _check(paths: list[Path] | None, *, quiet: bool, reuse: bool = False, **options) -> Result:
    """Run ``factcheck.check``, with a progress display on an interactive terminal; errors exit 1.

    With a cache (``options["cache"]``) the run's records are stored, and with ``reuse`` a stored
    run of the same inputs and options is read back instead of running again.
    """
    paths = list(paths or DEFAULT_PATHS)
    cache = options.get("cache")
    stored = None
    if cache is not None:
        # where claims are extracted changes no byte of the run, so it is not part of its key
        stored = _run_path(cache, paths, {k: v for k, v in options.items()
                                          if k not in ("cache", "workers", "scheduler")})
        if reuse and stored is not None:
            found = _load_run(stored)
            if found is not None:
                return found  # type: ignore[return-value]  # the records claims and explain read
    from . import check  # after the store: a stored run needs no model, parser or clustering library

    try:
        if quiet or not sys.stderr.isatty():
            result = check(paths, **options)
        else:
            hooked = _takes_progress(check)
            with _Progress(hooked=hooked) as progress:
                result = check(paths, **options, **({"progress": progress} if hooked else {}))
    except (FactcheckError, ValueError, OSError) as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits
    if stored is not None:
        _save_run(stored, result)
    return result


def _warn_cache(cache) -> None:
    if cache is not None and cache.write_error:
        typer.echo(f"factcheck: warning: {cache.write_error}; the run went on without it", err=True)


def _report_skipped(result: Result, *, report: bool = True) -> None:
    for s in result.skipped:
        typer.echo(f"factcheck: skipped {s.path}: {s.reason}", err=True)
    if result.skipped:
        where = "see the report" if report else "listed above"
        typer.echo(f"factcheck: {len(result.skipped)} input(s) skipped; {where}", err=True)
        raise typer.Exit(EXIT_SKIPPED)


def _need_articles(result: Result, paths: list[Path] | None) -> None:
    """A run that found nothing to read is an error, not an empty success (a mistyped folder)."""
    if not result.articles and not result.skipped:
        names = ", ".join(str(p) for p in (paths or DEFAULT_PATHS))
        _fail(f"{names}: no article files found (.txt, .md, .html, .jsonl or .csv)")


def _write(path: Path, data: str | bytes | Callable[[Path], None]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(data):  # a writer that streams to the path (the reports, piece by piece)
            data(path)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror})")


def _relative(path: Path, start: Path) -> str:
    """``path`` as seen from the folder ``start`` (as given, when no relative path leads there)."""
    try:
        return os.path.relpath(path, start)
    except ValueError:
        return str(path)


def _tables(result: Result, directory: Path, fmt: Format) -> list[Path]:
    """claims and facts tables as CSV (list cells as JSON) or Parquet files in ``directory``."""
    written = []
    for name, frame in (("claims", result.claims_frame()), ("facts", result.facts_frame())):
        target = directory / f"{name}.{fmt.value}"
        if fmt is Format.csv:
            for col in frame.columns:  # tuples as JSON lists, dates as ISO text: the same in any reader
                if frame[col].map(lambda v: isinstance(v, tuple)).any():
                    frame[col] = frame[col].map(lambda v: json.dumps(list(v), ensure_ascii=False))
            _write(target, frame.to_csv(index=False, lineterminator="\n"))
        else:
            try:
                directory.mkdir(parents=True, exist_ok=True)
                frame.to_parquet(target, index=False)
            except ImportError:
                _fail("Parquet output needs pyarrow: pip install pyarrow")
            except OSError as exc:
                _fail(f"{target}: cannot write ({exc.strerror})")
        written.append(target)
    return written


@app.command(cls=_Command,
             help="Write the discrepancy report: Markdown and JSON, and on request HTML, CSV or Parquet "
                  "tables.\n\n" + EXIT_CODES,
             epilog="Example: factcheck report seeds/ news.jsonl page.html -f md -f html")
def report(
    ctx: typer.Context,
    paths: Optional[list[Path]] = _paths_arg(),
    formats: Optional[list[Format]] = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help="Output to write: md, json, html, csv or parquet; repeat "
                                                       "for several (default: md and json, plus any whose path "
                                                       "option is given)."),
    out: Path = typer.Option(Path("reports/discrepancies.md"), "--out", metavar="PATH",
                             help="Markdown report to write."),
    json_out: Path = typer.Option(Path("reports/discrepancies.json"), "--json", metavar="PATH",
                                  help="JSON file to write."),
    html_out: Optional[Path] = typer.Option(None, "--html", metavar="PATH", help="Self-contained HTML report "
                                            "to write [default with --format html: reports/discrepancies.html]."),
    tables_dir: Optional[Path] = typer.Option(None, "--tables-dir", "--csv-dir", metavar="FOLDER",
                                              help="Folder for claims and facts tables (--format csv/parquet) "
                                                   "[default: reports/tables]."),
    jsonld_out: Optional[Path] = typer.Option(None, "--jsonld", metavar="PATH", help="Also write "
                                              "ClaimReview-style JSON-LD for each flagged fact (and embed it "
                                              "in the HTML)."),
    policy: Policy = _policy_opt(),
    model: Optional[str] = _model_opt(),
    strict: bool = _strict_opt(),
    max_bytes: int = _max_bytes_opt(),
    text_column: str = _text_col(),
    outlet_column: str = _outlet_col(),
    published_column: str = _published_col(),
    url_column: str = _url_col(),
    id_column: str = _id_col(),
    lang_column: str = _lang_col(),
    quiet: bool = _quiet_opt(),
    no_cache: bool = _no_cache_opt(),
    clear_cache: bool = _clear_cache_opt(),
    workers: Optional[int] = _workers_opt(),
    scheduler: Optional[str] = _scheduler_opt(),
    store: Optional[Path] = typer.Option(None, "--store", metavar="FILE",
                                         help="Report every claim in this store (filled by factcheck add) "
                                              "instead of reading PATHs."),
    regroup: bool = typer.Option(False, "--regroup", help="With --store: group every stored claim again, as "
                                 "a run over the stored articles groups them, instead of keeping the facts "
                                 "that each add joined its claims to; the store keeps the new facts."),
) -> None:
    """Write the discrepancy report: Markdown and JSON, and on request HTML, CSV or Parquet tables."""
    chosen = _chosen_formats(formats, html_out=html_out, tables_dir=tables_dir)
    if store is not None or regroup:
        result = _stored_result(ctx, store, paths, policy=policy.value, model=model, regroup=regroup)
    else:
        cache = _open_cache(no_cache, clear_cache)
        columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
        result = _check(paths, quiet=quiet, policy=policy.value, model=model, strict=strict, max_bytes=max_bytes,
                        columns=columns, cache=cache, **_engine(workers, scheduler))
        _need_articles(result, paths)
        _warn_cache(cache)
    try:  # a stored result reads the store as the report is written
        written = _write_outputs(result, chosen, out=out, json_out=json_out, html_out=html_out,
                                 tables_dir=tables_dir, jsonld_out=jsonld_out)
        if not quiet:
            flagged = sum(1 for f in result.facts if f.verdict in FLAGGED)
            typer.echo(f"{len(result.articles)} articles read, {len(result.skipped)} skipped, "
                       f"{len(result.claims)} claims, {len(result.facts)} facts, {flagged} flagged -> "
                       + ", ".join(map(str, written)))
    except sqlite3.Error as exc:
        _fail(f"{store}: the store could not be read ({exc})")
    finally:
        if store is not None:
            result.close()
    _report_skipped(result)


def _chosen_formats(formats: list[Format] | None, *, html_out: Path | None, tables_dir: Path | None) -> set[Format]:
    """The formats to write: those listed (default md and json), plus any whose path option is given."""
    chosen = set(formats or [Format.md, Format.json])
    if html_out:  # a path asked for is written, whatever --format lists
        chosen.add(Format.html)
    if tables_dir and not chosen & {Format.csv, Format.parquet}:
        chosen.add(Format.csv)
    return chosen


def _write_outputs(result: Result, chosen: set[Format], *, out: Path, json_out: Path, html_out: Path | None,
                   tables_dir: Path | None, jsonld_out: Path | None) -> list[Path]:
    """Write the report in each chosen format; the paths written, in order."""
    written: list[Path] = []
    if Format.md in chosen:
        _write(out, result.write_markdown)
        written.append(out)
    if Format.json in chosen:
        _write(json_out, result.write_json)
        written.append(json_out)
    if Format.html in chosen:
        from .html_report import to_html

        target = html_out or Path("reports/discrepancies.html")
        # the page points to the JSON report only when this run wrote one, by its path from the page
        json_path = _relative(json_out, target.parent) if Format.json in chosen else None
        _write(target, to_html(result, jsonld=jsonld_out is not None, json_path=json_path))
        written.append(target)
    for fmt in (Format.csv, Format.parquet):
        if fmt in chosen:
            written.extend(_tables(result, tables_dir or Path("reports/tables"), fmt))
    if jsonld_out is not None:
        from .html_report import claim_review_jsonld

        _write(jsonld_out, claim_review_jsonld(result))
        written.append(jsonld_out)
    return written


# --- the claim store -------------------------------------------------------------------------------

def _given(ctx: typer.Context, name: str) -> bool:
    """Whether the option ``name`` was given on the command line (not left at its default)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name != "DEFAULT"


def _stored_result(ctx: typer.Context, path: Path | None, paths: list[Path] | None, *, policy: str,
                   model: str | None, regroup: bool = False) -> Result:
    """The ``Result`` of every claim in the store at ``path``; a missing or foreign file exits 1."""
    from . import Store

    if path is None:
        raise typer.BadParameter("--regroup regroups a store's claims: give it with --store FILE",
                                 param_hint="--regroup")
    if paths:
        raise typer.BadParameter("give either PATHs or --store, not both (add the PATHs first with "
                                 f"factcheck add PATH... --store {path})", param_hint="PATH")
    try:
        with Store(path, create=False) as opened:
            meta = opened.meta()
            for key, value in (("policy", policy), ("model", model)):
                if _given(ctx, key) and key in meta and meta[key] != value:
                    _fail(f"{path}: the store was filled with {key} {meta[key]!r}, not {value!r}")
            result = opened.result(regroup=regroup)
    except (FactcheckError, OSError) as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits
    if not result.articles and not result.skipped:
        _fail(f"{path}: the store holds no articles")
    return result


@app.command(cls=_Command,
             help="Add articles to a claim store: extract the claims of every article not stored yet, and "
                  "commit each article in one transaction. An article already stored with the same id and "
                  "content costs nothing. Then report --store FILE writes the report of everything stored."
                  "\n\n" + EXIT_CODES,
             epilog="Example: factcheck add seeds/ --store claims.db")
def add(
    paths: list[Path] = typer.Argument(..., help=_PATHS_HELP.replace(" (default: seeds/)", ""),
                                       show_default=False, metavar="PATH"),
    store: Path = typer.Option(..., "--store", metavar="FILE", help="The store file (SQLite); created when "
                                                                     "missing."),
    policy: Policy = _policy_opt(),
    model: Optional[str] = _model_opt(),
    strict: bool = _strict_opt(),
    max_bytes: int = _max_bytes_opt(),
    text_column: str = _text_col(),
    outlet_column: str = _outlet_col(),
    published_column: str = _published_col(),
    url_column: str = _url_col(),
    id_column: str = _id_col(),
    lang_column: str = _lang_col(),
    quiet: bool = _quiet_opt(),
    workers: Optional[int] = _workers_opt(),
    scheduler: Optional[str] = _scheduler_opt(),
    no_cache: bool = _no_cache_opt(),
) -> None:
    """Add articles to a claim store, then print one line: articles added, unchanged, skipped, claims."""
    from . import Store

    columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
    cache = _open_cache(no_cache, False)
    try:
        with Store(store) as opened:
            done = opened.add(paths, policy=policy.value, model=model, strict=strict, max_bytes=max_bytes,
                              columns=columns, cache=cache, **_engine(workers, scheduler))
            total_articles, total_claims = opened.counts()
    except (FactcheckError, ValueError, OSError) as exc:
        _fail(str(exc))
        return
    if not quiet:
        typer.echo(f"{done.added} articles added, {done.unchanged} unchanged, {len(done.skipped)} skipped, "
                   f"{done.claims} claims added -> {store} ({total_articles} articles, {total_claims} claims)")
    _warn_cache(cache)
    for s in done.skipped:
        typer.echo(f"factcheck: skipped {s.path}: {s.reason}", err=True)
    if done.skipped:
        typer.echo(f"factcheck: {len(done.skipped)} input(s) skipped; listed above", err=True)
        raise typer.Exit(EXIT_SKIPPED)


@app.command(cls=_Command, epilog="Example: factcheck claims seeds/003_62008b33e4acb1ae.txt")
def claims(
    paths: Optional[list[Path]] = _paths_arg(),
    policy: Policy = _policy_opt(),
    model: Optional[str] = _model_opt(),
    strict: bool = _strict_opt(),
    max_bytes: int = _max_bytes_opt(),
    text_column: str = _text_col(),
    outlet_column: str = _outlet_col(),
    published_column: str = _published_col(),
    url_column: str = _url_col(),
    id_column: str = _id_col(),
    lang_column: str = _lang_col(),
    quiet: bool = _quiet_opt(),
    no_cache: bool = _no_cache_opt(),
    clear_cache: bool = _clear_cache_opt(),
    workers: Optional[int] = _workers_opt(),
    scheduler: Optional[str] = _scheduler_opt(),
) -> None:
    """List the extracted claims as a table, with the outlet and the fact each one belongs to.

    Takes the same inputs and options as report; a run of the same inputs and options that report,
    claims or explain left in the cache is read back, not repeated.
    """
    from tabulate import tabulate

    from .compare import format_figure

    cache = _open_cache(no_cache, clear_cache)
    columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
    result = _check(paths, quiet=quiet, reuse=True, policy=policy.value, model=model, strict=strict,
                    max_bytes=max_bytes, columns=columns, cache=cache, **_engine(workers, scheduler))
    _need_articles(result, paths)
    _warn_cache(cache)
    fact_of = {cid: f.id for f in result.facts for cid in f.claim_ids}
    arts = result.article_map()
    rows = [[c.id, fact_of.get(c.id, ""), arts[c.article_id].outlet, c.kind, c.subject, format_figure(c),
             c.claimant or "", c.role, " ".join(c.surface.split())] for c in result.claims]
    typer.echo(tabulate(rows, headers=["id", "fact", "outlet", "kind", "subject", "figure", "claimant", "part",
                                       "surface"]))
    _report_skipped(result, report=False)


@app.command(cls=_Command, epilog="Example: factcheck explain F4 seeds/")
def explain(
    fact_id: str = typer.Argument(..., metavar="FACT_ID", help="A fact id from the report, e.g. F4."),
    paths: Optional[list[Path]] = _paths_arg(),
    policy: Policy = _policy_opt(),
    model: Optional[str] = _model_opt(),
    strict: bool = _strict_opt(),
    max_bytes: int = _max_bytes_opt(),
    text_column: str = _text_col(),
    outlet_column: str = _outlet_col(),
    published_column: str = _published_col(),
    url_column: str = _url_col(),
    id_column: str = _id_col(),
    lang_column: str = _lang_col(),
    context: int = typer.Option(160, "--context", min=0, metavar="CHARS",
                                help="Characters of text shown around each sentence."),
    quiet: bool = _quiet_opt(),
    no_cache: bool = _no_cache_opt(),
    clear_cache: bool = _clear_cache_opt(),
    workers: Optional[int] = _workers_opt(),
    scheduler: Optional[str] = _scheduler_opt(),
) -> None:
    """Show one fact: its verdict and reasons, then each claim with its quote in context.

    Pass the same inputs and options as the report the fact id came from; that run, left in the cache,
    is read back, not repeated.
    """
    from .compare import format_figure
    from .html_report import where

    if not re.fullmatch(r"[Ff]\d+", fact_id):
        raise typer.BadParameter(f"{fact_id!r} is not a fact id; fact ids look like F4", param_hint="FACT_ID")
    cache = _open_cache(no_cache, clear_cache)
    columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
    result = _check(paths, quiet=quiet, reuse=True, policy=policy.value, model=model, strict=strict,
                    max_bytes=max_bytes, columns=columns, cache=cache, **_engine(workers, scheduler))
    _need_articles(result, paths)
    _warn_cache(cache)
    facts = {f.id: f for f in result.facts}
    fact = facts.get(fact_id.upper())
    if fact is None:
        known = f"facts are F1..F{len(result.facts)}" if result.facts else "it found no facts"
        _fail(f"no fact {fact_id!r} in this run ({known}); fact ids are numbered per run, so pass the "
              "same paths and options as the report they came from")
        return
    claims, arts = result.claim_map(), result.article_map()
    lines = [f"{fact.id} · {fact.verdict}: {fact.summary}", f"kind: {fact.kind}; subject: {fact.subject}"]
    lines += [f"  - {w}" for w in fact.why]
    for cid in fact.claim_ids:
        c = claims[cid]
        a = arts[c.article_id]
        s0, s1 = c.sentence_start, c.sentence_start + len(c.sentence)
        before = a.text[max(a.body_start, s0 - context):s0]
        after = a.text[s1:s1 + context]
        marked = (a.text[s0:c.start] + "**" + c.surface + "**" + a.text[c.end:s1])
        lines += ["", f"{c.id}  {format_figure(c)}  ({a.outlet}, {a.published or 'date unknown'}; "
                      f"claimant: {c.claimant or 'own voice'})",
                  f"  {where(c, a)}",
                  "  " + " ".join(("…" + before if before else "").split() + marked.split()
                                  + (after + "…" if after else "").split())]
    typer.echo("\n".join(lines))


if __name__ == "__main__":  # pragma: no cover
    app()
