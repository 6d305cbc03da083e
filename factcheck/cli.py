"""The ``factcheck`` command: thin typer wrappers over the Python API (``factcheck.check`` and ``Result``).

Each command parses its arguments, calls ``check``, writes or prints the result, and maps library
errors to a one-line message on stderr and a non-zero exit, never a traceback.

Exit codes: 0 success; 1 bad input or a missing model (message on stderr); 2 usage error (typer);
3 the output was written but some inputs were skipped (each listed on stderr and in the report).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from .compare import FLAGGED
from .formats import Columns
from .ingest import DEFAULT_MAX_BYTES
from .numbers import POLICIES
from .records import FactcheckError

if TYPE_CHECKING:
    from .pipeline import Result

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
_STRICT_HELP = "Stop at the first bad input (file or dataset row) instead of skipping it."
_MAX_BYTES_HELP = "Skip files and dataset rows larger than this many bytes."
_QUIET_HELP = "Print nothing but errors and skipped inputs."
_LANG_COLUMN_HELP = "Dataset column with the article's language, e.g. en or es (optional; else detected)."


@app.callback()
def main() -> None:
    """factcheck: claims, facts and discrepancies across news articles."""


def _fail(message: str) -> None:
    typer.echo(f"factcheck: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _columns(text: str, outlet: str, published: str, url: str, id_: str, lang: str = "lang") -> Columns:
    return Columns(text=text, outlet=outlet, published=published, url=url, id=id_, lang=lang)


def _check(paths: list[Path] | None, *, quiet: bool, **options) -> Result:
    """Run ``factcheck.check``, with a spinner on an interactive terminal; errors exit 1."""
    from . import check

    try:
        if quiet or not sys.stderr.isatty():
            return check(list(paths or DEFAULT_PATHS), **options)
        from rich.console import Console

        with Console(stderr=True).status("Reading articles, extracting claims, comparing figures…"):
            return check(list(paths or DEFAULT_PATHS), **options)
    except (FactcheckError, ValueError, OSError) as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits


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


def _write(path: Path, data: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot write ({exc.strerror})")


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


@app.command(help="Write the discrepancy report: Markdown and JSON, and on request HTML, CSV or Parquet "
                  "tables.\n\n" + EXIT_CODES,
             epilog="Example: factcheck report seeds/ news.jsonl page.html -f md -f html")
def report(
    paths: Optional[list[Path]] = typer.Argument(None, help=_PATHS_HELP, show_default=False),
    formats: Optional[list[Format]] = typer.Option(
        None, "--format", "-f", help="Output to write; repeat for several (default: md and json, plus any "
                                     "whose path option is given)."),
    out: Path = typer.Option(Path("reports/discrepancies.md"), "--out", help="Markdown report to write."),
    json_out: Path = typer.Option(Path("reports/discrepancies.json"), "--json", help="JSON file to write."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Self-contained HTML report to write "
                                            "[default with --format html: reports/discrepancies.html]."),
    tables_dir: Optional[Path] = typer.Option(None, "--tables-dir", "--csv-dir", help="Folder for claims and "
                                              "facts tables (--format csv/parquet) [default: reports/tables]."),
    jsonld_out: Optional[Path] = typer.Option(None, "--jsonld", help="Also write ClaimReview-style JSON-LD "
                                              "for each flagged fact (and embed it in the HTML)."),
    policy: Policy = typer.Option("conservative", "--policy", help=_POLICY_HELP),
    model: Optional[str] = typer.Option(None, "--model", help="Embedding model name or local folder."),
    strict: bool = typer.Option(False, "--strict", help=_STRICT_HELP),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=_MAX_BYTES_HELP),
    text_column: str = typer.Option("text", "--text-column", help="Dataset column with the article text."),
    outlet_column: str = typer.Option("outlet", "--outlet-column", help="Dataset column with the outlet."),
    published_column: str = typer.Option("published", "--published-column",
                                         help="Dataset column with the date (YYYY-MM-DD, a time may follow)."),
    url_column: str = typer.Option("url", "--url-column", help="Dataset column with the URL."),
    id_column: str = typer.Option("id", "--id-column", help="Dataset column with an article id (optional)."),
    lang_column: str = typer.Option("lang", "--lang-column", help=_LANG_COLUMN_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=_QUIET_HELP),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache of parsed "
                                  "claims and vectors ($FACTCHECK_CACHE, default ~/.cache/factcheck)."),
    clear_cache: bool = typer.Option(False, "--clear-cache", help="Empty the cache before the run."),
) -> None:
    """Write the discrepancy report: Markdown and JSON, and on request HTML, CSV or Parquet tables."""
    from .cache import Cache

    if clear_cache:
        try:
            Cache().clear()
        except FactcheckError as exc:
            _fail(str(exc))
    chosen = set(formats or [Format.md, Format.json])
    if html_out:  # a path asked for is written, whatever --format lists
        chosen.add(Format.html)
    if tables_dir and not chosen & {Format.csv, Format.parquet}:
        chosen.add(Format.csv)
    columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
    cache = None if no_cache else Cache()
    result = _check(paths, quiet=quiet, policy=policy.value, model=model, strict=strict, max_bytes=max_bytes,
                    columns=columns, cache=cache)
    _need_articles(result, paths)
    if cache is not None and cache.write_error:
        typer.echo(f"factcheck: warning: {cache.write_error}; the run went on without it", err=True)
    written: list[Path] = []
    if Format.md in chosen:
        _write(out, result.to_markdown())
        written.append(out)
    if Format.json in chosen:
        _write(json_out, result.to_json())
        written.append(json_out)
    if Format.html in chosen:
        target = html_out or Path("reports/discrepancies.html")
        _write(target, result.to_html(jsonld=jsonld_out is not None))
        written.append(target)
    for fmt in (Format.csv, Format.parquet):
        if fmt in chosen:
            written.extend(_tables(result, tables_dir or Path("reports/tables"), fmt))
    if jsonld_out is not None:
        from .html_report import claim_review_jsonld

        _write(jsonld_out, claim_review_jsonld(result))
        written.append(jsonld_out)
    if not quiet:
        flagged = sum(1 for f in result.facts if f.verdict in FLAGGED)
        typer.echo(f"{len(result.articles)} articles read, {len(result.skipped)} skipped, "
                   f"{len(result.claims)} claims, {len(result.facts)} facts, {flagged} flagged -> "
                   + ", ".join(map(str, written)))
    _report_skipped(result)


@app.command(epilog="Example: factcheck claims seeds/003_62008b33e4acb1ae.txt")
def claims(
    paths: Optional[list[Path]] = typer.Argument(None, help=_PATHS_HELP, show_default=False),
    policy: Policy = typer.Option("conservative", "--policy", help=_POLICY_HELP),
    strict: bool = typer.Option(False, "--strict", help=_STRICT_HELP),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=_MAX_BYTES_HELP),
    text_column: str = typer.Option("text", "--text-column", help="Dataset column with the article text."),
    outlet_column: str = typer.Option("outlet", "--outlet-column", help="Dataset column with the outlet."),
    published_column: str = typer.Option("published", "--published-column", help="Dataset date column."),
    url_column: str = typer.Option("url", "--url-column", help="Dataset column with the URL."),
    id_column: str = typer.Option("id", "--id-column", help="Dataset column with an article id (optional)."),
    lang_column: str = typer.Option("lang", "--lang-column", help=_LANG_COLUMN_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=_QUIET_HELP),
) -> None:
    """List the extracted claims as a table, with the fact each one belongs to."""
    from tabulate import tabulate

    from .compare import format_figure

    columns = _columns(text_column, outlet_column, published_column, url_column, id_column, lang_column)
    result = _check(paths, quiet=quiet, policy=policy.value, strict=strict, max_bytes=max_bytes, columns=columns)
    _need_articles(result, paths)
    fact_of = {cid: f.id for f in result.facts for cid in f.claim_ids}
    rows = [[c.id, fact_of.get(c.id, ""), c.kind, c.subject, format_figure(c), c.claimant or "", c.role,
             " ".join(c.surface.split())] for c in result.claims]
    typer.echo(tabulate(rows, headers=["id", "fact", "kind", "subject", "figure", "claimant", "part",
                                       "surface"]))
    _report_skipped(result, report=False)


@app.command(epilog="Example: factcheck explain F4 seeds/")
def explain(
    fact_id: str = typer.Argument(..., help="A fact id from the report, e.g. F4."),
    paths: Optional[list[Path]] = typer.Argument(None, help=_PATHS_HELP, show_default=False),
    policy: Policy = typer.Option("conservative", "--policy", help=_POLICY_HELP),
    model: Optional[str] = typer.Option(None, "--model", help="Embedding model name or local folder."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=_MAX_BYTES_HELP),
    text_column: str = typer.Option("text", "--text-column", help="Dataset column with the article text."),
    context: int = typer.Option(160, "--context", min=0, help="Characters of text shown around each sentence."),
) -> None:
    """Show one fact: its verdict and reasons, then each claim with its quote in context."""
    from .compare import format_figure
    from .html_report import where

    result = _check(paths, quiet=True, policy=policy.value, model=model, max_bytes=max_bytes,
                    columns=Columns(text=text_column))
    facts = {f.id: f for f in result.facts}
    fact = facts.get(fact_id) or facts.get(fact_id.upper())
    if fact is None:
        known = f"facts are F1..F{len(result.facts)}" if result.facts else "it found no facts"
        _fail(f"no fact {fact_id!r} in this run ({known}); fact ids are numbered per run, so pass the "
              "same paths as the report they came from")
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
