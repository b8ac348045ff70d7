"""Every table of a project out as plain rows, and back in: the SQL behind JSON export/import.

Why a table-by-table dump rather than objects: an export must carry *everything* the analyst
made (claims, links, aliases, free notes), and must keep doing so when later migrations add
columns. Columns are therefore read with ``PRAGMA table_info`` and written back by name, so a
new column travels automatically; :data:`TABLES` is the documented field list of format
version 1 (docs/json-format.md), which the importer validates against and a test compares with
the live schema so the two can never drift apart silently.

Loading has two modes, chosen inside the write transaction:

* ``restore`` — the target holds no documents, annotations, entities or notes (a new project):
  every row keeps its original id, so export → import → export is byte-identical apart from
  ``exported_at``. A whole-project file replaces the target's labels (the defaults a new project
  is born with); a file of selected documents only replaces the labels it carries.
* ``merge`` — anything else: documents whose text is already in the project are skipped (with
  everything attached to them), labels are matched by key and kind, entities by type and
  folded name (``entities.folded``, as the registry looks names up: the project's entity is
  reused, with the file's aliases it lacks added), all other rows are created new and every
  reference is renumbered consistently.

Either way the whole load is one transaction: a file that breaks a constraint half-way leaves
the project exactly as it was.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.core.errors import HamishError, ImportRejected, NotFound, ProjectError
from desktop.core.models import ENTITY_TYPES, ChangeSet
from desktop.core.text import content_hash
from desktop.store.db import Database, describe_sqlite_error
from desktop.store.entities import folded
from desktop.store.search import sync_index

FieldType = Literal["int", "str"]
Form = Literal[
    "",
    "title",
    "line",
    "name",
    "required name",
    "key",
    "given name",
    "required given name",
    "text",
    "context",
    "timestamp",
    "date",
    "partial date",
    "colour",
    "icon",
    "shortcut",
    "language",
    "sha256",
    "web address",
]
"""What a string field must look like beyond its type (docs/json-format.md states each rule;
``desktop/io/importers/json_import.py`` checks them). Every string, whatever its form, holds
no control character but tab and newline.

