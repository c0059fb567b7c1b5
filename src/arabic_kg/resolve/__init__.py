"""Resolution: mentions → canonical actors of one article.

- lexicon mentions carry their entry id; an unknown name gets a stable id from its normalized
  form (``unk:person:<hash>``) so it merges across articles;
- within an article, a later surname (بوتين، هاغل، أوغلو) links to the full name named before,
  and an unknown full name that ends with a known person's name joins that person.
"""

from __future__ import annotations

from collections.abc import Sequence

from arabic_kg.lexicon import Lexicon
from arabic_kg.models import Entity, Mention, MentionRef
from arabic_kg.ner.matcher import COMPOUND_NAME_ENDS, PATRONYMIC, RawMention, unknown_id
from arabic_kg.text import Token, orig_offset_in_token

_PATRONYMIC_LINKS = PATRONYMIC | {"ال"}  # normalized: آل is ال
_HEADLINE_MAX = 200  # characters: a longer first line is a paragraph, not a headline


def _covered(tokens: Sequence[Token], mentions: list[RawMention]) -> list[bool]:
    """Per token: whether a mention already takes it."""
    covered = [False] * len(tokens)
    for m in mentions:
        for k in range(m.token_start, m.token_end):
            covered[k] = True
    return covered


def _link_partial_names(
    tokens: Sequence[Token], mentions: list[RawMention], lex: Lexicon, headline_end: int = 0
) -> list[RawMention]:
    """Surname mentions of persons named in full earlier in the article, or anywhere in it for a
    surname in the headline (text before ``headline_end``): headlines name people short, the story in full."""
    covered = _covered(tokens, mentions)
    surnames: dict[tuple[str, ...], RawMention] = {}
    # In text order: a surname belongs to the first full name that has it, wherever the matcher's passes
    # found the names.
    for m in sorted(mentions, key=lambda m: m.token_start):
        if m.type != "PERSON" or m.kind not in ("name",):
            continue
        words = m.name_key.split(" ")
        if len(words) < 2:
            continue
        # Last word, and the last two when the name has a particle (داود أوغلو، أبو بكر البغدادي).
        for k in (1, 2):
            if len(words) > k:
                tail = tuple(words[-k:])
                if k == 1 and tail[0] in COMPOUND_NAME_ENDS:
                    continue  # يحيى بن عبيد الله: الله ends a compound first name, it is nobody's surname
                if len(tail[0]) >= 3 and tail[0] not in lex.stopwords and (tail[0],) not in lex.adjectives:
                    surnames.setdefault(tail, m)
    if not surnames:
        return []
    out: list[RawMention] = []
    first_seen: dict[str, int] = {}
    for m in mentions:
        first_seen[m.name_key] = min(m.token_start, first_seen.get(m.name_key, m.token_start))
    for i, tok in enumerate(tokens):
        if covered[i] or i > 0 and tokens[i - 1].norm in _PATRONYMIC_LINKS:
            continue  # محمد بن سلمان بن عبدالعزيز: a name after بن is a forefather's, part of this name
        for form, cut in tok.variants:
            hit = None
            if i + 1 < len(tokens) and not covered[i + 1] and (form, tokens[i + 1].norm) in surnames:
                hit, length = surnames[(form, tokens[i + 1].norm)], 2
            elif (form,) in surnames:
                hit, length = surnames[(form,)], 1
            if hit is None or (first_seen.get(hit.name_key, 10**9) > i and tok.end > headline_end):
                continue
            start = tok.start + (orig_offset_in_token(tok.text, cut) if cut else 0)
            out.append(
                RawMention(
                    i,
                    i + length,
                    start,
                    tokens[i + length - 1].end,
                    "PERSON",
                    hit.entry_id,
                    hit.name_key,
                    "partial",
                    "coreference",
                    hit.role,
                    hit.affiliation,
                )
            )
            for k in range(i, i + length):
                covered[k] = True
            break
    return out


def _head_words(m: RawMention, lex: Lexicon) -> frozenset[str]:
    """The first words (without the article) the organization is named with: تنظيم for داعش, whose
    lexicon spellings include تنظيم الدولة; the first word of its name for an unknown one."""
    known = lex.org_head_words.get(m.entry_id) if m.entry_id else None
    if known is not None:
        return known
    first = m.name_key.split(" ")[0]
    return frozenset({first[2:] if first.startswith("ال") else first})


def _link_head_anaphora(
    tokens: Sequence[Token], mentions: list[RawMention], lex: Lexicon
) -> list[RawMention]:
    """التنظيم، للحزب، الجماعة المتطرفة: an organization head alone with the article is the organization last
    named with that head before it (cues.yaml `anaphoric_heads`)."""
    heads = lex.anaphoric_head_forms
    orgs = sorted((m for m in mentions if m.type == "ORGANIZATION"), key=lambda m: m.token_start)
    if not heads or not orgs:
        return []
    # Only the few tokens spelled like التنظيم، للحزب are looked at (this runs for every article).
    candidates = [i for i, tok in enumerate(tokens) if any(f in heads for f, _ in tok.variants)]
    if not candidates:
        return []
    covered = _covered(tokens, mentions)
    org_heads = [(m, _head_words(m, lex)) for m in orgs]
    out: list[RawMention] = []
    for i in candidates:
        tok = tokens[i]
        if covered[i]:
            continue
        head, cut = next((f[2:], c) for f, c in tok.variants if f in heads)
        after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if after.startswith("ال") and after not in lex.anaphoric_adjectives:
            continue  # الحزب الديمقراطي: a name of its own
        antecedent = None
        for m, words in org_heads:
            if m.token_end > i:
                break
            if head in words:
                antecedent = m
        if antecedent is None:
            continue
        start = tok.start + (orig_offset_in_token(tok.text, cut) if cut else 0)
        out.append(
            RawMention(
                i, i + 1, start, tok.end, "ORGANIZATION", antecedent.entry_id, antecedent.name_key, "partial",
                "coreference",
            )
        )
    return out


