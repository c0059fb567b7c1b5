"""Arabic text processing: normalization with offsets, tokens, proclitics and sentences.

camel-tools does the Arabic work (Unicode normalization, dediacritization, alef / alef-maksura /
teh-marbuta normalization, word tokenization). Everything here keeps character offsets into the
original text, so each span the tool reports satisfies ``text[start:end] == span_text``.
"""

from arabic_kg.text.normalize import (
    normalize,
    normalize_light,
    normalize_with_offsets,
    orig_offset_in_token,
)
from arabic_kg.text.sentences import Sentence, split_sentences
from arabic_kg.text.tokens import Token, proclitic_variants, tokenize

__all__ = [
    "Sentence",
    "Token",
    "normalize",
    "normalize_light",
    "normalize_with_offsets",
    "orig_offset_in_token",
    "proclitic_variants",
    "split_sentences",
    "tokenize",
]
