"""The review queue's table: one row per pending suggestion, sorted and filtered in the model.

No proxy: a ``QSortFilterProxyModel`` in front of 90,000 rows (1,500 long articles) took
three quarters of a second for every article's new rows, since it maps each inserted row
through Python, and more than a second to filter again (``benchmarks/review_queue.py``).
Here the rows are kept in two lists, all of them and the shown ones, each ascending by its
sort key with the keys alongside, so a new row finds its place by bisection and is announced
alone (the selection and the rows the analyst is looking at stay where they are); a
descending sort shows the lists from their end. A new filter shows the rows again at once
(a reset), the selection carried over by the rows' keys.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.arabic import fold_words
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.reader.suggestions import confidence, percent, source_name
from desktop.ui.review.engine import Pending
from desktop.ui.widgets.html_delegate import HTML_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Key = tuple[Any, ...]
RowKey = tuple[int, int, int, str]

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


class Filters:
    """What the queue shows: one label, source or article (None: all), rows whose words hold
    ``text`` (folded), and the threshold."""

    def __init__(self, shown: Callable[[Pending, float], bool]) -> None:
        self._shown = shown
        self.label: str | None = None
        self.source: str | None = None
        self.document: int | None = None
        self.text = ""
        self.threshold = 0.0

    def state(self) -> tuple[object, ...]:
        return (self.label, self.source, self.document, self.text, self.threshold)

    def accepts(self, row: Pending) -> bool:
        s = row.suggestion
        return (
            (self.label is None or s.label_key == self.label)
            and (self.source is None or s.source == self.source)
            and (self.document is None or row.document_id == self.document)
            and (not self.text or self.text in row.words)
            and self._shown(row, self.threshold)
        )


class ReviewModel(QAbstractTableModel):
    def __init__(
        self,
        label_name: Callable[[str], str],
        title: Callable[[int], str],
        shown: Callable[[Pending, float], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label_name = label_name
        self._title = title
        self.filters = Filters(shown)
        self._all: list[Pending] = []  # ascending by key
        self._all_keys: list[Key] = []
        self._shown: list[Pending] = []  # the rows the filters let through, ascending
        self._shown_keys: list[Key] = []
        self.column = SCORE
        self.descending = True

    # --- Qt's model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReviewModel", HEADERS[section])
        return None

    def row_at(self, row: int) -> Pending:
        """The row shown at ``row`` (in the view's order)."""
        return self._shown[len(self._shown) - 1 - row if self.descending else row]

    def _display_row(self, internal: int, count: int) -> int:
        return count - 1 - internal if self.descending else internal

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self.row_at(index.row())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == HTML_ROLE and index.column() == CONTEXT:
            words = (escape(row.before), escape(_one_line(row.suggestion.text)), escape(row.after))
            return f"{words[0]} <b>{words[1]}</b> {words[2]}"
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
    def _key(self, row: Pending) -> Key:
        s = row.suggestion
        column = self.column
        primary: Any
        if column == SCORE:
            primary = s.score
        elif column == TEXT:
            primary = row.folded or fold_words(s.text)
        elif column == CONTEXT:
            primary = row.words
        else:
            primary = self._display(row, column).casefold()
        return (primary, row.document_id, s.start, s.end, s.label_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows ordered again; selected and current rows follow (persistent indexes)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        count = len(self._shown)
        held = [self.row_at(i.row()) if 0 <= i.row() < count else None for i in persistent]
        self.column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._order()
        place = {id(row): n for n, row in enumerate(self._shown)}
        moved = []
        for index, row in zip(persistent, held, strict=True):
            if row is None or id(row) not in place:
                moved.append(QModelIndex())
            else:
                moved.append(self.index(self._display_row(place[id(row)], count), index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self) -> None:
        pairs = sorted(((self._key(row), row) for row in self._all), key=lambda p: p[0])
        self._all_keys = [k for k, _ in pairs]
        self._all = [r for _, r in pairs]
        accepts = self.filters.accepts
        shown = [(k, r) for k, r in pairs if accepts(r)]
        self._shown_keys = [k for k, _ in shown]
        self._shown = [r for _, r in shown]

    def resort(self) -> None:
        """Sort again by the current column (label names or titles changed)."""
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        self.sort(self.column, order)

    # --- filtering -------------------------------------------------------------------------
    def set_filters(
        self,
        *,
        label: str | None,
        source: str | None,
        document: int | None,
        text: str,
        threshold: float,
    ) -> bool:
        """Show the rows these filters let through; False when nothing changed."""
        f = self.filters
        wanted = (label, source, document, fold_words(text), threshold)
        if wanted == f.state():
            return False
        f.label, f.source, f.document, f.text, f.threshold = wanted
        self.beginResetModel()
        accepts = f.accepts
        shown = [(k, r) for k, r in zip(self._all_keys, self._all, strict=True) if accepts(r)]
        self._shown_keys = [k for k, _ in shown]
        self._shown = [r for _, r in shown]
        self.endResetModel()
        return True

    # --- changes ---------------------------------------------------------------------------
    def replace(self, found: dict[int, list[Pending]]) -> None:
        """The rows of these articles, in place of the ones they had."""
        self._remove(lambda row: row.document_id in found)
        self._insert([row for rows in found.values() for row in rows])

    def remove_documents(self, documents: Iterable[int]) -> None:
        gone = set(documents)
        self._remove(lambda row: row.document_id in gone)

    def remove(self, rows: Sequence[Pending]) -> None:
        """Rows just accepted or rejected: gone at once, before their article is done again."""
        keys = {row.key for row in rows}
        self._remove(lambda row: row.key in keys)

    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._all_keys, self._shown, self._shown_keys = [], [], [], []
        self.endResetModel()

    def _insert(self, rows: list[Pending]) -> None:
        accepts = self.filters.accepts
        for row in rows:
            key = self._key(row)
            at = bisect_right(self._all_keys, key)
            self._all_keys.insert(at, key)
            self._all.insert(at, row)
            if not accepts(row):
                continue
            at = bisect_right(self._shown_keys, key)
            count = len(self._shown)
            shown_at = count - at if self.descending else at
            self.beginInsertRows(QModelIndex(), shown_at, shown_at)
            self._shown_keys.insert(at, key)
            self._shown.insert(at, row)
            self.endInsertRows()

    def _remove(self, which: Callable[[Pending], bool]) -> None:
        kept = [(k, r) for k, r in zip(self._all_keys, self._all, strict=True) if not which(r)]
        if len(kept) == len(self._all):
            return
        self._all_keys = [k for k, _ in kept]
        self._all = [r for _, r in kept]
        doomed = [i for i, row in enumerate(self._shown) if which(row)]
        # Contiguous runs, from the end, so the earlier indexes stay right.
        while doomed:
            last = doomed.pop()
            first = last
            while doomed and doomed[-1] == first - 1:
                first = doomed.pop()
            count = len(self._shown)
            top, bottom = (
                (count - 1 - last, count - 1 - first) if self.descending else (first, last)
            )
            self.beginRemoveRows(QModelIndex(), top, bottom)
            del self._shown[first : last + 1]
            del self._shown_keys[first : last + 1]
            self.endRemoveRows()

    def rows(self) -> list[Pending]:
        """Every row, shown or not, in no particular order."""
        return list(self._all)

    def shown_row(self, key: RowKey) -> int | None:
        """Where the row with ``key`` is shown, if it is."""
        for number, row in enumerate(self._shown):
            if row.key == key:
                return self._display_row(number, len(self._shown))
        return None
