"""The gazetteer: places and organisations a new project knows before the analyst tags anything.

Why: on the first article of a new project the registry is empty and the title rule finds only
persons, so no location or organisation would ever be suggested. The gazetteer is a list,
written from general knowledge, of the world's countries and territories, capitals, major
cities (every Arab governorate and most towns in the news), regions, seas and rivers, and the
international, regional and Arab organisations, parties, armed groups and news agencies that
newswire names. The data lives in ``resources/gazetteer/*.tsv`` (one entry a line: name, type,
subtype, spelling variants, adjectives, English name, country, flags; the files' header explains
the columns). This module is standard library only: the caller reads the files (see
``desktop.resources.gazetteer``) and hands their text to :meth:`Gazetteer.parse`.

The persons' file (``persons.tsv``, :func:`parse_persons`: well-known persons, their spelling
variants and the names they go by alone) is matched with a matcher of its own and merged with
the places and bodies afterwards (:meth:`Gazetteer._people`, :func:`_outgrows`): a place read
with a proclitic is never taken for a person's surname, and a person's name used alone is
judged by the word before it (:meth:`Gazetteer._judge_person`).

Matching is the registry's (:class:`~desktop.core.matching.AliasMatcher`): folded (hamza, ة/ه,
ى/ي, harakat), clitic-aware (و ف ب ك ل, and ل + ال written لل), longest name first, never adding
an article the name does not have — so ``سورية`` (Syria) is not found inside ``السورية``.

What the list alone cannot settle is decided from the word before the name:

* *Adjectives are not places.* Each entry keeps its nisba adjectives apart (``سوري``; the
  inflections ``سورية، السوري، السوريون …`` are derived). They are matched too, so they can be
  told apart, but never offered as names. Where a name is written exactly like an adjective
  (``سورية`` the country and ``سورية`` "Syrian (f.)"; ``السعودية``), it is an adjective after a
  noun it could qualify with the same definiteness (``مصادر سورية``، ``الحكومة السعودية``) or
  after another adjective (``اللبنانية والسعودية``), and a name otherwise (``في سورية``,
  ``أعلنت السعودية``, ``بسورية``).
* *Ambiguous names* (flag ``ambiguous``: also a common word or a person's name — ``صور`` Tyre
  and "pictures", ``العقبة`` Aqaba and "the obstacle", ``فتح``, ``أمل``, ``المستقبل``) score low
  unless a cue comes before them (``في``، ``مدينة``، ``حزب``، ``عناصر`` …) or the same entity is
  named unambiguously elsewhere in the text (``حركة فتح`` … ``فتح``).
* A name right after ``بن``، ``أبو``، ``آل``، ``عبد`` … is part of a person's name
  (``محمد بن زايد``، ``آل ثاني``) and scores low.

Every match carries a score in [0, 1]; the suggestion pipeline offers names from
:data:`DEFAULT_MIN_SCORE` up.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal

from desktop.core.arabic import (
    ARTICLE,
    LAM,
    LAM_CLITICS,
    PROCLITICS,
    Normalised,
    fold,
    fold_words,
    normalise,
)
from desktop.core.matching import AliasMatcher, _RawHit
from desktop.core.suggest.lexicon import (
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _NAMED_AFTER,
    _OCCUPATION_FORMS,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
    _WALAD,
)
from desktop.core.suggest.nationals import definite_forms

__all__ = [
    "COLUMNS",
    "DEFAULT_MIN_SCORE",
    "Entry",
    "Gazetteer",
    "GazetteerMatch",
    "adjective_forms",
    "parse_entries",
]

EntryType = Literal["LOC", "ORG", "PERS"]
MatchKind = Literal["name", "adjective"]

COLUMNS = ("name", "type", "subtype", "variants", "adjectives", "english", "in", "flags")
"""The columns of a gazetteer file, in order (tab-separated)."""

FLAGS = frozenset({"ambiguous", "club"})
LABELS: dict[str, str] = {"LOC": "location", "ORG": "organisation", "PERS": "person"}
"""Entry type → the project's entity-kind label key (see ``pipeline.LABEL_KEYS``)."""

DEFAULT_MIN_SCORE = 0.5
"""The lowest score the suggestion pipeline offers: ambiguous names without a cue stay below."""

