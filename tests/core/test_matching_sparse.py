"""``AliasMatcher.find_sparse`` (issue 15): the same matches as ``find``, folding only windows.

Find all mentions over a corpus folds only the words around the candidates a raw-text pattern
finds; these tests hold it to the reference (``find``, which folds the whole text) on the
tricky Arabic cases, on characters that fold in other ways (presentation forms, a lam-alef
ligature, composing marks, ß), on random noisy text, and check the two properties it rests on:
fold keeps every white-space character as white space, and folds a text cut before white
space piece by piece to the same result.
"""

from __future__ import annotations

import random
import sys

import pytest

from desktop.core.arabic import fold
from desktop.core.matching import AliasMatcher, find_all_mentions
from desktop.io.seeds import seed_drafts

FILLER = "في هذا اليوم قال المسؤولون إن الأمر سيتم بحثه غدا. " * 6  # no alias letters in a row
KERRY = AliasMatcher([(1, "كيري"), (1, "جون كيري"), (1, "Kerry")])

CASES: list[tuple[tuple[str, ...], str]] = [
    (("كيري", "جون كيري"), "قال وكيري ولكيري وبكيري لكيري فكيري اكيري ببكيري"),
    (("كيري", "جون كيري"), "جون كيري وجون  كيري\nجون\u00a0كيري جون\u200cكيري جونكيري"),
    (("أوباما",), "أوباما اوباما إوباما وأوباما لأوباما آوباما"),
    (("مسؤول",), "مسئول مسؤول المسؤول ومسئول مسوول"),
    (("علي",), "على علي عليّ وعلى فعلي علىٰ"),
    (("على",), "على علي وعلى"),
    (("كيري",), "😀كيري 😀 كيري 𝐀 كيري"),  # offsets beyond the BMP
    (("كيري",), "كَيْرِي كـــيري كيري\u064b\u0651 كيري\u200f"),  # harakat, tatweel, controls
    (("الكرملين",), "للكرملين والكرملين فللكرملين بالكرملين لكرملين"),
    (("سورية",), "السورية سورية لسورية وسورية"),
    (("الأسد",), "للأسد وبالأسد الاسد الأَسد"),
    (("ألمانيا",), "لألمانيا وألمانيا"),
    (("Kerry", "John Kerry"), "KERRY kerry JOHN  kerry John Kerryman Kerry's"),
    (("لا",), "ﻻ لا ولا"),  # the lam-alef ligature folds to two letters
    (("لاجئ",), "ﻻجئ لاجئ"),
    (("كيري",), "ﻛﻴﺮﻱ كيري"),  # presentation forms
    (("كيري", "جون كيري"), "جون ﻛيري وجون ﻛﻴﺮﻱ"),  # one in the last word of a longer alias
    (("مؤتمر",), "مو\u0654تمر مؤتمر"),  # a hamza that composes with its waw
    (("strasse",), "Straße STRASSE strasse"),  # ß folds to two letters
    (("cafe",), "cafe\u0301 café cafe"),  # a mark that composes with its letter
    (("وليد", "ليد"), "وليد ووليد بليد"),
    (("ابا",), "ابابا ابا"),  # an alias that overlaps itself
    (("جون كيري", "كيري جون"), "جون كيري جون كيري"),
    (("a b c", "b"), "a b c b a b\tc"),
]


def both(aliases: tuple[str, ...], text: str) -> None:
    matcher = AliasMatcher([(i, alias) for i, alias in enumerate(aliases)])
    assert matcher.find_sparse(text) == matcher.find(text), text


@pytest.mark.parametrize(("aliases", "text"), CASES)
def test_the_same_matches_as_folding_everything(aliases: tuple[str, ...], text: str) -> None:
    both(aliases, text)
    both(aliases, FILLER + text + FILLER)  # the words joined to the filler's
    both(aliases, FILLER + text + " " + FILLER)
    both(
        aliases, "\u064e" + text + " " + FILLER
    )  # marks at the very start belong to the first letter
    both(aliases, FILLER + text.replace(" ", " \u064e") + FILLER)  # and at a window's start
    both(aliases, FILLER + text.replace(" ", FILLER))
    matcher = AliasMatcher([(i, alias) for i, alias in enumerate(aliases)])
    assert matcher.find(FILLER + text + " " + FILLER)  # each case finds something to compare


