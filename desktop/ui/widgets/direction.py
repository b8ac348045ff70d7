"""Cells laid out in their own text's direction, whatever the interface's.

Qt lays a cell's text out, and elides it, in the view's direction: an Arabic title or
passage in the English interface was cut on the wrong side, the ellipsis put beside its
beginning and its end clipped unmarked (an English one in the Arabic interface the same,
mirrored). A model says a cell's direction by its alignment — ``AlignRight | AlignAbsolute``
for right to left (:data:`RTL_ALIGN`), anything else left to right — and
:class:`DirectionDelegate` lays the cell out so: its beginning at that side, cut at its end,
where the ellipsis goes. No second look-up per painted cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

_RIGHT = Qt.AlignmentFlag.AlignRight
_RTL = Qt.LayoutDirection.RightToLeft
_LTR = Qt.LayoutDirection.LeftToRight
# Absolute: a right-to-left cell starts at the right in a left-to-right view too, and a plain
# AlignRight would be turned to the left in a right-to-left one.
RTL_ALIGN = int(_RIGHT | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute)
LTR_ALIGN = int(
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)


class DirectionDelegate(QStyledItemDelegate):
    """Each cell laid out and elided in the direction its alignment says."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = _RTL if option.displayAlignment & _RIGHT else _LTR
