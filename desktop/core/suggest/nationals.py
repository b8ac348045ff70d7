"""A person's name after a nationality used as a noun (the ``national`` rule): ``تغلبه على
البلجيكي كزافييه ماليس``، ``وسجل الفرنسي لودوفيك جيولي``، ``الكيني نديوا ريمي ليمو``.

Why: sports and world news name a player, a runner or a minister by nationality alone — the
nisba stands for "the Belgian" —, with no title or occupation before the name, and those
names, foreign and new, are the model's weakest (on the development corpus's evaluation
articles 15 such names were missed at k = 30).

What counts: a definite adjective of a country the gazetteer knows (:meth:`Gazetteer.is_adjective
<desktop.core.suggest.gazetteer.Gazetteer.is_adjective>`, with و، ف، ب or ل before it), then a
name of two words or more that the title rule would read there (:func:`~desktop.core.suggest.
names._name_tokens`): one word alone is as often a club or a team (``الإسباني برشلونة``). Names
other rules found (``taken``) are left to them, and so is a nisba inside a longer phrase (``مدرب
المنتخب المصري حسن شحاتة`` is read by the other rules as it is).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress

from desktop.core.suggest.names import _name_tokens
from desktop.core.suggest.tokens import _Article

__all__ = ["definite_forms", "national_names"]

_CLITICS = ("", "و", "ف", "ب", "وب")


def definite_forms(adjectives: Iterable[str]) -> frozenset[str]:
    """Every written form of the definite adjectives among ``adjectives`` (folded) with the
    proclitics a name's nationality takes: البحريني، والبحريني، للبحريني، وللبحريني … — made
    once for a gazetteer, so an article's words are looked up in C (a test per word in Python
    was a sixth of the rules' time on a 1 MB article)."""
    forms: set[str] = set()
    for adjective in adjectives:
        if not adjective.startswith("ال") or " " in adjective:
            continue
        forms.update(clitic + adjective for clitic in _CLITICS)
        forms.update(clitic + "لل" + adjective[2:] for clitic in ("", "و", "ف"))
    return frozenset(forms)


def national_names(
    art: _Article, taken: set[int], adjectives: frozenset[str]
) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names after a nationality (see the module);
    ``adjectives``: the written forms :func:`definite_forms` makes."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    for i in compress(range(n - 2), map(adjectives.__contains__, words)):  # (in C)
        j = i + 1
        if j in taken or not art.is_word(j):
            continue
        if art.in_ta(i) or (i > 0 and art.article_stem(i - 1) is not None):
            continue  # الشرطة البريطانية، الجيش الإسرائيلي: an adjective of the noun before
        name = _name_tokens(art, j)
        if name is None or name[0] != j or name[1] == j:
            continue
        if any(k in taken for k in range(j, name[1] + 1)):
            continue
        found.append(name)
    return found
