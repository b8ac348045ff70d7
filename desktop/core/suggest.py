"""Rule-based suggestions of person names and claims in one news article.

Why rules and not a model: the app must run offline with nothing downloaded, under the MIT
licence, and news Arabic is formulaic enough that a few patterns find most of what an analyst
tags first: a person's name right after a title (``وزير الخارجية الروسي سيرغي لافروف``) and a
claim after a reporting verb (``وقال كيري إن «…»``). Suggestions are only offers: the analyst
accepts or rejects each, and the caller remembers the decisions (``skip``).

Everything runs on the folded text of :func:`desktop.core.arabic.normalise` (so hamza, harakat,
tatweel and ta marbuta variants do not matter) and is reported in raw code points. Where folding
loses a distinction that matters, the raw text is consulted: the article ال is told from a verb
that starts with أل (``ألقى`` folds to ``القي``) by the raw alef, and a final ة from ه.

The rules, in the order they run:

1. *Titles*: a title (الرئيس، وزير، المتحدث باسم، المبعوث، السفير، الجنرال، نظيره …) is followed
   by modifiers that are skipped (definite adjectives, construct nouns and their complements
   such as ``باسم وزارة الخارجية الروسية``, prepositional phrases such as ``الى سورية``), then
   by one to three name tokens up to a stop: punctuation, a function word, a verb, a time word,
   a title, a conjunction, a word in ة, a definite word other than a surname right after the
   first name (``بشار الأسد``). A name in quotation marks right after or right before a title
   is taken whole (``“جيمس جيفري” المبعوث``). A surname the article also uses on its own
   ends a name (``سيرغي لافروف محادثات`` → سيرغي لافروف). The rule runs twice, so what the
   first pass learnt applies to the whole article.
2. *Registry*: every alias of a known entity (:class:`AliasMatcher`) is suggested with the
   entity's type; organisations and locations come only from here, never from guesses.
3. *Claims*: the article is cut into sentences (on . ! ? ؟ and new lines, never inside a
   quotation), reporting verbs are found (قال، أعلن، أكد … with feminine, dual, plural,
   imperfect and participle forms and و/ف), and each verb opens a clause. Its claimant is the
   subject after the verb (a title phrase is reduced to its name), or the noun phrase before it
   (``وكان الكرملين أعلن``، ``إلا أن بوتين أوضح``), or, when the verb has none (``وأضاف «…»``),
   the person named after a title earlier in the sentence or else the article's previous
   claimant. The passage is the quotation when the clause opens with one (after أن/إن/: or at
   once), otherwise the reported clause up to the next clause. ``بحسب/وفق X،`` attributes a
   sentence with no reporting verb. A claimant made only of names learnt in the article is
   also suggested as a person; a body or a place that speaks (الكرملين، موسكو) is not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, PROCLITICS, Normalised, fold, normalise
from desktop.core.matching import AliasMatcher, Match

__all__ = ["LABEL_KEYS", "Suggestion", "suggest"]

SuggestionKind = Literal["entity", "claim"]
LABEL_KEYS = ("person", "organisation", "location", "event", "claim")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate annotation. Offsets are raw code points of the article text.

    For claims, ``claimant``/``claimant_span`` give who said it as written (for an inherited
    claimant, where it was last named) and ``entity_id`` the claimant's registry entity when
    known; for entities ``entity_id`` is the registry entity the name matched, if any.
    """

    kind: SuggestionKind
    label_key: str
    start: int
    end: int
    text: str
    rule: str
    entity_id: int | None = None
    claimant: str | None = None
    claimant_span: tuple[int, int] | None = None


# --------------------------------------------------------------------------------------------
# Word lists (written naturally, folded once at import so they compare with folded tokens)
# --------------------------------------------------------------------------------------------


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


def _with_prefixes(words: Iterable[str], prefixes: Iterable[str]) -> frozenset[str]:
    prefixes = tuple(prefixes)
    return frozenset(p + w for w in words for p in prefixes)


# Titles that already carry the article: nothing after them is a complement.
_ARTICLE_TITLES = _folded(
    "الرئيس", "الرئيسة", "الوزير", "الوزيرة", "المتحدث", "المتحدثة", "الناطق", "الناطقة",
    "المبعوث", "المبعوثة", "السفير", "السفيرة", "الجنرال", "اللواء", "العميد", "العقيد",
    "المشير", "الملك", "الملكة", "الأمير", "الأميرة", "الشيخ", "الأمين", "المستشار",
    "المستشارة", "المندوب", "المندوبة", "النائب", "النائبة", "الدكتور", "الدكتورة", "السيد",
    "السيدة", "البابا", "المرشد", "الزعيم", "القائد", "الحاكم", "المفوض", "المفوضة",
)  # fmt: skip
# Titles in construct state: the next indefinite word is their complement (وزير خارجية …).
_CONSTRUCT_TITLES = _folded(
    "وزير", "وزيرة", "وزيرا", "وزيري", "رئيس", "رئيسة", "رئيسا", "نائب", "نائبة", "مبعوث",
    "مبعوثة", "سفير", "سفيرة", "مستشار", "مستشارة", "مندوب", "مندوبة", "زعيم", "زعيمة", "قائد",
    "متحدث", "متحدثة", "ناطق", "ممثل", "ممثلة", "أمين", "مدير", "مديرة", "حاكم", "ولي", "مفوض",
)  # fmt: skip
_PRONOUN_TITLES = _folded("نظيره", "نظيرها", "نظيرهم", "نظيرته", "نظيرتها")


