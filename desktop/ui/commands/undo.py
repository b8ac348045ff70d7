"""One ``QUndoCommand`` per edit. Each command's first step is done *before* it is pushed (so
a failure — a full disk, a locked file — shows an error and leaves no command on the stack);
after that, undo and redo replay the change through the store and announce it, so the project
file always equals the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.core.errors import HamishError
from desktop.core.models import AnnotationDraft, ChangeSet, Label
from desktop.store.annotations import AnnotationSnapshot
from desktop.store.labels import LabelRemoval
from desktop.ui.commands.session import ProjectSession


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Command(QUndoCommand):
    """Runs undo/redo steps, reporting a storage failure instead of raising into Qt (an
    exception cannot cross the C++ boundary; the step is then dropped from the stack)."""

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def _run(self, step: Callable[[], ChangeSet]) -> None:
        try:
            changes = step()
        except HamishError as error:
            self.setObsolete(True)
            self.session.failed.emit("Cannot save the change", str(error))
            return
        self.session.announce(changes)

    def redo(self) -> None:
        if self._first:  # already done by the caller before pushing
            self._first = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def do(self) -> ChangeSet:
        raise NotImplementedError

    def revert(self) -> ChangeSet:
        raise NotImplementedError


@dataclass(frozen=True)
class AnnotationPlan:
    """One annotation to create, with what goes with it in the same transaction: a new
    entity to create and link, claim fields (e.g. the attributed claimant of a suggestion),
    and a decision to record (an accepted suggestion or mention is not offered again)."""

    draft: AnnotationDraft
    label: Label
    new_entity: tuple[str, str] | None = None  # (name, type)
    claim: dict[str, Any] = field(default_factory=dict)
    decision: tuple[str, int, int, str] | None = None  # (kind, start, end, text)
    new_claimant: tuple[str, str] | None = None  # created and set as the claim's claimant


class AddAnnotations(_Command):
    """Create annotations (one tag, or every accepted mention at once) as one undo step."""

    def __init__(self, session: ProjectSession, plans: list[AnnotationPlan], text: str) -> None:
        super().__init__(session, text)
        project = session.project
        self.ids: list[int] = []
        self.entity_ids: list[int] = []
        self.decision_ids: list[int] = []
        with project.database.transaction():
            for plan in plans:
                draft = plan.draft
                if plan.new_entity is not None:
                    name, type_ = plan.new_entity
                    entity_id = project.entities.add(name, type_)
                    self.entity_ids.append(entity_id)
                    draft = draft._replace(entity_id=entity_id)
                annotation_id = project.annotations.add(draft)
                self.ids.append(annotation_id)
                fields = dict(plan.claim)
                if plan.new_claimant is not None:
                    claimant = project.entities.add(*plan.new_claimant)
                    self.entity_ids.append(claimant)
                    fields["claimant_id"] = claimant
                if fields:
                    claim = project.claims.for_annotation(annotation_id)
                    if claim is not None:
                        project.claims.update(claim.id, **fields)
                if plan.decision is not None:
                    kind, start, end, quote = plan.decision
                    self.decision_ids.append(
                        project.decisions.record(
                            draft.document_id, kind, start, end, quote, "accepted"
                        )
                    )
        self.documents = tuple({plan.draft.document_id for plan in plans})
        self.snapshots: list[AnnotationSnapshot] = []
        self.entity_snapshots = [project.entities.snapshot(i) for i in self.entity_ids]
        self.decision_rows = [plan.decision for plan in plans]
        self.plans = plans
        session.announce(self._added())

    @property
    def annotation_id(self) -> int:
        return self.ids[0]

    def _added(self) -> ChangeSet:
        return ChangeSet(
            annotations_added=tuple(self.ids),
            documents_changed=self.documents,
            entities_changed=bool(self.entity_ids) or any(p.draft.entity_id for p in self.plans),
            claims_changed=any(p.label.kind == "claim" for p in self.plans),
        )

    def do(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            for entity in self.entity_snapshots:
                project.entities.restore(entity)
            for annotation in self.snapshots:
                project.annotations.restore(annotation)
            self.decision_ids = [
                project.decisions.record(p.draft.document_id, *p.decision, "accepted")
                for p in self.plans
                if p.decision is not None
            ]
        return self._added()

    def revert(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            self.snapshots = [project.annotations.delete(i) for i in self.ids]
            for entity_id in self.entity_ids:
                project.entities.delete(entity_id)
            for decision_id in self.decision_ids:
                project.decisions.forget(decision_id)
        return ChangeSet(
            annotations_removed=tuple(self.ids),
            documents_changed=self.documents,
            entities_changed=True,
            claims_changed=True,
        )


class AddAnnotation(AddAnnotations):
    def __init__(
        self,
        session: ProjectSession,
        draft: AnnotationDraft,
        label: Label,
        *,
        new_entity: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(
            session,
            [AnnotationPlan(draft, label, new_entity)],
            f"Tag “{_short(draft.quote)}” as {label.name_en}",
        )


class DeleteAnnotation(_Command):
    def __init__(self, session: ProjectSession, annotation_id: int) -> None:
        snapshot = session.project.annotations.snapshot(annotation_id)
        super().__init__(session, f"Delete “{_short(snapshot.annotation.quote)}”")
        self.snapshot = session.project.annotations.delete(annotation_id)
        session.announce(self._removed())

    def _removed(self) -> ChangeSet:
        a = self.snapshot.annotation
        return ChangeSet(
            annotations_removed=(a.id,),
            documents_changed=(a.document_id,),
            entities_changed=a.entity_id is not None,
            claims_changed=self.snapshot.claim is not None,
        )

    def do(self) -> ChangeSet:
        self.session.project.annotations.delete(self.snapshot.annotation.id)
        return self._removed()

    def revert(self) -> ChangeSet:
        self.session.project.annotations.restore(self.snapshot)
        a = self.snapshot.annotation
        return ChangeSet(
            annotations_added=(a.id,),
            documents_changed=(a.document_id,),
            entities_changed=a.entity_id is not None,
            claims_changed=self.snapshot.claim is not None,
        )


class EditAnnotation(_Command):
    """Change an annotation's label and/or note."""

    def __init__(
        self,
        session: ProjectSession,
        annotation_id: int,
        *,
        label: Label | None = None,
        note: str | None = None,
    ) -> None:
        store = session.project.annotations
        quote = _short(store.get(annotation_id).quote)
        text = f"Change “{quote}” to {label.name_en}" if label else f"Edit note on “{quote}”"
        super().__init__(session, text)
        self.annotation_id = annotation_id
        self.label_id = label.id if label else None
        self.note = note
        self.before = store.update(annotation_id, label_id=self.label_id, note=note)
        self.after = store.snapshot(annotation_id)
        session.announce(self._changed())

    def _changed(self) -> ChangeSet:
        # Entity counts go by entity, which neither a label nor a note changes; claims appear
        # or go only when the label changes. A note edit touches the annotation alone.
        return ChangeSet(
            annotations_changed=(self.annotation_id,), claims_changed=self.label_id is not None
        )

    def do(self) -> ChangeSet:
        self.session.project.annotations.restore(self.after)
        return self._changed()

    def revert(self) -> ChangeSet:
        self.session.project.annotations.restore(self.before)
        return self._changed()


