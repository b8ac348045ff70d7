"""The Search dock (Ctrl+Shift+F): every article of the project searched through the full-text
index, results grouped by article with highlighted snippets.

Typing is debounced (250 ms) and a new result list is merged into the model row by row —
articles that stay keep their row, selection and expansion — instead of resetting it, so the
list does not flicker while the analyst refines a query. Snippets are raw article text, HTML
escaped before the match marks are added, painted by a delegate with the article's direction.
Opening a result shows the article scrolled to the match, selected (ready to tag) and flashed.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.core.query import Query, QueryError
from desktop.store.search import (
    CLAIM_STATUSES,
    RANK_WINDOW,
    Hit,
    SearchFilters,
    SearchStore,
    Snippet,
)
from desktop.ui.commands.session import ProjectSession
from desktop.ui.errors import error_text
from desktop.ui.i18n import counts, label_title, term
from desktop.ui.library.dock import LibraryDock
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.search.catchup import IndexCatchUp
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import follow_content, html_dir, isolate
from desktop.ui.widgets.dates import date_edit, iso
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from desktop.store.project import Project

AnyIndex = QModelIndex | QPersistentModelIndex
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
DIRECTION_ROLE = Qt.ItemDataRole.UserRole + 2
TARGET_ROLE = Qt.ItemDataRole.UserRole + 3  # (document id, start, end) or (document id,)
DEBOUNCE_MS = 250
_CHOICES = ("labels", "entities", "sources")  # the filter combos filled from the project
PAGE = 50
COUNT_CAP = 10_000
"""Matches are counted up to this many; above it the panel says "more than" (issue 15: counting
a near-universal word in a million articles took longer than the search itself)."""
MARK_STYLE = "background-color:#ffd966;color:#1f2933;"
MUTED = "#6b777b"
MUTED_ON_DARK = "#c9dcdd"  # the details of a selected result, on the dark selection
_NO_DATE = QDate(1900, 1, 1)


# --- rendering ------------------------------------------------------------------------------


def _marked_html(text: str, base: int, marks: tuple[tuple[int, int], ...]) -> str:
    """``text`` (starting at offset ``base``) as HTML with ``marks`` highlighted. Escaped
    piece by piece: an article may contain anything, including markup."""
    out: list[str] = []
    at = 0
    for start, end in marks:
        start, end = max(start - base, at), min(end - base, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[at:start], quote=False))
        out.append(f'<span style="{MARK_STYLE}">{html.escape(text[start:end], quote=False)}</span>')
        at = end
    out.append(html.escape(text[at:], quote=False))
    return "".join(out).replace("\n", " ")


def snippet_html(snippet: Snippet) -> str:
    body = _marked_html(snippet.text, snippet.start, snippet.marks)
    return ("… " if snippet.clipped_start else "") + body + (" …" if snippet.clipped_end else "")


def hit_html(hit: Hit) -> str:
    title = _marked_html(hit.title, 0, hit.title_spans)
    # The source and date are isolated: an Arabic outlet before a date would otherwise turn
    # "2026-01-05" into Arabic numbers laid out right to left.
    meta = [isolate(part) for part in (hit.source, hit.published) if part]
    count = len(hit.spans)
    meta.append(
        counts().matches(count)
        if count
        else QCoreApplication.translate("SearchPanel", "title or source")
    )
    details = html.escape("  ·  ".join(meta), quote=False)
    # The title runs in its own direction (an English title on an Arabic article too); the
    # details are in the interface language: an explicit block in its direction keeps
    # "23 matches" in order inside a row of the other direction, aligned with the title's edge.
    direction = html_dir(hit.title)
    if direction == "auto":
        direction = "rtl" if hit.direction == "rtl" else "ltr"
    align = "right" if direction == "rtl" else "left"
    details_direction = "rtl" if QGuiApplication.isRightToLeft() else "ltr"
    return (
        f'<div dir="{direction}"><b>{title}</b></div>'
        f'<div dir="{details_direction}" align="{align}" style="color:{MUTED};font-size:small;">'
        f"{details}</div>"
    )


# --- model ----------------------------------------------------------------------------------


class SearchResultsModel(QAbstractItemModel):
    """Hits as a two-level tree: an article per top-level row, its snippets as children.

    Children carry the article's id as their internal id (stable while rows move), top-level
    rows carry 0 (ids start at 1).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._row_of: dict[int, int] = {}
        self._html: dict[tuple[int, int], str] = {}  # (document id, snippet row or -1)

    # --- content ---------------------------------------------------------------------
    @property
    def hits(self) -> list[Hit]:
        return list(self._hits)

    def _reindex(self) -> None:
        self._row_of = {hit.document_id: row for row, hit in enumerate(self._hits)}

    def set_hits(self, hits: list[Hit]) -> None:
        """Merge a new result list into the current one: rows that stay are moved and updated
        in place, others removed or inserted, so views keep their state."""
        wanted = {hit.document_id for hit in hits}
        for row in range(len(self._hits) - 1, -1, -1):
            if self._hits[row].document_id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._hits[row]
                self.endRemoveRows()
        self._reindex()
        for target, hit in enumerate(hits):
            current = self._row_of.get(hit.document_id)
            if current is None:
                self.beginInsertRows(QModelIndex(), target, target)
                self._hits.insert(target, hit)
                self._reindex()
                self.endInsertRows()
                continue
            if current != target:  # current > target: everything before target is in place
                self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), target)
                self._hits.insert(target, self._hits.pop(current))
                self._reindex()
                self.endMoveRows()
            self._replace(target, hit)

    def append(self, hits: list[Hit]) -> None:
        fresh = [hit for hit in hits if hit.document_id not in self._row_of]
        if not fresh:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._hits.extend(fresh)
        self._reindex()
        self.endInsertRows()

    def clear(self) -> None:
        self.set_hits([])

    def _replace(self, row: int, hit: Hit) -> None:
        old = self._hits[row]
        for key in [key for key in self._html if key[0] == hit.document_id]:
            del self._html[key]
        parent = self.index(row, 0)
        before, after = len(old.snippets), len(hit.snippets)
        if after < before:
            self.beginRemoveRows(parent, after, before - 1)
            self._hits[row] = hit
            self.endRemoveRows()
        elif after > before:
            self.beginInsertRows(parent, before, after - 1)
            self._hits[row] = hit
            self.endInsertRows()
        else:
            self._hits[row] = hit
        if old == hit:
            return
        self.dataChanged.emit(parent, parent)
        if min(before, after):
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(min(before, after) - 1, 0, parent)
            )

    def hit_at(self, index: AnyIndex) -> Hit | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._hits[index.row()]
        row = self._row_of.get(int(index.internalId()))
        return None if row is None else self._hits[row]

    # --- Qt model API ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._hits) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._hits):
            return QModelIndex()
        hit = self._hits[parent.row()]
        if row >= len(hit.snippets):
            return QModelIndex()
        return self.createIndex(row, 0, hit.document_id)

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...

    def parent(self, child: AnyIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        row = self._row_of.get(int(child.internalId()))
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._hits)
        if parent.internalId() != 0 or parent.row() >= len(self._hits):
            return 0
        return len(self._hits[parent.row()].snippets)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index)
        if hit is None:
            return None
        top = index.internalId() == 0
        snippet = None if top else hit.snippets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title if snippet is None else snippet.text
        if role == HTML_ROLE:
            key = (hit.document_id, -1 if snippet is None else index.row())
            cached = self._html.get(key)
            if cached is None:
                cached = hit_html(hit) if snippet is None else snippet_html(snippet)
                self._html[key] = cached
            return cached
        if role == DIRECTION_ROLE:
            return hit.direction
        if role == TARGET_ROLE:
            if snippet is not None:
                return (hit.document_id, *snippet.marks[0])
            return (hit.document_id, *hit.spans[0]) if hit.spans else (hit.document_id,)
        if role == Qt.ItemDataRole.ToolTipRole and snippet is None:
            # No bm25 score: most hits of a common word showed 0.00 (``cli_search._hit_json``)
            return f"{hit.title}\n" + self.tr("%n match(es)", "", len(hit.spans))
        return None


