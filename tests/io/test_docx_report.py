"""The Word briefing: content, right-to-left properties, scopes and atomic writing.

Read back twice: with python-docx (what a reader sees: paragraphs, tables, styles, header and
footer) and as raw WordprocessingML (zipfile + lxml), because the properties that make Arabic
right in Word — ``w:bidi``, ``w:rtl``, ``w:rFonts/@w:cs``, ``w:szCs``, ``w:bCs``,
``w:bidiVisual`` — are invisible to python-docx's API.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop.core.errors import HamishError
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.exporters import docx_report
from desktop.io.exporters.bidi import protect_numbers, segments
from desktop.io.exporters.docx_report import export_docx
from desktop.io.exporters.progress import ExportCancelled
from desktop.io.exporters.report import (
    SECTIONS,
    STRINGS,
    ReportFilter,
    ReportOptions,
    ReportScope,
    build_report,
)
from desktop.store.project import Project
from tests.io.briefing_project import SUMMARY_AR, Briefing, build_briefing_project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
MARKING = "للاستخدام الداخلي"


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    assert prefix == "w"
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Briefing]]:
    """Built once: the tests only read the project."""
    project, info = build_briefing_project(tmp_path_factory.mktemp("briefing") / "b.hamish")
    yield project, info
    project.close()


def options(**changes: object) -> ReportOptions:
    base: dict[str, object] = {
        "title": "سوريا: المحادثات الأميركية الروسية",
        "author": "سلمى",
        "date": "2024-05-02",
        "summary": SUMMARY_AR,
    }
    base.update(changes)
    return ReportOptions(**base)  # type: ignore[arg-type]


def parts(path: Path) -> dict[str, etree._Element]:
    """document.xml, every header and footer, and styles.xml, parsed."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*|styles)\.xml", name)
        }


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("w:t")))


def is_on(element: etree._Element | None) -> bool:
    return element is not None and element.get(q("w:val")) not in ("0", "false", "off")


def text_runs(root: etree._Element) -> Iterator[etree._Element]:
    for run in root.iter(q("w:r")):
        if "".join(t.text or "" for t in run.iter(q("w:t"))).strip():
            yield run


