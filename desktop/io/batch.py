"""Importing many files and folders at once, the same way from the window and the command line.

Why one module: the GUI (in the background), drag and drop and ``hamish import`` must accept
the same formats, skip the same files and give the same reasons, so expansion of folders,
choice of importer, the size limit and error handling live here, once, without Qt.

Each file is read and converted *completely* before anything is written (the risky formats in
a reader process with a memory and a time limit, :mod:`desktop.io.worker`; plain text and
Markdown here, bounded by the file size), then stored by
:func:`desktop.core.services.import_documents` a chunk at a time — one transaction every 200
articles or every second of reading, whichever comes first (``docs/importing.md``, "Many
files at once"): one bad file never costs the others, a duplicate (same folded text) is
reported with the article it duplicates, a cancelled batch keeps exactly the files counted
before the cancellation, and a crash loses at most the chunk being read. A batch of more
than one chunk syncs a commit every 2,000 articles or 2 seconds and at its end
(:class:`desktop.store.db.BulkWrites`), so a power cut loses at most that as well.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from desktop.core import services
from desktop.core.errors import ImportRejected
from desktop.core.models import ChangeSet
from desktop.core.records import DocumentDraft, ImportFailure
from desktop.core.services import DocumentRepository, ImportReport, import_documents
from desktop.io.importers.common import (
    DESCRIPTIONS,
    MAX_BYTES,
    display_name,
    read_limited,
    sniff,
)
from desktop.io.importers.eml import EMAIL_SUFFIXES
from desktop.io.importers.encoding import looks_binary
from desktop.io.importers.html_page import HTML_SUFFIXES
from desktop.io.importers.pdf import PDF_SUFFIXES
from desktop.io.importers.text import TEXT_SUFFIXES
from desktop.io.importers.word import WORD_SUFFIXES
from desktop.io.worker import CONVERTERS, IN_PROCESS, convert, reader, reading_session
from desktop.store.documents import DocumentStore

__all__ = [
    "SUPPORTED_SUFFIXES",
    "BatchReport",
    "expand_paths",
    "file_dialog_filter",
    "import_paths",
    "load_file",
]

Progress = Callable[[int, int, str], None]  # (done, total, file being imported)
PROGRESS_SECONDS = 0.1
"""How often progress is reported while files are read."""

_SUFFIX_KIND: dict[str, str] = {
    **{suffix: "text" for suffix in TEXT_SUFFIXES},
    ".md": "markdown",
    ".markdown": "markdown",
    **{suffix: "html" for suffix in HTML_SUFFIXES},
    **{suffix: "docx" for suffix in WORD_SUFFIXES},
    **{suffix: "pdf" for suffix in PDF_SUFFIXES},
    **{suffix: "eml" for suffix in EMAIL_SUFFIXES},
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(_SUFFIX_KIND))
# Named here so the reason says what to do instead of only "unsupported".
_ADVICE = {
    ".doc": "old binary Word documents (.doc) are not imported; save it as .docx",
    ".rtf": "RTF is not imported; save it as .docx or plain text",
    ".odt": "OpenDocument text is not imported; save it as .docx",
    ".json": "Hamish JSON exports are imported on their own (hamish import FILE.json)",
    ".mht": "web archives (.mht) are not imported; save the page as HTML",
    ".mhtml": "web archives (.mhtml) are not imported; save the page as HTML",
    ".msg": "Outlook .msg files are not imported; save the message as .eml",
    # Annotation files met in a folder of articles: each is imported on its own, named (a
    # folder of .xmi files said "Hamish does not import .xmi files" of each).
    **dict.fromkeys(
        (".xmi", ".qdpx", ".jsonld"),
        "annotation files (.xmi, .qdpx, .jsonld) are imported on their own: name the file, or "
        "use File ▸ Import Annotations",
    ),
    ".ann": (
        "brat annotations (.ann) are imported with their folder: name the folder that holds "
        "them, or use File ▸ Import Annotations"
    ),
}


_BRAT_FOLDER = (
    "{name} is a brat folder (texts with .ann annotations): import it on its own to keep its "
    "annotations — name the folder, or use File ▸ Import Annotations."
)


def file_dialog_filter() -> str:
    """The filter string of an "Import Articles" file dialog."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    return (
        f"Articles ({patterns});;Text and Markdown (*.txt *.text *.md *.markdown);;"
        "Web pages (*.html *.htm *.xhtml *.shtml);;Word (*.docx);;PDF (*.pdf);;"
        "E-mail (*.eml);;All files (*)"
    )


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    advice = _ADVICE.get(suffix)
    if advice:
        return f"{display_name(path)}: {advice}."
    what = f"{suffix} files" if suffix else "files without an extension"
    return f"{display_name(path)}: Hamish does not import {what}."


def _hidden(path: Path) -> bool:
    return path.name.startswith(".") or path.name.startswith("~$")  # ~$ = Office lock files


