"""Pipeline: composes ingest -> claims -> embed -> cluster -> compare, nothing else.

Reads paths and options; returns a ``Result`` holding every record of the run.
Models are loaded only when ``check`` runs, never at import time, and not at all
when an optional ``Cache`` already holds every article's claims and vectors.
An optional ``timings`` dict receives the wall time of each stage.

``check`` is the composition of stage functions that other callers (the claim store) reuse:
``read_stage`` (paths -> articles and skipped inputs), ``extract_stage`` / ``extract_stream``
(articles -> claims), ``embed_vectors`` (claims -> one compact ``ClaimVectors``: each distinct
text's vector once; ``embed_stage`` gives the same as one matrix per article) and ``group_stage``
(claims and vectors -> facts and syndicated groups, one block's vectors at a time).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from time import perf_counter

import numpy as np
import sklearn

from .cache import Cache, embedder_identity, installed_nlp_identity, nlp_identity, policy_identity
from .claims import load_nlp, nlp_installed, segment
from .cluster import ClusterConfig, claim_text, cluster_claims
from .compare import compare
from .syndication import find_syndication
from .embed import Embedder, SentenceTransformerEmbedder, resolve_model_path
from .engine import Engine, engine_for
from .extract import Chunk, ChunkDone, Clock as _Clock, extract_chunk, extract_language, failure as _failure
from .formats import Columns
from .ingest import DEFAULT_MAX_BYTES, Skipped, ingest
from .join import join_claims
from .numbers import VaguePolicy, get_policy
from .lang import DEFAULT_LANGUAGE, get_language
from .records import Article, Claim, ClaimVectors, Fact, FactcheckError, InputError, ModelMissingError, Result

LEDE_CHARS = 600
# scikit-learn's working memory for the neighbour search over one block (its default, 1 GB, is the
# peak of a 10,000-article run otherwise); the neighbours found are the same, slice by slice.
GROUP_WORKING_MB = 64
# Parse in two worker processes from this many articles on; below it, starting them costs more.
PARALLEL_FROM = 100
PARSE_PROCESSES = 2
# The per-article stage by default, from PARALLEL_FROM articles on: False keeps spaCy's own pool of
# PARSE_PROCESSES, True starts a local Dask cluster sized to the cores (see the README's figures).
CLUSTER_BY_DEFAULT = False
CHUNK_MAX = 16  # articles per cluster task: a few parser batches, small enough to balance the end


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


def _unique(texts: list[str]) -> tuple[list[str], list[int]]:
    """Distinct texts in first-seen order, and each text's row among them."""
    rows: dict[str, int] = {}
    where = [rows.setdefault(t, len(rows)) for t in texts]
    return list(rows), where


def _lang(article: Article) -> str:
    return article.lang or DEFAULT_LANGUAGE


def _for_model(article: Article, text: str) -> str:
    """The text the English sentence model embeds for an article's claim or lede ("" in another language)."""
    return text if _lang(article) == DEFAULT_LANGUAGE else ""


def _given_nlp(nlp, lang: str):
    """The caller's pipeline for a language: ``nlp`` is one English pipeline or a {code: pipeline} map."""
    if isinstance(nlp, Mapping):
        return nlp.get(lang)
    return nlp if lang == DEFAULT_LANGUAGE else None


def readable_articles(articles: list[Article], *, strict: bool) -> tuple[list[Article], list[Skipped]]:
    """Articles whose language has an installed spaCy pipeline, and the others as skipped inputs
    that name the package to install (the Spanish one is an optional, GPL-3.0 install)."""
    missing = {lang for lang in {_lang(a) for a in articles} if not nlp_installed(lang)}
    if not missing:
        return articles, []
    unread = [Skipped(a.path, f"no spaCy {get_language(_lang(a)).name} pipeline is installed "
                              f"({get_language(_lang(a)).install_hint})") for a in articles if _lang(a) in missing]
    if strict:
        raise ModelMissingError(f"{unread[0].path}: {unread[0].reason}")
    return [a for a in articles if _lang(a) not in missing], unread