@pytest.fixture(scope="module")
def arabic_report(
    briefing: tuple[Project, Briefing], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    project, _ = briefing
    path = tmp_path_factory.mktemp("ar") / "report.docx"
    export_docx(project, path, options(include_full_texts=True))
    return path


@pytest.fixture(scope="module")
def english_report(
    briefing: tuple[Project, Briefing], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    project, _ = briefing
    path = tmp_path_factory.mktemp("en") / "report.docx"
    export_docx(
        project,
        path,
        options(
            language="en",
            title="Syria: US–Russian talks",
            summary="Sources agree on steps to rescue the truce.",
            include_full_texts=True,
        ),
    )
    return path


# --- right to left ----------------------------------------------------------------------------
def test_every_arabic_paragraph_is_bidi_and_never_right_aligned(arabic_report: Path) -> None:
    checked = 0
    for name, root in parts(arabic_report).items():
        if name.endswith("styles.xml"):
            continue
        for p in root.iter(q("w:p")):
            ppr = p.find(q("w:pPr"))
            jc = None if ppr is None else ppr.find(q("w:jc"))
            assert jc is None or jc.get(q("w:val")) != "right", paragraph_text(p)
            if ARABIC.search(paragraph_text(p)):
                checked += 1
                assert ppr is not None and is_on(ppr.find(q("w:bidi"))), paragraph_text(p)
    assert checked > 100


def test_runs_carry_complex_script_font_size_and_bold(arabic_report: Path) -> None:
    root = parts(arabic_report)["word/document.xml"]
    runs = list(text_runs(root))
    assert len(runs) > 300
    bold = 0
    for run in runs:
        text = "".join(t.text or "" for t in run.iter(q("w:t")))
        rpr = run.find(q("w:rPr"))
        assert rpr is not None, text
        fonts = rpr.find(q("w:rFonts"))
        assert fonts is not None and fonts.get(q("w:cs")) == "Noto Naskh Arabic", text
        assert fonts.get(q("w:ascii")) and fonts.get(q("w:hAnsi")), text
        assert rpr.find(q("w:szCs")) is not None and rpr.find(q("w:sz")) is not None, text
        if is_on(rpr.find(q("w:b"))):
            bold += 1
            assert is_on(rpr.find(q("w:bCs"))), text
        if ARABIC.search(text):
            assert rpr.find(q("w:rtl")) is not None, text
        elif LATIN.search(text):
            assert rpr.find(q("w:rtl")) is None, text
    assert bold > 20


def test_latin_inside_arabic_is_one_left_to_right_run(arabic_report: Path) -> None:
    root = parts(arabic_report)["word/document.xml"]
    found = 0
    for p in root.iter(q("w:p")):
        text = paragraph_text(p)
        if "Russia-Now.com" not in text or not ARABIC.search(text):
            continue
        assert is_on(p.find("w:pPr/w:bidi", NS))
        pieces = [
            ("".join(t.text or "" for t in r.iter(q("w:t"))), r.find("w:rPr/w:rtl", NS) is None)
            for r in p.iter(q("w:r"))
        ]
        assert ("Russia-Now.com", True) in [(t.strip(" :."), ltr) for t, ltr in pieces]
        found += 1
    assert found >= 3


def test_tables_sections_and_styles_are_right_to_left(arabic_report: Path) -> None:
    xml = parts(arabic_report)
    root = xml["word/document.xml"]
    tables = root.findall(".//w:tbl", NS)
    assert len(tables) == 3  # claims, contradictions, entities
    for table in tables:
        assert is_on(table.find("w:tblPr/w:bidiVisual", NS))
    assert is_on(root.find(".//w:body/w:sectPr/w:bidi", NS))
    styles = xml["word/styles.xml"]
    for style_id in ("Normal", "Title", "Heading1", "Heading2", "Quote"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert style is not None
        fonts = style.find("w:rPr/w:rFonts", NS)
        assert fonts is not None and fonts.get(q("w:cs")) == "Noto Naskh Arabic"
        assert fonts.get(q("w:cstheme")) is None and fonts.get(q("w:asciiTheme")) is None
        assert style.find("w:rPr/w:szCs", NS) is not None
    heading = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert heading is not None and is_on(heading.find("w:rPr/w:bCs", NS))
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal is not None and is_on(normal.find("w:pPr/w:bidi", NS))
    # No theme font is left for Arabic anywhere in the styles.
    assert not styles.xpath("//w:rFonts[@w:cstheme]", namespaces=NS)


def test_english_report_is_left_to_right(english_report: Path) -> None:
    xml = parts(english_report)
    root = xml["word/document.xml"]
    assert root.find(".//w:bidiVisual", NS) is None
    assert root.find(".//w:body/w:sectPr/w:bidi", NS) is None
    normal = xml["word/styles.xml"].find("w:style[@w:styleId='Normal']", NS)
    assert normal is not None and normal.find("w:pPr/w:bidi", NS) is None
    english = arabic = 0
    for name, part in xml.items():
        if name.endswith("styles.xml"):
            continue
        for p in part.iter(q("w:p")):
            text = paragraph_text(p)
            if ARABIC.search(text):
                arabic += 1
                if not LATIN.search(text):
                    assert is_on(p.find("w:pPr/w:bidi", NS)), text  # quotes stay RTL
            elif LATIN.search(text):
                english += 1
                assert p.find("w:pPr/w:bidi", NS) is None, text
                assert p.find(".//w:rtl", NS) is None, text
    assert english > 30 and arabic > 20
    document = docx.Document(str(english_report))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:6] == [STRINGS[f"section.{key}"][1] for key in SECTIONS]


# --- content ----------------------------------------------------------------------------------
def test_cover_header_and_footer_carry_the_marking(arabic_report: Path) -> None:
    document = docx.Document(str(arabic_report))
    section = document.sections[0]
    assert MARKING in [p.text for p in section.header.paragraphs]
    assert MARKING in [p.text for p in section.footer.paragraphs]
    assert not section.different_first_page_header_footer  # so the cover has it too
    title = document.paragraphs[1]
    assert title.style.name == "Title" and title.text == "سوريا: المحادثات الأميركية الروسية"
    cover = "\n".join(p.text for p in document.paragraphs[:12])
    assert "أعدّها: سلمى" in cover and MARKING in cover
    assert document.core_properties.title == title.text
    assert document.core_properties.author == "سلمى"


def _sections(document: docx.document.Document) -> dict[str, list[docx.text.paragraph.Paragraph]]:
    """Body paragraphs grouped under their Heading 1."""
    groups: dict[str, list[docx.text.paragraph.Paragraph]] = {}
    current = ""
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            groups[current] = []
        elif current:
            groups[current].append(p)
    return groups


def test_counts_match_the_project(arabic_report: Path, briefing: tuple[Project, Briefing]) -> None:
    project, info = briefing
    document = docx.Document(str(arabic_report))
    claims_table, contradictions_table, entities_table = document.tables
    assert len(claims_table.rows) - 1 == len(project.claims.rows()) == 7
    involved = {
        e.id
        for e in project.entities.summaries()
        if e.mentions or any(c.claim.claimant_id == e.id for c in project.claims.rows())
    } | {s for c in project.claims.rows() for s in c.claim.subjects}
    assert info.entities["registry_only"] not in involved
    assert len(entities_table.rows) - 1 == len(involved) == 7
    names = [row.cells[0].text for row in entities_table.rows[1:]]
    assert "Russia-Now.com" in names and "مجموعة أصدقاء سوريا" not in names
    kerry = next(row for row in entities_table.rows if row.cells[0].text == "جون كيري")
    assert kerry.cells[3].text == "6" and kerry.cells[4].text == "5"  # mentions, articles
    assert "John Kerry" in kerry.cells[2].text
    expected_excerpts = 0
    for doc_id in info.documents:
        for a in project.annotations.for_document(doc_id):
            kind = project.labels.get(a.label_id).kind
            expected_excerpts += kind in ("claim", "note") or bool(a.note.strip())
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert len(quotes) == expected_excerpts == 10
    assert len(contradictions_table.rows) - 1 == 2


def test_citations_match_the_sources_list(arabic_report: Path) -> None:
    document = docx.Document(str(arabic_report))
    groups = _sections(document)
    sources = [p.text for p in groups["المصادر"] if p.text.strip()]
    assert len(sources) == 7
    for number, text in enumerate(sources, start=1):
        assert text.startswith(f"[{number}] ")
    cited = set()
    for p in groups["مقتطفات وملاحظات"]:
        if p.style.name == "Quote":
            match = re.search(r"\[(\d+)\]$", p.text)
            assert match, p.text
            cited.add(int(match.group(1)))
    assert cited <= set(range(1, len(sources) + 1))
    # Every cited number is the article the excerpt sits under (Heading 2 "title [n]").
    heading_numbers = {
        int(m.group(1))
        for p in document.paragraphs
        if p.style.name == "Heading 2" and (m := re.search(r"\[(\d+)\]$", p.text))
    }
    assert cited <= heading_numbers
    assert "https://russia-now.com/ar/news/putin-kerry-meeting" in "\n".join(sources)


def test_contradictions_are_side_by_side(arabic_report: Path) -> None:
    document = docx.Document(str(arabic_report))
    table = document.tables[1]
    assert len(table.columns) == 2
    assert [c.text for c in table.rows[0].cells] == ["الادعاء", "الادعاء المناقض"]
    rows = [(r.cells[0].text, r.cells[1].text) for r in table.rows[1:]]
    assert any("لا صحة لكلّ الأخبار" in left and "خريطة العمليات" in right for left, right in rows)
    assert any("بوتين لن يلتقي" in left and "اجتماع وزير الخارجية" in right for left, right in rows)
    assert any("دميتري بسكوف (ينفي)" in left for left, _ in rows)


def test_full_texts_shade_the_highlights(arabic_report: Path) -> None:
    root = parts(arabic_report)["word/document.xml"]
    shaded = [
        "".join(t.text or "" for t in r.iter(q("w:t")))
        for r in root.iter(q("w:r"))
        if r.find("w:rPr/w:shd", NS) is not None
    ]
    joined = "".join(shaded)
    for quote in ("لوس كابوس", "دميتري بسكوف", "Russia-Now.com", "John Kerry"):
        assert quote in joined


def test_sections_and_order_are_options(briefing: tuple[Project, Briefing], tmp_path: Path) -> None:
    project, _ = briefing
    path = tmp_path / "two.docx"
    export_docx(project, path, options(sections=("sources", "claims")))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["المصادر", "الادعاءات الرئيسية"]
    assert len(document.tables) == 1


def test_scopes(briefing: tuple[Project, Briefing]) -> None:
    project, info = briefing
    s3 = info.seeds[3]
    current = build_report(project, options(scope=ReportScope("current", (s3,))))
    assert [s.document_id for s in current.sources] == [s3]
    assert {c.document_id for c in current.claims} == {s3}
    assert len(current.contradictions) == 1  # denial vs offer; the other pair is elsewhere
    assert current.scope_label.startswith("المقال الحالي: ")

    chosen = build_report(
        project, options(scope=ReportScope("selected", (info.wire, info.seeds[4])))
    )
    assert [s.number for s in chosen.sources] == [1, 2]
    assert len(chosen.contradictions) == 1

    refuted = build_report(
        project, options(scope=ReportScope("filter", filter=ReportFilter(claim_status="refuted")))
    )
    assert [s.document_id for s in refuted.sources] == [info.wire]
    assert [c.status for c in refuted.claims] == ["refuted"]

    peskov = build_report(
        project,
        options(
            scope=ReportScope("filter", filter=ReportFilter(entity_id=info.entities["peskov"]))
        ),
    )
    assert [c.claimant for c in peskov.claims] == ["دميتري بسكوف"]
    assert {e.quote for e in peskov.excerpts} >= {"دميتري بسكوف"}

    note_label = project.labels.by_key("note")
    assert note_label is not None
    notes = build_report(
        project, options(scope=ReportScope("filter", filter=ReportFilter(label_id=note_label.id)))
    )
    assert [e.quote for e in notes.excerpts] == ["لوس كابوس"]

    with pytest.raises(HamishError, match="at least one article"):
        build_report(project, options(scope=ReportScope("selected", ())))
    with pytest.raises(HamishError, match="no document 999"):
        build_report(project, options(scope=ReportScope("selected", (999,))))


def test_outline_counts_and_language(briefing: tuple[Project, Briefing]) -> None:
    project, _ = briefing
    report = build_report(project, options(language="en", include_full_texts=True))
    lines = [entry.line() for entry in report.outline()]
    assert lines == [
        "Executive summary — 2 paragraphs",
        "Key claims — 7 claims",
        "Contradictions — 2 contradictions",
        "Entities — 7 entities",
        "Excerpts and notes — 10 excerpts",
        "Sources — 7 sources",
        "Appendix: full texts — 7 texts",
    ]
    arabic = build_report(project, options(sections=("claims",)))
    assert [e.line() for e in arabic.outline()] == ["الادعاءات الرئيسية — عدد الادعاءات: 7"]


def test_every_fixed_string_exists_in_both_languages() -> None:
    for key, (arabic, english) in STRINGS.items():
        assert arabic.strip() and english.strip(), key
        assert ARABIC.search(arabic) or not ARABIC.search(english), key


def test_options_survive_settings_and_junk() -> None:
    chosen = options(
        scope=ReportScope("filter", filter=ReportFilter(label_id=3, claim_status="refuted")),
        sections=("claims", "summary"),
        include_full_texts=True,
    )
    assert ReportOptions.from_dict(chosen.to_dict()) == chosen
    junk = ReportOptions.from_dict(
        {"language": "fr", "scope": "everything", "sections": ["x", "claims", "claims"], "title": 5}
    )
    assert junk.language == "ar" and junk.scope.kind == "project"
    assert junk.sections == ("claims",) and junk.title == ""


# --- progress, cancel and failure ---------------------------------------------------------------
def test_progress_is_reported_and_reaches_the_end(
    briefing: tuple[Project, Briefing], tmp_path: Path
) -> None:
    project, _ = briefing
    seen: list[tuple[int, int, str]] = []
    export_docx(
        project,
        tmp_path / "p.docx",
        options(include_full_texts=True),
        progress=lambda d, t, m: seen.append((d, t, m)),
    )
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and len(seen) > 10
    assert seen[-1][0] == seen[-1][1]


@pytest.mark.parametrize("stop_after", [1, 8, 20])
def test_cancel_leaves_no_file(
    briefing: tuple[Project, Briefing], tmp_path: Path, stop_after: int
) -> None:
    project, _ = briefing
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > stop_after

    target = tmp_path / "report.docx"
    with pytest.raises(ExportCancelled):
        export_docx(project, target, options(include_full_texts=True), cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_cancel_and_failure_leave_an_existing_file_untouched(
    briefing: tuple[Project, Briefing], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = briefing
    target = tmp_path / "report.docx"
    target.write_bytes(b"the previous briefing")
    with pytest.raises(ExportCancelled):
        export_docx(project, target, options(), overwrite=True, cancelled=lambda: True)
    assert target.read_bytes() == b"the previous briefing"

    def full_disk(self: Path, data: bytes) -> int:
        # The zip is made in memory; writing it into the temporary file is what fails.
        with open(self, "wb") as file:
            file.write(bytes(data[:10]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(HamishError, match=r"No space left on device.*left as it was"):
        export_docx(project, target, options(), overwrite=True)
    assert target.read_bytes() == b"the previous briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]

    def bug(*_: object, **__: object) -> None:
        raise RuntimeError("a bug half-way through")

    monkeypatch.undo()
    monkeypatch.setattr(docx_report._Writer, "entities", bug)
    with pytest.raises(RuntimeError):
        export_docx(project, target, options(), overwrite=True)
    assert target.read_bytes() == b"the previous briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_refuses_to_overwrite_the_project(briefing: tuple[Project, Briefing]) -> None:
    project, _ = briefing
    with pytest.raises(HamishError, match="project itself"):
        export_docx(project, project.path, options())


# --- the direction helpers ----------------------------------------------------------------------
def test_segments_keep_latin_and_numbers_in_order() -> None:
    assert segments("نقل موقع Russia-Now.com عن مصدر", True) == [
        ("نقل موقع ", True),
        ("Russia-Now.com", False),
        (" عن مصدر", True),
    ]
    assert segments("Kerry met بوتين in Moscow.", False) == [
        ("Kerry met ", False),
        ("بوتين", True),
        (" in Moscow.", False),
    ]
    assert segments("في 2015 قال", True) == [("في 2015 قال", True)]
    assert segments("وَقَالَ", True) == [("وَقَالَ", True)]  # marks stay with their letters
    assert segments("", True) == []


def test_dates_after_arabic_get_a_left_to_right_mark() -> None:
    assert protect_numbers("التاريخ: 2016-07-16") == "التاريخ: \u200e2016-07-16"
    assert protect_numbers("Date: 2016-07-16") == "Date: 2016-07-16"
    assert protect_numbers("2016-07-16", before="الشروق · ") == "\u200e2016-07-16"
    assert protect_numbers("في 2015 قال") == "في 2015 قال"  # a lone number is fine as it is


def test_control_characters_and_emoji_do_not_break_the_export(tmp_path: Path) -> None:
    """Text from PDFs can hold form feeds and other codes XML cannot carry."""
    with Project.open(tmp_path / "odd.hamish") as project:
        # As a project imported before imports removed control characters holds them.
        raw = "قال\x0cالمتحدث\tإن 😀 الاتفاق\x01 صامد."
        draft = make_draft(raw)._replace(text=raw, title="عنوان\x0b غريب")
        doc = project.documents.add(draft)
        label = project.labels.by_key("note")
        assert label is not None
        project.annotations.add(
            prepare_annotation(
                project.documents.get(doc).text, doc, 4, 11, label.id, "x", note="ملاحظة\x0c"
            )
        )
        target = tmp_path / "odd.docx"
        export_docx(project, target, options(title="تقرير\x0c", include_full_texts=True))
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "الاتفاق  صامد" in text and "😀" in text and "\x0c" not in text


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "\\\\evil.example\\share\\x",
        "ms-msdt:/id PCWDiagnostic",
        "http://x/\x01y",
    ],
)
def test_only_web_addresses_become_links_in_the_briefing(url: str, tmp_path: Path) -> None:
    """An imported project's address could be javascript:, file:, a Windows share (clicking
    it leaks the reader's credentials) or ms-msdt: ("Follina"): each was written as a live
    external link; one with a control character crashed the export with a traceback."""
    project, _ = build_briefing_project(tmp_path / "p.hamish")
    with project:
        first = project.documents.summaries()[0].id
        project.database.conn.execute("UPDATE documents SET url = ? WHERE id = ?", (url, first))
        path = tmp_path / "r.docx"
        export_docx(project, path, options(sections=("sources",)))
    with zipfile.ZipFile(path) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
    targets = re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', rels)
    assert targets, "the other sources' web addresses are still links"
    assert all(t.startswith(("http://", "https://")) for t in targets), targets
    assert not any("\x01" in t or "evil" in t or "javascript" in t for t in targets)


def _document_text(path: Path) -> str:
    return "\n".join(
        paragraph_text(p) for root in parts(path).values() for p in root.iter(q("w:p"))
    )


def _store_name(project: Project, entity_id: int, name: str) -> None:
    """An entity's name as an older Hamish stored it: the edits refuse it now."""
    project.database.conn.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])


def test_bidi_controls_the_analyst_typed_never_reach_the_briefing(tmp_path: Path) -> None:
    # Shown in the PDF as "Status: not confirmed ok" and "vorvaL": the stored text and what
    # the reader saw differed.
    project, info = build_briefing_project(tmp_path / "b.hamish")
    try:
        # Names stored before the edits refused bidi formatting (core/values.py).
        _store_name(project, info.entities["lavrov"], "\u202eLavrov")
        _store_name(project, info.entities["kerry"], "\u2067Kerry\u2069 \u200fكيري")
        project.claims.update(info.claims["agreed"], summary="Status: \u202edemrifnoc ton\u202c ok")
        label = project.labels.by_key("claim")
        assert label is not None
        project.labels.update(label.id, name_en="\u202dClaim\u202c", name_ar="\u202bادعاء\u202c")
        # A quoted passage holding an override (an imported article's): the claim's and an
        # excerpt's quote, printed as they read in the article (found by an attacker).
        with project.database.transaction():
            project.database.conn.execute(
                "UPDATE annotations SET quote = ? WHERE id IN (?, ?)",
                ["واشنطن\u202eوموسكو", info.annotations["agreed"], info.annotations["note_marker"]],
            )
        # A claim's date stored with an override (a hand-made project; edits refuse it).
        conn = project.database.conn
        conn.execute("PRAGMA ignore_check_constraints = ON")
        with project.database.transaction():
            conn.execute(
                "UPDATE claims SET claimed_on = ? WHERE id = ?",
                ["\u202e2024-05-01", info.claims["agreed"]],
            )
        conn.execute("PRAGMA ignore_check_constraints = OFF")
        path = tmp_path / "report.docx"
        export_docx(project, path, options(title="\u202eeltit", author="\u202aسلمى", language="en"))
    finally:
        project.close()
    text = _document_text(path)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", text)
    assert "Status: demrifnoc ton ok" in text
    assert "Lavrov" in text and "eltit" in text
    assert "Kerry \u200fكيري" in text  # the RLM, a mark of Arabic typing, stays
    assert "واشنطنوموسكو" in text
    assert "2024-05-01" in text


def test_a_name_of_ten_thousand_characters_is_printed_whole_once(tmp_path: Path) -> None:
    # Printed whole in every claim row and "about:" line, it made a 7-page briefing 368 pages.
    project, info = build_briefing_project(tmp_path / "b.hamish")
    long_name = " ".join(["كيري"] * 2_000)
    try:
        _store_name(project, info.entities["kerry"], long_name)  # longer than edits allow
        path = tmp_path / "report.docx"
        export_docx(project, path, options())
    finally:
        project.close()
    text = _document_text(path)
    assert text.count(long_name) == 1  # in the entities table
    assert text.count(" ".join(["كيري"] * 16) + "…") >= 4  # claimant, subjects, mention
    assert len(text) < 40_000


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ('"مصر لن تقبل بأي حال"', "مصر لن تقبل بأي حال"),  # a trial's «"…"»
        ("«سنرى قريبا»", "سنرى قريبا"),
        ("“we will see”", "we will see"),
        ('"a" and "b"', '"a" and "b"'),  # two pairs: kept
        ('قال "نعم"', 'قال "نعم"'),  # marks inside, not around
        ('"', '"'),
    ],
)
def test_a_passage_with_its_own_quotation_marks_is_not_quoted_twice(
    quote: str, expected: str
) -> None:
    from desktop.io.exporters.word.sections import without_own_quotes

    assert without_own_quotes(quote) == expected
