"""evaluate-ner: the whole tool tags pre-tokenized CoNLL; exact-span scores are right."""

from pathlib import Path

from typer.testing import CliRunner

from arabic_kg.cli import app
from arabic_kg.ner.conll import read_conll

# Three gold spans: PERS فلاديمير بوتين, LOC موسكو, ORG الأمم المتحدة; the tool also tags سوريا (gold O).
CONLL = """قال O
الرئيس O
فلاديمير B-PERS
بوتين I-PERS
في O
موسكو B-LOC
إن O
الأمم B-ORG
المتحدة I-ORG
تدعم O
سوريا O
. O

وصل O
الوفد O
. O
"""


def test_evaluate_ner_writes_predictions_and_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text(CONLL, encoding="utf-8")
    pred = tmp_path / "pred.conll"
    result = CliRunner().invoke(app, ["evaluate-ner", str(gold), "--predictions", str(pred)])
    assert result.exit_code == 0, result.output
    predicted = read_conll(pred)
    assert [w for w, _ in predicted[0]] == [w for w, _ in read_conll(gold)[0]]
    tags = dict(predicted[0])
    assert tags["فلاديمير"] == "B-PERS" and tags["بوتين"] == "I-PERS"
    assert tags["موسكو"] == "B-LOC" and tags["سوريا"] == "B-LOC"
    assert tags["الأمم"] == "B-ORG" and tags["المتحدة"] == "I-ORG"
    # 3 correct of 4 predicted, 3 gold: P 0.75, R 1.0, F1 0.857
    micro = next(line for line in result.output.splitlines() if line.startswith("micro"))
    assert "P 0.750" in micro and "R 1.000" in micro and "F1 0.857" in micro


def test_known_full_names_are_added_where_the_tagger_found_nothing() -> None:
    from arabic_kg.lexicon import load_lexicon
    from arabic_kg.ner.evaluation import add_known_people
    from arabic_kg.ner.matcher import Matcher

    matcher = Matcher(load_lexicon())
    words = ["قال", "بان", "كي", "مون", "إن", "الأمم", "المتحدة", "تدعم", "جون", "كيري"]
    tags = ["O"] * 8 + ["B-PERS", "O"]
    add_known_people(matcher, words, tags)
    # بان كي مون is added; the organization is not (only people); the tagger's own span is kept as it was
    assert tags == ["O", "B-PERS", "I-PERS", "I-PERS", "O", "O", "O", "O", "B-PERS", "O"]
