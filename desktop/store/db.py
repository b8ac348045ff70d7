"""Opening, creating and migrating project files. The only module that knows SQLite pragmas.

Rules enforced here so no caller can forget them:
- a file that is not ours, or is from a newer Hamish, is refused before a single byte is written;
- a new project is built in a temporary file and renamed into place, so a crash or a full disk
  never leaves a half-created project;
- every user action runs in one transaction (``Project.transaction``), and SQLite errors come
  out as ``ProjectError`` with a sentence an analyst can read.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desktop import __version__
from desktop.core.errors import NewerProject, NotAProject, ProjectError, ReadOnlyProject
from desktop.store import shape
from desktop.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, split_sql

if TYPE_CHECKING:
    import datetime as dt

    import sqlite_utils

# store/backups.py and store/wal.py are loaded when a project needs them (a leftover log, an
# upgrade, a backup or restore), not with every start-up.

PROJECT_SUFFIX = ".hamish"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def damaged_file_error(error: BaseException) -> bool:
    """Whether ``error`` comes from a project file SQLite cannot read (damaged pages, text
    that is not UTF-8): not a bug, something to tell the user (``sqlite3`` stays in the
    store; the CLI asks here)."""
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.IntegrityError | sqlite3.ProgrammingError
    )


class _Clock(threading.local):
    """The time of the transaction a thread is in: every row one edit writes carries one
    time. An entity made by a tag was stamped a second before its tag when the clock
    ticked between the two rows, and deleting the mistaken tag then left the entity as if the
    analyst had made it first (``EntityStore.untouched_since`` compares the two)."""

    depth = 0
    now: str | None = None


_clock = _Clock()


def utcnow() -> str:
    """Timestamps are UTC ISO 8601 with seconds, the same in every table; inside a
    transaction, the same for all of it (the first time asked)."""
    if _clock.depth and _clock.now is not None:
        return _clock.now
    import datetime as dt  # loaded with the first write, not at start-up

    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    if _clock.depth:
        _clock.now = now
    return now


def describe_sqlite_error(error: sqlite3.Error) -> str:
    """Translate SQLite's terse errors into what the analyst should do about them."""
    message = str(error)
    lowered = message.lower()
    if "disk is full" in lowered or "disk i/o" in lowered:
        return (
            "The disk is full or failing; nothing from this action was saved. "
            "Free some space and try again."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return "The project file is read-only; nothing was saved. Check the file's permissions."
    if "locked" in lowered or "busy" in lowered:
        return "The project is busy in another program; nothing was saved. Try again in a moment."
    if "malformed" in lowered or "not a database" in lowered:
        return "The project file is damaged (SQLite says: database disk image is malformed)."
    return f"The project database reported an error: {message}"


def refuse_if_open_elsewhere(path: Path) -> None:
    """Raise :class:`ProjectError` when another process has the project at ``path`` open (a
    window, or a command running): the window calls it before opening a project. Two windows
    on one project each edited from what it had read: one deleted an article while the other
    tagged in it, and the tag was lost ("FOREIGN KEY constraint failed"). Asked the way
    ``restore`` asks (``backups.held_elsewhere``), never of a project this process has open."""
    target = path.expanduser()
    try:
        key = _file_key(target)
    except OSError:
        return  # no file yet (a new project), or none to read: opening it says why
    with _OPEN_LOCK:
        if _OPEN_HERE.get(key, 0) > 0:
            return
    if not _beside(target, "-shm").exists():
        # Every open connection keeps a -shm file: none, nobody has it open. (And the
        # backups module, its dataclasses and imports, stays out of the window's start-up.)
        return
    from desktop.store import backups

    if backups.held_elsewhere(target):
        raise ProjectError(
            f"{target} is open in another Hamish window or program; close it there first "
            "(edits made in both would undo each other)."
        )


def _replacing(data: bytes) -> str:
    return data.decode("utf-8", "replace")


# Whether text that is not UTF-8 is read with U+FFFD in place of its bad bytes (the window:
# read_damaged_text) rather than refused with an error (the headless commands, which say the
# file is damaged and name `hamish backups`).
_LENIENT: list[bool] = [False]


def read_damaged_text(conn: sqlite3.Connection | None = None) -> None:
    """From now on, every connection this process opens — and ``conn`` — reads text that is
    not UTF-8 with U+FFFD in place of its bad bytes. The window calls it: a title stored as
    invalid UTF-8 (a file damaged or made by hand) raised inside a Qt model's ``data()``,
    which crashed the window at its start (the library's first row) or printed an error at
    every repaint (an entity's name). Decoding in Python costs about a tenth more than
    SQLite's own on a read of nothing but text, and the window reads a page at a time."""
    _LENIENT[0] = True
    if conn is not None:
        conn.text_factory = _replacing


def _connect(path: Path, *, readonly: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """``immutable``: SQLite neither locks nor looks for a -wal file, and writes nothing beside
    the project — for a project nobody can be writing (see ``_connect_read_only``)."""
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    if immutable:
        uri += "&immutable=1"
    # isolation_level=None: no implicit transactions, so only Project.transaction() commits.
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    if _LENIENT[0]:
        conn.text_factory = _replacing
    conn.execute("PRAGMA busy_timeout = 5000")
    # A project may come from anyone: its schema (views, triggers) may not call functions
    # with side effects (SQLite's advice for files from elsewhere; store/shape.py drops what
    # Hamish does not make anyway).
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


# Project files this process holds open through a Database, by (device, inode), with a count.
# POSIX record locks belong to the process, not to a file descriptor: closing *any* descriptor
# of a file drops every lock the process holds on it, SQLite's included. Reading the header of
# a file that is already open here (a second connection for an import, an export, a preview)
# would silently unlock the first connection, and the next process to close the project would
# delete the -wal file under it — its edits would never reach the file. Such a file is probed
# through SQLite instead, which shares one set of locks among its connections.
_OPEN_HERE: dict[tuple[int, int], int] = {}
_OPEN_LOCK = threading.Lock()


def _file_key(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _probe(path: Path, *, open_here: bool = False, read_only: bool = False) -> int:
    """Return the schema version of an existing file, refusing anything that is not ours.

    Reads the SQLite header directly (application id at byte 68, user version at byte 60):
    opening a WAL database, even read-only, would leave -wal and -shm files beside a file we
    are about to refuse. Only when a -wal file already exists (the header may be stale after
    a crash) do we ask SQLite itself — unless the project is read-only and SQLite cannot read
    its log there (``_connect_read_only``), when the header is what there is.
    """
    version = app_id = 0
    header = b""
    if not open_here:  # see _OPEN_HERE: never a plain descriptor on a file open here
        try:
            with path.open("rb") as handle:
                header = handle.read(100)
        except OSError as error:
            raise ProjectError(f"Cannot read {path}: {error.strerror or error}.") from error
        if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
            raise NotAProject(f"{path} is not a Hamish project (it is not a SQLite database).")
        version = struct.unpack(">I", header[60:64])[0]
        app_id = struct.unpack(">I", header[68:72])[0]
    if open_here or _wal_path(path).exists():
        try:
            conn = _connect_read_only(path, []) if read_only else _connect(path, readonly=True)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as error:
            if not (read_only and header):
                raise NotAProject(
                    f"{path} cannot be opened as a Hamish project: {error}."
                ) from error
    if app_id != APPLICATION_ID:
        raise NotAProject(f"{path} is a SQLite database, but not a Hamish project.")
    if version > SCHEMA_VERSION:
        raise NewerProject(
            f"{path} was saved by a newer version of Hamish (project format {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Update Hamish to open it; the file was not "
            "changed."
        )
    return int(version)


def _beside(path: Path, suffix: str) -> Path:
    """The file SQLite keeps beside the project at ``path`` (``-wal``, ``-shm``): beside the
    file a symbolic link points to, not beside the link."""
    real = path.resolve()
    return real.with_name(real.name + suffix)


def _wal_path(path: Path) -> Path:
    return _beside(path, "-wal")


def is_read_only(path: Path) -> bool:
    """Whether ``path`` must be opened read-only: the file or its folder cannot be written
    (no -wal and -shm can be made beside it), or its file system is mounted read-only.

    Root may write anything, so permissions alone would never say so under root: a file or
    folder without a single write permission bit counts as read-only too — whoever made it
    so meant it to be. The folder is the real one (SQLite puts the -wal beside the file a
    symbolic link points to)."""
    try:
        if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
            return True
        folder = path.resolve().parent
        if not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK):
            return True
        statvfs = getattr(os, "statvfs", None)
        return statvfs is not None and bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False  # let opening it say what is wrong


def _connect_read_only(path: Path, notices: list[str]) -> sqlite3.Connection:
    """A read-only connection that writes nothing beside the project.

    Without a leftover log nobody is writing the project (nobody can), so it is opened
    ``immutable``: SQLite needs no -shm file then, which it could not create in a read-only
    folder (that was "attempt to write a readonly database" on every read) and would leave
    behind in a writable one. A leftover log is read through SQLite's read-only WAL support
    when its -shm file is there too; when it cannot be, the project is shown as its file
    holds it and ``notices`` says the last edits are missing."""
    wal = _wal_path(path)
    try:
        leftover = wal.stat().st_size > 0
    except OSError:
        leftover = False
    if leftover:
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect(path, readonly=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            if conn is not None:
                conn.close()
            notices.append(
                f"{path} was not closed properly and is read-only, so the edits in its "
                f"journal ({wal.name}) cannot be shown; open it where it can be written to "
                "see them."
            )
    return _connect(path, readonly=True, immutable=True)


def _leftover_log(path: Path, read_only: bool, notices: list[str]) -> tuple[bool, Path | None]:
    """Before SQLite recovers a log left over by a crash: check it (``store/wal.py``), copy it
    into the backups folder (with the project when it is damaged) and add what the analyst
    must be told to ``notices``; returns whether there was one, and the copy's path (without
    its -wal) when one was kept. A log another process has open is live, not left over: left
    alone."""
    wal = _wal_path(path)
    try:
        if wal.stat().st_size == 0:
            return False, None
    except OSError:
        return False, None
    from desktop.store import backups  # only now: most projects were closed properly
    from desktop.store.wal import check_wal_file

    if backups.held_elsewhere(path):
        return False, None
    page_size = 0  # from the project's header: counts the frames of a log whose own is damaged
    with contextlib.suppress(OSError), path.open("rb") as handle:
        head = handle.read(18)
        if len(head) == 18:
            raw = struct.unpack(">H", head[16:18])[0]
            page_size = 65536 if raw == 1 else raw
    try:
        check = check_wal_file(wal, page_size)
    except OSError as error:
        notices.append(f"Cannot read {wal}: {error.strerror or error}.")
        return True, None
    copy: Path | None = None
    failure = ""
    if not read_only:  # a read-only project takes no copies
        try:
            copy = backups.keep_crash_copy(path, with_project=check.damaged)
        except OSError as error:
            failure = str(error.strerror or error)
    if check.damaged:
        notices.append(
            f"The journal of {path} ({wal.name}) is damaged: {check.lost} frames of saved edits "
            "after the damage could not be recovered."
        )
        if copy is not None:
            log_copy = f"{copy.name}-wal"
            notices.append(
                f"Copies of the project and its journal as they were are kept in "
                f"{copy.parent}: {copy.name} and {log_copy}."
            )
    if failure:
        notices.append(f"No copy of the journal of {path} could be kept: {failure}.")
    return True, copy


FULL_CHECK_BYTES = 512 * 1024 * 1024
"""A project up to this size is checked whole (``integrity_check``, the indexes against their
tables: 7 s for a 400 MB file) before a log left beside it is taken in; a larger one by
``quick_check`` (the b-trees alone)."""


def _set_aside_a_foreign_log(path: Path, copy: Path, notices: list[str]) -> None:
    """Take a log left beside ``path`` out of the way when the project is damaged with it and
    intact without it. An attack restored an older copy of a project by hand with the newer
    one's log still beside it: SQLite took the log in silently and the project was damaged
    (a row missing from an index; imports and exports went on with it). Such a log belongs to
    another file; it is kept in the backups folder (``copy``, taken just before) and the
    project opens as it was saved."""
    try:
        quick = path.stat().st_size > FULL_CHECK_BYTES
        with_log = _connect(path, readonly=True)  # reads the log, never checkpoints it
    except (OSError, sqlite3.Error):
        return
    try:
        damage = shape.integrity_problem(with_log, quick=quick)
    finally:
        with_log.close()
    if damage is None:
        return
    try:
        alone = _connect(path, readonly=True, immutable=True)  # the file without its log
    except sqlite3.Error:
        return
    try:
        if shape.integrity_problem(alone, quick=quick) is not None:
            return  # damaged either way: the check after opening says so
    finally:
        alone.close()
    from desktop.store import backups

    if backups.held_elsewhere(path):  # opened meanwhile by another process: its log now
        return
    wal = _wal_path(path)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            _beside(path, suffix).unlink()
    notices.append(
        f"The journal left beside {path} ({wal.name}) does not fit it — with it SQLite's check "
        f"says: {damage}; without it the project is intact. It is probably the journal of "
        "another copy of the project, left when this one was put in its place. The project "
        f"opened as it was saved, without it; the journal is kept in {copy.parent} as "
        f"{copy.name}-wal."
    )


def _migrate(conn: sqlite3.Connection, current: int) -> None:
    """Apply the missing migrations in one transaction: all of them or none.

    Foreign keys are off while they run: a table rebuild drops the old table, and with them on
    that drop would cascade into every table referring to it. They are checked before the
    commit instead, and switched back on (if they were) afterwards."""
    if current >= SCHEMA_VERSION:
        return
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set it before
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current, SCHEMA_VERSION):
            migration = MIGRATIONS[version]
            if callable(migration):
                migration(conn)
                continue
            for statement in _split_sql(migration):
                conn.execute(statement)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise sqlite3.IntegrityError("the upgrade would break references between tables")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


_split_sql = split_sql  # the name the tests know


def _create(path: Path) -> None:
    """Build a fresh project next to ``path`` and rename it into place atomically."""
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise ProjectError(
            f"Cannot create the project {path}: {error.strerror or error}."
        ) from error
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = _connect(tmp)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _migrate(conn, 0)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('created_at', ?), ('created_by', ?)",
                (utcnow(), f"Hamish {__version__}"),
            )
            conn.execute("COMMIT")
        finally:
            conn.close()
        appeared = f"{path} appeared while it was being created; it was left alone."
        try:
            os.link(tmp, path)  # unlike a rename, never replaces a file that appeared meanwhile
        except FileExistsError:
            raise ProjectError(appeared) from None
        except OSError:  # a file system without hard links
            if path.exists():
                raise ProjectError(appeared) from None
            os.replace(tmp, path)
    except sqlite3.Error as error:
        raise ProjectError(describe_sqlite_error(error)) from error
    except OSError as error:
        raise ProjectError(
            f"Cannot create the project {path}: {error.strerror or error}."
        ) from error
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _release(key: tuple[int, int]) -> None:
    with _OPEN_LOCK:
        left = _OPEN_HERE.get(key, 0) - 1
        if left > 0:
            _OPEN_HERE[key] = left
        else:
            _OPEN_HERE.pop(key, None)


def refuse_read_only(path: Path) -> NoReturn:
    """The one refusal of an edit of a read-only project (see ``is_read_only``)."""
    raise ReadOnlyProject(
        f"{path} is open read-only (its file, folder or disk cannot be written); nothing was "
        "changed."
    )


class Database:
    """An open project file: a sqlite-utils database plus the transaction discipline.

    ``read_only``: the project's file, folder or disk cannot be written (``is_read_only``);
    it is read as it is and every transaction is refused with ``ReadOnlyProject``.
    ``notices``: what the analyst must be told about opening it although it opened (a damaged
    journal, a backup that could not be made), plain English like every store message."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        key: tuple[int, int] | None = None,
        *,
        read_only: bool = False,
        notices: list[str] | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.notices: list[str] = notices or []
        self._depth = 0
        self._savepoints = 0
        self._key = key  # in _OPEN_HERE while open
        self.bulk: BulkWrites | None = None  # while bulk_writes() lasts

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """Writes go through sqlite-utils; imported on first use because it costs ~50 ms at
        start-up (click, dateutil, pluggy) and opening a project only reads.

        It wraps the connection without changing it: by default sqlite-utils would switch
        ``recursive_triggers`` on (the connection would behave differently after its first
        write than before) and hand it to any sqlite-utils plugin installed beside Hamish."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, recursive_triggers=False, execute_plugins=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Database:
        """Open ``path``, creating it (empty) when missing and ``create`` is true.

        An existing file is never made into a project — not even an empty one (a zero-byte
        file may be anything an analyst meant to keep): it must already be one."""
        target = Path(path).expanduser()
        try:
            info: os.stat_result | None = target.stat()
        except FileNotFoundError:
            info = None
        except OSError as error:  # a folder on the way that cannot be entered, say
            raise ProjectError(f"Cannot read {target}: {error.strerror or error}.") from error
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise NotAProject(f"{target} is a folder, not a Hamish project.")
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise NotAProject(f"{target} is not a regular file, so not a Hamish project.")
        if info is not None and info.st_size == 0:
            raise NotAProject(
                f"{target} is empty (0 bytes), not a Hamish project; it was left as it is."
            )
        if info is None:
            if not create:
                raise ProjectError(f"There is no project at {target}.")
            _create(target)
        read_only = is_read_only(target)
        key = _file_key(target)
        with _OPEN_LOCK:
            open_here = _OPEN_HERE.get(key, 0) > 0
            _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1  # before probing: no race with a
        notices: list[str] = []
        crashed = False
        try:  # second thread opening the same file
            if not open_here:  # a log this process has open is live, not left over
                crashed, copy = _leftover_log(target, read_only, notices)
                if crashed and copy is not None:  # (a read-only project takes no copies)
                    _set_aside_a_foreign_log(target, copy, notices)
            version = _probe(target, open_here=open_here, read_only=read_only)
            try:
                conn = _connect_read_only(target, notices) if read_only else _connect(target)
            except sqlite3.Error as error:
                raise ProjectError(
                    f"Cannot open {target}: {describe_sqlite_error(error)}"
                ) from error
            try:
                conn.execute("PRAGMA foreign_keys = ON")
                if read_only:
                    if version < SCHEMA_VERSION:
                        raise ProjectError(
                            f"{target} was saved by an older version of Hamish and must be "
                            "upgraded, but it is read-only. Copy it to a folder you can write "
                            "to and open the copy."
                        )
                    conn.execute("PRAGMA query_only = ON")  # the store refuses writes too
                # Before anything writes: a trigger Hamish does not make would run (shape.py).
                notices += shape.enforce(conn, target, version, read_only=read_only)
                if crashed:  # a crash is when a file gets damaged; too slow for every open
                    damage = shape.integrity_problem(conn, quick=True)
                    if damage is not None:
                        notices.append(
                            f"{target} is damaged (SQLite's check says: {damage}). Restore "
                            "a backup (File → Backups, or hamish backups restore) before "
                            "editing it further."
                        )
                if not read_only:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = FULL")  # an edit that shows must survive
                    if 0 < version < SCHEMA_VERSION:  # 0: a new, empty file; nothing to keep
                        notices += _back_up_before_upgrade(conn, target)
                    _migrate(conn, version)
            except sqlite3.Error as error:
                conn.close()
                raise ProjectError(describe_sqlite_error(error)) from error
            except BaseException:
                conn.close()
                raise
        except BaseException:
            _release(key)
            raise
        return cls(target, conn, key, read_only=read_only, notices=notices)

    def check_writable(self) -> None:
        """Raise ``ReadOnlyProject`` when the project is open read-only (every transaction
        does; the window asks before it starts work that would end in one)."""
        if self.read_only:
            refuse_read_only(self.path)

    @contextlib.contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Database]:
        """One user action = one transaction. Nested calls join the outer transaction.

        ``durable=False`` (only :class:`BulkWrites` asks for it): the commit is not synced to
        the disk — a crash of the process loses nothing, a power cut may lose it until a
        later durable commit syncs the log (SQLite's ``synchronous = NORMAL``; never a
        damaged project). SQLite refuses to change that inside a transaction, hence here."""
        self.check_writable()
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        _clock.depth += 1
        try:
            if not durable:
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                # SQLite already rolled back on errors such as SQLITE_FULL.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise ProjectError(describe_sqlite_error(error)) from error
        finally:
            self._depth = 0
            _clock.depth -= 1
            if not _clock.depth:
                _clock.now = None
            if not durable and not self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # every later commit is synced again
                    self.conn.execute("PRAGMA synchronous = FULL")

    @contextlib.contextmanager
    def bulk_writes(self) -> Iterator[BulkWrites]:
        """Many transactions in a row (an import of a folder): see :class:`BulkWrites`. On
        the way out every commit made meanwhile is synced and the connection is as before."""
        self.check_writable()
        bulk = BulkWrites(self)
        self.bulk = bulk
        try:
            yield bulk
        finally:
            self.bulk = None
            bulk.close()

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the current transaction that may fail alone: on an exception its writes
        are rolled back (the exception goes on), the rest of the transaction stays."""
        if not self._depth:
            raise RuntimeError("savepoint() belongs inside transaction()")
        self._savepoints += 1
        name = f"part{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def check_intact(self) -> None:
        """Raise ``ProjectError`` when SQLite's ``quick_check`` finds the file damaged — before
        a batch of writes that would build on damaged pages. It reads the whole file (0.3 s for
        20,000 articles), so it is asked for by ``hamish import``, never on opening."""
        damage = shape.integrity_problem(self.conn, quick=True)
        if damage is not None:
            raise ProjectError(
                f"{self.path} is damaged (SQLite's check says: {damage}); nothing was changed. "
                "Restore a backup (File → Backups, or hamish backups restore)."
            )

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self, *, checkpoint: bool = True) -> None:
        """Checkpoint the WAL so the project is a single self-contained file when closed.
        ``checkpoint=False`` for a connection that only read (a backup): a truncating
        checkpoint would hold up the window's next edit for nothing."""
        if checkpoint and not self.read_only:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        if self._key is not None:
            _release(self._key)
            self._key = None


