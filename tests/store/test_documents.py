from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

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


TABLES = ("documents", "annotations", "claims", "claim_subjects", "claim_links", "notes")


def _everything(project: Project) -> dict[str, list[object]]:
    conn = project.database.conn
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES} | {
        "decisions": conn.execute("SELECT * FROM decisions ORDER BY 1").fetchall()
    }


def _tag(project: Project, doc: int, word: str, key: str, entity: int | None = None) -> int:
    from desktop.core.services import prepare_annotation

    text = project.documents.get(doc).text
    label = project.labels.by_key(key)
    assert label is not None
    start = text.index(word)
    annotation = prepare_annotation(text, doc, start, start + len(word), label.id, "me")
    return project.annotations.add(annotation._replace(entity_id=entity))


def _annotated(project: Project) -> tuple[int, int]:
    """Two articles; the first with a person, a claim (subject, link to a claim of the
    second article), a note and a rejected suggestion."""
    first = project.documents.add(make_draft("قال كيري إن لافروف وافق.", title="الأول"))
    second = project.documents.add(make_draft("نفى لافروف ذلك في موسكو.", title="الثاني"))
    kerry = project.entities.add("كيري", "person")
    _tag(project, first, "كيري", "person", kerry)
    said = _tag(project, first, "لافروف وافق", "claim")
    denied = _tag(project, second, "نفى لافروف", "claim")
    claims = project.claims
    one, other = claims.for_annotation(said), claims.for_annotation(denied)
    assert one is not None and other is not None
    claims.update(one.id, summary="موافقة", subjects=[kerry])
    claims.add_link(one.id, other.id, "contradicts")
    project.decisions.record(first, "suggestion", 0, 3, "قال", "rejected")
    with project.database.transaction():
        project.database.conn.execute(
            "INSERT INTO notes (document_id, body, created_at, modified_at) "
            "VALUES (?, 'مصدر ضعيف', 'now', 'now')",
            [first],
        )
    return first, second


def test_a_deleted_article_comes_back_with_everything(project: Project) -> None:
    first, _second = _annotated(project)
    before = _everything(project)
    rows = project.documents.delete(first)
    assert rows.count("annotations") == 2 and rows.count("claim_links") == 1
    after_delete = _everything(project)
    assert after_delete["claim_links"] == [] and len(after_delete["annotations"]) == 1
    assert project.search.matching_ids("كيري") == set()
    assert project.documents.restore(rows) == first
    assert _everything(project) == before
    assert project.search.matching_ids("كيري") == {first}
    # Redo and undo again: the same rows serve twice.
    project.documents.delete(first)
    assert project.documents.restore(rows) == first
    assert _everything(project) == before


def test_an_article_whose_id_was_taken_comes_back_under_a_new_one(project: Project) -> None:
    first, second = _annotated(project)
    rows = project.documents.delete(second)
    newcomer = project.documents.add(make_draft("خبر آخر تماما.", title="جديد"))
    assert newcomer > second  # ids are never handed out again...
    with project.database.transaction():  # ...but a JSON restore or another program can
        project.database.conn.execute(
            "UPDATE documents SET id = ? WHERE id = ?", [second, newcomer]
        )
    newcomer = second
    restored = project.documents.restore(rows)
    assert restored not in (first, second)
    assert project.documents.get(restored).title == "الثاني"
    (annotation,) = project.annotations.for_document(restored)
    claim = project.claims.for_annotation(annotation.id)
    assert claim is not None
    (said,) = [a for a in project.annotations.for_document(first) if a.quote == "لافروف وافق"]
    first_claim = project.claims.for_annotation(said.id)
    assert first_claim is not None
    (link,) = project.claims.links(claim.id)
    assert (link.from_claim, link.to_claim, link.kind) == (first_claim.id, claim.id, "contradicts")
    assert project.annotations.for_document(newcomer) == []
    assert project.search.matching_ids("نفى") == {restored}


def test_an_article_imported_again_meanwhile_is_not_restored_twice(project: Project) -> None:
    first, _second = _annotated(project)
    rows = project.documents.delete(first)
    project.documents.add(make_draft("قال كيري إن لافروف وافق.", title="مرة أخرى"))
    before = _everything(project)
    from desktop.core.errors import HamishError

    with pytest.raises(HamishError, match="imported after it was deleted"):
        project.documents.restore(rows)
    assert _everything(project) == before  # nothing half-written


