"""The headless sub-commands of ``hamish`` (import, export, list, search, …) and their parser.

Every failure prints one clear line on stderr and exits non-zero; nothing here imports Qt unless
a window is needed, so ``hamish list`` works on a machine without a display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from desktop import __version__
from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_project_option,
    echo,
    echo_json,
    exit_code,
    open_project,
    project_argument,
    project_path,
    record_id,
    stop_on_signals,
    suffix_contradiction,
)
from desktop.core.errors import HamishError
from desktop.store.project import Project

if TYPE_CHECKING:
    import argparse

    Exporter = Callable[[Project, Path, list[int] | None, argparse.Namespace], str]
    from desktop.io.exporters.report import ReportOptions
    from desktop.io.exporters.word.figures import BriefingFigure
    from desktop.store.transfer import LoadReport
    from desktop.ui.cli_words import CommandWords


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _export_json(
    project: Project, output: Path, document_ids: list[int] | None, options: argparse.Namespace
) -> str:
    from desktop.io.exporters.json_export import export_json

    summary = export_json(project, output, document_ids, overwrite=options.overwrite)
    return (
        f"wrote {summary.path}: {_plural(summary.documents, 'document')}, "
        f"{_plural(summary.annotations, 'annotation')}, {_plural(summary.labels, 'label')}, "
        f"{_plural(summary.entities, 'entity', 'entities')}, "
        f"{_plural(summary.claims, 'claim')}, {_plural(summary.notes, 'note')} "
        f"({summary.size:,} bytes)"
    )


def _export_docx(
    project: Project, output: Path, document_ids: list[int] | None, options: argparse.Namespace
) -> str:
    """A briefing with every section; Arabic headings unless most articles are not Arabic."""
    from desktop.io.exporters.docx_report import export_docx
    from desktop.io.exporters.report import ReportOptions, ReportScope, majority_language

    scope = ReportScope("selected", tuple(document_ids)) if document_ids else ReportScope()
    author = options.author
    if author is None:  # the analyst's name, as the window's briefing takes it (a trial
        # got "Prepared by: —" from the command after giving the window their name). The
        # settings are Qt's: PySide loads with the signals held back (see _draw_figures).
        from desktop.io.exporters.files import signals_deferred

        with signals_deferred():
            from desktop import paths, settings

            author = settings.Settings.at(paths.settings_path()).author()
    report_options = ReportOptions(
        title=options.title or "",
        author=author,
        marking=options.marking or "",
        language=options.language or majority_language(project, document_ids),
        scope=scope,
        figures=options.figures or (),
    )
    figures = _draw_figures(project, report_options)
    summary = export_docx(
        project, output, report_options, overwrite=options.overwrite, figures=figures
    )
    counts = summary.counts
    return (
        f"wrote {summary.path}: {_plural(counts['sources'], 'article')}, "
        f"{_plural(counts['claims'], 'claim')}, "
        f"{_plural(counts['contradictions'], 'contradiction')}, "
        f"{_plural(counts['entities'], 'entity', 'entities')}, "
        f"{_plural(counts['excerpts'], 'excerpt')} ({summary.size:,} bytes)"
    )


def _figure_names(value: str) -> tuple[str, ...]:
    """``--figures network,timeline``: known names, each once, in the order given."""
    import argparse

    from desktop.io.exporters.report import FIGURES

    names = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [name for name in names if name not in FIGURES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"choose from {', '.join(FIGURES)} (comma-separated), not {value!r}"
        )
    return names


def _draw_figures(project: Project, options: ReportOptions) -> list[BriefingFigure]:
    """The briefing's figures, drawn by Qt in an offscreen application made only now: an
    export without figures never loads Qt."""
    if not options.figures:
        return []
    from desktop.io.exporters.files import signals_deferred

    left_out: list[str] = []
    # Qt's start and drawing hold Ctrl-C, SIGTERM and SIGHUP back (signals_deferred says why);
    # one that came is acted on when the figures are drawn, before the briefing is written.
    with signals_deferred():
        from PySide6.QtWidgets import QApplication

        from desktop.ui.figures.briefing import briefing_figures

        if QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            app = QApplication(["hamish"])
            _FIGURE_APP.append(app)  # kept until the process ends
            from desktop.ui.i18n import install_language

            # The figures' legends, months and lane names in the briefing's language.
            install_language(app, options.language)
        drawn = briefing_figures(
            project, options.figures, options.language, options.scope, left_out
        )
    for reason in left_out:  # the briefing is written without it
        echo(f"hamish: {reason}", err=True)
    return drawn


_FIGURE_APP: list[object] = []


def _export_csv(
    project: Project, output: Path, document_ids: list[int] | None, options: argparse.Namespace
) -> str:
    from desktop.io.exporters.csv_export import export_csv

    summary = export_csv(project, output, options.what, document_ids, overwrite=options.overwrite)
    noun = "annotation" if summary.kind == "annotations" else "claim"
    return f"wrote {summary.path}: {_plural(summary.rows, noun)} ({summary.size:,} bytes)"


def _export_exchange(
    fmt: str,
    project: Project,
    output: Path,
    document_ids: list[int] | None,
    options: argparse.Namespace,
) -> str:
    """xmi, brat or conll (desktop/io/exchange, docs/interop.md): what the format could not
    carry is listed after the summary."""
    from desktop.io.exchange.brat import export_brat
    from desktop.io.exchange.conll import export_conll
    from desktop.io.exchange.xmi import export_xmi

    writer = {"xmi": export_xmi, "brat": export_brat, "conll": export_conll}[fmt]
    summary = writer(project, output, document_ids, overwrite=options.overwrite)
    line = (
        f"wrote {summary.path}: {_plural(summary.documents, 'document')}, "
        f"{_plural(summary.annotations, 'annotation')} ({summary.size:,} bytes)"
    )
    return " ".join([line + ("." if summary.lost else ""), *summary.lost])


def _export_refi(
    project: Project, output: Path, document_ids: list[int] | None, options: argparse.Namespace
) -> str:
    """REFI-QDA (qdpx) or W3C Web Annotation (w3c): docs/interop.md."""
    from desktop.io.exchange.qdpx import export_qdpx
    from desktop.io.exchange.w3c import export_w3c

    export = export_w3c if options.format == "w3c" or output.suffix == ".jsonld" else export_qdpx
    summary = export(project, output, document_ids, overwrite=options.overwrite)
    lost = "".join(f" {line}" for line in summary.lost)
    return (
        f"wrote {summary.path}: {_plural(summary.documents, 'document')}, "
        f"{_plural(summary.annotations, 'annotation')} ({summary.size:,} bytes).{lost}"
    )


# One writer per --format choice: (project, output file, document ids or None for all, the
# parsed options) -> the line to print. The parser, suffix guessing and help follow.
EXPORT_FORMATS: dict[str, Exporter] = {
    "json": _export_json,
    "docx": _export_docx,
    "csv": _export_csv,
    "xmi": partial(
        _export_exchange, "xmi"
    ),  # UIMA CAS XMI for INCEpTION: a zip with TypeSystem.xml
    "brat": partial(
        _export_exchange, "brat"
    ),  # brat standoff: a zip of .txt/.ann and annotation.conf
    "conll": partial(_export_exchange, "conll"),  # CoNLL / BIO entity tags, one token per line
    "qdpx": _export_refi,
    "w3c": _export_refi,
}
# Output suffixes that name a --format of another name.
EXPORT_SUFFIXES = {"jsonld": "w3c"}
# What each format's file is called (its own suffix first), how a message names what it holds,
# and a suffix no export writes (one XMI document; the xmi export is a zip of them): an output
# whose suffix says another format is refused, as `hamish import` would misread it.
EXPORT_HOLDS = {
    "json": (".json",),
    "docx": (".docx",),
    "csv": (".csv",),
    "xmi": (".zip",),
    "brat": (".zip",),
    "conll": (".conll",),
    "qdpx": (".qdpx",),
    "w3c": (".jsonld", ".json"),
}
EXPORT_NAMES = {
    "json": "a Hamish JSON export",
    "docx": "a Word briefing",
    "csv": "CSV",
    "xmi": "a zip of XMI files",
    "brat": "a zip of brat files",
    "conll": "CoNLL",
    "qdpx": "a REFI-QDA project",
    "w3c": "Web Annotation JSON-LD",
}


def _parser() -> argparse.ArgumentParser:
    import argparse  # only for sub-commands: the window starts without building a parser

    parser = argparse.ArgumentParser(
        prog="hamish",
        description="Hamish (هامش): read, annotate and brief on Arabic news articles.",
    )
    parser.add_argument("--version", action="version", version=f"hamish {__version__}")
    parser.add_argument(
        "--project",
        type=project_argument,
        metavar="PATH",
        help="project file to open or create (default: your default project)",
    )
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        help="interface language of the window for this run (default: the setting, else the "
        "system's)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser(
        "import",
        help="import articles (text, Markdown, web pages, Word, PDF, e-mail; folders "
        "recursively), or Hamish JSON exports (.json), REFI-QDA projects (.qdpx), Web "
        "Annotation files (.jsonld), UIMA CAS XMI (.xmi, or a .zip of them), brat standoff (a "
        ".zip or folder of .txt/.ann)",
        description="Articles are stored a chunk at a time — at most 200 files or one second "
        "of reading — and each chunk is synced to the disk before the next is read: a crash or "
        "power cut during an import loses at most the chunk being read. Importing the same "
        "files again brings that chunk in; the others are reported as already in the project.",
    )
    add_project_option(p_import)
    p_import.add_argument("files", nargs="+", type=Path, metavar="PATH", help="files or folders")

    p_export = sub.add_parser(
        "export",
        help="write the project, or some articles, to a file",
        description="json: lossless, for archives and colleagues (docs/json-format.md). "
        "docx: a Word briefing with every section (claims, contradictions, entities, "
        "excerpts, sources). "
        "csv: one table per file, the annotations or (--what claims) the claims, UTF-8 with "
        "a byte-order mark. "
        "xmi, brat, conll: for INCEpTION, brat and NER training (docs/interop.md); xmi and "
        "brat write a .zip. "
        "qdpx: a REFI-QDA project for QualCoder, MAXQDA, ATLAS.ti (docs/interop.md). "
        "w3c: W3C Web Annotation JSON-LD (.jsonld).",
    )
    add_project_option(p_export)
    p_export.add_argument(
        "--format",
        choices=sorted(EXPORT_FORMATS),
        help="file format (default: taken from the --output suffix)",
    )
    p_export.add_argument(
        "--what",
        choices=("annotations", "claims"),
        default="annotations",
        help="csv only: the table to write (default: annotations); run twice for both",
    )
    p_export.add_argument("--title", help="docx only: report title (default: a generic one)")
    p_export.add_argument(
        "--author",
        help="docx only: author shown on the cover (default: your name, File → Your Name)",
    )
    p_export.add_argument(
        "--marking",
        help="docx only: handling marking in every page's header and footer "
        "(default: للاستخدام الداخلي / For internal use only)",
    )
    p_export.add_argument(
        "--language",
        choices=("ar", "en"),
        help="docx only: language of the headings (default: Arabic when most articles are)",
    )
    p_export.add_argument(
        "--figures",
        type=_figure_names,
        metavar="NAMES",
        help="docx only: figures to draw into the briefing at 300 dpi, comma-separated: "
        "network, timeline (default: none)",
    )
    p_export.add_argument(
        "--output",
        type=Path,
        required=True,
        help="file to write: a new file, or an existing export with --overwrite (a link is "
        "written through); never a device, pipe, folder or database",
    )
    p_export.add_argument(
        "--overwrite",
        action="store_true",
        help="replace --output if it is an existing file (default: refuse, change nothing)",
    )
    p_export.add_argument(
        "--document",
        dest="documents",
        type=record_id,
        action="extend",
        nargs="+",
        metavar="ID",
        help="export only these articles (repeatable; default: the whole project)",
    )

    p_list = sub.add_parser(
        "list",
        help="list the articles of a project",
        description=(
            "List the articles of a project, newest publication first, those without a "
            "publication date last. Columns: ID; PUBLISHED, the article's publication date "
            "(— when it has none: its import date is --json's imported_at); TAGS, its "
            "annotations; CHARS, its characters; DIR, its text's direction; TITLE."
        ),
    )
    add_project_option(p_list)
    p_list.add_argument("--json", action="store_true", help="print JSON instead of a table")

    # Packaging (issue 18): what Help → About lists, for a terminal and the package builds.
    sub.add_parser("licences", help="print the licence of every library Hamish uses")

    p_shot = sub.add_parser("screenshot", help="render the main window to a PNG and exit")
    add_project_option(p_shot)
    p_shot.add_argument(
        "--document", type=record_id, help="article id to open (default: the first)"
    )
    p_shot.add_argument(
        "--output",
        type=Path,
        required=True,
        help="PNG file to write: a new file, or an existing one with --overwrite (a link is "
        "written through); never a device, pipe or folder",
    )
    p_shot.add_argument(
        "--overwrite",
        action="store_true",
        help="replace --output if it is an existing file (default: refuse, change nothing)",
    )
    p_shot.add_argument(
        "--platform",
        default="offscreen",
        help="Qt platform to render on: offscreen (default), minimal, xcb (a real X11 "
        "window) or wayland; none that opens anything to the network",
    )
    p_shot.add_argument(
        "--size",
        default="1280x820",
        help="window size, WIDTHxHEIGHT, from 640x480 to 7680x4320 (default: 1280x820)",
    )
    p_shot.add_argument(
        "--beside",
        type=record_id,
        metavar="ID",
        help="article id to show in a second pane, side by side",
    )
    p_shot.add_argument(
        "--review",
        action="store_true",
        help="show the Review Queue, filled with the project's suggestions",
    )
    p_shot.add_argument(
        "--dock",
        action="append",
        choices=("network", "timeline", "claims", "claim"),
        help="also show this dock; repeat for several (network: the Entity Network; timeline:"
        " the Claim Timeline; claims: the Claims table; claim: the Claim editor)",
    )
    p_shot.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="colour theme to draw"
    )
    p_shot.add_argument(
        "--lang",
        choices=("ar", "en"),
        dest="sub_lang",
        help="interface language (default: HAMISH_LANG, else the system's; never the setting)",
    )

    from desktop import cli_backups, cli_entities, cli_graph, cli_search, cli_timeline

    cli_entities.register(sub)
    cli_search.register(sub)
    cli_backups.register(sub)
    cli_graph.register(sub)
    cli_timeline.register(sub)
    return parser


class _Words:
    """An Arabic run's words (``hamish --lang ar import``, or HAMISH_LANG=ar): set by
    ``cmd_import``; None prints the commands' own English."""

    words: CommandWords | None = None


