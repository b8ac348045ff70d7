"""Counting an entity's mentions from the search index's tokens (``TokenPlan``, issue 15): the
counts must be the matcher's own, since "find all mentions" lists each article's rows from them
before it reads the article."""

from __future__ import annotations

import random

import pytest

from desktop.core.arabic import fold
from desktop.core.matching import AliasMatcher, TokenPlan
from desktop.core.query import tokens_of
from desktop.io.seeds import seed_drafts

ALIAS_SETS = [
    ("جون كيري", "كيري", "Kerry"),
    ("كيري",),
    ("جون كيري",),  # the second word alone is no alias: the words around it decide
    ("جون", "جون كيري", "كيري"),  # each word an alias too: the phrase is one mention, not two
    ("الكرملين", "إيران"),  # ل + ال written لل
    ("سيرغي لافروف", "لافروف", "روسيا"),
    ("ولي", "لي"),  # a clitic-looking first letter: the earliest start wins
    ("الأمم المتحدة",),
]


def tokens(text: str, plan: TokenPlan) -> dict[int, str]:
    """What the search index holds of a text (its folded tokens), as ``position → term``."""
    return {n: t for n, t in enumerate(tokens_of(fold(text))) if t in plan.needed}


def index_count(plan: TokenPlan, text: str) -> int:
    counted = plan.counted_terms()
    if counted is not None:  # what SQLite counts
        return sum(term in counted for term in tokens_of(fold(text)))
    return len(plan.count(tokens(text, plan)))


TRICKY = [
    "قال وكيري إن الاجتماع انتهى.",
    "وصل لكيري خطاب من موسكو.",
    "التقى جون\nكيري بنظيره، ثم جون كيري وكيري.",
    "قال جـــون كيري أمس، وجون كيري.",
    "تحدث كِيرِي عن الأزمة.",
    "نقلت للكرملين رسالة، وأكد الكرملين ذلك، وللكرملين.",
    "زار ولإيران الوفد.",
    "Kerry said, and وKerry added.",
    "كيريان ليس كيري، بل شخص آخر.",
    "جون وحده، ثم جون جون كيري كيري.",
    "ولي العهد ولي وللي ليس لي.",
    "في الأمم المتحدة والأمم المتحدة وللأمم المتحدة.",
    "سيرغي لافروف ولافروف وسيرغي لافروف لافروف",
]


@pytest.mark.parametrize("aliases", ALIAS_SETS)
def test_the_tokens_count_what_the_matcher_finds(aliases: tuple[str, ...]) -> None:
    matcher = AliasMatcher([(1, alias) for alias in aliases])
    plan = matcher.token_plan()
    texts = [*TRICKY, *(draft.text for draft in seed_drafts())]
    rng = random.Random(15)
    sentences = [s for text in texts for s in text.split("،")]
    texts += [" ".join(rng.choice(sentences) for _ in range(8)) for _ in range(200)]
    for text in texts:
        assert index_count(plan, text) == len(matcher.find(text)), text
        assert len(plan.count(tokens(text, plan))) == len(matcher.find(text)), text


def test_sqlite_counts_where_the_words_around_cannot_change_the_count() -> None:
    # The seed texts' كيري with its full name: a phrase is one mention instead of its
    # surname's one, so counting the surname's tokens is enough (and SQLite does it).
    counted = AliasMatcher([(1, "جون كيري"), (1, "كيري")]).token_plan().counted_terms()
    assert counted is not None and "وكيري" in counted and "جون" not in counted
    # A phrase whose words are no alias alone, or aliases that are each a mention: no.
    assert AliasMatcher([(1, "جون كيري")]).token_plan().counted_terms() is None
    assert (
        AliasMatcher([(1, "جون"), (1, "جون كيري"), (1, "كيري")]).token_plan().counted_terms()
        is None
    )
    # Each term is chosen once, from the aliases: the clitic forms the matcher accepts.
    plan = AliasMatcher([(1, "الكرملين")]).token_plan()
    assert {"الكرملين", "والكرملين", "للكرملين", "وللكرملين", "فللكرملين"} <= plan.terms
    matcher = AliasMatcher([(1, "الكرملين")])
    for word in ("للكرملين", "لالكرملين", "ولكرملين", "فبالكرملين", "كالكرملين", "بللكرملين"):
        assert plan.mentions(word) == bool(matcher.find(word)), word
    assert not plan.mentions("ولكرملين") and plan.mentions("للكرملين")


def test_what_the_tokens_cannot_show_is_at_most_one_more() -> None:
    # A two-word alias across punctuation: the index's tokens follow one another, the matcher
    # wants white space. The list's count is then one too many, and reading the article
    # (which every row's offsets come from) removes the row.
    matcher = AliasMatcher([(1, "جون كيري")])
    text = "قال جون، كيري شيئا."
    assert matcher.find(text) == []
    assert len(matcher.token_plan().count(tokens(text, matcher.token_plan()))) == 1
