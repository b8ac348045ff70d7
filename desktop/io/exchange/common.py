"""What the exchange formats share: reading a project for export, turning another tool's
articles and spans into a Hamish project import, and reading a zip that may be hostile.

Imports go through the same validation and loader as Hamish JSON
(:func:`desktop.io.importers.json_import.validate_project_data`, then
:func:`desktop.store.transfer.load`): a foreign file becomes the dict a Hamish JSON export
would be, so every rule of docs/json-format.md is checked before anything is written, and the
whole import is one transaction. What a format holds that Hamish cannot represent, or what the
import had to leave out, is collected as plain sentences (``notices``) and reported — never
dropped silently.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.controls import clean_line, for_terminal
from desktop.core.errors import HamishError, ImportRejected
from desktop.core.models import ENTITY_TYPES
from desktop.core.spans import context
from desktop.core.text import make_draft
from desktop.core.values import KEY_LIMIT, NAME_LIMIT, is_web_address
from desktop.io.importers.json_import import validate_project_data
from desktop.io.importers.limits import UnpackBudget, UnpackLimit
from desktop.store.db import utcnow
from desktop.store.project import Project
from desktop.store.transfer import LoadReport, dump, load

MB = 1024 * 1024
ARCHIVE_BYTES = 40 * MB
"""The largest file (zip, .xmi, .ann) an exchange import reads: as Hamish JSON's limit."""
UNPACKED_BYTES = 80 * MB
"""What all members of one zip may unpack to, counted on what is read, not on what the zip
declares."""
MEMBERS = 20_000
"""Members of one zip (each article of brat is two files)."""
SPANS = 200_000
"""Annotations of one import: a hand-made project has a few thousand."""
STANCES = ("asserts", "denies")
STATUSES = ("unverified", "corroborated", "contested", "refuted")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
LINK_KINDS = ("supports", "contradicts", "repeats")
_DEFAULT_COLOUR = "#999999"


# --- export --------------------------------------------------------------------------------
@dataclass(slots=True)
class ProjectView:
    """A project (or chosen articles) as rows, indexed the way the exporters need them."""

    documents: list[dict[str, Any]]
    labels: dict[int, dict[str, Any]]
    entities: dict[int, dict[str, Any]]
    annotations: dict[int, list[dict[str, Any]]]  # by document id, in (start, end) order
    claims: dict[int, dict[str, Any]]  # by annotation id
    subjects: dict[int, list[int]]  # claim id -> entity ids
    links: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    orphaned: int  # annotations whose quote is no longer in the text: not exported
    decisions: int = 0  # accepted or rejected suggestions and mentions: no format holds them
    described: int = 0  # entities with aliases, a description or notes: tag formats drop them

    @classmethod
    def read(cls, project: Project, document_ids: Sequence[int] | None) -> ProjectView:
        data = dump(project.database, list(document_ids) if document_ids else None)
        annotations: dict[int, list[dict[str, Any]]] = {}
        orphaned = 0
        for row in data["annotations"]:
            if row["anchor"] == "orphaned":  # no place in the text any more: see docs
                orphaned += 1
            else:
                annotations.setdefault(row["document_id"], []).append(row)
        for rows in annotations.values():
            rows.sort(key=lambda r: (r["start"], -r["end"], r["id"]))
        subjects: dict[int, list[int]] = {}
        for row in data["claim_subjects"]:
            subjects.setdefault(row["claim_id"], []).append(row["entity_id"])
        return cls(
            documents=data["documents"],
            labels={row["id"]: row for row in data["labels"]},
            entities={row["id"]: row for row in data["entities"]},
            annotations=annotations,
            claims={row["annotation_id"]: row for row in data["claims"]},
            subjects=subjects,
            links=data["claim_links"],
            notes=data["notes"],
            orphaned=orphaned,
            decisions=len(data.get("decisions", ())),
            described=len(
                {row["entity_id"] for row in data.get("entity_aliases", ())}
                | {row["id"] for row in data["entities"] if row["description"] or row["notes"]}
            ),
        )

    def metadata(self) -> int:
        """How many articles have an author, a source or a publication date."""
        return sum(bool(d["author"] or d["source"] or d["published"]) for d in self.documents)


@dataclass(frozen=True, slots=True)
class ExchangeSummary:
    """What an export wrote, and what the format could not carry (plain sentences)."""

    path: Path
    documents: int
    annotations: int
    size: int
    lost: tuple[str, ...] = ()


def count_lost(lost: Counter[str]) -> tuple[str, ...]:
    """What an export could not carry, one sentence per kind of thing."""
    return tuple(f"Not carried: {what} ({count})." for what, count in lost.items() if count)


# --- import --------------------------------------------------------------------------------
@dataclass(slots=True)
class ForeignClaim:
    """A claim's assessment as another format holds it (names, not ids)."""

    claimant: str = ""
    subjects: list[str] = field(default_factory=list)
    stance: str = "asserts"
    status: str = "unverified"
    reliability: str | None = None
    credibility: int | None = None
    summary: str = ""


@dataclass(slots=True)
class ForeignSpan:
    """One annotation: code points of the article's cleaned text."""

    start: int
    end: int
    label: str
    note: str = ""
    entity: str = ""  # the name of the entity it mentions, if linked
    claim: ForeignClaim | None = None


@dataclass(slots=True)
class ForeignArticle:
    name: str  # the file it came from, for messages
    text: str  # already cleaned (offsets.clean_text)
    title: str = ""
    source: str = ""
    url: str = ""
    published: str | None = None
    spans: list[ForeignSpan] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # span index → index, kind


@dataclass(frozen=True, slots=True)
class LabelHint:
    """What a format says about a label beyond its name (brat's visual.conf, say)."""

    kind: str = ""
    colour: str = ""
    name_en: str = ""
    name_ar: str = ""


@dataclass(slots=True)
class ExchangeImport:
    """What an exchange import did (``report``) and what it could not bring in (``notices``)."""

    report: LoadReport
    notices: list[str]


def _entity_type(label_key: str) -> str:
    return label_key if label_key in ENTITY_TYPES else "other"


# The names other tools give the usual named-entity types (INCEpTION's PER/LOC/ORG, brat's
# and CoNLL's PERSON/GPE/ORGANIZATION …) → the key of Hamish's built-in label for that type,
# used when the file says nothing of its own about the label and the project has that label.
COMMON_NAMES = {
    "per": "person",
    "pers": "person",
    "person": "person",
    "loc": "location",
    "location": "location",
    "gpe": "location",
    "org": "organisation",
    "organization": "organisation",
    "organisation": "organisation",
    "evt": "event",
    "event": "event",
}


def _labels(
    project: Project,
    articles: Sequence[ForeignArticle],
    hints: dict[str, LabelHint],
    notices: list[str],
) -> tuple[list[dict[str, Any]], dict[str, int], dict[str, str]]:
    """The file's labels: an existing label of the project with the same key and kind as it
    is, else a new one. Returns the rows, the label id of each name and each name's kind."""
    used: dict[str, bool] = {}  # name -> carries claims
    for article in articles:
        for span in article.spans:
            used[span.label] = used.get(span.label, False) or span.claim is not None
    existing = {label.key: label for label in project.labels.all()}
    next_id = max((label.id for label in existing.values()), default=0) + 1
    position = max((label.position for label in existing.values()), default=0) + 1
    rows: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for name, has_claims in used.items():
        hint = hints.get(name, LabelHint())
        known = existing.get(name)
        common = existing.get(COMMON_NAMES.get(name.lower(), ""))
        # A Hamish export states each label's kind (brat's "# hamish-label" lines): one
        # without it is another tool's, whose PER or LOC means Hamish's person or location.
        if known is None and common is not None and not hint.kind and not has_claims:
            if common.id not in ids.values():  # "PER" and "person" both in one file: once
                rows.append(common._asdict())
            ids[name], kinds[name] = common.id, common.kind
            label = common.name_en
            notices.append(f"Tags labelled {name} were imported as {label} tags.")
            continue
        kind = hint.kind or ("claim" if has_claims else known.kind if known else "entity")
        if known is not None and known.kind == kind:
            if known.id not in ids.values():
                rows.append(known._asdict())
            ids[name], kinds[name] = known.id, kind
            continue
        key, n = name, 1
        while key in existing:  # the key is the project's for another kind: keep theirs
            n += 1
            key = f"{name}-{n}"
        rows.append(
            {
                "id": next_id,
                "key": key,
                "name_en": hint.name_en or name,
                "name_ar": hint.name_ar or name,
                "kind": kind,
                "color": hint.colour or _DEFAULT_COLOUR,
                "icon": "",
                "shortcut": "",
                "position": position,
            }
        )
        if key != name:
            notices.append(
                f"The label {name} has another kind in this project; its tags were imported "
                f"as {key}."
            )
        ids[name], kinds[name] = next_id, kind
        next_id += 1
        position += 1
    return rows, ids, kinds


def build_import(
    project: Project,
    articles: Sequence[ForeignArticle],
    hints: dict[str, LabelHint],
    notices: list[str],
    name: str = "",
) -> dict[str, Any]:
    """The Hamish JSON dict of ``articles`` (scope ``documents``), ready for validation
    (``name``: the file they came from, for messages)."""
    now = utcnow()
    labels, label_ids, kinds = _labels(project, articles, hints, notices)
    key_of = {row["id"]: str(row["key"]) for row in labels}
    documents: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    subjects: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    lost: Counter[str] = Counter()

    def entity(name: str, label_key: str) -> int | None:
        name = " ".join(name.split())
        if not name:
            return None
        row = entities.get(name)
        if row is None:
            row = entities[name] = {
                "id": len(entities) + 1,
                "name": name,
                "type": _entity_type(label_key),
                "description": "",
                "notes": "",
                "created_at": now,
                "modified_at": now,
            }
        return int(row["id"])

    for doc_id, article in enumerate(articles, start=1):
        draft = make_draft(article.text, title=article.title, source=article.source)
        text = draft.text
        if len(text) != len(article.text):  # only lone surrogates are replaced: same length
            raise ImportRejected(f"{article.name} cannot be imported: its text is damaged.")
        url = article.url if article.url and is_web_address(article.url) else ""
        lost["web addresses that are not http or https"] += bool(article.url) and not url
        documents.append(
            {
                "id": doc_id,
                "title": draft.title,
                "text": text,
                "source": draft.source,
                "url": url,
                "author": "",
                "published": article.published,
                "language": draft.language,
                "direction": draft.direction,
                "origin": for_terminal(article.name),  # a member's name may hold ESC
                "imported_at": now,
                "modified_at": now,
                "import_notes": draft.import_notes,
            }
        )
        span_ids: dict[int, int] = {}
        claim_of: dict[int, int] = {}
        for index, span in enumerate(article.spans):
            if not 0 <= span.start < span.end <= len(text):
                lost["tags that cover no text"] += 1
                continue
            kind = kinds[span.label]
            quote, prefix, suffix = context(text, span.start, span.end)
            annotation_id = len(annotations) + 1
            span_ids[index] = annotation_id
            label_key = key_of.get(label_ids[span.label], span.label)
            entity_id = entity(span.entity, label_key) if span.entity else None
            if entity_id is not None and kind not in ("entity", "claim"):
                lost["entity links on tags that are not entity tags"] += 1
                entity_id = None
            annotations.append(
                {
                    "id": annotation_id,
                    "document_id": doc_id,
                    "start": span.start,
                    "end": span.end,
                    "quote": quote,
                    "prefix": prefix,
                    "suffix": suffix,
                    "label_id": label_ids[span.label],
                    "entity_id": entity_id,
                    "note": span.note,
                    "author": "",
                    "anchor": "exact",
                    "created_at": now,
                    "modified_at": now,
                }
            )
            if kind != "claim":
                lost["claim details on tags whose label is not a claim label"] += (
                    span.claim is not None
                )
                continue
            found = span.claim or ForeignClaim()
            claim_id = len(claims) + 1
            claim_of[index] = claim_id
            claimant = entity(found.claimant, "person") if found.claimant else None
            stance = found.stance if found.stance in STANCES else "asserts"
            status = found.status if found.status in STATUSES else "unverified"
            reliability = found.reliability if found.reliability in RELIABILITY else None
            credibility = (
                found.credibility
                if found.credibility is not None and 1 <= found.credibility <= 6
                else None
            )
            lost["claim stances, statuses or gradings Hamish does not know"] += (
                (stance != found.stance)
                + (status != found.status)
                + (reliability != found.reliability)
                + (credibility != found.credibility)
            )
            claims.append(
                {
                    "id": claim_id,
                    "annotation_id": annotation_id,
                    "claimant_id": claimant,
                    "summary": found.summary,
                    "stance": stance,
                    "status": status,
                    "reliability": reliability,
                    "credibility": credibility,
                    "claimed_on": None,
                    "created_at": now,
                    "modified_at": now,
                }
            )
            about = {e for name in found.subjects if (e := entity(name, "other")) is not None}
            subjects += [{"claim_id": claim_id, "entity_id": e} for e in sorted(about)]
        given: set[tuple[int, int, str]] = set()
        for source, target, link_kind in article.links:
            ends = (claim_of.get(source), claim_of.get(target))
            if ends[0] is not None and ends[0] == ends[1]:
                lost["claim links from a claim to itself"] += 1
                continue
            if ends[0] is None or ends[1] is None:
                lost["claim links between tags that are not claims"] += 1
                continue
            if (ends[0], ends[1], link_kind) in given:
                # The same relation twice (two brat lines): one link, nothing lost — it made
                # the JSON rules refuse the whole file ("two claim links have the same …").
                continue
            given.add((ends[0], ends[1], link_kind))
            links.append(
                {
                    "id": len(links) + 1,
                    "from_claim": ends[0],
                    "to_claim": ends[1],
                    "kind": link_kind,
                }
            )
        if len(annotations) > SPANS:
            # The tags of the whole file: the message named the article where the count ran
            # over, which may hold a handful (an attack).
            raise ImportRejected(
                f"{name or article.name} holds more than {SPANS:,} tags; Hamish imports up to "
                f"{SPANS:,} at a time."
            )
    for what, count in lost.items():
        if count:
            notices.append(f"Left out: {what} ({count}).")
    return {
        "format": "hamish",
        "version": 1,
        "scope": "documents",
        "documents": documents,
        "labels": labels,
        "entities": list(entities.values()),
        "annotations": annotations,
        "claims": claims,
        "claim_subjects": subjects,
        "claim_links": links,
    }


