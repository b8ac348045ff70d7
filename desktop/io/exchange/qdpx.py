"""REFI-QDA project exchange (``.qdpx``): QualCoder, MAXQDA, ATLAS.ti, NVivo.

A ``.qdpx`` file is a zip archive holding ``project.qde`` (XML, namespace
``urn:QDA-XML:project:1.0``, the REFI-QDA Project schema of March 2019) and the text of each
source in ``sources/{GUID}.txt``. docs/interop.md has the mapping, field by field:

* labels → top-level ``Code`` (colour kept); entities → child codes of the label most of their
  mentions carry (entities never mentioned under a code "Entities", not codable);
* articles → ``TextSource`` (``plainTextPath="internal://{GUID}.txt"``, UTF-8, ``\\n``);
* annotations → ``PlainTextSelection`` with one ``Coding`` of the label's code (and one of the
  entity's code), the annotation's note as its ``Description``;
* notes → ``Note`` (its text in ``sources/{GUID}.txt``, a name of its own) referred to by
  ``NoteRef`` from the project, the source or the selection;
  a claim's assessment (claimant, stance, status, grading, subjects, links) → a ``Note`` (a
  memo) on its selection;
* authors → ``User``.

Positions count **code points** of the plain text (REFI-QDA says "characters"; Python tools
such as QualCoder index ``str`` by code point; see docs/interop.md). What Hamish holds that
REFI-QDA has no place for travels in a Hamish line (``collect.meta_line``) at the end of a
description or memo.

Import treats the file as hostile: the archive is read member by member under a budget of
bytes actually inflated (never the sizes it declares), names with ``..`` or an absolute path
are refused, the XML is parsed by ``defusedxml`` (no DTD, no entities, nothing external), and
sources outside the archive are never read. Everything Hamish cannot represent (PDF, picture,
audio and video sources, codings of whole sources, variables, cases, sets, links, graphs) is
listed in the report's notices.
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.errors import ImportRejected
from desktop.io.exchange.collect import (
    LINKS_TO_NOTHING,
    NO_ENTITY,
    NOT_CLAIMS,
    SELF_LINKS,
    UNKNOWN_KINDS,
    UNKNOWN_LINKS,
    Collector,
    ExchangeReport,
    fit_labels,
    line_field,
    load_collected,
    resolve_label_key,
    split_meta,
    stable_guid,
    with_meta,
)
from desktop.io.exchange.common import refuse_declared_encoding, whole_number
from desktop.io.exchange.offsets import normalised
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.importers.common import MAX_BYTES as ARTICLE_BYTES
from desktop.io.importers.common import read_limited
from desktop.io.importers.limits import MAX_CHARS, UnpackBudget, UnpackLimit
from desktop.store.db import utcnow
from desktop.store.project import Project
from desktop.store.transfer import dump

NS = "urn:QDA-XML:project:1.0"
QDE = "project.qde"
MAX_BYTES = 100 * 1024 * 1024
"""The largest ``.qdpx`` file read (compressed)."""
QDE_BYTES = 32 * 1024 * 1024
"""The most ``project.qde`` may unpack to: ElementTree needs about ten times as much memory."""
UNPACKED_BYTES = 256 * 1024 * 1024
"""The most all members read may unpack to together (the XML and every source's text)."""
MAX_MEMBERS = 100_000
MAX_CODE_DEPTH = 64
"""Codes nested deeper are refused: a code's name in Hamish is its path of parents' names, and
no codebook of a real project comes near (MAXQDA's and NVivo's go a few levels deep)."""
BAD_KEYS = "label keys in Hamish lines that are not text"
"""Counted in :attr:`Collector.lost`: such a label is matched by its kind and name."""
_PIECE = 64 * 1024
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# --- export ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ExchangeExport:
    """What an exchange export wrote, and what the format could not hold."""

    path: Path
    documents: int
    annotations: int
    size: int
    lost: tuple[str, ...] = ()


def _x(text: object) -> str:
    """A string XML 1.0 can hold (the few characters it cannot become U+FFFD)."""
    return _XML_INVALID.sub("\ufffd", str(text))


def _el(parent: ET.Element, tag: str, **attrs: object) -> ET.Element:
    return ET.SubElement(parent, tag, {k: _x(v) for k, v in attrs.items() if v not in (None, "")})


def _text_el(parent: ET.Element, tag: str, text: str) -> None:
    if text:
        ET.SubElement(parent, tag).text = _x(text)


def _when(value: object) -> str | None:
    """A stored time as REFI-QDA writes one: ``xsd:dateTime`` in UTC with a ``Z``
    (``2019-06-04T05:25:16Z``). QualCoder drops only the ``T`` and the ``Z`` of what it reads,
    so a ``+00:00`` would stay in its dates. A value that is not a time is left out."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _Unique:
    """Names made unique with a number (" (2)"): QualCoder keeps one code of each name (its
    table's name is unique) and leaves the codings of a second one without a code, and stops
    its import at a second journal of one name."""

    def __init__(self, empty: str) -> None:
        self.empty = empty
        self.used: set[str] = set()

    def __call__(self, name: str) -> str:
        name = name or self.empty
        unique, number = name, 1
        while unique in self.used:
            number += 1
            unique = f"{name} ({number})"
        self.used.add(unique)
        return unique


class _Users:
    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        name = name or "Hamish"
        return self.names.setdefault(name, stable_guid("user", name))


def build_qde(content: Mapping[str, Any], project_name: str) -> tuple[bytes, dict[str, str]]:
    """``project.qde`` for the rows of ``store.transfer.dump`` and the sources' texts by
    GUID. Annotations that lost their place in the text (``orphaned``) are left out."""
    users = _Users()
    labels = {row["id"]: row for row in content["labels"]}
    entities = {row["id"]: row for row in content["entities"]}
    aliases: dict[int, list[str]] = {}
    for row in content["entity_aliases"]:
        aliases.setdefault(row["entity_id"], []).append(row["alias"])
    documents = {row["id"]: row for row in content["documents"]}
    annotations = [a for a in content["annotations"] if a["anchor"] != "orphaned"]
    label_guid = {i: stable_guid("label", row["key"]) for i, row in labels.items()}
    entity_guid = {i: stable_guid("entity", i, row["created_at"]) for i, row in entities.items()}
    doc_guid = {i: stable_guid("document", row["content_hash"]) for i, row in documents.items()}
    ann_guid = {
        a["id"]: stable_guid("annotation", documents[a["document_id"]]["content_hash"], a["id"])
        for a in content["annotations"]
    }
    claim_guid = {
        c["id"]: stable_guid("claim", ann_guid[c["annotation_id"]]) for c in content["claims"]
    }

    now = utcnow()
    root = ET.Element(
        "Project",
        {
            "xmlns": NS,
            "name": _x(project_name or "Hamish"),
            "origin": f"Hamish {__version__}",
            "creatingUserGUID": users(""),
            "creationDateTime": _when(now) or now,
        },
    )
    # Users come first in the schema, but are known only at the end: filled in below.
    users_el = _el(root, "Users")

    # Codes: labels, entities as children of the label most of their mentions carry.
    # The schema wants at least one child in every list: an empty CodeBook or Sources is
    # left out, not written (it would make the whole file invalid).
    codebook_el = ET.Element("CodeBook")
    codes_el = _el(codebook_el, "Codes")
    mentions: dict[int, Counter[int]] = {}
    for a in content["annotations"]:
        if a["entity_id"] is not None:
            mentions.setdefault(a["entity_id"], Counter())[a["label_id"]] += 1
    code_name = _Unique("?")
    label_codes: dict[int, ET.Element] = {}
    for label_id, row in labels.items():
        code = _el(
            codes_el,
            "Code",
            guid=label_guid[label_id],
            name=code_name(row["name_ar"] or row["name_en"]),
            isCodable="true",
            color=row["color"].upper(),
        )
        meta = {k: row[k] for k in ("key", "kind", "name_en", "name_ar", "icon", "shortcut")}
        _text_el(code, "Description", with_meta("", {"label": meta}))
        label_codes[label_id] = code
    unmentioned: ET.Element | None = None
    for entity_id, row in entities.items():
        counts = mentions.get(entity_id)
        if counts:
            parent = label_codes[counts.most_common(1)[0][0]]
        else:
            if unmentioned is None:
                unmentioned = _el(
                    codes_el,
                    "Code",
                    guid=stable_guid("entities"),
                    name=code_name("Entities"),
                    isCodable="false",
                )
            parent = unmentioned
        name = code_name(row["name"])
        code = _el(parent, "Code", guid=entity_guid[entity_id], name=name, isCodable="true")
        meta = {
            k: row[k] for k in ("type", "description", "notes", "created_at", "modified_at")
        } | {"aliases": aliases.get(entity_id, [])}
        if name != row["name"]:
            meta["name"] = row["name"]
        _text_el(code, "Description", with_meta(row["description"], {"entity": meta}))

    # Notes, and which object refers to each. Each note's text is a file in sources/, as
    # QualCoder writes (and reads) its journals, under a name of its own.
    texts: dict[str, str] = {}
    note_name = _Unique("Note")
    notes_el = ET.Element("Notes")
    refs: dict[tuple[str, int], list[str]] = {}
    for note in content["notes"]:
        guid = stable_guid("note", note["id"], note["created_at"])
        element = _el(
            notes_el,
            "Note",
            guid=guid,
            name=note_name(_short(note["body"])),
            plainTextPath=f"internal://{guid}.txt",
            creatingUser=users(note["author"]),
            creationDateTime=_when(note["created_at"]),
            modifiedDateTime=_when(note["modified_at"]),
        )
        texts[guid] = note["body"]
        if note["annotation_id"] is not None:
            refs.setdefault(("annotation", note["annotation_id"]), []).append(guid)
        elif note["document_id"] is not None:
            refs.setdefault(("document", note["document_id"]), []).append(guid)
        else:
            refs.setdefault(("project", 0), []).append(guid)
    subjects: dict[int, list[str]] = {}
    # A reference to an entity or claim the project no longer has (a file damaged or made by
    # hand: its foreign keys not enforced) is left out; it raised a KeyError.
    for row in content["claim_subjects"]:
        if row["entity_id"] in entity_guid:
            subjects.setdefault(row["claim_id"], []).append(entity_guid[row["entity_id"]])
    links: dict[int, list[dict[str, str]]] = {}
    for row in content["claim_links"]:
        if row["to_claim"] in claim_guid:
            links.setdefault(row["from_claim"], []).append(
                {"kind": row["kind"], "to": claim_guid[row["to_claim"]]}
            )
    for claim in content["claims"]:
        guid = claim_guid[claim["id"]]
        claimant = entities.get(claim["claimant_id"]) if claim["claimant_id"] else None
        lines = [
            f"Claim: {claim['summary']}" if claim["summary"] else "Claim",
            f"Claimant: {claimant['name']}" if claimant else "",
            f"Stance: {claim['stance']}; status: {claim['status']}",
            "Grading: " + f"{claim['reliability'] or '-'}{claim['credibility'] or '-'}",
        ]
        meta = {
            k: claim[k]
            for k in (
                "summary",
                "stance",
                "status",
                "reliability",
                "credibility",
                "claimed_on",
                "created_at",
                "modified_at",
            )
        } | {
            "claimant": entity_guid.get(claim["claimant_id"]) if claimant else None,
            "subjects": subjects.get(claim["id"], []),
            "links": links.get(claim["id"], []),
        }
        element = _el(
            notes_el,
            "Note",
            guid=guid,
            name=note_name(_short(lines[0])),
            plainTextPath=f"internal://{guid}.txt",
            creationDateTime=_when(claim["created_at"]),
            modifiedDateTime=_when(claim["modified_at"]),
        )
        body = "\n".join(line for line in lines if line)
        texts[guid] = with_meta(body, {"claim": meta})
        refs.setdefault(("annotation", claim["annotation_id"]), []).insert(0, guid)

    # Sources with their selections.
    sources_el = ET.Element("Sources")
    by_document: dict[int, list[dict[str, Any]]] = {}
    for a in annotations:
        by_document.setdefault(a["document_id"], []).append(a)
    for doc_id, doc in documents.items():
        guid = doc_guid[doc_id]
        texts[guid] = doc["text"]
        source = _el(
            sources_el,
            "TextSource",
            guid=guid,
            name=doc["title"],
            plainTextPath=f"internal://{guid}.txt",
            creatingUser=users(""),
            creationDateTime=_when(doc["imported_at"]),
            modifiedDateTime=_when(doc["modified_at"]),
        )
        human = "\n".join(v for v in (doc["source"], doc["author"], doc["url"]) if v)
        meta = {
            k: doc[k]
            for k in ("source", "url", "author", "published", "language", "direction", "origin")
        }
        _text_el(source, "Description", with_meta(human, {"document": meta}))
        for a in by_document.get(doc_id, []):
            selection = _el(
                source,
                "PlainTextSelection",
                guid=ann_guid[a["id"]],
                name=_short(a["quote"]),
                startPosition=a["start"],
                endPosition=a["end"],
                creatingUser=users(a["author"]),
                creationDateTime=_when(a["created_at"]),
                modifiedDateTime=_when(a["modified_at"]),
            )
            _text_el(selection, "Description", a["note"])
            coded = [label_guid[a["label_id"]]]
            if a["entity_id"] in entity_guid:  # (not a dangling reference)
                coded.append(entity_guid[a["entity_id"]])
            for target in coded:
                coding = _el(
                    selection,
                    "Coding",
                    guid=stable_guid("coding", ann_guid[a["id"]], target),
                    creatingUser=users(a["author"]),
                    creationDateTime=_when(a["created_at"]),
                )
                _el(coding, "CodeRef", targetGUID=target)
            for note_guid in refs.get(("annotation", a["id"]), []):
                _el(selection, "NoteRef", targetGUID=note_guid)
        for note_guid in refs.get(("document", doc_id), []):
            _el(source, "NoteRef", targetGUID=note_guid)
    for element in (codes_el, sources_el, notes_el):
        if len(element):
            root.append(codebook_el if element is codes_el else element)
    for note_guid in refs.get(("project", 0), []):
        _el(root, "NoteRef", targetGUID=note_guid)
    users("")  # the project's creating user is always listed
    for name, guid in users.names.items():
        _el(users_el, "User", guid=guid, name=name)
    ET.indent(root, space=" ")
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml, texts


def export_qdpx(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: list[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExchangeExport:
    """Write the project (or ``document_ids``) as a REFI-QDA project to ``path``: checked
    first, written to a temporary file that replaces ``path`` only when complete."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    content = dump(project.database, document_ids)
    xml, texts = build_qde(content, project.path.stem)
    orphaned = sum(1 for a in content["annotations"] if a["anchor"] == "orphaned")
    lost = []
    if orphaned:
        lost.append(f"{orphaned} annotations that lost their place in the text were left out.")
    if content["decisions"]:
        lost.append(
            f"{len(content['decisions'])} decisions on suggestions were left out "
            "(REFI-QDA has no place for them)."
        )
    with (
        replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr(QDE, xml)
        for guid, text in texts.items():
            archive.writestr(f"sources/{guid}.txt", text.encode("utf-8"))
    return ExchangeExport(
        path=target,
        documents=len(content["documents"]),
        annotations=len(content["annotations"]) - orphaned,
        size=target.stat().st_size,
        lost=tuple(lost),
    )


# --- import ----------------------------------------------------------------------------------
def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) == name)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next(_children(element, name), None)


def _child_text(element: ET.Element, name: str) -> str:
    child = _child(element, name)
    return child.text or "" if child is not None else ""


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _safe_member_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not (
        name.startswith(("/", "\\"))
        or re.match(r"[A-Za-z]:", name)
        or ".." in parts
        or "\x00" in name
    )


class _Archive:
    """The members of a ``.qdpx``, read under one budget of inflated bytes."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.budget = UnpackBudget(UNPACKED_BYTES)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise ImportRejected(
                f"{name} is not a REFI-QDA project (.qdpx): it is not a readable zip archive "
                f"({error}). Nothing was imported."
            ) from error
        if len(infos) > MAX_MEMBERS:
            raise ImportRejected(
                f"{name} holds {len(infos):,} files; Hamish reads REFI-QDA projects of up to "
                f"{MAX_MEMBERS:,}. Nothing was imported."
            )
        self.members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not _safe_member_name(info.filename):
                raise ImportRejected(
                    f"{name} holds a file named {info.filename!r}, a path that leads out of "
                    "the project; the file is refused. Nothing was imported."
                )
            key = info.filename.replace("\\", "/").lower()
            if key in self.members:
                raise ImportRejected(
                    f"{name} lists the file {info.filename!r} twice; the file is refused. "
                    "Nothing was imported."
                )
            self.members[key] = info

    def read(self, member: str, limit: int) -> bytearray | None:
        """The bytes of ``member`` (None when absent), at most ``limit`` of them and within
        what the budget has left, counted as they are inflated."""
        info = self.members.get(member.lower())
        if info is None or info.is_dir():
            return None
        if info.flag_bits & 0x1:
            raise ImportRejected(
                f"{self.name}: {info.filename} is encrypted; Hamish cannot read it. Nothing "
                "was imported."
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRejected(
                f"{self.name}: {info.filename} is compressed with a method Hamish does not "
                "read (only stored and deflated files are). Nothing was imported."
            )
        out = bytearray()
        try:
            with self.zip.open(info) as stream:
                while piece := stream.read(_PIECE):
                    self.budget.take(len(piece))
                    out += piece
                    if len(out) > limit:
                        raise UnpackLimit(info.filename)
        except UnpackLimit:
            raise ImportRejected(
                f"{self.name} unpacks to more than Hamish reads from a REFI-QDA project "
                f"({limit // (1024 * 1024)} MB for one file, "
                f"{UNPACKED_BYTES // (1024 * 1024)} MB in all); it may be a zip bomb. "
                "Nothing was imported."
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise ImportRejected(
                f"{self.name}: {info.filename} is damaged ({error}). Nothing was imported."
            ) from error
        return out  # not copied: decoded or parsed as it is


def _parse_xml(data: bytes | bytearray, name: str) -> ET.Element:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    refuse_declared_encoding(data, f"{name}: project.qde")
    try:
        root: ET.Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ImportRejected(
            f"{name}: project.qde declares a document type or entities ({type(error).__name__}"
            "), which Hamish refuses: they can expand without end or read files of this "
            "computer. Nothing was imported."
        ) from error
    except (ET.ParseError, ValueError, RecursionError) as error:
        raise ImportRejected(
            f"{name}: project.qde is not well-formed XML ({error}). Nothing was imported."
        ) from error
    return root


@dataclass(slots=True)
class _Code:
    guid: str
    name: str
    path: str
    color: str
    parent: str
    meta: dict[str, Any]
    codable: bool = True


@dataclass(slots=True)
class _Reader:
    """One import: the archive, the collector, and what each GUID became."""

    project: Project
    archive: _Archive
    collector: Collector
    users: dict[str, str] = field(default_factory=dict)
    codes: dict[str, _Code] = field(default_factory=dict)
    labels: dict[str, int] = field(default_factory=dict)  # code guid -> label id
    entities: dict[str, int] = field(default_factory=dict)  # code guid -> entity id
    notes: dict[str, ET.Element] = field(default_factory=dict)
    used_notes: set[str] = field(default_factory=set)
    claims: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return self.collector.name

    # --- codes ---------------------------------------------------------------------------------
    def read_codes(self, root: ET.Element) -> None:
        codebook = _child(root, "CodeBook")
        codes = _child(codebook, "Codes") if codebook is not None else None
        if codes is None:
            return
        stack = [(code, "", "", 1) for code in reversed(list(_children(codes, "Code")))]
        while stack:
            element, parent, parent_path, depth = stack.pop()
            if depth > MAX_CODE_DEPTH:
                # Each code's path holds its parents' names: 12,000 levels (a 35 KB file) made
                # paths of gigabytes before any check (found by an attacker).
                raise ImportRejected(
                    f"{self.name}: its codebook nests codes more than {MAX_CODE_DEPTH} levels "
                    "deep; nothing was imported."
                )
            guid = _guid(element.get("guid"))
            name = line_field(element.get("name")) or "?"
            path = f"{parent_path} / {name}" if parent_path else name
            description, meta = split_meta(_child_text(element, "Description"))
            colour = (element.get("color") or "").strip()
            if re.fullmatch(r"#[0-9A-Fa-f]{3}", colour):
                colour = "#" + "".join(c * 2 for c in colour[1:])
            if guid in self.codes:  # which code would its codings mean? Guessing moves tags
                raise ImportRejected(
                    f"{self.name}: two codes of the codebook have the GUID {guid}, which must be "
                    "unique; nothing was imported."
                )
            if guid:
                codable = (element.get("isCodable") or "true").strip().lower() in ("true", "1")
                self.codes[guid] = _Code(guid, name, path, colour, parent, meta, codable)
                if description.strip():
                    self.codes[guid].meta.setdefault("description", description.strip())
            children = list(_children(element, "Code"))
            stack.extend((child, guid, path, depth + 1) for child in reversed(children))

    def label_for(self, guid: str) -> int | None:
        """The label of a code (made on first use), None for an entity's code."""
        if guid in self.labels:
            return self.labels[guid]
        code = self.codes.get(guid)
        if code is None:
            return None
        if isinstance(code.meta.get("entity"), dict):
            return None
        label = code.meta.get("label")
        values: dict[str, Any] = dict(label) if isinstance(label, dict) else {}
        kind = str(values["kind"]) if values.get("kind") in ("entity", "claim", "note") else "span"
        key = values.get("key") if isinstance(values.get("key"), str) else code.path
        if "key" in values and not isinstance(values["key"], str):
            # "key": 5 made a second Person label keyed by the code's name (an attack): the
            # label of that kind and name, when there is one, and said either way.
            self.collector.lost[BAD_KEYS] += 1
            key = self.label_named(kind, values) or key
        self.collector.lost[UNKNOWN_KINDS] += values.get("kind") not in (None, "", kind)
        values.setdefault("name_en", code.path)
        values.setdefault("name_ar", code.name if label else code.path)
        values.pop("key", None)
        values["kind"] = kind
        values["color"] = code.color
        key = resolve_label_key(self.project, line_field(key) or code.path, kind)
        self.labels[guid] = self.collector.label(key, **values)
        return self.labels[guid]

    def label_named(self, kind: str, values: dict[str, Any]) -> str | None:
        """The key of the project's (or the file's) label of ``kind`` and the names in
        ``values``, if there is one."""
        names = {values.get("name_en"), values.get("name_ar")} - {None, ""}
        for label in self.project.labels.all():
            if label.kind == kind and names & {label.name_en, label.name_ar}:
                return label.key
        for row in self.collector.tables["labels"]:
            if row["kind"] == kind and names & {row["name_en"], row["name_ar"]}:
                return str(row["key"])
        return None

    def entity_for(self, guid: str) -> int | None:
        if guid in self.entities:
            return self.entities[guid]
        code = self.codes.get(guid)
        if code is None or not isinstance(code.meta.get("entity"), dict):
            return None
        values = dict(code.meta["entity"])
        name = values.pop("name", None)  # the entity's own name, when its code's was numbered
        name = name if isinstance(name, str) and name.strip() else code.name
        self.entities[guid] = self.collector.entity(name, **values)
        return self.entities[guid]

    # --- notes ---------------------------------------------------------------------------------
    def note_text(self, note: ET.Element) -> str:
        text = _child_text(note, "PlainTextContent")
        path = note.get("plainTextPath") or ""
        if not text and path.startswith("internal://"):
            text = self.source_text(path, note.get("name") or "note") or ""
        return text

    def attach_notes(
        self, element: ET.Element, document_id: int | None, annotation_id: int | None
    ) -> None:
        for ref in _children(element, "NoteRef"):
            guid = _guid(ref.get("targetGUID"))
            note = self.notes.get(guid)
            if note is None:
                self.dropped["missing note"] += 1
                continue
            self.used_notes.add(guid)
            body, meta = split_meta(self.note_text(note))
            claim = meta.get("claim")
            if (
                isinstance(claim, dict)
                and annotation_id is not None
                and self._is_claim(annotation_id)
                and annotation_id not in {c for c, _ in self.claims.values()}
            ):
                self.claims[guid] = (annotation_id, claim)
                continue
            # its body is kept as a note; the claim's details had no place, and went unsaid
            self.collector.lost[NOT_CLAIMS] += isinstance(claim, dict)
            self.collector.note(
                body,
                document_id=None if annotation_id else document_id,
                annotation_id=annotation_id,
                author=self.users.get(_guid(note.get("creatingUser")), ""),
                created_at=note.get("creationDateTime"),
                modified_at=note.get("modifiedDateTime"),
            )

    def _is_claim(self, annotation_id: int) -> bool:
        row = self.collector.tables["annotations"][annotation_id - 1]
        labels = {r["id"]: r for r in self.collector.tables["labels"]}
        return bool(labels[row["label_id"]]["kind"] == "claim")

    def finish_claims(self) -> None:
        claim_ids: dict[str, int] = {}
        for guid, (annotation_id, values) in self.claims.items():
            claim_id = self.collector.claim(annotation_id, values)
            claim_ids[guid] = claim_id
            row = self.collector.tables["claims"][-1]
            claimant = values.get("claimant")
            if isinstance(claimant, str):
                row["claimant_id"] = self.entity_for(_guid(claimant))
            lost = self.collector.lost
            lost[NO_ENTITY] += claimant not in (None, "") and row.get("claimant_id") is None
            subjects = values.get("subjects")
            seen: set[int] = set()
            for subject in subjects if isinstance(subjects, list) else []:
                entity = self.entity_for(_guid(subject)) if isinstance(subject, str) else None
                lost[NO_ENTITY] += entity is None
                if entity is not None and entity not in seen:
                    seen.add(entity)
                    self.collector.tables["claim_subjects"].append(
                        {"claim_id": claim_id, "entity_id": entity}
                    )
        links = self.collector.tables["claim_links"]
        seen_links: set[tuple[int, int, str]] = set()
        for guid, (_, values) in self.claims.items():
            raw = values.get("links")
            for link in raw if isinstance(raw, list) else []:
                if not isinstance(link, dict):
                    self.collector.lost[UNKNOWN_LINKS] += 1
                    continue
                to = claim_ids.get(_guid(str(link.get("to"))))
                kind = link.get("kind")
                key = (claim_ids[guid], to or 0, str(kind))
                if to is not None and to == claim_ids[guid]:
                    self.collector.lost[SELF_LINKS] += 1
                    continue
                if to is None:
                    self.collector.lost[LINKS_TO_NOTHING] += 1
                    continue
                if key in seen_links:
                    continue
                if kind not in ("supports", "contradicts", "repeats"):
                    self.collector.lost[UNKNOWN_LINKS] += 1
                else:
                    seen_links.add(key)
                    links.append(
                        {"id": len(links) + 1, "from_claim": key[0], "to_claim": to, "kind": kind}
                    )

    # --- sources ------------------------------------------------------------------------------
    def source_text(self, path: str, name: str, *, keep_bom: bool = False) -> str | None:
        """The text of an internal source. A leading byte-order mark is the encoding's, not
        a character, unless Hamish wrote the file (``keep_bom``): then it is the article's
        first character (a text can start with U+FEFF) and positions count it."""
        member = "sources/" + path.removeprefix("internal://")
        data = self.archive.read(member, ARTICLE_BYTES)  # as a text file's import
        if data is None:
            self.dropped["missing text"] += 1
            return None
        if not keep_bom and data.startswith(b"\xef\xbb\xbf"):
            del data[:3]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.dropped["not utf-8"] += 1
            return None

    def read_source(self, source: ET.Element, number: int) -> None:
        name = line_field(source.get("name")) or f"Source {number}"
        path = (source.get("plainTextPath") or "").strip()
        raw: str | None
        _, meta = split_meta(_child_text(source, "Description"))
        if path.startswith("internal://"):
            raw = self.source_text(path, name, keep_bom="document" in meta)
        elif path:
            self.dropped["outside"] += 1
            return
        else:
            content = _child(source, "PlainTextContent")
            raw = content.text or "" if content is not None else None
            if raw is None:
                self.dropped["missing text"] += 1
                return
        if raw is None:
            return
        text, move = normalised(raw)
        if not text.strip():
            self.dropped["empty"] += 1
            return
        if len(text) > MAX_CHARS:
            self.dropped["too long"] += 1
            return
        document_meta = meta.get("document")
        metadata = dict(document_meta) if isinstance(document_meta, dict) else {}
        document_id = self.collector.document(name, text, **metadata)
        for selection in _children(source, "PlainTextSelection"):
            self.read_selection(selection, document_id, text, raw, move)
        self.dropped["source coding"] += sum(1 for _ in _children(source, "Coding"))
        self.dropped["variable value"] += sum(1 for _ in _children(source, "VariableValue"))
        self.attach_notes(source, document_id, None)

    def read_selection(
        self, selection: ET.Element, document_id: int, text: str, raw: str, move: Any
    ) -> None:
        try:
            start = whole_number(selection.get("startPosition") or "")
            end = whole_number(selection.get("endPosition") or "")
        except ValueError:
            self.dropped["bad position"] += 1
            return
        if not 0 <= start <= end <= len(raw):
            self.dropped["outside text"] += 1
            return
        start, end = move(start), move(end)
        if start >= end:  # a zero-length selection was said to be outside its text
            self.dropped["no text"] += 1
            return
        labels: list[int] = []
        entity: int | None = None
        entity_label: int | None = None
        for coding in _children(selection, "Coding"):
            ref = _child(coding, "CodeRef")
            guid = _guid(ref.get("targetGUID") if ref is not None else "")
            label = self.label_for(guid)
            if label is not None:
                if label not in labels:
                    labels.append(label)
                continue
            found = self.entity_for(guid)
            if found is None:
                self.dropped["unknown code"] += 1
                continue
            entity = entity if entity is not None else found
            parent = self.codes[guid].parent
            entity_label = self.label_for(parent) if parent else None
        if not labels and entity is not None:
            labels.append(
                entity_label
                if entity_label is not None
                else self.collector.label("entity", name_en="Entity", kind="entity")
            )
        description = _child_text(selection, "Description")
        if not labels:
            if not description.strip() and _child(selection, "NoteRef") is None:
                self.dropped["uncoded"] += 1
                return
            labels.append(
                self.collector.label("note", name_en="Note", name_ar="ملاحظة", kind="note")
            )
        author = self.users.get(_guid(selection.get("creatingUser")), "")
        first: int | None = None
        for label in labels:
            annotation = self.collector.annotation(
                document_id,
                text,
                start,
                end,
                label,
                entity_id=entity if first is None else None,
                note=description if first is None else "",
                author=author,
                created_at=selection.get("creationDateTime"),
                modified_at=selection.get("modifiedDateTime"),
            )
            first = first or annotation
        self.attach_notes(selection, document_id, first)

    def read(self, root: ET.Element) -> None:
        users = _child(root, "Users")
        for user in _children(users, "User") if users is not None else ():
            self.users[_guid(user.get("guid"))] = line_field(user.get("name"))
        self.read_codes(root)
        for guid, code in self.codes.items():  # the whole codebook, used or not
            if isinstance(code.meta.get("entity"), dict):
                self.entity_for(guid)
            elif code.codable:
                self.label_for(guid)
        notes = _child(root, "Notes")
        for note in _children(notes, "Note") if notes is not None else ():
            self.notes[_guid(note.get("guid"))] = note
        sources = _child(root, "Sources")
        number = 0
        for source in list(sources) if sources is not None else []:
            kind = _local(source.tag)
            if kind == "TextSource":
                number += 1
                self.read_source(source, number)
            else:
                self.dropped[kind] += 1
        self.attach_notes(root, None, None)
        for guid, note in self.notes.items():  # notes nothing refers to: on the project
            if guid not in self.used_notes:
                body, _ = split_meta(self.note_text(note))
                self.collector.note(body, created_at=note.get("creationDateTime"))
        self.finish_claims()
        for part in ("Variables", "Cases", "Sets", "Links", "Graphs"):
            element = _child(root, part)
            if element is not None and len(element):
                self.dropped[part] += len(element)


_DROPPED = {
    "PDFSource": "{n} PDF sources were not imported (Hamish imports their text only from "
    "text sources).",
    "PictureSource": "{n} picture sources were not imported.",
    "AudioSource": "{n} audio sources were not imported.",
    "VideoSource": "{n} video sources were not imported.",
    "outside": "{n} sources whose text is outside the project file were not imported (Hamish "
    "never reads other files named in an imported one).",
    "missing text": "{n} sources whose text is missing from the file were not imported.",
    "not utf-8": "{n} sources whose text is not UTF-8 were not imported.",
    "empty": "{n} sources without text were not imported.",
    "too long": "{n} sources longer than Hamish imports were not imported.",
    "bad position": "{n} selections without valid positions were not imported.",
    "outside text": "{n} selections outside their source's text were not imported.",
    "no text": "{n} selections that cover no text were not imported.",
    "uncoded": "{n} selections without a code or a note were not imported.",
    "unknown code": "{n} codings of codes missing from the codebook were not imported.",
    "source coding": "{n} codings of whole sources were not imported.",
    "missing note": "{n} references to missing notes were ignored.",
    "variable value": "{n} variable values of sources were not imported.",
    "Variables": "{n} variables were not imported.",
    "Cases": "{n} cases were not imported.",
    "Sets": "{n} sets were not imported.",
    "Links": "{n} links were not imported.",
    "Graphs": "{n} graphs were not imported.",
}


def read_qdpx(project: Project, path: str | os.PathLike[str]) -> Collector:
    """Read and check ``path``; the rows it becomes, with what was left out as notices."""
    file = Path(path)
    name = file.name or str(file)
    data = read_limited(
        file,
        MAX_BYTES,
        "{name} is {size_mb:.0f} MB; Hamish imports REFI-QDA projects of up to {limit_mb} MB.",
    )
    archive = _Archive(data, name)
    del data
    qde = archive.read(QDE, QDE_BYTES)
    if qde is None:
        raise ImportRejected(
            f"{name} is not a REFI-QDA project: it has no project.qde. Nothing was imported."
        )
    root = _parse_xml(qde, name)
    del qde
    if _local(root.tag) != "Project":
        raise ImportRejected(
            f"{name} is not a REFI-QDA project: project.qde holds {_local(root.tag)!r}, not "
            "a Project. Nothing was imported."
        )
    collector = Collector(name)
    fit_labels(collector, project)
    reader = _Reader(project, archive, collector)
    reader.read(root)
    if not collector.tables["documents"]:
        raise ImportRejected(
            f"{name} holds no text source Hamish can import; nothing was imported."
        )
    for key, template in _DROPPED.items():
        if reader.dropped[key]:
            collector.notices.append(template.format(n=reader.dropped[key]))
    return collector


def import_qdpx(project: Project, path: str | os.PathLike[str]) -> ExchangeReport:
    """Import a REFI-QDA project into ``project`` in one transaction."""
    collector = read_qdpx(project, path)
    return load_collected(project, collector, Path(path))
