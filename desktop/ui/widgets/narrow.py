"""Columns that step aside on a narrow view (a dock on a laptop screen): their room goes to
the column that matters, and they come back when the view is wide enough again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:  # annotations only: naming QTreeView at run time built its Python class at
    # start-up (with the note editor's QDialog, 1 M instructions), for a window of tables
    from PySide6.QtWidgets import QTableView, QTreeView


class NarrowColumns(QObject):
    """Hide ``columns`` of ``view`` while its viewport is narrower than ``below`` pixels;
    ``changed(narrow)`` is told when the view crosses that width either way."""

    def __init__(
        self,
        view: QTreeView | QTableView,
        columns: tuple[int, ...],
        below: int,
        changed: Callable[[bool], None] | None = None,
        fit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.columns = columns
        self.below = below
        self.changed = changed
        self.fit = fit  # told of every change of the width, once the columns are hidden or not
        self.narrow: bool | None = None
        # The view and its scroll bar are watched, not the viewport: the first time Python
        # is handed a viewport (a widget Qt made, typed as a plain QWidget), PySide builds
        # every widget class it has not loaded yet (~45 M instructions before the first
        # paint). The viewport's width changes with the view's size and the scroll bar's.
        view.installEventFilter(self)
        view.verticalScrollBar().installEventFilter(self)
        QTimer.singleShot(0, self.update)

    def viewport_width(self) -> int:
        """``view.viewport().width()``: the view less its frame and margins, less the
        vertical scroll bar while it shows."""
        width = self.view.maximumViewportSize().width()
        bar = self.view.verticalScrollBar()
        return width - bar.sizeHint().width() if bar.isVisible() else width

    def update(self) -> None:
        narrow = self.viewport_width() < self.below
        if narrow != self.narrow:
            self.narrow = narrow
            if self.changed is not None:
                self.changed(narrow)
        for column in self.columns:
            if self.view.isColumnHidden(column) != narrow:
                self.view.setColumnHidden(column, narrow)
        if self.fit is not None:
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WIDTH_EVENTS:
            self.update()
        return False


_WIDTH_EVENTS = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
