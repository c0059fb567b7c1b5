"""Store (SQLite, incremental, transactional) and the aggregated graph."""

from pathlib import Path

import pytest

from arabic_kg.graph import build_graph, find_node, neighbors
from arabic_kg.models import Article, DocumentResult, Entity, Evidence, Mention, Relation, Span
from arabic_kg.store import SCHEMA_VERSION, Store, StoreError


def _article(i: int, date: str) -> Article:
    text = f"نص المقال رقم {i}: نسقت سوريا مع روسيا ضد داعش."
    return Article(
        id=f"a{i}",
        content_hash=f"h{i}",
        text=text,
        title=f"عنوان {i}",
        date=date,
        url=f"https://example.com/{i}",
        path=f"f{i}.txt",
        doc_id=f"f{i}",
    )


def _result(article: Article, polarity: str = "asserted") -> DocumentResult:
    text = article.text
    s, r = text.index("سوريا"), text.index("روسيا")
    ents = [
        Entity(
            id="e1",
            canonical_id="state:syr",
            label="سوريا",
            label_en="Syria",
            type="STATE",
            mentions=[Mention(text="سوريا", start=s, end=s + 5)],
        ),
        Entity(
            id="e2",
            canonical_id="state:rus",
            label="روسيا",
            label_en="Russia",
            type="STATE",
            mentions=[Mention(text="روسيا", start=r, end=r + 5)],
        ),
    ]
    t = text.index("نسقت")
    rel = Relation(
        type="coordinates_with",
        source="e2",
        target="e1",
        polarity=polarity,  # type: ignore[arg-type]
        evidence=[
            Evidence(
                text=text,
                start=0,
                end=len(text),
                article_id=article.id,
                trigger=Span(text="نسقت", start=t, end=t + 4),
            )
        ],
    )
    return DocumentResult(doc_id=article.doc_id, article_id=article.id, entities=ents, relations=[rel])


def test_store_roundtrip_and_graph(tmp_path: Path) -> None:
    with Store(tmp_path / "kg.sqlite") as store:
        arts = [_article(1, "2015-08-01"), _article(2, "2015-08-05")]
        store.write_results((a, _result(a)) for a in arts)
        store.write_results([(arts[0], _result(arts[0]))])  # the same article again is ignored
        a3 = _article(3, "2015-08-09")
        r3 = _result(a3, "negated")
        r3.relations[0].evidence[0].text = "نص آخر"
        store.write_results([(a3, r3)])
        store_texts = [r[0] for r in store.db.execute("SELECT text FROM evidence ORDER BY rowid")]
        counts = store.counts()
        assert counts["articles"] == 3
        assert counts["entities_by_type"] == {"STATE": 2}
        g = build_graph(store)
    assert set(g.nodes) == {"state:syr", "state:rus"}
    assert g.nodes["state:syr"]["mentions"] == 3 and g.nodes["state:syr"]["articles"] == 3
    # symmetric: stored once, source < target, one edge per polarity
    edge = g.get_edge_data("state:rus", "state:syr")["coordinates_with|asserted"]
    assert edge["weight"] == 2 and edge["articles"] == 2 and edge["directed"] is False
    assert (edge["first_date"], edge["last_date"]) == ("2015-08-01", "2015-08-05")
    assert edge["evidence"][0]["trigger"] == "نسقت"
    # Evidence that is a slice of its article is stored once, as the article; other text verbatim.
    assert edge["evidence"][0]["text"] == arts[0].text
    assert store_texts == ["", "", "نص آخر"]
    negated = g.get_edge_data("state:rus", "state:syr")["coordinates_with|negated"]
    assert negated["evidence"][0]["text"] == "نص آخر"
    assert find_node(g, "Syria") == "state:syr" and find_node(g, "سوريا") == "state:syr"
    assert neighbors(g, "state:syr")[0][0] == "coordinates_with"


