"""End to end: the demo corpus, worker invariance, Dask, and interrupted builds."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import arabic_kg
from arabic_kg.pipeline import build

DEMO = Path(__file__).resolve().parents[1] / "data" / "raw"


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        return {
            "articles": sorted(r[0] for r in con.execute("SELECT id FROM articles")),
            "entities": sorted(con.execute("SELECT DISTINCT entity_id FROM mentions")),
            "mentions": sorted(con.execute("SELECT article_id, entity_id, start, end FROM mentions")),
            "relations": sorted(
                con.execute("SELECT article_id, type, source, target, polarity, modality FROM relations")
            ),
            "evidence": con.execute("SELECT COUNT(*) FROM evidence").fetchone()[0],
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, arabic_kg.BuildReport]:
    out = tmp_path_factory.mktemp("demo")
    report = build([DEMO], out, workers=1)
    return out, report


def test_demo_corpus_builds(demo_build: tuple[Path, arabic_kg.BuildReport]) -> None:
    out, report = demo_build
    assert report.articles_total == 10 and not report.skipped
    assert set(report.entities_by_type) == {"PERSON", "STATE", "ORGANIZATION", "BASE", "LOCATION"}
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    ids = {n["id"] for n in graph["nodes"]}
    for expected in (
        "state:syr",
        "state:rus",
        "state:irq",
        "state:irn",
        "state:usa",
        "state:tur",
        "org:isis",
        "person:vladimir_putin",
        "person:lloyd_austin",
        "base:incirlik",
        "base:al_udeid",
    ):
        assert expected in ids, expected
    links = {(lk["source"], lk["type"], lk["target"], lk["polarity"]) for lk in graph["links"]}
    for expected_link in (
        ("state:rus", "coordinates_with", "state:syr", "asserted"),  # four-way agreement, every pair
        ("state:irn", "coordinates_with", "state:irq", "asserted"),
        ("state:tur", "strikes", "org:isis", "asserted"),  # الغارات التركية على مواقع داعش
        ("state:usa", "trains", "state:irq", "asserted"),
        ("person:john_kerry", "meets_with", "person:sergey_lavrov", "asserted"),
        ("person:vladimir_putin", "affiliated_with", "state:rus", "asserted"),
        ("base:incirlik", "located_in", "state:tur", "asserted"),
        ("base:al_udeid", "located_in", "state:qat", "asserted"),
    ):
        assert expected_link in links, expected_link
    assert not any(lk["type"] == "co_mentioned" for lk in graph["links"])  # only with --co-mentions
    # the HTML page's navigation, sidebar and footer are not article text
    con = sqlite3.connect(out / "kg.sqlite")
    html_ids = [r[0] for r in con.execute("SELECT id FROM articles WHERE path LIKE '%.html'")]
    assert len(html_ids) == 1
    html_entities = {r[0] for r in con.execute("SELECT entity_id FROM mentions WHERE article_id=?", html_ids)}
    assert "state:qat" not in html_entities and "state:sau" not in html_entities


def test_extract_text_api() -> None:
    result = arabic_kg.extract_text("قال الرئيس الروسي فلاديمير بوتين إن روسيا تنسق مع دمشق.")
    by_id = {e.canonical_id: e for e in result.entities}
    assert by_id["person:vladimir_putin"].affiliation == "state:rus"
    assert "state:syr" in by_id and "state:rus" in by_id


def test_result_is_the_same_whatever_the_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 400)  # several batches, so the worker pool really runs
    build([DEMO, corpus], tmp_path / "one", workers=1)
    build([DEMO, corpus], tmp_path / "two", workers=2)
    assert _snapshot(tmp_path / "two" / "kg.sqlite") == _snapshot(tmp_path / "one" / "kg.sqlite")


def test_dask_local_cluster_gives_the_same_graph(
    tmp_path: Path, demo_build: tuple[Path, arabic_kg.BuildReport]
) -> None:
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dask"
    build([DEMO], out, engine="dask", workers=2)
    assert _snapshot(out / "kg.sqlite") == _snapshot(demo_build[0] / "kg.sqlite")
    a = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    b = json.loads((demo_build[0] / "graph.json").read_text(encoding="utf-8"))
    assert len(a["nodes"]) == len(b["nodes"]) and len(a["links"]) == len(b["links"])


def test_rebuild_and_changed_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    f = src / "a.txt"
    f.write_text("نسقت سوريا مع روسيا ضد داعش.", encoding="utf-8")
    out = tmp_path / "out"
    assert build([src], out, workers=1).articles_new == 1
    assert build([src], out, workers=1).articles_new == 0
    time.sleep(0.01)
    f.write_text("قصفت تركيا مواقع داعش قرب حلب.", encoding="utf-8")
    report = build([src], out, workers=1)
    assert report.articles_new == 1 and report.articles_total == 1
    assert build([src], out, workers=1, rebuild=True).articles_new == 1


def _corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    lines = [
        f"قصفت الطائرات التركية مواقع لداعش قرب حلب في اليوم {i}، ونسقت أنقرة مع واشنطن." for i in range(n)
    ]
    (folder / "many.jsonl").write_text(
        "\n".join(
            json.dumps({"title": f"خبر {i}", "content": line}, ensure_ascii=False)
            for i, line in enumerate(lines)
        ),
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_is_completed_by_the_next(tmp_path: Path, sig: int) -> None:
    corpus = _corpus(tmp_path, 1500)
    clean = tmp_path / "clean"
    build([corpus], clean, workers=1)
    out = tmp_path / "killed"
    cmd = [
        sys.executable,
        "-m",
        "arabic_kg.cli",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        "1",
        "--quiet",
    ]
    # A shell that starts pytest in the background makes it ignore SIGINT, and children inherit that:
    # give the build the default handler so the signal reaches it as it would from a terminal.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    db = out / "kg.sqlite"
    deadline = time.time() + 60
    # wait until some batches are committed, then kill mid-run
    while time.time() < deadline:
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=0.1)  # never wait long on the writer's lock
                n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                con.close()
                if n >= 1:  # the first batch is enough; waiting for more can let a fast run finish first
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert b"Traceback" not in proc.stderr.read()
    partial = _snapshot(db)["articles"]
    assert 0 < len(partial) < 1500  # type: ignore[arg-type]
    build([corpus], out, workers=1)
    assert _snapshot(db) == _snapshot(clean / "kg.sqlite")


def test_cli_entry_point_runs_as_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "arabic_kg.cli", "--help"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert proc.returncode == 0 and "build" in proc.stdout


def test_extractor_cache_round_trip_and_broken_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loaded extractor is cached on disk and reloaded with the same results; a user lexicon is part
    of the key; a corrupt entry is rebuilt silently; an empty ARABIC_KG_CACHE_DIR turns caching off."""
    from arabic_kg import pipeline

    text = "قالت وزارة الدفاع التركية إن مقاتلاتها قصفت مواقع لداعش قرب حلب."
    monkeypatch.setenv("ARABIC_KG_CACHE_DIR", str(tmp_path / "cache"))
    options = pipeline.ExtractOptions()
    fresh = pipeline._cached_extractor(options)
    entries = list((tmp_path / "cache").glob("extractor-*.pickle"))
    assert len(entries) == 1
    cached = pipeline._cached_extractor(options)
    assert cached is not fresh
    article = pipeline.article_from_text(text)
    assert cached.extract(article) == fresh.extract(article)

    user_lexicon = tmp_path / "mine.yaml"
    user_lexicon.write_text(
        "- {id: 'org:test', type: ORGANIZATION, name: 'جمعية الاختبار', en: Test}\n", encoding="utf-8"
    )
    with_user = pipeline.ExtractOptions(lexicon_files=(str(user_lexicon),))
    pipeline._cached_extractor(with_user)
    assert len(list((tmp_path / "cache").glob("extractor-*.pickle"))) == 2

    entries[0].write_bytes(b"not a pickle")
    rebuilt = pipeline._cached_extractor(options)
    assert rebuilt.extract(article) == fresh.extract(article)
    assert entries[0].read_bytes() != b"not a pickle"

    monkeypatch.setenv("ARABIC_KG_CACHE_DIR", "")
    assert pipeline.cache_dir() is None
    pipeline._cached_extractor(options)
    assert len(list((tmp_path / "cache").glob("extractor-*.pickle"))) == 2
