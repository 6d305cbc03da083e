"""Typed records that flow between the stages, and the one error hierarchy.

Every stage reads and returns these frozen dataclasses; nothing else crosses a
module boundary. ``dataclasses.asdict`` feeds pandas and JSON. Each record checks
its own invariants in ``__post_init__`` and names the bad field when one fails.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .ingest import Skipped
    from .numbers import VaguePolicy


class FactcheckError(Exception):
    """Base class for every error the library raises on purpose."""


class InputError(FactcheckError):
    """An input file, folder or manifest cannot be used; the message names it."""


class ModelMissingError(FactcheckError):
    """A model package (spaCy pipeline or embedding weights) is not installed."""


def _check(cond: bool, record: str, fieldname: str, detail: str) -> None:
    if not cond:
        raise ValueError(f"{record}.{fieldname}: {detail}")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk.

    ``text`` is the file's full decoded text; every offset in the project points
    into it. ``body_start`` is where the story starts after any metadata header.
    """

    id: str
    path: str
    outlet: str
    published: date | None
    text: str
    body_start: int = 0
    url: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    # Where ``text`` came from: "file" (the decoded file), "trafilatura" (the main text of an HTML
    # page) or "column:NAME" (a dataset row's text column). Offsets point into ``text`` either way.
    text_source: str = "file"
    # The id of an earlier article this one nearly repeats (a syndicated copy), else None.
    duplicate_of: str | None = None
    # The article's language, an ISO 639-1 code ("en", "es"): from a ``lang`` override (front matter,
    # manifest or dataset column) or detected from the body text by ``ingest``; None when not set.
    lang: str | None = None

    def __post_init__(self) -> None:
        _check(0 <= self.body_start <= len(self.text), "Article", "body_start",
               f"expected 0..{len(self.text)}, found {self.body_start}")


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated quantity as an interval with a qualifier.

    ``high`` is ``None`` when the figure is unbounded above ("at least 50").
    ``alternatives`` keeps "50 or 59" as (50, 59); such a figure spans their
    interval and is never averaged. ``unit`` is a base unit ("m", "s", "kg",
    "m2", "USD", "%") or ``None`` for a count.
    """

    low: float
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None
    alternatives: tuple[float, ...] = ()
    vague: bool = False

    def __post_init__(self) -> None:
        _check(not math.isnan(self.low), "Figure", "low", "is NaN")
        _check(self.high is None or self.low <= self.high, "Figure", "high",
               f"expected >= low ({self.low}), found {self.high}")


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic claim: a figure, what it counts, who gave it, where it is.

    ``start``/``end`` are offsets into the article's full text with
    ``text[start:end] == surface``. ``sentence_start`` locates ``sentence`` the
    same way. ``event_start``/``event_end`` date the event when the text does.
    """

    id: str
    article_id: str
    kind: str
    subject: str
    low: float
    high: float | None
    qualifier: str
    surface: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    claimant: str | None = None
    unit: str | None = None
    alternatives: tuple[float, ...] = ()
    vague: bool = False
    subject_group: str = "other"
    predicate: str | None = None
    as_of: date | None = None
    event_start: date | None = None
    event_end: date | None = None
    event_surface: str | None = None
    # Where the figure stands: "body", "heading", "chrome" (page furniture), "list" (a line of a
    # breakdown: "Iran: 465", "Chad with 11; Kenya eight") or "could have" (what could have
    # happened and did not: "the bomb could have killed hundreds", compared only with its like).
    role: str = "body"
    # What narrows the count to a part of its kind's total, or whose figure it is: a nationality
    # or place ("14 Iranian pilgrims", "Iran: 465") kept only when the same article gives a larger
    # total without it; for an age, the person named ("Perez, 37"). None for a whole count.
    scope: str | None = None
    # A part of a group the text names as a whole ("one of them", "six of the dead"): never a total.
    part: bool = False

    def __post_init__(self) -> None:
        _check(0 <= self.start < self.end, "Claim", "start",
               f"expected 0 <= start < end, found {self.start}..{self.end}")
        _check(len(self.surface) == self.end - self.start, "Claim", "surface",
               f"length {len(self.surface)} does not match {self.start}..{self.end}")
        _check(self.high is None or self.low <= self.high, "Claim", "high",
               f"expected >= low ({self.low}), found {self.high}")
        _check((self.event_start is None) == (self.event_end is None), "Claim",
               "event_end", "event_start and event_end must both be set or both None")
        if self.event_start is not None and self.event_end is not None:
            _check(self.event_start <= self.event_end, "Claim", "event_end",
                   f"expected >= event_start ({self.event_start}), found {self.event_end}")


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims that state the same fact, and what comparing them found."""

    id: str
    kind: str
    subject: str
    claim_ids: tuple[str, ...]
    verdict: str
    summary: str
    why: tuple[str, ...] = field(default=())
    severity: int = 0
    sources: int = 0
    outlets: tuple[str, ...] = ()
    reconciled: dict[str, float | None] = field(default_factory=dict)
    timeline: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimVectors:
    """What the embed stage gives the grouping, compactly: each distinct embedded text's vector once.

    ``matrix`` holds one float32 row per distinct text; ``rows[k]`` is the row of the k-th claim of
    the run (claims in article order, as ``Result.claims``); ``ledes[i]`` is the i-th article's lede
    vector and ``starts[i]`` the index of its first claim. Indexing gives the claims' sentence vectors
    as one matrix per claim row would: ``vectors[k]`` one row, ``vectors[[k, ...]]`` a matrix, so the
    grouping copies out only the rows of the block it works on.
    """

    matrix: np.ndarray
    rows: np.ndarray
    ledes: np.ndarray
    starts: np.ndarray

    def __post_init__(self) -> None:
        _check(len(self.starts) == len(self.ledes), "ClaimVectors", "starts",
               f"expected one per article ({len(self.ledes)}), found {len(self.starts)}")

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.matrix[self.rows[index]]

    def article(self, i: int) -> np.ndarray:
        """The i-th article's vectors as one matrix: a row per claim, then its lede's row."""
        import numpy as np

        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.rows)
        return np.vstack([self.matrix[self.rows[self.starts[i]:end]], self.ledes[i:i + 1]])


@dataclass(frozen=True)
class Result:
    """Everything one run produced, in deterministic order."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    policy: VaguePolicy
    model: str
    syndication: tuple[tuple[str, ...], ...] = ()

    def article_map(self) -> dict[str, Article]:
        """Article id -> Article, built once (the renderers ask for it per fact)."""
        return self._memo("_article_map", lambda: {a.id: a for a in self.articles})

    def claim_map(self) -> dict[str, Claim]:
        """Claim id -> Claim, built once (the renderers ask for it per fact)."""
        return self._memo("_claim_map", lambda: {c.id: c for c in self.claims})

    def _memo(self, name: str, build):
        # a frozen record: the memo goes straight into the instance dict, outside the fields
        if name not in self.__dict__:
            object.__setattr__(self, name, build())
        return self.__dict__[name]

    def to_markdown(self) -> str:
        """The Markdown discrepancy report."""
        from .report import to_markdown
        return to_markdown(self)

    def to_json(self) -> str:
        """The JSON document (see the README for its contract)."""
        from .report import to_json
        return to_json(self)

    def write_markdown(self, path) -> None:
        """Write the Markdown report to ``path``: the bytes of ``to_markdown`` (UTF-8), written piece
        by piece, so a large run's report is never held whole in memory."""
        from .report import write_markdown
        write_markdown(self, path)

    def write_json(self, path) -> None:
        """Write the JSON document to ``path``: the bytes of ``to_json`` (UTF-8), written piece by
        piece, so a large run's document is never held whole in memory."""
        from .report import write_json
        write_json(self, path)

    def to_html(self, *, jsonld: bool = False) -> str:
        """A self-contained HTML report (no scripts, no network) with each quote highlighted.

        Args:
            jsonld: also embed ClaimReview-style JSON-LD for each flagged fact.
        """
        from .html_report import to_html
        return to_html(self, jsonld=jsonld)

    def claims_frame(self) -> pd.DataFrame:
        """The claims as a pandas DataFrame: one row per claim, its record's fields plus ``outlet``.

        Example:
            >>> df = factcheck.check(["seeds/"]).claims_frame()   # doctest: +SKIP
            >>> df[df.kind == "killed"][["outlet", "surface", "low", "high"]]   # doctest: +SKIP
        """
        from .report import claims_frame
        return claims_frame(self)

    def facts_frame(self) -> pd.DataFrame:
        """The facts as a pandas DataFrame: one row per fact (id, kind, subject, claim_ids, verdict, ...)."""
        from .report import facts_frame
        return facts_frame(self)
