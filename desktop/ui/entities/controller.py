"""The entity registry's actions: link the annotation under the caret to an entity (Ctrl+Shift+E),
open an entity's page and save its edits, merge two entities. Each edit is one operation of
``desktop.ops.entities``; the Entities dock follows the session's changes (only while shown)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.core.records import NewEntity
from desktop.ops import entities as ops
from desktop.ops.annotations import entity_type, new_entity_for
from desktop.ops.outcome import Outcome
from desktop.store.project import Project
from desktop.ui.commands.session import ProjectSession
from desktop.ui.entities.panel import EntitiesPanel
from desktop.ui.reader.tagging import TaggingController
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import isolate


class EntitiesController(QObject):
    def __init__(self, api: WindowApi, panel: EntitiesPanel, tagging: TaggingController) -> None:
        super().__init__(api)
        self.api = api
        self.panel = panel
        self.tagging = tagging
        self._stale = False
        panel.visibilityChanged.connect(self._refresh_visible)
        panel.open_requested.connect(self.open_entity)
        panel.merge_requested.connect(self.merge_entity)
        panel.delete_requested.connect(self.delete_entity)
        api.session_attached.connect(self.attach)
        if api.has_session:
            self.attach(api.session)

    def attach(self, session: ProjectSession) -> None:
        session.changed.connect(self.apply_changes)
        self._stale = True
        self._refresh_visible()

    def apply_changes(self, changes: ChangeSet) -> None:
        """A hidden dock is only marked stale and refreshes when shown: a tag on an article
        with thousands of annotations must not re-query every table."""
        if changes.entities_changed or changes.annotations_added or changes.annotations_removed:
            self._stale = True
        self._refresh_visible()

    def _refresh_visible(self, *_args: object) -> None:
        # A dock behind another tab is "visible" but shows nothing: its region is empty.
        if self._stale and not self.panel.visibleRegion().isEmpty():
            self._stale = False
            self.panel.refresh()

    def link_current(self) -> None:
        """Link the annotation under the caret to an entity chosen by the analyst."""
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        session = self.api.session
        annotation_id = self.tagging.current_annotation()
        if annotation_id is None:
            self.api.show_status(self.tr("Place the cursor on an annotation first."), 4000)
            return
        annotation = session.project.annotations.get(annotation_id)
        label = session.label(annotation.label_id)
        type_ = (entity_type(label) if label else None) or "other"
        picker = EntityPicker(session.project, annotation.quote, type_, parent=self.api.widget)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        entity_id, name = picker.choice()
        chosen: int | NewEntity | None = entity_id
        if entity_id is None:
            chosen = new_entity_for(name, label) if name else None
        if chosen is None:
            return
        self.api.run(
            self.tr("Cannot link the entity"),
            partial(ops.link_entity, annotation_id=annotation_id, entity=chosen),
        )

    def open_entity(self, entity_id: int) -> None:
        from desktop.ui.entities.dialogs import EntityPage  # dialogs load on use

        session = self.api.session
        try:
            entity = session.project.entities.get(entity_id)
        except HamishError as error:
            self.api.messenger.error(self.tr("Entity"), str(error))
            return
        page = EntityPage(session.project, entity, self.api.widget)
        page.mention_opened.connect(self.api.open_at)
        if page.exec() == QDialog.DialogCode.Accepted:
            fields, aliases = page.changes()
            changed = {k: v for k, v in fields.items() if getattr(entity, k) != v}
            old_aliases = tuple(a for a in entity.aliases if a != entity.name)
            if changed or aliases != old_aliases:

                def operation(project: Project) -> Outcome[None]:
                    return ops.edit_entity(project, entity_id, aliases=aliases, **changed)

                self.api.run(self.tr("Cannot save the entity"), operation)

    def add_alias(self, entity_id: int, alias: str) -> bool:
        """Teach an entity another name (from Find All Mentions) as one undoable edit; False
        when there was nothing to add or the edit failed."""
        alias = " ".join(alias.split())
        entity = self.api.session.project.entities.get(entity_id)
        others = tuple(a for a in entity.aliases if a != entity.name)
        if not alias or alias == entity.name or alias in others:
            return False
        return self.api.run(
            self.tr("Cannot add the alias"),
            partial(ops.edit_entity, entity_id=entity_id, aliases=(*others, alias)),
        )

    def delete_entity(self, entity_id: int) -> None:
        """Delete an entity nothing mentions (the panel offers it for those alone)."""
        self.api.run(
            self.tr("Cannot delete the entity"), partial(ops.delete_entity, entity_id=entity_id)
        )

    def merge_entity(self, entity_id: int) -> None:
        from desktop.ui.entities.dialogs import EntityPicker  # dialogs load on use

        session = self.api.session
        entity = session.project.entities.get(entity_id)
        picker = EntityPicker(
            session.project,
            "",
            entity.type,
            title=self.tr("Merge “{name}” into…").format(name=isolate(entity.name)),
            allow_new=False,
            exclude=entity_id,
            parent=self.api.widget,
        )
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        keep, _name = picker.choice()
        if keep is not None:
            self.api.run(
                self.tr("Cannot merge"), partial(ops.merge_entities, keep=keep, remove=entity_id)
            )
