"""The embedded SQLite store: articles, entities, mentions, relations and evidence.

Every batch is written in one transaction, and a source file is marked done only after all of its
articles are committed, so a build killed at any moment (even SIGKILL) leaves a consistent store
that the next build completes to the same result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from arabic_kg.models import SYMMETRIC_RELATIONS, Article, DocumentResult
from arabic_kg.store import stats

# 2: aggregated edge_stats / node_stats tables (a version-1 store is upgraded in place).
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, path TEXT, doc_id TEXT, title TEXT, date TEXT,
    url TEXT, source TEXT, author TEXT, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
-- covering: the graph reads the metadata of thousands of articles without touching their text pages
CREATE INDEX IF NOT EXISTS articles_meta ON articles(id, title, date, url, source);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, label_en TEXT, type TEXT NOT NULL, qid TEXT, affiliation TEXT);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, entity_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, method TEXT);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
-- covering: an entity's counts, aliases and articles are read from the index alone
DROP INDEX IF EXISTS mentions_entity;
CREATE INDEX IF NOT EXISTS mentions_entity_cover ON mentions(entity_id, article_id, text);
CREATE TABLE IF NOT EXISTS relations (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, type TEXT NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, polarity TEXT NOT NULL, modality TEXT NOT NULL, attributed_to TEXT);
CREATE INDEX IF NOT EXISTS relations_article ON relations(article_id);
CREATE TABLE IF NOT EXISTS evidence (
    relation_id INTEGER NOT NULL, article_id TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    end INTEGER NOT NULL, trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation_id);
-- evidence is found through its relation; an index by article cost every insert and served no query
DROP INDEX IF EXISTS evidence_article;
"""


# What a worker sends back per article: plain tuples (fast to pickle), ready for the store's tables.
# (entities, mentions without article id, relations without id and article id, evidence rows that
# start with their relation's index in ``relations``)
ResultRows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def result_rows(article: Article, result: DocumentResult) -> ResultRows:
    """The store rows of one article's extraction (runs in the worker process)."""
    text = article.text
    canon = {e.id: e.canonical_id for e in result.entities}
    entities = [(e.canonical_id, e.label, e.label_en, e.type, e.qid, e.affiliation) for e in result.entities]
    mentions = [
        (e.canonical_id, m.start, m.end, m.text, m.method) for e in result.entities for m in e.mentions
    ]
    relations: list[tuple[Any, ...]] = []
    evidence: list[tuple[Any, ...]] = []
    for r in result.relations:
        source, target = canon[r.source], canon[r.target]
        if r.type in SYMMETRIC_RELATIONS and target < source:
            source, target = target, source
        k = len(relations)
        relations.append((r.type, source, target, r.polarity, r.modality, canon.get(r.attributed_to or "")))
        evidence += [
            (
                k,
                # The sentence is a slice of the stored article: kept once, not per relation
                # (evidence text was three times the volume of the articles themselves).
                "" if ev.text == text[ev.start : ev.end] else ev.text,
                ev.start,
                ev.end,
                ev.trigger.text if ev.trigger else None,
                ev.trigger.start if ev.trigger else None,
                ev.trigger.end if ev.trigger else None,
            )
            for ev in r.evidence
        ]
    return entities, mentions, relations, evidence


class StoreError(RuntimeError):
    """The store cannot be opened or used; one line for the user."""