class AddLabel(_Command):
    def __init__(self, session: ProjectSession, **fields: str) -> None:
        super().__init__(session, f"Add label {fields.get('name_en') or fields.get('name_ar')}")
        self.label_id = session.project.labels.add(**fields)  # type: ignore[arg-type]
        self.label = session.project.labels.get(self.label_id)
        session.announce(ChangeSet(labels_changed=True))

    def do(self) -> ChangeSet:
        self.session.project.labels.restore(self.label)
        return ChangeSet(labels_changed=True)

    def revert(self) -> ChangeSet:
        with self.session.project.database.transaction():
            self.session.project.labels.delete_row(self.label_id)
        return ChangeSet(labels_changed=True)


class EditLabel(_Command):
    def __init__(self, session: ProjectSession, label_id: int, **fields: str) -> None:
        labels = session.project.labels
        before = labels.get(label_id)
        super().__init__(session, f"Edit label {before.name_en}")
        self.label_id = label_id
        self.all_before = labels.all()  # a shortcut may move from another label
        labels.update(label_id, **fields)
        self.all_after = labels.all()
        session.announce(ChangeSet(labels_changed=True))

    def _apply(self, state: list[Label]) -> ChangeSet:
        labels = self.session.project.labels
        with self.session.project.database.transaction():
            for label in state:
                labels.update(
                    label.id,
                    name_en=label.name_en,
                    name_ar=label.name_ar,
                    color=label.color,
                    icon=label.icon,
                )
                labels.set_shortcut(label.id, label.shortcut)
        return ChangeSet(labels_changed=True)

    def do(self) -> ChangeSet:
        return self._apply(self.all_after)

    def revert(self) -> ChangeSet:
        return self._apply(self.all_before)