def _link_out_of(link: Path, root: Path) -> str | None:
    """Why the symbolic link ``link`` inside the folder ``root`` (resolved) is not followed,
    or None when it stays inside ``root``."""
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return f"{link} is a link that cannot be followed (it loops); it was left out."
    if target == root or target.is_relative_to(root):
        return None
    return (
        f"{link} is a link to {target}, outside the folder being imported; links out of "
        "a folder are not followed."
    )


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[ImportFailure]]:
    """Files to import, and files deliberately left out with the reason (see
    :func:`_expand`)."""
    files, skipped = _expand(paths)
    return [Path(file) for file in files], skipped


def _expand(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[str], list[ImportFailure]]:
    """Files to import, and files deliberately left out with the reason.

    Folders are walked recursively in name order; inside them hidden files and folders and
    Office lock files are left out silently, and files of other formats with a reason. A file
    named explicitly is always attempted (its content may say what it is). A file named twice
    is attempted twice, so the second is reported as a duplicate rather than vanishing.

    Symbolic links: inside a folder, a link whose target is outside that folder is left out
    with the reason (a ``passwd.txt`` pointing at ``/etc/passwd`` must not become an article
    because a downloaded archive held it), and a link to a folder is never walked (a link to
    a folder inside is walked as that folder). A link to a file inside is followed (it is
    then reported as a duplicate). A link named explicitly — a file or the folder itself — is
    followed: the analyst chose it.

    The files are kept as strings, not ``Path`` objects: a folder of 100,000 files is 16 MB
    of them instead of 42 MB (the report then shares the same strings).
    """
    files: list[str] = []
    skipped: list[ImportFailure] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            files.append(str(path))  # missing or unreadable files fail with their reason later
            continue
        root = path.resolve()
        walk_errors: list[OSError] = []
        join, islink, splitext = os.path.join, os.path.islink, os.path.splitext
        for folder, dirs, names in os.walk(path, onerror=walk_errors.append):
            walked = []
            here = Path(folder)
            for name in sorted(d for d in dirs if not d.startswith(".")):
                sub = here / name
                if not sub.is_symlink():
                    walked.append(name)
                elif (reason := _link_out_of(sub, root)) is not None:
                    skipped.append(ImportFailure(str(sub), reason))
            dirs[:] = walked
            if "annotation.conf" in names or any(n.endswith(".ann") for n in names):
                # A brat folder: its texts imported as plain articles lost their annotations,
                # and importing the folder on its own then skipped every text as a duplicate.
                dirs[:] = []
                skipped.append(ImportFailure(folder, _BRAT_FOLDER.format(name=folder)))
                continue
            # Strings, not a Path per file: parsing them was most of listing a big folder.
            for name in sorted(names):
                if name.startswith((".", "~$")):  # hidden, or an Office lock file (_hidden)
                    continue
                file = join(folder, name)
                if islink(file) and (reason := _link_out_of(Path(file), root)) is not None:
                    skipped.append(ImportFailure(file, reason))
                    continue
                if splitext(name)[1].lower() in _SUFFIX_KIND:
                    files.append(file)
                else:
                    skipped.append(ImportFailure(file, _unsupported(Path(file))))
        for error in walk_errors:
            where = error.filename or path
            skipped.append(
                ImportFailure(str(where), f"{where} cannot be read: {error.strerror or error}.")
            )
    return files, skipped


def _kind_of(path: Path, data: bytes) -> str:
    """Which converter reads ``data``: the extension decides for the formats Hamish knows
    (each converter then checks the content and says what is wrong); a file without a known
    extension is recognised by its content. ``data`` is never empty or only white space:
    :func:`load_file` refuses that first."""
    suffix = path.suffix.lower()
    kind = _SUFFIX_KIND.get(suffix)
    sniffed = sniff(data)
    if kind == "html" and sniffed in ("pdf", "docx", "zip", "ole", "image"):
        raise ImportRejected(
            f"{display_name(path)} is named like a web page but is {DESCRIPTIONS[sniffed]}."
        )
    if kind is not None:
        return kind
    if suffix in _ADVICE:
        raise ImportRejected(_unsupported(path))
    if sniffed in CONVERTERS:
        return sniffed
    if sniffed is not None:
        raise ImportRejected(
            f"{display_name(path)} is {DESCRIPTIONS[sniffed]}, which Hamish does not import."
        )
    if not suffix and not looks_binary(data):
        _refuse_structured(data, display_name(path))
        return "text"
    raise ImportRejected(_unsupported(path))


_XML_DECLARATION = re.compile(rb"^\s*<\?xml\b")


