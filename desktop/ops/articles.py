"""Articles: import (files, folders, a pasted text), delete and bring back, edit metadata.
(Re-anchoring after a text change is in ``anchors.py``.)

An import writes a chunk of files per transaction (at most 200 files or a second of reading;
``docs/importing.md``), so a bad file never costs the others and a crash costs at most the
chunk being read; as a whole it is still one undoable step (undo deletes what it brought in).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from desktop.core.controls import clean_line
from desktop.core.errors import HamishError, NotFound, RestoreConflict
from desktop.core.models import ChangeSet, Document
from desktop.core.records import DocumentDraft
from desktop.core.services import ImportReport, import_documents
from desktop.core.values import is_web_address, typed_date
from desktop.io.batch import BatchReport, Progress, import_paths, load_file
from desktop.ops.outcome import Outcome, Step, plural, short
from desktop.store.project import Project
from desktop.store.rowsets import RowSet

METADATA_FIELDS = ("title", "source", "author", "url", "published", "language", "direction")
Metadata = dict[str, str | None]


# --- import --------------------------------------------------------------------------------------
def _imported(ids: tuple[int, ...], text: str) -> tuple[ChangeSet, Step | None]:
    if not ids:
        return ChangeSet(), None
    return ChangeSet(documents_added=ids), partial(delete_articles, document_ids=ids, text=text)


def import_files(
    project: Project,
    paths: Sequence[str | os.PathLike[str]],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
    loader: Callable[[Path], DocumentDraft] = load_file,
) -> Outcome[BatchReport]:
    """Import files and folders (recursively); the value reports every file. Undo deletes
    the articles it imported (duplicates and failures were never written)."""
    batch = import_paths(
        project.documents, paths, cancelled=cancelled, progress=progress, loader=loader
    )
    ids = tuple(doc_id for _, doc_id in batch.report.imported)
    text = f"Import {plural(len(ids), 'article')}"
    changes, undo = _imported(ids, text)
    if undo is not None and _characters(project, ids) > UNDOABLE_IMPORT_CHARACTERS:
        # Undo keeps what it removed in memory, for redo: an archive-sized import would
        # hold its whole text. Such an import is kept; its articles can still be deleted.
        notice = (
            "This import is too large to be undone as one step; delete its articles in "
            "the library to remove them."
        )
        return Outcome(changes, None, text, batch, notice=notice)
    return Outcome(changes, undo, text, batch)


UNDOABLE_IMPORT_CHARACTERS = 100_000_000
"""Above this much imported text (code points) an import is not one undo step."""


def _characters(project: Project, ids: Sequence[int]) -> int:
    total = 0
    for start in range(0, len(ids), 500):  # SQLite bounds the parameters of a query
        total += sum(
            s.char_count for s in project.documents.summaries(list(ids[start : start + 500]))
        )
    return total


def add_article(project: Project, draft: DocumentDraft, origin: str) -> Outcome[ImportReport]:
    """One article from pasted or dropped text; the report says whether it was new, already
    in the project, or refused."""
    report = import_documents(project.documents, [(origin, lambda: draft)])
    ids = tuple(doc_id for _, doc_id in report.imported)
    text = f"New article “{short(draft.title)}”"
    changes, undo = _imported(ids, text)
    return Outcome(changes, undo, text, report)


# --- delete ---------------------------------------------------------------------------------------
def _removed(rows: Sequence[RowSet], ids: tuple[int, ...]) -> ChangeSet:
    return ChangeSet(
        documents_removed=ids,
        annotations_removed=tuple(r["id"] for rs in rows for r in rs.rows("annotations")),
        entities_changed=any(rs.count("annotations") for rs in rows),
        claims_changed=any(rs.count("claims") for rs in rows),
    )


def delete_articles(
    project: Project, document_ids: Sequence[int], text: str = ""
) -> Outcome[tuple[int, ...]]:
    """Delete articles with everything attached (annotations, claims, links, notes,
    decisions), all or none; undo writes them back. The value is the deleted ids."""
    ids = tuple(document_ids)
    if not text:
        title = short(project.documents.get(ids[0]).title) if len(ids) == 1 else ""
        text = f"Delete article “{title}”" if title else f"Delete {plural(len(ids), 'article')}"
    rows = tuple(project.documents.delete_many(ids))
    back = partial(_restore_articles, rows=rows, text=text)
    return Outcome(_removed(rows, ids), back, text, ids)


def _restore_articles(
    project: Project, rows: tuple[RowSet, ...], text: str
) -> Outcome[tuple[int, ...]]:
    """Write deleted articles back (under new ids only where another article took an old
    one meanwhile); the value is their ids now, the first deleted first. One that cannot come
    back (its text was imported again meanwhile) does not keep the others from it: it is
    named in the outcome's notice. Fails only when none can come back."""
    back: list[tuple[RowSet, int]] = []
    refused: list[str] = []
    with project.database.transaction():
        for rowset in rows:
            try:
                with project.database.savepoint():
                    back.append((rowset, project.documents.restore(rowset)))
            except RestoreConflict as error:  # a busy or full disk fails the whole undo
                refused.append(str(error))
        if not back:
            raise HamishError(" ".join(refused))
    ids = tuple(doc_id for _, doc_id in back)
    changes = ChangeSet(
        documents_added=ids,
        annotations_added=tuple(r["id"] for rs, _ in back for r in rs.rows("annotations")),
        entities_changed=any(r.count("annotations") for r, _ in back),
        claims_changed=any(r.count("claims") for r, _ in back),
    )
    redo = partial(delete_articles, document_ids=ids, text=text)
    return Outcome(changes, redo, text, ids, notice=" ".join(refused))


