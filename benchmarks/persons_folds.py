"""Persons by cross-validation over the training articles (0..29): a quicker loop than
``suggestions.py --tune`` for trying one change to the person suggestions.

Three folds: the 20 other training articles tagged, the fold's 10 scored. Each fold's
project holds every article of the corpus (the evaluation ones untagged, as the analyst's
project holds articles not yet read: the project's own text is what the corpus features
count and where the model finds the project's names; ``--training-only`` leaves them out),
the fold's 10 imported last; only the training articles are ever scored. The fold
projects are built once and kept in ``--cache`` (a folder outside the repository): a second
run only trains and scores.

Prints persons' exact precision/recall pooled over the folds at the default threshold with
``tagger.OFFSETS`` and ``tagger.JUDGED_OFFSETS``, then by threshold; the persons never
offered at any score; and the training time (CPU) of each fold.

Run: .venv/bin/python benchmarks/persons_folds.py [--cache /tmp/persons-folds] [--missed 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from suggestions import (  # type: ignore[import-not-found]
    CORPUS,
    TRAIN,
    Score,
    build_project,
    gazetteer_source,
    load_corpus,
    rule_suggestions,
    score,
    spans_of,
)

from desktop.core.spans import snap_to_words
from desktop.learn import tagger
from desktop.store.project import Project

FOLDS = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/persons-folds"))
    parser.add_argument(
        "--missed",
        type=int,
        default=0,
        help="the N most missed persons, and every wrong and never offered one in context",
    )
    parser.add_argument(
        "--training-only",
        action="store_true",
        help="the fold projects hold the training articles alone, not the evaluation ones' text",
    )
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"the development corpus is not at {args.corpus}: nothing to measure")
        return 0
    articles = load_corpus(args.corpus)
    training = articles[:TRAIN]
    gazetteer = gazetteer_source()
    size = TRAIN // FOLDS
    pooled: dict[float, Score] = {}
    never = 0
    missed: Counter[str] = Counter()
    buckets: Counter[str] = Counter()  # missed persons by the best score they were offered at
    cpus = []
    for fold in range(FOLDS):
        held = list(range(fold * size, (fold + 1) * size))
        order = [i for i in range(TRAIN) if i not in held] + held
        # The fold's articles imported last, as the newest are (what the project's names
        # read first, tagger.PROJECT_NAME_CHARACTERS).
        k = TRAIN - len(held)
        others = [] if args.training_only else list(articles[TRAIN:])
        ordered = [training[i] for i in order[:k]] + others
        ordered += [training[i] for i in held]
        first = len(ordered) - len(held)
        folder = args.cache / (f"fold{fold}-alone" if args.training_only else f"fold{fold}-last")
        if (folder / f"k{k}.hamish").exists():
            project = Project.open(folder / f"k{k}.hamish")
            ids = sorted(project.documents.ids())
        else:
            folder.mkdir(parents=True, exist_ok=True)
            project, ids = build_project(folder, ordered, k)
        try:
            cpu = time.process_time()
            tagger.train(project, gazetteer=gazetteer)
            cpus.append(time.process_time() - cpu)
            matcher = tagger.sources.matcher(project.entities.all_aliases())
            for i in range(first, len(ordered)):
                article, document_id = ordered[i], ids[i]
                assert project.documents.get(document_id).text == article.text
                rules = rule_suggestions(article.text, matcher)
                inputs = tagger.gather(project, document_id)
                assert inputs is not None
                learnt, judged = tagger.judge(
                    inputs, article.text, rules, threshold=0.0, gazetteer=gazetteer
                )
                for limit in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
                    shown = spans_of(tagger.combine_judged(rules, learnt, judged, limit))
                    sc = score([(article, shown)])["PERS"]
                    mine = pooled.setdefault(limit, Score())
                    mine.tp += sc.tp
                    mine.predicted += sc.predicted
                    mine.gold += sc.gold
                offered: dict[tuple[int, int], float] = {}
                for number, s in enumerate([*learnt, *rules]):
                    if s.kind == "entity" and s.label_key == "person":
                        at = snap_to_words(article.text, s.start, s.end)
                        if number < len(learnt):
                            mark = s.score
                        else:  # a rule's suggestion: the model's score for it
                            mark = judged.get(number - len(learnt), -1.0)
                        offered[at] = max(offered.get(at, -1.0), mark)
                shown = {
                    (s, e)
                    for s, e, t in spans_of(
                        tagger.combine_judged(rules, learnt, judged, tagger.THRESHOLD)
                    )
                    if t == "PERS"
                }
                gold_persons = {(s, e) for s, e, t in article.gold if t == "PERS"}
                for start, end in sorted(shown - gold_persons):
                    if args.missed:
                        before = article.text[max(0, start - 30) : start]
                        after = article.text[end : end + 30]
                        print(f"  wrong: {before} [{article.text[start:end]}] {after}")
                for start, end, kind in article.gold:
                    if kind != "PERS":
                        continue
                    if (start, end) not in offered:
                        never += 1
                    if (start, end) not in shown:
                        missed[article.text[start:end]] += 1
                        best = offered.get((start, end))
                        where = "never" if best is None else f"{max(best, 0.0):.1f}"
                        if best is None and args.missed:
                            before = article.text[max(0, start - 30) : start]
                            after = article.text[end : end + 30]
                            print(f"  never: {before} [{article.text[start:end]}] {after}")
                        buckets[where] += 1
        finally:
            project.close()
    for limit, sc in sorted(pooled.items()):
        mark = "  (default)" if limit == tagger.THRESHOLD else ""
        print(
            f"threshold {limit:.1f}: PERS P {sc.precision:.3f} R {sc.recall:.3f} "
            f"({sc.tp}/{sc.predicted}, {sc.gold} gold){mark}"
        )
    print(f"persons never offered at any score: {never}")
    print(
        "missed persons by the best score offered: "
        + ", ".join(f"{b} {n}" for b, n in sorted(buckets.items()))
    )
    print("training CPU per fold: " + ", ".join(f"{c:.2f} s" for c in cpus))
    if args.missed:
        print("missed: " + ", ".join(f"{w} ×{n}" for w, n in missed.most_common(args.missed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
