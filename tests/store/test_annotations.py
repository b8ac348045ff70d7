from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import HamishError, NotFound
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project

TEXT = "قال المتحدث باسم الكرملين إن بوتين التقى كيري."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "p.hamish")
    project.documents.add(make_draft(TEXT))
    return project


def _label(project: Project, key: str) -> int:
    label = project.labels.by_key(key)
    assert label is not None
    return label.id


def _tag(project: Project, word: str, key: str) -> int:
    start = TEXT.index(word)
    return project.annotations.add(
        prepare_annotation(TEXT, 1, start, start + len(word), _label(project, key), "me")
    )


def test_add_list_delete_restore(project: Project) -> None:
    kerry = _tag(project, "كيري", "person")
    putin = _tag(project, "بوتين", "person")
    assert [a.quote for a in project.annotations.for_document(1)] == ["بوتين", "كيري"]
    assert project.documents.summaries()[0].annotation_count == 2
    snapshot = project.annotations.delete(kerry)
    assert [a.id for a in project.annotations.for_document(1)] == [putin]
    project.annotations.restore(snapshot)
    assert project.annotations.get(kerry) == snapshot.annotation
    with pytest.raises(NotFound):
        project.annotations.get(999)


def test_claim_rows_follow_the_label(project: Project) -> None:
    claim = _tag(project, "التقى", "claim")
    conn = project.database.conn
    assert conn.execute("SELECT annotation_id, status, stance FROM claims").fetchall() == [
        (claim, "unverified", "asserts")
    ]
    before = project.annotations.update(claim, label_id=_label(project, "event"))
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    project.annotations.restore(before)
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    project.annotations.delete(claim)
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_invalid_span_is_refused(project: Project) -> None:
    from desktop.core.records import AnnotationDraft

    with pytest.raises(HamishError):
        project.annotations.add(
            AnnotationDraft(1, 5, 5, "", "", "", _label(project, "person"), "me")
        )
    assert project.annotations.count() == 0


def test_deleting_a_document_removes_its_annotations(project: Project) -> None:
    _tag(project, "كيري", "claim")
    project.documents.delete(1)
    conn = project.database.conn
    assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_labels_are_migrated_once_and_editable(project: Project) -> None:
    labels = project.labels.all()
    assert len(labels) == 7
    new = project.labels.add(
        name_en="Weapon", name_ar="سلاح", kind="entity", color="#333333", shortcut="1"
    )
    assert project.labels.get(new).key == "weapon"
    assert project.labels.by_key("person").shortcut == ""  # type: ignore[union-attr]
    with pytest.raises(HamishError):
        project.labels.add(name_en=" ", name_ar="", kind="entity", color="#000000")


def _claim_with_everything(project: Project) -> tuple[int, int, int]:
    """A claim annotation with a subject, a link to another claim and a note: what a
    cascade takes with it."""
    said = _tag(project, "قال", "claim")
    met = _tag(project, "التقى", "claim")
    claims = project.claims
    first, second = claims.for_annotation(said), claims.for_annotation(met)
    assert first is not None and second is not None
    kerry = project.entities.add("كيري", "person")
    claims.update(first.id, summary="لقاء", subjects=[kerry])
    claims.add_link(first.id, second.id, "supports")
    with project.database.transaction():
        project.database.conn.execute(
            "INSERT INTO notes (annotation_id, body, created_at, modified_at) "
            "VALUES (?, 'راجع المصدر', 'now', 'now')",
            [said],
        )
    return said, first.id, second.id


def _state(project: Project) -> list[object]:
    conn = project.database.conn
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("annotations", "claims", "claim_subjects", "claim_links", "notes")
    ]


def test_undoing_a_delete_brings_back_the_claims_subjects_links_and_notes(
    project: Project,
) -> None:
    said, first, second = _claim_with_everything(project)
    before = _state(project)
    snapshot = project.annotations.delete(said)
    assert project.claims.links(second) == []
    project.annotations.restore(snapshot)
    assert _state(project) == before
    claim = project.claims.get(first)
    assert claim.summary == "لقاء" and len(claim.subjects) == 1


def test_moving_a_claim_off_the_claim_label_and_back_keeps_everything(
    project: Project,
) -> None:
    said, _first, _second = _claim_with_everything(project)
    before = _state(project)
    undo = project.annotations.update(said, label_id=_label(project, "event"))
    assert project.database.conn.execute("SELECT count(*) FROM claim_links").fetchone() == (0,)
    project.annotations.restore(undo)
    assert _state(project) == before


