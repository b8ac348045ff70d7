"""Automatic backups of a project, kept beside it.

Like the backups of trusted desktop stores (Anki's), they are consistent snapshots — SQLite's
backup API copies the project as one read transaction sees it, edits in its write-ahead log
included — taken:

- when the window opens a project whose newest backup is more than a day old (after the
  window is shown, in a background thread on its own connection: ``ui/shell/backups.py``);
- before every schema upgrade (``store/db.py``), of the project as the older version left it;
- before a restore replaces the project, so a restore is undone by restoring that backup.

Where: a ``backups`` folder next to the project, one file per backup named
``<project stem>-YYYYMMDD-HHMMSS-<kind>.hamish`` (local time; ``-2``, ``-3``… before the kind
when two fall in the same second), so the projects of one folder share it without colliding.
A project opened through a symbolic link is the file the link points to: its backups are
named after that file and kept beside it, and a restore replaces it, the link left a link.
Kinds: ``daily``, ``manual`` (``hamish backups create``), ``upgrade``, ``restore`` — and
``crash``: a write-ahead log left over by a crash, copied (``…-crash.hamish-wal`` and ``-shm``,
with the project itself when the log is damaged) before SQLite recovers it, so it can still be
inspected; crash copies are not offered for restoring.

Rotation: of the daily backups the newest of each of the last 7 days that have one, then the
newest of each of the 4 weeks before; the newest 10 manual ones; of each other kind the
newest 4. A backup is a complete
project file in rollback-journal mode (one self-contained file): it opens in Hamish or any
SQLite tool as it is.

Nothing here opens a project through ``store/db.py`` (which uses these functions while it
opens one); the restore, which must, is ``db.restore_backup``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import struct
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import ProjectError
from desktop.paths import fsync, fsync_folder

FOLDER = "backups"
DAILY, MANUAL, UPGRADE, RESTORE, CRASH = "daily", "manual", "upgrade", "restore", "crash"
KINDS = (DAILY, MANUAL, UPGRADE, RESTORE, CRASH)
RESTORABLE = (DAILY, MANUAL, UPGRADE, RESTORE)
KEEP_DAYS = 7
KEEP_WEEKS = 4
KEEP_OTHERS = 4
KEEP_MANUAL = 10
INTERVAL = dt.timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>" + "|".join(KINDS) + r")\.hamish"
)
_TEMP_AGE = dt.timedelta(hours=6)

LOCK = threading.RLock()
"""Held while a backup is written, rotated or restored: the window's background backup and a
restore (or two backups) never interleave in one process."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: dt.datetime  # local time, from the name
    kind: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def real(project: Path) -> Path:
    """The file ``project`` names, symbolic links followed: SQLite keeps the -wal and -shm
    beside that file, and a backup is of it — named after it and kept beside it — whatever
    link it was opened through. (A restore through a link replaced the link with a plain
    file and left the real project as it was, while saying it had restored it; an attack.)"""
    return project.expanduser().resolve()


def folder_for(project: Path) -> Path:
    return real(project).parent / FOLDER


def _parse(project: Path, file: Path) -> tuple[dt.datetime, str] | None:
    """(time taken, kind) of a backup file of ``project``, or None for any other file."""
    prefix = project.stem
    name = file.name
    if not name.startswith(prefix):
        return None
    match = _NAME.fullmatch(name, len(prefix))
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    serial = int(match["n"] or 1)
    return taken + dt.timedelta(microseconds=min(serial, 999_999)), match["kind"]


def list_backups(project: Path, kinds: tuple[str, ...] = RESTORABLE) -> list[Backup]:
    """The backups of ``project`` of these kinds, newest first."""
    project = real(project)
    folder = folder_for(project)
    found: list[Backup] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        parsed = _parse(project, Path(entry.name))
        if parsed is None or parsed[1] not in kinds:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            size = entry.stat(follow_symlinks=False).st_size
        except OSError:
            continue
        found.append(Backup(Path(entry.path), parsed[0], parsed[1], size))
    found.sort(key=lambda backup: backup.taken, reverse=True)
    return found


