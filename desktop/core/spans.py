"""Span arithmetic on document text: word snapping, quote context and re-anchoring.

Everything is in code points of the stored text. Kept free of Qt so the rules (what counts as
a word in Arabic, when an annotation is orphaned) are tested directly.
"""

from __future__ import annotations

import unicodedata

from desktop.core.models import Anchor

CONTEXT = 32  # characters of prefix/suffix kept with each annotation


def is_word_char(char: str) -> bool:
    """Letters, digits, combining marks (harakat), tatweel and joiners belong to a word."""
    if char.isalnum() or char in "\u0640\u200c\u200d_":
        return True
    return unicodedata.category(char).startswith("M")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words and drop white space and punctuation at its edges,
    but a quotation mark or bracket beside it that closes one the span opens (or opens one
    it closes).

    A selection that starts or ends inside a word takes the whole word, as analysts tag
    mentions, not fragments. A selection of only spaces/punctuation is returned unchanged
    (empty after trimming would lose the user's intent).
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if start == end:
        return start, end
    s, e = start, end
    while s < e and not is_word_char(text[s]):
        s += 1
    while e > s and not is_word_char(text[e - 1]):
        e -= 1
    if s == e:
        return start, end
    while s > 0 and is_word_char(text[s - 1]):
        s -= 1
    while e < len(text) and is_word_char(text[e]):
        e += 1
    return _balanced(text, s, e)


# Quotation marks and brackets a span keeps in pairs: "قال إن "الاتفاق ممكن خلال أيام" lost
# its closing mark to the trimming (a trial's claim read «إن "الاتفاق ممكن خلال أيام»).
_PAIRS = (("«", "»"), ("“", "”"), ("‹", "›"), ("(", ")"), ("[", "]"), ("{", "}"))


def _balanced(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` grown by the mark right beside it that closes (or opens) a quotation or a
    bracket the span opens (or closes) without its pair."""
    for _mark in range(8):  # «… (…)»: each mark taken can let the next one in
        before = s, e
        segment = text[s:e]
        for opening, closing in _PAIRS:
            opened = segment.count(opening) - segment.count(closing)
            if opened > 0 and e < len(text) and text[e] == closing:
                e += 1
            elif opened < 0 and s > 0 and text[s - 1] == opening:
                s -= 1
        if segment.count('"') % 2:
            if e < len(text) and text[e] == '"':
                e += 1
            elif s > 0 and text[s - 1] == '"':
                s -= 1
        if (s, e) == before:
            break
    return s, e


# The marks a name is never written across: brackets, quotation marks and sentence
# punctuation. ``الرئيس (باراك) أوباما`` has an editor's insertion in brackets, ``جنيف،`` a
# comma after the name; an entity named ``باراك) أوباما`` is junk in the registry. An
# apostrophe or a full stop between two letters is inside a word (O'Brien, Xi'an, U.S).
# (and a line break: no name is written across one — a hostile review found the rules'
# names, the model's and a gazetteer person's regnal number crossing a paragraph's end)
# (and a blessing or an invocation written as one ligature, ﷺ ﷻ ﷽: a phrase, never a
# name's part — it folds to four words, and a name the rules ended inside them took it whole)
NAME_BREAKS = frozenset(
    "()[]{}<>«»‹›\"'“”‘’„‟،,.:;؛!?؟…\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
    "\ufdf0\ufdf1\ufdf3\ufdf5\ufdf6\ufdf7\ufdf8\ufdf9\ufdfa\ufdfb\ufdfd"
)
_INSIDE_WORDS = frozenset("'’.")


def name_span(
    text: str, start: int, end: int, *, cut: bool = True, keep: str = ""
) -> tuple[int, int] | None:
    """The part of ``text[start:end]`` a name may cover: white space and punctuation off its
    edges, and at a bracket, quotation mark or sentence mark inside it (:data:`NAME_BREAKS`)
    the span is cut and its first piece kept — where the source began the name (``باراك)
    أوباما`` → ``باراك``). ``cut=False``: ``None`` instead of a cut, for a source whose match
    is the whole written name (a registry alias, a gazetteer entry: a part is another name).
    ``None`` as well when less than two letters are left. ``keep``: marks that are the name's
    own inside it (an initialism's full stops: ``بي. تي. ايه``).

    Why one function: the rules, the registry, the gazetteer and the model each make spans
    their own way, and an accepted span becomes an entity's name (issue 14)."""
    if (
        end - start >= 2
        and text[start].isalpha()
        and text[end - 1].isalpha()
        and NAME_BREAKS.isdisjoint(text[start:end])
    ):
        # Most spans: letters at both edges, no mark inside (the same answer as below, without
        # a test per character: the model's thousands of names in a long article).
        return start, end
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    for at in range(start, end):
        char = text[at]
        if char not in NAME_BREAKS or char in keep:
            continue
        if char in _INSIDE_WORDS and is_word_char(text[at - 1]) and is_word_char(text[at + 1]):
            continue  # O'Brien, U.S: inside a word (the edges are word characters here)
        if not cut:
            return None
        end = at
        while end > start and not is_word_char(text[end - 1]):
            end -= 1
        break
    if sum(1 for at in range(start, end) if text[at].isalpha()) < 2:
        return None
    return start, end


def snap_to_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """A found passage grown to whole words as an entity's mention, like :func:`snap_to_words`
    except where it starts right after a proclitic group (و ف ب ك ل …, harakat aside): there it
    stays, as find-in-article selects the stem, never the clitic — a person is ``كيري`` of
    ``وكيري``. Any other start or end inside a word takes the whole word: find "اع" is part of
    ``داعية``, no organisation's name."""
    # Imported here: spans is read at start-up (anchors), arabic's dataclasses are not
    # (tests/ui/test_reader_load.py keeps them out of the first paint).
    from desktop.core.arabic import PROCLITICS

    snapped_start, snapped_end = snap_to_words(text, start, end)
    start = max(0, min(start, end))
    if snapped_start < start < snapped_end:
        carried = "".join(
            c for c in text[snapped_start:start] if not unicodedata.category(c).startswith("M")
        ).replace("\u0640", "")
        if carried in PROCLITICS:
            return start, snapped_end
    return snapped_start, snapped_end


def word_at(text: str, position: int) -> tuple[int, int] | None:
    """The word around a caret position, or None when the caret is between words."""
    if not text:
        return None
    for probe in (position, position - 1):
        if 0 <= probe < len(text) and is_word_char(text[probe]):
            return snap_to_words(text, probe, probe + 1)
    return None


def context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """Quote plus a little context on either side, stored for re-anchoring."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )


class Anchoring:
    """Where a stored span is in the text now, and how it was found. A plain class: a
    NamedTuple is made by a compiled ``__new__`` at every start-up (0.6 M instructions)."""

    __slots__ = ("anchor", "end", "start")

    def __init__(self, start: int, end: int, anchor: Anchor) -> None:
        self.start = start
        self.end = end
        self.anchor = anchor

    def __repr__(self) -> str:
        return f"Anchoring({self.start}, {self.end}, {self.anchor!r})"


def _affinity(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of stored context agree with the text around a candidate."""
    score = 0
    before = text[max(0, start - len(prefix)) : start]
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    after = text[end : end + len(suffix)]
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def reanchor(text: str, start: int, end: int, quote: str, prefix: str, suffix: str) -> Anchoring:
    """Find where an annotation belongs in ``text``.

    If the stored offsets still hold the quote, nothing moves. Otherwise every occurrence of
    the quote is a candidate; the one whose surroundings best match the stored context (ties:
    nearest the old position) wins and the annotation is marked ``moved``. With no
    occurrence it is ``orphaned`` — kept, listed and flagged, never silently shifted.
    """
    if 0 <= start < end <= len(text) and text[start:end] == quote:
        return Anchoring(start, end, "exact")
    if not quote:
        return Anchoring(start, end, "orphaned")
    if text.count(quote, 0, len(text)) > REANCHOR_CANDIDATES:
        return _reanchor_among_many(text, start, quote, prefix, suffix)
    best: tuple[int, int, int] | None = None  # (-affinity, distance, position)
    position = text.find(quote)
    while position != -1:
        key = (
            -_affinity(text, position, position + len(quote), prefix, suffix),
            abs(position - start),
            position,
        )
        if best is None or key < best:
            best = key
        position = text.find(quote, position + 1)
    if best is None:
        return Anchoring(start, end, "orphaned")
    return Anchoring(best[2], best[2] + len(quote), "moved")


REANCHOR_CANDIDATES = 2000
"""Occurrences of a quote scored at most. A quote of one letter («ا») in a 2 MB text has a
million: scoring each against the stored context took 0.15 s an annotation, and a file of
1,000 such annotations hours of an import (an attack)."""


def _reanchor_among_many(text: str, start: int, quote: str, prefix: str, suffix: str) -> Anchoring:
    """:func:`reanchor` for a quote written more than :data:`REANCHOR_CANDIDATES` times: an
    occurrence with its whole stored context (the best score there is) nearest the old
    place, else the best of the occurrences nearest the old place."""
    whole = prefix + quote + suffix
    if prefix or suffix:
        found: list[int] = []
        position = text.find(whole)
        while position != -1 and len(found) < REANCHOR_CANDIDATES:
            found.append(position + len(prefix))
            position = text.find(whole, position + 1)
        if found:
            best = min(found, key=lambda p: (abs(p - start), p))
            return Anchoring(best, best + len(quote), "moved")
    # Outward from the old place, alternately after and before it.
    candidates: list[int] = []
    after = text.find(quote, max(0, start))
    before = text.rfind(quote, 0, max(0, start) + len(quote) - 1) if start > 0 else -1
    while len(candidates) < REANCHOR_CANDIDATES and (after != -1 or before != -1):
        if after != -1:
            candidates.append(after)
            after = text.find(quote, after + 1)
        if before != -1:
            candidates.append(before)
            before = text.rfind(quote, 0, before + len(quote) - 1) if before > 0 else -1
    key = min(
        (-_affinity(text, p, p + len(quote), prefix, suffix), abs(p - start), p)
        for p in set(candidates)
    )
    return Anchoring(key[2], key[2] + len(quote), "moved")


def check_anchors(
    text: str, annotations: list[tuple[int, int, int, str, str, str, str]]
) -> list[tuple[int, Anchoring]]:
    """Annotations (id, start, end, quote, prefix, suffix, anchor) whose stored offsets no
    longer hold their quote, with where they belong now. Unchanged ones are not returned."""
    repairs = []
    for annotation_id, start, end, quote, prefix, suffix, anchor in annotations:
        if 0 <= start < end <= len(text) and text[start:end] == quote:
            if anchor == "orphaned":  # the text came back: the span is exact again
                repairs.append((annotation_id, Anchoring(start, end, "exact")))
            continue
        found = reanchor(text, start, end, quote, prefix, suffix)
        if (found.start, found.end, found.anchor) != (start, end, anchor):
            repairs.append((annotation_id, found))
    return repairs
