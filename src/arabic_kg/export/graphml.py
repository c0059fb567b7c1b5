"""GraphML for Gephi, yEd, igraph and networkx.

Written as escaped XML text (`_xml`, fragment by fragment for `_cache`) rather than with
`networkx.write_graphml` because the knowledge graph is a multigraph whose edge keys
("strikes|asserted") repeat between node pairs, whose attributes hold lists and dicts, and whose
strings may carry XML-forbidden characters: networkx would emit
non-unique edge ids or invalid XML for such input.

Direction: the GraphML spec allows `directed="false"` on single edges of a directed graph (a
mixed graph, which Gephi and igraph read), but `networkx.read_graphml` rejects such a file. By
default every edge therefore follows `edgedefault="directed"` and the truth is carried by the
boolean edge attribute `directed`; `mixed_directed=True` also writes the XML attribute on each
edge for tools that understand mixed graphs (graph.gexf always does so).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from ._cache import Elements, open_cache, salt, write_output
from ._common import (
    as_int,
    as_number,
    clean_text,
    edge_dashed,
    edge_dates,
    edge_directed,
    entity_style,
    evidence_list,
    hex_to_rgb,
    join_list,
    node_size,
    relation_style,
)
from ._xml import element, escape_attr, escape_text

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

# (key id, attr.name, attr.type). Key ids are prefixed by domain because a node "label" and an
# edge "label" need distinct ids; Gephi maps its special columns (label, weight, r/g/b, size,
# color) by attr.name, so the names are the plain ones.
GRAPH_KEYS: list[tuple[str, str, str]] = [
    ("g_name", "name", "string"),
    ("g_articles", "article_count", "int"),
]
NODE_KEYS: list[tuple[str, str, str]] = [
    ("n_label", "label", "string"),
    ("n_label_en", "label_en", "string"),
    ("n_type", "type", "string"),
    ("n_mentions", "mentions", "int"),
    ("n_articles", "articles", "int"),
    ("n_aliases", "aliases", "string"),
    ("n_qid", "qid", "string"),
    ("n_affiliation", "affiliation", "string"),
    ("n_article_ids", "article_ids", "string"),
    ("n_size", "size", "double"),
    ("n_color", "color", "string"),
    ("n_r", "r", "int"),
    ("n_g", "g", "int"),
    ("n_b", "b", "int"),
]
EDGE_KEYS: list[tuple[str, str, str]] = [
    ("e_label", "label", "string"),
    ("e_type", "type", "string"),
    ("e_label_ar", "label_ar", "string"),
    ("e_polarity", "polarity", "string"),
    ("e_modality", "modality", "string"),
    ("e_directed", "directed", "boolean"),
    ("e_dashed", "dashed", "boolean"),
    ("e_weight", "weight", "double"),
    ("e_articles", "articles", "int"),
    ("e_first_date", "first_date", "string"),
    ("e_last_date", "last_date", "string"),
    ("e_modality_asserted", "modality_asserted", "int"),
    ("e_modality_planned", "modality_planned", "int"),
    ("e_modality_reported", "modality_reported", "int"),
    ("e_evidence", "evidence", "string"),
    ("e_evidence_title", "evidence_title", "string"),
    ("e_evidence_url", "evidence_url", "string"),
    ("e_edge_key", "edge_key", "string"),
    ("e_color", "color", "string"),
    ("e_r", "r", "int"),
    ("e_g", "g", "int"),
    ("e_b", "b", "int"),
]


def _format(value: Any, attr_type: str) -> str | None:
    """Text for a <data> element, or None to omit it (GraphML has no null)."""
    if value is None:
        return None
    if attr_type == "boolean":
        return "true" if value else "false"
    if attr_type == "int":
        return str(as_int(value))
    if attr_type == "double":
        number = as_number(value, 0.0)
        return str(int(number)) if number.is_integer() else repr(number)
    text = clean_text(value)
    return text or None


def _data(keys: list[tuple[str, str, str]], values: dict[str, Any], indent: str) -> list[str]:
    """The <data> children, each preceded by its line break and indentation."""
    out = []
    for key_id, name, attr_type in keys:
        text = _format(values.get(name), attr_type)
        if text is not None:
            out.append(f'{indent}<data key="{key_id}">{escape_text(text)}</data>')
    return out


def node_values(data: dict[str, Any]) -> dict[str, Any]:
    """Scalar node attributes shared by GraphML, GEXF and CSV."""
    style = entity_style(data.get("type"))
    r, g, b = hex_to_rgb(style["color"])
    return {
        "label": data.get("label"),
        "label_en": data.get("label_en"),
        "type": data.get("type"),
        "mentions": as_int(data.get("mentions")),
        "articles": as_int(data.get("articles")),
        "aliases": join_list(data.get("aliases")),
        "qid": data.get("qid"),
        "affiliation": data.get("affiliation"),
        "article_ids": join_list(data.get("article_ids")),
        "size": node_size(data.get("mentions")),
        "color": style["color"],
        "r": r,
        "g": g,
        "b": b,
    }


def edge_values(key: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Scalar edge attributes shared by GraphML, GEXF and CSV (evidence: first sentence only)."""
    style = relation_style(data.get("type"))
    r, g, b = hex_to_rgb(style["color"])
    first, last = edge_dates(data)
    evidence = evidence_list(data)
    top = evidence[0] if evidence else {}
    return {
        "label": data.get("type"),
        "type": data.get("type"),
        "label_ar": style["ar"],
        "polarity": data.get("polarity"),
        "modality": data.get("modality"),
        "directed": edge_directed(data),
        "dashed": edge_dashed(data),
        "weight": as_number(data.get("weight"), 1.0),
        "articles": as_int(data.get("articles")),
        "first_date": first,
        "last_date": last,
        "modality_asserted": as_int(data.get("modality_asserted")),
        "modality_planned": as_int(data.get("modality_planned")),
        "modality_reported": as_int(data.get("modality_reported")),
        "evidence": top.get("text"),
        "evidence_title": top.get("title"),
        "evidence_url": top.get("url"),
        "edge_key": None if key is None else str(key),
        "color": style["color"],
        "r": r,
        "g": g,
        "b": b,
    }


