"""Statistical named-entity tagger (linear-chain CRF, python-crfsuite) for PERS / LOC / ORG in Arabic news.

It finds names no lexicon has: the lexicon only contributes gazetteer and cue-word features, copied into
the model at training time so that prediction never reads the lexicon files. Word clusters and corpus
statistics learnt from unlabelled news (see training.build_word_clusters) are stored in the model too.

Speed: every feature belongs to one (word, offset) part, offsets -2..+2. Prediction does not hand strings to
crfsuite: it sums the CRF weights of each distinct normalized word once per offset (cached table rows) and
runs a Viterbi batched over the sentences with numpy; the tests check it gives crfsuite's own labels.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import tempfile
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

log = logging.getLogger(__name__)

MODEL_FORMAT = "arabic-kg-ner-crf"
MODEL_VERSION = 1
_MAGIC = b"AKGNER1\n"
DEFAULT_MODEL_NAME = "tagger.crfsuite.gz"
ENTITY_TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG")

# Lexicon entity type -> tagger type.
LEXICON_TYPE_MAP: dict[str, str] = {
    "PERSON": "PERS",
    "STATE": "LOC",
    "LOCATION": "LOC",
    "BASE": "LOC",
    "ORGANIZATION": "ORG",
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Cue words by category (bare forms: the proclitic-stripped variants of a token are looked up, so الرئيس,
# والرئيس and للرئيس all reach رئيس). PT: titles before a person; NP: particles inside person names;
# LC: words before a place; OC: heads of organization names; RV: reporting verbs (often followed by a person).

CUE_WORDS: dict[str, tuple[str, ...]] = {
    "PT": _words(
        "رئيس رئيسة ملك ملكة أمير أميرة وزير وزيرة جنرال لواء عميد عقيد مقدم رائد نقيب مشير فريق شيخ "
        "سيد سيدة دكتور دكتورة د بروفيسور أستاذ مهندس حاج مستشار مستشارة زعيم قائد متحدث ناطق سفير "
        "سفيرة إمام مرشد آية حجة مبعوث نائب أمين بابا كاردينال حاخام أسقف مطران مساعد مدرب لاعب مهاجم "
        "مدافع حارس نجم كاتب روائي شاعر فنان ممثل ممثلة مخرج مطرب مطربة صحافي صحفي مراسل عاهل ولي "
        "مدير مديرة محافظ حاكم عمدة سناتور سيناتور شهيد قاضي محامي مدعي مفتي مرشح زميل السيدة "
        "الرئيسان خليفة سلطان"
    ),
    "NP": _words("بن ابن بنت أبو أبي أبا عبد أم آل"),
    "LC": _words(
        "مدينة بلدة قرية محافظة منطقة إقليم ولاية جزيرة مطار ميناء نهر بحر جبل جبال عاصمة مخيم ريف حي "
        "ضاحية شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط قاعدة معبر مقاطعة دولة جمهورية مملكة إمارة "
        "سهل وادي صحراء خليج مضيق قضاء ناحية شارع ساحة عواصم مدن دول بلاد"
    ),
    "OC": _words(
        "منظمة حركة حزب جبهة وكالة صحيفة جريدة مجلة شركة جامعة مجلس اتحاد جمعية هيئة لجنة بنك مصرف "
        "قوات جيش تنظيم كتائب كتيبة ألوية مؤسسة نادي منتخب مجموعة جماعة مكتب مركز معهد وزارة تلفزيون "
        "قناة إذاعة مصنع محكمة برلمان كونغرس كنيست أمم تحالف ائتلاف ميليشيا ميليشيات فصائل فصيل سرايا "
        "رابطة نقابة اتحادات شركات بنوك مصارف صندوق منتدى مجمع أكاديمية كلية مستشفى"
    ),
    "RV": _words(
        "قال قالت أعلن أعلنت أكد أكدت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت نفى نفت دعا "
        "دعت طالب طالبت اعتبر اعتبرت رأى وصف وصفت التقى التقت استقبل استقبلت زار زارت بحث بحثت يقول "
        "تقول"
    ),
}

# Features a word contributes at each offset (0 = itself). Kept in this order inside the cache tuples.
_OFFSETS = (0, -1, 1, -2, 2)
_PREFIXES = ("", "-1", "+1", "-2", "+2")  # feature-name prefix of each offset
# Word-specific feature families and the offsets (by prefix) that use them.
_PREFIX_FAMILIES = ("", "p1", "p2", "p3", "p4")
_SUFFIX_FAMILIES = ("", "s1", "s2", "s3", "s4")
_FAMILY_PREFIXES: dict[str, tuple[str, ...]] = {
    "w": _PREFIXES,
    "st": ("", "-1", "+1"),
    "p1": ("",),
    "p2": ("",),
    "p3": ("",),
    "p4": ("",),
    "s1": ("",),
    "s2": ("", "-1", "+1"),
    "s3": ("",),
    "s4": ("",),
}
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
_CLAUSE_END = frozenset({"،", ",", "؛", ";", ":"})
_MAX_PIECE = 30  # tokens; longer pieces are cut at clause punctuation when there is some
_BOS = "<s>"
_EOS = "</s>"


def normalize_word(word: str) -> str:
    """Dediacritize, unify alef/alef maksura/teh marbuta and drop tatweel (what every feature is built on)."""
    w = dediac_ar(word).replace("\u0640", "")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(w)))


def proclitic_forms(norm: str) -> list[str]:
    """The word without proclitics: conjunction و/ف, preposition ب/ل/ك, article ال (لل = ل + ال).

    Every plausible split is returned (ambiguity is cheap here: لبنان gives بنان too) without the word itself;
    a stripped form keeps at least 3 letters.
    """
    if len(norm) < 4 or norm[0] not in "وفبلكا":
        return []  # most tokens: nothing to strip
    bases = [norm]
    if norm[0] in "وف":
        bases.append(norm[1:])
    for b in list(bases):
        if len(b) > 3 and b[0] in "بلك":
            bases.append(b[1:])
            if b.startswith("لل"):
                bases.append("ا" + b[1:])  # لل + X = ل + ال + X
    for b in list(bases):
        if len(b) > 4 and b.startswith("ال"):
            bases.append(b[2:])
    seen = {norm}
    out = []
    for b in bases:
        if b not in seen:
            seen.add(b)
            out.append(b)
    return out


def _shape(word: str) -> str:
    kinds = []
    for ch in word:
        o = ord(ch)
        if 0x0621 <= o <= 0x064A or 0x0671 <= o <= 0x06D3 or 0x0640 <= o <= 0x065F:
            k = "A"
        elif ch.isdigit():
            k = "D"
        elif ch.isalpha():
            k = "L" if ch.isupper() else "l"
        else:
            k = "P"
        if not kinds or kinds[-1] != k:
            kinds.append(k)
    if len(kinds) > 3:
        return "M"
    return "".join(kinds)


def _lexicon_strings(value: Any) -> list[str]:
    """All strings in a YAML value (a name, a list of aliases, or dicts of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _lexicon_strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _lexicon_strings(v)]
    return []


