"""Is a project file shaped as Hamish makes it? A project someone else made is as hostile as
any imported file.

SQLite runs whatever triggers a file holds on every write: a trigger added to a copy of a
project (``AFTER INSERT ON documents BEGIN DELETE FROM annotations; END``) would silently
delete the analyst's work on the next import. And a table of Hamish's replaced by a view
(a recursive one never ends) breaks every command. So every project is compared, when it
opens, with what Hamish's own migrations make for its version (``schema.shape``): one read of
``sqlite_master``, a fraction of a millisecond.

- A table of Hamish's that is missing, or is a view (or anything else): the file is refused
  (``NotAProject``), read-only or not — it is not a project this version can work on.
- A trigger or view Hamish does not make — a trigger with the name of one of Hamish's but
  other SQL included: in a writable project it is dropped as the project opens (none is ever
  Hamish's or needed; dropping keeps the analyst's data usable) and a notice names them. A
  read-only project keeps them: triggers never run on reads, and every write is refused
  anyway; a notice says so.
- Hamish's own triggers and indexes that are missing or altered are made again (writable).
- Tables and indexes of others are left: they cannot run anything (an index holds no code),
  and a table may hold what someone wants to keep.

A backup is held to more (``check_backup``): before it replaces a project it must match
exactly — nothing foreign, nothing missing — and pass SQLite's ``integrity_check``; otherwise
the restore is refused and the project left as it was. The integrity check reads the whole
file (about 0.4 s for a project of 20,000 articles, ``benchmarks/integrity.py``), so opening
a project runs the quicker ``quick_check`` only after a crash (a leftover journal), never on
the normal way in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.errors import NotAProject, ProjectError
from desktop.store.schema import shape

_VIEW, _TRIGGER, _INDEX = "view", "trigger", "index"


class Findings:
    """How a file differs from what Hamish makes for its version: lists ``inspect`` fills (a
    plain class of them: a dataclass is built by exec'd code at every start-up — about 3 M
    instructions —, a NamedTuple by a compiled ``__new__``, 0.6 M; make one with
    ``Findings([], [], [])``, never shared lists)."""

    __slots__ = ("foreign", "problems", "remake")

    def __init__(
        self,
        problems: list[str],  # Hamish's tables missing or replaced
        foreign: list[tuple[str, str]],  # (type, name) to drop
        remake: list[tuple[str, str]],  # Hamish's own, made again
    ) -> None:
        self.problems = problems
        self.foreign = foreign
        self.remake = remake

    @property
    def clean(self) -> bool:
        return not (self.problems or self.foreign or self.remake)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def inspect(conn: sqlite3.Connection, version: int) -> Findings:
    """Compare the schema of ``conn``'s file with Hamish's own for ``version``."""
    expected = shape(version)
    found = Findings([], [], [])
    present: dict[str, tuple[str, str, str]] = {}  # lower-case name → (type, name, sql)
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM main.sqlite_master"):
        present[str(name).lower()] = (str(kind), str(name), str(sql or ""))
    problems = found.problems
    for table, virtual in expected.tables.items():
        kind, name, sql = present.get(table, ("", table, ""))
        if not kind:
            problems.append(f"its {table} table is missing")
        elif kind == _VIEW:
            problems.append(f"its {name} table has been replaced by a view")
        elif kind != "table" or sql.upper().startswith("CREATE VIRTUAL") != virtual:
            problems.append(f"its {name} table is not the table Hamish makes")
    for key, (kind, name, sql) in present.items():
        own = {_TRIGGER: expected.triggers, _INDEX: expected.indexes}.get(kind)
        if kind == _VIEW or (
            own is not None and own.get(key, sql if kind == _INDEX else "") != sql
        ):
            found.foreign.append((kind, name))  # an index of others stays; an altered one goes
    dropped = {name.lower() for _kind, name in found.foreign}
    for kind, wanted in ((_TRIGGER, expected.triggers), (_INDEX, expected.indexes)):
        for key in wanted:
            if key not in present or key in dropped:
                found.remake.append((kind, key))
    return found


def _names(pairs: list[tuple[str, str]], most: int = 10) -> str:
    """The names of ``pairs``, each once, at most ``most`` of them."""
    names = list(dict.fromkeys(name.lower() for _kind, name in pairs))
    more = len(names) - most
    return ", ".join(names[:most]) + (f" and {more} more" if more > 0 else "")


def enforce(conn: sqlite3.Connection, path: Path, version: int, *, read_only: bool) -> list[str]:
    """Check the project ``conn`` has just opened (see the module doc); returns the notices
    for the analyst. Raises ``NotAProject`` when a table of Hamish's is missing or replaced;
    a writable project has what is foreign dropped and what is Hamish's made again, in one
    transaction, before anything else writes to it."""
    findings = inspect(conn, version)
    if findings.problems:
        details = "; ".join(findings.problems)
        raise NotAProject(
            f"{path} is not a Hamish project as Hamish makes them ({details}); another program "
            "may have changed it. It was left as it is."
        )
    notices: list[str] = []
    foreign = [pair for pair in findings.foreign if pair[0] != _INDEX]  # an altered index
    if read_only:  # is Hamish's own, made again below: not counted as foreign
        if foreign:
            notices.append(
                f"{path} holds {len(foreign)} triggers or views that Hamish does not make "
                f"({_names(foreign)}); the project is read-only, so they were left in place, "
                "and they do not run while it is only read."
            )
        return notices
    if findings.clean:
        return notices
    expected = shape(version)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for kind, name in findings.foreign:
            conn.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
        for kind, key in findings.remake:
            sql = expected.triggers[key] if kind == _TRIGGER else expected.indexes[key]
            conn.execute(sql)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if foreign:
        notices.append(
            f"{len(foreign)} triggers or views that Hamish does not make were removed from "
            f"{path}: {_names(foreign)}. They could have changed or deleted its data as it was "
            "edited."
        )
    if findings.remake:
        notices.append(
            f"{len(findings.remake)} of Hamish's own triggers or indexes in {path} were missing "
            f"or altered and were made again: {_names(findings.remake)}."
        )
    return notices


def integrity_problem(conn: sqlite3.Connection, *, quick: bool) -> str | None:
    """SQLite's first complaint about the file of ``conn`` (``quick_check``: the b-trees and
    their pages; ``integrity_check`` adds the indexes' agreement with their tables), or None
    when it is intact."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA main.{pragma}(3)").fetchall()
    except sqlite3.DatabaseError as error:  # a damaged schema cannot even be checked
        return str(error)
    complaints = [str(row[0]) for row in rows if str(row[0]) != "ok"]
    return "; ".join(complaints) or None


