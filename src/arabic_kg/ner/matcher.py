"""Lexicon and rule-based mention finding over proclitic-aware tokens.

Order of evidence: lexicon phrases (longest match, least-stripped form), organ + nationality
adjective (القوات الأميركية → the United States), title + name (الرئيس الروسي فلاديمير بوتين),
head noun + name (قاعدة X, صحيفة X, مدينة X), then the statistical tagger for names nobody listed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from arabic_kg.lexicon import Lexicon
from arabic_kg.models import LexiconEntry
from arabic_kg.text import Token, normalize, normalize_light, orig_offset_in_token

# Words that make the following capital a place, not an actor.
_LOCATIVE = {
    "في",
    "الي",
    "من",
    "داخل",
    "قرب",
    "بالقرب",
    "نحو",
    "عبر",
    "العاصمه",
    "مدينه",
    "وصل",
    "زار",
    "الى",
}
_DASHES = {"-", "–", "—", "ـ", "/"}
_QUOTES = {"«", "»", '"', "“", "”", "'", "‘", "’"}
_OPEN_QUOTES = {"«", '"', "“", "‘", "'"}
_TYPE_PRIORITY = {"STATE": 0, "ORGANIZATION": 1, "PERSON": 2, "BASE": 3, "LOCATION": 4}
# First words of multi-word place names (دير الزور، عين العرب، تل أبيض ...).
_PLACE_PREFIXES = {
    "دير",
    "عين",
    "تل",
    "دار",
    "حوض",
    "حرف",
    "راس",
    "جسر",
    "بير",
    "كفر",
    "ابو",
    "بني",
    "خان",
    "مرج",
    "جبل",
    "وادي",
    "سوق",
    "باب",
    "بيت",
    "شيخ",
    "معره",
    "سيدي",
    "ام",
    "بئر",
    "حي",
}


# Words that join the parts of a name (فيصل بن عبدالله، عبدالله آل فاضل، محمد أبو زيد): never its last word.
_NAME_LINKS = {"بن", "ابن", "بنت", "ال", "ابو", "ابي", "ام", "عبد"}
PATRONYMIC = frozenset({"بن", "ابن", "بنت"})
# The tagger's label for each entity type (its LOC covers states, places and bases).
_TAG_OF_TYPE = {"PERSON": "PERS", "STATE": "LOC", "LOCATION": "LOC", "BASE": "LOC", "ORGANIZATION": "ORG"}


@dataclass(slots=True)
class RawMention:
    token_start: int
    token_end: int  # exclusive
    start: int  # character offsets into the article text
    end: int
    type: str
    entry_id: str | None  # lexicon id, None for a name found by rules or the tagger
    name_key: str  # normalized name without proclitics (identity of an unknown entity)
    kind: str = "name"  # name | organ | adjective | capital | title | partial | context | led
    method: str = "lexicon"
    role: str | None = None
    affiliation: str | None = None  # state id from a title's nationality adjective
    alternatives: tuple[str, ...] = ()  # other entries an ambiguous spelling may name


def unknown_id(entity_type: str, name_key: str) -> str:
    digest = hashlib.sha1(name_key.encode("utf-8")).hexdigest()[:10]
    return f"unk:{entity_type.lower()}:{digest}"


class Matcher:
    """Finds entity mentions in one tokenized article."""

    def __init__(self, lexicon: Lexicon, tagger: Callable[[list[str]], list[str]] | None = None) -> None:
        self.lex = lexicon
        self.tagger = tagger
        self._prefixes = _prefixes(lexicon.phrases.keys())
        self._organ_prefixes = _prefixes(lexicon.organs)
        self._home_organ_prefixes = _prefixes(lexicon.home_state_organs)
        self._title_prefixes = _prefixes(lexicon.titles.keys())
        self._media_prefixes = _prefixes(lexicon.media_heads)
        self._max_adj = max((len(k) for k in lexicon.adjectives), default=1)
        self._name_words = self._known_name_words()
        from arabic_kg.ner.tagger import load_given_names  # the tagger's list; same stage

        self._given_names = {normalize(n) for n in load_given_names()}
        # head nouns of organization, place and institution names (رئيس *مركز* أشيقر، *وجامعة* اليمامة)
        self._complement_heads = lexicon.org_heads | lexicon.location_heads | lexicon.named_after_heads
        # The tagger's corpus statistics (training.build_word_clusters): per word, how often news writes it
        # with the article too. Names rarely take it (تيماء، زاركلي); common words do (عازلة/العازلة).
        owner = getattr(tagger, "__self__", None)
        self._word_stats: dict[str, tuple[int, ...]] = getattr(owner, "clusters", None) or {}
        self._stat_offset: int = getattr(owner, "cluster_levels", 0)
        keyed = (lexicon.phrases, lexicon.titles, lexicon.organs, lexicon.media_heads)
        # table id → (table, first words of its keys), for the tables `_longest` probes. The table is kept
        # beside its id because ids change when the matcher is unpickled from the extractor cache.
        self._firsts: dict[int, tuple[Any, frozenset[str]]] = {
            id(t): (t, frozenset(k[0] for k in t)) for t in keyed
        }
        # normalized word → bit mask of what could start at it: a key of the phrases / titles / organs /
        # media heads, a base or place head noun, a kunya. Most words start none, and then the probes
        # are skipped.
        self._starts: dict[str, int] = {}
        firsts = [self._firsts[id(t)][1] for t in keyed]
        firsts[2] = firsts[2] | {k[0] for k in lexicon.home_state_organs}  # the organ bit covers both
        self._start_tables = (
            *firsts,
            frozenset(lexicon.base_heads),
            frozenset(lexicon.location_heads),
            frozenset({"ابو"}),  # a kunya
            frozenset(lexicon.club_heads),
        )

    def _known_name_words(self) -> set[str]:
        words: set[str] = set()
        for key, refs in self.lex.phrases.items():
            if any(self.lex.entries[e].type == "PERSON" for e, _ in refs):
                words.update(key)
        return words

    # ------------------------------------------------------------------ helpers
    def _longest(
        self, tokens: Sequence[Token], i: int, table: dict | set, prefixes: set
    ) -> tuple[int, int, str]:
        """Longest key of ``table`` starting at token i: (end, proclitic cut, first-token form);
        end == i when nothing matches. The least-stripped form wins among equally long matches."""
        best_end, best_cut, best_form = i, 0, ""
        entry = self._firsts.get(id(table))
        if entry is None or entry[0] is not table:
            entry = self._firsts[id(table)] = (table, frozenset(k[0] for k in table))
        firsts = entry[1]
        n = len(tokens)
        for form, cut in tokens[i].variants:
            if form not in firsts:  # most words start nothing: skip building keys for them
                continue
            key: tuple[str, ...] = (form,)
            j = i + 1
            while True:
                if key in table and j > best_end:
                    best_end, best_cut, best_form = j, cut, form
                if key not in prefixes or j >= n:
                    break
                key = key + (tokens[j].norm,)
                j += 1
        return best_end, best_cut, best_form

    def _span(self, tokens: Sequence[Token], i: int, j: int, cut: int) -> tuple[int, int]:
        start = tokens[i].start + orig_offset_in_token(tokens[i].text, cut) if cut else tokens[i].start
        return start, tokens[j - 1].end

    @staticmethod
    def _key(tokens: Sequence[Token], i: int, j: int, form: str) -> tuple[str, ...]:
        return (form or tokens[i].norm,) + tuple(t.norm for t in tokens[i + 1 : j])

    def _adjective_at(self, tokens: Sequence[Token], i: int) -> tuple[int, str | None]:
        for length in range(min(self._max_adj, len(tokens) - i), 0, -1):
            state = self.lex.adjectives.get(tuple(t.norm for t in tokens[i : i + length]))
            if state is not None:
                return i + length, state
        return i, None

    def _pick(self, refs: list[tuple[str, str]], place: bool = False) -> tuple[LexiconEntry, str]:
        """The entry a phrase names; with `place` (after a compass word) a place outranks the rest."""

        # A capital outranks the city's own LOCATION entry: whether it acts is decided later.
        def rank(ref: tuple[str, str]) -> tuple[int, int, int, str]:
            etype = self.lex.entries[ref[0]].type
            how = {"alias": 0, "capital": 1, "context": 3, "led": 4}[ref[1]]
            if ref[1] == "alias" and etype == "LOCATION":
                how = 2
            not_place = int(place and etype not in ("LOCATION", "STATE"))
            return not_place, how, _TYPE_PRIORITY[etype], ref[0]

        entry_id, how = min(refs, key=rank)
        return self.lex.entries[entry_id], how

    def _start_mask(self, tok: Token) -> int:
        mask = self._starts.get(tok.norm)
        if mask is None:
            forms = [form for form, _ in tok.variants]
            mask = 0
            for bit, firsts in enumerate(self._start_tables):
                if any(f in firsts for f in forms):
                    mask |= 1 << bit
            if len(self._starts) > 500_000:
                self._starts.clear()
            self._starts[tok.norm] = mask
        return mask

    # ------------------------------------------------------------------ main
    def find(self, tokens: Sequence[Token]) -> list[RawMention]:
        lex = self.lex
        n = len(tokens)
        starts = self._starts
        masks = [starts.get(t.norm) for t in tokens]
        for k, mask in enumerate(masks):
            if mask is None:
                masks[k] = self._start_mask(tokens[k])
        self._masks: list[int] = masks  # type: ignore[assignment]
        self._tags = (
            self.tagger([t.text for t in tokens]) if self.tagger is not None and tokens else ["O"] * n
        )
        mentions: list[RawMention] = []
        context: list[RawMention] = []
        covered = [False] * n
        i = 0
        while i < n:
            tok = tokens[i]
            if not tok.norm[0].isalnum():
                i += 1
                continue
            mask = masks[i]
            end, cut, form = self._longest(tokens, i, lex.phrases, self._prefixes) if mask & 1 else (i, 0, "")
            title_end = self._longest(tokens, i, lex.titles, self._title_prefixes)[0] if mask & 2 else i
            if title_end > i + 1 and title_end > end:
                # A multi-word title (رئيس الأمن الداخلي، وزير الدفاع) is read by the title rule.
                i = title_end
                continue
            organ_end, organ_cut, organ_form = (
                self._longest(tokens, i, lex.organs, self._organ_prefixes) if mask & 4 else (i, 0, "")
            )
            if organ_end > i:
                adj_end, state = self._adjective_at(tokens, organ_end)
                if state is not None and adj_end > end:
                    start, stop = self._span(tokens, i, adj_end, organ_cut)
                    mentions.append(
                        RawMention(
                            i,
                            adj_end,
                            start,
                            stop,
                            "STATE",
                            state,
                            " ".join(self._key(tokens, i, adj_end, organ_form)),
                            "organ",
                        )
                    )
                    for k in range(i, adj_end):
                        covered[k] = True
                    i = adj_end
                    continue
            # A kunya (أبو محمد الجولاني) or a club (دينامو كييف): its rule reads it before the lexicon.
            ruled = (self._kunya(tokens, i, end) if mask & 64 else None) or (
                self._club(tokens, i) if mask & 128 and end == i else None
            )
            if ruled is not None:
                mentions.append(ruled)
                for k in range(ruled.token_start, ruled.token_end):
                    covered[k] = True
                i = ruled.token_end
                continue
            if end > i:
                key = self._key(tokens, i, end, form)
                after_direction = i > 0 and tokens[i - 1].norm in _DIRECTIONS
                entry, how = self._pick(lex.phrases[key], place=after_direction)
                if how == "context" and end == i + 1 and cut == 0:
                    # الرياض وجدة: "and Jeddah", not Oujda; an ambiguous spelling that starts with و gives way
                    # to the name after the conjunction
                    plain = next((f for f, c in tok.variants if c == 1 and tok.norm[0] == "و" and (f,) in
                                  lex.phrases), None)
                    if plain is not None:
                        cut, form, key = 1, plain, (plain,)
                        entry, how = self._pick(lex.phrases[key], place=after_direction)
                start, stop = self._span(tokens, i, end, cut)
                if entry.type == "ORGANIZATION":
                    # صحيفة تليجراف → تليجراف: the outlet's name without the head noun is what
                    # other spellings share (الوئام / صحيفة الوئام).
                    head_end = self._longest(tokens, i, lex.media_heads, self._media_prefixes)[0]
                    if i < head_end < end:
                        start = tokens[head_end].start
                m = RawMention(
                    i,
                    end,
                    start,
                    stop,
                    entry.type,
                    entry.id,
                    " ".join(key),
                    "name" if how == "alias" else how,
                )
                if how in ("context", "led"):
                    m.alternatives = tuple(e for e, h in lex.phrases[key] if h == how)
                    context.append(m)
                else:
                    mentions.append(m)
                    for k in range(i, end):
                        covered[k] = True
                i = end
                continue
            i += 1
        mentions = self._drop_fathers(tokens, mentions, covered)
        found_ids = {m.entry_id for m in mentions}
        self._article_surnames = {m.name_key.split(" ")[-1] for m in mentions if m.type == "PERSON"}
        self._title_surnames: set[str] = set()  # surnames of the unknown people named after a title
        mentions.extend(self._titles(tokens, mentions, covered, context, found_ids))
        mentions.extend(self._heads(tokens, covered, context))
        self._capital_or_named(mentions)
        # Ambiguous spellings count once the entity is named plainly, or after a cue word. A spelling specific
        # enough alone (طيران التحالف in a Yemen story) names the entity for the others (طائرات التحالف
        # anywhere in the article); one confirmed by a cue word does not (بـ«القاعدة» ... القاعدة الجوية).
        found_ids = {m.entry_id for m in mentions}
        pending = list(context)
        while pending:
            specific: set[str | None] = set()
            confirm = self._confirm_context
            pending = [m for m in pending if not confirm(tokens, m, mentions, covered, found_ids, specific)]
            if specific <= found_ids:
                break
            found_ids |= specific
        mentions.extend(self._home_state_organs(tokens, covered, {m.entry_id for m in mentions}))
        if self.tagger is not None:
            mentions.extend(self._tagged(tokens, covered, mentions))
        self._resolve_capitals(tokens, mentions)
        if self.lex.not_names:  # ولاية الفقيه (a place head and a word): a phrase that names nothing
            mentions = [m for m in mentions if m.entry_id is not None or tuple(m.name_key.split()) not in
                        self.lex.not_names]
        mentions.sort(key=lambda m: m.token_start)
        return mentions

    def _confirm_context(
        self,
        tokens: Sequence[Token],
        m: RawMention,
        mentions: list[RawMention],
        covered: list[bool],
        found_ids: set[str | None],
        specific: set[str | None],
    ) -> bool:
        """Add an ambiguous spelling to the mentions when the article or its context confirms it; False when
        it stays unconfirmed (a later pass may confirm it once another spelling of its entity is in). The
        entity of a spelling confirmed by its own words and the article's places goes into ``specific``."""
        named = [e for e in m.alternatives if e in found_ids]
        by_place = False
        leader = self._leader_of(tokens, m, mentions)
        if leader is not None:
            led = [e for e in m.alternatives if self.lex.entries[e].led_by == leader]
            if len(led) != 1:
                return True  # التحالف الذي تقوده روسيا: no coalition the lexicon knows, ever
            m.entry_id, by_place = led[0], True
        elif m.kind == "led":
            return True  # تحالف without a leader after it is any alliance
        elif named:  # التحالف: the coalition this article has named
            m.entry_id = named[0]
        elif len(m.alternatives) > 1:
            # الجوف among Saudi regions is the Saudi one: the state the article's other places are in.
            picked = self._by_neighbours(m.alternatives, found_ids)
            if picked is None:
                return False  # several entries and nothing to tell which one
            m.entry_id = picked
            by_place = " " in m.name_key  # طيران التحالف in a Yemen story: specific enough alone
        elif self._elsewhere(m.alternatives[0], found_ids):
            return True  # الثوار in a Yemen story are not the Syrian opposition
        if m.type == "PERSON" and self._continues_name(tokens, m):
            return True
        confirmed = (
            by_place
            or m.entry_id in found_ids
            or self._cued(tokens, m, mentions)
            or self._tagged_as(tokens, m)
        )
        if not confirmed:
            return False
        if not any(covered[k] for k in range(m.token_start, m.token_end)):
            m.kind = "name"
            mentions.append(m)
            for k in range(m.token_start, m.token_end):
                covered[k] = True
            if by_place:
                specific.add(m.entry_id)
        return True

    def _drop_fathers(
        self, tokens: Sequence[Token], mentions: list[RawMention], covered: list[bool]
    ) -> list[RawMention]:
        """فيصل بن عبدالله بن عبدالعزيز، مستشفى الملك فهد: a known person right after بن is the father in
        someone else's name, and after an institution noun the name is the institution's; neither is a
        mention of that person."""
        kept: list[RawMention] = []
        for m in mentions:
            before = tokens[m.token_start - 1] if m.token_start > 0 else None
            if (
                m.type == "PERSON"
                and before is not None
                and (before.norm in PATRONYMIC or self._names_after(before))
            ):
                for k in range(m.token_start, m.token_end):
                    covered[k] = False
                continue
            kept.append(m)
        return kept

    def _known_surname_after(
        self,
        person: RawMention | None,
        by_start: dict[int, RawMention],
        ctx_by_start: dict[int, RawMention],
    ) -> RawMention | None:
        """A known person named right after an unknown name that begins with the known one's first name."""
        if person is None:
            return None
        known = by_start.get(person.token_end) or ctx_by_start.get(person.token_end)
        if known is None or known.type != "PERSON" or known.entry_id is None:
            return None
        entry = self.lex.entries.get(known.entry_id)
        first = normalize(entry.name).split(" ")[0] if entry is not None else ""
        return known if first and person.name_key.split(" ")[0] == first else None

    def _continues_name(self, tokens: Sequence[Token], m: RawMention) -> bool:
        """المهندس صالح بن ناصر الجاسر: a short known name the name goes on after (بن, or a word the tagger
        reads as the same name) is part of someone else's name."""
        k = m.token_end
        return k < len(tokens) and (tokens[k].norm in PATRONYMIC or self._tags[k] == "I-PERS")

    def _stats(self, form: str) -> tuple[int, ...]:
        """The tagger's bucketed corpus statistics of a word (empty when it has none); see _STAT_*."""
        return self._word_stats.get(form, ())[self._stat_offset :]

    def _common_word(self, tok: Token) -> bool:
        """An indefinite word unlabelled news also writes with the article in more than 30% of its uses."""
        stats = self._stats(tok.norm)
        if not stats or tok.norm.startswith("ال"):
            return False
        return 4 <= stats[_STAT_ARTICLE] < 10  # bucket 4: ratio above 0.3; 10+ marks a definite word

    def _rarely_after_place_word(self, tok: Token) -> bool:
        """A frequent word (100+ uses in unlabelled news) that follows a place word (منطقة، قرية) in at most
        5% of them: a verb or a common noun (منطقة يسيطر عليها، منطقة القصف), not a place's name."""
        stats = self._stats(tok.norm)
        return len(stats) > _STAT_FREQUENCY and stats[_STAT_AFTER_PLACE] <= 2 and stats[_STAT_FREQUENCY] >= 3

    def _unlikely_first_name(self, tokens: Sequence[Token], j: int) -> bool:
        """A word no name list has that unlabelled news uses 100+ times, puts after a person title in at
        most 1% of them and sometimes writes with the article (برقية، جثمان، استشهاد): a noun, not the first
        word of a name. Every reading must agree (وعيد is a noun, عيد also a name); X الدين is a name."""
        if j + 1 < len(tokens) and tokens[j + 1].norm in COMPOUND_NAME_ENDS:
            return False  # نجم الدين، نور الدين
        forms = [f for f, _ in tokens[j].variants]
        if any(f in self._given_names or f in self._name_words for f in forms):
            return False
        readings = [st for st in map(self._stats, forms) if len(st) > _STAT_FREQUENCY]
        return bool(readings) and all(
            0 < st[_STAT_ARTICLE] < 10 and st[_STAT_AFTER_TITLE] <= 1 and st[_STAT_FREQUENCY] >= 3
            for st in readings
        )

    def _descriptor_after_media_head(self, tokens: Sequence[Token], i: int, j: int) -> bool:
        """Whether the unquoted word j after the media head at i..j describes it instead of naming it:
        an adjective (صحيفة عربية، وكالة روسية), or any word the tagger does not read as a name after a
        head that is also a common noun (موقع متقدم للجيش)."""
        nxt = tokens[j]
        if nxt.norm in _OPEN_QUOTES or self._tags[j] != "O" or not nxt.norm[:1].isalpha():
            return False
        if nxt.norm.isascii():
            return False  # Latin letters: a brand (cbc)
        if self._common_word(nxt):
            return True
        if self.tagger is None:
            return False  # nothing to confirm a name with: the head rule stands alone
        if j == i + 1:
            head_forms = {(f,) for f, _ in tokens[i].variants}
        else:
            head_forms = {tuple(t.norm for t in tokens[i:j])}
        return bool(head_forms & self.lex.ambiguous_media_heads)

    @staticmethod
    def _definite(tok: Token) -> bool:
        return any(f.startswith("ال") for f, _ in tok.variants)

    def _names_after(self, tok: Token) -> bool:
        """Whether tok is an institution noun that takes a person's name (مستشفى، جامعة، بمطار)."""
        return any(f in self.lex.named_after_heads for f, _ in tok.variants)

    def _kunya(self, tokens: Sequence[Token], i: int, lexicon_end: int) -> RawMention | None:
        """أبو + name (+ nisba): أبو همام، أبو أسامة العراقي. A lexicon kunya followed by a nisba
        it does not have (أبو قتادة التونسي) is another person."""
        n = len(tokens)
        forms = dict(tokens[i].variants)
        if "ابو" not in forms or i + 1 >= n or not self._is_name_word(tokens[i + 1]):
            return None
        if lexicon_end > i:
            refs = self.lex.phrases.get(
                tuple(t.norm for t in tokens[i + 1 : lexicon_end])
                and ("ابو",) + tuple(t.norm for t in tokens[i + 1 : lexicon_end]),
                [],
            )
            is_person = any(self.lex.entries[e].type == "PERSON" for e, _ in refs)
            if not is_person or lexicon_end != i + 2:
                return None
        end = i + 2
        if end < n and _is_nisba(tokens[end].norm) and self._is_name_word_or_adjective(tokens[end]):
            end += 1
        elif lexicon_end > i:
            return None  # the lexicon's own kunya
        cut = forms["ابو"]
        start, stop = self._span(tokens, i, end, cut)
        key = " ".join(("ابو",) + tuple(t.norm for t in tokens[i + 1 : end]))
        return RawMention(i, end, start, stop, "PERSON", None, key, "name", "rule")

    def _club(self, tokens: Sequence[Token], i: int) -> RawMention | None:
        """A club head and the place after it (دينامو كييف، لريال مدريد): a sports club, not the city."""
        j = i + 1
        if j >= len(tokens):
            return None
        end = j
        place_end, _, place_form = self._longest(tokens, j, self.lex.phrases, self._prefixes)
        if place_end > j:
            refs = self.lex.phrases[self._key(tokens, j, place_end, place_form)]
            if any(self.lex.entries[e].type in ("STATE", "LOCATION") for e, _ in refs):
                end = place_end
        tags = self._tags
        if tags[i] == "B-ORG" and tags[j] == "I-ORG":  # the tagger read it as a club too
            k = j + 1
            while k < len(tokens) and tags[k] == "I-ORG":
                k += 1
            end = max(end, k)
        if end == j:
            return None
        form, cut = next((f, c) for f, c in tokens[i].variants if f in self.lex.club_heads)
        start, stop = self._span(tokens, i, end, cut)
        key = " ".join(self._key(tokens, i, end, form))
        return RawMention(i, end, start, stop, "ORGANIZATION", None, key, "name", "rule")

    def _is_head_or_common(self, tok: Token) -> bool:
        """A head noun (قرية، ريف، صحيفة), title or stopword, with or without proclitics and ال."""
        lex = self.lex
        for form, _ in tok.variants:
            bare = form[2:] if form.startswith("ال") and len(form) > 4 else form
            for f in (form, bare):
                if (
                    f in lex.location_heads
                    or f in lex.base_heads
                    or f in lex.org_heads
                    or (f,) in lex.media_heads
                    or (f,) in lex.titles
                    or f in lex.stopwords
                ):
                    return True
        return False

    def _is_name_word_or_adjective(self, tok: Token) -> bool:
        return tok.norm.isalpha() and (self._is_name_word(tok) or (tok.norm,) in self.lex.adjectives)

    def _state_of(self, entry_id: str | None) -> str | None:
        """The state a place, base or state entry lies in (following `located_in`)."""
        seen: set[str] = set()
        entry = self.lex.entries.get(entry_id) if entry_id else None
        while entry is not None and entry.id not in seen:
            if entry.type == "STATE":
                return entry.id
            seen.add(entry.id)
            entry = self.lex.entries.get(entry.located_in) if entry.located_in else None
        return None

    def _elsewhere(self, entry_id: str, found_ids: set[str | None]) -> bool:
        """Whether an organization tied to states (its own, or where it is active) sits in an article whose
        places stand in another state only: the article's home state is not one of them."""
        entry = self.lex.entries[entry_id]
        if entry.type != "ORGANIZATION":
            return False  # a Saudi story names places in Mali or Morocco as they are
        states = {s for s in (self._state_of(entry_id), *entry.active_in) if s}
        home = self._home_state(found_ids)
        return bool(states) and home is not None and home not in states and not (
            states & set(self._state_counts(found_ids)))

    def _state_counts(self, found_ids: set[str | None]) -> dict[str, int]:
        """State → how many of the found entries (states, places, bases) lie in it."""
        counts: dict[str, int] = {}
        for found in found_ids:
            state = self._state_of(found)
            if state is not None:
                counts[state] = counts.get(state, 0) + 1
        return counts

    def _home_state(self, found_ids: set[str | None]) -> str | None:
        """The state most of the article's named states, places and bases are in, when one stands out
        (at least two of them, more than any other state)."""
        counts = self._state_counts(found_ids)
        ranked = sorted(counts.values(), reverse=True) + [0]
        if ranked[0] < 2 or ranked[0] == ranked[1]:
            return None
        return max(counts, key=lambda s: counts[s])

    def _home_state_organs(
        self, tokens: Sequence[Token], covered: list[bool], found_ids: set[str | None]
    ) -> list[RawMention]:
        """القوات الحكومية، قوات النظام، الجيش الوطني without an adjective: the article's own state."""
        table = self.lex.home_state_organs
        if not table:
            return []
        prefixes = self._home_organ_prefixes
        out: list[RawMention] = []
        home: str | None = None
        i = 0
        masks = self._masks
        while i < len(tokens):
            if covered[i] or not masks[i] & 4:  # no organ or home organ starts here
                i += 1
                continue
            end, cut, form = self._longest(tokens, i, table, prefixes)
            after = tokens[end].norm if end < len(tokens) else ""
            if (
                end == i
                or any(covered[k] for k in range(i, end))
                or self._adjective_at(tokens, end)[1]
                or after in self.lex.deposed_words
                or after in self.lex.group_adjectives
            ):
                i += 1
                continue
            home = home or self._home_state(found_ids)
            if home is None:
                return out
            start, stop = self._span(tokens, i, end, cut)
            key = " ".join(self._key(tokens, i, end, form))
            out.append(RawMention(i, end, start, stop, "STATE", home, key, "organ"))
            for k in range(i, end):
                covered[k] = True
            i = end
        return out

    def _leader_of(
        self, tokens: Sequence[Token], m: RawMention, mentions: Sequence[RawMention]
    ) -> str | None:
        """The state named after a leader phrase right after an ambiguous coalition name (التحالف الذي
        تقوده الولايات المتحدة، التحالف بقيادة السعودية، بقيادة أمريكية), if its alternatives have leaders."""
        phrases = self.lex.leader_phrases
        if not phrases or not any(self.lex.entries[e].led_by for e in m.alternatives):
            return None
        j = m.token_end
        if j < len(tokens) and tokens[j].norm in ("،", ","):
            j += 1
        longest = max(len(p) for p in phrases)
        k = next(
            (j + n for n in range(longest, 0, -1) if tuple(t.norm for t in tokens[j : j + n]) in phrases),
            None,
        )
        if k is None or k >= len(tokens):
            return None
        leader = next((x for x in mentions if x.token_start == k), None)
        if leader is None:
            return self.lex.adjectives.get((tokens[k].norm,))  # بقيادة أمريكية
        entry = self.lex.entries.get(leader.entry_id) if leader.entry_id else None
        if entry is not None and entry.type == "PERSON" and entry.affiliation:
            return self._state_of(entry.affiliation)  # بقيادة خادم الحرمين الشريفين
        return self._state_of(leader.entry_id)

    def _by_neighbours(self, alternatives: Sequence[str], found_ids: set[str | None]) -> str | None:
        """The one alternative in the state most of the article's named places are in, if any."""
        counts = self._state_counts(found_ids)

        def score(entry_id: str) -> int:
            entry = self.lex.entries[entry_id]
            states = [self._state_of(entry_id) or "", *entry.active_in]
            return max(counts.get(s, 0) for s in states)

        scored = sorted(((score(e), e) for e in alternatives), reverse=True)
        if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
            return scored[0][1]
        return None

    def _tagged_as(self, tokens: Sequence[Token], m: RawMention) -> bool:
        """The tagger reads exactly this span as a name of the entry's kind (وصل إلى جدة: a city,
        not a grandmother)."""
        if self.tagger is None or m.type == "PERSON":
            return False  # صالح، عباس: a bare surname is another person as often as the known one
        first = tokens[m.token_start]
        if "ك" in first.text[: m.start - first.start]:
            return False  # كنيس is a synagogue, not ك + نيس
        label = _TAG_OF_TYPE[m.type]
        tags = self._tags[m.token_start : m.token_end]
        after = self._tags[m.token_end] if m.token_end < len(self._tags) else "O"
        return tags[0] == "B-" + label and all(t == "I-" + label for t in tags[1:]) and after != "I-" + label

    def _cued(self, tokens: Sequence[Token], m: RawMention, mentions: Sequence[RawMention] = ()) -> bool:
        i = m.token_start
        prev_forms = {f for f, _ in tokens[i - 1].variants} if i > 0 else set()
        prev = tokens[i - 1].norm if i > 0 else ""
        prev2 = tuple(t.norm for t in tokens[max(0, i - 2) : i])
        if m.type == "PERSON":
            return (
                any((f,) in self.lex.titles for f in prev_forms)
                or prev2 in self.lex.titles
                or ((prev,) in self.lex.adjectives)
            )
        if m.type == "BASE":
            return bool(prev_forms & self.lex.base_heads)
        if m.type == "ORGANIZATION":
            return (
                (prev,) in self.lex.media_heads
                or prev2 in self.lex.media_heads
                or prev in _QUOTES
                and (i > 1 and (tokens[i - 2].norm,) in self.lex.media_heads)
                or self._quoted(tokens, m)
            )
        if m.type == "LOCATION":
            nxt = tokens[m.token_end].norm if m.token_end < len(tokens) else ""
            if prev_forms & self.lex.location_heads or prev in _DASHES or nxt in _DASHES:
                return True
            return self._coordinated_with_place(tokens, m, mentions)
        return False

    @staticmethod
    def _quoted(tokens: Sequence[Token], m: RawMention) -> bool:
        """The spelling stands alone between quotes (بـ«القاعدة»): the writer marks it as a name."""
        i, j = m.token_start, m.token_end
        return i > 0 and j < len(tokens) and tokens[i - 1].norm in _QUOTES and tokens[j].norm in _QUOTES

    @staticmethod
    def _coordinated_with_place(
        tokens: Sequence[Token], m: RawMention, mentions: Sequence[RawMention]
    ) -> bool:
        """A place in a list of places (حماة وحلب وحمص، or حلب، حماة): the list tells what it is."""
        for other in mentions:
            if other.type not in ("LOCATION", "STATE") or other.kind not in ("name", "capital"):
                continue
            # حلب وحماة: the و is on the second word
            if other.token_end == m.token_start and tokens[m.token_start].norm[:1] == "و":
                return True
            if other.token_end + 1 == m.token_start and tokens[other.token_end].norm in ("،", ",", "و"):
                return True
            if other.token_start == m.token_end and tokens[other.token_start].norm[:1] == "و":
                return True
            if other.token_start == m.token_end + 1 and tokens[m.token_end].norm in ("،", ",", "و"):
                return True
        return False

    # ------------------------------------------------------------------ titles
    def _titles(
        self,
        tokens: Sequence[Token],
        mentions: list[RawMention],
        covered: list[bool],
        context: list[RawMention],
        found_ids: set[str | None],
    ) -> list[RawMention]:
        lex = self.lex
        out: list[RawMention] = []
        by_start = {m.token_start: m for m in mentions}
        ctx_by_start = {m.token_start: m for m in context}
        title_people: dict[tuple[tuple[str, ...], str], RawMention] = {}
        n = len(tokens)
        i = 0
        while i < n:
            if covered[i]:
                i += 1
                continue
            if not self._masks[i] & 2:
                i += 1
                continue
            t_end, t_cut, t_form = self._longest(tokens, i, lex.titles, self._title_prefixes)
            if t_end == i:
                i += 1
                continue
            if i > 0 and self._names_after(tokens[i - 1]):
                # مستشفى الملك فهد، جامعة الملك عبدالعزيز: an institution's name, not a person.
                for k in range(i, min(t_end + 3, n)):
                    if covered[k] or not self._is_name_word(tokens[k]) and k >= t_end:
                        break
                    covered[k] = True
                i = t_end
                continue
            title_key = self._key(tokens, i, t_end, t_form)
            role = lex.titles.get(title_key, "official")
            j = t_end
            state: str | None = None
            adj_start = j
            j, state = self._adjective_at(tokens, j)
            if state is None and role == "minister":
                adj_start, j, state = self._after_portfolio(tokens, t_end, covered, by_start)
            definite_title = self._definite(tokens[t_end - 1])
            if state is not None and definite_title and not self._definite(tokens[adj_start]):
                # الأستاذ تركي السديري: an adjective agrees with its noun in definiteness (الرئيس التركي);
                # an indefinite word after a title with the article is a name. (نظيره التركي: a pronoun
                # makes the title definite too.)
                j, state = adj_start, None
            adjective: RawMention | None = None
            if state is not None:
                adjective = RawMention(
                    adj_start,
                    j,
                    tokens[adj_start].start,
                    tokens[j - 1].end,
                    "STATE",
                    state,
                    " ".join(t.norm for t in tokens[adj_start:j]),
                    "adjective",
                )
            # A second title may follow (رئيس الأمن الداخلي السوري اللواء علي مملوك).
            t2_end = self._longest(tokens, j, lex.titles, self._title_prefixes)[0] if j < n else j
            if t2_end > j:
                j = t2_end
            for length in (2, 1):  # اللواء ركن، اللواء أركان حرب
                if tuple(t.norm for t in tokens[j : j + length]) in lex.title_qualifiers:
                    j += length
                    break
            if j < n and tokens[j].norm in _OPEN_QUOTES:
                j += 1
            person = self._person_after_title(tokens, j, covered, mentions, by_start, ctx_by_start, out)
            if person is not None and person.type == "PERSON":
                person.role = person.role or role
                if state is not None:
                    person.affiliation = state
                    title_people[(title_key, state)] = person
                    self._coordinated_titled(
                        tokens, person, role, covered, mentions, by_start, ctx_by_start, out
                    )
            elif state is not None and (title_key, state) in title_people and adjective is not None:
                # A title standing for the person named with it earlier (الرئيس الروسي → بوتين).
                earlier = title_people[(title_key, state)]
                start = tokens[i].start + orig_offset_in_token(tokens[i].text, t_cut)
                out.append(
                    RawMention(
                        i,
                        adj_start + (adjective.token_end - adjective.token_start),
                        start,
                        adjective.end,
                        "PERSON",
                        earlier.entry_id,
                        earlier.name_key,
                        "title",
                        earlier.method,
                        role,
                    )
                )
                adjective = None
            if adjective is not None and not any(
                covered[k] for k in range(adjective.token_start, adjective.token_end)
            ):
                out.append(adjective)
                for k in range(adjective.token_start, adjective.token_end):
                    covered[k] = True
            i = max(i + 1, t_end)
        return out

    def _person_after_title(
        self,
        tokens: Sequence[Token],
        j: int,
        covered: list[bool],
        mentions: list[RawMention],
        by_start: dict[int, RawMention],
        ctx_by_start: dict[int, RawMention],
        out: list[RawMention],
    ) -> RawMention | None:
        """The mention at token j after a title: a found name, an ambiguous person spelling the title
        confirms, or an unknown name; new mentions are appended to ``out``."""
        person: RawMention | None = by_start.get(j)
        if (
            person is None
            and j in ctx_by_start
            and ctx_by_start[j].type == "PERSON"
            and not self._continues_name(tokens, ctx_by_start[j])
        ):
            person = ctx_by_start[j]
            person.kind = "name"
            out.append(person)
            for k in range(person.token_start, person.token_end):
                covered[k] = True
        if person is None and j < len(tokens) and not covered[j]:
            person = self._unknown_person(tokens, j, covered)
            known = self._known_surname_after(person, by_start, ctx_by_start)
            if known is not None and person is not None:
                # الرئيس رمضان أحمد قاديروف: the first name and the known surname of one person
                known.token_start, known.start, known.kind = person.token_start, person.start, "name"
                for x in range(known.token_start, known.token_end):
                    covered[x] = True
                if known not in mentions:
                    out.append(known)
                person = known
            elif person is not None:
                out.append(person)
        return person

    def _coordinated_titled(
        self,
        tokens: Sequence[Token],
        person: RawMention,
        role: str,
        covered: list[bool],
        mentions: list[RawMention],
        by_start: dict[int, RawMention],
        ctx_by_start: dict[int, RawMention],
        out: list[RawMention],
    ) -> None:
        """نظيريه الأمريكي كيري والسعودي عادل الجبير، الرئيس الأمريكي أوباما والروسي بوتين: the title is
        shared; each و + nationality adjective + name after the first is one more titled person, with the
        role and that state as affiliation. The adjectives and new people are appended to ``out``."""
        adjectives = self.lex.adjectives
        n = len(tokens)
        k = person.token_end
        while k + 1 < n and not covered[k] and tokens[k].norm[:1] == "و":
            tok = tokens[k]
            found = next(((c, adjectives[(f,)]) for f, c in tok.variants if c and (f,) in adjectives), None)
            if found is None:
                break
            other = self._person_after_title(tokens, k + 1, covered, mentions, by_start, ctx_by_start, out)
            if other is None or other.type != "PERSON":
                break
            cut, state = found
            for x in range(other.token_start, other.token_end):
                covered[x] = True
            other.role = other.role or role
            other.affiliation = state
            start = tok.start + orig_offset_in_token(tok.text, cut)
            out.append(RawMention(k, k + 1, start, tok.end, "STATE", state, tok.norm[cut:], "adjective"))
            covered[k] = True
            k = other.token_end

    def _after_portfolio(
        self, tokens: Sequence[Token], t_end: int, covered: list[bool], by_start: dict[int, RawMention]
    ) -> tuple[int, int, str | None]:
        """وزير حقوق الإنسان اليمني X، وزير النفط السعودي X: a minister's portfolio (one to three words
        ending in a definite noun) may stand between the title and its nationality adjective. Only
        taken when a name follows the adjective, so that وزير الصحة في الحكومة السورية stays as it is.
        Returns (adjective start, adjective end, state), or (t_end, t_end, None)."""
        n = len(tokens)
        for k in range(t_end + 1, min(t_end + 4, n)):
            prev = tokens[k - 1]
            if covered[k - 1] or not prev.norm.isalpha() or prev.norm in self.lex.stopwords:
                break
            if not self._definite(prev):
                continue
            end, state = self._adjective_at(tokens, k)
            if state is None or not self._definite(tokens[k]):
                continue
            if end < n and (end in by_start or (not covered[end] and self._is_name_word(tokens[end]))):
                return k, end, state
        return t_end, t_end, None

    def _is_name_word(self, tok: Token) -> bool:
        if len(tok.norm) < 2 or not tok.norm.isalpha():
            return False
        if normalize_light(tok.text) in self.lex.stopwords_light:
            return False
        for form, cut in tok.variants:
            if cut and len(form) < 3:
                continue
            if (
                (cut and form in self.lex.stopwords)
                or (form,) in self.lex.adjectives
                or (form,) in self.lex.titles
                or (form,) in self.lex.organs
            ):
                return False
        return True

    def _person_evidence(self, tokens: Sequence[Token], j: int, k: int) -> bool:
        """Whether the tagger reads a word of tokens[j:k] as part of a person name, or a lexicon person
        shares one of its words."""
        return any(
            self._tags[x].endswith("PERS")
            # الفريق الكروي الأول: a definite word a lexicon name has (عبدالله الأول) is no evidence alone
            or (tokens[x].norm in self._name_words and not tokens[x].norm.startswith("ال"))
            for x in range(j, k)
        )

    def _unknown_person(self, tokens: Sequence[Token], j: int, covered: list[bool]) -> RawMention | None:
        if tokens[j].norm in self._article_surnames or tokens[j].norm in self._title_surnames:
            return None  # a surname of someone named in full: the partial-name pass links it
        first = tokens[j].norm
        known_first = first in self._given_names or first in self._name_words
        after_wa = [form for form, c in tokens[j].variants if c == 1]
        if first.startswith("و") and not known_first and any(
            form in self._given_names or form in _COMPOUND_NAME_STARTS for form in after_wa
        ):
            return None  # نوفاك وزير الطاقة الروسي وعبد الله البدري: و opens the next person, not the title's
        quoted = j > 0 and tokens[j - 1].norm in _OPEN_QUOTES
        n = len(tokens)
        tags = self._tags
        if not quoted and self.tagger is not None:
            j = self._past_title_complement(tokens, j, covered)
        k = j + 1
        tagged = not quoted and tags[j].endswith("PERS")
        if tagged:
            # The tagger's span (سامي بن عبدالله الصالح، عبدالرحمن بن نومة) where it reads a name here:
            # it knows where a name ends better than a word count does.
            while (
                k < min(j + 6, n)
                and tags[k] == "I-PERS"
                and not covered[k]
                and self._is_name_word(tokens[k])
                and not _prepositional(tokens[k])
            ):
                k += 1
        else:
            k = j
            parts = 0  # words of the name besides the joining words (بن، آل، أبو)
            while (
                k < min(j + 6, n)
                and parts < (5 if quoted else 3)
                and not covered[k]
                and self._is_name_word(tokens[k])
                and not (k > j and _prepositional(tokens[k]))
            ):
                parts += tokens[k].norm not in _NAME_LINKS
                k += 1
            if quoted and (k >= n or tokens[k].norm not in _QUOTES):
                return None  # وأضاف الرئيس الأفغاني "نأمل في ...: a quotation opens, not a quoted name
            if (
                parts == 3
                and not quoted
                and tokens[k - 1].norm not in self._name_words
                and tokens[k - 2].norm not in _NAME_LINKS
            ):
                k -= 1  # a third word no known name has, not bound by بن: usually not part of the name
        while not quoted and k > j and tokens[k - 1].norm in _NAME_LINKS:
            k -= 1  # فيصل بن: a name does not end on a joining word
        length = k - j
        if length == 0 or not quoted and self._unlikely_first_name(tokens, j):
            return None
        if length == 1 and not quoted:
            # A lone word after a title is too often a noun (الخبير العسكري); known people and
            # surnames are linked by the lexicon and the partial-name pass instead.
            return None
        if not quoted and self.tagger is not None and not self._person_evidence(tokens, j, k):
            # وصول الوزير بدأ عقد، رئيس مجلس الوزراء: after a title, words the tagger does not read as a
            # name and no lexicon name shares are an organ, a verb or a noun phrase, not a person.
            return None
        for x in range(j, k):
            covered[x] = True
        name_key = " ".join(t.norm for t in tokens[j:k])
        self._title_surnames.add(tokens[k - 1].norm)  # المهندس الحداد later is this person
        return RawMention(j, k, tokens[j].start, tokens[k - 1].end, "PERSON", None, name_key, "name", "rule")

    def _past_title_complement(self, tokens: Sequence[Token], j: int, covered: list[bool]) -> int:
        """وزير الصحة خالد الفالح، رئيس اللجنة الإعلامية أحمد الحبسي، المتحدث الرسمي للأمانة عبدالله:
        definite words between a title and a name the tagger reads complete the title. Returns where
        the name starts (j when the tagger reads no name a few words on)."""
        heads = self._complement_heads
        p = j
        while p < min(j + 3, len(tokens)) and not covered[p] and not self._tags[p].endswith("PERS"):
            tok = tokens[p]
            forms = {f for f, _ in tok.variants}
            complement = (
                any(f.startswith("ال") for f in forms)
                or self._tags[p] != "O"  # رئيس مركز أشيقر: a place or body the tagger reads
                or bool(forms & heads)
            )
            if tok.norm in self._name_words or not complement or not self._is_name_word_or_adjective(tok):
                return j
            p += 1
        if p > j and p < len(tokens) and not covered[p] and self._tags[p] == "B-PERS":
            return p
        return j

    # ------------------------------------------------------------------ head nouns
    def _heads(
        self, tokens: Sequence[Token], covered: list[bool], context: list[RawMention]
    ) -> list[RawMention]:
        lex = self.lex
        out: list[RawMention] = []
        n = len(tokens)
        ctx_starts = {m.token_start for m in context}
        masks = self._masks
        for i in range(n - 1):
            mask = masks[i]
            if not mask & (8 | 16 | 32) or covered[i] or covered[i + 1] or (i + 1) in ctx_starts:
                continue
            forms = {f for f, _ in tokens[i].variants}
            media_end = self._longest(tokens, i, lex.media_heads, self._media_prefixes)[0] if mask & 8 else i
            if media_end > i and media_end < n and not covered[media_end]:
                if self._descriptor_after_media_head(tokens, i, media_end):
                    continue
                m = self._foreign_name(tokens, media_end, covered, "ORGANIZATION")
                if m:
                    out.append(m)
                continue
            if forms & lex.base_heads:
                nxt = tokens[i + 1]
                if nxt.norm.isdigit() or (
                    self._is_name_word(nxt) and nxt.norm not in lex.base_suffixes and self._tags[i + 1] != "O"
                ):
                    form, cut = next((f, c) for f, c in tokens[i].variants if f in lex.base_heads)
                    start, stop = self._span(tokens, i, i + 2, cut)
                    covered[i + 1] = True
                    out.append(
                        RawMention(
                            i,
                            i + 2,
                            start,
                            stop,
                            "BASE",
                            None,
                            " ".join(self._key(tokens, i, i + 2, form)),
                            "name",
                            "rule",
                        )
                    )
                continue
            if forms & lex.location_heads:
                nxt = tokens[i + 1]
                if not self._is_name_word(nxt) or len(nxt.norm) < 3 or nxt.norm in lex.place_definites:
                    continue
                if {f for f, c in nxt.variants if c} & (lex.location_heads | lex.base_heads):
                    continue  # وقرية بريف إدلب: the next word is itself a head noun
                if nxt.norm in lex.place_adjectives or nxt.norm.startswith("لل"):
                    continue  # منطقة آمنة، مخيم للنازحين: the place is described, not named
                if (
                    self._tags[i + 1] == "O"
                    and nxt.norm not in _PLACE_PREFIXES
                    and (self._common_word(nxt) or self._rarely_after_place_word(nxt))
                ):
                    continue  # منطقة عازلة، قرية تراثية، مديرية أمن: a common word, not a name
                k = i + 2
                if nxt.norm in _PLACE_PREFIXES and k < n and not covered[k] and self._is_name_word(tokens[k]):
                    k += 1
                for x in range(i + 1, k):
                    covered[x] = True
                # The head stays in the mention (ولاية البركة، حي الميسر): with it the name is unambiguous.
                form, cut = next((f, c) for f, c in tokens[i].variants if f in lex.location_heads)
                start, stop = self._span(tokens, i, k, cut)
                out.append(
                    RawMention(
                        i,
                        k,
                        start,
                        stop,
                        "LOCATION",
                        None,
                        " ".join(self._key(tokens, i, k, form)),
                        "name",
                        "rule",
                    )
                )
        return out

    def _foreign_name(
        self, tokens: Sequence[Token], j: int, covered: list[bool], etype: str
    ) -> RawMention | None:
        n = len(tokens)
        quoted = tokens[j].norm in _OPEN_QUOTES
        if quoted:
            k = j + 1
            while k < n and k < j + 7 and tokens[k].norm not in _QUOTES and tokens[k].norm[0].isalnum():
                k += 1
            if k >= n or tokens[k].norm not in _QUOTES or k == j + 1:
                return None
            first, last = j + 1, k
        else:
            k = j
            while (
                k < n
                and k < j + 4
                and not covered[k]
                and self._is_name_word(tokens[k])
                and not tokens[k].norm.startswith("ال")
            ):
                k += 1
            if k == j:
                return None
            first, last = j, k
        if any(covered[x] for x in range(first, last)):
            return None
        for x in range(first, last):
            covered[x] = True
        return RawMention(
            first,
            last,
            tokens[first].start,
            tokens[last - 1].end,
            etype,
            None,
            " ".join(t.norm for t in tokens[first:last]),
            "name",
            "rule",
        )

    # ------------------------------------------------------------------ tagger
    def _tagged(
        self, tokens: Sequence[Token], covered: list[bool], found: Sequence[RawMention]
    ) -> list[RawMention]:
        out: list[RawMention] = []
        tags = self._tags
        spans: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tags):
            tag = tags[i]
            if tag == "O":
                i += 1
                continue
            label = tag[2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + label:
                j += 1
            spans.append((i, j, label))
            i = j
        person_ends = {x.token_end - 1 for x in found if x.type == "PERSON"}
        # لتشيلسي after تشيلسي: a word the tagger opens another name with is that name after a proclitic
        span_firsts = {tokens[i].norm for i, _, _ in spans}
        for i, j, label in spans:
            if any(covered[k] for k in range(i, j)):
                continue
            etype = {"PERS": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}.get(label)
            if etype is None:
                continue
            if not all(self._is_name_word(t) or t.norm.isalpha() and len(t.norm) > 1 for t in tokens[i:j]):
                continue
            if self._masks[i] & 2:
                # ولي العهد، الرئيس أوباما: a title the tagger took into the name is not part of it.
                t_end = self._longest(tokens, i, self.lex.titles, self._title_prefixes)[0]
                if t_end >= j:
                    continue
                i = max(i, t_end)
            if etype == "PERSON" and (tokens[i].norm,) in self.lex.title_qualifiers:
                i += 1  # المقدم طيار الفيفي
            if etype == "PERSON":
                j = next((x for x in range(i, j) if _prepositional(tokens[x])), j)
            if etype == "PERSON" and (j - i < 2 or self._unlikely_first_name(tokens, i)):
                continue
            if any(self._is_head_or_common(t) for t in tokens[i:j]):
                continue  # ريف، قرية، المدينة: head nouns and common words are not names
            if etype == "PERSON" and any(t.norm in self._article_surnames for t in tokens[i + 1 : j]):
                continue  # ترأس الفضلي: a known surname; the partial-name pass links it alone
            # Strip a conjunction/preposition only when the rest is a known word form.
            cut = 0
            first = tokens[i]
            after_person = i > 0 and (
                i - 1 in person_ends or tokens[i - 1].norm in {"،", ","} and i - 2 in person_ends
            )
            heads = self._complement_heads
            for form, c in first.variants[1:]:
                if form.startswith("ال") or form in self._name_words or form in span_firsts:
                    cut = c
                    break
                if etype != "PERSON" and form in heads:
                    cut = c  # وجامعة اليمامة: the head noun of a name, after a conjunction
                    break
                if (
                    etype == "PERSON"
                    and first.norm.startswith("و")
                    and first.norm not in self._given_names
                    and first.norm not in self._name_words
                    and (form in self._given_names or after_person or form in _COMPOUND_NAME_STARTS)
                ):
                    cut = c  # سلطان اليامي وسند شراحيلي وفارس العياف، وعبد الله البدري: people joined by و
                    break
            key = tuple(
                [dict((c, f) for f, c in first.variants).get(cut, first.norm)]
                + [t.norm for t in tokens[i + 1 : j]]
            )
            if len(key) == 1 and (
                key[0] in self.lex.stopwords or key[0] in self.lex.place_adjectives or len(key[0]) < 3
            ):
                continue  # حي ساحلي: the tagger's place is the adjective after the head
            if key[0] == _ALLAH:
                continue  # الله تعالى، الله عز وجل: no name starts with الله (not_names: see find)
            start, stop = self._span(tokens, i, j, cut)
            out.append(RawMention(i, j, start, stop, etype, None, " ".join(key), "name", "tagger"))
            if etype == "PERSON":
                person_ends.add(j - 1)
            for k in range(i, j):
                covered[k] = True
        return out

    # ------------------------------------------------------------------ capitals
    def _capital_or_named(self, mentions: list[RawMention]) -> None:
        """عمان is Jordan's capital, and Oman's ambiguous short name: in an article that names the other entry
        plainly (سلطنة عمان) and not the capital's state, the spelling is that entry."""
        plain = {m.entry_id for m in mentions if m.kind == "name"}
        for m in mentions:
            if m.kind != "capital" or m.entry_id in plain:
                continue
            refs = self.lex.phrases.get(tuple(m.name_key.split(" ")), [])
            named = [e for e, how in refs if how == "context" and e in plain]
            if len(named) == 1:
                entry = self.lex.entries[named[0]]
                m.entry_id, m.type, m.kind = entry.id, entry.type, "name"

    def _resolve_capitals(self, tokens: Sequence[Token], mentions: list[RawMention]) -> None:
        """A capital is its state when it acts somewhere in the article, else a place."""
        caps = [m for m in mentions if m.kind == "capital"]
        if not caps:
            return
        acting: set[str] = set()
        for m in caps:
            i = m.token_start
            prev_forms = {f for f, _ in tokens[i - 1].variants} if i > 0 else set()
            prev = tokens[i - 1].norm if i > 0 else ""
            cut_prefix = m.start > tokens[i].start  # a proclitic was cut: بدمشق، لدمشق
            written = tokens[i].norm
            nxt = tokens[m.token_end].norm if m.token_end < len(tokens) else ""
            locative = bool(prev_forms & _LOCATIVE) or (
                cut_prefix and written[:1] in "بل" and not written.startswith("لل")
            )
            locative = locative or nxt in _DASHES or prev in _DASHES  # a dateline: باريس – ...
            if cut_prefix and written[:1] == "و" and written[1:2] not in ("ب", "ل"):
                locative = bool(prev_forms & _LOCATIVE)
            if not locative:
                acting.add(m.name_key)
        for m in caps:
            if m.name_key in acting:
                m.kind = "capital"
                continue
            place = self._place_entry(m.name_key)
            m.kind = "name"
            m.type = "LOCATION"
            m.entry_id = place.id if place else None
            m.method = "lexicon" if place else "rule"

    def _place_entry(self, name_key: str) -> LexiconEntry | None:
        refs = self.lex.phrases.get(tuple(name_key.split(" ")), [])
        for entry_id, _ in refs:
            entry = self.lex.entries[entry_id]
            if entry.type == "LOCATION":
                return entry
        return None


# Positions in the tagger's corpus statistics (ner.training.build_word_clusters): how often the word takes
# the article, follows a person title, an organization head, a place word, and its frequency (buckets).
_STAT_ARTICLE, _STAT_AFTER_TITLE, _STAT_AFTER_ORG, _STAT_AFTER_PLACE, _STAT_FREQUENCY = range(5)
# First words of compound names (عبد الله، أبو بكر): a name never starts with و before them.
_COMPOUND_NAME_STARTS = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو"))
_ALLAH = normalize("الله")  # no name starts with it (عبد الله, جار الله end with it)
COMPOUND_NAME_ENDS = frozenset({"الدين", "الله"})  # the second word of نور الدين، عبد الله، جار الله
# Compass words: a name after them is a place (جنوب شرق الأناضول is Anatolia, not the agency).
_DIRECTIONS = frozenset(
    normalize(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي")
)


def _prepositional(tok: Token) -> bool:
    """للبلياردو، عبدالكريم للقول: a word with لل is a preposition and a definite noun, never in a name."""
    return tok.norm.startswith("لل")


def _is_nisba(norm: str) -> bool:
    """A definite relational adjective (العراقي، الكردي، الشامي) used as a name's last part."""
    return norm.startswith("ال") and norm.endswith("ي") and len(norm) >= 5


def _prefixes(keys) -> set[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    out: set[tuple[str, ...]] = set()
    for key in keys:
        for k in range(1, len(key)):
            out.add(tuple(key[:k]))
    return out
