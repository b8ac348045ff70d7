"""A project as the rest of the program sees it: one object that owns the connection and the
per-table stores, built once in ``app.py`` (or the CLI) and passed in.

The stores are created on first use: opening the window needs documents, labels and
annotations, while entities, claims, decisions and search load their modules only when asked
(a tenth of start-up time otherwise)."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.store.annotations import AnnotationStore
from desktop.store.db import Database, read_damaged_text
from desktop.store.documents import DocumentStore
from desktop.store.labels import LabelStore

if TYPE_CHECKING:
    from desktop.store.claims import ClaimStore
    from desktop.store.decisions import DecisionStore
    from desktop.store.entities import EntityStore
    from desktop.store.search import SearchStore
    from desktop.store.tagger import TaggerStore


class Project:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.documents = DocumentStore(database)
        self.labels = LabelStore(database)
        self.annotations = AnnotationStore(database, self.labels)

    @cached_property
    def entities(self) -> EntityStore:
        from desktop.store.entities import EntityStore

        return EntityStore(self.database)

    @cached_property
    def claims(self) -> ClaimStore:
        from desktop.store.claims import ClaimStore

        return ClaimStore(self.database)

    @cached_property
    def decisions(self) -> DecisionStore:
        from desktop.store.decisions import DecisionStore

        return DecisionStore(self.database)

    @cached_property
    def search(self) -> SearchStore:
        from desktop.store.search import SearchStore

        return SearchStore(self.database)

    @cached_property
    def tagger(self) -> TaggerStore:
        from desktop.store.tagger import TaggerStore

        return TaggerStore(self.database)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Project:
        return cls(Database.open(path, create=create))

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def read_only(self) -> bool:
        """The file, its folder or its disk cannot be written: read, search and export only."""
        return self.database.read_only

    @property
    def notices(self) -> list[str]:
        """What the analyst must be told about opening the project although it opened (see
        ``Database.notices``)."""
        return self.database.notices

    def data_version(self) -> int:
        """A number that changes when another connection — a command, a worker, another
        program — commits to the file (SQLite's ``data_version``: this connection's own
        commits leave it), so the window can tell that the project changed under it."""
        return int(self.database.conn.execute("PRAGMA data_version").fetchone()[0])

    def read_damaged_text(self) -> None:
        """Read text that is not UTF-8 with U+FFFD for its bad bytes, on this project's
        connection and every one opened later (``db.read_damaged_text``: the window)."""
        read_damaged_text(self.database.conn)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