# --- many transactions in a row ------------------------------------------------------------

SYNC_FILES = 2_000
"""During :meth:`Database.bulk_writes`, a commit is synced when the articles committed since
the last synced one reach this many…"""
SYNC_SECONDS = 2.0
"""…or when this many seconds have passed since it, whichever comes first."""
WAL_FRAMES = 8_192
"""…and the log may hold this many pages (32 MB of 4 KB pages) before the writer waits for
the background checkpoint to catch up, so that the log can start again from its beginning."""
BEHIND_COMMITS = 4
"""…and the checkpoints may fall this many commits behind the writer before it waits (the
log's length is known from the last checkpoint: so it is never older than that)."""


class BulkWrites:
    """Many transactions of one writer in a row, without waiting for the disk at each.

    Why: with every commit synced (``synchronous = FULL``) and checkpointed by the committing
    connection (SQLite's automatic checkpoint every 1,000 pages of log), the writer of a
    100,000-file import spent more of the clock waiting for the disk than working: 1,732
    ``fdatasync`` calls (a sync per commit, three per checkpoint) and the copying of the log
    into the project, all on its own thread. Here:

    - a commit is synced only when due (:meth:`due`): when the articles committed since the
      last synced commit reach :data:`SYNC_FILES`, or :data:`SYNC_SECONDS` have passed since
      it, and once more at the end (:meth:`close`) — the others are written to the log
      without a sync (``synchronous = NORMAL``: a crash of the process loses nothing, a power
      cut loses at most the unsynced commits, and never damages the project: SQLite's
      write-ahead log guarantees that in this mode too);
    - the checkpoints run in a thread of their own, on a second connection
      (``wal_checkpoint(PASSIVE)``, which SQLite runs beside a writer in WAL mode without
      holding it up), after each commit; the writer's automatic checkpoint is off meanwhile;
    - the log stays bounded: when the last checkpoint found it longer than
      :data:`WAL_FRAMES`, the writer waits, before its next transaction, for a checkpoint of
      everything it committed — then the log starts again from its beginning; it also waits
      when the checkpoints fall more than :data:`BEHIND_COMMITS` commits behind, so the log
      holds at most :data:`WAL_FRAMES` pages and a few chunks. The waits are outside any
      transaction: an edit in the window never waits for them.

    A checkpoint that fails (a full disk) ends the thread; the writer then checkpoints
    itself again, as outside a batch."""

    def __init__(self, database: Database, clock: Callable[[], float] = time.monotonic) -> None:
        self._database = database
        self._clock = clock
        conn = database.conn
        self._autocheckpoint = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self._unsynced = 0  # articles committed since the last synced commit
        self._synced_at = clock()
        self._lock = threading.Condition()
        self._requested = 0  # commits made; the checkpoint after the n-th one covers it
        self._checkpointed = 0  # commits covered by a finished checkpoint
        self._frames = 0  # the log's length at the last checkpoint (pages)
        self._stopping = False
        self._failed = False
        self.checkpoints = 0  # run by the thread (for tests and measurements)
        self.waits = 0  # times the writer waited for one
        self.waited = 0.0  # seconds it waited
        self._thread: threading.Thread | None = None
        try:
            self._conn: sqlite3.Connection | None = _connect(database.path)
        except sqlite3.Error:  # no second connection: the writer checkpoints, as before
            self._conn = None
            return
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread = threading.Thread(target=self._run, name="hamish-checkpoints", daemon=True)
        self._thread.start()

    def due(self, count: int) -> bool:
        """Whether the transaction about to store ``count`` articles must be synced; waits
        first if the log has grown past :data:`WAL_FRAMES` or the checkpoints fell more than
        :data:`BEHIND_COMMITS` behind (see the class)."""
        if self._frames >= WAL_FRAMES or self._requested - self._checkpointed > BEHIND_COMMITS:
            with self._lock:
                self.waits += 1
                waiting = time.perf_counter()
                while not self._failed and not self._stopping:
                    if self._frames >= WAL_FRAMES:  # all it committed: the log starts again
                        if self._checkpointed >= self._requested:
                            self._frames = 0  # known again after the next checkpoint
                            break
                    elif self._requested - self._checkpointed <= BEHIND_COMMITS:
                        break  # the log's length known again, and not long
                    self._lock.wait()
                self.waited += time.perf_counter() - waiting
        if self._failed and self._conn is not None:
            self._fall_back()
        return (
            self._unsynced + count >= SYNC_FILES or self._clock() - self._synced_at >= SYNC_SECONDS
        )

    def committed(self, count: int, *, synced: bool) -> None:
        """A transaction of ``count`` articles was committed (``synced`` as :meth:`due`
        said): the checkpoint thread is told."""
        if synced:
            self._unsynced = 0
            self._synced_at = self._clock()
        else:
            self._unsynced += count
        with self._lock:
            self._requested += 1
            self._lock.notify_all()

    def _run(self) -> None:
        conn = self._conn
        assert conn is not None
        while True:
            with self._lock:
                while self._checkpointed == self._requested and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                target = self._requested
            try:
                _, frames, _ = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            except sqlite3.Error:
                frames = -1
            with self._lock:
                self.checkpoints += 1
                if frames < 0:  # an error: the writer takes the checkpoints back
                    self._failed = True
                else:
                    self._frames = frames
                self._checkpointed = target
                self._lock.notify_all()
                if self._failed:
                    return

    def _fall_back(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._database.conn.execute(f"PRAGMA wal_autocheckpoint = {self._autocheckpoint}")

    def close(self) -> None:
        """Stop the thread, give the writer its checkpoints back, and sync what was committed
        since the last synced commit — by one more synced commit, which syncs the whole log:
        it rewrites the project's ``user_version`` as it is (a checkpoint would not sync the
        log while a reader of the window holds part of it)."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join()
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
            self._fall_back()
        if self._unsynced:
            database = self._database
            # A failure (a full disk) keeps them as a crash of the process would.
            with contextlib.suppress(ProjectError), database.transaction():
                database.conn.execute(f"PRAGMA user_version = {database.schema_version()}")
            self._unsynced = 0


# --- backups (store/backups.py keeps the files; these need an open project) -----------------


def _back_up_before_upgrade(conn: sqlite3.Connection, path: Path) -> list[str]:
    """A backup of the project as the older version left it; a failure is a notice (the
    upgrade is one transaction anyway: it never leaves the project half upgraded)."""
    from desktop.store import backups

    try:
        backups.snapshot(conn, path, backups.UPGRADE)
    except ProjectError as error:
        return [str(error)]
    return []


def back_up_if_due(path: Path, now: dt.datetime | None = None) -> Path | None:
    """Take the daily backup of the project at ``path`` if its newest backup is more than a
    day old; returns the new backup, None when none was due or the project is read-only (a
    read-only project takes no backups). Runs on its own connection, so the window calls it
    from a background thread. Raises ``ProjectError`` when the backup cannot be made."""
    from desktop.store import backups

    if is_read_only(path) or not backups.due(path, now):
        return None
    return back_up(path, backups.DAILY, now)


def back_up(path: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """Take a backup of ``kind`` of the project at ``path`` now, on its own connection;
    returns it. Raises ``ProjectError`` (``ReadOnlyProject`` for a read-only project)."""
    from desktop.store import backups

    with backups.LOCK:  # a restore in this process waits for the backup, and the reverse
        database = Database.open(path, create=False)
        try:
            if database.read_only:
                refuse_read_only(database.path)
            return backups.snapshot(database.conn, database.path, kind, now)
        finally:
            database.close(checkpoint=False)


def restore_backup(path: Path, backup: Path) -> Path:
    """Replace the project at ``path`` with ``backup``; returns the backup of what it held just
    before (kind ``restore``), so a restore can itself be undone by restoring that one.

    Refused — the project left as it was — while the project is open (in this process or
    another: the window), read-only, or when ``backup`` is not a Hamish project this version
    reads. The backup is copied beside the project and renamed over it: a crash leaves either
    the old project or the restored one, never a mix."""
    import shutil

    from desktop.store import backups

    path = path.expanduser()
    backup = backup.expanduser()
    if not path.is_file():
        raise ProjectError(f"There is no project at {path}.")
    if not backup.is_file():
        raise ProjectError(f"There is no backup at {backup}.")
    # The file a symbolic link points to is the project: it is backed up, and replaced — not
    # the link, which stays a link (an attack restored "through" a link: the link became a
    # plain file and the project was left as it was).
    path = path.resolve()
    if backup.resolve() == path:
        raise ProjectError(f"{backup} is the project itself, not a backup of it.")
    with backups.LOCK:
        with _OPEN_LOCK:
            open_here = _OPEN_HERE.get(_file_key(path), 0) > 0
        if open_here or backups.held_elsewhere(path):
            raise ProjectError(
                f"{path} is open in a Hamish window or another program; close it there, "
                "then restore the backup."
            )
        if is_read_only(path):
            refuse_read_only(path)
        _probe(backup)
        shape.check_backup(backup)  # damaged, or not as Hamish makes it: refused here
        database = Database.open(path, create=False)  # its log is checked, copied if left over
        try:
            saved = backups.snapshot(database.conn, path, backups.RESTORE)
        finally:
            database.close()  # checkpointed: the project is one file again
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            shutil.copyfile(backup, tmp)
            conn = _connect(tmp)
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            finally:
                conn.close()
            shutil.copymode(path, tmp)  # the project keeps its permissions (mkstemp's are 0600)
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            with _OPEN_LOCK:
                open_here = _OPEN_HERE.get(_file_key(path), 0) > 0
            if open_here or backups.held_elsewhere(path):
                raise ProjectError(
                    f"{path} is open in a Hamish window or another program; close it there, "
                    "then restore the backup."
                )
            # A log or index left beside the old file must not be applied to the restored one.
            for suffix in ("-wal", "-shm"):
                _beside(path, suffix).unlink(missing_ok=True)
            os.replace(tmp, path)
        except sqlite3.Error as error:
            raise ProjectError(describe_sqlite_error(error)) from error
        except OSError as error:
            raise ProjectError(
                f"Cannot restore {path}: {error.strerror or error}. The project was left as it was."
            ) from error
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        return saved
