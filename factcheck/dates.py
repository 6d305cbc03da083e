"""Date expressions in article text, resolved to inclusive date intervals.

This module owns the reading of event dates: it finds phrases such as
"June 27, 2017", "27 June", "July 2017", "in 2015", "Monday", "last week" or
"six months ago" in a text and turns each into an inclusive ``[low, high]``
interval of ``datetime.date``. It reads only the text and, for relative and
yearless phrases, the article's publication date (the anchor). It returns
``DateMatch`` records whose ``start``/``end`` are offsets into the text passed in,
taken at the regex match, so ``text[start:end] == surface`` always holds. Without
a publication date, only fully absolute dates are returned. Clock times,
durations ("for six months") and the modal verb "may" are not dates. Nothing here
raises on arbitrary input.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .lang.en import EVENT_NOUNS

__all__ = ["DateMatch", "find_dates", "resolve_date"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text.

    Attributes:
        start: Offset of the first character of ``surface`` in the text.
        end: Offset just past the last character of ``surface``.
        surface: The matched characters, ``text[start:end]``. Leading
            prepositions ("on", "in") are left out; modifiers that change the
            meaning ("last Monday", "early 2015") are kept.
        low: First day of the event-date interval (inclusive).
        high: Last day of the event-date interval (inclusive).
        relative: True when the interval was resolved against the publication
            date ("Monday", "27 June", "last year").
    """

    start: int
    end: int
    surface: str
    low: date
    high: date
    relative: bool

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"DateMatch.start: expected 0 <= start < end, found {self.start}..{self.end}")
        if len(self.surface) != self.end - self.start:
            raise ValueError(
                f"DateMatch.surface: expected {self.end - self.start} characters, found {len(self.surface)}"
            )
        if self.low > self.high:
            raise ValueError(f"DateMatch.low: expected low <= high, found {self.low} > {self.high}")


# --------------------------------------------------------------------------- lexicons

# Month names, case-sensitive (capitalised) so "march" and "may" the verbs stay out.
_MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    # Abbreviations, only ever accepted next to a day or a year ("Jan. 5", "Sept 2017").
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

_WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6,
}

# Counts in "N days ago"; a pair is (fewest, most) units back.
_COUNTS: dict[str, tuple[int, int]] = {
    "a": (1, 1), "an": (1, 1), "one": (1, 1), "two": (2, 2), "three": (3, 3), "four": (4, 4),
    "five": (5, 5), "six": (6, 6), "seven": (7, 7), "eight": (8, 8), "nine": (9, 9),
    "ten": (10, 10), "eleven": (11, 11), "twelve": (12, 12), "fifteen": (15, 15), "twenty": (20, 20),
    "a couple of": (2, 2),  # "a couple of weeks ago"
    "a few": (2, 5),  # "a few days ago": deliberately wide, a few is vague
    "few": (2, 5),  # "few years ago" (headline style)
    "several": (3, 9),  # "several months ago"
}

# A capitalised word that turns a weekday into a named day, not a recent one:
# "Good Friday", "Black Friday", "Bloody Sunday" (1972), "Super Tuesday".
_NAMED_DAY_PREFIXES = frozenset(
    {"good", "black", "cyber", "bloody", "ash", "holy", "maundy", "super", "easter", "palm", "shrove", "giving"}
)

# Words before "of" that make "of 2015" a year ("the summer of 2015", "the end of 2015", "the riots
# of 2011"); any other "of 2015" is read as a count ("a crowd of 2015").
_OF_YEAR_HEADS = frozenset(
    {
        "spring", "summer", "autumn", "fall", "winter", "end", "start", "beginning", "middle",
        "half", "quarter", "rest", "course", "remainder", "class", "part", "months", "month", "year",
        *EVENT_NOUNS, *(f"{n}s" for n in EVENT_NOUNS),
    }
)

# Lowest and highest year accepted after each preposition. "by" and "of" are also
# used with counts ("rose by 1500", "a crowd of 1500"), so they get a tighter range.
_PREP_YEAR_RANGE: dict[str, tuple[int, int]] = {
    "in": (1000, 2199), "since": (1000, 2199), "during": (1000, 2199), "until": (1000, 2199),
    "till": (1000, 2199), "through": (1000, 2199), "before": (1000, 2199), "after": (1000, 2199),
    "from": (1800, 2199),  # "from 1300" is more often a 24-hour clock than the 14th century
    "of": (1900, 2199), "by": (1900, 2199),
}