# Scores, highest first. A name of several words is rarely anything else.
SCORE_PHRASE = 0.95
SCORE_NAME = 0.9
SCORE_NOT_ADJECTIVE = 0.85  # written like an adjective, but where an adjective cannot be
SCORE_EVIDENCE = 0.75  # ambiguous, but the article names the same entity unambiguously
SCORE_CUE = 0.7  # ambiguous, after a word that announces a place or a body
SCORE_QUOTED = 0.45  # in quotation marks: a title (« الشرق الأوسط » the newspaper)
SCORE_HEADED = 0.4  # after جامعة، نادي، كأس …: part of a body's or an event's name
SCORE_BODY = 0.6  # the body a place names after جامعة، نادي، صحيفة … (an organisation)
SCORE_PREPOSITION = 0.45  # ambiguous, after a preposition only
SCORE_AMBIGUOUS = 0.3
SCORE_PERSON = 0.2  # after بن، أبو، آل …: part of a person's or a family's name
SCORE_ADJECTIVE = 0.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a gazetteer file."""

    name: str
    type: EntryType
    subtype: str
    variants: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    english: str = ""
    within: tuple[str, ...] = ()
    ambiguous: bool = False
    # A city a well-known football club is named by alone (ليفربول، برشلونة): in an article
    # about football the club, an organisation (:func:`_sports_article`).
    club: bool = False
    # A person's: the forms newswire names them by alone after the first mention (a surname,
    # a kunya: بوش، أبو مازن), matched as names but judged by the word before them.
    alone: tuple[str, ...] = ()

    @property
    def label_key(self) -> str:
        """The project label this entry is suggested with (``location``, ``organisation``)."""
        return LABELS[self.type]

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, its variants and (a person's) the forms used alone."""
        return (self.name, *self.variants, *self.alone)

    @property
    def identity(self) -> tuple[str, str]:
        """What two lines naming the same thing share (``فتح`` and ``حركة فتح``)."""
        return self.type, self.english or self.name


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    """A gazetteer name or adjective in a text, in raw code points.

    Like :class:`~desktop.core.matching.Match`, ``start``/``end`` cover the name without its
    proclitics and ``word_start`` is where the written word begins. ``entries`` are every entry
    the form belongs to (``عمان`` is Oman and Amman), the first being ``entry``.
    """

    start: int
    end: int
    word_start: int
    form: str
    kind: MatchKind
    score: float
    entries: tuple[Entry, ...]
    # Where a person's name begins after the titles its listed form is written with (الملك
    # فهد: فهد); ``start`` for any other match. The suggestions take it, the model's
    # features the whole form.
    name_start: int

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def label_key(self) -> str:
        return self.entry.label_key


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _rows(
    text: str, source: str, columns: tuple[str, ...]
) -> Iterable[tuple[int, list[str], tuple[str, ...]]]:
    """Each data line of a gazetteer file: its number, its cells (stripped, as many as
    ``columns``) and its flags; ``#`` starts a comment line. Raises ``ValueError`` naming
    the line for too many cells or an unknown flag."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise ValueError(f"{source}:{number}: {len(cells)} columns, at most {len(columns)}")
        cells = [cell.strip() for cell in cells] + [""] * (len(columns) - len(cells))
        flags = _split(cells[-1].replace(",", "|"))
        unknown = set(flags) - FLAGS
        if unknown:
            raise ValueError(f"{source}:{number}: unknown flag {sorted(unknown)[0]!r}")
        yield number, cells, flags


def parse_entries(text: str, source: str = "gazetteer") -> list[Entry]:
    """The entries of one gazetteer file (see :data:`COLUMNS`); ``#`` starts a comment line.

    Raises ``ValueError`` naming the line for a malformed one: the files ship with the
    application, so a bad line is a defect to fix, not the analyst's input.
    """
    entries: list[Entry] = []
    for number, cells, flags in _rows(text, source, COLUMNS):
        name, kind, subtype, variants, adjectives, english, within, _ = cells
        if not name or kind not in ("LOC", "ORG") or not subtype:
            raise ValueError(f"{source}:{number}: needs a name, LOC or ORG, and a subtype")
        entries.append(
            Entry(
                name,
                "LOC" if kind == "LOC" else "ORG",
                subtype,
                _split(variants),
                _split(adjectives),
                english,
                _split(within),
                "ambiguous" in flags,
                club="club" in flags,
            )
        )
    return entries


PERSON_COLUMNS = ("name", "subtype", "variants", "alone", "english", "flags")
"""The columns of the persons' gazetteer file, in order (tab-separated)."""
PERSON_SUBTYPES = frozenset(
    {
        "leader", "politician", "official", "religious", "militant", "historical", "scholar",
        "writer", "artist", "athlete", "scientist", "business",
    }
)  # fmt: skip


def parse_persons(text: str, source: str = "persons") -> list[Entry]:
    """The entries of the persons' gazetteer file (see :data:`PERSON_COLUMNS`); ``#`` starts
    a comment line. Raises ``ValueError`` naming a malformed line, as :func:`parse_entries`."""
    entries: list[Entry] = []
    for number, cells, flags in _rows(text, source, PERSON_COLUMNS):
        name, subtype, variants, alone, english, _ = cells
        if not name or subtype not in PERSON_SUBTYPES:
            raise ValueError(f"{source}:{number}: needs a name and a person's subtype")
        entries.append(
            Entry(
                name,
                "PERS",
                subtype,
                _split(variants),
                english=english,
                ambiguous="ambiguous" in flags,
                alone=_split(alone),
            )
        )
    return entries


_NISBA_ENDINGS = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")


def adjective_forms(adjective: str) -> list[str]:
    """The written forms an adjective column entry stands for.

    A one-word nisba (ending in ي) stands for its inflections — feminine ة, plurals ون/ين/ات,
    duals ان/تان/تين — each with and without ال; another one-word form (a broken plural such as
    ``أتراك``) for itself with and without ال; a phrase (``الكوري الشمالي``) only for itself. The
    indefinite accusative (``سوريا`` "a Syrian") is left out on purpose: it is written exactly
    like the country.
    """
    if " " in adjective.strip():
        return [adjective.strip()]
    word = adjective.strip()
    bare = word[len(ARTICLE) :] if word.startswith(ARTICLE) else word
    stems = [bare + ending for ending in _NISBA_ENDINGS] if bare.endswith("ي") else [bare]
    return [form for stem in stems for form in (stem, ARTICLE + stem)]


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


