"""Export speed, cold (empty cache) and warm (the previous build's cache, a few elements changed).

    python benchmarks/export_speed.py GRAPH.pkl          # a pickled networkx graph
    python benchmarks/export_speed.py --db OUT/kg.sqlite # build it from a store (no co-mentions)

The warm export is what an incremental `arabic-kg build` does after adding one article: the same
graph but one edge with a new weight and evidence sentence, one node with a new mention count
and one new edge. Prints the best of `--repeat` runs, in seconds, per format and for all formats
in one `export_graph` call (which shares the per-element work between formats). The pickle is
only ever one you made yourself: loading a pickle runs code.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from arabic_kg.export import FORMATS, export_graph


def load(args: argparse.Namespace) -> nx.MultiDiGraph:
    if args.db:
        from arabic_kg.graph import build_graph
        from arabic_kg.store import Store

        with Store(args.db, create=False) as store:
            return build_graph(store, co_mentions=False)
    with open(args.graph, "rb") as handle:
        return pickle.load(handle)  # noqa: S301 - the user's own file


def with_edge_ids(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give edges the stable `id` attribute the graph stage provides (older pickles lack it):
    without it edge ids are positional, and one inserted edge renames every later one."""
    for index, (*_, data) in enumerate(G.edges(keys=True, data=True)):
        data.setdefault("id", f"e{index}")
    return G


def changed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with one edge reweighted (and one more evidence sentence), one node's mentions up,
    and one new edge between two nodes that had none of that type."""
    H = copy.deepcopy(G)
    source, target, key, data = next(iter(H.edges(keys=True, data=True)))
    data["weight"] = data.get("weight", 1) + 1
    evidence = list(data.get("evidence") or [])
    evidence[-1:] = [
        {**(evidence[-1] if evidence else {}), "text": "جملة جديدة للاختبار.", "article_id": "new"}
    ]
    data["evidence"] = evidence
    node, node_data = next(iter(H.nodes(data=True)))
    node_data["mentions"] = node_data.get("mentions", 0) + 1
    nodes = list(H.nodes)
    for a, b in zip(nodes, reversed(nodes), strict=True):
        if a != b and not H.has_edge(a, b, key="supports|asserted"):
            evidence = [{"article_id": "new", "title": "عنوان", "date": "2015-08-01", "url": None,
                         "text": "جملة.", "start": 0, "end": 5, "trigger": "يدعم"}]  # fmt: skip
            H.add_edge(a, b, key="supports|asserted", id=f"e{H.number_of_edges()}", type="supports",
                       polarity="asserted", directed=True, weight=1, articles=1, first_date="2015-08-01",
                       last_date="2015-08-01", modality_asserted=1, modality_planned=0,
                       modality_reported=0, modality="asserted", evidence=evidence)  # fmt: skip
            break
    return H


def timed(G: nx.MultiDiGraph, out: Path, formats: list[str]) -> float:
    started = time.perf_counter()
    export_graph(G, out, formats)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("graph", nargs="?", help="a pickled networkx MultiDiGraph")
    parser.add_argument("--db", help="build the graph from this store instead")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.graph and not args.db:
        parser.error("give a graph pickle or --db")
    G = with_edge_ids(load(args))
    H = changed(G)
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{len(G.graph.get('articles') or {})} articles")  # fmt: skip
    print(f"{'format':8} {'cold s':>8} {'warm s':>8}")
    for name, formats in [*((f, [f]) for f in FORMATS), ("all", list(FORMATS))]:
        cold, warm = [], []
        for _ in range(args.repeat):
            out = Path(tempfile.mkdtemp(prefix="kg-export-"))
            try:
                cold.append(timed(G, out, formats))  # empty folder: nothing cached
                warm.append(timed(H, out, formats))  # the previous export's cache
            finally:
                shutil.rmtree(out, ignore_errors=True)
        print(f"{name:8} {min(cold):8.3f} {min(warm):8.3f}")


if __name__ == "__main__":
    main()
