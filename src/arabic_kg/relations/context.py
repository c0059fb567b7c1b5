"""Per-article and per-sentence views the relation rules read: arguments, lists, clause limits.

An *argument* (`Arg`) is an actor mention (state, organization, person; a capital acting as its
state; a country word like بلاده) with the noun phrase around it: where the phrase starts (titles,
sites and quantities before the name: على *مواقع* لداعش، *وزير خارجية* روسيا) and which preposition
introduces it (its `marker`). Coordinated arguments (X وY، X، Y وZ) share a list id.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from arabic_kg.lexicon import Lexicon, phrase_key
from arabic_kg.models import Entity, MentionRef
from arabic_kg.relations import markers as M
from arabic_kg.relations.triggers import TriggerHit, TriggerIndex
from arabic_kg.text import Sentence, Token, normalize

ACTOR_TYPES = frozenset({"STATE", "ORGANIZATION", "PERSON"})
PLACE_TYPES = frozenset({"LOCATION", "BASE"})
EXTRA_TITLE_WORDS = M._norm(
    "الدكتور د السيد الشيخ المهندس اللواء العميد نظيره نظيرته نظيريه نظراؤه نظرائه خارجية دفاع داخلية "
    "السابق الأسبق الحالي العسكري الميداني الأول العام الرسمي باسم عضو القائد قائد زعيم القيادي قيادي "
    "والي الوالي أمير حاكم محافظ مؤسس رئيس وزير وزيرة وزراء "
    # honorifics before a title (التقى معالي وزير الخارجية ...، فخامة الرئيس، صاحب السمو الملكي الأمير)
    "معالي فخامة سمو صاحب السمو الملكي سعادة جلالة سماحة فضيلة"
)
BELONGING = M._norm("تابعة التابعة التابع التابعين تابع تابعا تابعين")  # مواقع تابعة لـX
OWNED_BY = M._norm("الخاصة الخاص خاصة خاص")  # مقار خاصة بـX: belonging, with ب
# Titles that honour rather than name an office (الشيخ، الأمير، الدكتور): a state before them stays in the
# title of the person after them.
HONORIFIC_ROLES = frozenset({"prince", "sheikh", "sultan", "mister", "doctor", "engineer", "king", "emir"})


def _office(role: str) -> str:
    return "minister" if role.endswith("minister") else role


LINEAGE = M._norm("بن ابن بنت آل")  # فيصل بن عبد الله بن عبد العزيز آل سعود
HEAD_OF_PLACE = M._norm("رئيس حاكم محافظ الرئيس الحاكم المحافظ")  # of a place (رئيس الشيشان)


@dataclass(slots=True)
class Arg:
    entity: str  # local entity id
    canonical: str
    type: str
    t0: int  # first token of the mention
    t1: int  # token after it
    start: int  # character offsets of the mention
    end: int
    kind: str = "name"
    np0: int = -1  # first token of its noun phrase
    marker: str | None = None  # normalized preposition, "by" (على أيدي، من قبل), "partitive" (آلاف من)
    own_marker: str | None = None  # the marker before the list shared its head's
    conj: bool = False  # a conjunction (و، ،) right before its noun phrase
    list_id: int = -1
    skip: bool = False  # inside another phrase: a title (وزير خارجية روسيا X) or a leader (الذي تقوده X)
    capital: bool = False  # a capital read as its state
    member_np: bool = False  # قوات X، ميليشيات X: the forces of a person are not the state
    role: str | None = None


@dataclass
class DocContext:
    """What the rules need about the whole article."""

    text: str
    tokens: Sequence[Token]
    mentions: list[MentionRef]
    entities: dict[str, Entity]
    lexicon: Lexicon
    index: TriggerIndex
    article_id: str
    by_canonical: dict[str, str] = field(default_factory=dict)  # canonical id → local id
    token_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)
    capitals: dict[str, str] = field(default_factory=dict)  # location id → state id
    title_words: frozenset[str] = frozenset()
    covered: dict[int, MentionRef] = field(default_factory=dict)  # token index → mention
    known_words: frozenset[str] = frozenset()  # cue words that begin with و/ف themselves
    cores: list[str | None] = field(default_factory=list)  # core() of each token, filled lazily
    second_actor_words: frozenset[str] = frozenset()  # adjectives and country words (بلاده)
    deposed: set[str] = field(default_factory=set)  # local ids of people called former (السابق، المخلوع)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        for e in self.entities.values():
            self.by_canonical.setdefault(e.canonical_id, e.id)
        self.token_starts = [t.start for t in self.tokens]
        self.mention_starts = [m.start for m in self.mentions]
        self.capitals = _capitals(self.lexicon)
        self.title_words = _title_words(self.lexicon)
        self.known_words = _per_lexicon(self.lexicon, "known", _build_known)
        for m in self.mentions:
            for k in range(m.token_start, m.token_end):
                self.covered.setdefault(k, m)
        self.cores = [None] * len(self.tokens)
        deposed_words = self.lexicon.deposed_words
        for m in self.mentions:
            # الرئيس السابق علي عبد الله صالح، المخلوع صالح: a leader no longer in power
            before = {self.tokens[k].norm for k in range(max(0, m.token_start - 2), m.token_start)}
            if m.type == "PERSON" and before & deposed_words:
                self.deposed.add(m.entity)
        self.second_actor_words = _per_lexicon(self.lexicon, "second", _build_second_actor_words)

    def may_relate(self, a: int, b: int, refs: list[MentionRef]) -> bool:
        """Whether tokens [a, b) can hold a relation: two actors, or one and an adjective or
        country word that may stand for a second (الضربات التركية، بلاده)."""
        if not refs:
            return False
        first = refs[0].entity
        if any(m.entity != first for m in refs):
            return True
        words = self.second_actor_words
        for tok in self.tokens[a:b]:
            norm = tok.norm
            if norm in words or norm[1:] in words or norm[:-1] in words:
                return True
        return False

    def local(self, canonical: str | None) -> str | None:
        return self.by_canonical.get(canonical) if canonical else None

    def token_range(self, sent: Sentence) -> tuple[int, int]:
        a = bisect.bisect_left(self.token_starts, sent.start)
        b = bisect.bisect_left(self.token_starts, sent.end)
        return a, b

    def sentence_mentions(self, sent: Sentence) -> list[MentionRef]:
        a = bisect.bisect_left(self.mention_starts, sent.start)
        b = bisect.bisect_left(self.mention_starts, sent.end)
        return self.mentions[a:b]


_PER_LEXICON: dict[tuple[int, str], tuple[Lexicon, object]] = {}


def _per_lexicon(lexicon: Lexicon, name: str, build):  # noqa: ANN001, ANN202
    """A value derived from a loaded lexicon, built once (lexicons are long-lived and unhashable)."""
    key = (id(lexicon), name)
    hit = _PER_LEXICON.get(key)
    if hit is None or hit[0] is not lexicon:
        if len(_PER_LEXICON) > 32:
            _PER_LEXICON.clear()
        hit = (lexicon, build(lexicon))
        _PER_LEXICON[key] = hit
    return hit[1]


def _build_capitals(lexicon: Lexicon) -> dict[str, str]:
    """Location id of a capital → its state id (the lexicon lists دمشق both as a city and a capital)."""
    out: dict[str, str] = {}
    for entry in lexicon.entries.values():
        if entry.type != "STATE":
            continue
        for cap in entry.capitals:
            for ref_id, _ in lexicon.phrases.get(phrase_key(cap), []):
                ref = lexicon.entries.get(ref_id)
                if ref is not None and ref.type == "LOCATION":
                    out[ref.id] = entry.id
    return out


def _build_second_actor_words(lexicon: Lexicon) -> frozenset[str]:
    words = {key[0] for key in lexicon.adjectives if len(key) == 1}
    return frozenset(words | M.COUNTRY_WORDS)


def _capitals(lexicon: Lexicon) -> dict[str, str]:
    return _per_lexicon(lexicon, "capitals", _build_capitals)


def _build_title_words(lexicon: Lexicon) -> frozenset[str]:
    words: set[str] = set(EXTRA_TITLE_WORDS)
    for key in lexicon.titles:
        words.update(key)
    words -= M.PREP_WORDS
    return frozenset(words)


def _title_words(lexicon: Lexicon) -> frozenset[str]:
    return _per_lexicon(lexicon, "titles", _build_title_words)


def _build_known(lexicon: Lexicon) -> frozenset[str]:
    words: set[str] = set(_title_words(lexicon)) | set(lexicon.location_heads)
    for value in vars(M).values():
        if isinstance(value, frozenset):
            words.update(w for w in value if isinstance(w, str))
    return frozenset(w for w in words if w[:1] in ("و", "ف"))


def core(tok: Token, known: frozenset[str] = frozenset()) -> str:
    """The token without a leading conjunction و/ف (prepositions kept); a known word that starts
    with و or ف itself (وزير، وفقا، فوق) is kept whole."""
    if tok.norm in known:
        return tok.norm
    for form, cut in tok.variants:
        if cut == 1 and tok.norm[0] in "وف":
            return form
    return tok.norm


def forms(tok: Token) -> list[str]:
    return [f for f, _ in tok.variants]


def clitic_prep(tok: Token, known: frozenset[str] | set[str]) -> str | None:
    """The proclitic preposition (ب، ل، ك) of a token whose rest is in ``known`` (للرئيس → ل)."""
    for form, cut in tok.variants:
        if form == tok.norm or form not in known:
            continue
        lead = tok.norm[:cut].lstrip("وف")
        if tok.norm[cut:] != form:  # ل + ال written لل: the alef was restored
            return "ل"
        if lead and lead[-1] in M.CLITIC_PREPS:
            return lead[-1]
    return None


class SentenceContext:
    """Arguments, lists and trigger hits of one sentence."""

    def __init__(self, doc: DocContext, sent: Sentence) -> None:
        self.doc = doc
        self.sent = sent
        self.a, self.b = doc.token_range(sent)
        self.tokens = doc.tokens
        self.refs = doc.sentence_mentions(sent)
        self._cores = doc.cores
        self.args: list[Arg] = []
        self.led_by: list[tuple[Arg, Arg]] = []  # (leader, led)
        self.title_of: list[tuple[Arg, Arg, int, int]] = []  # (person, state/org, token span of the title)
        self.hits: list[TriggerHit] = []
        self._build_args()

    # ------------------------------------------------------------------ helpers
    def c(self, k: int) -> str:
        """The token without a leading و/ف (cached per article; "" outside the sentence)."""
        if not (self.a <= k < self.b):
            return ""
        value = self._cores[k]
        if value is None:
            value = self._cores[k] = core(self.tokens[k], self.doc.known_words)
        return value

    def is_adjective(self, k: int) -> str | None:
        """The state id of a nationality adjective at token k (not part of a name mention)."""
        if not (self.a <= k < self.b):
            return None
        m = self.doc.covered.get(k)
        if m is not None and m.kind != "adjective":
            return None
        lex = self.doc.lexicon
        for form in forms(self.tokens[k]):
            state = lex.adjectives.get((form,))
            if state is not None:
                return state
        return None

    def adverbial_adjective(self, k: int) -> str | None:
        """أميركيا، روسيا (adverbial accusative of a nationality adjective: مدعومة أميركيا)."""
        if not (self.a <= k < self.b):
            return None
        norm = self.tokens[k].norm
        if norm.endswith("ا") and len(norm) > 3:
            return self.doc.lexicon.adjectives.get((norm[:-1],))
        return None

    def is_filler(self, k: int) -> bool:
        cw = self.c(k)
        tok = self.tokens[k]
        if cw in M.SITE_NOUNS or cw in M.MEMBER_NOUNS or cw in M.QUANTITY_WORDS or cw in self.doc.title_words:
            return True
        if cw.startswith("ال") and (cw[2:] in M.SITE_NOUNS or cw[2:] in M.MEMBER_NOUNS):
            return True
        if cw.endswith("ا") and cw[:-1] in M.SITE_NOUNS:
            return True  # استهدف موقعا لتعزيزات الحوثيين: the accusative of موقع
        if tok.norm.isdigit() or tok.norm in M.QUOTES or cw in M.DIRECTION_WORDS:
            return True
        if cw in BELONGING or cw in OWNED_BY:
            return True
        if self.is_adjective(k) is not None and k in self.doc.covered:
            return True  # an adjective mention inside a title: الرئيس *السوري* بشار الأسد
        return clitic_prep(tok, M.SITE_NOUNS | M.MEMBER_NOUNS | self.doc.title_words) is not None

    # ------------------------------------------------------------------ arguments
    def _build_args(self) -> None:
        doc = self.doc
        refs = self.refs
        for m in refs:
            local = m.entity
            canonical, etype, capital = m.canonical_id, m.type, False
            if m.kind == "adjective":
                # الرئيس *الروسي* بوتين، وزير الخارجية *الأمريكي*: a title's adjective; the person
                # (named or not) is the actor, and the state is only his affiliation.
                continue
            if etype == "STATE" and self._adjective_in_disguise(m):
                continue
            if etype in PLACE_TYPES:
                state = doc.capitals.get(canonical)
                if etype != "LOCATION" or state is None or doc.local(state) is None:
                    continue
                local, canonical, etype, capital = doc.local(state), state, "STATE", True  # type: ignore[assignment]
            elif etype not in ACTOR_TYPES:
                continue
            regime = etype == "PERSON" and self._after_regime_head(m)
            state = doc.entities[m.entity].affiliation if regime else None
            if state and doc.local(state) is not None:
                # نظام بشار الأسد: the leader's state acts (when the article names it; else the leader)
                local, canonical, etype = doc.local(state), state, "STATE"  # type: ignore[assignment]
            arg = Arg(local, canonical, etype, m.token_start, m.token_end, m.start, m.end, m.kind,
                      capital=capital, role=m.role)
            self._phrase(arg, m)
            if regime and arg.np0 == arg.t0 and arg.marker is None:
                arg.np0 = arg.t0 - 1  # the head is part of the phrase
                self._walk(arg, arg.np0 - 1)
            if capital and arg.marker in M.LOCATIVE | {"ب", "ل", "من", M.ILA}:
                continue  # في دمشق: a place, not the state acting
            self.args.append(arg)
        self._country_words()
        self.args.sort(key=lambda x: x.t0)
        self._mark_titles_and_leaders()
        self._lists()

    def _after_regime_head(self, m: MentionRef) -> bool:
        """نظام بشار الأسد، حكومة نتنياهو: a leader's name right after a regime head, without a proclitic."""
        k = m.token_start - 1
        if k < self.a or k in self.doc.covered or m.start > self.tokens[m.token_start].start:
            return False
        return self.c(k) in M.REGIME_HEADS

    def _adjective_in_disguise(self, m: MentionRef) -> bool:
        """عائلة سورية، جنسيات غير سورية: a state name that is also its feminine adjective."""
        if m.token_end - m.token_start != 1 or m.token_start - 1 < self.a:
            return False
        tok = self.tokens[m.token_start]
        if (tok.norm,) not in self.doc.lexicon.adjectives or m.start > tok.start:
            return False
        prev = self.tokens[m.token_start - 1]
        # (an indefinite noun's adjective is indefinite: بقيادة السعودية is a genitive, the state)
        indefinite_noun = prev.text.endswith(("ة", "ات")) and not prev.norm.startswith("ال")
        indefinite_noun = indefinite_noun and not tok.norm.startswith("ال")
        return indefinite_noun or self.c(m.token_start - 1) == "غير"

    def _phrase(self, arg: Arg, m: MentionRef | None) -> None:
        """Where the argument's noun phrase starts and which preposition introduces it."""
        toks = self.tokens
        arg.np0 = arg.t0
        first = toks[arg.t0]
        if m is not None and m.start == first.start and first.norm.lstrip("وف").startswith("لل") and (
            self.doc.text[m.start:m.end] != first.text or len(first.norm) > 4
        ):
            # للولايات المتحدة: the name keeps لل as written (ل + ال), but ل is a preposition.
            arg.marker = "ل"
            arg.conj = first.norm[:1] in ("و", "ف")
            site = self._site_before(arg.t0)
            if site is not None:  # أهداف تابعة للدولة الإسلامية: a genitive of the site noun
                arg.marker = None
                arg.np0 = site
                self._walk(arg, site - 1)
            return
        if m is not None and m.start > first.start:  # proclitics cut off the name: وبغداد، لداعش
            lead = normalize(self.doc.text[first.start:m.start])
            if lead[:1] in ("و", "ف"):
                arg.conj = True
                lead = lead[1:]
            if lead[:1] in M.CLITIC_PREPS:
                arg.marker = lead[:1]
                site = self._genitive_site(arg.t0, arg.marker)
                if site is None:
                    return
                # مواقع لداعش، معسكرات تدريبية لجماعة خراسان: a genitive; the site noun carries the
                # real preposition.
                arg.marker = None
                arg.np0 = site
                self._walk(arg, site - 1)
                return
        self._walk(arg, arg.t0 - 1)
        first_tok = toks[arg.t0]
        if arg.np0 == arg.t0 and first_tok.norm[:1] == "و" and m is not None and m.start > first_tok.start:
            arg.conj = True

    def _title_ends(self, k: int) -> bool:
        """A title after a preposition ends at token k: its word (للرئيس، مع الرئيس) or a nationality
        adjective after it (للرئيس اليمني). Without a preposition the name after the comma may be the
        subject (في استقبال خادم الحرمين، الأمير سعود: the prince receives)."""
        titles = self.doc.title_words

        def title(j: int) -> bool:
            if j < self.a:
                return False
            if clitic_prep(self.tokens[j], titles) is not None:
                return True
            return self.c(j) in titles and self.c(j - 1) in M.PREP_WORDS

        return title(k) or (k >= self.a and self.is_adjective(k) is not None and title(k - 1))

    def _genitive_site(self, k: int, prep: str | None) -> int | None:
        """The site noun a ل-phrase at token k hangs on (مواقع لداعش), or a ب-phrase after خاصة (مقار خاصة
        بالحوثيين); None when the preposition is a real one."""
        if prep == "ل" or (prep == "ب" and self.c(k - 1) in OWNED_BY):
            return self._site_before(k)
        return None

    def _site_before(self, t0: int) -> int | None:
        """The site or member noun a ل-genitive hangs on (مواقع لـ، عناصر تابعة لـ), or None."""
        for k in range(t0 - 1, max(self.a, t0 - 3) - 1, -1):
            cw = self.c(k)
            bare = cw[2:] if cw.startswith("ال") else cw
            if bare.endswith("ا") and bare[:-1] in M.SITE_NOUNS:
                bare = bare[:-1]  # هدفا لداعش: the accusative of هدف
            if bare in M.SITE_NOUNS or bare in M.MEMBER_NOUNS:
                return k
            if self.doc.covered.get(k) is not None or cw in M.PREP_WORDS:
                return None
            # Only an adjective may stand between (معسكرات *تدريبية* لـ، مواقع *تابعة* لـ), not a
            # participle with its own complement (القوات *الموالية* لهادي).
            adjective = cw in M.NOUN_MODIFIERS or cw in BELONGING or cw in OWNED_BY or (
                cw.endswith("يه") and self.doc.index.match(self.tokens, k, k + 1) is None)
            if not adjective:
                return None
        return None

    def _walk(self, arg: Arg, k: int) -> None:
        """Extend the phrase leftwards over fillers to the preposition that introduces it."""
        toks = self.tokens
        tok0 = toks[arg.np0]
        if arg.np0 < arg.t0:
            prep = clitic_prep(tok0, M.SITE_NOUNS | M.MEMBER_NOUNS | self.doc.title_words)
            if prep is not None:
                arg.marker = prep
                return
            if tok0.norm[:1] in ("و", "ف") and self.c(arg.np0) != tok0.norm:
                if self._joined_sites(arg.np0):
                    arg.np0 -= 1  # مواقع وتجمعات لداعش: both sites are the group's
                    self._walk(arg, arg.np0 - 1)
                    return
                arg.conj = True
                return
        while k >= self.a:
            tok = toks[k]
            cw = self.c(k)
            covered = self.doc.covered.get(k)
            if covered is not None and covered.kind != "adjective":
                break
            if tok.norm in M.COMMAS and k == arg.np0 - 1 and arg.type == "PERSON" and self._title_ends(k - 1):
                k -= 1  # الموالية للرئيس اليمني، عبد ربه منصور هادي: a name in apposition to its title
                continue
            if cw in M.PREP_WORDS:
                if cw == "من" and k - 1 >= self.a and self.c(k - 1) in ("كل", "جميع"):
                    arg.np0 = k - 1  # كل من X وY
                    k -= 2
                    continue
                before = self.c(k - 1)
                bare = before[2:] if before.startswith("ال") else before
                counted = M.MEMBER_NOUNS | M.QUANTITY_WORDS
                if cw == "من" and k - 1 >= self.a and (
                    before in counted or bare in counted or toks[k - 1].norm.isdigit()
                ):
                    arg.marker = "partitive"
                    arg.np0 = k
                    return
                arg.marker = cw
                arg.np0 = k + 1 if arg.np0 > k else arg.np0
                if cw == M.ALA and arg.np0 - 1 == k and self.c(k + 1) in M.BY_HEADS:
                    arg.marker = "by"
                return
            if cw in M.BY_HEADS and k - 1 >= self.a and self.c(k - 1) in ("من", M.ALA):
                arg.marker = "by"
                arg.np0 = k - 1
                if tok.norm.startswith("و"):
                    arg.conj = True
                return
            title_adjective = self.is_adjective(k) is not None and (
                (k - 1 >= self.a and self.c(k - 1) in self.doc.title_words)
                or (k == arg.t0 - 1 and arg.type == "PERSON")
            )  # نظيريه الأمريكي كيري والسعودي عادل الجبير
            if cw in M.DIRECTION_WORDS and arg.marker is None:
                arg.marker = "direction"  # وسط اليمن، شمال سوريا: a place, unless a preposition says more
            state_head = arg.type == "STATE" and cw in M.STATE_HEADS  # وحكومة جمهورية ساحل العاج
            if (
                self.is_filler(k) or title_adjective or state_head
                or (covered is not None and covered.kind == "adjective")
            ):
                arg.np0 = k
                if cw in M.MEMBER_NOUNS or cw[2:] in M.MEMBER_NOUNS:
                    arg.member_np = True
                prep = clitic_prep(tok, M.SITE_NOUNS | M.MEMBER_NOUNS | self.doc.title_words)
                site = self._genitive_site(k, prep)
                if site is not None:
                    k = site  # القواعد الخلفية لمقاتلي X: a genitive of the site noun, as in مواقع لـX
                    continue
                if prep is not None:
                    arg.marker = prep
                    return
                if tok.norm[:1] in ("و", "ف") and cw != tok.norm:
                    if self._joined_sites(k):
                        k -= 1  # مواقع ومقرات جبهة النصرة: one phrase, the sites share the genitive
                        continue
                    arg.conj = True
                    return
                k -= 1
                continue
            break

    def _joined_sites(self, k: int) -> bool:
        """Token k is و + a site or member noun right after another one (مواقع *وتجمعات*)."""
        if k - 1 < self.a or k - 1 in self.doc.covered:
            return False
        nouns = M.SITE_NOUNS | M.MEMBER_NOUNS
        here, before = self.c(k), self.c(k - 1)
        return (here[2:] if here.startswith("ال") else here) in nouns and (
            before[2:] if before.startswith("ال") else before
        ) in nouns

    def _country_words(self) -> None:
        """بلاده، حكومتها، قواته: the state of the person named before, when it is in the article."""
        doc = self.doc
        words = M.COUNTRY_WORDS
        for k, tok in enumerate(self.tokens[self.a : self.b], self.a):
            norm = tok.norm
            if norm not in words and norm[1:] not in words:
                continue
            cw = self.c(k)
            if cw not in M.COUNTRY_PRONOUNS and cw not in M.COUNTRY_WE:
                continue
            if k in doc.covered:
                continue
            # The last person before it with a state: a UN envoy (يلتقي ولد الشيخ ويؤكد دعم بلاده) has none.
            state = None
            for arg in reversed(self.args):
                if arg.t1 <= k and arg.type == "PERSON":
                    state = self._state_of(arg)
                    if state is not None:
                        break
            if state is None:
                person = self._previous_person(k)
                state = self._state_of(person) if person is not None else None
            if state is None:
                continue
            tok = self.tokens[k]
            canonical = doc.entities[state].canonical_id
            arg = Arg(state, canonical, "STATE", k, k + 1, tok.start, tok.end, "pronoun")
            self._phrase(arg, None)
            prep = clitic_prep(tok, M.COUNTRY_PRONOUNS | M.COUNTRY_WE)
            if prep is not None:
                arg.marker = prep
            self.args.append(arg)

    def _state_of(self, person: Arg) -> str | None:
        """The local id of the state a person is affiliated with, if it is in the article."""
        doc = self.doc
        ent = doc.entities.get(person.entity)
        state = doc.local(ent.affiliation) if ent is not None else None
        return state if state is not None and doc.entities[state].type == "STATE" else None

    def _previous_person(self, k: int) -> Arg | None:
        """The last person mentioned before token k in the article (the speaker of a quote)."""
        doc = self.doc
        pos = bisect.bisect_left(doc.mention_starts, self.tokens[k].start)
        for m in reversed(doc.mentions[max(0, pos - 12):pos]):
            if m.type == "PERSON":
                return Arg(m.entity, m.canonical_id, "PERSON", m.token_start, m.token_end, m.start, m.end)
        return None

    def _title_start(self, x: Arg) -> int | None:
        """First token of a title right before x: *وزير خارجية* روسيا، *القيادي في* تنظيم القاعدة."""
        titles = self.doc.title_words
        k = x.t0
        if k - 1 >= self.a and self.c(k - 1) == "في":
            k -= 1
        j = k
        while j - 1 >= self.a and self.c(j - 1) in titles and x.t0 - j < 5:
            j -= 1
        if j == k:
            if x.np0 < x.t0 and self.c(x.np0) in titles:
                return x.np0
            return None
        return j

    def _own_office(self, start: int, x: Arg, person: Arg) -> bool:
        """Whether the person right after a titled state holds another office of his own (استقبل أمير قطر
        *الوزير* كيري: the emir receives the minister); an honorific (أمير قطر الشيخ تميم) or the same office
        again (ملك الأردن الملك عبدالله) keeps the state in his title."""
        titles = self.doc.lexicon.titles
        first = titles.get(tuple(self.c(k) for k in range(start, x.t0)))
        if first is None:
            return False
        for k in range(person.np0, person.t0):
            role = titles.get((self.c(k),))
            if role is not None and role not in HONORIFIC_ROLES and _office(role) != _office(first):
                return True
        return False

    def _conjoined(self, x: Arg) -> bool:
        """Whether x is written with a proclitic (وزير خارجية أميركا ولافروف، وزير خارجية المملكة بجون
        كيري): a new item of a list or a preposition's object, never the name of the title before it."""
        if x.start > self.tokens[x.t0].start:
            return True
        # ولي عهد هولندا والأمير عبدالقادر: the title the phrase opens with has the conjunction
        return x.np0 < x.t0 and self.conjunction_at(x.np0)

    def conjunction_at(self, k: int) -> bool:
        """Whether token k is written with a leading و/ف conjunction (والأمير، وأمير)."""
        return self.tokens[k].norm[:1] in ("و", "ف") and self.c(k) != self.tokens[k].norm

    def _mark_titles_and_leaders(self) -> None:
        args = self.args
        for i, x in enumerate(args):
            nxt = args[i + 1] if i + 1 < len(args) else None
            # A state or group inside the title of the person right after it is not an actor here.
            if x.type in ("STATE", "ORGANIZATION") and nxt is not None and nxt.type == "PERSON" and all(
                self.tokens[k].norm in M.QUOTES for k in range(x.t1, nxt.np0)
            ) and not self._conjoined(nxt):
                start = self._title_start(x)
                if start is not None and not self._own_office(start, x, nxt):
                    x.skip = True
                    posted = x.marker in M.POSTING_PREPS and any(
                        self.c(k) in M.POSTED_TITLES for k in range(start, x.t0))
                    if not posted:  # المبعوث الخاص لليبيا برناردينو ليون: posted there, not of it
                        self.title_of.append((nxt, x, start, x.t1))
                    # The phrase (مع وزير خارجية روسيا لافروف) now starts at the title.
                    nxt.np0 = min(nxt.np0, x.np0)
                    nxt.marker = nxt.marker or x.marker
                    nxt.conj = nxt.conj or x.conj
            # فيصل بن عبد الله، رئيس هيئة الهلال الأحمر: a body in the title after a person is his, not
            # an actor of the sentence.
            if i > 0 and x.type in ("STATE", "ORGANIZATION") and args[i - 1].type == "PERSON" and not x.skip:
                person = args[i - 1]
                gap = range(person.t1, x.t0)
                if 0 < len(gap) <= 5 and x.marker is None and all(
                    self.c(k) in self.doc.title_words or self.tokens[k].norm in M.COMMAS
                    or self.is_adjective(k) is not None or self._name_tail(k) for k in gap
                ) and any(self.c(k) in self.doc.title_words for k in gap):
                    x.skip = True
            # التحالف الذي تقوده الولايات المتحدة، التحالف بقيادة السعودية: the leader modifies the head.
            if i > 0 and args[i - 1].type == "ORGANIZATION":  # a coalition or alliance is led, not a state
                prev = args[i - 1]
                gap = range(prev.t1, x.np0)
                if 0 < len(gap) <= 3 and any(self.c(k) in M.LED_BY for k in gap) and all(
                    self.c(k) in M.LED_BY or self.c(k) in M.RELATIVES or self.tokens[k].norm in M.COMMAS
                    for k in gap
                ):
                    x.skip = True
                    self.led_by.append((x, prev))

    def _name_tail(self, k: int) -> bool:
        """A word of the lineage that ends a name beyond its mention (فيصل بن عبد الله *بن عبد العزيز*)."""
        return self.c(k) in LINEAGE or self.c(k - 1) in LINEAGE or self.c(k - 1) in ("عبد", "ابو")

    def _lists(self) -> None:
        lid = 0
        prev: Arg | None = None
        for x in self.args:
            x.own_marker = x.marker
            if x.skip:
                continue
            link = self._coordinated(prev, x) if prev is not None else None
            if prev is not None and link is not None:
                x.list_id = prev.list_id
                if x.marker is None or link == "ally":
                    x.marker = prev.marker  # X وحلفاؤه من Y: Y shares X's role
            else:
                lid += 1
                x.list_id = lid
            prev = x

    def _coordinated(self, x: Arg, y: Arg) -> str | None:
        """"conj" or "ally" when y is coordinated with x (X وY، X، Y، X وحلفاؤه من Y), else None."""
        if y.np0 < x.t1:
            return "conj" if x.entity == y.entity else None
        conj, ally = y.conj, False
        for k in range(x.t1, y.np0):
            norm = self.tokens[k].norm
            cw = self.c(k)
            starts_conj = norm[:1] == "و" and cw != norm
            if norm in M.CONJ_TOKENS or norm in M.COMMAS:
                conj = True
            elif norm in M.QUOTES or norm in ("(", ")", "-", "–", "ـ"):
                continue
            elif cw in M.ALLY_WORDS:
                ally = True
                conj = conj or starts_conj
            elif cw == "من" and ally:
                continue
            elif cw in self.doc.title_words or self.is_adjective(k) is not None:
                conj = conj or starts_conj
            else:
                return None
        if y.np0 == x.t1 and self.tokens[y.np0].norm[:1] == "و" and self.c(y.np0) != self.tokens[y.np0].norm:
            conj = True
        if not conj:
            return None
        return "ally" if ally else "conj"

    def members(self, arg: Arg) -> list[Arg]:
        """The argument and those coordinated with it (one per entity, in order)."""
        out: list[Arg] = []
        seen: set[str] = set()
        for x in self.args:
            if x.list_id == arg.list_id and not x.skip and x.entity not in seen:
                seen.add(x.entity)
                out.append(x)
        return out

    def arg_starting(self, k: int) -> Arg | None:
        for x in self.args:
            if x.np0 == k and not x.skip:
                return x
        return None

    def arg_ending(self, k: int) -> Arg | None:
        for x in reversed(self.args):
            if x.t1 == k and not x.skip:
                return x
        return None

    # ------------------------------------------------------------------ clauses
    def is_boundary(self, k: int) -> bool:
        norm = self.tokens[k].norm
        cw = self.c(k)
        if norm in M.BOUNDARY_PUNCT or cw in M.BOUNDARY_WORDS:
            return True
        # قبل أن، بعد أن: a new clause with its own subject; في وقت / في الوقت الذي: "while".
        if cw in ("ان", "انه", "انها") and k - 1 >= self.a and self.c(k - 1) in ("قبل", "بعد"):
            return True
        return cw in ("وقت", "الوقت") and k - 1 >= self.a and self.c(k - 1) == "في"

    def clause(self, start: int, end: int, reach: int = 25) -> tuple[int, int]:
        """Token limits [L, R) of the clause around tokens [start, end)."""
        left = start
        while left - 1 >= self.a and start - left < reach and not self.is_boundary(left - 1):
            left -= 1
        right = end
        while right < self.b and right - end < reach and not self.is_boundary(right):
            right += 1
        return left, right

    def commas(self, i: int, j: int) -> int:
        return sum(1 for k in range(i, j) if self.tokens[k].norm in M.COMMAS)
