"""The `arabic-kg` command line: parse, call the library, print."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from arabic_kg.models import ENTITY_TYPES, RELATION_TYPES, SkippedFile

# typer >= 0.29 vendors its own click; catch both so that usage errors stay one line.
try:  # pragma: no cover - depends on the installed typer
    from typer._click import exceptions as _typer_click

    _CLICK_ERRORS: tuple[type[Exception], ...] = (click.ClickException, _typer_click.ClickException)
except ImportError:  # pragma: no cover
    _CLICK_ERRORS = (click.ClickException,)
_EXITS: tuple[type[BaseException], ...] = (click.exceptions.Exit, typer.Exit)
_ABORTS: tuple[type[BaseException], ...] = (click.exceptions.Abort, typer.Abort)


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn folders of Arabic news articles into a knowledge graph of actors and their relations.",
)


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _say_skip(item: SkippedFile) -> None:
    _err(f"skipped {item.path}: {item.reason}")


LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option("--lexicon", help="Extra lexicon file (YAML or JSON); may be repeated."),
]
NerOpt = Annotated[str, typer.Option("--ner", help="NER backend: builtin (default), lexicon, or camel.")]


def _options(lexicon: list[Path] | None, ner: str, model: Path | None = None):  # noqa: ANN202
    from arabic_kg.pipeline import ExtractOptions

    if ner not in ("builtin", "lexicon", "camel"):
        raise UserError(f"unknown --ner backend {ner!r} (builtin, lexicon or camel)")
    return ExtractOptions(tuple(str(p) for p in lexicon or ()), ner, str(model) if model else None)


@app.command()
def build(
    inputs: Annotated[
        list[Path], typer.Argument(help="Files or folders of articles (.txt .md .html .json .jsonl .zip)")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (store, graph and exports)")] = Path(
        "data/graphs"
    ),
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start the store over")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", help="Worker processes (0: all cores)")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="local or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address")] = None,
    co_mentions: Annotated[bool, typer.Option("--co-mentions", help="Export co-mention links too")] = False,
    lexicon: LexiconOpt = None,
    ner: NerOpt = "builtin",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors")] = False,
) -> None:
    """Ingest articles into OUT/kg.sqlite, extract, and write the graph and its exports."""
    from arabic_kg import pipeline

    if engine not in ("local", "dask"):
        raise UserError(f"unknown --engine {engine!r} (local or dask)")
    options = _options(lexicon, ner)
    _check_writable(out)
    with _progress(quiet) as advance:
        report = pipeline.build(
            inputs,
            out,
            rebuild=rebuild,
            workers=workers or None,
            engine=engine,
            scheduler=scheduler,
            options=options,
            co_mentions=co_mentions,
            on_skip=_say_skip,
            on_progress=advance,
        )
    if quiet:
        return
    typer.echo(
        f"articles: {report.articles_total} stored ({report.articles_new} new, {report.articles_unchanged} "
        f"unchanged, {report.duplicates} duplicates), {len(report.skipped)} skipped"
    )
    ents = ", ".join(f"{k} {v}" for k, v in report.entities_by_type.items()) or "none"
    rels = ", ".join(f"{k} {v}" for k, v in report.relations_by_type.items()) or "none"
    typer.echo(f"entities: {ents}")
    typer.echo(f"relations: {rels}")
    for name, path in report.outputs.items():
        typer.echo(f"{name}: {path}")
    typer.echo(f"done in {report.seconds:.1f} s")


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of articles")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="JSONL file (default: stdout)")
    ] = None,
    co_mentions: Annotated[
        bool, typer.Option("--co-mentions", help="Also write co_mentioned (same-sentence) links")
    ] = False,
    lexicon: LexiconOpt = None,
    ner: NerOpt = "builtin",
) -> None:
    """Extract entities and relations; one JSON object per article (the eval contract)."""
    from arabic_kg import pipeline

    options = _options(lexicon, ner)
    if output is not None:
        _check_writable(output.parent if str(output.parent) else Path("."))
    results = pipeline.extract_paths(inputs, options, on_skip=_say_skip)
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        for result in results:
            if not co_mentions:
                # Weak links are for the graph; typed relations are what a reader of one
                # article's extraction wants (and what the eval contract scores).
                result.relations = [r for r in result.relations if r.type != "co_mentioned"]
            handle.write(result.model_dump_json(exclude_none=False) + "\n")
    finally:
        if output:
            handle.close()


@app.command()
def stats(
    db: Annotated[Path, typer.Option("--db", help="The store (OUT/kg.sqlite)")] = Path(
        "data/graphs/kg.sqlite"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
) -> None:
    """Counts of articles, entities and relations (by type)."""
    from arabic_kg.store import Store

    with Store(db, create=False) as store:
        counts = store.counts()
    if as_json:
        typer.echo(json.dumps(counts, ensure_ascii=False))
        return
    typer.echo(f"articles: {counts['articles']}")
    typer.echo(
        f"entities: {counts['entities']}  "
        + ", ".join(f"{k} {v}" for k, v in counts["entities_by_type"].items())
    )
    typer.echo(
        f"relations: {counts['relations']}  "
        + ", ".join(f"{k} {v}" for k, v in counts["relations_by_type"].items())
    )


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="The store (OUT/kg.sqlite)")] = Path(
        "data/graphs/kg.sqlite"
    ),
    fmt: Annotated[
        list[str] | None, typer.Option("--format", "-f", help="html, graphml, gexf, json or csv")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder (default: the store's)")] = None,
    min_weight: Annotated[int, typer.Option("--min-weight", help="Drop edges with less evidence")] = 1,
    types: Annotated[list[str] | None, typer.Option("--types", help="Relation types to keep")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Keep edges seen on or after DATE")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Keep edges seen on or before DATE")] = None,
    co_mentions: Annotated[bool, typer.Option("--co-mentions", help="Include co-mention links")] = False,
) -> None:
    """Re-export the graph from the store without re-extracting."""
    from arabic_kg.export import export_graph, filter_graph
    from arabic_kg.graph import build_graph
    from arabic_kg.store import Store

    formats = _split(fmt) or ["html", "graphml", "gexf", "json", "csv"]
    for f in formats:
        if f not in ("html", "graphml", "gexf", "json", "csv"):
            raise UserError(f"unknown --format {f!r} (html, graphml, gexf, json, csv)")
    rel_types = _split(types)
    for t in rel_types:
        if t not in RELATION_TYPES:
            raise UserError(f"unknown relation type {t!r} ({', '.join(RELATION_TYPES)})")
    target = out or db.parent
    _check_writable(target)
    with Store(db, create=False) as store:
        graph = build_graph(store, co_mentions=co_mentions)
    graph = filter_graph(
        graph,
        min_weight=min_weight,
        types=rel_types or None,
        since=since,
        until=until,
        co_mentions=co_mentions,
    )
    written = export_graph(graph, target, formats=formats, co_mentions=True)
    typer.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


@app.command()
def entities(
    db: Annotated[Path, typer.Option("--db", help="The store")] = Path("data/graphs/kg.sqlite"),
    entity_type: Annotated[
        str | None, typer.Option("--type", "-t", help="PERSON, STATE, ORGANIZATION ...")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 50,
) -> None:
    """The most mentioned entities."""
    from arabic_kg.store import Store

    if entity_type and entity_type.upper() not in ENTITY_TYPES:
        raise UserError(f"unknown --type {entity_type!r} ({', '.join(ENTITY_TYPES)})")
    sql = (
        "SELECT e.id, e.label, e.label_en, e.type, COUNT(*) AS n, COUNT(DISTINCT m.article_id) AS a "
        "FROM entities e JOIN mentions m ON m.entity_id = e.id "
        + ("WHERE e.type = ? " if entity_type else "")
        + "GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?"
    )
    params = (entity_type.upper(), limit) if entity_type else (limit,)
    with Store(db, create=False) as store:
        for r in store.rows(sql, params):
            en = f" ({r['label_en']})" if r["label_en"] else ""
            typer.echo(f"{r['n']:6d} {r['a']:5d}  {r['type']:<12} {r['label']}{en}  [{r['id']}]")


@app.command()
def neighbors(
    name: Annotated[str, typer.Argument(help="Arabic or English name, or canonical id")],
    db: Annotated[Path, typer.Option("--db", help="The store")] = Path("data/graphs/kg.sqlite"),
    co_mentions: Annotated[bool, typer.Option("--co-mentions")] = False,
) -> None:
    """An entity's relations, strongest first."""
    from arabic_kg.graph import build_graph, find_node
    from arabic_kg.graph import neighbors as graph_neighbors
    from arabic_kg.store import Store

    with Store(db, create=False) as store:
        graph = build_graph(store, co_mentions=co_mentions, isolated=True)
    node = find_node(graph, name)
    if node is None:
        raise UserError(f"no entity named {name!r} in {db}")
    data = graph.nodes[node]
    typer.echo(f"{data['label']} ({data.get('label_en') or '-'}) {data['type']} [{node}]")
    for rel, arrow, other, weight in graph_neighbors(graph, node):
        o = graph.nodes[other]
        typer.echo(f"  {rel:<17} {arrow} {o['label']} ({o.get('label_en') or '-'})  weight {weight}")


