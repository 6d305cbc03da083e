"""The map seam of the per-article stage: one function over many items, in this process or on a
Dask ``distributed`` cluster, each outcome yielded in input order.

Three modes: this process (``workers=0``: small runs, tests, no server); a local cluster of worker
processes with one thread each (``workers=N``, or the machine's core count when ``workers`` is
None), started at the first ``map`` and stopped when the engine closes; and an existing cluster
(``scheduler="tcp://host:8786"``). A worker that dies mid-run has its tasks run again on another
(Dask reschedules them), so nothing is lost; a task that kills its worker
``distributed.scheduler.allowed-failures`` times comes back as an error, as an exception raised in
a task does. Only ``map``'s items and results cross process boundaries, and a worker keeps what it
loads once (its spaCy pipelines) through ``resident``. Nothing here downloads anything.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from .records import FactcheckError

CONNECT_TIMEOUT = 10.0  # seconds to reach an existing scheduler before giving up
AHEAD = 2  # tasks in flight per worker thread: enough to keep each busy, few enough to bound memory

_RESIDENT: dict[Hashable, Any] = {}


class EngineError(FactcheckError):
    """The cluster cannot be started or reached; the message names the address."""


def resident(key: Hashable, load: Callable[[], Any]) -> Any:
    """A value this process loads at its first use and keeps (a worker's spaCy pipeline), so a
    worker loads each model once, not once per task."""
    if key not in _RESIDENT:
        _RESIDENT[key] = load()
    return _RESIDENT[key]


class Engine:
    """Where ``map`` runs: this process, a local cluster, or the cluster at ``scheduler``.

    Use it as a context manager (or call ``close``): a local cluster it started is stopped, a
    connection it opened is closed. Nothing is started before the first ``map`` that has items.
    """

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None,
                 timeout: float | None = None) -> None:
        if workers is not None and workers < 0:
            raise ValueError(f"workers must be 0 (this process) or more, not {workers}")
        if workers is not None and scheduler:
            raise ValueError("give a number of local workers or a scheduler address, not both")
        self.workers = workers
        self.scheduler = scheduler or None
        self.timeout = CONNECT_TIMEOUT if timeout is None else timeout
        self._cluster = None
        self._client = None

    @property
    def distributed(self) -> bool:
        """Whether ``map`` runs on a cluster (local or remote) rather than in this process."""
        return self.scheduler is not None or self.workers != 0

    def size(self) -> int:
        """Worker threads that run tasks at once (1 in this process); connects if need be."""
        if not self.distributed:
            return 1
        return max(1, sum(self._connect().nthreads().values()))

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[tuple[Any, BaseException | None]]:
        """``(fn(item), None)`` per item in input order, or ``(None, exception)`` where it raised.

        On a cluster at most ``AHEAD`` tasks per worker thread are in flight, so the items are
        consumed as results come back. ``fn`` must be importable by the workers (a module-level
        function, or a ``functools.partial`` of one).
        """
        if not self.distributed:
            for item in items:
                try:
                    yield fn(item), None
                except Exception as exc:  # noqa: BLE001 - handed to the caller, as a cluster would
                    yield None, exc
            return
        items = iter(items)
        first = next(items, _END)
        if first is _END:
            return
        client = self._connect()
        limit = AHEAD * self.size()
        pending: deque = deque([client.submit(fn, first, pure=False)])
        try:
            for item in items:
                pending.append(client.submit(fn, item, pure=False))
                if len(pending) > limit:
                    yield _outcome(pending.popleft())
            while pending:
                yield _outcome(pending.popleft())
        finally:
            if pending:  # the caller stopped early: drop what is still queued
                client.cancel(list(pending))

    def _connect(self):
        if self._client is not None:
            return self._client
        from distributed import Client, LocalCluster

        if self.scheduler is not None:
            try:
                _probe(self.scheduler, self.timeout)  # a Client that fails to connect prints tracebacks
                self._client = Client(self.scheduler, timeout=self.timeout, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                detail = " ".join(str(exc).split())[:160]
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler} ({type(exc).__name__}"
                                  f"{': ' + detail if detail else ''}); is a scheduler running there?") from None
            return self._client
        n = self.workers if self.workers else (os.cpu_count() or 1)
        # on this host alone; the scheduler's HTTP server (health, metrics) on a free local port
        self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
        self._client = Client(self._cluster, set_as_default=False)
        return self._client

    def worker_pids(self) -> list[int]:
        """The process ids of the cluster's workers (for tests and diagnostics)."""
        return sorted(self._connect().run(os.getpid).values()) if self.distributed else [os.getpid()]

    def close(self) -> None:
        """Close the connection, and stop the local cluster this engine started."""
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_END = object()


def _probe(address: str, timeout: float) -> None:
    """Raise OSError or ValueError unless a TCP scheduler address takes a connection (others pass)."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    scheme, location = parse_address(address)
    if scheme in ("tcp", "tls"):
        socket.create_connection(parse_host_port(location), timeout=timeout).close()


def _outcome(future) -> tuple[Any, BaseException | None]:
    try:
        return future.result(), None
    except Exception as exc:  # noqa: BLE001 - the task's own error (or KilledWorker), for the caller
        return None, exc


@contextmanager
def engine_for(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Engine | None]:
    """The engine a caller asked for by ``workers`` or ``scheduler`` (closed on exit), or None when
    neither is given, which leaves the choice to the stage's default."""
    if workers is None and scheduler is None:
        yield None
        return
    with Engine(workers=workers, scheduler=scheduler) as engine:
        yield engine


def map_articles(fn: Callable[[Any], Any], items: Iterable[Any], *, workers: int | None = 0,
                 scheduler: str | None = None) -> Iterator[tuple[Any, BaseException | None]]:
    """``Engine.map`` on an engine opened for this call alone (and closed after it)."""
    with Engine(workers=workers, scheduler=scheduler) as engine:
        yield from engine.map(fn, items)
