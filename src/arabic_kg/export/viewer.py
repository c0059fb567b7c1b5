"""graph.html: a single self-contained, offline, Arabic-first interactive viewer.

pyvis holds the nodes, edges and vis-network options (`pyvis.network.Network`), and its bundled
vis-network build is inlined. pyvis's own template is not used: even with
`cdn_resources="in_line"` it loads Bootstrap and tom-select from a CDN, and it builds popups with
innerHTML. Instead the page is our template with:

* the graph as JSON in `<script type="application/json">` (`<`, `>`, `&`, U+2028/2029 escaped, so
  no string can close the block), rendered by a script that only uses textContent/createElement;
* a Content-Security-Policy that allows exactly the two inline scripts (by SHA-256) and no
  network access at all (`default-src 'none'`): even a missed injection could neither run nor
  call home, and the page can never fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ._assets import APP_JS, CSS, TEMPLATE
from ._cache import Elements, open_cache, runs, salt, write_output
from ._common import (
    ENTITY_STYLE,
    RELATION_STYLE,
    as_int,
    as_number,
    clean_all,
    clean_list,
    clean_opt,
    clean_text,
    edge_dashed,
    edge_dates,
    edge_directed,
    entity_style,
    evidence_list,
    isolate,
    node_size,
    relation_style,
    safe_url,
    trigger_text,
)

FONT_FACE = 'Tahoma, "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", Arial, sans-serif'
_SLOT = re.compile(r"\{\{([A-Z_]+)\}\}")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network standalone build shipped inside the installed pyvis package."""
    root = resources.files("pyvis")
    candidates = []
    for base in ("templates/lib", "lib"):
        folder = root.joinpath(base)
        if folder.is_dir():
            candidates += [child for child in folder.iterdir() if child.name.startswith("vis-")]

    def version(entry: Any) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", entry.name))

    for folder in sorted(candidates, key=version, reverse=True):
        script = folder.joinpath("vis-network.min.js")
        if script.is_file():
            text = script.read_text(encoding="utf-8")
            # The source-map comment would make DevTools try to fetch a .map file.
            text = re.sub(r"//# sourceMappingURL=\S+\s*$", "", text)
            return _script_safe(text)
    raise FileNotFoundError("vis-network.min.js not found in the installed pyvis package")


def _script_safe(code: str) -> str:
    """Make code safe to inline in <script>: `</script` or `<!--` would end/alter the block.

    Both only appear inside string literals, comments or regexes, where `<\\/` and `<\\!` mean
    the same thing."""
    return re.sub(r"<(/script|!--)", lambda m: "<\\" + m.group(1), code, flags=re.IGNORECASE)


def json_for_script(data: Any) -> str:
    """JSON that can sit inside an HTML <script> element and be read back with JSON.parse."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options tuned to stay usable up to ~2,000 nodes / 10,000 edges."""
    big = n_edges > 3000 or n_nodes > 1000
    # Bounded stabilization: a big graph gets fewer (costlier) iterations so the page is ready in
    # seconds; physics is then switched off by the viewer.
    iterations = 400 if n_nodes <= 300 else 200 if n_nodes <= 1000 else 120
    label_font = {"face": FONT_FACE, "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.2,
            },
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
            "maxVelocity": 60,
            "timestep": 0.5,
            "adaptiveTimestep": True,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
            "selectConnectedEdges": True,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {**label_font, "size": 14, "color": "#1d1d1f"},
            # Labels smaller than this many screen pixels are not drawn: cheap overview zoom.
            "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "width": 1.5,
            "selectionWidth": 2,
            "hoverWidth": 1,
            "font": {**label_font, "size": 10, "color": "#333333", "align": "horizontal"},
            "scaling": {"min": 1, "max": 6, "label": {"enabled": False, "drawThreshold": 7}},
            "arrows": {"to": {"enabled": False, "scaleFactor": 0.6}},
            "color": {"inherit": False, "opacity": 0.85},
        },
    }


