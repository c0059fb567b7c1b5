"""Sentence splitting for Arabic news text, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? ؟ ؛ (Arabic semicolon) or a line break; a dot between digits
# (3.5) is not an end.
_BOUNDARY = re.compile(r"[.!?؟؛\n]+")
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\x00"


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` and no sentence is blank."""
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        inside_number = (
            text[m.start()] == "."
            and m.start() > 0
            and m.end() < len(text)
            and text[m.start() - 1].isdigit()
            and text[m.end()].isdigit()
        )
        if inside_number:
            continue
        _append(out, text, pos, m.end())
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    if end > start and not all(_blank(c) or not c.isprintable() for c in text[start:end]):
        out.append(Sentence(start, end, text[start:end]))
