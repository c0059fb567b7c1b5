"""A whole build over good and hostile files: exit 0, each good article once, each skip one line."""

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

ARABIC = "قالت وزارة الدفاع التركية إن مقاتلاتها قصفت مواقع لداعش قرب حلب، ونسقت أنقرة مع واشنطن."


def _make_corpus(root: Path) -> tuple[int, list[str]]:
    """Files of every kind users meet; returns (distinct good articles, names that must be skipped)."""
    root.mkdir()
    good = 0
    (root / "utf8.txt").write_text("title: أ\n\n" + ARABIC + " ١", encoding="utf-8")
    (root / "utf8_bom.txt").write_bytes(("\ufeff" + ARABIC + " ٢").encode("utf-8"))
    (root / "utf16.txt").write_bytes((ARABIC + " ٣").encode("utf-16"))
    (root / "cp1256.txt").write_bytes((ARABIC + " رابع").encode("cp1256"))
    (root / "controls.txt").write_text(
        "نص\x00 فيه\x07 تحكم \u202eمقلوب\u202c و\ufeffBOM: " + ARABIC, encoding="utf-8"
    )
    (root / "english.txt").write_text(
        "An English-only article about nothing in particular.", encoding="utf-8"
    )
    (root / "dup_a.txt").write_text(ARABIC + " مكرر", encoding="utf-8")
    (root / "dup_b.txt").write_text(ARABIC + " مكرر", encoding="utf-8")  # the same article twice
    good += 7
    (root / "good.jsonl").write_text(
        json.dumps({"title": "خبر", "content": ARABIC + " ٥"}, ensure_ascii=False)
        + "\n{broken line\n"
        + json.dumps({"content": ARABIC + " ٦"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    good += 2
    (root / "wrong_types.json").write_text(
        json.dumps(
            [{"content": 12}, {"content": None}, {"content": ["x"]}, {"title": 5, "content": ARABIC + " ٧"}],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    good += 1
    (root / "truncated.json").write_text(
        '[{"content": "' + ARABIC + ' ٨"}, {"content": "نص', encoding="utf-8"
    )
    good += 1
    (root / "empty.txt").write_bytes(b"")
    (root / "spaces.txt").write_text("  \n\t \n", encoding="utf-8")
    (root / "random.txt").write_bytes(random.Random(1).randbytes(4096))
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "scripts.html").write_text(
        "<html><head><script>alert(1)</script><style>p{}</style></head>"
        "<body><script>x()</script></body></html>",
        encoding="utf-8",
    )
    with open(root / "giant.txt", "wb") as handle:
        line = (ARABIC + "\n").encode("utf-8")
        handle.write(line * (25 * 2**20 // len(line) + 1))
    loop = root / "loop"
    loop.mkdir()
    (loop / "inside.txt").write_text(ARABIC + " ٩", encoding="utf-8")
    good += 1
    os.symlink(loop, loop / "again")
    skipped = [
        "empty.txt",
        "spaces.txt",
        "random.txt",
        "image.txt",
        "scripts.html",
        "giant.txt",
        "good.jsonl",
        "wrong_types.json",
        "truncated.json",
    ]
    return good, skipped


def test_hostile_corpus_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good, skipped = _make_corpus(corpus)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "arabic_kg.cli", "build", str(corpus), "--out", str(out), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    skip_lines = [line for line in proc.stderr.splitlines() if line.startswith("skipped ")]
    for name in skipped:
        assert any(name in line for line in skip_lines), name
    con = sqlite3.connect(out / "kg.sqlite")
    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    texts = [r[0] for r in con.execute("SELECT text FROM articles")]
    con.close()
    assert stored == good
    assert sum("مكرر" in t for t in texts) == 1
    summary = next(line for line in proc.stdout.splitlines() if line.startswith("articles:"))
    assert f"{len(skip_lines)} skipped" in summary and "1 duplicates" in summary
    # the viewer and the XML exports were written despite the hostile input
    assert (out / "graph.html").stat().st_size > 0 and (out / "graph.graphml").stat().st_size > 0
