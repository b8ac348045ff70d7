"""The query language: folding, proclitic expansion, boolean structure, highlight patterns and
clear errors for malformed input. Pure Python: the FTS5 side is checked in tests/store."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.arabic import fold, normalise
from desktop.core.errors import HamishError
from desktop.core.query import (
    MAX_TERMS,
    PROCLITICS,
    QueryError,
    Term,
    definite_stems,
    find_spans,
    parse,
    proclitic_forms,
    tokens_of,
)


def words(text: str, query: str) -> list[str]:
    """The raw words highlighted for ``query`` in ``text``."""
    norm = normalise(text)
    return [text[slice(*norm.to_raw(start, end))] for start, end in parse(query).spans(norm.text)]


# --- folding of the query ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "token"),
    [
        ("الأَسَدُ", "الاسد"),  # harakat
        ("الأســـد", "الاسد"),  # tatweel
        ("إسرائيل", "اسراءيل"),  # hamza under alef, hamza on yeh
        ("آمال", "امال"),  # madda
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مصطفى", "مصطفي"),  # alef maksura
        ("Russia", "russia"),  # Latin case
    ],
)
def test_query_words_are_folded_like_the_index(typed: str, token: str) -> None:
    (term,) = parse(typed).terms
    assert term.tokens == (token,) == tuple(tokens_of(fold(typed)))


def test_words_with_punctuation_become_phrases() -> None:
    query = parse("Russia-Now.com")
    assert query.terms == (Term(("russia", "now", "com")),)
    assert query.fts == '"russia now com"'


# --- proclitics -------------------------------------------------------------------------------


def test_proclitics_cover_conjunctions_and_prepositions() -> None:
    assert set(PROCLITICS) == {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"}
    written = {clitic + stem for clitic, stem in proclitic_forms("كيري")}
    assert {"كيري", "وكيري", "لكيري", "بكيري", "فكيري", "ككيري", "وبكيري", "فلكيري"} <= written
    assert all(stem == "كيري" for _, stem in proclitic_forms("كيري"))


def test_article_words_also_take_the_contracted_lam() -> None:
    forms = proclitic_forms("الاسد")
    written = {clitic + stem for clitic, stem in forms}
    assert {"الاسد", "والاسد", "بالاسد", "للاسد", "وللاسد", "فللاسد"} <= written
    assert ("ل", "لاسد") in forms  # the highlight of للاسد leaves out the proclitic only
    # Every plain proclitic is kept, in PROCLITICS order, and the contracted forms come after:
    # a folded ال may be a hamzated alef (ألمانيا → المانيا), and then ل + word is real.
    assert forms[: len(PROCLITICS)] == tuple((clitic, "الاسد") for clitic in PROCLITICS)
    assert forms[len(PROCLITICS) :] == (("ل", "لاسد"), ("ول", "لاسد"), ("فل", "لاسد"))
    assert {("ل", "الاسد"), ("ول", "الاسد"), ("فل", "الاسد")} <= set(forms)


def test_hamzated_alef_is_not_taken_for_the_article() -> None:
    """ألمانيا folds to المانيا, which starts like ال; لألمانيا (to Germany) must still match."""
    written = {clitic + stem for clitic, stem in proclitic_forms(fold("ألمانيا"))}
    assert {"لالمانيا", "ولالمانيا", "فلالمانيا", "بالمانيا"} <= written
    assert '"لالمانيا"' in parse("ألمانيا").fts
    text = "سافر الوفد لألمانيا ثم وصل إلى ألمانيا، ولإلمانيا وجهة أخرى"
    assert words(text, "ألمانيا") == ["ألمانيا", "ألمانيا", "إلمانيا"]
    norm = normalise(text)
    starts = [norm.to_raw(s, e)[0] for s, e in parse("ألمانيا").spans(norm.text)]
    assert [text[s - 1] for s in starts] == ["ل", " ", "ل"]  # the proclitic stays outside
    # Keeping ل + word for such words adds no article to words without one.
    assert words("الدولة السورية ولسورية", "سورية") == ["سورية"]
    assert "السوريه" not in {c + s for c, s in proclitic_forms(fold("سورية"))}


def test_no_article_is_ever_added() -> None:
    written = {clitic + stem for clitic, stem in proclitic_forms("سوريه")}
    assert "السوريه" not in written and "للسوريه" not in written


def test_latin_and_digits_take_no_arabic_proclitics() -> None:
    assert proclitic_forms("russia") == (("", "russia"),)
    assert proclitic_forms("2015") == (("", "2015"),)


def test_highlights_cover_the_stem_not_the_proclitic() -> None:
    text = "ووصل كيري، ثم قال لكيري وبكيري إن فكيري ليس كيريا."
    assert words(text, "كيري") == ["كيري", "كيري", "كيري", "كيري"]
    norm = normalise(text)
    starts = [norm.to_raw(s, e)[0] for s, e in parse("كيري").spans(norm.text)]
    assert [text[s - 1] for s in starts] == [" ", "ل", "ب", "ف"]


def test_never_matches_inside_another_word() -> None:
    text = "الدولة السورية وسورية ولسورية والسوريين"
    assert words(text, "سورية") == ["سورية", "سورية"]  # وسورية, ولسورية; not السورية
    assert words(text, "السورية") == ["السورية"]
    assert words("الكيريين", "كيري") == []


def test_contracted_article_is_found() -> None:
    text = "قال للأسد ولِلأَسد إن الأسد"
    # The kasra belongs to the proclitic ل, so it stays outside the highlight.
    assert words(text, "الأسد") == ["لأسد", "لأَسد", "الأسد"]


def test_harakat_and_tatweel_in_the_text_stay_inside_the_highlight() -> None:
    text = "قال الرئيس الأَسَـــدُ اليوم"
    assert words(text, "الاسد") == ["الأَسَـــدُ"]


def test_prefix_matches_the_rest_of_the_word() -> None:
    text = "كيري وكيريات والكرملين"
    assert words(text, "كير*") == ["كيري", "كيريات"]
    query = parse("كير*")
    assert '"كير"*' in query.fts and '"وكير"*' in query.fts


def test_phrase_allows_punctuation_between_words() -> None:
    text = "قال وزير، الخارجية ولوزير الخارجية لا وزير دفاع الخارجية"
    assert words(text, '"وزير الخارجية"') == ["وزير، الخارجية", "وزير الخارجية"]


def test_latin_case_and_mixed_text() -> None:
    text = "أكدت مصادر لموقع Russia-Now.com أن روسيا"
    assert words(text, "russia") == ["Russia"]
    assert words(text, "RUSSIA-NOW") == ["Russia-Now"]


# --- boolean structure ------------------------------------------------------------------------


def test_juxtaposition_is_and() -> None:
    assert parse("كيري لافروف").fts.count(" AND ") == 1
    assert parse("كيري AND لافروف").fts == parse("كيري لافروف").fts


def test_not_terms_are_not_highlighted() -> None:
    query = parse("كيري NOT لافروف")
    assert [term.tokens for term in query.terms] == [("كيري",)]
    assert " NOT " in query.fts
    assert parse("كيري AND NOT لافروف").fts == query.fts


def test_or_and_parentheses() -> None:
    query = parse("(كيري OR لافروف) جنيف")
    assert [term.tokens[0] for term in query.terms] == ["كيري", "لافروف", "جنيف"]
    assert query.fts.startswith("((") and " OR " in query.fts and " AND " in query.fts


def test_lower_case_operators_are_words() -> None:
    assert [term.tokens for term in parse("war and peace").terms] == [
        ("war",),
        ("and",),
        ("peace",),
    ]


@pytest.mark.parametrize(
    "text", ['"NOT"', "NEAR(a b)", "title:كيري", "^كيري", "-كيري", "{a b}", "a+b", "كيري'"]
)
def test_fts_syntax_in_words_is_never_passed_through(text: str) -> None:
    query = parse(text)
    # Every string is quoted and holds only letters, digits and spaces.
    for part in query.fts.replace("(", " ").replace(")", " ").split('"')[1::2]:
        assert all(ch.isalnum() or ch == " " for ch in part)


def test_type_ahead_makes_the_last_word_a_prefix() -> None:
    assert parse("كيري لاف", type_ahead=True).terms[-1] == Term(("لاف",), prefix=True)
    assert parse("كيري لاف ", type_ahead=True).terms[-1] == Term(("لاف",))
    assert parse('"وزير الخ', type_ahead=True).terms == (Term(("وزير", "الخ"), prefix=True),)
    assert parse("(كيري OR لاف", type_ahead=True).fts.count("(") >= 2


# --- malformed queries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no words"),
        ("   ", "no words"),
        ("،؟!", "no words"),
        ('"كيري لافروف', "quotation mark is not closed"),
        ("(كيري OR لافروف", "parenthesis is not closed"),
        ("كيري)", "no opening one"),
        ("() كيري", "Empty parentheses"),
        ("NOT كيري", "NOT needs a word before it"),
        ("كيري NOT", "NOT must be followed"),
        ("كيري OR", "OR must be followed"),
        ("AND كيري", "AND needs a word on each side"),
        ("كيري OR NOT لافروف", "OR cannot be followed by NOT"),
        ("كيري AND OR لافروف", "AND cannot be followed by OR"),
        ("x" * 2001, "too long"),
        # Found by tests/fuzz: the parser recursed per level and ran out of stack
        # (RecursionError, not a QueryError) at about 250 levels.
        ("(" * 101 + "كيري" + ")" * 101, "nests parentheses too deeply"),
        ("(" * 900 + "كيري" + ")" * 900, "nests parentheses too deeply"),
    ],
)
def test_malformed_queries_say_what_to_fix(text: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason) as caught:
        parse(text)
    assert isinstance(caught.value, HamishError)
    assert str(caught.value).endswith(".")


def test_a_hundred_levels_of_parentheses_still_parse() -> None:
    query = parse("(" * 100 + "كيري" + ")" * 100)
    assert query.terms == (Term(("كيري",)),)


def test_find_spans_merges_overlaps() -> None:
    folded = fold("وزير الخارجية الأميركي")
    spans = find_spans(folded, [Term(("وزير", "الخارجيه")), Term(("الخارجيه",))])
    assert spans == [(0, len("وزير الخارجيه"))]


def test_a_waw_written_apart_between_words_is_the_conjunction_not_a_word() -> None:
    """A trial searched «بوتين و كيري» and found one article (the only one with a lone و
    between them) where «بوتين كيري» found four: و written apart means "and", which two
    words side by side already mean."""
    from desktop.core.query import parse

    together = parse("بوتين كيري").fts
    assert parse("بوتين و كيري").fts == together
    assert parse("بوتين  و  و كيري").fts == together
    assert parse("(بوتين) و (كيري)").fts == parse("(بوتين) (كيري)").fts
    # Alone, at either end, in a phrase or after an operator it stays a word.
    assert '"و"' in parse("و").fts
    assert '"و"' in parse("بوتين و").fts
    assert '"و"' in parse("و كيري").fts
    assert "بوتين و كيري" in parse('"بوتين و كيري"').fts
    assert '"و"' in parse("بوتين OR و").fts


def test_definite_stems() -> None:
    names = frozenset({"سوريه", "كمال"})
    assert definite_stems("اسلحه", names) == ("الاسلحه",)
    assert definite_stems("الاسلحه", names) == ()  # already has it
    assert definite_stems("سوريه", names) == ()  # a name: السورية is "Syrian"
    assert definite_stems("كمال", names) == ()
    assert definite_stems("من", names) == ()  # particles: المن is another word
    assert definite_stems("والي", names) == ("الوالي",)  # the governor
    # Letters that look like a proclitic and the article are the word's own (an attacker):
    assert definite_stems("والدين", names) == ("الوالدين",)  # parents, not الدين
    assert definite_stems("للجنه", names) == ("الللجنه",)  # never written: finds nothing
    assert definite_stems("kerry", names) == ()


def test_without_names_the_article_is_never_added() -> None:
    # The reader's find bar and the mention matchers parse without names: as written.
    assert parse("اسلحه").terms == (Term(("اسلحه",)),)
    assert "الاسلحه" not in parse("اسلحه").fts
    with_names = parse("اسلحه", names=frozenset())
    assert with_names.terms == (Term(("اسلحه",), definite=("الاسلحه",)),)
    assert '"الاسلحه"' in with_names.fts and '"للاسلحه"' in with_names.fts
    assert with_names.fts.count(" OR ") == len(with_names.terms[0].forms) - 1


def test_a_pasted_wall_of_words_is_refused_or_read_once() -> None:
    # An attack on the 2,000 characters allowed: 360 words kept a search busy for 88 s.
    words = [f"كلمة{chr(0x0628 + i)}{chr(0x0628 + j)}" for i in range(8) for j in range(8)]
    with pytest.raises(QueryError, match=f"use at most {MAX_TERMS}"):
        parse(" ".join(words[: MAX_TERMS + 1]))
    assert len(parse(" ".join(words[:MAX_TERMS])).terms) == MAX_TERMS
    repeated = parse(" ".join(["كيري", "لافروف"] * 150), names=frozenset())
    assert repeated.fts == parse("كيري لافروف", names=frozenset()).fts  # each read once
    either = parse(" OR ".join(["كيري", "لافروف"] * 90))
    assert either.fts == parse("كيري OR لافروف").fts


_LETTERS = "الوفبكلسيهرتنمد ،.-"


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=_LETTERS, max_size=120),
    words=st.lists(st.text(alphabet="الوفبكلسيهرتنمد", min_size=1, max_size=4), min_size=1),
    prefix=st.booleans(),
    definite=st.booleans(),
)
def test_the_fast_span_finder_finds_what_the_patterns_find(
    text: str, words: list[str], prefix: bool, definite: bool
) -> None:
    """``find_spans`` looks for each stem as a literal and checks the proclitics before it;
    ``Term.patterns`` (the reference) try the boundary and every proclitic at each
    character. Same spans, on letters chosen to be proclitics, articles and stems."""
    from desktop.core.query import _spans

    terms = []
    for at in range(len(words)):
        tokens = tuple(words[at : at + 1 + at % 2])
        readings = tuple("ال" + t for t in tokens) if definite else ()
        terms.append(Term(tokens, prefix and at % 3 == 0, readings))
    reference = _spans(text, (p for term in terms for p in term.patterns()))
    assert find_spans(text, terms) == reference


def test_the_fast_span_finder_on_two_letter_proclitics_and_the_contracted_article() -> None:
    from desktop.core.query import _spans

    text = fold("وبسيه فلسيه ككسيه وللاسد فللاسد بالاسد وبالاسد لأسد الأسد سيهات وسيهات")
    terms = [Term(("سيه",)), Term(("الاسد",)), Term(("سيه",), prefix=True)]
    reference = _spans(text, (p for term in terms for p in term.patterns()))
    assert find_spans(text, terms) == reference
    assert [text[a:b] for a, b in reference].count("سيه") == 2  # وب، فل; not كك


def test_name_within() -> None:
    from desktop.core.query import name_within

    names = frozenset({"كيري", "لبنان", "بوتين"})
    assert name_within("وكيري", names) == "كيري"
    assert name_within("وبكيري", names) == "كيري"
    assert name_within("لبنان", names) == "لبنان"  # a name itself: never cut
    assert name_within("بوتين", names) == "بوتين"
    assert name_within("وليد", names) == "وليد"  # ليد is no name
    assert name_within("والي", names) == "والي"
    assert name_within("kerry", names) == "kerry"
    # Typed ahead, a word is not yet whole: searched as typed.
    assert parse("وكيري", names=names, type_ahead=True).terms[0].tokens == ("وكيري",)
    assert parse("وكيري", names=names).terms[0].tokens == ("كيري",)
