"""Find all mentions: untagged occurrences of an entity's aliases, in the open article or the
whole corpus, offered for review — accept one, accept all, reject. Decisions are stored, so
a rejected occurrence is not offered again."""

from __future__ import annotations

import itertools
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
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

from desktop.core.matching import AliasMatcher, TokenPlan
from desktop.core.records import Entity
from desktop.core.spans import context
from desktop.store.project import Project
from desktop.ui.entities.dialogs import kwic_html
from desktop.ui.widgets.bidi import follow_content, isolate
from desktop.ui.widgets.fit import fit_to_screen
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


READ_AT_ONCE = 200
"""Up to this many articles listed by the index and not read yet are read on the GUI thread
when their rows are accepted or rejected; more (Accept All), in a worker with progress."""


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
    resolver = Resolver(project, entity)
    if document_ids is None:
        document_ids = candidate_documents(project, resolver.matcher)
    # Newest first, as the library lists them (ids read off an index: no row is read twice).
    listed = project.documents.newest_first(document_ids)
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
        yield [c for found in resolver.candidates(group) for c in found]
        group, size = [], 0
        if row is None:
            break


def _matcher(entity: Entity) -> AliasMatcher:
    return AliasMatcher([(entity.id, alias) for alias in (entity.name, *entity.aliases)])


class Resolver:
    """An entity's candidates in given articles: the matcher's mentions less those tagged or
    decided already. Built once per search (it reads the project's decisions)."""

    def __init__(self, project: Project, entity: Entity) -> None:
        self.project = project
        self.entity = entity
        self.matcher = _matcher(entity)
        decided = project.decisions.all_decided("mention")
        # A dashed suggestion of the same occurrence, accepted or rejected in the reader, is
        # decided too: rejecting the registry's كيري there must not bring it back here.
        for document_id, spans in project.decisions.all_decided("suggestion").items():
            decided.setdefault(document_id, set()).update(spans)
        self.decided = decided
        self.kinds = {label.id: label.kind for label in project.labels.all()}
        self.annotated = project.documents.annotation_counts()  # only these have tags

    def needs_text(self, document_id: int) -> bool:
        """Whether an article's untagged mentions can differ from all its mentions."""
        return document_id in self.annotated or document_id in self.decided

    def candidates(self, group: list[tuple[int, str, str]]) -> list[list[Candidate]]:
        """The candidates of each ``(id, title, text)``, in its order."""
        found: list[list[Candidate]] = []
        entity_id = self.entity.id
        for (document_id, title, text), matches in zip(
            group, self.matcher.find_many([text for _, _, text in group]), strict=True
        ):
            here: list[Candidate] = []
            found.append(here)
            if not matches:
                continue
            # Only entity-like tags hide an occurrence: a name inside a tagged claim is still
            # an untagged mention of the entity.
            tagged = [
                (a.start, a.end)
                for a in (
                    self.project.annotations.for_document(document_id)
                    if document_id in self.annotated
                    else ()
                )
                if self.kinds.get(a.label_id) in ("entity", "span") or a.entity_id is not None
            ]
            skip = self.decided.get(document_id)
            for match in matches:
                start, end = match.start, match.end
                if tagged and any(s < end and start < e for s, e in tagged):
                    continue
                quote, prefix, suffix = context(text, start, end)
                if skip and (start, end, quote) in skip:
                    continue
                here.append(
                    Candidate(document_id, start, end, quote, prefix, suffix, title, entity_id)
                )
        return found

    def read(self, document_ids: list[int]) -> dict[int, tuple[str, list[Candidate]]]:
        """Each article's title and candidates, read and matched a group at a time."""
        found: dict[int, tuple[str, list[Candidate]]] = {}
        group: list[tuple[int, str, str]] = []
        size = 0
        rows = self.project.documents.titled_texts(document_ids)  # one at a time
        for row in itertools.chain(rows, [None]):
            if row is not None:
                group.append(row)
                size += len(row[2])
                if len(group) < GROUP_ARTICLES and size < GROUP_CHARS:
                    continue
            for (document_id, title, _), candidates in zip(
                group, self.candidates(group), strict=True
            ):
                found[document_id] = (title, candidates)
            group, size = [], 0
        return found