def _error(error: object) -> str:
    """A refusal or notice in the run's language."""
    words = _Words.words
    return str(error) if words is None else words.error(str(error))


def _describe_load(file: Path, report: LoadReport) -> str:
    if _Words.words is not None:
        return _Words.words.loaded(file, report)
    how = "restored with their ids" if report.mode == "restore" else "merged, ids renumbered"
    line = (
        f"imported  {file}: {_plural(report.documents, 'document')}, "
        f"{_plural(report.annotations, 'annotation')}, {_plural(report.labels, 'label')}, "
        f"{_plural(report.entities, 'entity', 'entities')}, {_plural(report.claims, 'claim')} "
        f"({how}); {_plural(len(report.skipped_documents), 'duplicate document')} skipped"
    )
    if report.skipped["annotations"]:
        line += f" with {_plural(report.skipped['annotations'], 'annotation')}"
    if report.entities_matched:
        line += f"; {_plural(report.entities_matched, 'entity', 'entities')} already present"
    return line


def _import_json_files(project: Project, files: list[Path]) -> int:
    """Each file in its own transaction: all of it or nothing, and one bad file never costs
    the others. Returns the number of files that failed."""
    from desktop.io.importers.json_import import import_json

    failed = 0
    for file in files:
        try:
            report = import_json(project, file)
        except HamishError as error:
            echo(f"hamish: {file}: {_error(error)}", err=True)
            failed += 1
            continue
        echo(_describe_load(file, report))
        for old, new in report.renamed_labels:
            echo(f"          label {old!r} has another kind in this project; imported as {new!r}")
        if report.ignored_fields:
            echo("          ignored (unknown to this version): " + ", ".join(report.ignored_fields))
    return failed


