"""A gesture's end repaints the Entity Network by itself (issue 16): in a real window the view
kept the gesture's last frame — the settled picture scaled, blurred, its names twice their
size — until the next wheel step, and edits, hovers and merges never reached the screen; the
tests had always painted the view themselves after ``end_gesture``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
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
