"""Export stage: GraphML/GEXF/JSON/CSV files and the static shape of graph.html (no browser)."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arabic_kg.export import (
    export_graph,
    filter_graph,
    read_json,
    render_html,
    write_gexf,
    write_graphml,
)
from arabic_kg.export.csv_export import neutralize
from arabic_kg.export.viewer import build_payload, json_for_script
from export_fixtures import (
    BAD_CHARS,
    HOSTILE_LABEL,
    MEET_SENTENCE,
    XSS_IMG,
    XSS_SCRIPT,
    XSS_URL,
    large_graph,
    sample_graph,
)

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return export_graph(sample_graph(), tmp_path_factory.mktemp("export"), co_mentions=True)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------- export_graph


def test_export_graph_writes_every_format(exported: dict[str, Path]) -> None:
    assert set(exported) == {"html", "graphml", "gexf", "json", "nodes_csv", "edges_csv", "evidence_csv"}
    names = {path.name for path in exported.values()}
    assert names == {
        "graph.html",
        "graph.graphml",
        "graph.gexf",
        "graph.json",
        "nodes.csv",
        "edges.csv",
        "evidence.csv",
    }
    assert all(path.stat().st_size > 0 for path in exported.values())


def test_export_graph_subset_and_unknown_format(tmp_path: Path) -> None:
    written = export_graph(sample_graph(), tmp_path / "sub", formats=["json", "GEXF"])
    assert set(written) == {"json", "gexf"}
    with pytest.raises(ValueError, match="unknown export format"):
        export_graph(sample_graph(), tmp_path / "bad", formats=["html", "pdf"])
    assert not (tmp_path / "bad").exists()  # nothing written before the check


def test_export_graph_leaves_out_co_mentions_by_default(tmp_path: Path) -> None:
    G = sample_graph()
    data = json.loads(export_graph(G, tmp_path, formats=["json"])["json"].read_text(encoding="utf-8"))
    assert all(link["type"] != "co_mentioned" for link in data["links"])
    # Idlib only had a co-mention: it goes with it; the input graph is untouched.
    assert "loc:idlib" not in {node["id"] for node in data["nodes"]}
    assert G.number_of_edges() == 8 and "loc:idlib" in G


def test_every_format_handles_an_empty_and_a_sparse_graph(tmp_path: Path) -> None:
    export_graph(nx.MultiDiGraph(), tmp_path / "empty")
    # Only the bare minimum of attributes, odd values: exporters must not crash.
    G = nx.MultiDiGraph()
    G.add_node("a")
    G.add_node(7, label=None, type="ALIEN", mentions="3", aliases=None)
    G.add_edge("a", 7, key="x", type=None, weight=float("nan"), evidence="not a list", first_date="yesterday")
    written = export_graph(G, tmp_path / "sparse")
    for name in ("graphml", "gexf"):
        ET.parse(written[name])
    assert nx.read_graphml(written["graphml"]).number_of_edges() == 1
    json.loads(written["json"].read_text(encoding="utf-8"))


# ---------------------------------------------------------------- GraphML


def test_graphml_unique_edge_ids_and_gephi_keys(exported: dict[str, Path]) -> None:
    root = ET.parse(exported["graphml"]).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{GRAPHML_NS}key")}
    for name in (
        "label",
        "label_en",
        "type",
        "mentions",
        "articles",
        "aliases",
        "size",
        "color",
        "r",
        "g",
        "b",
    ):
        assert ("node", name) in keys
    assert keys[("node", "r")] == "int" and keys[("node", "size")] == "double"
    for name in ("label", "weight", "type", "polarity", "modality", "directed", "evidence", "first_date"):
        assert ("edge", name) in keys
    assert keys[("edge", "weight")] == "double"
    key_ids = [k.get("id") for k in root.iter(f"{GRAPHML_NS}key")]
    assert len(key_ids) == len(set(key_ids))

    edges = list(root.iter(f"{GRAPHML_NS}edge"))
    ids = [e.get("id") for e in edges]
    assert len(edges) == 8
    assert len(set(ids)) == len(ids) == 8
    assert ids == [f"e{i}" for i in range(8)]
    # The default file is readable by networkx, so no edge overrides edgedefault.
    assert all(e.get("directed") is None for e in edges)


def test_graphml_reads_back_with_networkx(exported: dict[str, Path]) -> None:
    G = sample_graph()
    H = nx.read_graphml(exported["graphml"])
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    russia = H.nodes["state:rus"]
    assert russia["label"] == "روسيا" and russia["label_en"] == "Russia" and russia["type"] == "STATE"
    assert (russia["r"], russia["g"], russia["b"]) == (0xE1, 0x57, 0x59) and russia["color"] == "#e15759"
    assert russia["aliases"] == "روسيا الاتحادية" and russia["mentions"] == 40 and russia["size"] > 10
    edges = {d["label"]: d for _, _, d in H.edges(data=True)}
    assert edges["strikes"]["weight"] == 3.0 and edges["strikes"]["directed"] is True
    assert edges["meets_with"]["directed"] is False and edges["meets_with"]["evidence"] == MEET_SENTENCE
    assert edges["supports"]["dashed"] is True and edges["trains"]["polarity"] == "negated"
    assert "last_date" not in edges["trains"]  # None is omitted, never written as "None"


def test_graphml_reads_back_with_igraph(exported: dict[str, Path]) -> None:
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(exported["graphml"]))
    assert (g.vcount(), g.ecount()) == (7, 8)
    assert g.is_directed()
    assert sorted(g.es["label"]) == sorted(d["type"] for *_, d in sample_graph().edges(data=True))
    assert set(g.vs["label"]) >= {"روسيا", "سوريا", "فلاديمير بوتين"}


def test_graphml_mixed_direction_for_gephi(tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = write_graphml(sample_graph(), tmp_path / "mixed.graphml", mixed_directed=True)
    edges = ET.parse(path).getroot().iter(f"{GRAPHML_NS}edge")
    flags = {e.get("id"): e.get("directed") for e in edges}
    assert set(flags.values()) == {"true", "false"}
    assert igraph.Graph.Read_GraphML(str(path)).ecount() == 8
    with pytest.raises(nx.NetworkXError):  # why this is not the default
        nx.read_graphml(path)


def _hostile_graph(text: str) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(
        name=text, articles={text: {"title": text, "date": None, "url": text, "source": text}}
    )
    G.add_node(
        text or "x", label=text, label_en=text, type="PERSON", aliases=[text, text], article_ids=[text]
    )
    G.add_node("other" + text, label="آخر", type="STATE")
    evidence = [{"article_id": text, "title": text, "date": text, "url": text, "text": text, "trigger": text}]
    G.add_edge(text or "x", "other" + text, key=text, type="supports", polarity="asserted", weight=1,
               evidence=evidence, first_date=text, modality=text)  # fmt: skip
    return G


def test_xml_forbidden_characters_never_break_graphml_or_gexf(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    for name in ("graphml", "gexf"):
        raw = exported[name].read_text(encoding="utf-8")
        ET.fromstring(raw.encode("utf-8"))
        assert not XML_FORBIDDEN.search(raw)
        assert "\u202e" not in raw  # bidi override stripped from displayed text
    H = nx.read_graphml(exported["graphml"])
    assert H.nodes["unk:person:3fa2c1d0"]["label"] == HOSTILE_LABEL
    # Every C0 control, the noncharacters and a lone surrogate, in ids, keys and values.
    nasty = "".join(chr(c) for c in range(32)) + "\ufffe\uffff\ud800<&>\"'"
    G = _hostile_graph(nasty)
    for version in ("1.3", "1.2draft"):
        ET.parse(write_gexf(G, tmp_path / f"n{version}.gexf", version=version))
    H = nx.read_graphml(write_graphml(G, tmp_path / "n.graphml"))
    assert (H.number_of_nodes(), H.number_of_edges()) == (2, 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_any_text_gives_valid_xml(text: str, tmp_path: Path) -> None:
    G = _hostile_graph(text)
    H = nx.read_graphml(write_graphml(G, tmp_path / "h.graphml"))
    assert (H.number_of_nodes(), H.number_of_edges()) == (2, 1)
    ET.parse(write_gexf(G, tmp_path / "h.gexf"))


def test_colliding_ids_after_cleaning_stay_distinct(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    G.add_edge("a\x00", "a", key="k", type="supports")
    H = nx.read_graphml(write_graphml(G, tmp_path / "c.graphml"))
    assert H.number_of_nodes() == 2 and H.number_of_edges() == 1


# ---------------------------------------------------------------- GEXF


def test_gexf_has_viz_colours_sizes_direction_and_timeline(exported: dict[str, Path]) -> None:
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    root = ET.parse(exported["gexf"]).getroot()
    assert root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    nodes = graph.findall("g:nodes/g:node", ns)
    assert len(nodes) == 7
    for node in nodes:
        color = node.find("viz:color", ns)
        assert color is not None and all(color.get(c, "").isdigit() for c in "rgb")
        assert float(node.find("viz:size", ns).get("value")) >= 10
    russia = next(n for n in nodes if n.get("id") == "state:rus")
    assert russia.get("label") == "روسيا"
    edges = {e.get("label"): e for e in graph.findall("g:edges/g:edge", ns)}
    assert len(graph.findall("g:edges/g:edge", ns)) == 8
    assert edges["meets_with"].get("type") == "undirected" and edges["strikes"].get("type") == "directed"
    assert edges["strikes"].get("kind") == "strikes|asserted"
    assert (edges["strikes"].get("start"), edges["strikes"].get("end")) == ("2024-01-10", "2024-02-20")
    assert edges["trains"].get("start") is None  # undated edges are always present
    assert edges["supports"].find("viz:shape", ns).get("value") == "dashed"


@pytest.mark.parametrize("version", ["1.3", "1.2draft"])
def test_gexf_reads_back_with_networkx(tmp_path: Path, version: str) -> None:
    path = write_gexf(sample_graph(), tmp_path / "g.gexf", version=version, mixed_directed=False)
    H = nx.read_gexf(path, version=version)
    assert (H.number_of_nodes(), H.number_of_edges()) == (7, 8)
    assert H.nodes["state:rus"]["label"] == "روسيا"


# ---------------------------------------------------------------- JSON


def test_json_round_trip(exported: dict[str, Path]) -> None:
    G = sample_graph()
    text = exported["json"].read_text(encoding="utf-8")
    assert "روسيا" in text  # ensure_ascii=False: readable Arabic
    data = json.loads(text)
    assert data["directed"] is True and data["multigraph"] is True
    assert data["graph"]["name"] == "arabic-kg" and set(data["graph"]["articles"]) == {"a1", "a2", "a3", "a4"}
    assert [link["id"] for link in data["links"]] == [f"e{i}" for i in range(8)]
    H = read_json(exported["json"])
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    original = {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    loaded = {
        (u, v, k): {a: b for a, b in d.items() if a != "id"} for u, v, k, d in H.edges(keys=True, data=True)
    }
    assert loaded == original  # evidence included, hostile strings kept verbatim
    assert H.graph == G.graph


# ---------------------------------------------------------------- CSV


def test_csv_files_have_bom_and_expected_rows(exported: dict[str, Path]) -> None:
    for name in ("nodes_csv", "edges_csv", "evidence_csv"):
        assert exported[name].read_bytes().startswith(b"\xef\xbb\xbf")
    nodes = _read_csv(exported["nodes_csv"])
    edges = _read_csv(exported["edges_csv"])
    evidence = _read_csv(exported["evidence_csv"])
    assert len(nodes) == 7 and len(edges) == 8 and len(evidence) == 5
    russia = next(row for row in nodes if row["id"] == "state:rus")
    assert russia["label"] == "روسيا" and russia["aliases"] == "روسيا الاتحادية" and russia["degree"] == "5"
    strike = next(row for row in edges if row["type"] == "strikes")
    assert (strike["id"], strike["source_label"], strike["weight"]) == ("e0", "روسيا", "3.0")
    first = next(row for row in evidence if row["edge_id"] == "e0")
    assert first["trigger"] == "قصفت" and first["title"] == "روسيا تقصف مواقع في إدلب"


def test_csv_neutralises_formulas(exported: dict[str, Path]) -> None:
    evidence = _read_csv(exported["evidence_csv"])
    texts = {row["text"] for row in evidence}
    assert '\'=HYPERLINK("http://evil")' in texts and "'-2+3" in texts
    assert "'+SUM(1)" in {row["title"] for row in evidence}
    for path in (exported["nodes_csv"], exported["edges_csv"], exported["evidence_csv"]):
        for row in _read_csv(path):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
                assert "\x00" not in value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1", "'  =1"),
        ("\x00=1", "'=1"),
        ("بوتين", "بوتين"),
        ("a=b", "a=b"),
        (-3, -3),
        (2.5, 2.5),
        (None, ""),
        (True, "true"),
    ],
)
def test_neutralize(value: object, expected: object) -> None:
    assert neutralize(value) == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("=+-@ \t\r\n\u00a0\x00\x1f\u202ea"), max_size=8))
def test_neutralize_cleans_line_by_line(text: str) -> None:
    from arabic_kg.export._common import clean_text

    # The rule as first written: clean each line (CRLF first made LF), then look for a formula.
    cleaned = "\n".join(clean_text(part) for part in text.replace("\r\n", "\n").split("\n"))
    formula = cleaned.startswith(("=", "+", "-", "@", "\t", "\r"))
    formula = formula or cleaned.lstrip(" \u00a0").startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neutralize(text) == ("'" + cleaned if formula else cleaned)


# ---------------------------------------------------------------- filter_graph


def _edge_types(G: nx.MultiDiGraph) -> list[str]:
    return sorted(d["type"] for *_, d in G.edges(data=True))


def test_filter_graph_defaults_drop_co_mentions_and_isolated_nodes() -> None:
    G = sample_graph()
    G.add_node("person:loner", label="وحيد", type="PERSON")
    H = filter_graph(G)
    assert "co_mentioned" not in _edge_types(H)
    assert "loc:idlib" not in H and "person:loner" not in H
    assert H.number_of_edges() == 7 and H.graph["articles"] == G.graph["articles"]
    assert G.number_of_edges() == 8 and "person:loner" in G  # input untouched
    assert "co_mentioned" in _edge_types(filter_graph(G, co_mentions=True))


def test_filter_graph_weight_types_and_entity_types() -> None:
    G = sample_graph()
    assert _edge_types(filter_graph(G, min_weight=3)) == ["located_in", "strikes", "supports"]
    H = filter_graph(G, types=["strikes", "meets_with"])
    assert _edge_types(H) == ["meets_with", "strikes"]
    assert set(H) == {"state:rus", "org:hts", "person:vladimir_putin", "state:syr"}
    H = filter_graph(G, entity_types=["STATE", "ORGANIZATION"])
    assert _edge_types(H) == ["fights", "strikes", "supports", "trains"]
    assert all(d["type"] in ("STATE", "ORGANIZATION") for _, d in H.nodes(data=True))
    assert filter_graph(G, types=[]).number_of_nodes() == 0


def test_filter_graph_dates() -> None:
    G = sample_graph()
    # strikes ends 2024-02-20 and fights is 2024-02-01: both before the window.
    assert _edge_types(filter_graph(G, since="2024-03-01")) == [
        "coordinates_with", "located_in", "meets_with", "supports", "trains",
    ]  # fmt: skip
    assert "trains" not in _edge_types(filter_graph(G, since="2024-03-01", keep_undated=False))
    from datetime import date

    assert _edge_types(filter_graph(G, until=date(2023, 12, 31))) == ["located_in", "trains"]
    assert _edge_types(filter_graph(G, since="2024-02-01", until="2024-02-01")) == [
        "fights", "located_in", "strikes", "trains",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        filter_graph(G, since="last week")
    with pytest.raises(ValueError):
        filter_graph(G, since="2024-05-01", until="2024-01-01")


# ---------------------------------------------------------------- graph.html (static checks)


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def test_html_is_self_contained_and_csp_locked(exported: dict[str, Path]) -> None:
    page = exported["html"].read_text(encoding="utf-8")
    assert "made with arabic-kg" in page and '<html lang="ar" dir="rtl">' in page
    # No external resource of any kind: no src/href attributes, no CSS url(), no @import.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, flags=re.I)
    assert "url(" not in page.split("<script")[0] and "@import" not in page
    assert "sourceMappingURL" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    scripts = _scripts(page)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="kg-data"', "", ""]
    for _, code in scripts[1:]:  # both executable scripts are allowed by their exact hash
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in csp
    assert "vis-network" in scripts[1][1][:300]  # pyvis's bundled vis-network, inlined
    assert "innerHTML" not in scripts[2][1]


def test_html_data_block_is_escaped_json(exported: dict[str, Path]) -> None:
    page = exported["html"].read_text(encoding="utf-8")
    block = _scripts(page)[0][1]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 8
    hostile = data["node_info"]["unk:person:3fa2c1d0"]
    assert hostile["label"] == HOSTILE_LABEL  # kept as text, control/bidi characters removed
    assert hostile["label_en"] == XSS_SCRIPT
    assert json_for_script("</script>\u2028&") == '"\\u003c/script\\u003e\\u2028\\u0026"'


def test_html_payload_styles_edges_and_nodes() -> None:
    payload = build_payload(sample_graph())
    nodes = {n["id"]: n for n in payload["nodes"]}
    edges = {payload["edge_info"][e["id"]]["type"]: e for e in payload["edges"]}
    assert nodes["state:rus"]["label"] == "\u2067روسيا\u2069"
    assert nodes["state:rus"]["size"] > nodes["base:hmeimim"]["size"]  # size by mentions
    assert nodes["state:rus"]["color"]["background"] != nodes["person:vladimir_putin"]["color"]["background"]
    assert "<" not in nodes["state:rus"]["title"] and "روسيا" in nodes["state:rus"]["title"]
    assert edges["strikes"]["arrows"]["to"]["enabled"] is True
    assert edges["meets_with"]["arrows"]["to"]["enabled"] is False
    assert edges["strikes"]["dashes"] is False
    assert edges["trains"]["dashes"] and edges["supports"]["dashes"]  # negated / planned
    assert edges["strikes"]["color"]["color"] != edges["supports"]["color"]["color"]
    assert "يضرب" in edges["strikes"]["label"]
    # Parallel relations between Russia and HTS are curved apart; the first stays straight.
    assert "smooth" not in edges["strikes"] and edges["fights"]["smooth"]["type"].startswith("curved")
    evidence = payload["edge_info"][edges["coordinates_with"]["id"]]["evidence"]
    assert evidence[0]["href"] is None and evidence[0]["url"] == XSS_URL
    assert XSS_IMG in evidence[0]["text"] and not any(c in evidence[0]["text"] for c in BAD_CHARS)
    options = payload["options"]
    assert options["layout"]["improvedLayout"] is False
    assert options["physics"]["solver"] in ("barnesHut", "forceAtlas2Based")
    assert 0 < options["physics"]["stabilization"]["iterations"] <= 1000
    assert payload["stats"] == {"min_date": "2023-11-01", "max_date": "2024-06-01", "max_weight": 5}


def test_html_for_large_graph_is_fast_to_build() -> None:
    import time

    G = large_graph(2000, 10000)
    started = time.perf_counter()
    page = render_html(G)
    assert time.perf_counter() - started < 20
    assert page.count('"id":"e9999"') == 1
    payload_options = build_payload(large_graph(1200, 3500))["options"]
    assert payload_options["interaction"]["hideEdgesOnDrag"] is True
    assert payload_options["physics"]["stabilization"]["iterations"] <= 200


# ---------------------------------------------------------------- edge ids


def _json_pairs(path: Path) -> list[list[tuple[str, object]]]:
    """Every JSON object of the file as its list of (key, value) pairs: duplicates stay visible."""
    objects: list[list[tuple[str, object]]] = []

    def hook(pairs: list[tuple[str, object]]) -> dict[str, object]:
        objects.append(pairs)
        return dict(pairs)

    json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=hook)
    return objects


def test_edge_id_attribute_names_the_edge_in_every_format(tmp_path: Path) -> None:
    G = sample_graph()
    expected = [f"e{100 + 7 * index}" for index in range(G.number_of_edges())]
    for edge_id, (*_, data) in zip(expected, G.edges(keys=True, data=True), strict=True):
        data["id"] = edge_id
    written = export_graph(G, tmp_path, co_mentions=True)

    root = ET.parse(written["graphml"]).getroot()
    assert [e.get("id") for e in root.iter(f"{GRAPHML_NS}edge")] == expected
    assert "id" not in {k.get("attr.name") for k in root.iter(f"{GRAPHML_NS}key")}  # no duplicate as data
    # networkx reads a GraphML edge id as the multigraph key.
    assert sorted(k for _, _, k in nx.read_graphml(written["graphml"]).edges(keys=True)) == sorted(expected)
    ns = {"g": "http://gexf.net/1.3"}
    gexf_edges = ET.parse(written["gexf"]).getroot().findall("g:graph/g:edges/g:edge", ns)
    assert [e.get("id") for e in gexf_edges] == expected
    assert all(v.get("for") != "id" for e in gexf_edges for v in e.iter("{http://gexf.net/1.3}attvalue"))
    links = [pairs for pairs in _json_pairs(written["json"]) if {"source", "target"} <= dict(pairs).keys()]
    assert [dict(pairs)["id"] for pairs in links] == expected
    assert all([k for k, _ in pairs].count("id") == 1 for pairs in links)  # one "id" per link
    assert [row["id"] for row in _read_csv(written["edges_csv"])] == expected
    assert {row["edge_id"] for row in _read_csv(written["evidence_csv"])} <= set(expected)
    payload = json.loads(_scripts(written["html"].read_text(encoding="utf-8"))[0][1])
    assert [e["id"] for e in payload["edges"]] == expected and list(payload["edge_info"]) == expected


def test_edge_ids_fall_back_to_positions_and_stay_unique() -> None:
    from arabic_kg.export._common import edge_ids

    def edges(*ids: object) -> list[tuple[str, str, str, dict[str, object]]]:
        return [("a", "b", str(i), {} if v is None else {"id": v}) for i, v in enumerate(ids)]

    assert edge_ids(edges(None, None, None)) == ["e0", "e1", "e2"]
    assert edge_ids(edges("e7", None, "e7", 5)) == ["e7", "e1", "e7~2", "e3"]  # non-string ids ignored
    # A positional id that an explicit one holds (even later) is suffixed; ids that are not
    # plain tokens (controls, blanks, a leading formula character) are not used.
    assert edge_ids(edges(None, "e0", "\u202ee9\x00", "", "=1", "a b", "ok:7")) == [
        "e0~2", "e0", "e2", "e3", "e4", "e5", "ok:7",
    ]  # fmt: skip


# ---------------------------------------------------------------- fragment cache

OUTPUT_FILES = (
    "graph.html",
    "graph.graphml",
    "graph.gexf",
    "graph.json",
    "nodes.csv",
    "edges.csv",
    "evidence.csv",
)


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def _changed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy where something every kind of fragment depends on has changed."""
    H = G.copy()
    H.graph["articles"] = {k: dict(v) for k, v in G.graph["articles"].items()}
    H.graph["articles"]["a5"] = {"title": "جديد", "date": "2024-07-01", "url": None, "source": None}
    H.graph["articles"]["a1"]["title"] = "عنوان معدل"
    H.nodes["state:rus"]["label"] = "روسيا الاتحادية"  # edge tooltips and CSV labels name it
    H.nodes["state:syr"]["mentions"] = 99
    strikes = H.edges["state:rus", "org:hts", "strikes|asserted"]
    strikes["weight"] = 9
    strikes["evidence"] = [*strikes["evidence"], {"article_id": "a5", "text": "جملة جديدة", "trigger": None}]
    # A third parallel edge re-curves the others; degrees change; "a" collides with "a\x00" once
    # cleaned, so unique ids shift; Putin's affiliation now names a node whose viewer id changes.
    H.add_edge("org:hts", "state:rus", key="supports|asserted", type="supports", weight=2, evidence=[])
    H.add_node("a\x00", label="أ", type="PERSON", affiliation="a")
    H.add_node("a", label="ب", type="PERSON")
    H.add_edge("a\x00", "a", key="k", type="meets_with", first_date="2024-08-01")
    H.nodes["person:vladimir_putin"]["affiliation"] = "a"
    H.remove_edge("base:hmeimim", "state:syr", "located_in|asserted")
    return H


