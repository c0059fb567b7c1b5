"""Lexicons as data: entities, cue words and relation triggers, validated by pydantic on load.

The shipped files live beside this module (``*.yaml``). Users add or override entries with
``--lexicon FILE`` (YAML or JSON, same schema; an entry with an existing id replaces it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from arabic_kg.models import LexiconEntry, TriggerEntry
from arabic_kg.text import normalize, normalize_light, tokenize

LEXICON_DIR = Path(__file__).parent
ENTITY_FILES = ("states.yaml", "organizations.yaml", "persons.yaml", "bases.yaml", "locations.yaml")

try:  # the C loader is ~10x faster; fall back when libyaml is missing
    _YamlLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YamlLoader = yaml.SafeLoader


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message is one line naming the file and entry."""


class PersonTitle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    form: str
    role: str


class CueLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organs: list[str] = Field(default_factory=list)
    home_state_organs: list[str] = Field(default_factory=list)
    deposed_words: list[str] = Field(default_factory=list)
    group_adjectives: list[str] = Field(default_factory=list)
    person_titles: list[PersonTitle] = Field(default_factory=list)
    base_heads: list[str] = Field(default_factory=list)
    base_suffixes: list[str] = Field(default_factory=list)
    org_heads: list[str] = Field(default_factory=list)
    club_heads: list[str] = Field(default_factory=list)
    media_heads: list[str] = Field(default_factory=list)
    ambiguous_media_heads: list[str] = Field(default_factory=list)
    location_heads: list[str] = Field(default_factory=list)
    place_adjectives: list[str] = Field(default_factory=list)
    place_definites: list[str] = Field(default_factory=list)
    stopwords: list[str] = Field(default_factory=list)
    named_after_heads: list[str] = Field(default_factory=list)
    title_qualifiers: list[str] = Field(default_factory=list)
    leader_phrases: list[str] = Field(default_factory=list)
    anaphoric_heads: list[str] = Field(default_factory=list)
    anaphoric_adjectives: list[str] = Field(default_factory=list)
    sports_words: list[str] = Field(default_factory=list)
    not_names: list[str] = Field(default_factory=list)


# Suffixes of number and case a sports word (cues `sports_words`) may take: مدربا، مدربين، مدربو، كروية.
SPORTS_SUFFIXES = ("", "ا", "ه", "ين", "ي", "و", "ون", "ان", "ات")


def phrase_key(text: str) -> tuple[str, ...]:
    """The normalized token sequence of a phrase, as the matcher sees it."""
    return tuple(t.norm for t in tokenize(text))


# Suffixes of a nisba adjective after its final ي: masc., fem., masc. pl. (acc./nom.), fem. pl., dual.
_NISBA_SUFFIXES = ("ي", "يه", "يين", "يون", "يات", "يان", "يتين", "يتان")


def adjective_forms(adjective: str) -> set[tuple[str, ...]]:
    """All inflections of a nationality adjective, with and without the article.

    ``سوري`` → ``السوري، السورية، السوريين، السوريون، السوريات ...``; a two-word adjective
    (``كوري شمالي``) inflects both words."""
    words = phrase_key(adjective)
    if not words or not all(w.endswith("ي") for w in words):
        return {words} if words else set()
    out: set[tuple[str, ...]] = set()
    for suffix in _NISBA_SUFFIXES:
        forms = tuple(w[:-1] + suffix for w in words)
        out.add(forms)
        out.add(tuple("ال" + w for w in forms))
    return out