``title``: a ``line``, not empty. ``line``: one line without bidi embeddings, overrides or
isolates (what import strips from titles and metadata). ``name``: one line. ``required
name``: one line, not empty. ``given name`` (a label's name): one line without bidi
embeddings, overrides or isolates, at most ``core.values.NAME_LIMIT`` code points; ``required
given name`` (an entity's name or alias): the same, not empty. ``text``:
an article's text, not empty, ``\\n`` line endings.
``context``: at most ``CONTEXT`` code points. ``timestamp``: UTC ISO 8601 with seconds.
``date``: ``YYYY-MM-DD``. ``partial date``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
``colour``: ``#rrggbb``. ``icon``: a qtawesome name or empty. ``shortcut``: one digit or
empty. ``language``: two or three lower-case letters. ``sha256``: 64 lower-case hex digits."""
Scope = Literal["project", "documents"]
RowKey = int | tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """One column as the transfer format sees it.

    ``required``: a file must carry it (NOT NULL without a default in the schema).
    ``derived``: recomputed from other fields on import, so the file's value is informative.
    ``ref``: the table whose ``id`` this column points to; ids are renumbered through it.
    ``form`` and ``minimum``: what the value must look like (see :data:`Form`), the smallest
    integer allowed.
    """

    name: str
    type: FieldType
    required: bool = False
    nullable: bool = False
    choices: tuple[int | str, ...] = ()
    ref: str | None = None
    derived: bool = False
    form: Form = ""
    minimum: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the format: its fields in column order, its identity and unique keys."""

    name: str
    singular: str
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ("id",)
    unique: tuple[tuple[str, ...], ...] = ()

    @property
    def has_id(self) -> bool:
        return self.key == ("id",)

    @property
    def refs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.ref is not None)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def _id() -> Field:
    return Field("id", "int", required=True, minimum=1)


def _stamp(name: str) -> Field:
    return Field(name, "str", required=True, form="timestamp")


def _ref(name: str, table: str, *, required: bool = True) -> Field:
    return Field(name, "int", required=required, nullable=not required, ref=table)


# Format version 1. Order = insertion order on import (every reference points backwards) and
# the order of the keys in the file. Keep in step with docs/json-format.md.
TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "document",
        (
            _id(),
            Field("title", "str", required=True, form="title"),
            Field("text", "str", required=True, form="text"),
            Field("source", "str", form="line"),
            Field("url", "str", form="web address"),
            Field("author", "str", form="line"),
            Field("published", "str", nullable=True, form="date"),
            Field("language", "str", form="language"),
            Field("direction", "str", required=True, choices=("rtl", "ltr")),
            Field("content_hash", "str", derived=True, form="sha256"),
            Field("origin", "str"),
            Field("char_count", "int", derived=True, minimum=0),
            _stamp("imported_at"),
            _stamp("modified_at"),
            Field("import_notes", "str"),  # schema 6
        ),
    ),
    Table(
        "labels",
        "label",
        (
            _id(),
            Field("key", "str", required=True, form="key"),
            Field("name_en", "str", required=True, form="given name"),
            Field("name_ar", "str", required=True, form="given name"),
            Field("kind", "str", required=True, choices=("entity", "claim", "note", "span")),
            Field("color", "str", required=True, form="colour"),
            Field("icon", "str", form="icon"),
            Field("shortcut", "str", form="shortcut"),
            Field("position", "int"),
        ),
        unique=(("key",),),
    ),
    Table(
        "entities",
        "entity",
        (
            _id(),
            Field("name", "str", required=True, form="required given name"),
            Field("type", "str", required=True, choices=ENTITY_TYPES),
            Field("description", "str", form="name"),
            Field("notes", "str"),
            _stamp("created_at"),
            _stamp("modified_at"),
            Field("name_norm", "str", derived=True),
        ),
    ),
    Table(
        "entity_aliases",
        "entity alias",
        (
            _id(),
            _ref("entity_id", "entities"),
            Field("alias", "str", required=True, form="required given name"),
            Field("alias_norm", "str", derived=True),
        ),
        unique=(("entity_id", "alias"),),
    ),
    Table(
        "annotations",
        "annotation",
        (
            _id(),
            _ref("document_id", "documents"),
            Field("start", "int", required=True, minimum=0),
            Field("end", "int", required=True, minimum=1),
            Field("quote", "str", required=True),
            Field("prefix", "str", form="context"),
            Field("suffix", "str", form="context"),
            _ref("label_id", "labels"),
            _ref("entity_id", "entities", required=False),
            Field("note", "str"),
            Field("author", "str", form="name"),
            Field("anchor", "str", choices=("exact", "moved", "orphaned")),
            _stamp("created_at"),
            _stamp("modified_at"),
        ),
    ),
    Table(
        "claims",
        "claim",
        (
            _id(),
            _ref("annotation_id", "annotations"),
            _ref("claimant_id", "entities", required=False),
            Field("summary", "str"),
            Field("stance", "str", choices=("asserts", "denies")),
            Field("status", "str", choices=("unverified", "corroborated", "contested", "refuted")),
            Field("reliability", "str", nullable=True, choices=("A", "B", "C", "D", "E", "F")),
            Field("credibility", "int", nullable=True, choices=(1, 2, 3, 4, 5, 6)),
            Field("claimed_on", "str", nullable=True, form="partial date"),
            _stamp("created_at"),
            _stamp("modified_at"),
        ),
        unique=(("annotation_id",),),
    ),
    Table(
        "claim_subjects",
        "claim subject",
        (_ref("claim_id", "claims"), _ref("entity_id", "entities")),
        key=("claim_id", "entity_id"),
    ),
    Table(
        "claim_links",
        "claim link",
        (
            _id(),
            _ref("from_claim", "claims"),
            _ref("to_claim", "claims"),
            Field("kind", "str", required=True, choices=("supports", "contradicts", "repeats")),
        ),
        unique=(("from_claim", "to_claim", "kind"),),
    ),
    Table(
        "notes",
        "note",
        (
            _id(),
            _ref("document_id", "documents", required=False),
            _ref("annotation_id", "annotations", required=False),
            Field("body", "str", required=True),
            Field("author", "str", form="name"),
            _stamp("created_at"),
            _stamp("modified_at"),
        ),
    ),
    # Schema 3. Added after the others so files written before keep their key order.
    Table(
        "decisions",
        "decision",
        (
            _id(),
            _ref("document_id", "documents"),
            Field("kind", "str", required=True, choices=("suggestion", "mention")),
            Field("start", "int", required=True, minimum=0),
            Field("end", "int", required=True, minimum=1),
            Field("text", "str", required=True),
            Field("decision", "str", required=True, choices=("accepted", "rejected")),
            _stamp("decided_at"),
        ),
        unique=(("document_id", "kind", "start", "end", "text"),),
    ),
)
TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
HEADER_KEYS = ("format", "version", "exported_at", "app_version", "schema_version", "scope")
"""Top-level keys of an export that are not tables; any other key is a table this version
does not know, and is reported as ignored."""


