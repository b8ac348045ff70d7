"""Claims: any field of a claim (claimant, subjects, summary, stance, status, grading, date),
and the supports / contradicts / repeats links between claims."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Literal

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.core.records import ClaimLink, NewEntity
from desktop.core.values import partial_date_problem, require, string_problem
from desktop.ops.outcome import Outcome
from desktop.store.claims import ClaimSnapshot
from desktop.store.entities import EntitySnapshot
from desktop.store.project import Project


def _claims(*ids: int) -> ChangeSet:
    """A change of the claims ``ids`` (their fields or their links)."""
    return ChangeSet(claims_changed=True, claim_ids=tuple(dict.fromkeys(ids)))


EntityRef = int | NewEntity
"""An entity named in a claim edit: an existing id, or a new entity the edit creates."""

Role = Literal["claimant", "subject"]
FIELD_NAMES = {
    "claimant_id": "claimant",
    "subjects": "subjects",
    "summary": "summary",
    "stance": "stance",
    "status": "status",
    "reliability": "grading",
    "credibility": "grading",
    "claimed_on": "date",
}
"""How the Edit menu names what an edit changed ("Undo Edit claim (claimant)")."""


def new_entity(name: str, role: Role, type_: str | None = None) -> NewEntity:
    """A name typed for a claim's claimant or subject: of the type the analyst chose, else a
    person for a claimant (someone who speaks) and "other" for a subject."""
    default = "person" if role == "claimant" else "other"
    return NewEntity(" ".join(name.split()), type_ or default)


def edit_claim(
    project: Project,
    claim_id: int,
    *,
    claimant: EntityRef | None = None,
    subjects: Sequence[EntityRef] | None = None,
    **fields: object,
) -> Outcome[None]:
    """Change claim fields; a ``NewEntity`` as claimant or among the subjects is created in
    the same transaction (and deleted again by undo). A date must be a real one (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``; empty clears it): ``2016-02-30`` was stored, the timeline
    silently used the article's date, and the project's JSON export no longer imported."""
    if "claimed_on" in fields:
        fields["claimed_on"] = _checked_date(fields["claimed_on"])
    if isinstance(fields.get("summary"), str):
        require("The claim's summary", string_problem(str(fields["summary"])))
    names = sorted(
        {
            FIELD_NAMES.get(name, name)
            for name in (
                *fields,
                *(["claimant_id"] if claimant is not None else []),
                *(["subjects"] if subjects is not None else []),
            )
        }
    )
    text = f"Edit claim ({', '.join(names)})"
    created: list[int] = []

    def resolve(ref: EntityRef) -> int:
        if isinstance(ref, NewEntity):
            created.append(project.entities.add(*ref))
            return created[-1]
        return ref

    with project.database.transaction():
        values = dict(fields)
        if claimant is not None:
            values["claimant_id"] = resolve(claimant)
        if subjects is not None:
            values["subjects"] = tuple(resolve(s) for s in subjects)
        before = project.claims.update(claim_id, **values)
        after = project.claims.snapshot(claim_id)
        entities = tuple(project.entities.snapshot(i) for i in created)
    outcome = _claim_state(project, before, after, entities, text, apply=False, forward=True)
    changes = outcome.changes._replace(entities_created=tuple(created))  # not on redo
    return Outcome(changes, outcome.undo, outcome.text, outcome.value)


def _checked_date(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise HamishError("The claim's date must be written YYYY-MM-DD, YYYY-MM or YYYY.")
    value = value.strip()
    require("The claim's date", partial_date_problem(value))
    return value


def _claim_state(
    project: Project,
    state: ClaimSnapshot,
    other: ClaimSnapshot,
    entities: tuple[EntitySnapshot, ...],
    text: str,
    *,
    apply: bool = True,
    forward: bool,
) -> Outcome[None]:
    """Bring a claim to ``other``; the entities an edit created exist exactly while the claim
    is in its edited state (``forward``)."""
    if apply:
        with project.database.transaction():
            if forward:
                for entity in entities:
                    project.entities.restore(entity)
            project.claims.restore(other)
            if not forward:
                for entity in entities:
                    project.entities.delete(entity.row[0])
    back = partial(
        _claim_state, state=other, other=state, entities=entities, text=text, forward=not forward
    )
    changes = _claims(other.claim.id)._replace(entities_changed=bool(entities))
    return Outcome(changes, back, text, None)


def link_claims(project: Project, from_claim: int, to_claim: int, kind: str) -> Outcome[int]:
    """Say that one claim supports, contradicts or repeats another; the value is the link id."""
    claims = project.claims
    with project.database.transaction():
        link_id = claims.add_link(from_claim, to_claim, kind)
        link = next(link for link in claims.links(from_claim) if link.id == link_id)
    text = f"Link claims ({kind})"
    changes = _claims(from_claim, to_claim)
    return Outcome(changes, partial(_remove_link, link=link, text=text), text, link_id)


def unlink_claims(project: Project, link_id: int) -> Outcome[int]:
    link = project.claims.remove_link(link_id)
    text = "Remove claim link"
    changes = _claims(link.from_claim, link.to_claim)
    return Outcome(changes, partial(_restore_link, link=link, text=text), text, link_id)


def _remove_link(project: Project, link: ClaimLink, text: str) -> Outcome[int]:
    project.claims.remove_link(link.id)
    changes = _claims(link.from_claim, link.to_claim)
    return Outcome(changes, partial(_restore_link, link=link, text=text), text, link.id)


def _restore_link(project: Project, link: ClaimLink, text: str) -> Outcome[int]:
    project.claims.restore_link(link)
    changes = _claims(link.from_claim, link.to_claim)
    return Outcome(changes, partial(_remove_link, link=link, text=text), text, link.id)
