"""Tagging: create annotations (a selection, accepted suggestions or mentions), delete them,
change their label or note, and record rejected suggestions and mentions.

The rules of a new tag live here, not in the window: which registry entity a mention names
(proclitics stripped), which new entity to create with it, which entity a claim's claimant is,
and which decision to record so an accepted or rejected candidate is not offered again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

from desktop.core.arabic import CONJUNCTIONS, PREPOSITIONS, fold, proclitic_readings, remembered
from desktop.core.controls import without_bidi_formatting
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet, Label
from desktop.core.records import AnnotationDraft, NewEntity
from desktop.core.services import prepare_annotation
from desktop.core.spans import snap_to_mention
from desktop.core.values import name_problem, require
from desktop.ops.outcome import Outcome, plural, short
from desktop.store.entities import EntitySnapshot
from desktop.store.project import Project

if TYPE_CHECKING:  # the undo records load with the first delete or undo (rowsets.py)
    from desktop.store.rowsets import AnnotationSnapshot

ENTITY_TYPE_OF_LABEL = {
    "person": "person",
    "organisation": "organisation",
    "location": "location",
    "event": "event",
}
LABEL_OF_ENTITY_TYPE = {v: k for k, v in ENTITY_TYPE_OF_LABEL.items()}
# The single proclitic letters a quote may start with (و ف ب ك ل), from the one inventory.
_ONE_LETTER_PROCLITICS = CONJUNCTIONS + PREPOSITIONS


def entity_type(label: Label) -> str | None:
    """The registry type a label's mentions belong to; None for non-entity labels."""
    if label.kind != "entity":
        return None
    return ENTITY_TYPE_OF_LABEL.get(label.key, "other")


def resolve_entity(
    project: Project,
    quote: str,
    label: Label,
    *,
    name: str | None = None,
    text: str = "",
    document_id: int | None = None,
) -> tuple[int | None, NewEntity | None]:
    """Link a new mention to the entity it names, or plan a new one.

    Looks for an entity of the label's type whose name or alias folds to ``name`` (the
    canonical name a gazetteer suggestion knows: ``الأمم المتحدة`` for the written
    ``للأمم المتحدة``, ``الولايات المتحدة`` for ``أميركا``), then to the quote, then to the quote
    without one or two proclitics (``وكيري`` → ``كيري``, ``للكرملين`` → ``الكرملين``). Nothing
    found: a new entity named ``name``, or after the quote without the proclitics the article
    ``text`` (of ``document_id``) and the project show it carries (:func:`new_entity_name`).
    """
    type_ = entity_type(label)
    if type_ is None:
        return None, None
    for candidate in _lookups(quote, name):
        found = project.entities.exact(candidate, type_)
        if found:
            return found[0].id, None
    if name:  # a name a suggestion source gave: refused now, not when accepted in bulk
        name = " ".join(name.split())
        require("The entity's name", name_problem(name))
        return None, NewEntity(name, type_)
    # An article keeps its bidi embeddings and overrides (core/controls.py); a name made of
    # its words does not, or the name would read differently wherever it is shown.
    chosen = without_bidi_formatting(new_entity_name(project, quote, text, document_id))
    return None, NewEntity(" ".join(chosen.split()), type_)


def _lookups(quote: str, name: str | None = None) -> tuple[str, ...]:
    """What :func:`resolve_entity` looks an entity up by, in order: the canonical name, the
    quote, the quote without one or two proclitics (and ل + ال written لل with its article
    back)."""
    candidates = [name, quote] if name else [quote]
    for strip in (1, 2):
        if len(quote) > strip + 2 and all(ch in _ONE_LETTER_PROCLITICS for ch in quote[:strip]):
            candidates.append(quote[strip:])
    words = quote.split()
    for reading in proclitic_readings(words[0]) if words else ():
        if reading not in words[0]:  # ل + ال written لل, with its article back (للكرملين)
            candidates.append(" ".join([reading, *words[1:]]))
    return tuple(dict.fromkeys(candidates))


