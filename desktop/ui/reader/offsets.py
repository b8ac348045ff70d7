"""Code points ↔ Qt positions. Hamish stores code points; Qt counts UTF-16 units, which differ
after every character above U+FFFF (emoji, mathematical letters). Conversion happens only here,
at the widget boundary, with tables built once per document."""

from __future__ import annotations

import codecs
from bisect import bisect_left


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Code-point positions of astral characters; empty (the usual case) means identity.
        self._astral = (
            [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _has_astral(text) else []
        )
        # Their UTF-16 positions: each earlier astral character adds one unit.
        self._astral_units = [cp + n for n, cp in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, unit: int) -> int:
        """A Qt position back to a code point; a position inside a surrogate pair maps to the
        character it splits."""
        if not self._astral:
            return unit
        before = bisect_left(self._astral_units, unit)
        if before and self._astral_units[before - 1] == unit - 1:  # between two surrogates
            return self._astral[before - 1]
        return unit - before

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)


def _has_astral(text: str) -> bool:
    # str.isascii is fast; otherwise encoding length tells whether any astral char exists.
    # The codec's own function, not text.encode("utf-16-le"): the first lookup of a codec by
    # name imports its module through the registry, 0.7 M instructions before the first paint.
    if text.isascii():
        return False
    return len(codecs.utf_16_le_encode(text)[0]) != 2 * len(text)
