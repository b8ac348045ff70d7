"""Rule 1 of the suggestions: person names after (or before) a title.

:func:`_title_names` finds every title (:data:`~desktop.core.suggest.lexicon._TITLE_FORMS`)
and honorific (معالي، صاحب السمو), skips the title's modifiers (:func:`_name_after_title`:
definite adjectives, construct nouns and their complements, linking prepositions) and takes the
1–3 name tokens that follow (:func:`_name_tokens`), or a name in quotation marks right after or
right before the title (:func:`_quoted_name`, :func:`_quoted_name_before`). :func:`_learn`
records the names' words and surnames on the article, so a second pass ends names at surnames
used alone and accepts a surname used alone after a title (الرئيس شيراك after جاك شيراك).

Precision comes before recall: a word joins a name only when it looks like one. Clitic letters
(و، ف، ب، ل) in front, pronoun suffixes, tanween, and the shapes of verbs (يتحدث، سيقرر،
استطاع), verbal nouns (تشكيل، اقتراح) and plural nouns (محادثات) end a name or refuse it;
a list of given names (:data:`~desktop.core.suggest.lexicon._GIVEN_NAMES`) vouches for words
of those shapes that are names (يوسف، توفيق، وليد), and for a definite surname after them
(فؤاد السنيورة). A word alone after a title is a name only when it is a given name, was seen
in a longer name of the article, or has none of those shapes.

Without a title: :func:`_occupation_names` reads the name after a noun of a person's occupation
(الروائي نجيب محفوظ) as after a title, and :func:`_given_name_names` the names of two words or
more that a given name begins (واتهم فؤاد السنيورة), more strictly (issue 14: most persons the
suggestions missed were never offered at all, written after no title the rules know).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

from desktop.core.arabic import fold
from desktop.core.suggest.lexicon import (
    _COMPOUND_SECONDS,
    _CONSTRUCT_FORMS,
    _CONSTRUCT_TITLES,
    _DEFINITE_NAMES,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _HONORIFIC_COMPLEMENTS,
    _HONORIFIC_FORMS,
    _LINK_PREPOSITIONS,
    _NAME_PARTICLES,
    _NAMED_AFTER,
    _NOT_NAMES,
    _OCCUPATION_FORMS,
    _REGNAL,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
    _WALAD,
    _WORK_NOUNS,
    _folded,
    _with_prefixes,
)
from desktop.core.suggest.tokens import _QUOTE_CHARS, _Article

_MAX_NAME = 3
_MAX_SKIP = 14
# Tokens of one name at most: particles join names without counting, so a run of محمد بن
# repeated made one "name" of thousands of words (an attack); a real nasab has a dozen.
_MAX_TOKENS = 24
# Particles that join two names and never begin one (بن، آل); the others may (أبو مازن).
_LINKING_PARTICLES = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "آل"))
_WALI, _AHD = fold("ولي"), fold("العهد")  # ولي العهد; ولى (he appointed) folds the same
_SHAIKH = fold("الشيخ")  # a name's word in a Mauritanian lineage (ولد الشيخ الغزواني)
_MOST_LINKS = 6  # links of one lineage after a name
# What follows ولد when it is "was born" (ولد عام 1923، ولد في دمشق، ولد يتيما).
_BORN_WHEN = _folded(
    "عام", "سنة", "يوم", "في", "فى", "ونشأ", "وترعرع", "لأب", "لأسرة", "لعائلة", "بمدينة",
    "بقرية", "يتيما", "ميتا", "حيا", "مبكرا", "قبل", "بعد", "خلال", "عن", "على", "من",
)  # fmt: skip
# Nouns of a post written after a name in construct, besides the construct titles (عضو مجلس
# الإدارة، إداري الفريق، مساعد المدرب، أحد المسؤولين).
_TITLES_AFTER = _folded("عضو", "إداري", "مساعد", "أحد", "مؤسس", "منسق", "مراسل", "محرر")
# Question words: function words no preposition is written on (لاين, Leyen, is no ل + أين).
_QUESTION_WORDS = _folded("أين", "متى", "كيف", "ماذا", "هل")
_DOCTOR = "د"  # د. before a name: الدكتور abbreviated
_AMIN = fold("أمين")  # أمين عام / أمين سر; also a given name
_AMIN_COMPLEMENTS = frozenset(fold(w) for w in ("عام", "العام", "سر"))
_OWNERS = frozenset(p + fold(w) for w in ("صاحب", "صاحبة") for p in ("", "و", "ل", "ول"))
_TANWEEN = "\u064b\u064c\u064d"
_HARAKAT = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"
_CLITIC_LETTERS = "وفبلك"

# Shapes of words that are not names (folded text: ة is ه, hamzas are bare, final ى is ي).
_VERB_SHAPE_RE = re.compile(
    r"(?!تش)[يت][^اوي][^ا]{2,3}"  # imperfect: يتحدث، يشكل، تفجر (not يوسف، توني، ترامب، تشيني)
    r"|است\w{3,}"  # form X perfect: استطاع، استنكر
    r"|ا[^اوي]{3}"  # form IV perfect: أطلق، أعلن (not أنان; أحمد is a given name)
    r"|[^اوي]{3}ت"  # perfect, she: طرحت، قالت
    r"|ت\wا\w\wت"  # form VI perfect, she: تناولت
    r"|ا\wت[^اوي]\w"  # form VIII perfect: اعتبر، اجتمع (not أشتون)
    r"|\w{3,}وا"  # perfect plural: استنكروا، اعلنوا
)
_FUTURE_RE = re.compile(r"س[يتن]\w{3,}")  # سيقرر، ستثير (after a name; not سيرغي first)
_NOUN_SHAPE_RE = re.compile(
    r"ا\wت\wا\w"  # form VIII verbal noun: اقتراح، اجتماع
    r"|است\w\wا\w"  # form X: استقبال
    r"|ان\w\wا\w"  # form VII: انسحاب
    r"|ا\w\wا\w"  # form IV: اعلان، اطلاق
    r"|ت\w\wي\w"  # form II: تشكيل، تأجير
    r"|ت\wا\w\w"  # form VI: تبادل
    r"|[مات]\w{3,}ات"  # plurals: محادثات، تصريحات، اتصالات
    r"|مست\w{3,}|مت\w{3,}"  # participles: مستعد، متحمس
)
_PARTICIPLE_RE = re.compile(r"م\wا\w\w")  # مساعد، موافق (مبارك is a given name)
# Russian and Slavic surnames end in ا (زاخاروفا، بيلوسوفا) like an accusative noun (هجوما).
_SLAVIC_ENDINGS = ("وفا", "يفا", "ينا", "سكايا", "تسكايا")


# A workplace named in construct after a title (رئيسا لمعمل كافنديش، مدير فندق شيراتون): the
# name after it is the place's, not the person's. Read here only, not a word class of the
# model's features (as one, it moved k = 30 persons 706 → 688 right by chance).
_PLACE_OF_WORK_FORMS = _with_prefixes(
    _folded("معمل", "مختبر", "فندق", "مطعم", "متحف", "كلية", "أكاديمية"), ("", "ل", "ب")
)


def _raw_word(art: _Article, i: int) -> str:
    start, end = art.raw(art.starts[i], art.ends[i])
    return art.text[start:end]


def _vouched(art: _Article, word: str) -> bool:
    """A given name, or a word of a name the article (or the registry) already knows."""
    return word in _GIVEN_NAMES or word in art.learnt or word in art.surnames


def _not_a_name(
    art: _Article,
    i: int,
    *,
    inside: bool,
    listed: bool = True,
    accusative: bool = False,
    nouns: bool = True,
) -> bool:
    """Whether token ``i`` has the shape of a verb, a verbal or plural noun (``nouns``: not
    right after a given name, where ترامب is a surname), a pronoun suffix or tanween, or
    (``listed``) is one of :data:`_NOT_NAMES`. ``inside`` (after a first name) adds the future
    سـ, participles (مساعد، موافق) and adverbs in -يا (رسميا); ``accusative`` any word in -ا
    (هجوما), which is also how transcribed names end (أوباما، دي ميستورا)."""
    word = art.words[i]
    if listed and word in _NOT_NAMES:
        return True
    if _vouched(art, word):
        return False
    raw = _raw_word(art, i)
    if _tanween_or_suffix(raw, word):
        return True
    bare = raw.rstrip(_HARAKAT)
    if len(word) >= 4 and bare.endswith("ه") and not word.endswith("الله"):
        return True  # قوله، احتجاجه، جلالته (ة as written is no pronoun)
    if bare.endswith("ى"):
        return True  # سعى، ذكرى: verbs and nouns; the names in ى are given names (موسى)
    if _VERB_SHAPE_RE.fullmatch(word) or (nouns and _NOUN_SHAPE_RE.fullmatch(word)):
        return True
    if inside and len(word) >= 5 and word[:2] == "لا" and word[2] in "يتن":
        return True  # مهاجراني لايؤمن: لا and an imperfect verb written as one word
    if inside and (_FUTURE_RE.fullmatch(word) or (nouns and _PARTICIPLE_RE.fullmatch(word))):
        return True
    if len(word) < 4 or not word.endswith("ا"):
        return False
    if word.endswith("يا"):
        return inside or accusative  # قضائيا، رسميا: an adverb after the name
    return accusative and not word.endswith(_SLAVIC_ENDINGS)  # هجوما، ساكنا


def _tanween_or_suffix(raw: str, folded: str) -> bool:
    """Whether a word is written with tanween or ends in a pronoun suffix of two letters or
    more (موقفهم، قولها): a noun's or an adverb's, never a name's."""
    return any(mark in raw for mark in _TANWEEN) or (
        len(folded) >= 5 and folded.endswith(("هما", "هم", "ها"))
    )


