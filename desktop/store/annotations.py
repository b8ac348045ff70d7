"""SQL for annotations (and the claim row a claim annotation owns)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop.core.errors import HamishError, NotFound
from desktop.core.models import Annotation, Label, Mark
from desktop.store.db import Database, utcnow
from desktop.store.labels import LabelStore

# The rows a delete takes along, and the undo records (AnnotationSnapshot, LabelRemoval), load
# with the first delete or undo, not at start-up: the module's dataclasses are built by exec'd
# code (about 4 M instructions each before the first paint).
if TYPE_CHECKING:
    from desktop.core.records import AnnotationDraft  # the first edit's (records.py)
    from desktop.store.rowsets import AnnotationSnapshot, LabelRemoval

_COLUMNS = (
    'id, document_id, start, "end", quote, prefix, suffix, label_id, entity_id, note, author, '
    "anchor, created_at, modified_at"
)
_as_annotation = partial(tuple.__new__, Annotation)
"""A row of ``_COLUMNS`` as an Annotation, in C: ``Annotation(*row)`` is a Python call a row,
a tenth of opening an article with 10,000 annotations."""
_MARK_COLUMNS = "id, start, \"end\", quote, label_id, note <> '', anchor"
_as_mark = partial(tuple.__new__, Mark)
_CLAIM_COLUMNS = (
    "id, annotation_id, claimant_id, summary, stance, status, reliability, credibility, "
    "claimed_on, created_at, modified_at"
)
_CLAIM_FIELDS = tuple(name.strip() for name in _CLAIM_COLUMNS.split(","))


class AnnotationStore:
    def __init__(self, database: Database, labels: LabelStore) -> None:
        self._database = database
        self._conn = database.conn
        self._labels = labels

    # --- reading -------------------------------------------------------------------------
    def for_document(self, document_id: int, *, ordered: bool = True) -> list[Annotation]:
        """A document's annotations, by start, end and id — or, not ``ordered``, as the index
        on (document, start) gives them: by start and id, which a caller that sorts anyway
        (the Annotations panel) takes without SQLite sorting 10,000 rows again (a fifth of
        reading them)."""
        order = ' ORDER BY start, "end", id' if ordered else ""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE document_id = ?{order}", [document_id]
        )
        return list(map(_as_annotation, rows))

    def marks(self, document_id: int) -> list[Mark]:
        """A document's annotations as the reader draws them (:class:`Mark`), as the index on
        (document, start) gives them: under half the time of reading them whole."""
        rows = self._conn.execute(
            f"SELECT {_MARK_COLUMNS} FROM annotations WHERE document_id = ?", [document_id]
        )
        return list(map(_as_mark, rows))

    def extents(self, document_id: int) -> list[tuple[int, int]]:
        """``(start, end)`` of a document's annotations, in order: what suggestions need to
        know of them, read without the text columns (a quarter of reading them whole)."""
        rows = self._conn.execute(
            'SELECT start, "end" FROM annotations WHERE document_id = ? ORDER BY start, "end"',
            [document_id],
        )
        return rows.fetchall()

    def present(
        self, document_id: int, keys: Iterable[tuple[int, int, int]]
    ) -> set[tuple[int, int, int]]:
        """Which of ``keys`` — ``(start, end, label_id)`` — a document already has an
        annotation of: one lookup on the (document, start) index a key, because a tag's
        duplicate check that read all of the article's annotations cost 80 of the 90 ms of
        GUI-thread CPU a tag took on an article of 10,000 (issue 15: one frame a tag)."""
        found: set[tuple[int, int, int]] = set()
        for key in keys:
            row = self._conn.execute(
                'SELECT 1 FROM annotations WHERE document_id = ? AND start = ? AND "end" = ? '
                "AND label_id = ? LIMIT 1",
                [document_id, *key],
            ).fetchone()
            if row is not None:
                found.add(key)
        return found

    def entities_within(self, document_id: int, start: int, end: int) -> list[int]:
        """The entities tagged inside ``[start, end)`` of a document: who a claim's claimant
        span names, when its words were tagged (perhaps by the same edit)."""
        rows = self._conn.execute(
            "SELECT DISTINCT entity_id FROM annotations WHERE document_id = ? AND start >= ? "
            'AND "end" <= ? AND entity_id IS NOT NULL ORDER BY entity_id',
            [document_id, start, end],
        )
        return [int(row[0]) for row in rows]

    def get(self, annotation_id: int) -> Annotation:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", [annotation_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no annotation {annotation_id} in this project.")
        return Annotation(*row)

    def many(self, ids: list[int]) -> list[Annotation]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id IN ({marks})", ids)
        return list(map(_as_annotation, rows))

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def snapshot(self, annotation_id: int) -> AnnotationSnapshot:
        from desktop.store.rowsets import AnnotationSnapshot, capture

        claim = self._conn.execute(
            f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE annotation_id = ?", [annotation_id]
        ).fetchone()
        claims = "(SELECT id FROM claims WHERE annotation_id = ?)"
        dependents = capture(
            self._conn,
            [
                ("claim_subjects", f"claim_id IN {claims}", [annotation_id]),
                (
                    "claim_links",
                    f"from_claim IN {claims} OR to_claim IN {claims}",
                    [annotation_id, annotation_id],
                ),
                ("notes", "annotation_id = ?", [annotation_id]),
            ],
        )
        return AnnotationSnapshot(
            self.get(annotation_id), None if claim is None else tuple(claim), dependents
        )

    # --- writing -------------------------------------------------------------------------
    def add(self, draft: AnnotationDraft) -> int:
        """Insert in one transaction; a claim label also creates its claims row."""
        if draft.end <= draft.start or draft.start < 0:
            raise HamishError("An annotation must cover at least one character.")
        label = self._labels.get(draft.label_id)
        now = utcnow()
        with self._database.transaction():
            cursor = self._conn.execute(
                'INSERT INTO annotations (document_id, start, "end", quote, prefix, suffix, '
                "label_id, entity_id, note, author, anchor, created_at, modified_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?)",
                [
                    draft.document_id,
                    draft.start,
                    draft.end,
                    draft.quote,
                    draft.prefix,
                    draft.suffix,
                    draft.label_id,
                    draft.entity_id,
                    draft.note,
                    draft.author,
                    now,
                    now,
                ],
            )
            annotation_id = int(cursor.lastrowid or 0)
            if label.kind == "claim":
                self._add_claim(annotation_id, now)
        return annotation_id

    def _add_claim(self, annotation_id: int, now: str) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO claims (annotation_id, created_at, modified_at) "
            "VALUES (?, ?, ?)",
            [annotation_id, now, now],
        )

    def delete(self, annotation_id: int) -> AnnotationSnapshot:
        with self._database.transaction():
            snapshot = self.snapshot(annotation_id)
            self._conn.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return snapshot

    def restore(self, snapshot: AnnotationSnapshot) -> None:
        """Write an annotation (and its claim) back exactly as snapshotted, same ids. An
        entity or claimant deleted since is not linked (as its delete would have done)."""
        from desktop.store.rowsets import clear_dangling, reinsert

        a = snapshot.annotation
        with self._database.transaction():
            values = list(clear_dangling(self._conn, "annotations", a._asdict()).values())
            exists = self._conn.execute("SELECT 1 FROM annotations WHERE id = ?", [a.id]).fetchone()
            if exists:
                self._conn.execute(
                    'UPDATE annotations SET document_id = ?, start = ?, "end" = ?, quote = ?, '
                    "prefix = ?, suffix = ?, label_id = ?, entity_id = ?, note = ?, author = ?, "
                    "anchor = ?, created_at = ?, modified_at = ? WHERE id = ?",
                    [*values[1:], a.id],
                )
            else:
                self._conn.execute(
                    f"INSERT INTO annotations ({_COLUMNS}) VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values,
                )
            self._conn.execute("DELETE FROM claims WHERE annotation_id = ?", [a.id])
            if snapshot.claim is not None:
                claim = clear_dangling(
                    self._conn, "claims", dict(zip(_CLAIM_FIELDS, snapshot.claim, strict=True))
                )
                self._conn.execute(
                    f"INSERT INTO claims ({_CLAIM_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    list(claim.values()),
                )
            # Subjects, links and notes as they were (rows still present are left alone).
            reinsert(self._conn, snapshot.dependents, taken="skip")

    def update(
        self, annotation_id: int, *, label_id: int | None = None, note: str | None = None
    ) -> AnnotationSnapshot:
        """Change label and/or note; returns the snapshot from before, for undo. Moving to or
        from a claim label creates or removes the claim row in the same transaction."""
        with self._database.transaction():
            before = self.snapshot(annotation_id)
            now = utcnow()
            fields: dict[str, Any] = {"modified_at": now}
            if label_id is not None:
                fields["label_id"] = label_id
            if note is not None:
                fields["note"] = note
            sets = ", ".join(f"{name} = ?" for name in fields)
            self._conn.execute(
                f"UPDATE annotations SET {sets} WHERE id = ?", [*fields.values(), annotation_id]
            )
            if label_id is not None:
                kind = self._labels.get(label_id).kind
                if kind == "claim":
                    self._add_claim(annotation_id, now)
                else:
                    self._conn.execute(
                        "DELETE FROM claims WHERE annotation_id = ?", [annotation_id]
                    )
        return before

    def set_anchors(self, repairs: list[tuple[int, int, int, str]]) -> None:
        """Record re-anchoring results (id, start, end, anchor) in one transaction. The quote
        is kept: it is the evidence of what was originally tagged."""
        with self._database.transaction():
            self._conn.executemany(
                'UPDATE annotations SET start = ?, "end" = ?, anchor = ? WHERE id = ?',
                [
                    (start, end, anchor, annotation_id)
                    for annotation_id, start, end, anchor in repairs
                ],
            )

    def entity_name(self, entity_id: int) -> str | None:
        row = self._conn.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()
        return None if row is None else str(row[0])

    # --- labels with their annotations -----------------------------------------------------
    def remove_label(self, label_id: int, reassign_to: int | None) -> LabelRemoval:
        """Remove a label; its annotations move to ``reassign_to`` or are deleted."""
        label = self._labels.get(label_id)
        with self._database.transaction():
            ids = [
                int(row[0])
                for row in self._conn.execute(
                    "SELECT id FROM annotations WHERE label_id = ? ORDER BY id", [label_id]
                )
            ]
            snapshots = tuple(self.snapshot(annotation_id) for annotation_id in ids)
            if reassign_to is not None:
                if reassign_to == label_id:
                    raise HamishError("Choose another label to move the annotations to.")
                for annotation_id in ids:
                    self.update(annotation_id, label_id=reassign_to)
            else:
                for annotation_id in ids:
                    self.delete(annotation_id)
            self._labels.delete_row(label_id)
        from desktop.store.rowsets import LabelRemoval

        return LabelRemoval(label, reassign_to, tuple(ids), snapshots)

    def undo_remove_label(self, removal: LabelRemoval) -> None:
        """Put the label back, then every affected annotation exactly as it was."""
        with self._database.transaction():
            self._labels.restore(removal.label)
            for snapshot in removal.snapshots:
                self.restore(snapshot)

    def label_of(self, annotation: Annotation) -> Label:
        return self._labels.get(annotation.label_id)