def _names(quote: str, name: str | None, entity: NewEntity | None) -> tuple[str, ...]:
    """What a plan's new entity is looked up by when it is made (:func:`add_annotations`):
    the forms :func:`resolve_entity` tried, then the name it chose (``الرئيس`` for
    ``للرئيس``), so a bulk accept makes what accepting each in turn makes."""
    lookups = _lookups(quote, name)
    if entity is None or entity.name in lookups:
        return lookups
    return (*lookups, entity.name)


_KUNYAS = frozenset(fold(w) for w in ("أبو", "أبي", "أبا"))  # وأبو بكر: و + a kunya


def new_entity_name(
    project: Project, quote: str, text: str = "", document_id: int | None = None
) -> str:
    """What a new entity made from the mention ``quote`` is called: the quote, without the
    proclitics its first word carries when the evidence says they are proclitics. The word
    without them (:func:`desktop.core.arabic.proclitic_readings`: ``لأوباما`` → ``أوباما``,
    ``للكرملين`` → ``الكرملين``) must stand alone in the article ``text`` or the project's other
    articles (its search index) at least as often as the word as quoted: after و or ف alone
    (``وكيري`` beside one ``كيري``), as a name seldom starts with the conjunction; after ب ك ل
    a word of three letters must stand alone more often (ك + يرى is كيري, ك + مال كمال).
    A given name as written (وليد، بشار، كمال) keeps its letters. The mention keeps its span.

    Why evidence and not the letters: وليد، لبنان، بشار، لافروف and كيري start with those
    letters and are names (ليد، بنان، شار، افروف are never written alone), and an entity
    called لأوباما or وكيري was a second Obama or Kerry beside the right one."""
    from desktop.core.suggest.lexicon import COMPOUND_SECONDS
    from desktop.resources import given_names

    words = quote.split()
    if not words:
        return quote
    whole = " ".join(words)
    written = fold(words[0])
    readings = proclitic_readings(words[0])
    if not readings or written in given_names():
        return whole
    if len(words) > 1 and written[0] in CONJUNCTIONS:
        # و + a given name or a kunya beginning a full name is the next name of a list (وعلي
        # بن أبي طالب after عمر بن الخطاب): it became an entity called وعلي … when the given name
        # stood alone nowhere else (a trial). A written given name (وسام، وليد) returned above.
        for reading in readings:
            stem = fold(reading)
            if len(stem) == len(written) - 1 and (stem in given_names() or stem in _KUNYAS):
                return " ".join([reading, *words[1:]])  # وعلي بن …، وأبو بكر
    counts = _word_counts(project, [words[0], *readings], text, document_id)
    alone = counts[0]
    best, best_count = whole, 0
    for reading, count in zip(readings, counts[1:], strict=True):
        stem = fold(reading)
        if stem in COMPOUND_SECONDS:
            continue  # بالله of المعتصم بالله: الله alone is no one's name (nor الدين)
        conjunction = written[0] in CONJUNCTIONS and len(written) - len(stem) == 1
        plausible = count > alone or (
            count == alone and count > 0 and (conjunction or len(stem) >= 4)
        )
        if plausible and count > best_count:
            best, best_count = " ".join([reading, *words[1:]]), count
    return best


def _alone(folded: str, term: str) -> int:
    """How often ``term`` stands alone in ``folded`` as a token of the index (a run of letters
    and digits): by ``str.find``, as a regular expression's look-arounds at every character
    of a 1 MB article took 0.1 s for three words."""
    count = 0
    at = folded.find(term)
    while at >= 0:
        end = at + len(term)
        before = folded[at - 1] if at else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or after.isalnum()):
            count += 1
        at = folded.find(term, end)
    return count


def _word_counts(
    project: Project, words: Sequence[str], text: str, document_id: int | None
) -> list[int]:
    """How often each of ``words`` is written standing alone (folded, a whole token) in
    ``text`` and in the project's other articles, as far as the search index knows them."""
    from desktop.core.query import tokens_of

    terms = [fold(word) for word in words]
    known = remembered(text) if text else None  # the suggestions normalised a long article
    folded = known.text if known is not None else fold(text)
    counts = [_alone(folded, term) for term in terms]
    for number, term in enumerate(terms):
        if tokens_of(term) != [term]:
            continue  # not one token of the index
        counts[number] += (
            project.search.occurrences_elsewhere(term, document_id, ELSEWHERE_CAP) or 0
        )
    return counts


