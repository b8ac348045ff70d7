"""Exchange-format figures for issue 17: UIMA CAS XMI, brat and CoNLL on a tagged project.

The project: ``--articles`` Arabic articles (the seed texts, varied so each is distinct, an
emoji at the start of each), ``--tags`` entity tags per article (some nested), a claim per
article with claimant and assessment, every other claim linked to the next.

Prints, for each format: export time and file size, import time into a new project (XMI,
brat), peak Python allocations (tracemalloc) of each step, and the process's peak RSS; then
the time to refuse a zip bomb (a 1 GB member compressed to ~1 MB) with each importer.

Run: .venv/bin/python benchmarks/exchange.py [--articles 200 --tags 40]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import ImportRejected
from desktop.core.records import AnnotationDraft
from desktop.core.spans import context
from desktop.core.text import make_draft
from desktop.io.exchange.brat import export_brat, import_brat
from desktop.io.exchange.conll import export_conll
from desktop.io.exchange.xmi import export_xmi, import_xmi
from desktop.store.project import Project

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build(path: Path, articles: int, tags: int) -> None:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(17)
    with Project.open(path) as project:
        labels = {key: project.labels.by_key(key) for key in ("person", "location", "claim")}
        claims: list[int] = []
        for n in range(articles):
            text = f"😀 {n} " + bodies[n % len(bodies)].replace("\r\n", "\n")
            doc = project.documents.add(make_draft(text, title=f"مقال {n}"))
            text = project.documents.get(doc).text
            words = [(m, m + len(w)) for m, w in _words(text)]
            for i in range(tags):
                start, end = words[rng.randrange(len(words) - 3)]
                end = words[min(len(words) - 1, words.index((start, end)) + rng.randrange(3))][1]
                label = labels["person" if i % 2 else "location"]
                assert label is not None
                quote, prefix, suffix = context(text, start, end)
                project.annotations.add(
                    AnnotationDraft(doc, start, end, quote, prefix, suffix, label.id, "", "", None)
                )
            start, end = words[5][0], words[12][1]
            quote, prefix, suffix = context(text, start, end)
            claim_label = labels["claim"]
            assert claim_label is not None
            annotation = project.annotations.add(
                AnnotationDraft(
                    doc, start, end, quote, prefix, suffix, claim_label.id, "", "", None
                )
            )
            row = project.database.conn.execute(
                "SELECT id FROM claims WHERE annotation_id = ?", [annotation]
            ).fetchone()
            claims.append(int(row[0]))
        for a, b in zip(claims[::2], claims[1::2], strict=False):
            project.claims.add_link(a, b, "supports")


def _words(text: str) -> list[tuple[int, str]]:
    import re

    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]


MEMORY = False  # --memory: tracemalloc on (it slows Python code several times)


def measure(label: str, step: Callable[[], Any]) -> Any:
    if MEMORY:
        tracemalloc.start()
    began = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - began
    shown = f"{label:<34} {seconds:7.2f} s"
    if MEMORY:
        shown += f"   peak allocations {tracemalloc.get_traced_memory()[1] / 1e6:7.1f} MB"
        tracemalloc.stop()
    print(shown)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--tags", type=int, default=40)
    parser.add_argument("--bomb-mb", type=int, default=1024)
    parser.add_argument(
        "--notes", type=int, default=500_000, help="AnnotatorNotes lines on one brat tag"
    )
    parser.add_argument("--memory", action="store_true", help="peak allocations of each step")
    args = parser.parse_args()
    global MEMORY
    MEMORY = args.memory
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / "source.hamish"
        build(source, args.articles, args.tags)
        print(f"project: {args.articles} articles, {args.tags} entity tags and 1 claim each")
        with Project.open(source, create=False) as project:
            for name, writer, suffix in (
                ("xmi", export_xmi, ".zip"),
                ("brat", export_brat, ".zip"),
                ("conll", export_conll, ".conll"),
            ):
                out = folder / f"out-{name}{suffix}"
                summary = measure(f"export {name}", lambda w=writer, o=out: w(project, o))
                print(f"  {out.stat().st_size:,} bytes; not carried: {len(summary.lost)} kinds")
        for name, reader in (("xmi", import_xmi), ("brat", import_brat)):
            with Project.open(folder / f"copy-{name}.hamish") as copy:
                out = folder / f"out-{name}.zip"
                result = measure(f"import {name}", lambda r=reader, c=copy, o=out: r(c, o))
                print(f"  {result.report.annotations:,} annotations imported")
        # Many notes on one tag were joined by adding to a string: quadratic, over 30 s.
        notes = folder / "notes"
        notes.mkdir()
        (notes / "a.txt").write_text("قال جون كيري إن المحادثات مستمرة.", encoding="utf-8")
        lines = "".join(f"#{i}\tAnnotatorNotes T1\tملاحظة {i}\n" for i in range(args.notes))
        (notes / "a.ann").write_text(f"T1\tperson 4 12\tجون كيري\n{lines}", encoding="utf-8")
        with Project.open(folder / "notes.hamish") as copy:
            result = measure(f"import brat, {args.notes:,} notes", lambda: import_brat(copy, notes))
            print(f"  {result.report.annotations:,} annotation with a long note")
        for name, reader in (("xmi", import_xmi), ("brat", import_brat)):
            bomb = folder / f"bomb-{name}.zip"
            with (
                zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
                archive.open(
                    "a.xmi" if name == "xmi" else "a.txt", "w", force_zip64=True
                ) as member,
            ):
                block = b"\0" * (1024 * 1024)
                for _ in range(args.bomb_mb):
                    member.write(block)
            print(f"zip bomb: {bomb.stat().st_size:,} bytes, {args.bomb_mb} MB inside")
            with Project.open(folder / f"bomb-{name}.hamish") as copy:

                def refuse(
                    r: Callable[..., Any] = reader, c: Project = copy, b: Path = bomb
                ) -> str:
                    try:
                        r(c, b)
                    except ImportRejected as error:
                        return str(error)
                    return "imported?!"

                print(f"  {measure(f'refuse zip bomb ({name})', refuse)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