def read_stage(paths: list[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False,
               columns: Columns = Columns(), clock: _Clock | None = None) -> tuple[list[Article], list[Skipped]]:
    """Ingest ``paths``: the articles a run reads, and every input it skips (languages without an
    installed pipeline among them), each list in the order ``check`` reports it."""
    clock = clock or _Clock(None)
    with clock("ingest"):
        articles, skipped = ingest(list(paths), max_bytes=max_bytes, strict=strict, columns=columns)
        articles, unread = readable_articles(articles, strict=strict)
        skipped = sorted([*skipped, *unread], key=lambda s: s.path) if unread else skipped
    return articles, skipped


def open_embedder(model: str | None, embedder: Embedder | None = None) -> Embedder:
    """The given embedder, else the real one for ``model``; a missing model fails now, not after the
    parse (nothing is loaded yet)."""
    embedder = embedder if embedder is not None else SentenceTransformerEmbedder(model)
    if isinstance(embedder, SentenceTransformerEmbedder):
        resolve_model_path(embedder.name)
    return embedder


def extract_stream(articles: list[Article], todo: list[int], *, policy: VaguePolicy, nlp=None,
                   clock: _Clock | None = None, failed: dict[int, str] | None = None,
                   strict: bool = False, engine: Engine | None = None) -> Iterator[tuple[int, list[Claim]]]:
    """(index, claims) for the articles at ``todo``, one language after another (sorted by code),
    each as it is extracted. Articles that fail are left out with their reason in ``failed``.

    ``engine`` says where: chunks of articles mapped over a cluster's workers (which load the
    installed spaCy pipelines, not ``nlp``), or in this process. Without one, a run of
    PARALLEL_FROM articles or more parses in spaCy's pool of PARSE_PROCESSES while this process
    extracts (or, with CLUSTER_BY_DEFAULT, runs on a local cluster sized to the cores), a smaller
    one in this process. The claims are the same wherever they run.
    """
    clock = clock or _Clock(None)
    big = len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) >= PARSE_PROCESSES
    own = Engine() if engine is None and big and CLUSTER_BY_DEFAULT else None
    with own or nullcontext():
        engine = engine or own
        for lang in sorted({_lang(articles[i]) for i in todo}):
            part = [i for i in todo if _lang(articles[i]) == lang]
            if engine is None and big:  # spaCy's own pool
                yield from extract_language(part, articles, lang, nlp=_given_nlp(nlp, lang), policy=policy,
                                            clock=clock, failed=failed, strict=strict, processes=PARSE_PROCESSES)
            else:
                yield from _extract_mapped(engine or Engine(workers=0), part, articles, lang, nlp=nlp,
                                           policy=policy, clock=clock, failed=failed, strict=strict)


def _extract_mapped(engine: Engine, part: list[int], articles: list[Article], lang: str, *, nlp,
                    policy: VaguePolicy, clock: _Clock, failed: dict[int, str] | None,
                    strict: bool) -> Iterator[tuple[int, list[Claim]]]:
    """The articles at ``part`` (one language) in chunks through ``engine.map``, as (index, claims)
    in order. A chunk whose task failed as a whole (its worker died too often) is run again one
    article per task, so only the article at fault is skipped. The wall time is shared among the
    load, parse and extract stages in the proportions the tasks measured."""
    if engine.distributed:
        fn, step = extract_chunk, max(1, min(CHUNK_MAX, math.ceil(len(part) / (4 * engine.size()))))
    else:
        given = _given_nlp(nlp, lang)
        if given is None:
            with clock("load"):
                given = load_nlp(lang)
        fn, step = partial(extract_chunk, nlp=given), 4 * CHUNK_MAX
    groups = [part[k:k + step] for k in range(0, len(part), step)]
    tasks = (Chunk(lang, tuple(articles[i] for i in g), policy, strict) for g in groups)
    spent: dict[str, float] = {}
    t0 = perf_counter()
    for g, (done, exc) in zip(groups, engine.map(fn, tasks)):
        if exc is not None:
            done = _extract_alone(engine, fn, g, articles, lang, policy=policy, strict=strict, error=exc)
        for stage, seconds in done.timings.items():
            spent[stage] = spent.get(stage, 0.0) + seconds
        for k, i in enumerate(g):
            if done.claims[k] is None:
                if failed is not None:
                    failed[i] = done.failed[k]
                continue
            paused = perf_counter()
            yield i, done.claims[k]
            t0 += perf_counter() - paused  # the caller's own time (the cache) is not extraction
    wall, total = perf_counter() - t0, sum(spent.values())
    for stage, seconds in (spent.items() if total > 0 else [("extract", 1.0)]):
        clock.add(stage, wall * seconds / (total or 1.0))


