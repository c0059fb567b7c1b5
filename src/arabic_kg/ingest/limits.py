"""Resource limits of the ingest stage and the error raised for user mistakes."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """A user error (missing path ...). The CLI prints `str(e)` on one line, without a traceback."""


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or accidental input. Defaults suit news corpora; tests lower them.

    - max_file_bytes: a plain .txt/.md/.html file (or zip member) larger than this is skipped;
      these formats are read whole, so the limit bounds memory.
    - max_article_chars: an article (file, JSON record, JSONL line) with more text is skipped.
    - max_depth: deepest folder followed below a top-level folder (which is depth 0).
    - max_member_bytes: uncompressed size of a zip member.
    - max_compression_ratio: uncompressed/compressed size of a zip member (zip bombs); only checked for
      members over 64 KiB, since tiny repetitive files compress well without being dangerous.
    - max_json_bytes: a .json/.jsonl file; they are streamed, so this can be large.
    """

    max_file_bytes: int = 16 * 2**20
    max_article_chars: int = 1_000_000
    max_depth: int = 32
    max_member_bytes: int = 256 * 2**20
    max_compression_ratio: float = 100.0
    max_json_bytes: int = 2 * 2**30


def format_size(n: float, *, fixed: bool = False) -> str:
    """Human size: `25.0 MB` (fixed one decimal) or `16 MB` (shortest form), for skip reasons."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if fixed else f"{value:g} {unit}"
    return f"{int(n)} B"


def too_large(size: int, limit: int, what: str = "file") -> str:
    """The skip reason for an oversized input: `file too large: 25.0 MB > 16 MB`."""
    return f"{what} too large: {format_size(size, fixed=True)} > {format_size(limit)}"