def _lexicon_entries(data: Any) -> list[Mapping[str, Any]]:
    """Entries (mappings with a `type`) anywhere in a loaded YAML document."""
    if isinstance(data, Mapping):
        if "type" in data and ("name" in data or "aliases" in data):
            return [data]
        return [e for v in data.values() for e in _lexicon_entries(v)]
    if isinstance(data, list):
        return [e for v in data for e in _lexicon_entries(v)]
    return []


def default_lexicon_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "lexicon"


_NISBA_SUFFIXES = ("ي", "يه", "يين", "يون", "يات", "يان")


def build_gazetteer(lexicon_dir: str | Path | None = None) -> dict[str, list[str]]:
    """Normalized token -> sorted gazetteer flags such as `PERS_B`, `LOC_S`, from the lexicon YAML files.

    Flags: B first / I inside / E last token of a multi-token name, S a one-token name; `PERSx_S` etc. for
    context aliases (names that are also common words: the model learns to trust them less); `ADJ` for
    nationality adjectives in their usual inflections. Missing or unreadable files are skipped (the lexicon
    is being written while this runs).
    """
    import yaml  # only needed at training time

    folder = Path(lexicon_dir) if lexicon_dir is not None else default_lexicon_dir()
    flags: dict[str, set[str]] = {}

    def add(name: str, flag: str) -> None:
        toks = [t for t in (normalize_word(x) for x in name.split()) if t]
        if len(toks) == 1:
            flags.setdefault(toks[0], set()).add(f"{flag}_S")
            return
        for k, tok in enumerate(toks):
            pos = "B" if k == 0 else "E" if k == len(toks) - 1 else "I"
            flags.setdefault(tok, set()).add(f"{flag}_{pos}")

    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        if path.name in NAME_LIST_FILES:
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            log.warning("gazetteer: skipping %s: %s", path, exc)
            continue
        for entry in _lexicon_entries(data):
            etype = LEXICON_TYPE_MAP.get(str(entry.get("type", "")).upper())
            if etype is None:
                continue
            for key in ("name", "aliases"):
                for name in _lexicon_strings(entry.get(key)):
                    add(name, etype)
            for name in _lexicon_strings(entry.get("context_aliases")):
                add(name, etype + "x")
            for name in _lexicon_strings(entry.get("capitals")):
                add(name, "LOC")
            for adj in _lexicon_strings(entry.get("adjectives")):
                words = [normalize_word(w) for w in adj.split()]
                if len(words) == 1 and words[0].endswith("ي"):
                    for suffix in _NISBA_SUFFIXES:
                        form = words[0][:-1] + suffix
                        for f in (form, "ال" + form):
                            flags.setdefault(f, set()).add("ADJ")
    for file_name, flag in NAME_LIST_FILES.items():
        for name in load_name_list(folder, file_name):
            add(name, flag)
    return {tok: sorted(f) for tok, f in sorted(flags.items())}


