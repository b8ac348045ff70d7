"""The reading pane: a header with the article's title and metadata over read-only text.

Text goes in as plain text (never HTML, so nothing in an article is interpreted as markup) and
direction comes from the document's default ``QTextOption``, which costs nothing per paragraph.
Line spacing is a block format applied once at the insertion point: every paragraph inserted
after it inherits it, which keeps opening a 1 MB article in the tens of milliseconds.

Everything the rest of the program sees is in code points; ``Utf16Map`` converts to Qt's
UTF-16 positions at this boundary only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop import settings
from desktop.core.models import Document
from desktop.ui import qtvalues as qv
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.qtvalues import Qt
from desktop.ui.widgets.bidi import LRM, RLM, first_strong_rtl, isolate

if TYPE_CHECKING:  # event classes: annotations only (their first import costs start-up time)
    from PySide6.QtGui import (
        QContextMenuEvent,
        QKeyEvent,
        QMouseEvent,
        QPainter,
        QPaintEvent,
        QResizeEvent,
        QShowEvent,
    )
    from PySide6.QtWidgets import QTextEdit  # its ExtraSelection: find and flash only
from desktop.core.spans import snap_to_words
from desktop.ui.reader.highlighter import AnnotationHighlighter, ReaderLayout, Span, SpanIndex
from desktop.ui.reader.offsets import Utf16Map

_SIZES = settings.READER_FONT_SIZE  # the range is declared with the setting
assert _SIZES.minimum is not None and _SIZES.maximum is not None
MIN_POINTS = float(_SIZES.minimum)
MAX_POINTS = float(_SIZES.maximum)
ZOOM_STEP = 1.0
LANGUAGES = {
    "ar": QT_TRANSLATE_NOOP("ReaderPane", "Arabic"),
    "en": QT_TRANSLATE_NOOP("ReaderPane", "English"),
    "und": QT_TRANSLATE_NOOP("ReaderPane", "Unknown language"),
}
FLASH_MS = 900
MARKER_ROOM = 8
"""Pixels around a block repainted with it: a note's marker reaches above its line."""
DEFER_CHARS = 20_000
"""Characters from which an article is highlighted where it is on screen first and
elsewhere in idle time, not all at once as it goes in."""
MEASURE = 80
"""Characters a line at most: the reading column is capped at about this many characters of
Arabic at the current font size and centred, so a 1920 px window does not run lines to
25 words (it reads 12–14)."""
MEASURE_SAMPLE = (
    "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور الأطراف المعنية"
)
"""Ordinary news prose (spaces included) whose mean advance stands for one character."""
HEADER_SHARE = 0.3
"""The most of the reader's height the full header (title and metadata) may take: past it,
as when zoomed in or on a short window, the header shows the title on one line."""
HEADER_MARGIN = 32
EMPTY_HINT = (
    "<p style='font-size:15pt;color:#4a5559'>{title}</p><p style='color:#7a868a'>{body}</p>"
)


def in_direction(text: str, rtl: bool) -> str:
    """``text`` laid out right to left (``rtl``) or left to right: a QLabel lays plain text
    out in the direction of its first strong character, whatever its own layout direction,
    so an Arabic article's title that starts with a Latin name ("Russia-Now.com: بوتين …")
    ran left to right. A right-to-left (or left-to-right) mark in front only when the text
    would otherwise go the other way."""
    first = first_strong_rtl(text)
    if first is None or first == rtl:
        return text
    return (RLM if rtl else LRM) + text


