"""The lineage rule: persons' names read by the structure of an Arab name, without a title.

Newswire and history articles write long Arab names the model never saw and no title
precedes (``أبي زكريا يحيى بن أبي يحيى``، ``بسر بن أرطأة``، ``أبو حمزة المصري``): the
structure says they are names. :func:`lineage_names` finds

* a nasab chain: a name word, then ``بن``، ``ابن`` or ``بنت`` and another name, repeated;
* a kunya: ``أبو``، ``أبي``، ``أبا`` (``أم`` is "or" far more often) and a name after it;

each name of the chain a word that looks like a name (a given name of the rules' list, a word
the article names someone with, or a word without the shape of a verb or a common noun), a
name of ``عبد`` and a divine name (``عبد الرحمن``، ``عبدالله``) or with a compound's second
part (``نصر الله``) counting as one, and a family nisba after it (``العامري``) the name's.

The rule scores as the title rule (``RULE_SCORES["lineage"]`` in
:mod:`~desktop.core.suggest.pipeline`, with why) and a model judges its names as the title
rule's (the mean of both scores); its names are not a feature of the model. A person the
registry knows inside a longer lineage (علي in علي بن أبي طالب) does not hide it.
"""

from __future__ import annotations

from itertools import compress

from desktop.core.arabic import fold
from desktop.core.suggest.families import FAMILY_NOUN_FORMS
from desktop.core.suggest.lexicon import (
    _ABDS,
    _COMPOUND_SECONDS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _HONORIFIC_FORMS,
    _NAMED_AFTER,
    _NOT_NAMES,
    _TIME_WORDS,
    _TITLE_FORMS,
    _WALAD,
    _folded,
    _with_prefixes,
)
from desktop.core.suggest.names import (
    _clitic_word,
    _is_nisba,
    _not_a_name,
    _vouched,
)
from desktop.core.suggest.tokens import _Article

__all__ = ["DIVINE_NAMES", "lineage_names"]

# The names of God that follow عبد in a person's name (عبد الرحمن، عبد العزيز), and the few
# other words newswire writes after عبد in a name (عبد الناصر، عبد المطلب، عبد النبي).
DIVINE_NAMES = frozenset(
    fold(w)
    for w in (
        "الله", "الرحمن", "الرحيم", "الملك", "القدوس", "السلام", "المؤمن", "المهيمن",
        "العزيز", "الجبار", "المتكبر", "الخالق", "الباري", "البارئ", "المصور", "الغفار",
        "القهار", "الوهاب", "الرزاق", "الفتاح", "العليم", "القابض", "الباسط", "الخافض",
        "الرافع", "المعز", "السميع", "البصير", "الحكم", "العدل", "اللطيف", "الخبير",
        "الحليم", "العظيم", "الغفور", "الشكور", "العلي", "الكبير", "الحفيظ", "المقيت",
        "الحسيب", "الجليل", "الكريم", "الرقيب", "المجيب", "الواسع", "الحكيم", "الودود",
        "المجيد", "الباعث", "الشهيد", "الحق", "الوكيل", "القوي", "المتين", "الولي",
        "الحميد", "المحصي", "المبدئ", "المعيد", "المحيي", "الحي", "القيوم", "الواجد",
        "الماجد", "الواحد", "الأحد", "الصمد", "القادر", "المقتدر", "المقدم", "المؤخر",
        "الأول", "الآخر", "الظاهر", "الباطن", "الوالي", "المتعالي", "البر", "التواب",
        "المنتقم", "العفو", "الرؤوف", "المالك", "الغني", "المغني", "المانع", "النافع",
        "النور", "الهادي", "البديع", "الباقي", "الوارث", "الرشيد", "الصبور", "المنعم",
        "المعطي", "الإله", "المولى", "الناصر", "النصير", "الستار", "الرازق", "المحسن",
        "القادر", "الخالق", "المطلب", "النبي", "الرسول", "الأمير", "الحسين", "الزهراء",
        "الحميد", "المجيد", "الإله", "الرب", "الرحمان",
    )
)  # fmt: skip
_ABD = fold("عبد")
_ONE_WORD_ABD = frozenset(_ABD + name for name in DIVINE_NAMES)  # عبدالله، عبدالرحمن
# The son / daughter of: they join two names and begin none. ولد is the son of in a
# Mauritanian name (محمد لمين ولد سلامة ولد النفاع); as a verb (was born) it is followed by
# no name (ولد في، ولد عام).
_LINKS = _folded("بن", "ابن", "بنت") | {_WALAD}
_BIN = fold("بن")
# A kunya's first word, with the proclitics it is written with (وأبو، لأبي، بأبي).
_KUNYA = _with_prefixes(
    _folded("أبو", "أبي", "أبا"), ("", "و", "ل", "ب", "ول", "وب")
)  # (not ف: فأبى is "and he refused", أبى folded as أبي)
_MAX_CHAIN = 6  # names in one chain (أبي زكريا يحيى بن أبي يحيى: 3)