def test_cache_never_changes_the_bytes_written(tmp_path: Path) -> None:
    G, H = sample_graph(), _changed(sample_graph())
    warm, cold, plain = tmp_path / "warm", tmp_path / "cold", tmp_path / "plain"
    export_graph(G, warm, co_mentions=True)
    assert sorted(p.name for p in (warm / ".arabic-kg-cache").iterdir()) == [
        "csv.cache", "gexf.cache", "graphml.cache", "html.cache", "json.cache",
    ]  # fmt: skip
    export_graph(H, warm, co_mentions=True)  # stale cache: most fragments reused, some not
    export_graph(H, cold, co_mentions=True)  # empty cache
    export_graph(H, plain, co_mentions=True, cache=False)
    assert not (plain / ".arabic-kg-cache").exists()
    expected = _outputs(plain)
    assert _outputs(warm) == expected and _outputs(cold) == expected
    export_graph(H, warm, co_mentions=True)  # every fragment from the cache
    assert _outputs(warm) == expected
    export_graph(G, warm, co_mentions=True)  # and back
    export_graph(G, plain, co_mentions=True, cache=False)
    assert _outputs(warm) == _outputs(plain)
    # The changes did reach the files.
    new_edges = _read_csv(cold / "edges.csv")
    assert {"روسيا الاتحادية"} <= {row["source_label"] for row in new_edges}
    assert next(r for r in _read_csv(cold / "nodes.csv") if r["id"] == "state:rus")["degree"] == "6"


