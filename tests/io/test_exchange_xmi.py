"""UIMA CAS XMI (INCEpTION): export → import round trip, offsets read back by dkpro-cassis
itself (and the raw XMI's UTF-16 numbers), INCEpTION-style files with layers Hamish does not
know, and hostile files refused with nothing written."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import cassis
import pytest

from desktop.core.errors import ImportRejected
from desktop.io.exchange import common
from desktop.io.exchange.xmi import CLAIM, NAMED_ENTITY, export_xmi, import_xmi, type_system
from desktop.store.project import Project
from tests.io import exchange_project as fixture

REPO = Path(__file__).resolve().parents[2]


def test_round_trip_keeps_texts_spans_labels_entities_and_claims(
    source: Project, target: Project, tmp_path: Path
) -> None:
    out = tmp_path / "inception.zip"
    summary = export_xmi(source, out)
    assert (summary.documents, summary.annotations) == (2, 12)
    result = import_xmi(target, out)
    assert result.notices == []
    assert fixture.spans(target) == fixture.spans(source)  # nested and overlapping included
    assert fixture.entity_links(target) == fixture.entity_links(source)
    assert fixture.claims(target) == fixture.claims(source)
    # What XMI cannot hold is said in the summary, not lost silently.
    assert "Not carried: links between claims (2)." in summary.lost
    assert "Not carried: notes on tags other than claims (2)." in summary.lost
    # An article's author, source and date and an entity's aliases were dropped unsaid.
    assert "Not carried: article authors, sources and publication dates (1)." in summary.lost
    kerry = next(e for e in source.entities.summaries() if e.name == "جون كيري")
    source.entities.set_aliases(kerry.id, ("كيري",))
    again = export_xmi(source, tmp_path / "again.zip")
    assert "Not carried: entity aliases, descriptions and notes (1)." in again.lost
    claim_notes = {(q, n) for q, n in fixture.notes(source) if q == "«الاتفاق صامد»"}
    assert claim_notes <= fixture.notes(target)


def test_offsets_read_back_by_cassis_and_counted_in_utf16(source: Project, tmp_path: Path) -> None:
    out = tmp_path / "inception.zip"
    export_xmi(source, out)
    texts = {
        row[0]: row[1]
        for row in source.database.conn.execute("SELECT id, text FROM documents").fetchall()
    }
    expected = {
        (row[0], row[1], row[2])
        for row in source.database.conn.execute(
            'SELECT document_id, start, "end" FROM annotations'
        ).fetchall()
    }
    seen = set()
    with zipfile.ZipFile(out) as archive:
        types = cassis.load_typesystem(archive.read("TypeSystem.xml").decode())
        for name in archive.namelist():
            if not name.endswith(".xmi"):
                continue
            document_id = int(re.findall(r"\d+", name)[0])
            raw = archive.read(name).decode()
            cas = cassis.load_cas_from_xmi(raw, typesystem=types)
            assert cas.sofa_string == texts[document_id]
            for annotation in [*cas.select(NAMED_ENTITY), *cas.select(CLAIM)]:
                text = texts[document_id]
                assert annotation.get_covered_text() == text[annotation.begin : annotation.end]
                seen.add((document_id, annotation.begin, annotation.end))
            # The file itself counts UTF-16 units, as Java does: the emoji before a name.
            begins = {
                int(element.get("begin", "0"))
                for element in ElementTree.fromstring(raw)
                if element.tag.endswith("NamedEntity")
            }
            if document_id == 1:
                speaker = texts[1].index("المتحدث")
                assert speaker + 1 in begins and speaker not in begins
    assert seen == expected


def test_text_from_windows_and_inception_layers_hamish_does_not_know(
    target: Project, tmp_path: Path
) -> None:
    """An INCEpTION export: \\r\\n in the text, tokens and sentences, a layer of its own."""
    types = type_system()
    token = types.create_type(
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", "uima.tcas.Annotation"
    )
    custom = types.create_type("webanno.custom.Rumour", "uima.tcas.Annotation")
    text = "😀 قال\r\nالمتحدث باسم الوزارة"
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = text
    entity = types.get_type(NAMED_ENTITY)
    start = text.index("المتحدث")
    cas.add(entity(begin=start, end=start + 7, value="PER", identifier="المتحدث الرسمي"))
    cas.add(entity(begin=start + 13, end=len(text), value="person"))
    cas.add(token(begin=0, end=1))
    cas.add(token(begin=2, end=5))
    cas.add(custom(begin=0, end=1))
    path = tmp_path / "doc.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("TypeSystem.xml", types.to_xml())
        archive.writestr("doc.xmi", cas.to_xmi())
    result = import_xmi(target, path)
    stored = target.documents.get(result.report.ids["documents"][1]).text
    assert stored == "😀 قال\nالمتحدث باسم الوزارة"
    speaker, ministry = stored.index("المتحدث"), stored.index("الوزارة")
    assert fixture.spans(target) == {  # one code point earlier than in the file: the \r
        (stored, speaker, speaker + 7, "person", "المتحدث"),  # INCEpTION's PER is a person
        (stored, ministry, len(stored), "person", "الوزارة"),
    }
    assert fixture.entity_links(target) == {("المتحدث", "المتحدث الرسمي", "person")}
    assert "Tags labelled PER were imported as Person tags." in result.notices
    joined = " ".join(result.notices)
    assert "annotations of type" in joined and "Token" in joined and "Rumour" in joined


def _kerry_in_geneva() -> tuple[cassis.TypeSystem, cassis.Cas, str, type]:
    """A CAS of one sentence with «جون كيري» tagged as a person: its type system, text and
    NamedEntity type, for a test to add its own tags."""
    types = type_system()
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = text = "قال وزير الخارجية جون كيري في جنيف"
    entity = types.get_type(NAMED_ENTITY)
    kerry = text.index("جون كيري")
    cas.add(entity(begin=kerry, end=kerry + 8, value="person"))
    return types, cas, text, entity


def test_a_tag_that_covers_no_text_is_left_out_not_the_whole_file(
    target: Project, tmp_path: Path
) -> None:
    """INCEpTION can hold a zero-width NamedEntity: it is listed as left out and the rest
    comes in (the whole file was refused as "covers 36–36, outside the text")."""
    types, cas, text, entity = _kerry_in_geneva()
    kerry = text.index("جون كيري")
    cas.add(entity(begin=10, end=10, value="location"))
    path = tmp_path / "doc.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("TypeSystem.xml", types.to_xml())
        archive.writestr("doc.xmi", cas.to_xmi())
    result = import_xmi(target, path)
    assert fixture.spans(target) == {(text, kerry, kerry + 8, "person", "جون كيري")}
    assert "Left out: tags that cover no text (1)." in result.notices


def _count(project: Project) -> int:
    return int(project.database.conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmi:version="2.0">
<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" sofaString="&lol2;"/></xmi:XMI>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" xmi:version="2.0">
<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" sofaString="&secret;"/></xmi:XMI>"""


