"""File → Export: the briefing dialog (loaded on first use — it pulls in the report builder)
and the CSV / JSON exports, all in the background through ``run_task``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QDesktopServices

from desktop.settings import FOLDER_EXPORT
from desktop.store.project import Project
from desktop.ui.i18n import QT_TRANSLATE_NOOP, counts
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, TaskCancelled, TaskHandle, run_task
from desktop.ui.transfer.save_paths import (
    ChoosePath,
    OpenUrl,
    cancellable,
    checked_target,
    choose_save_path,
    export_folder,
)
from desktop.ui.widgets.bidi import isolate_path, list_separator
from desktop.ui.widgets.files import remember_folder

if TYPE_CHECKING:
    from desktop.io.exchange.common import ExchangeSummary
    from desktop.ui.transfer.briefing_dialog import ReportDialog

# --- CSV and JSON -------------------------------------------------------------------------------
# Caption and file filter are translated at use (context "ExportController").
EXPORT_KINDS = {
    "annotations": (
        QT_TRANSLATE_NOOP("ExportController", "Export Annotations (CSV)"),
        QT_TRANSLATE_NOOP("ExportController", "CSV files (*.csv)"),
        ".csv",
        "annotations",
    ),
    "claims": (
        QT_TRANSLATE_NOOP("ExportController", "Export Claims (CSV)"),
        QT_TRANSLATE_NOOP("ExportController", "CSV files (*.csv)"),
        ".csv",
        "claims",
    ),
    "json": (
        QT_TRANSLATE_NOOP("ExportController", "Export Project (JSON)"),
        QT_TRANSLATE_NOOP("ExportController", "Hamish JSON (*.json)"),
        ".json",
        "",
    ),
    # Other tools' formats (desktop/io/exchange, docs/interop.md).
    "xmi": (
        QT_TRANSLATE_NOOP("ExportController", "Export UIMA CAS XMI (INCEpTION)"),
        QT_TRANSLATE_NOOP("ExportController", "Zip of XMI files (*.zip)"),
        ".zip",
        "",
    ),
    "brat": (
        QT_TRANSLATE_NOOP("ExportController", "Export brat Standoff"),
        QT_TRANSLATE_NOOP("ExportController", "Zip of brat files (*.zip)"),
        ".zip",
        "",
    ),
    "conll": (
        QT_TRANSLATE_NOOP("ExportController", "Export CoNLL / BIO"),
        QT_TRANSLATE_NOOP("ExportController", "CoNLL files (*.conll)"),
        ".conll",
        "",
    ),
    "qdpx": (
        QT_TRANSLATE_NOOP("ExportController", "Export Project (REFI-QDA)"),
        QT_TRANSLATE_NOOP("ExportController", "REFI-QDA projects (*.qdpx)"),
        ".qdpx",
        "",
    ),
    "w3c": (
        QT_TRANSLATE_NOOP("ExportController", "Export Annotations (W3C Web Annotation)"),
        QT_TRANSLATE_NOOP("ExportController", "Web Annotation JSON-LD (*.jsonld)"),
        ".jsonld",
        "",
    ),
}
EXCHANGE = ("xmi", "brat", "conll")


def _exchange_done(summary: ExchangeSummary, target: Path) -> str:
    """The status line of an exchange export: what was written, and what it could not carry
    (the exporter's English sentences, in the interface language)."""
    from desktop.ui.errors import error_text

    listed = list_separator().join(
        (counts().articles(summary.documents), counts().annotations(summary.annotations))
    )
    done = QCoreApplication.translate("ExportController", "Wrote {file}: {counts}.").format(
        file=isolate_path(target.name), counts=listed
    )
    return " ".join([done, *(error_text(sentence) for sentence in summary.lost)])


def _exchange_task(
    project_path: Path, kind: str, target: Path, overwrite: bool
) -> Callable[[Progress], str]:
    def task(progress: Progress) -> str:
        from desktop.io.exchange.brat import export_brat
        from desktop.io.exchange.conll import export_conll
        from desktop.io.exchange.xmi import export_xmi

        writer = {"xmi": export_xmi, "brat": export_brat, "conll": export_conll}[kind]
        with Project.open(project_path, create=False) as project:
            progress.report(0, 1, "")
            summary = writer(project, target, overwrite=overwrite)
            progress.check()
        return _exchange_done(summary, target)

    return task


def _file_task(
    project_path: Path, kind: str, target: Path, overwrite: bool
) -> Callable[[Progress], str]:
    def task(progress: Progress) -> str:
        from desktop.io.exporters.csv_export import export_csv
        from desktop.io.exporters.json_export import export_json
        from desktop.io.exporters.progress import ExportCancelled

        with Project.open(project_path, create=False) as project:
            if kind in ("qdpx", "w3c"):
                from desktop.io.exchange.qdpx import export_qdpx
                from desktop.io.exchange.w3c import export_w3c

                progress.report(0, 1, "")
                exchange = (export_qdpx if kind == "qdpx" else export_w3c)(
                    project, target, overwrite=overwrite
                )
                progress.check()
                return QCoreApplication.translate(
                    "ExportController", "Wrote {file}: {counts}."
                ).format(
                    file=isolate_path(target.name),
                    counts=list_separator().join(
                        (
                            counts().articles(exchange.documents),
                            counts().annotations(exchange.annotations),
                        )
                    ),
                )
            if kind == "json":
                progress.report(0, 1, "")
                summary = export_json(project, target, overwrite=overwrite)
                progress.check()
                listed = list_separator().join(
                    (
                        counts().articles(summary.documents),
                        counts().annotations(summary.annotations),
                        counts().claims(summary.claims),
                    )
                )
                return QCoreApplication.translate(
                    "ExportController", "Wrote {file}: {counts}."
                ).format(file=isolate_path(target.name), counts=listed)
            try:
                written = export_csv(
                    project,
                    target,
                    "claims" if kind == "claims" else "annotations",
                    overwrite=overwrite,
                    progress=progress.report,
                    cancelled=cancellable(progress),
                )
            except ExportCancelled:
                raise TaskCancelled from None
            rows = (
                counts().claims(written.rows)
                if written.kind == "claims"
                else counts().annotations(written.rows)
            )
            return QCoreApplication.translate("ExportController", "Wrote {file}: {counts}.").format(
                file=isolate_path(target.name), counts=rows
            )

    return task


class ExportController(QObject):
    """Owns the window's export commands: the briefing dialog and the file exports."""

    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        actions = api.actions
        actions[ActionId.EXPORT_BRIEFING].triggered.connect(self.open_briefing)
        for action_id, kind in (
            (ActionId.EXPORT_ANNOTATIONS_CSV, "annotations"),
            (ActionId.EXPORT_CLAIMS_CSV, "claims"),
            (ActionId.EXPORT_JSON, "json"),
            (ActionId.EXPORT_XMI, "xmi"),
            (ActionId.EXPORT_BRAT, "brat"),
            (ActionId.EXPORT_CONLL, "conll"),
            (ActionId.EXPORT_QDPX, "qdpx"),
            (ActionId.EXPORT_W3C, "w3c"),
        ):
            actions[action_id].triggered.connect(partial(self.export_file, kind))
        self.choose_path: ChoosePath = choose_save_path
        self.open_url: OpenUrl = QDesktopServices.openUrl
        self.dialog: ReportDialog | None = None
        self.shown_figures: Callable[[], Mapping[str, object]] = dict
        """What the window's figure docks show (set by the window), for the briefing."""
        self.task: TaskHandle | None = None
        self.last_message = ""

    def open_briefing(self) -> ReportDialog:
        api = self.api
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from desktop.ui.transfer.briefing_dialog import ReportDialog

        self.dialog = ReportDialog(
            api.project,
            api.prefs,
            api.messenger,
            current_document=api.current_document(),
            author=api.prefs.author(),
            choose_path=self.choose_path,
            open_url=self.open_url,
            shown_figures=self.shown_figures,
            parent=api.widget,
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
            self.api.show_status(self.tr("An export is already running."), 4000)
            return None
        caption, file_filter, suffix, _ = EXPORT_KINDS[kind]
        project_path = self.api.project.path
        prefs = self.api.prefs
        base = export_folder(prefs, project_path, FOLDER_EXPORT)
        name = "" if kind in ("json", "qdpx", "w3c") else f"-{kind}"
        suggested = str(base / f"{project_path.stem}{name}{suffix}")
        chosen = self.choose_path(
            self.api.widget, self.tr(caption), suggested, self.tr(file_filter)
        )
        if not chosen:
            return None
        checked = checked_target(chosen, suffix, project_path, self.api.messenger, self.tr(caption))
        if checked is None:
            self.last_message = self.tr("Nothing was exported.")
            self.api.show_status(self.last_message, 5000)
            return None
        # An existing file is replaced: the analyst agreed (save dialog, checked_target).
        target = checked.path
        remember_folder(prefs, FOLDER_EXPORT, target.parent)
        self.api.show_status(self.tr("Exporting {file}…").format(file=isolate_path(target.name)), 0)
        make_task = _exchange_task if kind in EXCHANGE else _file_task
        self.task = run_task(
            make_task(project_path, kind, target, checked.existed),
            on_done=self._file_done,
            on_error=self._file_failed,
            on_cancelled=self._file_cancelled,
        )
        return self.task

    def _file_done(self, message: str) -> None:
        self.task = None
        self.last_message = message
        self.api.show_status(message, 8000)

    def _file_failed(self, message: str, details: str) -> None:
        self.task = None
        self.last_message = message
        self.api.show_status("", 1)
        self.api.messenger.error(self.tr("Export"), message, details)

    def _file_cancelled(self) -> None:
        self.task = None
        self.last_message = self.tr("Export cancelled; no file was written.")
        self.api.show_status(self.last_message, 5000)
