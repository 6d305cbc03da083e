"""The per-article stage, runnable anywhere: in this process, in spaCy's worker pool, or as one task
of a cluster (``engine.py``).

Reads Articles of one language and a vague-quantity policy; returns each article's claims in the
order given, and the articles whose parse or extraction raised, with the reason they are skipped.
It imports only the claim readers (no clustering, embedding or data-frame library), so a cluster
worker that runs ``extract_chunk`` starts light, and it loads each spaCy pipeline once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from time import perf_counter

from .claims import extract_many, load_nlp
from .claims_ud import extract_many_ud
from .engine import resident
from .lang import DEFAULT_LANGUAGE, get_language
from .numbers import VaguePolicy
from .records import Article, Claim, InputError


class Clock:
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


class TimedNLP:
    """A spaCy pipeline whose ``pipe`` counts the time spent inside it as the parse stage."""

    def __init__(self, nlp, clock: Clock) -> None:
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


def failure(exc: BaseException) -> str:
    """An exception as a skip reason: "claim extraction failed (ValueError: ...)"."""
    detail = " ".join(str(exc).split())
    detail = detail[:200] + "…" if len(detail) > 200 else detail
    return f"claim extraction failed ({type(exc).__name__}{': ' + detail if detail else ''})"


def extract_language(todo: list[int], articles: list[Article], lang: str, *, nlp, policy: VaguePolicy,
                     clock: Clock, failed: dict[int, str] | None = None, strict: bool = False,
                     processes: int = 1) -> Iterator[tuple[int, list[Claim]]]:
    """(index, claims) for the articles of one language: English by ``claims.py`` (parsed in
    ``processes`` spaCy worker processes), a UD-parsed language by ``claims_ud.py``.

    An article whose parse or extraction raises is left out and its reason put in ``failed``
    (with ``strict``, an ``InputError`` naming it stops the run): when the shared stream breaks,
    the next article is extracted alone to tell whether it is the one at fault, and the stream
    starts again after it. So one article never stops the others, and the result does not depend
    on where the stream broke.
    """
    if nlp is None:
        with clock("load"):
            nlp = load_nlp(lang)
    timed = TimedNLP(nlp, clock)

    def run(indices: list[int], n_process: int) -> Iterator[list[Claim]]:
        if lang == DEFAULT_LANGUAGE:
            return extract_many([articles[i] for i in indices], nlp=timed, policy=policy, n_process=n_process)
        return extract_many_ud([articles[i] for i in indices], nlp=timed, language=get_language(lang),
                               policy=policy)

    t0 = perf_counter()
    pending = list(todo)
    while pending:
        stream = run(pending, processes)
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
                    raise InputError(f"{articles[i].path}: {failure(exc)}") from None
                if failed is not None:
                    failed[i] = failure(exc)
            else:
                paused = perf_counter()
                yield i, claims_i
                t0 += perf_counter() - paused
            pending = pending[done + 1:]
            continue
        break
    clock.add("extract", perf_counter() - t0 - timed.seconds)


@dataclass(frozen=True)
class Chunk:
    """One task of the per-article stage: consecutive articles of one language."""

    lang: str
    articles: tuple[Article, ...]
    policy: VaguePolicy
    strict: bool = False


@dataclass
class ChunkDone:
    """What a chunk gives back: each article's claims (None where it failed, with its reason in
    ``failed``, keyed by position in the chunk) and the seconds it spent per stage."""

    claims: list[list[Claim] | None]
    failed: dict[int, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def extract_chunk(chunk: Chunk, *, nlp=None) -> ChunkDone:
    """Extract one chunk in this process (a cluster worker's task). Without ``nlp``, the language's
    installed pipeline is loaded once per process and kept for the next chunks."""
    clock = Clock({})
    if nlp is None:
        with clock("load"):
            nlp = resident(("spacy", chunk.lang), partial(load_nlp, chunk.lang))
    arts = list(chunk.articles)
    out = ChunkDone([None] * len(arts), timings=clock.timings)
    for i, claims_i in extract_language(list(range(len(arts))), arts, chunk.lang, nlp=nlp, policy=chunk.policy,
                                        clock=clock, failed=out.failed, strict=chunk.strict):
        out.claims[i] = claims_i
    return out
