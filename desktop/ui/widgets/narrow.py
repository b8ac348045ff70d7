"""Columns that step aside on a narrow view (a dock on a laptop screen): their room goes to
the column that matters, and they come back when the view is wide enough again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
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
    ) -> None:
        super().__init__(view)
        self.view = view
        self.columns = columns
        self.below = below
        self.changed = changed
        self.narrow: bool | None = None
        # Watching starts once the window is up: the first viewport() call makes PySide build
        # the Python types of many widget classes (~15 ms of start-up).
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        self.view.viewport().installEventFilter(self)
        self.update()

    def update(self) -> None:
        narrow = self.view.viewport().width() < self.below
        if narrow != self.narrow:
            self.narrow = narrow
            if self.changed is not None:
                self.changed(narrow)
        for column in self.columns:
            if self.view.isColumnHidden(column) != narrow:
                self.view.setColumnHidden(column, narrow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False
