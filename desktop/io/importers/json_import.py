"""Hamish JSON exports (docs/json-format.md) back into a project.

The whole file is checked before anything is written, because a half-imported project is
worse than none and because these files are also produced by other tools and by hand — and by
adversaries: a colour of ``"red; drop table"``, a timestamp of ``"not a date"`` (then shown
in the library), a claim on an entity label, a negative id and NUL or ESC in a title all went
in before. Every rule the format document states is checked here: each field's type, its
allowed values (``choices``, ``minimum`` and ``form`` in ``store/transfer.py``'s ``TABLES``),
and the rules across records (unique keys, references, offsets that fit the text, a claim's
annotation of kind claim). Every problem is a sentence that names the record (``annotation
17``), the field and the JSON path (``annotations[4].start``), so the analyst or the tool's
author can fix it; several problems are listed at once. The file itself is only ever read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from desktop.core.errors import ImportRejected
from desktop.core.spans import CONTEXT
from desktop.core.values import (
    colour_problem,
    date_problem,
    is_web_address,
    key_problem,
    line_problem,
    name_problem,
    not_empty_problem,
    one_line_problem,
    partial_date_problem,
    string_problem,
)
from desktop.core.values import shown as _shown
from desktop.io.exporters.json_export import FORMAT_NAME, FORMAT_VERSION
from desktop.io.importers.common import read_limited
from desktop.io.importers.text import decode_utf8
from desktop.store.project import Project
from desktop.store.transfer import (
    TABLES,
    TABLES_BY_NAME,
    Field,
    Form,
    LoadReport,
    Table,
    load,
)

# Parsing holds the file's bytes, then its text, then the records, then the problems or the
# rows being written: measured up to nine times the file (an 88 MB file of one 50-million-
# character article peaked at 678 MB, a 99.8 MB file of duplicates at 889 MB). 40 MB keeps
# an import under 500 MB of memory (issue 13: a 450 MB file took 1.5 GB); a larger file is
# refused before it is read. A project's JSON of a few hundred articles is a few megabytes.
MAX_BYTES = 40 * 1024 * 1024
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


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose every key is written once: with one twice, Python kept the last value
    without a word (an attack), so what was imported was not what the file seemed to say."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"the key {_shown(twice)} is written twice in one object")
    return data


_LONGEST_NUMBER = 20


def _whole_number(digits: str) -> int:
    """A whole number of at most 20 digits: a number of 5,000 gave Python's own advice
    ("use sys.set_int_max_str_digits()"); no id, offset or count has more than 20."""
    if len(digits.lstrip("-")) > _LONGEST_NUMBER:
        raise ValueError(f"a number of {len(digits.lstrip('-')):,} digits is not one Hamish writes")
    return int(digits)


def loads_strictly(text: str) -> Any:
    """``json.loads`` of an import: no NaN or Infinity, no key twice in an object, no number
    longer than 20 digits (``ValueError`` or ``JSONDecodeError``)."""
    return json.loads(
        text,
        parse_constant=_reject_constant,
        object_pairs_hook=_unique_keys,
        parse_int=_whole_number,
    )


def load_file_json(text: str, name: str) -> Any:
    """:func:`loads_strictly` of the file ``name``'s text, refused in words: where it stops
    being JSON, or that it nests too deeply (Python's "maximum recursion depth exceeded")."""
    try:
        return loads_strictly(text)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column "
            f"{error.colno}. Nothing was imported."
        ) from error
    except RecursionError as error:
        raise ImportRejected(
            f"{name} holds JSON nested too deeply to be read: arrays or objects inside each "
            "other hundreds of levels deep, where Hamish's files nest a few. Nothing was imported."
        ) from error
    except ValueError as error:
        raise ImportRejected(f"{name} is not valid JSON: {error}. Nothing was imported.") from error


# --- what a string must look like (docs/json-format.md; Form in store/transfer.py) ----------
# The rules the edits share (core/values.py); the rest only files can break.
_OTHER_LINE_END = re.compile("[\u2028\u2029]")  # (a CR is a control character)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(\+00:00|Z)")
_ICON = re.compile(r"(?:[a-z][a-z0-9]*\.[a-z0-9][a-z0-9_-]*)?")
_SHORTCUT = re.compile(r"[0-9]?")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _text(value: str) -> str | None:
    other = _OTHER_LINE_END.search(value)
    if other is not None:
        return f"contains a line break {_code(other[0])}; lines end with \\n (U+000A) only"
    return not_empty_problem(value)


def _timestamp(value: str) -> str | None:
    if _TIMESTAMP.fullmatch(value):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.utcoffset() == timedelta(0):
            return None
    return f"must be a UTC time with seconds such as 2024-05-02T09:00:00+00:00, not {_shown(value)}"


