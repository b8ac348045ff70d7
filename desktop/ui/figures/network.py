"""The entity network drawn with Qt: a ``QGraphicsScene`` whose labels Qt's text engine shapes
(Arabic joins and runs right to left), for the Network dock and as a figure of the briefing.

Drawn for 2,000 nodes and 20,000 edges: the edges are a handful of path items — one per
width (a bucket of weights) and kind, each path built once — not an item per edge; a node is
one light item that draws its shape; the scene draws the names over every node, those that
have room at the zoom (level of detail), all at one size on screen. A click on an edge is
found by distance to the segments, not by an item.

``network_scene(project, options)`` is a laid-out, finished scene on white with a legend of
the types, usable with an offscreen ``QGuiApplication``; ``briefing_scene(project, rtl)`` is
what the Word briefing calls.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRect, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.analysis.layout import Box, Boxes, Labels, Segments
    from desktop.io.exporters.report import FigureScope

from desktop.analysis.network import (
    Edge,
    Network,
    NetworkIndex,
    NetworkOptions,
    Node,
    node_radius,
)
from desktop.core.controls import clean_line, visible
from desktop.core.models import ENTITY_TYPES
from desktop.store.network import NetworkReads
from desktop.store.project import Project
from desktop.ui.figures.canvas import PAPER, Canvas
from desktop.ui.figures.export import (
    BRIEFING_PAPER,
    MARGIN_PT,
    NAME_PT,
    SMALL_PT,
    Paper,
    set_in_points,
)

Point = tuple[float, float]

FALLBACK_COLOURS = {
    "person": "#f4a261",
    "organisation": "#74b9e0",
    "location": "#8cc084",
    "event": "#f2c94c",
    "other": "#9aa5a8",
}
"""The default labels' colours, for a type whose label the analyst removed."""
SHAPES = {
    "person": "circle",
    "organisation": "square",
    "location": "triangle",
    "event": "diamond",
    "other": "hexagon",
}
CLAIM_COLOUR = PAPER.claim_edge
ARROW = 5.0
"""Half the length of a claim edge's arrowhead: pixels on screen, points in a figure."""
EDGE_COLOUR = PAPER.edge
HIGHLIGHT_COLOUR = "#1f6feb"
WIDTHS = ((1, 0.8), (2, 1.2), (4, 1.7), (8, 2.3), (10**9, 3.0))
"""Edge width (pixels on screen) for weights up to each bound."""
CLIP_ZOOM = 1.5
"""From this zoom on, a tile draws only the parts of its lines in sight."""
ALIASED_LINES = 400
"""A tile with more lines than this is drawn without antialiasing."""
TILES = 12
"""The edges are drawn in a grid of TILES × TILES items."""
LABEL_CHARS = 40
LABEL_ALWAYS = 12
"""The biggest nodes whose names are always shown; the others' from a zoom where they fit."""
FIGURE_NAMES = 60
"""The names a printed figure shows (the biggest nodes'): more would cover each other."""
LABEL_SCREEN_RADIUS = 7.0
"""A node's name shows once it is this many pixels wide on screen."""
GESTURE_EDGES = 600
"""While the view is zoomed or panned, at most this many edges are drawn a frame: the
strongest crossing the window (the whole set once the gesture ends)."""
WIDE_LINES = 500
"""The edges a picture of the settled view's surroundings draws in one part (``drawing_wide``;
opaque and unantialiased, about 1 ms)."""
WIDE_NODES = 250
"""The nodes it draws in one part (about 2 ms)."""
SPRITE_NODES = 200
"""The nodes drawn ready for a hover's overlay in one part (``keeping_sprites``; smooth
shapes, about 5 ms)."""
NODE_CACHE_ZOOM = 4.0
"""Beyond this zoom the nodes are drawn directly: their cached pictures, big on screen,
overflow Qt's picture cache and were drawn twice a frame (into the cache, then copied)."""
DIM_ALPHA = 0.8
"""Hovering a node veils the rest of the network with white this opaque."""
SPRITE_PIXELS = 4_000_000
"""The most pixels the nodes in sight may cover, drawn ready for a hover's overlay: more
(zoomed in) and the overlay draws its few nodes in sight itself."""
NAMES_KEPT = 5
"""The biggest nodes whose names are left out only where every place is on another name."""
NAMES_MOVED = 200
"""The names (of the biggest nodes offered one) that try other places than below their node
before they are left out: every name of the biggest 2,000-node network at once cost 110 ms
a zoom, these 30 ms."""
ACROSS = 8
"""The place (``NodeItem.name_boxes``) across the node: only the NAMES_KEPT biggest's names
and those of nodes big enough (``NodeItem.roomy``) go there, where no place beside them is
free (a small node would be hidden by its name)."""
FARTHER = range(ACROSS + 1, ACROSS + 5)
"""The places a line farther from the node (``NodeItem.name_boxes``): tried by the
NAMES_KEPT biggest's names before they go across their own node or over another — in the
accepted sample's briefing figure four of the five biggest names lay over other nodes
(لافروف over موسكو) where a line lower was free."""
NEAR_ORDER = tuple(range(ACROSS + 1))
KEPT_ORDER = (*range(ACROSS), *FARTHER, ACROSS)
NAME_ZOOMS = 17
"""The zooms whose names (and their ``Labels``) are kept: the settled one, the idle
keeping's eight zooms out and the last few gestures'."""
NAME_PAD = 3.0
"""The room kept around a name (pixels of an 11-pixel label font; as much in proportion in
a printed figure): no other name comes nearer."""


def colours(project: Project) -> dict[str, QColor]:
    """Entity type → the colour of the entity label of that key (the analyst's colours)."""
    found = {type_: QColor(value) for type_, value in FALLBACK_COLOURS.items()}
    for label in project.labels.all():
        if label.kind == "entity" and label.key in found and QColor.isValidColorName(label.color):
            found[label.key] = QColor(label.color)
    return found


def label_text(name: str) -> str:
    """A name as a node's label: one line, no control characters, at most 40 characters;
    "?" for a name with nothing one can see (only direction marks or joiners, stored in a
    hand-made project: the node was drawn without a label)."""
    text = " ".join(clean_line(name).split())
    if len(text) > LABEL_CHARS:
        text = text[: LABEL_CHARS - 1].rstrip() + "…"
    return text if visible(text) else "?"


def radius(mentions: int) -> float:
    return node_radius(mentions)


def shape_path(shape: str, r: float) -> QPainterPath:
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), r, r)
        return path
    if shape == "square":
        side = r * 0.9
        path.addRect(QRectF(-side, -side, 2 * side, 2 * side))
        return path
    corners = {"triangle": 3, "diamond": 4, "hexagon": 6}.get(shape, 6)
    turn = -math.pi / 2
    points = [
        QPointF(
            r * math.cos(turn + 2 * math.pi * i / corners),
            r * math.sin(turn + 2 * math.pi * i / corners),
        )
        for i in range(corners)
    ]
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path


def _width(weight: int) -> float:
    return next(width for bound, width in WIDTHS if weight <= bound)


Cell = tuple[int, int]
"""An edge tile's place in the grid of tiles."""
EdgeRow = tuple[int, int, int, int]
"""An edge as source, target, co-occurrences and claims."""


def _always(network: Network) -> set[int]:
    """The nodes whose names are always shown: the biggest."""
    biggest = sorted(network.nodes, key=lambda n: (-n.mentions, n.id))[:LABEL_ALWAYS]
    return {node.id for node in biggest}