def _title_forms() -> dict[str, str]:
    """Every written form of a title (with proclitics, ل + ال contracted) → its bare form."""
    forms: dict[str, str] = {}
    for title in _CONSTRUCT_TITLES | _PRONOUN_TITLES:
        for prefix in PROCLITICS:
            forms[prefix + title] = title
    for title in _ARTICLE_TITLES:
        for prefix in PROCLITICS:
            forms[prefix + title] = title
        for prefix in LAM_CLITICS:
            forms[prefix + LAM + title[len(ARTICLE) :]] = title  # للرئيس
    return forms


_TITLE_FORMS = _title_forms()

# Nouns that head an organisation or office name in construct state (وزارة الخارجية، هيئة
# الأركان، باسم الكرملين): skipped between a title and a name, with their complement.
_CONSTRUCT_NOUNS = _folded(
    "وزارة", "هيئة", "رئاسة", "إدارة", "قيادة", "مجلس", "منظمة", "حكومة", "جامعة", "حركة",
    "حزب", "مكتب", "لجنة", "مفوضية", "بعثة", "سفارة", "دائرة", "جبهة", "قوات", "جيش", "شؤون",
    "مؤسسة", "اتحاد", "جمهورية", "مملكة", "دولة", "وكالة", "أمانة", "محكمة", "برلمان",
    "وزراء", "أركان", "خارجية", "دفاع", "داخلية", "مالية", "اقتصاد", "عدل", "إعلام", "صحة",
    "شرطة", "استخبارات", "مخابرات", "باسم", "منطقة", "مدينة", "ولاية", "إقليم", "شركة", "بنك",
    "مصرف", "صندوق", "برنامج", "مركز", "معهد", "تحالف", "ائتلاف", "تنظيم", "الأمم",
)  # fmt: skip
_CONSTRUCT_FORMS = _with_prefixes(_CONSTRUCT_NOUNS, ("", "ل", "ب"))
# Prepositions whose object is skipped between a title and a name (المبعوث الخاص الى سورية).
_LINK_PREPOSITIONS = _folded("إلى", "في", "لدى")

_FUNCTION_WORDS = _folded(
    "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم",
    "أنهما", "أنّه", "بأن", "بأنه", "بأنها", "لأن", "لكن", "لكنه", "لكنها", "ولكن", "الذي",
    "التي", "الذين", "اللذين", "اللتين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هما",
    "قد", "لقد", "وقد", "لم", "لن", "لا", "ما", "كان", "كانت", "كما", "حيث", "بعد", "قبل",
    "خلال", "منذ", "حول", "ضد", "بين", "عند", "لدى", "أمام", "نحو", "عبر", "دون", "أو", "ثم",
    "بل", "إذ", "إذا", "غير", "كل", "بعض", "أيضا", "حتى", "عقب", "إثر", "وفق", "حسب", "بحسب",
    "مثل", "بشأن", "عليه", "إلا", "وهو", "وهي", "فيما", "بينما", "سوى", "أي", "لدي", "ليس",
    "بما", "مما", "عما", "أنّ", "كذلك", "له", "لها", "لهم", "به", "بها", "فيه", "فيها", "منه",
    "منها", "عنه", "عنها", "إليه",
)  # fmt: skip
_TIME_WORDS = _folded(
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "اليوم",
    "غدا", "الآن", "صباح", "مساء", "ظهر", "ليل", "ليلة", "يوم", "الأسبوع", "الشهر", "البارحة",
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين", "مطلع", "أواخر", "أوائل", "منتصف",
)  # fmt: skip
# Common verbs that follow a subject name in news; they end a name.
_COMMON_VERBS = _folded(
    "زار", "التقى", "وصل", "اجتمع", "بحث", "ناقش", "دعا", "طالب", "رفض", "قرر", "استقبل",
    "توجه", "غادر", "هدد", "أجرى", "تحدث", "عقد", "وقع", "يعمل", "يعملان", "يلتقي", "يزور",
    "يتوجه", "يعقد", "يشارك", "يبحث", "يجري", "يلقي", "سيلتقي", "سيزور", "سيتوجه", "سيعقد",
    "سيشارك", "سيبحث", "سيجري", "سيلقي", "ستلتقي", "ستزور", "ستعقد", "ستشارك", "أعرب",
)  # fmt: skip
# Name particles that do not count towards the three name tokens.
_NAME_PARTICLES = _folded("بن", "ابن", "بنت", "أبو", "عبد", "دي", "دو", "فون", "فان", "آل")
_KANA = _folded("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت")
_LOOKBACK_TRIGGERS = _KANA | _folded("أن", "إن", "لكن", "ولكن", "بينما", "فيما", "حين", "إلا")
_COMPLEMENTISERS = _folded(
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "أننا", "إننا", "بأن",
    "بأنه", "بأنها", "بأنهم", "بأنهما", "وأن", "وإن",
)  # fmt: skip
_ATTRIBUTION = _folded("بحسب", "حسب", "وبحسب", "وحسب", "وفق", "ووفق", "وفقا", "ووفقا")
_WIFQAN = fold("وفقا")  # وفقا ل X: the ل is skipped before the source
_INNA = _folded("فإن", "فان", "إن", "أن")  # بحسب X، فإن …: the particle opens the claim
# Passages end at a comma followed by one of these: the narrative resumes (، وكان هناك …).
# "أن" after these is part of a conjunction (إلا أن "however"), not a complementiser.
_CONJUNCTIVE = _folded("إلا", "غير", "رغم", "برغم", "بالرغم")
_KAMA = _folded("كما", "وكما")  # «…»، كما أعلنت موسكو: the claim comes before the verb
_WASF = fold("وصف")
_KULL, _MIN, _FI, _AN = fold("كل"), fold("من"), fold("في"), fold("عن")
_NARRATIVE_RESUMES = _folded("وكان", "وكانت", "وفي", "وعقب", "وبعد", "وخلال", "ومن", "وهو")

