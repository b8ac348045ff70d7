"""``hamish backups list|create|restore``: a project's automatic backups from the command line.

The backups themselves (where, when, which are kept) are ``desktop/store/backups.py``'s; the
restore is ``store/db.py``'s ``restore_backup``, which backs up the current state first and
refuses while the project is open in a window. ``commands.py`` only calls :func:`register`
while building its parser and dispatches ``backups`` to :func:`run`. No Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_project_option,
    echo,
    echo_json,
    project_argument,
    project_path,
)

if TYPE_CHECKING:
    from desktop.store.backups import Backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backups",
        help="list, make or restore the automatic backups of a project",
        description=(
            "Hamish keeps backups of each project in a 'backups' folder beside it: one a day "
            "when the window opens the project (7 daily and 4 weekly are kept), one before "
            "every upgrade of the project format and one before every restore."
        ),
    )
    # ``hamish backups --project P list`` too (it said "invalid choice: 'P'"); a dest of its
    # own, as the action's parser would set ``sub_project`` back to None.
    parser.add_argument(
        "--project",
        type=project_argument,
        dest="backups_project",
        metavar="PATH",
        help="project file",
    )
    actions = parser.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the backups of the project, newest first")
    add_project_option(listing)
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    create = actions.add_parser("create", help="back the project up now")
    add_project_option(create)
    restore = actions.add_parser(
        "restore",
        help="replace the project with a backup (what it holds now is backed up first)",
        description=(
            "Replace the project with one of its backups. What the project holds now is kept "
            "as a backup of its own first, so a restore is undone by restoring that one. "
            "Refused while the project is open in a Hamish window."
        ),
    )
    add_project_option(restore)
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        help="the backup's number in 'hamish backups list' (1 is the newest), its file name, "
        "or a path to a backup file",
    )


def _size(size: int) -> str:
    if size < 1024:
        return f"{size:,} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:,.1f} {unit}"


def _list(project: Path, as_json: bool) -> int:
    from desktop.store.backups import article_count, folder_for, list_backups

    found = list_backups(project)
    if as_json:
        rows = [
            {
                "number": number,
                "file": backup.name,
                "path": str(backup.path),
                "taken": backup.taken.replace(microsecond=0).isoformat(),
                "kind": backup.kind,
                "size": backup.size,
                "articles": article_count(backup.path),
            }
            for number, backup in enumerate(found, 1)
        ]
        echo_json(rows)
        return EXIT_OK
    folder = folder_for(project)
    if not found:
        echo(f"No backups of {project} yet (they are kept in {folder}).")
        return EXIT_OK
    echo(f"{'#':>3}  {'TAKEN':<19}  {'KIND':<8}  {'SIZE':>10}  {'ARTICLES':>8}  FILE")
    for number, backup in enumerate(found, 1):
        count = article_count(backup.path)
        echo(
            f"{number:>3}  {backup.taken:%Y-%m-%d %H:%M:%S}  {backup.kind:<8}  "
            f"{_size(backup.size):>10}  {'?' if count is None else count:>8}  {backup.name}"
        )
    echo(f"kept in {folder}")
    return EXIT_OK


def _chosen(project: Path, wanted: str) -> Backup | Path | None:
    """The backup ``wanted`` names: a number of the list, a file name in the backups folder,
    or a path."""
    from desktop.store.backups import folder_for, list_backups

    found = list_backups(project)
    if wanted.isdigit():
        number = int(wanted)
        return found[number - 1] if 1 <= number <= len(found) else None
    for backup in found:
        if backup.name == wanted:
            return backup
    path = Path(wanted).expanduser()
    if path.is_file():
        return path
    in_folder = folder_for(project) / wanted
    return in_folder if in_folder.is_file() else None


def _restore(project: Path, wanted: str) -> int:
    from desktop.store.backups import Backup
    from desktop.store.db import restore_backup

    chosen = _chosen(project, wanted)
    if chosen is None:
        hint = "'hamish backups list' shows them"
        echo(f"hamish: there is no backup {wanted!r} of {project}; {hint}", err=True)
        return EXIT_USAGE
    source = chosen.path if isinstance(chosen, Backup) else chosen
    saved = restore_backup(project, source)
    echo(f"restored {project} from {source.name}")
    echo(f"what it held before is kept as {saved} (restore that to undo)")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    if getattr(args, "sub_project", None) is None:
        args.sub_project = getattr(args, "backups_project", None)
    project = project_path(args).expanduser()
    if not project.is_file():
        echo(f"hamish: There is no project at {project}.", err=True)
        return EXIT_FAILED
    if args.backups_command == "list":
        return _list(project, args.json)
    if args.backups_command == "create":
        from desktop.store.backups import MANUAL
        from desktop.store.db import back_up

        echo(f"wrote {back_up(project, MANUAL)}")
        return EXIT_OK
    return _restore(project, args.backup)
