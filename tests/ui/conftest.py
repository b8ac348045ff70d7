from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import create_application
from desktop.defaults import ensure_default_project
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.i18n import install_language
from desktop.ui.shell.mainwindow import MainWindow


class RecordingMessenger:
    """Stands in for modal dialogs: a test asserts on what the analyst would have been told."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str, str]] = []
        self.questions: list[tuple[str, str, str]] = []
        self.answer = True  # what the analyst clicks when asked to confirm
        self.asked: list[tuple[str, str, str]] = []
        self.text_answer: str | None = None  # what the analyst types when asked (None: Cancel)

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def info(self, title: str, text: str, details: str = "") -> None:
        self.infos.append((title, text, details))

    def confirm(self, title: str, text: str, action: str) -> bool:
        self.questions.append((title, text, action))
        return self.answer

    def ask_text(self, title: str, text: str, value: str) -> str | None:
        self.asked.append((title, text, value))
        return self.text_answer


@pytest.fixture(scope="session")
def qapp(qapp_args):  # type: ignore[no-untyped-def]
    """The real application factory: tests see the stylesheet, icon and style users see, in
    English and left to right whatever the machine's locale."""
    app = create_application(qapp_args or ["hamish-tests"])
    install_language(app, "en")
    return app


@pytest.fixture
def messenger() -> RecordingMessenger:
    return RecordingMessenger()


@pytest.fixture
def prefs(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def default_project(xdg: Path) -> Path:
    return ensure_default_project()


@pytest.fixture
def make_window(qtbot: QtBot, prefs: Settings, messenger: RecordingMessenger) -> Iterator[object]:
    windows: list[MainWindow] = []

    def make(path: Path, settings: Settings | None = None) -> MainWindow:
        window = MainWindow(Project.open(path), settings or prefs, messenger)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def launch(
    qtbot: QtBot, path: Path, prefs: Settings, size: tuple[int, int] = (1024, 640)
) -> MainWindow:
    """A window as a real launch builds it: shown first, finished once the event loop runs."""
    from PySide6.QtWidgets import QApplication

    window = MainWindow(Project.open(path), prefs, RecordingMessenger(), deferred=True)
    qtbot.addWidget(window)
    window.resize(*size)
    window.fit_docks()
    window.show()
    qtbot.waitExposed(window)
    window.finish_setup()
    QApplication.processEvents()
    return window


def type_text(widget: object, text: str) -> None:
    """Type any text, Arabic included, as key events: QTest.keyClicks only knows Latin-1 and
    aborts the process on anything else."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    """The application in Arabic for one test (as ``hamish --lang ar`` starts it)."""
    assert install_language(qapp, "ar") == "ar"
    try:
        yield qapp
    finally:
        install_language(qapp, "en")


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in English, then in Arabic (as ``hamish --lang ar`` builds it)."""
    assert install_language(qapp, request.param) == request.param
    try:
        yield request.param
    finally:
        install_language(qapp, "en")
