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
        store.write_results([(a3, _result(a3, "negated"))])
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
    assert "coordinates_with|negated" in g.get_edge_data("state:rus", "state:syr")
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
