"""``hamish timeline``: the claim timeline of a project as JSON or a PNG figure, no window.

JSON (lanes, claims in order with their date and where it came from, links) needs no Qt; PNG
draws the same figure as the window's export, on an offscreen Qt application, at 300 dpi,
right to left with ``--lang ar``. Both are written through the export's safe writing: a new
file, or an existing one with ``--overwrite``, appears whole or not at all.

Exit status: 0, 1 when the project cannot be opened or the file cannot be written, 2 for
usage mistakes (the message says what to fix).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    OTHER_FILES,
    add_project_option,
    echo,
    figure_language,
    open_project,
    project_path,
    suffix_contradiction,
)

HOLDS: dict[str, tuple[str, ...]] = {"json": (".json",), "png": (".png",), "svg": (".svg",)}
NAMES = {"json": "JSON", "png": "a PNG image", "svg": "an SVG drawing"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timeline`` sub-command to the sub-parsers of ``commands.py``."""
    parser = subparsers.add_parser(
        "timeline",
        help="write the claim timeline as JSON, or as a PNG or SVG figure",
        description=(
            "The project's claims on a time axis: each claim's own date, else its article's "
            "publication date, else undated; one lane per claimant (or subject)."
        ),
    )
    add_project_option(parser)
    parser.add_argument(
        "--format",
        choices=("json", "png", "svg"),
        dest="fmt",
        help="default: png or svg for an --output ending so, else json",
    )
    parser.add_argument("--output", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--lanes", choices=("claimant", "subject"), default="claimant", help="one lane per …"
    )
    parser.add_argument(
        "--document",
        type=int,
        action="append",
        metavar="ID",
        help="only the claims of this article (repeatable)",
    )
    parser.add_argument("--overwrite", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        dest="sub_lang",
        help="the figure's language and direction: ar runs right to left (png and svg; "
        "default: the interface language the window would use)",
    )


def run(args: argparse.Namespace) -> int:
    from desktop.analysis import timeline as tl
    from desktop.core.errors import HamishError
    from desktop.io.exporters.files import check_export_target, replace_on_success

    output: Path = args.output
    suffix = output.suffix.lower()
    # The suffix says what the file is: `--output t.png` without --format wrote JSON into it.
    args.fmt = args.fmt or (suffix[1:] if suffix in (".png", ".svg") else "json")
    # The shared check (as graph and export): `--format json --output x.docx` wrote JSON into
    # a name Word and `hamish import` read as a Word file.
    wrong = suffix_contradiction(output, args.fmt, HOLDS, NAMES, OTHER_FILES)
    if wrong is None and args.fmt in ("png", "svg") and suffix != f".{args.fmt}":
        wrong = f"--output must be a .{args.fmt} file for --format {args.fmt}"
    if wrong is not None:
        echo(f"hamish: {wrong}", err=True)
        return EXIT_USAGE
    project = open_project(args)
    try:
        # An id SQLite cannot hold is no article (it raised OverflowError with a traceback).
        missing = [
            d for d in args.document or () if not (0 < d < 2**63 and project.documents.exists(d))
        ]
        if missing:
            echo(f"hamish: there is no document {missing[0]} in {project.path}", err=True)
            return EXIT_FAILED
        check_export_target(output, overwrite=args.overwrite, project_path=project.path)
        filters = tl.Filters(documents=frozenset(args.document) if args.document else None)
        try:
            if args.fmt == "json":
                timeline = tl.build(tl.read(project), kind=args.lanes, filters=filters)
                text = json.dumps(tl.as_json(timeline), ensure_ascii=False, indent=2)
                with replace_on_success(
                    output, overwrite=args.overwrite, project_path=project_path(args)
                ) as tmp:
                    tmp.write_text(text + "\n", encoding="utf-8")
                echo(
                    f"wrote {output}: {len(timeline.claims)} claims in "
                    f"{len(timeline.lanes)} lanes, {timeline.undated} undated, "
                    f"{len(timeline.links)} links"
                )
                return EXIT_OK
            return _png(project, args, filters)
        except HamishError as error:
            echo(f"hamish: {error}", err=True)
            return EXIT_FAILED
    finally:
        project.close()


def _png(project: object, args: argparse.Namespace, filters: object) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window, whatever the environment
    from desktop.analysis import timeline as tl
    from desktop.io.exporters.files import replace_on_success, signals_deferred
    from desktop.store.project import Project

    assert isinstance(project, Project) and isinstance(filters, tl.Filters)
    # From PySide's import to the last paint, Qt holds Ctrl-C, SIGTERM and SIGHUP back
    # (signals_deferred says why); one that came is acted on here, before the file is written.
    with signals_deferred():
        from desktop.app import create_application
        from desktop.ui.figures import export
        from desktop.ui.figures.timeline import TimelineOptions, figure_scene
        from desktop.ui.i18n import install_language

        app = create_application(["hamish"], icon=False)
        language = install_language(app, figure_language(args))
        options = TimelineOptions(rtl=language == "ar", lanes=args.lanes, filters=filters)
        scene = figure_scene(project, options)  # laid out in points: 160 mm, its text 8–9 pt
        if args.fmt == "svg":
            from desktop.ui.figures.briefing import figure_name

            data = export.svg_bytes(scene, title=figure_name("timeline"))
        else:
            image = export.render_image(scene)
            data = export.encode_png(image)
    with replace_on_success(
        args.output, overwrite=args.overwrite, project_path=project_path(args)
    ) as tmp:
        tmp.write_bytes(data)
    if args.fmt == "svg":
        echo(f"wrote {args.output}")
    else:
        echo(f"wrote {args.output} ({image.width()}x{image.height()}, 300 dpi)")
    return EXIT_OK
