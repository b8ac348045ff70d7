"""A sorted column's header shows its words (or icon) whole beside the sort arrow.

A trial read «الثقـ▲» and "Score▲" in the Review Queue, and the library's tag-count icon
under its arrow: the stylesheet's header section draws its words across the whole section,
the arrow over them. The widths here come from the style's own measures, not the code's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle
from pytestqt.qtbot import QtBot

from desktop.settings import Settings
from desktop.ui.library.dock import LibraryModel
from desktop.ui.shell.actions import ActionId

from .conftest import launch
from .test_review import _settled

SIZES = [(1024, 640), (1366, 768)]
PADDING = 16  # resources/style.qss: QHeaderView::section { padding: 6px 8px }


def _least(header: QHeaderView, content: int) -> int:
    """The content, the section's padding, and the arrow with the style's margins."""
    style = header.style()
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return content + PADDING + mark + 2 * margin


def _leading(header: QHeaderView) -> bool:
    """The words at the section's start, the arrow at its end (centred words would need
    the arrow's room on both sides)."""
    return bool(header.defaultAlignment() & Qt.AlignmentFlag.AlignLeading)


@pytest.mark.parametrize("size", SIZES)
def test_each_sorted_queue_column_shows_its_header_whole_beside_the_arrow(
    language: str, size: tuple[int, int], qtbot: QtBot, default_project: Path, tmp_path: Path
) -> None:
    window = launch(qtbot, default_project, Settings.at(tmp_path / "s.ini"), size)
    window.registry[ActionId.SHOW_REVIEW].trigger()
    _settled(window, qtbot)
    view = window.review_dock.view
    header = view.horizontalHeader()
    assert _leading(header)
    metrics = header.fontMetrics()
    model = view.model()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert len(shown) >= 3
    for column in shown:
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        least = _least(header, metrics.horizontalAdvance(title))
        assert header.sectionSize(column) >= least, (title, header.sectionSize(column), least)
        for other in shown:  # the others' words whole without an arrow
            words = str(model.headerData(other, Qt.Orientation.Horizontal))
            assert header.sectionSize(other) >= metrics.horizontalAdvance(words) + PADDING
    window.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_librarys_sorted_columns_show_their_header_whole_beside_the_arrow(
    language: str, size: tuple[int, int], qtbot: QtBot, default_project: Path, tmp_path: Path
) -> None:
    window = launch(qtbot, default_project, Settings.at(tmp_path / "s.ini"), size)
    dock = window.library
    header = dock.view.header()
    assert _leading(header)
    model = dock.model
    assert model is not None
    metrics = header.fontMetrics()
    for column in (LibraryModel.ANNOTATIONS, LibraryModel.DATE):
        if header.isSectionHidden(column):
            continue
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        title = str(model.header_data(column) or "")
        content = metrics.horizontalAdvance(title) if title else header.iconSize().width()
        least = _least(header, content)
        assert header.sectionSize(column) >= least, (title, header.sectionSize(column), least)
    assert model.count_icon  # the icon case was the one seen (a laptop's narrow library)
    window.close()


@pytest.mark.parametrize("dark", [False, True])
def test_fusions_sort_arrow_is_the_room_left_before_the_first_paint(
    dark: bool, language: str, qtbot: QtBot, default_project: Path, tmp_path: Path
) -> None:
    from desktop.ui.shell import theme
    from desktop.ui.widgets.headers import SORT_ARROW_ROOM, header_width, sort_arrow_room

    window = launch(qtbot, default_project, Settings.at(tmp_path / "s.ini"))
    try:
        theme.apply(dark)
        for header in (window.library.view.header(), QHeaderView(Qt.Orientation.Horizontal)):
            assert sort_arrow_room(header) == SORT_ARROW_ROOM
            assert header_width(header, 30, measure=False) == _least(header, 30)
    finally:
        theme.apply(False)
