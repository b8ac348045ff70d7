"""The tagger's features, made faster, are exactly those of features version 4
(tests/core/features_reference.py, a frozen copy of the code before): the same tokens and the
same features in the same order, with and without a model's attributes, membership sources,
given names and shared words. A stored model reads them by name: one feature out of place and
its suggestions change."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.arabic import fold
from desktop.core.suggest.features import FeatureExtractor, parse_given_names, tokenize
from tests.core import features_reference as reference

# Words of every kind the features tell apart: titles, verbs, function and time words, given
# names, clitics and the article (وبال، لل), nisba adjectives, place and organisation nouns,
# a written ta marbuta, harakat and tatweel, digits, Latin, punctuation, a "|" (the word pairs'
# separator) and line breaks.
_SAMPLE = (
    "قال الرئيس السوري بشار الأسد إن دمشق ترحب وزار وزير الخارجية الروسي سيرغي لافروف "
    "موسكو أمس اليوم وأكد المتحدث باسم وزارة الخارجية الأمريكية أن واشنطن للكرملين "
    "وبالرئيس والحكومة منظمة الأمم المتحدة مدينة العاصمة بغداد السورية المصريين محمد "
    "علي سيغورد فرويد ومحمود وعمرو الصفتي على إلى في من الرئيسُ مـحمد كَتَبَ 2006 ٢٠٠٦ "
    "Reuters AFP iPhone3 x1 بن أبو عبد الله الشيخ الملك"
)
WORDS = [
    *_SAMPLE.split(),
    *[".", "،", "؟", "!", "«", "»", ":", "|", "(", ")", "\n", "\u064e", "ـ", "\n\n"],
]

TEXT = (
    "قال الرئيس السوري بشار الأسد إن دمشق ترحب.\nوزار وزير الخارجية موسكو، وقال لافروف إن "
    "موسكو | دمشق . وصل سيغورد فرويد أمس . وقال فرويد إن الرئيسُ مـحمد على حق!\n"
    "ومحمود محمود وعمرو الصفتي في بغداد ٢٠٠٦ Reuters . بن أبو عبد الله للكرملين وبالرئيس"
)

Source = Callable[[str], Iterable[tuple[int, int, str]]]


def _places(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "LOC-name") for m in re.finditer("دمشق|موسكو|بغداد", text)]


def _people(text: str) -> list[tuple[int, int, str]]:
    # Spans that start inside a word (after its clitics) and cover several words.
    return [(m.start(), m.end(), "person") for m in re.finditer("بشار الأسد|لافروف|فرويد", text)]


SOURCES: dict[str, Source] = {"gz": _places, "ru": _people}
GIVEN = parse_given_names("سيغورد\nمحمد\nعلي\nمحمود\nبشار")


def _features(sentences: Iterable[object]) -> list[tuple[tuple[object, ...], object]]:
    return [(s.tokens, s.features) for s in sentences]  # type: ignore[attr-defined]


def _known(text: str, keep_every: int, seed: int) -> frozenset[str]:
    """A model's attributes: a sample of what the text's features are, every word pair and
    membership feature among them, and the vocabulary of some words."""
    full = reference.FeatureExtractor(SOURCES, given=GIVEN).sentences(text)
    every = sorted({f for s in full for token in s.features for f in token})
    chosen = set(random.Random(seed).sample(every, len(every) // keep_every))
    chosen |= {f for f in every if f.startswith(("bi:", "1gz", "-1gz", "g:"))}
    chosen |= {"bias", "rare", *(f"v:{fold(w)}" for w in ("قال", "إن", "دمشق"))}
    return frozenset(chosen)


def _compare(text: str, known: frozenset[str] | None) -> None:
    for sources in ({}, SOURCES):
        for names in (None, GIVEN):
            mine = FeatureExtractor(sources, known=known, given=names).sentences(text)
            theirs = reference.FeatureExtractor(sources, known=known, given=names).sentences(text)
            assert _features(mine) == _features(theirs)
            encoded = FeatureExtractor(sources, known=known, given=names, encoded=True)
            assert [
                (s.tokens, tuple(tuple(f.decode() for f in token) for token in s.features))
                for s in encoded.encoded_sentences(text)
            ] == _features(theirs)


@pytest.mark.parametrize("keep_every", [1, 2, 3, 7])
def test_the_features_are_those_of_version_4(keep_every: int) -> None:
    _compare(TEXT, None)
    _compare(TEXT, _known(TEXT, keep_every, keep_every))


def test_the_tokens_are_those_of_version_4() -> None:
    for length in (3, 150):
        assert [[tuple(t) for t in s] for s in tokenize(TEXT, max_length=length)] == [
            [tuple(t) for t in s] for s in reference.tokenize(TEXT, max_length=length)
        ]


def test_shared_words_give_the_features_of_version_4() -> None:
    """Training articles one after another, each extractor sharing the previous one's words."""
    second = TEXT[::-1] + " " + TEXT[40:]
    mine: FeatureExtractor | None = None
    theirs: reference.FeatureExtractor | None = None
    for text in (TEXT, second, TEXT):
        mine = FeatureExtractor(SOURCES, share=mine, given=GIVEN)
        theirs = reference.FeatureExtractor(SOURCES, share=theirs, given=GIVEN)
        assert _features(mine.sentences(text)) == _features(theirs.sentences(text))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=400), st.integers(1, 5), st.integers(0, 9))
def test_any_text_gets_the_features_of_version_4(
    words: list[str], keep_every: int, seed: int
) -> None:
    text = " ".join(words)
    _compare(text, None)
    _compare(text, _known(text, keep_every, seed))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, " ", "\t", "\u00a0", "\r\n", "..", "a.b"]), max_size=300),
    st.integers(1, 160),
)
def test_any_text_gets_the_tokens_of_version_4(words: list[str], length: int) -> None:
    text = "".join(words)  # words run together, and spaces of every kind
    assert [[tuple(t) for t in s] for s in tokenize(text, max_length=length)] == [
        [tuple(t) for t in s] for s in reference.tokenize(text, max_length=length)
    ]