def word_not_surname(raw: str, folded: str) -> bool:
    """Whether a word after a given name has the shape of an imperfect or future verb
    (يكتب، سيقرر), a pronoun suffix of two letters (قولها، موقفهم) or tanween, or a
    preposition and a verbal noun (بارتكاب): the sentence going on, not a surname (the
    statistical tagger's ``نزار يكتب``، ``صدام بارتكاب``). Without the article's context,
    stricter than :func:`_not_a_name`: the nouns' and the perfect verbs' shapes are left out
    (تيسير، ترامب), and so is a word in ه."""
    if len(folded) < 3 or not folded.isalpha() or folded in _GIVEN_NAMES:
        return False
    # (a word in ه is left alone: a pronoun suffix, or a surname's ة written ه — شحاته،
    # سلامه — or a transcribed -ot, شاركوه)
    if _tanween_or_suffix(raw, folded):
        return True
    if (_VERB_SHAPE_RE.fullmatch(folded) and folded[0] == "ي") or _FUTURE_RE.fullmatch(folded):
        return True
    return folded[0] in "بل" and bool(_NOUN_SHAPE_RE.fullmatch(folded[1:]))


def _clitic_word(art: _Article, i: int, *, after_given: bool = False) -> bool:
    """A word that reads as و/ف/ب/ل/ك + another word (وأعضاء، فقد، بتشكيل، لبحث), unless it
    is vouched for as a name. ``after_given``: the word follows a given name, so ب/ل/ك begin
    a surname unless what follows them is a word of the lists (جورج بوش، but X بعد)."""
    word = art.words[i]
    if word[0] not in _CLITIC_LETTERS or len(word) < 3 or _vouched(art, word):
        return False
    if word[0] == "و":
        return True  # وليد، وائل are given names; anything else is و + a word
    rest = word[1:]
    if (
        (rest in _FUNCTION_WORDS and rest not in _QUESTION_WORDS)  # (لاين is no ل + أين)
        or (rest in _VERB_WORDS and word[0] in "فل")  # فقال، ليزور; not كيري (ك + يرى)
        or rest in _NOT_NAMES
        or rest in _GIVEN_NAMES
        or rest in _TITLE_FORMS
        or rest in _TIME_WORDS
        or (word[0] in "فب" and rest.startswith("ال") and len(rest) >= 6)  # فالرئيس، بالقرب
        # (not فاليري، فالتر، كالديرون)
    ):
        return True
    if word[0] == "ف":
        return False  # فيلتمان، فالتر: no conjunction
    if _NOUN_SHAPE_RE.fullmatch(rest):
        return True  # بتشكيل، لاجتماع
    if word[0] == "ل" and rest[0] in "يت" and _VERB_SHAPE_RE.fullmatch(rest):
        return not after_given  # ليفاوض; but تسيبي ليفني
    # ب/ل/ك: a preposition unless a vowel letter follows, as in transcribed names (بوش، ليفني),
    # or a given name comes before (جورج بوش، توني بلير)
    return not after_given and rest[0] not in "اوي"


