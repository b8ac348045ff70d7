"""Tables and ordered migrations. ``PRAGMA user_version`` is the number of migrations applied.

Append new migrations at the end; never edit one that has shipped, because projects in the field
already ran it. Every table is STRICT so a wrong type is an error, not silently stored.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache

APPLICATION_ID = 0x48414D53  # "HAMS": lets us tell our files from any other SQLite database

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    published    TEXT,
    language     TEXT NOT NULL DEFAULT 'und',
    direction    TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
    content_hash TEXT NOT NULL UNIQUE,
    origin       TEXT NOT NULL DEFAULT '',
    char_count   INTEGER NOT NULL CHECK (char_count >= 0),
    imported_at  TEXT NOT NULL,
    modified_at  TEXT NOT NULL
) STRICT;

CREATE TABLE labels (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    name_en   TEXT NOT NULL,
    name_ar   TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('entity', 'claim', 'note', 'span')),
    color     TEXT NOT NULL,
    icon      TEXT NOT NULL DEFAULT '',
    shortcut  TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;

CREATE TABLE entity_aliases (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    alias_norm TEXT NOT NULL,
    UNIQUE (entity_id, alias)
) STRICT;
CREATE INDEX entity_aliases_norm ON entity_aliases(alias_norm);

CREATE TABLE annotations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    label_id    INTEGER NOT NULL REFERENCES labels(id),
    entity_id   INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    note        TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    anchor      TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'moved', 'orphaned')),
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    CHECK ("end" > start)
) STRICT;
CREATE INDEX annotations_document ON annotations(document_id, start);
CREATE INDEX annotations_entity ON annotations(entity_id);
CREATE INDEX annotations_label ON annotations(label_id);

CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL UNIQUE REFERENCES annotations(id) ON DELETE CASCADE,
    claimant_id   INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    summary       TEXT NOT NULL DEFAULT '',
    stance        TEXT NOT NULL DEFAULT 'asserts' CHECK (stance IN ('asserts', 'denies')),
    status        TEXT NOT NULL DEFAULT 'unverified'
                  CHECK (status IN ('unverified', 'corroborated', 'contested', 'refuted')),
    reliability   TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    credibility   INTEGER CHECK (credibility BETWEEN 1 AND 6),
    claimed_on    TEXT,
    created_at    TEXT NOT NULL,
    modified_at   TEXT NOT NULL
) STRICT;
CREATE INDEX claims_claimant ON claims(claimant_id);

CREATE TABLE claim_subjects (
    claim_id  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, entity_id)
) STRICT;

CREATE TABLE claim_links (
    id         INTEGER PRIMARY KEY,
    from_claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    to_claim   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'repeats')),
    UNIQUE (from_claim, to_claim, kind),
    CHECK (from_claim != to_claim)
) STRICT;

CREATE TABLE notes (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    annotation_id INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
    body          TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    modified_at   TEXT NOT NULL
) STRICT;
CREATE INDEX notes_document ON notes(document_id);
"""

# Default labels for analysts: each with an Arabic and an English name, a colour, a
# qtawesome icon and a digit shortcut. Inserted once, by migration, so a user who deletes one
# does not see it come back.
_V2 = """
INSERT INTO labels (key, name_en, name_ar, kind, color, icon, shortcut, position)
VALUES
    ('person', 'Person', 'شخص', 'entity', '#f4a261', 'mdi6.account', '1', 1),
    ('organisation', 'Organisation', 'منظمة', 'entity', '#74b9e0', 'mdi6.domain', '2', 2),
    ('location', 'Location', 'مكان', 'entity', '#8cc084', 'mdi6.map-marker', '3', 3),
    ('datetime', 'Date/time', 'تاريخ ووقت', 'span',   '#c3a6d8', 'mdi6.calendar-clock', '4', 4),
    ('event', 'Event', 'حدث', 'entity', '#f2c94c', 'mdi6.calendar-star', '5', 5),
    ('claim', 'Claim', 'ادعاء', 'claim',  '#d1495b', 'mdi6.comment-quote-outline', '6', 6),
    ('note', 'Note', 'ملاحظة', 'note',   '#2a9d8f', 'mdi6.note-text-outline', '7', 7);
"""

