"""SQL for the statistical tagger (``desktop.learn``): its stored model and what it learns from.

The model is derived data, like the search index: it is not exported, not part of any undo
step, and a project without one is complete. Only the newest model of each kind is kept (the
entity tagger, ``"entity"``, and the claim classifier, ``"claim"``; migration 8); saving one
replaces the last of its kind in a single short transaction, so a training run in the
background never holds the write lock while it learns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.store.db import Database, utcnow

_INFO = "generation, trained_at, features, labels, counts"
MODEL_KINDS = ("entity", "claim")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The newest model without its bytes: enough to decide whether to train again.

    ``labels`` are the ``(id, key, name)`` of the labels it was trained on; ``counts`` what it
    learnt from (articles, tokens, tags per label, decisions …, and ``activity``: the entity
    tags and decisions the project had then)."""

    generation: int
    trained_at: str
    features: int
    labels: tuple[tuple[int, str, str], ...]
    counts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StoredModel:
    info: ModelInfo
    attributes: tuple[str, ...]
    model: bytes


@dataclass(frozen=True, slots=True)
class Activity:
    """How much the analyst has done that the tagger learns from, at ``at``: the counts, and
    the highest annotation and decision ids, so what comes later is told apart even within
    the same second."""

    entity_tags: int
    decisions: int
    last_annotation: int = 0
    last_decision: int = 0
    at: str = ""
    claim_tags: int = 0  # (a model stored before claims were learnt has none)


@dataclass(frozen=True, slots=True)
class Decision:
    document_id: int
    start: int
    end: int
    text: str
    decision: str  # accepted | rejected


def _info(row: tuple[Any, ...]) -> ModelInfo | None:
    """The row's description, or None when it is malformed (a file damaged or made by hand:
    its labels or counts not the JSON Hamish writes crashed ``suggest`` with a traceback) —
    the model is then used as if there were none, and the next training replaces it."""
    try:
        labels = tuple((int(i), str(k), str(n)) for i, k, n in json.loads(row[3]))
        counts = json.loads(row[4])
        if not isinstance(counts, dict):
            return None
        return ModelInfo(int(row[0]), str(row[1]), int(row[2]), labels, dict(counts))
    except (TypeError, ValueError, OverflowError):  # JSON, unpacking and int() all land here
        return None


