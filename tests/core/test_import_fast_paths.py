"""The shortcuts a text reader takes for each short article (issue 15, point 6: CPU per file)
give what the longer way gave, on made-up text — random mixes of Arabic, Latin, digits,
marks, quotes, brackets and white space of every kind: the words' scripts and directions
(language and direction), the count of words, the marks deleted by folding, a dateline's
digits in Western form, the lines a dateline's patterns are tried on, and a draft's cleaning
steps skipped when one scan finds nothing they change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import arabic, datelines
from desktop.core import text as text_module
from desktop.core.arabic import (
    _KINDS,
    _SAMPLE,
    _first_of,
    _remove_and_fold,
    _script,
    _strength,
    _word_count,
    _word_kinds,
)
from desktop.core.errors import ImportRejected
from desktop.core.text import make_draft

# Pieces words are made of: Arabic letters (and presentation forms, Persian letters), marks
# that decide nothing (harakat, tatweel), digits of three kinds, Latin with and without
# accents, other scripts (Hebrew, right to left; Greek, Cyrillic, CJK), quotes, brackets and
# punctuation that may open a word, direction marks and controls.
_LETTERS = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىپچژگکی\ufe8d\ufe91\ufefbabcxyzABCXYZéÉßſאבגαβΣжЖ中文"
)
_NEUTRAL = (
    "\u064b\u064e\u0651\u0652\u0640\u0670"  # harakat, tatweel, dagger alef
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲"
    "\"'«»“”‘’()[]{}<>-–—،؛؟.,:;!?%/\\#@*_+=|~^&$"
    "\u200e\u200f\u061c\u200b\u200c\u200d\u202b\u202e\u2066\u00ad\ufeff"
    "\u00b2\u00bd\u2160"  # numbers that are not decimal digits
)
_SPACES = " \n\t\r\x0b\x0c\x1c\x1d\x85\xa0\u1680\u2000\u2009\u2028\u2029\u202f\u205f\u3000"
_ANY_SCRIPT = _LETTERS + _NEUTRAL


def _word_kinds_by_word(text: str) -> tuple[list[int], list[int]]:
    """_word_kinds as it was: each word's first character looked up, the word read letter
    by letter when it decides nothing."""
    scripts = [0, 0, 0, 0]
    strengths = [0, 0, 0]
    for word in text[:_SAMPLE].split():
        first = word[0]
        script, strength = _script(first), _strength(first)
        scripts[script or _first_of(word, _script)] += 1
        strengths[strength or _first_of(word, _strength)] += 1
    return scripts, strengths


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """A text of words made of ``_ANY_SCRIPT`` characters (mostly Arabic, mostly Latin, or
    anything: both ways of :func:`_word_kinds`), between runs of white space."""
    letters = draw(st.sampled_from(["ابتسمكلنهوي", "abcdefxyzT", _LETTERS]))
    alphabet = letters * 4 + _NEUTRAL
    words = draw(st.lists(st.text(alphabet, min_size=1, max_size=9), max_size=60))
    gaps = draw(st.lists(st.text(_SPACES, min_size=1, max_size=3), min_size=len(words) + 1))
    return "".join(gap + word for gap, word in zip(gaps, [*words, ""], strict=False))


@settings(max_examples=400, deadline=None)
@given(_texts(), st.booleans(), st.booleans())
def test_word_kinds_count_what_reading_each_word_counted(text: str, lead: bool, long: bool) -> None:
    text = ("" if lead else " ") + text
    if long:  # past the sample, cut inside a word or a gap
        text = (text * (1 + 2 * _SAMPLE // max(len(text), 1)))[: 2 * _SAMPLE]
    _KINDS.clear()  # the table of first characters is kept between articles: not relied on
    assert _word_kinds(text) == _word_kinds_by_word(text)
    assert _word_kinds(text) == _word_kinds_by_word(text)  # and with the table filled


@settings(max_examples=300, deadline=None)
@given(st.text(" ab\u0627\n", max_size=40) | st.text(_SPACES + "ab \u0627\n", max_size=40))
def test_word_count_is_the_count_of_split(text: str) -> None:
    # (spaces and newlines alone: the count's own way; any other white space: split's)
    assert _word_count(text) == len(text.split())


def test_word_kinds_of_each_character_alone() -> None:
    """Every character of the planes Hamish meets, as the first and only character of a
    word, among Arabic words (the pattern's way) and among Latin ones (the loop's)."""
    for cp in [*range(0, 0x3000), *range(0xA700, 0xA800), *range(0xFB00, 0x10000)]:
        char = chr(cp)
        if char.isspace() or 0xD800 <= cp <= 0xDFFF:
            continue
        for around in ("كلمة عربية", "english words"):
            text = f"{around} {char} {around} {char}x"
            assert _word_kinds(text) == _word_kinds_by_word(text), hex(cp)


def test_the_deciding_letters_are_the_interpreters() -> None:
    """The pattern of words not starting with an Arabic letter holds exactly the characters
    _script and _strength do not class as Arabic and right to left."""
    pattern = arabic._words_not_arabic()
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF or chr(cp).isspace():
            continue
        char = chr(cp)
        deciding = _script(char) == arabic._ARABIC and _strength(char) == arabic._RTL
        assert (pattern.fullmatch(" " + char, 1) is None) == deciding, hex(cp)


_REMOVED_RUNS = re.compile(
    "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in arabic._REMOVED_RANGES) + "]+"
)


def _remove_and_fold_by_runs(text: str) -> str:
    text = _REMOVED_RUNS.sub("", text)
    for source, folded in arabic._CHAR_FOLDS:
        text = text.replace(source, folded)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(_ANY_SCRIPT + "\u0610\u061a\u06d6\u06ed\u2060\u2069 ", max_size=80))
def test_marks_deleted_one_at_a_time_as_by_their_runs(text: str) -> None:
    assert _remove_and_fold(text) == _remove_and_fold_by_runs(text)


@settings(max_examples=400, deadline=None)
@given(st.text(_ANY_SCRIPT + "\u0653\u0654 \u00a0\u202f\u2007", max_size=60))
def test_western_digits_as_translate_gave_them(line: str) -> None:
    assert datelines._western(line) == line.translate(datelines._DIGITS)


_PLACES = ["عمّان", "القاهرة", "Beirut", "بيروت الشرقية", "تقرير رقم", "الرباط (أ ف ب)"]
_MONTH_NAMES = ["كانون الأول", "نيسان", "ديسمبر/كانون الأول", "May", "December", "Dec."]


@st.composite
def _lines(draw: st.DrawFn) -> str:
    """A first line that may or may not open with a dateline, with or without its year."""
    parts = [
        draw(st.sampled_from(["", *_PLACES])),
        draw(st.sampled_from(["", " - ", "، ", ", ", " ", " — "])),
        draw(st.sampled_from(["", "الثلاثاء ", "Monday, "])),
        draw(st.sampled_from(["", "3 ", "12 ", "٣ ", "2024-05-20", "5"])),
        draw(st.sampled_from(["", *_MONTH_NAMES])),
        draw(st.sampled_from(["", " 3,", " 2024", " ٢٠٢٤", ", 2026", "2024", " 19"])),
        draw(st.sampled_from(["", " (بترا)", " (أ ف ب)"])),
        draw(st.sampled_from(["", " -", " — ", ": ", "،"])),
        draw(st.text("ابت 0123،-", max_size=8)),
    ]
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(_lines())
def test_a_dateline_is_looked_for_only_where_it_can_be(line: str) -> None:
    """The patterns are passed over on a line without a year (a day for a year-less
    dateline): no line they match lacks one."""
    line = datelines._western(line)
    patterns = (datelines._DAY_FIRST, datelines._MONTH_FIRST, datelines._PLACED, datelines._ISO)
    if any(pattern.match(line) for pattern in patterns):
        assert datelines._YEAR.search(line) is not None
    if datelines._NO_YEAR.match(line):
        assert datelines._DIGIT.search(line) is not None


def test_datelines_still_found() -> None:
    assert datelines.dateline_date("عمّان – ٣ كانون الأول ٢٠٢٤\nنص") == "2024-12-03"
    assert datelines.undated_dateline("عمان 3 نيسان (بترا) - أعلنت") == "3 نيسان"
    assert datelines.dateline_date("تقرير رقم 4523: بلا تاريخ\nنص") is None


_CONTROLS = "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9b\x9f\r\u2028\u2029\ud800\udfff"


class _AlwaysFound:
    """A stand-in for text._UNUSUAL that finds something in every text: the three cleaning
    steps always run, as before."""

    def search(self, text: str) -> object:
        del text
        return True


@settings(max_examples=300, deadline=None)
@given(st.text(_ANY_SCRIPT + _CONTROLS + " \n\t", min_size=1, max_size=60))
def test_a_draft_cleaned_only_when_there_is_something_to_clean(text: str) -> None:
    def draft(raw: str) -> object:
        try:
            return make_draft(raw, origin="/tmp/a.txt")
        except ImportRejected as error:
            return str(error)

    fast = draft(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_module, "_UNUSUAL", _AlwaysFound())
        assert draft(text) == fast


def test_the_unusual_characters_are_those_the_steps_change() -> None:
    """Every character a cleaning step changes is one the scan looks for."""
    for cp in range(0x10000):
        char = chr(cp)
        steps = text_module._SURROGATE.subn("\ufffd", text_module.normalise_newlines(char))
        changed = steps != (char, 0) or text_module.clean_body(steps[0]) != (steps[0], 0)
        if changed:
            assert text_module._UNUSUAL.search(char) is not None, hex(cp)


def test_newlines_normalised() -> None:
    assert text_module.normalise_newlines("a\r\nb\rc\u2028d\u2029e\x85f") == "a\nb\nc\nd\ne\nf"
    plain = "سطر\nوآخر"
    assert text_module.normalise_newlines(plain) is plain


def test_sample_ends_where_it_did() -> None:
    """The sample's cut is the same both ways: a word cut at the 2,000th character counts
    by what is left of it."""
    text = "ا " * (_SAMPLE // 2 - 1) + "x" + "ب" * 10
    assert _word_kinds(text) == _word_kinds_by_word(text)


_MAKSURA_LETTERS = frozenset(
    chr(cp) for lo, hi in arabic._ARABIC_LETTER_RANGES for cp in range(lo, hi + 1)
)
_LONGEST_STOP = max(map(len, arabic._STOP_FORMS))


def _fold_alef_maksura_by_walking(text: str) -> str:
    """_fold_alef_maksura as it was: from each final ى, back letter by letter to the word's
    start, the word looked up among the stop forms."""
    letters = _MAKSURA_LETTERS
    keep = []
    for at, char in enumerate(text):
        if char != "ى" or (at + 1 < len(text) and text[at + 1] in letters):
            continue
        start = at
        while start > 0 and start > at + 1 - _LONGEST_STOP and text[start - 1] in letters:
            start -= 1
        if (start == 0 or text[start - 1] not in letters) and text[start : at + 1] in (
            arabic._STOP_FORMS
        ):
            keep.append(at)
    return "".join("ى" if at in keep else "ي" if c == "ى" else c for at, c in enumerate(text))


_MAKSURA_PIECES = [
    *"ىيعلاحتمدنسوبشركف ي1.a\u06a9",
    *sorted(arabic._STOP_FORMS)[::7],
    "مصطفى",
    "فيحيى",
    "وبسلمى",
    "ىى",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MAKSURA_PIECES), max_size=12))
def test_alef_maksura_kept_where_walking_back_kept_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert arabic._fold_alef_maksura(text) == _fold_alef_maksura_by_walking(text)


def test_alef_maksura_of_every_stop_form() -> None:
    for form in arabic._STOP_FORMS:
        for text in (form, f"و{form}", f"{form}ك", f"x{form}.", f"1{form}"):
            assert arabic._fold_alef_maksura(text) == _fold_alef_maksura_by_walking(text)
