"""HTML report: a pipeline ``Result`` -> one self-contained HTML page, and ClaimReview-style JSON-LD.

Reads a ``Result``; returns strings. The page has its styles inline and no scripts, images, fonts or
links to fetch, so it opens offline. Each flagged fact shows every claim's sentence with the quoted
figure highlighted (the claim's own offsets, never a re-search), plus outlet, claimant and the
``path:line:col [start:end]`` location. Every piece of text from an article or its metadata passes
through ``html.escape``, so a quote holding ``<script>``, ``|`` or backticks renders as text. Output is
deterministic: fixed order, no timestamps.

The page says what the Markdown report says (``report.to_markdown``): the counts of every verdict,
and for each flagged fact its reasons, claims, independent sources, timeline and reconciled figures.
It names another output file only when the caller says that file was written (``json_path``).
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from .compare import RECONCILE_RULES, format_figure
from .report import (AGREEMENT_HEADERS, CLAIM_HEADERS, FLAGGED, RECONCILE_ROWS, agreement_rows,
                     fact_reconciliation, line_col)

VERDICTS = ("contradiction", "discrepancy", "update", "agreement", "single")
# each verdict's count as a phrase, "1 discrepancy", "6 discrepancies" (the Markdown's words)
_NOUNS = {"contradiction": ("contradiction", "contradictions"),
          "discrepancy": ("discrepancy", "discrepancies"), "update": ("update", "updates"),
          "agreement": ("agreement", "agreements"), "single": ("single claim", "single claims")}
RECONCILIATION_HEADERS = ["estimate", "figure", "rule", "from"]

if TYPE_CHECKING:
    from .records import Result
    from .records import Article, Claim, Fact

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#1d2327;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}
h3{font-size:1.05rem;margin:1.6rem 0 .4rem}
.summary{color:#444}.muted{color:#666;font-size:.9em}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.8rem;font-weight:600;
text-transform:uppercase;letter-spacing:.03em;margin-right:.4rem;vertical-align:middle}
.contradiction{background:#fde2e1;color:#9b1c1c}.discrepancy{background:#fff1c2;color:#7a5200}
.update{background:#dbeafe;color:#1e3a8a}
.agreement{background:#dcf5e3;color:#1c6b35}.single{background:#eee;color:#444}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92em}
th,td{border:1px solid #e1e1e1;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f7f8}
td.quote{max-width:38rem}td.nowrap{white-space:nowrap}
mark{background:#ffe066;padding:0 .1rem;border-radius:.15rem;font-weight:600}
code,.where,.path{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;color:#555}
.where,.path{overflow-wrap:normal;word-break:normal}
.seg{white-space:nowrap}
table.small{width:auto;min-width:24rem}
p.sources{margin:.2rem 0 .6rem}
.label{font-weight:600;margin:.6rem 0 .1rem}
ul.why{margin:.2rem 0 .4rem 1.2rem;padding:0}
section.fact{border-left:4px solid #ccc;padding-left:.9rem;margin-bottom:1.5rem}
section.fact.contradiction-border{border-color:#d64545}section.fact.discrepancy-border{border-color:#e0a800}
section.fact.update-border{border-color:#3b82f6}
"""


def _e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def highlighted_sentence(claim: Claim) -> str:
    """The claim's sentence as HTML, the figure's surface wrapped in ``<mark>``, everything escaped."""
    a = claim.start - claim.sentence_start
    b = claim.end - claim.sentence_start
    sent = claim.sentence
    if not (0 <= a <= b <= len(sent)) or sent[a:b] != claim.surface:
        return f"{_e(' '.join(sent.split()))} <mark>{_e(claim.surface)}</mark>"
    left, mid, right = (" ".join(part.split()) for part in (sent[:a], sent[a:b], sent[b:]))
    sep_l = " " if sent[:a][-1:].isspace() else ""
    sep_r = " " if sent[b:][:1].isspace() else ""
    return f"{_e(left)}{sep_l}<mark>{_e(mid)}</mark>{sep_r}{_e(right)}".strip()


