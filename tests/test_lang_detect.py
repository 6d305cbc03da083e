"""Every article gets a language: overrides (front matter, manifest, dataset column) or detection;
an article in a language factcheck does not read is skipped with its reason."""

from __future__ import annotations

import functools
import json
import re

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.formats import Columns
from factcheck.ingest import MIN_DETECT_LETTERS, SUPPORTED_LANGUAGES, detect_language, ingest
from factcheck.records import InputError

GERMAN = ("Bei einem Brand in einer Lagerhalle im Hamburger Hafen sind am Dienstagabend drei Menschen ums "
          "Leben gekommen. Nach Angaben der Feuerwehr wurden mindestens zwölf weitere Personen verletzt, zwei "
          "davon schwer. Die Ursache des Feuers ist noch unklar, die Polizei hat Ermittlungen aufgenommen.\n")
SPANISH = ("Al menos tres personas murieron y otras doce resultaron heridas en el incendio de un almacén en el "
           "puerto de Valencia, informaron el martes los bomberos. La policía abrió una investigación para "
           "esclarecer las causas del fuego.\n")
ENGLISH = ("At least three people died and twelve others were injured in a warehouse fire at the port on "
           "Tuesday evening, firefighters said. Police have opened an investigation into the cause of the "
           "blaze.\n")
GERMAN_REASON = "unsupported language: de (German)"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_supported_languages_are_one_constant():
    assert SUPPORTED_LANGUAGES == ("en", "es")


def test_german_article_is_skipped_with_its_language_named(tmp_path):
    write(tmp_path / "hamburg.txt", GERMAN)
    write(tmp_path / "port.txt", ENGLISH)
    articles, skipped = ingest([tmp_path])
    assert [(a.id, a.lang) for a in articles] == [("port", "en")]
    assert [(s.path, s.reason) for s in skipped] == [(str(tmp_path / "hamburg.txt"), GERMAN_REASON)]
    with pytest.raises(InputError, match=r"hamburg.txt: unsupported language: de \(German\)"):
        ingest([tmp_path], strict=True)


def test_spanish_article_gets_es(tmp_path):
    write(tmp_path / "valencia.md", "---\noutlet: El Diario\npublished: 2020-03-04\n---\n" + SPANISH)
    (article,), skipped = ingest([tmp_path])
    assert article.lang == "es" and skipped == []


def test_short_text_defaults_to_english(tmp_path):
    short = "Le préfet a dit que six personnes étaient blessées."  # French, but too short to tell
    assert sum(ch.isalpha() for ch in short) < MIN_DETECT_LETTERS
    write(tmp_path / "short.txt", short)
    (article,), skipped = ingest([tmp_path])
    assert article.lang == "en" and skipped == []


def test_detection_is_deterministic_and_reads_the_body():
    assert {detect_language(GERMAN) for _ in range(3)} == {"de"}
    assert detect_language(ENGLISH) == "en"
    assert detect_language(SPANISH * 200) == "es"  # a long text: only its start is read


@pytest.mark.parametrize("lang, expected", [("es", "es"), ("'en'", "en")])
def test_front_matter_lang_overrides_detection(tmp_path, lang, expected):
    write(tmp_path / "a.txt", f"---\noutlet: Wire\nlang: {lang}\n---\n" + GERMAN)
    (article,), skipped = ingest([tmp_path])
    assert article.lang == expected and skipped == []


def test_front_matter_lang_can_mark_an_unsupported_language(tmp_path):
    write(tmp_path / "a.txt", "---\nlang: no\n---\n" + ENGLISH)  # YAML would read a bare `no` as False
    articles, skipped = ingest([tmp_path])
    assert articles == [] and skipped[0].reason == "unsupported language: no (Norwegian)"


def test_manifest_lang_column_overrides_and_front_matter_wins(tmp_path):
    write(tmp_path / "a.txt", GERMAN)
    write(tmp_path / "b.txt", "---\nlang: en\n---\n" + SPANISH)
    write(tmp_path / "c.txt", SPANISH + "El fuego fue controlado tras cuatro horas.\n")  # not a copy of b
    write(tmp_path / "sources.csv", "file,outlet,published,url,lang\na.txt,Wire,2018-01-15,,es\n"
                                    "b.txt,Wire,,,es\nc.txt,Wire,,,\n")
    articles, skipped = ingest([tmp_path])
    assert [(a.id, a.lang) for a in articles] == [("a", "es"), ("b", "en"), ("c", "es")]
    assert skipped == []


def test_manifest_without_lang_column_still_works(tmp_path):
    write(tmp_path / "a.txt", SPANISH)
    write(tmp_path / "sources.csv", "file,outlet,published,url\na.txt,Wire,2018-01-15,\n")
    (article,), _ = ingest([tmp_path])
    assert (article.outlet, article.lang) == ("Wire", "es")


