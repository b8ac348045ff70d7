"""The wrapping bar of controls (widgets/flow.py): one row when there is room, more rows
when not, in reading order in both directions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.flow import flow_bar, group


def _bar(qtbot: QtBot, direction: Qt.LayoutDirection) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    host.setLayoutDirection(direction)
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    bar, flow = flow_bar(host, "bar")
    buttons = [QPushButton(f"Button {n}", host) for n in range(3)]
    for button in buttons:
        button.setFixedSize(100, 24)
    flow.add(buttons[0])
    flow.add(group(host, buttons[1], buttons[2]))
    column.addWidget(bar)
    column.addStretch(1)
    return host, buttons


def _rows(buttons: list[QPushButton]) -> int:
    return len({b.mapToGlobal(b.rect().topLeft()).y() for b in buttons})


def test_one_row_when_wide_and_more_when_narrow(qtbot: QtBot, qapp: QApplication) -> None:
    host, buttons = _bar(qtbot, Qt.LayoutDirection.LeftToRight)
    host.resize(600, 200)
    host.show()
    qtbot.waitExposed(host)
    assert _rows(buttons) == 1
    assert buttons[0].x() < buttons[1].mapTo(host, buttons[1].rect().topLeft()).x()
    # The bar asks only for its widest item (the group of two), not for all three.
    assert host.minimumSizeHint().width() < 300
    host.resize(250, 200)
    qtbot.waitUntil(lambda: _rows(buttons) == 2)
    # A group wraps as one: its two buttons stay side by side.
    assert (
        buttons[1].mapToGlobal(buttons[1].rect().topLeft()).y()
        == buttons[2].mapToGlobal(buttons[2].rect().topLeft()).y()
    )
    bar = host.findChild(QWidget, "bar")
    assert bar is not None and bar.height() >= 2 * 24


def test_right_to_left_starts_on_the_right(qtbot: QtBot, qapp: QApplication) -> None:
    host, buttons = _bar(qtbot, Qt.LayoutDirection.RightToLeft)
    host.resize(600, 200)
    host.show()
    qtbot.waitExposed(host)
    xs = [b.mapTo(host, b.rect().topLeft()).x() for b in buttons]
    assert xs[0] > xs[1] > xs[2]


def test_a_dock_asks_for_the_height_of_its_wrapped_rows(qtbot: QtBot, qapp: QApplication) -> None:
    """A main window sizes a dock by its widgets' least sizes alone (it does not ask
    ``heightForWidth``): a bar wrapped onto more rows asks for their height, else a short
    window gave the network's bar one row and cut its weight and export buttons off."""
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit(window))
    dock = QDockWidget("Dock", window)
    body = QWidget(dock)
    column = QVBoxLayout(body)
    bar, flow = flow_bar(body, "bar")
    buttons = [QPushButton(f"Button {n}", body) for n in range(6)]
    for button in buttons:
        button.setFixedSize(100, 24)
        flow.add(button)
    column.addWidget(bar)
    view = QTextEdit(body)
    view.setMinimumHeight(60)
    column.addWidget(view, 1)
    dock.setWidget(body)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(250, 400)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    window.resizeDocks([dock], [80], Qt.Orientation.Vertical)  # as short as it may be
    QApplication.processEvents()
    qtbot.waitUntil(lambda: _rows(buttons) == 3)
    top = view.mapTo(body, view.rect().topLeft()).y()
    for button in buttons:  # every row whole, above the view
        assert button.mapTo(body, button.rect().bottomLeft()).y() < top
    window.resize(700, 400)  # one row again: the dock may be short again
    qtbot.waitUntil(lambda: _rows(buttons) == 1)
    assert bar.minimumSizeHint().height() < 2 * 24
