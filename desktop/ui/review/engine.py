"""The pending suggestions of every article of the project, found a few articles at a time.

A project of 1,500 articles takes about half a minute of the rules' and the model's time, so
nothing is computed on the GUI thread but the reading of each article's inputs (its text,
tags and decisions: a millisecond): every step reads :data:`ReviewEngine.CHUNK` articles, a
worker finds their suggestions (:func:`desktop.learn.pending.compute`, the reader's own
computation), and the next step waits for the event loop, so typing and painting go on.

Results are cached per article. A change set marks the articles it names stale, to be done
first; a change to the registry or the labels, a new model or threshold marks them all (their
rows stay shown until they are done again). The engine works only while someone wants it —
the review dock is shown — and says how far it is (``progress``).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.arabic import fold_words
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ui.commands.session import ProjectSession
from desktop.ui.errors import error_text
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, run_task

if TYPE_CHECKING:
    from desktop.core.suggest import Suggestion
    from desktop.learn.pending import Reading


@dataclass(frozen=True, slots=True)
class Pending:
    """One row of the queue: a suggestion, its article and the words around it."""

    document_id: int
    suggestion: Suggestion
    before: str
    after: str
    folded: str = ""  # the text, folded: sorting by text
    words: str = ""  # the text with its context, folded: the filter field looks here
    glued: tuple[bool, bool] = (False, False)
    """Whether the words before and after touch the suggestion in the article (no space
    between: و before جبهة النصرة, a full stop after it), so that the context is shown as
    written — «داعش و جبهة النصرة .» misquoted «داعش وجبهة النصرة.» (a trial)."""

    def around(self, middle: str, before: str | None = None, after: str | None = None) -> str:
        """``middle`` (the suggestion as shown) between the words before and after it (or
        the given ones: cut, escaped), a space only where the article has one."""
        before = self.before if before is None else before
        after = self.after if after is None else after
        left = "" if self.glued[0] or not before else " "
        right = "" if self.glued[1] or not after else " "
        return f"{before}{left}{middle}{right}{after}"

    @property
    def key(self) -> tuple[int, int, int, str]:
        s = self.suggestion
        return (self.document_id, s.start, s.end, s.label_key)


def _find(readings: list[Reading], progress: Progress) -> dict[int, list[Pending]]:
    """Runs in a worker: no database, no widgets."""
    from desktop.learn import pending

    found: dict[int, list[Pending]] = {}
    for reading in readings:
        progress.check()
        rows = []
        for s in pending.compute(reading):
            before, after = pending.context(reading.text, s.start, s.end)
            folded = fold_words(s.text)
            words = f"{fold_words(before)} {folded} {fold_words(after)}"
            text = reading.text
            glued = (
                bool(before) and not text[s.start - 1].isspace(),
                bool(after) and not text[s.end].isspace(),
            )
            rows.append(Pending(reading.document_id, s, before, after, folded, words, glued))
        found[reading.document_id] = rows
    return found


class ReviewEngine(QObject):
    updated = Signal(object)  # {document id: [Pending, …]}: those articles' rows, replaced
    removed = Signal(object)  # [document id, …]: articles gone, with their rows
    reset = Signal()  # another project (or none): every row goes
    progress = Signal(int, int)  # articles done, articles to do in this pass (0, 0: idle)
    titles_changed = Signal()

    CHUNK = 6  # articles per step: about a tenth of a second of work on news articles

    def __init__(self, api: WindowApi, threshold: float) -> None:
        super().__init__(api)
        self.api = api
        self.threshold = threshold
        self.session: ProjectSession | None = None
        self.cache: dict[int, list[Pending]] = {}
        self.titles: dict[int, str] = {}
        self._stale: dict[int, None] = {}  # ordered: the articles to (re)do, first first
        self._active = False
        self._loaded = False  # the project's articles read (on the dock's first showing)
        self._busy = False
        self._generation = 0
        self._done = 0
        self._total = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        api.session_attached.connect(self.attach)
        api.session_detaching.connect(self.detach)
        api.closing.connect(self.detach)
        if api.has_session:
            self.attach(api.session)

    # --- the project -----------------------------------------------------------------------
    def attach(self, session: ProjectSession) -> None:
        self.detach()
        self.session = session
        session.changed.connect(self._changed)
        self._loaded = False
        if self._active:
            self._load()

    def _load(self) -> None:
        """Every article of the project, to do: only once the queue is shown (issue 15: at a
        million articles, reading every title and filling the article filter took the window
        a minute and hundreds of MB, for a dock most sessions never open)."""
        self._loaded = True
        self._read_titles()
        self._mark(list(self.titles))

    def detach(self) -> None:
        self._generation += 1
        self._timer.stop()
        self.session = None  # the old session is deleted with its signal
        self._loaded = False
        self.cache = {}
        self.titles = {}
        self._stale = {}
        self._busy = False
        self._done = self._total = 0
        self.reset.emit()
        self.progress.emit(0, 0)

    def _read_titles(self) -> None:
        if self.session is None:
            return
        documents = self.session.project.documents
        self.titles = {doc: title for doc, title, _source in documents.titles_and_sources()}
        self.titles_changed.emit()

    # --- what to do ------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Work only while wanted (the dock is shown); the cache stays meanwhile."""
        self._active = active
        if active and self.session is not None and not self._loaded:
            self._load()
        if active:
            self._timer.start()

    def set_threshold(self, threshold: float) -> None:
        if threshold != self.threshold:
            self.threshold = threshold
            self.invalidate()

    def invalidate(self) -> None:
        """Every article again (a new model, threshold or registry); rows stay until then."""
        if self._loaded:
            self._mark(list(self.titles), first=False)

    @property
    def busy(self) -> bool:
        """Articles are waiting to be done, or being done."""
        return bool(self._stale) or self._busy

    def _mark(self, documents: list[int], *, first: bool = True) -> None:
        """Articles to do again: ``first`` before those already waiting."""
        fresh = [d for d in documents if d not in self._stale]
        if first:
            rest = [d for d in self._stale if d not in documents]
            self._stale = dict.fromkeys([*documents, *rest])
        else:
            self._stale.update(dict.fromkeys(fresh))
        self._total += len(fresh)
        if self._stale and self._active:
            self._timer.start()
        self._report()

    def _changed(self, changes: ChangeSet) -> None:
        if self.session is None or self.sender() not in (self.session, None):
            return  # the project that was closed
        if not self._loaded:
            return  # every article is read when the queue is first shown
        if changes.documents_reloaded:
            before = set(self.titles)
            self._read_titles()
            self._drop([d for d in before if d not in self.titles])
            self._mark(list(self.titles))
            return
        if changes.documents_removed:
            self._drop(list(changes.documents_removed))
        added = [d for d in changes.documents_added if d not in self.titles]
        changed = [d for d in changes.documents_changed if d in self.titles]
        # A tag or an untag changes its article's annotations, never its title.
        retitled = [] if _annotations_only(changes) else changed
        if added or retitled:
            project = self.session.project if self.session is not None else None
            if project is not None:
                # Titles only: reading the whole article (1 MB) cost 13 ms a tag.
                with contextlib.suppress(HamishError):
                    for summary in project.documents.summaries([*added, *retitled]):
                        self.titles[summary.id] = summary.title
            self.titles_changed.emit()
        if added or changed:
            self._mark([*changed, *added])
        if changes.entities_changed or changes.labels_changed:
            self.invalidate()  # a new name or alias may be suggested anywhere

    def _drop(self, documents: list[int]) -> None:
        gone = [d for d in documents if d in self.titles or d in self.cache]
        for doc in documents:
            self.titles.pop(doc, None)
            self.cache.pop(doc, None)
            self._stale.pop(doc, None)
        if gone:
            self.removed.emit(gone)
            self.titles_changed.emit()

    # --- the work --------------------------------------------------------------------------
    def _step(self) -> None:
        if not self._active or self._busy or self.session is None or not self._stale:
            self._report()
            return
        from desktop.learn import pending, tagger

        project = self.session.project
        batch = list(self._stale)[: self.CHUNK]
        for doc in batch:
            del self._stale[doc]
        try:
            aliases = project.entities.all_aliases()
            refused = tagger.refused(project)
            own_labels = project.entities.own_label_keys()
            try:
                model = tagger.current_model(project)
            except HamishError:
                model = None
            readings = [
                pending.read(
                    project,
                    doc,
                    self.threshold,
                    aliases=aliases,
                    refused=refused,
                    model=model,
                    own_labels=own_labels,
                )
                for doc in batch
                if doc in self.titles
            ]
        except HamishError as error:  # the project file went away under us
            self.api.show_status(error_text(str(error)), 6000)
            return
        self._busy = True
        generation = self._generation

        def done(found: dict[int, list[Pending]]) -> None:
            if generation != self._generation:
                return
            self._busy = False
            # An article changed again meanwhile is done again next: these rows are old.
            fresh = {d: rows for d, rows in found.items() if d not in self._stale}
            fresh = {d: rows for d, rows in fresh.items() if d in self.titles}
            changed = {d: rows for d, rows in fresh.items() if self.cache.get(d) != rows}
            self.cache.update(fresh)
            self._done += len(batch)
            if changed:
                self.updated.emit(changed)
            self._report()
            self._timer.start()

        def failed(message: str, _details: str) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._done += len(batch)
            # A rule bug in one article must not stop the others.
            self.api.show_status(
                self.tr("Suggestions unavailable: {error}").format(error=message), 6000
            )
            self._report()
            self._timer.start()

        run_task(lambda progress: _find(readings, progress), on_done=done, on_error=failed)

    def _report(self) -> None:
        if not self._stale and not self._busy:
            self._done = self._total = 0
        self.progress.emit(self._done, self._total)


def _annotations_only(changes: ChangeSet) -> bool:
    """The change set of an edit to annotations: its articles are named only because their
    annotations changed (their titles and texts are as they were)."""
    return bool(
        changes.annotations_added or changes.annotations_removed or changes.annotations_changed
    )
