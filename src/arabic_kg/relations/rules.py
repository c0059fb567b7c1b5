"""Argument structure of a trigger: who acts on whom, and whether it is negated, planned or reported.

Roles come from Arabic word order and particles, in this order of trust:
- by-phrases (بدعم من X، على أيدي X، المدعومين من X) and passives with an object pronoun
  (الذين دربهم X: the antecedent is the patient, X the agent);
- the genitive of a trigger noun (غارات التحالف: agent; تدريب المعارضة: patient) and a nationality
  adjective after it (الضربات التركية) or before it on an agentive head (مقاتلات تركية تقصف);
- the subject right after a verb (VSO: قصفت روسيا مواقع ...), the subject of a light verb after the
  noun (الغارات التي شنتها X);
- otherwise the nearest actor before the trigger in its clause (SVO), not one introduced by a
  preposition;
- the patient or partner follows, introduced by the trigger's prepositions (على، ضد، مع، بين، لـ)
  through site and member nouns (على مواقع لـX، أكثر من 3 آلاف من X), or is the direct object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from arabic_kg.relations import markers as M
from arabic_kg.relations.context import Arg, SentenceContext
from arabic_kg.relations.triggers import TriggerHit
from arabic_kg.text import orig_offset_in_token

SYMMETRIC = frozenset({"coordinates_with", "meets_with", "fights"})
# Words before a trigger noun that do not make it a genitive (verbs, particles, prepositions).
NOT_CONSTRUCT_HEADS = (
    M.PREP_WORDS, M.LIGHT_VERBS, M.VERB_CONTEXT, M.PLANNED_CUES, M.NEGATORS, M.NEG_IMMEDIATE,
    M.COMPLEMENTIZERS, M.RELATIVES, M.PERMISSION, M.SPEECH_VERBS, M.PURPOSE_WORDS, M.NOUN_MODIFIERS,
    M.SITE_NOUNS, M.TIME_HEADS, M.COUNT_WORDS,
)
PRONOUN_COMPLEMENTIZERS = M._norm("أنه أنها أنهم إنه إنها إنهم بأنه بأنها بأنهم")
MAX_LEFT = 12  # tokens between a subject found to the left and its trigger
BARE_COMPLEMENTIZERS = M._norm("إن أن بأن")
BLOCK = "block"
# Lexicon kinds of bodies that report, publish or trade but never carry out a strike or a fight: an agent
# found for one of them is a misreading (في موقع فيس بوك هجومه على الحوثيين، أفاد المرصد ... جراء قصف).
NON_COMBATANT_KINDS = frozenset({"media", "company", "ngo"})
SVO_GAP = M._norm("قد لقد أيضا كذلك سوف بدورها بدوره فعلا")  # sentinel: a rule decided there is no agent


@dataclass(slots=True)
class Candidate:
    relation: str
    source: Arg
    target: Arg
    negated: bool
    modality: str
    speaker: str | None
    trigger: tuple[int, int] | None  # character span of the trigger


class SentenceReader:
    """Reads the triggered relations of one sentence."""

    def __init__(self, sc: SentenceContext) -> None:
        self.sc = sc
        self.doc = sc.doc
        self.hit_at: dict[int, TriggerHit] = {}
        self.patients: dict[int, list[Arg] | None] = {}  # hit start → patient (for purpose clauses)
        self._find_hits()

    # ------------------------------------------------------------------ triggers
    def _find_hits(self) -> None:
        sc = self.sc
        toks = sc.tokens
        index = self.doc.index
        first_forms = index.index
        covered = self.doc.covered
        k = sc.a
        while k < sc.b:
            tok = toks[k]
            if k in covered or not _known_first(tok.variants, first_forms):
                k += 1
                continue
            # After أن، قد ... or opening a sentence with و/ف (وطرد الجيش ...، فقصفت): a verb, not its masdar.
            verb_context = (k - 1 >= sc.a and sc.c(k - 1) in M.VERB_CONTEXT) or (
                k == sc.a and tok.norm[:1] in ("و", "ف")
            )
            hit = index.match(toks, k, sc.b, verb_context)
            if hit is None or any(j in self.doc.covered for j in range(hit.start, hit.end)):
                k += 1
                continue
            if not self._blocked(hit):
                sc.hits.append(hit)
                for j in range(hit.start, hit.end):
                    self.hit_at[j] = hit
            k = hit.end

    def _blocked(self, hit: TriggerHit) -> bool:
        sc = self.sc
        prev = sc.c(hit.start - 1) if hit.start - 1 >= sc.a else ""
        # معسكر تدريب، مركز التنسيق، مجلس التعاون: the trigger names a kind of place or body.
        title_head = (
            prev in self.doc.title_words and prev not in M.TITLE_QUALIFYING_WORDS and not prev.endswith("ي")
        )
        tanween = prev[:-1] if prev.endswith("ا") else prev  # معسكرا للتدريب
        facility = any(w in M.FACILITY_NOUNS for w in (prev, prev[2:], tanween)) or title_head
        if hit.start - 1 in self.doc.covered:
            facility = False  # a name's last word heads nothing: التحالف *الدولي* غارات
        # موقع للتدريب، مركز للتنسيق: the definite noun after ل names the place's activity (but برنامج لتدريب
        # المعارضة states whom it trains).
        activity = hit.prefix.lstrip("وف") == "ل" and sc.tokens[hit.start].norm.lstrip("وف").startswith("لل")
        if hit.form.pos != "verb" and (not hit.prefix or activity) and facility:
            return True  # رئيس تحرير، وزير الدفاع: part of a title
        # عين X رئيسا لتحرير الصحيفة، مديرا للتدريب: an office named in the accusative, then its field.
        if (
            hit.form.pos != "verb"
            and hit.prefix.lstrip("وف") == "ل"
            and prev.endswith("ا")
            and tanween in self.doc.title_words
            and tanween not in M.TITLE_QUALIFYING_WORDS
            and hit.start - 1 not in self.doc.covered
        ):
            return True
        # تبحث عن تطبيع العلاقات: بحث with عن is "looks for", not "discusses".
        if _discussion_verb(hit) and sc.c(hit.end) == M.AN:
            return True
        # هجوما حادا، هجومه اللاذع: an attack in words.
        if hit.relation == "strikes" and hit.form.pos == "noun" and any(
            sc.c(j) in M.VERBAL_ATTACK for j in range(hit.end, min(hit.end + 3, sc.b))
        ):
            return True
        # للقتال ضمن صفوف X، قاتل إلى جانب X: fighting alongside, not against.
        if hit.relation == "fights":
            for j in range(hit.end, min(hit.end + 2, sc.b)):
                if sc.c(j) in M.ALONGSIDE or sc.c(j)[1:] in M.ALONGSIDE:
                    return True
        return False

    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for hit in self.sc.hits:
            left, right = self.sc.clause(hit.start, hit.end)
            if hit.relation in SYMMETRIC:
                pairs = self._symmetric(hit, left, right)
            else:
                pairs = self._directed(hit, left, right)
            if not pairs:
                continue
            negated, modality, speaker = self._context(hit, left, right)
            span = self._span(hit)
            for sources, targets in pairs:
                for s in sources:
                    for t in targets:
                        if s.entity == t.entity or s.canonical == t.canonical:
                            continue
                        if self._own(s, t, hit.relation) or self._non_combatant(s, t, hit.relation):
                            continue
                        neg = negated or self._negated_arg(t)
                        out.append(Candidate(hit.relation, s, t, neg, modality, speaker, span))
        return out

    def _span(self, hit: TriggerHit) -> tuple[int, int]:
        toks = self.sc.tokens
        first = toks[hit.start]
        start = first.start + (orig_offset_in_token(first.text, hit.cut) if hit.cut else 0)
        return start, toks[hit.end - 1].end

    # ------------------------------------------------------------------ argument finders
    def _members_from(self, arg: Arg, start: int) -> list[Arg]:
        return [x for x in self.sc.members(arg) if x.np0 >= start]

    def _members_before(self, arg: Arg, end: int) -> list[Arg]:
        return [x for x in self.sc.members(arg) if x.t1 <= end]

    def _skip_modifiers(self, k: int, right: int, limit: int = 2, verbs: bool = False) -> int:
        sc = self.sc
        n = 0
        while k < right and n < limit:
            cw = sc.c(k)
            if cw in M.NOUN_MODIFIERS or sc.tokens[k].norm in M.QUOTES:
                k += 1
                n += 1
                continue
            hit = self.hit_at.get(k)
            if verbs and hit is not None and hit.form.obj_suffix and sc.tokens[k].norm[:1] == "و":
                k = hit.end  # سلحتهم ودربتهم الولايات المتحدة
                n += 1
                continue
            break
        return k

    def _lam_follows(self, k: int, right: int) -> bool:
        """A ل-phrase right after a genitive (دعم X *للمعارضة*، بدعم المملكة *للاقتصاد*): X is the agent."""
        sc = self.sc
        k = self._skip_modifiers(k, right)
        if k < right and sc.tokens[k].norm in M.COMMAS:  # دعم إيران، حكومة وشعبا، لسوريا
            close = next((j for j in range(k + 1, min(right, k + 6)) if sc.tokens[j].norm in M.COMMAS), None)
            if close is not None:
                k = close + 1
        if k >= right:
            return False
        tok = sc.tokens[k]
        return any(cut and tok.norm[:cut].lstrip("وف").endswith("ل") for _, cut in tok.variants) or (
            tok.norm.startswith("لل"))

    def _definite(self, hit: TriggerHit) -> bool:
        tok = self.sc.tokens[hit.start]
        return tok.norm[hit.cut :].startswith("ال") or (
            hit.prefix.endswith("ل") and tok.norm.lstrip("وف").startswith("لل"))

    def _slot(self, hit: TriggerHit, right: int) -> tuple[list[Arg] | None, bool]:
        """What fills the slot right after the trigger: (actors, filled by a non-actor).

        A noun's slot is its genitive (غارات التحالف؛ دعم جهود الأمم المتحدة → the UN), a verb's its
        subject or object. A non-actor there (مواجهة الطوارئ، هاجم الإجراءات، استهداف خطوط الإمداد)
        takes the slot. A definite noun (التنسيق) or a phrase has no genitive: what follows is an
        adjective or a preposition."""
        sc = self.sc
        f = hit.form
        if f.possessive or f.obj_suffix:
            return None, False
        # A phrase takes a genitive only when it ends in an indefinite masdar (تدريب وتجهيز مقاتلي ...).
        if hit.end - hit.start > 1 and (sc.tokens[hit.end - 1].norm.startswith("ال") or f.pos != "noun"):
            return None, False
        if f.pos != "verb" and (self._definite(hit) or sc.tokens[hit.end - 1].norm.endswith("ا")):
            return None, False
        k = self._skip_modifiers(hit.end, right)
        if k >= right:
            return None, False
        arg = sc.arg_starting(k)
        if arg is not None:
            return (self._members_from(arg, hit.end) if arg.marker is None else None), False
        tok = sc.tokens[k]
        cw = sc.c(k)
        if cw in M.COUNTRY_PRONOUNS:
            return None, True  # دعم بلاده whose state the article does not name: someone's, not the subject's
        if k in self.doc.covered or k in self.hit_at or not tok.norm[:1].isalpha() or cw in M.PREP_WORDS:
            return None, False
        if f.pos == "noun" and cw in self.doc.title_words and not self._titled_name_follows(k, right):
            # زيارة ولي العهد السعودي للقاهرة: the visitor is someone the sentence does not name, not
            # the subject of the clause before (وقال الباحث X إن ...).
            return None, True
        if cw in self.doc.title_words or sc.is_adjective(k) is not None or sc.is_filler(k):
            return None, False
        clitic = any(cut and tok.norm[:cut].lstrip("وف") for _, cut in tok.variants[1:])
        if clitic and not tok.norm.startswith("ال"):
            return None, False  # a prepositional phrase (بقيمة، لمدة)
        if tok.norm.startswith("ال"):
            return None, True
        # An indefinite noun in construct: دعم *جهود* الأمم المتحدة، استهداف *خطوط* الإمداد.
        if k + 1 < right:
            nxt = sc.arg_starting(k + 1)
            if nxt is not None and nxt.marker is None:
                return self._members_from(nxt, hit.end), False
            if sc.tokens[k + 1].norm.startswith("ال") and sc.c(k + 1) not in M.NOUN_MODIFIERS:
                return None, True
        return None, False

    def _ba_governor(self, hit: TriggerHit, left: int) -> tuple[str, int] | None:
        """What governs the trigger's ب a few words before it in the clause, and where: "praise" (أشاد
        الملك عبدالله الثاني بدعم المملكة), "commit" (تعهد، قرار), "request" (طالب), "accuse" (اتهم), or
        None."""
        sc = self.sc
        for k in range(hit.start - 1, max(left, hit.start - 8) - 1, -1):
            cw = sc.c(k)
            for kind, words in (
                ("praise", M.PRAISE_BA_WORDS),
                ("commit", M.COMMIT_BA_WORDS),
                ("request", M.REQUEST_BA_WORDS),
                ("accuse", M.ACCUSE_BA_WORDS),
            ):
                if cw in words or self._any_form_in(k, words):
                    return kind, k
            if k in self.hit_at or sc.tokens[k].norm in M.COMMAS or cw in M.COMPLEMENTIZERS:
                return None
        return None

    def _opened_with(self, hit: TriggerHit, left: int) -> list[Arg] | None:
        """Who opens or closes a visit or a day with this ب-meeting (استهل أوباما زيارته بلقاء X): the
        subject of the opening verb, which the meeting's genitive then meets."""
        if "ب" not in hit.prefix:
            return None
        sc = self.sc
        for k in range(hit.start - 1, max(left, hit.start - 7) - 1, -1):
            other = self.hit_at.get(k)
            if (other is not None and not other.form.possessive) or sc.tokens[k].norm in M.COMMAS:
                return None  # (استهل زيارته بلقاء: the visit is the verb's object)
            if sc.c(k) in M.OPENING_BA_WORDS:
                for arg in sc.args:  # VSO: the subject between the verb and the meeting
                    if k < arg.np0 and arg.t1 <= hit.start and not arg.skip:
                        return self._members_from(arg, arg.np0) if arg.marker is None else None
                return self._adjacent_left(TriggerHit(hit.form, k, k + 1, 0, ""))
        return None

    def _accused(self, hit: TriggerHit, k: int) -> list[Arg] | None:
        """The object of an accusation word at k, the actor right before the trigger (اتهم الرئيس
        بوخاري، الولايات المتحدة بدعم ...: the United States, not the accuser)."""
        arg = self.sc.arg_ending(hit.start)
        if arg is None or arg.t0 <= k or arg.skip or arg.marker not in (None, "ل"):
            return None
        return self._members_before(arg, hit.start)

    def _committer(self, hit: TriggerHit, k: int) -> list[Arg] | None:
        """The actor between a commitment word and the trigger (تعهد الرئيس بدعم؛ قرار للولايات المتحدة
        بدعم): the one who commits."""
        for arg in self.sc.args:
            if k < arg.t0 and arg.t1 <= hit.start and not arg.skip:
                return self._members_from(arg, arg.t0)
        return None

    def _titled_name_follows(self, k: int, right: int) -> bool:
        """Whether a named actor follows the title words from k on (ولي العهد الأمير محمد بن نايف)."""
        sc = self.sc
        for j in range(k, min(right, k + 8)):
            arg = sc.arg_starting(j)
            if arg is not None:
                return arg.marker is None
            if sc.tokens[j].norm in M.COMMAS or not sc.tokens[j].norm[:1].isalpha():
                return False
        return False

    def _right_after(self, hit: TriggerHit, right: int, verbs: bool = False) -> list[Arg] | None:
        """The actor right after the trigger (VSO subject, genitive), with its coordinated list."""
        k = self._skip_modifiers(hit.end, right, verbs=verbs)
        if k >= right:
            return None
        arg = self.sc.arg_starting(k)
        if arg is None or arg.marker is not None:
            return None
        members = self._members_from(arg, hit.end)
        head = self.sc.c(arg.np0)
        # قصفت مواقع داعش: positions are the object, never the subject. A craft (طائرات، مقاتلات) is the
        # subject when an object follows it: قصفت مقاتلات التحالف مواقع داعش.
        if (
            hit.form.pos == "verb"
            and head in M.SITE_NOUNS
            and (
                head not in M.AGENTIVE_HEADS
                or not self._object_after(self._past_leader(members, max(a.t1 for a in members)), right)
            )
        ):
            return None
        return members

    def _object_after(self, k: int, right: int) -> bool:
        """A direct object opens at token k (modifiers skipped): an actor without a preposition, or a site or
        member noun (مواقع، عناصر)."""
        k = self._skip_modifiers(k, right)
        if k >= right:
            return False
        arg = self.sc.arg_starting(k)
        if arg is not None:
            return arg.marker is None
        cw = self.sc.c(k)
        return cw in M.SITE_NOUNS or cw in M.MEMBER_NOUNS

    def _lam_agent(self, hit: TriggerHit, right: int) -> list[Arg] | None:
        """غارات للتحالف، قصف جوي للنظام السوري، هجوم للحوثيين على X: after an indefinite strike or
        fight noun a ل-phrase names who carries it out (its positions, مواقع لداعش, are a genitive
        and fill the slot before this is asked). Support is the other way round: دعم للمعارضة."""
        last = self.sc.tokens[hit.end - 1].norm
        if hit.relation not in ("strikes", "fights") or self._definite(hit) or last.startswith("ال"):
            return None  # الغارات الجوية للتحالف is rare; a definite noun's ل-phrase is often a purpose
        if hit.form.possessive:
            return None  # استهدافها للتنظيم: the suffix is the agent, the ل-phrase the one hit
        k = self._skip_modifiers(hit.end, right)
        arg = self.sc.arg_starting(k) if k < right else None
        if arg is None or arg.marker != "ل" or arg.conj or arg.type == "LOCATION":
            return None
        return self._members_from(arg, hit.end)

    def _leader_after(self, hit: TriggerHit, right: int) -> list[Arg] | None:
        """الضربات الجوية التي تقودها الولايات المتحدة على داعش، غارات بقيادة السعودية: the leader acts."""
        sc = self.sc
        k = self._skip_modifiers(hit.end, right)
        if sc.c(k) in M.RELATIVES:
            k += 1
        if k + 1 >= right or sc.c(k) not in M.LED_BY:
            return None
        arg = sc.arg_starting(k + 1)
        return self._members_from(arg, k + 1) if arg is not None and arg.marker is None else None

    def _virtual(self, k: int, state: str) -> Arg | None:
        """A nationality adjective read as its state, when the state is an entity of the article."""
        local = self.doc.local(state)
        if local is None:
            return None
        tok = self.sc.tokens[k]
        return Arg(local, self.doc.entities[local].canonical_id, "STATE", k, k + 1, tok.start, tok.end,
                   "adjective", np0=k)

    def _adjectives_after(self, hit: TriggerHit, right: int) -> list[Arg] | str:
        """الضربات التركية، الغارات الجوية الأمريكية: the states of nationality adjectives after a noun;
        BLOCK when the adjective's state is not an entity of the article (the agent is known, absent)."""
        sc = self.sc
        out: list[Arg] = []
        unmapped = False
        k = hit.end
        while k < min(right, hit.end + 4):
            state = sc.is_adjective(k)
            if state is not None:
                arg = self._virtual(k, state)
                if arg is None:
                    unmapped = True
                elif all(a.entity != arg.entity for a in out):
                    out.append(arg)
            elif sc.c(k) not in M.NOUN_MODIFIERS:
                break
            k += 1
        return BLOCK if unmapped and not out else out

    def _implicit_agent(self, hit: TriggerHit, left: int) -> list[Arg] | str | None:
        """An agent not written as the subject: a nationality adjective before the trigger, else the
        agent of the clause this one is the purpose of. BLOCK when the sentence rules one out."""
        before = self._adjective_before(hit)
        if before is not None:
            return before
        return self._purpose_agent(hit, left)

    def _adjective_before(self, hit: TriggerHit) -> list[Arg] | None:
        """مقاتلات تركية تقصف، الجهود الأميركية لتدريب: an adjective on an agentive head."""
        k = hit.start - 1
        state = self._adjective_on_head(k)
        if state is None:
            return None
        arg = self._virtual(k, state)
        return [arg] if arg is not None else BLOCK  # type: ignore[return-value]

    def _may_cross(self, start: int, end: int) -> bool:
        """An actor before إن/أن is the agent only when nothing else can be the subject after it:
        the trigger follows at once (قال X إن التنسيق ...) or a pronoun refers back (إن قواته ...)."""
        sc = self.sc
        for k in range(end - 1, start - 1, -1):
            if sc.c(k) not in BARE_COMPLEMENTIZERS:
                continue
            j = k + 1
            while j < end and sc.tokens[j].norm in M.QUOTES:
                j += 1
            if j >= end or j in self.hit_at:
                return True
            text = sc.tokens[j].text
            if text.endswith(("ه", "ها", "هم", "هما")) and not text.endswith("ة"):
                return True
            cj = sc.c(j)
            return cj in M.PLANNED_CUES or cj in M.LIGHT_VERBS or cj in SVO_GAP or _future_aux(cj)
        return True

    def _permission(self, hit: TriggerHit, left: int) -> tuple[list[Arg], list[Arg]] | None:
        """تركيا سمحت للولايات المتحدة باستخدام قواعدها: (who allows, who is allowed)."""
        sc = self.sc
        for arg in reversed(sc.args):
            if arg.skip or arg.t1 > hit.start:
                continue
            if arg.t0 < left:
                return None
            if arg.marker != "ل":
                continue
            perm = next((k for k in range(max(left, arg.np0 - 3), arg.np0) if sc.c(k) in M.PERMISSION), None)
            if perm is None:
                return None
            fake = TriggerHit(hit.form, perm, perm + 1, 0, "")
            subject = self._adjacent_left(fake) or self._right_after(fake, arg.np0)
            return (subject or [], [arg])
        return None

    def _ally(self, hit: TriggerHit, right: int) -> list[tuple[list[Arg], list[Arg]]] | None:
        """المتمردين الحوثيين وحلفائهم من قوات صالح: the possessor and the ally after من."""
        sc = self.sc
        word = sc.c(hit.start)
        if word not in M.ALLY_WORDS or not word.endswith(("ه", "ها", "هم", "هما")):
            return None
        owner = sc.arg_ending(hit.start)
        if owner is None:
            return []
        # روسيا وإيران وحلفاؤهما من حزب الله: a dual or plural possessor is the whole list before
        owners = self._members_before(owner, hit.start) if word.endswith(("هما", "هم")) else [owner]
        for arg in sc.args:
            near = arg.t0 >= hit.end and arg.np0 <= hit.end + 3
            if near and not arg.skip and arg.own_marker in ("من", "مع"):
                return [(owners or [owner], [arg])]
        return []

    def _nearest_left(self, hit: TriggerHit, left: int, budget: int = 2) -> list[Arg] | None:
        sc = self.sc
        for arg in reversed(sc.args):
            if arg.skip or arg.t1 > hit.start:
                continue
            if arg.t0 < left or sc.commas(arg.t1, hit.start) > budget or hit.start - arg.t1 > MAX_LEFT:
                return None
            if not self._may_cross(arg.t1, hit.start):
                return None
            if arg.type == "PERSON" and hit.relation in ("strikes", "fights") and any(
                sc.c(k) in BARE_COMPLEMENTIZERS for k in range(arg.t1, hit.start)
            ):
                return None  # قال عبد الرحمن إن الضربات: one who speaks of strikes is not their agent
            # Out of a relative clause only to its antecedent (روسيا التي تقصف ...), not beyond it.
            relatives = [k for k in range(arg.t1, hit.start) if sc.c(k) in M.RELATIVES]
            if relatives and relatives[0] != arg.t1:
                return None
            governed = arg.marker is not None and arg.marker not in ("partitive", "by", "direction")
            if relatives and governed and not (arg.type == "STATE" and arg.marker in M.LOCATIVE):
                # بمقاتلي المقاومة الذين تمكنوا من طرد الحوثيين: the antecedent does what its clause says,
                # whatever governs it
                return self._members_before(arg, hit.start)
            permitted = any(sc.c(k) in M.PERMISSION for k in range(max(left, arg.np0 - 3), arg.np0))
            if arg.marker == "ل" and permitted:
                return [arg]  # سمحت تركيا للولايات المتحدة باستخدام ...: the one allowed acts
            if arg.marker is None:
                return self._members_before(arg, hit.start)
            if arg.marker == "partitive" and hit.relation == "fights":
                return self._members_before(arg, hit.start)  # قتل 30 من مسلحي X في مواجهات مع Y: X fought
        return None

    def _adjacent_left(self, hit: TriggerHit) -> list[Arg] | None:
        """The subject right before a verb (SVO: الولايات المتحدة ستدرب ...; X لم يقصف ...)."""
        sc = self.sc
        k = hit.start
        while k - 1 >= sc.a and hit.start - k < 2 and (
            sc.c(k - 1) in SVO_GAP or sc.c(k - 1) in M.NEGATORS or sc.c(k - 1) in M.NOUN_MODIFIERS
            or sc.c(k - 1) in M.RELATIVES  # الجيش السوري الذي يحارب داعش
            or sc.c(k - 1) in PRONOUN_COMPLEMENTIZERS  # نفت روسيا أنها قصفت
        ):
            k -= 1
        relative = k < hit.start and sc.c(k) in M.RELATIVES
        if relative and k - 1 >= sc.a and sc.tokens[k - 1].norm in M.COMMAS:
            k -= 1  # الجيش الحر، الذي يقاتل النظام
        arg = sc.arg_ending(k)
        if arg is None and relative:
            return BLOCK  # type: ignore[return-value]  # الجريمة التي استهدفت ...: a non-actor did it
        if arg is None:
            return None
        if arg.marker is not None:
            # A relative pronoun's antecedent is its subject whatever governs it (قادة في الجيش الحر الذي
            # يقاتل), but not a state read as a place (في شمال سورية التي تقاتل: about another noun)
            place = arg.type == "STATE" and (arg.marker in M.LOCATIVE or arg.marker == "direction")
            if not relative or place or arg.marker in ("partitive", "by"):
                return None
        return self._members_before(arg, hit.start)

    def _verb_after(self, hit: TriggerHit, start: int, right: int) -> int | None:
        """هجمات تستهدف X، الغارات الجوية مستهدفة X: where the object of the verb (or of the circumstantial
        participle) describing the noun starts."""
        k = self._skip_modifiers(start, right)
        nxt = self.hit_at.get(k)
        if nxt is not None and nxt is not hit and nxt.form.pos == "verb" and nxt.relation == hit.relation:
            return nxt.end
        participle = k < right and k not in self.hit_at and self.sc.c(k) in M.TARGETING_PARTICIPLES
        return k + 1 if participle and hit.relation == "strikes" else None

    def _unnamed_subject(self, hit: TriggerHit, right: int) -> bool:
        """The verb's subject is there but is no actor: طرد *مقاتلون محليون* الحوثيين، *هجمات* تستهدف."""
        sc = self.sc
        prev = self.hit_at.get(hit.start - 1) or self.hit_at.get(hit.start - 2)
        if prev is not None and prev is not self.hit_at.get(hit.start) and prev.form.pos == "noun" and (
            prev.relation == hit.relation
        ):
            return True  # هجمات محتملة تستهدف ...: the noun is the subject; it carries the relation
        if hit.form.pos == "verb" and sc.c(hit.start - 1) in M.RELATIVE_MA:
            return True  # بما يساعد على تعزيز القدرات العراقية: "what" helps, no actor
        k = self._skip_modifiers(hit.end, right)
        if k >= right or k in self.doc.covered or sc.arg_starting(k) is not None:
            return False
        cw = sc.c(k)
        bare = cw[2:] if cw.startswith("ال") else cw
        return bare in M.MEMBER_NOUNS and self._head_adjective_after(hit, right) is None

    def _head_adjective_after(self, hit: TriggerHit, right: int) -> list[Arg] | None:
        """قصفت الطائرات الأمريكية مواقع ...: an agentive head and its nationality adjective after a verb."""
        k = self._skip_modifiers(hit.end, right)
        if k + 2 < right and self.sc.c(k) in ("معظم", "بعض", "كل", "جميع"):
            k += 1  # استهدفت معظم الغارات التركية
        state = self._adjective_on_head(k + 1) if k + 1 < right else None
        arg = self._virtual(k + 1, state) if state else None
        return [arg] if arg is not None else None

    def _adjective_on_head(self, k: int) -> str | None:
        """The state of a nationality adjective at token k on an agentive head at k - 1 (مقاتلات *تركية*)."""
        sc = self.sc
        if k - 1 < sc.a or sc.c(k - 1) not in M.AGENTIVE_HEADS:
            return None
        return sc.is_adjective(k)

    def _possessor(self, hit: TriggerHit) -> list[Arg] | None:
        """The owner of غاراته، ضرباتها: the actor right before (شن سلاح الجو التركي أمس أولى غاراته)."""
        sc = self.sc
        k = hit.start
        while k - 1 >= sc.a and hit.start - k < 4 and (
            sc.c(k - 1) in M.NOUN_MODIFIERS or sc.tokens[k - 1].norm.isdigit()
            or sc.tokens[k - 1].norm in M.QUOTES or self._any_form_in(k - 1, M.LIGHT_VERBS)
        ):
            k -= 1
        arg = sc.arg_ending(k)
        return self._members_before(arg, hit.start) if arg is not None and arg.marker is None else None

    def _fallback_agent(self, hit: TriggerHit, left: int) -> list[Arg] | None:
        """The subject before the trigger, when nothing closer names the agent."""
        if hit.form.possessive:
            owner = self._possessor(hit)
            if owner is None and self.sc.c(hit.start - 1) in M.TIME_HEADS | M.DURING:
                # قال كارتر بعد لقائه بالملك سلمان: the pronoun of a masdar after a time word is the subject
                owner = self._nearest_left(hit, left)
            return owner
        if self._in_construct(hit) or self._topic_of_discussion(hit, left):
            return None
        crafts = self._crafts_before_light_verb(hit)
        return crafts if crafts is not None else self._nearest_left(hit, left)

    def _topic_of_discussion(self, hit: TriggerHit, left: int) -> bool:
        """يبحث لافروف الوضع في سوريا والحرب على داعش: a strike or fight noun in the object of a discussion
        verb is a topic, so the one who discusses it is not said to wage it."""
        if hit.form.pos != "noun" or hit.relation not in ("strikes", "fights"):
            return False
        for k in range(hit.start - 1, left - 1, -1):
            other = self.hit_at.get(k)
            if other is not None and other is not hit:
                return _discussion_verb(other)
        return False

    def _crafts_before_light_verb(self, hit: TriggerHit) -> list[Arg] | None:
        """مقاتلات تركية شنت أمس غارات: an agentive head with a nationality adjective, subject of the light
        verb before the trigger noun."""
        sc = self.sc
        if hit.form.pos != "noun":
            return None
        k = hit.start - 1
        while k > sc.a and sc.c(k) in M.NOUN_MODIFIERS:  # أمس، مساء، الجوية ...
            k -= 1
        if k - 2 < sc.a or not self._any_form_in(k, M.LIGHT_VERBS):
            return None
        state = self._adjective_on_head(k - 1)
        arg = self._virtual(k - 1, state) if state else None
        return [arg] if arg is not None else None

    def _any_form_in(self, k: int, words: frozenset[str]) -> bool:
        return any(f in words for f, _ in self.sc.tokens[k].variants)

    def _in_construct(self, hit: TriggerHit) -> bool:
        """تطورات *العمليات* العسكرية، رئيس *تحرير*: a trigger noun that is the genitive of another noun
        names someone else's action, so the nearest actor before it is not its agent."""
        sc = self.sc
        k = hit.start - 1
        if hit.form.pos == "verb" or k < sc.a or "و" in hit.prefix or k in self.doc.covered:
            return False
        tok = sc.tokens[k]
        cw = sc.c(k)
        if k in self.hit_at or not tok.norm[:1].isalpha() or tok.norm.startswith("ال"):
            return False  # a definite word before is an adjective or a subject, not a construct head
        return not any(cw in words or self._any_form_in(k, words) for words in NOT_CONSTRUCT_HEADS)

    def _light_verb_agent(self, hit: TriggerHit, right: int) -> list[Arg] | None:
        """الغارات التي شنتها الولايات المتحدة، ضربات نفذها التحالف، الغارات التي نفذتها مقاتلات تركية."""
        sc = self.sc
        k = self._skip_modifiers(hit.end, right)
        if k < right and sc.c(k) in M.RELATIVES:
            k += 1
        if k >= right or not (sc.c(k) in M.LIGHT_VERBS_OBJ or sc.c(k) in M.LIGHT_VERBS):
            return None
        k = self._skip_modifiers(k + 1, right, limit=3)
        for j in range(k, min(right, k + 3)):
            arg = sc.arg_starting(j)
            if arg is not None and arg.marker is None:
                return self._members_from(arg, j)
            if sc.c(j) in M.AGENTIVE_HEADS and j + 1 < right:
                state = sc.is_adjective(j + 1)
                virtual = self._virtual(j + 1, state) if state else None
                if virtual is not None:
                    return [virtual]
        return None

    def _args_just_after(self, hit: TriggerHit, right: int) -> Iterator[Arg]:
        """The arguments that open within four tokens after the trigger and its adjectives, in its clause."""
        end = self._past_adjectives(hit.end, right)
        for arg in self.sc.args:
            if arg.skip or arg.np0 < hit.end:
                continue
            if arg.np0 > end + 4 or arg.t0 >= right:
                break
            yield arg

    def _past_adjectives(self, k: int, right: int) -> int:
        """التعاون الاستراتيجي والسياسي والاقتصادي والأمني بين X وY: past a chain of (nisba) adjectives."""
        sc = self.sc
        start = k
        while k < right and k - start < 8 and k not in self.doc.covered and k not in self.hit_at:
            cw = sc.c(k)
            nisba = cw.startswith("ال") and cw.endswith(("ي", "يه")) and len(cw) > 5
            if not (nisba or cw in M.NOUN_MODIFIERS):
                break
            k += 1
        return k

    def _by_agent(self, hit: TriggerHit, right: int, with_min: bool) -> list[Arg] | None:
        """على أيدي X، من قبل X، بدعم من X، المدعومة من X."""
        sc = self.sc
        for arg in self._args_just_after(hit, right):
            if arg.marker == "by":
                return self._members_from(arg, hit.end)
            # المدعومة من X; a passive participle also takes ب: جيش الأسد مدعوما بميليشيا حزب الله
            by_ba = arg.marker == "ب" and hit.form.pos == "participle"
            near = arg.np0 <= self._skip_modifiers(hit.end, right) + 1
            if with_min and (arg.marker == "من" or by_ba) and near:
                return self._members_from(arg, hit.end)
            break
        # مدربين على أيدي الأميركيين: a nationality adjective used as a noun after the by-phrase.
        k = self._skip_modifiers(hit.end, right)
        if k + 2 < right and sc.c(k) in (M.ALA, "من") and sc.c(k + 1) in M.BY_HEADS:
            state = sc.is_adjective(k + 2)
            virtual = self._virtual(k + 2, state) if state else None
            if virtual is not None:
                return [virtual]
        return None

    def _adverbial_agent(self, hit: TriggerHit) -> list[Arg] | None:
        k = self._skip_modifiers(hit.end, self.sc.b, limit=1)
        state = self.sc.adverbial_adjective(k)
        arg = self._virtual(k, state) if state else None
        return [arg] if arg is not None else None

    def _immediate_left(self, hit: TriggerHit) -> list[Arg] | None:
        """The noun a participle describes: المعارضة *المدعومة*، القوات *الموالية*."""
        sc = self.sc
        k = hit.start
        if k - 1 >= sc.a and sc.c(k - 1) in M.NOUN_MODIFIERS:
            k -= 1
        arg = sc.arg_ending(k)
        return [arg] if arg is not None and arg.marker != "by" else None

    def _antecedent(self, hit: TriggerHit) -> list[Arg] | None:
        """The noun a verb with an object pronoun refers back to: المعارضة الذين دربهم X."""
        sc = self.sc
        k = hit.start
        steps = 0
        while k - 1 >= sc.a and steps < 3:
            prev = self.hit_at.get(k - 1)
            if sc.c(k - 1) in M.RELATIVES:
                k -= 1
            elif prev is not None and prev.form.obj_suffix:
                k = prev.start
            else:
                break
            steps += 1
        arg = sc.arg_ending(k)
        return [arg] if arg is not None and arg.marker != "by" else None

    def _fight_before(self, hit: TriggerHit, np0: int) -> bool:
        """A fight or strike trigger ends right before the preposition that opens the phrase at np0, or
        one or two words before it (معارك عنيفة مع داعش) with no actor between."""
        for k in range(np0 - 2, np0 - 5, -1):
            if k in self.doc.covered:
                return False
            other = self.hit_at.get(k)
            if other is not None and other is not hit:
                return other.relation in ("fights", "strikes")
        return False

    def _stop_between(self, hit: TriggerHit, start: int, end: int) -> bool:
        """Another trigger of the same relation between (its own arguments follow it), or another relation's
        verb."""
        sc = self.sc
        for other in sc.hits:
            if other is hit or not start <= other.start < end:
                continue
            if other.relation != hit.relation:
                # وقصفت المعارضة بلدات ... وسيطر مقاتلون من ...: another relation's verb opens a clause
                if other.form.pos == "verb":
                    return True
            elif sc.tokens[other.start].norm[:1] != "و":
                if _is_instrument(other):
                    continue  # استهدف X بقذائف الهاون مواقع Y: the instrument, not a new clause
                return True
        return False

    def _right_target(self, hit: TriggerHit, start: int, right: int, direct: bool) -> list[Arg] | None:
        sc = self.sc
        preps = hit.form.preps
        last = sc.c(hit.end - 1)
        if hit.end - hit.start > 1 and last in M.PREP_WORDS:
            preps = preps | {last}  # الدفاع عن X: the phrase ends with its own preposition
        for arg in sc.args:
            if arg.skip or arg.np0 < start:
                continue
            stop = self._stop_between(hit, start, arg.np0)
            venue = arg.marker is None and direct and hit.relation == "meets_with" and arg.t0 < right
            if venue and not stop and self._after_venue(start, arg.np0):
                return self._members_from(arg, start)
            if arg.t0 >= right or sc.commas(start, arg.np0) > 1 or stop:
                return None
            marker = arg.marker
            if marker == "مع" and hit.relation in SYMMETRIC and self._fight_before(hit, arg.np0):
                return None  # سيطروا، بعد اشتباكات مع الحوثيين، على: the enemy of the fight, no partner
            reach = 8 if hit.relation not in SYMMETRIC else 2 if marker == "ب" else 4
            if marker == "مع" and _discussion_verb(hit):
                # بحث لافروف الوضع في سوريا والحرب على داعش مع الجبير: the topic comes first (but the
                # topic's own مع, الحدود مع سوريا, is no partner)
                if arg.np0 - 2 >= start and sc.c(arg.np0 - 2) in M.BORDER_NOUNS:
                    continue
                reach = 10
            if marker == "بين" or arg.np0 - start > reach:
                continue  # بين is read as a list (all pairs) by the symmetric rule; far is not ours
            if marker == "ب" and hit.relation in SYMMETRIC and arg.type == "STATE":
                continue  # المفاوضات في فنادق بسويسرا: a place, not a partner
            if marker in preps:
                if hit.relation == "supports" and any(
                    self._any_form_in(k, M.OPPOSING) for k in range(start, arg.np0)
                ):
                    return None  # تدعم جهود التصدي لداعش: support against it
                return self._members_from(arg, start)
            if marker == "partitive" and hit.relation in ("strikes", "fights", "trains"):
                return self._members_from(arg, start)
            if marker is None and direct and arg.np0 - start <= 5:
                # التقى لافروف في موسكو المعلم: a place phrase may stand before the object
                gap = range(start, arg.np0)
                places = [
                    k for k in gap if k in self.doc.covered and not any(x.t0 <= k < x.t1 for x in sc.args)
                ]
                venue = set(places) | {k for k in gap if sc.c(k) == "في" and k + 1 in places}
                # قصف X بقذائف الهاون مواقع Y: an instrument phrase (ب + weapon noun + its genitive)
                for k in gap:
                    other = self.hit_at.get(k)
                    if other is None or other is hit or not _is_instrument(other):
                        continue
                    venue |= {j for j in range(k, min(other.end + 1, arg.np0)) if j not in self.doc.covered}
                if len(set(gap) - venue) <= 3 and all(
                    k in venue or sc.c(k) in M.NOUN_MODIFIERS or sc.tokens[k].norm in M.QUOTES for k in gap
                ):
                    return self._members_from(arg, start)
        return None

    def _after_venue(self, start: int, np0: int) -> bool:
        """استقبل الملك سلمان في قصر السلام أمس وزير الدفاع ...، التقى الجبير اليوم في موسكو لافروف: a
        host's venue and time (a phrase with في or ب, time words) before the guest, in one clause."""
        sc = self.sc
        if any(k in self.hit_at for k in range(start, np0)):
            return False
        k = start
        while k < min(np0, start + 12) and self._appositive_word(k):
            k += 1  # the host's titles first: ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية -حفظه الله-
        gap = range(k, np0)
        # Commas only around a time (في قصره بجدة، مساء أمس، معالي ...), or right before the guest.
        commas = [x for x in gap if sc.tokens[x].norm in M.COMMAS]
        for x in commas:
            after = next((y for y in range(x + 1, np0) if sc.tokens[y].norm in M.COMMAS), np0)
            if not all(sc.c(y) in M.NOUN_MODIFIERS for y in range(x + 1, after)):
                return False
        if not 0 < len(gap) <= 10:
            return False
        while k < np0 and sc.c(k) in M.NOUN_MODIFIERS:
            k += 1  # اليوم في موسكو
        return k < np0 and self._locative(k)

    def _locative(self, k: int) -> bool:
        """في، or a word with the proclitic ب (بجدة، بقصر اليمامة): a venue begins here."""
        tok = self.sc.tokens[k]
        with_ba = any(cut and tok.norm[:cut].lstrip("وف") == "ب" for _, cut in tok.variants)
        return with_ba or self.sc.c(k) == "في"

    def _appositive_word(self, k: int) -> bool:
        """A word of the titles after a name (ولي العهد، النائب الثاني لرئيس مجلس الوزراء، بن عبدالعزيز)."""
        sc = self.sc
        cw = sc.c(k)
        if self._locative(k):
            return False  # the venue begins
        prev = sc.c(k - 1) if k > sc.a else ""
        return (
            self._any_form_in(k, self.doc.title_words)
            or (k > sc.a and self._any_form_in(k - 1, self.doc.title_words))  # لرئيس *مجلس* الوزراء
            or cw in ("بن", "ابن", "ال", "حفظه", "حفظها", "ايده", "رعاه")
            or prev in ("بن", "ابن", "ال")
            or (cw.startswith("ال") and cw not in M.NOUN_MODIFIERS)
            or sc.tokens[k].norm in M.QUOTES
            or sc.tokens[k].norm in ("-", "–", "—")
        )

    def _purpose(self, hit: TriggerHit) -> bool:
        """A purpose masdar: with ل (لمحاربة), after a purpose word (من أجل، بهدف), or after the light verb's
        ل-masdar (للقيام بتدريب، للقيام بعمليات)."""
        prev = self.sc.c(hit.start - 1)
        light = prev.startswith("ل") and self._any_form_in(hit.start - 1, M.PURPOSE_LIGHT_MASDARS)
        return "ل" in hit.prefix or prev in M.PURPOSE_WORDS or light

    def _purpose_agent(self, hit: TriggerHit, left: int) -> list[Arg] | str | None:
        """The doer of a purpose masdar (لمحاربة، لتدريب): X دربهم Y لمحاربة Z → the trainee Y fights;
        otherwise the subject of the clause (روسيا أعلمت الولايات المتحدة ... لمحاربة داعش → روسيا)."""
        sc = self.sc
        prev = sc.c(hit.start - 1)  # "" before the sentence
        if not self._purpose(hit) or hit.form.pos == "verb":
            return None
        if prev in M.PAVING_WORDS or (prev in ("فقط", "ايضا") and sc.c(hit.start - 2) in M.PAVING_WORDS):
            return BLOCK  # يمهد الطريق لمهاجمة إيران: the way is opened for someone the clause does not name
        for other in reversed(sc.hits):
            near = other.end <= hit.start and hit.start - other.end <= 8
            if near and other.relation in ("trains", "supports"):
                patient = self.patients.get(other.start)
                return patient if patient else BLOCK
        start = left
        for k in range(hit.start - 1, left - 1, -1):
            if sc.c(k) in M.COMPLEMENTIZERS:
                start = k + 1
                break
        subject: Arg | None = None
        for arg in sc.args:
            if arg.skip or arg.np0 < start:
                continue
            if arg.t1 > hit.start or sc.commas(arg.t1, hit.start) > 1:
                break
            if arg.marker is None:
                if subject is None:
                    subject = arg
                elif arg.list_id != subject.list_id and any(
                    self._any_form_in(k, M.CALLING_VERBS) for k in range(start, arg.np0)
                ):
                    subject = arg  # دعا أردوغان التحالف لقصف داعش: the one called on would act
                continue
            expert = arg.marker == "من" and arg.np0 - 2 >= start and sc.c(arg.np0 - 1) == "من"
            if subject is None and expert and self._any_form_in(arg.np0 - 2, M.AGENTIVE_HEADS):
                return self._members_before(arg, hit.start)  # استضافة خبراء من الحرس الثوري لتدريب X
        return self._members_before(subject, hit.start) if subject is not None else None

    # ------------------------------------------------------------------ directed relations
    def _directed(self, hit: TriggerHit, left: int, right: int) -> list[tuple[list[Arg], list[Arg]]]:
        f = hit.form
        sc = self.sc
        pairs = self._directed_pairs(hit, left, right, f, sc)
        self.patients[hit.start] = pairs[0][1] if pairs else None
        return pairs

    def _directed_pairs(self, hit, left, right, f, sc) -> list[tuple[list[Arg], list[Arg]]]:  # noqa: ANN001
        if f.pos == "participle":
            # والموالين لصالح: with و the participle is a noun of its own, not describing the one before.
            coordinated = sc.tokens[hit.start].norm[:1] == "و" and "و" in hit.prefix
            head = None if coordinated else self._immediate_left(hit)
            if head is None:
                return []
            if f.voice == "passive":
                by = self._by_agent(hit, right, with_min=True) or self._adverbial_agent(hit)
                return [(by, head)] if by else []
            target = self._right_target(hit, hit.end, min(right, hit.end + 5), direct=False)
            return [(head, target)] if target else []
        if f.pos == "verb" and f.obj_suffix:
            subject = self._right_after(hit, right, verbs=True)
            antecedent = self._antecedent(hit)
            return [(subject, antecedent)] if subject and antecedent else []
        by = self._by_agent(hit, right, with_min=f.pos == "noun" and hit.relation in ("supports", "trains"))
        if by:
            if "ب" in hit.prefix:  # القوات اليمنية، بدعم من المقاومة: the supported one comes first
                patient = self._nearest_left(hit, left)
                if patient and hit.start - max(a.t1 for a in patient) > 3:
                    patient = None  # the manner phrase describes a clause whose subject we do not know
            else:  # المساعدات من السعودية لليمن
                patient = self._right_target(hit, max(a.t1 for a in by), right, direct=False)
            return [(by, patient)] if patient else []
        agent: list[Arg] | None = None
        patient: list[Arg] | None = None
        leader: list[Arg] | None = None  # الضربات التي تقودها X: X acts beside the clause's agent
        direct_blocked = False
        start = hit.end
        if f.pos == "noun":
            gen, filled = self._slot(hit, right)
            if filled:
                return []
            if gen:
                end = max(a.t1 for a in gen)
                ba = self._ba_governor(hit, left) if "ب" in hit.prefix else None
                governor = ba[0] if ba else None
                if governor == "request":
                    return []  # طالب الوزير بدعم الجيش: nobody named gives it
                if governor == "accuse":
                    accused = self._accused(hit, ba[1])  # اتهم بوخاري الولايات المتحدة بدعم بوكو حرام
                    return [(accused, gen)] if accused else []
                if ba and governor == "commit" and not self._lam_follows(end, right):
                    committer = self._committer(hit, ba[1])
                    if committer:
                        return [(committer, gen)]
                praised = governor == "praise"  # أشاد بدعم المملكة: the genitive gives it
                head = sc.c(gen[0].np0)
                # بمساندة التحالف: "with the coalition's support"; ومساندة طيران التحالف: aircraft give
                # support, they are not given it
                with_support = hit.relation == "supports" and (
                    ("ب" in hit.prefix and governor is None) or head in M.CRAFT_HEADS)
                # قصف مواقع داعش: positions are hit, never hit back (but after a noun whose genitive is its
                # agent a craft strikes: قصف طائرات التحالف مواقع X)
                site = hit.relation in ("strikes", "fights") and head in M.SITE_NOUNS and not (
                    f.genitive == "agent" and head in M.AGENTIVE_HEADS)
                # يطلب كاميرون تفويضا لقصف سوريا: a purpose masdar's genitive is its object when the clause
                # names who would act
                # (only the masdar of a transitive verb: تصدت المقاومة لهجوم الحوثيين is the Houthis' attack)
                purposed = (
                    f.genitive == "agent" and "ل" in hit.prefix and hit.end == hit.start + 1
                    and sc.tokens[hit.start].norm[hit.cut:] in M.TRANSITIVE_MASDARS
                    and not self._lam_follows(end, right) and isinstance(self._purpose_agent(hit, left), list)
                )
                # بعد استهداف طيران التحالف مخازن الأسلحة: aircraft in the genitive of a patient-genitive
                # strike masdar are the ones striking
                flying = hit.relation == "strikes" and f.genitive == "patient" and head in M.CRAFT_HEADS
                if not site and not purposed and (
                    f.genitive == "agent" or with_support or praised or flying
                    or self._lam_follows(end, right)
                ):
                    agent = gen  # دعم الولايات المتحدة للمعارضة
                    if with_support and not self._lam_follows(end, right):
                        patient = self._nearest_left(hit, left)
                        return [(agent, patient)] if patient else []
                else:
                    patient = gen
                start = end
            if agent is None and gen is None:
                agent = self._lam_agent(hit, right)
                if agent:
                    start = max(a.t1 for a in agent)
                else:
                    leader = self._leader_after(hit, right)
                    if leader:
                        start = max(a.t1 for a in leader)
            if agent is None:
                adjectives = self._adjectives_after(hit, right)
                if adjectives == BLOCK:
                    return []  # برنامج التدريب الأميركي: the agent is a state not in the article
                if adjectives:
                    agent = adjectives[:1]  # type: ignore[index]
                    start = max(start, agent[0].t1)
            if agent is None:
                agent = self._light_verb_agent(hit, right)
                if agent:
                    start = max(a.t1 for a in agent)
        elif f.pos == "verb":
            agent = self._adjacent_left(hit)
            if agent == BLOCK or (agent is None and self._unnamed_subject(hit, right)):
                return []
            _, filled = self._slot(hit, right)
            if agent is None and f.pronoun_subject:
                return []  # أهالي الموصل يؤيدون داعش: a plural verb's subject is before it, here no actor
            if agent is None:
                agent = self._right_after(hit, right) or self._head_adjective_after(hit, right)
                if agent:
                    start = self._past_drone(self._past_leader(agent, max(a.t1 for a in agent)))
                elif filled:
                    return []  # قصفت الطائرات ...: a subject we cannot name
                else:
                    subject = self.hit_at.get(self._skip_modifiers(hit.end, right))
                    if subject is not None and subject is not hit and subject.form.pos == "noun":
                        return []  # واستهدف القصف موقعا للحوثيين: the strike noun is the subject, its own hit
            elif filled:
                direct_blocked = True
        prev_hit = self.hit_at.get(hit.start - 1)
        if agent is None and f.pos == "noun" and prev_hit is not None and prev_hit.form.pos == "verb" and (
            prev_hit.relation == hit.relation
        ):
            return []  # واستهدف القصف موقعا للحوثيين: the strike is the verb's subject, nobody's we know
        if agent is None:
            implicit = self._implicit_agent(hit, left)
            if implicit == BLOCK:
                return []
            agent = implicit  # type: ignore[assignment]
        if agent is None:
            permission = self._permission(hit, left)
            agent = permission[1] if permission else self._fallback_agent(hit, left)
        if not agent and not leader:
            return []
        if patient is None:
            # استهدفت غارة أمريكية X: the noun is the subject of a trigger verb, X its object.
            prev = self.hit_at.get(hit.start - 1)
            subject_of_verb = prev is not None and prev.form.pos == "verb" and prev.relation == hit.relation
            direct = (f.pos == "verb" and f.direct_object and not direct_blocked) or subject_of_verb
            verb_after = self._verb_after(hit, start, right)
            if f.pos == "noun" and verb_after is not None:
                start, direct = verb_after, True  # هجمات تستهدف X: the verb's object
            patient = self._right_target(hit, start, right, direct=direct)
            if patient is None and f.pos == "noun" and hit.relation in ("strikes", "fights"):
                # قصف طيران التحالف مواقع الحوثيين: a masdar after its agent takes the positions as object
                site = sc.arg_starting(start)
                if site is not None and site.marker is None and sc.c(site.np0) in M.SITE_NOUNS:
                    patient = self._members_from(site, start)
            if patient is None and hit.relation == "strikes" and f.pos == "noun":
                patient = self._casualties_before(hit, left) or self._casualties_after(start, right)
        if not patient:
            return []
        return [(group, patient) for group in (agent, leader) if group]

    def _past_drone(self, k: int) -> int:
        """قصفت طائرة أمريكية *من دون طيار* هدفا لداعش: the words of "drone" after the craft's adjective."""
        c = self.sc.c
        if c(k) == "من" and c(k + 1) == "دون" and c(k + 2) == "طيار":
            return k + 3
        if c(k) in ("بدون", "دون", "بلا") and c(k + 1) == "طيار":
            return k + 2
        return k

    def _past_leader(self, agent: list[Arg], end: int) -> int:
        """قصف التحالف الذي تقوده واشنطن مواقع داعش: the object comes after the subject's leader phrase."""
        for leader, led in self.sc.led_by:
            if led in agent and leader.t0 >= end:
                end = max(end, leader.t1)
        return end

    def _casualties_before(self, hit: TriggerHit, left: int) -> list[Arg] | None:
        """قتل 20 من عناصر داعش في غارات التحالف، إصابة عشرات من مسلحي الحوثي جراء قصف X: the counted
        group killed or wounded just before a strike noun (after في، جراء، إثر or ب) is what was hit."""
        sc = self.sc
        k = hit.start - 1
        if not ("ب" in hit.prefix or (k >= left and (sc.c(k) == "في" or sc.c(k) in M.TIME_HEADS))):
            return None
        end = hit.start if "ب" in hit.prefix else k
        arg = sc.arg_ending(end)
        if arg is None or arg.t0 < left:
            return None
        if arg.marker is None and arg.np0 - 1 >= left and self._any_form_in(arg.np0 - 1, M.CASUALTY_WORDS):
            return self._members_before(arg, end)  # قتل جنديان تركيان في هجوم X، مقتل جنود أمريكيين بقصف X
        if arg.marker != "partitive":
            return None
        casualty = any(self._any_form_in(j, M.CASUALTY_WORDS) for j in range(max(left, arg.np0 - 4), arg.np0))
        return self._members_before(arg, end) if casualty else None

    def _casualties_after(self, start: int, right: int) -> list[Arg] | None:
        """غارة جوية للتحالف أدت إلى مقتل محسن الفضلي، قصف أسفر عن مقتل 20 من عناصر داعش: who a strike
        killed or wounded, named after a verb of result."""
        sc = self.sc
        end = min(right, start + 12)
        for k in range(start, end):
            if sc.c(k) not in M.RESULT_VERBS:
                continue
            for j in range(k + 1, min(right, k + 8)):  # أدت في مطلع يوليو الجاري إلى مقتل
                if not self._any_form_in(j, M.CASUALTY_WORDS):
                    continue
                for arg in sc.args:
                    if j < arg.np0 <= j + 4 and not arg.skip and arg.marker in (None, "partitive"):
                        return self._members_from(arg, arg.np0)
                return None
            return None
        return None

    # ------------------------------------------------------------------ symmetric relations
    def _symmetric(self, hit: TriggerHit, left: int, right: int) -> list[tuple[list[Arg], list[Arg]]]:
        f = hit.form
        # التنسيق بين X وY (وZ): every pair of the list.
        for arg in self._args_just_after(hit, right):
            if arg.marker == "بين":
                group = self._members_from(arg, hit.end)
                # (only close to the trigger, no preposition between: التشاور حول التوتر بين X من جهة وY
                # are the tension's sides)
                near = arg.np0 - 1 - hit.end <= 3 and not any(
                    self.sc.c(k) in M.PREP_WORDS for k in range(hit.end, arg.np0 - 1)
                )  # arg.np0 - 1 is the بين
                sides = self._other_side(group, right) if near else None
                if sides is not None:
                    return [(group, sides)] if sides else []
                if len(group) >= 2:
                    return _all_pairs(group)
                break
        ally = self._ally(hit, right)
        if ally is not None:
            return ally
        permission = self._permission(hit, left)
        if permission is not None and permission[0]:
            return [permission]
        adjectives = self._adjectives_after(hit, right) if f.pos == "noun" else []
        if adjectives == BLOCK:
            return []
        if len(adjectives) >= 2:  # التنسيق الأميركي الروسي
            return _all_pairs(adjectives)  # type: ignore[arg-type]
        group: list[Arg] | None = None
        partners: list[Arg] | None = None
        start = hit.end
        gen, filled = self._slot(hit, right)
        direct = f.pos == "verb" and f.direct_object and not filled and not f.obj_suffix
        if f.pos == "noun" and f.possessive and hit.relation == "meets_with":
            # لدى استقباله الوزير، خلال لقائه الرئيس: a masdar with a pronoun takes the guest as its
            # object; the pronoun is the host, the subject before it.
            guests = self._right_after(hit, right)
            host = self._possessor(hit) or self._nearest_left(hit, left) if guests else None
            if guests and host:
                return _all_pairs(_unique(host + guests))
        if f.pos == "noun" and hit.relation == "meets_with":
            opener = self._opened_with(hit, left)
            guests = (gen or self._right_after(hit, right)) if opener else None
            if opener and guests:
                return _all_pairs(_unique(opener + guests))
        if f.pos == "noun" and filled:
            return []
        if f.pos == "verb":
            group = self._adjacent_left(hit)
            if group == BLOCK or (group is None and self._unnamed_subject(hit, right)):
                return []
            if group is None and not f.pronoun_subject:  # (التقوا الرئيس: the name after is the partner)
                group = self._right_after(hit, right) or self._head_adjective_after(hit, right)
                if group and self._any_form_in(hit.start, M.VISIT_VERBS) and all(map(_is_place, group)):
                    return []  # أول رئيس أميركي يزور كينيا وإثيوبيا: the places visited, not the visitors
                if group is None and filled:
                    return []
                visitor = self._visitor_before_where(hit, left) if group else None
                if visitor:
                    return _all_pairs(_unique(visitor + group))
        elif gen and hit.relation == "meets_with" and gen[0].capital:
            return []  # مفاوضات فيينا، قمة الرياض: named after the venue
        elif len(gen or ()) >= 2 and self._any_form_in(hit.start, M.VISIT_NOUNS) and all(map(_is_place, gen)):
            return []  # يمكنهم زيارة لبنان وإسرائيل: the places visited, by someone unnamed, meet nobody
        elif gen:
            if f.genitive == "agent":
                group = gen
            elif self._any_form_in(hit.start, M.LIBERATION) and all(map(_is_place, gen)):
                start = max(a.t1 for a in gen)  # تحرير الكويت (من العراق): the place freed, not the enemy
            else:
                partners = gen
        if group is None and adjectives:
            group = adjectives[:1]  # type: ignore[index]
        if group:
            start = max(start, max(a.t1 for a in group))
        if group is None:
            implicit = self._implicit_agent(hit, left)
            if implicit == BLOCK:
                return []
            group = implicit  # type: ignore[assignment]
        if group is None:
            group = self._fallback_agent(hit, left)
        if partners is None:
            partners = self._right_target(hit, start, right, direct=direct)
            far = partners and min(a.np0 for a in partners) > start + 2
            if far and self._any_form_in(hit.start, M.ALLY_NOUNS):
                partners = None  # تطمين الحلفاء بأن الاتفاق مع إيران: an ally's partner follows it closely
        if partners and hit.relation == "meets_with":
            group = self._counterpart_host(hit, left, partners) or group
        if group and partners:
            if hit.relation == "meets_with":
                places = len(partners) >= 2 and all(map(_is_place, partners))
                if places and not any(map(_is_place, group)):
                    return [(group, partners)]  # زار الرئيس تشاد والنيجر: visits, the places meet nobody
                if self._any_form_in(hit.start, M.SEPARATE_MEETINGS) and len(group) == 1:
                    # سيعقد لافروف اجتماعات مع أمير قطر ووزير الخارجية القطري: one meeting with each
                    return [(group, [p]) for p in _unique(partners) if p.entity != group[0].entity]
                return _all_pairs(_unique(group + partners))  # one meeting: everyone at it meets everyone
            return [(group, partners)]
        if group and len(group) >= 2 and hit.relation != "fights":
            if hit.relation == "meets_with" and f.pos == "noun" and self._lam_object(hit, right):
                return []  # إيطاليا واليونان أكثر الدول استقبالا للمهاجرين: they receive others
            if hit.relation == "meets_with" and self._any_form_in(hit.start, M.VISIT_NOUNS | M.VISIT_VERBS):
                return []  # وفد برئاسة مشعل وعضوية أبو مرزوق والعاروري قام بزيارة: they travel together
            # روسيا وإيران تنسقان: partners with each other; X وY يقاتلان fight a third party.
            return _all_pairs(group)
        return []

    def _lam_object(self, hit: TriggerHit, right: int) -> bool:
        """A definite ل-object that is no actor right after a trigger noun (استقبالا للمهاجرين، للوفود)."""
        sc = self.sc
        k = self._skip_modifiers(hit.end, right)
        if k >= right or k in self.doc.covered or k in self.hit_at:
            return False
        return sc.c(k).startswith("لل") and sc.arg_starting(k) is None  # ل + the article (not ليل "night")

    def _visitor_before_where(self, hit: TriggerHit, left: int) -> list[Arg] | None:
        """يزور فابيوس طهران حيث سيلتقي الرئيس روحاني والوزير ظريف: after حيث a meeting verb's subject is the
        visitor named before (the people after the verb are whom he meets), the nearest person before."""
        sc = self.sc
        if hit.relation != "meets_with" or hit.start - 1 < sc.a or sc.c(hit.start - 1) != "حيث":
            return None
        for arg in reversed(sc.args):
            if arg.skip or arg.t1 > hit.start - 1:
                continue
            if arg.type == "PERSON" and arg.marker is None:
                return self._members_before(arg, hit.start)
        return None

    def _other_side(self, group: list[Arg], right: int) -> list[Arg] | None:
        """بين X وY من جهة، وZ من جهة أخرى: the list after "من جهة" is the other side (X and Y are
        allies, each against Z); [] when that side names no actor; None when there are no sides."""
        sc = self.sc
        k = max(a.t1 for a in group)
        if k + 1 >= right or sc.c(k) != "من" or sc.c(k + 1) not in M.SIDE_WORDS:
            return None
        for arg in sc.args:
            if arg.skip or arg.np0 < k + 2:
                continue
            if arg.np0 <= k + 4 and arg.t0 < right and arg.marker in (None, "partitive"):
                return self._members_from(arg, k + 2)
            break
        return []

    def _counterpart_host(self, hit: TriggerHit, left: int, partners: list[Arg]) -> list[Arg] | None:
        """لقاء مع نظيره الأمريكي جون كيري: "his counterpart" is met by the person before, whoever else
        (an actor the sentence was about, بمحاربة داعش) stands nearer."""
        sc = self.sc
        guest = partners[0]
        np0 = guest.np0 if guest.np0 >= 0 else guest.t0
        if not any(sc.c(k) in M.COUNTERPARTS for k in range(min(np0, guest.t0), guest.t0)):
            return None
        for arg in reversed(sc.args):
            if arg.t1 <= hit.start and arg.t0 >= left and arg.type == "PERSON" and arg not in partners:
                return [arg]
        return None

    def _own(self, a: Arg, b: Arg, relation: str = "") -> bool:
        """A person and the state or group they belong to (عبدالله الثاني ... الأردن) are not two parties,
        unless a former leader fights or strikes it (طردت القوات الموالية للشرعية ميليشيات الحوثي وصالح)."""
        ents = self.doc.entities
        ea, eb = ents.get(a.entity), ents.get(b.entity)
        deposed = self.doc.deposed
        if relation in ("fights", "strikes") and (a.entity in deposed or b.entity in deposed):
            return False
        return bool(ea and eb and (ea.affiliation == eb.canonical_id or eb.affiliation == ea.canonical_id))

    def _non_combatant(self, a: Arg, b: Arg, relation: str) -> bool:
        """A news outlet, company or NGO as who strikes, or on either side of a fight."""
        if relation not in ("strikes", "fights"):
            return False
        lexicon = self.doc.lexicon
        sides = (a, b) if relation == "fights" else (a,)
        for arg in sides:
            entry = lexicon.get(arg.canonical)
            if entry is not None and entry.kind in NON_COMBATANT_KINDS:
                return True
        return False

    def _negated_arg(self, arg: Arg) -> bool:
        """لمحاربة داعش وليس القوات الحكومية: the negation is on this target only."""
        sc = self.sc
        k = arg.np0 - 1
        return k >= sc.a and sc.c(k) in ("ليس", "لا", "دون", "بدون", "وليس")

    # ------------------------------------------------------------------ polarity, modality, speaker
    def _context(self, hit: TriggerHit, left: int, right: int) -> tuple[bool, str, str | None]:
        return self._negated(hit, left, right), *self._modality_speaker(hit, left, right)

    def _negated(self, hit: TriggerHit, left: int, right: int) -> bool:
        sc = self.sc
        neg = False
        if hit.start - 1 >= sc.a and sc.c(hit.start - 1) in M.NEG_IMMEDIATE:
            neg = True
        else:
            for k in range(hit.start - 1, max(left, hit.start - 7) - 1, -1):
                cw = sc.c(k)
                if cw in M.RELATIVES or sc.tokens[k].norm in M.COMMAS:
                    break
                if cw in M.NEGATORS:
                    nxt = sc.c(k + 1)
                    between = any(sc.c(j) == "بين" for j in range(hit.end, min(hit.end + 3, sc.b)))
                    takers = M.NEGATION_TAKERS | M.PARTICIPATION if between else M.NEGATION_TAKERS
                    neg = nxt not in M.NEG_IDIOMS and not any(
                        self._any_form_in(j, takers) for j in range(k + 1, hit.start)
                    )
                    break
        if not neg:
            neg = self._too_to(hit, left)
        if neg and any(sc.c(k) in M.EXCEPTIVE for k in range(hit.end, right)):
            return False  # لم يقدم دعم إلا للقوات التي ...: only, not never
        if neg and self._not_only(hit):
            return False  # لم يكن يقصف داعش فحسب: not only (the clause may end at the لكن after it)
        if neg:
            return True
        for k in range(hit.start - 1, max(sc.a, hit.start - 15) - 1, -1):
            cw = sc.c(k)
            if cw in M.CONTRAST:
                break
            if cw in M.DENIALS or (hit.relation in M.COOPERATIVE and cw in M.REFUSALS):
                return not (k - 1 >= sc.a and sc.c(k - 1) in M.NEGATORS)
        return False

    def _not_only(self, hit: TriggerHit) -> bool:
        """فحسب after the negated trigger, before the لكن/بل that follows it: "not only ... but also" (لم تقصف
        روسيا داعش، بل قصفت المعارضة فحسب is no such phrase: فحسب comes after the بل)."""
        sc = self.sc
        for k in range(hit.end, min(hit.end + 8, sc.b)):
            cw = sc.c(k)
            if cw in M.CONTRAST:
                return False
            if cw in M.NOT_ONLY:
                return True
        return False

    def _too_to(self, hit: TriggerHit, left: int) -> bool:
        """أجبن من أن تقوم بمهاجمة إسرائيل، أضعف من أن يقاتل: an elative before من أن, "too X to" (a few words
        before the trigger, in its clause)."""
        sc = self.sc
        for k in range(hit.start - 1, max(left + 1, hit.start - 5) - 1, -1):
            if sc.c(k) == "ان" and sc.c(k - 1) == "من":
                elative = sc.c(k - 2)
                return len(elative) == 4 and elative[0] == "ا" and elative not in M.NOT_ELATIVES
            if sc.tokens[k].norm in M.COMMAS:
                return False
        return False

    def _modality_speaker(self, hit: TriggerHit, left: int, right: int) -> tuple[str, str | None]:
        sc = self.sc
        f = hit.form
        planned = f.future
        if not planned:
            for k in range(hit.start - 1, max(left, hit.start - 9) - 1, -1):
                cw = sc.c(k)
                if cw in M.RELATIVES:
                    break  # الذين دربهم: a relative clause keeps its own time
                if cw in M.FUTURE_WORDS or cw in M.PLANNED_CUES or cw in M.PERMISSION or _future_aux(cw):
                    planned = True
                    break
                if cw == "قيد" and (cw, sc.c(k + 1)) in M.PLANNED_PHRASES:
                    planned = True
                    break
        if not planned:
            for k in range(hit.end, right):
                cw = sc.c(k)
                if cw in M.COMPLEMENTIZERS or cw in M.SPEECH_VERBS:
                    break  # دعم الإمارات لمصر قال حمودة إن ... القادمة: a later clause's time
                if cw in M.FUTURE_TIME or cw == "قيد" and (cw, sc.c(k + 1)) in M.PLANNED_PHRASES:
                    planned = True
                    break
        if not planned and hit.relation == "meets_with":
            if f.pos == "verb" and f.imperfective:
                planned = True
            else:
                for k in range(max(left, hit.start - 8), hit.start):  # يعقد كيري اليوم في الدوحة اجتماعا
                    cw = sc.c(k)
                    if cw in M.MEETING_LIGHT and cw[:1] in "يتن":
                        planned = True
        if not planned and f.pos == "noun" and self._purpose(hit):
            before = {sc.c(hit.start - 1), sc.c(hit.start - 2)}
            planned = not (before & M.EFFORT_NOUNS)
        speaker, unnamed = self._speaker(hit)
        if unnamed and self._in_relative_clause(hit):
            unnamed = False  # قال مسؤولون إن ... الذين دربهم الجيش: a known fact, not what they report
        modality = "planned" if planned else "reported" if unnamed else "asserted"
        return modality, speaker

    def _in_relative_clause(self, hit: TriggerHit) -> bool:
        """A verb opening a relative clause (الذين دربهم، التي سلحتها ودربتها)."""
        if hit.form.pos != "verb":
            return False
        sc = self.sc
        k = hit.start
        while k - 1 >= sc.a:
            prev = self.hit_at.get(k - 1)
            if prev is None or prev.form.pos != "verb" or not prev.form.obj_suffix:
                break
            k = prev.start
        return k - 1 >= sc.a and sc.c(k - 1) in M.RELATIVES

    def _speaker(self, hit: TriggerHit) -> tuple[str | None, bool]:
        """The named speaker of the reported speech the trigger sits in, or whether it is unnamed."""
        sc = self.sc
        for k in range(hit.start - 1, sc.a - 1, -1):
            cw = sc.c(k)
            if cw in M.ALLEGATION:
                return None, True
            if cw not in M.SPEECH_VERBS:
                continue
            if k - 1 >= sc.a and sc.c(k - 1) == "عدم":
                return None, True  # طلب عدم ذكر اسمه: an official who asked not to be named
            for j in range(k + 1, min(k + 5, hit.start)):
                arg = sc.arg_starting(j)
                if arg is not None and arg.marker is None:
                    return arg.entity, False
                cj = sc.c(j)
                if cj in M.UNNAMED_SOURCES:
                    return None, True
                if cj not in M.NOUN_MODIFIERS and cj not in ("يوم", "في", "بيان", "له", "لها"):
                    break
            before = sc.arg_ending(k)
            if before is not None and before.marker is None:
                return before.entity, False
            break
        for k in range(sc.a, sc.b):
            if sc.c(k) not in M.SOURCE_PREPS:
                continue
            for j in range(k + 1, min(k + 4, sc.b)):
                arg = next((a for a in sc.args if a.np0 == j or a.t0 == j), None)
                if arg is not None:
                    return arg.entity, False
                if sc.c(j) in M.UNNAMED_SOURCES:
                    return None, True
        return None, False


