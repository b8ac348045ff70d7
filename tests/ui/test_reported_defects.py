"""Interface defects reported on the five sample articles, each pinned by a test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]

KERRY_ARTICLE = (
    "وقال كيري، من جهته، إن «روسيا والولايات المتحدة تستطيعان سوية فعل الكثير».\n"
    "وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو.\n"
    "وقالت مصادر لموقع Russia-Now.com إن اللقاء كان إيجابياً."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "defects.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(KERRY_ARTICLE, title="كيري ولافروف"))
    return path


def label_id(window: MainWindow, key: str) -> int:
    assert window.session is not None
    return next(label.id for label in window.session.labels if label.key == key)


def test_f2_right_after_tagging_edits_the_new_note(
    make_window: MakeWindow, article: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.annotations import note_editor as dialogs

    window = make_window(article)
    text = window.reader.text
    start = KERRY_ARTICLE.index("لافروف")
    text.select_cp(start, start + len("لافروف"))
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)  # Person
    (annotation,) = window.annotation_model.annotations()
    assert text.cursor_cp() == annotation.end  # the caret sits at the end of the new span

    def fill(self: dialogs.NoteEditor) -> int:
        self.editor.setPlainText("وزير الخارجية")
        return int(dialogs.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(dialogs.NoteEditor, "exec", fill)
    qtbot.keyClick(text, Qt.Key.Key_F2)
    assert window.project.annotations.get(annotation.id).note == "وزير الخارجية"
