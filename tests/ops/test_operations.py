"""The edit layer without Qt: every operation does its work, and its undo and the undo's undo
(redo) bring the project back and forth exactly — the window's undo stack only calls these."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import HamishError
from desktop.core.models import Annotation, ChangeSet
from desktop.core.records import NewEntity
from desktop.core.text import make_draft
from desktop.ops import annotations, articles, claims, entities, labels
from desktop.ops.outcome import Outcome
from desktop.store.project import Project
from tests.ops.common import label_of, one_article

TEXT = "قال المتحدث باسم الكرملين إن بوتين التقى وزير الخارجية جون كيري في جنيف."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return one_article(tmp_path / "p.hamish", TEXT)


_label = label_of


def _rows(conn: sqlite3.Connection, table: str) -> tuple[object, ...]:
    """A table's rows without ``modified_at``: an undo or a redo is an edit and stamps it
    with its own time (the rows compared equal only when the steps ran within one second:
    the tests failed now and then on a busy machine); ``created_at`` is restored, compared."""
    cursor = conn.execute(f"SELECT * FROM {table}")
    kept = [n for n, d in enumerate(cursor.description) if d[0] != "modified_at"]
    return tuple(sorted((tuple(row[n] for n in kept) for row in cursor), key=repr))


def _state(project: Project) -> tuple[object, ...]:
    """Everything an edit may touch, as comparable rows."""
    conn = project.database.conn
    rows = tuple(
        _rows(conn, table)
        for table in (
            "documents",
            "annotations",
            "entities",
            "claims",
            "claim_links",
            "claim_subjects",
            "labels",
        )
    )
    # A decision recorded again by redo is a new row: what was decided is what counts.
    decided = conn.execute(
        'SELECT document_id, kind, start, "end", text, decision FROM decisions ORDER BY start'
    ).fetchall()
    return (*rows, tuple(decided))


def _timeless(project: Project) -> tuple[object, ...]:
    """The annotations and entities, without the columns that say when."""
    conn = project.database.conn
    found = []
    for table in ("annotations", "entities"):
        cursor = conn.execute(f"SELECT * FROM {table}")
        kept = [n for n, d in enumerate(cursor.description) if not d[0].endswith("_at")]
        found.append(sorted((tuple(row[n] for n in kept) for row in cursor), key=repr))
    return tuple(found)


def _round_trip(project: Project, outcome: Outcome[object], before: tuple[object, ...]) -> None:
    """undo → the state before; redo → the state after; and once more."""
    after = _state(project)
    assert after != before
    step = outcome.undo
    for expected in (before, after, before, after):
        assert step is not None
        result = step(project)
        assert _state(project) == expected
        assert result.text == outcome.text
        step = result.undo


def _plan(project: Project, word: str, key: str) -> annotations.AnnotationPlan:
    start = TEXT.index(word)
    return annotations.plan_selection(
        project, TEXT, 1, start, start + len(word), _label(project, key), "me"
    )


def test_a_tag_creates_its_entity_and_undo_removes_both(project: Project) -> None:
    before = _state(project)
    plan = _plan(project, "كيري", "person")
    assert plan.new_entity == NewEntity("كيري", "person")
    outcome = annotations.add_annotations(project, [plan])
    (annotation_id,) = outcome.value
    assert outcome.changes.annotations_added == (annotation_id,)
    assert outcome.changes.entities_changed
    assert outcome.text == "Tag “كيري” as Person"
    _round_trip(project, outcome, before)


def test_a_proclitic_form_links_to_the_known_entity(project: Project) -> None:
    annotations.add_annotations(project, [_plan(project, "كيري", "person")])
    entity_id, new = annotations.resolve_entity(project, "وكيري", _label(project, "person"))
    assert new is None and entity_id is not None


def test_delete_relabel_and_note_round_trip(project: Project) -> None:
    (annotation_id,) = annotations.add_annotations(
        project, [_plan(project, "جنيف", "location")]
    ).value
    for operation in (
        partial(annotations.edit_annotation, annotation_id=annotation_id, note="مهم"),
        partial(
            annotations.edit_annotation,
            annotation_id=annotation_id,
            label=_label(project, "claim"),
        ),
        partial(annotations.delete_annotation, annotation_id=annotation_id),
    ):
        before = _state(project)
        _round_trip(project, operation(project), before)


def test_a_note_edit_announces_the_annotation_alone(project: Project) -> None:
    (annotation_id,) = annotations.add_annotations(
        project, [_plan(project, "جنيف", "location")]
    ).value
    outcome = annotations.edit_annotation(project, annotation_id, note="x")
    assert outcome.changes == ChangeSet(annotations_changed=(annotation_id,))


def test_rejected_candidates_are_remembered_until_undone(project: Project) -> None:
    before = _state(project)
    candidate = annotations.Candidate("suggestion", 1, 0, 3, TEXT[:3])
    outcome = annotations.reject_candidates(project, [candidate])
    assert project.decisions.decided(1, "suggestion") == {(0, 3, TEXT[:3])}
    _round_trip(project, outcome, before)


def test_claim_edit_creates_the_new_claimant_and_undo_deletes_it(project: Project) -> None:
    start = TEXT.index("إن")
    claim_label = _label(project, "claim")
    plan = annotations.plan_selection(project, TEXT, 1, start, len(TEXT), claim_label, "me")
    (annotation_id,) = annotations.add_annotations(project, [plan]).value
    claim = project.claims.for_annotation(annotation_id)
    assert claim is not None
    before = _state(project)
    outcome = claims.edit_claim(
        project, claim.id, claimant=NewEntity("الكرملين", "organisation"), status="contested"
    )
    stored = project.claims.get(claim.id)
    assert stored.status == "contested" and stored.claimant_id is not None
    assert project.entities.get(stored.claimant_id).name == "الكرملين"
    _round_trip(project, outcome, before)


def test_entity_link_edit_and_merge_round_trip(project: Project) -> None:
    (a,) = annotations.add_annotations(project, [_plan(project, "كيري", "person")]).value
    (b,) = annotations.add_annotations(project, [_plan(project, "بوتين", "person")]).value
    kerry = project.annotations.get(a).entity_id
    putin = project.annotations.get(b).entity_id
    assert kerry is not None and putin is not None
    for operation in (
        partial(entities.link_entity, annotation_id=a, entity=NewEntity("جون كيري", "person")),
        partial(entities.edit_entity, entity_id=kerry, aliases=("Kerry",), notes="وزير"),
        partial(entities.merge_entities, keep=kerry, remove=putin),
    ):
        before = _state(project)
        _round_trip(project, operation(project), before)


def test_labels_add_edit_remove_round_trip(project: Project) -> None:
    (annotation_id,) = annotations.add_annotations(
        project, [_plan(project, "جنيف", "location")]
    ).value
    assert annotation_id
    location = _label(project, "location")
    for operation in (
        partial(
            labels.add_label,
            fields={"name_en": "Weapon", "name_ar": "سلاح", "kind": "entity", "color": "#555555"},
        ),
        partial(labels.edit_label, label_id=location.id, fields={"shortcut": "1"}),
        partial(labels.remove_label, label_id=location.id, reassign_to=None),
    ):
        before = _state(project)
        _round_trip(project, operation(project), before)


def test_an_import_is_one_undoable_step(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("مقال أول\n\nنص المقال الأول.", encoding="utf-8")
    (folder / "b.txt").write_text("مقال ثان\n\nنص المقال الثاني.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    before = _state(project)
    outcome = articles.import_files(project, [folder])
    assert len(outcome.value.report.imported) == 2 and outcome.value.report.failed
    assert len(outcome.changes.documents_added) == 2
    assert outcome.text == "Import 2 articles"
    _round_trip(project, outcome, before)


def test_an_import_that_brought_nothing_is_not_an_undo_step(project: Project) -> None:
    outcome = articles.add_article(project, make_draft(TEXT), "clipboard")
    assert outcome.value.duplicates and outcome.undo is None and not outcome.changes


def test_delete_articles_and_metadata_round_trip(project: Project) -> None:
    annotations.add_annotations(project, [_plan(project, "كيري", "person")])
    for operation in (
        partial(articles.edit_metadata, document_id=1, values={"title": "عنوان", "url": ""}),
        partial(articles.delete_articles, document_ids=[1]),
    ):
        before = _state(project)
        _round_trip(project, operation(project), before)


def test_a_failed_operation_writes_nothing(project: Project) -> None:
    before = _state(project)
    plan = _plan(project, "كيري", "person")
    broken = plan.draft._replace(label_id=9_999)  # no such label: the insert fails
    with pytest.raises(HamishError):
        annotations.add_annotations(
            project, [plan, annotations.AnnotationPlan(broken, plan.label, plan.new_entity)]
        )
    assert _state(project) == before  # the first plan's entity and tag were rolled back


def test_mentions_of_an_other_type_entity_take_the_label_already_used(project: Project) -> None:
    weapon = labels.add_label(
        project, {"name_en": "Weapon", "name_ar": "سلاح", "kind": "entity", "color": "#555555"}
    ).value
    weapon_label = project.labels.get(weapon)
    (tag,) = annotations.add_annotations(project, [_plan(project, "جنيف", "weapon")]).value
    entity_id = project.annotations.get(tag).entity_id
    assert entity_id is not None and project.entities.get(entity_id).type == "other"
    chosen = annotations.label_for_mentions(project, project.labels.all(), entity_id)
    assert chosen == weapon_label  # not Person, as the type-to-label table would say
    person = annotations.label_for_mentions(
        project,
        project.labels.all(),
        project.annotations.get(
            annotations.add_annotations(project, [_plan(project, "كيري", "person")]).value[0]
        ).entity_id
        or 0,
    )
    assert person is not None and person.key == "person"


def test_the_edit_menu_names_claim_fields_in_words(project: Project) -> None:
    start = TEXT.index("إن")
    plan = annotations.plan_selection(
        project, TEXT, 1, start, len(TEXT), _label(project, "claim"), "me"
    )
    (annotation_id,) = annotations.add_annotations(project, [plan]).value
    claim = project.claims.for_annotation(annotation_id)
    assert claim is not None
    outcome = claims.edit_claim(project, claim.id, claimant=NewEntity("الكرملين", "person"))
    assert outcome.text == "Edit claim (claimant)"
    outcome = claims.edit_claim(project, claim.id, reliability="B", credibility=2)
    assert outcome.text == "Edit claim (grading)"


def test_undoing_a_delete_of_several_articles_keeps_the_claim_links_between_them(
    project: Project,
) -> None:
    """Each article was captured after the one before had been deleted: a claim link between
    two of them had cascaded away by then and did not come back."""
    second = project.documents.add(make_draft("وقال لافروف إن الهدنة صامدة في حلب."))
    claim_label = _label(project, "claim")
    first_plan = annotations.plan_selection(project, TEXT, 1, 0, 20, claim_label, "me")
    other_text = project.documents.get(second).text
    second_plan = annotations.plan_selection(project, other_text, second, 0, 15, claim_label, "me")
    (a,) = annotations.add_annotations(project, [first_plan]).value
    (b,) = annotations.add_annotations(project, [second_plan]).value
    claim_a, claim_b = project.claims.for_annotation(a), project.claims.for_annotation(b)
    assert claim_a is not None and claim_b is not None
    claims.link_claims(project, claim_a.id, claim_b.id, "contradicts")
    before = _state(project)
    assert project.claims.links(claim_a.id)
    outcome = articles.delete_articles(project, [1, second])
    _round_trip(project, outcome, before)  # the states compared include claim_links


def test_an_article_that_cannot_come_back_does_not_keep_the_others(project: Project) -> None:
    """Its text was imported again after the delete: the undo brings back the others and
    says which one it could not."""
    second = project.documents.add(make_draft("وقال لافروف إن الهدنة صامدة في حلب."))
    annotations.add_annotations(project, [_plan(project, "كيري", "person")])
    deleted = articles.delete_articles(project, [1, second])
    again = project.documents.add(make_draft(TEXT))  # the first article's text, imported anew
    assert deleted.undo is not None
    back = deleted.undo(project)
    assert back.value == (second,)
    assert "cannot be brought back" in back.notice
    assert sorted(s.id for s in project.documents.summaries()) == sorted([second, again])
    assert back.undo is not None
    back.undo(project)  # redo deletes only what came back
    assert [s.id for s in project.documents.summaries()] == [again]


def test_removing_a_claim_label_tells_the_claims_views(project: Project) -> None:
    """The Claims table went stale: removing a label with its claims announced neither
    claims nor entity changes."""
    plan = annotations.plan_selection(project, TEXT, 1, 0, 20, _label(project, "claim"), "me")
    annotations.add_annotations(project, [plan])
    outcome = labels.remove_label(project, _label(project, "claim").id, None)
    assert outcome.changes.claims_changed
    assert outcome.undo is not None and outcome.undo(project).changes.claims_changed


def test_edit_menu_names_hold_no_control_characters() -> None:
    from desktop.ops.outcome import short

    assert short("عنوان\u202e مقلوب\x00 و\u2066معزول\u2069") == "عنوان مقلوب و معزول"
    assert short("أ" * 40) == "أ" * 27 + "…"


def test_undo_puts_back_the_decision_a_new_one_replaced(project: Project) -> None:
    """A candidate rejected then accepted: undoing the accept must leave it rejected (it used
    to forget the candidate, which was then offered again)."""
    candidate = annotations.Candidate("suggestion", 1, 0, 3, TEXT[:3])
    annotations.reject_candidates(project, [candidate])
    plan = annotations.plan_suggestion(project, TEXT, 1, 0, 3, _label(project, "person"), "me")
    accepted = annotations.add_annotations(project, [plan])
    verdict = "SELECT decision FROM decisions"
    assert project.database.conn.execute(verdict).fetchall() == [("accepted",)]
    assert accepted.undo is not None
    accepted.undo(project)
    assert project.database.conn.execute(verdict).fetchall() == [("rejected",)]


def test_accepting_a_suggestion_names_the_entity_by_its_canonical_name(project: Project) -> None:
    """A gazetteer suggestion knows the entry's name: the written ``جنيف`` could be any spelling
    (أميركا for الولايات المتحدة, لأمم المتحدة in للأمم المتحدة); the entity takes the name, and
    the next accepted spelling links to it."""
    start = TEXT.index("جنيف")
    location = _label(project, "location")
    plan = annotations.plan_suggestion(
        project, TEXT, 1, start, start + 4, location, "me", entity_name="جنيف السويسرية"
    )
    assert plan.new_entity == NewEntity("جنيف السويسرية", "location")
    annotations.add_annotations(project, [plan])
    (entity,) = project.entities.exact("جنيف السويسرية", "location")
    again = annotations.plan_suggestion(
        project, TEXT, 1, start, start + 4, location, "me", entity_name="جنيف السويسرية"
    )
    assert again.new_entity is None and again.draft.entity_id == entity.id


def test_undoing_a_new_label_gives_its_shortcut_back(project: Project) -> None:
    person = _label(project, "person")
    assert person.shortcut == "1"
    outcome = labels.add_label(
        project,
        {
            "name_en": "Weapon",
            "name_ar": "سلاح",
            "kind": "entity",
            "color": "#555555",
            "shortcut": "1",
        },
    )
    assert project.labels.get(person.id).shortcut == ""
    before_state = _state(project)
    assert outcome.undo is not None
    redo = outcome.undo(project).undo
    assert project.labels.get(person.id).shortcut == "1"
    assert redo is not None
    redo(project)
    assert _state(project) == before_state


def test_redoing_a_move_onto_the_claim_label_keeps_the_claim_ids(project: Project) -> None:
    """Redo used to run the removal again, which made new claims: an edit of one further up
    the redo chain then updated nothing."""
    (a,) = annotations.add_annotations(project, [_plan(project, "جنيف", "note")]).value
    note, claim_label = _label(project, "note"), _label(project, "claim")
    before = _state(project)
    remove = labels.remove_label(project, note.id, claim_label.id)
    claim = project.claims.for_annotation(a)
    assert claim is not None
    edit = claims.edit_claim(project, claim.id, status="contested", summary="ملخص")
    after = _state(project)
    assert edit.undo is not None and remove.undo is not None
    redo_edit = edit.undo(project).undo
    redo_remove = remove.undo(project).undo
    assert _state(project) == before
    assert redo_remove is not None and redo_edit is not None
    redo_remove(project)
    redo_edit(project)
    assert _state(project) == after
    again = project.claims.for_annotation(a)
    assert again is not None and (again.id, again.status) == (claim.id, "contested")


def test_an_import_too_large_to_hold_for_redo_is_kept_but_not_an_undo_step(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(articles, "UNDOABLE_IMPORT_CHARACTERS", 10)
    (tmp_path / "a.txt").write_text("مقال أول\n\nنص المقال الأول وهو أطول من عشرة.", "utf-8")
    outcome = articles.import_files(project, [tmp_path / "a.txt"])
    assert outcome.undo is None and "too large to be undone" in outcome.notice
    assert outcome.changes.documents_added  # the article is in, and the views are told


def test_edited_metadata_is_cleaned_like_imported_metadata() -> None:
    """Issue 13, failure 4: what import strips from titles and metadata cannot come in by
    pasting into Edit Metadata either (and so every export of it imports again)."""
    clean, problems = articles.validate_metadata(
        {
            "title": "\x1b]0;x\x07عنوان\u202e  جديد",
            "source": "وكالة\tمثال\x00",
            "author": "\u2066سلمى\u2069",
            "url": "https://example.com/a\x1b",
            "published": "",
            "language": "ar",
            "direction": "rtl",
        }
    )
    assert problems == []
    assert clean["title"] == "]0;xعنوان جديد"
    assert (clean["source"], clean["author"], clean["url"]) == (
        "وكالة مثال",
        "سلمى",
        "https://example.com/a",
    )


def test_a_bulk_accept_names_a_new_entity_once(project: Project) -> None:
    """The review queue accepts كيري in two articles in one step: both plans were made before
    either created its entity, and the step creates one entity for both (undo removes it)."""
    second = project.documents.add(make_draft("وأضاف كيري أن المحادثات مستمرة."))
    person = _label(project, "person")
    start = TEXT.index("كيري")
    plans = [
        annotations.plan_suggestion(project, TEXT, 1, start, start + 4, person, "me"),
        annotations.plan_suggestion(
            project, project.documents.get(second).text, second, 6, 10, person, "me"
        ),
    ]
    assert all(plan.new_entity == NewEntity("كيري", "person") for plan in plans)
    before = _state(project)
    outcome = annotations.add_annotations(project, plans)
    tagged = project.annotations.many(list(outcome.value))
    assert len(tagged) == 2 and tagged[0].entity_id == tagged[1].entity_id is not None
    assert [e.name for e in project.entities.summaries()] == ["كيري"]
    _round_trip(project, outcome, before)


def test_claim_edits_name_their_claims_through_undo_and_redo(project: Project) -> None:
    """Every change a claim edit announces names the claims it touched (the timeline reads
    just those again): tag, field edit, link, merge, delete — done, undone and redone."""
    start = TEXT.index("إن")
    label = _label(project, "claim")
    plan = annotations.plan_selection(project, TEXT, 1, start, len(TEXT), label, "me")
    tagged = annotations.add_annotations(project, [plan])
    (annotation_id,) = tagged.value
    claim = project.claims.for_annotation(annotation_id)
    assert claim is not None
    other = annotations.add_annotations(project, [_plan(project, "الكرملين", "claim")])
    second = project.claims.for_annotation(other.value[0])
    assert second is not None
    (kerry_tag,) = annotations.add_annotations(project, [_plan(project, "كيري", "person")]).value
    (putin_tag,) = annotations.add_annotations(project, [_plan(project, "بوتين", "person")]).value
    kerry = project.annotations.get(kerry_tag).entity_id
    putin = project.annotations.get(putin_tag).entity_id
    assert kerry is not None and putin is not None
    assert tagged.changes.claim_ids == (claim.id,)
    steps: list[tuple[Outcome[object], tuple[int, ...]]] = [
        (claims.edit_claim(project, claim.id, status="refuted"), (claim.id,)),
        (
            claims.edit_claim(project, claim.id, claimant=NewEntity("الكرملين", "organisation")),
            (claim.id,),
        ),
        (claims.link_claims(project, claim.id, second.id, "supports"), (claim.id, second.id)),
        (claims.edit_claim(project, second.id, claimant=putin), (second.id,)),
        (entities.merge_entities(project, keep=kerry, remove=putin), (second.id,)),
        (annotations.delete_annotation(project, annotation_id), (claim.id,)),
    ]
    for outcome, named in steps:
        assert outcome.changes.claims_changed and outcome.changes.claim_ids == named
    for outcome, named in reversed(steps):
        assert outcome.undo is not None
        undone = outcome.undo(project)
        assert undone.changes.claims_changed and undone.changes.claim_ids == named
        assert undone.undo is not None
        redone = undone.undo(project)
        assert set(redone.changes.claim_ids) == set(named)
        back = redone.undo
        assert back is not None
        back(project)
    # a person tagged, or untagged, touches no claim
    person = annotations.add_annotations(project, [_plan(project, "جنيف", "location")])
    assert not person.changes.claims_changed and not person.changes.claim_ids
    assert person.undo is not None
    assert not person.undo(project).changes.claims_changed


Wanted = tuple[int, str, str, dict[str, Any]]


def _accepts(
    project: Project, texts: list[str], wanted: list[Wanted]
) -> list[annotations.AnnotationPlan]:
    """Plans accepting suggestions: (article, written form, label, plan_suggestion's keywords),
    all planned before any is carried out, as the review queue plans a selection."""
    plans = []
    for doc, form, key, extra in wanted:
        text = texts[doc - 1]
        start = text.index(form)
        plans.append(
            annotations.plan_suggestion(
                project, text, doc, start, start + len(form), _label(project, key), "me", **extra
            )
        )
    return plans


_FORMS = ["وصل باراك أوباما أمس.", "التقى باراك اوباما نظيره.", "وقال لأوباما مستشاره."]


def _forms_project(path: Path) -> Project:
    project = Project.open(path)
    for text in _FORMS:
        project.documents.add(make_draft(text))
    return project


def test_a_bulk_accept_is_each_accept_in_turn(tmp_path: Path) -> None:
    """Trial users' fault: one entity per accepted row. The same man with and without the
    hamza (one folded name), then أوباما after a proclitic: accepted one by one, the second
    and the third link to the first's entity; accepted in one step, the same, and undo and
    redo take all of it away and bring back the same rows."""
    wanted = [
        (1, "باراك أوباما", "person", {}),
        (2, "باراك اوباما", "person", {}),
        (1, "أوباما", "person", {}),
        (3, "لأوباما", "person", {}),
    ]
    alone = _forms_project(tmp_path / "alone.hamish")
    for plan in [p for w in wanted for p in _accepts(alone, _FORMS, [w])]:
        annotations.add_annotations(alone, [plan])
    bulk = _forms_project(tmp_path / "bulk.hamish")
    plans = _accepts(bulk, _FORMS, wanted)
    assert all(p.new_entity is not None for p in plans)  # none existed when planned
    before = _state(bulk)
    outcome = annotations.add_annotations(bulk, plans)
    assert _timeless(bulk) == _timeless(alone)  # the same annotations and entities
    names = sorted(e.name for e in bulk.entities.summaries())
    assert names == ["أوباما", "باراك أوباما"]
    assert outcome.changes.entities_created == (1, 2)
    _round_trip(bulk, outcome, before)
    alone.close()
    bulk.close()


_CLAIMS = [
    "وقالت مصادر دبلوماسية إن الاتفاق قريب. وقال الكرملين إن موسكو لن تقبل.",
    "وقال الرئيس أوباما إن المحادثات مثمرة. وأكد سمير خليل أن الهدنة صامدة.",
    "وأكد سمير خليل أن الحوار هو السبيل. وقال السفير في موسكو جون تيفت إن اللقاء مفيد. "
    "وقال بومبيو وجيفري إن الضغط مستمر.",
]


def test_a_claimant_is_only_an_entity_its_suggestion_names(tmp_path: Path) -> None:
    """Accepting claims made a person of whatever the rules took for the speaker ("مصادر
    دبلوماسية", الكرملين beside the organisation). Now: the entity named so (one the same
    step made included), else the one tagged where the speaker is written, else a new person
    only when the suggestion knows the speaker as a person's name — once for two claims."""
    project = Project.open(tmp_path / "claims.hamish")
    for text in _CLAIMS:
        project.documents.add(make_draft(text))

    def claim(doc: int, passage: str, speaker: str, name: str | None = None) -> Wanted:
        at = _CLAIMS[doc - 1].index(speaker)
        extra = {"claimant": speaker, "claimant_span": (at, at + len(speaker))}
        return (doc, passage, "claim", {**extra, "is_entity": False, "entity_name": name})

    wanted = [
        claim(1, "الاتفاق قريب", "مصادر دبلوماسية"),
        claim(1, "موسكو لن تقبل", "الكرملين"),
        claim(2, "المحادثات مثمرة", "الرئيس أوباما"),
        claim(2, "الهدنة صامدة", "سمير خليل", "سمير خليل"),
        claim(3, "الحوار هو السبيل", "سمير خليل", "سمير خليل"),
        claim(3, "اللقاء مفيد", "السفير في موسكو جون تيفت"),
        claim(3, "الضغط مستمر", "بومبيو وجيفري"),
        (1, "الكرملين", "organisation", {"entity_name": "الكرملين"}),
        (2, "أوباما", "person", {}),
        (3, "موسكو", "location", {}),
        (3, "جون تيفت", "person", {}),
        (3, "بومبيو", "person", {}),
        (3, "جيفري", "person", {}),
    ]
    outcome = annotations.add_annotations(project, _accepts(project, _CLAIMS, wanted))
    made = {e.name: e.type for e in project.entities.summaries()}
    assert made == {
        "الكرملين": "organisation",
        "أوباما": "person",
        "سمير خليل": "person",
        "موسكو": "location",
        "جون تيفت": "person",
        "بومبيو": "person",
        "جيفري": "person",
    }
    who = {}
    for annotation in project.annotations.many(list(outcome.value)[:7]):
        found = project.claims.for_annotation(annotation.id)
        assert found is not None
        speaker = found.claimant_id
        who[annotation.quote] = None if speaker is None else project.entities.get(speaker).name
    assert who == {
        "الاتفاق قريب": None,
        "موسكو لن تقبل": "الكرملين",
        "المحادثات مثمرة": "أوباما",
        "الهدنة صامدة": "سمير خليل",
        "الحوار هو السبيل": "سمير خليل",
        "اللقاء مفيد": "جون تيفت",
        "الضغط مستمر": None,
    }

    # The new claimant's name is tagged where each claim's suggestion found it (a trial's
    # accepted claim made a person with no mention anywhere); no other speaker's is.
    def tagged(entity_id: int) -> list[Annotation]:
        return [
            a
            for doc in (1, 2, 3)
            for a in project.annotations.for_document(doc)
            if a.entity_id == entity_id
        ]

    (samir,) = project.entities.exact("سمير خليل")
    mentions = tagged(samir.id)
    assert sorted((a.document_id, a.quote) for a in mentions) == [
        (2, "سمير خليل"),
        (3, "سمير خليل"),
    ]
    assert all(a.start == _CLAIMS[a.document_id - 1].index("سمير خليل") for a in mentions)
    assert len(tagged(project.entities.exact("جون تيفت")[0].id)) == 1  # its own tag only
    assert set(outcome.changes.annotations_added) >= {a.id for a in mentions}
    assert outcome.undo is not None
    undone = outcome.undo(project)
    assert set(undone.changes.annotations_removed) >= {a.id for a in mentions}
    assert not project.entities.exact("سمير خليل")
    assert undone.undo is not None
    undone.undo(project)  # redo: the claims, the claimant and his two mentions again
    (samir,) = project.entities.exact("سمير خليل")
    assert len(tagged(samir.id)) == 2
    project.close()


_CLITICS = [
    "وقال لأوباما مستشاره إن أوباما سيزور موسكو. والتقى لافروف وكيري في جنيف، ثم غادر كيري. "
    "وقال متحدث للكرملين إن الكرملين يرحب.",
    "وقال وليد جنبلاط إن لبنان بخير. ووصل بشار إلى فرنسا. وقال إن لافروف يرى أن كيري محق.",
    "ووصل ولافروف أمس.",
    "وحكم المعتصم بالله بعد أن توكل على الله. والحمد لله، قال إن الله واحد.",
    "وحضر عمر بن الخطاب وعثمان بن عفان وأبو بكر الاجتماع.",
]


def _clitics_project(path: Path) -> Project:
    project = Project.open(path)
    for text in _CLITICS:
        project.documents.add(make_draft(text))
    project.search.sync()  # the other articles' words are evidence too
    return project


@pytest.mark.parametrize(
    ("doc", "form", "key", "name"),
    [
        (1, "لأوباما", "person", "أوباما"),  # أوباما stands alone in the article
        (1, "وكيري", "person", "كيري"),
        (1, "للكرملين", "organisation", "الكرملين"),  # ل + ال written لل
        (3, "ولافروف", "person", "لافروف"),  # لافروف stands alone in the other articles
        (2, "وليد جنبلاط", "person", "وليد جنبلاط"),  # ليد is never written alone
        (2, "لبنان", "location", "لبنان"),
        (2, "بشار", "person", "بشار"),
        (2, "فرنسا", "location", "فرنسا"),
        (1, "لافروف", "person", "لافروف"),
        (2, "كيري", "person", "كيري"),  # يرى once as often: ك is no clitic of a verb
        # الله stands alone twice, yet is no one's name alone (a compound's second part): an
        # entity الله made every الله of a project a suggested person.
        (4, "بالله", "person", "بالله"),
        # و + a given name beginning a full name, the given name alone nowhere: the next name
        # of a list (a trial's entity was called وعثمان بن عفان).
        (5, "وعثمان بن عفان", "person", "عثمان بن عفان"),
        (5, "وأبو بكر", "person", "أبو بكر"),  # و + a kunya
    ],
)
def test_a_new_entity_is_named_without_the_proclitics_of_its_mention(
    tmp_path: Path, doc: int, form: str, key: str, name: str
) -> None:
    """Accepting or tagging لأوباما or وكيري with no entity yet made entities named so, beside
    the أوباما and كيري of other mentions. The mention keeps its span; the new entity takes the
    name without the proclitics when the word without them stands alone in the article or the
    project — and names that merely start with those letters stay whole."""
    project = _clitics_project(tmp_path / "c.hamish")
    text = _CLITICS[doc - 1]
    start = text.index(form)
    label = _label(project, key)
    selected = annotations.plan_selection(project, text, doc, start, start + len(form), label, "me")
    accepted = annotations.plan_suggestion(
        project, text, doc, start, start + len(form), label, "me"
    )
    for plan in (selected, accepted):
        assert plan.draft.quote == form
        assert plan.new_entity == NewEntity(name, label.key)
    annotations.add_annotations(project, [accepted])
    assert [e.name for e in project.entities.summaries()] == [name]
    project.close()


def test_the_other_articles_are_counted_up_to_a_cap_without_reading_each_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The evidence of the other articles (ولافروف of article 3 is لافروف, written alone in
    article 2) is one count that stops at ``ELSEWHERE_CAP``: reading each article's count to
    add them up took 2 s at each tag of وكيري in a project of a million articles."""
    project = _clitics_project(tmp_path / "c.hamish")

    def every_count(*_: object) -> None:
        raise AssertionError("every article's count was read")

    monkeypatch.setattr(project.search, "occurrence_counts", every_count)
    text = _CLITICS[2]
    start = text.index("ولافروف")
    label = _label(project, "person")
    plan = annotations.plan_selection(project, text, 3, start, start + 7, label, "me")
    assert plan.new_entity == NewEntity("لافروف", "person")
    assert project.search.occurrences_elsewhere("لافروف", 3, 10) == 2
    assert project.search.occurrences_elsewhere("لافروف", 3, 1) == 1
    assert project.search.occurrences_elsewhere("لافروف", 1, 10) == 1
    assert project.search.occurrences_elsewhere("لافروف", None, 10) == 2
    project.close()


def test_accepting_proclitic_forms_alone_or_in_bulk_makes_the_same_entities(
    tmp_path: Path,
) -> None:
    """وكيري before كيري, لأوباما before أوباما, للكرملين before الكرملين: accepted one by one
    or in one step, one entity each, named without the proclitics."""
    wanted = [
        (1, "وكيري", "person", {}),
        (2, "كيري", "person", {}),
        (1, "لأوباما", "person", {}),
        (1, "أوباما", "person", {}),
        (1, "للكرملين", "organisation", {}),
        (1, "الكرملين", "organisation", {}),
        (3, "ولافروف", "person", {}),
        (1, "لافروف", "person", {}),
    ]
    alone = _clitics_project(tmp_path / "alone.hamish")
    for plan in [p for w in wanted for p in _accepts(alone, _CLITICS, [w])]:
        annotations.add_annotations(alone, [plan])
    bulk = _clitics_project(tmp_path / "bulk.hamish")
    annotations.add_annotations(bulk, _accepts(bulk, _CLITICS, wanted))
    # Made in different seconds: compared without their times (created_at, modified_at…).
    assert _timeless(bulk) == _timeless(alone)
    assert sorted(e.name for e in bulk.entities.summaries()) == [
        "أوباما",
        "الكرملين",
        "كيري",
        "لافروف",
    ]
    alone.close()
    bulk.close()


def test_a_given_name_or_a_short_word_after_a_preposition_keeps_its_letters(
    tmp_path: Path,
) -> None:
    """كمال is ك + مال, and مال stands alone twice: a given name as written is never cut;
    nor is a word whose three-letter reading stands alone only as often (ك + يرى)."""
    project = Project.open(tmp_path / "k.hamish")
    text = "وقال كمال إن المال العام مال الشعب وإن مال الدولة محفوظ، وإن بلال يرى ذلك."
    project.documents.add(make_draft(text))
    person = _label(project, "person")
    for form in ("كمال", "بلال"):
        start = text.index(form)
        plan = annotations.plan_selection(project, text, 1, start, start + len(form), person, "me")
        assert plan.new_entity == NewEntity(form, "person")
    project.close()


def test_accepting_a_full_name_and_its_surname_in_one_step_makes_one_person(
    tmp_path: Path,
) -> None:
    """Found by a trial: the Review Queue's bulk accept made كيري beside جون كيري. The rules
    name a lone surname as the full name the article gives, so both rows are one person."""
    from desktop.core.suggest import suggest

    text = "قال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة. وأكد كيري أن الاتفاق قريب."
    project = Project.open(tmp_path / "k.hamish")
    doc = project.documents.add(make_draft(text))
    person = _label(project, "person")
    plans = [
        annotations.plan_suggestion(
            project, text, doc, s.start, s.end, person, "me", entity_name=s.name
        )
        for s in suggest(text, None)
        if s.kind == "entity" and s.label_key == "person"
    ]
    assert len(plans) >= 2
    annotations.add_annotations(project, plans)
    assert [e.name for e in project.entities.summaries()] == ["جون كيري"]
    project.close()


def test_deleting_a_mistaken_tag_deletes_the_entity_it_made(project: Project) -> None:
    """Issue 14: «التقى» tagged as a person by mistake and the tag deleted left the person
    التقى in the registry — out of the Entities panel (no mentions), still suggested. The
    entity the tag made goes with its last mention, in the same undo step; an entity the
    analyst made or gave anything to stays."""
    from desktop.core.matching import AliasMatcher
    from desktop.core.suggest import suggest

    def suggested() -> set[str]:
        matcher = AliasMatcher.from_registry(project.entities.all_aliases())
        return {s.text for s in suggest(TEXT, matcher) if s.source == "registry"}

    before = _state(project)
    (mistake,) = annotations.add_annotations(project, [_plan(project, "التقى", "person")]).value
    entity_id = project.annotations.get(mistake).entity_id
    assert entity_id is not None and "التقى" in suggested()
    outcome = annotations.delete_annotation(project, mistake)
    assert not project.entities.exists(entity_id) and "التقى" not in suggested()
    assert outcome.undo is not None
    back = outcome.undo(project)
    assert project.annotations.get(mistake).entity_id == entity_id  # both back in one step
    assert back.undo is not None
    back.undo(project)
    assert not project.entities.exists(entity_id)
    assert _state(project) == before

    # Made on the entity page, or given an alias: the analyst's, kept without mentions.
    made = project.entities.add("جنيف", "location")
    (tag,) = annotations.add_annotations(project, [_plan(project, "جنيف", "location")]).value
    assert project.annotations.get(tag).entity_id == made
    project.database.conn.execute(
        "UPDATE entities SET created_at = '2000-01-01T00:00:00+00:00' WHERE id = ?", [made]
    )
    annotations.delete_annotation(project, tag)
    assert project.entities.exists(made)
    (tag,) = annotations.add_annotations(project, [_plan(project, "كيري", "person")]).value
    kerry = project.annotations.get(tag).entity_id
    assert kerry is not None
    project.entities.add_alias(kerry, "جون كيري")
    annotations.delete_annotation(project, tag)
    assert project.entities.exists(kerry)


def test_an_entity_nothing_names_is_deleted_and_one_named_refused(project: Project) -> None:
    from desktop.core.errors import HamishError
    from desktop.ops import entities

    before = _state(project)
    lone = project.entities.add("سيحترم", "person")
    with_lone = _state(project)
    outcome = entities.delete_entity(project, lone)
    assert _state(project) == before
    _round_trip(project, outcome, with_lone)
    (tag,) = annotations.add_annotations(project, [_plan(project, "كيري", "person")]).value
    kerry = project.annotations.get(tag).entity_id
    assert kerry is not None
    with pytest.raises(HamishError, match="still has mentions"):
        entities.delete_entity(project, kerry)
    assert project.entities.exists(kerry)