@dataclass(slots=True)
class LoadReport:
    """What a load did, so the caller can say it and refresh views: nothing is left out
    silently. ``ids`` maps every id in the file to the id it has in the project."""

    mode: Literal["restore", "merge"]
    inserted: dict[str, int] = field(default_factory=lambda: {t.name: 0 for t in TABLES})
    skipped: dict[str, int] = field(default_factory=lambda: {t.name: 0 for t in TABLES})
    skipped_documents: list[tuple[int, int]] = field(default_factory=list)  # (file id, project id)
    labels_matched: int = 0
    entities_matched: int = 0  # merge: the project's own entity (same type and folded name) reused
    renamed_labels: list[tuple[str, str]] = field(default_factory=list)  # (key in file, new key)
    ignored_fields: list[str] = field(default_factory=list)
    ids: dict[str, dict[int, int]] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.inserted["documents"]

    @property
    def annotations(self) -> int:
        return self.inserted["annotations"]

    @property
    def labels(self) -> int:
        """Labels created (merge) or written (restore); matched ones are not counted."""
        return self.inserted["labels"]

    @property
    def entities(self) -> int:
        return self.inserted["entities"]

    @property
    def claims(self) -> int:
        return self.inserted["claims"]

    @property
    def notes(self) -> int:
        return self.inserted["notes"]

    def changes(self) -> ChangeSet:
        return ChangeSet(
            documents_added=tuple(self.ids.get("documents", {}).values()),
            annotations_added=tuple(self.ids.get("annotations", {}).values()),
        )


# --- helpers ---------------------------------------------------------------------------------
def _q(identifier: str) -> str:
    """Quote an identifier: ``end`` is an SQL keyword, and future columns may be too."""
    return '"' + identifier.replace('"', '""') + '"'


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({_q(table)})")]


def _primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    rows = [row for row in conn.execute(f"PRAGMA table_info({_q(table)})") if row[5]]
    return [str(row[1]) for row in sorted(rows, key=lambda row: row[5])]


def _id_list(ids: Sequence[int] | set[int]) -> str:
    """Ids as one JSON parameter for ``json_each``: no limit on the number of SQL variables."""
    return json.dumps(sorted(ids))


_IN = "IN (SELECT value FROM json_each(?))"