class ReaderText(QPlainTextEdit):
    """Read-only article text; selection and keyboard navigation stay enabled for tagging."""

    context_requested = Signal(QPoint, object)  # global position, code point under the mouse
    column_changed = Signal(int)  # the blank width each side of the capped reading column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        qv.set_property(
            self,
            "textInteractionFlags",
            qv.TEXT_SELECTABLE_BY_MOUSE | qv.TEXT_SELECTABLE_BY_KEYBOARD,
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        # A document whose layout a change of highlights does not reach (ReaderLayout).
        document = QTextDocument(self)
        document.setDocumentLayout(ReaderLayout(document))
        self.setDocument(document)
        self.document().setDocumentMargin(28)
        self.document().setUndoRedoEnabled(False)
        self.highlighter = AnnotationHighlighter(self.document())
        self.highlighter.redrawn = self.repaint_blocks
        self.text_cp = ""
        self.umap = Utf16Map("")
        self.index = SpanIndex("")
        self.exact = False  # Alt held while the current selection was made
        # Hamish made the current selection (find, navigation), not the analyst's hand: tagging
        # takes it as it is, except that an entity's mention grows to whole words
        # (ops.annotations.plan_selection: a find match can start inside a word).
        self.placed = False
        self.snap_enabled = True
        self.tooltip_for: Callable[[int], str | None] = lambda _cp: None
        self._find: list[QTextEdit.ExtraSelection] = []
        self._flash: list[QTextEdit.ExtraSelection] = []
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self.side_margin = 0
        # Called once, after the next paint (app.py: what comes after the first paint).
        self.after_paint: Callable[[], None] | None = None
        # Each called in the event loop's turn after the next paint (when_painted).
        self._when_painted: list[Callable[[], None]] = []
        self._caret_home = False  # the caret goes to the start at the next paint (load)
        self._home = 0  # where it goes then (a Qt position): the reading position restored

    # --- the reading column ----------------------------------------------------------------
    def column_width(self) -> int:
        """The widest the text may run: MEASURE characters of the current font, plus the
        document's own margins."""
        metrics = QFontMetricsF(self.font())
        per_char = metrics.horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE)
        return int(per_char * MEASURE + 2 * self.document().documentMargin())

    def fit_column(self) -> None:
        """Centre a capped column: the viewport keeps blank margins each side (the scroll
        bar stays at the pane's edge, and the wheel still scrolls over the margins). Nothing
        before the pane is shown: its width is not known yet, and the first resize fits it."""
        if not self.isVisible():
            return
        available = self.viewport_width() + 2 * self.side_margin
        side = max(0, (available - self.column_width()) // 2)
        if side != self.side_margin:
            self.side_margin = side
            self.setViewportMargins(side, 0, side, 0)
            self.column_changed.emit(side)
            QTimer.singleShot(0, self._keep_wrapped)

    def _keep_wrapped(self) -> None:
        """Lay the text out again when it is wider than the column: a short article in the
        mirrored (Arabic) window kept the width it was laid out at before the column's margins
        came, 1,174 px in a 682 px column, its lines' starts cut off behind a sideways scroll
        bar (the margins' change reaches no relayout). Wrapped text never scrolls sideways."""
        if self.lineWrapMode() != QPlainTextEdit.LineWrapMode.WidgetWidth:
            return
        if self.horizontalScrollBar().maximum() > 0:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # relays it out

    def viewport_width(self) -> int:
        """``viewport().width()``, without asking Python for the viewport: the first time
        Python receives a widget Qt made, typed as a plain ``QWidget`` (as ``viewport()``
        returns it), PySide looks through every QtWidgets class it has not loaded yet for a
        better-fitting type and builds each one with its Python enums (about 45 M
        instructions, on the way to the first paint)."""
        width = self.maximumViewportSize().width()  # the frame and the margins taken off
        bar = self.verticalScrollBar()
        return width - bar.sizeHint().width() if bar.isVisible() else width

    def minimumSizeHint(self) -> QSize:
        """Without the column's margins: they follow the width, they must not hold it (a
        window made narrower would otherwise keep the article as wide as before)."""
        hint = super().minimumSizeHint()
        return QSize(max(0, hint.width() - 2 * self.side_margin), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(0, hint.width() - 2 * self.side_margin), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_column()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_column()

    def setTextCursor(self, cursor: QTextCursor) -> None:
        self._caret_home = False  # a caret placed since the article went in stays there
        super().setTextCursor(cursor)

    # --- content ---------------------------------------------------------------------------
    def load(
        self, text: str, direction: str, line_height: int, spans: list[Span], top: int = 0
    ) -> None:
        """Put an article in, shown from its start or, with ``top`` (a code point: where the
        analyst left it, see :meth:`top_cp`), from the line holding that character."""
        document = self.document()
        base = document.defaultTextOption()  # a copy (not QTextOption(...): see qtvalues)
        base.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # The text direction, and the side: QPlainTextEdit does not mirror "leading"
        # alignment for right-to-left text (short Arabic lines would hug the left edge).
        option = qv.text_option(base, direction == "rtl")
        if self._find or self._flash:  # the only extra selections (_refresh_extra)
            self._find, self._flash = [], []
            # Not when there are none: passing a list builds QTextEdit's Python class (its
            # ExtraSelection), which an article opened at start-up does not need.
            self.setExtraSelections([])
        self.text_cp = text
        self.umap = Utf16Map(text)
        self.index = SpanIndex(text)
        self.index.add_all(spans)
        self.highlighter.set_spans(self.index, self.umap)
        self.clear()
        document.setDefaultTextOption(option)
        # The scroll bar goes where a reader of this script expects it.
        qv.set_property(self, "layoutDirection", qv.direction(direction == "rtl"))
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLineHeight(
            float(line_height), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        # One edit: the document layout and the highlighter see one change, and the inserting
        # cursor is not placed after it (placing it lays the paragraph out). A one-paragraph
        # article was laid out three times here, now at most once, to put the caret back).
        cursor.beginEditBlock()
        cursor.setBlockFormat(block)
        # A short article is highlighted block by block as it goes in; a long one only where
        # it is on screen, the rest in idle time (see AnnotationHighlighter).
        deferred = len(text) > DEFER_CHARS
        home = self.umap.to_qt(top) if 0 < top < len(text) else 0
        if deferred:
            self.highlighter.begin_load()
        else:
            self.highlighter.stop()
        cursor.insertText(text)
        cursor.endEditBlock()
        if deferred:
            # The idle pass goes from the block read last, down, then those above it.
            self.highlighter.end_load(document.findBlock(home).blockNumber() if home else 0)
            if not home:
                # The first screen, before the caret placed at the start lays its first block
                # out (and before the first paint); the idle pass goes on from below it. (A
                # screen further down is highlighted once scrolled to: by the paint.)
                self.highlight_screen()
        # The caret back to the start. Moving it lays the whole paragraph out at the pane's
        # width: while the pane is hidden (before the window is first shown: about 100 px,
        # hundreds of lines thrown away) that waits for its first paint, when the text is
        # laid out at its real width anyway.
        # (So is the reading position restored: its line is known at the real width only.)
        self._caret_home = not self.isVisible()
        self._home = home
        if not self._caret_home:
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        if home and not self._caret_home:
            self._go_to_line(home)
        QTimer.singleShot(0, self._keep_wrapped)

    def _go_to_line(self, position: int) -> None:
        """Scroll the line holding Qt ``position`` to the top, the caret at its start. Costs
        a lookup of the block and a layout of that block alone (QPlainTextEdit scrolls by
        lines; its line numbers before a block are known without laying those out)."""
        document = self.document()
        block = document.findBlock(position)
        if not block.isValid():
            return
        bar = self.verticalScrollBar()
        bar.setValue(block.firstLineNumber())  # lays out the block it puts at the top
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        start = block.position()
        if line is not None and line.isValid():
            bar.setValue(block.firstLineNumber() + line.lineNumber())
            start += line.textStart()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        super().setTextCursor(cursor)  # not ensured visible: it is at the top

    def top_cp(self) -> int:
        """The code point starting the top line on screen (0 at the article's top): the
        reading position kept for the article (restored by ``load(top=…)``)."""
        if self._caret_home:  # not painted yet: still where load put it
            return self.umap.to_cp(self._home)
        bar = self.verticalScrollBar()
        if bar.value() <= 0 or not self.text_cp:
            return 0
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        position = block.position()
        layout = block.layout()
        line = bar.value() - block.firstLineNumber()
        if layout is not None and 0 < line < layout.lineCount():
            position += layout.lineAt(line).textStart()
        return min(self.umap.to_cp(position), len(self.text_cp))

    def visible_blocks(self, pages: float = 1.0) -> list[int]:
        """The numbers of the blocks on screen (and below it, up to ``pages`` screens)."""
        bottom = max(1, self.maximumViewportSize().height()) * pages
        return [block.blockNumber() for block, _ in self._on_screen(bottom)]

    def _on_screen(
        self, bottom: float, before: Callable[[QTextBlock], object] | None = None
    ) -> list[tuple[QTextBlock, QRectF]]:
        """The blocks from the first on screen down to ``bottom`` (viewport pixels), each
        with its rect in the viewport: the first block's geometry, then the heights of the
        next ones added up, as Qt paints them (``blockBoundingGeometry`` walks down from the
        top block for each block asked about, and ``contentOffset`` costs a lookup each time).
        ``before`` is called with each block before its rect is asked for, which lays it
        out."""
        block = self.firstVisibleBlock()
        found: list[tuple[QTextBlock, QRectF]] = []
        area: QRectF | None = None
        while block.isValid():
            if before is not None:
                before(block)
            if area is None:
                area = self.blockBoundingGeometry(block).translated(self.contentOffset())
            else:
                height = self.blockBoundingRect(block).height()
                area = QRectF(area.left(), area.bottom(), area.width(), height)
            if area.top() > bottom:
                break
            found.append((block, area))
            block = block.next()
        return found

    def highlight_screen(self) -> None:
        """Highlight the blocks on screen that still wait for the idle pass, each before it is
        first laid out: highlighting a block clears its layout, so the blocks were laid out
        to find which are on screen, then again to be painted (two screens at an open of a
        1 MB article, a screen for each page scrolled ahead of the pass)."""
        highlighter = self.highlighter

        def highlight(block: QTextBlock) -> None:
            number = block.blockNumber()
            if not highlighter.is_done(number):
                highlighter.ensure([number])

        self._on_screen(max(1, self.maximumViewportSize().height()), highlight)

    def unload(self) -> None:
        self.highlighter.stop()
        self._caret_home, self._home = False, 0
        self.text_cp = ""
        self.index = SpanIndex("")
        self.highlighter.set_spans(self.index, Utf16Map(""))
        self.clear()

    # --- spans -----------------------------------------------------------------------------
    def add_spans(self, spans: list[Span]) -> None:
        blocks: set[int] = set()
        for span in spans:
            blocks.update(self.index.add(span))
        self.highlighter.refresh_blocks(sorted(blocks), repaint=False)
        self._repaint_spans(spans)

    def remove_spans(self, ids: list[int]) -> None:
        spans, blocks = self.index.remove_many(ids)
        self.highlighter.refresh_blocks(sorted(blocks), repaint=False)
        self._repaint_spans(spans)

    def repaint_blocks(self, blocks: list[int]) -> None:
        """Repaint those of ``blocks`` on screen, and nothing else."""
        shown = self._screen_areas() if blocks else {}
        for number in blocks:
            if number in shown:
                self._repaint(shown[number][1])

    def _screen_areas(self) -> dict[int, tuple[QTextBlock, QRectF]]:
        """The blocks on screen, by number, with their rects in the viewport."""
        bottom = max(1, self.viewport().height())
        return {block.blockNumber(): (block, area) for block, area in self._on_screen(bottom)}

    def _repaint_spans(self, spans: list[Span]) -> None:
        """Repaint the lines of ``spans`` on screen, and nothing else: a tag repainted the
        whole viewport (every visible line's text drawn again, a third of a tag's frame on a
        1 MB article), and a paragraph is often taller than the screen. A claim repaints its
        paragraphs whole: it may turn the underline of the claims after it wavy or straight."""
        if not spans:
            return
        shown = self._screen_areas()
        if not shown:
            return
        index, umap = self.index, self.umap
        for span in spans:
            first = index.block_of(span.start)
            last = index.block_of(max(span.start, span.end - 1))
            for number in range(first, last + 1):
                if number not in shown:
                    continue
                block, geometry = shown[number]
                area = QRectF(geometry)
                layout = block.layout()
                if span.kind != "claim" and layout is not None and layout.lineCount():
                    position = block.position()
                    start = max(0, umap.to_qt(span.start) - position)
                    end = min(block.length() - 1, umap.to_qt(span.end) - position)
                    top = layout.lineForTextPosition(start)
                    bottom = layout.lineForTextPosition(end)
                    if top.isValid() and bottom.isValid():
                        origin = area.top() + layout.position().y()
                        area.setTop(origin + top.y())
                        area.setBottom(origin + bottom.y() + bottom.height())
                self._repaint(area)

    def _repaint(self, area: QRectF) -> None:
        """Repaint the lines ``area`` of the viewport covers, the viewport's width, with
        ``MARKER_ROOM`` above and below for the note markers, drawn just above a line's end."""
        viewport = self.viewport()
        rect = area.toAlignedRect()
        room = MARKER_ROOM
        viewport.update(0, rect.top() - room, viewport.width(), rect.height() + 2 * room)

    # --- positions -------------------------------------------------------------------------
    def selection_cp(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (
            self.umap.to_cp(cursor.selectionStart()),
            self.umap.to_cp(cursor.selectionEnd()),
        )

    def cursor_cp(self) -> int:
        return self.umap.to_cp(self.textCursor().position())

    def cp_at(self, point: QPoint) -> int | None:
        """Code point under a viewport position, or None past the end of a line."""
        cursor = self.cursorForPosition(point)
        cp = self.umap.to_cp(cursor.position())
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return None
        return min(cp, max(0, len(self.text_cp) - 1)) if self.text_cp else None

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        qt_start, qt_end = self.umap.span_to_qt(start, end)
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_cp(self, start: int, end: int) -> None:
        """Select a span and scroll it into sight: its first line in the top third, its
        last line in the viewport too when the span fits. Centring the cursor — at the
        span's end — put a long passage's start above the top (found by a trial: a network
        passage opened with its first names scrolled away)."""
        self.setTextCursor(self._cursor_for(start, end))
        self.exact = False
        self.placed = True
        self.ensureCursorVisible()
        self.show_span(start, end)

    def show_span(self, start: int, end: int) -> None:
        """Scroll so the span's first line is in the top third of the viewport, or higher
        (to the top at most) for its last line to be in sight. QPlainTextEdit scrolls by
        lines and the selection is left alone: the scroll bar moves a line at a time from
        where showing the cursor left it (a few lines, or a passage's length)."""
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        first = self._cursor_for(start, start)
        last = self._cursor_for(end, end)
        for _ in range(1000):
            if self.cursorRect(first).top() >= 0 or bar.value() <= bar.minimum():
                break
            bar.setValue(bar.value() - 1)
        for _ in range(1000):
            if self.cursorRect(first).top() <= height / 3 or bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + 1)
        for _ in range(1000):
            top = self.cursorRect(first)
            if (
                self.cursorRect(last).bottom() <= height
                or top.top() <= top.height()
                or bar.value() >= bar.maximum()
            ):
                break
            bar.setValue(bar.value() + 1)

    def flash(self, start: int, end: int) -> None:
        """Briefly mark a span so the eye finds it after a jump."""
        from PySide6.QtWidgets import QTextEdit

        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor_for(start, end)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#0f5257"))
        fmt.setForeground(QColor("white"))
        selection.format = fmt
        self._flash = [selection]
        self._refresh_extra()
        self._flash_timer.start(FLASH_MS)

    def _end_flash(self) -> None:
        self._flash = []
        self._refresh_extra()

    def set_find_matches(self, spans: list[tuple[int, int]]) -> None:
        from PySide6.QtWidgets import QTextEdit

        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff1a8"))
        fmt.setForeground(QColor("#1f2933"))  # dark on the pale yellow in either theme
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor_for(start, end)
            selection.format = fmt
            selections.append(selection)
        self._find = selections
        self._refresh_extra()

    def _refresh_extra(self) -> None:
        self.setExtraSelections([*self._find, *self._flash])

    # --- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self.placed = False
        if self._inside_selection(event):
            # A press inside the selection starts a new one: Qt would start dragging the
            # selected text, and dropped on the window it was imported as a new article (a
            # trial analyst adjusting a selection made one). Copy still takes the text out.
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
        super().mousePressEvent(event)

    def _inside_selection(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        ):
            return False
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return False
        at = self.cursorForPosition(event.position().toPoint()).position()
        return cursor.selectionStart() <= at <= cursor.selectionEnd()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.exact = True
        if self.textCursor().hasSelection() and self.snap_enabled and not self.exact:
            self.snap_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self.placed = False
        super().keyPressEvent(event)

    def snap_selection(self) -> None:
        """Grow the selection to whole words, keeping which end the caret is at."""
        cursor = self.textCursor()
        anchor = self.umap.to_cp(cursor.anchor())
        position = self.umap.to_cp(cursor.position())
        start, end = snap_to_words(self.text_cp, min(anchor, position), max(anchor, position))
        snapped = QTextCursor(self.document())
        if anchor <= position:
            snapped.setPosition(self.umap.to_qt(start))
            snapped.setPosition(self.umap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        else:
            snapped.setPosition(self.umap.to_qt(end))
            snapped.setPosition(self.umap.to_qt(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(snapped)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_requested.emit(event.globalPos(), self.cp_at(event.pos()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cp = self.cp_at(self.viewport().mapFromGlobal(event.globalPos()))
            tip = self.tooltip_for(cp) if cp is not None else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._caret_home:  # laid out by now at the pane's width: placing it costs nothing
            self._caret_home = False
            if self._home:  # the reading position: this paint shows it, not the top
                self._go_to_line(self._home)
            else:
                self.moveCursor(QTextCursor.MoveOperation.Start)
        if self.highlighter.deferring():  # scrolled or jumped ahead of the idle pass
            self.highlight_screen()
        super().paintEvent(event)
        self._paint_note_markers(event.rect())
        if self.after_paint is not None:
            hook, self.after_paint = self.after_paint, None
            hook()
        if self._when_painted:
            hooks, self._when_painted = self._when_painted, []
            for later in hooks:
                QTimer.singleShot(0, later)

    def when_painted(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` once the text has been painted next, in the event loop's turn after
        that paint (the work it starts does not delay what the paint shows)."""
        self._when_painted.append(hook)

    def _paint_note_markers(self, area: QRect) -> None:
        """A small flag at the end of every annotation that carries a note."""
        block = self.firstVisibleBlock()
        if not block.isValid() or not len(self.index):
            return
        painter: QPainter | None = None  # made for the first note (see viewport_width)
        for block, _ in self._on_screen(area.bottom()):
            for span in self.index.in_block(block.blockNumber()):
                if (
                    not span.has_note
                    or self.index.block_of(max(span.start, span.end - 1)) != block.blockNumber()
                ):
                    continue
                cursor = QTextCursor(self.document())
                cursor.setPosition(self.umap.to_qt(span.end))
                rect = self.cursorRect(cursor)
                if painter is None:  # QPainter's first use builds its enums: 7 M instructions
                    from PySide6.QtGui import QPainter

                    painter = QPainter(self.viewport())
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                # A filled path, not setPen(NoPen) and drawEllipse: setPen and setBrush choose
                # among overloads that take Qt enums (see qtvalues).
                from PySide6.QtGui import QPainterPath

                marker = QPainterPath()
                marker.addEllipse(rect.center().x() - 3, rect.top() - 2, 7, 7)
                painter.fillPath(marker, qv.solid_brush(QColor("#2a9d8f")))
        if painter is not None:
            painter.end()


class _HintLabel(QLabel):
    """The "no article" hint: its rich text is laid out when first shown, not at start-up
    (the window usually opens straight onto an article)."""

    def showEvent(self, event: QShowEvent) -> None:
        if not self.text():
            self.setText(
                EMPTY_HINT.format(
                    title=self.tr("No article is open"),
                    body=self.tr(
                        "Choose one in the library, or import articles with "
                        "<b>File → Import Articles…</b> (Ctrl+I)."
                    ),
                )
            )
        super().showEvent(event)


class _OneLineLabel(QLabel):
    """A single line that elides what does not fit (at its logical end, so an Arabic title
    loses its last words on the left) and never asks for more width than it is given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        qv.set_property(self, "textFormat", qv.PLAIN_TEXT)
        self.setWordWrap(False)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        if self.isHidden() or metrics.horizontalAdvance(self._full) <= self.width():
            self.setText(self._full)  # whole while it fits, or hidden (cut when shown)
            return
        # Not elidedText: its Qt.TextElideMode builds the Qt namespace (see qtvalues), and
        # a small screen cuts the title before the first paint.
        self.setText(qv.elide_right(metrics, self._full, self.width()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class ReaderPane(QStackedWidget):
    """Shows one document, or a hint on how to get one when nothing is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_pane")
        self.document_id: int | None = None
        self.direction = "rtl"
        self._base_points = 15.0
        self._zoom = 0
        self.line_height = 165

        self.empty = _HintLabel(self)
        self.empty.setObjectName("reader_empty")
        qv.set_property(self.empty, "alignment", qv.ALIGN_CENTER)
        self.empty.setWordWrap(True)
        self.addWidget(self.empty)

        page = QWidget(self)
        page.setObjectName("reader_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QFrame(page)
        header.setObjectName("reader_header")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(HEADER_MARGIN, 20, HEADER_MARGIN, 12)
        # Its side margin, kept here: contentsMargins() would build QMargins's Python class
        # before the first paint (0.3 M instructions).
        self._header_side = HEADER_MARGIN
        header_layout.setSpacing(4)
        self.header = header
        self.header_layout = header_layout
        # Its side margins follow the reading column (wide on a wide window): they must not
        # keep the window from being made narrower again.
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.compact = False
        # The compact header: the title on one line, the metadata in its tooltip.
        self.short_title = _OneLineLabel(header)
        self.short_title.setObjectName("reader_short_title")
        self.short_title.hide()
        self.title = QLabel(header)
        self.title.setObjectName("reader_title")
        self.title.setWordWrap(True)
        qv.set_property(self.title, "textFormat", qv.PLAIN_TEXT)
        qv.set_property(self.title, "textInteractionFlags", qv.TEXT_SELECTABLE_BY_MOUSE)
        self.meta = QLabel(header)
        self.meta.setObjectName("reader_meta")
        qv.set_property(self.meta, "textFormat", qv.PLAIN_TEXT)
        self.meta.setStyleSheet("color: #6b777b;")
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.short_title)
        header_layout.addWidget(self.meta)
        rule = QFrame(page)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #e1e5e6;")
        self.rule = rule
        self.text = ReaderText(page)
        self.layout_ = layout
        layout.addWidget(header)
        layout.addWidget(rule)
        layout.addWidget(self.text, 1)
        self.addWidget(page)
        self.page = page
        self.setCurrentWidget(self.empty)
        self.text.verticalScrollBar().valueChanged.connect(lambda _value: self.fit_header())
        self.text.column_changed.connect(lambda _side: self._set_header_margins())

    def set_dark(self, dark: bool) -> None:
        """The dark theme's highlight tints and header greys (or back to the light ones)."""
        self.text.highlighter.set_dark(dark)
        self.meta.setStyleSheet("color: #a3adb6;" if dark else "color: #6b777b;")
        self.rule.setStyleSheet("color: #30363b;" if dark else "color: #e1e5e6;")

    def add_bar(self, bar: QWidget, *, below: bool = False) -> None:
        """A bar (e.g. find) between the header and the text, or ``below`` it: a bar that
        comes and goes while the analyst tags goes below, so the lines being read do not
        move down when it appears."""
        if below:
            self.layout_.addWidget(bar)
        else:
            self.layout_.insertWidget(2, bar)

    # --- content ---------------------------------------------------------------------------
    def show_document(
        self, document: Document, spans: list[Span] | None = None, top: int = 0
    ) -> None:
        """Show ``document``, from the line holding code point ``top`` (its start at 0)."""
        self.document_id = document.id
        self.direction = document.direction
        rtl = document.direction == "rtl"
        direction = qv.direction(rtl)
        leading = qv.ALIGN_LEADING | qv.ALIGN_VCENTER
        title = in_direction(document.title, rtl)
        self.title.setText(title)
        qv.set_property(self.title, "layoutDirection", direction)
        qv.set_property(self.title, "alignment", leading)
        # The outlet, date and author isolated: after an Arabic outlet, 2013-09-12 was laid
        # out as 12-09-2013, so two panes side by side showed their dates differently.
        data = (document.source, document.published, document.author)
        meta = [isolate(part) for part in data if part]
        language = LANGUAGES.get(document.language)
        meta.append(self.tr(language) if language else document.language)
        meta.append(self.tr("%Ln character(s)", "", len(document.text)))
        line = in_direction("  ·  ".join(meta), rtl)
        self.meta.setText(line)
        qv.set_property(self.meta, "layoutDirection", direction)
        qv.set_property(self.meta, "alignment", leading)
        self.short_title.set_full_text(title)
        self.short_title.setToolTip(line)
        qv.set_property(self.short_title, "layoutDirection", direction)
        qv.set_property(self.short_title, "alignment", leading)
        self.text.load(document.text, document.direction, self.line_height, spans or [], top)
        self.setCurrentWidget(self.page)
        self.fit_header()

    # --- the header ------------------------------------------------------------------------
    def full_header_height(self) -> int:
        """The header's height with the whole title (wrapped) and the metadata shown."""
        width = max(1, self.header.width() - 2 * self._header_side)
        return (
            20
            + 12
            + self.title.heightForWidth(width)
            + self.header_layout.spacing()
            + self.meta.sizeHint().height()
        )

    def fit_header(self) -> None:
        """The full header at the top of an article, a one-line title once the text is
        scrolled, or whenever the full header would take more than HEADER_SHARE of the pane
        (zoomed in, or a short window). Nothing while the pane is hidden: its size is not
        known yet, and the first resize after it shows fits the header. (At start-up the
        header went compact at the hidden pane's 30 px, then back at its real height: three
        labels shown and hidden, each laying out the whole window again.)"""
        if self.currentWidget() is not self.page or not self.isVisible():
            return
        scrolled = self.text.verticalScrollBar().value() > 0
        crowded = self.full_header_height() > self.height() * HEADER_SHARE
        compact = scrolled or crowded
        if compact == self.compact:
            return
        self.compact = compact
        self.title.setVisible(not compact)
        self.meta.setVisible(not compact)
        self.short_title.setVisible(compact)
        self._set_header_margins()

    def _set_header_margins(self) -> None:
        side = HEADER_MARGIN + self.text.side_margin
        top, bottom = (6, 6) if self.compact else (20, 12)
        self._header_side = side
        self.header_layout.setContentsMargins(side, top, side, bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_header()

    def clear(self) -> None:
        self.document_id = None
        self.text.unload()
        self.setCurrentWidget(self.empty)

    # --- font and zoom -------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def points(self) -> float:
        return max(MIN_POINTS, min(MAX_POINTS, self._base_points + self._zoom * ZOOM_STEP))

    def set_font(self, font: QFont, zoom: int | None = None) -> None:
        self._base_points = font.pointSizeF() if font.pointSizeF() > 0 else 15.0
        # Only the steps that change the size shown: a zoom beyond them (a hand-edited
        # hamish.ini's) took as many Ctrl+- before the text grew smaller.
        self._zoom = self._zoom_within(self._zoom if zoom is None else zoom)
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
        self._zoom = self._zoom_within(zoom)
        self._apply_font(self.text.font())

    def _zoom_within(self, zoom: int) -> int:
        lowest = int((MIN_POINTS - self._base_points) / ZOOM_STEP)
        highest = int((MAX_POINTS - self._base_points) / ZOOM_STEP)
        return max(lowest, min(highest, zoom))

    def _apply_font(self, font: QFont) -> None:
        sized = QFont(font)
        sized.setPointSizeF(self.points())
        self.text.setFont(sized)
        title = QFont(sized)
        title.setPointSizeF(self.points() * 1.45)
        title.setWeight(QFont.Weight.Bold)
        self.title.setFont(title)
        short = QFont(title)
        short.setPointSizeF(self.points() * 1.1)
        self.short_title.setFont(short)
        meta = QFont(sized)
        meta.setPointSizeF(max(MIN_POINTS, self.points() * 0.72))
        self.meta.setFont(meta)
        self.fit_header()
