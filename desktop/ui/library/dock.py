"""The library dock: every article of the project with its date and annotation count.

The model keeps document ids plus a row cache of summaries and applies ``ChangeSet``s row by row
(insert, update, remove), so a selection and scroll position survive an import or a new tag.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet, DocumentSummary
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.narrow import NarrowColumns
from desktop.ui.widgets.sorting import KeySort, SourceSortProxy

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
# Enum look-ups through PySide cost microseconds each; data() runs for every painted cell.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RTL_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LTR_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

AnyIndex = QModelIndex | QPersistentModelIndex
Loader = Callable[[list[int] | None], list[DocumentSummary]]


def _fold(text: str) -> str:
    from desktop.core.arabic import fold  # the folding tables load when filtering starts

    return fold(text)


class LibraryModel(QAbstractTableModel):
    # Rows came, or a row's title or source changed: what a text filter matches may differ.
    # (Not emitted for a new tag's count: asking the search index again cost every tag.)
    searchable_changed = Signal()

    TITLE, DATE, ANNOTATIONS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("LibraryModel", "Title"),
        QT_TRANSLATE_NOOP("LibraryModel", "Date"),
        QT_TRANSLATE_NOOP("LibraryModel", "Tags"),  # the count is of annotations, not notes
    )

    def __init__(self, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._rows: list[DocumentSummary] = []
        self._search: list[str | None] = []
        self._index: dict[int, int] = {}
        self._sorter = KeySort(self, self._sort_key, self._permute, lambda row: self._rows[row].id)
        self.reload()

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Full load: only when a project is opened."""
        self.beginResetModel()
        self._rows = self._load(None)
        self._search = [None] * len(self._rows)  # folded on first filtering, not at start-up
        self._reindex()
        self.endResetModel()
        self._sorter.resort()

    # --- sorting (here, not in the proxy: see desktop/ui/widgets/sorting.py) ---------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorter.sort(column, order)

    def _sort_key(self, row: int, column: int) -> Any:
        summary = self._rows[row]
        if column == self.DATE:
            return summary.published or summary.imported_at
        if column == self.ANNOTATIONS:
            return summary.annotation_count
        return summary.title.casefold()

    def _permute(self, order: list[int]) -> None:
        self._rows = [self._rows[old] for old in order]
        self._search = [self._search[old] for old in order]
        self._reindex()

    def apply(self, changes: ChangeSet) -> None:
        """Update only the rows a user action touched."""
        if changes.documents_reloaded:
            self.reload()
            return
        for doc_id in changes.documents_removed:
            row = self._index.get(doc_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                del self._search[row]
                self._reindex()
                self.endRemoveRows()
        changed = set(changes.documents_changed) | self._documents_of(changes)
        counted = _count_change(changes)
        if counted is not None and counted[0] in self._index:
            # One article's tags: its count moves by what came and went, no query.
            doc_id, delta = counted
            changed.discard(doc_id)
            row = self._index[doc_id]
            summary = self._rows[row]
            count = max(0, summary.annotation_count + delta)
            self._rows[row] = summary._replace(annotation_count=count)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            self._sorter.settle([row])
        fresh = self._load(sorted(changed)) if changed else []
        searchable = False
        for summary in fresh:
            row = self._index.get(summary.id)
            if row is None:
                continue
            old = self._rows[row]
            if (old.title, old.source, old.char_count) != (
                summary.title,
                summary.source,
                summary.char_count,
            ):
                searchable = True
                self._search[row] = None
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        self._sorter.settle([self._index[s.id] for s in fresh if s.id in self._index])
        if searchable:
            self.searchable_changed.emit()
        added = [i for i in changes.documents_added if i not in self._index]
        if added:
            summaries = self._load(added)
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(summaries) - 1)
            self._rows.extend(summaries)
            self._search.extend(None for _ in summaries)
            self._reindex()
            self.endInsertRows()
            self._sorter.settle(range(first, len(self._rows)))

    def _documents_of(self, changes: ChangeSet) -> set[int]:
        """Annotation changes alter a document's count; the caller passes document ids in
        ``documents_changed`` for those, so nothing extra is needed here yet."""
        return set()

    @staticmethod
    def _search_text(summary: DocumentSummary) -> str:
        return _fold(f"{summary.title} {summary.source}")

    def _reindex(self) -> None:
        self._index = {summary.id: row for row, summary in enumerate(self._rows)}

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("LibraryModel", self.HEADERS[section])
        if (
            orientation == Qt.Orientation.Horizontal
            and role == _TOOLTIP
            and section == self.ANNOTATIONS
        ):
            return self.tr("Tagged passages (annotations) in the article")
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == self.TITLE:
                return summary.title
            if column == self.DATE:
                return summary.published or summary.imported_at[:10]
            return str(summary.annotation_count) if summary.annotation_count else ""
        if role == _ALIGN:
            if column != self.TITLE:
                return _CENTER
            # Arabic titles start at the right edge, like the article they name.
            return _RTL_ALIGN if summary.direction == "rtl" else _LTR_ALIGN
        if role == _TOOLTIP:
            return self._tooltip(summary)
        if role == _FOREGROUND and column == self.DATE and not summary.published:
            return QBrush(QColor("#7a868a"))
        if role == ID_ROLE:
            return summary.id
        if role == SEARCH_ROLE:
            row = index.row()
            cached = self._search[row]
            if cached is None:
                cached = self._search[row] = self._search_text(summary)
            return cached
        return None

    def _tooltip(self, summary: DocumentSummary) -> str:
        parts = [summary.title]
        if summary.source:
            parts.append(summary.source)
        parts.append(
            self.tr("Published {date}").format(date=summary.published)
            if summary.published
            else self.tr("Imported {date} (no publication date)").format(
                date=summary.imported_at[:10]
            )
        )
        parts.append(
            self.tr("%Ln character(s)", "", summary.char_count)
            + " · "
            + self.tr("%n annotation(s)", "", summary.annotation_count)
        )
        return "\n".join(parts)

    def row_of(self, document_id: int) -> int | None:
        return self._index.get(document_id)

    def summary(self, document_id: int) -> DocumentSummary | None:
        row = self._index.get(document_id)
        return None if row is None else self._rows[row]


