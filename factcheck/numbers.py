"""Numeric figures in text: find them, and read each one as an interval.

This module owns the reading of stated quantities: digits ("2,177", "1.03
million"), number words ("Fifty-seven", "a hundred and two"), vague quantities
("dozens", "a couple hundred", read through a named, switchable
:class:`VaguePolicy`), qualifiers ("at least", "nearly", "as many as"), ranges
("between 30 and 35"), alternatives ("50 or 59"), zeros ("no one"), units
normalised to a base unit ("80 km" -> 80000 m) and the numbers that are not
counts at all (clock times, years, ages, names such as "Article 350"). It reads
plain text (an article's full text or a short phrase) and returns
:class:`FigureMatch` records holding a :class:`~factcheck.records.Figure` plus the
character offsets of the match in that same text, taken from this module's own
regex matches. Pure Python: regular expressions plus ``text2num`` for spans of
number words; no model is loaded. Calendar dates are left to ``dates.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from text_to_num import text2num

from factcheck.records import Figure

__all__ = [
    "DEFAULT_POLICY",
    "POLICIES",
    "FigureMatch",
    "VaguePolicy",
    "find_figures",
    "get_policy",
    "parse_figure",
]

ROLES = ("count", "measure", "money", "percent", "time", "year", "age", "name",
         "conversion", "zero")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure found in a text, with where it was found.

    Attributes:
        start: Offset of the match in the text passed to :func:`find_figures`.
        end: End offset (exclusive); ``text[start:end] == surface``.
        surface: The matched text, qualifier words included ("at least 59").
        figure: The interval the surface states.
        role: "count", "measure", "money", "percent", "time", "year", "age",
            "name", "conversion" or "zero".
        number_start: Start of the last numeral inside the span ("35" in
            "between 30 and 35", "1.03 million" in "$1.03 million"): the
            numeral a noun would attach to.
        number_end: End of that numeral.
    """

    start: int
    end: int
    surface: str
    figure: Figure
    role: str
    number_start: int
    number_end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"FigureMatch.start: expected 0 <= start < end, "
                             f"found {self.start}..{self.end}")
        if len(self.surface) != self.end - self.start:
            raise ValueError(f"FigureMatch.surface: length {len(self.surface)} does "
                             f"not match {self.start}..{self.end}")
        if not self.start <= self.number_start < self.number_end <= self.end:
            raise ValueError(f"FigureMatch.number_start: expected a span inside "
                             f"{self.start}..{self.end}, found "
                             f"{self.number_start}..{self.number_end}")
        if self.role not in ROLES:
            raise ValueError(f"FigureMatch.role: expected one of {ROLES}, "
                             f"found {self.role!r}")


@dataclass(frozen=True, slots=True)
class VaguePolicy:
    """How vague quantities ("dozens", "several") become intervals.

    Attributes:
        name: Short name, the key in :data:`POLICIES`.
        description: Where the numbers come from, in one sentence.
        table: Vague term (lower case, single spaces, e.g. "a few dozen") ->
            (low, high); ``high`` is ``None`` when unbounded ("many").
    """

    name: str
    description: str
    table: Mapping[str, tuple[float, float | None]]


# --------------------------------------------------------------------------- policies

# Multipliers that combine with a scale word: "a few" + "hundred" = "a few hundred".
_MULTIPLIER_TERMS = ("a few", "several", "a couple")
# Scale words a multiplier can precede, with their value.
_SCALE_TERMS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
                "billion": 1_000_000_000}


def _with_compounds(base: dict[str, tuple[float, float | None]],
                    overrides: dict[str, tuple[float, float | None]] | None = None,
                    ) -> Mapping[str, tuple[float, float | None]]:
    """Adds "<multiplier> <scale>" entries (multiplier interval x scale) to a table."""
    table = dict(base)
    for mult in _MULTIPLIER_TERMS:
        low, high = base[mult]
        for scale, factor in _SCALE_TERMS.items():
            table[f"{mult} {scale}"] = (low * factor,
                                        None if high is None else high * factor)
    for plural in ("hundreds", "thousands", "millions"):
        table[f"many {plural}"] = base[plural]   # "many thousands" reads as "thousands"
    table.update(overrides or {})
    return MappingProxyType(table)


_CONSERVATIVE = {
    "a couple": (2, 3),                       # "a couple of injured"
    "a few": (2, 5),                          # "a few protesters"
    "a handful": (2, 5),                      # "a handful of soldiers"
    "several": (3, 9),                        # "several people"
    "many": (3, None),                        # "many were hurt": low end, no ceiling
    "numerous": (3, None),                    # "numerous arrests"
    "tens": (10, 99),                         # "tens of people" (ACLED: 10)
    "dozens": (12, 99),                       # "dozens killed" (ACLED: 12)
    "scores": (20, 199),                      # "scores of homes"
    "hundreds": (100, 999),                   # "hundreds fled" (ACLED: 100)
    "thousands": (1_000, 9_999),              # "thousands marched"
    "tens of thousands": (10_000, 99_999),    # "tens of thousands displaced"
    "hundreds of thousands": (100_000, 999_999),
    "millions": (1_000_000, 999_999_999),     # "millions watched"
    "tens of millions": (10_000_000, 99_999_999),
    "hundreds of millions": (100_000_000, 999_999_999),
    "billions": (1_000_000_000, 999_999_999_999),
}

_CROWD = {
    "a couple": (2, 3),
    "a few": (3, 5),
    "a handful": (3, 6),
    "several": (4, 9),
    "many": (10, None),
    "numerous": (10, None),
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),                   # crowd counters read "hundreds" as 200
    "thousands": (2_000, 9_999),              # ... and "thousands" as 2,000
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}

POLICIES: dict[str, VaguePolicy] = {
    "conservative": VaguePolicy(
        name="conservative",
        description=("ACLED-style low end: tens=10, dozens=12, hundreds=100; "
                     "several/many start at the smallest plausible count."),
        table=_with_compounds(_CONSERVATIVE),
    ),
    "crowd": VaguePolicy(
        name="crowd",
        description=("Crowd-count style: hundreds=200, thousands=2,000, dozens=24; "
                     "each plural scale starts at two of its unit."),
        table=_with_compounds(_CROWD),
    ),
}
DEFAULT_POLICY = "conservative"


def get_policy(name: str) -> VaguePolicy:
    """Returns the vague-quantity policy registered under ``name``.

    Args:
        name: A key of :data:`POLICIES`, e.g. "conservative" or "crowd".

    Returns:
        The policy.

    Raises:
        ValueError: ``name`` is not a known policy; the message lists the valid names.
    """
    try:
        return POLICIES[name]
    except (KeyError, TypeError):
        valid = ", ".join(sorted(POLICIES))
        raise ValueError(f"unknown vague policy {name!r}; expected one of: {valid}") from None


# --------------------------------------------------------------------------- lexicons

# ISO 4217 codes read before or after a number: "USD 5 million", "5 million EUR".
_ISO_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "AUD", "CAD",
              "ILS", "UAH", "TRY")

# Month names, case-sensitive so that "may" the verb is not a month: "June", "Sept."
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")

# Cardinal words text2num reads: "one" .. "nineteen", "twenty" .. "ninety", scales.
_UNIT_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALE_WORDS = "hundred thousand million billion trillion".split()
_NUMWORD = r"(?:" + "|".join(_TENS_WORDS + _UNIT_WORDS + _SCALE_WORDS) + r")\b"

# A run of number words: "thirty-six", "Thirty two", "a hundred and two", "two million".
# "and" only joins inside a run ("two hundred and fifty"); text2num later rejects
# runs that are not one number ("thirty and forty") and the longest valid prefix
# is kept. Hyphenated ordinals and fractions ("twenty-first", "two-thirds") are out.
_WORDS = (r"\b(?<!one\sby\s)(?<!two\sby\s)(?:a\s+(?=(?:hundred|thousand|million|billion)\b))?" + _NUMWORD +
          r"(?:(?:\s+and\s+|\s*-\s*|\s+)" + _NUMWORD + r"){0,15}"   # bounded: linear scan
          r"(?!-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
          r"thirds?|quarters?|halves|half|fifths|sixths|eighths|tenths)\b)"
          r"(?!\s+(?:first|third|fourth|fifth|sixth|seventh|eighth|ninth|thirds?|quarters|"
          r"halves|fifths|sixths|eighths|tenths|half|quarter)\b)")   # "two thirds", "one half"

# Hyphenated idioms whose number is not a quantity: "one-off", "one-sided",
# "two-state solution", "five-star hotel", "three-way talks".
_IDIOM = (r"(?!-(?:off|offs|sided|way|time|timer|on-one|star|state|party|fold|liner|point|"
          r"shot|stop|size|sized|handed|piece|horse|nil)\b)"
          r"(?!\s+(?:by\s+one|another)\b)")   # "one by one", "one another"
_WORDS += _IDIOM

