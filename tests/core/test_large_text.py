"""A long article is hashed, titled and folded in bounded memory (issue 13: storing 49 MB of
Arabic took 683 MB), and doing it in pieces changes no result.

Memory is measured with ``tracemalloc`` (what Python allocates), as a multiple of the text's
own size: robust across machines, unlike time.
"""

from __future__ import annotations

import hashlib
import random
import tracemalloc
from collections.abc import Callable

import pytest

from desktop.core import arabic, text
from desktop.core.arabic import fold, fold_words
from desktop.core.text import content_hash, derive_title, make_draft

LONG = "كلمة عربية أخرى\n" * 80_000  # 1.3 million characters, 2.6 MB in Python
SIZE = len(LONG) * 2


@pytest.fixture(autouse=True)
def _pieces_in_scale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces as small against this text as the real ones are against a 50 MB article."""
    monkeypatch.setattr(arabic, "_FOLD_PIECE", 30_000)
    monkeypatch.setattr(text, "_HASH_PIECE", 30_000)


def _peak(work: Callable[[], object]) -> float:
    """Peak memory ``work`` allocates, in multiples of the text's size."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / SIZE
    finally:
        tracemalloc.stop()


def test_hashing_a_long_text_does_not_split_it_into_words() -> None:
    assert _peak(lambda: content_hash(LONG)) < 3  # was 9.5: a list of every word


def test_a_draft_of_a_long_text_costs_about_one_copy_of_it() -> None:
    assert _peak(lambda: make_draft(LONG)) < 3  # was 9.5 (hash, and a list of every line)


def test_folding_a_long_text_costs_about_two_copies() -> None:
    assert _peak(lambda: fold(LONG)) < 4  # was 8


def test_the_title_of_a_long_one_line_text_is_cut_the_same() -> None:
    line = "كلمة " * 1_000_000
    title = derive_title(line)
    assert title == derive_title(line[:1000]) and title.endswith("…")


_ALPHABET = [
    *"ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئ",
    *"\u064e\u0651\u0640\u200f\u00adﻻﺍ١AbÉ\u0301😀",
    *" \n\t\u00a0\u2028\x1c\u3000",
    "على ",
    " ى",
]


@pytest.mark.parametrize("seed", range(4))
def test_folding_and_hashing_in_pieces_change_nothing(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Pieces end at white space, and no step of folding joins across it: with pieces of a
    few characters the results are those of folding the whole at once."""
    rng = random.Random(seed)
    samples = [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(500)
    ]
    whole_fold = [arabic._fold(s) for s in samples]
    whole_hash = [hashlib.sha256(fold_words(s).encode("utf-8")).hexdigest() for s in samples]
    monkeypatch.setattr(arabic, "_FOLD_PIECE", 3)
    monkeypatch.setattr(text, "_HASH_PIECE", 3)
    assert [fold(s) for s in samples] == whole_fold
    assert [content_hash(s) for s in samples] == whole_hash
