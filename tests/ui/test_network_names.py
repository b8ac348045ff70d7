"""The names in the entity network (issue 16, a new user's trial): on screen drawn over every
node, all at one size whatever the zoom; in the printed figure the bigger nodes' names win,
a name tries other places before it is left out, and the biggest few are never left out."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QGraphicsView
from pytestqt.qtbot import QtBot

from desktop.analysis.layout import place_labels
from desktop.analysis.network import Edge, Network, NetworkOptions, Node
from desktop.ui.figures import network_dock
from desktop.ui.figures.network import (
    ACROSS,
    FALLBACK_COLOURS,
    NAMES_KEPT,
    NetworkScene,
    network_scene,
)
from desktop.ui.figures.network_dock import NetworkView
from tests.io.briefing_project import build_briefing_project


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The settled edges drawn in the paint that asks for them, however long it takes (the
    view's slices are tested on their own, in test_network_zoom.py)."""
    monkeypatch.setattr(network_dock, "SLICE_MS", math.inf)


PALETTE = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}


def _scene(nodes: tuple[Node, ...], positions: dict[int, tuple[float, float]]) -> NetworkScene:
    edges = tuple(Edge(a.id, b.id, 1, 0) for a, b in pairwise(nodes))
    scene = NetworkScene()
    scene.show_network(Network(nodes, edges, NetworkOptions()), positions, PALETTE)
    return scene


def _render(scene: NetworkScene, source: QRectF, size: int = 400) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, size, size), source)
    painter.end()
    return image


def test_a_name_is_drawn_over_the_nodes_drawn_after_it(qapp: object) -> None:
    """A small node boxed in by four bigger ones: its name has no free place and goes across
    its node (the biggest few are never left out), over the bigger nodes on either side —
    which covered it, drawn after it (higher up), when nodes drew their own names."""
    small = Node(1, "اسم صغير طويل جداً جداً", "person", 1)
    big = [Node(2 + i, f"كبير {i}", "organisation", 16) for i in range(4)]
    positions = {1: (0.0, 0.0), 2: (0.0, 22.0), 3: (0.0, -30.0), 4: (45.0, 0.0), 5: (-45.0, 0.0)}
    scene = _scene((small, *big), positions)
    assert scene.named.get(1) == ACROSS  # the only place clear of the others' names
    left, top, right, bottom = scene.name_box(1, 1.0)
    beside = scene.nodes[4]
    assert beside.sceneBoundingRect().intersects(QRectF(left, top, right - left, bottom - top))
    assert beside.zValue() > scene.nodes[1].zValue()  # drawn after the small node
    # Rendered at the zoom the names were placed at: the ink of the name over the big node.
    image = _render(scene, QRectF(-200, -200, 400, 400))
    r = beside.radius - 3  # inside its outline
    dark = 0
    for x in range(245 - int(r) + 2, 245 + int(r) - 2):
        for y in range(200 - int(r) + 2, 200 + int(r) - 2):
            pixel = image.pixelColor(x, y)
            inside = (x - 245) ** 2 + (y - 200) ** 2 < r * r
            if inside and max(pixel.red(), pixel.green(), pixel.blue()) < 90:
                dark += 1
    assert dark > 10


