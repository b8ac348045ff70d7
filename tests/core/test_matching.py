"""Alias matching: clitics, word boundaries, the article rule, spelling variants and offsets.

The matcher decides what "find all mentions" offers the analyst, so each rule has its own test,
and a property test checks that the fast offset map used for most documents agrees with the
full map of :func:`desktop.core.arabic.normalise` on random mixed text.
"""

from __future__ import annotations

import random

import pytest

from desktop.core.arabic import fold_words, normalise
from desktop.core.matching import (
    AliasMatcher,
    DocumentMatch,
    Match,
    find_all_mentions,
    folded_alias,
)
from desktop.io.seeds import seed_drafts

KERRY = AliasMatcher([(1, "كيري"), (1, "جون كيري"), (1, "Kerry")])


def spans(matcher: AliasMatcher, text: str) -> list[str]:
    return [text[m.start : m.end] for m in matcher.find(text)]


def words(matcher: AliasMatcher, text: str) -> list[str]:
    return [text[m.word_start : m.end] for m in matcher.find(text)]


# --------------------------------------------------------------------------------------------
# Clitics and word boundaries
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clitics", ["", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"]
)
def test_every_proclitic_group(clitics: str) -> None:
    text = f"قال {clitics}كيري شيئا"
    (match,) = KERRY.find(text)
    assert text[match.start : match.end] == "كيري"  # the annotation covers the name only
    assert text[match.word_start : match.end] == clitics + "كيري"
    assert match.clitics == clitics
    assert match.entity_id == 1


@pytest.mark.parametrize(
    "text",
    [
        "بوكيري",  # conjunction after a preposition: not Arabic
        "ووكيري",  # two conjunctions
        "ببكيري",
        "اكيري",  # starts inside a word
        "مكيري",
        "وبلكيري",  # three letters in front
        "كيريات",  # ends inside a word
        "كيري2",
        "2كيري",
        "Kerryx",
        "xKerry",
        "Kerry_",
    ],
)
def test_no_match_inside_words(text: str) -> None:
    assert KERRY.find(text) == []


@pytest.mark.parametrize("text", ["كيري.", "«كيري»", "(كيري)", "كيري، ", "Kerry's", "كيري-"])
def test_punctuation_ends_a_word(text: str) -> None:
    assert spans(KERRY, text) in (["كيري"], ["Kerry"])


def test_a_name_that_starts_like_a_clitic_is_read_whole_first() -> None:
    matcher = AliasMatcher([(1, "وليد"), (2, "ليد")])
    assert [(m.entity_id, m.clitics) for m in matcher.find("وليد")] == [(1, "")]
    assert [(m.entity_id, m.clitics) for m in matcher.find("ووليد")] == [(1, "و")]
    assert [(m.entity_id, m.clitics) for m in matcher.find("بليد")] == [(2, "ب")]


# --------------------------------------------------------------------------------------------
# The article
# --------------------------------------------------------------------------------------------

SYRIA = AliasMatcher([(3, "سورية"), (4, "الكرملين")])


@pytest.mark.parametrize("text", ["السورية", "والسورية", "بالسورية", "للسورية", "لسوريةٍ"])
def test_no_article_in_front_of_a_name_without_one(text: str) -> None:
    expected = ["سوريةٍ"] if text == "لسوريةٍ" else []  # لسورية: "to Syria"
    assert spans(SYRIA, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "clitics"),
    [
        ("الكرملين", "الكرملين", ""),
        ("والكرملين", "الكرملين", "و"),
        ("بالكرملين", "الكرملين", "ب"),
        ("فالكرملين", "الكرملين", "ف"),
        ("للكرملين", "لكرملين", "ل"),  # ل + ال contracts; the name keeps the article's lam
        ("وللكرملين", "لكرملين", "ول"),
        ("فللكرملين", "لكرملين", "فل"),
    ],
)
def test_alias_with_article(text: str, name: str, clitics: str) -> None:
    (match,) = SYRIA.find(text)
    assert (text[match.start : match.end], match.clitics, match.entity_id) == (name, clitics, 4)
    assert match.word_start == 0


