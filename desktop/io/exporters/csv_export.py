"""Annotations and claims as CSV, for spreadsheets and other tools.

Two separate files rather than one wide table: an annotation and a claim are different things
(a claim is an annotation plus an assessment), and a spreadsheet user filters each on its own
columns. Choices that matter to the reader:

* **UTF-8 with a byte-order mark.** Excel and LibreOffice guess the encoding of a CSV file
  without a BOM from the system locale and then show Arabic as mojibake; with the BOM they read
  UTF-8. Python's ``csv`` module reads the file back with ``encoding="utf-8-sig"``.
* **RFC 4180 quoting** (``\\r\\n`` between records, fields with commas, quotes or newlines in
  double quotes), so notes with line breaks stay in one cell.
* **Offsets are code points** of the document text, as everywhere in Hamish (see
  docs/json-format.md): Python ``text[start:end]`` is the quote.
* **No formulas.** A text cell that a spreadsheet would run as a formula (starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, the convention
  spreadsheets use for "this is text". Article text is untrusted: a quote such as
  ``=HYPERLINK("http://…")`` must not become a live link or a calculation.
* **No hidden characters.** Control characters (C0 except tab, line feed and carriage return;
  DEL; C1) and the bidirectional embedding, override and isolate characters (U+202A–U+202E,
  U+2066–U+2069) are written as visible escapes — ``\\x1b``, ``\\x00``, ``\\u202e`` — never
  raw. Article text is untrusted: an ESC sequence would drive the terminal of whoever runs
  ``cat`` on the file, a NUL cuts the cell in some tools, and a right-to-left override makes a
  cell show something other than it holds (``report\\u202efdp.exe`` reads ``reportexe.pdf``).
  Such a quote then no longer equals ``text[start:end]``; the offsets still do.
* **Atomic**: the file appears complete or not at all (``replace_on_success``), and only where
  an export may write (``check_export_target``; an existing file only with ``overwrite``).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from desktop.core.errors import HamishError
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.exporters.progress import CancelCheck, ProgressCallback, Steps
from desktop.io.exporters.report import grade
from desktop.store.project import Project
from desktop.store.report_queries import ReportQueries

CsvKind = Literal["annotations", "claims"]
CSV_KINDS: tuple[CsvKind, ...] = ("annotations", "claims")

ANNOTATION_COLUMNS = (
    "annotation_id",
    "document_id",
    "document_title",
    "start",
    "end",
    "quote",
    "label",
    "label_name_en",
    "label_name_ar",
    "label_kind",
    "entity_id",
    "entity",
    "note",
    "author",
    "anchor",
    "created_at",
    "modified_at",
)
CLAIM_COLUMNS = (
    "claim_id",
    "annotation_id",
    "document_id",
    "document_title",
    "start",
    "end",
    "quote",
    "summary",
    "claimant_id",
    "claimant",
    "stance",
    "status",
    "reliability",
    "credibility",
    "grade",
    "claimed_on",
    "subject_ids",
    "subjects",
    "links",
    "note",
    "created_at",
    "modified_at",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CHUNK = 500  # rows between progress reports and cancellation checks


@dataclass(frozen=True, slots=True)
class CsvSummary:
    path: Path
    kind: CsvKind
    rows: int
    size: int


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def cell(value: object) -> str | int:
    """A value as written: integers stay numbers, None is empty, text is defused (hidden
    characters escaped, formulas made text)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    text = _HIDDEN.sub(_escape, str(value))
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def _join(values: Iterable[object]) -> str:
    return "; ".join(str(v) for v in values)


def annotation_rows(project: Project, document_ids: Sequence[int]) -> Iterable[list[object]]:
    for record in ReportQueries(project.database).annotations(document_ids):
        a, label = record.annotation, record.label
        yield [
            a.id,
            a.document_id,
            record.document_title,
            a.start,
            a.end,
            a.quote,
            label.key,
            label.name_en,
            label.name_ar,
            label.kind,
            a.entity_id,
            record.entity_name,
            a.note,
            a.author,
            a.anchor,
            a.created_at,
            a.modified_at,
        ]


def claim_rows(project: Project, document_ids: Sequence[int]) -> Iterable[list[object]]:
    queries = ReportQueries(project.database)
    titles = {r.id: r.title for r in queries.documents(list(document_ids))}
    for record in queries.claims(document_ids):
        c = record.claim
        links = [
            f"{link.kind}:{link.to_claim if link.from_claim == c.id else link.from_claim}"
            + ("" if link.from_claim == c.id else " (from)")
            for link in record.links
        ]
        yield [
            c.id,
            c.annotation_id,
            record.document_id,
            titles.get(record.document_id, ""),
            record.start,
            record.end,
            record.quote,
            c.summary,
            c.claimant_id,
            record.claimant,
            c.stance,
            c.status,
            c.reliability,
            c.credibility,
            grade(c.reliability, c.credibility),
            c.claimed_on,
            _join(c.subjects),
            _join(record.subject_names),
            _join(links),
            record.note,
            c.created_at,
            c.modified_at,
        ]


def export_csv(
    project: Project,
    path: str | os.PathLike[str],
    kind: CsvKind = "annotations",
    document_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> CsvSummary:
    """Write the annotations or the claims of the project (or of ``document_ids``).

    Rows come grouped by document, in text order (annotations) or in the Claims table's order
    (claims). On cancellation or any error nothing is left behind and an earlier file at
    ``path`` is untouched.
    """
    if kind not in CSV_KINDS:
        raise HamishError(f"Unknown CSV export {kind!r}: choose annotations or claims.")
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    steps = Steps(progress, cancelled)
    ids = [r.id for r in ReportQueries(project.database).documents(document_ids)]
    columns, rows = (
        (ANNOTATION_COLUMNS, annotation_rows(project, ids))
        if kind == "annotations"
        else (CLAIM_COLUMNS, claim_rows(project, ids))
    )
    count = 0
    with (
        replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp,
        tmp.open("w", encoding="utf-8-sig", newline="") as out,
    ):
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
            if count % _CHUNK == 0:
                steps.advance(f"{count} {kind}")
        steps.check()
    steps.advance(f"{count} {kind}")
    return CsvSummary(target, kind, count, target.stat().st_size)
