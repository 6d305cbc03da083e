"""Hostile text in quotes, outlets and claimants cannot break the Markdown tables or inject markup."""

from __future__ import annotations

import re

import numpy as np
import pytest

from factcheck import check
from factcheck.report import md_escape

HOSTILE = [
    "a | b || c",
    "`code` and ```fence```",
    "[click here](http://evil.invalid/x) and ![img](http://evil.invalid/i.png)",
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "**bold** _em_ # heading \\| escaped pipe \\",
    "line one\nline two\r\nline three",
]

# an unescaped character: not preceded by an odd run of backslashes
UNESCAPED = r"(?<!\\)(?:\\\\)*{}"


def unescaped(char: str, text: str) -> int:
    return len(re.findall(UNESCAPED.format(re.escape(char)), text))


class SameVector:
    """Every text gets the same vector, so every claim of one kind and subject is one fact."""

    name = "same-vector"

    def embed(self, texts):
        v = np.zeros((len(texts), 8), np.float32)
        v[:, 0] = 1.0
        return v


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_leaves_nothing_active(text):
    out = md_escape(text)
    assert "\n" not in out and "\r" not in out
    for char in "|`[]<>":
        assert unescaped(char, out) == 0, f"{char!r} left active in {out!r}"


ARTICLE = """---
outlet: "{outlet}"
published: 2024-03-0{day}
---
Blast in Town

At least {n} people | were killed in the `blast` near [the market](http://evil.invalid) <script>alert(1)</script>, {who} said.
"""


@pytest.fixture()
def hostile_result(tmp_path, nlp):
    outlets = ["Evil | Outlet <script>alert('x')</script>", "Bad `Tick` [News](http://evil.invalid)"]
    claimants = ["officials | <b>police</b>", "the [ministry](http://evil.invalid)"]
    for i, (outlet, who) in enumerate(zip(outlets, claimants)):
        text = ARTICLE.format(outlet=outlet.replace('"', "'"), day=i + 1, n=5 + i * 20, who=who)
        (tmp_path / f"a{i}.md").write_text(text, encoding="utf-8")
    return check([tmp_path], nlp=nlp, embedder=SameVector())


def table_rows(md: str) -> list[list[str]]:
    """Each table of the report as its lines; a table starts at a header line."""
    tables, current = [], []
    for line in md.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


@pytest.mark.parametrize("char", ["|"])
def test_hostile_text_keeps_every_table_row_as_wide_as_its_header(hostile_result, char):
    md = hostile_result.to_markdown()
    tables = table_rows(md)
    quoted = [row for table in tables for row in table if "**At least" in row]
    assert len(quoted) == 2, "both hostile quotes should reach a table of the report"
    for table in tables:
        width = unescaped(char, table[0])
        for row in table:
            assert unescaped(char, row) == width, f"row breaks its table: {row}"


@pytest.mark.parametrize("pattern", [r"<script", r"<img", r"<b>", r"\]\(http", r"`blast`"])
def test_hostile_text_is_never_active_markdown_or_html(hostile_result, pattern):
    md = hostile_result.to_markdown()
    for line in md.splitlines():
        if line.startswith(("|", "###", "- ")):
            assert not re.search(r"(?<!\\)" + pattern, line), f"active {pattern!r} in: {line}"


@pytest.mark.parametrize("needle", ["<script>alert", "<b>police", "<img"])
def test_hostile_text_is_escaped_in_the_html_report(hostile_result, needle):
    html = hostile_result.to_html()
    assert needle not in html
