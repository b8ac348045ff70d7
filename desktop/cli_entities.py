"""Headless ``hamish mentions`` and ``hamish suggest``: what "find all mentions" and the
suggestions (rules, registry and the model trained on the analyst's tags) would offer in a
project, without opening a window.

Why on the command line: the rules, the alias matcher and the model decide what analysts are
offered, so they must be checkable on a real project (and scriptable) without a display. Both
commands only read the project, except ``hamish suggest --train``, which trains the model
now and stores it in the project (``desktop.learn.tagger``). Already annotated spans, and
spans the analyst already accepted or rejected
(the decisions table), are left out exactly as the app leaves them out. No Qt is imported:
``desktop.defaults`` finds the default project when ``--project`` is missing.
"""

from __future__ import annotations

import argparse
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from desktop.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    add_project_option,
    echo,
    echo_json,
    open_project,
    record_id,
)
from desktop.core.errors import HamishError
from desktop.store.project import Project

if TYPE_CHECKING:  # the rule modules compile their patterns on import: load them on use
    from desktop.core.matching import DocumentMatch
    from desktop.core.suggest import Suggestion

__all__ = ["register", "run_mentions", "run_suggest"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``mentions`` and ``suggest`` sub-commands to a ``hamish`` parser."""
    mentions = subparsers.add_parser(
        "mentions",
        help="list where aliases occur in the articles (what 'find all mentions' offers)",
        description=(
            "Find every mention of the given names across the project, clitics included "
            "(وكيري، للكرملين) and spelling variants folded (أوباما/اوباما); spans already "
            "tagged as an entity, or already decided, are left out."
        ),
    )
    add_project_option(mentions)
    mentions.add_argument("aliases", nargs="+", metavar="ALIAS", help="names to look for")
    mentions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    # One id per --document (repeat the option): with nargs="+" the names that follow would
    # be read as more ids.
    mentions.add_argument(
        "--document",
        dest="documents",
        type=record_id,
        action="append",
        metavar="ID",
        help="look only in this article (repeatable; default: all)",
    )

    suggestions = subparsers.add_parser(
        "suggest",
        help=(
            "list suggestions of names and claims (rules, registry, gazetteer, the project's model)"
        ),
        description=(
            "Suggest person names after titles, known entities from the registry, claims "
            "with their claimants, and the entities the project's model (trained on the "
            "analyst's tags) finds; each with its source and score. Spans already annotated "
            "or decided are left out."
        ),
    )
    add_project_option(suggestions)
    suggestions.add_argument("--document", type=record_id, metavar="ID", help="one article only")
    suggestions.add_argument("--json", action="store_true", help="print JSON instead of a table")
    suggestions.add_argument(
        "--train",
        action="store_true",
        help="train the model on the project's entity tags and decisions, and the claim "
        "classifier on its claim tags and decisions, now; store them in the project and print "
        "what they learnt from (no suggestions are listed)",
    )
    suggestions.add_argument(
        "--threshold",
        type=float,
        metavar="SCORE",
        help="lowest score shown, 0 to 1 (default: the window's default threshold)",
    )
    suggestions.add_argument(
        "--no-model",
        action="store_true",
        help="rules, registry and gazetteer only, without the model",
    )


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _document_ids(project: Project, wanted: list[int] | None) -> list[int]:
    if not wanted:
        return sorted(summary.id for summary in project.documents.summaries())
    for document_id in wanted:
        if not project.documents.exists(document_id):
            raise HamishError(f"There is no document {document_id} in {project.path}.")
    return list(dict.fromkeys(wanted))


class _Spans:
    """Annotated spans of one document, for "is this candidate already there?" in O(log n).

    Why "at least half of each": the app's highlights may differ from a candidate by a clitic
    or a quotation mark, so an exact comparison would offer the same thing twice, while a name
    inside an annotated claim must still be offered.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._longest = max((end - start for start, end in self._spans), default=0)

    def holds(self, start: int, end: int, *, any_overlap: bool = False) -> bool:
        """Whether an annotation shares at least half of each length with [start, end), or
        with ``any_overlap`` whether any annotation overlaps it at all."""
        length = end - start
        reach = self._longest if any_overlap else length
        lo = bisect_left(self._starts, start - reach)
        hi = bisect_left(self._starts, end)
        for s, e in self._spans[lo:hi]:
            shared = min(e, end) - max(s, start)
            if shared > 0 and (any_overlap or shared * 2 >= max(e - s, length)):
                return True
        return False


def _fail(error: HamishError) -> int:
    echo(f"hamish: {error}", err=True)
    return EXIT_FAILED


# --------------------------------------------------------------------------------------------
# hamish mentions
# --------------------------------------------------------------------------------------------


def run_mentions(args: argparse.Namespace) -> int:
    """Print every mention of ``args.aliases`` that "find all mentions" would offer."""
    from desktop.core.matching import AliasMatcher, find_all_mentions

    matcher = AliasMatcher.from_names(args.aliases)
    if not len(matcher):
        echo("hamish: give at least one name with a letter or a digit in it", err=True)
        return EXIT_USAGE
    try:
        with open_project(args) as project:
            ids = _document_ids(project, args.documents)
            titles = {s.id: s.title for s in project.documents.summaries(ids)}
            found = find_all_mentions(
                _texts(project, ids), matcher, exclude=_mention_filter(project)
            )
    except HamishError as error:
        return _fail(error)
    if args.json:
        echo_json([_mention_row(hit, titles[hit.document_id]) for hit in found])
        return EXIT_OK
    for hit in found:
        echo(
            f"{hit.document_id:>5}  {hit.start:>7}  {hit.end:>7}  {hit.quote}  "
            f"{titles[hit.document_id]}"
        )
    articles = len({hit.document_id for hit in found})
    echo(
        f"{len(found)} mention{'' if len(found) == 1 else 's'} in {articles} of {len(ids)} "
        f"article{'' if len(ids) == 1 else 's'}"
    )
    return EXIT_OK


def _texts(project: Project, ids: list[int]) -> Iterator[tuple[int, str]]:
    """Documents one at a time, so a large project is never all in memory."""
    for document_id in ids:
        yield document_id, project.documents.get(document_id).text


def _mention_filter(project: Project) -> Callable[[int, int, int], bool]:
    """``exclude`` for find_all_mentions: spans overlapping an entity annotation, and spans
    already accepted or rejected as mentions. Loaded per document, only where there are hits."""
    entity_labels = {label.id for label in project.labels.all() if label.kind == "entity"}
    cache: dict[int, tuple[_Spans, set[tuple[int, int]]]] = {}

    def exclude(document_id: int, start: int, end: int) -> bool:
        if document_id not in cache:
            annotated = _Spans(
                [
                    (a.start, a.end)
                    for a in project.annotations.for_document(document_id)
                    if a.label_id in entity_labels
                ]
            )
            decided = {(s, e) for s, e, _ in project.decisions.decided(document_id, "mention")}
            cache[document_id] = (annotated, decided)
        annotated, decided = cache[document_id]
        return (start, end) in decided or annotated.holds(start, end, any_overlap=True)

    return exclude


def _mention_row(hit: DocumentMatch, title: str) -> dict[str, Any]:
    return {
        "document": hit.document_id,
        "title": title,
        "start": hit.start,
        "end": hit.end,
        "text": hit.quote,
        "word_start": hit.match.word_start,
        "alias": hit.match.matched_alias,
        "prefix": hit.prefix,
        "suffix": hit.suffix,
    }


# --------------------------------------------------------------------------------------------
# hamish suggest
# --------------------------------------------------------------------------------------------


def run_suggest(args: argparse.Namespace) -> int:
    """Print the suggestions for one article (``--document``) or for every article; with
    ``--train``, train the project's model instead and print what it learnt from."""
    from desktop.core.matching import AliasMatcher
    from desktop.core.suggest import suggest
    from desktop.learn import pending, tagger
    from desktop.resources import gazetteer

    if args.train:
        return _train(args)
    threshold = getattr(args, "threshold", None)
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        echo("hamish: --threshold is a score from 0 to 1", err=True)
        return EXIT_USAGE
    rows: list[dict[str, Any]] = []
    try:
        with open_project(args) as project:
            ids = _document_ids(project, None if args.document is None else [args.document])
            aliases = project.entities.all_aliases()
            matcher = AliasMatcher.from_registry(aliases) if aliases else None
            own_labels = project.entities.own_label_keys()
            titles = {s.id: s.title for s in project.documents.summaries(ids)}
            learning = not getattr(args, "no_model", False)
            model = tagger.current_model(project) if learning else None
            notice = tagger.damage_notice(project) if learning else None
            if notice is not None:
                echo(f"hamish: {notice}", err=True)
            for document_id in ids:
                text = project.documents.get(document_id).text
                found = suggest(
                    text,
                    matcher,
                    known_types=own_labels,
                    skip=_suggestion_filter(project, document_id),
                    gazetteer=gazetteer(),
                )
                mentions = project.decisions.decided(document_id, "mention")
                found = [
                    item
                    for item in found
                    if item.source != "registry"
                    or (item.start, item.end, text[item.start : item.end]) not in mentions
                ]
                inputs = (
                    tagger.gather(project, document_id, model=model, entities=model is not None)
                    if learning
                    else None
                )
                limit = tagger.THRESHOLD if threshold is None else threshold
                if inputs is not None:
                    found = tagger.combine(inputs, text, found, threshold=pending.internal(limit))
                if matcher is not None:
                    found = pending.linked(found, text, matcher, aliases)
                # The scores the window shows, and what its threshold lets through.
                found = pending.finish(found, limit)
                rows.extend(_suggestion_row(document_id, item) for item in found)
    except HamishError as error:
        return _fail(error)
    if args.json:
        echo_json(rows)
        return EXIT_OK
    current = None
    for row in rows:
        if row["document"] != current:
            current = row["document"]
            echo(f"== {current}  {titles[current]}")
        echo(
            f"{row['kind']:<7} {row['label']:<13} {row['source']:<9} {row['score']:.2f} "
            f"{row['start']:>7} {row['end']:>7}  {row['text']}"
        )
        if row["kind"] == "claim":
            who = row["claimant"] or "?"
            where = "" if row["claimant_start"] is None else f" [{row['claimant_start']}–"
            where += "" if row["claimant_end"] is None else f"{row['claimant_end']}]"
            echo(f"{'':>53}← {who}{where}")
    entities = sum(1 for row in rows if row["kind"] == "entity")
    echo(
        f"{entities} entity and {len(rows) - entities} claim suggestions in "
        f"{len(ids)} article{'' if len(ids) == 1 else 's'}"
    )
    return EXIT_OK


def _train(args: argparse.Namespace) -> int:
    """``hamish suggest --train``: train now, store the model, print what it learnt from."""
    from desktop.learn import tagger

    try:
        with open_project(args) as project:
            report = tagger.train(project)
    except HamishError as error:
        return _fail(error)
    claims = report.claims
    trained = report.generation is not None or claims.generation is not None
    if args.json:
        echo_json(report.as_dict())
        return EXIT_OK if trained else EXIT_FAILED
    if report.generation is None:
        echo(f"hamish: no entity model was trained. {report.reason}", err=True)
    else:
        tags = ", ".join(f"{name} {count}" for name, count in report.tags.items())
        echo(
            f"trained model {report.generation} in {report.seconds:.1f} s on "
            f"{_count(report.articles, 'article')}, {_count(report.sentences, 'sentence')}, "
            f"{_count(report.tokens, 'word')}"
        )
        echo(f"tags: {tags}")
        echo(f"rejected suggestions used as negative examples: {report.decisions}")
        if report.sources:
            names = ", ".join(_SOURCE_NAMES.get(code, code) for code in report.sources)
            echo(f"what the model also reads of each word: {names}")
        enough = tagger.learnt_enough(report.tags, report.sentences)
        few = [name for name in report.tags if name not in enough]
        if few:
            echo(
                f"learnt little yet of {', '.join(few)}: the model adds names and raises "
                "the other sources' scores of these labels, and lowers none of them until "
                f"it has {tagger.TRUSTED_FROM} tags of the label in {tagger.TRUSTED_FROM} "
                "sentences"
            )
    learnt_from = (
        f"{_count(claims.positives, 'claim')} taken and {claims.negatives} left or rejected "
        f"in {_count(claims.articles, 'article')} ({claims.decisions} of them decided "
        "suggestions)"
    )
    if claims.generation is None:
        echo(f"claims: no classifier, the rule's scores stay; {learnt_from}. {claims.reason}")
    else:
        echo(
            f"trained claim classifier {claims.generation} in {claims.seconds:.1f} s on "
            f"{learnt_from}"
        )
    return EXIT_OK if trained else EXIT_FAILED


# The training report's codes for the sources whose finds are the model's features.
_SOURCE_NAMES = {
    "gz": "the gazetteer",
    "rg": "the registry of the project's entities",
    "ru": "the rules' names",
}


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _suggestion_filter(project: Project, document_id: int) -> Callable[[int, int], bool]:
    """``skip`` for suggest: decided candidates, and spans an annotation already covers."""
    annotated = _Spans([(a.start, a.end) for a in project.annotations.for_document(document_id)])
    decided = {(s, e) for s, e, _ in project.decisions.decided(document_id, "suggestion")}
    return lambda start, end: (start, end) in decided or annotated.holds(start, end)


def _suggestion_row(document_id: int, item: Suggestion) -> dict[str, Any]:
    span = item.claimant_span
    return {
        "document": document_id,
        "kind": item.kind,
        "label": item.label_key,
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "rule": item.rule,
        "source": item.source,
        "score": item.score,
        "entity_id": item.entity_id,
        "claimant": item.claimant,
        "claimant_start": None if span is None else span[0],
        "claimant_end": None if span is None else span[1],
    }
