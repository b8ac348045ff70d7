"""Name parts as aliases, measured on the development corpus: what confirming the offered parts
of each new person's name (``جون كيري`` → ``كيري``) does to the registry's person suggestions.

Simulates an analyst who tags the gold persons of the first k articles of
``../shared/data/arabic-ner-dev`` in order, through the window's operations
(``plan_selection`` + ``add_annotations``: a mention of a known name or alias links to its
entity, any other creates a person), in two projects: one where the analyst dismisses every
offer, one where they confirm the parts the offer ticks (``name_part_proposals`` +
``add_aliases``, as the bar does). Reported for each:

* while tagging: how many of the tagged persons were already known to the registry when the
  analyst reached them (the reader would have shown them dashed, with the entity linked), and
  how many entities were created;
* on the evaluation articles (30..99, never tagged): precision and recall of the persons the
  registry alone suggests, and of every person suggestion (rules, registry, gazetteer), exact
  spans grown to whole words as in ``benchmarks/suggestions.py``;
* the offers: persons with several parts, parts offered, ticked, and shown as another entity's;
* the time to propose the parts of one name.

The corpus is not part of the repository; without it the script says so and stops.

Run: .venv/bin/python benchmarks/name_parts.py [--k 30] [--articles N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from suggestions import CORPUS, TRAIN, Article, Score, load_corpus, score, spans_of

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import suggest
from desktop.core.suggest.parts import name_parts
from desktop.core.text import make_draft
from desktop.ops.annotations import add_annotations, plan_selection
from desktop.ops.articles import add_article
from desktop.ops.entities import add_aliases, name_part_proposals
from desktop.resources import gazetteer
from desktop.store.project import Project


@dataclass
class Tagged:
    known: int = 0  # persons the registry knew when the analyst reached them
    tagged: int = 0
    created: int = 0
    offers: int = 0  # new persons with something to offer
    offered: int = 0
    ticked: int = 0
    taken: int = 0  # parts shown as another entity's name
    examples: Counter[str] = field(default_factory=Counter)


def simulate(
    folder: Path, articles: list[Article], k: int, confirm: bool
) -> tuple[Project, list[int], Tagged]:
    project = Project.open(folder / f"parts-{k}-{confirm}.hamish")
    ids = []
    for article in articles:
        draft = make_draft(article.text, title=article.name, origin=article.name)
        report = add_article(project, draft, article.name).value
        ids.append(report.imported[0][1] if report.imported else report.duplicates[0][1])
    person = project.labels.by_key("person")
    assert person is not None
    places = gazetteer()

    def is_place(text: str) -> bool:
        return bool(places.entries_for(text))

    stats = Tagged()
    for article, document_id in zip(articles[:k], ids[:k], strict=True):
        for start, end, kind in article.gold:
            if kind != "PERS":
                continue
            plan = plan_selection(
                project, article.text, document_id, start, end, person, "analyst", snap=False
            )
            stats.tagged += 1
            stats.known += plan.new_entity is None
            outcome = add_annotations(project, [plan])
            for entity_id in outcome.changes.entities_created:
                stats.created += 1
                proposals = name_part_proposals(project, entity_id, is_place=is_place)
                offered = [p for p in proposals if p.offered]
                stats.offers += bool(offered)
                stats.offered += len(offered)
                stats.taken += len(proposals) - len(offered)
                ticked = [p.text for p in offered if p.checked]
                stats.ticked += len(ticked)
                for part in ticked:
                    stats.examples[part] += 1
                if confirm and ticked:
                    add_aliases(project, entity_id, ticked)
    return project, ids, stats


def evaluate(project: Project, evaluation: list[tuple[Article, int]]) -> tuple[Score, Score]:
    aliases = project.entities.all_aliases()
    matcher = AliasMatcher.from_registry(aliases) if aliases else None
    places = gazetteer()
    registry, everything = [], []
    for article, _document in evaluation:
        found = suggest(article.text, matcher, gazetteer=places)
        registry.append((article, spans_of(s for s in found if s.source == "registry")))
        everything.append((article, spans_of(found)))
    return score(registry)["PERS"], score(everything)["PERS"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--k", type=int, default=TRAIN, help="articles tagged (persons)")
    parser.add_argument("--articles", type=int, default=None, help="use only the first N")
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"the development corpus is not at {args.corpus}: nothing to measure")
        return 0
    articles = load_corpus(args.corpus, args.articles)
    train = min(TRAIN, len(articles) // 3)
    k = min(args.k, train)
    evaluation_articles = articles[train:]
    gold = sum(1 for a in evaluation_articles for *_, t in a.gold if t == "PERS")
    print(
        f"corpus: {len(articles)} articles; the persons of articles 0..{k - 1} tagged; "
        f"evaluation on articles {train}..{len(articles) - 1} ({gold} gold persons)"
    )
    with tempfile.TemporaryDirectory(prefix="hamish-parts-bench-") as tmp:
        for confirm in (False, True):
            project, ids, stats = simulate(Path(tmp), articles, k, confirm)
            try:
                evaluation = list(zip(articles[train:], ids[train:], strict=True))
                registry, everything = evaluate(project, evaluation)
            finally:
                project.close()
            title = "parts confirmed (the ticked ones)" if confirm else "offers dismissed"
            print(f"\n{title}:")
            print(
                f"  while tagging: {stats.known} of {stats.tagged} persons already known to "
                f"the registry when reached ({stats.known / max(stats.tagged, 1):.0%}), "
                f"{stats.created} entities created"
            )
            print(
                f"  evaluation, registry alone: PERS exact P {registry.precision:.2f} "
                f"R {registry.recall:.2f} ({registry.predicted} suggested)"
            )
            print(
                f"  evaluation, rules + registry + gazetteer: PERS exact P "
                f"{everything.precision:.2f} R {everything.recall:.2f} "
                f"({everything.predicted} suggested)"
            )
            if confirm:
                print(
                    f"  offers: {stats.offers} of {stats.created} new persons, "
                    f"{stats.offered} parts offered, {stats.ticked} ticked, {stats.taken} shown "
                    "as another entity's"
                )
                common = ", ".join(f"{p} {n}" for p, n in stats.examples.most_common(12))
                print(f"  ticked parts, most often: {common}")
    names = [a.text[s:e] for a in articles for s, e, t in a.gold if t == "PERS"]
    began = time.perf_counter()
    for name in names:
        name_parts(name)
    each = (time.perf_counter() - began) / max(len(names), 1)
    print(f"\nname_parts: {each * 1e6:.1f} µs per name ({len(names)} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
