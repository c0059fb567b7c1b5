"""NER tagger: CoNLL readers, span scoring, training / save / load, the shipped model."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from arabic_kg.ner.conll import detect_format, read_conll, span_prf, spans, write_conll
from arabic_kg.ner.tagger import (
    NAME_LIST_FILES,
    NerTagger,
    build_gazetteer,
    default_model_path,
    load_given_names,
    load_name_list,
    normalize_word,
    proclitic_forms,
)
from arabic_kg.ner.training import train_from_files

ANERCORP = """\
فرانكفورت B-LOC
أعلن O
اتحاد B-ORG
صناعة I-ORG
في O
ألمانيا B-LOC
. Oالإصابة O

ستبعد O
إيتو I-PERS
"""

AQMAR = """\
أتوموس B-MIS0
كريستيانو B-PER
رونالدو I-PER
ريال B-ORG
مدريد I--ORG
لشبونة B-LOC
كأس B-MIS1`
العالم I-MIS1
. IO

لاعب OO
"""

WOJOOD = """\
فقد O
روسيا B-ORG
مجلس B-ORG
الأمن I-ORG
ضد I-ORG
الأسد I-ORG B-PERS
$#$ O

سكرتير B-OCC
اللجنة I-OCC B-ORG
القومية I-OCC I-ORG
في I-OCC
نابلس I-OCC B-GPE
سوق B-FAC
بلدية I-FAC B-ORG
مدينة I-FAC I-ORG B-GPE
البيرة I-FAC I-ORG I-GPE
1948 B-DATE
$#$ O
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_anercorp(tmp_path: Path) -> None:
    path = _write(tmp_path, "ANERCorp_train.txt", ANERCORP)
    assert detect_format(ANERCORP.splitlines()) == "anercorp"
    sents = read_conll(path)
    assert len(sents) == 2
    # the glued line `. Oالإصابة O` is two tokens
    assert sents[0][-2:] == [(".", "O"), ("الإصابة", "O")]
    assert sents[0][2:4] == [("اتحاد", "B-ORG"), ("صناعة", "I-ORG")]
    assert sents[1] == [("ستبعد", "O"), ("إيتو", "B-PERS")]  # I- without B- starts a span


def test_read_aqmar(tmp_path: Path) -> None:
    path = _write(tmp_path, "Real_Madrid.txt", AQMAR)
    assert detect_format(AQMAR.splitlines()) == "aqmar"
    sents = read_conll(path)
    tags = [t for _, t in sents[0]]
    assert tags == ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "O", "O", "O"]
    assert sents[1] == [("لاعب", "O")]


def test_read_wojood_nested(tmp_path: Path) -> None:
    path = _write(tmp_path, "train.txt", WOJOOD)
    assert detect_format(WOJOOD.splitlines()) == "wojood"
    sents = read_conll(path)
    assert len(sents) == 2
    assert all(tok != "$#$" for s in sents for tok, _ in s)
    # outermost ORG wins over the nested PERS
    assert [t for _, t in sents[0]] == ["O", "B-ORG", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    # OCC and FAC are not kept, so what they contain surfaces; GPE -> LOC; DATE -> O
    assert [t for _, t in sents[1]] == [
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "B-LOC",
        "O",
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "O",
    ]


def test_write_read_round_trip(tmp_path: Path) -> None:
    sents = [[("قال", "O"), ("هولاند", "B-PERS")], [("باريس", "B-LOC")]]
    path = tmp_path / "out.txt"
    write_conll(sents, path)
    assert read_conll(path) == sents
    buf = io.StringIO()
    write_conll(sents, buf)
    assert buf.getvalue() == path.read_text(encoding="utf-8")


def test_spans_conll_style() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
        ("PERS", 0, 2),
        ("LOC", 3, 5),
        ("LOC", 5, 6),
        ("ORG", 6, 7),
    ]


def test_span_prf_hand_computed() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O", "B-LOC"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    # gold: PERS(0,0-2) LOC(0,3) ORG(1,0) LOC(1,2); pred: PERS(0,0-2) ORG(0,3) ORG(1,0)
    r = span_prf(gold, pred)
    assert r["PERS"]["precision"] == 1.0 and r["PERS"]["recall"] == 1.0
    assert r["LOC"]["precision"] == 0.0 and r["LOC"]["recall"] == 0.0 and r["LOC"]["gold"] == 2
    assert r["ORG"]["precision"] == 0.5 and r["ORG"]["recall"] == 1.0
    assert r["ORG"]["f1"] == pytest.approx(2 / 3)
    assert r["micro"]["precision"] == pytest.approx(2 / 3)
    assert r["micro"]["recall"] == pytest.approx(2 / 4)
    assert r["micro"]["f1"] == pytest.approx(4 / 7)
    # (token, tag) sentences are accepted too
    tok = [[("a", t) for t in s] for s in gold]
    assert span_prf(tok, gold)["micro"]["f1"] == 1.0


def test_proclitic_forms() -> None:
    assert "الرئيس" in proclitic_forms("والرئيس")
    assert "رئيس" in proclitic_forms("للرئيس")
    assert "الرئيس" in proclitic_forms("للرئيس")
    assert proclitic_forms("في") == []


TINY = [
    [("قال", "O"), ("الرئيس", "O"), ("جون", "B-PERS"), ("سميث", "I-PERS"), ("في", "O"), ("لندن", "B-LOC")],
    [("زار", "O"), ("الوزير", "O"), ("علي", "B-PERS"), ("حسن", "I-PERS"), ("مدينة", "O"), ("بغداد", "B-LOC")],
    [("أعلنت", "O"), ("حركة", "B-ORG"), ("حماس", "I-ORG"), ("في", "O"), ("غزة", "B-LOC")],
    [
        ("وقال", "O"),
        ("جون", "B-PERS"),
        ("إن", "O"),
        ("منظمة", "B-ORG"),
        ("الصحة", "I-ORG"),
        ("العالمية", "I-ORG"),
    ],
    [("وصل", "O"), ("علي", "B-PERS"), ("إلى", "O"), ("لندن", "B-LOC"), ("أمس", "O")],
]

LEXICON = """\
- id: person:x
  type: PERSON
  name: "جون سميث"
  aliases: ["سميث"]
- id: state:x
  type: STATE
  name: بريطانيا
  capitals: [لندن]
  adjectives: [بريطاني]
"""


def test_gazetteer_from_lexicon(tmp_path: Path) -> None:
    (tmp_path / "persons.yaml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("- [unclosed", encoding="utf-8")
    gaz = build_gazetteer(tmp_path)
    assert gaz["جون"] == ["PERS_B"]
    assert gaz["سميث"] == ["PERS_E", "PERS_S"]
    assert "LOC_S" in gaz["لندن"]
    assert "ADJ" in gaz["البريطانيه"]
    assert build_gazetteer(tmp_path / "missing") == {}


def test_train_save_load_round_trip(tmp_path: Path) -> None:
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "persons.yaml").write_text(LEXICON, encoding="utf-8")
    tagger = NerTagger().train(TINY, seed=0, max_iterations=50, lexicon_dir=tmp_path / "lex")
    assert tagger.gazetteer["جون"] == ("PERS_B",)
    sents = [[t for t, _ in s] for s in TINY] + [["قال", "سميث", "في", "بغداد"], []]
    before = tagger.predict_many(sents)
    assert before[-1] == []
    # the fast Viterbi gives crfsuite's own answer
    assert tagger.predict_many(sents, propagate=False)[:-1] == [
        tagger.predict_crfsuite(s) for s in sents[:-1]
    ]
    path = tagger.save(tmp_path / "m" / "tagger.gz")
    (tmp_path / "lex" / "persons.yaml").unlink()  # prediction must not need the lexicon any more
    loaded = NerTagger.load(path)
    assert loaded.gazetteer == tagger.gazetteer
    assert loaded.predict_many(sents) == before
    assert loaded.predict(sents[0]) == before[0]
    # the tagger learnt something from five sentences
    assert before[0][2:4] == ["B-PERS", "I-PERS"]
    # a whole article as one sequence is cut into pieces internally; the tags still line up with the tokens
    article = [t for s in sents for t in [*s, "،"]] * 3 + ["."]
    assert len(loaded.predict(article)) == len(article)
    assert loaded.predict(article)[2:4] == ["B-PERS", "I-PERS"]
    # same data, same seed: byte-identical model file
    again = NerTagger().train(
        TINY, seed=0, max_iterations=50, gazetteer=tagger.gazetteer, lexicon_dir=tmp_path / "lex"
    )
    assert again.save(tmp_path / "again.gz").read_bytes() == path.read_bytes()


def test_propagation_stays_near_where_a_name_was_tagged() -> None:
    """A name the CRF tagged once is also tagged where it missed it, but only within the window:
    a CoNLL file or a big batch holds many stories, and a name in one is a common word in another."""
    tagger = NerTagger()
    sents = [["قال", "بنزيمة"], ["وصل", "وبنزيمة"], *[["جاء", "رجل"]] * 30, ["ذهب", "بنزيمة"]]
    tags = [["O", "B-PERS"], *[["O", "O"]] * 32]
    tagger.propagation_window = 5
    near = tagger._propagate(sents, [list(t) for t in tags])
    assert near[1] == ["O", "B-PERS"]  # the next sentence, through the clitic و
    assert near[-1] == ["O", "O"]  # 32 sentences later: out of reach
    assert near[2:-1] == tags[2:-1]
    tagger.propagation_window = -1  # the whole batch
    assert tagger._propagate(sents, [list(t) for t in tags])[-1] == ["O", "B-PERS"]


def test_train_from_files_holds_out_anercorp_tail(tmp_path: Path) -> None:
    text = "".join("".join(f"{t} {y}\n" for t, y in s) + "\n" for s in TINY * 4)
    corpus = _write(tmp_path, "ANERCorp_train.txt", text)
    report = train_from_files(
        [corpus], tmp_path / "model.gz", holdout=0.1, clusters_from=tmp_path / "none.gz", max_iterations=30
    )
    assert report["sentences"] == {"train": 18, "dev": 2}
    assert set(report["dev"]) == {"PERS", "LOC", "ORG", "micro"}
    assert (tmp_path / "model.gz").exists()
    assert NerTagger.load(tmp_path / "model.gz").predict(["قال", "جون"])


@pytest.fixture(scope="module")
def shipped() -> NerTagger:
    if not default_model_path().exists():
        pytest.skip("no shipped model")
    return NerTagger.load()


def test_shipped_model_tags_obvious_sentence(shipped: NerTagger) -> None:
    tokens = ["قال", "الرئيس", "الفرنسي", "فرانسوا", "هولاند", "في", "باريس"]
    tags = shipped.predict(tokens)
    found = {(t, " ".join(tokens[a:b])) for t, a, b in spans(tags)}
    assert ("PERS", "فرانسوا هولاند") in found
    assert ("LOC", "باريس") in found
    assert shipped.predict([]) == []


# ---------------------------------------------------------------- given names, cluster levels


def test_shipped_given_names_file_is_valid() -> None:
    names = load_given_names()
    assert len(names) > 300
    assert {"محمد", "فاطمة", "جوزيه"} <= set(names)
    norms = {normalize_word(n) for n in names}
    # words far more often something else are left out (على "on" normalizes to علي)
    assert not norms & {"علي", "هو", "في", "من", "امل"}
    gaz = build_gazetteer()
    assert "GN_S" in gaz["فايزه"]
    assert {"GN_B", "GN_E"} <= set(gaz["صلاح"]) | set(gaz["الدين"])


@pytest.mark.parametrize(
    "text",
    ["arabic:\n  - John\n", "arabic:\n  - {name: محمد}\n", "- محمد\n", "arabic: [محمد\n"],
)
def test_malformed_given_names_file_is_rejected(tmp_path: Path, text: str) -> None:
    (tmp_path / "names.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="names.yaml"):
        load_given_names(tmp_path)


def test_shipped_organization_and_surname_lists_are_valid() -> None:
    orgs = load_name_list(file_name="org_names.yaml")
    surnames = load_name_list(file_name="surnames.yaml")
    assert len(orgs) > 200 and len(surnames) > 200
    assert {"ريال مدريد", "مايكروسوفت", "رويترز"} <= set(orgs)
    assert {"القحطاني", "ساركوزي"} <= set(surnames)
    # names that are far more often common words are left out
    assert not {normalize_word(n) for n in orgs} & {"الاتحاد", "الحياه", "اليوم", "الهلال", "الاهلي"}
    assert not {normalize_word(n) for n in surnames} & {"الاسد", "الخطيب", "سلام", "الثاني"}
    gaz = build_gazetteer()
    assert "ON_S" in gaz["مايكروسوفت"]
    assert "ON_B" in gaz["ريال"]
    assert {"ON_E", "LOC_S"} <= set(gaz["مدريد"])
    assert "SN_S" in gaz["القحطاني"]


@pytest.mark.parametrize("file_name", sorted(NAME_LIST_FILES))
@pytest.mark.parametrize(
    "text", ["clubs:\n  - Real Madrid\n", "clubs:\n  - {name: برشلونة}\n", "- برشلونة\n"]
)
def test_malformed_name_lists_are_rejected(tmp_path: Path, file_name: str, text: str) -> None:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=file_name):
        load_name_list(tmp_path, file_name)
    with pytest.raises(ValueError, match=file_name):
        build_gazetteer(tmp_path)


def test_name_lists_are_flags_not_entities(tmp_path: Path) -> None:
    """A name list gives its own flag only: it is not read as an entity file (no ORG/PERS flags)."""
    (tmp_path / "org_names.yaml").write_text("clubs:\n  - ريال مدريد\n", encoding="utf-8")
    (tmp_path / "surnames.yaml").write_text("foreign:\n  - سميث\n", encoding="utf-8")
    gaz = build_gazetteer(tmp_path)
    assert gaz == {"ريال": ["ON_B"], "مدريد": ["ON_E"], "سميث": ["SN_S"]}


def test_given_name_flag_tags_an_unseen_first_name(tmp_path: Path) -> None:
    """A first name never seen in training is tagged because the names list flags it like جون and علي."""
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    (tmp_path / "with" / "names.yaml").write_text("arabic:\n  - جون\n  - علي\n  - كريم\n", encoding="utf-8")
    sentence = ["شاهد", "كريم", "المباراة"]
    tags = {}
    for name in ("with", "without"):
        tagger = NerTagger().train(TINY, max_iterations=50, lexicon_dir=tmp_path / name)
        assert ("GN_S" in tagger.gazetteer.get("كريم", ())) is (name == "with")
        tags[name] = tagger.predict(sentence)
    assert tags["with"][1] == "B-PERS"
    assert tags["without"][1] == "O"


def test_cluster_levels_round_trip(tmp_path: Path) -> None:
    clusters = {"جوزيه": [1, 2, 3, 4, 5, 6, 0]}
    tagger = NerTagger().train(TINY, max_iterations=20, clusters=clusters, cluster_levels=5, gazetteer={})
    _, _, own, ctx1, _ = tagger._word_features("جوزيه")
    feats = {f for comp in own for f in comp.split("\t")}
    # five cluster ids, the rest statistics; all of them describe the neighbours too
    assert {"c0=1", "c4=5", "c5=6", "c6=0"} <= feats
    assert {f for comp in ctx1 for f in comp.split("\t")} >= {"c0=1", "c4=5", "c5=6"}
    loaded = NerTagger.load(tagger.save(tmp_path / "m.gz"))
    assert loaded.cluster_levels == 5
    assert loaded._word_features("جوزيه") == tagger._word_features("جوزيه")
    assert loaded.predict_many([["قال", "جوزيه"]], propagate=False) == [
        loaded.predict_crfsuite(["قال", "جوزيه"])
    ]


def test_train_ner_cli_options(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from arabic_kg.cli import app

    text = "".join("".join(f"{t} {y}\n" for t, y in s) + "\n" for s in TINY * 4)
    corpus = _write(tmp_path, "ANERCorp_train.txt", text)
    out = tmp_path / "m.gz"
    runner = CliRunner()
    args = ["train-ner", str(corpus), "--output", str(out), "--c2", "0.5", "--iterations", "20"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    params = NerTagger.load(out).params
    assert (params["c1"], params["c2"], params["max_iterations"]) == (0.01, 0.5, 20)
    missing = runner.invoke(app, [*args, "--unlabeled", str(tmp_path / "no-such-news")])
    assert missing.exit_code != 0
    assert "no such corpus" in str(missing.exception)


def test_a_club_head_before_a_place_makes_an_organization() -> None:
    tagger = NerTagger()
    tagger.cues = {"دينامو": "CL", "ريال": "CL"}
    tagger.gazetteer = {"كييف": ("LOC_S",), "سان": ("LOC_B",), "بطرسبورغ": ("LOC_E",)}
    club = tagger._club_names
    # the CRF read the club as a person / the city after a word; a gazetteer place needs no tag at all
    assert club(["فاز", "دينامو", "كييف"], ["O", "B-PERS", "I-PERS"]) == ["O", "B-ORG", "I-ORG"]
    assert club(["فاز", "لدينامو", "كييف"], ["O", "O", "B-LOC"]) == ["O", "B-ORG", "I-ORG"]
    assert club(["فاز", "دينامو", "سان", "بطرسبورغ"], ["O"] * 4) == ["O", "B-ORG", "I-ORG", "I-ORG"]
    # before a word that is neither tagged nor a place (a currency), nothing changes
    assert club(["مليون", "ريال", "سعودي"], ["O", "O", "O"]) == ["O", "O", "O"]


def test_a_name_opening_with_a_club_head_is_propagated() -> None:
    tagger = NerTagger()
    tagger.cues = {normalize_word("ريال"): "CL", normalize_word("منظمة"): "OC"}
    sents = [["فاز", "ريال", "مدريد"], ["خسر", "ريال", "مدريد"], ["قالت", "منظمة"], ["إن", "منظمة"]]
    tags = [["O", "B-ORG", "I-ORG"], ["O", "O", "O"], ["O", "B-ORG"], ["O", "O"]]
    out = tagger._propagate(sents, [list(t) for t in tags])
    assert out[1] == ["O", "B-ORG", "I-ORG"]
    assert out[3] == ["O", "O"]  # other cue words still are not propagated


def test_a_persons_surname_alone_is_propagated_unless_it_is_a_common_word() -> None:
    tagger = NerTagger()
    tagger.clusters = {normalize_word("علي"): (7, 5)}  # last statistic: frequency bucket 5 (very common)
    tagger.cluster_levels = 1
    sents = [
        ["قال", "ألبرت", "أينشتاين"],
        ["وأضاف", "أينشتاين"],
        ["وقال", "محمد", "علي"],
        ["وصل", "على", "الفور"],
    ]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O"], ["O", "B-PERS", "I-PERS"], ["O", "O", "O"]]
    out = tagger._propagate(sents, [list(t) for t in tags])
    assert out[1] == ["O", "B-PERS"]  # through the clitic و
    assert out[3] == ["O", "O", "O"]  # علي is as common as the preposition it is spelled like


def test_shipped_model_is_up_to_date_with_the_lexicon(shipped: NerTagger) -> None:
    """The tagger stores its cue words and gazetteer; after editing the lexicon, retrain (model README)."""
    from arabic_kg.ner.tagger import load_cue_words

    assert shipped.cues == load_cue_words()
    assert shipped.gazetteer == {k: tuple(v) for k, v in build_gazetteer().items()}
