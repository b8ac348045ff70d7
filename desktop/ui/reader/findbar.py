"""Ctrl+F inside the open article: folded matching, next/previous, a match count, every match
tinted, and the current one selected so it can be tagged from the keyboard (Esc returns to the
text with the match still selected)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.ui.reader.pane import ReaderText
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from desktop.core.find import ArticleFinder


class FindEdit(QLineEdit):
    escape_pressed = Signal()
    previous_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QFrame):
    def __init__(self, reader: ReaderText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.reader = reader
        self._finder: ArticleFinder | None = None
        self._finder_text = ""
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._selected: tuple[int, int] | None = None  # the match the find last selected
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28, 4, 28, 4)
        self.edit = FindEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setPlaceholderText(self.tr("Find in article (harakat and hamza ignored)…"))
        self.edit.setClearButtonEnabled(True)
        follow_content(self.edit)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setMinimumWidth(90)
        previous = QToolButton(self)
        previous.setIcon(icon("mdi6.chevron-up"))
        previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        following = QToolButton(self)
        following.setIcon(icon("mdi6.chevron-down"))
        following.setToolTip(self.tr("Next match (Enter)"))
        close = QToolButton(self)
        close.setIcon(icon("mdi6.close"))
        close.setToolTip(self.tr("Close (Esc)"))
        self.whole_words = QToolButton(self)
        self.whole_words.setObjectName("find_whole_words")
        self.whole_words.setIcon(icon("mdi6.alpha-w-box-outline"))
        self.whole_words.setCheckable(True)
        self.whole_words.setToolTip(
            self.tr(
                "Whole words: كيري finds وكيري and لكيري but not كيريات "
                "(off: matches show while you type)"
            )
        )
        self.whole_words.toggled.connect(lambda _on: self._search(self.edit.text()))
        for widget in (self.edit, self.count, self.whole_words, previous, following, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.next)
        self.edit.previous_requested.connect(self.previous)
        self.edit.escape_pressed.connect(self.close_bar)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        cursor = self.reader.textCursor()
        if cursor.hasSelection() and len(cursor.selectedText()) < 80:
            self.edit.setText(cursor.selectedText())
        self.edit.setFocus()
        self.edit.selectAll()
        self._search(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.reader.set_find_matches([])
        self.reader.setFocus()

    def _search(self, query: str) -> None:
        if self._finder is None or self._finder_text is not self.reader.text_cp:
            from desktop.core.find import ArticleFinder  # loaded on the first search

            self._finder = ArticleFinder(self.reader.text_cp)
            self._finder_text = self.reader.text_cp
        self.matches = self._finder.find_all(query, whole_words=self.whole_words.isChecked())
        self.reader.set_find_matches(self.matches)
        self.current = -1
        if self.matches:
            position = self.reader.cursor_cp()
            ahead = [i for i, (start, _) in enumerate(self.matches) if start >= position]
            self._go(ahead[0] if ahead else 0)
        else:
            # The match the find selected a keystroke ago is no match now: left selected, a
            # digit key tagged it (ز of بارز after typing زززز: "بارز" a place — a trial).
            selected = self._selected
            if selected is not None and self.reader.selection_cp() == selected:
                self.reader.select_cp(selected[0], selected[0])
            self._selected = None
            self._update_count()

    def next(self) -> None:
        if self.matches:
            self._go((self.current + 1) % len(self.matches))

    def previous(self) -> None:
        if self.matches:
            self._go((self.current - 1) % len(self.matches))

    def _go(self, index: int) -> None:
        self.current = index
        start, end = self.matches[index]
        self.reader.select_cp(start, end)
        self._selected = (start, end)
        self._update_count()

    def _update_count(self) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            # Numbers as the default locale writes counts (%Ln): Western digits, grouped.
            locale = QLocale()
            self.count.setText(
                self.tr("{current} of {total}").format(
                    current=locale.toString(self.current + 1),
                    total=locale.toString(len(self.matches)),
                )
            )

    def reset(self) -> None:
        """A new article: drop matches of the old one."""
        self._finder = None
        self.matches = []
        if self.isVisible():
            self._search(self.edit.text())
