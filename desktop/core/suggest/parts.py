"""The parts of a person's name that could be aliases: ``جون كيري`` → ``كيري``.

Why: news calls a person by the surname alone after the first mention (``وقال كيري``), so the
registry finds those mentions only once the surname is an alias. Adding it by hand for every
new person is the chore that makes registries go stale; adding it silently would link every
``الأسد`` to the first Assad tagged. So the parts are *proposed*, and the analyst confirms them.

How a name is cut (after titles and honorifics in front are dropped, and harakat and tatweel
are stripped from what is shown):

* a particle joins the word after it, and the two are one part: ``عبد الله``, ``أبو بكر``,
  ``بن سلمان``, ``آل مكتوم``, ``von der Leyen``; a particle is never a part alone;
* the second word of a compound name joins the word before it: ``نصر الله``, ``سيف الدين``;
  so does a regnal number (``الحسن الثاني`` is one part);
* a name of one part proposes nothing.

Which parts are offered, and which are ticked:

* the last part is the surname (``كيري``, ``الأسد``, ``البغدادي``, ``بن سلمان``, ``نصر الله``):
  ticked, unless it holds a regnal number (``خوان كارلوس الأول`` → ``كارلوس الأول`` unticked)
  or is also a common word alone (a Hijri month: ``طه ياسين رمضان`` → ``رمضان`` unticked);
* a last part written as a kunya is the family name (``أحمد أبو الغيط`` → ``أبو الغيط``):
  ticked;
* other parts (a middle name, a kunya such as ``أبو بكر``) are offered but not ticked: an
  analyst uses some of them alone (``أبو محمد الجولاني`` → ``الجولاني`` and rarely the kunya);
  a kunya is offered even when it is also a given name (``أبو بكر``);
* a given name that is common alone (``محمد``, ``أحمد``, ``علي``, ``عبد الله``, ``جون``; the
  lexicon's list of given names) is not offered: as an alias it would tie every other
  Mohammed in the project to this one person — but a last part of one word that is also a
  given name is the family name too (``محمود عباس`` → ``عباس``، ``سامح شكري`` → ``شكري``: a
  trial's analyst found nothing offered, then nothing ticked): offered, ticked unless it is
  one of the commonest given names (``خالد محمد`` → ``محمد`` unticked);
* a title, honorific, function or time word or another common word of news reports (the
  rules' lexicon) is never offered, nor a part shorter than two letters (``W.``);
* a part that is also a place of the gazetteer (``جورج واشنطن`` → ``واشنطن``), when the caller
  passes ``is_place``, is offered without its tick;
* when titles were dropped from the front (``الرئيس بشار الأسد``), the name without them is
  offered too, ticked;
* a Chinese, Korean or Vietnamese name puts the family name first (``لي تشاو شينغ``، ``كيم
  جونغ أون``، ``نغوين فو ترونغ``): when the first word is one of the common East-Asian family
  names as Arabic writes them, it is the part ticked, and the last is offered unticked;
* a tail of two parts or more (``فيلار مير`` of ``خوان ميغيل فيلار مير``, a Spanish double
  surname) is offered, ticked, when the caller's ``used_alone`` counts it at least twice
  without the part before it in the articles that name the person — the form those articles
  use; the last part alone is then not ticked.

Whether a part is already an alias of this entity or of another is the registry's to say
(:func:`desktop.ops.entities.name_part_proposals`); this module knows no entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.arabic import fold
from desktop.core.controls import clean_line
from desktop.core.suggest.lexicon import (
    _ARTICLE_TITLES,
    _COMMON_VERBS,
    _COMPOUND_SECONDS,
    _CONSTRUCT_NOUNS,
    _CONSTRUCT_TITLES,
    _DEFINITE_NAMES,
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _HONORIFIC_COMPLEMENTS,
    _HONORIFICS,
    _NOT_NAMES,
    _PLACE_NOUNS,
    _PRONOUN_TITLES,
    _REGNAL,
    _TIME_WORDS,
)

__all__ = ["NamePart", "name_parts", "strip_marks", "uses_alone"]

# Harakat, Quranic marks, superscript alef and tatweel: not part of how a name is written.
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# The written punctuation around a name as tagged (quotation marks, a trailing comma).
_EDGE_PUNCTUATION = "«»\"'“”‘’()[]{}<>،,.;:؛!?؟-–—"


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


# Particles that open a part with the word after them (never a part alone).
_PARTICLES = _folded(
    "عبد", "أبو", "ابو", "أبي", "أبا", "بن", "ابن", "بنت", "آل", "ولد", "أم",
    # Latin transcriptions
    "abd", "abdel", "abdul", "abu", "bin", "ibn", "bint", "ben", "al", "el", "ould", "umm",
    "de", "da", "di", "du", "del", "della", "dos", "das", "van", "von", "der", "den", "ter",
    "la", "le", "mac", "st.",
)  # fmt: skip
# Particles that stay with a given name rather than make a surname of what follows:
# ``عبد الله`` and ``أبو بكر`` are names in their own right, ``بن سلمان`` is not a given name.
_GIVEN_PARTICLES = _folded("عبد", "abd", "abdel", "abdul")
# Particles of a kunya (``أبو بكر``، ``أم كلثوم``): offered, never ticked, even where the
# kunya is also a given name.
_KUNYA_PARTICLES = _folded("أبو", "ابو", "أبي", "أبا", "أم", "abu", "umm")
# What ends a name without being a part (George W. Bush Jr.): regnal numbers and suffixes.
_LATIN_SUFFIXES = _folded("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")
_LATIN_GIVEN_NAMES = _folded(
    "john", "james", "george", "jack", "joseph", "david", "michael", "robert", "richard",
    "william", "thomas", "charles", "peter", "paul", "mark", "daniel", "mike", "tony", "joe",
    "bill", "donald", "barack", "hillary", "vladimir", "sergei", "sergey", "mohammed",
    "muhammad", "mohamed", "ahmed", "ahmad", "ali", "omar", "umar", "hassan", "hussein",
    "abdullah", "abdallah", "mary", "maria", "anna", "elizabeth", "jean", "pierre", "juan",
    "jose", "carlos", "ivan", "alexander", "nicolas", "emmanuel", "angela", "boris", "benjamin",
)  # fmt: skip
# Titles and honorifics dropped from the front of a name (الرئيس، معالي، الشيخ …).
_TITLES = _ARTICLE_TITLES | _CONSTRUCT_TITLES | _PRONOUN_TITLES | _HONORIFICS
_LATIN_TITLES = _folded(
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "president", "minister",
    "king", "queen", "prince", "princess", "sheikh", "general", "gen.", "senator", "sen.",
)  # fmt: skip
# Words that are never a part on their own.
_COMMON = (
    _TITLES
    | _LATIN_TITLES
    | _HONORIFIC_COMPLEMENTS
    | _FUNCTION_WORDS
    | _TIME_WORDS
    | _NOT_NAMES
    | _COMMON_VERBS
    | _CONSTRUCT_NOUNS
    | _PLACE_NOUNS
    | _COMPOUND_SECONDS
    | _REGNAL
)
_GIVEN = _GIVEN_NAMES | _LATIN_GIVEN_NAMES
# Surnames that are also common words alone (the Hijri months: طه ياسين رمضان): offered, not
# ticked, since the registry would suggest every رمضان of the project as this person.
_ALSO_WORDS = _folded(
    "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة",
)  # fmt: skip
_UNTICKED = _REGNAL | _ALSO_WORDS
# What a title is said with besides a country (الرئيس الأمريكي السابق، رئيس الوزراء المكلف).
_TITLE_ADJECTIVES = _folded(
    "السابق", "السابقة", "الأسبق", "الأسبقة", "الحالي", "الحالية", "المنتخب", "المنتخبة",
    "المكلف", "المكلفة", "الجديد", "الجديدة", "الراحل", "الراحلة", "المخلوع", "المخلوعة",
    "الانتقالي", "الانتقالية", "المؤقت", "المؤقتة", "المستقيل", "المستقيلة",
)  # fmt: skip
# Given names too common to tick as a family name (محمود أحمد → أحمد offered, not ticked):
# ticked, the registry would take every other Ahmed of the project for this person.
_COMMONEST_GIVEN = _folded(
    "محمد", "أحمد", "محمود", "علي", "حسن", "حسين", "مصطفى", "إبراهيم", "يوسف", "خالد",
    "عمر", "سعيد", "صالح", "عبدالله", "عبدالرحمن", "جون", "john", "mohammed", "muhammad",
    "mohamed", "ahmed", "ahmad", "ali",
)  # fmt: skip
# Common Chinese, Korean and Vietnamese family names as Arabic newswire writes them; these
# names come family name first (لي تشاو شينغ: Li). Japanese names are not here: Arabic (like
# English) news writes them given name first (شينزو آبي). Only words that do not open an
# Arabic or a Western name: not ما، هو، لي alone would be "to me", but a person's name is
# never that.
_EAST_ASIAN_SURNAMES = _folded(
    # Chinese
    "لي", "وانغ", "وانج", "تشانغ", "تشانج", "جانغ", "ليو", "تشن", "تشين", "يانغ", "هوانغ",
    "تشاو", "تشو", "جو", "شي", "سون", "قوه", "غوه", "لين", "خه", "هه", "قاو", "غاو", "ليانغ",
    "شيه", "سونغ", "تانغ", "هان", "فنغ", "دنغ", "تساو", "بنغ", "تسنغ", "شياو", "تيان", "دونغ",
    "بان", "يوان", "جيانغ", "تساي", "يو", "وي", "شو", "لو", "دينغ", "رن", "شن", "ياو", "تان",
    "ون", "هو", "جين", "مينغ",
    # Korean
    "كيم", "بارك", "باك", "تشوي", "جونغ", "تشونغ", "كانغ", "تشو", "يون", "جانغ", "ليم", "أوه",
    "شين", "سيو", "كوون", "هوانغ", "آن", "سونغ", "مون", "يو",
    # Vietnamese
    "نغوين", "تران", "فام", "هوانغ", "فان", "فو", "دانغ", "بوي", "دو", "هو", "نغو", "دوونغ",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NamePart:
    """A part of a name offered as an alias; ``checked`` says whether the offer starts ticked
    and ``role`` what the part is (``surname``, ``other`` for a middle name or a kunya,
    ``kunya`` for ``أبو بكر``, ``untitled`` for the name without its title, ``place`` for a part
    that is also a place)."""

    text: str
    checked: bool
    role: str


def strip_marks(text: str) -> str:
    """``text`` without harakat and tatweel, its white space collapsed."""
    return " ".join(_MARKS_RE.sub("", text).split())


def _key(word: str) -> str:
    """A word as the lexicon lists are folded; the Latin ``al-`` stays with its word."""
    return fold(word)


def _words(name: str) -> list[str]:
    words = [w.strip(_EDGE_PUNCTUATION) for w in strip_marks(name).split()]
    return [w for w in words if w]


def _units(words: list[str]) -> list[list[str]]:
    """Words grouped into parts: particles open a part with what follows, compound seconds
    and regnal numbers close the part before them."""
    units: list[list[str]] = []
    pending: list[str] = []  # particles waiting for their word
    for word in words:
        key = _key(word)
        if key in _PARTICLES:
            pending.append(word)
            continue
        if not pending and units and (key in _COMPOUND_SECONDS or key in _REGNAL):
            units[-1].append(word)
            continue
        units.append([*pending, word])
        pending = []
    if pending:  # a name ending on a particle: it belongs to the last part
        if units:
            units[-1].extend(pending)
        else:
            units.append(pending)
    return units


def _is_given(unit: list[str], *, last: bool = False) -> bool:
    """A given name common alone: ``محمد``, ``عبد الله`` (also written ``عبدالله``), ``جون``.
    At the end of a longer name a compound such as ``نصر الله`` is the surname."""
    keys = [_key(w) for w in unit]
    if len(keys) == 1:
        return keys[0] in _GIVEN
    if keys[0] in _GIVEN_PARTICLES:
        return True  # عبد + a divine name is always a given name
    if keys[-1] in _COMPOUND_SECONDS:
        return not last  # صلاح الدين البيطار, but حسن نصر الله
    return "".join(keys) in _GIVEN


def _is_common(unit: list[str]) -> bool:
    keys = [_key(w) for w in unit]
    if len(keys) == 1:
        word = keys[0]
        return word in _COMMON or word in _LATIN_SUFFIXES or len(word.rstrip(".")) < 2
    return False


def _title_words(words: list[str], is_adjective: Callable[[str], bool] | None = None) -> int:
    """How many words at the front are titles and honorifics: ``الرئيس``, ``صاحب السمو الملكي
    الأمير``; a title in construct state takes its definite complements along (``وزير الخارجية
    الأمريكي``), a definite given name after a title is the name (``الملك الحسين``); any title
    takes the adjectives after it — a country's (``الرئيس التركي``, by ``is_adjective``: the
    gazetteer's) or a time's (``الرئيس الأمريكي السابق``)."""
    index = 0
    while index < len(words):
        key = _key(words[index])
        if key not in _TITLES and key not in _LATIN_TITLES and key not in _HONORIFIC_COMPLEMENTS:
            break
        index += 1
        if key in _CONSTRUCT_TITLES:
            while index < len(words):
                following = _key(words[index])
                if not following.startswith("ال") or following in _DEFINITE_NAMES:
                    break
                index += 1
        while index < len(words):
            following = _key(words[index])
            if following in _TITLE_ADJECTIVES or (
                is_adjective is not None
                and following.startswith("ال")
                and following not in _DEFINITE_NAMES
                and is_adjective(words[index])
            ):
                index += 1
            else:
                break
    return index


LONGEST_NAME = 120
"""Characters: longer than any person's name with its titles."""