def _grid(qtbot: QtBot) -> NetworkView:
    nodes = tuple(Node(i, f"كيان {i}", "person", 1 + (i * 7) % 23) for i in range(30))
    positions = {i: ((i % 6) * 120.0, (i // 6) * 90.0) for i in range(30)}
    scene = _scene(nodes, positions)
    view = NetworkView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    view.resize(640, 480)
    with qtbot.waitExposed(view):
        view.show()
    view.fit()
    view.end_gesture()
    return view


def _heights(view: NetworkView) -> list[float]:
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    scene.label_log = []
    view.viewport().repaint()
    drawn, scene.label_log = scene.label_log, None
    return [rect.height() for rect in drawn]


def test_every_name_is_one_size_on_screen_at_any_zoom(qtbot: QtBot) -> None:
    """The biggest nodes' names were pinned at the font's size, the others grew with the
    zoom: side by side, two sizes of names. Now every name is the label font's size."""
    view = _grid(qtbot)
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    expected = QFontMetricsF(scene.label_font).height()
    for factor in (1.0, 4.0, 0.5):
        view.zoom(factor)
        view.end_gesture()
        heights = _heights(view)
        always = [i for i, item in scene.nodes.items() if item.always and i in scene.named]
        others = [i for i, item in scene.nodes.items() if not item.always and i in scene.named]
        assert heights, factor
        assert heights == pytest.approx([expected] * len(heights), abs=1.5), factor
        if factor == 4.0:
            assert always and others  # both kinds drawn, at the same size


def test_the_printed_figure_names_every_node_of_the_briefing(qapp: object, tmp_path: Path) -> None:
    """The briefing's network left out موسكو (the second biggest: its name touched جون
    كيري's) and Russia-Now.com (under فلاديمير بوتين's): they go above or beside."""
    project, _ = build_briefing_project(tmp_path / "b.hamish")
    scene = network_scene(project)
    assert isinstance(scene, NetworkScene)
    assert set(scene.named) == set(scene.nodes)
    # every name inside the figure, none covering another
    rect = scene.itemsBoundingRect()
    boxes = [scene.name_box(i, 1.0) for i in scene.named]
    for left, top, right, bottom in boxes:
        assert rect.contains(QRectF(left, top, right - left, bottom - top))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    project.close()


def test_a_name_tries_other_places_and_the_biggest_are_never_left_out() -> None:
    first = [(0.0, 0.0, 10.0, 5.0)]
    # The second's usual place is taken: above it is free.
    second = [(5.0, 2.0, 15.0, 7.0), (5.0, -10.0, 15.0, -5.0)]
    # A place on a node is not taken while another is free.
    third = [(20.0, 0.0, 30.0, 5.0), (40.0, 0.0, 50.0, 5.0)]
    obstacles = [(19.0, -1.0, 31.0, 6.0)]
    assert place_labels([first, second, third], obstacles) == [0, 1, 1]
    # Past the first `moved`, a name takes its usual place or none (cheap for thousands) —
    # none when its usual place is on a node (it was written over the node).
    assert place_labels([first, second, third], obstacles, moved=1) == [0, None, None]
    assert place_labels([first, second, third], moved=1) == [0, None, 0]
    # Nowhere free: left out — unless among the first `keep` and clear of the names placed
    # (over a node then, the last such place: across its own); never over another name.
    crowded = [[(0.0, 0.0, 10.0, 10.0)] for _ in range(8)]
    assert place_labels(crowded) == [0] + [None] * 7
    assert place_labels(crowded, keep=NAMES_KEPT) == [0] + [None] * 7
    on_nodes = [[(0.0, 0.0, 10.0, 5.0), (0.0, 6.0, 10.0, 11.0)]]
    assert place_labels(on_nodes, [(-1.0, -1.0, 11.0, 12.0)]) == [None]
    assert place_labels(on_nodes, [(-1.0, -1.0, 11.0, 12.0)], keep=1) == [1]


def test_the_biggest_names_come_first_in_a_crowded_figure(qapp: object) -> None:
    """All in one heap: the biggest node's name is written (across its node), the others
    wait for room — none over another (the five biggest were all written, one on another)."""
    nodes = tuple(Node(i, f"كيان طويل الاسم {i}", "person", 30 - i) for i in range(12))
    positions = {i: (float(i % 2), float(i // 2)) for i in range(12)}  # all in one heap
    scene = _scene(nodes, positions)
    scene.printed = True
    scene.name_always({node.id for node in nodes})
    assert 0 in scene.named  # the biggest
    assert len(scene.named) < len(nodes)  # the others wait for room
    boxes = [scene.name_box(i, 1.0) for i in scene.named]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_the_dock_fits_the_names_too(qtbot: QtBot) -> None:
    view = _grid(qtbot)
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    scale = abs(view.transform().m11())
    for node_id in scene.named:
        left, top, right, bottom = scene.nodes[node_id].name_boxes(scale)[scene.named[node_id]]
        assert seen.contains(QRectF(left, top, right - left, bottom - top)), node_id
    assert isinstance(view, QGraphicsView)


def _darkest(view: NetworkView, image: QImage, node_id: int, place: int) -> int:
    """The darkest channel of the darkest pixel where ``node_id``'s name goes."""
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    scale = abs(view.transform().m11())
    left, top, right, bottom = scene.nodes[node_id].name_boxes(scale)[place]
    box = view.viewportTransform().mapRect(QRectF(left, top, right - left, bottom - top))
    area = box.toAlignedRect() & image.rect()
    assert not area.isEmpty()
    return min(
        max(colour.red(), colour.green(), colour.blue())
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
        for colour in (image.pixelColor(x, y),)
    )


def test_a_hover_names_its_node_and_neighbours_over_the_veil(qtbot: QtBot) -> None:
    """The hover's overlay (over the kept frame, no item changed) veils every name drawn over
    the nodes, then draws the hovered node's and its neighbours' again, in ink: readable, the
    others faint."""
    view = _grid(qtbot)
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    view.viewport().repaint()
    view.prepare_frame()
    named = dict(scene.named)
    hub = 14  # linked to 13 and 15 (a chain)
    neighbours = [n for n in (13, 15) if n in named]
    others = [n for n in named if n not in (13, 14, 15)]
    assert neighbours and others
    scene.set_focus(hub)
    image = view.viewport().grab().toImage()
    assert view._hovered_focus == hub  # the overlay over the kept frame
    assert _darkest(view, image, hub, named.get(hub, 0)) < 100
    for node_id in neighbours:
        assert _darkest(view, image, node_id, named[node_id]) < 100, node_id
    for node_id in others:
        assert _darkest(view, image, node_id, named[node_id]) > 150, node_id
    scene.set_focus(None)
    image = view.viewport().grab().toImage()
    assert all(_darkest(view, image, node_id, named[node_id]) < 100 for node_id in others)


def test_the_placed_name_box_is_the_place_offered_for_it(qapp: object, tmp_path: Path) -> None:
    """A name's box is made alone where the paint reads it (``NodeItem.placed_box``): the
    same numbers as the place chosen among the 13 offered (``name_boxes``), for every place,
    at any zoom, on screen and printed — the sample network's names drawn where they were."""
    project, _ = build_briefing_project(tmp_path / "b.hamish")
    printed = network_scene(project)
    project.close()
    assert isinstance(printed, NetworkScene)
    nodes = tuple(Node(i, f"كيان {i} Entity", "person", 1 + (i * 7) % 23) for i in range(30))
    screen = _scene(nodes, {i: ((i % 6) * 120.0, (i // 6) * 90.0) for i in range(30)})
    for scene, scales in ((printed, (None,)), (screen, (0.37, 1.0, 4.0, 16.3))):
        for item in scene.nodes.values():
            for scale in scales:
                offered = item.name_boxes(scale)
                assert len(offered) == ACROSS + 5
                for place, box in enumerate(offered):
                    assert item.placed_box(scale, place) == box
    # Drawn: each name's corner where the 13 boxes put it (the old paint's computation).
    source = QRectF(-60, -60, 400, 400)
    scale = 800 / source.width()
    screen.place_names(scale)
    screen.label_log = []
    _render(screen, source, 800)
    drawn, screen.label_log = screen.label_log, None
    expected = []
    for item in screen._stacked:
        place = screen.named.get(item.node.id)
        if place is not None:
            left, top, _, _ = item.name_boxes(scale)[place]
            expected.append(((left - source.left()) * scale, (top - source.top()) * scale))
    corners = [(rect.left(), rect.top()) for rect in drawn]
    assert len(corners) > 10
    for x, y in corners:  # those reaching the picture
        assert any(abs(x - a) < 1e-6 and abs(y - b) < 1e-6 for a, b in expected), (x, y)


def test_a_paint_builds_no_name_boxes_when_nothing_changed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each paint built every drawn name's 13 boxes to read the one placed: now a name's box
    is kept and made again only when the zoom, its place or its node's position changed."""
    from desktop.ui.figures.network import NodeItem

    built = {"offered": 0, "alone": 0}
    offered, alone = NodeItem.name_boxes, NodeItem._box

    def counted_offered(item: NodeItem, scale: float | None) -> list[tuple[float, ...]]:
        built["offered"] += 1
        return offered(item, scale)  # type: ignore[return-value]

    def counted_alone(item: NodeItem, scale: float | None, place: int) -> tuple[float, ...]:
        built["alone"] += 1
        return alone(item, scale, place)

    monkeypatch.setattr(NodeItem, "name_boxes", counted_offered)
    monkeypatch.setattr(NodeItem, "_box", counted_alone)
    view = _grid(qtbot)
    scene = view.scene()
    assert isinstance(scene, NetworkScene)
    source = view.mapToScene(view.viewport().rect()).boundingRect()
    size = int(source.width())

    def render() -> int:
        scene.label_log = []
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, size, size), QRectF(source.topLeft(), source.size()))
        painter.end()
        drawn, scene.label_log = scene.label_log, None
        return len(drawn)

    scene.place_names(1.0)
    assert render() > 5
    built.update(offered=0, alone=0)
    assert render() > 5  # the same names drawn again, nothing changed
    assert built == {"offered": 0, "alone": 0}
    # A gesture's frame at the same zoom (a pan) reads the kept boxes too.
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 20)
    view.viewport().repaint()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - 20)
    view.viewport().repaint()
    view.end_gesture()
    assert built["offered"] == 0


def test_the_settled_zooms_names_outlive_the_other_zooms_placed(qapp: object) -> None:
    """The names placed at many zooms (the idle keeping's eight zooms out, the gestures')
    emptied the cache of placements, the settled zoom's too: the next gesture's end placed
    them all again, 80 ms of one slice zoomed in 16× on 2,000 nodes."""
    nodes = tuple(Node(i, f"كيان {i}", "person", 1 + (i * 7) % 23) for i in range(30))
    scene = _scene(nodes, {i: ((i % 6) * 120.0, (i // 6) * 90.0) for i in range(30)})
    scene.view_scaled(3.0)
    settled = scene.names_at(3.0)
    for step in range(40):
        scene.names_at(3.0 / 2 ** (step % 8 + 1) + step / 1000)
    assert scene.names_at(3.0) is settled  # kept, not placed again
