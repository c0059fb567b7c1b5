"""Turning a SourceFile into Articles: plain text/markdown, HTML, JSON and JSON lines."""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import stat
import threading
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..models import Article, SkippedFile
from .discovery import SourceFile, discover, os_reason, skipped
from .encoding import NotText, clean_text, content_hash, decode_bytes
from .htmltext import declared_charset, parse_html
from .jsonstream import CHUNK, JsonSyntax, TextStream, Unparsed, iter_json, iter_lines
from .limits import Limits, too_large

_RATIO_MIN_BYTES = 64 * 1024  # below this a high compression ratio is harmless
_MAX_TITLE = 300  # a "first line" longer than this is a paragraph, not a title

_HEADER_KEYS: dict[str, str] = {
    "source": "source",
    "url": "url",
    "link": "url",
    "date": "date",
    "title": "title",
    "author": "author",
    "المصدر": "source",
    "الرابط": "url",
    "التاريخ": "date",
    "العنوان": "title",
    "الكاتب": "author",
    "المؤلف": "author",
}
_HEADER_LINE = re.compile(r"^\s*([^\s:：][^:：]{0,40}?)\s*[:：]\s*(.*?)\s*$")
_OTHER_KEY = re.compile(r"^[A-Za-z][\w\-]*$")  # unknown keys allowed in a header (tags, lang ...)
_SEED_LINE = re.compile(r"^-\s*(.*?)\s+-\s+(\S+)\s*-\s*$")  # "- <source name> - <url> -"
_MAX_HEADER_LINES = 30
_TEXT_KEYS = ("content", "text", "body")
_DATE_KEYS = ("date", "date_extracted", "published_at", "published")
_WRAPPER_KEYS = ("articles", "data", "items", "records", "results", "documents", "docs", "posts", "news")


class _Skip(Exception):
    """Ends the reading of one source with a reason."""


# ---------------------------------------------------------------- public API


def read_source(source: SourceFile, limits: Limits = Limits()) -> Iterator[Article | SkippedFile]:
    """The articles of one source, and SkippedFiles for what could not be read.

    Never raises for bad content or I/O errors: they become SkippedFiles. Members of one zip read one
    after another share an open archive (see _Archives): a zip of 10,000 files is opened once.
    """
    yield from _read(source, limits, _thread_archives())


def iter_articles(paths: Sequence[str | Path], limits: Limits = Limits()) -> Iterator[Article | SkippedFile]:
    """discover + read_source. Raises InputError at once (not at the first next()) for a missing path."""
    return _iter_articles(discover(paths, limits), limits)


def _iter_articles(
    sources: Iterator[SourceFile | SkippedFile], limits: Limits
) -> Iterator[Article | SkippedFile]:
    archives = _Archives()
    try:
        for source in sources:
            if isinstance(source, SkippedFile):
                yield source
            else:
                yield from _read(source, limits, archives)
    finally:
        archives.close()


class _Archives:
    """Keeps the last zip archive open: reopening it per member would re-read its whole directory each time.

    The archive is reopened when the file changed on disk, or in a forked child (which must not share a
    file offset with its parent). Not for sharing between threads: read_source keeps one per thread.
    """

    def __init__(self) -> None:
        self._key: tuple[str, int, int, int] | None = None
        self._zip: zipfile.ZipFile | None = None

    def get(self, path: str) -> zipfile.ZipFile:
        st = os.stat(path)
        key = (path, st.st_size, st.st_mtime_ns, os.getpid())
        if self._zip is None or self._key != key:
            if self._key is not None and self._key[3] == key[3]:
                self.close()
            self._zip = zipfile.ZipFile(path)  # a parent's ZipFile is only dropped in a child, not closed
            self._key = key
        return self._zip

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._zip, self._key = None, None


_THREAD = threading.local()


def _thread_archives() -> _Archives:
    archives = getattr(_THREAD, "archives", None)
    if archives is None:
        archives = _THREAD.archives = _Archives()
    return archives


# ---------------------------------------------------------------- opening