def _import_exchange_files(project: Project, files: list[tuple[Path, str]]) -> int:
    """UIMA CAS XMI and brat (desktop/io/exchange): each file in its own transaction, what
    it held that Hamish cannot represent listed. Returns the number of files that failed."""
    from desktop.io.exchange.brat import import_brat
    from desktop.io.exchange.xmi import import_xmi

    failed = 0
    for file, fmt in files:
        try:
            result = (import_xmi if fmt == "xmi" else import_brat)(project, file)
        except HamishError as error:
            echo(f"hamish: {file}: {_error(error)}", err=True)
            failed += 1
            continue
        echo(_describe_load(file, result.report))
        for notice in result.notices:
            echo(f"          {_error(notice)}")
    return failed


def _import_refi_files(project: Project, files: list[Path]) -> int:
    """REFI-QDA projects and Web Annotation files, each in its own transaction; what a file
    held that Hamish cannot represent is listed. Returns the number of files that failed."""
    from desktop.io.exchange.qdpx import import_qdpx
    from desktop.io.exchange.w3c import import_w3c

    failed = 0
    for file in files:
        try:
            report = (import_qdpx if file.suffix.lower() == ".qdpx" else import_w3c)(project, file)
        except HamishError as error:
            echo(f"hamish: {file}: {_error(error)}", err=True)
            failed += 1
            continue
        echo(_describe_load(file, report.load))
        for notice in report.notices:
            echo(f"          {_error(notice)}")
    return failed