def _outside() -> bytes:
    types = type_system()
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = "نص قصير"
    cas.add(types.get_type(NAMED_ENTITY)(begin=0, end=3, value="person"))
    return re.sub(r'end="3"', 'end="300"', cas.to_xmi()).encode()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"a.xmi": BILLION_LAUGHS}, "declares a document type or entities"),
        ({"a.xmi": EXTERNAL}, "declares a document type or entities"),
        ({"TypeSystem.xml": BILLION_LAUGHS, "a.xmi": b"<x/>"}, "declares a document type"),
        ({"a.xmi": b"<xmi:XMI"}, "is not a UIMA CAS XMI file that Hamish can read"),
        ({"a.xmi": b"\xff\xfe<\x00"}, "is not UTF-8 XML"),
        ({"a.xmi": _outside()}, "outside the text of 7 characters"),
        ({"notes.txt": b"hello"}, "holds no .xmi file"),
        ({"TypeSystem.xml": b"<typeSystemDescription><types><typeDescription>"}, "no .xmi"),
    ],
)
def test_hostile_files_are_refused_and_nothing_is_written(
    target: Project, tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    path = _zip(tmp_path / "bad.zip", members)
    with pytest.raises(ImportRejected, match=re.escape(message)):
        import_xmi(target, path)
    assert _count(target) == 0


def test_a_zip_bomb_is_stopped_on_what_is_read(
    target: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "UNPACKED_BYTES", 1024 * 1024)
    path = _zip(tmp_path / "bomb.zip", {"a.xmi": b"\0" * (8 * 1024 * 1024)})
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(ImportRejected, match="unpacks to more than 1 MB"):
        import_xmi(target, path)
    assert _count(target) == 0


def test_not_a_zip_and_a_single_xmi_file(source: Project, target: Project, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportRejected, match="is not a readable zip archive"):
        import_xmi(target, bad)
    out = tmp_path / "inception.zip"
    export_xmi(source, out, [1])
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "one.xmi").write_bytes(archive.read("article-00001.xmi"))
    result = import_xmi(target, tmp_path / "one.xmi")  # no TypeSystem.xml beside it
    assert result.report.documents == 1 and result.report.annotations == 8


