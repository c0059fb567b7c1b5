"""Finding input files: folders walked in sorted order, zip archives listed in place."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import SkippedFile
from .limits import InputError, Limits

# Extension -> kind. Everything else is ignored silently inside folders.
KINDS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".zip": "zip",
}


@dataclass(frozen=True)
class SourceFile:
    """One readable input: a file, or a member of a zip archive. Plain data, so it pickles."""

    path: str  # display path: the file path, or "archive.zip::member/name.json"
    fingerprint: str  # "size-mtime_ns" of a file; "crc-size" of a zip member (its content, not the archive's)
    fs_path: str  # file to open: the file itself or the zip archive
    kind: str  # txt, md, html, json or jsonl
    member: str | None = None  # zip member name
    size: int = 0  # bytes (uncompressed for a zip member)

    @property
    def stem(self) -> str:
        """File name without folder and extension: the doc_id of a single-article file."""
        name = (self.member or self.fs_path).replace("\\", "/").rsplit("/", 1)[-1]
        return os.path.splitext(name)[0]


def kind_of(name: str) -> str | None:
    return KINDS.get(os.path.splitext(name)[1].lower())


def skipped(path: str, reason: str) -> SkippedFile:
    """A SkippedFile whose reason is one short line, whatever the underlying message was."""
    line = " ".join(reason.split())
    return SkippedFile(path=path, reason=line if len(line) <= 300 else line[:297] + "...")


def os_reason(err: OSError) -> str:
    # strerror only: str(err) repeats the file name, which the SkippedFile already has.
    return f"cannot read: {err.strerror or err.__class__.__name__}"


def _identity(path: str, st: os.stat_result) -> tuple[int, int] | str:
    # Some file systems report inode 0 for everything; the resolved path is the fallback.
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def discover(paths: Sequence[str | Path], limits: Limits = Limits()) -> Iterator[SourceFile | SkippedFile]:
    """Every readable input under `paths`, in a stable order, and what was skipped with why.

    Top-level paths are checked at once (InputError), before the first item is produced.
    Folders: sorted, recursive, symlinks followed but no real folder twice, hidden entries and
    unsupported extensions ignored. Zip archives are listed in place (not extracted).
    """
    tops = [os.fspath(p) for p in paths]
    if not tops:
        raise InputError("no input path given")
    for top in tops:
        if not os.path.exists(top):
            raise InputError(f"path not found: {top}")
    return _walk(tops, limits)


def _walk(tops: list[str], limits: Limits) -> Iterator[SourceFile | SkippedFile]:
    seen_dirs: set[tuple[int, int] | str] = set()
    seen_files: set[tuple[int, int] | str] = set()
    for top in tops:
        try:
            st = os.stat(top)
        except OSError as err:
            yield skipped(top, os_reason(err))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(top, st, limits, seen_dirs, seen_files)
            continue
        kind = kind_of(top)
        if kind is None:
            # Named explicitly, so say why nothing came out of it.
            yield skipped(top, f"unsupported file type '{os.path.splitext(top)[1]}'")
            continue
        yield from _file(top, st, kind, seen_files)


def _listing(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _walk_dir(
    top: str,
    st: os.stat_result,
    limits: Limits,
    seen_dirs: set[tuple[int, int] | str],
    seen_files: set[tuple[int, int] | str],
) -> Iterator[SourceFile | SkippedFile]:
    key = _identity(top, st)
    if key in seen_dirs:
        yield skipped(top, "folder already read via another path")
        return
    seen_dirs.add(key)
    try:
        stack = [(top, 0, iter(_listing(top)))]
    except OSError as err:
        yield skipped(top, os_reason(err))
        return
    # An explicit stack instead of recursion: depth is bounded by limits, not by Python's stack.
    while stack:
        folder, depth, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            if depth + 1 > limits.max_depth:
                yield skipped(path, f"folder too deep (more than {limits.max_depth} levels), not read")
                continue
            try:
                sub_st = entry.stat()
                key = _identity(path, sub_st)
                if key in seen_dirs:
                    yield skipped(path, "folder already read via another path (symlink loop?)")
                    continue
                seen_dirs.add(key)
                stack.append((path, depth + 1, iter(_listing(path))))
            except OSError as err:
                yield skipped(path, os_reason(err))
            continue
        kind = kind_of(entry.name)
        if kind is None:
            continue
        try:
            file_st = entry.stat()
        except OSError as err:
            broken = entry.is_symlink() and isinstance(err, FileNotFoundError)
            yield skipped(path, "broken symlink" if broken else os_reason(err))
            continue
        yield from _file(path, file_st, kind, seen_files)


def _file(
    path: str, st: os.stat_result, kind: str, seen_files: set[tuple[int, int] | str]
) -> Iterator[SourceFile | SkippedFile]:
    if not stat.S_ISREG(st.st_mode):
        # FIFOs and devices would block or never end.
        yield skipped(path, "not a regular file")
        return
    key = _identity(path, st)
    if key in seen_files:
        return  # the same file reached twice (symlink, hard link, overlapping arguments)
    seen_files.add(key)
    if kind == "zip":
        yield from _zip_members(path)
        return
    yield SourceFile(
        path=path, fingerprint=f"{st.st_size}-{st.st_mtime_ns}", fs_path=path, kind=kind, size=st.st_size
    )


def _zip_members(path: str) -> Iterator[SourceFile | SkippedFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except OSError as err:
        yield skipped(path, os_reason(err))
        return
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as err:
        yield skipped(path, f"bad zip archive: {err}")
        return
    # Duplicate names: the last entry wins, as with ZipFile.getinfo (which read_source uses).
    by_name = {info.filename: info for info in infos if not info.is_dir()}
    for name in sorted(by_name):
        info = by_name[name]
        parts = [part for part in name.replace("\\", "/").split("/") if part]
        # Hidden members, "../" tricks and macOS resource forks are not articles.
        if not parts or any(part.startswith(".") or part == "__MACOSX" for part in parts):
            continue
        kind = kind_of(parts[-1])
        if kind is None:
            continue
        display = f"{path}::{name}"
        if kind == "zip":
            yield skipped(display, "nested zip archive (not opened)")
            continue
        yield SourceFile(
            path=display,
            fingerprint=f"{info.CRC:08x}-{info.file_size}",
            fs_path=path,
            kind=kind,
            member=name,
            size=info.file_size,
        )
