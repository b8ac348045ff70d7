"""Persons' and organisations' errors, classified: the fold loop over the training articles
(0..29) of ``persons_folds.py``, for every type, with each wrong or missing name sorted out.

What is shown at the default threshold (``tagger.combine_judged`` with ``tagger.OFFSETS`` and
``tagger.JUDGED_OFFSETS``) is compared with the gold spans, exact words. A wrong suggestion is
a boundary error when it overlaps a gold name of its type (it costs a false positive and a
false negative: one word more or less — ال، a title, a nisba, a head noun, a clitic), a type
confusion when it covers another type's gold span (alone or with other words), else spurious;
a gold name not shown is a boundary error, a type confusion, or missed (nothing of it offered).
Wrong suggestions are counted by source (``model``, ``gazetteer``, ``registry``, ``rule/title``
…), boundary errors by the words they add (``+before:``, ``+after:``) or leave out
(``-before:``, ``-after:``).

Three folds, as ``persons_folds.py``: the 20 other training articles tagged, the fold's 10
scored, every article of the corpus in the project (the fold's imported last); the projects are
built once in ``--cache``. ``--eval`` measures k = 30 on the evaluation articles (30..99) the
same way: to report, never to choose a rule by (docs/suggestions.md's tuning rule).

Run: .venv/bin/python benchmarks/entity_errors.py [--types PERS,ORG] [--show 20] [--eval]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from suggestions import (  # type: ignore[import-not-found]
    CORPUS,
    TRAIN,
    TYPE_OF,
    Article,
    build_project,
    gazetteer_source,
    load_corpus,
    rule_suggestions,
)

from desktop.core.spans import snap_to_words
from desktop.learn import tagger
from desktop.store.project import Project

FOLDS = 3
Predicted = tuple[int, int, str, str, float]  # start, end, type, source, score


def boundary_kind(text: str, found: tuple[int, int], gold: tuple[int, int]) -> str:
    """The words a suggestion adds to a gold name (``+``) or leaves out of it (``-``), at
    its start (``before``: ال، a title, a head noun) or its end (``after``: a nisba)."""
    parts = []
    if found[0] < gold[0]:
        parts.append("+before:" + text[found[0] : gold[0]].strip())
    if found[0] > gold[0]:
        parts.append("-before:" + text[gold[0] : found[0]].strip())
    if found[1] > gold[1]:
        parts.append("+after:" + text[gold[1] : found[1]].strip())
    if found[1] < gold[1]:
        parts.append("-after:" + text[found[1] : gold[1]].strip())
    return " ".join(parts)


def in_context(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 25) : start]}[{text[start:end]}]{text[end : end + 25]}"


class Tally:
    """Scores and errors of every type over the articles scored."""

    def __init__(self) -> None:
        self.totals: dict[str, Counter[str]] = defaultdict(Counter)
        self.kinds: dict[str, Counter[str]] = defaultdict(Counter)
        self.boundaries: dict[str, Counter[str]] = defaultdict(Counter)
        self.wrong_by_source: dict[str, Counter[str]] = defaultdict(Counter)
        self.right_by_source: dict[str, Counter[str]] = defaultdict(Counter)
        self.examples: dict[tuple[str, str], list[str]] = defaultdict(list)

    def add(self, article: Article, shown: list[Predicted], types: list[str]) -> None:
        text = article.text
        gold = list(article.gold)
        for kind in types:
            mine = [g for g in gold if g[2] == kind]
            found = [p for p in shown if p[2] == kind]
            self.totals[kind]["gold"] += len(mine)
            self.totals[kind]["shown"] += len(found)
            for start, end, _, source, score in found:
                if (start, end, kind) in gold:
                    self.totals[kind]["right"] += 1
                    self.right_by_source[kind][source] += 1
                    continue
                self.wrong_by_source[kind][source] += 1
                same = [g for g in gold if g[:2] == (start, end)]
                near = [g for g in mine if g[0] < end and start < g[1]]
                other = [g for g in gold if g[2] != kind and g[0] < end and start < g[1]]
                where = f"{source} {score:.2f} | {in_context(text, start, end)}"
                if same:
                    what = f"wrong: type (gold {same[0][2]})"
                elif near:
                    what = "wrong: boundary"
                    words = boundary_kind(text, (start, end), near[0][:2])
                    self.boundaries[kind][words] += 1
                    where = f"{words} | {where}"
                elif other:
                    what = f"wrong: type and boundary (gold {other[0][2]})"
                else:
                    what = "wrong: spurious"
                self.kinds[kind][what] += 1
                self.examples[(kind, what)].append(where)
            for start, end, _ in mine:
                if any(p[:3] == (start, end, kind) for p in found):
                    continue
                same_words = [p for p in shown if p[:2] == (start, end)]
                near_same = [p for p in found if p[0] < end and start < p[1]]
                near_other = [p for p in shown if p[2] != kind and p[0] < end and start < p[1]]
                if same_words:
                    what = f"not shown: as {same_words[0][2]}"
                elif near_same:
                    what = "not shown: boundary"
                elif near_other:
                    what = f"not shown: boundary and as {near_other[0][2]}"
                else:
                    what = "not shown: missed"
                self.kinds[kind][what] += 1
                self.examples[(kind, what)].append(in_context(text, start, end))

    def print(self, types: list[str], show: int) -> None:
        for kind in types:
            t = self.totals[kind]
            precision = t["right"] / t["shown"] if t["shown"] else 0.0
            recall = t["right"] / t["gold"] if t["gold"] else 0.0
            print(
                f"{kind}: P {precision:.3f} R {recall:.3f} "
                f"({t['right']}/{t['shown']}, {t['gold']} gold)"
            )
        for kind in types:
            print(f"\n== {kind}: {dict(self.kinds[kind].most_common())}")
            print(f"   wrong by source: {dict(self.wrong_by_source[kind].most_common())}")
            print(f"   right by source: {dict(self.right_by_source[kind].most_common())}")
            print(f"   boundary errors: {dict(self.boundaries[kind].most_common(25))}")
            if not show:
                continue
            for (of, what), examples in sorted(self.examples.items()):
                if of == kind:
                    print(f"  -- {what} ({len(examples)})")
                    for example in examples[:show]:
                        print(f"      {example}")


def shown_in(
    project: Project, document_id: int, article: Article, evaluation: bool
) -> list[Predicted]:
    """What the window shows in the article at the default threshold, snapped to words."""
    gazetteer = gazetteer_source()
    matcher = tagger.sources.matcher(project.entities.all_aliases())
    rules = rule_suggestions(article.text, matcher)
    inputs = tagger.gather(project, document_id)
    assert inputs is not None
    learnt, judged = tagger.judge(inputs, article.text, rules, threshold=0.0, gazetteer=gazetteer)
    # k = 30 as the benchmark measures it (the labels the model is trusted on); the folds,
    # with 20 articles, as persons_folds.py: every label trusted, as at k = 30.
    trust = tagger.trusted(tagger.current_model(project)) if evaluation else None
    shown = tagger.combine_judged(rules, learnt, judged, tagger.THRESHOLD, trust=trust)
    found: list[Predicted] = []
    for s in shown:
        if s.kind == "entity" and s.label_key in TYPE_OF:
            start, end = snap_to_words(article.text, s.start, s.end)
            source = s.source + ("/" + s.rule if s.source == "rule" else "")
            found.append((start, end, TYPE_OF[s.label_key], source, s.score))
    return found


def opened(folder: Path, ordered: list[Article], k: int) -> tuple[Project, list[int]]:
    if (folder / f"k{k}.hamish").exists():
        project = Project.open(folder / f"k{k}.hamish")
        return project, sorted(project.documents.ids())
    folder.mkdir(parents=True, exist_ok=True)
    built: tuple[Project, list[int]] = build_project(folder, ordered, k)
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/entity-errors"))
    parser.add_argument("--types", default="PERS,ORG", help="the types to classify")
    parser.add_argument("--show", type=int, default=0, help="examples in context of each kind")
    parser.add_argument("--eval", action="store_true", help="k = 30 on articles 30..99")
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"the development corpus is not at {args.corpus}: nothing to measure")
        return 0
    types = [t for t in args.types.split(",") if t]
    articles = load_corpus(args.corpus)
    runs: list[tuple[Path, list[Article], int, int]] = []  # folder, order, k, first scored
    if args.eval:
        runs.append((args.cache / "eval", list(articles), TRAIN, TRAIN))
    else:
        size = TRAIN // FOLDS
        for fold in range(FOLDS):
            held = list(range(fold * size, (fold + 1) * size))
            kept = [articles[i] for i in range(TRAIN) if i not in held]
            ordered = kept + list(articles[TRAIN:]) + [articles[i] for i in held]
            runs.append((args.cache / f"fold{fold}", ordered, len(kept), len(ordered) - size))
    tally = Tally()
    for folder, ordered, k, first in runs:
        project, ids = opened(folder, ordered, k)
        try:
            tagger.train(project, gazetteer=gazetteer_source())
            for article, document_id in zip(ordered[first:], ids[first:], strict=True):
                assert project.documents.get(document_id).text == article.text
                tally.add(article, shown_in(project, document_id, article, args.eval), types)
        finally:
            project.close()
    tally.print(types, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