# Given names written with a madda that fold like a time word, a pronoun or a particle (آلان
# like الآن، آنا like أنا، آن like أن): told apart by their spelling as written. الجنرال آلان
# بيليغريني and القاضية آنا ديغز تايلور were no names (the development corpus's persons missed).
_MADDA_NAMES = frozenset({"آلان", "آنا", "آني", "آن"})


def _madda_name(art: _Article, i: int) -> bool:
    """Whether token ``i`` is one of :data:`_MADDA_NAMES` as written."""
    return art.words[i][:1] == "ا" and _raw_word(art, i).strip(_HARAKAT) in _MADDA_NAMES


def _may_start(art: _Article, i: int) -> bool:
    """Whether token ``i`` can be the first word of a person's name."""
    if not art.is_word(i):
        return False
    word = art.words[i]
    if _madda_name(art, i):
        return True
    if (
        len(word) < 2
        or (word in _TITLE_FORMS and not _not_title(art, i))
        or word in _HONORIFIC_FORMS
        or art.is_stop(i)
        or word in _NOT_NAMES
    ):
        return False
    if word in _LINKING_PARTICLES:
        return i + 1 < len(art.words) and art.words[i + 1] in art.learnt  # بن لادن
    if art.article_stem(i) is not None:
        return word in _DEFINITE_NAMES
    if _vouched(art, word):
        return True
    if _clitic_word(art, i) or _not_a_name(art, i, inside=False, accusative=True):
        return False
    return not (art.in_ta(i) and word not in _NAME_PARTICLES)  # محاولة، زيارة


