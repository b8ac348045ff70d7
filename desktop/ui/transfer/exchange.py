"""File → Import Project (REFI-QDA, Web Annotation)…: a ``.qdpx`` or ``.jsonld`` file into the
open project, in the background on its own connection (``desktop.io.exchange``).

The import is one transaction (all of it or nothing); it is not an undo step: like a Hamish
JSON import on the command line, its articles are removed by deleting them in the library.
What the file held that Hamish cannot represent is listed in the message shown when it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.io.exchange.collect import ExchangeReport
from desktop.settings import FOLDER_IMPORT_EXCHANGE
from desktop.store.project import Project
from desktop.ui.errors import error_text
from desktop.ui.i18n import counts
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, TaskHandle, run_task
from desktop.ui.widgets.bidi import isolate_path, list_separator
from desktop.ui.widgets.files import open_file_name, remember_folder, start_folder


def _task(project_path: Path, path: Path) -> Callable[[Progress], ExchangeReport]:
    def task(progress: Progress) -> ExchangeReport:
        from desktop.io.exchange.qdpx import import_qdpx
        from desktop.io.exchange.w3c import import_w3c

        progress.report(0, 1, "")
        with Project.open(project_path, create=False) as project:
            importer = import_qdpx if path.suffix.lower() == ".qdpx" else import_w3c
            return importer(project, path)

    return task


class ExchangeImportController(QObject):
    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        self.task: TaskHandle | None = None
        self.last_message = ""
        self.choose_path: Callable[[], str] = self._ask
        api.actions[ActionId.IMPORT_EXCHANGE].triggered.connect(self.choose)

    def _ask(self) -> str:
        return open_file_name(
            self.api.widget,
            self.tr("Import Project"),
            str(start_folder(self.api.prefs, FOLDER_IMPORT_EXCHANGE)),
            self.tr("REFI-QDA and Web Annotation (*.qdpx *.jsonld *.json)"),
        )

    def choose(self) -> None:
        name = self.choose_path()
        if name:
            remember_folder(self.api.prefs, FOLDER_IMPORT_EXCHANGE, name)
            self.import_file(Path(name))

    def import_file(self, path: Path) -> TaskHandle | None:
        if self.task is not None:
            return None
        try:
            self.api.project.database.check_writable()
        except HamishError as error:
            self.api.messenger.error(self.tr("Import"), str(error))
            return None
        project_path = self.api.project.path
        self.task = run_task(
            _task(project_path, path),
            on_done=lambda report: self._done(report, project_path),
            on_error=self._failed,
        )
        return self.task

    def _done(self, report: ExchangeReport, project_path: Path) -> None:
        self.task = None
        if self.api.closed:
            return
        if project_path == self.api.project.path:
            self.api.session.announce(
                ChangeSet(
                    documents_reloaded=True,
                    labels_changed=True,
                    entities_changed=True,
                    claims_changed=True,
                )
            )
        parts = [counts().articles(report.documents), counts().annotations(report.annotations)]
        if report.load.entities_matched:  # a second import of one file: its registry reused
            parts.append(
                self.tr("%n entity(ies) already present", "", report.load.entities_matched)
            )
        listed = list_separator().join(parts)
        text = self.tr("Imported {file}: {counts}.").format(
            file=isolate_path(report.path.name), counts=listed
        )
        if report.notices:
            text += "\n\n" + "\n".join(error_text(notice) for notice in report.notices)
        self.last_message = text
        self.api.messenger.info(self.tr("Import"), text)

    def _failed(self, message: str, details: str) -> None:
        self.task = None
        self.last_message = message
        if not self.api.closed:
            self.api.messenger.error(self.tr("Import"), message, details)