@pytest.mark.parametrize("text", ["كرملين", "لكرملين", "ولكرملين", "االكرملين"])
def test_article_alias_needs_its_article(text: str) -> None:
    assert SYRIA.find(text) == []


# --------------------------------------------------------------------------------------------
# Spelling variants, harakat, tatweel, Latin case
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "text"),
    [
        ("أوباما", "اوباما"),
        ("اوباما", "أوباما"),
        ("أوباما", "إوباما"),
        ("مسؤول", "مسئول"),
        ("سورية", "سوريه"),
        ("مصطفى", "مصطفي"),
        ("كيري", "كَيْرِي"),
        ("كيري", "كـيـري"),
        ("كيري", "ﻛﻴﺮﻱ"),  # presentation forms from a PDF
        ("Kerry", "KERRY"),
        ("KERRY", "kerry"),
        ("Straße", "STRASSE"),
        ("strasse", "Straße"),
    ],
)
def test_variants_fold_together(alias: str, text: str) -> None:
    matcher = AliasMatcher([(1, alias)])
    assert spans(matcher, f"قال {text} أمس") == [text]


@pytest.mark.parametrize(
    ("alias", "text"),
    [("سورية", "سوريا"), ("الأمريكي", "الأميركي"), ("علي", "على"), ("يحيى", "يحيي")],
)
def test_what_folding_does_not_join(alias: str, text: str) -> None:
    # only an alias list joins these; على must never be the name علي
    assert AliasMatcher([(1, alias)]).find(text) == []


def test_raw_span_covers_harakat_and_tatweel_of_the_name() -> None:
    text = "وَكَـيْرِيُّ قالَ"
    (match,) = KERRY.find(text)
    assert text[match.start : match.end] == "كَـيْرِيُّ"
    assert text[match.word_start : match.start] == "وَ"
    assert match.start == 2


def test_offsets_are_code_points_beyond_the_bmp() -> None:
    text = "😀😀 قال كيري"
    (match,) = KERRY.find(text)
    assert (match.start, match.end) == (len(text) - 4, len(text))


# --------------------------------------------------------------------------------------------
# Multi-word aliases and overlaps
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", [" ", "  ", "\n", "\t", " \u00a0 "])
def test_multi_word_alias_tolerates_any_white_space(gap: str) -> None:
    matcher = AliasMatcher([(1, "جون كيري")])
    text = f"وجون{gap}كيري"
    (match,) = matcher.find(text)
    assert text[match.start : match.end] == f"جون{gap}كيري"
    assert match.clitics == "و"


def test_longest_alias_wins_and_falls_back() -> None:
    matcher = AliasMatcher([(1, "جون كيري"), (2, "جون"), (3, "كيري")])
    assert [(m.entity_id, m.matched_alias) for m in matcher.find("قال جون كيري")] == [
        (1, "جون كيري")
    ]
    # the longer alias fails at the word end, so the shorter one is taken
    assert [m.entity_id for m in matcher.find("جون كيريات")] == [2]


def test_alias_shared_by_two_entities_gives_one_match_each() -> None:
    matcher = AliasMatcher([(1, "الأسد"), (2, "الاسد"), (1, "الأسد")])
    found = matcher.find("نظام الأسد")
    assert [(m.entity_id, m.start, m.end) for m in found] == [(1, 5, 10), (2, 5, 10)]


def test_ad_hoc_aliases_and_empty_matcher() -> None:
    matcher = AliasMatcher.from_names(["كيري", "  ", "", "..."])
    assert len(matcher) == 1
    assert [m.entity_id for m in matcher.find("وكيري")] == [None]
    assert AliasMatcher([]).find("كيري") == []
    assert find_all_mentions([(1, "كيري")], AliasMatcher([])) == []


def test_registry_rows_keep_types() -> None:
    matcher = AliasMatcher.from_registry([(1, "person", "كيري"), (2, "location", "موسكو")])
    assert matcher.types == {1: "person", 2: "location"}
    assert matcher.aliases == ["موسكو", "كيري"]


def test_match_is_plain_data() -> None:
    (match,) = KERRY.find("لكيري")
    assert match == Match(1, 1, 5, 0, "كيري", "ل")


