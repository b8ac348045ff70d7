"""The key to the Entity Network dock, under its view: each entity type shown with its shape
in the project's own label colour, the red claim edge (claimant → subject) and what an edge's
thickness says (how often the two are named together). A trial user found nothing in the dock
to read the shapes and colours by — only the printed figure had a legend.

A wrapping row (``widgets/flow.py``): on a narrow dock it takes two or three rows, and in
Arabic it reads from the right, as the dock's filters do. It follows the scene: its types
and claim entry change when the network shown does (``NetworkScene.edition``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.models import ENTITY_TYPES
from desktop.ui.figures.network import (
    FALLBACK_COLOURS,
    SHAPES,
    WIDTHS,
    NetworkScene,
    claim_edge_text,
    shape_path,
)
from desktop.ui.i18n import term
from desktop.ui.widgets.flow import FlowBar, FlowLayout, group

KEY = 16
"""The side of an entry's key, in pixels (a node of the network at about its usual size)."""


class NetworkLegend(FlowBar):
    """The key to ``scene``'s shapes, colours and edges, in a wrapping row."""

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("network_legend")
        self.scene = scene
        self.flow = FlowLayout(self, spacing=12)
        self.entries: dict[str, QWidget] = {}
        """Entry name (an entity type, ``claim``, ``weight``) → its widget, shown or not."""
        self._shown_for: tuple[int, tuple[tuple[str, str], ...]] | None = None
        self._lines_for = scene.canvas
        self._build()
        scene.changed.connect(lambda _regions: self.follow())
        self.follow()

    def _entry(self, name: str, key: QPixmap, text: str, tip: str = "") -> None:
        picture = QLabel(self)
        picture.setPixmap(key)
        words = QLabel(text, self)
        words.setObjectName(f"network_legend_{name}")
        entry = group(self, picture, words, spacing=4)
        if tip:
            entry.setToolTip(tip)
        self.flow.addWidget(entry)
        self.entries[name] = entry

    def _build(self) -> None:
        for type_ in ENTITY_TYPES:
            self._entry(type_, self._shape(type_, QColor(FALLBACK_COLOURS[type_])), term(type_))
        self._entry(
            "claim",
            self._lines(self._claim_pens()),
            claim_edge_text(),
            self.tr("A red link: one of them made a claim about the other."),
        )
        self._entry(
            "weight",
            self._lines(self._weight_pens()),
            self.tr("Thicker: named together more often"),
            self.tr("A link's thickness grows with the passages that name the two together."),
        )

    def _claim_pens(self) -> list[tuple[QColor, float]]:
        return [(QColor(self.scene.canvas.claim_edge), 2.0)]

    def _weight_pens(self) -> list[tuple[QColor, float]]:
        """The edges' grey in three widths."""
        grey = QColor(self.scene.canvas.edge)
        return [(grey, width) for width in (WIDTHS[0][1], WIDTHS[2][1], WIDTHS[-1][1])]

    def _pixmap(self) -> tuple[QPixmap, QPainter]:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(KEY * ratio), round(KEY * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return pixmap, painter

    def _shape(self, type_: str, colour: QColor) -> QPixmap:
        pixmap, painter = self._pixmap()
        painter.translate(QPointF(KEY / 2, KEY / 2))
        painter.setPen(QPen(colour.darker(160), 1.0))
        painter.setBrush(colour)
        painter.drawPath(shape_path(SHAPES.get(type_, "hexagon"), KEY / 2 - 2))
        painter.end()
        return pixmap

    def _lines(self, pens: list[tuple[QColor, float]]) -> QPixmap:
        """Lines across the key, one under the other (a single one in its middle)."""
        pixmap, painter = self._pixmap()
        area = QRectF(1, 2, KEY - 2, KEY - 4)
        for number, (colour, width) in enumerate(pens):
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            y = area.center().y()
            if len(pens) > 1:
                y = area.top() + area.height() * number / (len(pens) - 1)
            painter.drawLine(QLineF(area.left(), y, area.right(), y))
        painter.end()
        return pixmap

    def follow(self) -> None:
        """Show the entries of what the scene draws now, in the project's colours: its types
        (every type while it draws nothing), the claim edge if there is one, the thickness
        if there is an edge."""
        scene = self.scene
        palette: Mapping[str, QColor] = scene.type_colours()
        colours = tuple(sorted((key, colour.name()) for key, colour in palette.items()))
        if self._shown_for == (scene.edition, colours):
            return  # a hover or a zoom: nothing the legend shows changed
        self._shown_for = (scene.edition, colours)
        if self._lines_for != scene.canvas:  # the theme changed: the edges' colours with it
            self._lines_for = scene.canvas
            for name, pens in (("claim", self._claim_pens()), ("weight", self._weight_pens())):
                picture = self.entries[name].findChild(QLabel)
                if isinstance(picture, QLabel):
                    picture.setPixmap(self._lines(pens))
        network = scene.network
        nodes = network.nodes if network is not None else ()
        edges = network.edges if network is not None else ()
        present = {node.type for node in nodes} or set(ENTITY_TYPES)
        for type_ in ENTITY_TYPES:
            entry = self.entries[type_]
            entry.setVisible(type_ in present)
            picture = entry.findChild(QLabel)
            if isinstance(picture, QLabel):
                colour = palette.get(type_, QColor(FALLBACK_COLOURS[type_]))
                picture.setPixmap(self._shape(type_, colour))
        self.entries["claim"].setVisible(any(edge.claims for edge in edges))
        self.entries["weight"].setVisible(bool(edges))
        self.updateGeometry()
