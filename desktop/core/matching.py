"""Clitic-aware matching of entity aliases in Arabic (and Latin) text.

Why this module exists: "find all mentions" and the registry-based suggestions must find
``كيري`` in ``وكيري`` and ``لكيري``, ``أوباما`` in ``اوباما``, ``الكرملين`` in ``للكرملين``, and
must not find ``سورية`` inside the adjective ``السورية`` nor ``علي`` in ``على``. A plain substring
search gets every one of these wrong, and a per-word loop in Python is too slow for a corpus.

How: every alias is folded with :func:`desktop.core.arabic.fold` (the one normaliser, so the
hamza, ta marbuta, harakat, alef maksura and case rules are the same as in search) and all
aliases are compiled into one regular expression over *folded* text, built from a character
trie so the engine tries the longest alias first at each position and backs off to shorter
ones. The pattern matches the names only; each candidate is then checked in Python:

* the letters between the previous non-word character and the name must be a proclitic group:
  the conjunctions و ف and the prepositions ب ك ل, alone or combined (وب، ول، فب، فل، وك …),
  so a match never starts inside another word, and a name that is itself an alias (``وليد``)
  is found before و + ``ليد`` because the engine reaches its start first;
* ل before the article contracts (ل + الكرملين → للكرملين); the contracted form is in the trie
  for aliases that carry ال, and only there. No alias ever gets an article it does not have,
  which keeps ``سورية`` (a country) out of ``السورية`` (an adjective);
* the character after the name must not be a word character (letter or digit);
* words of a multi-word alias may be separated by any run of white space.

Only texts whose folded form matches are mapped back to raw offsets, and most of them through
the positions of the few deleted characters rather than :func:`normalise`'s full map.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Protocol

from desktop.core.arabic import (
    ARTICLE,
    LAM,
    LAM_CLITICS,
    PROCLITICS,
    Normalised,
    fold,
    fold_words,
    normalise,
    remembered,
)
from desktop.core.spans import context

__all__ = [
    "AliasMatcher",
    "DocumentMatch",
    "Match",
    "TokenPlan",
    "find_all_mentions",
    "folded_alias",
]


def folded_alias(alias: str) -> str:
    """The key an alias is matched by: folded, with white space runs collapsed to one space.

    The same key as the store's ``alias_norm`` column, so two aliases that the registry treats
    as one are matched as one.
    """
    return fold_words(alias)


@dataclass(frozen=True, slots=True)
class Match:
    """One mention of an alias in a text, in raw code points.

    ``start``/``end`` cover the name only (an annotation on ``وكيري`` covers ``كيري``), including
    harakat and tatweel written on its letters; ``word_start`` is where the written word with its
    clitics begins. ``clitics`` is the folded proclitic group (``""``, ``"و"``, ``"ول"`` …).
    ``entity_id`` is ``None`` for ad-hoc alias lists.
    """

    entity_id: int | None
    start: int
    end: int
    word_start: int
    matched_alias: str
    clitics: str


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """A match in one document of a corpus, with the quote and context an annotation stores."""

    document_id: int
    match: Match
    quote: str
    prefix: str
    suffix: str

    @property
    def start(self) -> int:
        return self.match.start

    @property
    def end(self) -> int:
        return self.match.end

    @property
    def entity_id(self) -> int | None:
        return self.match.entity_id


_TRIE_LONGEST = 120
"""Aliases longer than this (in folded characters) are plain alternatives beside the trie.

