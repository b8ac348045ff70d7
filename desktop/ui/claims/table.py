"""The Claims table (Ctrl+Shift+C): every claim of the project, sorted and filtered by
claimant, status, grading, date and article."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import ClaimRow
from desktop.core.values import admiralty_grade
from desktop.ops.outcome import short
from desktop.store.claims import STATUSES
from desktop.store.project import Project
from desktop.ui.claims.editor import RELIABILITY, STATUS_COLORS, grade_text
from desktop.ui.i18n import QT_TRANSLATE_NOOP, link_term, term
from desktop.ui.widgets.bidi import isolate_short
from desktop.ui.widgets.choices import refill
from desktop.ui.widgets.flow import flow_bar
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.rows import RowCacheModel
from desktop.ui.widgets.sorting import SourceSortProxy

_ROLE = Qt.ItemDataRole


class ClaimModel(RowCacheModel[ClaimRow]):
    headers = (
        QT_TRANSLATE_NOOP("ClaimModel", "Claim"),
        QT_TRANSLATE_NOOP("ClaimModel", "Claimant"),
        QT_TRANSLATE_NOOP("ClaimModel", "Stance"),
        QT_TRANSLATE_NOOP("ClaimModel", "Status"),
        QT_TRANSLATE_NOOP("ClaimModel", "Grade"),
        QT_TRANSLATE_NOOP("ClaimModel", "Date"),
        QT_TRANSLATE_NOOP("ClaimModel", "Article"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda row: row.claim.id, parent)

    def cell(self, row: ClaimRow, column: int, role: int) -> Any:
        claim = row.claim
        grade = admiralty_grade(claim.reliability, claim.credibility)
        values = (
            short(claim.summary or row.quote, 70),
            row.claimant,
            term(claim.stance),
            term(claim.status),
            grade,
            shown_date(row) or "",
            row.document_title,
        )
        if role == _ROLE.DisplayRole:
            return values[column]
        if role == _ROLE.EditRole:
            if column == 5:
                return date_order(row)
            return (
                values[column]
                if column != 4
                else f"{claim.reliability or 'Z'}{claim.credibility or 9}"
            )
        by_article = column == 5 and not claim.claimed_on and bool(shown_date(row))
        if role == _ROLE.ToolTipRole:
            if by_article:
                return self.tr("Article date: the claim has no date of its own")
            return f"{row.quote}\n\n{row.document_title}"
        if role == _ROLE.ForegroundRole and column == 3:
            from PySide6.QtGui import QColor

            return QColor(STATUS_COLORS.get(claim.status, "#000000"))
        if by_article and role == _ROLE.ForegroundRole:
            from PySide6.QtGui import QPalette

            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        if by_article and role == _ROLE.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        if role == _ROLE.DecorationRole and column == 0:
            return icon("mdi6.comment-quote-outline", "#d1495b")
        return None


def shown_date(row: ClaimRow) -> str | None:
    """The date the Date column shows: the claim's own, else its article's publication date
    (as the timeline places it; set apart in grey italics), else none."""
    if row.claim.claimed_on:
        return row.claim.claimed_on
    from desktop.analysis.timeline import parse_date  # not loaded before the first paint

    period = parse_date(row.published)
    return None if period is None else period.text


def date_order(row: ClaimRow) -> tuple[int, int, int, int] | None:
    """The Date column's order: the timeline's (``analysis.timeline``) — the first day the
    date covers, then its last, the article and the passage's place; undated claims last."""
    from desktop.analysis.timeline import parse_date  # not loaded before the first paint

    period = parse_date(row.claim.claimed_on) or parse_date(row.published)
    if period is None:
        return None
    return (period.first, period.last, row.document_id, row.start)


class ClaimFilter(SourceSortProxy):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria: dict[str, Any] = {}

    def set_criteria(self, **criteria: Any) -> None:
        self.criteria = {key: value for key, value in criteria.items() if value not in (None, "")}
        self.invalidate()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClaimModel)
        row = model.row(source_row)
        claim = row.claim
        c = self.criteria
        date = shown_date(row) or ""
        checks = (
            "claimant" not in c or claim.claimant_id == c["claimant"],
            "status" not in c or claim.status == c["status"],
            "reliability" not in c or claim.reliability == c["reliability"],
            "document" not in c or row.document_id == c["document"],
            "date_from" not in c or (date and date >= c["date_from"]),
            "date_to" not in c or (date and date[: len(c["date_to"])] <= c["date_to"]),
        )
        return all(checks)


