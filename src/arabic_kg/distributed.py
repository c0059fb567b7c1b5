"""Extraction on a Dask cluster (`build --engine dask [--scheduler ADDRESS]`).

The parent reads the inputs, sends batches of articles (their text travels with them: no shared
disk is assumed), and writes the returned results into the same SQLite store as a local build, in
the same order, so the graph is the same whatever the engine. Workers need only the package
installed. Without a scheduler address a `LocalCluster` is started on this machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from arabic_kg.models import Article
from arabic_kg.pipeline import BatchIn, ExtractOptions, extract_rows


class DaskUnavailable(RuntimeError):
    """Dask is not installed; the message says how to install it."""


class DaskRunner:
    def __init__(self, scheduler: str | None, options: ExtractOptions, workers: int | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise DaskUnavailable('--engine dask needs Dask: pip install -e ".[dask]"') from None
        self.options = options
        self.cluster: Any = None
        if scheduler:
            self.client = Client(scheduler, timeout="20s")
        else:
            self.cluster = LocalCluster(
                n_workers=workers or None,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self.cluster)
        # Enough batches in flight to keep every worker busy, few enough to bound memory.
        total_threads = sum(self.client.nthreads().values()) or 1
        self.window = max(2, total_threads * 2)

    def __call__(self, batches: BatchIn) -> Iterator[tuple[list[Article], list[Any], list]]:
        pending: list[tuple[list[Article], list, Any]] = []
        for articles, done in batches:
            future = self.client.submit(extract_rows, articles, self.options, pure=False)
            pending.append((articles, done, future))
            while len(pending) > self.window:
                a, d, fut = pending.pop(0)
                yield a, fut.result(), d
        for a, d, fut in pending:
            yield a, fut.result(), d

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