def _select(
    conn: sqlite3.Connection, table: str, where: str = "", params: Sequence[object] = ()
) -> list[dict[str, Any]]:
    columns = _columns(conn, table)
    order = ", ".join(_q(c) for c in _primary_key(conn, table)) or "rowid"
    sql = f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(table)} {where} ORDER BY {order}"
    rows = []
    for values in conn.execute(sql, list(params)):
        row = dict(zip(columns, values, strict=True))
        for name, value in row.items():
            if isinstance(value, bytes):
                raise HamishError(
                    f"{table}.{name} holds binary data, which an export cannot carry; "
                    "nothing was exported."
                )
        rows.append(row)
    return rows


def _row_key(table: Table, record: Mapping[str, Any]) -> RowKey:
    if table.has_id:
        return int(record["id"])
    return tuple(record.get(name) for name in table.key)


def _describe(table: Table, record: Mapping[str, Any]) -> str:
    if table.has_id:
        return f"{table.singular} {record.get('id')}"
    keys = ", ".join(f"{name} {record.get(name)}" for name in table.key)
    return f"{table.singular} ({keys})"


@contextlib.contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """A read transaction: every table is read from the same moment, even while the GUI
    writes to the project, without taking the write lock an IMMEDIATE transaction would."""
    own = not conn.in_transaction
    try:
        if own:
            conn.execute("BEGIN")
        try:
            yield
        finally:
            if own and conn.in_transaction:
                conn.execute("COMMIT")
    except sqlite3.Error as error:
        raise ProjectError(describe_sqlite_error(error)) from error