# --------------------------------------------------------------------------- regex parts

# A full month name, or an abbreviation with an optional dot: "June", "Jun.", "Sept".
_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
# A full month name other than "May" (month alone; "May" needs a day or year beside it).
_MONTH_NO_MAY = (
    r"(?P<month>January|February|March|April|June|July|August|September|October|November|December)\b"
)
# An optional leading weekday that travels with a calendar date: "Monday, June 26", "Tuesday 27 June".
_PRE_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?"
# A day of the month, optional ordinal suffix, optional same-month range: "27", "1st", "27-28".
_DAY = (
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?:\s*[-\u2013]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?!\d)"
)
# A four-digit year that is not the start of a longer number: "2017" but not "2017,5" or "20175".
_YEAR = r"(?P<year>\d{4})(?!\d|[.,:]\d)"
# Modifiers that narrow a month or year in words only; the interval stays whole ("early 2015").
_PART = r"(?:(?i:early|late|mid)[\s-]+)?"
# What may follow a bare year and make it a count, a clock time or a percentage instead:
# "in 2000 cases", "by 1900 GMT", "of 2015 per cent".
_NOT_YEAR_FOLLOWERS = (
    r"(?!\s*(?:%|[-\u2013]\d|(?i:per\s?cent|percent|gmt|utc|bst|est|edt|cet|cest|ist|pst|pdt|hours?|hrs|h)\b"
    r"|local\s+time|(?i:people|persons|residents|civilians|soldiers|troops|police|officers|protesters"
    r"|demonstrators|votes|voters|cases|deaths|dead|jobs|workers|members|homes|houses|families|children"
    r"|students|refugees|migrants|patients|metres|meters|kilometres|kilometers|km|miles|feet|tonnes|tons"
    r"|barrels|dollars|euros|pounds|points|times|units|signatures|years|days|more|others)\b))"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


# ISO dates: "2017-06-27", "2017/06/27"; "2017-06-27T13:00" keeps its date part.
_RX_ISO = _rx(r"(?<![\w/-])(?P<s>(?P<year>\d{4})(?P<sep>[-/])(?P<mon>\d{2})(?P=sep)(?P<day>\d{2}))(?!\d|[-/]\d)")
# Month, day, year: "June 27, 2017", "Monday, June 26, 2017", "Jan. 5 2019", "June 27-28, 2017".
_RX_MDY = _rx(rf"(?P<s>{_PRE_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR})")
# Day, month, year: "27 June 2017", "1st May 2019", "the 5th of May, 2019", "27-28 June 2017".
_RX_DMY = _rx(rf"(?<![\d.,])(?P<s>{_PRE_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})")
# Month and year: "July 2017", "May 2019", "early June 2016", "Sept. 2018".
_RX_MY = _rx(rf"(?P<s>{_PART}{_MONTH},?\s+{_YEAR}){_NOT_YEAR_FOLLOWERS}")
# Month and day, no year: "July 30", "July 30th", "Monday, June 26"; not "June 3.5" or "May 5%".
_RX_MD = _rx(rf"(?P<s>{_PRE_WEEKDAY}{_MONTH}\s+{_DAY})(?![.,:]\d|\s*%|\s*(?i:per\s?cent|percent)\b)")
# Day and month, no year: "27 June", "5 July", "the 1st of May"; not "240,5 June".
_RX_DM = _rx(rf"(?<![\d.,])(?P<s>{_PRE_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH})")
# A month on its own after a preposition or with a modifier: "in December", "last March", "mid-July".
_RX_MONTH = _rx(
    rf"(?:\b(?P<pre>(?i:in|since|during|by|until|till|through|from|before|after|of))\s+)?"
    rf"(?P<s>(?:(?P<mod>(?i:last|this|next|early|late|mid))[\s-]+)?{_MONTH_NO_MAY})"
)
# A year range after a preposition: "from 2015 to 2017", "between 2015 and 2017", "in 2015-16".
_RX_YEAR_RANGE = _rx(
    r"\b(?P<pre>(?i:from|between|in|during|since|of))\s+"
    r"(?P<s>(?P<year>\d{4})\s*(?:[-\u2013/]|\s(?i:to|and)\s)\s*(?P<year2>\d{4}|\d{2}))(?!\d|[.,:]\d)"
)
# A bare year after a preposition: "in 2015", "since 2009", "by 2030", "in late 2015", "the summer of 2015".
_RX_YEAR = _rx(
    rf"\b(?P<pre>(?i:in|since|during|by|until|till|through|from|before|after|of))\s+(?:(?i:the\s+year)\s+)?"
    rf"(?<![\d.,])(?P<s>{_PART}{_YEAR}){_NOT_YEAR_FOLLOWERS}"
)
# A possessive year, which is never a count: "2015's election".
_RX_YEAR_POSS = _rx(r"(?<![\w.,])(?P<s>(?P<year>\d{4}))(?=['\u2019]s\b)")
# A decade: "the 1990s", "the early 2000s".
_RX_DECADE = _rx(rf"(?<![\w.,])(?P<s>{_PART}(?P<decade>1\d{{2}}0|20\d0)s)\b")
# Named days around publication: "yesterday", "today", "last night", "this morning".
_RX_DAYWORD = _rx(
    r"\b(?P<s>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)))\b"
)
# Calendar units around publication: "last week", "earlier this year", "next month", "the past year".
_RX_UNIT = _rx(
    r"\b(?P<s>(?P<rel>(?i:earlier\s+this|later\s+this|this\s+past|last|this|next|past))\s+"
    r"(?P<unit>(?i:week|weekend|month|year)))\b(?![-\u2013]\w)"
)
# "the weekend" / "over the weekend": the weekend on or just before publication.
_RX_WEEKEND = _rx(r"\b(?i:over|at|during|on)\s+(?P<s>(?i:the\s+weekend))\b")
# Counted units back: "six months ago", "2 years ago", "a couple of weeks ago", "hours ago".
_RX_AGO = _rx(
    r"\b(?P<s>(?:(?P<n>\d{1,3}|(?i:a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|fifteen|twenty|few|several))\s+)?"
    r"(?P<unit>(?i:minute|hour|day|week|month|year|decade))s?\s+(?i:ago))\b"
)
# A weekday, optionally "last"/"next"/"this", optionally a part of day: "Monday", "Tuesday night", "last Friday".
_RX_WEEKDAY = _rx(
    r"\b(?P<s>(?:(?P<mod>(?i:this\s+past|last|next|this))\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?)"
)

# --------------------------------------------------------------------------- date helpers


def _month_last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_last(year, month)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _latest_day_month(month: int, day: int, published: date) -> date | None:
    """Latest ``month``/``day`` on or before ``published`` (Feb 29 looks back to a leap year)."""
    for year in range(published.year, published.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def _latest_month(month: int, published: date, *, strict: bool) -> tuple[int, int]:
    """Latest year/month with this month on or before (strictly before) the publication month."""
    year = published.year
    if month > published.month or (strict and month == published.month):
        year -= 1
    return year, month


def _day_in(year: int, month: int, day: int | None) -> date | None:
    if day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- handlers

# A handler takes the match, the whole text and the publication date and returns
# (low, high, relative), or None when the match is not a date after all.
_Result = tuple[date, date, bool] | None
_Handler = Callable[[re.Match[str], str, date | None], _Result]


def _month_of(m: re.Match[str]) -> int:
    return _MONTHS[m.group("month").rstrip(".")]


def _days(m: re.Match[str], year: int, month: int) -> tuple[date, date] | None:
    low = _day_in(year, month, int(m.group("day")))
    high = _day_in(year, month, int(m.group("day2"))) if m.group("day2") else low
    if low is None or high is None or high < low:
        return None
    return low, high


def _full_date(m: re.Match[str], text: str, published: date | None) -> _Result:
    span = _days(m, int(m.group("year")), _month_of(m))
    return None if span is None else (span[0], span[1], False)


def _iso(m: re.Match[str], text: str, published: date | None) -> _Result:
    day = _day_in(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return None if day is None else (day, day, False)


def _month_year(m: re.Match[str], text: str, published: date | None) -> _Result:
    year = int(m.group("year"))
    if year < 1000:
        return None
    low, high = _month_span(year, _month_of(m))
    return low, high, False


def _yearless(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    month = _month_of(m)
    first = int(m.group("day"))
    last = int(m.group("day2")) if m.group("day2") else first
    if last < first:
        return None
    # The range's last day anchors the year, so "30-31 December" read on 31 December is this year's.
    end = _latest_day_month(month, last, published)
    if end is None:
        return None
    start = _day_in(end.year, month, first)
    return None if start is None else (start, end, True)


def _month_alone(m: re.Match[str], text: str, published: date | None) -> _Result:
    mod = (m.group("mod") or "").lower()
    pre = (m.group("pre") or "").lower()
    if published is None or not (mod or pre):
        return None
    if pre == "of" and not mod and _word_before(text, m.start("pre")) not in _OF_YEAR_HEADS:
        return None  # "the Ides of March", "a man of August bearing"
    month = _month_of(m)
    if mod == "next":
        year = published.year + (1 if month <= published.month else 0)
    else:
        year, month = _latest_month(month, published, strict=mod == "last")
    low, high = _month_span(year, month)
    return low, high, True


def _word_before(text: str, index: int) -> str:
    """The lowercased word ending just before ``index`` (skipping whitespace), or ''."""
    m = re.search(r"(\w+)\W*$", text[max(0, index - 40):index])
    return m.group(1).lower() if m else ""


def _year_prep(m: re.Match[str], text: str, published: date | None) -> _Result:
    pre = m.group("pre").lower()
    year = int(m.group("year"))
    lowest, highest = _PREP_YEAR_RANGE[pre]
    if not lowest <= year <= highest:
        return None
    if pre == "of" and _word_before(text, m.start("pre")) not in _OF_YEAR_HEADS:
        return None
    return date(year, 1, 1), date(year, 12, 31), False


def _year_range(m: re.Match[str], text: str, published: date | None) -> _Result:
    first = int(m.group("year"))
    raw = m.group("year2")
    last = (first // 100) * 100 + int(raw) if len(raw) == 2 else int(raw)
    if not (1800 <= first < last <= 2199):  # "from 1300 to 1500" is more often a clock than history
        return None
    return date(first, 1, 1), date(last, 12, 31), False


def _year_poss(m: re.Match[str], text: str, published: date | None) -> _Result:
    year = int(m.group("year"))
    if not 1000 <= year <= 2199:
        return None
    return date(year, 1, 1), date(year, 12, 31), False


def _decade(m: re.Match[str], text: str, published: date | None) -> _Result:
    start = int(m.group("decade"))
    return date(start, 1, 1), date(start + 9, 12, 31), False


def _dayword(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    word = " ".join(m.group("s").lower().split())
    if word == "yesterday":
        day = published - timedelta(days=1)
        return day, day, True
    if word == "the day before yesterday":
        day = published - timedelta(days=2)
        return day, day, True
    if word == "last night":
        # The evening before publication, possibly running past midnight.
        return published - timedelta(days=1), published, True
    return published, published, True


def _unit(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel == "last" and text[max(0, m.start() - 4):m.start()].lower() == "the ":
        rel = "past"  # "in the last year" is the past twelve months, not the previous calendar year
    if rel == "this past":
        rel = "last"
    if rel == "past":
        back = {"week": 7, "weekend": 7, "month": 31, "year": 366}[unit]
        return published - timedelta(days=back), published, True
    if unit == "week":
        monday, sunday = _week_span(published)
        spans = {
            "last": (monday - timedelta(days=7), sunday - timedelta(days=7)),
            "this": (monday, sunday),
            "next": (monday + timedelta(days=7), sunday + timedelta(days=7)),
            "earlier this": (monday, published),
            "later this": (published, sunday),
        }
        low, high = spans[rel]
    elif unit == "weekend":
        monday, _ = _week_span(published)
        saturday = monday + timedelta(days=5)
        offset = {"last": -7, "next": 7}.get(rel, 0)
        low, high = saturday + timedelta(days=offset), saturday + timedelta(days=offset + 1)
    elif unit == "month":
        year, month = published.year, published.month
        spans = {
            "last": _month_span(*_shift_month(year, month, -1)),
            "this": _month_span(year, month),
            "next": _month_span(*_shift_month(year, month, 1)),
            "earlier this": (date(year, month, 1), published),
            "later this": (published, _month_last(year, month)),
        }
        low, high = spans[rel]
    else:
        year = published.year
        spans = {
            "last": (date(year - 1, 1, 1), date(year - 1, 12, 31)),
            "this": (date(year, 1, 1), date(year, 12, 31)),
            "next": (date(year + 1, 1, 1), date(year + 1, 12, 31)),
            "earlier this": (date(year, 1, 1), published),
            "later this": (published, date(year, 12, 31)),
        }
        low, high = spans[rel]
    return low, high, True


def _weekend(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    # The latest Saturday on or before publication, and the Sunday after it.
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return saturday, saturday + timedelta(days=1), True


def _ago(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    unit = m.group("unit").lower()
    raw = m.group("n")
    if unit in ("minute", "hour"):
        return published - timedelta(days=1), published, True
    if raw is None:
        return None  # "months ago" with no count is too vague to place
    key = " ".join(raw.lower().split())
    fewest, most = (int(key), int(key)) if key.isdigit() else _COUNTS[key]
    if unit == "day":
        return published - timedelta(days=most), published - timedelta(days=fewest), True
    if unit == "week":
        low = _week_span(published - timedelta(weeks=most))[0]
        high = _week_span(published - timedelta(weeks=fewest))[1]
        return low, high, True
    if unit == "month":
        low = _month_span(*_shift_month(published.year, published.month, -most))[0]
        high = _month_span(*_shift_month(published.year, published.month, -fewest))[1]
        return low, high, True
    step = 10 if unit == "decade" else 1
    return date(published.year - most * step, 1, 1), date(published.year - fewest * step, 12, 31), True


# A future-tense marker right before a weekday: "would reopen the bridge on Monday", "will meet on
# Friday", "is due to arrive on Sunday". Lower case only ("Will Smith" is a name); "would have"
# looks back; "was due to" / "were set to" tell of a plan made in the past.
_RX_FUTURE = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?:\b(?:will|would|shall|won[’']t|wouldn[’']t)\b(?!\s+have\b)|[’']ll\b"
    r"|\b(?:due|set|expected|scheduled|going|planning|plans|intends)\s+to\b)"
)
# Words after the marker that end its reach: a clause boundary ("the fire, which broke out on
# Monday", "the crash, in which a bus hit a wall on Monday") or a verb in the past ("families who
# will be paid buried their dead on Monday").
_FUTURE_STOPS = {"which", "who", "whom", "whose", "that", "where", "when", "while", "after", "before",
                 "since", "because", "as", "was", "were", "had", "has", "have", "did"}
FUTURE_WORDS = 10  # at most this many words between the marker and the weekday


def _is_future(text: str, index: int) -> bool:
    """True when the words just before ``index`` look ahead ("it would reopen the bridge on Monday")."""
    before = text[max(0, index - 120):index]
    before = re.split(r"[.!?;:\n]\s", before)[-1]
    markers = list(_RX_FUTURE.finditer(before))
    if not markers:
        return False
    tail = before[markers[-1].end():]
    if "," in tail or "—" in tail or " - " in tail:
        return False
    words = re.findall(r"[\w’']+", tail.lower())
    if len(words) > FUTURE_WORDS:
        return False
    passive = False
    for w in words:
        if w in _FUTURE_STOPS:
            return False
        if w in ("be", "been", "being"):
            passive = True  # "would be delayed until Monday", "will be formally opened"
        elif passive and w.endswith("ly"):
            continue
        elif passive:
            passive = False  # the participle itself
        elif w.endswith("ed") and not w.endswith("eed") and len(w) > 3:
            return False  # a verb in the past ("buried"), but not "need"
    return True


def _weekday(m: re.Match[str], text: str, published: date | None) -> _Result:
    if published is None:
        return None
    if _word_before(text, m.start()) in _NAMED_DAY_PREFIXES and not m.group("mod"):
        return None  # "Good Friday", "Bloody Sunday": named days, not the latest such weekday
    target = _WEEKDAYS[m.group("wd")]
    mod = " ".join((m.group("mod") or "").lower().split())
    if mod == "next":
        day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    elif not mod and not re.match(r"[’']s\b", text[m.end():]) and _is_future(text, m.start()):
        # (a possessive "Monday's attack" names an event that has happened)
        day = published + timedelta(days=(target - published.weekday()) % 7)  # today at the earliest
    else:
        back = (published.weekday() - target) % 7
        if mod in ("last", "this past") and back == 0:
            back = 7  # "last Monday" said on a Monday is a week ago
        day = published - timedelta(days=back)
    return day, day, True


# Needles: what every match of a pattern contains, so a text without it skips that pattern
# (most sentences hold no date). tests/test_dates.py checks each pattern never matches without its needle.
_HAS_YEAR = re.compile(r"\d{4}")
_HAS_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")

# Patterns in order of preference when two matches of the same length overlap: (regex, handler, needle).
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, re.Pattern[str]], ...] = (
    (_RX_ISO, _iso, _HAS_YEAR),
    (_RX_MDY, _full_date, _HAS_MONTH),
    (_RX_DMY, _full_date, _HAS_MONTH),
    (_RX_MY, _month_year, _HAS_MONTH),
    (_RX_YEAR_RANGE, _year_range, _HAS_YEAR),
    (_RX_DECADE, _decade, _HAS_YEAR),
    (_RX_MD, _yearless, _HAS_MONTH),
    (_RX_DM, _yearless, _HAS_MONTH),
    (_RX_AGO, _ago, re.compile(r"(?i:ago)")),
    (_RX_UNIT, _unit, re.compile(r"(?i:week|month|year)")),
    (_RX_DAYWORD, _dayword, re.compile(r"(?i:yesterday|today|tonight|night|this)")),
    (_RX_WEEKEND, _weekend, re.compile(r"(?i:weekend)")),
    (_RX_WEEKDAY, _weekday, re.compile(r"day")),
    (_RX_MONTH, _month_alone, _HAS_MONTH),
    (_RX_YEAR, _year_prep, _HAS_YEAR),
    (_RX_YEAR_POSS, _year_poss, _HAS_YEAR),
)


# --------------------------------------------------------------------------- public API


def find_dates(text: str, *, published: date | None) -> list[DateMatch]:
    """Find the date expressions in a text and resolve each to an interval.

    Overlapping candidates are settled by length (the longer phrase wins, so
    "Monday, June 26, 2017" beats "Monday"), then by pattern order.

    Args:
        text: Any text; offsets in the result point into it.
        published: The article's publication date, the anchor for relative and
            yearless phrases. When None, only fully absolute dates are returned.

    Returns:
        Non-overlapping matches sorted by ``start``. Never raises on any text.

    Example:
        >>> [m.surface for m in find_dates("On Monday, police said.", published=date(2017, 6, 28))]
        ['Monday']
    """
    return settle_dates(_PATTERNS, text, published)


def settle_dates(patterns, text: str, published: date | None) -> list[DateMatch]:
    """Run (regex, handler, needle) date patterns over a text and keep the longest non-overlapping
    matches, then the earlier pattern: the engine every language's date reader shares. A pattern
    whose needle (a regex every match of it contains) is not in the text is skipped."""
    if not isinstance(text, str) or not text:
        return []
    candidates: list[tuple[int, int, int, date, date, bool]] = []
    found: dict[re.Pattern[str], bool] = {}
    for rank, (regex, handler, needle) in enumerate(patterns):
        if needle not in found:
            found[needle] = needle.search(text) is not None
        if not found[needle]:
            continue
        for m in regex.finditer(text):
            try:
                result = handler(m, text, published)
            except (ValueError, OverflowError, KeyError):
                continue  # out-of-range arithmetic near date.min/max, or a day that does not exist
            if result is None:
                continue
            start, end = m.span("s")
            if start < end and result[0] <= result[1]:
                candidates.append((start, end, rank, *result))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    # Chosen spans kept sorted by start; being disjoint, their ends are sorted too,
    # so a candidate only needs checking against its two neighbours.
    starts: list[int] = []
    chosen: list[tuple[int, int, int, date, date, bool]] = []
    for cand in candidates:
        i = bisect.bisect_left(starts, cand[0])
        if i > 0 and chosen[i - 1][1] > cand[0]:
            continue
        if i < len(chosen) and chosen[i][0] < cand[1]:
            continue
        starts.insert(i, cand[0])
        chosen.insert(i, cand)
    return [
        DateMatch(start=s, end=e, surface=text[s:e], low=low, high=high, relative=rel)
        for s, e, _, low, high, rel in chosen
    ]


def resolve_date(surface: str, *, published: date | None) -> tuple[date, date] | None:
    """Resolve one date phrase to an inclusive interval.

    Args:
        surface: A short phrase such as "on Monday", "27 June" or "July 2017".
        published: The publication date for relative and yearless phrases.

    Returns:
        ``(low, high)`` when the phrase holds exactly one date expression,
        otherwise None (no date, or several).

    Example:
        >>> resolve_date("July 2017", published=None)
        (datetime.date(2017, 7, 1), datetime.date(2017, 7, 31))
    """
    matches = find_dates(surface, published=published)
    if len(matches) != 1:
        return None
    return matches[0].low, matches[0].high
