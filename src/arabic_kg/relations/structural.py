"""Relations stated by the shape of a phrase rather than a trigger word.

- affiliated_with: titles (وزير خارجية روسيا سيرجي لافروف، محسن الفضلي، زعيم جماعة خراسان،
  المتحدث باسم البنتاغون، القيادي في تنظيم القاعدة)، leaders (التحالف الذي تقوده الولايات المتحدة)
  and what the lexicon or a title's nationality adjective says (Entity.affiliation) when the state
  or organization is named in the article;
- located_in: X في Y، X بمدينة Y، X بشرق Y، X اليمنية، X، إحدى جمهوريات Y، and the lexicon's
  ``located_in`` when the container is named in the same sentence (a capital is never "in" its own
  state: the gold convention reads a capital as the state itself);
- co_mentioned: two actors in one sentence (the caller drops the pairs that have a typed relation).
"""

from __future__ import annotations

import re

from arabic_kg.models import MentionRef
from arabic_kg.relations import markers as M
from arabic_kg.relations.context import ACTOR_TYPES, HEAD_OF_PLACE, Arg, DocContext, SentenceContext
from arabic_kg.relations.rules import Candidate
from arabic_kg.text import Sentence, normalize

DIRECTIONS = M._norm(
    "شرق غرب شمال جنوب وسط شرقي غربي شمالي جنوبي شمال شرق جنوب غرب ريف أطراف ضواحي محيط قرب"
)
PART_OF = M._norm("إحدى أحد أكبر كبرى ثاني ثالث أهم عاصمة أبرز")
PLACE_PLURALS = M._norm("مدن محافظات جمهوريات مناطق ولايات أقاليم مقاطعات جزر موانئ بلدات قرى أحياء إمارات")
DASHES = frozenset({"-", "–", "—", "ـ"})
TARGET_TYPES = frozenset({"LOCATION", "STATE"})


def _arg(
    m: MentionRef, entity: str | None = None, canonical: str | None = None, etype: str | None = None
) -> Arg:
    return Arg(entity or m.entity, canonical or m.canonical_id, etype or m.type, m.token_start, m.token_end,
               m.start, m.end, m.kind, np0=m.token_start)


# Plural titles: after a person they name other people (استقبل تميم وزراء خارجية الدول).
PLURAL_TITLES = M._norm("وزراء قادة زعماء رؤساء سفراء ممثلو ممثلي مسؤولو مسؤولي أعضاء قيادات")


def _cand(rel: str, s: Arg, t: Arg, trigger: tuple[int, int] | None) -> Candidate:
    return Candidate(rel, s, t, False, "asserted", None, trigger)


# ---------------------------------------------------------------------- affiliated_with
def sentence_affiliations(sc: SentenceContext) -> list[Candidate]:
    out: list[Candidate] = []
    toks = sc.tokens
    for person, group, t0, _t1 in sc.title_of:
        out.append(_cand("affiliated_with", person, group, (toks[t0].start, toks[group.t0 - 1].end)
                         if group.t0 > t0 else None))
    for leader, led in sc.led_by:
        out.append(_cand("affiliated_with", leader, led, None))
    out.extend(_members_listed(sc))
    titles = sc.doc.title_words
    for m in sc.refs:
        if m.type != "PERSON":
            continue
        found = _title_after(sc, m, titles)
        if found is not None:
            target, t0, t1 = found
            out.append(_cand("affiliated_with", _arg(m), target, (toks[t0].start, toks[t1 - 1].end)))
    return out


def _members_listed(sc: SentenceContext) -> list[Candidate]:
    """مقتل 2927 من تنظيم داعش ... أبرزهم أبو أسامة العراقي وعامر الرفدان: the persons listed are members
    of the group counted before the list word."""
    out: list[Candidate] = []
    words = M.MEMBERSHIP_LIST
    for k, tok in enumerate(sc.tokens[sc.a : sc.b], sc.a):
        if tok.norm not in words and tok.norm[1:] not in words:
            continue
        if sc.c(k) not in words:
            continue
        group = None
        for arg in reversed(sc.args):
            if arg.t1 <= k and arg.type == "ORGANIZATION" and not arg.skip and (
                arg.marker == "partitive" or arg.member_np
            ):
                group = arg
                break
        if group is None:
            continue
        for m in sc.refs:
            if m.type != "PERSON" or m.token_start <= k:
                continue
            if any(sc.is_boundary(j) or sc.c(j) in M.MEMBERSHIP_LIST for j in range(k + 1, m.token_start)):
                break
            trigger = (sc.tokens[k].start, sc.tokens[k].end)
            out.append(_cand("affiliated_with", _arg(m), group, trigger))
    return out


