"""Incremental JSON reading: arrays element by element, JSON lines, in bounded memory.

A 12 MB SaudiNewsNet array never sits in memory whole: chunks are decoded and each element is
parsed with `json.JSONDecoder.raw_decode` as soon as it is complete.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from .encoding import sniff_encoding

CHUNK = 1 << 20
_MAX_READ = 64 << 20
_NON_WS = re.compile(r"[^ \t\n\r]")
_STRUCT = re.compile(r'["\[\]{}]')
_STR_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)


class JsonSyntax(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset  # bytes from the start of the file
        self.message = message


@dataclass(frozen=True)
class Unparsed:
    """Stands for a record that was stepped over without being built (too large, too deep ...)."""

    reason: str


class TextStream:
    """Decoded text of a binary stream, kept as a sliding window `buf[pos:]`."""

    def __init__(self, raw: IO[bytes], chunk: int = CHUNK) -> None:
        self.raw = raw
        self.chunk = chunk
        sample = raw.read(chunk)
        complete = len(sample) < chunk
        codec, bom = sniff_encoding(sample, complete=complete)  # raises NotText for binary data
        self.codec = codec
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self.buf = self._decoder.decode(sample[bom:], final=complete)
        self.pos = 0
        self.eof = complete
        self._fed = len(sample)  # bytes read so far, for error offsets

    def fill(self, size: int | None = None) -> bool:
        """Read more; drops the consumed part of the window. False at end of input."""
        if self.eof:
            return False
        data = self.raw.read(size or self.chunk)
        if not data:
            self.eof = True
        self._fed += len(data)
        text = self._decoder.decode(data, final=self.eof)
        if self.pos:
            self.buf = self.buf[self.pos :] + text
            self.pos = 0
        else:
            self.buf += text
        return True

    def byte_offset(self, pos: int) -> int:
        """Byte offset in the input of buf[pos], counted back from what was read (errors only: costly)."""
        pending = len(self._decoder.getstate()[0])  # bytes of a character cut at the chunk end
        tail = len(self.buf[pos:].encode(self.codec, errors="replace"))
        return self._fed - pending - tail

    def peek(self) -> str | None:
        """Skip JSON whitespace; the next character, or None at end of input."""
        while True:
            match = _NON_WS.search(self.buf, self.pos)
            if match:
                self.pos = match.start()
                return self.buf[self.pos]
            self.pos = len(self.buf)
            if not self.fill():
                return None


_DECODER = json.JSONDecoder()


def _maybe_truncated(err: json.JSONDecodeError) -> bool:
    """Could more input fix this error? Only when it is at the end of what was read."""
    return err.msg.startswith("Unterminated string") or len(err.doc) - err.pos <= 32


def _skip_value(ts: TextStream) -> None:
    """Move past one object/array without building it (for oversized records), tracking strings."""
    depth = 0
    in_string = False
    while True:
        buf, i, n = ts.buf, ts.pos, len(ts.buf)
        while i < n:
            if in_string:
                j = _STR_BODY.match(buf, i).end()  # type: ignore[union-attr]  # always matches
                if j < n and buf[j] == '"':
                    in_string = False
                    i = j + 1
                    continue
                i = j  # end of buffer, or a backslash whose escaped char is not read yet
                break
            match = _STRUCT.search(buf, i)
            if not match:
                i = n
                break
            char, i = match.group(), match.end()
            if char == '"':
                in_string = True
            elif char in "[{":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    ts.pos = i
                    return
        ts.pos = i
        if not ts.fill():
            raise JsonSyntax(ts.byte_offset(ts.pos), "unexpected end of file")


def _value(ts: TextStream, cap: int) -> Any:
    """Parse the value at ts.pos, reading more as needed. Raises JsonSyntax."""
    size = ts.chunk
    while True:
        start = ts.pos
        try:
            obj, end = _DECODER.raw_decode(ts.buf, start)
        except json.JSONDecodeError as err:
            if ts.eof or not _maybe_truncated(err):
                raise JsonSyntax(ts.byte_offset(err.pos), err.msg) from None
        except (ValueError, RecursionError) as err:
            # Valid JSON that Python refuses (4301-digit integers, deep nesting): skip just this record.
            message = str(err).split("\n")[0]
            if ts.buf[start] not in "[{":
                raise JsonSyntax(ts.byte_offset(start), message) from None
            _skip_value(ts)
            return Unparsed(f"record not readable: {message}")
        else:
            # A value touching the end of the window may be a number cut in two: read on to be sure.
            if end < len(ts.buf) or ts.eof:
                ts.pos = end
                return obj
        if len(ts.buf) - ts.pos > cap:
            if ts.buf[ts.pos] not in "[{":
                raise JsonSyntax(ts.byte_offset(ts.pos), f"value longer than {cap:,} characters")
            _skip_value(ts)
            return Unparsed(f"record too large (more than {cap:,} characters), not parsed")
        ts.fill(size)
        size = min(size * 2, _MAX_READ)  # doubling keeps retries of a big record linear


def iter_json(ts: TextStream, cap: int) -> Iterator[tuple[int | None, Any]]:
    """Records of a JSON document: elements of top-level arrays, top-level objects.

    A document made of one object yields it with index None. Several top-level values (JSON lines
    in a .json file, concatenated arrays) are numbered on. Raises JsonSyntax where the input breaks,
    after yielding the records before it. `cap` (chars) bounds the memory one record may take.
    """
    index = 0
    first = True
    while (char := ts.peek()) is not None:
        if char == "[":
            ts.pos += 1
            char = ts.peek()
            if char == "]":
                ts.pos += 1
            while char != "]":
                if char is None:
                    raise JsonSyntax(ts.byte_offset(ts.pos), "unexpected end of file inside the array")
                yield index, _value(ts, cap)
                index += 1
                char = ts.peek()
                if char == ",":
                    ts.pos += 1
                    char = ts.peek()
                    if char == "]":  # tolerate a trailing comma
                        ts.pos += 1
                elif char == "]":
                    ts.pos += 1
                elif char is not None:
                    raise JsonSyntax(ts.byte_offset(ts.pos), "expected ',' or ']' after a record")
        elif char == "{":
            obj = _value(ts, cap)
            if first and ts.peek() is None:
                yield None, obj
                return
            yield index, obj
            index += 1
        else:
            raise JsonSyntax(ts.byte_offset(ts.pos), "expected a JSON object or array")
        first = False


def iter_lines(ts: TextStream, cap: int) -> Iterator[tuple[int, str | None]]:
    """(line number from 0, line) of a text stream; None for a line longer than `cap`, skipped unread."""
    lineno = 0
    while True:
        newline = ts.buf.find("\n", ts.pos)
        if newline >= 0:
            yield lineno, ts.buf[ts.pos : newline]
            ts.pos = newline + 1
            lineno += 1
            continue
        if len(ts.buf) - ts.pos > cap:
            yield lineno, None
            lineno += 1
            while newline < 0:
                ts.pos = len(ts.buf)
                if not ts.fill():
                    return
                newline = ts.buf.find("\n")
            ts.pos = newline + 1
            continue
        if not ts.fill():
            if ts.pos < len(ts.buf):
                yield lineno, ts.buf[ts.pos :]
                ts.pos = len(ts.buf)
            return