def _is_exchange(file: Path) -> bool:
    from desktop.io.exchange.w3c import looks_like_w3c

    suffix = file.suffix.lower()
    return suffix in (".qdpx", ".jsonld") or (suffix == ".json" and looks_like_w3c(file))


def _interrupted(kept: int) -> None:
    if kept:
        echo(
            f"hamish: interrupted: {_plural(kept, 'article')} imported before the stop (each "
            "one complete); run the same import again to add the rest",
            err=True,
        )
    else:
        echo("hamish: interrupted: nothing was imported", err=True)


def _unreachable(path: Path) -> str | None:
    """Why ``path`` cannot even be looked at — a name too long for the system, a loop of
    links, a folder on the way that cannot be entered — or None when it exists or simply
    does not (``Path.exists`` raised the first as an OSError traceback)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return error.strerror or str(error)
    return None


def cmd_import(args: argparse.Namespace) -> int:
    """Files and folders of any supported format through the same batch importer as the
    window; Hamish JSON exports (named explicitly) through the project importer."""
    from desktop.io.exchange.common import exchange_format
    from desktop.ops.articles import import_files

    language = args.lang or os.environ.get("HAMISH_LANG", "").strip().lower()[:2] or None
    _Words.words = None
    if language == "ar":  # the window's translations: Qt only for an Arabic run
        from desktop.ui.cli_words import command_words

        _Words.words = command_words(language)
    unreachable = {f: reason for f in args.files if (reason := _unreachable(f)) is not None}
    echo(
        *(f"hamish: {f}: cannot be read ({reason})" for f, reason in unreachable.items()), err=True
    )
    args.files = [f for f in args.files if f not in unreachable]
    if not any(f.exists() for f in args.files):
        # Nothing can come in: say so before opening (which creates) the project — a typo in
        # the one path given used to leave an empty NEW.hamish behind, and "1 failed".
        echo(*(f"hamish: {f}: no such file or folder" for f in args.files), err=True)
        return EXIT_FAILED
    exchange = [(f, fmt) for f in args.files if (fmt := exchange_format(f)) is not None]
    refi = [f for f in args.files if not f.is_dir() and _is_exchange(f)]
    json_files = [
        f for f in args.files if f.suffix.lower() == ".json" and not f.is_dir() and f not in refi
    ]
    other_paths = [
        f for f in args.files if f not in json_files and f not in dict(exchange) and f not in refi
    ]
    new = _unreachable(project_path(args)) is None and not project_path(args).exists()
    with open_project(args, create=True) as project:
        if project.read_only:
            echo(
                f"hamish: {project.path} is read-only (its file, folder or disk cannot be "
                "written); nothing was imported",
                err=True,
            )
            return EXIT_FAILED
        project.database.check_intact()  # never build on damaged pages
        before = project.documents.count()
        try:
            json_failed = _import_json_files(project, json_files)
            json_failed += _import_exchange_files(project, exchange)
            json_failed += _import_refi_files(project, refi)
            if not other_paths:
                if new and json_failed == len(json_files) + len(exchange) + len(refi):
                    # Every file refused: the project made for them is empty — a refused
                    # JSON file left a new NEW.hamish behind, as a missing one did (cfa14ab).
                    project.close()
                    for end in ("", "-wal", "-shm"):
                        project.path.with_name(project.path.name + end).unlink(missing_ok=True)
                return EXIT_FAILED if json_failed or unreachable else EXIT_OK
            # The same operation as the window's import (there it is also one undo step); it
            # commits a chunk of articles at a time, each durable (docs/importing.md).
            batch = import_files(project, other_paths).value
        except KeyboardInterrupt:
            # Ctrl-C (or SIGTERM) exited 130 saying nothing, though hundreds of articles were
            # already committed: say what is kept, and that importing again adds the rest
            # (what is already in the project is skipped as a duplicate).
            _interrupted(project.documents.count() - before)
            raise
        report = batch.report
        notes = {note.document_id: note.text.splitlines() for note in report.notes}
        for file, doc_id in report.imported:
            echo(f"imported  {doc_id:>5}  {file}")
            echo(*(f"note      {doc_id:>5}  {line}" for line in notes.get(doc_id, ())))
        for file, doc_id in report.duplicates:
            try:
                existing = f"“{project.documents.get(doc_id).title}”"
            except HamishError:
                existing = "an article"
            echo(f"skipped   {doc_id:>5}  {file} (already in the project as {existing})")
    for skipped in batch.skipped:
        echo(f"skipped       -  {skipped.reason}")
    for failure in report.failed:
        echo(f"hamish: {failure.path}: {_error(failure.reason)}", err=True)
    tally = (
        len(report.imported),
        len(report.duplicates) + len(batch.skipped),
        len(report.failed) + len(unreachable),
        len(report.notes),
    )
    if _Words.words is not None:
        echo(_Words.words.files(*tally))
        return EXIT_OK if report.ok and not json_failed and not unreachable else EXIT_FAILED
    echo(
        f"{tally[0]} imported, {tally[1]} skipped, {tally[2]} failed"
        + (f" ({tally[3]} with notes)" if report.notes else "")
    )
    return EXIT_OK if report.ok and not json_failed and not unreachable else EXIT_FAILED


def cmd_export(args: argparse.Namespace) -> int:
    output: Path = args.output
    fmt: str | None = args.format or output.suffix.lower().lstrip(".")
    fmt = EXPORT_SUFFIXES.get(fmt or "", fmt)
    args.format = fmt
    if fmt not in EXPORT_FORMATS:
        choices = ", ".join(sorted(EXPORT_FORMATS))
        echo(f"hamish: cannot tell the format of {output.name}; add --format ({choices})", err=True)
        return EXIT_USAGE
    wrong = suffix_contradiction(output, fmt, EXPORT_HOLDS, EXPORT_NAMES, (".xmi",))
    if wrong is None and args.figures and fmt != "docx":
        wrong = "--figures is for docx only"  # a json export ignored it, saying nothing
    if wrong is not None:
        echo(f"hamish: {wrong}", err=True)
        return EXIT_USAGE
    from desktop.io.exporters import TargetExists, check_export_target

    try:
        # Before the project is even opened: a briefing takes seconds and memory to build,
        # and a target that cannot be written must fail at once.
        check_export_target(output, overwrite=args.overwrite, project_path=project_path(args))
        with open_project(args) as project:
            echo(EXPORT_FORMATS[fmt](project, output, args.documents, args))
    except TargetExists:
        echo(
            f"hamish: {output} already exists; add --overwrite to replace it. "
            "Nothing was exported.",
            err=True,
        )
        return EXIT_FAILED
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        summaries = project.documents.summaries()
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "source": s.source,
                "published": s.published,
                "language": s.language,
                "direction": s.direction,
                "characters": s.char_count,
                "annotations": s.annotation_count,
                "imported_at": s.imported_at,
            }
            for s in summaries
        ]
        echo_json(rows)
        return EXIT_OK
    if not summaries:
        echo("The project has no articles yet.")
        return EXIT_OK
    # The publication date alone: an undated article showed its import date there, and the
    # 2013 articles imported today read as today's (a trial). The import date is --json's.
    echo(f"{'ID':>5}  {'PUBLISHED':<10}  {'TAGS':>5}  {'CHARS':>8}  {'DIR':<3}  TITLE")
    for s in summaries:
        date = s.published or "—"
        echo(
            f"{s.id:>5}  {date:<10}  {s.annotation_count:>5}  {s.char_count:>8,}  "
            f"{s.direction:<3}  {s.title}"
        )
    return EXIT_OK


SCREEN_SIZES = ((640, 480), (7680, 4320))
"""The smallest and largest ``screenshot --size``: VGA (the window's panels need about that
much; some docks more, and the picture then says the size it has) and 8K, the largest screen
sold. 20000x20000 took 9 GB and a minute, 100000x100000 died of
SIGSEGV, and 0x0 gave a picture of another size, saying nothing (found by the attacker)."""


def _screen_size(text: str) -> tuple[int, int] | str:
    """``--size WIDTHxHEIGHT`` as two numbers, or what is wrong with it."""
    (low_w, low_h), (high_w, high_h) = SCREEN_SIZES
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        return f"--size must look like 1280x820, not {text!r}"
    if not (low_w <= width <= high_w and low_h <= height <= high_h):
        return f"--size must be from {low_w}x{low_h} to {high_w}x{high_h} pixels, not {text!r}"
    return width, height


SCREENSHOT_PLATFORMS = ("offscreen", "minimal", "xcb", "wayland")
"""The Qt platforms a screenshot may draw on: each draws in memory or on the caller's own
display. Others open something to the world: ``vnc`` served the window, unauthenticated, on
every interface's port 5900 while it was drawn (found by the attacker); ``eglfs`` and
``linuxfb`` take over the machine's screen."""


