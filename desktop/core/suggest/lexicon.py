"""The word lists the suggestion rules compare tokens with; data only, no rules.

Written naturally and folded once at import (:func:`desktop.core.arabic.fold`), so they compare
with the folded tokens of :mod:`desktop.core.suggest.tokens`:

* titles: with the article (الرئيس), in construct state (وزير) and pronominal (نظيره), and
  every written form of them with proclitics (``_TITLE_FORMS``);
* what is skipped between a title and a name: construct nouns (وزارة، باسم …) and the
  prepositions that link them (الى، في، لدى);
* what ends a name: function words, time words, common verbs (and the shape of imperfect
  dual/plural verbs); name particles that do not count (بن، أبو، عبد …);
* what the claim rules look for: كان and the words that trigger a look back for a subject,
  complementisers, attribution (بحسب، وفق), conjunctions, narrative resumptions, and the
  reporting verbs with every finite, participle, pronoun and noun form (``_VERB_FORMS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, PROCLITICS, fold


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
# Nouns that introduce or head a place name (مدينة حلب، العاصمة دمشق، شمال العراق): a word
# class for the statistical tagger's features (desktop.core.suggest.features).
_PLACE_NOUNS = _folded(
    "مدينة", "المدينة", "العاصمة", "عاصمة", "بلدة", "قرية", "محافظة", "ولاية", "إقليم",
    "منطقة", "جزيرة", "مقاطعة", "شمال", "جنوب", "شرق", "غرب", "وسط", "حدود", "مخيم", "ميناء",
    "مطار", "نهر", "بحر", "جبل", "صحراء", "ضاحية", "حي", "شارع", "ساحة", "معبر",
)  # fmt: skip
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
_QAD = _folded("قد", "لقد")  # وكان X قد أكد: skipped before a subject

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
