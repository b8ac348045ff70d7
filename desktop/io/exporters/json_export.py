"""A whole project (or chosen documents) as one JSON file: the lossless exchange format.

Hamish's own project file is SQLite; this is what an analyst sends a colleague, keeps as a
readable archive, or feeds to other tools. The layout is documented in docs/json-format.md and
must stay stable: keys come in a fixed order (header first, then tables in dependency order,
fields in column order) so two exports of the same project differ only in ``exported_at`` and
can be compared with ``diff``.

Offsets (``start``/``end`` of annotations) are code points of the document text, i.e. Python
``str`` indexes — not UTF-16 units as in JavaScript or Qt, and not bytes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.store.db import utcnow
from desktop.store.project import Project
from desktop.store.transfer import TABLES, dump

FORMAT_NAME = "hamish"
FORMAT_VERSION = 1
"""Raised only when a reader of the previous version would misread a file (a field removed,
renamed or given another meaning). Adding a table or an optional field keeps the version:
older readers ignore what they do not know and say so."""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What was written, for the status bar or the command line."""

    path: Path
    scope: str
    counts: dict[str, int]  # rows per table
    size: int  # bytes

    @property
    def documents(self) -> int:
        return self.counts["documents"]

    @property
    def annotations(self) -> int:
        return self.counts["annotations"]

    @property
    def labels(self) -> int:
        return self.counts["labels"]

    @property
    def entities(self) -> int:
        return self.counts["entities"]

    @property
    def claims(self) -> int:
        return self.counts["claims"]

    @property
    def notes(self) -> int:
        return self.counts["notes"]


def build_export(project: Project, document_ids: list[int] | None = None) -> dict[str, Any]:
    """The document that ``export_json`` writes, as a dict with its keys in file order."""
    content = dump(project.database, document_ids)
    payload: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": utcnow(),
        "app_version": __version__,
        "schema_version": content["schema_version"],
        "scope": content["scope"],
    }
    for table in TABLES:
        payload[table.name] = content[table.name]
    return payload


def export_json(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: list[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExportSummary:
    """Write the project (or only ``document_ids`` and what belongs to them) to ``path``.

    The target is checked first (``check_export_target``: an existing file only with
    ``overwrite``). Everything is read next (unknown ids fail before a file is touched), then
    written to a temporary file that replaces ``path`` only once complete: on any error no
    output and no temporary file remain, and an earlier file at ``path`` is left as it was.
    """
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    payload = build_export(project, document_ids)
    with (
        replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp,
        tmp.open("w", encoding="utf-8", newline="\n") as out,
    ):
        json.dump(payload, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return ExportSummary(
        path=target,
        scope=str(payload["scope"]),
        counts={table.name: len(payload[table.name]) for table in TABLES},
        size=target.stat().st_size,
    )
