"""Pipeline: composes ingest -> claims -> embed -> cluster -> compare, nothing else.

Reads paths and options; returns a ``Result`` holding every record of the run.
Models are loaded only when ``check`` runs, never at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .claims import extract_many, load_nlp, segment
from .cluster import ClusterConfig, cluster_claims
from .compare import compare
from .embed import Embedder, SentenceTransformerEmbedder
from .ingest import DEFAULT_MAX_BYTES, Skipped, ingest
from .numbers import VaguePolicy, get_policy
from .records import Article, Claim, Fact

LEDE_CHARS = 600


@dataclass(frozen=True)
class Result:
    """Everything one run produced, in deterministic order."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    policy: VaguePolicy
    model: str

    def article_map(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def claim_map(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def to_markdown(self) -> str:
        """The Markdown discrepancy report."""
        from .report import to_markdown
        return to_markdown(self)

    def to_json(self) -> str:
        """The JSON document (see the README for its contract)."""
        from .report import to_json
        return to_json(self)


def lede(article: Article) -> str:
    """The text that stands for an article's main event: its title and first body paragraphs."""
    parts = [article.title] if article.title else []
    size = 0
    for block in segment(article):
        if block.role != "body":
            continue
        chunk = article.text[block.start:block.end]
        parts.append(chunk)
        size += len(chunk)
        if size >= LEDE_CHARS:
            break
    return " ".join(parts)[: LEDE_CHARS * 2] or article.text[article.body_start:][:LEDE_CHARS]


def check(paths: list[str | Path], *, policy: str = "conservative", model: str | None = None,
          nlp=None, embedder: Embedder | None = None, config: ClusterConfig = ClusterConfig(),
          max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False) -> Result:
    """Run the whole pipeline over files and folders of articles.

    Args:
        paths: article files and folders (``.txt``/``.md``, optional ``sources.csv``).
        policy: the vague-quantity policy name ("conservative" or "crowd").
        model: embedding model name or local folder; defaults to all-MiniLM-L6-v2.
        nlp: a loaded spaCy pipeline, to reuse one across runs.
        embedder: an ``Embedder``, to reuse one or to test with a fake.
        config: grouping threshold and weights.
        max_bytes: larger files are skipped with a reason.
        strict: fail on the first bad input instead of skipping it.

    Returns:
        A ``Result`` with articles, skipped inputs, claims and facts.

    Example:
        >>> result = check(["seeds/"])            # doctest: +SKIP
        >>> print(result.to_markdown()[:40])      # doctest: +SKIP
    """
    vague = get_policy(policy)
    articles, skipped = ingest(list(paths), max_bytes=max_bytes, strict=strict)
    nlp = nlp if nlp is not None else load_nlp()
    embedder = embedder if embedder is not None else SentenceTransformerEmbedder(model)
    claims: list[Claim] = []
    for found in extract_many(articles, nlp=nlp, policy=vague):
        claims.extend(found)
    by_id = {a.id: a for a in articles}
    sentence_vecs = embedder.embed([c.sentence for c in claims]) if claims else np.zeros((0, 1), np.float32)
    lede_vecs = embedder.embed([lede(a) for a in articles]) if articles else np.zeros((0, 1), np.float32)
    article_vecs = {a.id: lede_vecs[i] for i, a in enumerate(articles)}
    groups = cluster_claims(claims, sentence_vecs, article_vecs, by_id, config=config)
    facts = compare(groups, claims, by_id)
    return Result(tuple(articles), tuple(skipped), tuple(claims), tuple(facts), vague, embedder.name)
