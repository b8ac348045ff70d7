"""The one way to run slow work (imports, exports, corpus-wide scans) off the GUI thread.

``run_task(fn, …)`` runs ``fn(progress)`` on Qt's global thread pool. ``fn`` must not touch
widgets; it reports through ``progress.report(done, total, message)`` and should check
``progress.cancelled`` between steps. The callbacks run on the GUI thread (queued signals).
A task that writes to the project opens its own connection (``Project.open(path)``): SQLite
connections are not shared across threads, and WAL lets the GUI keep reading meanwhile.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)

from desktop.core.errors import HamishError


class TaskCancelled(HamishError):
    """Raised inside a task (by ``Progress.check``) to stop it early."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Tasks", "Cancelled."))


class Progress:
    """Handed to the task: thread-safe progress reporting and cancellation."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self._relay.progress.emit(done, total, message)

    def deliver(self, part: object) -> None:
        """Hand part of the result to ``on_part`` on the GUI thread now, before the end (the
        first results of a long search, shown while the rest is found)."""
        self._relay.part.emit(part)


class _Relay(QObject):
    progress = Signal(int, int, str)
    part = Signal(object)
    done = Signal(object)
    failed = Signal(str, str)  # message, details
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay, progress: Progress) -> None:
        super().__init__()
        self.fn, self.relay, self.progress = fn, relay, progress

    def run(self) -> None:
        # RuntimeError: the application is shutting down and nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            self._run()

    def _run(self) -> None:
        try:
            result = self.fn(self.progress)
        except TaskCancelled:
            self.relay.cancelled.emit()
        except HamishError as error:
            self.relay.failed.emit(str(error), "")
        except Exception as error:  # a bug: still report it instead of dying silently
            self.relay.failed.emit(
                QCoreApplication.translate("Tasks", "Unexpected error: {error}").format(
                    error=error
                ),
                "".join(traceback.format_exception(error)),
            )
        else:
            if self.progress.cancelled:
                self.relay.cancelled.emit()
            else:
                self.relay.done.emit(result)


class TaskHandle:
    def __init__(self, progress: Progress, relay: _Relay) -> None:
        self.progress = progress
        self.relay = relay

    def cancel(self) -> None:
        self.progress.cancel()


_running: set[_Relay] = set()  # keep relays alive until their task ends


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[str, str], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    on_part: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle:
    relay = _Relay()
    progress = Progress(relay)
    _running.add(relay)

    def finish() -> None:
        _running.discard(relay)

    relay.done.connect(on_done)
    relay.failed.connect(on_error)
    if on_progress is not None:
        relay.progress.connect(on_progress)
    if on_cancelled is not None:
        relay.cancelled.connect(on_cancelled)
    if on_part is not None:
        relay.part.connect(on_part)
    for signal in (relay.done, relay.failed, relay.cancelled):
        signal.connect(finish)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, relay, progress))
    return TaskHandle(progress, relay)
