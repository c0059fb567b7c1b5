"""Graphs for the export tests (shared by test_export.py and test_export_browser.py).

Built by hand to the graph stage's contract so the export stage is tested on its own.
"""

from __future__ import annotations

import random

import networkx as nx

# Every payload sets window.__pwned if it ever runs; the browser test asserts it never does.
XSS_SCRIPT = "<script>window.__pwned = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__pwned='img'\">"
XSS_SVG = '"><svg onload="window.__pwned=\'svg\'">'
XSS_URL = "javascript:window.__pwned='url'"
XSS_URL_TRICKY = " JaVaScRiPt:window.__pwned='url2'"
# Characters XML 1.0 forbids, plus a bidi override: must never break GraphML/GEXF or the page.
BAD_CHARS = "\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\u202e"

SYMMETRIC = {"coordinates_with", "meets_with", "fights", "co_mentioned"}

ARTICLES = {
    "a1": {
        "title": "روسيا تقصف مواقع في إدلب",
        "date": "2024-01-10",
        "url": "https://example.com/news/a1",
        "source": "مصدر أ",
    },
    "a2": {
        "title": "لقاء بوتين والأسد",
        "date": "2024-03-05",
        "url": "https://example.com/news/a2",
        "source": None,
    },
    "a3": {"title": None, "date": None, "url": None, "source": None},
    "a4": {
        "title": XSS_SCRIPT + " عنوان خبيث",
        "date": "2024-06-01",
        "url": XSS_URL,
        "source": XSS_IMG,
    },
}


def _node(
    G: nx.MultiDiGraph, node_id: str, label: str, label_en: str | None, kind: str, **extra: object
) -> None:
    data: dict[str, object] = {
        "label": label,
        "label_en": label_en,
        "type": kind,
        "mentions": 1,
        "articles": 1,
        "aliases": [],
        "article_ids": ["a1"],
        "qid": None,
        "affiliation": None,
    }
    data.update(extra)
    G.add_node(node_id, **data)


def _edge(
    G: nx.MultiDiGraph,
    source: str,
    target: str,
    rel: str,
    *,
    polarity: str = "asserted",
    weight: int = 1,
    first: str | None = "2024-01-10",
    last: str | None = None,
    asserted: int | None = None,
    planned: int = 0,
    reported: int = 0,
    evidence: list[dict[str, object]] | None = None,
) -> None:
    directed = rel not in SYMMETRIC
    if not directed and target < source:
        source, target = target, source
    asserted = weight - planned - reported if asserted is None else asserted
    counts = {"asserted": asserted, "planned": planned, "reported": reported}
    G.add_edge(
        source,
        target,
        key=f"{rel}|{polarity}",
        type=rel,
        polarity=polarity,
        directed=directed,
        weight=weight,
        articles=weight,
        first_date=first,
        last_date=last or first,
        modality_asserted=asserted,
        modality_planned=planned,
        modality_reported=reported,
        modality=max(counts, key=lambda k: counts[k]),
        evidence=evidence or [],
    )


def _ev(article: str, text: str, trigger: str | None, **over: object) -> dict[str, object]:
    meta = ARTICLES[article]
    item: dict[str, object] = {
        "article_id": article,
        "title": meta["title"],
        "date": meta["date"],
        "url": meta["url"],
        "text": text,
        "start": 0,
        "end": len(text),
        "trigger": trigger,
    }
    item.update(over)
    return item


STRIKE_SENTENCE = "وقصفت الطائرات الروسية مواقع هيئة تحرير الشام في ريف إدلب الجنوبي."
MEET_SENTENCE = "التقى الرئيس الروسي فلاديمير بوتين نظيره السوري في موسكو."
HOSTILE_SENTENCE = XSS_SVG + " جملة " + XSS_IMG + " " + XSS_SCRIPT
HOSTILE_LABEL = XSS_IMG + " قائد " + XSS_SVG