class Store:
    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run `arabic-kg build` first)")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # 64 MB of page cache: index inserts of large batches stay in memory. Checkpoints (the only
            # fsyncs under WAL + synchronous=NORMAL) every 32 MB of WAL rather than every 4 MB: a bulk
            # build commits a batch every ~100 ms and paid a checkpoint every few.
            self.db.execute("PRAGMA cache_size=-65536")
            self.db.execute("PRAGMA wal_autocheckpoint=8192")
            self.db.executescript(_SCHEMA)
            version = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if version is not None and int(version[0]) > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema version {version[0]}, "
                    f"this tool reads {SCHEMA_VERSION}; use --rebuild"
                )
            self.db.executescript(stats.SCHEMA)
            if version is None or int(version[0]) < SCHEMA_VERSION:
                with self._tx():
                    if version is None:
                        self.db.execute(
                            "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                        )
                    else:
                        # An older store has no aggregates yet: they are computed on first use.
                        stats.mark_all(self.db)
                        self.db.execute(
                            "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
                        )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable arabic-kg store ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ sources and articles
    def source_fingerprint(self, path: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM sources WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    def source_articles(self, path: str) -> int:
        row = self.db.execute("SELECT articles FROM sources WHERE path=?", (path,)).fetchone()
        return int(row[0]) if row else 0

    def _present(self, ids: set[str]) -> set[str]:
        """Those of ``ids`` already stored."""
        if not ids:
            return set()
        found: set[str] = set()
        wanted = sorted(ids)
        for k in range(0, len(wanted), 500):
            chunk = wanted[k : k + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    def finish_sources(self, done: Iterable[tuple[str, str, set[str]]]) -> None:
        """Mark sources as complete; drop articles a changed source no longer holds."""
        with self._tx():
            for path, fingerprint, ids in done:
                old = [
                    r[0]
                    for r in self.db.execute(
                        # members of an archive are stored as "archive::member": a range the index serves
                        "SELECT id FROM articles WHERE path=? OR (path >= ? AND path < ?)",
                        (path, path + "::", path + ":;"),
                    )
                ]
                stale = [a for a in old if a not in ids]
                self._delete_articles(stale)
                self.db.execute(
                    "INSERT OR REPLACE INTO sources VALUES (?, ?, ?)", (path, fingerprint, len(ids))
                )

    def _delete_articles(self, ids: list[str]) -> None:
        if ids and not stats.all_dirty(self.db):
            stats.mark_articles(self.db, ids)
        for article_id in ids:
            rel_ids = [
                r[0] for r in self.db.execute("SELECT id FROM relations WHERE article_id=?", (article_id,))
            ]
            self.db.executemany("DELETE FROM evidence WHERE relation_id=?", [(r,) for r in rel_ids])
            self.db.execute("DELETE FROM relations WHERE article_id=?", (article_id,))
            self.db.execute("DELETE FROM mentions WHERE article_id=?", (article_id,))
            self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))

    def _tx(self) -> _Transaction:
        return _Transaction(self.db)

    def write_results(self, items: Iterable[tuple[Article, DocumentResult]]) -> None:
        """Store articles and what was extracted from them, all in one transaction."""
        self.write_rows((article, result_rows(article, result)) for article, result in items)

    def write_rows(self, items: Iterable[tuple[Article, ResultRows]]) -> None:
        """Store articles with their extraction already turned into rows (``result_rows``, which a
        worker process runs), all in one transaction and one ``executemany`` per table: per-row
        statements, and unpickling pydantic results, made the parent of a parallel build the bottleneck."""
        pairs = list(items)
        present = self._present({a.id for a, _ in pairs})
        articles: list[tuple[Any, ...]] = []
        entities: list[tuple[Any, ...]] = []
        mentions: list[tuple[Any, ...]] = []
        relations: list[tuple[Any, ...]] = []
        evidence: list[tuple[Any, ...]] = []
        written: list[str] = []
        with self._tx():
            next_id = (self.db.execute("SELECT MAX(id) FROM relations").fetchone()[0] or 0) + 1
            for article, (ents, ments, rels, evs) in pairs:
                if article.id in present:
                    continue
                present.add(article.id)
                written.append(article.id)
                articles.append(
                    (
                        article.id,
                        article.content_hash,
                        article.path,
                        article.doc_id,
                        article.title,
                        article.date,
                        article.url,
                        article.source,
                        article.author,
                        article.text,
                    )
                )
                entities += ents
                aid = article.id
                mentions += [(aid, *m) for m in ments]
                relations += [(next_id + k, aid, *r) for k, r in enumerate(rels)]
                evidence += [(next_id + k, aid, *ev) for k, *ev in evs]
                next_id += len(rels)
            db = self.db
            db.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)", articles)
            db.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "label_en=COALESCE(entities.label_en, excluded.label_en), "
                "affiliation=COALESCE(entities.affiliation, excluded.affiliation)",
                entities,
            )
            db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)", mentions)
            db.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?)", relations)
            db.executemany("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?)", evidence)
            if written:
                if not self.db.execute("SELECT 1 FROM node_stats LIMIT 1").fetchone():
                    stats.mark_all(self.db)  # a first build: one pass at the end beats marking keys
                if not stats.all_dirty(self.db):
                    stats.mark_articles(self.db, written)

    def co_mention_stats(self) -> dict[tuple[str, str, str, str], list[Any]]:
        """Aggregates of the co-mention links, computed now (they are not kept: many, weak, rarely asked)."""
        return stats.aggregate_edges(self.db, co_mentioned=True)

    def refresh_stats(self) -> None:
        """Recompute the aggregates of what changed since the last refresh (no-op when nothing did)."""
        if stats.needs_refresh(self.db):
            with self._tx():
                stats.refresh(self.db)

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, Any]:
        self.refresh_stats()
        q = self.db.execute
        articles = q("SELECT COUNT(*) FROM articles").fetchone()[0]
        by_type = dict(q("SELECT type, COUNT(*) FROM node_stats GROUP BY type ORDER BY type").fetchall())
        rel_by_type = dict(q("SELECT type, COUNT(*) FROM edge_stats GROUP BY type ORDER BY type").fetchall())
        return {
            "articles": articles,
            "entities": sum(by_type.values()),
            "relations": sum(v for k, v in rel_by_type.items() if k != "co_mentioned"),
            "entities_by_type": by_type,
            "relations_by_type": rel_by_type,
            "mentions": q("SELECT COALESCE(SUM(mentions), 0) FROM node_stats").fetchone()[0],
            "evidence": q("SELECT COUNT(*) FROM evidence").fetchone()[0],
        }

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[sqlite3.Row]:
        cur = self.db.cursor()
        cur.row_factory = sqlite3.Row
        yield from cur.execute(sql, params)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