def due(project: Path, now: dt.datetime | None = None) -> bool:
    """Whether the newest backup (of any restorable kind) is more than a day old."""
    now = now or dt.datetime.now()
    newest = list_backups(project)
    return not newest or now - newest[0].taken >= INTERVAL


def _new_path(project: Path, kind: str, now: dt.datetime, suffix: str = "") -> Path:
    """A name no backup of this project has: a second backup in the same second (of any
    kind) gets ``-2`` before its kind, and sorts after the first."""
    project = real(project)
    folder = folder_for(project)
    stamp = now.strftime(_STAMP)
    try:
        taken = [name for name in os.listdir(folder) if name.startswith(f"{project.stem}-{stamp}")]
    except OSError:
        taken = []
    serial = 1
    while True:
        extra = f"-{serial}" if serial > 1 else ""
        prefix = f"{project.stem}-{stamp}{extra}-"
        if not any(
            name.startswith(prefix) and _parse(project, Path(name.removesuffix("-wal")))
            for name in taken
        ):
            return folder / f"{prefix}{kind}.hamish{suffix}"
        serial += 1


def _detail(error: BaseException) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return str(error)


def snapshot(
    conn: sqlite3.Connection, project: Path, kind: str, now: dt.datetime | None = None
) -> Path:
    """Copy the project ``conn`` is connected to into a new backup of ``kind`` and rotate the
    backups; returns the new file. Written under a temporary name and renamed, so a crash or
    a full disk never leaves half a backup. Raises ``ProjectError`` when it cannot be made."""
    now = now or dt.datetime.now()
    project = real(project)
    folder = folder_for(project)
    with LOCK:
        tmp: Path | None = None
        try:
            folder.mkdir(exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{project.stem}.", suffix=".tmp", dir=folder)
            os.close(fd)
            tmp = Path(name)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.backup(copy)
                # One self-contained file: no -wal beside a backup, whatever the project uses.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            fsync(tmp)
            target = _new_path(project, kind, now)
            os.replace(tmp, target)
            tmp = None
            fsync_folder(folder)
        except (OSError, sqlite3.Error) as error:
            raise ProjectError(
                f"No backup of {project} could be made: {_detail(error)}."
            ) from error
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        rotate(project, now)
        return target


def keep_crash_copy(project: Path, with_project: bool, now: dt.datetime | None = None) -> Path:
    """Copy the write-ahead log (and its index, ``-shm``) a crash left beside ``project`` into
    the backups folder — and the project file itself when ``with_project`` (a damaged log can
    only be read against the project as it was). Returns the copy's path, without the -wal
    suffix. Raises ``OSError``."""
    now = now or dt.datetime.now()
    project = real(project)
    folder = folder_for(project)
    with LOCK:
        folder.mkdir(exist_ok=True)
        target = _new_path(project, CRASH, now)
        parts = [("-wal", True), ("-shm", False)]
        if with_project:
            parts.append(("", True))
        for suffix, needed in parts:
            source = project.with_name(project.name + suffix)
            if not needed and not source.exists():
                continue
            copy = target.with_name(target.name + suffix)
            fd, name = tempfile.mkstemp(prefix=f".{project.stem}.", suffix=".tmp", dir=folder)
            os.close(fd)
            tmp = Path(name)
            try:
                shutil.copyfile(source, tmp)
                fsync(tmp)
                os.replace(tmp, copy)
            finally:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        fsync_folder(folder)
        rotate(project, now)
        return target


def _doomed(backups: list[Backup]) -> list[Backup]:
    """The backups rotation removes (see the module doc); ``backups`` newest first."""
    doomed: list[Backup] = []
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    others: dict[str, int] = {}
    for backup in backups:
        if backup.kind == CRASH:
            continue
        if backup.kind != DAILY:
            others[backup.kind] = others.get(backup.kind, 0) + 1
            if others[backup.kind] > (KEEP_MANUAL if backup.kind == MANUAL else KEEP_OTHERS):
                doomed.append(backup)
            continue
        day = backup.taken.date()
        if day in days:
            doomed.append(backup)
        elif len(days) < KEEP_DAYS:
            days.add(day)
        else:
            year, week, _ = backup.taken.isocalendar()
            if (year, week) in weeks or len(weeks) >= KEEP_WEEKS:
                doomed.append(backup)
            else:
                weeks.add((year, week))
    return doomed


def _crash_copies(project: Path) -> list[tuple[dt.datetime, Path]]:
    """The crash copies of ``project``, newest first: (time, path without -wal/-shm)."""
    project = real(project)
    folder = folder_for(project)
    found: dict[Path, dt.datetime] = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            base = entry.name
            for suffix in ("-wal", "-shm"):
                base = base.removesuffix(suffix)
            parsed = _parse(project, Path(base))
            if parsed is not None and parsed[1] == CRASH:
                found[folder / base] = parsed[0]
    return sorted(((taken, path) for path, taken in found.items()), reverse=True)


def rotate(project: Path, now: dt.datetime | None = None) -> list[Path]:
    """Remove the backups rotation no longer keeps, and temporary files older than a few
    hours that a killed backup left; returns what was removed. Failures are ignored: a
    backup that stays is no harm."""
    now = now or dt.datetime.now()
    project = real(project)
    doomed = [backup.path for backup in _doomed(list_backups(project))]
    for _taken, base in _crash_copies(project)[KEEP_OTHERS:]:
        doomed += [base.with_name(base.name + suffix) for suffix in ("", "-wal", "-shm")]
    removed: list[Path] = []
    with LOCK:
        for path in doomed:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
        for tmp in folder_for(project).glob(f".{glob_escape(project.stem)}.*.tmp"):
            with contextlib.suppress(OSError):
                age = now - dt.datetime.fromtimestamp(tmp.stat().st_mtime)
                if age > _TEMP_AGE:
                    tmp.unlink()
                    removed.append(tmp)
    return removed


def glob_escape(text: str) -> str:
    """``text`` with the characters ``glob`` treats specially taken literally."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def article_count(backup: Path) -> int | None:
    """The number of articles in a backup (None when it cannot be read). Opened read-only
    and immutable: nothing is written beside it, not even a -shm file."""
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:  # a view named documents (a recursive one never ends) is not counted
        kind = conn.execute("SELECT type FROM sqlite_master WHERE name = 'documents'").fetchone()
        if kind is None or kind[0] != "table":
            return None
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


# --- is the project open elsewhere? ----------------------------------------------------------

# SQLite's "dead man switch": every connection to a WAL database holds a shared lock on this
# byte of the -shm file while it is open (https://www.sqlite.org/walformat.html#the_wal_index_
# file_format, "locks"). A write lock on it is refused exactly when another process has the
# project open — which is also how SQLite itself decides whether a leftover log needs recovery.
_DMS_OFFSET = 128
_FLOCK_LAYOUT = {"linux": "hhqqi4x", "darwin": "qqihh"}


def held_elsewhere(project: Path) -> bool | None:
    """Whether another process has ``project`` open (None: this system cannot tell).

    Must not be asked about a project this process itself holds open: closing the descriptor
    opened here would drop the POSIX locks SQLite holds on the -shm file (see ``db.py``)."""
    project = real(project)
    shm = project.with_name(project.name + "-shm")
    layout = _FLOCK_LAYOUT.get(sys.platform)
    try:
        import fcntl
    except ImportError:
        return None
    if layout is None:
        return None
    try:
        fd = os.open(shm, os.O_RDONLY)
    except FileNotFoundError:
        return False  # every open connection keeps a -shm file
    except OSError:
        return None
    try:
        if layout == _FLOCK_LAYOUT["linux"]:
            request = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, _DMS_OFFSET, 1, 0)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
            lock_type = struct.unpack(layout, answer)[0]
        else:
            request = struct.pack(layout, _DMS_OFFSET, 1, 0, fcntl.F_WRLCK, os.SEEK_SET)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
            lock_type = struct.unpack(layout, answer)[3]
    except OSError:
        return None
    finally:
        os.close(fd)
    return bool(lock_type != fcntl.F_UNLCK)
