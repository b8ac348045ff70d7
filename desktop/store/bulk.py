"""Durability per batch instead of per row, for importing thousands of articles.

Why: a project runs with ``synchronous = FULL``, so every commit waits for the disk (an fsync,
about 5 ms here). An import stores each article in its own transaction — one bad file must
never cost the others, and a cancelled batch keeps what it imported — which makes 10,000
articles wait about 50 s for the disk alone.

:func:`batch_durability` keeps one transaction per article (atomic, consistent, isolated as
before) but, on the importing connection only, lets SQLite skip the fsync at each commit
(``synchronous = NORMAL``, which in WAL mode can never corrupt the file) and makes the whole
batch durable at its end with a checkpoint, which syncs the write-ahead log first. An
application crash loses nothing; only a power cut during the batch can lose its last
articles — and then the analyst has not yet been told they were imported.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from desktop.core.errors import ProjectError
from desktop.store.db import Database, describe_sqlite_error


@contextlib.contextmanager
def batch_durability(database: Database) -> Iterator[None]:
    """Within the block, commits of ``database``'s connection do not wait for the disk;
    leaving it (normally, by an error or by cancellation) makes them all durable."""
    conn = database.conn
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise ProjectError(describe_sqlite_error(error)) from error
    try:
        yield
    finally:
        try:
            # Syncs the log before copying; PASSIVE never waits for the window's readers.
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # the next commit or close checkpoints again
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA synchronous = FULL")
