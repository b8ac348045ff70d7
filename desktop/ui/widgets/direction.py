"""Cells laid out in their own text's direction, whatever the interface's.

Qt lays a cell's text out, and elides it, in the view's direction: an Arabic title or
passage in the English interface was cut on the wrong side, the ellipsis put beside its
beginning and its end clipped unmarked (an English one in the Arabic interface the same,
mirrored). A model says a cell's direction by its alignment — ``AlignRight | AlignAbsolute``
for right to left (:data:`RTL_ALIGN`), anything else left to right — and
:class:`DirectionDelegate` lays the cell out so: its beginning at that side, cut at its end,
where the ellipsis goes. No second look-up per painted cell. A cell that does not fit is cut
by ``qtvalues.elide_right`` — after its last whole word, as the reader's title — before Qt
sees it: Qt's own cut, mid-word, left «… و…» and "the B…" in the library (a trial).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.qtvalues import (
    ALIGN_ABSOLUTE,
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGN_VCENTER,
    TEXT_ALIGNMENT_ROLE,
    elide_right,
)

# Absolute: a right-to-left cell starts at the right in a left-to-right view too, and a plain
# AlignRight would be turned to the left in a right-to-left one.
RTL_ALIGN = ALIGN_RIGHT | ALIGN_VCENTER | ALIGN_ABSOLUTE
LTR_ALIGN = ALIGN_LEFT | ALIGN_VCENTER | ALIGN_ABSOLUTE
RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"  # embeddings: right-, left-to-right; their end
# A cell's text is drawn this far in from each side of its rect: the stylesheet's item padding
# (``QTableView::item { padding: 4px 6px }`` in resources/style.qss) and Qt's
# PM_FocusFrameHMargin (2 in Fusion) + 1 (QCommonStyle's viewItemDrawText). Not asked of the
# style: its enums would be built at the first paint (see qtvalues); a test compares the two.
TEXT_MARGIN = 6 + 3


class DirectionDelegate(QStyledItemDelegate):
    """Each cell laid out and elided in the direction its alignment says: a cell of the
    other direction than the view's has its text put in an embedding of its own (RLE…PDF,
    LRE…PDF), which Qt lays out, and elides, as a paragraph of that direction — it keeps
    the marks around the ellipsis. Not ``option.direction``: that field takes only a
    ``Qt.LayoutDirection``, and making one builds the Qt namespace (see ``qtvalues``) in the
    first paint's first cell. A cell too long for its rect is cut at a word (``elide_right``)
    here, so Qt's own cut never comes into play — not in a ``paint`` of Python's: PySide
    would build ``QPainter``'s enums to hand it the painter, in the first paint. (A size
    hint asked with a rect is so cut too; neither view asks its delegate for one.)

    Each cut is kept by its text, width and font (``CUTS_KEPT`` of them): measured again at
    every paint, the cuts of a page of titles took a tag in the million-article library from
    9 to 16 ms and a scroll to its end from 7 to 94 ms."""

    CUTS_KEPT = 4096

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cuts: dict[tuple[str, int, str], str] = {}

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        alignment = index.data(TEXT_ALIGNMENT_ROLE)
        rtl = isinstance(alignment, int) and bool(alignment & ALIGN_RIGHT)
        width = option.rect.width() - 2 * TEXT_MARGIN
        if width > 0 and option.icon.isNull():
            key = (option.text, width, option.font.key())
            cut = self._cuts.get(key)
            if cut is None:
                if len(self._cuts) >= self.CUTS_KEPT:
                    self._cuts.clear()  # a view of ever new titles: start again, never grow
                cut = self._cuts[key] = elide_right(option.fontMetrics, option.text, width)
            option.text = cut
        view = self.parent()
        if isinstance(view, QWidget) and rtl != view.isRightToLeft():
            option.text = (RLE if rtl else LRE) + option.text + PDF
