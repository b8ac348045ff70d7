"""The person-name rule (``desktop.core.suggest.names``) on synthetic sentences, one class of error
at a time: where a name stops, where it runs on, which first words are refused, and which words
after a title are no names at all.

Each case failed with the rule as it was before precision work for issue 14 (k = 0: rules only).
The names are made up or common; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES


def _persons(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.kind == "entity" and s.label_key == "person"]


def _title_persons(text: str) -> list[str]:
    """The title rule's persons alone (a given name may begin a name the title rule rightly
    does not take: أمين فارس after الخبير)."""
    return [s.text for s in suggest(text, None) if s.kind == "entity" and s.rule == "title"]


# --- names that stopped short --------------------------------------------------------------


def test_a_particle_goes_on_past_a_surname_seen_elsewhere() -> None:
    # عيسى recurs, so it was taken for the surname and آل سالم was cut off
    text = "واستقبل الملك حمد بن عيسى آل سالم الوفد. وقال حمد بن عيسى إن الزيارة مهمة."
    assert _persons(text)[0] == "حمد بن عيسى آل سالم"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الشيخ حسن نصر الله إن الحرب انتهت. وأضاف نصر الله أن لا تراجع.", "حسن نصر الله"),
        ("وقال الوزير سمير سيف الدين إن الفريق جاهز. وأكد سيف الدين ذلك.", "سمير سيف الدين"),
    ],
)
def test_a_compound_name_goes_on(text: str, name: str) -> None:
    assert _persons(text)[0] == name


def test_a_definite_surname_in_ta_marbuta_after_a_given_name() -> None:
    text = "والتقت الوزيرة برئيس الحكومة كمال الحلوة في بيروت."
    assert _persons(text) == ["كمال الحلوة"]


def test_a_family_nisba_after_a_given_name_and_a_father_s_name() -> None:
    text = "وصرح رئيس الوزراء العراقي محمد شياع السوداني بأن الحكومة مستمرة."
    assert _persons(text) == ["محمد شياع السوداني"]
    # a noun in ة after two names is what follows the name
    assert _persons("وبحث الرئيس صدام حسين الأزمة مع الوفد.") == ["صدام حسين"]


def test_a_surname_after_a_given_name_may_begin_like_a_conjunction() -> None:
    # ف before a word that is no conjunction + word of the lists belongs to the name
    assert _persons("وقال السفير جون فيلدمان إن الاتفاق قريب.") == ["جون فيلدمان"]


def test_a_definite_word_after_a_surname_alone_is_no_surname() -> None:
    # after a given name (or a kunya) a definite word is the surname; after a surname used
    # alone it is an adjective or what follows the name
    text = "وقال الرئيس محمد خاتمي إن البلاد بخير. ويقف تيار الرئيس خاتمي الإصلاحي خلفه."
    assert _persons(text) == ["محمد خاتمي", "خاتمي"]
    assert _persons("وأعلن زعيم التنظيم أبو مصعب الحلبي أن الهجوم فشل.") == ["أبو مصعب الحلبي"]


def test_a_regnal_number_is_part_of_the_name() -> None:
    assert _persons("حضر الوفد جنازة الملك الحسن الثاني في الرباط.") == ["الحسن الثاني"]
    assert _persons("وكان مرافقا للسلطان إبراهيم خان الأول في رحلته.") == ["إبراهيم خان الأول"]


def test_ranks_and_offices_are_titles() -> None:
    assert _persons("استقبل السلطان قابوس بن سعيد الوفد في مسقط.") == ["قابوس بن سعيد"]
    assert _persons("وقال الإمبراطور ناروهيتو إن البلاد حزينة.") == ["ناروهيتو"]


# --- honorifics are cues, not names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("حضر الوزير الأول ومعالي محمد بن سالم وزير الخارجية.", ["محمد بن سالم"]),
        ("وحضر اللقاء معالي سالم بن راشد وزير المالية.", ["سالم بن راشد"]),
        ("وكان في الاستقبال وسعادة محمد القاسمي.", ["محمد القاسمي"]),
    ],
)
def test_honorifics_introduce_a_name(text: str, names: list[str]) -> None:
    assert _persons(text) == names


def test_an_owner_is_no_honorific_and_honorifics_with_a_pronoun_are_no_names() -> None:
    assert _persons("ورحب به صاحب السمو خالد بن سعود في القصر.") == ["خالد بن سعود"]
    assert _persons("وقال صاحب المطعم إن الزبائن قلة.") == []
    assert _persons("وقال صاحب أكبر متجر في المدينة إن الأسعار ارتفعت.") == []
    assert _persons("وقال سفير الدولة لدى المغرب مرحبا جلالته بسموه في بلده.") == []


# --- names that ran past their end ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("الخطة التي تقدم بها الأمين العام للمنظمة كوفي مانسا لحل الأزمة.", "كوفي مانسا"),
        ("وستجري مباحثات مع الرئيس الفلسطيني خليل عواد لبحث سبل الحل.", "خليل عواد"),
        ("وقال إن الرئيس العراقي سامي حداد يشكل تهديدا للمنطقة.", "سامي حداد"),
        ("وقال إن الرئيس الفرنسي جاك مارتان سيقرر المشاركة.", "جاك مارتان"),
        ("ولم يحضر الرئيس الفرنسي جاك مارتان تناولت الصحف ذلك.", "جاك مارتان"),
        ("وشن المندوب الإسرائيلي دان كوهين هجوما عنيفا على التقرير.", "دان كوهين"),
        ("ودعا وزير الدفاع سليم عباس قوله إن الجيش مستعد.", "سليم عباس"),
    ],
)
def test_a_verb_or_noun_after_the_name_ends_it(text: str, name: str) -> None:
    assert _persons(text) == [name]


def test_after_a_given_name_a_noun_shape_is_a_surname_but_a_verb_shape_is_unsure() -> None:
    # يتحدث may be a verb or a surname (محمد يزبك): with a given name alone before it, the
    # name's end is unknown; ترامب has the shape of a verbal noun (تفاعل) but follows a given
    # name, so it is the surname
    assert _persons("وقال إن الرئيس عباس يتحدث عن خطة جديدة.") == []
    assert _persons("وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ.") == ["دونالد ترامب"]
    text = "وقالت رئيسة المفوضية الأوروبية أورسولا فون دير لاين إن الاتحاد موحد."
    assert _persons(text) == ["أورسولا فون دير لاين"]


def test_a_third_name_needs_a_reason() -> None:
    # a third word after two names that are not given names is not taken on trust; where it
    # has no shape to end the name either, where the name ends is unknown and none is offered
    assert _persons("وأعلن رئيس الوزراء جاك مارتان تناول الغداء.") == ["جاك مارتان"]
    assert _persons("وقال السيد جانغ لي مينغ إن المسجد قديم.") == []


def test_a_noun_in_ta_marbuta_after_a_given_name_is_no_surname() -> None:
    assert _persons("ويرأس الشيخ عبدالله لجنة المسجد منذ سنوات.") == []


# --- first words that are no names ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وقام صاحب السمو رئيس الدولة وأعضاء الوفد المرافق بجولة.",  # و + a noun
        "ينص مشروع القانون المقترح للرئيس الاميركي بتشكيل لجان عسكرية.",  # ب + a verbal noun
        "والتقى وزير الخارجية مع السفير في بكين لبحث الموضوع.",  # ل + a verb
        "لم يحرك الملك ساكنا أمام ما جرى.",  # an accusative adverb
        "وتزوجها الملك الشمالي فأنجبت له تسعة أبناء.",  # ف + a verb
    ],
)
def test_a_clitic_or_a_verb_shape_does_not_begin_a_name(text: str) -> None:
    assert _persons(text) == []


def test_a_given_name_that_begins_like_a_conjunction_is_kept() -> None:
    assert _persons("وقال الوزير وعضو الوفد إن الأمر محسوم.") == []
    assert _persons("وقال وزير الخارجية وليد الحسيني إن الأمر محسوم.") == ["وليد الحسيني"]


@pytest.mark.parametrize(
    "text",
    [
        "دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار.",
        "وأجرى نائب وزير الخارجية محادثات في دمشق.",
        "وكان هذا الملك يعلم أن المدينة ستسقط.",
        "ونقلت الوكالة عن وزير الدفاع قوله إن الجيش مستعد.",
        "فلا الرئيس ولا الحكومة اعترضا على ذلك.",
        "وكان رئيس الحكومة أطلق السبت مبادرة المصالحة.",
        "وقال إن الوزيرة الأميركية طرحت مجرد أفكار.",
        "ورفض السفير الأميركي اقتراح الوسيط.",
        "ووافق الملك وأسره عدوه بعد المعركة.",
    ],
)
def test_verbs_and_verbal_nouns_after_a_title_are_no_names(text: str) -> None:
    assert _persons(text) == []


# --- titles that introduce no one -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "هبطت الطائرة في مطار الملك خالد الدولي.",  # a place named after a person
        "درس في جامعة الملك سعود.",
        "وقال ناطق عسكري لبناني لوكالة الأنباء إن الهدوء عاد.",  # an indefinite phrase
        "كانت ثورة الملك والشعب رفضا للاستعمار.",  # a second noun, not a modifier
        "وقال مدير جمعية « النور الخيرية » إن التبرعات زادت.",  # the body is quoted
        "وقال رئيس تحرير جريدة الوفاء إن العدد نفد.",  # a newspaper's name
        "فولى علي أبا أيوب على المدينة.",  # ولى (he appointed) is no ولي العهد
        "وقال الخبير الاقتصادي أمين فارس إن الخسائر كبيرة.",  # أمين without عام is a name
        "في إطار المباحثات أجرى الأمين العام في اتصال هاتفي مع الرئيس.",
    ],
)
def test_no_person_after_these_titles(text: str) -> None:
    assert _title_persons(text) == []


def test_a_quotation_after_a_work_noun_names_the_work() -> None:
    text = 'وقد جاء في كتاب " دفاتر دمشقية قديمة " للدكتور أحمد ايبش.'
    assert _persons(text) == ["أحمد ايبش"]
    text = "كتب قصيدة شهيرة عنوانها « الأمير الخرافي نزار حمدي » وأهداها لأبيه."
    assert _persons(text) == []


def test_one_word_after_a_body_s_name_is_more_of_that_name() -> None:
    assert _persons("وقال نائب الرئيس والمدير العام لشركة نفط غاز ، حيث قدم كل من السيد") == []


@pytest.mark.parametrize(
    "text",
    [
        "ثم تم تعيينه رئيسا لمعمل كافنديش وهو في الثامنة والعشرين .",
        "وقال مدير فندق شيراتون إن الحجوزات ارتفعت .",
        "وصرح عميد كلية ترينيتي بأن الطلاب عادوا .",
    ],
)
def test_a_workplace_after_a_title_names_no_one(text: str) -> None:
    """A title in construct with a workplace's noun (رئيس معمل، مدير فندق): the name after
    it is the place's, which the body rule reads, not the person's."""
    assert _persons(text) == []


def test_a_word_alone_is_a_name_when_the_article_names_someone_with_it() -> None:
    text = "وصل الرئيس جورج هاملتون إلى باريس. وقال الرئيس هاملتون تجاوز الأزمة ممكن."
    assert _persons(text) == ["جورج هاملتون", "هاملتون"]


def test_a_word_alone_before_a_word_the_rules_cannot_place_is_not_offered() -> None:
    # كرومويل may be the surname or a preposition + noun: the name's end is unknown, so
    # nothing is offered rather than a span that is probably wrong
    assert _persons("إلا أن قائد الثوار أوليفر كرومويل استطاع أن يحسم الموقف.") == []
    assert _persons("إلا أن قائد الثوار أوليفر، وقد استطاع أن يحسم الموقف.") == ["أوليفر"]


# --- names without a title: a given name or an occupation begins them ------------------------


def _untitled(text: str) -> list[tuple[str, str]]:
    return [
        (s.text, s.rule) for s in suggest(text, None) if s.rule in ("given", "occupation", "titled")
    ]


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        # a title after the name (رئيس الوزراء): as sure as after one
        ("ناقش ديفيد كاميرون رئيس الوزراء البريطاني، الخطة.", "ديفيد كاميرون", "titled"),
        ("وسجل ديفيد بيكهام هدفا في الدقيقة الأخيرة.", "ديفيد بيكهام", "given"),
        ("وانتقد فؤاد المصري الخطة.", "فؤاد المصري", "given"),  # a nisba as the surname
        ("وقال الخبير الاقتصادي أمين فارس إن الخسائر كبيرة.", "أمين فارس", "occupation"),
        ("وأكد الروائي المصري نجيب محفوظ ذلك.", "نجيب محفوظ", "occupation"),
    ],
)
def test_a_given_name_or_an_occupation_begins_a_name_without_a_title(
    text: str, name: str, rule: str
) -> None:
    assert _untitled(text) == [(name, rule)]


def test_a_given_name_s_name_waits_for_the_model() -> None:
    """A name only a given name vouches for scores below the rules' bar (0.5 at the default
    threshold: desktop.learn.pending.SOURCE_OFFSETS): shown when a model's judgement brings it
    up, not by the rules alone (on the development corpus's evaluation articles they were
    right 3 times in 4, under issue 14's 0.85 for the rules' persons)."""
    found = [s for s in suggest("وانتقد ديفيد كاميرون الخطة.", None) if s.rule == "given"]
    assert [s.text for s in found] == ["ديفيد كاميرون"]
    assert found[0].score < 0.5
    # An occupation's too: at 0.8 they took the rules' persons from 0.94 to 0.88 there.
    occupation = [s for s in suggest("وأكد الروائي نجيب محفوظ ذلك.", None) if s.kind == "entity"]
    assert [(s.rule, s.score < 0.5) for s in occupation] == [("occupation", True)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a place named after a person, the title rule's to judge
        ("هبطت الطائرة في مطار الملك خالد الدولي. وانتقد ديفيد كاميرون ذلك.", ["ديفيد كاميرون"]),
        # a given name after a pronoun is an adjective
        ("وقال بوتين « أنا سعيد جدا بلقائك » وانتقد ديفيد كاميرون ذلك.", ["ديفيد كاميرون"]),
        # علي for على, كامل "complete"
        ("وردا علي سؤال قال إن العمل تم بشكل كامل بتفاصيله وانتقد ديفيد كاميرون ذلك.", None),
        # a verbal noun after a given name, the next name of a list
        ("وتوقع سامي تزايد الخسائر. وحضر جورج بوش ورايس الاجتماع.", ["جورج بوش"]),
        # the name goes on where the rules cannot follow it
        ("ووصل جان مارك دو لا سابليير إلى نيويورك مع ديفيد كاميرون.", ["ديفيد كاميرون"]),
        ("وتصل ماريا تيريزا فرنانديس دي لافيغا غدا مع ديفيد كاميرون.", ["ديفيد كاميرون"]),
        # inside a work's title
        ("كتب قصيدة عنوانها « الأمير نزار حمدي » وأهداها ديفيد كاميرون.", ["ديفيد كاميرون"]),
        # inside a longer name: أبي زكريا يحيى
        ("وبعث إلى أبي زكريا يحيى الحفصي رسالة وانتقد ديفيد كاميرون ذلك.", ["ديفيد كاميرون"]),
    ],
)
def test_no_given_name_s_name_here(text: str, names: list[str] | None) -> None:
    assert [name for name, _ in _untitled(text)] == (names or ["ديفيد كاميرون"])


def test_the_registry_s_name_comes_before_the_given_name_s() -> None:
    """An alias is the analyst's own entity: its suggestion keeps the span (with the entity)."""
    matcher = AliasMatcher.from_registry([(1, "person", "محمد فاضل")])
    text = "تأليف محمد فاضل وإخراج ديفيد كاميرون ."
    found = [s for s in suggest(text, matcher) if s.kind == "entity"]
    assert [(s.text, s.rule, s.entity_id) for s in found] == [
        ("محمد فاضل", "alias", 1),
        ("ديفيد كاميرون", "credits", None),  # after a credit noun (desktop.core.suggest.credits)
    ]


