"""SQL for briefings and CSV exports: bulk reads over a chosen set of documents.

Why a store of its own rather than loops over the other stores: a briefing over a thousand
claims would otherwise run one query per claim (its subjects, its claimant's name, its links)
and one per entity; here each kind of row is read with one query for the whole scope. The scope
is passed as a JSON array (``json_each``), so any number of documents is one bound parameter,
never a statement built from ids.

Everything returned is plain data (core dataclasses or the small records below); callers never
see cursors. Reading only: exports must not change the project.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import HamishError, NotFound
from desktop.core.models import Annotation, Label
from desktop.core.records import Claim, ClaimLink
from desktop.store.claims import claim_from_row
from desktop.store.db import Database

_SCOPE = "scope(id) AS (SELECT value FROM json_each(?))"


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A document's metadata without its text: what a sources list and a scope need."""

    id: int
    title: str
    source: str
    url: str
    author: str
    published: str | None
    language: str
    direction: str
    imported_at: str


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim with everything a report row or a CSV line shows, names already resolved."""

    claim: Claim
    quote: str
    note: str
    document_id: int
    start: int
    end: int
    claimant: str
    subject_names: tuple[str, ...]
    links: tuple[ClaimLink, ...]


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    annotation: Annotation
    label: Label
    entity_name: str
    document_title: str


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An entity with its mention counts inside the scope (not the whole project)."""

    id: int
    name: str
    type: str
    description: str
    aliases: tuple[str, ...]
    mentions: int
    documents: int


def _ids(document_ids: Sequence[int]) -> str:
    return json.dumps([int(i) for i in document_ids])