@dataclass(slots=True)
class Listing:
    """Every article with a candidate, newest first, and how many it holds (:func:`listing`):
    ``found`` gives the candidates of the articles read already, ``check`` the articles whose
    count the index gives but a tag or a decision may lower (read after the list is shown)."""

    documents: list[int]
    counts: list[int]
    found: dict[int, list[Candidate]]
    check: list[int]


def listing(project: Project, entity: Entity) -> Listing | None:
    """The candidates' articles and counts from the search index alone (issue 15); None when
    the index cannot tell (then every article is read).

    The index counts each article's mentions from its tokens (:class:`TokenPlan`: the clitic
    forms of the aliases' words are chosen once; SQLite counts them where the words around them
    cannot change the count) without reading any text. Articles the index has not caught up
    with are read and matched at once. The offsets and lines of the others are found when
    their rows are shown (:class:`CandidateModel`) or acted on; those where a tag or a
    decision may hide a mention are read next (``check``), a few hundred at a time."""
    resolver = Resolver(project, entity)
    plan = resolver.matcher.token_plan()
    counted = plan.counted_terms()
    counts: dict[int, int] | None
    if counted is not None:
        counts = project.search.occurrence_counts(counted)
    else:
        rows = project.search.occurrences(plan.needed)
        counts = None if rows is None else _token_counts(plan, rows)
    if counts is None:
        return None
    read = {d: found for d, (_, found) in resolver.read(project.search.unindexed()).items()}
    documents: list[int] = []
    numbers: list[int] = []
    for document_id in _newest_first(project, {*counts, *read}):
        found = read.get(document_id)
        count = counts[document_id] if found is None else len(found)
        if count:
            documents.append(document_id)
            numbers.append(count)
    check = [d for d in documents if d not in read and resolver.needs_text(d)]
    return Listing(documents, numbers, {d: f for d, f in read.items() if f}, check)


@dataclass(frozen=True, slots=True)
class Checked:
    """The candidates of listed articles, read after the list was shown (:func:`listing`)."""

    found: dict[int, list[Candidate]]


def check_listing(
    project: Project,
    entity: Entity,
    document_ids: list[int],
    progress: Callable[[int, int], bool] | None = None,
) -> dict[int, list[Candidate]]:
    """The candidates of these articles, read and matched a group at a time (all of them, or
    those read before ``progress`` returned False)."""
    resolver = Resolver(project, entity)
    found: dict[int, list[Candidate]] = {}
    total = len(document_ids)
    for start in range(0, total, GROUP_ARTICLES):
        if progress is not None and not progress(start, total):
            break
        part = document_ids[start : start + GROUP_ARTICLES]
        found.update((d, f) for d, (_, f) in resolver.read(part).items())
    else:
        if progress is not None:
            progress(total, total)
    return found


def _token_counts(plan: TokenPlan, rows: list[tuple[int, int, str]]) -> dict[int, int]:
    """Each article's mentions, from its tokens' ``(document, position, term)``."""
    tokens: dict[int, dict[int, str]] = {}
    for document_id, position, term in rows:
        held = tokens.get(document_id)
        if held is None:
            tokens[document_id] = held = {}
        held[position] = term
    return {document_id: len(plan.count(held)) for document_id, held in tokens.items()}


def _newest_first(project: Project, ids: set[int]) -> list[int]:
    """``ids`` in the library's order. Most of a large project: every id off the date index,
    kept if wanted (sending tens of thousands of ids to SQLite to look up cost more)."""
    if len(ids) * 4 > project.documents.count():
        return [i for i in project.documents.newest_first() if i in ids]
    return list(project.documents.newest_first(ids))


