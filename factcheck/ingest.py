"""Ingest: paths on disk -> Articles, and an account of every input that was not read.

Reads ``.txt``/``.md`` files, saved ``.html`` pages and ``.jsonl``/``.csv`` datasets (one article per
row; see ``formats.py``), given directly or found in folders. Metadata for a file comes from (highest
priority first) a ``sources.csv`` manifest in its folder, a YAML front-matter block or the page's own
metadata, or a leading ``date YYYY-MM-DD`` line. A ``.txt``/``.md`` article's ``text`` is the file's
full decoded text, so offsets taken later point into exactly what is on disk.

Every input is accounted for: it becomes an ``Article`` or a ``Skipped`` record with the reason
(empty, binary, undecodable, over the size limit, not an article file, malformed, an exact duplicate
of another input). Near-duplicates (syndicated copies) are read and marked with ``duplicate_of``.
Files are read one at a time and datasets are streamed row by row. The result does not depend on the
order the paths are given in.

Every article gets a language (``Article.lang``, an ISO 639-1 code): a ``lang`` override (front
matter, else the manifest's ``lang`` column, else a dataset's lang column), else what py3langid
detects on the start of its body. An article in a language outside ``SUPPORTED_LANGUAGES`` is not
read: it is skipped with the reason "unsupported language: de (German)". Nothing else here parses
language.
"""

from __future__ import annotations

import csv
import errno
import functools
import hashlib
import heapq
import os
import re
import stat
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from .lang import SUPPORTED_LANGUAGES as _LANGUAGES
from .formats import (CSV_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, Columns, RowError, is_manifest,
                      csv_header, language_code, language_name, read_csv, read_html, read_jsonl)
from .records import Article, InputError

ARTICLE_SUFFIXES = (".txt", ".md")
DATASET_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES
INPUT_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES + DATASET_SUFFIXES
MANIFEST_NAME = "sources.csv"
MANIFEST_COLUMNS = ("file", "outlet", "published", "url")
# The largest article text read by default (a .txt/.md file, a dataset row's text, a page's main
# text). Time grows linearly with the text: `factcheck report FILE --no-cache` on one single-line
# article of dense news prose (a figure in about half of its sentences), on the shared 2-core build
# machine, took 90 s of CPU and 985 MB peak memory for 1 MB, 446 s and 1.5 GB for 5 MB; 20 MB had not
# finished after 5 minutes (about 30 min of CPU by extrapolation). So 20 MB, the former default, is
# not what the tool can read in reasonable time; raise the limit with --max-bytes knowingly (any size
# is read in bounded pieces, see claims.segment).
DEFAULT_MAX_BYTES = 1024 * 1024
# A saved web page is mostly markup and scripts: the file may be this large (or --max-bytes, if larger)
# while its extracted main text is held to --max-bytes.
PAGE_MAX_BYTES = 20 * 1024 * 1024

# The languages factcheck reads; an article in any other language is skipped with its reason.
SUPPORTED_LANGUAGES = _LANGUAGES  # the language registry's (factcheck.lang)
# What the detector may answer: the supported languages and those a news folder is likely to hold that
# we cannot read, so that such an article is named as what it is rather than forced into en or es.
# Restricting py3langid's 140 labels to these avoids exotic answers on headlines and name lists.
DETECT_LANGUAGES = ("en", "es", "pt", "fr", "it", "de", "ca", "nl", "gl", "eu", "ro", "pl", "sv", "da",
                    "no", "ru", "uk", "ar", "fa", "he", "zh", "ja", "ko", "hi", "el", "tr")
# Detection reads the start of the body only: 3,000 characters take about 1.5 ms and are plenty.
DETECT_CHARS = 3000
# Below 100 letters (about 20 English words) the text is too short to detect reliably and is taken as
# English unless overridden. Measured on random snippets of the 32 shared/realnews articles (640 per
# length): the detector alone is wrong 8% of the time at 25 letters, 2.3% at 50, 0.9% at 75, 0.2% at
# 100; with MIN_UNSUPPORTED_CONFIDENCE below, 2.2%, 0.3%, 0% and 0%.
MIN_DETECT_LETTERS = 100
DEFAULT_LANGUAGE = "en"
# A guess outside SUPPORTED_LANGUAGES below this confidence (py3langid's normalised probability) does
# not skip the article; the likeliest supported language is taken instead. Whole articles in one
# language score above 0.99; mixed snippets (lists of country names, a quoted tweet) score 0.1-0.5.
MIN_UNSUPPORTED_CONFIDENCE = 0.9

