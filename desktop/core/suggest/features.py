"""Tokens, BIO tags and features for the statistical tagger (:mod:`desktop.learn`).

Why here, in core: what a token is and what the model sees of it are pure text questions,
testable without the store or the learning library; only the code that imports pycrfsuite
lives in ``desktop.learn``. Everything is standard library.

* :func:`tokenize` cuts an article into sentences of :class:`Token` (words, with their harakat,
  tatweel and joiners, and single punctuation marks), offsets in raw code points. The raw text
  is tokenised and each distinct word folded once (:func:`desktop.core.arabic.fold`), which is
  several times faster on a long article than folding it with its offset map.
* :func:`bio_tags` turns labelled spans into one tag per token (``B-key``, ``I-key``, ``O``)
  and :func:`spans_from_tags` back; a span covers whole tokens, as the analyst's selections
  do once snapped to words (``وإسرائيل`` is one token, tagged whole).
* :class:`FeatureExtractor` gives each token its features (strings, the form crfsuite takes):

  - the folded word, its stem without proclitics and article (و ف ب ك ل، ال، ل + ال → لل),
    the clitic group, whether it carries ال, prefixes and suffixes of the stem, a written
    ta marbuta (folding makes it ه), word shape (Arabic, Latin, digits, punctuation) and a
    length bucket; with a model, ``rare`` on a word of letters outside its vocabulary (the
    ``v:`` attributes: words seen more than once in training, where a word seen once is
    ``rare``, :func:`desktop.learn.tagger._mark_rare`);
  - its word class in the rules' lexicon (:mod:`.lexicon`): title, verb, function word, time
    word, head noun of an organisation (وزارة، منظمة …), place noun (مدينة، العاصمة …), and
    nisba adjectives (الأمريكي، السورية);
  - its class in the word-classes data file (``resources/gazetteer/word_classes.txt``,
    :func:`parse_word_classes`, given as ``cues``): ``part`` (بن، أبو، آل inside a name),
    ``person`` (an occupation written before a name: الكاتب، اللاعب; it counts as a title
    for the document features) and ``org`` (an organisation's head noun: حزب، صحيفة);
  - with ``corpus`` (:func:`corpus_features`): what the project's own text says of the word,
    its document features added up over many articles (``c:title``, ``c:neveral`` …);
  - the same for the neighbouring words (±2 words, ±1 for stems and classes) and the
    position in the sentence;
  - membership in named span sources, plugged in by the caller: each source is a callable
    that returns ``(start, end, kind)`` spans of a text (the registry's aliases with their
    entity type, a gazetteer), and each token inside one gets ``<source>:B-kind`` or
    ``<source>:I-kind``.

Word-level features are computed once per distinct written word of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, compress, pairwise, repeat
from operator import attrgetter, itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, PROCLITICS, fold, fold_each
from desktop.core.suggest.lexicon import (
    _CONSTRUCT_NOUNS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _NAME_PARTICLES,
    _OCCUPATION_FORMS,
    _PLACE_NOUNS,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
)

__all__ = [
    "OUTSIDE",
    "FeatureExtractor",
    "Layout",
    "Membership",
    "Sentence",
    "Token",
    "bio_tags",
    "may_stand_alone",
    "neighbours",
    "parse_given_names",
    "spans_from_tags",
    "split_clitics",
    "tag_runs",
    "tokenize",
]

OUTSIDE = "O"
RARE = "rare"
VOCABULARY = "v:"

Membership = Callable[[str], Iterable[tuple[int, int, str]]]
"""A span source for membership features: the text → ``(start, end, kind)`` spans in raw code
points (for example the registry's aliases with their entity type, or a gazetteer)."""

# A word: letters and digits with the marks, tatweel and joiners written on them; or one mark
# of punctuation. The same notion of word as desktop.core.spans.is_word_char. (One class, not
# "a letter or a mark" repeated: the same runs — \w is the letters, digits and _ —, matched
# twice as fast on a 1 MB article. Possessive, ``++``: nothing after the run can make it give
# a letter back, so the same runs, without the matcher keeping a place to go back to for
# each letter — a 1 MB article's split 28 → 24 ms. The Arabic letters and the space are
# named first in the classes, though ``\w`` and ``\s`` hold them: the engine tests a class's
# parts in order, and a range is a comparison where ``\w`` and ``\s`` look the character up
# — the same sets, the split 20 → 15 ms.)
_TOKEN_RE = re.compile(
    r"[\u0621-\u064a\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]++"
    r"|[^ \u0621-\u064a\w\s]"
)
_SENTENCE_END = frozenset(".!?؟")
MAX_SENTENCE = 150  # tokens: a text without full stops is cut, so one sequence stays small
_TA_MARBUTA = "ة"
# Longest proclitic groups first, so وبال is taken before و.
_GROUPS = sorted(PROCLITICS, key=len, reverse=True)
_NOT_NAMES = frozenset({"func", "time", "verb", "title"})
_CUES = frozenset({"title", "verb", "nisba", "given", "person"})  # tell the neighbours
_FAR = frozenset({"title", "given", "person", "org"})  # classes seen two words away
# Most words' classes: one object for all (a set is never untracked by the cycle collector,
# and the tagger keeps its words' features for the next suggestion: tagger._words).
_NO_CLASSES: frozenset[str] = frozenset()
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يين")


class Token(NamedTuple):
    """One word or punctuation mark: raw code-point offsets, its text and its folded text.
    (A NamedTuple: an article of 1 MB has 185,000 of them, and a frozen dataclass is three
    times slower to make.)"""

    start: int
    end: int
    text: str
    folded: str


FeatureT = TypeVar("FeatureT", str, bytes)


@dataclass(frozen=True, slots=True)
class Sentence(Generic[FeatureT]):
    """A run of tokens the model tags as one sequence, with each token's features: strings,
    or their UTF-8 bytes for crfsuite (:meth:`FeatureExtractor.encoded_sentences`)."""

    tokens: tuple[Token, ...]
    features: tuple[tuple[FeatureT, ...], ...]


@dataclass(frozen=True, slots=True)
class Layout(Generic[FeatureT]):
    """An article's features as :meth:`FeatureExtractor.layout` gives them to a model: each
    written word's once, not joined into every token's. Token ``t`` of a sentence has, in
    this order, the features ``words[word_of[t]][0]`` (its own and the article's), the
    ``[1]`` ("-2w:…") of the word two before it, ``[2]`` of the word before, ``[3]`` of the
    word after and ``[4]`` of the word two after — at a sentence's edges ``edges`` (two
    before, one before, one after, two after) instead —, then ``tails.get(t)`` (first,
    last, a word pair, membership). :meth:`FeatureExtractor.encoded_sentences` joins them
    so; a 1 MB article has 17,000 written words for 100,000 tokens."""

    tokens: list[Token]
    cuts: list[int]  # where each sentence begins, then the end: token indices
    words: list[tuple[tuple[FeatureT, ...], ...]]  # (own, before2, before1, after1, after2)
    word_of: list[int]  # each token's written word: an index into ``words``
    edges: tuple[tuple[FeatureT, ...], ...]  # -2:BOS, -1:BOS, 1:EOS, 2:EOS
    tails: dict[int, tuple[FeatureT, ...]]  # token index → its features after the words'
    # The same object in the layouts of the same text with the same words (what the text
    # alone makes, ``FeatureExtractor._plan``): all but the words' own features and the tails
    # are the same in them, and a decoder keeps what it made of that part.
    plan: object = field(default=None, compare=False)
    # Each token's start and folded form, as lists made once per text (``_Read.columns``):
    # the tagger's passes over its names looked them up by bisection, each making its own.
    # Read them, never change them.
    starts: list[int] = field(default_factory=list, compare=False)
    folded: list[str] = field(default_factory=list, compare=False)


class _Read(NamedTuple):
    """What :meth:`FeatureExtractor._read` keeps of a text: read, never changed."""

    tokens: tuple[Token, ...]
    cuts: tuple[int, ...]
    flat: list[_Word]  # each token's written word
    seen: dict[str, set[str]]  # stem → the ``g:`` marks of the words alone (_seen_words)
    counts: dict[str, int]  # stem → its occurrences
    layout: list[_Plan]  # the layout's part of the text alone, once made (FeatureExtractor._plan)
    document: list[dict[str, tuple[Any, ...]]]  # the stems' features without the sources', once
    columns: list[tuple[list[int], list[str]]]  # each token's start and folded form, once
    # The distinct written words by their first token and each token's number among them,
    # when the split gave them (a new text's; ``FeatureExtractor._plan`` numbers them else).
    numbered: list[tuple[list[_Word], list[int]]]


class _Plan(NamedTuple):
    """What :meth:`FeatureExtractor._layout` makes of a text alone (no source)."""

    words: list[_Word]  # the written words, by their first occurrence
    word_of: list[int]  # each token's, an index into ``words``
    tails: dict[int, tuple[Any, ...]]  # token → first, second, last, a word pair
    firsts: frozenset[int]  # the tokens that begin a sentence
    lasts: frozenset[int]  # the tokens that end one


def _with_members(
    seen: dict[str, set[str]],
    counts: dict[str, int],
    flat: Sequence[_Word],
    members: Mapping[int, list[str]],
) -> tuple[dict[str, set[str]], dict[str, int]]:
    """``seen`` with the ``g:`` marks of the sources' spans ``members`` (token → its
    features) added to their stems': a new dict, each set it adds to a copy (``seen`` may be
    a remembered text's)."""
    added = _member_marks(seen, flat, members)
    return ({**seen, **added} if added else seen), counts


def _member_marks(
    seen: Mapping[str, AbstractSet[str]],
    flat: Sequence[_Word],
    members: Mapping[int, list[str]],
) -> dict[str, set[str]]:
    """The stems the sources' spans ``members`` add ``g:`` marks to, each with its marks of
    ``seen`` and those: new sets (``seen``'s may be a remembered text's)."""
    added: dict[str, set[str]] = {}
    for k, mine in members.items():
        stem = flat[k].document
        if stem is not None:
            found = added.get(stem)
            if found is None:
                found = added[stem] = set(seen[stem])
            found.update(f"g:{member}" for member in mine)
    return added


_new_tuple = tuple.__new__
_START, _TEXT, _FOLDED = itemgetter(0), itemgetter(2), itemgetter(3)  # of a Token
_CUE = attrgetter("cue")  # of a _Word
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")  # tokens kept, between them white space


def _line_breaks(text: str) -> Iterator[int]:
    """Where each line break of ``text`` is."""
    at = text.find("\n")
    while at != -1:
        yield at
        at = text.find("\n", at + 1)


def tokenize(text: str, *, max_length: int = MAX_SENTENCE) -> list[list[Token]]:
    """Sentences of tokens: a sentence ends after . ! ? ؟ and at a line break, and is cut
    after ``max_length`` tokens."""
    tokens, cuts = _tokens(text, max_length)
    return [tokens[a:b] for a, b in pairwise(cuts)]


# The last long text's tokens and cuts (:func:`_tokens`), as tuples never changed: the window
# suggests again in the same article after every tag, and the benchmark's 1 MB article's
# 104,000 tokens took 0.15 s of each of those (the rules remember its normalisation the same
# way).
_REMEMBER_FROM = 20_000  # characters
_remembered: tuple[str, int, tuple[Token, ...], tuple[int, ...]] | None = None


def _tokens(
    text: str, max_length: int = MAX_SENTENCE, known: Mapping[str, _Word] | None = None
) -> tuple[list[Token], list[int]]:
    """Every token of ``text``, and where its sentences begin (and the end): token indices.
    A long text's are remembered for the next call on the same text (see ``_remembered``).

    Why so: a 1 MB article has 185,000 tokens, and a regex match object, a NamedTuple made
    in Python and a test or two for each cost more than all the rest of tokenising. The
    text is split in C into white space and tokens; the offsets are the running sum of their
    lengths; the tokens are made by ``tuple.__new__``; the sentence ends are found by a
    search for the few characters that make them."""
    found = _remembered_tokens(text, max_length)
    if found is not None:
        return found
    tokens, cuts = _tokens_of(text, max_length, known)
    _remember_tokens(text, max_length, tokens, cuts)
    return tokens, cuts


def _remembered_tokens(text: str, max_length: int) -> tuple[list[Token], list[int]] | None:
    """The tokens and cuts of ``text`` if it is the last long text's (lists of the caller's
    own), else None."""
    last = _remembered  # one read: another thread may replace it meanwhile
    if last is not None and last[1] == max_length and len(last[0]) == len(text) and last[0] == text:
        return list(last[2]), list(last[3])
    return None


def _remember_tokens(
    text: str, max_length: int, tokens: Sequence[Token], cuts: Sequence[int]
) -> None:
    global _remembered
    if len(text) >= _REMEMBER_FROM:
        _remembered = (text, max_length, tuple(tokens), tuple(cuts))  # (a tuple: itself)


def _tokens_of(
    text: str, max_length: int, known: Mapping[str, _Word] | None = None
) -> tuple[list[Token], list[int]]:
    """:func:`_tokens` made afresh. ``known``: written words whose folded form an extractor
    has already made (its words' features): only the others are folded."""
    tokens, cuts, *_ = _split(text, max_length, known)
    return tokens, cuts


def _split(
    text: str, max_length: int, known: Mapping[str, _Word] | None
) -> tuple[
    list[Token], list[int], list[str], dict[str, _Word], list[str], list[str], list[str], list[int]
]:
    """:func:`_tokens_of`, with what it learnt on the way: each token's text, the ``known``
    written word of each of those ``known`` holds, and the others (each once, by its first
    token) with their folded forms; then the distinct texts by their first token, and each
    token's number among them. (The extractor's :meth:`FeatureExtractor._read` makes its
    written words from them, where it went over the tokens' texts again, and its plan
    numbers the written words the same way.)"""
    parts = _SPLIT_RE.split(text)  # white space, token, white space, token, …, white space
    words = parts[1::2]
    if not words:
        return [], [0], [], {}, [], [], [], []
    offsets = list(accumulate(map(len, parts)))  # the end of each part
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    distinct = dict.fromkeys(words)  # by first occurrence
    seen: dict[str, _Word] = {}
    if known:
        # Most words of a new article were in an earlier one (a fifth of its tokens' time).
        new = []
        for word in distinct:
            found = known.get(word)
            if found is None:
                new.append(word)
            else:
                seen[word] = found
        new_folded = fold_each(new)
        folded = {word: found.word for word, found in seen.items()}
        folded.update(zip(new, new_folded, strict=True))
    else:
        new = list(distinct)
        new_folded = fold_each(new)
        folded = dict(zip(new, new_folded, strict=True))
    # Each token's number among the distinct texts: the rest is read by it from lists (a
    # list's item, not a dict's look-up of a string, for each of 100,000 tokens).
    texts = list(distinct)
    word_of = list(map(dict(zip(texts, range(len(texts)), strict=True)).__getitem__, words))
    folded_of = list(map(folded.__getitem__, texts))
    # (``tuple.__new__`` given the class by ``repeat``: a ``partial`` made a new tuple of
    # its arguments for each of 100,000 tokens)
    tokens = list(
        map(
            _new_tuple,
            repeat(Token, len(words)),
            zip(starts, ends, words, map(folded_of.__getitem__, word_of), strict=True),
        )
    )
    n = len(tokens)
    # A mark that ends a sentence (a token of its own: no word holds one) ends it after
    # itself; a line break before the next token. Both found in C: a test and a bisection
    # in Python for each of a 1 MB article's 7,000 ends cost more.
    breaks = {
        0,
        n,
        *compress(range(1, n + 1), map(_SENTENCE_END.__contains__, words)),
        *map(partial(bisect_left, starts), _line_breaks(text)),
    }
    cuts: list[int] = []
    ordered = sorted(breaks)
    for a, b in pairwise(ordered):
        cuts.extend(range(a, b, max_length))
    cuts.append(n)
    return tokens, cuts, words, seen, new, new_folded, texts, word_of


def neighbours(text: str, start: int, end: int, *, reach: int = 60) -> tuple[str, str]:
    """The folded tokens just before and just after ``[start, end)`` (``""`` at the edges of
    the text or beyond ``reach`` characters): the context a rejected string is remembered in."""
    before = [m.group() for m in _TOKEN_RE.finditer(text, max(0, start - reach), start)]
    after = _TOKEN_RE.search(text, end, min(len(text), end + reach))
    return (
        fold(before[-1]) if before else "",
        fold(after.group()) if after is not None else "",
    )


def split_clitics(folded: str) -> tuple[str, str]:
    """``(clitics, stem)`` of a folded word: the longest proclitic group (و ف ب ك ل and their
    combinations) and article (ال, or ل + ال written لل) that leave a stem of at least two
    letters. ``("", word)`` when there is none.

    A name that merely starts with those letters (بشار، لبنان) is split too: the feature
    extractor always keeps the whole word as well, so the model weighs both.
    """
    found = _clitics.get(folded)
    if found is None:
        found = _split_clitics(folded)
        if len(_clitics) >= _CLITICS_KEPT:
            _clitics.clear()  # a text of ever new words: start again, never grow
        _clitics[folded] = found
    return found


# Each word's reading kept: the model's names on a long article ask again and again for the
# same few thousand words' stems (a 1 MB article's path split 13,000 words after every tag,
# for the names' heads, given names and short forms). A plain dict emptied when full, as
# ``arabic.fold`` keeps short texts' folded forms.
_CLITICS_KEPT = 1 << 14  # words
_clitics: dict[str, tuple[str, str]] = {}


def _split_clitics(folded: str) -> tuple[str, str]:
    """:func:`split_clitics` worked out."""
    for group in _GROUPS:
        if not folded.startswith(group):
            continue
        rest = folded[len(group) :]
        if rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + 2:
            return group + ARTICLE, rest[len(ARTICLE) :]
        if group and len(rest) >= 3:
            if group in LAM_CLITICS and rest.startswith(LAM) and len(rest) >= 3:
                return group + LAM, rest[len(LAM) :]  # لل: ل + ال with the alef dropped
            return group, rest
    return "", folded


def parse_given_names(text: str) -> frozenset[str]:
    """The folded names of a given-names file (one name a line, spelling variants separated
    by ``|``, ``#`` comments), with the rules' own list (:data:`.lexicon._GIVEN_NAMES`)."""
    found = set(_GIVEN_NAMES)
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        found.update(fold(name.strip()) for name in line.split("|") if name.strip())
    return frozenset(found)


# Ordinals end a king's or pope's name (جيمس الأول، محمد السادس) and are no name alone: the
# month (كانون الأول), the first of two (القرار الأول), "the day before yesterday" (أمس الأول).
_ORDINALS = frozenset(
    fold(clitic + word)
    for word in (
        "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
        "التاسع", "العاشر", "عشر",
    )
    for clitic in ("", "و", "ف")
)  # fmt: skip


def may_stand_alone(word: str, given: AbstractSet[str]) -> bool:
    """Whether the last word of a person's name (folded) may stand alone for the person, as
    newswire uses a surname: a word of letters, not a given name (خليل in سمير خليل), a
    particle of names (بن، أبو), a function word, an ordinal (جيمس الأول), a title or an
    occupation (عبد الواحد السيد، محمد الإمام: alone, السيد is "Mr", الإمام the imam)."""
    bare = word[len(ARTICLE) :] if word.startswith(ARTICLE) else word
    return (
        len(bare) >= 3
        and word.isalpha()
        and word not in given
        and word not in _NAME_PARTICLES
        and word not in _FUNCTION_WORDS
        and word not in _ORDINALS
        and word not in _TITLE_FORMS
        and word not in _OCCUPATION_FORMS
    )


def _shape(word: str) -> str:
    if not word:
        return "mark"  # only harakat or tatweel: nothing left once folded
    if word.isalpha():  # most words: no digit, no mark of punctuation
        if word.isascii():
            return "Lat" if word[0].isupper() else "lat"
        return "ar"
    if word.isdigit():
        return "num"
    if not (word[0].isalnum() or word[0] == "_"):
        return "punct"
    if word.isascii():
        if any(c.isdigit() for c in word):
            return "latnum"
        return "Lat" if word[0].isupper() else "lat"
    if any(c.isdigit() for c in word):
        return "arnum"
    return "ar"


def _length(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    return "6-8" if n <= 8 else "9+"


def _classes(
    folded: str, stem: str, has_article: bool, given: AbstractSet[str] = _GIVEN_NAMES
) -> list[str]:
    """Word classes from the rules' lexicon; looked up on the whole word and on its stem
    (a given name only on the whole word and after و ف ب ل ك, never after ال)."""
    found: list[str] = []
    bare = ARTICLE + stem if has_article else stem
    if folded in _TITLE_FORMS or bare in _TITLE_FORMS:
        found.append("title")
    if folded in _VERB_WORDS or stem in _VERB_WORDS:
        found.append("verb")
    if folded in _FUNCTION_WORDS:
        found.append("func")
    if folded in _TIME_WORDS or bare in _TIME_WORDS:
        found.append("time")
    if stem in _CONSTRUCT_NOUNS or bare in _CONSTRUCT_NOUNS:
        found.append("orghead")
    if stem in _PLACE_NOUNS or bare in _PLACE_NOUNS:
        found.append("place")
    if len(stem) >= 4 and stem.endswith(_NISBA_ENDINGS):
        found.append("nisba")
    if folded in given or (not has_article and stem in given):
        found.append("given")
    return found


@dataclass(slots=True, eq=False)
class _Word:
    """What the extractor knows of one written word: its own features and the features it
    gives the words around it (two before and after), each made once per article. Compared
    and hashed by identity: one object per written word of an extractor. Never changed once
    made (not frozen: a frozen dataclass takes four times longer to make, 17,000 a 1 MB
    article)."""

    own: tuple[Any, ...]  # features: str, or bytes in an encoding extractor
    word: str
    stem: str
    classes: frozenset[str]
    article: bool
    before2: tuple[Any, ...]  # for the word two places after it: "-2w:…"
    before1: tuple[Any, ...]
    after1: tuple[Any, ...]
    after2: tuple[Any, ...]
    # For the document features (:meth:`FeatureExtractor._document`), worked out once per word:
    # the stem they gather under (None: a word they leave out) and the classes they ask about.
    document: str | None = None
    title: bool = False
    verb: bool = False
    nisba: bool = False
    given: bool = False
    cue: bool = False  # title, verb, nisba or given: it tells the document of its neighbours


def _context(folded: str, stem: str, classes: Sequence[str]) -> tuple[list[str], ...]:
    """The features a word gives the words two before, one before, one after and two after
    it (``-2w:…`` on the word two places after it …)."""
    word = "w:" + folded
    near = [word] if stem == folded else [word, "st:" + stem]
    far = [word]
    for c in classes:  # most words have none
        near.append("lx:" + c)
        if c in _FAR:
            far.append("lx:" + c)
    return (
        ["-2" + f for f in far],
        ["-1" + f for f in near],
        ["1" + f for f in near],
        ["2" + f for f in far],
    )


def _plan_tails(
    flat: Sequence[_Word],
    cuts: Sequence[int],
    follows: Mapping[_Word, Mapping[str, tuple[Any, ...]]],
    first: tuple[Any, ...],
    second: tuple[Any, ...],
    last: tuple[Any, ...],
) -> dict[int, tuple[Any, ...]]:
    """The tails the text alone gives (:meth:`FeatureExtractor._plan`), by token index in
    order: a sentence's first token ``first``; its second the word pair it ends (if the model
    knows one) and ``second``; any later token the word pair it ends; the last ``last`` after
    those. ``follows``: the written words that begin a pair the model knows → the second
    words → the pair's features.

    Why so: the word pairs are found in C over the whole article (a test per token in
    Python was 100,000 of them on a 1 MB article) and looked up once each, then each sentence
    takes its first, second and last token and the pairs between: a set of its special
    positions sorted, and its words sliced, for each of a 1 MB article's 3,700 sentences
    cost more than the pairs."""
    nothing: tuple[Any, ...] = ()
    bigrams: dict[int, tuple[Any, ...]] = {}
    if follows:
        for j in compress(range(1, len(flat)), map(follows.__contains__, flat)):
            bigram = follows[flat[j - 1]].get(flat[j].word)
            if bigram is not None:
                bigrams[j] = bigram
    # (a sentence's first token is no pair's second: the pair would cross the sentence end)
    inner = sorted(bigrams.keys() - set(cuts))
    tails: dict[int, tuple[Any, ...]] = {}
    p, count = 0, len(inner)
    for k, end in pairwise(cuts):
        final = end - 1
        if final == k:
            if first or last:
                tails[k] = first + last
            continue
        if first:
            tails[k] = first
        tail = bigrams.get(k + 1, nothing) + second
        if k + 1 == final:
            tail += last
        if tail:
            tails[k + 1] = tail
        while p < count and inner[p] <= k + 1:
            p += 1
        while p < count and inner[p] < final:
            tails[inner[p]] = bigrams[inner[p]]
            p += 1
        if final > k + 1:
            tail = bigrams.get(final, nothing) + last
            if tail:
                tails[final] = tail
    return tails


def _seen_in_flat(
    flat: Sequence[_Word], cuts: Sequence[int], counted: Mapping[_Word, int]
) -> tuple[dict[str, set[str]], dict[str, int]]:
    """:meth:`FeatureExtractor._seen_words` of the sentences ``flat[a:b]`` for each ``a, b``
    of ``cuts`` (the sentences' starts, then the end), without cutting them out: the words
    that tell their neighbours found in C over the whole article, each one's neighbours in
    its sentence when no cut lies between (a 1 MB article's 3,700 sentences were each sliced
    and searched apart)."""
    seen, counts = FeatureExtractor._seen_words((), counted)
    edges = set(cuts)  # a word at one of these begins a sentence
    n = len(flat)
    for i in compress(range(n), map(_CUE, flat)):
        before = flat[i]
        first = i in edges
        if i + 1 < n and i + 1 not in edges:
            word = flat[i + 1]
            stem = word.document
            if stem is not None:
                found = seen[stem]
                if before.title:
                    found.add("g:title")
                elif before.verb:
                    found.add("g:verb")
                elif before.nisba and not first and flat[i - 1].title:
                    found.add("g:title")
                if before.given and not word.given:
                    found.add("g:given")  # فرويد after سيغموند: a surname
        if before.verb and not first and (stem := flat[i - 1].document) is not None:
            seen[stem].add("g:verbafter")
    return seen, counts


def _columns(read: _Read) -> tuple[list[int], list[str]]:
    """Each token of ``read`` its start and folded form, made once per text and kept with it
    (shared lists: only read them)."""
    if not read.columns:
        read.columns[:] = [(list(map(_START, read.tokens)), list(map(_FOLDED, read.tokens)))]
    return read.columns[0]


class FeatureExtractor:
    """Features of the tokens of an article, with optional membership ``sources`` (name →
    :data:`Membership`, e.g. ``{"rg": registry, "gz": gazetteer}``).

    ``encoded``: the features as UTF-8 bytes (:meth:`encoded_sentences`), what crfsuite reads:
    each word's are encoded once, where crfsuite would encode every token's (1.3 million
    strings on a 1 MB article)."""

    def __init__(
        self,
        sources: Mapping[str, Membership] | None = None,
        *,
        known: AbstractSet[str] | None = None,
        share: FeatureExtractor | None = None,
        given: AbstractSet[str] | None = None,
        encoded: bool = False,
        corpus: Mapping[str, tuple[str, ...]] | None = None,
        cues: Mapping[str, str] | None = None,
    ) -> None:
        self.sources: dict[str, Membership] = dict(sources or {})
        # What the project's own text says of each stem (:func:`corpus_features`): features
        # of a word, after its classes. None: the features of version 4 exactly.
        self.corpus = corpus
        # Folded word → its class in the word-classes data file (:func:`parse_word_classes`:
        # ``part`` بن، أبو، آل; ``person`` الكاتب، اللاعب; ``org`` حزب، صحيفة), a class
        # like the lexicon's. None: the features of version 4 exactly.
        self.cues = cues
        # Given names (a data file, :func:`parse_given_names`): the rules' list without one.
        self.given: AbstractSet[str] = _GIVEN_NAMES if given is None else given
        # The attributes a trained model has weights for: the others change nothing in its
        # output, so tagging leaves them out (crfsuite would look each one up for nothing).
        self.known = known
        self.encoded = encoded
        # A word's features depend on the word alone (and ``known``): an extractor for the
        # next training article, with its own sources, reuses those of ``share``.
        if share is not None and (
            share.known != known
            or share.given is not self.given
            or share.encoded != encoded
            or share.corpus is not corpus
            or share.cues is not cues
        ):
            raise ValueError("an extractor can share words only with one of the same attributes")
        self._words: dict[str, _Word] = share._words if share is not None else {}
        self._marks: dict[str, _Word] = {}  # :meth:`article_marks`'s words
        # The last long text's words and what they say without the sources (:meth:`_read`),
        # shared like the words: the window suggests again in the same article after every
        # tag, with the same extractor's words.
        self._last: list[tuple[str, _Read] | None] = share._last if share is not None else [None]

    def words_known(self) -> int:
        """How many written words' features the extractor keeps (shared ones included)."""
        return len(self._words)

    def _keep(self, features: Iterable[str]) -> tuple[Any, ...]:
        known = self.known
        if self.encoded:
            if known is None:
                return tuple([f.encode() for f in features])
            return tuple([f.encode() for f in features if f in known])
        if known is None:
            return tuple(features)
        return tuple([f for f in features if f in known])

    def classes(self, token: Token) -> frozenset[str]:
        """The token's word classes in the rules' lexicon (``title``, ``verb``, ``func``,
        ``time``, ``given`` …): what :meth:`sentences` gives it as ``lx:`` features."""
        return self._word(token).classes

    def _word(self, token: Token) -> _Word:
        known = self._words.get(token.text)
        if known is not None:
            return known
        folded = token.folded
        shape = _shape(folded)
        own = ["bias", f"w:{folded}", f"sh:{shape}", f"len:{_length(len(folded))}"]
        stem = folded
        classes: list[str] = []
        has_article = False
        if shape in ("ar", "arnum"):
            clitics, stem = split_clitics(folded)
            has_article = clitics.endswith(ARTICLE) or (
                clitics.endswith(LAM) and clitics[:-1] in LAM_CLITICS
            )
            if clitics:
                own += [f"cl:{clitics}", f"st:{stem}"]
            if has_article:
                own.append("al")
            own += [f"p2:{stem[:2]}", f"p3:{stem[:3]}", f"s2:{stem[-2:]}", f"s3:{stem[-3:]}"]
            if token.text.endswith(_TA_MARBUTA):
                own.append("ta")
            classes = self._classes_of(folded, stem, has_article)
            own += [f"lx:{c}" for c in classes]
            if self.corpus is not None:
                own += self.corpus.get(stem, ())
            if self.known is not None and VOCABULARY + folded not in self.known:
                own.append(RARE)
        elif shape == "punct":
            own.append(f"pu:{folded}")
        keep = self._keep
        before2, before1, after1, after2 = _context(folded, stem, classes)
        eligible = _NOT_NAMES.isdisjoint(classes) and len(stem) >= 2 and folded[:1].isalpha()
        kept = keep(own)
        word = _Word(
            kept,
            folded,
            stem,
            frozenset(classes) if classes else _NO_CLASSES,
            has_article,
            keep(before2),
            keep(before1),
            keep(after1),
            keep(after2),
            stem if eligible and kept else None,
            "title" in classes or "person" in classes,
            "verb" in classes,
            "nisba" in classes,
            "given" in classes,
            not _CUES.isdisjoint(classes),
        )
        if len(self._words) < 200_000:  # a hostile text of random words cannot grow it forever
            self._words[token.text] = word
        return word

    def _memberships(
        self, text: str, tokens: Sequence[Token], starts: Sequence[int] | None = None
    ) -> dict[int, list[str]]:
        """Token index → its ``source:B-kind`` / ``source:I-kind`` features (tokens in no
        source's span are left out). ``starts``: the tokens' starts, when the caller has
        them."""
        found: dict[int, list[str]] = {}
        if not self.sources or not tokens:
            return found
        if starts is None:
            starts = list(map(_START, tokens))
        count = len(tokens)
        for name, source in self.sources.items():
            # Each kind's two features made once, not a string per token (a 1 MB article's
            # sources have 20,000 spans); the tokens' starts read from their list.
            marks: dict[str, tuple[str, str]] = {}
            for start, end, kind in source(text):
                first = bisect_left(starts, start)
                if first > 0 and tokens[first - 1].end > start:
                    first -= 1  # the span starts inside a word (after its clitics)
                if first >= count or starts[first] >= end:
                    continue
                pair = marks.get(kind)
                if pair is None:
                    pair = marks[kind] = (f"{name}:B-{kind}", f"{name}:I-{kind}")
                found.setdefault(first, []).append(pair[0])
                inside = pair[1]
                i = first + 1
                while i < count and starts[i] < end:
                    found.setdefault(i, []).append(inside)
                    i += 1
        return found

    def _document(
        self, read: _Read, members: Mapping[int, list[str]]
    ) -> dict[str, tuple[Any, ...]]:
        """Stem → what the whole article says about that word (Chieu & Ng's "global
        features"): whether it follows a title (also across a nisba: الرئيس السوري بشار) or a
        reporting verb, follows a given name (a surname: سيغموند فرويد, then فرويد alone),
        precedes a verb, ever carries ال, is in a source's span, and how often it occurs. A
        name said once after a title is then a name at every occurrence.

        ``counted``: each written word of the article (by identity) and its occurrences.
        Worked out per written word where the word alone decides (its count, ال), and only
        around the words that tell their neighbours something (a title, a verb, a nisba, a
        given name: ``_Word.cue``) and in the sources' spans (``read``: the text's own, the
        sources' added here)."""
        if read.document:
            document = read.document[0]
        else:  # what the words alone say: kept with the text, as it is the same again
            document = self._findings(read.seen, read.counts)
            read.document[:] = [document]
        added = _member_marks(read.seen, read.flat, members)
        if not added:
            return document
        # Only the stems in the sources' spans say more: a few thousand of a 1 MB article's
        # 11,000.
        return {**document, **self._findings(added, read.counts)}

    def _findings(
        self, seen: Mapping[str, AbstractSet[str]], counts: Mapping[str, int]
    ) -> dict[str, tuple[Any, ...]]:
        """:meth:`_document`'s features of the stems of ``seen``, from their findings."""
        keep = self._keep
        result: dict[str, tuple[Any, ...]] = {}
        # Most stems say the same few things ({g:al} or {g:bare}, seen once or twice): each
        # different finding's features are made once (a 1 MB article's 11,000 stems have
        # under 200), not sorted, filtered and encoded stem by stem.
        made: dict[tuple[frozenset[str], int], tuple[Any, ...]] = {}
        for stem, found in seen.items():
            n = min(counts[stem], 4)
            key = (frozenset(found), n)
            features = made.get(key)
            if features is None:
                extra = [f"g:n{n}"]
                if n > 1 and "g:al" not in found:
                    extra.append("g:neveral")
                features = made[key] = keep([*sorted(found), *extra])
            result[stem] = features
        return result

    def _seen(
        self,
        sentences: Sequence[Sequence[_Word]],
        flat: Sequence[_Word],
        counted: Mapping[_Word, int],
        members: Mapping[int, list[str]],
    ) -> tuple[dict[str, set[str]], dict[str, int]]:
        """:meth:`_document`'s findings before they are features: stem → its ``g:`` marks
        (without the count's), and stem → its occurrences."""
        seen, counts = self._seen_words(sentences, counted)
        return _with_members(seen, counts, flat, members)

    @staticmethod
    def _seen_words(
        sentences: Sequence[Sequence[_Word]], counted: Mapping[_Word, int]
    ) -> tuple[dict[str, set[str]], dict[str, int]]:
        """:meth:`_seen` without the sources' spans: what the words alone say."""
        seen: dict[str, set[str]] = {}
        counts: dict[str, int] = {}
        for word, n in counted.items():
            stem = word.document
            if stem is None:
                continue
            found = seen.get(stem)
            if found is None:
                found = seen[stem] = set()
                counts[stem] = n
            else:
                counts[stem] += n
            found.add("g:al" if word.article else "g:bare")
        for words in sentences:
            # (in C: a test per word in Python was 100,000 of them on a 1 MB article)
            cues = list(compress(range(len(words)), map(_CUE, words)))
            if not cues:
                continue
            n = len(words)
            for i in cues:
                before = words[i]
                if i + 1 < n:
                    word = words[i + 1]
                    stem = word.document
                    if stem is not None:
                        found = seen[stem]
                        if before.title:
                            found.add("g:title")
                        elif before.verb:
                            found.add("g:verb")
                        elif before.nisba and i > 0 and words[i - 1].title:
                            found.add("g:title")
                        if before.given and not word.given:
                            found.add("g:given")  # فرويد after سيغموند: a surname
                if before.verb and i > 0 and (stem := words[i - 1].document) is not None:
                    seen[stem].add("g:verbafter")
        return seen, counts

    def article_marks(self, text: str) -> tuple[dict[str, set[str]], dict[str, int]]:
        """What :meth:`sentences` gathers of the article as its document features, before
        they are features (no sources): stem → its ``g:`` marks (``g:title``, ``g:al`` …),
        and stem → its occurrences. :func:`corpus_features` adds them up over articles."""
        # The written words alone (no Token, no offsets); a sentence ends after . ! ? ؟ and
        # at a line break (not cut at MAX_SENTENCE words: the marks hardly notice).
        parts = _SPLIT_RE.split(text)
        cache = self._marks
        mark = self._mark
        flat = [cache.get(word) or mark(word) for word in parts[1::2]]
        all_words: list[list[_Word]] = []
        begin = 0
        for i, word in enumerate(parts[1::2]):
            if i > begin and "\n" in parts[2 * i]:
                all_words.append(flat[begin:i])
                begin = i
            if word in _SENTENCE_END:
                all_words.append(flat[begin : i + 1])
                begin = i + 1
        if begin < len(flat):
            all_words.append(flat[begin:])
        return self._seen(all_words, flat, Counter(flat), {})

    def _mark(self, text: str) -> _Word:
        """A word as :meth:`_word` makes it, with only what :meth:`_seen` reads (its stem
        for the document features and its classes): five times cheaper, for
        :meth:`article_marks` over a whole project."""
        folded = fold(text)
        stem = folded
        classes: list[str] = []
        has_article = False
        if _shape(folded) in ("ar", "arnum"):
            clitics, stem = split_clitics(folded)
            has_article = clitics.endswith(ARTICLE) or (
                clitics.endswith(LAM) and clitics[:-1] in LAM_CLITICS
            )
            classes = self._classes_of(folded, stem, has_article)
        eligible = _NOT_NAMES.isdisjoint(classes) and len(stem) >= 2 and folded[:1].isalpha()
        word = _Word(
            (),
            folded,
            stem,
            frozenset(classes),
            has_article,
            (),
            (),
            (),
            (),
            stem if eligible else None,
            "title" in classes or "person" in classes,
            "verb" in classes,
            "nisba" in classes,
            "given" in classes,
            not _CUES.isdisjoint(classes),
        )
        if len(self._marks) < 200_000:
            self._marks[text] = word
        return word

    def _classes_of(self, folded: str, stem: str, has_article: bool) -> list[str]:
        """The word's classes: the lexicon's (:func:`_classes`), then the word-classes
        file's (``cues``)."""
        classes = _classes(folded, stem, has_article, self.given)
        if self.cues is not None:
            bare = ARTICLE + stem if has_article else stem
            cue = self.cues.get(folded) or self.cues.get(bare) or self.cues.get(stem)
            if cue is not None and cue not in classes:
                classes.append(cue)
        return classes

    def sentences(self, text: str) -> list[Sentence[str]]:
        """The article's sentences with each token's features."""
        if self.encoded:
            raise ValueError("an encoding extractor gives encoded_sentences")
        return self._sentences(text)

    def encoded_sentences(self, text: str) -> list[Sentence[bytes]]:
        """:meth:`sentences` with the features as UTF-8 bytes (an ``encoded`` extractor)."""
        if not self.encoded:
            raise ValueError("only an encoded extractor gives encoded_sentences")
        return self._sentences(text)

    def layout(self, text: str) -> Layout[Any]:
        """The article's features in the factored form of :class:`Layout`, for a model's
        ``known`` attributes: what :meth:`encoded_sentences` gives, each word's features not
        yet joined into every token's (``desktop.learn.crf.CrfDecoder`` adds up each word's
        weights once, where crfsuite looks up every token's features)."""
        if self.known is None:
            raise ValueError("only an extractor with a model's attributes gives a layout")
        return self._layout(text)

    def _sentences(self, text: str) -> list[Sentence[Any]]:
        if self.known is None:
            return self._assemble_all(text)
        plan = self._layout(text)
        tokens, words, tails = plan.tokens, plan.words, plan.tails
        bos2, bos1, eos1, eos2 = plan.edges
        # The words before the first and after the last: their features for their neighbours
        # are the sentence's edges.
        edge = ((), bos2, bos1, (), ())
        end = ((), (), (), eos1, eos2)
        result: list[Sentence[Any]] = []
        for a, b in pairwise(plan.cuts):
            mine = [words[w] for w in plan.word_of[a:b]]
            padded = [edge, edge, *mine, end, end]
            feats = [
                (*base[0], *w2[1], *w1[2], *a1[3], *a2[4])
                for base, w2, w1, a1, a2 in zip(
                    mine, padded, padded[1:], padded[3:], padded[4:], strict=False
                )
            ]
            for k in range(a, b):
                tail = tails.get(k)
                if tail:
                    feats[k - a] += tail
            result.append(Sentence(tuple(tokens[a:b]), tuple(feats)))
        return result

    def _words_of(
        self, text: str
    ) -> tuple[
        list[Token], list[int], list[_Word], dict[int, list[str]], dict[str, tuple[Any, ...]]
    ]:
        """The tokens, sentence cuts, each token's written word, the membership features and
        the document features (stem → features) of ``text``."""
        read = self._read(text)
        tokens, cuts = list(read.tokens), list(read.cuts)
        members = self._memberships(text, tokens) if self.sources else {}
        document = self._document(read, members)
        return tokens, cuts, read.flat, members, document

    def _read(self, text: str) -> _Read:
        """The text's tokens, their written words and what the words alone say of each stem
        (:meth:`_seen_words`); a long text's remembered for the next call on the same text
        with this extractor's words (a 1 MB article's were a third of its layout). What is
        remembered is only read, never changed."""
        last = self._last[0]  # one read: another thread may replace it meanwhile
        if last is not None and len(last[0]) == len(text) and last[0] == text:
            return last[1]
        cache = self._words
        make = self._word
        remembered = _remembered_tokens(text, MAX_SENTENCE)
        numbered: list[tuple[list[_Word], list[int]]] = []
        tokens: Sequence[Token]
        cuts: Sequence[int]
        if remembered is not None:
            tokens, cuts = remembered
            # Each written word's features once (most of an article's words are repeated).
            texts = list(map(_TEXT, tokens))
            made = {
                word: cache.get(word) or make(token)
                for word, token in dict(zip(texts, tokens, strict=True)).items()
            }
            flat = list(map(made.__getitem__, texts))
        else:
            # The split knows each token's text and which written words the extractor has
            # made already: only the new ones are made here, each once (the tokens' texts
            # gone over again, and each word looked up again, were a tenth of reading a new
            # 1 MB text). ``_word`` reads only a token's text and folded form.
            split, split_cuts, _, made, new, new_folded, distinct, word_of = _split(
                text, MAX_SENTENCE, cache
            )
            # (one tuple of the tokens, remembered and read: a copy of 100,000 references
            # less to make, and to walk at the cycle collector's next collection)
            tokens, cuts = tuple(split), tuple(split_cuts)
            _remember_tokens(text, MAX_SENTENCE, tokens, cuts)
            for word, folded in zip(new, new_folded, strict=True):
                made[word] = make(_new_tuple(Token, (0, 0, word, folded)))
            # (one written word per distinct text: the plan's numbering is the split's)
            written = list(map(made.__getitem__, distinct))
            flat = list(map(written.__getitem__, word_of))
            numbered.append((written, word_of))
        seen, counts = _seen_in_flat(flat, cuts, Counter(flat))
        read = _Read(tuple(tokens), tuple(cuts), flat, seen, counts, [], [], [], numbered)
        if len(text) >= _REMEMBER_FROM:
            self._last[0] = (text, read)
        return read

    def _extras(
        self, members: Mapping[int, list[str]]
    ) -> dict[int, tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]]:
        """The membership features of each token: its own, the word before's and after's."""
        keep = self._keep
        extras: dict[int, tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]] = {}
        # The few different lists of a long article's 20,000 members, each kept once.
        own: dict[tuple[str, ...], tuple[Any, ...]] = {(): ()}
        before: dict[tuple[str, ...], tuple[Any, ...]] = {(): ()}
        after: dict[tuple[str, ...], tuple[Any, ...]] = {(): ()}
        for mine in map(tuple, members.values()):
            if mine not in own:
                own[mine] = keep(mine)
                before[mine] = keep(f"-1{m}" for m in mine)
                after[mine] = keep(f"1{m}" for m in mine)
        found = {i: tuple(mine) for i, mine in members.items()}
        # (Not the one before the first token: tagging once gave its "next word is a place"
        # to the last word of the first sentence, which training never did.)
        for i in sorted({j + d for j in members for d in (-1, 0, 1)} - {-1}):
            parts = (
                own[found.get(i, ())],
                before[found.get(i - 1, ())],
                after[found.get(i + 1, ())],
            )
            if any(parts):
                extras[i] = parts
        return extras

    def _layout(self, text: str) -> Layout[Any]:
        assert self.known is not None
        read = self._read(text)
        tokens, cuts = list(read.tokens), list(read.cuts)
        starts, folded = _columns(read)
        members = self._memberships(text, tokens, starts) if self.sources else {}
        document = self._document(read, members)
        plan = read.layout[0] if read.layout else self._plan(read)
        nothing: tuple[str, ...] = ()
        keep = self._keep
        edges = tuple(keep((f,)) for f in ("-2:BOS", "-1:BOS", "1:EOS", "2:EOS"))
        # Each written word once, by its first occurrence: its own and article features
        # joined, and what it gives its neighbours.
        words = [
            (
                word.own + document.get(word.stem, nothing),
                word.before2,
                word.before1,
                word.after1,
                word.after2,
            )
            for word in plan.words
        ]
        # What only some tokens have, in this order: first (or the word pair and second),
        # last (the text's own, ``plan.tails``), the membership features.
        tails = dict(plan.tails)
        extras = self._extras(members)
        if extras:
            firsts, lasts = plan.firsts, plan.lasts
            for k in sorted(extras):
                if k >= len(tokens):
                    break  # (the one after the last token)
                extra = extras[k]
                tail = tails.get(k, nothing) + extra[0]
                if k not in firsts:
                    tail += extra[1]
                if k not in lasts:
                    tail += extra[2]
                if tail:
                    tails[k] = tail
        return Layout(tokens, cuts, words, plan.word_of, edges, tails, plan, starts, folded)  # type: ignore[arg-type]

    def _plan(self, read: _Read) -> _Plan:
        """What :meth:`_layout` makes of the text alone (no source), remembered with
        ``read``: its written words, each token's, and the tails the text alone gives
        (first, second, last, word pairs)."""
        assert self.known is not None
        flat, cuts = read.flat, read.cuts
        keep = self._keep
        first, second, last = (keep((f,)) for f in ("first", "second", "last"))
        if read.numbered:
            written, word_of = read.numbered[0]
        else:
            number = {word: n for n, word in enumerate(dict.fromkeys(flat))}
            written, word_of = list(number), list(map(number.__getitem__, flat))
        # Word pairs: only those the model has a weight for, indexed by their first word (most
        # words begin none): the written words of this article that begin one.
        pairs: dict[str, dict[str, Any]] = {}
        for feature in self.known:
            if feature.startswith("bi:"):
                pair = feature[3:]
                for at, mark in enumerate(pair):  # a word may be "|" itself
                    if mark == "|":
                        pairs.setdefault(pair[:at], {})[pair[at + 1 :]] = keep((feature,))
        follows = {word: pairs[word.word] for word in written if word.word in pairs}
        tails = _plan_tails(flat, cuts, follows, first, second, last)
        plan = _Plan(
            written, word_of, tails, frozenset(cuts[:-1]), frozenset(c - 1 for c in cuts[1:])
        )
        read.layout[:] = [plan]
        return plan

    def _assemble_all(self, text: str) -> list[Sentence[Any]]:
        """The features without a model (training): every word pair is one."""
        tokens, cuts, flat, members, document = self._words_of(text)
        nothing: tuple[str, ...] = ()
        bases = {word: word.own + document.get(word.stem, nothing) for word in set(flat)}
        extras = self._extras(members)
        keep = self._keep
        bos2, bos1, eos1, eos2 = (keep((f,)) for f in ("-2:BOS", "-1:BOS", "1:EOS", "2:EOS"))
        first, second, last = (keep((f,)) for f in ("first", "second", "last"))
        encode = self.encoded
        result: list[Sentence[Any]] = []
        for k, end in pairwise(cuts):
            words = flat[k:end]
            n = len(words)
            feats: list[tuple[Any, ...]] = []
            for i, word in enumerate(words):
                f = (
                    *bases[word],
                    *(words[i - 2].before2 if i > 1 else bos2),
                    *(words[i - 1].before1 if i > 0 else bos1),
                    *(words[i + 1].after1 if i + 1 < n else eos1),
                    *(words[i + 2].after2 if i + 2 < n else eos2),
                )
                if i == 0:
                    f += first
                else:
                    bigram = f"bi:{words[i - 1].word}|{word.word}"
                    f += (bigram.encode() if encode else bigram,)
                    if i == 1:
                        f += second
                if i == n - 1:
                    f += last
                if extras and (extra := extras.get(k + i)) is not None:
                    f += extra[0]
                    if i > 0:
                        f += extra[1]
                    if i + 1 < n:
                        f += extra[2]
                feats.append(f)
            result.append(Sentence(tuple(tokens[k:end]), tuple(feats)))
        return result


