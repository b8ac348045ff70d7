"""Deleting an article from the library or the Article menu, and bringing it back with undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.library.dock import ID_ROLE
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]


def _project(path: Path) -> list[int]:
    """Three dated articles (the library lists the newest first); the middle one tagged."""
    with Project.open(path) as project:
        ids = [
            project.documents.add(make_draft(text, title=title, published=day))
            for text, title, day in (
                ("قال كيري إن المحادثات مستمرة.", "كيري في جنيف", "2016-03-01"),
                ("أعلن لافروف أن موسكو مستعدة.", "لافروف في موسكو", "2016-02-01"),
                ("وصل المبعوث إلى دمشق.", "المبعوث في دمشق", "2016-01-01"),
            )
        ]
        text = project.documents.get(ids[1]).text
        label = project.labels.by_key("person")
        assert label is not None
        start = text.index("لافروف")
        project.annotations.add(prepare_annotation(text, ids[1], start, start + 6, label.id, "me"))
    return ids


def _open(make_window: MakeWindow, tmp_path: Path) -> tuple[list[int], MainWindow]:
    """The three-article project, with the tagged middle article open."""
    ids = _project(tmp_path / "p.hamish")
    window = make_window(tmp_path / "p.hamish")
    window.open_document(ids[1])
    return ids, window


def _library_ids(window: MainWindow) -> list[int]:
    proxy = window.library.proxy
    return [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]


def test_delete_key_in_the_library_asks_then_undo_brings_it_all_back(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    ids, window = _open(make_window, tmp_path)
    view = window.library.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)

    (question,) = messenger.questions
    assert "لافروف في موسكو" in question[1] and "1 annotation" in question[1]
    assert _library_ids(window) == [ids[0], ids[2]]
    assert window.reader.document_id == ids[2]  # the article that took its row
    assert not window.project.documents.exists(ids[1])
    assert "Deleted" in window.statusBar().currentMessage()

    window.undo_group.undo()
    assert _library_ids(window) == ids
    assert window.reader.document_id == ids[1]  # shown again, with its annotation
    assert window.annotation_model.rowCount() == 1
    assert [a.quote for a in window.project.annotations.for_document(ids[1])] == ["لافروف"]
    assert window.project.search.matching_ids("لافروف") == {ids[1]}

    window.undo_group.redo()
    assert _library_ids(window) == [ids[0], ids[2]]
    assert not window.project.documents.exists(ids[1])


def test_answering_no_keeps_the_article(
    make_window: MakeWindow, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    ids, window = _open(make_window, tmp_path)
    messenger.answer = False
    window.registry[ActionId.DELETE_ARTICLE].trigger()  # the Article menu
    assert messenger.questions and _library_ids(window) == ids
    assert window.session is not None and window.session.undo_stack.count() == 0


def test_an_untagged_article_goes_without_a_question_and_the_last_leaves_the_hint(
    make_window: MakeWindow, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    path = tmp_path / "one.hamish"
    with Project.open(path) as project:
        only = project.documents.add(make_draft("نص قصير.", title="وحيد"))
    window = make_window(path)
    assert window.reader.document_id == only
    window.registry[ActionId.DELETE_ARTICLE].trigger()
    assert messenger.questions == []
    assert window.reader.document_id is None
    assert window.reader.currentWidget() is window.reader.empty
    assert window.annotation_model.rowCount() == 0
    window.undo_group.undo()
    assert window.reader.document_id == only


def test_delete_in_the_text_never_deletes_the_article(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    ids, window = _open(make_window, tmp_path)
    text = window.reader.text
    text.setFocus()
    text.select_cp(2, 4)  # inside "أعلن": no annotation there
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert _library_ids(window) == ids and messenger.questions == []
    text.select_cp(6, 8)  # inside "لافروف": its annotation goes, the article stays
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert _library_ids(window) == ids
    assert window.project.annotations.for_document(ids[1]) == []


def _row_center(window: MainWindow, row: int) -> QPoint:
    view = window.library.view
    return view.visualRect(window.library.proxy.index(row, 0)).center()


def test_several_selected_articles_go_in_one_undo_step(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    ids = _project(tmp_path / "p.hamish")
    window = make_window(tmp_path / "p.hamish")
    view = window.library.view
    viewport = view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_row_center(window, 0))
    assert window.reader.document_id == ids[0]
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        _row_center(window, 1),
    )
    # Ctrl+click opens the clicked article and keeps both rows selected.
    assert window.reader.document_id == ids[1]
    assert window.library.selected_documents() == [ids[0], ids[1]]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)

    (question,) = messenger.questions
    assert "2 articles" in question[1] and "1 annotation" in question[1]
    assert _library_ids(window) == [ids[2]]
    assert window.reader.document_id == ids[2]
    stack = window.undo_group.activeStack()
    assert stack.count() == 1 and stack.undoText() == "Delete 2 articles"

    window.undo_group.undo()
    assert _library_ids(window) == ids
    assert [a.quote for a in window.project.annotations.for_document(ids[1])] == ["لافروف"]
    window.undo_group.redo()
    assert _library_ids(window) == [ids[2]]


def test_a_failed_delete_or_restore_says_so_and_changes_nothing(
    make_window: MakeWindow,
    tmp_path: Path,
    messenger: RecordingMessenger,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.core.errors import ProjectError
    from desktop.store.documents import DocumentStore

    ids, window = _open(make_window, tmp_path)

    def full(*_args: object) -> None:
        raise ProjectError("The disk is full or failing; nothing from this action was saved.")

    with monkeypatch.context() as patch:
        patch.setattr(DocumentStore, "delete_many", full)
        assert not window.articles.delete([ids[0]])
    assert messenger.errors[-1][0] == "Cannot delete the article"
    assert "disk is full" in messenger.errors[-1][1]
    assert _library_ids(window) == ids
    assert window.undo_group.activeStack().count() == 0

    assert window.articles.delete([ids[0]])
    with monkeypatch.context() as patch:
        patch.setattr(DocumentStore, "restore", full)
        window.undo_group.undo()
    assert "disk is full" in messenger.errors[-1][1]
    assert _library_ids(window) == [ids[1], ids[2]]  # still deleted, nothing half-restored
    assert not window.project.documents.exists(ids[0])


def test_undoing_a_group_opens_one_article_and_a_failure_changes_nothing(
    make_window: MakeWindow,
    tmp_path: Path,
    messenger: RecordingMessenger,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    from desktop.core.errors import ProjectError
    from desktop.store.documents import DocumentStore

    ids, window = _open(make_window, tmp_path)
    assert window.articles.delete(list(ids))
    opened: list[int] = []
    real_open = window.open_document
    monkeypatch.setattr(window, "open_document", lambda d: (opened.append(d), real_open(d)))
    window.undo_group.undo()
    assert _library_ids(window) == ids
    assert opened == [ids[0]]  # not each restored article in turn

    window.undo_group.redo()
    assert _library_ids(window) == []
    real_restore = DocumentStore.restore
    calls: list[int] = []

    def second_fails(self: DocumentStore, rows: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise ProjectError("The disk is full or failing; nothing from this action was saved.")
        return real_restore(self, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(DocumentStore, "restore", second_fails)
    window.undo_group.undo()
    assert "disk is full" in messenger.errors[-1][1]
    # One transaction: a failure half-way brings nothing back (no half-restored group), and
    # the project is exactly as before the undo.
    assert _library_ids(window) == []
    assert window.project.documents.count() == 0
    stack = window.undo_group.activeStack()
    qtbot.waitUntil(lambda: stack.index() == 1)  # the step stays, to be tried again
    assert stack.canUndo() and not stack.canRedo()


@pytest.mark.parametrize("open_index", [0, 1])
def test_deleting_several_articles_with_the_open_one_opens_a_remaining_one(
    make_window: MakeWindow, tmp_path: Path, messenger: RecordingMessenger, open_index: int
) -> None:
    """All go in one transaction, then the library removes their rows one by one: the current
    row must not move onto an article already deleted and try to open it."""
    ids, window = _open(make_window, tmp_path)
    window.open_document(ids[open_index])
    messenger.answer = True
    assert window.articles.delete([ids[0], ids[1]])
    assert messenger.errors == []
    assert window.reader.document_id == ids[2]
    window.undo_group.undo()
    assert messenger.errors == []
    assert sorted(_library_ids(window)) == sorted(ids)


def test_deleting_says_which_entities_are_left_without_mentions_and_lists_them(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    """An entity only the deleted article mentioned stays in the registry (the analyst made
    it on purpose), without a mention: the question says how many will be so, the Entities
    panel's Unmentioned filter lists them, and undo gives them their mentions back. An
    entity another article mentions too is not counted."""
    from desktop.ui.entities.panel import UNMENTIONED
    from desktop.ui.widgets.rows import ID_ROLE as ENTITY_ID

    path = tmp_path / "p.hamish"
    texts = ("قال لافروف وكيري إن المحادثات مستمرة.", "قال كيري إن موسكو مستعدة.")
    with Project.open(path) as project:
        ids = [project.documents.add(make_draft(t, title=f"مقال {n}")) for n, t in enumerate(texts)]
        label = project.labels.by_key("person")
        assert label is not None
        lavrov = project.entities.add("لافروف", "person")
        kerry = project.entities.add("كيري", "person")
        for document_id, text in zip(ids, texts, strict=True):
            for name, entity_id in (("لافروف", lavrov), ("كيري", kerry)):
                if name in text:
                    start = text.index(name)
                    draft = prepare_annotation(
                        text, document_id, start, start + len(name), label.id, "me"
                    )
                    annotation_id = project.annotations.add(draft)
                    project.entities.link(annotation_id, entity_id)
    window = make_window(path)
    window.open_document(ids[0])
    panel = window.entities
    panel.show()
    panel.raise_()  # its tab in front of the library's
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    box = panel.type_box
    box.setCurrentIndex(box.findData(UNMENTIONED))

    def unmentioned() -> set[int]:
        proxy = panel.proxy
        return {proxy.index(r, 0).data(ENTITY_ID) for r in range(proxy.rowCount())}

    assert not {lavrov, kerry} & unmentioned()
    assert window.articles.delete([ids[0]])
    (question,) = messenger.questions
    assert "1 entity will be left without mentions" in question[1], question[1]
    assert "Entities → Unmentioned" in question[1]
    qtbot.waitUntil(lambda: lavrov in unmentioned())
    assert kerry not in unmentioned()
    assert window.project.entities.exists(lavrov)  # kept: the analyst's registry
    window.undo_group.undo()
    qtbot.waitUntil(lambda: lavrov not in unmentioned())