ELSEWHERE_CAP = 10_000
"""Occurrences in the other articles counted at most, per word: counting كيري through a
million articles (800,000 of them hold it) took 2 s of each tag of وكيري; up to ten thousand
takes a few milliseconds. Only when the word as quoted and the word without its proclitic are
each written ten thousand times elsewhere do they count as equally common."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span offered to the analyst (a suggestion or a mention); ``kind`` names which."""

    kind: str  # "suggestion" | "mention"
    document_id: int
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class AnnotationPlan:
    """One annotation to create, with what goes with it in the same transaction: a new
    entity to create and link, claim fields (e.g. the claimant the registry knows), and the
    candidate it accepts (recorded as a decision).

    A plan is made before anything of its edit is written, so what it found missing is looked
    up again when it is carried out (:func:`add_annotations`), after the plans before it: the
    new entity by ``names`` (its name, else the forms :func:`resolve_entity` tried), and a
    claimant the registry did not know by ``claimant_names`` (who the claim's suggestion says
    spoke, as written) or as the one entity tagged in ``claimant_span``; ``new_claimant`` is
    created only when neither finds one. So a bulk accept of كيري in five articles makes one
    كيري, and a claim by الكرملين is the organisation's."""

    draft: AnnotationDraft
    label: Label
    new_entity: NewEntity | None = None
    claim: Mapping[str, object] = field(default_factory=dict)
    accepts: Candidate | None = None
    names: tuple[str, ...] = ()
    claimant_names: tuple[str, ...] = ()
    claimant_span: tuple[int, int] | None = None
    new_claimant: NewEntity | None = None


def plan_selection(
    project: Project,
    text: str,
    document_id: int,
    start: int,
    end: int,
    label: Label,
    author: str,
    *,
    snap: bool = True,
    placed: bool = False,
) -> AnnotationPlan:
    """A tag of the analyst's selection: snapped to words, linked to the entity it names (a
    new one planned when none matches). Raises ``HamishError`` for an empty selection.

    ``snap``: the analyst's choice (the setting, Alt held for an exact selection). ``placed``:
    Hamish selected the passage (a find match, a passage opened), not the analyst's hand: a
    note or a claim takes it as it is, but an entity's mention still grows to whole words
    (keeping out a proclitic find left out) — a find match can start or end inside a word,
    and find "اع" tagged as an organisation made an entity "اع" of داعية."""
    start, end = min(start, end), max(start, end)
    if placed:
        if snap and entity_type(label) is not None and start >= 0 and end <= len(text):
            start, end = snap_to_mention(text, start, end)
        snap = False
    draft = prepare_annotation(text, document_id, start, end, label.id, author, snap=snap)
    entity_id, new_entity = resolve_entity(
        project, draft.quote, label, text=text, document_id=document_id
    )
    if entity_id is not None:
        draft = draft._replace(entity_id=entity_id)
    return AnnotationPlan(draft, label, new_entity, names=_names(draft.quote, None, new_entity))


