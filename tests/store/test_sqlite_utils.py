"""sqlite-utils writes whole records for the store (docs/dependencies.md says where and why
only there); it must wrap the project's connection without changing how it behaves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils.hookspecs import hookimpl
from sqlite_utils.plugins import pm

from desktop.core.text import make_draft
from desktop.store.project import Project


def test_writes_through_sqlite_utils_leave_the_connection_as_opened(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.hamish") as project:
        conn = project.database.conn
        assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
        document_id = project.documents.add(make_draft("قال المتحدث إن المحادثات مستمرة."))
        project.documents.update_metadata(document_id, title="المحادثات")
        project.labels.add(name_en="Weapon", name_ar="سلاح", kind="entity", color="#888888")
        # The same connection before and after its first write: no trigger may fire
        # differently once sqlite-utils has been used.
        assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


class _Recorder:
    def __init__(self) -> None:
        self.connections: list[sqlite3.Connection] = []

    @hookimpl
    def prepare_connection(self, conn: sqlite3.Connection) -> None:
        self.connections.append(conn)


def test_sqlite_utils_plugins_never_see_the_project(tmp_path: Path) -> None:
    recorder = _Recorder()
    pm.register(recorder)
    try:
        with Project.open(tmp_path / "p.hamish") as project:
            project.documents.add(make_draft("قال المتحدث إن المحادثات مستمرة."))
    finally:
        pm.unregister(recorder)
    assert recorder.connections == []