def _extract_alone(engine: Engine, fn, group: list[int], articles: list[Article], lang: str, *,
                   policy: VaguePolicy, strict: bool, error: BaseException) -> ChunkDone:
    """A failed chunk again, one article per task; a library error (a missing model, ``strict``'s
    first bad input) stops the run as it would in this process."""
    if isinstance(error, FactcheckError):
        raise error
    out = ChunkDone([None] * len(group))
    singles = (Chunk(lang, (articles[i],), policy, strict) for i in group)
    for k, (done, exc) in enumerate(engine.map(fn, singles)):
        if exc is None:
            out.claims[k] = done.claims[0]
            out.failed.update({k: reason for reason in done.failed.values()})
            continue
        if isinstance(exc, FactcheckError):
            raise exc
        # a worker's death is named without its address or task key, so the report stays the same
        reason = ("claim extraction failed (KilledWorker: the worker process died each time it ran "
                  "this article)" if type(exc).__name__ == "KilledWorker" else _failure(exc))
        if strict:
            raise InputError(f"{articles[group[k]].path}: {reason}")
        out.failed[k] = reason
    return out


def _cached_claims(articles: list[Article], *, cache: Cache | None, vague: VaguePolicy,
                   nlp) -> tuple[list[list[Claim] | None], list[str | None]]:
    """Each article's claims as the cache holds them (None on a miss), and its cache key."""
    n = len(articles)
    found: list[list[Claim] | None] = [None] * n
    keys: list[str | None] = [None] * n
    if cache is not None and n:
        policy_id = policy_identity(vague)
        nlp_ids = {lang: nlp_identity(_given_nlp(nlp, lang)) if _given_nlp(nlp, lang) is not None
                   else installed_nlp_identity(lang) for lang in {_lang(a) for a in articles}}
        for i, a in enumerate(articles):
            if nlp_ids[_lang(a)] is not None:
                keys[i] = cache.claims_key(a, nlp_id=nlp_ids[_lang(a)], policy_id=policy_id)
                found[i] = cache.get_claims(keys[i])
    return found, keys


def extract_stage(articles: list[Article], *, vague: VaguePolicy, nlp=None, cache: Cache | None = None,
                  strict: bool = False, clock: _Clock | None = None,
                  tell: Callable[[str, int, int], None] | None = None, engine: Engine | None = None,
                  ) -> tuple[list[list[Claim] | None], list[str | None], dict[int, str]]:
    """Claims per article: from the cache where it has them, else parsed and extracted (and cached).

    Returns:
        Each article's claims (None for one whose extraction failed), its cache key (None without
        a cache), and the failed articles' indices with their skip reasons. ``engine``: where the
        extraction runs (see ``extract_stream``).
    """
    clock = clock or _Clock(None)
    tell = tell or (lambda stage, done, total: None)
    n = len(articles)
    with clock("cache"):
        found, keys = _cached_claims(articles, cache=cache, vague=vague, nlp=nlp)
    todo = [i for i in range(n) if found[i] is None]
    parsed = n - len(todo)
    tell("parsed", parsed, n)
    failed: dict[int, str] = {}  # articles whose parse or extraction raised, with the reason
    for i, claims_i in extract_stream(articles, todo, policy=vague, nlp=nlp, clock=clock, failed=failed,
                                      strict=strict, engine=engine):
        found[i] = claims_i
        parsed += 1
        tell("parsed", parsed, n)
        if keys[i] is not None:
            with clock("cache"):
                cache.put_claims(keys[i], claims_i)
    return found, keys, failed


