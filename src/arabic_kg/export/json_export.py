"""Node-link JSON: the lossless export (evidence included), readable by `networkx.node_link_graph`."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from ._cache import Elements, open_cache, runs, salt, write_output

try:  # the C version; ensure_ascii=False like json.dump(..., ensure_ascii=False)
    from _json import encode_basestring as _encode_str
except ImportError:  # pragma: no cover - other Python implementations
    from json.encoder import py_encode_basestring as _encode_str


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

    Each link also gets `"id"`, the edge id used by the other exports (strings are left as they
    are: this is the faithful copy; cleaning is done where text is displayed)."""
    elements = Elements(G, keyed=False)
    return _plain(
        {
            "directed": True,
            "multigraph": True,
            "graph": G.graph,
            "nodes": [_node(node, data) for node, data in elements.nodes],
            "links": [_link(edge) for edge in elements.edges],
        }
    )


def _node(node: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "id": node}


def _link(edge: tuple[str, Any, Any, Any, dict[str, Any]]) -> dict[str, Any]:
    # As node_link_data builds it; an `id` attribute keeps its place and takes the export id.
    edge_id, source, target, key, data = edge
    return {**data, "source": source, "target": target, "key": key, "id": edge_id}


def _dump(value: Any, indent: str) -> str:
    """`json.dumps(value, indent=1, ensure_ascii=False)` of a `_plain` value whose first line
    sits at the nesting level whose line break + indentation is `indent`. (The standard
    encoder's indenting mode is pure Python; this is the same output, several times faster.)"""
    if isinstance(value, str):
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value)  # finite: `_plain` turned NaN/inf into None
    inner = indent + " "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [_encode_str(k) + ": " + _dump(v, inner) for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + indent + "}"
    if not value:
        return "[]"
    return "[" + inner + ("," + inner).join([_dump(v, inner) for v in value]) + indent + "]"


def render_json(elements: Elements, *, cache_dir: Path | None = None) -> list[bytes]:
    """graph.json (`json.dump(graph_to_json(G), indent=1, ensure_ascii=False)` + newline) as byte
    chunks; node, link and article fragments come from the cache in `cache_dir` when unchanged."""
    G = elements.G
    cache = open_cache(cache_dir, "json", salt("json"))
    graph = {str(k): v for k, v in G.graph.items()}
    articles = elements.articles
    # The article table is rendered article by article when it is a plain str-keyed dict; any
    # other value (or key types that `_plain` might merge) is rendered in one piece.
    split = bool(articles) and graph.get("articles") is articles and all(type(k) is str for k in articles)
    nodes, edges = elements.nodes, elements.edges
    node_body = cache.section(
        0, elements.node_keys, lambda i: ",\n  " + _dump(_plain(_node(*nodes[i])), "\n  ")
    )
    link_body = cache.section(
        1, elements.edge_keys, lambda i: ",\n  " + _dump(_plain(_link(edges[i])), "\n  ")
    )
    if split:
        # Articles go by runs of ~32 (`runs`): one digest and one fragment per run.
        items = list(articles.items())
        spans = runs(articles)

        def article_run(i: int) -> str:
            start, end = spans[i]
            return "".join(
                ",\n   " + _encode_str(key) + ": " + _dump(_plain(meta), "\n   ")
                for key, meta in items[start:end]
            )

        article_keys = [elements.key(items[start:end]) for start, end in spans]
        article_body = cache.section(2, article_keys, article_run)
    cache.save()

    out: list[Any] = [
        f'{{\n "directed": {_dump(G.is_directed(), "")},\n "multigraph": {_dump(G.is_multigraph(), "")},'
        '\n "graph": '
    ]
    if not graph:
        out.append("{}")
    else:
        for index, (name, value) in enumerate(graph.items()):
            out.append(",\n  " if index else "{\n  ")
            if split and name == "articles":
                # Fragments each start with ",\n   ": the first one's comma is dropped.
                out += ['"articles": {', memoryview(article_body)[1:], "\n  }"]
            else:
                out.append(_encode_str(name) + ": " + _dump(_plain(value), "\n  "))
        out.append("\n }")
    out += [',\n "nodes": ', *_list(node_body), ',\n "links": ', *_list(link_body), "\n}\n"]
    return [chunk.encode("utf-8") if isinstance(chunk, str) else chunk for chunk in out]


def _list(body: bytes) -> list[Any]:
    """A JSON list of fragments that each start with ",\n  ": the first one's comma is dropped."""
    return ["[", memoryview(body)[1:], "\n ]"] if body else ["[]"]


def write_json(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    indent: int | None = 1,
    cache_dir: str | Path | None = None,
    elements: Elements | None = None,
) -> Path:
    """Write graph.json. With the default `indent=1` it is rendered fragment by fragment (and
    cached in `cache_dir` if given); any other indent goes through `json.dump` uncached."""
    path = Path(path)
    if indent != 1:
        text = json.dumps(graph_to_json(G), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
        return write_output(path, [text.encode("utf-8")])
    elements = elements if elements is not None else Elements(G, keyed=cache_dir is not None)
    return write_output(path, render_json(elements, cache_dir=None if cache_dir is None else Path(cache_dir)))


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph.json back into a MultiDiGraph (the `id` of each link becomes an edge attribute)."""
    with Path(path).open(encoding="utf-8") as handle:
        data = json.load(handle)
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except TypeError:  # networkx < 3.4
        return nx.node_link_graph(data, directed=True, multigraph=True)