def bio_tags(tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """One tag per token: ``B-kind`` on the first token a span touches, ``I-kind`` on the rest,
    ``O`` elsewhere. Overlapping spans: the one that starts first (then the longer) wins."""
    tags = [OUTSIDE] * len(tokens)
    starts = [t.start for t in tokens]
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        first = bisect_left(starts, start)
        if first > 0 and tokens[first - 1].end > start:
            first -= 1
        last = first
        while last < len(tokens) and tokens[last].start < end:
            last += 1
        if last == first or any(tags[i] != OUTSIDE for i in range(first, last)):
            continue
        tags[first] = f"B-{kind}"
        for i in range(first + 1, last):
            tags[i] = f"I-{kind}"
    return tags


def spans_from_tags(
    tokens: Sequence[Token], tags: Sequence[str], scores: Sequence[float] | None = None
) -> list[tuple[int, int, str, float]]:
    """``(start, end, kind, score)`` of each tagged run: a ``B-`` starts one, ``I-`` of the
    same kind continues it (an ``I-`` without its ``B-`` starts one too, as CoNLL reads it).
    The score is the mean of the tokens' scores (1.0 without ``scores``)."""
    return [
        (tokens[first].start, tokens[stop - 1].end, kind, score)
        for first, stop, kind, score in tag_runs(tags, scores)
    ]


def tag_runs(
    tags: Sequence[str], scores: Sequence[float] | None = None
) -> list[tuple[int, int, str, float]]:
    """:func:`spans_from_tags` as token positions: ``(first, stop, kind, score)``, the run
    being ``tags[first:stop]``. Only the scores of tagged tokens count (an ``O``'s is never
    read). Why apart: the model's tagger works on the positions (a 1 MB article's thousands
    of sentences), and looked each span's tokens up again by its offsets."""
    found: list[tuple[int, int, str, float]] = []
    open_kind: str | None = None
    first = 0
    total = 0.0
    for i, tag in enumerate(tags):
        if tag == OUTSIDE or len(tag) < 3 or tag[1] != "-":
            if open_kind is not None:
                found.append((first, i, open_kind, total / (i - first)))
                open_kind = None
            continue
        score = 1.0 if scores is None else scores[i]
        position, kind = tag[0], tag[2:]
        if position == "I" and kind == open_kind:
            total += score
            continue
        if open_kind is not None:
            found.append((first, i, open_kind, total / (i - first)))
        open_kind, first, total = kind, i, score
    if open_kind is not None:
        found.append((first, len(tags), open_kind, total / (len(tags) - first)))
    return found


CORPUS_MARKS = ("title", "verb", "given", "verbafter")  # the document marks the corpus counts
CORPUS = "c:"


def _bucket(n: int, bounds: Sequence[int]) -> str:
    """The lowest of ``bounds`` that ``n`` reaches (``bounds`` ascending, the first 1)."""
    found = bounds[0]
    for bound in bounds:
        if n >= bound:
            found = bound
    return str(found)


def parse_word_classes(text: str) -> dict[str, str]:
    """Folded word → class, from a word-classes file: ``[class]`` lines open a section, then
    one word a line (spelling variants separated by ``|``), ``#`` comments."""
    found: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if not section:
            raise ValueError(f"a word before any [class] line: {line!r}")
        for word in line.split("|"):
            if word.strip():
                found.setdefault(fold(word.strip()), section)
    return found


def corpus_features(
    texts: Iterable[str],
    *,
    given: AbstractSet[str] | None = None,
    cues: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Stem → what the project's own text says about it, as word features (``c:…``): the
    document features (:meth:`FeatureExtractor.article_marks`) added up over many articles,
    tagged or not. A name after a title, a given name or before a verb of saying in some
    article is a name in the others, where nothing around it says so; a word never written
    with ال in the whole project, and one that comes back often within few articles, is
    likelier a name. Semi-supervised: the analyst's tags play no part.

    ``c:title`` … (the marks of :data:`CORPUS_MARKS`, in at least one article; ``c:title2``
    in two or more), ``c:neveral`` (seen twice or more, never with ال), ``c:n<k>`` (how often,
    bucketed), ``c:d<k>`` (in how many articles, bucketed), ``c:burst`` (three or more times
    per article it is in)."""
    extractor = FeatureExtractor(given=given, cues=cues)
    marks: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    with_article: set[str] = set()
    plain = ({"g:al"}, {"g:bare"}, {"g:al", "g:bare"})  # most words' marks: nothing to add up
    for text in texts:
        seen, found = extractor.article_marks(text)
        counts.update(found)
        documents.update(found.keys())
        for stem, mine in seen.items():
            if "g:al" in mine:
                with_article.add(stem)
            if mine in plain:
                continue
            mark = marks.get(stem)
            if mark is None:
                mark = marks[stem] = Counter()
            mark.update(mine)
    result: dict[str, tuple[str, ...]] = {}
    nothing: Counter[str] = Counter()
    for stem, n in counts.items():
        mark = marks.get(stem, nothing)
        features = []
        for name in CORPUS_MARKS:
            times = mark.get("g:" + name, 0)
            if times:
                features.append(CORPUS + name)
                if times >= 2:
                    features.append(CORPUS + name + "2")
        if n >= 2 and stem not in with_article:
            features.append(CORPUS + "neveral")
        d = documents[stem]
        features.append(f"{CORPUS}n{_bucket(n, (1, 2, 4, 10, 30))}")
        features.append(f"{CORPUS}d{_bucket(d, (1, 2, 5, 20))}")
        if n >= 3 * d:
            features.append(CORPUS + "burst")
        result[stem] = tuple(features)
    return result