def sample_graph() -> nx.MultiDiGraph:
    """7 nodes of every type, 8 edges: directed/undirected, negated, planned, parallel, hostile."""
    G = nx.MultiDiGraph(name="arabic-kg", articles={k: dict(v) for k, v in ARTICLES.items()})
    _node(G, "state:rus", "روسيا", "Russia", "STATE", mentions=40, articles=3, qid="Q159",
          aliases=["روسيا الاتحادية"], article_ids=["a1", "a2", "a4"])  # fmt: skip
    _node(G, "state:syr", "سوريا", "Syria", "STATE", mentions=25, articles=2, aliases=["سورية"], qid="Q858")
    _node(G, "person:vladimir_putin", "فلاديمير بوتين", "Vladimir Putin", "PERSON", mentions=12,
          aliases=["بوتين", "بُوتِين"], affiliation="state:rus", article_ids=["a2"])  # fmt: skip
    _node(G, "org:hts", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", "ORGANIZATION", mentions=9,
          aliases=["تحرير الشام"])  # fmt: skip
    _node(G, "base:hmeimim", "قاعدة حميميم الجوية", "Hmeimim Air Base", "BASE", mentions=4)
    _node(G, "loc:idlib", "إدلب", "Idlib", "LOCATION", mentions=6)
    _node(G, "unk:person:3fa2c1d0", HOSTILE_LABEL + BAD_CHARS, XSS_SCRIPT, "PERSON", mentions=2,
          aliases=[XSS_SVG, "=cmd|' /C calc'!A0"], article_ids=["a4", "a3", "missing"])  # fmt: skip

    _edge(G, "state:rus", "org:hts", "strikes", weight=3, first="2024-01-10", last="2024-02-20",
          evidence=[_ev("a1", STRIKE_SENTENCE, "قصفت")])  # fmt: skip
    # A second relation between the same pair: must stay a separate (curved) edge.
    _edge(G, "state:rus", "org:hts", "fights", weight=1, first="2024-02-01")
    _edge(G, "person:vladimir_putin", "state:syr", "meets_with", weight=2, first="2024-03-05",
          evidence=[_ev("a2", MEET_SENTENCE, "التقى")])  # fmt: skip
    _edge(G, "state:rus", "state:syr", "supports", weight=4, planned=3, first="2024-03-05", last="2024-05-01")
    _edge(G, "state:rus", "org:hts", "trains", polarity="negated", weight=1, first=None)
    _edge(G, "base:hmeimim", "state:syr", "located_in", weight=5, first="2023-11-01", last="2024-04-01")
    _edge(G, "loc:idlib", "org:hts", "co_mentioned", weight=2, first="2024-01-10")
    _edge(G, "unk:person:3fa2c1d0", "state:rus", "coordinates_with", weight=1, first="2024-06-01",
          evidence=[_ev("a4", HOSTILE_SENTENCE + BAD_CHARS, XSS_IMG),
                    _ev("a4", "=HYPERLINK(\"http://evil\")", None, url=XSS_URL_TRICKY, title="+SUM(1)"),
                    _ev("a4", "-2+3", "\x00", url="data:text/html,<script>window.__pwned=1</script>",
                        title=XSS_SVG)])  # fmt: skip
    return G


def large_graph(n_nodes: int = 2000, n_edges: int = 10000, seed: int = 3) -> nx.MultiDiGraph:
    """A random graph of the size the viewer must stay usable at."""
    rng = random.Random(seed)
    kinds = ["PERSON", "STATE", "ORGANIZATION", "BASE", "LOCATION"]
    rels = ["coordinates_with", "strikes", "trains", "fights", "meets_with", "supports", "affiliated_with"]
    G = nx.MultiDiGraph(name="large", articles={"a1": dict(ARTICLES["a1"])})
    ids = [f"x:{i}" for i in range(n_nodes)]
    for i, node_id in enumerate(ids):
        _node(G, node_id, f"كيان رقم {i}", f"Entity {i}", kinds[i % 5], mentions=rng.randint(1, 80))
    # A preferential pick gives hubs, like real news graphs.
    added = 0  # G.number_of_edges() walks the whole graph: too slow to call in the loop
    while added < n_edges:
        a = ids[min(int(rng.paretovariate(0.7)) - 1, n_nodes - 1)] if rng.random() < 0.3 else rng.choice(ids)
        b = rng.choice(ids)
        rel = rng.choice(rels)
        if a == b or G.has_edge(a, b, key=f"{rel}|asserted") or G.has_edge(b, a, key=f"{rel}|asserted"):
            continue
        month = rng.randint(1, 12)
        _edge(G, a, b, rel, weight=rng.randint(1, 6), first=f"2024-{month:02d}-01",
              evidence=[_ev("a1", STRIKE_SENTENCE, "قصفت")])  # fmt: skip
        added += 1
    return G
