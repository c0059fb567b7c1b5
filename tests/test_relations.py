"""Relations: triggers, Arabic argument structure, polarity, modality, attribution, evidence, merging.

Mentions are built by hand (`doc`) so these tests exercise the relation stage alone; a few tests at
the end run the whole pipeline. The sentences are written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from arabic_kg.lexicon import Lexicon, load_lexicon
from arabic_kg.models import Entity, Mention, MentionRef, Relation
from arabic_kg.relations import extract_relations, trigger_index
from arabic_kg.relations.triggers import TriggerIndex
from arabic_kg.text import split_sentences, tokenize

# canonical id → (type, label, affiliation)
KNOWN: dict[str, tuple[str, str, str | None]] = {
    "state:syr": ("STATE", "سوريا", None),
    "state:rus": ("STATE", "روسيا", None),
    "state:irq": ("STATE", "العراق", None),
    "state:irn": ("STATE", "إيران", None),
    "state:usa": ("STATE", "الولايات المتحدة", None),
    "state:tur": ("STATE", "تركيا", None),
    "state:fra": ("STATE", "فرنسا", None),
    "state:qat": ("STATE", "قطر", None),
    "state:yem": ("STATE", "اليمن", None),
    "state:sau": ("STATE", "السعودية", None),
    "org:isis": ("ORGANIZATION", "داعش", None),
    "org:al_nusra": ("ORGANIZATION", "جبهة النصرة", None),
    "org:al_qaeda": ("ORGANIZATION", "تنظيم القاعدة", None),
    "org:opposition": ("ORGANIZATION", "المعارضة السورية", None),
    "org:coalition": ("ORGANIZATION", "التحالف الدولي", None),
    "org:houthis": ("ORGANIZATION", "الحوثيين", None),
    "org:pkk": ("ORGANIZATION", "حزب العمال الكردستاني", None),
    "org:radio_sawa": ("ORGANIZATION", "راديو سوا", "state:usa"),
    "org:facebook": ("ORGANIZATION", "فيسبوك", None),  # lexicon kind: company
    "org:aljazeera": ("ORGANIZATION", "قناة الجزيرة", None),  # lexicon kind: media
    "org:sohr": ("ORGANIZATION", "المرصد السوري لحقوق الإنسان", None),  # lexicon kind: ngo
    "person:putin": ("PERSON", "فلاديمير بوتين", "state:rus"),
    "person:kerry": ("PERSON", "جون كيري", "state:usa"),
    "person:lavrov": ("PERSON", "سيرغي لافروف", "state:rus"),
    "person:hollande": ("PERSON", "فرانسوا هولاند", "state:fra"),
    "person:assad": ("PERSON", "بشار الأسد", "state:syr"),
    "person:x": ("PERSON", "سامر خليل", None),
    "person:y": ("PERSON", "كمال يوسف", None),
    "person:saleh": ("PERSON", "علي عبد الله صالح", "state:yem"),
    "base:udeid": ("BASE", "قاعدة العديد", "state:qat"),
    "loc:deir": ("LOCATION", "دير الزور", None),
    "loc:aleppo": ("LOCATION", "حلب", None),
    "loc:maysar": ("LOCATION", "الميسر", None),
    "loc:aden": ("LOCATION", "عدن", None),
    "loc:taiz": ("LOCATION", "تعز", None),
}

RUS, IRN, SYR = ("روسيا", "state:rus"), ("إيران", "state:irn"), ("سوريا", "state:syr")
IRQ = ("العراق", "state:irq")
USA, TUR, FRA = ("الولايات المتحدة", "state:usa"), ("تركيا", "state:tur"), ("فرنسا", "state:fra")
ISIS, OPP = ("داعش", "org:isis"), ("المعارضة السورية", "org:opposition")
KERRY, LAVROV = ("جون كيري", "person:kerry"), ("سيرغي لافروف", "person:lavrov")


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@dataclass
class Doc:
    text: str
    relations: list[Relation]
    names: dict[str, str]  # local id → canonical id

    def find(self, rtype: str, source: str, target: str) -> Relation | None:
        for r in self.relations:
            if r.type == rtype and self.names[r.source] == source and self.names[r.target] == target:
                return r
        return None

    def has(self, rtype: str, a: str, b: str) -> Relation | None:
        """The relation in either direction (for symmetric types)."""
        return self.find(rtype, a, b) or self.find(rtype, b, a)

    def typed(self) -> set[tuple[str, str, str]]:
        return {(r.type, self.names[r.source], self.names[r.target]) for r in self.relations
                if r.type != "co_mentioned"}


def doc(lexicon: Lexicon, text: str, *marks: tuple[str, str] | tuple[str, str, str]) -> Doc:
    """Run the relation stage with mentions given as (surface, canonical id[, kind]), in text order."""
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    entities: dict[str, Entity] = {}
    local: dict[str, str] = {}
    refs: list[MentionRef] = []
    pos = 0
    for mark in marks:
        surface, canonical = mark[0], mark[1]
        kind = mark[2] if len(mark) > 2 else "name"
        start = text.index(surface, pos)
        end = start + len(surface)
        pos = end
        etype, label, affiliation = KNOWN[canonical]
        if canonical not in local:
            local[canonical] = f"e{len(local) + 1}"
            entities[local[canonical]] = Entity(id=local[canonical], canonical_id=canonical, label=label,
                                                type=etype, affiliation=affiliation)  # type: ignore[arg-type]
        entities[local[canonical]].mentions.append(Mention(text=surface, start=start, end=end))
        t0 = max(i for i, s in enumerate(starts) if s <= start)
        t1 = max(i for i, s in enumerate(starts) if s < end) + 1
        refs.append(MentionRef(entity=local[canonical], canonical_id=canonical, type=etype,  # type: ignore[arg-type]
                               start=start, end=end, token_start=t0, token_end=t1, kind=kind))
    relations = extract_relations(text, tokens, split_sentences(text), refs, entities, lexicon, "art1")
    return Doc(text, relations, {v: k for k, v in local.items()})


# ---------------------------------------------------------------------- trigger lexicon
def test_trigger_forms_are_generated(lexicon: Lexicon) -> None:
    index: TriggerIndex = trigger_index(lexicon)
    cases = [("نسق", "coordinates_with"), ("ينسقون", "coordinates_with"), ("تنسيقا", "coordinates_with"),
             ("التنسيق", "coordinates_with"), ("ستشن", None), ("ستقصف", "strikes"), ("قصفت", "strikes"),
             ("غاراته", "strikes"), ("دربتهم", "trains"), ("مدربين", "trains"), ("المدعومين", "supports"),
             ("سلحتهم", "supports"), ("يلتقيان", "meets_with"), ("اشتباكات", "fights"),
             ("وبالتنسيق", "coordinates_with"), ("للتدريب", "trains")]
    for word, relation in cases:
        toks = tokenize(word)
        hit = index.match(toks, 0, len(toks))
        assert (hit.relation if hit else None) == relation, word
    toks = tokenize("تبادل المعلومات")
    hit = index.match(toks, 0, len(toks))
    assert hit is not None and hit.relation == "coordinates_with" and hit.end == 2
    toks = tokenize("تدريبات مشتركة")  # the longer phrase wins over the training noun
    assert index.match(toks, 0, len(toks)).relation == "coordinates_with"  # type: ignore[union-attr]
    toks = tokenize("وزارة")  # و + زاره "visited him" is not read into a common word
    assert index.match(toks, 0, 1) is None


# ---------------------------------------------------------------------- core relations
def test_strikes_vso_and_svo(lexicon: Lexicon) -> None:
    d = doc(lexicon, "قصفت روسيا مواقع داعش في سوريا.", RUS, ISIS,
            SYR)
    assert d.typed() == {("strikes", "state:rus", "org:isis")}  # the place is not a target
    d = doc(lexicon, "الولايات المتحدة ستقصف معاقل داعش.", USA, ISIS)
    r = d.find("strikes", "state:usa", "org:isis")
    assert r is not None and r.modality == "planned"


def test_strikes_nominal_constructions(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وتواصلت غارات التحالف الدولي على تجمعات لداعش.", ("التحالف الدولي", "org:coalition"),
            ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")
    # A nationality adjective after the trigger noun is its agent (the state is named elsewhere).
    d = doc(lexicon, "أعلنت تركيا توسيع عملياتها. واستمرت الضربات التركية على داعش.", TUR,
            ISIS)
    r = d.find("strikes", "state:tur", "org:isis")
    assert r is not None and r.evidence[0].trigger.text == "الضربات"  # type: ignore[union-attr]
    # ... and without the state in the article there is no agent to point at: no relation.
    d = doc(lexicon, "واستمرت الضربات التركية على داعش.", ISIS)
    assert d.typed() == set()
    d = doc(lexicon, "شنت فرنسا أولى غاراتها الجوية على مواقع لداعش.", FRA, ISIS)
    assert d.find("strikes", "state:fra", "org:isis")
    d = doc(lexicon, "الغارات الجوية التي شنتها الولايات المتحدة على داعش.", USA,
            ISIS)
    assert d.find("strikes", "state:usa", "org:isis")


def test_coordinates_between_with_and_lists(lexicon: Lexicon) -> None:
    d = doc(lexicon, "تنسيق أمني بين روسيا وإيران.", RUS, IRN)
    assert d.has("coordinates_with", "state:rus", "state:irn")
    d = doc(lexicon, "تعاون العراق مع سوريا في تبادل المعلومات.", IRQ, SYR)
    assert d.typed() == {("coordinates_with", "state:irq", "state:syr")}
    # Four coordinated actors: every pair, once each, ordered by canonical id (symmetric).
    d = doc(lexicon, "اتفقت روسيا وسوريا والعراق وإيران على التنسيق الاستخباراتي.", RUS,
            SYR, IRQ, IRN)
    pairs = {(s, t) for rt, s, t in d.typed() if rt == "coordinates_with"}
    assert len(pairs) == 6 and all(s < t for s, t in pairs)


def test_trains_active_passive_and_participle(lexicon: Lexicon) -> None:
    d = doc(lexicon, "دربت الولايات المتحدة مقاتلي المعارضة السورية.", USA,
            OPP)
    assert d.typed() == {("trains", "state:usa", "org:opposition")}
    d = doc(lexicon, "التقى المسؤول عناصر المعارضة السورية الذين دربتهم الولايات المتحدة.",
            OPP, USA)
    assert d.find("trains", "state:usa", "org:opposition")  # object pronoun: the patient comes first
    d = doc(lexicon, "وصل مقاتلو المعارضة السورية المدربون على أيدي الأميركيين. وأكدت الولايات المتحدة ذلك.",
            OPP, USA)
    assert d.find("trains", "state:usa", "org:opposition")
    d = doc(lexicon, "تعتزم الولايات المتحدة تدريب وتجهيز مقاتلي المعارضة السورية.",
            USA, OPP)
    r = d.find("trains", "state:usa", "org:opposition")
    assert r is not None and r.modality == "planned"


def test_supports_and_purpose_clause(lexicon: Lexicon) -> None:
    d = doc(lexicon, "اشتبكت المعارضة السورية المدعومة من الولايات المتحدة مع داعش.",
            OPP, USA, ISIS)
    assert d.find("supports", "state:usa", "org:opposition")
    # The trainer arms and trains; the trainee fights: the purpose clause takes the patient as agent.
    d = doc(lexicon, "دربت الولايات المتحدة المعارضة السورية لمحاربة داعش.", USA,
            OPP, ISIS)
    assert d.has("fights", "org:opposition", "org:isis") and not d.has("fights", "state:usa", "org:isis")
    d = doc(lexicon, "تقدمت القوات اليمنية، بدعم من التحالف الدولي، نحو المدينة.",
            ("القوات اليمنية", "state:yem", "organ"),
            ("التحالف الدولي", "org:coalition"))
    assert d.find("supports", "org:coalition", "state:yem")


def test_fights_and_meets(lexicon: Lexicon) -> None:
    d = doc(lexicon, "اندلعت اشتباكات بين جبهة النصرة وداعش.", ("جبهة النصرة", "org:al_nusra"), ISIS)
    assert d.has("fights", "org:al_nusra", "org:isis")
    d = doc(lexicon, "التقى جون كيري مع سيرغي لافروف في جنيف.", KERRY,
            LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    # Discussion verbs take a coordinated subject, not a direct object (بحث X الأزمة).
    d = doc(lexicon, "بحث جون كيري وسيرغي لافروف الأزمة في سوريا.", KERRY,
            LAVROV, SYR)
    assert d.typed() == {("meets_with", "person:kerry", "person:lavrov")}
    # Everyone at one meeting meets everyone.
    d = doc(lexicon, "سيعقد جون كيري اجتماعا مع سيرغي لافروف وفلاديمير بوتين.", KERRY,
            LAVROV, ("فلاديمير بوتين", "person:putin"))
    assert len([r for r in d.relations if r.type == "meets_with"]) == 3
    assert all(r.modality == "planned" for r in d.relations if r.type == "meets_with")


def test_a_craft_after_a_strike_verb_is_its_subject_when_an_object_follows(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    d = doc(lexicon, "وقصفت مقاتلات التحالف الدولي مواقع داعش في الرقة.", coalition, ISIS)
    assert d.typed() == {("strikes", "org:coalition", "org:isis")}
    d = doc(lexicon, "واستهدفت طائرات التحالف الدولي تجمعات لداعش.", coalition, ISIS)
    assert d.typed() == {("strikes", "org:coalition", "org:isis")}


def test_the_object_of_a_vso_verb_comes_after_its_subjects_leader_phrase(lexicon: Lexicon) -> None:
    coalition = ("التحالف", "org:coalition")
    usa = ("الولايات المتحدة", "state:usa")
    d = doc(lexicon, "وقصف التحالف الذي تقوده الولايات المتحدة مواقع داعش في الرقة.", coalition, usa, ISIS)
    assert ("strikes", "org:coalition", "org:isis") in d.typed()
    assert ("strikes", "state:usa", "org:isis") not in d.typed()
    d = doc(lexicon, "وقصفت طائرات التحالف بقيادة الولايات المتحدة تجمعات لداعش.", coalition, usa, ISIS)
    assert ("strikes", "org:coalition", "org:isis") in d.typed()


def test_a_possessed_strike_masdar_takes_its_lam_phrase_as_the_one_hit(lexicon: Lexicon) -> None:
    # استهدافها للتنظيم: the suffix is the agent (here no actor before it), never the ل-phrase.
    pkk = ("حزب العمال الكردستاني", "org:pkk")
    d = doc(lexicon, "وبعد استهدافها لداعش مبدئيا، تركزت الحملة على حزب العمال الكردستاني.", ISIS, pkk)
    assert not any(r[0] == "strikes" and r[1] == "org:isis" for r in d.typed())
    # Without the suffix the ل-phrase after an indefinite noun carries it out.
    d = doc(lexicon, "وتواصلت غارات لتركيا على داعش.", TUR, ISIS)
    assert d.typed() == {("strikes", "state:tur", "org:isis")}


def test_a_person_who_speaks_of_strikes_is_not_their_agent(lexicon: Lexicon) -> None:
    x = ("سامر خليل", "person:x")
    d = doc(lexicon, "وقال سامر خليل إن الضربات لا تقطع الطريق على داعش.", x, ISIS)
    assert not any(r[0] == "strikes" for r in d.typed())
    d = doc(lexicon, "وقالت تركيا إن الضربات على داعش مستمرة.", TUR, ISIS)  # a state speaking of its own
    assert ("strikes", "state:tur", "org:isis") in d.typed()


def test_tanks_with_a_nationality_and_activists_of_a_group(lexicon: Lexicon) -> None:
    d = doc(lexicon, "قالت تركيا إن دبابات تركية قصفت مواقع داعش.", TUR, ISIS)
    assert d.typed() == {("strikes", "state:tur", "org:isis")}
    d = doc(lexicon, "وشنت تركيا الضربات الجوية ضد ناشطي حزب العمال الكردستاني.", TUR,
            ("حزب العمال الكردستاني", "org:pkk"))
    assert d.typed() == {("strikes", "state:tur", "org:pkk")}


def test_a_denial_by_a_defective_verb_before_the_masdar(lexicon: Lexicon) -> None:
    # نفى → نفت (the final ى drops): the subject before the verb denies coordinating
    d = doc(lexicon, "وكانت واشنطن قد نفت التنسيق مع النظام السوري.", ("واشنطن", "state:usa"),
            ("النظام السوري", "state:syr"))
    rel = d.has("coordinates_with", "state:usa", "state:syr")
    assert rel is not None and rel.polarity == "negated"


def test_her_counterpart_is_the_one_met(lexicon: Lexicon) -> None:
    d = doc(lexicon, "والتقت وزيرة الخارجية سامر خليل نظيرها الروسي كمال يوسف.", ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.typed() == {("meets_with", "person:x", "person:y")}


def test_standing_up_to_a_group_with_lam_is_fighting(lexicon: Lexicon) -> None:
    for verb in ("وتصدت", "وتصدى"):
        d = doc(lexicon, f"{verb} القوات العراقية لداعش في الرمادي.", ("القوات العراقية", "state:irq"), ISIS)
        assert d.has("fights", "state:irq", "org:isis"), verb


def test_a_passive_support_participle_takes_its_agent_after_ba(lexicon: Lexicon) -> None:
    army = ("الجيش السوري", "state:syr")
    d = doc(lexicon, "وحاول الجيش السوري مدعوما بمقاتلي داعش اقتحام حلب.", army, ISIS, ("حلب", "loc:aleppo"))
    assert d.find("supports", "org:isis", "state:syr")


def test_the_feminine_of_a_defective_support_verb(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وحمت روسيا النظام السوري في مجلس الأمن.", RUS, ("النظام السوري", "state:syr"))
    assert d.typed() == {("supports", "state:rus", "state:syr")}


def test_a_leaders_regime_is_his_state(lexicon: Lexicon) -> None:
    assad = ("بشار الأسد", "person:assad")
    d = doc(lexicon, "تعاني سوريا. وتقاتل المعارضة السورية نظام بشار الأسد.", SYR, OPP, assad)
    assert ("fights", "org:opposition", "state:syr") in d.typed()
    assert not d.find("fights", "org:opposition", "person:assad")
    # without the state in the article the leader stands for it
    d = doc(lexicon, "وتقاتل المعارضة السورية نظام بشار الأسد.", OPP, assad)
    assert d.typed() == {("fights", "org:opposition", "person:assad")}


def test_a_relative_clause_after_a_governed_actor(lexicon: Lexicon) -> None:
    for text in ("وقال قادة في المعارضة السورية التي تقاتل داعش إن الوضع صعب.",
                 "وقال قادة في المعارضة السورية، التي تقاتل داعش، إن الوضع صعب.",
                 "ودعت إلى دعم المعارضة السورية التي تقاتل داعش."):
        d = doc(lexicon, text, OPP, ISIS)
        assert d.has("fights", "org:opposition", "org:isis"), text
    # a state after في is a place: the clause describes the noun before it
    d = doc(lexicon, "وهي القوة الرئيسية في شمال سوريا التي تقاتل داعش.", SYR, ISIS)
    assert d.typed() == set()


def test_crafts_with_a_nationality_before_a_light_verb(lexicon: Lexicon) -> None:
    d = doc(lexicon, "قالت تركيا إن مقاتلات تركية شنت أمس غارات على داعش.", TUR, ISIS)
    assert d.typed() == {("strikes", "state:tur", "org:isis")}


def test_lam_on_a_member_noun_after_a_site_is_a_genitive(lexicon: Lexicon) -> None:
    d = doc(lexicon, "شنت تركيا غارات على القواعد الخلفية لمقاتلي حزب العمال الكردستاني.", TUR,
            ("حزب العمال الكردستاني", "org:pkk"))
    assert d.typed() == {("strikes", "state:tur", "org:pkk")}


def test_a_manner_adverb_between_subject_and_object(lexicon: Lexicon) -> None:
    houthis = ("الحوثيون", "org:houthis")
    for adverb in ("بكثافة", "عشوائيا"):
        d = doc(lexicon, f"وقصف الحوثيون {adverb} مواقع داعش.", houthis, ISIS)
        assert d.typed() == {("strikes", "org:houthis", "org:isis")}, adverb


def test_sites_owned_by_an_actor_with_ba(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وشنت تركيا غارات على المقار العسكرية الخاصة بمسلحي داعش.", TUR, ISIS)
    assert d.typed() == {("strikes", "state:tur", "org:isis")}
    d = doc(lexicon, "وشنت تركيا غارات على مقار خاصة بداعش.", TUR, ISIS)
    assert d.typed() == {("strikes", "state:tur", "org:isis")}


def test_who_repels_an_attack_fights_the_attacker(lexicon: Lexicon) -> None:
    for text in ("وتمكنت المعارضة السورية من صد هجوم عنيف لداعش على المدينة.",
                 "وتمكنت المعارضة السورية من إحباط هجوم داعش على المدينة."):
        d = doc(lexicon, text, OPP, ISIS)
        assert d.typed() == {("fights", "org:isis", "org:opposition")}, text


def test_a_sports_story_has_no_fights_trainings_or_support(lexicon: Lexicon) -> None:
    # Three different sports words (a suffix counts as the same word: مدربا، مدربين) make a sports story.
    story = "وقال المدربون إن المعارضة السورية تواجه داعش في مباراة على ملعب حلب."
    d = doc(lexicon, story, OPP, ISIS, ("حلب", "loc:aleppo"))
    assert not [r for r in d.relations if r.type in ("fights", "strikes", "trains", "supports")]
    # Two are not enough: a war story may name a stadium and a match.
    war = "وقال شهود إن المعارضة السورية تواجه داعش قرب ملعب حلب بعد مباراة."
    d = doc(lexicon, war, OPP, ISIS, ("حلب", "loc:aleppo"))
    assert d.has("fights", "org:opposition", "org:isis")
    # two organizations that meet in a sports story play a match; people meeting still meet
    story = "وقال المدرب إن المعارضة السورية ستلتقي داعش في مباراة على ملعب حلب، والتقى سامر خليل كمال يوسف."
    d = doc(lexicon, story, OPP, ISIS, ("حلب", "loc:aleppo"), ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.has("meets_with", "org:opposition", "org:isis") is None
    assert d.has("meets_with", "person:x", "person:y")
    # "the meeting" with the article is the match: the players rested from it do not meet
    story = "وقال المدرب إن الفريق سيلعب مباراة على الملعب، وأراح اللاعبين سامر خليل وكمال يوسف عن اللقاء."
    d = doc(lexicon, story, ("سامر خليل", "person:x"), ("كمال يوسف", "person:y"))
    assert d.has("meets_with", "person:x", "person:y") is None


def test_a_state_named_with_its_government_or_form_of_state_is_a_list_item(lexicon: Lexicon) -> None:
    for second in ("وحكومة إيران", "وجمهورية إيران", "وحكومة جمهورية إيران"):
        d = doc(lexicon, f"وقعت اتفاقية للتعاون بين روسيا {second}.", RUS, IRN)
        assert d.has("coordinates_with", "state:rus", "state:irn"), second


def test_a_craft_or_the_strikes_with_a_nationality_after_the_verb_are_the_states(lexicon: Lexicon) -> None:
    text = "وقصفت طائرة أمريكية من دون طيار الاربعاء هدفا لداعش، بحسب الولايات المتحدة."
    d = doc(lexicon, text, ISIS, USA)
    assert d.find("strikes", "state:usa", "org:isis")
    text = "واستهدفت معظم الغارات التركية مواقع داعش، كما قالت تركيا."
    d = doc(lexicon, text, ISIS, TUR)
    assert d.find("strikes", "state:tur", "org:isis")


def test_the_antecedent_of_a_relative_clause_is_its_agent_whatever_governs_it(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وأشاد الوزير بمقاتلي المعارضة السورية الذين تمكنوا من طرد داعش من حلب.", OPP, ISIS,
            ("حلب", "loc:aleppo"))
    assert d.has("fights", "org:opposition", "org:isis")
    # a state read as a place is no antecedent of that kind
    d = doc(lexicon, "وقتل مدنيون في سوريا التي شهدت قتال داعش.", SYR, ISIS)
    assert d.has("fights", "state:syr", "org:isis") is None


def test_who_a_strike_killed_after_a_verb_of_result_was_hit(lexicon: Lexicon) -> None:
    text = "وأعلنت الوزارة أن غارة للتحالف الدولي فوق سوريا أدت في مطلع يوليو إلى مقتل سامر خليل."
    d = doc(lexicon, text, ("للتحالف الدولي", "org:coalition"), SYR, ("سامر خليل", "person:x"))
    assert d.find("strikes", "org:coalition", "person:x")
    d = doc(lexicon, "وشن التحالف الدولي غارة على حلب أسفرت عن مقتل 20 من عناصر داعش.",
            ("التحالف الدولي", "org:coalition"), ("حلب", "loc:aleppo"), ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")
    # one sortie, and a dual of members after تسبب ب
    d = doc(lexicon, "ونفذ التحالف الدولي طلعة جوية على حلب ما تسبب بمقتل عنصرين من داعش.",
            ("التحالف الدولي", "org:coalition"), ("حلب", "loc:aleppo"), ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")


def test_a_strike_noun_as_the_verbs_subject_takes_no_agent_from_far_left(lexicon: Lexicon) -> None:
    text = "وقصف الطيران محطة يملكها سامر خليل، واستهدف القصف أيضا موقعا لداعش."
    d = doc(lexicon, text, ("سامر خليل", "person:x"), ISIS)
    assert d.find("strikes", "person:x", "org:isis") is None


def test_the_noun_phone_is_no_call(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وعرض سامر خليل هاتف كمال يوسف الجديد.", ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.has("meets_with", "person:x", "person:y") is None
    d = doc(lexicon, "وهاتفت روسيا إيران أمس.", RUS, IRN)  # the verb with its ending still is
    assert d.has("meets_with", "state:rus", "state:irn")


def test_two_people_facing_each_other_is_a_contest_not_a_fight(lexicon: Lexicon) -> None:
    d = doc(lexicon, "مواجهة بين سامر خليل وكمال يوسف في الانتخابات.", ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.has("fights", "person:x", "person:y") is None
    d = doc(lexicon, "مواجهة بين المعارضة السورية وداعش في حلب.", OPP, ISIS, ("حلب", "loc:aleppo"))
    assert d.has("fights", "org:opposition", "org:isis")


def test_the_accused_gives_the_support_it_is_accused_of(lexicon: Lexicon) -> None:
    d = doc(lexicon, "واتهمت تركيا إيران بدعم الحوثيين.", TUR, IRN, ("الحوثيين", "org:houthis"))
    assert d.find("supports", "state:irn", "org:houthis")
    assert d.find("supports", "org:houthis", "state:irn") is None


def test_the_places_after_a_visit_verb_are_visited_not_visitors(lexicon: Lexicon) -> None:
    d = doc(lexicon, "ودان أوباما، أول رئيس يزور روسيا وإيران، القادة.", RUS, IRN)
    assert d.has("meets_with", "state:rus", "state:irn") is None


def test_a_pair_receiving_others_does_not_meet_each_other(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وتعد روسيا وإيران أكثر الدول استقبالا للمهاجرين.", RUS, IRN)
    assert d.has("meets_with", "state:rus", "state:irn") is None
    d = doc(lexicon, "وأجرت روسيا وإيران محادثات ليل الأربعاء.", RUS, IRN)  # ليل is no ل-object
    assert d.has("meets_with", "state:rus", "state:irn")


def test_places_visited_by_someone_unnamed_do_not_meet(lexicon: Lexicon) -> None:
    d = doc(lexicon, "الأجانب الذين يمكنهم زيارة سوريا وإيران.", SYR, IRN)
    assert d.has("meets_with", "state:syr", "state:irn") is None


def test_another_relations_verb_ends_the_object_search(lexicon: Lexicon) -> None:
    text = "وقصفت المعارضة السورية بلدات موالية بريف حلب وسيطر مقاتلون من المعارضة السورية وداعش على حاجز."
    d = doc(lexicon, text, OPP, ("حلب", "loc:aleppo"), OPP, ISIS)
    assert d.has("strikes", "org:opposition", "org:isis") is None
    # the same relation's verb after و still shares the object
    d = doc(lexicon, "قصفت المعارضة السورية واستهدفت مواقع داعش.", OPP, ISIS)
    assert d.has("strikes", "org:opposition", "org:isis")


def test_an_ally_noun_takes_its_partner_close_after_it(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وتعد روسيا حليفا رئيسيا لإيران في المنطقة.", RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.modality == "asserted"  # تعد: "is counted", not "promises"
    d = doc(lexicon, "وطمأنت روسيا الحلفاء بأن توقيع الاتفاق مع إيران لن يضرهم.", RUS, IRN)
    assert d.has("coordinates_with", "state:rus", "state:irn") is None


def test_allies_named_after_their_possessor(lexicon: Lexicon) -> None:
    # Any case and number of the possessive: حلفاؤه / حلفائه / حلفاءه, and the dual حلفاؤهما.
    for allies in ("وحلفاؤه", "وحلفاءه", "وحلفائه"):
        army = ("الجيش السوري", "state:syr")
        d = doc(lexicon, f"وقصف الجيش السوري {allies} من روسيا مدينة حلب.", army, RUS)
        assert d.has("coordinates_with", "state:syr", "state:rus"), allies
    # Unnamed allies of a pair relate the pair to nobody, nor to the one who speaks of them.
    speaker = ("سامر خليل", "person:x")
    d = doc(lexicon, "ودعا سامر خليل روسيا وتركيا وحلفاءهما إلى وقف القتال.", speaker, RUS, TUR)
    assert not [r for r in d.relations if r.type == "coordinates_with"]
    # the allies of a pair, named, are allies of both
    d = doc(lexicon, "وقاتلت روسيا وإيران وحلفاؤهما من داعش في حلب.", RUS, IRN, ISIS, ("حلب", "loc:aleppo"))
    assert d.has("coordinates_with", "state:rus", "org:isis")
    assert d.has("coordinates_with", "state:irn", "org:isis")


def test_allies_taking_a_place_together_coordinate(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وسيطرت المعارضة السورية وتركيا على المدينة.", OPP, TUR)
    assert d.typed() == {("coordinates_with", "org:opposition", "state:tur")}
    d = doc(lexicon, "واستعادت تركيا مع المعارضة السورية القرية.", TUR, OPP)
    assert d.has("coordinates_with", "state:tur", "org:opposition")
    # One actor alone, or who holds what now (imperfective), relates nobody.
    assert not doc(lexicon, "وسيطرت تركيا على المدينة التي يسكنها الأكراد.", TUR).typed()
    d = doc(lexicon, "تسيطر المعارضة السورية وداعش على أجزاء من المدينة.", OPP, ISIS)
    assert not d.typed()
    # The مع of a fight between (بعد اشتباكات عنيفة مع X) names the enemy, not a partner.
    for fight in ("اشتباكات", "اشتباكات عنيفة", "معارك ضارية"):
        d = doc(lexicon, f"وسيطرت المعارضة السورية، بعد {fight} مع داعش، على المدينة.", OPP, ISIS)
        assert d.has("fights", "org:opposition", "org:isis"), fight
        assert d.has("coordinates_with", "org:opposition", "org:isis") is None, fight


def test_coordinated_site_nouns_share_the_genitive(lexicon: Lexicon) -> None:
    army, nusra = ("الجيش السوري", "state:syr"), ("جبهة النصرة", "org:al_nusra")
    for sites in ("مواقع وتجمعات لجبهة النصرة", "مواقع ومقرات جبهة النصرة"):
        text = f"وقصف الجيش السوري {sites}."
        d = doc(lexicon, text, army, nusra)
        assert d.typed() == {("strikes", "state:syr", "org:al_nusra")}, text
    # after an actor, و + a site noun opens the next object of the list
    d = doc(lexicon, "وقصف الجيش السوري مواقع داعش ومقرات جبهة النصرة.", army, ISIS, nusra)
    assert d.typed() == {("strikes", "state:syr", "org:isis"), ("strikes", "state:syr", "org:al_nusra")}


def test_the_last_word_of_a_name_is_not_a_title_head(lexicon: Lexicon) -> None:
    # الدولي is a word of the title المبعوث الدولي, but here it ends the coalition's name
    d = doc(lexicon, "شن التحالف الدولي غارات على داعش.", ("التحالف الدولي", "org:coalition"), ISIS)
    assert d.typed() == {("strikes", "org:coalition", "org:isis")}


def test_a_word_that_qualifies_a_title_does_not_swallow_the_trigger_after_it(lexicon: Lexicon) -> None:
    # أول is a word of the title الفريق أول, but أول هجوم is "the first attack"
    d = doc(lexicon, "وكان أول هجوم لداعش على السعودية فاشلا.", ISIS, ("السعودية", "state:sau"))
    assert d.typed() == {("strikes", "org:isis", "state:sau")}
    d = doc(lexicon, "وقال وزير الدفاع السعودي إن الحوثيين يتراجعون.", ("السعودي", "state:sau", "adjective"),
            ("الحوثيين", "org:houthis"))
    assert d.typed() == set()  # الدفاع completes the title وزير الدفاع


def test_a_name_in_apposition_to_a_title_after_a_preposition_shares_its_preposition(lexicon: Lexicon) -> None:
    # للرئيس الروسي، فلاديمير بوتين: Putin is the one supported, not who expels ISIS
    d = doc(lexicon, "ونجحت المعارضة السورية الموالية للرئيس الروسي، فلاديمير بوتين، في طرد داعش من حلب.",
            ("المعارضة السورية", "org:opposition"), ("الروسي", "state:rus", "adjective"),
            ("فلاديمير بوتين", "person:putin"), ISIS, ("حلب", "loc:aleppo"))
    assert d.find("supports", "org:opposition", "person:putin") is not None
    assert d.has("fights", "org:opposition", "org:isis") is not None
    assert d.has("fights", "person:putin", "org:isis") is None
    # without a preposition the name after the comma is the subject
    d = doc(lexicon, "وكان في استقبال الرئيس الروسي، فلاديمير بوتين، وسامر خليل.",
            ("الروسي", "state:rus", "adjective"), ("فلاديمير بوتين", "person:putin"),
            ("سامر خليل", "person:x"))
    assert d.has("meets_with", "person:putin", "person:x") is None


def test_a_body_in_the_title_after_a_name_with_its_lineage_is_no_actor(lexicon: Lexicon) -> None:
    # the mention stops at سامر خليل; بن عبد العزيز still belongs to the name, so the body is in his title
    text = "ونيابة عن سامر خليل بن عبد العزيز رئيس المرصد السوري لحقوق الإنسان استقبل كمال يوسف الوفد."
    d = doc(lexicon, text, ("سامر خليل", "person:x"), ("المرصد السوري لحقوق الإنسان", "org:sohr"),
            ("كمال يوسف", "person:y"))
    assert d.has("meets_with", "org:sohr", "person:y") is None


def test_an_office_in_the_accusative_with_its_field_is_no_trigger(lexicon: Lexicon) -> None:
    # رئيسا لتحرير: editor-in-chief, not a liberation
    d = doc(lexicon, "عين سامر خليل رئيسا لتحرير صحيفة الحوثيين.", ("سامر خليل", "person:x"),
            ("الحوثيين", "org:houthis"))
    assert not {t for t in d.typed() if t[0] == "fights"}
    # a ل-masdar after an actor in the accusative still states the relation
    d = doc(lexicon, "أرسلت روسيا قوات لقتال داعش.", RUS, ISIS)
    fights = {t for t in d.typed() if t[0] == "fights"}
    assert fights & {("fights", "org:isis", "state:rus"), ("fights", "state:rus", "org:isis")}


def test_a_call_with_a_news_outlet_is_an_interview_not_a_meeting(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وأضاف سامر خليل في اتصال مع راديو سوا أن الوضع خطير.", ("سامر خليل", "person:x"),
            ("راديو سوا", "org:radio_sawa"))
    assert d.typed() == set()
    d = doc(lexicon, "وأضاف سامر خليل في اتصال مع كمال يوسف أن الوضع خطير.", ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.has("meets_with", "person:x", "person:y")


def test_a_sentence_opening_with_wa_and_a_bare_form_has_the_verb(lexicon: Lexicon) -> None:
    # طرد is both a past verb and its masdar; opening a sentence with و it is the verb (VSO).
    d = doc(lexicon, "وطرد الجيش العراقي مسلحي داعش من دير الزور.", ("الجيش العراقي", "state:irq"), ISIS,
            ("دير الزور", "loc:deir"))
    assert d.has("fights", "state:irq", "org:isis")


@pytest.mark.parametrize("sentence", [
    "واستهل جون كيري زيارته بلقاء سيرغي لافروف.",  # VSO; the visit is the verb's object
    "وكان جون كيري قد بدأ نهاره بلقاء سيرغي لافروف.",  # SVO
    "واختتم جون كيري جولته باجتماع مع سيرغي لافروف.",
])
def test_opening_a_visit_with_a_meeting_meets_its_genitive(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, ("جون كيري", "person:kerry"), ("سيرغي لافروف", "person:lavrov"))
    assert d.has("meets_with", "person:kerry", "person:lavrov") is not None, sentence


def test_praising_a_meeting_is_no_meeting_of_the_praiser(lexicon: Lexicon) -> None:
    d = doc(lexicon, "أشاد جون كيري بلقاء سيرغي لافروف.", ("جون كيري", "person:kerry"),
            ("سيرغي لافروف", "person:lavrov"))
    assert d.has("meets_with", "person:kerry", "person:lavrov") is None


def test_a_reception_is_a_meeting(lexicon: Lexicon) -> None:
    # The host's pronoun on the masdar, the guest its object; a final hamza (لقاء → لقائه) still matches.
    for noun in ("استقباله", "لقائه"):
        d = doc(lexicon, f"وأكد جون كيري خلال {noun} سيرغي لافروف في جنيف أهمية الحل.", KERRY, LAVROV)
        assert d.typed() == {("meets_with", "person:kerry", "person:lavrov")}, noun
    d = doc(lexicon, "وجرى ذلك خلال استقبال جون كيري لسيرغي لافروف في جنيف.", KERRY, LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    # Receiving wounded people or refugees is no meeting.
    d = doc(lexicon, "ووافقت تركيا على استقبال الجرحى من سوريا.", TUR, SYR)
    assert not [r for r in d.relations if r.type == "meets_with"]


def test_a_counterpart_is_met_by_the_person_before(lexicon: Lexicon) -> None:
    # نظيره: the host is the person of the same office, not the actor nearest the trigger.
    text = "وقال جون كيري إن بلاده ستواصل محاربة داعش خلال لقاء مع نظيره الروسي سيرغي لافروف."
    d = doc(lexicon, text, KERRY, ISIS, LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    assert not d.has("meets_with", "org:isis", "person:lavrov")


def test_his_country_is_the_state_of_the_last_person_who_has_one(lexicon: Lexicon) -> None:
    x, y = ("سامر خليل", "person:x"), ("كمال يوسف", "person:y")
    opp = ("للمعارضة السورية", "org:opposition")
    text = "تدعم الولايات المتحدة الحل. والتقى جون كيري سامر خليل وأكد دعم بلاده للمعارضة السورية."
    d = doc(lexicon, text, USA, KERRY, x, opp)
    assert d.find("supports", "state:usa", "org:opposition")
    assert not d.find("supports", "person:x", "org:opposition")
    # Nobody named has a state: the support is someone's the sentence does not name.
    d = doc(lexicon, "والتقى سامر خليل كمال يوسف وأكد دعم بلاده للمعارضة السورية.", x, y, opp)
    assert not any(r.type == "supports" for r in d.relations)


def test_a_phone_call_and_base_access_in_their_singular_and_quantified_forms(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وجرت محادثة هاتفية بين جون كيري ونظيره الروسي سيرغي لافروف.", KERRY, LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    d = doc(lexicon, "وسمحت تركيا لفرنسا باستخدام العديد من القواعد الجوية.", TUR, FRA)
    assert d.has("coordinates_with", "state:tur", "state:fra")


def test_a_host_receives_a_guest_after_the_venue_and_time(lexicon: Lexicon) -> None:
    for venue in ("في قصر السلام أمس", "في مكتبه بقصر اليمامة اليوم،", "اليوم في حلب معالي"):
        marks = [KERRY, ("حلب", "loc:aleppo"), LAVROV] if "حلب" in venue else [KERRY, LAVROV]
        d = doc(lexicon, f"استقبل جون كيري {venue} وزير الخارجية سيرغي لافروف.", *marks)
        assert d.has("meets_with", "person:kerry", "person:lavrov"), venue
    # The host's titles may come first, and commas may set off a time.
    text = "التقى جون كيري وزير الخارجية الأمريكي في مكتبه، مساء أمس، سيرغي لافروف."
    assert doc(lexicon, text, KERRY, LAVROV).has("meets_with", "person:kerry", "person:lavrov")
    # A comma inside the gap ends the clause.
    d = doc(lexicon, "استقبل جون كيري في قصره، وقال إن سيرغي لافروف سيزور البلاد.", KERRY, LAVROV)
    assert not d.find("meets_with", "person:kerry", "person:lavrov")


def test_a_place_phrase_may_stand_between_a_verb_and_its_object(lexicon: Lexicon) -> None:
    d = doc(lexicon, "والتقى جون كيري في حلب سيرغي لافروف.", KERRY, ("حلب", "loc:aleppo"), LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    d = doc(lexicon, "وكانت تركيا قد هاجمت مرارا مواقع لداعش.", TUR, ISIS)
    assert d.has("strikes", "state:tur", "org:isis")


def test_support_against_an_actor_is_not_support_for_it(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وقال إن سوريا تدعم أي جهود للتصدي لداعش.", SYR, ISIS)
    assert not d.find("supports", "state:syr", "org:isis")
    d = doc(lexicon, "وقال إن إيران تقدم دعما عسكريا للحوثيين في اليمن.", IRN, ("حوثيين", "org:houthis"))
    assert d.find("supports", "state:irn", "org:houthis")


def test_planes_in_a_support_masdar_are_its_agent(lexicon: Lexicon) -> None:
    # طائرات is a site noun for strikes (قصف طائرات داعش: the planes are hit); in a support masdar the
    # planes help.
    d = doc(lexicon, "قتل مقاتلو جبهة النصرة خلال مساندة طائرات التحالف الدولي لعناصر المعارضة السورية.",
            ("جبهة النصرة", "org:al_nusra"), ("التحالف الدولي", "org:coalition"), OPP)
    assert d.find("supports", "org:coalition", "org:opposition")
    assert not d.find("supports", "org:al_nusra", "org:coalition")


def test_a_masdar_of_an_unnamed_titled_person_is_not_the_speakers(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وقال الباحث سامر خليل إن زيارة ولي العهد السعودي لقطر عززت العلاقات.",
            ("سامر خليل", "person:x"), ("قطر", "state:qat"))
    assert not d.find("meets_with", "person:x", "state:qat")
    d = doc(lexicon, "وقال سامر خليل إن زيارة الرئيس الروسي فلاديمير بوتين لقطر عززت العلاقات.",
            ("سامر خليل", "person:x"), ("فلاديمير بوتين", "person:putin"), ("قطر", "state:qat"))
    assert d.find("meets_with", "person:putin", "state:qat")


def test_support_a_verb_praises_is_given_by_its_genitive(lexicon: Lexicon) -> None:
    # أشاد بـ: the ب is the verb's; the praiser is not the supported one.
    d = doc(lexicon, "وأشاد سامر خليل بدعم السعودية على مدى السنوات الماضية.",
            ("سامر خليل", "person:x"), ("السعودية", "state:sau"))
    assert not [r for r in d.relations if r.type == "supports"]
    # بدعم X with no verb before: "with X's support", the one before is supported.
    d = doc(lexicon, "تقدمت المعارضة السورية بدعم السعودية نحو المدينة.", OPP, ("السعودية", "state:sau"))
    assert d.find("supports", "state:sau", "org:opposition")


def test_the_states_a_person_visits_do_not_meet_each_other(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وزار جون كيري قطر والسعودية الأسبوع الماضي.", KERRY, ("قطر", "state:qat"),
            ("السعودية", "state:sau"))
    assert d.has("meets_with", "person:kerry", "state:qat")
    assert d.has("meets_with", "person:kerry", "state:sau")
    assert not d.has("meets_with", "state:qat", "state:sau")
    d = doc(lexicon, "والتقى جون كيري سيرغي لافروف وفرانسوا هولاند في باريس.", KERRY, LAVROV,
            ("فرانسوا هولاند", "person:hollande"))
    assert d.has("meets_with", "person:lavrov", "person:hollande")  # people at one meeting all meet


def test_support_a_decision_or_a_request_takes(lexicon: Lexicon) -> None:
    # قرار لـX بدعم Y: X decides to support Y (not the speaker before)
    d = doc(lexicon, "وجاءت تصريحات سامر خليل ردا على قرار لروسيا بدعم المعارضة السورية.",
            ("سامر خليل", "person:x"), RUS, OPP)
    assert d.find("supports", "state:rus", "org:opposition")
    assert not d.find("supports", "person:x", "org:opposition")
    # طالب X بدعم Y: X asks someone else
    d = doc(lexicon, "وطالب سامر خليل بدعم المعارضة السورية.", ("سامر خليل", "person:x"), OPP)
    assert not [r for r in d.relations if r.type == "supports"]


# ---------------------------------------------------------------------- polarity
@pytest.mark.parametrize("sentence", [
    "لم تقصف روسيا مواقع داعش.",
    "لن تقصف روسيا مواقع داعش.",
    "روسيا لا تقصف مواقع داعش.",
    "نفت روسيا أنها قصفت مواقع داعش.",
    "ينفي المسؤولون أن روسيا قصفت مواقع داعش.",
    "وأكد نفي روسيا قصف مواقع داعش.",
])
def test_negation_cues(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, RUS, ISIS)
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "negated", sentence


@pytest.mark.parametrize("sentence", [
    "ليس هناك تنسيق بين روسيا وإيران.",
    "لا يوجد أي تعاون بين روسيا وإيران.",
    "رفضت روسيا التعاون مع إيران.",
    "تم ذلك دون تنسيق بين روسيا وإيران.",
    "أكد المسؤول عدم التنسيق بين روسيا وإيران.",
])
def test_negation_of_cooperation(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.polarity == "negated", sentence


def test_not_negations(lexicon: Lexicon) -> None:
    # عدم التعارض (deconfliction) is a term: the negation does not reach the trigger.
    d = doc(lexicon, "نسقت روسيا مع إيران لضمان عدم التعارض.", RUS, IRN)
    assert d.has("coordinates_with", "state:rus", "state:irn").polarity == "asserted"  # type: ignore[union-attr]
    # لا سيما / لا تزال do not negate; a refused strike is still a strike.
    d = doc(lexicon, "لا تزال روسيا تقصف مواقع داعش.", RUS, ISIS)
    assert d.find("strikes", "state:rus", "org:isis").polarity == "asserted"  # type: ignore[union-attr]
    # لم ... إلا: "only", not "never".
    d = doc(lexicon, "لم تقدم الولايات المتحدة دعما إلا للمعارضة السورية.", USA,
            ("للمعارضة السورية", "org:opposition"))
    r = d.find("supports", "state:usa", "org:opposition")
    assert r is not None and r.polarity == "asserted"


@pytest.mark.parametrize("sentence", [
    "لم تكن روسيا تقصف مواقع داعش فحسب، لكن أيضا مواقع المعارضة.",  # not only ... but also
    "لم تتردد روسيا في قصف مواقع داعش.",  # did not hesitate
    "ولم تتوان روسيا عن قصف مواقع داعش.",
    "ليس فقط قصفت روسيا مواقع داعش.",
    "ولن تألو روسيا جهدا في قصف مواقع داعش.",  # will spare no effort
])
def test_negated_hesitation_and_not_only_are_assertions(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, RUS, ISIS)
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "asserted", sentence


def test_only_after_the_contrast_is_no_not_only(lexicon: Lexicon) -> None:
    d = doc(lexicon, "لم تقصف روسيا داعش، بل قصفت المعارضة السورية فحسب.", RUS, ISIS, OPP)
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "negated"


def test_too_weak_to_negates(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وأعتقد أن روسيا أجبن من أن تقوم بمهاجمة داعش.", RUS, ISIS)
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "negated"
    d = doc(lexicon, "وما يدفع روسيا لمهاجمة داعش هو الخوف.", RUS, ISIS)  # the masdar of هاجم
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "asserted"


def test_paving_the_way_for_an_attack_names_no_attacker(lexicon: Lexicon) -> None:
    for text in ("ومهدت روسيا الطريق لمحاربة داعش.", "ومهدت روسيا الطريق أيضا لمحاربة داعش."):
        d = doc(lexicon, text, RUS, ISIS)
        assert d.has("fights", "state:rus", "org:isis") is None, text


def test_a_negated_prevention_or_participation_does_not_negate_the_event(lexicon: Lexicon) -> None:
    d = doc(lexicon, "ولم تفعل روسيا شيئا لمنع هجمات داعش على المعارضة السورية.", RUS, ISIS, OPP)
    r = d.find("strikes", "org:isis", "org:opposition")
    assert r is not None and r.polarity == "asserted"
    d = doc(lexicon, "ولم تشارك روسيا في المواجهات بين داعش والمعارضة السورية.", RUS, ISIS, OPP)
    r = d.has("fights", "org:isis", "org:opposition")
    assert r is not None and r.polarity == "asserted"
    # but the subject's own part is denied
    d = doc(lexicon, "ولم تشارك روسيا في الغارات على داعش.", RUS, ISIS)
    r = d.find("strikes", "state:rus", "org:isis")
    assert r is not None and r.polarity == "negated"


def test_a_negated_neglect_asserts_the_cooperation(lexicon: Lexicon) -> None:
    d = doc(lexicon, "ولم يغفل البيان تعزيز التعاون بين روسيا وإيران.", RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.polarity == "asserted"


def test_negation_scoped_to_its_clause(lexicon: Lexicon) -> None:
    d = doc(lexicon, "لم يعلق المسؤول، فيما قصفت روسيا مواقع داعش.", RUS, ISIS)
    assert d.find("strikes", "state:rus", "org:isis").polarity == "asserted"  # type: ignore[union-attr]


# ---------------------------------------------------------------------- modality
@pytest.mark.parametrize("sentence", [
    "سوف تنسق روسيا مع إيران.",
    "ستنسق روسيا مع إيران.",
    "تعتزم روسيا التنسيق مع إيران.",
    "يخطط المسؤولون لتعاون بين روسيا وإيران.",
    "روسيا بصدد التنسيق مع إيران.",
    "التعاون بين روسيا وإيران قيد الدرس.",
    "تسعى روسيا إلى التنسيق مع إيران.",
    "اقترحت روسيا التعاون مع إيران.",
    "روسيا مستعدة للتعاون مع إيران.",
    "من المقرر أن تنسق روسيا مع إيران.",
    "من المتوقع أن تتعاون روسيا مع إيران.",
    "تنوي روسيا التعاون مع إيران.",
    "وضعت روسيا خطة للتعاون مع إيران.",
    "تحدثت الصحيفة عن إمكان التعاون بين روسيا وإيران.",
    "كانت روسيا عازمة على التعاون مع إيران.",
    "أرسلت روسيا قواتها للقيام بعمليات مشتركة مع إيران.",
])
def test_planned_cues(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.modality == "planned" and r.polarity == "asserted", sentence


def test_a_future_time_in_a_later_reported_clause_is_not_the_relations(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وحول التعاون بين روسيا وإيران قال المسؤول إن المشروعات القادمة كثيرة.", RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.modality == "asserted"


@pytest.mark.parametrize("sentence", [
    "قالت مصادر إن روسيا نسقت مع إيران.",
    "أفادت مصادر مطلعة بأن روسيا نسقت مع إيران.",
    "نسقت روسيا مع إيران بحسب مصادر عسكرية.",
    "ذكرت تقارير أن روسيا نسقت مع إيران.",
    "نقلا عن مصدر دبلوماسي، نسقت روسيا مع إيران.",
    "قال مسؤول طلب عدم ذكر اسمه إن روسيا نسقت مع إيران.",
])
def test_reported_cues(lexicon: Lexicon, sentence: str) -> None:
    d = doc(lexicon, sentence, RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.modality == "reported" and r.polarity == "asserted", sentence


def test_a_former_leader_may_fight_his_own_state(lexicon: Lexicon) -> None:
    yem, saleh = ("القوات اليمنية", "state:yem"), ("علي عبد الله صالح", "person:saleh")
    d = doc(lexicon, "وقاتلت القوات اليمنية قوات الرئيس السابق علي عبد الله صالح.", yem, saleh)
    assert d.has("fights", "state:yem", "person:saleh")
    # Not called former, he is his state, not a party against it.
    d = doc(lexicon, "وقاتلت القوات اليمنية قوات الرئيس علي عبد الله صالح.", yem, saleh)
    assert not d.has("fights", "state:yem", "person:saleh")


def test_a_relative_clause_in_reported_speech_is_a_known_fact(lexicon: Lexicon) -> None:
    d = doc(lexicon, "قال مسؤولون إن المعارضة السورية التي دربتها الولايات المتحدة تقدمت.", OPP, USA)
    r = d.has("trains", "state:usa", "org:opposition")
    assert r is not None and r.modality == "asserted"
    d = doc(lexicon, "قال مسؤولون إن الولايات المتحدة دربت المعارضة السورية.", USA, OPP)
    r = d.has("trains", "state:usa", "org:opposition")
    assert r is not None and r.modality == "reported"


# ---------------------------------------------------------------------- attribution, evidence, merging
@pytest.mark.parametrize("verb", ["قال", "أكد", "أعلن", "أوضح", "أضاف"])
def test_attribution_to_the_speaker(lexicon: Lexicon, verb: str) -> None:
    text = f"{verb} فلاديمير بوتين إن روسيا تنسق مع إيران."
    d = doc(lexicon, text, ("فلاديمير بوتين", "person:putin"), RUS, IRN)
    r = d.has("coordinates_with", "state:rus", "state:irn")
    assert r is not None and r.attributed_to is not None and d.names[r.attributed_to] == "person:putin"
    assert r.modality == "asserted"


def test_evidence_offsets_and_merging(lexicon: Lexicon) -> None:
    text = "قصفت روسيا مواقع داعش.\nوفي اليوم التالي، شنت روسيا غارات جديدة على داعش."
    d = doc(lexicon, text, RUS, ISIS, RUS,
            ISIS)
    strikes = [r for r in d.relations if r.type == "strikes"]
    assert len(strikes) == 1 and len(strikes[0].evidence) == 2
    for ev in strikes[0].evidence:
        assert text[ev.start : ev.end] == ev.text and ev.article_id == "art1"
        assert ev.trigger is not None and text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
    assert [e.trigger.text for e in strikes[0].evidence] == ["قصفت", "غارات"]  # type: ignore[union-attr]


def test_trigger_span_without_proclitics(lexicon: Lexicon) -> None:
    text = "وبالتنسيق مع إيران، قصفت روسيا مواقع داعش."
    d = doc(lexicon, text, IRN, RUS, ISIS)
    for r in d.relations:
        for ev in r.evidence:
            if ev.trigger is not None:
                assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text


# ---------------------------------------------------------------------- affiliation and location
def test_affiliations(lexicon: Lexicon) -> None:
    # From Entity.affiliation (the NER's title adjective or the lexicon) when the state is named.
    d = doc(lexicon, "قال وزير الخارجية الأميركي جون كيري إن الحل سياسي.",
            ("الأميركي", "state:usa", "adjective"), KERRY)
    assert d.find("affiliated_with", "person:kerry", "state:usa")
    d = doc(lexicon, "وقال سامر خليل، المتحدث باسم جبهة النصرة، إن الهجوم فشل.", ("سامر خليل", "person:x"),
            ("جبهة النصرة", "org:al_nusra"))
    assert d.find("affiliated_with", "person:x", "org:al_nusra")
    d = doc(lexicon, "قتل القيادي في تنظيم القاعدة كمال يوسف.", ("تنظيم القاعدة", "org:al_qaeda"),
            ("كمال يوسف", "person:y"))
    assert d.typed() == {("affiliated_with", "person:y", "org:al_qaeda")}
    d = doc(lexicon, "ظهر سامر خليل زعيم تنظيم القاعدة في تسجيل.", ("سامر خليل", "person:x"),
            ("تنظيم القاعدة", "org:al_qaeda"))
    assert d.find("affiliated_with", "person:x", "org:al_qaeda")


def test_a_name_with_a_proclitic_is_not_the_name_of_the_title_before_it(lexicon: Lexicon) -> None:
    # بكمال يوسف is the object of "with", so روسيا belongs to the title of سامر خليل before it.
    d = doc(lexicon, "يجتمع سامر خليل وزير خارجية روسيا بكمال يوسف وزير خارجية العراق.",
            ("سامر خليل", "person:x"), RUS, ("كمال يوسف", "person:y"), IRQ)
    assert d.find("affiliated_with", "person:x", "state:rus")
    assert d.find("affiliated_with", "person:y", "state:irq")
    assert not d.find("affiliated_with", "person:y", "state:rus")
    # وسامر خليل is a new item of the list, not the minister of Iraq.
    d = doc(lexicon, "حضر الاجتماع وزير خارجية العراق وسامر خليل.", IRQ, ("سامر خليل", "person:x"))
    assert not d.find("affiliated_with", "person:x", "state:irq")
    d = doc(lexicon, "حضر الاجتماع وزير خارجية العراق سامر خليل.", IRQ, ("سامر خليل", "person:x"))
    assert d.find("affiliated_with", "person:x", "state:irq")


def test_a_title_after_a_person_and_before_another_is_the_others(lexicon: Lexicon) -> None:
    # بنائب رئيس الوزراء ووزير خارجية قطر، الشيخ كمال يوسف: the comma and a title before the next person.
    text = "التقى سامر خليل، بنائب رئيس الوزراء ووزير خارجية قطر، الشيخ كمال يوسف."
    d = doc(lexicon, text, ("سامر خليل", "person:x"), ("قطر", "state:qat"), ("كمال يوسف", "person:y"))
    assert not d.find("affiliated_with", "person:x", "state:qat")
    qatar = ("قطر", "state:qat")
    d = doc(lexicon, "التقى سامر خليل، وزير خارجية قطر، بالوفد.", ("سامر خليل", "person:x"), qatar)
    assert d.find("affiliated_with", "person:x", "state:qat")
    # the person after a titled state with an office of his own is not the one in that title
    d = doc(lexicon, "واستقبل أمير قطر الوزير سامر خليل.", qatar, ("سامر خليل", "person:x"))
    assert not d.find("affiliated_with", "person:x", "state:qat")
    d = doc(lexicon, "واستقبل أمير قطر الشيخ سامر خليل الوزير.", qatar, ("سامر خليل", "person:x"))
    assert d.find("affiliated_with", "person:x", "state:qat")  # an honorific keeps it
    # a titled state before و + title + name: the next person of a list is not in that title
    d = doc(lexicon, "وحضر ولي عهد قطر والأمير سامر خليل.", qatar, ("سامر خليل", "person:x"))
    assert not d.find("affiliated_with", "person:x", "state:qat")
    # a posting: the state after في or ل is where the person serves
    d = doc(lexicon, "وقال سامر خليل السفير السابق في قطر إن الاتفاق سيئ.", ("سامر خليل", "person:x"), qatar)
    assert not d.find("affiliated_with", "person:x", "state:qat")
    d = doc(lexicon, "وقال المبعوث الخاص لقطر سامر خليل إن الاتفاق قريب.", qatar, ("سامر خليل", "person:x"))
    assert not d.find("affiliated_with", "person:x", "state:qat")
    d = doc(lexicon, "والتقى سفير قطر لدى روسيا سامر خليل بالوزير.", qatar, RUS, ("سامر خليل", "person:x"))
    assert not d.find("affiliated_with", "person:x", "state:rus")
    # a plural title after a person names other people
    d = doc(lexicon, "واستقبل سامر خليل أمس وزراء خارجية قطر.", ("سامر خليل", "person:x"), qatar)
    assert not d.find("affiliated_with", "person:x", "state:qat")
    # after و the title opens the next person of a list, named or not
    for text in ("بدأ الوزير نهاره بلقاء سامر خليل وأمير قطر.", "بمشاركة سامر خليل، ووزير خارجية قطر."):
        d = doc(lexicon, text, ("سامر خليل", "person:x"), qatar)
        assert not d.find("affiliated_with", "person:x", "state:qat"), text


def test_located_in(lexicon: Lexicon) -> None:
    d = doc(lexicon, "هبطت الطائرة في قاعدة العديد في قطر.", ("قاعدة العديد", "base:udeid"),
            ("قطر", "state:qat"))
    assert d.typed() == {("located_in", "base:udeid", "state:qat")}
    d = doc(lexicon, "قصف معسكر قرب دير الزور بشرق سوريا.", ("دير الزور", "loc:deir"), SYR)
    assert d.find("located_in", "loc:deir", "state:syr")
    d = doc(lexicon, "سقطت قذيفة على حي الميسر في حلب.", ("الميسر", "loc:maysar"), ("حلب", "loc:aleppo"))
    assert d.find("located_in", "loc:maysar", "loc:aleppo")
    d = doc(lexicon, "وصل الوفد إلى اليمن، ثم زار عدن اليمنية.", ("اليمن", "state:yem"), ("عدن", "loc:aden"))
    assert d.find("located_in", "loc:aden", "state:yem")
    # Two places joined by و are not one inside the other.
    d = doc(lexicon, "قصف حي في حلب وقرية في تعز.", ("حلب", "loc:aleppo"), ("تعز", "loc:taiz"))
    assert not d.typed()
    # A road that links two places puts neither in the other.
    for linked in ("الطريق الذي يربط عدن بمحافظة تعز", "الطريق الرابط عدن بمحافظة تعز"):
        d = doc(lexicon, f"سيطرت القوات على {linked}.", ("عدن", "loc:aden"), ("تعز", "loc:taiz"))
        assert not d.find("located_in", "loc:aden", "loc:taiz")
    d = doc(lexicon, "سيطرت القوات على مدينة عدن بمحافظة تعز.", ("عدن", "loc:aden"), ("تعز", "loc:taiz"))
    assert d.find("located_in", "loc:aden", "loc:taiz")


def test_members_listed_after_a_counted_group(lexicon: Lexicon) -> None:
    d = doc(lexicon, "قتل 40 من عناصر داعش بينهم سامر خليل وكمال يوسف.", ISIS, ("سامر خليل", "person:x"),
            ("كمال يوسف", "person:y"))
    assert d.find("affiliated_with", "person:x", "org:isis")
    assert d.find("affiliated_with", "person:y", "org:isis")


def test_places_closed_by_a_final_container(lexicon: Lexicon) -> None:
    d = doc(lexicon, "تقدمت القوات في حي الميسر وحي آخر قرب حلب، في سوريا.", ("الميسر", "loc:maysar"),
            ("حلب", "loc:aleppo"), SYR)
    assert d.find("located_in", "loc:maysar", "state:syr")


# ---------------------------------------------------------------------- no relation, co-mentions
@pytest.mark.parametrize("sentence,marks", [
    ("زار فرانسوا هولاند سوريا قبل الحرب ثم عاد.", None),  # a visit to a state: meets - checked below
    ("أقيم معسكر تدريب للمعارضة السورية في تركيا.", [("للمعارضة السورية", "org:opposition"),
                                                  TUR]),
    ("قال المسؤول في روسيا إن خطة مواجهة الطوارئ جاهزة في إيران.", [RUS,
                                                                    IRN]),
    ("شاركت روسيا وإيران في مؤتمر عن الاقتصاد.", [RUS, IRN]),
    ("التقى المسؤولون في روسيا بعد عودتهم من إيران.", [RUS, IRN]),
    # ل + a past-tense form is a verbal noun (لضرب), and "ضرب روسيا" names the one hit, not a striker.
    ("يستخدم النفط لضرب روسيا وإيران أو تقويض دور الولايات المتحدة.", [RUS, IRN, USA]),
    # Places after a direction word are places: وسط اليمن is not the supporter.
    ("توجهت العربات إلى تعز، وسط اليمن، لدعم الحوثيين.", [("اليمن", "state:yem"),
                                                     ("الحوثيين", "org:houthis")]),
    # A relative clause ends the search for a subject: the supporter is not the actor before it.
    ("انسحب الحوثيين الذين يواجهون عملية عسكرية تجري بدعم من التحالف الدولي.",
     [("الحوثيين", "org:houthis"), ("التحالف الدولي", "org:coalition")]),
])
def test_sentences_without_typed_relation(lexicon: Lexicon, sentence: str,
                                          marks: list[tuple[str, str]] | None) -> None:
    if marks is None:
        d = doc(lexicon, sentence, ("فرانسوا هولاند", "person:hollande"), SYR)
        assert d.typed() == {("meets_with", "person:hollande", "state:syr")} or d.typed() == {
            ("meets_with", "state:syr", "person:hollande")}
        return
    d = doc(lexicon, sentence, *marks)
    assert d.typed() == set(), sentence


@pytest.mark.parametrize("site", ["موقع", "معسكرا"])
def test_a_place_named_for_its_activity_after_lam_is_no_relation(lexicon: Lexicon, site: str) -> None:
    # موقع للتدريب: a training site is nobody training anyone (also with tanween).
    text = f"وتبنى داعش إطلاق قذيفتي هاون على {site} للتدريب تابع للمعارضة السورية."
    d = doc(lexicon, text, ISIS, ("للمعارضة السورية", "org:opposition"))
    assert not any(r.type == "trains" for r in d.relations)


def test_a_war_that_is_the_topic_of_a_discussion_is_not_the_discussers(lexicon: Lexicon) -> None:
    d = doc(lexicon, "ومن المقرر أن يبحث سيرغي لافروف الوضع في سوريا والحرب على داعش.", LAVROV, SYR, ISIS)
    assert not any(r.type == "fights" for r in d.relations)
    # The adjective still names who strikes.
    russian = ("الروسية", "state:rus", "adjective")
    d = doc(lexicon, "وبحث سيرغي لافروف الغارات الروسية على داعش.", LAVROV, russian, ISIS)
    assert d.find("strikes", "state:rus", "org:isis")


def test_a_long_topic_may_stand_between_a_discussion_verb_and_its_partner(lexicon: Lexicon) -> None:
    text = "ويبحث سيرغي لافروف الوضع في سوريا والحرب على داعش مع نظيره جون كيري."
    d = doc(lexicon, text, LAVROV, SYR, ISIS, KERRY)
    assert d.has("meets_with", "person:lavrov", "person:kerry")
    # The topic's own مع: the border with Syria is no partner.
    d = doc(lexicon, "وتبحث تركيا تنفيذ إجراءات جديدة لتعزيز أمنها على الحدود مع سوريا.", TUR, SYR)
    assert not d.has("meets_with", "state:tur", "state:syr")


def test_the_place_freed_is_not_the_enemy(lexicon: Lexicon) -> None:
    d = doc(lexicon, "أعلن جون كيري تحرير العراق.", KERRY, IRQ)
    assert not any(r.type == "fights" for r in d.relations)
    forces = ("القوات التركية", "state:tur")
    d = doc(lexicon, "نجحت القوات التركية في تحرير العراق من داعش.", forces, IRQ, ISIS)
    assert {r.type for r in d.relations if r.type != "co_mentioned"} == {"fights"}
    assert d.has("fights", "state:tur", "org:isis")


def test_a_site_belonging_to_an_actor_in_the_accusative_is_hit(lexicon: Lexicon) -> None:
    d = doc(lexicon, "وقصفت الطائرات الروسية معسكرا تابعا لداعش.", ("الطائرات الروسية", "state:rus"),
            ("لداعش", "org:isis"))
    assert d.typed() == {("strikes", "state:rus", "org:isis")}


def test_co_mentions_and_no_self_relations(lexicon: Lexicon) -> None:
    d = doc(lexicon, "شاركت روسيا وإيران في مؤتمر عن الاقتصاد.", RUS, IRN)
    co = [r for r in d.relations if r.type == "co_mentioned"]
    assert len(co) == 1 and d.names[co[0].source] < d.names[co[0].target]
    # A person and their own state are one party, not two.
    d = doc(lexicon, "التقى جون كيري بمسؤولين في الولايات المتحدة.", KERRY, USA)
    assert not d.has("meets_with", "person:kerry", "state:usa")
    # A pair with a typed relation is not also co-mentioned; an actor never relates to itself.
    d = doc(lexicon, "نسقت روسيا مع إيران. وأكدت روسيا وإيران ذلك.", RUS, IRN,
            RUS, IRN)
    assert [r.type for r in d.relations] == ["coordinates_with"]
    assert all(r.source != r.target for r in d.relations)


# ---------------------------------------------------------------------- the whole pipeline
def test_pipeline_end_to_end() -> None:
    from arabic_kg.pipeline import extract_text

    text = "شنت فرنسا غارات على مواقع داعش في سوريا. وبحث جون كيري مع سيرغي لافروف الأزمة."
    result = extract_text(text)
    labels = {e.id: e.canonical_id for e in result.entities}
    typed = {(r.type, labels[r.source], labels[r.target]) for r in result.relations
             if r.type != "co_mentioned"}
    assert any(t == "strikes" and s.endswith("fra") for t, s, _ in typed)
    assert any(t == "meets_with" for t, _, _ in typed)
    for r in result.relations:
        for ev in r.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_a_capital_named_as_a_city_is_in_its_state() -> None:
    from arabic_kg.pipeline import extract_text

    result = extract_text("وتعد عدن أكبر مدن الجنوب في اليمن، ثاني أكبر مدينة في البلاد بعد العاصمة صنعاء.")
    labels = {e.id: e.canonical_id for e in result.entities}
    typed = {(r.type, labels[r.source], labels[r.target]) for r in result.relations}
    assert ("located_in", "loc:sanaa", "state:yem") in typed


def test_a_titled_person_whose_name_contains_the_adjective_is_affiliated() -> None:
    from arabic_kg.pipeline import extract_text

    # كيني is inside كينياتا, but as a word of the name, not the name of the state
    result = extract_text("والتقى الرئيس الكيني أوهورو كينياتا بالوزير.")
    labels = {e.id: e.canonical_id for e in result.entities}
    typed = {(r.type, labels[r.source], labels[r.target]) for r in result.relations}
    assert any(t == "affiliated_with" and s.startswith("unk:person:") and o == "state:ken"
               for t, s, o in typed)
    # an organ named with its body's name is the body itself: no affiliation
    result = extract_text("وقالت الجمعية العامة للأمم المتحدة إن الأمم المتحدة مستعدة.")
    assert not [r for r in result.relations if r.type == "affiliated_with"]


def test_clashing_with_is_fighting_and_the_sides_of_a_between_list(lexicon: Lexicon) -> None:
    # اشتبك مع X: against X (unlike قاتل مع X, alongside X).
    d = doc(lexicon, "اشتبكت القوات العراقية مع داعش في دير الزور.", ("القوات العراقية", "state:irq"), ISIS,
            ("دير الزور", "loc:deir"))
    assert d.has("fights", "state:irq", "org:isis")
    # بين X وY من جهة وZ من جهة أخرى: X and Y each fight Z, not each other.
    d = doc(lexicon, "تواصلت المواجهات بين الحوثيين وتنظيم القاعدة من جهة والقوات اليمنية من جهة أخرى.",
            ("الحوثيين", "org:houthis"), ("تنظيم القاعدة", "org:al_qaeda"), ("القوات اليمنية", "state:yem"))
    assert d.has("fights", "org:houthis", "state:yem") and d.has("fights", "org:al_qaeda", "state:yem")
    assert d.has("fights", "org:houthis", "org:al_qaeda") is None


def test_clashes_after_a_clause_or_with_the_casualties_named_before(lexicon: Lexicon) -> None:
    # بعد مواجهات مع X: the clause's subject fought X (بعد does not make the masdar a genitive).
    d = doc(lexicon, "سيطرت المعارضة السورية على حلب، بعد مواجهات مع داعش.", OPP, ("حلب", "loc:aleppo"), ISIS)
    assert d.has("fights", "org:opposition", "org:isis")
    # قتل 30 من عناصر X في مواجهات مع Y: X's men fought Y.
    d = doc(lexicon, "قتل 30 من عناصر داعش في مواجهات مع المعارضة السورية.", ISIS, OPP)
    assert d.has("fights", "org:isis", "org:opposition")
    # ...but the killed are the target of strikes, never their agent.
    d = doc(lexicon, "قتل 30 من عناصر داعش في غارات على حلب.", ISIS, ("حلب", "loc:aleppo"))
    assert not any(r.type == "strikes" for r in d.relations)


def test_an_instrument_phrase_does_not_cut_a_verb_from_its_object(lexicon: Lexicon) -> None:
    d = doc(lexicon, "واستهدفت المعارضة السورية بقذائف الهاون مواقع داعش في حلب.", OPP, ISIS,
            ("حلب", "loc:aleppo"))
    assert d.has("strikes", "org:opposition", "org:isis")


def test_a_counted_strike_noun_keeps_the_light_verbs_subject_as_agent(lexicon: Lexicon) -> None:
    for count in ("ست", "عدة", "سلسلة"):
        text = f"شن التحالف الدولي {count} غارات على مواقع داعش."
        d = doc(lexicon, text, ("التحالف الدولي", "org:coalition"), ISIS)
        assert d.find("strikes", "org:coalition", "org:isis"), count


def test_the_casualties_named_before_a_strike_noun_were_hit_by_its_agent(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    d = doc(lexicon, "قتل 20 من عناصر داعش في غارات التحالف الدولي.", ISIS, coalition)
    assert d.find("strikes", "org:coalition", "org:isis")
    d = doc(lexicon, "أصيب عشرات من عناصر داعش جراء غارات شنها التحالف الدولي.", ISIS, coalition)
    assert d.find("strikes", "org:coalition", "org:isis")
    # Taking part in the attacks is no casualty.
    d = doc(lexicon, "شارك 20 من عناصر داعش في هجمات التحالف الدولي.", ISIS, coalition)
    assert not any(r.type == "strikes" for r in d.relations)
    # The casualties as the subject of a passive: قتل جنديان عراقيان في هجوم شنه داعش.
    d = doc(lexicon, "قتل جنديان عراقيان في هجوم شنه داعش.", ("جنديان عراقيان", "state:irq"), ISIS)
    assert d.find("strikes", "org:isis", "state:irq")


def test_after_where_a_meeting_verbs_subject_is_the_visitor_named_before(lexicon: Lexicon) -> None:
    text = "يزور جون كيري موسكو حيث سيلتقي فلاديمير بوتين وسيرغي لافروف."
    d = doc(lexicon, text, KERRY, ("موسكو", "state:rus"), ("فلاديمير بوتين", "person:putin"), LAVROV)
    assert d.has("meets_with", "person:kerry", "person:putin")
    assert d.has("meets_with", "person:kerry", "person:lavrov")


def test_a_strike_masdar_after_its_agent_takes_the_positions_as_object(lexicon: Lexicon) -> None:
    text = "استمرار قصف الطيران الروسي مواقع المعارضة السورية في حلب."
    d = doc(lexicon, text, ("الطيران الروسي", "state:rus"), OPP, ("حلب", "loc:aleppo"))
    assert d.find("strikes", "state:rus", "org:opposition")


def test_a_lam_phrase_after_an_indefinite_strike_noun_is_its_agent(lexicon: Lexicon) -> None:
    pkk = ("حزب العمال الكردستاني", "org:pkk")
    soldiers = ("جنود أتراك", "state:tur", "organ")
    d = doc(lexicon, "مقتل 3 جنود أتراك في هجوم لحزب العمال الكردستاني.", soldiers, pkk)
    assert d.find("strikes", "org:pkk", "state:tur")
    # The name keeps لل as written (ل + ال).
    coalition = ("للتحالف الدولي", "org:coalition")
    d = doc(lexicon, "وقالت مصادر إن غارات جوية للتحالف الدولي استهدفت مواقع داعش.", coalition, ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")
    # Support takes its ل-phrase as the one supported, not as the supporter.
    d = doc(lexicon, "أعلنت تركيا عن دعم لجبهة النصرة.", TUR, ("جبهة النصرة", "org:al_nusra"))
    assert not d.find("supports", "org:al_nusra", "state:tur")


def test_a_craft_in_the_genitive_of_a_strike_noun_is_its_agent(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    sohr = ("المرصد السوري لحقوق الإنسان", "org:sohr")
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل 51 من عناصر داعش جراء قصف طائرات التحالف الدولي"
            " مواقع داعش.")
    d = doc(lexicon, text, sohr, ISIS, coalition, ISIS)
    assert d.typed() == {("strikes", "org:coalition", "org:isis")}
    # A craft after a noun whose genitive is its patient is still what is hit.
    d = doc(lexicon, "أعلنت تركيا استهداف طائرات التحالف الدولي.", TUR, coalition)
    assert d.typed() == {("strikes", "state:tur", "org:coalition")}


def test_aircraft_in_the_genitive_of_a_support_noun_give_the_support(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    text = "وتقدمت المعارضة السورية، ومساندة طيران التحالف الدولي مستمرة."
    d = doc(lexicon, text, OPP, coalition)
    assert d.typed() == {("supports", "org:coalition", "org:opposition")}
    # Other forces in the genitive are the ones supported.
    d = doc(lexicon, "أعلنت تركيا مساندة قوات المعارضة السورية.", TUR, OPP)
    assert d.typed() == {("supports", "state:tur", "org:opposition")}


@pytest.mark.parametrize("attack", ["هجوما حادا", "هجوما شديد اللهجة", "هجومه اللاذع"])
def test_an_attack_in_words_is_no_strike(lexicon: Lexicon, attack: str) -> None:
    d = doc(lexicon, f"شن جون كيري {attack} على روسيا.", KERRY, RUS)
    assert not any(r.type == "strikes" for r in d.relations)
    planes = ("الطائرات التركية", "state:tur")
    d = doc(lexicon, "شنت الطائرات التركية هجوما عنيفا على مواقع داعش.", planes, ISIS)
    assert d.find("strikes", "state:tur", "org:isis")


def test_a_company_or_a_news_outlet_neither_strikes_nor_fights(lexicon: Lexicon) -> None:
    facebook = ("فيس بوك", "org:facebook")
    houthis = ("الحوثيين", "org:houthis")
    text = "وبرر خلفان في تغريدات على حسابه في موقع “فيس بوك” هجومه على الحوثيين."
    d = doc(lexicon, text, facebook, houthis)
    assert not any(r.type in ("strikes", "fights") for r in d.relations)
    d = doc(lexicon, "ونقلت قناة الجزيرة مشاهد للقصف على مواقع الحوثيين.", ("قناة الجزيرة", "org:aljazeera"),
            houthis)
    assert not any(r.type in ("strikes", "fights") for r in d.relations)
    # It can still be hit.
    d = doc(lexicon, "استهدف داعش مقر فيس بوك في دبي.", ISIS, facebook)
    assert d.find("strikes", "org:isis", "org:facebook")


def test_the_object_of_a_targeting_participle_after_a_strike_noun_was_hit(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    text = "شنت طائرات التحالف الدولي أمس سلسلة من الغارات الجوية مستهدفة مواقع داعش في الرقة."
    d = doc(lexicon, text, coalition, ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")


def test_the_purpose_of_a_light_masdar_and_experts_from_an_actor(lexicon: Lexicon) -> None:
    houthis = ("الحوثيين", "org:houthis")
    d = doc(lexicon, "وأرسلت إيران خبراء للقيام بتدريب الحوثيين.", IRN, houthis)
    assert d.find("trains", "state:irn", "org:houthis")
    # The experts are sent by an actor named only after من: that actor trains.
    d = doc(lexicon, "وتمت استضافة خبراء من إيران في صنعاء لتدريب الحوثيين.", IRN, houthis)
    assert d.find("trains", "state:irn", "org:houthis")
    # من after a word that is no agent (the news came from Iran) names nobody who trains.
    d = doc(lexicon, "وجاءت أنباء من إيران عن خطة لتدريب الحوثيين.", IRN, houthis)
    assert not d.find("trains", "state:irn", "org:houthis")


def test_a_time_adverb_before_a_fight_noun_keeps_the_light_verbs_subject(lexicon: Lexicon) -> None:
    resistance = ("المقاومة الشعبية", "org:opposition")
    text = "وتخوض المقاومة الشعبية حاليا معارك عنيفة مع ميليشيات الحوثيين."
    d = doc(lexicon, text, resistance, ("الحوثيين", "org:houthis"))
    assert d.has("fights", "org:opposition", "org:houthis")


def test_looking_for_is_no_discussion(lexicon: Lexicon) -> None:
    d = doc(lexicon, "إيران تبحث عن تطبيع العلاقات مع السعودية.", IRN, ("السعودية", "state:sau"))
    assert not d.has("meets_with", "state:irn", "state:sau")
    d = doc(lexicon, "وبحث جون كيري مع سيرغي لافروف الأزمة السورية.", KERRY, LAVROV)
    assert d.has("meets_with", "person:kerry", "person:lavrov")


def test_a_postponed_visit_is_planned(lexicon: Lexicon) -> None:
    d = doc(lexicon, "تأجيل زيارة جون كيري إلى روسيا.", KERRY, RUS)
    r = d.has("meets_with", "person:kerry", "state:rus")
    assert r is not None and r.modality == "planned"


def test_rejecting_cooperation_negates_it(lexicon: Lexicon) -> None:
    text = "وتتبنى بلاده موقف المعارضة السورية الرافض للتعاون مع روسيا."
    r = doc(lexicon, text, OPP, RUS).has("coordinates_with", "org:opposition", "state:rus")
    assert r is not None and r.polarity == "negated"


def test_the_pronoun_of_a_meeting_after_a_time_word_is_the_subject(lexicon: Lexicon) -> None:
    text = "وقال جون كيري للصحفيين بعد لقائه بسيرغي لافروف إن المحادثات بناءة."
    assert doc(lexicon, text, KERRY, LAVROV).has("meets_with", "person:kerry", "person:lavrov")
    text = "وأكد جون كيري خلال اجتماعه مع سيرغي لافروف أن الحل سياسي."
    assert doc(lexicon, text, KERRY, LAVROV).has("meets_with", "person:kerry", "person:lavrov")


def test_the_leader_of_strikes_named_after_them_strikes(lexicon: Lexicon) -> None:
    text = "وطلب كاميرون أن تنضم فرنسا للضربات التي تقودها الولايات المتحدة ضد داعش في سوريا."
    d = doc(lexicon, text, FRA, USA, ISIS, SYR)
    assert d.find("strikes", "state:usa", "org:isis")
    assert d.find("strikes", "state:fra", "org:isis")  # the one joining them strikes too
    sau, houthis = ("السعودية", "state:sau"), ("الحوثيين", "org:houthis")
    d = doc(lexicon, "وتتواصل الغارات بقيادة السعودية على مواقع الحوثيين في صنعاء.", sau, houthis)
    assert d.find("strikes", "state:sau", "org:houthis")


def test_a_plural_verb_takes_no_subject_after_it(lexicon: Lexicon) -> None:
    text = "وهناك كثير من أهالي الموصل يؤيدون داعش، وهذا يعود إلى الممارسات الخاطئة للحكومة العراقية."
    d = doc(lexicon, text, ISIS, ("للحكومة العراقية", "state:irq"))
    assert not d.find("supports", "org:isis", "state:irq")
    houthis = ("الحوثيين", "org:houthis")
    assert doc(lexicon, "وتؤيد إيران الحوثيين.", IRN, houthis).find("supports", "state:irn", "org:houthis")


def test_a_between_list_after_a_chain_of_adjectives(lexicon: Lexicon) -> None:
    text = "وأكد أهمية تعزيز التعاون الاستراتيجي والسياسي والاقتصادي والعسكري والأمني بين روسيا وإيران."
    assert doc(lexicon, text, RUS, IRN).has("coordinates_with", "state:rus", "state:irn")


def test_what_does_something_is_no_actor(lexicon: Lexicon) -> None:
    text = "وتشارك روسيا في التحالف لمحاربة داعش في سوريا، بما يساعد على تعزيز القدرات، حفظا لوحدة العراق."
    d = doc(lexicon, text, RUS, ISIS, SYR, IRQ)
    assert not [r for r in d.relations if r.type == "supports"]


def test_the_genitive_of_a_purpose_masdar_is_its_object(lexicon: Lexicon) -> None:
    d = doc(lexicon, "فرانسوا هولاند يطلب تفويضا لقصف سوريا.", ("فرانسوا هولاند", "person:hollande"), SYR)
    assert d.find("strikes", "person:hollande", "state:syr") and not d.find(
        "strikes", "state:syr", "person:hollande")
    houthis = ("الحوثيين", "org:houthis")
    d = doc(lexicon, "وتصدى الجيش لهجوم الحوثيين على مواقع المعارضة السورية.", houthis, OPP)
    assert d.find("strikes", "org:houthis", "org:opposition")  # a count noun's genitive stays its agent


def test_the_one_called_on_does_the_purpose(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    hollande = ("هولاند", "person:hollande")
    d = doc(lexicon, "ودعا هولاند التحالف الدولي لقصف مواقع داعش.", hollande, coalition, ISIS)
    assert d.find("strikes", "org:coalition", "org:isis")
    assert not d.find("strikes", "person:hollande", "org:isis")
    r = doc(lexicon, "وحث جون كيري تركيا على قصف مواقع داعش.", KERRY, TUR, ISIS).find(
        "strikes", "state:tur", "org:isis")
    assert r is not None and r.modality == "planned"


def test_plural_meetings_with_several_partners_are_one_meeting_each(lexicon: Lexicon) -> None:
    hollande = ("فرانسوا هولاند", "person:hollande")
    d = doc(lexicon, "وسيعقد جون كيري اجتماعات مع سيرغي لافروف وفرانسوا هولاند.", KERRY, LAVROV, hollande)
    assert d.has("meets_with", "person:kerry", "person:lavrov")
    assert d.has("meets_with", "person:kerry", "person:hollande")
    assert not d.has("meets_with", "person:lavrov", "person:hollande")
    d = doc(lexicon, "وعقد جون كيري اجتماعا مع سيرغي لافروف وفرانسوا هولاند.", KERRY, LAVROV, hollande)
    assert d.has("meets_with", "person:lavrov", "person:hollande")  # one meeting: all three met


def test_reinforcements_and_an_accusative_site_are_the_groups_forces(lexicon: Lexicon) -> None:
    coalition = ("التحالف الدولي", "org:coalition")
    for obj, name in (("تعزيزات الحوثيين", "الحوثيين"), ("موقعا لتعزيزات الحوثيين", "الحوثيين"),
                      ("عربات للحوثيين", "للحوثيين")):
        text = f"وقال مصدر إن التحالف الدولي استهدف {obj} قرب عدن."
        d = doc(lexicon, text, coalition, (name, "org:houthis"))
        assert d.find("strikes", "org:coalition", "org:houthis"), obj


def test_aircraft_in_the_genitive_of_targeting_are_the_attackers(lexicon: Lexicon) -> None:
    coalition, houthis = ("التحالف الدولي", "org:coalition"), ("الحوثيين", "org:houthis")
    text = "وتعتزم المعارضة السورية اقتحام المعسكر بعد ساعات من استهداف طيران التحالف الدولي مواقع الحوثيين."
    d = doc(lexicon, text, OPP, coalition, houthis)
    assert d.find("strikes", "org:coalition", "org:houthis")
    assert not d.find("strikes", "org:opposition", "org:coalition")


def test_the_chances_of_an_attack_make_it_planned(lexicon: Lexicon) -> None:
    r = doc(lexicon, "ويزيد الاتفاق احتمالات أن تشن تركيا هجوما على داعش.", TUR, ISIS).find(
        "strikes", "state:tur", "org:isis")
    assert r is not None and r.modality == "planned"


def test_a_group_visiting_together_does_not_meet_itself(lexicon: Lexicon) -> None:
    hollande = ("فرانسوا هولاند", "person:hollande")
    d = doc(lexicon, "وقال البيان إن جون كيري وفرانسوا هولاند قاما بزيارة استغرقت يومين.", KERRY, hollande)
    assert not d.has("meets_with", "person:kerry", "person:hollande")
    d = doc(lexicon, "وقال البيان إن جون كيري وفرانسوا هولاند عقدا لقاء استغرق يومين.", KERRY, hollande)
    assert d.has("meets_with", "person:kerry", "person:hollande")
