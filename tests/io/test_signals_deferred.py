"""``files.signals_deferred``: Ctrl-C, SIGTERM and SIGHUP held back while Qt starts and draws.

A thread Qt starts in the block must not take those signals afterwards: the kernel hands a
process's signal to any thread that does not block it, and the main thread, asleep in a
blocking call (an export syncing its file), was not woken — a stopped export slept on for
the call's length (found by stopping exports under load: about one in two hundred hung)."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from desktop.io.exporters.files import STOP_SIGNALS, signals_deferred

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "pthread_sigmask"), reason="no per-thread signal masks here"
)


def _mask() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_a_thread_started_in_the_block_never_takes_a_stop_signal() -> None:
    seen: list[set[int]] = []
    before = _mask()
    with signals_deferred():
        thread = threading.Thread(target=lambda: seen.append(_mask()))
        thread.start()
        thread.join()
    assert set(STOP_SIGNALS) <= seen[0]
    assert _mask() == before  # the main thread's own mask as it was


def test_a_signal_that_came_in_the_block_is_acted_on_when_it_ends() -> None:
    came: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda number, _frame: came.append(number))
    try:
        with signals_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            assert came == []  # held back
        assert came == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