# Words after which an ambiguous place name is taken as a place: nouns that announce one…
_PLACE_CUES = _folded(
    "مدينة", "مدينتي", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "إقليم", "عاصمة", "مطار",
    "ميناء", "حي", "مخيم", "قضاء", "مديرية", "ناحية", "ضواحي", "أطراف", "جزيرة", "بلاد",
    "دولة", "مملكة", "سلطنة", "إمارة", "جمهورية", "أنحاء", "مدن", "بلدات", "قرى", "ريف",
    "شواطئ", "سواحل", "ساحل", "نهر", "بحر", "جبل", "سكان", "أهالي", "شمال", "جنوب", "شرق",
    "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "زار", "زيارة", "وصل",
    "غادر",
)  # fmt: skip
# … and prepositions, which also precede the common words an ambiguous name is written like
# (في إطار، من باب): they raise an ambiguous name only as far as the threshold's edge.
_PLACE_PREPOSITIONS = _folded("في", "من", "إلى", "الى", "إلي", "نحو", "لدى", "عبر", "داخل")
# Words after which an ambiguous organisation name is taken as one.
_BODY_CUES = _folded(
    "حركة", "حزب", "تيار", "تنظيم", "جماعة", "جبهة", "كتلة", "قناة", "شبكة", "صحيفة", "وكالة",
    "عناصر", "مقاتلو", "مقاتلي", "مسلحو", "مسلحي", "أنصار", "قادة", "قيادة", "قيادي", "زعيم",
    "نواب", "وزراء", "مراسل", "مراسلة", "مكتب", "ناطق", "المتحدث", "الناطق", "متحدث", "باسم",
)  # fmt: skip
# Words after which an ambiguous company's name is the company (شركة فيليبس، سيارات نيسان، سهم
# إعمار); not the other bodies' (مجموعة الشباب: a group of young men; أسهم: contributed, too;
# شركات إعمار غزة: reconstruction companies).
_COMPANY_CUES = _folded("شركة", "مجموعة", "سيارات", "سهم")  # (not شركات إعمار غزة)
# Nouns that make the place after them part of a body's name. After the first group the body
# is named with its head (جامعة القاهرة، نادي برشلونة، بنك قطر), after the second by the place's
# name alone (صحيفة « القدس »، فريق ليفربول); either way the place is not offered as one.
_WHOLE_HEAD_WORDS = {
    fold(word): word
    for word in (
        "جامعة", "نادي", "ريال", "بنك", "مصرف", "معهد", "كلية", "أكاديمية", "جمعية",
    )
}  # fmt: skip
_WHOLE_HEADS = frozenset(_WHOLE_HEAD_WORDS)
# Heads after which the place's name alone is the body's: a paper's, a team's, and a
# facility's or a company's, whose noun newswire leaves out (سجن « أبو غريب »، متحف
# « قوانغتشو »، شركة « قطر غاز »، فندق « شيراتون »)
_NAME_HEAD_WORDS = {
    fold(word): word
    for word in ("صحيفة", "جريدة", "مجلة", "فريق", "سجن", "متحف", "مؤسسة", "شركة", "فندق")
}
_NAME_HEADS = frozenset(_NAME_HEAD_WORDS)
_FACILITY_HEADS = _folded("سجن", "متحف", "مؤسسة", "شركة", "فندق")
# Nouns after which a paper's name that is also a common word (النهار، الحياة) is the paper.
_PRESS_CUES = _folded("صحيفة", "جريدة", "مجلة", "صحيفتا", "مجلتا")  # (not صحف الغد)
# Nouns after which such a name or a channel's (الجزيرة، العربية) is the medium.
_MEDIA_CUES = _PRESS_CUES | _folded(
    "قناة", "شبكة", "تلفزيون", "إذاعة", "موقع", "مراسل", "مراسلة", "مراسلو", "مكتب", "محطة"
)
# Verbs of reporting, whose subject or object a paper's quoted name is.
_QUOTE_TAKERS = _folded(
    "قال", "قالت", "ذكر", "ذكرت", "نقل", "نقلت", "كتب", "كتبت", "نشر", "نشرت", "أورد",
    "أوردت", "زار", "زارت", "أفاد", "أفادت", "أضافت", "أكدت", "أشارت", "علمت", "التقت",
    "التقى", "قرأ", "قرأت",
)  # fmt: skip
# The ambiguous names whose subtype has cues of its own, not the bodies' (_BODY_CUES): a
# channel's common word (الجزيرة، العربية) is announced by a medium's noun, not by a party's
# (قادة الرأي: opinion leaders); a paper's (النهار) by none here, _paper_score reads its cue;
# a company's by a company's noun.
_SUBTYPE_CUES: dict[str, frozenset[str]] = {
    "media": _MEDIA_CUES,
    "press": frozenset(),
    "company": _COMPANY_CUES,
}
# A bank's head and a place, then this adjective: the country's central bank, one name (بنك
# إنجلترا المركزي، مصرف سوريا المركزي).
_BANKS = frozenset({"بنك", "مصرف"})
_CENTRAL = fold("المركزي")
# Nouns that make the place after them part of an event's name (كأس إنجلترا، مهرجان البندقية).
# Not agreements, conferences, summits or wars: newswire tags the place in اتفاقية جنيف.
_EVENT_HEADS = _folded("كأس", "بطولة", "دورة", "مهرجان", "ستاد", "استاد")
_HEADS = _WHOLE_HEADS | _NAME_HEADS | _EVENT_HEADS
# Words before which a name belongs to a person or a family (آل folds to ال).
_PERSON_PARTICLES = _folded("بن", "ابن", "بنت", "أبو", "أبي", "أبا", "آل", "عبد", "أم")
# Words that cannot be the noun an adjective qualifies: function, time and verb words, cues.
_NOT_NOUNS = (
    _FUNCTION_WORDS
    | _TIME_WORDS
    | _VERB_WORDS
    | _PLACE_CUES
    | _PLACE_PREPOSITIONS
    | _BODY_CUES
    | _WHOLE_HEADS
    | _NAME_HEADS
    | _EVENT_HEADS
)
_QUOTES = frozenset('«»“”"„‟')
_CONJUNCTION_PREFIXES = ("و", "ف")


def _quoted(folded: str, word_start: int, end: int) -> bool:
    """Whether the name is the whole of a quotation (« الشرق الأوسط »، " القادسية ")."""
    i = word_start
    while i > 0 and folded[i - 1] in " \t":
        i -= 1
    j = end
    while j < len(folded) and folded[j] in " \t":
        j += 1
    return i > 0 and j < len(folded) and folded[i - 1] in _QUOTES and folded[j] in _QUOTES


_SPAN_OF = attrgetter("start", "end")  # of a match


