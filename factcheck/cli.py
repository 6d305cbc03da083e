"""The ``factcheck`` command: thin typer wrappers over the library.

Each command parses its arguments, calls one library function, writes or prints
the result, and maps library errors to a one-line message and a non-zero exit.

Exit codes: 0 success; 1 bad input or a missing model (message on stderr);
2 usage error (typer); 3 the report was written but some inputs were skipped.
"""

from __future__ import annotations

from pathlib import Path

import typer

from .records import FactcheckError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find where news articles disagree on figures.")

EXIT_SKIPPED = 3


@app.callback()
def main() -> None:
    """factcheck: claims, facts and discrepancies across news articles."""


def _fail(message: str) -> None:
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(1)


@app.command()
def report(
    paths: list[Path] = typer.Argument(None, help="Article files or folders (default: seeds/)."),
    out: Path = typer.Option(Path("reports/discrepancies.md"), "--out", help="Markdown report to write."),
    json_out: Path = typer.Option(Path("reports/discrepancies.json"), "--json", help="JSON file to write."),
    policy: str = typer.Option("conservative", "--policy", help="Vague-quantity policy: conservative or crowd."),
    model: str = typer.Option(None, "--model", help="Embedding model name or local folder."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad input instead of skipping it."),
) -> None:
    """Write a Markdown discrepancy report and its JSON.

    Example: factcheck report seeds/ --out reports/discrepancies.md --json reports/discrepancies.json
    """
    from .pipeline import check

    try:
        result = check(list(paths or [Path("seeds")]), policy=policy, model=model, strict=strict)
    except (FactcheckError, ValueError) as exc:
        _fail(str(exc))
        return
    for path, text in ((out, result.to_markdown()), (json_out, result.to_json())):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"{path}: cannot write ({exc.strerror})")
    flagged = sum(1 for f in result.facts if f.verdict in ("contradiction", "discrepancy"))
    typer.echo(f"{len(result.articles)} articles, {len(result.claims)} claims, {len(result.facts)} facts, "
               f"{flagged} flagged -> {out}, {json_out}")
    for s in result.skipped:
        typer.echo(f"factcheck: skipped {s.path}: {s.reason}", err=True)
    if result.skipped:
        typer.echo(f"factcheck: {len(result.skipped)} input(s) skipped; see the report", err=True)
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def claims(
    paths: list[Path] = typer.Argument(None, help="Article files or folders (default: seeds/)."),
    policy: str = typer.Option("conservative", "--policy", help="Vague-quantity policy: conservative or crowd."),
) -> None:
    """List the extracted claims as a table (no embedding or grouping).

    Example: factcheck claims seeds/003_62008b33e4acb1ae.txt
    """
    from tabulate import tabulate

    from .claims import extract_many, load_nlp
    from .compare import format_figure
    from .ingest import ingest
    from .numbers import get_policy

    try:
        vague = get_policy(policy)
        articles, skipped = ingest(list(paths or [Path("seeds")]))
        nlp = load_nlp()
        rows = []
        for article, found in zip(articles, extract_many(articles, nlp=nlp, policy=vague)):
            for c in found:
                rows.append([c.id, c.kind, c.subject, format_figure(c), c.claimant or "", c.role,
                             c.surface])
    except (FactcheckError, ValueError) as exc:
        _fail(str(exc))
        return
    typer.echo(tabulate(rows, headers=["id", "kind", "subject", "figure", "claimant", "part", "surface"]))
    for s in skipped:
        typer.echo(f"factcheck: skipped {s.path}: {s.reason}", err=True)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


if __name__ == "__main__":  # pragma: no cover
    app()