# Near-duplicate detection: word 5-gram shingles, a bottom-k sketch per article, and the Jaccard
# similarity those sketches estimate. Syndicated copies with a different header or footer score
# about 0.8; two reports of the same event in different words score below 0.1.
SHINGLE_WORDS = 5
SKETCH_SIZE = 128
NEAR_DUPLICATE = 0.7
MAX_BUCKET = 32  # a 5-gram in more articles than this is boilerplate, not a sign of copying

# A leading metadata line as scraped pages carry it: " date 2017-06-27 TOPSHOT - ..."
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")
# YAML front matter: "---" on the first line, the block, then a closing "---" line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# The "lang:" line of a front-matter block, and its value.
_LANG_KEY = re.compile(r"^lang[ \t]*:[ \t]*([^#\r\n]*)", re.M)
# A word for shingling: letters and digits, any script.
_WORD = re.compile(r"\w+")
# Magic numbers of common binary formats that may hide under a text suffix.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
                 b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")
# C0 control bytes that do not occur in text (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, with the reason in plain words."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Meta:
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None


def parse_date(value: object, *, where: str) -> date | None:
    """Parse a YYYY-MM-DD value from metadata; empty means unknown.

    Raises:
        InputError: naming ``where`` when the value is not a real date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{where}: published must be YYYY-MM-DD, found {value!r}") from None


def read_manifest(path: Path) -> dict[str, _Meta]:
    """Read a ``sources.csv`` manifest: file name -> metadata.

    Raises:
        InputError: naming the file and line when a column or value is wrong.
    """
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read manifest ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            fieldnames = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{path}:1: malformed manifest ({exc})") from None
        missing = [c for c in ("file", "outlet") if c not in fieldnames]
        if missing:
            raise InputError(f"{path}:1: manifest needs columns {', '.join(MANIFEST_COLUMNS)};"
                             f" missing {', '.join(missing)}")
        out: dict[str, _Meta] = {}
        try:
            for row in reader:
                where = f"{path}:{reader.line_num}"
                name = (row.get("file") or "").strip()
                if not name:
                    raise InputError(f"{where}: empty 'file' value")
                out[name] = _Meta(
                    outlet=(row.get("outlet") or "").strip() or None,
                    published=parse_date(row.get("published"), where=where),
                    url=(row.get("url") or "").strip() or None,
                    title=(row.get("title") or "").strip() or None,
                    lang=language_code(row.get("lang"), where=where),  # an optional column
                )
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"{path}:{reader.line_num + 1}: malformed manifest ({exc})") from None
        return out


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a known binary format, NUL or control bytes), or None."""
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        return "binary file (a known binary format)"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return None
    if b"\x00" in head or b"\x00" in data:
        return "binary file (contains NUL bytes)"
    controls = sum(head.count(bytes([b])) for b in _CONTROL)
    if head and controls / len(head) > 0.05:
        return "binary file (control bytes)"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL, as in mostly-Latin UTF-16."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.8 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.8 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, *, where: str) -> tuple[str, str]:
    """Decode bytes: a BOM, else UTF-8, else what charset-normalizer finds (cp1252 when it fits).

    Latin-1 text is read as cp1252, its superset for the printable range.

    Returns:
        The text and the name of the encoding used.

    Raises:
        InputError: naming ``where`` when no encoding gives plausible text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise InputError(f"{where}: undecodable (a UTF-8 byte-order mark, then invalid UTF-8)") from None
    for bom, name in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"{where}: undecodable (a UTF-16 byte-order mark, then invalid UTF-16)") from None
    bomless = _utf16_without_bom(data[:8192])
    if bomless:
        try:
            return data.decode(bomless), bomless
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{where}: undecodable (not UTF-8, UTF-16, cp1252 or another known encoding)")
    try:
        as_cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    if as_cp1252 is not None:
        # charset-normalizer reports one of several encodings that decode these bytes alike
        # (cp1250 for "café"); prefer cp1252 whenever it reads the text as well as the best guess.
        for m in matches:
            if (m.encoding == "cp1252" and m.chaos <= best.chaos + 0.1) or str(m) == as_cp1252:
                return as_cp1252, "cp1252"
    return str(best), best.encoding


def _front_matter(text: str, *, where: str) -> tuple[_Meta, int]:
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            data = yaml.safe_load(match.group(1)) or {}
        except ValueError as exc:  # a YAML date that is not a real date: "2020-13-45"
            raise InputError(f"{where}: published must be YYYY-MM-DD ({exc})") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 2}" if mark is not None else ""
            raise InputError(f"{where}{line}: malformed front matter ({getattr(exc, 'problem', exc)})") from None
        if not isinstance(data, dict):
            raise InputError(f"{where}:2: front matter must be 'key: value' lines")
        meta = _Meta(
            outlet=str(data["outlet"]).strip() if data.get("outlet") else None,
            published=parse_date(data.get("published"), where=where),
            url=str(data["url"]).strip() if data.get("url") else None,
            title=str(data["title"]).strip() if data.get("title") else None,
            lang=_front_matter_lang(data, match.group(1), where=where),
        )
        return meta, match.end()
    match = _DATE_LINE.match(text)
    if match:
        return _Meta(published=parse_date(match.group(1), where=where)), match.end()
    return _Meta(), 0


def _front_matter_lang(data: dict, block: str, *, where: str) -> str | None:
    """The front matter's ``lang:`` value, checked; a bad one is an error naming its line."""
    if "lang" not in data:
        return None
    key = _LANG_KEY.search(block)
    line = block.count("\n", 0, key.start()) + 2 if key else 2  # the block starts on line 2
    value = data["lang"]
    if isinstance(value, bool) and key:  # YAML reads "lang: no" (Norwegian) as False: take the text
        value = key.group(1).strip().strip("'\"")
    return language_code(value, where=f"{where}:{line}")