def _previous_word(
    folded: str, word_start: int, *, through_quote: bool = False
) -> tuple[str, int] | None:
    """The folded word right before ``word_start`` and its start; None after punctuation or
    at the start of the text. ``through_quote`` looks past an opening quotation mark
    (صحيفة « القدس »)."""
    i = word_start
    while i > 0 and folded[i - 1] in " \t":
        i -= 1
    if through_quote and i > 0 and folded[i - 1] in _QUOTES:
        i -= 1
        while i > 0 and folded[i - 1] in " \t":
            i -= 1
    end = i
    while i > 0 and (folded[i - 1].isalnum() or folded[i - 1] == "_"):
        i -= 1
    return (folded[i:end], i) if i < end else None


def _bare(word: str) -> str:
    """``word`` without a leading conjunction (وفي → في), if what is left is a word."""
    if len(word) > 2 and word[0] in _CONJUNCTION_PREFIXES:
        return word[1:]
    return word


def _cue_clitics(word: str, cues: frozenset[str]) -> str | None:
    """The proclitics in front of ``word`` if the rest is a cue (ومن، بمدينة، لنادي), else None:
    the first group of :data:`PROCLITICS` (none first) that leaves a cue."""
    forms = _CUE_FORMS.get(cues)
    if forms is None:
        # Each cue with each group written before it, once per list of cues: a 1 MB article
        # asks 8,000 times, and trying the twelve groups each time was most of it.
        forms = {}
        for clitic in PROCLITICS:
            for cue in cues:
                forms.setdefault(clitic + cue, clitic)
        if len(_CUE_FORMS) >= 64:
            _CUE_FORMS.clear()  # (the module's few lists of cues: never more)
        _CUE_FORMS[cues] = forms
    return forms.get(word)


_CUE_FORMS: dict[frozenset[str], dict[str, str]] = {}


def _is_cue(word: str, cues: frozenset[str]) -> bool:
    """Whether ``word``, alone or without its proclitics, is one of ``cues``."""
    return _cue_clitics(word, cues) is not None


def _definite(word: str) -> bool:
    """Whether a folded word carries the article (ال، وال، بال، فال، كال، لل، ولل …)."""
    for prefix in ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"):
        if word.startswith(prefix + ARTICLE) and len(word) > len(prefix) + 3:
            return True
    return any(
        word.startswith(clitic + LAM) and len(word) > len(clitic) + 3 for clitic in LAM_CLITICS
    )


