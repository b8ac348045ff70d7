"""What the Review Queue does: fills its table from the engine, filters it, and accepts,
rejects or shows suggestions.

Accept and reject are the reader's own operations (``ops.plan_suggestion`` +
``ops.add_annotations``, ``ops.reject_candidates``), all the chosen rows in one call: one
store transaction, one undo step, one change set that every view follows (the reader's dashes
too). Undo brings the suggestions back, as their articles are done again. The threshold moves
the queue's rows at once, and after a pause is saved and sent to the reader
(``threshold_changed``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox

from desktop import settings
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ops import annotations as ops
from desktop.ui.commands.session import ProjectSession
from desktop.ui.errors import error_text
from desktop.ui.i18n import label_name, label_title, term
from desktop.ui.reader.suggestions import SOURCE_NAMES, source_name, threshold
from desktop.ui.review.dock import ReviewDock
from desktop.ui.review.engine import Pending, ReviewEngine
from desktop.ui.review.legend import LegendDialog
from desktop.ui.review.model import ROW_ROLE, SCORE, ReviewModel, RowKey
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import isolate_short


def _floor(source: str, label_key: str, value: float) -> float:
    from desktop.learn import pending

    return pending.floor(source, label_key, value)


class ReviewController(QObject):
    threshold_changed = Signal(float)  # saved already: the reader follows

    SETTLE_MS = 400  # after the slider stops, before the threshold is saved and recomputed

    def __init__(self, api: WindowApi, dock: ReviewDock, *, dark: Callable[[], bool]) -> None:
        super().__init__(api)
        self.api = api
        self.dock = dock
        self._dark = dark
        self.legend: LegendDialog | None = None
        self._decided_at: int | None = None
        """The position of the row a decision made current, until the analyst moves: the
        next A or R acts there. When the decided article was looked through again, its
        rows re-sorted and the current row, followed by its key, jumped far down the queue
        (row 3 to row 46, found by a trial: the next R seemed to do nothing)."""
        value = threshold(api.prefs)
        self.engine = ReviewEngine(api, value)
        self.model = ReviewModel(self._label_name, self._title, _floor, self)
        self.model.filters.threshold = value
        dock.view.setModel(self.model)
        self._first_row_wanted = False
        """The keyboard came for the queue's first row (``take_keyboard``) and the analyst has
        not moved since: rows that arrive above it — the queue is still being gathered, surest
        first — keep the first row current. The current row was pushed out of sight while the
        context under a slim table still spoke of it (a trial)."""
        self._keep_first = QTimer(self)
        self._keep_first.setSingleShot(True)
        self._keep_first.setInterval(0)
        self._keep_first.timeout.connect(self._keep_first_row)
        self.model.rowsInserted.connect(self._rows_came)
        self.model.modelReset.connect(self._rows_came)
        self.model.layoutChanged.connect(self._rows_came)
        dock.view.empty_message = self.empty_message
        dock.view.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        dock.fit_columns([source_name(s) for s in SOURCE_NAMES])
        dock.set_threshold(round(value * 100))
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self.apply_threshold)

        engine = self.engine
        engine.updated.connect(self._replace)
        engine.removed.connect(self.model.remove_documents)
        engine.reset.connect(self._reset)
        engine.progress.connect(self._progress)
        engine.titles_changed.connect(self._fill_articles)
        dock.visibilityChanged.connect(engine.set_active)
        dock.filters_changed.connect(self._filter)
        dock.threshold_changed.connect(self._threshold_moved)
        # The window's Help → Suggestion Legend: its icon follows the theme with the others.
        dock.legend.setDefaultAction(api.actions[ActionId.SUGGESTION_LEGEND])
        dock.view.accept_requested.connect(self.accept)
        dock.view.reject_requested.connect(self.reject)
        dock.view.open_requested.connect(self.show_current)
        dock.view.doubleClicked.connect(lambda _index: self.show_current())
        dock.view.navigated.connect(self._moved)
        dock.filters_changed.connect(self._moved)
        api.session_attached.connect(self._attach)
        self._fill_sources()
        if api.has_session:
            self._attach(api.session)
        engine.set_active(dock.isVisible())

    # --- filling ---------------------------------------------------------------------------
    def _attach(self, session: ProjectSession) -> None:
        session.changed.connect(self._changed)
        self._fill_labels()
        self._fill_articles()

    def _changed(self, changes: ChangeSet) -> None:
        if changes.labels_changed:
            self._fill_labels()
            self.model.resort()

    def _replace(self, found: dict[int, list[Pending]]) -> None:
        """New rows for some articles, keeping the analyst's place: the current row stays
        current when it is still pending, else the row that took its place becomes current
        (an article done again after an accept replaced every one of its rows, and the next
        A or R then acted on nothing)."""
        view = self.dock.view
        index = view.currentIndex()
        current = index.data(ROW_ROLE) if index.isValid() else None
        position = index.row() if index.isValid() else None
        chosen = [row.key for row in self.chosen()][:500]
        self.model.replace(found)
        if position is None or not self.model.rowCount():
            return
        if self._decided_at is not None:
            self._select_at(self._decided_at)
            return
        key = current.key if isinstance(current, Pending) else None
        if key is not None and self.model.shown_row(key) is not None:
            view.selectionModel().clearSelection()
            self._select(chosen or [key], key)
            return
        self._select_at(min(position, self.model.rowCount() - 1))

    def empty_message(self) -> str:
        """Why the queue shows no row: its filters (the threshold among them) hide every one,
        or nothing is pending; nothing while the articles are still being looked through
        (the progress bar says so)."""
        if self.model.rows():
            return self.tr("No suggestion matches these filters or the threshold.")
        if self.dock.progress.isVisible():
            return ""
        return self.tr("No suggestions pending.")

    def _reset(self) -> None:
        self.model.clear()

    def _moved(self) -> None:
        self._decided_at = None
        self._first_row_wanted = False

    def _select_at(self, row: int) -> None:
        """The row at ``row`` (or the last) current and alone selected."""
        view = self.dock.view
        count = self.model.rowCount()
        if not count:
            return
        index = self.model.index(min(row, count - 1), 0)
        # Not view.selectRow: in a right-to-left view it makes current the column under the
        # viewport's right edge, none when the columns do not reach it — the Arabic queue lost
        # its current row after every decision, and the next A or R did nothing (two trials).
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        view.selectionModel().setCurrentIndex(index, flags)
        view.scrollTo(index)

    def take_keyboard(self) -> None:
        """The keyboard in the queue, on its current row (the first when none is): shown by
        its shortcut, the queue left the keyboard in the article, where Down, Space and Enter
        moved the caret (a trial reached for the mouse)."""
        view = self.dock.view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid():
            self._select_at(0)
            self._first_row_wanted = True

    def _rows_came(self) -> None:
        """Rows arrived: the first kept current while the keyboard came for it and the analyst
        has not moved (``_first_row_wanted``) — once the rows of this turn are in. Each row
        made it current again, with its context laid out under a slim table: 40,000 rows of
        one long article took 16 s (an attack)."""
        if self._first_row_wanted and not self._keep_first.isActive():
            self._keep_first.start()

    def _keep_first_row(self) -> None:
        if not self._first_row_wanted or not self.model.rowCount():
            return
        view = self.dock.view
        if not view.hasFocus():  # the analyst went elsewhere
            self._first_row_wanted = False
        elif view.currentIndex().row() != 0:
            self._select_at(0)

    def _label_name(self, key: str) -> str:
        session = self.api.session if self.api.has_session else None
        label = session.label_by_key(key) if session is not None else None
        # The interface language's name alone ("Organisation", «منظمة»): the column shows it
        # whole (``ReviewDock.fit_labels``); both names were cut to «Org…» in a laptop's dock.
        return label_name(label, term(key)) if label is not None else term(key)

    def _title(self, document_id: int) -> str:
        return self.engine.titles.get(document_id, "")

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: Sequence[tuple[str, object]]) -> None:
        """The combo's items again, keeping the chosen one if it is still there."""
        chosen = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        at = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(blocked)
        if combo.currentData() != chosen:
            combo.currentIndexChanged.emit(combo.currentIndex())

    def _fill_labels(self) -> None:
        if not self.api.has_session:
            return
        labels = [
            (label_title(label), label.key)
            for label in self.api.session.labels
            if label.kind in ("entity", "claim")
        ]
        self._refill(self.dock.labels, self.tr("All labels"), labels)
        self.dock.fit_labels(
            [
                self._label_name(label.key)
                for label in self.api.session.labels
                if label.kind in ("entity", "claim")
            ]
        )

    def _fill_sources(self) -> None:
        items: list[tuple[str, object]] = [(source_name(s), s) for s in SOURCE_NAMES]
        self._refill(self.dock.sources, self.tr("All sources"), items)

    def _fill_articles(self) -> None:
        titles = sorted(self.engine.titles.items(), key=lambda item: item[1].casefold())
        items: list[tuple[str, object]] = [(isolate_short(t, 60), d) for d, t in titles]
        self._refill(self.dock.articles, self.tr("All articles"), items)

    def _filter(self, *, threshold: float | None = None) -> None:
        dock = self.dock
        label, source, document = (
            dock.labels.currentData(),
            dock.sources.currentData(),
            dock.articles.currentData(),
        )
        chosen = [row.key for row in self.chosen()][:500]
        current = dock.view.currentIndex().data(ROW_ROLE)
        changed = self.model.set_filters(
            label=label if isinstance(label, str) else None,
            source=source if isinstance(source, str) else None,
            document=document if isinstance(document, int) else None,
            text=dock.filter.text(),
            threshold=self.model.filters.threshold if threshold is None else threshold,
        )
        if changed:
            self._select(chosen, current.key if isinstance(current, Pending) else None)

    def _select(self, keys: list[RowKey], current: RowKey | None) -> None:
        """The rows of ``keys`` selected again (those still shown), after a new filter."""
        view = self.dock.view
        selection = view.selectionModel()
        if selection is None:
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for key in keys:
            row = self.model.shown_row(key)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.shown_row(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            view.scrollTo(self.model.index(row, 0))

    def _progress(self, done: int, total: int) -> None:
        bar = self.dock.progress
        if total <= 0:
            bar.hide()
            return
        bar.setRange(0, total)
        bar.setValue(done)
        bar.setFormat(self.tr("Looking for suggestions: %v of %m articles"))
        bar.show()

    # --- the threshold ---------------------------------------------------------------------
    def _threshold_moved(self, percent: int) -> None:
        """At once in the queue; saved, recomputed and sent to the reader after a pause."""
        self._filter(threshold=percent / 100)
        self._settle.start()

    def apply_threshold(self) -> None:
        self._settle.stop()
        value = self.dock.threshold.value() / 100
        if value == threshold(self.api.prefs) and value == self.engine.threshold:
            return
        self.api.prefs.set(settings.SUGGESTION_THRESHOLD, value)
        self.engine.set_threshold(value)
        self.threshold_changed.emit(value)

    # --- acting ----------------------------------------------------------------------------
    def chosen(self) -> list[Pending]:
        rows = [index.data(ROW_ROLE) for index in self.dock.current_rows()]
        return [row for row in rows if isinstance(row, Pending)]

    def accept(self) -> bool:
        """Tag every chosen suggestion: one undo step."""
        rows = self.chosen()
        if not rows or not self.api.has_session:
            return False
        session = self.api.session
        project = session.project
        texts: dict[int, str] = {}
        plans = []
        try:
            for row in rows:
                s = row.suggestion
                label = session.label_by_key(s.label_key)
                if label is None:
                    self.api.show_status(
                        self.tr("There is no “{label}” label any more.").format(
                            label=term(s.label_key)
                        ),
                        5000,
                    )
                    return False
                doc = row.document_id
                if doc not in texts:
                    texts[doc] = project.documents.get(doc).text
                plans.append(
                    ops.plan_suggestion(
                        project,
                        texts[doc],
                        doc,
                        s.start,
                        s.end,
                        label,
                        session.author,
                        entity_id=s.entity_id,
                        is_entity=s.kind == "entity",
                        claimant=s.claimant,
                        claimant_span=s.claimant_span,
                        entity_name=s.name,
                    )
                )
            if len(plans) == 1:
                name = self.tr("Accept suggestion “{quote}”").format(
                    quote=isolate_short(plans[0].draft.quote, 28)
                )
            else:
                name = self.tr("Accept %n suggestion(s)", "", len(plans))
            session.run(partial(ops.add_annotations, plans=plans, text=name))
        except HamishError as error:
            self.api.show_status(error_text(str(error)), 6000)
            return False
        self._done(rows)
        return True

    def reject(self) -> bool:
        """Reject every chosen suggestion: one undo step; not offered again."""
        rows = self.chosen()
        if not rows or not self.api.has_session:
            return False
        session = self.api.session
        texts: dict[int, str] = {}
        candidates = []
        try:
            for row in rows:
                s, doc = row.suggestion, row.document_id
                if doc not in texts:
                    texts[doc] = session.project.documents.get(doc).text
                quote = texts[doc][s.start : s.end]
                candidates.append(ops.Candidate("suggestion", doc, s.start, s.end, quote))
            session.run(partial(ops.reject_candidates, candidates=candidates))
        except HamishError as error:
            self.api.show_status(error_text(str(error)), 6000)
            return False
        self._done(rows)
        return True

    def _done(self, rows: list[Pending]) -> None:
        """The rows go at once; the row that takes their place becomes the current one."""
        first = min((i.row() for i in self.dock.current_rows()), default=0)
        self.model.remove(rows)
        self._select_at(first)
        self._decided_at = first

    def show_current(self) -> None:
        """The current suggestion, selected in the reader; the keyboard stays in the queue
        (a trial: after Space, A, R and Enter went to the article until the queue was
        clicked again)."""
        view = self.dock.view
        index: QModelIndex = view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, Pending):
            s = row.suggestion
            had_focus = view.hasFocus()
            self.api.open_at(row.document_id, s.start, s.end)
            if had_focus:
                view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_legend(self) -> None:
        if self.legend is None:
            self.legend = LegendDialog(self.api.widget, dark=self._dark())
            self.legend.finished.connect(lambda _r: setattr(self, "legend", None))
            self.legend.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.legend.show()
        self.legend.raise_()