class NodeItem(QGraphicsItem):
    """One entity: its shape in its type's colour, and its name when there is room."""

    def __init__(
        self, node: Node, colour: QColor, font: QFont, always: bool, size: float = 1.0
    ) -> None:
        super().__init__()
        self.node = node
        self.radius = radius(node.mentions) * size  # size: a printed figure's, shrunk with it
        self.path = shape_path(SHAPES.get(node.type, "hexagon"), self.radius)
        self.brush = QBrush(colour)
        self.pen = QPen(colour.darker(160), max(0.25, min(1.0, size)))
        self.light_pen = QPen(colour.darker(160), 0)
        """The outline in a gesture's frame: one pixel wide (a pen the zoom widens costs a
        third of the nodes' time)."""
        self.light_pen.setCosmetic(True)
        self.text = label_text(node.name)
        self.font = font
        self.always = always
        # As drawn: the advance of the shaped string, or its glyphs' reach when wider — an
        # Arabic name is drawn in a fallback family, whose glyphs may reach past the advance
        # or above the label font's line.
        metrics = QFontMetricsF(font)
        reach = metrics.boundingRect(self.text)
        self.text_width = max(metrics.horizontalAdvance(self.text), reach.width())
        self.text_height = max(metrics.height(), reach.height())
        self.static: QStaticText | None = None
        self._outline: QPolygonF | None = None
        self.centre = QPointF()
        """Where it is in the scene (``pos()``, kept for the gesture frames' loops)."""
        self.x_y = (0.0, 0.0)
        """The same as plain numbers (placing the names reads them thousands of times)."""
        self._placed: tuple[tuple[float | None, int, Point], Box] | None = None
        """The box its name was last drawn in, with what it was made from (``placed_box``)."""
        # The shape only: the name is drawn by the scene, over every node (drawForeground).
        edge = self.radius + 1
        self._bounds = QRectF(-edge, -edge, 2 * edge, 2 * edge)
        self.setAcceptHoverEvents(True)
        self.setZValue(2 + min(node.mentions, 10_000) / 10_000)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Drawn once into a picture and copied while the view pans.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self.path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene) and scene.interacting:
            # Sharp edges while zoomed or panned (a third of the cost); smooth once it ends.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            scene.rough.add(self)
        painter.setPen(self.pen)
        painter.setBrush(self.brush)
        painter.drawPath(self.path)

    def shaped(self) -> QStaticText:
        """The name laid out (shaped) once, drawn many times."""
        if self.static is None:
            self.static = QStaticText(self.text)
            self.static.setTextFormat(Qt.TextFormat.PlainText)
            self.static.prepare(QTransform(), self.font)
        return self.static

    def wants_name(self, scale: float) -> bool:
        """Whether the name is offered at this zoom (drawn if it overlaps no bigger node's)."""
        return self.always or scale * self.radius >= LABEL_SCREEN_RADIUS

    def name_boxes(self, scale: float | None) -> list[Box]:
        """Where its name may go, in scene units (left, top, right, bottom), the usual place
        first: below the node, above it, on its right, on its left, then past its corners
        (below right, below left, above right, above left: in a dense cluster the four
        sides are often all on other nodes), then across the node itself (for the biggest,
        ``ACROSS``: their names must be written somewhere). ``scale``: the view's zoom —
        on screen every name is as big as the label font whatever the zoom, so it covers
        less of the scene zoomed in —; None for a printed figure, whose names are scene
        units (points: the figure is fitted around them, ``figure_scene``)."""
        x, y, width, height, gap, r, right, left, below, above = self._frame(scale)
        return [
            (x - width / 2, below, x + width / 2, below + height),
            (x - width / 2, above, x + width / 2, above + height),
            (x + r + 2 * gap, y - height / 2, x + r + 2 * gap + width, y + height / 2),
            (x - r - 2 * gap - width, y - height / 2, x - r - 2 * gap, y + height / 2),
            (right, below, right + width, below + height),
            (left, below, left + width, below + height),
            (right, above, right + width, above + height),
            (left, above, left + width, above + height),
            (x - width / 2, y - height / 2, x + width / 2, y + height / 2),
            # A line farther (FARTHER): below, above, then past the lower corners.
            (x - width / 2, below + height, x + width / 2, below + 2 * height),
            (x - width / 2, above - height, x + width / 2, above),
            (right, below + height, right + width, below + 2 * height),
            (left, below + height, left + width, below + 2 * height),
        ]

    def _frame(self, scale: float | None) -> tuple[float, ...]:
        """What every box of the name is made of at ``scale``: the node's middle, the text's
        size and the gap in scene units, the radius, and the edges beside, below and above."""
        x, y = self.x_y
        if scale is None:
            width, height, gap = self.text_width, self.text_height, 1.0
        else:
            width, height, gap = self.text_width / scale, self.text_height / scale, 1 / scale
        r = self.radius
        right, left = x + r + gap, x - r - gap - width
        below, above = y + r + gap, y - r - gap - height
        return x, y, width, height, gap, r, right, left, below, above

    def placed_box(self, scale: float | None, place: int) -> Box:
        """``name_boxes(scale)[place]``: the box a paint draws the name in, kept with the
        zoom, the place and the node's position it was made from and made again (alone)
        only when one of them changed — the text's size, the font's, is the item's own.
        Each paint built the 13 boxes of each name drawn to read the one placed."""
        made = (scale, place, self.x_y)
        kept = self._placed
        if kept is not None and kept[0] == made:
            return kept[1]
        box = self._box(scale, place)
        self._placed = (made, box)
        return box

    def _box(self, scale: float | None, place: int) -> Box:
        """The box of ``name_boxes`` at ``place``, made alone (the same arithmetic)."""
        x, y, width, height, gap, r, right, left, below, above = self._frame(scale)
        if place == 0:
            return (x - width / 2, below, x + width / 2, below + height)
        if place == 1:
            return (x - width / 2, above, x + width / 2, above + height)
        if place == 2:
            return (x + r + 2 * gap, y - height / 2, x + r + 2 * gap + width, y + height / 2)
        if place == 3:
            return (x - r - 2 * gap - width, y - height / 2, x - r - 2 * gap, y + height / 2)
        if place < ACROSS:
            side = right if place in (4, 6) else left
            level = below if place in (4, 5) else above
            return (side, level, side + width, level + height)
        if place == ACROSS:
            return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
        if place == ACROSS + 1:
            return (x - width / 2, below + height, x + width / 2, below + 2 * height)
        if place == ACROSS + 2:
            return (x - width / 2, above - height, x + width / 2, above)
        side = right if place == ACROSS + 3 else left
        return (side, below + height, side + width, below + 2 * height)

    def roomy(self, scale: float) -> bool:
        """Whether its name may be written across it at zoom ``scale``: the node is at least
        two lines of the name high, so it still shows above and below its name."""
        return self.radius * scale >= self.text_height

    def outline(self) -> QPolygonF | None:
        """The shape in scene units, as a polygon (None for a circle): for the light
        drawing of gestures, which draws many nodes without their items."""
        if self._outline is None and SHAPES.get(self.node.type, "hexagon") != "circle":
            polygon = self.path.toFillPolygon()
            polygon.translate(self.centre)
            self._outline = polygon
        return self._outline

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.set_focus(self.node.id)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene) and scene.focus_id == self.node.id:
            scene.set_focus(None)
        super().hoverLeaveEvent(event)


class EdgeTile(QGraphicsItem):
    """Some of the network's edges (those whose middle falls in one cell of a grid), drawn
    as lines — one ``drawLines`` call per width and kind — with cosmetic pens: as wide on
    screen at any zoom, and cheap to clip (a thick pen scaled up twentyfold made Qt stroke
    areas far outside the window, seconds per frame)."""

    def __init__(
        self,
        groups: dict[tuple[bool, float], list[QLineF]],
        *,
        cosmetic: bool = True,
        canvas: Canvas = PAPER,
    ) -> None:
        super().__init__()
        from desktop.analysis.layout import Segments

        self.groups: list[tuple[QPen, list[QLineF], Segments]] = []
        xs: list[float] = []
        ys: list[float] = []
        for (claim, width), lines in sorted(groups.items()):
            colour = QColor(canvas.claim_edge if claim else canvas.edge)
            colour.setAlphaF(0.8 if claim else 0.5)
            pen = QPen(colour, width)
            pen.setCosmetic(cosmetic)  # a printed figure's edges scale with it
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            coords = [(line.x1(), line.y1(), line.x2(), line.y2()) for line in lines]
            self.groups.append((pen, lines, Segments(coords)))
            for x1, y1, x2, y2 in coords:
                xs += (x1, x2)
                ys += (y1, y2)
        self._bounds = QRectF(
            min(xs) - 3, min(ys) - 3, max(xs) - min(xs) + 6, max(ys) - min(ys) + 6
        )
        self.setZValue(1 if any(claim for claim, _ in groups) else 0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene) and (scene.interacting or scene.edges_by_view):
            # The scene's background draws the strongest edges during a gesture; a
            # ``NetworkView`` draws the settled edges itself, in slices (``planned``).
            return
        device = painter.device()
        size = (device.width(), device.height()) if device is not None else None
        smooth, drawn = self.planned(painter.worldTransform(), size, option.exposedRect)
        if not smooth:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in drawn:
            painter.setPen(pen)
            painter.drawLines(lines)
            if isinstance(scene, NetworkScene):
                scene.drawn_edges += len(lines)

    def planned(
        self, transform: QTransform, device: tuple[int, int] | None, shown: QRectF
    ) -> tuple[bool, list[tuple[QPen, list[QLineF]]]]:
        """What ``paint`` draws through ``transform`` on a device ``device`` pixels wide and
        high, ``shown`` (item units) exposed: whether antialiased, and each pen's lines —
        zoomed in, only the parts in sight."""
        smooth, area = self.clip_area(transform, device, shown)
        if area is None:
            return smooth, [(pen, lines) for pen, lines, _ in self.groups]
        drawn = []
        for pen, _lines, segments in self.groups:
            cut = segments.clipped(area.left(), area.top(), area.right(), area.bottom())
            drawn.append((pen, [QLineF(*c) for c in cut]))
        return smooth, drawn

    def clip_area(
        self, transform: QTransform, device: tuple[int, int] | None, shown: QRectF
    ) -> tuple[bool, QRectF | None]:
        """Whether ``planned`` draws antialiased, and the rectangle (item units) it cuts
        the lines to — None when it draws them whole (zoomed out): a view drawing them
        in slices cuts each group itself, between two slices (``Segments.cut``)."""
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(transform)
        clip = lod > CLIP_ZOOM and not shown.isEmpty()
        # Antialiased lines cost three times as much; zoomed in, the lines crossing the
        # window are long, and there may be thousands of them.
        smooth = not clip and sum(len(lines) for _, lines, _ in self.groups) <= ALIASED_LINES
        if not clip:
            return smooth, None
        # What the painter can reach: Qt's exposed rectangle alone may be far larger.
        inverse, invertible = transform.inverted()
        if device is not None and invertible:
            shown = shown.intersected(inverse.mapRect(QRectF(0, 0, device[0], device[1])))
        margin = 8 / lod
        return smooth, shown.adjusted(-margin, -margin, margin, margin)


def _trim(kept: dict[float, Any], settled: float) -> None:
    """Make room in a cache by zoom for one more: the oldest dropped but the settled zoom's.
    Emptied whole, it lost the settled zoom's names once the idle keeping had placed them at
    its eight zooms out, and the next gesture's end placed them again (80 ms zoomed in 16×,
    one slice of the settling)."""
    while len(kept) >= NAME_ZOOMS:
        del kept[next(key for key in kept if key != settled)]


def _draw_shapes(painter: QPainter, items: list[NodeItem]) -> None:
    """The nodes' shapes, light (no cached picture), their pen and brush set once for each
    run of nodes of one type: the settled frame's nodes and the wide pictures' parts."""
    brush = None
    for item in items:
        if item.brush is not brush:
            brush = item.brush
            painter.setBrush(brush)
            painter.setPen(item.light_pen)
        outline = item.outline()
        if outline is None:
            painter.drawEllipse(item.centre, item.radius, item.radius)
        else:
            painter.drawPolygon(outline)


