"""``hamish graph``: the entity network of a project as JSON, GraphML or a PNG image.

Kept out of ``commands.py`` like ``cli_search``: ``commands.py`` calls :func:`register` while
building its parser and dispatches ``graph`` to :func:`run`. JSON and GraphML never load Qt;
PNG draws the network with an offscreen ``QGuiApplication`` — no window, no display needed.

Every file is written through ``replace_on_success``: a new file or, with ``--overwrite``, a
replaced one appears whole or not at all.

Exit status: 0 written; 1 the project cannot be opened or the file cannot be written; 2 a
malformed option (the message on stderr says what to fix).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    OTHER_FILES,
    add_project_option,
    echo,
    figure_language,
    open_project,
    suffix_contradiction,
)
from desktop.core.controls import clean_line
from desktop.core.models import ENTITY_TYPES

if TYPE_CHECKING:  # the network's modules load when the command runs
    from desktop.analysis.network import Network, NetworkIndex
    from desktop.store.project import Project

FORMATS = ("json", "graphml", "png", "svg")
# What each format's file is called (its own suffix first: the one a message proposes) and
# how a message names what it holds. GraphML is XML, and often named so.
HOLDS = {
    "json": (".json",),
    "graphml": (".graphml", ".xml"),
    "png": (".png",),
    "svg": (".svg",),
}
NAMES = {"json": "JSON", "graphml": "GraphML", "png": "a PNG image", "svg": "an SVG drawing"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``graph`` sub-command to the sub-parsers of ``commands.py``."""
    parser = subparsers.add_parser(
        "graph",
        help="write the entity network (who appears with whom) as JSON, GraphML, PNG or SVG",
        description=(
            "Write the project's entity network: entities as nodes (with their mentions), "
            "edges between entities mentioned in the same sentence, paragraph or article, "
            "weighted by how often, plus claimant → subject edges for claims."
        ),
    )
    add_project_option(parser)
    parser.add_argument("--format", choices=FORMATS, help="default: from the --output suffix")
    parser.add_argument("--output", type=Path, required=True, help="the file to write")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace --output if it is an existing file"
    )
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        dest="sub_lang",
        help="the figure's language: its legend's words (png and svg; default: the interface "
        "language the window would use)",
    )
    parser.add_argument(
        "--level",
        choices=("sentence", "paragraph", "article"),
        default="sentence",
        help="what counts as together (default: sentence)",
    )
    parser.add_argument(
        "--min-weight", type=int, default=1, metavar="N", help="leave out lighter edges"
    )
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=ENTITY_TYPES,
        help="only entities of this type (repeatable)",
    )
    parser.add_argument(
        "--document",
        dest="documents",
        type=int,
        action="append",
        metavar="ID",
        help="only these articles (repeatable; default: all)",
    )
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before")
    parser.add_argument(
        "--no-claims", action="store_true", help="co-occurrence only, no claim edges"
    )


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def run(args: argparse.Namespace) -> int:
    from desktop.analysis.layout import layout, write_graphml
    from desktop.analysis.network import NetworkIndex, NetworkOptions
    from desktop.io.exporters.files import check_export_target, replace_on_success
    from desktop.store.network import NetworkReads

    kind = _format(args)
    if kind is None:
        echo("hamish: say --format json, graphml, png or svg (or end --output with one)", err=True)
        return EXIT_USAGE
    # As `hamish timeline`: `--format png --output x.json` wrote a PNG into x.json.
    wrong = suffix_contradiction(Path(args.output), kind, HOLDS, NAMES, OTHER_FILES)
    if wrong is None and kind in ("png", "svg") and Path(args.output).suffix.lower() != f".{kind}":
        wrong = f"--output must be a .{kind} file for --format {kind}"
    if wrong is not None:
        echo(f"hamish: {wrong}", err=True)
        return EXIT_USAGE
    if args.min_weight < 1:
        echo("hamish: --min-weight must be 1 or more", err=True)
        return EXIT_USAGE
    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value is not None and not _is_date(value):
            echo(f"hamish: dates look like 2024-05-01, not {value!r}", err=True)
            return EXIT_USAGE
    options = NetworkOptions(
        level=args.level,
        types=frozenset(args.types or ()),
        documents=frozenset(args.documents or ()),
        date_from=args.date_from,
        date_to=args.date_to,
        min_weight=args.min_weight,
        claims=not args.no_claims,
    )
    project = open_project(args)
    try:
        # What stops the command is said before the work (a large network takes seconds).
        missing = [d for d in args.documents or () if not _exists(project, d)]
        if missing:
            echo(f"hamish: there is no document {missing[0]} in {project.path}", err=True)
            return EXIT_FAILED
        check_export_target(args.output, overwrite=args.overwrite, project_path=project.path)
        index = NetworkIndex()
        index.load(NetworkReads(project.database))
        network = index.graph(options)
        positions = layout(network)
        output: Path = args.output
        if kind == "json":
            payload = {
                "options": options.as_dict(),
                "nodes": [
                    {
                        "id": node.id,
                        "name": node.name,
                        "type": node.type,
                        "mentions": node.mentions,
                        "x": round(positions[node.id][0], 2),
                        "y": round(positions[node.id][1], 2),
                    }
                    for node in network.nodes
                ],
                "edges": [
                    {
                        "source": edge.source,
                        "target": edge.target,
                        "weight": edge.weight,
                        "cooccurrence": edge.cooccurrence,
                        "claims": edge.claims,
                        "kinds": list(edge.kinds),
                    }
                    for edge in network.edges
                ],
            }
            with replace_on_success(
                output, overwrite=args.overwrite, project_path=project.path
            ) as tmp:
                tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
        elif kind == "graphml":
            with replace_on_success(
                output, overwrite=args.overwrite, project_path=project.path
            ) as tmp:
                write_graphml(network, tmp, _xml_text, positions)
        elif kind == "svg":
            _write_picture(project, index, network, positions, output, args.overwrite, args)
        else:
            size = _write_picture(project, index, network, positions, output, args.overwrite, args)
            echo(f"wrote {output} ({size[0]}x{size[1]}): {_counts(network)}")
            return EXIT_OK
        echo(f"wrote {output}: {_counts(network)}")
        return EXIT_OK
    finally:
        project.close()


