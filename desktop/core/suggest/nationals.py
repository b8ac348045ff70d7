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

from collections.abc import Callable
from itertools import compress

from desktop.core.suggest.names import _name_tokens
from desktop.core.suggest.tokens import _Article

__all__ = ["national_names"]

_CLITICS = ("", "و", "ف", "ب", "وب")


def _definite_adjective(word: str, is_adjective: Callable[[str], bool]) -> bool:
    for clitic in ("", "و", "ف"):
        if word.startswith(clitic + "لل") and is_adjective("ال" + word[len(clitic) + 2 :]):
            return True  # للبحريني، وللبحريني
    for clitic in _CLITICS:
        if word.startswith(clitic + "ال") and is_adjective(word[len(clitic) :]):
            return True
    return False


def national_names(
    art: _Article, taken: set[int], is_adjective: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names after a nationality (see the module)."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    maybe = ("ال" in word[:4] or "لل" in word[:3] for word in words)  # a cheap test first
    for i in compress(range(n - 2), maybe):
        j = i + 1
        if j in taken or not art.is_word(j) or not _definite_adjective(words[i], is_adjective):
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
