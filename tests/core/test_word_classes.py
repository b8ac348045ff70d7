"""The word-classes data file (resources/gazetteer/word_classes.txt): name particles, persons'
occupations and organisations' head nouns for the tagger's features — well formed, shipped,
and kept apart from the rules' own lists (a word of two classes would tell the model two
things at once)."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _FUNCTION_WORDS,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
    OCCUPATIONS,
)
from desktop.resources import WORD_CLASSES_FILE, given_names, read_text, resource, word_classes
from tests.core.shipped import resource_patterns

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_file_has_each_class() -> None:
    classes = word_classes()
    assert classes[fold("بن")] == classes[fold("آل")] == classes[fold("أبو")] == "part"
    assert classes[fold("الكاتب")] == classes[fold("اللاعب")] == "person"
    assert classes[fold("وزارة")] == classes[fold("صحيفة")] == classes[fold("حزب")] == "org"
    assert sum(1 for v in classes.values() if v == "person") >= 60
    assert sum(1 for v in classes.values() if v == "org") >= 40


def test_every_entry_is_one_word_in_one_class() -> None:
    seen: dict[str, str] = {}
    section = ""
    for line in read_text(WORD_CLASSES_FILE).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
            continue
        for word in line.split("|"):
            assert word.strip() and " " not in word.strip(), line
            assert seen.setdefault(fold(word), section) == section, word


def test_no_entry_is_a_function_word_verb_time_word_title_or_given_name() -> None:
    words = _FUNCTION_WORDS | _TIME_WORDS | _VERB_WORDS | set(_TITLE_FORMS) | given_names()
    assert sorted(set(word_classes()) & words) == []


def test_the_file_ships_as_package_data() -> None:
    assert Path(str(resource(WORD_CLASSES_FILE))) == ROOT / "resources" / WORD_CLASSES_FILE
    patterns = resource_patterns()
    assert any(fnmatch(WORD_CLASSES_FILE, pattern) for pattern in patterns)


def test_the_rules_occupations_are_the_file_s_person_class() -> None:
    """The occupation rule (core, which reads no file) and the tagger's ``person`` class read
    the same nouns: one list to extend, kept twice."""
    assert {w for w, kind in word_classes().items() if kind == "person"} == OCCUPATIONS
