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
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from .compare import (FLAGGED, RECONCILE_RULES, Estimate, format_bound, format_figure, reconciled_claims,
                      reconciliation)

if TYPE_CHECKING:
    import pandas as pd

    from .records import Result

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


AGREEMENT_HEADERS = ["fact", "kind", "subject", "figure", "published", "outlets", "sources", "claims",
                     "first quote"]


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
                     ", ".join(sorted({arts[c.article_id].outlet for c in cs})),
                     _sources_text(f.sources), len(cs), excerpt(cs[0])])
    return rows


def _sources_text(n: int) -> str:
    """Independent sources behind an agreement: "1 (relayed)" when the outlets relay one source."""
    return "1 (relayed)" if n == 1 else str(n)


# The reconciliation table's rows: key, label.
RECONCILE_ROWS = (("acled", "conservative minimum (ACLED)"), ("ucdp_low", "low (UCDP)"),
                  ("ucdp_best", "best (UCDP)"), ("ucdp_high", "high (UCDP)"), ("ibc_min", "minimum (IBC)"),
                  ("ibc_max", "maximum (IBC)"))


def _wire_of(result: Result) -> dict[str, str]:
    return {aid: group[0] for group in result.syndication for aid in group}


def fact_reconciliation(fact, result: Result) -> dict[str, Estimate]:
    """A fact's reconciled values with the rule and the claims behind each (``compare.reconciliation``)."""
    claims = result.claim_map()
    members = [claims[c] for c in fact.claim_ids]
    return reconciliation(reconciled_claims(members, fact.verdict), _wire_of(result))


def _reconcile_table(fact, result: Result) -> list[str]:
    """The Markdown reconciliation: one row per estimate, its figure, the rule that made it, the outlets."""
    claims = result.claim_map()
    arts = result.article_map()
    rows = []
    estimates = fact_reconciliation(fact, result)
    for key, label in RECONCILE_ROWS:
        e = estimates[key]
        outlets = sorted({arts[claims[c].article_id].outlet for c in e.claim_ids})
        rows.append([label, md_escape(e.display), e.rule if e.reported else f"**{e.rule}**",
                     md_escape(", ".join(outlets))])
    out = []
    if fact.verdict == "update":
        last = max(claims[c].as_of for c in fact.claim_ids if claims[c].as_of is not None)
        out += [f"Reconciled on the latest reports ({last}).", ""]
    out.append(tabulate(rows, headers=["estimate", "figure", "rule", "from"], tablefmt="github"))
    return out


def to_markdown(result: Result) -> str:
    """The Markdown discrepancy report."""
    return "".join(iter_markdown(result))


def write_markdown(result: Result, path) -> None:
    """Write the Markdown report to ``path`` (UTF-8) piece by piece: the bytes of ``to_markdown``,
    without the whole text in memory (at 10,000 articles it is some 60 MB, built from a list of
    lines as large again)."""
    write_pieces(path, iter_markdown(result))


def write_pieces(path, pieces: Iterator[str]) -> None:
    """Write text to ``path`` (UTF-8, as ``Path.write_text`` writes it) one piece at a time."""
    with open(path, "w", encoding="utf-8") as fp:
        for piece in pieces:
            fp.write(piece)


def iter_markdown(result: Result) -> Iterator[str]:
    """The Markdown report in pieces, one per section and one per flagged fact: joined, the text
    of ``to_markdown``."""
    first = True
    for lines in _md_sections(result):
        if lines:
            yield ("" if first else "\n") + "\n".join(lines)
            first = False


def _md_sections(result: Result) -> Iterator[list[str]]:
    """The report's lines, a section (or a flagged fact) at a time; the report joins them all
    with line breaks."""
    yield _md_header(result)
    yield from _md_flagged(result)
    yield _md_agreements(result)
    yield _md_articles(result)
    yield _md_syndication(result)
    yield _md_skipped(result)
    singles = sum(1 for f in result.facts if f.verdict == "single")
    yield [f"{singles} single claims are in the JSON (`facts[]` with verdict `single`).", ""]


def _md_header(result: Result) -> list[str]:
    """The report's title, verdict counts, policy, definitions and reconciliation rules."""
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
    out.append("Each fact is reconciled under three conflict-data policies. Every figure in a reconciliation "
               "table is one a source gave, as worded (\"more than 100\" stays an open bound), unless its "
               "rule is in bold: then the rule made it (a vague term read by the policy above). An "
               "agreement needs two independent sources: one article repeating its own figure is a single "
               "claim. The rules:")
    out.append("")
    for name, text in RECONCILE_RULES.items():
        out.append(f"- *{name}*: {md_escape(text)}")
    out.append("")
    return out


def _md_flagged(result: Result) -> Iterator[list[str]]:
    """The "Flagged facts" section: its heading, then one block per fact whose figures differ."""
    flagged = [f for f in result.facts if f.verdict in FLAGGED]
    yield ["## Flagged facts", "", *([] if flagged else ["No fact has differing figures.", ""])]
    for f in flagged:
        yield _md_fact(f, result)


def _md_fact(f, result: Result) -> list[str]:
    """One flagged fact: its reasons, claims, sources, timeline and reconciliation."""
    out = [f"### {f.id} · {f.verdict}: {md_escape(f.summary)}", ""]
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
        out.extend(_reconcile_table(f, result))
        out.append("")
    return out


