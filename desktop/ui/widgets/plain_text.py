"""``PlainTextField``: the analyst's multi-line fields (notes, aliases, the briefing's summary).

Apart from ``bidi.py`` (which every window loads before its first paint) because it subclasses
QTextEdit: the first use of a Qt class builds its Python enums, and none of these fields exists
before the first paint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.ui.widgets.bidi import follow_content


class PlainTextField(QTextEdit):
    """A multi-line field for plain text (pasted formatting is dropped) whose paragraphs
    each take the direction of their own first strong character."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        if text:
            self.setPlainText(text)
        follow_content(self)