@dataclass
class Lexicon:
    """All lexicon data, indexed for matching."""

    entries: dict[str, LexiconEntry]
    cues: CueLexicon
    triggers: list[TriggerEntry]
    # normalized token sequence → list of (entry id, how: alias | context | capital)
    phrases: dict[tuple[str, ...], list[tuple[str, str]]] = field(default_factory=dict)
    adjectives: dict[tuple[str, ...], str] = field(default_factory=dict)  # inflected form → state id
    organs: set[tuple[str, ...]] = field(default_factory=set)
    home_state_organs: set[tuple[str, ...]] = field(default_factory=set)
    deposed_words: set[str] = field(default_factory=set)
    group_adjectives: set[str] = field(default_factory=set)
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # title → role
    title_roles: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # title → all its roles
    base_heads: set[str] = field(default_factory=set)
    base_suffixes: set[str] = field(default_factory=set)
    org_heads: set[str] = field(default_factory=set)
    club_heads: set[str] = field(default_factory=set)
    media_heads: set[tuple[str, ...]] = field(default_factory=set)
    ambiguous_media_heads: set[tuple[str, ...]] = field(default_factory=set)
    location_heads: set[str] = field(default_factory=set)
    place_adjectives: set[str] = field(default_factory=set)
    place_definites: set[str] = field(default_factory=set)
    not_names: set[tuple[str, ...]] = field(default_factory=set)
    sports_forms: dict[str, str] = field(default_factory=dict)
    stopwords: set[str] = field(default_factory=set)
    stopwords_light: set[str] = field(default_factory=set)
    named_after_heads: set[str] = field(default_factory=set)
    title_qualifiers: set[tuple[str, ...]] = field(default_factory=set)
    leader_phrases: set[tuple[str, ...]] = field(default_factory=set)
    anaphoric_heads: set[str] = field(default_factory=set)
    anaphoric_head_forms: set[str] = field(default_factory=set)  # with the article: التنظيم
    # organization id → the first words (article dropped) of its name and aliases: داعش → {تنظيم, داعش ...}
    org_head_words: dict[str, frozenset[str]] = field(default_factory=dict)
    anaphoric_adjectives: set[str] = field(default_factory=set)
    max_phrase_len: int = 1

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        phrases: dict[tuple[str, ...], list[tuple[str, str]]] = {}

        def add(text: str, entry_id: str, how: str) -> None:
            key = phrase_key(text)
            if not key:
                return
            bucket = phrases.setdefault(key, [])
            if (entry_id, how) not in bucket:
                bucket.append((entry_id, how))

        for entry in self.entries.values():
            ambiguous = {phrase_key(a) for a in entry.context_aliases}
            # A canonical name that is also a common word (مالي، بنين) needs a cue like its other
            # ambiguous spellings.
            add(entry.name, entry.id, "context" if phrase_key(entry.name) in ambiguous else "alias")
            for alias in entry.aliases:
                add(alias, entry.id, "alias")
            for alias in entry.context_aliases:
                add(alias, entry.id, "context")
                key = phrase_key(alias)
                if entry.led_by and key and key[-1].startswith("ال") and len(key[-1]) > 4:
                    # تحالف تقوده السعودية: without the article the spelling names a coalition only
                    # before the state leading it.
                    add(" ".join((*key[:-1], key[-1][2:])), entry.id, "led")
            for capital in entry.capitals:
                add(capital, entry.id, "capital")
            for adjective in entry.adjectives:
                for form in adjective_forms(adjective):
                    self.adjectives.setdefault(form, entry.id)
        self.phrases = phrases
        self.max_phrase_len = max((len(k) for k in phrases), default=1)
        self.organs = {phrase_key(o) for o in self.cues.organs}
        self.home_state_organs = {phrase_key(o) for o in self.cues.home_state_organs}
        self.deposed_words = {normalize(w) for w in self.cues.deposed_words}
        self.group_adjectives = {normalize(w) for w in self.cues.group_adjectives}
        self.titles = {phrase_key(t.form): t.role for t in self.cues.person_titles}
        self.title_roles: dict[tuple[str, ...], set[str]] = {}  # every role a title form is listed with
        for t in self.cues.person_titles:
            self.title_roles.setdefault(phrase_key(t.form), set()).add(t.role)
        self.base_heads = {normalize(w) for w in self.cues.base_heads}
        self.base_suffixes = {normalize(w) for w in self.cues.base_suffixes}
        self.org_heads = {normalize(w) for w in self.cues.org_heads}
        self.club_heads = {normalize(w) for w in self.cues.club_heads}
        self.media_heads = {phrase_key(w) for w in self.cues.media_heads}
        self.ambiguous_media_heads = {phrase_key(w) for w in self.cues.ambiguous_media_heads}
        self.location_heads = {normalize(w) for w in self.cues.location_heads}
        self.place_adjectives = {normalize(w) for w in self.cues.place_adjectives}
        self.place_definites = {normalize(w) for w in self.cues.place_definites}
        self.not_names = {phrase_key(w) for w in self.cues.not_names}
        # every written form of a sports word (with the article, a suffix of number or case) -> the word
        self.sports_forms: dict[str, str] = {}
        for word in (normalize(w) for w in self.cues.sports_words):
            for suffix in SPORTS_SUFFIXES:
                self.sports_forms.setdefault(word + suffix, word)
                self.sports_forms.setdefault("ال" + word + suffix, word)
        self.stopwords = {normalize(w) for w in self.cues.stopwords}
        # Stopwords as written (ى kept): على is a stopword, the name علي is not.
        self.stopwords_light = {normalize_light(w) for w in self.cues.stopwords}
        self.named_after_heads = {normalize(w) for w in self.cues.named_after_heads}
        self.title_qualifiers = {phrase_key(w) for w in self.cues.title_qualifiers}
        self.leader_phrases = {phrase_key(w) for w in self.cues.leader_phrases}
        self.anaphoric_heads = {normalize(w) for w in self.cues.anaphoric_heads}
        self.anaphoric_head_forms = {"ال" + w for w in self.anaphoric_heads}
        self.org_head_words = {}
        for entry in self.entries.values():
            if entry.type == "ORGANIZATION":
                keys = [phrase_key(n) for n in (entry.name, *entry.aliases)]
                self.org_head_words[entry.id] = frozenset(
                    k[0][2:] if k[0].startswith("ال") else k[0] for k in keys if k
                )
        self.anaphoric_adjectives = {normalize(w) for w in self.cues.anaphoric_adjectives}

    def get(self, entry_id: str) -> LexiconEntry | None:
        return self.entries.get(entry_id)


