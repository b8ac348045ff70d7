"""Export targets an export must never write over: made in a test's folder, shared by the
command-line and window tests of where an export may write."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.core.text import make_draft
from desktop.store.project import Project


def device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def read_only(path: Path) -> None:
    path.write_text("kept", encoding="utf-8")
    path.chmod(0o444)


def other_project(path: Path) -> None:
    with Project.open(path) as project:
        project.documents.add(make_draft("نص في مشروع آخر.", title="آخر"))


def database(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()


def dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere"))
