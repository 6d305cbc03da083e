"""Syndication: Articles -> groups of articles that carry one wire story.

Reads the ``duplicate_of`` marks that ingest sets on near-duplicate texts (bottom-k
sketches of word 5-grams, see ``ingest.mark_near_duplicates``). Returns groups of
article ids (each sorted, two or more), so that compare can count a wire story
carried by several outlets as one source.
"""

from __future__ import annotations

from .records import Article


def find_syndication(articles: list[Article]) -> tuple[tuple[str, ...], ...]:
    """Groups of article ids whose texts are copies of one story, in sorted order."""
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(a.duplicate_of or a.id, []).append(a.id)
    return tuple(sorted(tuple(sorted(g)) for g in groups.values() if len(g) > 1))