def test_changed_source_replaces_its_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "kg.sqlite") as store:
        a1 = _article(1, "2015-08-01")
        store.write_results([(a1, _result(a1))])
        store.finish_sources([("f1.txt", "fp1", {"a1"})])
        assert store.source_fingerprint("f1.txt") == "fp1"
        a1b = _article(1, "2015-08-01").model_copy(update={"id": "a1b", "path": "f1.txt"})
        store.write_results([(a1b, _result(a1b))])
        store.finish_sources([("f1.txt", "fp2", {"a1b"})])
        assert store.article_ids() == {"a1b"}
        assert store.db.execute("SELECT COUNT(*) FROM relations WHERE article_id='a1'").fetchone()[0] == 0


def test_failed_batch_is_rolled_back(tmp_path: Path) -> None:
    with Store(tmp_path / "kg.sqlite") as store:
        a1, a2 = _article(1, "2015-08-01"), _article(2, "2015-08-02")
        bad = _result(a2)
        bad.relations[0].source = "e99"  # no such entity: the write fails half-way
        with pytest.raises(KeyError):
            store.write_results([(a1, _result(a1)), (a2, bad)])
        assert store.counts()["articles"] == 0


def test_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.sqlite", create=False)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable"):
        Store(junk)
    with Store(tmp_path / "old.sqlite") as store:
        store.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="schema version"):
        Store(tmp_path / "old.sqlite")


def _stats_snapshot(store: Store) -> tuple[list[tuple], list[tuple]]:
    edges = store.db.execute(
        "SELECT type, source, target, polarity, weight, articles, first_date, last_date, n_asserted, "
        "n_planned, n_reported, evidence FROM edge_stats ORDER BY type, source, target, polarity"
    ).fetchall()
    nodes = store.db.execute("SELECT * FROM node_stats ORDER BY entity_id").fetchall()
    return edges, nodes


def test_incremental_aggregates_equal_a_full_recount(tmp_path: Path) -> None:
    """Adding and replacing articles updates only the touched aggregates, to the same values a full
    recount gives; an edge keeps its id while it exists, and disappears with its last relation."""
    with Store(tmp_path / "kg.sqlite") as store:
        first = [_article(i, f"2015-08-0{i}") for i in (1, 2)]
        store.write_results((a, _result(a)) for a in first)
        store.finish_sources([(a.path, "fp", {a.id}) for a in first])
        g = build_graph(store)
        edge_id = g.get_edge_data("state:rus", "state:syr")["coordinates_with|asserted"]["id"]
        assert edge_id.startswith("e")
        # Incremental: a new negated article, then article 2's source changes (its article is replaced).
        a3 = _article(3, "2015-07-30")
        store.write_results([(a3, _result(a3, "negated"))])
        assert store.db.execute("SELECT COUNT(*) FROM dirty_edges").fetchone()[0] == 1
        g = build_graph(store)
        a2b = _article(2, "2015-08-02").model_copy(update={"id": "a2b"})
        store.write_results([(a2b, _result(a2b, "negated"))])
        store.finish_sources([("f2.txt", "fp2", {"a2b"})])
        g = build_graph(store)
        incremental = _stats_snapshot(store)
        edges = g.get_edge_data("state:rus", "state:syr")
        assert edges["coordinates_with|asserted"]["id"] == edge_id  # stable while the edge exists
        assert edges["coordinates_with|asserted"]["weight"] == 1
        assert edges["coordinates_with|negated"]["weight"] == 2
        assert edges["coordinates_with|negated"]["first_date"] == "2015-07-30"
        assert g.nodes["state:syr"]["mentions"] == 3
        # The same store recounted from scratch.
        store.db.execute("INSERT OR REPLACE INTO meta VALUES ('stats_dirty_all', '1')")
        store.refresh_stats()
        assert _stats_snapshot(store) == incremental
        # The last asserted relation goes: so does its edge.
        store.finish_sources([("f1.txt", "fp3", set())])
        g = build_graph(store)
        assert set(g.get_edge_data("state:rus", "state:syr")) == {"coordinates_with|negated"}


def test_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    with Store(db) as store:
        a1 = _article(1, "2015-08-01")
        store.write_results([(a1, _result(a1))])
        for table in ("edge_stats", "node_stats", "dirty_edges", "dirty_nodes"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DELETE FROM meta WHERE key='stats_dirty_all'")
        store.db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    with Store(db) as store:
        assert store.counts()["relations_by_type"] == {"coordinates_with": 1}
        assert build_graph(store).number_of_edges() == 1
        version = store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION
