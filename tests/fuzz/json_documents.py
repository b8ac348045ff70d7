"""Hamish JSON exports (docs/json-format.md) generated at random: valid ones that follow every
rule of the format, and the mutations that each break one rule.

``valid_exports`` builds whole-project files ("scope": "project") so that importing one into a
new project must give back exactly the same rows and ids. ``mutations`` knows, for every field
of ``store/transfer.py``'s ``TABLES``, values that its type, form, choices or minimum forbid.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from desktop.core.controls import BIDI_FORMATTING
from desktop.core.models import ENTITY_TYPES
from desktop.core.spans import CONTEXT
from desktop.core.text import content_hash
from desktop.io.exporters.json_export import FORMAT_NAME, FORMAT_VERSION
from desktop.store.transfer import TABLES, TABLES_BY_NAME, Field
from tests.fuzz.strategies import ARABIC_LETTERS, HARAKAT, LATIN, OTHER, PRESENTATION

Data = dict[str, Any]
Record = dict[str, Any]

# --- strings of each form ------------------------------------------------------------------------
_LINE_CHARS = ARABIC_LETTERS + HARAKAT + PRESENTATION + LATIN + OTHER + " .,-«»\u200f\u200e\u061c"
_line = st.text(st.sampled_from(_LINE_CHARS), max_size=16)
_title = _line.filter(lambda value: bool(value.strip()))
# A document's address: empty or http(s) (a briefing makes it a link).
_web_address = st.one_of(
    st.just(""),
    st.builds(
        lambda scheme, path: f"{scheme}://example.org/{path}",
        st.sampled_from(["http", "https"]),
        st.text(st.sampled_from("abcxyz0129-_/.%"), max_size=12),
    ),
)
_name_line = st.text(st.sampled_from(_LINE_CHARS + "\t"), max_size=16)  # one line, tabs allowed
_required_name = _name_line.filter(lambda value: bool(value.strip()))
_free = st.text(st.sampled_from(_LINE_CHARS + "\t\n" + BIDI_FORMATTING), max_size=24)
_body = st.text(st.sampled_from(_LINE_CHARS + "\n\t"), min_size=1, max_size=60).filter(
    lambda value: bool(value.strip())
)
_context = st.text(st.sampled_from(_LINE_CHARS + "\n"), max_size=CONTEXT)


_EPOCH = datetime(1900, 1, 1)
_LAST_SECOND = int((datetime(9999, 12, 31, 23, 59, 59) - _EPOCH).total_seconds())
_TIMESTAMPS = st.builds(
    lambda seconds, fraction, zone: (
        (_EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S") + fraction + zone
    ),
    st.integers(0, _LAST_SECOND),
    st.sampled_from(["", ".5", ".25", ".123", ".000001", ".999999"]),
    st.sampled_from(["+00:00", "Z"]),
)


def timestamps() -> st.SearchStrategy[str]:
    """UTC times with seconds, as the format writes them (fractions and "Z" allowed)."""
    return _TIMESTAMPS


_dates = st.dates().map(lambda day: day.isoformat()).filter(lambda text: len(text) == 10)


@st.composite
def _partial_dates(draw: st.DrawFn) -> str:
    day = draw(_dates)
    return day[: draw(st.sampled_from([4, 7, 10]))]


_colours = st.text(st.sampled_from("0123456789abcdefABCDEF"), min_size=6, max_size=6).map(
    lambda digits: "#" + digits
)
_icons = st.one_of(
    st.just(""), st.from_regex(r"[a-z][a-z0-9]{0,4}\.[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True)
)
_shortcuts = st.sampled_from(["", *string.digits])
_languages = st.from_regex(r"[a-z]{2,3}", fullmatch=True)
_ids = st.integers(1, 2**63 - 1)


# --- a valid whole-project export ----------------------------------------------------------------
@st.composite
def valid_exports(draw: st.DrawFn) -> Data:
    """A whole-project export that follows every rule: distinct texts, offsets and quotes that
    fit them, references to rows in the file, claims only on claim labels, unique keys."""
    count = draw(st.integers(1, 3))
    ids = draw(st.lists(_ids, min_size=count, max_size=count, unique=True))
    documents: list[Record] = []
    for index, doc_id in enumerate(ids):
        text = draw(_body) + f"\nD{index}"  # distinct once folded: no duplicate in the file
        record: Record = {
            "id": doc_id,
            "title": draw(_title),
            "text": text,
            "direction": draw(st.sampled_from(["rtl", "ltr"])),
            "imported_at": draw(timestamps()),
            "modified_at": draw(timestamps()),
        }
        optional: dict[str, Any] = {
            "source": draw(_line),
            "url": draw(_web_address),
            "author": draw(_line),
            "published": draw(st.one_of(st.none(), _dates)),
            "language": draw(_languages),
            "content_hash": content_hash(text),
            "origin": draw(_free),
            "char_count": len(text),
            "import_notes": draw(_free),
        }
        record.update({k: v for k, v in optional.items() if draw(st.booleans())})
        documents.append(record)
    texts = {d["id"]: d["text"] for d in documents}

    label_count = draw(st.integers(1, 4))
    label_ids = draw(st.lists(_ids, min_size=label_count, max_size=label_count, unique=True))
    keys = draw(st.lists(_required_name, min_size=label_count, max_size=label_count, unique=True))
    kinds = draw(
        st.lists(
            st.sampled_from(["entity", "claim", "note", "span"]),
            min_size=label_count,
            max_size=label_count,
        )
    )
    labels = [
        {
            "id": label_id,
            "key": key,
            "name_en": draw(_name_line),
            "name_ar": draw(_name_line),
            "kind": kind,
            "color": draw(_colours),
            "icon": draw(_icons),
            "shortcut": draw(_shortcuts),
            "position": draw(st.integers(-(2**31), 2**31)),
        }
        for label_id, key, kind in zip(label_ids, keys, kinds, strict=True)
    ]

    entity_count = draw(st.integers(0, 3))
    entity_ids = draw(st.lists(_ids, min_size=entity_count, max_size=entity_count, unique=True))
    entities = [
        {
            "id": entity_id,
            "name": draw(_required_name),
            "type": draw(st.sampled_from(ENTITY_TYPES)),
            "description": draw(_name_line),
            "notes": draw(_free),
            "created_at": draw(timestamps()),
            "modified_at": draw(timestamps()),
        }
        for entity_id in entity_ids
    ]
    aliases: list[Record] = []
    if entity_ids:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(entity_ids), _required_name),
                max_size=3,
                unique_by=lambda pair: pair,
            )
        )
        alias_ids = draw(st.lists(_ids, min_size=len(pairs), max_size=len(pairs), unique=True))
        aliases = [
            {"id": alias_id, "entity_id": entity_id, "alias": alias}
            for alias_id, (entity_id, alias) in zip(alias_ids, pairs, strict=True)
        ]

    annotation_count = draw(st.integers(0, 4))
    annotation_ids = draw(
        st.lists(_ids, min_size=annotation_count, max_size=annotation_count, unique=True)
    )
    annotations: list[Record] = []
    for annotation_id in annotation_ids:
        doc_id = draw(st.sampled_from(ids))
        text = texts[doc_id]
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        anchor = draw(st.sampled_from(["exact", "moved", "orphaned"]))
        quote = text[start:end] if anchor != "orphaned" else draw(_free)
        annotations.append(
            {
                "id": annotation_id,
                "document_id": doc_id,
                "start": start,
                "end": end,
                "quote": quote,
                "prefix": draw(_context),
                "suffix": draw(_context),
                "label_id": draw(st.sampled_from(label_ids)),
                "entity_id": draw(st.one_of(st.none(), st.sampled_from(entity_ids)))
                if entity_ids
                else None,
                "note": draw(_free),
                "author": draw(_name_line),
                "anchor": anchor,
                "created_at": draw(timestamps()),
                "modified_at": draw(timestamps()),
            }
        )
    claim_labels = {label["id"] for label in labels if label["kind"] == "claim"}
    claimable = [a["id"] for a in annotations if a["label_id"] in claim_labels]
    claimed = draw(st.lists(st.sampled_from(claimable), unique=True)) if claimable else []
    claim_ids = draw(st.lists(_ids, min_size=len(claimed), max_size=len(claimed), unique=True))
    claims = [
        {
            "id": claim_id,
            "annotation_id": annotation_id,
            "claimant_id": draw(st.one_of(st.none(), st.sampled_from(entity_ids)))
            if entity_ids
            else None,
            "summary": draw(_free),
            "stance": draw(st.sampled_from(["asserts", "denies"])),
            "status": draw(st.sampled_from(["unverified", "corroborated", "contested", "refuted"])),
            "reliability": draw(st.one_of(st.none(), st.sampled_from("ABCDEF"))),
            "credibility": draw(st.one_of(st.none(), st.integers(1, 6))),
            "claimed_on": draw(st.one_of(st.none(), _partial_dates())),
            "created_at": draw(timestamps()),
            "modified_at": draw(timestamps()),
        }
        for claim_id, annotation_id in zip(claim_ids, claimed, strict=True)
    ]
    subjects: list[Record] = []
    links: list[Record] = []
    if claim_ids and entity_ids:
        subjects = [
            {"claim_id": claim, "entity_id": entity}
            for claim, entity in draw(
                st.lists(
                    st.tuples(st.sampled_from(claim_ids), st.sampled_from(entity_ids)),
                    unique=True,
                    max_size=3,
                )
            )
        ]
    if len(claim_ids) > 1:
        triples = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(claim_ids),
                    st.sampled_from(claim_ids),
                    st.sampled_from(["supports", "contradicts", "repeats"]),
                ).filter(lambda t: t[0] != t[1]),
                unique=True,
                max_size=3,
            )
        )
        link_ids = draw(st.lists(_ids, min_size=len(triples), max_size=len(triples), unique=True))
        links = [
            {"id": link_id, "from_claim": a, "to_claim": b, "kind": kind}
            for link_id, (a, b, kind) in zip(link_ids, triples, strict=True)
        ]
    note_count = draw(st.integers(0, 2))
    notes = [
        {
            "id": note_id,
            "document_id": draw(st.one_of(st.none(), st.sampled_from(ids))),
            "annotation_id": draw(st.one_of(st.none(), st.sampled_from(annotation_ids)))
            if annotation_ids
            else None,
            "body": draw(_free),
            "author": draw(_name_line),
            "created_at": draw(timestamps()),
            "modified_at": draw(timestamps()),
        }
        for note_id in draw(st.lists(_ids, min_size=note_count, max_size=note_count, unique=True))
    ]
    decisions: list[Record] = []
    for decision_id in draw(st.lists(_ids, max_size=2, unique=True)):
        doc_id = draw(st.sampled_from(ids))
        start = draw(st.integers(-5, len(texts[doc_id]) - 1))
        decisions.append(
            {
                "id": decision_id,
                "document_id": doc_id,
                "kind": draw(st.sampled_from(["suggestion", "mention"])),
                "start": max(start, 0),
                "end": draw(st.integers(max(start, 0) + 1, len(texts[doc_id]))),
                "text": draw(_free),
                "decision": draw(st.sampled_from(["accepted", "rejected"])),
                "decided_at": draw(timestamps()),
            }
        )
    decisions = list(
        {
            (d["document_id"], d["kind"], d["start"], d["end"], d["text"]): d for d in decisions
        }.values()
    )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": draw(timestamps()),
        "app_version": draw(_name_line.filter(lambda v: "\t" not in v)),
        "schema_version": draw(st.integers(1, 2**31)),
        "scope": "project",
        "documents": documents,
        "labels": labels,
        "entities": entities,
        "entity_aliases": aliases,
        "annotations": annotations,
        "claims": claims,
        "claim_subjects": subjects,
        "claim_links": links,
        "notes": notes,
        "decisions": decisions,
    }


# --- mutations that break one rule ---------------------------------------------------------------
_CONTROLS = "\x00\x01\x08\x0b\x0c\r\x1b\x1f\x7f\x80\x9b\x9f"
_BAD_BY_FORM: dict[str, list[str]] = {
    "title": ["", "   ", "سطر\nثان", "a\rb", "عنوان\u202e", "a\tb", "x\u2028y"],
    "line": ["سطر\nثان", "a\tb", "\u202eexe.jpg", "x\u2029y"],
    "name": ["سطر\nثان", "x\u2028y"],
    "required name": ["", " \t ", "a\nb"],
    "given name": ["a\nb", "\u202eab", "x" * 501],
    "required given name": ["", " \t ", "a\nb", "\u2066ab\u2069", "x" * 501],
    "text": ["", "  \n ", "سطر\u2028ثان"],
    "context": ["x" * (CONTEXT + 1)],
    "timestamp": [
        "not a date",
        "2024-05-02 09:00:00",
        "2024-05-02T09:00:00+03:00",
        "2024-13-01T00:00:00Z",
        "2024-05-02T09:00Z",
        "",
    ],
    "date": ["2024-02-30", "yesterday", "2024-5-1", "", "2024-05"],
    "partial date": ["2024-00", "20245", "2024-02-30", "", "May 2024"],
    "colour": ["red; drop table", "#12345", "#gggggg", "", "#1234567"],
    "icon": ["Mdi6.Account", "x y", "mdi6.", "../etc"],
    "shortcut": ["12", "a", " "],
    "language": ["arabic", "A", "a", ""],
    "sha256": ["ABC", "G" * 64, "a" * 63],
    "web address": ["javascript:alert(1)", "file:///etc/passwd", "\\\\srv\\share", "http://a b"],
}
_WRONG_TYPES: list[object] = [1.5, True, [], {}, "7", 7, None]


def _targets(data: Data) -> list[tuple[str, int, Field]]:
    """Every (table, index, field) of a record present in the file."""
    return [
        (table.name, index, field)
        for table in TABLES
        for index, _ in enumerate(data[table.name])
        for field in table.fields
    ]


def _wrong_type(field: Field, value: object) -> bool:
    if value is None:
        return not field.nullable
    if field.type == "int":
        return not isinstance(value, int) or isinstance(value, bool)
    return not isinstance(value, str)


Mutation = tuple[str, str, Callable[[Data], None]]  # (kind, JSON path, change)


@st.composite
def mutations(draw: st.DrawFn, data: Data) -> tuple[str, str, Data]:
    """``data`` with one rule broken: (what was broken, the JSON path a refusal must name,
    the mutated copy). Each kind of mutation is one the format document says is refused."""
    data = copy.deepcopy(data)
    table_name, index, spec = draw(st.sampled_from(_targets(data)))
    record = data[table_name][index]
    path = f"{table_name}[{index}].{spec.name}"
    options = ["type", "control"]
    if spec.required:
        options.append("missing")
    if spec.form in _BAD_BY_FORM:
        options.append("form")
    if spec.choices:
        options.append("choice")
    if spec.minimum is not None:
        options.append("minimum")
    kind = draw(st.sampled_from(options))
    if kind == "type":
        record[spec.name] = draw(st.sampled_from([v for v in _WRONG_TYPES if _wrong_type(spec, v)]))
    elif kind == "missing":
        del record[spec.name]
    elif kind == "form":
        record[spec.name] = draw(st.sampled_from(_BAD_BY_FORM[spec.form]))
    elif kind == "choice":
        record[spec.name] = "bogus" if spec.type == "str" else 99
    elif kind == "minimum":
        assert spec.minimum is not None
        record[spec.name] = spec.minimum - draw(st.integers(1, 2**40))
    else:  # a control character spliced into a string, or a string where the field has none
        current = record.get(spec.name)
        current = current if isinstance(current, str) else ""
        at = draw(st.integers(0, len(current)))
        record[spec.name] = current[:at] + draw(st.sampled_from(_CONTROLS)) + current[at:]
        if spec.type == "int":
            kind = "type"
    return kind, path, data


@st.composite
def cross_record_mutations(draw: st.DrawFn, data: Data) -> tuple[str, str, Data]:
    """A rule across records broken: a duplicate id or key, a reference to a row not in the
    file, offsets outside the text, a quote that is not the text, a wrong ``char_count``, a
    claim on an annotation whose label is not a claim label, a claim linked to itself."""
    data = copy.deepcopy(data)
    options: list[str] = ["reference", "char_count", "duplicate"]
    exact = [i for i, a in enumerate(data["annotations"]) if a["anchor"] != "orphaned"]
    if data["annotations"]:
        options.append("outside")
    if exact:
        options.append("quote")
    if data["claims"] and any(label["kind"] != "claim" for label in data["labels"]):
        options.append("claim label")
    if data["claim_links"]:
        options.append("self link")
    kind = draw(st.sampled_from(options))
    if kind == "reference":
        tables = [t for t in TABLES if t.refs and data[t.name]]
        if not tables:
            kind = "char_count"
        else:
            table = draw(st.sampled_from(tables))
            index = draw(st.integers(0, len(data[table.name]) - 1))
            spec = draw(st.sampled_from(table.refs))
            assert spec.ref is not None
            present = {r["id"] for r in data[spec.ref]}
            missing = draw(_ids.filter(lambda value: value not in present))
            data[table.name][index][spec.name] = missing
            return kind, f"{table.name}[{index}].{spec.name}", data
    if kind == "char_count":
        index = draw(st.integers(0, len(data["documents"]) - 1))
        document = data["documents"][index]
        document["char_count"] = len(document["text"]) + draw(st.sampled_from([1, -1, 7]))
        if document["char_count"] < 0:
            document["char_count"] = len(document["text"]) + 1
        return kind, f"documents[{index}].char_count", data
    if kind == "duplicate":
        tables = [t for t in TABLES if len(data[t.name]) > 1]
        if not tables:  # one document: a second with the same id
            twin = copy.deepcopy(data["documents"][0])
            twin["text"] += " twin"
            twin.pop("char_count", None)
            twin.pop("content_hash", None)
            data["documents"].append(twin)
            return kind, "documents[1]", data
        table = draw(st.sampled_from(tables))
        rows = data[table.name]
        for column in table.key:
            rows[1][column] = rows[0][column]
        return kind, f"{table.name}[1]", data
    if kind == "outside":
        index = draw(st.integers(0, len(data["annotations"]) - 1))
        annotation = data["annotations"][index]
        text = next(d["text"] for d in data["documents"] if d["id"] == annotation["document_id"])
        if annotation["anchor"] == "orphaned" or draw(st.booleans()):
            annotation["end"] = annotation["start"]  # covers nothing
        else:
            annotation["end"] = len(text) + draw(st.integers(1, 5))
        return kind, f"annotations[{index}]", data
    if kind == "quote":
        index = draw(st.sampled_from(exact))
        data["annotations"][index]["quote"] += "x"
        return kind, f"annotations[{index}].quote", data
    if kind == "claim label":
        other = next(label for label in data["labels"] if label["kind"] != "claim")
        index = draw(st.integers(0, len(data["claims"]) - 1))
        annotation_id = data["claims"][index]["annotation_id"]
        for annotation in data["annotations"]:
            if annotation["id"] == annotation_id:
                annotation["label_id"] = other["id"]
        return kind, f"claims[{index}].annotation_id", data
    index = draw(st.integers(0, len(data["claim_links"]) - 1))
    link = data["claim_links"][index]
    link["to_claim"] = link["from_claim"]
    return "self link", f"claim_links[{index}]", data


def table_field(table: str, name: str) -> Field:
    field = TABLES_BY_NAME[table].field(name)
    assert field is not None
    return field
