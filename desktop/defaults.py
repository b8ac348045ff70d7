"""The default project: where it lives and how a new user's first one is made. Qt-free, so
headless commands can find the default project without loading a GUI toolkit."""

from __future__ import annotations

import os
from pathlib import Path

from desktop import paths
from desktop.core.errors import ProjectError
from desktop.store.project import Project


def ensure_default_project(path: Path | None = None) -> Path:
    """Create the default project with the sample articles if it does not exist yet.

    It is built under a temporary name and renamed into place only when complete, so a crash
    during the first launch cannot leave an empty default project that never gets its seeds.
    """
    target = path or paths.default_project_path()
    if target.exists():
        return target
    from desktop.io.seeds import seed_project  # only on the very first launch

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # A read-only home, or XDG_DATA_HOME naming a file: a traceback and no window.
        raise ProjectError(
            f"Hamish cannot make its default project in {target.parent}: "
            f"{error.strerror or error}. Open a project of your own (hamish --project PATH)."
        ) from error
    tmp = target.with_name(f".{target.name}.{os.getpid()}.new")
    try:
        with Project.open(tmp, create=True) as project:
            seed_project(project)
        if not target.exists():
            os.replace(tmp, target)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return target


def open_project(path: Path | None) -> Project:
    """``None`` means the default project (created with the seeds on first run). Refused
    while another window or program has it open (``db.refuse_if_open_elsewhere``)."""
    from desktop.store.db import refuse_if_open_elsewhere

    target = ensure_default_project() if path is None else path
    refuse_if_open_elsewhere(target)
    return Project.open(target, create=path is not None)
