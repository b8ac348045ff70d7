"""One date format in the interface, in both languages: ISO, left to right (issue 16: the
Entity Network's date fields showed 02-12-2026 in Arabic while every other pane shows
2026-12-02)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.dates import ISO_FORMAT, date_edit, iso


@pytest.fixture(params=["english-ui", "arabic-ui"])
def direction(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Qt.LayoutDirection]:
    before = QApplication.layoutDirection()
    chosen = (
        Qt.LayoutDirection.RightToLeft
        if request.param == "arabic-ui"
        else Qt.LayoutDirection.LeftToRight
    )
    QApplication.setLayoutDirection(chosen)
    yield chosen
    QApplication.setLayoutDirection(before)


def _shows_iso(edit: QDateEdit, day: QDate) -> None:
    edit.setDate(day)
    assert edit.displayFormat() == ISO_FORMAT
    assert edit.text() == iso(day) == day.toString("yyyy-MM-dd")
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_helper_shows_iso_left_to_right(direction: Qt.LayoutDirection, qtbot: QtBot) -> None:
    edit = date_edit()
    qtbot.addWidget(edit)
    _shows_iso(edit, QDate(2026, 12, 2))


def test_the_networks_date_fields_are_iso_in_arabic(
    direction: Qt.LayoutDirection, qtbot: QtBot
) -> None:
    from desktop.ui.figures.network_dock import NetworkDock

    dock = NetworkDock()
    qtbot.addWidget(dock)
    _shows_iso(dock.date_from, QDate(2000, 1, 1))
    _shows_iso(dock.date_to, QDate(2026, 12, 2))
    dock.dates.setChecked(True)
    options = dock.options()
    assert (options.date_from, options.date_to) == ("2000-01-01", "2026-12-02")


def test_no_pane_makes_a_date_field_of_its_own() -> None:
    """Every date field comes from ``date_edit``: the order of the two calls inside it is
    what keeps Qt from reversing the date in Arabic."""
    from pathlib import Path

    import desktop

    root = Path(desktop.__file__).parent / "ui"
    makers = [
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "QDateEdit(" in path.read_text(encoding="utf-8")
    ]
    assert makers == ["widgets/dates.py"]
