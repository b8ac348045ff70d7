"""The figures in the dark theme (issue 16's remaining flaws): in the window the Entity
Network and the Claim Timeline, and their legends, are drawn on the theme's background in
colours readable there; what is printed or exported (PNG, SVG, the briefing) stays on
white paper whatever the theme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.figures.canvas import DARK, PAPER
from desktop.ui.shell import theme
from desktop.ui.shell.actions import ActionId
from tests.io.briefing_project import build_briefing_project


def _luminance(colour: QColor) -> float:
    def part(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * part(colour.redF())
        + 0.7152 * part(colour.greenF())
        + 0.0722 * part(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("canvas", [PAPER, DARK], ids=["paper", "dark"])
def test_each_canvas_s_colours_read_on_its_background(canvas: Any) -> None:
    from desktop.ui.figures.network import FALLBACK_COLOURS

    background = QColor(canvas.background)
    assert _contrast(QColor(canvas.ink), background) >= 7  # names, lanes, dates
    assert _contrast(QColor(canvas.faint), background) >= 3.5  # the axis, notes
    marks = [
        canvas.asserts,
        canvas.denies,
        canvas.contradicts,
        canvas.supports,
        canvas.claim_edge,
        canvas.edge,
    ]
    if canvas is DARK:  # the entity types' colours are light: they read on dark
        marks += list(FALLBACK_COLOURS.values())
    for colour in marks:
        assert _contrast(QColor(colour), background) >= 3, colour


@pytest.fixture
def dark_window(make_window: Any, tmp_path: Path) -> Iterator[Any]:
    build_briefing_project(tmp_path / "b.hamish")
    window = make_window(tmp_path / "b.hamish")
    window.finish_setup()
    try:
        yield window
    finally:
        theme.apply(False)


def _corner(image: QImage) -> QColor:
    return image.pixelColor(2, 2)


def _share(image: QImage, colour: QColor) -> float:
    """The share of the picture's pixels (a grid of them) that are ``colour``."""
    step = 4
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    same = sum(1 for x, y in points if image.pixelColor(x, y).rgb() == colour.rgb())
    return same / len(points)


def test_the_network_and_timeline_docks_follow_the_theme_their_files_stay_white(
    dark_window: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = dark_window
    window.registry[ActionId.THEME_DARK].trigger()
    # Built while dark
    window.show_network()
    network, controller = window.network_dock, window.network
    qtbot.waitUntil(lambda: not controller.busy and bool(network.scene.nodes), timeout=20_000)
    window.registry[ActionId.SHOW_TIMELINE].trigger()
    timeline = window.timeline_dock
    qtbot.waitUntil(lambda: window.timeline.timeline is not None, timeout=20_000)
    QApplication.processEvents()
    dark = QColor(DARK.background)
    for view in (network.view, timeline.view, timeline.legend):
        picture = view.viewport().grab().toImage()
        assert _corner(picture).rgb() == dark.rgb(), view.objectName()
        assert _share(picture, QColor("#ffffff")) < 0.01, view.objectName()
    # A hover veils the rest in the background's colour, not in white.
    node = next(iter(network.scene.nodes))
    network.scene.set_focus(node)
    QApplication.processEvents()
    veiled = network.view.viewport().grab().toImage()
    assert _share(veiled, QColor("#ffffff")) < 0.01
    assert _corner(veiled).lightness() < 60
    network.scene.set_focus(None)
    # The names in light ink: the scene draws them in the canvas's ink.
    assert network.scene.canvas == DARK and timeline.scene.canvas == DARK
    lanes = [
        item.brush().color().name()
        for item in timeline.scene.items()
        if hasattr(item, "text") and item.text() == "جون كيري"
    ]
    assert lanes == [DARK.ink]
    # The exported files are on paper.
    from desktop.ui.widgets import files

    chosen = iter([str(tmp_path / "n.png"), str(tmp_path / "n.svg"), str(tmp_path / "t.png")])
    monkeypatch.setattr(files, "save_file_name", lambda *args, **kwargs: next(chosen))
    controller.export("png")
    controller.export("svg")
    timeline.export_png.click()
    for name in ("n.png", "t.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert _corner(image).rgb() == QColor("#ffffff").rgb(), name
        assert _share(image, dark) == 0, name
    svg = (tmp_path / "n.svg").read_text(encoding="utf-8")
    assert DARK.background not in svg and DARK.ink not in svg
    # Back to light: white again, names dark.
    window.registry[ActionId.THEME_LIGHT].trigger()
    QApplication.processEvents()
    assert network.scene.canvas == PAPER and timeline.scene.canvas == PAPER
    for view in (network.view, timeline.view, timeline.legend):
        picture = view.viewport().grab().toImage()
        assert _corner(picture).rgb() == QColor(PAPER.background).rgb(), view.objectName()
