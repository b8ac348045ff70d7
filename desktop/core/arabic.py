"""Arabic-aware folding for search, with an exact map back to the raw text.

Why this module exists: the same Arabic word reaches an analyst in many spellings. Sources
differ in whether they write hamza on alef, in ة against ه, in tashkeel and tatweel, in Persian
against Arabic yeh and kaf, in Arabic-Indic against European digits, and PDF extraction often
yields presentation forms instead of letters. Search has to treat all of these as one word, but
the UI must still highlight the *raw* characters the user sees, so every fold here keeps a map
from each folded character back to the raw code points it came from.

Two entry points share one pipeline so they can never disagree:

* :func:`fold` is the fast path for building search indexes: whole-string C-level operations
  (``unicodedata.normalize``, ``re.sub``, ``str.replace``, ``str.casefold``) and no map.
* :func:`normalise` produces the same text plus the offset map, doing the non-trivial work
  only around the characters that actually change.

Pipeline (the order matters and both functions follow it):

1. Unicode NFKC, applied per cluster (a starter plus everything that can combine with it) so
   offsets stay exact; presentation forms become ordinary letters, ligatures expand.
2. Removal of tashkeel, Quranic marks, tatweel, zero-width and bidi controls, soft hyphen.
3. One-to-one folds (alef variants, hamza carriers, ta marbuta, Persian yeh/kaf, digits) and
   full Unicode case folding, so Latin (and Greek, Cyrillic…) search is case-insensitive.
4. Alef maksura ى → ي, except in the short stop list :data:`STOP_ALEF_MAKSURA` (see
   :func:`_fold_alef_maksura` for why).

This module is deliberately standard-library only: it is imported by indexing code that runs
without Qt, and GPL Arabic libraries (e.g. pyarabic) are incompatible with the MIT licence.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import TYPE_CHECKING, Literal

__all__ = [
    "ARTICLE",
    "CONJUNCTIONS",
    "LAM",
    "LAM_CLITICS",
    "PREPOSITIONS",
    "PROCLITICS",
    "STOP_ALEF_MAKSURA",
    "Normalised",
    "detect_direction",
    "detect_language",
    "fold",
    "fold_each",
    "fold_words",
    "normalise",
    "pieces_at_spaces",
    "proclitic_readings",
    "remembered",
]

# The proclitics Arabic writes joined to the next word, in the order they stack: a conjunction
# (و "and", ف "so"), then a preposition (ب "with", ك "like", ل "for"). Before the article ال, ل
# drops the alef: ل + الكرملين is written للكرملين. The stop list, alias matching, search,
# find-in-article, suggestions and tagging all take the clitics from here, so they agree on
# what a word may carry.
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
LAM = "ل"
ARTICLE = "ال"

PROCLITICS: tuple[str, ...] = tuple(c + p for c in ("", *CONJUNCTIONS) for p in ("", *PREPOSITIONS))
"""Every proclitic group a written word may carry, "" first: a conjunction, then a preposition,
each optional (the 12 groups و، ف، ب، ك، ل، وب، وك، ول، فب، فك، فل and none). The order is fixed
so that every expansion built from it (FTS expression, highlight regex) comes out the same."""

LAM_CLITICS: tuple[str, ...] = tuple(c + LAM for c in ("", *CONJUNCTIONS))
"""The proclitic groups ending in ل (ل، ول، فل): before ARTICLE they are written with the
article's alef dropped, so ل + الاسد is للاسد (the group, then LAM + the word without ال)."""

# --------------------------------------------------------------------------------------------
# Tables for steps 2 and 3
# --------------------------------------------------------------------------------------------

# Inclusive code-point ranges deleted by step 2. Tashkeel and Quranic annotation carry no
# lexical identity for search; tatweel is pure typography; the invisible controls are layout
# hints that editors and web pages sprinkle unpredictably inside words (a word joiner, U+2060,
# is included for the same reason as the zero-width space).
_REMOVED_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x0610, 0x061A),  # Arabic honorific / Quranic small signs
    (0x061C, 0x061C),  # ARABIC LETTER MARK (bidi control)
    (0x0640, 0x0640),  # tatweel
    (0x064B, 0x065F),  # harakat, shadda, sukun, hamza/madda marks
    (0x0670, 0x0670),  # superscript (dagger) alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings / overrides
    (0x2060, 0x2060),  # word joiner
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
)

# One-to-one letter folds of step 3: spelling variants that writers use interchangeably.
_LETTER_FOLDS: dict[str, str] = {
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0671": "\u0627",  # ٱ (wasla) → ا
    "\u0624": "\u0621",  # ؤ → ء
    "\u0626": "\u0621",  # ئ → ء
    "\u0629": "\u0647",  # ة → ه
    "\u06cc": "\u064a",  # Persian ی → ي
    "\u06a9": "\u0643",  # Persian ک → ك
}


