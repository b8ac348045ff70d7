"""The features of the statistical tagger as features version 4 first computed them: a frozen
copy of ``desktop/core/suggest/features.py`` (tokenize and FeatureExtractor) before it was made
faster, kept as the oracle of tests/core/test_features_reference.py. The faster code must give
exactly these tokens and features, or the stored models would read other features than they
were trained on. Do not edit: change the features in desktop, raise FEATURES_VERSION, and
replace this copy with the new version's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, PROCLITICS, fold
from desktop.core.suggest.lexicon import (
    _CONSTRUCT_NOUNS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _PLACE_NOUNS,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
)

OUTSIDE = "O"
RARE = "rare"
VOCABULARY = "v:"

Membership = Callable[[str], Iterable[tuple[int, int, str]]]
"""A span source for membership features: the text → ``(start, end, kind)`` spans in raw code
points (for example the registry's aliases with their entity type, or a gazetteer)."""

# A word: letters and digits with the marks, tatweel and joiners written on them; or one mark
# of punctuation. The same notion of word as desktop.core.spans.is_word_char.
_TOKEN_RE = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d_])+"
    r"|[^\w\s]"
)
_SENTENCE_END = frozenset(".!?؟")
MAX_SENTENCE = 150  # tokens: a text without full stops is cut, so one sequence stays small
_TA_MARBUTA = "ة"
# Longest proclitic groups first, so وبال is taken before و.
_GROUPS = sorted(PROCLITICS, key=len, reverse=True)
_NOT_NAMES = frozenset({"func", "time", "verb", "title"})
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يين")


class Token(NamedTuple):
    """One word or punctuation mark: raw code-point offsets, its text and its folded text.
    (A NamedTuple: an article of 1 MB has 185,000 of them, and a frozen dataclass is three
    times slower to make.)"""

    start: int
    end: int
    text: str
    folded: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A run of tokens the model tags as one sequence, with each token's features."""

    tokens: tuple[Token, ...]
    features: tuple[tuple[str, ...], ...]


def tokenize(text: str, *, max_length: int = MAX_SENTENCE) -> list[list[Token]]:
    """Sentences of tokens: a sentence ends after . ! ? ؟ and at a line break, and is cut
    after ``max_length`` tokens."""
    folded: dict[str, str] = {}
    sentences: list[list[Token]] = []
    current: list[Token] = []
    newline = text.find("\n")
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if 0 <= newline < start:
            if current:
                sentences.append(current)
                current = []
            newline = text.find("\n", start)
        word = match.group()
        key = folded.get(word)
        if key is None:
            key = folded[word] = fold(word)
        current.append(Token(start, end, word, key))
        if word in _SENTENCE_END or len(current) >= max_length:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def split_clitics(folded: str) -> tuple[str, str]:
    """``(clitics, stem)`` of a folded word: the longest proclitic group (و ف ب ك ل and their
    combinations) and article (ال, or ل + ال written لل) that leave a stem of at least two
    letters. ``("", word)`` when there is none.

    A name that merely starts with those letters (بشار، لبنان) is split too: the feature
    extractor always keeps the whole word as well, so the model weighs both.
    """
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


@dataclass(frozen=True, slots=True)
class _Word:
    """What the extractor knows of one written word: its own features and the features it
    gives the words around it (two before and after), each made once per article."""

    own: tuple[str, ...]
    word: str
    stem: str
    classes: frozenset[str]
    article: bool
    before2: tuple[str, ...]  # for the word two places after it: "-2w:…"
    before1: tuple[str, ...]
    after1: tuple[str, ...]
    after2: tuple[str, ...]
    # For the document features (:meth:`FeatureExtractor._document`), worked out once per word:
    # the stem they gather under (None: a word they leave out) and the classes they ask about.
    document: str | None = None
    title: bool = False
    verb: bool = False
    nisba: bool = False
    given: bool = False


