"""Persons' names in a work's credits (the ``credits`` rule): ``تأليف علي عبد القوي وإخراج
خيري بشارة``، ``بطولة يحيى الفخراني ونور الشريف``، ``تصوير: طالب الحسيني``.

Why: the arts pages credit a work's authors, directors, cast and photographers with a verbal
noun in construct with the name — indefinite, so the occupation rule (الكاتب، المخرج) does not
read it, and without a title. The model, trained on newswire, read the verbal noun itself as a
one-word name (``تأليف``, six times in one article of the development corpus) and left the
names after it.

What counts: a credit noun (:data:`CREDITS`, with و or ف before it; a second one joined by و
read as one, ``سيناريو وحوار``), an optional colon, then one to three words with the look of a
name (a given name, or a word with no stop word's, verb's, pronoun suffix's or listed
adjective's look: ``إخراج مشترك`` is none). A noun with another sense as common (``بطولة`` a
championship, ``سيناريو`` a scenario, ``بقلم`` with a pen) and those that are verbal nouns of
anything (:data:`BEFORE_COLON`: ``تصوير``، ``تقديم``، ``كلمات`` …) credit only before a colon
or a given name. ``علي`` right after the noun is the given name: ``على`` (on) is never in
construct with a credit noun. More names joined by و and a given name after the first (a
cast) are read as the list rule reads them. Names other rules found (``taken``) are left to
them.
"""

from __future__ import annotations

from itertools import compress

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _COMPOUND_SECONDS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _NAME_PARTICLES,
    _NAMED_AFTER,
    _NOT_NAMES,
    _TIME_WORDS,
    _TITLE_FORMS,
    _WORK_NOUNS,
    _folded,
    _with_prefixes,
)
from desktop.core.suggest.lists import _given_at, _name_end
from desktop.core.suggest.names import _clitic_word, _name_tokens, _not_a_name, _raw_word
from desktop.core.suggest.tokens import _Article

__all__ = ["CALLED", "CREDITS", "CREDIT_FORMS", "called_names", "credit_names"]

CREDITS = _folded("تأليف", "إخراج", "بطولة", "سيناريو", "ألحان", "تلحين", "بقلم", "غناء", "عدسة")
# Credit nouns that are more often a verbal noun of anything (تقديم خدمات، إنتاج مشترك،
# حوار دائم, all wrong names on the development corpus): a credit only before a colon
# (تصوير: طالب الحسيني).
BEFORE_COLON = _folded("تصوير", "إعداد", "تقديم", "حوار", "رسوم", "إنتاج", "كلمات", "ترجمة")
CREDIT_FORMS = _with_prefixes(CREDITS, ("", "و", "ف"))
# Credit nouns with another sense as common (بطولة: a championship; سيناريو: a scenario; بقلم:
# with a pen; غناء، ألحان، تلحين: singing, tunes): a credit when a given name follows
# (بطولة يحيى الفخراني، بقلم سمير عطا الله) or a colon.
_NEEDS_GIVEN = _with_prefixes(
    _folded("بطولة", "سيناريو", "بقلم", "غناء", "ألحان", "تلحين"), ("", "و", "ف")
)
_COLON_FORMS = _with_prefixes(BEFORE_COLON, ("", "و", "ف"))
# Adjectives after a credit noun (إخراج مشترك، تأليف جماعي): no name's first word. (A list,
# not the adjectives' patterns: خيري، فتحي، طالب، عادل begin credited names.)
_CREDIT_ADJECTIVES = _folded(
    "مشترك", "مشتركة", "جماعي", "فردي", "ذاتي", "جديد", "جيد", "رائع", "متميز", "متقن",
    "مبدع", "مميز", "محترف", "ضعيف", "قوي", "أول", "ثان", "آخر", "أصلي", "عربي", "أجنبي",
    "محلي", "دولي", "موسيقي", "مسرحي", "سينمائي", "تلفزيوني",
)  # fmt: skip
_SAYYID = fold("السيد")  # a title, and a common surname (إخراج عصام السيد)
_ALI = "علي"  # as written: the given name; على (on) folds the same
_COLON = ":"
_MOST_NAMES = 12  # names of one cast
_MAX_WORDS = 3  # words of one name, particles aside


