"""Works off a large search-index backlog in a worker thread after a project opens.

Why: the index normally follows every edit in the edit's own transaction, so nothing is ever
pending. A backlog appears only when the whole index must be rebuilt (a new Python brings a new
Unicode version, a project from before search existed, or another program wrote many
articles); over 100,000 articles that is about 20 seconds of folding, and over a million a few
minutes. Done by the first search, the window would freeze that long.

Here a worker (``ui/shell/workers.run_task``) does it on a connection of its own, in short
transactions of ``STEP_DOCUMENTS`` articles (about 40 ms each), with a pause between them,
reporting progress to the status bar; the GUI thread never folds an article of the backlog.
Meanwhile searches use what is indexed so far (and say so), and edits index only their own
article: an edit waits at most one step for the write lock (WAL lets the window read at any
time). Folding is Python and holds the interpreter lock, but the interpreter hands it over
every few milliseconds, and the pauses between steps leave the window the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.store.search import SearchStore
from desktop.ui.shell.workers import Progress, TaskHandle, run_task

STEP_DOCUMENTS = 200
STEP_CHARS = 300_000
"""A step indexes at most this many documents or about this much text (at least one article):
about 40 ms for news-length articles, and no longer for long reports."""
THRESHOLD = 1_000
"""Smaller backlogs are left to the next search, which indexes them in a fraction of a second."""
GAP_MS = 10
"""Pause between steps, so the window's edits and reads get the database between them."""


def work_off(path: str, progress: Progress, total: int) -> int:
    """Index the backlog of the project at ``path`` in steps, on a connection of this thread;
    returns what is still waiting (0 when done, more when stopped or making no progress)."""
    from desktop.store.db import Database

    database = Database.open(path, create=False)
    try:
        store = SearchStore(database)
        remaining = total
        while True:
            if progress.cancelled:
                return remaining
            left = store.sync_some(STEP_DOCUMENTS, STEP_CHARS)
            progress.report(total - left, total)
            if left == 0 or left >= remaining:
                # Done, or no progress (a read-only or locked file): stop either way; the
                # next search retries and reports what it could not do.
                return left
            remaining = left
            time.sleep(GAP_MS / 1000)
    finally:
        database.close()


class IndexCatchUp(QObject):
    """Indexes one project's backlog step by step; ``finished`` once the index is complete."""

    progressed = Signal(int, int)  # documents indexed so far, total backlog
    finished = Signal()

    def __init__(
        self, add_status_widget: Callable[[QWidget], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store: SearchStore | None = None
        self.total = 0
        self.remaining = 0
        self.task: TaskHandle | None = None
        self._generation = 0
        # The worker starts just after the window has painted, not during the project's opening.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._begin)
        self.label = QLabel()
        self.label.setObjectName("index_progress")
        self.label.hide()
        add_status_widget(self.label)

    @property
    def running(self) -> bool:
        return self.store is not None

    def start(self, store: SearchStore, *, threshold: int = THRESHOLD) -> bool:
        """Begin on ``store``'s backlog if it is large; returns whether work was started."""
        self.stop()
        backlog = store.backlog()
        if backlog < threshold:
            return False
        self.store = store
        self.total = self.remaining = backlog
        store.catching_up = True
        self._show_progress()
        self.timer.start(0)
        return True

    def stop(self) -> None:
        """Leave the rest to the next search (another project opens, or the window closes):
        the worker stops before its next step."""
        self.timer.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._generation += 1
        if self.store is not None:
            self.store.catching_up = False
        self.store = None
        self.label.hide()

    def _begin(self) -> None:
        store = self.store
        if store is None:
            return
        path, total, generation = str(store.path), self.total, self._generation

        def current() -> bool:
            return generation == self._generation

        self.task = run_task(
            lambda progress: work_off(path, progress, total),
            on_done=lambda left: self._done(left) if current() else None,
            on_error=lambda _message, _details: self._done(self.remaining) if current() else None,
            on_progress=lambda done, _total, _message: (
                self._progressed(total - done) if current() else None
            ),
        )

    def _progressed(self, remaining: int) -> None:
        if self.store is None:
            return
        self.remaining = remaining
        self._show_progress()

    def _done(self, remaining: int) -> None:
        self.remaining = remaining
        self.task = None
        self.stop()
        self.finished.emit()

    def _show_progress(self) -> None:
        done = self.total - self.remaining
        self.label.setText(
            self.tr("Indexing for search: {done} of %Ln article(s)", "", self.total).format(
                done=f"{done:,}"
            )
        )
        self.label.setToolTip(
            self.tr(
                "Articles not indexed yet do not appear in search results; they will within "
                "about {seconds} s."
            ).format(seconds=f"{max(1, self.remaining // 5_000):,}")
        )
        self.label.show()
        self.progressed.emit(done, self.total)