@app.command("train-ner")
def train_ner(
    corpora: Annotated[list[Path], typer.Argument(help="CoNLL files or folders (ANERcorp, AQMAR, Wojood)")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model file to write")],
    holdout: Annotated[float, typer.Option("--holdout", help="Share of ANERcorp kept for evaluation")] = 0.1,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    unlabeled: Annotated[
        list[Path] | None,
        typer.Option(
            "--unlabeled",
            help="Unlabelled news (SaudiNewsNet zips or a folder of them) to learn word clusters from; "
            "default: copy the clusters of the shipped model",
        ),
    ] = None,
    c1: Annotated[float | None, typer.Option("--c1", help="L1 regularization (default 0.01)")] = None,
    c2: Annotated[float | None, typer.Option("--c2", help="L2 regularization (default 0.3)")] = None,
    iterations: Annotated[
        int | None, typer.Option("--iterations", help="L-BFGS iterations (default 200)")
    ] = None,
) -> None:
    """Train the statistical tagger (reproducible: identical inputs give a byte-identical model)."""
    from arabic_kg.ner.training import train_from_files

    for c in [*corpora, *(unlabeled or [])]:
        if not c.exists():
            raise UserError(f"no such corpus: {c}")
    _check_writable(output.parent if str(output.parent) else Path("."))
    options = {"c1": c1, "c2": c2, "max_iterations": iterations}
    report = train_from_files(
        list(corpora),
        output,
        holdout=holdout,
        seed=seed,
        unlabeled=list(unlabeled) if unlabeled else None,
        **{k: v for k, v in options.items() if v is not None},
    )
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))