Why: the trie's pattern nests one group per alias that is a prefix of another and is built
(like Python's regex parser reads it) one call deeper per character, so a name of a thousand
characters — a long selection tagged as a person — hit Python's recursion limit and broke
suggestions and "find all mentions" for the whole project. Real names are far shorter, so
their pattern is unchanged; a longer one is matched literally, letter by letter.
"""


class _Trie:
    """Character trie of folded aliases, rendered as a backtracking-friendly regex."""

    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.terminal = False

    def add(self, word: str) -> None:
        node = self
        for char in word:
            node = node.children.setdefault(char, _Trie())
        node.terminal = True

    def pattern(self) -> str:
        """Regex for every word in the trie; longer words are tried before their prefixes.

        A node that ends a word and also continues becomes ``(?:continuations)?``: the greedy
        ``?`` makes the engine try the longer alias first and fall back to the shorter one only
        if the longer one fails (including the end-of-word check that follows the name).
        Children start with different characters, so their order never changes the result.
        """
        parts: list[str] = []
        leaves: list[str] = []
        for char in sorted(self.children):
            node = self.children[char]
            if node.children or char == " ":
                parts.append(_atom(char) + node.pattern())
            else:
                leaves.append(char)
        if len(leaves) == 1:
            parts.append(re.escape(leaves[0]))
        elif leaves:
            parts.append("[" + "".join(re.escape(char) for char in leaves) + "]")
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if self.terminal else body


def _atom(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


_RawHit = tuple[int, int, int, str, str]
"""``(word_start, start, end, key, clitics)``: a match before it is given to its entities."""


class _RawMap(Protocol):
    """Anything that maps a folded span to the raw span it came from (e.g. ``Normalised``)."""

    def to_raw(self, start: int, end: int) -> tuple[int, int]: ...


class _DeletionMap:
    """Folded → raw offsets for a text whose fold only deleted characters (harakat, tatweel…).

    ``gaps[k]`` is the folded index of the first kept character after the ``k``-th deleted
    one, so the raw index of folded character ``f`` is ``f`` plus the number of gaps at or
    before ``f``. Spans follow :meth:`Normalised.to_raw` exactly: marks after the last letter
    belong to it, and deleted characters at the very start belong to the first letter.
    """

    __slots__ = ("gaps",)

    def __init__(self, gaps: list[int]) -> None:
        self.gaps = gaps

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        gaps = self.gaps
        raw_start = 0 if start == 0 else start + bisect_right(gaps, start)
        return raw_start, end + bisect_right(gaps, end)


# Characters that certainly fold to exactly one character (ASCII, the Arabic base letters and
# the punctuation of news text). Checked against fold() itself at import, so this list can only
# make the fast path rarer, never wrong. Anything else is looked up one by one (and cached).
_COMMON_RANGES = ((0x00, 0x7F), (0x0621, 0x063A), (0x0641, 0x064A), (0x0660, 0x0669))
_COMMON_EXTRA = "،؛؟«»“”‘’–—…"
_COMMON = "".join(
    ch
    for ch in [chr(c) for lo, hi in _COMMON_RANGES for c in range(lo, hi + 1)] + [*_COMMON_EXTRA]
    if len(fold(ch)) == 1
)
_COMMON_SET = frozenset(_COMMON)
_UNCOMMON_RE = re.compile("[^" + "".join(re.escape(ch) for ch in _COMMON) + "]")
_FOLDED_LENGTH: dict[str, int] = {}


def _raw_map(text: str, folded: str) -> _RawMap:
    """The cheapest exact folded → raw map for ``text`` (whose fold is ``folded``).

    Why not always :func:`normalise`: it builds a tuple with one offset per character, which
    costs several times more than folding, and "find all mentions" has to map matches in most
    documents of a corpus. When the text is already NFKC and every character folds to at most
    one character (true of nearly all news text), folding only deletes characters, and the
    positions of the deleted ones are enough. The length check proves that case; anything else
    (presentation forms, ß, …) takes the full map.
    """
    if text.isascii():
        return _DeletionMap([])
    if unicodedata.is_normalized("NFKC", text):
        uncommon = set(_UNCOMMON_RE.findall(text))
        lengths = _FOLDED_LENGTH
        for char in uncommon - lengths.keys():
            lengths[char] = len(fold(char))
        if all(lengths[char] <= 1 for char in uncommon):
            deleted = frozenset(char for char in uncommon if not lengths[char])
            positions = [m.start() for m in _deleted_re(deleted).finditer(text)] if deleted else []
            if len(text) - len(positions) == len(folded):
                return _DeletionMap([pos - k for k, pos in enumerate(positions)])
    return normalise(text)


@functools.lru_cache(maxsize=256)
def _deleted_re(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]")


_CLITIC_PLAIN = frozenset(PROCLITICS)
_CLITIC_CONTRACTED = frozenset(LAM_CLITICS)


def _is_word_char(char: str) -> bool:
    """The regex ``\\w`` test, so Python-side boundary checks agree with the pattern's."""
    return char.isalnum() or char == "_"


# The raw hits of the last long normalised text (:meth:`AliasMatcher.find_normalised`): the
# matcher's alias keys, the text's normalisation (by identity: :func:`normalise` remembers the
# last long text's) and the hits, which are tuples, never changed.
_REMEMBER_HITS_FROM = 20_000  # characters
_last_hits: tuple[frozenset[str], Normalised, list[_RawHit]] | None = None


# A text this long has its split into words kept (folded_words), and is then matched where its
# words allow a name (AliasMatcher._starts), not searched at every character.
SCAN_WORDS_FROM = 20_000  # characters
_FIRST_WORD_RE = re.compile(r"\w+")
# (possessive: the same runs — nothing after one can make it give a letter back —, 23 → 20 ms
# on a 1 MB article's folded text; the Arabic letters and the space named first in the
# classes that hold them, a comparison before a look-up of the character: the same sets)
_FOLDED_SPLIT_RE = re.compile(r"([\u0621-\u064a\w]++|[^ \u0621-\u064a\w\s])")  # space, token, …
# A long text's word offsets: arrays of machine integers (plain ``array("q")``: a subclass
# such as arabic.Offsets makes ``bisect`` over it 4 times slower, through Python's item slot).
WordOffsets = Sequence[int]
_last_words: tuple[str, tuple[list[str], WordOffsets, WordOffsets]] | None = None


def folded_words(folded: str) -> tuple[list[str], WordOffsets, WordOffsets]:
    r"""The tokens of a folded text — its runs of ``\w`` and its single other characters but
    white space — with where each begins and ends. The last long text's are remembered, by
    the text: the rules (``desktop.core.suggest.tokens``), the registry's and the gazetteer's
    matchers read the same normalised article. The lists are shared: only read them.

    The offsets are arrays of machine integers, not lists of int objects: a 1 MB article's
    360,000 of them took 14 MB as lists while the window kept them (issue 15's memory)."""
    global _last_words
    last = _last_words  # one read: another thread may replace it meanwhile
    if last is not None and (last[0] is folded or last[0] == folded):
        return last[1]
    parts = _FOLDED_SPLIT_RE.split(folded)
    offsets = array("q", accumulate(map(len, parts)))
    made = (parts[1::2], offsets[0:-1:2], offsets[1::2])
    if len(folded) >= SCAN_WORDS_FROM:
        _last_words = (folded, made)
    return made


# The last long text's distinct words and their rests from their second and third letter
# (:func:`_word_rests`), by its words' list: the registry's and the gazetteer's matchers each
# made them (a set of 100,000 words and 34,000 slices a 1 MB article).
_last_rests: tuple[list[str], tuple[list[str], tuple[list[str], list[str]]]] | None = None


def _word_rests(words: list[str]) -> tuple[list[str], tuple[list[str], list[str]]]:
    """The distinct words of ``words`` (a text's split, :func:`folded_words`) and each one's
    rest from its second letter and from its third, in the same order; kept for the same
    list (shared: only read them)."""
    global _last_rests
    last = _last_rests  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is words:
        return last[1]
    distinct = list(set(words))
    made = (distinct, ([word[1:] for word in distinct], [word[2:] for word in distinct]))
    _last_rests = (words, made)
    return made


def _split_already(folded: str) -> tuple[list[str], WordOffsets] | None:
    """The words of ``folded`` and where each begins, if :func:`folded_words` keeps them."""
    last = _last_words  # one read: another thread may replace it meanwhile
    if last is not None and (last[0] is folded or last[0] == folded):
        return last[1][0], last[1][1]
    return None


def _next_at(
    regex: re.Pattern[str], folded: str, starts: Iterator[int], pos: int
) -> re.Match[str] | None:
    """The pattern's match at the first of ``starts`` at or after ``pos`` where it matches."""
    match = regex.match
    for start in starts:
        if start >= pos and (hit := match(folded, start)) is not None:
            return hit
    return None


class AliasMatcher:
    """Finds every alias of a set of entities in a text; built once, used on many texts.

    ``aliases`` are ``(entity_id, alias)`` pairs; use :meth:`from_registry` for the rows of
    ``EntityStore.all_aliases()`` (which also records each entity's type) and
    :meth:`from_names` for an ad-hoc list typed by the analyst. An alias shared by several
    entities yields one :class:`Match` per entity, all with the same span.
    """

    def __init__(
        self,
        aliases: Iterable[tuple[int | None, str]],
        *,
        types: dict[int, str] | None = None,
    ) -> None:
        self.types: dict[int, str] = dict(types or {})
        self._owners: dict[str, list[tuple[int | None, str]]] = {}
        self._contracted: set[str] = set()
        # The first words of the pattern's names (:meth:`scan` of a long text), or None when
        # a name begins with no word character.
        self._firsts: set[str] | None = set()
        for entity_id, alias in aliases:
            key = folded_alias(alias)
            if not key or not any(ch.isalnum() for ch in key):
                continue
            owners = self._owners.setdefault(key, [])
            if all(owner != entity_id for owner, _ in owners):
                owners.append((entity_id, alias))
        self.regex = self._compile()
        # What the hits depend on (:meth:`find_normalised` remembers them by it): the keys.
        self._keys = frozenset(self._owners)
        self._prefilter: _Prefilter | None = None
        self._unsafe_separator = any(_SEPARATOR in key for key in self._owners)

    @classmethod
    def from_registry(cls, rows: Iterable[tuple[int, str, str]]) -> AliasMatcher:
        """From ``(entity_id, type, alias)`` rows, keeping the types for suggestions."""
        rows = list(rows)
        return cls(((eid, alias) for eid, _, alias in rows), types={e: t for e, t, _ in rows})

    @classmethod
    def from_names(cls, names: Iterable[str]) -> AliasMatcher:
        """For aliases that belong to no stored entity yet (matches carry ``entity_id=None``)."""
        return cls((None, name) for name in names)

    def __len__(self) -> int:
        return len(self._owners)

    @property
    def aliases(self) -> list[str]:
        """The folded alias keys, longest first."""
        return sorted(self._owners, key=lambda k: (-len(k), k))

    def _compile(self) -> re.Pattern[str] | None:
        """One pattern for the names themselves; clitics and the word start are checked after.

        Why the clitics are not in the pattern: a pattern that starts with a look-behind and
        optional letters defeats the engine's first-character scan and is tried at every
        position (about 45 ns per character). Starting with the trie's first letters keeps the
        scan in C, and the few candidates are checked in Python. Contracted forms (ل + ال)
        are in the same trie without their alef.
        """
        if not self._owners:
            return None
        trie = _Trie()
        long: list[str] = []
        for key in self._owners:
            forms = [key]
            if key.startswith(ARTICLE) and len(key) > len(ARTICLE):
                contracted = LAM + key[len(ARTICLE) :]  # ل + الكرملين is written للكرملين
                self._contracted.add(contracted)
                forms.append(contracted)
            for form in forms:
                first = _FIRST_WORD_RE.match(form)
                if first is None:
                    self._firsts = None  # a name that begins with a mark: searched for
                elif self._firsts is not None:
                    self._firsts.add(first.group())
                if len(form) > _TRIE_LONGEST:
                    long.append(form)
                else:
                    trie.add(form)
        # Longer than any name in the trie, the long ones come first and longest first, so the
        # engine still tries the longest alias at a position before the shorter ones.
        long.sort(key=lambda form: (-len(form), form))
        branches = ["".join(_atom(char) for char in form) for form in long]
        if trie.children:
            branches.append(trie.pattern())
        return re.compile("(?:" + "|".join(branches) + ")" + r"(?!\w)")

    def fts_expression(self) -> str | None:
        """An FTS5 expression over the search index's tokens (``desktop.store.search``) that
        every document with a match satisfies, or None when there is no alias.

        Why: "find all mentions" over a corpus asks the index which articles can hold a match
        and folds only those, instead of every text. Each alias becomes one quoted phrase of
        its index tokens per written form of its first word: the twelve proclitic groups (the
        ones :meth:`scan` accepts, whatever the script) and, for an alias with ال, the
        contracted لل forms. A match is always one of these phrases in the index: the name
        starts a token (with its clitics) and ends one. The phrases may find more (a phrase
        across punctuation the alias does not have): the matcher then decides.
        """
        from desktop.core.query import tokens_of

        phrases: list[str] = []
        for key in self._owners:
            tokens = tokens_of(key)
            if not tokens:
                continue
            rest = tokens[1:]
            first = [clitic + tokens[0] for clitic in PROCLITICS]
            if key in self._article_keys():
                contracted = LAM + key[len(ARTICLE) :]
                first += [clitic + tokens_of(contracted)[0] for clitic in LAM_CLITICS]
            phrases += ['"' + " ".join((head, *rest)) + '"' for head in dict.fromkeys(first)]
        if not phrases:
            return None
        return " OR ".join(dict.fromkeys(phrases))

    def _article_keys(self) -> set[str]:
        return {ARTICLE + key[len(LAM) :] for key in self._contracted}

    def scan(self, folded: str) -> list[_RawHit]:
        """Matches in folded text: ``(word_start, name_start, name_end, key, clitics)``.

        A candidate name is kept when the letters between the previous non-word character and
        the name are a valid proclitic group: ``[وف]?[بكل]?``, or ``[وف]?ل`` in front of the
        contracted form of an alias with ال. A rejected candidate is retried one character
        later, so a shorter alias inside it can still be found.

        A long text the suggestion rules have split into words (:func:`folded_words` keeps
        the last one's) is matched only where a name can be kept (:meth:`_starts`), with the
        same hits: the pattern's search tried the registry's and the gazetteer's names at
        nearly every character of an Arabic text (most letters begin one), a tenth of a
        second on a 1 MB article. Any other text is searched: splitting it would cost more
        than the search of a few names (find all mentions), whose first letters the engine
        skips to in C.
        """
        regex = self.regex
        if regex is None:
            return []
        split = _split_already(folded) if self._firsts is not None else None
        return self._scan(folded, None if split is None else self._starts(*split))

    def _starts(self, words: list[str], word_starts: WordOffsets) -> list[int]:
        r"""Where in a folded text (its ``words`` and where each begins) a name :meth:`scan`
        keeps can begin, in order.

        Why these are all: a kept name begins a word or follows at most two of its letters
        (its clitics), and each name begins with a word (``self._firsts``: its letters before
        its first space or mark) that the text's word ends with a space, a mark or the text's
        end (the pattern's ``(?!\w)``, or the name's own space or mark, which ``\w`` never
        is). So a name begins only at offset 0, 1 or 2 of a word of the text whose rest from
        there is one of those first words; at any other position the pattern matches no name,
        or one ``scan`` sets aside (more than two letters before it in its word), which leaves
        its search where it was. The words are the text's runs of ``\w`` (the rules' split of
        the same text, :func:`folded_words`)."""
        firsts = self._firsts
        assert firsts is not None
        distinct, rests = _word_rests(words)
        offsets: dict[str, list[int]] = {word: [0] for word in firsts.intersection(distinct)}
        for k in (1, 2):
            # (each word's rest "" when it is shorter: never a first word)
            for word in compress(distinct, map(firsts.__contains__, rests[k - 1])):
                offsets.setdefault(word, []).append(k)
        return [
            word_starts[i] + k
            for i in compress(range(len(words)), map(offsets.__contains__, words))
            for k in offsets[words[i]]
        ]

    def _scan(self, folded: str, starts: list[int] | None) -> list[_RawHit]:
        """:meth:`scan`: the pattern searched for from each place on, or (``starts``) tried
        at those places alone, in order."""
        regex = self.regex
        assert regex is not None
        found: list[_RawHit] = []
        owners = self._owners
        contracted = self._contracted
        pos = 0
        if starts is None:
            hit = regex.search(folded)
        else:
            tried = iter(starts)
            hit = _next_at(regex, folded, tried, pos)
        while hit is not None:
            start, end = hit.span()
            word_start = start
            while word_start > 0 and (
                (char := folded[word_start - 1]).isalnum() or char == "_"  # _is_word_char
            ):
                word_start -= 1
                if start - word_start > 2:
                    break
            clitics = folded[word_start:start]
            name = hit.group()
            # A key has single spaces: only a name matched across other white space differs.
            key = name if name in owners or name in contracted else " ".join(name.split())
            if start - word_start <= 2 and not (
                word_start > 0 and _is_word_char(folded[word_start - 1])
            ):
                if key in owners and clitics in _CLITIC_PLAIN:
                    found.append((word_start, start, end, key, clitics))
                    pos = end
                elif key in contracted and clitics in _CLITIC_CONTRACTED:
                    found.append((word_start, start, end, ARTICLE + key[len(LAM) :], clitics))
                    pos = end
                else:
                    pos = start + 1
            else:
                pos = start + 1
            hit = (
                regex.search(folded, pos) if starts is None else _next_at(regex, folded, tried, pos)
            )
        return found

    def find(self, text: str) -> list[Match]:
        """Every mention in ``text``, in text order, with raw code-point spans."""
        norm = remembered(text)  # an article the suggestion rules have just normalised
        if norm is not None:
            return self.find_normalised(norm)
        return self._owned(self._whole(text))

    def _whole(self, text: str) -> list[_RawHit]:
        folded = fold(text)
        hits = self.scan(folded)
        return self._to_raw(hits, _raw_map(text, folded)) if hits else []

    def find_sparse(self, text: str) -> list[Match]:
        """Like :meth:`find`, with the same matches, folding only the words around candidates.

        Why (issue 15): "find all mentions" over a corpus reads every article the index names,
        and folding a whole article costs more than all the rest done with it. Fold works word
        by word: no step joins across white space (what :func:`pieces_at_spaces` relies on),
        so a part of ``text`` cut before white space folds to exactly its part of
        ``fold(text)``. A raw-text pattern that every mention matches (each folded letter as
        the class of characters that fold to it, the characters fold deletes allowed after
        each) finds the candidates in C; a character that folds in any other way (a ligature,
        a presentation form, a mark that composes) is a candidate too. Each candidate's window
        reaches from the start of its word to as many words past it as the longest alias has
        (and as many before a character of the second kind), so every mention lies inside
        one; windows that meet are merged, and each is folded with the white-space character
        before it, so marks at its start belong to that character as in the whole text. When
        the windows would be much of the text, the whole text is folded, as :meth:`find` does.
        """
        return self._owned(self._sparse(text))

    def _sparse(self, text: str) -> list[_RawHit]:
        """:meth:`find_sparse`'s matches in raw code points, before they go to their owners."""
        if self.regex is None:
            return []
        if self._unsafe_separator:
            return self._whole(text)
        windows = self.sparse_windows(text)
        if windows is None:
            return self._whole(text)
        if not windows:
            return []
        # The windows folded as one text, each after a separator no alias holds and no fold
        # step joins to a neighbour (like the white space each window starts with).
        parts: list[str] = []
        starts: list[int] = []  # where each window begins in ``joined``
        length = 0
        for first, end in windows:
            if first:
                parts.append(_SEPARATOR)
                length += 1
            starts.append(length)
            parts.append(text[first:end])
            length += end - first
        joined = "".join(parts)
        folded = fold(joined)
        hits = self.scan(folded)
        if not hits:
            return []
        found: list[_RawHit] = []
        for word, start, end, key, clitics in self._to_raw(hits, _raw_map(joined, folded)):
            index = bisect_right(starts, start) - 1
            shift = windows[index][0] - starts[index]
            found.append((word + shift, start + shift, end + shift, key, clitics))
        return found

    def find_many(self, texts: Sequence[str]) -> list[list[Match]]:
        """:meth:`find_sparse` of each text (the same matches, in the same order), found in
        one pass over the texts joined.

        Why (issue 15): a name in most articles of a corpus is found in tens of thousands of
        short texts, and the fixed work of one call (windows, fold, scan, map) cost more than
        the matches themselves. The texts are joined after a line break and a separator that
        is neither white space (a multi-word alias cannot cross it) nor a word character (it
        ends a word, as the end of a text does), so each text folds to its own part of the
        joined fold: fold works word by word. Only the start of a text differs: deleted
        characters there (harakat, tatweel, a bidi mark) belong to its first letter, so a text
        whose first character is not one that folds to exactly one character is found alone.
        """
        results: list[list[Match]] = [[] for _ in texts]
        if self.regex is None:
            return results
        together: list[int] = []
        for index, text in enumerate(texts):
            if text and text[0] not in _COMMON_SET:
                results[index] = self.find_sparse(text)
            else:
                together.append(index)
        if not together:
            return results
        bounds: list[int] = []  # where each text starts in the joined text
        length = 0
        for index in together:
            bounds.append(length)
            length += len(texts[index]) + len(_TEXT_SEPARATOR)
        hits = self._sparse(_TEXT_SEPARATOR.join(texts[index] for index in together))
        owners = self._owners
        last = len(bounds) - 1
        k = 0
        shift = 0
        found = results[together[0]]
        for word, start, end, key, clitics in hits:  # in text order
            if k < last and bounds[k + 1] <= start:
                while k < last and bounds[k + 1] <= start:
                    k += 1
                shift = bounds[k]
                found = results[together[k]]
            for entity_id, alias in owners[key]:
                found.append(
                    Match(entity_id, start - shift, end - shift, word - shift, alias, clitics)
                )
        return results

    def sparse_windows(self, text: str) -> list[tuple[int, int]] | None:
        """The parts of ``text`` :meth:`find_sparse` folds, or None when it folds it whole."""
        if self._prefilter is None:
            self._prefilter = _Prefilter([*self._owners, *self._contracted])
        return self._prefilter.windows(text)

    def find_normalised(self, norm: Normalised) -> list[Match]:
        """Like :meth:`find` for a text the caller has already normalised.

        The hits in the last long text are remembered for the matcher's aliases (not the
        matcher: the suggestion rules and the tagger's registry feature each build their own
        from the same registry rows, and both look at the same article: a 1 MB article's
        scan costs a tenth of a second)."""
        global _last_hits
        last = _last_hits
        if last is not None and last[1] is norm and last[0] == self._keys:
            return self._owned(last[2]) if last[2] else []
        hits = self.scan(norm.text)
        raw = self._to_raw(hits, norm) if hits else []
        if len(norm.text) >= _REMEMBER_HITS_FROM:
            _last_hits = (self._keys, norm, raw)
        return self._owned(raw) if raw else []

    @staticmethod
    def _to_raw(hits: list[_RawHit], raw: _RawMap) -> list[_RawHit]:
        """:meth:`scan`'s folded hits as raw ``(word_start, start, end, key, clitics)``."""
        found: list[_RawHit] = []
        for word_start, start, end, key, clitics in hits:
            raw_start, raw_end = raw.to_raw(start, end)
            raw_word = raw.to_raw(word_start, word_start + 1)[0] if clitics else raw_start
            found.append((raw_word, raw_start, raw_end, key, clitics))
        return found

    def _owned(self, hits: list[_RawHit]) -> list[Match]:
        """One :class:`Match` per hit and entity that owns its alias."""
        owners = self._owners
        return [
            Match(entity_id, start, end, word, alias, clitics)
            for word, start, end, key, clitics in hits
            for entity_id, alias in owners[key]
        ]

    def token_plan(self) -> TokenPlan:
        """How to count this matcher's mentions from the search index's tokens alone."""
        return TokenPlan(self)


_Step = tuple[tuple[str, ...], bool]
"""One alias a token can start: the tokens that must follow it, and whether the clitics in
front of the name are a group the matcher accepts for it."""


class TokenPlan:
    """The matcher's mentions counted from the search index's tokens, without the texts.

    Why (issue 15): finding every mention of a name in most of 100,000 articles meant reading
    and matching every one of them (10 s of CPU). The index already holds each article's folded
    tokens and their positions: a mention is a token that is a proclitic group and the first
    word of an alias (:attr:`terms`, chosen once from the aliases, not per article), followed
    by the alias's other words as the next tokens. :meth:`count` repeats :meth:`AliasMatcher.
    scan`'s decisions on those tokens: the earliest possible start of a name in a token wins
    (no clitics before one clitic), then the longest alias there; clitics the alias does not
    accept send it on to a later start in the same token; a match's words cannot start
    another one.

    What the tokens cannot show: the index splits at every character that is not a letter or
    a digit, where the matcher's words (``\\w``) also hold ``_``, and a two-word alias is only
    matched across white space, where the index's next token may come after punctuation. In
    such articles the count can be one more than the matcher finds (never less: every match is
    such a run of tokens); the matcher itself gives each row its offsets
    (:meth:`AliasMatcher.find_sparse`), and the list corrects an article's rows then.
    """

    __slots__ = ("_rules", "terms")

    def __init__(self, matcher: AliasMatcher) -> None:
        from desktop.core.query import tokens_of

        # The first token of each alias's name (and of the contracted form of one with ال),
        # with the tokens after it and the clitic groups it accepts.
        starts: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for key in matcher._owners:
            tokens = tokens_of(key)
            if tokens:
                starts.setdefault(tokens[0], []).append((tuple(tokens[1:]), _CLITIC_PLAIN))
        for contracted in matcher._contracted:
            tokens = tokens_of(contracted)
            if tokens:
                starts.setdefault(tokens[0], []).append((tuple(tokens[1:]), _CLITIC_CONTRACTED))
        terms = {clitic + name for name in starts for clitic in PROCLITICS}
        rules: dict[str, list[list[_Step]]] = {}
        for term in terms:
            groups: list[list[_Step]] = []
            for length in range(min(3, len(term))):  # the name's earliest start first
                options = starts.get(term[length:])
                if not options:
                    continue
                clitics = term[:length]
                # The longest alias first, as the trie's pattern tries it; of two with the
                # same words (an alias and a contracted form), either kind of clitics will do.
                merged: dict[tuple[str, ...], bool] = {}
                for rest, accepted in options:
                    merged[rest] = merged.get(rest, False) or clitics in accepted
                groups.append(sorted(merged.items(), key=lambda step: -len(step[0])))
            if groups:
                rules[term] = groups
        self._rules = rules
        self.terms: frozenset[str] = frozenset(rules)
        """The index terms a mention can start with."""

    @property
    def single_words(self) -> bool:
        """Whether every alias is one token: then each token is a mention or not on its own."""
        return all(not rest for groups in self._rules.values() for g in groups for rest, _ in g)

    def mentions(self, term: str) -> bool:
        """Whether a token that no other token has to follow for any alias is a mention (what
        :meth:`count` decides for it when :attr:`single_words`)."""
        for group in self._rules.get(term, ()):
            for rest, valid in group:
                if not rest:
                    if valid:
                        return True
                    break
        return False

    def counted_terms(self) -> frozenset[str] | None:
        """The terms whose every occurrence is one mention, when an article's mentions are
        just the number of their occurrences; None when the words around a token decide.

        Why: counting tokens is SQLite's work (:meth:`desktop.store.search.SearchStore.
        occurrence_counts`), where :meth:`count` looks at every token in Python. Aliases of one
        word each are counted so. So is an alias of several words whose last word is an alias
        too (``جون كيري`` beside ``كيري``): where its words follow one another they are one
        mention instead of the last word's one, so the count is the same either way — as long
        as no such phrase can cover the start of another (checked here: its words are terms
        that no following token can change, or no terms at all)."""
        ones = {term for term in self._rules if self.mentions(term)}
        phrases = {
            term
            for term, groups in self._rules.items()
            if any(rest for group in groups for rest, _ in group)
        }
        for term in phrases:
            groups = self._rules[term]
            outcomes: set[int] = set()
            reachable = True
            for group in groups:
                if not reachable:
                    break
                for rest, valid in group:
                    # Taken when its words follow (a shorter option when they do not).
                    if any(word in phrases for word in rest):
                        return None  # a phrase's word that may start a phrase itself
                    if valid:
                        outcomes.add(1 - sum(word in ones for word in rest))
                    if not rest:
                        reachable = valid is False  # an empty rest always matches here
                        break
                else:
                    continue
            if reachable:
                outcomes.add(0)  # nothing matched in this token
            if outcomes != {1 if term in ones else 0}:
                return None
        return frozenset(ones)

    @property
    def needed(self) -> frozenset[str]:
        """Every index term :meth:`count` looks at: the starts and the words after them."""
        after = {
            word
            for groups in self._rules.values()
            for group in groups
            for rest, _ in group
            for word in rest
        }
        return self.terms | after

    def count(self, tokens: dict[int, str]) -> list[int]:
        """The token positions where mentions start, in order, in one text's tokens
        (``position → term``, holding at least the :attr:`needed` terms)."""
        rules = self._rules
        found: list[int] = []
        free = 0  # the first position no earlier mention covers
        for position in sorted(tokens):
            if position < free:
                continue
            groups = rules.get(tokens[position])
            if groups is None:
                continue
            for group in groups:
                step = next(
                    (
                        (rest, valid)
                        for rest, valid in group
                        if all(tokens.get(position + 1 + n) == word for n, word in enumerate(rest))
                    ),
                    None,
                )
                if step is None:
                    continue  # no alias starts here: a later start in the token
                rest, valid = step
                if valid:
                    found.append(position)
                    free = position + 1 + len(rest)
                    break
        return found


# Where find_sparse may cut a text: before white space, which fold always keeps as white space
# (tests/core/test_matching.py checks every such code point) and never joins to a neighbour.
_ALEF_MAKSURA = "\u0649"
_PREFILTER_CLASSES = 1_000
"""Character classes the prefilter's pattern may hold (see ``_Prefilter``): compiling one (a
letter's written forms, then the 73 marks folding deletes) costs Python's ``re`` about 0.1 ms
and 5 KB, so an entity's few dozen aliases stay whole and 4,000 cost 0.1 s, not a minute."""
_SEPARATOR = "\x00"  # between windows folded together: not a word character nor white space
_TEXT_SEPARATOR = "\n" + _SEPARATOR + "\n"  # between the texts of AliasMatcher.find_many


@functools.cache
def _simple_characters() -> tuple[str, dict[str, str]]:
    """The characters :class:`_Prefilter` can see through: ``(deleted, folds)``.

    A character is simple when fold turns it, wherever it stands, into its own one-character
    fold (``folds``) or into nothing (``deleted``): NFKC-stable, not expanded by case folding,
    and, for a mark, deleted and composed with no letter. Only ى folds by context (to ي, or
    kept on a stop-listed word), and both outcomes are allowed for it. Computed once over the
    scripts of news text (Latin, Arabic, general punctuation); any other character makes a
    window of its own.
    """
    ranges = ((0x00, 0x24F), (0x0600, 0x06FF), (0x0750, 0x077F), (0x2000, 0x206F), (0xFEFF, 0xFEFF))
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1)]
    bases = [
        ch
        for ch in chars
        if unicodedata.category(ch)[0] != "M" and unicodedata.is_normalized("NFKC", ch)
    ]
    folds: dict[str, str] = {}
    deleted: list[str] = []
    for ch in chars:
        if not unicodedata.is_normalized("NFKC", ch):
            continue
        folded = fold(ch)
        if len(folded) > 1:
            continue
        mark = unicodedata.category(ch)[0] == "M" or unicodedata.combining(ch)
        if mark and (folded or any(not unicodedata.is_normalized("NFKC", b + ch) for b in bases)):
            continue
        if folded:
            folds[ch] = folded
        else:
            deleted.append(ch)
    return "".join(deleted), folds


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(set(chars))) + "]"


