"""The key to the Entity Network: in the dock, under the view, the types shown with their
shapes in the project's colours, the red claim edge and the edges' thickness — wrapping on a
narrow dock, from the right in Arabic; in the printed figure, the claim edge beside the types
when the figure has one. A trial user found nothing in the dock to read them by."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QLabel
from pytestqt.qtbot import QtBot

from desktop.analysis.network import Edge, Network, NetworkOptions, Node
from desktop.ui.figures.network import (
    FALLBACK_COLOURS,
    claim_edge_text,
    figure_scene,
)
from desktop.ui.figures.network_dock import NetworkDock
from desktop.ui.figures.network_legend import NetworkLegend

NODES = (
    Node(1, "جون كيري", "person", 9),
    Node(2, "سيرغي لافروف", "person", 7),
    Node(3, "موسكو", "location", 4),
)
POSITIONS = {1: (0.0, 0.0), 2: (80.0, 0.0), 3: (40.0, 60.0)}


def _palette(person: str = "#123456") -> dict[str, QColor]:
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    palette["person"] = QColor(person)  # the analyst's own colour for persons
    return palette


def _network(claims: int) -> Network:
    edges = (Edge(1, 2, 3, claims), Edge(1, 3, 1, 0))
    return Network(NODES, edges, NetworkOptions())


def _dock(qtbot: QtBot, claims: int = 1, *, rtl: bool = False) -> NetworkDock:
    dock = NetworkDock()
    qtbot.addWidget(dock)
    if rtl:
        dock.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    dock.scene.show_network(_network(claims), POSITIONS, _palette())
    dock.show_view()
    dock.resize(900, 400)
    with qtbot.waitExposed(dock):
        dock.show()
    return dock


def _shown(legend: NetworkLegend) -> set[str]:
    return {name for name, entry in legend.entries.items() if entry.isVisibleTo(legend)}


def test_the_dock_explains_its_shapes_colours_and_edges(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    legend = dock.legend
    assert legend.isVisible()
    assert legend.geometry().top() >= dock.view.geometry().bottom()  # under the view
    assert _shown(legend) == {"person", "location", "claim", "weight"}
    texts = {label.text() for label in legend.findChildren(QLabel)}
    assert claim_edge_text() in texts
    # The person's key in the project's colour, not the default one.
    picture = legend.entries["person"].findChild(QLabel)
    assert isinstance(picture, QLabel)
    image = picture.pixmap().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.name() == "#123456"
    # Without claim edges, no claim entry; a new network updates the legend.
    dock.scene.show_network(_network(0), POSITIONS, _palette())
    qtbot.waitUntil(lambda: _shown(legend) == {"person", "location", "weight"})


def test_the_legend_wraps_on_a_narrow_dock_and_reads_from_the_right_in_arabic(
    qtbot: QtBot,
) -> None:
    dock = _dock(qtbot, rtl=True)
    legend = dock.legend
    qtbot.waitUntil(lambda: legend.height() > 0)
    one_row = legend.height()
    person, claim = legend.entries["person"], legend.entries["claim"]
    assert person.geometry().left() > claim.geometry().right()  # the first on the right
    assert person.geometry().top() == claim.geometry().top()
    dock.resize(240, 400)
    qtbot.waitUntil(lambda: legend.height() > one_row)
    assert claim.geometry().top() > person.geometry().top()  # wrapped onto a second row


def test_the_printed_legend_names_the_claim_edge_when_there_is_one(qapp: object) -> None:
    def words(claims: int) -> set[str]:
        scene = figure_scene(_network(claims), POSITIONS, _palette(), rtl=True)
        return {item.text() for item in scene.items() if isinstance(item, QGraphicsSimpleTextItem)}

    assert claim_edge_text() in words(1)
    assert claim_edge_text() not in words(0)