def _name_after_title(art: _Article, title: int) -> tuple[int, int] | None:
    """Token range [first, last] of the name that follows the title at token ``title``."""
    words = art.words
    n = len(words)
    if words[title] in _HONORIFIC_FORMS:
        return _name_after_honorific(art, title)
    if title > 0 and words[title - 1] in _NAMED_AFTER:
        return None  # جامعة الملك سعود، مطار الملك خالد: a place named after a person
    if _not_title(art, title):
        return None  # فولى علي …, أمين فارس: a verb or a given name, not a title
    need_complement = _bare_title(art, title) in _CONSTRUCT_TITLES
    body = False  # a construct noun was skipped: a quotation names that body, not a person
    j = title + 1
    skipped = 0
    while j < n and skipped <= _MAX_SKIP:
        word = words[j]
        if not art.is_word(j):
            if word in "()":
                j += 1
                continue
            if word in _QUOTE_CHARS and not (need_complement or body):
                return _quoted_name(art, j)
            return None
        if _madda_name(art, j):
            return _name_tokens(art, j)  # آلان, not الآن
        if word in _TIME_WORDS or (word in _FUNCTION_WORDS and word not in _LINK_PREPOSITIONS):
            return None
        if word.isdigit() or word in _VERB_WORDS:
            return None
        stem = art.article_stem(j)
        if stem is None and word in _NOT_NAMES:
            return None  # في اتصال هاتفي، في عدة مدن
        skipped += 1
        if word in _LINK_PREPOSITIONS:
            need_complement = True
            j += 1
            continue
        if stem is not None:
            if word[0] in "وف" and (word in _TITLE_FORMS or j == title + 1):
                return None  # والرئيس …, الملك والشعب: a second title or noun, not a modifier
            if word in _DEFINITE_NAMES and not need_complement:
                return _name_tokens(art, j)  # الملك الحسين
            need_complement = False
            j += 1
            continue
        if word in _HONORIFIC_FORMS:
            return None  # الوزير الأول ومعالي …: the honorific is read on its own
        if _bare_title(art, j) in (_WALI, _AMIN) and _not_title(art, j):
            return _name_tokens(art, j)  # رئيس الجمهورية الأسبق أمين الجميل
        if (
            word in _CONSTRUCT_FORMS
            or word in _PLACE_OF_WORK_FORMS
            or (word in _TITLE_FORMS and word[0] not in "وف")
        ):
            need_complement = True
            body = body or word in _CONSTRUCT_FORMS or word in _PLACE_OF_WORK_FORMS
            j += 1
            continue
        if need_complement and word[0] not in "وف":
            if j == title + 1 and _is_nisba(word) and not art.in_ta(j):
                return None  # ناطق عسكري، سفير أميركي: an indefinite phrase names no one
            need_complement = False
            j += 1
            continue
        break
    else:
        return None
    if j >= n:
        return None
    name = _name_tokens(art, j)
    if body and name is not None and name[0] == name[1] and not _vouched(art, words[j]):
        return None  # لشركة قطر غاز: one more word after a body's name is more of that name
    return name


def _bare_title(art: _Article, i: int) -> str | None:
    return _TITLE_FORMS.get(art.words[i])


def _not_title(art: _Article, i: int) -> bool:
    """ولي without العهد (ولى "he appointed" folds the same) and أمين without a complement
    (عام، سر، المجمع: otherwise a given name) are no titles."""
    bare = _bare_title(art, i)
    nxt = art.words[i + 1] if i + 1 < len(art.words) else ""
    if bare == _WALI:
        return nxt != _AHD
    if bare == _AMIN:
        return nxt not in _AMIN_COMPLEMENTS and not (nxt and art.article_stem(i + 1))
    return False


def _name_after_honorific(art: _Article, at: int) -> tuple[int, int] | None:
    """معالي محمد بن عيسى، صاحب السمو الشيخ …: the name right after the honorific."""
    words = art.words
    j = at + 1
    if words[at] in _OWNERS and (j >= len(words) or words[j] not in _HONORIFIC_COMPLEMENTS):
        return None  # صاحب المشروع: an owner, not صاحب السمو
    while j < len(words) and words[j] in _HONORIFIC_COMPLEMENTS:
        j += 1
    if j >= len(words) or words[j] in _TITLE_FORMS:
        return None  # جلالة الملك …: the title is read on its own
    return _name_tokens(art, j)


