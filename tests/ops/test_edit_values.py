"""The edits refuse what the project's JSON archive refuses (core/values.py): a project edited
with bad values exported a file that then said "cannot be imported (34 problems)". Each
refusal is a ``HamishError`` sentence, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.errors import HamishError
from desktop.core.records import NewEntity
from desktop.core.values import NAME_LIMIT
from desktop.io.exporters.json_export import export_json
from desktop.io.importers.json_import import import_json
from desktop.ops import annotations, claims, entities, labels
from desktop.store.project import Project
from tests.ops.common import label_of, one_article

TEXT = "قال المتحدث باسم الكرملين إن بوتين التقى وزير الخارجية جون كيري في جنيف."

BAD_DATES = ("2016-02-30", "0000-00-00", "2016-13-45", "9999-99", "99999-01-01", "2016-1-5")
BAD_NAMES = ("كيري\x1b[2J", "كيري\x00", "\u202eكيري", "كيري\u2066x", "ك" * (NAME_LIMIT + 1))
BAD_COLOURS = ("red; evil", "transparent", "#00000000", "#fff", "red", "")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return one_article(tmp_path / "p.hamish", TEXT)


_label = label_of


def _plan(project: Project, word: str, key: str) -> annotations.AnnotationPlan:
    start = TEXT.index(word)
    return annotations.plan_selection(
        project, TEXT, 1, start, start + len(word), _label(project, key), "me"
    )


def _claim(project: Project) -> int:
    start = TEXT.index("إن")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, len(TEXT), _label(project, "claim"), "me"
    )
    (annotation_id,) = annotations.add_annotations(project, [plan]).value
    claim = project.claims.for_annotation(annotation_id)
    assert claim is not None
    return claim.id


def _entity(project: Project) -> int:
    (annotation_id,) = annotations.add_annotations(
        project, [_plan(project, "كيري", "person")]
    ).value
    entity_id = project.annotations.get(annotation_id).entity_id
    assert entity_id is not None
    return entity_id


@pytest.mark.parametrize("value", BAD_DATES)
def test_a_claim_date_must_be_a_real_date(project: Project, value: str) -> None:
    claim_id = _claim(project)
    with pytest.raises(HamishError, match=r"^The claim's date must be a real date written"):
        claims.edit_claim(project, claim_id, claimed_on=value)
    assert project.claims.get(claim_id).claimed_on is None


@pytest.mark.parametrize("value", ("2016", "2016-02", "2016-02-29"))
def test_a_claim_date_may_be_a_year_a_month_or_a_day(project: Project, value: str) -> None:
    claim_id = _claim(project)
    claims.edit_claim(project, claim_id, claimed_on=value)
    assert project.claims.get(claim_id).claimed_on == value
    claims.edit_claim(project, claim_id, claimed_on="")  # empty clears it, not "" stored
    assert project.claims.get(claim_id).claimed_on is None


def test_a_claim_summary_holds_no_control_character(project: Project) -> None:
    claim_id = _claim(project)
    with pytest.raises(HamishError, match=r"^The claim's summary contains a control character"):
        claims.edit_claim(project, claim_id, summary="ok\x1b]0;owned\x07")


@pytest.mark.parametrize("name", BAD_NAMES)
def test_an_entity_name_must_be_a_name(project: Project, name: str) -> None:
    entity_id = _entity(project)
    with pytest.raises(HamishError, match=r"^The entity's name "):
        entities.edit_entity(project, entity_id, name=name)
    assert project.entities.get(entity_id).name == "كيري"
    with pytest.raises(HamishError, match=r"^An alias "):
        entities.edit_entity(project, entity_id, aliases=(name,))
    with pytest.raises(HamishError, match=r"^An alias "):
        entities.add_aliases(project, entity_id, [name])
    assert project.entities.get(entity_id).aliases == ("كيري",)
    # Created on the way: a claim's new claimant, a mention's new entity, a suggestion's name.
    claim_id = _claim(project)
    with pytest.raises(HamishError, match=r"^The entity's name "):
        claims.edit_claim(project, claim_id, claimant=NewEntity(name, "person"))
    (annotation_id,) = [a.id for a in project.annotations.for_document(1) if a.entity_id]
    with pytest.raises(HamishError, match=r"^The entity's name "):
        entities.link_entity(project, annotation_id, NewEntity(name, "person"))
    start = TEXT.index("جنيف")
    with pytest.raises(HamishError, match=r"^The entity's name "):
        annotations.plan_suggestion(
            project, TEXT, 1, start, start + 4, _label(project, "location"), "me", entity_name=name
        )
    assert project.entities.count() == 1


def test_a_line_break_in_a_name_is_white_space_but_not_in_a_description(
    project: Project,
) -> None:
    entity_id = _entity(project)
    entities.edit_entity(project, entity_id, name="جون\r\nكيري")
    assert project.entities.get(entity_id).name == "جون كيري"
    with pytest.raises(HamishError, match=r"^The entity's description "):
        entities.edit_entity(project, entity_id, description="وزير\rسابق")
    with pytest.raises(HamishError, match=r"^The entity's notes contains a control character"):
        entities.edit_entity(project, entity_id, notes="\x00")


@pytest.mark.parametrize("colour", BAD_COLOURS)
def test_a_label_colour_is_opaque_rrggbb(project: Project, colour: str) -> None:
    person = _label(project, "person")
    count = len(project.labels.all())
    with pytest.raises(HamishError, match=r"^The label's colour must be a colour written \#rrggbb"):
        labels.edit_label(project, person.id, {"color": colour})
    with pytest.raises(HamishError, match=r"^The label's colour "):
        labels.add_label(
            project, {"name_en": "X", "name_ar": "س", "kind": "entity", "color": colour}
        )
    assert project.labels.get(person.id).color == person.color
    assert len(project.labels.all()) == count


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_label_name_must_be_a_name(project: Project, name: str) -> None:
    person = _label(project, "person")
    with pytest.raises(HamishError, match=r"^The label's name "):
        labels.edit_label(project, person.id, {"name_ar": name})
    with pytest.raises(HamishError, match=r"^The label's name "):
        labels.add_label(
            project, {"name_en": name, "name_ar": "", "kind": "span", "color": "#123456"}
        )
    assert project.labels.get(person.id).name_ar == person.name_ar


def test_accepting_the_same_mention_again_adds_nothing(project: Project) -> None:
    first = annotations.add_annotations(project, [_plan(project, "كيري", "person")])
    assert len(first.value) == 1
    again = annotations.add_annotations(
        project, [_plan(project, "كيري", "person"), _plan(project, "كيري", "person")]
    )
    assert again.value == () and again.undo is None
    both = annotations.add_annotations(
        project,
        [_plan(project, "بوتين", "person"), _plan(project, "بوتين", "person")],
    )
    assert len(both.value) == 1
    assert len(project.annotations.for_document(1)) == 2
    # The same span under another label is another annotation.
    assert (
        len(annotations.add_annotations(project, [_plan(project, "كيري", "location")]).value) == 1
    )


def test_the_duplicate_check_reads_only_the_spans_tagged(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tag looks up its own span, not the article's every annotation: reading 10,000 of
    them made one tag cost 80 ms (benchmarks/tagging.py), five frames."""
    annotations.add_annotations(project, [_plan(project, "كيري", "person")])

    def every_annotation(*_: object, **__: object) -> None:
        raise AssertionError("the article's annotations were all read")

    monkeypatch.setattr(project.annotations, "for_document", every_annotation)
    monkeypatch.setattr(project.annotations, "marks", every_annotation)
    again = annotations.add_annotations(project, [_plan(project, "كيري", "person")])
    assert again.value == ()
    added = annotations.add_annotations(project, [_plan(project, "بوتين", "person")])
    assert len(added.value) == 1