class ReportQueries:
    """Read-only queries over one project connection."""

    def __init__(self, database: Database) -> None:
        self._conn = database.conn

    # --- scope ---------------------------------------------------------------------------
    def documents(self, document_ids: Sequence[int] | None = None) -> list[SourceRecord]:
        """Documents in reading order (publication date, then import time, then id). With
        ids, every id must exist: a report on an article deleted meanwhile is an error, not a
        silently shorter report."""
        columns = "id, title, source, url, author, published, language, direction, imported_at"
        order = "ORDER BY coalesce(published, imported_at), imported_at, id"
        if document_ids is None:
            rows = self._conn.execute(f"SELECT {columns} FROM documents {order}").fetchall()
        else:
            rows = self._conn.execute(
                f"WITH {_SCOPE} SELECT {columns} FROM documents "
                f"WHERE id IN (SELECT id FROM scope) {order}",
                [_ids(document_ids)],
            ).fetchall()
            missing = sorted(set(document_ids) - {int(r[0]) for r in rows})
            if missing:
                listed = ", ".join(str(i) for i in missing)
                raise NotFound(f"There is no document {listed} in this project.")
        return [SourceRecord(*row) for row in rows]

    def matching_documents(
        self,
        *,
        label_id: int | None = None,
        entity_id: int | None = None,
        claim_status: str | None = None,
    ) -> list[int]:
        """Ids of documents with an annotation of the label, a mention of (or a claim by or
        about) the entity, and a claim of the status — every given condition must hold."""
        where: list[str] = []
        params: list[object] = []
        if label_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND a.label_id = ?)"
            )
            params.append(label_id)
        if entity_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotations a LEFT JOIN claims c "
                "ON c.annotation_id = a.id WHERE a.document_id = d.id AND (a.entity_id = ? "
                "OR c.claimant_id = ? OR EXISTS (SELECT 1 FROM claim_subjects s "
                "WHERE s.claim_id = c.id AND s.entity_id = ?)))"
            )
            params += [entity_id, entity_id, entity_id]
        if claim_status is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotations a JOIN claims c ON c.annotation_id = a.id "
                "WHERE a.document_id = d.id AND c.status = ?)"
            )
            params.append(claim_status)
        if not where:
            raise HamishError("A filter needs a label, an entity or a claim status.")
        rows = self._conn.execute(
            f"SELECT d.id FROM documents d WHERE {' AND '.join(where)}", params
        )
        return [int(row[0]) for row in rows]

    def text(self, document_id: int) -> str:
        row = self._conn.execute(
            "SELECT text FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no document {document_id} in this project.")
        return str(row[0])

    # --- content -------------------------------------------------------------------------
    def claims(self, document_ids: Sequence[int]) -> list[ClaimRecord]:
        """Claims of the documents, in the order of the Claims table (claim date, then the
        article's date, then position in the article)."""
        scope = [_ids(document_ids)]
        subjects: dict[int, list[str]] = defaultdict(list)
        subject_ids: dict[int, list[int]] = defaultdict(list)
        for claim_id, entity_id, name in self._conn.execute(
            f"WITH {_SCOPE} SELECT s.claim_id, e.id, e.name FROM claim_subjects s "
            "JOIN entities e ON e.id = s.entity_id JOIN claims c ON c.id = s.claim_id "
            "JOIN annotations a ON a.id = c.annotation_id "
            "WHERE a.document_id IN (SELECT id FROM scope) ORDER BY s.claim_id, e.id",
            scope,
        ):
            subjects[int(claim_id)].append(str(name))
            subject_ids[int(claim_id)].append(int(entity_id))
        links: dict[int, list[ClaimLink]] = defaultdict(list)
        for row in self._conn.execute(
            f"WITH {_SCOPE}, inscope(id) AS (SELECT c.id FROM claims c JOIN annotations a "
            "ON a.id = c.annotation_id WHERE a.document_id IN (SELECT id FROM scope)) "
            "SELECT id, from_claim, to_claim, kind FROM claim_links "
            "WHERE from_claim IN (SELECT id FROM inscope) OR to_claim IN (SELECT id FROM inscope) "
            "ORDER BY id",
            scope,
        ):
            link = ClaimLink(*row)
            links[link.from_claim].append(link)
            if link.to_claim != link.from_claim:
                links[link.to_claim].append(link)
        rows = self._conn.execute(
            f"WITH {_SCOPE} SELECT c.id, c.annotation_id, c.claimant_id, c.summary, c.stance, "
            "c.status, c.reliability, c.credibility, c.claimed_on, c.created_at, c.modified_at, "
            "a.quote, a.note, a.document_id, a.start, a.\"end\", coalesce(e.name, '') "
            "FROM claims c JOIN annotations a ON a.id = c.annotation_id "
            "JOIN documents d ON d.id = a.document_id "
            "LEFT JOIN entities e ON e.id = c.claimant_id "
            "WHERE a.document_id IN (SELECT id FROM scope) "
            "ORDER BY coalesce(c.claimed_on, d.published, d.imported_at), d.id, a.start, c.id",
            scope,
        ).fetchall()
        records = []
        for row in rows:
            claim_id = int(row[0])
            claim = claim_from_row(row, tuple(subject_ids.get(claim_id, ())))
            records.append(
                ClaimRecord(
                    claim,
                    quote=row[11],
                    note=row[12],
                    document_id=row[13],
                    start=row[14],
                    end=row[15],
                    claimant=row[16],
                    subject_names=tuple(subjects.get(claim_id, ())),
                    links=tuple(links.get(claim_id, ())),
                )
            )
        return records

    def annotations(self, document_ids: Sequence[int]) -> list[AnnotationRecord]:
        """Annotations of the documents with their label and entity name, grouped by
        document and in text order inside each."""
        labels = {
            int(row[0]): Label(*row)
            for row in self._conn.execute(
                "SELECT id, key, name_en, name_ar, kind, color, icon, shortcut, position "
                "FROM labels"
            )
        }
        rows = self._conn.execute(
            f'WITH {_SCOPE} SELECT a.id, a.document_id, a.start, a."end", a.quote, a.prefix, '
            "a.suffix, a.label_id, a.entity_id, a.note, a.author, a.anchor, a.created_at, "
            "a.modified_at, coalesce(e.name, ''), d.title FROM annotations a "
            "JOIN documents d ON d.id = a.document_id "
            "LEFT JOIN entities e ON e.id = a.entity_id "
            "WHERE a.document_id IN (SELECT id FROM scope) ORDER BY a.document_id, a.start, "
            'a."end", a.id',
            [_ids(document_ids)],
        )
        return [
            AnnotationRecord(Annotation(*row[:14]), labels[int(row[7])], row[14], row[15])
            for row in rows
        ]

    def contradictions(self, document_ids: Sequence[int]) -> list[tuple[int, int]]:
        """(from claim, to claim) of every ``contradicts`` link whose both claims are in the
        documents, in link order — the same rule as the JSON export of chosen documents."""
        rows = self._conn.execute(
            f"WITH {_SCOPE}, inscope(id) AS (SELECT c.id FROM claims c JOIN annotations a "
            "ON a.id = c.annotation_id WHERE a.document_id IN (SELECT id FROM scope)) "
            "SELECT from_claim, to_claim FROM claim_links WHERE kind = 'contradicts' "
            "AND from_claim IN (SELECT id FROM inscope) AND to_claim IN (SELECT id FROM inscope) "
            "ORDER BY id",
            [_ids(document_ids)],
        )
        return [(int(a), int(b)) for a, b in rows]

    def entities(self, document_ids: Sequence[int]) -> list[EntityRecord]:
        """Entities that appear in the documents — mentioned, or claimant or subject of one of
        their claims — with mention and document counts inside the documents, most mentioned
        first. Entities of the registry that the documents never touch are left out."""
        scope = [_ids(document_ids)]
        aliases: dict[int, list[str]] = defaultdict(list)
        rows = self._conn.execute(
            f"WITH {_SCOPE}, "
            "mention(entity_id, document_id) AS (SELECT a.entity_id, a.document_id "
            "FROM annotations a WHERE a.entity_id IS NOT NULL "
            "AND a.document_id IN (SELECT id FROM scope)), "
            "involved(entity_id) AS ("
            "SELECT entity_id FROM mention "
            "UNION SELECT c.claimant_id FROM claims c JOIN annotations a "
            "ON a.id = c.annotation_id WHERE c.claimant_id IS NOT NULL "
            "AND a.document_id IN (SELECT id FROM scope) "
            "UNION SELECT s.entity_id FROM claim_subjects s JOIN claims c ON c.id = s.claim_id "
            "JOIN annotations a ON a.id = c.annotation_id "
            "WHERE a.document_id IN (SELECT id FROM scope)) "
            "SELECT e.id, e.name, e.type, e.description, "
            "(SELECT count(*) FROM mention m WHERE m.entity_id = e.id), "
            "(SELECT count(DISTINCT m.document_id) FROM mention m WHERE m.entity_id = e.id) "
            "FROM entities e WHERE e.id IN (SELECT entity_id FROM involved)",
            scope,
        ).fetchall()
        wanted = {int(row[0]) for row in rows}
        for entity_id, alias in self._conn.execute(
            "SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, id"
        ):
            if int(entity_id) in wanted:
                aliases[int(entity_id)].append(str(alias))
        records = [
            EntityRecord(
                id=int(row[0]),
                name=row[1],
                type=row[2],
                description=row[3],
                # The name itself is stored as the first alias; a report lists the others.
                aliases=tuple(a for a in aliases.get(int(row[0]), ()) if a != row[1]),
                mentions=int(row[4]),
                documents=int(row[5]),
            )
            for row in rows
        ]
        records.sort(key=lambda r: (-r.mentions, -r.documents, r.name))
        return records
