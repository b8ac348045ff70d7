"""Direction rules for text written into documents: which pieces of a paragraph run right to
left, which direction a paragraph takes, and how dates keep their order inside Arabic.

Pure Python (no python-docx, no Qt), so the report dialog can use the same rules for what it
shows without loading the Word writer at start-up, and tests can check them directly.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from desktop.core.arabic import detect_direction

LRM = "\u200e"
NUMBER_RE = re.compile(r"\d+(?:[-/.:]\d+)+")


@functools.lru_cache(maxsize=4096)
def strength(char: str) -> str:
    """The bidi class as the segmentation needs it: "R" (Arabic, Hebrew, Arabic digits),
    "L", "M" (a combining mark) or "N" (everything neutral or weak). Cached: articles reuse
    a few hundred characters millions of times."""
    if char == LRM:
        return "N"  # our own invisible mark travels with the number it protects
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL", "AN"):
        return "R"
    if kind == "L":
        return "L"
    if kind == "NSM":
        return "M"  # a mark (harakat) belongs to the letter before it
    return "N"


def segments(text: str, rtl: bool) -> list[tuple[str, bool]]:
    """Cut ``text`` into (piece, right-to-left) runs for a paragraph of the given direction.

    Strong letters decide; marks follow their letter; a stretch of neutrals (spaces,
    punctuation, European digits) between two letters of the same direction takes that
    direction, otherwise the paragraph's — the Unicode bidi algorithm's rules N1/N2. Keeping
    ``Russia-Now.com`` in one left-to-right run is what keeps it in order inside Arabic.
    """
    if not text:
        return []
    base = "R" if rtl else "L"
    kinds = [strength(c) for c in text]
    previous = base
    for i, kind in enumerate(kinds):
        if kind == "M":
            kinds[i] = previous if previous != "N" else base
        if kinds[i] in ("R", "L"):
            previous = kinds[i]
    resolved = list(kinds)
    i = 0
    n = len(kinds)
    while i < n:
        if kinds[i] != "N":
            i += 1
            continue
        j = i
        while j < n and kinds[j] == "N":
            j += 1
        before = kinds[i - 1] if i > 0 else base
        after = kinds[j] if j < n else base
        fill = before if before == after else base
        for k in range(i, j):
            resolved[k] = fill
        i = j
    pieces: list[tuple[str, bool]] = []
    start = 0
    for k in range(1, n + 1):
        if k == n or resolved[k] != resolved[start]:
            pieces.append((text[start:k], resolved[start] == "R"))
            start = k
    return pieces


def last_strong(text: str) -> str | None:
    for char in reversed(text):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return None


def protect_numbers(text: str, before: str = "") -> str:
    """Put a left-to-right mark before dates and similar numbers (``2016-07-16``, ``10:30``)
    that follow Arabic letters.

    Why: after an Arabic letter the bidi algorithm turns European digits into Arabic numbers
    (rule W2), and ``-`` no longer joins those, so ``2016-07-16`` would show as ``16-07-2016``
    after Arabic but as ``2016-07-16`` after Latin or at the start of a cell. The mark makes the
    nearest strong character left-to-right, and every date reads as it was written.
    """
    if not NUMBER_RE.search(text):
        return text
    out: list[str] = []
    last = last_strong(before)
    position = 0
    for match in NUMBER_RE.finditer(text):
        chunk = text[position : match.start()]
        last = last_strong(chunk) or last
        out.append(chunk)
        if last == "R" and not chunk.endswith(LRM):
            out.append(LRM)
        out.append(match.group())
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def is_rtl(text: str, default: bool) -> bool:
    """Direction of a paragraph. Text without letters takes ``default`` (the report's
    direction). In an Arabic report any Arabic makes the paragraph right-to-left — an alias
    list such as "كيري، John Kerry" belongs to the Arabic reading order even when most of its
    words are Latin; only paragraphs without Arabic are left-to-right there. In an English
    report the majority of words decides (:func:`detect_direction`)."""
    strengths = {strength(c) for c in text}
    if not strengths & {"R", "L"}:
        return default
    if default and "R" in strengths:
        return True
    return detect_direction(text) == "rtl"