def test_cache_matches_a_cold_export_through_random_changes(tmp_path: Path) -> None:
    import random

    rng = random.Random(11)
    G = large_graph(60, 150, seed=5)
    for step in range(6):
        H = G.copy()
        edges = list(H.edges(keys=True))
        for u, v, k in rng.sample(edges, 5):
            if rng.random() < 0.3:
                H.remove_edge(u, v, k)
            else:
                H.edges[u, v, k].update(weight=rng.randint(1, 9), first_date=rng.choice([None, "2024-05-05"]))
        for node in rng.sample(list(H.nodes), 3):
            H.nodes[node].update(mentions=rng.randint(0, 99), label=rng.choice(["س", "ص", "=x", "<b>"]))
        H.add_edge(f"x:{rng.randint(0, 59)}", f"new:{step}", key="trains|asserted", type="trains", weight=1)
        export_graph(H, tmp_path / "warm")
        export_graph(H, tmp_path / f"cold{step}", cache=False)
        assert _outputs(tmp_path / "warm") == _outputs(tmp_path / f"cold{step}"), step
        G = H


def test_a_bad_cache_is_ignored_and_replaced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    G = sample_graph()
    expected = _outputs(Path(export_graph(G, tmp_path / "ref", cache=False)["html"]).parent)
    out = tmp_path / "out"
    export_graph(G, out)
    cache_dir = out / ".arabic-kg-cache"
    good = (cache_dir / "json.cache").read_bytes()
    assert good.startswith(b"AKGFRAG1")  # our own format: nothing in it is ever unpickled or run
    damaged = {
        "json.cache": good[: len(good) // 2],  # truncated
        "graphml.cache": b"\x80\x04garbage" * 50,  # not ours
        "gexf.cache": b"",  # empty
        "csv.cache": good[:100] + bytes([good[100] ^ 0xFF]) + good[101:],  # index bit flip
        "html.cache": (cache_dir / "html.cache").read_bytes()[:-3] + b"xyz",  # same size, other bytes
    }
    for name, data in damaged.items():
        (cache_dir / name).write_bytes(data)
    with caplog.at_level(logging.DEBUG, logger="arabic_kg.export._cache"):
        export_graph(G, out)
    assert "ignoring export cache" in caplog.text
    assert _outputs(out) == expected
    assert (cache_dir / "json.cache").read_bytes() == good  # rebuilt
    (cache_dir / "gexf.cache").unlink()
    (cache_dir / "graphml.cache").unlink()
    (cache_dir / "graphml.cache").mkdir()  # unreadable: a folder (and it cannot be replaced)
    export_graph(G, out)
    assert _outputs(out) == expected


def test_cache_holds_only_the_latest_export(tmp_path: Path) -> None:
    export_graph(large_graph(300, 900), tmp_path)
    cache_dir = tmp_path / ".arabic-kg-cache"
    big = {p.name: p.stat().st_size for p in cache_dir.iterdir()}
    export_graph(sample_graph(), tmp_path)
    small = {p.name: p.stat().st_size for p in cache_dir.iterdir()}
    assert set(small) == set(big) and all(small[name] < big[name] / 10 for name in big)
    assert not [p for p in cache_dir.iterdir() if p.name.endswith(".tmp")]


def test_writers_take_a_cache_folder(tmp_path: Path) -> None:
    G = sample_graph()
    write_graphml(G, tmp_path / "a.graphml", cache_dir=tmp_path / "c")
    write_graphml(G, tmp_path / "b.graphml", cache_dir=tmp_path / "c")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    # Options enter the cache key: a mixed-direction file never reuses plain fragments.
    write_graphml(G, tmp_path / "m.graphml", cache_dir=tmp_path / "c", mixed_directed=True)
    assert (tmp_path / "m.graphml").read_bytes() == write_graphml(
        G, tmp_path / "n.graphml", mixed_directed=True
    ).read_bytes()
    assert b'directed="false"' in (tmp_path / "m.graphml").read_bytes()
