"""The body rule (desktop/core/suggest/bodies.py): an organisation's name after the noun of
its kind — the name alone, as the analyst tags it (جريدة تلفراف، شركة موتورولا)."""

from __future__ import annotations

import pytest

from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES
from desktop.learn.tagger import UNLOWERED


def _bodies(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.rule == "body"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('وكتبت صحيفة " المستقبل " التي تملكها العائلة .', ["المستقبل"]),  # quoted
        ("وذكرت شركة « أمريكان أكسبريس » السعودية أن الظروف تحسنت .", ["أمريكان أكسبريس"]),
        ("وقال مراسل جريدة الحياة في طهران .", ["الحياة"]),  # a newspaper's definite name
        ("وأسس مجلة الثقافة الجديدة سنة 1974 .", ["الثقافة الجديدة"]),  # and its adjective
        ("وقال شيمزو من شركة شيودا اليابانية .", ["شيودا"]),  # not the nisba after it
        ("ويعتبر مسجد هوبان يقع في زقاق .", ["هوبان"]),  # not the verb after it
        ("ويقضي العقوبة في سجن سوبر ماكس بولاية كولورادو .", ["سوبر ماكس"]),
        ('بعدما خرجت مجلة الـ " تايم " الأمريكية .', ["تايم"]),
        ("وتنشط جماعة « انصار الشريعة » ببريطانيا .", ["انصار الشريعة"]),  # quoted only
        ("ترك العمل في معمل كافنديش قرب نهاية الحرب .", ["كافنديش"]),
        ("وبدأ حديثه بشكر مجلة العربي التي زارته .", ["العربي"]),  # a masculine nisba
    ],
)
def test_a_body_s_name_after_its_kind(text: str, names: list[str]) -> None:
    _offered_as_bodies(text, names, "body")


def _offered_as_bodies(text: str, names: list[str], rule: str) -> None:
    """The rule's names in ``text``, organisations at its score, which the model may raise
    and never lower."""
    found = [s for s in suggest(text, None) if s.rule == rule]
    assert [s.text for s in found] == names
    assert all(s.label_key == "organisation" and s.score == RULE_SCORES[rule] for s in found)
    assert rule in UNLOWERED


@pytest.mark.parametrize(
    "text",
    [
        "وتعمل شركة طيران كبرى في المنطقة .",  # a common noun
        "وباعت شركة النفط حصتها .",  # a definite word after a company: a common noun
        "وقالت صحيفة يومية إن الأمر انتهى .",  # a nisba
        "ونقلت صحيفة الإسرائيلية عنه .",  # a feminine nisba agrees with a noun
        "ونشرت مجلة الدراسات الجغرافية العدد .",  # a plural noun
        "وبنت مسجد رائع بجوار الحرم .",  # an adjective
        "وتناول العشاء بمطعم مختص في المطبخ المغربي .",
        "فكل فرد أو مؤسسة يستطيع أن يحصل على امتياز .",  # a verb
        "وتنشط جماعة انصار الشريعة ببريطانيا .",  # جماعة: only a quoted name
        "وقال تلفزيون دبي إن البث انقطع .",  # a place's television
        "وهي شركة ذات رأسمال مرتفع .",
        # a hostile review's
        "وسجن مبارك في طرة منذ عام 2011 .",  # سجن with و: a verb
        "وعبرت السفينة قناة السويس أمس .",  # a canal
        "ودعا إلى فتح قناة الحوار .",
        "وقدمت النيابة صحيفة الاتهام .",  # a charge sheet
        "وعدلت مجلة الأحوال الشخصية .",  # a code of law
        "ويقع مسجد قريب من السوق .",
        "واحتجز في سجن سري .",
        "وباعت شركة أم حصتها .",
        "ونقل إلى مستشفى عبد العزيز الرنتيسي للأطفال .",  # named after a person
        "وتعرض مسجد عمر بن الخطاب للقصف .",
        "ودرس في جامعة بن غوريون .",
        "صدرت مجلة الـ",  # the noun at the text's end
    ],
)
def test_no_body_s_name_here(text: str) -> None:
    assert _bodies(text) == []


def test_a_body_s_name_is_no_place() -> None:
    from desktop.resources import gazetteer

    text = "وقال رئيس تحرير جريدة الوفاق إن صحيفة « الشرق الأوسط » نشرت الخبر ."
    found = {s.text: (s.label_key, s.rule) for s in suggest(text, None, gazetteer=gazetteer())}
    assert found["الوفاق"] == ("organisation", "body")
    assert found["الشرق الأوسط"][0] == "organisation"  # the newspaper, not the region


def test_a_body_named_once_after_its_noun_is_offered_where_it_is_quoted_again() -> None:
    text = (
        "وذكرت شركة « إل جي » أن مبيعاتها ارتفعت . وأوضح أن مساهمة « إل جي » في السوق "
        "كبيرة . وقال إن إل جي ستطرح جوالا ."
    )
    assert _bodies(text) == ["إل جي", "إل جي"]  # not the third, without marks
    # between a closing and an opening mark is no quotation
    assert _bodies("وقالت صحيفة « النهار » « النهار » النهار « النهار") == ["النهار", "النهار"]


def test_a_place_or_a_person_a_mosque_is_named_after() -> None:
    from desktop.resources import gazetteer

    text = "وصلى في مسجد الشيخ زايد الكبير ، ثم في مسجد نواكشوط ، وكتب في جريدة القدس ."
    found = {s.text: s.label_key for s in suggest(text, None, gazetteer=gazetteer())}
    assert "الشيخ زايد" not in found and "زايد" not in found  # the mosque, not the man
    assert found["نواكشوط"] == "location"  # a mosque's name without marks: its place's
    assert found["القدس"] == "organisation"  # a newspaper's: the newspaper