class Gazetteer:
    """The entries of the gazetteer files and a matcher over their names and adjectives.

    Built once (the matcher compiles one pattern for every form) and used on many texts.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._names: dict[str, list[Entry]] = {}
        self._adjectives: dict[str, list[Entry]] = {}
        self._definite_adjectives: frozenset[str] | None = None
        # Persons are matched apart (:meth:`_people`): a place's or a body's name with a
        # proclitic (بأراك، وبلومي) is never read as a person's name used alone (باراك).
        self._persons: dict[str, list[Entry]] = {}
        # The forms of a person used alone (بوش، عباس), unless some person's full name too.
        self._alone: set[str] = set()
        full: set[str] = set()
        # Each person's first words of their full names (فيدل of فيدل كاسترو), folded once.
        self._first_words: dict[Entry, tuple[str, ...]] = {}
        for entry in self.entries:
            if entry.type != "PERS":
                continue
            firsts: set[str] = set()
            for name in entry.names:
                key = fold_words(name)
                if name in entry.alone:
                    self._alone.add(key)
                else:
                    full.add(key)
                    if " " in key:
                        firsts.add(key.split(" ", 1)[0])
            self._first_words[entry] = tuple(sorted(firsts))
        self._alone -= full
        for entry in self.entries:
            names = self._persons if entry.type == "PERS" else self._names
            for name in entry.names:
                key = fold_words(name)
                if key and entry not in names.setdefault(key, []):
                    names[key].append(entry)
            for adjective in entry.adjectives:
                for form in adjective_forms(adjective):
                    key = fold_words(form)
                    if key and entry not in self._adjectives.setdefault(key, []):
                        self._adjectives[key].append(entry)
        # Only the names are compiled (the adjectives are looked up, and are twice as many):
        # a name is found whole-word, so an adjective around it cannot hide it.
        self._matcher = AliasMatcher((None, key) for key in self._names)
        self._person_matchers = _matchers_by_first_letter(self._persons, PERSON_MATCHERS)
        self._longest = max(map(len, self._names), default=0)
        # The last text looked at and what was found: the suggestion rules and the tagger's
        # features both ask about the same article, and again after every tag.
        self._last_text: tuple[str, tuple[GazetteerMatch, ...]] | None = None
        self._last_norm: tuple[Normalised, str | None, tuple[GazetteerMatch, ...]] | None = None

    @classmethod
    def parse(cls, *texts: str, persons: str = "") -> Gazetteer:
        """From the text of one or more gazetteer files, and of the persons' file."""
        found = [entry for text in texts for entry in parse_entries(text)]
        return cls([*found, *parse_persons(persons)])

    def __len__(self) -> int:
        return len(self.entries)

    def entries_for(self, name: str) -> list[Entry]:
        """The entries a name (any spelling) belongs to, as written or folded."""
        key = fold_words(name)
        return [*self._names.get(key, ()), *self._persons.get(key, ())]

    @property
    def definite_adjectives(self) -> frozenset[str]:
        """The written forms of the definite adjectives with a nationality's proclitics
        (``nationals.definite_forms``), made once."""
        if self._definite_adjectives is None:
            self._definite_adjectives = definite_forms(self._adjectives)
        return self._definite_adjectives

    def is_adjective(self, word: str) -> bool:
        """Whether ``word`` (without proclitics) is one of the entries' adjective forms."""
        return fold_words(word) in self._adjectives

    def find(self, text: str) -> list[GazetteerMatch]:
        """Every gazetteer name and adjective in ``text``, in text order."""
        last = self._last_text
        if last is not None and last[0] == text:
            return list(last[1])
        found = self.find_normalised(normalise(text), text)
        self._last_text = (text, tuple(found))
        return found

    def find_normalised(self, norm: Normalised, raw: str | None = None) -> list[GazetteerMatch]:
        """Like :meth:`find` for a text the caller has already normalised; ``raw``, the text
        itself, tells a person's name from a word that folds like it (``ترأس`` "presided"
        is ``تراس``, Truss, once the hamza is folded)."""
        last = self._last_norm
        # (the raw text too: ترأس and تراس fold alike and are told apart by it)
        if last is not None and last[0] == norm and last[1] == raw:
            return list(last[2])
        found = self._find_normalised(norm, raw)
        self._last_norm = (norm, raw, tuple(found))
        return found

    def _find_normalised(self, norm: Normalised, raw: str | None) -> list[GazetteerMatch]:
        folded = norm.text
        found: list[_Found] = []
        headed: set[tuple[int, int]] = set()  # places a body's noun makes a body's name
        for word_start, start, end, key, clitics in self._matcher.scan(folded):
            entries = tuple(self._names[key])
            before = _previous_word(folded, word_start)
            previous = before[0] if before is not None else None
            kind, score = self._judge(key, clitics, previous, entries, key in self._adjectives)
            quotable = kind == "name" and entries[0].type == "LOC" and score > SCORE_QUOTED
            if quotable and _quoted(folded, word_start, end):
                score = SCORE_QUOTED  # a place's name as a title: a newspaper, a film
            elif score < SCORE_NAME and kind == "name" and _common_paper(entries):
                score = _paper_score(folded, word_start, end, score)
            found.append(_Found(word_start, start, end, key, kind, score, entries))
            body = None
            if kind == "name":
                head = _previous_word(folded, word_start, through_quote=True)
                body = self._body(head, clitics, entries, start, end, folded)
            if body is not None:
                found.append(body)
                headed.add((start, end))
        if _sports_article(folded, found):
            found = [_as_club(item, folded) for item in found]
        if self._person_matchers:
            found = self._with_people(found, self._people(norm, raw))
        # Second look: an ambiguous name whose entity the text names unambiguously elsewhere.
        sure = {
            entry.identity
            for item in found
            if item.kind == "name" and item.score >= SCORE_NAME
            for entry in item.entries
        }
        matches: list[GazetteerMatch] = []
        for item in found:
            score = item.score
            uncertain = item.kind == "name" and SCORE_PERSON < score < SCORE_EVIDENCE
            if (
                uncertain
                # the place is the body's name here (متحف دمشق), however sure it is elsewhere
                and not (item.entries[0].type == "LOC" and (item.start, item.end) in headed)
                and not _common_paper(item.entries)
                and any(entry.identity in sure for entry in item.entries)
                and not (item.entries[0].type == "ORG" and self._qualified(folded, item.end))
            ):
                score = SCORE_EVIDENCE
            raw_start, raw_end = norm.to_raw(item.start, item.end)
            raw_word = raw_start
            if item.word_start < item.start:
                raw_word = norm.to_raw(item.word_start, item.word_start + 1)[0]
            named = raw_start
            if item.name_start > item.start:
                named = norm.to_raw(item.name_start, item.end)[0]
            matches.append(
                GazetteerMatch(
                    raw_start, raw_end, raw_word, item.key, item.kind, score, item.entries, named
                )
            )
        matches.sort(key=_SPAN_OF)  # (a key made in C: 7,000 matches a 1 MB article)
        return matches

    def _qualified(self, folded: str, end: int) -> bool:
        """Whether the word after a body's name at ``end`` makes it another body: a country's
        adjective (المجلس التشريعي الكويتي) or a genitive with ل + ال (الجمعية العامة للشركة)."""
        word = _WORD_RE.match(folded, end)
        if word is None:
            return False
        after = word.group(1)
        return after.startswith("لل") or self.is_adjective(after)

    @staticmethod
    def _body(
        before: tuple[str, int] | None,
        clitics: str,
        entries: tuple[Entry, ...],
        start: int,
        end: int,
        folded: str,
    ) -> _Found | None:
        """The organisation a place names after a body's head: the head and the place
        (جامعة القاهرة) or the place's name alone (صحيفة « القدس »); a central bank's with
        its adjective (بنك إنجلترا المركزي)."""
        if before is None or any(c in clitics for c in "بكل") or entries[0].type != "LOC":
            return None
        word, word_start = before
        for heads, whole in ((_WHOLE_HEADS, True), (_NAME_HEADS, False)):
            head_clitics = _cue_clitics(word, heads)
            if head_clitics is None:
                continue
            place = entries[0]
            if whole:
                written = _WHOLE_HEAD_WORDS[word[len(head_clitics) :]]
                name = f"{written} {place.name}"
                after = _LINE_WORD_RE.match(folded, end) if written in _BANKS else None
                score = SCORE_BODY
                if after is not None and after.group(1) == _CENTRAL and not place.ambiguous:
                    # the country's central bank: no other body is named so
                    name, end = f"{name} {after.group(1)}", after.end(1)
                    score = SCORE_PHRASE
                body = Entry(name, "ORG", "body")
                head = word_start + len(head_clitics)
                return _Found(word_start, head, end, body.name, "name", score, (body,))
            if all(entry.ambiguous for entry in entries) and word[len(head_clitics) :] in (
                _FACILITY_HEADS
            ):
                # a common word after a facility's or a company's noun: مؤسسة مالية is a
                # financial institution, not Malé's (after a club's, a team's or a
                # university's, نادي ليون، فريق العين، the whole is named)
                return None
            # the place's name alone is the span, as newswire tags it; the body's name keeps
            # its noun (متحف دمشق): an entity named دمشق, an organisation, would be offered
            # for every later mention of the city
            written = _NAME_HEAD_WORDS[word[len(head_clitics) :]]
            body = Entry(f"{written} {place.name}", "ORG", "body")
            return _Found(start, start, end, body.name, "name", SCORE_BODY, (body,))
        return None

    def _judge(
        self,
        key: str,
        clitics: str,
        previous: str | None,
        entries: tuple[Entry, ...],
        clashes: bool,
    ) -> tuple[MatchKind, float]:
        """Name or adjective, and the score, from the form and the word before it."""
        bare = _bare(previous) if previous is not None else None
        if bare is not None and (bare in _PERSON_PARTICLES or previous in _PERSON_PARTICLES):
            return "name", SCORE_PERSON
        if (
            previous is not None
            and entries[0].type == "LOC"
            and not _prepositional(clitics)
            and _is_cue(previous, _HEADS)
        ):
            return "name", SCORE_HEADED
        ambiguous = all(entry.ambiguous for entry in entries)
        if clashes:
            # Written like an adjective: one after a noun of the same definiteness, or after
            # another adjective (اللبنانية والسعودية), unless a preposition is attached.
            qualifies = (
                previous is not None
                and bare is not None
                and not _prepositional(clitics)
                and not previous.isdigit()
                and bare not in _NOT_NOUNS
                and previous not in _NOT_NOUNS
                and (
                    _definite(previous) == key.startswith(ARTICLE)
                    or self.is_adjective(bare)
                    or self.is_adjective(previous)
                )
            )
            if qualifies:
                return "adjective", SCORE_ADJECTIVE
            if not ambiguous:
                return "name", SCORE_NOT_ADJECTIVE
        if ambiguous:
            return "name", _ambiguous_score(previous, entries)
        if "ك" in clitics and " " not in key:
            return "name", SCORE_PREPOSITION  # ك "like" before a place is rare: كريمة، كبير
        return "name", SCORE_PHRASE if " " in key else SCORE_NAME

    def _people(self, norm: Normalised, raw: str | None) -> list[_Found]:
        """The persons' names in the folded text, judged (:meth:`_judge_person`)."""
        folded = norm.text
        found: list[_Found] = []
        for word_start, start, end, key, _clitics in _scan_all(self._person_matchers, folded):
            entries = tuple(self._persons[key])
            before = _previous_word(folded, word_start)
            previous = before[0] if before is not None else None
            bare = _bare(previous) if previous is not None else None
            if " " not in key and key in self._adjectives:
                continue  # a nisba (الأفغاني، الكندي): a place's adjective first
            if key in self._alone:
                if raw is not None and _hamza_inside(raw, norm, start, end, entries):
                    continue  # another word, written with a hamza the person's name has not
                first = None
                if word_start == start and before is not None:  # (والفالح: no name goes on)
                    first = self._first_name_before(before, entries)
                if first is not None:
                    # the person's first name spelled otherwise (فيديل كاسترو for فيدل):
                    # the name is both words
                    key = folded[first:end]
                    found.append(_Found(first, first, end, key, "name", SCORE_NAME, entries))
                    continue
            if bare is not None and (
                bare in _PERSON_PARTICLES
                or previous in _PERSON_PARTICLES
                or previous == _WALAD
                or previous in _NAMED_AFTER
            ):
                # inside a longer name (عبد الله بن …، مصطفى ولد …), or a place's or a body's
                # named after the person (مسجد الشيخ زايد، جامعة الملك سعود)
                score = SCORE_PERSON
            else:
                score = self._judge_person(key, previous, bare, entries)
            named = _after_titles(folded, start, end, key) if " " in key else start
            found.append(_Found(word_start, start, end, key, "name", score, entries, named))
        return _disjoint_people(found)

    def _first_name_before(self, before: tuple[str, int], entries: tuple[Entry, ...]) -> int | None:
        """Where the word before a person's name used alone begins, when it is the first
        word of one of the entries' full names spelled with one long vowel more or less
        (``فيديل كاسترو`` for ``فيدل كاسترو``); a word with و before it is another name's."""
        word, at = before
        for entry in entries:
            for first in self._first_words.get(entry, ()):
                if _one_vowel_apart(word, first):
                    return at
        return None

    def _with_people(self, found: list[_Found], people: list[_Found]) -> list[_Found]:
        """The places and bodies with the persons' names among them: a person's name takes
        the places and bodies it outgrows (:func:`_outgrows`), and gives way to any other it
        overlaps."""
        if not people:
            return found
        order = sorted(range(len(found)), key=lambda i: found[i].start)
        starts = [found[i].start for i in order]
        dropped: set[int] = set()
        kept: list[_Found] = []
        for person in people:
            low = bisect_left(starts, person.start - self._longest)
            high = bisect_left(starts, person.end)
            overlapping = [
                i
                for i in order[low:high]
                if found[i].start < person.end and person.start < found[i].end
            ]
            if not overlapping:
                kept.append(person)
            elif all(_outgrows(person, found[i]) for i in overlapping):
                dropped.update(overlapping)
                kept.append(person)
        if not kept:
            return found
        merged = [item for i, item in enumerate(found) if i not in dropped]
        return [*merged, *kept]

    def _judge_person(
        self, key: str, previous: str | None, bare: str | None, entries: tuple[Entry, ...]
    ) -> float:
        """A person's score: a full name of several words is sure; a form used alone
        (a surname) or a one-word name is not after a given name (جيب بوش: another person's
        name goes on before it), and, when it is also a common word or given name
        (``ambiguous``: عباس، بري), is offered only after a title or when the article names
        the same person in full (the second look)."""
        if " " in key and key not in self._alone:
            return SCORE_PHRASE
        if bare is not None and (bare in _GIVEN_NAMES or previous in _GIVEN_NAMES):
            return SCORE_AMBIGUOUS
        # a surname that is a given name too (كريستوفر، ميلانيا) begins other names as often
        if key not in _GIVEN_NAMES and not all(entry.ambiguous for entry in entries):
            return SCORE_NAME
        if previous is not None and (bare in _TITLE_FORMS or previous in _TITLE_FORMS):
            return SCORE_CUE
        return SCORE_AMBIGUOUS


