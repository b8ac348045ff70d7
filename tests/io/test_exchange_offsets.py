"""Offsets between Hamish (code points of a \\n-only text) and other tools' conventions."""

from __future__ import annotations

import pytest

from desktop.io.exchange.offsets import clean_text, to_code_points, to_utf16

TEXT = "قال 😀 المتحدث 𝐀 إن"


def test_utf16_units_count_two_for_characters_outside_the_bmp() -> None:
    assert [to_utf16(TEXT, i) for i in (0, 4, 5, 6, 13, 14, 15)] == [0, 4, 6, 7, 14, 15, 17]
    for offset in range(len(TEXT) + 1):
        units = to_utf16(TEXT, offset)
        assert units == len(TEXT[:offset].encode("utf-16-le")) // 2
        assert to_code_points(TEXT, units) == offset


def test_a_unit_between_the_halves_of_a_pair_has_no_code_point() -> None:
    assert to_code_points(TEXT, 5) is None  # inside 😀
    assert to_code_points(TEXT, 99) is None


@pytest.mark.parametrize(
    ("original", "text"),
    [
        ("\ufeffأ\r\nب", "أ\nب"),
        ("أ\rب\r\n\r\nج", "أ\nب\n\nج"),
        ("أ\x00\x1bب\x85ج\u2028د", "أبج\nد"),
        ("\tأ\fب\vج", "\tأ\nب\nج"),
    ],
)
def test_cleaning_moves_every_offset_with_the_text(original: str, text: str) -> None:
    cleaned = clean_text(original)
    assert cleaned.text == text
    for offset, char in enumerate(original):
        position = cleaned.position(offset)
        if char in "أبجد":
            assert cleaned.text[position] == char
    assert cleaned.position(len(original)) == len(text)
