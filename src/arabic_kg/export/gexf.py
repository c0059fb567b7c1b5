"""GEXF (Gephi's native format) with viz colours/sizes, per-edge direction and a date timeline.

GEXF keeps what GraphML cannot tell Gephi: undirected relations stay undirected in a directed
graph (`type="undirected"` on the edge), parallel relations of different types between the same
pair stay apart (`kind`, GEXF 1.3), and edges carry `start`/`end` dates so Gephi's timeline can
replay the news. Written as text escaped like xml.etree escapes it (`_xml`), fragment by fragment
(`_cache`), so that hostile strings can only ever become text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from ._cache import Elements, open_cache, salt, write_output
from ._common import clean_text, edge_dates, edge_directed
from ._xml import element, escape_attr, escape_text
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


def _attvalues(attrs: list[tuple[str, str]], values: dict[str, Any]) -> str:
    children = []
    for name, attr_type in attrs:
        text = _text(values.get(name), attr_type)
        if text is not None:
            children.append(f'\n     <attvalue for="{name}" value="{escape_attr(text)}" />')
    return element("\n    ", "attvalues", "", children)


def _viz_color(values: dict[str, Any]) -> str:
    return f'\n    <viz:color r="{values["r"]}" g="{values["g"]}" b="{values["b"]}" a="1.0" />'


def _node_fragment(node_id: str, data: dict[str, Any]) -> str:
    values = node_values(data)
    label = clean_text(values["label"] or node_id)
    return (
        f'\n   <node id="{escape_attr(node_id)}" label="{escape_attr(label)}">'
        + _attvalues(NODE_ATTRS, values)
        + f'\n    <viz:size value="{values["size"]}" />'
        + _viz_color(values)
        + "\n   </node>"
    )


def _edge_fragment(
    edge: tuple[str, str, str, Any, dict[str, Any]], version: str, mixed_directed: bool, dated: bool
) -> str:
    edge_id, source, target, key, data = edge
    values = edge_values(key, data)
    weight = repr(float(values["weight"]))
    attrs = (
        f' id="{escape_attr(edge_id)}" source="{escape_attr(source)}" target="{escape_attr(target)}"'
        f' label="{escape_attr(clean_text(values["label"] or ""))}" weight="{weight}"'
    )
    if mixed_directed:
        attrs += ' type="directed"' if edge_directed(data) else ' type="undirected"'
    if version == "1.3" and values["type"]:
        # Gephi keeps parallel edges apart only when their kinds differ.
        kind = clean_text(f"{values['type']}|{values['polarity'] or 'asserted'}")
        attrs += f' kind="{escape_attr(kind)}"'
    if dated:
        first, last = values["first_date"], values["last_date"]
        if first:
            attrs += f' start="{escape_attr(first)}"'
        if last:
            attrs += f' end="{escape_attr(last)}"'
    return (
        f"\n   <edge{attrs}>"
        + _attvalues(EDGE_ATTRS, values)
        + _viz_color(values)
        + f'\n    <viz:thickness value="{weight}" />'
        + ('\n    <viz:shape value="dashed" />' if values["dashed"] else "")
        + "\n   </edge>"
    )


def render_gexf(
    elements: Elements,
    *,
    version: Literal["1.3", "1.2draft"] = "1.3",
    mixed_directed: bool = True,
    timeline: bool = True,
    cache_dir: Path | None = None,
) -> list[bytes]:
    """graph.gexf as byte chunks; fragments come from the cache in `cache_dir` when unchanged."""
    G = elements.G
    spec = VERSIONS[version]
    edges = elements.edges
    dated = timeline and any(edge_dates(data)[0] for *_, data in edges)
    cache = open_cache(cache_dir, "gexf", salt("gexf", version, mixed_directed, dated))
    ids = elements.xml_ids
    nodes = elements.nodes
    node_body = cache.section(0, elements.node_keys, lambda i: _node_fragment(ids[nodes[i][0]], nodes[i][1]))

    def edge(i: int) -> str:
        edge_id, source, target, key, data = edges[i]
        return _edge_fragment((edge_id, ids[source], ids[target], key, data), version, mixed_directed, dated)

    edge_body = cache.section(1, elements.edge_keys, edge)
    cache.save()

    graph_attrs = f' defaultedgetype="directed" mode="{"dynamic" if dated else "static"}"'
    if dated:
        graph_attrs += ' timeformat="date"'
        if version == "1.3":
            graph_attrs += ' timerepresentation="interval"'
    declarations = "".join(
        element(
            "\n  ",
            "attributes",
            f' class="{cls}" mode="static"',
            [
                f'\n   <attribute id="{name}" title="{name}" type="{attr_type}" />'
                for name, attr_type in attrs
            ],
        )
        for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS))
    )
    description = clean_text(G.graph.get("name") or "arabic-kg")
    head = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<gexf xmlns="{spec["ns"]}" xmlns:viz="{spec["viz"]}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{spec["schema"]}" version="{spec["version"]}">'
        f'\n <meta lastmodifieddate="{date.today().isoformat()}">'
        "\n  <creator>arabic-kg</creator>"
        + (
            f"\n  <description>{escape_text(description)}</description>"
            if description
            else "\n  <description />"
        )
        + "\n </meta>"
        + f"\n <graph{graph_attrs}>"
        + declarations
    )
    nodes_open = "\n  <nodes>" if node_body else "\n  <nodes />"
    nodes_close = "\n  </nodes>" if node_body else ""
    edges_open = "\n  <edges>" if edge_body else "\n  <edges />"
    edges_close = "\n  </edges>" if edge_body else ""
    return [
        (head + nodes_open).encode("utf-8"),
        node_body,
        (nodes_close + edges_open).encode("utf-8"),
        edge_body,
        (edges_close + "\n </graph>\n</gexf>").encode("utf-8"),
    ]


def write_gexf(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    version: Literal["1.3", "1.2draft"] = "1.3",
    mixed_directed: bool = True,
    timeline: bool = True,
    cache_dir: str | Path | None = None,
    elements: Elements | None = None,
) -> Path:
    """Write `G` as GEXF. `mixed_directed=False` drops per-edge `type` (for networkx.read_gexf);
    `cache_dir` holds the fragment cache that makes re-exports of a similar graph fast."""
    elements = elements if elements is not None else Elements(G, keyed=cache_dir is not None)
    chunks = render_gexf(
        elements,
        version=version,
        mixed_directed=mixed_directed,
        timeline=timeline,
        cache_dir=None if cache_dir is None else Path(cache_dir),
    )
    return write_output(Path(path), chunks)
