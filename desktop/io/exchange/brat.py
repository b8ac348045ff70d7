"""brat standoff (https://brat.nlplab.org/standoff.html): export and import.

An export is **one zip** (so it is written atomically like every export, ``files.py``):
``annotation.conf`` and ``visual.conf`` at the top, then ``article-00007.txt`` with its
``article-00007.ann`` for each article (the number is the article's id). The ``.txt`` is the
article's text in UTF-8 without a byte-order mark, with ``\\n`` line endings only, and every
offset in the ``.ann`` counts code points of that file as written — exactly Hamish's own
offsets.

``.ann`` lines written:

* ``T1\\tperson 4 11\\tالمتحدث`` — a tag: its label's key (whitespace made ``_``), start and end.
  A tag that spans a line break is written as fragments without the line breaks
  (``T2\\tclaim 0 9;10 20\\t…``), as brat itself writes them;
* ``#1\\tAnnotatorNotes T1\\tnote`` — the tag's note (line breaks as ``\\n``, a backslash as
  ``\\\\``); ``#2\\tSummary T2\\t…`` — a claim's summary, the same way;
* ``N1\\tReference T1 Hamish:5\\tname`` — the entity the tag mentions;
* ``A1\\tStance T2 denies`` (and ``Status``, ``Reliability``, ``Credibility``) — a claim's
  assessment;
* ``R1\\tClaimant Arg1:T2 Arg2:T1`` — who makes the claim (a tag of the claimant in the same
  article), ``About`` for its subjects, ``Supports`` / ``Contradicts`` / ``Repeats`` for links
  between claims of the same article.

An import reads such a zip, or a folder, of ``.txt``/``.ann`` pairs (a ``.txt`` without
``.ann`` is an article without tags). Offsets are code points of the ``.txt`` as it is on disk
(``\\r\\n`` counts two, as brat counts it), converted to the cleaned article text.
docs/interop.md lists what each side cannot carry.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.core.errors import ImportRejected
from desktop.io.exchange.common import (
    ARCHIVE_BYTES,
    LINK_KINDS,
    MEMBERS,
    SPANS,
    UNPACKED_BYTES,
    ExchangeImport,
    ExchangeSummary,
    ForeignArticle,
    ForeignClaim,
    ForeignSpan,
    LabelHint,
    ProjectView,
    count_lost,
    import_articles,
    read_zip,
    shown,
    whole_number,
    write_zip,
)
from desktop.io.exchange.offsets import clean_text
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.importers.common import read_limited
from desktop.store.project import Project

_TYPE_DROP = re.compile(r"[^\w\-.]")
_RELATIONS = {"supports": "Supports", "contradicts": "Contradicts", "repeats": "Repeats"}
_ATTRIBUTES = ("Stance", "Status", "Reliability", "Credibility")
_KIND_LINE = re.compile(r"#\s*hamish-label\s+(\S+)\s+(entity|claim|note|span)\s*$")
_COLOUR = re.compile(r"bgColor:(#[0-9A-Fa-f]{6})")
_LINE_END = re.compile(r"\r\n|\r|\n")
TWICE = (
    "references, claimants and claim attributes given twice for one tag, of which the last was kept"
)
SELF_LINKS = "claim links from a claim to itself"


def escape(text: str) -> str:
    """One line of a note: backslash and line breaks escaped (brat's notes are one line)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ")


def unescape(text: str) -> str:
    return re.sub(r"\\(\\|n)", lambda m: "\n" if m[1] == "n" else "\\", text)


def _type_names(view: ProjectView) -> dict[int, str]:
    names: dict[int, str] = {}
    used: set[str] = set()
    for label_id, label in sorted(view.labels.items()):
        base = _TYPE_DROP.sub("_", label["key"]) or "label"
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        names[label_id] = name
    return names


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``start``–``end`` between line breaks (none of them empty)."""
    pieces: list[tuple[int, int]] = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        if stop > position:
            pieces.append((position, stop))
        position = stop + 1
    return pieces or [(start, end)]


def _ann(
    document: dict[str, Any], view: ProjectView, types: dict[int, str], lost: Counter[str]
) -> str:
    text = document["text"]
    rows = view.annotations.get(document["id"], [])
    lines: list[str] = []
    tag: dict[int, str] = {}
    mentions: dict[int, str] = {}  # entity id -> first tag that mentions it
    for n, row in enumerate(rows, start=1):
        tag[row["id"]] = f"T{n}"
        pieces = _fragments(text, row["start"], row["end"])
        where = ";".join(f"{a} {b}" for a, b in pieces)
        covered = " ".join(text[a:b] for a, b in pieces).replace("\t", " ")
        lines.append(f"T{n}\t{types[row['label_id']]} {where}\t{covered}")
        if row["entity_id"] is not None:
            mentions.setdefault(row["entity_id"], f"T{n}")
    counters = {"#": 0, "N": 0, "A": 0, "R": 0}

    def next_id(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    claim_tag: dict[int, str] = {}
    for row in rows:
        t = tag[row["id"]]
        if row["note"]:
            lines.append(f"{next_id('#')}\tAnnotatorNotes {t}\t{escape(row['note'])}")
        if row["entity_id"] is not None:
            name = view.entities[row["entity_id"]]["name"].replace("\t", " ")
            lines.append(f"{next_id('N')}\tReference {t} Hamish:{row['entity_id']}\t{name}")
        claim = view.claims.get(row["id"])
        if claim is None:
            continue
        claim_tag[claim["id"]] = t
        if claim["summary"]:
            lines.append(f"{next_id('#')}\tSummary {t}\t{escape(claim['summary'])}")
        values = (claim["stance"], claim["status"], claim["reliability"], claim["credibility"])
        for attribute, value in zip(_ATTRIBUTES, values, strict=True):
            if value is not None:
                lines.append(f"{next_id('A')}\t{attribute} {t} {value}")
        lost["claim dates (claimed on)"] += claim["claimed_on"] is not None
        people = [("Claimant", claim["claimant_id"])] if claim["claimant_id"] else []
        people += [("About", e) for e in view.subjects.get(claim["id"], [])]
        for relation, entity_id in people:
            other = mentions.get(entity_id)
            if other is None:
                lost["claimants and subjects not tagged in the claim's article"] += 1
                continue
            lines.append(f"{next_id('R')}\t{relation} Arg1:{t} Arg2:{other}")
    for link in view.links:
        source, target = claim_tag.get(link["from_claim"]), claim_tag.get(link["to_claim"])
        if source is None and target is None:
            continue  # another article's link
        if source is None or target is None:
            lost["links between claims of different articles"] += source is not None
            continue
        relation = _RELATIONS[link["kind"]]
        lines.append(f"{next_id('R')}\t{relation} Arg1:{source} Arg2:{target}")
    return "".join(line + "\n" for line in lines)


def _conf(view: ProjectView, types: dict[int, str]) -> tuple[str, str]:
    used = sorted({row["label_id"] for rows in view.annotations.values() for row in rows})
    claims = [types[i] for i in used if view.labels[i]["kind"] == "claim"]
    conf = ["# Written by Hamish. Label kinds, read back by Hamish's import:"]
    conf += [f"# hamish-label {types[i]} {view.labels[i]['kind']}" for i in used]
    conf += ["[entities]", *(types[i] for i in used), "", "[relations]"]
    if claims:
        arg = "|".join(claims)
        conf += [
            f"Claimant Arg1:{arg}, Arg2:<ENTITY>",
            f"About Arg1:{arg}, Arg2:<ENTITY>",
            *(f"{name} Arg1:{arg}, Arg2:{arg}" for name in _RELATIONS.values()),
        ]
    conf += ["", "[events]", "", "[attributes]"]
    if claims:
        arg = "|".join(claims)
        conf += [
            f"Stance Arg:{arg}, Value:asserts|denies",
            f"Status Arg:{arg}, Value:unverified|corroborated|contested|refuted",
            f"Reliability Arg:{arg}, Value:A|B|C|D|E|F",
            f"Credibility Arg:{arg}, Value:1|2|3|4|5|6",
        ]
    visual = ["[labels]"]
    for i in used:
        label = view.labels[i]
        names = (label["name_en"], label["name_ar"])
        visual.append(" | ".join([types[i], *(n.replace("|", "/") for n in names)]))
    visual += ["", "[drawing]", *(f"{types[i]} bgColor:{view.labels[i]['color']}" for i in used)]
    return "\n".join(conf) + "\n", "\n".join(visual) + "\n"


def export_brat(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExchangeSummary:
    """Write the project (or ``document_ids``) as a zip of brat standoff files."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    view = ProjectView.read(project, document_ids)
    types = _type_names(view)
    lost: Counter[str] = Counter()
    lost["tags whose text has changed (orphaned)"] += view.orphaned
    lost["article titles and metadata"] += len(view.documents)
    lost["notes on articles and on the project"] += len(view.notes)
    lost["decisions on suggestions"] += view.decisions
    lost["entity aliases, descriptions and notes"] += view.described
    annotation_conf, visual_conf = _conf(view, types)
    members: list[tuple[str, bytes]] = [
        ("annotation.conf", annotation_conf.encode()),
        ("visual.conf", visual_conf.encode()),
    ]
    annotations = 0
    for document in view.documents:
        stem = f"article-{document['id']:05d}"
        members.append((f"{stem}.txt", document["text"].encode()))
        members.append((f"{stem}.ann", _ann(document, view, types, lost).encode()))
        annotations += len(view.annotations.get(document["id"], []))
    with replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp:
        write_zip(tmp, members)
    return ExchangeSummary(
        target, len(view.documents), annotations, target.stat().st_size, count_lost(lost)
    )


# --- import --------------------------------------------------------------------------------
def _decode(data: bytes, name: str) -> str:
    """UTF-8 as brat reads it: a byte-order mark is a character (and counts)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            f"{name} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} on line {line}). "
            "Save it as UTF-8 and import it again."
        ) from error


def _hints(conf: str, visual: str) -> dict[str, LabelHint]:
    kinds = {m[1]: m[2] for line in conf.splitlines() if (m := _KIND_LINE.match(line))}
    names: dict[str, tuple[str, str]] = {}
    colours: dict[str, str] = {}
    section = ""
    for line in visual.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif line and not line.startswith("#") and section == "labels":
            parts = [p.strip() for p in line.split("|")]
            if len(parts) >= 2 and parts[0]:
                names[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else parts[1])
        elif line and not line.startswith("#") and section == "drawing":
            match = _COLOUR.search(line)
            if match and line.split()[0] != "SPAN_DEFAULT":
                colours[line.split()[0]] = match[1].lower()
    hints: dict[str, LabelHint] = {}
    for name in kinds.keys() | names.keys() | colours.keys():
        english, arabic = names.get(name, ("", ""))
        hints[name] = LabelHint(kinds.get(name, ""), colours.get(name, ""), english, arabic)
    return hints


_SPACE = re.compile(r"\s+")


def _same_text(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip() == _SPACE.sub(" ", b).strip()


def parse_ann(raw: str, ann: str, name: str, notices: Counter[str]) -> ForeignArticle:
    """One article from its text as on disk and its ``.ann``. Malformed lines and offsets that
    do not fit the text reject the file (naming the line); what Hamish cannot represent is
    counted in ``notices``."""
    cleaned = clean_text(raw)
    article = ForeignArticle(name=name, text=cleaned.text)
    spans: dict[str, int] = {}
    pending: list[tuple[int, str]] = []  # lines, split again when read: a list each is heavy
    ann_name = f"{name.removesuffix('.txt')}.ann"  # the file whose lines are counted

    def bad(number: int, why: str) -> ImportRejected:
        return ImportRejected(f"{ann_name}, line {number}: {why}; nothing was imported.")

    # A byte-order mark, as Windows editors write one, is no part of the first id (the
    # offsets count the .txt, not the .ann). Lines end as brat reads them (a text file's
    # \n, \r\n or \r), not at U+2028, U+0085 or a form feed inside a note or a name, which
    # str.splitlines would break the line at.
    lines = _LINE_END.split(ann.removeprefix("\ufeff"))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T"):
            if len(parts) < 2:
                raise bad(number, "a text-bound annotation needs a type and offsets")
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                raise bad(number, "a text-bound annotation needs a type and offsets")
            label, where = head
            try:
                pieces = [
                    tuple(whole_number(n) for n in piece.split()) for piece in where.split(";")
                ]
            except ValueError:
                raise bad(number, f"the offsets {shown(where)} are not whole numbers") from None
            if any(len(p) != 2 or not 0 <= p[0] <= p[1] <= len(raw) for p in pieces):
                raise bad(
                    number,
                    f"the offsets {shown(where)} do not fit {name}, which has {len(raw)} "
                    "characters (brat counts code points)",
                )
            covered = " ".join(raw[a:b] for a, b in pieces)
            if len(parts) > 2 and not _same_text(parts[2], covered):
                raise bad(
                    number,
                    f"{ident} covers “{covered[:40]}” in the text, not “{parts[2][:40]}” "
                    "(brat counts code points)",
                )
            gaps = [raw[pieces[i][1] : pieces[i + 1][0]] for i in range(len(pieces) - 1)]
            if any(gap.strip() for gap in gaps) or any(
                pieces[i][1] > pieces[i + 1][0] for i in range(len(pieces) - 1)
            ):
                notices["discontinuous tags"] += 1
                continue
            start, end = cleaned.position(pieces[0][0]), cleaned.position(pieces[-1][1])
            if start >= end:
                notices["tags that cover no text"] += 1
                continue
            spans[ident] = len(article.spans)
            article.spans.append(ForeignSpan(start, end, label))
            if len(article.spans) > SPANS:  # before a hostile file's lines fill the memory
                raise ImportRejected(
                    f"{name} holds more than {SPANS:,} tags; Hamish imports up to "
                    f"{SPANS:,} at a time."
                )
        elif ident[:1] in ("#", "N", "A", "M", "R"):
            pending.append((number, line))
        elif ident.startswith("E"):
            notices["events"] += 1
        elif ident.startswith("*"):
            notices["equivalence sets"] += 1
        else:
            raise bad(number, f"{ident[:20]!r} is not a brat annotation id")
    given: dict[tuple[int, str], str] = {}  # (tag, attribute) -> value
    notes: dict[int, list[str]] = {}  # joined once: adding to a string each time is quadratic
    for number, line in pending:
        parts = line.split("\t")
        ident = parts[0]
        fields = parts[1].split(" ") if len(parts) > 1 else []
        if len(fields) < 2:
            raise bad(number, f"{ident} needs a type and the annotation it is about")
        kind, about = fields[0], fields[1]
        if ident.startswith("R"):
            _relation(article, spans, kind, fields, notices)
            continue
        index = spans.get(about)
        if index is None:
            notices["notes, references and attributes of tags that were left out"] += 1
            continue
        span = article.spans[index]
        value = parts[2] if len(parts) > 2 else ""
        if ident.startswith("#") and kind == "AnnotatorNotes":
            notes.setdefault(index, []).append(unescape(value))
        elif ident.startswith("#") and kind == "Summary":
            (span.claim or _claim(span)).summary = unescape(value)
        elif ident.startswith("#"):
            notices["comments other than AnnotatorNotes"] += 1
        elif ident.startswith("N"):
            entity = value or (fields[2] if len(fields) > 2 else "")
            # A second Reference re-linked the tag without a word (an attack): said.
            notices[TWICE] += bool(span.entity) and span.entity != entity
            span.entity = entity
        elif kind in _ATTRIBUTES:
            value = fields[2] if len(fields) > 2 else ""
            # The same attribute twice on one claim: the last line won without a word (an
            # attack). Said, when the two differ.
            notices[TWICE] += given.setdefault((index, kind), value) != value
            given[(index, kind)] = value
            _attribute(_claim(span), kind, value, notices)
        else:
            notices["attributes Hamish does not know"] += 1
    for index, lines in notes.items():
        article.spans[index].note = "\n".join(lines)
    return article


def _claim(span: ForeignSpan) -> ForeignClaim:
    if span.claim is None:
        span.claim = ForeignClaim()
    return span.claim


def _attribute(claim: ForeignClaim, kind: str, value: str, notices: Counter[str]) -> None:
    if kind == "Stance":
        claim.stance = value
    elif kind == "Status":
        claim.status = value
    elif kind == "Reliability":
        claim.reliability = value or None
    elif re.fullmatch("[1-6]", value):  # not "²", which isdigit() takes and int() refuses
        claim.credibility = int(value)
    else:
        notices["claim gradings Hamish does not know"] += 1


def _relation(
    article: ForeignArticle,
    spans: dict[str, int],
    kind: str,
    fields: list[str],
    notices: Counter[str],
) -> None:
    args = dict(field.split(":", 1) for field in fields[1:] if ":" in field)
    first, second = spans.get(args.get("Arg1", "")), spans.get(args.get("Arg2", ""))
    if first is None or second is None:
        notices["relations of tags that were left out"] += 1
        return
    if first == second:
        # A claim as its own claimant made a person of the claim's words (an attack); a claim
        # supporting itself is no link either.
        if kind.lower() in LINK_KINDS:
            notices[SELF_LINKS] += 1
        else:
            notices["relations of a tag to itself"] += 1
        return
    other = article.spans[second]
    if kind in ("Claimant", "About"):
        who = other.entity or article.text[other.start : other.end]
        claim = _claim(article.spans[first])
        if kind == "Claimant":
            notices[TWICE] += bool(claim.claimant) and claim.claimant != who
            claim.claimant = who
        else:
            claim.subjects.append(who)
    elif kind.lower() in LINK_KINDS:
        _claim(article.spans[first])
        _claim(other)
        article.links.append((first, second, kind.lower()))
    else:
        notices["relations Hamish does not know"] += 1


def read_brat(
    path: str | os.PathLike[str],
) -> tuple[list[ForeignArticle], dict[str, LabelHint], list[str]]:
    """The articles of a brat zip or folder, the label hints of its configuration, and what
    could not be represented (sentences)."""
    source = Path(path)
    name = source.name or str(source)
    files: dict[str, bytes] = {}
    links = specials = 0
    if source.is_dir():
        total = 0
        for file in sorted(source.rglob("*")):
            if file.suffix not in (".txt", ".ann", ".conf"):
                continue
            if file.is_symlink():  # never followed (out of the folder, say): but said
                links += 1
                continue
            if not file.is_file():
                if not file.is_dir():  # a FIFO or a device named x.ann: never opened, but said
                    specials += 1
                continue
            if len(files) >= MEMBERS:
                raise ImportRejected(
                    f"{name} holds more than {MEMBERS:,} files; Hamish imports up to "
                    f"{MEMBERS:,} at a time."
                )
            data = read_limited(file, ARCHIVE_BYTES)
            total += len(data)
            if total > UNPACKED_BYTES:
                raise ImportRejected(
                    f"{name} holds more than {UNPACKED_BYTES // 1024 // 1024} MB of brat files; "
                    "import it in parts."
                )
            files[file.relative_to(source).as_posix()] = data
    else:
        data = read_limited(source, ARCHIVE_BYTES)
        files = read_zip(data, name, lambda m: m.endswith((".txt", ".ann", ".conf")))
    conf = _decode(files.get("annotation.conf", b""), "annotation.conf")
    visual = _decode(files.get("visual.conf", b""), "visual.conf")
    counted: Counter[str] = Counter()
    articles: list[ForeignArticle] = []
    for member in sorted(files):
        if not member.endswith(".txt"):
            continue
        stem = member[:-4]
        raw = _decode(files[member], member)
        ann = _decode(files.get(f"{stem}.ann", b""), f"{stem}.ann")
        article = parse_ann(raw, ann, member, counted)
        if not article.text.strip():
            counted["empty texts"] += 1
            continue
        articles.append(article)
    orphans = [m for m in files if m.endswith(".ann") and f"{m[:-4]}.txt" not in files]
    counted[".ann files without their .txt"] += len(orphans)
    # An attack's links to files outside the folder were skipped as they should be, but
    # reported as .ann files without their .txt, or not at all.
    counted["links to other files (symbolic links are not followed)"] += links
    counted["files that are not regular files (pipes, devices)"] += specials
    notices = [f"Left out: {what} ({count})." for what, count in counted.items() if count]
    return articles, _hints(conf, visual), notices


def import_brat(project: Project, path: str | os.PathLike[str]) -> ExchangeImport:
    """A brat zip or folder into ``project`` (one transaction)."""
    articles, hints, notices = read_brat(path)
    source = Path(path)
    return import_articles(
        project, articles, source.name or str(source), hints=hints, notices=notices
    )