def embed_stage(articles: list[Article], per_article: list[list[Claim]], *, embedder: Embedder,
                keys: list[str | None] | None = None, cache: Cache | None = None,
                clock: _Clock | None = None,
                tell: Callable[[str, int, int], None] | None = None) -> list[np.ndarray]:
    """One float32 matrix per article: a row per claim (its sentence), then one for the article (its
    lede); from the cache where it has them, else embedded (and cached). ``embed_vectors`` gives the
    same vectors as one compact record, without a matrix per article."""
    vectors = embed_vectors(articles, per_article, embedder=embedder, keys=keys, cache=cache, clock=clock,
                            tell=tell)
    return [vectors.article(i) for i in range(len(articles))]


def embed_vectors(articles: list[Article], per_article: list[list[Claim]], *, embedder: Embedder,
                  keys: list[str | None] | None = None, cache: Cache | None = None,
                  clock: _Clock | None = None,
                  tell: Callable[[str, int, int], None] | None = None) -> ClaimVectors:
    """Every claim's sentence vector and every article's lede vector as one ``ClaimVectors``: an
    article's from the cache where it has them, else embedded (each distinct text once) and cached."""
    clock = clock or _Clock(None)
    tell = tell or (lambda stage, done, total: None)
    n = len(articles)
    with clock("cache"):
        hits, vkeys = _cached_vectors(per_article, keys or [None] * n, embedder=embedder, cache=cache)
    missing = [i for i in range(n) if i not in hits]
    tell("embedded", n - len(missing), n)
    fresh = _embed(articles, per_article, missing, embedder=embedder, clock=clock) if missing else None
    vectors = _assemble(per_article, hits, missing, fresh)
    if missing:
        tell("embedded", n, n)
    if cache is not None:
        with clock("cache"):
            for i in missing:
                if vkeys[i] is not None:
                    cache.put_vectors(vkeys[i], vectors.article(i))
    return vectors


def _cached_vectors(per_article: list[list[Claim]], keys: list[str | None], *, embedder: Embedder,
                    cache: Cache | None) -> tuple[dict[int, np.ndarray], list[str | None]]:
    """The articles whose vectors the cache holds (index -> matrix), and every article's vector key."""
    hits: dict[int, np.ndarray] = {}
    vkeys: list[str | None] = [None] * len(keys)
    if cache is None or not any(keys):
        return hits, vkeys
    embedder_id = embedder_identity(embedder)
    for i, key in enumerate(keys):
        if key is None:
            continue
        vkeys[i] = cache.vectors_key(key, embedder_id=embedder_id)
        got = cache.get_vectors(vkeys[i])
        if got is not None and got.ndim == 2 and got.shape[0] == len(per_article[i]) + 1:
            hits[i] = got
    return hits, vkeys


def _embed(articles: list[Article], per_article: list[list[Claim]], missing: list[int], *, embedder: Embedder,
           clock: _Clock) -> tuple[np.ndarray | None, list[int], np.ndarray]:
    """The vectors of the articles at ``missing``, from one call per kind of text: the distinct claim
    texts' matrix (None when there are none), each claim's row in it (claims of ``missing`` in that
    order), and one lede row per article of ``missing``, all float32."""
    with clock("extract"):
        # the sentence model reads English: another language's text is not embedded (one shared
        # placeholder vector), and cluster decides its pairs by structure, not by similarity
        sentences, rows = _unique([_for_model(articles[i], claim_text(c)) for i in missing for c in per_article[i]])
        ledes = [_for_model(articles[i], lede(articles[i])) for i in missing]
    with clock("embed"):
        svecs = np.asarray(embedder.embed(sentences), np.float32) if sentences else None
        del sentences
        lvecs = np.asarray(embedder.embed(ledes), np.float32)
    return svecs, rows, lvecs


