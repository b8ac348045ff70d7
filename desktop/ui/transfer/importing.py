"""The ways articles come in through the window.

* File → Import Articles… (files) and Import Folder… (recursively), drag and drop of files or
  folders onto the window, and New Article from Clipboard (Ctrl+Shift+V) for copied text or a
  copied web-page selection.
* Files are imported by ``desktop.ops.articles.import_files`` — the same operation as
  ``hamish import`` — in the background (``run_task``) with its own project connection, so the
  window stays responsive; a status-bar progress with Cancel follows it, and cancelling keeps
  what was already imported. On the GUI thread the operation's outcome is recorded on the
  session: its ``ChangeSet`` reaches every view, and Edit → Undo removes the imported articles.
  The batch is then summarised (see ``import_dialogs``).

The summary dialog is reached through a replaceable attribute (``present_summary``), so tests
record instead of waiting on a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.core.records import DocumentDraft
from desktop.ops import articles as ops
from desktop.settings import FOLDER_IMPORT_ARTICLES, FOLDER_IMPORT_EXCHANGE, FOLDER_IMPORT_FOLDER
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, TaskHandle, run_task
from desktop.ui.transfer.clipboard import draft_from_mime, local_paths
from desktop.ui.transfer.import_dialogs import ImportOutcome, ImportProgress, ImportSummaryDialog
from desktop.ui.widgets.bidi import isolate_short
from desktop.ui.widgets.files import (
    existing_directory,
    open_file_name,
    open_file_names,
    remember_folder,
    start_folder,
)

if TYPE_CHECKING:
    from desktop.io.exchange.common import ExchangeImport
    from desktop.ops.outcome import Outcome


class ImportController(QObject):
    """Owns the import actions, drops and background batches of one window. Batches run one
    at a time; more files asked for meanwhile are queued."""

    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        # The importers (trafilatura, pdfminer, email…) load on the first import, not at
        # start-up; tests may set a loader of their own.
        self.loader: Callable[[Path], DocumentDraft] | None = None
        self.present_summary: Callable[[ImportOutcome], None] = self.show_summary
        self.summary_dialog: ImportSummaryDialog | None = None
        self.last_outcome: ImportOutcome | None = None
        self.task: TaskHandle | None = None
        # Each batch with the project it was asked for: the analyst may switch projects
        # before a queued batch starts, and its files belong where they were dropped.
        self._queue: list[tuple[list[str], Path]] = []
        self.progress = ImportProgress(api.widget)
        api.add_status_widget(self.progress)
        self.progress.cancel_requested.connect(self.cancel)
        api.closing.connect(self.cancel)
        api.widget.setAcceptDrops(True)
        api.widget.installEventFilter(self)
        actions = api.actions
        actions[ActionId.IMPORT_FOLDER].triggered.connect(self.choose_folder)
        actions[ActionId.NEW_FROM_CLIPBOARD].triggered.connect(self.new_from_clipboard)
        actions[ActionId.IMPORT_XMI].triggered.connect(partial(self.choose_exchange, "xmi"))
        actions[ActionId.IMPORT_BRAT].triggered.connect(partial(self.choose_exchange, "brat"))
        self.exchange_task: TaskHandle | None = None
        self.last_exchange = ""  # the last exchange import's summary (tests read it)

    # --- asking ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        prefs = self.api.prefs
        names = open_file_names(
            self.api.widget,
            self.tr("Import Articles"),
            str(start_folder(prefs, FOLDER_IMPORT_ARTICLES)),
            self._file_filter(),
        )
        if names:
            remember_folder(prefs, FOLDER_IMPORT_ARTICLES, names[0])
            self.import_paths(names)

    def _file_filter(self) -> str:
        """``desktop.io.batch.file_dialog_filter`` with its names in the interface language."""
        from desktop.io.batch import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        return ";;".join(
            (
                self.tr("Articles ({patterns})").format(patterns=patterns),
                self.tr("Text and Markdown (*.txt *.text *.md *.markdown)"),
                self.tr("Web pages (*.html *.htm *.xhtml *.shtml)"),
                self.tr("Word (*.docx)"),
                self.tr("PDF (*.pdf)"),
                self.tr("E-mail (*.eml)"),
                self.tr("All files (*)"),
            )
        )

    def choose_folder(self) -> None:
        prefs = self.api.prefs
        start = start_folder(prefs, FOLDER_IMPORT_FOLDER)
        name = existing_directory(self.api.widget, self.tr("Import Folder"), str(start))
        if name:
            remember_folder(prefs, FOLDER_IMPORT_FOLDER, name)
            self.import_paths([name])

    # --- other tools' annotations: UIMA CAS XMI, brat (desktop/io/exchange) ---------------------
    def choose_exchange(self, fmt: str) -> None:
        caption = self.tr("Import UIMA CAS XMI") if fmt == "xmi" else self.tr("Import brat")
        file_filter = (
            self.tr("INCEpTION exports (*.zip *.xmi)")
            if fmt == "xmi"
            else self.tr("Zip of brat files (*.zip)")
        )
        prefs = self.api.prefs
        start = start_folder(prefs, FOLDER_IMPORT_EXCHANGE)
        name = open_file_name(self.api.widget, caption, str(start), file_filter)
        if name:
            remember_folder(prefs, FOLDER_IMPORT_EXCHANGE, name)
            self.import_exchange(Path(name), fmt)

    def import_exchange(self, path: Path, fmt: str) -> TaskHandle | None:
        """One file of another tool, in the background on its own connection; the result is
        one undo step. What it held that Hamish cannot represent is said afterwards."""
        if self.exchange_task is not None or not self._alive:
            return None
        try:
            self.api.project.database.check_writable()
        except HamishError as error:
            self.api.messenger.error(self.tr("Import"), str(error))
            return None
        project_path = self.api.project.path
        kind: Literal["xmi", "brat"] = "xmi" if fmt == "xmi" else "brat"

        def work(progress: Progress) -> Outcome[ExchangeImport]:
            from desktop.ops.exchange import import_exchange

            progress.report(0, 1, path.name)
            with Project.open(project_path, create=False) as project:
                return import_exchange(project, path, kind)

        self.api.show_status(self.tr("Importing {file}…").format(file=isolate_short(path.name)), 0)
        self.exchange_task = run_task(
            work,
            on_done=lambda outcome: self._exchange_done(outcome, project_path, path),
            on_error=self._exchange_failed,
            on_cancelled=self._exchange_failed_quietly,
        )
        return self.exchange_task

    def _exchange_done(self, outcome: Outcome[ExchangeImport], project: Path, path: Path) -> None:
        from desktop.ui.errors import error_text

        self.exchange_task = None
        if not self._alive:
            return
        if project == self.api.project.path:
            self.api.session.record(outcome)
        report = outcome.value.report
        done = self.tr("Imported {file}: %n article(s)", "", report.documents).format(
            file=isolate_short(path.name)
        )
        skipped = len(report.skipped_documents)
        parts = [done + "."]
        if skipped:
            parts.append(self.tr("%n already in the project, skipped.", "", skipped))
        parts += [error_text(notice) for notice in outcome.value.notices]
        self.last_exchange = " ".join(parts)
        self.api.show_status("", 1)
        if outcome.value.notices or skipped:
            self.api.messenger.info(self.tr("Import"), self.last_exchange)
        else:
            self.api.show_status(self.last_exchange, 8000)
        ids = tuple(report.ids.get("documents", {}).values())
        if ids and project == self.api.project.path:
            self.api.open_document(ids[0])

    def _exchange_failed(self, message: str, details: str) -> None:
        self.exchange_task = None
        if self._alive:
            self.api.show_status("", 1)
            self.api.messenger.error(self.tr("Import"), message, details)

    def _exchange_failed_quietly(self) -> None:
        self.exchange_task = None

    # --- files in the background ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        """Import files and folders in the background into the project open now; queued if
        a batch is running (and still imported into this project if another is opened
        meanwhile: the batch opens the file itself)."""
        if not self._alive:
            return
        try:
            self.api.project.database.check_writable()  # read-only: say so before any work
        except HamishError as error:
            self.api.messenger.error(self.tr("Import"), str(error))
            return
        self._queue.append(([str(p) for p in paths], self.api.project.path))
        if self.task is None:
            self._next()
        else:
            self.progress.label.setText(
                self.tr("Importing… (%n more queued)", "", len(self._queue))
            )

    @property
    def _alive(self) -> bool:
        """False once the window is closing: its project is closed, so a batch that ends
        after that must not announce, open or summarise anything."""
        return not self.api.closed

    def _next(self) -> None:
        if not self._queue or not self._alive:
            return
        paths, project_path = self._queue.pop(0)
        from desktop.io.batch import load_file

        loader = self.loader or load_file
        holder: list[ImportOutcome] = []

        def work(progress: Progress) -> ImportOutcome:
            # Its own connection: SQLite connections stay in their thread, and WAL lets the
            # window keep reading while this one writes.
            with Project.open(project_path, create=False) as project:
                done = ops.import_files(
                    project,
                    paths,
                    cancelled=lambda: progress.cancelled,
                    progress=progress.report,
                    loader=loader,
                )
                batch = done.value
                ids = [i for _, i in batch.report.imported + batch.report.duplicates]
                titles: dict[int, str] = {}
                for start in range(0, len(ids), 500):  # SQLite bounds the parameters of a query
                    chunk = project.documents.summaries(ids[start : start + 500])
                    titles.update((summary.id, summary.title) for summary in chunk)
            outcome = ImportOutcome(batch, project_path, titles, done)
            holder.append(outcome)  # still delivered if the run ends as "cancelled"
            return outcome

        self.progress.start(len(self._queue))
        self.task = run_task(
            work,
            on_done=self._finished,
            on_error=lambda message, details: self._failed(message, details, project_path),
            on_progress=self._progress,
            on_cancelled=lambda: self._finished(holder[0] if holder else None),
        )

    def cancel(self) -> None:
        """Stop after the file being imported; what was imported stays."""
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()
            self.progress.cancelling()

    def _progress(self, done: int, total: int, name: str) -> None:
        if self._alive:
            self.progress.show_progress(done, total, name)

    def _failed(self, message: str, details: str, project: Path | None = None) -> None:
        self.task = None
        if not self._alive:
            return
        self.progress.hide()
        # Articles stored before the failure are kept. The batch's own list of them was
        # lost with the error: the views are told that articles may have come in.
        if project is None or project == self.api.project.path:
            self.api.session.announce(ChangeSet(documents_reloaded=True))
        self.api.messenger.error(self.tr("Import"), message, details)
        self._next()

    def _finished(self, outcome: ImportOutcome | None) -> None:
        self.task = None
        if not self._alive:
            return
        self.progress.hide()
        if outcome is None:
            self._next()
            return
        self.last_outcome = outcome
        if outcome.batch.total == 0 and not outcome.skipped:
            self.api.messenger.info(
                self.tr("Import"), self.tr("There is nothing to import there: no files were found.")
            )
            self._next()
            return
        same_project = outcome.project == self.api.project.path
        if same_project and outcome.done is not None and outcome.imported:
            self.api.session.record(outcome.done)
            self.api.open_document(outcome.imported[-1][1])
        quiet = (
            len(outcome.imported) == 1
            and not (outcome.duplicates or outcome.skipped or outcome.failed or outcome.notes)
            and not outcome.batch.cancelled
        )
        if quiet:
            title = outcome.titles.get(outcome.imported[0][1], "")
            self.api.show_status(
                self.tr("Imported “{title}”.").format(title=isolate_short(title, 60)), 5000
            )
        else:
            self.present_summary(outcome)
        self._next()

    def show_summary(self, outcome: ImportOutcome) -> None:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = ImportSummaryDialog(outcome, self.api.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if outcome.project == self.api.project.path:
            dialog.document_requested.connect(self.api.open_document)
        dialog.destroyed.connect(lambda: setattr(self, "summary_dialog", None))
        self.summary_dialog = dialog
        dialog.show()

    # --- clipboard and drops ----------------------------------------------------------------------
    def new_from_clipboard(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.import_mime(mime, "clipboard"):
            self.api.messenger.info(
                self.tr("New Article from Clipboard"),
                self.tr(
                    "The clipboard holds no text. Copy an article's text (or select it on a web "
                    "page and copy it), then choose New Article from Clipboard again."
                ),
            )

    def import_mime(self, mime: QMimeData, origin: str) -> bool:
        """Files and folders go to a background batch; text or HTML becomes one article at
        once. False when there is nothing usable in ``mime``."""
        local, remote = local_paths(mime)
        if local:
            self.import_paths(local)
            return True
        text = mime.text().strip() if mime.hasText() else ""
        if remote and (not text or text in remote or len(text.split()) == 1):
            # a dragged or copied link: its text is the address, not an article
            self.api.messenger.info(
                self.tr("Import"),
                self.tr(
                    "Hamish does not download web pages. Save the page (File → Save Page As… in "
                    "the browser) and import the saved file, or copy the article's text."
                ),
                "\n".join(remote),
            )
            return True
        try:
            draft = draft_from_mime(mime, origin)
        except HamishError as error:
            self.api.messenger.error(self.tr("New Article"), str(error))
            return True
        if draft is None:
            return False
        self._store_one(draft, origin)
        return True

    def _store_one(self, draft: DocumentDraft, origin: str) -> None:
        api = self.api
        try:
            report = api.session.run(partial(ops.add_article, draft=draft, origin=origin)).value
        except HamishError as error:
            api.messenger.error(self.tr("New Article"), str(error))
            return
        if report.failed:
            api.messenger.error(self.tr("New Article"), report.failed[0].reason)
            return
        if report.duplicates:
            api.open_document(report.duplicates[0][1])
            api.messenger.info(
                self.tr("New Article"),
                self.tr("This text is already in the project; the existing article is open."),
            )
            return
        api.open_document(report.imported[0][1])
        api.show_status(
            self.tr("New article “{title}”.").format(title=isolate_short(draft.title, 60)), 5000
        )

    @staticmethod
    def _from_this_window(event: QEvent) -> bool:
        """A drag that began in Hamish itself (text dragged out of a pane and back) is not an
        import: only files, text and pages brought from other programs are."""
        return isinstance(event, QDropEvent) and event.source() is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.api.widget and not self._from_this_window(event):
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                assert isinstance(event, QDragEnterEvent | QDropEvent)
                mime = event.mimeData()
                if mime is not None and (mime.hasUrls() or mime.hasText() or mime.hasHtml()):
                    event.acceptProposedAction()
                    return True
            elif kind == QEvent.Type.Drop:
                assert isinstance(event, QDropEvent)
                mime = event.mimeData()
                if mime is not None and self.import_mime(mime, "drop"):
                    event.acceptProposedAction()
                    return True
        return super().eventFilter(watched, event)
