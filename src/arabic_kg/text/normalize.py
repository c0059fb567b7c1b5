"""Normalization for matching, built from camel-tools' own functions.

The per-character table is computed once by running camel-tools' ``dediac_ar``,
``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar`` over every
Arabic code point, so that normalizing a token is one C-speed ``str.translate`` call after
camel-tools' ``normalize_unicode`` (NFKC).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# Bidi controls, zero-width characters and the BOM: invisible, but they break matching.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
)
_EXTRA_LETTERS = {
    "ؤ": "و",  # hamza seats vary between writers
    "ئ": "ي",
    "ء": "",
    "گ": "ك",  # Persian letters used for foreign names
    "ڤ": "ف",
    "پ": "ب",
    "چ": "ج",
    "ی": "ي",
    "ک": "ك",
}


def _camel_char(ch: str) -> str:
    out = normalize_unicode(ch)
    out = dediac_ar(out)
    out = normalize_alef_ar(out)
    out = normalize_alef_maksura_ar(out)
    out = normalize_teh_marbuta_ar(out)
    return out


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in list(range(0x0600, 0x0700)) + list(range(0x0750, 0x0780)):
        ch = chr(cp)
        out = _camel_char(ch)
        out = "".join(_EXTRA_LETTERS.get(c, c) for c in out)
        if out != ch:
            table[cp] = out or None
    for ch, out in _EXTRA_LETTERS.items():
        table[ord(ch)] = out or None
    table[ord(TATWEEL)] = None
    for ch in _INVISIBLE:
        table[ord(ch)] = None
    # Control characters (C0 and C1, except whitespace) never carry meaning.
    for cp in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        if chr(cp) not in "\t\n\r ":
            table[cp] = None
    # Arabic-Indic and Extended Arabic-Indic digits to ASCII.
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    return table


_TABLE = _build_table()
# The same without alef-maksura → ya: keeps the preposition على apart from the name علي.
_LIGHT_TABLE = {k: v for k, v in _TABLE.items() if k != ord("ى")}


def _is_plain(text: str) -> bool:
    """True when NFKC cannot change the text (the common case: Arabic letters, ASCII)."""
    return text.isascii() or unicodedata.is_normalized("NFKC", text)


def normalize(text: str) -> str:
    """The matching form of a string: NFKC, no diacritics, tatweel or invisible characters,
    unified alef / ya / teh marbuta / hamza seats, ASCII digits, lower-case Latin."""
    if not _is_plain(text):
        text = normalize_unicode(text)
    return text.translate(_TABLE).lower()


def normalize_light(text: str) -> str:
    """Like :func:`normalize` but keeps alef maksura (ى), which tells على/إلى from علي/إلي."""
    if not _is_plain(text):
        text = normalize_unicode(text)
    return text.translate(_LIGHT_TABLE).lower()


@lru_cache(maxsize=4096)
def _normalize_char(ch: str) -> str:
    return normalize(ch)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` character by character and return ``(normalized, offsets)`` where
    ``offsets[i]`` is the index in ``text`` of the character that produced ``normalized[i]``.
    ``offsets`` has one extra final entry, ``len(text)``, so spans ``[i, j)`` map to
    ``[offsets[i], offsets[j])``."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        norm = _normalize_char(ch)
        if norm:
            out.append(norm)
            offsets.extend([i] * len(norm))
    offsets.append(len(text))
    return "".join(out), offsets


def orig_offset_in_token(token_text: str, norm_index: int) -> int:
    """Index in ``token_text`` where the ``norm_index``-th normalized character starts.

    Used to cut proclitics off a mention: ``وَبغداد`` matched as ``بغداد`` starts after ``وَ``."""
    seen = 0
    for i, ch in enumerate(token_text):
        if seen >= norm_index and _normalize_char(ch):
            return i
        seen += len(_normalize_char(ch))
    return len(token_text)
