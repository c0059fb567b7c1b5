"""Lexicon files: validation on load, user overrides, adjective inflection."""

from pathlib import Path

import pytest

from arabic_kg.lexicon import LexiconError, adjective_forms, load_entries, load_lexicon, phrase_key


def test_shipped_lexicon_loads_and_references_resolve() -> None:
    lex = load_lexicon()
    assert lex.entries["state:syr"].type == "STATE"
    assert phrase_key("سوريا") in lex.phrases
    # seats of power and capitals point at their state
    assert ("state:usa", "alias") in lex.phrases[phrase_key("البيت الأبيض")]
    assert ("state:syr", "capital") in lex.phrases[phrase_key("دمشق")]


def test_adjective_inflections() -> None:
    forms = adjective_forms("أمريكي")
    for word in ("الأمريكية", "الأمريكيين", "الأمريكيون", "أمريكية", "الأمريكي"):
        assert phrase_key(word) in forms
    two = adjective_forms("كوري شمالي")
    assert phrase_key("الكورية الشمالية") in two


def test_invalid_entry_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: person:x, type: PERSN, name: س, en: X}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_entries(bad)
    msg = str(err.value)
    assert "bad.yaml" in msg and "person:x" in msg and "type" in msg and "\n" not in msg


def test_invalid_id_and_yaml(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: 'Not An Id', type: PERSON, name: س, en: X}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="id"):
        load_entries(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: [\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid"):
        load_entries(broken)


def test_unknown_reference_is_reported(tmp_path: Path) -> None:
    user = tmp_path / "user.json"
    user.write_text(
        '[{"id": "person:a_b", "type": "PERSON", "name": "أ ب", "en": "A B", '
        '"affiliation": "state:nowhere"}]',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="state:nowhere"):
        load_lexicon([user])


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(
        "- {id: org:my_group, type: ORGANIZATION, name: كتيبة النسر الذهبي, en: Golden Eagle Battalion}\n"
        "- {id: state:syr, type: STATE, name: سوريا, en: Syria (override), aliases: [بلاد الياسمين]}\n",
        encoding="utf-8",
    )
    lex = load_lexicon([user])
    assert lex.entries["org:my_group"].en == "Golden Eagle Battalion"
    assert lex.entries["state:syr"].en == "Syria (override)"
    assert ("state:syr", "alias") in lex.phrases[phrase_key("بلاد الياسمين")]


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon([tmp_path / "nope.yaml"])


@pytest.mark.parametrize("field", ["active_in: [state:nowhere]", "led_by: state:nowhere"])
def test_unknown_state_of_a_coalition_is_reported(tmp_path: Path, field: str) -> None:
    user = tmp_path / "user.yaml"
    entry = f"- {{id: org:x_y, type: ORGANIZATION, name: تحالف س, en: X, {field}}}\n"
    user.write_text(entry, encoding="utf-8")
    with pytest.raises(LexiconError, match="org:x_y.*state:nowhere"):
        load_lexicon([user])