# The persons' names are compiled into this many matchers, by their first letter: one
# pattern of all 4,000 names took 16 MB while it was compiled, and the memory it left
# scattered stayed resident (12.4 → 19.7 MB for the whole gazetteer; issue 15's bound is
# the window's memory with a million articles).
PERSON_MATCHERS = 4


def _matchers_by_first_letter(keys: Iterable[str], count: int) -> list[AliasMatcher]:
    """Matchers of ``keys`` in about ``count`` groups of whole first letters: the names that
    could begin at one place are in one matcher, which takes the longest."""
    by_letter: dict[str, list[str]] = {}
    for key in keys:
        by_letter.setdefault(key[:1], []).append(key)
    total = sum(map(len, by_letter.values()))
    groups: list[list[str]] = [[]]
    for letter in sorted(by_letter):
        if groups[-1] and len(groups[-1]) >= total / count:
            groups.append([])
        groups[-1].extend(by_letter[letter])
    return [AliasMatcher((None, key) for key in group) for group in groups if group]


def _scan_all(matchers: list[AliasMatcher], folded: str) -> list[_RawHit]:
    """The hits of several matchers as one matcher's: the leftmost first and, at one place,
    the longest, none overlapping a hit kept before it."""
    hits = sorted(
        (hit for matcher in matchers for hit in matcher.scan(folded)),
        key=lambda hit: (hit[0], -hit[2]),
    )
    kept: list[_RawHit] = []
    end = -1
    for hit in hits:
        if hit[0] >= end:
            kept.append(hit)
            end = hit[2]
    return kept


