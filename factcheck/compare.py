"""Compare: a group of claims -> a Fact with a verdict, reasons and a summary.

Pure interval logic over records, no models. Two figures contradict only when
their intervals cannot both hold; figures that differ but can both hold are a
discrepancy ("at least one" vs "two"); identical intervals agree. Measures carry
a small tolerance so that rounded unit conversions agree. Reads ``Claim`` and
``Article`` records; returns ``Fact`` records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .kinds import OBJECT_KINDS, RUNNING_KINDS, TWO_WAY_KINDS
from .lang import en
from .records import Article, Claim, Fact

VERDICT_SEVERITY = {"contradiction": 4, "discrepancy": 3, "update": 2, "agreement": 1, "single": 0}
FLAGGED = ("contradiction", "discrepancy", "update")
# Counts that only grow as an event unfolds: a later, higher figure is an update.
CUMULATIVE_KINDS = RUNNING_KINDS
# Qualifiers that state one figure exactly.
EXACT_QUALIFIERS = ("exact", "implicit", "zero")
# Base units that figures are converted into ("50 miles" -> m), where rounding meets rounding.
CONVERTED_UNITS = {"m", "m2", "kg"}
# Relative tolerance for measured quantities: "80 kilometers" vs "50 miles" (80.47 km).
MEASURE_TOLERANCE = 0.05


def interval(claim: Claim) -> tuple[float, float]:
    """A claim's figure as a closed interval; an unbounded top is +inf."""
    high = math.inf if claim.high is None else claim.high
    if claim.unit in CONVERTED_UNITS:
        return claim.low * (1 - MEASURE_TOLERANCE), high * (1 + MEASURE_TOLERANCE)
    return claim.low, high


def disjoint(a: Claim, b: Claim) -> bool:
    """True when the two figures cannot both be true. Symmetric by construction."""
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if ahi < blo or bhi < alo:
        return True
    # "50 or 59" holds only at its alternatives
    for x, y in ((a, b), (b, a)):
        if x.alternatives and not any(_contains(y, v) for v in x.alternatives):
            if not y.alternatives or not set(x.alternatives) & set(y.alternatives):
                return True
    return False


def _contains(claim: Claim, value: float) -> bool:
    lo, hi = interval(claim)
    return lo <= value <= hi


# Which way a qualifier leans from the number it qualifies.
_LEANS = {"at least": "lower", "more than": "lower", "about": "about", "nearly": "upper",
          "as many as": "upper", "up to": "upper", "fewer than": "upper"}
# Two stated numbers this close are one figure rounded: "more than a million" and "1.03 million".
ROUNDING_TOLERANCE = 0.05


def _stated(claim: Claim) -> float | None:
    """The number the words state, before the qualifier: 1,000,000 in "more than a million"."""
    lean = _LEANS.get(claim.qualifier)
    if claim.vague or claim.alternatives or (lean is None and claim.qualifier not in EXACT_QUALIFIERS):
        return None
    if lean == "lower":
        if claim.qualifier == "more than" and claim.unit is None and float(claim.low).is_integer():
            return claim.low - 1  # a count "more than a million" is read from 1,000,001
        return claim.low
    if lean is None:
        return claim.low if claim.high == claim.low else None  # a range states no one number
    if claim.high is None:
        return None
    return (claim.low + claim.high) / 2 if lean == "about" else claim.high


def rounded_alike(a: Claim, b: Claim) -> bool:
    """True when two figures state one number, one of them rounded or bounded by it.

    "more than a million" and "1.03 million" (the bound is the number rounded down), "around 1.03
    million" and "1.03 million": the intervals meet, the numbers stated are within 5% of each
    other, and the qualifiers do not lean opposite ways ("at least 10" is not "up to 10"). A bound
    that states the exact number itself ("at least 25" and "25") leaves room for more: vague
    against exact, not agreement.
    """
    if disjoint(a, b) or a.qualifier == "zero" or b.qualifier == "zero":
        return False
    leans = {_LEANS.get(a.qualifier, "exact"), _LEANS.get(b.qualifier, "exact")}
    if leans == {"lower", "upper"}:
        return False
    x, y = _stated(a), _stated(b)
    if x is None or y is None or max(x, y) <= 0:
        return False
    if leans & {"lower", "upper"} and "exact" in leans:
        bound, exact = (x, y) if _LEANS.get(a.qualifier) in ("lower", "upper") else (y, x)
        if _digits(bound) >= _digits(exact):
            return False  # "at least 25" vs "25" or "26": no rounder number, vague against exact
    return abs(x - y) <= ROUNDING_TOLERANCE * max(x, y)


