"""The CLI (typer CliRunner and the real entry point): commands, user errors as one line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arabic_kg.cli import app, main

runner = CliRunner()

ARTICLE = """source: وكالة الاختبار
url: https://example.com/a
date: 2015-08-02
title: فرنسا تقصف داعش

فرنسا تقصف داعش
شنت فرنسا غارات جوية على مواقع داعش في سوريا، وقال الرئيس الفرنسي فرانسوا هولاند إن قواتنا بلغت أهدافها.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


def test_extract_writes_the_eval_contract(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["doc_id"] == "a"
    text = ARTICLE
    labels = {e["label_en"] for e in doc["entities"]}
    assert {"France", "ISIS", "Syria"} <= labels
    for e in doc["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert "skipped" in result.output and "empty.txt" in result.output


def test_extract_to_stdout(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus / "a.txt")])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "a"


def test_build_stats_export_entities_neighbors(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "graphs"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "articles: 1 stored" in result.output and "1 skipped" in result.output
    for name in ("kg.sqlite", "graph.html", "graph.graphml", "graph.json", "nodes.csv", "edges.csv"):
        assert (out / name).exists(), name
    stats = runner.invoke(app, ["stats", "--db", str(out / "kg.sqlite"), "--json"])
    data = json.loads(stats.stdout)
    assert data["articles"] == 1 and data["entities"] >= 3 and "relations" in data
    ents = runner.invoke(app, ["entities", "--db", str(out / "kg.sqlite"), "--type", "STATE"])
    assert "France" in ents.stdout and "PERSON" not in ents.stdout
    nb = runner.invoke(app, ["neighbors", "France", "--db", str(out / "kg.sqlite"), "--co-mentions"])
    assert nb.exit_code == 0 and "فرنسا" in nb.stdout
    exp = runner.invoke(
        app, ["export", "--db", str(out / "kg.sqlite"), "--format", "graphml", "--out", str(tmp_path / "x")]
    )
    assert exp.exit_code == 0 and (tmp_path / "x" / "graph.graphml").exists()
    # incremental: nothing new the second time
    again = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--workers", "1"])
    assert "0 new" in again.output and "1 unchanged" in again.output


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "arabic_kg.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    "args, needle",
    [
        (["build", "/no/such/path", "--out", "/tmp/kg-x"], "/no/such/path"),
        (["build", "--frobnicate", "x"], "frobnicate"),
        (["stats", "--db", "/no/such/kg.sqlite"], "no store"),
        (["extract", "x", "--ner", "magic"], "magic"),
        (["export", "--db", "/no/such/kg.sqlite", "--format", "pdf"], "pdf"),
    ],
)
def test_user_errors_are_one_line_without_traceback(args: list[str], needle: str) -> None:
    proc = _run(*args)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert needle in lines[0]


def test_unwritable_output_folder(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["build", str(corpus), "--out", str(blocker / "sub")])
    assert code == 1


def test_extract_co_mentions_only_on_request(tmp_path: Path) -> None:
    src = tmp_path / "c.txt"
    src.write_text(
        "زار وزير الخارجية الروسي سيرغي لافروف القاهرة، وتحدثت الصحف عن العراق وسوريا.", encoding="utf-8"
    )
    plain = runner.invoke(app, ["extract", str(src)])
    weak = runner.invoke(app, ["extract", str(src), "--co-mentions"])
    types_plain = {r["type"] for r in json.loads(plain.stdout)["relations"]}
    types_weak = {r["type"] for r in json.loads(weak.stdout)["relations"]}
    assert "co_mentioned" not in types_plain and "co_mentioned" in types_weak


def test_camel_backend_without_its_model_says_how_to_install(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("قصفت فرنسا مواقع داعش.", encoding="utf-8")
    env = dict(os.environ, CAMELTOOLS_DATA=str(tmp_path / "no-camel-data"))
    proc = subprocess.run(
        [sys.executable, "-m", "arabic_kg.cli", "extract", str(src), "--ner", "camel"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "camel_data -i ner-arabert" in lines[0]


def test_progress_bar_is_quiet_off_a_terminal() -> None:
    from arabic_kg.cli import _progress

    with _progress(quiet=False) as advance:  # pytest captures stderr: not a terminal
        assert advance is None
