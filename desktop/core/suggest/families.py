"""A family's or a dynasty's name (the ``family`` rule): ``أسرة برلسكوني``، ``عائلة الحريري``،
``آل القباني``، ``أسرة مينغ``، ``أسرتي سونغ ويوان``.

Why: newswire names a family by the person's name it bears, and the analyst tags that name as
the person's (the development corpus's training articles tag برلسكوني after أسرة each time;
its other articles the Chinese dynasties after أسرة and the clans after عشيرة). No title
stands before it, the word is often one the model never saw, and a lone surname after a
common noun is no name the other rules take.

What counts: ``أسرة``، ``أسرتي`` (two families)، ``عائلة``، ``عشيرة`` or ``آل`` (with و، ل، ب
or ف before it), then a word with the look of a name — not in ة (``أسرة كبيرة``، ``عائلة
ثرية``), no stop word, title or common noun's or verb's shape, no pronoun suffix (``عائلة
مالكها``); a definite word only as a family's nisba (``الحريري``، not ``الزعيم``). A given name
there begins a person's name, read as after a title (``أسرة نزار قباني``). After ``أسرتي`` a
second family joined by و is offered too, with its و as written. ``آل`` inside a person's name
(``حمد بن عيسى آل خليفة``) is the other rules': names they found (``taken``) are left to them.
``قبيلة`` (a tribe) is not read: the analyst tags tribes as places or bodies as often.
"""

from __future__ import annotations

from itertools import compress

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _COMPOUND_SECONDS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _NAME_PARTICLES,
    _NOT_NAMES,
    _OCCUPATION_FORMS,
    _TITLE_FORMS,
    _folded,
)
from desktop.core.suggest.names import (
    _clitic_word,
    _is_nisba,
    _name_tokens,
    _not_a_name,
    _raw_word,
    _vouched,
)
from desktop.core.suggest.tokens import _Article

__all__ = ["FAMILY_NOUNS", "FAMILY_NOUN_FORMS", "family_names"]

FAMILY_NOUNS = _folded("أسرة", "أسرتي", "عائلة", "عشيرة", "آل")
_TWO = fold("أسرتي")  # the dual: two families (أسرتي سونغ ويوان)
_FORMS = {p + w: w for w in FAMILY_NOUNS for p in ("", "و", "ل", "ب", "ف")}
FAMILY_NOUN_FORMS = frozenset(_FORMS)
# What a family is written of that is no family's name: the dead, the victims, the wronged,
# the owners of a house (أسرة شهيد، عائلة الجاني، آل بيت).
_NOT_FAMILIES = _folded(
    "شهيد", "قتيل", "معتقل", "مفقود", "فقيد", "أسير", "سجين", "مريض", "ضحية", "لاجئ",
    "مهاجر", "فقير", "كريم", "كبير", "صغير", "بيت", "البيت", "الجاني", "المجني",
    "الضحية", "القتيل", "الشهيد", "الفقيد", "الراحل", "المرحوم", "الأسير", "السجين",
    "المعتقل", "المفقود", "المريض", "الطفل", "الفتاة", "الشاب", "الرجل", "المرأة",
    "الزوج", "الزوجة", "الملك", "الأمير", "الرئيس", "الشيخ", "النبي", "الرسول",
)  # fmt: skip
_AND = "و"
_AL = fold("آل")
_BIN = _folded("بن", "ابن")
_WRITTEN_AL = "آل"


def _family_word(art: _Article, j: int) -> bool:
    """Whether token ``j`` may be a family's name (see the module)."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    if len(word) < 2 or word.isascii() or word in _NOT_NAMES or word in _TITLE_FORMS:
        return False
    if art.is_stop(j) or art.in_ta(j) or word in _FORMS or word in _NAME_PARTICLES:
        return False
    stem = art.article_stem(j)
    if stem is not None:
        # a family's nisba (الحريري، القباني); not a noun of a role or a state (المتوفى،
        # الجاني، المحامي، المستشفى): those of the lists, and the participles' م
        return (
            word[:2] == "ال"
            and _is_nisba(stem)
            and len(stem) >= 4
            and stem[0] != "م"
            and word not in _NOT_FAMILIES
            and word not in _OCCUPATION_FORMS
        )
    if word in _NOT_FAMILIES or (len(word) >= 5 and word.endswith(("ين", "ون"))):
        return False  # أسرة شهيد، أسرة لاجئين: a family of someone, not a family's name
    if _vouched(art, word):
        return True
    if _clitic_word(art, j, after_given=True):
        return False
    return not _not_a_name(art, j, inside=True, accusative=True)


def family_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the families' names (see the module)."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    for i in compress(range(n), map(_FORMS.__contains__, words)):  # (in C)
        j = i + 1
        if i in taken or j >= n or j in taken:
            continue
        if words[j] in _NAME_PARTICLES:
            # عائلة أبو خضير، عائلة بن لادن: a name a particle begins, whole or not at all
            name = _name_tokens(art, j)
            if name is None and words[j] in _BIN and _family_word(art, j + 1):
                name = (j, j + 1)  # بن لادن: بن begins a name the article has not learnt
            if (
                name is not None
                and name[0] == j
                and name[1] > j
                and not any(k in taken for k in range(j, name[1] + 1))
            ):
                found.append(name)
            continue
        if not _family_word(art, j):
            continue
        if _FORMS[words[i]] == _AL:
            if not _raw_word(art, i).endswith(_WRITTEN_AL):
                continue  # إل جي (LG)، على بال (mind): آل is written with its madda
            if i > 0 and (
                i - 1 in taken
                or _vouched(art, words[i - 1])
                or (i > 1 and words[i - 2] in _NAME_PARTICLES)
            ):
                continue  # … بن زايد آل نهيان: a part of a person's name (not كنية آل …)
        last = j
        if words[j] in _GIVEN_NAMES or (j + 1 < n and words[j + 1] in _COMPOUND_SECONDS):
            # أسرة نزار قباني: a person's name; أسرة سيف الدين …: a compound name
            name = _name_tokens(art, j)
            if name is not None and name[0] == j:
                last = name[1]
            while last > j and len(words[last]) >= 4 and words[last].endswith("ا"):
                last -= 1  # آل سعود | بيانا: an accusative noun after a given name
        if any(k in taken for k in range(j, last + 1)):
            continue
        found.append((j, last))
        second = last + 1
        if _FORMS[words[i]] == _TWO and second < n and second not in taken:
            rest = words[second][1:]
            if (
                words[second][0] == _AND
                and len(rest) >= 2
                and rest.isalpha()
                and rest not in _FUNCTION_WORDS
                and rest not in _NOT_NAMES
                and not rest.startswith("ال")
                and not art.in_ta(second)
            ):
                found.append((second, second))  # أسرتي سونغ | ويوان
    return found