# Digits with optional thousands separators and decimals: "2,177", "1.03", "240,000".
# Not inside a word or another number ("M4", "3.2.1"), not an ordinal ("5th").
# Nor a relay or multiplier ("4x100m"), nor the mantissa of scientific notation ("1e9").
# Also Indian grouping ("12,34,567": two-digit groups before the last three) and thin or
# plain spaces between groups of three ("1 414 021 100", "40\u202f000"), but not "423 0000".
_DIGITS = (r"(?<![\w.,])(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"
           r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?![ \u00a0\u202f]\d)"
           r"|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
           r"(?!\d)(?![.,]\d)(?!(?:st|nd|rd|th)\b)(?![x×]\d)(?![eE][+-]?\d)" + _IDIOM)

# Fixed phrases with a value of their own: "a dozen" -> 12, and a fraction of a scale word:
# "half a million", "a half million", "half million", "a quarter of a million",
# "three quarters of a billion", "half a dozen", "half a lakh".
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75}
_SCALE_WORD_VALUES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "lakh": 1e5,
                      "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12}
_SPECIAL = (r"\b(?:a\s+dozen"
            r"|(?:an?\s+)?(?:half|quarter|three\s+quarters)(?:\s+of)?(?:\s+an?)?\s+"
            r"(?:" + "|".join(_SCALE_WORD_VALUES) + r"))\b")

# Vague quantities; each key of a policy table. Longest first so "tens of thousands"
# wins over "tens". "tens", "scores" and "a couple" need "of" after them ("tens of
# people"), since "scores" and "couple" are also ordinary nouns.
_VAGUE = (
    r"\b(?:hundreds\s+of\s+thousands"          # "hundreds of thousands fled"
    r"|tens\s+of\s+thousands"                  # "tens of thousands displaced"
    r"|hundreds\s+of\s+millions"               # "hundreds of millions of dollars"
    r"|tens\s+of\s+millions"                   # "tens of millions"
    r"|(?:a\s+few|several|a\s+couple(?:\s+of)?)\s+"
    r"(?:dozen|hundred|thousand|million|billion)(?!s)"  # "a few dozen", "a couple hundred"
    r"|many\s+(?:hundreds|thousands|millions)"  # "many thousands"
    r"|a\s+few"                                # "a few protesters"
    r"|several"                                # "several people"
    r"|a\s+handful"                            # "a handful of soldiers"
    r"|a\s+couple(?=\s+of\b)"                  # "a couple of injured"
    r"|(?<![Hh]ow\s)(?<![Aa]s\s)many"          # "many were hurt" (not "how many", "as many as")
    r"|numerous"                               # "numerous arrests"
    r"|dozens"                                 # "dozens killed"
    r"|scores(?=\s+(?:of|more|others|dead|died|killed|injured|wounded|hurt)\b)"  # "scores of homes",
    # "scores more were taken to hospital", "scores dead" (not a match's "scores")
    r"|hundreds"                               # "hundreds fled"
    r"|thousands"                              # "thousands marched"
    r"|millions"                               # "millions watched"
    r"|billions"                               # "billions of dollars"
    r"|tens(?=\s+of\b)"                        # "tens of people"
    r")\b"
)

# Zero words: "no one", "nobody", "none", "zero", and "no" as a determiner
# ("no deaths", "No injuries"), not "no longer", "no more than", "no doubt".
_ZERO = (r"\b(?:[Nn]o[-\s]one|[Nn]obody|[Nn]one|[Zz]ero|ZERO|NONE)\b"
         r"|(?<!for\s)(?<!to\s)\b[Nn][ao]ught\b(?!\s+point\b)"   # "nought", not "for naught"
         r"|\b[Nn]o\b(?=\s+(?!(?:longer|more|less|fewer|matter|sooner|later|way|"
         r"doubt|further|one|such)\b)[^\W\d_])")

# Clock times: "2.15pm", "10 a.m.", "13:00", "15:00 UTC".
_TIME = (r"(?<![\w.:,])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:[ap]\.m\.|[ap]m|[AP]M|[ap]\.m)"
         r"(?!\w)(?:\s+(?:UTC|GMT|BST|CET|CEST|EST|EDT|CST|PST|PDT|local\s+time))?"
         r"|(?<![\w.:,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)(?!:\d)"
         r"(?:\s?(?:[ap]\.m\.|[ap]m|[AP]M)(?!\w))?"
         r"(?:\s+(?:UTC|GMT|BST|CET|CEST|EST|EDT|CST|PST|PDT|local\s+time))?"
         r"|(?<![\w.:,])(?:[01]?\d|2[0-3])\s+o'clock\b")

# Alphanumeric designations: "AK-103", "F-16", "COVID-19", "M4", "G20", "MH17";
# "No. 5", "#5". Prefixes like "Mid-2015" or "Under-21" are not designations.
_CODE = (r"\b(?!(?:Mid|Pre|Post|Late|Early|Top|Under|Over|Anti|Non|Ex|Circa|Some|About|"
         r"Around|Nearly|Almost|Up)-)[A-Z][A-Za-z]{0,5}-\d+[A-Za-z]*\b"
         r"|\b[A-Z]{1,4}\d+[A-Za-z]?\b"
         r"|\b[Nn]o\.\s?\d+\b|(?<![\w#])#\d+\b")

# Spans that are neither figures nor ours: calendar dates ("June 27", "27 June",
# "1st May", "2015-06-27", "27/06/2015"), fractions and slashes ("1/3", "24/7"),
# ratios ("3:1").
_SKIP = (r"\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?(?!\d)"
         r"|(?<![\w.,])\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
         r"\s+(?:of\s+)?" + _MONTH +
         r"|(?<![\w.,])\d{4}-\d{2}-\d{2}\b"
         r"|(?<![\w.,])\d+(?:/\d+)+\b"
         # Codes and phone numbers: three or more digit groups joined by "-./"
         # ("+1-222-2222/2222", "192.168.1.2", "555-123-4567"), a "+" and spaced groups.
         r"|(?<![\w.,+])\+?\d+(?:[-./]\d+){2,}(?!\d)"
         r"|(?<![\w.,+])\+\d{1,3}(?:[-.\s]\d{2,5})+(?!\d)"
         r"|(?<![\w.,:])\d+:\d(?!\d)")

# The scanner's entry points, in priority order at one position.
_START = re.compile(
    "(?P<skip>" + _SKIP + ")"
    "|(?P<time>" + _TIME + ")"
    "|(?P<code>" + _CODE + ")"
    "|(?P<zero>" + _ZERO + ")"
    "|(?P<num>(?:" + r"(?:US\$|AU\$|CA\$|HK\$|NZ\$|A\$|C\$|S\$|\$|€|£|¥|₹|₽|"
    + "|".join(_ISO_CODES) + r")\s?(?=\d)"
    "|(?i:" + _VAGUE + ")|(?i:" + _SPECIAL + ")|" + _DIGITS + "|(?i:" + _WORDS + ")))"
)

_VAGUE_RE = re.compile(_VAGUE, re.IGNORECASE)
_TIME_RE = re.compile(_TIME)
_SPECIAL_RE = re.compile(_SPECIAL, re.IGNORECASE)
_DIGITS_RE = re.compile(_DIGITS)
_WORDS_RE = re.compile(_WORDS, re.IGNORECASE)
_WORD_TOKEN_RE = re.compile(r"[A-Za-z]+")

# Currency written before the number: "$5 billion", "US$3m", "€3", "£2", "EUR 40".
_CURRENCY_PREFIXES = {
    "US$": "USD",   # "US$3 million"
    "A$": "AUD",    # "A$20"
    "AU$": "AUD",   # "AU$20"
    "C$": "CAD",    # "C$15"
    "CA$": "CAD",   # "CA$15"
    "HK$": "HKD",   # "HK$100"
    "NZ$": "NZD",   # "NZ$5"
    "S$": "SGD",    # "S$5"
    "$": "USD",     # "$5 billion"
    "€": "EUR",     # "€3 million"
    "£": "GBP",     # "£2bn"
    "¥": "JPY",     # "¥500"
    "₹": "INR",     # "₹100 crore" (crore not read)
    "₽": "RUB",     # "₽40"
}
_CURRENCY_RE = re.compile(
    r"(?P<sym>US\$|AU\$|CA\$|HK\$|NZ\$|A\$|C\$|S\$|\$|€|£|¥|₹|₽)\s?(?=\d)"
    r"|(?P<iso>" + "|".join(_ISO_CODES) + r")\s?(?=\d)"      # "USD 5 million"
)

# A scale word after digits or number words: "1.03 million", "5 billion", "two dozen".
_SCALE_RE = re.compile(
    r"\s*(?P<word>million|billion|trillion|thousand|hundred|lakh|crore)\b"  # "240 thousand"
    r"|\s*(?P<dozen>dozens?|dzs?|dozs?)\b"            # "3 dozen", "3 dozens", "5 dzs"
    r"|\s?(?P<abbr>bn|mn|mln|tn|bln|tln|mil)\b"      # "£2bn", "3mn", "10 bln", "2mil"
    r"|(?-i:\s?(?P<MM>MM|M)\b)"                      # "$1MM", "10M": upper case is never metres
    r"|(?P<b>b)\b"                                   # "1.2b"
    r"|\s?(?P<k>k)\b"                                # "$50k", "2.33 k"
    r"|(?P<m>m)\b",                                  # "$5m" (else metres)
    re.IGNORECASE)