def test_manifest_lang_column_can_skip_a_file(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "sources.csv", "file,outlet,lang\na.txt,Wire,de\n")
    articles, skipped = ingest([tmp_path])
    assert articles == [] and skipped[0].reason == GERMAN_REASON


def test_dataset_lang_column(tmp_path):
    rows = [{"id": "r1", "text": GERMAN, "lang": "es"},   # the column wins over detection
            {"id": "r2", "text": SPANISH},                 # no value: detected
            {"id": "r3", "text": ENGLISH, "lang": "de"},   # an unsupported language is skipped
            {"id": "r4", "text": GERMAN}]                  # detected, unsupported
    write(tmp_path / "news.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    articles, skipped = ingest([tmp_path])
    assert [(a.id, a.lang) for a in articles] == [("r1", "es"), ("r2", "es")]
    assert [(s.path, s.reason) for s in skipped] == [(f"{tmp_path / 'news.jsonl'}#3", GERMAN_REASON),
                                                     (f"{tmp_path / 'news.jsonl'}#4", GERMAN_REASON)]
    with pytest.raises(InputError, match=r"news.jsonl:3: unsupported language: de \(German\)"):
        ingest([tmp_path], strict=True)


def test_dataset_lang_column_renamed(tmp_path):
    write(tmp_path / "news.csv", f'text,language\n"{GERMAN.strip()}",es\n')
    (article,), _ = ingest([tmp_path], columns=Columns(lang="language"))
    assert article.lang == "es"


@pytest.mark.parametrize("name, content, strict_message, reason", [
    ("a.txt", "---\noutlet: Wire\nlang: xx1\n---\n" + ENGLISH,
     r"a.txt:3: lang must be a two-letter ISO 639-1 code", "line 3: lang must be a two-letter ISO 639-1 code"),
    ("a.txt", "---\nlang: EN\n---\n" + ENGLISH, r"a.txt:2: lang must be", "line 2: lang must be"),
    ("a.txt", "---\nlang: xx\n---\n" + ENGLISH, r"a.txt:2: lang is not an ISO 639-1 language code",
     "line 2: lang is not an ISO 639-1"),
    ("news.jsonl", json.dumps({"text": ENGLISH, "lang": "xx1"}) + "\n",
     r"news.jsonl:1: 'lang' must be a two-letter", "'lang' must be a two-letter ISO 639-1 code"),
])
def test_malformed_lang_is_a_clear_error(tmp_path, name, content, strict_message, reason):
    write(tmp_path / name, content)
    with pytest.raises(InputError, match=strict_message):
        ingest([tmp_path], strict=True)
    articles, skipped = ingest([tmp_path])
    assert articles == [] and len(skipped) == 1 and reason in skipped[0].reason


def test_malformed_manifest_lang_names_file_and_line(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "sources.csv", "file,outlet,lang\na.txt,Wire,english\n")
    with pytest.raises(InputError, match=r"sources.csv:2: lang must be a two-letter ISO 639-1 code"):
        ingest([tmp_path], strict=True)
    articles, skipped = ingest([tmp_path])
    assert articles == [] and "sources.csv:2: lang must be" in skipped[0].reason


def test_cli_lists_the_skip_exits_3_and_reports_lang(monkeypatch, tmp_path, nlp, embedder):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck, "check", functools.partial(factcheck.pipeline.check, nlp=nlp,
                                                              embedder=embedder))
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "hamburg.txt", GERMAN)
    write(folder / "port.txt", ENGLISH)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["report", str(folder), "-f", "md", "-f", "json", "-f", "html", "--out",
                                   str(out / "r.md"), "--json", str(out / "r.json"), "--html",
                                   str(out / "r.html")])
    assert res.exit_code == 3, res.output
    assert f"factcheck: skipped {folder / 'hamburg.txt'}: {GERMAN_REASON}" in res.stderr
    doc = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert [(a["id"], a["lang"]) for a in doc["articles"]] == [("port", "en")]
    assert doc["skipped"] == [{"path": str(folder / "hamburg.txt"), "reason": GERMAN_REASON}]
    md = (out / "r.md").read_text(encoding="utf-8")
    assert re.search(r"^\| article +\| lang +\| outlet", md, re.M)
    assert re.search(r"^\| port +\| en +\| port", md, re.M)
    assert "<th>lang</th>" in (out / "r.html").read_text(encoding="utf-8")


def test_cli_lang_column_option(monkeypatch, tmp_path, nlp, embedder):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(factcheck, "check", functools.partial(factcheck.pipeline.check, nlp=nlp,
                                                              embedder=embedder))
    write(tmp_path / "news.jsonl", json.dumps({"id": "r1", "text": ENGLISH, "language": "de"}) + "\n")
    res = CliRunner().invoke(app, ["claims", str(tmp_path / "news.jsonl"), "--lang-column", "language"])
    assert res.exit_code == 3, res.output
    assert f"news.jsonl#1: {GERMAN_REASON}" in res.stderr
