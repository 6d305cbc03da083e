"""Input formats beyond plain text: saved HTML pages and JSON Lines / CSV datasets.

Reads one file at a time and streams datasets row by row, so a large dataset never sits in memory
as bytes. Returns ``Article`` records (the same ones ``ingest`` makes from ``.txt`` files) and, for a
dataset row that cannot be used, a ``RowError`` naming its line. An HTML page's text is the main text
that trafilatura extracts, and its offsets point into that text (``text_source="trafilatura"``); a
dataset row's text is its text column's value (``text_source="column:NAME"``). Whole-file problems
(no text column, a manifest posing as a dataset) raise ``InputError`` naming the file and line.
It never parses language.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .records import Article, InputError

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
SNIFF_BYTES = 64 * 1024
# Room for a JSON Lines row's other fields and escapes beyond its text's --max-bytes.
ROW_OVERHEAD_BYTES = 64 * 1024
# Fewer words than this from a page is navigation or a stub (trafilatura falls back to any text it finds).
MIN_PAGE_WORDS = 10

# An ISO date, optionally followed by a time: "2018-01-15" or "2018-01-15T10:30:00Z".
_ISO_DATE = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?\s*\Z")
# A language override (front matter, manifest or dataset column): an ISO 639-1 code, two lowercase letters.
_LANG_CODE = re.compile(r"\A[a-z]{2}\Z")
# ISO 639-1 codes and their English names, to check an override and to name a language in a skip reason.
LANGUAGE_NAMES: dict[str, str] = dict(entry.split(" ", 1) for entry in (
    'aa Afar|ab Abkhazian|ae Avestan|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|'
    'as Assamese|av Avaric|ay Aymara|az Azerbaijani|ba Bashkir|be Belarusian|bg Bulgarian|'
    'bi Bislama|bm Bambara|bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|'
    'ch Chamorro|co Corsican|cr Cree|cs Czech|cu Church Slavic|cv Chuvash|cy Welsh|da Danish|'
    'de German|dv Divehi|dz Dzongkha|ee Ewe|el Greek|en English|eo Esperanto|es Spanish|'
    'et Estonian|eu Basque|fa Persian|ff Fulah|fi Finnish|fj Fijian|fo Faroese|fr French|'
    'fy Western Frisian|ga Irish|gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|gv Manx|'
    'ha Hausa|he Hebrew|hi Hindi|ho Hiri Motu|hr Croatian|ht Haitian Creole|hu Hungarian|'
    'hy Armenian|hz Herero|ia Interlingua|id Indonesian|ie Interlingue|ig Igbo|ii Sichuan Yi|'
    'ik Inupiaq|io Ido|is Icelandic|it Italian|iu Inuktitut|ja Japanese|jv Javanese|ka Georgian|'
    'kg Kongo|ki Kikuyu|kj Kuanyama|kk Kazakh|kl Kalaallisut|km Khmer|kn Kannada|ko Korean|'
    'kr Kanuri|ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|ky Kyrgyz|la Latin|lb Luxembourgish|'
    'lg Ganda|li Limburgish|ln Lingala|lo Lao|lt Lithuanian|lu Luba-Katanga|lv Latvian|'
    'mg Malagasy|mh Marshallese|mi Maori|mk Macedonian|ml Malayalam|mn Mongolian|mr Marathi|'
    'ms Malay|mt Maltese|my Burmese|na Nauru|nb Norwegian Bokmål|nd North Ndebele|ne Nepali|'
    'ng Ndonga|nl Dutch|nn Norwegian Nynorsk|no Norwegian|nr South Ndebele|nv Navajo|ny Nyanja|'
    'oc Occitan|oj Ojibwa|om Oromo|or Oriya|os Ossetic|pa Punjabi|pi Pali|pl Polish|ps Pashto|'
    'pt Portuguese|qu Quechua|rm Romansh|rn Rundi|ro Romanian|ru Russian|rw Kinyarwanda|'
    'sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|sg Sango|sh Serbo-Croatian|si Sinhala|'
    'sk Slovak|sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|'
    'st Southern Sotho|su Sundanese|sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|th Thai|'
    'ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tongan|tr Turkish|ts Tsonga|tt Tatar|tw Twi|'
    'ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|vi Vietnamese|vo Volapük|'
    'wa Walloon|wo Wolof|xh Xhosa|yi Yiddish|yo Yoruba|za Zhuang|zh Chinese|zu Zulu'
).split("|"))


@dataclass(frozen=True, slots=True)
class Columns:
    """Which dataset column holds what. Only ``text`` is required in a dataset."""

    text: str = "text"
    outlet: str = "outlet"
    published: str = "published"
    url: str = "url"
    id: str = "id"
    title: str = "title"
    lang: str = "lang"


@dataclass(frozen=True, slots=True)
class RowError:
    """A dataset row that could not be used: the line it starts on and why."""

    line: int
    reason: str


def dataset_date(value: object, *, where: str) -> date | None:
    """A dataset's published value: ``YYYY-MM-DD``, optionally with a time; empty means unknown.

    Raises:
        InputError: naming ``where`` when the value is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    match = _ISO_DATE.match(str(value))
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            pass
    raise InputError(f"{where}: published must be YYYY-MM-DD (a time may follow), found {value!r}")


