"""A gesture's end repaints the Entity Network by itself (issue 16): in a real window the view
kept the gesture's last frame — the settled picture scaled, blurred, its names twice their
size — until the next wheel step, and edits, hovers and merges never reached the screen; the
tests had always painted the view themselves after ``end_gesture``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.ui.figures.network import NetworkScene
from desktop.ui.figures.network_dock import NetworkView

from .test_network_zoom import _shown


class _Paints(QObject):
    """The paint events the view's viewport receives, and whether the scene was mid-gesture."""

    def __init__(self, scene: NetworkScene) -> None:
        super().__init__()
        self.scene = scene
        self.settled = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.scene.interacting:
            self.settled += 1
        return False


@pytest.fixture
def view(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkView]:
    yield _shown(qtbot, monkeypatch)


def test_the_end_of_a_zoom_paints_the_settled_network_unasked(
    view: NetworkView, qtbot: QtBot
) -> None:
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    qtbot.wait(50)  # the first paints over
    paints = _Paints(scene)
    view.viewport().installEventFilter(paints)
    try:
        view.zoom(1.3)  # a wheel step
        assert scene.interacting
        qtbot.waitUntil(lambda: not scene.interacting, timeout=5_000)  # the gesture's timer
        # No repaint asked here: the end itself must bring the settled frame to the screen,
        # its edges drawn a slice at a time, then shown.
        qtbot.waitUntil(lambda: paints.settled > 0, timeout=5_000)
        qtbot.waitUntil(lambda: view.settling is not None and view.settling.done, timeout=5_000)
    finally:
        view.viewport().removeEventFilter(paints)


def test_a_hover_and_its_end_reach_the_screen_unasked(view: NetworkView, qtbot: QtBot) -> None:
    """The pointer onto a node, then off it, as the mouse moves it: each change painted
    without a repaint asked (in a real window the veil stayed after the pointer left)."""
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    qtbot.wait(50)
    item = next(iter(scene.nodes.values()))
    on = view.mapFromScene(item.centre)
    off = QPoint(2, 2)
    assert not view.items(off)
    paints = _Paints(scene)
    view.viewport().installEventFilter(paints)
    try:
        for point, focus in ((on, item.node.id), (off, None), (on, item.node.id), (off, None)):
            before = paints.settled
            QTest.mouseMove(view.viewport(), point)
            qtbot.waitUntil(lambda f=focus: scene.focus_id == f, timeout=5_000)
            qtbot.waitUntil(lambda b=before: paints.settled > b, timeout=5_000)
    finally:
        view.viewport().removeEventFilter(paints)


def test_what_the_view_draws_itself_asks_the_view_to_paint(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform repaints a window on the scene's own update(), which an X11
    window did not (the two tests above passed there on the broken code): so, the changes
    drawn by the view rather than by items — a hover, its end, a gesture's end — each ask
    the views to paint (``repaint_views``), not only the scene to update."""
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    asked: list[str] = []
    monkeypatch.setattr(scene, "repaint_views", lambda: asked.append("paint"))
    node = next(iter(scene.nodes))
    scene.set_focus(node)
    scene.set_focus(None)
    view.zoom(1.2)
    assert scene.interacting
    view.end_gesture()
    assert asked == ["paint"] * 4  # the hover, its end, the gesture's start and end
