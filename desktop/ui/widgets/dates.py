"""Dates in the interface: ISO (2026-12-02) in both languages, read left to right — as the
reader's header, the library, the search results, the timeline and the Claim dock write them.

``date_edit(parent)`` is the one way to make a ``QDateEdit``. Under a right-to-left
application Qt *reverses* a date edit's sections when its layout direction changes
(``yyyy-MM-dd`` becomes ``dd-MM-yyyy``, so that a mirrored field reads the same): a field made
left to right after its format was set showed 02-12-2026 in Arabic. Here the direction is set
first and the format after it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

ISO_FORMAT = "yyyy-MM-dd"


def date_edit(parent: QWidget | None = None, *, popup: bool = True) -> QDateEdit:
    """A date field showing ``yyyy-MM-dd`` left to right in either interface language."""
    edit = QDateEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # before the format: see above
    edit.setDisplayFormat(ISO_FORMAT)
    edit.setCalendarPopup(popup)
    return edit


def iso(date: QDate) -> str:
    """``date`` as the store keeps it: ``2026-12-02``."""
    return date.toString(ISO_FORMAT)
