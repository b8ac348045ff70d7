"""A table model over a cached list of rows keyed by id, updated by difference.

Views keep their selection, scroll position and sort when a change notice arrives: rows that
disappeared are removed, changed ones emit ``dataChanged``, new ones are appended and then
moved into sorted place. There is no full reset after the first load. Sorting happens here, by
each cell's ``EditRole`` value, behind a :class:`desktop.ui.widgets.sorting.SourceSortProxy`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.sorting import KeySort

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RowCacheModel(QAbstractTableModel, Generic[Row]):
    headers: Sequence[str] = ()

    def __init__(self, key: Callable[[Row], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._rows: list[Row] = []
        self._index: dict[int, int] = {}
        self._sorter = KeySort(
            self, self._sort_key, self._permute, lambda row: self._key(self._rows[row])
        )

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, row_id: int) -> int | None:
        return self._index.get(row_id)

    def row(self, row: int) -> Row:
        return self._rows[row]

    def sync(self, fresh: list[Row]) -> None:
        wanted = {self._key(row): row for row in fresh}
        for position in reversed(range(len(self._rows))):
            if self._key(self._rows[position]) not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        self._reindex()
        last = self.columnCount() - 1
        changed = []
        for row_id, row in wanted.items():
            at = self._index.get(row_id)
            if at is not None and self._rows[at] != row:
                self._rows[at] = row
                changed.append(at)
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
        self._sorter.settle(changed)
        new = [row for row_id, row in wanted.items() if row_id not in self._index]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._reindex()
            self.endInsertRows()
            self._sorter.settle(range(first, len(self._rows)))

    def _reindex(self) -> None:
        self._index = {self._key(row): i for i, row in enumerate(self._rows)}

    # --- sorting (here, not in the proxy: see desktop/ui/widgets/sorting.py) ---------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorter.sort(column, order)

    def _sort_key(self, row: int, column: int) -> tuple[int, Any]:
        """The cell's ``EditRole`` value; text without regard to case, empty cells last."""
        value = self.cell(self._rows[row], column, Qt.ItemDataRole.EditRole)
        if value is None:
            return (1, "")
        return (0, value.casefold() if isinstance(value, str) else value)

    def _permute(self, order: list[int]) -> None:
        self._rows = [self._rows[old] for old in order]
        self._reindex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # Subclasses mark their headers with QT_TRANSLATE_NOOP in their own class's context.
            return QCoreApplication.translate(type(self).__name__, self.headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self._key(row)
        return self.cell(row, index.column(), role)

    def cell(self, row: Row, column: int, role: int) -> Any:
        raise NotImplementedError
