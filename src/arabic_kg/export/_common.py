"""Helpers shared by every exporter: palettes, text cleaning, stable edge ids, sizes.

Every exporter walks nodes and edges in the same order (`iter_nodes`, `iter_edges`) and names
edges by `edge_ids` (the edge's own ``id`` attribute, else its position), so that the edge id
``e17`` names the same relation in graph.html, graph.graphml, graph.gexf, graph.json and
the CSV files: a user can jump from a row of edges.csv to the edge in Gephi or in the viewer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import networkx as nx

# Fixed palettes: colours must not depend on which types happen to be present, so that two exports
# of different corpora read the same way. Colour-blind-friendly "Tableau 10" hues.
ENTITY_STYLE: dict[str, dict[str, str]] = {
    "PERSON": {"color": "#4e79a7", "ar": "شخص", "en": "Person"},
    "STATE": {"color": "#e15759", "ar": "دولة", "en": "State"},
    "ORGANIZATION": {"color": "#f28e2b", "ar": "منظمة", "en": "Organization"},
    "BASE": {"color": "#59a14f", "ar": "قاعدة عسكرية", "en": "Military base"},
    "LOCATION": {"color": "#b07aa1", "ar": "مكان", "en": "Location"},
}
UNKNOWN_ENTITY_STYLE: dict[str, str] = {"color": "#9e9e9e", "ar": "غير معروف", "en": "Unknown"}

RELATION_STYLE: dict[str, dict[str, str]] = {
    "coordinates_with": {"color": "#1f77b4", "ar": "ينسّق مع", "en": "coordinates with"},
    "strikes": {"color": "#d62728", "ar": "يضرب", "en": "strikes"},
    "trains": {"color": "#9467bd", "ar": "يدرّب", "en": "trains"},
    "fights": {"color": "#ff7f0e", "ar": "يقاتل", "en": "fights"},
    "meets_with": {"color": "#17becf", "ar": "يلتقي", "en": "meets with"},
    "supports": {"color": "#2ca02c", "ar": "يدعم", "en": "supports"},
    "affiliated_with": {"color": "#8c564b", "ar": "تابع لـ", "en": "affiliated with"},
    "located_in": {"color": "#bcbd22", "ar": "يقع في", "en": "located in"},
    "co_mentioned": {"color": "#b0b0b0", "ar": "ذُكرا معًا", "en": "co-mentioned"},
}
UNKNOWN_RELATION_STYLE: dict[str, str] = {"color": "#7f7f7f", "ar": "علاقة", "en": "relation"}

# Relations stored once with source < target; mirrors arabic_kg.models.SYMMETRIC_RELATIONS but is
# only a fallback: the edge's own `directed` attribute wins when present.
UNDIRECTED_RELATIONS: frozenset[str] = frozenset({"coordinates_with", "meets_with", "fights", "co_mentioned"})

# XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Lone
# surrogates cannot come from JSON but can from Python literals, and would make UTF-8 encoding fail.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# For text a person reads we also drop DEL/C1 controls and the bidi embedding/override/isolate
# controls: scraped text carrying U+202E could reverse a label on screen ("Trojan Source" style)
# or break out of the isolate the viewer wraps labels in. LRM/RLM/ALM marks are harmless and kept.
_DISPLAY_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SAFE_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_EDGE_ID = re.compile(r"\w[\w.:~-]*\Z")


def xml_safe(value: Any) -> str:
    """`value` as a string that any XML 1.0 parser accepts (forbidden characters removed)."""
    if value is None:
        return ""
    return _XML_FORBIDDEN.sub("", str(value))


def clean_text(value: Any) -> str:
    """`value` as text fit to show a person: no control or bidi-override characters."""
    if value is None:
        return ""
    return _DISPLAY_FORBIDDEN.sub("", str(value))


def clean_all(values: Iterable[Any]) -> set[str]:
    """{clean_text(v) for v in values}, quick when (as usual) no value needs cleaning."""
    values = set(values)
    if all(type(v) is str for v in values) and not _DISPLAY_FORBIDDEN.search("".join(values)):
        return values
    return {clean_text(v) for v in values}


def clean_list(values: Iterable[Any]) -> list[str]:
    """[clean_text(v) for v in values], quick when (as usual) no value needs cleaning."""
    values = list(values)
    if all(type(v) is str for v in values) and not _DISPLAY_FORBIDDEN.search("".join(values)):
        return values
    return [clean_text(v) for v in values]


def clean_opt(value: Any) -> str | None:
    """Like `clean_text` but keeps "no value" distinct from an empty string."""
    return None if value is None else clean_text(value)


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def isolate(text: str) -> str:
    """Wrap a label in a Unicode isolate so its direction cannot leak into its surroundings.

    Arabic labels get RLI (right-to-left isolate): a label such as "قاعدة K2 الجوية" then keeps
    its word order on the canvas even though the canvas paragraph direction is not RTL. Other
    labels get FSI, which picks the direction from the first strong character."""
    text = clean_text(text)
    opener = "\u2067" if has_arabic(text) else "\u2068"
    return f"{opener}{text}\u2069"


def safe_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL with no whitespace, else None.

    Used to decide whether a link may be made; the viewer re-checks in the browser."""
    if not isinstance(value, str):
        return None
    url = clean_text(value).strip()
    return url if _SAFE_URL.match(url) else None


