"""SQL for documents. Returns core dataclasses; callers never see rows or cursors."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from desktop.core.errors import (
    DuplicateDocument,
    HamishError,
    NotFound,
    ProjectError,
    RestoreConflict,
)
from desktop.core.models import Document, DocumentSummary
from desktop.store.db import BulkWrites, Database, describe_sqlite_error, utcnow

if TYPE_CHECKING:
    from desktop.core.records import DocumentDraft  # the first import's (records.py)

    # loaded with the first delete or restore (see store/annotations.py)
    from desktop.store.rowsets import RowSet

_OF_DOCUMENT = "(SELECT id FROM annotations WHERE document_id = ?)"
_CLAIMS_OF_DOCUMENT = f"(SELECT id FROM claims WHERE annotation_id IN {_OF_DOCUMENT})"

_SUMMARY_SQL = """
SELECT d.id, d.title, d.source, d.published, d.language, d.direction, d.char_count,
       (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count,
       d.imported_at
FROM documents d
"""

_INSERT_SQL = (
    "INSERT INTO documents (title, text, source, url, author, published, language, direction, "
    "content_hash, origin, import_notes, char_count, imported_at, modified_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _insert_values(draft: DocumentDraft, now: str) -> tuple[object, ...]:
    return (
        draft.title,
        draft.text,
        draft.source,
        draft.url,
        draft.author,
        draft.published,
        draft.language,
        draft.direction,
        draft.content_hash,
        draft.origin,
        draft.import_notes,
        len(draft.text),
        now,
        now,
    )


# The library's sort orders (desktop/ui/library/dock.py): each key is the expression of an index
# (schema migrations 9 and 10), so a page of the list is read from the index instead of sorting
# the whole table. Equal keys run by id: ascending for dates in either direction, the direction
# of the sort for titles (one index serves both, read backwards for descending). Articles
# without a publication date come last in both directions (migration 10): each direction of
# the date has its own key, see ``library_key``.
LIBRARY_KEYS = {
    "title": "title COLLATE NOCASE",
    "date": "coalesce(nullif(published, ''), '~')",
    "date descending": "coalesce(published, '')",
}


def library_key(key: str, descending: bool) -> str:
    """The SQL expression the library sorts by ``key`` ("title", "date") in this direction."""
    if key == "date" and descending:
        return LIBRARY_KEYS["date descending"]
    return LIBRARY_KEYS[key]


def library_order_by(key: str, descending: bool, *, backwards: bool = False) -> str:
    """The ORDER BY clause of the library sorted by ``key`` ("title", "date", "annotations"),
    or of that order read from its end (``backwards``)."""
    first = "DESC" if descending != backwards else "ASC"
    ties = "DESC" if backwards else "ASC"
    if key == "annotations":
        count = "(SELECT count(*) FROM annotations a WHERE a.document_id = documents.id)"
        return f"{count} {first}, id {ties}"
    if key == "title":
        return f"{LIBRARY_KEYS[key]} {first}, id {first}"
    return f"{library_key(key, descending)} {first}, id {ties}"


LIBRARY_COLUMNS = "id, title, source, published, language, direction, char_count, imported_at"
LibraryRow = tuple[int, str, str, str | None, str, str, int, str]
"""One library row as stored: no annotation count (counted apart, in the background)."""


def _id_list(ids: Iterable[int]) -> str:
    """Ids as one JSON array for ``json_each`` (no limit on the number of SQL variables),
    written here rather than by the json module: the library reads its first page with it,
    and importing json cost the first paint 5.7 M instructions."""
    return "[" + ",".join([str(int(i)) for i in ids]) + "]"


def _summary(row: Any) -> DocumentSummary:
    return DocumentSummary(
        id=row[0],
        title=row[1],
        source=row[2],
        published=row[3],
        language=row[4],
        direction=row[5],
        char_count=row[6],
        annotation_count=row[7],
        imported_at=row[8],
    )


class DocumentStore:
    """Documents of one project."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return None if row is None else int(row[0])

    def add(self, draft: DocumentDraft) -> int:
        """Insert one document in its own transaction (or the caller's)."""
        (result,) = self.add_many([draft])
        if isinstance(result, HamishError):
            raise result
        return result

    def add_many(self, drafts: Sequence[DocumentDraft]) -> list[int | HamishError]:
        """Insert documents in one transaction (or the caller's), the search index with them;
        for each draft its new id, or why it was not stored: ``DuplicateDocument`` when its
        text is already in the project (an earlier draft of the same call included), a
        ``ProjectError`` when a constraint refused it (that statement alone is undone).
        A failure of the transaction itself (a full disk) raises ``ProjectError``: none of
        them is stored.

        Why in one: a commit costs a sync of the log and FTS5 writes a new index segment at
        each, which made one transaction per article most of an import's time."""
        results: list[int | HamishError] = []
        added: list[tuple[int, DocumentDraft]] = []
        import json  # imported with the first import: the window's first paint needs none

        bulk = self._database.bulk  # an import of many files: synced when due (db.BulkWrites)
        durable = bulk is None or bulk.due(len(drafts))
        with self._database.transaction(durable=durable):
            now = utcnow()
            execute = self._conn.execute
            # The articles already holding these texts, in one statement rather than one per
            # draft (issue 15); a draft repeating an earlier one of the call is found as
            # that one is stored. A file whose title line left its body is also looked up by
            # the hash of its whole text (``whole_hash``): what an import before that stored.
            hashes = [draft.content_hash for draft in drafts]
            hashes += [draft.whole_hash for draft in drafts if draft.whole_hash]
            known: dict[str, int] = dict(
                execute(
                    "SELECT content_hash, id FROM documents "
                    "WHERE content_hash IN (SELECT value FROM json_each(?))",
                    [json.dumps(hashes)],
                ).fetchall()
            )
            for draft in drafts:
                existing = known.get(draft.content_hash)
                if existing is None and draft.whole_hash:
                    existing = known.get(draft.whole_hash)
                if existing is not None:
                    results.append(DuplicateDocument(existing))
                    continue
                try:
                    cursor = execute(_INSERT_SQL, _insert_values(draft, now))
                except sqlite3.IntegrityError as error:  # only this statement is undone
                    results.append(ProjectError(describe_sqlite_error(error)))
                    continue
                document_id = int(cursor.lastrowid or 0)
                known[draft.content_hash] = document_id
                results.append(document_id)
                added.append((document_id, draft))
            if added:
                # The search index follows in the same transaction.
                from desktop.store.search import index_added_many

                index_added_many(self._conn, added)
        if bulk is not None:
            bulk.committed(len(drafts), synced=durable)
        return results

    def bulk(self) -> contextlib.AbstractContextManager[BulkWrites]:
        """Many :meth:`add_many` calls in a row (an import of a folder), each commit synced
        only when due and checkpointed in the background (:class:`desktop.store.db.BulkWrites`:
        what a power cut may lose, and why)."""
        return self._database.bulk_writes()

    def get(self, document_id: int) -> Document:
        row = self._conn.execute(
            "SELECT id, title, text, language, direction, content_hash, source, url, author, "
            "published, origin, imported_at, modified_at, import_notes FROM documents "
            "WHERE id = ?",
            [document_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no document {document_id} in this project.")
        return Document(*row)

    def exists(self, document_id: int) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone()
            is not None
        )

    def summaries(self, ids: list[int] | None = None) -> list[DocumentSummary]:
        """All documents (or the given ids), newest publication first, then by title."""
        if ids is None:
            rows = self._conn.execute(
                _SUMMARY_SQL + " ORDER BY coalesce(d.published, '') DESC, d.id"
            ).fetchall()
        else:
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            rows = self._conn.execute(_SUMMARY_SQL + f" WHERE d.id IN ({marks})", ids).fetchall()
        return [_summary(row) for row in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # --- the library, a page at a time ---------------------------------------------------
    @staticmethod
    def _order_by(key: str, descending: bool, *, backwards: bool = False) -> str:
        """The ORDER BY of the library sorted by ``key``; ``backwards``: the same order read
        from its end (every direction flipped, so the same index serves it, read the other
        way)."""
        return library_order_by(key, descending, backwards=backwards)

    def library_page(
        self, key: str, descending: bool, offset: int, limit: int, total: int | None = None
    ) -> list[LibraryRow]:
        """Rows ``offset`` to ``offset + limit`` of the library sorted by ``key`` ("title",
        "date"): their ids read off the key's index (covering, no sort step), then their rows.
        An OFFSET still steps over every index entry before it, so a page in the second half
        of a list of ``total`` rows is read from the end, along the index backwards: the end
        of a million articles is a page away, not a million entries."""
        backwards = total is not None and 2 * offset + limit > total
        if backwards:
            assert total is not None
            end = min(total, offset + limit)
            limit, offset = max(0, end - offset), total - end
        ids = [
            int(row[0])
            for row in self._conn.execute(
                f"SELECT id FROM documents ORDER BY "
                f"{self._order_by(key, descending, backwards=backwards)} LIMIT ? OFFSET ?",
                [limit, offset],
            )
        ]
        if backwards:
            ids.reverse()
        found = self.library_rows(ids)
        return [found[doc] for doc in ids if doc in found]

    def library_rows(self, ids: Iterable[int]) -> dict[int, LibraryRow]:
        """The library rows of these documents (any that still exist), by id."""
        wanted = _id_list(ids)
        rows = self._conn.execute(
            f"SELECT {LIBRARY_COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?))",
            [wanted],
        ).fetchall()
        return {int(row[0]): tuple(row) for row in rows}

    def library_order(
        self, key: str, descending: bool, ids: Iterable[int] | None = None
    ) -> array[int]:
        """Every document id (or those of ``ids``) in the library's order, as a compact array
        filled by SQLite without a Python step per row."""
        sql = "SELECT id FROM documents"
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE id IN (SELECT value FROM json_each(?))"
            params.append(_id_list(ids))
        cursor = self._conn.execute(f"{sql} ORDER BY {self._order_by(key, descending)}", params)
        return array("q", itertools.chain.from_iterable(cursor))

    def untagged_ids(self, offset: int, limit: int, total: int) -> list[int]:
        """Ids ``offset`` to ``offset + limit`` of the ``total`` documents without
        annotations, ascending: the untagged part of the library sorted by count, read a page
        at a time before every id is in hand (a page in the second half read from the end)."""
        backwards = 2 * offset + limit > total
        if backwards:
            end = min(total, offset + limit)
            limit, offset = max(0, end - offset), total - end
        ids = [
            int(row[0])
            for row in self._conn.execute(
                "SELECT id FROM documents WHERE NOT EXISTS (SELECT 1 FROM annotations a "
                f"WHERE a.document_id = documents.id) ORDER BY id {'DESC' if backwards else 'ASC'} "
                "LIMIT ? OFFSET ?",
                [limit, offset],
            )
        ]
        if backwards:
            ids.reverse()
        return ids

    def ids(self) -> array[int]:
        """Every document id, ascending, as a compact array. Read off the smallest index and
        sorted here: ``ORDER BY id`` walks the table itself, every article's text with it
        (3 s at a million articles, against 0.3 s)."""
        return self.ids_of(self._conn)

    @staticmethod
    def ids_of(conn: sqlite3.Connection) -> array[int]:
        cursor = conn.execute("SELECT id FROM documents")
        return array("q", sorted(itertools.chain.from_iterable(cursor)))

    def library_position(self, document_id: int, key: str, descending: bool) -> int | None:
        """The row of a document in the library sorted by ``key`` ("title" or "date"): the
        number of documents before it, counted along the key's index."""
        expression = library_key(key, descending)
        found = self._conn.execute(
            f"SELECT {expression} FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if found is None:
            return None
        before = ">" if descending else "<"
        tie = ">" if descending and key == "title" else "<"
        (count,) = self._conn.execute(
            f"SELECT (SELECT count(*) FROM documents WHERE {expression} {before} ?1) "
            f"+ (SELECT count(*) FROM documents WHERE {expression} = ?1 AND id {tie} ?2)",
            [found[0], document_id],
        ).fetchone()
        return int(count)

    def annotation_counts(self, ids: Iterable[int] | None = None) -> dict[int, int]:
        """Annotations per document, for the documents that have any (or for ``ids``, each of
        them, 0 included)."""
        if ids is None:
            rows = self._conn.execute(
                "SELECT document_id, count(*) FROM annotations GROUP BY document_id"
            )
            return {int(doc): int(n) for doc, n in rows}
        wanted = list(ids)
        counts = dict.fromkeys(wanted, 0)
        rows = self._conn.execute(
            "SELECT document_id, count(*) FROM annotations "
            "WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id",
            [_id_list(wanted)],
        )
        counts.update((int(doc), int(n)) for doc, n in rows)
        return counts

    def texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The text of each of these documents (those that exist), by id, in one query."""
        rows = self._conn.execute(
            "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))",
            [_id_list(ids)],
        )
        return {int(row[0]): str(row[1]) for row in rows}

    def newest_first(self, ids: Iterable[int] | None = None) -> array[int]:
        """Every document id (or those of ``ids`` that exist) in :meth:`summaries`'s order,
        newest publication first, then by id. Read off the descending date index, which is
        this order and holds ``published``: reading the rows themselves (each with its text)
        to sort 84,000 of them cost twice as much, before "find all mentions" could show
        anything."""
        where, params = "", []
        if ids is not None:
            where, params = " WHERE id IN (SELECT value FROM json_each(?))", [_id_list(ids)]
        order = " ORDER BY coalesce(published, '') DESC, id"
        try:
            cursor = self._conn.execute(
                f"SELECT id FROM documents INDEXED BY documents_by_date_desc{where}{order}",
                params,
            )
        except sqlite3.OperationalError:  # a read-only project from before the index
            cursor = self._conn.execute(f"SELECT id FROM documents{where}{order}", params)
        return array("q", itertools.chain.from_iterable(cursor))

    def titled_texts(self, ids: Sequence[int]) -> Iterator[tuple[int, str, str]]:
        """``(id, title, text)`` of each of these documents that exists, in the order of
        ``ids``, one row at a time: a long list is read in one query without holding every
        text (the outer loop over the list, by CROSS JOIN, gives its order without a sort
        step, which would copy every text first)."""
        cursor = self._conn.execute(
            "SELECT d.id, d.title, d.text FROM json_each(?) AS j "
            "CROSS JOIN documents AS d ON d.id = j.value",
            [_id_list(ids)],
        )
        for row in cursor:
            yield int(row[0]), str(row[1]), str(row[2])

    def titles_and_sources(self) -> list[tuple[int, str, str]]:
        """``(id, title, source)`` of every document: the library filter's substring search on
        projects small enough to fold every title."""
        rows = self._conn.execute("SELECT id, title, source FROM documents").fetchall()
        return [(int(row[0]), str(row[1]), str(row[2])) for row in rows]

    def delete(self, document_id: int) -> RowSet:
        """Delete an article with everything attached to it; returns those rows, so
        :meth:`restore` can bring it all back (undo)."""
        return self.delete_many([document_id])[0]

    def delete_many(self, document_ids: Sequence[int]) -> list[RowSet]:
        """Delete articles in one transaction, each with everything attached. Every article's
        rows are captured before any is deleted: a claim link between two of them would
        otherwise be gone (cascaded) by the time the second is captured."""
        with self._database.transaction():
            for document_id in document_ids:
                if not self.exists(document_id):
                    raise NotFound(f"There is no document {document_id} in this project.")
            captured = [self._capture(d) for d in document_ids]
            for document_id in document_ids:
                self._conn.execute("DELETE FROM documents WHERE id = ?", [document_id])
                _sync_index(self._conn, document_id)
        return captured

    def _capture(self, d: int) -> RowSet:
        from desktop.store.rowsets import capture

        return capture(
            self._conn,
            [
                ("documents", "id = ?", [d]),
                ("annotations", "document_id = ?", [d]),
                ("claims", f"annotation_id IN {_OF_DOCUMENT}", [d]),
                ("claim_subjects", f"claim_id IN {_CLAIMS_OF_DOCUMENT}", [d]),
                (
                    "claim_links",
                    f"from_claim IN {_CLAIMS_OF_DOCUMENT} OR to_claim IN {_CLAIMS_OF_DOCUMENT}",
                    [d, d],
                ),
                ("notes", f"document_id = ? OR annotation_id IN {_OF_DOCUMENT}", [d, d]),
                ("decisions", "document_id = ?", [d]),
            ],
        )

    def restore(self, rows: RowSet) -> int:
        """Write back an article deleted by :meth:`delete`, with its annotations, claims,
        notes and decisions, under the same ids where they are free; returns its id (a new
        one if another article took the old id meanwhile)."""
        from desktop.store.rowsets import RowConflict, reinsert

        (document,) = rows.rows("documents")
        with self._database.transaction():
            try:
                remap = reinsert(self._conn, rows, whole=("documents",))
            except RowConflict as conflict:
                raise RestoreConflict(
                    f"“{document['title']}” cannot be brought back: an article with the same "
                    "text was imported after it was deleted."
                ) from conflict
            document_id = remap.get("documents", {}).get(document["id"], document["id"])
            _sync_index(self._conn, document_id)
        return int(document_id)

    def update_metadata(self, document_id: int, **fields: str | None) -> None:
        allowed = {"title", "source", "url", "author", "published", "language", "direction"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        with self._database.transaction():
            self._database.db.table("documents").update(
                document_id, {**fields, "modified_at": utcnow()}
            )
            _sync_index(self._conn, document_id)


def _sync_index(conn: sqlite3.Connection, document_id: int) -> None:
    """Index this document in the caller's transaction (module loaded on first write). Only
    this one: any other backlog (an upgrade, another program's writes) is the next search's
    or the background catch-up's, so one edit never waits for thousands of articles."""
    from desktop.store.search import sync_index

    sync_index(conn, only=[document_id])


def read_library_order(path: str, key: str, descending: bool) -> array[int]:
    """Every document id in the library's order by ``key`` ("title" or "date"), read off the
    key's index on a connection of its own: for a worker thread. With it in hand the library
    finds any row, and reads any page, without stepping over the index entries before it."""
    from pathlib import Path

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        return _packed_ids(
            conn, f"SELECT id FROM documents ORDER BY {library_order_by(key, descending)}"
        )
    finally:
        conn.close()


def _packed_ids(conn: sqlite3.Connection, sql: str) -> array[int]:
    """The ids ``sql`` lists (one column, ``id``), in its order, read as one string SQLite
    builds: for a worker thread. Read row by row, a million ids took the interpreter lock a
    million times, and the window's repaint, which needs it for every cell, waited behind
    each (seconds of a frozen list on a busy machine). Here the lock is taken once, to turn
    16 hex digits per id into the array. (The subquery's order is kept: SQLite does not
    flatten an ordered subquery into an aggregate; tests compare it with the order read
    row by row.)"""
    (packed,) = conn.execute(
        f"SELECT group_concat(printf('%016x', id), '') FROM ({sql})"
    ).fetchone()
    found = array("q", bytes.fromhex(packed or ""))
    if sys.byteorder == "little":
        found.byteswap()  # the digits are big-endian
    return found


def read_ids(path: str) -> array[int]:
    """:meth:`DocumentStore.ids` read on a connection of its own, for a worker thread."""
    from pathlib import Path

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        # Sorted by SQLite (off the smallest index), not by Python: see _packed_ids.
        try:
            sql = "SELECT id FROM documents INDEXED BY documents_by_source ORDER BY id"
            return _packed_ids(conn, sql)
        except sqlite3.OperationalError:  # a read-only project from before the index
            return DocumentStore.ids_of(conn)
    finally:
        conn.close()


def read_annotation_counts(path: str) -> dict[int, int]:
    """Annotations per document (those with any), read on a connection of its own: for a
    worker thread, while the window's connection serves the GUI (WAL lets both read)."""
    from pathlib import Path

    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        rows = conn.execute("SELECT document_id, count(*) FROM annotations GROUP BY document_id")
        return {int(doc): int(n) for doc, n in rows}
    finally:
        conn.close()