class _Prefilter:
    """Where in a raw text a mention can be (see :meth:`AliasMatcher.find_sparse`): every
    match of :meth:`AliasMatcher.scan` lies inside one of :meth:`windows`."""

    __slots__ = ("after", "candidates", "others", "words")

    def __init__(self, keys: Iterable[str]) -> None:
        deleted, folds = _simple_characters()
        sources: dict[str, list[str]] = {}
        for ch, folded in folds.items():
            sources.setdefault(folded, []).append(ch)
        # ى folds to ي, or stays ى at the end of a stop-listed word (على): both are sources.
        sources.setdefault(_ALEF_MAKSURA, []).append(_ALEF_MAKSURA)
        marks = _char_class(deleted) + "*"
        space = r"[\s" + "".join(re.escape(ch) for ch in sorted(deleted)) + "]+"
        self.words = 1
        # Each key as written forms: its first letter's sources and the class of every
        # character after it, as far as folding alone decides them.
        shapes: list[tuple[str, tuple[str, ...]]] = []
        for key in sorted(set(keys)):
            self.words = max(self.words, len(key.split()))
            parts: list[str] = []
            for char in key[1:]:
                if char == " ":
                    parts.append(space)
                elif char in sources:
                    parts.append(_char_class(sources[char]) + marks)
                else:  # only a character fold changes can become this one
                    break
            else:
                shapes.append((key[0], tuple(parts)))
        # A key's first characters alone still find every place it can be (a window runs to
        # the end of as many words as an alias has), only more places: the keys are cut
        # shorter until their classes fit the budget. 4,000 aliases of ten letters made
        # 140,000 classes, and compiling them took a minute and 800 MB (an attack).
        longest = max((len(parts) for _first, parts in shapes), default=0)
        while True:
            patterns = {
                re.escape(ch) + marks + "".join(parts[:longest])
                for first, parts in shapes
                for ch in sources.get(first, ())
            }
            size = sum(len(sources.get(first, ())) * min(len(p), longest) for first, p in shapes)
            if size <= _PREFILTER_CLASSES or longest == 0:
                break
            longest = min(longest - 1, max(1, longest // 2))
        # One alternative per written form of the first letter: a pattern whose every
        # alternative starts with a literal is scanned for those letters in C (about three
        # times faster than one starting with a class or a look-ahead).
        self.candidates = re.compile("|".join(sorted(patterns)) if patterns else "(?!)")
        # The rest of a candidate's word and as many words after it as an alias has (the
        # greedy repeat takes every following word it can, up to that many), in one call.
        self.after = re.compile(rf"\S*(?:\s+\S*){{0,{self.words}}}").match
        simple = "".join(re.escape(ch) for ch in sorted({*deleted, *folds}))
        self.others = re.compile("[^" + simple + "]")

    def windows(self, text: str) -> list[tuple[int, int]] | None:
        """``(start, end)`` of each part of ``text`` to fold and scan, in order and apart:
        each starts at 0 or at the white-space character before a word and ends at the end or
        before white space. None when they would be much of the text: fold it all."""
        spans = [m.span() for m in self.candidates.finditer(text)]
        back = 0
        if self.others.search(text) is not None:
            spans += [m.span() for m in self.others.finditer(text)]
            spans.sort()
            back = self.words  # a mention may start words before a character fold changes
        if not spans:
            return []
        after = self.after
        length = len(text)
        budget = 2 * length + 1_000  # characters walked; past it the text is folded whole
        windows: list[list[int]] = []
        for start, end in spans:
            floor = windows[-1][1] if windows else 0
            first = start
            for word in range(back + 1):
                while first > floor and not text[first - 1].isspace():
                    first -= 1
                if word == back or first <= floor:
                    break
                while first > floor and text[first - 1].isspace():
                    first -= 1
            last = after(text, end).end()  # type: ignore[union-attr]
            budget -= start - first + last - end
            if budget < 0:
                return None
            if windows and first <= floor:
                windows[-1][1] = max(floor, last)
            else:
                windows.append([first, last])
        if sum(end - start for start, end in windows) > length // 2:
            return None
        return [(max(0, start - 1), end) for start, end in windows]


def find_all_mentions(
    documents: Iterable[tuple[int, str]],
    matcher: AliasMatcher,
    *,
    exclude: Callable[[int, int, int], bool] | None = None,
) -> list[DocumentMatch]:
    """Every mention of the matcher's aliases across ``(document_id, text)`` pairs.

    Why a function over an iterable: the caller streams documents from the store (or builds
    them in memory for a benchmark), and only texts whose folded form matches are mapped back
    to raw offsets. ``exclude(document_id, start, end)`` drops spans the analyst already
    annotated or decided, so they are not offered again.
    """
    results: list[DocumentMatch] = []
    for document_id, text in documents:
        for match in matcher.find_sparse(text):
            if exclude is not None and exclude(document_id, match.start, match.end):
                continue
            quote, prefix, suffix = context(text, match.start, match.end)
            results.append(DocumentMatch(document_id, match, quote, prefix, suffix))
    return results
