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

from bisect import bisect_left, bisect_right
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

# The score beside the text: on a laptop's narrow dock the first two columns are what shows,
# and "surest first" must be seen there.
TEXT, SCORE, LABEL, SOURCE, ARTICLE, CONTEXT = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("ReviewModel", "Text"),
    QT_TRANSLATE_NOOP("ReviewModel", "Score"),
    QT_TRANSLATE_NOOP("ReviewModel", "Label"),
    QT_TRANSLATE_NOOP("ReviewModel", "Source"),
    QT_TRANSLATE_NOOP("ReviewModel", "Article"),
    QT_TRANSLATE_NOOP("ReviewModel", "Context"),
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Filters:
    """What the queue shows: one label, source or article (None: all), rows whose suggested
    words hold ``text`` (folded; not the context around them — filtering by «داعش» listed every
    suggestion of a sentence that named it), and the threshold (``floor(source, label,
    threshold)``: the lowest score shown, asked once per source and label)."""

    def __init__(self, floor: Callable[[str, str, float], float]) -> None:
        self._floor = floor
        self._floors: dict[tuple[str, str], float] = {}
        self.label: str | None = None
        self.source: str | None = None
        self.document: int | None = None
        self.text = ""
        self._threshold = 0.0

    @property
    def threshold(self) -> float:
        return self._threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._threshold = value
        self._floors = {}

    def state(self) -> tuple[object, ...]:
        return (self.label, self.source, self.document, self.text, self.threshold)

    def accepts(self, row: Pending) -> bool:
        s = row.suggestion
        if (
            (self.label is not None and s.label_key != self.label)
            or (self.source is not None and s.source != self.source)
            or (self.document is not None and row.document_id != self.document)
            or (self.text and self.text not in (row.folded or fold_words(s.text)))
        ):
            return False
        kind = (s.source, s.label_key)
        lowest = self._floors.get(kind)
        if lowest is None:
            lowest = self._floors[kind] = self._floor(s.source, s.label_key, self._threshold)
        return s.score >= lowest


class ReviewModel(QAbstractTableModel):
    def __init__(
        self,
        label_name: Callable[[str], str],
        title: Callable[[int], str],
        floor: Callable[[str, str, float], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label_name = label_name
        self._title = title
        self.filters = Filters(floor)
        self._all: list[Pending] = []  # ascending by key
        self._all_keys: list[Key] = []
        self._shown: list[Pending] = []  # the rows the filters let through, ascending
        self._shown_keys: list[Key] = []
        self._by_document: dict[int, list[Pending]] = {}
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
            words = f"<b>{escape(_one_line(row.suggestion.text))}</b>"
            return row.around(words, escape(row.before), escape(row.after))
        if role == Qt.ItemDataRole.ToolTipRole:
            s = row.suggestion
            # The article and source too: a narrow dock hides their columns.
            return (
                f"{self._context(row)}\n{self._label_name(s.label_key)} — {confidence(s)}"
                f"\n{self._display(row, SOURCE)} · {self._display(row, ARTICLE)}"
            )
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
        return row.around(f"«{_one_line(row.suggestion.text)}»")

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
        keys = [self._key(row) for row in self._all]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self._all_keys = [keys[i] for i in order]
        self._all = [self._all[i] for i in order]
        self._refilter()

    def _refilter(self) -> None:
        accepts = self.filters.accepts
        shown = [i for i, row in enumerate(self._all) if accepts(row)]
        self._shown_keys = [self._all_keys[i] for i in shown]
        self._shown = [self._all[i] for i in shown]

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
        self._refilter()
        self.endResetModel()
        return True

    # --- changes ---------------------------------------------------------------------------
    # Each costs what it changes, not the size of the queue: a row is found by bisection on
    # its key, and the rows of an article are known (``_by_document``).
    def replace(self, found: dict[int, list[Pending]]) -> None:
        """The rows of these articles, in place of the ones they had."""
        for document, rows in found.items():
            self._drop(self._by_document.pop(document, []))
            self._insert(rows)

    def remove_documents(self, documents: Iterable[int]) -> None:
        for document in documents:
            self._drop(self._by_document.pop(document, []))

    def remove(self, rows: Sequence[Pending]) -> None:
        """Rows just accepted or rejected: gone at once, before their article is done again."""
        gone = {row.key for row in rows}
        for document in {row.document_id for row in rows}:
            held = self._by_document.get(document, [])
            self._drop([row for row in held if row.key in gone])
            self._by_document[document] = [row for row in held if row.key not in gone]

    def clear(self) -> None:
        self.beginResetModel()
        self._all, self._all_keys, self._shown, self._shown_keys = [], [], [], []
        self._by_document = {}
        self.endResetModel()

    def _insert(self, rows: list[Pending]) -> None:
        accepts = self.filters.accepts
        for row in rows:
            self._by_document.setdefault(row.document_id, []).append(row)
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

    def _drop(self, rows: Iterable[Pending]) -> None:
        for row in rows:
            key = self._key(row)
            at = bisect_left(self._all_keys, key)
            if at < len(self._all) and self._all_keys[at] == key:
                del self._all_keys[at]
                del self._all[at]
            at = bisect_left(self._shown_keys, key)
            if at < len(self._shown) and self._shown_keys[at] == key:
                count = len(self._shown)
                shown_at = count - 1 - at if self.descending else at
                self.beginRemoveRows(QModelIndex(), shown_at, shown_at)
                del self._shown_keys[at]
                del self._shown[at]
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