def _darker(color: str, factor: float = 0.7) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _node_tooltip(info: dict[str, Any]) -> str:
    style = entity_style(info["type"])
    lines = [info["label"] or info["id"]]
    if info["label_en"]:
        lines.append(info["label_en"])
    lines.append(f"{style['ar']} ({style['en']}) · إشارات: {info['mentions']} · مقالات: {info['articles']}")
    return "\n".join(lines)


def _edge_tooltip(info: dict[str, Any], source_label: str, target_label: str) -> str:
    style = relation_style(info["type"])
    polarity = "منفية" if info["polarity"] == "negated" else "مثبتة"
    lines = [f"{style['ar']} ({style['en']}) · {polarity}", f"من: {source_label}", f"إلى: {target_label}"]
    dates = " → ".join(d for d in (info["first_date"], info["last_date"]) if d)
    lines.append(f"الوزن: {info['weight']}" + (f" · {dates}" if dates else ""))
    return "\n".join(lines)


def _node_item(elements: Elements, node: Any, data: dict[str, Any]) -> tuple[str, str]:
    """The node's vis-network item and its `node_info` entry, as JSON fragments."""
    vid = elements.vis_ids[node]
    info = _node_info(elements, node, data)
    color = entity_style(info["type"])["color"]
    # Key order as pyvis's Network.add_node built it (the payload used to go through pyvis).
    item = {
        "color": {
            "background": color,
            "border": _darker(color),
            "highlight": {"background": color, "border": "#000000"},
            "hover": {"background": color, "border": "#000000"},
        },
        "size": node_size(info["mentions"]),
        "title": _node_tooltip(info),
        "id": vid,
        "label": isolate(info["label"] or info["label_en"] or info["id"]),
        "shape": "dot",
    }
    return "," + json_for_script(item), "," + json_for_script(vid) + ":" + json_for_script(info)


def _node_info(elements: Elements, node: Any, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": clean_text(node),
        "label": clean_text(data.get("label")),
        "label_en": clean_opt(data.get("label_en")),
        "type": clean_text(data.get("type")) or "UNKNOWN",
        "mentions": as_int(data.get("mentions")),
        "articles": as_int(data.get("articles")),
        "aliases": [clean_text(a) for a in (data.get("aliases") or []) if a is not None],
        "article_ids": [clean_text(a) for a in (data.get("article_ids") or []) if a is not None],
        "qid": clean_opt(data.get("qid")),
        "affiliation": elements.vis_affiliation(data),
    }


def _edge_item(elements: Elements, edge: tuple[str, Any, Any, Any, dict[str, Any]]) -> tuple[str, str]:
    """The edge's vis-network item and its `edge_info` entry, as JSON fragments."""
    edge_id, source, target, _key, data = edge
    directed = edge_directed(data)
    first, last = edge_dates(data)
    weight = as_number(data.get("weight"), 1.0)
    evidence = [
        {
            "article_id": clean_opt(item.get("article_id")),
            "title": clean_opt(item.get("title")),
            "date": clean_opt(item.get("date")),
            "url": clean_opt(item.get("url")),
            "href": safe_url(item.get("url")),
            "text": clean_text(item.get("text")),
            "trigger": trigger_text(item.get("trigger")),
        }
        for item in evidence_list(data)
    ]
    info = {
        "from": elements.vis_ids[source],
        "to": elements.vis_ids[target],
        "type": clean_text(data.get("type")) or "relation",
        "polarity": clean_text(data.get("polarity")) or "asserted",
        "directed": directed,
        "dashed": edge_dashed(data),
        "weight": int(weight) if weight.is_integer() else weight,
        "articles": as_int(data.get("articles")),
        "first_date": first,
        "last_date": last,
        "modality": clean_opt(data.get("modality")),
        "modality_asserted": as_int(data.get("modality_asserted")),
        "modality_planned": as_int(data.get("modality_planned")),
        "modality_reported": as_int(data.get("modality_reported")),
        "evidence": evidence,
    }
    style = relation_style(info["type"])
    label = style["ar"] + (" (منفية)" if info["polarity"] == "negated" else "")
    nodes = elements.G.nodes
    title = _edge_tooltip(
        info, clean_text(nodes[source].get("label")), clean_text(nodes[target].get("label"))
    )
    # Key order as pyvis's Network.add_edge built it.
    item: dict[str, Any] = {
        "id": edge_id,
        "label": isolate(label),
        "title": title,
        "value": weight,
        "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"]},
        "font": {"color": _darker(style["color"], 0.6)},
        "arrows": {"to": {"enabled": directed}},
        # Negated: dotted; planned: long dashes (legend: both mean "did not happen yet").
        "dashes": ([2, 5] if info["polarity"] == "negated" else [8, 6]) if info["dashed"] else False,
    }
    curve = elements.curves[edge_id]
    if curve:
        item["smooth"] = curve
    item["from"], item["to"] = info["from"], info["to"]
    return "," + json_for_script(item), "," + json_for_script(edge_id) + ":" + json_for_script(info)


