"""graph.html in a real browser: Debian's Chromium driven by Playwright, with the network cut off.

Skipped when Chromium or Playwright is missing on a developer machine; a failure in CI (CI set),
which installs them, so the viewer is never silently untested there.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from arabic_kg.export import export_graph
from export_fixtures import (
    HOSTILE_LABEL,
    MEET_SENTENCE,
    XSS_IMG,
    XSS_SCRIPT,
    XSS_SVG,
    large_graph,
    sample_graph,
)

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _load_screenshot_script() -> Any:
    spec = importlib.util.spec_from_file_location("kg_screenshot", SCRIPTS / "screenshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The browser and its flags are the screenshot script's: one place says how Chromium is started.
screenshot_script = _load_screenshot_script()
CHROMIUM = screenshot_script.CHROMIUM
CHROMIUM_ARGS = screenshot_script.CHROMIUM_ARGS


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: apt-get install chromium; pip install playwright)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as pw:
        # Debian's Chromium; Playwright's own browser download is never used.
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viewer")
    return export_graph(sample_graph(), out, formats=["html"], co_mentions=True)["html"]


# Records CSP violations from the very start of the page (before any of its scripts run).
RECORD_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class Viewer:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        """No request left the page, no script error, nothing blocked by the CSP, no payload ran."""
        assert self.blocked == [], f"network requests attempted: {self.blocked}"
        assert [r for r in self.requests if r != self.url] == []
        assert self.errors == []
        assert self.js("() => window.__csp") == []
        assert self.js("() => window.__pwned") is None


@pytest.fixture
def open_viewer(browser: Any) -> Iterator[Any]:
    contexts = []

    def _open(html: Path, width: int = 1280, height: int = 800, timeout_ms: int = 30_000) -> Viewer:
        context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        viewer = Viewer(page=page, url=html.resolve().as_uri())
        page.on("request", lambda request: viewer.requests.append(request.url))
        page.on("pageerror", lambda error: viewer.errors.append(str(error)))
        page.on("console", lambda msg: viewer.errors.append(msg.text) if msg.type == "error" else None)

        def route(r: Any) -> None:
            if r.request.url == viewer.url:
                r.continue_()
            else:
                viewer.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.add_init_script(RECORD_CSP)
        page.goto(viewer.url)
        # A function, not an expression string: the page's CSP forbids eval of strings.
        page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms)
        return viewer

    yield _open
    for context in contexts:
        context.close()


def _details_text(viewer: Viewer) -> str:
    return viewer.page.inner_text("#kg-details")


def _edge_id(viewer: Viewer, relation: str) -> str:
    return viewer.js(
        "rel => window.kgViewer.edges.getIds().find(id => window.kgViewer.edges.get(id) && "
        "JSON.parse(document.getElementById('kg-data').textContent).edge_info[id].type === rel)",
        relation,
    )


def _click_canvas_point(viewer: Viewer, canvas_xy: dict[str, float]) -> None:
    box = viewer.page.locator("#kg-network").bounding_box()
    dom = viewer.js("p => window.kgNetwork.canvasToDOM(p)", canvas_xy)
    viewer.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])


# ---------------------------------------------------------------- tests


def test_viewer_draws_the_graph_offline(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    counts = viewer.js(
        "() => ({nodes: kgViewer.nodes.length, edges: kgViewer.edges.length,"
        " drawn: Object.keys(kgNetwork.getPositions()).length, physics: kgNetwork.physics.options.enabled})"
    )
    assert counts == {"nodes": 7, "edges": 8, "drawn": 7, "physics": False}
    assert viewer.js("() => kgViewer.visibleCounts()") == {
        "nodes": 7,
        "edges": 8,
        "totalNodes": 7,
        "totalEdges": 8,
    }
    assert viewer.page.get_attribute("html", "dir") == "rtl"
    assert "made with arabic-kg" in viewer.page.inner_text("footer")
    legend = viewer.page.inner_text("#kg-controls")
    for word in ("دولة", "شخص", "منظمة", "قاعدة", "مكان", "يضرب", "يلتقي"):
        assert word in legend
    label = viewer.js("() => kgViewer.nodes.get('state:rus').label")
    assert label == "\u2067روسيا\u2069"
    viewer.assert_clean()


def test_clicking_an_edge_shows_its_evidence(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    edge_id = _edge_id(viewer, "meets_with")
    ends = viewer.js(
        "id => { const e = kgViewer.edges.get(id); return kgNetwork.getPositions([e.from, e.to]); }", edge_id
    )
    a, b = ends["person:vladimir_putin"], ends["state:syr"]
    # A real mouse click on the edge; try a few points along it in case a label covers the middle.
    for t in (0.5, 0.42, 0.58, 0.35, 0.65):
        _click_canvas_point(
            viewer, {"x": a["x"] + t * (b["x"] - a["x"]), "y": a["y"] + t * (b["y"] - a["y"])}
        )
        if viewer.js("() => kgNetwork.getSelectedEdges()") == [edge_id]:
            break
    assert viewer.js("() => kgNetwork.getSelectedEdges()") == [edge_id]
    text = _details_text(viewer)
    assert MEET_SENTENCE in text and "لقاء بوتين والأسد" in text and "2024-03-05" in text
    assert viewer.page.inner_text("#kg-details mark") == "التقى"  # trigger highlighted
    link = viewer.page.locator("#kg-details a", has_text="لقاء بوتين والأسد")
    assert link.get_attribute("href") == "https://example.com/news/a2"
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    viewer.assert_clean()


def test_clicking_a_node_shows_its_articles(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    position = viewer.js("() => kgNetwork.getPositions(['state:rus'])['state:rus']")
    _click_canvas_point(viewer, position)
    assert viewer.js("() => kgNetwork.getSelectedNodes()") == ["state:rus"]
    text = _details_text(viewer)
    for expected in ("روسيا", "Russia", "روسيا الاتحادية", "40", "روسيا تقصف مواقع في إدلب", "2024-01-10"):
        assert expected in text
    viewer.assert_clean()


def test_search_normalises_arabic_and_focuses_the_node(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    search = viewer.page.locator("#kg-search")
    cases = [
        ("بُوتِين", "person:vladimir_putin"),  # diacritics in the query
        ("قاعده حميميم", "base:hmeimim"),  # ة typed as ه
        ("ادلب", "loc:idlib"),  # إ typed without hamza
        ("hmeimim", "base:hmeimim"),  # English, lower case
        ("PUTIN", "person:vladimir_putin"),
        ("سـوريـا", "state:syr"),  # tatweel
    ]
    for query, node_id in cases:
        search.fill(query)
        assert viewer.page.locator("#kg-results li").count() >= 1
        search.press("Enter")
        assert viewer.js("() => kgNetwork.getSelectedNodes()") == [node_id], query
        label = viewer.js(
            "id => JSON.parse(document.getElementById('kg-data').textContent).node_info[id].label", node_id
        )
        assert viewer.page.inner_text("#kg-details h2") == label
    # The view was moved onto the last node.
    viewer.page.wait_for_timeout(600)
    view = viewer.js("() => kgNetwork.getViewPosition()")
    node = viewer.js("() => kgNetwork.getPositions(['state:syr'])['state:syr']")
    assert abs(view["x"] - node["x"]) < 5 and abs(view["y"] - node["y"]) < 5
    viewer.assert_clean()


def _visible(viewer: Viewer) -> dict[str, int]:
    counts = viewer.js(
        "() => ({nodes: kgViewer.nodes.get({filter: n => !n.hidden}).length,"
        " edges: kgViewer.edges.get({filter: e => !e.hidden}).length})"
    )
    summary = viewer.js("() => kgViewer.visibleCounts()")
    assert (summary["nodes"], summary["edges"]) == (counts["nodes"], counts["edges"])
    return counts


def _set_input(viewer: Viewer, selector: str, value: str, event: str) -> None:
    viewer.js(
        "([sel, value, event]) => { const el = document.querySelector(sel); el.value = value;"
        " el.dispatchEvent(new Event(event, {bubbles: true})); }",
        [selector, value, event],
    )
    viewer.page.wait_for_timeout(50)  # filters are applied on the next animation frame


def test_filters_hide_edges_and_nodes_live(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    page = viewer.page
    assert _visible(viewer) == {"nodes": 7, "edges": 8}

    page.locator('#kg-relation-filters input[data-type="co_mentioned"]').uncheck()
    page.wait_for_timeout(50)
    assert _visible(viewer) == {"nodes": 6, "edges": 7}  # Idlib had only the co-mention

    _set_input(viewer, "#kg-weight", "4", "input")
    assert page.inner_text("#kg-weight-value") == "4"
    assert _visible(viewer) == {"nodes": 3, "edges": 2}  # supports (4), located_in (5)

    page.click("#kg-reset")
    assert _visible(viewer) == {"nodes": 7, "edges": 8}

    page.locator('#kg-entity-filters input[data-type="PERSON"]').uncheck()
    page.wait_for_timeout(50)
    assert _visible(viewer) == {"nodes": 5, "edges": 6}
    assert viewer.js("() => kgViewer.nodes.get('person:vladimir_putin').hidden") is True
    page.click("#kg-reset")

    _set_input(viewer, "#kg-from", "2024-03-01", "change")
    # meets (03-05), supports (to 05-01), located_in (to 04-01), coordinates (06-01), undated trains.
    assert _visible(viewer)["edges"] == 5
    _set_input(viewer, "#kg-to", "2024-03-31", "change")
    assert _visible(viewer)["edges"] == 4
    page.click("#kg-reset")
    assert _visible(viewer) == {"nodes": 7, "edges": 8}
    viewer.assert_clean()


def test_hostile_strings_are_shown_as_text_and_never_run(open_viewer: Any, sample_html: Path) -> None:
    viewer = open_viewer(sample_html)
    page = viewer.page
    hostile = "unk:person:3fa2c1d0"

    # Hover: the vis-network tooltip must hold the payload as text.
    position = viewer.js("id => kgNetwork.getPositions([id])[id]", hostile)
    box = page.locator("#kg-network").bounding_box()
    dom = viewer.js("p => kgNetwork.canvasToDOM(p)", position)
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function("() => { const t = document.querySelector('div.vis-tooltip');"
                           " return t && t.style.visibility === 'visible'; }")  # fmt: skip
    tooltip = viewer.js(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return {text: t.textContent, tags: [...t.querySelectorAll('*')].map(e => e.tagName)}; }"
    )
    assert XSS_IMG in tooltip["text"] and set(tooltip["tags"]) <= {"BR"}

    # Node panel (through the search box), then the hostile edge through a real click in the panel.
    page.fill("#kg-search", "قائد")
    page.press("#kg-search", "Enter")
    assert viewer.js("() => kgNetwork.getSelectedNodes()") == [hostile]
    text = _details_text(viewer)
    assert HOSTILE_LABEL in text and XSS_SCRIPT in text
    page.locator("#kg-details button", has_text="ينسّق مع").click()
    text = _details_text(viewer)
    assert XSS_SVG in text and XSS_IMG in text and "javascript:window.__pwned='url'" in text

    for scope in ("#kg-details", "#kg-controls", "#kg-header", "div.vis-tooltip"):
        assert page.locator(f"{scope} img, {scope} svg, {scope} script, {scope} iframe").count() == 0
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator('a[href^="data:" i]').count() == 0
    hrefs = viewer.js("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert all(h.startswith(("https://", "http://")) for h in hrefs)  # here: none at all
    page.wait_for_timeout(200)  # give any (wrongly) injected handler a chance to fire
    viewer.assert_clean()


def test_empty_and_sparse_graphs_open_without_errors(open_viewer: Any, tmp_path: Path) -> None:
    import networkx as nx

    viewer = open_viewer(export_graph(nx.MultiDiGraph(), tmp_path / "empty", formats=["html"])["html"])
    assert viewer.js("() => kgViewer.nodes.length") == 0
    viewer.assert_clean()
    # Missing attributes, an unknown entity type, a non-numeric weight, a bad date, an int node id.
    G = nx.MultiDiGraph()
    G.add_node("a")
    G.add_node(7, label=None, type="ALIEN", mentions="3", aliases=None)
    G.add_edge("a", 7, key="x", type=None, weight=float("nan"), evidence="not a list", first_date="yesterday")
    viewer = open_viewer(export_graph(G, tmp_path / "sparse", formats=["html"])["html"])
    assert viewer.js("() => [kgViewer.nodes.length, kgViewer.edges.length]") == [2, 1]
    viewer.js("() => { kgViewer.focusNode('7'); kgViewer.selectEdge('e0'); }")
    assert "relation" in _details_text(viewer)
    viewer.assert_clean()


def test_large_graph_stays_usable(open_viewer: Any, tmp_path: Path) -> None:
    html = export_graph(large_graph(2000, 10000), tmp_path, formats=["html"])["html"]
    started = time.perf_counter()
    viewer = open_viewer(html, timeout_ms=60_000)
    load_seconds = time.perf_counter() - started
    assert load_seconds < 45, load_seconds
    assert viewer.js("() => [kgViewer.nodes.length, kgViewer.edges.length]") == [2000, 10000]
    assert viewer.js("() => kgNetwork.physics.options.enabled") is False
    # A filter over 10,000 edges and a redraw must feel immediate.
    took = viewer.js(
        "() => { const t = performance.now(); const s = document.getElementById('kg-weight');"
        " s.value = '4'; s.dispatchEvent(new Event('input')); kgViewer.applyFilters(); kgNetwork.redraw();"
        " return performance.now() - t; }"
    )
    assert took < 2000, took
    assert 0 < viewer.js("() => kgViewer.visibleCounts().edges") < 10000
    viewer.page.fill("#kg-search", "كيان رقم 1999")
    viewer.page.press("#kg-search", "Enter")
    assert viewer.js("() => kgNetwork.getSelectedNodes()") in (["x:1999"], [])  # [] if hidden by the filter
    viewer.assert_clean()


def test_screenshot_script(sample_html: Path, tmp_path: Path, browser: Any) -> None:
    png = screenshot_script.screenshot(
        sample_html, tmp_path / "shot.png", select="state:rus", browser=browser
    )
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