class TaggerStore:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    # --- the model -----------------------------------------------------------------------
    def latest_info(self, kind: str = "entity") -> ModelInfo | None:
        row = self._conn.execute(
            f"SELECT {_INFO} FROM tagger_models WHERE kind = ? ORDER BY generation DESC LIMIT 1",
            [kind],
        ).fetchone()
        return None if row is None else _info(row)

    def latest(self, kind: str = "entity") -> StoredModel | None:
        row = self._conn.execute(
            f"SELECT {_INFO}, attributes, model FROM tagger_models WHERE kind = ? "
            "ORDER BY generation DESC LIMIT 1",
            [kind],
        ).fetchone()
        info = None if row is None else _info(row)
        if info is None or not isinstance(row[6], bytes):
            return None
        attributes = tuple(line for line in str(row[5]).split("\n") if line)
        return StoredModel(info, attributes, row[6])

    def save(
        self,
        *,
        trained_at: str,
        features: int,
        labels: list[tuple[int, str, str]],
        counts: dict[str, Any],
        attributes: list[str],
        model: bytes,
        kind: str = "entity",
    ) -> int:
        """Store a new model in place of the last one of its ``kind``; returns its
        generation (one sequence for both kinds)."""
        text = "\n".join(a for a in attributes if "\n" not in a)
        with self._database.transaction():
            generation = int(
                self._conn.execute(
                    "SELECT coalesce(max(generation), 0) + 1 FROM tagger_models"
                ).fetchone()[0]
            )
            self._conn.execute(
                "INSERT INTO tagger_models "
                "(generation, trained_at, features, labels, counts, attributes, model, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    generation,
                    trained_at,
                    features,
                    json.dumps(labels, ensure_ascii=False),
                    json.dumps(counts, ensure_ascii=False, sort_keys=True),
                    text,
                    model,
                    kind,
                ],
            )
            self._conn.execute(
                "DELETE FROM tagger_models WHERE kind = ? AND generation < ?", [kind, generation]
            )
        return generation

    def forget(self, kind: str | None = None) -> None:
        """Drop the stored models (every kind, or only ``kind``): the tagger starts from
        nothing again."""
        with self._database.transaction():
            if kind is None:
                self._conn.execute("DELETE FROM tagger_models")
            else:
                self._conn.execute("DELETE FROM tagger_models WHERE kind = ?", [kind])

    # --- what it learns from -------------------------------------------------------------
    def activity(self) -> Activity:
        tags, last_annotation = self._conn.execute(
            "SELECT count(*), (SELECT coalesce(max(id), 0) FROM annotations) "
            "FROM annotations a JOIN labels l ON l.id = a.label_id WHERE l.kind = 'entity'"
        ).fetchone()
        decisions, last_decision = self._conn.execute(
            "SELECT count(*), (SELECT coalesce(max(id), 0) FROM decisions) "
            "FROM decisions WHERE kind = 'suggestion'"
        ).fetchone()
        claims = self._conn.execute(
            "SELECT count(*) FROM annotations a JOIN labels l ON l.id = a.label_id "
            "WHERE l.kind = 'claim'"
        ).fetchone()[0]
        return Activity(
            int(tags),
            int(decisions),
            int(last_annotation),
            int(last_decision),
            utcnow(),
            int(claims),
        )

    def changed_since(self, then: Activity) -> tuple[int, int]:
        """``(new, changed)``: entity and claim tags and suggestion decisions made since
        ``then`` (a higher id), and older ones changed in a later second."""
        new_tags, changed_tags = self._conn.execute(
            "SELECT coalesce(sum(a.id > ?), 0), coalesce(sum(a.id <= ? AND a.modified_at > ?), 0) "
            "FROM annotations a JOIN labels l ON l.id = a.label_id "
            "WHERE l.kind IN ('entity', 'claim')",
            [then.last_annotation, then.last_annotation, then.at],
        ).fetchone()
        new_decisions, changed_decisions = self._conn.execute(
            "SELECT coalesce(sum(id > ?), 0), coalesce(sum(id <= ? AND decided_at > ?), 0) "
            "FROM decisions WHERE kind = 'suggestion'",
            [then.last_decision, then.last_decision, then.at],
        ).fetchone()
        return int(new_tags) + int(new_decisions), int(changed_tags) + int(changed_decisions)

    def tagged_documents(self) -> list[int]:
        """Articles with at least one entity tag, by id."""
        rows = self._conn.execute(
            "SELECT DISTINCT a.document_id FROM annotations a JOIN labels l ON l.id = a.label_id "
            "WHERE l.kind = 'entity' ORDER BY a.document_id"
        )
        return [int(r[0]) for r in rows]

    def entity_spans(self, document_id: int) -> list[tuple[int, int, int]]:
        """``(start, end, label id)`` of the entity tags of one article, anchored ones only
        (an orphaned tag no longer sits on its words)."""
        rows = self._conn.execute(
            'SELECT a.start, a."end", a.label_id FROM annotations a '
            "JOIN labels l ON l.id = a.label_id "
            "WHERE a.document_id = ? AND l.kind = 'entity' AND a.anchor != 'orphaned' "
            'ORDER BY a.start, a."end"',
            [document_id],
        )
        return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]

    def decisions(self, decision: str | None = None) -> list[Decision]:
        """The analyst's decisions on suggestions (all, or only ``accepted``/``rejected``)."""
        where = "kind = 'suggestion'" + ("" if decision is None else " AND decision = ?")
        rows = self._conn.execute(
            f'SELECT document_id, start, "end", text, decision FROM decisions WHERE {where} '
            'ORDER BY document_id, start, "end"',
            [] if decision is None else [decision],
        )
        return [Decision(int(r[0]), int(r[1]), int(r[2]), str(r[3]), str(r[4])) for r in rows]

    def entity_documents(self) -> dict[int, set[int]]:
        """Entity id → the articles where a tag names it."""
        found: dict[int, set[int]] = {}
        for entity, document in self._conn.execute(
            "SELECT DISTINCT entity_id, document_id FROM annotations WHERE entity_id IS NOT NULL"
        ):
            found.setdefault(int(entity), set()).add(int(document))
        return found

    def claimed_documents(self) -> list[int]:
        """Articles with at least one claim tag, by id."""
        rows = self._conn.execute(
            "SELECT DISTINCT a.document_id FROM annotations a JOIN labels l ON l.id = a.label_id "
            "WHERE l.kind = 'claim' ORDER BY a.document_id"
        )
        return [int(r[0]) for r in rows]

    def claim_spans(self, document_id: int) -> list[tuple[int, int, str | None]]:
        """``(start, end, claimant type)`` of the claim tags of one article, anchored ones
        only; the type of the claimant entity when the claim names one."""
        rows = self._conn.execute(
            'SELECT a.start, a."end", e.type FROM annotations a '
            "JOIN labels l ON l.id = a.label_id "
            "LEFT JOIN claims c ON c.annotation_id = a.id "
            "LEFT JOIN entities e ON e.id = c.claimant_id "
            "WHERE a.document_id = ? AND l.kind = 'claim' AND a.anchor != 'orphaned' "
            'ORDER BY a.start, a."end"',
            [document_id],
        )
        return [(int(r[0]), int(r[1]), None if r[2] is None else str(r[2])) for r in rows]

    def claimant_documents(self) -> dict[int, set[int]]:
        """Entity id → the articles where a claim names it as its claimant."""
        found: dict[int, set[int]] = {}
        for entity, document in self._conn.execute(
            "SELECT DISTINCT c.claimant_id, a.document_id FROM claims c "
            "JOIN annotations a ON a.id = c.annotation_id WHERE c.claimant_id IS NOT NULL"
        ):
            found.setdefault(int(entity), set()).add(int(document))
        return found