def _assemble(per_article: list[list[Claim]], hits: dict[int, np.ndarray], missing: list[int],
              fresh: tuple[np.ndarray | None, list[int], np.ndarray] | None) -> ClaimVectors:
    """One ``ClaimVectors`` from the freshly embedded articles (``missing``, with ``fresh`` from
    ``_embed``) and the cached ones (``hits``): fresh rows first, each cached matrix's after them."""
    counts = np.array([len(cs) for cs in per_article], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) if len(counts) else counts
    svecs, fresh_rows, lvecs = fresh if fresh is not None else (None, [], None)
    dim = next((m.shape[1] for m in (lvecs, *hits.values()) if m is not None), 1)
    parts = [svecs if svecs is not None else np.zeros((0, dim), np.float32)]
    rows = np.zeros(int(counts.sum()), dtype=np.int64)
    ledes = np.zeros((len(per_article), dim), np.float32)
    pos = 0
    for j, i in enumerate(missing):
        rows[starts[i]:starts[i] + counts[i]] = fresh_rows[pos:pos + counts[i]]
        pos += counts[i]
        ledes[i] = lvecs[j]
    offset = len(parts[0])
    for i in sorted(hits):
        parts.append(np.asarray(hits[i][:-1], np.float32))
        rows[starts[i]:starts[i] + counts[i]] = np.arange(offset, offset + counts[i])
        offset += counts[i]
        ledes[i] = hits[i][-1]
    matrix = parts[0] if len(parts) == 1 else np.vstack(parts)
    return ClaimVectors(matrix, rows, ledes, starts)


def compact_vectors(vectors: list[np.ndarray]) -> ClaimVectors:
    """Per-article matrices (``embed_stage``'s, or a store's) as one ``ClaimVectors``."""
    dim = vectors[0].shape[1] if vectors else 1
    counts = np.array([len(v) - 1 for v in vectors], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) if len(counts) else counts
    matrix = np.vstack([v[:-1] for v in vectors]).astype(np.float32, copy=False) if vectors \
        else np.zeros((0, dim), np.float32)
    ledes = np.vstack([v[-1:] for v in vectors]).astype(np.float32, copy=False) if vectors \
        else np.zeros((0, dim), np.float32)
    return ClaimVectors(matrix, np.arange(len(matrix), dtype=np.int64), ledes, starts)


def group_stage(articles: list[Article], per_article: list[list[Claim]],
                vectors: ClaimVectors | list[np.ndarray], *, config: ClusterConfig = ClusterConfig(),
                clock: _Clock | None = None) -> tuple[list[Claim], list[Fact], tuple[tuple[str, ...], ...]]:
    """Claims grouped into facts and compared: every claim in article order, the facts, and the
    syndicated groups of articles. ``vectors``: ``embed_vectors``' record, or each article's matrix
    from ``embed_stage``.

    The grouping copies out one block's vectors at a time, and the neighbour search over a block
    works in slices of GROUP_WORKING_MB, so its memory is that of the largest block."""
    clock = clock or _Clock(None)
    claims: list[Claim] = [c for cs in per_article for c in cs]
    if not isinstance(vectors, ClaimVectors):
        vectors = compact_vectors(vectors)
    with clock("group"):
        groups = grouped(articles, claims, vectors, config=config)
    facts, wires = facts_stage(articles, claims, groups, clock=clock)
    return claims, facts, wires


def grouped(articles: list[Article], claims: list[Claim], vectors: ClaimVectors, *,
            config: ClusterConfig = ClusterConfig(), labels: list[int | None] | None = None, **found):
    """``cluster_claims`` over a run's claims, or a part of them (``vectors``: their
    ``ClaimVectors``, ledes row-aligned with ``articles``). With ``labels`` (a stored fact's label
    per claim, None for a claim not joined yet), ``join_claims`` instead: the groups of the new
    claims and of the facts they touch. ``found``: what the run's articles give both at once
    (``names_found``, and ``moved`` for the join), when found already."""
    by_id = {a.id: a for a in articles}
    article_vecs = {a.id: vectors.ledes[i] for i, a in enumerate(articles)}
    with sklearn.config_context(working_memory=GROUP_WORKING_MB):
        if labels is None:
            return cluster_claims(claims, vectors, article_vecs, by_id, config=config, **found)
        return join_claims(claims, vectors, article_vecs, by_id, labels, config=config, **found)


