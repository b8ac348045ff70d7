"""Wiring for the entity registry and the claim workbench: the Entities dock, entity pages,
linking and merging, the claim editor and the Claims table. Edits become undo commands on
the project's stack; the docks follow the session's ``ChangeSet``s."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ui.claims.views import ClaimEditor, ClaimLinkDialog, ClaimsTable
from desktop.ui.commands.session import ProjectSession
from desktop.ui.commands.undo import (
    NEW_ENTITY,
    EditClaim,
    EditEntity,
    LinkClaims,
    LinkEntity,
    MergeEntities,
    UnlinkClaims,
)
from desktop.ui.entities.panel import EntitiesPanel
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.tagging import TaggingController, entity_type
from desktop.ui.shell.messages import Messenger

OpenAt = Callable[[int, int, int], None]


class WorkbenchController(QObject):
    def __init__(
        self,
        reader: ReaderPane,
        tagging: TaggingController,
        entities: EntitiesPanel,
        editor: ClaimEditor,
        table: ClaimsTable,
        status: QStatusBar,
        messenger: Messenger,
        open_at: OpenAt,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.tagging = tagging
        self.entities = entities
        self.editor = editor
        self.table = table
        self.status = status
        self.messenger = messenger
        self.open_at = open_at
        self.window = parent
        self.session: ProjectSession | None = None
        self._new_entity: tuple[str, str] | None = None
        self._stale_entities = self._stale_claims = False
        entities.visibilityChanged.connect(self._refresh_visible)
        table.visibilityChanged.connect(self._refresh_visible)
        entities.open_requested.connect(self.open_entity)
        entities.merge_requested.connect(self.merge_entity)
        table.open_requested.connect(open_at)
        editor.edit = self.edit_claim
        editor.pick_entity = self._pick_entity
        editor.pick_claim = self._pick_claim
        editor.link = self._link_claims
        editor.unlink = self._unlink_claims
        reader.text.cursorPositionChanged.connect(self.follow_cursor)
        tagging.panel.annotation_activated.connect(lambda _id: self.follow_cursor())

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        self.editor.project = session.project
        self.table.project = session.project
        session.changed.connect(self.apply_changes)
        self._stale_entities = self._stale_claims = True
        self._refresh_visible()
        self.editor.show_claim(None)

    @property
    def _session(self) -> ProjectSession:
        assert self.session is not None, "no project attached"
        return self.session

    def _push(self, title: str, build: Callable[[], object]) -> bool:
        try:
            command = build()
        except HamishError as error:
            self.messenger.error(title, str(error))
            return False
        self._session.undo_stack.push(command)  # type: ignore[arg-type]
        return True

    def apply_changes(self, changes: ChangeSet) -> None:
        """Docks that are hidden are only marked stale and refresh when shown: a tag on an
        article with thousands of annotations must not re-query every table."""
        if changes.entities_changed or changes.annotations_added or changes.annotations_removed:
            self._stale_entities = True
        if changes.claims_changed or changes.entities_changed or changes.annotations_changed:
            self._stale_claims = True
            self.follow_cursor(force=True)  # the claim shown may be the one that changed
        self._refresh_visible()

    def _refresh_visible(self, *_args: object) -> None:
        # A dock behind another tab is "visible" but shows nothing: its region is empty.
        if self._stale_entities and not self.entities.visibleRegion().isEmpty():
            self._stale_entities = False
            self.entities.refresh()
        if self._stale_claims and not self.table.visibleRegion().isEmpty():
            self._stale_claims = False
            self.table.refresh()

    # --- claims ------------------------------------------------------------------------------
    def follow_cursor(self, *, force: bool = False) -> None:
        """Show the claim under the caret (or the current panel row) in the editor.

        The caret moves with every arrow key: while it stays on the claim already shown,
        nothing is queried or refilled. ``force`` re-reads that claim too (it changed)."""
        if self.session is None:
            return
        claims = self.session.project.claims
        annotations = self.session.project.annotations
        candidates = [
            s.id
            for s in self.reader.text.index.at(self.reader.text.cursor_cp())
            if s.kind == "claim"
        ]
        current = self.tagging.panel.current_id()
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

    def edit_claim(self, claim_id: int, **fields: object) -> None:
        session = self._session
        create = self._new_entity
        self._new_entity = None
        saved = self._push(
            "Cannot save the claim",
            lambda: EditClaim(session, claim_id, create=create, **fields),
        )
        if not saved:
            # The field still shows what was typed or chosen, the database kept the old
            # value: show the stored claim again so the form does not claim otherwise.
            self.follow_cursor(force=True)

    def _pick_entity(self, title: str, current: int | None) -> int | None:
        """An entity id, or NEW_ENTITY when the analyst typed a new name (created by the
        edit command itself, so undo removes it again)."""
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        session = self._session
        initial = session.project.entities.get(current).name if current else ""
        picker = EntityPicker(session.project, initial, None, title=title, parent=self.window)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        entity_id, name = picker.choice()
        if entity_id is None and name:
            self._new_entity = (name, "person" if title == "Claimant" else "other")
            return NEW_ENTITY
        return entity_id

    def _pick_claim(self, claim_id: int) -> tuple[int, str] | None:
        dialog = ClaimLinkDialog(self._session.project, claim_id, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def _link_claims(self, from_claim: int, to_claim: int, kind: str) -> None:
        session = self._session
        self._push(
            "Cannot link the claims", lambda: LinkClaims(session, from_claim, to_claim, kind)
        )

    def _unlink_claims(self, link_id: int) -> None:
        session = self._session
        self._push("Cannot remove the link", lambda: UnlinkClaims(session, link_id))

    # --- entities ------------------------------------------------------------------------------
    def link_current(self) -> None:
        """Link the annotation under the caret to an entity chosen by the analyst."""
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        session = self._session
        annotation_id = self.tagging.current_annotation()
        if annotation_id is None:
            self.status.showMessage("Place the cursor on an annotation first.", 4000)
            return
        annotation = session.project.annotations.get(annotation_id)
        label = session.label(annotation.label_id)
        type_ = (entity_type(label) if label else None) or "other"
        picker = EntityPicker(session.project, annotation.quote, type_, parent=self.window)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        entity_id, name = picker.choice()
        new = (name, type_) if entity_id is None and name else None
        if entity_id is None and new is None:
            return
        self._push(
            "Cannot link the entity", lambda: LinkEntity(session, annotation_id, entity_id, new)
        )

    def open_entity(self, entity_id: int) -> None:
        from desktop.ui.entities.dialogs import EntityPage  # dialogs load on use

        session = self._session
        try:
            entity = session.project.entities.get(entity_id)
        except HamishError as error:
            self.messenger.error("Entity", str(error))
            return
        page = EntityPage(session.project, entity, self.window)
        page.mention_opened.connect(self.open_at)
        if page.exec() == QDialog.DialogCode.Accepted:
            fields, aliases = page.changes()
            changed = {k: v for k, v in fields.items() if getattr(entity, k) != v}
            old_aliases = tuple(a for a in entity.aliases if a != entity.name)
            if changed or aliases != old_aliases:
                self._push(
                    "Cannot save the entity",
                    lambda: EditEntity(session, entity_id, aliases, **changed),
                )

    def merge_entity(self, entity_id: int) -> None:
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        session = self._session
        entity = session.project.entities.get(entity_id)
        picker = EntityPicker(
            session.project,
            "",
            entity.type,
            title=f"Merge “{entity.name}” into…",
            allow_new=False,
            exclude=entity_id,
            parent=self.window,
        )
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        keep, _name = picker.choice()
        if keep is not None:
            self._push("Cannot merge", lambda: MergeEntities(session, keep, entity_id))
