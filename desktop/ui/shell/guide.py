"""The first-run guide: a short panel above the first sample article of a new default project.

It says the five things a newcomer needs (select and press a digit to tag, N/P, Ctrl+Z,
Ctrl+Shift+F, F1) and goes away with "Got it" for good (``settings.GUIDE_DISMISSED``). Help →
Getting Started shows it again.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def _keys_with_their_words(html: str) -> str:
    """No line break inside "N / P" or between a key and the word after it: a wrapped line
    ending in "N / P" left "next / previous annotation" to start the next one."""
    html = re.sub(r"</b>\s*/\s*<b>", "</b>&nbsp;/&nbsp;<b>", html)
    return re.sub(r"</b>\s+", "</b>&nbsp;", html)


class GuideBar(QFrame):
    """The guide's panel; ``dismissed`` fires when the analyst closes it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_guide")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName("first_run_guide_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        # One short paragraph, not a list: the banner must leave a short window its article.
        self.text.setText(
            _keys_with_their_words(
                "  ·  ".join(
                    (
                        self.tr(
                            "<b>Getting started:</b> select words, then press a label's digit "
                            "(<b>1</b> Person, <b>2</b> Organisation…) to tag them"
                        ),
                        self.tr("<b>N</b> / <b>P</b> next / previous annotation"),
                        self.tr("<b>Ctrl+Z</b> undo — every edit is saved at once"),
                        self.tr("<b>Ctrl+Shift+F</b> search all articles"),
                        self.tr("<b>F1</b> all shortcuts"),
                    )
                )
            )
        )
        self.close_button = QPushButton(self.tr("Got it"), self)
        self.close_button.setObjectName("first_run_guide_close")
        self.close_button.setToolTip(
            self.tr("Hide this guide (Help → Getting Started shows it again)")
        )
        self.close_button.clicked.connect(self._dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
