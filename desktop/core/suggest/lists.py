"""Persons' names in a list: a team sheet, a cast, a delegation (the ``list`` rule).

Why: newswire lists persons one after the other, joined by و and nothing else — ``وائل زنجا
ومحمد عبدالمنصف ووائل القباني وطارق السيد`` —, and no other rule reads them: the given names'
rule only knows a given name written alone (not ومحمد), no title stands before each, and the
model, trained on a few articles, hardly ever saw a squad. In the development corpus's
training articles such lists were missed whole.

What counts: three names or more in a row, the first beginning with a given name (with و or
without), each next one with و and a given name (``ومحمد``، ``وعلاء``), each a given name and
one to three more words with the look of a name (:func:`_list_word`: no stop word, no verb's
or common noun's shape; a word in -ا is a name's, زنجا); a family's nisba ends one (``وهاني
العجيزي``), and so does a definite word right before the next name (``وطارق السيد``); a
particle or a compound's second part goes on (``والمعتز بالله``, ``أبو جبل``).
A given name with nothing after it ends the list: ``ومحمد وعلي`` could be anything. Each name
is offered whole, with its و (as the analyst tags the written word), scored as the title
rule's; names the other rules found (``taken``) are left to them and break the list there.
"""

from __future__ import annotations

from itertools import compress

from desktop.core.suggest.lexicon import (
    _COMPOUND_SECONDS,
    _GIVEN_NAMES,
    _NAME_PARTICLES,
    _NOT_NAMES,
)
from desktop.core.suggest.names import (
    _AMBIGUOUS_GIVEN,
    _clitic_word,
    _is_nisba,
    _not_a_name,
)
from desktop.core.suggest.tokens import _Article

__all__ = ["list_names"]

LEAST = 3  # names in a row before any is offered
_MOST_WORDS = 4  # words in one name of a list (وحازم أمام وليد عبداللطيف)
_AND = "و"


# The given names a list's name begins with, alone and with و (a list's first name, the next
# ones): looked up in C over a long article's words (a test per word in Python was a quarter
# of this rule's time on a 1 MB article).
_PLAIN = _GIVEN_NAMES - _AMBIGUOUS_GIVEN
_JOINED = frozenset(_AND + word for word in _PLAIN if len(word) >= 2)
_STARTS = _PLAIN | _JOINED


def _given_at(art: _Article, j: int, *, joined: bool) -> bool:
    """Whether token ``j`` is a given name (``joined``: written with و before it)."""
    return art.words[j] in (_JOINED if joined else _PLAIN)


def _list_word(art: _Article, j: int) -> bool:
    """Whether token ``j`` may be a word of a name in a list: a word, no stop word, no
    listed non-name, no preposition or conjunction before a word, no verb's or common noun's
    shape — but a word in -ا is a name's here (زنجا): no adverb stands inside a list."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    if len(word) < 2 or word.isascii() or word in _NOT_NAMES or art.is_stop(j):
        return False
    if _clitic_word(art, j, after_given=True):
        return False
    return not _not_a_name(art, j, inside=True, accusative=False)


def _item_ends(art: _Article, j: int) -> bool:
    """Whether a name of a list ends before token ``j``: the next name (و and a given name),
    a mark, or the text's end."""
    return j >= len(art.words) or not art.is_word(j) or _given_at(art, j, joined=True)


def _name_end(art: _Article, first: int, taken: set[int]) -> int:
    """The last token of the name a given name at ``first`` begins in a list (``first``
    itself when no word follows that may belong to it)."""
    n = len(art.words)
    last = first
    j = first + 1
    while j < n and j - first < _MOST_WORDS and j not in taken:
        word = art.words[j]
        if _given_at(art, j, joined=True):
            break  # the next name of the list
        if word in _NAME_PARTICLES or word in _COMPOUND_SECONDS:
            j += 1  # أبو جبل، المعتز بالله: the name goes on
            continue
        stem = art.article_stem(j)
        if stem is not None:
            if _is_nisba(stem) or (_list_word(art, j) and _item_ends(art, j + 1)):
                last = j  # a definite word ends it: هاني العجيزي، وطارق السيد
            break
        if not _list_word(art, j):
            break
        last = j
        j += 1
    while last > first and art.words[last] in _NAME_PARTICLES:
        last -= 1
    return last


def list_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names of a list of :data:`LEAST` or more."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    listed = 0  # the tokens before it are a list's
    for i in compress(range(n), map(_STARTS.__contains__, words)):  # (in C)
        if i < listed or i in taken:
            continue
        chain: list[tuple[int, int]] = []
        j = i
        while j < n and j not in taken:
            last = _name_end(art, j, taken)
            if last == j:
                break  # a given name alone: the list ends before it
            chain.append((j, last))
            j = last + 1
            if j >= n or not _given_at(art, j, joined=True):
                break
            if "\n" in art.norm.text[art.ends[last] : art.starts[j]]:
                break  # a list is written in one paragraph
        if len(chain) >= LEAST:
            found.extend(chain)
            listed = chain[-1][1] + 1
    return found