def name_parts(
    name: str,
    *,
    is_place: Callable[[str], bool] | None = None,
    used_alone: Callable[[str, str], int] | None = None,
    is_adjective: Callable[[str], bool] | None = None,
) -> list[NamePart]:
    """The parts of a person's ``name`` to offer as aliases, in the name's order, each once
    (by folding). Empty for a name of one part, and for a "name" longer than
    :data:`LONGEST_NAME` (a whole passage tagged as a person: nothing a part could stand for,
    and splitting it would hold up the tag). Control characters never reach a part.

    ``used_alone(tail, before)`` says how often the articles write a tail of several parts
    without ``before``, the word of the name in front of it (:func:`uses_alone`);
    ``is_adjective`` whether a word is a country's adjective (``التركي``), dropped with the
    title before it."""
    name = clean_line(name)
    if len(name) > LONGEST_NAME:
        return []
    words = _words(name)
    titled = _title_words(words, is_adjective)
    if titled == len(words):
        return []  # a title alone (وزير الخارجية), not a name
    words = words[titled:]
    while words and _key(words[-1]) in _LATIN_SUFFIXES:
        words.pop()
    units = _units(words)
    offered: list[NamePart] = []
    seen = {fold(" ".join(strip_marks(name).split()))}

    def offer(text: str, checked: bool, role: str) -> None:
        key = " ".join(fold(text).split())
        if key in seen:  # the same part twice: the ticked offer stays
            for index, part in enumerate(offered):
                if checked and not part.checked and fold(part.text) == key:
                    offered[index] = NamePart(part.text, checked, role)
            return
        seen.add(key)
        offered.append(NamePart(text, checked, role))

    if titled and units and not (len(units) == 1 and _is_common(units[0])):
        # الرئيس بشار الأسد → بشار الأسد; الملك سلمان → سلمان, not ticked: a given name.
        offer(" ".join(words), len(units) > 1 or not _is_given(units[0]), "untitled")
    if len(units) < 2:
        return offered
    last = len(units) - 1
    # Family name first: the first word ticked, the last no surname (issue 14: لي تشاو شينغ
    # pre-ticked شينغ, a part of the given name).
    family_first = len(units[0]) == 1 and _key(units[0][0]) in _EAST_ASIAN_SURNAMES
    # A tail of several parts the articles use alone: the surname as they write it.
    # Ticked when written alone more often than the last part is (فيلار مير, where مير is
    # never alone); offered unticked otherwise (جواد ظريف beside the more usual ظريف).
    tails: list[tuple[str, bool]] = []
    if used_alone is not None and not family_first and len(units) > 2:
        # (Only a name of three parts or more has such a tail: a name of two asks nothing —
        # the count reads the person's articles, and a tag's frame has no room for that.)
        lone: int | None = None
        for size in range(2, len(units)):
            tail = " ".join(w for unit in units[-size:] for w in unit)
            if not any(_is_common(unit) for unit in units[-size:]):
                uses = used_alone(tail, units[-size - 1][-1])
                if uses >= 2:
                    if lone is None:
                        lone = used_alone(" ".join(units[-1]), units[-2][-1])
                    tails.append((tail, uses > lone))
    for index, unit in enumerate(units):
        text = " ".join(unit)
        if family_first and index == 0:
            offer(text, True, "surname")
            continue
        if family_first and index == last:
            offer(text, False, "other")
            continue
        if index == last and tails:
            ticked = any(tick for _tail, tick in tails)
            for tail, tick in reversed(tails):  # the longest first, in the name's order
                offer(tail, tick, "surname" if tick else "other")
            if not (_is_given(unit, last=True) or _is_common(unit)):
                offer(text, not ticked and not any(_key(w) in _UNTICKED for w in unit), "surname")
            continue
        if _key(unit[0]) in _KUNYA_PARTICLES and len(unit) > 1:
            # Last, it is the family name the news uses alone (أحمد أبو الغيط → أبو الغيط,
            # a trial's analyst found it unticked); first, a kunya (أبو بكر البغدادي).
            surname = index == last and not any(_key(w) in _UNTICKED for w in unit)
            offer(text, surname, "surname" if surname else "kunya")
            continue
        if _is_common(unit):
            continue
        if _is_given(unit, last=index == last):
            if index == last and len(unit) == 1:
                # The family name of محمود عباس، سامح شكري، عمرو موسى is a given name too,
                # and the news calls them by it alone: offered, ticked unless it is one of
                # the commonest (the registry would take every محمد for this person).
                ticked = _key(unit[0]) not in _COMMONEST_GIVEN
                offer(text, ticked, "surname" if ticked else "other")
            continue
        if is_place is not None and is_place(text):
            offer(text, False, "place")
        elif index == last and not any(_key(w) in _UNTICKED for w in unit):
            offer(text, True, "surname")
        else:
            offer(text, False, "other")
    return offered


def uses_alone(folded_text: str, tail: str, before: str) -> int:
    """How often ``folded_text`` (folded) writes the name part ``tail`` as whole words, with
    or without proclitics, and not right after ``before`` (the name's word in front of it):
    «فيلار مير» on its own, not inside «ميغيل فيلار مير»."""
    key = " ".join(fold(tail).split())
    previous = fold(before)
    pattern = re.compile(
        r"(?<![^\W_])(?:[وف]?[بكل]?)" + re.escape(key).replace(r"\ ", r"\s+") + r"(?![^\W_])"
    )
    count = 0
    for hit in pattern.finditer(folded_text):
        words = folded_text[max(0, hit.start() - 80) : hit.start()].split()  # not O(n) a hit
        if not words or words[-1] != previous:
            count += 1
    return count