def _definite_surname(art: _Article, j: int, taken: list[int], counted: int) -> bool:
    """Whether the definite word ``j`` ends the name as its surname (فؤاد السنيورة, أحمد يوسف
    الجفيري) rather than starting what follows it (خاتمي الإصلاحي)."""
    words = art.words
    word = words[j]
    if word[:2] != "ال":
        return False  # وال…، بال…: a new phrase
    stem = word[2:]
    if (stem.endswith(("ين", "ون")) and len(stem) >= 6) or stem.endswith("ات"):
        return False  # الصحفيين، المسؤولين: plural nouns
    if word in art.learnt or word in art.surnames:
        return True
    prev = words[taken[-1]]
    if counted == 1 and prev in _GIVEN_NAMES:
        return True
    # a family name after a given name and a father's name (أحمد يوسف الجفيري، محمد شياع
    # السوداني) or after a particle (أبو مصعب الزرقاوي): a nisba or a word in ة
    # (a word in ة only after a particle: خالد بن حمد العطية, but صدام حسين الأزمة)
    joined = len(taken) >= 2 and words[taken[-2]] in _NAME_PARTICLES
    if joined and art.in_ta(j):
        return True
    return (joined or prev in _GIVEN_NAMES or words[taken[0]] in _GIVEN_NAMES) and _is_nisba(stem)


def _name_tokens(art: _Article, first: int) -> tuple[int, int] | None:
    """The 1–3 name tokens starting at ``first``, or None if ``first`` cannot start a name.

    After the first token, particles (بن، آل، أبو) and the second part of a compound (نصر
    الله) join without counting; a definite word is the surname when :func:`_definite_surname`
    says so and ends the name. A word with a clitic in front, the shape of a verb or of a
    common noun (:func:`_not_a_name`), a lone letter or a stop word ends the name, and so does
    a surname the article uses on its own elsewhere (``لافروف``). A third name needs a given
    name before it or the article's word for it.
    """
    if not _may_start(art, first):
        return None
    words = art.words
    n = len(words)
    taken = [first]
    counted = 0 if words[first] in _NAME_PARTICLES else 1
    definite_first = art.article_stem(first) is not None and not _madda_name(art, first)
    j = first + 1
    while j < n:
        if len(taken) >= _MAX_TOKENS:
            return None  # no name runs on this long
        word = words[j]
        prev = words[taken[-1]]
        if not art.is_word(j):
            break  # (باراك) أوباما، (الرئيس بشار) الأسد: a name is not written across a bracket
        if word in _TITLE_FORMS or word in _HONORIFIC_FORMS or art.is_stop(j) or len(word) == 1:
            break
        if word == _WALAD:
            break  # a Mauritanian lineage (or ولد في: was born): _walad_end reads it
        if word in _REGNAL and counted <= 2:
            taken.append(j)  # الحسن الثاني، خوان كارلوس الأول
            break
        if prev in _NAME_PARTICLES:
            if _not_a_name(art, j, inside=True, listed=False) and art.article_stem(j) is None:
                break  # ابن أخيه (but آل ثاني)
            taken.append(j)
            if word not in _NAME_PARTICLES:
                counted += 1
            j += 1
            if counted >= _MAX_NAME and (j >= n or words[j] not in _NAME_PARTICLES):
                break
            continue
        if word in _NOT_NAMES:
            break
        if word in _NAME_PARTICLES:
            taken.append(j)  # بن، آل: the name goes on
            j += 1
            continue
        if word in _COMPOUND_SECONDS:
            taken.append(j)  # نصر الله، سيف الدين
            j += 1
            continue
        if definite_first:
            break  # الحسين بن طلال, but not الحسين طيب الله ثراه
        if art.article_stem(j) is not None:
            if _definite_surname(art, j, taken, counted):
                taken.append(j)
            break
        after_given = prev in _GIVEN_NAMES
        if _clitic_word(art, j, after_given=after_given) or _not_a_name(
            art,
            j,
            inside=True,
            accusative=counted >= 2 or not after_given,
            nouns=counted >= 2 or not after_given,
        ):
            break
        if art.in_ta(j) and not _vouched(art, word):
            break  # a noun in ة; إسماعيل هنية after a given name
        joined = len(taken) >= 2 and words[taken[-2]] in _NAME_PARTICLES  # فون دير لاين
        if counted >= 2 and not (_vouched(art, word) or after_given or joined):
            if not art.in_ta(j):
                return None
            break  # جاك شيراك تناولت: a third name needs a reason
        taken.append(j)
        counted += 1
        if counted >= _MAX_NAME:
            break
        nxt = words[j + 1] if j + 1 < n else ""
        if (
            counted >= 2
            and word not in _GIVEN_NAMES
            and (word in art.surnames or art.count(word) > 1)
            and nxt not in _NAME_PARTICLES
            and nxt not in _COMPOUND_SECONDS
        ):
            break  # the surname: people are named by it alone elsewhere in the article
        j += 1
    while taken and words[taken[-1]] in _NAME_PARTICLES:
        taken.pop()
    if not taken:
        return None
    if len(taken) == 1 and not _single_name(art, taken[0]):
        return None
    return taken[0], _walad_end(art, taken[-1])