# Reporting verbs: form → (verb, kind). "finite" verbs take a subject; "participle" (مضيفا)
# and "pronoun" (بقوله) forms never do; "noun" (إعلان) needs a complement to count.
_VerbKind = Literal["finite", "participle", "pronoun", "noun"]
_FINITE = {
    "قال": "قال قالت قالا قالتا قالوا يقول تقول يقولون",
    "أعلن": "أعلن أعلنت أعلنا أعلنتا أعلنوا يعلن تعلن",
    "أكد": "أكد أكدت أكدا أكدتا أكدوا يؤكد تؤكد",
    "أشار": "أشار أشارت أشارا أشارتا أشاروا يشير تشير",
    "صرح": "صرح صرحت صرحا صرحوا يصرح تصرح",
    "أوضح": "أوضح أوضحت أوضحا أوضحوا يوضح توضح",
    "شدد": "شدد شددت شددا شددوا يشدد تشدد",
    "أضاف": "أضاف أضافت أضافا أضافوا يضيف تضيف",
    "لفت": "لفت لفتت لفتا لفتوا يلفت تلفت",
    "اعتبر": "اعتبر اعتبرت اعتبرا اعتبروا يعتبر تعتبر",
    "نفى": "نفى نفت نفيا نفوا ينفي تنفي",
    "كشف": "كشف كشفت كشفا كشفوا يكشف تكشف",
    "ذكر": "ذكر ذكرت ذكروا يذكر تذكر ذكره ذكرته",
    "أفاد": "أفاد أفادت أفادوا يفيد تفيد",
    "حذر": "حذر حذرت حذروا يحذر تحذر",
    "رأى": "رأى رأت رأوا يرى ترى",
    "وصف": "وصف وصفت وصفه وصفها وصفته",
    "أخبر": "أخبر أخبرت أخبره أخبرها أخبرته أخبرهم",
    "أبلغ": "أبلغ أبلغت أبلغه أبلغها",
}
# Also common words ("affiliated", "continuing"), so only counted with و/ف in front.
_FINITE_CONJOINED = {"تابع": "تابع تابعت", "أكمل": "أكمل أكملت"}
_PARTICIPLES = {
    "أضاف": "مضيفا مضيفة مضيفين",
    "أشار": "مشيرا مشيرة مشيرين",
    "أكد": "مؤكدا مؤكدة مؤكدين",
    "أوضح": "موضحا موضحة موضحين",
    "اعتبر": "معتبرا معتبرة",
    "لفت": "لافتا لافتة",
    "شدد": "مشددا مشددة",
    "نفى": "نافيا نافية",
    "كشف": "كاشفا كاشفة",
    "حذر": "محذرا محذرة",
    "تابع": "متابعا متابعة",
}
# Verbs whose claim may follow without أن/إن or a quotation (شدد على ضرورة …، أعلن أهمية …).
_UNMARKED_OK = _folded("أعلن", "أكد", "شدد", "أشار", "نفى", "كشف", "حذر", "اعتبر", "لفت")
_UNMARKED_LEADS = _folded("على", "إلى", "عن", "من")


def _verb_forms() -> dict[str, tuple[str, _VerbKind]]:
    forms: dict[str, tuple[str, _VerbKind]] = {}
    for verb, written in _FINITE.items():
        for form in written.split():
            for prefix in ("", "و", "ف"):
                forms[prefix + fold(form)] = (fold(verb), "finite")
    for verb, written in _FINITE_CONJOINED.items():
        for form in written.split():
            for prefix in ("و", "ف"):
                forms[prefix + fold(form)] = (fold(verb), "finite")
    for verb, written in _PARTICIPLES.items():
        for form in written.split():
            forms[fold(form)] = (fold(verb), "participle")
    for form in ("بقوله", "بقولها", "بقولهم"):
        forms[fold(form)] = (fold("قال"), "pronoun")
    for form in ("إعلان", "وإعلان", "بإعلان"):
        forms[fold(form)] = (fold("أعلن"), "noun")
    return forms