def _platform_refused(name: str) -> str | None:
    """Why ``--platform name`` is not allowed, None when it is. Checked as text, before Qt
    loads: Qt reads ``a;b`` as a list to fall back along, and ``a:options`` as a platform's
    options, so the name before any option is what counts, and a list is refused (``xcb;vnc``
    served VNC when the X display failed)."""
    wanted = name.split(":", 1)[0].strip().lower()
    if ";" in name or wanted not in SCREENSHOT_PLATFORMS:
        return f"--platform {name!r} is not allowed; choose from {', '.join(SCREENSHOT_PLATFORMS)}"
    return None


def _platform_problem(name: str) -> str | None:
    """Why Qt could not start on ``--platform name``, None when it should. Qt aborts the
    process (exit 134, a core dump) on a platform it has no plugin for, or on xcb without
    an X display: so the plugins' own names (the keys in their metadata, which the plugin
    files' names are not: libqwayland.so is wayland, wayland-egl…) are read first."""
    from PySide6.QtCore import QCoreApplication, QPluginLoader

    folders = [Path(path) / "platforms" for path in QCoreApplication.libraryPaths()]
    folders += [
        Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p
    ]
    keys: set[str] = set()
    for folder in folders:
        try:
            files = sorted(folder.iterdir())
        except OSError:
            continue
        for file in files:
            meta: object = QPluginLoader(str(file)).metaData().get("MetaData")
            found = meta.get("Keys") if isinstance(meta, dict) else None
            if isinstance(found, list):
                keys.update(str(key).lower() for key in found)
    wanted = name.split(":", 1)[0].strip().lower()  # "xcb:option=…" passes options on
    if wanted not in keys:
        return (
            f"Qt has no platform {name!r}; choose from {', '.join(sorted(usable))}"
            if (usable := keys.intersection(SCREENSHOT_PLATFORMS))
            else f"Qt has no platform {name!r}"
        )
    if wanted == "xcb" and not os.environ.get("DISPLAY"):
        return "--platform xcb needs an X display, and DISPLAY is not set"
    return None


