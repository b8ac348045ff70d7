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


def _given_at(art: _Article, j: int, *, joined: bool) -> bool:
    """Whether token ``j`` is a given name (``joined``: written with و before it)."""
    word = art.words[j]
    if joined:
        if len(word) < 3 or word[0] != _AND:
            return False
        word = word[1:]
    return word in _GIVEN_NAMES and word not in _AMBIGUOUS_GIVEN


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
    i = 0
    while i < n:
        if i in taken or not (_given_at(art, i, joined=False) or _given_at(art, i, joined=True)):
            i += 1
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
            i = chain[-1][1] + 1
        else:
            i += 1
    return found
