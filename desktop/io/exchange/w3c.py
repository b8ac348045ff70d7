"""W3C Web Annotation Data Model (JSON-LD): Hypothesis, Recogito and other annotation tools.

One file is one ``AnnotationCollection`` for the project (or the chosen articles) whose first
``AnnotationPage`` holds every annotation. Each annotation (docs/interop.md has the mapping):

* ``id`` ``urn:uuid:…`` (UUID 5 of the annotation's identity: the same on every export),
  ``type`` ``Annotation``, ``motivation`` ``tagging`` (``identifying`` when it names an
  entity, ``commenting`` for a note label), ``created``/``modified``, ``creator``;
* ``body``: a ``TextualBody`` with the label's name (``purpose`` ``tagging``), a
  ``SpecificResource`` (``purpose`` ``identifying``) whose ``source`` is the entity (its
  ``urn:uuid`` and ``name``), a ``TextualBody`` (``commenting``) with the note, and for a claim
  a ``TextualBody`` (``assessing``) with the summary and the assessment;
* ``target``: ``source`` the article's ``urn:uuid``, ``selector`` a ``TextQuoteSelector``
  (``exact``, ``prefix``, ``suffix``) and a ``TextPositionSelector`` (``start``/``end`` in code
  points, as the model defines).

Notes on an article or the project are ``commenting`` annotations whose target is the article
or the collection itself. The texts, labels and entities travel in ``hamish:documents``,
``hamish:labels`` and ``hamish:entities`` (the context maps ``hamish:`` to ``urn:x-hamish:``),
since the model has no place for them: a tool that does not know them ignores them.

Import re-anchors every annotation: the position if the text there is the quote, else the
quote with its prefix and suffix (``core.spans.reanchor``). What cannot be anchored, or has no
text in the file, is listed in the report's notices.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.errors import ImportRejected
from desktop.core.spans import reanchor
from desktop.io.exchange.collect import (
    LINKS_TO_NOTHING,
    NO_ENTITY,
    SELF_LINKS,
    UNKNOWN_LINKS,
    UNREADABLE_CLAIMS,
    Collector,
    ExchangeReport,
    fit_labels,
    line_field,
    load_collected,
    resolve_label_key,
    stable_guid,
)
from desktop.io.exchange.common import shown
from desktop.io.exchange.offsets import normalised
from desktop.io.exchange.qdpx import ExchangeExport
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.importers.common import read_limited
from desktop.io.importers.json_import import load_file_json
from desktop.io.importers.limits import MAX_CHARS
from desktop.io.importers.text import decode_utf8
from desktop.store.db import utcnow
from desktop.store.project import Project
from desktop.store.transfer import dump

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"hamish": "urn:x-hamish:"}]
MAX_BYTES = 40 * 1024 * 1024
"""As for Hamish JSON: parsing holds several times the file."""
MAX_ANNOTATIONS = 1_000_000
# What :attr:`Collector.lost` counts here ("Left out: {what} ({n}).").
NOT_ARTICLES = "articles in hamish:documents that are not records"
NO_TEXT = "articles without a text"
TOO_LONG = "articles longer than an article may be"


def _urn(*parts: object) -> str:
    return "urn:uuid:" + stable_guid(*parts)


# --- export ----------------------------------------------------------------------------------
def build_collection(content: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The collection for the rows of ``store.transfer.dump``; orphaned annotations (which
    lost their place in the text) are left out."""
    documents = {row["id"]: row for row in content["documents"]}
    labels = {row["id"]: row for row in content["labels"]}
    entities = {row["id"]: row for row in content["entities"]}
    aliases: dict[int, list[str]] = {}
    for row in content["entity_aliases"]:
        aliases.setdefault(row["entity_id"], []).append(row["alias"])
    doc_urn = {i: _urn("document", row["content_hash"]) for i, row in documents.items()}
    entity_urn = {i: _urn("entity", i, row["created_at"]) for i, row in entities.items()}
    ann_urn = {
        a["id"]: _urn("annotation", documents[a["document_id"]]["content_hash"], a["id"])
        for a in content["annotations"]
    }
    claims = {row["annotation_id"]: row for row in content["claims"]}
    claim_urn = {row["id"]: ann_urn[row["annotation_id"]] for row in content["claims"]}
    subjects: dict[int, list[str]] = {}
    for row in content["claim_subjects"]:
        subjects.setdefault(row["claim_id"], []).append(entity_urn[row["entity_id"]])
    links: dict[int, list[dict[str, str]]] = {}
    for row in content["claim_links"]:
        links.setdefault(row["from_claim"], []).append(
            {"kind": row["kind"], "to": claim_urn[row["to_claim"]]}
        )
    collection_id = _urn("collection", *sorted(doc_urn.values()))
    items: list[dict[str, Any]] = []
    for a in content["annotations"]:
        if a["anchor"] == "orphaned":
            continue
        label = labels[a["label_id"]]
        body: list[dict[str, Any]] = [
            {
                "type": "TextualBody",
                "purpose": "tagging",
                "value": label["name_en"],
                "hamish:label": label["key"],
            }
        ]
        motivation = "commenting" if label["kind"] == "note" else "tagging"
        if a["entity_id"] is not None:
            entity = entities[a["entity_id"]]
            body.append(
                {
                    "type": "SpecificResource",
                    "purpose": "identifying",
                    "source": {"id": entity_urn[a["entity_id"]], "name": entity["name"]},
                }
            )
            motivation = "identifying"
        if a["note"]:
            body.append({"type": "TextualBody", "purpose": "commenting", "value": a["note"]})
        claim = claims.get(a["id"])
        if claim is not None:
            assessment = {
                k: claim[k]
                for k in (
                    "stance",
                    "status",
                    "reliability",
                    "credibility",
                    "claimed_on",
                    "created_at",
                    "modified_at",
                )
                if claim[k] is not None
            }
            if claim["claimant_id"] is not None:
                assessment["claimant"] = entity_urn[claim["claimant_id"]]
            assessment["subjects"] = subjects.get(claim["id"], [])
            assessment["links"] = links.get(claim["id"], [])
            body.append(
                {
                    "type": "TextualBody",
                    "purpose": "assessing",
                    "value": claim["summary"],
                    "hamish:claim": assessment,
                }
            )
        item: dict[str, Any] = {
            "id": ann_urn[a["id"]],
            "type": "Annotation",
            "motivation": motivation,
            "created": a["created_at"],
            "modified": a["modified_at"],
        }
        if a["author"]:
            item["creator"] = {"type": "Person", "name": a["author"]}
        item["body"] = body
        item["target"] = {
            "source": doc_urn[a["document_id"]],
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a["quote"],
                    "prefix": a["prefix"],
                    "suffix": a["suffix"],
                },
                {"type": "TextPositionSelector", "start": a["start"], "end": a["end"]},
            ],
        }
        items.append(item)
    for note in content["notes"]:
        if note["annotation_id"] is not None:
            target: Any = ann_urn[note["annotation_id"]]
        elif note["document_id"] is not None:
            target = doc_urn[note["document_id"]]
        else:
            target = collection_id
        item = {
            "id": _urn("note", note["id"], note["created_at"]),
            "type": "Annotation",
            "motivation": "commenting",
            "created": note["created_at"],
            "modified": note["modified_at"],
        }
        if note["author"]:
            item["creator"] = {"type": "Person", "name": note["author"]}
        item["body"] = {"type": "TextualBody", "purpose": "commenting", "value": note["body"]}
        item["target"] = target
        items.append(item)
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": name,
        "total": len(items),
        "generator": {
            "id": "urn:x-hamish:app",
            "type": "Software",
            "name": f"Hamish {__version__}",
        },
        "generated": utcnow(),
        "hamish:documents": [
            {
                "id": doc_urn[i],
                "title": row["title"],
                **{
                    k: row[k]
                    for k in ("source", "url", "author", "published", "language", "direction")
                    if row[k]
                },
                "text": row["text"],
            }
            for i, row in documents.items()
        ],
        "hamish:labels": [
            {k: row[k] for k in ("key", "name_en", "name_ar", "kind", "color", "icon", "shortcut")}
            for row in labels.values()
        ],
        "hamish:entities": [
            {
                "id": entity_urn[i],
                "name": row["name"],
                "type": row["type"],
                "description": row["description"],
                "notes": row["notes"],
                "aliases": aliases.get(i, []),
                "created_at": row["created_at"],
                "modified_at": row["modified_at"],
            }
            for i, row in entities.items()
        ],
        "first": {
            "id": collection_id + "#page1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }


def export_w3c(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: list[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExchangeExport:
    """Write the project (or ``document_ids``) as a Web Annotation collection to ``path``."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    content = dump(project.database, document_ids)
    collection = build_collection(content, project.path.stem)
    orphaned = sum(1 for a in content["annotations"] if a["anchor"] == "orphaned")
    lost = []
    if orphaned:
        lost.append(f"{orphaned} annotations that lost their place in the text were left out.")
    if content["decisions"]:
        lost.append(
            f"{len(content['decisions'])} decisions on suggestions were left out "
            "(the Web Annotation model has no place for them)."
        )
    with (
        replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp,
        tmp.open("w", encoding="utf-8", newline="\n") as out,
    ):
        json.dump(collection, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return ExchangeExport(
        path=target,
        documents=len(content["documents"]),
        annotations=len(content["annotations"]) - orphaned,
        size=target.stat().st_size,
        lost=tuple(lost),
    )


# --- import ----------------------------------------------------------------------------------
def _list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _items(data: object) -> list[Any] | None:
    """The annotations of a collection, a page, one annotation or a list of them."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    kinds = _list(data.get("type"))
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        return _list(data.get("items"))
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict):
            return _list(first.get("items"))
        if "items" in data:
            return _list(data.get("items"))
        # ``"first": null`` (or a page elsewhere, by its address) read as no annotations at
        # all: every one went without a word (an attack). Refused by the caller, in words.
        return [] if "first" not in data and not data.get("total") else None
    return None


def _selectors(target: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    for selector in _list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        if selector.get("type") == "TextQuoteSelector" and not quote:
            quote = selector
        elif selector.get("type") == "TextPositionSelector" and not position:
            position = selector
    return quote, position


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _said(value: object) -> str:
    """A selector's ``start`` or ``end`` for a message: a whole number as it is, anything
    else (``"6"``, ``6.5``, ``null``, a 900-digit number) quoted and cut."""
    number = _int(value)
    if number is not None and abs(number) < 10**15:
        return str(number)
    return shown(json.dumps(value) if number is None else "a number too large", 20)


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


class _Reader:
    def __init__(self, project: Project, collector: Collector, data: dict[str, Any]) -> None:
        self.project = project
        self.collector = collector
        self.documents: dict[str, tuple[int, str]] = {}  # source id -> (document id, text)
        self.entities: dict[str, int] = {}
        self.entity_values: dict[str, dict[str, Any]] = {}
        self.labels: dict[str, dict[str, Any]] = {}
        self.annotations: dict[str, int] = {}
        self.claims: list[tuple[int, dict[str, Any]]] = []
        self.unanchored = 0
        self.no_text = 0
        self.no_label = 0
        self.moved = 0
        self.unknown_targets = 0
        self.not_claims = 0  # claim assessments on tags whose label is not a claim label
        self.no_place = 0  # tags whose target names an article but no place in it
        self.out_of_range = 0  # a TextPositionSelector alone, outside its article's text
        self.outside: tuple[object, object, int] | None = None  # the first: start, end, length
        self.position_ignored = 0  # a position outside the text beside a quote: quote used
        self.collection_id = _str(data.get("id"))
        ids: set[str] = set()
        for doc in _list(data.get("hamish:documents")):
            # An article without a text (a number, "", a list) was dropped without a word and
            # its tags reported as "on texts that are not in the file" (an attack).
            if not isinstance(doc, dict):
                collector.lost[NOT_ARTICLES] += 1
                continue
            ident = _str(doc.get("id"))
            if ident and ident in ids:
                # Two articles with one id: the second's tags went to the first's text, where
                # their quotes were not found (an attack). Which is meant cannot be told.
                raise ImportRejected(
                    f"{collector.name}: two articles have the id {ident}, which must be "
                    "unique; nothing was imported."
                )
            ids.add(ident)
            raw = doc.get("text")
            text = normalised(raw)[0] if isinstance(raw, str) else ""
            if not text.strip() or len(text) > MAX_CHARS:
                collector.lost[NO_TEXT if len(text) <= MAX_CHARS else TOO_LONG] += 1
                continue
            metadata = {k: v for k, v in doc.items() if k not in ("title", "text")}
            document_id = collector.document(_str(doc.get("title")), text, **metadata)
            for key in (ident, _str(doc.get("url"))):
                if key:
                    self.documents.setdefault(key, (document_id, text))
        for label in _list(data.get("hamish:labels")):
            if isinstance(label, dict) and isinstance(label.get("key"), str):
                self.labels[label["key"]] = label
        for entity in _list(data.get("hamish:entities")):
            if isinstance(entity, dict) and isinstance(entity.get("id"), str):
                self.entity_values[entity["id"]] = entity
        for key in self.labels:  # the whole label list, used or not
            self.label(key)
        for urn in self.entity_values:
            self.entity(urn, "")

    def label(self, key: str, name: str = "", kind: str = "span") -> int:
        values = dict(self.labels.get(key, {}))
        values.setdefault("name_en", name or key)
        values.setdefault("kind", kind)
        values.pop("key", None)
        final = resolve_label_key(self.project, line_field(key) or "tag", str(values["kind"]))
        return self.collector.label(final, **values)

    def entity(self, urn: str, name: str) -> int | None:
        if urn in self.entities:
            return self.entities[urn]
        declared = urn in self.entity_values
        values = dict(self.entity_values.get(urn, {}))
        name = _str(values.pop("name", "")) or name
        if not line_field(name):
            if not declared:
                return None
            # Declared but named by nothing visible (bidi controls alone): kept as "?", with
            # its tags and claims — dropped, they went without a word (an attack).
            name = "?"
        values.pop("id", None)
        self.entities[urn] = self.collector.entity(name, **values)
        return self.entities[urn]

    def annotation(self, item: dict[str, Any]) -> None:
        target = item.get("target")
        targets = [t for t in _list(target) if isinstance(t, (dict, str))]
        if not targets:
            self.unknown_targets += 1
            return
        first = targets[0]
        bodies = [b for b in _list(item.get("body")) if isinstance(b, (dict, str))]
        comments = [
            _str(b.get("value")) if isinstance(b, dict) else b
            for b in bodies
            if isinstance(b, str)
            or (b.get("purpose") == "commenting" and b.get("type") != "SpecificResource")
        ]
        creator = item.get("creator")
        author = _str(creator.get("name")) if isinstance(creator, dict) else _str(creator)
        stamps = {"created_at": item.get("created"), "modified_at": item.get("modified")}
        if isinstance(first, str) or not first.get("selector"):
            source = (
                first if isinstance(first, str) else _str(first.get("source") or first.get("id"))
            )
            tags = [
                b
                for b in bodies
                if isinstance(b, dict)
                and b.get("purpose") in ("tagging", "identifying", "assessing")
            ]
            if tags:
                # A tag on an article without a selector: it was read as an empty note on the
                # article, and an empty note is none — the tag went without a word (an attack).
                # On an article the file does not hold it is that, not a tag without a label.
                if source in self.documents:
                    self.no_place += 1
                else:
                    self.no_text += 1
                return
            if not any(c for c in comments):
                self.no_label += 1  # nothing to say: said, not dropped quietly
                return
            self.note("\n".join(c for c in comments if c), source, author, stamps)
            return
        source = _str(first.get("source"))
        found = self.documents.get(source)
        if found is None:
            self.no_text += 1
            return
        document_id, text = found
        quote, position = _selectors(first)
        exact = _str(quote.get("exact"))
        start, end = _int(position.get("start")), _int(position.get("end"))
        # The model counts a TextPositionSelector in code points, as Hamish's offsets are.
        placed = start is not None and end is not None and 0 <= start < end <= len(text)
        if position and not placed:
            if not exact:
                # The position alone, and it is not in the text: said as that, not as a
                # quote missing from the text (there was no quote).
                self.out_of_range += 1
                if self.outside is None:
                    self.outside = (position.get("start"), position.get("end"), len(text))
                return
            self.position_ignored += 1  # the quote places it, if it is in the text
        if not placed:
            start, end = 0, 0
        assert start is not None and end is not None
        if not exact and placed:
            exact = text[start:end]
        anchoring = reanchor(
            text, start, end, exact, _str(quote.get("prefix")), _str(quote.get("suffix"))
        )
        if anchoring.anchor == "orphaned" or anchoring.start >= anchoring.end:
            self.unanchored += 1
            return
        if anchoring.anchor == "moved" and placed:
            self.moved += 1  # both selectors, and they disagree: the quote was used
        label_id: int | None = None
        entity_id: int | None = None
        claim: dict[str, Any] | None = None
        summary = ""
        for body in bodies:
            if not isinstance(body, dict):
                continue
            purpose = body.get("purpose")
            if purpose == "tagging" and label_id is None:
                key = _str(body.get("hamish:label")) or line_field(_str(body.get("value")))
                if key:
                    label_id = self.label(key, _str(body.get("value")))
            elif purpose == "identifying" or body.get("type") == "SpecificResource":
                resource = body.get("source")
                if isinstance(resource, dict):
                    found_entity = self.entity(_str(resource.get("id")), _str(resource.get("name")))
                elif isinstance(resource, str):
                    found_entity = self.entity(resource, _str(body.get("value")) or resource)
                else:
                    found_entity = None
                entity_id = entity_id or found_entity
            elif purpose == "assessing" and claim is None:
                # Any assessment: ``"hamish:claim": null`` (or another tool's, without one)
                # was ignored and the claim tag stayed without its claim (an attack).
                values = body.get("hamish:claim")
                if not isinstance(values, dict):
                    self.collector.lost[UNREADABLE_CLAIMS] += "hamish:claim" in body
                    values = {}
                claim = values
                summary = _str(body.get("value"))
        if label_id is None:
            if entity_id is not None:
                label_id = self.label("entity", "Entity", "entity")
            elif comments:
                label_id = self.label("note", "Note", "note")
            else:
                self.no_label += 1
                return
        annotation_id = self.collector.annotation(
            document_id,
            text,
            anchoring.start,
            anchoring.end,
            label_id,
            entity_id=entity_id,
            note="\n\n".join(c for c in comments if c),
            author=author,
            **stamps,
        )
        self.annotations[_str(item.get("id"))] = annotation_id
        if claim is not None:
            self.claims.append((annotation_id, {**claim, "summary": summary}))

    def note(self, body: str, source: str, author: str, stamps: dict[str, Any]) -> None:
        if source in self.annotations:
            self.collector.note(
                body, annotation_id=self.annotations[source], author=author, **stamps
            )
        elif source in self.documents:
            self.collector.note(
                body, document_id=self.documents[source][0], author=author, **stamps
            )
        elif source == self.collection_id or not source:
            self.collector.note(body, author=author, **stamps)
        else:
            self.no_text += 1

    def finish_claims(self) -> None:
        labels = {row["id"]: row["kind"] for row in self.collector.tables["labels"]}
        annotations = self.collector.tables["annotations"]
        urn_of = {v: k for k, v in self.annotations.items()}
        claim_ids: dict[str, int] = {}
        pending: list[tuple[int, dict[str, Any]]] = []
        for annotation_id, values in self.claims:
            if labels.get(annotations[annotation_id - 1]["label_id"]) != "claim":
                self.not_claims += 1  # the tag is kept; its assessment has no place
                continue
            claim_id = self.collector.claim(annotation_id, values)
            urn = urn_of.get(annotation_id)  # None: a later annotation reused its id
            if urn is not None:  # a link to a shared id reaches the last, as a note does
                claim_ids[urn] = claim_id
            row = self.collector.tables["claims"][-1]
            claimant = values.get("claimant")
            if isinstance(claimant, str):
                row["claimant_id"] = self.entity(claimant, "")
            lost = self.collector.lost
            lost[NO_ENTITY] += claimant not in (None, "") and row.get("claimant_id") is None
            seen: set[int] = set()
            for subject in _list(values.get("subjects")):
                entity = self.entity(subject, "") if isinstance(subject, str) else None
                lost[NO_ENTITY] += entity is None
                if entity is not None and entity not in seen:
                    seen.add(entity)
                    self.collector.tables["claim_subjects"].append(
                        {"claim_id": claim_id, "entity_id": entity}
                    )
            pending.append((claim_id, values))
        links = self.collector.tables["claim_links"]
        seen_links: set[tuple[int, int, str]] = set()
        for claim_id, values in pending:
            for link in _list(values.get("links")):
                if not isinstance(link, dict):
                    self.collector.lost[UNKNOWN_LINKS] += 1
                    continue
                to = claim_ids.get(_str(link.get("to")))
                kind = link.get("kind")
                if to == claim_id:
                    self.collector.lost[SELF_LINKS] += 1
                    continue
                if to is None:
                    self.collector.lost[LINKS_TO_NOTHING] += 1
                    continue
                if kind not in ("supports", "contradicts", "repeats"):
                    self.collector.lost[UNKNOWN_LINKS] += 1
                    continue
                key = (claim_id, to, str(kind))
                if key not in seen_links:
                    seen_links.add(key)
                    links.append(
                        {"id": len(links) + 1, "from_claim": claim_id, "to_claim": to, "kind": kind}
                    )


def read_w3c(project: Project, path: str | os.PathLike[str]) -> Collector:
    file = Path(path)
    name = file.name or str(file)
    raw = read_limited(
        file,
        MAX_BYTES,
        "{name} is {size_mb:.0f} MB; Hamish imports Web Annotation files of up to {limit_mb} MB.",
    )
    text = decode_utf8(raw, name)
    del raw
    data = load_file_json(text, name)
    del text
    items = _items(data)
    if (
        items is None
        and isinstance(data, dict)
        and "AnnotationCollection" in _list(data.get("type"))
    ):
        raise ImportRejected(
            f'{name}: its AnnotationCollection holds no page of annotations ("first" is not '
            "an AnnotationPage written in the file); nothing was imported."
        )
    if items is None:
        raise ImportRejected(
            f"{name} is not a Web Annotation file (an AnnotationCollection, an AnnotationPage "
            "or annotations). Nothing was imported."
        )
    if len(items) > MAX_ANNOTATIONS:
        raise ImportRejected(
            f"{name} holds {len(items):,} annotations; Hamish imports up to "
            f"{MAX_ANNOTATIONS:,} at a time. Nothing was imported."
        )
    collector = Collector(name)
    fit_labels(collector, project)
    reader = _Reader(project, collector, data if isinstance(data, dict) else {})
    skipped = 0
    for item in items:
        if isinstance(item, dict) and "Annotation" in _list(item.get("type")):
            reader.annotation(item)
        else:
            skipped += 1
    reader.finish_claims()
    if not collector.tables["documents"]:
        raise ImportRejected(
            f"{name} holds no article texts, so its annotations cannot be anchored; nothing "
            "was imported. (Hamish reads the texts a Hamish export carries in "
            '"hamish:documents".)'
        )
    counts = (
        (reader.unanchored, "{n} annotations whose quote is not in the text were not imported."),
        (reader.no_text, "{n} annotations on texts that are not in the file were not imported."),
        (
            reader.no_place,
            "{n} tags without a place in the text (no selector) were not imported.",
        ),
        (
            reader.no_label,
            "{n} annotations without a tag, an entity or a comment were not imported.",
        ),
        (
            reader.unknown_targets + skipped,
            "{n} items that are not annotations of a text were not imported.",
        ),
        (
            reader.not_claims,
            "{n} claim assessments on tags whose label is not a claim label were not imported.",
        ),
        (
            reader.moved,
            "{n} annotations whose position (TextPositionSelector) and quote "
            "(TextQuoteSelector) disagree were placed where the quote is.",
        ),
        (
            reader.position_ignored,
            "{n} annotations whose position (TextPositionSelector) is outside the text were "
            "placed by their quote (TextQuoteSelector).",
        ),
    )
    for n, template in counts:
        if n:
            collector.notices.append(template.format(n=n))
    if reader.out_of_range and reader.outside is not None:
        begin, finish, length = reader.outside
        collector.notices.append(
            f"{reader.out_of_range} annotations placed only by a position "
            "(TextPositionSelector) that is not within their article's text were not "
            f"imported: the first runs from {_said(begin)} to {_said(finish)} in an article "
            f"of {length} characters."
        )
    return collector


def import_w3c(project: Project, path: str | os.PathLike[str]) -> ExchangeReport:
    """Import a Web Annotation file into ``project`` in one transaction."""
    return load_collected(project, read_w3c(project, path), Path(path))


def looks_like_w3c(path: Path) -> bool:
    """Whether a ``.json`` file is Web Annotation JSON-LD rather than a Hamish export: its
    first kilobytes name the annotation context, and it does not start as a Hamish export
    does (whose first article may well quote that context)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a pipe would wait for a writer
            return False  # the JSON importer says what it is
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if re.match(rb'\s*\{\s*"format"\s*:\s*"hamish"', head.removeprefix(b"\xef\xbb\xbf")):
        return False  # a Hamish export, whatever its articles quote
    return b"http://www.w3.org/ns/anno.jsonld" in head
