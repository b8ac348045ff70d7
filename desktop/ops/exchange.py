"""Importing another tool's annotations (UIMA CAS XMI, brat) as one undoable step.

The import itself (``desktop.io.exchange``) is one transaction; undo deletes the articles it
brought in, with their tags and claims (labels and entities it created stay, as after any
import of Hamish JSON).
"""

from __future__ import annotations

import os
from functools import partial
from typing import Literal

from desktop.core.models import ChangeSet
from desktop.io.exchange.common import ExchangeImport
from desktop.ops.articles import delete_articles
from desktop.ops.outcome import Outcome, plural
from desktop.store.project import Project

Format = Literal["xmi", "brat"]


def import_exchange(
    project: Project, path: str | os.PathLike[str], fmt: Format
) -> Outcome[ExchangeImport]:
    """Import a UIMA CAS XMI zip/file or a brat zip/folder; the value says what came in and
    what was left out. Raises ``ImportRejected`` (nothing written) for a file it refuses."""
    if fmt == "xmi":
        from desktop.io.exchange.xmi import import_xmi

        result = import_xmi(project, path)
    else:
        from desktop.io.exchange.brat import import_brat

        result = import_brat(project, path)
    ids = tuple(result.report.ids.get("documents", {}).values())
    text = f"Import {plural(len(ids), 'article')}"
    undo = partial(delete_articles, document_ids=ids, text=text) if ids else None
    report = result.report
    changes = ChangeSet(
        documents_added=ids,
        annotations_added=tuple(report.ids.get("annotations", {}).values()),
        labels_changed=bool(report.labels),
        entities_changed=bool(report.entities),
        claims_changed=bool(report.claims),
    )
    return Outcome(changes, undo, text, result)
