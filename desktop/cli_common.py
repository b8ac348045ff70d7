"""What every ``hamish`` sub-command shares: exit codes, the ``--project`` option and opening
the project it names (the default project, made with the samples if new, when it names none).

Why a module of its own: ``desktop.commands`` loads the entity and search sub-commands lazily,
and they need these too; keeping them here avoids a copy in each (there were three)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store loads when a command runs, not when the parser is built
    from desktop.store.project import Project

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_project_option(parser: argparse.ArgumentParser) -> None:
    """``--project PATH`` after the sub-command (``hamish list --project P``)."""
    parser.add_argument(
        "--project", type=Path, dest="sub_project", metavar="PATH", help="project file"
    )


def project_path(args: argparse.Namespace) -> Path:
    """The project a command works on: ``--project`` after or before the sub-command, else
    the default project (created with the samples on first use)."""
    path: Path | None = getattr(args, "sub_project", None) or getattr(args, "project", None)
    if path is None:
        from desktop.defaults import ensure_default_project

        path = ensure_default_project()
    return path


def open_project(args: argparse.Namespace, *, create: bool = False) -> Project:
    """Open the command's project; a path that is not a project is an error, and is created
    only when ``create``. What opening it must tell (a damaged journal, a backup that could
    not be made) is printed on stderr; a read-only project opens read-only."""
    import sys

    from desktop.store.project import Project

    project = Project.open(project_path(args), create=create)
    for notice in project.notices:
        print(f"hamish: warning: {notice}", file=sys.stderr)
    return project
