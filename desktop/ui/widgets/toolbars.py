"""A tool bar whose actions that do not fit go into a » menu at its end.

QToolBar has an extension button of its own, but inside a QMainWindow it *expands* the bar
over the window instead of opening a menu, and our stylesheet's button padding leaves its
12 px too narrow to draw the arrow: on a 1024 px window the last labels (Manage Labels
among them) simply vanished. Here the bar itself decides what fits: actions that do not are
taken off the bar (not hidden: they stay in the menus and keep their shortcuts) and listed
in the » menu, in the same order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

OVERFLOW_TEXT = "»"
SLACK = 4  # px kept free, so a rounding difference never lets Qt hide a button itself


SEPARATOR_WIDTH = 8  # px: Fusion's toolbar separator with its margins
# px between the bar's buttons: style.qss's ``QToolBar { spacing: 4px }`` (Fusion's own
# is 4 too). A number, not ``self.layout().spacing()``: the bar's layout is a class private
# to Qt, and PySide finds its Python type by building those of every QLayout subclass —
# QFormLayout, QGridLayout, QStackedLayout and their enums, 2.3 M instructions before the
# first paint (tests/ui/test_layout.py checks the bars' layouts agree).
SPACING = 4


class OverflowToolBar(QToolBar):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        # Told by Qt when it changes, not asked (orientation() answers a Qt enum, and the
        # bar is fitted before the first paint: see qtvalues); a new bar is horizontal.
        self._horizontal = True
        self.orientationChanged.connect(self._orientation_changed)
        self.overflow_menu = QMenu(self)
        self.overflow_menu.setObjectName("toolbar_overflow_menu")
        self.overflow_button = QToolButton(self)
        self.overflow_button.setObjectName("toolbar_overflow")
        self.overflow_button.setText(OVERFLOW_TEXT)
        self.overflow_button.setToolTip(self.tr("More"))
        self.overflow_button.setAccessibleName(self.tr("More"))
        self.overflow_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.overflow_button.setMenu(self.overflow_menu)
        # The » says there is a menu: no second arrow beside it.
        self.overflow_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self._overflow_action = self.addWidget(self.overflow_button)
        self._overflow_action.setVisible(False)
        self._entries: list[QAction] = []
        self._widths: list[int] = []
        self._overhead = 0
        self._shown = 0
        self._fitting = False

    # --- what the bar holds --------------------------------------------------------------
    def clear(self) -> None:
        """Every action but the »: QToolBar.clear would delete the » with its button."""
        for action in self.actions():
            if action is not self._overflow_action:
                self.removeAction(action)
        self._entries, self._widths, self._shown = [], [], 0
        self.overflow_menu.clear()
        self._overflow_action.setVisible(False)

    def adopt_actions(self) -> None:
        """Take the actions now on the bar (added with ``addAction``/``addSeparator`` after a
        ``clear``) as the bar's entries, measure them and fit them to the width. They were
        added after the », so it is moved back to the end first."""
        self.removeAction(self._overflow_action)
        self.addAction(self._overflow_action)
        self._overflow_action.setVisible(False)
        self._entries = [a for a in self.actions() if a is not self._overflow_action]
        # Measured while every entry is on the bar: the buttons Qt made for them.
        self._widths = []
        for action in self._entries:
            if action.isSeparator():
                # Not widgetForAction: a separator's widget is a class private to Qt, and
                # PySide finds its Python type by building those of every QWidget subclass
                # (their enums included) — some 20 ms of start-up.
                self._widths.append(SEPARATOR_WIDTH)
                continue
            widget = self.widgetForAction(action)
            self._widths.append(widget.sizeHint().width() if widget is not None else 0)
        self._overhead = max(0, self.sizeHint().width() - self._content(len(self._entries)))
        self._shown = len(self._entries)
        self.fit()

    def entries(self) -> list[QAction]:
        return list(self._entries)

    def overflowed(self) -> list[QAction]:
        """The entries in the » menu (separators left out)."""
        return [a for a in self._entries[self._shown :] if not a.isSeparator()]

    # --- fitting ---------------------------------------------------------------------------
    def _orientation_changed(self, orientation: object) -> None:
        from desktop.ui.qtvalues import Qt

        self._horizontal = orientation == Qt.Orientation.Horizontal

    def _content(self, count: int) -> int:
        if count <= 0:
            return 0
        return sum(self._widths[:count]) + SPACING * (count - 1)

    def _fitting_count(self) -> int:
        if not self._horizontal:
            return len(self._entries)  # docked at a side: Qt's own extension handles it
        width = self.width()
        if self._overhead + self._content(len(self._entries)) + SLACK <= width:
            return len(self._entries)
        room = width - self._overhead - self.overflow_button.sizeHint().width() - SPACING - SLACK
        count = len(self._entries)
        while count > 0 and self._content(count) > room:
            count -= 1
        while count > 0 and self._entries[count - 1].isSeparator():
            count -= 1  # no separator just before the »
        return count

    def fit(self) -> None:
        if self._fitting or not self._entries:
            return
        self._fitting = True
        try:
            count = self._fitting_count()
            if count != self._shown or self._needs_rebuild(count):
                for action in self._entries:
                    self.removeAction(action)
                for action in self._entries[:count]:
                    self.insertAction(self._overflow_action, action)
                self._shown = count
            hidden = self.overflowed()
            self.overflow_menu.clear()
            self.overflow_menu.addActions(hidden)
            self._overflow_action.setVisible(bool(hidden))
        finally:
            self._fitting = False

    def _needs_rebuild(self, count: int) -> bool:
        on_bar = [a for a in self.actions() if a is not self._overflow_action]
        return on_bar != self._entries[:count]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
