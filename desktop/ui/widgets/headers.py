"""Sortable column headers: their words whole beside the sort arrow.

The stylesheet's header section (``QHeaderView::section`` in resources/style.qss) draws its
words across the whole section, arrow or not, and centred: a column as wide as its words
read «الثقـ▲» and "Score▲" in the Review Queue, and the library's tag-count icon sat under
its arrow (a trial). So a sortable header's words start at its start and the arrow takes
the end (``align_header``), and a sorted column leaves the arrow its room
(``header_width``). No ``Qt`` here: the library's header is set before the first paint
(``qtvalues``) — nor ``QStyle`` before it: a header's ``style()`` handed to Python builds
``QStyle``'s Python class, a dozen enums (PixelMetric, StyleHint, …: 6 ms of the GUI thread,
which ``create_application`` had kept out of the start-up). So the library sizes its columns
before its first paint with ``SORT_ARROW_ROOM``, Fusion's (``measure=False``), and again,
measured, once the window has painted — the same width wherever the style is Fusion.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from desktop.ui.qtvalues import ALIGN_LEADING, ALIGN_VCENTER, set_property

__all__ = ["HEADER_PADDING", "SORT_ARROW_ROOM", "align_header", "header_width", "sort_arrow_room"]

HEADER_PADDING = 16
"""px: the stylesheet's padding of a header section (``padding: 6px 8px``, 8 a side)."""

SORT_ARROW_ROOM = 20
"""px: the sort arrow as Fusion draws it beside a header's words — ``PM_HeaderMarkSize`` (16)
and a ``PM_HeaderMargin`` (2) either side, in either theme and at any screen density (Qt 6's
pixels are device-independent); ``tests/ui/test_sort_headers.py`` measures it."""


def align_header(header: QHeaderView) -> None:
    """The header's words at its start, the sort arrow at its end (mirrored in Arabic)."""
    set_property(header, "defaultAlignment", ALIGN_LEADING | ALIGN_VCENTER)


def sort_arrow_room(header: QHeaderView) -> int:
    """The sort arrow as ``header``'s style draws it: ``PM_HeaderMarkSize`` with a
    ``PM_HeaderMargin`` either side."""
    from PySide6.QtWidgets import QStyle

    style = header.style()
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return mark + 2 * margin


def header_width(header: QHeaderView, content: int, *, measure: bool = True) -> int:
    """The least width of a sorted column whose header shows ``content`` px (its words or
    icon) at its start (``align_header``): the section's padding, and the sort arrow
    (``sort_arrow_room``; Fusion's ``SORT_ARROW_ROOM`` when not ``measure``: before the
    first paint)."""
    arrow = sort_arrow_room(header) if measure else SORT_ARROW_ROOM
    return content + HEADER_PADDING + arrow