# --- view -----------------------------------------------------------------------------------


class ResultDelegate(QStyledItemDelegate):
    """Paints the HTML of a row with the article's direction, wrapped to the column width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self._docs: OrderedDict[tuple[str, str, int], QTextDocument] = OrderedDict()

    def _document(self, index: AnyIndex, width: int, *, on_dark: bool = False) -> QTextDocument:
        markup = str(index.data(HTML_ROLE) or "")
        if on_dark:  # the details' grey would vanish on the selection's dark teal
            markup = markup.replace(f"color:{MUTED};", f"color:{MUTED_ON_DARK};")
        direction = str(index.data(DIRECTION_ROLE) or "rtl")
        key = (markup, direction, width)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        font = QFont(self.view.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)  # Arabic needs a little more than Latin UI
        doc.setDefaultFont(font)
        option = QTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(markup)
        doc.setTextWidth(max(40, width))
        self._docs[key] = doc
        while len(self._docs) > 400:
            self._docs.popitem(last=False)
        return doc

    def _width(self, index: AnyIndex) -> int:
        indent = self.view.indentation() if index.parent().isValid() else 0
        return self.view.viewport().width() - indent

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        # Selected in the active window the row is dark teal (the stylesheet's selection; a
        # light tint only when the window is inactive): the text turns white there, as in
        # every other list — a trial could not read the dark text on it. The match marks
        # carry their own colours.
        state = opt.state
        on_dark = bool(state & QStyle.StateFlag.State_Selected) and bool(
            state & QStyle.StateFlag.State_Active
        )
        doc = self._document(index, rect.width(), on_dark=on_dark)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if on_dark else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._width(index)
        doc = self._document(index, width)
        return QSize(width, int(doc.size().height()) + 2)


class ResultsView(QTreeView):
    """Re-measures wrapped rows when its width changes; Enter opens the current result."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.doItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class QueryEdit(QLineEdit):
    escape_pressed = Signal()
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


