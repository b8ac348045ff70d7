"""Find all mentions: untagged occurrences of an entity's aliases, in the open article or the
whole corpus, offered for review — accept one, accept all, reject. Decisions are stored, so
a rejected occurrence is not offered again."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.matching import AliasMatcher
from desktop.core.models import Entity
from desktop.core.spans import context
from desktop.store.project import Project
from desktop.ui.entities.dialogs import kwic_html
from desktop.ui.widgets.bidi import follow_content, isolate
from desktop.ui.widgets.html_delegate import HTML_ROLE, HtmlDelegate
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    from desktop.ui.shell.workers import TaskHandle

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    title: str
    entity_id: int


PART_SECONDS = 0.25
"""A search in a worker hands what it has found to the list at most this often (the first
candidates at once): often enough to look live, seldom enough that the list is not reset
for every group of articles."""

CORPUS_AT_ONCE = 2_000
"""Up to this many articles a corpus-wide search runs at once on the GUI thread (a fraction of a
second); above it, in a worker with progress, which the dialog can cancel."""


def candidate_documents(project: Project, matcher: AliasMatcher) -> list[int] | None:
    """The articles that can hold a mention, by id: those the search index finds one of the
    aliases' written forms in (with any it has not indexed yet), or None when it cannot tell,
    and every article must be read."""
    expression = matcher.fts_expression()
    if expression is None:
        return []
    found = project.search.candidate_documents(expression)
    return None if found is None else sorted(found)


GROUP_ARTICLES = 200
GROUP_CHARS = 4_000_000
"""Articles are read and matched in groups of up to this many articles and about this many
characters (at least one article): few enough that the first candidates come at once and long
reports are never all held together, enough that the matcher's work per call is shared."""


