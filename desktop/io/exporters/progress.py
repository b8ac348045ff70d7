"""Progress reporting and cancellation for long exports, without Qt.

Exporters run on the command line (no hooks), in tests (plain callables) and in the window's
background thread (``run_task``: the callables forward to its ``Progress``). So the exporters
only see two callables: one told how far they are, one asked whether to stop. Stopping raises
:class:`ExportCancelled` at the next check, which unwinds through ``replace_on_success``: the
temporary file is removed and an earlier file of the same name is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.errors import HamishError

ProgressCallback = Callable[[int, int, str], None]
"""``(done, total, message)``; ``total`` may grow once the size of the work is known."""

CancelCheck = Callable[[], bool]
"""Returns True when the export should stop; asked between sections and articles."""


class ExportCancelled(HamishError):
    """The analyst stopped the export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


class Steps:
    """Counts steps, forwards them to a progress callback and checks for cancellation."""

    def __init__(
        self,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        total: int = 0,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0
        self.total = total

    def check(self) -> None:
        """Raise :class:`ExportCancelled` if the caller asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled

    def grow(self, more: int) -> None:
        self.total += more

    def advance(self, message: str = "") -> None:
        """One step done: report it, then give the caller a chance to stop."""
        self.done += 1
        self.total = max(self.total, self.done)
        if self._progress is not None:
            self._progress(self.done, self.total, message)
        self.check()
