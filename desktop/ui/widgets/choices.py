"""A filter's drop-down list filled again when the data changes, keeping what was chosen; a
menu of checkboxes that stays open while they are ticked."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QComboBox, QMenu

from desktop.ops.outcome import short


def refill(box: QComboBox, everything: str, items: Iterable[tuple[str, object]]) -> None:
    """``box`` lists ``everything`` (no filter, data None) then each ``(text, value)``, texts
    cut at 40 characters; the value chosen before stays chosen if it is still there. No
    signal is sent: refilling is not the analyst choosing."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, None)
    for text, value in items:
        box.addItem(short(text, 40), value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


class ChecklistMenu(QMenu):
    """A menu of checkable choices that stays open while the analyst ticks several (a plain
    menu closed after each, so showing three of seven types took six clicks — found by a
    trial); Escape or a click outside closes it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()  # toggled, the menu left open
            event.accept()
            return
        super().mouseReleaseEvent(event)
