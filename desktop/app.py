"""Builds everything once — QApplication, settings, project, window — and passes it in.

Nothing else creates these objects, so there is no global main window and tests can build the
same graph with their own settings file and project.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desktop import __version__, paths
from desktop.core.errors import HamishError
from desktop.defaults import open_project
from desktop.resources import read_bytes, read_text
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.mainwindow import MainWindow
from desktop.ui.messages import DialogMessenger


def set_window_icon(app: QApplication) -> None:
    pixmap = QPixmap()
    pixmap.loadFromData(read_bytes("hamish.png"))
    app.setWindowIcon(QIcon(pixmap))


def create_application(argv: list[str] | None = None, *, icon: bool = True) -> QApplication:
    """The application with Hamish's name, style and stylesheet; ``icon=False`` leaves the
    window icon to the caller (the GUI sets it after the first paint)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Hamish")
    app.setApplicationDisplayName("Hamish")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Hamish")
    QGuiApplication.setDesktopFileName("org.hamish.Hamish")
    if icon:
        set_window_icon(app)
    app.setStyle("Fusion")
    app.setStyleSheet(read_text("style.qss"))
    return app


def build_window(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
    messenger = DialogMessenger()
    window = MainWindow(project, prefs, messenger, deferred=deferred)
    messenger.parent = window
    return window


class _AfterFirstPaint(QObject):
    """Runs a callback once, just after the first paint of the widget it watches."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            callback, self.callback = self.callback, None
            QTimer.singleShot(0, callback)
        return False


class _FirstPaint(QObject):
    """For benchmarks/startup.py: report the first paint of the window, then quit."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"first-paint {time.perf_counter() - self.started:.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(project_path: Path | None) -> int:
    app = create_application(icon=False)
    prefs = Settings.at(paths.settings_path())
    try:
        project = open_project(project_path)
    except HamishError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Cannot open project", str(error))
        print(f"hamish: {error}", file=sys.stderr)
        return 2
    window = build_window(project, prefs, deferred=True)
    if os.environ.get("HAMISH_EXIT_AFTER_FIRST_PAINT"):
        probe = _FirstPaint(time.perf_counter())
        window.reader.installEventFilter(probe)
        window.reader.text.viewport().installEventFilter(probe)
        window._first_paint_probe = probe  # type: ignore[attr-defined]

    # The registry, claim workbench, search, imports and exports are built as soon as the
    # window has painted; by the time the analyst reaches for them they are there.
    def after_first_paint() -> None:
        set_window_icon(app)
        window.finish_setup()

    after_paint = _AfterFirstPaint(after_first_paint)
    window.reader.text.viewport().installEventFilter(after_paint)
    window.reader.empty.installEventFilter(after_paint)
    window._after_first_paint = after_paint  # type: ignore[attr-defined]
    window.show()
    return app.exec()