def test_the_doctor_s_abbreviated_title_before_a_name() -> None:
    text = "واعتقل رئيس المجلس د. عزيز الدويك أمس ، وقال د. جيلبرتو بونر إن الأمر خطير ."
    found = [(s.text, s.rule) for s in suggest(text, None) if s.label_key == "person"]
    assert found == [("عزيز الدويك", "title"), ("جيلبرتو بونر", "title")]
    # د. before no name, or one word that is no given name
    assert [s for s in suggest("وصل في الساعة 3 د. ثم غادر .", None) if s.kind == "entity"] == []


def test_a_mauritanian_name_after_a_title_goes_on_past_walad() -> None:
    text = (
        "وقال الرئيس الموريتاني محمد ولد الغزواني إن البلاد بخير ، وقال الوزير الأول يحيى ولد "
        "حدمين إنه يوافق ، وكان الرئيس جمال عبد الناصر ولد في الإسكندرية ."
    )
    found = [s.text for s in suggest(text, None) if s.label_key == "person"]
    assert found == ["محمد ولد الغزواني", "يحيى ولد حدمين", "جمال عبد الناصر"]
    text = (
        "وقال نظيره الموريتاني محمد ولد الشيخ الغزواني إن ، وقال الشيخ محمد الحسن ولد الددو إن "
        "، وقال الرئيس محمد ولد عبد العزيز إن ، والشاعر نزار ولد عام 1923 ."
    )
    found = [s.text for s in suggest(text, None) if s.label_key == "person"]
    assert found == [
        "محمد ولد الشيخ الغزواني",  # الشيخ inside the lineage is a name's word
        "محمد الحسن ولد الددو",  # after a definite surname
        "محمد ولد عبد العزيز",
        "نزار",  # ولد عام: was born
    ]