def _pattern(pattern: re.Pattern[str], what: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if pattern.fullmatch(value) else f"must be {what}, not {_shown(value)}"

    return check


def _web_address(value: str) -> str | None:
    if not value or is_web_address(value):
        return None
    return f"must be empty or a web address starting with http:// or https://, not {_shown(value)}"


def _context(value: str) -> str | None:
    if len(value) > CONTEXT:
        return f"is longer than {CONTEXT} characters ({len(value)})"
    return None


_FORMS: dict[Form, tuple[Callable[[str], str | None], ...]] = {
    "": (),
    "title": (line_problem, not_empty_problem),
    "line": (line_problem,),
    "web address": (line_problem, _web_address),
    "name": (one_line_problem,),
    "required name": (one_line_problem, not_empty_problem),
    "key": (key_problem, not_empty_problem),
    "text": (_text,),
    "context": (_context,),
    "timestamp": (_timestamp,),
    "given name": (name_problem,),
    "required given name": (name_problem, not_empty_problem),
    "date": (date_problem,),
    "partial date": (partial_date_problem,),
    "colour": (colour_problem,),
    "icon": (_pattern(_ICON, "an icon name such as mdi6.account, or empty"),),
    "shortcut": (_pattern(_SHORTCUT, "one digit, or empty"),),
    "language": (_pattern(_LANGUAGE, "a language code such as ar, en or und"),),
    "sha256": (_pattern(_SHA256, "a SHA-256 written as 64 lower-case hexadecimal digits"),),
}


class _Checker:
    """Collects problems instead of stopping at the first, so one round of fixes suffices.
    ``index`` remembers where each record was in its list, for the JSON path of a problem
    found across records."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.index: dict[int, int] = {}

    def add(self, problem: str, path: str) -> None:
        self.problems.append(f"{problem} (at {path})")

    def path(self, table: Table, record: Mapping[str, Any], field: str = "") -> str:
        where = f"{table.name}[{self.index.get(id(record), '?')}]"
        return f"{where}.{field}" if field else where

    # --- one record --------------------------------------------------------------------
    def record(self, table: Table, index: int, record: object) -> bool:
        """Check presence, type and allowed values of each field; True when usable."""
        if not isinstance(record, dict):
            self.add(
                f"{table.name}[{index}] must be an object, not {_json_type(record)}",
                f"{table.name}[{index}]",
            )
            return False
        self.index[id(record)] = index
        raw_id = record.get("id")
        who = (
            f"{table.singular} {raw_id}"
            if table.has_id and isinstance(raw_id, int) and not isinstance(raw_id, bool)
            else f"{table.name}[{index}]"
        )
        ok = True
        for spec in table.fields:
            path = f"{table.name}[{index}].{spec.name}"
            if spec.name not in record:
                if spec.required:
                    self.add(f'{who}: required field "{spec.name}" is missing', path)
                    ok = False
                continue
            problem = _field_problem(spec, record[spec.name])
            if problem:
                self.add(f'{who}: "{spec.name}" {problem}', path)
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
                        f"{c} {_shown(v)}" for c, v in zip(columns, value, strict=True)
                    )
                    self.add(
                        f"two {table.name.replace('_', ' ')} have the same {shown}",
                        self.path(table, record),
                    )
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
                        "which is not in the file",
                        self.path(table, record, spec.name),
                    )

    def annotations(self, data: Mapping[str, list[dict[str, Any]]]) -> None:
        """Offsets are code points of the text (Python ``str`` indexes); the quote must be
        exactly the text they cover. An ``orphaned`` annotation has by definition lost its
        place in the text, so only its offsets' order is checked."""
        texts = {d["id"]: d["text"] for d in data["documents"]}
        table = TABLES_BY_NAME["annotations"]
        for record in data["annotations"]:
            who = _who(table, record)
            start, end = record["start"], record["end"]
            if start < 0 or end <= start:
                self.add(
                    f"{who} must cover at least one character (start {start}, end {end})",
                    self.path(table, record),
                )
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
                    "(offsets count code points)",
                    self.path(table, record),
                )
            elif text[start:end] != record["quote"]:
                self.add(
                    f'{who}: its quote "{_short(record["quote"])}" does not match the text '
                    f"of document {record['document_id']} at {start}–{end}, "
                    f'which is "{_short(text[start:end])}" (offsets count code points)',
                    self.path(table, record, "quote"),
                )
        links = TABLES_BY_NAME["claim_links"]
        for record in data["claim_links"]:
            if record["from_claim"] == record["to_claim"]:
                self.add(f"{_who(links, record)} links a claim to itself", self.path(links, record))

    def documents(self, data: Mapping[str, list[dict[str, Any]]]) -> None:
        """``char_count`` is the length of ``text`` in code points; a decision's span lies
        inside its document's text."""
        table = TABLES_BY_NAME["documents"]
        for record in data["documents"]:
            count = record.get("char_count")
            if count is not None and count != len(record["text"]):
                self.add(
                    f'{_who(table, record)}: "char_count" is {count}, but its text has '
                    f"{len(record['text'])} characters (offsets count code points)",
                    self.path(table, record, "char_count"),
                )
        texts = {d["id"]: d["text"] for d in data["documents"]}
        decisions = TABLES_BY_NAME["decisions"]
        for record in data["decisions"]:
            who = _who(decisions, record)
            start, end = record["start"], record["end"]
            text = texts.get(record["document_id"])
            if end <= start:
                self.add(
                    f"{who} must cover at least one character (start {start}, end {end})",
                    self.path(decisions, record),
                )
            elif text is not None and end > len(text):
                self.add(
                    f"{who} covers characters {start}–{end}, outside document "
                    f"{record['document_id']}, which has {len(text)} characters "
                    "(offsets count code points)",
                    self.path(decisions, record),
                )

    def claims(self, data: Mapping[str, list[dict[str, Any]]]) -> None:
        """A claim belongs to an annotation whose label is of kind ``claim``: one on a person
        or a note would show in the Claims table but never in the article as a claim."""
        kinds = {label["id"]: (label["key"], label["kind"]) for label in data["labels"]}
        labels = {a["id"]: a["label_id"] for a in data["annotations"]}
        table = TABLES_BY_NAME["claims"]
        for record in data["claims"]:
            label = labels.get(record["annotation_id"])
            if label is None or label not in kinds:
                continue  # reported as a missing reference
            key, kind = kinds[label]
            if kind != "claim":
                self.add(
                    f"{_who(table, record)} is on annotation {record['annotation_id']}, whose "
                    f"label {_shown(key)} is of kind {kind}, not claim",
                    self.path(table, record, "annotation_id"),
                )


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
        if spec.minimum is not None and value < spec.minimum:
            return f"must be {spec.minimum} or more, not {value}"
    elif not isinstance(value, str):
        return f"must be {_expected(spec)}, not {_json_type(value)}"
    else:
        problem = string_problem(value)
        for check in _FORMS[spec.form]:
            if problem is not None:
                break
            problem = check(value)
        if problem is not None:
            return problem
    if spec.choices and value not in spec.choices:
        allowed = ", ".join(json.dumps(c) for c in spec.choices)
        return f"must be one of {allowed}, not {_shown(value)}"
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


