"""The credits rule (desktop/core/suggest/credits.py): the names a work's credits give after a
verbal noun in construct (تأليف، إخراج، بطولة …)."""

from __future__ import annotations

from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES


def _credited(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.rule == "credits"]


def test_a_series_credits_are_read_name_by_name() -> None:
    text = (
        "مسلسل قلب حبيبة من تأليف علي عبد القوي وإخراج خيري بشارة ، ومسلسل أولاد الشوارع "
        "تأليف شهيرة سلام وإخراج شيرين عادل مرتدية غطاء رأس ."
    )
    assert _credited(text) == [
        "علي عبد القوي",  # علي as written is the given name, not على
        "خيري بشارة",  # a surname in ة after a credit noun
        "شهيرة سلام",
        "شيرين عادل",  # مرتدية: a third word in ة is the sentence going on
    ]
    found = [s for s in suggest(text, None) if s.rule == "credits"]
    assert all(s.label_key == "person" and s.score == RULE_SCORES["credits"] for s in found)


def test_a_cast_and_a_photo_credit() -> None:
    assert _credited("الفيلم بطولة يحيى الفخراني ونور الشريف وعبلة كامل .")[0] == "يحيى الفخراني"
    assert _credited("وتأليف محمد رفعت وإخراج باسم محفوظ ، وعبير صبري .") == [
        "محمد رفعت",
        "باسم محفوظ",
    ]
    assert _credited("تصوير: طالب الحسيني") == ["طالب الحسيني"]  # طالب is a verb's word too


def test_what_follows_a_credit_noun_that_is_no_name() -> None:
    for text in (
        "وقام بتأليف الكتاب .",  # definite
        "تأليف على الأرجح .",  # على (on)
        "تصوير فيلم جديد .",  # a work
        "وتقديم خدمات ذات قيمة مضافة .",  # تقديم is a credit only before a colon
        "وهو إنتاج مشترك جمع بين ممثلين .",
        "تختتم بطولة كأس العالم باحتفالية قصيرة .",  # a championship
        "فاز في بطولة ويمبلدون .",
        "من تأليف 3 كتاب .",
        # a hostile review's: the nouns' other senses
        "ويحذر الخبراء من سيناريو كارثي في المنطقة .",
        "واستبعد سيناريو حرب شاملة .",
        "وكتب اسمه بقلم رصاص .",
        "وامتزج غناء طيور الصباح .",
    ):
        assert _credited(text) == [], text


def test_a_registry_first_name_does_not_hide_a_credited_name() -> None:
    from desktop.core.matching import AliasMatcher

    # the analyst tagged a محمد alone: the credit's whole name is still offered
    matcher = AliasMatcher.from_registry([(1, "person", "محمد")])
    text = "مسلسل سوق الخضار تأليف محمد شطا وإخراج محمد النقلي ."
    found = [s.text for s in suggest(text, matcher) if s.rule == "credits"]
    assert found == ["محمد شطا", "محمد النقلي"]


def test_a_credited_name_ends_before_a_preposition_or_an_adjective() -> None:
    assert _credited("وجاء إخراج خالد يوسف للعمل متقنا .") == ["خالد يوسف"]
    assert _credited("وهي بقلم سمير عطا الله .") == ["سمير عطا الله"]  # a compound's second
    assert _credited("بطولة خليفة الدولية للتنس .") == ["خليفة"]  # not the adjective


def test_credits_a_new_user_wrote() -> None:
    text = (
        "مسلسل جديد سيناريو وحوار مريم نعوم وإخراج تامر محسن ، تصوير محمود لطفي ، وكلمات "
        "أيمن بهجت قمر ، وهو إخراج مشترك بين الشركتين وتأليف جماعي لورشة كتابة ."
    )
    assert _credited(text) == ["مريم نعوم", "تامر محسن", "محمود لطفي", "أيمن بهجت قمر"]
    assert _credited("وبدأ تصوير فيلم جديد وتقديم خدمات .") == []  # no given name, no colon


def test_a_word_saying_what_someone_is_called_gives_the_name() -> None:
    text = (
        "واسمه قبل الاسلام جوناثان ، وقد أسماه اسامة قبل خمسة اشهر ، ويُدعى مارك إيستربروك "
        "في الرواية ، وشابة تُدعى جنجر ، تساعده ، وكان اسمه قبل الاسلام تيرنسي ادوارد كيلي ."
    )
    found = [s.text for s in suggest(text, None) if s.rule == "called"]
    assert found == ["جوناثان", "اسامة", "مارك إيستربروك", "جنجر", "تيرنسي ادوارد كيلي"]
    assert all(s.score == RULE_SCORES["called"] for s in suggest(text, None) if s.rule == "called")
    for text in (
        "وقد نشر اسمه ضمن المشبوهين .",
        "وغير اسمه الى مهدي .",
        "ويعرف بما يدعى بالتركية الشارب الأبيض .",
        "لم يذكر اسمه الحقيقي ، ورغم ذلك .",
    ):
        assert [s for s in suggest(text, None) if s.rule == "called"] == [], text


def test_a_credited_name_may_begin_with_lam_and_a_vowel() -> None:
    # لينين is ل + a verb's shape (ينين) to the rules, and Lenin to the gazetteer
    from desktop.resources import gazetteer

    text = "مسرحية من تأليف لينين الرملي وإخراج عصام السيد ، ومن تأليف لكاتب مجهول ."
    found = [s.text for s in suggest(text, None, gazetteer=gazetteer()) if s.label_key == "person"]
    assert "لينين الرملي" in found and "لينين" not in found
    assert "عصام السيد" in found  # السيد: a title, and a surname at a name's end
    assert all("لكاتب" not in name for name in found)