def _digits(value: float) -> int:
    """Significant digits of a whole number: 1,000,000 has 1, 1,030,000 has 3, 25 has 2."""
    text = f"{value:.0f}".rstrip("0") if float(value).is_integer() else f"{value}".replace(".", "")
    return len(text.lstrip("0")) or 1


def same_figure(a: Claim, b: Claim) -> bool:
    """True when two claims state the same figure (agreement).

    Counts must state the same interval, or the same number rounded or bounded
    (``rounded_alike``). Measures agree when they meet within the rounding
    tolerance: "20 kilometres", "19 km" and "12 miles" are one distance.
    """
    if a.unit in CONVERTED_UNITS and a.unit == b.unit and not a.vague and not b.vague:
        return not disjoint(a, b)
    if interval(a) == interval(b) and a.alternatives == b.alternatives:
        return True
    if a.kind == "date":
        return _nested(a, b)  # "on Thursday" and "last month": one date, told more or less precisely
    return rounded_alike(a, b)


def _nested(a: Claim, b: Claim) -> bool:
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    return (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)


def is_update(claims: Sequence[Claim]) -> bool:
    """True when every difference is explained by time: a running toll that only grows.

    Claims as of one date must not conflict; a claim as of a later date may be
    higher than an earlier one, never lower, except for counts that run both ways
    (the missing, the displaced). Only cumulative kinds (killed, injured,
    arrested...) are running tolls.
    """
    if claims[0].kind not in CUMULATIVE_KINDS:
        return False
    dated = [c for c in claims if c.as_of is not None]
    if len({c.as_of for c in dated}) < 2 or len(dated) != len(claims):
        return False
    two_way = claims[0].kind in TWO_WAY_KINDS  # the missing are found: their count falls too
    moved = False
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if same_figure(a, b):
                continue
            if a.as_of == b.as_of:
                if disjoint(a, b):
                    return False
                continue
            early, late = (a, b) if a.as_of < b.as_of else (b, a)
            (elo, ehi), (llo, _) = interval(early), interval(late)
            if two_way:
                moved = moved or disjoint(early, late)
                continue
            if llo < elo:
                return False  # a toll that falls is a revision, not an update
            # moved: the later figure is above the earlier one's range, or above an open bound
            moved = moved or llo > ehi or (math.isinf(ehi) and llo > elo)
    return moved


def fact_verdict(claims: Sequence[Claim], wire_of: dict[str, str] | None = None) -> str:
    """A fact's verdict: ``verdict``, except that an agreement needs two independent sources.

    Claims that agree but all come from one article and one source (two sentences of one story,
    one compilation quoted twice) are one source repeating itself, not outlets agreeing: such a
    fact is ``single``. Outlets that relay one source (a wire story, one ministry's figure) still
    agree with each other and stay an ``agreement``; ``sources`` (1) says there is one source
    behind them, and the report shows it.
    """
    v = verdict(claims)
    if v == "agreement" and len({c.article_id for c in claims}) < 2 \
            and count_sources(claims, wire_of or {}) < 2:
        return "single"
    return v


def verdict(claims: Sequence[Claim]) -> str:
    """contradiction, discrepancy, update, agreement or single, by pairwise interval logic."""
    if len(claims) < 2:
        return "single"
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]]
    if all(same_figure(a, b) for a, b in pairs):
        return "agreement"
    if is_update(claims):
        return "update"
    if any(disjoint(a, b) for a, b in pairs):
        return "contradiction"
    return "discrepancy"


# How a base-unit figure reads: the largest unit it makes at least one of (whole or half ones for
# time, where 15,552,000 s is "6 months"), largest first. numbers.py sets the sizes.
DISPLAY_UNITS: dict[str, tuple[tuple[str, float], ...]] = {
    "s": (("years", 31_536_000.0), ("months", 2_592_000.0), ("weeks", 604_800.0), ("days", 86_400.0),
          ("hours", 3_600.0), ("minutes", 60.0), ("s", 1.0)),
    "m": (("km", 1000.0), ("m", 1.0)),
    "m2": (("km²", 1e6), ("m²", 1.0)),
    "kg": (("t", 1000.0), ("kg", 1.0)),
}