def test_restoring_skips_what_went_away_meanwhile(project: Project) -> None:
    said, first, second = _claim_with_everything(project)
    snapshot = project.annotations.delete(said)
    project.annotations.delete(project.claims.get(second).annotation_id)  # the linked claim
    entity = project.entities.get(project.entities.summaries()[0].id)
    project.entities.delete(entity.id)  # the subject
    project.annotations.restore(snapshot)
    claim = project.claims.get(first)
    assert claim.summary == "لقاء" and claim.subjects == ()
    assert project.claims.links(first) == []
    assert project.database.conn.execute("SELECT body FROM notes").fetchall() == [("راجع المصدر",)]


def test_restoring_unlinks_an_entity_deleted_meanwhile(project: Project) -> None:
    kerry = project.entities.add("كيري", "person")
    tag = _tag(project, "كيري", "person")
    project.entities.link(tag, kerry)
    snapshot = project.annotations.delete(tag)
    project.entities.delete(kerry)
    project.annotations.restore(snapshot)
    restored = project.annotations.get(tag)
    assert restored.entity_id is None
    assert restored == snapshot.annotation._replace(entity_id=None)


def test_restoring_an_edit_unlinks_an_entity_deleted_meanwhile(project: Project) -> None:
    kerry = project.entities.add("كيري", "person")
    tag = _tag(project, "كيري", "person")
    project.entities.link(tag, kerry)
    before = project.annotations.update(tag, note="راجع")
    project.entities.delete(kerry)
    project.annotations.restore(before)
    assert project.annotations.get(tag) == before.annotation._replace(entity_id=None)


def test_restoring_a_claim_clears_a_claimant_deleted_meanwhile(project: Project) -> None:
    said = _tag(project, "قال", "claim")
    claim = project.claims.for_annotation(said)
    assert claim is not None
    kremlin = project.entities.add("الكرملين", "organisation")
    project.claims.update(claim.id, claimant_id=kremlin, summary="لقاء")
    snapshot = project.annotations.delete(said)
    project.entities.delete(kremlin)
    project.annotations.restore(snapshot)
    restored = project.claims.get(claim.id)
    assert restored.claimant_id is None
    assert restored.summary == "لقاء" and restored.annotation_id == said


@pytest.mark.parametrize("name", ["\u200e\u200f", "\u061c \u200d", "\u200c\u2060 \u200b", "\u064e"])
def test_an_entity_named_only_with_invisible_characters_is_refused(
    project: Project, name: str
) -> None:
    # Accepted, it was drawn as a node with an invisible label.
    with pytest.raises(HamishError, match="only invisible characters"):
        project.entities.add(name, "person")
    kept = project.entities.add("\u200fكيري\u200d", "person")  # marks around letters: a name
    with pytest.raises(HamishError, match="only invisible characters"):
        project.entities.update(kept, name=name)
    assert project.entities.get(kept).name == "\u200fكيري\u200d"


def test_the_entities_only_some_articles_mention_are_counted(project: Project) -> None:
    """``left_unmentioned``: what deleting the articles leaves without a mention — an entity
    the articles alone mention, counted once however often they do; not one another article
    mentions, nor one they do not."""
    text = TEXT + " وعاد بوتين."
    first = project.documents.add(make_draft(text))
    second = project.documents.add(make_draft("وصل كيري إلى موسكو."))
    label = _label(project, "person")
    putin = project.entities.add("بوتين", "person")
    kerry = project.entities.add("كيري", "person")
    project.entities.add("لافروف", "person")  # no mention anywhere

    def mention(document_id: int, at: int, word: str, entity_id: int) -> None:
        article = project.documents.get(document_id).text
        draft = prepare_annotation(article, document_id, at, at + len(word), label, "me")
        project.entities.link(project.annotations.add(draft), entity_id)

    mention(first, text.index("بوتين"), "بوتين", putin)
    mention(first, text.rindex("بوتين"), "بوتين", putin)
    mention(first, text.index("كيري"), "كيري", kerry)
    mention(second, 4, "كيري", kerry)
    assert project.entities.left_unmentioned([first]) == 1  # بوتين; كيري is in the second too
    assert project.entities.left_unmentioned([first, second]) == 2
    assert project.entities.left_unmentioned([second]) == 0
    assert project.entities.left_unmentioned([]) == 0