def _article_entry(key: str, meta: dict[str, Any]) -> str:
    info = {
        "id": key,
        "title": clean_opt(meta.get("title")),
        "date": clean_opt(meta.get("date")),
        "url": clean_opt(meta.get("url")),
        "href": safe_url(meta.get("url")),
        "source": clean_opt(meta.get("source")),
    }
    return "," + json_for_script(key) + ":" + json_for_script(info)


def _summary(elements: Elements) -> dict[str, Any]:
    """What the page header needs from the whole graph: counts per type, the date range, the
    heaviest weight and the articles any node or evidence refers to. One cheap pass; no fragment
    depends on it, so it is recomputed on every export."""
    entity_counts: Counter[str] = Counter()
    raw_articles: set[Any] = set()
    for _node, data in elements.nodes:
        entity_counts[clean_text(data.get("type")) or "UNKNOWN"] += 1
        article_ids = data.get("article_ids") or []
        try:
            raw_articles.update(article_ids)
        except TypeError:  # an unhashable id: cleaned to text like every other id
            raw_articles.update(clean_text(a) for a in article_ids if a is not None)
    relation_counts: Counter[str] = Counter()
    relation_directed: dict[str, bool] = {}
    dates: set[str] = set()
    max_weight = 1.0
    evidence_articles: set[Any] = set()
    for *_, data in elements.edges:
        relation = clean_text(data.get("type")) or "relation"
        relation_counts[relation] += 1
        if relation not in relation_directed:
            relation_directed[relation] = edge_directed(data)
        first, last = edge_dates(data)
        if first:
            dates.add(first)
        if last:
            dates.add(last)
        max_weight = max(max_weight, as_number(data.get("weight"), 1.0))
        for item in evidence_list(data):
            evidence_articles.add(item.get("article_id"))
    raw_articles.discard(None)
    evidence_articles.discard(None)
    used = clean_all(raw_articles)
    used.update(cleaned for cleaned in clean_all(evidence_articles) if cleaned)
    return {
        "entity_counts": entity_counts,
        "relation_counts": relation_counts,
        "relation_directed": relation_directed,
        "articles_used": used,
        "stats": {
            "min_date": min(dates) if dates else None,
            "max_date": max(dates) if dates else None,
            "max_weight": int(max_weight),
        },
    }