def _display_unit(claim: Claim) -> tuple[str, float]:
    """The unit name and size that a claim's figure reads best in ("6 months", "3.22 km")."""
    units = DISPLAY_UNITS.get(claim.unit or "")
    if not units:
        return (claim.unit or ""), 1.0
    values = [v for v in (claim.low, claim.high, *claim.alternatives) if v]
    for name, size in units:
        scaled = [v / size for v in values]
        if scaled and min(scaled) >= 1 and (claim.unit != "s" or all(abs(x - round(x)) < 0.01 for x in scaled)):
            if name != "s" and name.endswith("s") and all(abs(x - 1) < 1e-9 for x in scaled):
                name = name[:-1]  # "1 month", not "1 months"
            return name, size
    return units[-1][0], units[-1][1]


def _clock(seconds: float) -> str:
    """A time of day in seconds since midnight as "04:00"."""
    minutes = int(round(seconds / 60))
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def format_value(value: float | None, claim: Claim) -> str:
    """One bound of a claim's figure in its readable unit: "6 months", "3.22 km", "04:00", "—" for none."""
    if value is None:
        return "—"
    if (claim.unit or "").startswith("clock"):
        return f"{_clock(value)}{claim.unit[5:]}"
    name, size = _display_unit(claim)
    text = _number(value, size)
    return f"{text} {name}" if name else text


def _number(value: float, size: float = 1.0) -> str:
    """A value in units of ``size``: "6" (not 5.999999999), "3.22", "1,200"."""
    x = round(value / size, 9)
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def format_figure(claim: Claim) -> str:
    """A figure in plain words: "2", "at least 1", "8–16", "50 or 59", "several (3–9)", "6 months"."""
    name, size = _display_unit(claim)

    def num(x: float) -> str:
        return _number(x, size)

    if claim.kind == "date":
        lo = date.fromordinal(int(claim.low))
        hi = date.fromordinal(int(claim.high)) if claim.high is not None else None
        return str(lo) if hi == lo else f"{lo} to {hi or '…'}"
    if (claim.unit or "").startswith("clock"):
        return format_value(claim.low, claim) if claim.high == claim.low else \
            f"{format_value(claim.low, claim)}–{format_value(claim.high, claim)}"
    unit = f" {name}" if name else ""
    if claim.alternatives:
        return " or ".join(num(v) for v in claim.alternatives) + unit
    if claim.high is None:
        # a count "more than 100" is stored as at least 101 (numbers._qualify); say it as written
        stated = claim.low - 1 if (claim.qualifier == "more than" and claim.unit is None
                                   and float(claim.low).is_integer()) else claim.low
        return f"{claim.qualifier if claim.qualifier != 'exact' else 'at least'} {num(stated)}{unit}"
    if claim.low == claim.high:
        return f"{num(claim.low)}{unit}"
    span = f"{num(claim.low)}–{num(claim.high)}{unit}"
    if claim.vague:
        return f"{claim.surface.strip()} ({span})"  # the policy's reading of "several": 3–9
    if claim.qualifier in ("range", "exact"):
        return span
    # "as many as 10", "about 250,000": as written; the interval's other end ("1" for "as many
    # as 10", the 10% band of "about") is the tool's reading, not a figure anyone gave
    return " ".join(claim.surface.split())


# Trailing words that name the document or the voice, not the body behind it:
# "army statement" and "army officials" are the army's word.
_VOICE_WORDS = {"communique", "statement", "spokesman", "spokeswoman", "spokesperson", "official",
                "officials", "source", "sources", "figures", "data", "report", "release"}


def _norm_claimant(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s*\(via [^)]*\)", "", name).strip().lower()
    words = re.sub(r"^(?:the|a|an)\s+", "", name).split()
    while len(words) > 1 and words[-1] in _VOICE_WORDS:
        words.pop()
    return " ".join(words)


# Words that name a role or a kind of body, not which one: "a ministry spokesman".
_GENERIC_SOURCE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
    "government", "authorities", "authority", "police", "ministry", "department", "office",
    "agency", "country", "national", "local", "state", "media", "reports", "largest", "senior",
    "citing", "statement", "communique", "minister", "director", "chief", "according",
}


