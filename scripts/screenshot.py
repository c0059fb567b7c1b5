"""Save a PNG of an exported graph.html, rendered offline by Debian's Chromium through Playwright.

    python scripts/screenshot.py OUT/graph.html docs/graph.png [--width 1280 --height 800]

Every request other than the page itself is refused, so the picture shows what a user without
internet sees. Needs `pip install playwright` and `apt-get install chromium` (Playwright's own
browser download is not used). For well-shaped Arabic, install an Arabic font, e.g.
`apt-get install fonts-noto-core`.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("ARABIC_KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def screenshot(
    html_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1280,
    height: int = 800,
    timeout_ms: int = 60_000,
    select: str | None = None,
    browser: Any = None,
) -> Path:
    """Render `html_path` once its layout has settled and save it to `png_path`.

    `select` is an optional node id (or search text) whose details panel should be open in the
    picture. `browser` reuses an already launched Playwright browser (Playwright's sync API
    cannot be started twice in one thread). Returns the PNG path."""
    png = Path(png_path)
    png.parent.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        _render(browser, Path(html_path), png, width, height, timeout_ms, select)
        return png
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        own = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            _render(own, Path(html_path), png, width, height, timeout_ms, select)
        finally:
            own.close()
    return png


def _render(
    browser: Any, html: Path, png: Path, width: int, height: int, timeout_ms: int, select: str | None
) -> None:
    page_url = html.resolve().as_uri()
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        # Offline by construction: anything but the page itself is refused.
        page.route(
            "**/*", lambda route: route.continue_() if route.request.url == page_url else route.abort()
        )
        page.goto(page_url)
        # A function, not an expression string: the page's CSP forbids evaluating strings.
        page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms)
        if select:
            page.evaluate(
                "q => { const v = window.kgViewer; if (!v.focusNode(q)) { const ids = v.search(q);"
                " if (ids.length) v.focusNode(ids[0]); } }",
                select,
            )
            page.wait_for_timeout(600)  # let the focus animation finish
        page.screenshot(path=str(png))
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--select", help="node id or name to open in the side panel")
    args = parser.parse_args()
    print(screenshot(args.html, args.png, width=args.width, height=args.height, select=args.select))


if __name__ == "__main__":
    main()
