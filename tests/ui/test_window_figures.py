"""A briefing or a figure made in the window draws the network as the Entity Network shows
it (issue 16's remaining flaws): with the dock's filters (level, types, least weight,
dates), said in the caption, and at the positions the window shows when it has laid out
the same network — the briefing laid it out afresh, so the window and the briefing showed
one network in two layouts. The command line keeps its own options."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.analysis.layout import layout
from desktop.io.exporters.report import ReportOptions
from desktop.ui.figures.network import NetworkShown, NodeItem, briefing_scene
from desktop.ui.shell.actions import ActionId
from tests.io.briefing_project import build_briefing_project


def _settled(window: Any, qtbot: QtBot) -> None:
    controller = window.network
    qtbot.waitUntil(
        lambda: not controller.busy and controller.shown().network is not None, timeout=20_000
    )


def _scaled_from(scene: Any, positions: dict[int, tuple[float, float]]) -> bool:
    """Whether the figure's nodes sit at ``positions``, all scaled by one factor."""
    placed = {
        item.node.id: (item.pos().x(), item.pos().y())
        for item in scene.items()
        if isinstance(item, NodeItem)
    }
    assert set(placed) == set(positions)
    far = max(positions, key=lambda i: abs(positions[i][0]) + abs(positions[i][1]))
    x, y = positions[far]
    scale = (placed[far][0] / x) if abs(x) > abs(y) else (placed[far][1] / y)
    return all(
        abs(placed[i][0] - scale * px) < 0.01 and abs(placed[i][1] - scale * py) < 0.01
        for i, (px, py) in positions.items()
    )


def test_the_window_s_briefing_and_figure_draw_the_network_as_the_dock_shows_it(
    make_window: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: Any
) -> None:
    from desktop.ui.figures import window_export
    from desktop.ui.figures.briefing import briefing_figures, scene

    build_briefing_project(tmp_path / "b.hamish")
    window = make_window(tmp_path / "b.hamish")
    window.finish_setup()
    window.show_network()
    dock = window.network_dock
    _settled(window, qtbot)
    # The article level: more links, laid out around the sentence level's nodes.
    dock.level.setCurrentIndex(dock.level.findData("article"))
    _settled(window, qtbot)
    shown = window.figures_shown()["network"]
    assert shown.options.level == "article"
    kept = dict(shown.positions)
    # The window's layout stays where it was through refreshes of the same network.
    dock.level.setCurrentIndex(dock.level.findData("sentence"))
    _settled(window, qtbot)
    dock.level.setCurrentIndex(dock.level.findData("article"))
    _settled(window, qtbot)
    assert window.figures_shown()["network"].positions == kept
    project = window.project
    # The figure is the dock's network at the window's positions …
    drawn = scene(project, "network", rtl=False, shown=window.figures_shown())
    assert _scaled_from(drawn, kept)
    # … where without a settled layout of it it is laid out afresh, elsewhere.
    alone = briefing_scene(project, False, None, NetworkShown(shown.options))
    fresh = layout(shown.network)
    assert _scaled_from(alone, fresh) and not _scaled_from(alone, kept)
    # A least weight: fewer links, said in the caption with the level.
    dock.min_weight.setValue(2)
    _settled(window, qtbot)
    shown = window.figures_shown()["network"]
    (figure,) = briefing_figures(project, ["network"], "en", shown=window.figures_shown())
    assert "same article" in figure.caption and "sentence" not in figure.caption
    assert "Entity Network pane" in figure.caption and "weight 2 or more" in figure.caption
    (plain,) = briefing_figures(project, ["network"], "en")
    assert "same sentence" in plain.caption and "pane" not in plain.caption
    # The briefing dialog draws its figures so.
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    options = replace(ReportOptions(), language="ar", figures=("network",))
    (written,) = dialog._draw_figures(options)
    assert "المقال نفسه" in written.caption and "لوحة شبكة الكيانات" in written.caption
    # File → Export → Figure draws it so too.
    asked: list[Any] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("shown"))
        return scene(*args, **kwargs)

    monkeypatch.setattr(window_export, "scene", recording)
    exporter = window.figure_export
    exporter.choose_figure = lambda keys: "network"
    exporter.choose_path = lambda *args: str(tmp_path / "network.png")
    assert exporter.export() == tmp_path / "network.png"
    assert asked and asked[0]["network"].options.min_weight == 2
    # Closed, the dock's filters are no longer the analyst's view: the defaults.
    dock.close()
    QApplication.processEvents()
    assert window.figures_shown() == {}


def test_a_briefing_of_some_articles_keeps_the_dock_s_filters_within_them(
    tmp_path: Path, qapp: Any
) -> None:
    from desktop.analysis.network import NetworkOptions
    from desktop.ui.figures.network import briefing_options

    dock = NetworkOptions(level="paragraph", documents=frozenset({1, 2}), min_weight=3)
    assert briefing_options(dock, None) == dock
    assert briefing_options(dock, frozenset({2, 3})).documents == {2}
    assert briefing_options(dock, frozenset({3})).documents == {0}  # none: no article
    every = NetworkOptions(level="article")
    assert briefing_options(every, frozenset({3})) == replace(every, documents=frozenset({3}))


def test_the_window_s_briefing_draws_the_timeline_as_its_dock_shows_it(
    make_window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from desktop.ui.figures.briefing import briefing_figures, scene

    made, _ = build_briefing_project(tmp_path / "b.hamish")
    made.close()
    window = make_window(tmp_path / "b.hamish")
    window.finish_setup()
    window.registry[ActionId.SHOW_TIMELINE].trigger()
    qtbot.waitUntil(lambda: window.timeline.timeline is not None, timeout=20_000)
    dock = window.timeline_dock
    dock.lanes.setCurrentIndex(dock.lanes.findData("subject"))
    dock.status.setCurrentIndex(dock.status.findData("refuted"))
    qtbot.waitUntil(lambda: window.timeline.options.lanes == "subject", timeout=20_000)
    shown = window.figures_shown()
    assert shown["timeline"].filters.statuses == {"refuted"}
    (figure,) = briefing_figures(window.project, ["timeline"], "en", shown=shown)
    assert "one lane per subject" in figure.caption
    assert "Claim Timeline pane" in figure.caption and "filters keep" in figure.caption
    drawn = scene(window.project, "timeline", rtl=False, shown=shown)
    alone = scene(window.project, "timeline", rtl=False)

    def texts(figure_scene: Any) -> set[str]:
        return {
            item.text()
            for item in figure_scene.items()
            if isinstance(item, QGraphicsSimpleTextItem)
        }

    assert texts(drawn) != texts(alone)  # other lanes, fewer claims
    (plain,) = briefing_figures(window.project, ["timeline"], "en")
    assert "one lane per claimant" in plain.caption and "pane" not in plain.caption
