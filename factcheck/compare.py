"""Compare: a group of claims -> a Fact with a verdict, reasons and a summary.

Pure interval logic over records, no models. Two figures contradict only when
their intervals cannot both hold; figures that differ but can both hold are a
discrepancy ("at least one" vs "two"); identical intervals agree. Measures carry
a small tolerance so that rounded unit conversions agree. Reads ``Claim`` and
``Article`` records; returns ``Fact`` records.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .records import Article, Claim, Fact

VERDICT_SEVERITY = {"contradiction": 3, "discrepancy": 2, "agreement": 1, "single": 0}
# Relative tolerance for measured quantities: "80 kilometers" vs "50 miles" (80.47 km).
MEASURE_TOLERANCE = 0.03


def interval(claim: Claim) -> tuple[float, float]:
    """A claim's figure as a closed interval; an unbounded top is +inf."""
    high = math.inf if claim.high is None else claim.high
    if claim.unit is not None:
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


def same_figure(a: Claim, b: Claim) -> bool:
    """True when two claims state the same interval (agreement)."""
    return interval(a) == interval(b) and a.alternatives == b.alternatives


def verdict(claims: Sequence[Claim]) -> str:
    """contradiction, discrepancy, agreement or single, by pairwise interval logic."""
    if len(claims) < 2:
        return "single"
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]]
    if any(disjoint(a, b) for a, b in pairs):
        return "contradiction"
    if all(same_figure(a, b) for a, b in pairs):
        return "agreement"
    return "discrepancy"


def format_figure(claim: Claim) -> str:
    """A figure in plain words: "2", "at least 1", "8–16", "50 or 59", "several (3–9)"."""

    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")

    unit = f" {claim.unit}" if claim.unit else ""
    if claim.alternatives:
        return " or ".join(num(v) for v in claim.alternatives) + unit
    if claim.high is None:
        return f"{claim.qualifier if claim.qualifier != 'exact' else 'at least'} {num(claim.low)}{unit}"
    if claim.low == claim.high:
        return f"{num(claim.low)}{unit}"
    span = f"{num(claim.low)}–{num(claim.high)}{unit}"
    return f"{claim.surface.strip()} ({span})" if claim.vague or claim.qualifier not in ("range", "exact") else span


def reasons(claims: Sequence[Claim], articles: dict[str, Article]) -> tuple[str, ...]:
    """Why figures in one fact may differ; empty for agreements and singles."""
    if verdict(claims) in ("single", "agreement"):
        return ()
    why: list[str] = []
    as_of = {articles[c.article_id].published for c in claims}
    if len(as_of) > 1:
        why.append("revision over time: the reports are dated " +
                   ", ".join(sorted(str(d) for d in as_of if d)))
    claimants = {c.claimant or f"{articles[c.article_id].outlet} (own voice)" for c in claims}
    if len(claimants) > 1:
        why.append("different claimants: " + "; ".join(sorted(claimants)))
    if any(c.vague or c.high is None or c.qualifier not in ("exact", "implicit", "zero") for c in claims) and \
            any(c.qualifier in ("exact", "implicit", "zero") and not c.vague for c in claims):
        why.append("vague vs exact: some figures are bounds or vague quantities")
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    for aid, cs in sorted(by_article.items()):
        if len(cs) > 1 and not all(same_figure(cs[0], c) for c in cs[1:]):
            roles = sorted({c.role for c in cs})
            where = f" ({' vs '.join(roles)})" if len(roles) > 1 else ""
            why.append(f"within one article: {articles[aid].outlet} gives different figures{where}")
    return tuple(why)


def _event_label(claims: Sequence[Claim], articles: dict[str, Article]) -> str:
    stated = sorted({(c.event_start, c.event_end) for c in claims if c.event_start})
    if stated:
        lo, hi = stated[0]
        return f"event {lo}" if lo == hi else f"event {lo} to {hi}"
    dates = sorted({str(articles[c.article_id].published) for c in claims if articles[c.article_id].published})
    return f"reported {', '.join(dates)}" if dates else "undated"


def summarise(claims: Sequence[Claim], articles: dict[str, Article]) -> str:
    """One line in plain English: "Police officers killed (reported 2018-01-15): 2 (BBC) vs at least 1 (...)"."""
    first = claims[0]
    head = f"{first.subject[:1].upper()}{first.subject[1:]} — {first.kind} ({_event_label(claims, articles)})"
    parts: dict[str, list[str]] = {}
    for c in claims:
        outlets = parts.setdefault(format_figure(c), [])
        name = articles[c.article_id].outlet
        if name not in outlets:
            outlets.append(name)
    body = " vs ".join(f"{fig} ({', '.join(outlets)})" for fig, outlets in parts.items())
    return f"{head}: {body}"


def _spread(claims: Sequence[Claim]) -> float:
    los = [c.low for c in claims]
    his = [c.high if c.high is not None else c.low for c in claims]
    top = max(his + los)
    return (top - min(los)) / top if top else 0.0


def compare(groups: list[list[int]], claims: list[Claim], articles: dict[str, Article]) -> list[Fact]:
    """Turn groups of claim indices into Facts, most severe first, then by first claim.

    Fact ids are ``F1``, ``F2``... in that order, so they are stable for the same input.
    """
    drafts = []
    for group in groups:
        members = sorted((claims[i] for i in group), key=lambda c: (c.article_id, c.start))
        v = verdict(members)
        drafts.append((-VERDICT_SEVERITY[v], -round(_spread(members), 6), members[0].article_id,
                       members[0].start, members, v))
    drafts.sort(key=lambda d: d[:4])
    facts: list[Fact] = []
    for n, (_, _, _, _, members, v) in enumerate(drafts, start=1):
        facts.append(Fact(
            id=f"F{n}",
            kind=members[0].kind,
            subject=members[0].subject,
            claim_ids=tuple(c.id for c in members),
            verdict=v,
            summary=summarise(members, articles),
            why=reasons(members, articles),
            severity=VERDICT_SEVERITY[v],
        ))
    return facts