_SCALE_VALUES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3,
                 "hundred": 1e2, "lakh": 1e5, "crore": 1e7, "bn": 1e9, "mn": 1e6,
                 "mln": 1e6, "tn": 1e12, "bln": 1e9, "tln": 1e12, "mil": 1e6, "mm": 1e6,
                 "m": 1e6, "b": 1e9, "k": 1e3}
# Scale words number words can take that text2num does not read: "three lakh crore".
_WORD_SCALES = frozenset({"lakh", "crore"})
# A fraction joined to a number: "four and a half", "two and a quarter", "3 million and a
# half", "one billion and three quarters", "two million and one half".
_AND_FRACTION_RE = re.compile(
    r"\s+and\s+(?:(?:a|one)\s+(?P<f>half|quarter)|(?P<f3>three\s+quarters))\b", re.IGNORECASE)
# Decimals in words: "two hundred point zero three", "nine point nought four".
_POINT_RE = re.compile(r"\s+point\s+", re.IGNORECASE)
_DIGIT_WORDS = {"zero": "0", "nought": "0", "naught": "0", "oh": "0", "one": "1", "two": "2",
                "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9"}
_DIGIT_WORD_RE = re.compile(r"(?:" + "|".join(_DIGIT_WORDS) + r")\b", re.IGNORECASE)
# Joins one scaled part of a number to the next: "4 thousand 3 hundred and 21".
_COMPOUND_JOIN_RE = re.compile(r"\s+and\s+|\s+(?=\d)", re.IGNORECASE)
# Letters glued to digits that are neither a scale nor a unit: "180ml", "5G", "3D".
_GLUED_LETTER_RE = re.compile(r"[A-Za-z]")
# After "5m", a plural noun makes the "m" a million ("1.2m people"), except these.
_MILLION_NOUN_RE = re.compile(
    r"\s+(?!(?:hurdles|relays?|freestyle|sprints?|heats?|walls?|steps|waves)\b)"
    r"(?:people|children|voters|residents|[a-z]+s)\b")

# Units after a number, base unit and factor to it; tried in order, so the longer
# phrase comes first ("square kilometres" before "kilometres", "km/h" before "km").
_UNITS: tuple[tuple[str, str, float], ...] = (
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s?km|km2|km²", "m2", 1e6),   # "300 square kilometres"
    (r"square\s+miles?|sq\.?\s?mi(?:les?)?", "m2", 2_589_988.110336),  # "40 square miles"
    (r"square\s+met(?:er|re)s?|sq\.?\s?m|m2|m²", "m2", 1.0),          # "500 square metres"
    (r"square\s+f(?:ee|oo)t|sq\.?\s?ft", "m2", 0.09290304),           # "2,000 square feet"
    (r"hectares?|ha", "m2", 1e4),                                     # "5,000 hectares"
    (r"acres?", "m2", 4046.8564224),                                  # "12 acres"
    (r"km/h|kph|kmh|kilomet(?:er|re)s\s+(?:per|an)\s+hour", "m/s", 1000 / 3600),  # "80 km/h"
    (r"mph|miles\s+(?:per|an)\s+hour", "m/s", 0.44704),               # "70 mph"
    (r"knots?", "m/s", 1852 / 3600),                                  # "12 knots"
    (r"kilomet(?:er|re)s?|kms?", "m", 1000.0),                        # "80 kilometers", "80km"
    (r"nautical\s+miles?", "m", 1852.0),                              # "12 nautical miles"
    (r"miles?", "m", 1609.344),                                       # "50 miles"
    (r"centimet(?:er|re)s?|cm", "m", 0.01),                           # "30 cm"
    (r"millimet(?:er|re)s?|mm", "m", 0.001),                          # "155mm" (shells)
    (r"met(?:er|re)s?|m", "m", 1.0),                                  # "5 metres", "100m"
    (r"feet|foot|ft", "m", 0.3048),                                   # "30 feet"
    (r"yards?|yds?", "m", 0.9144),                                    # "100 yards"
    (r"inch(?:es)?", "m", 0.0254),                                    # "6 inches"
    (r"seconds?|secs?", "s", 1.0),                                    # "30 seconds"
    (r"minutes?|mins?", "s", 60.0),                                   # "forty five minutes"
    (r"hours?|hrs?|h", "s", 3600.0),                                  # "48-hour", "3 hours", "24h"
    (r"days?", "s", 86_400.0),                                        # "three days"
    (r"weeks?", "s", 604_800.0),                                      # "two weeks"
    (r"months?", "s", 2_592_000.0),                                   # "six months" (30 days)
    (r"years?|yrs?", "s", 31_536_000.0),                              # "10 years" (365 days)
    (r"decades?", "s", 315_360_000.0),                                # "two decades"
    (r"kilogram(?:me)?s?|kilos?|kgs?", "kg", 1.0),                    # "20 kg"
    (r"metric\s+tons?|tonnes?|tons?", "kg", 1000.0),                  # "5,000 tonnes"
    (r"grams?|grammes?", "kg", 0.001),                                # "500 grams"
    (r"pounds?\s+sterling|sterling", "GBP", 1.0),                     # "5 million pounds sterling"
    (r"pounds?|lbs?", "kg", 0.45359237),                              # "200 pounds" (GBP if money cue)
    (r"%|per\s?cent|percent|percentage\s+points?", "%", 1.0),         # "5%", "12 per cent"
    (r"magnitude", "magnitude", 1.0),                                 # "a 7.8 magnitude quake"
    (r"°\s?C|degrees?\s+(?:Celsius|centigrade|C\b)|(?<=\d)(?-i:C)", "°C", 1.0),  # "45C", "45 °C"
    (r"°\s?F|degrees?\s+(?:Fahrenheit|F\b)|(?<=\d)(?-i:F)", "°F", 1.0),     # "110F" (not converted)
    (r"(?:US\s+|U\.S\.\s+|American\s+)?dollars?", "USD", 1.0),        # "5 million dollars"
    (r"euros?", "EUR", 1.0),                                          # "3 million euros"
    (r"yen", "JPY", 1.0),                                             # "500 yen"
    (r"yuan|renminbi", "CNY", 1.0),                                   # "10 billion yuan"
    (r"rupees?", "INR", 1.0),                                         # "500 rupees"
    (r"r[ou]bles?", "RUB", 1.0),                                      # "40 roubles"
    (r"shekels?", "ILS", 1.0),                                        # "100 shekels"
    (r"hryvnias?", "UAH", 1.0),                                       # "100 hryvnias"
)
_UNIT_RES = tuple((re.compile(r"(?i:" + pat + r")(?![\w²])"), base, factor)
                  for pat, base, factor in _UNITS)
# ISO codes after the number are upper case only: "5 million USD".
_ISO_UNIT_RE = re.compile(r"(?:" + "|".join(_ISO_CODES) + r")\b")
# Between a number and its unit: "80 km", "80km", "48-hour"; "of" only after vague
# or scaled plurals ("millions of dollars", "dozens of kilometres").
_UNIT_SEP_RE = re.compile(r"\s?-\s?|\s*")
_UNIT_OF_SEP_RE = re.compile(r"\s+of\s+")
_MONEY_UNITS = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "AUD",
                          "CAD", "ILS", "UAH", "TRY", "HKD", "NZD", "SGD"})
# Words before a number that make "pounds" money: "fined 500 pounds".
_MONEY_CUE_RE = re.compile(r"(?i)\b(?:fined?|fines|cost|costs|paid|pay|pays|worth|price|"
                           r"priced|salary|wages?|compensation|raised|spent|spend|budget|"
                           r"funding|donated|loan|fee|fees|bill|award(?:ed)?)\b")

# Qualifiers before a number, normalised. Matched as the longest phrase ending right
# before the number, so "no more than" wins over "more than".
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"(?:greater|more|higher|bigger|larger)\s+(?:than\s+)?or\s+equal\s+(?:to|than)"
     r"|equal\s+to\s+or\s+(?:greater|more|higher|bigger|larger)\s+than"
     r"|at\s+least\s+or\s+equal\s+to", "at least"),       # "greater than or equal to 50"
    (r"(?:less|fewer|smaller|lower)\s+(?:than\s+)?or\s+equal\s+(?:to|than)"
     r"|equal\s+to\s+or\s+(?:less|fewer|smaller|lower)\s+than", "up to"),  # "less or equal than 35"
    (r"at\s+least", "at least"),                          # "at least 59"
    (r"no\s+fewer\s+than", "at least"),                   # "no fewer than 12"
    (r"no\s+less\s+than", "at least"),                    # "no less than 40 km"
    (r"not\s+(?:less|fewer)\s+than", "at least"),         # "not less than 30"
    (r"a\s+minimum\s+of", "at least"),                    # "a minimum of 30"
    (r"(?:well\s+|just\s+|slightly\s+)?(?:more|greater|larger|bigger|higher)\s+than",
     "more than"),                                        # "more than 200", "larger than 10"
    (r"exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?", "more than"),  # "exceeding 150"
    (r"(?:well\s+|just\s+|slightly\s+)?(?:over|above)", "more than"),  # "over 1,000"
    (r"upwards\s+of", "more than"),                       # "upwards of 300"
    (r"in\s+excess\s+of", "more than"),                   # "in excess of $5 million"
    (r"nearly|almost|just\s+(?:under|below|shy\s+of)", "nearly"),  # "nearly 40", "just under 2,000"
    (r"about|around|some|roughly|approximately|approx\.|an?\s+estimated|estimated|"
     r"close\s+to|an\s+approximate|circa", "about"),      # "about 300", "an estimated 5,000"
    (r"as\s+(?:many|much)\s+as", "as many as"),           # "as many as 10"
    (r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of",
     "up to"),                                            # "up to 15", "no more than 20"
    (r"(?:fewer|less|smaller|lower)\s+than|under|below", "fewer than"),  # "fewer than 100"
)
_QUALIFIER_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<q{i}>{pat})" for i, (pat, _) in enumerate(_QUALIFIERS))
    + r")\s+\Z", re.IGNORECASE)
