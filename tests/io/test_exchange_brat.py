"""brat standoff: export → import round trip, every .ann line checked by a tiny reader of
brat's own column rules, brat files from elsewhere (CRLF, a byte-order mark, discontinuous
spans, events), and hostile files refused with nothing written."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.exchange import common
from desktop.io.exchange.brat import escape, export_brat, import_brat, unescape
from desktop.store.project import Project
from tests.io import exchange_project as fixture

# brat's column rules (https://brat.nlplab.org/standoff.html), written out independently.
T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t([^\t\n]*)")
NOTE_LINE = re.compile(r"(#\d+)\t(\S+) (T\d+)\t([^\t\n]*)")
REFERENCE_LINE = re.compile(r"(N\d+)\tReference (T\d+) (\S+:\S+)\t([^\t\n]*)")
ATTRIBUTE_LINE = re.compile(r"(A\d+)\t(\S+) (T\d+)(?: (\S+))?")
RELATION_LINE = re.compile(r"(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")


def _count(project: Project) -> int:
    return int(project.database.conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def test_round_trip(source: Project, target: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat.zip"
    summary = export_brat(source, out)
    assert (summary.documents, summary.annotations) == (2, 12)
    result = import_brat(target, out)
    assert result.notices == []
    assert fixture.spans(target) == fixture.spans(source)  # nested, overlapping, multi-line
    assert fixture.notes(target) == fixture.notes(source)  # line breaks and backslashes
    assert fixture.entity_links(target) == fixture.entity_links(source)
    assert fixture.claims(target) == fixture.claims(source)
    # A link between claims of two articles has no place in one .ann: said, not dropped.
    assert fixture.claim_links(source) - fixture.claim_links(target) == {
        ("«الاتفاق صامد»", "أن المحادثات مستمرة", "supports")
    }
    assert "Not carried: links between claims of different articles (1)." in summary.lost
    labels = {label.key: label for label in target.labels.all()}
    assert labels["datetime"].kind == "span" and labels["claim"].kind == "claim"


def test_every_line_follows_brats_column_rules(source: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat.zip"
    export_brat(source, out)
    texts = {
        row[0]: row[1]
        for row in source.database.conn.execute("SELECT id, text FROM documents").fetchall()
    }
    expected = {
        (row[0], row[1], row[2], row[3])
        for row in source.database.conn.execute(
            'SELECT a.document_id, a.start, a."end", l.key FROM annotations a '
            "JOIN labels l ON l.id = a.label_id"
        ).fetchall()
    }
    seen: set[tuple[int, int, int, str]] = set()
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert {"annotation.conf", "visual.conf"} <= set(names)
        conf = archive.read("annotation.conf").decode()
        for name in names:
            if not name.endswith(".ann"):
                continue
            document_id = int(re.findall(r"\d+", name)[0])
            raw_text = archive.read(name[:-4] + ".txt")
            assert not raw_text.startswith(b"\xef\xbb\xbf") and b"\r" not in raw_text
            text = raw_text.decode("utf-8")
            assert text == texts[document_id]
            tags: set[str] = set()
            for line in archive.read(name).decode("utf-8").split("\n")[:-1]:
                if match := T_LINE.fullmatch(line):
                    ident, label, where, covered = match.groups()
                    assert ident not in tags
                    tags.add(ident)
                    assert re.search(rf"^{re.escape(label)}$", conf, re.MULTILINE)
                    pieces = [tuple(map(int, p.split())) for p in where.split(";")]
                    for start, end in pieces:
                        assert 0 <= start < end <= len(text) and "\n" not in text[start:end]
                    assert covered == " ".join(text[a:b] for a, b in pieces)
                    seen.add((document_id, pieces[0][0], pieces[-1][1], label))
                    continue
                match = (
                    NOTE_LINE.fullmatch(line)
                    or REFERENCE_LINE.fullmatch(line)
                    or ATTRIBUTE_LINE.fullmatch(line)
                )
                if match:
                    assert match.group(3 if line[0] != "N" else 2) in tags
                    continue
                match = RELATION_LINE.fullmatch(line)
                assert match, f"not a brat line: {line!r}"
                assert {match.group(3), match.group(4)} <= tags
    assert seen == expected


def _brat(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_files_from_windows_with_a_byte_order_mark_as_brat_counts_them(
    target: Project, tmp_path: Path
) -> None:
    """brat reads the .txt as bytes decoded: \\r\\n is two characters and the mark one."""
    raw = "\ufeff😀 قال المتحدث\r\nباسم الوزارة: «لا تعليق».\r\n"
    speaker = raw.index("المتحدث")
    claim = raw.index("«لا")
    ann = (
        f"T1\tPER {speaker} {speaker + 7}\tالمتحدث\n"
        f"T2\tclaim {claim} {claim + len('«لا تعليق»')}\t«لا تعليق»\n"
        f"T3\tPER {speaker} {raw.index('الوزارة') + 7}\tالمتحدث باسم الوزارة\n"
        "R1\tClaimant Arg1:T2 Arg2:T1\n"
        "#1\tAnnotatorNotes T1\tسطر\\nثان\n"
        "E1\tSpeak:T1\n"
        f"T4\tPER 0 1;{speaker} {speaker + 3}\t\ufeff الم\n"
        "A1\tNegated T1\n"
        "*\tEquiv T1 T3\n"
    ).encode()
    folder = _brat(tmp_path / "brat", {"a.txt": raw.encode(), "a.ann": ann})
    result = import_brat(target, folder)
    stored = target.documents.get(result.report.ids["documents"][1]).text
    assert stored == "😀 قال المتحدث\nباسم الوزارة: «لا تعليق».\n"
    quotes = {(s[3], s[4]) for s in fixture.spans(target)}
    assert quotes == {  # another tool's PER is the project's person
        ("person", "المتحدث"),
        ("claim", "«لا تعليق»"),
        ("person", "المتحدث\nباسم الوزارة"),
    }
    assert fixture.notes(target) == {("المتحدث", "سطر\nثان")}
    assert {c[1] for c in fixture.claims(target)} == {"المتحدث"}
    said = " ".join(result.notices)
    for what in ("discontinuous tags (1)", "events (1)", "attributes Hamish does not know (1)"):
        assert f"Left out: {what}." in said
    assert "equivalence sets (1)" in said


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tPER 0 300\tx\n", "line 1: the offsets '0 300' do not fit a.txt"),
        ("T1\tPER 4 x\tx\n", "the offsets '4 x' are not whole numbers"),
        # UTF-16 offsets (as a JavaScript tool counts) after the emoji: the text does not match.
        ("\nT1\tPER 7 14\tالمتحدث\n", "line 2: T1 covers “لمتحدث.” in the text, not “المتحدث”"),
        ("T1\tPER\n", "needs a type and offsets"),
        ("X1\tPER 0 1\tx\n", "'X1' is not a brat annotation id"),
        ("T1\tPER 6 13\tالمتحدث\n#1\tAnnotatorNotes\n", "needs a type and the annotation"),
    ],
)
def test_broken_ann_files_are_refused_with_the_line(
    target: Project, tmp_path: Path, ann: str, message: str
) -> None:
    raw = "قال 😀 المتحدث."
    folder = _brat(tmp_path / "brat", {"a.txt": raw.encode(), "a.ann": ann.encode()})
    with pytest.raises(ImportRejected, match=re.escape(message)):
        import_brat(target, folder)
    assert _count(target) == 0


def test_hostile_zips_are_refused(
    target: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "latin1.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("a.txt", "café".encode("latin-1"))
    with pytest.raises(ImportRejected, match=r"a.txt is not UTF-8 text \(invalid byte 0xe9"):
        import_brat(target, bad)
    monkeypatch.setattr(common, "UNPACKED_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", b"a" * (16 * 1024 * 1024))
    assert bomb.stat().st_size < 64 * 1024
    with pytest.raises(ImportRejected, match="unpacks to more than 1 MB"):
        import_brat(target, bomb)
    bzip = tmp_path / "bzip.zip"
    with zipfile.ZipFile(bzip, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("a.txt", b"text")
    with pytest.raises(ImportRejected, match="uses a compression Hamish does not read"):
        import_brat(target, bzip)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("annotation.conf", b"[entities]\n")
    with pytest.raises(ImportRejected, match="holds no article to import"):
        import_brat(target, empty)
    assert _count(target) == 0


def test_a_label_of_another_kind_keeps_the_projects_label(target: Project, tmp_path: Path) -> None:
    """brat says "note" is an entity type here; the project's note label is a marker."""
    folder = _brat(
        tmp_path / "brat",
        {
            "a.txt": "نص للتجربة".encode(),
            "a.ann": "T1\tnote 0 2\tنص\n".encode(),
            "annotation.conf": b"# hamish-label note entity\n[entities]\nnote\n",
        },
    )
    result = import_brat(target, folder)
    assert {s[3] for s in fixture.spans(target)} == {"note-2"}
    assert target.labels.by_key("note") is not None  # the project's own label is kept
    assert any("imported as note-2" in notice for notice in result.notices)


