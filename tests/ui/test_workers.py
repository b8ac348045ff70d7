from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.errors import HamishError
from desktop.ui.shell.workers import Progress, run_task


def test_result_progress_and_gui_thread_callbacks(qapp: QApplication, qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, int, str]] = []
    done: list[object] = []
    threads: list[int] = []

    def work(progress: Progress) -> int:
        threads.append(threading.get_ident())
        for i in range(3):
            progress.report(i + 1, 3, f"step {i + 1}")
        return 42

    def on_done(result: object) -> None:
        assert threading.get_ident() == gui
        done.append(result)

    run_task(
        work, on_done=on_done, on_error=lambda m, d: None, on_progress=lambda *a: seen.append(a)
    )
    qtbot.waitUntil(lambda: bool(done))
    assert done == [42]
    assert threads[0] != gui
    assert seen[-1] == (3, 3, "step 3")


def test_errors_and_cancel(qapp: QApplication, qtbot: QtBot) -> None:
    errors: list[tuple[str, str]] = []
    run_task(
        lambda p: (_ for _ in ()).throw(HamishError("disk full")),
        on_done=lambda r: None,
        on_error=lambda m, d: errors.append((m, d)),
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0] == ("disk full", "")
    run_task(lambda p: 1 / 0, on_done=lambda r: None, on_error=lambda m, d: errors.append((m, d)))
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert "Unexpected error" in errors[1][0] and "ZeroDivisionError" in errors[1][1]

    cancelled: list[bool] = []
    steps: list[int] = []

    def slow(progress: Progress) -> None:
        for i in range(200):
            progress.check()
            steps.append(i)
            time.sleep(0.005)

    handle = run_task(
        slow,
        on_done=lambda r: None,
        on_error=lambda m, d: None,
        on_cancelled=lambda: cancelled.append(True),
    )
    qtbot.waitUntil(lambda: len(steps) > 3)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert len(steps) < 200
