"""The article as tokens over folded text, for the suggestion rules.

:class:`_Article` holds an article's folded text (:func:`desktop.core.arabic.normalise`), its
tokens (``\\w+`` words and single punctuation marks) with their folded offsets, the quotations
and the sentence ends, plus the per-article state the rules learn (names, surnames). Its
methods answer the token questions the rules ask: is this a word, a stop word, a definite
word (checked on the raw alef), in ta marbuta, inside a quotation; which sentence, which token.

Also here: pairing quotation marks into quotations (:func:`_quote_spans`, reading each mark's
role from its shape) and finding sentence ends outside quotations (:func:`_sentence_ends`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from desktop.core.arabic import LAM, LAM_CLITICS, Normalised, normalise
from desktop.core.matching import WordOffsets, folded_words
from desktop.core.suggest.lexicon import _FUNCTION_WORDS, _TIME_WORDS, _VERB_WORDS, _VERBISH_RE

# A token that is no word: one character. (The space, the Arabic letters, the digits and the
# folded Latin letters named first, though ``\w`` and ``\s`` hold them: the engine tests a
# class's parts in order, a range is a comparison where ``\w`` looks the character up — the
# same set, 6.8 → 3.6 ms over a 1 MB article's folded text.)
_MARK_RE = re.compile(r"[^ \u0621-\u064a0-9a-z\w\s]")
_QUOTE_CHARS = '«»“”"„‟'
_QUOTE_RE = re.compile("[" + _QUOTE_CHARS + "]")
# A run of . ! ? ؟ before white space, a quotation mark or the end; or a line break. Written
# to begin with one class of the characters that may begin it, so the engine looks for those
# in its scan for a class, not the whole pattern tried at every character (13 → 3 ms on a
# 1 MB article's folded text): after a line break, nothing more; after a mark, the rest of
# the run and what follows it (the same matches as ``[.!?؟]+(?=[\s«»…]|$)|\n``).
_SENTENCE_END_RE = re.compile(r"[.!?؟\n](?:(?<=\n)|[.!?؟]*(?=[\s" + _QUOTE_CHARS + r"]|$))")
_MAX_QUOTE = 4000


# What :meth:`_Article.build` makes of the text alone (its normalisation, tokens, quotations,
# sentence ends), for the last long text: the window suggests again in the same article after
# every tag, and a 1 MB article's took 0.07 s of each time. The rules only read these lists —
# never change them —, so each article built from the same text shares them; what the rules
# learn of an article is in its other fields, its own.
_REMEMBER_FROM = 20_000  # characters
_Base = tuple[
    Normalised, list[str], WordOffsets, WordOffsets, list[tuple[int, int]], list[int], list[int]
]
_remembered: tuple[str, _Base] | None = None


@dataclass(slots=True)
class _Article:
    text: str
    norm: Normalised
    words: list[str]
    starts: WordOffsets  # (machine integers: matching.folded_words)
    ends: WordOffsets
    quotes: list[tuple[int, int]]  # folded (open, close) positions of quotation marks
    quote_starts: list[int]
    sentences: list[int]  # folded offsets where sentences end (sorted)
    learnt: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    counts: Counter[str] | None = None
    marks: list[int] | None = None  # folded offsets of the mark tokens (words_between)
    names: list[tuple[int, int]] = field(default_factory=list)  # title names, token ranges
    titles: list[int] | None = None  # the title and honorific words, token indices
    stems: dict[int, str | None] = field(default_factory=dict)  # article_stem's, by token

    @classmethod
    def build(cls, text: str) -> _Article:
        global _remembered
        last = _remembered  # one read: another thread may replace it meanwhile
        if last is not None and len(last[0]) == len(text) and last[0] == text:
            return cls(text, *last[1])
        norm = normalise(text)
        folded = norm.text
        # Split in C into white space and tokens (no match object per token: 185,000 in a
        # 1 MB article); the offsets are the running sum of their lengths. The same split
        # the registry's and the gazetteer's matchers read a long text's words from.
        words, starts, word_ends = folded_words(folded)
        quotes = _quote_spans(folded)
        ends = _sentence_ends(folded, quotes)
        made: _Base = (
            norm,
            words,
            starts,
            word_ends,
            quotes,
            [q[0] for q in quotes],
            ends,
        )
        if len(text) >= _REMEMBER_FROM:
            _remembered = (text, made)
        return cls(text, *made)

    # --- token features ----------------------------------------------------------------------
    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _wordlike(self.words[i]) == 1

    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_raw(start, end)

    def article_stem(self, i: int) -> str | None:
        """The word after its article, or None.

        ال is checked on the raw alef, since ``ألقى`` folds to ``القي``. Only و and ب are
        accepted in front of the article (and ل in the contracted للـ): ف/ك + ال are rare in
        the places these rules look, while names such as فاليري and كالين are not.
        """
        # (kept: the rules ask again of the words each title looks ahead over, 1.2 million
        # times in a megabyte of one title repeated)
        try:
            return self.stems[i]
        except KeyError:
            stem = self.stems[i] = self._article_stem(i)
            return stem

    def _article_stem(self, i: int) -> str | None:
        word = self.words[i]
        for prefix, shortest in (("", 2), ("و", 3), ("ب", 3), ("وب", 3)):
            n = len(prefix)
            if word.startswith(prefix + "ال") and len(word) >= n + 2 + shortest:
                raw_alef = self.norm.offsets[self.starts[i] + n]
                if self.text[raw_alef] in "اٱ":
                    return word[n + 2 :]
        for prefix in LAM_CLITICS:  # ل + ال is written لل
            n = len(prefix) + len(LAM)
            if word.startswith(prefix + LAM) and len(word) >= n + 3:
                return word[n:]
        return None

    def in_ta(self, i: int) -> bool:
        """Whether word ``i`` ends in ta marbuta as written (folding makes it ه, like زاده)."""
        return self.text[self.norm.offsets[self.ends[i] - 1]] == "ة"

    def is_stop(self, i: int, *, verbish: bool = True) -> bool:
        """Function, time and verb words, numbers; with ``verbish``, dual/plural verbs too
        (يعملان), which end a name but may belong to a subject phrase (مستشارون يرافقون …)."""
        word = self.words[i]
        return (
            word in _FUNCTION_WORDS
            or word in _TIME_WORDS
            or word in _VERB_WORDS
            or word.isdigit()
            or (verbish and _VERBISH_RE.fullmatch(word) is not None)
        )

    def count(self, word: str) -> int:
        if self.counts is None:
            self.counts = Counter(self.words)
        return self.counts[word]

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """Folded (start, end) of the sentence holding ``position``."""
        k = bisect_right(self.sentences, position)
        start = self.sentences[k - 1] if k else 0
        end = self.sentences[k] if k < len(self.sentences) else len(self.norm.text)
        return start, end

    def token_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect_left(self.starts, position)

    def quote_at(self, i: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is token ``i``."""
        pos = self.starts[i]
        k = bisect_left(self.quote_starts, pos)
        if k < len(self.quotes) and self.quotes[k][0] == pos:
            return self.quotes[k]
        return None

    def in_quote(self, position: int) -> bool:
        k = bisect_right(self.quote_starts, position) - 1
        return k >= 0 and self.quotes[k][0] < position < self.quotes[k][1]

    def words_between(self, start: int, end: int) -> int:
        """Number of word tokens in the folded span, in O(log n) whatever its length.

        The tokens in it less its marks: a mark (``[^\\w\\s]``) is a token of one character
        (a word token begins with a word character), so the marks' offsets, found in C,
        count the tokens that are no word — a test per token cost more (100,000 in a 1 MB
        article)."""
        if self.marks is None:
            self.marks = [m.start() for m in _MARK_RE.finditer(self.norm.text)]
        tokens = self.token_at(end) - self.token_at(start)
        return tokens - (bisect_left(self.marks, end) - bisect_left(self.marks, start))


