"""A second window on a project another window has open is refused with a message: each
edited from what it had read, and their edits undid each other (a security tester: window A
deleted an article, B tagged in it, "FOREIGN KEY constraint failed", the tag was lost)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.errors import ProjectError
from desktop.core.text import make_draft
from desktop.defaults import open_project
from desktop.store.db import refuse_if_open_elsewhere
from desktop.store.project import Project

# Holds the project open, as a window does, until its stdin closes.
_HOLD = """
import sys
from desktop.store.project import Project
with Project.open(sys.argv[1], create=False):
    print("open", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "shared.hamish"
    with Project.open(path) as opened:
        opened.documents.add(make_draft("قال الوزير إن الوضع هادئ."))
    return path


def test_a_project_open_in_another_process_is_refused(project: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectError, match="open in another Hamish window"):
            open_project(project)
        with pytest.raises(ProjectError, match="open in another Hamish window"):
            refuse_if_open_elsewhere(project)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    open_project(project).close()  # once the other closes it, it opens


def test_a_project_this_process_has_open_is_not_refused(project: Path) -> None:
    with Project.open(project):
        refuse_if_open_elsewhere(project)  # no descriptor of it opened, so no lock dropped
    refuse_if_open_elsewhere(project.with_name("new.hamish"))  # no file yet
