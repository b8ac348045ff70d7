"""Putting an article into the reader: one change for the document layout and the highlighter.

Each change a ``QPlainTextEdit`` document reports is laid out at once when it stays inside one
paragraph; a one-paragraph article loaded in two changes (its line height, then its text) was
laid out three times before the window had even painted (benchmarks/startup.py)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.reader.highlighter import Span
from desktop.ui.reader.pane import ReaderText

ARTICLE = "بحث وزير الخارجية الأمريكي جون كيري مع نظيره الروسي سيرغي لافروف في موسكو. " * 30


def test_an_article_goes_in_as_one_change(qtbot: QtBot) -> None:
    text = ReaderText()
    qtbot.addWidget(text)
    changes: list[tuple[int, int, int]] = []
    text.document().contentsChange.connect(lambda at, out, into: changes.append((at, out, into)))
    text.load(ARTICLE, "rtl", 150, [Span(1, 27, 32, "entity", "#ff0000")])
    # After clearing the previous article: one change, from the empty paragraph to the text
    # (before, the line height was one change and the text another).
    assert changes[-1] == (0, 1, len(ARTICLE) + 1), changes
    assert (0, 1, 1) not in changes, changes
    # …and nothing else changed: the whole text, its caret at the start, its highlight.
    assert text.toPlainText() == ARTICLE
    assert text.textCursor().position() == 0
    assert text.verticalScrollBar().value() == 0
    block = text.document().firstBlock()
    assert block.blockFormat().lineHeight() == 150
    assert any(r.start <= 27 < r.start + r.length for r in block.layout().formats())
