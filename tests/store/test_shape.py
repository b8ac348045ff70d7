"""A project someone else made is hostile too (issue 13, follow-up): triggers and views Hamish
does not make, a table of Hamish's replaced by a view, a damaged backup or project."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import NotAProject, ProjectError
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store import backups, schema
from desktop.store.db import restore_backup
from desktop.store.project import Project

EVIL = (
    "CREATE TRIGGER evil AFTER INSERT ON documents BEGIN "
    "DELETE FROM annotations; DELETE FROM notes; END;"
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _project(path: Path) -> Path:
    with Project.open(path) as project:
        doc = project.documents.add(make_draft("قال لافروف إن المحادثات في جنيف مستمرة"))
        label = project.labels.by_key("person")
        assert label is not None
        text = project.documents.get(doc).text
        project.annotations.add(prepare_annotation(text, doc, 4, 11, label.id, "me"))
    return path


def _tamper(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.executescript(statement)
        conn.commit()
    finally:
        conn.close()
    return path


def _objects(path: Path, kind: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind])
        return sorted(row[0] for row in rows)


@pytest.mark.parametrize("version", range(schema.SCHEMA_VERSION + 1))
def test_the_shape_read_from_the_migrations_is_what_they_make(version: int) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for migration in schema.MIGRATIONS[:version]:
        migration(conn) if callable(migration) else conn.executescript(migration)
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    shape = schema.shape(version)
    assert shape.tables == {
        name: sql.startswith("CREATE VIRTUAL") for kind, name, sql in rows if kind == "table"
    }
    assert shape.indexes == {name: sql for kind, name, sql in rows if kind == "index"}
    assert shape.triggers == {name: sql for kind, name, sql in rows if kind == "trigger"}


def test_a_hidden_trigger_is_removed_before_it_can_run(tmp_path: Path) -> None:
    path = _tamper(_project(tmp_path / "trig.hamish"), EVIL)
    with Project.open(path) as project:
        assert any(
            "1 triggers or views that Hamish does not make were removed" in notice
            and "evil" in notice
            for notice in project.notices
        )
        project.documents.add(make_draft("مقال جديد عن الهدنة في حلب"))
        assert project.annotations.count() == 1
    assert _objects(path, "trigger") == sorted(schema.shape(schema.SCHEMA_VERSION).triggers)


def test_a_trigger_on_the_search_queue_and_a_view_are_removed(tmp_path: Path) -> None:
    path = _tamper(
        _project(tmp_path / "trig2.hamish"),
        "CREATE TRIGGER evil2 AFTER INSERT ON search_queue BEGIN "
        "UPDATE documents SET title = 'HACKED'; END;",
        "CREATE VIEW v AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
        "SELECT x FROM r;",
    )
    with Project.open(path) as project:
        project.documents.add(make_draft("مقال جديد عن الهدنة في حلب"))
        assert "HACKED" not in [doc.title for doc in project.documents.summaries()]
    assert _objects(path, "view") == []


def test_a_trigger_with_hamish_s_name_but_other_sql_is_made_again(tmp_path: Path) -> None:
    path = _tamper(
        _project(tmp_path / "renamed.hamish"),
        "DROP TRIGGER search_document_added;",
        "CREATE TRIGGER search_document_added AFTER INSERT ON documents BEGIN "
        "DELETE FROM annotations; END;",
        "DROP TRIGGER search_document_removed;",
    )
    with Project.open(path) as project:
        assert any("were missing or altered and were made again" in n for n in project.notices)
        project.documents.add(make_draft("مقال جديد عن الهدنة في حلب"))
        assert project.annotations.count() == 1
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    assert rows == schema.shape(schema.SCHEMA_VERSION).triggers


def test_a_read_only_project_with_a_hidden_trigger_is_read_not_changed(tmp_path: Path) -> None:
    path = _tamper(_project(tmp_path / "trig.hamish"), EVIL)
    path.chmod(0o444)
    before = _digest(path)
    try:
        with Project.open(path) as project:
            assert project.read_only
            assert any("they were left in place" in notice for notice in project.notices)
            assert project.documents.count() == 1
        assert _digest(path) == before
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_table_replaced_by_a_view_is_refused_clearly(tmp_path: Path, read_only: bool) -> None:
    path = _tamper(
        _project(tmp_path / "docview.hamish"),
        "PRAGMA foreign_keys = OFF; ALTER TABLE documents RENAME TO d2; "
        "CREATE VIEW documents AS SELECT * FROM d2;",
    )
    if read_only:
        path.chmod(0o444)
    before = _digest(path)
    try:
        with pytest.raises(NotAProject, match="its documents table has been replaced by a view"):
            Project.open(path)
        assert _digest(path) == before
        assert backups.article_count(path) is None  # not counted through the view
    finally:
        path.chmod(0o644)


def test_a_missing_table_is_refused_clearly(tmp_path: Path) -> None:
    path = _tamper(_project(tmp_path / "nonotes.hamish"), "DROP TABLE notes;")
    with pytest.raises(NotAProject, match="its notes table is missing"):
        Project.open(path)


def test_extra_tables_of_others_are_left(tmp_path: Path) -> None:
    path = _tamper(
        _project(tmp_path / "extra.hamish"), "CREATE TABLE zzz(x); INSERT INTO zzz VALUES (1);"
    )
    with Project.open(path) as project:
        assert project.notices == []
    assert "zzz" in _objects(path, "table")


# --- restore ------------------------------------------------------------------------------------


def _damaged_copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    data = bytearray(target.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(page * 5, page * 5 + 2000, 7):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))
    return target


def _big_project(path: Path) -> Path:
    with Project.open(path) as project, project.database.transaction():
        for index in range(40):
            project.documents.add(make_draft(f"مقال رقم {index} عن المحادثات في جنيف " * 40))
    return path


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    path = _big_project(tmp_path / "case.hamish")
    with Project.open(path):
        pass
    damaged = _damaged_copy(path, tmp_path / "damaged.hamish")
    before = _digest(path)
    with pytest.raises(ProjectError, match=r"is damaged .*it was not restored"):
        restore_backup(path, damaged)
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_a_backup_with_a_hidden_trigger_is_not_restored(tmp_path: Path) -> None:
    path = _project(tmp_path / "case.hamish")
    tampered = _tamper(_project(tmp_path / "trig.hamish"), EVIL)
    before = _digest(path)
    with pytest.raises(ProjectError, match=r"Hamish did not make there \(evil\)"):
        restore_backup(path, tampered)
    assert _digest(path) == before


def test_a_damaged_project_is_not_imported_into(tmp_path: Path) -> None:
    path = _big_project(tmp_path / "case.hamish")
    damaged = _damaged_copy(path, tmp_path / "damaged.hamish")
    with Project.open(damaged) as project, pytest.raises(ProjectError, match="is damaged"):
        project.database.check_intact()
    with Project.open(path) as project:
        project.database.check_intact()
