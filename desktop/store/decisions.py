"""The analyst's decisions on suggestions and offered mentions, so a rejected candidate is
never offered again (and an accepted one is not offered twice)."""

from __future__ import annotations

from desktop.store.db import Database, utcnow


class DecisionStore:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    def record(
        self, document_id: int, kind: str, start: int, end: int, text: str, decision: str
    ) -> int:
        with self._database.transaction():
            self._conn.execute(
                "INSERT INTO decisions "
                '(document_id, kind, start, "end", text, decision, decided_at) '
                'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, kind, start, "end", text) '
                "DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at",
                [document_id, kind, start, end, text, decision, utcnow()],
            )
            row = self._conn.execute(
                "SELECT id FROM decisions WHERE document_id = ? AND kind = ? AND start = ? "
                'AND "end" = ? AND text = ?',
                [document_id, kind, start, end, text],
            ).fetchone()
        return int(row[0])

    def previous(
        self, document_id: int, kind: str, start: int, end: int, text: str
    ) -> tuple[str, str] | None:
        """(decision, decided_at) already recorded for this candidate, if any: ``record``
        overwrites it, and undo must put it back rather than forget the candidate."""
        row = self._conn.execute(
            "SELECT decision, decided_at FROM decisions WHERE document_id = ? AND kind = ? "
            'AND start = ? AND "end" = ? AND text = ?',
            [document_id, kind, start, end, text],
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def revert(self, decision_id: int, previous: tuple[str, str] | None) -> None:
        """Undo one ``record``: back to the earlier decision, or none."""
        if previous is None:
            self.forget(decision_id)
            return
        with self._database.transaction():
            self._conn.execute(
                "UPDATE decisions SET decision = ?, decided_at = ? WHERE id = ?",
                [*previous, decision_id],
            )

    def forget(self, decision_id: int) -> None:
        with self._database.transaction():
            self._conn.execute("DELETE FROM decisions WHERE id = ?", [decision_id])

    def decided(self, document_id: int, kind: str) -> set[tuple[int, int, str]]:
        """(start, end, text) of every decided candidate of one kind in a document."""
        rows = self._conn.execute(
            'SELECT start, "end", text FROM decisions WHERE document_id = ? AND kind = ?',
            [document_id, kind],
        )
        return {(int(r[0]), int(r[1]), str(r[2])) for r in rows}

    def all_decided(self, kind: str) -> dict[int, set[tuple[int, int, str]]]:
        result: dict[int, set[tuple[int, int, str]]] = {}
        for doc, start, end, text in self._conn.execute(
            'SELECT document_id, start, "end", text FROM decisions WHERE kind = ?', [kind]
        ):
            result.setdefault(int(doc), set()).add((int(start), int(end), str(text)))
        return result
