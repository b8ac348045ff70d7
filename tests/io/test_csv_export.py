"""CSV exports of annotations and claims: BOM, Arabic round trip, counts, safety, atomicity."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import HamishError
from desktop.io.exporters import csv_export
from desktop.io.exporters.csv_export import (
    ANNOTATION_COLUMNS,
    CLAIM_COLUMNS,
    cell,
    export_csv,
)
from desktop.io.exporters.progress import ExportCancelled
from desktop.store.project import Project
from tests.io.briefing_project import Briefing, build_briefing_project


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Briefing]]:
    project, info = build_briefing_project(tmp_path_factory.mktemp("csv") / "b.hamish")
    yield project, info
    project.close()


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_annotations_round_trip_with_bom(
    briefing: tuple[Project, Briefing], tmp_path: Path
) -> None:
    project, info = briefing
    path = tmp_path / "annotations.csv"
    summary = export_csv(project, path, "annotations")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read UTF-8, not the locale
    assert b"\r\n" in raw
    rows = read(path)
    expected = sum(len(project.annotations.for_document(d)) for d in info.documents)
    assert summary.rows == len(rows) == expected
    assert tuple(rows[0]) == ANNOTATION_COLUMNS
    texts = {d: project.documents.get(d).text for d in info.documents}
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert texts[int(row["document_id"])][start:end] == row["quote"]  # code points
    by_id = {int(r["annotation_id"]): r for r in rows}
    noted = by_id[info.annotations["rnow_mention"]]
    assert noted["note"] == "مصدر مجهول؛ الموقع Russia-Now.com مقرّب من الحكومة الروسية."
    assert noted["entity"] == "Russia-Now.com" and noted["label"] == "organisation"
    assert noted["label_name_ar"] == "منظمة" and noted["author"] == "سلمى"
    assert noted["document_title"].startswith("Russia-Now.com: بوتين")


def test_claims_with_claimant_subjects_and_links(
    briefing: tuple[Project, Briefing], tmp_path: Path
) -> None:
    project, info = briefing
    path = tmp_path / "claims.csv"
    summary = export_csv(project, path, "claims")
    rows = read(path)
    assert summary.rows == len(rows) == len(project.claims.rows()) == 7
    assert tuple(rows[0]) == CLAIM_COLUMNS
    by_id = {int(r["claim_id"]): r for r in rows}
    denial = by_id[info.claims["denial"]]
    assert denial["claimant"] == "دميتري بسكوف" and denial["stance"] == "denies"
    assert denial["status"] == "contested" and denial["grade"] == "B3"
    assert denial["reliability"] == "B" and denial["credibility"] == "3"
    assert denial["subjects"] == "جون كيري"
    assert denial["links"] == f"contradicts:{info.claims['offer']}"
    offer = by_id[info.claims["offer"]]
    assert offer["claimant"] == "" and offer["claimant_id"] == ""
    assert offer["links"] == f"contradicts:{info.claims['denial']} (from)"
    assert offer["subjects"] == "جون كيري; فلاديمير بوتين"


def test_documents_filter(briefing: tuple[Project, Briefing], tmp_path: Path) -> None:
    project, info = briefing
    path = tmp_path / "wire.csv"
    export_csv(project, path, "claims", [info.wire])
    assert [r["document_id"] for r in read(path)] == [str(info.wire)]
    with pytest.raises(HamishError, match="no document 999"):
        export_csv(project, tmp_path / "none.csv", "annotations", [999])
    assert not (tmp_path / "none.csv").exists()


def test_formulas_are_defused() -> None:
    assert cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert cell("+1") == "'+1" and cell("@SUM(A1)") == "'@SUM(A1)" and cell("-x") == "'-x"
    assert cell("قال") == "قال" and cell(-3) == -3 and cell(None) == "" and cell(True) == 1


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("a\x00b", "a\\x00b"),  # NUL: cuts the cell short in C tools
        ("\x1b]0;pwned\x07\x1b[2J\x1b[31mred", "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred"),
        ("vt\x0bff\x0cbs\x08", "vt\\x0bff\\x0cbs\\x08"),
        ("del\x7f c1\x85\x9b", "del\\x7f c1\\x85\\x9b"),
        ("report\u202efdp.exe", "report\\u202efdp.exe"),  # shows as "reportexe.pdf"
        ("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069"),
        ("\x1b=1+1", "\\x1b=1+1"),  # escaped first: no longer starts like a formula
        ("\u202e=cmd", "\\u202e=cmd"),
    ],
    ids=["nul", "terminal", "c0", "del-c1", "rlo", "embeddings", "isolates", "esc-eq", "rlo-eq"],
)
def test_hidden_characters_are_escaped_visibly(raw: str, written: str) -> None:
    assert cell(raw) == written


def test_ordinary_text_is_kept_as_it_is() -> None:
    """Tabs, line breaks and the marks Arabic text needs (RLM, LRM, ALM, ZWJ/ZWNJ) stay."""
    text = "سطر\tأول\r\nسطر ثانٍ \u200f(2016)\u200e \u061c\u200c\u200d"
    assert cell(text) == text
    assert cell("\t=1") == "'\t=1"  # formula protection unchanged


def test_no_control_character_reaches_the_file(tmp_path: Path) -> None:
    project, info = build_briefing_project(tmp_path / "c.hamish")
    with project:
        annotation = info.annotations["note_marker"]
        project.annotations.update(annotation, note="\x1b[2Jcleared\x00 \u202eabc\x9b")
        path = tmp_path / "hostile.csv"
        export_csv(project, path, "annotations", [info.seeds[0]])
    content = path.read_text(encoding="utf-8-sig")
    hidden = [c for c in content if c not in "\t\r\n" and unicodedata.category(c) == "Cc"]
    assert hidden == [] and "\u202e" not in content
    row = next(r for r in read(path) if r["annotation_id"] == str(annotation))
    assert row["note"] == "\\x1b[2Jcleared\\x00 \\u202eabc\\x9b"


def test_newlines_in_notes_stay_in_one_cell(tmp_path: Path) -> None:
    project, info = build_briefing_project(tmp_path / "n.hamish")
    with project:
        annotation = info.annotations["note_marker"]
        project.annotations.update(annotation, note='سطر أول\nسطر ثانٍ, مع فاصلة و"علامة"')
        path = tmp_path / "notes.csv"
        export_csv(project, path, "annotations", [info.seeds[0]])
    row = next(r for r in read(path) if r["annotation_id"] == str(annotation))
    assert row["note"] == 'سطر أول\nسطر ثانٍ, مع فاصلة و"علامة"'


def test_cancel_and_failure_leave_the_previous_file(
    briefing: tuple[Project, Briefing], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = briefing
    target = tmp_path / "a.csv"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_csv(project, target, "annotations", overwrite=True, cancelled=lambda: True)
    assert target.read_text(encoding="utf-8") == "previous"

    def broken(*_: object, **__: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_export.csv, "writer", broken)
    with pytest.raises(HamishError, match="left as it was"):
        export_csv(project, target, "claims", overwrite=True)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]
    with pytest.raises(HamishError, match="Unknown CSV export"):
        export_csv(project, target, "notes")  # type: ignore[arg-type]
