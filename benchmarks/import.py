"""Import figures for issues 7 and 15.

Prints, for a fresh project each:
- 10,000 Arabic text articles in a folder tree (UTF-8 and Windows-1256 mixed), imported with
  ``hamish``'s batch importer — wall time, files per second (target ≥ 2,000/s, issue 15),
  peak memory (target ≤ 300 MB), CPU time and the chunks committed;
- with ``--scale N`` (e.g. 100000): N such files from a folder generated once into
  ``~/.cache/hamish-bench/`` (or ``$HAMISH_BENCH_CACHE``) and reused by later runs — the same
  figures at archive size (not run in CI);
- 500 mixed files — saved news pages (HTML), Word documents and Arabic PDFs — with the time
  spent per format and peak memory.

Each import runs in a child process so its peak resident memory (``ru_maxrss``) and CPU time
are its own, not the generator's (CPU time also shows the cost when other work shares the
machine and stretches the wall time: files per CPU second is printed too, with the load
average). Files are generated in a temporary folder first (PDFs with Qt's PDF writer, Word
files with python-docx) and are not counted.

Run: .venv/bin/python benchmarks/import.py [--articles N] [--mixed N] [--scale N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE = REPO / "tests" / "data" / "import" / "news_page.html"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    return [s.strip() + "." for s in text.replace("\n", " ").split(".") if len(s.strip()) > 20]


def _article(rng: random.Random, sentences: list[str], n: int, size: int = 12) -> str:
    body = rng.sample(sentences, k=min(size, len(sentences)))
    paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return f"تقرير رقم {n}: " + rng.choice(sentences)[:60] + "\n" + "\n".join(paragraphs)


def make_texts(folder: Path, count: int) -> None:
    rng = random.Random(7)
    sentences = _sentences()
    for n in range(count):
        sub = folder / f"batch-{n // 500:03}"
        sub.mkdir(parents=True, exist_ok=True)
        text = _article(rng, sentences, n)
        if n % 5 == 4:  # a fifth in the legacy Arabic code page
            (sub / f"{n:05}.txt").write_bytes(text.encode("cp1256", errors="replace"))
        else:
            (sub / f"{n:05}.txt").write_text(text, encoding="utf-8")


def make_mixed(folder: Path, count: int) -> None:
    import docx
    from PySide6.QtCore import Qt
    from PySide6.QtGui import (
        QFont,
        QFontDatabase,
        QGuiApplication,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    app = QGuiApplication.instance() or QGuiApplication(["bench", "-platform", "offscreen"])
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    rng = random.Random(11)
    sentences = _sentences()
    template = PAGE.read_text(encoding="utf-8")
    start, end = template.index('<div class="story-body">'), template.index("</article>")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = _article(rng, sentences, 100_000 + n)
        title, *paragraphs = text.split("\n")
        kind = ("html", "docx", "pdf")[n % 3]
        path = folder / f"{n:04}.{kind}"
        if kind == "html":
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            page = template[:start] + f'<div class="story-body">{body}</div>' + template[end:]
            path.write_text(page.replace("لافروف وكيري يتفقان", title[:40]), encoding="utf-8")
        elif kind == "docx":
            word = docx.Document()
            word.core_properties.title = title
            for paragraph in paragraphs:
                word.add_paragraph(paragraph)
            word.save(str(path))
        else:
            writer = QPdfWriter(str(path))
            writer.setTitle(title)
            document = QTextDocument()
            document.setDefaultFont(QFont(family, 11))
            option = QTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            document.setDefaultTextOption(option)
            document.setHtml("".join(f'<p dir="rtl">{p}</p>' for p in paragraphs))
            document.print_(writer)
    del app


def run_import(folder: str, project_path: str, timed_kinds: bool) -> None:
    """Child process: import ``folder`` into a new project, print figures as JSON. With
    ``timed_kinds`` each file's reading is timed by its kind — in this process, so a folder of
    text files is then not read by the text readers (``desktop/io/readers.py``); CPU time
    counts the readers' too (``cpu_readers``)."""
    from desktop.core.records import DocumentDraft
    from desktop.io.batch import import_paths, load_file
    from desktop.store.project import Project

    per_kind: dict[str, float] = defaultdict(float)

    def timed(path: Path) -> DocumentDraft:
        started = time.perf_counter()
        try:
            return load_file(path)
        finally:
            per_kind[path.suffix.lstrip(".")] += time.perf_counter() - started

    chunks = 0
    started = time.perf_counter()
    with Project.open(project_path) as project:
        store = project.documents
        add_many = store.add_many

        def counted(drafts: Any) -> Any:
            nonlocal chunks
            chunks += 1
            return add_many(drafts)

        store.add_many = counted  # type: ignore[method-assign]
        if timed_kinds:
            batch = import_paths(store, [folder], loader=timed)
        else:
            batch = import_paths(store, [folder])
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    readers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "imported": len(batch.report.imported),
                "duplicates": len(batch.report.duplicates),
                "failed": [f.reason for f in batch.report.failed][:5],
                "per_kind": per_kind,
                "chunks": chunks,
                "max_rss_mb": usage.ru_maxrss / 1024,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "cpu_readers": readers.ru_utime + readers.ru_stime,
            }
        )
    )


