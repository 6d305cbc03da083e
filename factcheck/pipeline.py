"""Pipeline: composes ingest -> claims -> embed -> cluster -> compare, nothing else.

Reads paths and options; returns a ``Result`` holding every record of the run.
Models are loaded only when ``check`` runs, never at import time, and not at all
when an optional ``Cache`` already holds every article's claims and vectors.
An optional ``timings`` dict receives the wall time of each stage.

``check`` is the composition of stage functions that other callers (the claim store) reuse:
``read_stage`` (paths -> articles and skipped inputs), ``extract_stage`` / ``extract_stream``
(articles -> claims), ``embed_stage`` (claims -> one vector matrix per article) and ``group_stage``
(claims and vectors -> facts and syndicated groups).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter

import numpy as np

from .cache import Cache, embedder_identity, installed_nlp_identity, nlp_identity, policy_identity
from .claims import extract_many, load_nlp, nlp_installed, segment
from .claims_ud import extract_many_ud
from .cluster import ClusterConfig, claim_text, cluster_claims
from .compare import compare
from .syndication import find_syndication
from .embed import Embedder, SentenceTransformerEmbedder, resolve_model_path
from .formats import Columns
from .ingest import DEFAULT_MAX_BYTES, Skipped, ingest
from .numbers import VaguePolicy, get_policy
from .lang import DEFAULT_LANGUAGE, get_language
from .records import Article, Claim, Fact, InputError, ModelMissingError, Result

LEDE_CHARS = 600
# Parse in two worker processes from this many articles on; below it, starting them costs more.
PARALLEL_FROM = 100
PARSE_PROCESSES = 2


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


class _Clock:
    """Adds the wall time of each stage to a dict, when one is given."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def add(self, stage: str, seconds: float) -> None:
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t0 = perf_counter()
        try:
            yield
        finally:
            self.add(stage, perf_counter() - t0)


class _TimedNLP:
    """A spaCy pipeline whose ``pipe`` counts the time spent inside it as the parse stage."""

    def __init__(self, nlp, clock: _Clock) -> None:
        self._nlp = nlp
        self._clock = clock
        self.seconds = 0.0

    def pipe(self, texts, **kwargs):
        docs = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            t0 = perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                spent = perf_counter() - t0
                self.seconds += spent
                self._clock.add("parse", spent)
            yield doc

    def __getattr__(self, name: str):
        return getattr(self._nlp, name)


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


def _failure(exc: BaseException) -> str:
    """An exception as a skip reason: "claim extraction failed (ValueError: ...)"."""
    detail = " ".join(str(exc).split())
    detail = detail[:200] + "…" if len(detail) > 200 else detail
    return f"claim extraction failed ({type(exc).__name__}{': ' + detail if detail else ''})"


def _extract(todo: list[int], articles: list[Article], lang: str, *, nlp, policy: VaguePolicy,
             clock: _Clock, failed: dict[int, str] | None = None,
             strict: bool = False) -> Iterator[tuple[int, list[Claim]]]:
    """(index, claims) for the articles of one language: English by ``claims.py`` (in two spaCy
    worker processes from PARALLEL_FROM articles on), a UD-parsed language by ``claims_ud.py``.

    An article whose parse or extraction raises is left out and its reason put in ``failed``
    (with ``strict``, an ``InputError`` naming it stops the run): when the shared stream breaks,
    the next article is extracted alone to tell whether it is the one at fault, and the stream
    starts again after it. So one article never stops the others, and the result does not depend
    on where the stream broke.
    """
    if nlp is None:
        with clock("load"):
            nlp = load_nlp(lang)
    timed = _TimedNLP(nlp, clock)

    def run(indices: list[int], n_process: int) -> Iterator[list[Claim]]:
        if lang == DEFAULT_LANGUAGE:
            return extract_many([articles[i] for i in indices], nlp=timed, policy=policy, n_process=n_process)
        return extract_many_ud([articles[i] for i in indices], nlp=timed, language=get_language(lang),
                               policy=policy)

    t0 = perf_counter()
    pending = list(todo)
    big = len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) >= PARSE_PROCESSES
    while pending:
        stream = run(pending, PARSE_PROCESSES if big else 1)
        done = 0
        try:
            for claims_i in stream:
                paused = perf_counter()
                yield pending[done], claims_i
                done += 1
                t0 += perf_counter() - paused  # the caller's own time (the cache) is not extraction
        except Exception:  # noqa: BLE001 - which article broke the stream is found below
            close = getattr(stream, "close", None)
            if close is not None:
                close()  # stops spaCy's worker processes, if any
            if done >= len(pending):
                break
            i = pending[done]
            try:
                (claims_i,) = list(run([i], 1))
            except Exception as exc:  # noqa: BLE001 - this article alone fails: skip it
                if strict:
                    raise InputError(f"{articles[i].path}: {_failure(exc)}") from None
                if failed is not None:
                    failed[i] = _failure(exc)
            else:
                paused = perf_counter()
                yield i, claims_i
                t0 += perf_counter() - paused
            pending = pending[done + 1:]
            continue
        break
    clock.add("extract", perf_counter() - t0 - timed.seconds)


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
                   strict: bool = False) -> Iterator[tuple[int, list[Claim]]]:
    """(index, claims) for the articles at ``todo``, one language after another (sorted by code),
    each as it is extracted. Articles that fail are left out with their reason in ``failed``."""
    clock = clock or _Clock(None)
    for lang in sorted({_lang(articles[i]) for i in todo}):
        part = [i for i in todo if _lang(articles[i]) == lang]
        yield from _extract(part, articles, lang, nlp=_given_nlp(nlp, lang), policy=policy, clock=clock,
                            failed=failed, strict=strict)


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
                  tell: Callable[[str, int, int], None] | None = None,
                  ) -> tuple[list[list[Claim] | None], list[str | None], dict[int, str]]:
    """Claims per article: from the cache where it has them, else parsed and extracted (and cached).

    Returns:
        Each article's claims (None for one whose extraction failed), its cache key (None without
        a cache), and the failed articles' indices with their skip reasons.
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
                                      strict=strict):
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
    lede); from the cache where it has them, else embedded (and cached)."""
    clock = clock or _Clock(None)
    tell = tell or (lambda stage, done, total: None)
    n = len(articles)
    keys = keys if keys is not None else [None] * n
    vectors: list[np.ndarray | None] = [None] * n
    vkeys: list[str | None] = [None] * n
    with clock("cache"):
        if cache is not None and any(keys):
            embedder_id = embedder_identity(embedder)
            for i in range(n):
                if keys[i] is None:
                    continue
                vkeys[i] = cache.vectors_key(keys[i], embedder_id=embedder_id)
                got = cache.get_vectors(vkeys[i])
                if got is not None and got.ndim == 2 and got.shape[0] == len(per_article[i]) + 1:
                    vectors[i] = got
    missing = [i for i in range(n) if vectors[i] is None]
    tell("embedded", n - len(missing), n)
    if missing:
        for i, vecs in zip(missing, _embed(articles, per_article, missing, embedder=embedder, clock=clock)):
            vectors[i] = vecs
            if vkeys[i] is not None:
                with clock("cache"):
                    cache.put_vectors(vkeys[i], vecs)
        tell("embedded", n, n)
    return vectors  # type: ignore[return-value]  # every row is filled above


