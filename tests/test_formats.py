"""HTML pages, JSON Lines and CSV datasets: readers, column names, manifests and a mixed real run."""

from __future__ import annotations

import json
from datetime import date

import pytest

from factcheck.formats import Columns
from factcheck.ingest import ingest
from factcheck.records import InputError

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quake | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2019-03-02"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Sport</nav>
<article><h1>Quake hits the coast</h1>
<p>At least 12 people were killed when the earthquake struck the coast on Saturday, officials said.</p>
<p>Rescue teams searched collapsed buildings through the night as aftershocks shook the region.</p>
</article><aside>Most read: 10 recipes</aside><footer>© Example News</footer></body></html>"""


@pytest.mark.parametrize("line, columns, expected", [
    ('{"text": "Two people died.", "outlet": "Wire", "published": "2018-01-15", "url": "https://w.example/1"}',
     Columns(), ("data-1", "Wire", date(2018, 1, 15), "https://w.example/1")),
    ('{"body": "Two people died.", "source": "Wire", "date": "2018-01-15T08:00:00+01:00", "key": 7}',
     Columns(text="body", outlet="source", published="date", id="key"), ("7", "Wire", date(2018, 1, 15), None)),
    ('{"text": "Two people died.", "url": "https://www.paper.example/a"}',
     Columns(), ("data-1", "paper.example", None, "https://www.paper.example/a")),
])
def test_jsonl_rows_and_column_names(tmp_path, line, columns, expected):
    (tmp_path / "data.jsonl").write_text(line + "\n", encoding="utf-8")
    (article,), skipped = ingest([tmp_path], columns=columns)
    assert (article.id, article.outlet, article.published, article.url) == expected
    assert article.text == "Two people died." and article.text_source == f"column:{columns.text}"
    assert article.path.endswith("data.jsonl#1") and skipped == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_quoted_multiline_text_in_any_encoding(tmp_path, encoding):
    text = "Café owners said “two” people died,\nand five were hurt."
    data = f'story,paper\n"{text}",Le Monde\n"Three died.",Wire\n'
    (tmp_path / "news.csv").write_bytes(data.encode(encoding))
    articles, skipped = ingest([tmp_path], columns=Columns(text="story", outlet="paper"))
    assert [(a.id, a.text, a.outlet) for a in articles] == [
        ("news-2", text, "Le Monde"), ("news-4", "Three died.", "Wire")]
    assert skipped == []


@pytest.mark.parametrize("name", ["sources.csv"])
def test_manifest_is_metadata_not_a_dataset(tmp_path, name):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "rows.csv").write_text('text,outlet\n"Nine people died.",Wire\n', encoding="utf-8")
    (tmp_path / name).write_text("file,outlet,published\npage.html,Manifest Outlet,2019-03-03\n", encoding="utf-8")
    articles, skipped = ingest([tmp_path])
    assert skipped == []
    assert {a.id: (a.outlet, a.published) for a in articles} == {
        "page": ("Manifest Outlet", date(2019, 3, 3)), "rows-2": ("Wire", None)}
    assert ingest([tmp_path / name]) == ([], [])  # given on its own it is not an input either


@pytest.mark.parametrize("html", [PAGE])
def test_html_main_text_and_metadata(tmp_path, html):
    (tmp_path / "quake.html").write_text(html, encoding="utf-8")
    (article,), _ = ingest([tmp_path])
    assert article.text_source == "trafilatura"
    assert (article.outlet, article.published, article.title) == ("Example News", date(2019, 3, 2),
                                                                "Quake hits the coast")
    assert "At least 12 people were killed" in article.text
    assert "Home" not in article.text and "recipes" not in article.text


@pytest.mark.parametrize("content, message", [
    ('{"text": "ok"}\n{"text": \n', r"data\.jsonl:2: not valid JSON"),
    ('{"text": 5}\n', r"data\.jsonl:1: 'text' must be text"),
])
def test_strict_dataset_errors_name_file_and_line(tmp_path, content, message):
    (tmp_path / "data.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        ingest([tmp_path], strict=True)


@pytest.mark.parametrize("ids", [("a", "a")])
def test_duplicate_row_ids_are_skipped_with_reason(tmp_path, ids):
    rows = "".join(json.dumps({"id": i, "text": f"Story {n} says {n} people died."}) + "\n"
                   for n, i in enumerate(ids))
    (tmp_path / "d.jsonl").write_text(rows, encoding="utf-8")
    articles, skipped = ingest([tmp_path])
    assert len(articles) == 1 and "is also the id of" in skipped[0].reason


def test_mixed_inputs_real_pipeline(tmp_path, nlp, embedder):
    """An HTML page, a JSONL dataset, a CSV dataset and a .txt file in one run, real models."""
    from factcheck import check

    (tmp_path / "quake.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(json.dumps({
        "id": "wire-1", "outlet": "Wire", "published": "2019-03-02",
        "text": "At least 15 people were killed in the earthquake on the coast on Saturday, "
                "the civil protection agency said."}) + "\n", encoding="utf-8")
    (tmp_path / "papers.csv").write_text(
        'id,text,outlet,published\npaper-1,"The earthquake on Saturday killed 9 people on the coast, '
        'police said.",Paper,2019-03-02\n', encoding="utf-8")
    (tmp_path / "blog.txt").write_text("---\noutlet: Blog\npublished: 2019-03-03\n---\n"
                                       "Twelve people were killed in Saturday's earthquake, a doctor said.\n",
                                       encoding="utf-8")
    result = check([tmp_path], nlp=nlp, embedder=embedder)
    arts = result.article_map()
    assert sorted(arts) == ["blog", "paper-1", "quake", "wire-1"] and result.skipped == ()
    for c in result.claims:
        assert arts[c.article_id].text[c.start:c.end] == c.surface
    killed = {arts[c.article_id].outlet: c.surface for c in result.claims if c.kind == "killed"}
    assert killed == {"Example News": "At least 12", "Wire": "At least 15", "Paper": "9", "Blog": "Twelve"}
    doc = json.loads(result.to_json())
    assert {a["id"]: a["text_source"] for a in doc["articles"]} == {
        "blog": "file", "paper-1": "column:text", "quake": "trafilatura", "wire-1": "column:text"}
    frame = result.claims_frame()
    assert set(frame["outlet"]) >= {"Example News", "Wire", "Paper", "Blog"}
    assert set(result.facts_frame()["verdict"]) <= {"contradiction", "discrepancy", "agreement", "single"}