def plan_suggestion(
    project: Project,
    text: str,
    document_id: int,
    suggestion_start: int,
    suggestion_end: int,
    label: Label,
    author: str,
    *,
    entity_id: int | None = None,
    is_entity: bool = True,
    claimant: str | None = None,
    claimant_span: tuple[int, int] | None = None,
    entity_name: str | None = None,
) -> AnnotationPlan:
    """Accepting a dashed suggestion: linked to the entity it matched (or one resolved or
    planned, by ``entity_name`` when the suggestion knows the canonical name), and for a claim
    the claimant the rules attributed when it is an entity: the registry's, else one named
    ``claimant`` (its name or an alias), else the one entity tagged in ``claimant_span``, else
    a new person only when the suggestion knows the claimant as a person's name (a claim's
    ``entity_name``). None of these, the claim has no claimant: what the rules take for a
    speaker is often no one's name ("مصادر دبلوماسية عربية", "واشنطن وموسكو"), and a person
    made of it was junk in the registry, the network and the timeline."""
    draft = prepare_annotation(
        text, document_id, suggestion_start, suggestion_end, label.id, author, snap=False
    )
    new_entity = None
    names: tuple[str, ...] = ()
    if entity_type(label) is not None:
        if entity_id is not None and is_entity:
            draft = draft._replace(entity_id=entity_id)
        else:
            found, new_entity = resolve_entity(
                project, draft.quote, label, name=entity_name, text=text, document_id=document_id
            )
            if found is not None:
                draft = draft._replace(entity_id=found)
            names = _names(draft.quote, entity_name, new_entity)
    claim: dict[str, object] = {}
    speaker: tuple[str, ...] = ()
    if label.kind == "claim" and entity_id is not None:
        claim["claimant_id"] = entity_id  # the registry knows the speaker
    elif label.kind == "claim":
        speaker = _lookups(claimant) if claimant else ()
    else:
        claimant_span = None
    new_claimant = None
    if speaker and entity_name:
        new_claimant = NewEntity(" ".join(entity_name.split()), "person")
    quote = text[suggestion_start:suggestion_end]
    accepts = Candidate("suggestion", document_id, suggestion_start, suggestion_end, quote)
    return AnnotationPlan(
        draft, label, new_entity, claim, accepts, names, speaker, claimant_span, new_claimant
    )


def with_claimant(
    plan: AnnotationPlan,
    claimant: str | None,
    claimant_span: tuple[int, int] | None,
    *,
    entity_id: int | None = None,
    entity_name: str | None = None,
) -> AnnotationPlan:
    """The analyst's own claim tag with the speaker the claim rules found where it lies
    (``وقال أبو الغيط إن …``): the same claimant accepting the suggestion would give — the
    registry's entity, one named so, the one entity tagged where the speaker is written, or a
    new person only when the rules know the speaker as a person's name. A claim tagged by hand
    had no claimant, so it fell into the timeline's "no claimant" lane."""
    if plan.label.kind != "claim":
        return plan
    if entity_id is not None:
        return replace(plan, claim={**plan.claim, "claimant_id": entity_id})
    speaker = _lookups(claimant) if claimant else ()
    new_claimant = None
    if speaker and entity_name:
        new_claimant = NewEntity(" ".join(entity_name.split()), "person")
    return replace(
        plan, claimant_names=speaker, claimant_span=claimant_span, new_claimant=new_claimant
    )


class Mention(Protocol):
    """An untagged occurrence of an entity's name, as find-all-mentions offers it."""

    @property
    def document_id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def entity_id(self) -> int: ...


def label_for_mentions(project: Project, labels: Sequence[Label], entity_id: int) -> Label | None:
    """The label that tags further mentions of an entity: the one its type names (Person for
    people, …); for other types, the label already used on its mentions."""
    entity = project.entities.get(entity_id)
    key = LABEL_OF_ENTITY_TYPE.get(entity.type)
    if key is None:
        used = [
            project.annotations.get(m[0]).label_id for m in project.entities.mentions(entity_id)
        ]
        by_id = {label.id: label for label in labels}
        return next((by_id[i] for i in used if i in by_id), None)
    return next((label for label in labels if label.key == key), None)


def new_entity_for(name: str, label: Label | None) -> NewEntity:
    """A new entity typed after the label of the mention it is made for ("other" without)."""
    return NewEntity(" ".join(name.split()), (entity_type(label) if label else None) or "other")


def plan_mentions(mentions: Sequence[Mention], label: Label, author: str) -> list[AnnotationPlan]:
    """Accepting offered mentions: each tagged with ``label`` and linked to its entity."""
    return [
        AnnotationPlan(
            AnnotationDraft(
                m.document_id,
                m.start,
                m.end,
                m.quote,
                m.prefix,
                m.suffix,
                label.id,
                author,
                entity_id=m.entity_id,
            ),
            label,
            accepts=Candidate("mention", m.document_id, m.start, m.end, m.quote),
        )
        for m in mentions
    ]