@app.command("evaluate-ner")
def evaluate_ner(
    conll: Annotated[Path, typer.Argument(help="Pre-tokenized CoNLL file (token and tag per line)")],
    predictions: Annotated[Path, typer.Option("--predictions", "-p", help="Where to write predicted tags")],
    lexicon: LexiconOpt = None,
    ner: NerOpt = "builtin",
) -> None:
    """Tag a CoNLL file with the whole tool and print exact-span P/R/F1 per type and micro."""
    from arabic_kg.ner.evaluation import evaluate_conll

    if not conll.exists():
        raise UserError(f"no such file: {conll}")
    _check_writable(predictions.parent if str(predictions.parent) else Path("."))
    scores = evaluate_conll(conll, predictions, _options(lexicon, ner))
    for label, s in scores.items():
        typer.echo(
            f"{label:<6} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"(gold {s.get('gold', '-')}, predicted {s.get('predicted', '-')})"
        )


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _check_writable(folder: Path) -> None:
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise UserError(f"cannot write to {folder}: {probe} is not a folder")
    import os

    if not os.access(probe, os.W_OK):
        raise UserError(f"cannot write to {folder}: permission denied")


class _progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar = None

    def __enter__(self):  # noqa: ANN204
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
        )
        self.bar.start()
        task = self.bar.add_task("extract", total=None)
        return lambda n: self.bar.advance(task, n)  # type: ignore[union-attr]

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors print one line and exit non-zero, never a traceback."""
    from arabic_kg.distributed import DaskUnavailable
    from arabic_kg.ingest import InputError
    from arabic_kg.lexicon import LexiconError
    from arabic_kg.ner import NerBackendError
    from arabic_kg.store import StoreError

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        app(args=argv, standalone_mode=False)
    except _EXITS as exc:
        return int(getattr(exc, "exit_code", 0) or 0)
    except _ABORTS:
        _err("interrupted")
        return 130
    except KeyboardInterrupt:
        _err("interrupted; the store keeps every batch committed so far (run build again to finish)")
        return 130
    except _CLICK_ERRORS as exc:
        _err(f"error: {exc.format_message()}")  # type: ignore[attr-defined]
        return getattr(exc, "exit_code", 2) or 2
    except (UserError, InputError, LexiconError, NerBackendError, StoreError, DaskUnavailable) as exc:
        _err(f"error: {exc}")
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:
        _err(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