_DIGIT_FOLDS: dict[str, str] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended Arabic-Indic (Persian/Urdu)
}
_CHAR_FOLDS: tuple[tuple[str, str], ...] = tuple({**_LETTER_FOLDS, **_DIGIT_FOLDS}.items())
_REMOVED_CLASS = "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _REMOVED_RANGES) + "]"
# The runs (:func:`_kept`): one of the class, then the rest of the run — the same runs as
# ``class+``, but a pattern that begins with a class is looked for with the engine's scan for
# it, where one that begins with a repeat is tried at every character (5.4 → 2.1 ms on a 1 MB
# article).
_REMOVED_RE = re.compile(_REMOVED_CLASS + _REMOVED_CLASS + "*")
# One character at a time for deleting them: a pattern that is a single class is looked for
# with the engine's scan for a class, where a run (``+``) is tried as a whole pattern at
# every character — three times slower on an article (23 µs to 8 µs on 2,300 characters),
# for the same text.
_REMOVED_CHAR_RE = re.compile(_REMOVED_CLASS)


def _remove_and_fold(text: str) -> str:
    """Apply steps 2 and 3 except case folding: delete marks/controls, fold letters and digits.

    Why not one ``str.translate`` table: for non-ASCII text translate does a dictionary lookup
    per code point (about 50 ns each, 50 ms per million characters) even though almost every
    character is left alone. A regex deletion plus ``str.replace`` for the few fold sources
    that are actually present stays in tight C loops and is about five times faster on news
    text. Removal and the folds are disjoint, so their order does not matter.
    """
    text = _REMOVED_CHAR_RE.sub("", text)
    for src, dst in _CHAR_FOLDS:
        if src in text:
            text = text.replace(src, dst)
    return text


def _kept(starts: Sequence[int], text: str) -> list[int]:
    """``starts`` (one entry per character of ``text``) without the entries of the characters
    :func:`_remove_and_fold` deletes. Why by the deleted runs: they are few (harakat, tatweel),
    and the pieces between them are sliced and joined in C, where a test per character cost
    twice as much (30 ms more on a 1 MB article). Each piece is added to the list whole (a
    list's slice copied in C), not chained entry by entry (9 ms less on a 1 MB article)."""
    kept: list[int] = []
    at = 0
    for run in _REMOVED_RE.finditer(text):
        begin, end = run.span()
        kept += starts[at:begin]
        at = end
    kept += starts[at:]
    return kept


# --------------------------------------------------------------------------------------------
# Step 4: alef maksura
# --------------------------------------------------------------------------------------------

_ALEF_MAKSURA = "\u0649"
_YEH = "\u064a"

# Particles only ever take the conjunctions و/ف in front of them.
_STOP_PARTICLES = frozenset({"على", "الى", "حتى", "متى", "لدى", "انى", "بلى"})
# Nouns and personal names can also take the prepositions ب/ك/ل.
_STOP_NOUNS = frozenset({"سوى", "مدى", "منى", "ليلى", "سلمى", "بشرى", "يحيى"})

STOP_ALEF_MAKSURA: frozenset[str] = _STOP_PARTICLES | _STOP_NOUNS
"""Words (already folded: إلى is listed as الى) whose final ى is kept, not folded to ي.

Folding ى → ي everywhere would make each of these identical to a different, common word:
على "on" with the name علي, الى "to" with آلي "automatic", لدى with لدي "I have", انى with اني,
سوى with سوي; and the names منى, ليلى, سلمى, بشرى, يحيى with مني "from me", ليلي, سلمي "peaceful",
بشري "human", يحيي "salutes". The list is kept small on purpose: every entry costs recall for
sources (notably Egyptian) that write final ي as ى, and a word not in the list still folds.
"""


def _proclitic_forms() -> frozenset[str]:
    """Expand the stop list with the proclitics a written word may carry.

    Precomputing every prefixed form turns the per-occurrence check into one set lookup.
    """
    forms = {c + w for c in ("", *CONJUNCTIONS) for w in _STOP_PARTICLES}
    forms |= {c + w for c in PROCLITICS for w in _STOP_NOUNS}
    return frozenset(forms)


_STOP_FORMS = _proclitic_forms()

# Arabic-script letters (after folding) that make up a word for the purpose of step 4. Digits,
# Latin letters, punctuation and spaces all end a word.
_ARABIC_LETTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0620, 0x063F),
    (0x0641, 0x064A),
    (0x066E, 0x066F),
    (0x0671, 0x06D3),
    (0x06D5, 0x06D5),
    (0x06EE, 0x06EF),
    (0x06FA, 0x06FC),
    (0x06FF, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08C9),
)
_LETTER_CLASS = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _ARABIC_LETTER_RANGES)