def facts_stage(articles: list[Article], claims: list[Claim], groups: list[list[int]], *,
                clock: _Clock | None = None) -> tuple[list[Fact], tuple[tuple[str, ...], ...]]:
    """Groups of claim indices compared into facts, and the syndicated groups of articles."""
    clock = clock or _Clock(None)
    with clock("group"):
        wires = find_syndication(articles)
    with clock("compare"):
        facts = compare(groups, claims, {a.id: a for a in articles}, syndication=wires)
    return facts, wires


def check(paths: list[str | Path], *, policy: str = "conservative", model: str | None = None,
          nlp=None, embedder: Embedder | None = None, config: ClusterConfig = ClusterConfig(),
          max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False, cache: Cache | None = None,
          timings: dict[str, float] | None = None, columns: Columns = Columns(),
          progress: Callable[[str, int, int], None] | None = None, workers: int | None = None,
          scheduler: str | None = None) -> Result:
    """Run the whole pipeline over files and folders of articles.

    Args:
        paths: article files and folders (``.txt``/``.md``, saved ``.html`` pages, ``.jsonl``/``.csv``
            datasets with one article per row; optional ``sources.csv`` manifests).
        policy: the vague-quantity policy name ("conservative" or "crowd").
        model: embedding model name or local folder; defaults to all-MiniLM-L6-v2.
        nlp: a loaded spaCy pipeline (English), or a {language code: pipeline} map, to reuse them
            across runs; a language not given is loaded from its installed package.
        embedder: an ``Embedder``, to reuse one or to test with a fake.
        config: grouping threshold and weights.
        max_bytes: larger files are skipped with a reason.
        strict: fail on the first bad input instead of skipping it.
        cache: where to keep and find each article's claims and vectors; None for no cache.
            The result is the same with or without it.
        timings: a dict that receives seconds per stage: ``ingest``, ``load`` (the spaCy
            pipeline), ``cache``, ``parse`` (inside spaCy), ``extract`` (the rest of claim
            extraction), ``embed`` (inside the embedder), ``group`` and ``compare``.
        columns: which dataset columns hold the text, outlet, published date, url and id.
        progress: called as ``progress(stage, done, total)`` with stage "read", "parsed" or
            "embedded", for a display of counts; it must not raise.
        workers: where claims are extracted: ``0`` in this process, ``N`` on a local Dask cluster
            of N worker processes; None for the default (see ``extract_stream``). The result is
            the same bytes however it runs.
        scheduler: the address of an existing Dask scheduler to extract on (``tcp://host:8786``);
            its workers need factcheck and the spaCy pipelines installed.

    Returns:
        A ``Result`` with articles, skipped inputs, claims and facts.

    Example:
        >>> result = check(["seeds/"])            # doctest: +SKIP
        >>> print(result.to_markdown()[:40])      # doctest: +SKIP
    """
    clock = _Clock(timings)
    vague = get_policy(policy)
    articles, skipped = read_stage(paths, max_bytes=max_bytes, strict=strict, columns=columns, clock=clock)
    embedder = open_embedder(model, embedder)
    tell = progress or (lambda stage, done, total: None)
    tell("read", len(articles), len(articles))
    with engine_for(workers=workers, scheduler=scheduler) as engine:
        found, keys, failed = extract_stage(articles, vague=vague, nlp=nlp, cache=cache, strict=strict,
                                            clock=clock, tell=tell, engine=engine)
    if failed:  # listed as skipped inputs; the run goes on with the others
        skipped = sorted([*skipped, *(Skipped(articles[i].path, failed[i]) for i in failed)],
                         key=lambda s: (s.path, s.reason))
        keep = [i for i in range(len(articles)) if i not in failed]
        articles, found, keys = [articles[i] for i in keep], [found[i] for i in keep], [keys[i] for i in keep]
    per_article: list[list[Claim]] = [f or [] for f in found]
    vectors = embed_vectors(articles, per_article, embedder=embedder, keys=keys, cache=cache, clock=clock,
                            tell=tell)
    claims, facts, wires = group_stage(articles, per_article, vectors, config=config, clock=clock)
    return Result(tuple(articles), tuple(skipped), tuple(claims), tuple(facts), vague, embedder.name,
                  syndication=wires)
