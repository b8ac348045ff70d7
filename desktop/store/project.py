"""A project as the rest of the program sees it: one object that owns the connection and the
per-table stores, built once in ``app.py`` (or the CLI) and passed in."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.store.annotations import AnnotationStore
from desktop.store.claims import ClaimStore
from desktop.store.db import Database
from desktop.store.decisions import DecisionStore
from desktop.store.documents import DocumentStore
from desktop.store.entities import EntityStore
from desktop.store.labels import LabelStore
from desktop.store.search import SearchStore


class Project:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.documents = DocumentStore(database)
        self.labels = LabelStore(database)
        self.annotations = AnnotationStore(database, self.labels)
        self.entities = EntityStore(database)
        self.claims = ClaimStore(database)
        self.decisions = DecisionStore(database)
        self.search = SearchStore(database)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Project:
        return cls(Database.open(path, create=create))

    @property
    def path(self) -> Path:
        return self.database.path

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
