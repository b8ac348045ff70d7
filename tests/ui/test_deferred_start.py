"""The window paints before its secondary parts exist, then builds them once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import LAYOUT_VERSION, MainWindow

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


def test_the_window_keys_come_with_its_setup(
    qtbot: QtBot, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    """The first paint shows no menu and no tooltip: every key — the actions', undo and redo,
    the labels' digits — is set just after it (finish_setup), when the first key sequence
    builds QKeySequence's Python class, and the tooltips name the keys from then on."""
    window = MainWindow(Project.open(default_project), prefs, messenger, deferred=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    import_files = window.registry[ActionId.IMPORT_FILES]
    label = window.tagging.label_actions[0]
    assert import_files.shortcut().isEmpty() and label.shortcut().isEmpty()
    assert window.undo_action.shortcut().isEmpty()
    assert "Ctrl" not in import_files.toolTip()
    window.finish_setup()
    assert import_files.shortcut().toString() == "Ctrl+I"
    assert "Ctrl+I" in import_files.toolTip()
    assert window.registry[ActionId.NEW_PROJECT].shortcut().toString() == "Ctrl+N"
    assert window.registry[ActionId.OPEN_PROJECT].shortcut().toString() == "Ctrl+O"
    assert window.registry[ActionId.FIND].shortcut().toString() == "Ctrl+F"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert [k.toString() for k in window.redo_action.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert label.shortcut().toString() == "1"
    # Labels rebuilt later (Manage Labels, another project) get their keys at once.
    window._rebuild_label_actions()
    assert window.tagging.label_actions[0].shortcut().toString() == "1"
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


def _window(qtbot: QtBot, path: Path, prefs: Settings, deferred: bool) -> MainWindow:
    window = MainWindow(Project.open(path), prefs, RecordingMessenger(), deferred=deferred)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_dock_layout_is_remembered_and_never_saved_half_built(
    qtbot: QtBot, default_project: Path, prefs: Settings
) -> None:
    window = _window(qtbot, default_project, prefs, deferred=False)
    # The analyst moves the Entities dock from under the library to the right.
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.entities)
    window.close()
    saved = prefs.get(settings.WINDOW_STATE)

    # Closed before its setup finished (at once after launch): the saved layout stays.
    early = _window(qtbot, default_project, prefs, deferred=True)
    early.close()
    assert prefs.get(settings.WINDOW_STATE) == saved

    later = _window(qtbot, default_project, prefs, deferred=True)
    later.finish_setup()
    qtbot.wait(20)  # let the layout run, so a wrong tab group would show
    assert later.dockWidgetArea(later.entities) == Qt.DockWidgetArea.RightDockWidgetArea
    assert later.entities not in later.tabifiedDockWidgets(later.library)
    later.close()


def test_a_layout_from_an_older_dock_set_gives_the_default_layout(
    qtbot: QtBot, default_project: Path, prefs: Settings
) -> None:
    # What an earlier version saved when the window closed before its docks were built:
    # only the library and annotations docks, under the old layout version.
    old = _window(qtbot, default_project, prefs, deferred=True)
    prefs.set(settings.WINDOW_STATE, old.saveState(LAYOUT_VERSION - 1))
    old.hide()
    old.project.close()

    window = _window(qtbot, default_project, prefs, deferred=True)
    window.finish_setup()
    # Tabbed as designed, not stacked under the library and the annotations (Qt reports
    # tab groups once the layout has run).
    qtbot.waitUntil(lambda: window.entities in window.tabifiedDockWidgets(window.library))
    assert window.claim_editor in window.tabifiedDockWidgets(window.annotations)
    window.close()
