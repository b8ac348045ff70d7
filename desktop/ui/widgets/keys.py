"""Window keys that a text box must not take: Ctrl+E in a line edit.

On Linux, QLineEdit keeps a few Emacs keys for itself (Ctrl+A start of line, Ctrl+E end of
line, Ctrl+K…) and takes them before the window's shortcuts see them: with the cursor in the
library filter or the search box, Ctrl+E (Word briefing) did nothing. ``keep_window_keys``
lets the listed keys through to the window; every other key of the field works as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget


class _WindowKeys(QObject):
    def __init__(self, keys: Iterable[QKeySequence], parent: QObject) -> None:
        super().__init__(parent)
        self.keys = [key for key in keys if not key.isEmpty()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            exact = QKeySequence.SequenceMatch.ExactMatch
            if any(pressed.matches(key) == exact for key in self.keys):
                # Not offered to the field: the window's shortcut takes the key.
                return True
        return False


def keep_window_keys(root: QWidget, keys: Iterable[QKeySequence]) -> None:
    """Let ``keys`` reach the window's shortcuts from every line edit under ``root`` (one
    filter for all of them; a line edit made later is not covered). A spin box (a date, a
    number) gets the key first and hands it to its line edit past any filter: it is watched
    itself."""
    keeper = _WindowKeys(keys, root)
    for field in (*root.findChildren(QLineEdit), *root.findChildren(QAbstractSpinBox)):
        field.installEventFilter(keeper)
