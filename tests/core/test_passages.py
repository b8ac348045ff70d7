"""Sentences and paragraphs: what the entity network counts as "together"."""

from __future__ import annotations

import re

import pytest

from desktop.core.passages import SpanLookup, paragraphs, sentences


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n \n", []),
        ("قال الوزير إن الحكومة مستعدة.", ["قال الوزير إن الحكومة مستعدة."]),
        ("هل وصل الوفد؟ نعم وصل.", ["هل وصل الوفد؟", "نعم وصل."]),
        ("وصل الوفد؛ ثم غادر!  وانتهى", ["وصل الوفد؛", "ثم غادر!", "وانتهى"]),
        ("ارتفع النمو إلى 3.5 في المئة. وتراجع", ["ارتفع النمو إلى 3.5 في المئة.", "وتراجع"]),
        ("قال د. محمد إن الاجتماع انتهى. ثم غادر", ["قال د. محمد إن الاجتماع انتهى.", "ثم غادر"]),
        ("ولد عام 1950 م. في القاهرة", ["ولد عام 1950 م. في القاهرة"]),
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        (
            "The U.S. said no. See www.example.com now",
            ["The U.S. said no.", "See www.example.com now"],
        ),
        ("e.g. this one. And J. Smith too.", ["e.g. this one.", "And J. Smith too."]),
        ('He said "stop." Then left', ['He said "stop."', "Then left"]),
        ("قال «انتهى.» ثم صمت", ["قال «انتهى.»", "ثم صمت"]),
        ("Wait... what?! Yes", ["Wait...", "what?!", "Yes"]),
        ("In 2020. Then 5. Done", ["In 2020.", "Then 5.", "Done"]),
        ("سطر أول بلا نقطة\nسطر ثان", ["سطر أول بلا نقطة", "سطر ثان"]),
        ("...", ["..."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, sentences(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("one", ["one"]),
        ("  one. two.  \n\n three\r\nfour ", ["one. two.", "three", "four"]),
        ("فقرة أولى.\u2029فقرة ثانية", ["فقرة أولى.", "فقرة ثانية"]),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert texts(text, paragraphs(text)) == expected


def test_offsets_are_code_points() -> None:
    text = "😀 قال. ثم 😀 غادر."
    spans = sentences(text)
    assert texts(text, spans) == ["😀 قال.", "ثم 😀 غادر."]
    assert spans[1][0] == 7


def test_lookup() -> None:
    text = "one two. three four.\nfive"
    lookup = SpanLookup(sentences(text))
    assert lookup.index(0) == 0
    assert lookup.index(text.index("three")) == 1
    assert lookup.index(text.index("five")) == 2
    assert lookup.index(text.index(" three")) is None  # the space between sentences
    assert lookup.index(len(text)) is None


def test_an_excerpt_starts_a_little_before_the_first_name_at_a_word() -> None:
    """A long sentence's row ended before either name appeared (found by a trial)."""
    from desktop.core.passages import excerpt

    text = "كلام " * 100 + "قال جون كيري إن سيرغي لافروف وافق " + "كلام " * 100
    first = text.index("جون كيري")
    second = text.index("سيرغي لافروف")
    marks = [(first, first + len("جون كيري")), (second, second + len("سيرغي لافروف"))]
    begin, stop = excerpt(text, 0, len(text), marks, width=120, lead=30)
    assert 0 < begin <= first - 20 and text[begin - 1] == " "  # a word's start
    assert stop <= begin + 120 and text[stop] == " " and stop > second  # both in sight
    # Names near the start: from the passage's own start, nothing cut before.
    assert excerpt(text, first - 5, len(text), marks, width=120)[0] == first - 5
    # No mark inside: the passage's start.
    assert excerpt(text, 10, 500, [], width=50)[0] == 10


def test_a_pair_excerpt_shows_a_name_of_each_entity() -> None:
    """One entity named early, the other more than a row's width later: ``excerpt`` from the
    first name hid the second (a trial's Kerry–Lavrov row); the nearest pair is shown."""
    from desktop.core.passages import excerpt_pair

    text = (
        "قال جون كيري " + "كلام " * 100 + "ثم قال جون كيري إن " + "كلام " * 30 + "سيرغي لافروف وافق"
    )
    kerry = [(m.start(), m.end()) for m in re.finditer("جون كيري", text)]
    lavrov = [(m.start(), m.end()) for m in re.finditer("سيرغي لافروف", text)]
    begin, stop = excerpt_pair(text, 0, len(text), (kerry, lavrov), width=120, lead=30)
    assert begin <= kerry[1][0] and stop >= lavrov[0][1]  # the second Kerry, nearer Lavrov
    assert begin > kerry[0][1] and text[begin - 1] == " "
    # Further apart than the width: just long enough for both.
    begin, stop = excerpt_pair(text, 0, len(text), (kerry[:1], lavrov), width=120, lead=30)
    assert begin == 0 and stop >= lavrov[0][1]
    # A name just outside the passage (a claim's span) is taken in.
    claim = text.index("إن")
    begin, stop = excerpt_pair(text, claim, len(text), (kerry, lavrov), width=400, lead=30)
    assert begin <= kerry[1][0] and stop == len(text)
