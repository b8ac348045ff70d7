"""``hamish search``: full-text search of a project from the command line.

Kept out of ``commands.py`` so the command can be developed on its own; ``commands.py`` only calls
:func:`register` while building its parser and dispatches ``search`` to :func:`run`. Like every
headless command it never imports Qt.

Exit status: 0 (also when nothing matches), 1 when the project cannot be opened, 2 for a
malformed query or filter (the message on stderr says what to fix).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_project_option,
    count_limit,
    echo,
    echo_json,
    open_project,
    record_id,
)
from desktop.core.controls import for_terminal
from desktop.core.errors import HamishError
from desktop.core.models import CLAIM_STATUSES

if TYPE_CHECKING:  # the search store loads when a search runs, not with every command
    from desktop.store.search import Hit, Snippet

_ANSI_MARK = ("\x1b[7m", "\x1b[27m")  # reverse video: visible whatever the terminal colours
_PLAIN_MARK = ("[", "]")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``search`` sub-command to the sub-parsers of ``commands.py``."""
    parser = subparsers.add_parser(
        "search",
        help="search the articles of a project",
        description=(
            "Search every article of a project. Harakat, tatweel, hamza and alef forms, ة/ه "
            "and Latin case are ignored; a word also matches with the proclitics و ف ب ك ل in "
            "front of it, and a common word with the article ال too (أسلحة finds الأسلحة; a "
            'place or a given name as written). Use "quoted phrases", prefix*, OR, NOT and '
            "(parentheses); words side by side must all occur; at most 24 different words. "
            "The articles are listed best first (a match in the title weighs most)."
        ),
    )
    add_project_option(parser)
    parser.add_argument(
        "query", metavar="QUERY", help="what to search for (quote it for the shell)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON instead of text (each hit with its rank, 1 for the best)",
    )
    parser.add_argument(
        "--limit",
        type=count_limit,
        default=20,
        metavar="N",
        help="show at most N articles (default 20)",
    )
    parser.add_argument("--source", help="only articles from this source (exact name)")
    parser.add_argument(
        "--from", dest="published_from", metavar="DATE", help="published on or after (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--to", dest="published_to", metavar="DATE", help="published on or before (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--label",
        metavar="KEY",
        help="only articles with an annotation of this label (e.g. person)",
    )
    parser.add_argument(
        "--entity", type=record_id, metavar="ID", help="only articles mentioning this entity"
    )
    parser.add_argument(
        "--status", choices=CLAIM_STATUSES, help="only articles with a claim of this status"
    )


def _snippet_text(snippet: Snippet, marks: tuple[str, str], *, terminal: bool = False) -> str:
    """The snippet on one line with its matches between ``marks``; with ``terminal``, the
    text's own control characters shown as escapes first, so only the marks act."""

    def shown(text: str) -> str:
        text = text.replace("\n", " ")
        return for_terminal(text) if terminal else text

    body = "".join(
        f"{marks[0]}{shown(text)}{marks[1]}" if is_match else shown(text)
        for text, is_match in snippet.parts()
    )
    return ("… " if snippet.clipped_start else "") + body + (" …" if snippet.clipped_end else "")


def _hit_json(hit: Hit, rank: int) -> dict[str, Any]:
    """One hit for ``--json``: its ``rank`` (1 for the best), not bm25's score. The score
    said nothing an analyst could read: FTS5 gives a word in more than half of the articles
    an IDF of 1e-6, so most hits of a common name scored 0.000 (the best one only through a
    rare proclitic form of it), and past :data:`~desktop.store.search.RANK_WINDOW` matches
    the score is 1.0 or 0.0 by construction (title match or not). The text output shows
    the same order, best first."""
    return {
        "id": hit.document_id,
        "rank": rank,
        "title": hit.title,
        "source": hit.source,
        "published": hit.published,
        "matches": [list(span) for span in hit.spans],
        "title_matches": [list(span) for span in hit.title_spans],
        "snippets": [
            {
                "text": snippet.text,
                "start": snippet.start,
                "end": snippet.end,
                "matches": [list(span) for span in snippet.marks],
                "plain": _snippet_text(snippet, _PLAIN_MARK),
            }
            for snippet in hit.snippets
        ],
    }


