"""An undo or redo that fails (the project busy in another program, a full disk, an error from
SQLite itself) wrote nothing, and the step stays on the stack to be tried again — it used to be
dropped for good, with the article it would have brought back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.errors import ProjectError
from desktop.core.text import make_draft
from desktop.ops import annotations as ops
from desktop.ops.entities import merge_entities
from desktop.store.documents import DocumentStore
from desktop.store.entities import EntityStore
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]
TEXT = "قال الوزير إن الهدنة صامدة في حلب وإن المساعدات وصلت."


def _fail_once(monkeypatch: pytest.MonkeyPatch, cls: type, name: str, error: Exception) -> None:
    real = getattr(cls, name)
    calls: list[int] = []

    def failing(self: object, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise error
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, failing)


@pytest.mark.parametrize(
    "error",
    [
        ProjectError("The project is busy in another program; nothing was saved."),
        sqlite3.OperationalError("disk I/O error"),  # not a HamishError: must not escape
    ],
)
def test_a_failed_undo_keeps_the_step_to_try_again(
    make_window: MakeWindow,
    tmp_path: Path,
    qtbot: QtBot,
    messenger: RecordingMessenger,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
) -> None:
    path = tmp_path / "w.hamish"
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(TEXT))
        claim = project.labels.by_key("claim")
        assert claim is not None
        plan = ops.plan_selection(project, TEXT, doc, 0, 20, claim, "me")
        ops.add_annotations(project, [plan])
    window = make_window(path)
    assert window.articles.delete([doc])
    stack = window.undo_group.activeStack()
    _fail_once(monkeypatch, DocumentStore, "restore", error)
    window.undo_group.undo()
    qtbot.waitUntil(lambda: stack.index() == 1)  # back where it was
    assert messenger.errors and messenger.errors[-1][0] == "Cannot save the change"
    assert window.project.documents.count() == 0
    assert stack.count() == 1 and stack.canUndo() and not stack.canRedo()
    window.undo_group.undo()  # the cause is gone: try again
    assert window.project.documents.count() == 1
    assert window.project.annotations.count() == 1
    window.undo_group.redo()
    assert window.project.documents.count() == 0


def test_a_failed_redo_keeps_the_step_and_the_stack_stays_in_step(
    make_window: MakeWindow,
    tmp_path: Path,
    qtbot: QtBot,
    messenger: RecordingMessenger,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A raw SQLite error during a redo once left the stack's index moved but the command's
    next step unchanged: from then on Undo did the edit and Redo took it back."""
    path = tmp_path / "w.hamish"
    with Project.open(path) as project:
        project.entities.add("جون كيري", "person")
        project.entities.add("كيري", "person")
    window = make_window(path)
    entities = window.project.entities
    keep, remove = (e.id for e in entities.summaries())
    window.api.run("Merge", partial(merge_entities, keep=keep, remove=remove))
    stack = window.undo_group.activeStack()
    window.undo_group.undo()
    assert entities.count() == 2
    _fail_once(monkeypatch, EntityStore, "merge", sqlite3.OperationalError("disk I/O error"))
    window.undo_group.redo()
    qtbot.waitUntil(lambda: stack.index() == 0)
    assert entities.count() == 2 and stack.canRedo()
    window.undo_group.redo()
    assert entities.count() == 1  # redo merges
    window.undo_group.undo()
    assert entities.count() == 2  # undo unmerges
