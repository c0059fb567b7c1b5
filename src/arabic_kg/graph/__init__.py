"""The aggregated knowledge graph over all stored articles (networkx).

Contract (what the export stage reads):
- ``G.graph``: ``name`` and ``articles`` (article id → title, date, url, source);
- a node per canonical entity: ``label``, ``label_en``, ``type``, ``mentions``, ``articles``,
  ``aliases``, ``article_ids`` (≤ 50), ``qid``, ``affiliation``;
- an edge per (source, target, relation type, polarity), key ``"type|polarity"``: ``type``,
  ``polarity``, ``directed``, ``weight`` (evidence count), ``articles``, ``first_date``,
  ``last_date``, ``modality_asserted/planned/reported``, ``modality`` and ``evidence`` (≤ 5).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Protocol

import networkx as nx

from arabic_kg.models import SYMMETRIC_RELATIONS

MAX_EVIDENCE = 5
MAX_ARTICLE_IDS = 50
MAX_ALIASES = 12


class RowSource(Protocol):
    def rows(self, sql: str, params: tuple[Any, ...] = ...) -> Any: ...


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the dates articles carry (``2015-08-01 10:22:05``, ``2015-08-01T…``)."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    return None


def build_graph(store: RowSource, *, co_mentions: bool = True, isolated: bool = False) -> nx.MultiDiGraph:
    """The graph of the store. Nodes are the entities that take part in an edge (all entities
    with ``isolated``); co-mention links only with ``co_mentions``. Counting is done by SQLite."""
    g = nx.MultiDiGraph(name="arabic-kg")
    edges = _edges(store, co_mentions)
    if isolated:
        wanted = {r[0] for r in store.rows("SELECT DISTINCT entity_id FROM mentions")}
    else:
        wanted = {n for (source, target, _) in edges for n in (source, target)}
    nodes = _nodes(store, wanted)
    for eid in sorted(nodes):
        g.add_node(eid, **nodes[eid])
    for (source, target, key), data in edges.items():
        if source in nodes and target in nodes:
            g.add_edge(source, target, key=key, **data)
    referenced = {a for _, d in g.nodes(data=True) for a in d["article_ids"]}
    referenced |= {ev["article_id"] for *_, d in g.edges(keys=True, data=True) for ev in d["evidence"]}
    g.graph["articles"] = {
        r["id"]: {"title": r["title"], "date": iso_date(r["date"]), "url": r["url"], "source": r["source"]}
        for r in store.rows("SELECT id, title, date, url, source FROM articles")
        if r["id"] in referenced
    }
    return g


def _nodes(store: RowSource, wanted: set[str]) -> dict[str, dict[str, Any]]:
    if not wanted:
        return {}
    out: dict[str, dict[str, Any]] = {}
    counts = {
        r[0]: (r[1], r[2])
        for r in store.rows(
            "SELECT entity_id, COUNT(*), COUNT(DISTINCT article_id) FROM mentions GROUP BY entity_id"
        )
        if r[0] in wanted
    }
    aliases: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in store.rows("SELECT entity_id, text, COUNT(*) FROM mentions GROUP BY entity_id, text"):
        if r[0] in wanted:
            aliases[r[0]].append((-r[2], r[1]))
    article_ids: dict[str, list[str]] = defaultdict(list)
    for r in store.rows("SELECT DISTINCT entity_id, article_id FROM mentions ORDER BY entity_id, article_id"):
        ids = article_ids.get(r[0]) if r[0] in wanted else None
        if r[0] in wanted and (ids is None or len(ids) < MAX_ARTICLE_IDS):
            article_ids[r[0]].append(r[1])
    for r in store.rows("SELECT id, label, label_en, type, qid, affiliation FROM entities"):
        eid = r["id"]
        if eid not in counts:
            continue
        out[eid] = {
            "label": r["label"],
            "label_en": r["label_en"],
            "type": r["type"],
            "qid": r["qid"],
            "affiliation": r["affiliation"],
            "mentions": counts[eid][0],
            "articles": counts[eid][1],
            "aliases": [a for _, a in sorted(aliases[eid])[:MAX_ALIASES]],
            "article_ids": article_ids[eid],
        }
    return out


def _edges(store: RowSource, co_mentions: bool) -> dict[tuple[str, str, str], dict[str, Any]]:
    where = "WHERE r.source != r.target" + ("" if co_mentions else " AND r.type != 'co_mentioned'")
    sql = (
        "SELECT r.id, r.type, r.source, r.target, r.polarity, r.modality, r.article_id, a.date, a.title, "
        "a.url, e.text, e.start, e.end, e.trigger_text FROM relations r "
        "JOIN articles a ON a.id = r.article_id LEFT JOIN evidence e ON e.relation_id = r.id "
        f"{where} ORDER BY r.type, r.source, r.target, a.date, r.id"
    )
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    seen_relation: set[int] = set()
    for r in store.rows(sql):
        key = f"{r['type']}|{r['polarity']}"
        ek = (r["source"], r["target"], key)
        data = edges.get(ek)
        if data is None:
            data = edges[ek] = {
                "type": r["type"],
                "polarity": r["polarity"],
                "directed": r["type"] not in SYMMETRIC_RELATIONS,
                "weight": 0,
                "article_set": set(),
                "first_date": None,
                "last_date": None,
                "modality_asserted": 0,
                "modality_planned": 0,
                "modality_reported": 0,
                "evidence": [],
            }
        if r["text"] is not None:
            data["weight"] += 1
            if len(data["evidence"]) < MAX_EVIDENCE:
                data["evidence"].append(
                    {
                        "article_id": r["article_id"],
                        "title": r["title"],
                        "date": iso_date(r["date"]),
                        "url": r["url"],
                        "text": r["text"],
                        "start": r["start"],
                        "end": r["end"],
                        "trigger": r["trigger_text"],
                    }
                )
        if r["id"] not in seen_relation:
            seen_relation.add(r["id"])
            data[f"modality_{r['modality']}"] += 1
            data["article_set"].add(r["article_id"])
            date = iso_date(r["date"])
            if date:
                data["first_date"] = min(filter(None, (data["first_date"], date)))
                data["last_date"] = max(filter(None, (data["last_date"], date)))
    for data in edges.values():
        data["articles"] = len(data.pop("article_set"))
        data["weight"] = max(data["weight"], 1)
        counts = {m: data[f"modality_{m}"] for m in ("asserted", "planned", "reported")}
        data["modality"] = max(counts, key=lambda m: (counts[m], m == "asserted"))
    return edges


def neighbors(g: nx.MultiDiGraph, node: str) -> list[tuple[str, str, str, int]]:
    """(relation type, direction, other node, weight) for every edge touching ``node``."""
    out = []
    for _, other, data in g.out_edges(node, data=True):
        out.append((data["type"], "->" if data["directed"] else "--", other, data["weight"]))
    for other, _, data in g.in_edges(node, data=True):
        out.append((data["type"], "<-" if data["directed"] else "--", other, data["weight"]))
    return sorted(out, key=lambda x: (-x[3], x[0], x[2]))


def find_node(g: nx.MultiDiGraph, name: str) -> str | None:
    """A node by canonical id, Arabic label or alias (normalized), or English label."""
    from arabic_kg.text import normalize

    if name in g:
        return name
    wanted = normalize(name).strip()
    best: tuple[int, str] | None = None
    for node, data in g.nodes(data=True):
        names = [data.get("label") or "", *(data.get("aliases") or [])]
        hit = any(normalize(n) == wanted for n in names) or (data.get("label_en") or "").lower() == wanted
        if hit and (best is None or data.get("mentions", 0) > best[0]):
            best = (data.get("mentions", 0), node)
    return best[1] if best else None