_NAMES = {"labels": ("name_en", "name_ar"), "entities": ("name",), "entity_aliases": ("alias",)}


_WHOLE_NUMBER = re.compile(r"[0-9]{1,15}")


def whole_number(text: str) -> int:
    """An offset or position as other tools write it: ASCII digits only (``ValueError`` for
    anything else). Python's ``int`` also takes «٢٦», «0_0», «+3» and surrounding spaces,
    which no tool writes: an attack's brat offsets «٠ ٣» and «+0 +3» were taken as 0 and 3;
    and a 5,000-digit number gave Python's own advice about its digit limit."""
    if _WHOLE_NUMBER.fullmatch(text) is None:
        raise ValueError(text)
    return int(text)


def _fitted_key(key: str, taken: set[str]) -> str:
    """A label's key within ``KEY_LIMIT`` (a key is the label's name, which
    may be a whole paragraph): cut to ``NAME_LIMIT``, numbered (``-2``) when another label's
    key was cut to the same. Control and bidi formatting characters go as from a name: a
    brat type or an XMI value with RLO/PDF was written raw into every CoNLL and brat
    export's type column (an attack)."""
    clean = " ".join(clean_line(key).split())
    if len(key) > KEY_LIMIT or clean != key:
        base = clean[:NAME_LIMIT].rstrip() or "label"
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        taken.add(key)
    return key


