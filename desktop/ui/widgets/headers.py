"""Sortable column headers: their words whole beside the sort arrow.

The stylesheet's header section (``QHeaderView::section`` in resources/style.qss) draws its
words across the whole section, arrow or not, and centred: a column as wide as its words
read «الثقـ▲» and "Score▲" in the Review Queue, and the library's tag-count icon sat under
its arrow (a trial). So a sortable header's words start at its start and the arrow takes
the end (``align_header``), and a sorted column leaves the arrow its room
(``header_width``). No ``Qt`` here: the library's header is set before the first paint
(``qtvalues``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QStyle

from desktop.ui.qtvalues import ALIGN_LEADING, ALIGN_VCENTER, set_property

__all__ = ["HEADER_PADDING", "align_header", "header_width"]

HEADER_PADDING = 16
"""px: the stylesheet's padding of a header section (``padding: 6px 8px``, 8 a side)."""


def align_header(header: QHeaderView) -> None:
    """The header's words at its start, the sort arrow at its end (mirrored in Arabic)."""
    set_property(header, "defaultAlignment", ALIGN_LEADING | ALIGN_VCENTER)


def header_width(header: QHeaderView, content: int) -> int:
    """The least width of a sorted column whose header shows ``content`` px (its words or
    icon) at its start (``align_header``): the section's padding, and the sort arrow as the
    style draws it, ``PM_HeaderMarkSize`` with a ``PM_HeaderMargin`` either side."""
    style = header.style()
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return content + HEADER_PADDING + mark + 2 * margin