def _walad_end(art: _Article, last: int) -> int:
    """The end of a name with the Mauritanian lineage after it (محمد | ولد الشيخ الغزواني،
    محمد الحسن | ولد الددو، يحيى | ولد عبد العزيز): each ولد ("the son of") and one or two
    words after it — a second one when the first is a particle or الشيخ, or the second a
    definite word (a family's name) or a compound's second part. Not ولد before what follows
    "was born" (ولد في، ولد عام، ولد يتيما), a verb or a stop word."""
    words = art.words
    n = len(words)
    k = last + 1
    for _ in range(_MOST_LINKS):
        if k + 1 >= n or words[k] != _WALAD or not _after_walad(art, k + 1):
            break
        last = k + 1
        k += 2
        first = words[last]
        if (
            k < n
            and words[k] != _WALAD
            and _after_walad(art, k)
            and (
                first in _NAME_PARTICLES
                or first == _SHAIKH
                or words[k] in _COMPOUND_SECONDS
                or art.article_stem(k) is not None
            )
        ):
            last = k  # ولد عبد العزيز، ولد الشيخ سيديا، ولد الشيخ الغزواني
            k += 1
    return last


def _after_walad(art: _Article, k: int) -> bool:
    """Whether token ``k`` may be a name's word right after ولد or in its lineage."""
    if not art.is_word(k):
        return False
    word = art.words[k]
    if len(word) < 2 or word.isdigit() or word in _BORN_WHEN or word in _HONORIFIC_FORMS:
        return False
    if word == _SHAIKH or word in _NAME_PARTICLES:
        return True  # (a title's word, a particle: inside the lineage, a name's)
    if art.is_stop(k) or word in _TITLE_FORMS or word in _NOT_NAMES:
        return False
    if word[0] in "يت" and _VERB_SHAPE_RE.fullmatch(word):
        return False  # ولد يدرس
    return not _clitic_word(art, k, after_given=True)


def _single_name(art: _Article, i: int) -> bool:
    """A word alone after a title: a word the article names someone with (الرئيس بوش after
    جورج بوش), or a given name or a word with nothing of a common noun about it (no ة, -ا,
    clitic or verb shape) that is not followed by a word the rules could not place — there
    the name probably goes on (أوليفر كرومول، رامون كالديرون) and its end is unknown."""
    word = art.words[i]
    if word in art.learnt or word in art.surnames:
        return True
    if word in _GIVEN_NAMES or word in _DEFINITE_NAMES:
        return not _open_after(art, i + 1, given=True)
    if art.in_ta(i) or word[0] in "وف" or _clitic_word(art, i) or len(word) < 3:
        return False  # one word in ة after a title is a noun far more often than a name
    if _not_a_name(art, i, inside=True, accusative=True):
        return False
    return not _open_after(art, i + 1, given=False)


def _open_after(art: _Article, j: int, *, given: bool) -> bool:
    """Whether token ``j`` is a word that may continue a name: not punctuation, a stop word,
    a title, a word joined by و or a preposition + noun (بتأجير). After a word that is not a
    given name (``given``), which is likely a surname used alone, a verb shape (شيراك سيقرر)
    ends the name too, and a definite word may continue it (نجاح العطار); after a given name,
    a word of a verb's shape may be the surname (محمد يزبك)."""
    if not art.is_word(j):
        return False
    word = art.words[j]
    if (
        art.is_stop(j)
        or word in _TITLE_FORMS
        or word in _HONORIFIC_FORMS
        or word in _NOT_NAMES
        or word[0] == "و"
    ):
        return False
    if art.article_stem(j) is not None:
        return not given and word[:2] == "ال" and word not in _REGNAL
    if _clitic_word(art, j, after_given=True):
        return False
    return given or not (_VERB_SHAPE_RE.fullmatch(word) or _FUTURE_RE.fullmatch(word))


