"""An organisation's name after the noun of its kind (the ``body`` rule): ``صحيفة « النهار »``،
``جريدة الحياة``، ``شركة شيودا``، ``مسجد هوبان``، ``مؤسسة « فيتش ريتنغز »``.

Why: newswire names a newspaper, a company, a mosque or a prison by a noun of its kind in
construct with the name, and the analyst tags the name — without the noun — as the body (the
development corpus's training articles: ``جريدة تلفراف``، ``شركة موتورولا``، ``شركة « غوغل »``،
``صحيفة « القادسية »``، ``فندق شيراتون``، ``معمل باريكادي``, each the name alone). Most of those
names are in no list, and the model, trained on a few articles, seldom saw one.

What counts: an indefinite noun of a body's kind (:data:`PRESS`, :data:`BODIES`; with و، ف، ب
or ل before it), then

* a name in quotation marks or brackets right after it, one to five words (any of the nouns,
  and those of :data:`QUOTED_ONLY`: ``جماعة « أنصار الشريعة »``);
* or a name spelled in Latin letters' Arabic names, one word a letter (an initialism: ``وكالة
  بي. تي. ايه``، ``شركة آر آي بي بي``), which also stands alone between marks anywhere
  (``« إل جي »``، ``( أن أس أيه )``): see :func:`_initials`;
* or a name without marks: after a newspaper's, a magazine's or a channel's noun (:data:`PRESS`)
  a definite word too (``جريدة الحياة``، ``مجلة الثقافة الجديدة``) but no nisba (``صحيفة
  يومية``، ``جريدة البريطانية``); after the others (:data:`BODIES`) one to three indefinite
  words with the look of a name (``شركة شيودا``, not ``شركة طيران`` when the word has a common
  noun's shape, nor ``مسجد شرقي``) — a definite word there is a common noun in construct as
  often (``شركة النفط``).

Names the other rules found (``taken``) are left to them, and so are the organisations the
gazetteer knows (:mod:`~desktop.core.suggest.pipeline`).
"""

from __future__ import annotations

import re
from itertools import compress

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _COMPOUND_SECONDS,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _NAME_PARTICLES,
    _NOT_NAMES,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
    _folded,
    _with_prefixes,
)
from desktop.core.suggest.names import (
    _NOUN_SHAPE_RE,
    _clitic_word,
    _is_nisba,
    _not_a_name,
    _raw_word,
)
from desktop.core.suggest.tokens import _Article

__all__ = ["BODIES", "PRESS", "QUOTED_ONLY", "body_names", "initialisms"]

