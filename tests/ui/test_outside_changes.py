"""The window reads the project again when another program wrote to it while the analyst
was elsewhere (SQLite's data_version, asked when Hamish becomes the active application)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

ARTICLES = ["قال الوزير سمير خليل إن الوضع هادئ.", "وصل نادر حداد إلى حلب صباح اليوم."]


def test_the_window_reads_the_project_again_after_another_program_wrote_to_it(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    """`hamish import` in a terminal while the window was open: back in the window, its
    library did not list the new articles until the project was opened again."""
    path = tmp_path / "shared.hamish"
    with Project.open(path) as project:
        for text in ARTICLES:
            project.documents.add(make_draft(text))
    window = make_window(path)
    window.finish_setup()
    model = window.library.model
    assert model is not None and model.rowCount() == 2
    with Project.open(path) as other:  # another process's connection, as far as SQLite goes
        other.documents.add(make_draft("وصل سمير خليل إلى إربد."))
        first = window.reader.document_id
        assert first is not None
        with other.database.transaction():
            other.database.conn.execute("DELETE FROM documents WHERE id = ?", [first])
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert model.rowCount() == 2  # one added, the open one deleted
    assert window.reader.document_id not in (None, first)
