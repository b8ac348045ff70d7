"""The briefing dialog (File → Export Briefing…, Ctrl+E); the CSV and JSON exports are in
``exports.py``.

The dialog collects :class:`~desktop.io.exporters.report.ReportOptions` — title, author, date,
handling marking, language, scope, sections and their order, the executive summary, full
texts — shows the outline the report will have (section headings with counts), and writes the
report in the background with ``run_task``: a progress bar and Cancel, the window stays
responsive, and "Open the report" when done. The choices are remembered per project.

Both the preview and the export run as tasks that open their own connection to the project
(SQLite connections are not shared across threads) and never touch widgets. Choosing a file
and opening the result go through injectable callables, so tests run without native dialogs
or a desktop to open files with.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop.io.exporters.progress import ExportCancelled
from desktop.io.exporters.report import (
    FIGURES,
    SECTIONS,
    STRINGS,
    FigureId,
    Language,
    OutlineEntry,
    ReportFilter,
    ReportOptions,
    ReportScope,
    ScopeKind,
    SectionId,
    build_report,
)
from desktop.io.exporters.report import (
    tr as report_text,
)
from desktop.settings import FOLDER_BRIEFING, Settings
from desktop.store.claims import STATUSES
from desktop.store.project import Project
from desktop.ui.i18n import QT_TRANSLATE_NOOP, current_language, label_title
from desktop.ui.shell.messages import Messenger
from desktop.ui.shell.workers import Progress, TaskCancelled, TaskHandle, run_task
from desktop.ui.transfer.save_paths import (
    ChoosePath,
    OpenUrl,
    cancellable,
    checked_target,
    choose_save_path,
    export_folder,
)
from desktop.ui.widgets.bidi import (
    first_strong,
    follow_content,
    isolate,
    isolate_path,
    list_separator,
    set_neutral,
    show_elided,
)
from desktop.ui.widgets.dates import ISO_FORMAT, date_edit, iso
from desktop.ui.widgets.files import remember_folder
from desktop.ui.widgets.fit import fit_to_screen
from desktop.ui.widgets.plain_text import PlainTextField

if TYPE_CHECKING:  # the Word writer loads with the first export
    from desktop.io.exporters.docx_report import DocxSummary
    from desktop.io.exporters.word.figures import BriefingFigure

OPTIONS_KEY = "report/options"
# The steps the briefing writer reports (desktop/io/exporters), shown while it works.
PROGRESS_STEPS = {
    key: text
    for key, text in (
        ("articles", QT_TRANSLATE_NOOP("ReportDialog", "articles")),
        ("summary", QT_TRANSLATE_NOOP("ReportDialog", "summary")),
        ("claims", QT_TRANSLATE_NOOP("ReportDialog", "claims")),
        ("contradictions", QT_TRANSLATE_NOOP("ReportDialog", "contradictions")),
        ("entities", QT_TRANSLATE_NOOP("ReportDialog", "entities")),
        ("excerpts", QT_TRANSLATE_NOOP("ReportDialog", "excerpts")),
        ("sources", QT_TRANSLATE_NOOP("ReportDialog", "sources")),
        ("texts", QT_TRANSLATE_NOOP("ReportDialog", "texts")),
        ("figures", QT_TRANSLATE_NOOP("ReportDialog", "figures")),
        ("cover", QT_TRANSLATE_NOOP("ReportDialog", "cover")),
        ("saved", QT_TRANSLATE_NOOP("ReportDialog", "saved")),
    )
}
# Handling markings are printed on the report, so they are offered in the report's language
# (not the interface's): the same three, position for position, in each.
MARKINGS: dict[str, tuple[str, ...]] = {
    "ar": ("للاستخدام الداخلي", "سري", "سري للغاية", "غير مصنّف"),
    "en": ("For internal use only", "Confidential", "Secret", "Unclassified"),
}


SUMMARY_PAUSE_MS = 600  # typing pause after which the outline counts the summary again


def _slug(text: str) -> str:
    """A file name from a title: Arabic letters are fine in file names, slashes are not."""
    cleaned = re.sub(r"[\\/:*?\"<>|\s]+", "-", text.strip()).strip("-.")
    return cleaned[:60] or "briefing"


def _both(english: str, arabic: str) -> str:
    """A report term as the dialog shows it: both languages in the English interface (the
    briefing itself may be in either), Arabic alone in the Arabic one."""
    return arabic if current_language() == "ar" else f"{english} · {arabic}"


def _outline_task(
    project_path: Path, options: ReportOptions
) -> Callable[[Progress], list[OutlineEntry]]:
    def task(progress: Progress) -> list[OutlineEntry]:
        with Project.open(project_path, create=False) as project:
            try:
                # Texts are only read when writing; the outline counts them anyway.
                report = build_report(
                    project,
                    replace(options, include_full_texts=False),
                    cancelled=cancellable(progress),
                )
            except ExportCancelled:
                raise TaskCancelled from None
        return replace(report, options=options).outline()

    return task


def _export_task(
    project_path: Path,
    target: Path,
    options: ReportOptions,
    overwrite: bool,
    figures: Sequence[BriefingFigure] = (),
) -> Callable[[Progress], DocxSummary]:
    def task(progress: Progress) -> DocxSummary:
        from desktop.io.exporters.docx_report import export_docx

        with Project.open(project_path, create=False) as project:
            try:
                return export_docx(
                    project,
                    target,
                    options,
                    overwrite=overwrite,
                    progress=progress.report,
                    cancelled=cancellable(progress),
                    figures=figures,
                )
            except ExportCancelled:
                raise TaskCancelled from None

    return task


class ReportDialog(QDialog):
    """The report builder. Non-modal: the analyst can keep reading while it writes."""

    def __init__(
        self,
        project: Project,
        prefs: Settings,
        messenger: Messenger,
        *,
        current_document: int | None = None,
        author: str = "",
        choose_path: ChoosePath | None = None,
        open_url: OpenUrl | None = None,
        shown_figures: Callable[[], Mapping[str, object]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.shown_figures = shown_figures
        """What the window's figure docks show when the briefing is written: its figures are
        drawn as they are (the network's filters and positions); None on its own."""
        self.setWindowTitle(self.tr("Export Briefing"))
        fit_to_screen(self, 980, 720)
        self.project_path = project.path
        self.prefs = prefs
        self.messenger = messenger
        self.current_document = current_document
        self.choose_path = choose_path or choose_save_path
        self.open_url = open_url or QDesktopServices.openUrl
        self.task: TaskHandle | None = None
        self.left_out: list[str] = []  # why a figure was left out of the last briefing
        self.preview_task: TaskHandle | None = None
        self._preview_generation = 0
        # The outline follows the summary as it is typed, after a pause: a trial typed one
        # and the outline still said "Executive summary — paragraphs: 0".
        self._summary_timer = QTimer(self, singleShot=True, interval=SUMMARY_PAUSE_MS)
        self._summary_timer.timeout.connect(self.refresh_preview)
        self.outline: list[OutlineEntry] = []
        self.written: Path | None = None
        self._build(project, author)
        self.set_options(self._remembered(author))
        self._wire()
        self.refresh_preview()

    # --- construction ------------------------------------------------------------------
    def _build(self, project: Project, author: str) -> None:
        root = QVBoxLayout(self)
        # The options scroll on a small screen, the buttons below them always show.
        scroll = QScrollArea(self)
        scroll.setObjectName("report_options_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        options = QWidget(scroll)
        columns = QHBoxLayout(options)
        columns.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(options)
        root.addWidget(scroll, 1)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)

        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("report_title")
        self.title_edit.setPlaceholderText(report_text("default_title", "ar"))
        self.author_edit = QLineEdit(self)
        self.author_edit.setObjectName("report_author")
        self.author_edit.setPlaceholderText(author)
        self.date_edit = date_edit(self)
        self.date_edit.setObjectName("report_date")
        self.date_edit.setDate(QDate.currentDate())
        self.marking_box = QComboBox(self)
        self.marking_box.setObjectName("report_marking")
        self.marking_box.setEditable(True)
        self.marking_box.addItems(MARKINGS["ar"])
        follow_content(self.title_edit, self.author_edit, self.marking_box)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("report_language")
        self.language_box.addItem(self.tr("العربية (Arabic)"), "ar")
        self.language_box.addItem(self.tr("English"), "en")
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Author:"), self.author_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Handling:"), self.marking_box)
        form.addRow(self.tr("&Language:"), self.language_box)
        left.addLayout(form)

        scope_box = QGroupBox(self.tr("Scope"), self)
        scope = QGridLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[ScopeKind, QRadioButton] = {}
        scope_texts: tuple[tuple[ScopeKind, str], ...] = (
            ("current", self.tr("&Current article")),
            ("selected", self.tr("&Selected articles")),
            ("project", self.tr("&Whole project")),
            ("filter", self.tr("Saved &filter")),
        )
        for row, (kind, text) in enumerate(scope_texts):
            radio = QRadioButton(text, scope_box)
            radio.setObjectName(f"scope_{kind}")
            self.scope_group.addButton(radio, row)
            self.scope_buttons[kind] = radio
        scope.addWidget(self.scope_buttons["current"], 0, 0)
        scope.addWidget(self.scope_buttons["project"], 0, 1)
        scope.addWidget(self.scope_buttons["selected"], 1, 0, 1, 2)
        self.article_list = QListWidget(scope_box)
        self.article_list.setObjectName("report_articles")
        self.article_list.setMaximumHeight(112)
        self.article_list.setMinimumHeight(min(112, self.article_list.fontMetrics().height() * 5))
        self.documents = project.documents.summaries()
        titles = {s.id: s.title for s in self.documents}
        for summary in self.documents:
            # The date first, in a left-to-right isolate: after a long title it was elided out
            # of sight, and after an Arabic one a trial read «(10-03-2024)».
            date = summary.published or "—"
            item = QListWidgetItem(f"\u2066{date}\u2069  {isolate(summary.title)}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.article_list.addItem(item)
        scope.addWidget(self.article_list, 2, 0, 1, 2)
        scope.addWidget(self.scope_buttons["filter"], 3, 0, 1, 2)
        filters = QHBoxLayout()
        self.label_filter = QComboBox(scope_box)
        self.label_filter.setObjectName("filter_label")
        self.label_filter.addItem(self.tr("Any label"), None)
        for label in project.labels.all():
            self.label_filter.addItem(label_title(label), label.id)
        self.entity_filter = QComboBox(scope_box)
        self.entity_filter.setObjectName("filter_entity")
        self.entity_filter.addItem(self.tr("Any entity"), None)
        for entity in project.entities.summaries():
            self.entity_filter.addItem(entity.name, entity.id)
        self.status_filter = QComboBox(scope_box)
        self.status_filter.setObjectName("filter_status")
        self.status_filter.addItem(self.tr("Any claim status"), None)
        for status in STATUSES:
            self.status_filter.addItem(_both(status, report_text(f"status.{status}", "ar")), status)
        for combo in (self.label_filter, self.entity_filter, self.status_filter):
            filters.addWidget(combo)
        scope.addLayout(filters, 4, 0, 1, 2)
        current = titles.get(self.current_document or -1)
        self.scope_buttons["current"].setEnabled(current is not None)
        self.scope_buttons["current"].setToolTip(current or self.tr("No article is open."))
        left.addWidget(scope_box)

        sections_box = QGroupBox(
            self.tr("Sections (tick to include; drag, or use Up and Down, to order)"), self
        )
        sections = QHBoxLayout(sections_box)
        self.section_list = QListWidget(sections_box)
        self.section_list.setObjectName("report_sections")
        self.section_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.section_list.setMinimumHeight(
            self.section_list.fontMetrics().height() * 9  # all six sections at once
        )
        sections.addWidget(self.section_list, 1)
        arrows = QVBoxLayout()
        self.up_button = QPushButton(self.tr("Up"), sections_box)
        self.up_button.setObjectName("section_up")
        self.down_button = QPushButton(self.tr("Down"), sections_box)
        self.down_button.setObjectName("section_down")
        arrows.addWidget(self.up_button)
        arrows.addWidget(self.down_button)
        arrows.addStretch(1)
        sections.addLayout(arrows)
        left.addWidget(sections_box)
        self.full_texts = QCheckBox(
            self.tr("Include the &full text of each article, highlighted"), self
        )
        self.full_texts.setObjectName("report_full_texts")
        left.addWidget(self.full_texts)
        # Figures (issue 16): drawn by Qt at 300 dpi when the briefing is written.
        figures_row = QHBoxLayout()
        figures_row.addWidget(QLabel(self.tr("Figures:"), self))
        self.figure_boxes: dict[FigureId, QCheckBox] = {
            "network": QCheckBox(self.tr("Entity &network"), self),
            "timeline": QCheckBox(self.tr("Claim &timeline"), self),
        }
        for key, box in self.figure_boxes.items():
            box.setObjectName(f"report_figure_{key}")
            figures_row.addWidget(box)
        figures_row.addStretch(1)
        left.addLayout(figures_row)

        summary_label = QLabel(self.tr("Executive &summary:"), self)
        right.addWidget(summary_label)
        self.summary_edit = PlainTextField(parent=self)
        self.summary_edit.setObjectName("report_summary")
        summary_label.setBuddy(self.summary_edit)
        self.summary_edit.setPlaceholderText(self.tr("اكتب هنا خلاصة التحليل… / Your summary…"))
        right.addWidget(self.summary_edit, 3)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Outline:"), self))
        preview_row.addStretch(1)
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("report_preview")
        preview_row.addWidget(self.preview_button)
        right.addLayout(preview_row)
        self.preview_list = QListWidget(self)
        self.preview_list.setObjectName("report_outline")
        right.addWidget(self.preview_list, 2)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("report_progress")
        self.progress.setVisible(False)
        self.status = QStatusBar(self)
        self.status.setObjectName("report_status")
        self.status.setSizeGripEnabled(False)
        root.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        self.open_button = QPushButton(self.tr("&Open the Report"), self)
        self.open_button.setObjectName("report_open")
        self.open_button.setVisible(False)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("report_export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.setObjectName("report_cancel")
        for button in (self.open_button, self.export_button, self.cancel_button):
            buttons.addWidget(button)
        root.addLayout(buttons)
        self.label_filter.setMinimumWidth(120)

    def _wire(self) -> None:
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(+1))
        self.preview_button.clicked.connect(self.refresh_preview)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.open_button.clicked.connect(self.open_report)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.summary_edit.textChanged.connect(self._summary_direction)
        self.summary_edit.textChanged.connect(self._summary_timer.start)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.export)
        for combo in (self.label_filter, self.entity_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._filter_touched)
        self.article_list.itemChanged.connect(self._articles_touched)
        # A ticked figure is a section of its own in the outline: shown at once, as the boxes
        # sit right above it (a trial analyst ticked two and saw no figures listed).
        for box in self.figure_boxes.values():
            box.toggled.connect(self.refresh_preview)

    # --- options -----------------------------------------------------------------------
    def _remembered(self, author: str) -> ReportOptions:
        raw = self.prefs.project_value(self.project_path, OPTIONS_KEY, "")
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            data = {}
        options = ReportOptions.from_dict(data if isinstance(data, dict) else {})
        if not options.author:
            options = replace(options, author=author)
        if options.scope.kind == "current" and self.current_document is None:
            options = replace(options, scope=replace(options.scope, kind="project"))
        return options

    def remember(self) -> None:
        options = self.options()
        # The date is today's each time; everything else is what the analyst chose last.
        data = options.to_dict()
        data["date"] = ""
        self.prefs.set_project_value(
            self.project_path, OPTIONS_KEY, json.dumps(data, ensure_ascii=False)
        )

    def set_options(self, options: ReportOptions) -> None:
        self.title_edit.setText(options.title)
        self.author_edit.setText(options.author)
        if options.date:
            date = QDate.fromString(options.date, ISO_FORMAT)
            if date.isValid():
                self.date_edit.setDate(date)
        marking = options.marking or report_text("default_marking", options.language)
        index = self.marking_box.findText(marking)
        if index < 0:
            self.marking_box.addItem(marking)
            index = self.marking_box.count() - 1
        self.marking_box.setCurrentIndex(index)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(options.language)))
        scope = options.scope
        self.scope_buttons[scope.kind].setChecked(True)
        chosen = set(scope.document_ids) if scope.kind == "selected" else set()
        for row in range(self.article_list.count()):
            item = self.article_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for combo, value in (
            (self.label_filter, scope.filter.label_id),
            (self.entity_filter, scope.filter.entity_id),
            (self.status_filter, scope.filter.claim_status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.scope_buttons[scope.kind].setChecked(True)
        self.section_list.clear()
        included = list(options.sections)
        for key in [*included, *(s for s in SECTIONS if s not in included)]:
            item = QListWidgetItem(
                _both(STRINGS[f"section.{key}"][1], report_text(f"section.{key}", "ar"))
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(
                (item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsDropEnabled
            )
            item.setCheckState(
                Qt.CheckState.Checked if key in included else Qt.CheckState.Unchecked
            )
            self.section_list.addItem(item)
        self.section_list.setCurrentRow(0)
        self.full_texts.setChecked(options.include_full_texts)
        for figure, box in self.figure_boxes.items():
            box.setChecked(figure in options.figures)
        self.summary_edit.setPlainText(options.summary)
        self._language_changed()

    def options(self) -> ReportOptions:
        kind: ScopeKind = "project"
        for name, button in self.scope_buttons.items():
            if button.isChecked():
                kind = name
        ids: tuple[int, ...] = ()
        if kind == "current" and self.current_document is not None:
            ids = (self.current_document,)
        elif kind == "selected":
            ids = tuple(self.checked_articles())
        sections: list[SectionId] = []
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                sections.append(item.data(Qt.ItemDataRole.UserRole))
        return ReportOptions(
            title=self.title_edit.text().strip(),
            author=self.author_edit.text().strip(),
            date=iso(self.date_edit.date()),
            marking=self.marking_box.currentText().strip(),
            language=self.language_box.currentData(),
            scope=ReportScope(
                kind,
                ids,
                ReportFilter(
                    self.label_filter.currentData(),
                    self.entity_filter.currentData(),
                    self.status_filter.currentData(),
                ),
            ),
            sections=tuple(sections),
            summary=self.summary_edit.toPlainText(),
            include_full_texts=self.full_texts.isChecked(),
            figures=tuple(key for key in FIGURES if self.figure_boxes[key].isChecked()),
        )

    def checked_articles(self) -> list[int]:
        return [
            int(self.article_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.article_list.count())
            if self.article_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_scope(self, kind: ScopeKind) -> None:
        self.scope_buttons[kind].setChecked(True)

    def check_articles(self, document_ids: list[int]) -> None:
        wanted = set(document_ids)
        for row in range(self.article_list.count()):
            item = self.article_list.item(row)
            state = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def set_sections(self, sections: list[SectionId]) -> None:
        """Tick exactly ``sections``, in that order (the others follow, unticked)."""
        current = self.options()
        self.set_options(replace(current, sections=tuple(sections)))

    def move_section(self, step: int) -> None:
        row = self.section_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.section_list.count():
            return
        item = self.section_list.takeItem(row)
        self.section_list.insertItem(target, item)
        self.section_list.setCurrentRow(target)

    def _filter_touched(self) -> None:
        if any(c.currentData() is not None for c in self._filters()):
            self.scope_buttons["filter"].setChecked(True)

    def _filters(self) -> tuple[QComboBox, ...]:
        return (self.label_filter, self.entity_filter, self.status_filter)

    def _articles_touched(self, _item: QListWidgetItem) -> None:
        if self.checked_articles():
            self.scope_buttons["selected"].setChecked(True)

    def _language_changed(self) -> None:
        language: Language = "en" if self.language_box.currentData() == "en" else "ar"
        direction = (
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
        self.title_edit.setPlaceholderText(report_text("default_title", language))
        self._offer_markings(language)
        self.preview_list.setLayoutDirection(direction)
        for field in (self.title_edit, self.author_edit, self.marking_box):
            set_neutral(field, direction)  # while empty; typed in, each follows its text
        self._summary_direction()

    def _offer_markings(self, language: Language) -> None:
        """The marking presets in ``language``; a preset chosen in the other language becomes
        its counterpart, a marking the analyst typed stays as it is."""
        box = self.marking_box
        current = box.currentText().strip()
        presets = MARKINGS[language]
        if tuple(box.itemText(i) for i in range(len(presets))) == presets:
            return
        other = MARKINGS["en" if language == "ar" else "ar"]
        if current in other:
            current = presets[other.index(current)]
        box.blockSignals(True)
        box.clear()
        box.addItems(presets)
        index = box.findText(current)
        if index < 0 and current:
            box.addItem(current)
            index = box.count() - 1
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _summary_direction(self) -> None:
        """The summary editor follows what is typed (its first strong character, as
        follow_content lays out the text; the scroll bar goes to that side too); an empty
        editor starts on the report language's side."""
        want = first_strong(self.summary_edit.toPlainText())
        if want is None:
            rtl = self.language_box.currentData() != "en"
            want = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if self.summary_edit.layoutDirection() != want:
            self.summary_edit.setLayoutDirection(want)

    # --- preview -----------------------------------------------------------------------
    def refresh_preview(self) -> None:
        if self.preview_task is not None:
            self.preview_task.cancel()
        self.preview_list.clear()
        self.preview_list.addItem("…")
        options = self.options()
        # A cancelled outline that had already finished still reports: only the newest one
        # is shown (two figures ticked in a row showed the first tick's outline, and said
        # the preview was done, while the second was still being counted).
        self._preview_generation += 1
        generation = self._preview_generation
        self.preview_task = run_task(
            _outline_task(self.project_path, options),
            on_done=lambda outline: self._outline_done(generation, outline),
            on_error=lambda message, details: self._outline_failed(generation, message, details),
        )

    def _outline_done(self, generation: int, outline: list[OutlineEntry]) -> None:
        if generation == self._preview_generation:
            self._show_outline(outline)

    def _outline_failed(self, generation: int, message: str, details: str) -> None:
        if generation == self._preview_generation:
            self._preview_failed(message, details)

    def _show_outline(self, outline: list[OutlineEntry]) -> None:
        self.preview_task = None
        self.outline = outline
        self.preview_list.clear()
        if not outline:
            self.preview_list.addItem(self.tr("(no sections chosen)"))
        for entry in outline:
            self.preview_list.addItem(entry.line())

    def _preview_failed(self, message: str, _details: str) -> None:
        self.preview_task = None
        self.outline = []
        self.preview_list.clear()
        self.preview_list.addItem(message)

    # --- export ------------------------------------------------------------------------
    def suggested_path(self) -> str:
        base = export_folder(self.prefs, self.project_path, FOLDER_BRIEFING)
        options = self.options()
        title = options.title or report_text("default_title", options.language)
        return str(base / f"{_slug(title)}-{options.date or dt.date.today().isoformat()}.docx")

    def export(self) -> None:
        if self.task is not None:
            return
        options = self.options()
        if not options.sections and not options.include_full_texts:
            self.messenger.error(
                self.tr("Export Briefing"), self.tr("Choose at least one section to include.")
            )
            return
        if options.scope.kind == "selected" and not options.scope.document_ids:
            self.messenger.error(self.tr("Export Briefing"), self.tr("Tick at least one article."))
            return
        if options.scope.kind == "filter" and not options.scope.filter:
            self.messenger.error(
                self.tr("Export Briefing"),
                self.tr("Choose a label, an entity or a claim status to filter by."),
            )
            return
        name = self.choose_path(
            self,
            self.tr("Export Briefing"),
            self.suggested_path(),
            self.tr("Word documents (*.docx)"),
        )
        if not name:
            return
        # Checked here, before anything is built: a briefing takes seconds and memory.
        checked = checked_target(
            name, ".docx", self.project_path, self.messenger, self.tr("Export Briefing")
        )
        if checked is None:
            self.status.showMessage(self.tr("The report was not written."))
            return
        # An existing file is replaced: the analyst agreed (save dialog, checked_target).
        target = checked.path
        self.remember()
        remember_folder(self.prefs, FOLDER_BRIEFING, target.parent)
        self.written = None
        self.open_button.setVisible(False)
        figures = self._draw_figures(options)
        if figures is None:
            return
        self._busy(True)
        show_elided(self.status, self.tr("Writing {file}…").format(file=isolate(target.name)))
        self.task = run_task(
            _export_task(self.project_path, target, options, checked.existed, figures),
            on_done=self._exported,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )

    def _draw_figures(self, options: ReportOptions) -> list[BriefingFigure] | None:
        """The chosen figures, drawn here on the GUI thread (a scene and its fonts belong to
        it) before the writer starts; ``None`` after a failure, told, with nothing written."""
        if not options.figures:
            return []
        from PySide6.QtGui import QGuiApplication

        from desktop.core.errors import HamishError
        from desktop.ui.figures.briefing import briefing_figures

        self.status.showMessage(self.tr("Drawing the figures…"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.left_out = []
        try:
            with Project.open(self.project_path, create=False) as project:
                return briefing_figures(
                    project,
                    options.figures,
                    options.language,
                    options.scope,
                    self.left_out,
                    shown=self.shown_figures() if self.shown_figures is not None else None,
                )
        except HamishError as exc:
            self.status.showMessage(self.tr("The report was not written."))
            self.messenger.error(self.tr("Export Briefing"), str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for widget in (self.export_button, self.preview_button):
            widget.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Cancel") if busy else self.tr("Close"))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            # The writer names its steps by key ("claims", "saved") or by an article's title.
            step = PROGRESS_STEPS.get(message)
            self.status.showMessage(self.tr(step) if step else message)

    def _exported(self, summary: Any) -> None:
        self.task = None
        self._busy(False)
        self.written = summary.path
        counts = summary.counts
        parts = [
            self.tr("%n claim(s)", "", counts["claims"]),
            self.tr("%n contradiction(s)", "", counts["contradictions"]),
            self.tr("%n entity(ies)", "", counts["entities"]),
            self.tr("%n excerpt(s)", "", counts["excerpts"]),
            self.tr("%n source(s)", "", counts["sources"]),
        ]
        file, listed = isolate_path(summary.path.name), list_separator().join(parts)
        figures = counts.get("figures", 0)
        # The figures before the counts: a long message is cut at its end.
        wrote = (
            self.tr("Wrote {file} with %n figure(s): {counts}.", "", figures)
            if figures
            else self.tr("Wrote {file}: {counts}.")
        )
        show_elided(self.status, wrote.format(file=file, counts=listed))
        self.open_button.setVisible(True)
        self.open_button.setFocus()
        if self.left_out:  # a figure too large to draw: written without it, and said so
            self.messenger.info(self.tr("Export Briefing"), "\n".join(self.left_out))

    def _failed(self, message: str, details: str) -> None:
        self.task = None
        self._busy(False)
        self.status.showMessage(self.tr("The report was not written."))
        self.messenger.error(self.tr("Export Briefing"), message, details)

    def _cancelled(self) -> None:
        self.task = None
        self._busy(False)
        self.status.showMessage(self.tr("Cancelled; no file was written."))

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.showMessage(self.tr("Cancelling…"))
            return
        self.close()

    def open_report(self) -> None:
        if self.written is not None:
            self.open_url(QUrl.fromLocalFile(str(self.written)))

    def done(self, result: int) -> None:
        """Closing remembers the choices and stops any running work (the task's file is
        then never written)."""
        for handle in (self.task, self.preview_task):
            if handle is not None:
                handle.cancel()
        self.remember()
        super().done(result)