def _counts(network: Network) -> str:
    return f"{len(network.nodes)} entities, {len(network.edges)} edges"


def _is_date(value: str) -> bool:
    """Only YYYY-MM-DD, the form the articles' dates are compared in: Python also reads
    20160101 and 2016-W01, which then matched no article at all."""
    import re
    from datetime import date

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _exists(project: Project, document: int) -> bool:
    """Whether the article exists; an id SQLite cannot hold does not (no OverflowError)."""
    return 0 < document < 2**63 and project.documents.exists(document)


def _xml_text(text: str) -> str:
    """A name XML 1.0 can hold: control characters out, one line."""
    return clean_line(text)


def _write_picture(
    project: Project,
    index: NetworkIndex,
    network: Network,
    positions: dict[int, tuple[float, float]],
    output: Path,
    overwrite: bool,
    args: argparse.Namespace,
) -> tuple[int, int]:
    # Offscreen whatever the environment says: the command never opens a window.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.io.exporters.files import replace_on_success, signals_deferred

    # From PySide's import to the last paint, Qt holds Ctrl-C, SIGTERM and SIGHUP back
    # (signals_deferred says why); one that came is acted on here, before the file is written.
    with signals_deferred():
        from PySide6.QtWidgets import QApplication

        from desktop.ui.figures.export import encode_png, render_image, svg_bytes
        from desktop.ui.figures.network import colours, figure_scene
        from desktop.ui.i18n import install_language

        app = QApplication.instance() or QApplication(["hamish"])
        if isinstance(app, QApplication):
            # Inside too: the language setting is read through PySide (QSettings, QLocale).
            install_language(app, figure_language(args))
        scene = figure_scene(network, positions, colours(project), index)
        if output.suffix.lower() == ".svg":
            from desktop.ui.figures.briefing import figure_name

            data = svg_bytes(scene, title=figure_name("network"))
            size = (0, 0)
        else:
            image = render_image(scene)
            data = encode_png(image)
            size = (image.width(), image.height())
    with replace_on_success(output, overwrite=overwrite, project_path=project.path) as tmp:
        tmp.write_bytes(data)
    del app
    return size
