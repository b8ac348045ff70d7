"""Full-text search through the FTS5 index: Arabic folding and proclitics on real articles,
boolean queries, filters, raw offsets and snippets, and the index kept in step with every
write (import, delete, metadata edit, rollback, writers that bypass the stores, migration)."""

from __future__ import annotations

import contextlib
import dataclasses
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.arabic import fold
from desktop.core.errors import HamishError, ProjectError
from desktop.core.query import QueryError, parse, tokens_of
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.store import schema
from desktop.store import search as search_module
from desktop.store.db import _split_sql
from desktop.store.project import Project
from desktop.store.search import INDEX_VERSION, SearchFilters, index_form, make_snippets

SEED_TITLES = [draft.title for draft in seed_drafts()]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The five sample articles, read-only for the tests that use it."""
    project = Project.open(tmp_path_factory.mktemp("seeded") / "seeds.hamish")
    with project.database.transaction():
        for draft in seed_drafts():
            project.documents.add(draft)
    yield project
    project.close()


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.open(tmp_path / "p.hamish") as opened:
        yield opened


def add(project: Project, text: str, **fields: str) -> int:
    return project.documents.add(make_draft(text, **fields))


def matched_words(project: Project, query: str) -> list[str]:
    """Every highlighted word of every hit, as it is written in the raw text."""
    found = []
    for hit in project.search.search(query, limit=100):
        text = project.documents.get(hit.document_id).text
        found.extend(text[start:end] for start, end in hit.spans)
    return found


def ids(project: Project, query: str, filters: SearchFilters | None = None) -> set[int]:
    return {hit.document_id for hit in project.search.search(query, limit=100, filters=filters)}


def oracle(project: Project, query: str) -> set[int]:
    """Documents matching a one-term query, computed without the index."""
    parsed = parse(query)
    found = set()
    for summary in project.documents.summaries():
        document = project.documents.get(summary.id)
        fields = (document.title, document.source, document.text)
        if any(parsed.spans(fold(field)) for field in fields):
            found.add(summary.id)
    return found


def assert_consistent(project: Project, probes: tuple[str, ...] = ()) -> None:
    project.search.check()
    assert project.search.pending() == 0
    assert project.search.indexed_count() == project.documents.count()
    for probe in probes:
        assert project.search.matching_ids(probe) == oracle(project, probe), probe


# --- Arabic on the sample articles ------------------------------------------------------------


def test_hamza_variants_match(seeded: Project) -> None:
    found = matched_words(seeded, "الاسد")
    assert found and set(found) == {"الأسد"}
    assert matched_words(seeded, "الأسد") == found


def test_proclitics_are_looked_through(seeded: Project) -> None:
    hits = seeded.search.search("كيري")
    prefixes = set()
    for hit in hits:
        text = seeded.documents.get(hit.document_id).text
        for start, end in hit.spans:
            assert text[start:end] == "كيري"
            prefixes.add(text[start - 1])
    assert {"و", "ل"} <= prefixes  # وكيري and لكيري are in the seeds
    assert len(hits) == seeded.search.count("كيري") == 4


def test_no_article_is_added_to_a_name(seeded: Project) -> None:
    for hit in seeded.search.search("سورية"):
        text = seeded.documents.get(hit.document_id).text
        for start, _end in hit.spans:
            assert not text[max(0, start - 2) : start].endswith("ال")
            assert not text[start - 1 : start].isalpha() or text[start - 1] in "وفبكل"
    adjective = seeded.search.search("السورية")
    assert adjective
    assert all(
        seeded.documents.get(hit.document_id).text[start:end] == "السورية"
        for hit in adjective
        for start, end in hit.spans
    )
    assert ids(seeded, "سورية") != ids(seeded, "السورية")


def test_ranking_prefers_title_and_frequency(seeded: Project) -> None:
    hits = seeded.search.search("لافروف")
    assert hits[0].title_spans  # a title match comes first
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_phrases_prefix_and_boolean_operators(seeded: Project) -> None:
    assert set(matched_words(seeded, '"وزير الخارجية"')) == {"وزير الخارجية"}
    assert "كيري" in matched_words(seeded, "كير*")
    kerry, geneva = ids(seeded, "كيري"), ids(seeded, "جنيف")
    assert ids(seeded, "كيري جنيف") == kerry & geneva
    assert ids(seeded, "كيري AND جنيف") == kerry & geneva
    assert ids(seeded, "كيري OR جنيف") == kerry | geneva
    assert ids(seeded, "كيري NOT جنيف") == kerry - geneva
    daesh = ids(seeded, "داعش")
    assert ids(seeded, "(كيري OR داعش) NOT جنيف") == (kerry | daesh) - geneva
    assert "جنيف" not in matched_words(seeded, "كيري NOT جنيف")


def test_latin_inside_arabic_text_in_any_case(seeded: Project) -> None:
    assert set(matched_words(seeded, "russia")) == {"Russia"}
    assert set(matched_words(seeded, "RUSSIA-NOW")) == {"Russia-Now"}
    assert ids(seeded, "Russia-Now.com") == ids(seeded, "russia")


def test_malformed_queries_raise_query_error_not_sqlite(seeded: Project) -> None:
    for text in ('"كيري', "(كيري", "NOT كيري", "", "كيري OR"):
        with pytest.raises(QueryError):
            seeded.search.search(text)
        with pytest.raises(QueryError):
            seeded.search.count(text)


def test_hostile_input_never_reaches_sqlite_as_syntax(seeded: Project) -> None:
    rng = random.Random(5)
    alphabet = [*"\"()*^:-+{}[],.;NOTANDORNEAR كيري لافروف'\\%_", "NOT", "OR", "AND"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        # A readable refusal is fine; an sqlite3 error would propagate and fail the test.
        with contextlib.suppress(QueryError):
            seeded.search.search(text, limit=3)


@pytest.mark.parametrize(
    "glued",
    [
        "\ue000",  # private use: PDFs map glyphs there
        "\u08ca",  # an Arabic mark added in Unicode 14
        "\ufd40",  # an Arabic ligature added in Unicode 14
        "\u0300",  # a combining mark fold keeps
    ],
)
def test_a_word_glued_to_a_character_fts5_keeps_in_its_tokens_is_found(
    project: Project, glued: str
) -> None:
    """Found by tests/fuzz: FTS5's tokenizer (SQLite's Unicode 6.1 tables) kept these inside
    a token, the query parser splits at them, so ``الوزير`` + U+E000 was one token of the
    index and the search ``الوزير`` never found the article."""
    doc = add(project, f"قال الوزير{glued} إن المحادثات مستمرة.")
    hits = project.search.search("الوزير")
    assert [hit.document_id for hit in hits] == [doc]
    assert [project.documents.get(doc).text[slice(*span)] for span in hits[0].spans] == ["الوزير"]


def test_the_index_holds_the_query_parsers_tokens() -> None:
    text = "قالَ الوزير\ue000 Russia-Now.com «2024» ﻻ straße_x"
    assert index_form(text).split() == tokens_of(fold(text))


def _plain_characters() -> list[str]:
    return [chr(cp) for cp in range(0x3000) if search_module._PLAIN.fullmatch(chr(cp))]


def test_fts5_splits_plain_text_where_the_query_parser_does() -> None:
    """The index is given a plain folded text as it is (``index_body``): that holds only if
    the SQLite in use tokenizes every plain character as the query parser does — each one
    between two letters, Arabic and Latin."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    plain = _plain_characters()
    assert len(plain) > 150 and "،" in plain and "ب" in plain
    text = " ".join(f"ق{ch}ل x{ch}y" for ch in plain)
    conn.execute("INSERT INTO t (rowid, body) VALUES (1, ?)", [text])
    fts_tokens = [row[0] for row in conn.execute("SELECT term FROM v ORDER BY offset")]
    assert fts_tokens == tokens_of(text.lower())
    assert search_module.index_body(text.lower()) == text.lower()  # given as it is


