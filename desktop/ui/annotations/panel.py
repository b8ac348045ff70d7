"""The Annotations dock: the open article's annotations in text order.

The model holds annotation ids with a row cache and applies ``ChangeSet``s row by row, so the
current row and scroll position survive tagging, editing and undo.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import islice
from operator import attrgetter, gt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Annotation, ChangeSet, Label, Mark
from desktop.ui import qtvalues as qv
from desktop.ui.i18n import QT_TRANSLATE_NOOP, label_name, label_title
from desktop.ui.qtvalues import Qt
from desktop.ui.widgets.direction import LTR_ALIGN, RTL_ALIGN, DirectionDelegate
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.narrow import NarrowColumns

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = qv.USER_ROLE + 1
_DISPLAY = qv.DISPLAY_ROLE
_DECORATION = qv.DECORATION_ROLE
_TOOLTIP = qv.TOOLTIP_ROLE
_FOREGROUND = qv.FOREGROUND_ROLE
_FONT = qv.FONT_ROLE
_ALIGN = qv.TEXT_ALIGNMENT_ROLE
_ROLES = frozenset((ID_ROLE, _DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, _FONT, _ALIGN))
"""The roles :meth:`AnnotationModel.data` answers."""
NAMES_CHECKED = 64
"""The most entity names the panel reads again to learn whether an entity change renamed
one it shows (see ``AnnotationModel._names_hold``)."""

ANCHOR_TIPS = {
    "moved": QT_TRANSLATE_NOOP(
        "AnnotationModel",
        "Re-anchored: the article changed and this annotation was found again by its quote.",
    ),
    "orphaned": QT_TRANSLATE_NOOP(
        "AnnotationModel",
        "Orphaned: its quoted text is no longer in the article. Delete it or keep it "
        "for the record.",
    ),
}


_ID = attrgetter("id")
_ANCHOR = attrgetter("anchor")


WHOLE_CHUNK = 100
"""Rows read whole at once when the panel first shows one of an article opened with marks."""


def _order(annotation: Annotation) -> tuple[int, int, int]:
    return (annotation.start, annotation.end, annotation.id)


class AnnotationModel(QAbstractTableModel):
    LABEL, QUOTE, ENTITY, NOTE = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("AnnotationModel", "Label"),
        QT_TRANSLATE_NOOP("AnnotationModel", "Text"),
        QT_TRANSLATE_NOOP("AnnotationModel", "Entity"),
        QT_TRANSLATE_NOOP("AnnotationModel", "Note"),
    )

    def __init__(
        self,
        load_document: Callable[[int], list[Annotation]],
        load_many: Callable[[list[int]], list[Annotation]],
        label_of: Callable[[int], Label | None],
        entity_name: Callable[[int], str | None] = lambda _entity_id: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_document = load_document
        self._load_many = load_many
        self._label_of = label_of
        self._entity_name = entity_name
        self._names: dict[int, str] = {}  # entity names shown, dropped when entities change
        # On a narrow dock the label column shows only the label's icon (its name is in the
        # tooltip), leaving the room to the passage and the entity.
        self.icons_only = False
        self.document_id: int | None = None
        # Each row an Annotation, or the Mark of one not read whole yet (set_document): the
        # marks hold all that sorting, counting and label names need; the rest of a row is
        # read as the view first shows it (WHOLE_CHUNK rows at a time), or when asked for.
        self._rows: list[Annotation | Mark] = []
        self._keys: list[tuple[int, int, int]] = []  # sort keys, parallel to _rows
        self._key_of: dict[int, tuple[int, int, int]] = {}
        self.orphans = 0

    def set_document(
        self, document_id: int | None, rows: Sequence[Annotation | Mark] | None = None
    ) -> None:
        """Show a document's annotations (``rows`` when the caller already loaded them: whole,
        or the marks an article opens with, read whole only as they are shown)."""
        self.beginResetModel()
        self.document_id = document_id
        # Names are cached by entity id, which another project (after New or Open Project)
        # gives to other entities: never carried from one article's showing to the next.
        self._names.clear()
        if rows is None:
            rows = self._load_document(document_id) if document_id is not None else []
        keys = [(a.start, a.end, a.id) for a in rows]  # _order, without a call per row
        if any(map(gt, keys, islice(keys, 1, None))):  # the store reads them in order
            order = sorted(range(len(keys)), key=keys.__getitem__)
            rows = [rows[i] for i in order]
            keys = [keys[i] for i in order]
        self._rows = list(rows)
        self._keys = keys
        self._key_of = dict(zip(map(_ID, rows), keys, strict=True))
        self.orphans = list(map(_ANCHOR, rows)).count("orphaned")
        self.endResetModel()

    def apply(self, changes: ChangeSet) -> None:
        renamed = changes.labels_changed or (changes.entities_changed and not self._names_hold())
        if renamed:
            self._names.clear()  # with no article shown too: the next one must not see stale names
        if self.document_id is None:
            return
        if renamed and self._rows:
            # (an empty range is an invalid index pair to Qt)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.NOTE))
        for annotation_id in changes.annotations_removed:
            self._remove(annotation_id)
        wanted = [*changes.annotations_changed, *changes.annotations_added]
        fresh = self._load_many(wanted) if wanted else []
        mine = {a.id: a for a in fresh if a.document_id == self.document_id}
        # A changed row is updated where it is, or moved if its place in text order changed:
        # removing and re-inserting it would move the view's current row to a neighbour (and,
        # with the focus in the panel, open that other annotation).
        for annotation_id in changes.annotations_changed:
            if self.row_of(annotation_id) is None:
                continue
            annotation = mine.get(annotation_id)
            if annotation is None:  # deleted meanwhile, or no longer in this article
                self._remove(annotation_id)
            else:
                self._replace(annotation)
        for annotation in fresh:
            if annotation.id in mine and self.row_of(annotation.id) is None:
                self._insert(annotation)

    def _names_hold(self) -> bool:
        """Whether every entity name shown is still the entity's name. Most entity changes
        are a tag's (a new entity, a mention more), which rename nothing: repainting every
        row for them cost a tag the panel's whole paint. Past ``NAMES_CHECKED`` names shown,
        they are not read again one by one (the rows are painted again instead)."""
        if len(self._names) > NAMES_CHECKED:
            return False
        return all((self._entity_name(i) or "") == name for i, name in self._names.items())

    def _remove(self, annotation_id: int) -> None:
        row = self.row_of(annotation_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self.orphans -= self._rows[row].anchor == "orphaned"
        del self._rows[row]
        del self._keys[row]
        del self._key_of[annotation_id]
        self.endRemoveRows()

    def _insert(self, annotation: Annotation) -> None:
        key = _order(annotation)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, annotation)
        self._keys.insert(row, key)
        self._key_of[annotation.id] = key
        self.orphans += annotation.anchor == "orphaned"
        self.endInsertRows()

    def _replace(self, annotation: Annotation) -> None:
        """Swap in a changed annotation already shown, keeping its row (and the selection)."""
        row = self.row_of(annotation.id)
        assert row is not None
        key = _order(annotation)
        # Its new row among the others: the sort keys without its old one.
        if row > 0 and key < self._keys[row - 1]:
            target = bisect_left(self._keys, key, 0, row)
        elif row + 1 < len(self._keys) and key > self._keys[row + 1]:
            target = bisect_left(self._keys, key, row + 1) - 1
        else:
            target = row
        self.orphans += (annotation.anchor == "orphaned") - (self._rows[row].anchor == "orphaned")
        if target == row:
            self._rows[row] = annotation
            self._keys[row] = key
            self._key_of[annotation.id] = key
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.NOTE))
            return
        # Qt's destination counts rows before the move: below the old row it is one more.
        destination = target if target < row else target + 1
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        del self._rows[row]
        del self._keys[row]
        self._rows.insert(target, annotation)
        self._keys.insert(target, key)
        self._key_of[annotation.id] = key
        self.endMoveRows()

    def row_of(self, annotation_id: int) -> int | None:
        """Binary search by the row's sort key: O(log n) on articles with 10,000 tags."""
        key = self._key_of.get(annotation_id)
        return None if key is None else bisect_left(self._keys, key)

    def annotation(self, row: int) -> Annotation:
        found = self._rows[row]
        whole = found if isinstance(found, Annotation) else self._whole(row)
        if whole is None:  # deleted behind the model's back
            raise LookupError(f"annotation {found.id} is no longer in the project")
        return whole

    def annotations(self) -> list[Annotation]:
        rows = self._rows
        if self.document_id is not None and not all(isinstance(r, Annotation) for r in rows):
            whole = {a.id: a for a in self._load_document(self.document_id)}
            rows[:] = [whole.get(r.id, r) for r in rows]
        return [row for row in rows if isinstance(row, Annotation)]

    def _whole(self, row: int) -> Annotation | None:
        """Row ``row`` read whole, with the marks around it (a view shows rows together)."""
        rows = self._rows
        first = max(0, row - WHOLE_CHUNK // 4)
        chunk = range(first, min(len(rows), first + WHOLE_CHUNK))
        wanted = [rows[n].id for n in chunk if not isinstance(rows[n], Annotation)]
        whole = {a.id: a for a in self._load_many(wanted)}
        for n in chunk:
            found = whole.get(rows[n].id)
            if found is not None:
                rows[n] = found
        found_row = rows[row]
        return found_row if isinstance(found_row, Annotation) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def label_names(self) -> set[str]:
        """The names of the labels the listed annotations carry, as the column shows them."""
        ids = {annotation.label_id for annotation in self._rows}
        return {label_name(self._label_of(label_id)) for label_id in ids}

    def show_label_icons_only(self, icons_only: bool) -> None:
        if icons_only == self.icons_only:
            return
        self.icons_only = icons_only
        if self._rows:
            last = self.index(len(self._rows) - 1, self.LABEL)
            self.dataChanged.emit(self.index(0, self.LABEL), last, [_DISPLAY])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header_text(self, section: int) -> str:
        """The column's name. Not ``headerData``: the header's paint would hand that a
        ``Qt.Orientation`` (see ``qtvalues``); the view's header reads these names from a
        model of its own (``AnnotationTree.setModel``)."""
        return self.tr(self.HEADERS[section])

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role not in _ROLES:  # most of what a view asks for while painting
            return None
        row = index.row()
        found = self._rows[row]
        if role == ID_ROLE:
            return found.id
        annotation = found if isinstance(found, Annotation) else self._whole(row)
        if annotation is None:
            return None
        column = index.column()
        label = self._label_of(annotation.label_id)
        if role == _DISPLAY:
            if column == self.LABEL:
                return "" if self.icons_only else label_name(label)
            if column == self.QUOTE:
                return " ".join(annotation.quote.split())
            if column == self.ENTITY:
                entity_id = annotation.entity_id
                if entity_id is None:
                    return ""
                if entity_id not in self._names:
                    self._names[entity_id] = self._entity_name(entity_id) or ""
                return self._names[entity_id]
            return " ".join(annotation.note.split())
        if role == _DECORATION and column == self.LABEL:
            if annotation.anchor == "orphaned":
                return icon("mdi6.link-variant-off", "#b5462f")
            return icon(label.icon, label.color) if label else None
        if role == _ALIGN and column in (self.QUOTE, self.ENTITY, self.NOTE):
            shown = self.data(index, _DISPLAY)
            # Absolute both ways: the delegate keeps the view's direction (direction.py).
            return RTL_ALIGN if _is_rtl(str(shown or "")) else LTR_ALIGN
        if role == _TOOLTIP:
            parts = [label_title(label) if label else self.tr("Unknown label")]
            parts.append(annotation.quote)
            if annotation.note:
                parts.append(self.tr("Note: {note}").format(note=annotation.note))
            if annotation.author:
                parts.append(
                    self.tr("By {author}, {time}").format(
                        author=annotation.author,
                        time=annotation.modified_at[:16].replace("T", " "),
                    )
                )
            if annotation.anchor in ANCHOR_TIPS:
                parts.append(self.tr(ANCHOR_TIPS[annotation.anchor]))
            return "\n".join(parts)
        if role == _FOREGROUND and annotation.anchor == "orphaned":
            return qv.solid_brush(QColor("#9aa3a6"))
        if role == _FONT and annotation.anchor != "exact":
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _is_rtl(text: str) -> bool:
    for char in text:
        if "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc":
            return True
        if char.isalpha():
            return False
    return False


class AnnotationTree(QTableView):
    """Keys: Enter opens, Delete deletes, F2 edits the note (wired by the panel).

    A table, not a tree, though it looks like one: a tree view lays out every row again when
    one is inserted or removed, asking the model for each row's index — two Python calls a
    row, 20,000 (40–75 ms) a tag on an article with 10,000 annotations. A table's rows are
    sections of its vertical header, kept in C++, so a tag costs the rows on screen."""

    delete_pressed = Signal()
    edit_pressed = Signal()
    activate_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as it did in a tree
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        qv.set_property(columns, "defaultAlignment", qv.ALIGN_LEADING | qv.ALIGN_VCENTER)
        self._fit_rows()
        # The first row inserted since the view was last laid out, while rows were only
        # inserted (None: something else changed, or nothing did).
        self._inserted: int | None = None
        self._only_inserted = True

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is None:
            return
        if isinstance(model, AnnotationModel):
            # The columns' names from a model of Qt's own: the header's paint asks a Python
            # model's headerData with a Qt.Orientation (see qtvalues). Set once: the names
            # are fixed, and a new interface language applies from the next start.
            from PySide6.QtGui import QStandardItemModel

            names = QStandardItemModel(0, model.columnCount(), self)
            names.setHorizontalHeaderLabels(
                [model.header_text(column) for column in range(model.columnCount())]
            )
            self.horizontalHeader().setModel(names)
            self._header_names = names
        for signal in (
            model.rowsRemoved,
            model.rowsMoved,
            model.modelReset,
            model.layoutChanged,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
        ):
            signal.connect(self._changed_otherwise)

    def _changed_otherwise(self, *_args: object) -> None:
        self._only_inserted = False

    def reset(self) -> None:
        self._only_inserted = False
        super().reset()

    def rowsInserted(self, parent: AnyIndex, first: int, last: int) -> None:
        super().rowsInserted(parent, first, last)
        if self._inserted is None or first < self._inserted:
            self._inserted = first

    def doItemsLayout(self) -> None:
        """Qt lays the view out again after rows come or go and repaints all of it. After
        rows were only inserted, the rows above the first new one are where they were: only
        those from it down are repainted — none for a tag listed below the rows on screen
        (a whole paint of the panel cost a tag 3–4 ms)."""
        first, only = self._inserted, self._only_inserted
        self._inserted, self._only_inserted = None, True
        top = self.rowViewportPosition(first) if first is not None and only else -1
        if top < 0:
            super().doItemsLayout()
            return
        self.updateGeometries()
        viewport = self.viewport()
        if top < viewport.height():
            viewport.update(0, top, viewport.width(), viewport.height() - top)

    def header(self) -> QHeaderView:
        """The column header (the name a tree view gives it)."""
        return self.horizontalHeader()

    def _fit_rows(self) -> None:
        # One line of text and the stylesheet's item padding (4 px above and below), as a
        # tree's uniform rows were.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_F2:
            self.edit_pressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_pressed.emit()
        else:
            super().keyPressEvent(event)


class AnnotationPanel(QDockWidget):
    """Emits ``annotation_activated`` (scroll the reader there) and edit requests."""

    annotation_activated = Signal(int)
    delete_requested = Signal(int)
    edit_note_requested = Signal(int)
    context_requested = Signal(QPoint, int)

    def __init__(self, model: AnnotationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotations"))
        self.setObjectName("annotation_dock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.model = model
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        self.summary = QLabel(body)
        self.summary.setObjectName("annotation_summary")
        self.summary.setStyleSheet("color: #6b777b;")
        layout.addWidget(self.summary)
        self.view = AnnotationTree(body)
        self.view.setObjectName("annotation_view")
        self.view.setModel(model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        qv.set_property(self.view, "contextMenuPolicy", qv.CUSTOM_CONTEXT_MENU)
        qv.set_property(self.view, "textElideMode", qv.ELIDE_RIGHT)
        # Passages, names and notes laid out and cut in their own direction (an Arabic
        # passage in the English interface lost its end with the ellipsis at its beginning).
        self.cells = DirectionDelegate(self.view)
        for column in (AnnotationModel.QUOTE, AnnotationModel.ENTITY, AnnotationModel.NOTE):
            self.view.setItemDelegateForColumn(column, self.cells)
        # The Text column (the passage tagged) takes the free width; label, entity and note
        # their content's. A name of two words («سيرغي لافروف») stays whole in the Text column
        # first, then in the Entity column: the entity gives way when both cannot (its page
        # and the tooltip name it), and the labels are shown by their icons alone when their
        # names would leave the two less than that. Widths from font metrics: measuring every
        # row would be O(annotations) per layout.
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        metrics = self.view.fontMetrics()
        labels = header.fontMetrics()
        padding = 22  # the stylesheet's item padding and the view's text margins
        self._padding = padding
        self._name_width = metrics.horizontalAdvance("سيرغي لافروف") + padding
        # The headers as translated, not the English source: at 1024×640 in Arabic the
        # Entity column was cut to «الكيا» (a trial); it keeps its header whole.
        note_title = model.header_text(model.NOTE)
        entity_title = model.header_text(model.ENTITY)
        self._note_width = labels.horizontalAdvance(note_title) + 18
        self._entity_least = labels.horizontalAdvance(entity_title) + 20
        for column, width in (
            (AnnotationModel.LABEL, self._label_width()),
            (AnnotationModel.ENTITY, self._name_width),
            (AnnotationModel.NOTE, self._note_width),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(AnnotationModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        # Narrower than that (a laptop), the Note column steps aside for label, passage and
        # entity: a note is marked in the reader and shown in its tooltip and in F2.
        self.narrow = NarrowColumns(self.view, (AnnotationModel.NOTE,), 320, fit=self._fit_columns)
        model.modelReset.connect(self._fit_columns)
        model.rowsInserted.connect(self._fit_columns)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.view.clicked.connect(self._activate_index)
        self.view.activate_pressed.connect(lambda: self._activate_index(self.view.currentIndex()))
        self.view.delete_pressed.connect(self._delete_current)
        self.view.edit_pressed.connect(self._edit_current)
        self.view.doubleClicked.connect(lambda _index: self._edit_current())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.customContextMenuRequested.connect(self._context)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_summary)
        model.dataChanged.connect(self._update_summary)  # an orphan may have been re-anchored
        self._quiet = False
        self._update_summary()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else int(index.siblingAtColumn(0).data(ID_ROLE))

    def select(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is None:
            return
        self._quiet = True
        try:
            index = self.model.index(row, 0)
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._quiet = False

    def _label_width(self, icons_only: bool | None = None) -> int:
        """Room for the icon and the widest label name listed ("Organisation", "منظمة"),
        at most 130 px; the icon alone while the labels are shown so (``icons_only``: as if
        they were, or not)."""
        icon_room = 24 + self._padding
        if self.model.icons_only if icons_only is None else icons_only:
            return icon_room
        metrics = self.view.fontMetrics()
        names = self.model.label_names() or {self.tr("Person")}
        widest = max(metrics.horizontalAdvance(name) for name in names)
        return min(widest + icon_room, 130)

    def _fit_columns(self) -> None:
        """Label, entity and note their content's width, the Text column the rest — at
        least a two-word name's (at 1024×640 and 1920×1080 the entity and label columns left
        «سيرغي لافروف» cut in it) while the Entity column keeps its header whole."""
        width = self.narrow.viewport_width()
        note = 0 if self.narrow.narrow else self._note_width
        name = self._name_width
        icons = width < self._label_width(icons_only=False) + note + 2 * name
        self.model.show_label_icons_only(icons)
        label = self._label_width()
        entity = max(self._entity_least, min(name, width - label - note - name))
        header = self.view.header()
        for column, size in ((AnnotationModel.LABEL, label), (AnnotationModel.ENTITY, entity)):
            if header.sectionSize(column) != size:
                header.resizeSection(column, size)

    def _activate_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotation_activated.emit(int(index.siblingAtColumn(0).data(ID_ROLE)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid() and self.view.hasFocus():
            self._activate_index(current)

    def _delete_current(self) -> None:
        current = self.current_id()
        if current is not None:
            self.delete_requested.emit(current)

    def _edit_current(self) -> None:
        current = self.current_id()
        if current is not None:
            self.edit_note_requested.emit(current)

    def _context(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if index.isValid():
            self.view.setCurrentIndex(index)
            annotation_id = int(index.siblingAtColumn(0).data(ID_ROLE))
            self.context_requested.emit(self.view.viewport().mapToGlobal(point), annotation_id)

    def _update_summary(self, *_args: object) -> None:
        if self.model.document_id is None:
            self.summary.setText(self.tr("No article open"))
            return
        count, orphans = self.model.rowCount(), self.model.orphans
        text = self.tr("%n annotation(s)", "", count)
        if orphans:
            text += " · " + self.tr("%n orphaned", "", orphans)
        self.summary.setText(text)