PRESS = _folded("صحيفة", "جريدة", "مجلة")
BODIES = _folded(
    "شركة", "مؤسسة", "مصرف", "بنك", "مسجد", "سجن", "فندق", "مستشفى", "معمل", "مختبر",
    "مطعم", "جامعة", "وكالة", "قناة",
)  # fmt: skip
QUOTED_ONLY = _folded("جماعة", "حركة", "منظمة", "حزب", "معهد", "مركز", "جمعية", "نادي", "مجموعة")
# The Latin letters' names as Arabic writes them (بي بي سي، إل جي، آر آي بي بي): an initialism
# is a run of them, each word one letter, a full stop after each or none.
_LETTERS = _folded(
    "إيه", "أيه", "ايه", "بي", "سي", "دي", "إي", "إف", "اف", "جي", "إتش", "اتش", "ايتش",
    "إيتش", "آي", "أي", "جاي", "جيه", "كيه", "كاي", "إل", "إم", "إن", "أن", "أو", "كيو",
    "آر", "أر", "إس", "أس", "تي", "يو", "في", "فى", "دبليو", "إكس", "اكس", "واي", "زد", "زي",
    "كي",
)  # fmt: skip
# Letters that are common words too (أي any، أم or; ال the article written apart): an
# initialism holds one letter that is not.
_LETTER_WORDS = _folded("أي", "آي", "إي", "إن", "أن", "أو", "في", "فى", "إم", "يو", "إل", "كي")
# The particles among them (في in، أو or، أن that، كي so that): without marks around it, an
# initialism neither begins nor ends with one (شركة جي إم في بيان: in a statement).
_LETTER_PARTICLES = _folded("في", "فى", "أو", "أن", "إن", "كي")
# … nor ends with أي ("that is", "any": شركة تي سي إل أي ما يعادل).
_LETTER_ENDS = _LETTER_PARTICLES | _folded("أي")
# Nouns of a body: a quoted or bracketed initialism after a body's name (الوكالة الأميركية
# للاستخبارات الإلكترونية ( أن أس أيه )، هيئة الإذاعة البريطانية « بي. بي. سي ») is its
# initialism; after a thing's name it is the thing's (الغاز الطبيعي المسال ( إل إن جي )، حكم
# الفيديو المساعد ( في إيه آر )، اختبار « بي سي آر »), so one of these must come first.
_BODY_NOUNS = _folded(
    "وكالة", "هيئة", "منظمة", "شركة", "مجموعة", "اتحاد", "مجلس", "لجنة", "جمعية", "مؤسسة",
    "شبكة", "إذاعة", "قناة", "بنك", "مصرف", "جامعة", "معهد", "حزب", "حركة", "جهاز", "مكتب",
    "إدارة", "دائرة", "صحيفة", "جريدة", "مجلة", "تلفزيون", "محطة", "سلطة", "صندوق", "مركز",
    "رابطة", "نقابة", "جماعة", "تنظيم", "قوات", "شركات", "وكالات", "منظمات",
)  # fmt: skip
_BODY_NOUN_FORMS = _with_prefixes(_BODY_NOUNS, ("", "و", "ف", "ب", "ل", "ك"))
_GLOSS_WORDS = 8  # words of the body's name before its initialism
_SENTENCE_MARKS = frozenset(".*•!?؟")  # before an initialism that begins a sentence
# Initialisms of things, not bodies, that articles write between marks (الحمض النووي « دي إن
# إيه »، أقراص « دي في دي »، فيروس « إتش آي في »).
_THINGS = frozenset(
    tuple(fold(letter) for letter in name.split())
    for name in (
        "دي إن إيه", "دي إن أيه", "آر إن إيه", "إتش آي في", "دي في دي", "سي دي", "جي بي إس",
        "إس إم إس", "إم إم إس", "بي دي إف", "يو إس بي", "تي في", "بي سي", "بي إتش دي",
        "في آي بي", "آي دي", "سي إي أو", "جي دي بي", "آي كيو", "إل إي دي", "إل سي دي",
        "إس يو في", "إيه تي إم", "في إيه تي", "آي تي", "إم بي", "جي إس إم", "إف إم",
        "إيه إم", "بي إم", "تي إن تي", "إم آر آي", "سي تي", "إي ميل", "آي في إف",
    )
)  # fmt: skip
_MOST_LETTERS = 6
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_TATWEEL_ARTICLE = frozenset({"ال", "الـ"})
_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول")
# (سجن with a proclitic is a verb or a verbal noun as often: وسجن مبارك، بسجن …)
_KIND = {
    p + w: w
    for w in PRESS | BODIES | QUOTED_ONLY
    for p in _PREFIXES
    if not (p and w == fold("سجن"))
}
# What a company or a body is of, written after its noun without the article (شركة طيران،
# شركة نفط، مؤسسة خيرية): common nouns, not names.
_COMMON = _folded(
    "طيران", "نفط", "تأمين", "اتصالات", "سيارات", "أدوية", "كهرباء", "مياه", "غاز",
    "استثمار", "تطوير", "إنتاج", "خدمات", "شحن", "نقل", "بناء", "مقاولات", "أمن", "حراسة",
    "تكنولوجيا", "برمجيات", "إعلان", "إعلانات", "سياحة", "عقارات", "تجارة", "صناعة",
    "صناعات", "تعدين", "حديد", "صلب", "إسمنت", "أغذية", "ألبان", "دواجن", "طباعة", "نشر",
    "توزيع", "تسويق", "استشارات", "خاصة", "عامة", "كبرى", "صغيرة", "ناشئة", "حكومية",
    "جديدة", "جديد", "كبير", "صغير", "واحد", "واحدة", "أخرى", "آخر", "جامع", "خاص",
    "عام", "دولية", "محلية", "وطنية", "عالمية", "ضخمة", "ميداني", "ثقافية", "أهلية",
    "ذات", "ذو", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "داخل", "خارج",
    "أم", "قابضة", "دم", "شاورما", "بيتزا", "وجبات", "مأكولات", "أسماك", "مشويات",
    "اتهام", "تحقيق", "متحف", "فندق", "سجن", "مستشفى", "مصنع", "مطعم", "مكتب",
)  # fmt: skip
# فاعل (رائع، كامل، قادم), فعيل (قريب، كبير), فيعل (سيء، جيد) and مفتعل (مختص، مرتفع):
# adjectives after the noun, not names.
_ADJECTIVE_RE = re.compile(r"\wا\w\w|\w\wي\w|\wي\w|م\wت\w{1,2}")
_OPENERS = frozenset('«"“')
_OPENING = frozenset('«"“(')
_CLOSING = frozenset('»"”)')
_MOST_QUOTED = 5  # words of a quoted name
_MOST_WORDS = 3  # words of a name without marks


