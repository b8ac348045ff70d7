"""Find in one article: substring and whole-word modes, raw spans of the stem only."""

from __future__ import annotations

from desktop.core.find import ArticleFinder


def found(text: str, query: str, *, whole_words: bool) -> list[str]:
    spans = ArticleFinder(text).find_all(query, whole_words=whole_words)
    return [text[start:end] for start, end in spans]


def test_whole_words_find_lam_before_a_hamzated_alef() -> None:
    # ألمانيا folds to المانيا (it looks like it has ال), yet لألمانيا is ل + ألمانيا.
    text = "سافر الوفد لألمانيا ثم إلى ألمانيا"
    assert found(text, "ألمانيا", whole_words=True) == ["ألمانيا", "ألمانيا"]
    assert found(text, "ألمانيا", whole_words=False) == ["ألمانيا", "ألمانيا"]


def test_whole_words_never_add_an_article() -> None:
    text = "الدولة السورية وسورية"
    assert found(text, "سورية", whole_words=True) == ["سورية"]
    assert found(text, "سورية", whole_words=False) == ["سورية", "سورية"]


def test_contracted_article_is_found_in_both_modes() -> None:
    text = "قال للأسد وللأسد فللأسد إن الأسد"
    for whole_words in (False, True):
        assert found(text, "الأسد", whole_words=whole_words) == ["لأسد", "لأسد", "لأسد", "الأسد"]
    assert found("قال لالأسد", "الأسد", whole_words=False) == ["الأسد"]