def fit_names(data: dict[str, Any], notices: list[str]) -> None:
    """Cut the names in ``data`` (labels', entities', aliases') to ``NAME_LIMIT`` code points,
    on one line, and say how many were cut. Why: another tool's code or entity may be named
    by a whole paragraph; the JSON rules refuse a name that long, and refusing the whole file
    over one name ("label 8: name_en is longer than 500 characters") loses every article in it
    for a name the analyst can shorten afterwards. An alias cut to one its entity already has
    is left out (counted with the rest), as is one cleaned to nothing; an entity's name of
    nothing but bidi controls becomes "?"."""
    cut = 0
    seen: set[tuple[Any, Any]] = set()
    # Every label's key that stays as it is, first: a key cut to one of them, wherever it
    # comes in the file, is numbered (an attack put the long one first: two labels had one
    # key and the whole file was refused).
    labels = data.get("labels")
    keys = {
        row["key"]
        for row in (labels if isinstance(labels, list) else ())
        if isinstance(row, dict)
        and isinstance(row.get("key"), str)
        and len(row["key"]) <= KEY_LIMIT
    }
    for table, columns in _NAMES.items():
        rows = data.get(table)
        if not isinstance(rows, list):
            continue
        kept: list[Any] = []
        for row in rows:
            if not isinstance(row, dict):
                kept.append(row)
                continue
            long = False
            for column in columns:
                value = row.get(column)
                if isinstance(value, str):
                    value = " ".join(clean_line(value).split())
                    if len(value) > NAME_LIMIT:
                        long, value = True, value[:NAME_LIMIT].rstrip()
                    row[column] = value
            cut += long
            if table == "labels" and isinstance(row.get("key"), str):
                row["key"] = _fitted_key(row["key"], keys)
            if table == "entities" and row.get("name") == "":
                row["name"] = "?"  # bidi controls alone: nothing left to call it by
            if table == "entity_aliases":
                key = (row.get("entity_id"), row.get("alias"))
                if key in seen or not row.get("alias"):
                    continue  # the same once cut, or cleaned to nothing: one is enough
                seen.add(key)
            kept.append(row)
        data[table] = kept
    if cut == 1:
        notices.append(f"A name longer than {NAME_LIMIT} characters was cut to {NAME_LIMIT}.")
    elif cut:
        notices.append(f"{cut} names longer than {NAME_LIMIT} characters were cut to {NAME_LIMIT}.")


def import_articles(
    project: Project,
    articles: Sequence[ForeignArticle],
    name: str,
    *,
    hints: dict[str, LabelHint] | None = None,
    notices: list[str] | None = None,
) -> ExchangeImport:
    """Validate ``articles`` as a Hamish JSON import would be, then load them in one
    transaction. Raises ``ImportRejected`` (nothing written) when the file has no article."""
    notices = [] if notices is None else notices
    if not articles:
        raise ImportRejected(f"{name} holds no article to import; nothing was imported.")
    data = build_import(project, articles, hints or {}, notices, name)
    fit_names(data, notices)
    checked = validate_project_data(data, name)
    return ExchangeImport(load(project.database, checked), notices)


