"""A filter's drop-down list filled again when the data changes, keeping what was chosen."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

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
