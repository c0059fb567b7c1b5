"""`evaluate-ner`: tag a pre-tokenized CoNLL file with the whole tool and score exact spans.

The tool's types map to CoNLL's: PERSON → PERS; STATE, LOCATION, BASE → LOC; ORGANIZATION → ORG.
Organ phrases (القوات الأميركية), nationality adjectives and titles are the tool's own reading of a
state, not names, so they are not written as CoNLL spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arabic_kg.ner.conll import read_conll, span_prf, write_conll
from arabic_kg.ner.matcher import Matcher
from arabic_kg.resolve import resolve
from arabic_kg.text import Token, normalize, proclitic_variants

CONLL_TYPE = {"PERSON": "PERS", "STATE": "LOC", "LOCATION": "LOC", "BASE": "LOC", "ORGANIZATION": "ORG"}
NAME_KINDS = {"name", "capital", "partial", "context"}


def tokens_from_words(words: Sequence[str]) -> tuple[str, list[Token]]:
    """A text made of the words joined by spaces, and one Token per word (CoNLL tokenization kept)."""
    tokens: list[Token] = []
    pos = 0
    for i, word in enumerate(words):
        norm = normalize(word) or word
        tokens.append(Token(word, pos, pos + len(word), norm, i, proclitic_variants(norm)))
        pos += len(word) + 1
    return " ".join(words), tokens


def tag_words(matcher: Matcher, words: Sequence[str]) -> list[str]:
    """BIO tags (PERS/LOC/ORG) for one sentence of pre-tokenized words."""
    text, tokens = tokens_from_words(words)
    tags = ["O"] * len(words)
    if not tokens:
        return tags
    _, refs = resolve(text, tokens, matcher.find(tokens), matcher.lex)
    for ref in sorted(refs, key=lambda r: (r.token_start, -r.token_end)):
        if ref.kind not in NAME_KINDS:
            continue
        if any(t != "O" for t in tags[ref.token_start : ref.token_end]):
            continue
        label = CONLL_TYPE[ref.type]
        tags[ref.token_start] = "B-" + label
        for k in range(ref.token_start + 1, ref.token_end):
            tags[k] = "I-" + label
    return tags


def add_known_people(matcher: Matcher, words: Sequence[str], tags: list[str]) -> None:
    """Tag the lexicon's people named in full (two words or more) where the tagger found nothing, as
    extraction does: a known full name is a person even when its first word is common (بان كي مون)."""
    _, tokens = tokens_from_words(words)
    for m in matcher.find(tokens) if tokens else ():
        if m.type != "PERSON" or m.entry_id is None or m.kind != "name" or m.token_end - m.token_start < 2:
            continue
        if any(t != "O" for t in tags[m.token_start : m.token_end]):
            continue
        tags[m.token_start] = "B-PERS"
        tags[m.token_start + 1 : m.token_end] = ["I-PERS"] * (m.token_end - m.token_start - 1)


def evaluate_conll(conll: Path, predictions: Path, options: Any) -> dict[str, dict[str, float | int]]:
    """Write the tool's tags for every token of ``conll`` to ``predictions`` and return the scores.

    With the statistical tagger (the default), its spans are the answer: it was trained on this
    annotation style, and measured on ANERcorp held-out data the lexicon's own conventions
    (organ phrases, capitals read as states, nationality adjectives) only lowered precision; only the
    lexicon's people named in full are added where the tagger found nothing. The file is tagged as one
    batch, so a name found in one sentence is found again in the others.
    Without the tagger (``--ner lexicon``) the lexicon and rules give the spans."""
    from arabic_kg.pipeline import get_extractor

    matcher = get_extractor(options).matcher
    gold = read_conll(conll)
    sentences = [[w for w, _ in sentence] for sentence in gold]
    tagger = getattr(matcher.tagger, "__self__", None)
    if tagger is not None and hasattr(tagger, "predict_many"):
        tag_lists = tagger.predict_many(sentences)
        tag_lists = [[t if t[2:] in ("PERS", "LOC", "ORG") else "O" for t in tags] for tags in tag_lists]
        lexicon_only = Matcher(matcher.lex)
        for words, tags in zip(sentences, tag_lists, strict=True):
            add_known_people(lexicon_only, words, tags)
    else:
        tag_lists = [tag_words(matcher, words) for words in sentences]
    predicted = [
        list(zip(words, tags, strict=True)) for words, tags in zip(sentences, tag_lists, strict=True)
    ]
    write_conll(predicted, predictions)
    return span_prf(gold, predicted, types=("PERS", "LOC", "ORG"))