# --- zip archives --------------------------------------------------------------------------
def read_zip(
    data: bytes, name: str, keep: Callable[[str], bool], limit: int | None = None
) -> dict[str, bytes]:
    """The members of the zip ``data`` that ``keep`` accepts, read in pieces within ``limit``
    bytes in all, whatever the zip declares. Nothing is written to disk, so a member named
    ``../../x`` is only a name. A name listed twice, a compression other than stored or
    deflate, too many members, damaged data or too much of it: ``ImportRejected``.
    ``limit`` defaults to :data:`UNPACKED_BYTES`."""
    limit = UNPACKED_BYTES if limit is None else limit
    budget = UnpackBudget(limit)
    found: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MEMBERS:
                raise ImportRejected(
                    f"{name} holds {len(members):,} files; Hamish imports archives of up to "
                    f"{MEMBERS:,}."
                )
            for info in members:
                if info.filename in found:
                    raise ImportRejected(
                        f"{name} lists {info.filename} twice; nothing was imported."
                    )
                if info.is_dir() or not keep(info.filename):
                    continue
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise ImportRejected(
                        f"{name}: {info.filename} uses a compression Hamish does not read "
                        "(only stored and deflate); nothing was imported."
                    )
                piece = bytearray()
                with archive.open(info) as member:
                    while chunk := member.read(64 * 1024):
                        budget.take(len(chunk))
                        piece += chunk
                found[info.filename] = bytes(piece)
    except UnpackLimit:
        raise ImportRejected(
            f"{name} unpacks to more than {limit // MB} MB; nothing was imported."
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise ImportRejected(f"{name} is not a readable zip archive ({error}).") from error
    except NotImplementedError as error:  # encrypted members
        raise ImportRejected(f"{name} is not a readable zip archive ({error}).") from error
    except RuntimeError as error:  # a password-protected member
        raise ImportRejected(f"{name} is not a readable zip archive ({error}).") from error
    return found


def write_zip(target: Path, members: Iterable[tuple[str, bytes]]) -> None:
    """A zip of ``members`` at ``target`` (a temporary file of ``replace_on_success``), with
    a fixed date so two exports of the same project are the same bytes."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members:
            info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)


def reject_unexpected(error: Exception, name: str, what: str) -> HamishError:
    """An error from a parser that is not ours, as a rejection naming the file. Python's
    words for a number that is not a whole one (cassis reading ``begin="4.0"``) are said in
    the analyst's: "invalid literal for int() with base 10: '4.0'" told nothing."""
    detail = str(error)
    if isinstance(error, ValueError) and (found := _NOT_WHOLE.fullmatch(detail)):
        detail = _not_whole(found[1])
    elif isinstance(error, ValueError) and (found := _TOO_MANY_DIGITS.search(detail)):
        # "Exceeds the limit (4300 digits) for integer string conversion… use
        # sys.set_int_max_str_digits()": advice to a programmer (an attack's 5,000-digit offset)
        detail = f"a number of {int(found[1]):,} digits in it is longer than any offset or id"
    elif isinstance(error, KeyError):  # cassis looking up an id: "(5)" told nothing
        key = shown(str(error.args[0] if error.args else ""))
        detail = f"an element refers to the id {key}, which is missing or not unique"
    elif isinstance(error, RuntimeError) and detail.startswith("Invalid state transition"):
        detail = "its elements are nested inside each other, where UIMA XMI has them side by side"
    elif isinstance(error, RecursionError):
        detail = "it is nested too deeply to be read"
    return ImportRejected(f"{name} is not a {what} file that Hamish can read ({detail}).")


_TOO_MANY_DIGITS = re.compile(r"integer string conversion: value has (\d+) digits")


def shown(value: str, limit: int = 40) -> str:
    """``value`` quoted for a message, cut to ``limit`` characters with an ellipsis: a brat
    offset of 6,000 digits was echoed whole into its refusal (an attack)."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


_ENCODING_DECLARED = re.compile(
    rb"(?:\xef\xbb\xbf)?<\?xml\s[^>]*?\bencoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._-]{0,39})\1"
)


def refuse_declared_encoding(data: bytes | bytearray, name: str) -> None:
    """Refuse XML whose declaration names an encoding other than UTF-8 — unless its bytes read
    the same either way (plain ASCII declared ``US-ASCII``, say). The parsers (lxml under
    cassis, expat) decode a file as its declaration says: UTF-8 Arabic declared
    ``ISO-8859-1`` or ``windows-1256`` was imported as ``ØªØµØ±ÙØ`` without a word, and
    once refused for a control character (U+0085) the wrong decoding had made (an attack).
    A UTF-16 file, whose declaration is not in single bytes, is left to the parser."""
    found = _ENCODING_DECLARED.match(data[:300])
    if found is None:
        return
    declared = found[2].decode("ascii")
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        codec = ""
    if codec == "utf-8":
        return
    if codec:
        raw = bytes(data)
        try:
            if raw.decode(codec) == raw.decode("utf-8"):
                return
        except (UnicodeError, LookupError):
            pass
    raise ImportRejected(
        f"{name} declares that it is written in {declared}, not UTF-8: Hamish "
        "reads this XML only in UTF-8, so nothing was imported. Save it as UTF-8 and import "
        "it again."
    )


_NOT_WHOLE = re.compile(r"invalid literal for int\(\) with base 10: (.{0,80})", re.S)


def _not_whole(value: str) -> str:
    return f"the number {value} in it is not a whole number"


# --- which exchange format a path holds ----------------------------------------------------
def exchange_format(path: Path) -> str | None:
    """``"xmi"`` or ``"brat"`` when ``path`` is a file of those formats Hamish imports
    (``.xmi``; a ``.zip`` holding ``.xmi`` or ``.ann`` files; a folder with
    ``annotation.conf`` or ``.ann`` files at its top), else ``None`` (an ordinary article or
    folder of articles). Only the zip's list of names is read."""
    suffix = path.suffix.lower()
    if path.is_dir():
        try:
            names = [child.name for child in path.iterdir()]
        except OSError:
            return None
        if "annotation.conf" in names or any(n.endswith(".ann") for n in names):
            return "brat"
        return None
    if suffix == ".xmi":
        return "xmi"
    if suffix != ".zip":
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a pipe would wait for a writer
            return None  # the article importer says what it is
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()[:MEMBERS]
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    if any(n.lower().endswith(".xmi") for n in names):
        return "xmi"
    if any(n.endswith((".ann", "annotation.conf")) for n in names):
        return "brat"
    return None