@functools.cache
def _kept_alef_maksura() -> re.Pattern[str]:
    """The final ى of a stop-listed word: a final ى, then the word it ends looked for behind
    it among the stop forms of each length, with no letter before it. Why a pattern: the
    stop forms looked for by walking back from each final ى letter by letter in Python were
    half of what the rule cost on an article (18 µs to 9 µs on 2,300 characters). Made on
    first use (2 ms: not paid by a process that folds nothing)."""
    by_length: dict[int, list[str]] = {}
    for form in sorted(_STOP_FORMS):
        by_length.setdefault(len(form), []).append(re.escape(form))
    behind = "|".join(
        f"(?<=(?<![{_LETTER_CLASS}])(?:{'|'.join(forms)}))"
        for _, forms in sorted(by_length.items())
    )
    return re.compile(f"{_ALEF_MAKSURA}(?![{_LETTER_CLASS}])(?:{behind})")


def _fold_alef_maksura(text: str) -> str:
    """Fold ى to ي except for the word-final ى of a stop-listed word.

    Why a stop list rather than always or never folding: sources disagree on the dots of final
    yeh (Egyptian typesetting writes في as فى and الذي as الذى), and names such as مصطفى appear
    as مصطفي, so folding is needed for recall. But folded blindly, the preposition على becomes
    the name علي and a search for the person drowns in the commonest word of the language. So
    every ى is folded, except the final ى of a word that, after removing proclitics (و ف, and
    for nouns ب ك ل), is in :data:`STOP_ALEF_MAKSURA`. The transformation is one character for
    one character, so the offset map of :func:`normalise` is unaffected.
    """
    if _ALEF_MAKSURA not in text:
        return text
    keep = [match.start() for match in _kept_alef_maksura().finditer(text)]
    if not keep:
        return text.replace(_ALEF_MAKSURA, _YEH)
    parts: list[str] = []
    last = 0
    for pos in keep:
        parts.append(text[last:pos].replace(_ALEF_MAKSURA, _YEH))
        parts.append(_ALEF_MAKSURA)
        last = pos + 1
    parts.append(text[last:].replace(_ALEF_MAKSURA, _YEH))
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Step 1: NFKC with an offset map
# --------------------------------------------------------------------------------------------

# Hangul vowel and trailing-consonant jamo compose with a preceding syllable/jamo although
# their combining class is 0; they are not listed in the decomposition data (Hangul
# composition is algorithmic), so they are added by hand.
_HANGUL_TRAILERS = frozenset(
    [chr(cp) for cp in range(0x1161, 0x1176)] + [chr(cp) for cp in range(0x11A8, 0x11C3)]
)
# Ranges scanned for canonical decompositions; the skipped ranges (CJK ideographs, Hangul
# syllables, surrogates, private use) hold no two-character canonical decompositions.
_DECOMPOSITION_SCAN: tuple[tuple[int, int], ...] = (
    (0x0000, 0x3400),
    (0xA000, 0xAC00),
    (0xD7B0, 0xD800),
    (0xF900, 0x20000),
    (0x2F800, 0x2FA20),
)


@functools.cache
def _composition_trailers() -> frozenset[str]:
    """Characters that can canonically compose with a character before them.

    Why: a cluster boundary is only safe before a character that cannot merge with what
    precedes it. Most such trailers are combining marks (combining class > 0), but a few
    starters also compose (Indic two-part vowels, Hangul jamo); they must be found in the
    interpreter's own Unicode database to stay in step with ``unicodedata.normalize``.
    Computed lazily (about 25 ms) because most texts never need it.
    """
    found = set(_HANGUL_TRAILERS)
    for lo, hi in _DECOMPOSITION_SCAN:
        for cp in range(lo, hi):
            dec = unicodedata.decomposition(chr(cp))
            if dec and not dec.startswith("<"):
                parts = dec.split()
                if len(parts) == 2:
                    found.add(chr(int(parts[1], 16)))
    return frozenset(found)


_BOUNDARY_CACHE: dict[str, bool] = {}


def _is_cluster_start(ch: str) -> bool:
    """Whether NFKC of the text before ``ch`` is independent of ``ch`` and what follows.

    True when the first character of ch's compatibility decomposition is a starter that
    cannot compose backwards: then canonical reordering and composition cannot cross it.
    """
    cached = _BOUNDARY_CACHE.get(ch)
    if cached is not None:
        return cached
    if ch < "\x80":
        result = True
    elif unicodedata.combining(ch):
        result = False
    else:
        first = unicodedata.normalize("NFKD", ch)[0]
        result = not unicodedata.combining(first) and first not in _composition_trailers()
    _BOUNDARY_CACHE[ch] = result
    return result


# Characters before which NFKC is always separable: ASCII, and the Arabic base letters
# (starters that never compose with what precedes them). Used to cut long texts into blocks
# so that only blocks which really change under NFKC take the slow per-cluster path.
_SAFE_SPLIT_RE = re.compile("[\x00-\x7f\u0621-\u063a\u0641-\u064a]")
_BLOCK = 512


