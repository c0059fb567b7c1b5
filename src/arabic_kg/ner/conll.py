"""CoNLL-style NER corpora: readers (ANERcorp, AQMAR, Wojood), writer and span scoring.

Every reader maps the corpus' tag set onto the three types the project tags (PERS, LOC, ORG) as
IOB2 (every span starts with B-). Types without a counterpart (MISC, dates, NORP, ...) become O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Literal

Sentence = list[tuple[str, str]]
Format = Literal["anercorp", "aqmar", "wojood"]

ENTITY_TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG")

# Corpus type -> project type. FAC (Wojood: markets, prisons, relief centres, gates) is mapped to O: ANERcorp
# does not tag facility names as a whole, and dropping FAC lets the LOC/PERS/ORG nested inside survive.
TYPE_MAP: dict[str, str] = {
    "PERS": "PERS",
    "PER": "PERS",
    "PERSON": "PERS",
    "LOC": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
}

WOJOOD_SENTENCE_END = "$#$"
# A tag column: B-/I-/E-/S- prefix (typos like `I--ORG` included), or a bare O. Anything else is not a tag.
_TAG_RE = re.compile(r"^(?:(?P<prefix>[BIES])-+(?P<type>[A-Za-z]+)[0-9`'-]*|O)$")
# ANERcorp has one line where the newline between two tokens was lost: `. Oالإصابة O`.
_GLUED_RE = re.compile(r"^(?P<tag>O|[BI]-[A-Z]+)(?P<token>[^\x00-\x7f].*)$")


def _parse_tag(column: str, type_map: Mapping[str, str]) -> tuple[str, str] | None:
    """`B-GPE` -> ("B", "LOC"); None for O, unknown types and malformed columns (`IO`, `OO`)."""
    m = _TAG_RE.match(column)
    if m is None or m.group("prefix") is None:
        return None
    mapped = type_map.get(m.group("type").upper())
    if mapped is None:
        return None
    prefix = m.group("prefix")
    return ("B" if prefix in "BS" else "I"), mapped


def _outermost(layers: list[list[tuple[str, str]]]) -> list[str]:
    """Flatten nested annotations (one list of (prefix, type) per token) to one BIO layer.

    Per type, an I- that follows the same type continues the enclosing span even when a nested B- of that type
    also starts there; across types, longer (outer) spans win over the spans they overlap.
    """
    spans: list[tuple[int, int, str]] = []
    types = sorted({t for tags in layers for _, t in tags})
    for etype in types:
        start = -1
        for i, tags in enumerate(layers):
            has_b = ("B", etype) in tags
            has_i = ("I", etype) in tags
            if has_i and start >= 0:
                continue
            if start >= 0:
                spans.append((start, i, etype))
                start = -1
            if has_b or has_i:
                start = i
        if start >= 0:
            spans.append((start, len(layers), etype))
    priority = {t: k for k, t in enumerate(ENTITY_TYPES)}
    spans.sort(key=lambda s: (s[0] - s[1], s[0], priority.get(s[2], 99), s[2]))
    out = ["O"] * len(layers)
    for start, end, etype in spans:
        if all(tag == "O" for tag in out[start:end]):
            out[start] = f"B-{etype}"
            for k in range(start + 1, end):
                out[k] = f"I-{etype}"
    return out


def to_iob2(tags: Sequence[str]) -> list[str]:
    """Make every span start with B- (an I- after O or after another type starts a span, as in conlleval)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def detect_format(lines: Iterable[str]) -> Format:
    """Guess the corpus flavour: Wojood (`$#$`, several tag columns), AQMAR (PER, MISn) or ANERcorp."""
    types: set[str] = set()
    for line in lines:
        cols = line.split()
        if not cols:
            continue
        if cols[0] == WOJOOD_SENTENCE_END:
            return "wojood"
        matches = [m for m in map(_TAG_RE.match, cols[1:]) if m is not None]
        if len(matches) > 1:
            return "wojood"
        types.update(m.group("type").upper() for m in matches if m.group("type"))
    if types & {"GPE", "NORP", "OCC", "DATE", "FAC"}:
        return "wojood"
    if "PER" in types or any(t.startswith("MIS") and t != "MISC" for t in types):
        return "aqmar"
    return "anercorp"


