"""A project whose foreign keys dangle (damaged or made by hand: SQLite does not check them
on a file another program wrote) still exports to REFI-QDA and XMI, the dangling references
left out: each raised a KeyError (a security tester's "cycles" project)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from desktop.io.exchange.qdpx import export_qdpx
from desktop.io.exchange.xmi import export_xmi
from desktop.store.project import Project
from tests.io.briefing_project import build_briefing_project


def _dangling(path: Path) -> Path:
    project, _ = build_briefing_project(path)
    project.close()
    with sqlite3.connect(path) as conn:  # foreign keys off, as in any other program
        claim = conn.execute("SELECT min(id) FROM claims").fetchone()[0]
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(
            "INSERT INTO claim_links(from_claim, to_claim, kind) VALUES (?, 99999, 'supports')",
            [claim],
        )
        conn.execute("INSERT INTO claim_subjects(claim_id, entity_id) VALUES (?, 99999)", [claim])
        conn.execute("UPDATE claims SET claimant_id = 88888 WHERE id = ?", [claim])
        conn.execute(
            "UPDATE annotations SET entity_id = 77777 WHERE id = (SELECT min(id) FROM annotations)"
        )
    return path


def test_qdpx_and_xmi_export_leave_dangling_references_out(tmp_path: Path) -> None:
    path = _dangling(tmp_path / "dangling.hamish")
    with Project.open(path, create=False) as project:
        export_qdpx(project, tmp_path / "out.qdpx")
        export_xmi(project, tmp_path / "out.zip")
    for name in ("out.qdpx", "out.zip"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            assert archive.testzip() is None and archive.namelist()