def source_key(claim: Claim, wire_of: dict[str, str]) -> str:
    """Who a figure really comes from: its claimant, else the outlet (or its wire story)."""
    who = _norm_claimant(claim.claimant)
    if who:
        return f"claimant:{who}"
    return f"outlet:{wire_of.get(claim.article_id, claim.article_id)}"


# Endings of words that say whose country, not which body: "Iraqi government" and
# "Iraqi opposition", "Sudanese army" and "Sudanese Doctors Union" are different sources.
_DEMONYM = re.compile(r"(?:an|ese|ish|i)$")


def _source_words(key: str) -> set[str]:
    if not key.startswith("claimant:"):
        return set()
    return {w for w in re.findall(r"[a-z]+", key[9:])
            if len(w) >= 5 and w not in _GENERIC_SOURCE_WORDS and not _DEMONYM.search(w)}


def count_sources(claims: Sequence[Claim], wire_of: dict[str, str]) -> int:
    """Independent sources behind a fact's claims (see ``source_roots``)."""
    return len(set(source_roots(claims, wire_of)))


def source_roots(claims: Sequence[Claim], wire_of: dict[str, str]) -> list[str]:
    """Each claim's independent source, as a key; claims with one key come from one source.

    A wire story carried by several outlets is one source; one claimant relayed by
    several outlets is one source, and claimants that share a distinctive word
    ("directorate spokesman" and "Civil Protection Directorate") are taken as one; an
    outlet's own-voice figure that its article also attributes is that claimant's.
    """
    keys = [source_key(c, wire_of) for c in claims]
    for i, c in enumerate(claims):  # a headline's bare figure restates its body's attributed one
        if keys[i].startswith("outlet:"):
            for j, d in enumerate(claims):
                if d.article_id == c.article_id and keys[j].startswith("claimant:") and same_figure(c, d):
                    keys[i] = keys[j]
                    break
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    distinct = sorted(set(keys))
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            if _source_words(a) & _source_words(b):
                parent[root(b)] = root(a)
    return [root(k) for k in keys]


def reasons(claims: Sequence[Claim], articles: dict[str, Article], *,
            wire_of: dict[str, str] | None = None) -> tuple[str, ...]:
    """Why figures in one fact may differ, each as "code: detail"; empty for agreements and singles."""
    wire_of = wire_of or {}
    v = fact_verdict(claims, wire_of)
    why: list[str] = []
    wires = sorted({wire_of[c.article_id] for c in claims if c.article_id in wire_of})
    for wire in wires:
        outlets = sorted({articles[c.article_id].outlet for c in claims if wire_of.get(c.article_id) == wire})
        if len(outlets) > 1:
            why.append(f"syndicated: {', '.join(outlets)} carried one wire story, counted as one source")
    if v in ("single", "agreement"):
        return tuple(why)
    as_of = {c.as_of for c in claims if c.as_of}
    if len(as_of) > 1 and claims[0].kind in CUMULATIVE_KINDS:  # only a running toll is revised
        why.append("revision over time: the reports are dated " + ", ".join(sorted(map(str, as_of))))
    # one source under several names ("army", "army statement") is one claimant
    named: dict[str, set[str]] = {}
    for c, root in zip(claims, source_roots(claims, wire_of)):
        named.setdefault(root, set()).add(c.claimant or f"{articles[c.article_id].outlet} (own voice)")
    if len(named) > 1 and any(c.claimant for c in claims):  # outlets' own voices alone say nothing new
        why.append("different claimants: " + "; ".join(sorted(" / ".join(sorted(n)) for n in named.values())))
    subjects = sorted({c.subject for c in claims})
    if len(subjects) > 1 and claims[0].kind != "date":  # a date's subject is just the event's wording
        why.append("different scope: " + " vs ".join(subjects))
    loose = [c for c in claims if c.vague or c.high is None or c.qualifier not in EXACT_QUALIFIERS]
    if claims[0].kind == "date":
        spans = sorted({c.surface.strip() for c in claims if c.low != c.high})
        if spans and len(spans) < len({c.surface.strip() for c in claims}):
            why.append("different precision: " + ", ".join(spans) + " against single days")
    elif loose and len(loose) < len(claims):
        why.append("vague vs exact: " + ", ".join(sorted({c.surface.strip() for c in loose})) +
                   " against exact figures")
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    for aid, cs in sorted(by_article.items()):
        if len(cs) > 1 and not all(same_figure(cs[0], c) for c in cs[1:]):
            roles = sorted({c.role for c in cs})
            where = f" ({' vs '.join(roles)})" if len(roles) > 1 else ""
            why.append(f"within one article: {articles[aid].outlet} gives different figures{where}")
    return tuple(why)


