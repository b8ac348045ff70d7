"""The JSON importer against generated exports (issue 13; docs/json-format.md).

- A valid whole-project export imports into a new project and comes back out the same: same
  rows, same ids, the derived fields recomputed; a second round trip changes nothing.
- One broken rule (a wrong type, a bad value, a missing required field, an id below 1, a
  control character, a duplicate, a dangling reference, offsets or a quote that do not fit)
  is refused with a message naming the JSON path of the problem, never a traceback, and the
  project it was imported into is left exactly as it was.
- Unknown fields and tables are imported around and reported, as the format document says.
- Any bytes at all, and any JSON value at all, are refused or imported, never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ImportRejected
from desktop.core.text import content_hash
from desktop.io.exporters.json_export import build_export
from desktop.io.importers.json_import import import_json, read_project_json
from desktop.store.entities import folded
from desktop.store.project import Project
from desktop.store.transfer import TABLES, dump
from tests.fuzz.json_documents import cross_record_mutations, mutations, valid_exports
from tests.fuzz.strategies import check_rejection, examples, no_hang

Data = dict[str, Any]
DERIVED = {t.name: {f.name for f in t.fields if f.derived} for t in TABLES}
# "(at documents[0].title)", "(at annotations[3])", "(at exported_at)"
JSON_PATH = re.compile(r"\(at ([a-z_]+(?:\[\d+\](?:\.[a-z_]+)?)?)\)")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-json")


def _write(folder: Path, data: object, name: str = "export.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _new_project(folder: Path, name: str) -> Project:
    for suffix in ("", "-wal", "-shm"):
        (folder / f"{name}.hamish{suffix}").unlink(missing_ok=True)
    return Project.open(folder / f"{name}.hamish")


def _key(columns: tuple[str, ...], row: Data) -> tuple[Any, ...]:
    return tuple(row[column] for column in columns)


def _check_row(table: str, given_row: Data, stored: Data) -> None:
    for name, value in given_row.items():
        if name in DERIVED[table]:
            continue
        assert stored[name] == value, f"{table}.{name}: {stored[name]!r} != {value!r}"
    if table == "documents":
        assert stored["content_hash"] == content_hash(given_row["text"])
        assert stored["char_count"] == len(given_row["text"])
    elif table == "entities":
        assert stored["name_norm"] == folded(given_row["name"])
    elif table == "entity_aliases":
        assert stored["alias_norm"] == folded(given_row["alias"])


@examples(0.25)
@given(data=valid_exports())
def test_valid_exports_round_trip(folder: Path, data: Data) -> None:
    with no_hang():
        path = _write(folder, data)
        assert read_project_json(path)  # valid: no refusal
        with _new_project(folder, "first") as project:
            report = import_json(project, path)
            assert report.mode == "restore"
            first = build_export(project)
        for table in TABLES:
            rows = {_key(table.key, row): row for row in first[table.name]}
            assert len(rows) == len(data[table.name]), table.name
            for given_row in data[table.name]:
                _check_row(table.name, given_row, rows[_key(table.key, given_row)])
        again = _write(folder, first, "again.json")
        with _new_project(folder, "second") as project:
            import_json(project, again)
            second = build_export(project)
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """A project with an article in it, which no refused import may change."""
    from desktop.core.text import make_draft

    with Project.open(tmp_path_factory.mktemp("fuzz-target") / "target.hamish") as project:
        project.documents.add(make_draft("مقال موجود في المشروع قبل أي استيراد."))
        yield project


def _refused(folder: Path, target: Project, data: object) -> str:
    """Import ``data`` into ``target``: it must be refused, and ``target`` left as it was."""
    before = dump(target.database)
    path = _write(folder, data, "mutated.json")
    with no_hang(), pytest.raises(ImportRejected) as refusal:
        import_json(target, path)
    check_rejection(refusal.value)
    assert dump(target.database) == before, "a refused import changed the project"
    return str(refusal.value)


@given(data=valid_exports().flatmap(mutations))
def test_one_broken_field_is_refused_with_its_path(
    folder: Path, target: Project, data: tuple[str, str, Data]
) -> None:
    kind, path, mutated = data
    message = _refused(folder, target, mutated)
    assert message.endswith("Nothing was imported."), message
    paths = JSON_PATH.findall(message)
    assert paths, f"no JSON path in {message!r}"
    record = path.rsplit(".", 1)[0]
    assert any(p == path or p.startswith(record) for p in paths), (kind, path, message)


@given(data=valid_exports().flatmap(cross_record_mutations))
def test_one_broken_rule_across_records_is_refused_with_its_path(
    folder: Path, target: Project, data: tuple[str, str, Data]
) -> None:
    kind, path, mutated = data
    message = _refused(folder, target, mutated)
    assert message.endswith("Nothing was imported."), message
    paths = JSON_PATH.findall(message)
    assert paths, f"no JSON path in {message!r}"
    assert any(p.startswith(path.split(".")[0].split("[")[0]) for p in paths), (kind, message)


HEADER_BREAKS: list[tuple[str, object]] = [
    ("format", "hamish2"),
    ("format", None),
    ("version", 0),
    ("version", "1"),
    ("version", True),
    ("version", 2),
    ("exported_at", "yesterday"),
    ("app_version", "0.1\n\x1b[2J"),
    ("schema_version", -3),
    ("scope", "everything"),
    ("documents", {}),
    ("labels", "none"),
]


@examples(0.25)
@given(data=valid_exports(), broken=st.sampled_from(HEADER_BREAKS), drop=st.booleans())
def test_a_broken_header_is_refused(
    folder: Path, target: Project, data: Data, broken: tuple[str, object], drop: bool
) -> None:
    key, value = broken
    if drop and key in ("format", "version", "documents"):
        del data[key]
    else:
        data[key] = value
    _refused(folder, target, data)


@examples(0.25)
@given(
    data=valid_exports(),
    table=st.sampled_from([t.name for t in TABLES]),
    extra=st.sampled_from(["colour_v2", "new_field", "x"]),
)
def test_unknown_fields_are_reported_not_refused(
    folder: Path, data: Data, table: str, extra: str
) -> None:
    """The format document: fields and tables a reader does not know are ignored and reported
    (a newer Hamish adds optional ones without raising the version)."""
    data["future_table"] = [{"id": 1}]
    rows = data[table]
    if rows:
        rows[0][extra] = {"anything": [1, "٢"]}
    path = _write(folder, data)
    with _new_project(folder, "extra") as project:
        report = import_json(project, path)
        assert report.inserted["documents"] == len(data["documents"])
    assert "future_table" in report.ignored_fields
    if rows:
        assert f"{table}.{extra}" in report.ignored_fields


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["format", "version", "documents", "labels", "id", "text", "x"]),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(value=JSON_VALUES)
def test_any_json_value_is_refused_or_imported(
    folder: Path, target: Project, value: object
) -> None:
    path = _write(folder, value, "any.json")
    before = dump(target.database)
    with no_hang():
        try:
            read_project_json(path)
        except ImportRejected as error:
            check_rejection(error)
    assert dump(target.database) == before


@given(raw=st.one_of(st.binary(max_size=500), st.text(max_size=200).map(str.encode)))
def test_any_bytes_are_refused_or_imported(folder: Path, raw: bytes) -> None:
    path = folder / "raw.json"
    path.write_bytes(b'{"format": "hamish", "version": 1, "documents": ' + raw)
    with no_hang():
        try:
            read_project_json(path)
        except ImportRejected as error:
            check_rejection(error)