# --- creating ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Added:
    """What :func:`add_annotations` created, so it can be taken back."""

    plans: tuple[AnnotationPlan, ...]
    ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    decision_ids: tuple[Recorded, ...]
    text: str
    claim_ids: tuple[int, ...] = ()
    claimant_ids: tuple[int, ...] = ()  # claimants' names tagged with the claims (_tag_claimant)


def _added(added: _Added) -> ChangeSet:
    plans = added.plans
    return ChangeSet(
        annotations_added=added.ids + added.claimant_ids,
        documents_changed=tuple(dict.fromkeys(p.draft.document_id for p in plans)),
        entities_changed=bool(added.entity_ids)
        or any(
            p.draft.entity_id or p.new_entity or p.claimant_names or p.claimant_span for p in plans
        ),
        claims_changed=any(p.label.kind == "claim" for p in plans),
        claim_ids=added.claim_ids,
    )


def _claim_ids(snapshots: Sequence[AnnotationSnapshot]) -> tuple[int, ...]:
    """The claims that went or came back with these annotations."""
    return tuple(int(s.claim[0]) for s in snapshots if s.claim is not None)


Recorded = tuple[int, tuple[str, str] | None]
"""A decision row written, with the decision it replaced (undo puts that one back)."""


def _record(project: Project, candidate: Candidate, decision: str) -> Recorded:
    c = candidate
    previous = project.decisions.previous(c.document_id, c.kind, c.start, c.end, c.quote)
    row = project.decisions.record(c.document_id, c.kind, c.start, c.end, c.quote, decision)
    return row, previous


def _revert(project: Project, recorded: Sequence[Recorded]) -> None:
    for row, previous in reversed(recorded):
        project.decisions.revert(row, previous)


def _record_accepted(project: Project, plans: Sequence[AnnotationPlan]) -> tuple[Recorded, ...]:
    return tuple(_record(project, c, "accepted") for p in plans if (c := p.accepts) is not None)


def add_annotations(
    project: Project, plans: Sequence[AnnotationPlan], text: str = ""
) -> Outcome[tuple[int, ...]]:
    """Create annotations with their new entities, claim fields and decisions, all in one
    transaction (all or nothing); the value is the new annotation ids in plan order.

    A plan the same as an annotation already there (same article, span and label) or as one
    before it is skipped: accepting a mention twice counted it twice in the network and the
    briefing. Nothing left to add (or no plans): nothing is done and there is no undo step."""
    plans = _new_plans(project, plans)
    if not plans:
        return Outcome(ChangeSet(), None, text or "Tag", ())
    ids: list[int] = []
    entity_ids: list[int] = []
    claim_ids: list[int] = []
    claimant_ids: list[int] = []
    claims: list[tuple[int, AnnotationPlan]] = []
    texts: dict[int, str] = {}  # articles read for claimants' names, once each

    # Plans made together were each made before any was carried out (a bulk accept of كيري
    # in five articles, of باراك أوباما and باراك اوباما): the entity each would create is
    # looked up again here, where the store sees the entities the plans before it created —
    # as if each had been accepted in turn.
    def entity_for(names: tuple[str, ...], entity: NewEntity) -> int:
        for name in names or (entity.name,):
            found = project.entities.exact(name, entity.type)
            if found:
                return found[0].id
        entity_ids.append(project.entities.add(*entity))
        return entity_ids[-1]

    with project.database.transaction():
        _check_entities(project, plans)
        for plan in plans:
            draft = plan.draft
            if plan.new_entity is not None:
                draft = draft._replace(entity_id=entity_for(plan.names, plan.new_entity))
            annotation_id = project.annotations.add(draft)
            ids.append(annotation_id)
            if plan.label.kind != "claim":
                continue
            claim = project.claims.for_annotation(annotation_id)
            if claim is not None:
                claim_ids.append(claim.id)
                claims.append((claim.id, plan))
        # The claimants once every entity and tag is in, so a claim sees the speaker's name
        # accepted with it, whichever row came first.
        for claim_id, plan in claims:
            fields = dict(plan.claim)
            if "claimant_id" not in fields:
                speaker = _claimant(project, plan)
                if speaker is None and plan.new_claimant is not None:
                    speaker = entity_for((), plan.new_claimant)
                if speaker is not None and plan.new_claimant is not None:
                    mention = _tag_claimant(project, plan, speaker, texts)
                    if mention is not None:
                        claimant_ids.append(mention)
                if speaker is not None:
                    fields["claimant_id"] = speaker
            if fields:
                project.claims.update(claim_id, **fields)
        decision_ids = _record_accepted(project, plans)
    if not text:
        first = plans[0]
        text = f"Tag “{short(first.draft.quote)}” as {first.label.name_en}"
        if len(plans) > 1:
            text = f"Tag {plural(len(plans), 'passage')}"
    added = _Added(
        tuple(plans),
        tuple(ids),
        tuple(entity_ids),
        decision_ids,
        text,
        tuple(claim_ids),
        tuple(claimant_ids),
    )
    changes = _added(added)._replace(entities_created=added.entity_ids)  # not on redo
    return Outcome(changes, partial(_remove_added, added=added), text, added.ids)