def _title_after(
    sc: SentenceContext, person: MentionRef, titles: frozenset[str]
) -> tuple[Arg, int, int] | None:
    """محسن الفضلي، زعيم جماعة خراسان؛ رمضان قاديروف رئيس شيشنيا؛ أبو همام القائد العسكري في جبهة النصرة."""
    k = person.token_end
    if k < sc.b and sc.tokens[k].norm in M.COMMAS:
        k += 1
    start = k
    seen_title = False
    head_of_place = False
    posted = False
    while k < sc.b and k - start < 6:
        cw = sc.c(k)
        m = sc.doc.covered.get(k)
        if m is not None and m.kind != "adjective":
            break
        if k == start and sc.conjunction_at(k):
            return None  # بلقاء الجبير وأمير قطر تميم: a title after و opens the next person of a list
        if not seen_title and cw in PLURAL_TITLES:
            return None  # تميم ... أمس وزراء خارجية دول المجلس: the title of other people, the object
        if cw in titles or (cw.startswith("ب") and cw[1:] in titles):
            seen_title = True
            head_of_place = head_of_place or cw in HEAD_OF_PLACE
            posted = posted or cw in M.POSTED_TITLES
        elif cw in M.NOUN_MODIFIERS or cw in ("في", "باسم") or sc.tokens[k].norm in M.QUOTES or m is not None:
            pass
        else:
            return None
        k += 1
    m = sc.doc.covered.get(k)
    if not seen_title or m is None or m.token_start != _mention_start_token(sc, m, k):
        return None
    if posted and m.type in ("STATE", "LOCATION") and (
        sc.c(k - 1) == "في" or normalize(sc.doc.text[sc.tokens[k].start : m.start])[-1:] in ("ل", "ب")
    ):
        return None  # السفير الإسرائيلي السابق في الولايات المتحدة، المبعوث الخاص لليبيا: where he is posted
    if m.type in ("STATE", "ORGANIZATION") or (m.type == "LOCATION" and head_of_place):
        # A state that is the title of the next person is not this person's (كيري وزير خارجية روسيا لافروف).
        j = m.token_end
        # ووزير خارجية دولة الكويت، الشيخ صباح الخالد: a comma and a title may stand before that person
        while j < sc.b and j < m.token_end + 3 and (sc.tokens[j].norm in M.COMMAS or sc.c(j) in titles):
            j += 1
        nxt = sc.doc.covered.get(j)
        if nxt is not None and nxt.type == "PERSON" and nxt.start == sc.tokens[nxt.token_start].start:
            return None  # (a proclitic, as in بجون كيري, starts a new phrase: the state is this title's)
        return _arg(m), start, k
    return None


def _mention_start_token(sc: SentenceContext, m: MentionRef, k: int) -> int:
    return k if m.token_start == k else -1


def lexicon_affiliations(doc: DocContext, sentences: list[Sentence]) -> list[Candidate]:
    """Entity.affiliation (lexicon, or a title's nationality adjective) when the target is named."""
    out: list[Candidate] = []
    by_entity: dict[str, list[MentionRef]] = {}
    for m in doc.mentions:
        by_entity.setdefault(m.entity, []).append(m)
    for ent in doc.entities.values():
        if ent.type not in ("PERSON", "ORGANIZATION") or not ent.affiliation:
            continue
        target = doc.local(ent.affiliation)
        if target is None or target == ent.id:
            continue
        own = by_entity.get(ent.id, [])
        theirs = by_entity.get(target, [])
        if not own or not theirs:
            continue
        best = _shared_sentence(sentences, own, theirs)
        src = own[0] if best is None else best[0]
        tgt = theirs[0] if best is None else best[1]
        trigger = None
        if tgt.kind == "adjective" and tgt.end <= src.start and src.start - tgt.end <= 2:
            trigger = (tgt.start, tgt.end)
        t_ent = doc.entities[target]
        if _organ_of(ent.label, theirs, t_ent.label, doc):
            continue
        out.append(_cand("affiliated_with", _arg(src, ent.id, ent.canonical_id, ent.type),
                         _arg(tgt, target, t_ent.canonical_id, t_ent.type), trigger))
    return out


