"""The national rule (desktop/core/suggest/nationals.py): a person's name after a nationality
used as a noun (تغلبه على البلجيكي … ), which needs the gazetteer's adjectives."""

from __future__ import annotations

import pytest

from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES
from desktop.learn.tagger import UNLOWERED
from desktop.resources import gazetteer


def _nationals(text: str) -> list[str]:
    return [s.text for s in suggest(text, None, gazetteer=gazetteer()) if s.rule == "national"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وسجل الفرنسي لودوفيك جيولي الهدف الأول .", ["لودوفيك جيولي"]),
        ("وفاز على السويسري جورج باسل أمس .", ["جورج باسل"]),
        ("وحل وراء الكيني بول تيرغات في السباق .", ["بول تيرغات"]),
        ("وخسر أمام البحريني يوسف سعد كامل .", ["يوسف سعد كامل"]),
        ("وللبحريني يوسف سعد كامل ميداليتان .", ["يوسف سعد كامل"]),  # و + ل + ال: وللـ
    ],
)
def test_a_name_after_a_nationality(text: str, names: list[str]) -> None:
    assert _nationals(text) == names
    found = [s for s in suggest(text, None, gazetteer=gazetteer()) if s.rule == "national"]
    assert all(s.score == RULE_SCORES["national"] for s in found)
    assert "national" in UNLOWERED


@pytest.mark.parametrize(
    "text",
    [
        "وفاز الإسباني برشلونة على ضيفه .",  # one word: a club as often
        "وأعلن الجيش الإسرائيلي صباح اليوم .",  # the adjective of the noun before
        "داهمت الشرطة البريطانية مسجد فنسبري بارك .",
        "وقال الفرنسي إن الأمر انتهى .",  # no name
        # ب، ل، ك and a consonant: a preposition and its phrase, not a name (a hostile review
        # found these read as names when such words were let begin one here)
        "وفاز الكيني بزمن قياسي في الماراثون .",
        "وتقدم البرازيلي بهدفين نظيفين .",
        "ولعب الأرجنتيني كلاعب أساسي للمرة الأولى .",
        "وشارك الياباني كمراقب دولي في الانتخابات .",
        "وقال الفرنسي لباري ماتش إن .",
        "وقالت مدينة غرناطة الإسبانية فعاليات معرض .",  # a feminine adjective: a noun's
    ],
)
def test_no_name_after_a_nationality_here(text: str) -> None:
    assert _nationals(text) == []


def test_without_a_gazetteer_the_rule_reads_nothing() -> None:
    text = "وسجل الفرنسي لودوفيك جيولي الهدف الأول ."
    assert [s for s in suggest(text, None) if s.rule == "national"] == []


def test_the_written_forms_of_a_nationality() -> None:
    from desktop.core.arabic import fold
    from desktop.core.suggest.nationals import definite_forms

    forms = definite_forms([fold("البحريني"), fold("بحريني"), fold("الشرق الأوسط")])
    assert {fold(w) for w in ("البحريني", "والبحريني", "للبحريني", "وللبحريني")} <= forms
    assert fold("بحريني") not in forms  # indefinite: an adjective of a noun before it
    assert all(" " not in form for form in forms)
    assert gazetteer().definite_adjectives is gazetteer().definite_adjectives  # made once
