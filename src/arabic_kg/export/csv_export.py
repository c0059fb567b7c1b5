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

from ._common import (
    as_int,
    clean_text,
    evidence_list,
    iter_edges,
    iter_nodes,
    trigger_text,
)
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
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = _clean_keep_lines(str(value))
    stripped = text.lstrip(" \u00a0")
    if text.startswith(FORMULA_PREFIXES) or stripped.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _clean_keep_lines(text: str) -> str:
    # Evidence may span lines; the csv module quotes newlines, so keep \n but drop other controls.
    return "\n".join(clean_text(part) for part in text.replace("\r\n", "\n").split("\n"))


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralize(row.get(column)) for column in columns])
    return path


def _node_rows(G: nx.MultiDiGraph) -> Iterable[dict[str, Any]]:
    for node, data in iter_nodes(G):
        row = node_values(data)
        row["id"] = node
        row["degree"] = G.degree(node)
        yield row


def _edge_rows(G: nx.MultiDiGraph) -> Iterable[dict[str, Any]]:
    for edge_id, source, target, key, data in iter_edges(G):
        row = edge_values(key, data)
        row.update(
            id=edge_id,
            source=source,
            target=target,
            source_label=G.nodes[source].get("label"),
            target_label=G.nodes[target].get("label"),
        )
        yield row


def _evidence_rows(G: nx.MultiDiGraph) -> Iterable[dict[str, Any]]:
    for edge_id, source, target, _key, data in iter_edges(G):
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


def write_csv(G: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write nodes.csv, edges.csv and evidence.csv into `out_dir`; returns their paths."""
    out = Path(out_dir)
    return {
        "nodes_csv": _write(out / "nodes.csv", NODE_COLUMNS, _node_rows(G)),
        "edges_csv": _write(out / "edges.csv", EDGE_COLUMNS, _edge_rows(G)),
        "evidence_csv": _write(out / "evidence.csv", EVIDENCE_COLUMNS, _evidence_rows(G)),
    }