# Entities: a stable folded name for look-ups, and the analyst's decisions on suggestions and
# on offered mentions, so a rejected candidate never comes back.
_V3 = """
ALTER TABLE entities ADD COLUMN name_norm TEXT NOT NULL DEFAULT '';
CREATE INDEX entities_name_norm ON entities(name_norm);
CREATE INDEX entities_type ON entities(type);
CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('suggestion', 'mention')),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    decided_at  TEXT NOT NULL,
    UNIQUE (document_id, kind, start, "end", text)
) STRICT;
CREATE INDEX decisions_document ON decisions(document_id);
"""

# Full-text search (desktop/store/search.py explains the design): a contentless FTS5 index of
# the folded title, source and text, and a queue the triggers fill with changed documents (and
# the values last indexed, which a contentless delete needs). Existing documents are queued
# here and indexed by the first search or edit, because folding needs Python.
_SEARCH = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, source, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE search_queue (
    document_id INTEGER PRIMARY KEY,
    indexed     INTEGER NOT NULL CHECK (indexed IN (0, 1)),
    old_title   TEXT,
    old_source  TEXT,
    old_text    TEXT
) STRICT;
CREATE TRIGGER search_document_added AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO search_queue (document_id, indexed) VALUES (new.id, 0);
END;
CREATE TRIGGER search_document_changed AFTER UPDATE OF id, title, source, text ON documents
WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.source IS NOT new.source
    OR old.text IS NOT new.text
BEGIN
    INSERT OR IGNORE INTO search_queue VALUES (old.id, 1, old.title, old.source, old.text);
    INSERT OR IGNORE INTO search_queue (document_id, indexed) VALUES (new.id, 0);
END;
CREATE TRIGGER search_document_removed AFTER DELETE ON documents BEGIN
    INSERT OR IGNORE INTO search_queue VALUES (old.id, 1, old.title, old.source, old.text);
