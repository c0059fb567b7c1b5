"""Named-entity recognition: lexicon phrases, rules and a statistical tagger.

The default backend needs no download. ``--ner camel`` uses camel-tools' BERT NER when the user
installed its model (``camel_data -i ner-arabert``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from arabic_kg.lexicon import Lexicon
from arabic_kg.ner.matcher import Matcher, RawMention, unknown_id

log = logging.getLogger(__name__)

__all__ = ["Matcher", "RawMention", "NerBackendError", "get_matcher", "load_tagger", "unknown_id"]


class NerBackendError(RuntimeError):
    """The requested NER backend cannot run here; the message says how to fix it."""


@lru_cache(maxsize=4)
def load_tagger(model: str | None = None) -> Callable[[list[str]], list[str]] | None:
    """The shipped statistical tagger (or ``model``), or None when no model file exists."""
    try:
        from arabic_kg.ner.tagger import NerTagger, default_model_path
    except ImportError:  # the tagger module is optional at this stage of the build
        return None
    path = Path(model) if model else default_model_path()
    if not path.exists():
        if model:
            raise NerBackendError(f"NER model not found: {path}")
        log.debug("no tagger model at %s; using lexicon and rules only", path)
        return None
    tagger = NerTagger.load(path)
    return tagger.predict


def camel_tagger() -> Callable[[list[str]], list[str]]:
    """camel-tools' BERT NER, only when its model is installed locally (never downloads)."""
    import os

    data_dir = Path(os.environ.get("CAMELTOOLS_DATA", Path.home() / ".camel_tools"))
    model_dir = data_dir / "data" / "ner" / "arabert"
    if not model_dir.exists():
        raise NerBackendError(
            "camel-tools' BERT NER model is not installed: run `camel_data -i ner-arabert` "
            "(or use the default --ner builtin)"
        )
    from camel_tools.ner import NERecognizer  # imported late: it reaches for a catalogue otherwise

    recognizer = NERecognizer(str(model_dir))
    mapping = {"PERS": "PERS", "LOC": "LOC", "ORG": "ORG"}

    def predict(tokens: list[str]) -> list[str]:
        out = []
        for tag in recognizer.predict_sentence(tokens):
            label = tag[2:] if len(tag) > 2 else ""
            out.append(tag[:2] + mapping[label] if label in mapping else "O")
        return out

    return predict


def get_matcher(lexicon: Lexicon, backend: str = "builtin", model: str | None = None) -> Matcher:
    if backend == "camel":
        return Matcher(lexicon, camel_tagger())
    if backend == "lexicon":
        return Matcher(lexicon, None)
    return Matcher(lexicon, load_tagger(model))


__all__ += ["RawMention", "camel_tagger"]
