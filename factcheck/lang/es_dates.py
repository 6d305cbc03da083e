"""Spanish date expressions, resolved to inclusive date intervals.

``find_dates(text, published=...)`` returns :class:`factcheck.dates.DateMatch`
records with the semantics of the English reader: ``low``/``high`` bound the
event-date interval, ``relative`` is True when it was resolved against the
publication date, prepositions ("en", "el") are left out of the surface and
modifiers that change the meaning ("el pasado lunes" -> "pasado lunes") kept.
Without a publication date only fully absolute dates are returned. It reads
"27 de junio de 2017", "martes 27 de junio", "julio de 2017", "en 2017",
"el martes", "este martes", "hace seis meses", "ayer", "la semana pasada"...
Nothing here raises on arbitrary input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.dates import (
    DateMatch,
    _day_in,
    _latest_day_month,
    _latest_month,
    _month_span,
    _shift_month,
    _week_span,
    settle_dates,
)

__all__ = ["DateMatch", "find_dates"]

# =========================================================================== word lists

# Months, lower case as Spanish writes them (a capital at a sentence start is accepted).
_MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,   # "27 de junio"
    "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,   # "julio de 2017"
    "noviembre": 11, "diciembre": 12,                                          # "en diciembre"
}
# Weekdays, Monday = 0: "el martes", "el pasado lunes", "miercoles" without its accent.
_WEEKDAYS: dict[str, int] = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}
# Counts in "hace N días"; a pair is (fewest, most) units back.
_COUNTS: dict[str, tuple[int, int]] = {
    "un": (1, 1), "una": (1, 1), "dos": (2, 2), "tres": (3, 3), "cuatro": (4, 4),  # "hace un año"
    "cinco": (5, 5), "seis": (6, 6), "siete": (7, 7), "ocho": (8, 8), "nueve": (9, 9),  # "hace seis meses"
    "diez": (10, 10), "once": (11, 11), "doce": (12, 12), "quince": (15, 15), "veinte": (20, 20),
    "un par de": (2, 2),        # "hace un par de semanas"
    "unos": (2, 5), "unas": (2, 5),  # "hace unos días": deliberately wide
    "unos pocos": (2, 5), "unas pocas": (2, 5), "pocos": (2, 5), "pocas": (2, 5),  # "hace pocos días"
    "varios": (3, 9), "varias": (3, 9),  # "hace varios meses"
}
# Units in "hace N días"; the singular and plural of each.
_UNITS: dict[str, str] = {
    "minuto": "minute", "minutos": "minute", "hora": "hour", "horas": "hour",   # "hace dos horas"
    "día": "day", "días": "day", "dia": "day", "dias": "day",                    # "hace 6 días"
    "semana": "week", "semanas": "week", "mes": "month", "meses": "month",      # "hace seis meses"
    "año": "year", "años": "year", "década": "decade", "décadas": "decade",     # "hace un año"
}
# Named days around publication -> days back: "ayer" (1), "anteayer" (2), "hoy" (0).
_DAYWORDS: dict[str, int] = {
    "hoy": 0, "esta mañana": 0, "esta tarde": 0, "esta noche": 0,   # "hoy", "esta mañana"
    "ayer": 1, "anteayer": 2, "antier": 2, "antes de ayer": 2, "antes de anoche": 2,  # "ayer"
}
# Prepositions before a bare year, with the years they accept: "en 2017", "desde 2009".
_PREP_YEAR_RANGE: dict[str, tuple[int, int]] = {
    "en": (1000, 2199), "desde": (1000, 2199), "durante": (1000, 2199), "hasta": (1000, 2199),
    "antes de": (1000, 2199), "después de": (1000, 2199), "despues de": (1000, 2199),
    "a partir de": (1000, 2199), "el año": (1000, 2199), "del año": (1000, 2199),
    "del": (1900, 2199), "para": (1900, 2199),   # "las elecciones del 2018" ("del" also counts)
}
# Words before a weekday that make it a plan, not a recent day: "se reunirá el martes".
_FUTURE = (r"\b\w+(?:rá|rán)\b|\b(?:va|van|vamos)\s+a\b|\bprevist[oa]s?\s+para\b"
           r"|\bprogramad[oa]s?\s+para\b|\bconvoc\w+\s+para\b|\bhasta\s+el\b")

# =========================================================================== regexes

_MONTH = r"(?P<month>(?i:" + "|".join(_MONTHS) + r"))\b"
_WEEKDAY = r"(?i:" + "|".join(_WEEKDAYS) + r")"
_DAY = (r"(?P<day>[0-3]?\d|(?i:primero))(?:[°º]|\.[°º]|ro)?"
        r"(?:\s*(?:[-–]|y|al)\s*(?P<day2>[0-3]?\d))?(?!\d)")
_YEAR = r"(?P<year>\d{4})(?![\d.,]\d|\d)"

# "27 de junio de 2017", "martes 27 de junio", "el domingo 1 de octubre", "1° de mayo", "27 de junio".
_RX_DMY = re.compile(r"(?<![\d.,])(?P<s>(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?" + _DAY
                     + r"\s+de\s+" + _MONTH + r"(?:\s+(?:de|del)\s+" + _YEAR + r")?)")
# "27/06/2017" (day first).
_RX_SLASH = re.compile(r"(?<![\d/])(?P<s>(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>\d{4}))(?![\d/])")
# ISO "2017-06-27".
_RX_ISO = re.compile(r"(?<![\w/-])(?P<s>(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2}))(?![\d-])")
# "julio de 2017", "a finales de julio de 2017".
_RX_MY = re.compile(r"(?P<s>(?:(?i:principios|finales|fines|mediados|inicios)\s+de\s+)?"
                    + _MONTH + r"(?:\s+(?:de|del))?\s+" + _YEAR + r")")
# "en julio", "desde marzo", "el pasado julio", "en julio pasado".
_RX_MONTH = re.compile(r"\b(?:(?P<pre>(?i:en|desde|hasta|durante|de))\s+)?(?P<s>(?:(?P<mod>(?i:el\s+pasado|"
                       r"pasado|el\s+pr[oó]ximo|pr[oó]ximo))\s+)?" + _MONTH
                       + r"(?:\s+(?P<post>(?i:pasado|pr[oó]ximo)))?)(?!\s+(?:de|del)\s+\d)")
# "entre 2015 y 2017", "de 2015 a 2017", "desde 2015 hasta 2017".
_RX_YEAR_RANGE = re.compile(r"\b(?i:entre|de|desde)\s+(?P<s>(?P<year>\d{4})\s*(?:[-–]|\s(?i:y|a|hasta)\s)\s*"
                            r"(?P<year2>\d{4}))(?![\d.,]\d|\d)")
# "en 2017", "desde 2009", "el año 2018", "del 2018".
_RX_YEAR = re.compile(r"\b(?P<pre>(?i:" + "|".join(sorted(_PREP_YEAR_RANGE, key=len, reverse=True))
                      + r"))\s+(?P<s>" + _YEAR + r")(?!\s*(?:%|(?i:por\s+ciento|personas|casos|"
                      r"muertos|heridos|detenidos|votos|d[oó]lares|bol[ií]vares|euros|km|metros)\b))")
# "ayer", "anteayer", "hoy", "anoche", "esta mañana", "antes de ayer".
_RX_DAYWORD = re.compile(r"\b(?P<s>(?i:antes\s+de\s+ayer|antes\s+de\s+anoche|anteayer|antier|ayer|hoy|"
                         r"anoche|esta\s+(?:mañana|tarde|noche)))\b")
# "hace seis meses", "hace 6 días", "hace un par de semanas", "hace unos días".
_RX_AGO = re.compile(r"\b(?P<s>(?i:hace)\s+(?P<n>\d{1,3}|(?i:" + "|".join(
    sorted((re.escape(k) for k in _COUNTS), key=len, reverse=True)) + r"))\s+(?P<unit>(?i:"
    + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")))\b")
# "la semana pasada", "el mes pasado", "este año", "la próxima semana", "el fin de semana".
_RX_UNIT = re.compile(r"\b(?P<s>(?i:(?P<pre_rel>esta|este|la\s+pr[oó]xima|el\s+pr[oó]ximo)\s+"
                      r"(?P<unit1>semana|mes|año)|(?:la|el)\s+(?P<unit2>semana|mes|año)\s+"
                      r"(?P<post_rel>pasad[oa]|pr[oó]xim[oa]|anterior)|el\s+fin\s+de\s+semana"
                      r"(?:\s+(?P<wk_rel>pasado))?))\b")
# "el martes", "el pasado lunes", "este martes", "el lunes pasado", "el próximo viernes".
_RX_WEEKDAY = re.compile(r"\b(?:(?i:el)\s+)?(?P<s>(?:(?P<mod>(?i:pasado|este|pr[oó]ximo))\s+)?"
                         r"(?P<wd>" + _WEEKDAY + r")\b(?:\s+(?P<post>(?i:pasado|pr[oó]ximo))\b)?)")

# =========================================================================== handlers

_Result = tuple[date, date, bool] | None


def _month_of(m: re.Match[str]) -> int:
    return _MONTHS[m.group("month").lower()]


def _day_number(raw: str) -> int:
    return 1 if raw.lower() == "primero" else int(raw)


def _dmy(m: re.Match[str], text: str, published: date | None) -> _Result:
    """"27 de junio de 2017" (absolute) or "27 de junio" (the latest one by publication)."""
    month, first = _month_of(m), _day_number(m.group("day"))
    last = int(m.group("day2")) if m.group("day2") else first
    if last < first:
        return None
    if m.group("year"):
        low, high = _day_in(int(m.group("year")), month, first), _day_in(int(m.group("year")), month, last)
        return None if low is None or high is None else (low, high, False)
    if published is None:
        return None
    end = _latest_day_month(month, last, published)
    if m.group("wd") and first == last:   # "domingo 1 de octubre": the year whose 1 October is a Sunday
        end = _with_weekday(month, first, _WEEKDAYS[m.group("wd").lower()], published) or end
    start = None if end is None else _day_in(end.year, month, first)
    return None if start is None else (start, end, True)


def _with_weekday(month: int, day: int, weekday: int, published: date) -> date | None:
    """The date ``day``/``month`` falling on ``weekday`` nearest publication, past first (a year either way)."""
    found = [d for y in range(published.year - 1, published.year + 2)
             if (d := _day_in(y, month, day)) is not None and d.weekday() == weekday
             and abs((d - published).days) <= 366]
    past = [d for d in found if d <= published]
    return max(past) if past else min(found) if found else None


def _numeric(m: re.Match[str], text: str, published: date | None) -> _Result:
    day = _day_in(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return None if day is None else (day, day, False)


def _month_year(m: re.Match[str], text: str, published: date | None) -> _Result:
    year = int(m.group("year"))
    if not 1000 <= year <= 2199:
        return None
    low, high = _month_span(year, _month_of(m))
    return low, high, False


def _month_alone(m: re.Match[str], text: str, published: date | None) -> _Result:
    """"en julio": the latest July by publication; "el pasado julio" strictly before it."""
    mod = " ".join(((m.group("mod") or "") + " " + (m.group("post") or "")).lower().split())
    if published is None or not (mod or m.group("pre")):
        return None
    if m.group("month").lower() == "mayo" and not mod and (m.group("pre") or "").lower() == "de":
        return None   # "de mayo" alone is too often part of a name ("Plaza de Mayo")
    month = _month_of(m)
    if "próximo" in mod or "proximo" in mod:
        year = published.year + (1 if month <= published.month else 0)
    else:
        year, month = _latest_month(month, published, strict="pasado" in mod)
    low, high = _month_span(year, month)
    return low, high, True


def _year_range(m: re.Match[str], text: str, published: date | None) -> _Result:
    first, last = int(m.group("year")), int(m.group("year2"))
    if not 1800 <= first < last <= 2199:
        return None
    return date(first, 1, 1), date(last, 12, 31), False


def _year_prep(m: re.Match[str], text: str, published: date | None) -> _Result:
    pre = " ".join(m.group("pre").lower().split())
    lowest, highest = _PREP_YEAR_RANGE[pre]
    year = int(m.group("year"))
    if not lowest <= year <= highest:
        return None
    return date(year, 1, 1), date(year, 12, 31), False


def _dayword(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    word = " ".join(m.group("s").lower().split())
    if word == "anoche":
        return published - timedelta(days=1), published, True
    day = published - timedelta(days=_DAYWORDS[word])
    return day, day, True


def _ago(m: re.Match[str], text: str, published: date | None) -> _Result:
    """"hace seis meses": the month six back; "hace 6 días": that day."""
    if published is None:
        return None
    unit = _UNITS[m.group("unit").lower()]
    key = " ".join(m.group("n").lower().split())
    fewest, most = (int(key), int(key)) if key.isdigit() else _COUNTS[key]
    if unit in ("minute", "hour"):
        return published - timedelta(days=1), published, True
    if unit == "day":
        return published - timedelta(days=most), published - timedelta(days=fewest), True
    if unit == "week":
        return (_week_span(published - timedelta(weeks=most))[0],
                _week_span(published - timedelta(weeks=fewest))[1], True)
    if unit == "month":
        return (_month_span(*_shift_month(published.year, published.month, -most))[0],
                _month_span(*_shift_month(published.year, published.month, -fewest))[1], True)
    step = 10 if unit == "decade" else 1
    return date(published.year - most * step, 1, 1), date(published.year - fewest * step, 12, 31), True


def _unit(m: re.Match[str], text: str, published: date | None) -> _Result:
    """"la semana pasada", "este mes", "el próximo año", "el fin de semana"."""
    if published is None:
        return None
    if m.group("unit1") is None and m.group("unit2") is None:   # "el fin de semana (pasado)"
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if m.group("wk_rel") and saturday + timedelta(days=1) >= published:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1), True
    unit = (m.group("unit1") or m.group("unit2")).lower()
    rel = (m.group("pre_rel") or m.group("post_rel") or "").lower()
    by = 1 if "pr" in rel else -1 if rel.startswith(("pasad", "anterior")) else 0
    if unit == "semana":
        monday = _week_span(published)[0] + timedelta(weeks=by)
        return monday, monday + timedelta(days=6), True
    if unit == "mes":
        low, high = _month_span(*_shift_month(published.year, published.month, by))
        return low, high, True
    year = published.year + by
    return date(year, 1, 1), date(year, 12, 31), True


def _is_future(text: str, index: int) -> bool:
    """True when the clause before ``index`` looks ahead: "se reunirá el martes"."""
    before = re.split(r"[.!?;:\n]\s|,\s", text[max(0, index - 80):index])[-1]
    after = re.split(r"[.!?;:\n,]", text[index:index + 60])[0]
    return re.search(_FUTURE, before + " " + after, re.IGNORECASE) is not None


def _weekday(m: re.Match[str], text: str, published: date | None) -> _Result:
    """"el martes" (latest by publication), "este martes" (this week's), "el pasado lunes"."""
    if published is None:
        return None
    target = _WEEKDAYS[m.group("wd").lower()]
    mod = ((m.group("mod") or "") + " " + (m.group("post") or "")).strip().lower()
    if mod == "este":
        day = _week_span(published)[0] + timedelta(days=target)
    elif "pr" in mod:
        day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    elif not mod and _is_future(text, m.start("s")):
        day = published + timedelta(days=(target - published.weekday()) % 7)
    else:
        back = (published.weekday() - target) % 7
        if mod == "pasado" and back == 0:
            back = 7   # "el pasado lunes" said on a Monday is a week ago
        day = published - timedelta(days=back)
    return day, day, True


_Handler = Callable[[re.Match[str], str, date | None], _Result]
# Patterns in order of preference when two matches of the same length overlap.
# Each with its needle, which every match contains (see ``settle_dates``).
_HAS_YEAR = re.compile(r"\d{4}")
_HAS_MONTH = re.compile(r"(?i:" + "|".join(_MONTHS) + r")")
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, re.Pattern[str]], ...] = (
    (_RX_ISO, _numeric, _HAS_YEAR), (_RX_SLASH, _numeric, _HAS_YEAR), (_RX_DMY, _dmy, _HAS_MONTH),
    (_RX_MY, _month_year, _HAS_MONTH), (_RX_YEAR_RANGE, _year_range, _HAS_YEAR),
    (_RX_AGO, _ago, re.compile(r"(?i:hace)")), (_RX_UNIT, _unit, re.compile(r"(?i:semana|mes|año)")),
    (_RX_DAYWORD, _dayword, re.compile(r"(?i:ayer|hoy|anoche|antier|esta)")),
    (_RX_WEEKDAY, _weekday, re.compile(r"(?i:" + _WEEKDAY + r")")),
    (_RX_MONTH, _month_alone, _HAS_MONTH), (_RX_YEAR, _year_prep, _HAS_YEAR),
)


# =========================================================================== public API


def find_dates(text: str, *, published: date | None) -> list[DateMatch]:
    """Finds the Spanish date expressions in a text and resolves each to an interval.

    Overlapping candidates are settled by length (the longer phrase wins, so
    "martes 27 de junio" beats "martes"), then by pattern order.

    Args:
        text: Any text; offsets in the result point into it.
        published: The publication date, the anchor for relative and yearless
            phrases. When None, only fully absolute dates are returned.

    Returns:
        Non-overlapping matches sorted by ``start``. Never raises on any text.

    Example:
        >>> [m.surface for m in find_dates("El martes, la policía informó.", published=date(2017, 6, 28))]
        ['martes']
    """
    return settle_dates(_PATTERNS, text, published)
