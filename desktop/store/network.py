"""Reads for the entity network (desktop/analysis/network.py): per article, the entity mentions
with their offsets and the text to find their sentences in; the entities' names and types; the
claims as claimant → subject pairs.

One query per kind of row for any number of articles (the ids passed as one JSON array), so
recomputing the articles one edit touched costs a query, not one per article. Reading only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.store.db import Database

_SCOPE = "scope(id) AS (SELECT value FROM json_each(?))"
_BATCH = 200
"""Articles whose texts are read at once: a corpus of long articles is not held in memory
whole while the network is built."""


@dataclass(frozen=True, slots=True)
class MentionRow:
    annotation_id: int
    entity_id: int
    start: int
    end: int
    orphaned: bool


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article as the network needs it."""

    id: int
    title: str
    published: str | None
    text: str
    mentions: tuple[MentionRow, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim: its article and passage, its claimant, its subjects, and the entities
    mentioned inside its passage (what it links when it names no subject)."""

    id: int
    document_id: int
    start: int
    end: int
    claimant_id: int | None
    subject_ids: tuple[int, ...]


class NetworkReads:
    def __init__(self, database: Database) -> None:
        self._conn = database.conn

    def article_ids(self) -> list[int]:
        return [int(r[0]) for r in self._conn.execute("SELECT id FROM documents ORDER BY id")]

    def articles(self, ids: Sequence[int]) -> Iterator[ArticleRows]:
        """The articles ``ids`` that exist (in id order), a batch at a time. An article
        without any mention linked to an entity comes without its text (nothing to find)."""
        wanted = sorted(set(ids))
        for at in range(0, len(wanted), _BATCH):
            scope = json.dumps(wanted[at : at + _BATCH])
            mentions: dict[int, list[MentionRow]] = {}
            for row in self._conn.execute(
                f'WITH {_SCOPE} SELECT a.document_id, a.id, a.entity_id, a.start, a."end", '
                "a.anchor FROM annotations a JOIN scope s ON s.id = a.document_id "
                "WHERE a.entity_id IS NOT NULL ORDER BY a.document_id, a.start, a.id",
                [scope],
            ):
                mentions.setdefault(int(row[0]), []).append(
                    MentionRow(
                        int(row[1]), int(row[2]), int(row[3]), int(row[4]), row[5] == "orphaned"
                    )
                )
            for row in self._conn.execute(
                f"WITH {_SCOPE} SELECT d.id, d.title, d.published, "
                "CASE WHEN EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id "
                "AND a.entity_id IS NOT NULL) THEN d.text ELSE '' END "
                "FROM documents d JOIN scope s ON s.id = d.id ORDER BY d.id",
                [scope],
            ):
                doc_id = int(row[0])
                yield ArticleRows(
                    doc_id,
                    str(row[1]),
                    None if row[2] is None else str(row[2]),
                    str(row[3]),
                    tuple(mentions.get(doc_id, ())),
                )

    def entities(self) -> list[EntityRow]:
        return [
            EntityRow(int(r[0]), str(r[1]), str(r[2]))
            for r in self._conn.execute("SELECT id, name, type FROM entities ORDER BY id")
        ]

    def claims(self) -> list[ClaimRow]:
        """Every claim with a claimant, with its subjects (or, when it names none, the
        entities mentioned inside its passage other than the claimant)."""
        subjects: dict[int, list[int]] = {}
        for claim_id, entity_id in self._conn.execute(
            "SELECT claim_id, entity_id FROM claim_subjects ORDER BY claim_id, entity_id"
        ):
            subjects.setdefault(int(claim_id), []).append(int(entity_id))
        inside: dict[int, list[int]] = {}
        for claim_id, entity_id in self._conn.execute(
            "SELECT DISTINCT c.id, m.entity_id FROM claims c "
            "JOIN annotations a ON a.id = c.annotation_id "
            "JOIN annotations m ON m.document_id = a.document_id AND m.start >= a.start "
            'AND m."end" <= a."end" AND m.entity_id IS NOT NULL AND m.id != a.id '
            "WHERE c.claimant_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM claim_subjects s WHERE s.claim_id = c.id) "
            "ORDER BY c.id, m.entity_id"
        ):
            inside.setdefault(int(claim_id), []).append(int(entity_id))
        rows = self._conn.execute(
            'SELECT c.id, a.document_id, a.start, a."end", c.claimant_id FROM claims c '
            "JOIN annotations a ON a.id = c.annotation_id "
            "WHERE c.claimant_id IS NOT NULL ORDER BY c.id"
        )
        found: list[ClaimRow] = []
        for claim_id, document_id, start, end, claimant in rows:
            cid, who = int(claim_id), int(claimant)
            named = subjects.get(cid) or [e for e in inside.get(cid, ()) if e != who]
            found.append(ClaimRow(cid, int(document_id), int(start), int(end), who, tuple(named)))
        return found