def test_windows_are_used_when_candidates_are_sparse() -> None:
    text = FILLER + "قال وكيري " + FILLER + "جون كيري." + FILLER
    windows = KERRY.sparse_windows(text)
    assert windows is not None and 1 <= len(windows) <= 2
    assert sum(end - start for start, end in windows) < len(text) // 4
    found = KERRY.find_sparse(text)
    assert [text[m.word_start : m.end] for m in found] == ["وكيري", "جون كيري"]
    assert found == KERRY.find(text)


def test_dense_or_pathological_text_is_folded_whole() -> None:
    one_word = "كيري" * 5_000  # one 20,000-letter word: walking it per candidate is quadratic
    assert KERRY.sparse_windows(one_word) is None
    assert KERRY.find_sparse(one_word) == KERRY.find(one_word) == []
    dense = "كيري " * 1_000
    assert KERRY.sparse_windows(dense) is None
    assert KERRY.find_sparse(dense) == KERRY.find(dense)
    assert len(KERRY.find(dense)) == 1_000


def test_white_space_folds_to_white_space() -> None:
    # The windows are cut before white space, so white space must stay white space.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace():
            assert fold(char).isspace(), hex(code)


NOISE = [
    "\u064e",
    "\u0651",
    "\u0640",
    "\u200c",
    "\u200f",
    "\u00a0",
    "\n",
    "  ",
    "ﻻ",
    "ﻛ",
    "ß",
    "\u0301",
    "\u0654",
    "😀",
    "ى",
    "ة",
    "أ",
    "ؤ",
    "٣",
    "İ",
    "\x00",
    ".",
]


def noisy(rng: random.Random, words: list[str], names: list[str], count: int) -> str:
    parts: list[str] = []
    for _ in range(count):
        word = rng.choice(names) if rng.random() < 0.15 else rng.choice(words)
        if rng.random() < 0.3:
            cut = rng.randrange(len(word) + 1)
            word = word[:cut] + rng.choice(NOISE) + word[cut:]
        if rng.random() < 0.3:
            word = rng.choice(["", "و", "ل", "ب", "ال", "ول", "فل", "ا"]) + word
        parts.append(word)
        parts.append(rng.choice([" ", " ", " ", "\n", "  ", "، ", " \u064e"]))
    return "".join(parts)


def test_random_noisy_text_gives_the_same_matches() -> None:
    words = " ".join(draft.text for draft in seed_drafts()).split()
    names = ["كيري", "جون كيري", "الكرملين", "أوباما", "علي", "على", "مسؤول", "Kerry", "ليد"]
    rng = random.Random(15)
    compared = 0
    for round_ in range(300):
        aliases = rng.sample(names, rng.randint(1, 4))
        matcher = AliasMatcher([(i, alias) for i, alias in enumerate(aliases)])
        text = noisy(rng, words, names, rng.choice([5, 40, 300]))
        expected = matcher.find(text)
        assert matcher.find_sparse(text) == expected, (round_, aliases)
        compared += len(expected)
    assert compared > 500


def test_find_all_mentions_uses_the_sparse_path_with_the_same_result() -> None:
    documents = [(i, FILLER + d.text + FILLER) for i, d in enumerate(seed_drafts(), 1)]
    found = find_all_mentions(documents, KERRY)
    assert [(hit.document_id, hit.match) for hit in found] == [
        (i, match) for i, text in documents for match in KERRY.find(text)
    ]
    assert found


def many(matcher: AliasMatcher, texts: list[str]) -> None:
    assert matcher.find_many(texts) == [matcher.find_sparse(text) for text in texts], texts