class LibraryFilter(SourceSortProxy):
    """Filters on folded text, so ``اوباما`` finds ``أوباما`` and harakat never get in the way.

    With a full-text ``search`` (set once a project is open) a row is kept when the index finds
    the words in its title, source or article text (the last word typed counts as a prefix),
    or when its folded title and source contain them as substrings, the fallback that also
    serves a half-typed query the index cannot parse (an unclosed quote) or an empty index.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needles: list[str] = []
        self._text = ""
        self._ids: set[int] | None = None
        self._search: Callable[[str], set[int]] | None = None

    def set_search(self, search: Callable[[str], set[int]] | None) -> None:
        """Match article text through the project's index (None: titles and sources only)."""
        self._search = search
        self.set_query(self._text)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal in (old.rowsInserted, _searchable(old)):
                with contextlib.suppress(RuntimeError, TypeError):  # already gone
                    signal.disconnect(self._source_changed)
        super().setSourceModel(model)
        model.rowsInserted.connect(self._source_changed)
        # Not on every dataChanged: a tag changes its article's count, never what the index
        # finds, and asking the index again cost each tag while a filter was typed.
        _searchable(model).connect(self._source_changed)

    def _source_changed(self, *_args: object) -> None:
        """Imported or edited articles: ask the index again so they are filtered correctly."""
        if self._search is not None and self._needles:
            self.set_query(self._text)

    def _matching(self, text: str) -> set[int] | None:
        if self._search is None or not text.strip():
            return None
        try:
            return self._search(text)
        except HamishError:
            return None  # e.g. an unclosed quote: the substring fallback still filters

    def set_query(self, text: str) -> None:
        self._text = text
        ids = self._matching(text)
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 deprecates invalidateFilter()
            self.beginFilterChange()
            self._needles = _fold(text).split()
            self._ids = ids
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needles = _fold(text).split()
            self._ids = ids
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needles:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._ids is not None and model.data(index, ID_ROLE) in self._ids:
            return True
        haystack = model.data(index, SEARCH_ROLE) or ""
        return all(needle in haystack for needle in self._needles)


