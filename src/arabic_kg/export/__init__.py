"""Export stage: knowledge graph -> viewer (HTML), Gephi (GraphML/GEXF), JSON and CSV files.

The input is the graph stage's `networkx.MultiDiGraph` (see docs for the attribute contract);
nothing here mutates it. Every format names edges with the same ids: the edge's `id` attribute
when it has one, else e0, e1, ... by position (`_common.edge_ids`).

Exports are incremental: each file is rendered node by node and edge by edge, and a fragment whose
inputs did not change since the previous export into the same folder is reused from
``OUT_DIR/.arabic-kg-cache/`` (see `_cache`). The bytes written are the same either way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from ._cache import CACHE_DIR, Elements
from .csv_export import write_csv
from .filtering import filter_graph
from .gexf import write_gexf
from .graphml import write_graphml
from .json_export import graph_to_json, read_json, write_json
from .viewer import render_html, write_html

__all__ = [
    "CACHE_DIR",
    "FORMATS",
    "export_graph",
    "filter_graph",
    "graph_to_json",
    "read_json",
    "render_html",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
]

FORMATS: tuple[str, ...] = ("html", "graphml", "gexf", "json", "csv")


def export_graph(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    co_mentions: bool = False,
    graphml_mixed_directed: bool = False,
    cache: bool = True,
) -> dict[str, Path]:
    """Write the requested formats into `out_dir` (created if needed).

    Unless `co_mentions`, `co_mentioned` edges are left out, and so are the nodes that had no
    other edge (nodes that had no edge at all are kept: `filter_graph` is the place to prune).

    Returns {"html": graph.html, "graphml": ..., "gexf": ..., "json": ..., "nodes_csv": ...,
    "edges_csv": ..., "evidence_csv": ...} for the formats written. Unknown format names raise
    ValueError before anything is written, so a typo does not leave a half-done export.

    With `cache` (the default) fragments of the previous export are reused from and this
    export's saved to `out_dir/.arabic-kg-cache/`, which makes re-exporting a graph that changed
    a little several times faster; `cache=False` neither reads nor writes that folder.
    """
    wanted = [f.lower() for f in formats]
    unknown = sorted(set(wanted) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown export format(s): {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    if not co_mentions:
        G = _without_co_mentions(G)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cache_dir = out / CACHE_DIR if cache else None
    # The cyclic GC would otherwise walk the whole graph again and again while exporters
    # allocate millions of short-lived, acyclic strings and tuples (a third of a warm export).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _export(G, out, wanted, cache_dir, graphml_mixed_directed)
    finally:
        if gc_was_enabled:
            gc.enable()


def _export(
    G: nx.MultiDiGraph, out: Path, wanted: list[str], cache_dir: Path | None, graphml_mixed_directed: bool
) -> dict[str, Path]:
    elements = Elements(G, keyed=cache_dir is not None)  # ids and cache keys, once for every format
    shared = {"cache_dir": cache_dir, "elements": elements}
    written: dict[str, Path] = {}
    if "html" in wanted:
        written["html"] = write_html(G, out / "graph.html", **shared)
    if "graphml" in wanted:
        written["graphml"] = write_graphml(
            G, out / "graph.graphml", mixed_directed=graphml_mixed_directed, **shared
        )
    if "gexf" in wanted:
        written["gexf"] = write_gexf(G, out / "graph.gexf", **shared)
    if "json" in wanted:
        written["json"] = write_json(G, out / "graph.json", **shared)
    if "csv" in wanted:
        written.update(write_csv(G, out, **shared))
    return written


def _without_co_mentions(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    drop = [(u, v, k) for u, v, k, t in G.edges(keys=True, data="type") if t == "co_mentioned"]
    if not drop:
        return G  # nothing to do: avoid copying a large graph
    H = G.copy()
    H.remove_edges_from(drop)
    touched = {n for u, v, _ in drop for n in (u, v)}
    H.remove_nodes_from([n for n in touched if H.degree(n) == 0])
    return H
