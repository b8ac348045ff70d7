"""File → Export: the briefing dialog (loaded on first use — it pulls in the report builder)
and the CSV / JSON exports, all in the background through ``run_task``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.messages import Messenger
from desktop.ui.shell.workers import Progress, TaskCancelled, TaskHandle, run_task

if TYPE_CHECKING:
    from desktop.ui.transfer.briefing_dialog import ReportDialog

FOLDER_KEY = "export/folder"
ChoosePath = Callable[[QWidget | None, str, str, str], str]
"""(parent, caption, suggested path, file filter) -> chosen path, or "" when cancelled."""
OpenUrl = Callable[[QUrl], Any]


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, file_filter: str) -> str:
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return name


def cancellable(progress: Progress) -> Callable[[], bool]:
    return lambda: progress.cancelled


# --- CSV and JSON -------------------------------------------------------------------------------
class ExportWindow(Protocol):
    """What the exports need from the main window."""

    project: Project
    prefs: Settings
    messenger: Messenger

    def statusBar(self) -> QStatusBar: ...


EXPORT_KINDS = {
    "annotations": ("Export Annotations (CSV)", "CSV files (*.csv)", ".csv", "annotations"),
    "claims": ("Export Claims (CSV)", "CSV files (*.csv)", ".csv", "claims"),
    "json": ("Export Project (JSON)", "Hamish JSON (*.json)", ".json", ""),
}


def _file_task(project_path: Path, kind: str, target: Path) -> Callable[[Progress], str]:
    def task(progress: Progress) -> str:
        from desktop.io.exporters.csv_export import export_csv
        from desktop.io.exporters.json_export import export_json
        from desktop.io.exporters.progress import ExportCancelled

        with Project.open(project_path, create=False) as project:
            if kind == "json":
                progress.report(0, 1, "")
                summary = export_json(project, target)
                progress.check()
                return (
                    f"Wrote {target.name}: {summary.documents} articles, "
                    f"{summary.annotations} annotations, {summary.claims} claims."
                )
            try:
                written = export_csv(
                    project,
                    target,
                    "claims" if kind == "claims" else "annotations",
                    progress=progress.report,
                    cancelled=cancellable(progress),
                )
            except ExportCancelled:
                raise TaskCancelled from None
            return f"Wrote {target.name}: {written.rows} {written.kind}."

    return task


class ExportController(QObject):
    """Owns the window's export commands: the briefing dialog and the file exports."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window: ExportWindow = window
        self.choose_path: ChoosePath = choose_save_path
        self.open_url: OpenUrl = QDesktopServices.openUrl
        self.dialog: ReportDialog | None = None
        self.task: TaskHandle | None = None
        self.last_message = ""

    def open_briefing(self) -> ReportDialog:
        window = self.window
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from desktop.ui.transfer.briefing_dialog import ReportDialog

        reader = getattr(window, "reader", None)
        current = getattr(reader, "document_id", None)
        self.dialog = ReportDialog(
            window.project,
            window.prefs,
            window.messenger,
            current_document=current,
            author=window.prefs.author(),
            choose_path=self.choose_path,
            open_url=self.open_url,
            parent=window if isinstance(window, QWidget) else None,
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        return self.dialog

    def _forget_dialog(self) -> None:
        self.dialog = None

    def export_file(self, kind: str) -> TaskHandle | None:
        """CSV (annotations or claims) or JSON of the whole project, in the background."""
        if self.task is not None:
            self.window.statusBar().showMessage("An export is already running.", 4000)
            return None
        caption, file_filter, suffix, _ = EXPORT_KINDS[kind]
        project_path = self.window.project.path
        prefs = self.window.prefs
        folder = prefs.project_value(project_path, FOLDER_KEY, "")
        base = Path(folder) if isinstance(folder, str) and folder else Path.home()
        name = "" if kind == "json" else f"-{kind}"
        suggested = str(base / f"{project_path.stem}{name}{suffix}")
        parent = self.window if isinstance(self.window, QWidget) else None
        chosen = self.choose_path(parent, caption, suggested, file_filter)
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        prefs.set_project_value(project_path, FOLDER_KEY, str(target.parent))
        status = self.window.statusBar()
        status.showMessage(f"Exporting {target.name}…")
        self.task = run_task(
            _file_task(project_path, kind, target),
            on_done=self._file_done,
            on_error=self._file_failed,
            on_cancelled=self._file_cancelled,
        )
        return self.task

    def _file_done(self, message: str) -> None:
        self.task = None
        self.last_message = message
        self.window.statusBar().showMessage(message, 8000)

    def _file_failed(self, message: str, details: str) -> None:
        self.task = None
        self.last_message = message
        self.window.statusBar().clearMessage()
        self.window.messenger.error("Export", message, details)

    def _file_cancelled(self) -> None:
        self.task = None
        self.last_message = "Export cancelled; no file was written."
        self.window.statusBar().showMessage(self.last_message, 5000)
