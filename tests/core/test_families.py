"""The family rule (desktop/core/suggest/families.py): the name a family or a dynasty bears,
after أسرة، عائلة، عشيرة، آل — tagged as the person's, as the analyst does."""

from __future__ import annotations

import pytest

from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES


def _families(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.rule == "family"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وقالت أسرة برلسكوني إنها ستبيع الحصة .", ["برلسكوني"]),
        ("وتملك عائلة الحريري الشركة .", ["الحريري"]),  # a family's nisba
        ("شرح عن أصل كنية آل القباني .", ["القباني"]),
        ("بني في عهد أسرة مينغ الملكية .", ["مينغ"]),
        ("وصلوا لأسرة تانغ .", ["تانغ"]),  # ل before the noun
        ("إبان أسرتي سونغ ويوان .", ["سونغ", "ويوان"]),  # two families, the second with و
        ("ومن عشيرة دينغ رجال كثيرون .", ["دينغ"]),
        ("كانت أسرة نزار قباني تعيش في دمشق .", ["نزار قباني"]),  # a person's name
        ("المنحدرين من أسرة سيف الدين والذين استقروا .", ["سيف الدين"]),  # a compound
        ("وقالت عائلة أبو خضير إن ابنها خطف .", ["أبو خضير"]),  # a particle: the whole name
        ("وقالت عائلة بن لادن إنها تبرأت منه .", ["بن لادن"]),
        ("وأصدرت أسرة آل سعود بيانا أمس .", ["سعود"]),  # not the accusative noun after it
        ("وحاول أفراد عائلة ألفريد ليندون استعادتها .", ["ألفريد ليندون"]),
    ],
)
def test_a_family_s_name_is_offered(text: str, names: list[str]) -> None:
    assert _families(text) == names
    assert all(s.score == RULE_SCORES["family"] for s in suggest(text, None) if s.rule == "family")


@pytest.mark.parametrize(
    "text",
    [
        "وهو من أسرة كبيرة .",  # an adjective in ة
        "ولد لعائلة ثرية .",
        "وقالت عائلة مالكها إنها لن تبيع .",  # a pronoun suffix
        "وأعلنت عائلة الزعيم الحداد .",  # a definite common noun
        "وقالت أسرة رئيس الوزراء .",  # a title
        "طرحت شركة « إل جي » جوالا .",  # إل (LG) folds as آل does
        "ما لم يكن يخطر على بال مسلم .",  # بال (mind)
        "واستقبل حمد بن عيسى آل خليفة الوفد .",  # آل inside a person's name
        "وقالت قبيلة فارس إنها ستشارك .",  # tribes are not read
        # a hostile review's: a family of someone, a noun of a role, أسرّة (beds)
        "وزار الرئيس أسرة شهيد سقط في المواجهات .",
        "وتسلمت أسرة المتوفى جثمانه .",
        "وقالت عائلة الجاني إنها بريئة .",
        "وقالت عائلة المحامي إنها قلقة .",
        "ونقل إلى أسرة المستشفى .",
        "ونجا آل بيت الرئيس من الهجوم .",
        "وزار الوزير أسرة لاجئين في المخيم .",
    ],
)
def test_no_family_s_name_here(text: str) -> None:
    assert _families(text) == []