@pytest.mark.parametrize(("aliases", "text"), CASES)
def test_many_texts_at_once_give_each_text_its_own_matches(
    aliases: tuple[str, ...], text: str
) -> None:
    # AliasMatcher.find_many (issue 15) joins the texts: no match may cross from one to the
    # next, and every offset is the text's own.
    matcher = AliasMatcher([(i, alias) for i, alias in enumerate(aliases)])
    words = text.split()
    many(matcher, [text, text, "", FILLER + text, text + FILLER])
    many(matcher, [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])])
    many(matcher, list(words))  # a multi-word alias cut between two texts
    many(matcher, [text + "\n", "\n" + text, text + "\u064e", text + "\x00"])
    # Marks, tatweel and controls at the very start of a text belong to its first letter.
    many(matcher, [FILLER, "\u064e" + text, "\u0640" + text, "\u200f" + text, "ﹱ" + text])
    assert any(matcher.find_many([FILLER, text, FILLER]))


def test_a_text_that_starts_with_a_mark_keeps_its_first_letter_whole() -> None:
    texts = ["قال كيري.", "\u064eكيري قال.", "\u200fكيري"]
    found = KERRY.find_many(texts)
    assert [[(m.start, m.end) for m in matches] for matches in found] == [
        [(4, 8)],
        [(0, 5)],  # the mark with the name, as when the text is searched alone
        [(0, 5)],
    ]


def test_random_noisy_texts_at_once_give_the_same_matches() -> None:
    words = " ".join(draft.text for draft in seed_drafts()).split()
    names = ["كيري", "جون كيري", "الكرملين", "أوباما", "علي", "على", "مسؤول", "Kerry", "ليد"]
    rng = random.Random(16)
    compared = 0
    for round_ in range(100):
        aliases = rng.sample(names, rng.randint(1, 4))
        matcher = AliasMatcher([(i, alias) for i, alias in enumerate(aliases)])
        texts = [
            rng.choice([*NOISE, "", " "]) * rng.randint(0, 1)
            + noisy(rng, words, names, rng.choice([1, 5, 40, 300]))
            for _ in range(rng.randint(1, 12))
        ]
        expected = [matcher.find(text) for text in texts]
        assert matcher.find_many(texts) == expected, (round_, aliases)
        compared += sum(map(len, expected))
    assert compared > 500
    assert AliasMatcher([]).find_many(["كيري", ""]) == [[], []]
    assert KERRY.find_many([]) == []


@pytest.mark.parametrize("budget", [0, 2, 6, 12])
def test_keys_cut_to_fit_the_budget_still_find_everything(
    budget: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over its budget of character classes the prefilter looks for the keys' first letters
    only; a window still reaches as many words past a candidate as an alias has, so nothing
    is lost — only more of the text is folded."""
    monkeypatch.setattr("desktop.core.matching._PREFILTER_CLASSES", budget)
    for aliases, text in CASES:
        both(aliases, text)
        both(aliases, FILLER + text + FILLER)
    words = " ".join(draft.text for draft in seed_drafts()).split()
    names = ["كيري", "جون كيري", "الكرملين", "أوباما", "علي", "على", "مسؤول", "Kerry", "ليد"]
    rng = random.Random(budget)
    for _round in range(60):
        aliases = tuple(rng.sample(names, rng.randint(1, 4)))
        both(aliases, noisy(rng, words, names, rng.choice([5, 40, 300])))


def test_thousands_of_aliases_compile_a_bounded_prefilter() -> None:
    """An attack: an entity of 4,000 aliases made `hamish mentions` compile 140,000 character
    classes — a minute and 830 MB for five articles."""
    rng = random.Random(4)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

    def word(low: int, high: int) -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(low, high)))

    aliases = [f"{word(4, 9)} {word(3, 8)}" for _ in range(4000)] + ["جون كيري"]
    matcher = AliasMatcher([(1, alias) for alias in aliases])
    text = FILLER + "وقال جون كيري إن كيري" + FILLER
    assert [m.matched_alias for m in matcher.find_sparse(text)] == ["جون كيري"]
    prefilter = matcher._prefilter
    assert prefilter is not None
    assert prefilter.candidates.pattern.count("[") <= 2 * 1_000 + 200
