"""Python's cycle collector paused while a long computation makes short-lived objects.

Why: suggesting in a 1 MB article makes about a million tuples and lists (tokens, each
token's features, the rules' spans), nearly none of them in a reference cycle. Each 700 new
containers start a collection, and every few of them a full one walks every object of the
process again — the project's, the model's, the window's: a quarter of the suggestion time.
Reference counting frees those objects all the same; the cycles made meanwhile are collected
once the collector runs again.

Nested and concurrent pauses (the reader's and the review queue's workers) share one count:
the collector is started again when the last one ends, and only if it ran before the first.

A pause only moves a full collection (it comes once the collector runs again); what makes
one dear is the number of objects it walks. ``freeze_survivors`` takes those alive after a
big structure that lives long was built (the entity network's scene and layout: 120,000
objects, a full collection over them 65–80 ms, in whichever slice of the network's settling
it fell) out of the collector's generations.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from threading import Lock

__all__ = ["freeze_survivors", "hold", "paused"]

_lock = Lock()
_depth = 0
_was_enabled = False


def _enter() -> None:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
        elif gc.isenabled():  # turned on meanwhile (the window's start-up ended): on after
            _was_enabled = True
        gc.disable()
        _depth += 1


def _leave() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off for the ``with`` block (and on again after, if it was)."""
    _enter()
    try:
        yield
    finally:
        _leave()


def hold() -> Callable[[], None]:
    """The cycle collector off until the returned function is called (once; calling it again
    does nothing): a pause that ends later than the code that starts it, as an open's ends
    after the reader has painted. Shares :func:`paused`'s count."""
    _enter()
    held = [True]

    def resume() -> None:
        if held:
            held.clear()
            _leave()

    return resume


def freeze_survivors() -> int:
    """Collect every cycle (the permanent generation thawed first), then move the objects
    left, all alive, out of the collector's generations for good (``gc.freeze``): the full
    collections after walk only what was made since — 0.1 ms where they walked the network's
    120,000 objects in 65–80 ms. Its own collection walks everything once: call it when idle,
    once a long-lived structure is built, not per frame. Nothing is lost for good: an object
    frozen here that later dies in a cycle is freed at the next call (reference counting
    frees the others at once), so what stays frozen is never more than what was alive at
    the last call. Returns the number of objects frozen."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