def _name_word(art: _Article, j: int, *, linked: bool = False) -> bool:
    """Whether token ``j`` may be one name of a chain: a word, not a title, a stop or a
    listed non-name, without the shape of a verb or a common noun unless vouched for
    (``linked``: after بن or a kunya, a plural noun's shape is a name's too — أرطأة)."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    if len(word) < 2 or word in _NOT_NAMES or word in _TITLE_FORMS or word in _HONORIFIC_FORMS:
        return False
    if word in _LINKS or word in _KUNYA or word == _ABD:
        return False
    if word in _NAMED_AFTER or word in FAMILY_NOUN_FORMS:
        return False  # جامعة بن غوريون، عائلة بن لادن: the body's or the family's noun
    if _vouched(art, word) or word in _ONE_WORD_ABD:
        return True
    if linked:
        # after بن or a kunya a verb's form is a name (أبي طالب، بن سعد); not a function word
        if word in _FUNCTION_WORDS or word in _TIME_WORDS or word.isdigit():
            return False
    elif art.is_stop(j):
        return False
    if art.article_stem(j) is not None:
        return False
    if _clitic_word(art, j, after_given=True):
        return False
    return not _not_a_name(art, j, inside=True, accusative=True, nouns=not linked)


def _piece(art: _Article, j: int, *, linked: bool = False) -> int | None:
    """The last token of one name of a chain starting at ``j`` (a kunya and its name, عبد
    and a divine name, a name and a compound's second part), or None."""
    words = art.words
    n = len(words)
    if j >= n:
        return None
    word = words[j]
    if word in _KUNYA:
        # أبو مازن، أبي زكريا; and a definite name after it (أبو الحسن، أبي العباس)
        if j + 1 < n and _definite_name(art, j + 1):
            return j + 1
        if j + 1 < n and words[j + 1] in _KUNYA:
            return None  # أبو أبو …: no name (and no recursion down a run of them)
        return _piece(art, j + 1, linked=True)
    if word in _ABDS:  # (وعبد: the first name of a chain, وعبد الرحمان ولد …)
        if j + 1 < n and words[j + 1] in DIVINE_NAMES:
            return j + 1
        return None
    if not _name_word(art, j, linked=linked):
        return None
    if j + 1 < n and words[j + 1] in _COMPOUND_SECONDS:
        return j + 1  # نصر الله، سيف الدين
    return j


def _clitic_name(art: _Article, j: int) -> bool:
    """A given name with و، ل، ب or ف in front (لأسامة بن لادن، وعلي بن …)."""
    word = art.words[j]
    return len(word) > 3 and word[0] in "ولبف" and _vouched(art, word[1:])


def _given_before(art: _Article, j: int) -> bool:
    """A given name, with و or without (ومحمد لمين ولد …)."""
    word = art.words[j]
    return art.is_word(j) and (
        word in _GIVEN_NAMES or (len(word) > 3 and word[0] == "و" and word[1:] in _GIVEN_NAMES)
    )


def _definite_name(art: _Article, j: int) -> bool:
    """A definite word after a kunya (أبو الحسن، أبو الغيط): a word, no stop, no title, not in
    ة — an abstract noun, a nickname's (أبي النسبية, "the father of relativity")."""
    if not art.is_word(j) or art.article_stem(j) is None or art.words[j][:2] != "ال":
        return False
    if art.in_ta(j):
        return False
    word = art.words[j]
    return not (art.is_stop(j) or word in _NOT_NAMES or word in _TITLE_FORMS)


def _nisba_at(art: _Article, j: int) -> bool:
    """A definite nisba right after a chain (العامري، الأنصاري): the family's."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    stem = art.article_stem(j)
    return (
        stem is not None
        and word[:2] == "ال"
        and _is_nisba(stem)
        and len(stem) >= 4
        and not art.is_stop(j)
        and word not in _NOT_NAMES
    )


def lineage_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names a nasab chain or a kunya makes (see the
    module), none overlapping ``taken`` (the other rules' tokens)."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    after = 0
    # Only a kunya or a link can make one (found in C: a test per word in Python would be
    # 100,000 of them on a 1 MB article).
    anchors = _KUNYA | _LINKS
    for i in compress(range(n), map(anchors.__contains__, words)):
        if i < after:
            continue
        word = words[i]
        if word in _LINKS:
            # X بن Y: the chain starts at the name before the link
            if i == 0:
                continue
            first = i - 1
            if first > 0 and (
                words[first] in _COMPOUND_SECONDS  # نصر الله بن …
                or (words[first - 1] in _ABDS and words[first] in DIVINE_NAMES)  # عبد الله بن …
            ):
                first -= 1
            if first > 0 and words[first - 1] in _KUNYA:
                first -= 1
            if first < after:
                continue
            end = _piece(art, first)
            if end != i - 1:
                if first != i - 1 or not _clitic_name(art, first):
                    continue
                end = first
            if word == _WALAD and first > after and _given_before(art, first - 1):
                first -= 1  # ومحمد | لمين ولد سلامة: a Mauritanian ism of two words
        else:
            first = i
            piece = _piece(art, i)
            if piece is None:
                continue
            end = piece
            # أبو بكر محمد بن …، أبو جميل زيان: the kunya, then the person's own name
            # (a word vouched for as a name, or one a nasab follows; not كثير in أبو طالب كثير)
            ism = _piece(art, end + 1) if end + 1 < n else None
            if (
                ism is not None
                and words[end + 1] not in _KUNYA
                and art.article_stem(end + 1) is None
                and (_vouched(art, words[end + 1]) or (ism + 1 < n and words[ism + 1] in _LINKS))
            ):
                end = ism
        names = 1
        linked = word in _KUNYA
        j = end + 1
        walad = 0  # ولد links: one alone is "was born" as often (علي ولد الحسن)
        while names < _MAX_CHAIN and j + 1 < n and words[j] in _LINKS:
            walad += words[j] == _WALAD
            nxt = _piece(art, j + 1, linked=True)
            if nxt is None:
                if words[j] in (_BIN, _WALAD) and _definite_name(art, j + 1):
                    # عمر بن الخطاب، خالد بن الوليد: a definite name ends the chain
                    end = j + 1
                    names += 1
                    linked = True
                    j = end + 1
                break
            if (
                words[j] == _WALAD
                and nxt + 2 < n
                and words[nxt + 2] == _WALAD
                and _piece(art, nxt + 1, linked=True) == nxt + 1
            ):
                nxt += 1  # ولد محمد حمودي ولد داف: a name of two words between the links
            end = nxt
            names += 1
            linked = True
            j = end + 1
        if names == _MAX_CHAIN and j + 1 < n and words[j] in _LINKS:
            # Longer than a name: a genealogy, or a run made to look like one. Its tail was
            # offered as a second person (مالك بن نوفل of a chain of seven): none of it is.
            while j + 1 < n and words[j] in _LINKS:
                nxt = _piece(art, j + 1, linked=True)
                if nxt is None:
                    break
                end = nxt
                j = end + 1
            after = end + 1
            continue
        if not linked or walad == 1:
            continue  # (one ولد: the title and occupation rules read محمد ولد الغزواني)
        for _ in range(2):  # الهاشمي القرشي
            if _nisba_at(art, end + 1):
                end += 1
        if any(t in taken for t in range(first, end + 1)):
            after = end + 1
            continue
        found.append((first, end))
        after = end + 1
    return found
