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
import struct
import tempfile
import threading
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.errors import NewerProject, NotAProject, ProjectError
from desktop.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

PROJECT_SUFFIX = ".hamish"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def utcnow() -> str:
    """Timestamps are UTC ISO 8601 with seconds, the same in every table."""
    import datetime as dt  # loaded with the first write, not at start-up

    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


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


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    # isolation_level=None: no implicit transactions, so only Project.transaction() commits.
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
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


def _probe(path: Path, *, open_here: bool = False) -> int:
    """Return the schema version of an existing file, refusing anything that is not ours.

    Reads the SQLite header directly (application id at byte 68, user version at byte 60):
    opening a WAL database, even read-only, would leave -wal and -shm files beside a file we
    are about to refuse. Only when a -wal file already exists (the header may be stale after
    a crash) do we ask SQLite itself.
    """
    version = app_id = 0
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
    if open_here or path.with_name(path.name + "-wal").exists():
        try:
            conn = _connect(path, readonly=True)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error as error:
            raise NotAProject(f"{path} cannot be opened as a Hamish project: {error}.") from error
    if app_id != APPLICATION_ID:
        raise NotAProject(f"{path} is a SQLite database, but not a Hamish project.")
    if version > SCHEMA_VERSION:
        raise NewerProject(
            f"{path} was saved by a newer version of Hamish (project format {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Update Hamish to open it; the file was not "
            "changed."
        )
    return int(version)


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


def _split_sql(script: str) -> list[str]:
    """executescript() would commit our transaction; run statements one by one instead."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


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
        if path.exists() and path.stat().st_size > 0:  # never overwrite a project
            raise ProjectError(f"{path} appeared while it was being created; it was left alone.")
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


class Database:
    """An open project file: a sqlite-utils database plus the transaction discipline."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, key: tuple[int, int] | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        self._depth = 0
        self._savepoints = 0
        self._key = key  # in _OPEN_HERE while open

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
        """Open ``path``, creating it (empty) when missing and ``create`` is true."""
        target = Path(path).expanduser()
        if target.is_dir():
            raise NotAProject(f"{target} is a folder, not a Hamish project.")
        # A zero-byte *.hamish file (e.g. made with `touch`) holds nothing to lose: initialise it.
        empty = target.exists() and target.suffix == PROJECT_SUFFIX and target.stat().st_size == 0
        if not target.exists() or empty:
            if not create and not empty:
                raise ProjectError(f"There is no project at {target}.")
            _create(target)
        key = _file_key(target)
        with _OPEN_LOCK:
            open_here = _OPEN_HERE.get(key, 0) > 0
            _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1  # before probing: no race with a
        try:  # second thread opening the same file
            version = _probe(target, open_here=open_here)
            try:
                conn = _connect(target)
            except sqlite3.Error as error:
                raise ProjectError(
                    f"Cannot open {target}: {describe_sqlite_error(error)}"
                ) from error
            try:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")  # an edit that shows must survive
                _migrate(conn, version)
            except sqlite3.Error as error:
                conn.close()
                raise ProjectError(describe_sqlite_error(error)) from error
        except BaseException:
            _release(key)
            raise
        return cls(target, conn, key)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One user action = one transaction. Nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
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

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Checkpoint the WAL so the project is a single self-contained file when closed."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        if self._key is not None:
            _release(self._key)
            self._key = None
