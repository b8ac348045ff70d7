"""Everything an analyst does to annotations from the reader and the Annotations panel:
tagging a selection, editing, deleting, navigating, menus and hover text.

The controller owns no widgets; the window builds them and passes them in. Each edit is one
undo command; the reader's highlights and the panel follow the session's ``ChangeSet``s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from desktop.core.errors import HamishError
from desktop.core.models import Annotation, ChangeSet, Label, Mark
from desktop.ui.annotations.panel import AnnotationModel, AnnotationPanel
from desktop.ui.commands.session import ProjectSession
from desktop.ui.i18n import label_name, label_title
from desktop.ui.qtvalues import WIDGET_SHORTCUT, set_property
from desktop.ui.reader.highlighter import Span
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import html_dir, isolate, isolate_short
from desktop.ui.widgets.icons import icon

if TYPE_CHECKING:
    # Imported where an edit is made: the edit rules (and the entity store they pull in) are
    # not needed for the window's first paint (~35 M instructions, a tenth of Hamish's own
    # start-up work).
    from desktop.core.suggest.pipeline import Suggestion
    from desktop.ops import annotations as ops


def span_of(annotation: Annotation, label: Label | None) -> Span | None:
    """How an annotation is drawn; orphaned ones are listed but not drawn."""
    if label is None or annotation.anchor == "orphaned":
        return None
    return Span(
        annotation.id,
        annotation.start,
        annotation.end,
        label.kind,
        label.color,
        has_note=bool(annotation.note),
    )


class TaggingController(QObject):
    def __init__(
        self, api: WindowApi, reader: ReaderPane, panel: AnnotationPanel, model: AnnotationModel
    ) -> None:
        super().__init__(api)
        self.reader = reader
        self.panel = panel
        self.model = model
        self.api = api
        self.status = api
        self.messenger = api.messenger
        self.window = api.widget
        self.session: ProjectSession | None = None
        self.label_actions: list[QAction] = []
        # Each label's digit key is given to its action at once, unless the window holds the
        # keys back until after its first paint (load_label_keys): setting one builds
        # QKeySequence's Python class, 5.5 M instructions of start-up.
        self.label_keys = True
        self._keys_waiting: list[tuple[QAction, str]] = []
        self.extra_menu_actions: list[QAction] = []  # appended to the reader's context menu
        self.extra_tooltip: Callable[[int], str | None] = lambda _span_id: None
        self.suggestion_menu: Callable[[QMenu, int], None] = lambda _menu, _span_id: None
        self.reject_suggestion: Callable[[], bool] = lambda: False  # the one at the caret
        # The claim suggestion over a passage (start, end), whose speaker a claim tag takes.
        self.claim_over: Callable[[int, int], Suggestion | None] = lambda _start, _end: None
        # Side by side: the controller of the pane used last, when it is not this one (the
        # toolbar's labels and Edit → Delete/Edit Note then act there); see reader/beside.py.
        self.route: Callable[[], TaggingController | None] = lambda: None
        panel.annotation_activated.connect(self.go_to_annotation)
        panel.delete_requested.connect(self.delete_annotation)
        panel.edit_note_requested.connect(self.edit_note)
        panel.context_requested.connect(self._annotation_menu)
        reader.text.context_requested.connect(self._reader_menu)
        reader.text.tooltip_for = self.tooltip_at
        api.session_attached.connect(self.attach)

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        session.changed.connect(self.apply_changes)

    @property
    def _session(self) -> ProjectSession:
        assert self.session is not None, "no project attached"
        return self.session

    # --- label actions ---------------------------------------------------------------------
    def rebuild_label_actions(self, menu: QMenu, bar: QToolBar, tail: list[QAction]) -> None:
        """One action per label: palette button, Tag menu entry and digit key (the key only
        while the reader has focus, so typing digits elsewhere never tags)."""
        for action in self.label_actions:
            self.reader.text.removeAction(action)
            action.deleteLater()
        self.label_actions = []
        self._keys_waiting = []
        menu.clear()
        bar.clear()
        for label in self._session.labels:
            action = QAction(icon(label.icon, label.color), label_title(label), self.window)
            action.setObjectName(f"label_{label.key}")
            action.setData(label.id)
            tip = self.tr("Tag the selection as {label}").format(label=label_name(label))
            if label.shortcut:
                if self.label_keys:
                    action.setShortcut(label.shortcut)
                else:
                    self._keys_waiting.append((action, label.shortcut))
                set_property(action, "shortcutContext", WIDGET_SHORTCUT)
                tip += f" ({label.shortcut})"
            action.setToolTip(tip)
            action.triggered.connect(partial(self.tag_selection, label.id))
            self.reader.text.addAction(action)
            menu.addAction(action)
            bar.addAction(action)
            self.label_actions.append(action)
        menu.addSeparator()
        menu.addActions(tail)
        bar.addSeparator()
        bar.addAction(tail[-1])

    def load_label_keys(self) -> None:
        """The labels' digit keys held back (see ``label_actions``), and every later one."""
        self.label_keys = True
        for action, key in self._keys_waiting:
            action.setShortcut(key)
        self._keys_waiting = []

    # --- the article's spans ---------------------------------------------------------------
    def spans(self, annotations: Sequence[Annotation | Mark]) -> list[Span]:
        """How ``annotations`` are drawn (``span_of`` each, inlined: an article opens with
        10,000 of them, read as marks)."""
        label_of = self._session.label
        labels: dict[int, Label | None] = {}
        new = tuple.__new__
        spans = []
        for a in annotations:
            if a.anchor == "orphaned":
                continue
            if a.label_id in labels:
                label = labels[a.label_id]
            else:
                label = labels[a.label_id] = label_of(a.label_id)
            if label is not None:
                fields = (a.id, a.start, a.end, label.kind, label.color, bool(a.note), 1.0)
                spans.append(new(Span, fields))
        return spans

    def apply_changes(self, changes: ChangeSet) -> None:
        """Repaint only the blocks of the spans that changed."""
        doc_id = self.reader.document_id
        if doc_id is None:
            return
        store = self._session.project.annotations
        text = self.reader.text
        if changes.labels_changed:  # colours or kinds may have changed everywhere
            # Annotations only: suggestions (negative ids) belong to the suggestion controller,
            # which does not redraw them for a label change.
            text.remove_spans([s.id for s in text.index.spans() if s.id > 0])
            text.add_spans(self.spans(store.for_document(doc_id)))
            return
        gone = [*changes.annotations_removed, *changes.annotations_changed]
        if gone:
            text.remove_spans(gone)
        fresh = [*changes.annotations_added, *changes.annotations_changed]
        if fresh:
            mine = [a for a in self._session.annotations(fresh) if a.document_id == doc_id]
            text.add_spans(self.spans(mine))

    # --- edits -------------------------------------------------------------------------------
    def tag_selection(self, label_id: int) -> int | None:
        """Tag the reader's selection; returns the new annotation id (None if nothing was done)."""
        from desktop.ops import annotations as ops

        routed = self.route()
        if routed is not None and routed is not self:
            return routed.tag_selection(label_id)

        session = self._session
        label = session.label(label_id)
        if self.reader.document_id is None or label is None:
            return None
        text = self.reader.text
        start, end = text.selection_cp()
        try:
            plan = ops.plan_selection(
                session.project,
                text.text_cp,
                self.reader.document_id,
                start,
                end,
                label,
                session.author,
                snap=text.snap_enabled and not text.exact,
                placed=text.placed,
            )
            # Only a claim looks for a speaker: the look goes through every suggestion shown
            # (thousands on a 1 MB article), which an entity tag's frame has no room for.
            found = None
            if label.kind == "claim":
                found = self.claim_over(plan.draft.start, plan.draft.end)
            if found is not None:
                plan = ops.with_claimant(
                    plan,
                    found.claimant,
                    found.claimant_span,
                    entity_id=found.entity_id,
                    entity_name=found.name,
                )
            outcome = session.run(partial(ops.add_annotations, plans=[plan]))
        except HamishError as error:
            from desktop.ui.errors import error_text  # its table is not needed to start

            self.status.show_status(error_text(str(error)), 5000)
            return None
        cursor = text.textCursor()
        cursor.clearSelection()
        text.setTextCursor(cursor)
        names = {"quote": isolate_short(plan.draft.quote, 40), "label": isolate(label_name(label))}
        if not outcome.value:  # the same span and label are there already: nothing was added
            self.status.show_status(
                self.tr("“{quote}” is already tagged as {label}").format(**names), 4000
            )
            return None
        self.status.show_status(self.tr("Tagged “{quote}” as {label}").format(**names), 3000)
        return outcome.value[0]

    def delete_annotation(self, annotation_id: int) -> None:
        from desktop.ops import annotations as ops

        self.api.run(
            self.tr("Cannot delete the annotation"),
            partial(ops.delete_annotation, annotation_id=annotation_id),
        )

    def change_label(self, annotation_id: int, label_id: int) -> None:
        from desktop.ops import annotations as ops

        label = self._session.label(label_id)
        if label is not None:
            self.api.run(
                self.tr("Cannot change the label"),
                partial(ops.edit_annotation, annotation_id=annotation_id, label=label),
            )

    def set_note(self, annotation_id: int, note: str) -> None:
        from desktop.ops import annotations as ops

        self.api.run(
            self.tr("Cannot save the note"),
            partial(ops.edit_annotation, annotation_id=annotation_id, note=note),
        )

    def edit_note(self, annotation_id: int) -> None:
        annotation = self._session.project.annotations.get(annotation_id)
        from PySide6.QtWidgets import QDialog  # with its first dialog, not at start-up

        from desktop.ui.annotations.note_editor import NoteEditor  # dialogs load on use

        dialog = NoteEditor(annotation.quote, annotation.note, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.note() != annotation.note:
            self.set_note(annotation_id, dialog.note())

    def accept_mentions(self, mentions: Sequence[ops.Mention]) -> None:
        """Tag offered mentions with their entity's label, as one undo step."""
        from desktop.ops import annotations as ops

        session = self._session
        if not mentions:
            return
        entity = session.project.entities.get(mentions[0].entity_id)
        label = ops.label_for_mentions(session.project, session.labels, entity.id)
        if label is None:
            self.messenger.error(
                self.tr("Find All Mentions"),
                self.tr(
                    "There is no label to tag mentions of “{entity}” with: tag one by hand."
                ).format(entity=isolate(entity.name)),
            )
            return
        plans = ops.plan_mentions(mentions, label, session.author)
        count = len(plans)
        text = self.tr("Accept %n mention(s) of {entity}", "", count).format(
            entity=isolate(entity.name)
        )
        self.api.run(
            self.tr("Find All Mentions"), partial(ops.add_annotations, plans=plans, text=text)
        )

    def reject_mentions(self, mentions: Sequence[ops.Mention]) -> None:
        from desktop.ops import annotations as ops

        rejected = [
            ops.Candidate("mention", m.document_id, m.start, m.end, m.quote) for m in mentions
        ]
        self.api.run(
            self.tr("Find All Mentions"), partial(ops.reject_candidates, candidates=rejected)
        )

    # --- current annotation and navigation -----------------------------------------------------
    def current_annotation(self) -> int | None:
        """The panel's row when it has focus, else the innermost annotation at the caret, or
        else the one ending at the caret (tagging leaves the caret just after the new span)."""
        routed = self.route()
        if routed is not None and routed is not self:
            return routed.current_annotation()
        if self.panel.view.hasFocus():
            return self.panel.current_id()
        hit = self._annotation_at_caret()
        if hit is None:
            hit = self._annotation_ending_at_caret()
        return hit if hit is not None else self.panel.current_id()

    def _annotation_at_caret(self) -> int | None:
        hits = [s for s in self.reader.text.index.at(self.reader.text.cursor_cp()) if s.id > 0]
        return hits[0].id if hits else None

    def _annotation_ending_at_caret(self) -> int | None:
        text = self.reader.text
        if text.textCursor().hasSelection():
            # Still selected after tagging or selecting a tag by words (the caret at its
            # end, outside it): the tag the selection lies in (a trial's Ctrl+Shift+M said
            # "place the cursor on a tagged entity" with the tag just made selected).
            start, end = text.selection_cp()
            inside = [s for s in text.index.at(start) if s.id > 0 and s.end >= end]
            return min(inside, key=lambda s: s.end - s.start).id if inside else None
        caret = text.cursor_cp()
        if caret == 0:
            return None
        hits = [s for s in text.index.at(caret - 1) if s.id > 0 and s.end == caret]
        return hits[0].id if hits else None

    def delete_at_cursor(self) -> None:
        """Delete: the annotation under the cursor, or else reject the suggestion there."""
        on_text = self.reader.text.hasFocus() and self._annotation_at_caret() is None
        if on_text and self.reject_suggestion():
            return
        self.on_current(self.delete_annotation)

    def on_current(self, action: Callable[[int], None]) -> None:
        current = self.current_annotation()
        if current is None:
            self.status.show_status(self.tr("Place the cursor on an annotation first."), 4000)
            return
        action(current)

    def go_to_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is None:
            return
        annotation = self.model.annotation(row)
        self.panel.select(annotation_id)
        if annotation.anchor == "orphaned":
            self.status.show_status(self.tr("This annotation is orphaned: its text is gone."), 5000)
            return
        self.reader.text.select_cp(annotation.start, annotation.end)
        self.reader.text.flash(annotation.start, annotation.end)

    def step_annotation(self, direction: int) -> None:
        """N / P: the next or previous annotation from the caret, in text order."""
        rows = [a for a in self.model.annotations() if a.anchor != "orphaned"]
        if not rows:
            return
        text = self.reader.text
        cursor = text.textCursor()
        here = text.umap.to_cp(cursor.selectionStart())
        if direction > 0:
            if cursor.hasSelection():  # on an annotation already: strictly after it
                current = self.panel.current_id() or -1
                after = [a for a in rows if (a.start, a.id) > (here, current)]
            else:
                after = [a for a in rows if a.start >= here]
            target = after[0] if after else rows[0]
        else:
            before = [a for a in rows if a.start < here]
            target = before[-1] if before else rows[-1]
        self.go_to_annotation(target.id)

    # --- menus and tooltips --------------------------------------------------------------------
    def _annotation_actions(self, menu: QMenu, annotation_id: int) -> None:
        session = self._session
        annotation = session.project.annotations.get(annotation_id)
        label = session.label(annotation.label_id)
        quote = isolate_short(annotation.quote, 40)
        title = menu.addAction(f"{isolate(label_name(label))}: “{quote}”")
        title.setEnabled(False)
        note = menu.addAction(
            icon("mdi6.note-edit-outline"),
            self.tr("Edit Note…"),
            lambda: self.edit_note(annotation_id),
        )
        change = menu.addMenu(icon("mdi6.tag-outline"), self.tr("Change Label"))
        for other in session.labels:
            if other.id != annotation.label_id:
                change.addAction(
                    icon(other.icon, other.color),
                    label_name(other),
                    partial(self.change_label, annotation_id, other.id),
                )
        delete = menu.addAction(
            icon("mdi6.delete-outline"),
            self.tr("Delete Annotation"),
            lambda: self.delete_annotation(annotation_id),
        )
        writable = not session.project.read_only
        for entry in (note, change.menuAction(), delete):
            entry.setEnabled(writable)

    def _reader_menu(self, global_pos: QPoint, cp: int | None) -> None:
        menu = QMenu(self.window)
        text = self.reader.text
        if text.textCursor().hasSelection():
            tag = menu.addMenu(icon("mdi6.tag-plus-outline"), self.tr("Tag Selection As"))
            tag.addActions(self.label_actions)
            menu.addSeparator()
        for span in text.index.at(cp) if cp is not None else []:
            if span.id > 0:  # suggestions (negative ids) get their own entries
                self._annotation_actions(menu, span.id)
            else:
                self.suggestion_menu(menu, span.id)
            menu.addSeparator()
        copy = menu.addAction(icon("mdi6.content-copy"), self.tr("Copy"), text.copy)
        copy.setEnabled(text.textCursor().hasSelection())
        menu.addActions(self.extra_menu_actions)
        menu.exec(global_pos)

    def _annotation_menu(self, global_pos: QPoint, annotation_id: int) -> None:
        menu = QMenu(self.window)
        self._annotation_actions(menu, annotation_id)
        menu.exec(global_pos)

    def tooltip_at(self, cp: int) -> str | None:
        """Label, entity, note and author of every annotation under the mouse."""
        from html import escape

        if self.session is None:
            return None
        parts = []
        for span in self.reader.text.index.at(cp)[:4]:
            row = self.model.row_of(span.id)
            if row is None:
                extra = self.extra_tooltip(span.id)
                if extra:
                    parts.append(escape(extra))
                continue
            annotation = self.model.annotation(row)
            label = self.session.label(annotation.label_id)
            # Lines run in the interface's direction; each piece of the analyst's text is
            # isolated in it (FSI … PDI), and the note, which may be paragraphs long, is its
            # own block in its own direction under "Note:".
            name = escape(" · ".join(isolate(part) for part in label_title(label).split(" · ")))
            lines = [f"<b style='color:{label.color if label else '#000'}'>{name}</b>"]
            if annotation.entity_id is not None:
                entity = self.session.project.annotations.entity_name(annotation.entity_id)
                if entity:
                    lines.append(self.tr("Entity: {name}").format(name=escape(isolate(entity))))
            if annotation.note:
                note = escape(annotation.note).replace("\n", "<br>")
                lines.append(
                    self.tr("Note:") + f"<div dir='{html_dir(annotation.note)}'>{note}</div>"
                )
            if annotation.author:
                lines.append(
                    f"<span style='color:#6b777b'>{escape(isolate(annotation.author))} · "
                    f"{escape(isolate(annotation.modified_at[:10]))}</span>"
                )
            parts.append("".join(f"<div>{line}</div>" for line in lines))
        return "<hr>".join(parts) or None