def _new_plans(project: Project, plans: Sequence[AnnotationPlan]) -> list[AnnotationPlan]:
    """``plans`` without those the same (article, span, label) as an annotation already there
    or as a plan before them. Only the plans' own spans are looked up: reading the article's
    every annotation made one tag on an article of 10,000 cost 80 ms."""
    wanted: dict[int, set[tuple[int, int, int]]] = {}
    for plan in plans:
        d = plan.draft
        wanted.setdefault(d.document_id, set()).add((d.start, d.end, d.label_id))
    seen = {
        (document_id, *key)
        for document_id, keys in wanted.items()
        for key in project.annotations.present(document_id, keys)
    }
    kept: list[AnnotationPlan] = []
    for plan in plans:
        d = plan.draft
        key = (d.document_id, d.start, d.end, d.label_id)
        if key not in seen:
            seen.add(key)
            kept.append(plan)
    return kept


def _check_entities(project: Project, plans: Sequence[AnnotationPlan]) -> None:
    """Refuse, in words, plans whose entity is gone: a plan is made before it is carried out
    (a review list, Find All Mentions), and an entity merged into another or deleted meanwhile
    failed as "FOREIGN KEY constraint failed". The store keeps no record of merges once their
    undo is gone, so the plan cannot be pointed at the entity that took it over."""
    for plan in plans:
        for entity_id in (plan.draft.entity_id, plan.claim.get("claimant_id")):
            if isinstance(entity_id, int) and not project.entities.exists(entity_id):
                raise HamishError(
                    f"The entity for “{short(plan.draft.quote)}” was merged into another or "
                    "deleted meanwhile; nothing was tagged. Tag it again."
                )


def _claimant(project: Project, plan: AnnotationPlan) -> int | None:
    """The entity a claim suggestion's speaker is: named so (a name or an alias), else the
    one entity tagged where the speaker is written (الرئيس أوباما, with أوباما tagged) — or
    the one person of several (السفير في موسكو جون تيفت); None when there is none, or no one
    stands out (بومبيو وجيفري)."""
    for name in plan.claimant_names:
        found = project.entities.exact(name)
        if found:
            return found[0].id
    titled = _titled_person(project, plan)
    if titled is not None:
        return titled
    if plan.claimant_span is None:
        return None
    start, end = plan.claimant_span
    inside = project.annotations.entities_within(plan.draft.document_id, start, end)
    if len(inside) > 1:
        inside = [i for i in inside if project.entities.get(i).type == "person"]
    return inside[0] if len(inside) == 1 else None


_WHOLE = 1 << 62  # an end past any article's: entities_within the whole of it


