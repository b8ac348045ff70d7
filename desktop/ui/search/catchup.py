"""Works off a large search-index backlog in short steps after a project opens.

Why: the index normally follows every edit in the edit's own transaction, so nothing is ever
pending. A backlog appears only when the whole index must be rebuilt (a new Python brings a new
Unicode version, a project from before search existed, or another program wrote many
articles); over 100,000 articles that is about 20 seconds of folding. Done by the first search,
the window would freeze that long. Here it runs in steps of about 40 ms on the GUI thread,
each step its own transaction, with a progress note in the status bar; meanwhile searches use
what is indexed so far (and say so), and edits index only their own article.

Why not a worker thread: the project's connection belongs to the GUI thread, a second
connection would hold the write lock against tagging for whole chunks, and folding is Python
that holds the GIL either way; short steps with gaps for the event loop keep typing smooth.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.store.search import SearchStore

STEP_DOCUMENTS = 200
STEP_CHARS = 300_000
"""A step indexes at most this many documents or about this much text (at least one article):
about 40 ms for news-length articles, and no longer for long reports."""
THRESHOLD = 1_000
"""Smaller backlogs are left to the next search, which indexes them in a fraction of a second."""
GAP_MS = 10
"""Pause between steps, so input and painting are served between them."""


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
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
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
        """Leave the rest to the next search (another project opens, or the window closes)."""
        self.timer.stop()
        if self.store is not None:
            self.store.catching_up = False
        self.store = None
        self.label.hide()

    def _step(self) -> None:
        store = self.store
        if store is None:
            return
        remaining = store.sync_some(STEP_DOCUMENTS, STEP_CHARS)
        if remaining == 0 or remaining >= self.remaining:
            # Done, or no progress (a read-only or locked file): stop either way; the next
            # search retries and reports what it could not do.
            self.remaining = remaining
            self.stop()
            self.finished.emit()
            return
        self.remaining = remaining
        self._show_progress()
        self.timer.start(GAP_MS)

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
