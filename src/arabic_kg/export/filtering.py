"""Cut a knowledge graph down before export (what the CLI's --min-weight/--since/... map to)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import networkx as nx

from ._common import as_number, edge_dates, iso_date


def _bound(value: date | str | None, name: str) -> str | None:
    if value is None:
        return None
    bound = iso_date(value)
    if bound is None:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}")
    return bound


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    min_weight: float = 1,
    types: Iterable[str] | None = None,
    entity_types: Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    co_mentions: bool = False,
    keep_undated: bool = True,
) -> nx.MultiDiGraph:
    """A filtered copy of `G` (the input is never modified).

    Edges are dropped when they are `co_mentioned` (unless `co_mentions`), weigh less than
    `min_weight`, have a relation type not in `types`, join a node whose type is not in
    `entity_types`, or whose [first_date, last_date] range lies wholly before `since` or after
    `until`. Edges with no date at all are kept unless `keep_undated` is False: an unknown date
    is not "outside" the range, and the viewer's date filter treats them the same way.
    Nodes left without any edge are dropped last, so the result never shows orphans.
    """
    since_s = _bound(since, "since")
    until_s = _bound(until, "until")
    if since_s and until_s and since_s > until_s:
        raise ValueError(f"since ({since_s}) is after until ({until_s})")
    wanted_types = None if types is None else set(types)
    wanted_entities = None if entity_types is None else set(entity_types)

    H = nx.MultiDiGraph()
    # Shallow copies: the article table can be large and exporters never mutate it.
    H.graph.update(G.graph)
    for node, data in G.nodes(data=True):
        if wanted_entities is None or data.get("type") in wanted_entities:
            H.add_node(node, **data)

    for source, target, key, data in G.edges(keys=True, data=True):
        if source not in H or target not in H:
            continue
        relation = data.get("type")
        if relation == "co_mentioned" and not co_mentions:
            continue
        if wanted_types is not None and relation not in wanted_types:
            continue
        if as_number(data.get("weight"), 1.0) < min_weight:
            continue
        if since_s or until_s:
            first, last = edge_dates(data)
            if first is None:
                if not keep_undated:
                    continue
            elif (since_s and last is not None and last < since_s) or (until_s and first > until_s):
                continue
        H.add_edge(source, target, key=key, **data)

    H.remove_nodes_from([node for node in list(H.nodes) if H.degree(node) == 0])
    return H
