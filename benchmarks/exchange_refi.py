"""Exchange-format figures (issue 17): REFI-QDA and W3C Web Annotation on a large project, and
what a hostile .qdpx costs before it is refused.

The project: ``--articles`` Arabic articles (the seed texts, varied so each is distinct, an
emoji before the names), ``--per-article`` annotations each (nested and overlapping), a claim
on every tenth with an assessment and a note on every fifth.

Prints, for each format: export time and size, import time into an empty project, and the
peak Python allocations (tracemalloc) of each step; then the time and peak allocations of
refusing a zip bomb (a 256 MB member compressed to ~250 KB, headers telling the truth) and the
same bomb with lying headers.

Run: .venv/bin/python benchmarks/exchange_refi.py [--articles 500] [--per-article 20]
"""

from __future__ import annotations

import argparse
import struct
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
from desktop.io.exchange.qdpx import export_qdpx, import_qdpx
from desktop.io.exchange.w3c import export_w3c, import_w3c
from desktop.store.project import Project

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def build(path: Path, articles: int, per_article: int) -> None:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with Project.open(path) as project, project.database.transaction():
        labels = [project.labels.by_key(k) for k in ("person", "location", "claim", "note")]
        for n in range(articles):
            text = f"😀 تقرير رقم {n + 1}.\n" + bodies[n % len(bodies)]
            doc = project.documents.add(make_draft(text, title=f"مقال {n + 1}"))
            text = project.documents.get(doc).text
            for k in range(per_article):
                start = (k * 37) % max(1, len(text) - 40)
                end = start + 5 + k % 30
                label = labels[k % len(labels)]
                assert label is not None
                quote, prefix, suffix = context(text, start, end)
                note = "ملاحظة 😀" if k % 5 == 0 else ""
                project.annotations.add(
                    AnnotationDraft(doc, start, end, quote, prefix, suffix, label.id, "a", note)
                )


def measure(step: Callable[[], Any], *, traced: bool = False) -> tuple[float, float, Any]:
    """Seconds and peak Python allocations (MB, with ``traced``: tracemalloc slows the step
    several times, so time is measured on a run without it)."""
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    try:
        value = step()
    except ImportRejected as error:
        value = error
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024 if traced else 0.0
    if traced:
        tracemalloc.stop()
    return seconds, peak, value


def bomb(path: Path, lie: int | None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde",
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource '
            b'guid="00000000-0000-0000-0000-000000000001" plainTextPath="internal://x.txt"/>'
            b"</Sources></Project>",
        )
        with archive.open("sources/x.txt", "w", force_zip64=True) as member:
            piece = b"\0" * (1024 * 1024)
            for _ in range(256):
                member.write(piece)
    if lie is not None:
        data = bytearray(path.read_bytes())
        for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            position = data.find(signature)
            while position != -1:
                data[position + offset : position + offset + 4] = struct.pack("<I", lie)
                position = data.find(signature, position + 4)
        path.write_bytes(bytes(data))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-article", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / "source.hamish"
        build(source, args.articles, args.per_article)
        print(f"project: {args.articles} articles, {args.articles * args.per_article} annotations")
        for name, export, importer, suffix in (
            ("qdpx", export_qdpx, import_qdpx, ".qdpx"),
            ("w3c", export_w3c, import_w3c, ".jsonld"),
        ):
            out = folder / f"out{suffix}"
            with Project.open(source) as project:
                seconds, _, summary = measure(lambda p=project, o=out, e=export: e(p, o))
                _, peak, _ = measure(
                    lambda p=project, o=folder / f"again{suffix}", e=export: e(p, o), traced=True
                )
            print(
                f"{name} export: {seconds:.2f} s, {summary.size / 1024 / 1024:.1f} MB, "
                f"peak {peak:.0f} MB allocated"
            )
            with Project.open(folder / f"copy-{name}.hamish") as target:
                seconds, _, report = measure(lambda t=target, o=out, i=importer: i(t, o))
            with Project.open(folder / f"traced-{name}.hamish") as target:
                _, peak, _ = measure(lambda t=target, o=out, i=importer: i(t, o), traced=True)
            print(
                f"{name} import: {seconds:.2f} s, {report.annotations} annotations, "
                f"peak {peak:.0f} MB allocated"
            )
        for label, lie in (("zip bomb, truthful headers", None), ("zip bomb, lying headers", 200)):
            path = bomb(folder / "bomb.qdpx", lie)
            with Project.open(folder / "bombed.hamish") as target:
                seconds, peak, error = measure(
                    lambda t=target, p=path: import_qdpx(t, p), traced=True
                )
            refused = isinstance(error, ImportRejected)
            print(
                f"{label} ({path.stat().st_size / 1024:.0f} KB, 256 MB inside): "
                f"refused={refused} in {seconds:.2f} s (traced), peak {peak:.0f} MB allocated"
            )
            print(f"  {error}")


if __name__ == "__main__":
    main()