def parse_conll_lines(lines: Iterable[str], *, type_map: Mapping[str, str] | None = None) -> list[Sentence]:
    """Parse `token TAG [TAG ...]` lines; blank lines and Wojood `$#$` tokens end sentences."""
    tmap = TYPE_MAP if type_map is None else type_map
    sentences: list[Sentence] = []
    tokens: list[str] = []
    layers: list[list[tuple[str, str]]] = []

    def flush() -> None:
        if tokens:
            sentences.append(list(zip(tokens, to_iob2(_outermost(layers)), strict=True)))
        tokens.clear()
        layers.clear()

    for raw in lines:
        cols = raw.split()
        if not cols:
            flush()
            continue
        if cols[0] == WOJOOD_SENTENCE_END:
            flush()
            continue
        if len(cols) == 1:  # a token without a tag: keep it, as O
            cols.append("O")
        token, rest = cols[0], cols[1:]
        glued = _GLUED_RE.match(rest[0]) if not _TAG_RE.match(rest[0]) else None
        if glued is not None:
            # `. Oالإصابة O` is two lines run together: `. O` and `الإصابة O`.
            tag = _parse_tag(glued.group("tag"), tmap)
            tokens.append(token)
            layers.append([tag] if tag else [])
            token, rest = glued.group("token"), rest[1:] or ["O"]
        tags = [t for t in (_parse_tag(c, tmap) for c in rest) if t is not None]
        tokens.append(token)
        layers.append(tags)
    flush()
    return sentences


def read_conll(path: str | Path, *, type_map: Mapping[str, str] | None = None) -> list[Sentence]:
    """Read one CoNLL NER file (ANERcorp, AQMAR or Wojood, auto-detected) as PERS/LOC/ORG IOB2 sentences."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return parse_conll_lines(text.splitlines(), type_map=type_map)


def write_conll(sentences: Iterable[Sequence[tuple[str, str]]], out: str | Path | IO[str]) -> None:
    """Write `token TAG` lines with a blank line after each sentence."""
    chunks = []
    for sent in sentences:
        chunks.append("".join(f"{tok} {tag}\n" for tok, tag in sent) + "\n")
    data = "".join(chunks)
    if isinstance(out, (str, Path)):
        Path(out).write_text(data, encoding="utf-8")
    else:
        out.write(data)


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """CoNLL (conlleval) chunks as (type, start, end-exclusive); an I- without a matching B- starts a span."""
    out: list[tuple[str, int, int]] = []
    etype = ""
    start = -1
    for i, tag in enumerate(tags):
        prefix, _, ttype = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and ttype != etype)
        if start >= 0 and (prefix == "O" or begins or not ttype):
            out.append((etype, start, i))
            start, etype = -1, ""
        if begins and ttype:
            start, etype = i, ttype
        if prefix in ("E", "S") and start >= 0:
            out.append((etype, start, i + 1))
            start, etype = -1, ""
    if start >= 0:
        out.append((etype, start, len(tags)))
    return out


def _tags(sent: Sequence[str] | Sequence[tuple[str, str]]) -> list[str]:
    return [t if isinstance(t, str) else t[1] for t in sent]


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "correct": correct, "predicted": predicted, "gold": gold}


def span_prf(
    gold_sents: Sequence[Sequence[str] | Sequence[tuple[str, str]]],
    pred_sents: Sequence[Sequence[str] | Sequence[tuple[str, str]]],
    *,
    types: Iterable[str] | None = None,
) -> dict[str, dict[str, float | int]]:
    """Exact-span precision/recall/F1 per type and `micro` (a span is type + start + end, as in conlleval).

    Sentences may be tag lists or (token, tag) lists. `types` restricts scoring to those types.
    """
    if len(gold_sents) != len(pred_sents):
        raise ValueError(f"{len(gold_sents)} gold sentences but {len(pred_sents)} predicted")
    gold: set[tuple[int, str, int, int]] = set()
    pred: set[tuple[int, str, int, int]] = set()
    for k, (g, p) in enumerate(zip(gold_sents, pred_sents, strict=True)):
        gt, pt = _tags(g), _tags(p)
        if len(gt) != len(pt):
            raise ValueError(f"sentence {k}: {len(gt)} gold tags but {len(pt)} predicted")
        gold.update((k, *s) for s in spans(gt))
        pred.update((k, *s) for s in spans(pt))
    keep = set(types) if types is not None else {s[1] for s in gold | pred}
    gold = {s for s in gold if s[1] in keep}
    pred = {s for s in pred if s[1] in keep}
    report: dict[str, dict[str, float | int]] = {}
    for etype in sorted(keep):
        g = {s for s in gold if s[1] == etype}
        p = {s for s in pred if s[1] == etype}
        report[etype] = _prf(len(g & p), len(p), len(g))
    report["micro"] = _prf(len(gold & pred), len(pred), len(gold))
    return report
