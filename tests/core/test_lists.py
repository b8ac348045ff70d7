"""The list rule (desktop/core/suggest/lists.py): persons' names one after the other, joined
by و — a team sheet, a cast —, each beginning with a given name."""

from __future__ import annotations

from desktop.core.suggest import suggest
from desktop.core.suggest.lists import LEAST
from desktop.core.suggest.pipeline import RULE_SCORES


def _listed(text: str) -> list[str]:
    return [s.text for s in suggest(text, None) if s.rule == "list"]


def test_a_team_sheet_is_read_name_by_name() -> None:
    text = (
        "وضمت القائمة كلا من وائل زنجا ومحمد عبدالمنصف ووائل القباني وطارق السيد وتامر أبو جبل "
        "وهاني العجيزي وجونيور بينما خرج آخرون ."
    )
    assert _listed(text) == [
        "وائل زنجا",
        "ومحمد عبدالمنصف",
        "ووائل القباني",
        "وطارق السيد",
        "وتامر أبو جبل",  # a particle goes on
        "وهاني العجيزي",  # a family's nisba ends a name
    ]  # وجونيور: no given name, the list ends
    assert all(
        s.score == RULE_SCORES["list"] and s.label_key == "person"
        for s in suggest(text, None)
        if s.rule == "list"
    )


def test_fewer_names_or_given_names_alone_are_no_list() -> None:
    assert LEAST == 3
    assert _listed("وحضر وائل زنجا ومحمد عبدالمنصف الاجتماع .") == []  # two: the other rules'
    assert _listed("وقال محمد وعلي وحسن إنهم جاهزون .") == []  # given names alone
    # a verb after a given name ends that name, and the list with it
    assert _listed("وجاء محمد يكتب وعلي يقرأ وحسن ينام .") == []


def test_a_list_is_arabic_words_in_one_paragraph() -> None:
    names = "وائل زنجا ومحمد عبدالمنصف ووائل القباني وطارق السيد"
    assert len(_listed(f"وضمت القائمة {names} .")) == 4
    # a paragraph break ends a list: two names before it, two after — no list of three
    assert _listed("وضمت القائمة وائل زنجا ومحمد عبدالمنصف\n\nووائل القباني وطارق السيد .") == []
    # Latin words are no part of an Arabic name of a list
    assert _listed("وضمت القائمة محمد Salah وأحمد Hassan وعلي Maher .") == []