def check_backup(backup: Path) -> None:
    """Refuse (``ProjectError``) a file that is not a Hamish project as Hamish makes it, or
    is damaged, before a restore puts it in a project's place. Read-only and immutable: not a
    byte is written beside it."""
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise ProjectError(
            f"The backup {backup} cannot be read ({error}); it was not restored and the "
            "project was left as it was."
        ) from error
    try:
        damage = integrity_problem(conn, quick=False)
        if damage is not None:
            raise ProjectError(
                f"The backup {backup} is damaged (SQLite's integrity check says: {damage}); it "
                "was not restored and the project was left as it was."
            )
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            findings = inspect(conn, version)
        except sqlite3.Error as error:
            raise ProjectError(
                f"The backup {backup} cannot be read ({error}); it was not restored and the "
                "project was left as it was."
            ) from error
        if findings.problems:
            details = "; ".join(findings.problems)
            raise NotAProject(
                f"The backup {backup} is not a Hamish project as Hamish makes them ({details}); "
                "it was not restored and the project was left as it was."
            )
        if not findings.clean:
            altered = findings.foreign + findings.remake
            raise ProjectError(
                f"The backup {backup} holds triggers, views or indexes that Hamish did not make "
                f"there ({_names(altered)}); another program may have changed it, so it was not "
                "restored and the project was left as it was."
            )
    finally:
        conn.close()
