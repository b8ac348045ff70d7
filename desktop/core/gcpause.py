"""Python's cycle collector paused while a long computation makes short-lived objects.

Why: suggesting in a 1 MB article makes about a million tuples and lists (tokens, each
token's features, the rules' spans), nearly none of them in a reference cycle. Each 700 new
containers start a collection, and every few of them a full one walks every object of the
process again — the project's, the model's, the window's: a quarter of the suggestion time.
Reference counting frees those objects all the same; the cycles made meanwhile are collected
once the collector runs again.

Nested and concurrent pauses (the reader's and the review queue's workers) share one count:
the collector is started again when the last one ends, and only if it ran before the first.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from threading import Lock

__all__ = ["paused"]

_lock = Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off for the ``with`` block (and on again after, if it was)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
