"""Word tokens with offsets, and proclitic-aware matching forms."""

from __future__ import annotations

from dataclasses import dataclass, field

from camel_tools.tokenizers.word import simple_word_tokenize

from arabic_kg.text.normalize import normalize

# Conjunctions come first, then a preposition; ال is part of the word (names carry it).
_CONJ = "وف"
_PREP = "بلك"
MIN_STEM = 2


@dataclass(slots=True)
class Token:
    text: str  # as written in the original text
    start: int
    end: int
    norm: str  # normalize(text)
    index: int = 0
    # (form, number of normalized characters cut from the front), most literal first
    variants: list[tuple[str, int]] = field(default_factory=list)


def proclitic_variants(norm: str) -> list[tuple[str, int]]:
    """Forms of a normalized word with its proclitics removed, most literal first.

    ``وبغداد`` → ``[(وبغداد, 0), (بغداد, 1), (غداد, 2)]``; ``للعراق`` → adds ``(العراق, ...)``
    (ل + ال is written لل). The matcher prefers the longest lexicon match and the
    least-stripped form, so ``بغداد`` is never read as ب + غداد."""
    out = [(norm, 0)]
    if len(norm) <= MIN_STEM or not norm[0].isalpha():
        return out
    rest, cut = norm, 0
    if rest[0] in _CONJ and len(rest) > MIN_STEM:
        rest, cut = rest[1:], cut + 1
        out.append((rest, cut))
    if rest[0] in _PREP and len(rest) > MIN_STEM:
        if rest.startswith("لل") and len(rest) > MIN_STEM + 1:
            # ل + ال: restore the article; the mention keeps لل (the alef is not written),
            # which readers and the eval scorer read as ل + ال.
            out.append(("ا" + rest[1:], cut))
        out.append((rest[1:], cut + 1))
    return out


# Word forms repeat across articles: their normalized form and variants are computed once.
# (The variants list is shared between tokens: callers never mutate it.)
_FORMS: dict[str, tuple[str, list[tuple[str, int]]]] = {}
_FORMS_MAX = 200_000
# Words with punctuation or digits attached (حلب. ، (واس)) → camel-tools' pieces of them.
_SPLITS: dict[str, list[str]] = {}


def _word_pieces(text: str) -> list[str]:
    """camel-tools' ``simple_word_tokenize`` (with ``split_digits``), word by word.

    A whitespace-separated word made only of letters, or only of digits, is its own token for
    camel-tools too; only the other words (punctuation, digits glued to letters, diacritics) go
    through its per-character tokenizer. Same tokens, a fraction of the time."""
    pieces: list[str] = []
    for word in text.split():
        if word.isalpha() or word.isdigit():
            pieces.append(word)
            continue
        split = _SPLITS.get(word)
        if split is None:
            # camel-tools tokenizes a word by itself (whitespace first), so its split can be reused.
            split = simple_word_tokenize(word, split_digits=True)
            if len(_SPLITS) < _FORMS_MAX:
                _SPLITS[word] = split
        pieces.extend(split)
    return pieces


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """camel-tools' word tokenizer, with each token's offsets into ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    pos = start
    for piece in _word_pieces(text[start:end]):
        at = text.find(piece, pos, end)
        if at < 0:  # cannot happen for a tokenizer that only splits; be safe anyway
            continue
        pos = at + len(piece)
        cached = _FORMS.get(piece)
        if cached is None:
            norm = normalize(piece)
            cached = (norm, proclitic_variants(norm) if norm else [])
            if len(_FORMS) < _FORMS_MAX:
                _FORMS[piece] = cached
        norm, variants = cached
        if not norm:
            continue
        tokens.append(Token(piece, at, pos, norm, len(tokens), variants))
    return tokens