def _shoot(args: argparse.Namespace, size: tuple[int, int]) -> int | _Shot:
    """The window drawn as ``hamish screenshot`` asks, or the exit code of why it was not."""
    output: Path = args.output
    problem = _platform_problem(args.platform)
    if problem is not None:
        echo(f"hamish: {problem}", err=True)
        return EXIT_USAGE
    # Offscreen: a screenshot never needs, nor opens, a real window, whatever the caller's
    # environment says; --platform xcb photographs a real X11 window (the Xvfb test does).
    os.environ["QT_QPA_PLATFORM"] = args.platform
    import tempfile

    from desktop.io.exporters.files import check_export_target

    # As every export: a new file or, with --overwrite, an existing one, never a link's
    # planted temporary name, a pipe, a device or a missing folder — said before the window
    # is built (it wrote to a fixed .NAME.tmp.png, following a link planted there).
    check_export_target(output, overwrite=args.overwrite, project_path=project_path(args))

    from desktop.app import build_window, create_application
    from desktop.ui.figures.export import encode_png
    from desktop.ui.shell.screenshot import render_window

    project = open_project(args)
    for wanted in (args.document, args.beside):
        if wanted is not None and not project.documents.exists(wanted):
            echo(f"hamish: there is no document {wanted} in {project.path}", err=True)
            project.close()
            return EXIT_FAILED
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []  # what Qt says while the platform starts, said once it has
    started: list[bool] = []

    def quiet(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform warns once per window that it cannot pass size hints on;
        # anything else Qt says still reaches stderr.
        if kind == QtMsgType.QtFatalMsg:
            # Qt aborts after this (a platform that would not start, as xcb on a display it
            # cannot reach): one line saying the first thing Qt said, exit 2.
            said = [line for text in (*held, message) for line in text.splitlines()]
            first = next((line.strip() for line in said if line.strip()), "Qt failed")
            echo(f"hamish: Qt cannot start on --platform {args.platform}: {first}", err=True)
            sys.stderr.flush()
            os._exit(EXIT_USAGE)
        if not started:
            held.append(message)
        elif "propagateSizeHints" not in message:
            echo(message, err=True)

    qInstallMessageHandler(quiet)
    app = create_application()
    started.append(True)
    echo(*(m for m in held if "propagateSizeHints" not in m), err=True)
    from desktop.ui.i18n import install_language, language_for_run

    # A screenshot uses a scratch settings file, so the saved language setting plays no part.
    install_language(app, language_for_run(args.sub_lang or args.lang, ""))
    with tempfile.TemporaryDirectory() as scratch:
        image = render_window(
            app,
            build_window,
            project,
            Path(scratch) / "hamish.ini",
            size,
            args.document,
            theme=args.theme,
            review=args.review,
            docks=tuple(args.dock or ()),
            beside=args.beside,
        )
    data = encode_png(image)
    return _Shot(data, (image.width(), image.height()), app.platformName(), project.path)


class _Shot(NamedTuple):
    png: bytes
    size: tuple[int, int]
    platform: str
    project: Path


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _screen_size(args.size)
    if isinstance(size, str):
        echo(f"hamish: {size}", err=True)
        return EXIT_USAGE
    output: Path = args.output
    if output.suffix.lower() != ".png":
        echo("hamish: --output must be a .png file", err=True)
        return EXIT_USAGE
    refused = _platform_refused(args.platform)
    if refused is not None:
        echo(f"hamish: {refused}", err=True)
        return EXIT_USAGE
    from desktop.io.exporters.files import replace_on_success, signals_deferred

    # From PySide's import to the last paint, Qt holds Ctrl-C, SIGTERM and SIGHUP back
    # (signals_deferred says why); one that came is acted on here, before the file is written.
    with signals_deferred():
        shot = _shoot(args, size)
    if isinstance(shot, int):
        return shot
    with replace_on_success(output, overwrite=args.overwrite, project_path=shot.project) as tmp:
        tmp.write_bytes(shot.png)
    echo(
        f"wrote {output} ({shot.size[0]}x{shot.size[1]}, {shot.platform})"
        + (
            f"; {size[0]}x{size[1]} was asked, smaller than the window can be with what it shows"
            if shot.size != size
            else ""
        )
    )
    return EXIT_OK


def cmd_licences(args: argparse.Namespace) -> int:
    """Hamish's licence, then every library's (the standalone build's THIRD-PARTY-LICENCES.txt
    is this output of the built executable, so it lists exactly what the build carries)."""
    from desktop import licences

    echo(f"hamish {__version__}: MIT", *licences.report(licences.third_party()).splitlines())
    return EXIT_OK


def run(raw: Sequence[str]) -> int:
    """Parse the arguments and run the sub-command (or the window, for ``--project``
    spellings the fast path in ``cli.main`` does not recognise)."""
    from desktop import cli_backups, cli_entities, cli_graph, cli_search, cli_timeline

    args = _parser().parse_args(raw)
    commands = {
        "import": cmd_import,
        "export": cmd_export,
        "list": cmd_list,
        "screenshot": cmd_screenshot,
        "mentions": cli_entities.run_mentions,
        "suggest": cli_entities.run_suggest,
        "search": cli_search.run,
        "backups": cli_backups.run,
        "graph": cli_graph.run,
        "timeline": cli_timeline.run,
        "licences": cmd_licences,
    }
    try:
        if args.command is None:
            from desktop.app import run_gui

            return run_gui(args.project, args.lang)
        stop_on_signals()
        return commands[args.command](args)
    except HamishError as error:
        from desktop.io.exporters.files import TargetExists

        if isinstance(error, TargetExists):  # what the command line says to allow it
            error = HamishError(
                f"{error.path} already exists; add --overwrite to replace it. Nothing was exported."
            )
        echo(f"hamish: {error}", err=True)
        return EXIT_FAILED
    except KeyboardInterrupt as stop:  # Ctrl-C, or Stopped (SIGTERM, SIGHUP)
        return exit_code(stop)
    except BrokenPipeError:  # `hamish list | head`: the reader went away, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if error.filename is None:
            raise  # about no file: a bug, or the system's, shown whole
        # A path the system refuses to look at (a name too long, a loop of links) that a
        # command's own checks did not foresee: `hamish backups list --project NAME` ended
        # in a traceback. Said in one line, as every other failure.
        echo(f"hamish: {error.filename}: {error.strerror or error}", err=True)
        return EXIT_FAILED
    except Exception as error:
        from desktop.store.db import damaged_file_error

        if not damaged_file_error(error):
            raise  # a bug, not the file
        # A project damaged after it opened ("database disk image is malformed", a name
        # that is not UTF-8): a traceback, its last line echoing the damaged bytes raw to
        # the terminal (found by the attacker).
        echo(
            f"hamish: cannot read {getattr(args, 'project', None) or 'the project'}: {error}. "
            "The file may be damaged: `hamish backups` lists the copies Hamish keeps.",
            err=True,
        )
        return EXIT_FAILED