class _NfkcByChar(dict[str, str]):
    """NFKC of single characters, computed on first use and then looked up in C.

    Used with ``map(table.__getitem__, block)`` so the common non-normalised block (letters in
    presentation forms, ligatures) is folded without a Python-level loop.
    """

    def __missing__(self, ch: str) -> str:
        out = unicodedata.normalize("NFKC", ch)
        self[ch] = out
        return out


_NFKC_BY_CHAR = _NfkcByChar()


def _nfkc_block(block: str, base: int, parts: list[str], starts: list[int]) -> None:
    """NFKC one block that is not normalised, appending output text and raw start offsets.

    Fast path: if NFKC of each character on its own concatenates to NFKC of the block (true
    whenever nothing composes or reorders, e.g. text in presentation forms), every output
    piece maps to its own raw character. Otherwise the block is walked cluster by cluster:
    clusters whose characters normalise independently still map piece by piece, and clusters
    that interact (composition, mark reordering) map every output character to the cluster's
    first raw character, which is the finest honest answer.
    """
    normalize = unicodedata.normalize
    n = len(block)
    pieces = list(map(_NFKC_BY_CHAR.__getitem__, block))
    joined = "".join(pieces)
    if joined == normalize("NFKC", block):
        parts.append(joined)
        if len(joined) == n:
            starts.extend(range(base, base + n))
        else:
            starts.extend(chain.from_iterable(map(repeat, range(base, base + n), map(len, pieces))))
        return
    is_start = _is_cluster_start
    i = 0
    while i < n:
        j = i + 1
        while j < n and not is_start(block[j]):
            j += 1
        seg = block[i:j]
        out = normalize("NFKC", seg)
        parts.append(out)
        if out == seg:
            starts.extend(range(base + i, base + j))
        elif "".join(pieces[i:j]) == out:
            for k in range(i, j):
                starts.extend(repeat(base + k, len(pieces[k])))
        else:
            starts.extend(repeat(base + i, len(out)))
        i = j


def _nfkc_with_map(raw: str) -> tuple[str, list[int] | None]:
    """Step 1 of :func:`normalise`: NFKC of ``raw`` plus raw start offsets (None = identity).

    The whole-text quick check settles the usual case (already normalised) in C. Otherwise the
    text is cut at safe boundaries into blocks of about ``_BLOCK`` characters and only blocks
    that fail the quick check are walked cluster by cluster.
    """
    is_normalized = unicodedata.is_normalized
    if is_normalized("NFKC", raw):
        return raw, None
    parts: list[str] = []
    starts: list[int] = []
    n = len(raw)
    pos = 0
    while pos < n:
        end = n
        if pos + _BLOCK < n:
            found = _SAFE_SPLIT_RE.search(raw, pos + _BLOCK)
            if found is not None:
                end = found.start()
        block = raw[pos:end]
        if is_normalized("NFKC", block):
            parts.append(block)
            starts.extend(range(pos, end))
        else:
            mark = len(parts), len(starts)
            _nfkc_block(block, pos, parts, starts)
            expected = unicodedata.normalize("NFKC", block)
            if "".join(parts[mark[0] :]) != expected:  # pragma: no cover - safety net only
                # Cannot happen if the boundary analysis is right; if a future Unicode
                # version breaks it, stay consistent with fold() at the cost of precision.
                del parts[mark[0] :], starts[mark[1] :]
                parts.append(expected)
                starts.extend(repeat(pos, len(expected)))
        pos = end
    return "".join(parts), starts


# --------------------------------------------------------------------------------------------
# Step 3 (case folding) with an offset map
# --------------------------------------------------------------------------------------------

_CASEFOLD_CHUNK = 1024


def _casefold_with_map(text: str, starts: list[int] | None) -> tuple[str, list[int] | None]:
    """Case-fold ``text`` and stretch ``starts`` where one character folds to several (ß → ss).

    ``str.casefold`` works character by character without context, so equal lengths prove the
    fold was one-to-one; otherwise only the chunks whose length changed are walked in Python.
    """
    folded = text.casefold()
    if len(folded) == len(text):
        return folded, starts
    src: list[int] | range = starts if starts is not None else range(len(text))
    out: list[int] = []
    for a in range(0, len(text), _CASEFOLD_CHUNK):
        chunk = text[a : a + _CASEFOLD_CHUNK]
        if len(chunk.casefold()) == len(chunk):
            out.extend(src[a : a + _CASEFOLD_CHUNK])
        else:
            for k, ch in enumerate(chunk):
                out.extend(repeat(src[a + k], len(ch.casefold())))
    return folded, out


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


if TYPE_CHECKING:
    _IntArray = array[int]