def _refuse_structured(data: bytes, name: str) -> None:
    """Refuse a file without an extension that holds JSON or XML (``hamish import /dev/stdin
    < export.json``, a download saved without its name): such a file was stored as an
    article of braces and tags. Only what parses as JSON counts as JSON (an article may open
    with ``[Reuters]``), and XML is the XML declaration that no article starts with (XHTML,
    which may, is a web page: :func:`sniff` finds its ``<html>`` after the declaration)."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"{", b"["):
        try:
            json.loads(data)
        except RecursionError:  # thousands of brackets deep: no article either
            pass
        except ValueError:  # not JSON (a bad byte too: UnicodeDecodeError is one)
            return
        raise ImportRejected(
            f"{name} holds JSON, not an article's text; Hamish reads a JSON file (its own "
            "export, Web Annotations) by its name: save it as a .json file and import that."
        )
    if _XML_DECLARATION.match(head):
        raise ImportRejected(
            f"{name} holds XML, not an article's text; save it with the extension of its "
            "format (.xmi for UIMA CAS XMI, .html for a web page) and import it again."
        )


def load_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read and convert one file of any supported format, or raise ``ImportRejected``.

    Plain text and Markdown are converted here; the other formats in the reader process
    (:mod:`desktop.io.worker`: a memory and a time limit, so a hostile file costs that
    process, not this one). An unexpected error inside a third-party parser is turned into a
    rejection of this file (with its type, for a bug report) so the rest of the batch goes on.
    """
    file = path if isinstance(path, Path) else Path(path)
    draft = _load(file, MAX_BYTES, here_only=False)
    assert draft is not None
    return draft


def load_here(file: Path, data: bytes | None = None) -> DocumentDraft | None:
    """:func:`load_file` for a file this process converts itself (plain text, Markdown);
    None for any other (a format for the reader process): the text readers' part
    (:mod:`desktop.io.readers`), which give the bytes they read (``data``: a regular file
    within the size limit, read whole)."""
    return _load(file, MAX_BYTES, here_only=True, data=data)


def _load(
    file: Path, max_bytes: int, *, here_only: bool, data: bytes | None = None
) -> DocumentDraft | None:
    name = display_name(file)
    if data is None:
        data = read_limited(file, max_bytes)  # size checked before reading
    if not data.strip():  # before the kind: an empty file has no content to recognise
        raise ImportRejected(f"{name} is empty.")
    kind = _kind_of(file, data)
    origin = os.path.abspath(file)  # resolve() costs an lstat per folder, per file
    if kind not in IN_PROCESS:
        if here_only:
            return None
        del data  # the reader process reads the file itself: not held here meanwhile
        return reader().convert_file(kind, origin, name, origin=origin, fallback_title=file.stem)
    try:
        return convert(kind, data, name, origin=origin, fallback_title=file.stem)
    except MemoryError as error:
        detail = "there is not enough memory"
        raise ImportRejected(
            f"{name} could not be read ({type(error).__name__}: {detail})."
        ) from error


_TEXT_KINDS = frozenset(suffix for suffix, kind in _SUFFIX_KIND.items() if kind in IN_PROCESS)


def _text_readers(files: Sequence[str]) -> int:
    """How many text readers (:mod:`desktop.io.readers`) a batch of ``files`` starts: none
    for fewer than ``PARALLEL_FILES`` text and Markdown files, else one per core."""
    from desktop.io import readers

    texts = sum(1 for file in files if os.path.splitext(file)[1].lower() in _TEXT_KINDS)
    return readers.reader_count() if texts >= readers.PARALLEL_FILES else 0


@dataclass(slots=True)
class BatchReport:
    """What happened to every path: imported, duplicate, failed, or left out (``skipped``:
    hidden or unsupported files inside folders). ``cancelled`` when the analyst stopped it."""

    report: ImportReport
    skipped: list[ImportFailure] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.report.ok

    def changes(self) -> ChangeSet:
        return self.report.changes()


def import_paths(
    repo: DocumentRepository,
    paths: Sequence[str | os.PathLike[str]],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
    loader: Callable[[Path], DocumentDraft] = load_file,
) -> BatchReport:
    """Import files and folders into ``repo``, a chunk of articles per transaction
    (:func:`desktop.core.services.import_documents`). ``progress`` hears of the first file,
    then at most every :data:`PROGRESS_SECONDS`, and of the end: a signal per file would
    cost the window more than reading a short text file does."""
    files, skipped = _expand(paths)
    total = len(files)

    def items(
        loads: Iterator[Callable[[], DocumentDraft]] | None,
    ) -> Generator[tuple[str, Callable[[], DocumentDraft]], None, None]:
        shown = -PROGRESS_SECONDS
        for index, file in enumerate(files):
            if progress is not None and (now := time.monotonic()) - shown >= PROGRESS_SECONDS:
                progress(index, total, display_name(file))
                shown = now
            yield file, partial(loader, Path(file)) if loads is None else next(loads)

    readers = _text_readers(files) if loader is load_file else 0
    with contextlib.ExitStack() as stack:
        if total > services.CHUNK_FILES and isinstance(repo, DocumentStore):
            # More than one chunk: commits synced every few thousand files or seconds, and
            # checkpointed in the background (store.db.BulkWrites; docs/importing.md).
            stack.enter_context(repo.bulk())
        stack.enter_context(reading_session())  # one reader process for the batch
        loads = None
        if readers:  # many text files: read beside the writer
            from desktop.io.readers import TextReaders

            loads = stack.enter_context(TextReaders(readers)).loads(files, loader)
        report = import_documents(
            repo, stack.enter_context(contextlib.closing(items(loads))), cancelled=cancelled
        )
    processed = len(report.imported) + len(report.duplicates) + len(report.failed)
    if progress is not None and processed == total:
        progress(total, total, "")
    return BatchReport(report, skipped, total, cancelled=processed < total)