def language_code(value: object, *, where: str, column: str = "lang") -> str | None:
    """A ``lang`` override: an ISO 639-1 code of two lowercase letters ("en", "es"); empty means none.

    Raises:
        InputError: naming ``where`` when the value is not such a code.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    code = value.strip() if isinstance(value, str) else value
    if isinstance(code, str) and _LANG_CODE.match(code) and code in LANGUAGE_NAMES:
        return code
    if isinstance(code, str) and _LANG_CODE.match(code):
        problem = "is not an ISO 639-1 language code"
    else:
        problem = "must be a two-letter ISO 639-1 code in lowercase, such as 'en' or 'es'"
    raise InputError(f"{where}: {column} {problem}, found {value!r}")


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ("de" -> "German"), or the code itself when unknown."""
    return LANGUAGE_NAMES.get(code, code)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _text_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def _row_article(row: dict[str, object], *, path: Path, line: int, columns: Columns, encoding: str,
                 max_bytes: int) -> Article | RowError:
    where = f"{path}:{line}"
    text = row.get(columns.text)
    if text is None:
        return RowError(line, f"no {columns.text!r} field (set the text column with --text-column)")
    if not isinstance(text, str):
        return RowError(line, f"{columns.text!r} must be text, found a {type(text).__name__}")
    if not text.strip():
        return RowError(line, f"empty text in column {columns.text!r}")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return RowError(line, f"text is {size} bytes, over the {max_bytes}-byte limit")
    try:
        published = dataset_date(row.get(columns.published), where=where)
    except InputError as exc:
        return RowError(line, str(exc).removeprefix(f"{where}: "))
    try:
        lang = language_code(row.get(columns.lang), where=where, column=repr(columns.lang))
    except InputError as exc:
        return RowError(line, str(exc).removeprefix(f"{where}: "))
    url = _text_value(row.get(columns.url))
    given_id = _text_value(row.get(columns.id))
    return Article(
        id=given_id or f"{path.stem}-{line}",
        path=f"{path}#{line}",
        outlet=_text_value(row.get(columns.outlet)) or _host(url) or path.stem,
        published=published,
        text=text,
        url=url,
        title=_text_value(row.get(columns.title)),
        encoding=encoding,
        text_source=f"column:{columns.text}",
        lang=lang,
    )


def sniff_encoding(path: Path) -> str:
    """The encoding of a dataset file from its first bytes: a BOM, else UTF-8, else cp1252.

    Raises:
        InputError: when the file cannot be opened.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:  # final=False: a character cut at the end of the sample is not an error
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


# What ``_lines`` yields for a line longer than its limit (the line itself is never held).
TOO_LONG = "\0too long"


def _read_line(handle, limit: int | None):
    """The next line, or TOO_LONG (after reading past the rest of it) when it is over ``limit``."""
    if limit is None:
        return handle.readline()
    line = handle.readline(limit + 1)
    if len(line) <= limit or line[-1:] in ("\n", b"\n"):
        return line
    while True:  # skip the rest of the over-long line in bounded reads
        rest = handle.readline(1 << 20)
        if not rest or rest[-1:] in ("\n", b"\n"):
            return TOO_LONG


def _lines(path: Path, encoding: str, *, limit: int | None = None) -> Iterator[tuple[int, str | None]]:
    """(line number, decoded line with its ending) for each line; None for an undecodable line.

    With ``limit``, a line longer than that (in bytes, in characters for UTF-16) is yielded as
    ``TOO_LONG`` without being held in memory.
    """
    if encoding == "utf-16":  # lines cannot be split as bytes; decode the stream as a whole
        with path.open(encoding="utf-16", newline="") as handle:
            number = 0
            try:
                while line := _read_line(handle, limit):
                    number += 1
                    yield number, line
            except UnicodeDecodeError:
                yield number + 1, None
        return
    with path.open("rb") as handle:
        number = 0
        while raw := _read_line(handle, limit):
            number += 1
            if raw is TOO_LONG:
                yield number, TOO_LONG
                continue
            try:
                yield number, raw.decode(encoding if number == 1 else encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                yield number, None


def read_jsonl(path: Path, *, columns: Columns = Columns(), max_bytes: int) -> Iterator[Article | RowError]:
    """Stream a JSON Lines dataset: one JSON object per line, one article per object.

    Blank lines are ignored. Yields an ``Article`` per usable line and a ``RowError`` per bad one.

    Example:
        ``{"text": "Two people died.", "outlet": "Wire", "published": "2018-01-15"}``
    """
    encoding = sniff_encoding(path)
    # a row's JSON may hold up to max_bytes of text plus its other fields; longer lines are not read
    for line, text in _lines(path, encoding, limit=max_bytes + ROW_OVERHEAD_BYTES):
        if text is None:
            yield RowError(line, f"not valid {encoding} text")
            if encoding == "utf-16":
                return
            continue
        if text is TOO_LONG:
            yield RowError(line, f"line is over the {max_bytes}-byte limit")
            continue
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RowError(line, json_problem(exc, line))
            continue
        if not isinstance(row, dict):
            yield RowError(line, f"expected a JSON object, found a {type(row).__name__}")
            continue
        yield _row_article(row, path=path, line=line, columns=columns, encoding=encoding,
                           max_bytes=max_bytes)


def json_problem(exc: json.JSONDecodeError, line: int) -> str:
    """A JSON Lines row's parse error with the file's line and the column: "not valid JSON (line 2,
    column 17: invalid control character)"."""
    msg = exc.msg.removesuffix(" at").strip() or "parse error"
    return f"not valid JSON (line {line}, column {exc.colno}: {msg[:1].lower()}{msg[1:]})"