class LibraryDock(QDockWidget):
    """Filter box above a sortable list; emits ``document_activated`` with a document id."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Library"))
        self.setObjectName("library_dock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setObjectName("library_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter articles…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        follow_content(self.filter_edit)
        layout.addWidget(self.filter_edit)
        self.view = QTreeView(body)
        self.view.setObjectName("library_view")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        # Several rows can be selected (Ctrl/Shift+click) to delete them together.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.proxy = LibraryFilter(self)
        self.filter_edit.textChanged.connect(self.proxy.set_query)
        self.view.setModel(self.proxy)
        self.model: LibraryModel | None = None
        self._suppress = False
        # The view keeps the proxy, and so this selection model, for its whole life: connect
        # once here, not per project (each connection would open the article once more).
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        # On a narrow dock (a laptop) the titles need the room more than the dates, which
        # stay in each row's tooltip and keep sorting the list.
        self.narrow = NarrowColumns(self.view, (LibraryModel.DATE,), self.NARROW)

    NARROW = 300  # px: below this the Date column gives its room to the titles

    def set_model(self, model: LibraryModel) -> None:
        old, self.model = self.model, model
        self.proxy.setSourceModel(model)
        if old is not None and old is not model:
            old.deleteLater()  # the closed project's rows: nothing refers to them any more
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from font metrics: ResizeToContents would measure every row on each
        # layout, which is O(documents) and crawls on a large corpus. Date and count take
        # only what their text (and the header's sort arrow) needs: the title gets the rest.
        metrics = self.view.fontMetrics()
        labels = header.fontMetrics()
        for column, sample in (
            (LibraryModel.DATE, "0000-00-00"),
            (LibraryModel.ANNOTATIONS, "000"),
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            # + the stylesheet's item (12) and header (16) paddings, text margins, sort arrow
            width = max(
                metrics.horizontalAdvance(sample) + 20, labels.horizontalAdvance(title) + 30
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress or not current.isValid():
            return
        doc_id = current.data(ID_ROLE)
        if doc_id is not None:
            self.document_activated.emit(int(doc_id))

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Rows change without opening anything: while several articles go at once, the
        current row would otherwise move onto one that is already deleted and open it."""
        before, self._suppress = self._suppress, True
        try:
            yield
        finally:
            self._suppress = before

    def select(self, document_id: int) -> None:
        """Highlight a document's row without re-emitting ``document_activated``."""
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        if self.view.currentIndex() == index:
            return  # opened from the list itself: keep a Ctrl/Shift selection as it is
        self._suppress = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if self.view.isVisible():
                self.view.scrollTo(index)
            else:  # before the first show: scrolling would force a layout pass for nothing
                persistent = QPersistentModelIndex(index)
                QTimer.singleShot(0, lambda: self._scroll_to(persistent))
        finally:
            self._suppress = False

    def _scroll_to(self, index: QPersistentModelIndex) -> None:
        if index.isValid():
            self.view.scrollTo(self.proxy.index(index.row(), index.column()))

    def selected_documents(self) -> list[int]:
        """The selected articles, top to bottom as listed."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [int(index.data(ID_ROLE)) for index in rows]

    def document_near(self, row: int) -> int | None:
        """The article at a row of the list as shown, or the last one above it."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        index = self.proxy.index(max(0, min(row, count - 1)), 0)
        return int(index.data(ID_ROLE))

    def first_document(self) -> int | None:
        index = self.proxy.index(0, 0)
        return None if not index.isValid() else int(index.data(ID_ROLE))


def _searchable(model: QAbstractItemModel) -> Any:
    """The signal saying a text filter may match differently: the library model's own, or
    any other model's dataChanged."""
    return model.searchable_changed if isinstance(model, LibraryModel) else model.dataChanged


def _count_change(changes: ChangeSet) -> tuple[int, int] | None:
    """(article, change in its tag count) when ``changes`` only added or removed annotations
    of one article (a tag, an untag, their undo): the count follows without a query."""
    if (
        len(changes.documents_changed) != 1
        or changes.documents_added
        or changes.documents_removed
        or changes.documents_reloaded
        or not (changes.annotations_added or changes.annotations_removed)
    ):
        return None
    return changes.documents_changed[0], len(changes.annotations_added) - len(
        changes.annotations_removed
    )