# --------------------------------------------------------------------------- reconciliation
#
# How the conflict datasets describe their own rules, which the estimates below follow:
#
# - ACLED, "Fatalities" (Uses and limitations of ACLED data, FAQ, last updated 7 May 2024): "If
#   source reports differ or a vague estimate is provided, ACLED uses the most conservative estimate
#   available", and "when sources report estimates such as 'tens' or 'dozens' or 'hundreds', ACLED
#   codes 10 for 'tens', 12 for 'dozens', 100 for 'hundreds'".
# - UCDP GED (variables ``low``, ``best``, ``high``; UCDP API): the low estimate is the "lowest
#   reliable estimate" (its "conservative" estimate), the best estimate the "most likely" one, the
#   high estimate the "upper-bound" one. UCDP's coders judge which report is most reliable; a
#   machine cannot, so the best estimate here is the reported figure that the most independent
#   sources allow (``source_roots``), never an average or a median of figures.
# - Iraq Body Count: a minimum and a maximum of the reported figures.
#
# Every value is a figure some source gave, as that source worded it ("more than 100", "at least
# 1", "as many as 10"), or is made by a named rule shown beside it (a vague term at the policy's
# fixed value). A value no rule can take from the reports is not produced (None).

# Qualifiers that bound a figure from above only: "as many as 10" states no lowest count.
CEILING_QUALIFIERS = ("as many as", "up to", "fewer than", "nearly")
# Qualifiers that bound a figure from below only: "at least 50", "more than 100".
FLOOR_QUALIFIERS = ("at least", "more than")

# Rule name -> what it does; the JSON's ``reconciled_detail`` and the Markdown name these.
RECONCILE_RULES: dict[str, str] = {
    "lowest reported": "the lowest figure any source gave, as it was worded (ACLED: the most "
                       "conservative estimate available; UCDP low; IBC minimum)",
    "highest reported": "the highest figure any source gave, as it was worded (UCDP high; IBC maximum)",
    "vague term, policy value": "a vague term coded by the vague-quantity policy's fixed value, in "
                                "every estimate (ACLED codes 'dozens' as 12, 'hundreds' as 100); not a "
                                "number any source gave",
    "most sources": "the reported figure that the most independent sources allow; then the one "
                    "more claims allow; then the most precise; then the lower (UCDP best: the most "
                    "likely figure, never an average)",
    "none reported": "no source gave such a figure (\"as many as 10\" states no lowest count): not produced",
}


@dataclass(frozen=True, slots=True)
class Estimate:
    """One reconciled value and where it came from.

    Attributes:
        value: The machine value, in the claims' base unit (a day ordinal for dates, seconds for
            durations), as the claims' ``low``/``high`` are; None when not produced.
        display: The value as a reader reads it: the figure as its source worded it ("more than
            100", "at least 1"), an ISO date, a duration in its unit ("6 months"), or "—".
        rule: A key of ``RECONCILE_RULES``.
        claim_ids: The claims the value came from (several when they give the same figure).
        reported: True when ``display`` is a figure a source gave; False when a rule made it.
    """

    value: float | None
    display: str
    rule: str
    claim_ids: tuple[str, ...]
    reported: bool


def format_bound(value: float | None, claim: Claim) -> str | None:
    """One machine bound as a reader reads it: an ISO date for a date, "6 months", "3.22 km", "1,200"."""
    if value is None:
        return None
    if claim.kind == "date":
        return date.fromordinal(int(value)).isoformat()
    return format_value(value, claim)


