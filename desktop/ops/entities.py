"""The entity registry: link a mention to an entity (a new one created on the way), edit an
entity's name, type, notes and aliases, add the parts of a person's name as aliases, and merge
two entities."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from desktop.core.arabic import fold
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.core.records import NewEntity
from desktop.core.values import entity_problem
from desktop.ops.outcome import Outcome, short
from desktop.store.entities import EntitySnapshot, MergeRecord, folded
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
    outcome = _linked(annotation_id, entity_id, previous, created, text)
    if created is None:
        return outcome
    changes = outcome.changes._replace(entities_created=(entity_id,))  # not on redo
    return Outcome(changes, outcome.undo, outcome.text, outcome.value)


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
    """Name, type, description, notes and (with ``aliases``) the other names of an entity.
    A value the project's JSON export could not hold is refused before anything is written
    (core/values.py: the same rules as the importer's)."""
    entities = project.entities
    problem = entity_problem(fields, aliases or ())
    if problem is not None:
        raise HamishError(problem)
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


def delete_entity(project: Project, entity_id: int) -> Outcome[None]:
    """Delete an entity nothing names (no mention, claimant or subject) — one a mistaken tag
    left in the registry, where its aliases kept being suggested (issue 14). One that is
    named is refused in words: merge it, or delete its mentions first."""
    entities = project.entities
    with project.database.transaction():
        if entities.named_anywhere(entity_id):
            raise HamishError(
                "This entity still has mentions or claims: merge it into another, or delete "
                "its mentions first."
            )
        state = entities.snapshot(entity_id)
        entities.delete(entity_id)
    text = f"Delete entity {short(state.row[1])}"
    return Outcome(
        ChangeSet(entities_changed=True),
        partial(_restore_entity, state=state, text=text),
        text,
        None,
    )


def _restore_entity(project: Project, state: EntitySnapshot, text: str) -> Outcome[None]:
    project.entities.restore(state)
    back = partial(delete_entity, entity_id=state.row[0])
    return Outcome(ChangeSet(entities_changed=True), back, text, None)


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
    # The removed entity's claims are every claim the merge touched: none other named it.
    claims = (*record.moved_claimants, *record.moved_subjects, *record.dropped_subjects)
    return ChangeSet(
        annotations_changed=record.moved_annotations,
        entities_changed=True,
        claims_changed=bool(claims),
        claim_ids=tuple(dict.fromkeys(claims)),
    )


def _unmerge(
    project: Project, keep: int, remove: int, record: MergeRecord, text: str
) -> Outcome[None]:
    project.entities.unmerge(record)
    back = partial(merge_entities, keep=keep, remove=remove)
    return Outcome(_merge_changes(record), back, text, None)


# --- the parts of a person's name as aliases ------------------------------------------------
@dataclass(frozen=True, slots=True)
class PartProposal:
    """A part of a person's name offered as an alias (:mod:`desktop.core.suggest.parts`).

    ``owner`` is the other entity (id, name) whose name or alias the part already is: such a
    part is shown with its owner but not offered (``offered`` is False), since one alias for
    two entities would make every mention ambiguous."""

    text: str
    checked: bool
    role: str
    owner: tuple[int, str] | None = None

    @property
    def offered(self) -> bool:
        return self.owner is None


MENTION_TEXTS = 20
"""Articles naming a person read for the tails of its name written alone: the offer comes at
the first tag, when there are one or two; a registry's old person may have thousands."""

AloneCounts = Mapping[tuple[str, str], int]
"""How often the person's articles write each tail of its name alone, by (tail, the word
before it): :func:`desktop.core.suggest.parts.name_parts`'s ``used_alone``, answered."""


def reads_articles(name: str) -> bool:
    """Whether the parts offered for a person so named depend on the person's articles (a
    name of three parts or more: a tail of two may be the form they write alone). The window
    then reads them in a worker (:func:`alone_counts`), never in a tag's frame."""
    from desktop.core.suggest.parts import name_parts  # the lexicon: on first use

    asked: list[str] = []

    def used_alone(tail: str, _before: str) -> int:
        asked.append(tail)
        return 0

    name_parts(name, used_alone=used_alone)
    return bool(asked)


def alone_counts(project: Project, entity_id: int) -> dict[tuple[str, str], int]:
    """Every count :func:`name_part_proposals` asks of a person's articles, read once (up to
    :data:`MENTION_TEXTS` of them): the window reads them in a worker, on a connection of its
    own, and works the offer out with them on the GUI thread. Empty for other types."""
    from desktop.core.suggest.parts import name_parts, uses_alone  # the lexicon: on first use

    entity = project.entities.get(entity_id)
    counts: dict[tuple[str, str], int] = {}
    if entity.type != "person":
        return counts
    texts: list[str] = []

    def used_alone(tail: str, before: str) -> int:
        # The articles that name the person (a few, read once): «فيلار مير» is the form the
        # article of «خوان ميغيل فيلار مير» uses four times (issue 14).
        if not texts:
            documents = sorted({row[1] for row in project.entities.mentions(entity_id)})
            texts.extend(fold(project.documents.get(d).text) for d in documents[:MENTION_TEXTS])
        count = counts[(tail, before)] = sum(uses_alone(text, tail, before) for text in texts)
        return count

    name_parts(entity.name, used_alone=used_alone)
    return counts


def name_part_proposals(
    project: Project,
    entity_id: int,
    *,
    is_place: Callable[[str], bool] | None = None,
    alone: AloneCounts | None = None,
    is_adjective: Callable[[str], bool] | None = None,
) -> list[PartProposal]:
    """The parts of a person entity's name that could be its aliases: none for other types,
    none that is already its own name or alias; a part another entity has names that one.
    ``alone``: the person's articles' counts read before (:func:`alone_counts`; a count not
    there is 0), else they are read here."""
    from desktop.core.suggest.parts import name_parts  # the lexicon: on first use

    entity = project.entities.get(entity_id)
    if entity.type != "person":
        return []
    own = {folded(alias) for alias in (entity.name, *entity.aliases)}
    if alone is None and reads_articles(entity.name):
        alone = alone_counts(project, entity_id)
    counts = alone or {}
    proposals: list[PartProposal] = []
    for part in name_parts(
        entity.name,
        is_place=is_place,
        used_alone=lambda tail, before: counts.get((tail, before), 0),
        is_adjective=is_adjective,
    ):
        if folded(part.text) in own:
            continue
        others = [e for e in project.entities.exact(part.text) if e.id != entity_id]
        owner = (others[0].id, others[0].name) if others else None
        proposals.append(PartProposal(part.text, part.checked and owner is None, part.role, owner))
    return proposals


def add_aliases(
    project: Project, entity_id: int, aliases: Sequence[str]
) -> Outcome[tuple[str, ...]]:
    """Add other names to an entity (those it has already are skipped), as one undo step; the
    value is the aliases added. Nothing added: no undo step."""
    entities = project.entities
    problem = entity_problem({}, aliases)
    if problem is not None:
        raise HamishError(problem)
    with project.database.transaction():
        name = entities.get(entity_id).name
        before = entities.snapshot(entity_id)
        added = tuple(
            alias
            for alias in (" ".join(a.split()) for a in aliases)
            if alias and entities.add_alias(entity_id, alias)
        )
        after = entities.snapshot(entity_id)
    text = f"Add aliases to {short(name)}"
    if not added:
        return Outcome(ChangeSet(), None, text, added)
    back = partial(_entity_state, state=before, other=after, text=text)
    return Outcome(_ENTITIES_AND_CLAIMS, back, text, added)
