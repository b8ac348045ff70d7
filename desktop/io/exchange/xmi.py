"""UIMA CAS XMI for INCEpTION (and any UIMA tool), through dkpro-cassis: export and import.

An export is **one zip**, as INCEpTION's "UIMA CAS XMI (XML 1.0)" export: ``TypeSystem.xml``
and one ``article-00007.xmi`` per article (the number is the article's id). Each CAS holds:

* the article text as its sofa, and ``DocumentMetaData`` (``documentTitle``, ``documentId``,
  ``documentUri`` = the article's web address, ``language``);
* every tag that is not a claim as INCEpTION's built-in named-entity layer
  ``de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity``: ``value`` = the label's key,
  ``identifier`` = the name of the entity it mentions (empty when not linked);
* every claim as the custom layer ``webanno.custom.Claim`` with the string features
  ``claimant`` (the claimant's name), ``stance``, ``status``, ``grading`` (reliability and
  credibility, ``B2``), ``summary``, ``subjects`` (names, one per line) and ``note``.

UIMA offsets are UTF-16 code units (Java strings); cassis converts them from and to code
points, so an emoji before a name is counted once in Hamish and twice in the file.

cassis (Apache-2.0) is imported only when this format is used: start-up never pays for it.
An import reads such a zip, or a single ``.xmi`` (with ``TypeSystem.xml`` beside it, or
without: then only the types above are read). XML with a document type declaration is
refused before it is parsed (no entity of any kind is ever expanded).
"""

from __future__ import annotations

import os
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.controls import json_for_terminal
from desktop.core.errors import HamishError, ImportRejected
from desktop.io.exchange.common import (
    ARCHIVE_BYTES,
    SPANS,
    ExchangeImport,
    ExchangeSummary,
    ForeignArticle,
    ForeignClaim,
    ForeignSpan,
    ProjectView,
    count_lost,
    import_articles,
    read_zip,
    refuse_declared_encoding,
    reject_unexpected,
    write_zip,
)
from desktop.io.exchange.offsets import clean_text
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.importers.common import read_limited
from desktop.store.project import Project

if TYPE_CHECKING:
    from cassis import Cas, TypeSystem

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
CLAIM = "webanno.custom.Claim"
CLAIM_FEATURES = ("claimant", "stance", "status", "grading", "summary", "subjects", "note")
_STRING = "uima.cas.String"
_KNOWN = {
    NAMED_ENTITY,
    METADATA,
    CLAIM,
    "uima.tcas.DocumentAnnotation",
    "uima.cas.Sofa",
    "uima.cas.NULL",
}
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_GRADING = re.compile(r"([A-F])?([1-6])?")


def type_system() -> TypeSystem:
    """The types Hamish writes: INCEpTION's named entities and metadata, the claim layer."""
    from cassis import TypeSystem

    types = TypeSystem()
    metadata = types.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for feature in ("documentTitle", "documentId", "documentUri", "collectionId"):
        types.create_feature(metadata, feature, _STRING)
    types.create_feature(metadata, "isLastSegment", "uima.cas.Boolean")
    entity = types.create_type(NAMED_ENTITY, supertypeName="uima.tcas.Annotation")
    types.create_feature(entity, "value", _STRING)
    types.create_feature(entity, "identifier", _STRING)
    claim = types.create_type(CLAIM, supertypeName="uima.tcas.Annotation")
    for feature in CLAIM_FEATURES:
        types.create_feature(claim, feature, _STRING)
    return types


def _grading(claim: dict[str, Any]) -> str:
    return f"{claim['reliability'] or ''}{claim['credibility'] or ''}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 cannot hold: C0 controls but tab and line breaks, surrogates, U+FFFE/FFFF. An