else:
    _IntArray = array  # (not subscriptable at run time before Python 3.12)


class Offsets(_IntArray):
    """A normalisation's map back to the raw text: machine integers (8 bytes each), read-only.

    Why not a tuple: each of a tuple's entries above 256 is an int object of its own, 36 bytes
    a character with the tuple's pointer — a 1 MB article's map held 36 MB while the window
    kept it for the next suggestion, and a million-article project with the article and its
    suggestions shown went from 180 to 290–296 MB (issue 15's bound is 300). Equal to a tuple
    or list of the same numbers, hashed like that tuple; indexing stays in C, and ``bisect``
    too through a memoryview of it (:func:`_searchable`)."""

    __slots__ = ()

    def __new__(cls, values: Iterable[int] = ()) -> Offsets:
        made: Offsets = super().__new__(cls, "q", values)  # type: ignore[assignment]
        return made

    def _read_only(self, *_args: object, **_kwargs: object) -> None:
        raise TypeError("a normalisation's offsets are read-only")

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only  # type: ignore[assignment]
    append = extend = insert = pop = remove = reverse = byteswap = _read_only  # type: ignore[assignment]
    frombytes = fromlist = fromfile = fromunicode = _read_only

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, array):
            return array.__eq__(self, other)
        if isinstance(other, (tuple, list)):
            return len(self) == len(other) and self.tolist() == list(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"

    def __reduce__(self) -> tuple[type[Offsets], tuple[list[int]]]:
        return (Offsets, (list(self),))


@dataclass(frozen=True, slots=True)
class Normalised:
    """Folded text plus the map back to the raw text it came from.

    Why: search runs on the folded text but highlights must land on the characters the user
    sees. ``offsets`` has ``len(text) + 1`` entries; ``offsets[i]`` is the raw code-point index
    where folded character ``i`` starts and ``offsets[len(text)] == len(raw)``. The offsets
    partition the raw text: folded character ``i`` owns ``raw[offsets[i]:offsets[i + 1]]``, so
    removed marks (tashkeel, tatweel, controls) belong to the character before them, and any
    removed characters at the very start belong to the first character (``offsets[0] == 0``
    whenever ``text`` is not empty). Characters produced from one raw character (a ligature,
    ß → ss) share its start offset. If everything was removed, ``offsets == (len(raw),)``.

    ``offsets`` is an :class:`Offsets` (machine integers, read-only, equal to a tuple of the
    same numbers): a tuple took 36 bytes a character.
    """

    text: str
    offsets: Sequence[int]

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text) + 1:
            raise ValueError("offsets must have len(text) + 1 entries")

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded span ``[start, end)`` to the raw span covering exactly those chars.

        The raw end is the end of the last character's raw segment, so harakat or tatweel on
        the last letter are inside the span (the highlight covers the whole visible word). A
        span that ends inside an expansion (half of a lam-alef ligature) is widened to the
        whole raw character, since a raw character cannot be partially highlighted.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span [{start}, {end}) outside 0..{n}")
        offsets = self.offsets
        raw_start = offsets[start]
        if start == end:
            return raw_start, raw_start
        last = offsets[end - 1]
        following = offsets[end]
        if following != last:
            return raw_start, following  # (most spans: the next character begins after it)
        return raw_start, offsets[bisect_right(_searchable(offsets), last, end, n)]

    def to_norm(self, raw_pos: int) -> int:
        """Map a raw offset to the folded character whose raw segment contains it.

        ``len(raw)`` maps to ``len(text)``. Inside a group of characters expanded from one raw
        character the first of the group is returned, so ``to_raw(to_norm(p), …)`` starts at
        or before ``p``.
        """
        offsets = _searchable(self.offsets)
        n = len(self.text)
        if not 0 <= raw_pos <= offsets[n]:
            raise ValueError(f"raw offset {raw_pos} outside 0..{offsets[n]}")
        if raw_pos == offsets[n]:
            return n
        i = bisect_right(offsets, raw_pos, 0, n) - 1
        if i < 0:
            return 0
        return bisect_left(offsets, offsets[i], 0, i)


def _searchable(offsets: Sequence[int]) -> Sequence[int]:
    """``offsets`` for ``bisect``: an :class:`Offsets` through a memoryview of it, as fast as
    a plain array — through the subclass, Python's item slot made each search 4 times
    slower."""
    return memoryview(offsets) if isinstance(offsets, Offsets) else offsets


_FOLD_PIECE = 1 << 20  # characters folded at a time (fold of a long article)
_SPACE_RE = re.compile(r"\s")  # str.split's white space