# --------------------------------------------------------------------------------------------
# The fast offset map agrees with normalise()
# --------------------------------------------------------------------------------------------

_ALPHABET = [*"كيريجون وبلف.،", "\u064e", "\u0651", "\u0640", "\u200c", "ß", "ﻛ", "أ", "K"]


def test_fast_map_agrees_with_the_full_map() -> None:
    rng = random.Random(7)
    matcher = AliasMatcher([(1, "كيري"), (2, "جون كيري"), (3, "ss"), (4, "k")])
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
        assert matcher.find(text) == matcher.find_normalised(normalise(text)), repr(text)


# --------------------------------------------------------------------------------------------
# The seeds, and a corpus
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> list[tuple[int, str]]:
    return [(i, draft.text) for i, draft in enumerate(seed_drafts(), start=1)]


@pytest.mark.parametrize(
    ("alias", "written"),
    [
        ("كيري", "وكيري"),
        ("كيري", "لكيري"),
        ("لافروف", "ولافروف"),
        ("واشنطن", "وواشنطن"),
        ("أوباما", "اوباما"),
        ("أوباما", "أوباما"),
        ("الكرملين", "الكرملين"),
    ],
)
def test_seed_forms_are_found(seeds: list[tuple[int, str]], alias: str, written: str) -> None:
    found = find_all_mentions(seeds, AliasMatcher.from_names([alias]))
    texts = {seeds[m.document_id - 1][1][m.match.word_start : m.end] for m in found}
    assert written in texts


def test_seed_adjective_is_not_the_country(seeds: list[tuple[int, str]]) -> None:
    found = find_all_mentions(seeds, AliasMatcher.from_names(["سورية"]))
    assert found
    for hit in found:
        text = seeds[hit.document_id - 1][1]
        assert text[hit.match.word_start : hit.end] in {"سورية", "لسورية", "وسورية", "بسورية"}
        assert not text[: hit.start].endswith("ال")


def test_find_all_mentions_excludes_and_keeps_context(seeds: list[tuple[int, str]]) -> None:
    matcher = AliasMatcher([(9, "كيري"), (9, "جون كيري")])
    every = find_all_mentions(seeds, matcher)
    assert {hit.document_id for hit in every} == {1, 2, 4, 5}  # 002 never names Kerry
    first = every[0]
    assert isinstance(first, DocumentMatch)
    text = seeds[first.document_id - 1][1]
    assert first.quote == text[first.start : first.end]
    assert text[: first.start].endswith(first.prefix)
    assert text[first.end :].startswith(first.suffix)
    kept = find_all_mentions(
        seeds,
        matcher,
        exclude=lambda doc, start, end: (doc, start) == (first.document_id, first.start),
    )
    assert len(kept) == len(every) - 1 and first not in kept


def test_a_large_corpus_gives_each_documents_own_mentions(seeds: list[tuple[int, str]]) -> None:
    # How fast is benchmarks/mentions.py's figure (target 2 s for 10,000 articles), not a test's.
    docs = [(i, seeds[i % 5][1]) for i in range(2000)]  # ~10 MB of Arabic
    found = find_all_mentions(docs, KERRY)
    per_seed = [KERRY.find(text) for _, text in seeds]
    assert len(found) > 2000
    assert [(hit.document_id, hit.match) for hit in found] == [
        (i, match) for i, _ in docs for match in per_seed[i % 5]
    ]


def test_folded_alias_is_the_fold_words_key() -> None:
    for alias in ("جون   كيري", " الأَسد\u00a0", "Russia-NOW", ""):
        assert folded_alias(alias) == fold_words(alias) == " ".join(fold_words(alias).split())


def test_lam_before_a_hamzated_alef_and_the_contracted_article() -> None:
    # ألمانيا folds to المانيا: ل + the alias is found, and so is the contracted form of الأسد.
    matcher = AliasMatcher([(1, "ألمانيا"), (2, "الأسد")])
    text = "سافر لألمانيا ثم التقى للأسد وبالأسد"
    found = [(m.entity_id, text[m.start : m.end], m.clitics) for m in matcher.find(text)]
    assert found == [(1, "ألمانيا", "ل"), (2, "لأسد", "ل"), (2, "الأسد", "وب")]
    assert [m.match for m in find_all_mentions([(7, text)], matcher)] == matcher.find(text)


