"""The figures' text prints at one size close to the body text (issue 16 point 4), whatever
the number of nodes or claims: names NAME_PT (9 pt), legends and axes SMALL_PT (8 pt).

Measured on what is printed: the figure drawn as the briefing draws it (300 dpi, at the size
the briefing gives it), every item but the text looked at hidden, and the height of the ink
in the text's box compared with the same words drawn at the expected size in the same font.
Before, a small network scaled up to the page printed its names at about three times the body
text, and the timeline its lanes and legend at about 5 pt.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from desktop.analysis.network import Edge, Network, NetworkOptions, Node
from desktop.io.exporters.word.figures import MAX_HEIGHT_MM, TEXT_WIDTH_MM
from desktop.store.project import Project
from desktop.ui.figures import briefing, export
from desktop.ui.figures.network import FALLBACK_COLOURS, NetworkScene, figure_scene
from tests.io.briefing_project import build_briefing_project

DPI = 300
NAME_PT = 9
SMALL_PT = 8
NAME = "Russia-Now.com"
"""An organisation of the briefing project and the claimant of one of its claims: a node of
the network and a lane of the timeline, in Latin letters whatever the briefing's language."""


@pytest.fixture
def project(tmp_path: Path, qapp: object) -> Iterator[Project]:
    made, _ = build_briefing_project(tmp_path / "b.hamish")
    yield made
    made.close()


def _ink_rows(image: QImage, area: QRectF) -> float:
    """The height in pixels of the dark pixels (the text's ink) of ``image`` in ``area``."""
    left, top = max(0, int(area.left())), max(0, int(area.top()))
    right = min(image.width(), int(area.right()) + 1)
    bottom = min(image.height(), int(area.bottom()) + 1)
    rows = [
        y
        for y in range(top, bottom)
        if any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(left, right))
    ]
    assert rows, "no ink where the text should be"
    return max(rows) - min(rows) + 1


def printed_ink(drawn: QGraphicsScene, box: QRectF, keep: QGraphicsItem | None) -> float:
    """The height in points of the ink in ``box`` (scene units) when ``drawn`` is printed as
    the briefing prints it, with every item but ``keep`` hidden (the network's names are the
    scene's, drawn over its items: ``keep`` None shows them alone)."""
    width_mm, _ = briefing.draw_size(drawn)
    source = export._source(drawn)
    for item in drawn.items():
        item.setVisible(item is keep)
    image = export.render_image(drawn, width_mm=width_mm, dpi=DPI)
    scale = image.width() / source.width()
    area = QRectF(
        (box.left() - source.left()) * scale,
        (box.top() - source.top()) * scale,
        box.width() * scale,
        box.height() * scale,
    ).adjusted(-2, -2, 2, 2)
    return _ink_rows(image, area) * 72 / DPI


