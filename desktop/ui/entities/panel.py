"""The Entities dock: every actor, place and event of the project with how often and where
it is mentioned, filterable by type and name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import (
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import ENTITY_TYPES
from desktop.core.records import EntitySummary
from desktop.ui.i18n import QT_TRANSLATE_NOOP, term
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.rows import ID_ROLE, RowCacheModel
from desktop.ui.widgets.sorting import SourceSortProxy

TYPE_ICONS = {
    "person": ("mdi6.account", "#d9822b"),
    "organisation": ("mdi6.domain", "#3f88c5"),
    "location": ("mdi6.map-marker", "#4f9d4a"),
    "event": ("mdi6.calendar-star", "#c9a227"),
    "other": ("mdi6.shape-outline", "#6b777b"),
}


def type_icon(type_: str) -> QIcon:
    name, color = TYPE_ICONS.get(type_, TYPE_ICONS["other"])
    return icon(name, color)


class EntityModel(RowCacheModel[EntitySummary]):
    headers = (
        QT_TRANSLATE_NOOP("EntityModel", "Name"),
        QT_TRANSLATE_NOOP("EntityModel", "Type"),
        QT_TRANSLATE_NOOP("EntityModel", "Mentions"),
        QT_TRANSLATE_NOOP("EntityModel", "Articles"),
    )

    COUNT_ICONS: ClassVar[dict[int, str]] = {
        2: "mdi6.format-quote-close",
        3: "mdi6.file-document-outline",
    }
    """The counts' headers are icons, their names in the tooltip: in words («الإشارات»,
    «المقالات») they took half a 270 px panel, and at 1024 px the names were cut to their
    icons (found by a trial)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda row: row.id, parent)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and section in self.COUNT_ICONS:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(self.COUNT_ICONS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return super().headerData(section, orientation)
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
        return super().headerData(section, orientation, role)

    def cell(self, row: EntitySummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, term(row.type), row.mentions, row.documents)[column]
        if role == Qt.ItemDataRole.EditRole:  # sort key
            return (row.name, row.type, row.mentions, row.documents)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return type_icon(row.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = ", ".join(a for a in row.aliases if a != row.name)
            counts = (
                self.tr("%n mention(s)", "", row.mentions)
                + " · "
                + self.tr("%n article(s)", "", row.documents)
            )
            kind = term(row.type)
            return (
                f"{row.name} ({kind})\n"
                + self.tr("Aliases: {aliases}").format(aliases=aliases or "—")
                + f"\n{counts}"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


UNMENTIONED = "-unmentioned"
"""The type filter's entry for the entities without mentions (not an entity type)."""


class EntitiesPanel(QDockWidget):
    open_requested = Signal(int)
    mentions_requested = Signal(int)
    merge_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(
        self, load: Callable[[str | None, str], list[EntitySummary]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Entities"))
        self.setObjectName("entities_dock")
        self._load = load
        self.read_only = False  # a read-only project: no merging, no mentions to tag
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        row = QHBoxLayout()
        self.type_box = QComboBox(body)
        self.type_box.setObjectName("entity_type_filter")
        self.type_box.addItem(self.tr("All types"), None)
        for type_ in ENTITY_TYPES:
            self.type_box.addItem(type_icon(type_), term(type_), type_)
        # Entities nothing mentions any more (a mistaken tag's, issue 14) sink below the
        # others; this lists them alone, to delete or merge.
        self.type_box.insertSeparator(self.type_box.count())
        self.type_box.addItem(icon("mdi6.link-off"), self.tr("Unmentioned"), UNMENTIONED)
        # As wide as a type's name: the longer entry must not widen the panel, whose least
        # width the window gives up to the article on a small screen.
        self.type_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_box.setMinimumContentsLength(max(len(term(t)) for t in ENTITY_TYPES))
        self.name_box = QLineEdit(body)
        self.name_box.setObjectName("entity_filter")
        self.name_box.setPlaceholderText(self.tr("Filter entities…"))
        self.name_box.setClearButtonEnabled(True)
        follow_content(self.name_box)
        row.addWidget(self.type_box)
        row.addWidget(self.name_box, 1)
        layout.addLayout(row)
        self.model = EntityModel(self)
        self.proxy = SourceSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(body)
        self.view.setObjectName("entity_view")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        # The names take the free width; a count is as wide as four digits or its header's
        # icon, and the sort arrow.
        narrow = max(metrics.horizontalAdvance("0000"), 16) + 18
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, narrow)
        # The type is the icon before each name (and the filter above, and the tooltip): its
        # own column would leave the names a few letters wide in a 300 px panel.
        self.view.setColumnHidden(1, True)
        layout.addWidget(self.view)
        self.setWidget(body)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.name_box.textChanged.connect(lambda _text: self._debounce.start())
        self.type_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.view.doubleClicked.connect(
            lambda index: self.open_requested.emit(int(index.data(ID_ROLE)))
        )
        self.view.customContextMenuRequested.connect(self._menu)

    def refresh(self) -> None:
        chosen = self.type_box.currentData()
        if chosen == UNMENTIONED:
            rows = [row for row in self._load(None, self.name_box.text()) if not row.mentions]
        else:
            rows = self._load(chosen, self.name_box.text())
        self.model.sync(rows)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else int(index.data(ID_ROLE))

    def _menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        entity_id = int(index.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(
            icon("mdi6.card-account-details-outline"),
            self.tr("Open Entity Page…"),
            lambda: self.open_requested.emit(entity_id),
        )
        mentions = menu.addAction(
            icon("mdi6.text-search"),
            self.tr("Find All Mentions…"),
            lambda: self.mentions_requested.emit(entity_id),
        )
        merge = menu.addAction(
            icon("mdi6.call-merge"),
            self.tr("Merge Into…"),
            lambda: self.merge_requested.emit(entity_id),
        )
        delete = menu.addAction(
            icon("mdi6.delete-outline"),
            self.tr("Delete Entity"),
            lambda: self.delete_requested.emit(entity_id),
        )
        delete.setEnabled(not index.siblingAtColumn(2).data(Qt.ItemDataRole.EditRole))
        if delete.isEnabled():
            delete.setToolTip(self.tr("Nothing mentions it: delete it (Undo brings it back)"))
        for entry in (mentions, merge, delete):
            entry.setEnabled(entry.isEnabled() and not self.read_only)
        menu.exec(self.view.viewport().mapToGlobal(point))