def _outgrows(person: _Found, other: _Found) -> bool:
    """Whether a person's name wins over a place's or a body's it overlaps: a name of several
    words over one inside it or ending inside it from the same written word (جورج واشنطن،
    مصطفى عبد الجليل، بريكس تيلرسون), and a whole written word over
    the same word read with a proclitic (باراك is not ب + أراك; بأراك, with its hamza, is
    never باراك: :func:`_hamza_inside`)."""
    if " " in person.key and other.end - other.start < person.end - person.start:
        inside = person.start <= other.start and other.end <= person.end
        if inside or (other.word_start == person.word_start and other.end < person.end):
            return True  # (بريكس | تيلرسون is ب + ريكس تيلرسون)
    return (
        person.word_start == person.start
        and other.word_start == person.word_start
        and other.end == person.end
        and other.start > other.word_start
    )


# Words of a football report (folded, after their proclitics): an article that writes them
# this often names clubs by their city (فاز ليفربول على شيفيلد).
_SPORTS_WORDS = (
    "مباراه", "مباريات", "الدوري", "دوري", "هدف", "هدفا", "هدفين", "اهداف", "الاهداف",
    "لاعب", "اللاعب", "لاعبي", "لاعبين", "اللاعبين", "المدرب", "مدرب", "الشوط", "المرمي",
    "حارس", "الحارس", "ركله", "ضربه", "الجزاء", "تعادل", "التعادل", "بالتعادل", "الملعب",
    "ملعب", "المهاجم", "مهاجم", "الوسط", "النتيجه", "الكره", "كره", "القدم",
)  # fmt: skip
_SPORTS_RE = re.compile(
    "(?<![^\\W_])[وفبل]?(?:"
    + "|".join(sorted(_SPORTS_WORDS, key=len, reverse=True))
    + ")(?![^\\W_])"
)
SPORTS_FROM = 6  # such words in an article about football
_IN_OR_PARTICLE = _folded("في", "دي", "دو", "دا", "ديل")
SCORE_CLUB = 0.85  # a club's city in an article about football


def _sports_article(folded: str, found: Sequence[_Found]) -> bool:
    """Whether the text is a football report that names a club's city (:data:`SPORTS_FROM`
    of :data:`_SPORTS_WORDS`): asked only when a club's city is found."""
    if not any(item.kind == "name" and any(e.club for e in item.entries) for item in found):
        return False
    return any(count >= SPORTS_FROM for count, _ in enumerate(_SPORTS_RE.finditer(folded), 1))


def _as_club(item: _Found, folded: str) -> _Found:
    """A club's city in a football report is the club (فاز ليفربول): an organisation; not
    after a word that announces a place (مدينة ليفربول، في تورينو), nor after a body's head
    (نادي ليون: the body is matched whole), nor inside a longer name (a person's, or غريميو
    دي بورتو اليغري)."""
    if item.kind != "name" or not any(e.club for e in item.entries) or item.score <= SCORE_PERSON:
        return item
    before = _previous_word(folded, item.word_start)
    if before is not None and (
        _is_cue(before[0], _PLACE_CUES)
        or _is_cue(before[0], _HEADS)  # نادي ليون: the body's own match has it
        or _bare(before[0]) in _IN_OR_PARTICLE  # في تورينو; غريميو دي بورتو اليغري
    ):
        return item
    place = next(e for e in item.entries if e.club)
    club = Entry(place.name, "ORG", "club", english=place.english)
    return _Found(item.word_start, item.start, item.end, item.key, "name", SCORE_CLUB, (club,))


