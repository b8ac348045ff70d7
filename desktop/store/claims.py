"""SQL for claims, their subject entities and the links between claims."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from desktop.core.errors import HamishError, NotFound
from desktop.core.models import CLAIM_STATUSES
from desktop.core.records import Claim, ClaimLink, ClaimRow
from desktop.store.db import Database, utcnow

_COLUMNS = (
    "c.id, c.annotation_id, c.claimant_id, c.summary, c.stance, c.status, c.reliability, "
    "c.credibility, c.claimed_on, c.created_at, c.modified_at"
)
EDITABLE = {
    "claimant_id",
    "summary",
    "stance",
    "status",
    "reliability",
    "credibility",
    "claimed_on",
}
STANCES = ("asserts", "denies")
STATUSES = CLAIM_STATUSES
RELIABILITY = ("A", "B", "C", "D", "E", "F")
LINK_KINDS = ("supports", "contradicts", "repeats")


class TimelineSource(NamedTuple):
    """What the claim timeline is computed from, read in four queries: every claim row, the
    publication date of each article with a claim, the names of every claimant and subject,
    and every link between claims."""

    rows: list[ClaimRow]
    published: dict[int, str | None]
    names: dict[int, str]
    links: list[ClaimLink]


@dataclass(frozen=True, slots=True)
class ClaimSnapshot:
    claim: Claim
    links: tuple[ClaimLink, ...]


def claim_from_row(row: Any, subjects: tuple[int, ...]) -> Claim:
    """A ``Claim`` from the eleven claim columns (``_COLUMNS`` order) and its subjects."""
    return Claim(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        subjects,
        row[9],
        row[10],
    )


class ClaimStore:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    def _claim(self, row: Any, subjects: tuple[int, ...] | None = None) -> Claim:
        if subjects is None:
            subjects = tuple(
                int(r[0])
                for r in self._conn.execute(
                    "SELECT entity_id FROM claim_subjects WHERE claim_id = ? ORDER BY entity_id",
                    [row[0]],
                )
            )
        return claim_from_row(row, subjects)

    def get(self, claim_id: int) -> Claim:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM claims c WHERE c.id = ?", [claim_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no claim {claim_id} in this project.")
        return self._claim(row)

    def for_annotation(self, annotation_id: int) -> Claim | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM claims c WHERE c.annotation_id = ?", [annotation_id]
        ).fetchone()
        return None if row is None else self._claim(row)

    def links(self, claim_id: int) -> list[ClaimLink]:
        rows = self._conn.execute(
            "SELECT id, from_claim, to_claim, kind FROM claim_links "
            "WHERE from_claim = ? OR to_claim = ? ORDER BY id",
            [claim_id, claim_id],
        )
        return [ClaimLink(*row) for row in rows]

    def rows(
        self,
        *,
        claimant_id: int | None = None,
        status: str | None = None,
        reliability: str | None = None,
        document_id: int | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        claim_ids: Sequence[int] | None = None,
        document_ids: Sequence[int] | None = None,
    ) -> list[ClaimRow]:
        """The Claims table: every claim with its passage, document and claimant. With
        ``claim_ids`` or ``document_ids``, only those claims and the claims of those articles
        (what one edit touched: the timeline reads them again)."""
        where: list[str] = []
        params: list[object] = []
        some = claim_ids is not None or document_ids is not None
        if some:
            where.append(
                "(c.id IN (SELECT value FROM json_each(?)) "
                "OR a.document_id IN (SELECT value FROM json_each(?)))"
            )
            params += [
                json.dumps(sorted(set(claim_ids or ()))),
                json.dumps(sorted(set(document_ids or ()))),
            ]
        for column, value in (
            ("c.claimant_id", claimant_id),
            ("c.status", status),
            ("c.reliability", reliability),
            ("a.document_id", document_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        date = "coalesce(c.claimed_on, d.published)"
        if date_from:
            where.append(f"{date} >= ?")
            params.append(date_from)
        if date_to:
            where.append(f"{date} <= ?")
            params.append(date_to)
        sql = (
            f'SELECT {_COLUMNS}, a.quote, a.document_id, d.title, a.start, a."end", '
            "coalesce(e.name, ''), d.published "
            "FROM claims c JOIN annotations a ON a.id = c.annotation_id "
            "JOIN documents d ON d.id = a.document_id "
            "LEFT JOIN entities e ON e.id = c.claimant_id "
            + (f"WHERE {' AND '.join(where)} " if where else "")
            + "ORDER BY coalesce(c.claimed_on, d.published, d.imported_at), d.id, a.start"
        )
        found = self._conn.execute(sql, params).fetchall()
        # Subjects of every claim in one query, not one query per row.
        subjects: dict[int, list[int]] = {}
        for claim_id, entity_id in self._conn.execute(
            "SELECT claim_id, entity_id FROM claim_subjects "
            + ("WHERE claim_id IN (SELECT value FROM json_each(?)) " if some else "")
            + "ORDER BY claim_id, entity_id",
            [json.dumps([int(row[0]) for row in found])] if some else [],
        ):
            subjects.setdefault(int(claim_id), []).append(int(entity_id))
        return [
            ClaimRow(
                self._claim(row[:11], tuple(subjects.get(int(row[0]), ()))),
                row[11],
                row[12],
                row[13],
                row[14],
                row[15],
                row[16],
                row[17],
            )
            for row in found
        ]

    def all_links(self) -> list[ClaimLink]:
        rows = self._conn.execute(
            "SELECT id, from_claim, to_claim, kind FROM claim_links ORDER BY id"
        )
        return [ClaimLink(*row) for row in rows]

    def timeline_source(self) -> TimelineSource:
        """Everything the claim timeline (``desktop.analysis.timeline``) needs."""
        rows = self.rows()
        published = {
            int(doc_id): value
            for doc_id, value in self._conn.execute(
                "SELECT d.id, d.published FROM documents d WHERE d.id IN "
                "(SELECT a.document_id FROM claims c JOIN annotations a ON a.id = c.annotation_id)"
            )
        }
        names = {
            int(entity_id): str(name)
            for entity_id, name in self._conn.execute(
                "SELECT e.id, e.name FROM entities e WHERE e.id IN "
                "(SELECT claimant_id FROM claims UNION SELECT entity_id FROM claim_subjects)"
            )
        }
        return TimelineSource(rows, published, names, self.all_links())

    def article_heads(self, document_ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
        """The title and publication date of those of ``document_ids`` that exist."""
        return {
            int(doc_id): (str(title), published)
            for doc_id, title, published in self._conn.execute(
                "SELECT id, title, published FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(set(document_ids)))],
            )
        }

    def timeline_part(
        self, claim_ids: Sequence[int], document_ids: Sequence[int] = ()
    ) -> TimelineSource:
        """What the timeline needs of the claims ``claim_ids`` and of every claim in the
        articles ``document_ids`` (a claim no longer in the project is simply not there): their
        rows, their articles' dates, their entities' names and the links touching them."""
        rows = self.rows(claim_ids=claim_ids, document_ids=document_ids)
        documents = json.dumps(sorted({row.document_id for row in rows} | set(document_ids)))
        published = {
            int(doc_id): value
            for doc_id, value in self._conn.execute(
                "SELECT id, published FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                [documents],
            )
        }
        entities = {row.claim.claimant_id for row in rows if row.claim.claimant_id is not None}
        entities.update(e for row in rows for e in row.claim.subjects)
        names = {
            int(entity_id): str(name)
            for entity_id, name in self._conn.execute(
                "SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(entities))],
            )
        }
        touched = json.dumps(sorted({*claim_ids, *(row.claim.id for row in rows)}))
        links = [
            ClaimLink(*row)
            for row in self._conn.execute(
                "SELECT id, from_claim, to_claim, kind FROM claim_links "
                "WHERE from_claim IN (SELECT value FROM json_each(?)) "
                "OR to_claim IN (SELECT value FROM json_each(?)) ORDER BY id",
                [touched, touched],
            )
        ]
        return TimelineSource(rows, published, names, links)

    def snapshot(self, claim_id: int) -> ClaimSnapshot:
        return ClaimSnapshot(self.get(claim_id), tuple(self.links(claim_id)))

    def update(self, claim_id: int, **fields: Any) -> ClaimSnapshot:
        """Edit fields (and ``subjects``); returns the snapshot from before, for undo."""
        subjects = fields.pop("subjects", None)
        unknown = set(fields) - EDITABLE
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        self._validate(fields)
        before = self.snapshot(claim_id)
        with self._database.transaction():
            if fields:
                values = {**fields, "modified_at": utcnow()}
                sets = ", ".join(f"{key} = ?" for key in values)
                self._conn.execute(
                    f"UPDATE claims SET {sets} WHERE id = ?", [*values.values(), claim_id]
                )
            if subjects is not None:
                self._conn.execute("DELETE FROM claim_subjects WHERE claim_id = ?", [claim_id])
                self._conn.executemany(
                    "INSERT OR IGNORE INTO claim_subjects (claim_id, entity_id) VALUES (?, ?)",
                    [(claim_id, entity_id) for entity_id in subjects],
                )
        return before

    @staticmethod
    def _validate(fields: dict[str, Any]) -> None:
        checks = (
            ("stance", STANCES, "Stance must be asserts or denies."),
            ("status", STATUSES, "Status must be unverified, corroborated, contested or refuted."),
            ("reliability", (*RELIABILITY, None), "Source reliability is a letter A–F."),
            ("credibility", (1, 2, 3, 4, 5, 6, None), "Credibility is a number 1–6."),
        )
        for key, allowed, message in checks:
            if key in fields and fields[key] not in allowed:
                raise HamishError(message)

    def restore(self, snapshot: ClaimSnapshot) -> None:
        claim = snapshot.claim
        with self._database.transaction():
            self._conn.execute(
                "UPDATE claims SET claimant_id = ?, summary = ?, stance = ?, status = ?, "
                "reliability = ?, credibility = ?, claimed_on = ?, modified_at = ? WHERE id = ?",
                [
                    claim.claimant_id,
                    claim.summary,
                    claim.stance,
                    claim.status,
                    claim.reliability,
                    claim.credibility,
                    claim.claimed_on,
                    claim.modified_at,
                    claim.id,
                ],
            )
            self._conn.execute("DELETE FROM claim_subjects WHERE claim_id = ?", [claim.id])
            self._conn.executemany(
                "INSERT INTO claim_subjects (claim_id, entity_id) VALUES (?, ?)",
                [(claim.id, entity_id) for entity_id in claim.subjects],
            )
            self._conn.execute(
                "DELETE FROM claim_links WHERE from_claim = ? OR to_claim = ?", [claim.id, claim.id]
            )
            self._conn.executemany(
                "INSERT OR IGNORE INTO claim_links (id, from_claim, to_claim, kind) "
                "VALUES (?, ?, ?, ?)",
                [(link.id, link.from_claim, link.to_claim, link.kind) for link in snapshot.links],
            )

    def add_link(self, from_claim: int, to_claim: int, kind: str) -> int:
        if kind not in LINK_KINDS:
            raise HamishError("A link is supports, contradicts or repeats.")
        if from_claim == to_claim:
            raise HamishError("A claim cannot be linked to itself.")
        with self._database.transaction():
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO claim_links (from_claim, to_claim, kind) VALUES (?, ?, ?)",
                [from_claim, to_claim, kind],
            )
            if not cursor.rowcount:
                raise HamishError("These claims are already linked that way.")
            return int(cursor.lastrowid or 0)

    def remove_link(self, link_id: int) -> ClaimLink:
        row = self._conn.execute(
            "SELECT id, from_claim, to_claim, kind FROM claim_links WHERE id = ?", [link_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no claim link {link_id}.")
        with self._database.transaction():
            self._conn.execute("DELETE FROM claim_links WHERE id = ?", [link_id])
        return ClaimLink(*row)

    def restore_link(self, link: ClaimLink) -> None:
        with self._database.transaction():
            self._conn.execute(
                "INSERT OR IGNORE INTO claim_links (id, from_claim, to_claim, kind) "
                "VALUES (?, ?, ?, ?)",
                [link.id, link.from_claim, link.to_claim, link.kind],
            )