class RemoveLabel(_Command):
    def __init__(self, session: ProjectSession, label_id: int, reassign_to: int | None) -> None:
        label = session.project.labels.get(label_id)
        super().__init__(session, f"Remove label {label.name_en}")
        self.label_id = label_id
        self.reassign_to = reassign_to
        self.removal: LabelRemoval = session.project.annotations.remove_label(label_id, reassign_to)
        session.announce(self._changes(removed=True))

    def _changes(self, removed: bool) -> ChangeSet:
        ids = self.removal.annotation_ids
        docs = tuple({s.annotation.document_id for s in self.removal.snapshots})
        if self.reassign_to is not None:
            return ChangeSet(labels_changed=True, annotations_changed=ids, documents_changed=docs)
        if removed:
            return ChangeSet(labels_changed=True, annotations_removed=ids, documents_changed=docs)
        return ChangeSet(labels_changed=True, annotations_added=ids, documents_changed=docs)

    def do(self) -> ChangeSet:
        self.removal = self.session.project.annotations.remove_label(
            self.label_id, self.reassign_to
        )
        return self._changes(removed=True)

    def revert(self) -> ChangeSet:
        self.session.project.annotations.undo_remove_label(self.removal)
        return self._changes(removed=False)


class LinkEntity(_Command):
    """Point an annotation at an entity (an existing one, or a new one created here)."""

    def __init__(
        self,
        session: ProjectSession,
        annotation_id: int,
        entity_id: int | None,
        new_entity: tuple[str, str] | None = None,
    ) -> None:
        project = session.project
        quote = _short(project.annotations.get(annotation_id).quote)
        super().__init__(session, f"Link “{quote}” to an entity")
        self.annotation_id = annotation_id
        with project.database.transaction():
            self.created: int | None = None
            if new_entity is not None:
                self.created = entity_id = project.entities.add(*new_entity)
            self.entity_id = entity_id
            self.previous = project.entities.link(annotation_id, entity_id)
        self.created_snapshot = (
            project.entities.snapshot(self.created) if self.created is not None else None
        )
        session.announce(self._changed())

    def _changed(self) -> ChangeSet:
        return ChangeSet(annotations_changed=(self.annotation_id,), entities_changed=True)

    def do(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            if self.created_snapshot is not None:
                project.entities.restore(self.created_snapshot)
            project.entities.link(self.annotation_id, self.entity_id)
        return self._changed()

    def revert(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            project.entities.link(self.annotation_id, self.previous)
            if self.created is not None:
                project.entities.delete(self.created)
        return self._changed()


class EditEntity(_Command):
    """Name, type, description, notes and aliases of an entity."""

    def __init__(
        self,
        session: ProjectSession,
        entity_id: int,
        aliases: tuple[str, ...] | None,
        **fields: str,
    ) -> None:
        entities = session.project.entities
        super().__init__(session, f"Edit entity {entities.get(entity_id).name}")
        self.entity_id = entity_id
        with session.project.database.transaction():
            self.before = entities.update(entity_id, **fields)
            if aliases is not None:
                entities.set_aliases(entity_id, (entities.get(entity_id).name, *aliases))
        self.after = entities.snapshot(entity_id)
        session.announce(ChangeSet(entities_changed=True, claims_changed=True))

    def do(self) -> ChangeSet:
        self.session.project.entities.restore(self.after)
        return ChangeSet(entities_changed=True, claims_changed=True)

    def revert(self) -> ChangeSet:
        self.session.project.entities.restore(self.before)
        return ChangeSet(entities_changed=True, claims_changed=True)


class MergeEntities(_Command):
    def __init__(self, session: ProjectSession, keep: int, remove: int) -> None:
        entities = session.project.entities
        super().__init__(
            session, f"Merge {entities.get(remove).name} into {entities.get(keep).name}"
        )
        self.keep, self.remove = keep, remove
        self.record = entities.merge(keep, remove)
        session.announce(self._changed())

    def _changed(self) -> ChangeSet:
        return ChangeSet(
            annotations_changed=self.record.moved_annotations,
            entities_changed=True,
            claims_changed=True,
        )

    def do(self) -> ChangeSet:
        self.record = self.session.project.entities.merge(self.keep, self.remove)
        return self._changed()

    def revert(self) -> ChangeSet:
        self.session.project.entities.unmerge(self.record)
        return self._changed()


NEW_ENTITY = -1  # stands for "the entity this command creates" in claimant/subjects


class EditClaim(_Command):
    """Any field of a claim (claimant, subjects, summary, stance, status, grading, date).
    ``create`` makes a new entity in the same step and puts it where ``NEW_ENTITY`` stands."""

    def __init__(
        self,
        session: ProjectSession,
        claim_id: int,
        *,
        create: tuple[str, str] | None = None,
        **fields: Any,
    ) -> None:
        super().__init__(session, f"Edit claim ({', '.join(sorted(fields))})")
        project = session.project
        self.claim_id = claim_id
        self.created: int | None = None
        with project.database.transaction():
            if create is not None:
                self.created = project.entities.add(*create)
                if fields.get("claimant_id") == NEW_ENTITY:
                    fields["claimant_id"] = self.created
                if "subjects" in fields:
                    fields["subjects"] = tuple(
                        self.created if s == NEW_ENTITY else s for s in fields["subjects"]
                    )
            self.before = project.claims.update(claim_id, **fields)
        self.after = project.claims.snapshot(claim_id)
        self.entity = project.entities.snapshot(self.created) if self.created else None
        session.announce(self._changed())

    def _changed(self) -> ChangeSet:
        return ChangeSet(claims_changed=True, entities_changed=self.created is not None)

    def do(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            if self.entity is not None:
                project.entities.restore(self.entity)
            project.claims.restore(self.after)
        return self._changed()

    def revert(self) -> ChangeSet:
        project = self.session.project
        with project.database.transaction():
            project.claims.restore(self.before)
            if self.created is not None:
                project.entities.delete(self.created)
        return self._changed()


class LinkClaims(_Command):
    def __init__(self, session: ProjectSession, from_claim: int, to_claim: int, kind: str) -> None:
        super().__init__(session, f"Link claims ({kind})")
        claims = session.project.claims
        self.link_id = claims.add_link(from_claim, to_claim, kind)
        self.link = next(link for link in claims.links(from_claim) if link.id == self.link_id)
        session.announce(ChangeSet(claims_changed=True))

    def do(self) -> ChangeSet:
        self.session.project.claims.restore_link(self.link)
        return ChangeSet(claims_changed=True)

    def revert(self) -> ChangeSet:
        self.session.project.claims.remove_link(self.link_id)
        return ChangeSet(claims_changed=True)


class UnlinkClaims(_Command):
    def __init__(self, session: ProjectSession, link_id: int) -> None:
        super().__init__(session, "Remove claim link")
        self.link = session.project.claims.remove_link(link_id)
        session.announce(ChangeSet(claims_changed=True))

    def do(self) -> ChangeSet:
        self.session.project.claims.remove_link(self.link.id)
        return ChangeSet(claims_changed=True)

    def revert(self) -> ChangeSet:
        self.session.project.claims.restore_link(self.link)
        return ChangeSet(claims_changed=True)


class RejectCandidates(_Command):
    """Reject suggestions or offered mentions; they are remembered and never offered again."""

    def __init__(
        self, session: ProjectSession, kind: str, candidates: list[tuple[int, int, int, str]]
    ) -> None:
        noun = "suggestion" if kind == "suggestion" else "mention"
        count = len(candidates)
        super().__init__(session, f"Reject {count} {noun}{'s' if count != 1 else ''}")
        self.kind = kind
        self.candidates = candidates
        self.ids: list[int] = []
        self._record()
        session.announce(self._changed())

    def _record(self) -> None:
        decisions = self.session.project.decisions
        with self.session.project.database.transaction():
            self.ids = [
                decisions.record(doc, self.kind, start, end, text, "rejected")
                for doc, start, end, text in self.candidates
            ]

    def _changed(self) -> ChangeSet:
        return ChangeSet(documents_changed=tuple({c[0] for c in self.candidates}))

    def do(self) -> ChangeSet:
        self._record()
        return self._changed()

    def revert(self) -> ChangeSet:
        with self.session.project.database.transaction():
            for decision_id in self.ids:
                self.session.project.decisions.forget(decision_id)
        return self._changed()


class DeleteArticle(_Command):
    """Remove an article with everything attached to it; undo writes it all back (under a new
    id only if another article took the old one meanwhile)."""

    def __init__(
        self,
        session: ProjectSession,
        document_id: int,
        on_restored: Callable[[int], None] = lambda _id: None,
    ) -> None:
        documents = session.project.documents
        title = documents.get(document_id).title
        rows = documents.delete(document_id)
        super().__init__(session, f"Delete article “{_short(title)}”")
        self.document_id = document_id
        self.on_restored = on_restored
        self.rows = rows
        session.announce(self._removed())

    def _removed(self) -> ChangeSet:
        return ChangeSet(
            documents_removed=(self.document_id,),
            annotations_removed=tuple(row["id"] for row in self.rows.rows("annotations")),
            entities_changed=self.rows.count("annotations") > 0,
            claims_changed=self.rows.count("claims") > 0,
        )

    def do(self) -> ChangeSet:
        self.rows = self.session.project.documents.delete(self.document_id)
        return self._removed()

    def revert(self) -> ChangeSet:
        self.document_id = self.session.project.documents.restore(self.rows)
        return ChangeSet(
            documents_added=(self.document_id,),
            entities_changed=self.rows.count("annotations") > 0,
            claims_changed=self.rows.count("claims") > 0,
        )

    def undo(self) -> None:
        super().undo()
        if not self.isObsolete():
            self.on_restored(self.document_id)


class CommandGroup(QUndoCommand):
    """Several commands as one undo step, each already done when added (like every command
    here); undo runs them backwards.

    Why not Qt's parent/child commands: a C++ parent deletes its children, and PySide then
    deletes them a second time from Python (or first, if their wrappers are collected), which
    crashes the interpreter. Here the group owns its members in Python only."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.members: list[QUndoCommand] = []

    def add(self, command: QUndoCommand) -> None:
        self.members.append(command)

    def redo(self) -> None:
        for command in self.members:
            command.redo()
            if command.isObsolete():  # it failed and said so: the stack must drop the group
                self.setObsolete(True)
                return

    def undo(self) -> None:
        for command in reversed(self.members):
            command.undo()
            if command.isObsolete():
                self.setObsolete(True)
                return