def _initials(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.rule == "initials"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ونقلت وكالة بي. تي. ايه عن الوزير قوله .", ["بي. تي. ايه"]),  # full stops kept
        ("وقال رئيس مهندسي شركة آر آي بي بي الصينية .", ["آر آي بي بي"]),
        ("أمضى 15 عاما في مصرف « إتش.إس.بي.سي » ثم استقال .", ["إتش.إس.بي.سي"]),
        ("وقالت « إل جي » إنها ستطرح جوالا .", ["إل جي"]),  # between marks, no noun
        ("وكالة الاستخبارات الإلكترونية ( أن أس أيه ) .", ["أن أس أيه"]),
        ("الرئيس التنفيذي لمجموعة ( في تي جي ) منذ 1984 .", ["في تي جي"]),
        ("وقالت شركة جي إم في بيان أمس .", ["جي إم"]),  # في: in (a statement)
        ("وعمل في جهاز « كي جي بي » السوفياتي .", ["كي جي بي"]),
        # once found after a body's name or noun, between marks after any word
        ("وقالت « إل جي » إنها ستطرح جوالا ، وإن مساهمة « إل جي » كبيرة .", ["إل جي", "إل جي"]),
        ("وقال لشبكة « سي إن بي سي » إن", ["سي إن بي سي"]),  # not the NBC inside
        ("وقالت شركة تي سي إل أي ما يعادل", ["تي سي إل"]),  # أي: that is
        ("مع شركة إس تي سي. أي أن الشركة", ["إس تي سي"]),  # a sentence's full stop
        ("وقالت وكالة يو بي آي إن", ["يو بي آي"]),  # آي the letter I, not أي
        ("قالت الوكالة الأميركية للاستخبارات الإلكترونية ( أن أس أيه ) .", ["أن أس أيه"]),
        ("وافتتحت شركة كي إف سي فرعا .", []),  # كي (so that) begins no unmarked one
    ],
)
def test_an_initialism_is_a_body(text: str, names: list[str]) -> None:
    _offered_as_bodies(text, names, "initials")


@pytest.mark.parametrize(
    "text",
    [
        "وكشف تحليل الحمض النووي ( دي إن أيه ) هوية الضحية .",  # a thing's initialism
        "وباع أقراص « دي في دي » مقلدة .",
        "وباعت شركة جي. بي. مورغان حصتها .",  # letters that begin a name: not guessed
        "بين التماثيل الإمبراطور « واي أو » الذي اعتلى العرش .",  # a person's name
        "وقالت شركة « في أو » إن",  # only common words
        "أعلنت شركة في تي جي أرباحها .",  # في first: a company in …
        "وقالت « سي » إن",  # one letter
        "وقالت شركة بي.\nتي إنها",  # across a line
        "وقال مصرف « بي سي دي إف جي إتش كيه » إنه",  # seven letters: no initialism
        # between marks after a thing's name, not a body's
        "ويعتمد الغاز الطبيعي المسال ( إل إن جي ) ، وحكم الفيديو المساعد ( في إيه آر ) .",
        "وأظهر اختبار « بي سي آر » ، وخفضت تصنيفها إلى ( بي بي ) .",
        "ووصل إلى مطار ( جي إف كيه ) في واشنطن ( دي سي ) ، ومجتمع « إل جي بي تي » .",
        "وقالت « إن\n. تي » إن",  # a line break before a full stop
        # a thing's noun before the marks, though a body was named before it
        "قالت منظمة الصحة العالمية إن فحص « بي سي آر » ضروري .",
        "وقعت شركة قطر للبترول عقدا لتوريد الغاز الطبيعي المسال ( إل إن جي ) .",
        "قال الاتحاد الدولي لكرة القدم إن تقنية الفيديو « في إيه آر » ناجحة .",
        "الغاز الطبيعي المسال ، « إل إن جي » ، يستخدم ، وتقنية حكم الفيديو : ( في إيه آر ) .",
        "وكالة بي\n. تي. ايه",
    ],
)
def test_no_initialism_here(text: str) -> None:
    assert _initials(text) == []
    entities = [s.text for s in suggest(text, None) if s.kind == "entity"]
    assert not any(name in ("بي", "جي", "سي", "تي جي", "إن") for name in entities)


def test_an_initialism_s_edges_and_the_body_rule_s_one_letter_names() -> None:
    text = "وقالت وكالة بي تي\u200f إن"  # a right-to-left mark pasted after it
    assert _initials(text) == ["بي تي"]
    assert _bodies("وأعلنت شركة تي موبايل أرباحها .") == ["تي موبايل"]  # one letter: a name's
    assert _bodies("أعلنت شركة جي بي مورغان أرباحها .") == ["جي بي مورغان"]  # a name follows


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("وكتبت صحيفة الحياة الجديدة أن", "الحياة الجديدة", "body"),  # not the London paper
        ("وكتبت صحيفة الشروق الجديد أن", "الشروق الجديد", "body"),
        ("وقال حزب « الغد » إن", "الغد", "body"),  # a party, not the paper
        ("وكتبت صحيفة الحياة أن", "الحياة", "gazetteer"),  # the listed paper
    ],
)
def test_a_body_s_longer_name_outgrows_a_listed_paper_inside_it(
    text: str, name: str, rule: str
) -> None:
    from desktop.resources import gazetteer

    found = [(s.text, s.rule) for s in suggest(text, None, gazetteer=gazetteer())]
    assert found == [(name, rule)]
