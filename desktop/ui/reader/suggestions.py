"""Suggestions in the reader: candidate names after titles, known aliases from the registry,
places and organisations from the gazetteer, claim sentences with their claimant, and the
entities the project's model (trained on the analyst's tags, ``desktop.learn``) finds, drawn
with a dashed underline. Where the model and a rule offer overlapping names, the higher score
stays; the claim classifier (trained on the analyst's claims) scores the claims, and leaves
out those below the threshold.

Enter on a suggestion accepts it (an annotation, linked to its entity or claimant, in one undo
step), Delete rejects it; both decisions are stored so a suggestion never comes back. The
analyst can turn suggestions off."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu

from desktop import settings
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ops import annotations as ops
from desktop.settings import Settings
from desktop.ui.commands.session import ProjectSession
from desktop.ui.errors import error_text
from desktop.ui.i18n import QT_TRANSLATE_NOOP, label_name, label_title, term
from desktop.ui.reader.highlighter import Span
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, run_task
from desktop.ui.widgets.bidi import isolate, isolate_short
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:  # the rules compile many patterns on import; load them after first paint
    from desktop.core.suggest import Suggestion

SUGGESTION_COLOR = "#7b61c9"


def _span(span_id: int, suggestion: Suggestion) -> Span:
    return Span(
        span_id,
        suggestion.start,
        suggestion.end,
        "suggestion",
        SUGGESTION_COLOR,
        score=suggestion.score,
    )


SOURCE_NAMES: dict[str, str] = {
    "rule": QT_TRANSLATE_NOOP("Suggestions", "Rule"),
    "registry": QT_TRANSLATE_NOOP("Suggestions", "Registry"),
    "gazetteer": QT_TRANSLATE_NOOP("Suggestions", "Gazetteer"),
    "model": QT_TRANSLATE_NOOP("Suggestions", "Model"),
}
"""Where a suggestion comes from, as the tooltip, the menu, the queue and the legend say."""


def source_name(source: str) -> str:
    text = SOURCE_NAMES.get(source)
    return QCoreApplication.translate("Suggestions", text) if text else source


def percent(score: float) -> str:
    """A score as the interface shows it: "82 %"."""
    return QCoreApplication.translate("Suggestions", "{score} %").format(score=round(score * 100))


def confidence(suggestion: Suggestion) -> str:
    """Its source and score: "Model, 82 %"; "Rule, lowered by the model, 55 %" where the
    model judged a rule's, the gazetteer's or the registry's suggestion less sure than its
    source (else a rule at 55 % reads as a contradiction of the rule's 90 %)."""
    source = source_name(suggestion.source)
    if suggestion.lowered:
        source = QCoreApplication.translate("Suggestions", "{source}, lowered by the model").format(
            source=source
        )
    return QCoreApplication.translate("Suggestions", "{source}, {score}").format(
        source=source, score=percent(suggestion.score)
    )


def threshold(prefs: Settings) -> float:
    """The threshold setting, kept within 0..1 (a hand-edited file may hold anything)."""
    return min(1.0, max(0.0, prefs.get(settings.SUGGESTION_THRESHOLD)))


class SuggestionController(QObject):
    ready = Signal()  # suggestions of the open article are shown

    def __init__(self, api: WindowApi, reader: ReaderPane) -> None:
        super().__init__(api)
        self.reader = reader
        self.status = api
        self.session: ProjectSession | None = None
        self.enabled = True
        self.items: dict[int, Suggestion] = {}  # span id (negative) → suggestion
        # Suggestions a new tag hid, by annotation id, to show again at once if it is undone.
        self._covered: dict[int, list[Suggestion]] = {}
        self._covered_doc: int | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # after the article's first paint
        self._timer.timeout.connect(self.refresh)
        api.session_attached.connect(self.attach)
        api.session_detaching.connect(self.detach)
        api.closing.connect(self.detach)
        api.document_opened.connect(lambda _doc: self._opened())
        if api.has_session:
            self.attach(api.session)

    SETTLE_MS = 700  # after the last edit, before suggestions are recomputed
    FIRST_MS = 150  # after an article opens (its first paint comes first)
    LONG_TEXT = 250_000  # characters: above this the rules take most of a second …
    LONG_IDLE_MS = 2500  # … so they wait until the analyst pauses, not to compete with tagging

    def _delay(self, normal: int) -> int:
        return self.LONG_IDLE_MS if len(self.reader.text.text_cp) > self.LONG_TEXT else normal

    def schedule(self) -> None:
        """Refresh once the event loop is free: an article paints first, then gets its
        suggestions (the rules take a little while to load and run)."""
        self._timer.start(self._delay(self.FIRST_MS))

    def _opened(self) -> None:
        """An article went into the reader: the suggestions shown went with the one before
        (a new span index), so they are forgotten, not removed span by span from the new
        index at the next refresh (17,000 look-ups for nothing after a 1 MB article), and a
        computation still running for it is not shown."""
        self._generation += 1
        self.items = {}
        self.schedule()

    def detach(self) -> None:
        """The project is closing: nothing may touch it any more."""
        self._timer.stop()
        self._generation += 1
        self.session = None
        self._covered = {}

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        session.changed.connect(self._changed)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.refresh()

    def _changed(self, changes: ChangeSet) -> None:
        doc = self.reader.document_id
        if doc is None:
            return
        if changes.annotations_added and self.session is not None and self.items:
            # Drop at once the suggestions a new tag covers, so the dashed line never lingers
            # under a fresh highlight; the full recomputation follows when tagging pauses.
            # Only the paragraphs of the new tags are looked at.
            from desktop.learn import pending

            index = self.reader.text.index
            for annotation in self.session.annotations(changes.annotations_added):
                if annotation.document_id != doc:
                    continue
                covered = pending.skipper([(annotation.start, annotation.end)], (), "")
                first = index.block_of(annotation.start)
                last = index.block_of(max(annotation.start, annotation.end - 1))
                gone = {
                    span.id
                    for block in range(first, last + 1)
                    for span in index.in_block(block)
                    if span.id in self.items and covered(span.start, span.end)
                }
                if gone:
                    self.reader.text.remove_spans(list(gone))
                    hidden = self._covered.setdefault(annotation.id, [])
                    for span_id in gone:
                        hidden.append(self.items.pop(span_id))
        if changes.annotations_removed and self._covered:
            # An untag or undo gives back at once what its tag hid; the recomputation follows.
            back = [s for i in changes.annotations_removed for s in self._covered.pop(i, ())]
            if back and self.enabled and self._covered_doc == doc:
                self._restore(back)
        touched = (
            changes.annotations_added
            or changes.annotations_removed
            or changes.entities_changed
            or doc in changes.documents_changed
        )
        if touched:
            # Debounced: a burst of tags on a long article costs one recomputation, not one
            # per key press competing with the painting for the interpreter.
            self._timer.start(self._delay(self.SETTLE_MS))

    def refresh(self) -> None:
        """Recompute the open article's suggestions in the background: the rules take a
        few milliseconds on a news article but up to a second on a 1 MB one."""
        self._timer.stop()
        self._generation += 1
        text = self.reader.text
        doc = self.reader.document_id
        if doc != self._covered_doc:
            self._covered = {}
            self._covered_doc = doc
        if not self.enabled or self.session is None or doc is None:
            self._clear()
            return
        from desktop.learn import pending

        reading = pending.read(
            self.session.project, doc, threshold(self.status.prefs), text=text.text_cp
        )
        generation = self._generation

        def compute(_progress: Progress) -> list[Suggestion]:
            return pending.compute(reading)

        def done(found: list[Suggestion]) -> None:
            if generation == self._generation and self.reader.document_id == doc:
                # The suggestions shown stay until their successors are ready: cleared when
                # the computation started, every dashed line of the article vanished for a
                # second after each decision (a trial).
                self._clear()
                self._show(found)

        def failed(message: str, _details: str) -> None:
            # A rule bug must never cost the analyst the article.
            self.status.show_status(
                self.tr("Suggestions unavailable: {error}").format(error=message), 6000
            )

        run_task(compute, on_done=done, on_error=failed)

    def _clear(self) -> None:
        self.reader.text.remove_spans(list(self.items))
        self.items = {}

    def _show(self, found: list[Suggestion]) -> None:
        spans = []
        for number, suggestion in enumerate(found, start=1):
            span_id = -number
            self.items[span_id] = suggestion
            spans.append(_span(span_id, suggestion))
        self.reader.text.add_spans(spans)
        self.ready.emit()

    def set_threshold(self, value: float) -> None:
        """The threshold changed (it is saved already): the suggestions it now hides go at
        once, and the article's are computed again (a lower one lets more through)."""
        if not self.items:
            self.schedule()
            return
        from desktop.learn import pending

        gone = [i for i, s in self.items.items() if not pending.shown(s, value)]
        if gone:
            self.reader.text.remove_spans(gone)
            for span_id in gone:
                del self.items[span_id]
        self._timer.start(self.SETTLE_MS)

    def _restore(self, suggestions: list[Suggestion]) -> None:
        shown = {(s.start, s.end, s.label_key) for s in self.items.values()}
        next_id = min(self.items, default=0) - 1
        spans = []
        for suggestion in suggestions:
            if (suggestion.start, suggestion.end, suggestion.label_key) in shown:
                continue
            shown.add((suggestion.start, suggestion.end, suggestion.label_key))
            self.items[next_id] = suggestion
            spans.append(_span(next_id, suggestion))
            next_id -= 1
        self.reader.text.add_spans(spans)

    def at_cursor(self) -> Suggestion | None:
        text = self.reader.text
        cursor = text.textCursor()
        position = text.umap.to_cp(cursor.selectionStart())
        for span in text.index.at(position):
            if span.id in self.items:
                return self.items[span.id]
        return None

    def tooltip(self, span_id: int) -> str | None:
        suggestion = self.items.get(span_id)
        if suggestion is None:
            return None
        kind = self._label_name(suggestion.label_key)
        sure = confidence(suggestion)
        if suggestion.source == "model" and suggestion.claimant:
            return self.tr(
                "Suggested {label} — claimant: {claimant}, learnt from your claims — "
                "{confidence} (Enter accepts, Delete rejects)"
            ).format(
                label=kind,
                claimant=isolate_short(suggestion.claimant, 40),
                confidence=sure,
            )
        # Every entity suggestion names what accepting it tags, as the gazetteer's did: a
        # rule's or the registry's said only "Suggested Person" (issue 14).
        name = isolate_short(self._suggested_name(suggestion), 40)
        if suggestion.source == "model" and suggestion.kind == "entity":
            return self.tr(
                "Suggested {label} “{name}”, learnt from your tags — {confidence} "
                "(Enter accepts, Delete rejects)"
            ).format(label=kind, name=name, confidence=sure)
        if suggestion.source == "model":
            return self.tr(
                "Suggested {label}, learnt from your tags — {confidence} "
                "(Enter accepts, Delete rejects)"
            ).format(label=kind, confidence=sure)
        if suggestion.source == "gazetteer":
            return self.tr(
                "Suggested {label} “{name}”, from Hamish's list of places and organisations "
                "— {confidence} (Enter accepts, Delete rejects)"
            ).format(label=kind, name=name, confidence=sure)
        if suggestion.claimant:
            return self.tr(
                "Suggested {label} — claimant: {claimant} — {confidence} "
                "(Enter accepts, Delete rejects)"
            ).format(label=kind, claimant=isolate_short(suggestion.claimant, 40), confidence=sure)
        if suggestion.kind == "entity":
            return self.tr(
                "Suggested {label} “{name}” — {confidence} (Enter accepts, Delete rejects)"
            ).format(label=kind, name=name, confidence=sure)
        return self.tr("Suggested {label} — {confidence} (Enter accepts, Delete rejects)").format(
            label=kind, confidence=sure
        )

    def _suggested_name(self, suggestion: Suggestion) -> str:
        """The entity an entity suggestion would be tagged as: the registry's entity by its
        name, else the name the rule gives (a lone surname's full name), else the words."""
        if suggestion.entity_id is not None and self.session is not None:
            entity = self.session.project.annotations.entity_name(suggestion.entity_id)
            if entity:
                return entity
        return suggestion.name or suggestion.text

    def _label_name(self, key: str) -> str:
        """A label's name as the interface shows it (the analyst's own labels too)."""
        label = self.session.label_by_key(key) if self.session is not None else None
        return label_title(label, term(key)) if label is not None else term(key)

    def fill_menu(self, menu: QMenu, span_id: int) -> None:
        """Context-menu entries for the suggestion under the mouse."""
        suggestion = self.items.get(span_id)
        if suggestion is None:
            return
        title = menu.addAction(
            self.tr("Suggested {label}: “{text}”").format(
                label=self._label_name(suggestion.label_key),
                text=isolate_short(suggestion.text, 40),
            )
        )
        title.setEnabled(False)
        menu.addAction(confidence(suggestion)).setEnabled(False)
        menu.addAction(
            icon("mdi6.check"), self.tr("Accept Suggestion"), lambda: self.accept(suggestion)
        )
        menu.addAction(
            icon("mdi6.close"), self.tr("Reject Suggestion"), lambda: self.reject(suggestion)
        )

    def claim_over(self, start: int, end: int) -> Suggestion | None:
        """The claim suggestion shown over most of ``start``–``end`` (code points) that knows
        its speaker, if any: a claim the analyst tags by hand there takes its claimant."""
        best, most = None, 0
        for suggestion in self.items.values():
            if suggestion.kind != "claim" or not (
                suggestion.claimant or suggestion.claimant_span or suggestion.entity_id
            ):
                continue
            overlap = min(end, suggestion.end) - max(start, suggestion.start)
            if overlap > most:
                best, most = suggestion, overlap
        return best if 2 * most >= end - start else None  # over most of it, not a word

    def accept(self, suggestion: Suggestion | None = None) -> bool:
        suggestion = suggestion or self.at_cursor()
        session, doc = self.session, self.reader.document_id
        if suggestion is None or session is None or doc is None:
            return False
        label = session.label_by_key(suggestion.label_key)
        if label is None:
            self.status.show_status(
                self.tr("There is no “{label}” label any more.").format(
                    label=term(suggestion.label_key)
                ),
                5000,
            )
            return False
        try:
            plan = ops.plan_suggestion(
                session.project,
                self.reader.text.text_cp,
                doc,
                suggestion.start,
                suggestion.end,
                label,
                session.author,
                entity_id=suggestion.entity_id,
                is_entity=suggestion.kind == "entity",
                claimant=suggestion.claimant,
                claimant_span=suggestion.claimant_span,
                entity_name=suggestion.name,
            )
            text = self.tr("Accept suggestion “{quote}”").format(
                quote=isolate_short(plan.draft.quote, 28)
            )
            known = session.project.entities.count() if plan.new_claimant else 0
            session.run(partial(ops.add_annotations, plans=[plan], text=text))
            # the speaker made a new person (no entity of the registry was found for them)
            made = plan.new_claimant is not None and session.project.entities.count() > known + (
                plan.new_entity is not None
            )
        except HamishError as error:
            self.status.show_status(error_text(str(error)), 5000)
            return False
        # Said where the eyes are not: a trial saw nothing tell what Enter had done — nor, on
        # a claim, that its speaker had come with it (a new person in the registry).
        quote, shown = isolate_short(plan.draft.quote, 28), isolate(label_name(label))
        speaker = self._speaker(plan)
        if speaker is not None and made:
            said = self.tr(
                "Tagged “{quote}” as {label}, said by {name}, a new person in the registry "
                "(Ctrl+Z undoes both)."
            )
        elif speaker is not None:
            said = self.tr("Tagged “{quote}” as {label}, said by {name} (Ctrl+Z undoes it).")
        else:
            said = self.tr("Tagged “{quote}” as {label} (Ctrl+Z undoes it).")
        self.status.show_status(
            said.format(quote=quote, label=shown, name=isolate_short(speaker or "", 40)), 5000
        )
        return True

    def _speaker(self, plan: ops.AnnotationPlan) -> str | None:
        """The name of the claimant an accepted claim suggestion comes with, if any."""
        if plan.label.kind != "claim" or self.session is None:
            return None
        if plan.new_claimant is not None:
            return plan.new_claimant.name
        claimant = plan.claim.get("claimant_id")
        if isinstance(claimant, int):
            try:
                return self.session.project.entities.get(claimant).name
            except HamishError:
                return None
        return plan.claimant_names[0] if plan.claimant_names else None

    def reject(self, suggestion: Suggestion | None = None) -> bool:
        suggestion = suggestion or self.at_cursor()
        session, doc = self.session, self.reader.document_id
        if suggestion is None or session is None or doc is None:
            return False
        quote = self.reader.text.text_cp[suggestion.start : suggestion.end]
        rejected = ops.Candidate("suggestion", doc, suggestion.start, suggestion.end, quote)
        try:
            session.run(partial(ops.reject_candidates, candidates=[rejected]))
        except HamishError as error:
            self.status.show_status(error_text(str(error)), 5000)
            return False
        self.status.show_status(
            self.tr("“{quote}” will not be suggested here again (Ctrl+Z undoes it).").format(
                quote=isolate_short(quote, 28)
            ),
            3000,
        )
        # Its dashed line goes at once; the others stay while the article's are recomputed.
        gone = [
            i
            for i, s in self.items.items()
            if (s.start, s.end) == (suggestion.start, suggestion.end)
        ]
        if gone:
            self.reader.text.remove_spans(gone)
            for span_id in gone:
                del self.items[span_id]
        return True

    def step(self) -> None:
        """Select the next suggestion after the caret (wrapping)."""
        if not self.items:
            self.status.show_status(self.tr("No suggestions in this article."), 3000)
            return
        text = self.reader.text
        here = text.umap.to_cp(text.textCursor().selectionEnd())
        ordered = sorted(self.items.values(), key=lambda s: s.start)
        target = next((s for s in ordered if s.start >= here), ordered[0])
        text.select_cp(target.start, target.end)