@contextlib.contextmanager
def _open(source: SourceFile, limits: Limits, archives: _Archives) -> Iterator[tuple[IO[bytes], int]]:
    """The byte stream of a source and its size; limits on sizes and zip bombs are checked here."""
    if source.member is None:
        # O_NONBLOCK: a FIFO renamed .txt must not hang the run; it is rejected by fstat below.
        fd = os.open(source.fs_path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as stream:
            st = os.fstat(stream.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise _Skip("not a regular file")
            yield stream, st.st_size
        return
    with contextlib.ExitStack() as stack:
        archive = archives.get(source.fs_path)
        try:
            info = archive.getinfo(source.member)
        except KeyError:
            raise _Skip("member no longer in the archive") from None
        if info.flag_bits & 0x1:
            raise _Skip("encrypted zip member")
        if info.file_size > limits.max_member_bytes:
            raise _Skip(too_large(info.file_size, limits.max_member_bytes, "zip member"))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_BYTES and ratio > limits.max_compression_ratio:
            limit = limits.max_compression_ratio
            raise _Skip(f"suspicious compression ratio {ratio:.0f}:1 > {limit:g}:1 (zip bomb?)")
        # ZipExtFile never returns more than the declared file_size, so the checks above hold.
        yield stack.enter_context(archive.open(info)), info.file_size


def _read(source: SourceFile, limits: Limits, archives: _Archives) -> Iterator[Article | SkippedFile]:
    try:
        with _open(source, limits, archives) as (stream, size):
            if source.kind in ("json", "jsonl"):
                if size > limits.max_json_bytes:
                    raise _Skip(too_large(size, limits.max_json_bytes))
                if size == 0:
                    raise _Skip("empty file")
                yield from _read_json(stream, source, limits)
                return
            if size > limits.max_file_bytes:
                raise _Skip(too_large(size, limits.max_file_bytes))
            data = stream.read(limits.max_file_bytes + 1)  # bounded even if the file grew since fstat
            if len(data) > limits.max_file_bytes:
                raise _Skip(too_large(len(data), limits.max_file_bytes))
            if source.kind == "html":
                yield _read_html(data, source, limits)
            else:
                yield _read_text(data, source, limits)
    except _Skip as skip:
        yield skipped(source.path, str(skip))
    except NotText as err:
        yield skipped(source.path, str(err))
    except OSError as err:
        yield skipped(source.path, os_reason(err))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
        yield skipped(source.path, f"bad zip archive or member: {err}")
    except Exception as err:  # the contract: bad content never stops a run, whatever the bug
        yield skipped(source.path, f"unexpected error: {type(err).__name__}: {err}")


# ---------------------------------------------------------------- articles


def _meta(value: Any) -> str | None:
    """A metadata string: cleaned, whitespace squashed; None for non-strings and blanks."""
    if not isinstance(value, str):
        return None
    return " ".join(clean_text(value).split()) or None


def _article(text: str, path: str, doc_id: str, limits: Limits, **meta: str | None) -> Article | SkippedFile:
    if len(text) > limits.max_article_chars:
        return skipped(path, f"article too long: {len(text):,} characters > {limits.max_article_chars:,}")
    digest = content_hash(text)
    return Article(id=digest[:16], content_hash=digest, text=text, path=path, doc_id=doc_id, **meta)


def _with_title(title: str | None, body: str) -> str:
    """title + blank line + body, unless the body already starts with the title."""
    return f"{title}\n\n{body}" if title and not body.startswith(title) else body


def _decode(data: bytes, declared: str | None = None) -> str:
    if not data:
        raise _Skip("empty file")
    text = clean_text(decode_bytes(data, declared)[0])
    if not text.strip():
        raise _Skip("empty file")
    return text


# ---------------------------------------------------------------- plain text and markdown


def _header_value(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]  # YAML-style quoting
    return value


def _key_values(lines: list[str]) -> dict[str, str] | None:
    """Known keys of `key: value` lines; None if a line is not one or no known key is present."""
    found: dict[str, str] = {}
    known = False
    for line in lines:
        match = _HEADER_LINE.match(line)
        if not match:
            return None
        key = match.group(1).strip().casefold()
        canonical = _HEADER_KEYS.get(key)
        if canonical is None:
            if not _OTHER_KEY.match(key):
                return None
            continue
        known = True
        value = _header_value(match.group(2))
        if value:
            found.setdefault(canonical, value)
    return found if known else None


def parse_text_header(text: str) -> tuple[dict[str, str], int]:
    """Metadata of a plain-text article and the index of the first line after the header.

    Styles: YAML front matter between `---` lines; `key: value` lines (English or Arabic keys) ended
    by a blank line; the seed style first line `- <source name> - <url> -`.
    """
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines):
        return {}, start
    first = lines[start].strip()
    if first == "---":
        for end in range(start + 1, min(len(lines), start + _MAX_HEADER_LINES + 2)):
            if lines[end].strip() in ("---", "..."):
                block = [line for line in lines[start + 1 : end] if line.strip()]
                found = _key_values(block)
                return (found, end + 1) if found is not None else ({}, start)
        return {}, start
    seed = _SEED_LINE.match(first)
    if seed:
        return {"source": seed.group(1), "url": seed.group(2)}, start + 1
    end = start
    while end < len(lines) and lines[end].strip() and end - start < _MAX_HEADER_LINES:
        end += 1
    if end > start and (end == len(lines) or not lines[end].strip()):
        found = _key_values(lines[start:end])
        if found is not None:
            return found, end
    return {}, start


def _read_text(data: bytes, source: SourceFile, limits: Limits) -> Article | SkippedFile:
    text = _decode(data)
    meta, body_start = parse_text_header(text)
    rest = [line for line in text.split("\n")[body_start:] if line.strip()]
    if not rest:
        return skipped(source.path, "no text (only a header)")
    title = meta.get("title")
    if title is None:
        line = rest[0].strip()
        if source.kind == "md":
            line = line.lstrip("#").strip()
        title = line if len(line) <= _MAX_TITLE else None
    return _article(
        text,
        source.path,
        source.stem,
        limits,
        title=_meta(title),
        date=_meta(meta.get("date")),
        url=_meta(meta.get("url")),
        source=_meta(meta.get("source")),
        author=_meta(meta.get("author")),
    )


# ---------------------------------------------------------------- HTML


def _read_html(data: bytes, source: SourceFile, limits: Limits) -> Article | SkippedFile:
    text = _decode(data, declared_charset(data[:4096]))
    doc = parse_html(text)
    body = clean_text(doc.body)  # character references can produce control characters again
    if not body.strip():
        return skipped(source.path, "no text")
    title = _meta(doc.title)
    return _article(
        _with_title(title, body),
        source.path,
        source.stem,
        limits,
        title=title,
        date=_meta(doc.date),
        url=_meta(doc.url),
        source=_meta(doc.source),
        author=_meta(doc.author),
    )


# ---------------------------------------------------------------- JSON


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def _date(record: dict[str, Any]) -> str | None:
    for key in _DATE_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return _meta(value)
        # bool is an int subclass; a timestamp is a real number, true/false is not.
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return str(value)
    return None


def record_to_article(record: Any, path: str, doc_id: str, limits: Limits) -> Article | SkippedFile:
    """One JSON record (SaudiNewsNet shape: content/text/body + title, date, url, source, author)."""
    if isinstance(record, Unparsed):
        return skipped(path, record.reason)
    if not isinstance(record, dict):
        return skipped(path, f"record is {_type_name(record)}, not an object")
    # Cleaned before the emptiness test: a string of control characters is no text either.
    content = next(
        (
            text
            for key in _TEXT_KEYS
            if isinstance(v := record.get(key), str) and (text := clean_text(v).strip())
        ),
        None,
    )
    if content is None:
        present = [key for key in _TEXT_KEYS if record.get(key) is not None]
        if not present:
            return skipped(path, "no text (no content, text or body field)")
        key = present[0]
        value = record[key]
        what = "empty" if isinstance(value, str) else _type_name(value)
        return skipped(path, f"no text ('{key}' is {what})")
    title = _meta(record.get("title"))
    return _article(
        _with_title(title, content),
        path,
        doc_id,
        limits,
        title=title,
        date=_date(record),
        url=_meta(record.get("url")) or _meta(record.get("link")),
        source=_meta(record.get("source")),
        author=_meta(record.get("author")),
    )


def _unwrap(record: Any) -> list[Any] | None:
    """The record list of a wrapper object such as {"articles": [...]}, if that is what it is."""
    if not isinstance(record, dict) or any(key in record for key in _TEXT_KEYS):
        return None
    lists = {k: v for k, v in record.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
    for key in _WRAPPER_KEYS:
        if key in lists:
            return lists[key]
    return next(iter(lists.values())) if len(lists) == 1 else None


def _read_json(stream: IO[bytes], source: SourceFile, limits: Limits) -> Iterator[Article | SkippedFile]:
    ts = TextStream(stream)
    # Worst case a character takes 12 JSON chars (surrogate pair escapes): past that, no record can fit.
    cap = 12 * limits.max_article_chars + CHUNK
    first = re.search(r"\S", ts.buf)
    if source.kind == "jsonl" and not (first and first.group() == "["):
        yield from _read_json_lines(ts, source, limits, cap)
        return
    count = 0
    try:
        for index, record in iter_json(ts, cap):
            if index is None:
                records = _unwrap(record)
                if records is None:
                    yield record_to_article(record, source.path, source.stem, limits)
                    count += 1
                    continue
                for i, item in enumerate(records):
                    yield record_to_article(item, f"{source.path}::{i}", f"{source.stem}:{i}", limits)
                    count += 1
                continue
            yield record_to_article(record, f"{source.path}::{index}", f"{source.stem}:{index}", limits)
            count += 1
    except JsonSyntax as err:
        yield skipped(source.path, f"broken JSON at byte {err.offset}: {err.message} (after {count} records)")
        return
    if count == 0:
        yield skipped(source.path, "no records" if first else "empty file")


def _read_json_lines(
    ts: TextStream, source: SourceFile, limits: Limits, cap: int
) -> Iterator[Article | SkippedFile]:
    count = 0
    for lineno, line in iter_lines(ts, cap):
        path = f"{source.path}::{lineno}"
        if line is None:
            yield skipped(path, f"line too long (more than {cap:,} characters)")
            continue
        if not line.strip():
            continue
        count += 1
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield skipped(path, f"broken JSON line: {str(err).splitlines()[0]}")
            continue
        yield record_to_article(record, path, f"{source.stem}:{lineno}", limits)
    if count == 0:
        yield skipped(source.path, "empty file")