def _embed(articles: list[Article], per_article: list[list[Claim]], missing: list[int], *, embedder: Embedder,
           clock: _Clock) -> list[np.ndarray]:
    """The vectors of the articles at ``missing``, in that order, from one call per kind of text."""
    with clock("extract"):
        # the sentence model reads English: another language's text is not embedded (one shared
        # placeholder vector), and cluster decides its pairs by structure, not by similarity
        sentences, rows = _unique([_for_model(articles[i], claim_text(c)) for i in missing for c in per_article[i]])
        ledes = [_for_model(articles[i], lede(articles[i])) for i in missing]
    with clock("embed"):
        svecs = embedder.embed(sentences) if sentences else None
        lvecs = embedder.embed(ledes)
    out, pos = [], 0
    for j, i in enumerate(missing):
        k = len(per_article[i])
        own = svecs[rows[pos:pos + k]] if k else np.zeros((0, lvecs.shape[1]), np.float32)
        pos += k
        out.append(np.vstack([own, lvecs[j:j + 1]]).astype(np.float32, copy=False))
    return out


def group_stage(articles: list[Article], per_article: list[list[Claim]], vectors: list[np.ndarray], *,
                config: ClusterConfig = ClusterConfig(), clock: _Clock | None = None,
                ) -> tuple[list[Claim], list[Fact], tuple[tuple[str, ...], ...]]:
    """Claims grouped into facts and compared: every claim in article order, the facts, and the
    syndicated groups of articles. ``vectors`` holds each article's matrix from ``embed_stage``."""
    clock = clock or _Clock(None)
    claims: list[Claim] = [c for cs in per_article for c in cs]
    by_id = {a.id: a for a in articles}
    if articles:
        sentence_vecs = np.vstack([v[:-1] for v in vectors])
        article_vecs = {a.id: vectors[i][-1] for i, a in enumerate(articles)}
    else:
        sentence_vecs, article_vecs = np.zeros((0, 1), np.float32), {}
    with clock("group"):
        groups = cluster_claims(claims, sentence_vecs, article_vecs, by_id, config=config)
        wires = find_syndication(articles)
    with clock("compare"):
        facts = compare(groups, claims, by_id, syndication=wires)
    return claims, facts, wires


def check(paths: list[str | Path], *, policy: str = "conservative", model: str | None = None,
          nlp=None, embedder: Embedder | None = None, config: ClusterConfig = ClusterConfig(),
          max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False, cache: Cache | None = None,
          timings: dict[str, float] | None = None, columns: Columns = Columns(),
          progress: Callable[[str, int, int], None] | None = None) -> Result:
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
    found, keys, failed = extract_stage(articles, vague=vague, nlp=nlp, cache=cache, strict=strict,
                                        clock=clock, tell=tell)
    if failed:  # listed as skipped inputs; the run goes on with the others
        skipped = sorted([*skipped, *(Skipped(articles[i].path, failed[i]) for i in failed)],
                         key=lambda s: (s.path, s.reason))
        keep = [i for i in range(len(articles)) if i not in failed]
        articles, found, keys = [articles[i] for i in keep], [found[i] for i in keep], [keys[i] for i in keep]
    per_article: list[list[Claim]] = [f or [] for f in found]
    vectors = embed_stage(articles, per_article, embedder=embedder, keys=keys, cache=cache, clock=clock, tell=tell)
    claims, facts, wires = group_stage(articles, per_article, vectors, config=config, clock=clock)
    return Result(tuple(articles), tuple(skipped), tuple(claims), tuple(facts), vague, embedder.name,
                  syndication=wires)