def _quoted(art: _Article, j: int) -> tuple[int, int] | None:
    """The words between the mark at token ``j`` and its closing mark."""
    words = art.words
    n = len(words)
    if words[j] == "(":
        close = next(
            (k for k in range(j + 1, min(n, j + _MOST_QUOTED + 2)) if words[k] == ")"), None
        )
    else:
        span = art.quote_at(j)
        close = art.token_at(span[1]) if span is not None else None
    if close is None or close - j - 1 < 1 or close - j - 1 > _MOST_QUOTED:
        return None
    first, last = j + 1, close - 1
    if words[first] in _FUNCTION_WORDS or words[first] in _TIME_WORDS:
        return None  # « في … »: a phrase, not a name
    if any(not art.is_word(k) and words[k] not in ".-&" for k in range(first, last + 1)):
        return None
    return first, last


def _name_like(art: _Article, j: int, *, first: bool = True) -> bool:
    """An indefinite word with the look of a name (see the module)."""
    if not art.is_word(j) or art.article_stem(j) is not None:
        return False
    word = art.words[j]
    if len(word) < 2 or word.isdigit() or word in _NOT_NAMES or word in _TITLE_FORMS:
        return False
    if art.is_stop(j) or word in _KIND or art.in_ta(j):
        return False
    if word in _NAME_PARTICLES or word in _COMPOUND_SECONDS or (first and word in _GIVEN_NAMES):
        return False  # مستشفى عبد العزيز الرنتيسي، مسجد عمر بن الخطاب: named after a person
    if word.isascii():
        return word[0].isupper()
    if len(word) >= 3 and (word.endswith("ي") or word.endswith("يه")):
        return False  # a nisba: مسجد شرقي، سجن سري، شركة أمريكية
    if word in _COMMON or _clitic_word(art, j) or (first and _ADJECTIVE_RE.fullmatch(word)):
        return False  # (an adjective follows the noun: سجن سوبر | ماكس is a name's second word)
    if word[0] in "يت" and word[1] not in "اوي" and not word.startswith("تش"):
        return False  # مسجد هوبان | يقع، مؤسسة يستطيع: an imperfect verb (not يونهاب)
    return not _not_a_name(art, j, inside=True, accusative=False)


def _press_name(art: _Article, j: int) -> tuple[int, int] | None:
    """A newspaper's or a magazine's name without marks: a definite word, not a feminine nisba
    or a common noun's plural or verbal noun, and a definite adjective after it (مجلة الثقافة
    الجديدة); or the indefinite words of a name."""
    if art.words[j] in _TATWEEL_ARTICLE:
        if j + 1 >= len(art.words):
            return None  # مجلة الـ at the text's end
        j += 1  # مجلة الـ « تايم »
        if art.words[j] in _OPENERS:
            return _quoted(art, j)
    stem = art.article_stem(j)
    if stem is None:
        return _plain_name(art, j)
    word = art.words[j]
    if word[:2] != "ال" or art.is_stop(j) or word in _NOT_NAMES:
        return None
    if _is_nisba(stem) and art.in_ta(j):
        return None  # a feminine nisba agrees with a noun before (صحيفة الحياة اللندنية)
    # (a masculine one after the indefinite noun is the name: مجلة العربي، جريدة المصري اليوم)
    if (len(stem) >= 4 and stem.endswith("ات")) or _NOUN_SHAPE_RE.fullmatch(stem):
        return None  # مجلة الدراسات الجغرافية، صحيفة الاتهام، مجلة الأحوال: a common noun
    last = j
    nxt = j + 1
    if nxt < len(art.words) and art.is_word(nxt) and not art.is_stop(nxt):
        after = art.article_stem(nxt)
        if after is not None and art.words[nxt][:2] == "ال" and not _is_nisba(after):
            last = nxt  # الثقافة الجديدة
    return j, last


