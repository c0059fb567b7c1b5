"""NER: lexicon matching with clitics, organs, titles, head-noun rules, ambiguity, capitals."""

from pathlib import Path

import pytest

from arabic_kg.lexicon import load_lexicon
from arabic_kg.ner.matcher import Matcher
from arabic_kg.resolve import resolve
from arabic_kg.text import tokenize

FIXTURE = """
- {id: state:syr, type: STATE, name: سوريا, en: Syria, aliases: [سورية], adjectives: [سوري], capitals: [دمشق]}
- {id: state:usa, type: STATE, name: الولايات المتحدة, en: United States, aliases: [أمريكا, أميركا],
   adjectives: [أمريكي, أميركي], capitals: [واشنطن]}
- {id: state:qat, type: STATE, name: قطر, en: Qatar, adjectives: [قطري], capitals: [الدوحة]}
- {id: org:isis, type: ORGANIZATION, name: داعش, en: ISIS,
   aliases: [تنظيم الدولة, تنظيم الدولة الإسلامية, الدولة الإسلامية]}
- {id: org:al_watan, type: ORGANIZATION, name: صحيفة الوطن, en: Al-Watan, context_aliases: [الوطن]}
- {id: base:al_udeid, type: BASE, name: قاعدة العديد, en: Al Udeid, located_in: state:qat,
   context_aliases: [العديد]}
- {id: person:bashar_al_assad, type: PERSON, name: بشار الأسد, en: Bashar al-Assad, affiliation: state:syr,
   context_aliases: [الأسد]}
- {id: person:lloyd_austin, type: PERSON, name: لويد أوستن, en: Lloyd Austin, affiliation: state:usa}
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    path: Path = tmp_path_factory.mktemp("lex") / "fixture.yaml"
    path.write_text(FIXTURE, encoding="utf-8")
    return Matcher(load_lexicon([path]), tagger=None)


def found(matcher: Matcher, text: str) -> list[tuple[str, str, str | None]]:
    """(mention text, type, canonical id) for each resolved mention."""
    tokens = tokenize(text)
    entities, _ = resolve(text, tokens, matcher.find(tokens), matcher.lex)
    out = []
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
            out.append((m.text, e.type, e.canonical_id))
    return sorted(out, key=lambda x: text.index(x[0]))


def test_clitics_are_cut_from_mentions(matcher: Matcher) -> None:
    text = "وقصفت الطائرات مواقع لداعش وبدمشق، والتقى للويد أوستن بالعراق"
    got = found(matcher, text)
    assert ("داعش", "ORGANIZATION", "org:isis") in got
    assert ("لويد أوستن", "PERSON", "person:lloyd_austin") in got


def test_names_beginning_with_clitic_letters_are_not_split(matcher: Matcher) -> None:
    # ب of بشار and و of واشنطن are part of the names
    got = found(matcher, "قال بشار الأسد إن واشنطن تكذب")
    assert ("بشار الأسد", "PERSON", "person:bashar_al_assad") in got
    assert ("واشنطن", "STATE", "state:usa") in got


def test_organ_with_nationality_adjective_is_the_state(matcher: Matcher) -> None:
    got = found(matcher, "التنسيق بين الجيش السوري والقوات الأميركية قائم")
    assert ("الجيش السوري", "STATE", "state:syr") in got
    assert ("القوات الأميركية", "STATE", "state:usa") in got


def test_ambiguous_words_need_context(matcher: Matcher) -> None:
    assert found(matcher, "قتل العديد من المدنيين") == []
    assert ("قاعدة العديد", "BASE", "base:al_udeid") in found(matcher, "وصل إلى قاعدة العديد أمس")
    assert found(matcher, "دافع الجنود عن الوطن") == []
    assert [(ty, cid) for _, ty, cid in found(matcher, "وقالت صحيفة الوطن إن")] == [
        ("ORGANIZATION", "org:al_watan")
    ]
    assert ("الوطن", "ORGANIZATION", "org:al_watan") in found(matcher, "وقالت الوطن في عددها إن صحيفة الوطن")
    assert found(matcher, "قالت الدولة إنها مستعدة") == []
    assert ("تنظيم الدولة", "ORGANIZATION", "org:isis") in found(matcher, "هاجم تنظيم الدولة القرية")


def test_bare_surname_is_a_person_only_in_context(matcher: Matcher) -> None:
    assert found(matcher, "زأر الأسد في الغابة") == []
    got = found(matcher, "التقى بشار الأسد الوفد. وقال الأسد إن الحرب طويلة")
    assert [x for x in got if x[0] == "الأسد"] == [("الأسد", "PERSON", "person:bashar_al_assad")]
    assert ("الأسد", "PERSON", "person:bashar_al_assad") in found(matcher, "وقال الرئيس الأسد إن")


def test_capital_is_state_when_acting_and_place_otherwise(matcher: Matcher) -> None:
    assert ("دمشق", "STATE", "state:syr") in found(matcher, "نسقت دمشق مع واشنطن")
    got = found(matcher, "عقد الاجتماع في الدوحة أمس")
    assert [(t, ty) for t, ty, _ in got] == [("الدوحة", "LOCATION")]


def test_title_name_and_affiliation(matcher: Matcher) -> None:
    text = "وقال وزير الدفاع الأميركي شوك هاغل إن هاغل سيزور المنطقة"
    tokens = tokenize(text)
    entities, _ = resolve(text, tokens, matcher.find(tokens), matcher.lex)
    hagel = next(e for e in entities if e.type == "PERSON")
    assert hagel.label == "شوك هاغل"
    assert hagel.affiliation == "state:usa"
    assert hagel.canonical_id.startswith("unk:person:")
    assert sorted(m.text for m in hagel.mentions) == ["شوك هاغل", "هاغل"]


def test_title_alone_refers_to_the_person_named_with_it(matcher: Matcher) -> None:
    got = found(matcher, "قال الرئيس الأمريكي باراك أوباما إن. وأضاف الرئيس الأمريكي أن الحرب")
    people = {cid for _, ty, cid in got if ty == "PERSON"}
    assert len(people) == 1
    assert sum(1 for _, ty, _ in got if ty == "PERSON") == 2


def test_unknown_names_get_stable_ids_across_articles(matcher: Matcher) -> None:
    a = found(matcher, "قال الجنرال سامر قطيش إن")
    b = found(matcher, "وأكد الجنرال سامر قطيش أن")
    assert a[0][2] == b[0][2] and a[0][2].startswith("unk:person:")


def test_head_noun_rules(matcher: Matcher) -> None:
    got = found(matcher, "ذكرت صحيفة «كنار أنشينيه» أن الطائرات انطلقت من معسكر 48 ومن مدينة الكشار")
    assert ("كنار أنشينيه", "ORGANIZATION") in [(t, ty) for t, ty, _ in got]
    assert ("معسكر 48", "BASE") in [(t, ty) for t, ty, _ in got]
    assert ("مدينة الكشار", "LOCATION") in [(t, ty) for t, ty, _ in got]


def fixed_tagger(tagged: dict[str, str]):  # noqa: ANN201
    """A stand-in for the statistical tagger: the given words get the given tags, the rest O."""
    return lambda tokens: [tagged.get(t, "O") for t in tokens]


def test_title_rule_needs_the_tagger_to_read_a_name(matcher: Matcher) -> None:
    lex = matcher.lex
    silent = Matcher(lex, tagger=fixed_tagger({}))
    # After a title, a verb or an organ is not a person when the tagger sees no name there.
    assert found(silent, "وفور وصول الوزير بدأ عقد سلسلة اجتماعات") == []
    assert found(silent, "قال المتحدث باسم المكتب الإعلامي لرئيس مجلس الوزراء إن") == []
    reading = Matcher(lex, tagger=fixed_tagger({"سامر": "B-PERS", "قطيش": "I-PERS"}))
    got = found(reading, "قال الجنرال سامر قطيش إن")
    assert [(t, ty) for t, ty, _ in got] == [("سامر قطيش", "PERSON")]
    # Without a tagger (`--ner lexicon`) the rule stands alone.
    assert [t for t, _, _ in found(matcher, "قال الجنرال سامر قطيش إن")] == ["سامر قطيش"]


def test_a_title_the_tagger_took_into_a_name_is_cut_off(matcher: Matcher) -> None:
    tags = {"ولي": "B-PERS", "العهد": "I-PERS", "الجنرال": "B-PERS", "سامر": "I-PERS", "قطيش": "I-PERS"}
    tagging = Matcher(matcher.lex, tagger=fixed_tagger(tags))
    assert found(tagging, "وصل ولي العهد إلى المدينة") == []
    got = found(tagging, "ثم وصل الجنرال سامر قطيش إلى المدينة")
    assert [(t, ty) for t, ty, _ in got] == [("سامر قطيش", "PERSON")]


def test_the_tagger_confirms_an_ambiguous_place_name(matcher: Matcher) -> None:
    # جدة is also "grandmother": a bare mention needs a cue, or the tagger reading it as a place.
    assert found(Matcher(matcher.lex, tagger=fixed_tagger({})), "وصل الوفد إلى جدة مساء أمس") == []
    reading = Matcher(matcher.lex, tagger=fixed_tagger({"جدة": "B-LOC", "بجدة": "B-LOC", "كنيس": "B-LOC"}))
    assert found(reading, "وصل الوفد إلى جدة مساء أمس") == [("جدة", "LOCATION", "loc:jeddah")]
    assert found(reading, "وأقيم الحفل بجدة أمس") == [("جدة", "LOCATION", "loc:jeddah")]
    # A tag of another kind confirms nothing, and a bare surname is not the known person.
    wrong = Matcher(matcher.lex, tagger=fixed_tagger({"جدة": "B-ORG", "صالح": "B-PERS"}))
    assert all(c != "loc:jeddah" for _, _, c in found(wrong, "وصل الوفد إلى جدة مساء أمس"))
    assert ("صالح", "PERSON", "person:ali_abdullah_saleh") not in found(wrong, "وقال صالح إن الطقس حار")
    # كنيس (a synagogue) is not ك + نيس (Nice).
    assert all(c != "loc:nice" for _, _, c in found(reading, "سيبنى كنيس جديد"))


def test_an_ambiguous_place_is_the_one_in_the_state_of_its_neighbours(matcher: Matcher) -> None:
    # الجوف is a Saudi region and a Yemeni province.
    saudi = "هطلت أمطار على تبوك والجوف وحائل"
    assert ("الجوف", "LOCATION", "loc:jawf_region_sau") in found(matcher, saudi)
    yemeni = "تقدمت القوات في مأرب والجوف"
    assert ("الجوف", "LOCATION", "loc:jawf_yemen") in found(matcher, yemeni)
