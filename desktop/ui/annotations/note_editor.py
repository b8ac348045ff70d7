"""The note editor (F2, or Edit Note… on an annotation): a multi-line note on one passage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.plain_text import PlainTextField


class NoteEditor(QDialog):
    """Multi-line note; Ctrl+Enter saves, Esc cancels. Direction follows what is typed."""

    def __init__(self, quote: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.resize(520, 320)
        layout = QVBoxLayout(self)
        excerpt = QLabel(" ".join(quote.split())[:300], self)
        excerpt.setWordWrap(True)
        excerpt.setTextFormat(Qt.TextFormat.PlainText)
        # Not italic: Arabic has no italics, and the slanted face Qt asked for came from
        # another font, a third narrower (a trial read the quote as tiny).
        excerpt.setStyleSheet("color: #4a5559;")
        layout.addWidget(excerpt)
        self.editor = PlainTextField(parent=self)
        self.editor.setObjectName("note_editor")
        self.editor.setPlainText(note)
        self.editor.setPlaceholderText(self.tr("Your note on this passage…"))
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self.editor.setFocus()

    def note(self) -> str:
        return self.editor.toPlainText().strip()