def _organ_of(label: str, theirs: list[MentionRef], target_label: str, doc: DocContext) -> bool:
    """الجمعية العامة للأمم المتحدة is the UN itself under the gold convention (organs are the body)."""
    own = normalize(label)
    names = {normalize(target_label)} | {normalize(doc.text[m.start : m.end]) for m in theirs}
    names = {n[2:] if n.startswith("ال") else n for n in names}
    # Whole words, after at most a proclitic and the article (للأمم المتحدة) and before at most a nisba
    # ending (الحرس الثوري الإيراني: named after its state, kept as before), so that كيني is not found in
    # كينياتا (الرئيس الكيني أوهورو كينياتا is a person of Kenya, not an organ of it).
    word = r"(?:^|\s)\S{0,3}%s(?:ي|ه|يه)?(?=\s|$)"
    return any(len(n) > 3 and re.search(word % re.escape(n), own) for n in names)


def _shared_sentence(sentences: list[Sentence], own: list[MentionRef],
                     theirs: list[MentionRef]) -> tuple[MentionRef, MentionRef] | None:
    for a in own:
        for b in theirs:
            for s in sentences:
                if s.start <= a.start < s.end:
                    if s.start <= b.start < s.end:
                        return a, b
                    break
    return None


# ---------------------------------------------------------------------- located_in
def sentence_locations(sc: SentenceContext) -> list[Candidate]:
    doc = sc.doc
    out: list[Candidate] = []
    places = [m for m in sc.refs if m.type in ("LOCATION", "BASE") and not _is_head_word(sc, m)]
    if not places:
        return out
    named = {}  # canonical → a mention of it in this sentence (not a title adjective)
    for m in sc.refs:
        # A capital read as its state (جنوبي صنعاء) is still the city here, not the state.
        if m.kind not in ("adjective", "capital") and m.type in TARGET_TYPES | {"BASE"}:
            named.setdefault(m.canonical_id, m)
    closing = _closing_place(sc)
    for m in places:
        if m.token_start > sc.a and sc.c(m.token_start - 1) in M.CONNECTING:
            continue  # الطريق الذي يربط عدن بمحافظة لحج
        found = _located_text(sc, m)
        closes = closing is not None and closing[2] <= m.token_start and m.token_end <= closing[0].t0
        if found is None and closing is not None and closes:
            found = closing[0], closing[1]  # ... في منطقة الكشار المطلة على منطقة صينة، وحي الزنوج، في تعز
        if found is not None:
            target, span = found
            if _consistent(doc, m.canonical_id, target.canonical):
                out.append(_cand("located_in", _arg(m), target, span))
                continue
        for ancestor in _ancestors(doc, m.canonical_id):
            t = named.get(ancestor)
            if t is not None and t is not m:
                out.append(_cand("located_in", _arg(m), _arg(t), None))
                break
    return out


def _closing_place(sc: SentenceContext) -> tuple[Arg, tuple[int, int], int] | None:
    """A sentence that ends with "، في X" after a list of places puts them all in X:
    (X, the span of "في X", the first token of the clause it closes)."""
    toks = sc.tokens
    last = sc.refs[-1] if sc.refs else None
    if last is None or last.type not in TARGET_TYPES or last.kind in ("adjective", "capital"):
        return None
    k = last.token_end
    while k < sc.b and not toks[k].norm[:1].isalnum():
        k += 1
    if k < sc.b:
        return None  # not the end of the sentence
    p = last.token_start - 1
    if p - 1 < sc.a or sc.c(p) != "في" or toks[p - 1].norm not in M.COMMAS:
        return None
    start = p - 1
    while start - 1 >= sc.a and not sc.is_boundary(start - 1):
        start -= 1
    return _arg(last), (toks[p].start, toks[p].end), start


def _is_head_word(sc: SentenceContext, m: MentionRef) -> bool:
    """A mention that is only a place head (بريف in قرية بريف إدلب) is not a place."""
    if m.token_end - m.token_start != 1:
        return False
    heads = sc.doc.lexicon.location_heads
    norm = sc.tokens[m.token_start].norm
    if norm.startswith("ال") and norm[2:] in heads:
        return True  # جنوب غربي المدينة: "the city" just named, not a city called so
    return any(f in heads for f, _ in sc.tokens[m.token_start].variants[1:])