_QUALIFIER_NAMES = {f"q{i}": name for i, (_, name) in enumerate(_QUALIFIERS)}

# Qualifiers after a number: "50 or more", "20 or so", "50+", "50-plus".
# Also "500 and more", "200 or greater (than)", "18 and over", "500 or less", "5,000 or
# below", but not when "than" takes a number of its own ("5000 or more than 4500").
# "or equal (to)" after "more than 5000" closes the bound; not before a number.
# A determiner after "over"/"under" makes it a preposition: "12 and under the rubble".
_DETERMINER = r"(?:the|a|an|his|her|their|its|this|that|these|those|our)\b"
# ... nor when the comparative takes a number or phrase of its own: "above 1000 and below
# 1500", "more than 20 and less or equal than 35".
_BOUND_TAKES_NUMBER = (r"\s+than\s+[\w$€£]|\s+(?:[\d$€£]|or\b|" + _NUMWORD + r"|"
                       + _DETERMINER + r")")
_TRAIL_QUALIFIER_RE = re.compile(
    r"(?P<more>\s+(?:or|and)\s+(?:more|greater|higher|above|over)\b"
    r"(?!" + _BOUND_TAKES_NUMBER + r")(?:\s+than\b)?"
    r"|\+(?!\d)|-plus\b|\s+and\s+counting\b)"
    r"|(?P<about>\s+or\s+so\b)"
    r"|(?P<less>\s+(?:or|and)\s+(?:fewer|less|lower|below|under|smaller)\b"
    r"(?!" + _BOUND_TAKES_NUMBER + r")(?:\s+than\b)?)"
    r"|(?P<equal>\s+or\s+equal(?:\s+to)?\b(?!\s+(?:to\s+)?(?:[\d$€£]|" + _NUMWORD + r")))",
    re.IGNORECASE)

# Between two numbers: range dash ("10-15"), "to", "and" (after "between"), "or".
_CONNECTOR_RE = re.compile(
    r"(?P<dash>\s?[-–—]\s?)|(?P<to>\s+(?:to|through|thru)\s+)|(?P<and>\s+and\s+)|(?P<or>\s+or\s+)",
    re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?<![\w])between\s+\Z", re.IGNORECASE)   # "between 30 and 35"
_FROM_RE = re.compile(r"(?<![\w])from\s+\Z", re.IGNORECASE)         # "from 8 to 16"

# Ages: "36-year-old", "22 years old", "six-month-old"; "aged 40", "age 40".
_AGE_SUFFIX_RE = re.compile(
    r"(?:-|\s)(?P<unit>years?|yrs?|months?)(?:-|\s)olds?\b", re.IGNORECASE)
_AGE_PREFIX_RE = re.compile(r"(?<![\w])(?:aged|ages?)\s+\Z", re.IGNORECASE)
# Appositive ages set off by commas after a name or noun: "the man, 45, was".
_APPOSITIVE_BEFORE_RE = re.compile(r"(?<![\d,])[A-Za-z]{2,}\s*,\s*\Z")
_APPOSITIVE_AFTER_RE = re.compile(r"\s*,(?!\s*\d)")
# Appositive ages set off by commas after a name or noun: "the man, 45, was".
_APPOSITIVE_BEFORE_RE = re.compile(r"(?<![\d,])[A-Za-z]{2,}\s*,\s*\Z")
_APPOSITIVE_AFTER_RE = re.compile(r"\s*,(?!\s*\d)")
# Decades and age brackets: "the 1990s", "in their 20s".
_PLURAL_S_RE = re.compile(r"'?s\b")
_AGE_DECADE_CUE_RE = re.compile(
    r"(?i)\b(?:his|her|their|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?\Z")

# Words before a number that make it a name, case-sensitive: "Article 350",
# "Resolution 2334", "Flight 17", "Route 66", "Number 10".
_NAME_WORDS = (
    "Article|Articles|Section|Resolution|Flight|Route|Chapter|Room|Highway|Level|"
    "Category|Phase|Stage|Unit|Building|Gate|Paragraph|Rule|Proposition|Amendment|Bill|"
    "Platform|Terminal|Block|Sector|Zone|Camp|Battalion|Brigade|Division|Regiment|"
    "Squadron|Corps|Precinct|District|Ward|Channel|Apollo|Boeing|Airbus|Number|No|"
    "Item|Clause|Protocol|Annex|Decree|Directive|Regulation|Station|Line|Bus|Lane|"
    "Street|Avenue|Road|Page|Table|Figure|Vol|Volume|Episode|Season|Series|Part|Title|"
    "Grade|Class|Version|Windows|Formula|Tier|Week|Day|Match|Game|Round|Pier|Dock|"
    "Apartment|Flat|Suite|Floor|Hangar|Lot|Plot|Exit|Junction|Interstate|Operation|"
    "Act|Law|Order|Group|Team|Mark|Mk|Model|Type|Band|Hall|Gallery|Studio|Ward"
)
_NAME_BEFORE_RE = re.compile(
    r"(?<![\w])(?:S&P|FTSE|Nasdaq|DAX|Nikkei|CAC|Dow\s+Jones|Fortune)\s+\Z|"  # "FTSE 100"
    r"(?<![\w])(?:" + _NAME_WORDS + r")\.?\s+\Z"
    r"|(?<![\w])(?i:article|section|resolution|flight|route|chapter|paragraph|clause|"
    r"highway|platform|terminal|room|gate|category)\s+\Z")

# Words before a four-digit number that make it a year: "in 2015", "since 1990".
_YEAR_BEFORE_RE = re.compile(
    r"(?i)(?<![\w])(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|"
    r"year|summer|spring|autumn|fall|winter|circa|through|to|and|or|between|the|"
    r"than|fiscal|election|season|class|vintage|model)\s+\Z"
    r"|(?<![\w])(?:mid|pre|post)-\Z"
    r"|" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\Z"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\Z")
