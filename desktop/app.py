"""Builds everything once — QApplication, settings, project, window — and passes it in.

Nothing else creates these objects, so there is no global main window and tests can build the
same graph with their own settings file and project.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desktop import __version__, paths, settings
from desktop.core.errors import HamishError
from desktop.defaults import open_project
from desktop.resources import read_bytes, read_text
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui import fontload

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderText
    from desktop.ui.shell.mainwindow import MainWindow


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
    args = list(argv if argv is not None else sys.argv[:1]) or ["hamish"]
    # Fusion through Qt's own "-style" option rather than ``setStyle("Fusion")``: that call
    # returns the style, and wrapping it builds QStyle's dozen Python enums (about 6 ms of
    # start-up). A "-style" the caller passes comes later and still wins.
    app = QApplication([args[0], "-style", "Fusion", *args[1:]])
    app.setApplicationName("Hamish")
    app.setApplicationDisplayName("Hamish")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Hamish")
    QGuiApplication.setDesktopFileName("org.hamish.Hamish")
    if icon:
        set_window_icon(app)
    app.setStyleSheet(read_text("style.qss"))
    return app


def build_window(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
    # The window's modules load here, not with this module: the GUI's start-up loads Qt's
    # font database on a second thread once the application exists (ui/fontload.py), and
    # these imports — Python, about 106 M instructions — are what it runs beside.
    from desktop.ui.shell.mainwindow import MainWindow
    from desktop.ui.shell.messages import DialogMessenger

    project.read_damaged_text()  # a title that is not UTF-8 must not crash a Qt model
    messenger = DialogMessenger()
    window = MainWindow(project, prefs, messenger, deferred=deferred)
    messenger.parent = window
    return window


class _OnFirstPaint(QObject):
    """Calls back once, from the first paint event of any widget it watches (the "no
    article" hint when the project is empty) or just after the reader's text has painted
    (``text``: told by its ``after_paint``, not by a filter on its viewport — asking for the
    viewport makes PySide build every widget class it has not loaded yet, see
    ``ReaderText.viewport_width``)."""

    def __init__(
        self, callback: Callable[[], None], *watched: QObject, text: ReaderText | None = None
    ) -> None:
        super().__init__()
        self.callback: Callable[[], None] | None = callback
        self.watched = watched
        self.text = text
        for widget in watched:
            widget.installEventFilter(self)
        if text is not None:
            text.after_paint = self._fire

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._fire()
        return False

    def _fire(self) -> None:
        if self.callback is None:
            return
        callback, self.callback = self.callback, None
        # Off the event path at once: the reader tracks the mouse, and every move would
        # otherwise pass through this Python filter for the rest of the session.
        for widget in self.watched:
            widget.removeEventFilter(self)
        if self.text is not None:
            self.text.after_paint = None
        callback()


def apply_language(app: QApplication, prefs: Settings, cli: str | None = None) -> str:
    """Install the interface language (``--lang``, ``HAMISH_LANG``, the setting, else the
    system locale) before any window is built; returns it."""
    from desktop import settings
    from desktop.ui.i18n import install_language, language_for_run

    return install_language(app, language_for_run(cli, prefs.get(settings.INTERFACE_LANGUAGE)))


def run_gui(project_path: Path | None, language: str | None = None) -> int:
    """The window. Built with Python's cyclic garbage collector off (``cli.main`` turns it
    off before the imports already): start-up makes a few hundred thousand objects that live
    as long as the window — modules, classes, Qt's enums, the widgets' wrappers — and the
    collector walked them again and again before the first paint to find next to no garbage
    (30 M instructions to the first paint). It comes back on once the window has painted and
    finished its setup."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(project_path, language)
    finally:
        if collecting:  # as the caller had it (a launch from cli.main ends here)
            gc.enable()


def _run_gui(project_path: Path | None, language: str | None) -> int:
    app = create_application(icon=False)
    fontload.start_font_database()  # beside the settings, the project and the window's imports
    try:
        return _open_and_show(app, project_path, language)
    finally:
        fontload.wait()  # while the application whose fonts it loads still exists


def _open_and_show(app: QApplication, project_path: Path | None, language: str | None) -> int:
    prefs = Settings.at(paths.settings_path())
    apply_language(app, prefs, language)
    try:
        project = open_project(project_path)
    except HamishError as error:
        gc.enable()
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.errors import error_text
        from desktop.ui.shell.messages import message_box

        message_box(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Application", "Cannot open project"),
            error_text(str(error)),
        ).exec()
        from desktop.core.controls import for_terminal

        print(for_terminal(f"hamish: {error}"), file=sys.stderr)  # a path may hold ESC…
        return 2
    from desktop.ui.shell import theme

    theme.apply(theme.is_dark(prefs.get(settings.THEME)))  # before the widgets: no light flash
    window = build_window(project, prefs, deferred=True)
    started = time.perf_counter()
    benchmark = bool(os.environ.get("HAMISH_EXIT_AFTER_FIRST_PAINT"))

    def after_first_paint() -> None:
        if benchmark:  # for benchmarks/startup.py: report the first paint, then quit
            # The GUI thread's CPU too: on the shared machine it is what a quiet one's wall
            # time would be (benchmarks/library.py).
            elapsed, cpu = time.perf_counter() - started, time.thread_time()
            print(f"first-paint {elapsed:.6f} gui-cpu {cpu:.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            return
        # The registry, claim workbench, search, imports and exports are built as soon as
        # the window has painted; by the time the analyst reaches for them they are there.
        QTimer.singleShot(0, finish)

    def finish() -> None:
        set_window_icon(app)
        # The name question first, then the first-run guide: not both at once.
        window.ask_name_first()
        window.finish_setup()
        gc.enable()  # the window is whole: one collection walks what start-up made
        # The analyst's name, asked once on the first launch, once the window is up.
        QTimer.singleShot(0, window.ask_author_once)
        # The daily backup, in the background: never between the analyst and the window.
        QTimer.singleShot(0, window.start_backups)

    probe = _OnFirstPaint(after_first_paint, window.reader.empty, text=window.reader.text)
    window._first_paint = probe  # type: ignore[attr-defined]
    window.show()
    return app.exec()
