"""Score factcheck's number reading against a peer's public test suite (Recognizers-Text specs).

    python benchmarks/peer_numbers.py                      # ../shared/peer-specs next to the repo
    python benchmarks/peer_numbers.py /path/to/peer-specs  # another copy of the folder
    python benchmarks/peer_numbers.py --verbose            # also list every failing case

The folder holds ``English_NumberModel.json``, ``English_NumberRangeModel.json`` and, optionally,
``Spanish_NumberModel.json`` (JSON lists read with ``utf-8-sig``). Nothing of the suite is copied
into this repository; it is read from that folder at run time.

Scoring (as in the folder's README): a case passes when every expected result is matched by a
figure of :func:`factcheck.numbers.find_figures` whose span overlaps the expected ``Text``.

- a number matches when the figure is exact: ``low == high == value``;
- a range ``"(20,35]"`` matches when a closed end equals the bound, an open low end ``(20,`` is read
  as 20 or 21 (a count "more than 20"), an open high end ``,35)`` as 35 or 34, an unbounded low end
  as 0 and an unbounded high end as ``None``;
- a case with no expected result is a no-number case: every figure found there is a false figure.

Scope rule (general, decided from each expected result, never from a case's index). A case is
out of scope when any expected result is

- *negative*: its value or a bound is below zero, or its text starts with "-", "minus", "negative";
- *a fraction below one*: a value or bound strictly between 0 and 1 ("a half", ".08", "3/4");
- *ordinal*: its text, or the word right after it in the sentence, is an ordinal or an
  ordinal-denominator fraction ("the tenth", "two thirds", "five eighths", "two millionth");
  "half" and "quarter" are not ordinals, so "two and a half million" stays in scope;
- *mathematical notation*: its text holds ``^ / < > = ~``, an exponent ("1e10", "1.3x10^6") or
  the fraction words "over", "out of", "in" between numbers ("one over three", "1 in 21");
- *a decimal comma* (English cases only): its text read with commas as thousands separators is
  not its value ("1,3" = 1.3, "5,00", "1.111,11"), a convention English news does not use;
- *part of a code*: it sits inside a run of digits joined by two or more of ``. / - +`` (an IP
  address "192.168.1.2", a date "5/17/2018", a phone number "+1-222-2222"), which factcheck is
  meant to leave alone rather than read as figures.

Spanish cases are read by :func:`factcheck.lang.es_numbers.find_figures` under the same rules, with
Spanish words: ordinals are Spanish ordinals and ordinal-denominator fractions ("tercer", "quintos",
"veintiunavos", "millonésimas", "4to", "5°"; "medio" and "cuarto" stay in scope like "half" and
"quarter"), "sobre" between numbers is notation like "over", and a run of dots that is Spanish digit
grouping ("1.234.567") is a number, not a code.

Everything else (whole numbers in digits or words, scales, suffixes, dozens, digit grouping,
decimals, lakh/crore, and all other ranges) is in scope. Out-of-scope cases are run and reported
but not counted.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.lang.es_numbers import find_figures as find_figures_es  # noqa: E402
from factcheck.numbers import FigureMatch, find_figures  # noqa: E402

DEFAULT_SPECS = ROOT.parent / "shared" / "peer-specs"
FILES = {"en_numbers": "English_NumberModel.json", "en_ranges": "English_NumberRangeModel.json",
         "es_numbers": "Spanish_NumberModel.json"}

# Ordinals and ordinal-denominator fractions: "tenth", "fifths", "twenty-first", "millionth", "5th".
_ORDINAL_RE = re.compile(
    r"(?i)\b(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+tieth|hundredth|thousandth|millionth|billionth|"
    r"trillionth)s?\b|\b\d+(?:st|nd|rd|th)\b")
# Mathematical notation: "2.5^-1", "3/4", ">= 30", "20~100", "1e10", "1.3x10^6", "one over three".
_MATH_RE = re.compile(r"[\^/<>=~]|\d[eE][+-]?\d|\dx10|(?i:\w\s+(?:over|out\s+of|in)\s+\w)")
# A code-like run of digits: "192.168.1.2", "5/17/2018", "+1-222-2222/2222".
_CODE_RUN_RE = re.compile(r"\+?\d+(?:[./+-]\d+){2,}")
_NEGATIVE_RE = re.compile(r"(?i)^\s*(?:-|minus\b|negative\b)")
# Spanish ordinals and ordinal-denominator fractions: "tercer", "quintos", "veintiunavos",
# "millonésimas", "tercios", "4to", "5°". As in English, "medio" (half) and "cuarto" (quarter)
# are not ordinals, so "dos millones y medio" and "cien con tres cuartos" stay in scope.
_ORDINAL_ES_RE = re.compile(
    r"(?i)\b(?:primer[oa]?s?|segund[oa]s?|tercer[oa]?s?|tercios?|quint[oa]s?|sext[oa]s?|"
    r"s[eé]ptim[oa]s?|octav[oa]s?|noven[oa]s?|d[eé]cim[oa]s?|\w+avos?|\w+avas?|\w+[eé]sim[oa]s?)\b"
    r"|\b\d+(?:[°ºª]|\.[°ºª]|(?:er|ro|do|to|vo|mo|no)\b)")
# A run of dots that is Spanish digit grouping ("1.234.567"), not a code.
_ES_GROUPING_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


@dataclass
class Tally:
    passed: int = 0
    total: int = 0
    out_of_scope: int = 0
    out_passed: int = 0
    false_figures: int = 0
    empty_cases: int = 0
    failures: list[str] = field(default_factory=list)


def _value(raw: str, spanish: bool) -> float:
    """A spec value as a float: "1234567", "1E-12"; Spanish writes "2,5"."""
    return float(raw.replace(",", ".") if spanish else raw)


def _interval(raw: str) -> tuple[bool, float | None, float | None, bool]:
    """ "(20,35]" -> (low_closed, 20, 35, high_closed); an empty bound is None."""
    lo, hi = raw[1:-1].split(",")
    return (raw[0] == "[", float(lo) if lo.strip() else None,
            float(hi) if hi.strip() else None, raw[-1] == "]")


def _next_word(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    m = re.match(r"\s*(\S+)", text[span[1]:])
    return m.group(1) if m else ""


def out_of_scope(case_input: str, result: dict, span: tuple[int, int] | None,
                 spanish: bool = False) -> str | None:
    """Why an expected result is out of scope ("negative", ...), or None when it is in scope."""
    text = result["Text"]
    raw = str(result.get("Resolution", {}).get("value", ""))
    if result.get("TypeName") == "numberrange":
        _, lo, hi, _ = _interval(raw)
        values = [v for v in (lo, hi) if v is not None]
    else:
        values = [_value(raw, spanish)]
    if _NEGATIVE_RE.search(text) or any(v < 0 for v in values):
        return "negative"
    if any(0 < v < 1 for v in values):
        return "fraction below one"
    ordinal = _ORDINAL_ES_RE if spanish else _ORDINAL_RE
    if ordinal.search(text) or ordinal.fullmatch(_next_word(case_input, span)):
        return "ordinal"
    if _MATH_RE.search(text) or (spanish and re.search(r"(?i)\w\s+sobre\s+\w", text)):
        return "math notation"
    if spanish:
        return _code_reason(case_input, span, spanish=True)
    if "," in text and re.fullmatch(r"[\d.,]+", text) and not _close(
            float(text.replace(",", "")), values[0]):
        return "decimal comma"
    return _code_reason(case_input, span)


def _code_reason(case_input: str, span: tuple[int, int] | None, spanish: bool = False) -> str | None:
    """ "part of a code" when the span sits inside a code-like run of digits; a Spanish run that is
    plain digit grouping ("1.234.567") is a number, not a code."""
    if span and any(m.start() <= span[0] and span[1] <= m.end()
                    and not (spanish and _ES_GROUPING_RE.fullmatch(m.group()))
                    for m in _CODE_RUN_RE.finditer(case_input)):
        return "part of a code"
    return None


def locate(text: str, surface: str, start: int) -> tuple[int, int] | None:
    """Where ``surface`` is in ``text`` from ``start`` on, ignoring case and runs of spaces."""
    pattern = r"\s+".join(re.escape(part) for part in surface.split())
    m = re.compile(pattern, re.IGNORECASE).search(text, start)
    if m is None and start:
        m = re.compile(pattern, re.IGNORECASE).search(text)
    return (m.start(), m.end()) if m else None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def range_matches(fig_low: float, fig_high: float | None, raw: str) -> bool:
    """Whether a figure's (low, high) reads the interval ``raw`` (see the module's rules)."""
    lo_closed, lo, hi, hi_closed = _interval(raw)
    if lo is None:
        low_ok = _close(fig_low, 0.0)
    elif lo_closed:
        low_ok = _close(fig_low, lo)
    else:
        low_ok = _close(fig_low, lo) or _close(fig_low, lo + 1)
    if hi is None:
        high_ok = fig_high is None
    elif hi_closed:
        high_ok = _close(fig_high, hi)
    else:
        high_ok = _close(fig_high, hi) or _close(fig_high, hi - 1)
    return low_ok and high_ok


def _matches(fig: FigureMatch, result: dict, spanish: bool) -> bool:
    raw = str(result["Resolution"]["value"])
    if result.get("TypeName") == "numberrange":
        return range_matches(fig.figure.low, fig.figure.high, raw)
    value = _value(raw, spanish)
    return _close(fig.figure.low, value) and _close(fig.figure.high, value)


def score_case(case: dict, spanish: bool) -> tuple[bool, str | None, list[FigureMatch]]:
    """(passed, out-of-scope reason or None, figures found) for one spec case."""
    text = case["Input"]
    figures = (find_figures_es if spanish else find_figures)(text)
    passed, reason, cursor = True, None, 0
    for result in case["Results"]:
        span = locate(text, result["Text"], cursor)
        if span:
            cursor = span[1]
        reason = reason or out_of_scope(text, result, span, spanish)
        lo, hi = span or (0, len(text))
        if not any(f.start < hi and lo < f.end and _matches(f, result, spanish)
                   for f in figures):
            passed = False
    return passed, reason, figures


def _describe(case: dict, figures: list[FigureMatch]) -> str:
    want = [(r["Text"], r["Resolution"]["value"]) for r in case["Results"]]
    got = [(f.surface, f.figure.low, f.figure.high) for f in figures]
    return f"{case['Input']!r}\n      expected {want}\n      found    {got}"


def score_file(path: Path, spanish: bool = False) -> Tally:
    tally = Tally()
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        passed, reason, figures = score_case(case, spanish)
        if not case["Results"]:
            tally.empty_cases += 1
            tally.false_figures += len(figures)
            if figures:
                tally.failures.append("[false figure] " + _describe(case, figures))
        elif reason:
            tally.out_of_scope += 1
            tally.out_passed += passed
        else:
            tally.total += 1
            tally.passed += passed
            if not passed:
                tally.failures.append(_describe(case, figures))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("specs", nargs="?", type=Path, default=DEFAULT_SPECS,
                        help=f"the peer-specs folder (default: {DEFAULT_SPECS})")
    parser.add_argument("--verbose", action="store_true", help="list every failing case")
    args = parser.parse_args(argv)
    missing = [name for key, name in FILES.items()
               if key != "es_numbers" and not (args.specs / name).is_file()]
    if missing:
        print(f"peer specs not found: {args.specs} lacks {', '.join(missing)}; pass the folder "
              f"holding the Recognizers-Text spec files as the first argument", file=sys.stderr)
        return 2
    rows = [("English numbers", score_file(args.specs / FILES["en_numbers"])),
            ("English ranges", score_file(args.specs / FILES["en_ranges"]))]
    spanish = args.specs / FILES["es_numbers"]
    if spanish.is_file():
        rows.append(("Spanish numbers", score_file(spanish, spanish=True)))
    for label, t in rows:
        print(f"{label:16} in scope {t.passed:3}/{t.total:<3}  "
              f"(out of scope: {t.out_passed}/{t.out_of_scope} passed, not counted)")
    en = rows[0][1]
    print(f"False figures in English no-number cases: {en.false_figures} "
          f"(in {en.empty_cases} cases)")
    print(f"False figures in English range no-number cases: {rows[1][1].false_figures} "
          f"(in {rows[1][1].empty_cases} cases)")
    if len(rows) > 2:
        print(f"False figures in Spanish no-number cases: {rows[2][1].false_figures} "
              f"(in {rows[2][1].empty_cases} cases)")
    if args.verbose:
        for label, t in rows:
            print(f"\n== {label}: failures ({len(t.failures)})")
            for line in t.failures:
                print("  - " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