def test_no_plans_is_no_edit(project: Project) -> None:
    outcome = annotations.add_annotations(project, [])
    assert outcome.value == () and outcome.undo is None


def test_a_plan_whose_entity_was_merged_away_says_so(project: Project) -> None:
    kerry = _entity(project)
    (b,) = annotations.add_annotations(project, [_plan(project, "بوتين", "person")]).value
    putin = project.annotations.get(b).entity_id
    assert putin is not None
    start = TEXT.index("الكرملين")
    plan = annotations.plan_suggestion(
        project, TEXT, 1, start, start + 8, _label(project, "person"), "me", entity_id=putin
    )
    entities.merge_entities(project, keep=kerry, remove=putin)
    count = len(project.annotations.for_document(1))
    with pytest.raises(HamishError, match="was merged into another or deleted meanwhile"):
        annotations.add_annotations(project, [plan])
    assert len(project.annotations.for_document(1)) == count


def test_an_edited_project_still_round_trips_through_json(project: Project, tmp_path: Path) -> None:
    """What the edits let in, the importer takes back."""
    entity_id = _entity(project)
    claim_id = _claim(project)
    claims.edit_claim(project, claim_id, claimed_on="2016-02", summary="قال\tإن")
    entities.edit_entity(project, entity_id, name=" جون\nكيري ", aliases=("Kerry",), notes="أ\nب")
    labels.edit_label(
        project, _label(project, "person").id, {"name_en": " A  B ", "color": "#A0b0C0"}
    )
    path = tmp_path / "p.json"
    export_json(project, path)
    json.loads(path.read_text(encoding="utf-8"))
    other = Project.open(tmp_path / "q.hamish")
    import_json(other, path)
    assert other.entities.get(entity_id).name == "جون كيري"