def _node_fragment(node_id: str, data: dict[str, Any]) -> str:
    children = _data(NODE_KEYS, node_values(data), "\n   ")
    return element("\n  ", "node", f' id="{escape_attr(node_id)}"', children)


def _edge_fragment(
    edge_id: str, source: str, target: str, key: Any, data: dict[str, Any], mixed_directed: bool
) -> str:
    attrs = f' id="{escape_attr(edge_id)}" source="{escape_attr(source)}" target="{escape_attr(target)}"'
    if mixed_directed:
        attrs += ' directed="true"' if edge_directed(data) else ' directed="false"'
    return element("\n  ", "edge", attrs, _data(EDGE_KEYS, edge_values(key, data), "\n   "))


def render_graphml(
    elements: Elements, *, mixed_directed: bool = False, cache_dir: Path | None = None
) -> list[bytes]:
    """graph.graphml as byte chunks; fragments come from the cache in `cache_dir` when unchanged."""
    G = elements.G
    cache = open_cache(cache_dir, "graphml", salt("graphml", mixed_directed))
    keys = "".join(
        f'\n <key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="{attr_type}" />'
        for domain, keys in (("graph", GRAPH_KEYS), ("node", NODE_KEYS), ("edge", EDGE_KEYS))
        for key_id, name, attr_type in keys
    )
    articles = G.graph.get("articles")
    graph_data = _data(
        GRAPH_KEYS,
        {"name": G.graph.get("name"), "article_count": len(articles) if isinstance(articles, dict) else None},
        "\n  ",
    )
    ids = elements.xml_ids
    nodes, edges = elements.nodes, elements.edges
    node_body = cache.section(0, elements.node_keys, lambda i: _node_fragment(ids[nodes[i][0]], nodes[i][1]))

    def edge(i: int) -> str:
        edge_id, source, target, key, data = edges[i]
        return _edge_fragment(edge_id, ids[source], ids[target], key, data, mixed_directed)

    edge_body = cache.section(1, elements.edge_keys, edge)
    cache.save()
    graph_open = '\n <graph id="G" edgedefault="directed"'
    if graph_data or node_body or edge_body:
        graph_head, graph_tail = graph_open + ">" + "".join(graph_data), "\n </graph>"
    else:
        graph_head, graph_tail = graph_open + " />", ""
    head = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{SCHEMA_LOCATION}">'
        + keys
        + graph_head
    )
    return [head.encode("utf-8"), node_body, edge_body, (graph_tail + "\n</graphml>").encode("utf-8")]


def write_graphml(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    mixed_directed: bool = False,
    cache_dir: str | Path | None = None,
    elements: Elements | None = None,
) -> Path:
    """Write `G` as GraphML; returns the path. See the module docstring for `mixed_directed`;
    `cache_dir` holds the fragment cache that makes re-exports of a similar graph fast."""
    elements = elements if elements is not None else Elements(G, keyed=cache_dir is not None)
    chunks = render_graphml(
        elements, mixed_directed=mixed_directed, cache_dir=None if cache_dir is None else Path(cache_dir)
    )
    return write_output(Path(path), chunks)
