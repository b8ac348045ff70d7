"""The given-names data file (resources/gazetteer/given_names.txt): broad, well formed, shipped,
and free of the common words a given name could be confused with once folded."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
)
from desktop.resources import GIVEN_NAMES_FILE, given_names, read_text, resource
from tests.core.shipped import resource_patterns

ROOT = Path(__file__).resolve().parents[2]


def _lines() -> list[list[str]]:
    return [
        [name.strip() for name in line.split("|")]
        for line in read_text(GIVEN_NAMES_FILE).splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_the_file_is_broad_and_well_formed() -> None:
    lines = _lines()
    names = [name for line in lines for name in line]
    assert len(names) >= 800
    assert all(name and " " not in name and "\t" not in name for name in names)
    folded = [fold(name) for name in names]
    assert len(folded) == len(set(folded)), "a name is listed twice"
    assert set(_GIVEN_NAMES) <= given_names()  # the rules' own list is kept


def test_it_covers_each_kind_of_name() -> None:
    found = given_names()
    expected = [
        # Arabic, men and women; compounds written joined
        "محمد", "أحمد", "خالد", "يوسف", "فاطمة", "زينب", "عبدالله", "عبدالرحمن", "عبدالفتاح",
        # Persian, Turkish, Asian, African
        "داريوش", "فرهاد", "ناريندرا", "مهاتير", "نيلسون", "أمادو",
        # European, American, Russian, Israeli
        "جون", "جورج", "ديفيد", "ميخائيل", "فلاديمير", "بوريس", "ولفغانغ", "إيهود", "أنجيلا",
    ]  # fmt: skip
    assert [name for name in expected if fold(name) not in found] == []


def test_no_given_name_is_a_common_word_of_the_rules() -> None:
    """A given name that is a function word, a time word, a verb of saying or a title would
    mark those words as names everywhere (على is no علي: folding keeps ى). أمين is both a given
    name and a title (أمين عام): the title rule tells them apart, the model weighs both."""
    words = _FUNCTION_WORDS | _TIME_WORDS | _VERB_WORDS | set(_TITLE_FORMS)
    assert sorted(given_names() & words) == [fold("أمين")]
    # (آنا folds like أنا, "I": the title rule reads it by its madda, names._MADDA_NAMES)
    for word in ("هو", "لي", "على", "سلام", "أكبر", "مدني", "آن", "الآن", "آنا", "آلان"):
        assert fold(word) not in given_names(), word


def test_the_file_ships_as_package_data() -> None:
    assert Path(str(resource(GIVEN_NAMES_FILE))) == ROOT / "resources" / GIVEN_NAMES_FILE
    patterns = resource_patterns()
    assert any(fnmatch(GIVEN_NAMES_FILE, pattern) for pattern in patterns)