def test_a_plain_article_is_indexed_without_replacing_its_separators(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing every run of separators was a fifth of what writing an imported article
    cost; a plain text (Arabic letters, ASCII, common punctuation) is handed over as it is."""

    class Refused:
        def sub(self, *args: object) -> str:
            raise AssertionError("the separators were replaced")

    doc = add(project, "قال الوزير، في جنيف: «المحادثات (2016) مستمرة» — حتى الآن؟")
    monkeypatch.setattr(search_module, "_SEPARATORS", Refused())
    later = project.documents.add(make_draft("أعلن المتحدث، اليوم: إن الجولة القادمة في جنيف."))
    assert {hit.document_id for hit in project.search.search("جنيف")} == {doc, later}


def test_hits_carry_offsets_and_snippets_in_raw_text(seeded: Project) -> None:
    for hit in seeded.search.search("الأسد OR كيري"):
        text = seeded.documents.get(hit.document_id).text
        assert hit.spans == tuple(sorted(hit.spans))
        assert all(fold(text[start:end]) in {"الاسد", "كيري"} for start, end in hit.spans)
        assert hit.title == seeded.documents.get(hit.document_id).title
        assert 1 <= len(hit.snippets) <= 3
        for snippet in hit.snippets:
            assert snippet.text == text[snippet.start : snippet.end]
            assert "\n" not in snippet.text
            assert all(snippet.start <= s < e <= snippet.end for s, e in snippet.marks)
            assert "".join(piece for piece, _ in snippet.parts()) == snippet.text
            assert [piece for piece, is_mark in snippet.parts() if is_mark] == [
                text[s:e] for s, e in snippet.marks
            ]


def test_paging_and_limits(seeded: Project) -> None:
    everything = [hit.document_id for hit in seeded.search.search("في", limit=10)]
    assert len(everything) == 5
    first = [hit.document_id for hit in seeded.search.search("في", limit=2)]
    rest = [hit.document_id for hit in seeded.search.search("في", limit=10, offset=2)]
    assert first + rest == everything


def test_rank_window_ranks_the_newest_matches_then_lists_the_rest(seeded: Project) -> None:
    exact = [hit.document_id for hit in seeded.search.search("في", rank_window=None)]
    windowed = [hit.document_id for hit in seeded.search.search("في", rank_window=2)]
    assert sorted(exact) == sorted(windowed) == [1, 2, 3, 4, 5]
    assert set(windowed[:2]) == {4, 5}  # the two newest (title matches first)
    assert windowed[2:] == [3, 2, 1]  # then the older matches, newest first
    pages = [
        hit.document_id
        for offset in range(0, 5, 2)
        for hit in seeded.search.search("في", limit=2, offset=offset, rank_window=2)
    ]
    assert pages == windowed
    # Fewer matches than the window: plain bm25 order.
    assert [h.document_id for h in seeded.search.search("داعش", rank_window=2)] == [
        h.document_id for h in seeded.search.search("داعش", rank_window=None)
    ]


def test_more_matches_than_the_window_are_ordered_without_bm25(project: Project) -> None:
    """bm25 reads every phrase's document frequency across the whole index on each query
    (50-150 ms for a common word over a million articles): over the window the order is the
    title first — a word of the query in the title —, then recency, and no query asks bm25."""
    old_titled = add(project, "خبر عن كيري في موسكو", title="كيري في موسكو")
    plain = [add(project, f"خبر رقم {n} عن كيري ولافروف", title=f"خبر {n}") for n in range(4)]
    titled = add(project, "خبر عن الأزمة السورية", title="لقاء كيري")
    phrase = add(project, "كيري يقول إن الأزمة السورية", title="الأزمة تتفاقم")
    statements: list[str] = []
    project.database.conn.set_trace_callback(statements.append)
    try:
        hits = project.search.search("كيري", rank_window=4)
        phrased = project.search.search('"الأزمة السورية" كيري', rank_window=1)
    finally:
        project.database.conn.set_trace_callback(None)
    ids = [hit.document_id for hit in hits]
    # the four newest: the one with كيري in its title first; then the rest newest first
    assert ids == [titled, phrase, plain[3], plain[2], plain[1], plain[0], old_titled]
    assert [hit.score for hit in hits[:2]] == [1.0, 0.0]
    assert [hit.document_id for hit in phrased] == [phrase, titled]  # the window, the rest
    assert statements and not any("bm25" in sql for sql in statements)
    pages = [
        hit.document_id
        for offset in range(0, 7, 3)
        for hit in project.search.search("كيري", limit=3, offset=offset, rank_window=4)
    ]
    assert pages == ids


# --- spelling variants in one's own articles --------------------------------------------------


def test_spelling_noise(project: Project) -> None:
    noisy = add(
        project,
        "قال الرَّئِيـــسُ إنّ إسرائيل ستنسحب. وزارت مُنى المدرسة مع مصطفي. وللأسد رأي.",
    )
    add(project, "نص آخر لا علاقة له بالموضوع.")
    for query, written in (
        ("الرئيس", "الرَّئِيـــسُ"),
        ("اسرائيل", "إسرائيل"),
        ("مدرسه", "المدرسة"),  # a common noun is found with its article too
        ("المدرسة", "المدرسة"),
        ("مصطفى", "مصطفي"),
        ("منى", "مُنى"),
        ("الاسد", "لأسد"),
    ):
        hits = project.search.search(query)
        assert [hit.document_id for hit in hits] == [noisy], query
        text = project.documents.get(noisy).text
        assert [text[s:e] for s, e in hits[0].spans] == [written], query


def test_the_article_is_added_to_common_words_not_to_names(project: Project) -> None:
    # A trial: أسلحة found nothing in an article that says الأسلحة ten times. Names keep
    # their spelling: سورية is the country, السورية the adjective "Syrian".
    weapons = add(project, "وصلت الأسلحة الكيميائية إلى الميناء، وللأسلحة حكاية.")
    syrian = add(project, "قالت الحكومة السورية إن الوفد وصل. والتقى الكمال بالمحادثات.")
    country = add(project, "سافر الوفد إلى سورية أمس، والتقى كمال وزير الخارجية.")
    assert ids(project, "أسلحة") == {weapons}
    assert ids(project, "أسلحة كيميائية") == {weapons}
    assert ids(project, '"أسلحة كيميائية"') == {weapons}  # the adjective agrees
    parents = add(project, "احترام الوالدين واجب، وإن الدين يسر.")
    assert ids(project, "والدين") == {parents}
    assert matched_words(project, "والدين") == ["الوالدين"]  # not الدين: its own letters
    assert ids(project, "سورية") == {country}
    assert ids(project, "كمال") == {country}  # a given name: not الكمال "perfection"
    assert ids(project, "محادثات") == {syrian}
    assert ids(project, "محادث*") == {syrian}
    (hit,) = project.search.search("أسلحة")
    text = project.documents.get(weapons).text
    assert [text[s:e] for s, e in hit.spans] == ["الأسلحة", "لأسلحة"]
    # More matches than the window: a title with the article counts as the word in the title.
    older = add(project, "نص عن المحادثات", title="خبر")
    titled = add(project, "نص آخر", title="المحادثات تتعثر")
    hits = project.search.search("محادثات", rank_window=2)
    assert [(h.document_id, h.score) for h in hits] == [(titled, 1.0), (older, 0.0), (syrian, 0.0)]


def test_a_name_is_found_behind_the_proclitics_typed_with_it(project: Project) -> None:
    # A trial: وكيري found 2 articles, كيري 4. Behind its proclitics a word that is a name
    # (the project's entity, an alias, the gazetteer's) is searched as the name — and with
    # every proclitic, so nothing it found before is lost. Not a word that is no name's:
    # وليد is not و + ليد.
    alone = add(project, "قال كيري إن المحادثات مثمرة.")
    joined = add(project, "التقى لافروف وكيري في جنيف.")
    walid = add(project, "قال وليد إن ليد مدينة.")
    assert ids(project, "وكيري") == {joined}  # كيري is no name of the project yet
    project.entities.add("جون كيري", "person")
    (entity,) = project.entities.exact("جون كيري")
    project.entities.add_alias(entity.id, "كيري")
    assert ids(project, "وكيري") == {alone, joined}
    assert ids(project, "بكيري") == {alone, joined}
    assert ids(project, "وليد") == {walid}
    assert matched_words(project, "وكيري") == ["كيري", "كيري"]
    assert project.search.parse("وكيري").terms == project.search.parse("كيري").terms
    assert ids(project, "ولبنان") == set()  # لبنان, the gazetteer's, is not in these
    # A rename keeps the entity's id and the count of entities: the names are read again.
    tefft = add(project, "وصل تيفت إلى جنيف.")
    project.entities.add("تيفتس", "person")
    assert ids(project, "وتيفت") == set()
    project.entities.update(project.entities.exact("تيفتس")[0].id, name="تيفت")
    assert ids(project, "وتيفت") == {tefft}


def test_title_and_source_are_searched(project: Project) -> None:
    doc = add(project, "نص المقال.", title="بيان الكرملين", source="وكالة Tass")
    assert ids(project, "الكرملين") == {doc}
    assert ids(project, "tass") == {doc}
    (hit,) = project.search.search("الكرملين")
    assert hit.spans == () and hit.title_spans == ((5, 13),) and hit.snippets == ()


# --- filters ------------------------------------------------------------------------------------


def tag(project: Project, doc: int, word: str, key: str) -> int:
    text = project.documents.get(doc).text
    label = project.labels.by_key(key)
    assert label is not None
    start = text.index(word)
    return project.annotations.add(
        prepare_annotation(text, doc, start, start + len(word), label.id, "test")
    )


def test_filters(project: Project) -> None:
    a = add(project, "التقى كيري بوتين في موسكو.", source="الحياة", published="2016-07-15")
    b = add(project, "قال كيري إن المحادثات مستمرة.", source="الشرق الأوسط", published="2016-09-09")
    c = add(project, "كيري يصل إلى جنيف.", source="الحياة")
    person = project.labels.by_key("person")
    assert person is not None
    tag(project, a, "بوتين", "person")
    claim_annotation = tag(project, b, "المحادثات مستمرة", "claim")
    claim = project.claims.for_annotation(claim_annotation)
    assert claim is not None
    project.claims.update(claim.id, status="contested")
    putin = project.entities.add("بوتين", "person")
    kerry_tag = tag(project, c, "كيري", "person")
    project.entities.link(kerry_tag, putin)

    assert ids(project, "كيري") == {a, b, c}
    assert ids(project, "كيري", SearchFilters(source="الحياة")) == {a, c}
    assert ids(project, "كيري", SearchFilters(label_id=person.id)) == {a, c}
    assert ids(project, "كيري", SearchFilters(claim_status="contested")) == {b}
    assert ids(project, "كيري", SearchFilters(claim_status="refuted")) == set()
    assert ids(project, "كيري", SearchFilters(entity_id=putin)) == {c}
    assert ids(project, "كيري", SearchFilters(published_from="2016-08-01")) == {b}
    assert ids(project, "كيري", SearchFilters(published_to="2016-07-15")) == {a}
    assert ids(
        project,
        "كيري",
        SearchFilters(published_from="2016-01-01", published_to="2016-12-31", source="الحياة"),
    ) == {a}
    assert project.search.count("كيري", SearchFilters(source="الحياة")) == 2
    windowed = project.search.search("كيري", filters=SearchFilters(source="الحياة"), rank_window=1)
    assert [hit.document_id for hit in windowed] == [c, a]  # the newest ranked, then the rest
    # No words but filters: the filtered articles, newest first.
    listed = project.search.search("", filters=SearchFilters(source="الحياة"))
    assert [hit.document_id for hit in listed] == [a, c]
    assert project.search.sources() == ["الحياة", "الشرق الأوسط"]
    assert project.search.entities() == [(putin, "بوتين")]
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        project.search.search("كيري", filters=SearchFilters(published_from="15/07/2016"))
    with pytest.raises(QueryError, match="claim status"):
        project.search.search("كيري", filters=SearchFilters(claim_status="true"))
    # Undoing the tag (deleting the annotation) takes the article out of the label filter.
    project.annotations.delete(kerry_tag)
    assert ids(project, "كيري", SearchFilters(label_id=person.id)) == {a}


# --- the index follows every write ----------------------------------------------------------


PROBES = ("كيري", "لافروف", "الاسد", "جنيف", "سوريه", "عنوان", "russia")


def test_import_delete_and_metadata_edit(project: Project) -> None:
    first = add(project, "قال كيري في جنيف إن لافروف وافق.", title="كيري ولافروف")
    second = add(project, "وأعلن لافروف أن الأسد باق.")
    assert ids(project, "لافروف") == {first, second}
    assert_consistent(project, PROBES)

    project.documents.delete(first)
    assert ids(project, "كيري") == set()
    assert ids(project, "لافروف") == {second}
    assert_consistent(project, PROBES)

    project.documents.update_metadata(second, title="عنوان جديد", source="Russia Today")
    assert ids(project, "عنوان") == {second}
    assert ids(project, "russia") == {second}
    (hit,) = project.search.search("عنوان")
    assert hit.title == "عنوان جديد"
    project.documents.update_metadata(second, title="عنوان", source="")  # undo-like edit back
    assert ids(project, "russia") == set()
    assert_consistent(project, PROBES)

    # A new document may get the id of the deleted one; the old words must not come back.
    third = add(project, "نص عن سورية فقط.")
    assert ids(project, "سورية") == {third}
    assert ids(project, "كيري") == set()
    assert_consistent(project, PROBES)


def test_index_is_written_in_the_same_transaction(project: Project) -> None:
    keep = add(project, "لافروف في موسكو.")
    database = project.database
    with pytest.raises(RuntimeError), database.transaction():
        add(project, "كيري في جنيف.")
        project.documents.delete(keep)
        # Inside the transaction the index already reflects the writes...
        assert project.search.matching_ids("كيري") and not project.search.matching_ids("لافروف")
        raise RuntimeError("the analyst's action fails half-way")
    # ...and the rollback took them back with the documents.
    assert ids(project, "كيري") == set()
    assert ids(project, "لافروف") == {keep}
    assert_consistent(project, PROBES)


def test_writers_that_bypass_the_stores_are_caught_up(project: Project) -> None:
    doc = add(project, "قال كيري إن الأسد باق.", title="خبر")
    conn = sqlite3.connect(project.path)  # e.g. the sqlite3 shell, or another program
    conn.execute("UPDATE documents SET text = 'وصل لافروف إلى جنيف.' WHERE id = ?", [doc])
    conn.execute(
        "INSERT INTO documents (title, text, direction, content_hash, char_count, imported_at, "
        "modified_at) VALUES ('جديد', 'كيري مرة أخرى', 'rtl', 'x', 12, 'now', 'now')"
    )
    conn.commit()
    conn.close()
    assert project.search.pending() == 2
    assert ids(project, "كيري") == {doc + 1}
    assert ids(project, "لافروف") == {doc}
    assert ids(project, "الاسد") == set()
    assert_consistent(project, PROBES)


def test_existing_projects_are_indexed_after_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.hamish"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    search = schema.MIGRATIONS.index(schema._SEARCH)
    for script in schema.MIGRATIONS[:search]:
        for statement in _split_sql(script):
            conn.execute(statement)
    for n, draft in enumerate(seed_drafts()[:3]):
        conn.execute(
            "INSERT INTO documents (title, text, direction, content_hash, char_count, "
            "imported_at, modified_at) VALUES (?, ?, 'rtl', ?, ?, 'now', 'now')",
            [draft.title, draft.text, f"h{n}", len(draft.text)],
        )
    conn.execute(f"PRAGMA user_version = {search}")
    conn.close()
    with Project.open(path, create=False) as project:
        assert project.search.pending() == 3
        assert ids(project, "كيري") == {1, 2}
        assert ids(project, "داعش") == set()  # only in the fourth and fifth articles
        assert_consistent(project, PROBES)


def test_a_changed_fold_rebuilds_the_index(project: Project) -> None:
    add(project, "قال كيري إن الأسد باق.")
    add(project, "وصل لافروف.")
    with project.database.transaction():
        project.database.conn.execute("UPDATE meta SET value = 'fold-0' WHERE key = 'search_index'")
    assert ids(project, "كيري") == {1}
    assert project.database.conn.execute(
        "SELECT value FROM meta WHERE key = 'search_index'"
    ).fetchone() == (INDEX_VERSION,)
    project.documents.delete(1)
    assert_consistent(project, PROBES)
    assert project.search.rebuild() == 1
    assert_consistent(project, PROBES)


def test_read_only_project_still_searches(tmp_path: Path) -> None:
    path = tmp_path / "ro.hamish"
    with Project.open(path) as project:
        add(project, "قال كيري.")
    path.chmod(0o444)
    try:
        with Project.open(path, create=False) as project:
            assert ids(project, "كيري") == {1}
    except ProjectError:
        pytest.skip("this platform cannot open a read-only WAL project")
    finally:
        path.chmod(0o644)


def test_snippets_are_cut_at_words_and_paragraphs() -> None:
    text = "سطر أول.\n" + "كلمة " * 40 + "كيري " + "كلمة " * 40 + "\nسطر أخير كيري"
    start = text.index("كيري")
    snippets = make_snippets(text, [(start, start + 4), (len(text) - 4, len(text))])
    first, last = snippets
    assert first.clipped_start and first.clipped_end
    assert first.text.startswith("كلمة") and first.text.rstrip().endswith("كلمة")
    assert "\n" not in first.text
    assert last.text == "سطر أخير كيري" and not last.clipped_start and not last.clipped_end


def test_errors_are_hamish_errors() -> None:
    assert issubclass(QueryError, HamishError)
    assert dataclasses.is_dataclass(SearchFilters)


def _bypassing_insert(project: Project, texts: list[str]) -> None:
    """Articles written by another program: queued for the index, not indexed."""
    conn = sqlite3.connect(project.path)
    conn.executemany(
        "INSERT INTO documents (title, text, direction, content_hash, char_count, imported_at, "
        "modified_at) VALUES ('خبر', ?, 'rtl', ?, ?, 'now', 'now')",
        [(text, f"h{n}", len(text)) for n, text in enumerate(texts)],
    )
    conn.commit()
    conn.close()


def test_a_backlog_is_worked_off_in_steps(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.store.search._CHUNK_ROWS", 10)
    _bypassing_insert(project, [f"قال كيري رقم {n}" for n in range(45)])
    store = project.search
    assert store.backlog() == 45
    store.catching_up = True  # the window is working it off: searches do not take it over
    assert store.sync_some(10) == 35  # in a transaction of its own
    assert len(store.matching_ids("كيري")) == 10
    assert store.sync_some(25) == 10  # two chunks of ten and one of five
    assert len(store.matching_ids("كيري")) == 35
    assert store.pending() == 10
    # A text budget ends a step early, but a step always indexes at least one article.
    assert store.sync_some(10, max_chars=30) == 8
    assert store.sync_some(10, max_chars=1) == 7
    store.catching_up = False  # finished or stopped: the next search indexes the rest
    assert len(store.matching_ids("كيري")) == 45
    assert store.pending() == 0
    assert_consistent(project, PROBES)


def test_an_edit_indexes_its_own_article_not_the_backlog(project: Project) -> None:
    _bypassing_insert(project, ["قال كيري", "قال لافروف", "قال الأسد"])
    store = project.search
    assert store.pending() == 3
    doc = add(project, "وصل كيري إلى موسكو.")
    project.documents.update_metadata(doc, title="كيري في موسكو")
    assert store.pending() == 3  # the three others wait for the next search or the catch-up
    project.documents.delete(1)
    assert store.pending() == 2  # 1 was never indexed: its entry is simply dropped
    store.catching_up = True
    assert store.matching_ids("موسكو") == {doc}
    assert store.matching_ids("لافروف") == set()
    store.catching_up = False
    assert store.matching_ids("كيري") == {doc}
    assert store.matching_ids("لافروف") == {2}
    assert_consistent(project, PROBES)


def test_a_stale_index_counts_every_article_as_backlog(project: Project) -> None:
    for n in range(3):
        add(project, f"قال كيري {n}")
    store = project.search
    assert store.backlog() == 0 and not store.stale()
    store.invalidate()
    assert store.stale() and store.backlog() == 3
    assert store.sync_some(1) == 2  # the first step queues all three and indexes one
    assert not store.stale()
    assert store.matching_ids("كيري") == {1, 2, 3}


def test_occurrences_are_read_off_the_index_alone(tmp_path: Path) -> None:
    # "Find all mentions" counts a name's mentions from the index's tokens (issue 15): each
    # occurrence of a term in an article's text (not its title) with its token position.
    texts = ["قال وكيري إن كيري، ثم كِيري.", "لا شيء هنا عن كيري آخر كيري", "خبر بلا اسم"]
    path = tmp_path / "o.hamish"
    with Project.open(path) as project:
        for n, text in enumerate(texts):
            project.documents.add(make_draft(text, title=f"كيري {n}"))
        terms = ["كيري", "وكيري", "غائب"]
        found = project.search.occurrences(terms)
        assert found is not None
        expected = {
            (doc, position, term)
            for doc, text in enumerate(texts, 1)
            for position, term in enumerate(tokens_of(fold(text)))
            if term in terms
        }
        assert set(found) == expected and len(found) == len(expected) == 5
        assert project.search.occurrence_counts(terms) == {1: 3, 2: 2}
        assert project.search.occurrence_counts([]) == {} and project.search.unindexed() == []
        # Made on this connection only: the project file holds no new table.
        names = {row[0] for row in project.database.conn.execute("SELECT name FROM sqlite_master")}
        assert not any("vocab" in name for name in names)
        project.search.invalidate()  # another fold version: the index cannot tell
        assert project.search.occurrences(terms) is None
        assert project.search.occurrence_counts(terms) is None
        project.search.sync()
    path.chmod(0o444)
    try:
        try:
            read_only = Project.open(path, create=False)
        except ProjectError:
            pytest.skip("this platform cannot open a read-only WAL project")
        with read_only:  # its connection refuses writes, a temporary table's too
            assert read_only.database.read_only
            assert read_only.search.occurrence_counts(terms) == {1: 3, 2: 2}
    finally:
        path.chmod(0o644)
