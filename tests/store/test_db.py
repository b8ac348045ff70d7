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


def test_upgrade_to_never_reused_ids_keeps_every_row_and_trigger(tmp_path: Path) -> None:
    """Migration 5 rebuilds the tables with AUTOINCREMENT: nothing may be lost or cascaded
    (the old tables are dropped), the search triggers must still fire, and the highest freed
    id must not come back."""
    from desktop.core.services import prepare_annotation
    from desktop.store.db import _split_sql

    # A version-4 project with data, written as that version stored it.
    old = tmp_path / "old.hamish"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    for script in schema.MIGRATIONS[:4]:
        assert isinstance(script, str)
        for statement in _split_sql(script):
            conn.execute(statement)
    text = "قال كيري إن لافروف وافق على الخطة."
    conn.execute(
        "INSERT INTO documents (title, text, direction, content_hash, char_count, imported_at, "
        "modified_at) VALUES ('خبر', ?, 'rtl', 'h1', ?, 'now', 'now')",
        [text, len(text)],
    )
    conn.execute(
        "INSERT INTO documents (title, text, direction, content_hash, char_count, imported_at, "
        "modified_at) VALUES ('آخر', 'نص آخر', 'rtl', 'h2', 6, 'now', 'now')"
    )
    conn.execute(
        "INSERT INTO entities (name, type, name_norm, created_at, modified_at) "
        "VALUES ('كيري', 'person', 'كيري', 'now', 'now')"
    )
    conn.execute(
        'INSERT INTO annotations (document_id, start, "end", quote, prefix, suffix, label_id, '
        "entity_id, note, author, anchor, created_at, modified_at) "
        "VALUES (1, 4, 8, 'كيري', '', '', 1, 1, 'ملاحظة', 'me', 'exact', 'now', 'now')"
    )
    conn.execute("PRAGMA user_version = 4")
    tables = ("documents", "entities", "annotations", "labels", "search_queue")
    before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    conn.close()

    with Project.open(old, create=False) as project:
        conn = project.database.conn
        assert project.database.schema_version() == schema.SCHEMA_VERSION
        after = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
        # migration 6 adds documents.import_notes, empty for the articles already there
        assert {row[-1] for row in after["documents"]} == {""}
        after["documents"] = [row[:-1] for row in after["documents"]]
        assert after == before
        # migration 7 adds the tagger's table, with no model in it yet; 8 the models' kinds
        assert conn.execute("SELECT count(*) FROM tagger_models").fetchone() == (0,)
        columns = [row[1] for row in conn.execute("PRAGMA table_info(tagger_models)")]
        assert columns[-1] == "kind"
        assert (
            "AUTOINCREMENT"
            in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
        )
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert project.search.matching_ids("لافروف") == {1}  # indexed through the queue
        project.documents.delete(2)
        newcomer = project.documents.add(make_draft("مقال جديد عن موسكو", title="جديد"))
        assert newcomer == 3  # not 2 again
        assert project.search.matching_ids("موسكو") == {3}  # the trigger still fires
        person = project.labels.by_key("person")
        assert person is not None
        new_tag = project.annotations.add(prepare_annotation(text, 1, 13, 19, person.id, "me"))
        assert new_tag == 2
        project.documents.delete(1)  # the foreign keys cascade again
        assert conn.execute("SELECT count(*) FROM annotations").fetchone() == (0,)


def test_every_table_with_an_id_never_reuses_it(tmp_path: Path) -> None:
    """A table added later with an integer id must use AUTOINCREMENT too: undo steps keep ids."""
    with Project.open(tmp_path / "p.hamish") as project:
        rows = project.database.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%id%INTEGER%'"
        ).fetchall()
    with_id = {
        name: sql
        for name, sql in rows
        if ("\n    id " in sql or "(id " in sql) and not name.startswith("search_fts")  # FTS5's own
    }
    assert set(with_id) >= set(schema._NEVER_REUSE)
    for name, sql in with_id.items():
        assert "AUTOINCREMENT" in sql, name


def test_a_second_connection_never_unlocks_the_first(tmp_path: Path) -> None:
    """Closing any descriptor of a file drops all of this process's POSIX locks on it. A
    second connection (an import, an export, a preview) once read the header with a plain
    open/close: the window's connection lost its locks, the next program to close the project
    deleted the -wal file under it, and the window's later edits never reached the file."""
    import subprocess
    import sys

    path = tmp_path / "p.hamish"
    Project.open(path).close()
    window = Project.open(path, create=False)
    with Project.open(path, create=False):  # the background task's own connection
        pass
    code = (
        "import sys; from desktop.store.project import Project; Project.open(sys.argv[1]).close()"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert path.with_name(path.name + "-wal").exists()  # still shared with the window
    window.documents.add(make_draft("نص يحفظ بعد فتح اتصال ثان."))
    other = sqlite3.connect(path)
    try:
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        other.close()
        window.close()
