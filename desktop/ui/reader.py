"""The reading pane: a header with the article's title and metadata over read-only text.

Text goes in as plain text (never HTML, so nothing in an article is interpreted as markup) and
direction comes from the document's default ``QTextOption``, which costs nothing per paragraph.
Line spacing is a block format applied once at the insertion point: every paragraph inserted
after it inherits it, which keeps opening a 1 MB article in the tens of milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Document

MIN_POINTS = 8.0
MAX_POINTS = 48.0
ZOOM_STEP = 1.0
LANGUAGES = {"ar": "Arabic", "en": "English", "und": "Unknown language"}


def _direction(direction: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight


class ReaderText(QPlainTextEdit):
    """Read-only article text; selection and keyboard navigation stay enabled for tagging."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(28)
        self.document().setUndoRedoEnabled(False)

    def load(self, text: str, direction: str, line_height: int) -> None:
        document = self.document()
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(_direction(direction))
        # AlignAbsolute off: "leading" alignment follows the text direction.
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.clear()
        document.setDefaultTextOption(option)
        # The scroll bar goes where a reader of this script expects it.
        self.setLayoutDirection(_direction(direction))
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLineHeight(
            float(line_height), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.setBlockFormat(block)
        cursor.insertText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)


class ReaderPane(QStackedWidget):
    """Shows one document, or a hint on how to get one when nothing is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_pane")
        self.document_id: int | None = None
        self.direction = "rtl"
        self._base_points = 15.0
        self._zoom = 0
        self._family = ""
        self.line_height = 165

        self.empty = QLabel(self)
        self.empty.setObjectName("reader_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setText(
            "<p style='font-size:15pt;color:#4a5559'>No article is open</p>"
            "<p style='color:#7a868a'>Choose one in the library, or import articles with "
            "<b>File → Import Articles…</b> (Ctrl+I).</p>"
        )
        self.addWidget(self.empty)

        page = QWidget(self)
        page.setObjectName("reader_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QFrame(page)
        header.setObjectName("reader_header")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(32, 20, 32, 12)
        header_layout.setSpacing(4)
        self.title = QLabel(header)
        self.title.setObjectName("reader_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(header)
        self.meta.setObjectName("reader_meta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setStyleSheet("color: #6b777b;")
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.meta)
        rule = QFrame(page)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #e1e5e6;")
        self.text = ReaderText(page)
        layout.addWidget(header)
        layout.addWidget(rule)
        layout.addWidget(self.text, 1)
        self.addWidget(page)
        self.page = page
        self.setCurrentWidget(self.empty)

    # --- content ---------------------------------------------------------------------------
    def show_document(self, document: Document) -> None:
        self.document_id = document.id
        self.direction = document.direction
        direction = _direction(document.direction)
        self.title.setText(document.title)
        self.title.setLayoutDirection(direction)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        meta = [part for part in (document.source, document.published, document.author) if part]
        meta.append(LANGUAGES.get(document.language, document.language))
        meta.append(f"{len(document.text):,} characters")
        self.meta.setText("  ·  ".join(meta))
        self.meta.setLayoutDirection(direction)
        self.meta.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.text.load(document.text, document.direction, self.line_height)
        self.setCurrentWidget(self.page)

    def clear(self) -> None:
        self.document_id = None
        self.text.clear()
        self.setCurrentWidget(self.empty)

    # --- font and zoom -------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def points(self) -> float:
        return max(MIN_POINTS, min(MAX_POINTS, self._base_points + self._zoom * ZOOM_STEP))

    def set_font(self, font: QFont, zoom: int | None = None) -> None:
        self._family = font.family()
        self._base_points = font.pointSizeF() if font.pointSizeF() > 0 else 15.0
        if zoom is not None:
            self._zoom = zoom
        self._apply_font(font)

    def base_font(self) -> QFont:
        font = QFont(self.text.font())
        font.setPointSizeF(self._base_points)
        return font

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self._set_zoom(0)

    def _set_zoom(self, zoom: int) -> None:
        lowest = int((MIN_POINTS - self._base_points) / ZOOM_STEP)
        highest = int((MAX_POINTS - self._base_points) / ZOOM_STEP)
        self._zoom = max(lowest, min(highest, zoom))
        self._apply_font(self.text.font())

    def _apply_font(self, font: QFont) -> None:
        sized = QFont(font)
        sized.setPointSizeF(self.points())
        self.text.setFont(sized)
        title = QFont(sized)
        title.setPointSizeF(self.points() * 1.45)
        title.setWeight(QFont.Weight.Bold)
        self.title.setFont(title)
        meta = QFont(sized)
        meta.setPointSizeF(max(MIN_POINTS, self.points() * 0.72))
        self.meta.setFont(meta)
