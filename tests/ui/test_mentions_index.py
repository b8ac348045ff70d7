"""Find all mentions over a corpus asks the search index for the candidate articles (issue 15)
and finds exactly what reading every article finds; a large corpus is searched in a worker."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.matching import AliasMatcher
from desktop.core.records import Entity
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.store.project import Project
from desktop.ui.entities import mentions
from desktop.ui.entities.mentions import candidate_documents, find_candidates

TEXTS = [
    "قال وكيري إن الاجتماع انتهى.",  # و + the alias
    "وصل لكيري خطاب من موسكو.",  # ل
    "التقى جون\nكيري بنظيره.",  # the two-word name across a line break
    "قال جـــون كيري أمس.",  # tatweel inside the name
    "تحدث كِيرِي عن الأزمة.",  # harakat
    "نقلت للكرملين رسالة، وأكد الكرملين ذلك.",  # ل + ال contracted, and the plain form
    "زار ولإيران الوفد.",  # hamza seat folded, two clitics
    "Kerry said, and وKerry added.",  # a Latin alias, with a clitic
    "كيريان ليس كيري، بل شخص آخر.",  # a longer word must not match, the alias must
    "لا شيء هنا عن أي وزير.",  # no mention at all
    "مقال عن السياسة الخارجية.",  # nor here
    "التقى (كيري) الوفد.",  # brackets
]
ALIASES = ("جون كيري", "كيري", "الكرملين", "إيران", "Kerry")


def _project(path: Path) -> tuple[Project, int]:
    project = Project.open(path)
    for n, text in enumerate(TEXTS):
        project.documents.add(make_draft(text, title=f"خبر {n}"))
    entity = project.entities.add(ALIASES[0], "person", aliases=ALIASES[1:])
    return project, entity


def test_the_index_finds_the_same_mentions_as_reading_every_article(tmp_path: Path) -> None:
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    every = [s.id for s in project.documents.summaries()]
    full = find_candidates(project, entity, every)  # the given ids: each one read
    indexed = find_candidates(project, entity, None)  # the index's candidates only
    assert indexed == full
    assert {c.document_id for c in indexed} == {c.document_id for c in full}
    assert len(full) >= 10
    # Every tricky written form is among them (ids follow TEXTS, from 1).
    assert {1, 2, 3, 4, 5, 6, 7, 8, 9, 12} <= {c.document_id for c in full}
    matcher = AliasMatcher([(entity.id, a) for a in (entity.name, *entity.aliases)])
    candidates = candidate_documents(project, matcher)
    assert candidates is not None and len(candidates) < len(every)  # not every text read
    project.close()


def test_articles_not_indexed_yet_are_still_searched(tmp_path: Path) -> None:
    """A stale index (an upgrade) and a queue of unindexed articles: nothing is missed."""
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    # Another writer added an article the index has not caught up with.
    with project.database.transaction():
        project.database.conn.execute(
            "INSERT INTO documents (title, text, direction, content_hash, char_count, "
            "imported_at, modified_at) VALUES ('جديد', 'وصل كيري اليوم.', 'rtl', 'x', 15, "
            "'2024-01-01', '2024-01-01')"
        )
    assert project.search.pending() == 1
    found = find_candidates(project, entity, None)
    assert len(found) == len(expected) + 1
    project.search.invalidate()  # rebuilt by another fold version: the index cannot tell
    assert candidate_documents(project, AliasMatcher([(1, "كيري")])) is None
    assert len(find_candidates(project, entity, None)) == len(expected) + 1
    project.close()


def test_a_large_corpus_is_searched_in_a_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    threads: list[threading.Thread] = []
    real = mentions.listing

    def spy(*args: object, **kwargs: object) -> mentions.Listing | None:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mentions, "listing", spy)
    monkeypatch.setattr(mentions, "CORPUS_AT_ONCE", 5)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    if dialog.searching:
        with qtbot.waitSignal(dialog.searched, timeout=20_000):
            pass
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.candidates(True) == expected
    assert dialog.accept_all_button.isEnabled()
    project.close()


def test_the_dialog_reads_articles_only_for_the_rows_it_paints(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # 100,000+ occurrences of a common name: the list is a model whose rows cost nothing until
    # painted, and each painted row's line is made from its article read then (it used to be
    # one item and one article read per occurrence, before the dialog showed anything).
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    found = find_candidates(project, entity, None)
    many = [found[n % len(found)] for n in range(120_000)]
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    dialog._show(many)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    assert model.rowCount() == 120_000
    assert model.fetched <= len(TEXTS)  # the painted rows' articles, each read once
    assert dialog.candidates(True) == many
    index = model.index(119_999, 1)
    line = model.data(index, mentions.HTML_ROLE)
    last = many[-1]
    text = project.documents.get(last.document_id).text
    assert line == mentions.kwic_html(text, last.start, last.end)
    assert model.data(model.index(119_999, 0)) == last.title
    dialog.list.setCurrentIndex(model.index(3, 0))
    dialog.list.selectionModel().select(
        model.index(7, 0),
        dialog.list.selectionModel().SelectionFlag.Select
        | dialog.list.selectionModel().SelectionFlag.Rows,
    )
    assert dialog.candidates(False) == [many[3], many[7]]
    dialog.close()
    project.close()


def test_the_first_candidates_are_listed_while_the_search_goes_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # When the index cannot list the candidates (built by another fold version), a name in
    # most of 100,000 articles takes seconds to find by reading them: the dialog lists each
    # group's candidates as they come (issue 15) instead of nothing until the end.
    monkeypatch.setattr(mentions, "listing", lambda *args: None)
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    release = threading.Event()
    real = mentions.iter_candidates

    def held(*args: object, **kwargs: object) -> Iterator[list[mentions.Candidate]]:
        for number, group in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if number == 2:  # the rest waits until the test has looked at the list
                release.wait(20)
            yield group

    monkeypatch.setattr(mentions, "iter_candidates", held)
    monkeypatch.setattr(mentions, "CORPUS_AT_ONCE", 5)
    monkeypatch.setattr(mentions, "GROUP_ARTICLES", 2)
    monkeypatch.setattr(mentions, "PART_SECONDS", 0.0)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    try:
        # Two groups of two articles handed over, the third group held back.
        qtbot.waitUntil(lambda: "6 of 10" in dialog.count.text(), timeout=20_000)
        assert dialog.searching
        shown = dialog.candidates(True)
        assert shown == expected[: len(shown)] and len(shown) < len(expected)
        assert dialog.list.currentIndex().row() == 0
        assert dialog.accept_button.isEnabled() and not dialog.accept_all_button.isEnabled()
        so_far = "%n untagged occurrence(s) so far; searching the articles: {done} of {total}"
        assert dialog.count.text() == dialog.tr(so_far, "", len(shown)).format(done=6, total=10)
    finally:
        release.set()
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        pass
    assert dialog.candidates(True) == expected
    assert dialog.accept_all_button.isEnabled()
    assert dialog.count.text() == dialog.tr("%n untagged occurrence(s)", "", len(expected))
    project.close()


def test_groups_of_articles_give_what_one_search_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    monkeypatch.setattr(mentions, "GROUP_ARTICLES", 3)
    groups = list(mentions.iter_candidates(project, entity, None))
    assert len(groups) > 1
    assert [c for group in groups for c in group] == expected
    monkeypatch.setattr(mentions, "GROUP_CHARS", 1)  # one article at a time
    told: list[tuple[int, int]] = []

    def tell(done: int, total: int) -> bool:
        told.append((done, total))
        return done < 4  # then stop: what was found so far is returned

    found = find_candidates(project, entity, None, tell)
    assert [done for done, _ in told] == [1, 2, 3, 4]
    assert found == [c for c in expected if c.document_id in {c.document_id for c in found}]
    assert len({c.document_id for c in found}) <= 3
    project.close()


_KEPT: list[object] = []
"""Functions swapped into a Qt class: PySide may call them after the test."""


def test_adding_rows_costs_the_list_nothing_per_row(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A search hands its candidates to the list in parts. A tree view laid out every row again
    # after each part, asking the model (in Python) about each one: 0.9 s on the GUI thread
    # per part at 194,000 rows. The table asks about the rows it paints.
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    found = find_candidates(project, entity, None)
    asked = 0
    real = mentions.CandidateModel.rowCount

    def counted(model: mentions.CandidateModel, parent: object = None) -> int:
        nonlocal asked
        asked += 1
        return real(model, parent)  # type: ignore[arg-type]

    # Before the model is made: PySide looks a Python override up once per object, and keeps
    # no reference to it (kept alive here, in case the dialog outlives the test).
    monkeypatch.setattr(mentions.CandidateModel, "rowCount", counted)
    _KEPT.append(counted)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.model.set_candidates([found[n % len(found)] for n in range(20_000)])
    qtbot.wait(50)
    asked = 0
    dialog.model.add_candidates(found * 10)
    qtbot.wait(100)  # the view's delayed layout
    assert dialog.model.candidate(dialog.model.rowCount() - 1) == found[-1]
    assert 0 < asked < 1_000  # a tree asked twice for each of the 20,000 rows
    project.close()


def _grouped(candidates: list[mentions.Candidate]) -> list[tuple[int, int]]:
    return [(d, len(list(run))) for d, run in itertools.groupby(c.document_id for c in candidates)]


def _worked_on(project: Project) -> None:
    """A mention tagged, another rejected, and an article the index has not caught up with."""
    text = project.documents.get(1).text
    start = text.index("كيري")
    person = project.labels.by_key("person")
    assert person is not None
    project.annotations.add(prepare_annotation(text, 1, start, start + 4, person.id, "test"))
    text = project.documents.get(9).text
    start = text.rindex("كيري")
    project.decisions.record(9, "mention", start, start + 4, "كيري", "rejected")
    with project.database.transaction():
        project.database.conn.execute(
            "INSERT INTO documents (title, text, direction, content_hash, char_count, "
            "imported_at, modified_at) VALUES ('جديد', 'وصل كيري ولكيري اليوم.', 'rtl', 'x', "
            "22, '2024-01-01', '2024-01-01')"
        )


def test_the_index_lists_each_article_with_the_matchers_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 15: a name in most of 100,000 articles is listed from the index's tokens, each
    # article with its number of candidates, without reading the texts: the counts are the
    # matcher's (tags, decisions and articles not indexed yet taken into account).
    project, entity_id = _project(tmp_path / "m.hamish")
    for draft in seed_drafts():
        project.documents.add(draft)
    _worked_on(project)
    read: list[int] = []
    real = project.documents.titled_texts

    def spy(ids: list[int]) -> Iterator[tuple[int, str, str]]:
        read.extend(ids)
        return real(ids)

    for aliases in (ALIASES, ("جون كيري", "كيري"), ("جون كيري",), ("الكرملين",), ("روسيا",)):
        entity = Entity(entity_id, aliases[0], "person", "", "", aliases[1:], "", "")
        expected = find_candidates(project, entity, None)
        monkeypatch.setattr(project.documents, "titled_texts", spy)
        read.clear()
        listed = mentions.listing(project, entity)
        monkeypatch.undo()
        assert listed is not None
        # Read now: the article not indexed yet; next: those with a tag or a decision.
        assert read == [len(TEXTS) + len(seed_drafts()) + 1]
        assert set(listed.check) == {1, 9} & set(listed.documents)
        checked = mentions.check_listing(project, entity, listed.check)
        counts = dict(zip(listed.documents, listed.counts, strict=True))
        counts.update((d, len(f)) for d, f in checked.items())
        assert [(d, counts[d]) for d in listed.documents if counts[d]] == _grouped(expected)
        found = {**listed.found, **checked}
        assert [c for d in listed.documents for c in found.get(d, [])] == [
            c for c in expected if c.document_id in found
        ]
    project.close()


def test_the_list_from_the_index_reads_only_the_rows_it_paints(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, entity_id = _project(tmp_path / "m.hamish")
    for n in range(300):
        project.documents.add(make_draft(f"قال كيري ووصل لكيري خبر رقم {n}.", title=f"رقم {n}"))
    _worked_on(project)
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    monkeypatch.setattr(mentions, "CORPUS_AT_ONCE", 5)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        pass
    qtbot.wait(50)
    model = dialog.model
    assert model.rowCount() == len(expected)
    assert 0 < model.fetched <= 40  # the painted rows' articles, not 300
    assert dialog.count.text() == dialog.tr("%n untagged occurrence(s)", "", len(expected))
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0)) == expected[-1].title
    text = project.documents.get(expected[-1].document_id).text
    assert model.data(model.index(last, 1), mentions.HTML_ROLE) == mentions.kwic_html(
        text, expected[-1].start, expected[-1].end
    )
    assert dialog.candidates(True) == expected  # the rest read on demand
    project.close()


def test_a_row_the_index_counted_too_many_goes_when_its_article_is_read(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index cannot see punctuation: "جون، كيري" is its two tokens one after the other,
    # not the two-word name. The row it counted is removed once the article is read.
    project = Project.open(tmp_path / "m.hamish")
    for text in ("قال جون كيري.", "قال جون، كيري ثم جون كيري.", "لا أحد"):
        project.documents.add(make_draft(text, title=text))
    entity = project.entities.get(project.entities.add("جون كيري", "person"))
    expected = find_candidates(project, entity, None)
    assert _grouped(expected) == [(1, 1), (2, 1)]
    monkeypatch.setattr(mentions, "CORPUS_AT_ONCE", 1)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        pass
    model = dialog.model
    assert model.rowCount() == 3  # counted from the tokens
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5_000)
    assert [model.candidate(row) for row in range(2)] == expected
    # Chosen before they are painted (Accept All): the same, and the row goes then.
    hidden = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(hidden)
    with qtbot.waitSignal(hidden.searched, timeout=20_000):
        pass
    assert hidden.model.rowCount() == 3
    assert hidden.candidates(True) == expected
    assert hidden.model.rowCount() == 2
    project.close()


def test_accept_all_reads_the_unread_articles_in_a_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    expected = find_candidates(project, entity, None)
    threads: list[threading.Thread] = []
    real = mentions.check_listing

    def spy(*args: object, **kwargs: object) -> dict[int, list[mentions.Candidate]]:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mentions, "check_listing", spy)
    monkeypatch.setattr(mentions, "CORPUS_AT_ONCE", 5)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.searched, timeout=20_000):
        pass
    assert dialog.model.pending()  # nothing painted, nothing read
    dialog.read_at_once = 0
    with qtbot.waitSignal(dialog.accept_requested, timeout=20_000) as emitted:
        dialog.accept_all_button.click()
        assert dialog.searching and not dialog.accept_all_button.isEnabled()
    assert emitted.args == [expected]
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    dialog.close()
    project.close()


def test_a_list_handed_over_reads_nothing_until_shown(qtbot: QtBot, tmp_path: Path) -> None:
    # A search's list may arrive after its project was closed (a test closing it under a
    # running search): taking the list in must not read the project, only showing rows does.
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    listed = mentions.listing(project, entity)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    project.close()
    assert listed is not None
    dialog._add(listed)
    assert dialog.model.rowCount() == sum(listed.counts)