def render_payload(elements: Elements, *, cache_dir: Path | None = None) -> list[bytes]:
    """The viewer's data as JSON ready for the page's <script> block (`json_for_script` of
    `build_payload`), as byte chunks; node, edge and article fragments come from the cache in
    `cache_dir` when unchanged."""
    G = elements.G
    cache = open_cache(cache_dir, "html", salt("html"))
    summary = _summary(elements)
    nodes, edges = elements.nodes, elements.edges
    node_parts: dict[int, tuple[str, str]] = {}
    edge_parts: dict[int, tuple[str, str]] = {}

    def node_part(i: int, which: int) -> str:
        if i not in node_parts:
            node_parts[i] = _node_item(elements, *nodes[i])
        return node_parts[i][which]

    def edge_part(i: int, which: int) -> str:
        if i not in edge_parts:
            edge_parts[i] = _edge_item(elements, edges[i])
        return edge_parts[i][which]

    node_items = cache.section(0, elements.node_keys, lambda i: node_part(i, 0))
    edge_items = cache.section(1, elements.edge_keys, lambda i: edge_part(i, 0))
    node_info = cache.section(2, elements.node_keys, lambda i: node_part(i, 1))
    edge_info = cache.section(3, elements.edge_keys, lambda i: edge_part(i, 1))
    # Articles any node or evidence refers to, under their cleaned id (a later duplicate wins).
    used = summary["articles_used"]
    chosen: dict[str, Any] = {}
    raw = elements.articles
    for key, meta in zip(clean_list(raw), raw.values(), strict=True):
        if key in used and isinstance(meta, dict):
            chosen[key] = meta
    picked = list(chosen.items())
    spans = runs(chosen)  # by runs of ~32 articles: one digest and one fragment per run
    articles = cache.section(
        4,
        [elements.key(picked[start:end]) for start, end in spans],
        lambda i: "".join(_article_entry(key, meta) for key, meta in picked[spans[i][0] : spans[i][1]]),
    )
    cache.save()

    entity_counts, relation_counts = summary["entity_counts"], summary["relation_counts"]
    entity_types = [
        {**entity_style(t), "type": t, "count": entity_counts[t]}
        for t in [*ENTITY_STYLE, *sorted(set(entity_counts) - set(ENTITY_STYLE))]
        if entity_counts[t]
    ]
    relations = [
        {
            **relation_style(t),
            "type": t,
            "count": relation_counts[t],
            "directed": summary["relation_directed"][t],
        }
        for t in [*RELATION_STYLE, *sorted(set(relation_counts) - set(RELATION_STYLE))]
        if relation_counts[t]
    ]
    head = (
        '{"version":1,"name":'
        + json_for_script(clean_text(G.graph.get("name") or "arabic-kg"))
        + ',"entity_types":'
        + json_for_script(entity_types)
        + ',"relations":'
        + json_for_script(relations)
    )
    options = vis_options(G.number_of_nodes(), G.number_of_edges())
    tail = ',"options":' + json_for_script(options) + ',"stats":' + json_for_script(summary["stats"]) + "}"
    return [
        head.encode("utf-8"),
        *_joined(',"nodes":[', node_items, "]"),
        *_joined(',"edges":[', edge_items, "]"),
        *_joined(',"node_info":{', node_info, "}"),
        *_joined(',"edge_info":{', edge_info, "}"),
        *_joined(',"articles":{', articles, "}"),
        tail.encode("utf-8"),
    ]


def _joined(opening: str, body: bytes, closing: str) -> list[Any]:
    """Fragments that each start with a comma, in brackets: the first comma is dropped."""
    return [opening.encode("utf-8"), memoryview(body)[1:], closing.encode("utf-8")]


def build_payload(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the viewer needs, as the page's data block holds it (a dict, for tests)."""
    return json.loads(b"".join(render_payload(Elements(G, keyed=False))))


def render_page(elements: Elements, *, cache_dir: Path | None = None) -> list[bytes]:
    """graph.html as byte chunks (see `render_payload` for the cache)."""
    data = render_payload(elements, cache_dir=cache_dir)
    vis_js = vis_network_js()
    app_js = _script_safe(APP_JS)
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    slots = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(clean_text(elements.G.graph.get("name") or "arabic-kg")),
        "CSS": CSS,
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text inserted into a slot is never scanned for further slots. The data goes
    # between the two halves of the template, as bytes.
    before, after = TEMPLATE.split("{{DATA}}")
    fill = lambda text: _SLOT.sub(lambda m: slots[m.group(1)], text)  # noqa: E731
    return [fill(before).encode("utf-8"), *data, fill(after).encode("utf-8")]


def render_html(G: nx.MultiDiGraph) -> str:
    return b"".join(render_page(Elements(G, keyed=False))).decode("utf-8")


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    cache_dir: str | Path | None = None,
    elements: Elements | None = None,
) -> Path:
    """Write graph.html; `cache_dir` holds the fragment cache that makes re-exports fast."""
    elements = elements if elements is not None else Elements(G, keyed=cache_dir is not None)
    chunks = render_page(elements, cache_dir=None if cache_dir is None else Path(cache_dir))
    return write_output(Path(path), chunks)