def _read_text(path: Path, *, max_bytes: int) -> tuple[str, str]:
    where = str(path)
    try:
        # O_NONBLOCK: a named pipe that took the file's place since it was listed must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{where}: {_special_kind(info.st_mode)}, not a regular file")
            if info.st_size > max_bytes:
                raise InputError(f"{where}: over the size limit ({info.st_size} bytes > {max_bytes}; "
                                 "see --max-bytes)")
            data = handle.read(max_bytes + 1)  # never more than the limit, even if the file grew
        except OSError as exc:
            raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(f"{where}: over the size limit (more than {max_bytes} bytes; see --max-bytes)")
    if not data.strip():
        raise InputError(f"{where}: empty file")
    reason = binary_reason(data)
    if reason:
        raise InputError(f"{where}: {reason}")
    text, encoding = decode(data, where=where)
    if not text.strip():
        raise InputError(f"{where}: empty file")
    return text, encoding


def read_article(path: Path, *, manifest: _Meta | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file (``.txt``, ``.md`` or a saved ``.html`` page) with its metadata.

    Raises:
        InputError: when the file is empty, binary, undecodable, too large or malformed.
    """
    where = str(path)
    page = path.suffix.lower() in HTML_SUFFIXES
    text, encoding = _read_text(path, max_bytes=max(max_bytes, PAGE_MAX_BYTES) if page else max_bytes)
    manifest = manifest or _Meta()
    if page:
        article = read_html(path, text, encoding=encoding, outlet=manifest.outlet,
                            published=manifest.published, url=manifest.url, title=manifest.title)
        size = len(article.text.encode("utf-8"))
        if size > max_bytes:
            raise InputError(f"{where}: over the size limit (its main text is {size} bytes > {max_bytes}; "
                             "see --max-bytes)")
        return replace(article, lang=manifest.lang)
    meta, body_start = _front_matter(text, where=where)
    meta = _Meta(
        outlet=manifest.outlet or meta.outlet,
        published=manifest.published or meta.published,
        url=manifest.url or meta.url,
        title=manifest.title or meta.title,
        lang=meta.lang or manifest.lang,  # the file's own front matter wins over the folder's manifest
    )
    if not text[body_start:].strip():
        raise InputError(f"{where}: no text after the metadata")
    return Article(
        id=path.stem,
        path=where,
        outlet=meta.outlet or path.stem,
        published=meta.published,
        text=text,
        body_start=body_start,
        url=meta.url,
        title=meta.title,
        encoding=encoding,
        lang=meta.lang,
    )


@functools.lru_cache(maxsize=1)
def _identifier():
    """py3langid's model, loaded once from the installed package (never downloaded)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECT_LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in; deterministic.

    Reads the first ``DETECT_CHARS`` characters. Text with fewer than ``MIN_DETECT_LETTERS`` letters
    is taken as ``DEFAULT_LANGUAGE``. An unsupported language is answered only when the detector is
    sure of it (``MIN_UNSUPPORTED_CONFIDENCE``); otherwise the likeliest supported language.
    """
    sample = text[:DETECT_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_DETECT_LETTERS:
        return DEFAULT_LANGUAGE
    ranked = _identifier().rank(sample)
    best, confidence = ranked[0]
    if best in SUPPORTED_LANGUAGES or confidence >= MIN_UNSUPPORTED_CONFIDENCE:
        return best
    return next(code for code, _ in ranked if code in SUPPORTED_LANGUAGES)


def with_language(article: Article) -> Article:
    """The article with ``lang`` set: its override when it has one, else detected on its body."""
    if article.lang is not None:
        return article
    return replace(article, lang=detect_language(article.text[article.body_start:]))


def unsupported_language(article: Article) -> str | None:
    """Why an article is not read because of its language ("unsupported language: de (German)"), or None."""
    if article.lang is None or article.lang in SUPPORTED_LANGUAGES:
        return None
    return f"unsupported language: {article.lang} ({language_name(article.lang)})"


def _is_manifest_file(path: Path, columns: Columns) -> bool:
    if path.name != MANIFEST_NAME:
        return False
    try:
        return is_manifest(csv_header(path), columns)
    except InputError:
        return True  # an unreadable sources.csv is reported when its folder is read


def _special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in plain words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "a special file"


def _kind(path: Path) -> tuple[str, str | None]:
    """("dir" | "file" | "skip" | "missing", reason): what a path is, following symbolic links.

    Never opens the path, so a named pipe cannot block the run.
    """
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "skip", "a symbolic link loop (it never reaches a file)"
        if path.is_symlink():
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return "skip", f"a broken symbolic link (its target {target} does not exist)"
        if exc.errno == errno.ENOENT:
            return "missing", None
        return "skip", f"cannot read ({exc.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return "dir", None
    if stat.S_ISREG(info.st_mode):
        return "file", None
    return "skip", f"{_special_kind(info.st_mode)}, not a regular file"


def _expand(paths: list[Path], columns: Columns, subfolders: list[Path] | None = None,
            unreadable: list[Skipped] | None = None) -> list[Path]:
    """Every input file under ``paths``, each once, in a fixed order (the order given does not matter).

    Folders are read one level deep; their subfolders are collected in ``subfolders``. What cannot
    be read as a file (a named pipe, a socket or device, a broken symbolic link or a link loop, a
    folder that cannot be listed) is collected in ``unreadable`` with its reason, never opened.

    Raises:
        InputError: a path given does not exist.
    """
    files: dict[str, Path] = {}
    odd: dict[str, str] = {}
    for p in paths:
        kind, reason = _kind(p)
        if kind == "dir":
            try:
                entries = sorted(p.iterdir())
            except OSError as exc:
                odd.setdefault(str(p), f"cannot list the folder ({exc.strerror})")
                continue
            for q in entries:
                if q.name.startswith("."):
                    continue
                qkind, qreason = _kind(q)
                if qkind == "dir":
                    if subfolders is not None:
                        subfolders.append(q)
                elif qkind == "file":
                    if not _is_manifest_file(q, columns):
                        files.setdefault(str(q), q)
                else:  # gone since it was listed, or not a file
                    odd.setdefault(str(q), qreason or "no longer exists")
        elif kind == "file":
            if not _is_manifest_file(p, columns):
                files.setdefault(str(p), p)
        elif kind == "skip":
            odd.setdefault(str(p), reason or "not a file or folder")
        else:
            raise InputError(f"{p}: no such file or folder")
    if unreadable is not None:
        unreadable.extend(Skipped(k, odd[k]) for k in sorted(odd))
    return [files[k] for k in sorted(files)]


def _natural(key: str) -> tuple:
    """Sort key that puts "x#9" before "x#10"."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", key))


