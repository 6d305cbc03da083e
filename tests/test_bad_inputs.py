"""The bad-input battery: every file and row in tests/bad_inputs/ is read or skipped with its reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from factcheck.ingest import ingest
from factcheck.records import InputError

BAD = Path(__file__).resolve().parent / "bad_inputs"
LIMIT = 4096  # too_big.txt is just over it; every other fixture is under it

# input (file, or file#line for a dataset row) -> the words its skip reason must contain
SKIPPED = {
    "empty.txt": "empty file",
    "blank.md": "empty file",
    "nul_bytes.txt": "binary file",
    "png_named.txt": "binary file",
    "undecodable.txt": "undecodable",
    "too_big.txt": "over the size limit",
    "bad_front_matter.md": "line 3: malformed front matter",
    "bad_date.md": "published must be YYYY-MM-DD",
    "notes.pdf": "not an article file",
    "ok_copy.txt": "exact duplicate of",
    "empty_page.html": "no article text found",
    "looks_like_manifest.csv": "a manifest",
    "no_text_column.csv": "no 'text' column",
    "dataset.jsonl#2": "not valid JSON",
    "dataset.jsonl#4": "expected a JSON object",
    "dataset.jsonl#5": "no 'text' field",
    "dataset.jsonl#6": "empty text",
    "dataset.jsonl#7": "published must be YYYY-MM-DD",
    "dataset.csv#4": "expected 5 fields",
    "dataset.csv#5": "published must be YYYY-MM-DD",
}

# input -> (encoding, text_source, duplicate_of, start of the body text)
READ = {
    "ok.txt": ("utf-8", "file", None, "CARACAS - Two police officers"),
    "utf8_bom.txt": ("utf-8-sig", "file", None, "Café owners said three"),
    "utf16.txt": ("utf-16", "file", None, "Naïve reports said four"),
    "cp1252.txt": ("cp1252", "file", None, "The mayor’s office said “nine”"),
    "latin1.txt": ("cp1252", "file", None, "Le préfet a dit que six"),
    "wire_original.txt": ("utf-8", "file", None, "Security forces stormed"),
    "wire_syndicated.txt": ("utf-8", "file", "wire_original", "Security forces stormed"),
    "page.html": ("utf-8", "trafilatura", None, "Raid leaves officers dead\nSeven soldiers"),
    "dataset.jsonl#1": ("utf-8", "column:text", None, "Three people died in the fire"),
    "dataset.csv#2": ("utf-8", "column:text", None, "Eight people were arrested, police said.\nThe protest"),
}


@pytest.fixture(scope="module")
def battery():
    return ingest([BAD], max_bytes=LIMIT)


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def test_every_input_is_accounted_for(battery):
    articles, skipped = battery
    seen = sorted([_name(a.path) for a in articles] + [_name(s.path) for s in skipped])
    assert seen == sorted(list(SKIPPED) + list(READ))
    files = {p.name for p in BAD.iterdir()}
    assert files == {k.split("#")[0] for k in seen}  # no file vanished


@pytest.mark.parametrize("name, reason", sorted(SKIPPED.items()))
def test_skipped_with_reason(battery, name, reason):
    _, skipped = battery
    (hit,) = [s for s in skipped if _name(s.path) == name]
    assert reason in hit.reason


@pytest.mark.parametrize("name, expected", sorted(READ.items()))
def test_read_with_encoding_and_source(battery, name, expected):
    articles, _ = battery
    (a,) = [a for a in articles if _name(a.path) == name]
    encoding, source, duplicate_of, body = expected
    assert (a.encoding, a.text_source, a.duplicate_of) == (encoding, source, duplicate_of)
    assert a.text[a.body_start:].startswith(body)


@pytest.mark.parametrize("copy, kept", [("ok_copy.txt", "ok.txt")])
def test_exact_duplicate_names_the_kept_copy(battery, copy, kept):
    _, skipped = battery
    (dup,) = [s for s in skipped if _name(s.path) == copy]
    assert dup.reason.endswith("/" + kept)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_input_order_does_not_matter(battery, seed):
    paths = sorted(BAD.iterdir())
    random.Random(seed).shuffle(paths)
    assert ingest(paths, max_bytes=LIMIT) == battery


@pytest.mark.parametrize("name, message", [
    ("bad_front_matter.md", "bad_front_matter.md:3: malformed front matter"),
    ("dataset.jsonl", "dataset.jsonl:2: not valid JSON"),
    ("dataset.csv", "dataset.csv:4: expected 5 fields"),
    ("nul_bytes.txt", "nul_bytes.txt: binary file"),
])
def test_strict_stops_naming_file_and_line(name, message):
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        ingest([BAD / name], strict=True)