def _wordlike(token: str) -> int:
    """1 for a word token (the regex ``\\w+``), 0 for punctuation: summable."""
    return 1 if token[0].isalnum() or token[0] == "_" else 0


def _quote_spans(folded: str) -> list[tuple[int, int]]:
    """Quotations as (opening mark, closing mark) positions, paragraph by paragraph.

    Arabic sources use «» and, inconsistently, “” and "" in both directions, so a mark's role
    is read from its shape: space before and a letter after opens, the reverse closes, and an
    ambiguous mark toggles. Nested quotations are tracked by depth; a paragraph whose marks do
    not balance that way is re-read flat (a new opening mark inside a quotation is ignored),
    which copes with sources that open a quotation twice.
    """
    spans: list[tuple[int, int]] = []
    marks = [(m.start(), m.group()) for m in _QUOTE_RE.finditer(folded)]
    if not marks:
        return spans
    paragraph: list[tuple[int, str]] = []
    newline = folded.find("\n")
    for pos, char in marks:
        while newline != -1 and newline < pos:
            spans.extend(_pair_marks(folded, paragraph))
            paragraph = []
            newline = folded.find("\n", newline + 1)
        paragraph.append((pos, char))
    spans.extend(_pair_marks(folded, paragraph))
    return [s for s in spans if s[1] - s[0] <= _MAX_QUOTE]


def _mark_role(folded: str, pos: int, char: str) -> int:
    """+1 opens, -1 closes, 0 ambiguous."""
    if char == "«":
        return 1
    if char == "»":
        return -1
    before = folded[pos - 1] if pos else " "
    after = folded[pos + 1] if pos + 1 < len(folded) else " "
    space_before = before.isspace() or before in "(:[،,«" or before in _QUOTE_CHARS
    space_after = after.isspace() or after in ".,،؛;:!?؟)]" or after in _QUOTE_CHARS
    if space_before and not space_after:
        return 1
    if space_after and not space_before:
        return -1
    return 0


def _pair_marks(folded: str, marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    roles = [_mark_role(folded, pos, char) for pos, char in marks]
    spans: list[tuple[int, int]] = []
    depth, opened = 0, -1
    for (pos, _), role in zip(marks, roles, strict=True):
        if role > 0 or (role == 0 and depth == 0):
            if depth == 0:
                opened = pos
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((opened, pos))
    if depth == 0:
        return spans
    spans, opened = [], -1
    for (pos, _), role in zip(marks, roles, strict=True):
        if opened < 0:
            if role >= 0:
                opened = pos
        elif role <= 0:
            spans.append((opened, pos))
            opened = -1
    return spans


def _sentence_ends(folded: str, quotes: list[tuple[int, int]]) -> list[int]:
    """Folded offsets just after each sentence end that is not inside a quotation."""
    starts = [q[0] for q in quotes]
    ends: list[int] = []
    for found in _SENTENCE_END_RE.finditer(folded):
        pos = found.start()
        if found.group() != "\n":
            k = bisect_right(starts, pos) - 1
            if k >= 0 and quotes[k][0] < pos < quotes[k][1]:
                continue
        ends.append(found.end())
    return ends
