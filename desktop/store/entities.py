"""SQL for entities and their aliases. Look-ups go through folded names (core.arabic.fold), so
``أوباما`` and ``اوباما`` are one alias."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.arabic import fold_words
from desktop.core.controls import visible
from desktop.core.errors import HamishError, NotFound
from desktop.core.models import ENTITY_TYPES
from desktop.core.records import Entity, EntitySummary
from desktop.core.values import name_problem, require
from desktop.store.db import Database, utcnow

_COLUMNS = "id, name, type, description, notes, created_at, modified_at"


def folded(name: str) -> str:
    """The key ``name_norm``/``alias_norm`` store: the same as alias matching uses."""
    return fold_words(name)


@dataclass(frozen=True, slots=True)
class EntitySnapshot:
    """An entity row with its aliases, for undo."""

    row: tuple[Any, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge did, so undo can put every mention and alias back.

    A claim's subjects are a set: where a claim named both entities, the merge could not
    re-point the removed one's row (it would duplicate the kept one) and it went with the
    removed entity. ``moved_subjects`` are the claims whose row was re-pointed (undo points
    it back), ``dropped_subjects`` those whose row was dropped (undo adds it again)."""

    kept: EntitySnapshot
    removed: EntitySnapshot
    moved_annotations: tuple[int, ...]
    moved_claimants: tuple[int, ...]
    moved_subjects: tuple[int, ...]
    dropped_subjects: tuple[int, ...] = ()