article may hold U+FFFF (a text file's noncharacter): cassis refused the whole export with a
traceback ("All strings must be XML compatible")."""


def _xml_safe(text: str, lost: Counter[str]) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD, one for one: the
    offsets of the tags, in code points, stay right."""
    safe, replaced = _NOT_XML.subn("\ufffd", text)
    lost["characters XML cannot hold (written as \ufffd)"] += replaced
    return safe


def _cas(document: dict[str, Any], view: ProjectView, types: TypeSystem, lost: Counter[str]) -> Cas:
    from cassis import Cas

    def safe(value: str | None) -> str | None:
        return None if value is None else _xml_safe(value, lost)

    cas = Cas(typesystem=types)
    cas.sofa_string = _xml_safe(document["text"], lost)
    cas.sofa_mime = "text/plain"
    metadata = types.get_type(METADATA)
    cas.add(
        metadata(
            begin=0,
            end=len(document["text"]),
            documentTitle=safe(document["title"]),
            documentId=str(document["id"]),
            documentUri=safe(document["url"]) or None,
            language=document["language"],
            isLastSegment=False,
        )
    )
    entity_type, claim_type = types.get_type(NAMED_ENTITY), types.get_type(CLAIM)
    for row in view.annotations.get(document["id"], []):
        entity = view.entities.get(row["entity_id"]) if row["entity_id"] else None
        claim = view.claims.get(row["id"])
        if claim is None:
            lost["notes on tags other than claims"] += bool(row["note"])
            cas.add(
                entity_type(
                    begin=row["start"],
                    end=row["end"],
                    value=view.labels[row["label_id"]]["key"],
                    identifier=safe(entity["name"]) if entity else None,
                )
            )
            continue
        claimant = view.entities.get(claim["claimant_id"]) if claim["claimant_id"] else None
        subjects = [  # an entity the project no longer has (foreign keys not enforced) left out
            view.entities[e]["name"]
            for e in view.subjects.get(claim["id"], [])
            if e in view.entities
        ]
        lost["claim dates (claimed on)"] += claim["claimed_on"] is not None
        lost["entities linked to claim tags"] += entity is not None
        cas.add(
            claim_type(
                begin=row["start"],
                end=row["end"],
                claimant=safe(claimant["name"]) if claimant else None,
                stance=claim["stance"],
                status=claim["status"],
                grading=_grading(claim) or None,
                summary=safe(claim["summary"]) or None,
                subjects=safe("\n".join(subjects)) or None,
                note=safe(row["note"]) or None,
            )
        )
    return cas


def export_xmi(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExchangeSummary:
    """Write the project (or ``document_ids``) as a zip of UIMA CAS XMI with its type system."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    view = ProjectView.read(project, document_ids)
    types = type_system()
    lost: Counter[str] = Counter()
    lost["tags whose text has changed (orphaned)"] += view.orphaned
    lost["links between claims"] += len(view.links)
    lost["notes on articles and on the project"] += len(view.notes)
    lost["label names and colours"] += len(view.labels)
    lost["decisions on suggestions"] += view.decisions
    lost["article authors, sources and publication dates"] += view.metadata()
    lost["entity aliases, descriptions and notes"] += view.described
    members: list[tuple[str, bytes]] = [("TypeSystem.xml", types.to_xml().encode())]
    annotations = 0
    for document in view.documents:
        xmi = _cas(document, view, types, lost).to_xmi()
        assert xmi is not None
        members.append((f"article-{document['id']:05d}.xmi", xmi.encode()))
        annotations += len(view.annotations.get(document["id"], []))
    with replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp:
        write_zip(tmp, members)
    return ExchangeSummary(
        target, len(view.documents), annotations, target.stat().st_size, count_lost(lost)
    )


# --- import --------------------------------------------------------------------------------
def _xml_text(data: bytes, name: str) -> str:
    """The XML as text, refused when it is not UTF-8 or declares a document type (the only
    way to entities, internal or external, that could expand or reach outside)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRejected(
            f"{name} is not UTF-8 XML (invalid byte at position {error.start}); nothing was "
            "imported."
        ) from error
    refuse_declared_encoding(data, name)
    if _DECLARATION.search(text):
        raise ImportRejected(
            f"{name} declares a document type or entities, which UIMA XMI never needs; "
            "nothing was imported."
        )
    return text.removeprefix("\ufeff")


ATTRIBUTES = 1_000
"""The most attributes one element of an XMI file may have: a UIMA annotation has one per
feature, a dozen or two; cassis reads an element's attributes in time growing with their
square (40,000 took 21 s, 100,000 three minutes; found by an attacker)."""


def _attributes_bounded(text: str, name: str) -> None:
    """Refuse ``text`` when an element has more than :data:`ATTRIBUTES` attributes, found by
    expat (C, one pass; the document type was refused before, so nothing expands) before
    cassis reads it. XML that expat cannot read is left to cassis, which says why."""
    from xml.parsers import expat

    class TooMany(Exception):
        pass

    def start(_tag: str, attributes: list[str]) -> None:
        if len(attributes) > 2 * ATTRIBUTES:  # ordered: name, value, name, value…
            raise TooMany

    parser = expat.ParserCreate()
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except TooMany:
        raise ImportRejected(
            f"{name}: an element has more than {ATTRIBUTES:,} attributes, which no UIMA "
            "annotation has; nothing was imported."
        ) from None
    except expat.ExpatError:
        pass


def _shown(name: str) -> str:
    return json_for_terminal(name[:80], indent=None)


TYPES = 2000
"""The most types a file's type system may describe (see :func:`_load_types`)."""


def _load_types(data: bytes | None, name: str) -> tuple[TypeSystem, bool]:
    """The file's type system (merged with Hamish's, so the types read below exist), or
    Hamish's own; and whether the file brought one."""
    if data is None:
        return type_system(), False
    from cassis import load_typesystem, merge_typesystems

    text = _xml_text(data, name)
    _attributes_bounded(text, name)
    # cassis resolves each type's supertypes one by one: a chain of 10,000 types, each the
    # supertype of the next (a 111 KB zip), took 78 s and one of 20,000 never ended (an
    # attack). INCEpTION's type systems hold a few hundred.
    types = text.count("<typeDescription")
    if types > TYPES:
        raise ImportRejected(
            f"{name} describes {types:,} UIMA types; Hamish reads type systems of at most "
            f"{TYPES:,}. Nothing was imported."
        )
    try:
        return merge_typesystems(load_typesystem(text), type_system()), True
    except HamishError:
        raise
    except Exception as error:  # a hostile file may break the parser anywhere
        raise reject_unexpected(error, name, "UIMA type system") from error


_UNMAPPED = re.compile(r"Not mapping external offset \[(-?\d+)\]")


def _split_pair(name: str, sofa: str, warned: list[str]) -> None:
    """Refuse a UIMA (UTF-16) offset between the two units of one character (an emoji, 𝐀):
    cassis keeps such an offset unconverted, which would tag the wrong characters."""
    units = len(sofa.encode("utf-16-le")) // 2
    for message in warned:
        found = _UNMAPPED.search(message)
        if found is not None and 0 <= int(found[1]) <= units:
            raise ImportRejected(
                f"{name}: a tag starts or ends at UTF-16 offset {found[1]}, between the two "
                "halves of one character (an emoji, say); nothing was imported."
            )


def _article(text: str, name: str, types: TypeSystem, notices: Counter[str]) -> ForeignArticle:
    from cassis import load_cas_from_xmi

    # cassis keeps ~0.85 KB per annotation (100,000: 84 MB, 5.2 s): count them first.
    elements = text.count("<")
    if elements > SPANS:
        raise ImportRejected(
            f"{name} holds more than {SPANS:,} tags; Hamish imports up to {SPANS:,} at a time."
        )
    _attributes_bounded(text, name)
    try:
        # cassis warns of an offset it cannot map and keeps it as it is: outside the text,
        # refused below, by name; inside, it splits a character (see _split_pair).
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            cas = load_cas_from_xmi(text, typesystem=types, lenient=True)
        sofa = cas.sofa_string or ""
        found = list(cas.select_all_annotations())
    except HamishError:
        raise
    except Exception as error:  # a hostile file may break the parser anywhere
        raise reject_unexpected(error, name, "UIMA CAS XMI") from error
    _split_pair(name, sofa, [str(warning.message) for warning in said])
    _count_unread(text, found, notices)
    cleaned = clean_text(sofa)
    article = ForeignArticle(name=name, text=cleaned.text)
    for annotation in found:
        type_name = annotation.type.name
        if type_name == METADATA:
            article.title = str(getattr(annotation, "documentTitle", "") or "")
            article.url = str(getattr(annotation, "documentUri", "") or "")
            continue
        if type_name not in (NAMED_ENTITY, CLAIM):
            if type_name not in _KNOWN:
                notices[f"annotations of type {_shown(type_name)}"] += 1
            continue
        begin, end = getattr(annotation, "begin", None), getattr(annotation, "end", None)
        if not isinstance(begin, int) or not isinstance(end, int):
            notices["tags without offsets"] += 1
            continue
        if not 0 <= begin <= end <= len(sofa):
            raise ImportRejected(
                f"{name}: a {type_name.rsplit('.', 1)[-1]} covers {begin}–{end}, outside the "
                f"text of {len(sofa)} characters; nothing was imported."
            )
        start, stop = cleaned.position(begin), cleaned.position(end)
        if start >= stop:
            notices["tags that cover no text"] += 1
            continue
        if type_name == NAMED_ENTITY:
            label = str(getattr(annotation, "value", "") or "") or "named-entity"
            entity = str(getattr(annotation, "identifier", "") or "")
            article.spans.append(ForeignSpan(start, stop, label, entity=entity))
            continue
        values = {f: str(getattr(annotation, f, "") or "") for f in CLAIM_FEATURES}
        grading = _GRADING.fullmatch(values["grading"].strip().upper())
        if grading is None:
            notices["claim gradings Hamish does not know"] += 1
        claim = ForeignClaim(
            claimant=values["claimant"],
            subjects=[s for s in values["subjects"].split("\n") if s.strip()],
            stance=values["stance"] or "asserts",
            status=values["status"] or "unverified",
            reliability=grading[1] if grading else None,
            credibility=int(grading[2]) if grading and grading[2] else None,
            summary=values["summary"],
        )
        article.spans.append(ForeignSpan(start, stop, "claim", note=values["note"], claim=claim))
    return article


_ELEMENT_OF = {
    NAMED_ENTITY: re.compile(r"<[\w.-]+:NamedEntity[\s/>]"),
    CLAIM: re.compile(r"<[\w.-]+:Claim[\s/>]"),
}
_SOFA = re.compile(r"<[\w.-]+:Sofa[\s/>]")


def _count_unread(text: str, found: list[Any], notices: Counter[str]) -> None:
    """Count what the file holds that cassis does not give as the document's annotations:
    tags not listed among its view's members (or in a file without a view) and texts after
    the first (a second sofa). An attack's were left out without a word, though the import's
    report promises to list what it leaves out."""
    for type_name, element in _ELEMENT_OF.items():
        written = len(element.findall(text))
        read = sum(1 for annotation in found if annotation.type.name == type_name)
        if written > read:
            kind = "named entities" if type_name == NAMED_ENTITY else "claims"
            notices[f"{kind} not listed in the document's view (its members)"] += written - read
    sofas = len(_SOFA.findall(text))
    if sofas > 1:
        notices["texts after the first of one file (sofas)"] += sofas - 1


def read_xmi(path: str | os.PathLike[str]) -> tuple[list[ForeignArticle], list[str]]:
    """The articles of a zip of XMI files (with ``TypeSystem.xml``) or of one ``.xmi``."""
    source = Path(path)
    name = source.name or str(source)
    data = read_limited(source, ARCHIVE_BYTES)
    if source.suffix.lower() == ".xmi":
        beside = source.with_name("TypeSystem.xml")
        system = read_limited(beside, ARCHIVE_BYTES) if beside.is_file() else None
        files = {name: data}
    else:
        members = read_zip(data, name, lambda m: m.lower().endswith((".xmi", ".xml")))
        typesystems = [m for m in members if m.rsplit("/", 1)[-1].lower() == "typesystem.xml"]
        system = members[typesystems[0]] if typesystems else None
        files = {m: content for m, content in members.items() if m.lower().endswith(".xmi")}
        if not files:
            raise ImportRejected(f"{name} holds no .xmi file; nothing was imported.")
    types, _ = _load_types(system, "TypeSystem.xml")
    counted: Counter[str] = Counter()
    articles: list[ForeignArticle] = []
    for member in sorted(files):
        article = _article(_xml_text(files[member], member), member, types, counted)
        if not article.text.strip():
            counted["empty texts"] += 1
            continue
        articles.append(article)
    notices = [f"Left out: {what} ({count})." for what, count in counted.items() if count]
    return articles, notices


def import_xmi(project: Project, path: str | os.PathLike[str]) -> ExchangeImport:
    """A zip of XMI (INCEpTION's export) or one ``.xmi`` into ``project`` (one transaction)."""
    articles, notices = read_xmi(path)
    source = Path(path)
    return import_articles(project, articles, source.name or str(source), notices=notices)