def pieces_at_spaces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of about ``size`` characters, each ending just after a
    white-space character (or at the end), so no word is cut."""
    start, length = 0, len(text)
    while start < length:
        found = _SPACE_RE.search(text, min(start + size, length))
        end = found.end() if found else length
        yield text[start:end]
        start = end


def fold(text: str) -> str:
    """Return the search key of ``text``: exactly ``normalise(text).text``, without the map.

    Used to build and query search indexes, so it favours whole-string C-level operations:
    an NFKC quick check (most text needs nothing), a regex deletion and ``str.replace`` for
    the letter folds, ``str.casefold``, and the alef-maksura rule.
    """
    if len(text) > _FOLD_PIECE:
        # Piece by piece, each ending at white space: no step joins across white space, so the
        # result is the same, and a 50 MB article costs one copy rather than four (issue 13).
        return "".join(map(_fold, pieces_at_spaces(text, _FOLD_PIECE)))
    if len(text) <= _FOLD_KEPT_LENGTH:
        folded = _folded.get(text)
        if folded is None:
            folded = _fold(text)
            if len(_folded) >= _FOLD_KEPT:
                _folded.clear()  # a text of ever new words: start again, never grow
            _folded[text] = folded
        return folded
    return _fold(text)


# A word or a name's folded form, kept: the model's and the rules' thousands of names on a long
# article fold the same few thousand words again and again (a 1 MB article's path folded some
# 11,000 short strings after every tag, 1 to 5 µs each; a kept one costs a tenth of a µs). A
# plain dict emptied when full, not ``functools.lru_cache``: its upkeep cost 1 µs a new text,
# as much as folding a word, where a dict's costs nothing. Threads share it safely: each
# step on it is one operation of the dict.
_FOLD_KEPT_LENGTH = 40  # characters
_FOLD_KEPT = 1 << 14  # texts
_folded: dict[str, str] = {}


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # ASCII is NFKC-stable and untouched by steps 2-4
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _fold_alef_maksura(_remove_and_fold(text).casefold())


def fold_each(words: Sequence[str]) -> list[str]:
    """``[fold(word) for word in words]`` for words without white space, folded as one text.

    Why: a 1 MB article has 17,000 distinct words, and folding each alone costs its checks and
    copies 17,000 times (80 ms; as one text, 15 ms). No step of :func:`fold` joins across a
    line break (NFKC composes nothing with it, the alef-maksura rule ends a word at it), so
    the lines of the folded text are the folded words; a word holding a line break is folded
    alone."""
    if not words:
        return []
    joined = "\n".join(words)
    if joined.count("\n") == len(words) - 1:  # no word holds a line break
        found = fold(joined).split("\n")
        if len(found) == len(words):  # always (fold makes no line break): to be safe
            return found
    return [fold(word) for word in words]


def fold_words(text: str) -> str:
    """:func:`fold` ``text``, then collapse every run of white space to one space and strip.

    The key for comparing names and whole texts whatever their spacing: alias look-ups and the
    duplicate check's content hash both use it, so they can never disagree on what white space
    is (``str.split``'s definition, the same set as the regex ``\\s``).
    """
    return " ".join(fold(text).split())


def proclitic_readings(word: str) -> list[str]:
    """The written ``word`` read as proclitics + a word: for each proclitic group it may start
    with (:data:`PROCLITICS`, the shorter groups first), the word after them as written, and
    after a group ending in ل followed by ل (:data:`LAM_CLITICS`) also the word with its
    article back (``للرئيس`` → ``الرئيس``). Only readings of three letters or more
    (``لأوباما`` → ``أوباما``; ``وكيري`` → ``كيري``, ``يري``).

    Whether a reading is right is for the caller to judge from evidence: وليد، لبنان، بشار،
    لافروف and كيري are names that merely start with those letters."""
    norm = normalise(word)
    folded = norm.text
    found: list[str] = []
    for group in sorted(PROCLITICS[1:], key=len):
        rest = folded[len(group) :]
        if not folded.startswith(group) or len(rest) < 3:
            continue
        written = word[norm.to_raw(len(group), len(folded))[0] :]
        readings = [written]
        if group in LAM_CLITICS and rest.startswith(LAM):
            readings.append(ARTICLE[0] + written)  # لل: ل + ال with the alef dropped
        found += [r for r in readings if r not in found]
    return found


# The last long text normalised, and its normalisation: suggesting in an article normalises
# it for the rules, then the registry's and the gazetteer's membership features of the tagger
# need it again (0.1 s and more on a 1 MB article, each time). One entry, replaced whole.
_REMEMBER_FROM = 20_000  # characters
_remembered: tuple[str, Normalised] | None = None


def remembered(text: str) -> Normalised | None:
    """``normalise(text)`` when ``text`` is the last long text normalised, else None (a
    caller that would rather fold than pay for a whole map asks this first)."""
    last = _remembered
    if last is not None and len(last[0]) == len(text) and last[0] == text:
        return last[1]
    return None


def normalise(text: str) -> Normalised:
    """Fold ``text`` like :func:`fold` and keep the offset map back to ``text``.

    Used where folded matches must be shown on the raw text (highlighting, annotation
    anchors). The expensive per-character work is confined to what actually changes: NFKC
    runs cluster by cluster only in blocks that are not already normalised, removals are
    dropped from the map by their runs (:func:`_kept`), and case folding is only walked where a
    character expands. The last long text's normalisation is remembered (:func:`remembered`).
    """
    global _remembered
    if len(text) < _REMEMBER_FROM:
        return _normalise(text)
    found = remembered(text)
    if found is None:
        found = _normalise(text)
        _remembered = (text, found)
    return found


def _normalise(text: str) -> Normalised:
    n = len(text)
    if text.isascii():
        return Normalised(text.lower(), Offsets(range(n + 1)))
    stage1, starts = _nfkc_with_map(text)
    stage2 = _remove_and_fold(stage1)
    if len(stage2) != len(stage1):
        src: list[int] | range = starts if starts is not None else range(len(stage1))
        starts = _kept(src, stage1)
    stage3, starts = _casefold_with_map(stage2, starts)
    folded = _fold_alef_maksura(stage3)
    offsets = list(range(len(folded))) if starts is None else starts
    # Leading removed characters belong to the first character (and to every character
    # expanded from the same raw character), so the offsets cover the raw text from 0.
    first = offsets[0] if offsets else 0
    k = 0
    while k < len(offsets) and offsets[k] == first:
        offsets[k] = 0
        k += 1
    offsets.append(n)
    return Normalised(folded, Offsets(offsets))


_SAMPLE = 2000
_RTL_SHARE = 0.4


_NONE, _ARABIC, _LATIN, _OTHER = 0, 1, 2, 3  # the script of a word's deciding letter
_RTL, _LTR = 1, 2  # the direction of a word's first strong character


_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_LATIN_RANGES = (
    (0x0000, 0x024F),
    (0x1E00, 0x1EFF),
    (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF),
    (0xFF21, 0xFF5A),
)
"""Where :func:`_script`'s Arabic and Latin letters are."""


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> int:
    """The script class of ``ch`` for :func:`detect_language` (``_NONE``: not a letter)."""
    if not ch.isalpha():
        return _NONE
    cp = ord(ch)
    if any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES):
        return _ARABIC
    if any(lo <= cp <= hi for lo, hi in _LATIN_RANGES):
        return _LATIN
    return _OTHER


