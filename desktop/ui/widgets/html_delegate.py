"""Draws an item's text as a small rich-text document: used for keyword-in-context lines and
search snippets, where the match is bold inside plain article text. Callers must escape the
article text (html.escape) before adding their own markup."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 10


def _x(found: object) -> float:
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


def bold_middle(document: QTextDocument) -> float | None:
    """The x of the middle of the document's first bold words (the match), on its first line;
    ``None`` without any."""
    block = document.begin()
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    line = layout.lineAt(0)
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
            start = fragment.position() - block.position()
            # (PySide returns the pointer overload's pair: x and the position)
            first = _x(line.cursorToX(start))
            last = _x(line.cursorToX(start + fragment.length()))
            return (first + last) / 2
        fragments += 1
    return None


def left_edge(
    document: QTextDocument, left: float, right: float, *, right_aligned: bool = False
) -> float:
    """Where to draw a one-line document between ``left`` and ``right``: a document that fits
    at the start its text begins at (the right for a right-to-left line) or as the model
    aligns it; a longer one with its bold words in the middle, neither end further in than
    needed — drawn from the left edge, an Arabic line's beginning and its match were cut off
    at the right (keyword in context, a trial in the English interface)."""
    width = document.idealWidth()
    room = right - left
    rtl = document.begin().textDirection() == Qt.LayoutDirection.RightToLeft
    if width <= room:
        return right - width if right_aligned or rtl else left
    middle = bold_middle(document)
    if middle is None:
        return right - width if rtl else left  # the line's beginning shown
    x = (left + right) / 2 - middle
    return min(left, max(right - width, x))


class HtmlDelegate(QStyledItemDelegate):
    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(text_option)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setDocumentMargin(2)
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        document = self._document(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect
        painter.save()
        painter.setClipRect(rect)
        right = index.data(Qt.ItemDataRole.TextAlignmentRole) == int(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        x = left_edge(document, rect.left() + 4, rect.right() - 4, right_aligned=right)
        painter.translate(x, rect.top() + (rect.height() - document.size().height()) / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()) + 2)
