"""Trigger lookup: the forms of ``lexicon/triggers.yaml`` expanded once into a dict.

Each written form is expanded into its inflections (verb persons and numbers, the future prefix
س, object pronouns; the article, tanween alif, duals and possessive pronouns of nouns; the sound
plurals of participles), normalized like tokens are. Matching a token is then one dict lookup per
proclitic variant (``Token.variants`` already strips و ف ب ل ك), so the cost does not grow with
the size of the lexicon. Phrases are indexed by their first word and checked word by word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arabic_kg.lexicon import Lexicon
from arabic_kg.models import TriggerEntry
from arabic_kg.text import Token, normalize

PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن")
IMPF_PREFIXES = ("ي", "ت", "ن", "ا")
IMPF_SUFFIXES = ("", "ون", "ان", "ين", "ن", "وا", "ا")
PLURAL_SUBJECTS = frozenset({"ون", "ان", "وا", "ا", "تا"})  # dual and plural agreement endings
FIRST_SECOND_PAST = frozenset({"نا", "تم", "تما", "تن"})  # قصفنا، قصفتم
OBJECTS = ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم", "ني")
POSSESSIVES = ("ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم")
PARTICIPLE_SUFFIXES = ("ون", "ين", "ه", "ات", "ان", "تان", "تين")
# Common words that look like a trigger once a proclitic is cut off (وزارة → و + زاره "visited him").
NOT_TRIGGERS = frozenset(normalize(w) for w in [
    "وزارة", "وزارات", "وزاري", "وزارية", "الوزارة", "الوزاري", "الوزارية", "وزارتا", "وزارتي",
    # the noun "phone" (هاتف إم إكس 5، عبر الهاتف) far outnumbers the verb "he phoned"
    "هاتف", "الهاتف",
])
# Words of a phrase that never inflect.
FUNCTION_WORDS = frozenset(
    normalize(w) for w in ["من", "في", "على", "إلى", "الى", "عن", "مع", "ضد", "بين", "ل", "ب"]
)

DEFAULT_PREPS: dict[str, tuple[str, ...]] = {
    "strikes": ("على", "ضد"),
    "fights": ("ضد", "على", "مع"),
    "coordinates_with": ("مع", "بين"),
    "meets_with": ("مع", "بين", "ب"),
    "supports": ("ل", "إلى"),
    "trains": ("ل",),
    "affiliated_with": (),
    "located_in": (),
    "co_mentioned": (),
}


@dataclass(frozen=True, slots=True)
class TriggerForm:
    """One inflected form of a trigger entry, with what its morphology says."""

    relation: str
    pos: str  # verb | noun | participle
    voice: str
    genitive: str
    preps: frozenset[str]
    rest: tuple[frozenset[str], ...]  # the following words of a phrase
    direct_object: bool = True
    future: bool = False  # سيقصف
    obj_suffix: bool = False  # دربهم: the patient is a pronoun
    possessive: bool = False  # غاراته: the agent is a pronoun
    imperfective: bool = False
    # يؤيدون، قصفوا، نقصف: the ending or prefix is the subject, so a name after the verb is its object
    pronoun_subject: bool = False


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in the text: tokens [start, end) and the proclitics cut off the first one."""

    form: TriggerForm
    start: int  # token index
    end: int  # token index, exclusive
    cut: int  # normalized characters of proclitics before the trigger (ل in لتدريب)
    prefix: str  # those characters (و، ل، ب، ول ...)

    @property
    def relation(self) -> str:
        return self.form.relation


def _verb_forms(word: str) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}

    def add(form: str, **flags: bool) -> None:
        if len(form) >= 2 and form not in out:
            out[form] = flags

    if word.startswith("ي") and len(word) > 3:  # an imperfective: يقصف → stem قصف
        stem = word[1:]
        for pre in IMPF_PREFIXES:
            for suf in IMPF_SUFFIXES:
                form = pre + stem + suf
                pronoun = suf in PLURAL_SUBJECTS or pre in ("ن", "ا")
                add(form, imperfective=True, pronoun_subject=pronoun)
                add("س" + form, imperfective=True, future=True, pronoun_subject=pronoun)
            for suf in ("", "و", "ان", "ين"):
                for obj in OBJECTS:
                    add(pre + stem + suf + obj, imperfective=True, obj_suffix=True)
                    add("س" + pre + stem + suf + obj, imperfective=True, obj_suffix=True, future=True)
    else:
        add(word)
        for suf in PAST_SUFFIXES:
            add(word + suf, pronoun_subject=suf in PLURAL_SUBJECTS or suf in FIRST_SECOND_PAST)
            base = word + ("و" if suf == "وا" else "تمو" if suf == "تم" else suf)
            for obj in OBJECTS:
                add(base + obj, obj_suffix=True)
    return out