def _read_inputs(files: list[Path], *, columns: Columns, max_bytes: int, strict: bool,
                 manifests: dict[Path, dict[str, _Meta]]) -> Iterator[Article | Skipped]:
    bad_manifests: dict[Path, str] = {}
    for path in files:
        folder = path.parent.resolve()
        try:
            if folder not in manifests and folder not in bad_manifests:
                mpath = path.parent / MANIFEST_NAME
                try:
                    manifests[folder] = read_manifest(mpath) if mpath.is_file() else {}
                except InputError as exc:
                    if strict:
                        raise
                    bad_manifests[folder] = str(exc)
            if folder in bad_manifests:  # without its metadata the file would be misattributed
                raise InputError(f"{path}: not read, its folder's manifest is malformed "
                                 f"({bad_manifests[folder]})")
            suffix = path.suffix.lower()
            if suffix in DATASET_SUFFIXES:
                rows = read_jsonl if suffix in JSONL_SUFFIXES else read_csv
                for item in rows(path, columns=columns, max_bytes=max_bytes):
                    if isinstance(item, Article):
                        item = with_language(item)
                        reason = unsupported_language(item)
                        if reason is None:
                            yield item
                            continue
                        item = RowError(int(item.path.rpartition("#")[2]), reason)
                    if strict:
                        raise InputError(f"{path}:{item.line}: {item.reason}")
                    yield Skipped(f"{path}#{item.line}", item.reason)
            elif suffix in ARTICLE_SUFFIXES + HTML_SUFFIXES:
                article = with_language(read_article(path, manifest=manifests[folder].get(path.name),
                                                     max_bytes=max_bytes))
                reason = unsupported_language(article)
                if reason:
                    raise InputError(f"{path}: {reason}")
                yield article
            else:
                raise InputError(f"{path}: not an article file (expected {', '.join(INPUT_SUFFIXES)})")
        except InputError as exc:
            if strict:
                raise
            yield Skipped(str(path), _reason(str(exc), path))
        except Exception as exc:  # noqa: BLE001 - one file that breaks a reader must not stop the run
            problem = f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
            if strict:
                raise InputError(f"{path}: {problem}") from None
            yield Skipped(str(path), problem)


