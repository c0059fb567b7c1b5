"""Aggregates the graph is drawn from, kept in the store and updated incrementally.

``edge_stats`` holds one row per typed relation (type, source, target, polarity) with its counts,
dates and first evidence (the many weak co-mention links are aggregated only when asked for);
``node_stats`` one row per mentioned entity. Writing or deleting articles marks the keys
they touch in ``dirty_edges`` / ``dirty_nodes`` (in the same transaction as the write, so a killed
build leaves them marked); ``refresh`` recomputes just those keys, or everything when most of the
store changed (a first build). An edge row keeps its integer id for as long as the edge exists:
exports name edges ``e<id>``, stable from one build to the next.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

MAX_EVIDENCE = 5
MAX_ARTICLE_IDS = 50
MAX_ALIASES = 12

SCHEMA = """
CREATE TABLE IF NOT EXISTS edge_stats (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    polarity TEXT NOT NULL, weight INTEGER NOT NULL, articles INTEGER NOT NULL, first_date TEXT,
    last_date TEXT, n_asserted INTEGER NOT NULL, n_planned INTEGER NOT NULL, n_reported INTEGER NOT NULL,
    evidence TEXT NOT NULL, UNIQUE (type, source, target, polarity));
CREATE TABLE IF NOT EXISTS node_stats (
    entity_id TEXT PRIMARY KEY, type TEXT NOT NULL, mentions INTEGER NOT NULL, articles INTEGER NOT NULL,
    aliases TEXT NOT NULL, article_ids TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dirty_edges (
    type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, polarity TEXT NOT NULL,
    PRIMARY KEY (type, source, target, polarity)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dirty_nodes (entity_id TEXT PRIMARY KEY) WITHOUT ROWID;
-- partial: the co-mention links (nine relations in ten) are never looked up by key
DROP INDEX IF EXISTS relations_key;
CREATE INDEX IF NOT EXISTS relations_typed_key ON relations(type, source, target, polarity)
    WHERE type != 'co_mentioned';
"""

# A date as the graph shows it: the YYYY-MM-DD prefix of an ISO date or datetime, else nothing.
_SQL_DATE = (
    "CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(a.date, 1, 10) END"
)
ALL_DIRTY_KEY = "stats_dirty_all"


def mark_articles(db: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Mark the edges and entities of these (stored) articles for recomputation."""
    for k in range(0, len(article_ids), 500):
        chunk = list(article_ids[k : k + 500])
        marks = ",".join("?" * len(chunk))
        db.execute(
            "INSERT OR IGNORE INTO dirty_edges SELECT DISTINCT type, source, target, polarity "
            f"FROM relations WHERE article_id IN ({marks}) AND source != target AND type != 'co_mentioned'",
            chunk,
        )
        db.execute(
            "INSERT OR IGNORE INTO dirty_nodes SELECT DISTINCT entity_id FROM mentions "
            f"WHERE article_id IN ({marks})",
            chunk,
        )


def mark_all(db: sqlite3.Connection) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (ALL_DIRTY_KEY,))
    db.execute("DELETE FROM dirty_edges")
    db.execute("DELETE FROM dirty_nodes")


def all_dirty(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM meta WHERE key=?", (ALL_DIRTY_KEY,)).fetchone() is not None


def needs_refresh(db: sqlite3.Connection) -> bool:
    return (
        all_dirty(db)
        or db.execute("SELECT 1 FROM dirty_edges LIMIT 1").fetchone() is not None
        or db.execute("SELECT 1 FROM dirty_nodes LIMIT 1").fetchone() is not None
    )


def refresh(db: sqlite3.Connection) -> None:
    """Bring edge_stats and node_stats up to date (call inside a transaction)."""
    full = all_dirty(db)
    if not full:
        n_dirty = db.execute("SELECT COUNT(*) FROM dirty_nodes").fetchone()[0]
        n_nodes = db.execute("SELECT COUNT(*) FROM node_stats").fetchone()[0]
        full = n_dirty > 2_000 and n_dirty > n_nodes // 4  # a join per key would cost more than a pass
    _refresh_edges(db, full)
    _refresh_nodes(db, full)
    db.execute("DELETE FROM dirty_edges")
    db.execute("DELETE FROM dirty_nodes")
    db.execute("DELETE FROM meta WHERE key=?", (ALL_DIRTY_KEY,))


def aggregate_edges(
    db: sqlite3.Connection, *, dirty_only: bool = False, co_mentioned: bool = False
) -> dict[tuple[str, str, str, str], list[Any]]:
    """(type, source, target, polarity) -> [articles, first date, last date, asserted, planned, reported,
    evidence count, first evidence], for the typed relations or (``co_mentioned``) the co-mention links."""
    # The dirty keys drive the join (CROSS JOIN keeps SQLite from reordering it) through relations_typed_key.
    source = (
        "dirty_edges d CROSS JOIN relations r ON r.type = d.type AND r.source = d.source "
        "AND r.target = d.target AND r.polarity = d.polarity"
        if dirty_only
        else "relations r"
    )
    where = "r.source != r.target AND r.type " + ("=" if co_mentioned else "!=") + " 'co_mentioned'"
    key = "r.type, r.source, r.target, r.polarity"
    totals: dict[tuple[str, str, str, str], list[Any]] = {}
    for row in db.execute(
        f"SELECT {key}, COUNT(DISTINCT r.article_id), MIN({_SQL_DATE}), MAX({_SQL_DATE}), "
        "SUM(r.modality = 'asserted'), SUM(r.modality = 'planned'), SUM(r.modality = 'reported'), "
        "SUM((SELECT COUNT(*) FROM evidence e WHERE e.relation_id = r.id)) "
        f"FROM {source} JOIN articles a ON a.id = r.article_id WHERE {where} GROUP BY {key}"
    ):
        totals[row[:4]] = [*row[4:], []]
    # An empty evidence text stands for the article's own text between start and end (see write_results);
    # it is sliced only for the evidence kept, after the window has picked it.
    for row in db.execute(
        "SELECT w.type, w.source, w.target, w.polarity, w.article_id, a.title, "
        f"{_SQL_DATE}, a.url, CASE WHEN w.text = '' THEN substr(a.text, w.start + 1, w.end - w.start) "
        "ELSE w.text END, w.start, w.end, w.trigger_text "
        f"FROM (SELECT {key}, r.article_id, e.text, e.start, e.end, e.trigger_text, "
        f"ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY a.date, r.id, e.rowid) AS n "
        f"FROM {source} JOIN articles a ON a.id = r.article_id JOIN evidence e ON e.relation_id = r.id "
        f"WHERE {where}) AS w JOIN articles a ON a.id = w.article_id WHERE w.n <= {MAX_EVIDENCE} "
        "ORDER BY 1, 2, 3, 4, w.n"
    ):
        totals[row[:4]][-1].append(
            {
                "article_id": row[4],
                "title": row[5],
                "date": row[6],
                "url": row[7],
                "text": row[8],
                "start": row[9],
                "end": row[10],
                "trigger": row[11],
            }
        )
    return totals


def _refresh_edges(db: sqlite3.Connection, full: bool) -> None:
    totals = aggregate_edges(db, dirty_only=not full)
    if full:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS live_edges (type, source, target, polarity)")
        db.execute("DELETE FROM live_edges")
        db.executemany("INSERT INTO live_edges VALUES (?,?,?,?)", totals.keys())
        db.execute(
            "DELETE FROM edge_stats WHERE (type, source, target, polarity) NOT IN (SELECT * FROM live_edges)"
        )
        db.execute("DELETE FROM live_edges")
    else:
        db.execute(
            "DELETE FROM edge_stats WHERE (type, source, target, polarity) IN (SELECT * FROM dirty_edges)"
            " AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.type != 'co_mentioned' "
            "AND r.type = edge_stats.type AND "
            "r.source = edge_stats.source AND r.target = edge_stats.target "
            "AND r.polarity = edge_stats.polarity)"
        )
    db.executemany(
        "INSERT INTO edge_stats (type, source, target, polarity, articles, first_date, last_date, "
        "n_asserted, n_planned, n_reported, weight, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (type, source, target, polarity) DO UPDATE SET articles = excluded.articles, "
        "first_date = excluded.first_date, last_date = excluded.last_date, n_asserted = excluded.n_asserted, "
        "n_planned = excluded.n_planned, n_reported = excluded.n_reported, weight = excluded.weight, "
        "evidence = excluded.evidence",
        (
            (*k, *v[:-2], max(v[-2] or 0, 1), json.dumps(v[-1], ensure_ascii=False))
            for k, v in sorted(totals.items())
        ),
    )


def _refresh_nodes(db: sqlite3.Connection, full: bool) -> None:
    where = "" if full else "WHERE m.entity_id IN (SELECT entity_id FROM dirty_nodes)"
    types = dict(
        db.execute(
            "SELECT id, type FROM entities"
            + ("" if full else " WHERE id IN (SELECT entity_id FROM dirty_nodes)")
        )
    )
    counts = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            f"SELECT m.entity_id, COUNT(*), COUNT(DISTINCT m.article_id) FROM mentions m {where} "
            "GROUP BY m.entity_id"
        )
    }
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in db.execute(
        "SELECT entity_id, text FROM (SELECT m.entity_id, m.text, ROW_NUMBER() OVER "
        f"(PARTITION BY m.entity_id ORDER BY COUNT(*) DESC, m.text) AS n FROM mentions m {where} "
        f"GROUP BY m.entity_id, m.text) WHERE n <= {MAX_ALIASES} ORDER BY entity_id, n"
    ):
        aliases[r[0]].append(r[1])
    article_ids: dict[str, list[str]] = defaultdict(list)
    for r in db.execute(
        "SELECT entity_id, article_id FROM (SELECT entity_id, article_id, ROW_NUMBER() OVER "
        "(PARTITION BY entity_id ORDER BY article_id) AS n FROM "
        f"(SELECT DISTINCT m.entity_id, m.article_id FROM mentions m {where})) "
        f"WHERE n <= {MAX_ARTICLE_IDS} ORDER BY entity_id, n"
    ):
        article_ids[r[0]].append(r[1])
    if full:
        db.execute("DELETE FROM node_stats")
    else:
        db.execute("DELETE FROM node_stats WHERE entity_id IN (SELECT entity_id FROM dirty_nodes)")
    db.executemany(
        "INSERT INTO node_stats VALUES (?,?,?,?,?,?)",
        (
            (
                eid,
                types[eid],
                n_mentions,
                n_articles,
                json.dumps(aliases[eid], ensure_ascii=False),
                json.dumps(article_ids[eid], ensure_ascii=False),
            )
            for eid, (n_mentions, n_articles) in sorted(counts.items())
        ),
    )