def test_references_to_rows_gone_meanwhile_are_cleared_or_dropped(project: Project) -> None:
    first, second = _annotated(project)
    rows = project.documents.delete(first)
    project.documents.delete(second)  # the linked claim goes
    kerry = project.entities.summaries()[0].id
    project.entities.delete(kerry)  # the person, and the claim's subject
    assert project.documents.restore(rows) == first
    person, claim_annotation = project.annotations.for_document(first)
    assert person.entity_id is None  # ON DELETE SET NULL
    claim = project.claims.for_annotation(claim_annotation.id)
    assert claim is not None and claim.summary == "موافقة"
    assert claim.subjects == () and project.claims.links(claim.id) == []  # CASCADE: dropped


def test_ids_are_never_handed_out_again(project: Project) -> None:
    """After "delete the last article, import another", an older undo step must not find its
    article's id on the newcomer (AUTOINCREMENT, migration 5)."""
    _first, second = _annotated(project)
    last_annotation = max(a.id for a in project.annotations.for_document(second))
    project.documents.delete(second)
    newcomer = project.documents.add(make_draft("خبر آخر تماما.", title="جديد"))
    assert newcomer > second
    tag = _tag(project, newcomer, "خبر", "person")
    assert tag > last_annotation


def test_newest_first_and_titled_texts_for_find_all_mentions(project: Project) -> None:
    dates = [None, "2016-01-02", "", "2019-05-01", "2016-01-02", None]
    ids = [
        project.documents.add(make_draft(f"نص {n}", title=f"خبر {n}", published=date))
        for n, date in enumerate(dates)
    ]
    order = [s.id for s in project.documents.summaries()]
    assert list(project.documents.newest_first()) == order
    assert list(project.documents.newest_first([ids[0], ids[4], ids[1], 999])) == [
        s for s in order if s in (ids[0], ids[1], ids[4])
    ]
    assert list(project.documents.newest_first([])) == []
    # In the order asked, the missing left out.
    wanted = [ids[5], 999, ids[0], ids[3]]
    assert list(project.documents.titled_texts(wanted)) == [
        (ids[5], "خبر 5", "نص 5"),
        (ids[0], "خبر 0", "نص 0"),
        (ids[3], "خبر 3", "نص 3"),
    ]
    # A project from before the date index (read-only, not upgraded) still gives the order.
    project.database.conn.execute("DROP INDEX documents_by_date_desc")
    assert list(project.documents.newest_first()) == order


def test_the_workers_read_orders_and_ids_in_one_row(tmp_path: Path, monkeypatch: Any) -> None:
    """The library's workers read a whole order (or every id) as one row SQLite packs: read
    row by row, a million ids took the interpreter lock a million times and the window's
    repaint waited behind each. The order is the one read row by row."""
    import desktop.store.documents as documents

    path = tmp_path / "orders.hamish"
    with Project.open(path) as project:
        for n in range(40):
            day = f"2016-01-{1 + n % 9:02}"
            project.documents.add(make_draft(f"نص {n}", title=f"عنوان {n * 7 % 13}", published=day))
        project.documents.delete(5)
        expected = {
            (key, descending): list(project.documents.library_order(key, descending))
            for key in ("title", "date")
            for descending in (False, True)
        }
        ids = list(project.documents.ids())
    fetched: list[int] = []

    class Counted:
        def __init__(self, cursor: sqlite3.Cursor) -> None:
            self._cursor = cursor

        def __iter__(self) -> Counted:
            return self

        def __next__(self) -> Any:
            fetched.append(1)
            return next(self._cursor)

        def fetchone(self) -> Any:
            fetched.append(1)
            return self._cursor.fetchone()

    class Connection(sqlite3.Connection):
        def execute(self, *args: Any) -> Any:  # type: ignore[override]
            return Counted(super().execute(*args))

    real = sqlite3.connect
    monkeypatch.setattr(
        documents.sqlite3, "connect", lambda *a, **k: real(*a, **k, factory=Connection)
    )
    for (key, descending), order in expected.items():
        fetched.clear()
        assert list(documents.read_library_order(str(path), key, descending)) == order
        assert len(fetched) == 1
    fetched.clear()
    assert list(documents.read_ids(str(path))) == ids == sorted(ids)
    assert len(fetched) == 1
