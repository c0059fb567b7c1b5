"""Relation extraction: triggers and argument structure over resolved mentions (docs/relations.md).

``extract_relations`` reads each sentence that names an actor: trigger words from
``lexicon/triggers.yaml`` with Arabic argument structure (rules.py), titles, leaders and places
(structural.py), then merges the mentions of one relation into one ``Relation`` with one
``Evidence`` per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from arabic_kg.lexicon import Lexicon
from arabic_kg.models import SYMMETRIC_RELATIONS, Entity, Evidence, MentionRef, Relation, Span
from arabic_kg.relations.context import DocContext, SentenceContext
from arabic_kg.relations.rules import Candidate, SentenceReader
from arabic_kg.relations.structural import (
    lexicon_affiliations,
    sentence_actors,
    sentence_affiliations,
    sentence_locations,
)
from arabic_kg.relations.triggers import TriggerIndex, trigger_index
from arabic_kg.text import Sentence, Token, normalize, proclitic_variants

__all__ = ["TriggerIndex", "extract_relations", "trigger_index"]

_MODALITY_RANK = {"asserted": 0, "planned": 1, "reported": 2}


def extract_relations(
    text: str,
    tokens: list[Token],
    sentences: list[Sentence],
    mentions: list[MentionRef],
    entities: dict[str, Entity],
    lexicon: Lexicon,
    article_id: str,
) -> list[Relation]:
    """Relations between the entities of one article, with evidence (local entity ids)."""
    if len(entities) < 2 or not mentions:
        return []
    doc = DocContext(text, tokens, mentions, entities, lexicon, trigger_index(lexicon), article_id)
    found: list[tuple[Candidate, Sentence]] = []
    co_mentions: list[tuple[str, str, Sentence]] = []
    for sent in sentences:
        refs = doc.sentence_mentions(sent)
        a, b = doc.token_range(sent)
        if not doc.may_relate(a, b, refs):
            continue  # most sentences: nothing to relate, skip before any analysis
        sc = SentenceContext(doc, sent)
        if sc.args:
            found.extend((c, sent) for c in SentenceReader(sc).read())
        if len(refs) >= 2:
            found.extend((c, sent) for c in sentence_affiliations(sc))
            found.extend((c, sent) for c in sentence_locations(sc))
            actors = sentence_actors(sc)
            for i, x in enumerate(actors):
                for y in actors[i + 1 :]:
                    if x.canonical != y.canonical:
                        co_mentions.append((x.entity, y.entity, sent))
    found.extend((c, _sentence_of(sentences, c.source.start)) for c in lexicon_affiliations(doc, sentences))
    found = [(c, s) for c, s in found if not _interview(c, lexicon) and not _rivalry(c, text)]
    if any(_match_like(c, text) for c, _ in found) and _sports_story(tokens, lexicon):
        found = [(c, s) for c, s in found if not _match_like(c, text)]
    return _merge(found, co_mentions, entities, article_id)


# Distinct sports words (lexicon cues `sports_words`) that make an article a sports story.
SPORTS_STORY_WORDS = 3
SPORTS_ONLY = frozenset({"fights", "strikes", "trains", "supports"})


# واجه / مواجهة between two people is a contest (an election, a duel of words, a film role), not combat.
_FACING = ("واجه", "مواجه")


def _rivalry(c: Candidate, text: str) -> bool:
    """هولاند ... ومواجهة الرئيس ساركوزي، مواجهة بين العبادي والنجيفي: two people "facing" each other."""
    if c.relation != "fights" or c.source.type != "PERSON" or c.target.type != "PERSON" or c.trigger is None:
        return False
    word = normalize(text[c.trigger[0] : c.trigger[1]])
    return any(f in word for f in _FACING)


# "The meeting" with the article is the match in a sports story (إراحة اللاعبين X وY عن اللقاء); a meeting
# held (عقد لقاء مع، خلال لقائه) keeps its article-less or possessed form.
_THE_MATCH = frozenset(normalize(w) for w in ("اللقاء", "اللقاءات"))


def _match_like(c: Candidate, text: str) -> bool:
    """What a sports story says of matches: fights, strikes, trainings, support, a meeting of two
    organizations (يلتقي إيفرتون ثم جاره آرسنال) and "the meeting" (the match)."""
    if c.relation in SPORTS_ONLY:
        return True
    if c.relation != "meets_with":
        return False
    if c.source.type == "ORGANIZATION" and c.target.type == "ORGANIZATION":
        return True
    if c.trigger is None:
        return False
    word = normalize(text[c.trigger[0] : c.trigger[1]])
    return any(form in _THE_MATCH for form, _ in proclitic_variants(word))


def _sports_story(tokens: Sequence[Token], lexicon: Lexicon) -> bool:
    """A sports story (a club "faces" another, a coach "trains" a team, players "support" it): its verbs of
    conflict, training and support are about matches."""
    forms = lexicon.sports_forms
    if not forms:
        return False
    seen: set[str] = set()
    for tok in tokens:
        for form, _ in tok.variants:
            word = forms.get(form)
            if word is not None:
                seen.add(word)
                if len(seen) >= SPORTS_STORY_WORDS:
                    return True
                break
    return False


def _interview(c: Candidate, lexicon: Lexicon) -> bool:
    """A meeting or call with a news outlet (في اتصال هاتفي مع «الوطن»، في حوار مع قناة X) is an
    interview: the outlet reports, it does not meet."""
    if c.relation != "meets_with":
        return False
    for arg in (c.source, c.target):
        entry = lexicon.get(arg.canonical)
        if entry is not None and entry.kind == "media":
            return True
    return False


def _sentence_of(sentences: Sequence[Sentence], pos: int) -> Sentence:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return sentences[0]


def _ordered(rel: str, source: str, target: str, entities: dict[str, Entity]) -> tuple[str, str]:
    if rel in SYMMETRIC_RELATIONS and entities[target].canonical_id < entities[source].canonical_id:
        return target, source
    return source, target


def _merge(
    found: list[tuple[Candidate, Sentence]],
    co_mentions: list[tuple[str, str, Sentence]],
    entities: dict[str, Entity],
    article_id: str,
) -> list[Relation]:
    groups: dict[tuple[str, str, str, str], dict] = {}
    for cand, sent in found:
        s, t = cand.source.entity, cand.target.entity
        if s == t or s not in entities or t not in entities:
            continue
        if entities[s].canonical_id == entities[t].canonical_id:
            continue
        s, t = _ordered(cand.relation, s, t, entities)
        polarity = "negated" if cand.negated else "asserted"
        key = (cand.relation, s, t, polarity)
        g = groups.setdefault(
            key, {"evidence": [], "seen": set(), "modality": [], "speakers": [], "first": sent.start}
        )
        mark = (sent.start, cand.trigger)
        g["modality"].append(cand.modality)
        g["speakers"].append(cand.speaker)
        if mark in g["seen"]:
            continue
        g["seen"].add(mark)
        g["evidence"].append((sent, cand.trigger))
    typed = {frozenset((k[1], k[2])) for k in groups}
    first: dict[tuple[str, str, str], int] = {}
    for (rel, s, t, _), g in groups.items():
        first[(rel, s, t)] = min(first.get((rel, s, t), g["first"]), g["first"])
    relations: list[tuple[tuple, Relation]] = []
    for (rel, s, t, polarity), g in groups.items():
        # An event asserted anywhere is asserted; only what is never stated as done stays planned/reported.
        modality = min(g["modality"], key=lambda m: _MODALITY_RANK[m])
        speakers = g["speakers"]
        speaker = speakers[0] if all(speakers) else None
        evidence = [_evidence_from(sent, trig, article_id) for sent, trig in g["evidence"]]
        # With both polarities for one pair, the better-attested reading comes first.
        order = (first[(rel, s, t)], rel, s, t, -len(evidence), polarity != "asserted")
        # model_construct: every field is built here from checked values, so validation is skipped.
        relations.append((order, Relation.model_construct(
            type=rel, source=s, target=t, polarity=polarity, modality=modality, attributed_to=speaker,
            evidence=evidence)))
    co: dict[tuple[str, str], list[Sentence]] = {}
    for a, b, sent in co_mentions:
        if frozenset((a, b)) in typed:
            continue
        s, t = _ordered("co_mentioned", a, b, entities)
        bucket = co.setdefault((s, t), [])
        if all(x.start != sent.start for x in bucket):
            bucket.append(sent)
    for (s, t), sents in co.items():
        evidence = [_evidence_from(sent, None, article_id) for sent in sents]
        relations.append(((sents[0].start, "~", s, t, 0, False), Relation.model_construct(
            type="co_mentioned", source=s, target=t, polarity="asserted", modality="asserted",
            attributed_to=None, evidence=evidence)))
    relations.sort(key=lambda item: item[0])
    return [r for _, r in relations]


def _evidence_from(sent: Sentence, trigger: tuple[int, int] | None, article_id: str) -> Evidence:
    span = None
    if trigger is not None:
        start, end = trigger
        offset = start - sent.start
        if offset >= 0 and end <= sent.end:
            span = Span.model_construct(text=sent.text[offset : offset + end - start], start=start, end=end)
    return Evidence.model_construct(text=sent.text, start=sent.start, end=sent.end, article_id=article_id,
                                    trigger=span)