def _plain_name(art: _Article, j: int) -> tuple[int, int] | None:
    if not _name_like(art, j):
        return None
    last = j
    while (
        last + 1 < len(art.words)
        and last - j + 1 < _MOST_WORDS
        and _name_like(art, last + 1, first=False)
    ):
        last += 1
    return j, last


def _letters(art: _Article, j: int) -> list[int]:
    """The tokens of the spelled letters from token ``j`` on (a full stop may follow each)."""
    words = art.words
    n = len(words)
    folded = art.norm.text
    found: list[int] = []
    k = j
    dotted = j + 1 < n and words[j + 1] == "."
    while k < n and words[k] in _LETTERS and len(found) < _MOST_LETTERS + 1:
        found.append(k)
        k += 1
        if k < n and words[k] == ".":
            if not dotted:
                break  # سي إن إن. أي: a sentence's full stop after letters without
            if _LINE_BREAKS & set(folded[art.ends[k - 1] : art.starts[k]]):
                break
            k += 1
        elif dotted:
            break  # the last letter of بي. تي. ايه
        if k < n and _LINE_BREAKS & set(folded[art.ends[k - 1] : art.starts[k]]):
            break  # (no name is written across a line)
    return found


def _initials(art: _Article, j: int, *, marked: bool) -> tuple[int, int] | None:
    """An initialism from token ``j`` (``بي . تي . ايه``, ``ار اي بي بي``): two letters or
    more, one at least no common word; ``marked``: it must fill the marks around it
    (``( ان اس ايه )``), else the particles at either end are no part of it and no
    name-like word may follow it (``شركة جي . بي . مورغان``: a name the letters begin)."""
    words = art.words
    letters = _letters(art, j)
    if not letters or len(letters) > _MOST_LETTERS:
        return None
    if marked:
        after = letters[-1] + 1
        if after < len(words) and words[after] == ".":
            after += 1
        if after >= len(words) or words[after] not in _CLOSING:
            return None
    else:
        while letters and (
            words[letters[-1]] in _LETTER_PARTICLES
            or (words[letters[-1]] in _LETTER_ENDS and _raw_word(art, letters[-1])[:1] not in "آإ")
        ):
            letters.pop()  # (يو بي آي: the letter I, not أي)
        if not letters or words[letters[0]] in _LETTER_PARTICLES:
            return None
        after = letters[-1] + 1
        if after < len(words) and words[after] == ".":
            after += 1
        if after < len(words) and _name_like(art, after, first=False):
            return None
    if len(letters) < 2 or all(words[k] in _LETTER_WORDS for k in letters):
        return None
    if tuple(words[k] for k in letters) in _THINGS:
        return None
    return letters[0], letters[-1]


def _after_body(art: _Article, mark: int) -> bool:
    """Whether the quotation or bracket opening at token ``mark`` follows a body's name (one
    of :data:`_BODY_NOUNS`, then only definite words: الوكالة الأميركية للاستخبارات
    الإلكترونية ( أن أس أيه )، لمجموعة ( في تي جي )), a verb (قالت « إل جي »), or begins a
    sentence (``* « إل جي »``). Not after a thing's noun (فحص « بي سي آر »، تقنية ( في إيه آر
    ), الغاز الطبيعي المسال ( إل إن جي )) even where a body was named before it."""
    words = art.words
    i = mark - 1
    if i < 0 or words[i] in _SENTENCE_MARKS:
        return True
    if not art.is_word(i):
        return False
    if words[i] in _VERB_WORDS:
        return True
    for k in range(i, max(-1, i - _GLOSS_WORDS), -1):
        if not art.is_word(k):
            return False
        word = words[k]
        stem = art.article_stem(k)
        if word in _BODY_NOUN_FORMS or (stem is not None and stem in _BODY_NOUNS):
            return True
        if stem is None and not word.startswith("لل"):
            return False  # an indefinite word: the name's head is no body's noun
    return False