@functools.lru_cache(maxsize=4096)
def _strength(ch: str) -> int:
    """``_RTL`` for bidi class R or AL, ``_LTR`` for L, else 0 (:func:`detect_direction`)."""
    cls = unicodedata.bidirectional(ch)
    return _RTL if cls in ("R", "AL") else _LTR if cls == "L" else 0


_KINDS: dict[str, tuple[int, int]] = {}
"""(:func:`_script`, :func:`_strength`) of characters met first in a word, kept for the
next article (at most :data:`_KINDS_KEPT` of them)."""
_KINDS_KEPT = 4096


def _first_of(word: str, kind_of: Callable[[str], int]) -> int:
    for ch in word:
        kind = kind_of(ch)
        if kind:
            return kind
    return 0


def _ranges_class(chars: list[int]) -> str:
    """The inside of a character class matching ``chars`` (code points, ascending), written
    as ranges of ``\\u`` escapes."""
    runs: list[str] = []
    start = previous = chars[0]
    for cp in [*chars[1:], -2]:
        if cp != previous + 1:
            runs.append(f"\\u{start:04x}" + (f"-\\u{previous:04x}" if previous > start else ""))
            start = cp
        previous = cp
    return "".join(runs)


@functools.cache
def _words_not_arabic() -> re.Pattern[str]:
    """A word, after white space, that does not start with an Arabic letter written right
    to left (:func:`_script` ``_ARABIC`` and :func:`_strength` ``_RTL``, from the
    interpreter's own Unicode data); made on first use (about a millisecond)."""
    script, strength = _script.__wrapped__, _strength.__wrapped__  # not filling their caches
    letters = [
        cp
        for lo, hi in _ARABIC_RANGES
        for cp in range(lo, hi + 1)
        if script(chr(cp)) == _ARABIC and strength(chr(cp)) == _RTL
    ]
    # Looked for by its first character, which the engine finds with a scan for its class
    # (few in Arabic: digits, punctuation), then told a word's first by what is before it: a
    # pattern starting with the white space was tried at every space (20 µs to 12 µs).
    return re.compile(r"[^\s" + _ranges_class(letters) + r"](?<=\s\S)\S*")