def expected_ink(text: str, font: QFont, points: int) -> float:
    """The height in points of the ink of ``text`` in ``font``'s family at ``points``."""
    sized = QFont(font)
    sized.setPixelSize(points)  # under a scale of a point per unit, as the figures are drawn
    image = QImage(3000, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(DPI / 72, DPI / 72)
    painter.setFont(sized)
    painter.setPen(QColor("black"))
    painter.drawText(QPointF(4, 30), text)
    painter.end()
    return _ink_rows(image, QRectF(image.rect())) * 72 / DPI


def _text_item(drawn: QGraphicsScene, text: str) -> QGraphicsSimpleTextItem:
    found = [
        item
        for item in drawn.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.text() == text
    ]
    assert found, text
    return found[0]


def _name_box(drawn: NetworkScene, name: str) -> QRectF:
    (node_id,) = [i for i, item in drawn.nodes.items() if item.node.name == name]
    assert node_id in drawn.named
    left, top, right, bottom = drawn.name_box(node_id, 1.0)
    return QRectF(left, top, right - left, bottom - top)


def _assert_size(measured: float, expected: float, what: str) -> None:
    assert expected * 0.85 <= measured <= expected * 1.15, (
        f"{what} prints {measured:.1f} pt of ink, {expected:.1f} expected"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_briefing_network_prints_its_names_and_legend_at_their_sizes(
    project: Project, language: str
) -> None:
    """A seven-node network drawn across the page: its names 9 pt and its legend 8 pt (they
    grew with the drawing to about three times the body text)."""
    from desktop.ui.i18n import term

    drawn = briefing.scene(project, "network", rtl=language == "ar", language=language)
    assert isinstance(drawn, NetworkScene)
    # As wide as the page's text, within its height.
    width_mm, height_mm = briefing.draw_size(drawn)
    assert width_mm == pytest.approx(TEXT_WIDTH_MM, abs=0.5)
    assert height_mm <= MAX_HEIGHT_MM + 0.5
    font = drawn.label_font
    name = printed_ink(drawn, _name_box(drawn, NAME), None)
    _assert_size(name, expected_ink(NAME, font, NAME_PT), "a name")
    drawn = briefing.scene(project, "network", rtl=language == "ar", language=language)
    word = term("person") if language == "en" else "شخص"
    legend = _text_item(drawn, word)
    ink = printed_ink(drawn, legend.sceneBoundingRect(), legend)
    _assert_size(ink, expected_ink(word, legend.font(), SMALL_PT), "the legend")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_briefing_timeline_prints_its_lanes_and_legend_at_their_sizes(
    project: Project, language: str
) -> None:
    """The timeline's lane names 9 pt and its legend 8 pt (about 5 pt before)."""
    from desktop.ui.i18n import term

    drawn = briefing.scene(project, "timeline", rtl=language == "ar", language=language)
    width_mm, height_mm = briefing.draw_size(drawn)
    assert width_mm == pytest.approx(TEXT_WIDTH_MM, abs=0.5)
    assert height_mm <= MAX_HEIGHT_MM + 0.5
    lane = _text_item(drawn, NAME)
    ink = printed_ink(drawn, lane.sceneBoundingRect(), lane)
    _assert_size(ink, expected_ink(NAME, lane.font(), NAME_PT), "a lane's name")
    drawn = briefing.scene(project, "timeline", rtl=language == "ar", language=language)
    with_language = term("asserts") if language == "en" else "يؤكد"
    legend = _text_item(drawn, with_language)
    ink = printed_ink(drawn, legend.sceneBoundingRect(), legend)
    _assert_size(ink, expected_ink(with_language, legend.font(), SMALL_PT), "the legend")


def _network(nodes: int) -> tuple[Network, dict[int, tuple[float, float]]]:
    rng = random.Random(nodes)
    made = tuple(Node(i, f"Entity {i}", "person", 1 + (7 * i) % 40) for i in range(nodes))
    edges = tuple(Edge(i, (i * 7 + 1) % nodes, 1, 0) for i in range(nodes) if nodes > 1)
    spread = 60.0 * nodes**0.5
    positions = {i: (rng.uniform(0, spread), rng.uniform(0, spread)) for i in range(nodes)}
    return Network(made, tuple(e for e in edges if e.source != e.target), NetworkOptions()), (
        positions
    )


@pytest.mark.parametrize("nodes", [2, 40, 800])
def test_printed_names_keep_their_size_whatever_the_network(qapp: object, nodes: int) -> None:
    """Every name drawn in a printed network is as high as the name font's line at 9 pt,
    from two nodes (scaled up to the page) to 800 (scaled down): the heights the painter
    was given, on the device at 300 dpi."""
    network, positions = _network(nodes)
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    drawn = figure_scene(network, positions, palette, paper=export.BRIEFING_PAPER)
    width_mm, height_mm = briefing.draw_size(drawn)
    assert width_mm <= TEXT_WIDTH_MM + 0.5 and height_mm <= MAX_HEIGHT_MM + 0.5
    assert width_mm == pytest.approx(TEXT_WIDTH_MM, abs=0.5)
    font = QFont(drawn.label_font)
    font.setPixelSize(NAME_PT)
    line = QFontMetricsF(font).height()  # points, at a point per unit
    drawn.label_log = []
    export.render_image(drawn, width_mm=width_mm, dpi=DPI)
    heights = [rect.height() * 72 / DPI for rect in drawn.label_log]
    assert len(heights) >= min(nodes, 5)
    for height in heights:
        assert height == pytest.approx(line, rel=0.02)


def test_a_tall_network_is_printed_no_taller_than_it_may_be(qapp: object) -> None:
    """Six entities laid out tall filled a page of the briefing and left its summary on a page
    of its own (a trial analyst): a printed network is at most TALLEST times its width."""
    from desktop.ui.figures.network import TALLEST

    network, _ = _network(6)
    positions = {i: (0.0 if i % 2 else 40.0, 120.0 * i) for i in range(6)}
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    drawn = figure_scene(network, positions, palette, paper=export.BRIEFING_PAPER)
    _, height_mm = briefing.draw_size(drawn)
    assert height_mm <= TEXT_WIDTH_MM * TALLEST + 0.5


def test_a_figure_laid_out_in_points_is_drawn_at_its_own_size(qapp: object, tmp_path: Path) -> None:
    """The PNG of a figure laid out in points is as wide as its paper (160 mm for the
    window's and the command line's, whatever width it would have had), and its SVG says the
    same size in millimetres: one unit is one point."""
    scene = QGraphicsScene()
    scene.addRect(0, 0, 100, 50, QPen(Qt.PenStyle.NoPen), QColor("#2e86c1"))
    paper = export.Paper()
    export.set_in_points(scene, QRectF(-10, -10, paper.width, 100))
    assert export.in_points(scene)
    image = export.render_image(scene)
    assert image.width() == round(paper.width_mm / 25.4 * DPI)
    assert image.height() == round(100 / 72 * DPI)
    # The rectangle begins 10 points (in the margin it was given) from the left.
    row = image.height() // 4
    first = next(
        x
        for x in range(image.width())
        if QColor(image.pixel(x, row)).blue() > 150 and QColor(image.pixel(x, row)).red() < 100
    )
    assert first == pytest.approx(10 / 72 * DPI, abs=2)
    # Any other scene is still drawn at the width asked for, 160 mm by default.
    plain = QGraphicsScene()
    plain.addRect(0, 0, 100, 50)
    assert not export.in_points(plain)
    assert export.render_image(plain).width() == round(160 / 25.4 * DPI)
    svg = tmp_path / "figure.svg"
    export.write_svg(scene, svg)
    head = svg.read_text(encoding="utf-8")
    width = float(head.split('width="', 1)[1].split("mm", 1)[0])
    assert width == pytest.approx(paper.width_mm, abs=0.5)


def test_a_timeline_of_thirty_lanes_keeps_its_text_size(tmp_path: Path, qapp: object) -> None:
    """Thirty claimants: the lanes drawn closer so that the figure fits the page's height at
    the text width, its names still 9 pt (the old layout, too tall, was drawn narrower, its
    text smaller with it)."""
    from tests.io.briefing_project import _claim

    made, info = build_briefing_project(tmp_path / "lanes.hamish")
    try:
        for k in range(25):
            source = made.entities.add(f"Source {k:02d}", "person")
            _claim(
                made,
                info.english,
                "Washington and Moscow",
                claimant_id=source,
                status="unverified",
                claimed_on=f"2016-{1 + k % 12:02d}-{1 + k:02d}",
            )
        drawn = briefing.scene(made, "timeline", rtl=False, language="en")
    finally:
        made.close()
    width_mm, height_mm = briefing.draw_size(drawn)
    assert width_mm == pytest.approx(TEXT_WIDTH_MM, abs=0.5)
    assert height_mm <= MAX_HEIGHT_MM + 0.5
    lane = _text_item(drawn, "Source 07")
    ink = printed_ink(drawn, lane.sceneBoundingRect(), lane)
    _assert_size(ink, expected_ink("Source 07", lane.font(), NAME_PT), "a lane's name")


def test_an_empty_network_says_why_within_the_page(qapp: object) -> None:
    """No entity: the sentence saying so, at the names' size, within the page's text width (a
    long one on one line was wider, and drawn smaller to fit)."""
    from desktop.analysis.network import NetworkIndex

    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    empty = Network((), (), NetworkOptions())
    drawn = figure_scene(empty, {}, palette, NetworkIndex(), paper=export.BRIEFING_PAPER)
    size = export.size_mm(drawn)
    assert size is not None
    assert size[0] == pytest.approx(TEXT_WIDTH_MM, abs=0.1)
    (message,) = [i for i in drawn.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert message.font().pixelSize() == NAME_PT
    # What there is, not the window's advice to tag or to filter (found by an attacker).
    assert message.text() == "No entity is named with another in these articles."
    assert message.sceneBoundingRect().width() <= drawn.sceneRect().width()