GIVEN_NAMES_FILE = "names.yaml"
# Name lists for the statistical tagger only (file -> gazetteer flag): sections of plain names, not entities;
# the rule-based matcher and the lexicon loader do not read them.
NAME_LIST_FILES: dict[str, str] = {
    GIVEN_NAMES_FILE: "GN",  # given names
    "org_names.yaml": "ON",  # organizations news often name: clubs, companies, banks, media, universities
    "surnames.yaml": "SN",  # family names and foreign surnames
}
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$")


def load_name_list(lexicon_dir: str | Path | None = None, file_name: str = GIVEN_NAMES_FILE) -> list[str]:
    """The names of one of the lexicon's name lists (NAME_LIST_FILES: sections of name lists), checked: every
    item must be one or more words of Arabic letters. A missing file gives no names; a malformed one raises
    ValueError."""
    import yaml

    folder = Path(lexicon_dir) if lexicon_dir is not None else default_lexicon_dir()
    path = folder / file_name
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, Mapping) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{path}: expected sections, each a list of names")
    names: list[str] = []
    for section, items in sorted(data.items()):
        for item in items:
            if not isinstance(item, str) or not _ARABIC_NAME_RE.match(dediac_ar(item.strip())):
                raise ValueError(f"{path}: {section}: not a name in Arabic letters: {item!r}")
            names.append(item.strip())
    return names


def load_given_names(lexicon_dir: str | Path | None = None) -> list[str]:
    """The given names of the lexicon's names.yaml (see load_name_list)."""
    return load_name_list(lexicon_dir, GIVEN_NAMES_FILE)


# cues.yaml (the rule-based recognizer's cue words) section -> our cue category
_CUE_SECTIONS = {
    "person_titles": "PT",
    "org_heads": "OC",
    "club_heads": "CL",
    "media_heads": "OC",
    "location_heads": "LC",
    "base_heads": "LC",
}