class NetworkScene(QGraphicsScene):
    """The network's items. ``node_clicked(entity id)``; ``edge_clicked(a, b)``."""

    node_clicked = Signal(int)
    edge_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.network: Network | None = None
        self.positions: dict[int, Point] = {}
        self.nodes: dict[int, NodeItem] = {}
        self.focus_id: int | None = None
        self._neighbours: dict[int, set[int]] = {}
        self._focus_set: set[int] = set()
        self._focus_lines: list[QPointF] = []
        """The hovered node's links as pairs of ends, drawn over the veil (``draw_focus``)."""
        self._focus_items: list[NodeItem] = []
        """The hovered node and its neighbours, in the order Qt draws them."""
        self._order: dict[int, int] = {}
        """Node id → its place in ``_stacked``."""
        self.revision = 0
        """Counts the changes to what the scene draws without a hover (the view's kept
        picture of it is current while this is unchanged)."""
        self.edition = 0
        self._arrows_for = -1  # the edition ``_arrows`` were gathered for
        self._arrows: list[tuple[float, float, float, float]] = []
        """Counts the changes to the network shown — not to the zoom, the names placed for
        it, or the gesture: a picture of it kept through a transform shows it through that
        transform while this is unchanged."""
        self.bare = False
        """Drawn without the hover's overlay (the picture a view keeps)."""
        self.edges_by_view = False
        """The edge tiles do not paint: a ``NetworkView`` draws the settled edges itself, a
        slice at a time, into a picture (``EdgeTile.planned``; ``view_draws_edges``)."""
        self._sprites: _Sprites | None = None
        self.edge_items: list[EdgeTile] = []
        self._tiles: dict[Cell, EdgeTile] = {}
        self._tile_groups: dict[Cell, dict[tuple[bool, float], list[QLineF]]] = {}
        self._unranked: Sequence[Edge] | None = None  # edges changed since last ranked
        self._edge_rows: set[EdgeRow] | None = None  # the edges shown, as tuples
        self._grid: tuple[float, float, float] | None = None  # the tiles' left, top, size
        self._palette: dict[str, QColor] = {}
        self.remade: set[int] = set()
        """The nodes whose items the last drawing made (``update_network``: only those whose
        size, name, type or position changed)."""
        self.remade_tiles = 0
        """The edge tiles the last drawing made."""
        self.interacting = False
        """A zoom or pan is under way: the tiles are hidden and the background draws only
        the GESTURE_EDGES strongest edges in sight (``set_interacting``)."""
        self.gesture_budget = GESTURE_EDGES
        """The edges the next gesture frame may draw (a view drawing it in parts shares it)."""
        self.rough: set[NodeItem] = set()
        """Nodes drawn without antialiasing during the gesture: drawn again at its end."""
        self.drawn_edges = 0
        """Edges drawn since it was last set to 0 (what the tests and the benchmark count)."""
        self._ranked: Segments | None = None
        self._ranked_keys: list[tuple[bool, float]] = []
        self.printed = False
        """A figure for paper: edges as wide as the scene says, not as the screen."""
        self._stacked: list[NodeItem] = []
        """The nodes from the lowest drawn to the highest (Qt's order: by z, then added)."""
        self._boxes: Boxes | None = None
        """Each node's bounds, in the order of ``_stacked``."""
        self._widest = 0.0
        self._tallest = 0.0
        """The longest and tallest names (pixels on screen)."""
        self._names: dict[float, dict[int, int]] = {}
        """Zoom → the nodes whose names are drawn there, and where (``names_at``)."""
        self._labels: dict[float, tuple[dict[int, int], Labels, list[NodeItem]]] = {}
        """Zoom → those names ready to be found on screen (``_labels_at``)."""
        self.scale = 1.0
        """The zoom of the view, as it last told (``view_scaled``)."""
        self.named: dict[int, int] = {}
        """The names drawn at ``scale`` (what the gesture frames draw, too): node → which of
        its places (``NodeItem.name_boxes``)."""
        self.label_log: list[QRectF] | None = None
        """When a list, each name drawn adds its rectangle on the device (for the tests)."""
        self.label_font = QFont()
        self.label_font.setPixelSize(11)  # scene units, whatever the device's resolution
        self.node_size = 1.0
        """The nodes' size against their laid-out size (a printed figure's nodes shrink with
        the drawing, not its names)."""
        self.canvas: Canvas = PAPER
        """The background, names' ink and edges' colours: paper's (white) unless the window
        shows the scene in the dark theme (``set_canvas``)."""
        self.setBackgroundBrush(QColor(self.canvas.background))

    def set_canvas(self, canvas: Canvas) -> None:
        """Draw on ``canvas`` (the window's theme changed): the items are made again, in
        their places — the edges' pens and the kept pictures hold the old colours."""
        if canvas == self.canvas:
            return
        self.canvas = canvas
        self.setBackgroundBrush(QColor(canvas.background))
        if self.network is not None:
            self.show_network(self.network, dict(self.positions), self._palette)
        else:
            self.revision += 1
            self.edition += 1
            self.update()

    # --- building ----------------------------------------------------------------------------
    def type_colours(self) -> dict[str, QColor]:
        """Entity type → the colour its nodes are drawn in (the project's label colours)."""
        return dict(self._palette)

    def show_network(
        self,
        network: Network,
        positions: Mapping[int, Point],
        palette: Mapping[str, QColor],
    ) -> None:
        self.clear()
        self.nodes = {}
        self.edge_items = []
        self._tiles = {}
        self._tile_groups = {}
        self._unranked = None
        self._edge_rows = None
        self._grid = None
        self.remade_tiles = 0
        self._palette = dict(palette)
        self._ranked = None
        self._ranked_keys = []
        self.rough = set()
        self._stacked = []
        self._boxes = None
        self._names = {}
        self._labels = {}
        self.named = {}
        self._focus_lines = []
        self._focus_items = []
        self._sprites = None
        self.revision += 1
        self.edition += 1
        self.focus_id = None
        self._focus_set = set()
        self.network = network
        self.positions = {node.id: positions.get(node.id, (0.0, 0.0)) for node in network.nodes}
        self._neighbours = {}
        for edge in network.edges:
            self._neighbours.setdefault(edge.source, set()).add(edge.target)
            self._neighbours.setdefault(edge.target, set()).add(edge.source)
        self._add_edges(network.edges)
        always = _always(network)
        for node in network.nodes:
            self._add_node(node, node.id in always)
        self.remade = set(self.nodes)
        self._stack()
        self.place_names(self.scale)
        self._fit_rect()

    def _add_node(self, node: Node, always: bool) -> NodeItem:
        fallback = QColor(FALLBACK_COLOURS["other"])
        colour = self._palette.get(node.type, fallback)
        item = NodeItem(node, colour, self.label_font, always, self.node_size)
        item.setPos(*self.positions[node.id])
        item.setToolTip(self._tooltip(node))
        self.addItem(item)
        self.nodes[node.id] = item
        return item

    def _fit_rect(self) -> None:
        rect = self.itemsBoundingRect()
        margin = 40.0
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def update_network(
        self,
        network: Network,
        positions: Mapping[int, Point],
        palette: Mapping[str, QColor],
    ) -> None:
        """Show ``network`` in place of the one shown, making again only what changed: the
        items of the nodes whose size, name, type or place changed (a new or gone one made or
        removed), the tooltips of those whose links changed, and the edge tiles holding an
        edge that came, went or changed width or kind. The same picture as ``show_network``
        would draw, without clearing the scene for one tag."""
        old = self.network
        if old is None or self._grid is None or dict(palette) != self._palette:
            self.show_network(network, positions, palette)
            return
        placed = {node.id: positions.get(node.id, (0.0, 0.0)) for node in network.nodes}
        if any(self.positions.get(i, at) != at for i, at in placed.items()):
            self.show_network(network, positions, palette)  # a node moved: not after edits
            return
        focus = self.focus_id
        self.set_focus(None)
        self.revision += 1
        self.edition += 1
        # Edges as plain tuples: compared and hashed in C, 20,000 of them in milliseconds.
        was = self._edge_rows
        if was is None:
            was = {(e.source, e.target, e.cooccurrence, e.claims) for e in old.edges}
        now = {(e.source, e.target, e.cooccurrence, e.claims) for e in network.edges}
        self._edge_rows = now
        gone, came = was - now, now - was
        self.network = network
        self.positions = {**self.positions, **placed}  # a gone edge's ends too
        linked: set[int] = set()  # the nodes whose count of links may have changed
        lost = {(a, b) for a, b, _, _ in gone} - {(a, b) for a, b, _, _ in came}
        for a, b in lost:
            self._neighbours.get(a, set()).discard(b)
            self._neighbours.get(b, set()).discard(a)
            linked.update((a, b))
        for a, b, _, _ in came:
            self._neighbours.setdefault(a, set()).add(b)
            self._neighbours.setdefault(b, set()).add(a)
            linked.update((a, b))
        self.remade_tiles = 0
        if gone or came:
            self._remake_tiles(gone, came)
            self._unranked = network.edges  # ranked for the next gesture, not for each edit
        self.positions = placed
        # the nodes
        always = _always(network)
        wanted = {node.id: node for node in network.nodes}
        self.remade = set()
        dropped = [i for i in self.nodes if i not in wanted]
        for node_id in dropped:
            self._drop_node(node_id)
        node_mode = next(iter(self.nodes.values())).cacheMode() if self.nodes else None
        for node in network.nodes:
            item = self.nodes.get(node.id)
            if item is not None and item.node == node and item.always == (node.id in always):
                if node.id in linked:
                    item.setToolTip(self._tooltip(node))  # its count of links
                continue
            if item is not None:
                self._drop_node(node.id)
            made = self._add_node(node, node.id in always)
            if node_mode is not None:
                made.setCacheMode(node_mode)  # as the view's zoom set the others'
            self.remade.add(node.id)
        if self.remade or dropped:
            # The gesture frames' boxes and the names' placement follow the nodes (a new size
            # or name moves the others' names too).
            self._names = {}
            self._stack()
            self.place_names(self.scale)
            self._fit_rect()
        if focus in self.nodes:
            self.set_focus(focus)

    def _drop_node(self, node_id: int) -> None:
        item = self.nodes.pop(node_id)
        self.rough.discard(item)
        self.removeItem(item)

    def _cell(self, a: Point, b: Point) -> Cell:
        assert self._grid is not None
        left, top, size = self._grid
        return (int(((a[0] + b[0]) / 2 - left) / size), int(((a[1] + b[1]) / 2 - top) / size))

    def _remake_tiles(self, gone: set[EdgeRow], came: set[EdgeRow]) -> None:
        """The tiles holding an edge of ``gone`` or ``came`` made again, without it or with
        it; the other tiles stay."""
        mode = self.edge_items[0].cacheMode() if self.edge_items else None
        touched: set[Cell] = set()
        for rows, adding in ((gone, False), (came, True)):
            for a, b, cooccurrence, claims in rows:
                ends = self.positions[a], self.positions[b]
                cell = self._cell(*ends)
                key = (claims > 0, _width(cooccurrence + claims))
                line = QLineF(*ends[0], *ends[1])
                groups = self._tile_groups.setdefault(cell, {})
                if adding:
                    groups.setdefault(key, []).append(line)
                else:
                    lines = groups.get(key, [])
                    if line in lines:
                        lines.remove(line)
                    if not lines:
                        groups.pop(key, None)
                touched.add(cell)
        for cell in touched:
            tile = self._tiles.pop(cell, None)
            if tile is not None:
                self.removeItem(tile)
            groups = self._tile_groups[cell]
            if not groups:
                del self._tile_groups[cell]
                continue
            item = EdgeTile(
                {k: list(v) for k, v in groups.items()},
                cosmetic=not self.printed,
                canvas=self.canvas,
            )
            item.setVisible(not self.interacting)
            if mode is not None:
                item.setCacheMode(mode)  # as the view's zoom set the others'
            self.addItem(item)
            self._tiles[cell] = item
            self.remade_tiles += 1
        self.edge_items = list(self._tiles.values())

    def _stack(self) -> None:
        from desktop.analysis.layout import Boxes

        # Qt draws the items by z (2 + mentions), those of equal z in the order added.
        self._stacked = sorted(self.nodes.values(), key=lambda item: item.zValue())
        self._order = {item.node.id: index for index, item in enumerate(self._stacked)}
        for item in self._stacked:
            item.centre = item.pos()
            item.x_y = (item.centre.x(), item.centre.y())
        self._widest = max((item.text_width for item in self._stacked), default=0.0)
        self._tallest = max((item.text_height for item in self._stacked), default=0.0)
        self._boxes = Boxes(
            [
                (box.left(), box.top(), box.right(), box.bottom())
                for box in (item.sceneBoundingRect() for item in self._stacked)
            ]
        )

    # --- names -------------------------------------------------------------------------------
    def names_at(self, scale: float) -> dict[int, int]:
        """The nodes whose names are drawn at zoom ``scale``, each with the place its name
        goes (an index into ``NodeItem.name_boxes``): of those offered there (the biggest
        always, the others once big enough on screen; a printed figure's: those it names),
        biggest first, each name where it comes within NAME_PAD of none placed before it
        and covers no other node — below its node, else above, else beside it, else past a
        corner —, every one once there is room (zoomed in). The NAMES_KEPT biggest are not
        left out while a place is clear of names: with no free place, the last such (across
        their node). No name is ever drawn over another."""
        if self.printed:
            scale = 1.0  # scene units: the same names whatever the size it is printed at
        key = round(scale, 9)
        found = self._names.get(key)
        if found is None:
            from desktop.analysis.layout import place_labels

            _trim(self._names, round(self.scale, 9))
            offered = [
                item
                for item in sorted(
                    self.nodes.values(), key=lambda item: (-item.node.mentions, item.node.id)
                )
                if (item.always if self.printed else item.wants_name(scale))
            ]
            size = None if self.printed else scale
            nodes = [
                (x - item.radius, y - item.radius, x + item.radius, y + item.radius)
                for item in self.nodes.values()
                for x, y in (item.x_y,)
            ]
            # Room between two names, in the units of their boxes: names that only
            # touched read as one.
            pad = NAME_PAD * self.label_font.pixelSize() / 11 / (1.0 if size is None else size)
            own = [
                (x - r, y - r, x + r, y + r)
                for item in offered
                for (x, y), r in ((item.x_y, item.radius),)
            ]
            orders = [
                KEPT_ORDER if number < NAMES_KEPT else NEAR_ORDER[: ACROSS + item.roomy(scale)]
                for number, item in enumerate(offered)
            ]
            chosen = place_labels(
                [
                    [boxes[i] for i in order]
                    for order, item in zip(orders, offered, strict=True)
                    for boxes in (item.name_boxes(size),)
                ],
                nodes,
                keep=NAMES_KEPT,
                moved=NAMES_MOVED,
                pad=pad,
                owners=own,
            )
            found = {
                item.node.id: order[place]
                for item, place, order in zip(offered, chosen, orders, strict=True)
                if place is not None
            }
            self._names[key] = found
        return found

    def names_over_nodes(self) -> bool:
        """Whether a printed name lies over a node other than its own."""
        boxes = [
            (x - item.radius, y - item.radius, x + item.radius, y + item.radius, node_id)
            for node_id, item in self.nodes.items()
            for x, y in (item.x_y,)
        ]
        for node_id, place in self.named.items():
            left, top, right, bottom = self.nodes[node_id].placed_box(None, place)
            for x1, y1, x2, y2, other in boxes:
                if other != node_id and left < x2 and x1 < right and top < y2 and y1 < bottom:
                    return True
        return False

    def name_box(self, node_id: int, scale: float) -> Box:
        """Where ``node_id``'s name is drawn at zoom ``scale`` (scene units), at the place
        ``named`` gives it (below its node when it has none: the node under the pointer)."""
        item = self.nodes[node_id]
        return item.placed_box(None if self.printed else scale, self.named.get(node_id, 0))

    def place_names(self, scale: float) -> None:
        """The names for the view's zoom (drawn over the nodes by ``drawForeground``)."""
        self.scale = scale
        self.named = self.names_at(scale)
        self.revision += 1

    def name_always(self, ids: set[int]) -> None:
        """Offer these nodes' names at any zoom (a printed figure's biggest)."""
        for node_id in ids:
            self.nodes[node_id].always = True
        self._names = {}
        self.named = self.names_at(self.scale)
        self.revision += 1
        self.edition += 1

    def names_rect(self, scale: float) -> QRectF:
        """The nodes and their names drawn at zoom ``scale`` (a view fits this)."""
        rect = self.itemsBoundingRect()
        placed = self.names_at(scale)
        for node_id, place in placed.items():
            left, top, right, bottom = self.nodes[node_id].placed_box(
                None if self.printed else scale, place
            )
            rect = rect.united(QRectF(left, top, right - left, bottom - top))
        return rect

    def _tooltip(self, node: Node) -> str:
        degree = len(self._neighbours.get(node.id, ()))
        from desktop.ui.i18n import counts

        said = counts()  # Arabic counts need their plural forms (إشارتان، رابطان)
        return "\n".join(
            (
                label_text(node.name),
                f"{_term(node.type)} · {said.mentions(node.mentions)} · {said.links(degree)}",
            )
        )

    def _add_edges(self, edges: Sequence[Edge]) -> None:
        """The edges as tiles of a grid, each one item drawing its lines per width and kind:
        the view skips the tiles out of sight (BSP index), and a tile in sight is cached as
        a picture while the view pans."""
        if not edges:
            return
        xs = [x for x, _ in self.positions.values()]
        ys = [y for _, y in self.positions.values()]
        left, top = min(xs), min(ys)
        size = max(max(xs) - left, max(ys) - top, 1.0) / TILES + 1e-6
        self._grid = (left, top, size)
        tiles: dict[Cell, dict[tuple[bool, float], list[QLineF]]] = {}
        for edge in edges:
            ax, ay = self.positions[edge.source]
            bx, by = self.positions[edge.target]
            cell = (int(((ax + bx) / 2 - left) / size), int(((ay + by) / 2 - top) / size))
            key = (edge.claims > 0, _width(edge.weight))
            tiles.setdefault(cell, {}).setdefault(key, []).append(QLineF(ax, ay, bx, by))
        for cell, groups in tiles.items():
            item = EdgeTile(groups, cosmetic=not self.printed, canvas=self.canvas)
            item.setVisible(not self.interacting)
            if self.edges_by_view:
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # it paints nothing
            self.addItem(item)
            self.edge_items.append(item)
            self._tiles[cell] = item
        self._tile_groups = tiles
        self.remade_tiles = len(tiles)
        self._rank(edges)

    def _rank(self, edges: Sequence[Edge]) -> None:
        """The edges for the gesture frames, strongest first."""
        self._ranked_keys = []
        self._unranked = None
        if not edges:
            self._ranked = None
            return
        # Strongest first (claims before others of the same weight), for the gesture frames.
        ranked = sorted(edges, key=lambda e: (-e.weight, -e.claims))
        coords = []
        for edge in ranked:
            ax, ay = self.positions[edge.source]
            bx, by = self.positions[edge.target]
            coords.append((ax, ay, bx, by))
            self._ranked_keys.append((edge.claims > 0, _width(edge.weight)))
        from desktop.analysis.layout import Segments

        self._ranked = Segments(coords)

    # --- level of detail while zoomed or panned ----------------------------------------------
    def set_interacting(self, on: bool) -> None:
        """Begin (True) or end (False) a gesture: meanwhile a frame draws at most
        GESTURE_EDGES edges; at its end the whole set is drawn again."""
        if on == self.interacting or self.printed:
            return
        if on and self._unranked is not None:
            self._rank(self._unranked)  # edited since the last gesture
        self.interacting = on
        self.revision += 1
        for item in self.edge_items:
            item.setVisible(not on)
        if not on:
            for node in self.rough:
                node.update()  # a cached rough picture replaced by a smooth one
            self.rough = set()
            self.place_names(self.scale)
        self.repaint_views()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        self.draw_gesture_edges(painter, QRectF(rect))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The names, over every node: drawn by their nodes, a name under a node was covered
        by the next bigger node drawn after it (a briefing's figure hid half of باراك أوباما
        under جون كيري; the Network dock a name under any node drawn later). A printed
        figure's in scene units; on screen every name at the label font's size, whatever
        the zoom (the biggest nodes' names were pinned at that size, the others grew with
        the zoom: two sizes side by side). Then, over everything, a hover's overlay (its
        veil veils these names; it draws the hovered node's and its neighbours' again)."""
        super().drawForeground(painter, rect)
        if not self.nodes:
            return
        self._draw_arrows(painter, QRectF(rect))
        self._draw_names(painter, QRectF(rect))
        if self.focus_id is not None and not self.bare:
            self.draw_focus(painter, QRectF(rect))

    def _claim_lines(self) -> list[tuple[float, float, float, float]]:
        """The claim edges, claimant to subject (an edge's source is its claimant when its
        claims go one way), for this edition of the network."""
        if self._arrows_for != self.edition:
            self._arrows_for = self.edition
            edges = self.network.edges if self.network is not None else ()
            self._arrows = [
                (*self.positions[e.source], *self.positions[e.target])
                for e in edges
                if e.claims and e.source in self.positions and e.target in self.positions
            ]
        return self._arrows

    def _draw_arrows(self, painter: QPainter, area: QRectF) -> None:
        """An arrowhead at the middle of each claim edge, pointing from the claimant to the
        subject, as the legend's «claimant → subject» says (a trial found the red edges
        without one). Only the claim edges, a few among thousands of edges, and only those
        in ``area``; on screen as big at any zoom, in a printed figure in points."""
        lines = self._claim_lines()
        if not lines:
            return
        scale = 1.0 if self.printed else (abs(painter.worldTransform().m11()) or 1.0)
        size = ARROW / scale
        reach = area.adjusted(-size, -size, size, size)
        colour = QColor(self.canvas.claim_edge)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for x1, y1, x2, y2 in lines:
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            length = math.hypot(x2 - x1, y2 - y1)
            if length < 4 * size or not reach.contains(mx, my):
                continue  # (two nodes too close for an arrow between them)
            dx, dy = (x2 - x1) / length, (y2 - y1) / length
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(mx + dx * size, my + dy * size),
                        QPointF(mx - dx * size - dy * size * 0.8, my - dy * size + dx * size * 0.8),
                        QPointF(mx - dx * size + dy * size * 0.8, my - dy * size - dx * size * 0.8),
                    ]
                )
            )
        painter.restore()

    def _draw_names(self, painter: QPainter, area: QRectF) -> None:
        scale = None if self.printed else (abs(painter.worldTransform().m11()) or 1.0)
        self._draw_names_of(painter, area, self._stacked, self.names_at(scale or 1.0))

    def _draw_names_of(
        self,
        painter: QPainter,
        area: QRectF,
        items: Sequence[NodeItem],
        places: dict[int, int],
    ) -> None:
        """The names of those of ``items`` (in their order) ``places`` places (node → place,
        ``NodeItem.name_boxes``) reaching ``area`` (scene units), in ink at the label font."""
        transform = painter.worldTransform()
        scale = None if self.printed else (abs(transform.m11()) or 1.0)
        painter.save()
        painter.setFont(self.label_font)
        painter.setPen(QColor(self.canvas.ink))
        if scale is not None:
            painter.setTransform(QTransform())  # on the device: as big at any zoom
        for item in items:
            place = places.get(item.node.id)
            if place is None:
                continue
            left, top, right, bottom = item.placed_box(scale, place)
            if right < area.left() or left > area.right():
                continue
            if bottom < area.top() or top > area.bottom():
                continue
            corner = QPointF(left, top) if scale is None else transform.map(QPointF(left, top))
            if self.label_log is not None:
                size = QSizeF(item.text_width, item.text_height)
                box = QRectF(corner, size)
                self.label_log.append(transform.mapRect(box) if scale is None else box)
            painter.drawStaticText(corner, item.shaped())
        painter.restore()

    def draw_gesture_edges(self, painter: QPainter, rect: QRectF) -> None:
        """During a gesture, the GESTURE_EDGES strongest edges crossing ``rect``, under the
        nodes (a view with a background of its own calls this after painting it)."""
        if self.interacting:
            self._draw_strongest(painter, rect, self.gesture_budget)

    def _draw_strongest(self, painter: QPainter, rect: QRectF, budget: int) -> None:
        """The ``budget`` strongest edges crossing ``rect``, opaque and unantialiased."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._strongest(painter, rect, budget):
            painter.setPen(pen)
            painter.drawLines([QLineF(*line) for line in lines])
            self.drawn_edges += len(lines)
        painter.restore()

    def _strongest(
        self, painter: QPainter, rect: QRectF, budget: int
    ) -> list[tuple[QPen, list[tuple[float, float, float, float]]]]:
        """The ``budget`` strongest edges crossing ``rect``, cut to it, by pen in the order
        they are drawn (the lines as numbers: a picture drawn in parts makes the lines of
        one part at a time)."""
        if self._ranked is None or rect.isEmpty():
            return []
        scale = abs(painter.worldTransform().m11()) or 1.0
        margin = 8 / scale
        area = rect.adjusted(-margin, -margin, margin, margin)
        chosen, cut = self._ranked.first_clipped(
            area.left(), area.top(), area.right(), area.bottom(), budget
        )
        groups: dict[tuple[bool, float], list[tuple[float, float, float, float]]] = {}
        for index, line in zip(chosen, cut, strict=True):
            groups.setdefault(self._ranked_keys[index], []).append(line)
        drawn = []
        for (claim, width), lines in sorted(groups.items()):
            # Opaque, as the settled colour looks on white: blending each pixel of hundreds
            # of lines across the window cost 50 ms a frame zoomed in, opaque 4.
            colour = _on(
                QColor(self.canvas.claim_edge if claim else self.canvas.edge),
                0.8 if claim else 0.5,
                QColor(self.canvas.background),
            )
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            drawn.append((pen, lines))
        return drawn

    def draw_light(self, painter: QPainter, rects: Sequence[QRectF]) -> None:
        """A gesture's drawing of ``rects`` (scene units; the painter maps the scene to the
        device and clips to them): the strongest edges crossing each (GESTURE_EDGES shared
        between them), then the nodes touching any — found with numpy, drawn without their
        items or antialiasing —, then their names placed at the last settled zoom, those big
        enough to read. Nothing here asks Qt's item machinery, whose call into Python for each
        of hundreds of nodes in sight cost most of 50 ms."""
        if self._boxes is None or not rects:
            return
        for rect in rects:
            self._draw_strongest(painter, rect, self.gesture_budget // len(rects))
        touching = sorted(
            {
                index
                for rect in rects
                for index in self._boxes.touching(
                    rect.left(), rect.top(), rect.right(), rect.bottom()
                )
            }
        )
        shown = [self._stacked[i] for i in touching]
        # A name is as big on screen at any zoom: it may reach beyond its node's bounds, as
        # far as the widest name from the node's edge.
        scale = abs(painter.worldTransform().m11()) or 1.0
        seen = {item.node.id for item in shown}
        wide, tall = (self._widest + 4) / scale, (self._tallest + 2) / scale
        near = {
            index
            for rect in rects
            for index in self._boxes.touching(
                rect.left() - wide, rect.top() - tall, rect.right() + wide, rect.bottom() + tall
            )
        }
        names_only = []
        for index in sorted(near):
            item = self._stacked[index]
            place = self.named.get(item.node.id)
            if place is None or item.node.id in seen:
                continue
            left, top, right, bottom = item.placed_box(scale, place)
            box = QRectF(left, top, right - left, bottom - top)
            if any(rect.intersects(box) for rect in rects):
                names_only.append(item)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        focus = self._focus_set
        if focus:
            rest = [item for item in shown if item.node.id not in focus]
            self._draw_nodes(painter, rest, [i for i in names_only if i.node.id not in focus])
            for rect in rects:
                painter.fillRect(rect, veil(self.canvas))
            painter.setPen(_highlight_pen())
            painter.drawLines(self._focus_lines)
            raised = [item for item in shown if item.node.id in focus]
            self._draw_nodes(painter, raised, [i for i in names_only if i.node.id in focus])
        else:
            self._draw_nodes(painter, shown, names_only)
        painter.restore()

    def _draw_nodes(
        self, painter: QPainter, items: list[NodeItem], names_only: list[NodeItem]
    ) -> None:
        _draw_shapes(painter, items)
        transform = painter.worldTransform()
        scale = abs(transform.m11()) or 1.0
        named = self.named
        painter.setPen(QColor(self.canvas.ink))
        painter.setFont(self.label_font)
        painter.setTransform(QTransform())  # names on the device: as big at any zoom
        for item in (*items, *names_only):
            node_id = item.node.id
            place = named.get(node_id)
            if place is None:
                if node_id != self.focus_id:
                    continue
                place = 0
            left, top, _, _ = item.placed_box(scale, place)
            corner = transform.map(QPointF(left, top))
            text = item.shaped()
            if self.label_log is not None:
                self.label_log.append(QRectF(corner, text.size()))
            painter.drawStaticText(corner, text)
        painter.setTransform(transform)

    def draw_wide(self, painter: QPainter, rect: QRectF, edges: int) -> None:
        """A picture of ``rect`` (scene units) for the frames of a gesture that zooms out of
        the settled view (``NetworkView`` keeps a few, each twice as wide as the last, at the
        same size in pixels): drawn as ``draw_light`` draws the margins — the ``edges``
        strongest edges, the nodes, unantialiased —, without names or a hover's overlay
        (the names are drawn over the frames at the label font's size: ``draw_names_over``)."""
        for _part in self.drawing_wide(painter, rect, edges):
            pass

    def drawing_wide(self, painter: QPainter, rect: QRectF, edges: int) -> Iterator[None]:
        """``draw_wide`` in parts, a ``yield`` after each (the lines of a few hundred edges,
        a few hundred nodes): the view keeps these pictures when idle, a slice of its time
        at a time between the window's events — one picture at once held it 30 ms, all of
        them 170. The painter stays open between the parts (nothing else draws in it)."""
        if self._boxes is None:
            return
        groups = self._strongest(painter, rect, edges)
        yield
        painter.save()
        try:  # restored when dropped half drawn too
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for pen, lines in groups:
                painter.setPen(pen)
                for start in range(0, len(lines), WIDE_LINES):
                    chunk = lines[start : start + WIDE_LINES]
                    painter.drawLines([QLineF(*line) for line in chunk])
                    yield
        finally:
            painter.restore()
        touching = self._boxes.touching(rect.left(), rect.top(), rect.right(), rect.bottom())
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            stacked = self._stacked
            for start in range(0, len(touching), WIDE_NODES):
                indices = touching[start : start + WIDE_NODES]
                _draw_shapes(painter, [stacked[index] for index in indices])  # as _draw_nodes
                yield
        finally:
            painter.restore()
        self._labels_at(abs(painter.worldTransform().m11()) or 1.0)  # ready for the frames

    def _labels_at(self, scale: float) -> tuple[Labels, list[NodeItem]]:
        """The names placed at zoom ``scale`` (``names_at``), in the order they are drawn,
        ready to be found on screen at any zoom (``draw_names_over``)."""
        placed = self.names_at(scale)
        key = round(scale, 9)
        found = self._labels.get(key)
        if found is None or found[0] is not placed:
            from desktop.analysis.layout import Labels

            _trim(self._labels, round(self.scale, 9))
            items = [item for item in self._stacked if item.node.id in placed]
            rows = [
                (*item.x_y, item.radius, item.text_width, item.text_height, placed[item.node.id])
                for item in items
            ]
            found = (placed, Labels(rows), items)
            self._labels[key] = found
            for item in items:
                item.shaped()
        return found[1], found[2]

    def draw_names_over(
        self,
        painter: QPainter,
        scale: float,
        transform: QTransform,
        window: QRectF,
        skip: QRectF | None = None,
    ) -> None:
        """The names placed at zoom ``scale`` drawn at the label font's size where the
        scene is on the painter's device through ``transform`` (a scale and a move): over
        the pictures a zoom out's frame is made of, drawn without names (their names would
        grow with the picture). Only those reaching ``window``, none reaching ``skip`` (a
        picture with its names already). Found with numpy: no Python for the others."""
        labels, items = self._labels_at(scale)
        found, corners = labels.on_screen(
            transform.m11(),
            transform.dx(),
            transform.dy(),
            (window.left(), window.top(), window.right(), window.bottom()),
            None if skip is None else (skip.left(), skip.top(), skip.right(), skip.bottom()),
        )
        painter.save()
        painter.resetTransform()
        painter.setFont(self.label_font)
        painter.setPen(QColor(self.canvas.ink))
        for index, (x, y) in zip(found, corners, strict=True):
            item = items[index]
            corner = QPointF(x, y)
            if self.label_log is not None:
                self.label_log.append(QRectF(corner, QSizeF(item.text_width, item.text_height)))
            painter.drawStaticText(corner, item.shaped())
        painter.restore()

    def warm(self, rect: QRectF, scale: float) -> None:
        """Get ready for a gesture around ``rect`` (when the view is idle): the shapes of the
        nodes there as polygons, their names shaped."""
        if self._boxes is None:
            return
        for index in self._boxes.touching(rect.left(), rect.top(), rect.right(), rect.bottom()):
            item = self._stacked[index]
            item.outline()
            if item.node.id in self.named:
                item.shaped()

    def view_draws_edges(self) -> None:
        """A ``NetworkView`` draws the settled edges from now on (the tiles paint nothing)."""
        self.edges_by_view = True
        for item in self.edge_items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.update()

    def view_scaled(self, scale: float) -> None:
        """Zoomed out, the edge tiles are cached as pictures (a pan copies them); zoomed in,
        a cache would be drawn again at every step of a pan, so they are drawn directly."""
        mode = (
            QGraphicsItem.CacheMode.DeviceCoordinateCache
            if scale <= CLIP_ZOOM and not self.edges_by_view
            else QGraphicsItem.CacheMode.NoCache
        )
        for item in self.edge_items:
            if item.cacheMode() != mode:
                item.setCacheMode(mode)
        node_mode = (
            QGraphicsItem.CacheMode.DeviceCoordinateCache
            if scale <= NODE_CACHE_ZOOM
            else QGraphicsItem.CacheMode.NoCache
        )
        for node in self.nodes.values():
            if node.cacheMode() != node_mode:
                node.setCacheMode(node_mode)
        self.scale = scale
        if not self.interacting:  # a gesture keeps its names until it ends
            self.place_names(scale)

    # --- hover -------------------------------------------------------------------------------
    def dims(self, node_id: int) -> bool:
        return bool(self._focus_set) and node_id not in self._focus_set

    def repaint_views(self) -> None:
        """Everything drawn again, in every view. ``QGraphicsScene.update()`` alone did not
        reach the view (the edges, the hover's overlay and the gesture's end are drawn by
        the view, no item changed): a real window kept a zoom's blurred last frame until the
        next wheel step, and a hover's veil after the pointer left (found by a trial)."""
        self.update()
        for view in self.views():
            view.viewport().update()

    def set_focus(self, node_id: int | None) -> None:
        """Highlight ``node_id`` and its neighbours (None: nothing highlighted): an overlay
        over the picture without it (``draw_focus``) — no item is restyled, raised or added
        (raising a hub's thousand neighbours and a veil item cost 45 ms a hover)."""
        if node_id == self.focus_id:
            return
        self.focus_id = node_id
        self._focus_items = []
        self._focus_lines = []
        self._focus_set = set()
        if node_id is not None and node_id in self.nodes:
            neighbours = self._neighbours.get(node_id, ())
            self._focus_set = {node_id, *neighbours}
            order, nodes = self._order, self.nodes
            stacked = [order[i] for i in self._focus_set if i in order]
            stacked.sort()
            self._focus_items = [self._stacked[i] for i in stacked]
            # The nodes' own points, in pairs of ends: no object made for each link.
            ends = [nodes[other].centre for other in neighbours if other in nodes]
            lines: list[QPointF] = [nodes[node_id].centre] * (2 * len(ends))
            lines[1::2] = ends
            self._focus_lines = lines
        self.repaint_views()

    def draw_focus(self, painter: QPainter, rect: QRectF, *, veiled: bool = False) -> None:
        """The hover's overlay over the picture of ``rect`` (scene units): a white veil
        (unless the picture is ``veiled`` already), the hovered node's links, then it and
        its neighbours as their items draw them (copied from the pictures ``keep_sprites``
        drew, when current) with their names."""
        if self.focus_id is None or self._boxes is None:
            return
        painter.save()
        transform = painter.worldTransform()
        if not veiled:
            painter.resetTransform()
            painter.fillRect(transform.mapRect(rect).toAlignedRect(), veil(self.canvas))
            painter.setTransform(transform)
        painter.setPen(_highlight_pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(transform)
        device = painter.device()
        inverse, invertible = transform.inverted()
        lines = self._focus_lines
        if scale > CLIP_ZOOM and device is not None and invertible and lines:
            # Zoomed in, only the parts in reach of the painter (as the edge tiles do): the
            # same cut whatever part of the window is exposed.
            from desktop.analysis.layout import Segments

            reach = inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
            margin = 8 / scale
            area = reach.adjusted(-margin, -margin, margin, margin)
            pairs = zip(lines[::2], lines[1::2], strict=True)
            segments = Segments([(a.x(), a.y(), b.x(), b.y()) for a, b in pairs])
            cut = segments.clipped(area.left(), area.top(), area.right(), area.bottom())
            painter.drawLines([QLineF(*line) for line in cut])
        else:
            painter.drawLines(self._focus_lines)
        sprites = self._sprites
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        if sprites is not None and sprites.fits(transform, ratio, self.revision):
            # Those in sight were drawn ready (with the whole network in view, a hub's
            # thousand neighbours): copied, the rest is out of sight.
            shown = self._focus_items
            painter.resetTransform()
            sprites.draw(painter, shown)
            painter.setTransform(transform)
        else:
            touching = self._boxes.touching(rect.left(), rect.top(), rect.right(), rect.bottom())
            focus = self._focus_set
            shown = [self._stacked[i] for i in touching if self._stacked[i].node.id in focus]
            for item in shown:
                painter.setPen(item.pen)
                painter.setBrush(item.brush)
                painter.translate(item.centre)
                painter.drawPath(item.path)
                painter.translate(-item.centre)
        # Their names over them, readable over the veil: those placed at this zoom, the
        # hovered node's whatever its size (below it, where it has no place).
        places = {
            node_id: place
            for node_id, place in self.names_at(abs(transform.m11()) or 1.0).items()
            if node_id in self._focus_set
        }
        places.setdefault(self.focus_id, 0)
        self._draw_names_of(painter, rect, shown, places)
        painter.restore()

    def keep_sprites(self, transform: QTransform, rect: QRectF, ratio: float = 1.0) -> None:
        """Draw the nodes touching ``rect`` (scene units) ready for hovers of a view showing
        the scene through ``transform`` (on a device of pixel ratio ``ratio``): a hover then
        copies its neighbours' pictures instead of drawing a thousand smooth shapes (12 ms).
        Nothing is kept beyond SPRITE_PIXELS."""
        for _part in self.keeping_sprites(transform, rect, ratio):
            pass

    def keeping_sprites(
        self, transform: QTransform, rect: QRectF, ratio: float = 1.0
    ) -> Iterator[None]:
        """``keep_sprites`` in parts, a ``yield`` after every SPRITE_NODES nodes (the whole
        network in view, 2,000 smooth shapes took 50 ms): the pictures are used once all
        are drawn — meanwhile, and if dropped, a hover draws its nodes as their items do."""
        self._sprites = None
        if self._boxes is None:
            return
        items = [
            self._stacked[i]
            for i in self._boxes.touching(rect.left(), rect.top(), rect.right(), rect.bottom())
        ]
        into: list[_Sprites] = []
        yield from _Sprites.drawing(items, transform, ratio, self.revision, into)
        self._sprites = into[0] if into else None

    # --- clicks ------------------------------------------------------------------------------
    def edge_at(self, point: QPointF, tolerance: float) -> tuple[int, int] | None:
        """The edge passing nearest ``point`` within ``tolerance`` (scene units)."""
        if self.network is None:
            return None
        px, py = point.x(), point.y()
        best: tuple[float, tuple[int, int]] | None = None
        for edge in self.network.edges:
            ax, ay = self.positions[edge.source]
            bx, by = self.positions[edge.target]
            if px < min(ax, bx) - tolerance or px > max(ax, bx) + tolerance:
                continue
            if py < min(ay, by) - tolerance or py > max(ay, by) + tolerance:
                continue
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            t = (
                0.0
                if length2 == 0
                else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
            )
            distance = math.hypot(px - (ax + t * dx), py - (ay + t * dy))
            if distance <= tolerance and (best is None or distance < best[0]):
                best = (distance, (edge.source, edge.target))
        return None if best is None else best[1]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        views = self.views()
        transform = views[0].transform() if views else QTransform()
        hit = self.itemAt(event.scenePos(), transform)
        if isinstance(hit, NodeItem):
            self.node_clicked.emit(hit.node.id)
            event.accept()
            return
        edge = self.edge_at(event.scenePos(), 5.0 / (abs(transform.m11()) or 1.0))
        if edge is not None:
            self.edge_clicked.emit(*edge)
            event.accept()
            return
        super().mousePressEvent(event)

    # --- figure extras -----------------------------------------------------------------------
    def add_legend(
        self, palette: Mapping[str, QColor], *, rtl: bool | None = None, size: int = 13
    ) -> None:
        """The types present, each with its shape and colour, and the claims' red edge when
        there is one, above the network, in the reading order of ``rtl`` (None: the
        interface's), its words ``size`` units high (a printed figure's: points) and its
        markers and gaps in proportion."""
        if self.network is None:
            return
        present = [t for t in ENTITY_TYPES if any(n.type == t for n in self.network.nodes)]
        rect = self.itemsBoundingRect()
        unit = size / 13  # the proportions of the 13-unit legend
        x, y = rect.left(), rect.top() - 36 * unit
        font = QFont(self.label_font)
        font.setPixelSize(size)
        right_to_left = (QCoreApplication.instance() is not None and _rtl()) if rtl is None else rtl
        items: list[tuple[QGraphicsItem, QGraphicsSimpleTextItem]] = []
        for type_ in present:
            marker = QGraphicsPathItem(shape_path(SHAPES[type_], 7 * unit))
            colour = palette.get(type_, QColor(FALLBACK_COLOURS["other"]))
            marker.setBrush(colour)
            marker.setPen(QPen(colour.darker(160), unit))
            text = QGraphicsSimpleTextItem(_term(type_))
            text.setFont(font)
            items.append((marker, text))
        if any(edge.claims for edge in self.network.edges):
            # The red edges: a reader of the briefing has no other key to them.
            line = QGraphicsLineItem(QLineF(-7 * unit, 0, 7 * unit, 0))
            pen = QPen(QColor(CLAIM_COLOUR), 2 * unit)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            line.setPen(pen)
            text = QGraphicsSimpleTextItem(claim_edge_text())
            text.setFont(font)
            items.append((line, text))
        # Laid out in reading order: from the right in Arabic.
        offset = 0.0
        width = rect.width()
        for key, text in items:
            text_width = text.boundingRect().width()
            middle = text.boundingRect().height() / 2  # the text's middle at the marker's
            if right_to_left:
                key.setPos(x + width - offset - 8 * unit, y)
                text.setPos(x + width - offset - 18 * unit - text_width, y - middle)
            else:
                key.setPos(x + offset + 8 * unit, y)
                text.setPos(x + offset + 18 * unit, y - middle)
            offset += 36 * unit + text_width
            self.addItem(key)
            self.addItem(text)

    def add_message(self, text: str, size: int = 15, width: float | None = None) -> None:
        """``text`` in grey, ``size`` units high, in lines at most ``width`` wide if given."""
        font = QFont(self.label_font)
        font.setPixelSize(size)
        if width is not None:
            metrics = QFontMetricsF(font)
            lines: list[str] = []
            for word in text.split():
                joined = f"{lines[-1]} {word}" if lines else word
                if lines and metrics.horizontalAdvance(joined) <= width:
                    lines[-1] = joined
                else:
                    lines.append(word)
            text = "\n".join(lines)
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setBrush(QColor(self.canvas.faint))
        self.addItem(item)


def claim_edge_text() -> str:
    """What a red edge is, in the legends (the printed figure's and the dock's)."""
    return QCoreApplication.translate("NetworkScene", "Claim: claimant → subject")


def veil(canvas: Canvas) -> QColor:
    """What a hover veils the rest of the network with: the background, nearly opaque."""
    veil = QColor(canvas.veil)
    veil.setAlphaF(DIM_ALPHA)
    return veil


def _highlight_pen() -> QPen:
    pen = QPen(QColor(HIGHLIGHT_COLOUR), 2.0)
    pen.setCosmetic(True)
    return pen


class _Sprites:
    """Nodes drawn as their items draw them, for one view transform, each in its place in
    one picture: a hover copies them (one call a node) instead of drawing smooth shapes.
    Each keeps its position's fraction of a pixel, so a copy is the same pixels as drawing."""

    def __init__(
        self,
        image: QImage,
        places: dict[int, tuple[QRectF, QRect]],
        transform: QTransform,
        ratio: float,
        revision: int,
    ) -> None:
        self.image = image
        self.places = places
        """Node id → where it goes (device-independent pixels) and where it is in ``image``."""
        self.transform = transform
        self.ratio = ratio
        self.revision = revision

    @classmethod
    def drawn(
        cls, items: Sequence[NodeItem], transform: QTransform, ratio: float, revision: int
    ) -> _Sprites | None:
        into: list[_Sprites] = []
        for _part in cls.drawing(items, transform, ratio, revision, into):
            pass
        return into[0] if into else None

    @classmethod
    def drawing(
        cls,
        items: Sequence[NodeItem],
        transform: QTransform,
        ratio: float,
        revision: int,
        into: list[_Sprites],
    ) -> Iterator[None]:
        """``drawn`` in parts, the result added to ``into`` once all are drawn."""
        device = transform * QTransform.fromScale(ratio, ratio)
        boxes: list[tuple[NodeItem, QRect]] = []
        area = 0
        for item in items:
            # The outline's pen (1 unit wide) reaches half a unit out; smoothing a pixel more.
            bounds = item.path.boundingRect().translated(item.centre).adjusted(-1, -1, 1, 1)
            box = device.mapRect(bounds).toAlignedRect().adjusted(-1, -1, 1, 1)
            area += box.width() * box.height()
            if area > SPRITE_PIXELS:
                return
            boxes.append((item, box))
            if len(boxes) % (4 * SPRITE_NODES) == 0:
                yield  # placing them costs a quarter of drawing them
        if not boxes:
            return
        # Shelves: the tallest first, left to right, a new shelf when one is full.
        width = max(1024, max(box.width() for _, box in boxes))
        slots: list[tuple[NodeItem, QRect, int, int]] = []
        x = y = shelf = 0
        for item, box in sorted(boxes, key=lambda found: -found[1].height()):
            if x + box.width() > width:
                x, y, shelf = 0, y + shelf, 0
            slots.append((item, box, x, y))
            x += box.width()
            shelf = max(shelf, box.height())
        image = QImage(width, y + shelf, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        yield
        painter = QPainter(image)
        places: dict[int, tuple[QRectF, QRect]] = {}
        try:  # ended when dropped half drawn too
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for count, (item, box, left, top) in enumerate(slots, 1):
                painter.setTransform(
                    QTransform.fromTranslate(item.centre.x(), item.centre.y())
                    * device
                    * QTransform.fromTranslate(left - box.left(), top - box.top())
                )
                painter.setPen(item.pen)
                painter.setBrush(item.brush)
                painter.drawPath(item.path)
                target = QRectF(
                    box.left() / ratio,
                    box.top() / ratio,
                    box.width() / ratio,
                    box.height() / ratio,
                )
                places[item.node.id] = (target, QRect(left, top, box.width(), box.height()))
                if count % SPRITE_NODES == 0:
                    yield
        finally:
            painter.end()
        into.append(cls(image, places, transform, ratio, revision))

    def fits(self, transform: QTransform, ratio: float, revision: int) -> bool:
        current = transform == self.transform and ratio == self.ratio
        return current and revision == self.revision

    def draw(self, painter: QPainter, items: Sequence[NodeItem]) -> None:
        """``items`` copied in their order (the painter without a world transform); a node
        drawn after these were is drawn as its item would be."""
        image, places, draw = self.image, self.places, painter.drawImage
        for item in items:
            place = places.get(item.node.id)
            if place is not None:
                draw(place[0], image, place[1])


def _on(colour: QColor, alpha: float, background: QColor) -> QColor:
    """The opaque colour ``colour`` at ``alpha`` shows on ``background``."""
    red, green, blue = (
        round(alpha * part + (1 - alpha) * under)
        for part, under in (
            (colour.red(), background.red()),
            (colour.green(), background.green()),
            (colour.blue(), background.blue()),
        )
    )
    return QColor(red, green, blue)


def _rtl() -> bool:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _term(type_: str) -> str:
    from desktop.ui.i18n import term

    return term(type_)


def empty_text(network: Network, index: NetworkIndex | None = None) -> str:
    """Why there is nothing to draw, in a sentence (never a blank canvas)."""
    if index is not None and not index.entities:
        return QCoreApplication.translate(
            "NetworkScene",
            "No entities yet: tag people, organisations and places in the articles, and who "
            "appears with whom will show here.",
        )
    options = network.options
    if index is not None and (options.date_from or options.date_to):
        undated = sum(1 for item in index.contributions.values() if not item.published)
        if undated:
            # The sample articles have none: ticking Dates emptied the network without a
            # word of why (found by a trial).
            from desktop.ui.i18n import counts

            return QCoreApplication.translate(
                "NetworkScene",
                "No entity matches the filters. {articles} without a publication date are "
                "left out by the date filter: give them one with Article → Edit Metadata "
                "(Ctrl+Shift+D), or untick Dates.",
            ).format(articles=counts().articles(undated))
    # The filters that are on, named: with the minimum weight at 2 the sentence asked for
    # more types, articles or dates, none of which was filtered (found by a trial).
    on: list[str] = []
    if options.min_weight > 1:
        on.append(
            QCoreApplication.translate("NetworkScene", "minimum weight {weight}").format(
                weight=options.min_weight
            )
        )
    if options.types:
        on.append(QCoreApplication.translate("NetworkScene", "the types chosen"))
    if options.documents:
        on.append(QCoreApplication.translate("NetworkScene", "the articles chosen"))
    if options.date_from or options.date_to:
        on.append(QCoreApplication.translate("NetworkScene", "the dates"))
    if on:
        comma = QCoreApplication.translate("NetworkScene", ", ")
        return QCoreApplication.translate(
            "NetworkScene", "No entity matches the filters ({filters}): loosen one of them."
        ).format(filters=comma.join(on))
    return QCoreApplication.translate(
        "NetworkScene", "No entity matches the filters: show more types, articles or dates."
    )


def network_scene(
    project: Project,
    options: NetworkOptions | None = None,
    *,
    rtl: bool | None = None,
    paper: Paper | None = None,
) -> QGraphicsScene:
    """The project's entity network as a finished figure: laid out, on white, with a legend
    of the types and the names in their own script (for the briefing and ``hamish graph``).
    ``rtl``: the legend's reading order (None: the interface's); ``paper``: the room it is
    laid out for (:func:`figure_scene`)."""
    from desktop.analysis.layout import layout

    index = NetworkIndex()
    index.load(NetworkReads(project.database))
    network = index.graph(options)
    return figure_scene(network, layout(network), colours(project), index, rtl=rtl, paper=paper)


class NetworkShown(NamedTuple):
    """What the window's Entity Network shows, for a briefing or a figure made from the
    window: the dock's filters, and the network it has laid out with the positions it
    shows (``network`` None while none is settled)."""

    options: NetworkOptions
    network: Network | None = None
    positions: Mapping[int, Point] = {}


def briefing_options(options: NetworkOptions, articles: frozenset[int] | None) -> NetworkOptions:
    """``options`` (the dock's, or the defaults) for a figure of ``articles`` (None: any):
    the articles the dock was narrowed to that the briefing has, or the briefing's alone."""
    if articles is None:
        return options
    if options.documents:
        both = options.documents & articles
        return replace(options, documents=both or frozenset({0}))  # 0: no article has it
    return replace(options, documents=articles)


def same_graph(a: Network, b: Network) -> bool:
    """Whether ``a`` and ``b`` have the same nodes and links (what a layout places)."""
    return {node.id for node in a.nodes} == {node.id for node in b.nodes} and {
        (edge.source, edge.target) for edge in a.edges
    } == {(edge.source, edge.target) for edge in b.edges}


def briefing_scene(
    project: Project,
    rtl: bool,
    scope: FigureScope | None = None,
    shown: NetworkShown | None = None,
) -> QGraphicsScene:
    """The network of the briefing's articles (``scope``; None: all) as a figure of a
    briefing written ``rtl``: its legend in the briefing's reading order, whatever the
    interface's, laid out for the page. ``shown``: made from the window, the network is
    drawn with the Entity Network's filters (its level, types, least weight, dates), and
    where the window shows the same network laid out, at its positions — the window and
    the briefing drew one network in two layouts."""
    from desktop.analysis.layout import layout

    articles = scope.articles() if scope is not None else None
    options = briefing_options(shown.options if shown is not None else NetworkOptions(), articles)
    index = NetworkIndex()
    index.load(NetworkReads(project.database))
    network = index.graph(options)
    if (
        shown is not None
        and shown.network is not None
        and same_graph(shown.network, network)
        and all(node.id in shown.positions for node in network.nodes)
    ):
        positions = {node.id: shown.positions[node.id] for node in network.nodes}
    else:
        positions = layout(network)
    return figure_scene(network, positions, colours(project), index, rtl=rtl, paper=BRIEFING_PAPER)


def figure_scene(
    network: Network,
    positions: Mapping[int, Point],
    palette: Mapping[str, QColor],
    index: NetworkIndex | None = None,
    *,
    rtl: bool | None = None,
    paper: Paper | None = None,
) -> NetworkScene:
    """``network`` at ``positions`` as a figure for ``paper`` (None: ``Paper()``), laid out in
    points (``export.set_in_points``): its names :data:`~.export.NAME_PT`, its legend
    :data:`~.export.SMALL_PT` points high whatever the size of the network, and the drawing
    (the positions; the nodes too, never bigger than laid out) scaled so that it and its
    names fill the paper's width, or its greatest height — for :data:`FEW` entities or fewer,
    at most :data:`TALLEST` times the width. Drawn as wide as the paper."""
    paper = paper or Paper()
    if len(network.nodes) <= FEW:
        paper = Paper(paper.width_mm, min(paper.max_height_mm, paper.width_mm * TALLEST))
    if not network.nodes:
        scene = _printed_scene()
        # On paper, what there is, not the window's advice ("show more types…" under a
        # briefing's figure caption read as an instruction to its reader; found by an attacker).
        said = QCoreApplication.translate(
            "NetworkScene", "No entity is named with another in these articles."
        )
        scene.add_message(said, NAME_PT, paper.width - 2 * MARGIN_PT)
        return _on_paper(scene, paper)
    scale = _fitted_scale(network, positions, palette, paper)
    scene = _drawn(network, positions, palette, scale)
    full = _fullness(scene, paper)
    if not FIT_LOW <= full <= FIT_HIGH:
        # The names went elsewhere at this scale: once more, from this drawing.
        scale = _fitted_scale(network, positions, palette, paper, (scale, scene))
        scene.clear()
        scene.deleteLater()
        scene = _drawn(network, positions, palette, scale)
    scene.add_legend(palette, rtl=rtl, size=SMALL_PT)
    return _on_paper(scene, paper)


FEW = 20
TALLEST = 0.8
"""A printed network is at most this many times as high as it is wide (a narrower drawing
then): a network is read across, and a page-high figure of six entities left the briefing's
summary on a page of its own (seen by a trial analyst)."""
FIT_LOW = 0.97
FIT_HIGH = 1.01
"""A printed network filling less of its room than FIT_LOW is drawn again, bigger, and more
than FIT_HIGH again, smaller (the edges' tiles reach a little beyond the nodes alone; the
margins take that much)."""


def _printed_scene() -> NetworkScene:
    scene = NetworkScene()
    scene.printed = True
    scene.setBackgroundBrush(QColor(Qt.GlobalColor.white))
    scene.label_font.setPixelSize(NAME_PT)  # one unit is one point
    return scene


def _drawn(
    network: Network, positions: Mapping[int, Point], palette: Mapping[str, QColor], scale: float
) -> NetworkScene:
    """The network with its positions ``scale`` times as far apart (and its nodes as much
    smaller, never bigger), its biggest nodes named, without the legend. Where a name had to
    lie over another node (no place beside its own was free), drawn again with the nodes
    smaller (SHRINK, up to SHRINKS times): in the accepted sample's briefing figure لافروف's
    name lay over الأمم المتحدة in a dense cluster."""
    size = min(scale, 1.0)
    for attempt in range(SHRINKS + 1):
        scene = _drawn_once(network, positions, palette, scale, size)
        if attempt == SHRINKS or not scene.names_over_nodes():
            return scene
        scene.clear()
        scene.deleteLater()
        size *= SHRINK
    return scene


SHRINK = 0.8
SHRINKS = 3


def _drawn_once(
    network: Network,
    positions: Mapping[int, Point],
    palette: Mapping[str, QColor],
    scale: float,
    size: float,
) -> NetworkScene:
    scene = _printed_scene()
    scene.node_size = size
    placed = {node_id: (x * scale, y * scale) for node_id, (x, y) in positions.items()}
    scene.show_network(network, placed, palette)
    named = sorted(network.nodes, key=lambda n: (-n.mentions, n.id))[:FIGURE_NAMES]
    scene.name_always({node.id for node in named})  # a printed figure cannot be zoomed
    # The names are drawn by the scene, not by items: an empty frame around them, so that
    # the figure (its items' bounds) holds them whole, a name placed beside a node too.
    # (Half a point more: a name at the edge stays inside the figure's bounds after their
    # sums' rounding.)
    frame = QGraphicsRectItem(scene.names_rect(1.0).adjusted(-0.5, -0.5, 0.5, 0.5))
    frame.setPen(QPen(Qt.PenStyle.NoPen))
    frame.setBrush(Qt.BrushStyle.NoBrush)
    frame.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    frame.setZValue(-1)
    scene.addItem(frame)
    return scene


def _legend_room() -> float:
    """The height the legend adds above the network (points)."""
    return 36 * SMALL_PT / 13 + SMALL_PT


class _Extent:
    """The width and height the nodes alone cover at a scale of their positions (as
    :func:`_drawn` draws them: the radii shrink with the scale below 1), without a scene."""

    def __init__(self, network: Network, positions: Mapping[int, Point]) -> None:
        self.xs = [positions.get(node.id, (0.0, 0.0))[0] for node in network.nodes]
        self.ys = [positions.get(node.id, (0.0, 0.0))[1] for node in network.nodes]
        self.radii = [radius(node.mentions) for node in network.nodes]
        self.at_one = (self._span(self.xs, 1.0), self._span(self.ys, 1.0))

    def __call__(self, scale: float) -> tuple[float, float]:
        if scale <= 1.0:
            # Positions and radii scaled alike: the extent at 1, scaled.
            return self.at_one[0] * scale, self.at_one[1] * scale
        return self._span(self.xs, scale), self._span(self.ys, scale)

    def _span(self, values: list[float], scale: float) -> float:
        size = min(scale, 1.0)
        pairs = list(zip(values, self.radii, strict=True))
        return max(v * scale + r * size for v, r in pairs) - min(
            v * scale - r * size for v, r in pairs
        )


def _room(paper: Paper) -> tuple[float, float]:
    """The width and height the nodes and their names may take on ``paper`` (points)."""
    width = paper.width - 2 * MARGIN_PT
    return width, max(paper.max_height - 2 * MARGIN_PT - _legend_room(), 10.0)


def _fullness(scene: NetworkScene, paper: Paper) -> float:
    """How much of the room on ``paper`` the drawing of ``scene`` takes, on its fuller side
    (1: it fills it; the legend is not drawn yet)."""
    width, height = _room(paper)
    rect = scene.itemsBoundingRect()
    return max(rect.width() / width, rect.height() / height)


def _fitted_scale(
    network: Network,
    positions: Mapping[int, Point],
    palette: Mapping[str, QColor],
    paper: Paper,
    tried: tuple[float, NetworkScene] | None = None,
) -> float:
    """How much to scale the positions so that the nodes and their names (fixed in points)
    fill the paper's width, or its greatest height less the legend's. The names' reach
    beyond the nodes is measured on a drawing — ``tried``, a scale and the figure drawn at
    it, else the nodes alone drawn at a first guess (the edges change nothing of the bounds,
    and cost half of a drawing) —, then kept as the nodes are spread further or closer."""
    width, height = _room(paper)
    extent = _Extent(network, positions)
    if tried is None:
        spread_w, spread_h = extent.at_one
        scale = min(width / max(spread_w, 1.0), height / max(spread_h, 1.0)) * 0.8
        nodes_only = Network(network.nodes, (), network.options)
        probe = _drawn(nodes_only, positions, palette, scale)
        rect = probe.itemsBoundingRect()
        probe.clear()
        probe.deleteLater()
    else:
        scale, drawn = tried
        rect = drawn.itemsBoundingRect()
    nodes_w, nodes_h = extent(scale)
    names_w, names_h = rect.width() - nodes_w, rect.height() - nodes_h

    def fits(candidate: float) -> bool:
        w, h = extent(candidate)
        return w + names_w <= width and h + names_h <= height

    # Up to a scale of 1 the nodes' extent is the extent at 1 scaled: solved at once.
    at_one_w, at_one_h = extent.at_one
    best = min((width - names_w) / max(at_one_w, 1e-9), (height - names_h) / max(at_one_h, 1e-9))
    if best <= 1.0:
        return best if best > 0 else scale
    # Beyond, the radii stay: the largest scale that fits, by halving.
    low, high = 1.0, 2.0
    while fits(high) and high < 1e6:
        low, high = high, high * 2
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


def _on_paper(scene: NetworkScene, paper: Paper) -> NetworkScene:
    """The figure as wide as the paper, the drawing in its middle, with a margin."""
    content = scene.itemsBoundingRect()
    fits = content.width() + MARGIN_PT <= paper.width  # a margin a little narrower, else wider
    width = paper.width if fits else content.width() + 2 * MARGIN_PT
    rect = QRectF(
        content.center().x() - width / 2,
        content.top() - MARGIN_PT,
        width,
        content.height() + 2 * MARGIN_PT,
    )
    set_in_points(scene, rect)
    return scene
