"""Report: records -> DataFrames, Markdown (tabulate) and JSON.

Reads a pipeline ``Result``; returns strings and tables. Rendering is
deterministic: fixed column order, stable sorting and no timestamps, so the same
input gives the same bytes. Every figure shown carries its outlet, quote and
offsets, so a reader can check it in seconds.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from .compare import FLAGGED, format_figure, format_value

if TYPE_CHECKING:
    import pandas as pd

    from .pipeline import Result

SCHEMA_VERSION = 1
QUOTE_CONTEXT = 110

# Characters that would end a table cell, start code, a link or HTML: "|", "`", "[", "<".
_MD_SPECIAL = re.compile(r"([\\|`*_\[\]<>#])")


def md_escape(text: str) -> str:
    """Make arbitrary text safe inside a Markdown table cell (one line, nothing active)."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _trim(claim, context: int) -> tuple[str, str, str, str]:
    """The claim's sentence around its figure, cut at words: (ellipsis, left, right, ellipsis)."""
    s0 = claim.sentence_start
    sent = claim.sentence
    a, b = claim.start - s0, claim.end - s0
    lo = max(0, a - context)
    hi = min(len(sent), b + context)
    if lo > 0:  # cut at a word boundary
        lo = sent.find(" ", lo, a) + 1 or lo
    if hi < len(sent):
        hi = sent.rfind(" ", b, hi) if sent.rfind(" ", b, hi) > b else hi
    return ("…" if lo > 0 else ""), sent[lo:a], sent[b:hi], ("…" if hi < len(sent) else "")


def excerpt(claim, context: int = 45) -> str:
    """Plain text of the claim's sentence around its figure, the figure in «guillemets»."""
    pre, left, right, post = _trim(claim, context)
    return " ".join(f"{pre}{left}«{claim.surface}»{right}{post}".split())


def quote(claim, article) -> str:
    """The claim's sentence around its figure, trimmed, with the figure in bold."""
    pre, left, right, post = _trim(claim, QUOTE_CONTEXT)
    sep_l = " " if left[-1:].isspace() else ""
    sep_r = " " if right[:1].isspace() else ""
    return (f"{pre}{md_escape(left)}{sep_l}**{md_escape(claim.surface)}**{sep_r}"
            f"{md_escape(right)}{post}").strip()


def _where(claim, article) -> str:
    line, col = line_col(article.text, claim.start)
    return f"{md_escape(article.path)}:{line}:{col} [{claim.start}:{claim.end}]"


def _claim_rows(fact, result) -> list[list[str]]:
    claims = result.claim_map()
    arts = result.article_map()
    rows = []
    for cid in fact.claim_ids:
        c = claims[cid]
        a = arts[c.article_id]
        rows.append([md_escape(a.outlet), str(a.published or "unknown"),
                     md_escape(c.claimant or "(own voice)"), md_escape(format_figure(c)),
                     c.role, quote(c, a), _where(c, a)])
    return rows


CLAIM_HEADERS = ["outlet", "published", "claimant", "figure", "part", "quote", "where"]


AGREEMENT_HEADERS = ["fact", "kind", "subject", "figure", "published", "outlets", "claims", "first quote"]


def agreement_rows(result: Result) -> list[list[str | int]]:
    """One plain-text row per agreeing fact, for any renderer to escape its own way."""
    claims = result.claim_map()
    arts = result.article_map()
    rows: list[list[str | int]] = []
    for f in result.facts:
        if f.verdict != "agreement":
            continue
        cs = [claims[c] for c in f.claim_ids]
        rows.append([f.id, f.kind, f.subject, format_figure(cs[0]),
                     ", ".join(sorted({str(arts[c.article_id].published or "unknown") for c in cs})),
                     ", ".join(sorted({arts[c.article_id].outlet for c in cs})), len(cs), excerpt(cs[0])])
    return rows


