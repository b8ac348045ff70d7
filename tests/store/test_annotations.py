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
    from desktop.core.models import AnnotationDraft

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
