"""A filter's drop-down list filled again when the data changes, keeping what was chosen; a
menu of checkboxes that stays open while they are ticked."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QMenu, QWidget

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


class FieldComboBox(QComboBox):
    """A drop-down that holds a stored value in a form the analyst scrolls (the Claim dock,
    the article's details): the mouse wheel over it scrolls the form unless the analyst has
    clicked or tabbed into it first. A plain combo box takes the wheel, so scrolling the Claim
    dock down past its Status field turned "unverified" into "refuted" and saved it — found
    by a trial; only the Edit menu's undo said something had changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: see above

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
            return
        # Handed to the form's scroll area itself: an ignored wheel event reaches the parents
        # only when it came from the window system, so ignoring it would leave the wheel dead
        # over the field whenever the event is sent (a test, an accessibility tool).
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()
            return
        QApplication.sendEvent(area.viewport(), event.clone())
        event.accept()


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
