"""The review queue's table: one row per pending suggestion, kept sorted in the model.

Sorting is the model's own (as the library's, ``ui/widgets/sorting.py``): a proxy sorting
tens of thousands of rows through Python ``data()`` calls would take seconds. Rows arrive an
article at a time (``ReviewEngine.updated``); each is put in its place by bisection, so the
rows the analyst is looking at, selected or not, stay where they are. The proxy in front
(:class:`ReviewFilter`) only filters: by label, source, article, a text, and the threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.arabic import fold_words
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.reader.suggestions import confidence, percent, source_name
from desktop.ui.review.engine import Pending
from desktop.ui.widgets.html_delegate import HTML_ROLE
from desktop.ui.widgets.sorting import SourceSortProxy

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

TEXT, LABEL, SOURCE, SCORE, ARTICLE, CONTEXT = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ReviewModel", "Text"),
    QT_TRANSLATE_NOOP("ReviewModel", "Label"),
    QT_TRANSLATE_NOOP("ReviewModel", "Source"),
    QT_TRANSLATE_NOOP("ReviewModel", "Score"),
    QT_TRANSLATE_NOOP("ReviewModel", "Article"),
    QT_TRANSLATE_NOOP("ReviewModel", "Context"),
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ReviewModel(QAbstractTableModel):
    def __init__(
        self,
        label_name: Callable[[str], str],
        title: Callable[[int], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label_name = label_name
        self._title = title
        self._rows: list[Pending] = []
        self.column = SCORE
        self.descending = True

    # --- Qt's model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReviewModel", HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == HTML_ROLE and index.column() == CONTEXT:
            words = (escape(row.before), escape(_one_line(row.suggestion.text)), escape(row.after))
            return f"{words[0]} <b>{words[1]}</b> {words[2]}"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            s = row.suggestion
            return f"{self._context(row)}\n{self._label_name(s.label_key)} — {confidence(s)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SCORE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: Pending, column: int) -> str:
        s = row.suggestion
        if column == TEXT:
            return _one_line(s.text)
        if column == LABEL:
            return self._label_name(s.label_key)
        if column == SOURCE:
            return source_name(s.source)
        if column == SCORE:
            return percent(s.score)
        if column == ARTICLE:
            return self._title(row.document_id)
        return self._context(row)

    @staticmethod
    def _context(row: Pending) -> str:
        return f"{row.before} «{_one_line(row.suggestion.text)}» {row.after}".strip()

    # --- sorting ---------------------------------------------------------------------------
    def _key(self, row: Pending) -> tuple[Any, ...]:
        s = row.suggestion
        column = self.column
        primary: Any
        if column == SCORE:
            primary = s.score
        elif column == TEXT:
            primary = fold_words(s.text)
        elif column == CONTEXT:
            primary = fold_words(f"{row.before} {s.text}")
        else:
            primary = self._display(row, column).casefold()
        return (primary, row.document_id, s.start, s.end, s.label_key)

    def _before(self, a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
        return bool(b < a) if self.descending else bool(a < b)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        keys = [self._key(row) for row in self._rows]
        order_ = sorted(range(len(keys)), key=keys.__getitem__, reverse=self.descending)
        position = [0] * len(order_)
        for new, old in enumerate(order_):
            position[old] = new
        self._rows = [self._rows[i] for i in order_]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(position[i.row()], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def resort(self) -> None:
        """Sort again by the current column (label names or titles changed)."""
        self.sort(
            self.column,
            Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder,
        )

    def _place(self, key: tuple[Any, ...]) -> int:
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._before(key, self._key(self._rows[middle])):
                high = middle
            else:
                low = middle + 1
        return low

    # --- changes ---------------------------------------------------------------------------
    def replace(self, found: dict[int, list[Pending]]) -> None:
        """The rows of these articles, in place of the ones they had."""
        self._remove(lambda row: row.document_id in found)
        for rows in found.values():
            for row in rows:
                at = self._place(self._key(row))
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, row)
                self.endInsertRows()

    def remove_documents(self, documents: Iterable[int]) -> None:
        gone = set(documents)
        self._remove(lambda row: row.document_id in gone)

    def remove(self, rows: Sequence[Pending]) -> None:
        """Rows just accepted or rejected: gone at once, before their article is done again."""
        keys = {row.key for row in rows}
        self._remove(lambda row: row.key in keys)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def _remove(self, which: Callable[[Pending], bool]) -> None:
        doomed = [i for i, row in enumerate(self._rows) if which(row)]
        # Contiguous runs, from the end, so the earlier indexes stay right.
        while doomed:
            last = doomed.pop()
            first = last
            while doomed and doomed[-1] == first - 1:
                first = doomed.pop()
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()

    def row_at(self, row: int) -> Pending:
        return self._rows[row]

    def rows(self) -> list[Pending]:
        return list(self._rows)


class ReviewFilter(SourceSortProxy):
    """Filters the queue; sorting is the model's (``SourceSortProxy``)."""

    def __init__(self, shown: Callable[[Pending, float], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._shown = shown
        self.label: str | None = None
        self.source: str | None = None
        self.document: int | None = None
        self.text = ""
        self.threshold = 0.0

    def set_filters(
        self,
        *,
        label: str | None,
        source: str | None,
        document: int | None,
        text: str,
        threshold: float,
    ) -> None:
        folded = fold_words(text)
        wanted = (label, source, document, folded, threshold)
        if wanted == (self.label, self.source, self.document, self.text, self.threshold):
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 deprecates invalidateFilter()
            self.beginFilterChange()
            self.label, self.source, self.document, self.text, self.threshold = wanted
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.label, self.source, self.document, self.text, self.threshold = wanted
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ReviewModel) or source_parent.isValid():
            return False
        row = model.row_at(source_row)
        s = row.suggestion
        if self.label is not None and s.label_key != self.label:
            return False
        if self.source is not None and s.source != self.source:
            return False
        if self.document is not None and row.document_id != self.document:
            return False
        if self.text and self.text not in fold_words(f"{row.before} {s.text} {row.after}"):
            return False
        return self._shown(row, self.threshold)
