"""Offsets between Hamish's code points and what other formats count.

Hamish stores offsets as code points of a text with ``\\n`` line endings. Other tools count
UTF-16 code units (Java, JavaScript, .NET, Qt: an emoji is two) or keep ``\\r\\n`` in their
texts. Two small tools, shared by the exchange formats:

* :class:`Utf16` converts code points ↔ UTF-16 units of one text;
* :func:`normalised` turns a foreign text into one Hamish can store (``\\r\\n`` and lone
  ``\\r`` as ``\\n``, other line separators as ``\\n``, control characters removed, as every
  import does) and returns, with it, the function that moves a foreign offset to the same
  place in the new text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16:
    """Code points ↔ UTF-16 code units in ``text``."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]  # code points of 2 units

    def to_units(self, index: int) -> int:
        return index + bisect_left(self.astral, index)

    def to_index(self, units: int) -> int | None:
        """The code point at ``units``; None when it falls between the two halves of a
        character."""
        low, high = 0, len(self.astral)
        while low < high:  # astral characters before the code point at ``units``
            middle = (low + high) // 2
            if self.astral[middle] + middle < units:
                low = middle + 1
            else:
                high = middle
        if low and self.astral[low - 1] + low == units:
            return None  # ``units`` points at the second half of a surrogate pair
        return units - low


_FOREIGN = re.compile("\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_AS_NEWLINE = frozenset("\r\x0b\x0c\x85\u2028\u2029")


def normalised(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` as Hamish stores it, and ``move(offset)``: where a code point offset of
    ``text`` lands in the result (a removed character's offset lands on what follows it)."""
    removed: list[int] = []
    pieces: list[str] = []
    last = 0
    for match in _FOREIGN.finditer(text):
        found = match.group()
        pieces.append(text[last : match.start()])
        last = match.end()
        if found == "\r\n":
            removed.append(match.start())
            pieces.append("\n")
        elif found in _AS_NEWLINE:
            pieces.append("\n")
        else:
            removed.append(match.start())
    if not removed and not pieces:
        return text, lambda offset: offset
    pieces.append(text[last:])

    def move(offset: int) -> int:
        return offset - bisect_left(removed, offset)

    return "".join(pieces), move