def to_markdown(result: Result) -> str:
    """The Markdown discrepancy report."""
    facts = result.facts
    counts = {v: sum(1 for f in facts if f.verdict == v)
              for v in ("contradiction", "discrepancy", "update", "agreement", "single")}
    out: list[str] = ["# factcheck discrepancy report", ""]
    out.append(f"{_count(len(result.articles), 'article')} read, {len(result.skipped)} skipped; "
               f"{_count(len(result.claims), 'claim')} in {_count(len(facts), 'fact')}: "
               f"{_count(counts['contradiction'], 'contradiction')}, "
               f"{_count(counts['discrepancy'], 'discrepancy', 'discrepancies')}, "
               f"{_count(counts['update'], 'update')}, {_count(counts['agreement'], 'agreement')}, "
               f"{_count(counts['single'], 'single claim')}.")
    out.append("")
    out.append(f"Vague quantities are read with the **{result.policy.name}** policy: "
               f"{md_escape(result.policy.description)} Embedding model: `{result.model}`.")
    out.append("")
    out.append("A *contradiction* means the figures cannot all be true (their intervals are disjoint); "
               "a *discrepancy* means they differ but could all be true; an *update* means a running "
               "toll moved between reports of different dates.")
    out.append("")
    out.append("## Flagged facts")
    out.append("")
    flagged = [f for f in facts if f.verdict in FLAGGED]
    if not flagged:
        out.append("No fact has differing figures.")
        out.append("")
    for f in flagged:
        out.append(f"### {f.id} · {f.verdict}: {md_escape(f.summary)}")
        out.append("")
        for reason in f.why:
            out.append(f"- {md_escape(reason)}")
        if f.why:
            out.append("")
        out.append(tabulate(_claim_rows(f, result), headers=CLAIM_HEADERS, tablefmt="github"))
        out.append("")
        out.append(f"Independent sources: {f.sources}; outlets: {md_escape(', '.join(f.outlets))}.")
        out.append("")
        if len({row[0] for row in f.timeline}) > 1:
            out.append("Timeline:")
            out.append("")
            out.append(tabulate([[d, md_escape(o), md_escape(fig)] for d, o, fig in f.timeline],
                                headers=["as of", "outlet", "figure"], tablefmt="github"))
            out.append("")
        if f.kind != "date":
            r = f.reconciled
            first = result.claim_map()[f.claim_ids[0]]

            def _num(x: float | None) -> str:  # in the claims' readable unit ("6 months")
                return "unbounded" if x is None else format_value(x, first)

            out.append(tabulate([[_num(r["acled"]), f"{_num(r['ucdp_low'])} / {_num(r['ucdp_best'])} / "
                                  f"{_num(r['ucdp_high'])}", f"{_num(r['ibc_min'])}–{_num(r['ibc_max'])}"]],
                                headers=["conservative minimum (ACLED)", "low / best / high (UCDP)",
                                         "min–max (IBC)"], tablefmt="github"))
            out.append("")
    agreements = [f for f in facts if f.verdict == "agreement"]
    out.append("## Agreements")
    out.append("")
    if agreements:
        rows = [[md_escape(str(cell)) if isinstance(cell, str) else cell for cell in row]
                for row in agreement_rows(result)]
        out.append(tabulate(rows, headers=AGREEMENT_HEADERS, tablefmt="github"))
    else:
        out.append("No two claims agree.")
    out.append("")
    out.append("## Articles")
    out.append("")
    per_article = {a.id: 0 for a in result.articles}
    for c in result.claims:
        per_article[c.article_id] += 1
    rows = [[md_escape(a.id), md_escape(a.lang or ""), md_escape(a.outlet), str(a.published or "unknown"), per_article[a.id],
             md_escape(a.path)] for a in result.articles]
    out.append(tabulate(rows, headers=["article", "lang", "outlet", "published", "claims", "path"],
                        tablefmt="github"))
    out.append("")
    if result.syndication:
        arts = result.article_map()
        out.append("## Syndicated copies")
        out.append("")
        out.append("Each row is one wire story carried by several outlets; its figures count as one source.")
        out.append("")
        out.append(tabulate([[i, md_escape(", ".join(arts[a].outlet for a in g)), md_escape(", ".join(g))]
                             for i, g in enumerate(result.syndication, start=1)],
                            headers=["story", "outlets", "articles"], tablefmt="github"))
        out.append("")
    if result.skipped:
        out.append("## Skipped inputs")
        out.append("")
        out.append(tabulate([[md_escape(s.path), md_escape(s.reason)] for s in result.skipped],
                            headers=["path", "reason"], tablefmt="github"))
        out.append("")
    singles = sum(1 for f in facts if f.verdict == "single")
    out.append(f"{singles} single claims are in the JSON (`facts[]` with verdict `single`).")
    out.append("")
    return "\n".join(out)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def to_dict(result: Result) -> dict[str, Any]:
    """The JSON document as plain Python data (the contract in the README)."""
    counts: dict[str, int] = {a.id: 0 for a in result.articles}
    for c in result.claims:
        counts[c.article_id] += 1
    articles = []
    for a in result.articles:
        d = asdict(a)
        text = d.pop("text")
        d["claim_count"] = counts[a.id]
        d["chars"] = len(text)
        articles.append(_jsonable(d))
    claims = [_jsonable(asdict(c)) for c in result.claims]
    facts = [_jsonable(asdict(f)) for f in result.facts]
    return {
        "schema": SCHEMA_VERSION,
        "policy": {"name": result.policy.name, "description": result.policy.description,
                   "table": {k: list(_jsonable(v)) for k, v in sorted(result.policy.table.items())}},
        "model": result.model,
        "articles": articles,
        "skipped": [asdict(s) for s in result.skipped],
        "syndication": [list(g) for g in result.syndication],
        "claims": claims,
        "facts": facts,
    }


def to_json(result: Result) -> str:
    """The JSON document as text, deterministic to the byte."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def claims_frame(result: Result) -> pd.DataFrame:
    """Claims as a pandas DataFrame, one row per claim, with the article's outlet."""
    import pandas as pd

    arts = result.article_map()
    rows = []
    for c in result.claims:
        row = asdict(c)
        row["outlet"] = arts[c.article_id].outlet
        rows.append(row)
    return pd.DataFrame(rows)


def facts_frame(result: Result) -> pd.DataFrame:
    """Facts as a pandas DataFrame, one row per fact."""
    import pandas as pd

    return pd.DataFrame([asdict(f) for f in result.facts])
