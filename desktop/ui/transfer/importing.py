"""The ways articles come in through the window, and the metadata editor.

* File → Import Articles… (files) and Import Folder… (recursively), drag and drop of files or
  folders onto the window, and New Article from Clipboard (Ctrl+Shift+V) for copied text or a
  copied web-page selection.
* Files are imported by :mod:`desktop.io.batch` — the same code as ``hamish import`` — in the
  background (``run_task``) with its own project connection, so the window stays responsive; a
  status-bar progress with Cancel follows it, and cancelling keeps what was already imported.
  On the GUI thread the result is announced as a ``ChangeSet`` (the library inserts the new
  rows) and summarised: imported, skipped (duplicates with the article they duplicate, files
  of other formats) and failed with the reason for each.
* Article → Edit Metadata… changes title, outlet, author, URL, date, language and direction as
  one undoable step (:class:`EditMetadata`); the reader re-opens the article to show it.

Dialogs that would block (the summary, the metadata form) are reached through replaceable
attributes of :class:`ImportController`, so tests record instead of waiting on a modal loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError, NotFound
from desktop.core.models import ChangeSet, Document, DocumentDraft, ImportFailure
from desktop.core.services import import_documents
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.commands.session import ProjectSession
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.workers import Progress, TaskHandle, run_task
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from desktop.io.batch import BatchReport
    from desktop.ui.shell.mainwindow import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
METADATA_FIELDS = ("title", "source", "author", "url", "published", "language", "direction")
LANGUAGES = (("ar", "Arabic"), ("en", "English"), ("und", "Unknown"))
# A copied selection is what the analyst chose; the extractor may drop short paragraphs as
# boilerplate. Below this share of the plain text, the plain text wins.
_CLIPBOARD_KEEP = 0.6


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- results -------------------------------------------------------------------------------------
@dataclass(slots=True)
class ImportOutcome:
    """A finished (or cancelled) batch with the titles of the articles it names, read by the
    task itself so the summary is right even if the window switched project meanwhile."""

    batch: BatchReport
    project: Path
    titles: dict[int, str] = field(default_factory=dict)

    @property
    def imported(self) -> list[tuple[str, int]]:
        return self.batch.report.imported

    @property
    def duplicates(self) -> list[tuple[str, int]]:
        return self.batch.report.duplicates

    @property
    def failed(self) -> list[ImportFailure]:
        return self.batch.report.failed

    @property
    def skipped(self) -> list[ImportFailure]:
        return self.batch.skipped

    def headline(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        skipped = len(self.duplicates) + len(self.skipped)
        if skipped:
            parts.append(f"{skipped} skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        text = ", ".join(parts)
        if self.batch.cancelled:
            done = len(self.imported) + len(self.duplicates) + len(self.failed)
            text += f" — cancelled after {done} of {self.batch.total} files"
        return text

    def as_text(self) -> str:
        """The summary as plain text (the dialog's Copy button, and its tests)."""
        lines = [self.headline()]
        for path, doc_id in self.imported:
            lines.append(f"imported  {Path(path).name}: “{self.titles.get(doc_id, '')}”")
        for path, doc_id in self.duplicates:
            lines.append(
                f"skipped   {Path(path).name}: already in the project as "
                f"“{self.titles.get(doc_id, '')}” (article {doc_id})"
            )
        for failure in self.skipped:
            lines.append(f"skipped   {failure.reason}")
        for failure in self.failed:
            lines.append(f"failed    {Path(failure.path).name}: {failure.reason}")
        return "\n".join(lines)


class ImportSummaryDialog(QDialog):
    """Imported, skipped and failed files in three groups; double-click opens an article."""

    document_requested = Signal(int)

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle("Import Summary")
        self.resize(720, 440)
        self.outcome = outcome
        layout = QVBoxLayout(self)
        self.headline = QLabel(outcome.headline() + ".", self)
        self.headline.setObjectName("import_headline")
        self.headline.setStyleSheet("font-size: 12pt; font-weight: 600;")
        layout.addWidget(self.headline)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("import_results")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["File", "Result"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 230)
        layout.addWidget(self.tree, 1)
        self.groups: dict[str, QTreeWidgetItem] = {}
        titles = outcome.titles
        self._group(
            "imported",
            "Imported",
            "mdi6.check-circle-outline",
            "#2e7d32",
            [(p, _isolate(titles.get(i, "")), i) for p, i in outcome.imported],
        )
        self._group(
            "skipped",
            "Skipped",
            "mdi6.skip-next-circle-outline",
            "#6b777b",
            [
                (p, f"Already in the project as “{_isolate(titles.get(i, ''))}” (article {i})", i)
                for p, i in outcome.duplicates
            ]
            + [(f.path, _reason(f), None) for f in outcome.skipped],
        )
        self._group(
            "failed",
            "Failed",
            "mdi6.alert-circle-outline",
            "#c62828",
            [(f.path, _reason(f), None) for f in outcome.failed],
        )
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(icon("mdi6.content-copy"), "&Copy Report", self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _group(
        self,
        key: str,
        title: str,
        icon_name: str,
        colour: str,
        rows: list[tuple[str, str, int | None]],
    ) -> None:
        if not rows:
            return
        group = QTreeWidgetItem(self.tree, [f"{title} ({len(rows)})", ""])
        group.setIcon(0, icon(icon_name, color=colour))
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        for path, result, doc_id in rows:
            item = QTreeWidgetItem(group, [Path(path).name or path, result])
            item.setToolTip(0, path)
            item.setToolTip(1, result)
            item.setData(0, PATH_ROLE, path)
            if doc_id is not None:
                item.setData(0, ID_ROLE, doc_id)
        group.setExpanded(key != "imported" or len(rows) <= 50)
        self.groups[key] = group

    def rows(self, key: str) -> list[tuple[str, str]]:
        group = self.groups.get(key)
        if group is None:
            return []
        children = (group.child(i) for i in range(group.childCount()))
        return [(child.text(0), child.text(1)) for child in children if child is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        doc_id = item.data(0, ID_ROLE)
        if doc_id is not None:
            self.document_requested.emit(int(doc_id))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.outcome.as_text())


def _isolate(text: str) -> str:
    """Wrap an Arabic title in Unicode directional isolates (FSI … PDI) so the English
    sentence and quotation marks around it keep their places."""
    return f"\u2068{text}\u2069"


def _reason(failure: ImportFailure) -> str:
    """The reason without the file name it usually starts with (the first column has it)."""
    name = Path(failure.path).name
    reason = failure.reason
    for prefix in (f"{name}: ", f"{name} ", f"{failure.path} "):
        if name and reason.startswith(prefix):
            rest = reason[len(prefix) :]
            return rest[:1].upper() + rest[1:] if prefix.endswith(": ") else "This file " + rest
    return reason


class ImportProgress(QWidget):
    """Status-bar progress: what is being imported, how far, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_progress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(True)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("import_cancel")
        self.cancel.setText("Cancel")
        self.cancel.setIcon(icon("mdi6.close-circle-outline"))
        self.cancel.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, queued: int) -> None:
        self.label.setText("Importing…" if not queued else f"Importing… ({queued} more queued)")
        self.bar.setRange(0, 0)  # busy until the folder walk gives a total
        self.cancel.setEnabled(True)
        self.show()

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")
        self.label.setText(f"Importing {_short(name, 32)}" if name else "Importing…")

    def cancelling(self) -> None:
        self.label.setText("Cancelling after the current file…")
        self.cancel.setEnabled(False)


# --- metadata -------------------------------------------------------------------------------------
_URL = re.compile(r"^[a-z][a-z0-9+.\-]*://\S+$", re.I)


def validate_metadata(values: dict[str, str]) -> tuple[dict[str, str | None], list[str]]:
    """Cleaned values for ``DocumentStore.update_metadata`` and the problems that prevent
    saving (each a sentence naming the field)."""
    problems: list[str] = []
    clean: dict[str, str | None] = {}
    title = " ".join(values.get("title", "").split())
    if not title:
        problems.append("The title cannot be empty.")
    clean["title"] = title
    for key in ("source", "author"):
        clean[key] = " ".join(values.get(key, "").split())
    url = values.get("url", "").strip()
    if url and not _URL.match(url):
        problems.append("The URL must be a full address such as https://example.com/article.")
    clean["url"] = url
    date = values.get("published", "").strip()
    if date:
        from desktop.io.importers.common import parse_iso_date

        iso = parse_iso_date(date)
        if iso is None or len(date) != 10:
            problems.append("The date must be a real date written YYYY-MM-DD, or empty.")
        clean["published"] = iso
    else:
        clean["published"] = None
    language = values.get("language", "").strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", language):
        problems.append("The language must be a code such as ar, en or und.")
    clean["language"] = language
    direction = values.get("direction", "")
    if direction not in ("rtl", "ltr"):
        problems.append("The direction must be right-to-left or left-to-right.")
    clean["direction"] = direction
    return clean, problems


class MetadataDialog(QDialog):
    """The editable fields of one article. Right-to-left fields follow the article."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata_dialog")
        self.setWindowTitle("Edit Metadata")
        self.resize(560, 0)
        form = QFormLayout()
        rtl = Qt.LayoutDirection.RightToLeft
        self.edits: dict[str, QLineEdit] = {}
        for key, label, value in (
            ("title", "&Title", document.title),
            ("source", "&Outlet / source", document.source),
            ("author", "&Author", document.author),
            ("url", "&URL", document.url),
            ("published", "&Date", document.published or ""),
        ):
            edit = QLineEdit(value, self)
            edit.setObjectName(f"metadata_{key}")
            if key in ("title", "source", "author") and document.direction == "rtl":
                edit.setLayoutDirection(rtl)
            form.addRow(label, edit)
            self.edits[key] = edit
        self.edits["published"].setPlaceholderText("YYYY-MM-DD")
        self.edits["url"].setPlaceholderText("https://…")
        self.edits["url"].setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.language = QComboBox(self)
        self.language.setObjectName("metadata_language")
        self.language.setEditable(True)
        for code, name in LANGUAGES:
            self.language.addItem(f"{code} — {name}", code)
        index = self.language.findData(document.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setEditText(document.language)
        form.addRow("&Language", self.language)
        self.direction = QComboBox(self)
        self.direction.setObjectName("metadata_direction")
        self.direction.addItem(icon("mdi6.format-pilcrow-arrow-left"), "Right to left", "rtl")
        self.direction.addItem(icon("mdi6.format-pilcrow-arrow-right"), "Left to right", "ltr")
        self.direction.setCurrentIndex(0 if document.direction == "rtl" else 1)
        form.addRow("D&irection", self.direction)
        self.problem = QLabel(self)
        self.problem.setObjectName("metadata_problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        origin = QLabel(document.origin or "(no file)", self)
        origin.setStyleSheet("color: #6b777b;")
        origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        origin.setToolTip("Where the article was imported from")
        form.addRow("Imported from", origin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.edits["title"].setFocus()
        self.edits["title"].selectAll()

    def values(self) -> dict[str, str]:
        language = self.language.currentData()
        text = self.language.currentText()
        if language is None or not text.startswith(str(language)):
            language = text.split("—")[0].strip()
        return {
            **{key: edit.text() for key, edit in self.edits.items()},
            "language": str(language),
            "direction": str(self.direction.currentData()),
        }

    def cleaned(self) -> tuple[dict[str, str | None], list[str]]:
        return validate_metadata(self.values())

    def accept(self) -> None:
        _clean, problems = self.cleaned()
        if problems:
            self.problem.setText(" ".join(problems))
            self.problem.show()
            return
        super().accept()


def _metadata_of(document: Document) -> dict[str, str | None]:
    return {key: getattr(document, key) for key in METADATA_FIELDS}


class EditMetadata(QUndoCommand):
    """Change an article's metadata as one undo step. As in :mod:`desktop.ui.commands.undo`,
    the first
    step is done before the command is pushed (a failure leaves nothing on the stack); later
    undo/redo steps that fail are reported and drop the command."""

    def __init__(
        self,
        session: ProjectSession,
        document_id: int,
        after: dict[str, str | None],
        on_applied: Callable[[int], None] = lambda _id: None,
    ) -> None:
        store = session.project.documents
        document = store.get(document_id)
        super().__init__(f"Edit metadata of “{_short(document.title, 28)}”")
        self.session = session
        self.document_id = document_id
        self.before = _metadata_of(document)
        self.after = {k: v for k, v in after.items() if k in METADATA_FIELDS}
        self.on_applied = on_applied
        self._first = True
        store.update_metadata(document_id, **self.after)
        self._announce()

    def _announce(self) -> None:
        self.session.announce(ChangeSet(documents_changed=(self.document_id,)))
        self.on_applied(self.document_id)

    def _apply(self, values: dict[str, str | None]) -> None:
        store = self.session.project.documents
        try:
            if not store.exists(self.document_id):
                raise NotFound("The article no longer exists in this project.")
            store.update_metadata(self.document_id, **values)
        except HamishError as error:
            self.setObsolete(True)
            self.session.failed.emit("Cannot save the change", str(error))
            return
        self._announce()

    def redo(self) -> None:
        if self._first:  # done by the constructor
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


# --- the controller -------------------------------------------------------------------------------
def _local_paths(mime: QMimeData) -> tuple[list[str], list[str]]:
    """(local files and folders, remote URLs) among the URLs of a drop or the clipboard."""
    local: list[str] = []
    remote: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            local.append(url.toLocalFile())
        elif url.scheme():
            remote.append(url.toString())
    return local, remote


def draft_from_mime(mime: QMimeData, origin: str) -> DocumentDraft | None:
    """An article from copied or dropped text: HTML through the page extractor (keeping the
    plain text if the extractor dropped much of the selection), else the plain text."""
    plain = mime.text() if mime.hasText() else ""
    if mime.hasHtml():
        from desktop.io.importers.html_page import draft_with_metadata, extract_article

        found = extract_article(mime.html())
        if found is not None:
            text, meta = found
            if not plain.strip() or len(text) >= _CLIPBOARD_KEEP * len(plain.strip()):
                return draft_with_metadata(text, meta, origin=origin)
            return draft_with_metadata(plain.strip(), meta, origin=origin, title=False)
    if plain.strip():
        return make_draft(plain.strip("\n"), origin=origin)
    return None


class ImportController(QObject):
    """Owns the import actions, drops, background batches and the metadata editor of one
    window. Batches run one at a time; more files asked for meanwhile are queued."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # The importers (trafilatura, pdfminer, email…) load on the first import, not at
        # start-up; tests may set a loader of their own.
        self.loader: Callable[[Path], DocumentDraft] | None = None
        self.present_summary: Callable[[ImportOutcome], None] = self.show_summary
        self.ask_metadata: Callable[[Document], dict[str, str | None] | None] = self._ask
        self.summary_dialog: ImportSummaryDialog | None = None
        self.last_outcome: ImportOutcome | None = None
        self.task: TaskHandle | None = None
        # Each batch with the project it was asked for: the analyst may switch projects
        # before a queued batch starts, and its files belong where they were dropped.
        self._queue: list[tuple[list[str], Path]] = []
        self._open = True
        self.progress = ImportProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.cancel_requested.connect(self.cancel)
        window.destroyed.connect(self._window_gone)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # --- asking ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Articles", str(Path.home()), _file_dialog_filter()
        )
        if names:
            self.import_paths(names)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self.window, "Import Folder", str(Path.home()))
        if name:
            self.import_paths([name])

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
        self._queue.append(([str(p) for p in paths], self.window.project.path))
        if self.task is None:
            self._next()
        else:
            self.progress.label.setText(f"Importing… ({len(self._queue)} more queued)")

    @property
    def _alive(self) -> bool:
        """False once the window is closing: its project is closed, so a batch that ends
        after that must not announce, open or summarise anything."""
        return self._open and not getattr(self.window, "_closed", False)

    def _next(self) -> None:
        if not self._queue or not self._alive:
            return
        paths, project_path = self._queue.pop(0)
        from desktop.io.batch import import_paths, load_file
        from desktop.store.bulk import batch_durability

        loader = self.loader or load_file
        holder: list[ImportOutcome] = []

        def work(progress: Progress) -> ImportOutcome:
            # Its own connection: SQLite connections stay in their thread, and WAL lets the
            # window keep reading while this one writes.
            with (
                Project.open(project_path, create=False) as project,
                batch_durability(project.database),
            ):
                batch = import_paths(
                    project.documents,
                    paths,
                    cancelled=lambda: progress.cancelled,
                    progress=progress.report,
                    loader=loader,
                )
                ids = [i for _, i in batch.report.imported + batch.report.duplicates]
                titles: dict[int, str] = {}
                for start in range(0, len(ids), 500):  # SQLite bounds the parameters of a query
                    chunk = project.documents.summaries(ids[start : start + 500])
                    titles.update((summary.id, summary.title) for summary in chunk)
            outcome = ImportOutcome(batch, project_path, titles)
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
        # Articles stored before the failure are kept: show them (the batch's own list of
        # them was lost with the error, so the library reloads) if they went into the
        # project open now.
        same_project = project is None or project == self.window.project.path
        if same_project and self.window.library.model is not None:
            self.window.library.model.reload()
        self.window.messenger.error("Import", message, details)
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
            self.window.messenger.info(
                "Import", "There is nothing to import there: no files were found."
            )
            self._next()
            return
        same_project = outcome.project == self.window.project.path
        session = self.window.session
        if same_project and session is not None and outcome.imported:
            session.announce(outcome.batch.changes())
            self.window.open_document(outcome.imported[-1][1])
        quiet = (
            len(outcome.imported) == 1
            and not (outcome.duplicates or outcome.skipped or outcome.failed)
            and not outcome.batch.cancelled
        )
        if quiet:
            title = outcome.titles.get(outcome.imported[0][1], "")
            self.window.statusBar().showMessage(f"Imported “{_short(title, 60)}”.", 5000)
        else:
            self.present_summary(outcome)
        self._next()

    def show_summary(self, outcome: ImportOutcome) -> None:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = ImportSummaryDialog(outcome, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if outcome.project == self.window.project.path:
            dialog.document_requested.connect(self.window.open_document)
        dialog.destroyed.connect(lambda: setattr(self, "summary_dialog", None))
        self.summary_dialog = dialog
        dialog.show()

    # --- clipboard and drops ----------------------------------------------------------------------
    def new_from_clipboard(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.import_mime(mime, "clipboard"):
            self.window.messenger.info(
                "New Article from Clipboard",
                "The clipboard holds no text. Copy an article's text (or select it on a web "
                "page and copy it), then choose New Article from Clipboard again.",
            )

    def import_mime(self, mime: QMimeData, origin: str) -> bool:
        """Files and folders go to a background batch; text or HTML becomes one article at
        once. False when there is nothing usable in ``mime``."""
        local, remote = _local_paths(mime)
        if local:
            self.import_paths(local)
            return True
        text = mime.text().strip() if mime.hasText() else ""
        if remote and (not text or text in remote or len(text.split()) == 1):
            # a dragged or copied link: its text is the address, not an article
            self.window.messenger.info(
                "Import",
                "Hamish does not download web pages. Save the page (File → Save Page As… in "
                "the browser) and import the saved file, or copy the article's text.",
                "\n".join(remote),
            )
            return True
        try:
            draft = draft_from_mime(mime, origin)
        except HamishError as error:
            self.window.messenger.error("New Article", str(error))
            return True
        if draft is None:
            return False
        self._store_one(draft, origin)
        return True

    def _store_one(self, draft: DocumentDraft, origin: str) -> None:
        report = import_documents(self.window.project.documents, [(origin, lambda: draft)])
        if report.failed:
            self.window.messenger.error("New Article", report.failed[0].reason)
            return
        if report.duplicates:
            doc_id = report.duplicates[0][1]
            self.window.open_document(doc_id)
            self.window.messenger.info(
                "New Article",
                "This text is already in the project; the existing article is open.",
            )
            return
        doc_id = report.imported[0][1]
        if self.window.session is not None:
            self.window.session.announce(report.changes())
        self.window.open_document(doc_id)
        self.window.statusBar().showMessage(f"New article “{_short(draft.title, 60)}”.", 5000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
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
            elif kind == QEvent.Type.Close:
                # Before the window's closeEvent closes the project: a batch still running
                # is cancelled, and its end (or a queued one) touches nothing of the window.
                self._open = False
                self.cancel()
        return super().eventFilter(watched, event)

    def _window_gone(self, *_args: Any) -> None:
        self._open = False
        self.cancel()

    # --- metadata ---------------------------------------------------------------------------------
    def _ask(self, document: Document) -> dict[str, str | None] | None:
        dialog = MetadataDialog(document, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.cleaned()[0]

    def edit_metadata(self, document_id: int | None = None) -> None:
        """Ask for new metadata of an article (the open one by default) and apply it as one
        undoable step."""
        session = self.window.session
        doc_id = self.window.reader.document_id if document_id is None else document_id
        if session is None or doc_id is None:
            self.window.statusBar().showMessage("Open an article first.", 4000)
            return
        try:
            document = session.project.documents.get(doc_id)
        except HamishError as error:
            self.window.messenger.error("Edit Metadata", str(error))
            return
        values = self.ask_metadata(document)
        if values is None:
            return
        clean, problems = validate_metadata(
            {
                k: "" if v is None else str(v)
                for k, v in {**_metadata_of(document), **values}.items()
            }
        )
        if problems:
            self.window.messenger.error("Edit Metadata", " ".join(problems))
            return
        if all(clean[k] == getattr(document, k) for k in clean):
            return  # nothing changed: no empty undo step
        try:
            command = EditMetadata(session, doc_id, clean, self._refresh_reader)
        except HamishError as error:
            self.window.messenger.error("Cannot save the change", str(error))
            return
        session.undo_stack.push(command)

    def _refresh_reader(self, document_id: int) -> None:
        """Show new metadata (title, direction) in the reader without losing the place."""
        reader = self.window.reader
        if reader.document_id != document_id:
            return
        bar = reader.text.verticalScrollBar()
        position = bar.value()
        self.window.open_document(document_id)
        bar.setValue(position)


def install_importing(window: MainWindow) -> ImportController:
    """Create the controller for ``window`` and connect its actions (the menus that show
    them are built by the window)."""
    controller = ImportController(window)
    a = window.registry
    a[ActionId.IMPORT_FOLDER].triggered.connect(controller.choose_folder)
    a[ActionId.NEW_FROM_CLIPBOARD].triggered.connect(controller.new_from_clipboard)
    a[ActionId.EDIT_METADATA].triggered.connect(lambda: controller.edit_metadata())
    view = window.library.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.addAction(a[ActionId.EDIT_METADATA])
    return controller


def _file_dialog_filter() -> str:
    from desktop.io.batch import file_dialog_filter

    return file_dialog_filter()