def test_no_name_crosses_a_line_break() -> None:
    for text in ("وقال الوزير سمير\nخليل إن الأمر انتهى .", "وسجل الفرنسي لودوفيك\nجيولي ."):
        for s in suggest(text, None):
            if s.kind == "entity":
                assert "\n" not in s.text, s


def test_a_title_after_a_given_name_s_name_makes_it_sure() -> None:
    text = (
        "وأعلن جعفر الموسوي رئيس الادعاء العام أن المحاكمة ستبدأ ، وحصل أسامة المليجي عضو "
        "مجلس الإدارة على بيان ، وقال محمد فاضل إنه سعيد ."
    )
    found = {s.text: (s.rule, s.score) for s in suggest(text, None) if s.label_key == "person"}
    assert found["جعفر الموسوي"] == ("titled", RULE_SCORES["titled"])
    assert found["أسامة المليجي"] == ("titled", RULE_SCORES["titled"])
    assert found["محمد فاضل"][0] == "given"  # no title after it: below the rules' bar


def test_la_and_a_verb_written_as_one_word_ends_a_name() -> None:
    text = "ولما كان الوزير مهاجراني لايؤمن بالرقابة فقد سمح بالعرض ."
    found = [s.text for s in suggest(text, None) if s.label_key == "person"]
    assert all("لايؤمن" not in name for name in found)  # (was offered: مهاجراني لايؤمن)
    # and a name beginning with لا is read (أورسولا فون دير لاين is a test above)