def _reason(message: str, path: Path) -> str:
    """An error message without its leading path: "line 3: ..." when it names a line."""
    prefix = f"{path}:"
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix):]
    line, sep, tail = rest.partition(": ")
    return f"line {line}: {tail}" if sep and line.isdigit() else rest.strip()


def _body_hash(article: Article) -> str:
    return body_digest(article.text, article.body_start)


def body_digest(text: str, body_start: int) -> str:
    """What makes two articles exact copies: the hash of the body's words, whatever the spacing."""
    return hashlib.sha256(" ".join(text[body_start:].split()).encode("utf-8")).hexdigest()


def sketch(text: str, *, size: int = SKETCH_SIZE) -> frozenset[int]:
    """A bottom-k sketch of the text's word 5-gram shingles: the ``size`` smallest shingle hashes.

    Memory is bounded by ``size`` whatever the length of the text.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    heap: list[int] = []  # max-heap (negated) of the smallest hashes so far
    members: set[int] = set()
    for i in range(len(words) - SHINGLE_WORDS + 1):
        h = zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"))
        if h in members:
            continue
        if len(heap) < size:
            heapq.heappush(heap, -h)
            members.add(h)
        elif h < -heap[0]:
            members.discard(-heapq.heappushpop(heap, -h))
            members.add(h)
    return frozenset(members)


def _similarity(a: np.ndarray, b: np.ndarray, *, size: int = SKETCH_SIZE) -> float:
    """Jaccard similarity of two texts estimated from their bottom-k sketches (sorted hash arrays)."""
    union = np.union1d(a, b)[:size]
    if not len(union):
        return 0.0
    return int(np.count_nonzero(np.isin(union, a) & np.isin(union, b))) / len(union)


def mark_near_duplicates(articles: list[Article], *, threshold: float = NEAR_DUPLICATE) -> list[Article]:
    """Set ``duplicate_of`` on every article that nearly repeats an earlier one (by id order).

    Candidate pairs come from the articles that share sketch hashes, so a large folder is not
    compared pair by pair. Each sketch is kept as a sorted array of its 32-bit hashes: 512 bytes,
    where a set of Python ints took some 9 KB (220 MB at 10,000 articles, with its index).
    """
    roots = near_duplicate_roots([body_sketch(a.text, a.body_start) for a in articles], threshold=threshold)
    return [replace(a, duplicate_of=articles[r].id) if r != i else a for i, (a, r) in enumerate(zip(articles, roots))]


def body_sketch(text: str, body_start: int) -> np.ndarray:
    """An article body's sketch (``sketch``) as the sorted array ``mark_near_duplicates`` compares."""
    return np.array(sorted(sketch(text[body_start:])), dtype=np.uint32)


def near_duplicate_roots(sketches: list[np.ndarray], *, threshold: float = NEAR_DUPLICATE) -> list[int]:
    """For each article (by its ``body_sketch``, in id order), the first article of its group of near
    copies: itself when it repeats no earlier one."""
    parent = list(range(len(sketches)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), n in sorted(_shared_hashes(sketches).items()):
        if n >= threshold * min(len(sketches[i]), len(sketches[j])) * 0.5 and \
                _similarity(sketches[i], sketches[j]) >= threshold:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)  # a group's root is its first article, whatever the order
    return [root(i) for i in range(len(sketches))]


