"""Rule 1 of the suggestions: person names after (or before) a title.

:func:`_title_names` finds every title (:data:`~desktop.core.suggest.lexicon._TITLE_FORMS`),
skips its modifiers (:func:`_name_after_title`: definite adjectives, construct nouns and their
complements, linking prepositions) and takes the 1–3 name tokens that follow
(:func:`_name_tokens`), or a name in quotation marks right after or right before the title
(:func:`_quoted_name`, :func:`_quoted_name_before`). :func:`_learn` records the names' words
and surnames on the article, so a second pass ends names at surnames used alone.
"""

from __future__ import annotations

from bisect import bisect_right

from desktop.core.suggest.lexicon import (
    _CONSTRUCT_FORMS,
    _CONSTRUCT_TITLES,
    _FUNCTION_WORDS,
    _LINK_PREPOSITIONS,
    _NAME_PARTICLES,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
)
from desktop.core.suggest.tokens import _QUOTE_CHARS, _Article

_MAX_NAME = 3
_MAX_SKIP = 14


def _name_after_title(art: _Article, title: int) -> tuple[int, int] | None:
    """Token range [first, last] of the name that follows the title at token ``title``."""
    words = art.words
    n = len(words)
    bare = _TITLE_FORMS[words[title]]
    need_complement = bare in _CONSTRUCT_TITLES
    j = title + 1
    skipped = 0
    while j < n and skipped <= _MAX_SKIP:
        word = words[j]
        if not art.is_word(j):
            if word in "()":
                j += 1
                continue
            if word in _QUOTE_CHARS:
                return _quoted_name(art, j)
            return None
        if word in _TIME_WORDS or (word in _FUNCTION_WORDS and word not in _LINK_PREPOSITIONS):
            return None
        if word.isdigit() or word in _VERB_WORDS:
            return None
        stem = art.article_stem(j)
        skipped += 1
        if word in _LINK_PREPOSITIONS:
            need_complement = True
            j += 1
            continue
        if stem is not None:
            if word[0] in "وف" and word in _TITLE_FORMS:
                return None  # والرئيس …: a second title, not a modifier of this one
            need_complement = False
            j += 1
            continue
        if word in _CONSTRUCT_FORMS or (word in _TITLE_FORMS and word[0] not in "وف"):
            need_complement = True
            j += 1
            continue
        if need_complement and word[0] not in "وف":
            need_complement = False
            j += 1
            continue
        break
    else:
        return None
    if j >= n:
        return None
    return _name_tokens(art, j)


def _name_tokens(art: _Article, first: int) -> tuple[int, int] | None:
    """The 1–3 name tokens starting at ``first``, or None if ``first`` cannot start a name.

    A definite word is a name token only as the surname right after one first name
    (``بشار الأسد``, ``مصطفى الكاظمي``) or after a particle (``عبد الفتاح``). After the
    first token, a word in ة (``محاولة``), a lone letter (``لـ``) or a conjunction ends the
    name, and so does a surname the article uses on its own elsewhere (``لافروف``).
    """
    words = art.words
    n = len(words)
    taken: list[int] = []
    counted = 0
    j = first
    while j < n:
        word = words[j]
        if not art.is_word(j):
            if word in "()" and taken and art.is_word(j + 1):
                j += 1
                continue
            break
        if word in _TITLE_FORMS or art.is_stop(j) or len(word) == 1:
            break
        after_particle = bool(taken) and words[taken[-1]] in _NAME_PARTICLES
        if taken and not after_particle and ((word[0] in "وف" and len(word) > 2) or art.in_ta(j)):
            break
        stem = art.article_stem(j)
        if stem is not None:
            if word[:2] != "ال" or not (counted == 1 or after_particle):
                break
            taken.append(j)
            counted += 1
            if not after_particle:
                break
            j += 1
            continue
        taken.append(j)
        if word not in _NAME_PARTICLES:
            counted += 1
        if counted >= _MAX_NAME:
            break
        if counted >= 2 and (word in art.surnames or art.count(word) > 1):
            break  # the surname: people are named by it alone elsewhere in the article
        j += 1
    while taken and words[taken[-1]] in _NAME_PARTICLES:
        taken.pop()
    if not taken:
        return None
    if len(taken) == 1 and art.in_ta(taken[0]):
        return None  # one word in ة after a title is a noun far more often than a name
    return taken[0], taken[-1]


def _quoted_name(art: _Article, open_mark: int) -> tuple[int, int] | None:
    """A name written in quotation marks (“مايك بومبيو”): 1–4 words up to the closing mark."""
    span = art.quote_at(open_mark)
    if span is None:
        return None
    first = open_mark + 1
    last = art.token_at(span[1]) - 1
    if last < first or last - first >= 4:
        return None
    if not all(art.is_word(i) and not art.is_stop(i) for i in range(first, last + 1)):
        return None
    return first, last


def _is_nisba(stem: str) -> bool:
    return stem.endswith(("ي", "يه", "يون", "يين", "يان"))


def _quoted_name_before(art: _Article, title: int) -> tuple[int, int] | None:
    """“جيمس جيفري” المبعوث …: a quoted name right before a title."""
    close = title - 1
    if close < 1 or art.words[close] not in _QUOTE_CHARS:
        return None
    k = bisect_right(art.quote_starts, art.starts[close]) - 1
    if k < 0 or art.quotes[k][1] != art.starts[close]:
        return None
    return _quoted_name(art, art.token_at(art.quotes[k][0]))


def _title_names(art: _Article) -> list[tuple[int, int, int]]:
    """(first, last, title) token triples of every name found after (or before) a title."""
    found: dict[tuple[int, int], int] = {}
    words = art.words
    for i, word in enumerate(words):
        if word not in _TITLE_FORMS:
            continue
        before = _quoted_name_before(art, i)
        if before is not None:
            found.setdefault(before, i)
        name = _name_after_title(art, i)
        if name is None:
            continue
        found.setdefault(name, i)
        # وزيرا الخارجية الأميركي جون كيري والروسي سيرغي لافروف: a second nisba, a second name
        nxt = name[1] + 1
        if nxt < len(words) and words[nxt][:1] in "وف":
            stem = art.article_stem(nxt)
            if stem is not None and _is_nisba(stem):
                second = _name_tokens(art, nxt + 1)
                if second is not None:
                    found.setdefault(second, i)
    return [(a, b, t) for (a, b), t in sorted(found.items())]


def _learn(art: _Article, names: list[tuple[int, int, int]]) -> None:
    for first, last, _ in names:
        tokens = [art.words[i] for i in range(first, last + 1) if art.is_word(i)]
        art.learnt.update(t for t in tokens if t not in _NAME_PARTICLES)
        if len(tokens) > 1:
            art.surnames.add(tokens[-1])
