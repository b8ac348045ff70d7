"""The window deleted under its panels: Qt deletes it when the display goes away (the X
server killed, a remote session dropped), and its panels hide while it is deleted."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from pytestqt.qtbot import QtBot

from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger


def test_the_window_s_panels_ask_nothing_of_it_while_it_is_deleted(
    qtbot: QtBot, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    """Each panel's visibility slot asked the deleted window for a timer and raised a
    RuntimeError (pytest-qt fails the test on an exception in a slot)."""
    window = MainWindow(Project.open(default_project), prefs, messenger)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    shiboken6.delete(window)
    assert not shiboken6.isValid(window)
