"""Switching the interface language keeps the analyst's panels, mirrored: the layout saved
in one direction is restored in the other with its sides swapped, not the default layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow
from pytestqt.qtbot import QtBot

from desktop.settings import Settings
from desktop.ui.i18n import install_language
from desktop.ui.layout_mirror import mirrored_state, state_version
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def _arrangement(window: MainWindow) -> dict[str, object]:
    """What the analyst arranged, with the window's start side called "start"."""
    start = RIGHT if window.isRightToLeft() else LEFT

    def side(dock: QDockWidget) -> str:
        area = window.dockWidgetArea(dock)
        if area in (LEFT, RIGHT):
            return "start" if area == start else "end"
        return "bottom" if area == BOTTOM else str(area)

    bottom = sorted(
        (window.claims_table, window.claim_editor), key=lambda dock: dock.geometry().left()
    )
    return {
        "sides": {dock.objectName(): side(dock) for dock in window._docks if dock.isVisible()},
        "hidden": sorted(dock.objectName() for dock in window._docks if not dock.isVisible()),
        "with library": sorted(d.objectName() for d in window.tabifiedDockWidgets(window.library)),
        "entities in front": not window.entities.visibleRegion().isEmpty(),
        "search under library": window.search_panel.geometry().top()
        > window.library.geometry().top(),
        # Reading order: from the start side; Qt lays panels side by side left to right.
        "bottom from start": [
            d.objectName() for d in (bottom[::-1] if window.isRightToLeft() else bottom)
        ],
    }


def _sizes(window: MainWindow) -> list[tuple[int, int]]:
    return [
        (dock.width(), dock.height())
        for dock in (window.entities, window.search_panel, window.claims_table, window.claim_editor)
    ]


def test_switching_language_keeps_the_panels_mirrored(
    qapp: QApplication,
    make_window: MakeWindow,
    default_project: Path,
    prefs: Settings,
    qtbot: QtBot,
) -> None:
    english = make_window(default_project)
    english.resize(1600, 900)  # room for a wider library beside the article
    qtbot.waitUntil(lambda: english.reader.width() > 1000)
    # The analyst's own arrangement: search split off under the library, the review queue
    # closed, the claim editor beside the claims table under the article, the entities tab
    # in front, the library wider.
    english.removeDockWidget(english.search_panel)
    english.addDockWidget(LEFT, english.search_panel)
    english.search_panel.show()
    english.review_dock.close()
    english.claims_table.show()
    english.removeDockWidget(english.claim_editor)
    english.splitDockWidget(english.claims_table, english.claim_editor, Qt.Orientation.Horizontal)
    english.claim_editor.show()
    english.entities.raise_()
    english.resizeDocks([english.search_panel], [220], Qt.Orientation.Vertical)
    english.resizeDocks([english.claim_editor], [500], Qt.Orientation.Horizontal)
    before = english.entities.width()  # the tab in front
    english.resizeDocks([english.entities], [before + 40], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: english.entities.width() > before)
    qtbot.wait(50)  # keep_reader_room, should the article want its room back
    assert _arrangement(english)["sides"]["search_dock"] == "start"  # type: ignore[index]
    assert _arrangement(english)["bottom from start"] == ["claims_dock", "claim_dock"]
    english.close()

    def reopen(language: str) -> tuple[dict[str, object], list[tuple[int, int]]]:
        """The window of a restart in ``language``: its arrangement and panel sizes."""
        install_language(qapp, language)
        try:
            window = make_window(default_project)
            assert window.isRightToLeft() == (language == "ar")
            start = RIGHT if language == "ar" else LEFT
            assert window.dockWidgetArea(window.library) == start
            window.resize(1600, 900)  # make_window's own size, as before the arrangement
            qtbot.waitUntil(lambda: window.reader.width() > 1000)
            qtbot.wait(50)
            found = _arrangement(window), _sizes(window)
            window.close()
            return found
        finally:
            install_language(qapp, "en")

    # A restart in the same language is what the other language must give, mirrored.
    arranged, sizes = reopen("en")
    assert arranged["sides"]["search_dock"] == "start"  # type: ignore[index]
    assert sizes[0][0] > before  # the wider library
    for language in ("ar", "en"):  # and back
        found, found_sizes = reopen(language)
        assert found == arranged
        # Within a few pixels: an Arabic tab bar and title are a little taller.
        assert all(
            abs(a - b) <= 4
            for size, expected in zip(found_sizes, sizes, strict=True)
            for a, b in zip(size, expected, strict=True)
        ), (language, found_sizes, sizes)


def test_a_state_it_cannot_read_is_left_alone(qapp: QApplication) -> None:
    window = QMainWindow()
    state = window.saveState(3).data()
    assert state_version(state) == 3
    assert state_version(b"") is None
    assert mirrored_state(b"\x00\x00\x00\xff\x00\x00\x00\x03\xfd", 1003) is None  # cut short
    assert mirrored_state(state[:-3] + b"", 1003) is not None  # the toolbars' part: copied
    mirrored = mirrored_state(state, 1003)
    assert mirrored is not None and state_version(mirrored) == 1003
    assert mirrored_state(mirrored, 3) == state  # twice mirrored: as it was
