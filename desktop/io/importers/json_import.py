"""Hamish JSON exports (docs/json-format.md) back into a project.

The whole file is checked before anything is written, because a half-imported project is
worse than none and because these files are also produced by other tools and by hand. Every
way a file can be wrong gets a sentence that names the record (``annotation 17``) and the
field, so the analyst or the tool's author can fix it; several problems are listed at once.
The file itself is only ever read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

from desktop.core.errors import ImportRejected
from desktop.io.exporters.json_export import FORMAT_NAME, FORMAT_VERSION
from desktop.io.importers.common import read_limited
from desktop.io.importers.text import decode_utf8
from desktop.store.project import Project
from desktop.store.transfer import TABLES, TABLES_BY_NAME, Field, LoadReport, Table, load

# Parsing holds the file's bytes, then its text, then the records: up to four times the file
# when one character beyond the Basic Multilingual Plane (an emoji) makes Python store the
# whole text with four bytes a character. 100 MB keeps an import under 500 MB of memory
# (issue 13: a 450 MB file took 1.5 GB); a larger file is refused before it is read.
MAX_BYTES = 100 * 1024 * 1024
_SHOWN = 5  # problems spelled out in one message; the rest are counted
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1  # SQLite INTEGER


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed in JSON")


class _Checker:
    """Collects problems instead of stopping at the first, so one round of fixes suffices."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    # --- one record --------------------------------------------------------------------
    def record(self, table: Table, index: int, record: object) -> bool:
        """Check presence, type and allowed values of each field; True when usable."""
        if not isinstance(record, dict):
            self.add(f"{table.name}[{index}] must be an object, not {_json_type(record)}")
            return False
        raw_id = record.get("id")
        who = (
            f"{table.singular} {raw_id}"
            if table.has_id and isinstance(raw_id, int) and not isinstance(raw_id, bool)
            else f"{table.name}[{index}]"
        )
        ok = True
        for spec in table.fields:
            if spec.name not in record:
                if spec.required:
                    self.add(f'{who}: required field "{spec.name}" is missing')
                    ok = False
                continue
            problem = _field_problem(spec, record[spec.name])
            if problem:
                self.add(f'{who}: "{spec.name}" {problem}')
                ok = False
        return ok

    # --- across records -------------------------------------------------------------------
    def uniqueness(self, table: Table, records: list[dict[str, Any]]) -> None:
        for columns in (table.key, *table.unique):
            seen: set[tuple[Any, ...]] = set()
            for record in records:
                value = tuple(record.get(c) for c in columns)
                if None in value and columns != table.key:
                    continue
                if value in seen:
                    shown = ", ".join(
                        f"{c} {json.dumps(v, ensure_ascii=False)}"
                        for c, v in zip(columns, value, strict=True)
                    )
                    self.add(f"two {table.name.replace('_', ' ')} have the same {shown}")
                seen.add(value)

    def references(self, data: Mapping[str, list[dict[str, Any]]]) -> None:
        present = {t.name: {r.get("id") for r in data[t.name]} for t in TABLES if t.has_id}
        for table in TABLES:
            for record in data[table.name]:
                for spec in table.refs:
                    value = record.get(spec.name)
                    if value is None or spec.ref is None or value in present[spec.ref]:
                        continue
                    target = TABLES_BY_NAME[spec.ref].singular
                    self.add(
                        f"{_who(table, record)} refers to {target} {value}, "
                        "which is not in the file"
                    )

    def annotations(self, data: Mapping[str, list[dict[str, Any]]]) -> None:
        """Offsets are code points of the text (Python ``str`` indexes); the quote must be
        exactly the text they cover. An ``orphaned`` annotation has by definition lost its
        place in the text, so only its offsets' order is checked."""
        texts = {d["id"]: d["text"] for d in data["documents"]}
        for record in data["annotations"]:
            who = _who(TABLES_BY_NAME["annotations"], record)
            start, end = record["start"], record["end"]
            if start < 0 or end <= start:
                self.add(f"{who} must cover at least one character (start {start}, end {end})")
                continue
            if record.get("anchor") == "orphaned":
                continue
            text = texts.get(record["document_id"])
            if text is None:
                continue  # reported as a missing reference
            if end > len(text):
                self.add(
                    f"{who} covers characters {start}–{end}, outside document "
                    f"{record['document_id']}, which has {len(text)} characters "
                    "(offsets count code points)"
                )
            elif text[start:end] != record["quote"]:
                self.add(
                    f'{who}: its quote "{_short(record["quote"])}" does not match the text '
                    f"of document {record['document_id']} at {start}–{end}, "
                    f'which is "{_short(text[start:end])}" (offsets count code points)'
                )
        for record in data["claim_links"]:
            if record["from_claim"] == record["to_claim"]:
                self.add(f"{_who(TABLES_BY_NAME['claim_links'], record)} links a claim to itself")