def _disjoint_people(found: list[_Found]) -> list[_Found]:
    """The persons' names none of which overlaps another: a name joined with the first name
    before it may reach back over a name found there; the longer is kept."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.word_start, -(f.end - f.word_start))):
        if kept and item.word_start < kept[-1].end:
            if item.end - item.word_start <= kept[-1].end - kept[-1].word_start:
                continue
            kept.pop()
        kept.append(item)
    return kept


_HAMZAS = frozenset("أإآؤئء")
# A hamza in any written form: the letters, the combining marks, the presentation forms.
_MAY_HOLD_HAMZA = re.compile("[أإآؤئء\u0654\u0655\ufb50-\ufdff\ufe70-\ufeff]")


def _hamza_inside(
    raw: str, norm: Normalised, start: int, end: int, entries: tuple[Entry, ...]
) -> bool:
    """Whether the written word has a hamza after its first letter where none of the
    entries' names has one: ``ترأس`` (presided) and ``بأول`` (with the first) are not
    ``تراس`` (Truss) and ``باول`` (Powell). A hamza left out is common (ابراهيم). And a
    hamza first where every name begins with a madda: ``أبي`` is not ``آبي`` (Abe)."""
    raw_start, raw_end = norm.to_raw(start, end)
    if raw[raw_start : raw_start + 1] in ("أ", "إ") and all(
        name.startswith("آ") for name in _alone_forms(entries)
    ):
        return True  # أبي (my father), أبى (he refused) are not آبي (Abe): آ is no hamza
    if _MAY_HOLD_HAMZA.search(raw, raw_start + 1, raw_end) is None:
        return False  # (most words: one search in C)
    # (a presentation form or a combining hamza above or below is the same letter)
    written = unicodedata.normalize("NFKC", raw[raw_start:raw_end])[1:]
    if _HAMZAS.isdisjoint(written) and "\u0654" not in written and "\u0655" not in written:
        return False
    return not any(not _HAMZAS.isdisjoint(name[1:]) for entry in entries for name in entry.names)


def _alone_forms(entries: tuple[Entry, ...]) -> list[str]:
    """The one-word names of ``entries`` (never empty: a hit's key is one of them or a name
    of several words, whose first letter is the text's too)."""
    return [name for entry in entries for name in entry.names if " " not in name] or [""]


def _one_vowel_apart(a: str, b: str) -> bool:
    """Whether two words differ by one long vowel written or left out after their first
    letter (``فيديل``/``فيدل``, ``ديفيد``/``ديفد``) — not by a vowel moved (صلاح/صالح) nor
    by their first letter (حامد/أحمد، سوف/يوسف)."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) != len(b) + 1 or len(b) < 3:
        return False
    return any(a[i] in "اوي" and a[:i] + a[i + 1 :] == b for i in range(1, len(a)))


@dataclass(frozen=True, slots=True)
class _Found:
    """A match in folded offsets, before the second look and the map to raw offsets."""

    word_start: int
    start: int
    end: int
    key: str
    kind: MatchKind
    score: float
    entries: tuple[Entry, ...]
    name_start: int = -1


# The titles a person's name in the list may begin with (الملك فهد، الشيخة حسينة واجد، البابا
# فرنسيس، الإمام الرضا): they tell the name, and are not part of it — no person's name the
# development corpus's analysts tagged begins with one (132 after a title, none with it). The
# titles and occupations no surname alone is either (features.may_stand_alone), and two
# honorifics the lexicon lists nowhere.
_LEADING_TITLES = _TITLE_FORMS.keys() | _OCCUPATION_FORMS | _folded("النبي", "الشيخة")


_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\s+(\w+)")  # the next word, at a name's end
_LINE_WORD_RE = re.compile(r"[^\S\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+(\w+)")  # on its line


def _after_titles(folded: str, start: int, end: int, key: str) -> int:
    """Where the name ``key`` found at folded[start:end] begins after the titles it is listed
    with (read on the key: للشيخة is الشيخة written after ل)."""
    for word in key.split(" ")[:-1]:
        space = _SPACE_RE.search(folded, start, end)
        if word not in _LEADING_TITLES or space is None:
            break
        start = space.end()  # (a line break or a tab after the title too)
    return start


def _prepositional(clitics: str) -> bool:
    """Whether the proclitics hold a preposition (ب، ك، ل): then the name is its object."""
    return any(c in clitics for c in "بكل")


def _paper_score(folded: str, word_start: int, end: int, score: float) -> float:
    """A paper's or a channel's name that is also a common word (النهار، السفير): as sure as
    a name after a press noun (صحيفة النهار، لصحيفة « السفير »), a cue's score when it fills
    a quotation a reporting verb takes (ذكرت « الديار »); else ``score``."""
    head = _previous_word(folded, word_start, through_quote=True)
    if head is not None and _is_cue(head[0], _PRESS_CUES):
        return SCORE_NAME
    if not _quoted(folded, word_start, end):
        return score
    # a quotation a verb of reporting takes (زارت « سيدتي »، ذكرت « الديار »): not a noun's,
    # a particle's or a preposition's (شعار « الوطن »، أن « الوطن » فوق، دفاعا عن « الوطن »)
    if head is not None and _is_cue(head[0], _QUOTE_TAKERS):
        return max(score, SCORE_CUE)
    return score


def _common_paper(entries: Sequence[Entry]) -> bool:
    """Whether the entries are a paper's or a channel's name that is a common word (النهار،
    الوطن): named after a press noun, its other mentions are the word as often (تعديل الدستور
    after صحيفة الدستور), so the article's naming it is no evidence for them."""
    return all(entry.ambiguous and entry.subtype in ("media", "press") for entry in entries)


def _ambiguous_score(previous: str | None, entries: Sequence[Entry]) -> float:
    """An ambiguous name's score from the word before it: the cues of its entries' subtype
    where it has its own (:data:`_SUBTYPE_CUES`), else its type's."""
    if previous is None:
        return SCORE_AMBIGUOUS
    subtypes = {entry.subtype for entry in entries}
    cues = _SUBTYPE_CUES.get(subtypes.pop()) if len(subtypes) == 1 else None
    if cues is not None:
        return SCORE_CUE if _is_cue(previous, cues) else SCORE_AMBIGUOUS
    if entries[0].type == "ORG":
        return SCORE_CUE if _is_cue(previous, _BODY_CUES) else SCORE_AMBIGUOUS
    if _is_cue(previous, _PLACE_CUES):
        return SCORE_CUE
    if _is_cue(previous, _PLACE_PREPOSITIONS):
        return SCORE_PREPOSITION
    return SCORE_AMBIGUOUS
