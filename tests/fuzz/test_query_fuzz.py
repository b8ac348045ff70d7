"""The search query parser is total and search never points outside the text (issue 13).

- Any string, in either mode (a finished query, or one still being typed), parses or raises
  ``QueryError`` with a sentence: never a ``RecursionError`` or any other exception.
- A query that parses runs against the index (FTS5) without an SQLite error; its hits carry
  spans, title spans and snippets that lie inside their text, in order, without overlaps, and
  each snippet is the text between its offsets.
- A word taken from an article finds that article, and a highlight lands on it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.core.arabic import fold, normalise
from desktop.core.errors import ImportRejected
from desktop.core.query import Query, QueryError, parse, tokens_of
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.store.search import Hit, index_form
from tests.fuzz.strategies import arabic_text, hostile_text, no_hang

ARTICLES = [
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مع كيري مستمرة.\nوأضاف: «لا تعليق».",
    "أعلنت الأمم المتحدة أن للأمم المتحدة دوراً في سوريا؛ وقالت Russia-Now.com إن UN تتابع.",
    "مُحَمَّد مصطفى على الطريق إلى القاهرة 2024 😀 𝐀 ﻻ ﷲ straße İstanbul",
    "",
]
_PIECES = st.sampled_from(
    [
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        '"',
        "*",
        " ",
        "  ",
        "كيري",
        "وكيري",
        "للأمم",
        "الأمم",
        "المتحدة",
        "russia",
        "Russia-Now.com",
        "NEAR",
        "^",
        ":",
        "-",
        "+",
        "{",
        "}",
        "'",
        "\\",
        "\x00",
        "\u202e",
        "ـ",
        "َ",
        "ﻻ",
        "😀",
        "and",
        "or",
        "not",
        "title:",
    ]
)
QUERIES = st.one_of(
    st.lists(_PIECES, max_size=30).map("".join),
    st.lists(_PIECES, max_size=30).map(" ".join),
    hostile_text(max_size=80),
    st.text(max_size=60),
    st.integers(1, 1500).map(lambda depth: "(" * depth + "كيري" + ")" * depth),
    st.integers(1, 700).map(lambda n: "كيري" + " NOT لافروف" * n),
    st.integers(1, 700).map(lambda n: " OR ".join(["كيري"] * n)),
    st.integers(1, 500).map(lambda n: "(كيري OR " * n + "لافروف" + ")" * n),
    st.integers(1, 1000).map(lambda n: '"' + "كيري " * n + '"'),
)


def _parsed(text: str, type_ahead: bool) -> Query | None:
    with no_hang():
        try:
            return parse(text, type_ahead=type_ahead)
        except QueryError as error:
            assert str(error).strip()
            return None


@given(text=QUERIES, type_ahead=st.booleans())
def test_parsing_is_total(text: str, type_ahead: bool) -> None:
    query = _parsed(text, type_ahead)
    if query is None:
        return
    assert query.fts
    for term in query.terms:
        assert term.tokens and all(term.tokens)
        assert all(tokens_of(token) == [token] for token in term.tokens)
        term.patterns()  # every pattern compiles
    query.spans(fold(text))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    with Project.open(tmp_path_factory.mktemp("fuzz-search") / "search.hamish") as opened:
        with opened.database.transaction():
            for index, text in enumerate(ARTICLES):
                if text:
                    opened.documents.add(make_draft(text, title=f"مقال {index} {text[:20]}"))
        yield opened


def _check_hit(project: Project, hit: Hit) -> None:
    document = project.documents.get(hit.document_id)
    text, title = document.text, document.title
    for spans, within in ((hit.spans, text), (hit.title_spans, title)):
        last = 0
        for start, end in spans:
            assert last <= start < end <= len(within), (spans, len(within))
            last = end
    for snippet in hit.snippets:
        assert 0 <= snippet.start <= snippet.end <= len(text)
        assert snippet.text == text[snippet.start : snippet.end]
        for start, end in snippet.marks:
            assert snippet.start <= start < end <= snippet.end
        assert "".join(part for part, _ in snippet.parts()) == snippet.text


@given(text=QUERIES)
def test_search_is_total_and_stays_inside_the_text(project: Project, text: str) -> None:
    query = _parsed(text, type_ahead=False)
    with no_hang():
        try:
            hits = project.search.search(query if query is not None else text)
        except QueryError as error:
            assert str(error).strip()
            return
    assert query is not None, "search ran a query the parser refused"
    assert project.search.count(query) >= len(hits)
    for hit in hits:
        _check_hit(project, hit)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    with Project.open(tmp_path_factory.mktemp("fuzz-recall") / "recall.hamish") as opened:
        yield opened


@given(
    text=st.one_of(arabic_text(max_size=120), hostile_text(min_size=1, max_size=120)),
    pick=st.integers(0, 10**6),
    clitic=st.sampled_from(["", "و", "ب", "ول", "فل"]),
)
def test_a_word_of_an_article_finds_it(scratch: Project, text: str, pick: int, clitic: str) -> None:
    """Search by any word the article holds (as folded for the index), with a proclitic
    glued on now and then: the article is found, and a highlight covers that word."""
    try:
        draft = make_draft(clitic + text)
    except ImportRejected:  # nothing but control characters
        assume(False)
        raise
    words = tokens_of(fold(draft.text))
    assume(words)
    word = words[pick % len(words)]
    with scratch.database.transaction():
        scratch.database.conn.execute("DELETE FROM documents")
        doc_id = scratch.documents.add(draft)
    query = _parsed(word, type_ahead=False)
    assume(query is not None)  # a word that is an operator (AND) cannot be searched bare
    assert query is not None
    hits = scratch.search.search(query)
    assert [hit.document_id for hit in hits] == [doc_id], (word, draft.text)
    (hit,) = hits
    _check_hit(scratch, hit)
    assert hit.spans or hit.title_spans, (word, draft.text)
    norm = normalise(draft.text)
    for start, end in hit.spans:
        assert fold(draft.text[start:end]), (word, draft.text, start, end)
    assert len(norm.offsets) == len(norm.text) + 1


@given(text=st.one_of(hostile_text(max_size=120), st.text(max_size=60)))
def test_the_index_holds_exactly_the_query_parsers_tokens(text: str) -> None:
    """What is indexed splits wherever a query splits (store/search.py's index_form)."""
    assert index_form(text) == " ".join(tokens_of(fold(text)))
