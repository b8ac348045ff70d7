"""The claim workbench's behaviour: the Claim dock follows the claim under the caret, its
field edits and links become operations of ``desktop.ops.claims``, and the Claims table
refreshes from the session's changes (only while shown)."""

from __future__ import annotations

from functools import partial
from typing import cast

from PySide6.QtCore import (
    QObject,
)
from PySide6.QtWidgets import QDialog

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ops import claims as ops
from desktop.ops.outcome import Outcome
from desktop.store.project import Project
from desktop.ui.claims.editor import ClaimEditor
from desktop.ui.claims.table import ClaimsTable
from desktop.ui.commands.session import ProjectSession
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.tagging import TaggingController
from desktop.ui.shell.api import WindowApi


class ClaimsController(QObject):
    def __init__(
        self,
        api: WindowApi,
        reader: ReaderPane,
        tagging: TaggingController,
        editor: ClaimEditor,
        table: ClaimsTable,
    ) -> None:
        super().__init__(api)
        self.api = api
        self.reader = reader
        self.following = reader  # the pane whose caret the Claim dock follows (side by side)
        # Each pane's article when the dock last followed it: another article there means
        # the claim shown belongs to the one before.
        self._articles: dict[ReaderPane, int | None] = {reader: reader.document_id}
        self.tagging = tagging
        self.editor = editor
        self.table = table
        self._stale = False
        table.visibilityChanged.connect(self._refresh_visible)
        table.open_requested.connect(api.open_at)
        editor.edit = self.edit_claim
        editor.pick_entity = self._pick_entity
        editor.pick_claim = self._pick_claim
        editor.link = self._link_claims
        editor.unlink = self._unlink_claims
        editor.open_both = self.open_both
        table.beside_requested.connect(self.open_both)
        reader.text.cursorPositionChanged.connect(lambda: self.follow(self.reader))
        api.document_opened.connect(lambda _id: self.follow(self.reader))
        tagging.panel.annotation_activated.connect(lambda _id: self.follow(self.reader))
        api.session_attached.connect(self.attach)
        if api.has_session:
            self.attach(api.session)

    def attach(self, session: ProjectSession) -> None:
        self.editor.project = session.project
        self.table.project = session.project
        session.changed.connect(self.apply_changes)
        self._stale = True
        self._refresh_visible()
        self.editor.show_claim(None)

    def apply_changes(self, changes: ChangeSet) -> None:
        if (
            changes.claims_changed
            or changes.entities_changed
            or changes.annotations_changed
            or changes.documents_changed  # an article's date, shown for its undated claims
            or changes.documents_removed
        ):
            self._stale = True
            self.follow_cursor(force=True)  # the claim shown may be the one that changed
        self._refresh_visible()

    def _refresh_visible(self, *_args: object) -> None:
        # A dock behind another tab is "visible" but shows nothing: its region is empty.
        if self._stale and not self.table.visibleRegion().isEmpty():
            self._stale = False
            self.table.refresh()

    # --- the claim shown ----------------------------------------------------------------------
    def follow(self, pane: ReaderPane) -> None:
        """The caret moved in ``pane`` (the reader, or the second pane side by side)."""
        self.following = pane
        self.follow_cursor()

    def follow_cursor(self, *, force: bool = False) -> None:
        """Show the claim under the caret (or the current panel row) in the editor.

        The caret moves with every arrow key: while it stays on the claim already shown,
        nothing is queried or refilled. ``force`` re-reads that claim too (it changed)."""
        if not self.api.has_session:
            return
        project = self.api.project
        claims, annotations = project.claims, project.annotations
        pane = self.following
        switched = self._articles.get(pane, pane.document_id) != pane.document_id
        self._articles[pane] = pane.document_id
        text = pane.text
        # A selected passage (the Claims table's double-click selects a claim's, with the
        # caret at its end, just past it) shows the claim it lies in.
        start, end = text.selection_cp()
        spans = (
            [s for s in text.index.at(start) if s.end >= end]
            if start < end
            else text.index.at(text.cursor_cp())
        )
        candidates = [s.id for s in spans if s.kind == "claim"]
        # The Annotations dock lists the first pane's article.
        current = self.tagging.panel.current_id() if self.following is self.reader else None
        if not candidates and current is not None:
            candidates = [current]
        shown = self.editor.claim
        for annotation_id in candidates:
            if not force and shown is not None and shown.annotation_id == annotation_id:
                return  # one claim per annotation: the one shown
            claim = claims.for_annotation(annotation_id)
            if claim is not None:
                if not force and shown is not None and claim.id == shown.id:
                    return
                self.editor.show_claim(claim, annotations.get(annotation_id).quote)
                return
        if shown is None:
            return
        if switched:
            # Another article: the claim shown was the last one's (it stayed, stale).
            self.editor.show_claim(None)
            return
        # No claim here: the editor keeps the one it shows while it exists (re-read when
        # it changed), and empties when it was deleted.
        try:
            stored = claims.get(shown.id)
            quote = annotations.get(stored.annotation_id).quote if force else ""
        except HamishError:
            self.editor.show_claim(None)
            return
        if force:
            self.editor.show_claim(stored, quote)

    # --- edits ---------------------------------------------------------------------------------
    def edit_claim(self, claim_id: int, changes: dict[str, object]) -> None:
        fields = dict(changes)
        claimant = cast("ops.EntityRef | None", fields.pop("claimant_id", None))
        subjects = cast("tuple[ops.EntityRef, ...] | None", fields.pop("subjects", None))

        def operation(project: Project) -> Outcome[None]:
            return ops.edit_claim(project, claim_id, claimant=claimant, subjects=subjects, **fields)

        if not self.api.run(self.tr("Cannot save the claim"), operation):
            # The field still shows what was typed or chosen, the database kept the old
            # value: show the stored claim again so the form does not claim otherwise.
            self.follow_cursor(force=True)

    def _pick_entity(self, role: ops.Role, current: int | None) -> ops.EntityRef | None:
        """An entity id, or a ``NewEntity`` when the analyst typed a new name (created by the
        edit itself, so undo removes it again)."""
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        project = self.api.project
        initial = project.entities.get(current).name if current else ""
        title = self.tr("Claimant") if role == "claimant" else self.tr("Subject")
        picker = EntityPicker(
            project,
            initial,
            None,
            title=title,
            parent=self.api.widget,
            new_type="person" if role == "claimant" else "other",  # who speaks: a person
        )
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        entity_id, name = picker.choice()
        if entity_id is None and name:
            return ops.new_entity(name, role, picker.chosen_type())
        return entity_id

    def _pick_claim(self, claim_id: int) -> tuple[int, str] | None:
        from desktop.ui.claims.link_dialog import ClaimLinkDialog

        dialog = ClaimLinkDialog(self.api.project, claim_id, self.api.widget, self.open_both)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def open_both(self, first: int, second: int) -> None:
        """Two claims side by side, each article at its claim's passage (issue 16)."""
        project = self.api.project
        passages = []
        try:
            for claim_id in (first, second):
                annotation = project.annotations.get(project.claims.get(claim_id).annotation_id)
                passages.append((annotation.document_id, annotation.start, annotation.end))
        except HamishError as error:
            self.api.messenger.error(self.tr("Cannot open the claims"), str(error))
            return
        self.api.open_both(passages[0], passages[1])

    def _link_claims(self, from_claim: int, to_claim: int, kind: str) -> None:
        self.api.run(
            self.tr("Cannot link the claims"),
            partial(ops.link_claims, from_claim=from_claim, to_claim=to_claim, kind=kind),
        )

    def _unlink_claims(self, link_id: int) -> None:
        self.api.run(self.tr("Cannot remove the link"), partial(ops.unlink_claims, link_id=link_id))