# --- dump ------------------------------------------------------------------------------------
def dump(database: Database, document_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """Every row of every transferred table, as ``{table: [row dict, ...]}`` in id order,
    plus ``schema_version`` and ``scope``.

    With ``document_ids``, only those documents and what hangs off them: their annotations,
    the claims of those annotations (with subjects, and links whose both ends are included),
    their notes, and the labels, entities and aliases all of these refer to. Unknown ids raise
    ``NotFound`` before anything is read, so a typo never produces a partial export.
    """
    conn = database.conn
    with _snapshot(conn):
        if document_ids is None:
            tables = {table.name: _select(conn, table.name) for table in TABLES}
            scope: Scope = "project"
        else:
            tables = _select_documents(conn, list(document_ids))
            scope = "documents"
        version = database.schema_version()
    return {"schema_version": version, "scope": scope, **tables}


def _select_documents(conn: sqlite3.Connection, wanted: list[int]) -> dict[str, list[Any]]:
    found = {
        int(row[0])
        for row in conn.execute(f"SELECT id FROM documents WHERE id {_IN}", [_id_list(wanted)])
    }
    missing = sorted(set(wanted) - found)
    if missing:
        listed = ", ".join(str(i) for i in missing)
        noun = "document" if len(missing) == 1 else "documents"
        raise NotFound(f"There is no {noun} {listed} in this project; nothing was exported.")
    out: dict[str, list[Any]] = {}
    out["documents"] = _select(conn, "documents", f"WHERE id {_IN}", [_id_list(found)])
    annotations = _select(conn, "annotations", f"WHERE document_id {_IN}", [_id_list(found)])
    annotation_ids = {row["id"] for row in annotations}
    claims = _select(conn, "claims", f"WHERE annotation_id {_IN}", [_id_list(annotation_ids)])
    claim_ids = _id_list({row["id"] for row in claims})
    subjects = _select(conn, "claim_subjects", f"WHERE claim_id {_IN}", [claim_ids])
    links = _select(
        conn, "claim_links", f"WHERE from_claim {_IN} AND to_claim {_IN}", [claim_ids, claim_ids]
    )
    notes = _select(
        conn,
        "notes",
        f"WHERE document_id {_IN} OR annotation_id {_IN}",
        [_id_list(found), _id_list(annotation_ids)],
    )
    label_ids = {row["label_id"] for row in annotations}
    entity_ids = (
        {row["entity_id"] for row in annotations}
        | {row["claimant_id"] for row in claims}
        | {row["entity_id"] for row in subjects}
    ) - {None}
    out["labels"] = _select(conn, "labels", f"WHERE id {_IN}", [_id_list(label_ids)])
    out["entities"] = _select(conn, "entities", f"WHERE id {_IN}", [_id_list(entity_ids)])
    out["entity_aliases"] = _select(
        conn, "entity_aliases", f"WHERE entity_id {_IN}", [_id_list(entity_ids)]
    )
    out["annotations"] = annotations
    out["claims"] = claims
    out["claim_subjects"] = subjects
    out["claim_links"] = links
    out["notes"] = notes
    out["decisions"] = _select(conn, "decisions", f"WHERE document_id {_IN}", [_id_list(found)])
    return {table.name: out[table.name] for table in TABLES}


# --- load ------------------------------------------------------------------------------------
def _is_empty(conn: sqlite3.Connection) -> bool:
    """Nothing an analyst made is in the project (labels aside), so ids cannot collide.
    Claims, links and aliases cannot exist without annotations and entities."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM annotations) "
        "OR EXISTS (SELECT 1 FROM entities) OR EXISTS (SELECT 1 FROM notes)"
    ).fetchone()
    return not row[0]


def _rows(data: Mapping[str, Any], table: str) -> list[Mapping[str, Any]]:
    rows = data.get(table) or []
    if not isinstance(rows, list):
        raise ImportRejected(f'"{table}" must be a list; nothing was imported.')
    return rows


@dataclass(slots=True)
class _Plan:
    """Decided before the first write: which rows are left out, and why."""

    hashes: dict[int, str] = field(default_factory=dict)  # document file id -> content hash
    duplicate_of: dict[int, tuple[str, int]] = field(default_factory=dict)
    skipped: dict[str, set[RowKey]] = field(default_factory=lambda: {t.name: set() for t in TABLES})


def _plan(conn: sqlite3.Connection, data: Mapping[str, Any]) -> _Plan:
    plan = _Plan()
    seen: dict[str, int] = {}
    for record in _rows(data, "documents"):
        file_id = int(record["id"])
        digest = content_hash(str(record["text"]))
        plan.hashes[file_id] = digest
        row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", [digest]).fetchone()
        if row is not None:
            plan.duplicate_of[file_id] = ("project", int(row[0]))
        elif digest in seen:
            plan.duplicate_of[file_id] = ("file", seen[digest])
        else:
            seen[digest] = file_id
            continue
        plan.skipped["documents"].add(file_id)
    if plan.skipped["documents"]:
        _cascade(data, plan.skipped)
        _drop_entities_only_used_by_skipped_rows(data, plan.skipped)
        _cascade(data, plan.skipped)
    return plan


def _cascade(data: Mapping[str, Any], skipped: dict[str, set[RowKey]]) -> None:
    """A row that points at a skipped row is skipped too (annotations of a duplicate document,
    their claims, notes, links...), never re-pointed at something else or set to NULL."""
    for table in TABLES:
        for record in _rows(data, table.name):
            for ref in table.refs:
                value = record.get(ref.name)
                if value is not None and ref.ref is not None and value in skipped[ref.ref]:
                    skipped[table.name].add(_row_key(table, record))
                    break


def _drop_entities_only_used_by_skipped_rows(
    data: Mapping[str, Any], skipped: dict[str, set[RowKey]]
) -> None:
    """Importing the same file twice must not duplicate the people of its (skipped) documents.
    Entities nothing refers to are the analyst's registry entries and are kept."""
    used: set[int] = set()
    used_by_skipped: set[int] = set()
    for table in TABLES:
        if table.name == "entity_aliases":  # an alias belongs to its entity, it does not use it
            continue
        for record in _rows(data, table.name):
            gone = _row_key(table, record) in skipped[table.name]
            for ref in table.refs:
                value = record.get(ref.name)
                if ref.ref == "entities" and value is not None:
                    (used_by_skipped if gone else used).add(int(value))
    skipped["entities"].update(used_by_skipped - used)


def _insert(
    conn: sqlite3.Connection, table: Table, values: dict[str, Any], record: Mapping[str, Any]
) -> int:
    names = list(values)
    sql = (
        f"INSERT INTO {_q(table.name)} ({', '.join(_q(n) for n in names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )
    try:
        cursor = conn.execute(sql, [values[n] for n in names])
    except sqlite3.IntegrityError as error:
        raise ImportRejected(
            f"{_describe(table, record)} breaks a rule of the project ({error}); "
            "nothing was imported."
        ) from error
    return int(cursor.lastrowid or 0)


def _prepare_labels(conn: sqlite3.Connection, data: Mapping[str, Any], replace_all: bool) -> None:
    """Restore mode: make room for the file's labels with their ids and keys. A whole-project
    file replaces every label (the result must be exactly the exported project); a file of
    selected documents only carries the labels it uses, so the others are kept."""
    if replace_all:
        conn.execute("DELETE FROM labels")
        return
    labels = _rows(data, "labels")
    conn.execute(
        f"DELETE FROM labels WHERE id {_IN} OR key IN (SELECT value FROM json_each(?))",
        [_id_list({int(r["id"]) for r in labels}), json.dumps([r["key"] for r in labels])],
    )


def _place_label(
    conn: sqlite3.Connection, values: dict[str, Any], report: LoadReport, *, renumber: bool
) -> int | None:
    """Fit a file label into a project that already has labels. Returns the id of the
    project's label to use instead (nothing to write), or adjusts ``values`` for a new one.

    Matching is by key *and* kind: a claim label creates claims, so annotations must not
    silently change kind. When the key is taken by a label of another kind the file's label
    gets a suffix (``rumour-2``), and the same walk finds that label again when the file is
    imported a second time. A shortcut already in use is left empty rather than taken from
    the analyst's label, and new labels go after the existing ones.
    """
    if renumber:
        key, n = str(values["key"]), 1
        candidate = key
        while row := conn.execute(
            "SELECT id, kind FROM labels WHERE key = ?", [candidate]
        ).fetchone():
            if row[1] == values["kind"]:
                report.labels_matched += 1
                return int(row[0])
            n += 1
            candidate = f"{key}-{n}"
        if candidate != key:
            values["key"] = candidate
            report.renamed_labels.append((key, candidate))
        values["position"] = int(
            conn.execute("SELECT coalesce(max(position), 0) + 1 FROM labels").fetchone()[0]
        )
    shortcut = values.get("shortcut")
    if shortcut and conn.execute("SELECT 1 FROM labels WHERE shortcut = ?", [shortcut]).fetchone():
        values["shortcut"] = ""
    return None


def _derive(table: str, values: dict[str, Any], record: Mapping[str, Any], plan: _Plan) -> None:
    """Recompute the fields that are functions of others (``derived`` in TABLES), with this
    version's rules: look-ups and duplicate detection then agree with the rest of the
    project, and files written by other tools need not reproduce Arabic folding."""
    if table == "documents":
        values["content_hash"] = plan.hashes[int(record["id"])]
        values["char_count"] = len(record["text"])
    elif table == "entities":
        values["name_norm"] = folded(str(record["name"]))
    elif table == "entity_aliases":
        values["alias_norm"] = folded(str(record["alias"]))


_MATCHED = ("entities", "entity_aliases", "claim_subjects")


def _match(
    conn: sqlite3.Connection,
    table: str,
    values: Mapping[str, Any],
    entities_before: int,
    placed: set[tuple[Any, ...]],
) -> int | None:
    """Merge: the row of the project that ``values`` (already renumbered) is, or None to
    insert it. An entity is the project's entity of the same type and folded name (the
    oldest, of namesakes): importing the same file twice added its registry entries — the
    entities no tag refers to — a second time. An alias the entity already has (folded) and
    a claim's subject named twice (two entities of the file that are one of the project's)
    are not written again; returns 0 for those, which have no id of their own."""
    if table == "entities":
        row = conn.execute(
            # Along the name's index (``+type``: not the type's, which would walk every
            # person of the registry for each person of the file).
            "SELECT id FROM entities WHERE name_norm = ? AND +type = ? AND id <= ? "
            "ORDER BY id LIMIT 1",
            [values["name_norm"], values["type"], entities_before],
        ).fetchone()
        return None if row is None else int(row[0])
    if table == "entity_aliases":
        if values["entity_id"] > entities_before:  # an entity this load made: as the file says
            return None
        known = conn.execute(
            "SELECT 1 FROM entity_aliases WHERE entity_id = ? AND (alias = ? OR alias_norm = ?)",
            [values["entity_id"], values["alias"], values["alias_norm"]],
        ).fetchone()
        return None if known is None else 0
    key = (values["claim_id"], values["entity_id"])
    if key in placed:
        return 0
    placed.add(key)
    return None


def load(database: Database, data: Mapping[str, Any]) -> LoadReport:
    """Write an export (as produced by :func:`dump`, validated by the importer) into the
    project in ONE transaction: all of it, or — on any error — nothing.

    See the module docstring for the restore/merge rule. Fields the project has no column
    for (a file from a newer Hamish) are ignored and listed in ``ignored_fields``.
    """
    conn = database.conn
    with database.transaction():
        restore = _is_empty(conn)
        report = LoadReport(mode="restore" if restore else "merge")
        plan = _plan(conn, data)
        replace_all_labels = restore and data.get("scope") == "project"
        # Only the project's entities from before this load are matched: two namesakes the
        # file itself holds stay two.
        entities_before = int(
            conn.execute("SELECT coalesce(max(id), 0) FROM entities").fetchone()[0]
        )
        placed: set[tuple[Any, ...]] = set()
        if restore:
            _prepare_labels(conn, data, replace_all_labels)
        ignored: dict[str, None] = {}
        for table in TABLES:
            columns = set(_columns(conn, table.name))
            ids: dict[int, int] = {}
            report.ids[table.name] = ids
            for record in _rows(data, table.name):
                key = _row_key(table, record)
                if key in plan.skipped[table.name]:
                    report.skipped[table.name] += 1
                    continue
                values: dict[str, Any] = {}
                for name, value in record.items():
                    if name in columns:
                        values[name] = value
                    else:
                        ignored[f"{table.name}.{name}"] = None
                for ref in table.refs:
                    value = record.get(ref.name)
                    if value is None or ref.ref is None:
                        continue
                    try:
                        values[ref.name] = report.ids[ref.ref][value]
                    except KeyError:
                        raise ImportRejected(
                            f"{_describe(table, record)} refers to "
                            f"{TABLES_BY_NAME[ref.ref].singular} {value}, which is not in the "
                            "file; nothing was imported."
                        ) from None
                _derive(table.name, values, record, plan)
                if not restore and table.name in _MATCHED:
                    existing = _match(conn, table.name, values, entities_before, placed)
                    if existing is not None:
                        if table.has_id:
                            ids[int(record["id"])] = existing
                        if table.name == "entities":
                            report.entities_matched += 1
                        continue
                if table.name == "labels" and not replace_all_labels:
                    existing = _place_label(conn, values, report, renumber=not restore)
                    if existing is not None:
                        ids[int(record["id"])] = existing
                        continue
                if not restore:
                    values.pop("id", None)
                new_id = _insert(conn, table, values, record)
                if table.has_id:
                    ids[int(record["id"])] = new_id
                report.inserted[table.name] += 1
        for file_id, (where, other) in plan.duplicate_of.items():
            project_id = other if where == "project" else report.ids["documents"][other]
            report.skipped_documents.append((file_id, project_id))
        report.ignored_fields = list(ignored)
        for name in data:
            if name not in TABLES_BY_NAME and name not in HEADER_KEYS:
                report.ignored_fields.append(name)
        sync_index(conn)  # imported articles are searchable as soon as the import lands
    return report