def _child(folder: Path, project: Path, *, timed_kinds: bool = False) -> dict[str, Any]:
    timing = ["--timed-kinds"] if timed_kinds else []
    result = subprocess.run(
        [sys.executable, __file__, "--run-import", str(folder), str(project), *timing],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        # The text readers are started with ``python -m``, which looks in the working
        # folder first: run from another checkout, they read with that one's code (a
        # "before" run from the "after" checkout measured the new readers).
        cwd=REPO,
    )
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def cache_dir() -> Path:
    configured = os.environ.get("HAMISH_BENCH_CACHE")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "hamish-bench"


GENERATOR = "t1"  # part of the cached folder's name: change it when make_texts changes


def cached_texts(count: int) -> Path:
    """A folder of ``count`` text articles, generated once (a marker file says it is whole)."""
    folder = cache_dir() / f"import-texts-{count}-{GENERATOR}"
    done = folder / ".complete"
    if not done.exists():
        started = time.perf_counter()
        make_texts(folder, count)
        done.write_text("ok\n", encoding="utf-8")
        elapsed = time.perf_counter() - started
        print(f"generated {count} text articles into {folder} in {elapsed:.1f} s")
    return folder


def _report_texts(label: str, text: dict[str, Any], count: int) -> None:
    rate = text["imported"] / text["seconds"]
    cpu = text["cpu_seconds"] + text["cpu_readers"]
    per_cpu = text["imported"] / max(cpu, 1e-9)
    writer = text["imported"] / max(text["cpu_seconds"], 1e-9)
    print(
        f"{label} {text['imported']} imported in {text['seconds']:.1f} s "
        f"({rate:,.0f} files/s; target ≥ 2,000/s; {cpu:.1f} s of CPU = "
        f"{per_cpu:,.0f} files per CPU second; {text['cpu_readers']:.1f} s of it in the text "
        f"readers, the importing process alone {writer:,.0f} files per CPU second), "
        f"commits: {text['chunks']}, "
        f"peak memory {text['max_rss_mb']:.0f} MB (target ≤ 300 MB)"
    )
    if text["imported"] != count:
        print(f"  expected {count}: {text['duplicates']} duplicates, failures {text['failed']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="text articles")
    parser.add_argument("--mixed", type=int, default=500, help="HTML/Word/PDF files")
    parser.add_argument(
        "--scale", type=int, default=0, metavar="N", help="also N text files, cached (100000)"
    )
    parser.add_argument("--run-import", nargs=2, metavar=("FOLDER", "PROJECT"), help="internal")
    parser.add_argument("--timed-kinds", action="store_true", help="internal")
    args = parser.parse_args()
    if args.run_import:
        run_import(*args.run_import, timed_kinds=args.timed_kinds)
        return
    with contextlib.suppress(OSError):
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="hamish-import-bench-") as scratch:
        root = Path(scratch)
        started = time.perf_counter()
        make_texts(root / "texts", args.articles)
        print(f"generated {args.articles} text articles in {time.perf_counter() - started:.1f} s")
        text = _child(root / "texts", root / "texts.hamish")
        _report_texts("text articles: ", text, args.articles)

        if args.scale:
            folder = cached_texts(args.scale)
            large = _child(folder, root / "large.hamish")
            _report_texts(f"{args.scale:,} files:", large, args.scale)

        if not args.mixed:
            return
        started = time.perf_counter()
        make_mixed(root / "mixed", args.mixed)
        elapsed = time.perf_counter() - started
        print(f"generated {args.mixed} HTML/Word/PDF files in {elapsed:.1f} s")
        mixed = _child(root / "mixed", root / "mixed.hamish", timed_kinds=True)
        each = max(args.mixed // 3, 1)
        breakdown = ", ".join(
            f"{kind} {total:.1f} s ({1000 * total / each:.0f} ms each)"
            for kind, total in sorted(mixed["per_kind"].items())
        )
        print(
            f"mixed files:    {mixed['imported']} imported in {mixed['seconds']:.1f} s "
            f"({mixed['cpu_seconds']:.1f} s of CPU); "
            f"reading: {breakdown}; peak memory {mixed['max_rss_mb']:.0f} MB"
        )
        if mixed["failed"]:
            print(f"  failures: {mixed['failed']}")


if __name__ == "__main__":
    main()