def _known_first(variants: list[tuple[str, int]], first_forms: dict) -> bool:
    # A plain loop, not any(<generator>): it runs for every token analysed.
    for form, _ in variants:  # noqa: SIM110
        if form in first_forms:
            return True
    return False


def _future_aux(word: str) -> bool:
    """سيعقد، ستقوم، سيتم: a future auxiliary before the trigger."""
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتن":
        return False
    rest = word[2:]
    return rest in M.AUX_STEMS or rest[:-1] in M.AUX_STEMS or rest[:-2] in M.AUX_STEMS


def _unique(args: Iterable[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out = []
    for a in args:
        if a.entity not in seen:
            seen.add(a.entity)
            out.append(a)
    return out


def _is_instrument(hit: TriggerHit) -> bool:
    """A trigger noun with ب (بقذائف الهاون، بالصواريخ): the weapon of another trigger's act."""
    return hit.form.pos == "noun" and "ب" in hit.prefix


def _discussion_verb(hit: TriggerHit) -> bool:
    """بحث، ناقش: a meeting verb whose object is its topic."""
    return hit.relation == "meets_with" and hit.form.pos == "verb" and not hit.form.direct_object


def _is_place(arg: Arg) -> bool:
    """A state or place named as the place of a visit (تشاد، طهران)."""
    return arg.type in ("STATE", "LOCATION")


def _all_pairs(group: list[Arg]) -> list[tuple[list[Arg], list[Arg]]]:
    group = _unique(group)
    return [([group[i]], [group[j]]) for i in range(len(group)) for j in range(i + 1, len(group))]