# --- metadata -------------------------------------------------------------------------------------
def metadata_of(document: Document) -> Metadata:
    return {key: getattr(document, key) for key in METADATA_FIELDS}


def validate_metadata(values: dict[str, str]) -> tuple[Metadata, list[str]]:
    """Cleaned values for :func:`edit_metadata` and the problems that prevent saving (each a
    sentence naming the field)."""
    problems: list[str] = []
    clean: Metadata = {}
    # What import strips from titles and metadata (core/controls.py), so a pasted ESC or
    # right-to-left override cannot come in this way either.
    title = " ".join(clean_line(values.get("title", "")).split())
    if not title:
        problems.append("The title cannot be empty.")
    clean["title"] = title
    for key in ("source", "author"):
        clean[key] = " ".join(clean_line(values.get(key, "")).split())
    url = clean_line(values.get("url", ""))
    if url and not is_web_address(url):
        problems.append("The URL must be a full address such as https://example.com/article.")
    clean["url"] = url
    date = typed_date(values.get("published", ""))  # 20/10/2015 and ٢٠١٥-١٠-٢٠ too
    if date:
        from desktop.io.importers.common import parse_iso_date

        iso = parse_iso_date(date)
        if iso is None or len(date) != 10:
            problems.append("The date must be a real date written YYYY-MM-DD, or empty.")
        clean["published"] = iso
    else:
        clean["published"] = None
    language = values.get("language", "").strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", language):
        problems.append("The language must be a code such as ar, en or und.")
    clean["language"] = language
    direction = values.get("direction", "")
    if direction not in ("rtl", "ltr"):
        problems.append("The direction must be right-to-left or left-to-right.")
    clean["direction"] = direction
    return clean, problems


def edit_metadata(project: Project, document_id: int, values: Metadata) -> Outcome[None]:
    """Title, source, author, URL, date, language and direction of an article."""
    document = project.documents.get(document_id)
    text = f"Edit metadata of “{short(document.title)}”"
    before = metadata_of(document)
    after = {k: v for k, v in values.items() if k in METADATA_FIELDS}
    return _metadata_state(project, document_id, after, before, text)


def _metadata_state(
    project: Project, document_id: int, state: Metadata, other: Metadata, text: str
) -> Outcome[None]:
    documents = project.documents
    with project.database.transaction():
        if not documents.exists(document_id):
            raise NotFound("The article no longer exists in this project.")
        documents.update_metadata(document_id, **state)
    back = partial(_metadata_state, document_id=document_id, state=other, other=state, text=text)
    return Outcome(ChangeSet(documents_changed=(document_id,)), back, text, None)