END;
INSERT INTO search_queue (document_id, indexed) SELECT id, 0 FROM documents;
"""

# Tables whose ids an undo step may remember. Without AUTOINCREMENT SQLite hands the highest
# freed id out again, so after "delete the last article, import another" the undo of an older
# step would put its rows back onto the newcomer. Rebuilding the tables is the only way SQLite
# allows to add AUTOINCREMENT.
_NEVER_REUSE = (
    "documents",
    "labels",
    "entities",
    "entity_aliases",
    "annotations",
    "claims",
    "claim_links",
    "notes",
    "decisions",
)
# Patterns, compiled by ``re`` when this old migration first runs: compiled here they cost
# every start-up about 2 M instructions for a step that a project takes once.
_ID_COLUMN = r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)"
_TABLE_NAME = r"^CREATE\s+TABLE\s+\"?(\w+)\"?"


def _ids_never_reused(conn: sqlite3.Connection) -> None:
    """Rebuild each table with ``id INTEGER PRIMARY KEY AUTOINCREMENT`` (SQLite's documented
    table-rebuild procedure; the runner turns foreign keys off around it and checks them
    after). Columns, constraints, indexes and triggers are taken from the live schema, so the
    columns later migrations added come along."""
    for table in _NEVER_REUSE:
        (create,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        create, found = re.subn(
            _ID_COLUMN, "id INTEGER PRIMARY KEY AUTOINCREMENT", create, count=1, flags=re.I
        )
        if not found:
            raise sqlite3.DatabaseError(f"unexpected definition of the {table} table")
        create = re.sub(_TABLE_NAME, f'CREATE TABLE "{table}__new"', create, count=1, flags=re.I)
        dependents = [
            row[0]
            for row in conn.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
                "AND sql IS NOT NULL",
                [table],
            )
        ]
        columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f'PRAGMA table_info("{table}")'))
        conn.execute(create)
        conn.execute(f'INSERT INTO "{table}__new" ({columns}) SELECT {columns} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "{table}__new" RENAME TO "{table}"')
        for statement in dependents:
            conn.execute(statement)


# What an import changed or noticed in an article (bytes that were not UTF-8 replaced,
# control characters removed), one sentence per line, so it stays visible after the import
# summary is closed (Edit Metadata shows it).
_IMPORT_NOTES = """
ALTER TABLE documents ADD COLUMN import_notes TEXT NOT NULL DEFAULT '';
"""

# The statistical tagger (desktop/learn): the model trained on the analyst's entity tags, kept in
# the project so it travels with it. Only the newest row is used; the labels it was trained on
# (JSON: [[id, key, name], ...]) tell when it no longer fits the project, ``features`` the
# version of the feature extractor it needs, ``counts`` (JSON) what it learnt from, and
# ``attributes`` the features that carry a weight (one per line), so tagging skips the others.
_TAGGER = """
CREATE TABLE tagger_models (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    generation  INTEGER NOT NULL UNIQUE CHECK (generation > 0),
    trained_at  TEXT NOT NULL,
    features    INTEGER NOT NULL,
    labels      TEXT NOT NULL,
    counts      TEXT NOT NULL,
    attributes  TEXT NOT NULL DEFAULT '',
    model       BLOB NOT NULL
) STRICT;
"""

# The claim classifier (desktop/learn/claims.py) is kept in the same table, one newest row per
# ``kind``: it re-ranks the claim rule's passages with what the analyst tagged and decided.
_TAGGER_KINDS = """
ALTER TABLE tagger_models ADD COLUMN kind TEXT NOT NULL DEFAULT 'entity'
    CHECK (kind IN ('entity', 'claim'));
"""

# The library lists a project's articles a page at a time, sorted by SQL (issue 15: a million
# articles paint in a second): each sort order gets an index that yields it without a sort step,
# so a page is read straight off the index, even at an offset near the end. The date indexes
# hold the columns their expression reads, so they cover the query for ids (the table's rows,
# with their text, are never scanned). Dates run by id ascending in both directions (two
# indexes); titles descending run by id descending (ties are rare; one index of titles). The
# search panel's list of sources is read off an index of sources (a scan of the table read
# every article's text: 4 s at a million).
_LIBRARY_ORDER = """
CREATE INDEX documents_by_title ON documents(title COLLATE NOCASE, id);
CREATE INDEX documents_by_date
    ON documents(coalesce(nullif(published, ''), imported_at), id, published, imported_at);
CREATE INDEX documents_by_date_desc
    ON documents(coalesce(nullif(published, ''), imported_at) DESC, id, published, imported_at);