# A word after a four-digit number that makes it a count: "2000 people", "1900 troops".
_COUNT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:(?!(?:this|was|has|is|its|his|hers|thus|plus|less|across|unless|always|"
    r"perhaps|as|us|news|series|process|congress|status|crisis|campus|census|"
    r"olympics|games|elections|protests?)\b)[a-z]{2,}s|people|police|personnel|staff|"
    r"children|men|women|cattle|militia|infantry)\b")

# "magnitude 7.8" names its unit before the number.
_UNIT_BEFORE_RE = re.compile(r"(?i)(?<![\w])magnitude(?:\s+of)?\s+\Z")
# Ratios: "1 in 5 voters", "one in every ten" -> a percentage.
_RATIO_RE = re.compile(r"(?i)\s+in\s+(?:every\s+)?")

# Conversions: a measure right after another, in parentheses: "80 kilometers (50 miles)".
_CONVERSION_GAP_RE = re.compile(r"\s*\(\s*\Z")

_MAX_VALUE = 1e18          # larger values are digit noise, not figures
_MAX_WORD_TOKENS = 16      # longest run of number words handed to text2num


# --------------------------------------------------------------------------- internals


@dataclass(slots=True)
class _Num:
    """A numeral read at one position: digits, number words, vague or special."""

    start: int          # includes a currency prefix if any
    num_start: int      # the numeral itself, currency excluded
    end: int            # after any scale word
    low: float
    high: float | None
    base: float         # value before the scale word ("3" in "3 million")
    scale: float        # 1 when no scale word
    kind: str           # "digits" | "words" | "vague" | "special"
    raw: str            # the numeral's text
    currency: str | None = None
    vague_term: str | None = None

    @property
    def exact(self) -> bool:
        return self.kind != "vague"


@dataclass(slots=True)
class _Unit:
    end: int
    base: str
    factor: float


def _finite(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= _MAX_VALUE


def _clean(value: float) -> float:
    """Rounds away float noise from unit factors (0.3048 * 100 -> 30.48)."""
    if not math.isfinite(value):
        return value
    rounded = round(value, 9)
    return float(int(rounded)) if rounded == int(rounded) else rounded


def _text2num(words: list[str]) -> float:
    """text2num, extended to "trillion" ("twenty-one trillion and three hundred")."""
    if "trillion" in words:
        at = len(words) - 1 - words[::-1].index("trillion")
        left, right = words[:at] or ["one"], words[at + 1:]
        if right[:1] == ["and"]:
            right = right[1:]
        return _text2num(left) * 1e12 + (_text2num(right) if right else 0.0)
    return float(text2num(" ".join(words), "en"))


def _read_words(text: str, pos: int) -> tuple[int, float] | None:
    """Reads the longest run of number words at ``pos`` that text2num accepts."""
    m = _WORDS_RE.match(text, pos)
    if not m:
        return None
    tokens = list(_WORD_TOKEN_RE.finditer(m.group()))[:_MAX_WORD_TOKENS]
    for j in range(len(tokens), 0, -1):
        words = [t.group().lower() for t in tokens[:j]]
        if words[-1] in ("and", "a"):
            continue
        if words[0] == "a":
            words[0] = "one"   # "a hundred and two" -> "one hundred and two"
        try:
            value = _text2num(words)
        except (ValueError, TypeError, IndexError, KeyError):
            continue
        return pos + tokens[j - 1].end(), value
    return None


def _vague_key(surface: str) -> str:
    key = " ".join(surface.lower().split())
    return key.replace("a couple of ", "a couple ")


def _vague_interval(key: str, policy: VaguePolicy) -> tuple[float, float | None]:
    if key in policy.table:
        return policy.table[key]
    return POLICIES[DEFAULT_POLICY].table[key]


def _read_special(text: str, pos: int) -> _Num | None:
    """Reads "a dozen" or a fraction of a scale word ("half a million") at ``pos``."""
    sm = _SPECIAL_RE.match(text, pos)
    if not sm:
        return None
    words = sm.group().lower().split()
    if words[-1] == "dozen" and words[0] == "a":
        value = 12.0
    else:
        frac = 0.75 if "three" in words else 0.5 if "half" in words else 0.25
        value = frac * _SCALE_WORD_VALUES[words[-1]]
    return _Num(pos, pos, sm.end(), value, value, value, 1.0, "special", sm.group())


def _read_point(text: str, end: int) -> tuple[int, str] | None:
    """Reads the decimals of "two hundred point zero three" after ``end``: (end, "03")."""
    pm = _POINT_RE.match(text, end)
    if not pm:
        return None
    at, digits = pm.end(), ""
    while dm := _DIGIT_WORD_RE.match(text, at):   # "zero three", "nought four"
        digits += _DIGIT_WORDS[dm.group().lower()]
        gap = re.compile(r"\s+").match(text, dm.end())
        if not gap or not _DIGIT_WORD_RE.match(text, gap.end()):
            return dm.end(), digits
        at = gap.end()
    words = _read_words(text, at)                  # "point seventy-one"
    if words is None or not float(words[1]).is_integer():
        return None
    return words[0], str(int(words[1]))


def _read_scale(text: str, end: int, kind: str, currency: str | None,
                fraction: bool) -> tuple[int, float]:
    """Reads the scale after a numeral ("million", "bn", "k", "lakh crore"): (end, scale)."""
    scale = 1.0
    while sc := _SCALE_RE.match(text, end):
        group = sc.lastgroup
        name = sc.group(group).lower()
        if group == "word" and (kind == "digits" or fraction or name in _WORD_SCALES
                                or scale > 1):
            step = _SCALE_VALUES[name]
        elif group == "dozen":
            step = 12.0
        elif group in ("abbr", "MM", "b", "k") and kind == "digits" and scale == 1:
            step = _SCALE_VALUES[name]
        elif group == "m" and kind == "digits" and scale == 1 and (
                currency is not None or _MILLION_NOUN_RE.match(text, sc.end())):
            step = 1e6
        else:
            break
        if scale > 1 and step <= scale:
            break   # "lakh crore" chains upwards only
        scale *= step
        end = sc.end()
    return end, scale


def _read_fraction(text: str, end: int) -> tuple[int, float] | None:
    """Reads "and a half" ("and three quarters") after ``end``: (end, 0.5)."""
    fm = _AND_FRACTION_RE.match(text, end)
    if not fm:
        return None
    return fm.end(), 0.75 if fm.group("f3") else _FRACTIONS[fm.group("f").lower()]


def _read_numeral(text: str, pos: int, currency: str | None,
                  ) -> tuple[int, float, float, str] | None:
    """Reads digits or words with decimals, fraction and scale: (end, value, scale, kind).

    ``value * scale`` is the number: "2.5 million" -> (…, 2.5, 1e6, "digits").
    """
    dm = _DIGITS_RE.match(text, pos)
    if dm:
        kind, end = "digits", dm.end()
        value = float(re.sub(r"[,\s\u00a0\u202f]", "", dm.group()))
    elif currency is None and (words := _read_words(text, pos)) is not None:
        kind, (end, value) = "words", words
        point = _read_point(text, end)
        if point:
            end, value = point[0], float(f"{int(value)}.{point[1]}")
    else:
        return None
    own_scale = _trailing_scale(text[pos:end]) if kind == "words" else 1.0
    frac = _read_fraction(text, end) if own_scale < 1e5 else None
    if frac:    # "four and a half hours", "two and a half million"
        end, value = frac[0], value + frac[1]
    end, scale = _read_scale(text, end, kind, currency, frac is not None)
    big = scale if scale > 1 else own_scale
    frac = _read_fraction(text, end) if big >= 1e5 else None
    if frac:    # "3 million and a half", "one billion and a half million"
        end, f_scale = _read_scale(text, frac[0], "digits", None, True)
        value += frac[1] * (f_scale if f_scale > 1 else big) / (scale if scale > 1 else 1.0)
    return end, value, scale, kind


def _trailing_scale(raw: str) -> float:
    """The scale word a run of number words ends on: "one million" -> 1e6, else 1."""
    words = raw.lower().split()
    return float(_SCALE_WORD_VALUES.get(words[-1], 1)) if words else 1.0


def _read_compound(text: str, end: int, value: float, scale: float,
                   ) -> tuple[int, float]:
    """Adds smaller scaled parts to a scaled number: "4 thousand 3 hundred and 21"."""
    total, last = value * scale, scale
    while last >= 100 and (jm := _COMPOUND_JOIN_RE.match(text, end)):
        part = _read_numeral(text, jm.end(), None)
        if part is None:
            break
        p_end, p_value, p_scale, _ = part
        p_total = p_value * p_scale
        if not 0 < p_total < last or ("and" not in jm.group().lower() and p_scale == 1):
            break
        total, last, end = total + p_total, (p_scale if p_scale > 1 else 1.0), p_end
    return end, total


def _read_number(text: str, pos: int, policy: VaguePolicy) -> _Num | None:
    """Reads [currency] numeral [scale] anchored at ``pos``."""
    start = pos
    currency = None
    cm = _CURRENCY_RE.match(text, pos)
    if cm:
        currency = _CURRENCY_PREFIXES.get(cm.group("sym") or "", cm.group("iso"))
        pos = cm.end()
    if currency is None:
        vm = _VAGUE_RE.match(text, pos)
        if vm:
            key = _vague_key(vm.group())
            low, high = _vague_interval(key, policy)
            return _Num(start, pos, vm.end(), low, high, low, 1.0, "vague", vm.group(),
                        None, key)
        special = _read_special(text, pos)
        if special:
            return special
    read = _read_numeral(text, pos, currency)
    if read is None:
        return None
    end, value, scale, kind = read
    raw_end = _numeral_end(text, pos)
    total = value * scale
    sm = _SCALE_RE.match(text, raw_end)
    if (scale >= 100 and sm is not None and sm.lastgroup == "word"
            and not _BETWEEN_RE.search(text, max(0, start - 60), start)):
        end, total = _read_compound(text, end, value, scale)   # "3 hundred and 21"
    if not (_finite(value) and _finite(total)):
        return None
    return _Num(start, pos, end, total, total, value, scale, kind, text[pos:raw_end],
                currency)


def _numeral_end(text: str, pos: int) -> int:
    """End of the bare digits or words at ``pos`` (before any scale)."""
    dm = _DIGITS_RE.match(text, pos)
    if dm:
        return dm.end()
    words = _read_words(text, pos)
    return words[0] if words else pos


def _read_unit(text: str, pos: int, *, allow_of: bool) -> _Unit | None:
    """Reads a unit right after a number: "80 km", "48-hour", "millions of dollars"."""
    seps = [_UNIT_SEP_RE.match(text, pos)]
    if allow_of:
        seps.insert(0, _UNIT_OF_SEP_RE.match(text, pos))
    for sep in seps:
        if sep is None:
            continue
        at = sep.end()
        im = _ISO_UNIT_RE.match(text, at)
        if im and sep.group() and "-" not in sep.group():
            return _Unit(im.end(), im.group(), 1.0)
        for regex, base, factor in _UNIT_RES:
            um = regex.match(text, at)
            if um:
                if base == "kg" and um.group().lower().startswith("pound") and \
                        _MONEY_CUE_RE.search(text, max(0, pos - 60), pos):
                    return _Unit(um.end(), "GBP", 1.0)
                if base in _MONEY_UNITS and "-" in sep.group():
                    break   # "5-dollar" bills are rare; "-euro" mostly adjectives
                return _Unit(um.end(), base, factor)
    return None


def _floor(value: float) -> float:
    """floor() that ignores float noise: 0.9 * 70 is 63, not 62."""
    return float(math.floor(round(value, 9)))


def _ceil(value: float) -> float:
    """ceil() that ignores float noise: 1.1 * 50 is 55, not 56."""
    return float(math.ceil(round(value, 9)))


def _qualify(qualifier: str, low: float, high: float | None, *, count: bool,
             ) -> tuple[float, float | None]:
    """Applies a normalised qualifier to an interval (see the module's semantics)."""
    integral = count and float(low).is_integer() and (high is None or float(high).is_integer())
    top = low if high is None else high
    if qualifier == "at least":
        return low, None
    if qualifier == "more than":
        return (low + 1 if integral else low), None
    if qualifier == "nearly":
        if high is None:
            return _floor(0.9 * low) if integral else 0.9 * low, None
        if integral and top >= 2:
            return _floor(0.9 * low), top - 1
        return min(0.9 * low, top), top
    if qualifier == "about":
        if integral:
            return _floor(0.9 * low), None if high is None else _ceil(1.1 * high)
        return 0.9 * low, None if high is None else 1.1 * high
    if qualifier == "as many as":
        if high is None:
            return (1 if integral else 0), None
        return (min(1, top) if integral else 0), top
    if qualifier == "up to":
        return 0, high
    if qualifier == "fewer than":
        if high is None:
            return 0, None
        return 0, (top - 1 if integral and top >= 1 else top)
    return low, high


def _prev_window(text: str, start: int, floor: int, width: int = 60) -> tuple[int, int]:
    return max(floor, start - width), start


def _make(text: str, start: int, end: int, figure: Figure, role: str,
          num_start: int, num_end: int) -> FigureMatch:
    return FigureMatch(start, end, text[start:end], figure, role, num_start, num_end)


def _clock_seconds(surface: str, hour_only: str | None = None) -> tuple[float, int] | None:
    """Seconds since midnight of a clock time ("2.15pm" -> 51300) and the digits' end.

    ``hour_only`` reads a bare hour ("2" in "between 2 and 3pm") with the am/pm of
    the time it pairs with.
    """
    hm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?", hour_only or surface)
    if not hm:
        return None
    hour, minute = int(hm.group(1)), int(hm.group(2) or 0)
    second = int(hm.group(3) or 0)
    low = surface.lower()
    if re.search(r"p\.?m", low) and hour < 12:
        hour += 12
    elif re.search(r"a\.?m", low) and hour == 12:
        hour = 0
    return float(hour * 3600 + minute * 60 + second), hm.end()


def _time_match(text: str, m: re.Match[str]) -> FigureMatch | None:
    read = _clock_seconds(m.group())
    if read is None:
        return None
    value, digits_end = read
    return _make(text, m.start(), m.end(), Figure(value, value, "exact", "s"), "time",
                 m.start(), m.start() + digits_end)


def _code_match(text: str, m: re.Match[str]) -> FigureMatch | None:
    digits = list(re.finditer(r"\d+", m.group()))
    if not digits:
        return None
    last = digits[-1]
    value = float(last.group())
    return _make(text, m.start(), m.end(), Figure(value, value), "name",
                 m.start() + last.start(), m.start() + last.end())


def _zero_match(text: str, m: re.Match[str]) -> FigureMatch:
    return _make(text, m.start(), m.end(), Figure(0, 0), "zero", m.start(), m.end())


# "one" as a pronoun: "the one", "which one", "each one", "the only one", "a new one";
# not "another one", which in news mostly counts one more person ("another one was hurt").
_PRONOUN_ONE_BEFORE_RE = re.compile(
    r"(?i)(?<![\w])(?:the|which|whichever|each|every|any|"
    r"(?:the|a|an)\s+(?:only|last|next|same|other|right|wrong|new|old|big|small|latest|"
    r"different|better|best|good|bad))\s+\Z")
# After "this one"/"that one" a verb or pronoun, not a noun: "That one is good", "this one
# you", versus "said that one person died".
_DEMONSTRATIVE_BEFORE_RE = re.compile(r"(?i)(?<![\w])(?:this|that)\s+\Z")
_PRONOUN_ONE_AFTER_RE = re.compile(
    r"(?i)\s*(?:[.,;:!?)]|\Z|(?:is|was|are|were|has|had|have|will|would|can|could|should|"
    r"may|might|must|did|does|do|you|i|he|she|we|they|it|that|which|who|seems|looks)\b)")
_WORD_END_RE = re.compile(r"\w*")


def _is_pronoun_one(text: str, n: _Num, floor: int) -> bool:
    """Whether the numeral is the pronoun "one" ("Which one do you prefer?")."""
    if n.kind != "words" or n.raw.lower() != "one" or n.end != n.num_start + 3:
        return False
    if text[n.end:n.end + 1] == "-":
        return False   # "the one-year anniversary"
    window = _prev_window(text, n.num_start, floor, 30)
    if _PRONOUN_ONE_BEFORE_RE.search(text, *window):
        return True
    return bool(_DEMONSTRATIVE_BEFORE_RE.search(text, *window)
                and _PRONOUN_ONE_AFTER_RE.match(text, n.end))


def _age_match(text: str, n1: _Num, am: re.Match[str], floor: int) -> FigureMatch:
    """An age ("36-year-old", "more than thirty years old"), with a leading qualifier."""
    age = n1.low / 12 if am.group("unit").lower().startswith("month") else n1.low
    low: float = _clean(age)
    high: float | None = low
    start, qualifier = n1.start, "exact"
    qm = _QUALIFIER_RE.search(text, *_prev_window(text, n1.start, floor))
    if qm and " " in am.group():   # "more than thirty years old", not "over 30-year-olds"
        qualifier = _QUALIFIER_NAMES[qm.lastgroup]
        low, high = _qualify(qualifier, low, high, count=True)
        start = qm.start()
    return _make(text, start, am.end(), Figure(low, high, qualifier), "age",
                 n1.num_start, n1.end)


def _is_year_like(n: _Num) -> bool:
    return (n.kind == "digits" and n.currency is None and n.scale == 1.0
            and re.fullmatch(r"\d{4}", n.raw) is not None and 1800 <= n.low <= 2100)


@dataclass(frozen=True, slots=True)
class _Second:
    """What follows the first number: a second number joined by a connector, or a whole range."""

    range_start: int                  # "between", "from" or the first number
    num: _Num | None = None           # the second number, if one joins the first
    unit: _Unit | None = None         # its unit
    kind: str | None = None           # the connector: "and", "dash", "to" or "or"
    done: tuple[FigureMatch, int] | None = None   # a clock-time or season range, read whole


@dataclass(frozen=True, slots=True)
class _Reading:
    """A figure read up to its qualifiers: its values, its unit and where it lies."""

    low: float
    high: float | None
    qualifier: str
    alternatives: tuple[float, ...]
    vague: bool
    paired: bool                      # two numbers: a range or alternatives
    unit: _Unit | None
    currency: str | None
    range_start: int
    end: int
    num_start: int
    num_end: int


@dataclass(frozen=True, slots=True)
class _Qualifiers:
    """The qualifiers around a figure: "more than 50", "50 or more"."""

    lead: str | None
    trailing: str | None
    start: int      # the leading qualifier's start, else the range's
    end: int        # after the trailing qualifier when it stays in the figure


def _number_match(text: str, pos: int, floor: int, policy: VaguePolicy,
                  ) -> tuple[FigureMatch | None, int]:
    """Reads one figure whose numeral starts at ``pos``; returns it and where to go on."""
    n1 = _read_number(text, pos, policy)
    if n1 is None:
        return None, pos + 1
    if _is_pronoun_one(text, n1, floor):
        return None, n1.end
    special = _special_form_match(text, n1, floor)
    if special is not None:
        return special

    n1, u1 = _read_ratio(text, n1, policy)
    # Units and ranges.
    if u1 is None:
        u1 = _read_unit(text, n1.end, allow_of=n1.kind == "vague" or n1.scale > 1)
    if u1 is None and n1.kind == "digits" and _GLUED_LETTER_RE.match(text, n1.end):
        return None, _WORD_END_RE.match(text, n1.end).end()   # "180ml", "5G": not a figure
    if u1 is None and n1.exact and _UNIT_BEFORE_RE.search(
            text, *_prev_window(text, n1.start, floor, 20)):
        u1 = _Unit(n1.end, "magnitude", 1.0)
    after1 = u1.end if u1 else n1.end
    second = _read_second(text, n1, u1, after1=after1, floor=floor, policy=policy)
    if second.done is not None:
        return second.done

    n2 = second.num
    if n2 is not None:
        n1 = _share_scale(n1, n2)
        reading = _pair_reading(n1, n2, u1, second)
        # A year range: "between 2010 and 2015", "from 2010 to 2015", "2010-2015".
        if (_is_year_like(n1) and _is_year_like(n2) and reading.unit is None
                and second.kind != "or"):
            end = reading.end
            return _make(text, second.range_start, end,
                         Figure(reading.low, reading.high, "range"), "year",
                         reading.num_start, reading.num_end), end
    else:
        reading = _single_reading(n1, u1, after1, second.range_start)
    qualifiers = _read_qualifiers(text, reading, floor)
    return _assemble(text, n1, reading, qualifiers, floor=floor)


def _special_form_match(text: str, n1: _Num, floor: int,
                        ) -> tuple[FigureMatch | None, int] | None:
    """Reads the forms taken before any range: ages, decades, appositive ages, names."""
    # Ages come first: "-year" in "36-year-old" is not a duration.
    if n1.exact and n1.currency is None:
        am = _AGE_SUFFIX_RE.match(text, n1.end)
        if am:
            return _age_match(text, n1, am, floor), am.end()

    # Decades and age brackets: "the 1990s", "in their 20s".
    if n1.kind == "digits" and n1.scale == 1.0 and n1.currency is None:
        pm = _PLURAL_S_RE.match(text, n1.end)
        if pm:
            if _is_year_like(n1) and n1.low % 10 == 0:
                return _make(text, n1.start, pm.end(), Figure(n1.low, n1.low + 9, "range"),
                             "year", n1.num_start, n1.end), pm.end()
            if re.fullmatch(r"[1-9]0", n1.raw) and _AGE_DECADE_CUE_RE.search(
                    text, *_prev_window(text, n1.start, floor)):
                return _make(text, n1.start, pm.end(), Figure(n1.low, n1.low + 9, "range"),
                             "age", n1.num_start, n1.end), pm.end()
            return None, pm.end()

    # Appositive ages: "John Smith, 45, was arrested".
    if (n1.kind == "digits" and re.fullmatch(r"\d{1,3}", n1.raw) and 1 <= n1.low <= 120
            and _APPOSITIVE_AFTER_RE.match(text, n1.end)
            and _APPOSITIVE_BEFORE_RE.search(text, *_prev_window(text, n1.start, floor, 30))):
        return _make(text, n1.start, n1.end, Figure(n1.low, n1.low), "age",
                     n1.num_start, n1.end), n1.end

    # Names: "Article 350", "Flight 17", "Boeing 737".
    if n1.kind == "digits" and n1.currency is None and n1.scale == 1.0 and "." not in n1.raw:
        nm = _NAME_BEFORE_RE.search(text, *_prev_window(text, n1.start, floor, 30))
        if nm:
            return _make(text, nm.start(), n1.end, Figure(n1.low, n1.low), "name",
                         n1.num_start, n1.end), n1.end
    return None


def _read_ratio(text: str, n1: _Num, policy: VaguePolicy) -> tuple[_Num, _Unit | None]:
    """Reads a ratio after the first number ("1 in 5") as a percentage, with its unit."""
    # Ratios: "1 in 5" is 20 per cent.
    rm = _RATIO_RE.match(text, n1.end) if n1.exact and n1.currency is None else None
    if rm:
        per = _read_number(text, rm.end(), policy)
        if (per is not None and per.exact and per.currency is None
                and 0 < n1.low <= per.low and per.kind != "special"):
            pct = _clean(100 * n1.low / per.low)
            n1 = _Num(n1.start, per.num_start, per.end, pct, pct, pct, 1.0, "ratio",
                      text[n1.num_start:per.end])
            return n1, _Unit(per.end, "%", 1.0)
    return n1, None


def _read_second(text: str, n1: _Num, u1: _Unit | None, *, after1: int, floor: int,
                 policy: VaguePolicy) -> _Second:
    """Reads what follows the first number: a second number of a range or alternative."""
    trail = _TRAIL_QUALIFIER_RE.match(text, after1)
    cm = None if trail else _CONNECTOR_RE.match(text, after1)
    done, cm = _read_hour_range(text, n1, u1, cm, floor=floor)
    if done is not None:
        return _Second(n1.start, done=done)
    if cm and n1.exact:
        return _read_connected(text, n1, u1, cm, floor=floor, policy=policy)
    return _Second(n1.start)


def _read_hour_range(text: str, n1: _Num, u1: _Unit | None, cm: re.Match[str] | None, *,
                     floor: int,
                     ) -> tuple[tuple[FigureMatch, int] | None, re.Match[str] | None]:
    """Reads a range of hours sharing one am/pm ("2-4pm"); returns it and the connector left."""
    tm2 = _TIME_RE.match(text, cm.end()) if cm and cm.lastgroup != "or" else None
    if (tm2 and n1.kind == "digits" and re.fullmatch(r"\d{1,2}", n1.raw)
            and 1 <= n1.low <= 12 and u1 is None):
        # "between 2 and 3pm", "2-4pm": the first hour shares the am/pm.
        t1 = _clock_seconds(tm2.group(), hour_only=n1.raw)
        t2 = _clock_seconds(tm2.group())
        if t1 is not None and t2 is not None and t1[0] < t2[0]:
            bm = _BETWEEN_RE.search(text, *_prev_window(text, n1.start, floor))
            fm = _FROM_RE.search(text, *_prev_window(text, n1.start, floor))
            start = bm.start() if bm else fm.start() if fm else n1.start
            if cm.lastgroup != "and" or bm:
                return (_make(text, start, tm2.end(), Figure(t1[0], t2[0], "range", "s"),
                              "time", tm2.start(), tm2.start() + t2[1]), tm2.end()), cm
        return None, None
    return None, cm


def _read_connected(text: str, n1: _Num, u1: _Unit | None, cm: re.Match[str], *, floor: int,
                    policy: VaguePolicy) -> _Second:
    """Reads the number after a connector ("and", "-", "to", "or") if it makes a range with n1."""
    range_start = n1.start
    cand = _read_number(text, cm.end(), policy)
    kind = cm.lastgroup
    ok = cand is not None and cand.exact
    if ok and kind == "and":
        bm = _BETWEEN_RE.search(text, *_prev_window(text, n1.start, floor))
        ok = bm is not None
        if ok:
            range_start = bm.start()
    if ok and kind == "dash" and cand is not None:
        # "2014-15": a season or fiscal year.
        if _is_year_like(n1) and re.fullmatch(r"\d{2}", cand.raw):
            century = n1.low - n1.low % 100
            full = century + cand.low
            if full > n1.low:
                end = cand.end
                return _Second(range_start, done=(
                    _make(text, n1.start, end, Figure(n1.low, full, "range"), "year",
                          cand.num_start, end), end))
        ok = cand.low > n1.low or cand.scale > n1.scale   # "3-1" is a score
    if ok and kind == "to" and cand is not None:
        fm = _FROM_RE.search(text, *_prev_window(text, n1.start, floor))
        if fm:
            range_start = fm.start()
        elif cand.low * cand.scale < n1.low * max(n1.scale, cand.scale):
            ok = False   # "52% to 48%", "won 52 to 48": a score, not a range
    if ok and cand is not None:
        cu = _read_unit(text, cand.end, allow_of=cand.scale > 1)
        if u1 and cu and (u1.base != cu.base):
            ok = False
        if ok and cand.currency and n1.currency and cand.currency != n1.currency:
            ok = False
        if ok:
            return _Second(range_start, cand, cu, kind)
    return _Second(range_start)


def _share_scale(n1: _Num, n2: _Num) -> _Num:
    """Reads the first number with the second's scale when that scale covers both."""
    # "2 to 3 million", "two or three dozen": the scale covers both numbers.
    if n2.scale > 1 and n1.scale == 1 and n1.base < n2.base and n1.kind != "special":
        n1 = _Num(n1.start, n1.num_start, n1.end, n1.low * n2.scale,
                  n1.high * n2.scale if n1.high is not None else None,
                  n1.base, n2.scale, n1.kind, n1.raw, n1.currency)
    return n1


def _pair_reading(n1: _Num, n2: _Num, u1: _Unit | None, second: _Second) -> _Reading:
    """Reads two numbers as one figure: a range ("5 to 10") or alternatives ("2 or 3")."""
    u2 = second.unit
    unit = u2 or u1
    end = u2.end if u2 else n2.end
    currency = n1.currency or n2.currency
    v1, v2 = n1.low, n2.low
    if second.kind == "or":
        alternatives: tuple[float, ...] = (v1, v2)
        low, high, qualifier = min(v1, v2), max(v1, v2), "or"
    else:
        alternatives = ()
        low, high, qualifier = min(v1, v2), max(v1, v2), "range"
    return _Reading(low, high, qualifier, alternatives, vague=False, paired=True, unit=unit,
                    currency=currency, range_start=second.range_start, end=end,
                    num_start=n2.num_start, num_end=n2.end)


def _single_reading(n1: _Num, u1: _Unit | None, after1: int, range_start: int) -> _Reading:
    """Reads one number, with its unit, as a figure."""
    return _Reading(n1.low, n1.high, "vague" if n1.kind == "vague" else "exact", (),
                    vague=n1.kind == "vague", paired=False, unit=u1, currency=n1.currency,
                    range_start=range_start, end=after1, num_start=n1.num_start,
                    num_end=n1.end)


def _read_qualifiers(text: str, reading: _Reading, floor: int) -> _Qualifiers:
    """Reads the leading and trailing qualifiers of a figure ("more than 50", "50 or more")."""
    end = reading.end
    # Trailing qualifier: "50 or more", "20 or so", "50+".
    trailing = None
    tm = _TRAIL_QUALIFIER_RE.match(text, end)
    if tm:
        trailing = {"more": "at least", "about": "about", "less": "up to",
                    "equal": "or equal"}[tm.lastgroup]
        end = tm.end()

    # Leading qualifier, ending right before the figure.
    lead = None
    qm = _QUALIFIER_RE.search(text, *_prev_window(text, reading.range_start, floor))
    if qm:
        lead = _QUALIFIER_NAMES[qm.lastgroup]
        # "run over several people", "under many": prepositions, not bounds.
        if reading.vague and re.fullmatch(
                r"(?i)(?:over|above|under|below|some|about|around)\s+", qm.group()):
            lead, qm = None, None
        # "over three days" mostly means "during": not a bound; "for over four hours" is one.
        if (lead == "more than" and reading.unit is not None and reading.unit.base == "s"
                and re.match(r"(?i)over", qm.group())
                and not re.search(r"(?i)\bfor\s+$", text[max(0, qm.start() - 8):qm.start()])):
            lead, qm = None, None
    if trailing in ("at least", "up to") and lead == "about":
        lead, qm = None, None   # "about 500 or more": the stated bound wins
    if trailing == "or equal":   # "more than 5000 or equal to": the bound is closed
        lead, trailing = _CLOSED_BOUND.get(lead or "", lead), None
        if lead not in _CLOSED_BOUND.values():
            end = tm.start()
    return _Qualifiers(lead, trailing, qm.start() if qm else reading.range_start, end)


def _assemble(text: str, n1: _Num, reading: _Reading, qualifiers: _Qualifiers, *,
              floor: int) -> tuple[FigureMatch | None, int]:
    """Assembles the figure with its base unit, role and bounds; or reads it as an age or year."""
    low, high, alternatives = reading.low, reading.high, reading.alternatives
    qualifier, end = reading.qualifier, qualifiers.end
    lead, trailing = qualifiers.lead, qualifiers.trailing
    num_start, num_end = reading.num_start, reading.num_end

    # Base unit and role.
    base_unit = None
    factor = 1.0
    if reading.currency:   # "$5 million dollars": the symbol decides, the word adds nothing
        base_unit = reading.currency
    elif reading.unit is not None:
        base_unit, factor = reading.unit.base, reading.unit.factor

    # Age prefix: "aged 40", "aged between 18 and 25".
    if base_unit is None and not reading.vague:
        ag = _AGE_PREFIX_RE.search(text, *_prev_window(text, reading.range_start, floor))
        if ag:
            age_qualifier = qualifier if reading.paired else "exact"
            if trailing is not None:   # "aged 12 and under", "aged 65 or over"
                low, high = _qualify(trailing, low, high, count=True)
                age_qualifier = trailing
            fig = Figure(low, high, age_qualifier, None, alternatives)
            return _make(text, ag.start(), end, fig, "age", num_start, num_end), end

    # Years: a bare four-digit number 1800..2100.
    if (not reading.paired and base_unit is None and lead is None and trailing is None
            and _is_year_like(n1)):
        window = _prev_window(text, n1.start, floor, 40)
        if (_YEAR_BEFORE_RE.search(text, *window)
                or not _COUNT_NOUN_AFTER_RE.match(text, n1.end)):
            return _make(text, n1.start, n1.end, Figure(n1.low, n1.low), "year",
                         n1.num_start, n1.end), n1.end

    role = _role(base_unit)
    if base_unit is not None and factor != 1.0:
        low = _clean(low * factor)
        high = None if high is None else _clean(high * factor)
        alternatives = tuple(_clean(a * factor) for a in alternatives)

    is_count = role == "count"
    for q in (trailing, lead):
        if q is not None:
            low, high = _qualify(q, low, high, count=is_count)
            qualifier = q
    low = _clean(low)
    high = None if high is None else _clean(high)
    if not _finite(low) or (high is not None and (not _finite(high) or high < low)):
        return None, end
    fig = Figure(low, high, qualifier, base_unit, alternatives, reading.vague)
    return _make(text, qualifiers.start, end, fig, role, num_start, num_end), end


def _role(base_unit: str | None) -> str:
    """Reads a figure's role from its base unit: money, percent, measure or count."""
    if base_unit in _MONEY_UNITS:
        return "money"
    if base_unit == "%":
        return "percent"
    if base_unit is not None:
        return "measure"
    return "count"


# Two bounds stated apart join into one range when only a comma, "and" or "but" is between
# them: "more than 10 and less than 40", "no more than 50 and no less than 20".
_BOUND_GAP_RE = re.compile(r"\s*(?:,\s*)?(?:(?:and|but)\s+)?\Z", re.IGNORECASE)
_LOWER_BOUNDS = frozenset({"at least", "more than"})
_UPPER_BOUNDS = frozenset({"up to", "fewer than"})


def _merge_bounds(text: str, matches: list[FigureMatch]) -> list[FigureMatch]:
    """Joins a lower and an upper bound stated apart into one range (see _BOUND_GAP_RE)."""
    out: list[FigureMatch] = []
    for match in matches:
        prev = out[-1] if out else None
        if prev is not None and prev.role == match.role and prev.role in (
                "count", "measure", "money", "percent") and _BOUND_GAP_RE.match(
                text[prev.end:match.start]) and prev.figure.unit == match.figure.unit:
            quals = {prev.figure.qualifier, match.figure.qualifier}
            lower = next((m for m in (prev, match) if m.figure.qualifier in _LOWER_BOUNDS), None)
            upper = next((m for m in (prev, match) if m.figure.qualifier in _UPPER_BOUNDS), None)
            if (lower and upper and quals & _LOWER_BOUNDS and quals & _UPPER_BOUNDS
                    and upper.figure.high is not None
                    and lower.figure.low <= upper.figure.high):
                fig = Figure(lower.figure.low, upper.figure.high, "range", match.figure.unit)
                out[-1] = _make(text, prev.start, match.end, fig, match.role,
                                match.number_start, match.number_end)
                continue
        out.append(match)
    return out


# "more than N or equal" is "at least N"; "fewer than N or equal" is "up to N".
_CLOSED_BOUND = {"more than": "at least", "fewer than": "up to"}


def _mark_conversions(text: str, matches: list[FigureMatch]) -> list[FigureMatch]:
    """Re-labels "(50 miles)" after "80 kilometers" as a conversion."""
    out: list[FigureMatch] = []
    for match in matches:
        prev = out[-1] if out else None
        if (prev is not None and prev.role in ("measure", "money", "conversion")
                and match.role in ("measure", "money")
                and (prev.figure.unit == match.figure.unit
                     or (prev.role == "money" and match.role == "money")
                     or prev.role == "conversion")
                and _CONVERSION_GAP_RE.search(text, prev.end, match.start)):
            match = FigureMatch(match.start, match.end, match.surface, match.figure,
                                "conversion", match.number_start, match.number_end)
        out.append(match)
    return out


# --------------------------------------------------------------------------- public API


def find_figures(text: str, *, policy: VaguePolicy | None = None) -> list[FigureMatch]:
    """Finds every figure in ``text``, left to right.

    Args:
        text: Any string; offsets in the result point into it.
        policy: How vague terms ("dozens") become intervals; defaults to
            ``POLICIES[DEFAULT_POLICY]``.

    Returns:
        Matches sorted by ``start`` and non-overlapping. Ordinals ("5th") and
        day numbers of calendar dates ("June 27") are not returned.

    Example:
        >>> [m.surface for m in find_figures("At least 59 people died, no one was hurt.")]
        ['At least 59', 'no one']
    """
    if not isinstance(text, str) or not text:
        return []
    policy = policy or POLICIES[DEFAULT_POLICY]
    matches: list[FigureMatch] = []
    pos = 0
    floor = 0
    length = len(text)
    while pos < length:
        m = _START.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup
        found: FigureMatch | None = None
        next_pos = max(m.end(), m.start() + 1)
        try:
            if kind == "skip":
                pass
            elif kind == "time":
                found = _time_match(text, m)
            elif kind == "code":
                found = _code_match(text, m)
            elif kind == "zero":
                found = _zero_match(text, m)
            else:
                found, next_pos = _number_match(text, m.start(), floor, policy)
                next_pos = max(next_pos, m.start() + 1)
        except (ValueError, ArithmeticError):   # a malformed figure is skipped, never raised
            found = None
        if found is not None and found.start >= floor:
            matches.append(found)
            floor = found.end
            next_pos = max(next_pos, found.end)
        pos = next_pos
    return _mark_conversions(text, _merge_bounds(text, matches))


def parse_figure(surface: str, *, policy: VaguePolicy | None = None) -> Figure | None:
    """Reads the single figure of a short phrase.

    Args:
        surface: A phrase such as "at least 59" or "between 30 and 35 people".
        policy: As for :func:`find_figures`.

    Returns:
        The figure of the longest match in the phrase, or ``None`` when it has none.

    Example:
        >>> parse_figure("a couple hundred").low
        200.0
    """
    matches = find_figures(surface, policy=policy)
    if not matches:
        return None
    return max(matches, key=lambda m: (m.end - m.start, -m.start)).figure
