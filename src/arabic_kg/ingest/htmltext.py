"""Main text and metadata of an HTML page, with the standard library parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# fmt: off
# Containers whose text is never article text.
_SKIP = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template",
    "head", "select", "button", "object", "canvas", "math",
})
# Elements that break lines.
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "article", "section", "ul", "ol",
    "table", "blockquote", "pre", "main", "figure", "figcaption", "dl", "dt", "dd", "hr", "address", "body",
    "td", "th",
})
# fmt: on
_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "og:published_time")
_WS = re.compile(r"[ \t\n\r\f\v]+")
_SPACES = re.compile(r"[ \t]{2,}")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


@dataclass
class HtmlDoc:
    title: str | None
    body: str
    date: str | None
    url: str | None
    source: str | None
    author: str | None


def declared_charset(head: bytes) -> str | None:
    """The charset of `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`, if any."""
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open_skip: dict[str, int] = {}
        self.skip_depth = 0
        self.pre_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1_parts: list[str] | None = None  # collecting the first h1
        self.h1: str | None = None
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time: str | None = None

    def _close_head(self) -> None:
        # Browsers end <head> implicitly at the first body element; so do we, else a page
        # without </head> (or </title>) would have no text.
        self.in_title = False
        if self.open_skip.get("head"):
            self.skip_depth -= self.open_skip.pop("head")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._close_head()
            self.parts.append("\n")
        if tag in _SKIP:
            self.open_skip[tag] = self.open_skip.get(tag, 0) + 1
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "h1" and self.h1 is None and self.h1_parts is None and not self.skip_depth:
            self.h1_parts = []
        elif tag in ("meta", "link", "time"):
            self._attrs(tag, {k.lower(): v for k, v in attrs if v is not None})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Self-closed tags (<br/>, <svg/>) open nothing.
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in ("meta", "link", "time"):
            self._attrs(tag, {k.lower(): v for k, v in attrs if v is not None})

    def _attrs(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
            content = attrs.get("content", "").strip()
            if key and content:
                self.meta.setdefault(key, content)
        elif tag == "link":
            if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href", "").strip():
                self.canonical = self.canonical or attrs["href"].strip()
        elif (
            tag == "time" and self.time is None and not self.skip_depth and attrs.get("datetime", "").strip()
        ):
            self.time = attrs["datetime"].strip()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.open_skip.get(tag):
            self.open_skip[tag] -= 1
            self.skip_depth -= 1
        if tag == "title":
            self.in_title = False
        elif tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = _squash("".join(self.h1_parts)) or None
            self.h1_parts = None
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        # HTML collapses whitespace except inside <pre>.
        self.parts.append(data.replace("\r\n", "\n") if self.pre_depth else _WS.sub(" ", data))


def _body(parts: list[str]) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    # One paragraph per line, no blank lines: the same layout as JSON corpora (SaudiNewsNet).
    return "\n".join(line for line in lines if line)


def parse_html(text: str) -> HtmlDoc:
    """Extract the visible main text (block elements become line breaks) and the metadata."""
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    meta = parser.meta
    title = _squash("".join(parser.title_parts)) or _squash(meta.get("og:title", "")) or parser.h1
    date = next((meta[key] for key in _DATE_META if key in meta), None) or parser.time
    author = meta.get("author") or meta.get("article:author")
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL
    return HtmlDoc(
        title=title or None,
        body=_body(parser.parts),
        date=date,
        url=parser.canonical or meta.get("og:url"),
        source=meta.get("og:site_name"),
        author=author,
    )
