"""Node-link JSON: the lossless export (evidence included), readable by `networkx.node_link_graph`."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from ._common import iter_edges


def _plain(value: Any) -> Any:
    """JSON-safe copy: NaN/inf would make invalid JSON, sets and tuples have no JSON form."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_plain(v) for v in items]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


def graph_to_json(G: nx.MultiDiGraph) -> dict[str, Any]:
    """`{"directed", "multigraph", "graph", "nodes", "links"}` like `nx.node_link_data(G, edges="links")`.

    Each link also gets `"id": "eN"`, the edge id used by the other exports (strings are left
    as they are: this is the faithful copy; cleaning is done where text is displayed)."""
    try:
        data = nx.node_link_data(G, edges="links")
    except TypeError:  # networkx < 3.4 has no `edges` argument and always says "links"
        data = nx.node_link_data(G)
    # node_link_data walks G.edges(keys=True, data=True) in the same order as iter_edges.
    for link, (edge_id, *_rest) in zip(data["links"], iter_edges(G), strict=True):
        link["id"] = edge_id
    return _plain(data)


def write_json(G: nx.MultiDiGraph, path: str | Path, *, indent: int | None = 1) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as handle:
        json.dump(graph_to_json(G), handle, ensure_ascii=False, indent=indent, allow_nan=False)
        handle.write("\n")
    return path


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph.json back into a MultiDiGraph (the `id` of each link becomes an edge attribute)."""
    with Path(path).open(encoding="utf-8") as handle:
        data = json.load(handle)
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except TypeError:  # networkx < 3.4
        return nx.node_link_graph(data, directed=True, multigraph=True)