def _md_agreements(result: Result) -> list[str]:
    """The "Agreements" section: a table of agreeing facts, or a line saying there are none."""
    agreements = [f for f in result.facts if f.verdict == "agreement"]
    out = ["## Agreements", ""]
    if agreements:
        rows = [[md_escape(str(cell)) if isinstance(cell, str) else cell for cell in row]
                for row in agreement_rows(result)]
        out.append(tabulate(rows, headers=AGREEMENT_HEADERS, tablefmt="github"))
    else:
        out.append("No two claims agree.")
    out.append("")
    return out


def _md_articles(result: Result) -> list[str]:
    """The "Articles" section: one row per article read, with its claim count."""
    out = ["## Articles", ""]
    per_article = {a.id: 0 for a in result.articles}
    for c in result.claims:
        per_article[c.article_id] += 1
    rows = [[md_escape(a.id), md_escape(a.lang or ""), md_escape(a.outlet), str(a.published or "unknown"), per_article[a.id],
             md_escape(a.path)] for a in result.articles]
    out.append(tabulate(rows, headers=["article", "lang", "outlet", "published", "claims", "path"],
                        tablefmt="github"))
    out.append("")
    return out


def _md_syndication(result: Result) -> list[str]:
    """The "Syndicated copies" section, when some wire story was carried by several outlets."""
    out: list[str] = []
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
    return out


def _md_skipped(result: Result) -> list[str]:
    """The "Skipped inputs" section, when some input was skipped."""
    out: list[str] = []
    if result.skipped:
        out.append("## Skipped inputs")
        out.append("")
        out.append(tabulate([[md_escape(s.path), md_escape(s.reason)] for s in result.skipped],
                            headers=["path", "reason"], tablefmt="github"))
        out.append("")
    return out


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


def _claim_json(c) -> dict[str, Any]:
    """A claim's JSON: its fields, plus its figure and each bound as a reader reads them."""
    d = _jsonable(asdict(c))
    d["figure"] = format_figure(c)
    d["low_display"] = format_bound(c.low, c)
    d["high_display"] = format_bound(c.high, c)
    return d


def _estimate_json(e: Estimate, first) -> dict[str, Any]:
    """One reconciled value's JSON: machine value, its reading, the rule and the claims behind it."""
    return {"value": _jsonable(e.value), "display": e.display,
            "value_display": format_bound(e.value, first), "rule": e.rule,
            "reported": e.reported, "claim_ids": list(e.claim_ids)}


def _article_dicts(result: Result) -> Iterator[dict[str, Any]]:
    """Each article's JSON, with its claim count and length (not its text)."""
    counts: dict[str, int] = {a.id: 0 for a in result.articles}
    for c in result.claims:
        counts[c.article_id] += 1
    for a in result.articles:
        d = asdict(a)
        text = d.pop("text")
        d["claim_count"] = counts[a.id]
        d["chars"] = len(text)
        yield _jsonable(d)


def _fact_dict(f, result: Result) -> dict[str, Any]:
    d = _jsonable(asdict(f))
    d["reconciled_detail"] = {k: _estimate_json(e, result.claim_map()[f.claim_ids[0]])
                              for k, e in fact_reconciliation(f, result).items()}
    return d


# The document's long lists, built one item at a time by ``iter_json`` (and all at once by ``to_dict``).
_LISTS = {"articles": _article_dicts,
          "claims": lambda result: map(_claim_json, result.claims),
          "facts": lambda result: (_fact_dict(f, result) for f in result.facts)}


def _head(result: Result) -> dict[str, Any]:
    """The JSON document with its long lists left empty, in the contract's key order."""
    return {
        "schema": SCHEMA_VERSION,
        "policy": {"name": result.policy.name, "description": result.policy.description,
                   "table": {k: list(_jsonable(v)) for k, v in sorted(result.policy.table.items())}},
        "model": result.model,
        "articles": [],
        "skipped": [asdict(s) for s in result.skipped],
        "syndication": [list(g) for g in result.syndication],
        "claims": [],
        "facts": [],
        "reconcile_rules": dict(RECONCILE_RULES),
    }


def to_dict(result: Result) -> dict[str, Any]:
    """The JSON document as plain Python data (the contract in the README)."""
    doc = _head(result)
    for key, items in _LISTS.items():
        doc[key] = list(items(result))
    return doc


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at nesting ``depth`` of a larger document
    (a JSON string holds no raw newline, so every line break is one of the layout's)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def iter_json(result: Result) -> Iterator[str]:
    """The JSON document in pieces, one per article, claim and fact: joined, the bytes of
    ``json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\\n"``, without holding every
    item's dict (or the whole text) at once."""
    yield "{"
    for n, (key, value) in enumerate(_head(result).items()):
        yield ("," if n else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": "
        if key not in _LISTS:
            yield _dumps(value, 1)
            continue
        empty = True
        for item in _LISTS[key](result):
            yield ("[" if empty else ",") + "\n    " + _dumps(item, 2)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def to_json(result: Result) -> str:
    """The JSON document as text, deterministic to the byte."""
    return "".join(iter_json(result))


def write_json(result: Result, path) -> None:
    """Write the JSON document to ``path`` (UTF-8) piece by piece: the same bytes as ``to_json``,
    without the whole text in memory."""
    write_pieces(path, iter_json(result))


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