def _tag_claimant(
    project: Project, plan: AnnotationPlan, entity_id: int, texts: dict[int, str]
) -> int | None:
    """The claimant's name, where the claim's suggestion found it written, tagged as a
    mention of the person the claim now names (a new claimant, or one the project knew by
    that name): a trial's accepted claim made «جون كيربي», who then had no mention in the
    Entities panel, the network or the briefing. Only where the speaker is one person's name
    (the claim's ``new_claimant``), the entity a person, and nothing is tagged there yet;
    None when nothing was tagged."""
    label = project.labels.by_key("person")
    if plan.claimant_span is None or label is None or label.kind != "entity":
        return None
    if project.entities.get(entity_id).type != "person":
        return None
    start, end = plan.claimant_span
    document_id = plan.draft.document_id
    if project.annotations.entities_within(document_id, start, end):
        return None  # named by a tag already (the claimant found there, or another's)
    if project.annotations.present(document_id, [(start, end, label.id)]):
        return None
    if document_id not in texts:  # a bulk accept of a long article's claims reads it once
        texts[document_id] = project.documents.get(document_id).text
    text = texts[document_id]
    if not 0 <= start < end <= len(text):
        return None
    draft = prepare_annotation(
        text, document_id, start, end, label.id, plan.draft.author, snap=False
    )
    return project.annotations.add(draft._replace(entity_id=entity_id))


def _titled_person(project: Project, plan: AnnotationPlan) -> int | None:
    """The one person tagged in the claim's article whose name ends with the speaker's
    («وزير الخارجية المصري سامح شكري» for سامح شكري or شكري): a trial tagged the minister
    with his title, then «وقال شكري …» as a claim, and got a second سامح شكري as claimant."""
    names = [fold(name).split() for name in plan.claimant_names if name.strip()]
    if not names:
        return None
    found: set[int] = set()
    # Each entity of the article once (a 10,000-tag article names a few hundred).
    for entity_id in project.annotations.entities_within(plan.draft.document_id, 0, _WHOLE):
        entity = project.entities.get(entity_id)
        if entity.type != "person":
            continue
        for own in (entity.name, *entity.aliases):
            words = fold(own).split()
            if any(len(words) > len(name) and words[-len(name) :] == name for name in names):
                found.add(entity_id)
                break
    return found.pop() if len(found) == 1 else None


def _remove_added(project: Project, added: _Added) -> Outcome[tuple[int, ...]]:
    with project.database.transaction():
        snapshots = tuple(project.annotations.delete(i) for i in added.ids + added.claimant_ids)
        entities = tuple(
            project.entities.snapshot(i) for i in added.entity_ids if project.entities.exists(i)
        )
        for entity in entities:
            project.entities.delete(entity.row[0])
        _revert(project, added.decision_ids)
    changes = ChangeSet(
        annotations_removed=added.ids + added.claimant_ids,
        documents_changed=_added(added).documents_changed,
        entities_changed=True,
        # The entities deleted here were made by this edit: only its own claims named them.
        claims_changed=any(s.claim is not None for s in snapshots),
        claim_ids=_claim_ids(snapshots),
    )
    redo = partial(_restore_added, added=added, snapshots=snapshots, entities=entities)
    return Outcome(changes, redo, added.text, added.ids)


def _restore_added(
    project: Project,
    added: _Added,
    snapshots: tuple[AnnotationSnapshot, ...],
    entities: tuple[EntitySnapshot, ...],
) -> Outcome[tuple[int, ...]]:
    with project.database.transaction():
        for entity in entities:
            project.entities.restore(entity)
        for snapshot in snapshots:
            project.annotations.restore(snapshot)
        decision_ids = _record_accepted(project, added.plans)
    again = replace(added, decision_ids=decision_ids)
    return Outcome(_added(again), partial(_remove_added, added=again), added.text, added.ids)


# --- deleting ------------------------------------------------------------------------------------
def _snapshot_changes(snapshot: AnnotationSnapshot, *, removed: bool) -> ChangeSet:
    a = snapshot.annotation
    ids = (a.id,)
    return ChangeSet(
        annotations_removed=ids if removed else (),
        annotations_added=() if removed else ids,
        documents_changed=(a.document_id,),
        entities_changed=a.entity_id is not None,
        claims_changed=snapshot.claim is not None,
        claim_ids=_claim_ids((snapshot,)),
    )