_VERB_FORMS = _verb_forms()
_VERB_WORDS = frozenset(_VERB_FORMS) | _COMMON_VERBS
# Imperfect dual/plural verbs (يعملان، يتفقون) after a name.
_VERBISH_RE = re.compile(r"[يت]\w{2,}(?:ان|ون)")

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_QUOTE_CHARS = '«»“”"„‟'
_QUOTE_RE = re.compile("[" + _QUOTE_CHARS + "]")
_SENTENCE_END_RE = re.compile(r"[.!?؟]+(?=[\s" + _QUOTE_CHARS + r"]|$)|\n")
_TRIM = " \t\n\r،,.:;؛!?؟-–—"
_MAX_NAME = 3
_MAX_SKIP = 14
_MARKER_WINDOW = 22
_SHORT_WINDOW = 5
_MAX_SUBJECT = 6
_MAX_QUOTE = 4000


# --------------------------------------------------------------------------------------------
# The article as tokens over folded text
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    verb: int  # token index of the reporting verb
    boundary: int  # token index where the clause starts (for the previous clause's end)
    content: int  # token index after the subject
    claimant: tuple[int, int] | None  # token range of an explicit subject
    speaker: tuple[int, int] | None = None  # folded span of the claimant, own or inherited
    marker: tuple[str, int, int] | None = None  # ("that" | "quote", token, end token)
    passage_end: int | None = None  # folded offset where a quotation passage ends