def test_cassis_is_loaded_only_when_the_format_is_used() -> None:
    code = (
        "import sys, desktop.commands, desktop.io.exchange.xmi, desktop.io.exchange.common;"
        "assert 'cassis' not in sys.modules, 'cassis imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_reading_the_zip_lists_nothing_it_did_not_read() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("a.xmi", b"x")
        archive.writestr("a.xmi", b"y")  # the same name twice
    with pytest.raises(ImportRejected, match=r"lists a\.xmi twice"):
        common.read_zip(data.getvalue(), "dup.zip", lambda name: True)


def test_too_many_elements_are_refused_before_cassis_parses_them(
    target: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.io.exchange.xmi.SPANS", 10)
    elements = "".join(f'<x:A xmi:id="{n}"/>' for n in range(11))
    path = _zip(tmp_path / "many.zip", {"a.xmi": f"<xmi:XMI>{elements}</xmi:XMI>".encode()})
    with pytest.raises(ImportRejected, match="holds more than 10 tags"):
        import_xmi(target, path)
    assert _count(target) == 0


def test_an_element_of_too_many_attributes_is_refused_before_cassis_reads_it(
    target: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cassis reads an element's attributes in time growing with their square: 100,000 (a
    458 KB zip) took three minutes before the file was refused (found by an attacker)."""
    monkeypatch.setattr("desktop.io.exchange.xmi.ATTRIBUTES", 10)
    attributes = " ".join(f'a{n}="{n}"' for n in range(11))
    xml = f'<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><A xmi:id="1" {attributes}/></xmi:XMI>'
    path = _zip(tmp_path / "wide.zip", {"a.xmi": xml.encode()})
    with pytest.raises(ImportRejected, match="more than 10 attributes"):
        import_xmi(target, path)
    assert _count(target) == 0


def test_characters_xml_cannot_hold_are_written_as_replacements_in_place(
    tmp_path: Path, target: Project
) -> None:
    """Found by an attacker: a text file's U+FFFF (kept in the article) or a U+FFFE in a name
    made the XMI export fail with a traceback ("All strings must be XML compatible"). Each is
    written as U+FFFD, one for one, so every tag still covers its words; the summary says so."""
    from desktop.core.text import make_draft

    source = Project.open(tmp_path / "nc.hamish")
    try:
        text = "قال كيري\uffff إن\ufffe الاتفاق تم."
        doc = source.documents.add(make_draft(text, title="عنوان\ufffe"))
        person = source.entities.add("كيري\ufffe", "person")
        fixture.tag(source, doc, "كيري", "person", entity_id=person)
        fixture.tag(source, doc, "الاتفاق", "event")
        out = tmp_path / "nc.zip"
        summary = export_xmi(source, out)
        assert "characters XML cannot hold" in " ".join(summary.lost)
        import_xmi(target, out)
        shown = text.replace("\uffff", "\ufffd").replace("\ufffe", "\ufffd")
        assert {(s[1], s[2], s[4]) for s in fixture.spans(target)} == {
            (4, 8, "كيري"),
            (text.index("الاتفاق"), text.index("الاتفاق") + 7, "الاتفاق"),
        }
        assert {s[0] for s in fixture.spans(target)} == {shown}
    finally:
        source.close()


def test_tags_outside_the_view_and_a_second_text_are_listed_as_left_out(
    target: Project, tmp_path: Path
) -> None:
    """An attack's NamedEntity not listed among the view's members, and a second sofa, were
    left out without a word."""
    import re

    types, cas, text, entity = _kerry_in_geneva()
    geneva = entity(begin=text.index("جنيف"), end=len(text), value="location")
    cas.add(geneva)
    xml = cas.to_xmi()
    members = re.search(r'members="([^"]*)"', xml)
    assert members is not None
    xml = xml.replace(members[0], f'members="{members[1].split()[0]}"')  # one member only
    sofa = re.search(r"<cas:Sofa [^>]*/>", xml)
    assert sofa is not None
    second = sofa[0].replace('xmi:id="', 'xmi:id="9').replace('sofaNum="1"', 'sofaNum="2"')
    xml = xml.replace(sofa[0], sofa[0] + second)
    path = tmp_path / "doc.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("TypeSystem.xml", types.to_xml())
        archive.writestr("doc.xmi", xml)
    result = import_xmi(target, path)
    joined = " ".join(result.notices)
    assert "named entities not listed in the document's view (its members) (1)" in joined
    assert "texts after the first of one file (sofas) (1)" in joined