# --- the dock -------------------------------------------------------------------------------


class SearchPanel(QDockWidget):
    """Query box, filters, result count or error, and the results tree.

    ``span_requested(document id, start, end)``: show that match; ``document_requested(id)``:
    open an article that matched only by title or source; ``leave_requested``: Esc.
    """

    span_requested = Signal(int, int, int)
    document_requested = Signal(int)
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self.setObjectName("search_dock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.store: SearchStore | None = None
        self.project: Project | None = None
        self.total = 0
        self.error = ""
        self.catch_up: IndexCatchUp | None = None  # set by wire_search_panel
        self._last: tuple[str, SearchFilters] | None = None
        self._following = True  # open results as the current row moves (not while merging)
        # What changes made out of date while the dock was hidden, done when it is shown.
        self._stale_results = False
        self._stale_choices: set[str] = set()  # "labels", "entities", "sources"

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.query_edit = QueryEdit(body)
        self.query_edit.setObjectName("search_query")
        self.query_edit.setPlaceholderText(
            self.tr('Search all articles: words, "phrases", pre*, OR, NOT')
        )
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.addAction(icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        follow_content(self.query_edit)
        self.query_edit.setToolTip(
            self.tr(
                "Harakat, tatweel, hamza and alef forms, ة/ه and Latin case are ignored.\n"
                "A word also matches it with و ف ب ك ل in front (كيري → وكيري، لكيري), never "
                "inside another word.\n"
                '"quoted words" form a phrase; كير* finds words starting with كير.\n'
                "Words are all required; OR, NOT and (parentheses) combine them: "
                "(كيري OR لافروف) NOT جنيف"
            )
        )
        row.addWidget(self.query_edit, 1)
        self.filter_button = QToolButton(body)
        self.filter_button.setObjectName("search_filter_button")
        self.filter_button.setIcon(icon("mdi6.filter-variant"))
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_button.setCheckable(True)
        self.filter_button.setToolTip(
            self.tr("Restrict by label, entity, claim status, source or date")
        )
        row.addWidget(self.filter_button)
        layout.addLayout(row)

        self.filter_frame = QFrame(body)
        self.filter_frame.setObjectName("search_filters")
        form = QFormLayout(self.filter_frame)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(4)
        self.label_combo = QComboBox(self.filter_frame)
        self.entity_combo = QComboBox(self.filter_frame)
        self.status_combo = QComboBox(self.filter_frame)
        self.source_combo = QComboBox(self.filter_frame)
        for combo, name in (
            (self.label_combo, "search_label"),
            (self.entity_combo, "search_entity"),
            (self.status_combo, "search_status_filter"),
            (self.source_combo, "search_source"),
        ):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.status_combo.addItem(self.tr("Any"), None)
        for status in CLAIM_STATUSES:
            self.status_combo.addItem(term(status), status)
        dates = QHBoxLayout()
        self.date_from = self._date_edit("search_from")
        self.date_to = self._date_edit("search_to")
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self.filter_frame))
        dates.addWidget(self.date_to)
        form.addRow(self.tr("Label"), self.label_combo)
        form.addRow(self.tr("Entity"), self.entity_combo)
        form.addRow(self.tr("Claim"), self.status_combo)
        form.addRow(self.tr("Source"), self.source_combo)
        form.addRow(self.tr("Published"), dates)
        clear = QPushButton(self.tr("Clear filters"), self.filter_frame)
        clear.clicked.connect(self.clear_filters)
        form.addRow("", clear)
        self.filter_frame.hide()
        layout.addWidget(self.filter_frame)

        self.status = QLabel(body)
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)

        self.model = SearchResultsModel(self)
        self.view = ResultsView(body)
        self.view.setObjectName("search_results")
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setIndentation(14)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegate(ResultDelegate(self.view))
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)
        self.more_button = QPushButton(self.tr("Show more results"), body)
        self.more_button.setObjectName("search_more")
        self.more_button.hide()
        layout.addWidget(self.more_button)
        self.setWidget(body)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.query_edit.textChanged.connect(lambda _text: self.timer.start())
        self.query_edit.returnPressed.connect(self.run_now)
        self.query_edit.escape_pressed.connect(self.leave_requested)
        self.query_edit.down_pressed.connect(self._enter_results)
        self.filter_button.toggled.connect(self.filter_frame.setVisible)
        for combo in (self.label_combo, self.entity_combo, self.status_combo, self.source_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._filters_changed)
        self.more_button.clicked.connect(self.show_more)
        self.model.rowsInserted.connect(self._expand_rows)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.clicked.connect(self._open)
        self.view.open_requested.connect(self._open_and_leave)
        self.view.doubleClicked.connect(self._open_and_leave)
        self.visibilityChanged.connect(self._catch_up_if_visible)
        self._set_status(self.tr("Type to search every article of the project."))

    NARROW = 320
    """Below this width the Filters button shows its icon alone (its tooltip names it): in a
    1024×640 window's 230 px dock it left the query box 80 px, «ولافروف» shown as «لافروف»
    (a trial)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if self.width() < self.NARROW
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        if self.filter_button.toolButtonStyle() != style:
            self.filter_button.setToolButtonStyle(style)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = date_edit(self.filter_frame)
        edit.setObjectName(name)
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    # --- project -----------------------------------------------------------------------
    def attach(self, project: Project) -> None:
        """Search another project: filter choices reloaded, results cleared, query kept."""
        self.project = project
        self.store = project.search
        self._last = None
        self._stale_results = False
        self.reload_choices()
        self.model.clear()
        if self.query_edit.text().strip():
            self.timer.start()

    def reload_choices(self, which: Collection[str] = _CHOICES) -> None:
        """Fill the filter combos ``which`` ("labels", "entities", "sources") from the
        project, keeping the current choice where it still exists."""
        if self.project is None:
            return
        self._stale_choices.difference_update(which)
        project = self.project
        for key in _CHOICES:
            if key not in which:
                continue
            items: list[tuple[str, Any]]
            if key == "labels":
                combo = self.label_combo
                items = [(label_title(label), label.id) for label in project.labels.all()]
            elif key == "entities":
                combo = self.entity_combo
                items = [(name, entity_id) for entity_id, name in project.search.entities()]
            else:
                combo = self.source_combo
                items = [(source, source) for source in project.search.sources()]
            was = combo.blockSignals(True)
            try:
                self._fill(combo, items)
            finally:
                combo.blockSignals(was)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(QCoreApplication.translate("SearchPanel", "Any"), None)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(0, found))

    def apply_changes(self, changes: ChangeSet) -> None:
        """Articles or annotations changed (every ChangeSet of the session, imports
        included): refresh the filter choices they affect and, if a search is shown, rerun
        it (debounced, so a burst of edits costs one search). While the dock is hidden this
        is only noted, and done when it is shown: a tag must not cost a search nobody sees."""
        if changes.labels_changed:
            self._stale_choices.add("labels")
        if (
            changes.entities_changed
            or changes.annotations_added
            or changes.annotations_changed
            or changes.annotations_removed
        ):
            self._stale_choices.add("entities")
        if changes.documents_added or changes.documents_changed or changes.documents_removed:
            self._stale_choices.add("sources")
        if changes and self._last is not None:
            self._last = None
            self._stale_results = True
        self._catch_up_if_visible()

    def _catch_up_if_visible(self, *_args: object) -> None:
        # A dock behind another tab is "visible" but shows nothing: its region is empty.
        if not self.isVisible() or self.visibleRegion().isEmpty():
            return
        if self._stale_choices:
            self.reload_choices(set(self._stale_choices))
        if self._stale_results:
            self._stale_results = False
            self.timer.start()

    # --- filters -----------------------------------------------------------------------
    def filters(self) -> SearchFilters:
        def date(edit: QDateEdit) -> str | None:
            value = edit.date()
            return None if value == _NO_DATE else iso(value)

        return SearchFilters(
            label_id=self.label_combo.currentData(),
            entity_id=self.entity_combo.currentData(),
            claim_status=self.status_combo.currentData(),
            source=self.source_combo.currentData(),
            published_from=date(self.date_from),
            published_to=date(self.date_to),
        )

    def clear_filters(self) -> None:
        for combo in (self.label_combo, self.entity_combo, self.status_combo, self.source_combo):
            combo.setCurrentIndex(0)
        self.date_from.setDate(_NO_DATE)
        self.date_to.setDate(_NO_DATE)

    def _filters_changed(self) -> None:
        active = sum(
            1
            for value in (
                self.label_combo.currentData(),
                self.entity_combo.currentData(),
                self.status_combo.currentData(),
                self.source_combo.currentData(),
                self.date_from.date() != _NO_DATE or None,
                self.date_to.date() != _NO_DATE or None,
            )
            if value is not None
        )
        self.filter_button.setText(
            self.tr("Filters ({count})").format(count=active) if active else self.tr("Filters")
        )
        self.timer.start()

    # --- searching ---------------------------------------------------------------------
    def open_panel(self, seed: str = "") -> None:
        self.show()
        self.raise_()
        if seed and not self.query_edit.text().strip():
            self.query_edit.setText(seed)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def run_now(self) -> None:
        self.timer.stop()
        self._last = None
        self.run()

    def run(self) -> None:
        """Search with what is in the box and the filters; malformed queries show a reason."""
        self.timer.stop()
        text = self.query_edit.text()
        filters = self.filters()
        if self.store is None:
            return
        if (text, filters) == self._last:
            return
        self._last = (text, filters)
        if not text.strip() and not filters:
            self._show([], 0)
            self._set_status(self.tr("Type to search every article of the project."))
            return
        try:
            query: Query | None = self.store.parse(text) if text.strip() else None
            total = self.store.count(query, filters, cap=COUNT_CAP)
            hits = self.store.search(query, limit=PAGE, filters=filters)
        except QueryError as error:
            self._set_status(error_text(str(error)), error=True)
            return
        except HamishError as error:
            self._set_status(
                self.tr("The search failed: {error}").format(error=error_text(str(error))),
                error=True,
            )
            return
        self._show(hits, total)

    def show_more(self) -> None:
        if self.store is None or self._last is None:
            return
        text, filters = self._last
        try:
            query = self.store.parse(text) if text.strip() else None
            hits = self.store.search(
                query, limit=PAGE, offset=self.model.rowCount(), filters=filters
            )
        except HamishError as error:
            self._set_status(error_text(str(error)), error=True)
            return
        self._following = False
        try:
            self.model.append(hits)
        finally:
            self._following = True
        self._update_count()

    def _show(self, hits: list[Hit], total: int) -> None:
        self.total = total
        self._following = False
        try:
            self.model.set_hits(hits)
        finally:
            self._following = True
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if not self.total:
            self._set_status(self.tr("No article matches."))
        else:
            if self.total > COUNT_CAP:
                text = self.tr("More than %Ln articles match", "", COUNT_CAP)
            else:
                text = self.tr("%Ln article(s) match", "", self.total)
            if shown < self.total:
                text += " · " + self.tr("showing the best %Ln", "", shown)
            if self.total > RANK_WINDOW:
                text += " " + self.tr("(ranked among the %Ln newest)", "", RANK_WINDOW)
            self._set_status(text + self._indexing_note())
        self.more_button.setVisible(shown < self.total)

    def _indexing_note(self) -> str:
        catch_up = self.catch_up
        if catch_up is None or not catch_up.running:
            return ""
        return " · " + self.tr(
            "still indexing: %Ln article(s) not searched yet", "", catch_up.remaining
        )

    def note_indexing(self) -> None:
        """Keep the "still indexing" count in the status line current while results show."""
        if self._last is not None and not self.error and self.model.rowCount():
            self._update_count()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.error = text if error else ""
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else f"color: {MUTED};")

    def _expand_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        for row in range(first, last + 1):
            self.view.expand(self.model.index(row, 0))

    # --- opening results ---------------------------------------------------------------
    def _enter_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following and current.isValid():
            self._open(current)

    def _open(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if not target:
            return
        if len(target) == 3:
            self.span_requested.emit(*target)
        else:
            self.document_requested.emit(target[0])

    def _open_and_leave(self, index: QModelIndex) -> None:
        self._open(index)
        self.leave_requested.emit()


def wire_search_panel(
    api: WindowApi, panel: SearchPanel, reader: ReaderPane, library: LibraryDock
) -> None:
    """Wire the dock: Ctrl+Shift+F, opening results, following project switches, and the
    library filter through the same index. (The window places the dock and its menu entry.)"""

    def open_panel() -> None:
        cursor = reader.text.textCursor()
        seed = cursor.selectedText() if cursor.hasSelection() else ""
        panel.open_panel(seed if len(seed) < 80 else "")

    def leave() -> None:
        if reader.document_id is not None:
            reader.text.setFocus()

    catch_up = IndexCatchUp(api.add_status_widget, panel)
    panel.catch_up = catch_up

    def indexed() -> None:
        # Results shown while indexing were partial: search again over the complete index.
        if panel.isVisible() and panel.query_edit.text().strip():
            panel.run_now()

    def attach(session: ProjectSession) -> None:
        project = session.project
        panel.attach(project)
        catch_up.start(project.search)
        store = project.search
        library.proxy.set_search(
            lambda text: store.matching_ids(store.parse(text, type_ahead=True))
        )
        session.changed.connect(panel.apply_changes)

    def show_span(document_id: int, start: int, end: int) -> None:
        # Like api.open_at, but the focus stays in the results so arrow keys keep browsing.
        if reader.document_id != document_id:
            api.open_document(document_id)
        if reader.document_id == document_id:
            reader.text.select_cp(start, end)
            reader.text.flash(start, end)

    # The window closes its project when it closes: a search still waiting for the end of
    # the typing pause must not run after that.
    def stop() -> None:
        panel.timer.stop()
        catch_up.stop()

    api.closing.connect(stop)
    catch_up.finished.connect(indexed)
    catch_up.progressed.connect(lambda _done, _total: panel.note_indexing())
    api.actions[ActionId.SEARCH].triggered.connect(open_panel)
    panel.span_requested.connect(show_span)
    panel.document_requested.connect(api.open_document)
    panel.leave_requested.connect(leave)
    api.session_attached.connect(attach)
    if api.has_session:  # wired after the project opened
        attach(api.session)
