"""What panels, docks and controllers may use of the window — and nothing more.

Like qutebrowser's ``api`` package: a component gets this small object, never the main
window, so it cannot reach into another component's widgets, and the window can change
without touching them. ``app.py`` builds the only ``MainWindow``; the window builds one
``WindowApi`` and hands it to everything it creates.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.core.errors import HamishError
from desktop.ops.outcome import Operation
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.commands.session import ProjectSession
from desktop.ui.shell.actions import ActionRegistry
from desktop.ui.shell.messages import Messenger
from desktop.ui.widgets.bidi import show_elided

Passage = tuple[int, int, int]
"""A document id and a start and end in code points."""


class Navigation:
    """The window's ways of showing an article, bound by the window. (A plain class: a frozen
    dataclass is built by exec'd code, about 3 M instructions of start-up, a NamedTuple 1.2 M.)
    ``open_at`` takes a document, start and end (code points); ``open_both`` (side by side)
    two passages (document, start, end), each in its own pane."""

    __slots__ = ("current_document", "open_at", "open_both", "open_document")

    def __init__(
        self,
        open_document: Callable[[int], None],
        open_at: Callable[[int, int, int], None],
        current_document: Callable[[], int | None],
        open_both: Callable[[Passage, Passage], None] = lambda _first, _second: None,
    ) -> None:
        self.open_document = open_document
        self.open_at = open_at
        self.current_document = current_document
        self.open_both = open_both


class WindowApi(QObject):
    """The open project's session, the messenger, the status bar, the actions, and the ways
    to open an article. ``session_attached`` fires when a project is opened,
    ``session_detaching`` before it closes for another, ``document_opened`` when the reader
    shows an article, and ``closing`` when the window is about to close (the project is still
    open then)."""

    session_attached = Signal(ProjectSession)
    session_detaching = Signal()  # the project is about to close (another one opens)
    document_opened = Signal(int)  # an article is shown in the reader
    closing = Signal()

    def __init__(
        self,
        widget: QWidget,
        status: QStatusBar,
        messenger: Messenger,
        actions: ActionRegistry,
        prefs: Settings,
        navigation: Navigation,
    ) -> None:
        super().__init__(widget)
        self.widget = widget  # parent for dialogs, drop target; not the window's parts
        self.messenger = messenger
        self.actions = actions
        self.prefs = prefs
        self._status = status
        self._navigation = navigation
        self._session: ProjectSession | None = None
        self.closed = False

    # --- the project -------------------------------------------------------------------------
    @property
    def session(self) -> ProjectSession:
        assert self._session is not None, "no project attached"
        return self._session

    @property
    def has_session(self) -> bool:
        return self._session is not None and not self.closed

    @property
    def project(self) -> Project:
        return self.session.project

    def attach(self, session: ProjectSession) -> None:
        """Called by the window when a project opens."""
        self._session = session
        self.session_attached.emit(session)

    def detach(self) -> None:
        """Called by the window before it closes the project to open another."""
        self.session_detaching.emit()
        self._session = None

    def close(self) -> None:
        """Called by the window as it closes, before its project is closed."""
        self.closed = True
        self.closing.emit()

    def run(self, title: str, operation: Operation) -> bool:
        """Do an edit (one undo step, its changes announced to every view); a failure is shown
        to the analyst under ``title`` and nothing is written. Returns whether it was done."""
        try:
            self.session.run(operation)
        except HamishError as error:
            self.messenger.error(title, str(error))
            return False
        return True

    # --- the window's services -------------------------------------------------------------------
    def show_status(self, message: str, timeout_ms: int = 4000) -> None:
        show_elided(self._status, message, timeout_ms)

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget in the status bar (an import's progress, say)."""
        self._status.addPermanentWidget(widget)

    def open_document(self, document_id: int) -> None:
        self._navigation.open_document(document_id)

    def open_at(self, document_id: int, start: int, end: int) -> None:
        self._navigation.open_at(document_id, start, end)

    def current_document(self) -> int | None:
        return self._navigation.current_document()

    def open_both(self, first: Passage, second: Passage) -> None:
        """Two passages side by side (the first in the first pane), each selected."""
        self._navigation.open_both(first, second)
