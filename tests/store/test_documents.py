from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import DuplicateDocument, NotFound
from desktop.core.text import make_draft
from desktop.store.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.open(tmp_path / "p.hamish")


def test_add_get_and_summaries(project: Project) -> None:
    first = project.documents.add(make_draft("نص المقال الأول", title="الأول", source="الحياة"))
    second = project.documents.add(make_draft("Second article text.", published="2016-01-02"))
    doc = project.documents.get(first)
    assert (doc.title, doc.source, doc.text, doc.direction) == (
        "الأول",
        "الحياة",
        "نص المقال الأول",
        "rtl",
    )
    summaries = project.documents.summaries()
    assert [s.id for s in summaries] == [second, first]  # newest publication first
    assert summaries[1].char_count == len("نص المقال الأول")
    assert summaries[1].annotation_count == 0
    assert [s.id for s in project.documents.summaries([first])] == [first]
    assert project.documents.summaries([]) == []


def test_duplicate_text_is_refused(project: Project) -> None:
    doc_id = project.documents.add(make_draft("قال الأسد"))
    with pytest.raises(DuplicateDocument) as caught:
        project.documents.add(make_draft("قالَ الأسَد"))
    assert caught.value.existing_id == doc_id
    assert project.documents.count() == 1


def test_missing_document(project: Project) -> None:
    with pytest.raises(NotFound, match="no document 42"):
        project.documents.get(42)
    assert not project.documents.exists(42)


def test_update_and_delete(project: Project) -> None:
    doc_id = project.documents.add(make_draft("نص"))
    project.documents.update_metadata(doc_id, title="عنوان", published="2015-12-15")
    assert project.documents.get(doc_id).title == "عنوان"
    with pytest.raises(ValueError):
        project.documents.update_metadata(doc_id, text="x")
    project.documents.delete(doc_id)
    assert project.documents.count() == 0