def _titled_states(tokens: Sequence[Token], mentions: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """أمير قطر، ملك الأردن، رئيس وزراء العراق with no name after: the title is the one person of the article
    who holds it for that state (named anywhere in it), and the state only his affiliation, not an actor.
    Left alone when none or several do."""
    people: list[tuple[RawMention, set[str], str | None]] = []
    for m in mentions:
        if m.type == "PERSON" and m.kind == "name":
            entry = lex.entries.get(m.entry_id) if m.entry_id else None
            roles = set(entry.roles) if entry is not None else set()
            if m.role:
                roles.add(m.role)
            people.append((m, roles, m.affiliation or (entry.affiliation if entry is not None else None)))
    if not people:
        return mentions
    person_starts = {m.token_start for m, _, _ in people}
    person_ends = {m.token_end for m, _, _ in people}
    out: list[RawMention] = []
    for m in mentions:
        if m.type != "STATE" or m.kind not in ("name", "capital") or any(
            k in person_starts for k in range(m.token_end, m.token_end + 3)
        ):
            out.append(m)
            continue  # وزير خارجية روسيا سيرغي لافروف: the name follows, the title rule linked it
        replaced = None
        for length in (3, 2, 1):
            i = m.token_start - length
            if i < 0:
                continue
            for form, cut in tokens[i].variants:
                roles = lex.title_roles.get((form, *(t.norm for t in tokens[i + 1 : m.token_start])))
                if not roles:
                    continue
                if i in person_ends or (i - 1 in person_ends and tokens[i - 1].norm in ("،", ",")):
                    break  # طحنون بن زايد نائب مستشار الإمارات: an apposition, the title describes the name
                holders = {_canonical(p): p for p, r, aff in people if aff == m.entry_id and r & roles}
                if len(holders) == 1:
                    holder = next(iter(holders.values()))
                    start = tokens[i].start + (orig_offset_in_token(tokens[i].text, cut) if cut else 0)
                    last = tokens[m.token_start - 1]
                    replaced = RawMention(i, m.token_start, start, last.end, "PERSON", holder.entry_id,
                                          holder.name_key, "title", holder.method, holder.role)
                break
            if replaced is not None:
                break
        if replaced is not None:
            # The state stays named (the person's affiliation), like the adjective of الرئيس الروسي.
            m.kind = "adjective"
            out.append(replaced)
        out.append(m)
    return out


def _headline_end(text: str) -> int:
    """Where a short first line (a headline, kept by ingest above the body) ends; 0 when there is none."""
    end = text.find("\n")
    return end if 0 < end <= _HEADLINE_MAX and text[end:].strip() else 0


def _canonical(m: RawMention) -> str:
    return m.entry_id or unknown_id(m.type, m.name_key)


def resolve(
    text: str, tokens: Sequence[Token], raw: list[RawMention], lex: Lexicon
) -> tuple[list[Entity], list[MentionRef]]:
    mentions = list(raw)
    # An unknown full name ending with a known person's name is that person (باراك حسين أوباما).
    known_people = {m.name_key: m for m in mentions if m.type == "PERSON" and m.entry_id}
    for m in mentions:
        if m.type == "PERSON" and m.entry_id is None:
            words = m.name_key.split(" ")
            for k in range(1, len(words)):
                tail = " ".join(words[k:])
                if tail in known_people:
                    m.entry_id = known_people[tail].entry_id
                    break
    mentions.extend(_link_partial_names(tokens, mentions, lex, _headline_end(text)))
    mentions.extend(_link_head_anaphora(tokens, mentions, lex))
    mentions = _titled_states(tokens, mentions, lex)
    mentions.sort(key=lambda m: (m.token_start, -m.token_end))

    groups: dict[str, list[RawMention]] = {}
    for m in mentions:
        groups.setdefault(_canonical(m), []).append(m)
    entities: list[Entity] = []
    local: dict[str, str] = {}
    for canonical, ms in groups.items():
        entry = lex.entries.get(canonical)
        local_id = f"e{len(entities) + 1}"
        local[canonical] = local_id
        names = [m for m in ms if m.kind in ("name", "capital")] or ms
        if entry is not None:
            label, label_en, qid, etype = entry.name, entry.en, entry.qid, entry.type
            affiliation = entry.affiliation
        else:
            longest = max(names, key=lambda m: (m.end - m.start, -m.start))
            label, label_en, qid, etype = text[longest.start : longest.end], None, None, ms[0].type
            affiliation = None
        if affiliation is None:
            affiliation = next((m.affiliation for m in ms if m.affiliation), None)
        entities.append(
            Entity(
                id=local_id,
                canonical_id=canonical,
                label=label,
                label_en=label_en,
                type=etype,
                qid=qid,
                affiliation=affiliation,
                mentions=[
                    Mention(text=text[m.start : m.end], start=m.start, end=m.end, method=m.method) for m in ms
                ],
            )
        )
    refs = [
        MentionRef(
            entity=local[_canonical(m)],
            canonical_id=_canonical(m),
            type=lex.entries[m.entry_id].type if m.entry_id in lex.entries else m.type,
            start=m.start,
            end=m.end,
            token_start=m.token_start,
            token_end=m.token_end,
            kind=m.kind,
            role=m.role,
        )
        for m in mentions
    ]
    return entities, refs
