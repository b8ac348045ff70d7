"""The cycle collector is paused while suggestions are computed (desktop/core/gcpause.py): a
1 MB article makes a million short-lived objects, and the collections they started walked
the whole process again and again."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from desktop.core.gcpause import freeze_survivors, hold, paused
from desktop.core.suggest import suggest


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_nested_pauses_start_the_collector_again_after_the_last() -> None:
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_stopped_before_it_stopped() -> None:
    gc.disable()
    with paused():
        pass
    assert not gc.isenabled()


def test_a_failure_inside_starts_the_collector_again() -> None:
    with pytest.raises(RuntimeError), paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_the_rules_run_with_the_collector_paused() -> None:
    seen: list[bool] = []

    def skip(_start: int, _end: int) -> bool:
        seen.append(gc.isenabled())
        return False

    found = suggest("قال الرئيس السوري بشار الأسد إن دمشق ترحب.", None, skip=skip)
    assert found and seen and not any(seen)
    assert gc.isenabled()


def test_a_hold_ends_when_resumed_once_and_shares_the_count() -> None:
    resume = hold()
    assert not gc.isenabled()
    with paused():
        pass
    assert not gc.isenabled()  # the hold goes on past the pause inside it
    resume()
    assert gc.isenabled()
    again = hold()
    resume()  # a second call of the first one's resume ends nothing
    assert not gc.isenabled()
    again()
    assert gc.isenabled()


def test_a_collector_turned_on_during_a_hold_is_off_again_for_the_next_one() -> None:
    gc.disable()
    first = hold()
    gc.enable()  # the window's start-up ended meanwhile
    second = hold()
    assert not gc.isenabled()
    second()
    first()
    assert gc.isenabled()


class _Cyclic:
    def __init__(self) -> None:
        self.me = self


def test_freezing_survivors_frees_what_died_in_a_cycle_since_the_last_freeze() -> None:
    """What ``freeze_survivors`` froze is thawed at its next call and collected if it died
    meanwhile in a cycle: the memory kept frozen never grows past what was alive."""
    made = _Cyclic()
    gone = weakref.ref(made)
    try:
        before = len(gc.get_objects())
        assert freeze_survivors() > 0
        # Frozen: a full collection walks only what was made since.
        assert len(gc.get_objects()) < before / 2
        del made
        gc.collect()
        assert gone() is not None  # frozen, so not collected yet
        freeze_survivors()
        assert gone() is None  # thawed first, collected, not frozen again
    finally:
        gc.unfreeze()
