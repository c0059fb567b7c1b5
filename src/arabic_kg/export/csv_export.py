"""nodes.csv, edges.csv and evidence.csv for spreadsheets.

UTF-8 with a BOM because Excel otherwise decodes the file in the local ANSI code page and the
Arabic turns to mojibake. Cells that a spreadsheet would evaluate as a formula ("CSV injection":
scraped text such as `=HYPERLINK(...)`) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ._cache import Elements, open_cache, salt, write_output
from ._common import as_int, clean_text, evidence_list, trigger_text
from .graphml import edge_values, node_values

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

NODE_COLUMNS = [
    "id", "label", "label_en", "type", "mentions", "articles", "degree",
    "aliases", "qid", "affiliation", "article_ids", "color", "size",
]  # fmt: skip
EDGE_COLUMNS = [
    "id", "source", "source_label", "target", "target_label", "type", "polarity", "directed",
    "weight", "articles", "first_date", "last_date", "modality", "modality_asserted",
    "modality_planned", "modality_reported", "edge_key",
]  # fmt: skip
EVIDENCE_COLUMNS = [
    "edge_id", "rank", "source", "target", "type", "polarity", "article_id", "title", "date",
    "url", "text", "start", "end", "trigger",
]  # fmt: skip


def neutralize(value: Any) -> Any:
    """A cell value that no spreadsheet will run as a formula.

    Numbers pass through untouched (a negative count must stay a number). Text is cleaned of
    control characters first, so a NUL cannot hide a leading "=" from the check; leading blanks
    are looked through too because some spreadsheets strip them before parsing."""
    if type(value) is str:  # the common case first: this runs for every cell
        text = value
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, int | float):
        return value
    else:
        text = str(value)
    text = _clean_keep_lines(text)
    if text[:1] in _FORMULA_STARTS or text.lstrip(" \u00a0")[:1] in _FORMULA_STARTS:
        return "'" + text
    return text


_FORMULA_STARTS = frozenset(FORMULA_PREFIXES)  # all one character long


def _clean_keep_lines(text: str) -> str:
    # Evidence may span lines; the csv module quotes newlines, so keep \n (which clean_text keeps)
    # but drop other controls; a CRLF becomes one \n rather than losing its CR alone.
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return clean_text(text)


class _Lines:
    """A csv.writer target that keeps the lines it is given (one write per row)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.write = self.lines.append

    def take(self) -> str:
        text = "".join(self.lines)
        self.lines.clear()
        return text


def _rows_text(writer: Any, sink: _Lines, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    for row in rows:
        writer.writerow([neutralize(row.get(column)) for column in columns])
    return sink.take()


def _node_row(elements: Elements, node: Any, data: dict[str, Any]) -> dict[str, Any]:
    row = node_values(data)
    row["id"] = node
    row["degree"] = elements.degrees[node]
    return row


def _edge_row(G: nx.MultiDiGraph, edge: tuple[str, Any, Any, Any, dict[str, Any]]) -> dict[str, Any]:
    edge_id, source, target, key, data = edge
    row = edge_values(key, data)
    row.update(
        id=edge_id,
        source=source,
        target=target,
        source_label=G.nodes[source].get("label"),
        target_label=G.nodes[target].get("label"),
    )
    return row


def _evidence_rows(edge: tuple[str, Any, Any, Any, dict[str, Any]]) -> Iterable[dict[str, Any]]:
    edge_id, source, target, _key, data = edge
    for rank, item in enumerate(evidence_list(data), start=1):
        yield {
            "edge_id": edge_id,
            "rank": rank,
            "source": source,
            "target": target,
            "type": data.get("type"),
            "polarity": data.get("polarity"),
            "article_id": item.get("article_id"),
            "title": item.get("title"),
            "date": item.get("date"),
            "url": item.get("url"),
            "text": item.get("text"),
            "start": as_int(item.get("start"), 0) if item.get("start") is not None else None,
            "end": as_int(item.get("end"), 0) if item.get("end") is not None else None,
            "trigger": trigger_text(item.get("trigger")),
        }


def render_csv(elements: Elements, *, cache_dir: Path | None = None) -> dict[str, list[bytes]]:
    """nodes.csv, edges.csv and evidence.csv as byte chunks (UTF-8 with BOM); each node's row and
    each edge's rows come from the cache in `cache_dir` when unchanged."""
    G = elements.G
    cache = open_cache(cache_dir, "csv", salt("csv"))
    sink = _Lines()
    writer = csv.writer(sink)
    nodes, edges = elements.nodes, elements.edges

    def table(tag: int, keys: list[bytes | None], columns: Sequence[str], rows: Any) -> list[bytes]:
        writer.writerow(columns)
        head = "\ufeff" + sink.take()
        body = cache.section(tag, keys, lambda i: _rows_text(writer, sink, columns, rows(i)))
        return [head.encode("utf-8"), body]

    out = {
        "nodes_csv": table(0, elements.node_keys, NODE_COLUMNS, lambda i: [_node_row(elements, *nodes[i])]),
        "edges_csv": table(1, elements.edge_keys, EDGE_COLUMNS, lambda i: [_edge_row(G, edges[i])]),
        "evidence_csv": table(2, elements.edge_keys, EVIDENCE_COLUMNS, lambda i: _evidence_rows(edges[i])),
    }
    cache.save()
    return out


def write_csv(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    cache_dir: str | Path | None = None,
    elements: Elements | None = None,
) -> dict[str, Path]:
    """Write nodes.csv, edges.csv and evidence.csv into `out_dir`; returns their paths.
    `cache_dir` holds the fragment cache that makes re-exports of a similar graph fast."""
    out = Path(out_dir)
    elements = elements if elements is not None else Elements(G, keyed=cache_dir is not None)
    chunks = render_csv(elements, cache_dir=None if cache_dir is None else Path(cache_dir))
    names = {"nodes_csv": "nodes.csv", "edges_csv": "edges.csv", "evidence_csv": "evidence.csv"}
    return {name: write_output(out / names[name], parts) for name, parts in chunks.items()}
