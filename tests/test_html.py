"""The HTML report says what the Markdown report says: counts, reasons, sources, timelines and
reconciled figures of every flagged fact; it names no file the run did not write; file locations
break only at a "/"."""

from __future__ import annotations

import html
import re

import pytest

from factcheck.compare import FLAGGED
from factcheck.html_report import count_phrase, path_html, to_html, where
from factcheck.report import CLAIM_HEADERS


_INLINE = r"</?(?:i|b|code|mark|span|a|wbr)\b[^>]*>"


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment: inline tags dropped, others a space, whitespace collapsed."""
    fragment = re.sub(_INLINE, "", fragment.split("</head>")[-1])
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _tight(fragment: str) -> str:
    """Visible text with tags removed and nothing put in their place (a path split into spans)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _html_rows(page: str) -> list[list[str]]:
    return [[_tight(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)]


def _md_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _md_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [" ".join(_md_unescape(c).split()) for c in cells]


def _md_tables(lines: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """(header, rows) of each table in some Markdown lines."""
    tables, current = [], []
    for line in [*lines, ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            rows = [_md_cells(x) for x in current if not re.fullmatch(r"[|\-: ]+", x)]
            tables.append((rows[0], rows[1:]))
            current = []
    return tables


def _section(md: str, title: str) -> list[str]:
    lines = md.splitlines()
    start = lines.index(f"## {title}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


@pytest.fixture(scope="module")
def pages(seed_result):
    return seed_result.to_markdown(), to_html(seed_result, json_path="reports/discrepancies.json")


def test_counts_have_every_verdict_and_correct_plurals(seed_result, pages):
    md, page = pages
    counts_line = next(line for line in md.splitlines() if " read, " in line)
    phrases = [p.strip().rstrip(".") for p in counts_line.split(": ", 1)[1].split(", ")]
    badges = [_text(b) for b in re.findall(r'<span class="badge [a-z]+">(.*?)</span>', page.split("<h2>")[0])]
    assert badges == phrases
    assert any("update" in p for p in phrases)
    assert count_phrase(1, "discrepancy") == "1 discrepancy" and count_phrase(2, "discrepancy") == "2 discrepancies"
    assert count_phrase(1, "single") == "1 single claim" and count_phrase(0, "update") == "0 updates"
    assert _text(counts_line.split(":")[0]) in _text(page)


def test_rules_are_listed_as_in_the_markdown(pages):
    md, page = pages
    text = _text(page)
    intro = next(line for line in md.splitlines() if line.startswith("Each fact is reconciled"))
    assert _md_unescape(intro) in text
    for line in md.split("## Flagged facts")[0].splitlines():
        if line.startswith("- *"):
            assert _md_unescape(line[2:]).replace("*", "") in text, line


def test_update_is_defined_and_styled(seed_result, pages):
    _, page = pages
    assert ".update{" in page and "update-border{" in page
    assert "an update means a running toll moved" in _text(page)
    if any(f.verdict == "update" for f in seed_result.facts):
        assert '<span class="badge update">update</span>' in page


def test_every_flagged_fact_reads_as_in_the_markdown(seed_result, pages):
    md, page = pages
    text = _text(page)
    rows = _html_rows(page)
    flagged = [f for f in seed_result.facts if f.verdict in FLAGGED]
    assert flagged
    for f in flagged:
        assert _text(html.escape(f.summary)) in text
        for reason in f.why:
            assert " ".join(reason.split()) in text
    section = _section(md, "Flagged facts")
    bullets = [_md_unescape(line[2:]) for line in section if line.startswith("- ")]
    sources = [_md_unescape(line) for line in section if line.startswith("Independent sources:")]
    assert len(sources) == len(flagged)
    for line in bullets + sources:
        assert " ".join(line.split()) in text, line
    tables = _md_tables(section)
    claim_tables = [t for t in tables if t[0] == CLAIM_HEADERS]
    others = [t for t in tables if t[0] != CLAIM_HEADERS]
    assert len(claim_tables) == len(flagged)
    for header, body in claim_tables:  # every cell but the quote, which the HTML shows whole
        keep = [i for i, h in enumerate(header) if h != "quote"]
        assert header in rows
        for row in body:
            want = [row[i] for i in keep]
            assert any([r[i] for i in keep] == want for r in rows if len(r) == len(header)), row
    timelines = sum(1 for header, _ in others if header == ["as of", "outlet", "figure"])
    reconciled = sum(1 for f in flagged if f.kind != "date")
    assert timelines and reconciled  # the seeds have both; otherwise this test checks little
    assert len(others) == timelines + reconciled  # a timeline or a reconciliation, nothing else
    for header, body in others:
        assert header in rows
        for row in body:
            row = [cell.replace("**", "") for cell in row]  # a rule in bold is <b> in the HTML
            assert row in rows, f"{row} of the Markdown is not a row of the HTML"
    assert page.count('<p class="label">Timeline:</p>') == timelines
    for line in section:  # any other sentence of the Markdown's flagged facts
        if line and not line.startswith(("|", "- ", "#", "Independent sources:", "Timeline:")):
            assert _md_unescape(line).replace("*", "") in text, line


def test_agreements_and_articles_as_in_the_markdown(pages):
    md, page = pages
    rows = _html_rows(page)
    for title in ("Agreements", "Articles"):
        for header, body in _md_tables(_section(md, title)):
            for row in body:
                cells = [c for c in row]
                assert any(all(c in r for c in cells) for r in rows), f"{title}: {row}"


def test_claim_rows_show_part_and_where(seed_result, pages):
    _, page = pages
    claims, arts = seed_result.claim_map(), seed_result.article_map()
    text = _tight(page)
    for f in seed_result.facts:
        if f.verdict not in FLAGGED:
            continue
        for cid in f.claim_ids:
            c = claims[cid]
            assert where(c, arts[c.article_id]) in text


def test_footer_names_no_file_the_run_did_not_write(seed_result):
    bare = to_html(seed_result)
    assert ".json" not in bare and "JSON report <code>" not in bare
    named = to_html(seed_result, json_path="out/run.json")
    assert "<code>out/run.json</code>" in named
    assert seed_result.to_html() == bare


@pytest.mark.parametrize("path", ["seeds/001_608ae3d8a6d353fc.txt", "a/very-long_folder.name/b c/file-name.v2.txt",
                                  "plain.txt", "/abs/x.txt"])
def test_paths_break_only_after_a_slash(path):
    out = path_html(path, ":3:7")
    assert _tight(out) == path + ":3:7"
    for seg in re.findall(r'<span class="seg">(.*?)</span>', out):
        assert "/" not in seg[:-1]  # a "/" only ends a piece
    assert "<wbr>" in out or "/" not in path


def test_where_column_css_keeps_names_whole(pages):
    _, page = pages
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "break-all" not in css
    assert ".seg{white-space:nowrap}" in css
