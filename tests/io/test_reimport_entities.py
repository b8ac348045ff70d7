"""Importing the same file again: the entities no tag refers to (the analyst's registry
entries) are matched with the project's own — same type, same name as the registry folds it —
and reused, not added a second time; the report says how many were already there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.io.exchange.qdpx import export_qdpx, import_qdpx
from desktop.io.exchange.w3c import export_w3c, import_w3c
from desktop.io.exporters.json_export import export_json
from desktop.io.importers.json_import import import_json
from desktop.store.project import Project
from desktop.store.transfer import LoadReport
from tests.io.exchange_project import build


def _json(project: Project, path: Path) -> LoadReport:
    return import_json(project, path)


def _w3c(project: Project, path: Path) -> LoadReport:
    return import_w3c(project, path).load


def _qdpx(project: Project, path: Path) -> LoadReport:
    return import_qdpx(project, path).load


FORMATS: list[tuple[str, Callable[..., Any], Callable[[Project, Path], LoadReport]]] = [
    ("out.json", export_json, _json),
    ("out.jsonld", export_w3c, _w3c),
    ("out.qdpx", export_qdpx, _qdpx),
]


def _registry(project: Project) -> list[tuple[str, str]]:
    rows = project.database.conn.execute("SELECT type, name FROM entities ORDER BY id")
    return [(str(r[0]), str(r[1])) for r in rows]


@pytest.mark.parametrize(("name", "export", "import_"), FORMATS, ids=["json", "jsonld", "qdpx"])
def test_importing_the_same_file_twice_adds_no_entity_again(
    tmp_path: Path,
    name: str,
    export: Callable[..., Any],
    import_: Callable[[Project, Path], LoadReport],
) -> None:
    source = build(tmp_path / "source.hamish")
    # Registry entries no tag refers to: a person, an organisation, and a namesake of
    # another type (not the same entity).
    source.entities.add("أحمد الشرع", "person", aliases=("أبو محمد الجولاني",))
    source.entities.add("الأمم المتحدة", "organisation")
    source.entities.add("جون كيري", "location")
    path = tmp_path / name
    export(source, path)
    source.close()
    target = Project.open(tmp_path / "target.hamish")
    import_(target, path)
    first = _registry(target)
    aliases = target.database.conn.execute("SELECT count(*) FROM entity_aliases").fetchone()[0]
    again = import_(target, path)
    assert _registry(target) == first
    assert target.database.conn.execute("SELECT count(*) FROM entity_aliases").fetchone()[0] == (
        aliases
    )
    assert again.entities == 0
    assert again.entities_matched == 3


def test_the_registry_s_folding_matches_and_types_keep_namesakes_apart(tmp_path: Path) -> None:
    """«أحمد» written «احمد» (the registry folds hamza and alef) is the same person; a
    location of the same name is not; the file's alias the person lacks is added to it."""
    source = Project.open(tmp_path / "source.hamish")
    source.entities.add("احمد الشرع", "person", aliases=("الجولاني",))
    source.entities.add("أحمد الشرع", "location")
    source.entities.add("مجهول", "other")
    path = tmp_path / "out.json"
    export_json(source, path)
    source.close()
    target = Project.open(tmp_path / "target.hamish")
    person = target.entities.add("أحمد الشرع", "person", description="المحلل")
    target.documents  # noqa: B018 - the project is not empty: merge, not restore
    report = import_json(target, path)
    assert report.mode == "merge"
    assert report.entities_matched == 1 and report.entities == 2
    rows = _registry(target)
    assert rows.count(("person", "أحمد الشرع")) == 1
    assert ("location", "أحمد الشرع") in rows and ("other", "مجهول") in rows
    assert target.entities.get(person).description == "المحلل"  # the analyst's, kept
    aliases = target.database.conn.execute(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY id", [person]
    ).fetchall()
    assert [a[0] for a in aliases] == ["أحمد الشرع", "الجولاني"]


def test_the_command_says_how_many_were_already_present(tmp_path: Path) -> None:
    from desktop.commands import _describe_load

    source = Project.open(tmp_path / "source.hamish")
    for name in ("الأمم المتحدة", "حلف الناتو", "الاتحاد الأفريقي"):
        source.entities.add(name, "organisation")
    path = tmp_path / "out.json"
    export_json(source, path)
    source.close()
    target = Project.open(tmp_path / "target.hamish")
    import_json(target, path)
    line = _describe_load(path, import_json(target, path))
    assert "0 entities, " in line and line.endswith("; 3 entities already present")
