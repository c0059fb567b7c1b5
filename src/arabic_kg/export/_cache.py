"""Incremental exports: every output is header + per-element fragments + footer, and a fragment
whose inputs did not change since the previous export is copied from a cache instead of rendered.

Adding one article to a store built from a whole corpus changes a handful of nodes and edges; the
other ~99.9 % of each export is byte for byte what the previous build wrote. Exporters therefore
render each node, edge and article into its own text fragment (`FragmentCache.section`), and
look the fragment up first under a key that is a digest of everything it depends on:

* the element's own data and ids (`Elements.node_keys` / `edge_keys`: one BLAKE2b digest of the
  pickled (id, attributes, context) per element, computed once per export and shared by every
  format). The context is every value from outside the element that any format embeds in its
  fragment: the cleaned/unique node ids of the element and its endpoints, the endpoints'
  labels, the node's degree, the affiliation's viewer id, the edge's curve. Articles are small
  and many, so they go by content-defined runs of ~32 (`runs`), keyed by the run's items;
* which section of the format the fragment is for (cache entries are per section);
* the format name, `FORMAT_VERSION` and the format's options and global values (GEXF's timeline
  mode, ...) - the *salt* written at the head of the cache file. A cache written with another
  salt is not used at all.

So the written bytes are identical whether the cache was cold, warm or stale (tests check it).
Keys are digests of pickles; no pickle is ever *loaded*: a cache file only holds UTF-8 fragments.

The cache lives next to the outputs in ``.arabic-kg-cache/<format>.cache``, one file per format,
rewritten atomically on every export with exactly the fragments that export used (so it never
grows beyond the size of the outputs). Layout, integers little-endian u64 unless said::

    b"AKGFRAG1" | salt (16 bytes) | section count | blob size | crc32 of the rest (u32)
    per section: tag | n | n element digests (16 bytes each) | n fragment lengths
    blob: every section's fragments, in order (UTF-8 text, never parsed, only copied)

Loading is a read of the file, a CRC (~4 GB/s) and a dict of slices: no fragment is decoded.

A file that is missing, truncated, of another version or salt, or fails its CRC is ignored
(logged at debug level) and replaced: the export is then simply cold.
"""

from __future__ import annotations

import logging
import mmap
import os
import pickle
import struct
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property
from hashlib import blake2b
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from ._common import clean_opt, clean_text, edge_ids, unique_ids, xml_safe

log = logging.getLogger(__name__)

# Bump whenever an exporter's output for the same graph changes, so old fragments are not reused.
FORMAT_VERSION = 1
CACHE_DIR = ".arabic-kg-cache"
MAGIC = b"AKGFRAG1"
DIGEST_SIZE = 16
_HEADER = struct.Struct("<8s16sQQI")  # magic, salt, sections, blob size, crc32 of the rest
_SECTION = struct.Struct("<QQ")  # tag, fragment count
_NO_KEY = bytes(DIGEST_SIZE)  # a fragment that is in the blob but never reused
RUN_MASK, MAX_RUN = 31, 128


def digest(value: Any) -> bytes | None:
    """BLAKE2b of the pickled value; None when it cannot be pickled (then it is never cached)."""
    try:
        return blake2b(pickle.dumps(value, protocol=5), digest_size=DIGEST_SIZE).digest()
    except Exception:  # noqa: BLE001 - any unpicklable attribute just means "do not cache"
        return None


def salt(*parts: Any) -> bytes:
    text = "\x1f".join(str(part) for part in (FORMAT_VERSION, *parts))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