def initialisms(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token spans of the initialisms after a body's noun (``وكالة بي. تي.
    ايه``), or alone between marks after a body's name or no noun (``« إل جي »``، ``( أن
    أس أيه )``: :func:`_after_body`) and, once found so, between marks anywhere else in the
    article (``مساهمة « إل جي »``); none over ``taken``."""
    words = art.words
    found: list[tuple[int, int]] = []
    elsewhere: list[tuple[int, int]] = []
    before_letters = compress(range(len(words) - 1), map(_LETTERS.__contains__, words[1:]))
    for i in before_letters:  # (in C)
        if words[i] in _OPENING:
            if i > 0 and words[i - 1] in _TITLE_FORMS:
                continue  # الإمبراطور " واي أو ": a person's name
            name = _initials(art, i + 1, marked=True)
            if name is not None and not _after_body(art, i):
                elsewhere.append(name)
                continue
        elif words[i] in _KIND:
            name = _initials(art, i + 1, marked=False)
        else:
            continue
        if name is not None:
            found.append(name)
    if elsewhere and found:
        named = {tuple(words[a : b + 1]) for a, b in found}
        found += [(a, b) for a, b in elsewhere if tuple(words[a : b + 1]) in named]
        found.sort()
    return [(a, b) for a, b in found if not any(k in taken for k in range(a, b + 1))]


def body_names(art: _Article, taken: set[int]) -> list[tuple[int, int, bool]]:
    """(first, last, sure) token spans of the organisations' names after their kind's noun;
    ``sure``: the name is the body's over a place's name the gazetteer reads there — quoted,
    or a newspaper's (جريدة القدس); a mosque's, a bank's or a company's name without marks is
    as often its place's (مسجد نواكشوط)."""
    words = art.words
    n = len(words)
    found: list[tuple[int, int, bool]] = []
    for i in compress(range(n - 1), map(_KIND.__contains__, words)):  # (in C)
        kind = _KIND[words[i]]
        j = i + 1
        if j in taken:
            continue
        if words[j] in _LETTERS and j + 1 < n and words[j + 1] == ".":
            continue  # (شركة جي . بي . مورغان: an initialism's letters, see initialisms)
        if words[j] in _LETTERS and _initials(art, j, marked=False) is not None:
            continue  # (شركة آر آي بي بي: initialisms'; شركة جي بي مورغان a name's)
        if words[j] in _OPENERS:
            name = _quoted(art, j)
        elif words[j] in _TATWEEL_ARTICLE and kind in PRESS:
            name = _press_name(art, j)
        elif kind in QUOTED_ONLY:
            continue
        elif kind in PRESS:
            name = _press_name(art, j)
        else:
            name = _plain_name(art, j)
        if name is None or any(k in taken for k in range(name[0], name[1] + 1)):
            continue
        found.append((*name, kind in PRESS or words[j] in _OPENERS))
    if found:
        found += [(a, b, True) for a, b in _elsewhere(art, [(a, b) for a, b, _ in found], taken)]
    return found


def _elsewhere(
    art: _Article, found: list[tuple[int, int]], taken: set[int]
) -> list[tuple[int, int]]:
    """The same names at their other places in the article, where they stand between
    quotation marks or brackets alone (« الشرق الأوسط »، « إل جي »): the company named once
    after its noun is quoted so again and again. Not without marks: a mosque's name is its
    quarter's too (مسجد تشن داي، منطقة تشن داي), a newspaper's a common word (الحياة)."""
    words = art.words
    n = len(words)
    names = {tuple(words[a : b + 1]) for a, b in found}
    seen = set(found)
    longest = max(len(name) for name in names)
    firsts = {name[0] for name in names}
    more: list[tuple[int, int]] = []
    for i in compress(range(n), map(firsts.__contains__, words)):  # (in C)
        for size in range(min(longest, n - i), 0, -1):
            name = tuple(words[i : i + size])
            if name not in names:
                continue
            span = (i, i + size - 1)
            if span in seen or any(k in taken for k in range(span[0], span[1] + 1)):
                break
            marked = (
                i > 0
                and span[1] + 1 < n
                and words[i - 1] in _OPENING
                and words[span[1] + 1] in _CLOSING
            )
            if marked:
                more.append(span)
                seen.add(span)
            break
    return more