CREATE INDEX documents_by_source ON documents(source);
"""

# An article without a publication date sorted by its import date, so the undated (today's
# imports of 2013's articles) came first in the library sorted newest first (a trial). They
# come last in both directions now, as in most programs: each direction has a key of its own
# that puts them at its end — ascending "~" (after every digit), descending "" — and an index
# of that key, so a page is still read straight off an index. Undated articles run by id (the
# order they came in). The descending key is also the command line's order (newest first).
_UNDATED_LAST = """
DROP INDEX documents_by_date;
DROP INDEX documents_by_date_desc;
CREATE INDEX documents_by_date ON documents(coalesce(nullif(published, ''), '~'), id, published);
CREATE INDEX documents_by_date_desc ON documents(coalesce(published, '') DESC, id, published);
"""

Migration = str | Callable[[sqlite3.Connection], None]

# Index i takes a project from version i to i + 1: SQL, or a function for a table rebuild.
MIGRATIONS: tuple[Migration, ...] = (
    _V1,
    _V2,
    _V3,
    _SEARCH,
    _ids_never_reused,
    _IMPORT_NOTES,
    _TAGGER,
    _TAGGER_KINDS,
    _LIBRARY_ORDER,
    _UNDATED_LAST,
)
SCHEMA_VERSION = len(MIGRATIONS)


def split_sql(script: str) -> list[str]:
    """The statements of ``script``, one by one (executescript() would commit a transaction)."""
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


# --- what a project of each version holds (store/shape.py compares a file with it) --------


class Shape:
    """The schema objects Hamish makes in a project of one version, by lower-case name:
    ``tables`` (name → whether it is a virtual table; the FTS5 table's shadow tables
    included), ``indexes`` and ``triggers`` (name → the SQL SQLite keeps in sqlite_master).
    SQLite's own objects (``sqlite_…``) are not listed: every file may hold them. A plain
    class: every open checks a project against it, and a frozen dataclass is built by exec'd
    code (about 4 M instructions of start-up), a NamedTuple by a compiled ``__new__`` (0.6 M;
    a slotted class 0.06 M)."""

    __slots__ = ("indexes", "tables", "triggers")

    def __init__(
        self, tables: dict[str, bool], indexes: dict[str, str], triggers: dict[str, str]
    ) -> None:
        self.tables = tables
        self.indexes = indexes
        self.triggers = triggers


_CREATE = re.compile(
    r"CREATE\s+(?P<kind>VIRTUAL\s+TABLE|TABLE|UNIQUE\s+INDEX|INDEX|TRIGGER)\s+"
    r"(?:IF\s+NOT\s+EXISTS\s+)?[\"']?(?P<name>\w+)",
    re.IGNORECASE,
)
_DROP = re.compile(
    r"DROP\s+(?:TABLE|INDEX|TRIGGER|VIEW)\s+(?:IF\s+EXISTS\s+)?[\"']?(?P<name>\w+)",
    re.IGNORECASE,
)


def _fts5_shadows(name: str, statement: str) -> list[str]:
    """The shadow tables SQLite's FTS5 makes for the virtual table ``name``."""
    suffixes = ["data", "idx", "config"]
    if not re.search(r"\bcolumnsize\s*=\s*0", statement, re.IGNORECASE):
        suffixes.append("docsize")
    if not re.search(r"\bcontent\s*=", statement, re.IGNORECASE):
        suffixes.append("content")
    return [f"{name}_{suffix}" for suffix in suffixes]


@cache
def shape(version: int) -> Shape:
    """What the first ``version`` migrations make, read from their SQL text — no database is
    built (that took 20 ms, too much for opening a project). The migrations that are
    functions (table rebuilds) make nothing new beyond SQLite's own ``sqlite_sequence``.
    ``tests/store/test_shape.py`` checks the result against a project built for real."""
    tables: dict[str, bool] = {}
    indexes: dict[str, str] = {}
    triggers: dict[str, str] = {}
    for migration in MIGRATIONS[:version]:
        if callable(migration):
            continue
        for statement in split_sql(migration):
            text = statement.rstrip(";").rstrip()
            created = _CREATE.match(text)
            if created is not None:
                kind = created["kind"].upper()
                name = created["name"].lower()
                if kind.endswith("TABLE"):
                    tables[name] = kind.startswith("VIRTUAL")
                    if kind.startswith("VIRTUAL") and re.search(r"USING\s+fts5", text, re.I):
                        tables.update((shadow, False) for shadow in _fts5_shadows(name, text))
                elif kind.endswith("INDEX"):
                    indexes[name] = text
                else:
                    triggers[name] = text
                continue
            dropped = _DROP.match(text)
            if dropped is not None:
                for found in (tables, indexes, triggers):
                    found.pop(dropped["name"].lower(), None)
    return Shape(tables, indexes, triggers)
