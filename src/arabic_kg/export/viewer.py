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
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from ._assets import APP_JS, CSS, TEMPLATE
from ._common import (
    ENTITY_STYLE,
    RELATION_STYLE,
    as_int,
    as_number,
    clean_opt,
    clean_text,
    edge_dashed,
    edge_dates,
    edge_directed,
    entity_style,
    evidence_list,
    isolate,
    iter_edges,
    iter_nodes,
    node_size,
    relation_style,
    safe_url,
    trigger_text,
    unique_ids,
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


def _curves(G: nx.MultiDiGraph) -> dict[str, dict[str, Any] | None]:
    """Curve parallel edges between the same pair apart; single edges stay straight (cheap)."""
    groups: dict[frozenset[Any], list[str]] = defaultdict(list)
    for edge_id, source, target, _key, _data in iter_edges(G):
        groups[frozenset((source, target))].append(edge_id)
    curves: dict[str, dict[str, Any] | None] = {}
    for ids in groups.values():
        offset = 1 if len(ids) % 2 == 0 else 0  # an odd group keeps its first edge straight
        for index, edge_id in enumerate(ids):
            slot = index + offset
            if slot == 0:
                curves[edge_id] = None
                continue
            kind = "curvedCW" if slot % 2 else "curvedCCW"
            curves[edge_id] = {"enabled": True, "type": kind, "roundness": round(0.18 * ((slot + 1) // 2), 2)}
    return curves


def build_payload(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the viewer needs, display items built through a pyvis Network."""
    net = Network(height="100%", width="100%", directed=True)
    net.options = vis_options(G.number_of_nodes(), G.number_of_edges())
    vis_ids = unique_ids([node for node, _ in iter_nodes(G)], clean=clean_text)

    node_info: dict[str, dict[str, Any]] = {}
    articles_used: set[str] = set()
    entity_counts: Counter[str] = Counter()
    for node, data in iter_nodes(G):
        vid = vis_ids[node]
        entity_type = clean_text(data.get("type")) or "UNKNOWN"
        entity_counts[entity_type] += 1
        article_ids = [clean_text(a) for a in (data.get("article_ids") or []) if a is not None]
        articles_used.update(article_ids)
        affiliation = data.get("affiliation")
        info = {
            "id": clean_text(node),
            "label": clean_text(data.get("label")),
            "label_en": clean_opt(data.get("label_en")),
            "type": entity_type,
            "mentions": as_int(data.get("mentions")),
            "articles": as_int(data.get("articles")),
            "aliases": [clean_text(a) for a in (data.get("aliases") or []) if a is not None],
            "article_ids": article_ids,
            "qid": clean_opt(data.get("qid")),
            "affiliation": vis_ids.get(affiliation, clean_opt(affiliation))
            if affiliation is not None
            else None,
        }
        node_info[vid] = info
        color = entity_style(entity_type)["color"]
        net.add_node(
            vid,
            label=isolate(info["label"] or info["label_en"] or info["id"]),
            shape="dot",
            size=node_size(info["mentions"]),
            color={
                "background": color,
                "border": _darker(color),
                "highlight": {"background": color, "border": "#000000"},
                "hover": {"background": color, "border": "#000000"},
            },
            title=_node_tooltip(info),
        )

    edge_info: dict[str, dict[str, Any]] = {}
    relation_counts: Counter[str] = Counter()
    relation_directed: dict[str, bool] = {}
    curves = _curves(G)
    dates: list[str] = []
    max_weight = 1.0
    for edge_id, source, target, _key, data in iter_edges(G):
        relation = clean_text(data.get("type")) or "relation"
        relation_counts[relation] += 1
        directed = edge_directed(data)
        relation_directed.setdefault(relation, directed)
        first, last = edge_dates(data)
        dates += [d for d in (first, last) if d]
        weight = as_number(data.get("weight"), 1.0)
        max_weight = max(max_weight, weight)
        evidence = []
        for item in evidence_list(data):
            article_id = clean_opt(item.get("article_id"))
            if article_id:
                articles_used.add(article_id)
            evidence.append(
                {
                    "article_id": article_id,
                    "title": clean_opt(item.get("title")),
                    "date": clean_opt(item.get("date")),
                    "url": clean_opt(item.get("url")),
                    "href": safe_url(item.get("url")),
                    "text": clean_text(item.get("text")),
                    "trigger": trigger_text(item.get("trigger")),
                }
            )
        info = {
            "from": vis_ids[source],
            "to": vis_ids[target],
            "type": relation,
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
        edge_info[edge_id] = info
        style = relation_style(relation)
        label = style["ar"] + (" (منفية)" if info["polarity"] == "negated" else "")
        options: dict[str, Any] = {
            "id": edge_id,
            "label": isolate(label),
            "title": _edge_tooltip(info, node_info[info["from"]]["label"], node_info[info["to"]]["label"]),
            "value": weight,
            "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"]},
            "font": {"color": _darker(style["color"], 0.6)},
            "arrows": {"to": {"enabled": directed}},
            # Negated: dotted; planned: long dashes (legend: both mean "did not happen yet").
            "dashes": ([2, 5] if info["polarity"] == "negated" else [8, 6]) if info["dashed"] else False,
        }
        if curves.get(edge_id):
            options["smooth"] = curves[edge_id]
        net.add_edge(info["from"], info["to"], **options)

    raw_articles = G.graph.get("articles") if isinstance(G.graph.get("articles"), dict) else {}
    articles: dict[str, dict[str, Any]] = {}
    for article_id, meta in (raw_articles or {}).items():
        key = clean_text(article_id)
        if key in articles_used and isinstance(meta, dict):
            articles[key] = {
                "id": key,
                "title": clean_opt(meta.get("title")),
                "date": clean_opt(meta.get("date")),
                "url": clean_opt(meta.get("url")),
                "href": safe_url(meta.get("url")),
                "source": clean_opt(meta.get("source")),
            }

    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    entity_types = [
        {**entity_style(t), "type": t, "count": entity_counts[t]}
        for t in [*ENTITY_STYLE, *sorted(set(entity_counts) - set(ENTITY_STYLE))]
        if entity_counts[t]
    ]
    relations = [
        {**relation_style(t), "type": t, "count": relation_counts[t], "directed": relation_directed[t]}
        for t in [*RELATION_STYLE, *sorted(set(relation_counts) - set(RELATION_STYLE))]
        if relation_counts[t]
    ]
    return {
        "version": 1,
        "name": clean_text(G.graph.get("name") or "arabic-kg"),
        "entity_types": entity_types,
        "relations": relations,
        "nodes": nodes,
        "edges": edges,
        "node_info": node_info,
        "edge_info": edge_info,
        "articles": articles,
        "options": json.loads(options_json),
        "stats": {
            "min_date": min(dates) if dates else None,
            "max_date": max(dates) if dates else None,
            "max_weight": int(max_weight),
        },
    }


def render_html(G: nx.MultiDiGraph) -> str:
    payload = build_payload(G)
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
        "TITLE": html.escape(payload["name"]),
        "CSS": CSS,
        "DATA": json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text inserted into a slot is never scanned for further slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], TEMPLATE)


def write_html(G: nx.MultiDiGraph, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(render_html(G), encoding="utf-8")
    return path
