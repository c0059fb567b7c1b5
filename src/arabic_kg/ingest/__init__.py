"""Ingest stage: folders, zip archives and files (.txt .md .html .htm .json .jsonl) -> Articles.

Standard library only (plus the pydantic models). Article.text is exactly what later stages index
with character offsets, so every reader documents the one transformation it applies.
"""

from __future__ import annotations

from .discovery import SourceFile, discover
from .encoding import content_hash
from .limits import InputError, Limits
from .readers import iter_articles, read_source

__all__ = [
    "InputError",
    "Limits",
    "SourceFile",
    "content_hash",
    "discover",
    "iter_articles",
    "read_source",
]