def _who(table: Table, record: Mapping[str, Any]) -> str:
    if table.has_id:
        return f"{table.singular} {record.get('id')}"
    return f"{table.singular} " + ", ".join(f"{c} {record.get(c)}" for c in table.key)


def _field_problem(spec: Field, value: object) -> str | None:
    if value is None:
        return None if spec.nullable else f"must be {_expected(spec)}, not null"
    if spec.type == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            return f"must be {_expected(spec)}, not {_json_type(value)}"
        if not _INT_MIN <= value <= _INT_MAX:
            return f"is too large ({value})"
    elif not isinstance(value, str):
        return f"must be {_expected(spec)}, not {_json_type(value)}"
    else:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains an invalid character (an unpaired UTF-16 surrogate)"
    if spec.choices and value not in spec.choices:
        allowed = ", ".join(json.dumps(c) for c in spec.choices)
        return f"must be one of {allowed}, not {json.dumps(value, ensure_ascii=False)}"
    return None


def _expected(spec: Field) -> str:
    noun = "an integer" if spec.type == "int" else "a string"
    return f"{noun} or null" if spec.nullable else noun


def _summarise(name: str, problems: list[str]) -> str:
    if len(problems) == 1:
        return f"{name} cannot be imported: {problems[0]}. Nothing was imported."
    shown = "; ".join(problems[:_SHOWN])
    more = f"; and {len(problems) - _SHOWN} more" if len(problems) > _SHOWN else ""
    return (
        f"{name} cannot be imported ({len(problems)} problems): {shown}{more}. "
        "Nothing was imported."
    )


def validate_project_data(data: object, name: str = "The file") -> dict[str, Any]:
    """Check parsed JSON against format version 1; return it with every table present
    (missing tables become empty lists). Raises ``ImportRejected`` naming every problem."""
    if not isinstance(data, dict):
        raise ImportRejected(
            f"{name} is not a Hamish export (it holds {_json_type(data)}, not an object)."
        )
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        what = 'it has no "format" field' if fmt is None else f"its format is {fmt!r}"
        raise ImportRejected(
            f'{name} is not a Hamish export ({what}; expected "format": "{FORMAT_NAME}").'
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRejected(
            f'{name} has no valid format "version" (a whole number from 1); nothing was imported.'
        )
    if version > FORMAT_VERSION:
        raise ImportRejected(
            f"{name} was written by a newer version of Hamish (export format version {version}; "
            f"this version reads up to {FORMAT_VERSION}). Update Hamish to import it; nothing "
            "was imported."
        )
    if "documents" not in data:
        raise ImportRejected(f'{name} cannot be imported: required field "documents" is missing.')
    checker = _Checker()
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = data.get(table.name, [])
        if not isinstance(rows, list):
            checker.add(f'"{table.name}" must be a list, not {_json_type(rows)}')
            tables[table.name] = []
            continue
        tables[table.name] = [
            row for index, row in enumerate(rows) if checker.record(table, index, row)
        ]
    scope = data.get("scope", "documents")
    if scope not in ("project", "documents"):
        checker.add(f'"scope" must be "project" or "documents", not {json.dumps(scope)}')
    if not checker.problems:  # cross-record checks need every record to be well formed
        for table in TABLES:
            checker.uniqueness(table, tables[table.name])
        checker.references(tables)
        checker.annotations(tables)
    if checker.problems:
        raise ImportRejected(_summarise(name, checker.problems))
    return {**data, "scope": scope, **tables}


def read_project_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and fully validate a Hamish JSON export; raise ``ImportRejected`` with the reason."""
    file = Path(path)
    name = file.name or str(file)
    raw = read_limited(
        file,
        MAX_BYTES,
        "{name} is {size_mb:.0f} MB; Hamish imports JSON files of up to {limit_mb} MB. Export "
        "fewer documents at a time (hamish export --document ID ...) and import the parts.",
    )
    text = decode_utf8(raw, name)
    del raw  # not held while the records are built
    if not text.strip():
        raise ImportRejected(f"{name} is empty.")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column "
            f"{error.colno}. Nothing was imported."
        ) from error
    except (ValueError, RecursionError) as error:
        raise ImportRejected(f"{name} is not valid JSON: {error}. Nothing was imported.") from error
    return validate_project_data(data, name)


def import_json(project: Project, path: str | os.PathLike[str]) -> LoadReport:
    """Validate ``path`` completely, then write it into ``project`` in one transaction."""
    return load(project.database, read_project_json(path))
