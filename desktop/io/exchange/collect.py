"""What the exchange importers share: a Hamish project file built in memory, then checked and
loaded exactly as a Hamish JSON export is.

An importer of another format (``qdpx.py``, ``w3c.py``) reads its file into a
:class:`Collector` — documents, labels, entities, annotations, claims, notes, with ids of its
own — and :func:`load_collected` hands the result to the JSON importer's validation
(``validate_project_data``: every rule of docs/json-format.md) and to ``store.transfer.load``
(one transaction: all of it or nothing). What the format held that Hamish cannot represent is
collected as ``notices``, sentences the import summary shows: never dropped silently.

Hamish's own fields that a format has no place for travel in a *Hamish line*: the last line
of a description or note, ``hamish: {json}``. Another tool shows it as text and keeps it;
Hamish reads it back (:func:`meta_line`, :func:`split_meta`).
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core.arabic import detect_direction, detect_language
from desktop.core.controls import clean_line
from desktop.core.spans import context
from desktop.core.values import is_web_address
from desktop.io.exchange.common import fit_names
from desktop.io.exporters.json_export import FORMAT_NAME, FORMAT_VERSION
from desktop.io.importers.json_import import validate_project_data
from desktop.store.db import utcnow
from desktop.store.project import Project
from desktop.store.transfer import LoadReport, load

NAMESPACE = uuid.UUID("5b0f3c86-2f61-4f0e-9a57-0c1a4e3e1d17")
"""GUIDs of exported objects are UUID 5 of this namespace and the object's own identity, so
exporting the same project twice gives the same GUIDs."""
META_PREFIX = "hamish: "
_META_LINE = re.compile(r"(?:\A|\n)hamish: (\{.*\})\s*\Z")
_MAX_META = 64 * 1024


def stable_guid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(part) for part in parts)))


def meta_line(values: Mapping[str, Any]) -> str:
    """The Hamish line for ``values`` (None and empty values left out)."""
    kept = {k: v for k, v in values.items() if v not in (None, "")}
    return META_PREFIX + json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def with_meta(text: str, values: Mapping[str, Any]) -> str:
    line = meta_line(values)
    return f"{text}\n{line}" if text else line


def split_meta(text: str) -> tuple[str, dict[str, Any]]:
    """``text`` without its Hamish line, and what the line held ({} without one, or when it
    is not a JSON object)."""
    match = _META_LINE.search(text)
    if match is None or len(match.group(1)) > _MAX_META:
        return text, {}
    try:
        values = json.loads(match.group(1))
    except (ValueError, RecursionError):
        return text, {}
    if not isinstance(values, dict):
        return text, {}
    return text[: match.start()], values


def timestamp(value: object) -> str:
    """A foreign date and time as Hamish stores it (UTC, seconds); now when it is not one."""
    if isinstance(value, str) and value:
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return utcnow()
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if 1900 <= moment.year <= 2200:
            return moment.astimezone(UTC).isoformat(timespec="seconds")
    return utcnow()


def text_field(value: object, limit: int = 0) -> str:
    """A foreign string for a field that may hold lines (a note); other values become ''."""
    if not isinstance(value, str):
        return ""
    from desktop.io.exchange.offsets import normalised

    text = normalised(value)[0]
    return text[:limit] if limit else text


def line_field(value: object) -> str:
    return clean_line(value) if isinstance(value, str) else ""


@dataclass(slots=True)
class ExchangeReport:
    """What an exchange import did: the load (counts, ids) and what was left out."""

    path: Path
    load: LoadReport
    notices: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.load.documents

    @property
    def annotations(self) -> int:
        return self.load.annotations


@dataclass(slots=True)
class Collector:
    """Rows of a Hamish export, built by an importer (ids its own, from 1)."""

    name: str
    tables: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {
            name: []
            for name in (
                "documents",
                "labels",
                "entities",
                "entity_aliases",
                "annotations",
                "claims",
                "claim_subjects",
                "claim_links",
                "notes",
            )
        }
    )
    notices: list[str] = field(default_factory=list)
    # What the file held that Hamish has no place for, each counted under the words of its
    # notice ("Left out: {what} ({n})."): a claim's credibility 9 or stance "maybe", a
    # label kind or entity type of no such name, a link to nothing — dropped or replaced
    # here, they went without a word (found by an attack on the Web Annotation import).
    lost: Counter[str] = field(default_factory=Counter)
    label_ids: dict[str, int] = field(default_factory=dict)  # key -> id
    label_base: int = 0

    def _next(self, table: str) -> int:
        return len(self.tables[table]) + (self.label_base if table == "labels" else 0) + 1

    def document(self, title: str, text: str, **metadata: Any) -> int:
        now = utcnow()
        row: dict[str, Any] = {
            "id": self._next("documents"),
            "title": line_field(title) or "Untitled",
            "text": text,
            "language": detect_language(text),
            "direction": detect_direction(text),
            "imported_at": now,
            "modified_at": now,
        }
        for key in ("source", "author"):
            row[key] = line_field(metadata.get(key))
        url = line_field(metadata.get("url"))
        row["url"] = url if is_web_address(url) else ""
        published = metadata.get("published")
        if isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            row["published"] = published
        for key in ("language", "direction"):
            value = metadata.get(key)
            if isinstance(value, str) and value:
                row[key] = value
        row["origin"] = line_field(metadata.get("origin"))
        self.tables["documents"].append(row)
        return int(row["id"])

    def label(self, key: str, **values: Any) -> int:
        """The label of ``key``, made on first use (``name_en``, ``name_ar``, ``kind``,
        ``color`` as given, else defaults)."""
        if key in self.label_ids:
            return self.label_ids[key]
        colour = values.get("color")
        if not (isinstance(colour, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", colour)):
            colour = "#9e9e9e"
        name_en = line_field(values.get("name_en")) or line_field(values.get("name")) or key
        row: dict[str, Any] = {
            "id": self._next("labels"),
            "key": key,
            "name_en": name_en,
            "name_ar": line_field(values.get("name_ar")) or name_en,
            "kind": kind if (kind := values.get("kind")) in _KINDS else "span",
            "color": colour,
            "position": len(self.tables["labels"]) + 1,
        }
        self.lost[UNKNOWN_KINDS] += kind is not None and kind not in _KINDS
        for optional in ("icon", "shortcut"):
            if isinstance(values.get(optional), str):
                row[optional] = values[optional]
        self.tables["labels"].append(row)
        self.label_ids[key] = int(row["id"])
        return int(row["id"])

    def entity(self, name: str, **values: Any) -> int:
        kind = values.get("type")
        row: dict[str, Any] = {
            "id": self._next("entities"),
            "name": line_field(name) or "?",
            "type": kind if kind in _ENTITY_TYPES else "other",
            "description": line_field(values.get("description")),
            "notes": text_field(values.get("notes")),
            "created_at": timestamp(values.get("created_at")),
            "modified_at": timestamp(values.get("modified_at")),
        }
        self.lost[UNKNOWN_TYPES] += kind not in (None, "") and kind not in _ENTITY_TYPES
        self.tables["entities"].append(row)
        aliases = values.get("aliases")
        seen = {row["name"]}
        if isinstance(aliases, list):
            for alias in aliases:
                alias = line_field(alias)
                if alias and alias not in seen:
                    seen.add(alias)
                    self.tables["entity_aliases"].append(
                        {
                            "id": len(self.tables["entity_aliases"]) + 1,
                            "entity_id": row["id"],
                            "alias": alias,
                        }
                    )
        return int(row["id"])

    def annotation(
        self,
        document_id: int,
        text: str,
        start: int,
        end: int,
        label_id: int,
        **values: Any,
    ) -> int:
        quote, prefix, suffix = context(text, start, end)
        row: dict[str, Any] = {
            "id": self._next("annotations"),
            "document_id": document_id,
            "start": start,
            "end": end,
            "quote": quote,
            "prefix": prefix,
            "suffix": suffix,
            "label_id": label_id,
            "entity_id": values.get("entity_id"),
            "note": text_field(values.get("note")),
            "author": line_field(values.get("author")),
            "anchor": values.get("anchor") or "exact",
            "created_at": timestamp(values.get("created_at")),
            "modified_at": timestamp(values.get("modified_at")),
        }
        self.tables["annotations"].append(row)
        return int(row["id"])

    def note(
        self, body: str, document_id: int | None = None, annotation_id: int | None = None, **v: Any
    ) -> None:
        body = text_field(body)
        if not body.strip():
            return
        self.tables["notes"].append(
            {
                "id": self._next("notes"),
                "document_id": document_id,
                "annotation_id": annotation_id,
                "body": body,
                "author": line_field(v.get("author")),
                "created_at": timestamp(v.get("created_at")),
                "modified_at": timestamp(v.get("modified_at")),
            }
        )

    def claim(self, annotation_id: int, values: Mapping[str, Any]) -> int:
        """A claim on ``annotation_id`` from a Hamish line's values (unknown values dropped:
        the JSON rules decide what is valid, so only the types are checked here)."""
        row: dict[str, Any] = {
            "id": self._next("claims"),
            "annotation_id": annotation_id,
            "created_at": timestamp(values.get("created_at")),
            "modified_at": timestamp(values.get("modified_at")),
        }
        choices = {
            "stance": ("asserts", "denies"),
            "status": ("unverified", "corroborated", "contested", "refuted"),
            "reliability": ("A", "B", "C", "D", "E", "F"),
            "credibility": (1, 2, 3, 4, 5, 6),
        }
        for key, allowed in choices.items():
            value = values.get(key)
            # the type too: True and 2.0 are in (1, …, 6) to Python
            if value in allowed and type(value) is type(allowed[0]):
                row[key] = value
            elif value is not None and value != "":
                self.lost[UNKNOWN_VALUES] += 1
        row["summary"] = text_field(values.get("summary"))
        claimed = values.get("claimed_on")
        if isinstance(claimed, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", claimed):
            row["claimed_on"] = claimed
        self.tables["claims"].append(row)
        return int(row["id"])

    def data(self) -> dict[str, Any]:
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "scope": "documents"} | {
            name: rows for name, rows in self.tables.items()
        }


# The words of what :attr:`Collector.lost` counts (the brat and XMI importers' too, where
# they say the same).
UNKNOWN_KINDS = "label kinds Hamish does not know, whose tags were kept as highlights"
UNKNOWN_TYPES = "entity types Hamish does not know, read as other"
UNKNOWN_VALUES = "claim stances, statuses or gradings Hamish does not know"
NOT_CLAIMS = "claim details on tags whose label is not a claim label"
NO_ENTITY = "claimants and subjects that are no entity of the file"
LINKS_TO_NOTHING = "claim links between tags that are not claims"
SELF_LINKS = "claim links from a claim to itself"
UNREADABLE_CLAIMS = "claim details that are not a set of values, so the claim keeps its defaults"
UNKNOWN_LINKS = "relations Hamish does not know"

_KINDS = ("entity", "claim", "note", "span")
_ENTITY_TYPES = ("person", "organisation", "location", "event", "other")


def fit_labels(collector: Collector, project: Project) -> None:
    """Before the first label: ids after the project's own, and a file label whose key the
    project uses for a label of another kind gets another key (a code "claim" of another tool
    must not turn the project's claim label into a highlight)."""
    existing = project.labels.all()
    collector.label_base = max((label.id for label in existing), default=0)


def resolve_label_key(project: Project, key: str, kind: str) -> str:
    candidate, n = key, 1
    while (label := project.labels.by_key(candidate)) is not None and label.kind != kind:
        n += 1
        candidate = f"{key}-{n}"
    return candidate


def load_collected(project: Project, collector: Collector, path: Path) -> ExchangeReport:
    """Check the collected rows as a Hamish export is checked, then load them in one
    transaction."""
    collector.notices += [f"Left out: {what} ({n})." for what, n in collector.lost.items() if n]
    data = collector.data()
    fit_names(data, collector.notices)
    data = validate_project_data(data, collector.name)
    report = load(project.database, data)
    return ExchangeReport(path, report, collector.notices)