def iso_date(value: Any) -> str | None:
    """`YYYY-MM-DD` for an ISO date/datetime string or a date, None when it is not a real date."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    return _iso_date(value)


@lru_cache(maxsize=8192)  # a graph has a few thousand distinct dates, each on many edges
def _iso_date(value: str) -> str | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def as_int(value: Any, default: int = 0) -> int:
    """Counts may arrive as None, floats or numeric strings from hand-made graphs; never crash."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return int(number) if math.isfinite(number) else default


def as_number(value: Any, default: float = 1.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def entity_style(entity_type: Any) -> dict[str, str]:
    return ENTITY_STYLE.get(str(entity_type), UNKNOWN_ENTITY_STYLE)


def relation_style(relation_type: Any) -> dict[str, str]:
    return RELATION_STYLE.get(str(relation_type), UNKNOWN_RELATION_STYLE)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def node_size(mentions: Any) -> float:
    """Display size from the mention count: square root so that one hub does not dwarf the rest."""
    count = max(0, as_int(mentions))
    return round(min(60.0, 10.0 + 4.0 * math.sqrt(count)), 2)


def edge_directed(data: Mapping[str, Any]) -> bool:
    value = data.get("directed")
    if isinstance(value, bool):
        return value
    return str(data.get("type")) not in UNDIRECTED_RELATIONS


def edge_dashed(data: Mapping[str, Any]) -> bool:
    """Negated relations and mostly-planned ones are drawn dashed: they did not (yet) happen."""
    if data.get("polarity") == "negated":
        return True
    return as_int(data.get("modality_planned")) > as_int(data.get("modality_asserted"))


def edge_dates(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(first, last) ISO dates; when only one end is known it stands for both."""
    first = iso_date(data.get("first_date"))
    last = iso_date(data.get("last_date"))
    return first or last, last or first


def trigger_text(trigger: Any) -> str | None:
    """Evidence triggers are strings in the graph, but Span-like dicts are accepted too."""
    if isinstance(trigger, Mapping):
        trigger = trigger.get("text")
    if trigger is None:
        return None
    text = clean_text(trigger).strip()
    return text or None


def evidence_list(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    evidence = data.get("evidence")
    if not isinstance(evidence, list):
        return []
    return [item for item in evidence if isinstance(item, Mapping)]


def join_list(values: Any, sep: str = " | ") -> str:
    """Lists become one cell: GraphML/GEXF/CSV hold scalars only."""
    if values is None:
        return ""
    if isinstance(values, str):
        return clean_text(values)
    try:
        return sep.join(clean_text(v) for v in values if v is not None)
    except TypeError:
        return clean_text(values)


def iter_nodes(G: nx.MultiDiGraph) -> Iterator[tuple[Any, dict[str, Any]]]:
    yield from G.nodes(data=True)


def edge_ids(edges: list[tuple[Any, Any, Any, dict[str, Any]]]) -> list[str]:
    """The export id of each (source, target, key, data) edge, in order.

    An edge whose data carries a string ``id`` (the graph stage sets ``e<integer>``, stable per
    (source, target, type, polarity) across builds) keeps it when it is a plain token (`_EDGE_ID`:
    letters, digits, ``_.:~-``, not starting with a punctuation mark), so it reads the same in
    XML, JSON, CSV (no formula prefix) and the viewer; other edges (hand-made graphs, tests, odd
    ids) get the positional ``e<index>``. Ids stay unique: a repeated id, or a positional one
    that an explicit id already holds, gets a ``~2`` (``~3``...) suffix, like `unique_ids`."""
    explicit = [
        value if isinstance(value := data.get("id"), str) and _EDGE_ID.match(value) else ""
        for *_, data in edges
    ]
    reserved = set(explicit)
    used: set[str] = set()
    ids: list[str] = []
    for index, given in enumerate(explicit):
        candidate = given or f"e{index}"
        if candidate in used or (not given and candidate in reserved):
            base, suffix = candidate, 2
            candidate = f"{base}~{suffix}"
            while candidate in used or candidate in reserved:
                suffix += 1
                candidate = f"{base}~{suffix}"
        used.add(candidate)
        ids.append(candidate)
    return ids


def iter_edges(G: nx.MultiDiGraph) -> Iterator[tuple[str, Any, Any, Any, dict[str, Any]]]:
    """(edge id, source, target, key, data) in a fixed order; ids as `edge_ids` gives them."""
    edges = list(G.edges(keys=True, data=True))
    for edge_id, (source, target, key, data) in zip(edge_ids(edges), edges, strict=True):
        yield edge_id, source, target, key, data


def unique_ids(raw_ids: list[Any], clean: Any = xml_safe) -> dict[Any, str]:
    """Map node ids to cleaned strings that stay unique.

    Cleaning (removing XML-forbidden characters) could make two ids equal or empty; a numbered
    suffix keeps them apart so no edge is silently attached to the wrong node."""
    mapping: dict[Any, str] = {}
    used: set[str] = set()
    for index, raw in enumerate(raw_ids):
        candidate = clean(raw) or f"n{index}"
        base, suffix = candidate, 2
        while candidate in used:
            candidate = f"{base}~{suffix}"
            suffix += 1
        used.add(candidate)
        mapping[raw] = candidate
    return mapping
