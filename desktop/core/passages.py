"""Sentences and paragraphs of an article as (start, end) spans, in code points.

What the entity network counts as "together": two entities co-occur when a mention of each
lies in the same sentence (or paragraph, or article). Pure text work, no Qt, no store.

A paragraph is a run of text between line breaks. A sentence ends at ``.``, ``?``, ``!``,
the Arabic question mark ``؟`` or semicolon ``؛`` (or an ellipsis ``…``), with any closing
quotation marks or brackets after it, when whitespace or the end of the text follows — so
``3.5``, ``U.S.A`` and ``www.example.com`` do not end a sentence; nor does a period after a
known abbreviation (``Dr.``, ``Mr.``, ``e.g.``) or after single letters (``U.S.``, an
initial, the Arabic ``د.`` for Doctor and ``م.`` after a year). A paragraph always ends the
sentence in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

Span = tuple[int, int]

_ENDS = ".?!؟؛…"
_CLOSERS = "\"'”’»)]}›"
_END_RE = re.compile(rf"[{re.escape(_ENDS)}]+[{re.escape(_CLOSERS)}]*(?=\s|$)")
_WORD_BEFORE_RE = re.compile(r"(\w+(?:\.\w+)*)$")

ABBREVIATIONS = frozenset(
    {
        # English titles and Latin shorthand met in news copy (compared in lower case).
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "maj",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "co",
        "corp",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        # Arabic: Hijri year, page, part.
        "هـ",
        "ه",
        "ص",
        "ج",
    }
)


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of ``text``: its lines without leading or trailing whitespace, empty
    ones left out."""
    spans: list[Span] = []
    for found in re.finditer(r"[^\n\r\u2029\u2028]+", text):
        start, end = found.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _is_abbreviation(text: str, start: int, mark: int) -> bool:
    """The period at ``mark`` closes an abbreviation rather than a sentence."""
    if text[mark] != ".":
        return False
    found = _WORD_BEFORE_RE.search(text, start, mark)
    if found is None:
        return False
    word = found.group(1)
    if not word.isdigit() and all(len(part) == 1 for part in word.split(".")):
        return True  # an initial ("J. Smith", "د. محمد") or initials ("U.S.")
    return word.lower().rstrip("ـ") in ABBREVIATIONS or word.lower() in ABBREVIATIONS


def sentences(text: str) -> list[Span]:
    """The sentences of ``text``, each inside one paragraph, without surrounding spaces."""
    spans: list[Span] = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for found in _END_RE.finditer(text, p_start, p_end):
            if _is_abbreviation(text, start, found.start()):
                continue
            end = found.end()
            if end > start:
                spans.append((start, end))
            start = end
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans


class SpanLookup:
    """Which of ``spans`` (sorted, not overlapping) holds a position: None when it falls
    between them (on a line break, on the space between two sentences)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index(self, position: int) -> int | None:
        k = bisect_right(self._starts, position) - 1
        if k >= 0 and self.spans[k][0] <= position < self.spans[k][1]:
            return k
        return None


def excerpt(
    text: str, start: int, end: int, marks: list[Span], *, width: int, lead: int = 60
) -> Span:
    """The part of the passage ``text[start:end]`` a row ``width`` characters wide shows: from
    the start of the word about ``lead`` characters before the first of ``marks`` (the
    entities' mentions in it), so the names are in sight — a long sentence's row used to end
    before either name appeared (found by a trial) —, ``width`` characters on, cut at a word's
    end when one is near."""
    inside = sorted((max(s, start), min(e, end)) for s, e in marks if s < end and e > start)
    first = inside[0][0] if inside else start
    begin = max(start, first - lead)
    if begin > start:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    stop = min(end, begin + width)
    if stop < end:
        space = text.rfind(" ", max(begin, stop - 20), stop)
        stop = space if space != -1 else stop
    return begin, stop


def excerpt_pair(
    text: str,
    start: int,
    end: int,
    names: tuple[list[Span], list[Span]],
    *,
    width: int,
    lead: int = 60,
) -> Span:
    """The part of the passage ``text[start:end]`` an edge's row shows: one mention of each
    of the two entities (``names``, their mentions in the article) in sight. ``excerpt``
    starts a little before the first mark of either, so a passage that named one entity
    early and the other more than ``width`` later hid the second name (a trial saw the
    Kerry–Lavrov row without «سيرغي لافروف»). The nearest two mentions, one of each,
    are chosen; the row is ``width`` long or, when they are further apart, just long enough
    for both. A name outside the passage (a claim's span that does not name its claimant) is
    taken from just around it, within ``lead`` characters, so the row still names both."""
    chosen: list[list[Span]] = []
    for marks in names:
        inside = sorted((s, e) for s, e in marks if s < end and e > start)
        if not inside:
            near = [(s, e) for s, e in marks if start - lead <= e and s <= end + lead]
            inside = sorted(near, key=lambda m: min(abs(m[0] - end), abs(m[1] - start)))[:1]
        chosen.append(inside)
    if not chosen[0] or not chosen[1]:
        marks = chosen[0] + chosen[1]
        return excerpt(text, start, end, marks, width=width, lead=lead)
    # The closest pair: one mention of each, the least room from the first to the last.
    best = min(
        ((a, b) for a in chosen[0] for b in chosen[1]),
        key=lambda pair: max(pair[0][1], pair[1][1]) - min(pair[0][0], pair[1][0]),
    )
    first = min(best[0][0], best[1][0])
    last = max(best[0][1], best[1][1])
    low, high = min(start, first), max(end, last)
    begin = max(low, first - lead)
    if begin > low:
        space = text.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    stop = min(high, max(begin + width, last))
    if stop < high and stop > last:
        space = text.rfind(" ", max(last, stop - 20), stop)
        stop = space if space != -1 else stop
    return begin, stop