def _floor(c: Claim) -> tuple[float, str, str, bool] | None:
    """The lowest count a claim's words give: (value, display, rule, reported), or None."""
    if c.vague:
        text = f"{format_bound(c.low, c)} ({' '.join(c.surface.split())})"
        return c.low, text, "vague term, policy value", False
    if c.qualifier in CEILING_QUALIFIERS:
        return None  # "as many as 10": its lowest count (1) is ours, not the source's
    if c.alternatives:
        return min(c.alternatives), format_bound(min(c.alternatives), c) or "", "lowest reported", True
    if c.qualifier == "about" and c.high is not None:
        stated = _stated(c)
        return (stated, format_figure(c), "lowest reported", True) if stated is not None else None
    if c.high is None or c.low == c.high or c.qualifier in FLOOR_QUALIFIERS:
        return c.low, format_figure(c), "lowest reported", True  # "2", "at least 1", "more than 100"
    return c.low, f"{format_bound(c.low, c)} (of {format_figure(c)})", "lowest reported", True  # a range


def _ceiling(c: Claim) -> tuple[float, str, str, bool] | None:
    """The highest count a claim's words give: (value, display, rule, reported), or None."""
    if c.vague:  # coded by its one fixed value, as for the minimum: "several" is 3, not "up to 9"
        return _floor(c)
    if c.alternatives:
        return max(c.alternatives), format_bound(max(c.alternatives), c) or "", "highest reported", True
    if c.qualifier == "about" and c.high is not None:
        stated = _stated(c)
        return (stated, format_figure(c), "highest reported", True) if stated is not None else None
    if c.high is None:
        # "at least 59" as the highest figure reported: shown as the open bound it is
        return c.low, format_figure(c), "highest reported", True
    if c.low == c.high or c.qualifier in CEILING_QUALIFIERS:
        return c.high, format_figure(c), "highest reported", True  # "2", "as many as 10"
    return c.high, f"{format_bound(c.high, c)} (of {format_figure(c)})", "highest reported", True


def _extreme(claims: Sequence[Claim], pick, lowest: bool) -> Estimate:
    found = [(v, c) for c in claims if (v := pick(c)) is not None]
    if not found:
        ceilings = sorted({format_figure(c) for c in claims})
        return Estimate(None, "— (no lowest figure: " + ", ".join(ceilings) + ")", "none reported",
                        tuple(c.id for c in claims), False)
    sign = 1 if lowest else -1
    # the extreme value; a reported figure before a policy's; then the wording, for a stable choice
    # on one value: a figure a source gave before a policy's reading; for the highest, an open
    # bound ("more than 6 months") before the figure it exceeds; then the wording, for stability
    best = min(found, key=lambda vc: (sign * vc[0][0], not vc[0][3],
                                      (vc[1].high is None) == lowest, vc[0][1]))[0]
    ids = tuple(c.id for v, c in found if v == best)
    value, display, rule, reported = best
    return Estimate(value, display, rule, ids, reported)


def _best(claims: Sequence[Claim], wire_of: dict[str, str]) -> Estimate:
    """UCDP's best estimate: the reported figure the most independent sources allow.

    A candidate is each distinct figure given; a source allows it when the candidate's interval lies
    inside one of that source's figures ("2" satisfies "at least 1" and "as many as 10"). Ties go to
    the figure more claims allow (outlets that carried it), then to a stated number over a vague
    term, then to the narrower figure, then to the lower one (ACLED's conservative choice).
    """
    roots = source_roots(claims, wire_of)
    figures: dict[tuple, list[Claim]] = {}
    for c in claims:
        figures.setdefault((c.low, c.high, c.qualifier, c.alternatives, c.vague), []).append(c)

    def inside(a: Claim, b: Claim) -> bool:
        (alo, ahi), (blo, bhi) = interval(a), interval(b)
        if b.alternatives and not set(a.alternatives or (a.low,)) <= set(b.alternatives):
            return False
        return blo <= alo and ahi <= bhi

    def key(item):
        _, members = item
        c = members[0]
        allowed = [i for i, d in enumerate(claims) if inside(c, d)]
        lo, hi = interval(c)
        width = math.inf if math.isinf(hi) else (hi - lo) / max(abs(hi), 1e-9)
        return (-len({roots[i] for i in allowed}), -len(allowed), c.vague, width, c.low, format_figure(c))

    _, members = min(figures.items(), key=key)
    c = members[0]
    if c.vague:  # a vague term's reading: the policy's value, named
        text = f"{format_bound(c.low, c)} ({' '.join(c.surface.split())})"
        return Estimate(c.low, text, "vague term, policy value", tuple(m.id for m in members), False)
    if c.qualifier == "about" and c.high is not None and _stated(c) is not None:
        value = _stated(c)
    elif c.alternatives or (c.high is not None and c.low != c.high and c.qualifier not in CEILING_QUALIFIERS):
        # "50 or 59", "8–16": a figure, not one number; its machine value is its low end
        value = c.low
    elif c.qualifier in CEILING_QUALIFIERS:
        value = c.high
    else:
        value = c.low
    return Estimate(value, format_figure(c), "most sources", tuple(m.id for m in members), True)


