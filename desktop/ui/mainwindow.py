"""The main window: docks, menus, toolbars and the wiring between them. No SQL, no text logic:
edits go through undo commands, and every view follows the session's ``changed`` signal."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFontDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

from desktop import __version__, settings
from desktop.core.errors import HamishError
from desktop.core.models import Annotation, ChangeSet, ImportReport, Label
from desktop.core.services import import_documents, prepare_annotation
from desktop.core.spans import check_anchors
from desktop.io.importers.text import read_text_file
from desktop.settings import Settings
from desktop.store.db import PROJECT_SUFFIX
from desktop.store.project import Project
from desktop.ui.actions import ActionId, ActionRegistry
from desktop.ui.annotation_panel import AnnotationModel, AnnotationPanel
from desktop.ui.dialogs import LabelEditor, LabelManager, NoteEditor, RemoveLabelDialog
from desktop.ui.findbar import FindBar
from desktop.ui.fonts import reader_font
from desktop.ui.highlighter import Span
from desktop.ui.icons import icon
from desktop.ui.library import LibraryDock, LibraryModel
from desktop.ui.messages import Messenger
from desktop.ui.reader import ReaderPane
from desktop.ui.session import ProjectSession
from desktop.ui.undo import (
    AddAnnotation,
    AddLabel,
    DeleteAnnotation,
    EditAnnotation,
    EditLabel,
    RemoveLabel,
)

LAST_DOCUMENT = "last_document"


def span_of(annotation: Annotation, label: Label | None) -> Span | None:
    """How an annotation is drawn; orphaned ones are listed but not drawn."""
    if label is None or annotation.anchor == "orphaned":
        return None
    return Span(
        annotation.id,
        annotation.start,
        annotation.end,
        label.kind,
        label.color,
        has_note=bool(annotation.note),
    )


class MainWindow(QMainWindow):
    """Owns no data: the project, settings and messenger are passed in by ``app.py``."""

    project_changed = Signal()

    def __init__(
        self,
        project: Project,
        prefs: Settings,
        messenger: Messenger,
        open_project: type[Project] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.prefs = prefs
        self.messenger = messenger
        self._project_factory = open_project or Project
        self.registry = ActionRegistry(self)
        self.undo_group = QUndoGroup(self)
        self.label_actions: list[QAction] = []
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)
        self.resize(1280, 820)

        self.reader = ReaderPane(self)
        self.setCentralWidget(self.reader)
        self.find_bar = FindBar(self.reader.text, self)
        self.reader.add_bar(self.find_bar)
        self.library = LibraryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.library.setMinimumWidth(280)
        self.library.document_activated.connect(self.open_document)

        self.session: ProjectSession | None = None
        self.annotation_model = AnnotationModel(
            lambda doc_id: self.project.annotations.for_document(doc_id),
            lambda ids: self.project.annotations.many(ids),
            lambda label_id: self.session.label(label_id) if self.session else None,
            self,
        )
        self.annotations = AnnotationPanel(self.annotation_model, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations)
        self.annotations.setMinimumWidth(280)
        self.resizeDocks([self.library, self.annotations], [340, 340], Qt.Orientation.Horizontal)
        self.annotations.annotation_activated.connect(self.go_to_annotation)
        self.annotations.delete_requested.connect(self.delete_annotation)
        self.annotations.edit_note_requested.connect(self.edit_note)
        self.annotations.context_requested.connect(self._annotation_menu)
        self.reader.text.context_requested.connect(self._reader_menu)
        self.reader.text.tooltip_for = self._tooltip_at

        self._build_menus()
        self._build_toolbars()
        self.status_project = QLabel(self)
        self.status_project.setObjectName("status_project")
        self.statusBar().addPermanentWidget(self.status_project)
        self._connect_actions()

        self.reader.line_height = prefs.get(settings.READER_LINE_HEIGHT)
        self.reader.set_font(
            reader_font(
                prefs.get(settings.READER_FONT_FAMILY), prefs.get(settings.READER_FONT_SIZE)
            ),
            zoom=prefs.get(settings.READER_ZOOM),
        )
        snap = self.registry[ActionId.SNAP_TO_WORDS]
        snap.setCheckable(True)
        snap.setChecked(prefs.get(settings.SNAP_TO_WORDS))
        self.reader.text.snap_enabled = snap.isChecked()
        self._restore_layout()
        self.project = project
        self._attach(project)

    # --- construction ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.registry
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([a[ActionId.NEW_PROJECT], a[ActionId.OPEN_PROJECT]])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.IMPORT_FILES])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("mdi6.undo"))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("mdi6.redo"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        edit_menu.addSeparator()
        for action_id in (
            ActionId.NEXT_ANNOTATION,
            ActionId.PREVIOUS_ANNOTATION,
            ActionId.EDIT_NOTE,
            ActionId.DELETE_ANNOTATION,
        ):
            edit_menu.addAction(a[action_id])

        self.tag_menu = self.menuBar().addMenu("&Tag")

        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([a[ActionId.ZOOM_IN], a[ActionId.ZOOM_OUT], a[ActionId.ZOOM_RESET]])
        view_menu.addAction(a[ActionId.CHOOSE_FONT])
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.FOCUS_FILTER])
        toggle = self.library.toggleViewAction()
        toggle.setText("&Library Panel")
        view_menu.addAction(toggle)
        toggle = self.annotations.toggleViewAction()
        toggle.setText("&Annotations Panel")
        view_menu.addAction(toggle)
        self.view_menu = view_menu
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a[ActionId.ABOUT])

        # Keys that only make sense while reading: they must not fire while typing in the
        # filter or find boxes, so they live on the text widget itself.
        text = self.reader.text
        for action_id in (
            ActionId.NEXT_ANNOTATION,
            ActionId.PREVIOUS_ANNOTATION,
            ActionId.DELETE_ANNOTATION,
        ):
            action = a[action_id]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            text.addAction(action)

    def _build_toolbars(self) -> None:
        a = self.registry
        bar = QToolBar("Main toolbar", self)
        bar.setObjectName("main_toolbar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addAction(a[ActionId.OPEN_PROJECT])
        bar.addAction(a[ActionId.IMPORT_FILES])
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        for action_id in (ActionId.ZOOM_OUT, ActionId.ZOOM_IN, ActionId.FIND, ActionId.CHOOSE_FONT):
            bar.addAction(a[action_id])
        for action in (
            self.undo_action,
            self.redo_action,
            a[ActionId.ZOOM_OUT],
            a[ActionId.ZOOM_IN],
        ):
            button = bar.widgetForAction(action)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # type: ignore[attr-defined]
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.view_menu.addAction(bar.toggleViewAction())
        self.toolbar = bar

        palette = QToolBar("Labels", self)
        palette.setObjectName("label_toolbar")
        palette.setIconSize(QSize(18, 18))
        palette.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, palette)
        self.view_menu.addAction(palette.toggleViewAction())
        self.label_bar = palette

    def _connect_actions(self) -> None:
        a = self.registry
        a[ActionId.NEW_PROJECT].triggered.connect(self.choose_new_project)
        a[ActionId.OPEN_PROJECT].triggered.connect(self.choose_project)
        a[ActionId.IMPORT_FILES].triggered.connect(self.choose_import)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ZOOM_IN].triggered.connect(self.reader.zoom_in)
        a[ActionId.ZOOM_OUT].triggered.connect(self.reader.zoom_out)
        a[ActionId.ZOOM_RESET].triggered.connect(self.reader.zoom_reset)
        a[ActionId.CHOOSE_FONT].triggered.connect(self.choose_font)
        a[ActionId.FOCUS_FILTER].triggered.connect(self._focus_filter)
        a[ActionId.FIND].triggered.connect(self._open_find)
        a[ActionId.NEXT_ANNOTATION].triggered.connect(lambda: self.step_annotation(+1))
        a[ActionId.PREVIOUS_ANNOTATION].triggered.connect(lambda: self.step_annotation(-1))
        a[ActionId.EDIT_NOTE].triggered.connect(lambda: self._on_current(self.edit_note))
        a[ActionId.DELETE_ANNOTATION].triggered.connect(
            lambda: self._on_current(self.delete_annotation)
        )
        a[ActionId.MANAGE_LABELS].triggered.connect(self.manage_labels)
        a[ActionId.SNAP_TO_WORDS].toggled.connect(self._set_snap)
        a[ActionId.ABOUT].triggered.connect(self.about)

    def _rebuild_label_actions(self) -> None:
        """One action per label: palette button, Tag menu entry and digit key (the key only
        while the reader has focus, so typing digits elsewhere never tags)."""
        assert self.session is not None
        for action in self.label_actions:
            self.reader.text.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        self.tag_menu.clear()
        self.label_bar.clear()
        for label in self.session.labels:
            action = QAction(
                icon(label.icon, label.color), f"{label.name_en} · {label.name_ar}", self
            )
            action.setObjectName(f"label_{label.key}")
            action.setData(label.id)
            if label.shortcut:
                action.setShortcut(QKeySequence(label.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.setToolTip(f"Tag the selection as {label.name_en} ({label.shortcut})")
            else:
                action.setToolTip(f"Tag the selection as {label.name_en}")
            action.triggered.connect(partial(self.tag_selection, label.id))
            self.reader.text.addAction(action)
            self.tag_menu.addAction(action)
            self.label_bar.addAction(action)
            self.label_actions.append(action)
        self.tag_menu.addSeparator()
        self.tag_menu.addAction(self.registry[ActionId.SNAP_TO_WORDS])
        self.tag_menu.addAction(self.registry[ActionId.MANAGE_LABELS])
        self.label_bar.addSeparator()
        self.label_bar.addAction(self.registry[ActionId.MANAGE_LABELS])

    # --- project -----------------------------------------------------------------------------
    def _attach(self, project: Project) -> None:
        self.project = project
        if self.session is not None:
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.deleteLater()
        self.session = ProjectSession(project, self.prefs.author(), self)
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.changed.connect(self._apply_changes)
        self.session.failed.connect(self.messenger.error)
        self._rebuild_label_actions()
        self.library.set_model(LibraryModel(project.documents.summaries, self))
        self.library.view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
        self._update_status()
        self.status_project.setToolTip(str(project.path))
        self.reader.clear()
        self.annotation_model.set_document(None)
        last = self.prefs.project_value(project.path, LAST_DOCUMENT)
        target = int(last) if last not in (None, "") and str(last).isdigit() else None
        if target is None or not project.documents.exists(target):
            target = self.library.first_document()
        if target is not None:
            self.open_document(target)
        self._update_title()
        self.project_changed.emit()

    def switch_project(self, path: Path, *, create: bool) -> bool:
        """Open another project; on any error the current one stays open and untouched."""
        try:
            project = self._project_factory.open(path, create=create)
        except HamishError as error:
            self.messenger.error("Cannot open project", str(error))
            return False
        self._remember_document()
        self.project.close()
        self._attach(project)
        return True

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open Project",
            str(self.project.path.parent),
            f"Hamish projects (*{PROJECT_SUFFIX});;All files (*)",
        )
        if name:
            self.switch_project(Path(name), create=False)

    def choose_new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "New Project",
            str(self.project.path.parent / f"untitled{PROJECT_SUFFIX}"),
            f"Hamish projects (*{PROJECT_SUFFIX})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if path.exists():
            self.messenger.error(
                "Cannot create project",
                f"{path} already exists. Open it with File → Open Project, or choose another name.",
            )
            return
        self.switch_project(path, create=True)

    # --- documents ---------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        try:
            document = self.project.documents.get(document_id)
            annotations = self.project.annotations.for_document(document_id)
            repairs = check_anchors(
                document.text,
                [
                    (a.id, a.start, a.end, a.quote, a.prefix, a.suffix, a.anchor)
                    for a in annotations
                ],
            )
            if repairs:
                self.project.annotations.set_anchors(
                    [(i, r.start, r.end, r.anchor) for i, r in repairs]
                )
                annotations = self.project.annotations.for_document(document_id)
        except HamishError as error:
            self.messenger.error("Cannot open article", str(error))
            return
        assert self.session is not None
        spans = [s for a in annotations if (s := span_of(a, self.session.label(a.label_id)))]
        self.reader.show_document(document, spans)
        self.annotation_model.set_document(document_id)
        self.find_bar.reset()
        self.library.select(document_id)
        self._update_title()
        if repairs:
            moved = sum(1 for _, r in repairs if r.anchor == "moved")
            orphaned = sum(1 for _, r in repairs if r.anchor == "orphaned")
            self.statusBar().showMessage(
                f"The article text changed: {moved} annotation(s) re-anchored by their quote, "
                f"{orphaned} orphaned (see the Annotations panel).",
                10000,
            )

    def import_files(self, paths: list[str]) -> ImportReport:
        report = import_documents(
            self.project.documents, [(p, partial(read_text_file, p)) for p in paths]
        )
        if report.imported or report.duplicates:
            self._apply_changes(report.changes())
        lines = [f"Imported {len(report.imported)} article(s)."]
        if report.duplicates:
            lines.append(f"Skipped {len(report.duplicates)} already in the project.")
        if report.failed:
            lines.append(f"{len(report.failed)} file(s) could not be imported.")
            details = "\n".join(f"{Path(f.path).name}: {f.reason}" for f in report.failed)
            self.messenger.error("Import", "\n".join(lines), details)
        elif report.duplicates:
            details = "\n".join(
                f"{Path(p).name}: already imported (article {i})" for p, i in report.duplicates
            )
            self.messenger.info("Import", "\n".join(lines), details)
        else:
            self.statusBar().showMessage(lines[0], 5000)
        if report.imported:
            self.open_document(report.imported[-1][1])
        return report

    def choose_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Import Articles",
            str(Path.home()),
            "Text files (*.txt *.md *.text);;All files (*)",
        )
        if names:
            self.import_files(names)

    # --- tagging -------------------------------------------------------------------------------
    def tag_selection(self, label_id: int) -> int | None:
        """Tag the reader's selection; returns the new annotation id (None if nothing was done)."""
        assert self.session is not None
        label = self.session.label(label_id)
        if self.reader.document_id is None or label is None:
            return None
        text = self.reader.text
        start, end = text.selection_cp()
        snap = text.snap_enabled and not text.exact
        try:
            draft = prepare_annotation(
                text.text_cp,
                self.reader.document_id,
                start,
                end,
                label_id,
                self.session.author,
                snap=snap,
            )
            command = AddAnnotation(self.session, draft, label)
        except HamishError as error:
            self.statusBar().showMessage(str(error), 5000)
            return None
        self.session.undo_stack.push(command)
        cursor = text.textCursor()
        cursor.clearSelection()
        text.setTextCursor(cursor)
        self.statusBar().showMessage(f"Tagged “{draft.quote[:40]}” as {label.name_en}", 3000)
        return command.annotation_id

    def delete_annotation(self, annotation_id: int) -> None:
        assert self.session is not None
        try:
            self.session.undo_stack.push(DeleteAnnotation(self.session, annotation_id))
        except HamishError as error:
            self.messenger.error("Cannot delete the annotation", str(error))

    def change_label(self, annotation_id: int, label_id: int) -> None:
        assert self.session is not None
        label = self.session.label(label_id)
        if label is None:
            return
        try:
            self.session.undo_stack.push(EditAnnotation(self.session, annotation_id, label=label))
        except HamishError as error:
            self.messenger.error("Cannot change the label", str(error))

    def set_note(self, annotation_id: int, note: str) -> None:
        assert self.session is not None
        try:
            self.session.undo_stack.push(EditAnnotation(self.session, annotation_id, note=note))
        except HamishError as error:
            self.messenger.error("Cannot save the note", str(error))

    def edit_note(self, annotation_id: int) -> None:
        annotation = self.project.annotations.get(annotation_id)
        dialog = NoteEditor(annotation.quote, annotation.note, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.note() != annotation.note:
            self.set_note(annotation_id, dialog.note())

    def _current_annotation(self) -> int | None:
        """The panel's row when it has focus, else the innermost annotation at the caret."""
        if self.annotations.view.hasFocus():
            return self.annotations.current_id()
        hits = self.reader.text.index.at(self.reader.text.cursor_cp())
        if hits:
            return hits[0].id
        return self.annotations.current_id()

    def _on_current(self, action: object) -> None:
        current = self._current_annotation()
        if current is None:
            self.statusBar().showMessage("Place the cursor on an annotation first.", 4000)
            return
        action(current)  # type: ignore[operator]

    def go_to_annotation(self, annotation_id: int) -> None:
        row = self.annotation_model.row_of(annotation_id)
        if row is None:
            return
        annotation = self.annotation_model.annotation(row)
        self.annotations.select(annotation_id)
        if annotation.anchor == "orphaned":
            self.statusBar().showMessage("This annotation is orphaned: its text is gone.", 5000)
            return
        self.reader.text.select_cp(annotation.start, annotation.end)
        self.reader.text.flash(annotation.start, annotation.end)

    def step_annotation(self, direction: int) -> None:
        """N / P: the next or previous annotation after the caret, in text order."""
        rows = [a for a in self.annotation_model.annotations() if a.anchor != "orphaned"]
        if not rows:
            return
        text = self.reader.text
        cursor = text.textCursor()
        here = text.umap.to_cp(
            cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        )
        current = self.annotations.current_id()
        if direction > 0:
            after = (
                [a for a in rows if (a.start, a.id) > (here, current or -1)]
                if cursor.hasSelection()
                else [a for a in rows if a.start >= here]
            )
            target = after[0] if after else rows[0]
        else:
            before = [a for a in rows if a.start < here]
            target = before[-1] if before else rows[-1]
        self.go_to_annotation(target.id)

    # --- labels --------------------------------------------------------------------------------
    def manage_labels(self) -> None:
        assert self.session is not None
        dialog = LabelManager(self)

        def refresh() -> None:
            assert self.session is not None
            usage = {label.id: self.project.labels.usage(label.id) for label in self.session.labels}
            dialog.show_labels(self.session.labels, usage)

        session = self.session

        def add() -> None:
            editor = LabelEditor(None, self._shortcut_owners(), dialog)
            if editor.exec() == QDialog.DialogCode.Accepted:
                values = editor.values()
                self._push_label(
                    lambda: AddLabel(session, kind=str(editor.kind.currentData()), **values)
                )
                refresh()

        def edit() -> None:
            current = dialog.current_id()
            label = self.session.label(current) if current is not None and self.session else None
            if label is None:
                return
            editor = LabelEditor(label, self._shortcut_owners(), dialog)
            if editor.exec() == QDialog.DialogCode.Accepted:
                self._push_label(lambda: EditLabel(session, label.id, **editor.values()))
                refresh()

        def remove() -> None:
            current = dialog.current_id()
            label = self.session.label(current) if current is not None and self.session else None
            if label is None or self.session is None:
                return
            usage = self.project.labels.usage(label.id)
            reassign: int | None = None
            if usage:
                others = [other for other in self.session.labels if other.id != label.id]
                ask = RemoveLabelDialog(label, usage, others, dialog)
                if ask.exec() != QDialog.DialogCode.Accepted:
                    return
                reassign = ask.reassign_to()
            self._push_label(lambda: RemoveLabel(session, label.id, reassign))
            refresh()

        dialog.add_button.clicked.connect(add)
        dialog.edit_button.clicked.connect(edit)
        dialog.remove_button.clicked.connect(remove)
        refresh()
        dialog.exec()

    def _push_label(self, build: object) -> None:
        assert self.session is not None
        try:
            command = build()  # type: ignore[operator]
        except HamishError as error:
            self.messenger.error("Labels", str(error))
            return
        self.session.undo_stack.push(command)

    def _shortcut_owners(self) -> dict[str, str]:
        assert self.session is not None
        return {label.shortcut: label.name_en for label in self.session.labels if label.shortcut}

    def _set_snap(self, enabled: bool) -> None:
        self.reader.text.snap_enabled = enabled
        self.prefs.set(settings.SNAP_TO_WORDS, enabled)

    # --- menus and tooltips --------------------------------------------------------------------
    def _annotation_actions(self, menu: QMenu, annotation_id: int) -> None:
        assert self.session is not None
        annotation = self.project.annotations.get(annotation_id)
        label = self.session.label(annotation.label_id)
        title = menu.addAction(
            f"{label.name_en if label else '?'}: “{' '.join(annotation.quote.split())[:40]}”"
        )
        title.setEnabled(False)
        menu.addAction(
            icon("mdi6.note-edit-outline"), "Edit Note…", lambda: self.edit_note(annotation_id)
        )
        change = menu.addMenu(icon("mdi6.tag-outline"), "Change Label")
        for other in self.session.labels:
            if other.id != annotation.label_id:
                change.addAction(
                    icon(other.icon, other.color),
                    other.name_en,
                    partial(self.change_label, annotation_id, other.id),
                )
        menu.addAction(
            icon("mdi6.delete-outline"),
            "Delete Annotation",
            lambda: self.delete_annotation(annotation_id),
        )

    def _reader_menu(self, global_pos: QPoint, cp: int | None) -> None:
        menu = QMenu(self)
        if self.reader.text.textCursor().hasSelection():
            tag = menu.addMenu(icon("mdi6.tag-plus-outline"), "Tag Selection As")
            tag.addActions(self.label_actions)
            menu.addSeparator()
        hits = self.reader.text.index.at(cp) if cp is not None else []
        for span in hits:
            self._annotation_actions(menu, span.id)
            menu.addSeparator()
        copy = menu.addAction(icon("mdi6.content-copy"), "Copy", self.reader.text.copy)
        copy.setEnabled(self.reader.text.textCursor().hasSelection())
        menu.addAction(self.registry[ActionId.FIND])
        menu.exec(global_pos)

    def _annotation_menu(self, global_pos: QPoint, annotation_id: int) -> None:
        menu = QMenu(self)
        self._annotation_actions(menu, annotation_id)
        menu.exec(global_pos)

    def _tooltip_at(self, cp: int) -> str | None:
        hits = self.reader.text.index.at(cp)
        if not hits or self.session is None:
            return None
        from html import escape

        parts = []
        for span in hits[:4]:
            row = self.annotation_model.row_of(span.id)
            if row is None:
                continue
            annotation = self.annotation_model.annotation(row)
            label = self.session.label(annotation.label_id)
            lines = [
                f"<b style='color:{label.color if label else '#000'}'>"
                f"{escape(label.name_en if label else '?')} · "
                f"{escape(label.name_ar if label else '')}</b>"
            ]
            if annotation.entity_id is not None:
                name = self.project.annotations.entity_name(annotation.entity_id)
                if name:
                    lines.append(f"Entity: {escape(name)}")
            if annotation.note:
                lines.append("Note: " + escape(annotation.note).replace("\n", "<br>"))
            if annotation.author:
                lines.append(
                    f"<span style='color:#6b777b'>{escape(annotation.author)} · "
                    f"{annotation.modified_at[:10]}</span>"
                )
            parts.append("<br>".join(lines))
        return "<hr>".join(parts) or None

    # --- changes ---------------------------------------------------------------------------------
    def _apply_changes(self, changes: ChangeSet) -> None:
        assert self.library.model is not None and self.session is not None
        self.library.model.apply(changes)
        if changes.labels_changed:
            self._rebuild_label_actions()
        self.annotation_model.apply(changes)
        doc_id = self.reader.document_id
        if doc_id is not None:
            text = self.reader.text
            if changes.labels_changed:
                annotations = self.project.annotations.for_document(doc_id)
                text.remove_spans([s.id for s in text.index.spans()])
                text.add_spans(
                    [s for a in annotations if (s := span_of(a, self.session.label(a.label_id)))]
                )
            else:
                gone = [*changes.annotations_removed, *changes.annotations_changed]
                if gone:
                    text.remove_spans(gone)
                fresh = [*changes.annotations_added, *changes.annotations_changed]
                if fresh:
                    spans = [
                        s
                        for a in self.project.annotations.many(fresh)
                        if a.document_id == doc_id
                        and (s := span_of(a, self.session.label(a.label_id)))
                    ]
                    text.add_spans(spans)
        if changes.documents_added or changes.documents_removed:
            self._update_status()

    def _update_status(self) -> None:
        self.status_project.setText(
            f"{self.project.path.name}  ·  {self.project.documents.count()} articles"
        )

    # --- view --------------------------------------------------------------------------------
    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.reader.base_font(), self, "Reader Font")
        if ok:
            self.reader.set_font(font)
            self.prefs.set(settings.READER_FONT_FAMILY, font.family())
            self.prefs.set(settings.READER_FONT_SIZE, font.pointSizeF())

    def _focus_filter(self) -> None:
        self.library.show()
        self.library.filter_edit.setFocus()
        self.library.filter_edit.selectAll()

    def _open_find(self) -> None:
        if self.reader.document_id is not None:
            self.find_bar.open_bar()

    def about(self) -> None:
        self.messenger.info(
            "About Hamish",
            f"Hamish (هامش) {__version__}\n\n"
            "Read, annotate and brief on Arabic news.\nMIT licence.",
        )

    def _update_title(self) -> None:
        parts = []
        if self.reader.document_id is not None:
            parts.append(self.reader.title.text())
        parts.append(self.project.path.stem)
        parts.append("Hamish")
        self.setWindowTitle(" — ".join(parts))

    # --- persistence -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.prefs.get(settings.WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.prefs.get(settings.WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _remember_document(self) -> None:
        if self.reader.document_id is not None:
            self.prefs.set_project_value(self.project.path, LAST_DOCUMENT, self.reader.document_id)

    def save_state(self) -> None:
        self.prefs.set(settings.WINDOW_GEOMETRY, self.saveGeometry())
        self.prefs.set(settings.WINDOW_STATE, self.saveState())
        self.prefs.set(settings.READER_ZOOM, self.reader.zoom)
        self._remember_document()
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.project.close()
        super().closeEvent(event)
