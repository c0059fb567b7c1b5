"""The aggregated knowledge graph over all stored articles (networkx).

Contract (what the export stage reads):
- ``G.graph``: ``name`` and ``articles`` (article id → title, date, url, source);
- a node per canonical entity: ``label``, ``label_en``, ``type``, ``mentions``, ``articles``,
  ``aliases``, ``article_ids`` (≤ 50), ``qid``, ``affiliation``;
- an edge per (source, target, relation type, polarity), key ``"type|polarity"``: ``id`` (``e<n>``,
  stable for as long as the store holds the edge), ``type``,
  ``polarity``, ``directed``, ``weight`` (evidence count), ``articles``, ``first_date``,
  ``last_date``, ``modality_asserted/planned/reported``, ``modality`` and ``evidence`` (≤ 5).
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

import networkx as nx

from arabic_kg.models import SYMMETRIC_RELATIONS

_ISO_PREFIX = re.compile(r"\d{4}-\d\d-\d\d")


class GraphSource(Protocol):
    """What the graph is read from: the store (its aggregate tables, brought up to date first)."""

    def rows(self, sql: str, params: tuple[Any, ...] = ...) -> Any: ...

    def refresh_stats(self) -> None: ...

    def co_mention_stats(self) -> dict[tuple[str, str, str, str], list[Any]]: ...


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the dates articles carry (``2015-08-01 10:22:05``, ``2015-08-01T…``)."""
    if value and _ISO_PREFIX.match(value):
        return value[:10]
    return None


def build_graph(store: GraphSource, *, co_mentions: bool = True, isolated: bool = False) -> nx.MultiDiGraph:
    """The graph of the store. Nodes are the entities that take part in an edge (all entities
    with ``isolated``); co-mention links only with ``co_mentions``. Counting is done by SQLite, and
    kept up to date incrementally in the store's aggregate tables (co-mention links, many and weak,
    are aggregated on demand)."""
    store.refresh_stats()
    g = nx.MultiDiGraph(name="arabic-kg")
    edges: list[tuple[str, tuple[str, str, str, str], list[Any]]] = [
        (
            f"e{r['id']}",
            (r["type"], r["source"], r["target"], r["polarity"]),
            [
                r["articles"],
                r["first_date"],
                r["last_date"],
                r["n_asserted"],
                r["n_planned"],
                r["n_reported"],
                r["weight"],
                json.loads(r["evidence"]),
            ],
        )
        for r in store.rows("SELECT * FROM edge_stats")
    ]
    if co_mentions:
        co = sorted(store.co_mention_stats().items())
        edges += [(f"c{k}", key, values) for k, (key, values) in enumerate(co)]
    edges.sort(key=lambda e: e[1])
    wanted = None if isolated else {n for _, key, _ in edges for n in key[1:3]}
    nodes = _nodes(store, wanted)
    for eid in sorted(nodes):
        g.add_node(eid, **nodes[eid])
    referenced = {a for data in nodes.values() for a in data["article_ids"]}
    for edge_id, (rtype, source, target, polarity), values in edges:
        if source not in nodes or target not in nodes:
            continue
        articles, first, last, n_asserted, n_planned, n_reported, weight, evidence = values
        counts = {"asserted": n_asserted or 0, "planned": n_planned or 0, "reported": n_reported or 0}
        referenced.update(ev["article_id"] for ev in evidence)
        g.add_edge(
            source,
            target,
            key=f"{rtype}|{polarity}",
            id=edge_id,
            type=rtype,
            polarity=polarity,
            directed=rtype not in SYMMETRIC_RELATIONS,
            weight=max(weight or 0, 1),
            articles=articles,
            first_date=first,
            last_date=last,
            modality_asserted=counts["asserted"],
            modality_planned=counts["planned"],
            modality_reported=counts["reported"],
            modality=max(counts, key=lambda m: (counts[m], m == "asserted")),
            evidence=evidence,
        )
    g.graph["articles"] = {
        r["id"]: {"title": r["title"], "date": iso_date(r["date"]), "url": r["url"], "source": r["source"]}
        for r in store.rows(
            "SELECT id, title, date, url, source FROM articles INDEXED BY articles_meta "
            "WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY id",
            (json.dumps(sorted(referenced)),),
        )
    }
    return g


def _nodes(store: GraphSource, wanted: set[str] | None) -> dict[str, dict[str, Any]]:
    if wanted is not None and not wanted:
        return {}
    out: dict[str, dict[str, Any]] = {}
    sql = (
        "SELECT n.entity_id, n.mentions, n.articles, n.aliases, n.article_ids, e.label, e.label_en, e.type, "
        "e.qid, e.affiliation FROM node_stats n JOIN entities e ON e.id = n.entity_id"
    )
    if wanted is None:
        rows = store.rows(sql)
    else:
        rows = store.rows(
            sql + " WHERE n.entity_id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(wanted)),)
        )
    for r in rows:
        eid = r["entity_id"]
        out[eid] = {
            "label": r["label"],
            "label_en": r["label_en"],
            "type": r["type"],
            "qid": r["qid"],
            "affiliation": r["affiliation"],
            "mentions": r["mentions"],
            "articles": r["articles"],
            "aliases": json.loads(r["aliases"]),
            "article_ids": json.loads(r["article_ids"]),
        }
    return out


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