@dataclass(slots=True)
class _Article:
    text: str
    norm: Normalised
    words: list[str]
    starts: list[int]
    ends: list[int]
    quotes: list[tuple[int, int]]  # folded (open, close) positions of quotation marks
    quote_starts: list[int]
    sentences: list[int]  # folded offsets where sentences end (sorted)
    learnt: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    counts: Counter[str] | None = None
    word_prefix: list[int] | None = None
    names: list[tuple[int, int]] = field(default_factory=list)  # title names, token ranges

    @classmethod
    def build(cls, text: str) -> _Article:
        norm = normalise(text)
        folded = norm.text
        spans = [m.span() for m in _TOKEN_RE.finditer(folded)]
        words = [folded[s:e] for s, e in spans]
        quotes = _quote_spans(folded)
        ends = _sentence_ends(folded, quotes)
        return cls(
            text,
            norm,
            words,
            [s for s, _ in spans],
            [e for _, e in spans],
            quotes,
            [q[0] for q in quotes],
            ends,
        )

    # --- token features ----------------------------------------------------------------------
    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _wordlike(self.words[i]) == 1

    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_raw(start, end)

    def article_stem(self, i: int) -> str | None:
        """The word after its article, or None.

        ال is checked on the raw alef, since ``ألقى`` folds to ``القي``. Only و and ب are
        accepted in front of the article (and ل in the contracted للـ): ف/ك + ال are rare in
        the places these rules look, while names such as فاليري and كالين are not.
        """
        word = self.words[i]
        for prefix, shortest in (("", 2), ("و", 3), ("ب", 3), ("وب", 3)):
            n = len(prefix)
            if word.startswith(prefix + "ال") and len(word) >= n + 2 + shortest:
                raw_alef = self.norm.offsets[self.starts[i] + n]
                if self.text[raw_alef] in "اٱ":
                    return word[n + 2 :]
        for prefix in LAM_CLITICS:  # ل + ال is written لل
            n = len(prefix) + len(LAM)
            if word.startswith(prefix + LAM) and len(word) >= n + 3:
                return word[n:]
        return None

    def in_ta(self, i: int) -> bool:
        """Whether word ``i`` ends in ta marbuta as written (folding makes it ه, like زاده)."""
        return self.text[self.norm.offsets[self.ends[i] - 1]] == "ة"

    def is_stop(self, i: int, *, verbish: bool = True) -> bool:
        """Function, time and verb words, numbers; with ``verbish``, dual/plural verbs too
        (يعملان), which end a name but may belong to a subject phrase (مستشارون يرافقون …)."""
        word = self.words[i]
        return (
            word in _FUNCTION_WORDS
            or word in _TIME_WORDS
            or word in _VERB_WORDS
            or word.isdigit()
            or (verbish and _VERBISH_RE.fullmatch(word) is not None)
        )

    def count(self, word: str) -> int:
        if self.counts is None:
            self.counts = Counter(self.words)
        return self.counts[word]

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """Folded (start, end) of the sentence holding ``position``."""
        k = bisect_right(self.sentences, position)
        start = self.sentences[k - 1] if k else 0
        end = self.sentences[k] if k < len(self.sentences) else len(self.norm.text)
        return start, end

    def token_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect_left(self.starts, position)

    def quote_at(self, i: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is token ``i``."""
        pos = self.starts[i]
        k = bisect_left(self.quote_starts, pos)
        if k < len(self.quotes) and self.quotes[k][0] == pos:
            return self.quotes[k]
        return None

    def in_quote(self, position: int) -> bool:
        k = bisect_right(self.quote_starts, position) - 1
        return k >= 0 and self.quotes[k][0] < position < self.quotes[k][1]

    def words_between(self, start: int, end: int) -> int:
        """Number of word tokens in the folded span, in O(log n) whatever its length."""
        if self.word_prefix is None:
            self.word_prefix = list(accumulate(map(_wordlike, self.words), initial=0))
        return self.word_prefix[self.token_at(end)] - self.word_prefix[self.token_at(start)]


def _wordlike(token: str) -> int:
    """1 for a word token (the regex ``\\w+``), 0 for punctuation: summable."""
    return 1 if token[0].isalnum() or token[0] == "_" else 0


def _quote_spans(folded: str) -> list[tuple[int, int]]:
    """Quotations as (opening mark, closing mark) positions, paragraph by paragraph.

    Arabic sources use «» and, inconsistently, “” and "" in both directions, so a mark's role
    is read from its shape: space before and a letter after opens, the reverse closes, and an
    ambiguous mark toggles. Nested quotations are tracked by depth; a paragraph whose marks do
    not balance that way is re-read flat (a new opening mark inside a quotation is ignored),
    which copes with sources that open a quotation twice.
    """
    spans: list[tuple[int, int]] = []
    marks = [(m.start(), m.group()) for m in _QUOTE_RE.finditer(folded)]
    if not marks:
        return spans
    paragraph: list[tuple[int, str]] = []
    newline = folded.find("\n")
    for pos, char in marks:
        while newline != -1 and newline < pos:
            spans.extend(_pair_marks(folded, paragraph))
            paragraph = []
            newline = folded.find("\n", newline + 1)
        paragraph.append((pos, char))
    spans.extend(_pair_marks(folded, paragraph))
    return [s for s in spans if s[1] - s[0] <= _MAX_QUOTE]


def _mark_role(folded: str, pos: int, char: str) -> int:
    """+1 opens, -1 closes, 0 ambiguous."""
    if char == "«":
        return 1
    if char == "»":
        return -1
    before = folded[pos - 1] if pos else " "
    after = folded[pos + 1] if pos + 1 < len(folded) else " "
    space_before = before.isspace() or before in "(:[،,«" or before in _QUOTE_CHARS
    space_after = after.isspace() or after in ".,،؛;:!?؟)]" or after in _QUOTE_CHARS
    if space_before and not space_after:
        return 1
    if space_after and not space_before:
        return -1
    return 0


def _pair_marks(folded: str, marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    roles = [_mark_role(folded, pos, char) for pos, char in marks]
    spans: list[tuple[int, int]] = []
    depth, opened = 0, -1
    for (pos, _), role in zip(marks, roles, strict=True):
        if role > 0 or (role == 0 and depth == 0):
            if depth == 0:
                opened = pos
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((opened, pos))
    if depth == 0:
        return spans
    spans, opened = [], -1
    for (pos, _), role in zip(marks, roles, strict=True):
        if opened < 0:
            if role >= 0:
                opened = pos
        elif role <= 0:
            spans.append((opened, pos))
            opened = -1
    return spans


def _sentence_ends(folded: str, quotes: list[tuple[int, int]]) -> list[int]:
    """Folded offsets just after each sentence end that is not inside a quotation."""
    starts = [q[0] for q in quotes]
    ends: list[int] = []
    for found in _SENTENCE_END_RE.finditer(folded):
        pos = found.start()
        if found.group() != "\n":
            k = bisect_right(starts, pos) - 1
            if k >= 0 and quotes[k][0] < pos < quotes[k][1]:
                continue
        ends.append(found.end())
    return ends


# --------------------------------------------------------------------------------------------
# Rule 1: names after titles
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Rule 3: claims
# --------------------------------------------------------------------------------------------


def _subject_after(art: _Article, verb: int, limit: int) -> tuple[tuple[int, int] | None, int]:
    """(claimant token range or None, first token after the subject) for a finite verb."""
    words = art.words
    j = verb + 1
    if j >= limit:
        return None, j
    # an addressee before the subject-less complement: قال لوسائل الإعلام أن …
    if (
        words[j].startswith("ل")
        and art.is_word(j)
        and words[j] not in art.learnt
        and (words[j][1:] in art.learnt or words[j].startswith("لل") or _definite(art, j + 1))
    ):
        j += 1
        while j < limit and art.is_word(j) and art.article_stem(j) is not None:
            j += 1
    if j + 1 < limit and words[j] == _KULL and words[j + 1] == _MIN:
        j += 2  # واكد كل من بومبيو وجيفري
    if j >= limit or art.is_stop(j):
        return None, j
    word = words[j]
    if word in _QUOTE_CHARS:
        name = _quoted_name(art, j)
        span = art.quote_at(j)
        if name is not None and span is not None:
            after = art.token_at(span[1]) + 1
            if after < limit and art.is_word(after) and words[after] not in _COMPLEMENTISERS:
                return name, after
        return None, j
    if not art.is_word(j):
        return None, j
    if word in _TITLE_FORMS:
        name = _name_after_title(art, j)
        if name is not None:
            return name, name[1] + 1
    first = j
    count = 0
    while j < limit and count < _MAX_SUBJECT:
        word = words[j]
        if not art.is_word(j):
            span = art.quote_at(j) if word in _QUOTE_CHARS else None
            if span is not None and j > first:  # صحيفة “واشنطن بوست”
                close = art.token_at(span[1])
                if close - j <= 4:
                    j = close + 1
                    continue
            break
        if word in _COMPLEMENTISERS or (word != _FI and art.is_stop(j, verbish=False)):
            break
        if j > first and (
            (word.startswith("ل") and word not in art.learnt)
            or word.endswith(("هما", "هم"))
            or (word == _FI and all(words[k] in art.learnt for k in range(first, j)))
        ):
            break
        if word == _FI and j + 1 < limit and art.is_stop(j + 1):
            break
        count += 1
        j += 1
    if j == first:
        return None, j
    return (first, j - 1), j


def _definite(art: _Article, i: int) -> bool:
    return i < len(art.words) and art.is_word(i) and art.article_stem(i) is not None


def _subject_before(art: _Article, verb: int, floor: int) -> tuple[tuple[int, int], int] | None:
    """Subject written before the verb: ``وكان الكرملين أعلن``, ``إلا أن بوتين أوضح``,
    ``وكان رئيس الوزراء الإسرائيلي بنيامين نتنياهو قد أكد``.

    Returns the claimant token range and the token where the clause starts.
    """
    words = art.words
    j = verb - 1
    if j >= floor and words[j] in _QAD:
        j -= 1
    collected: list[int] = []
    while j >= floor:
        word = words[j]
        if word in _LOOKBACK_TRIGGERS:
            if collected and len(collected) <= _MAX_SUBJECT:
                return (collected[-1], collected[0]), j
            if collected:
                return None
            if word in _KANA:
                j -= 1
                continue
            return None
        if not art.is_word(j):
            if word in _QUOTE_CHARS:
                collected.append(j)
                j -= 1
                continue
            break
        if word in _TITLE_FORMS and collected:
            name = _name_after_title(art, j)
            if name is not None and name[1] == collected[0]:
                return name, j
            return None
        if art.is_stop(j) or word in _TITLE_FORMS or len(collected) >= _MAX_SUBJECT + 6:
            return None
        collected.append(j)
        j -= 1
    if collected and j < floor and len(collected) <= _MAX_SUBJECT:
        return (collected[-1], collected[0]), collected[-1]
    return None


_QAD = _folded("قد", "لقد")


def _find_marker(art: _Article, clause: _Clause, limit: int, window: int) -> None:
    """Where the reported content starts: a complementiser, a colon or a quotation.

    The search stops at the next reporting verb (its clause is another claim) and after
    ``window`` tokens: a verb with a subject may be followed by adverbials and an addressee
    (``قال X، في مؤتمر صحافي مشترك مع Y، «…»``), a subject-less one introduces at once.
    A short quotation on the way (``«بي بي سي»``) is a name, not the claim; ``إلا أن`` and
    ``غير أن`` are conjunctions, not complementisers.
    """
    words = art.words
    j = clause.content
    stop = min(limit, j + window)
    first_content = j
    while first_content < stop and words[first_content] in "،,":
        first_content += 1
    while j < stop:
        word = words[j]
        if word in _VERB_FORMS and j != clause.verb:
            return
        if word in _QUOTE_CHARS:
            span = art.quote_at(j)
            if span is not None:
                close = art.token_at(span[1])
                if j == first_content or art.words_between(span[0], span[1]) >= 4:
                    clause.marker = ("quote", j, close)
                    clause.passage_end = span[1]
                    return
                j = close + 1
                continue
        elif (word in _COMPLEMENTISERS and words[j - 1] not in _CONJUNCTIVE) or word == ":":
            after = j + 1
            if after < len(words) and words[after] in _QUOTE_CHARS:
                span = art.quote_at(after)
                if span is not None:
                    clause.marker = ("quote", after, art.token_at(span[1]))
                    clause.passage_end = span[1]
                    return
            clause.marker = ("that", j, after)
            return
        j += 1


def _clauses(art: _Article) -> list[tuple[_Clause, int, int]]:
    """Every reporting clause with its sentence's folded (start, end), in text order."""
    words = art.words
    clauses: list[tuple[_Clause, int, int]] = []
    last_speaker: tuple[int, int] | None = None
    for v, word in enumerate(words):
        form = _VERB_FORMS.get(word)
        if form is None:
            continue
        verb, kind = form
        position = art.starts[v]
        if art.in_quote(position):
            continue
        s_start, s_end = art.sentence_bounds(position)
        floor, limit = art.token_at(s_start), art.token_at(s_end)
        prefixed = word[0] in "وف" and word[1:] in _VERB_FORMS
        after_comma = v > floor and words[v - 1] in "،,"
        if clauses and clauses[-1][2] == s_end:
            previous = clauses[-1][0]
            if previous.passage_end is not None and position < previous.passage_end:
                continue
            if (
                previous.marker is not None
                and previous.marker[0] == "that"
                and not prefixed
                and kind not in ("participle", "pronoun")
                and not after_comma
            ):
                continue  # a verb inside reported speech: أن موسكو وواشنطن أكدتا …
        boundary = v
        claimant: tuple[int, int] | None = None
        content = v + 1
        if kind in ("finite", "noun"):
            before = None if prefixed or kind == "noun" else _subject_before(art, v, floor)
            if before is not None:
                claimant, boundary = before
            else:
                claimant, content = _subject_after(art, v, limit)
                if (
                    claimant is not None
                    and verb == _WASF
                    and not word.endswith(("ه", "ها"))
                    and any(words[k] not in art.learnt for k in range(claimant[0], claimant[1] + 1))
                ):
                    claimant, content = None, v + 1  # وصف X بأنه: X is the object
            if kind == "noun" and (
                claimant is None
                or content >= len(words)
                or (words[content] not in _COMPLEMENTISERS and words[content] != _AN)
            ):
                continue  # إعلان X أن / إعلان X عن …, nothing looser
        if v > floor and words[v - 1] in _KAMA:
            boundary = v - 1
        clause = _Clause(v, boundary, content, claimant)
        if claimant is not None:
            last_speaker = (art.starts[claimant[0]], art.ends[claimant[1]])
        elif kind == "finite" and not (clauses and clauses[-1][2] == s_end):
            # واستقبل الرئيس التونسي قيس سعيد وفدا …، وشدد على …: the sentence's named actor
            named = _last_name_between(art, floor, v)
            if named is not None:
                last_speaker = (art.starts[named[0]], art.ends[named[1]])
        clause.speaker = last_speaker
        window = _MARKER_WINDOW if claimant is not None else _SHORT_WINDOW
        _find_marker(art, clause, limit, window)
        clauses.append((clause, s_start, s_end))
    return clauses


def _last_name_between(art: _Article, first: int, last: int) -> tuple[int, int] | None:
    """The last name found after a title in tokens [first, last), outside quotations."""
    k = bisect_left(art.names, (last, -1)) - 1
    while k >= 0 and art.names[k][0] >= first:
        name = art.names[k]
        if name[1] < last and not art.in_quote(art.starts[name[0]]):
            return name
        k -= 1
    return None


def _trim(art: _Article, start: int, end: int) -> tuple[int, int]:
    folded = art.norm.text
    while start < end and folded[start] in _TRIM:
        start += 1
    while end > start and folded[end - 1] in _TRIM:
        end -= 1
    return start, end


def _narrative_cut(art: _Article, first: int, end: int) -> int:
    """End a reported clause where the narrative visibly resumes (، وكان هناك …)."""
    words = art.words
    last = art.token_at(end)
    seen = 0
    for j in range(first, last):
        if art.is_word(j):
            seen += 1
        elif words[j] in "،," and seen >= 4 and j + 1 < last and words[j + 1] in _NARRATIVE_RESUMES:
            return art.starts[j]
    return end


def _claim_spans(art: _Article) -> list[tuple[int, int, tuple[int, int] | None, bool]]:
    """(passage start, passage end, claimant span, explicit?) in folded offsets."""
    words = art.words
    clauses = _clauses(art)
    found: list[tuple[int, int, tuple[int, int] | None, bool]] = []
    for k, (clause, s_start, s_end) in enumerate(clauses):
        end = s_end
        if k + 1 < len(clauses) and clauses[k + 1][2] == s_end:
            end = min(end, art.starts[clauses[k + 1][0].boundary])
        if words[clause.boundary] in _KAMA:  # «…»، كما أعلنت موسكو: the claim came first
            if k and clauses[k - 1][2] == s_end:
                continue  # what precedes is already the previous clause's passage
            a, b = _trim(art, s_start, art.starts[clause.boundary])
            if art.words_between(a, b) >= 3:
                found.append((a, b, clause.speaker, clause.claimant is not None))
            continue
        marker = clause.marker
        if marker is not None and marker[0] == "quote":
            open_pos = art.starts[marker[1]] + 1
            close_pos = clause.passage_end if clause.passage_end is not None else end
            a, b = _trim(art, open_pos, close_pos)
        elif marker is not None:
            start = art.ends[marker[1]]
            a, b = _trim(art, start, _narrative_cut(art, art.token_at(start), end))
        else:
            verb, kind = _VERB_FORMS[words[clause.verb]]
            j = clause.content
            while j < len(words) and words[j] in "،,":
                j += 1
            lead = words[j] if j < len(words) else ""
            if verb not in _UNMARKED_OK or (
                kind in ("participle", "noun") and lead not in _UNMARKED_LEADS
            ):
                continue
            if lead in _UNMARKED_LEADS:
                j += 1
            if j >= len(words):
                continue
            start = art.starts[j]
            a, b = _trim(art, start, _narrative_cut(art, j, end))
            if art.words_between(a, b) < 3:
                continue
        if b > a:
            found.append((a, b, clause.speaker, clause.claimant is not None))
    covered = {s_start for _, s_start, _ in clauses}
    found.extend(_attributed_sentences(art, covered))
    return found


def _attributed_sentences(
    art: _Article, covered: set[int]
) -> list[tuple[int, int, tuple[int, int] | None, bool]]:
    """Sentences without a reporting verb: ``بحسب/وفق X، …`` and long quotations."""
    words = art.words
    found: list[tuple[int, int, tuple[int, int] | None, bool]] = []
    for i, word in enumerate(words):
        if word not in _ATTRIBUTION:
            continue
        s_start, s_end = art.sentence_bounds(art.starts[i])
        if s_start in covered or art.in_quote(art.starts[i]):
            continue
        j = i + 1
        if word.endswith(_WIFQAN) and j < len(words) and words[j] == LAM:
            j += 1
        first = j
        limit = art.token_at(s_end)
        while j < limit and art.is_word(j) and j - first < _MAX_SUBJECT + 2:
            j += 1
        if j == first or j >= limit or words[j] not in "،,":
            continue
        if j - first == 1 and words[first].endswith(("ه", "ها", "هم")):
            continue  # بحسب تعبيره: refers back to a speaker already attributed
        claimant = (art.starts[first], art.ends[j - 1])
        sentence_first = art.token_at(s_start)
        if i == sentence_first:
            k = j + 1
            if k < limit and words[k] in _INNA:
                k += 1
            a, b = _trim(art, art.starts[k] if k < limit else s_end, s_end)
        else:
            a, b = _trim(art, s_start, s_end)
            if words[sentence_first][0] == "و" and art.starts[sentence_first] == a:
                a += 1
        if art.words_between(a, b) >= 3:
            covered.add(s_start)
            found.append((a, b, claimant, True))
    return found


# --------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------


def suggest(
    text: str,
    matcher: AliasMatcher | None,
    *,
    known_types: dict[int, str] | None = None,
    skip: Callable[[int, int], bool] | None = None,
) -> list[Suggestion]:
    """Entity and claim suggestions for one article, sorted by start.

    ``matcher`` holds the registry's aliases (``None`` for rules only); ``known_types`` maps
    entity ids to their type (default: the types the matcher was built with). ``skip(start,
    end)`` returns True for spans the caller does not want offered again (already annotated or
    decided).
    """
    art = _Article.build(text)
    types = dict(matcher.types) if matcher is not None else {}
    types.update(known_types or {})
    registry = matcher.find_normalised(art.norm) if matcher is not None else []
    persons = [m for m in registry if types.get(m.entity_id or -1) == "person"]
    for match in persons:
        art.learnt.update(w for w in fold(text[match.start : match.end]).split())

    names = _title_names(art)
    _learn(art, names)
    names = _title_names(art)  # again, now that surnames end names
    _learn(art, names)
    art.names = sorted((first, last) for first, last, _ in names)

    results: dict[tuple[str, int, int], Suggestion] = {}

    def add(item: Suggestion) -> None:
        if item.end <= item.start:
            return
        if skip is not None and skip(item.start, item.end):
            return
        results.setdefault((item.kind, item.start, item.end), item)

    name_spans: list[tuple[int, int]] = []
    for first, last, _ in names:
        start, end = art.raw(art.starts[first], art.ends[last])
        if any(
            m.start < end and start < m.end and types.get(m.entity_id or -1) != "person"
            for m in registry
        ):
            continue  # the registry knows this span as an organisation or a place
        name_spans.append((start, end))
        add(_entity(text, start, end, "title", _entity_inside(persons, start, end)))

    for match in registry:
        label = types.get(match.entity_id or -1)
        if label not in LABEL_KEYS or label == "claim":
            continue
        if any(s < match.end and match.start < e for s, e in name_spans):
            continue
        add(
            Suggestion(
                "entity",
                label,
                match.start,
                match.end,
                text[match.start : match.end],
                "alias",
                match.entity_id,
            )
        )

    for a, b, speaker, explicit in _claim_spans(art):
        start, end = art.raw(a, b)
        claimant = claimant_span = None
        entity_id = None
        if speaker is not None:
            claimant_span = art.raw(*speaker)
            claimant = text[claimant_span[0] : claimant_span[1]]
            entity_id = _entity_inside(registry, *claimant_span)
            for name in _claimant_names(art, speaker) if explicit else ():
                n_start, n_end = art.raw(*name)
                person = _entity_inside(persons, n_start, n_end)
                add(_entity(text, n_start, n_end, "claimant", person))
        add(
            Suggestion(
                "claim",
                "claim",
                start,
                end,
                text[start:end],
                "reported",
                entity_id,
                claimant,
                claimant_span,
            )
        )
    return sorted(results.values(), key=lambda s: (s.start, s.end, s.kind))


def _entity(text: str, start: int, end: int, rule: str, entity_id: int | None) -> Suggestion:
    return Suggestion("entity", "person", start, end, text[start:end], rule, entity_id)


def _entity_inside(matches: list[Match], start: int, end: int) -> int | None:
    """The one registry entity whose mention lies inside [start, end), if exactly one."""
    ids = {m.entity_id for m in matches if start <= m.start and m.end <= end}
    ids.discard(None)
    return next(iter(ids)) if len(ids) == 1 else None


def _claimant_names(art: _Article, speaker: tuple[int, int]) -> list[tuple[int, int]]:
    """Person names making up an explicit claimant (``بومبيو وجيفري``), as folded spans.

    Only names already learnt in the article (after a title, or from the registry) count, so
    a place or a body that speaks (موسكو، الكرملين) is never suggested as a person.
    """
    first, last = art.token_at(speaker[0]), art.token_at(speaker[1]) - 1
    names: list[tuple[int, int]] = []
    run_start: int | None = None
    run_end = 0
    for j in range(first, last + 1):
        word = art.words[j]
        if not art.is_word(j):
            return []
        joined = word[0] in "وف" and word not in art.learnt and word[1:] in art.learnt
        if not joined and word not in art.learnt:
            return []
        if joined:
            if run_start is not None:
                names.append((run_start, run_end))
            run_start = art.starts[j] + 1
        elif run_start is None:
            run_start = art.starts[j]
        run_end = art.ends[j]
    if run_start is not None:
        names.append((run_start, run_end))
    return names
