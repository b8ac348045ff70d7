"""The screenshot renders the window the way a launch builds it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabBar

from desktop.app import build_window
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell import screenshot
from desktop.ui.shell.mainwindow import MainWindow


def _tab_groups_on_screen(window: MainWindow) -> list[tuple[str, ...]]:
    """The tab bars laid out inside the window (Qt parks unused ones at negative
    coordinates), by their tab titles."""
    groups = []
    for bar in window.findChildren(QTabBar):
        rect = bar.geometry()
        if rect.x() >= 0 and rect.y() >= 0 and bar.count():
            groups.append(tuple(bar.tabText(i) for i in range(bar.count())))
    return groups


def test_screenshot_has_one_tab_bar_per_dock_group(
    qapp: QApplication, default_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    project = Project.open(default_project, create=False)
    image = screenshot.render_window(qapp, build, project, tmp_path / "s.ini", (1280, 820), 2)
    assert (image.width(), image.height()) == (1280, 820)
    (window,) = built
    assert window.reader.document_id == 2
    groups = _tab_groups_on_screen(window)
    # Built before show, Qt drew a second, stale "Annotations | Claim" bar under the real one.
    assert sorted(groups) == sorted({*groups}), groups
    assert ("Annotations", "Claim") in groups and ("Library", "Entities") in groups


def test_screenshot_in_arabic_is_mirrored(
    qapp: QApplication, default_project: Path, tmp_path: Path
) -> None:
    """``hamish screenshot --lang ar``: the Arabic window, library on the right."""
    from PySide6.QtCore import Qt

    from desktop.ui.i18n import install_language

    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    install_language(qapp, "ar")
    try:
        project = Project.open(default_project, create=False)
        screenshot.render_window(qapp, build, project, tmp_path / "s.ini", (1024, 640))
        (window,) = built
        groups = _tab_groups_on_screen(window)
        assert ("المكتبة", "الكيانات") in groups and ("التعليقات", "الادعاء") in groups
        assert window.dockWidgetArea(window.library) == Qt.DockWidgetArea.RightDockWidgetArea
    finally:
        install_language(qapp, "en")


def test_screenshot_can_show_the_review_queue_filled(
    qapp: QApplication, default_project: Path, tmp_path: Path
) -> None:
    """``hamish screenshot --review``: the Review Queue tabbed with the annotations, its rows
    there (the picture waits for the articles to be looked through)."""
    built: list[MainWindow] = []
    counted: list[int] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        window.api.closing.connect(lambda: counted.append(window.review.model.rowCount()))
        return window

    project = Project.open(default_project, create=False)
    screenshot.render_window(qapp, build, project, tmp_path / "s.ini", (1024, 640), review=True)
    (window,) = built
    assert ("Annotations", "Claim", "Review Queue") in _tab_groups_on_screen(window)
    assert counted and counted[0] > 0


def test_screenshot_beside(qapp: QApplication, default_project: Path, tmp_path: Path) -> None:
    """``hamish screenshot --beside ID``: a second article in a second pane."""
    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    project = Project.open(default_project, create=False)
    screenshot.render_window(qapp, build, project, tmp_path / "s.ini", (1280, 820), 2, beside=3)
    (window,) = built
    assert window.reader.document_id == 2
    assert window.beside.pane is not None and window.beside.pane.document_id == 3


def test_screenshot_with_several_docks_keeps_the_size(qapp: QApplication, tmp_path: Path) -> None:
    """``hamish screenshot --dock claims --dock network --dock timeline``: all three open
    under the article; at 1024x640 the picture was 1176 px wide (the docks side by side made
    the window wider than asked) — now they are tabbed and the window keeps its size."""
    from tests.io.briefing_project import build_briefing_project

    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    project, _ = build_briefing_project(tmp_path / "docks.hamish")
    image = screenshot.render_window(
        qapp,
        build,
        project,
        tmp_path / "s.ini",
        (1024, 640),
        docks=("claims", "network", "timeline"),
    )
    assert (image.width(), image.height()) == (1024, 640)
    (window,) = built
    assert window.network_dock is not None and window.timeline_dock is not None
    assert window.network_dock in window.tabifiedDockWidgets(window.timeline_dock)


def test_a_short_arabic_article_in_the_arabic_window_wraps_in_its_column(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Found looking at screenshots: in the mirrored window at 1920×1080 a short article kept
    the width it was laid out at before the column's margins came (1,174 px in a 682 px
    column), its lines' starts cut off behind a sideways scroll bar."""
    from desktop.ui.i18n import install_language
    from tests.io.briefing_project import build_briefing_project

    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    made, sample = build_briefing_project(tmp_path / "b.hamish")
    made.close()
    install_language(qapp, "ar")
    try:
        project = Project.open(tmp_path / "b.hamish", create=False)
        screenshot.render_window(
            qapp, build, project, tmp_path / "s.ini", (1920, 1080), sample.wire
        )
        (window,) = built
        text = window.reader.text
        assert text.side_margin > 0  # a capped column, the window being wide
        assert text.horizontalScrollBar().maximum() == 0
        assert text.document().size().width() <= text.viewport().width()
    finally:
        install_language(qapp, "en")
