"""The idle view's keeping of its settled picture (issue 16): the frame, its veil, the nodes
ready for a hover and the pictures of the surroundings are made a slice at a time between the
window's events — all at once, zoomed in 16× on 20,000 edges, they held the window 170 ms —,
and dropped when the view changes meanwhile, never shown half made."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QEvent, QRectF, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from desktop.ui.figures import network as figures
from desktop.ui.figures import network_dock
from desktop.ui.figures.network import NetworkScene
from desktop.ui.figures.network_dock import NetworkView
from tests.ui.test_network_zoom import (
    _PAINTED,
    PALETTE,
    _alike,
    _CountedNode,
    _hub,
    _network,
    _Plain,
    _qt_own,
    _view_of,
)


@pytest.fixture(autouse=True)
def _alone(qapp: QApplication) -> Iterator[None]:
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def view(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> NetworkView:
    """Zoomed in (the surroundings out of sight), settled and painted, nothing kept yet;
    a slice is one part of the work (SLICE_MS 0): what a slice does is seen step by step."""
    monkeypatch.setattr(figures, "WIDE_LINES", 20, raising=False)  # none before issue 16
    monkeypatch.setattr(figures, "WIDE_NODES", 10, raising=False)
    shown = _view_of(qtbot)
    shown.zoom(4.0)
    shown.end_gesture()
    shown.settle()
    shown.viewport().repaint()
    assert shown.frame is None or shown._frame_transform != shown.viewportTransform()
    monkeypatch.setattr(network_dock, "SLICE_MS", 0.0)
    return shown


def _scene(view: NetworkView) -> NetworkScene:
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    return scene


def _images(view: NetworkView) -> tuple[QImage, list[tuple[QImage, object]], bool]:
    assert view.frame is not None
    wide = [(picture.toImage(), transform) for picture, transform in view.wide]
    return view.frame.toImage(), wide, view._wide_whole


def test_the_idle_keeping_runs_in_slices_and_keeps_what_keeping_at_once_keeps(
    view: NetworkView,
) -> None:
    slices = 1
    view._start_keeping()  # the idle timer's call
    assert view.keeping is not None and not view.kept_all
    while view.keeping is not None:
        assert slices < 1000
        view._keep_slice()
        slices += 1
    assert view.kept_all
    assert slices > 10  # the frame, its veil, the sprites, each wide picture in parts
    sliced = _images(view)
    assert len(sliced[1]) >= 2 and sliced[2]  # up to the whole network
    view.prepare_frame()  # all at once
    assert _images(view) == sliced


def test_the_keeping_leaves_room_for_the_window_s_events(view: NetworkView, qtbot: QtBot) -> None:
    seen: list[bool] = []
    view._prepare.setInterval(0)
    with qtbot.waitSignal(view._prepare.timeout, timeout=5_000):
        view.viewport().repaint()  # the settled paint starts the idle timer
    assert view.keeping is not None  # its first slice, then the next ones by a zero timer
    # An event posted while the keeping is under way is served before it ends.
    QTimer.singleShot(0, lambda: seen.append(view.kept_all))
    qtbot.waitUntil(lambda: view.kept_all, timeout=5_000)
    assert seen == [False]
    assert view.keeping is None and view.wide and view._wide_whole


def _until_half_a_picture(view: NetworkView) -> None:
    """Keep a slice at a time until the second wide picture is half drawn."""
    view._start_keeping()
    for _ in range(1000):
        view._keep_slice()
        if len(view.wide) == 1:
            break
    view._keep_slice()
    view._keep_slice()
    assert view.keeping is not None and len(view.wide) == 1 and not view.kept_all


def _lighted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = NetworkScene.draw_light

    def draw_light(scene: NetworkScene, painter: QPainter, rects: Sequence[QRectF]) -> None:
        calls.append(len(rects))
        original(scene, painter, rects)

    monkeypatch.setattr(NetworkScene, "draw_light", draw_light)
    return calls


def test_a_gesture_drops_the_keeping_and_no_half_picture_is_shown(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = _scene(view)
    _until_half_a_picture(view)
    level = view.wide[0]
    lighted = _lighted(monkeypatch)
    view.zoom(1 / 3)  # out past the first picture, within the second's reach
    assert view.keeping is None and not view._keeps.isActive()
    assert view.wide == [level] and not view._wide_whole  # the half-drawn one not added
    view.viewport().repaint()
    assert lighted  # the margins drawn light: no picture stands in for the half-drawn one
    view.end_gesture()
    view.settle()
    view.viewport().repaint()
    view.prepare_frame()
    assert not scene.interacting and view.kept_all
    assert _images(view)[2]  # up to the whole network again


def test_a_hover_drops_the_keeping_it_starts_again_and_hovers_work_after_it(
    view: NetworkView, qtbot: QtBot
) -> None:
    scene = _scene(view)
    _until_half_a_picture(view)
    hub = _hub(scene)
    scene.set_focus(hub)
    view.viewport().repaint()  # the hover answered at once
    view._keep_slice()
    assert view.keeping is None and view._prepare.isActive()  # again once idle
    view._prepare.setInterval(0)
    qtbot.waitUntil(lambda: view.kept_all, timeout=5_000)
    kept = _images(view)
    assert view._hovered_focus == hub  # the hover's picture kept too
    view.prepare_frame()
    assert _images(view) == kept
    # A hover after it: drawn from the kept frame, the node and its links over the veil.
    transform = view.viewportTransform()
    inside = view.viewport().rect().adjusted(10, 10, -10, -10)
    other = max(
        (
            node
            for node, item in scene.nodes.items()
            if node != hub and inside.contains(transform.map(item.centre).toPoint())
        ),
        key=lambda node: len(scene._neighbours.get(node, ())),
    )
    scene.set_focus(other)
    image = view.viewport().grab().toImage()
    assert view._hovered_focus == other
    at = transform.map(scene.nodes[other].centre).toPoint()
    assert image.rect().contains(at)
    assert image.pixelColor(at) == scene.nodes[other].brush.color()
    assert image != view.frame.toImage() if view.frame is not None else False


def test_the_settled_paint_copies_the_picture_the_slices_drew(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(figures, "NodeItem", _CountedNode)
    network, positions = _network()
    scene = NetworkScene()
    scene.show_network(network, positions, PALETTE)
    view = NetworkView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    for node in scene.nodes.values():
        node.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    view._prepare.setInterval(60_000)  # nothing kept meanwhile: the settled paint itself
    view.fit()
    view.zoom(4.0)
    view.end_gesture()
    monkeypatch.setattr(network_dock, "SLICE_MS", 0.0)
    view.viewport().update()
    qtbot.waitUntil(lambda: view.settling is not None and view.settling.done, timeout=5_000)
    job = view.settling
    assert job is not None
    _PAINTED.clear()
    view.viewport().repaint()  # the settled paint: no item asked to paint again
    assert _PAINTED == [] and view.frame is None
    shown = view.viewport().grab().toImage()
    assert job.picture is not None and shown == job.picture.toImage()
    view.prepare_frame()
    assert view.frame is not None and view.frame.toImage() == shown  # the kept frame: it


def test_a_hover_before_the_view_is_idle_is_drawn_over_the_settled_picture_as_qt_draws_it(
    qtbot: QtBot,
) -> None:
    network, positions = _network()
    scene = NetworkScene()
    scene.show_network(network, positions, PALETTE)
    shown: list[NetworkView] = []
    for kind in (NetworkView, _Plain):
        made = kind(scene)
        qtbot.addWidget(made)
        made.resize(640, 480)
        made.show()
        qtbot.waitExposed(made)
        shown.append(made)
    view, plain = shown
    scene.setParent(view)
    view._prepare.setInterval(60_000)  # not kept: the settled paint draws the hover itself
    for each in shown:
        each.fit()
        each.zoom(1.7)
        each.centerOn(400, 300)
        each.end_gesture()
    assert view.viewportTransform() == plain.viewportTransform()
    view.settle()
    hub = max(
        (node_id for node_id in scene.nodes if 300 <= scene.positions[node_id][0] <= 500),
        key=lambda node_id: len(scene._neighbours.get(node_id, ())),
    )
    scene.set_focus(hub)
    image = view.viewport().grab().toImage()
    assert view.frame is None and view.settling is not None and view.settling.done
    assert _alike(image, _qt_own(plain, plain.viewport()))