def _quoted_name(art: _Article, open_mark: int) -> tuple[int, int] | None:
    """A name written in quotation marks (“مايك بومبيو”): 1–4 words up to the closing mark."""
    span = art.quote_at(open_mark)
    if span is None or _names_a_work(art, open_mark):
        return None
    first = open_mark + 1
    last = art.token_at(span[1]) - 1
    if last < first or last - first >= 4:
        return None
    if not all(art.is_word(i) and not art.is_stop(i) for i in range(first, last + 1)):
        return None
    if not _may_start(art, first) or any(art.words[i] in _NOT_NAMES for i in range(first, last)):
        return None  # « وبأنه »، « منطقة سرخس الحرة »: words, not a name
    return first, last


def _is_nisba(stem: str) -> bool:
    return stem.endswith(("ي", "يه", "يون", "يين", "يان"))


def _names_a_work(art: _Article, open_mark: int) -> bool:
    """Whether the quotation opening at token ``open_mark`` follows a noun like كتاب or
    قصيدة عنوانها: it names a work or a body, not a person."""
    return open_mark > 0 and art.words[open_mark - 1] in _WORK_NOUNS


def _in_a_work_title(art: _Article, i: int) -> bool:
    """Whether token ``i`` lies inside such a quotation (قصيدة عنوانها « الأمير … »)."""
    position = art.starts[i]
    if not art.in_quote(position):
        return False
    k = bisect_right(art.quote_starts, position) - 1
    return _names_a_work(art, art.token_at(art.quotes[k][0]))


def _quoted_name_before(art: _Article, title: int) -> tuple[int, int] | None:
    """“جيمس جيفري” المبعوث …: a quoted name right before a title."""
    close = title - 1
    if close < 1 or art.words[close] not in _QUOTE_CHARS:
        return None
    k = bisect_right(art.quote_starts, art.starts[close]) - 1
    if k < 0 or art.quotes[k][1] != art.starts[close]:
        return None
    return _quoted_name(art, art.token_at(art.quotes[k][0]))


_TITLE_OR_HONORIFIC = frozenset(_TITLE_FORMS) | _HONORIFIC_FORMS


def _title_names(art: _Article) -> list[tuple[int, int, int]]:
    """(first, last, title) token triples of every name found after (or before) a title."""
    found: dict[tuple[int, int], int] = {}
    words = art.words
    # The few title words picked out first, once an article (a 1 MB article has 100,000
    # words, 2,000 titles; the names are looked for twice).
    if art.titles is None:
        art.titles = list(compress(range(len(words)), map(_TITLE_OR_HONORIFIC.__contains__, words)))
    for i in art.titles:
        if _in_a_work_title(art, i):
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
    # د. عزيز الدويك: the doctor's title abbreviated (the title words are whole words)
    for i in compress(range(len(words) - 2), map(_DOCTOR.__eq__, words)):
        if words[i + 1] != "." or (i > 0 and art.is_word(i - 1) and len(words[i - 1]) == 1):
            continue  # (not the last letter of a run of initials, أ. د.)
        name = _name_tokens(art, i + 2)
        if (
            name is not None
            and name[0] == i + 2
            and (name[1] > name[0] or words[i + 2] in _GIVEN_NAMES)
        ):
            found.setdefault(name, i)
    return [(a, b, t) for (a, b), t in sorted(found.items())]


def title_after(art: _Article, last: int) -> bool:
    """Whether a title in construct follows the name ending at token ``last`` (``جعفر الموسوي
    رئيس الادعاء``، ``هاني عبادة ، إداري الفريق``، ``أسامة المليجي عضو مجلس الإدارة``): the
    apposition says who the name is, as a title before it does."""
    words = art.words
    n = len(words)
    k = last + 1
    if k < n and words[k] in ("،", ","):
        k += 1
    if k + 1 >= n or not art.is_word(k + 1) or art.is_stop(k + 1):
        return False
    word = words[k]
    return (
        _TITLE_FORMS.get(word) in _CONSTRUCT_TITLES and word[0] not in "وفبل"
    ) or word in _TITLES_AFTER


def _learn(art: _Article, names: list[tuple[int, int, int]]) -> None:
    for first, last, _ in names:
        tokens = [art.words[i] for i in range(first, last + 1) if art.is_word(i)]
        art.learnt.update(t for t in tokens if t not in _NAME_PARTICLES and t != _WALAD)
        if len(tokens) > 1:
            art.surnames.add(tokens[-1])