def where(claim: Claim, article: Article) -> str:
    """``path:line:col [start:end]`` of a claim, as plain text."""
    line, col = line_col(article.text, claim.start)
    return f"{article.path}:{line}:{col} [{claim.start}:{claim.end}]"


def path_html(path: str, tail: str = "") -> str:
    """A file path as HTML that may break only after a ``/``, never inside a name; ``tail``
    (``:line:col``) stays on the file name's line."""
    parts = str(path).split("/")
    segs = [p + "/" for p in parts[:-1]] + [parts[-1] + tail]
    return "<wbr>".join(f'<span class="seg">{_e(seg)}</span>' for seg in segs if seg)


def _where_html(claim: Claim, article: Article) -> str:
    line, col = line_col(article.text, claim.start)
    return (f"{path_html(article.path, f':{line}:{col}')} "
            f'<span class="seg">[{claim.start}:{claim.end}]</span>')


def count_phrase(n: int, verdict: str) -> str:
    """"1 discrepancy", "6 discrepancies", "76 single claims": the words of the Markdown report."""
    one, many = _NOUNS[verdict]
    return f"{n} {one if n == 1 else many}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def reconciliation_table(fact: Fact, result: Result) -> list[str]:
    """A fact's reconciled figures as the Markdown shows them: one row per estimate with its figure,
    the rule that made it (in bold when the rule, not a source, made the figure) and the outlets."""
    claims = result.claim_map()
    arts = result.article_map()
    estimates = fact_reconciliation(fact, result)
    out = ['<p class="label">Reconciled figures:</p>']
    if fact.verdict == "update":
        last = max(claims[c].as_of for c in fact.claim_ids if claims[c].as_of is not None)
        out.append(f'<p class="muted">Reconciled on the latest reports ({_e(last)}).</p>')
    rows = []
    for key, label in RECONCILE_ROWS:
        e = estimates[key]
        outlets = ", ".join(sorted({arts[claims[c].article_id].outlet for c in e.claim_ids}))
        rule = _e(e.rule) if e.reported else f"<b>{_e(e.rule)}</b>"
        rows.append(f"<tr><td>{_e(label)}</td><td>{_e(e.display)}</td><td>{rule}</td><td>{_e(outlets)}</td></tr>")
    head = "".join(f"<th>{_e(h)}</th>" for h in RECONCILIATION_HEADERS)
    out.append(f'<table class="small"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return out


def _fact_section(fact: Fact, result: Result) -> list[str]:
    claims = result.claim_map()
    arts = result.article_map()
    out = [f'<section class="fact {_e(fact.verdict)}-border" id="{_e(fact.id)}">',
           f'<h3><span class="badge {_e(fact.verdict)}">{_e(fact.verdict)}</span>'
           f"{_e(fact.id)} · {_e(fact.summary)}</h3>"]
    if fact.why:
        out.append('<ul class="why">' + "".join(f"<li>{_e(w)}</li>" for w in fact.why) + "</ul>")
    out.append("<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in CLAIM_HEADERS)
               + "</tr></thead><tbody>")
    for cid in fact.claim_ids:
        c = claims[cid]
        a = arts[c.article_id]
        outlet = f'<a href="{_e(a.url)}">{_e(a.outlet)}</a>' if a.url and _safe_url(a.url) else _e(a.outlet)
        out.append(f'<tr><td>{outlet}</td><td class="nowrap">{_e(a.published or "unknown")}</td>'
                   f"<td>{_e(c.claimant or '(own voice)')}</td><td>{_e(format_figure(c))}</td>"
                   f"<td>{_e(c.role)}</td>"
                   f'<td class="quote">{highlighted_sentence(c)}</td>'
                   f'<td class="where">{_where_html(c, a)}</td></tr>')
    out.append("</tbody></table>")
    out.append(f'<p class="sources">Independent sources: {_e(fact.sources)}; '
               f"outlets: {_e(', '.join(fact.outlets))}.</p>")
    if len({row[0] for row in fact.timeline}) > 1:
        out.append('<p class="label">Timeline:</p>')
        out.append(_table(["as of", "outlet", "figure"], [list(row) for row in fact.timeline], cls="small"))
    if fact.kind != "date":
        out.extend(reconciliation_table(fact, result))
    out.append("</section>")
    return out


def _safe_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


class _Html(str):
    """A cell that is already HTML (escaped by whoever built it)."""


# columns of dates: a date never breaks at its hyphens; a list of dates breaks after a comma
_DATE_COLUMNS = frozenset({"published", "as of"})


def _cell(value: object, header: str) -> str:
    if isinstance(value, _Html):
        return f'<td class="path">{value}</td>'
    if header in _DATE_COLUMNS:
        return "<td>" + ", ".join(f'<span class="seg">{_e(d)}</span>' for d in str(value).split(", ")) + "</td>"
    return f"<td>{_e(value)}</td>"


def _table(headers: list[str], rows: list[list[object]], cls: str | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v, h) for v, h in zip(row, headers)) + "</tr>" for row in rows)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def claim_review(result: Result) -> list[dict[str, Any]]:
    """ClaimReview-style JSON-LD (schema.org), one object per flagged fact.

    The rating is the verdict as ``alternateName``; each claim's article is an ``appearance``.
    """
    claims = result.claim_map()
    arts = result.article_map()
    out = []
    for f in result.facts:
        if f.verdict not in FLAGGED:
            continue
        appearances = []
        for cid in f.claim_ids:
            c = claims[cid]
            a = arts[c.article_id]
            item: dict[str, Any] = {"@type": "CreativeWork", "publisher": {"@type": "Organization",
                                                                         "name": a.outlet},
                                    "text": c.sentence}
            if a.url:
                item["url"] = a.url
            if a.published:
                item["datePublished"] = a.published.isoformat()
            appearances.append(item)
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f.id,
            "claimReviewed": f.summary,
            "reviewBody": "; ".join(f.why),
            "reviewRating": {"@type": "Rating", "alternateName": f.verdict},
            "itemReviewed": {"@type": "Claim", "appearance": appearances},
            "author": {"@type": "Organization", "name": "factcheck (automated)"},
        })
    return out


