"""SQL for labels."""

from __future__ import annotations

from desktop.core.errors import HamishError, NotFound
from desktop.core.models import Label
from desktop.store.db import Database

_COLUMNS = "id, key, name_en, name_ar, kind, color, icon, shortcut, position"


class LabelStore:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    def all(self) -> list[Label]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM labels ORDER BY position, id")
        return [Label(*row) for row in rows]

    def get(self, label_id: int) -> Label:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM labels WHERE id = ?", [label_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no label {label_id} in this project.")
        return Label(*row)

    def by_key(self, key: str) -> Label | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM labels WHERE key = ?", [key]).fetchone()
        return None if row is None else Label(*row)

    def add(
        self,
        *,
        name_en: str,
        name_ar: str,
        kind: str,
        color: str,
        icon: str = "mdi6.tag-outline",
        shortcut: str = "",
        key: str = "",
        label_id: int | None = None,
        position: int | None = None,
    ) -> int:
        if not (name_en.strip() or name_ar.strip()):
            raise HamishError("A label needs a name.")
        with self._database.transaction():
            if position is None:
                position = int(
                    self._conn.execute(
                        "SELECT coalesce(max(position), 0) + 1 FROM labels"
                    ).fetchone()[0]
                )
            base = key or (name_en or name_ar).strip().lower().replace(" ", "-")
            candidate, n = base, 1
            while self.by_key(candidate) is not None:
                n += 1
                candidate = f"{base}-{n}"
            if shortcut:
                self._release_shortcut(shortcut)
            record = {
                "key": candidate,
                "name_en": name_en.strip() or name_ar.strip(),
                "name_ar": name_ar.strip() or name_en.strip(),
                "kind": kind,
                "color": color,
                "icon": icon,
                "shortcut": shortcut,
                "position": position,
            }
            if label_id is not None:
                record["id"] = label_id
            table = self._database.db.table("labels")
            table.insert(record)
            return int(table.last_rowid or 0)

    def _release_shortcut(self, shortcut: str, keep: int | None = None) -> None:
        """A digit belongs to one label at a time: giving it to a label takes it from another."""
        self._conn.execute(
            "UPDATE labels SET shortcut = '' WHERE shortcut = ? AND id IS NOT ?", [shortcut, keep]
        )

    def update(self, label_id: int, **fields: str) -> Label:
        """Change name, colour, icon or shortcut; returns the label as it was (for undo)."""
        allowed = {"name_en", "name_ar", "color", "icon", "shortcut"}
        if set(fields) - allowed:
            raise ValueError(f"not editable: {sorted(set(fields) - allowed)}")
        before = self.get(label_id)
        with self._database.transaction():
            if fields.get("shortcut"):
                self._release_shortcut(fields["shortcut"], keep=label_id)
            if fields:
                self._database.db.table("labels").update(label_id, fields)
        return before

    def set_shortcut(self, label_id: int, shortcut: str) -> None:
        """Set exactly (used by undo to put a shortcut back where it was)."""
        self._conn.execute("UPDATE labels SET shortcut = ? WHERE id = ?", [shortcut, label_id])

    def usage(self, label_id: int) -> int:
        return int(
            self._conn.execute(
                "SELECT count(*) FROM annotations WHERE label_id = ?", [label_id]
            ).fetchone()[0]
        )

    def restore(self, label: Label) -> None:
        """Put a removed label back with its id, key and position."""
        with self._database.transaction():
            self._conn.execute(
                f"INSERT INTO labels ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    label.id,
                    label.key,
                    label.name_en,
                    label.name_ar,
                    label.kind,
                    label.color,
                    label.icon,
                    label.shortcut,
                    label.position,
                ],
            )

    def delete_row(self, label_id: int) -> None:
        self._conn.execute("DELETE FROM labels WHERE id = ?", [label_id])