def find_candidates(
    project: Project,
    entity: Entity,
    document_ids: list[int] | None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[Candidate]:
    """Occurrences of the entity's name and aliases not yet tagged nor decided.

    Over the whole corpus (``document_ids`` None) only the articles the search index names as
    candidates are read and folded (issue 15), with the same result as reading every one.
    ``progress(done, total)`` is told as the articles are read and stops the search when it
    returns False (what is found so far is returned)."""
    found: list[Candidate] = []
    for group in iter_candidates(project, entity, document_ids, progress):
        found += group
    return found


def iter_candidates(
    project: Project,
    entity: Entity,
    document_ids: list[int] | None,
    progress: Callable[[int, int], bool] | None = None,
) -> Iterator[list[Candidate]]:
    """:func:`find_candidates` a group of articles at a time, newest article first: each
    group's candidates (maybe none), so the dialog shows the first ones while the rest of a
    common name's 100,000+ occurrences are still being found."""
    matcher = AliasMatcher([(entity.id, alias) for alias in (entity.name, *entity.aliases)])
    if document_ids is None:
        document_ids = candidate_documents(project, matcher)
    decided = project.decisions.all_decided("mention")
    # A dashed suggestion of the same occurrence, accepted or rejected in the reader, is
    # decided too: rejecting the registry's كيري there must not bring it back here.
    for document_id, spans in project.decisions.all_decided("suggestion").items():
        decided.setdefault(document_id, set()).update(spans)
    # Newest first, as the library lists them (ids read off an index: no row is read twice).
    listed = project.documents.newest_first(document_ids)
    kinds = {label.id: label.kind for label in project.labels.all()}
    annotated = project.documents.annotation_counts()  # only these have tags to look at
    total = len(listed)
    done = 0
    group: list[tuple[int, str, str]] = []
    size = 0
    rows = project.documents.titled_texts(listed)
    while True:
        row = next(rows, None)
        if row is not None:
            group.append(row)
            size += len(row[2])
            done += 1
            if len(group) < GROUP_ARTICLES and size < GROUP_CHARS and done < total:
                continue
        if not group:
            break
        if progress is not None and not progress(done, total):
            break
        yield _group_candidates(project, entity, matcher, group, decided, kinds, annotated)
        group, size = [], 0
        if row is None:
            break


def _group_candidates(
    project: Project,
    entity: Entity,
    matcher: AliasMatcher,
    group: list[tuple[int, str, str]],
    decided: dict[int, set[tuple[int, int, str]]],
    kinds: Mapping[int, str],
    annotated: dict[int, int],
) -> list[Candidate]:
    found: list[Candidate] = []
    entity_id = entity.id
    for (document_id, title, text), matches in zip(
        group, matcher.find_many([text for _, _, text in group]), strict=True
    ):
        if not matches:
            continue
        # Only entity-like tags hide an occurrence: a name inside a tagged claim is still an
        # untagged mention of the entity.
        tagged = [
            (a.start, a.end)
            for a in (
                project.annotations.for_document(document_id) if document_id in annotated else ()
            )
            if kinds.get(a.label_id) in ("entity", "span") or a.entity_id is not None
        ]
        skip = decided.get(document_id)
        for match in matches:
            start, end = match.start, match.end
            if tagged and any(s < end and start < e for s, e in tagged):
                continue
            quote, prefix, suffix = context(text, start, end)
            if skip and (start, end, quote) in skip:
                continue
            found.append(
                Candidate(document_id, start, end, quote, prefix, suffix, title, entity_id)
            )
    return found


class CandidateModel(QAbstractTableModel):
    """The candidates as rows (article, occurrence), read lazily: the occurrence's line is made
    when a row is painted, from its article's text fetched then (a few recent ones kept).

    Why not one item per candidate: a common name offers 100,000+ occurrences, and building an
    item and a line for each (reading every article again) froze the window for many seconds;
    a model costs nothing per row until the view asks for it."""

    TEXTS_KEPT = 64

    def __init__(self, project: Project, headers: tuple[str, str], parent: QObject) -> None:
        super().__init__(parent)
        self.project = project
        self.headers = headers
        self.rows: list[Candidate] = []
        self._texts: dict[int, str] = {}
        self.fetched = 0  # articles read for painted rows (tests: only the visible ones)

    def set_candidates(self, candidates: list[Candidate]) -> None:
        self.beginResetModel()
        self.rows = list(candidates)  # its own list: add_candidates extends it
        self._texts = {}
        self.endResetModel()

    def add_candidates(self, candidates: list[Candidate]) -> None:
        """Rows found later by a search still running, at the end of the list."""
        if not candidates:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(candidates) - 1)
        self.rows += candidates
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        candidate = self.rows[index.row()]
        if role == CANDIDATE_ROLE:
            return candidate
        if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
            return candidate.title
        if index.column() == 1 and role == HTML_ROLE:
            text = self._text(candidate.document_id)
            return kwic_html(text, candidate.start, candidate.end)
        return None

    def _text(self, document_id: int) -> str:
        text = self._texts.get(document_id)
        if text is None:
            self.fetched += 1
            text = self.project.documents.texts([document_id]).get(document_id, "")
            if len(self._texts) >= self.TEXTS_KEPT:
                del self._texts[next(iter(self._texts))]  # the oldest read
            self._texts[document_id] = text
        return text