def _word_kinds(text: str) -> tuple[list[int], list[int]]:
    """Words of the first :data:`_SAMPLE` characters of ``text`` counted by the script of
    their first letter (indexed by ``_ARABIC``, ``_LATIN``, ``_OTHER``) and by the direction
    of their first strong character (``_RTL``, ``_LTR``); index 0 counts the words without.

    In a text written mostly in characters of two bytes or more (Arabic), the words are
    counted, and those that do not start with an Arabic letter — which decides both kinds:
    a letter of the Arabic script, written right to left — are found by a pattern and read
    one by one: a Python step for each word, its first character looked up in a table, was
    0.07 ms of a short article's 0.5 ms in a text reader (issue 15), and most of an Arabic
    article's words need none. Elsewhere (Latin) nearly every word would be read anyway,
    and the pattern's copies of them cost more: every word is read (:func:`_count_words`).
    Both ways count the same."""
    scripts = [0, 0, 0, 0]
    strengths = [0, 0, 0]
    sample = text[:_SAMPLE]
    if sample.isascii() or len(sample.encode("utf-8", "surrogatepass")) < _WIDE * len(sample):
        _count_words(sample.split(), scripts, strengths)
        return scripts, strengths
    others = _words_not_arabic().findall(" " + sample)  # a space: the first word's start
    scripts[_ARABIC] = strengths[_RTL] = _word_count(sample) - len(others)
    _count_words(others, scripts, strengths)
    return scripts, strengths


def _word_count(text: str) -> int:
    """``len(text.split())``. A text whose only white space is spaces and newlines (nearly
    every article, and ``isprintable`` is false for every other white-space character) has
    as many words as single spaces once its newlines are spaces and its runs of spaces one
    — counted in C, without making a string of each word (20 µs to 12 µs on 2,000
    characters)."""
    spaced = text.replace("\n", " ")
    if not spaced.isprintable():
        return len(text.split())
    while "  " in spaced:
        spaced = spaced.replace("  ", " ")
    if spaced in ("", " "):
        return 0
    return spaced.count(" ") + 1 - spaced.startswith(" ") - spaced.endswith(" ")


_WIDE = 1.5
"""UTF-8 bytes per character from which a text is read for its words that are not Arabic
(:func:`_word_kinds`): Arabic letters take two, Latin ones one."""


def _count_words(words: Iterable[str], scripts: list[int], strengths: list[int]) -> None:
    """Add each of ``words`` to the counts of :func:`_word_kinds`: its first character
    looked up in a table, the word read letter by letter only when that character decides
    nothing (a quote, a bracket, a digit)."""
    known = _KINDS
    for word in words:
        first = word[0]
        kinds = known.get(first)
        if kinds is None:
            kinds = (_script(first), _strength(first))
            if len(known) < _KINDS_KEPT:
                known[first] = kinds
        script, strength = kinds
        scripts[script or _first_of(word, _script)] += 1
        strengths[strength or _first_of(word, _strength)] += 1


def _direction(strengths: list[int]) -> Literal["rtl", "ltr"]:
    rtl, ltr = strengths[_RTL], strengths[_LTR]
    if rtl == 0 or rtl <= _RTL_SHARE * (rtl + ltr):
        return "ltr"
    return "rtl"


def _language(scripts: list[int]) -> str:
    arabic, latin, other = scripts[_ARABIC], scripts[_LATIN], scripts[_OTHER]
    if arabic and arabic >= latin and arabic >= other:
        return "ar"
    if latin and latin >= other:
        return "en"
    return "und"


def detect_direction(text: str) -> Literal["rtl", "ltr"]:
    """Guess the base paragraph direction of ``text`` from its first ~2000 characters.

    Counts whitespace-separated words by their first strong character (bidi class R or AL:
    Arabic, Hebrew, Syriac, Thaana, N'Ko, presentation forms…, against L) and answers "rtl"
    when more than 40% of the words with a strong character are right-to-left. Words rather
    than letters, because a Latin URL or name such as "Russia-Now.com" inside an Arabic
    sentence has more letters than the Arabic words around it but is one word; the 40%
    threshold (the one used by Closure's bidi estimator) leans towards RTL because Arabic words
    are short. Empty or neutral-only text is "ltr", the Qt default.
    """
    return _direction(_word_kinds(text)[1])


def detect_language_and_direction(text: str) -> tuple[str, Literal["rtl", "ltr"]]:
    """:func:`detect_language` and :func:`detect_direction` of ``text``, its words read once
    for both."""
    scripts, strengths = _word_kinds(text)
    return _language(scripts), _direction(strengths)


def detect_language(text: str) -> str:
    """Guess the language of ``text``: "ar", "en" or "und" (undetermined).

    Why so coarse: the app only needs to know whether to apply Arabic handling (and which
    spell/hyphenation defaults to offer). Words in the first ~2000 characters are counted by the
    script of their first letter; Arabic script wins ties (the app is Arabic-first), Latin
    script is reported as "en", anything else, or no letters at all, as "und".
    """
    return _language(_word_kinds(text)[0])
