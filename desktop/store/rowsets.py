"""Rows captured before a delete, written back on undo: everything a cascade would take.

Why: deleting an annotation or an article cascades through foreign keys (a claim, its subjects
and links, notes, decisions). An undo that restores only the rows it knows by name silently
loses the rest, so the capture follows the same tables as the cascade and the write-back is
generic: columns come from ``PRAGMA table_info`` (a new column travels automatically) and
references from ``PRAGMA foreign_key_list``, so a row whose target has gone since (an entity
deleted in the meantime) is handled as SQLite would have handled it: ``SET NULL`` references
are cleared and ``CASCADE`` rows are dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.core.models import Annotation, Label

__all__ = [
    "EMPTY_ROWS",
    "AnnotationSnapshot",
    "LabelRemoval",
    "Query",
    "RowConflict",
    "RowSet",
    "capture",
    "clear_dangling",
    "reinsert",
]

Query = tuple[str, str, Sequence[Any]]
"""(table, WHERE clause, parameters): one step of a capture."""
Remap = dict[str, dict[int, int]]


class RowConflict(Exception):
    """A row of a table that must come back whole could not be written (a unique value is
    in use again); raised inside the caller's transaction, so nothing is half restored."""

    def __init__(self, table: str, values: dict[str, Any]) -> None:
        super().__init__(f"a row of {table} conflicts with one written since")
        self.table = table
        self.values = values


@dataclass(frozen=True, slots=True)
class TableRows:
    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class RowSet:
    """Rows of several tables, parents before children (the order they were captured in)."""

    tables: tuple[TableRows, ...] = ()

    def rows(self, table: str) -> list[dict[str, Any]]:
        return [
            dict(zip(part.columns, row, strict=True))
            for part in self.tables
            if part.table == table
            for row in part.rows
        ]

    def count(self, table: str) -> int:
        return sum(len(part.rows) for part in self.tables if part.table == table)


EMPTY_ROWS = RowSet()


def _no_dependents() -> RowSet:
    return EMPTY_ROWS


# The undo records of the annotation and label stores live here, with the rows they carry:
# a frozen dataclass is built by exec'd code (about 4 M instructions each), and this module
# loads with the first delete or undo, not before the window's first paint.
@dataclass(frozen=True, slots=True)
class AnnotationSnapshot:
    """An annotation with its claim row and what hangs off them (the claim's subjects and
    links, notes on the annotation): enough to put it back exactly as it was, since deleting
    the annotation, or moving it off a claim label, cascades through all of them."""

    annotation: Annotation
    claim: tuple[Any, ...] | None
    dependents: RowSet = field(default_factory=_no_dependents)


@dataclass(frozen=True, slots=True)
class LabelRemoval:
    """Everything needed to undo removing a label: the label, where its annotations went
    (another label, or deleted when ``moved_to`` is None) and their snapshots from before."""

    label: Label
    moved_to: int | None
    annotation_ids: tuple[int, ...]
    snapshots: tuple[Any, ...]  # AnnotationSnapshot


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{table}")'))


def capture(conn: sqlite3.Connection, queries: Sequence[Query]) -> RowSet:
    """Read the rows each query selects, before anything is deleted. A row selected by two
    queries is kept once."""
    parts: list[TableRows] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for table, where, params in queries:
        columns = _columns(conn, table)
        names = ", ".join(f'"{name}"' for name in columns)
        rows = []
        for row in conn.execute(f'SELECT {names} FROM "{table}" WHERE {where}', list(params)):
            key = (table, tuple(row))
            if key not in seen:
                seen.add(key)
                rows.append(tuple(row))
        parts.append(TableRows(table, columns, tuple(rows)))
    return RowSet(tuple(parts))


@dataclass(frozen=True, slots=True)
class _ForeignKey:
    column: str
    table: str
    target: str
    on_delete: str


def _foreign_keys(conn: sqlite3.Connection, table: str) -> list[_ForeignKey]:
    return [
        _ForeignKey(row[3], row[2], row[4] or "id", row[6].upper())
        for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')
    ]


def _exists(conn: sqlite3.Connection, table: str, column: str, value: Any) -> bool:
    sql = f'SELECT 1 FROM "{table}" WHERE "{column}" = ?'
    return conn.execute(sql, [value]).fetchone() is not None


def reinsert(
    conn: sqlite3.Connection,
    rowset: RowSet,
    *,
    taken: Literal["skip", "renumber"] = "renumber",
    whole: Sequence[str] = (),
) -> Remap:
    """Write the rows back inside the caller's transaction; returns the ids that changed
    (``{table: {old id: new id}}``).

    A row whose ``id`` is in use again is skipped (``taken="skip"``: the row is still there,
    as when an edit is undone) or inserted under a fresh id (``"renumber"``), its children
    following through the remap. Rows that would break a unique constraint otherwise (a link
    made again meanwhile) are skipped, except in the ``whole`` tables, where that raises
    :class:`RowConflict`.
    """
    remap: Remap = {}
    for part in rowset.tables:
        keys = _foreign_keys(conn, part.table)
        has_id = "id" in part.columns
        for row in part.rows:
            values = dict(zip(part.columns, row, strict=True))
            if not _resolve(conn, values, keys, remap):
                if part.table in whole:
                    raise RowConflict(part.table, values)
                continue
            old_id = values.get("id") if has_id else None
            if old_id is not None and _exists(conn, part.table, "id", old_id):
                if taken == "skip":
                    continue
                del values["id"]
            names = ", ".join(f'"{name}"' for name in values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(
                f'INSERT OR IGNORE INTO "{part.table}" ({names}) VALUES ({marks})',
                list(values.values()),
            )
            if not cursor.rowcount:
                if part.table in whole:
                    raise RowConflict(part.table, values)
                continue
            if old_id is not None and cursor.lastrowid != old_id:
                remap.setdefault(part.table, {})[old_id] = int(cursor.lastrowid or 0)
    return remap


def _resolve(
    conn: sqlite3.Connection, values: dict[str, Any], keys: list[_ForeignKey], remap: Remap
) -> bool:
    """Point references at renumbered parents; clear or drop references to rows that are
    gone, as the foreign key's ON DELETE says. False: the row must not be written."""
    for key in keys:
        value = values.get(key.column)
        if value is None:
            continue
        value = remap.get(key.table, {}).get(value, value)
        values[key.column] = value
        if _exists(conn, key.table, key.target, value):
            continue
        if key.on_delete == "SET NULL":
            values[key.column] = None
        else:  # CASCADE (or no action): the row could not exist without its parent
            return False
    return True


def clear_dangling(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (column → value) with references to rows that no longer exist cleared where
    the foreign key is ``ON DELETE SET NULL``, as :func:`reinsert` does. A missing parent the
    row cannot do without is left for the write to refuse."""
    _resolve(conn, values, _foreign_keys(conn, table), {})
    return values