def claim_review_jsonld(result: Result) -> str:
    """The ClaimReview JSON-LD as text, safe to embed in a ``<script>`` element."""
    text = json.dumps(claim_review(result), ensure_ascii=False, indent=2)
    # "<", ">" and "&" as JSON escapes, so no "</script>" inside a quote can end the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def to_html(result: Result, *, jsonld: bool = False, json_path: str | None = None) -> str:
    """The whole report as one self-contained HTML page.

    Args:
        result: a pipeline result.
        jsonld: embed ClaimReview-style JSON-LD (an inert ``application/ld+json`` block).
        json_path: where this run wrote its JSON report, if it wrote one; the page points to it
            for the single claims. None: the page names no other file.
    """
    facts = result.facts
    counts = {v: sum(1 for f in facts if f.verdict == v) for v in VERDICTS}
    out = _html_head(result, jsonld)
    out.extend(_html_intro(result, counts))
    out.extend(_html_flagged(result))
    out.extend(_html_agreements(result))
    out.extend(_html_articles(result))
    out.extend(_html_syndication(result))
    out.extend(_html_skipped(result))
    out.append(_html_singles(counts, json_path))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_head(result: Result, jsonld: bool) -> list[str]:
    """The page's doctype and ``<head>``, with the JSON-LD block when asked, up to ``<body>``."""
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           # No script may run and nothing may load from anywhere: the page is a document.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">",
           "<title>factcheck discrepancy report</title>", f"<style>{_CSS}</style>"]
    if jsonld:
        out.append(f'<script type="application/ld+json">{claim_review_jsonld(result)}</script>')
    out.append("</head><body>")
    return out