def _located_text(sc: SentenceContext, m: MentionRef) -> tuple[Arg, tuple[int, int]] | None:
    doc = sc.doc
    toks = sc.tokens
    k = m.token_end
    if k < sc.b and toks[k].norm in M.COMMAS:
        k += 1
    first = k
    linked = False
    heads = doc.lexicon.location_heads
    while k < sc.b and k - first < 4:
        cw = sc.c(k)
        tok = toks[k]
        if tok.norm[:1] == "و" and cw != tok.norm:
            return None  # حي بمدينة حلب *وقرية* بريف إدلب: another place starts
        target = doc.covered.get(k)
        if target is not None and not _is_head_word(sc, target):
            lead = normalize(doc.text[tok.start:target.start]) if target.start > tok.start else ""
            if lead.lstrip("وف")[:1] == "ب":
                linked = True
            if not linked or target.type not in TARGET_TYPES or target.token_start != k:
                return None
            if target.kind in ("adjective", "capital"):
                return None
            tgt = _arg(target)
            return tgt, (toks[first].start, toks[k - 1].end) if k > first else (tok.start, target.start)
        via_b = tok.norm.lstrip("وف")[:1] == "ب" and any(
            cut and f in (heads | DIRECTIONS) for f, cut in tok.variants
        )  # بمدينة، بريف، بشرق
        if cw == "في" or cw in DIRECTIONS or via_b:
            linked = True
        elif cw in heads:
            pass
        elif k == m.token_end and not linked:
            state = sc.is_adjective(k)
            local = doc.local(state) if state else None
            if local is not None:  # عدن اليمنية
                ent = doc.entities[local]
                arg = Arg(local, ent.canonical_id, "STATE", k, k + 1, tok.start, tok.end, "adjective", np0=k)
                return arg, (tok.start, tok.end)
            return _part_of(sc, m, k)
        else:
            return _part_of(sc, m, first) if not linked else None
        k += 1
    return None


def _part_of(sc: SentenceContext, m: MentionRef, k: int) -> tuple[Arg, tuple[int, int]] | None:
    """عدن، أكبر مدن الجنوب في اليمن؛ الشيشان، إحدى جمهوريات روسيا."""
    toks = sc.tokens
    while k < sc.b and (toks[k].norm in M.COMMAS or toks[k].norm in DASHES or toks[k].norm in M.QUOTES):
        k += 1
    if k >= sc.b or sc.c(k).lstrip("-") not in PART_OF:
        return None
    start = k
    if k + 1 >= sc.b or sc.c(k + 1) not in PLACE_PLURALS:
        return None
    for j in range(k + 2, min(k + 6, sc.b)):
        target = sc.doc.covered.get(j)
        if target is not None:
            if target.type in TARGET_TYPES and target.token_start == j and target.kind != "adjective":
                return _arg(target), (toks[start].start, toks[k + 1].end)
            return None
    return None


def _ancestors(doc: DocContext, canonical: str) -> list[str]:
    out: list[str] = []
    entry = doc.lexicon.entries.get(canonical)
    while entry is not None and entry.located_in and len(out) < 5 and entry.located_in not in out:
        out.append(entry.located_in)
        entry = doc.lexicon.entries.get(entry.located_in)
    return out


def _consistent(doc: DocContext, source: str, target: str) -> bool:
    """A textual located_in the lexicon does not contradict."""
    if source == target:
        return False
    if source in _ancestors(doc, target):
        return False
    chain = _ancestors(doc, source)
    if not chain or target in chain:
        return True
    target_entry = doc.lexicon.entries.get(target)
    if target_entry is not None and target_entry.type == "STATE":
        states = [c for c in chain if (e := doc.lexicon.entries.get(c)) is not None and e.type == "STATE"]
        return not states or target in states
    return True


# ---------------------------------------------------------------------- co_mentioned
def sentence_actors(sc: SentenceContext) -> list[Arg]:
    out: dict[str, Arg] = {}
    for arg in sc.args:
        if arg.type in ACTOR_TYPES:
            out.setdefault(arg.entity, arg)
    return list(out.values())