def _context(folded: str, stem: str, classes: Sequence[str]) -> tuple[list[str], ...]:
    """The features a word gives the words two before, one before, one after and two after
    it (``-2w:…`` on the word two places after it …)."""
    near = [f"w:{folded}"]
    if stem != folded:
        near.append(f"st:{stem}")
    near += [f"lx:{c}" for c in classes]
    far = [f"w:{folded}", *(f"lx:{c}" for c in classes if c in ("title", "given"))]
    return (
        [f"-2{f}" for f in far],
        [f"-1{f}" for f in near],
        [f"1{f}" for f in near],
        [f"2{f}" for f in far],
    )


class FeatureExtractor:
    """Features of the tokens of an article, with optional membership ``sources`` (name →
    :data:`Membership`, e.g. ``{"rg": registry, "gz": gazetteer}``)."""

    def __init__(
        self,
        sources: Mapping[str, Membership] | None = None,
        *,
        known: AbstractSet[str] | None = None,
        share: FeatureExtractor | None = None,
        given: AbstractSet[str] | None = None,
    ) -> None:
        self.sources: dict[str, Membership] = dict(sources or {})
        # Given names (a data file, :func:`parse_given_names`): the rules' list without one.
        self.given: AbstractSet[str] = _GIVEN_NAMES if given is None else given
        # The attributes a trained model has weights for: the others change nothing in its
        # output, so tagging leaves them out (crfsuite would look each one up for nothing).
        self.known = known
        # A word's features depend on the word alone (and ``known``): an extractor for the
        # next training article, with its own sources, reuses those of ``share``.
        if share is not None and (share.known != known or share.given is not self.given):
            raise ValueError("an extractor can share words only with one of the same attributes")
        self._words: dict[str, _Word] = share._words if share is not None else {}

    def _keep(self, features: Iterable[str]) -> tuple[str, ...]:
        known = self.known
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
            classes = _classes(folded, stem, has_article, self.given)
            own += [f"lx:{c}" for c in classes]
            if self.known is not None and VOCABULARY + folded not in self.known:
                own.append(RARE)
        elif shape == "punct":
            own.append(f"pu:{folded}")
        keep = self._keep
        before2, before1, after1, after2 = _context(folded, stem, classes)
        eligible = _NOT_NAMES.isdisjoint(classes) and len(stem) >= 2 and folded[:1].isalpha()
        word = _Word(
            keep(own),
            folded,
            stem,
            frozenset(classes),
            has_article,
            keep(before2),
            keep(before1),
            keep(after1),
            keep(after2),
            stem if eligible else None,
            "title" in classes,
            "verb" in classes,
            "nisba" in classes,
            "given" in classes,
        )
        if len(self._words) < 200_000:  # a hostile text of random words cannot grow it forever
            self._words[token.text] = word
        return word

    def _memberships(self, text: str, tokens: Sequence[Token]) -> dict[int, list[str]]:
        """Token index → its ``source:B-kind`` / ``source:I-kind`` features (tokens in no
        source's span are left out)."""
        found: dict[int, list[str]] = {}
        if not self.sources or not tokens:
            return found
        starts = [t.start for t in tokens]
        for name, source in self.sources.items():
            for start, end, kind in source(text):
                first = bisect_left(starts, start)
                if first > 0 and tokens[first - 1].end > start:
                    first -= 1  # the span starts inside a word (after its clitics)
                prefix = "B"
                i = first
                while i < len(tokens) and tokens[i].start < end:
                    found.setdefault(i, []).append(f"{name}:{prefix}-{kind}")
                    prefix = "I"
                    i += 1
        return found

    def _document(
        self, sentences: Sequence[Sequence[_Word]], members: Mapping[int, list[str]]
    ) -> dict[str, tuple[str, ...]]:
        """Stem → what the whole article says about that word (Chieu & Ng's "global
        features"): whether it follows a title (also across a nisba: الرئيس السوري بشار) or a
        reporting verb, follows a given name (a surname: سيغموند فرويد, then فرويد alone),
        precedes a verb, ever carries ال, is in a source's span, and how often it occurs. A
        name said once after a title is then a name at every occurrence."""
        seen: dict[str, set[str]] = {}
        counts: Counter[str] = Counter()
        k = 0
        for words in sentences:
            last = len(words) - 1
            for i, word in enumerate(words):
                stem = word.document
                if stem is None or not word.own:
                    continue
                found = seen.get(stem)
                if found is None:
                    found = seen[stem] = set()
                counts[stem] += 1
                found.add("g:al" if word.article else "g:bare")
                if i > 0:
                    before = words[i - 1]
                    if before.title:
                        found.add("g:title")
                    elif before.verb:
                        found.add("g:verb")
                    elif before.nisba and i > 1 and words[i - 2].title:
                        found.add("g:title")
                    if before.given and not word.given:
                        found.add("g:given")  # فرويد after سيغموند: a surname, alone elsewhere
                if i < last and words[i + 1].verb:
                    found.add("g:verbafter")
                if members and (mine := members.get(k + i)):
                    found.update(f"g:{member}" for member in mine)
            k += len(words)
        keep = self._keep
        result: dict[str, tuple[str, ...]] = {}
        for stem, found in seen.items():
            n = counts[stem]
            extra = [f"g:n{min(n, 4)}"]
            if n > 1 and "g:al" not in found:
                extra.append("g:neveral")
            result[stem] = keep([*sorted(found), *extra])
        return result

    def sentences(self, text: str) -> list[Sentence]:
        """The article's sentences with each token's features."""
        sentences = tokenize(text)
        members = self._memberships(text, [t for s in sentences for t in s]) if self.sources else {}
        cache = self._words
        all_words = [[cache.get(t.text) or self._word(t) for t in tokens] for tokens in sentences]
        document = self._document(all_words, members)
        nothing: tuple[str, ...] = ()
        result: list[Sentence] = []
        k = 0
        keep = self._keep
        bos2, bos1, eos1, eos2 = (keep((f,)) for f in ("-2:BOS", "-1:BOS", "1:EOS", "2:EOS"))
        first, second, last = (keep((f,)) for f in ("first", "second", "last"))
        # The membership features of each token: its own, the word before's and after's.
        extras: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
        for i in sorted({j + d for j in members for d in (-1, 0, 1)}):
            parts = (
                keep(members.get(i, ())),
                keep(f"-1{m}" for m in members.get(i - 1, ())),
                keep(f"1{m}" for m in members.get(i + 1, ())),
            )
            if any(parts):
                extras[i] = parts
        # Word pairs: every one without a model, else only those the model has a weight for,
        # indexed by their first word (most words begin none).
        pairs: dict[str, dict[str, str]] | None = None
        if self.known is not None:
            pairs = {}
            for feature in self.known:
                if feature.startswith("bi:"):
                    pair = feature[3:]
                    for at, mark in enumerate(pair):  # a word may be "|" itself
                        if mark == "|":
                            pairs.setdefault(pair[:at], {})[pair[at + 1 :]] = feature
        no_pairs: dict[str, str] = {}
        bases: dict[int, tuple[str, ...]] = {}  # a word's own and article features, joined once
        for tokens, words in zip(sentences, all_words, strict=True):
            n = len(tokens)
            feats: list[tuple[str, ...]] = []
            for i, word in enumerate(words):
                base = bases.get(id(word))
                if base is None:
                    base = bases[id(word)] = word.own + document.get(word.stem, nothing)
                f = (
                    *base,
                    *(words[i - 2].before2 if i > 1 else bos2),
                    *(words[i - 1].before1 if i > 0 else bos1),
                    *(words[i + 1].after1 if i + 1 < n else eos1),
                    *(words[i + 2].after2 if i + 2 < n else eos2),
                )
                if i == 0:
                    f += first
                else:
                    previous = words[i - 1].word
                    if pairs is None:
                        f += (f"bi:{previous}|{word.word}",)
                    elif (bigram := pairs.get(previous, no_pairs).get(word.word)) is not None:
                        f += (bigram,)
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
            k += n
            result.append(Sentence(tuple(tokens), tuple(feats)))
        return result
