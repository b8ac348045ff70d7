"""A zoom out of the entity network (issue 16): its frames are made of pictures of the settled
view's surroundings kept when idle, each twice as wide as the last, the names drawn over them
at the label font's size — no margin drawn light (26 ms a frame zoomed in on 20,000 edges)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.analysis.layout import Labels
from desktop.analysis.network import Node
from desktop.ui.figures import network_dock
from desktop.ui.figures.network import NetworkScene, NodeItem
from desktop.ui.figures.network_dock import NetworkView
from tests.ui.test_network_zoom import PALETTE, _view_of


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The settled edges drawn in the paint that asks for them, however long it takes (the
    view's slices are tested on their own, in test_network_zoom.py)."""
    monkeypatch.setattr(network_dock, "SLICE_MS", math.inf)


@pytest.fixture(autouse=True)
def _alone(qapp: QApplication) -> Iterator[None]:
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def view(qtbot: QtBot) -> NetworkView:
    shown = _view_of(qtbot)
    shown.zoom(4.0)  # zoomed in: the nodes around the window are out of sight
    shown.end_gesture()
    shown.viewport().repaint()
    shown.prepare_frame()  # as the idle view does
    return shown


def _scene(view: NetworkView) -> NetworkScene:
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    return scene


def _lighted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the margins drawn light (``NetworkScene.draw_light``, a Python method)."""
    calls: list[int] = []
    original = NetworkScene.draw_light

    def draw_light(scene: NetworkScene, painter: QPainter, rects: Sequence[QRectF]) -> None:
        calls.append(len(rects))
        original(scene, painter, rects)

    monkeypatch.setattr(NetworkScene, "draw_light", draw_light)
    return calls


def test_the_idle_view_keeps_its_surroundings_up_to_the_whole_network(view: NetworkView) -> None:
    scene = _scene(view)
    assert view.frame is not None and view.wide
    scales = [transform.m11() for _, transform in view.wide]
    settled = view.viewportTransform().m11()
    assert scales == pytest.approx([settled / 2 ** (i + 1) for i in range(len(scales))])
    for picture, _ in view.wide:  # each the window's size in pixels
        assert picture.size() == view.frame.size()
    widest, transform = view.wide[-1]
    inverse, _ok = transform.inverted()
    drawn = inverse.mapRect(QRectF(QPointF(0, 0), widest.deviceIndependentSize()))
    assert drawn.contains(scene.itemsBoundingRect())


def test_a_zoom_out_draws_no_margin_light_and_shows_the_nodes_there(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = _scene(view)
    lighted = _lighted(monkeypatch)
    settled = view.viewportTransform()
    for _ in range(6):
        view.zoom(1 / 1.25)  # 3.8× out: beyond the first picture
        scene.drawn_edges = 0
        view.viewport().repaint()
        assert scene.drawn_edges == 0
    assert scene.interacting
    assert lighted == []
    image = view.viewport().grab().toImage()
    # The nodes that were out of the settled frame's sight are drawn, each in its colour.
    transform = view.viewportTransform()
    before = QRectF(view.viewport().rect())
    margin = [
        (item, transform.map(item.centre).toPoint())
        for item in scene.nodes.values()
        if image.rect().contains(transform.map(item.centre).toPoint())
        and not before.contains(settled.map(item.centre))
    ]
    coloured = [item for item, at in margin if image.pixelColor(at) == item.brush.color()]
    assert margin and len(coloured) >= len(margin) / 2
    view.end_gesture()  # and once it ends, every edge again
    scene.drawn_edges = 0
    for tile in scene.edge_items:
        tile.setCacheMode(tile.CacheMode.NoCache)
    view.viewport().repaint()
    assert scene.network is not None and scene.drawn_edges == len(scene.network.edges)


def test_zoomed_out_past_the_whole_network_it_is_still_drawn_from_the_pictures(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    lighted = _lighted(monkeypatch)
    for _ in range(4):
        view.zoom(1 / 4)
        view.viewport().repaint()
    assert lighted == []


def test_the_names_over_the_pictures_are_as_big_as_always_and_where_placed(
    view: NetworkView,
) -> None:
    scene = _scene(view)
    view.zoom(1 / 1.5)
    scene.label_log = []
    view.viewport().repaint()
    drawn, scene.label_log = scene.label_log, None
    assert drawn
    scale = view.viewportTransform().m11()
    level = max(t.m11() for _, t in view.wide if t.m11() <= scale)
    transform = view.viewportTransform()
    expected = {}
    for node_id, place in scene.names_at(level).items():
        item = scene.nodes[node_id]
        left, top, _, _ = item.name_boxes(scale)[place]
        corner = transform.map(QPointF(left, top))
        expected[(round(corner.x(), 3), round(corner.y(), 3))] = item
    for box in drawn:
        item = expected[(round(box.left(), 3), round(box.top(), 3))]
        assert box.width() == pytest.approx(item.text_width)  # not grown with the picture
        assert box.height() == pytest.approx(item.text_height)


def test_a_hover_s_gesture_still_draws_its_margins(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pictures have no hover's overlay: with a node hovered, the margins are drawn light.
    scene = _scene(view)
    lighted = _lighted(monkeypatch)
    scene.set_focus(next(iter(scene.nodes)))
    view.zoom(1 / 1.5)
    view.viewport().repaint()
    assert lighted


def test_labels_are_found_where_the_nodes_place_them(qapp: QApplication) -> None:
    scene = NetworkScene()
    items = []
    for place in range(4):
        item = NodeItem(
            Node(place, f"اسم {place}", "person", 5 + place),
            PALETTE["person"],
            scene.label_font,
            True,
        )
        item.x_y = (100.0 * place, 50.0 - 10 * place)
        items.append((item, place))
    labels = Labels([(*i.x_y, i.radius, i.text_width, i.text_height, place) for i, place in items])
    scale, dx, dy = 2.5, 30.0, -12.0
    found, corners = labels.on_screen(scale, dx, dy, (-1e6, -1e6, 1e6, 1e6))
    assert found == [0, 1, 2, 3]
    for (item, place), (x, y) in zip(items, corners, strict=True):
        left, top, _, _ = item.name_boxes(scale)[place]
        assert (x, y) == pytest.approx((left * scale + dx, top * scale + dy))
    # Those out of the window, and those reaching the rectangle to skip, are left out.
    x, y = corners[1]
    assert labels.on_screen(scale, dx, dy, (x - 1, y - 1, x + 1, y + 1))[0] == [1]
    skip = (x - 1, y - 1, x + 1, y + 1)
    assert 1 not in labels.on_screen(scale, dx, dy, (-1e6, -1e6, 1e6, 1e6), skip)[0]


def _light_widths(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    widths: list[float] = []
    original = NetworkScene.draw_light

    def draw_light(scene: NetworkScene, painter: QPainter, rects: Sequence[QRectF]) -> None:
        widths.append(sum(painter.worldTransform().mapRect(rect).width() for rect in rects))
        original(scene, painter, rects)

    monkeypatch.setattr(NetworkScene, "draw_light", draw_light)
    return widths


def test_a_gesture_right_after_another_starts_from_the_pictures_kept(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    widths = _light_widths(monkeypatch)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    view.end_gesture()
    view.viewport().repaint()  # settled: Qt's own paint, the idle view's not kept yet
    assert view._prepare.isActive()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    # Only the strips the settled frame leaves (30, then 60 pixels: the last gesture's
    # frame is not kept), not the whole window (640 pixels) drawn light.
    assert widths == pytest.approx([30, 60], abs=1)


def test_an_edit_drops_the_pictures_kept(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = _scene(view)
    assert scene.network is not None
    network = scene.network
    first = network.nodes[0]
    changed = type(network)(
        (Node(first.id, first.name, first.type, first.mentions + 1), *network.nodes[1:]),
        network.edges,
        network.options,
    )
    scene.update_network(changed, scene.positions, PALETTE)
    view.viewport().repaint()
    assert view.frame is None and view.wide == [] and view.composite is None
    widths = _light_widths(monkeypatch)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    assert widths == pytest.approx([view.viewport().width()], abs=1)  # all of it again


def test_a_picture_kept_without_the_hover_is_not_shown_with_it(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = _scene(view)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()  # the gesture's frame kept, without a hover's veil
    view.end_gesture()
    view.viewport().repaint()
    scene.set_focus(next(iter(scene.nodes)))  # hovered before the view was idle
    view.viewport().repaint()
    widths = _light_widths(monkeypatch)
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    # No picture of the hover kept: the whole window drawn light, veiled.
    assert widths == pytest.approx([view.viewport().width()], abs=1)


def _zoomed_then_ended(view: NetworkView, factor: float) -> None:
    view.zoom(factor)
    view.viewport().repaint()
    view.zoom(factor)
    view.viewport().repaint()  # a frame of the gesture kept, at this zoom
    view.end_gesture()
    view.viewport().repaint()  # settled: Qt's own paint, the idle view's not kept yet


def test_a_gesture_after_a_zoom_in_shows_no_picture_of_another_zoom(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    _zoomed_then_ended(view, 1.5)
    assert view.composite is None
    widths = _light_widths(monkeypatch)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    # The settled frame, 2.25 times as big, would be blurred the whole gesture: the whole
    # window drawn light.
    assert widths == pytest.approx([view.viewport().width()], abs=1)


def test_a_gesture_after_a_zoom_out_starts_from_the_wide_pictures(
    view: NetworkView, monkeypatch: pytest.MonkeyPatch
) -> None:
    _zoomed_then_ended(view, 1 / 1.5)
    assert view.composite is None and view.wide
    widths = _light_widths(monkeypatch)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 30)
    view.viewport().repaint()
    assert widths == []  # the pictures of the surroundings, nothing drawn light