class EntityStore:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn

    # --- reading -------------------------------------------------------------------------
    def _aliases(self, entity_id: int) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY id", [entity_id]
        )
        return tuple(row[0] for row in rows)

    def get(self, entity_id: int) -> Entity:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no entity {entity_id} in this project.")
        return Entity(
            row[0], row[1], row[2], row[3], row[4], self._aliases(entity_id), row[5], row[6]
        )

    def exists(self, entity_id: int) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM entities WHERE id = ?", [entity_id]).fetchone()
            is not None
        )

    def summaries(self, *, type_: str | None = None, name: str = "") -> list[EntitySummary]:
        """Entities with mention and document counts, most mentioned first."""
        where, params = [], []
        if type_:
            where.append("e.type = ?")
            params.append(type_)
        needle = folded(name)
        if needle:
            where.append(
                "(e.name_norm LIKE ? OR EXISTS (SELECT 1 FROM entity_aliases x "
                "WHERE x.entity_id = e.id AND x.alias_norm LIKE ?))"
            )
            params += [f"%{needle}%", f"%{needle}%"]
        sql = (
            "SELECT e.id, e.name, e.type, "
            "(SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity_id = e.id), "
            "count(a.id), count(DISTINCT a.document_id) "
            "FROM entities e LEFT JOIN annotations a ON a.entity_id = e.id "
            + (f"WHERE {' AND '.join(where)} " if where else "")
            + "GROUP BY e.id ORDER BY count(a.id) DESC, e.name"
        )
        return [
            EntitySummary(
                row[0],
                row[1],
                row[2],
                tuple(row[3].split("\x1f")) if row[3] else (),
                row[4],
                row[5],
            )
            for row in self._conn.execute(sql, params)
        ]

    def lookup(self, text: str, *, type_: str | None = None, limit: int = 12) -> list[Entity]:
        """Autocomplete: exact folded alias or name first, then prefix, then substring."""
        needle = folded(text)
        if not needle:
            return []
        type_sql = " AND e.type = ?" if type_ else ""
        params: list[Any] = [
            needle,
            needle,
            f"{needle}%",
            f"{needle}%",
            f"%{needle}%",
            f"%{needle}%",
        ]
        rows = self._conn.execute(
            "SELECT e.id, min(CASE "
            "  WHEN e.name_norm = ? OR x.alias_norm = ? THEN 0 "
            "  WHEN e.name_norm LIKE ? OR x.alias_norm LIKE ? THEN 1 ELSE 2 END) AS rank "
            "FROM entities e LEFT JOIN entity_aliases x ON x.entity_id = e.id "
            "WHERE (e.name_norm LIKE ? OR x.alias_norm LIKE ?)" + type_sql + " "
            "GROUP BY e.id ORDER BY rank, "
            "(SELECT count(*) FROM annotations a WHERE a.entity_id = e.id) DESC, e.name LIMIT ?",
            [*params, *([type_] if type_ else []), limit],
        ).fetchall()
        return [self.get(row[0]) for row in rows]

    def exact(self, text: str, type_: str | None = None) -> list[Entity]:
        """Entities whose name or an alias folds to exactly ``text``: most mentioned first,
        then by name (the order :meth:`lookup` gives its exact matches), at most 50.

        Runs on every entity tag, so it is one indexed equality query (``entities_name_norm``,
        ``entity_aliases_norm``) rather than the substring scan of :meth:`lookup`."""
        needle = folded(text)
        if not needle:
            return []
        type_sql = " AND e.type = ?" if type_ else ""
        rows = self._conn.execute(
            "SELECT e.id FROM entities e WHERE e.id IN ("
            "  SELECT id FROM entities WHERE name_norm = ?"
            "  UNION SELECT entity_id FROM entity_aliases WHERE alias_norm = ?)" + type_sql + " "
            "ORDER BY (SELECT count(*) FROM annotations a WHERE a.entity_id = e.id) DESC, "
            "e.name, e.id LIMIT 50",
            [needle, needle, *([type_] if type_ else [])],
        ).fetchall()
        return [self.get(row[0]) for row in rows]

    def all_aliases(self) -> list[tuple[int, str, str]]:
        """(entity id, entity type, alias) for every alias and name: input for matching."""
        rows = self._conn.execute(
            "SELECT e.id, e.type, e.name FROM entities e "
            "UNION SELECT x.entity_id, e.type, x.alias FROM entity_aliases x "
            "JOIN entities e ON e.id = x.entity_id"
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def own_label_keys(self) -> dict[int, str]:
        """Entities of type "other" → the key of the entity label their mentions use most (a
        label of the analyst's own, such as Weapon): what the registry suggests them as. An
        entity without such mentions is left out (there is no label to suggest it with)."""
        rows = self._conn.execute(
            "SELECT a.entity_id, l.key, count(*) AS n FROM annotations a "
            "JOIN entities e ON e.id = a.entity_id JOIN labels l ON l.id = a.label_id "
            "WHERE e.type = 'other' AND l.kind = 'entity' "
            "GROUP BY a.entity_id, l.key ORDER BY a.entity_id, n DESC, l.key"
        )
        keys: dict[int, str] = {}
        for entity_id, key, _count in rows:
            keys.setdefault(int(entity_id), str(key))
        return keys

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM entities").fetchone()[0])

    # --- writing -------------------------------------------------------------------------
    def add(
        self,
        name: str,
        type_: str,
        *,
        aliases: tuple[str, ...] = (),
        description: str = "",
        notes: str = "",
    ) -> int:
        name = " ".join(name.split())
        if not name:
            raise HamishError("An entity needs a name.")
        if not visible(name):
            raise HamishError(
                "An entity's name cannot be only invisible characters (spaces, direction "
                "marks, joiners)."
            )
        require("The entity's name", name_problem(name))
        if type_ not in ENTITY_TYPES:
            raise HamishError(f"Unknown entity type {type_!r}.")
        now = utcnow()
        with self._database.transaction():
            cursor = self._conn.execute(
                "INSERT INTO entities (name, name_norm, type, description, notes, created_at, "
                "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [name, folded(name), type_, description, notes, now, now],
            )
            entity_id = int(cursor.lastrowid or 0)
            self.set_aliases(entity_id, (name, *aliases))
        return entity_id

    def set_aliases(self, entity_id: int, aliases: tuple[str, ...]) -> None:
        """Replace the alias list (kept in the given order, duplicates by folding dropped)."""
        with self._database.transaction():
            self._conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", [entity_id])
            seen: set[str] = set()
            for alias in aliases:
                alias = " ".join(alias.split())
                key = folded(alias)
                if not alias or key in seen:
                    continue
                seen.add(key)
                self._conn.execute(
                    "INSERT INTO entity_aliases (entity_id, alias, alias_norm) VALUES (?, ?, ?)",
                    [entity_id, alias, key],
                )

    def add_alias(self, entity_id: int, alias: str) -> bool:
        entity = self.get(entity_id)
        if folded(alias) in {folded(a) for a in entity.aliases}:
            return False
        self.set_aliases(entity_id, (*entity.aliases, alias))
        return True

    def update(self, entity_id: int, **fields: str) -> EntitySnapshot:
        allowed = {"name", "type", "description", "notes"}
        if set(fields) - allowed:
            raise ValueError(f"not editable: {sorted(set(fields) - allowed)}")
        if "type" in fields and fields["type"] not in ENTITY_TYPES:
            raise HamishError(f"Unknown entity type {fields['type']!r}.")
        before = self.snapshot(entity_id)
        with self._database.transaction():
            values: dict[str, Any] = {**fields, "modified_at": utcnow()}
            if "name" in fields:
                values["name"] = " ".join(fields["name"].split())
                if not values["name"]:
                    raise HamishError("An entity needs a name.")
                if not visible(values["name"]):
                    raise HamishError(
                        "An entity's name cannot be only invisible characters (spaces, direction "
                        "marks, joiners)."
                    )
                require("The entity's name", name_problem(values["name"]))
                values["name_norm"] = folded(values["name"])
            sets = ", ".join(f"{key} = ?" for key in values)
            self._conn.execute(
                f"UPDATE entities SET {sets} WHERE id = ?", [*values.values(), entity_id]
            )
            if "name" in fields:
                self.add_alias(entity_id, values["name"])
        return before

    def snapshot(self, entity_id: int) -> EntitySnapshot:
        row = self._conn.execute(
            "SELECT id, name, name_norm, type, description, notes, created_at, modified_at "
            "FROM entities WHERE id = ?",
            [entity_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no entity {entity_id} in this project.")
        return EntitySnapshot(tuple(row), self._aliases(entity_id))

    def restore(self, snapshot: EntitySnapshot) -> None:
        with self._database.transaction():
            entity_id = snapshot.row[0]
            if self.exists(entity_id):
                self._conn.execute(
                    "UPDATE entities SET name = ?, name_norm = ?, type = ?, description = ?, "
                    "notes = ?, created_at = ?, modified_at = ? WHERE id = ?",
                    [*snapshot.row[1:], entity_id],
                )
            else:
                self._conn.execute(
                    "INSERT INTO entities (id, name, name_norm, type, description, notes, "
                    "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    list(snapshot.row),
                )
            self.set_aliases(entity_id, snapshot.aliases)

    def untouched_since(self, entity_id: int, created_at: str) -> bool:
        """Whether the entity is still just what a tag made at ``created_at`` created: made
        then or later, never edited (no description, notes or alias but its name), and nothing
        names it — no mention, claim or claim subject. Deleting the tag's annotation then
        deletes it too (``ops.annotations.delete_annotation``); one made on the entity page
        before, or given anything by the analyst, is theirs and stays."""
        row = self._conn.execute(
            "SELECT name_norm, description, notes, created_at, modified_at FROM entities "
            "WHERE id = ?",
            [entity_id],
        ).fetchone()
        if row is None:
            return False
        name_norm, description, notes, made, modified = row
        if description or notes or made < created_at or modified != made:
            return False
        if any(folded(alias) != name_norm for alias in self._aliases(entity_id)):
            return False
        return not self.named_anywhere(entity_id)

    def named_anywhere(self, entity_id: int) -> bool:
        """Whether a mention, a claim's claimant or a claim's subject names the entity."""
        row = self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM annotations WHERE entity_id = ?1) "
            "OR EXISTS (SELECT 1 FROM claims WHERE claimant_id = ?1) "
            "OR EXISTS (SELECT 1 FROM claim_subjects WHERE entity_id = ?1)",
            [entity_id],
        ).fetchone()
        return bool(row[0])

    def delete(self, entity_id: int) -> None:
        with self._database.transaction():
            self._conn.execute("DELETE FROM entities WHERE id = ?", [entity_id])

    def merge(self, keep: int, remove: int) -> MergeRecord:
        """Move every mention, claimant and subject of ``remove`` to ``keep``, unite the
        aliases (the removed name becomes an alias) and delete ``remove`` — one transaction."""
        if keep == remove:
            raise HamishError("Choose two different entities to merge.")
        with self._database.transaction():
            kept, removed = self.snapshot(keep), self.snapshot(remove)

            def ids(sql: str) -> tuple[int, ...]:
                return tuple(int(r[0]) for r in self._conn.execute(sql, [remove]))

            annotations = ids("SELECT id FROM annotations WHERE entity_id = ?")
            claimants = ids("SELECT id FROM claims WHERE claimant_id = ?")
            # (claim, names the kept entity too): those rows cannot move, they are dropped.
            subject_rows = self._conn.execute(
                "SELECT s.claim_id, EXISTS (SELECT 1 FROM claim_subjects k "
                "WHERE k.claim_id = s.claim_id AND k.entity_id = ?) "
                "FROM claim_subjects s WHERE s.entity_id = ? ORDER BY s.claim_id",
                [keep, remove],
            ).fetchall()
            subjects = tuple(int(claim) for claim, both in subject_rows if not both)
            dropped = tuple(int(claim) for claim, both in subject_rows if both)
            self._conn.execute(
                "UPDATE annotations SET entity_id = ? WHERE entity_id = ?", [keep, remove]
            )
            self._conn.execute(
                "UPDATE claims SET claimant_id = ? WHERE claimant_id = ?", [keep, remove]
            )
            self._conn.execute(
                "UPDATE OR IGNORE claim_subjects SET entity_id = ? WHERE entity_id = ?",
                [keep, remove],
            )
            self.set_aliases(keep, (*kept.aliases, removed.row[1], *removed.aliases))
            self._conn.execute("DELETE FROM entities WHERE id = ?", [remove])
        return MergeRecord(kept, removed, annotations, claimants, subjects, dropped)

    def unmerge(self, record: MergeRecord) -> None:
        with self._database.transaction():
            self.restore(record.removed)
            self.restore(record.kept)
            kept, removed = record.kept.row[0], record.removed.row[0]
            for table, column, key, ids in (
                ("annotations", "entity_id", "id", record.moved_annotations),
                ("claims", "claimant_id", "id", record.moved_claimants),
            ):
                for row_id in ids:
                    self._conn.execute(
                        f"UPDATE {table} SET {column} = ? WHERE {key} = ?", [removed, row_id]
                    )
            for claim_id in record.moved_subjects:
                self._conn.execute(
                    "UPDATE OR IGNORE claim_subjects SET entity_id = ? "
                    "WHERE claim_id = ? AND entity_id = ?",
                    [removed, claim_id, kept],
                )
            for claim_id in record.dropped_subjects:
                self._conn.execute(
                    "INSERT OR IGNORE INTO claim_subjects (claim_id, entity_id) VALUES (?, ?)",
                    [claim_id, removed],
                )

    # --- mentions ------------------------------------------------------------------------
    def mentions(self, entity_id: int) -> list[tuple[int, int, int, int, str]]:
        """(annotation id, document id, start, end, document title) in corpus order."""
        rows = self._conn.execute(
            'SELECT a.id, a.document_id, a.start, a."end", d.title FROM annotations a '
            "JOIN documents d ON d.id = a.document_id WHERE a.entity_id = ? "
            "ORDER BY coalesce(d.published, d.imported_at), d.id, a.start",
            [entity_id],
        )
        return [(int(r[0]), int(r[1]), int(r[2]), int(r[3]), str(r[4])) for r in rows]

    def left_unmentioned(self, document_ids: Sequence[int]) -> int:
        """How many entities the articles mention and no other article does: deleting the
        articles leaves them in the registry without a mention (the analyst made them, and
        the Entities panel's Unmentioned filter lists them)."""
        ids = "[" + ",".join(str(int(i)) for i in set(document_ids)) + "]"
        row = self._conn.execute(
            "WITH gone(id) AS (SELECT value FROM json_each(?)) "
            "SELECT count(DISTINCT a.entity_id) FROM annotations a "
            "WHERE a.document_id IN gone AND a.entity_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM annotations b WHERE b.entity_id = a.entity_id "
            "AND b.document_id NOT IN gone)",
            [ids],
        ).fetchone()
        return int(row[0])

    def link(self, annotation_id: int, entity_id: int | None) -> int | None:
        """Point an annotation at an entity; returns the previous entity id (for undo)."""
        with self._database.transaction():
            row = self._conn.execute(
                "SELECT entity_id FROM annotations WHERE id = ?", [annotation_id]
            ).fetchone()
            if row is None:
                raise NotFound(f"There is no annotation {annotation_id} in this project.")
            self._conn.execute(
                "UPDATE annotations SET entity_id = ?, modified_at = ? WHERE id = ?",
                [entity_id, utcnow(), annotation_id],
            )
        return None if row[0] is None else int(row[0])