def load_cue_words(lexicon_dir: str | Path | None = None) -> dict[str, str]:
    """Built-in cue words plus the one-word cues of the lexicon's cues.yaml (normalized word -> category)."""
    import yaml

    table = _cue_table(CUE_WORDS)
    folder = Path(lexicon_dir) if lexicon_dir is not None else default_lexicon_dir()
    try:
        data = yaml.safe_load((folder / "cues.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return table
    if not isinstance(data, Mapping):
        return table
    for section, cat in sorted(_CUE_SECTIONS.items()):
        items = data.get(section) or []
        forms = (
            [i.get("form", "") if isinstance(i, Mapping) else i for i in items]
            if isinstance(items, list)
            else []
        )
        for form in (f for f in forms if isinstance(f, str)):
            words = form.split()
            if len(words) != 1:
                continue
            norm = normalize_word(words[0])
            # the bare form: lookups try every proclitic-stripped variant of a token
            table.setdefault(norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm, cat)
    return dict(sorted(table.items()))


def _cue_table(cues: Mapping[str, Sequence[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for cat, words in sorted(cues.items()):
        for w in words:
            table.setdefault(normalize_word(w), cat)
    return table


# Frequency bucket (the last corpus statistic of a word: training.build_word_clusters) from which a word is
# too common to be propagated as a surname on its own: seen 1,000 times or more in the unlabelled news.
_FREQUENT = 4


class NerTagger:
    """CRF tagger: `train` on (token, BIO tag) sentences; `predict` B-/I- PERS, LOC, ORG tags for tokens."""

    _CACHE_LIMIT = 300_000
    # How far (in sentences, before or after) a tagged name is propagated; negative: the whole batch.
    propagation_window = 20

    def __init__(self) -> None:
        self.gazetteer: dict[str, tuple[str, ...]] = {}
        self.cues: dict[str, str] = _cue_table(CUE_WORDS)
        # normalized word -> 3 cluster ids (coarse to fine) + 5 bucketed corpus statistics, from unlabelled
        # news: they carry "looks like a surname / a city / a club" to names the annotated corpora never saw.
        # Tuples, not lists: the garbage collector stops tracking tuples of ints.
        self.clusters: dict[str, tuple[int, ...]] = {}
        self.cluster_levels = 3  # the first values of a clusters tuple are cluster ids, the rest statistics
        self.params: dict[str, Any] = {}
        self.info: dict[str, Any] = {}
        self._crf: bytes | None = None
        self._cache: dict[str, tuple[Any, ...]] = {}
        self._scorer: _Scorer | None = None
        self._keys: dict[str, tuple[str, ...]] = {}
        self._tokens_of_form: dict[str, set[str]] = {}  # inverse of _keys
        self._club_heads: frozenset[str] | None = None  # the cue words of category CL, once needed

    # ---------------------------------------------------------------- features
    def _word_features(self, token: str) -> tuple[Any, ...]:
        """Feature values of one token: (norm, word-specific (family, value) pairs, then per offset group
        (own, ±1, ±2) tuples of shared "components": shape, clusters, corpus statistics, lexicon flags).

        A family's feature string at offset prefix P is `P + family + "=" + value`, for the prefixes in
        _FAMILY_PREFIXES. Prediction maps (family, value) straight to weight rows and caches components per
        distinct tuple, so an unseen word costs a handful of dict lookups.
        """
        norm = normalize_word(token)
        forms = proclitic_forms(norm)
        shape = _shape(norm)
        cats: set[str] = set()
        gaz: set[str] = set()
        cues, gazetteer = self.cues, self.gazetteer
        for f in (norm, *forms):
            cat = cues.get(f)
            if cat is not None:
                cats.add(cat)
            flags = gazetteer.get(f)
            if flags:
                gaz.update(flags)
        stem = min(forms, key=len) if forms else norm  # the fully proclitic-stripped form
        n = len(norm)
        specs = [("w", norm), ("st", stem)]
        for k in range(1, min(n, 5)):
            specs.append((_PREFIX_FAMILIES[k], norm[:k]))
            specs.append((_SUFFIX_FAMILIES[k], norm[-k:]))
        lex = "\t".join(["cue=" + c for c in sorted(cats)] + ["gz=" + g for g in sorted(gaz)])
        cl = self.clusters.get(norm)
        cpre = "c"
        if cl is None:
            cpre = "fc"  # cluster of a proclitic-stripped form: weaker evidence, own weights
            for f in sorted(forms, key=len, reverse=True):
                cl = self.clusters.get(f)
                if cl is not None:
                    break
        levels = self.cluster_levels
        if cl is None:
            cids: tuple[str, ...] = ("c=OOV",)
            stats = ""
        else:
            cids = tuple(f"{cpre}{k}={c}" for k, c in enumerate(cl[:levels]))
            stats = "\t".join(f"{cpre}{k}={c}" for k, c in enumerate(cl[levels:], levels))
        sh = "sh=" + shape
        length = "len=" + (str(n) if n < 7 else "7+")
        # A component is one feature or several joined by tabs; each is scored once per distinct value.
        own = (sh + "\t" + length, *cids, stats, lex)
        return (
            norm,
            specs,
            tuple(c for c in own if c),
            # neighbours at ±1: every cluster level and statistic; at ±2: the coarse levels (64, 256, 32)
            tuple(c for c in (sh, *cids, stats, lex) if c),
            tuple(c for c in (*cids[:2], *cids[3:4], lex) if c),
        )

    def _word(self, token: str) -> tuple[Any, ...]:
        """Cached feature strings of a token: (norm, features at offsets 0, -1, +1, -2, +2)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        norm, specs, own_c, ctx1_c, ctx2_c = self._word_features(token)
        comps = (own_c, ctx1_c, ctx1_c, ctx2_c, ctx2_c)
        entry: list[Any] = [norm]
        for prefix, groups in zip(_PREFIXES, comps, strict=True):
            feats = [prefix + fam + "=" + val for fam, val in specs if prefix in _FAMILY_PREFIXES[fam]]
            feats += [prefix + f for comp in groups for f in comp.split("\t")]
            entry.append(feats)
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = tuple(entry)
        return self._cache[token]

    def features(self, tokens: Sequence[str]) -> list[list[str]]:
        """CRF feature strings for every token of one sentence."""
        parts = [self._word(t) for t in tokens]
        n = len(parts)
        out: list[list[str]] = []
        for i, p in enumerate(parts):
            f = list(p[1])
            if i >= 1:
                f += parts[i - 1][2]
            else:
                f.append("BOS")
            if i >= 2:
                f += parts[i - 2][4]
            if i + 1 < n:
                f += parts[i + 1][3]
            else:
                f.append("EOS")
            if i + 2 < n:
                f += parts[i + 2][5]
            out.append(f)
        return out

    # ---------------------------------------------------------------- training
    def train(
        self,
        sentences: Sequence[Sequence[tuple[str, str]]],
        *,
        seed: int = 0,
        c1: float = 0.01,
        c2: float = 0.02,
        max_iterations: int = 200,
        min_freq: int = 1,
        lexicon_dir: str | Path | None = None,
        gazetteer: Mapping[str, Sequence[str]] | None = None,
        clusters: Mapping[str, Sequence[int]] | None = None,
        cluster_levels: int = 3,
        use_lexicon_cues: bool = True,
        verbose: bool = False,
    ) -> NerTagger:
        """Train on (token, tag) sentences (L-BFGS with elastic-net regularization, deterministic).

        The gazetteer comes from `gazetteer` if given, else from the lexicon YAML files (`lexicon_dir`,
        default the package's lexicon folder). `seed` is recorded; L-BFGS itself draws no random numbers.
        """
        t0 = time.perf_counter()
        if gazetteer is not None:
            self.gazetteer = {normalize_word(k): tuple(sorted(v)) for k, v in sorted(gazetteer.items())}
        else:
            self.gazetteer = {k: tuple(v) for k, v in build_gazetteer(lexicon_dir).items()}
        self.cues = load_cue_words(lexicon_dir) if use_lexicon_cues else _cue_table(CUE_WORDS)
        self._club_heads = None
        self.clusters = {w: tuple(c) for w, c in (clusters or {}).items()}
        self.cluster_levels = cluster_levels
        self._cache.clear()
        self._keys.clear()
        self._tokens_of_form.clear()
        self._scorer = None
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
        trainer.set_params(
            {
                "c1": c1,
                "c2": c2,
                "max_iterations": max_iterations,
                "feature.possible_transitions": True,
                "feature.minfreq": min_freq,
            }
        )
        n_tokens = 0
        for sent in sentences:
            if not sent:
                continue
            tokens = [t for t, _ in sent]
            trainer.append(self.features(tokens), [y for _, y in sent])
            n_tokens += len(tokens)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.crfsuite"
            trainer.train(str(path))
            self._crf = path.read_bytes()
        self.params = {
            "seed": seed,
            "algorithm": "lbfgs",
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "min_freq": min_freq,
        }
        self.info = {
            "sentences": len(sentences),
            "tokens": n_tokens,
            "gazetteer_tokens": len(self.gazetteer),
        }
        # (no timing in `info`: identical trainings must give byte-identical model files)
        log.info("trained on %d sentences in %.1f s", len(sentences), time.perf_counter() - t0)
        self._cache.clear()
        return self

    # ---------------------------------------------------------------- prediction
    def _get_scorer(self) -> _Scorer:
        if self._scorer is None:
            if self._crf is None:
                raise RuntimeError("NerTagger has no model: train() or load() first")
            self._scorer = _Scorer(self._crf, self._word_features)
        return self._scorer

    def predict(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one tokenized sentence."""
        return self.predict_many([tokens])[0]

    def predict_many(self, sentences: Iterable[Sequence[str]], *, propagate: bool = True) -> list[list[str]]:
        """BIO tags for many tokenized sentences (best: the sentences of one article, in order).

        With `propagate`, a name tagged somewhere in the batch is also tagged where the CRF missed it
        (same tokens, proclitics aside; majority type): news repeats names, and the first, fuller mention
        usually has the context that identifies it (+1-2 points of F1 on the held-out set). So is the surname
        of a person tagged with two names or more, unless it is a common word (+0.006 in 5-fold CV).
        """
        # Sequences are cut after sentence-final punctuation (the training sentences end there), and long
        # pieces also after clause punctuation: the batched Viterbi costs a few numpy calls per position of
        # the longest piece, so one 400-token article as a single sequence would be several times slower.
        pieces: list[list[str]] = []
        owners: list[int] = []
        for k, sent in enumerate(sentences):
            seq = sent if isinstance(sent, list) else list(sent)
            if len(seq) <= _MAX_PIECE and _SENTENCE_END.isdisjoint(seq):
                pieces.append(seq)
                owners.append(k)
                continue
            start = 0
            clause = -1  # last clause punctuation in the current piece
            for i, tok in enumerate(seq):
                if tok in _SENTENCE_END:
                    pieces.append(seq[start : i + 1])
                    owners.append(k)
                    start, clause = i + 1, -1
                elif tok in _CLAUSE_END:
                    if i - start >= _MAX_PIECE and clause > start:
                        pieces.append(seq[start : clause + 1])
                        owners.append(k)
                        start = clause + 1
                    clause = i
            if start < len(seq) or start == 0:
                pieces.append(seq[start:])
                owners.append(k)
        tags = self._get_scorer().tag_many(pieces)
        if propagate:
            tags = self._propagate(pieces, tags)
        tags = [self._club_names(piece, tg) for piece, tg in zip(pieces, tags, strict=True)]
        out: list[list[str]] = [[] for _ in range(owners[-1] + 1)] if owners else []
        for k, tg in zip(owners, tags, strict=True):
            out[k] += tg
        return out

    def _place_end(self, sent: Sequence[str], j: int) -> int:
        """End of the gazetteer place name starting at token j (j when none starts there)."""
        flags = {g for f in self._key_forms(sent[j]) for g in self.gazetteer.get(f, ())}
        if flags & {"LOC_S", "LOCx_S"}:
            return j + 1
        if "LOC_B" not in flags:
            return j
        k = j + 1
        while k < len(sent):
            inner = {g for f in self._key_forms(sent[k]) for g in self.gazetteer.get(f, ())}
            if not inner & {"LOC_I", "LOC_E"}:
                break
            k += 1
            if "LOC_E" in inner:
                return k
        return j

    def _club_names(self, sent: Sequence[str], tags: list[str]) -> list[str]:
        """A club head (cues.yaml `club_heads`: دينامو، ريال) before a place name is a club: دينامو كييف, ريال
        مدريد are organizations, whatever the CRF made of them (a person, a city after a word)."""
        heads = self._club_heads
        if heads is None:
            heads = self._club_heads = frozenset(w for w, cat in self.cues.items() if cat == "CL")
        n = len(sent)
        out: list[str] | None = None
        for i in range(n - 1):
            if heads.isdisjoint(self._key_forms(sent[i])):
                continue
            tg = out or tags
            if tg[i].startswith("I-"):
                continue  # inside a longer name
            j = i + 1
            if (tg[i] != "O" and tg[j].startswith("I-")) or tg[j].startswith("B-"):
                end = j + 1
                while end < n and tg[end].startswith("I-"):
                    end += 1
            else:
                end = self._place_end(sent, j)
                if end == j:
                    continue
            out = out or list(tags)
            out[i] = "B-ORG"
            out[i + 1 : end] = ["I-ORG"] * (end - i - 1)
        return out or tags

    def _key_forms(self, token: str) -> tuple[str, ...]:
        """The normalized token and its forms without و/ف and ب/ل/ك (the article stays)."""
        hit = self._keys.get(token)
        if hit is not None:
            return hit
        norm = normalize_word(token)
        forms = [norm]
        if len(norm) > 3 and norm[0] in "وف":
            forms.append(norm[1:])
        for f in list(forms):
            if len(f) > 3 and f[0] in "بلك":
                forms.append(f[1:])
                if f.startswith("لل") and len(f) > 4:
                    forms.append("ا" + f[1:])
        out = tuple(forms)
        if len(self._keys) >= self._CACHE_LIMIT:
            self._keys.clear()
            self._tokens_of_form.clear()
        self._keys[token] = out
        for f in out:
            self._tokens_of_form.setdefault(f, set()).add(token)
        return out

    def _propagate(self, sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
        from arabic_kg.ner.conll import spans  # local: conll imports nothing from here, but keep it lazy

        key_forms = self._key_forms
        window = self.propagation_window
        # key -> piece indices (ascending) and the type tagged there; a name counts only near where it was
        # tagged: a batch may hold several stories (a CoNLL file is one long batch), and a word that is a name
        # in one story (دين, a coach) is a common noun in the next.
        where: dict[tuple[str, ...], list[int]] = {}
        types: dict[tuple[str, ...], list[str]] = {}
        firsts: dict[tuple[str, ...], set[str]] = {}
        for p, (sent, tg) in enumerate(zip(sents, tags, strict=True)):
            if tg.count("O") == len(tg):
                continue
            for etype, a, b in spans(tg):
                forms = key_forms(sent[a])
                key = (forms[-1], *(key_forms(t)[0] for t in sent[a + 1 : b]))
                cue = self.cues.get(forms[-1])
                if sum(map(len, key)) < 3 or (cue is not None and cue != "CL"):
                    continue  # too short or a cue word (a club head opens a name): it would tag common words
                where.setdefault(key, []).append(p)
                types.setdefault(key, []).append(etype)
                firsts.setdefault(key, set()).update(forms)
                if etype == "PERS" and b - a >= 2:
                    # The surname alone is how a story goes on naming a person (أينشتاين after ألبرت
                    # أينشتاين), unless it is also a common word (علي / على، الله، الثاني: frequent in news).
                    last = key_forms(sent[b - 1])
                    surname = last[-1]
                    stats = self.clusters.get(surname)
                    common = stats is not None and stats[-1] >= _FREQUENT
                    if len(surname) >= 3 and surname not in self.cues and not common:
                        where.setdefault((surname,), []).append(p)
                        types.setdefault((surname,), []).append(etype)
                        firsts.setdefault((surname,), set()).update(last)
        if not where:
            return tags

        def vote(key: tuple[str, ...], p: int) -> str | None:
            """The majority type of the key's tags within `window` pieces of piece p (None: none there)."""
            idx = where[key]
            lo = bisect_left(idx, p - window) if window >= 0 else 0
            hi = bisect_right(idx, p + window) if window >= 0 else len(idx)
            if lo >= hi:
                return None
            counter = Counter(types[key][lo:hi])
            return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for key in where:
            for form in firsts[key]:
                index.setdefault(form, []).append((-len(key), key))
        # Raw token -> the names it can start (longest first); sentences without such a token pass through.
        # Found from the names' forms through the form -> tokens index (set operations, no loop per token).
        batch = set(chain.from_iterable(sents))
        for tok in batch.difference(self._keys):
            key_forms(tok)
        starts: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for form in index:
            for tok in batch.intersection(self._tokens_of_form.get(form, ())):
                if tok not in starts:
                    starts[tok] = sorted({c for f in self._keys[tok] for c in index.get(f, ())})
        out = []
        for p, (sent, tg) in enumerate(zip(sents, tags, strict=True)):
            positions = [i for i, tok in enumerate(sent) if tok in starts]
            if not positions:
                out.append(tg)
                continue
            tg = list(tg)
            n = len(sent)
            done = 0  # positions before this are inside a name tagged here
            for i in positions:
                if i < done or tg[i] != "O":
                    continue
                for neg_len, key in starts[sent[i]]:
                    length = -neg_len
                    if i + length > n or any(t != "O" for t in tg[i : i + length]):
                        continue
                    if all(key_forms(sent[i + k])[0] == key[k] for k in range(1, length)):
                        etype = vote(key, p)
                        if etype is None:
                            continue
                        tg[i] = "B-" + etype
                        tg[i + 1 : i + length] = ["I-" + etype] * (length - 1)
                        done = i + length
                        break
            out.append(tg)
        return out

    def predict_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """Reference path: tags from crfsuite's own Viterbi (used by the tests to check the fast path)."""
        if self._crf is None:
            raise RuntimeError("NerTagger has no model: train() or load() first")
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(self._crf)
        try:
            return list(tagger.tag(self.features(tokens))) if tokens else []
        finally:
            tagger.close()

    # ---------------------------------------------------------------- persistence
    def save(self, path: str | Path) -> Path:
        """One gzip file: a JSON header (gazetteer, cue words, parameters) followed by the crfsuite model."""
        if self._crf is None:
            raise RuntimeError("nothing to save: train() first")
        meta = {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "params": self.params,
            "info": self.info,
            "cues": self.cues,
            "gazetteer": self.gazetteer,
            "clusters": self.clusters,
            "cluster_levels": self.cluster_levels,
        }
        header = json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8")
        payload = _MAGIC + len(header).to_bytes(8, "big") + header + self._crf
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0 and a fixed compression level keep the file byte-identical across identical trainings.
        path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
        return path

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerTagger:
        """Load a model written by `save` (default: the model shipped with the package)."""
        raw = gzip.decompress(Path(path if path is not None else default_model_path()).read_bytes())
        if not raw.startswith(_MAGIC):
            raise ValueError(f"{path}: not an arabic-kg NER model")
        k = len(_MAGIC)
        size = int.from_bytes(raw[k : k + 8], "big")
        meta = json.loads(raw[k + 8 : k + 8 + size].decode("utf-8"))
        if meta.get("format") != MODEL_FORMAT or meta.get("version") != MODEL_VERSION:
            raise ValueError(f"{path}: unsupported model format {meta.get('format')} v{meta.get('version')}")
        tagger = cls()
        tagger.params = meta["params"]
        tagger.info = meta["info"]
        tagger.cues = meta["cues"]
        tagger.gazetteer = {k: tuple(v) for k, v in meta["gazetteer"].items()}
        tagger.clusters = {k: tuple(v) for k, v in meta.get("clusters", {}).items()}
        tagger.cluster_levels = int(meta.get("cluster_levels", 3))
        tagger._crf = raw[k + 8 + size :]
        return tagger


def default_model_path() -> Path:
    """The model shipped in the package."""
    return Path(__file__).resolve().parent / "model" / DEFAULT_MODEL_NAME


class _Scorer:
    """Batched Viterbi over the CRF's weights, with per-word score vectors cached.

    A token's emission scores are the sum of the weights of its features, and every feature belongs to exactly
    one (word, offset) part, so the emission matrix of a batch is five fancy-indexed table lookups. Equality
    with crfsuite's own Viterbi is checked in the tests.
    """

    def __init__(self, crf: bytes, featurize: Any) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(crf)
        try:
            info = tagger.info()
            self.labels: list[str] = list(tagger.labels())
        finally:
            tagger.close()
        self._label_array = np.array(self.labels, dtype=object)
        n_labels = len(self.labels)
        lab = {name: k for k, name in enumerate(self.labels)}
        self.trans = np.zeros((n_labels, n_labels))
        for (src, dst), w in info.transitions.items():
            self.trans[lab[src], lab[dst]] = w
        attr_vecs: dict[str, np.ndarray] = {}
        for (attr, label), w in info.state_features.items():
            vec = attr_vecs.get(attr)
            if vec is None:
                vec = attr_vecs[attr] = np.zeros(n_labels)
            vec[lab[label]] = w
        self._attr_row: dict[str, int] = {}
        self._comp_rows: list[dict[str, int]] = [{} for _ in _PREFIXES]
        rows = [np.zeros(n_labels)]  # row 0: the zero vector (features the model dropped)
        # (family, value) -> ((offset index, row), ...) for the word-specific families
        self._family_rows: dict[str, dict[str, tuple[tuple[int, int], ...]]] = {
            f: {} for f in _FAMILY_PREFIXES
        }
        for attr, vec in sorted(attr_vecs.items()):
            r = len(rows)
            self._attr_row[attr] = r
            rows.append(vec)
            k = _PREFIXES.index(attr[:2]) if attr[:2] in _PREFIXES else 0
            family, eq, value = attr[2 if k else 0 :].partition("=")
            fam = self._family_rows.get(family)
            if eq and fam is not None and _PREFIXES[k] in _FAMILY_PREFIXES[family]:
                fam[value] = (*fam.get(value, ()), (k, r))
        # Rows past the CRF's attributes are cached sums for component tuples (see _word_features).
        self._n_rows = len(rows)
        self.weights = np.vstack(rows + [np.zeros(n_labels)] * 1024)
        self._featurize = featurize
        # Per-token tables, one row per distinct token: offsets 0, -1, +1, -2, +2 (the order of _OFFSETS).
        # Row 0 is the sentence boundary: as previous word it carries BOS, as next word EOS.
        self._ids: dict[str, int] = {}  # token -> row
        self._norm_ids: dict[str, int] = {}  # normalized word -> row
        self._tables = np.zeros((len(_OFFSETS), 1024, n_labels))
        self._tables[1, 0] = self._vector(["BOS"])
        self._tables[2, 0] = self._vector(["EOS"])
        self._size = 1

    def _vector(self, feats: Sequence[str]) -> np.ndarray:
        idx = [self._attr_row.get(f, 0) for f in feats]
        return self.weights[idx].sum(axis=0)

    def _component_row(self, k: int, comp: str) -> int:
        """Row of the summed weights of a component at offset index k (computed once per distinct value)."""
        row = self._comp_rows[k].get(comp)
        if row is None:
            prefix = _PREFIXES[k]
            vec = self._vector([prefix + f for f in comp.split("\t")])
            if self._n_rows >= len(self.weights):
                self.weights = np.vstack([self.weights, np.zeros_like(self.weights)])
            row = self._n_rows
            self.weights[row] = vec
            self._n_rows += 1
            self._comp_rows[k][comp] = row
        return row

    def _add_tokens(self, tokens: list[str]) -> None:
        """Score new distinct tokens: collect (table cell, weight row) pairs, then one scatter-add.

        Features depend on the normalized word only, so spelling variants (hamza seats, diacritics, ة/ه)
        share one row and are scored once.
        """
        ids, norm_ids = self._ids, self._norm_ids
        norms: list[str] = []
        for tok in tokens:
            norm = normalize_word(tok)
            row = norm_ids.get(norm)
            if row is None:
                row = norm_ids[norm] = self._size + len(norms)
                norms.append(norm)
            ids[tok] = row
        if not norms:
            return
        need = self._size + len(norms)
        if need > self._tables.shape[1]:
            cap = max(need, 2 * self._tables.shape[1])
            grown = np.zeros((len(_OFFSETS), cap, self._tables.shape[2]))
            grown[:, : self._size] = self._tables[:, : self._size]
            self._tables = grown
        cap = self._tables.shape[1]
        fam_rows = self._family_rows
        comp_rows = self._comp_rows
        cells: list[int] = []
        srcs: list[int] = []
        for j, norm in enumerate(norms):
            base = self._size + j
            _, specs, own_c, ctx1_c, ctx2_c = self._featurize(norm)
            for fam, val in specs:
                pairs = fam_rows[fam].get(val)
                if pairs:
                    for k, r in pairs:
                        cells.append(k * cap + base)
                        srcs.append(r)
            for k, groups in ((0, own_c), (1, ctx1_c), (2, ctx1_c), (3, ctx2_c), (4, ctx2_c)):
                cell = k * cap + base
                rows_k = comp_rows[k]
                for comp in groups:
                    r = rows_k.get(comp)
                    cells.append(cell)
                    srcs.append(r if r is not None else self._component_row(k, comp))
        flat = self._tables.reshape(len(_OFFSETS) * cap, -1)  # a view: rows are (offset, token) cells
        np.add.at(flat, np.array(cells), self.weights[srcs])
        self._size = need

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((k for k in range(len(sentences)) if sentences[k]), key=lambda k: -len(sentences[k]))
        if not order:
            return out
        if len(self._ids) > NerTagger._CACHE_LIMIT:
            self.reset()
        ids = self._ids
        new = sorted({t for k in order for t in sentences[k] if t not in ids})
        if new:
            self._add_tokens(new)
        n_sent = len(order)
        n_max = len(sentences[order[0]])
        grid = np.zeros((n_sent, n_max + 4), dtype=np.int64)  # 0 = boundary, 2 columns of it on each side
        for b, k in enumerate(order):
            sent = sentences[k]
            grid[b, 2 : 2 + len(sent)] = [ids[t] for t in sent]
        tab = self._tables
        emit = (
            tab[0][grid[:, 2:-2]]
            + tab[1][grid[:, 1:-3]]
            + tab[2][grid[:, 3:-1]]
            + tab[3][grid[:, :-4]]
            + tab[4][grid[:, 4:]]
        )
        # Viterbi; sentences are sorted longest first, so the ones still running at position t are a prefix.
        lengths = np.array([len(sentences[k]) for k in order])
        # active[t]: how many sentences are longer than t (lengths are sorted in decreasing order)
        active = np.searchsorted(-lengths, -np.arange(n_max), side="left")
        n_labels = emit.shape[2]
        back = np.zeros((n_max, n_sent, n_labels), dtype=np.intp)
        delta = emit[:, 0].copy()
        cand = np.empty((n_sent, n_labels, n_labels))
        trans = self.trans
        for t in range(1, n_max):
            a = int(active[t])
            buf = cand[:a]
            np.add(delta[:a, :, None], trans, out=buf)
            buf.argmax(axis=1, out=back[t, :a])
            d = delta[:a]
            buf.max(axis=1, out=d)
            d += emit[:a, t]
        # Backtrack all sentences at once; a sentence's final label waits in y until t reaches its end.
        paths = np.zeros((n_sent, n_max), dtype=np.intp)
        y = delta.argmax(axis=1)
        rows = np.arange(n_sent)
        for t in range(n_max - 1, 0, -1):
            a = int(active[t])
            paths[:a, t] = y[:a]
            y[:a] = back[t, rows[:a], y[:a]]
        paths[:, 0] = y
        tagged = self._label_array[paths]
        for b, k in enumerate(order):
            out[k] = tagged[b, : lengths[b]].tolist()
        return out

    def reset(self) -> None:
        """Forget the cached tokens (bounded memory for long runs)."""
        keep = self._tables[:, :1].copy()
        self._ids = {}
        self._norm_ids = {}
        self._tables = np.zeros((len(_OFFSETS), 1024, self._tables.shape[2]))
        self._tables[:, :1] = keep
        self._size = 1