# Given names that are also common words as newswire writes them: علي for على ("on"), باسم
# (ب + اسم, "in the name of"), رسول، سلطان، كريم، عزيز، جميل، رياض، هاشم، زيد. Without a title
# before them they begin a name too seldom to be taken for one.
_AMBIGUOUS_GIVEN = frozenset(
    fold(w)
    for w in (
        "علي", "باسم", "رسول", "سلطان", "كريم", "عزيز", "جميل", "رياض", "هاشم", "زيد", "نادية",
        "كامل",
    )
)  # fmt: skip
# Personal pronouns: a given name after one is its predicate, an adjective (أنا سعيد "I am
# happy").
_PRONOUNS = frozenset(fold(w) for w in ("أنا", "أنت", "هو", "هي", "نحن", "هم", "هما", "أنتم"))
# Particles inside European names (جان مارك دو لا سابليير، رود فان نيستلروي).
_FOREIGN_PARTICLES = frozenset(fold(w) for w in ("دو", "دي", "دا", "دل", "ديل", "فان", "فون", "لا"))


def _given_name_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of names that begin with a given name and have no title
    before them (واتهم فؤاد السنيورة، ومهاجم منتخب إنجلترا واين روني): most persons newswire
    names are never written after a title the rules know. Stricter than after a title, since
    nothing but the given name vouches for the words after it: the next word must not have
    the shape of a verb or of a common noun whatever precedes it (فارس تزايد، معاوية جيشا), a
    definite word joins only as a nisba or a word the article names someone with (not
    عمر الإمام), a name inside a longer one (أبي زكريا يحيى …, after أبو، بن) and a place named
    after a person (بمطار محمد الخامس) are left alone, and so is a given name right after a
    title, whose name the title rule judged (مطار الملك خالد الدولي), or inside a work's
    title. ``taken``: the title rule's tokens."""
    words = art.words
    given = _GIVEN_NAMES
    found: list[tuple[int, int]] = []
    n = len(words)
    after = 0  # the first word not inside a name found (or its foreign particles)
    # Only the given names can begin one: found in C (a test per word in Python was 100,000
    # of them on a 1 MB article).
    for i in compress(range(n), map(given.__contains__, words)):
        if i < after:
            continue
        word = words[i]
        if (
            i in taken
            or word in _AMBIGUOUS_GIVEN
            or word in _PRONOUNS  # آنا (Anna) is أنا ("I") once folded
            or (
                i > 0
                and (
                    words[i - 1] in _NAME_PARTICLES
                    or words[i - 1] in _NAMED_AFTER
                    or words[i - 1] == _WALAD  # a Mauritanian lineage's (lineage.py)
                )
            )
            or (i > 1 and words[i - 2] in _NAME_PARTICLES)
            or (i > 0 and (words[i - 1] in _TITLE_OR_HONORIFIC or words[i - 1] in _PRONOUNS))
            or _in_a_work_title(art, i)
        ):
            continue
        span = _name_tokens(art, i)
        if span is None or span[1] == span[0]:
            continue
        last = i
        for j in range(i + 1, span[1] + 1):
            if j in taken:
                break
            word_j = words[j]
            if word_j in _NAME_PARTICLES or word_j in _COMPOUND_SECONDS:
                continue
            if word_j[0] == "و" and word_j not in given:
                break  # جورج بوش ورايس: the next name of a list
            stem = art.article_stem(j)
            if stem is not None:
                if not (_is_nisba(stem) or word_j in art.learnt or word_j in art.surnames):
                    break
            elif _not_a_name(art, j, inside=True, accusative=True):
                break
            last = j
        if last > i and last + 1 < n and words[last + 1] in _FOREIGN_PARTICLES:
            # جان مارك | دو لا سابليير: the name goes on where the rules stop (and its next
            # given name begins no name of its own)
            after = span[1] + 1
            continue
        if last > i:
            found.append((i, last))
            after = last + 1
    return found


def _occupation_names(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) token pairs of the names after a noun of a person's occupation or role
    (الكاتب توفيق الحكيم، الحارس غانلويغي بوفون, the ``person`` class of the word classes),
    read as after a title (:func:`_name_after_title`: the nisbas and adjectives between are
    skipped), but not across a preposition (اللاعب في السن)."""
    nouns = _OCCUPATION_FORMS
    found: list[tuple[int, int]] = []
    words = art.words
    for i in compress(range(len(words)), map(nouns.__contains__, words)):  # (in C)
        if i in taken:
            continue
        name = _name_after_title(art, i)
        if name is None or any(j in taken for j in range(name[0], name[1] + 1)):
            continue
        if any(words[j] in _LINK_PREPOSITIONS for j in range(i + 1, name[0])):
            continue
        found.append(name)
    return found
