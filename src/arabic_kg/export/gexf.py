"""GEXF (Gephi's native format) with viz colours/sizes, per-edge direction and a date timeline.

GEXF keeps what GraphML cannot tell Gephi: undirected relations stay undirected in a directed
graph (`type="undirected"` on the edge), parallel relations of different types between the same
pair stay apart (`kind`, GEXF 1.3), and edges carry `start`/`end` dates so Gephi's timeline can
replay the news. Written with xml.etree so that hostile strings can only ever become text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from ._common import (
    clean_text,
    edge_dates,
    edge_directed,
    iter_edges,
    iter_nodes,
    unique_ids,
)
from .graphml import edge_values, node_values

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
VERSIONS: dict[str, dict[str, str]] = {
    "1.3": {
        "ns": "http://gexf.net/1.3",
        "viz": "http://gexf.net/1.3/viz",
        "schema": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "version": "1.3",
    },
    "1.2draft": {
        "ns": "http://www.gexf.net/1.2draft",
        "viz": "http://www.gexf.net/1.2draft/viz",
        "schema": "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd",
        "version": "1.2",
    },
}

# (attribute id/title, GEXF type) — label, size and colour go to GEXF's own slots instead.
NODE_ATTRS: list[tuple[str, str]] = [
    ("label_en", "string"),
    ("type", "string"),
    ("mentions", "integer"),
    ("articles", "integer"),
    ("aliases", "string"),
    ("qid", "string"),
    ("affiliation", "string"),
    ("article_ids", "string"),
    ("color", "string"),
]
EDGE_ATTRS: list[tuple[str, str]] = [
    ("type", "string"),
    ("label_ar", "string"),
    ("polarity", "string"),
    ("modality", "string"),
    ("directed", "boolean"),
    ("dashed", "boolean"),
    ("articles", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("modality_asserted", "integer"),
    ("modality_planned", "integer"),
    ("modality_reported", "integer"),
    ("evidence", "string"),
    ("evidence_title", "string"),
    ("evidence_url", "string"),
    ("edge_key", "string"),
    ("color", "string"),
]


def _text(value: Any, attr_type: str) -> str | None:
    if value is None:
        return None
    if attr_type == "boolean":
        return "true" if value else "false"
    if attr_type == "integer":
        return str(int(value))
    text = clean_text(value)
    return text or None


def _attvalues(parent: ET.Element, attrs: list[tuple[str, str]], values: dict[str, Any]) -> None:
    container = ET.SubElement(parent, "attvalues")
    for name, attr_type in attrs:
        text = _text(values.get(name), attr_type)
        if text is not None:
            ET.SubElement(container, "attvalue", {"for": name, "value": text})


def build_gexf(
    G: nx.MultiDiGraph,
    *,
    version: Literal["1.3", "1.2draft"] = "1.3",
    mixed_directed: bool = True,
    timeline: bool = True,
) -> ET.ElementTree:
    spec = VERSIONS[version]
    viz = spec["viz"]
    root = ET.Element(
        "gexf",
        {
            "xmlns": spec["ns"],
            "xmlns:viz": viz,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": spec["schema"],
            "version": spec["version"],
        },
    )
    meta = ET.SubElement(root, "meta", lastmodifieddate=date.today().isoformat())
    ET.SubElement(meta, "creator").text = "arabic-kg"
    ET.SubElement(meta, "description").text = clean_text(G.graph.get("name") or "arabic-kg")

    edges = list(iter_edges(G))
    dated = timeline and any(edge_dates(data)[0] for *_, data in edges)
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dated else "static"}
    if dated:
        graph_attrs["timeformat"] = "date"
        if version == "1.3":
            graph_attrs["timerepresentation"] = "interval"
    graph = ET.SubElement(root, "graph", graph_attrs)

    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        declared = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for name, attr_type in attrs:
            ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": attr_type})

    ids = unique_ids([node for node, _ in iter_nodes(G)])
    nodes_el = ET.SubElement(graph, "nodes")
    for node, data in iter_nodes(G):
        values = node_values(data)
        element = ET.SubElement(
            nodes_el, "node", id=ids[node], label=clean_text(values["label"] or ids[node])
        )
        _attvalues(element, NODE_ATTRS, values)
        ET.SubElement(element, "viz:size", value=str(values["size"]))
        ET.SubElement(
            element, "viz:color", r=str(values["r"]), g=str(values["g"]), b=str(values["b"]), a="1.0"
        )

    edges_el = ET.SubElement(graph, "edges")
    for edge_id, source, target, key, data in edges:
        values = edge_values(key, data)
        attrs = {
            "id": edge_id,
            "source": ids[source],
            "target": ids[target],
            "label": clean_text(values["label"] or ""),
            "weight": repr(float(values["weight"])),
        }
        if mixed_directed:
            attrs["type"] = "directed" if edge_directed(data) else "undirected"
        if version == "1.3" and values["type"]:
            # Gephi keeps parallel edges apart only when their kinds differ.
            attrs["kind"] = clean_text(f"{values['type']}|{values['polarity'] or 'asserted'}")
        if dated:
            first, last = values["first_date"], values["last_date"]
            if first:
                attrs["start"] = first
            if last:
                attrs["end"] = last
        element = ET.SubElement(edges_el, "edge", attrs)
        _attvalues(element, EDGE_ATTRS, values)
        ET.SubElement(
            element, "viz:color", r=str(values["r"]), g=str(values["g"]), b=str(values["b"]), a="1.0"
        )
        ET.SubElement(element, "viz:thickness", value=repr(float(values["weight"])))
        if values["dashed"]:
            ET.SubElement(element, "viz:shape", value="dashed")

    tree = ET.ElementTree(root)
    ET.indent(tree, space=" ")
    return tree


def write_gexf(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    version: Literal["1.3", "1.2draft"] = "1.3",
    mixed_directed: bool = True,
    timeline: bool = True,
) -> Path:
    """Write `G` as GEXF. `mixed_directed=False` drops per-edge `type` (for networkx.read_gexf)."""
    path = Path(path)
    tree = build_gexf(G, version=version, mixed_directed=mixed_directed, timeline=timeline)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return path
