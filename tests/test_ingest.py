"""Ingest: formats, metadata styles, encodings, discovery and zip archives (fixtures generated here)."""

from __future__ import annotations

import json
import os
import pickle
import time
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import pytest

from arabic_kg.ingest import (
    InputError,
    Limits,
    SourceFile,
    content_hash,
    discover,
    iter_articles,
    read_source,
)
from arabic_kg.models import Article, SkippedFile

TITLE = "القوات الحكومية تستعيد السيطرة على بلدة في ريف حماة"
BODY = (
    "أعلنت القيادة العامة للجيش أن وحداتها استعادت السيطرة على البلدة بعد اشتباكات استمرت ثلاثة أيام.\n"
    "وقال مصدر عسكري إن العمليات ما زالت جارية في القرى المجاورة."
)


def articles(items: list[Article | SkippedFile]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skips(items: list[Article | SkippedFile]) -> list[SkippedFile]:
    return [item for item in items if isinstance(item, SkippedFile)]


def read_one(path: Path, limits: Limits = Limits()) -> Article | SkippedFile:
    items = list(iter_articles([path], limits))
    assert len(items) == 1, items
    return items[0]


def read_article(path: Path) -> Article:
    item = read_one(path)
    assert isinstance(item, Article), item
    return item


# ---------------------------------------------------------------- plain text


def test_txt_english_header(tmp_path: Path) -> None:
    raw = (
        f"Title: {TITLE}\nsource: Al-Watan\nURL: https://example.org/a/1\ndate: 2015-09-30\n"
        f"author: Reporter\n\n{BODY}\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.text == raw  # the whole file, header included: offsets point into the file
    assert (art.title, art.source, art.url, art.date, art.author) == (
        TITLE,
        "Al-Watan",
        "https://example.org/a/1",
        "2015-09-30",
        "Reporter",
    )
    assert art.doc_id == "report"
    assert art.path == str(path)
    assert art.id == art.content_hash[:16] == content_hash(raw)[:16]


def test_txt_arabic_header_keys(tmp_path: Path) -> None:
    raw = (
        f"المصدر: الوطن\nالرابط: https://example.org/x\nالتاريخ: 2015-09-30\nالكاتب: محرر\n\n{TITLE}\n{BODY}"
    )
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.source == "الوطن" and art.url == "https://example.org/x"
    assert art.date == "2015-09-30" and art.author == "محرر"
    assert art.title == TITLE  # first non-empty line after the header
    assert art.text == raw


def test_txt_arabic_title_key(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"العنوان: {TITLE}\n\n{BODY}", encoding="utf-8")
    assert read_article(path).title == TITLE


def test_txt_seed_style(tmp_path: Path) -> None:
    # Same layout as the shared seed articles: "- <source name> - <url> -", blank line, title, body.
    raw = f"- موقع الأخبار - https://news.example.com -\n\n{TITLE}\n\n{BODY}\n"
    path = tmp_path / "000_abc.txt"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.source == "موقع الأخبار"
    assert art.url == "https://news.example.com"
    assert art.title == TITLE
    assert art.text == raw
    assert art.doc_id == "000_abc"


def test_txt_without_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    art = read_article(path)
    assert art.title == TITLE
    assert art.source is None and art.url is None and art.date is None


def test_header_needs_blank_line(tmp_path: Path) -> None:
    # A "key: value" line glued to the body is body text, not a header.
    raw = f"title: not a header\n{BODY}"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.title == "title: not a header"


def test_colon_in_first_line_is_not_header(tmp_path: Path) -> None:
    raw = f"مصادر: تعاون عسكري بين البلدين\n\n{BODY}"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.title == "مصادر: تعاون عسكري بين البلدين" and art.source is None


def test_long_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("كلمة " * 200, encoding="utf-8")
    assert read_article(path).title is None


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    raw = f'---\ntitle: "{TITLE}"\nsource: وكالة\ntags: x\n---\n\n{BODY}\n'
    path = tmp_path / "a.md"
    path.write_text(raw, encoding="utf-8")
    art = read_article(path)
    assert art.title == TITLE and art.source == "وكالة" and art.text == raw

    path2 = tmp_path / "b.md"
    path2.write_text(f"# {TITLE}\n\n{BODY}", encoding="utf-8")
    assert read_article(path2).title == TITLE


def test_only_header_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: x\nsource: y\n\n\n", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, SkippedFile) and "no text" in item.reason


def test_text_cleaning(tmp_path: Path) -> None:
    raw = "\ufeff" + f"{TITLE}\r\n\r\nسطر\x00 أول\x07\tمع\x1b جدول\x85\rسطر ثان\x7f\r\n{BODY}\r"
    path = tmp_path / "dirty.txt"
    path.write_bytes(raw.encode("utf-8"))
    art = read_article(path)
    assert art.text == f"{TITLE}\n\nسطر أول\tمع جدول\nسطر ثان\n{BODY}\n"
    assert art.title == TITLE


# ---------------------------------------------------------------- encodings

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1256", "iso-8859-6"]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    raw = f"المصدر: الوطن\n\n{TITLE}\n{BODY}\n"
    path = tmp_path / "a.txt"
    path.write_bytes(_encode(raw, encoding))
    art = read_article(path)
    assert art.text == raw
    assert art.title == TITLE and art.source == "الوطن"


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
@pytest.mark.parametrize("text", ["سوريا", "في دمشق", "ضربات جوية على الرقة"])
def test_short_single_byte_texts(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256"])
def test_json_encodings(tmp_path: Path, encoding: str) -> None:
    records = [{"title": TITLE, "content": BODY}, {"title": "خبر ثان", "content": "نص الخبر الثاني."}]
    path = tmp_path / "a.json"
    path.write_bytes(json.dumps(records, ensure_ascii=False).encode(encoding))
    arts = articles(list(iter_articles([path])))
    assert [a.title for a in arts] == [TITLE, "خبر ثان"]
    assert arts[0].text == f"{TITLE}\n\n{BODY}"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1256"])
def test_jsonl_encodings(tmp_path: Path, encoding: str) -> None:
    lines = [json.dumps({"content": BODY, "title": TITLE}, ensure_ascii=False)] * 2
    path = tmp_path / "a.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding))
    arts = articles(list(iter_articles([path])))
    assert len(arts) == 2 and arts[1].title == TITLE


def test_html_declared_charset(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1256"><title>{TITLE}</title></head><body><p>{BODY}</p></body>'
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("cp1256"))
    art = read_article(path)
    assert art.title == TITLE and BODY.split("\n")[0] in art.text


# ---------------------------------------------------------------- HTML

PAGE = f"""<!DOCTYPE html>
<html lang="ar"><head>
<meta charset="utf-8">
<title>{TITLE}</title>
<meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2015-09-30T10:00:00Z">
<link rel="canonical" href="https://example.org/news/1">
<style>body {{ color: red }}</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<header><a href="/">الرئيسية</a></header>
<nav><ul><li>سياسة</li><li>رياضة</li></ul></nav>
<article>
  <h1>{TITLE}</h1>
  <p>أعلنت   القيادة
     العامة &amp; الجيش&nbsp;أن وحداتها تقدمت.</p>
  <div>وقال مصدر<br>عسكري إن العمليات مستمرة.</div>
  <noscript>فعّل جافاسكربت</noscript>
  <form><input value="بحث"><button>أرسل</button></form>
  <svg><text>شعار</text></svg>
  <iframe src="x">إطار</iframe>
  <template><p>قالب</p></template>
</article>
<aside>الأكثر قراءة</aside>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    art = read_article(path)
    assert art.text == (
        f"{TITLE}\nأعلنت القيادة العامة & الجيش\u00a0أن وحداتها تقدمت.\nوقال مصدر\nعسكري إن العمليات مستمرة."
    )  # body starts with the h1 = title, so the title is not repeated
    assert art.title == TITLE
    assert art.url == "https://example.org/news/1"
    assert art.date == "2015-09-30T10:00:00Z"
    assert art.source == "صحيفة المثال"
    assert art.doc_id == "page"
    for hidden in (
        "الرئيسية",
        "سياسة",
        "not text",
        "جافاسكربت",
        "بحث",
        "شعار",
        "إطار",
        "قالب",
        "الأكثر",
        "الحقوق",
    ):
        assert hidden not in art.text


def test_html_title_prepended_and_fallbacks(tmp_path: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text(
        f'<meta property="og:title" content="{TITLE}"><meta property="og:url" content="https://e.org/2">'
        f'<p>{BODY}</p><time datetime="2015-10-01">أمس</time>',
        encoding="utf-8",
    )
    art = read_article(path)
    assert art.title == TITLE and art.url == "https://e.org/2" and art.date == "2015-10-01"
    # The newline inside <p> is HTML whitespace: it becomes a space.
    assert art.text == f"{TITLE}\n\n{BODY.replace(chr(10), ' ')}\nأمس"

    path2 = tmp_path / "b.html"
    path2.write_text(f"<body><h1>{TITLE}</h1><p>{BODY}</p></body>", encoding="utf-8")
    art2 = read_article(path2)
    assert art2.title == TITLE and art2.text == f"{TITLE}\n{BODY.replace(chr(10), ' ')}"


def test_html_blank_lines_collapsed(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<div><div><p>سطر أول</p>\n\n\n<p></p><br><br><div>سطر ثان</div></div></div>", encoding="utf-8"
    )
    assert read_article(path).text == "سطر أول\nسطر ثان"


def test_html_only_scripts_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>عنوان</title><script>alert(1)</script></head><body><script>x()</script>"
        "<style>p{}</style></body></html>",
        encoding="utf-8",
    )
    item = read_one(path)
    assert isinstance(item, SkippedFile) and item.reason == "no text"


# ---------------------------------------------------------------- JSON and JSON lines


def test_json_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": TITLE, "content": BODY, "url": "https://e.org/1"}), encoding="utf-8")
    art = read_article(path)
    assert art.doc_id == "one" and art.path == str(path)
    assert art.text == f"{TITLE}\n\n{BODY}" and art.url == "https://e.org/1"


def test_json_array_saudinewsnet_shape(tmp_path: Path) -> None:
    records = [
        {
            "source": "aawsat",
            "url": f"http://example.com/{i}",
            "date_extracted": "2015-07-22 00:05:53",
            "title": f"{TITLE} {i}",
            "author": "الرياض: مراسل",
            "content": BODY,
        }
        for i in range(3)
    ]
    path = tmp_path / "2015-07-22.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=4), encoding="utf-8")
    arts = articles(list(iter_articles([path])))
    assert [a.doc_id for a in arts] == ["2015-07-22:0", "2015-07-22:1", "2015-07-22:2"]
    assert [a.path for a in arts] == [f"{path}::{i}" for i in range(3)]
    first = arts[0]
    assert first.text == f"{TITLE} 0\n\n{BODY}"
    assert (first.source, first.date, first.author, first.url) == (
        "aawsat",
        "2015-07-22 00:05:53",
        "الرياض: مراسل",
        "http://example.com/0",
    )


def test_json_content_not_repeated_when_it_starts_with_title(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"title": TITLE, "text": f"{TITLE}\n{BODY}"}]), encoding="utf-8")
    assert articles(list(iter_articles([path])))[0].text == f"{TITLE}\n{BODY}"


def test_json_bad_records_and_odd_types(tmp_path: Path) -> None:
    records: list[object] = [
        {"content": ["فقرة"], "title": "قائمة"},  # list content -> skipped
        {"content": 42},  # number content -> skipped
        {"content": None, "text": None},  # nulls -> skipped
        {"title": "بلا نص"},  # no text field -> skipped
        {"content": "   "},  # blank -> skipped
        "just a string",  # not an object -> skipped
        {
            "content": ["x"],
            "text": BODY,
            "title": ["list title"],
            "date": 20150722,
            "url": {"a": 1},
            "source": None,
            "author": 7,
        },
        {"body": BODY, "date": 1.5e9},
        {"content": BODY, "date": True, "date_extracted": "2015-07-22"},
    ]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    items = list(iter_articles([path]))
    assert len(items) == len(records)
    reasons = {s.path: s.reason for s in skips(items)}
    assert reasons == {
        f"{path}::0": "no text ('content' is a list)",
        f"{path}::1": "no text ('content' is a number)",
        f"{path}::2": "no text (no content, text or body field)",
        f"{path}::3": "no text (no content, text or body field)",
        f"{path}::4": "no text ('content' is empty)",
        f"{path}::5": "record is a string, not an object",
    }
    six, seven, eight = articles(items)
    assert six.text == BODY and six.title is None and six.date == "20150722"
    assert six.url is None and six.source is None and six.author is None
    assert six.doc_id == "mixed:6"
    assert seven.date == "1500000000.0"
    assert eight.date == "2015-07-22"  # booleans are not dates


def test_json_wrapper_object(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(
        json.dumps({"status": "ok", "articles": [{"content": BODY}, {"text": "نص آخر"}]}), "utf-8"
    )
    arts = articles(list(iter_articles([path])))
    assert [a.doc_id for a in arts] == ["feed:0", "feed:1"]


def test_json_lines_in_json_file(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text("\n".join(json.dumps({"content": f"{BODY} {i}"}) for i in range(3)), encoding="utf-8")
    assert [a.doc_id for a in articles(list(iter_articles([path])))] == ["lines:0", "lines:1", "lines:2"]


def test_jsonl_with_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "أ", "content": BODY}),
        '{"title": "broken", "content": "نص',
        "",
        json.dumps({"title": "ب", "content": BODY + " ب"}),
        "[1, 2]",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    arts = articles(items)
    assert [(a.title, a.doc_id, a.path) for a in arts] == [
        ("أ", "feed:0", f"{path}::0"),
        ("ب", "feed:3", f"{path}::3"),
    ]
    bad = skips(items)
    assert [s.path for s in bad] == [f"{path}::1", f"{path}::4"]
    assert bad[0].reason.startswith("broken JSON line: Unterminated string")
    assert bad[1].reason == "record is a list, not an object"


def test_jsonl_holding_an_array(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps([{"content": BODY}, {"content": "ب"}], indent=2), encoding="utf-8")
    assert len(articles(list(iter_articles([path])))) == 2


def test_truncated_json_keeps_earlier_records(tmp_path: Path) -> None:
    text = json.dumps([{"title": f"t{i}", "content": f"{BODY} {i}"} for i in range(5)], ensure_ascii=False)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) * 3 // 4], encoding="utf-8")
    items = list(iter_articles([path]))
    arts = articles(items)
    assert [a.title for a in arts] == ["t0", "t1", "t2"]
    (bad,) = skips(items)
    assert bad.path == str(path)
    assert bad.reason.startswith("broken JSON at byte ") and "after 3 records" in bad.reason


def test_broken_json_byte_offset(tmp_path: Path) -> None:
    good = json.dumps({"content": BODY}, ensure_ascii=False)
    data = f"[{good}, {good} oops]".encode()
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    (bad,) = skips(list(iter_articles([path])))
    assert bad.reason.startswith(f"broken JSON at byte {data.index(b'oops')}: ")


def test_empty_json_array(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("[ ]", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, SkippedFile) and item.reason == "no records"


def test_large_json_array_is_streamed(tmp_path: Path) -> None:
    record = {"title": TITLE, "content": (BODY + "\n") * 20, "source": "x", "date_extracted": "2015-07-22"}
    path = tmp_path / "big.json"
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        while out.tell() < 20 * 2**20:
            out.write(("," if count else "") + json.dumps(dict(record, url=f"u{count}"), ensure_ascii=False))
            count += 1
        out.write("\n]")
    tracemalloc.start()
    try:
        seen = 0
        for item in iter_articles([path]):
            assert isinstance(item, Article)
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < 12 * 2**20, f"peak {peak / 2**20:.1f} MB for a {path.stat().st_size / 2**20:.0f} MB file"


# ---------------------------------------------------------------- identity


def test_same_article_same_id(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    # Same content: other file name, CRLF, extra spaces, decomposed form of the same letters.
    decomposed = unicodedata.normalize("NFD", f"{TITLE}\r\n\r\n  {BODY.replace(' ', '   ')}  \r\n")
    (tmp_path / "b" / "y.txt").write_bytes(decomposed.encode("utf-8"))
    one, two = articles(list(iter_articles([tmp_path])))
    assert one.id == two.id and one.content_hash == two.content_hash
    assert len(one.id) == 16 and len(one.content_hash) == 64
    assert one.doc_id == "x" and two.doc_id == "y"


def test_content_hash_normalization() -> None:
    assert content_hash(" a \n\t b ") == content_hash("a b")
    assert content_hash("\u0622") == content_hash("\u0627\u0653")  # آ composed vs decomposed
    assert content_hash("a b") != content_hash("ab")


# ---------------------------------------------------------------- discovery


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    missing = tmp_path / "nope"
    with pytest.raises(InputError, match="path not found") as info:
        iter_articles([tmp_path, missing])  # raised at the call, before any iteration
    assert str(missing) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError):
        discover([str(missing)])
    with pytest.raises(InputError):
        discover([])


def test_discover_order_hidden_and_extensions(tmp_path: Path) -> None:
    for rel in [
        "b.txt",
        "a.md",
        "c.HTML",
        "sub/z.json",
        "sub/a.jsonl",
        "x.pdf",
        "y.docx",
        "noext",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/k.txt",
        "d.htm",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY, encoding="utf-8")
    found = list(discover([tmp_path]))
    assert all(isinstance(s, SourceFile) for s in found)
    names = [os.path.relpath(s.path, tmp_path) for s in found]  # type: ignore[union-attr]
    assert names == ["a.md", "b.txt", "c.HTML", "d.htm", "sub/a.jsonl", "sub/z.json"]
    assert [s.kind for s in found] == ["md", "txt", "html", "html", "jsonl", "json"]  # type: ignore[union-attr]


def test_explicit_unsupported_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    (item,) = list(discover([path]))
    assert isinstance(item, SkippedFile) and "unsupported file type" in item.reason


def test_fingerprint_changes_with_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (before,) = discover([path])
    assert isinstance(before, SourceFile)
    path.write_text(BODY + " تحديث", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    (after,) = discover([path])
    assert isinstance(after, SourceFile) and after.fingerprint != before.fingerprint
    (again,) = discover([path])
    assert again == after


def test_source_file_pickles_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (source,) = discover([path])
    assert isinstance(source, SourceFile)
    clone = pickle.loads(pickle.dumps(source))
    (art,) = read_source(clone)
    assert isinstance(art, Article) and art.text == BODY


def test_same_file_twice_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(path)
    assert len(list(iter_articles([tmp_path, path]))) == 1


# ---------------------------------------------------------------- zip archives


def test_zip_read_in_place(tmp_path: Path) -> None:
    records = [{"title": TITLE, "content": BODY}, {"title": "ثان", "content": "نص ثان"}]
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("day/2015-07-22.json", json.dumps(records, ensure_ascii=False))
        zf.writestr("notes/report.txt", f"source: وكالة\n\n{TITLE}\n{BODY}")
        zf.writestr("notes/page.html", f"<title>{TITLE}</title><p>{BODY}</p>")
        zf.writestr("img/logo.png", b"\x89PNG\r\n\x1a\n")
        zf.writestr("__MACOSX/notes/._report.txt", b"\x00\x05\x16\x07")
        zf.writestr(".hidden/a.txt", BODY)
        zf.writestr("inner.zip", b"PK\x05\x06" + b"\x00" * 18)
        zf.writestr("empty-dir/", b"")
    items = list(iter_articles([archive]))
    arts = articles(items)
    assert [a.path for a in arts] == [
        f"{archive}::day/2015-07-22.json::0",
        f"{archive}::day/2015-07-22.json::1",
        f"{archive}::notes/page.html",
        f"{archive}::notes/report.txt",
    ]
    assert [a.doc_id for a in arts] == ["2015-07-22:0", "2015-07-22:1", "page", "report"]
    assert arts[3].source == "وكالة" and arts[3].title == TITLE
    (nested,) = skips(items)
    assert nested.path == f"{archive}::inner.zip" and "nested zip" in nested.reason
    assert sorted(os.listdir(tmp_path)) == ["corpus.zip"]  # nothing extracted

    sources = [s for s in discover([archive]) if isinstance(s, SourceFile)]
    assert sources[0].member == "day/2015-07-22.json" and sources[0].fs_path == str(archive)
    assert len({s.fingerprint for s in sources}) == len(sources)
    assert articles(list(read_source(sources[0])))[0].title == TITLE  # read_source alone opens the zip too


def test_zip_with_many_members_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(2000):
            zf.writestr(f"n/{i:04d}.txt", f"{BODY} {i}")
    opened: list[str] = []

    class Counting(zipfile.ZipFile):
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(str(args[0]))
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile, "ZipFile", Counting)
    sources = [s for s in discover([archive]) if isinstance(s, SourceFile)]
    count = sum(isinstance(item, Article) for source in sources for item in read_source(source))
    assert count == 2000
    assert len(opened) == 2  # once to list the members, once to read them all
