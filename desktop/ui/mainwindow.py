"""The main window: docks, menus, toolbar and the wiring between them. No SQL, no text logic."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QFontDialog, QLabel, QMainWindow, QToolBar, QWidget

from desktop import __version__, settings
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet, ImportReport
from desktop.core.services import import_documents
from desktop.io.importers.text import read_text_file
from desktop.settings import Settings
from desktop.store.db import PROJECT_SUFFIX
from desktop.store.project import Project
from desktop.ui.actions import ActionId, ActionRegistry
from desktop.ui.fonts import reader_font
from desktop.ui.library import LibraryDock, LibraryModel
from desktop.ui.messages import Messenger
from desktop.ui.reader import ReaderPane

LAST_DOCUMENT = "last_document"


class MainWindow(QMainWindow):
    """Owns no data: the project, settings and messenger are passed in by ``app.py``."""

    project_changed = Signal()
    changed = Signal(object)  # ChangeSet, after the project file was written

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
        self.project = project
        self.prefs = prefs
        self.messenger = messenger
        self._project_factory = open_project or Project
        self.registry = ActionRegistry(self)
        self.setDockNestingEnabled(True)
        self.setDocumentMode(True)
        self.resize(1280, 820)

        self.reader = ReaderPane(self)
        self.setCentralWidget(self.reader)
        self.library = LibraryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library)
        self.library.setMinimumWidth(300)
        self.resizeDocks([self.library], [380], Qt.Orientation.Horizontal)
        self.library.document_activated.connect(self.open_document)
        self.changed.connect(self._apply_changes)

        self._build_menus()
        self._build_toolbar()
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
        self._restore_layout()
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
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions([a[ActionId.ZOOM_IN], a[ActionId.ZOOM_OUT], a[ActionId.ZOOM_RESET]])
        view_menu.addAction(a[ActionId.CHOOSE_FONT])
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.FOCUS_FILTER])
        toggle = self.library.toggleViewAction()
        toggle.setText("&Library Panel")
        view_menu.addAction(toggle)
        self.view_menu = view_menu
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a[ActionId.ABOUT])

    def _build_toolbar(self) -> None:
        a = self.registry
        bar = QToolBar("Main toolbar", self)
        bar.setObjectName("main_toolbar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addAction(a[ActionId.OPEN_PROJECT])
        bar.addAction(a[ActionId.IMPORT_FILES])
        bar.addSeparator()
        for action_id in (ActionId.ZOOM_OUT, ActionId.ZOOM_IN, ActionId.CHOOSE_FONT):
            bar.addAction(a[action_id])
        for action_id in (ActionId.ZOOM_OUT, ActionId.ZOOM_IN):
            button = bar.widgetForAction(a[action_id])
            if button is not None:
                button.setProperty("iconOnly", True)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # type: ignore[attr-defined]
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.view_menu.addAction(bar.toggleViewAction())
        self.toolbar = bar

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
        a[ActionId.ABOUT].triggered.connect(self.about)

    # --- project -----------------------------------------------------------------------------
    def _attach(self, project: Project) -> None:
        self.project = project
        self.library.set_model(LibraryModel(project.documents.summaries, self))
        self.library.view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
        self.status_project.setText(f"{project.path.name}  ·  {project.documents.count()} articles")
        self.status_project.setToolTip(str(project.path))
        self.reader.clear()
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
        except HamishError as error:
            self.messenger.error("Cannot open article", str(error))
            return
        self.reader.show_document(document)
        self.library.select(document_id)
        self._update_title()

    def import_files(self, paths: list[str]) -> ImportReport:
        report = import_documents(
            self.project.documents, [(p, partial(read_text_file, p)) for p in paths]
        )
        if report.imported or report.duplicates:
            self.changed.emit(report.changes())
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

    def _apply_changes(self, changes: ChangeSet) -> None:
        assert self.library.model is not None
        self.library.model.apply(changes)
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

    def about(self) -> None:
        self.messenger.info(
            "About Hamish",
            f"Hamish (هامش) {__version__}\n\nRead, annotate and brief on Arabic news.\n"
            "MIT licence.",
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
