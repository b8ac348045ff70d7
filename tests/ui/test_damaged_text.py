"""Text stored as invalid UTF-8 (a project damaged or made by hand: a security tester's
``cast(x'd8a7eda080c0' as text)``) is read by the window with U+FFFD for its bad bytes. It
raised inside the library model's ``data()`` and the window crashed at every start (a
segmentation fault in ``first_document``); an entity's name printed an error at every
repaint."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.text import make_draft
from desktop.store.project import Project
from tests.test_cli import hamish

ARTICLES = ["قال الوزير سمير خليل إن الوضع هادئ.", "وصل نادر حداد إلى حلب صباح اليوم."]


def _damaged(path: Path) -> Path:
    with Project.open(path) as project:
        for text in ARTICLES:
            project.documents.add(make_draft(text))
        project.entities.add("سمير خليل", "person")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE documents SET title = cast(x'd8a7eda080c0' AS text) WHERE id = 2")
        conn.execute("UPDATE entities SET name = cast(x'41eda080ff42' AS text)")
    return path


def test_the_window_shows_a_damaged_title_and_name(tmp_path: Path) -> None:
    project = _damaged(tmp_path / "damaged.hamish")
    output = tmp_path / "shot.png"
    for document in ("1", "2"):
        result = hamish(
            "screenshot",
            "--project",
            project,
            "--document",
            document,
            "--output",
            output,
            "--overwrite",
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert "Error calling Python override" not in result.stderr
        assert "Traceback" not in result.stderr


def test_the_window_reads_it_with_replacement_and_the_commands_refuse_it(
    tmp_path: Path,
) -> None:
    path = _damaged(tmp_path / "damaged.hamish")
    listed = hamish("list", "--project", path)
    assert listed.returncode != 0 and "hamish backups" in listed.stderr
    assert "Traceback" not in listed.stderr
    with Project.open(path) as project:
        project.read_damaged_text()
        titles = {s.id: s.title for s in project.documents.summaries([1, 2])}
        assert titles[2] == "ا\ufffd\ufffd\ufffd\ufffd"
        assert "\ufffd" in project.entities.get(1).name
