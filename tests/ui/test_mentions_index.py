"""Find all mentions over a corpus asks the search index for the candidate articles (issue 15)
and finds exactly what reading every article finds; a large corpus is searched in a worker."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.matching import AliasMatcher
from desktop.core.text import make_draft
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
    real = mentions.iter_candidates

    def spy(*args: object, **kwargs: object) -> Iterator[list[mentions.Candidate]]:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mentions, "iter_candidates", spy)
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
    # A name in most of 100,000 articles takes seconds to find in full: the dialog lists each
    # group's candidates as they come (issue 15) instead of nothing until the end.
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


def test_adding_rows_costs_the_list_nothing_per_row(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A search hands its candidates to the list in parts. A tree view laid out every row again
    # after each part, asking the model (in Python) about each one: 0.9 s on the GUI thread
    # per part at 194,000 rows. The table asks about the rows it paints.
    project, entity_id = _project(tmp_path / "m.hamish")
    entity = project.entities.get(entity_id)
    found = find_candidates(project, entity, None)
    dialog = mentions.MentionsDialog(project, entity, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.model.set_candidates([found[n % len(found)] for n in range(20_000)])
    qtbot.wait(50)
    asked = 0
    real = mentions.CandidateModel.rowCount

    def counted(model: mentions.CandidateModel, parent: object = None) -> int:
        nonlocal asked
        asked += 1
        return real(model, parent)  # type: ignore[arg-type]

    monkeypatch.setattr(mentions.CandidateModel, "rowCount", counted)
    dialog.model.add_candidates(found * 10)
    qtbot.wait(100)  # the view's delayed layout
    assert dialog.model.rows[-1] == found[-1]
    assert asked < 1_000  # a tree asked twice for each of the 20,000 rows
    project.close()
