"""Tests for desktop.core.arabic: folding rules, the offset map, direction and language.

The offset map is what lets search highlights land on the raw text, so besides one test per
fold rule there are property tests over random mixed-script strings that check the map is a
monotonic partition of the raw text consistent with :func:`fold`.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from itertools import pairwise

import pytest

from desktop.core import arabic
from desktop.core.arabic import (
    ARTICLE,
    LAM,
    LAM_CLITICS,
    PROCLITICS,
    STOP_ALEF_MAKSURA,
    Normalised,
    detect_direction,
    detect_language,
    fold,
    fold_each,
    fold_words,
    normalise,
)

# --------------------------------------------------------------------------------------------
# One test per fold rule
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # alef variants
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمال", "امال"),
        ("ٱلله", "الله"),
        # hamza on carriers
        ("مؤتمر", "مءتمر"),
        ("رئيس", "رءيس"),
        # ta marbuta
        ("مدرسة", "مدرسه"),
        # Persian yeh and kaf
        ("ایران", "ايران"),
        ("کتاب", "كتاب"),
        # digits
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        # Latin case
        ("Russia-NOW.com", "russia-now.com"),
        ("Straße", "strasse"),
        # alef maksura outside the stop list
        ("مصطفى", "مصطفي"),
        ("فى", "في"),
    ],
)
def test_single_fold_rules(raw: str, expected: str) -> None:
    assert fold(raw) == expected
    assert normalise(raw).text == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أوباما", "اوباما"),
        ("إيران", "ايران"),
        ("مسئول", "مسؤول"),
        ("القاهرة", "القاهره"),
        ("مصطفى", "مصطفي"),
        ("الذى", "الذي"),
        ("عام ٢٠٢٤", "عام 2024"),
        ("OBAMA", "obama"),
        ("STRASSE", "straße"),
        ("ﺍﻟﺴﻼﻡ", "السلام"),  # presentation forms
        ("ﷲ", "الله"),
    ],
)
def test_variants_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_harakat_removed() -> None:
    assert fold("الأسَد") == "الاسد"
    assert fold("مُحَمَّدٌ") == "محمد"
    assert fold("الرَّحْمٰنِ") == "الرحمن"  # superscript alef U+0670


def test_quranic_marks_removed() -> None:
    assert fold("الْكِتَابُ\u06da لَا\u06d7") == "الكتاب لا"
    assert fold("محمد\u0610") == "محمد"


def test_tatweel_removed() -> None:
    assert fold("الأســـد") == "الاسد"
    assert fold("الأســـد") == fold("الأسد")


@pytest.mark.parametrize(
    "control",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\ufeff",
        "\u061c",
        "\u00ad",
    ],
)
def test_invisible_controls_removed(control: str) -> None:
    assert fold(f"{control}الأسد{control} ab{control}c") == "الاسد abc"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufe8d", "ا"),  # alef isolated
        ("\ufe91\ufe92", "بب"),  # beh initial + medial
        ("\ufee1\ufef4", "مي"),  # meem isolated + yeh medial
        ("\ufefb", "لا"),  # lam-alef ligature
        ("\ufef5", "لا"),  # lam-alef with madda: آ folds to ا
        ("\ufdf2", "الله"),
        ("\ufc4e", "نم"),  # ligature noon-meem
        ("\ufe70", " "),  # fathatan isolated form is NFKC space + fathatan
        ("\ufef0", "ي"),  # alef maksura final form, not a stop word on its own
    ],
)
def test_presentation_forms(raw: str, expected: str) -> None:
    assert fold(raw) == expected
    assert normalise(raw).text == expected


# --------------------------------------------------------------------------------------------
# The على / علي trap
# --------------------------------------------------------------------------------------------


def test_ala_is_not_ali() -> None:
    assert fold("على") != fold("علي")
    assert fold("وعلى") != fold("علي")
    assert fold("وعلى") != fold("وعلي")
    assert fold("عَلَى") != fold("عَلِيّ")
    assert fold("علـى") != fold("علي")  # tatweel does not hide the stop word
    assert fold("ﻋﻠﻰ") == fold("على")  # nor do presentation forms


@pytest.mark.parametrize(
    ("stop", "other"),
    [
        ("إلى", "آلي"),
        ("والى", "والي"),
        ("لدى", "لدي"),
        ("سوى", "سوي"),
        ("منى", "مني"),
        ("لمنى", "لمني"),
        ("يحيى", "يحيي"),
        ("فحتى", "فحتي"),
    ],
)
def test_stop_words_keep_alef_maksura(stop: str, other: str) -> None:
    assert fold(stop) != fold(other)
    assert fold(stop).endswith("ى")


def test_alef_maksura_only_protected_for_whole_words() -> None:
    assert fold("اعلى") == fold("اعلي")  # a longer word ending in على still folds
    assert fold("على،") == "على،"  # punctuation ends the word
    assert fold("على2") == "على2"
    assert fold("مصطفى على") == "مصطفي على"
    assert fold("هذا على الذى") == "هذا على الذي"
    assert all(w.endswith("ى") for w in STOP_ALEF_MAKSURA)


# --------------------------------------------------------------------------------------------
# Offset map
# --------------------------------------------------------------------------------------------


def test_lam_alef_ligature_offsets() -> None:
    raw = "س\ufefbم"  # سلام written with the lam-alef ligature
    norm = normalise(raw)
    assert norm.text == "سلام"
    assert norm.offsets == (0, 1, 1, 2, 3)
    assert norm.to_raw(1, 3) == (1, 2)  # "لا" is the ligature
    assert norm.to_raw(1, 2) == (1, 2)  # half of it widens to the whole raw character
    assert norm.to_raw(2, 3) == (1, 2)
    assert norm.to_raw(0, 4) == (0, 3)
    assert norm.to_norm(1) == 1
    assert norm.to_norm(2) == 3


def test_ligature_expanding_to_many_letters() -> None:
    raw = "قال \ufdf2 اكبر"
    norm = normalise(raw)
    assert norm.text == "قال الله اكبر"
    start = norm.text.index("الله")
    assert norm.to_raw(start, start + 4) == (4, 5)
    assert raw[slice(*norm.to_raw(start, start + 4))] == "\ufdf2"


def test_to_raw_includes_harakat_on_last_letter() -> None:
    raw = "الأسَدُ"
    norm = normalise(raw)
    assert norm.text == "الاسد"
    assert norm.to_raw(0, 5) == (0, len(raw))
    assert norm.to_raw(3, 4) == (3, 5)  # س with its fatha


def test_highlight_maps_back_to_raw_word() -> None:
    raw = "قال الأسَدُ اليوم"
    norm = normalise(raw)
    start = norm.text.index("الاسد")
    span = norm.to_raw(start, start + len("الاسد"))
    assert raw[span[0] : span[1]] == "الأسَدُ"
    assert norm.to_norm(span[0]) == start
    assert norm.to_norm(span[1]) == start + len("الاسد")


def test_removed_controls_attach_to_previous_character() -> None:
    raw = "ab \u200fالأسد\u200e cd"
    norm = normalise(raw)
    start = norm.text.index("الاسد")
    span = norm.to_raw(start, start + 5)
    assert raw[span[0] : span[1]] == "الأسد\u200e"


def test_casefold_expansion_offsets() -> None:
    norm = normalise("Straße X")
    assert norm.text == "strasse x"
    assert norm.offsets == (0, 1, 2, 3, 4, 4, 5, 6, 7, 8)
    assert norm.to_raw(4, 5) == (4, 5)


def test_empty_and_all_removed() -> None:
    assert normalise("") == Normalised("", (0,))
    assert normalise("\u064b\u0651\u200f") == Normalised("", (3,))
    assert fold("") == ""


def test_span_validation() -> None:
    norm = normalise("الأسد")
    with pytest.raises(ValueError):
        norm.to_raw(3, 2)
    with pytest.raises(ValueError):
        norm.to_raw(0, 6)
    with pytest.raises(ValueError):
        norm.to_norm(-1)
    with pytest.raises(ValueError):
        Normalised("ab", (0, 1))
    assert norm.to_raw(2, 2) == (2, 2)


def test_ascii_fast_path() -> None:
    norm = normalise("Hello World")
    assert norm.text == "hello world"
    assert norm.offsets == tuple(range(12))


# Random strings from a mixed alphabet. Tokens are mostly single code points; a few whole words
# make sure the alef-maksura stop list and its proclitics are exercised in context.
_TOKENS: tuple[str, ...] = (
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئةىیک",
    *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655\u0610\u06d6\u06e1",
    "\u0640",
    *"aBzZßİeE\u0301\u0327ﬁ",
    *"07٣۵۹",
    " ",
    " ",
    "\n",
    "،",
    *"😀𝐀",
    *"\ufefb\ufef5\ufdf2\ufdfa\ufe8d\ufef0\ufe70\ufe71\ufc5e\ufbfc\ufe91\ufee0",
    *"\u200f\u202b\u2066\u00ad\u200d\ufeff\u061c",
    # things that compose or reorder under NFKC
    *"ｶﾞ\u3131\u314f\u1100\u1161\u11a8\u0344\u0b47\u0b3e\u0390",
    "على",
    "وعلى",
    "علي",
    "مصطفى",
    "إلى",
    "يحيى",
    "عَلَى",
)


def _random_strings(count: int, seed: int, max_tokens: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_TOKENS, k=rng.randint(0, max_tokens))) for _ in range(count)]


def _ignore_yeh(text: str) -> str:
    """Fold ى/ي together: the alef-maksura rule depends on the whole word, not the segment."""
    return text.replace("ى", "ي")


@pytest.mark.parametrize(
    ("seed", "count", "max_tokens"),
    # short strings hit every rule in context; long ones cross the internal NFKC block splits
    [(0, 400, 40), (1, 400, 40), (2, 400, 40), (3, 400, 40), (4, 8, 3000)],
)
def test_offset_map_properties(seed: int, count: int, max_tokens: int) -> None:
    for raw in _random_strings(count, seed, max_tokens):
        norm = normalise(raw)
        text, offsets = norm.text, norm.offsets
        assert fold(raw) == text, repr(raw)
        assert len(offsets) == len(text) + 1
        assert offsets[-1] == len(raw)
        if text:
            assert offsets[0] == 0
        assert all(a <= b for a, b in pairwise(offsets)), repr(raw)
        # Exact invariant: characters sharing a raw start form a group; folding the raw
        # segment the group owns gives exactly the group's text (up to ى/ي, whose fold depends
        # on the surrounding word).
        i = 0
        while i < len(text):
            j = i + 1
            while j < len(text) and offsets[j] == offsets[i]:
                j += 1
            segment = raw[offsets[i] : offsets[j]]
            assert segment, repr(raw)
            assert _ignore_yeh(fold(segment)) == _ignore_yeh(text[i:j]), (raw, i, j)
            assert norm.to_raw(i, j) == (offsets[i], offsets[j])
            for k in range(i, j):
                assert norm.to_norm(offsets[k]) == i
            i = j
        for pos in range(len(raw) + 1):
            k = norm.to_norm(pos)
            assert 0 <= k <= len(text)
            if k < len(text):
                start, end = norm.to_raw(k, k + 1)
                assert start <= pos < end


def test_random_arabic_words_highlight_exactly() -> None:
    rng = random.Random(7)
    letters = "ابتسعلمنهويأإآةى"
    marks = "\u064e\u064f\u0650\u0651\u0652\u0640"
    for _ in range(200):
        words = []
        for _ in range(rng.randint(1, 6)):
            word = "".join(
                rng.choice(letters) + "".join(rng.choices(marks, k=rng.randint(0, 2)))
                for _ in range(rng.randint(1, 6))
            )
            words.append(word)
        raw = " ".join(words)
        norm = normalise(raw)
        pos = 0
        for word in words:
            key = fold(word)
            start = norm.text.index(key, pos)
            span = norm.to_raw(start, start + len(key))
            assert raw[span[0] : span[1]] == word, (raw, word)
            pos = start + len(key)


def test_works_at_size() -> None:
    """Exercise both paths on ~200 KB (no timing assertions; just that nothing degrades)."""
    para = (
        "قال الرئيس السوري بشار الأسَدُ في مقابلة مع موقع Russia-Now.com إن الحكومة ستواصل "
        "العمل على إعادة الإعمار حتى نهاية عام ٢٠٢٤، وأضاف مصطفى أنَّ المسؤولين ﻻ يعلمون. "
    )
    presentation = "".join(
        {"ا": "\ufe8d", "ل": "\ufedd", "م": "\ufee1", "ب": "\ufe8f"}.get(c, c) for c in para
    )
    raw = (para + presentation) * (200_000 // len((para + presentation).encode()) + 1)
    assert len(raw.encode()) >= 200_000
    norm = normalise(raw)
    assert norm.text == fold(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(raw)
    assert "الاسد" in norm.text


# --------------------------------------------------------------------------------------------
# Direction and language
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال موقع Russia-Now.com إن الرئيس وصل", "rtl"),
        ("ذكر موقع Russia-Now.com", "rtl"),
        ("The president arrived in Cairo on Monday.", "ltr"),
        ("The word الأسد means lion in Arabic.", "ltr"),
        ("שלום עולם", "rtl"),
        ("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "rtl"),
        ("", "ltr"),
        ("123 — !!", "ltr"),
        ("٢٠٢٤", "ltr"),
    ],
)
def test_detect_direction(text: str, expected: str) -> None:
    assert detect_direction(text) == expected


def test_detect_direction_uses_the_beginning() -> None:
    assert detect_direction("قال الرئيس " * 300 + "English text " * 2000) == "rtl"


def _words_by_first_strong(text: str) -> tuple[int, int]:
    """The definition, word by word and letter by letter: (rtl words, ltr words)."""
    rtl = ltr = 0
    for word in text[:2000].split():
        for ch in word:
            cls = unicodedata.bidirectional(ch)
            if cls in ("R", "AL"):
                rtl += 1
                break
            if cls == "L":
                ltr += 1
                break
    return rtl, ltr


def test_direction_and_language_follow_their_definition_on_mixed_text() -> None:
    rng = random.Random(5)
    alphabet = "قالرئيس«»()\"'-—،.؟123٢٠abcXYZשלוםَ‏‎ ﺍﻟ😀\n\t"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        rtl, ltr = _words_by_first_strong(text)
        assert detect_direction(text) == ("rtl" if rtl and rtl > 0.4 * (rtl + ltr) else "ltr")
    assert detect_language("«(قال» Reuters") == "ar"
    assert detect_language("«(Reuters» said «قال»") == "en"


def test_direction_asks_for_each_distinct_character_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked word by word, the bidi class of the same few letters was a sixth of what
    importing a short article cost."""
    calls: list[str] = []
    real = unicodedata.bidirectional

    def counted(ch: str) -> str:
        calls.append(ch)
        return real(ch)

    arabic._strength.cache_clear()
    monkeypatch.setattr(unicodedata, "bidirectional", counted)
    text = "قال الرئيس إن «الاجتماع» كان مثمراً " * 60
    assert detect_direction(text) == "rtl"
    assert len(calls) == len(set(calls)) <= len(set(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الرئيس السوري بشار الأسد", "ar"),
        ("ذكر موقع Russia-Now.com", "ar"),
        ("The president arrived in Cairo.", "en"),
        ("Привет мир", "und"),
        ("", "und"),
        ("12345 !!", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


# --------------------------------------------------------------------------------------------
# The proclitic inventory and fold_words
# --------------------------------------------------------------------------------------------


def test_proclitic_inventory() -> None:
    assert PROCLITICS == ("", "ب", "ك", "ل", "و", "وب", "وك", "ول", "ف", "فب", "فك", "فل")
    assert LAM_CLITICS == ("ل", "ول", "فل")
    assert all(clitic in PROCLITICS for clitic in LAM_CLITICS)
    assert (LAM, ARTICLE) == ("ل", "ال")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        (" \t\n ", ""),
        ("جون   كيري", "جون كيري"),
        ("  جُون\u00a0\tكيري\r\n", "جون كيري"),  # no-break space, tab, CRLF, harakat
        ("\u2003Russia\u3000NOW ", "russia now"),
        ("الأَسـد\u200b", "الاسد"),  # a zero-width space is removed by fold, not a separator
    ],
)
def test_fold_words(raw: str, expected: str) -> None:
    assert fold_words(raw) == expected
    assert fold_words(raw) == re.sub(r"\s+", " ", fold(raw)).strip()


def test_fold_each_is_fold_of_each_word() -> None:
    """Words folded as one text (desktop.core.suggest.features tokens) fold as each alone:
    every character as a word of its own, after a word whose final ى is kept (على) or folded
    (مصطفى), and before harakat; a word holding a line break falls back to one by one."""
    characters = [
        chr(c) for c in range(1, 0x30000) if not chr(c).isspace() and not 0xD800 <= c < 0xE000
    ]
    assert fold_each(characters) == [fold(c) for c in characters]
    arabic = [c for c in characters if 0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF]
    words = [w + c for w in ("على", "مصطفى", "وعلى", "ى", "ٱل") for c in arabic]
    words += [c + "َ" for c in arabic] + ["ﻻ", "ﷲ", "Ǆ", "ß", "İ", "", "مُحَمَّد", "ـــ"]
    assert fold_each(words) == [fold(w) for w in words]
    assert fold_each(["على\nمصطفى", "إلى"]) == [fold("على\nمصطفى"), fold("إلى")]
    assert fold_each([]) == []


def test_proclitic_readings_of_a_written_word() -> None:
    """Every reading as proclitics + a word, the shorter groups first, as written (harakat
    kept), ل + ال written لل with its article back; none shorter than three letters."""
    from desktop.core.arabic import proclitic_readings

    assert proclitic_readings("لأوباما") == ["أوباما"]
    assert proclitic_readings("وكيري") == ["كيري", "يري"]
    assert proclitic_readings("للكرملين") == ["لكرملين", "الكرملين"]
    assert proclitic_readings("وللكرملين") == ["للكرملين", "لكرملين", "الكرملين"]
    assert proclitic_readings("ولِأوباما") == ["لِأوباما", "أوباما"]
    assert proclitic_readings("بوش") == []  # وش: too short for a name
    assert proclitic_readings("أوباما") == [] and proclitic_readings("Kerry") == []


@pytest.mark.parametrize("raw", ["كَتَبَ الرئيسُ ", "the president wrote "])
def test_a_long_texts_offsets_take_eight_bytes_a_character(raw: str) -> None:
    """Issue 15's memory bound: a tuple's entries above 256 are int objects of their own, 36
    bytes a character with the pointer — a 1 MB article's map held 36 MB while the window kept
    it for the next suggestion (the million-article project with the article's suggestions
    shown: 296 MB of the 300 allowed). The map is machine integers, read-only, and still equal
    to the tuple of the same numbers."""
    import tracemalloc

    from desktop.core.arabic import _normalise

    text = raw * 20_000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        norm = _normalise(text)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    folded = sys.getsizeof(norm.text)
    per_character = (held - folded) / len(norm.offsets)
    assert per_character < 9, per_character
    assert norm.offsets == tuple(norm.offsets) and hash(norm.offsets) == hash(tuple(norm.offsets))
    assert norm.to_raw(5, 9) == (norm.offsets[5], norm.offsets[9])
    with pytest.raises(TypeError):
        norm.offsets[0] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        norm.offsets.append(1)  # type: ignore[attr-defined]


def test_a_map_back_is_searched_through_a_memoryview() -> None:
    """``bisect`` over an array subclass reads each item through Python's slot, 4 times slower
    than over a plain array: a normalisation's searches (``to_norm``, ``to_raw`` past an
    expansion) go through a memoryview of its :class:`Offsets`, with the same answers."""
    from desktop.core.arabic import Offsets, _searchable

    offsets = Offsets([0, 0, 2, 3, 3, 5])
    view = _searchable(offsets)
    assert isinstance(view, memoryview) and list(view) == list(offsets)
    assert _searchable((0, 1, 2)) == (0, 1, 2)  # a tuple, as it is
    norm = normalise("ﻻ بَأس " * 10)
    for raw in range(len(norm.offsets) and norm.offsets[-1]):
        i = norm.to_norm(raw)
        assert norm.offsets[i] <= raw
