"""The window paints before its secondary parts exist, then builds them once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.actions import ActionId
from desktop.ui.mainwindow import MainWindow

from .conftest import RecordingMessenger


def test_deferred_window_finishes_its_setup_once(
    qtbot: QtBot, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    window = MainWindow(Project.open(default_project), prefs, messenger, deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Before: the reader shows the article, the secondary docks do not exist yet.
    assert window.reader.document_id is not None
    assert not hasattr(window, "entities")
    assert window.registry[ActionId.ABOUT].icon().isNull()  # menu-only icons come later
    assert window.findChild(QDockWidget, "entities_dock") is None
    window.finish_setup()
    assert not window.registry[ActionId.ABOUT].icon().isNull()
    for name in ("entities_dock", "claim_dock", "claims_dock"):
        assert window.findChild(QDockWidget, name) is not None, name
    assert window.suggestions.session is window.session  # attached to the open project
    first = window.search_panel
    window.finish_setup()  # idempotent
    assert window.search_panel is first
    window.close()


def test_closing_before_setup_finishes_is_safe(
    qtbot: QtBot, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    window = MainWindow(Project.open(default_project), prefs, messenger, deferred=True)
    qtbot.addWidget(window)
    window.show()
    window.close()
    window.finish_setup()  # the project is closed: nothing may touch it
    assert not hasattr(window, "search_panel")