def _shared_hashes(sketches: list[np.ndarray]) -> dict[tuple[int, int], int]:
    """(i, j) with i < j -> how many hashes the two sketches share, for the pairs that share any. A
    hash in more than MAX_BUCKET sketches is boilerplate and proposes no pair (this keeps it linear)."""
    shared: dict[tuple[int, int], int] = defaultdict(int)
    if not sketches:
        return shared
    hashes = np.concatenate(sketches)
    owners = np.repeat(np.arange(len(sketches)), [len(s) for s in sketches])
    order = np.argsort(hashes, kind="stable")  # equal hashes keep their owners in order
    hashes, owners = hashes[order], owners[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    keep = (sizes >= 2) & (sizes <= MAX_BUCKET)
    for start, size in zip(starts[keep].tolist(), sizes[keep].tolist()):
        bucket = owners[start:start + size].tolist()
        for x, i in enumerate(bucket):
            for j in bucket[x + 1:]:
                shared[(i, j)] += 1
    return shared


def ingest(paths: list[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False,
           columns: Columns = Columns()) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``.

    Args:
        paths: files and folders; folders contribute their ``.txt``, ``.md``, ``.html``, ``.jsonl``
            and ``.csv`` files (a ``sources.csv`` manifest is metadata, not an input).
        max_bytes: files, dataset rows' texts and pages' main texts larger than this are skipped
            with a reason (a saved page's file may be up to ``PAGE_MAX_BYTES``, markup included).
        strict: raise on the first bad file or row instead of skipping it.
        columns: the dataset column names.

    Returns:
        Articles sorted by id, and the inputs that were skipped with reasons, sorted by path.

    Raises:
        InputError: a path does not exist; the paths hold entries but no article file (a folder of
            PDFs); or (strict) any file or row is bad.
    """
    subfolders: list[Path] = []
    unreadable: list[Skipped] = []
    files = _expand([Path(p) for p in paths], columns, subfolders, unreadable)
    if strict and unreadable:
        raise InputError(f"{unreadable[0].path}: {unreadable[0].reason}")
    if (unreadable or subfolders or files) and not any(f.suffix.lower() in INPUT_SUFFIXES for f in files):
        found = [f"{f.name} (not an article file)" for f in files] + \
                [f"{Path(s.path).name} ({s.reason})" for s in unreadable] + \
                [f"{q.name} (a subfolder)" for q in sorted(set(subfolders))]
        more = f" and {len(found) - 3} more" if len(found) > 3 else ""
        raise InputError(f"{', '.join(str(p) for p in paths)}: no article files found "
                         f"({', '.join(INPUT_SUFFIXES)}); found only {', '.join(found[:3])}{more}")
    read: list[Article] = []
    skipped: list[Skipped] = [Skipped(str(q), "a subfolder: folders are read one level deep; "
                                      "pass it as a path to read it") for q in sorted(set(subfolders))]
    skipped.extend(unreadable)
    manifests: dict[Path, dict[str, _Meta]] = {}
    for item in _read_inputs(files, columns=columns, max_bytes=max_bytes, strict=strict,
                             manifests=manifests):
        (skipped if isinstance(item, Skipped) else read).append(item)
    read.sort(key=lambda a: (_natural(a.id), _natural(a.path)))
    articles = _unique_articles(read, skipped, strict=strict)
    skipped.sort(key=lambda s: (_natural(s.path), s.reason))
    return mark_near_duplicates(articles), skipped


def _unique_articles(read: list[Article], skipped: list[Skipped], *, strict: bool) -> list[Article]:
    """The articles in order, without a second use of an id or a second copy of a body (each of
    those is added to ``skipped`` with its reason, or with ``strict`` raises InputError)."""
    articles: list[Article] = []
    ids: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for article in read:
        problem = None
        if article.id in ids:
            problem = f"article id {article.id!r} is also the id of {ids[article.id]}"
        else:
            digest = _body_hash(article)
            if digest in bodies:
                problem = f"exact duplicate of {bodies[digest]}"
            else:
                bodies[digest] = article.path
        if problem:
            if strict:
                raise InputError(f"{article.path}: {problem}")
            skipped.append(Skipped(article.path, problem))
            continue
        ids[article.id] = article.path
        articles.append(article)
    return articles
