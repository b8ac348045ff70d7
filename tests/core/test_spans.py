from __future__ import annotations

import pytest

from desktop.core.errors import HamishError
from desktop.core.services import prepare_annotation
from desktop.core.spans import check_anchors, reanchor, snap_to_mention, snap_to_words, word_at

TEXT = "قال الأسَدُ، في دمشق: «لن نتراجع» — وكيري يردّ."


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("سَدُ", "الأسَدُ"),  # inside a word, with harakat: the whole word
        (" في دم", "في دمشق"),  # leading space dropped, trailing partial word completed
        ("«لن نتراجع»", "لن نتراجع"),  # quotes trimmed
        ("كيري", "وكيري"),  # the clitic is part of the written word
    ],
)
def test_snap_to_words(fragment: str, expected: str) -> None:
    start = TEXT.index(fragment)
    s, e = snap_to_words(TEXT, start, start + len(fragment))
    assert TEXT[s:e] == expected


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        ("قال داعية إن", "اع", "داعية"),  # inside a word: the whole word
        ("قال داعية إن", "دا", "داعية"),  # the end inside a word
        (TEXT, "كيري", "كيري"),  # after a proclitic, as find selects it: kept out
        ("قال وَلِكيري", "كيري", "كيري"),  # a stacked proclitic with harakat
        ("وللأسد", "لأسد", "لأسد"),  # ل + ال written لل, after و: find selects لأسد
        ("والأسد", "سد", "والأسد"),  # "والأ" is no proclitic: the whole word
        (TEXT, " في دم", "في دمشق"),  # as snap_to_words otherwise
    ],
)
def test_snap_to_mention(text: str, fragment: str, expected: str) -> None:
    start = text.index(fragment)
    s, e = snap_to_mention(text, start, start + len(fragment))
    assert text[s:e] == expected


QUOTED = 'وقال بلينكن إن "الاتفاق ممكن خلال أيام". وأضاف «سنرى (قريبا)» ثم غادر.'


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        # a trial's claim lost its closing mark: a mark the span opens keeps its pair
        ('إن "الاتفاق ممكن خلال أيام', 'إن "الاتفاق ممكن خلال أيام"'),
        ('الاتفاق ممكن خلال أيام"', "الاتفاق ممكن خلال أيام"),  # nothing open in the words
        ("وأضاف «سنرى (قريبا", "وأضاف «سنرى (قريبا)»"),
        ("قريبا)» ثم", "(قريبا)» ثم"),  # ) closes ( beside it; » has no « beside it
        ("الاتفاق ممكن", "الاتفاق ممكن"),  # nothing open: marks beside stay out
        ('"الاتفاق ممكن خلال أيام"', "الاتفاق ممكن خلال أيام"),  # whole pairs trimmed
    ],
)
def test_snap_keeps_quotation_marks_in_pairs(fragment: str, expected: str) -> None:
    start = QUOTED.index(fragment)
    s, e = snap_to_words(QUOTED, start, start + len(fragment))
    assert QUOTED[s:e] == expected


def test_snap_keeps_punctuation_only_selection() -> None:
    start = TEXT.index("—")
    assert snap_to_words(TEXT, start, start + 1) == (start, start + 1)


def test_word_at() -> None:
    position = TEXT.index("دمشق") + 2
    s, e = word_at(TEXT, position) or (0, 0)
    assert TEXT[s:e] == "دمشق"
    assert word_at(TEXT, TEXT.index("—") + 1) is None


def test_prepare_annotation_context_and_errors() -> None:
    start = TEXT.index("دمشق")
    draft = prepare_annotation(TEXT, 1, start + 1, start + 2, 3, "analyst")
    assert draft.quote == "دمشق"
    assert draft.prefix == TEXT[max(0, start - 32) : start]
    assert draft.suffix == TEXT[start + 4 : start + 36]
    exact = prepare_annotation(TEXT, 1, start + 1, start + 2, 3, "analyst", snap=False)
    assert exact.quote == "م"
    with pytest.raises(HamishError, match="Select a passage"):
        prepare_annotation(TEXT, 1, 5, 5, 3, "a")
    with pytest.raises(HamishError, match="white space"):
        prepare_annotation(" \n ", 1, 0, 3, 3, "a", snap=False)
    with pytest.raises(HamishError, match="outside"):
        prepare_annotation(TEXT, 1, 0, 999, 3, "a")


def test_reanchor_prefers_matching_context() -> None:
    old = "كيري قال. ثم قال كيري إن الاتفاق قريب."
    start = old.rindex("كيري")
    prefix, suffix = old[start - 10 : start], old[start + 4 : start + 20]
    new = "مقدمة. " + old
    found = reanchor(new, start, start + 4, "كيري", prefix, suffix)
    assert found.anchor == "moved"
    assert found.start == new.rindex("كيري")


def test_reanchor_exact_and_orphaned() -> None:
    assert reanchor(TEXT, 4, 11, TEXT[4:11], "", "").anchor == "exact"
    assert reanchor(TEXT, 4, 11, "بوتين", "", "").anchor == "orphaned"


def test_check_anchors_reports_only_changes() -> None:
    rows = [
        (1, 0, 3, TEXT[0:3], "", "", "exact"),
        (2, 0, 3, "دمشق", "", "", "exact"),
        (3, 0, 3, "غائب", "", "", "exact"),
        (4, 0, 3, TEXT[0:3], "", "", "orphaned"),
    ]
    repairs = dict(check_anchors(TEXT, rows))
    assert set(repairs) == {2, 3, 4}
    assert TEXT[repairs[2].start : repairs[2].end] == "دمشق"
    assert repairs[3].anchor == "orphaned"
    assert repairs[4].anchor == "exact"


def test_reanchoring_a_quote_written_a_million_times_scores_a_bounded_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An attack's Web Annotations quoted «ا» alone in a 2 MB text: every occurrence was
    scored, 0.15 s an annotation, hours for a file of them. Now at most
    REANCHOR_CANDIDATES are, and the answer is the same where the context is found whole."""
    from desktop.core import spans

    calls: list[int] = []
    affinity = spans._affinity

    def counted(*args: object) -> int:
        calls.append(1)
        return affinity(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(spans, "_affinity", counted)
    text = "ا" * 300_000 + "قال زيد" + "ا" * 300_000
    where = text.index("قال زيد") - 1  # the «ا» just before «قال»
    found = spans.reanchor(text, 700_000, 700_001, "ا", "", "قال")  # past the end now
    assert (found.start, found.anchor) == (where, "moved")
    assert not calls  # the whole context found by one search
    found = spans.reanchor(text, 300_001, 300_003, "اا", "y", "x")  # no such context
    assert found.anchor == "moved" and abs(found.start - 300_001) <= spans.REANCHOR_CANDIDATES
    assert len(calls) <= spans.REANCHOR_CANDIDATES
    # Few occurrences: every one is scored, as before.
    small = "ا ب ا ج ا"
    assert spans.reanchor(small, 2, 3, "ا", "ج ", "").start == 8