def _curves(edges: list[tuple[str, Any, Any, Any, dict[str, Any]]]) -> dict[str, dict[str, Any] | None]:
    """Curve parallel edges between the same pair apart; single edges stay straight (cheap)."""
    groups: dict[frozenset[Any], list[str]] = {}
    for edge_id, source, target, _key, _data in edges:
        groups.setdefault(frozenset((source, target)), []).append(edge_id)
    curves: dict[str, dict[str, Any] | None] = {}
    for ids in groups.values():
        offset = 1 if len(ids) % 2 == 0 else 0  # an odd group keeps its first edge straight
        for index, edge_id in enumerate(ids):
            slot = index + offset
            if slot == 0:
                curves[edge_id] = None
                continue
            kind = "curvedCW" if slot % 2 else "curvedCCW"
            curves[edge_id] = {"enabled": True, "type": kind, "roundness": round(0.18 * ((slot + 1) // 2), 2)}
    return curves


class Elements:
    """The graph's nodes, edges and articles in export order, with what every exporter shares:
    edge ids, cleaned node ids, and the per-element cache keys (computed once, on first use)."""

    def __init__(self, G: nx.MultiDiGraph, *, keyed: bool = True) -> None:
        self.G = G
        self.keyed = keyed  # False: no cache in use, so no key is ever computed (all None)
        self.nodes: list[tuple[Any, dict[str, Any]]] = list(G.nodes(data=True))
        raw = list(G.edges(keys=True, data=True))
        self.edges: list[tuple[str, Any, Any, Any, dict[str, Any]]] = [
            (edge_id, source, target, key, data)
            for edge_id, (source, target, key, data) in zip(edge_ids(raw), raw, strict=True)
        ]
        articles = G.graph.get("articles")
        self.articles: dict[Any, Any] = articles if isinstance(articles, dict) else {}

    @cached_property
    def xml_ids(self) -> dict[Any, str]:
        return unique_ids([node for node, _ in self.nodes], clean=xml_safe)

    @cached_property
    def vis_ids(self) -> dict[Any, str]:
        return unique_ids([node for node, _ in self.nodes], clean=clean_text)

    @cached_property
    def curves(self) -> dict[str, dict[str, Any] | None]:
        return _curves(self.edges)

    @cached_property
    def degrees(self) -> dict[Any, int]:
        """`G.degree(node)` for every node (edges in + out, a self-loop twice), counted in one
        pass over the edge list: networkx's degree view is ~20x slower on a multigraph."""
        counts = Counter(source for _, source, *_ in self.edges)
        counts.update(target for _, _, target, *_ in self.edges)
        return {node: counts[node] for node, _ in self.nodes}

    def vis_affiliation(self, data: dict[str, Any]) -> str | None:
        affiliation = data.get("affiliation")
        if affiliation is None:
            return None
        return self.vis_ids.get(affiliation, clean_opt(affiliation))

    def key(self, value: Any) -> bytes | None:
        return digest(value) if self.keyed else None

    @cached_property
    def node_keys(self) -> list[bytes | None]:
        if not self.keyed:
            return [None] * len(self.nodes)
        xml_ids, vis_ids, degrees = self.xml_ids, self.vis_ids, self.degrees
        return [
            digest((node, data, xml_ids[node], vis_ids[node], self.vis_affiliation(data), degrees[node]))
            for node, data in self.nodes
        ]

    @cached_property
    def edge_keys(self) -> list[bytes | None]:
        if not self.keyed:
            return [None] * len(self.edges)
        xml_ids, vis_ids, curves, node_data = self.xml_ids, self.vis_ids, self.curves, self.G.nodes
        keys = []
        for edge_id, source, target, key, data in self.edges:
            context = (
                xml_ids[source],
                xml_ids[target],
                vis_ids[source],
                vis_ids[target],
                node_data[source].get("label"),
                node_data[target].get("label"),
                curves[edge_id],
            )
            keys.append(digest((edge_id, source, target, key, data, context)))
        return keys


def runs(ids: Sequence[Any]) -> list[tuple[int, int]]:
    """(start, end) runs of consecutive items, for elements too small and many to cache one by one
    (the article table: ~18,000 entries of four short fields). A run ends after an id whose CRC-32
    ends in five zero bits (~32 items), or after MAX_RUN items: boundaries depend on the ids, not
    on positions, so adding or removing an article changes only the run it falls in."""
    out = []
    start = 0
    for index, ident in enumerate(ids):
        if not zlib.crc32(str(ident).encode("utf-8", "surrogatepass")) & RUN_MASK or index - start >= MAX_RUN:
            out.append((start, index + 1))
            start = index + 1
    if start < len(ids):
        out.append((start, len(ids)))
    return out


class FragmentCache:
    """One format's fragments: those of the previous export (read) and this export's (collected).

    `section` renders (or reuses) the fragments of one section of the output and returns the
    section's bytes; `save` then writes exactly the fragments of all sections rendered."""

    def __init__(self, path: Path | None, salt: bytes) -> None:
        self.path = path
        self.salt = salt
        self._index: dict[int, dict[bytes, slice]] = {}
        self._blob = b""
        self._sections: list[tuple[int, list[bytes | None], list[int], bytes]] = []
        self.hits = self.misses = 0
        if path is not None:
            try:
                self._load(path)
            except FileNotFoundError:
                pass
            except Exception as error:  # noqa: BLE001 - a bad cache only makes the export cold
                log.debug("ignoring export cache %s: %s", path, error)
                self._index, self._blob = {}, b""

    def close(self) -> None:
        """Let go of the previous export's file (done by `save`)."""
        self._release(self._blob)
        self._index, self._blob = {}, b""

    def _load(self, path: Path) -> None:
        # Mapped, not read: the fragments are copied once, straight from the page cache.
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < _HEADER.size:
                raise ValueError("truncated")
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self._parse(data)
        except BaseException:
            self._release(data)
            raise

    @staticmethod
    def _release(data: Any) -> None:
        if isinstance(data, mmap.mmap):
            data.close()

    def _parse(self, data: Any) -> None:
        magic, file_salt, sections, blob_size, crc = _HEADER.unpack_from(data)
        if magic != MAGIC:
            raise ValueError("not an arabic-kg fragment cache")
        if file_salt != self.salt:
            log.debug("export cache %s is for another format version or options", self.path)
            self._release(data)
            return
        blob_at = len(data) - blob_size
        if blob_at < _HEADER.size:
            raise ValueError("truncated")
        with memoryview(data) as view, view[_HEADER.size :] as rest:
            ok = zlib.crc32(rest) == crc
        if not ok:
            raise ValueError("checksum mismatch")
        pos, start = _HEADER.size, 0
        index: dict[int, dict[bytes, slice]] = {}
        for _ in range(sections):
            tag, count = _SECTION.unpack_from(data, pos)
            pos += _SECTION.size
            keys_end = pos + count * DIGEST_SIZE
            lengths = array("Q")
            lengths.frombytes(data[keys_end : keys_end + count * 8])
            if sys.byteorder == "big":
                lengths.byteswap()
            ends = list(accumulate(lengths, initial=start))
            if ends[-1] > blob_size or keys_end + count * 8 > blob_at:
                raise ValueError("truncated")
            keys = [data[i : i + DIGEST_SIZE] for i in range(pos, keys_end, DIGEST_SIZE)]
            slices = [slice(blob_at + a, blob_at + b) for a, b in pairwise(ends)]
            index[tag] = dict(zip(keys, slices, strict=True))
            index[tag].pop(_NO_KEY, None)
            pos, start = keys_end + count * 8, ends[-1]
        if pos != blob_at or start != blob_size:
            raise ValueError("inconsistent lengths")
        self._index, self._blob = index, data

    def section(self, tag: int, keys: Sequence[bytes | None], render: Callable[[int], str]) -> bytes:
        """The fragments of elements 0..len(keys)-1, concatenated: element i's fragment is reused
        when keys[i] was in this section of the previous export, else ``render(i)`` (as UTF-8).
        A None key (an element that could not be digested) is always rendered."""
        get = self._index.get(tag, {}).get
        blob = self._blob
        spans = [get(key) if key is not None else None for key in keys]
        pieces: list[bytes] = [blob[span] if span is not None else b"" for span in spans]
        missed = 0
        for i, span in enumerate(spans):
            if span is None:
                pieces[i] = render(i).encode("utf-8")
                missed += 1
        self.misses += missed
        self.hits += len(pieces) - missed
        body = b"".join(pieces)
        self._sections.append((tag, list(keys), list(map(len, pieces)), body))
        return body

    def save(self) -> None:
        """Write this export's fragments (atomically); a failure is logged, never raised."""
        if self.path is None:
            self.close()
            return
        chunks: list[Any] = []
        blob_size = 0
        for tag, keys, lengths, body in self._sections:
            spans = array("Q", lengths)
            if sys.byteorder == "big":
                spans.byteswap()
            chunks += [
                _SECTION.pack(tag, len(keys)),
                b"".join([_NO_KEY if key is None else key for key in keys]),
                spans,
            ]
            blob_size += len(body)
        chunks += [body for *_, body in self._sections]
        crc = 0
        for chunk in chunks:
            crc = zlib.crc32(chunk, crc)
        header = _HEADER.pack(MAGIC, self.salt, len(self._sections), blob_size, crc)
        self.close()  # before replacing the file (a mapped file cannot be replaced on Windows)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, [header, *chunks])
        except OSError as error:
            log.debug("could not write export cache %s: %s", self.path, error)


def write_output(path: Path, chunks: Sequence[Any]) -> Path:
    """Write bytes-like `chunks` to an output file. An existing file is overwritten in place and
    then cut to length: several times faster than filling new pages (the previous version of the
    file is mostly in the page cache), and no less atomic than the plain `open("w")` it replaces."""
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        handle = open(path, "wb")  # noqa: SIM115
    with handle:
        for chunk in chunks:
            handle.write(chunk)
        handle.truncate()
    return path


def write_atomic(path: Path, chunks: Sequence[Any]) -> Path:
    """Write bytes-like `chunks` to `path` through a temporary file and `os.replace`, so that a
    reader (or a crash) never sees half a file. The file gets the usual umask permissions."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{id(chunks):x}.tmp")
    try:
        with open(tmp, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def open_cache(cache_dir: Path | None, name: str, salt_value: bytes) -> FragmentCache:
    return FragmentCache(None if cache_dir is None else Path(cache_dir) / f"{name}.cache", salt_value)