def test_a_long_article_just_normalised_is_not_folded_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Suggesting normalises the article for the rules; the tagger's registry features then
    find the aliases in the same text: they take that normalisation instead of folding the
    text again (0.3 s on a 1 MB article), with the same matches."""
    from desktop.core import arabic, matching

    text = "قال جونُ كيري إن وكيري ـ وKerry \u064eكيري.\n" * 800  # above the remembered length
    fresh = KERRY.find(text)  # folded, with the cheapest map
    assert normalise(text) is normalise(text)  # remembered, not computed twice

    def no_fold(_text: str) -> str:
        raise AssertionError("folded again")

    monkeypatch.setattr(matching, "fold", no_fold)
    assert KERRY.find(text) == fresh
    monkeypatch.setattr(arabic, "_remembered", None)  # another text was normalised since
    with pytest.raises(AssertionError, match="folded again"):
        KERRY.find(text)


def test_a_long_article_is_scanned_once_for_matchers_of_the_same_aliases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The suggestion rules and the tagger's registry feature each build a matcher of the
    registry's rows and look at the same article: the second reuses the first's hits, with
    its own entities; a matcher of other aliases, or another text, scans."""
    text = "قال بشار الأسد في دمشق. " * 1500  # long enough to be remembered
    scans: list[str] = []
    original = AliasMatcher.scan

    def counted(self: AliasMatcher, folded: str) -> list[tuple[int, int, int, str, str]]:
        scans.append(folded)
        return original(self, folded)

    monkeypatch.setattr(AliasMatcher, "scan", counted)
    rows = [(1, "person", "بشار الأسد"), (2, "location", "دمشق")]
    rules = AliasMatcher.from_registry(rows)
    first = rules.find_normalised(normalise(text))
    tagger = AliasMatcher.from_registry([(7, "person", "بشار الأسد"), (8, "location", "دمشق")])
    second = tagger.find(text)
    assert len(scans) == 1
    assert [(m.start, m.end) for m in second] == [(m.start, m.end) for m in first]
    assert {m.entity_id for m in second} == {7, 8}
    AliasMatcher.from_registry([(1, "person", "بشار الأسد")]).find(text)
    assert len(scans) == 2
    other = text + " دمشق"
    assert len(tagger.find(other)) == len(second) + 1
    assert len(scans) == 3


@pytest.mark.parametrize("length", [1_200, 10_000])
def test_a_name_of_thousands_of_letters_is_found_and_breaks_no_other(length: int) -> None:
    # A long selection tagged as a person made such a name: the recursive pattern hit Python's
    # recursion limit and every suggestion and mention search of the project failed.
    long_name = "م" * length
    article = "ال" + "ب" * length
    matcher = AliasMatcher(
        [(1, long_name), (2, "محمد"), (3, article), (4, article + " س"), (5, "ب" * 5)]
    )
    text = f"قال {long_name} ولمحمد لل{'ب' * length} {article}  س"
    found = [(m.start, m.end, m.entity_id) for m in matcher.find(text)]
    contracted = 4 + length + 8
    assert found == [
        (4, 4 + length, 1),
        (4 + length + 3, 4 + length + 7, 2),  # after its clitics و + ل
        (contracted + 1, contracted + 2 + length, 3),  # ل + its contracted ل…
        (contracted + 3 + length, contracted + 3 + 2 * length + 5, 4),  # the longer alias
    ]
    assert matcher.find_sparse(text) == matcher.find(text)


def test_a_chain_of_nested_aliases_is_found_longest_first() -> None:
    # Every prefix an alias: one nested group per letter in the trie, deeper than the regex
    # parser's recursion could go.
    names = ["ك" + "ت" * n for n in range(1, 700)]
    matcher = AliasMatcher(enumerate(names))
    found = matcher.find(f"و{names[-1]} {names[3]}")
    assert [(m.start, m.end, m.entity_id) for m in found] == [
        (1, 1 + len(names[-1]), len(names) - 1),
        (2 + len(names[-1]), 2 + len(names[-1]) + len(names[3]), 3),
    ]