def csv_header(path: Path) -> list[str] | None:
    """The header row of a CSV file, or None when it has none."""
    encoding = sniff_encoding(path)
    for _, text in _lines(path, encoding):
        if text is None:
            return None
        return next(csv.reader([text]), None)
    return None


def is_manifest(header: Iterable[str] | None, columns: Columns = Columns()) -> bool:
    """A ``sources.csv``-style manifest names files (a ``file`` column) and holds no text."""
    names = {h.strip() for h in header or ()}
    return "file" in names and columns.text not in names


def read_csv(path: Path, *, columns: Columns = Columns(), max_bytes: int) -> Iterator[Article | RowError]:
    """Stream a CSV dataset: a header row, then one article per row (quoted fields may span lines).

    Yields an ``Article`` per usable row and a ``RowError`` per bad one.

    Raises:
        InputError: naming the file when it has no header, no text column, or is a manifest.
    """
    encoding = sniff_encoding(path)
    bad_lines: set[int] = set()
    state = {"line": 0}

    def decoded() -> Iterator[str]:
        for number, text in _lines(path, encoding):
            state["line"] = number
            if text is None:
                bad_lines.add(number)
                text = "\n"
            yield text

    # Article texts can be long; the csv module refuses fields over 128 KiB by default. Raising the
    # process-wide limit is monotonic (never lowered), so other readers are unaffected.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    reader = csv.reader(decoded())
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty file") from None
    except csv.Error as exc:
        raise InputError(f"{path}:1: malformed CSV header ({exc})") from None
    header = [h.strip() for h in header]
    if is_manifest(header, columns):
        raise InputError(f"{path}:1: a manifest (it has a 'file' column and no {columns.text!r} column), "
                         "not a dataset; name it sources.csv next to the files it describes")
    if columns.text not in header:
        raise InputError(f"{path}:1: no {columns.text!r} column (found {', '.join(header) or 'none'}); "
                         f"name the text column with --text-column")
    while True:
        start = state["line"] + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(start, f"malformed CSV ({exc})")
            continue
        if not fields or not any(f.strip() for f in fields):
            continue
        if bad_lines.intersection(range(start, state["line"] + 1)):
            yield RowError(start, f"not valid {encoding} text")
            continue
        if len(fields) != len(header):
            yield RowError(start, f"expected {len(header)} fields as in the header, found {len(fields)}")
            continue
        yield _row_article(dict(zip(header, fields)), path=path, line=start, columns=columns,
                           encoding=encoding, max_bytes=max_bytes)


def read_html(path: Path, text: str, *, encoding: str, outlet: str | None = None,
              published: date | None = None, url: str | None = None, title: str | None = None) -> Article:
    """An Article from a saved web page: its main text as trafilatura extracts it.

    Metadata given (from a manifest) wins over what the page says about itself.

    Raises:
        InputError: naming the file when no main text can be found.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False,
        # Dates only from the page itself, never compared against today, so a rerun gives the same bytes.
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": "9999-12-31"},
    )
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    words = len(body.split())
    if words < MIN_PAGE_WORDS:
        raise InputError(f"{path}: no article text found in the HTML page ({words} words of main text, "
                         f"expected at least {MIN_PAGE_WORDS})")
    page_date = None
    if getattr(doc, "date", None):
        try:
            page_date = dataset_date(doc.date, where=str(path))
        except InputError:
            page_date = None
    page_url = url or getattr(doc, "url", None) or None
    return Article(
        id=path.stem,
        path=str(path),
        outlet=outlet or getattr(doc, "sitename", None) or _host(page_url) or path.stem,
        published=published or page_date,
        text=body,
        url=page_url,
        title=title or getattr(doc, "title", None) or None,
        encoding=encoding,
        text_source="trafilatura",
    )


__all__ = ["Columns", "RowError", "read_csv", "read_html", "read_jsonl", "is_manifest", "csv_header",
           "dataset_date", "sniff_encoding", "language_code", "language_name", "LANGUAGE_NAMES",
           "HTML_SUFFIXES", "JSONL_SUFFIXES", "CSV_SUFFIXES"]