class ClaimsTable(QDockWidget):
    """Every claim in the project; double-click opens the passage."""

    open_requested = Signal(int, int, int)  # document id, start, end
    beside_requested = Signal(int, int)  # a claim and a linked one, side by side

    def sizeHint(self) -> QSize:
        """Tall enough for about eight claims when the table first opens under the article
        (a bottom dock otherwise starts at its minimum: one row)."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 300))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Claims"))
        self.setObjectName("claims_dock")
        self.project: Project | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        # The filters wrap on a narrow dock (issue 16): in one row they made the table's dock,
        # beside the network and the timeline, wider than a 1024 px window.
        filter_bar, filters = flow_bar(body, "claims_filters")
        self.claimant = QComboBox(body)
        self.claimant.setObjectName("claims_claimant_filter")
        self.status = QComboBox(body)
        self.status.setObjectName("claims_status_filter")
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(term(status), status)
        self.reliability = QComboBox(body)
        self.reliability.addItem(self.tr("Any reliability"), None)
        for key, text in RELIABILITY.items():
            self.reliability.addItem(grade_text(text), key)
        self.document = QComboBox(body)
        self.document.setObjectName("claims_document_filter")
        self.date_from = QLineEdit(body)
        self.date_from.setPlaceholderText(self.tr("From YYYY-MM-DD"))
        self.date_to = QLineEdit(body)
        self.date_to.setPlaceholderText(self.tr("To YYYY-MM-DD"))
        for widget in (self.claimant, self.status, self.reliability, self.document):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self._apply_filter())
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(140)
            filters.addWidget(edit)
            edit.editingFinished.connect(self._apply_filter)
        layout.addWidget(filter_bar)
        self.model = ClaimModel(self)
        self.proxy = ClaimFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(body)
        self.view.setObjectName("claims_view")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        # One line a row, cut with "…" (the whole claim in its tooltip): wrapped in a
        # narrow dock, a summary's second line was cut off by the row under it (a trial).
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 140), (2, 70), (3, 100), (4, 60), (5, 95), (6, 220)):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view)
        self.setWidget(body)

    def refresh(self) -> None:
        if self.project is None:
            return
        rows = self.project.claims.rows()
        self.model.sync(rows)
        refill(
            self.claimant,
            self.tr("Any claimant"),
            sorted({(r.claimant, r.claim.claimant_id) for r in rows if r.claim.claimant_id}),
        )
        refill(
            self.document,
            self.tr("Any article"),
            sorted({(r.document_title, r.document_id) for r in rows}),
        )

    def _apply_filter(self) -> None:
        self.proxy.set_criteria(
            claimant=self.claimant.currentData(),
            status=self.status.currentData(),
            reliability=self.reliability.currentData(),
            document=self.document.currentData(),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
        )

    def linked_claims(self, claim_id: int) -> list[tuple[int, str, bool, str]]:
        """The claims linked to ``claim_id``: (other claim, link kind, whether the link goes
        from ``claim_id`` to it, its text)."""
        if self.project is None:
            return []
        claims, annotations = self.project.claims, self.project.annotations
        found = []
        for link in claims.links(claim_id):
            other = link.to_claim if link.from_claim == claim_id else link.from_claim
            claim = claims.get(other)
            text = claim.summary or annotations.get(claim.annotation_id).quote
            found.append((other, link.kind, link.from_claim == claim_id, text))
        return found

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        row = self.model.row(self.proxy.mapToSource(index).row())
        menu = QMenu(self.view)
        menu.addAction(self.tr("Open"), lambda: self._open(index))
        linked = self.linked_claims(row.claim.id)
        for other, kind, outgoing, text in linked:
            menu.addAction(
                icon("mdi6.view-split-vertical"),
                self.tr("Open Both Side by Side: {kind} “{claim}”").format(
                    kind=link_term(kind, outgoing), claim=isolate_short(text, 40)
                ),
                partial(self.beside_requested.emit, row.claim.id, other),
            )
        if not linked:
            none = menu.addAction(self.tr("No linked claims to open side by side"))
            none.setEnabled(False)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row(self.proxy.mapToSource(index).row())
        self.open_requested.emit(row.document_id, row.start, row.end)
