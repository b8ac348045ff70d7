"""What an import shows: the status-bar progress with Cancel, and the summary of a finished
batch — imported, skipped (duplicates with the article they duplicate, other formats) and
failed with the reason for each."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.controls import for_terminal
from desktop.core.records import ImportFailure
from desktop.io.batch import BatchReport
from desktop.ops.outcome import Outcome, short
from desktop.ui.errors import error_text
from desktop.ui.i18n import counts
from desktop.ui.widgets.bidi import isolate, isolate_path, list_separator
from desktop.ui.widgets.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(slots=True)
class ImportOutcome:
    """A finished (or cancelled) batch with the titles of the articles it names, read by the
    task itself so the summary is right even if the window switched project meanwhile."""

    batch: BatchReport
    project: Path
    titles: dict[int, str] = field(default_factory=dict)
    done: Outcome[BatchReport] | None = None  # the operation's outcome: changes and undo

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

    @property
    def notes(self) -> dict[int, str]:
        """What the import changed in an article (bytes replaced…), by article id, in the
        interface language, one sentence per line."""
        return {
            note.document_id: "\n".join(error_text(line) for line in note.text.splitlines())
            for note in self.batch.report.notes
        }

    def headline(self) -> str:
        parts = [counts().imported(len(self.imported))]
        skipped = len(self.duplicates) + len(self.skipped)
        if skipped:
            parts.append(counts().skipped(skipped))
        if self.failed:
            parts.append(counts().failed(len(self.failed)))
        text = list_separator().join(parts)
        if self.batch.cancelled:
            done = len(self.imported) + len(self.duplicates) + len(self.failed)
            text += " — " + counts().cancelled_after(done, self.batch.total)
        return text

    def as_text(self) -> str:
        """The summary as plain text (the dialog's Copy button, and its tests)."""
        lines = [self.headline()]
        imported = QCoreApplication.translate("ImportOutcome", "imported  ")
        skipped = QCoreApplication.translate("ImportOutcome", "skipped   ")
        failed = QCoreApplication.translate("ImportOutcome", "failed    ")
        notes = self.notes
        for path, doc_id in self.imported:
            lines.append(f"{imported}{_name(path)}: “{self.titles.get(doc_id, '')}”")
            lines.extend(f"{'':10}{line}" for line in notes.get(doc_id, "").splitlines())
        for path, doc_id in self.duplicates:
            already = QCoreApplication.translate(
                "ImportOutcome", "already in the project as “{title}” (article {id})"
            ).format(title=self.titles.get(doc_id, ""), id=doc_id)
            lines.append(f"{skipped}{_name(path)}: {already}")
        for failure in self.skipped:
            lines.append(f"{skipped}{error_text(_visible(failure.reason))}")
        for failure in self.failed:
            lines.append(f"{failed}{_name(failure.path)}: {error_text(_visible(failure.reason))}")
        return "\n".join(lines)


class ImportSummaryDialog(QDialog):
    """Imported, skipped and failed files in three groups; double-click opens an article."""

    document_requested = Signal(int)

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle(self.tr("Import Summary"))
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
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Result")])
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
        notes = outcome.notes
        self._group(
            "imported",
            self.tr("Imported"),
            "mdi6.check-circle-outline",
            "#2e7d32",
            [
                (p, " — ".join([isolate(titles.get(i, "")), *notes.get(i, "").splitlines()]), i)
                for p, i in outcome.imported
            ],
        )
        self._group(
            "skipped",
            self.tr("Skipped"),
            "mdi6.skip-next-circle-outline",
            "#6b777b",
            [
                (
                    p,
                    self.tr("Already in the project as “{title}” (article {id})").format(
                        title=isolate(titles.get(i, "")), id=i
                    ),
                    i,
                )
                for p, i in outcome.duplicates
            ]
            + [(f.path, _reason(f), None) for f in outcome.skipped],
        )
        self._group(
            "failed",
            self.tr("Failed"),
            "mdi6.alert-circle-outline",
            "#c62828",
            [(f.path, _reason(f), None) for f in outcome.failed],
        )
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(icon("mdi6.content-copy"), self.tr("&Copy Report"), self)
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
            # Isolated left to right: in the Arabic interface "0040.txt", with no letter of
            # its own direction, was laid out right to left and read "txt.0040".
            item = QTreeWidgetItem(group, [isolate_path(_name(path)), result])
            item.setToolTip(0, _visible(path))
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


def _visible(text: str) -> str:
    """A file name or a reason naming one, with its control characters and bidi overrides
    shown as escapes (``\\u202e``): a file called ``report\\u202etxt.exe`` must not read
    ``reportexe.txt`` here, nor a newline in a name break the row."""
    return for_terminal(text)


def _name(path: str) -> str:
    return for_terminal(Path(path).name or path)


def _reason(failure: ImportFailure) -> str:
    """The reason without the file name it usually starts with (the first column has it);
    in Arabic the whole reason translated, its file name isolated inside."""
    name = for_terminal(Path(failure.path).name)
    reason = _visible(failure.reason)
    shown = error_text(reason)
    if shown != reason:
        return shown
    for prefix in (f"{name}: ", f"{name} ", f"{_visible(failure.path)} "):
        if name and reason.startswith(prefix):
            rest = reason[len(prefix) :]
            if prefix.endswith(": "):
                return rest[:1].upper() + rest[1:]
            return QCoreApplication.translate("ImportOutcome", "This file {reason}").format(
                reason=rest
            )
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
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setIcon(icon("mdi6.close-circle-outline"))
        self.cancel.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel.setAutoRaise(True)
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def start(self, queued: int) -> None:
        self.label.setText(
            self.tr("Importing…")
            if not queued
            else self.tr("Importing… (%n more queued)", "", queued)
        )
        self.bar.setRange(0, 0)  # busy until the folder walk gives a total
        self.cancel.setEnabled(True)
        self.show()

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")
        self.label.setText(
            self.tr("Importing {file}").format(file=short(name, 32))
            if name
            else self.tr("Importing…")
        )

    def cancelling(self) -> None:
        self.label.setText(self.tr("Cancelling after the current file…"))
        self.cancel.setEnabled(False)