@pytest.mark.parametrize("note", ["", "a\\nb", "سطر\nسطر\\", "\\\\n", "tab\there"])
def test_note_escapes_are_one_line_and_come_back(note: str) -> None:
    line = escape(note)
    assert "\n" not in line and "\t" not in line
    assert unescape(line) == note.replace("\t", " ")


def test_too_many_tags_are_refused_while_reading(
    target: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.io.exchange.brat.SPANS", 10)
    ann = "".join(f"T{n}\tPER 0 2\tنص\n" for n in range(11))
    folder = _brat(tmp_path / "brat", {"a.txt": "نص".encode(), "a.ann": ann.encode()})
    with pytest.raises(ImportRejected, match="holds more than 10 tags"):
        import_brat(target, folder)
    assert _count(target) == 0


def test_a_member_name_with_control_characters_is_kept_escaped(
    target: Project, tmp_path: Path
) -> None:
    path = tmp_path / "names.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a\x1b]0;x\x07.txt", "نص للتجربة".encode())
    result = import_brat(target, path)
    document = target.documents.get(result.report.ids["documents"][1])
    assert "\x1b" not in document.origin and "\\x1b" in document.origin


def test_decisions_on_suggestions_are_said_to_be_left_out(source: Project, tmp_path: Path) -> None:
    """brat and XMI have no place for the analyst's decisions on suggestions: said, as the
    REFI-QDA and Web Annotation exports say it (a new user found them dropped silently)."""
    from desktop.io.exchange.xmi import export_xmi

    first = source.documents.summaries(None)[0].id
    source.decisions.record(
        first, "suggestion", 0, 4, source.documents.get(first).text[:4], "rejected"
    )
    assert (
        "Not carried: decisions on suggestions (1)." in export_brat(source, tmp_path / "b.zip").lost
    )
    assert (
        "Not carried: decisions on suggestions (1)." in export_xmi(source, tmp_path / "x.zip").lost
    )
