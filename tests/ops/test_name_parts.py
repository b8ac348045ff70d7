"""Name parts as aliases, without Qt: what is proposed for a new person (never added by
itself), the one-step edit that adds the confirmed parts, and which edits announce a new
entity (so the window offers its parts once, not again on redo)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from desktop.core.records import NewEntity
from desktop.ops import annotations, claims, entities
from desktop.store.project import Project
from tests.ops.common import label_of, one_article

TEXT = "قال وزير الخارجية جون كيري في جنيف إن الحل سياسي. وأضاف كيري أن المحادثات مستمرة."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return one_article(tmp_path / "p.hamish", TEXT)


_label = label_of


def _tag(project: Project, quote: str, key: str = "person") -> tuple[int, tuple[int, ...]]:
    start = TEXT.index(quote)
    plan = annotations.plan_selection(
        project, TEXT, 1, start, start + len(quote), _label(project, key), "analyst"
    )
    outcome = annotations.add_annotations(project, [plan])
    (annotation_id,) = outcome.value
    return annotation_id, outcome.changes.entities_created


def test_a_new_person_is_announced_and_gets_no_alias_by_itself(project: Project) -> None:
    annotation_id, created = _tag(project, "جون كيري")
    entity_id = project.annotations.get(annotation_id).entity_id
    assert created == (entity_id,)
    assert entity_id is not None
    assert project.entities.get(entity_id).aliases == ("جون كيري",)  # never silent
    proposals = entities.name_part_proposals(project, entity_id)
    assert [(p.text, p.checked, p.offered) for p in proposals] == [("كيري", True, True)]


def test_a_tag_of_a_known_entity_announces_nothing_new(project: Project) -> None:
    _annotation, (kerry,) = _tag(project, "جون كيري")
    entities.add_aliases(project, kerry, ["كيري"])
    start = TEXT.index("وأضاف كيري") + len("وأضاف ")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, start + 4, _label(project, "person"), "analyst"
    )
    outcome = annotations.add_annotations(project, [plan])
    assert plan.new_entity is None and plan.draft.entity_id == kerry
    assert outcome.changes.entities_changed and outcome.changes.entities_created == ()


def test_redo_does_not_announce_the_entity_again(project: Project) -> None:
    start = TEXT.index("جون كيري")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, start + 8, _label(project, "person"), "analyst"
    )
    outcome = annotations.add_annotations(project, [plan])
    assert outcome.changes.entities_created
    assert outcome.undo is not None
    undone = outcome.undo(project)
    assert undone.undo is not None
    redone = undone.undo(project)
    assert redone.changes.entities_changed and not redone.changes.entities_created


def test_other_edits_that_create_a_person_announce_it(project: Project) -> None:
    annotation_id, _created = _tag(project, "جنيف", "location")
    outcome = entities.link_entity(project, annotation_id, NewEntity("سيرغي لافروف", "person"))
    assert outcome.changes.entities_created == (outcome.value,)
    assert outcome.undo is not None
    redone = outcome.undo(project).undo
    assert redone is not None and not redone(project).changes.entities_created
    existing = entities.link_entity(project, annotation_id, outcome.value)
    assert not existing.changes.entities_created
    start = TEXT.index("الحل سياسي")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, start + 10, _label(project, "claim"), "analyst"
    )
    (claim_annotation,) = annotations.add_annotations(project, [plan]).value
    claim = project.claims.for_annotation(claim_annotation)
    assert claim is not None
    edited = claims.edit_claim(project, claim.id, claimant=NewEntity("هيلاري كلينتون", "person"))
    (claimant,) = edited.changes.entities_created
    assert project.entities.get(claimant).name == "هيلاري كلينتون"


def test_parts_another_entity_has_are_shown_with_it_not_offered(project: Project) -> None:
    other = project.entities.add("الأسد", "location", aliases=("نهر الأسد",))
    kerry = project.entities.add("جون كيري", "person", aliases=("كيري",))
    bashar = project.entities.add("بشار الأسد", "person")
    assert entities.name_part_proposals(project, kerry) == []  # its own alias already
    (part,) = entities.name_part_proposals(project, bashar)
    assert part.text == "الأسد" and part.owner == (other, "الأسد")
    assert not part.offered and not part.checked
    place = project.entities.add("جنيف", "location")
    assert entities.name_part_proposals(project, place) == []  # persons only


def test_a_place_is_offered_unticked(project: Project) -> None:
    george = project.entities.add("جورج واشنطن", "person")
    (part,) = entities.name_part_proposals(project, george, is_place={"واشنطن"}.__contains__)
    assert (part.text, part.checked, part.role, part.offered) == ("واشنطن", False, "place", True)


def test_adding_parts_is_one_undo_step(project: Project) -> None:
    entity_id = project.entities.add("أبو بكر البغدادي", "person")
    outcome = entities.add_aliases(project, entity_id, ["البغدادي", "  أبو   بكر ", "البغدادي"])
    assert outcome.value == ("البغدادي", "أبو بكر")
    assert outcome.changes.entities_changed
    assert outcome.text == "Add aliases to أبو بكر البغدادي"
    assert project.entities.get(entity_id).aliases == ("أبو بكر البغدادي", "البغدادي", "أبو بكر")
    assert outcome.undo is not None
    undone = outcome.undo(project)
    assert project.entities.get(entity_id).aliases == ("أبو بكر البغدادي",)
    assert undone.changes.entities_changed and undone.undo is not None
    undone.undo(project)
    assert project.entities.get(entity_id).aliases == ("أبو بكر البغدادي", "البغدادي", "أبو بكر")


def test_adding_nothing_new_is_no_undo_step(project: Project) -> None:
    entity_id = project.entities.add("جون كيري", "person", aliases=("كيري",))
    outcome = entities.add_aliases(project, entity_id, ["كيري", "كيرى", ""])
    assert outcome.value == () and outcome.undo is None and not outcome.changes


def test_the_operation_is_a_partial_like_the_others(project: Project) -> None:
    entity_id = project.entities.add("جون كيري", "person")
    step = partial(entities.add_aliases, entity_id=entity_id, aliases=("كيري",))
    assert step(project).value == ("كيري",)


def _coach_tagged(tmp_path: Path, text: str) -> tuple[Project, int]:
    """A project of ``text`` with «خوان ميغيل فيلار مير» tagged as a person."""
    project = one_article(tmp_path / "p.hamish", text)
    start = text.index("خوان")
    name = "خوان ميغيل فيلار مير"
    plan = annotations.plan_selection(
        project, text, 1, start, start + len(name), _label(project, "person"), "analyst"
    )
    (annotation_id,) = annotations.add_annotations(project, [plan]).value
    return project, annotation_id


def test_a_tail_the_article_uses_alone_is_offered_ticked(tmp_path: Path) -> None:
    """Issue 14: for «خوان ميغيل فيلار مير» the offer had ميغيل and فيلار, not «فيلار مير»,
    the form the article used alone four times; it is now offered, ticked."""
    text = (
        "قال المدرب خوان ميغيل فيلار مير إن الفريق جاهز. وأضاف فيلار مير أن المباراة صعبة، "
        "ورأى فيلار مير أن الحظ لعب دوره. وختم فيلار مير بالشكر، ولفيلار مير سجل طويل."
    )
    project, annotation_id = _coach_tagged(tmp_path, text)
    entity_id = project.annotations.get(annotation_id).entity_id
    assert entity_id is not None
    offered = {(p.text, p.checked) for p in entities.name_part_proposals(project, entity_id)}
    assert ("فيلار مير", True) in offered
    assert ("فيلار", False) in offered and ("ميغيل", False) in offered


def test_the_counts_read_before_are_used_and_nothing_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window reads a long name's articles in a worker (``alone_counts``) and works the
    offer out with the counts: the same parts, no article read. A name of two parts asks
    nothing of its articles."""
    text = (
        "قال خوان ميغيل فيلار مير إن الفريق جاهز. وأضاف فيلار مير أن المباراة صعبة، "
        "ورأى فيلار مير ذلك."
    )
    project, annotation_id = _coach_tagged(tmp_path, text)
    coach = project.annotations.get(annotation_id).entity_id
    assert coach is not None
    assert entities.reads_articles("خوان ميغيل فيلار مير")
    assert not entities.reads_articles("جون كيري")
    counts = entities.alone_counts(project, coach)
    assert counts[("فيلار مير", "ميغيل")] == 2
    read = entities.name_part_proposals(project, coach)

    def no_reading(_document_id: int) -> object:
        raise AssertionError("an article read again")

    monkeypatch.setattr(project.documents, "get", no_reading)
    assert entities.name_part_proposals(project, coach, alone=counts) == read
    assert ("فيلار مير", True) in {(p.text, p.checked) for p in read}
