"""Ingest against hostile or broken input: binary files, bombs, loops, truncation, odd encodings.

Every case must end in Articles or one-line SkippedFiles, never an exception or a hang.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arabic_kg.ingest import Limits, SourceFile, discover, iter_articles, read_source
from arabic_kg.ingest.jsonstream import JsonSyntax, TextStream, iter_json
from arabic_kg.models import Article, SkippedFile

BODY = "أعلنت القيادة العامة للجيش أن وحداتها استعادت السيطرة على البلدة بعد اشتباكات عنيفة."


def run(paths: list[Path], limits: Limits = Limits()) -> list[Article | SkippedFile]:
    items = list(iter_articles(paths, limits))
    for item in items:
        if isinstance(item, SkippedFile):
            assert "\n" not in item.reason and 0 < len(item.reason) <= 300, item.reason
    return items


def only_skip(path: Path, limits: Limits = Limits()) -> str:
    items = run([path], limits)
    assert len(items) == 1 and isinstance(items[0], SkippedFile), items
    return items[0].reason


# ---------------------------------------------------------------- empty and binary files


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.json", "a.jsonl"])
@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode()])
def test_empty_and_whitespace(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    reason = only_skip(path)
    assert reason in ("empty file", "no text"), reason


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x11" * 300,
        b"GIF89a" + b"\x01\x00" * 100,
        b"%PDF-1.7\n% text-looking pdf\n",
        b"PK\x03\x04" + b"\x14" * 100,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "elf"],
)
@pytest.mark.parametrize("name", ["image.txt", "page.html", "data.json", "data.jsonl"])
def test_magic_numbers_are_binary(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert only_skip(path) == "binary file"


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("size", [64, 4096, 300_000])
def test_random_bytes_are_binary(tmp_path: Path, seed: int, size: int) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(seed).randbytes(size))
    assert only_skip(path) == "binary file"


def test_utf16_without_bom_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"{BODY}\n{BODY}".encode("utf-16-le"))
    assert only_skip(path) == "binary file"


def test_stray_nul_in_utf8_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"{BODY}\n{BODY}".encode() + b"\x00" + BODY.encode())
    (art,) = run([path])
    assert isinstance(art, Article) and "\x00" not in art.text and art.text.endswith(f"{BODY}{BODY}")


def test_invalid_utf8_tail_falls_back_to_code_page(tmp_path: Path) -> None:
    # Valid UTF-8 for the sniffed sample, then Windows-1256 bytes: decoded as cp1256, never raises.
    path = tmp_path / "a.txt"
    path.write_bytes(b"a" * 300_000 + BODY.encode("cp1256"))
    (art,) = run([path])
    assert isinstance(art, Article) and art.text.endswith(BODY)


# ---------------------------------------------------------------- sizes


def test_25_mb_text_file_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(25 * 2**20)  # sparse: instant to create, and never read
    assert only_skip(path) == "file too large: 25.0 MB > 16 MB"


def test_lowered_limits(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY * 10, encoding="utf-8")
    size_kb = path.stat().st_size / 1024
    assert only_skip(path, Limits(max_file_bytes=1000)) == f"file too large: {size_kb:.1f} KB > 1000 B"
    reason = only_skip(path, Limits(max_article_chars=100))
    assert reason == f"article too long: {len(BODY) * 10:,} characters > 100"
    json_path = tmp_path / "a.json"
    json_path.write_text(json.dumps([{"content": BODY}] * 50), encoding="utf-8")
    assert only_skip(json_path, Limits(max_json_bytes=100)).startswith("file too large")


# ---------------------------------------------------------------- folders


def test_symlink_loops_terminate(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "x.txt").write_text(BODY, encoding="utf-8")
    (root / "a" / "b" / "up").symlink_to(root, target_is_directory=True)
    (root / "a" / "self").symlink_to(root / "a", target_is_directory=True)
    (root / "z-alias").symlink_to(root / "a" / "b", target_is_directory=True)
    items = run([root])
    assert len([i for i in items if isinstance(i, Article)]) == 1
    loops = sorted(os.path.relpath(i.path, root) for i in items if isinstance(i, SkippedFile))
    assert loops == ["a/b/up", "a/self", "z-alias"]
    assert all("already read" in i.reason for i in items if isinstance(i, SkippedFile))


def test_depth_limit(tmp_path: Path) -> None:
    folder = tmp_path
    for level in range(6):
        (folder / f"f{level}.txt").write_text(f"{BODY} {level}", encoding="utf-8")
        folder = folder / f"d{level}"
        folder.mkdir()
    items = run([tmp_path], Limits(max_depth=2))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.doc_id for a in arts] == ["f2", "f1", "f0"]  # sorted walk: "d0" comes before "f0"
    (deep,) = [i for i in items if isinstance(i, SkippedFile)]
    assert deep.path == str(tmp_path / "d0" / "d1" / "d2") and "too deep" in deep.reason


def test_deep_tree_default_limit(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(40):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text(BODY, encoding="utf-8")
    items = run([tmp_path])
    assert len(items) == 1 and isinstance(items[0], SkippedFile) and "more than 32 levels" in items[0].reason


def test_broken_symlink_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "ignored.bin").symlink_to(tmp_path / "gone.bin")
    os.mkfifo(tmp_path / "pipe.txt")
    items = run([tmp_path])  # a FIFO must not block the run
    assert {(Path(i.path).name, i.reason) for i in items if isinstance(i, SkippedFile)} == {
        ("dangling.txt", "broken symlink"),
        ("pipe.txt", "not a regular file"),
    }
    fifo_source = SourceFile(path="pipe.txt", fingerprint="", fs_path=str(tmp_path / "pipe.txt"), kind="txt")
    (item,) = read_source(fifo_source)
    assert isinstance(item, SkippedFile) and item.reason == "not a regular file"


def test_vanished_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (source,) = discover([path])
    assert isinstance(source, SourceFile)
    path.unlink()
    (item,) = read_source(source)
    assert isinstance(item, SkippedFile) and item.reason == "cannot read: No such file or directory"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:
        # root reads everything: make the operating system refuse, as it does for other users
        from arabic_kg.ingest import discovery, readers

        real_open, real_scandir = os.open, os.scandir

        def deny_open(p, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(p).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied", str(p))
            return real_open(p, *args, **kwargs)

        def deny_scandir(p):  # type: ignore[no-untyped-def]
            if str(p).endswith("locked"):
                raise PermissionError(13, "Permission denied", str(p))
            return real_scandir(p)

        monkeypatch.setattr(readers.os, "open", deny_open)
        monkeypatch.setattr(discovery.os, "scandir", deny_scandir)
    path.chmod(0)
    locked.chmod(0)
    try:
        reasons = {Path(i.path).name: i.reason for i in run([tmp_path]) if isinstance(i, SkippedFile)}
    finally:
        locked.chmod(0o755)
        path.chmod(0o644)
    assert reasons == {
        "secret.txt": "cannot read: Permission denied",
        "locked": "cannot read: Permission denied",
    }


def test_odd_file_names(tmp_path: Path) -> None:
    for name in ["خبر عاجل.txt", "a b.TXT", "x.tar.json", "-dash.md"]:
        (tmp_path / name).write_text(
            json.dumps({"content": BODY}) if name.endswith("json") else BODY, "utf-8"
        )
    arts = [i for i in run([tmp_path]) if isinstance(i, Article)]
    assert sorted(a.doc_id for a in arts) == sorted(["خبر عاجل", "a b", "x.tar", "-dash"])


# ---------------------------------------------------------------- zip archives


def test_zip_bomb_member_skipped(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b" " * (20 * 2**20))  # 20 MB of spaces compresses ~1000:1
        zf.writestr("ok.txt", BODY)
    items = run([archive])
    (bomb,) = [i for i in items if isinstance(i, SkippedFile)]
    assert (
        bomb.path == f"{archive}::bomb.txt"
        and "compression ratio" in bomb.reason
        and "zip bomb" in bomb.reason
    )
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["ok"]


def test_zip_member_too_large(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.json", json.dumps([{"content": BODY}] * 100))
    assert only_skip(archive, Limits(max_member_bytes=1000)).startswith("zip member too large")


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04garbage" * 10, b""])
def test_bad_zip_archive(tmp_path: Path, content: bytes) -> None:
    archive = tmp_path / "a.zip"
    archive.write_bytes(content)
    assert only_skip(archive).startswith("bad zip archive")


def test_corrupt_zip_member(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", BODY * 5)
        zf.writestr("b.txt", BODY)
    data = bytearray(archive.read_bytes())
    start = data.index(BODY.encode())
    data[start + 10 : start + 20] = b"XXXXXXXXXX"  # breaks the CRC of a.txt
    archive.write_bytes(bytes(data))
    items = run([archive])
    assert isinstance(items[0], SkippedFile) and "CRC" in items[0].reason
    assert isinstance(items[1], Article) and items[1].text == BODY


def test_zip_traversal_names_are_not_extracted(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escape.txt", BODY)
        zf.writestr("/abs/path.txt", BODY)
    items = run([archive])
    assert [i.path for i in items] == [f"{archive}::/abs/path.txt"]
    assert sorted(os.listdir(tmp_path)) == ["a.zip"]


# ---------------------------------------------------------------- JSON


def test_deep_nesting_and_huge_numbers_skip_only_that_record(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    huge = "1" * 5000
    text = (
        f'[{{"content": "{BODY}"}}, {{"content": {deep}}}, {{"content": "{BODY} 2", "date": {huge}}},'
        f' {{"content": "{BODY} 3"}}]'
    )
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    items = run([path])
    assert [type(i).__name__ for i in items] == ["Article", "SkippedFile", "SkippedFile", "Article"]
    assert items[1].path == f"{path}::1" and "record not readable" in items[1].reason  # type: ignore[union-attr]
    assert items[3].doc_id == "a:3"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"just a string"', "expected a JSON object or array"),
        ("42", "expected a JSON object or array"),
        ("[{}, ", "unexpected end of file"),
        ('[{"content": "x"}] trailing', "expected a JSON object or array"),
        ('{"content": "x"', "Expecting ',' delimiter"),
        ("[{'content': 'x'}]", "Expecting property name"),
        ('[{"content": NaN}]', None),
    ],
)
def test_broken_or_odd_json(tmp_path: Path, text: str, expected: str | None) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    items = run([path])
    file_level = [i for i in items if isinstance(i, SkippedFile) and i.path == str(path)]
    if expected is None:
        assert not file_level and len(items) == 1 and isinstance(items[0], SkippedFile)
    else:
        assert len(file_level) == 1 and expected in file_level[0].reason, items


def test_oversized_record_is_skipped_unparsed(tmp_path: Path) -> None:
    # Over 12 x max_article_chars + 1 MiB of JSON: stepped over without building it.
    big = {"content": "ب" * 3_000_000, "nested": [{"a": ']}\\"{'}] * 10}
    records = [{"content": BODY}, big, {"content": BODY + " بعد"}]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = run([path], Limits(max_article_chars=1000))
    assert [type(i).__name__ for i in items] == ["Article", "SkippedFile", "Article"]
    assert "record too large" in items[1].reason  # type: ignore[union-attr]


def test_jsonl_line_too_long(tmp_path: Path) -> None:
    lines = [
        json.dumps({"content": BODY}),
        json.dumps({"content": "ب" * 500_000}),
        json.dumps({"content": BODY}),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = run([path], Limits(max_article_chars=1000))
    assert [type(i).__name__ for i in items] == ["Article", "SkippedFile", "Article"]
    assert items[1].reason.startswith("line too long")  # type: ignore[union-attr]
    assert items[2].path == f"{path}::2"


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 16, 64])
def test_stream_parser_at_every_chunk_boundary(chunk: int) -> None:
    # Numbers, literals, escapes and multibyte characters cut anywhere must parse like json.loads.
    values = [
        {"content": 'نص "مقتبس" \\ \u00e9', "n": 12345.678e-3, "ok": True, "none": None},
        {"b": [1, -2]},
    ]
    data = (" [ " + " , ".join(json.dumps(v, ensure_ascii=False) for v in values) + " ] ").encode()
    ts = TextStream(io.BytesIO(data), chunk=chunk)
    assert [value for _, value in iter_json(ts, cap=10**6)] == values


def test_stream_parser_error_offset_in_bytes() -> None:
    data = '[{"c": "عربي"}, {"c": "نص"} !]'.encode()
    ts = TextStream(io.BytesIO(data), chunk=4)
    with pytest.raises(JsonSyntax) as info:
        list(iter_json(ts, cap=10**6))
    assert info.value.offset == data.index(b"!")


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    "page",
    [
        f"<html><head><title>عنوان<body><p>{BODY}",  # unclosed head and title
        f"<p>{BODY}<script>never closed <p>hidden",
        f"<div><div><div>{BODY}</span></b></div>",
        f"<p>{BODY} &bogus; &#xFFFFFF; &#0; &amp</p><!-- comment <p>x</p> --><![CDATA[ raw ]]>",
        f"<svg/><p>{BODY}</p><br/><nav/>",
    ],
)
def test_malformed_html(tmp_path: Path, page: str) -> None:
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    (item,) = run([path])
    assert isinstance(item, Article) and BODY in item.text and "hidden" not in item.text
    assert "\x00" not in item.text


# ---------------------------------------------------------------- fuzz


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl"]))
def test_fuzz_never_raises(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = run([path])
    assert items
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip() and "\x00" not in item.text and "\r" not in item.text


def test_control_only_content_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"title": "عنوان", "content": "\x00\x01\x1b"}, {"content": BODY}]), "utf-8")
    items = run([path])
    assert isinstance(items[0], SkippedFile) and items[0].reason == "no text ('content' is empty)"
    assert isinstance(items[1], Article)


def test_html_time_in_footer_is_not_the_date(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(f'<p>{BODY}</p><footer><time datetime="1999-01-01">©</time></footer>', "utf-8")
    (item,) = run([path])
    assert isinstance(item, Article) and item.date is None


@pytest.mark.parametrize("charset", ["rot13", "nonsense", "utf-8", "iso-8859-6"])
def test_wrong_declared_charset(tmp_path: Path, charset: str) -> None:
    # Windows-1256 bytes whatever the page claims: a bogus or wrong declaration must not break decoding.
    path = tmp_path / "a.html"
    path.write_bytes(f'<meta charset="{charset}"><p>{BODY}</p>'.encode("cp1256"))
    (item,) = run([path])
    assert isinstance(item, Article)
    assert (item.text == BODY) == (charset != "iso-8859-6")  # a real code page declaration is believed