class MentionsDialog(QDialog):
    """Lists candidates; the tagging controller runs accept/reject as undoable operations,
    and with ``add_alias(entity_id, alias)`` (an undoable edit, True when made) another name
    can be added and searched for at once."""

    accept_requested = Signal(list)  # list[Candidate]
    reject_requested = Signal(list)
    open_requested = Signal(int, int, int)
    searched = Signal()  # a search in the worker has ended (found, failed)

    def __init__(
        self,
        project: Project,
        entity: Entity,
        current_document: int | None,
        parent: QWidget | None = None,
        *,
        add_alias: Callable[[int, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find All Mentions — {name}").format(name=isolate(entity.name)))
        self.resize(780, 520)
        self.project = project
        self.entity = entity
        self.current_document = current_document
        self.add_alias = add_alias
        layout = QVBoxLayout(self)
        aliases = "، ".join(dict.fromkeys((entity.name, *entity.aliases)))
        self.aliases_label = QLabel(self._aliases_text(aliases), self)
        layout.addWidget(self.aliases_label)
        # Another name to search for (e.g. the surname alone): added to the entity, undoably.
        alias_row = QHBoxLayout()
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("mention_alias")
        self.alias_edit.setPlaceholderText(self.tr("Add alias…"))
        self.alias_edit.installEventFilter(self)  # Enter adds the alias, not Accept
        follow_content(self.alias_edit)
        self.alias_button = QPushButton(icon("mdi6.plus"), self.tr("Add Alias"), self)
        self.alias_button.setObjectName("mention_add_alias")
        self.alias_button.setAutoDefault(False)
        self.alias_button.setEnabled(False)
        self.alias_edit.textChanged.connect(
            lambda text: self.alias_button.setEnabled(bool(text.strip()))
        )
        self.alias_button.clicked.connect(self._add_alias)
        alias_row.addWidget(self.alias_edit, 1)
        alias_row.addWidget(self.alias_button)
        layout.addLayout(alias_row)
        for widget in (self.alias_edit, self.alias_button):
            widget.setVisible(add_alias is not None)
        scope = QHBoxLayout()
        self.in_article = QRadioButton(self.tr("Open article"), self)
        self.in_corpus = QRadioButton(self.tr("All articles"), self)
        self.in_article.setEnabled(current_document is not None)
        (self.in_article if current_document is not None else self.in_corpus).setChecked(True)
        scope.addWidget(self.in_article)
        scope.addWidget(self.in_corpus)
        scope.addStretch(1)
        self.count = QLabel(self)
        scope.addWidget(self.count)
        layout.addLayout(scope)
        # A table, not a tree: a tree view lays out every row again when rows are added or
        # the list is set (0.9 s on the GUI thread for 194,000 candidates, at each part a
        # search hands over); a table of rows of one height costs nothing per row.
        self.list = QTableView(self)
        self.list.setObjectName("mention_candidates")
        self.model = CandidateModel(project, (self.tr("Article"), self.tr("Occurrence")), self)
        self.list.setModel(self.model)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size query
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.horizontalHeader().setHighlightSections(False)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setItemDelegateForColumn(1, HtmlDelegate(self.list))
        self.list.setColumnWidth(0, 220)
        self.list.doubleClicked.connect(self._open)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.accept_button = QPushButton(icon("mdi6.check"), self.tr("Accept"), self)
        self.accept_all_button = QPushButton(icon("mdi6.check-all"), self.tr("Accept All"), self)
        self.reject_button = QPushButton(icon("mdi6.close"), self.tr("Reject"), self)
        for button in (self.accept_button, self.accept_all_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(lambda: self._emit(self.accept_requested, False))
        self.accept_all_button.clicked.connect(lambda: self._emit(self.accept_requested, True))
        self.reject_button.clicked.connect(lambda: self._emit(self.reject_requested, False))
        self.in_article.toggled.connect(lambda _on: self.refresh())
        self.corpus_at_once = CORPUS_AT_ONCE
        self._task: TaskHandle | None = None
        self._generation = 0
        self._progress = (0, 0)  # articles searched, of how many (a search in a worker)
        self.refresh()

    def refresh(self) -> None:
        self._stop_search()
        corpus = not (self.in_article.isChecked() and self.current_document)
        if corpus and self.project.documents.count() > self.corpus_at_once:
            self._search_in_worker()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = self.current_document
            scope = None if corpus or document is None else [document]
            candidates = find_candidates(self.project, self.entity, scope)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(candidates)

    def _search_in_worker(self) -> None:
        """The whole corpus of a large project: in a worker on a connection of its own, with
        progress in the count's place; a new search or closing the dialog cancels it."""
        from desktop.ui.shell.workers import Progress, run_task

        path, entity = str(self.project.path), self.entity
        self._generation += 1
        generation = self._generation

        def work(progress: Progress) -> list[Candidate]:
            """Candidates are handed to the list as they are found: the first group at once,
            then at most every PART_SECONDS; the rest with the end."""
            with Project.open(path, create=False) as project:

                def tell(done: int, total: int) -> bool:
                    progress.report(done, total)
                    return not progress.cancelled

                pending: list[Candidate] = []
                handed = 0.0
                for found in iter_candidates(project, entity, None, tell):
                    pending += found
                    if pending and time.monotonic() - handed >= PART_SECONDS:
                        progress.deliver(pending)
                        pending = []
                        handed = time.monotonic()
                return pending

        def current() -> bool:
            return generation == self._generation

        self.model.set_candidates([])
        self._progress = (0, 0)
        self._set_busy(True)
        self.count.setText(self.tr("Searching the articles…"))
        self._task = run_task(
            work,
            on_done=lambda found: self._found(found) if current() else None,
            on_error=lambda message, _details: self._failed(message) if current() else None,
            on_progress=lambda done, total, _message: (
                self._searching(done, total) if current() else None
            ),
            on_part=lambda found: self._add(found) if current() else None,
        )

    def _searching(self, done: int, total: int) -> None:
        self._progress = (done, total)
        found = self.model.rowCount()
        if found:
            text = self.tr(
                "%n untagged occurrence(s) so far; searching the articles: {done} of {total}",
                "",
                found,
            )
        else:
            text = self.tr("Searching the articles: {done} of %Ln", "", total)
        self.count.setText(text.format(done=f"{done:,}", total=f"{total:,}"))

    def _add(self, candidates: list[Candidate]) -> None:
        """The first candidates of a search still running: listed, and the chosen ones can
        be accepted or rejected already (Accept All waits for the end)."""
        first = not self.model.rows
        self.model.add_candidates(candidates)
        if first and candidates:
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.accept_button.setEnabled(True)
            self.reject_button.setEnabled(True)
        self._searching(*self._progress)

    def _found(self, candidates: list[Candidate]) -> None:
        self._task = None
        self._set_busy(False)
        self._add(candidates)
        self._show_count()
        self.searched.emit()

    def _failed(self, message: str) -> None:
        from desktop.ui.errors import error_text

        self._task = None
        self._set_busy(False)
        self.count.setText(error_text(message))
        self.searched.emit()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.accept_button, self.accept_all_button, self.reject_button):
            button.setEnabled(not busy)

    def _stop_search(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._set_busy(False)

    @property
    def searching(self) -> bool:
        return self._task is not None

    def done(self, result: int) -> None:
        self._stop_search()
        super().done(result)

    def _show(self, candidates: list[Candidate]) -> None:
        self.model.set_candidates(candidates)
        if candidates:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n untagged occurrence(s)", "", self.model.rowCount()))

    def candidates(self, everything: bool) -> list[Candidate]:
        if everything:
            return list(self.model.rows)
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.model.rows[row] for row in rows]

    def _emit(self, signal: object, everything: bool) -> None:
        chosen = self.candidates(everything)
        if chosen:
            signal.emit(chosen)  # type: ignore[attr-defined]
            self.refresh()

    def _aliases_text(self, aliases: str) -> str:
        return self.tr("Aliases searched (with و ف ب ك ل before them): {aliases}").format(
            aliases=aliases
        )

    def _add_alias(self) -> None:
        alias = self.alias_edit.text().strip()
        if not alias or self.add_alias is None:
            return
        if not self.add_alias(self.entity.id, alias):
            return
        self.entity = self.project.entities.get(self.entity.id)
        aliases = "، ".join(dict.fromkeys((self.entity.name, *self.entity.aliases)))
        self.aliases_label.setText(self._aliases_text(aliases))
        self.alias_edit.clear()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.alias_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_alias()
            return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        candidate: Candidate = self.model.rows[index.row()]
        self.open_requested.emit(candidate.document_id, candidate.start, candidate.end)