def _read_data(path: Path) -> object:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(raw)
        return yaml.load(raw, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LexiconError(f"{path}: not valid {path.suffix.lstrip('.') or 'YAML'}: {first}") from None


def _describe(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "entry"
    return f"{where}: {err.get('msg', 'invalid')}"


def load_entries(path: Path) -> list[LexiconEntry]:
    """Entity entries of one file (a list, or an object with an ``entries`` list)."""
    data = _read_data(path)
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
    if not isinstance(data, list):
        raise LexiconError(f"{path}: expected a list of entries")
    out: list[LexiconEntry] = []
    for i, item in enumerate(data):
        label = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item, dict):
            raise LexiconError(f"{path}: entry {i}: expected a mapping, got {type(item).__name__}")
        try:
            out.append(LexiconEntry(**item))
        except ValidationError as exc:
            raise LexiconError(f"{path}: entry {i} ({label or 'no id'}): {_describe(exc)}") from None
    return out


def _load_triggers(path: Path) -> list[TriggerEntry]:
    data = _read_data(path)
    if not isinstance(data, list):
        raise LexiconError(f"{path}: expected a list of triggers")
    out = []
    for i, item in enumerate(data):
        try:
            out.append(TriggerEntry(**item))
        except (ValidationError, TypeError) as exc:
            msg = _describe(exc) if isinstance(exc, ValidationError) else str(exc)
            raise LexiconError(f"{path}: trigger {i}: {msg}") from None
    return out


def _check_references(entries: dict[str, LexiconEntry], origin: dict[str, Path]) -> None:
    for entry in entries.values():
        for ref in (entry.affiliation, entry.located_in, entry.led_by, *entry.active_in):
            if ref is not None and ref not in entries:
                raise LexiconError(f"{origin[entry.id]}: entry {entry.id}: unknown id {ref!r}")


def load_lexicon(extra: Sequence[str | Path] = (), *, check_references: bool = True) -> Lexicon:
    """The shipped lexicon plus the user's files (later files override earlier ones by id)."""
    return _load_cached(tuple(str(p) for p in extra), check_references)


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...], check_references: bool) -> Lexicon:
    entries: dict[str, LexiconEntry] = {}
    origin: dict[str, Path] = {}
    files: list[Path] = [LEXICON_DIR / name for name in ENTITY_FILES if (LEXICON_DIR / name).exists()]
    user_files = [Path(p) for p in extra]
    for path in user_files:
        if not path.exists():
            raise LexiconError(f"{path}: lexicon file not found")
    for path in files + user_files:
        for entry in load_entries(path):
            entries[entry.id] = entry
            origin[entry.id] = path
    if check_references:
        _check_references(entries, origin)
    cue_data = _read_data(LEXICON_DIR / "cues.yaml")
    try:
        cues = CueLexicon(**cue_data)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise LexiconError(f"cues.yaml: {_describe(exc)}") from None
    trigger_path = LEXICON_DIR / "triggers.yaml"
    triggers = _load_triggers(trigger_path) if trigger_path.exists() else []
    return Lexicon(entries=entries, cues=cues, triggers=triggers)


def iter_names(entry: LexiconEntry) -> Iterable[str]:
    yield entry.name
    yield from entry.aliases
