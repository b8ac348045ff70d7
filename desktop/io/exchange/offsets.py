"""Offsets between Hamish (code points of a ``\\n``-only text) and other tools' conventions.

Hamish stores every offset as a code point of the article text (a Python ``str`` index), and
article text has ``\\n`` line endings only. Other tools count differently:

* UIMA / INCEpTION (Java strings), Qt, JavaScript: **UTF-16 code units** — a character outside
  the Basic Multilingual Plane (an emoji, 𝐀) counts two;
* files written on Windows: ``\\r\\n`` line endings, each counted as two characters.

Standard library only; no Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["Cleaned", "clean_text", "to_code_points", "to_utf16"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# What an article may not hold (docs/json-format.md): C0 controls but tab and newline, DEL,
# C1, U+2028/U+2029 (made newlines), a byte-order mark at the start; ``\r\n`` and ``\r``.
_DROPPED = re.compile("\r(?=\n)|[\x00-\x08\x0e-\x1f\x7f-\x9f]|^\ufeff")
_TO_NEWLINE = re.compile("[\r\v\f\u2028\u2029]")


def _astral_positions(text: str) -> list[int]:
    return [match.start() for match in _ASTRAL.finditer(text)]


def to_utf16(text: str, offset: int, astral: list[int] | None = None) -> int:
    """The UTF-16 unit offset of code point ``offset`` of ``text``. Pass ``astral``
    (positions of the characters outside the BMP) when converting many offsets."""
    positions = _astral_positions(text) if astral is None else astral
    return offset + bisect_left(positions, offset)


def to_code_points(text: str, unit: int, astral: list[int] | None = None) -> int | None:
    """The code point offset of UTF-16 unit ``unit`` of ``text``; ``None`` when ``unit`` falls
    between the two halves of a character outside the BMP or outside the text."""
    positions = _astral_positions(text) if astral is None else astral
    # The code point p with p + (astral characters before p) == unit.
    low, high = 0, len(text)
    while low <= high:
        middle = (low + high) // 2
        units = middle + bisect_left(positions, middle)
        if units == unit:
            return middle
        if units < unit:
            low = middle + 1
        else:
            high = middle - 1
    return None


class Cleaned:
    """A foreign text made fit for a Hamish article, with the map from its offsets.

    ``\\r\\n`` becomes ``\\n``; a lone ``\\r``, vertical tab, form feed, U+2028 and U+2029
    become ``\\n``; a leading byte-order mark and control characters (NUL, ESC, DEL, C1) are
    removed. ``position(i)`` is where code point ``i`` of the original text is in ``text``:
    a removed character maps to the next kept one, so a span keeps what is left of it."""

    def __init__(self, original: str) -> None:
        self.removed = [match.start() for match in _DROPPED.finditer(original)]
        self.text = _TO_NEWLINE.sub("\n", _DROPPED.sub("", original))
        self.length = len(original)

    def position(self, offset: int) -> int:
        return offset - bisect_left(self.removed, offset)


def clean_text(original: str) -> Cleaned:
    return Cleaned(original)
