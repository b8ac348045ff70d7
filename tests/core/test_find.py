"""Find in one article: substring and whole-word modes, raw spans of the stem only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="الوفبكلسيهرتنمدأإةى ،.\u064e", max_size=150),
    query=st.text(alphabet="الوفبكلسيهرتنمد ", min_size=1, max_size=8),
)
def test_the_whole_word_find_finds_what_the_patterns_find(text: str, query: str) -> None:
    """Whole words are found by ``query.term_spans`` (each stem as a literal); the word's
    proclitic patterns, tried at every character, are the reference."""
    from desktop.core.arabic import fold
    from desktop.core.query import Term, tokens_of

    finder = ArticleFinder(text)
    tokens = tuple(tokens_of(fold(query)))
    found = sorted(
        match.span("hit")
        for pattern in (Term(tokens).patterns() if tokens else [])
        for match in pattern.finditer(finder.norm.text)
    )
    expected, last_end = [], 0
    for start, end in found:
        if start < end and start >= last_end:
            expected.append(finder.norm.to_raw(start, end))
            last_end = end
    assert finder.find_all(query, whole_words=True) == expected