# The header keys other than format and version: (type, form) as the format document states.
_HEADER: dict[str, tuple[type, Form]] = {
    "exported_at": (str, "timestamp"),
    "app_version": (str, "name"),
    "schema_version": (int, ""),
    "scope": (str, ""),
}


def _header(checker: _Checker, data: Mapping[str, Any]) -> None:
    for key, (kind, form) in _HEADER.items():
        if key not in data:
            continue
        value = data[key]
        noun = "an integer" if kind is int else "a string"
        if not isinstance(value, kind) or isinstance(value, bool):
            checker.add(f'"{key}" must be {noun}, not {_json_type(value)}', key)
        elif isinstance(value, int) and value < 1:
            checker.add(f'"{key}" must be 1 or more, not {value}', key)
        elif isinstance(value, str):
            problem = string_problem(value)
            for check in _FORMS[form]:
                problem = problem or check(value)
            if problem is None and key == "scope" and value not in ("project", "documents"):
                problem = f'must be "project" or "documents", not {_shown(value)}'
            if problem is not None:
                checker.add(f'"{key}" {problem}', key)


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
    _header(checker, data)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = data.get(table.name, [])
        if not isinstance(rows, list):
            checker.add(f'"{table.name}" must be a list, not {_json_type(rows)}', table.name)
            tables[table.name] = []
            continue
        tables[table.name] = [
            row for index, row in enumerate(rows) if checker.record(table, index, row)
        ]
    scope = data.get("scope", "documents")
    if not checker.problems:  # cross-record checks need every record to be well formed
        for table in TABLES:
            checker.uniqueness(table, tables[table.name])
        checker.references(tables)
        checker.annotations(tables)
        checker.documents(tables)
        checker.claims(tables)
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
    data = load_file_json(text, name)
    return validate_project_data(data, name)


def import_json(project: Project, path: str | os.PathLike[str]) -> LoadReport:
    """Validate ``path`` completely, then write it into ``project`` in one transaction."""
    return load(project.database, read_project_json(path))