def _html_intro(result: Result, counts: dict[str, int]) -> list[str]:
    """The title, verdict counts, policy, definitions and reconciliation rules."""
    out = ["<h1>factcheck discrepancy report</h1>"]
    badges = "".join(f'<span class="badge {v}">{_e(count_phrase(counts[v], v))}</span>' for v in VERDICTS)
    out.append(f'<p class="summary">{_plural(len(result.articles), "article")} read, '
               f"{len(result.skipped)} skipped; {_plural(len(result.claims), 'claim')} in "
               f"{_plural(len(result.facts), 'fact')}: {badges}</p>")
    out.append(f'<p class="muted">Vague quantities are read with the <b>{_e(result.policy.name)}</b> '
               f"policy: {_e(result.policy.description)} Embedding model: <code>{_e(result.model)}</code>. "
               "A <i>contradiction</i> means the figures cannot all be true (their intervals are "
               "disjoint); a <i>discrepancy</i> means they differ but could all be true; an <i>update</i> "
               "means a running toll moved between reports of different dates.</p>")
    out.append('<p class="muted">Each fact is reconciled under three conflict-data policies. Every figure in '
               "a reconciliation table is one a source gave, as worded (&quot;more than 100&quot; stays an open "
               "bound), unless its rule is in bold: then the rule made it (a vague term read by the policy "
               "above). An agreement needs two independent sources: one article repeating its own figure is "
               "a single claim. The rules:</p>")
    out.append('<ul class="muted rules">' + "".join(f"<li><i>{_e(name)}</i>: {_e(text)}</li>"
                                                    for name, text in RECONCILE_RULES.items()) + "</ul>")
    return out


def _html_flagged(result: Result) -> list[str]:
    """The "Flagged facts" section: one ``<section>`` per fact whose figures differ."""
    out = ["<h2>Flagged facts</h2>"]
    flagged = [f for f in result.facts if f.verdict in FLAGGED]
    if not flagged:
        out.append("<p>No fact has differing figures.</p>")
    for f in flagged:
        out.extend(_fact_section(f, result))
    return out


def _html_agreements(result: Result) -> list[str]:
    """The "Agreements" section: a table of agreeing facts, or a line saying there are none."""
    agreements = [f for f in result.facts if f.verdict == "agreement"]
    out = ["<h2>Agreements</h2>"]
    if agreements:
        out.append(_table(AGREEMENT_HEADERS, agreement_rows(result)))
    else:
        out.append("<p>No two claims agree.</p>")
    return out


def _html_articles(result: Result) -> list[str]:
    """The "Articles" section: one row per article read, with its claim count and provenance."""
    out = ["<h2>Articles</h2>"]
    per_article = {a.id: 0 for a in result.articles}
    for c in result.claims:
        per_article[c.article_id] += 1
    out.append(_table(["article", "lang", "outlet", "published", "claims", "text from", "encoding", "copy of",
                       "path"],
                      [[a.id, a.lang or "", a.outlet, a.published or "unknown", per_article[a.id], a.text_source,
                        a.encoding, a.duplicate_of or "", _Html(path_html(a.path))] for a in result.articles]))
    return out


def _html_syndication(result: Result) -> list[str]:
    """The "Syndicated copies" section, when some wire story was carried by several outlets."""
    out: list[str] = []
    if result.syndication:
        arts = result.article_map()
        out.append("<h2>Syndicated copies</h2>")
        out.append("<p>Each row is one wire story carried by several outlets; its figures count as one "
                   "source.</p>")
        out.append(_table(["story", "outlets", "articles"],
                          [[i, ", ".join(arts[a].outlet for a in g), ", ".join(g)]
                           for i, g in enumerate(result.syndication, start=1)]))
    return out


def _html_skipped(result: Result) -> list[str]:
    """The "Skipped inputs" section, when some input was skipped."""
    out: list[str] = []
    if result.skipped:
        out.append("<h2>Skipped inputs</h2>")
        out.append(_table(["path", "reason"], [[_Html(path_html(s.path)), s.reason] for s in result.skipped]))
    return out


def _html_singles(counts: dict[str, int], json_path: str | None) -> str:
    """The closing note on where the single claims are: the JSON report named, or not."""
    singles = count_phrase(counts["single"], "single")
    if json_path is not None:
        return (f'<p class="muted">{_e(singles)} (a figure no other claim states) are in the JSON report '
                f"<code>{_e(json_path)}</code> (<code>facts[]</code> with verdict <code>single</code>).</p>")
    return (f'<p class="muted">{_e(singles)} (a figure no other claim states) are not listed here; '
            "the JSON report (<code>--format json</code>) has them as <code>facts[]</code> with "
            "verdict <code>single</code>.</p>")