def _noun_forms(word: str, participle: bool = False) -> dict[str, dict[str, bool]]:
    out: dict[str, dict[str, bool]] = {}
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word

    def add(form: str, **flags: bool) -> None:
        if len(form) >= 2 and form not in out:
            out[form] = flags

    stems = [bare]
    plurals = set()
    if participle:
        plurals = {bare + s for s in ("ون", "ين")}
        stems += [bare + s for s in PARTICIPLE_SUFFIXES]
    for stem in stems:
        add(stem)
        add("ال" + stem)
        if stem.endswith("ه"):  # teh marbuta: غاره → غارتها، غارتان
            root = stem[:-1] + "ت"
            for poss in POSSESSIVES:
                add(root + poss, possessive=True)
            for dual in ("ان", "ين"):
                add(root + dual)
                add("ال" + root + dual)
        else:
            add(stem + "ا")  # tanween alif: تنسيقا، دعما
            if stem not in plurals:  # المدعومون takes no pronoun; تعاونها does
                for poss in POSSESSIVES:
                    add(stem + poss, possessive=True)
                    # لقاء → لقائه، لقاؤه: normalization drops a final hamza but keeps a seated one.
                    if stem.endswith("ا"):
                        add(stem + "ي" + poss, possessive=True)
                        add(stem + "و" + poss, possessive=True)
            if not participle:
                for dual in ("ان", "ين"):
                    add(stem + dual)
                    add("ال" + stem + dual)
    if word != bare:  # written with the article: keep it literal too
        add(word)
    return out


def _rest_forms(word: str) -> frozenset[str]:
    if word in FUNCTION_WORDS:
        return frozenset({word})
    return frozenset(_noun_forms(word))


def _entry_forms(entry: TriggerEntry) -> list[tuple[str, TriggerForm]]:
    preps = frozenset(normalize(p) for p in (entry.preps or DEFAULT_PREPS[entry.relation]))
    out: list[tuple[str, TriggerForm]] = []
    for written in entry.forms:
        words = [normalize(w) for w in written.split()]
        words = [w for w in words if w]
        if not words:
            continue
        rest = tuple(_rest_forms(w) for w in words[1:])
        if entry.pos == "verb":
            forms = _verb_forms(words[0])
        else:
            forms = _noun_forms(words[0], participle=entry.pos == "participle")
        for form, flags in forms.items():
            out.append((form, TriggerForm(entry.relation, entry.pos, entry.voice, entry.genitive, preps, rest,
                                          entry.direct_object, **flags)))
    return out


class TriggerIndex:
    """All trigger forms of a lexicon, keyed by the normalized first word."""

    def __init__(self, entries: Sequence[TriggerEntry]) -> None:
        index: dict[str, list[TriggerForm]] = {}
        for entry in entries:
            for form, trig in _entry_forms(entry):
                bucket = index.setdefault(form, [])
                if trig not in bucket:
                    bucket.append(trig)
        self.index = index

    def match(
        self, tokens: Sequence[Token], i: int, limit: int, verb_context: bool = False
    ) -> TriggerHit | None:
        """The longest trigger starting at token i (ending before ``limit``), least-stripped form first.

        A bare form that is both a verb and a noun (قصف، دعم، طرد) is read as the noun - the verbal
        noun is far more frequent in news - unless ``verb_context`` (after أن، قد، لم ...)."""
        best: TriggerHit | None = None
        tok = tokens[i]
        if tok.norm in NOT_TRIGGERS or tok.norm[1:] in NOT_TRIGGERS:
            return None
        for form, cut in tok.variants:
            bucket = self.index.get(form)
            if not bucket:
                continue
            for trig in bucket:
                if trig.pos == "verb" and not trig.imperfective and "ل" in tok.norm[:cut]:
                    continue  # لضرب، لقصف: after ل a past-tense form is a verbal noun, not a verb
                n = len(trig.rest)
                if i + 1 + n > limit:
                    continue
                if n and not all(_word_in(tokens[i + 1 + k], trig.rest[k]) for k in range(n)):
                    continue
                same = best is not None and 1 + n == best.end - best.start and best.form.rest == trig.rest
                better = same and (trig.pos == "verb") == verb_context and (
                    best.form.pos == "verb"  # type: ignore[union-attr]
                ) != verb_context
                if best is None or 1 + n > best.end - best.start or better:
                    # للتدريب: ل + ال with the alef restored; the ل is still a proclitic.
                    prefix = tok.norm[:cut] if tok.norm[cut:] == form else tok.norm[: cut + 1]
                    best = TriggerHit(trig, i, i + 1 + n, cut, prefix)
        return best


def _word_in(tok: Token, forms: frozenset[str]) -> bool:
    return any(v in forms for v, _ in tok.variants)


_CACHE: dict[int, tuple[object, TriggerIndex]] = {}


def trigger_index(lexicon: Lexicon) -> TriggerIndex:
    """The compiled index of ``lexicon.triggers`` (built once per loaded lexicon)."""
    key = id(lexicon.triggers)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not lexicon.triggers:
        hit = (lexicon.triggers, TriggerIndex(lexicon.triggers))
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = hit
    return hit[1]