class CandidateModel(QAbstractTableModel):
    """The candidates as rows (article, occurrence), read lazily: the occurrence's line is made
    when a row is painted, from its article's text fetched then (a few recent ones kept).

    Why not one item per candidate: a common name offers 100,000+ occurrences, and building an
    item and a line for each (reading every article again) froze the window for many seconds;
    a model costs nothing per row until the view asks for it.

    Rows come in blocks, one per article (or per run of one article's candidates): a block
    either holds its candidates or, listed from the search index (:func:`listing`), only how
    many there are; its candidates are then found when one of its rows is painted or chosen
    (``resolver``). Where they are fewer than the index counted (:class:`TokenPlan` says when
    that can be), the block's extra rows are removed then."""

    TEXTS_KEPT = 64
    CORRECTIONS_ONE_BY_ONE = 64
    """Up to this many blocks whose number of rows changes are changed row by row (the
    selection and the scroll position kept); more, and the list is set again."""

    def __init__(self, project: Project, headers: tuple[str, str], parent: QObject) -> None:
        super().__init__(parent)
        self.project = project
        self.headers = headers
        self._resolver: Resolver | None = None
        self._make_resolver: Callable[[], Resolver] | None = None
        self._documents: list[int] = []  # each block's article
        self._counts: list[int] = []  # each block's rows
        self._ends: list[int] = []  # the row after each block
        self._found: dict[int, list[Candidate]] = {}  # by block: its candidates, once found
        self._blocks: dict[int, int] = {}  # an article's (last) block
        self._texts: dict[int, str] = {}
        self.fetched = 0  # articles read for painted rows (tests: only the visible ones)

    # --- filling ------------------------------------------------------------------------
    def set_candidates(self, candidates: list[Candidate]) -> None:
        self.beginResetModel()
        self._clear()
        self._append(candidates)
        self.endResetModel()

    def set_listing(self, found: Listing, resolver: Callable[[], Resolver]) -> None:
        """Rows from the search index: each article's candidates found when needed, by the
        resolver made on first use (nothing is read before a row is shown or chosen)."""
        self.beginResetModel()
        self._clear()
        self._resolver, self._make_resolver = None, resolver
        self._documents = list(found.documents)
        self._counts = list(found.counts)
        self._ends = list(itertools.accumulate(self._counts))
        self._blocks = {document_id: b for b, document_id in enumerate(self._documents)}
        for document_id, candidates in found.found.items():
            self._found[self._blocks[document_id]] = candidates
        self.endResetModel()

    def _clear(self) -> None:
        self._documents, self._counts, self._ends = [], [], []
        self._found, self._blocks, self._texts = {}, {}, {}

    def add_candidates(self, candidates: list[Candidate]) -> None:
        """Rows found later by a search still running, at the end of the list."""
        if not candidates:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(candidates) - 1)
        self._append(candidates)
        self.endInsertRows()

    def _append(self, candidates: list[Candidate]) -> None:
        end = self._ends[-1] if self._ends else 0
        for document_id, run in itertools.groupby(candidates, key=lambda c: c.document_id):
            block = len(self._documents)
            found = list(run)
            end += len(found)
            self._documents.append(document_id)
            self._counts.append(len(found))
            self._ends.append(end)
            self._found[block] = found
            self._blocks[document_id] = block

    def correct(self, found: Mapping[int, list[Candidate]]) -> None:
        """The candidates of these listed articles, as reading them found: their rows follow
        (rows removed where the index counted more, or a tag or decision hides some)."""
        self.settle(self.supply(found))

    def supply(self, found: Mapping[int, list[Candidate]]) -> list[int]:
        """The candidates of these listed articles, the rows left as they are for now (row
        numbers taken before stay right); returns the blocks whose rows are to change."""
        changed = []
        for document_id, candidates in found.items():
            block = self._blocks.get(document_id)
            if block is None:
                continue
            self._found[block] = candidates
            if len(candidates) != self._counts[block]:
                changed.append(block)
        return changed

    def settle(self, changed: list[int]) -> None:
        """The rows of blocks whose candidates are fewer (or more) than their rows."""
        changed = [b for b in changed if len(self._found[b]) != self._counts[b]]
        if len(changed) > self.CORRECTIONS_ONE_BY_ONE:
            self.beginResetModel()
            for block in changed:
                self._counts[block] = len(self._found[block])
            self._ends = list(itertools.accumulate(self._counts))
            self.endResetModel()
            return
        for block in changed:
            self._recount(block)

    def _recount(self, block: int) -> None:
        new = len(self._found[block])
        old = self._counts[block]
        first = self._ends[block] - old
        if new < old:
            self.beginRemoveRows(QModelIndex(), first + new, first + old - 1)
        elif new > old:
            self.beginInsertRows(QModelIndex(), first + old, first + new - 1)
        else:
            return
        self._counts[block] = new
        shift = new - old
        ends = self._ends
        for b in range(block, len(ends)):
            ends[b] += shift
        if new < old:
            self.endRemoveRows()
        else:
            self.endInsertRows()

    # --- reading ------------------------------------------------------------------------
    def resolver(self) -> Resolver | None:
        """What finds the candidates of listed articles (None for rows given whole)."""
        if self._resolver is None and self._make_resolver is not None:
            self._resolver = self._make_resolver()
        return self._resolver

    def _locate(self, row: int) -> tuple[int, int]:
        block = bisect_right(self._ends, row)
        return block, row - (self._ends[block] - self._counts[block])

    def candidate(self, row: int) -> Candidate | None:
        """The candidate of a row, found now if its article's are not yet; None for a row
        about to be removed (the index counted more than there are)."""
        block, offset = self._locate(row)
        found = self._found.get(block)
        if found is None:
            found = self._resolve(block)
        return found[offset] if offset < len(found) else None

    def pending(self, rows: Iterable[int] | None = None) -> list[int]:
        """The articles whose candidates are not found yet, of these rows or of all."""
        blocks = range(len(self._documents)) if rows is None else {self._locate(r)[0] for r in rows}
        return [self._documents[b] for b in sorted(blocks) if b not in self._found]

    def candidates(self, rows: Iterable[int] | None = None) -> list[Candidate]:
        """The candidates of these rows (or of all), in order; articles whose candidates are
        not found yet are read now (:meth:`supply` them first from a worker when many). Rows
        the index counted too many give none, and are removed afterwards."""
        wanted = [self._locate(r) for r in (range(self.rowCount()) if rows is None else rows)]
        missing = sorted({block for block, _ in wanted if block not in self._found})
        resolver = self.resolver()
        if missing and resolver is not None:
            read = resolver.read([self._documents[b] for b in missing])
            for block in missing:
                self._found[block] = read.get(self._documents[block], ("", []))[1]
        chosen = []
        for block, offset in wanted:
            found = self._found.get(block, [])
            if offset < len(found):
                chosen.append(found[offset])
        self.settle(missing)
        return chosen

    def _resolve(self, block: int) -> list[Candidate]:
        document_id = self._documents[block]
        resolver = self.resolver()
        if resolver is None:
            return []
        self.fetched += 1
        rows = list(self.project.documents.titled_texts([document_id]))
        found = resolver.candidates(rows)[0] if rows else []
        self._found[block] = found
        if rows:
            self._keep(document_id, rows[0][2])
        if len(found) != self._counts[block]:
            # Not while the view is asking for data: once it has painted.
            QTimer.singleShot(
                0, lambda: self._recount(block) if self._found.get(block) is found else None
            )
        return found

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return self._ends[-1] if self._ends else 0

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
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if role not in (CANDIDATE_ROLE, Qt.ItemDataRole.DisplayRole, HTML_ROLE):
            return None
        candidate = self.candidate(index.row())
        if role == CANDIDATE_ROLE:
            return candidate
        if candidate is None:
            return None
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
            self._keep(document_id, text)
        return text

    def _keep(self, document_id: int, text: str) -> None:
        if len(self._texts) >= self.TEXTS_KEPT:
            del self._texts[next(iter(self._texts))]  # the oldest read
        self._texts[document_id] = text


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
        fit_to_screen(self, 780, 520)
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
        self.read_at_once = READ_AT_ONCE
        self._checking = False  # reading the tagged articles of a list from the index
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
        progress in the count's place; a new search or closing the dialog cancels it.

        The search index lists every article with candidates and their number at once
        (:func:`listing`); the articles where a tag or a decision may hide some are read after
        (``Checked``). When the index cannot tell, every article is read, a group at a time,
        and the candidates handed to the list as they are found."""
        from desktop.ui.shell.workers import Progress, run_task

        path, entity = str(self.project.path), self.entity
        self._generation += 1
        generation = self._generation

        def work(progress: Progress) -> object:
            """Candidates are handed to the list as they are found: the first group at once,
            then at most every PART_SECONDS; the rest with the end."""
            with Project.open(path, create=False) as project:

                def tell(done: int, total: int) -> bool:
                    progress.report(done, total)
                    return not progress.cancelled

                listed = listing(project, entity)
                if listed is not None:
                    progress.deliver(listed)
                    return Checked(check_listing(project, entity, listed.check, tell))
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
        self._checking = False
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
        if self._checking:
            text = self.tr(
                "%n untagged occurrence(s); checking the tagged articles: {done} of {total}",
                "",
                found,
            )
        elif found:
            text = self.tr(
                "%n untagged occurrence(s) so far; searching the articles: {done} of {total}",
                "",
                found,
            )
        else:
            text = self.tr("Searching the articles: {done} of %Ln", "", total)
        self.count.setText(text.format(done=f"{done:,}", total=f"{total:,}"))

    def _add(self, candidates: list[Candidate] | Listing) -> None:
        """The first candidates of a search still running (or all of them, listed by the
        index): listed, and the chosen ones can be accepted or rejected already (Accept All
        waits for the end)."""
        first = not self.model.rowCount()
        if isinstance(candidates, Listing):
            self.model.set_listing(candidates, partial(Resolver, self.project, self.entity))
            self._checking = bool(candidates.check)
            self._progress = (0, len(candidates.check))
        else:
            self.model.add_candidates(candidates)
        if first and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.accept_button.setEnabled(True)
            self.reject_button.setEnabled(True)
        self._searching(*self._progress)

    def _found(self, candidates: list[Candidate] | Checked) -> None:
        self._task = None
        self._checking = False
        self._set_busy(False)
        if isinstance(candidates, Checked):
            self.model.correct(candidates.found)
        else:
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
        """The candidates of every row or of the chosen ones (articles listed by the index
        and not read yet are read now)."""
        if everything:
            return self.model.candidates()
        return self.model.candidates(self._chosen_rows())

    def _chosen_rows(self) -> list[int]:
        return sorted(index.row() for index in self.list.selectionModel().selectedRows())

    def _emit(self, signal: object, everything: bool) -> None:
        rows = None if everything else self._chosen_rows()
        missing = self.model.pending(rows)
        if len(missing) > self.read_at_once:
            self._read_then_emit(signal, everything, missing)
            return
        chosen = self.candidates(everything)
        if chosen:
            signal.emit(chosen)  # type: ignore[attr-defined]
            self.refresh()

    def _read_then_emit(self, signal: object, everything: bool, missing: list[int]) -> None:
        """Accept All (or a large choice) of a list from the index: the articles not read
        yet are read in a worker, with progress, and then the candidates go as one edit."""
        from desktop.ui.shell.workers import Progress, run_task

        path, entity = str(self.project.path), self.entity
        self._generation += 1
        generation = self._generation
        rows = None if everything else self._chosen_rows()

        def work(progress: Progress) -> Checked:
            with Project.open(path, create=False) as project:

                def tell(done: int, total: int) -> bool:
                    progress.report(done, total)
                    return not progress.cancelled

                return Checked(check_listing(project, entity, missing, tell))

        def done(checked: Checked) -> None:
            if generation != self._generation:
                return
            self._task = None
            self._set_busy(False)
            changed = self.model.supply(checked.found)
            chosen = self.model.candidates(None if everything else rows)
            self.model.settle(changed)  # the rows of the articles read follow
            self._show_count()
            if chosen:
                signal.emit(chosen)  # type: ignore[attr-defined]
                self.refresh()

        self._set_busy(True)
        self.count.setText(self.tr("Reading the articles…"))
        self._task = run_task(
            work,
            on_done=done,
            on_error=lambda message, _details: (
                self._failed(message) if generation == self._generation else None
            ),
            on_progress=lambda done, total, _message: (
                self.count.setText(
                    self.tr("Reading the articles: {done} of %Ln", "", total).format(
                        done=f"{done:,}"
                    )
                )
                if generation == self._generation
                else None
            ),
        )

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
        candidate = self.model.candidate(index.row())
        if candidate is not None:
            self.open_requested.emit(candidate.document_id, candidate.start, candidate.end)
