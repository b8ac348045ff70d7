"""The entity registry: link a mention to an entity (a new one created on the way), edit an
entity's name, type, notes and aliases, and merge two entities."""

from __future__ import annotations

from functools import partial

from desktop.core.models import ChangeSet, NewEntity
from desktop.ops.outcome import Outcome, short
from desktop.store.entities import EntitySnapshot, MergeRecord
from desktop.store.project import Project

_ENTITIES_AND_CLAIMS = ChangeSet(entities_changed=True, claims_changed=True)


def link_entity(project: Project, annotation_id: int, entity: int | NewEntity) -> Outcome[int]:
    """Point an annotation at an entity, an existing one or a new one created here; the value
    is the entity's id."""
    quote = short(project.annotations.get(annotation_id).quote)
    text = f"Link “{quote}” to an entity"
    with project.database.transaction():
        created = None
        if isinstance(entity, NewEntity):
            entity_id = project.entities.add(*entity)
            created = project.entities.snapshot(entity_id)
        else:
            entity_id = entity
        previous = project.entities.link(annotation_id, entity_id)
    return _linked(annotation_id, entity_id, previous, created, text)


def _linked(
    annotation_id: int,
    entity_id: int,
    previous: int | None,
    created: EntitySnapshot | None,
    text: str,
) -> Outcome[int]:
    changes = ChangeSet(annotations_changed=(annotation_id,), entities_changed=True)
    back = partial(
        _unlink,
        annotation_id=annotation_id,
        entity_id=entity_id,
        previous=previous,
        created=created,
        text=text,
    )
    return Outcome(changes, back, text, entity_id)


def _unlink(
    project: Project,
    annotation_id: int,
    entity_id: int,
    previous: int | None,
    created: EntitySnapshot | None,
    text: str,
) -> Outcome[int]:
    with project.database.transaction():
        project.entities.link(annotation_id, previous)
        if created is not None:
            created = project.entities.snapshot(entity_id)  # as it is now, for redo
            project.entities.delete(entity_id)
    changes = ChangeSet(annotations_changed=(annotation_id,), entities_changed=True)
    back = partial(
        _relink,
        annotation_id=annotation_id,
        entity_id=entity_id,
        created=created,
        text=text,
    )
    return Outcome(changes, back, text, entity_id)


def _relink(
    project: Project,
    annotation_id: int,
    entity_id: int,
    created: EntitySnapshot | None,
    text: str,
) -> Outcome[int]:
    with project.database.transaction():
        if created is not None:
            project.entities.restore(created)
        previous = project.entities.link(annotation_id, entity_id)
    return _linked(annotation_id, entity_id, previous, created, text)


def edit_entity(
    project: Project,
    entity_id: int,
    *,
    aliases: tuple[str, ...] | None = None,
    **fields: str,
) -> Outcome[None]:
    """Name, type, description, notes and (with ``aliases``) the other names of an entity."""
    entities = project.entities
    text = f"Edit entity {short(entities.get(entity_id).name)}"
    with project.database.transaction():
        before = entities.update(entity_id, **fields)
        if aliases is not None:
            entities.set_aliases(entity_id, (entities.get(entity_id).name, *aliases))
        after = entities.snapshot(entity_id)
    return Outcome(
        _ENTITIES_AND_CLAIMS,
        partial(_entity_state, state=before, other=after, text=text),
        text,
        None,
    )


def _entity_state(
    project: Project, state: EntitySnapshot, other: EntitySnapshot, text: str
) -> Outcome[None]:
    project.entities.restore(state)
    back = partial(_entity_state, state=other, other=state, text=text)
    return Outcome(_ENTITIES_AND_CLAIMS, back, text, None)


def merge_entities(project: Project, keep: int, remove: int) -> Outcome[None]:
    """Move every mention, alias and claim of ``remove`` to ``keep`` and delete ``remove``."""
    entities = project.entities
    with project.database.transaction():
        text = f"Merge {short(entities.get(remove).name)} into {short(entities.get(keep).name)}"
        record = entities.merge(keep, remove)
    return Outcome(
        _merge_changes(record),
        partial(_unmerge, keep=keep, remove=remove, record=record, text=text),
        text,
        None,
    )


def _merge_changes(record: MergeRecord) -> ChangeSet:
    return ChangeSet(
        annotations_changed=record.moved_annotations, entities_changed=True, claims_changed=True
    )


def _unmerge(
    project: Project, keep: int, remove: int, record: MergeRecord, text: str
) -> Outcome[None]:
    project.entities.unmerge(record)
    back = partial(merge_entities, keep=keep, remove=remove)
    return Outcome(_merge_changes(record), back, text, None)