def delete_annotation(project: Project, annotation_id: int) -> Outcome[None]:
    """Delete an annotation with its claim, claim links and notes (all restored by undo), and
    the entity the tag made, when this was its last mention and the analyst gave it nothing
    since (``EntityStore.untouched_since``).

    Why the entity: a mistaken tag (سيحترم as a person) deleted left its entity behind, hidden
    from the Entities panel (no mentions) and still an alias of the registry, so the word kept
    being suggested as a person (issue 14). One undo brings both back."""
    with project.database.transaction():
        snapshot = project.annotations.delete(annotation_id)
        a = snapshot.annotation
        entity = None
        if a.entity_id is not None and project.entities.untouched_since(a.entity_id, a.created_at):
            entity = project.entities.snapshot(a.entity_id)
            project.entities.delete(a.entity_id)
    text = f"Delete “{short(snapshot.annotation.quote)}”"
    return Outcome(
        _snapshot_changes(snapshot, removed=True),
        partial(_restore_annotation, snapshot=snapshot, text=text, entity=entity),
        text,
        None,
    )


def _restore_annotation(
    project: Project,
    snapshot: AnnotationSnapshot,
    text: str,
    entity: EntitySnapshot | None = None,
) -> Outcome[None]:
    with project.database.transaction():
        if entity is not None:
            project.entities.restore(entity)
        project.annotations.restore(snapshot)
    redo = partial(delete_annotation, annotation_id=snapshot.annotation.id)
    return Outcome(_snapshot_changes(snapshot, removed=False), redo, text, None)


# --- editing -------------------------------------------------------------------------------------
def edit_annotation(
    project: Project, annotation_id: int, *, label: Label | None = None, note: str | None = None
) -> Outcome[None]:
    """Change an annotation's label and/or note."""
    store = project.annotations
    with project.database.transaction():  # reads too: a failed read must undo the write
        quote = short(store.get(annotation_id).quote)
        text = f"Change “{quote}” to {label.name_en}" if label else f"Edit note on “{quote}”"
        before = store.update(annotation_id, label_id=label.id if label else None, note=note)
        after = store.snapshot(annotation_id)
    return _annotation_state(project, before, after, label is not None, text, apply=False)


def _annotation_state(
    project: Project,
    state: AnnotationSnapshot,
    other: AnnotationSnapshot,
    label_changed: bool,
    text: str,
    *,
    apply: bool = True,
) -> Outcome[None]:
    """Put an annotation in ``state`` (undo and redo of an edit swap the two states)."""
    if apply:
        project.annotations.restore(other)
    # Entity counts go by entity, which neither a label nor a note changes; claims appear or
    # go only when the label changes. A note edit touches the annotation alone.
    changes = ChangeSet(
        annotations_changed=(state.annotation.id,),
        claims_changed=label_changed,
        claim_ids=tuple(dict.fromkeys(_claim_ids((state, other)))) if label_changed else (),
    )
    back = partial(
        _annotation_state, state=other, other=state, label_changed=label_changed, text=text
    )
    return Outcome(changes, back, text, None)


# --- decisions -----------------------------------------------------------------------------------
def reject_candidates(project: Project, candidates: Sequence[Candidate]) -> Outcome[None]:
    """Reject suggestions or offered mentions; they are remembered and never offered again."""
    with project.database.transaction():
        ids = tuple(_record(project, c, "rejected") for c in candidates)
    noun = "suggestion" if candidates and candidates[0].kind == "suggestion" else "mention"
    text = f"Reject {plural(len(candidates), noun)}"
    changes = ChangeSet(documents_changed=tuple(dict.fromkeys(c.document_id for c in candidates)))
    back = partial(_forget, ids=ids, candidates=tuple(candidates), changes=changes, text=text)
    return Outcome(changes, back, text, None)


def _forget(
    project: Project,
    ids: tuple[Recorded, ...],
    candidates: tuple[Candidate, ...],
    changes: ChangeSet,
    text: str,
) -> Outcome[None]:
    with project.database.transaction():
        _revert(project, ids)
    return Outcome(changes, partial(reject_candidates, candidates=candidates), text, None)