def reconciliation(claims: Sequence[Claim], wire_of: dict[str, str] | None = None) -> dict[str, Estimate]:
    """One fact's figures under the conflict datasets' rules, each value with the rule that made it.

    Keys as in ``reconcile``. ``acled``, ``ucdp_low`` and ``ibc_min`` are the lowest figure given
    (ACLED's "most conservative estimate available"), or None when every figure only caps the count
    ("as many as 10" gives no minimum of 1); ``ucdp_high`` and ``ibc_max`` the highest figure given
    (an open bound stays one: "more than 100"); ``ucdp_best`` the figure the most independent sources
    allow (see ``_best``), never an average. A vague term enters every estimate at the policy's one
    fixed value, as ACLED codes "dozens" as 12, never at the policy's ceiling. See the comment above
    ``RECONCILE_RULES`` for the datasets' own wording.
    """
    wire_of = wire_of or {}
    low = _extreme(claims, _floor, lowest=True)
    high = _extreme(claims, _ceiling, lowest=False)
    if high.value is None:  # cannot happen (every claim has a ceiling or a floor), kept for safety
        high = Estimate(None, "—", "none reported", tuple(c.id for c in claims), False)
    best = _best(claims, wire_of)
    return {"acled": low, "ucdp_low": low, "ucdp_best": best, "ucdp_high": high,
            "ibc_min": low, "ibc_max": high}


def reconcile(claims: Sequence[Claim], wire_of: dict[str, str] | None = None) -> dict[str, float | None]:
    """The machine values of ``reconciliation``: one number (or None) per policy key.

    - ``acled``: the conservative minimum, the lowest figure any source gives;
    - ``ucdp_low``/``ucdp_best``/``ucdp_high``: UCDP's low, best and high estimates; best is the
      reported figure the most independent sources allow, never an average;
    - ``ibc_min``/``ibc_max``: Iraq Body Count's minimum and maximum of the reported figures.

    Values are in the claims' base unit, as ``low``/``high`` are ("more than 100" counts from 101);
    None means no source gave such a figure.
    """
    return {k: e.value for k, e in reconciliation(claims, wire_of).items()}


def reconciled_claims(claims: Sequence[Claim], verdict_: str) -> list[Claim]:
    """The claims a fact is reconciled on: an update's latest reports, else all of them."""
    return latest(claims) if verdict_ == "update" else list(claims)


def latest(claims: Sequence[Claim]) -> list[Claim]:
    """The claims as of the latest date: what an update's running toll now stands at."""
    last = max(c.as_of for c in claims if c.as_of is not None)
    return [c for c in claims if c.as_of == last]


def timeline(claims: Sequence[Claim], articles: dict[str, Article]) -> tuple[tuple[str, str, str], ...]:
    """The figures by as-of date and outlet, earliest first."""
    rows = {(str(c.as_of) if c.as_of else "unknown", articles[c.article_id].outlet, format_figure(c))
            for c in claims}
    return tuple(sorted(rows))


def _event_label(claims: Sequence[Claim], articles: dict[str, Article]) -> str:
    stated = sorted({(c.event_start, c.event_end) for c in claims if c.event_start and c.kind != "date"})
    if len(stated) == 1 and all(c.event_start for c in claims):
        lo, hi = stated[0]
        return f"event {lo}" if lo == hi else f"event {lo} to {hi}"
    dates = sorted({str(c.as_of) for c in claims if c.as_of})
    return f"reported {', '.join(dates)}" if dates else "undated"