def _word_of_name(art: _Article, j: int, *, first: bool) -> bool:
    """Whether token ``j`` may be a word of a credited name: a word of letters, no stop word,
    title or listed non-name, no proclitic (the next credit, وإخراج), no verb's shape, pronoun
    suffix or tanween. A word in ة may be (خيري بشارة، عبلة كامل): no common noun follows a
    credit noun's name but the next credit."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    if len(word) < 2 or word.isascii() or word in _NOT_NAMES or word in _TITLE_FORMS:
        return False
    if word.startswith("لل") or (word[0] == "ل" and art.article_stem(j) is not None):
        return False  # خالد يوسف | للعمل: a preposition and a noun after the name
    if word in CREDIT_FORMS or word in _COLON_FORMS or word in _WORK_NOUNS or word in _NAMED_AFTER:
        return False  # وإخراج: the next credit; تصوير فيلم: a work
    # no verb stands in construct with a credit noun: a verb's word first is a name (طالب)
    if art.is_stop(j) if not first else (word in _FUNCTION_WORDS or word in _TIME_WORDS):
        return _raw_word(art, j) == _ALI  # علي عبد القوي; but على (on) ends it
    # (ل and a vowel letter before a verb's shape begin a name there: تأليف لينين الرملي)
    lam_name = word[0] == "ل" and len(word) > 3 and word[1] in "اوي"
    if word.isdigit() or _clitic_word(art, j, after_given=not first or lam_name):
        return False
    if first and word in _CREDIT_ADJECTIVES:
        return False  # إخراج مشترك، تأليف جماعي: an adjective of the credit, not a name
    return not _not_a_name(art, j, inside=not first, accusative=False)


def _ends_there(art: _Article, k: int) -> bool:
    """Whether a name ends before token ``k``: punctuation, the text's end, or the next
    credit (وإخراج)."""
    return k >= len(art.words) or not art.is_word(k) or art.words[k] in CREDIT_FORMS


def _credited(art: _Article, j: int) -> tuple[int, int] | None:
    """The name at token ``j`` right after a credit noun: a given name or a word with the
    look of a name, then up to two more such words or particles; a definite word is the
    surname and ends it (طالب الحسيني). A word alone is a name only when it is a given name
    (بطولة يسرا) or the title rule would take it alone."""
    n = len(art.words)
    if j >= n or art.article_stem(j) is not None or not _word_of_name(art, j, first=True):
        return None
    last, counted = j, 1
    k = j + 1
    while k < n and counted < _MAX_WORDS:
        word = art.words[k]
        if word in _COMPOUND_SECONDS:
            last = k  # نصر الله، عطا الله، بهاء الدين
            k += 1
            continue
        if word in _NAME_PARTICLES:
            k += 1  # عبد القوي، أبو العلا
            continue
        if art.article_stem(k) is not None:
            if art.in_ta(k) and art.words[k - 1] not in _NAME_PARTICLES:
                break  # بطولة خليفة | الدولية: an adjective in ة, not a surname
            if (
                _word_of_name(art, k, first=False)
                or art.words[k - 1] in _NAME_PARTICLES
                or (art.words[k] == _SAYYID and _ends_there(art, k + 1))
            ):
                last = k  # (عصام السيد: the title is a surname at a name's end)
            break
        if not _word_of_name(art, k, first=False) or (counted >= 2 and art.in_ta(k)):
            break  # شيرين عادل | مرتدية: a third word in ة is the sentence going on
        last, counted = k, counted + 1
        k += 1
    while last > j and art.words[last] in _NAME_PARTICLES:
        last -= 1
    if last == j:
        alone = art.words[j] in _GIVEN_NAMES or _name_tokens(art, j) == (j, j)
        return (j, j) if alone and _raw_word(art, j) != _ALI else None
    return j, last


def credit_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names a work's credits give."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    credits = CREDIT_FORMS | _COLON_FORMS
    for i in compress(range(n), map(credits.__contains__, words)):  # (in C)
        j = i + 1
        while j < n and j - i <= 2 and (words[j] in credits and words[j][0] in "وف"):
            j += 1  # سيناريو وحوار مريم نعوم: two credits of one name
        if j < n and words[j] == _COLON:
            j += 1
        elif (words[i] in _COLON_FORMS or words[i] in _NEEDS_GIVEN) and (
            j >= n or words[j] not in _GIVEN_NAMES
        ):
            continue  # بطولة كأس العالم، سيناريو كارثي، تصوير فيلم: not a credit
        name = _credited(art, j)
        if name is None or any(k in taken for k in range(name[0], name[1] + 1)):
            continue
        found.append(name)
        # a cast: more names, each و and a given name
        j = name[1] + 1
        for _ in range(_MOST_NAMES):
            if j >= n or j in taken:
                break
            if not _given_at(art, j, joined=True):
                break
            last = _name_end(art, j, taken)
            if last == j:
                break  # a given name alone: the list's end is unknown
            found.append((j, last))
            j = last + 1
    return found


# Words that say what a person is called (the ``called`` rule): يُدعى مارك إيستربروك، وشابة
# تُدعى جنجر، واسمه قبل الإسلام جوناثان، أسماه أسامة. (يسمى، سُمّي name things as often: left
# out.)
CALLED = _with_prefixes(
    _folded(
        "يدعى", "تدعى", "المدعو", "المدعوة", "اسمه", "اسمها", "أسماه", "أسماها", "سماه", "سماها"
    ),
    ("", "و", "ف"),
)
# What may stand between the word and the name (اسمه قبل الإسلام …، اسمه الحقيقي …).
_CALLED_BETWEEN = _folded("الحقيقي", "الحقيقية", "الأصلي", "الكامل")
_BEFORE = fold("قبل")
_NOT_CALLED = _folded("ضمن", "بين", "وسط", "لدى", "عند", "على", "في")


def called_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names after a word saying what someone is called,
    read as a credit's name is (:func:`_credited`); a word alone only when it has nothing of
    a common noun (no ة but a given name's: فوزية)."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int]] = []
    for i in compress(range(n), map(CALLED.__contains__, words)):  # (in C)
        j = i + 1
        if j + 1 < n and words[j] == _BEFORE and art.article_stem(j + 1) is not None:
            j += 2  # اسمه قبل الإسلام جوناثان
        elif j < n and words[j] in _CALLED_BETWEEN:
            j += 1  # اسمها الحقيقي أسماء زويتان
        if j >= n or words[j] in _NOT_CALLED or art.is_stop(j):
            continue  # نشر اسمه ضمن المشبوهين، اسمه يتردد: no name after it
        name = _credited(art, j)
        if name is None or any(k in taken for k in range(name[0], name[1] + 1)):
            continue
        if name[0] == name[1] and art.in_ta(name[0]) and words[name[0]] not in _GIVEN_NAMES:
            continue
        found.append(name)
    return found
