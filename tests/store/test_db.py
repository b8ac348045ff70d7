from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import NewerProject, NotAProject, ProjectError
from desktop.core.text import make_draft
from desktop.store import schema
from desktop.store.db import Database
from desktop.store.project import Project


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_has_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.hamish"
    db = Database.open(path)
    try:
        conn = db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # The FTS5 search index (a virtual table and its shadow tables) cannot be STRICT.
        tables = {t for t in db.db.table_names() if not t.startswith(("sqlite_", "search_fts"))}
        assert {
            "documents",
            "labels",
            "entities",
            "entity_aliases",
            "annotations",
            "claims",
            "claim_subjects",
            "claim_links",
            "notes",
            "meta",
        } <= tables
        for table in tables:
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[
                0
            ]
            assert sql.rstrip().endswith("STRICT"), table
    finally:
        db.close()
    assert not list(tmp_path.glob(".*tmp")), "no temporary file may remain"


def test_migrations_run_step_by_step_from_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "old.hamish"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Project.open(path, create=False) as project:
        assert project.database.schema_version() == schema.SCHEMA_VERSION
        project.documents.add(make_draft("نص تجريبي"))


def test_zero_byte_project_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "touched.hamish"
    path.touch()
    with Project.open(path, create=False) as project:
        assert project.documents.count() == 0
    assert path.stat().st_size > 0


def test_reopen_keeps_documents(tmp_path: Path) -> None:
    path = tmp_path / "p.hamish"
    with Project.open(path) as project:
        doc_id = project.documents.add(make_draft("قال لافروف\r\nإن المحادثات مستمرة"))
    with Project.open(path, create=False) as project:
        document = project.documents.get(doc_id)
    assert document.text == "قال لافروف\nإن المحادثات مستمرة"
    assert document.direction == "rtl"
    assert (
        not (tmp_path / "p.hamish-wal").exists() or (tmp_path / "p.hamish-wal").stat().st_size == 0
    )


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.hamish"
    with Project.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerProject, match="newer version of Hamish"):
        Project.open(path)
    assert _digest(path) == before
    assert not (tmp_path / "future.hamish-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"just some text\n", b"\x89PNG\r\n\x1a\n" + bytes(200), "نص عربي".encode()],
    ids=["text", "png", "arabic"],
)
def test_non_projects_are_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.hamish"
    path.write_bytes(content)
    with pytest.raises(NotAProject, match="not a Hamish project"):
        Project.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAProject, match="not a Hamish project"):
        Project.open(path)
    assert _digest(path) == before


def test_missing_project_without_create(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="There is no project"):
        Project.open(tmp_path / "nope.hamish", create=False)
    assert not (tmp_path / "nope.hamish").exists()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAProject, match="folder"):
        Project.open(tmp_path)


def test_failed_action_leaves_nothing_behind(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        with pytest.raises(RuntimeError), project.database.transaction():
            project.documents.add(make_draft("الأول"))
            project.documents.add(make_draft("الثاني"))
            raise RuntimeError("interrupted")
        assert project.documents.count() == 0


def test_full_disk_gives_a_clear_message_and_saves_nothing(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        project.documents.add(make_draft("مقال صغير"))
        pages = project.database.conn.execute("PRAGMA page_count").fetchone()[0]
        project.database.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(ProjectError, match="disk is full"):
            project.documents.add(make_draft("نص طويل جدا " * 20000))
        assert project.documents.count() == 1
        assert project.database.conn.in_transaction is False
