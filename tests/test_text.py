"""Text stage: normalization with offsets, tokens, proclitics, sentences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_kg.text import (
    normalize,
    normalize_light,
    normalize_with_offsets,
    orig_offset_in_token,
    proclitic_variants,
    split_sentences,
    tokenize,
)


def test_normalize_removes_diacritics_tatweel_and_unifies_letters() -> None:
    assert normalize("أُوبامـــا") == "اوباما"
    assert normalize("إيران") == normalize("ايران")
    assert normalize("سورية") == normalize("سوريه")
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("٢٠١٥") == "2015"
    assert normalize("۱۲") == "12"


def test_normalize_removes_control_and_bidi_characters() -> None:
    assert normalize("دم\u200fشق\u202e\x00") == "دمشق"
    assert normalize("\ufeffداعش") == "داعش"


def test_normalize_light_keeps_alef_maksura() -> None:
    assert normalize("على") == normalize("علي")
    assert normalize_light("على") != normalize_light("علي")


def test_offsets_map_back_to_original() -> None:
    text = "قال أُوبامـا ١٢ مرة"
    norm, offsets = normalize_with_offsets(text)
    assert norm == "قال اوباما 12 مره"
    i = norm.index("اوباما")
    j = i + len("اوباما")
    assert text[offsets[i] : offsets[j]].startswith("أُوبامـا")


def test_tokens_keep_offsets() -> None:
    text = "وقال الرئيسُ الروسي، فلاديمير بوتين: «نعم»."
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
    assert [t.norm for t in tokenize("بوتين،")] == ["بوتين", "،"]


def test_proclitic_variants() -> None:
    forms = dict(proclitic_variants(normalize("وبغداد")))
    assert "بغداد" in forms and forms["بغداد"] == 1
    assert "داعش" in dict(proclitic_variants("لداعش"))
    assert "لويد" in dict(proclitic_variants("للويد"))
    assert "العراق" in dict(proclitic_variants("بالعراق"))
    # ل + ال is written لل: the article comes back, and the mention keeps لل.
    assert dict(proclitic_variants("للعراق"))["العراق"] == 0
    # the literal form always comes first, so بغداد is never read as ب + غداد
    assert proclitic_variants("بغداد")[0] == ("بغداد", 0)
    # short words are not split
    assert proclitic_variants("بل") == [("بل", 0)]


def test_orig_offset_in_token_skips_diacritics() -> None:
    assert orig_offset_in_token("وَبغداد", 1) == 2
    assert orig_offset_in_token("لداعش", 1) == 1


def test_sentences_split_on_arabic_punctuation_not_numbers() -> None:
    text = "قصفت الطائرات 3.5 موقعا. هل نسقت؟ نعم؛ ثم\nسطر جديد! أخير"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "قصفت الطائرات 3.5 موقعا.",
        "هل نسقت؟",
        "نعم؛",
        "ثم",
        "سطر جديد!",
        "أخير",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_sentences_arabic_indic_decimal() -> None:
    assert len(split_sentences("بلغت النسبة ٣.٥ في المئة")) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_fuzz_offsets_and_sentences(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(norm) + 1
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets == sorted(offsets)
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip()
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="وبلكفالسريداعشءأإآىةـًٌٍَُِّْ \u200f\u202e.؟!؛،«»()\n0123٣abc", max_size=120))
def test_tokens_are_camel_tools_tokens(text: str) -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    assert [t.text for t in tokenize(text) if t.norm] == [
        p for p in simple_word_tokenize(text, split_digits=True) if normalize(p)
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="وبلكفالسريداعشءأإآىةـًٌٍَُِّْ \u200f\u202e.؟!؛\n0123٣", max_size=120))
def test_fuzz_arabic_heavy(text: str) -> None:
    test_fuzz_offsets_and_sentences.hypothesis.inner_test(text)  # type: ignore[attr-defined]
