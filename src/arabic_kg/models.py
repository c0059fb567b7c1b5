"""Pydantic data contracts shared by every pipeline stage.

The JSON written by `arabic-kg extract` is exactly the serialization of `DocumentResult`
(see ../shared/eval/README.md for the contract it follows).
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

EntityType = Literal["PERSON", "STATE", "ORGANIZATION", "BASE", "LOCATION"]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)

RelationType = Literal[
    "coordinates_with",
    "strikes",
    "trains",
    "fights",
    "meets_with",
    "supports",
    "affiliated_with",
    "located_in",
    "co_mentioned",
]
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)
CORE_RELATIONS: tuple[str, ...] = ("coordinates_with", "strikes", "trains")
# Symmetric relations are stored with source < target (by canonical id).
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"coordinates_with", "meets_with", "fights", "co_mentioned"})

Polarity = Literal["asserted", "negated"]
Modality = Literal["asserted", "planned", "reported"]


class Span(BaseModel):
    """A stretch of an article: `article_text[start:end] == text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """One occurrence of an entity in an article."""

    # How the mention was found: lexicon, rule, tagger or coreference (partial name).
    method: str = "lexicon"


class Entity(BaseModel):
    """An entity of one article, resolved to a canonical actor."""

    id: str  # local to the document: e1, e2, ...
    canonical_id: str  # stable across articles: lexicon id, or derived from the normalized name
    label: str  # Arabic canonical name
    label_en: str | None = None
    type: EntityType
    qid: str | None = None
    affiliation: str | None = None  # canonical id of the state or organization it belongs to
    mentions: list[Mention] = Field(default_factory=list)


class Evidence(Span):
    """The sentence that states a relation, with its trigger."""

    article_id: str = ""
    trigger: Span | None = None


class Relation(BaseModel):
    type: RelationType
    source: str  # local entity id
    target: str  # local entity id
    polarity: Polarity = "asserted"
    modality: Modality = "asserted"
    attributed_to: str | None = None  # local entity id of the speaker in reported speech
    evidence: list[Evidence] = Field(default_factory=list)


class Article(BaseModel):
    """One ingested article, its text as decoded."""

    id: str  # stable: derived from the normalized content hash
    content_hash: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    path: str = ""  # file it came from (with `::N` for the N-th record of a JSON file or zip member)
    doc_id: str = ""  # file name without extension (or record index), used by `extract`


class DocumentResult(BaseModel):
    """Everything extracted from one article."""

    doc_id: str
    article_id: str
    path: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class SkippedFile(BaseModel):
    path: str
    reason: str


class BuildReport(BaseModel):
    """What `build` did."""

    articles_seen: int = 0
    articles_new: int = 0  # processed in this run
    articles_unchanged: int = 0  # already in the store with the same content
    duplicates: int = 0  # the same content seen twice in this run
    articles_total: int = 0  # in the store after the run
    skipped: list[SkippedFile] = Field(default_factory=list)
    entities_by_type: dict[str, int] = Field(default_factory=dict)
    relations_by_type: dict[str, int] = Field(default_factory=dict)
    outputs: dict[str, str] = Field(default_factory=dict)
    seconds: float = 0.0

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)


# ---------------------------------------------------------------- lexicon contracts

_ID_RE = re.compile(r"^[a-z]+:[a-z0-9_\-]+$")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


class LexiconEntry(BaseModel):
    """One known actor or place. Lexicon files are lists of these (YAML or JSON)."""

    model_config = ConfigDict(extra="forbid")

    id: str  # stable: "<kind>:<slug>", e.g. state:syr, org:isis, person:vladimir_putin
    type: EntityType
    name: str  # Arabic canonical name
    en: str  # English label
    qid: str | None = None  # Wikidata QID
    aliases: list[str] = Field(default_factory=list)  # Arabic spellings matched anywhere
    # Ambiguous spellings (common words, bare surnames): matched only after a cue word
    # (title, قاعدة, صحيفة ...) or once the entity was named unambiguously in the article.
    context_aliases: list[str] = Field(default_factory=list)
    en_aliases: list[str] = Field(default_factory=list)
    affiliation: str | None = None  # persons, organs, media, groups: the state/organization id
    located_in: str | None = None  # bases and places: the containing state/place id
    # Coalitions and armed groups: the states they fight in; an ambiguous spelling (التحالف) is the one
    # active in the state of the article's places.
    active_in: list[str] = Field(default_factory=list)
    # Coalitions: the state leading it; an ambiguous spelling followed by a leader phrase
    # (التحالف الذي تقوده السعودية، التحالف بقيادة واشنطن) is the coalition that state leads.
    led_by: str | None = None
    roles: list[str] = Field(default_factory=list)  # persons: president, foreign_minister ...
    kind: str | None = None  # free subtype: armed_group, media, capital, province, city ...
    # States only: the masculine singular nationality adjective without article (سوري, أمريكي);
    # its inflections (السورية، السوريين ...) are generated.
    adjectives: list[str] = Field(default_factory=list)
    # States only: capital cities; an actor when acting (دمشق تنسق), a LOCATION when a place (في دمشق).
    capitals: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("id must look like 'kind:slug' (lowercase ascii, digits, _ or -)")
        return value

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if not _ARABIC_RE.search(value):
            raise ValueError("name must be Arabic")
        return value.strip()

    @field_validator("qid")
    @classmethod
    def _check_qid(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^Q\d+$", value):
            raise ValueError("qid must look like Q123")
        return value


class TriggerEntry(BaseModel):
    """A relation trigger: a word (verb, verbal noun, participle) or phrase that states a relation.

    Forms are written naturally (one 3ms past or imperfective verb, a noun or plural, a participle,
    or a phrase of several words); ``arabic_kg.relations.triggers`` generates their conjugations,
    article and pronoun suffixes, and the future prefix (see docs/relations.md)."""

    model_config = ConfigDict(extra="forbid")

    relation: RelationType
    forms: list[str]
    # "passive": the actor before the trigger is the patient and the agent follows
    # (المدعومين من X، مدربين على أيدي X).
    voice: Literal["active", "passive"] = "active"
    pos: Literal["verb", "noun", "participle"] = "verb"
    # Nouns: the role of an actor right after the noun (غارات التحالف: agent; تدريب المعارضة: patient).
    genitive: Literal["agent", "patient"] = "agent"
    # Prepositions that introduce the patient (strikes: على، ضد) or the partner (meets: مع، ب);
    # empty: the defaults of the relation type.
    preps: list[str] = Field(default_factory=list)
    # Verbs: whether the direct object is the patient or partner (قصف X Y، التقى X Y); false for
    # verbs whose object is a topic (بحث X الأزمة، ناقش X الملف).
    direct_object: bool = True
    note: str | None = None


class MentionRef(BaseModel):
    """A mention as the relation stage sees it: linked to its document entity and to tokens.

    `kind` says how it was written: name (a proper name or alias), organ (القوات الأميركية),
    adjective (a nationality adjective after a title: الرئيس *الروسي*), capital (دمشق as actor),
    title (a title standing for a person named earlier: الرئيس الروسي), partial (a surname)."""

    entity: str  # local entity id (e1 ...)
    canonical_id: str
    type: EntityType
    start: int  # character offsets into the article text
    end: int
    token_start: int  # index into the article's token list
    token_end: int  # exclusive
    kind: str = "name"
    role: str | None = None  # for persons named after a title: the title's role
