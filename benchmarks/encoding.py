"""Text decoding for issue 13 (failure 2): the hand-written detector against charset-normalizer.

The question: which decides better for Hamish's files — Arabic news in UTF-8 (sometimes with
a few damaged bytes), Windows-1256, ISO-8859-6 and UTF-16 — the stdlib detector of
``desktop/io/importers/encoding.py`` or charset-normalizer (MIT, already installed as a
dependency of trafilatura)? Both get the same bytes, with no declared charset:

- Arabic: the seed articles, one paragraph of each, and short texts (a headline, a name), in
  UTF-8, UTF-8 with a BOM, UTF-16 LE/BE with a BOM, UTF-16 LE without, Windows-1256 and
  ISO-8859-6 (without the few characters it lacks, such as « »); "right" means exactly the
  original text;
- damaged UTF-8: the articles with 1, 9 and 1 % of their characters followed by a bad byte;
  "right" means the original text with U+FFFD where the bad bytes were (any number of them),
  "mojibake" that another code page was chosen;
- French in Windows-1252: the original text;
- other code pages (Cyrillic, Greek, Hebrew): Hamish reads only Arabic code pages, so the
  detector must refuse them rather than import garbage; charset-normalizer may also read them.

Prints one line per group and detector (right / wrong / refused, median time per file), then
the totals. Run: .venv/bin/python benchmarks/encoding.py [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.core.errors import ImportRejected  # noqa: E402
from desktop.io.importers.encoding import decode_text  # noqa: E402

SHORT = [
    "قال الرئيس إن المفاوضات مستمرة",
    "الأمم المتحدة",
    "كتاب جديد في المعرض",
    "سوريا",
    "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة",
    "بيان الخارجية الروسية",
]
FRENCH = [
    "Le ministre a déclaré que la réunion était « très utile » et qu'elle reprendrait.",
    "À Genève, les négociations ont été suspendues après trois jours de débats.",
]
FOREIGN = [
    ("Привет, как дела сегодня в Москве? Переговоры продолжаются.", "cp1251"),
    ("Привет, как дела сегодня в Москве? Переговоры продолжаются.", "koi8-r"),
    ("Ελληνικά κείμενα για δοκιμή της κωδικοποίησης των αρχείων.", "iso-8859-7"),
    ("שלום עולם, מה שלומך היום? השיחות נמשכות בירושלים.", "cp1255"),
]
Case = tuple[str, bytes, str | None]  # group, bytes, expected text (None: must be refused)
Decoder = Callable[[bytes], str | None]  # the text, or None when refused


def _articles() -> list[str]:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8").strip() for path in seeds]
    paragraphs = [text.split("\n")[0] for text in texts]
    return texts + paragraphs


def _damaged(text: str, count: int) -> tuple[bytes, str]:
    step = max(1, len(text) // (count + 1))
    data, expected = bytearray(), []
    for index, char in enumerate(text, 1):
        data += char.encode()
        expected.append(char)
        if index % step == 0 and index // step <= count:
            data += b"\xff"
            expected.append("\ufffd")
    return bytes(data), "".join(expected)


def cases() -> list[Case]:
    found: list[Case] = []
    for text in _articles() + SHORT:
        group = "arabic short" if len(text) < 60 else "arabic article"
        found.append((f"{group} utf-8", text.encode(), text))
        found.append((f"{group} utf-8 bom", b"\xef\xbb\xbf" + text.encode(), text))
        found.append((f"{group} utf-16 bom", text.encode("utf-16"), text))
        found.append((f"{group} utf-16-le no bom", text.encode("utf-16-le"), text))
        found.append((f"{group} windows-1256", text.encode("cp1256"), text))
        # « », ‌ and a few letters are not in ISO-8859-6: left out of that version
        fitting = "".join(ch for ch in text if ch.encode("iso-8859-6", "ignore"))
        found.append((f"{group} iso-8859-6", fitting.encode("iso-8859-6"), fitting))
    for text in _articles():
        for label, count in (("1 bad byte", 1), ("9 bad bytes", 9), ("1% bad", len(text) // 100)):
            data, expected = _damaged(text, count)
            found.append((f"damaged utf-8, {label}", data, expected))
    for text in FRENCH:
        found.append(("french windows-1252", text.encode("cp1252"), text))
    for text, codec in FOREIGN:
        found.append((f"foreign {codec}", text.encode(codec), None))
    return found


def hand_written(data: bytes) -> str | None:
    try:
        return decode_text(data, "file.txt").text
    except ImportRejected:
        return None


def charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def verdict(group: str, expected: str | None, got: str | None) -> str:
    if got is None:
        return "refused"
    if expected is None:
        return "read"  # a foreign code page decoded (right or not: Hamish refuses these)
    if group.startswith("damaged"):
        ok = got.replace("\ufffd", "") == expected.replace("\ufffd", "")
        return "right" if ok else "mojibake"
    return "right" if got.lstrip("\ufeff") == expected else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing runs per file")
    args = parser.parse_args()
    detectors: dict[str, Decoder] = {"hand-written": hand_written}
    if importlib.util.find_spec("charset_normalizer") is not None:
        detectors["charset-normalizer"] = charset_normalizer
    else:
        print("charset-normalizer is not installed: only the hand-written detector is measured")
    all_cases = cases()
    print(f"{len(all_cases)} files\n")
    for name, decode in detectors.items():
        tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        times: dict[str, list[float]] = defaultdict(list)
        for group, data, expected in all_cases:
            got = decode(data)
            tally[group][verdict(group, expected, got)] += 1
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                decode(data)
                runs.append(time.perf_counter() - started)
            times[group].append(min(runs))
        print(name)
        totals: dict[str, int] = defaultdict(int)
        for group in tally:
            counts = ", ".join(f"{n} {what}" for what, n in sorted(tally[group].items()))
            ms = statistics.median(times[group]) * 1000
            print(f"  {group:<40} {counts:<32} {ms:8.3f} ms")
            for what, n in tally[group].items():
                totals[what] += n
        every = [t for group in times.values() for t in group]
        summary = ", ".join(f"{n} {what}" for what, n in sorted(totals.items()))
        print(f"  {'total':<40} {summary:<32} {statistics.median(every) * 1000:8.3f} ms\n")


if __name__ == "__main__":
    main()
