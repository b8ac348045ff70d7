"""Help → Keyboard Shortcuts (F1): every key of the window in one searchable table.

The rows are generated from the window's actions (``ActionRegistry``, made from ``SPECS``) and
the session's labels (their digit keys), never written by hand, so the sheet cannot drift from
what the keys do. The filter matches the action, its keys and its description, Arabic folded
(alef forms, taa marbuta, diacritics), so "شخص" and "Person" both find the Person label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.arabic import fold
from desktop.core.models import Label
from desktop.ui.i18n import label_name, label_title
from desktop.ui.widgets.bidi import LRI, PDI
from desktop.ui.widgets.fit import fit_to_screen


class ShortcutRow(NamedTuple):
    action: str
    keys: str
    description: str


# The keys a keyboard has: a character, F1–F12, or a named key. Qt's standard sequences add
# F14 and multimedia keys ("Undo", translated «تراجع») that no analyst's keyboard shows.
_ON_A_KEYBOARD = re.compile(
    r"(?:(?:Ctrl|Shift|Alt|Meta)\+)*"
    r"(?:.|F(?:[1-9]|1[0-2])|Del|Backspace|Return|Enter|Esc|Tab|Space|Home|End"
    r"|Left|Right|Up|Down|PgUp|PgDown|Ins)"
)


def _keys(sequences: Iterable[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    portable = QKeySequence.SequenceFormat.PortableText
    return ", ".join(
        s.toString(native)
        for s in sequences
        if not s.isEmpty() and _ON_A_KEYBOARD.fullmatch(s.toString(portable))
    )


def action_rows(actions: Iterable[QAction]) -> list[ShortcutRow]:
    """One row per action that has a key, with the action's own (translated) text."""
    rows = []
    for action in actions:
        keys = _keys(action.shortcuts())
        if not keys:
            continue
        # In a right-to-left interface the text carries its (isolated) shortcut after a tab.
        text = action.text().split("\t")[0]
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        description = action.statusTip() or action.toolTip() or text
        rows.append(ShortcutRow(text, keys, description))
    return rows


def label_rows(labels: Iterable[Label]) -> list[ShortcutRow]:
    """One row per label with a key: the digit tags the selection in the reader."""
    rows = []
    for label in labels:
        if not label.shortcut:
            continue
        rows.append(
            ShortcutRow(
                label_title(label),
                _keys([QKeySequence(label.shortcut)]),
                QCoreApplication.translate(
                    "ShortcutSheet", "Tag the selected text with the {label} label (in the article)"
                ).format(label=label_name(label)),
            )
        )
    return rows


class ShortcutSheet(QDialog):
    """A filter box over a three-column table: action, keys, what it does."""

    def __init__(self, rows: Sequence[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        fit_to_screen(self, 760, 560)
        self.rows = list(rows)
        self._folded = [fold(" ".join(row)) for row in self.rows]

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("shortcut_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by action, key or description…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)

        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setObjectName("shortcut_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Keys"), self.tr("What it does")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for number, row in enumerate(self.rows):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                if column == 1:  # keys read left to right in any interface language
                    item.setText(f"{LRI}{text}{PDI}")  # "Ctrl+=", not "=+Ctrl"
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(number, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # descriptions wrap instead
        # Row heights follow the wrapped descriptions once the columns have their widths.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.filter_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc in the filter clears what was typed; Esc on an empty filter (or elsewhere in
        the sheet) closes the sheet, as in any dialog."""
        if (
            event.key() == Qt.Key.Key_Escape
            and self.filter_edit.hasFocus()
            and self.filter_edit.text()
        ):
            self.filter_edit.clear()
            return
        super().keyPressEvent(event)

    def set_filter(self, text: str) -> None:
        words = fold(text).split()
        for number, folded in enumerate(self._folded):
            self.table.setRowHidden(number, not all(word in folded for word in words))

    def visible_rows(self) -> list[ShortcutRow]:
        return [row for n, row in enumerate(self.rows) if not self.table.isRowHidden(n)]


def undo_rows(undo: QAction, redo: QAction) -> list[ShortcutRow]:
    """Undo and Redo under their own names: their actions' text names the edit they undo."""
    translate = QCoreApplication.translate
    return [
        ShortcutRow(
            translate("ShortcutSheet", "Undo"),
            _keys(undo.shortcuts()),
            translate("ShortcutSheet", "Undo the last edit (every edit, one step at a time)"),
        ),
        ShortcutRow(
            translate("ShortcutSheet", "Redo"),
            _keys(redo.shortcuts()),
            translate("ShortcutSheet", "Do again the edit just undone"),
        ),
    ]


def build_rows(
    actions: Iterable[QAction], labels: Iterable[Label], undo: QAction, redo: QAction
) -> list[ShortcutRow]:
    """The sheet's rows: Undo and Redo, the window's actions as declared, the label keys."""
    return undo_rows(undo, redo) + action_rows(actions) + label_rows(labels)
