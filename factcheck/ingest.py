"""Ingest: paths on disk -> Articles, and an account of every input that was not read.

Reads ``.txt``/``.md`` files, given directly or found in folders, with their
metadata from (highest priority first) a ``sources.csv`` manifest in the file's
folder, a YAML front-matter block, or a leading ``date YYYY-MM-DD`` line. Returns
``Article`` records whose ``text`` is the file's full decoded text, so offsets
taken later point into exactly what is on disk, plus ``Skipped`` records naming
each input it could not use and why. It never parses language.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .records import Article, InputError

ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "sources.csv"
MANIFEST_COLUMNS = ("file", "outlet", "published", "url")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# A leading metadata line as scraped pages carry it: " date 2017-06-27 TOPSHOT - ..."
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")
# YAML front matter: "---" on the first line, the block, then a closing "---" line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


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
        missing = [c for c in ("file", "outlet") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}:1: manifest needs columns {', '.join(MANIFEST_COLUMNS)};"
                             f" missing {', '.join(missing)}")
        out: dict[str, _Meta] = {}
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
            )
        return out


def decode(data: bytes, *, where: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252.

    Returns:
        The text and the name of the encoding used.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(f"{where}: not UTF-8, UTF-16 or cp1252 text") from None


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
        )
        return meta, match.end()
    match = _DATE_LINE.match(text)
    if match:
        return _Meta(published=parse_date(match.group(1), where=where)), match.end()
    return _Meta(), 0


def read_article(path: Path, *, manifest: _Meta | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file with its metadata.

    Raises:
        InputError: when the file is empty, binary, too large or malformed.
    """
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{where}: {size} bytes is over the {max_bytes}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{where}: empty file")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: binary file (contains NUL bytes)")
    text, encoding = decode(data, where=where)
    meta, body_start = _front_matter(text, where=where)
    if manifest is not None:
        meta = _Meta(
            outlet=manifest.outlet or meta.outlet,
            published=manifest.published or meta.published,
            url=manifest.url or meta.url,
            title=manifest.title or meta.title,
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
    )


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.iterdir() if q.is_file() and q.name != MANIFEST_NAME
                                and not q.name.startswith(".")))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return files


def ingest(paths: list[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
           strict: bool = False) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``.

    Args:
        paths: files and folders; folders contribute their ``.txt``/``.md`` files.
        max_bytes: files larger than this are skipped with a reason.
        strict: raise on the first bad file instead of skipping it.

    Returns:
        Articles sorted by id, and the inputs that were skipped with reasons.

    Raises:
        InputError: a path does not exist, a manifest is malformed, or (strict) any file is bad.
    """
    manifests: dict[Path, dict[str, _Meta]] = {}
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_ids: dict[str, str] = {}
    for path in _expand([Path(p) for p in paths]):
        folder = path.parent.resolve()
        if folder not in manifests:
            mpath = path.parent / MANIFEST_NAME
            manifests[folder] = read_manifest(mpath) if mpath.is_file() else {}
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            reason = f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})"
            if strict:
                raise InputError(f"{path}: {reason}")
            skipped.append(Skipped(str(path), reason))
            continue
        try:
            article = read_article(path, manifest=manifests[folder].get(path.name), max_bytes=max_bytes)
        except InputError as exc:
            if strict:
                raise
            skipped.append(Skipped(str(path), str(exc).removeprefix(f"{path}: ")))
            continue
        if article.id in seen_ids:
            raise InputError(f"{path}: article id {article.id!r} is also the id of {seen_ids[article.id]}")
        seen_ids[article.id] = str(path)
        articles.append(article)
    articles.sort(key=lambda a: a.id)
    return articles, skipped