def _print_text(query: str, total: int, hits: list[Hit]) -> None:
    marks = _ANSI_MARK if sys.stdout.isatty() else _PLAIN_MARK
    if not hits:
        echo(f"No article matches {query}.")
        return
    shown = f" (showing {len(hits)})" if len(hits) < total else ""
    from desktop.store.search import RANK_WINDOW

    if total > RANK_WINDOW:
        shown += f", ranked among the {RANK_WINDOW:,} newest"
    what = "1 article matches" if total == 1 else f"{total:,} articles match"
    echo(f"{what} {query}{shown}")
    for hit in hits:
        echo("", f"{hit.document_id:>5}  {hit.title}")
        details = [part for part in (hit.source, hit.published) if part]
        details.append(f"{len(hit.spans)} match{'es' if len(hit.spans) != 1 else ''}")
        echo("       " + " · ".join(details))
        if hit.spans:
            offsets = ", ".join(f"{start}-{end}" for start, end in hit.spans[:12])
            more = f" … (+{len(hit.spans) - 12})" if len(hit.spans) > 12 else ""
            echo(f"       at {offsets}{more}")
        for snippet in hit.snippets:
            echo("       " + _snippet_text(snippet, marks, terminal=True), escaped=True)


def run(args: argparse.Namespace) -> int:
    """Run ``hamish search``; returns the exit status."""
    from desktop.core.query import QueryError  # loaded when a search runs
    from desktop.store.search import SearchFilters, check_date, parse_search

    if args.limit < 1:
        echo("hamish: --limit must be at least 1", err=True)
        return EXIT_USAGE
    for option, value in (
        ("--source", args.source),
        ("--from", args.published_from),
        ("--to", args.published_to),
        ("--label", args.label),
    ):
        # An empty value was taken for no filter at all (``--label ""`` searched every
        # article): a shell variable that came out empty would widen the search unseen.
        if value is not None and not value.strip():
            echo(f"hamish: {option} is empty; give it a value or leave it out", err=True)
            return EXIT_USAGE
    try:
        query = parse_search(args.query)  # a bad query is a usage error, project or not
    except QueryError as error:
        echo(f"hamish: {error}", err=True)
        return EXIT_USAGE
    try:
        with open_project(args) as project:
            filters = SearchFilters(
                source=args.source,
                published_from=args.published_from,
                published_to=args.published_to,
                entity_id=args.entity,
                claim_status=args.status,
            )
            if args.entity is not None:
                project.entities.get(args.entity)  # NotFound: said, not "No article matches"
            if args.published_from and args.published_to:
                first, last = check_date(args.published_from), check_date(args.published_to)
                if first > last:  # no article can match: the dates were swapped
                    raise QueryError(f"--from {first} is after --to {last}.")
            if args.label:
                label = project.labels.by_key(args.label)
                if label is None:
                    keys = ", ".join(label.key for label in project.labels.all())
                    raise QueryError(f"There is no label {args.label!r}; the labels are: {keys}.")
                filters = replace(filters, label_id=label.id)
            query = project.search.parse(args.query)  # with the project's own names
            total = project.search.count(query, filters)
            hits = project.search.search(query, limit=args.limit, filters=filters)
    except QueryError as error:
        echo(f"hamish: {error}", err=True)
        return EXIT_USAGE
    except HamishError as error:
        echo(f"hamish: {error}", err=True)
        return EXIT_FAILED
    if args.json:
        payload = {
            "query": args.query,
            "total": total,
            "hits": [_hit_json(hit, rank) for rank, hit in enumerate(hits, 1)],
        }
        echo_json(payload)
    else:
        _print_text(args.query, total, hits)
    return EXIT_OK
