"""The library API: extract from text or files, and build the store, graph and exports.

>>> import arabic_kg
>>> result = arabic_kg.extract_text("شنت فرنسا غارات على مواقع داعش في سوريا")
>>> report = arabic_kg.build(["data/raw"], "data/graphs")
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arabic_kg.ingest import Limits, SourceFile, content_hash, discover, read_source
from arabic_kg.lexicon import Lexicon, load_lexicon
from arabic_kg.models import Article, BuildReport, DocumentResult, SkippedFile
from arabic_kg.ner import Matcher, get_matcher
from arabic_kg.resolve import resolve
from arabic_kg.text import split_sentences, tokenize

log = logging.getLogger("arabic_kg")

DEFAULT_FORMATS = ("html", "graphml", "gexf", "json", "csv")
BATCH_SIZE = 64


@dataclass(frozen=True)
class ExtractOptions:
    """What configures extraction; sent to worker processes, so it stays small and picklable."""

    lexicon_files: tuple[str, ...] = ()
    ner: str = "builtin"  # builtin | lexicon | camel
    model: str | None = None


class Extractor:
    """Extraction of one article at a time; holds the loaded lexicon, matcher and tagger."""

    def __init__(self, options: ExtractOptions = ExtractOptions()) -> None:
        self.options = options
        self.lexicon: Lexicon = load_lexicon(options.lexicon_files)
        self.matcher: Matcher = get_matcher(self.lexicon, options.ner, options.model)
        try:
            from arabic_kg.relations import extract_relations
        except ImportError:  # pragma: no cover - the relations stage is always shipped
            extract_relations = None
        self._relations: Callable[..., list] | None = extract_relations

    def extract(self, article: Article) -> DocumentResult:
        text = article.text
        tokens = tokenize(text)
        sentences = split_sentences(text)
        raw = self.matcher.find(tokens)
        entities, refs = resolve(text, tokens, raw, self.lexicon)
        relations = []
        if self._relations is not None and entities:
            by_id = {e.id: e for e in entities}
            relations = self._relations(text, tokens, sentences, refs, by_id, self.lexicon, article.id)
        return DocumentResult(
            doc_id=article.doc_id or article.id,
            article_id=article.id,
            path=article.path,
            title=article.title,
            date=article.date,
            url=article.url,
            source=article.source,
            entities=entities,
            relations=relations,
        )


_EXTRACTORS: dict[ExtractOptions, Extractor] = {}
# Names entities and a relation, so the relation stage's trigger index is built before caching too.
_WARM_UP_TEXT = "قال وزير الخارجية الروسي إن طائرات روسية قصفت مواقع تنظيم داعش قرب حلب في سوريا."


def get_extractor(options: ExtractOptions = ExtractOptions()) -> Extractor:
    if options not in _EXTRACTORS:
        _EXTRACTORS[options] = _cached_extractor(options)
    return _EXTRACTORS[options]


def cache_dir() -> Path | None:
    """Where loaded extractors are cached: $ARABIC_KG_CACHE_DIR, else $XDG_CACHE_HOME/arabic-kg or
    ~/.cache/arabic-kg. An empty ARABIC_KG_CACHE_DIR turns the cache off."""
    value = os.environ.get("ARABIC_KG_CACHE_DIR")
    if value is not None:
        return Path(value) if value.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arabic-kg"


def _cache_key(options: ExtractOptions) -> str:
    """Digest of everything a loaded extractor depends on: the package's code (stat of every module,
    so an edited checkout never loads a stale object), the lexicon and model files' bytes, options."""
    import hashlib
    import sys

    h = hashlib.blake2b(digest_size=16)
    h.update(repr((sys.version, options)).encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}".encode())
    data_files = [*sorted((package / "lexicon").glob("*.*")), *sorted((package / "ner" / "model").glob("*"))]
    data_files += [Path(p) for p in options.lexicon_files]
    if options.model:
        data_files.append(Path(options.model))
    for path in data_files:
        if path.is_file():
            h.update(str(path).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _cached_extractor(options: ExtractOptions) -> Extractor:
    """A loaded extractor from the cache, or a fresh one (then cached).

    Loading the lexicon (YAML, validation, indexes) and the tagger (weights into tables) costs ~2 s, which
    dominated adding a few articles to a store; unpickling the ready object takes ~0.25 s. The cache lives
    in the user's own cache folder (created private) and any unreadable entry is simply rebuilt. The camel
    backend (a BERT model) is never cached.
    """
    import pickle

    folder = cache_dir() if options.ner != "camel" else None
    path = None
    if folder is not None:
        try:
            path = folder / f"extractor-{_cache_key(options)}.pickle"
            with path.open("rb") as fh:
                cached = pickle.load(fh)  # noqa: S301 - written by this tool into the user's private folder
            if isinstance(cached, Extractor) and cached.options == options:
                return cached
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - a broken cache entry is rebuilt, never fatal
            log.debug("extractor cache unusable (%s); rebuilding", exc)
    extractor = Extractor(options)
    extractor.extract(article_from_text(_WARM_UP_TEXT))  # builds the lazily made tables before caching
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            for old in path.parent.glob("extractor-*.pickle"):
                if old != path and time.time() - old.stat().st_mtime > 3600:
                    old.unlink(missing_ok=True)  # entries of older code or lexicons
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(extractor, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:
            log.debug("cannot write the extractor cache (%s)", exc)
    return extractor


def article_from_text(text: str, doc_id: str = "text") -> Article:
    digest = content_hash(text)
    return Article(id=digest[:16], content_hash=digest, text=text, doc_id=doc_id, path="")


def extract_text(text: str, *, lexicon: Sequence[str | Path] = (), ner: str = "builtin") -> DocumentResult:
    """Entities and relations of one Arabic text (offsets point into ``text``)."""
    options = ExtractOptions(tuple(str(p) for p in lexicon), ner)
    return get_extractor(options).extract(article_from_text(text))


def extract_rows(articles: list[Article], options: ExtractOptions) -> list[Any]:
    """Worker entry point (local processes and Dask): extract a batch of articles into store rows.

    Plain tuples travel back to the writing process several times faster than pydantic results."""
    from arabic_kg.store import result_rows

    extractor = get_extractor(options)
    return [result_rows(a, extractor.extract(a)) for a in articles]


def iter_inputs(
    paths: Sequence[str | Path],
    limits: Limits = Limits(),
    on_skip: Callable[[SkippedFile], None] | None = None,
) -> Iterator[Article]:
    for source in discover(paths, limits):
        if isinstance(source, SkippedFile):
            if on_skip:
                on_skip(source)
            continue
        for item in read_source(source, limits):
            if isinstance(item, SkippedFile):
                if on_skip:
                    on_skip(item)
            else:
                yield item


def extract_paths(
    paths: Sequence[str | Path],
    options: ExtractOptions = ExtractOptions(),
    limits: Limits = Limits(),
    on_skip: Callable[[SkippedFile], None] | None = None,
) -> Iterator[DocumentResult]:
    extractor = get_extractor(options)
    for article in iter_inputs(paths, limits, on_skip):
        yield extractor.extract(article)


# ---------------------------------------------------------------------- build


@dataclass
class _PendingSource:
    source: SourceFile
    ids: set[str] = field(default_factory=set)
    open_batches: int = 0
    read_done: bool = False


def _batches(
    paths: Sequence[str | Path],
    store: object,
    limits: Limits,
    report: BuildReport,
    on_skip: Callable[[SkippedFile], None] | None,
) -> Iterator[tuple[list[Article], list[_PendingSource]]]:
    """Batches of new articles, each with the sources it completes; unchanged sources are not read."""
    from arabic_kg.store import Store

    assert isinstance(store, Store)
    known = store.article_ids()
    seen: set[str] = set()
    batch: list[Article] = []
    waiting: list[_PendingSource] = []
    for source in discover(paths, limits):
        if isinstance(source, SkippedFile):
            report.skipped.append(source)
            if on_skip:
                on_skip(source)
            continue
        if store.source_fingerprint(source.path) == source.fingerprint:
            n = store.source_articles(source.path)
            report.articles_seen += n
            report.articles_unchanged += n
            continue
        pending = _PendingSource(source)
        for item in read_source(source, limits):
            if isinstance(item, SkippedFile):
                report.skipped.append(item)
                if on_skip:
                    on_skip(item)
                continue
            report.articles_seen += 1
            pending.ids.add(item.id)
            if item.id in known:
                report.articles_unchanged += 1
                continue
            if item.id in seen:
                report.duplicates += 1
                continue
            seen.add(item.id)
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                # Sources whose reading finished earlier are complete once this batch is written;
                # the current one is not (its later articles are still to come).
                yield batch, waiting
                batch, waiting = [], []
        waiting.append(pending)
    yield batch, waiting


def build(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    options: ExtractOptions = ExtractOptions(),
    formats: Sequence[str] = DEFAULT_FORMATS,
    co_mentions: bool = False,
    limits: Limits = Limits(),
    on_skip: Callable[[SkippedFile], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Ingest ``paths`` into ``out_dir/kg.sqlite`` (incrementally), extract, aggregate and export."""
    from arabic_kg.export import export_graph
    from arabic_kg.graph import build_graph
    from arabic_kg.store import Store

    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "kg.sqlite"
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    report = BuildReport()
    if options.lexicon_files or options.ner != "builtin" or options.model:
        get_extractor(options)  # fail early (bad lexicon, missing model) before touching the store
    with Store(db_path) as store:
        runner = _make_runner(engine, workers, scheduler, options)
        try:
            batches = _batches(paths, store, limits, report, on_skip)
            for articles, results, done in runner(batches):
                store.write_rows(zip(articles, results, strict=True))
                report.articles_new += len(articles)
                store.finish_sources((p.source.path, p.source.fingerprint, p.ids) for p in done)
                if on_progress:
                    on_progress(len(articles))
        finally:
            runner.close()  # type: ignore[attr-defined]
        counts = store.counts()
        report.articles_total = counts["articles"]
        report.entities_by_type = counts["entities_by_type"]
        report.relations_by_type = counts["relations_by_type"]
        graph = build_graph(store, co_mentions=co_mentions)
    written = export_graph(graph, out, formats=formats, co_mentions=co_mentions)
    report.outputs = {k: str(v) for k, v in written.items()}
    report.outputs["store"] = str(db_path)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


# ---------------------------------------------------------------------- runners

BatchIn = Iterable[tuple[list[Article], list[_PendingSource]]]


class _LocalRunner:
    """Extraction in this process, or in worker processes (results come back in input order)."""

    def __init__(self, workers: int, options: ExtractOptions) -> None:
        self.workers = workers
        self.options = options
        self.pool: Any = None

    def _start_pool(self) -> None:
        # Started on the first full batch, after this process loaded the extractor: forked
        # workers share it instead of loading their own, and a build that adds a handful of
        # articles never pays for a pool at all.
        import multiprocessing as mp

        get_extractor(self.options)
        self.pool = mp.get_context("fork").Pool(
            self.workers, initializer=get_extractor, initargs=(self.options,)
        )

    def __call__(self, batches: BatchIn) -> Iterator[tuple[list[Article], list[Any], list]]:
        pending: list[tuple[list[Article], list, Any]] = []
        window = self.workers * 3
        for articles, done in batches:
            if self.pool is None and self.workers > 1 and len(articles) >= BATCH_SIZE:
                self._start_pool()
            if self.pool is None:
                yield articles, extract_rows(articles, self.options) if articles else [], done
                continue
            pending.append((articles, done, self.pool.apply_async(extract_rows, (articles, self.options))))
            while len(pending) > window:
                a, d, fut = pending.pop(0)
                yield a, fut.get(), d
        for a, d, fut in pending:
            yield a, fut.get(), d

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _make_runner(engine: str, workers: int | None, scheduler: str | None, options: ExtractOptions):  # noqa: ANN202
    if engine == "dask":
        from arabic_kg.distributed import DaskRunner

        return DaskRunner(scheduler, options, workers)
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    return _LocalRunner(n, options)
