"""REFI-QDA (.qdpx): round trip, an independent reader of every selection, a file as another
tool writes it (CRLF, BOM, emoji, nested and overlapping selections, what Hamish cannot hold),
and hostile archives (zip bombs, XXE, billion laughs, path traversal)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as PlainET

import pytest

from desktop.core.errors import ImportRejected
from desktop.core.text import make_draft
from desktop.io.exchange import qdpx
from desktop.io.exchange.qdpx import export_qdpx, import_qdpx
from desktop.store.project import Project
from desktop.store.transfer import dump
from tests.io.test_json_roundtrip import annotate, build_rich_project

NS = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CRLF_TEXT = "\ufeff😀 قال جون كيري\r\nإن «الاتفاق صامد».\r\n👍🏽 وأضاف لافروف: لا تعليق."


def rich(tmp_path: Path) -> Project:
    project, _ = build_rich_project(tmp_path / "source.hamish")
    # An article that came from a CRLF file with a byte-order mark, emoji before the names.
    doc = project.documents.add(make_draft(CRLF_TEXT, title="CRLF", origin="test:crlf"))
    text = project.documents.get(doc).text
    start = text.index("جون")
    annotate(project, doc, start, start + len("جون كيري"), "person")
    annotate(project, doc, start + 4, start + len("جون كيري"), "location")  # nested
    annotate(project, doc, start - 4, start + 3, "note", note="متداخل")  # overlapping
    return project


def spans(content: dict[str, Any]) -> list[tuple[Any, ...]]:
    labels = {row["id"]: row["key"] for row in content["labels"]}
    entities = {row["id"]: row["name"] for row in content["entities"]}
    texts = {row["id"]: row["text"] for row in content["documents"]}
    return sorted(
        (
            texts[a["document_id"]],
            a["start"],
            a["end"],
            a["quote"],
            labels[a["label_id"]],
            entities.get(a["entity_id"]),
            a["note"],
            a["author"],
        )
        for a in content["annotations"]
        if a["anchor"] != "orphaned"
    )


def claims(content: dict[str, Any]) -> list[tuple[Any, ...]]:
    quotes = {a["id"]: a["quote"] for a in content["annotations"]}
    entities = {row["id"]: row["name"] for row in content["entities"]}
    return sorted(
        (
            quotes[c["annotation_id"]],
            entities.get(c["claimant_id"]),
            c["summary"],
            c["stance"],
            c["status"],
            c["reliability"],
            c["credibility"],
            c["claimed_on"],
        )
        for c in content["claims"]
    )


def test_round_trip_into_an_empty_project(tmp_path: Path) -> None:
    source = rich(tmp_path)
    summary = export_qdpx(source, tmp_path / "out.qdpx")
    assert summary.documents == 7
    assert any("decisions" in line for line in summary.lost)  # what REFI-QDA cannot hold
    target = Project.open(tmp_path / "copy.hamish")
    report = import_qdpx(target, tmp_path / "out.qdpx")
    assert report.notices == []
    before, after = dump(source.database), dump(target.database)
    assert sorted(d["text"] for d in before["documents"]) == sorted(
        d["text"] for d in after["documents"]
    )
    assert "\r" not in "".join(d["text"] for d in after["documents"])
    assert spans(before) == spans(after)
    assert claims(before) == claims(after)
    assert sorted(n["body"] for n in before["notes"]) == sorted(n["body"] for n in after["notes"])
    assert len(after["claim_links"]) == len(before["claim_links"]) == 2
    assert len(after["claim_subjects"]) == 2
    assert sorted((e["name"], e["type"]) for e in before["entities"]) == sorted(
        (e["name"], e["type"]) for e in after["entities"]
    )
    assert sorted(a["alias"] for a in before["entity_aliases"]) == sorted(
        a["alias"] for a in after["entity_aliases"]
    )
    colours = {row["key"]: row["color"].lower() for row in after["labels"]}
    for row in before["labels"]:
        assert colours[row["key"]] == row["color"].lower()


def test_an_independent_reader_finds_every_selection(tmp_path: Path) -> None:
    """A plain XML parser and the zip's own texts: every selection's positions, counted in
    code points of the source text, cover exactly the annotation's quote."""
    source = rich(tmp_path)
    export_qdpx(source, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        root = PlainET.fromstring(archive.read("project.qde"))
        texts = {
            name.removeprefix("sources/").removesuffix(".txt"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    assert root.tag == f"{NS}Project"
    users = {u.get("guid") for u in root.iter(f"{NS}User")}
    codes = {c.get("guid"): c for c in root.iter(f"{NS}Code")}
    notes = {n.get("guid") for n in root.iter(f"{NS}Note")}
    assert all(GUID.fullmatch(guid or "") for guid in [*users, *codes, *notes])
    assert [child.tag.removeprefix(NS) for child in root][:3] == ["Users", "CodeBook", "Sources"]
    content = dump(source.database)
    expected = {
        (a["quote"], a["start"], a["end"])
        for a in content["annotations"]
        if a["anchor"] != "orphaned"
    }
    found = set()
    for text_source in root.iter(f"{NS}TextSource"):
        path = text_source.get("plainTextPath") or ""
        assert path.startswith("internal://") and path.endswith(".txt")
        text = texts[path.removeprefix("internal://").removesuffix(".txt")]
        for selection in text_source.iter(f"{NS}PlainTextSelection"):
            start = int(selection.get("startPosition") or -1)
            end = int(selection.get("endPosition") or -1)
            found.add((text[start:end], start, end))
            assert selection.get("creatingUser") in users
            for ref in selection.iter(f"{NS}CodeRef"):
                assert ref.get("targetGUID") in codes
            for ref in selection.iter(f"{NS}NoteRef"):
                assert ref.get("targetGUID") in notes
    assert found == expected
    # Colours as #RRGGBB, and entities are child codes of a label's code.
    person = next(c for c in codes.values() if c.get("name") == "فرد")
    assert person.get("color") == "#123456"
    assert "جون كيري" in {child.get("name") for child in person.findall(f"{NS}Code")}


def test_guids_are_stable(tmp_path: Path) -> None:
    source = rich(tmp_path)
    export_qdpx(source, tmp_path / "one.qdpx")
    export_qdpx(source, tmp_path / "two.qdpx")

    def guids(path: Path) -> list[str]:
        with zipfile.ZipFile(path) as archive:
            return re.findall(r'guid="([^"]+)"', archive.read("project.qde").decode())

    assert guids(tmp_path / "one.qdpx") == guids(tmp_path / "two.qdpx")


# --- a file written by another tool -------------------------------------------------------------
FOREIGN_TEXT = "\ufeff😀 قال جون كيري\r\nإن «الاتفاق صامد».\r\n"


def qde(body: str, root_attrs: str = 'name="p"') -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" {root_attrs}>{body}</Project>'
    ).encode()


def make_qdpx(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def foreign(tmp_path: Path) -> Path:
    # Positions as a tool that keeps the file's text counts them: code points after the BOM,
    # the CR of each CRLF counted.
    text = FOREIGN_TEXT.removeprefix("\ufeff")
    kerry = text.index("جون كيري")
    claim = text.index("«")
    g = "00000000-0000-0000-0000-0000000000{:02d}".format
    body = f"""
    <Users><User guid="{g(1)}" name="Colin"/></Users>
    <CodeBook><Codes>
      <Code guid="{g(2)}" name="People" isCodable="false">
        <Code guid="{g(3)}" name="Politician" isCodable="true" color="#F00"/>
      </Code>
      <Code guid="{g(4)}" name="Quote" isCodable="true" color="#00ff00"/>
    </Codes></CodeBook>
    <Variables><Variable guid="{g(5)}" name="age" typeOfVariable="Integer"/></Variables>
    <Sources>
      <TextSource guid="{g(6)}" name="Interview 1" plainTextPath="internal://{g(6)}.txt">
        <PlainTextSelection guid="{g(7)}" startPosition="{kerry}" endPosition="{kerry + 8}"
            creatingUser="{g(1)}">
          <Description>a memo</Description>
          <Coding guid="{g(8)}"><CodeRef targetGUID="{g(3)}"/></Coding>
        </PlainTextSelection>
        <PlainTextSelection guid="{g(9)}" startPosition="{kerry + 4}" endPosition="{claim + 3}">
          <Coding guid="{g(10)}"><CodeRef targetGUID="{g(4)}"/></Coding>
          <NoteRef targetGUID="{g(11)}"/>
        </PlainTextSelection>
        <PlainTextSelection guid="{g(12)}" startPosition="5" endPosition="999"/>
        <Coding guid="{g(13)}"><CodeRef targetGUID="{g(4)}"/></Coding>
      </TextSource>
      <TextSource guid="{g(14)}" name="outside" plainTextPath="relative:///etc/passwd"/>
      <PDFSource guid="{g(15)}" name="scan" path="internal://x.pdf"/>
      <PictureSource guid="{g(16)}" name="photo" path="internal://x.png"/>
    </Sources>
    <Notes><Note guid="{g(11)}" name="n"><PlainTextContent>ملاحظة 😀</PlainTextContent></Note>
    </Notes>
    <Sets><Set guid="{g(17)}" name="s"/></Sets>"""
    return make_qdpx(
        tmp_path / "foreign.qdpx",
        {"project.qde": qde(body), f"sources/{g(6)}.txt": FOREIGN_TEXT.encode("utf-8")},
    )


def test_a_file_from_another_tool(tmp_path: Path) -> None:
    project = Project.open(tmp_path / "p.hamish")
    report = import_qdpx(project, foreign(tmp_path))
    content = dump(project.database)
    (doc,) = content["documents"]
    assert doc["text"] == "😀 قال جون كيري\nإن «الاتفاق صامد».\n"
    assert doc["title"] == "Interview 1"
    found = {(a["quote"], a["note"], a["author"]) for a in content["annotations"]}
    assert found == {("جون كيري", "a memo", "Colin"), ("كيري\nإن «ال", "", "")}
    labels = {row["key"]: row for row in content["labels"]}
    assert labels["People / Politician"]["color"] == "#FF0000"
    assert labels["Quote"]["kind"] == "span"
    assert [n["body"] for n in content["notes"]] == ["ملاحظة 😀"]
    said = " ".join(report.notices)
    for dropped in (
        "1 PDF sources",
        "1 picture sources",
        "1 sources whose text is outside",
        "1 selections outside their source's text",
        "1 codings of whole sources",
        "1 variables",
        "1 sets",
    ):
        assert dropped in said, said


# --- hostile files ------------------------------------------------------------------------------
def refused(tmp_path: Path, path: Path, *words: str) -> str:
    project = Project.open(tmp_path / "hostile.hamish")
    with pytest.raises(ImportRejected) as caught:
        import_qdpx(project, path)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert project.documents.summaries() == []  # nothing was imported
    project.close()
    return message


def test_zip_bomb_is_measured_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qdpx, "UNPACKED_BYTES", 1024 * 1024)
    g = "00000000-0000-0000-0000-000000000001"
    body = (
        f'<Sources><TextSource guid="{g}" name="x" plainTextPath="internal://{g}.txt"/></Sources>'
    )
    path = make_qdpx(
        tmp_path / "bomb.qdpx",
        {"project.qde": qde(body), f"sources/{g}.txt": b"a" * (8 * 1024 * 1024)},
    )
    refused(tmp_path, path, "zip bomb")


def _lie_about_sizes(data: bytes, size: int) -> bytes:
    """Every local and central header of ``data`` declares ``size`` bytes unpacked."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        position = out.find(signature)
        while position != -1:
            out[position + offset : position + offset + 4] = struct.pack("<I", size)
            position = out.find(signature, position + 4)
    return bytes(out)


def test_zip_bomb_with_lying_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qdpx, "UNPACKED_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde("") + b" " * (16 * 1024 * 1024))
    path = tmp_path / "liar.qdpx"
    path.write_bytes(_lie_about_sizes(buffer.getvalue(), 200))  # "200 bytes"
    refused(tmp_path, path, "Nothing was imported")
    path.write_bytes(_lie_about_sizes(buffer.getvalue(), 2**31))  # "2 GB": still only measured
    refused(tmp_path, path, "zip bomb")


def test_xxe_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{tmp_path}/secret.txt">]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
    ).encode()
    path = make_qdpx(tmp_path / "xxe.qdpx", {"project.qde": xml})
    refused(tmp_path, path, "document type or entities")


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE p [{entities}]>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="&a9;"/>'
    ).encode()
    path = make_qdpx(tmp_path / "laughs.qdpx", {"project.qde": xml})
    refused(tmp_path, path, "document type or entities")


def test_codes_nested_too_deep_are_refused(tmp_path: Path) -> None:
    """A code's name in Hamish is its path of parents' names: 12,000 nested codes (a 35 KB
    file) built paths of gigabytes before any check (found by an attacker)."""
    from desktop.io.exchange.qdpx import MAX_CODE_DEPTH

    g = "00000000-0000-0000-0000-{:012d}".format
    depth = MAX_CODE_DEPTH + 1
    codes = "".join(f'<Code guid="{g(i)}" name="{"a" * 100}">' for i in range(depth))
    body = f"<CodeBook><Codes>{codes}{'</Code>' * depth}</Codes></CodeBook>"
    path = make_qdpx(tmp_path / "deep.qdpx", {"project.qde": qde(body)})
    refused(tmp_path, path, f"more than {MAX_CODE_DEPTH} levels deep")


@pytest.mark.parametrize("name", ["../evil.txt", "sources/../../evil.txt", "/etc/evil", "C:/x"])
def test_path_traversal_is_refused(tmp_path: Path, name: str) -> None:
    path = make_qdpx(tmp_path / "trav.qdpx", {"project.qde": qde(""), name: b"x"})
    refused(tmp_path, path, "leads out of the project")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not a zip", ("not a readable zip",)),
        (None, ("has no project.qde",)),
        (b"<Project", ("not well-formed",)),
        (b"<Other/>", ("not a Project",)),
        (qde(""), ("no text source",)),
    ],
)
def test_not_a_project(tmp_path: Path, content: bytes | None, words: tuple[str, ...]) -> None:
    path = tmp_path / "bad.qdpx"
    if content == b"not a zip":
        path.write_bytes(content)
    else:
        make_qdpx(path, {"other.txt": b"x"} if content is None else {"project.qde": content})
    refused(tmp_path, path, *words)


def test_a_file_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qdpx, "MAX_BYTES", 1000)
    path = tmp_path / "big.qdpx"
    path.write_bytes(b"PK" + b"\0" * 5000)
    refused(tmp_path, path, "REFI-QDA projects of up to")


# --- what QualCoder, MAXQDA and ATLAS.ti expect (docs/interop.md, "REFI-QDA") -----------------
DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def exported_root(project: Project, path: Path) -> PlainET.Element:
    export_qdpx(project, path)
    with zipfile.ZipFile(path) as archive:
        return PlainET.fromstring(archive.read("project.qde"))


def test_times_are_utc_with_a_z(tmp_path: Path) -> None:
    """QualCoder keeps a time as written after dropping its 'T' and 'Z' (refi.py): a
    '+00:00' would stay in its dates. REFI-QDA's own examples write UTC with a Z."""
    source = rich(tmp_path)
    root = exported_root(source, tmp_path / "out.qdpx")
    times = [
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name.endswith("DateTime")
    ]
    assert len(times) > 50
    assert [t for t in times if not DATE_TIME.fullmatch(t)] == []
    target = Project.open(tmp_path / "copy.hamish")
    import_qdpx(target, tmp_path / "out.qdpx")
    before = dump(source.database)["annotations"]
    kept = {a["created_at"] for a in before if a["anchor"] != "orphaned"}
    assert {a["created_at"] for a in dump(target.database)["annotations"]} == kept


def test_no_empty_lists_the_schema_forbids(tmp_path: Path) -> None:
    """Project.xsd: Sources holds at least one source, Codes at least one code, Notes at least
    one note, Users at least one user; an empty one makes the whole file invalid."""
    project = Project.open(tmp_path / "empty.hamish")
    root = exported_root(project, tmp_path / "empty.qdpx")
    assert [_child.tag.removeprefix(NS) for _child in root] == ["Users", "CodeBook"]
    content = dump(project.database)
    xml, _texts = qdpx.build_qde({**content, "labels": []}, "p")
    assert [child.tag.removeprefix(NS) for child in PlainET.fromstring(xml)] == ["Users"]
    for element in PlainET.fromstring(xml).iter():
        if element.tag.removeprefix(NS) in ("Users", "Codes", "Sources", "Notes"):
            assert len(element) > 0


def test_code_names_are_unique(tmp_path: Path) -> None:
    """QualCoder's code table has a unique name: a second code of the same name is not made and
    its codings lose their code. Entities of one name and different types, or named as a label,
    get a number; Hamish reads the true name back."""
    project = Project.open(tmp_path / "p.hamish")
    doc = project.documents.add(make_draft("واشنطن تقول إن واشنطن شخص", title="t"))
    ids = []
    for name, type_ in (("واشنطن", "location"), ("واشنطن", "person"), ("شخص", "person")):
        with project.database.transaction():
            cursor = project.database.conn.execute(
                "INSERT INTO entities (name, name_norm, type, description, notes, created_at, "
                "modified_at) VALUES (?, ?, ?, '', '', ?, ?)",
                [
                    name,
                    name + type_,
                    type_,
                    "2024-05-02T09:00:00+00:00",
                    "2024-05-02T09:00:00+00:00",
                ],
            )
        ids.append(int(cursor.lastrowid or 0))
    for (start, end), entity_id in zip(((0, 6), (15, 21), (22, 25)), ids, strict=True):
        annotate(project, doc, start, end, "person", entity_id=entity_id)
    root = exported_root(project, tmp_path / "out.qdpx")
    names = [code.get("name") for code in root.iter(f"{NS}Code")]
    assert len(names) == len(set(names))
    assert {"واشنطن", "واشنطن (2)", "شخص (2)"} <= set(names)
    target = Project.open(tmp_path / "copy.hamish")
    import_qdpx(target, tmp_path / "out.qdpx")
    assert sorted((e["name"], e["type"]) for e in dump(target.database)["entities"]) == sorted(
        (e["name"], e["type"]) for e in dump(project.database)["entities"]
    )


def test_notes_are_files_with_unique_names(tmp_path: Path) -> None:
    """QualCoder makes a journal of a Note only when it has a plainTextPath and a name, and its
    journal names are unique (a second one of a name stops its import): every note and claim
    memo is a text file in sources/ (the schema's other way, not PlainTextContent too), under a
    name of its own. Hamish reads the bodies back."""
    source = rich(tmp_path)
    with source.database.transaction():
        for _ in range(2):  # two project notes of one text
            source.database.conn.execute(
                "INSERT INTO notes (body, author, created_at, modified_at) VALUES (?, '', ?, ?)",
                ["نفس النص", "2024-05-02T09:00:00+00:00", "2024-05-02T09:00:00+00:00"],
            )
    export_qdpx(source, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        root = PlainET.fromstring(archive.read("project.qde"))
        members = set(archive.namelist())
        notes = list(root.iter(f"{NS}Note"))
        bodies = []
        for note in notes:
            assert note.find(f"{NS}PlainTextContent") is None
            path = note.get("plainTextPath") or ""
            assert path == f"internal://{note.get('guid')}.txt"
            assert f"sources/{path.removeprefix('internal://')}" in members
            bodies.append(archive.read(f"sources/{path.removeprefix('internal://')}").decode())
    names = [note.get("name") for note in notes]
    assert all(names) and len(names) == len(set(names))
    content = dump(source.database)
    assert len(notes) == len(content["notes"]) + len(content["claims"])
    assert sorted(n["body"] for n in content["notes"]) == sorted(
        b for b in bodies if not b.startswith("Claim")
    )
    target = Project.open(tmp_path / "copy.hamish")
    import_qdpx(target, tmp_path / "out.qdpx")
    after = dump(target.database)
    assert sorted(n["body"] for n in after["notes"]) == sorted(n["body"] for n in content["notes"])
    assert claims(after) == claims(content)


@pytest.mark.parametrize("declared", ["latin-1", "ISO-8859-1", "windows-1256"])
def test_a_project_qde_declared_in_another_encoding_is_refused(
    tmp_path: Path, declared: str
) -> None:
    """UTF-8 bytes declared latin-1: expat decoded them as declared and the codes, notes and
    names were imported as «ØªØµØ±ÙØ» without a word (an attack)."""
    path = foreign(tmp_path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    head = b'<?xml version="1.0" encoding="utf-8"?>'
    assert members["project.qde"].startswith(head)
    members["project.qde"] = members["project.qde"].replace(
        head, f'<?xml version="1.0" encoding="{declared}"?>'.encode(), 1
    )
    message = refused(tmp_path, make_qdpx(path, members), "foreign.qdpx: project.qde")
    assert f"declares that it is written in {declared}, not UTF-8" in message