def event_name(claims: Sequence[Claim]) -> str:
    """What a date fact dates, as a reader names it: "attack", "explosion", "arrest or evacuation"."""
    names = []
    for c in claims:
        word = " ".join(c.subject.lower().split())
        name = en.EVENT_HEADINGS.get(word) or ("event" if word in en.NOT_EVENTS or not word.isascii() else word)
        if name not in names:
            names.append(name)
    names = sorted(set(names) - {"event"}) or ["event"]
    return " or ".join(names)


def summarise(claims: Sequence[Claim], articles: dict[str, Article]) -> str:
    """One line in plain English: "Police officers killed (reported 2018-01-15): 2 (BBC) vs at least 1 (...)"."""
    first = claims[0]
    if first.kind == "date":
        what = f"date of the {event_name(claims)}"
    elif first.subject_group == "other" and first.kind in OBJECT_KINDS and not first.subject.endswith("s"):
        what = f"{first.subject}s {first.kind.split()[-1]}"  # "grenades used", "shots fired"
    elif first.subject == first.kind:
        what = first.kind  # a measure names only itself: "duration", "distance"
    else:
        what = f"{first.subject} {first.kind}"
    head = f"{what[:1].upper()}{what[1:]} ({_event_label(claims, articles)})"
    if all(c.role == "could have" for c in claims):
        head = f"What could have happened, said of the event: {what} ({_event_label(claims, articles)})"
    parts: dict[str, list[str]] = {}
    for c in sorted(claims, key=lambda c: (c.as_of or date.min, c.article_id, c.start)):
        outlets = parts.setdefault(format_figure(c), [])
        name = articles[c.article_id].outlet
        if c.role != "body":
            name = f"{name}, {c.role}"
        if name not in outlets:
            outlets.append(name)
    body = " vs ".join(f"{fig} ({', '.join(outlets)})" for fig, outlets in parts.items())
    return f"{head}: {body}"


def _spread(claims: Sequence[Claim]) -> float:
    los = [c.low for c in claims]
    his = [c.high if c.high is not None else c.low for c in claims]
    top = max(his + los)
    return (top - min(los)) / top if top else 0.0


def compare(groups: list[list[int]], claims: list[Claim], articles: dict[str, Article], *,
            syndication: Sequence[Sequence[str]] = ()) -> list[Fact]:
    """Turn groups of claim indices into Facts, most severe first, then by first claim.

    Args:
        groups: indices into ``claims``, one list per fact.
        claims: every claim of the run.
        articles: article id -> Article.
        syndication: groups of article ids that carry one wire story.

    Returns:
        Facts with ids ``F1``, ``F2``... in report order, stable for the same input.
    """
    wire_of = {aid: group[0] for group in syndication for aid in group}
    drafts = []
    for group in groups:
        members = sorted((claims[i] for i in group), key=lambda c: (c.article_id, c.start))
        drafts.append((*fact_draft(members, wire_of), members))
    drafts.sort(key=lambda d: d[0])
    return [make_fact(f"F{n}", members, v, articles, wire_of) for n, (_, v, members) in enumerate(drafts, start=1)]


def fact_draft(members: Sequence[Claim], wire_of: dict[str, str]) -> tuple[tuple, str]:
    """A fact's place in the report (most severe first, then the widest spread, then its first
    claim: no two facts share one) and its verdict. ``members`` sorted by article and offset."""
    v = fact_verdict(members, wire_of)
    return (-VERDICT_SEVERITY[v], -round(_spread(members), 6), members[0].article_id, members[0].start), v


def make_fact(fact_id: str, members: Sequence[Claim], v: str, articles: dict[str, Article],
              wire_of: dict[str, str]) -> Fact:
    """The Fact of ``members`` (sorted by article and offset) with verdict ``v``. Of the articles it
    reads only the outlets."""
    return Fact(
        id=fact_id,
        kind=members[0].kind,
        subject=members[0].subject,
        claim_ids=tuple(c.id for c in members),
        verdict=v,
        summary=summarise(members, articles),
        why=reasons(members, articles, wire_of=wire_of),
        severity=VERDICT_SEVERITY[v],
        sources=count_sources(members, wire_of),
        outlets=tuple(sorted({articles[c.article_id].outlet for c in members})),
        reconciled=reconcile(reconciled_claims(members, v), wire_of),
        timeline=timeline(members, articles),
    )
