"""Hostile inputs to the exchange formats' sniffers and importers found by an attack on
issue 17: each of these once hung, lost data or crashed."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.exchange import common, qdpx, w3c, xmi
from desktop.io.exchange.brat import import_brat
from desktop.store.project import Project
from tests.io import exchange_project as fixture


def _refuse_to_open(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a pipe was opened: this waits for a writer that never comes")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_sniffing_a_pipe_named_zip_never_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `hamish import p.zip` on a named pipe hung forever in exchange_format: ZipFile opened it.
    pipe = tmp_path / "p.zip"
    os.mkfifo(pipe)
    monkeypatch.setattr(zipfile, "ZipFile", _refuse_to_open)
    assert common.exchange_format(pipe) is None  # the article importer refuses it, by name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_sniffing_a_pipe_named_json_never_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `hamish import p.json` on a named pipe hung forever in looks_like_w3c.
    pipe = tmp_path / "p.json"
    os.mkfifo(pipe)
    monkeypatch.setattr(Path, "open", _refuse_to_open)
    assert not w3c.looks_like_w3c(pipe)  # the JSON importer refuses it, by name


def _brat_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_broken_ann_line_names_the_ann_file(tmp_path: Path) -> None:
    # The message said "a.txt, line 1" for a line of a.ann: the analyst looked in the wrong file.
    folder = _brat_folder(
        tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": "T1\tperson 4 12\tجون كيري\nX2\tx\n"}
    )
    with Project.open(tmp_path / "p.hamish") as project:
        with pytest.raises(ImportRejected, match=r"^a\.ann, line 2: 'X2' is not a brat"):
            import_brat(project, folder)
        assert project.documents.count() == 0


def test_a_byte_order_mark_before_the_first_ann_line_is_not_part_of_its_id(
    tmp_path: Path,
) -> None:
    # Notepad writes one; the .ann was refused ("'\ufeffT1' is not a brat annotation id").
    folder = _brat_folder(
        tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": "\ufeffT1\tperson 4 12\tجون كيري\n"}
    )
    with Project.open(tmp_path / "p.hamish") as project:
        assert import_brat(project, folder).report.annotations == 1


def test_many_notes_on_one_tag_are_kept_in_order(tmp_path: Path) -> None:
    # They were joined by adding to a string each time (quadratic: a .ann of 500,000 notes
    # did not finish in 120 s; benchmarks/exchange.py --notes measures it).
    lines = "".join(f"#{i}\tAnnotatorNotes T1\tملاحظة {i}\n" for i in range(1, 301))
    folder = _brat_folder(
        tmp_path / "brat",
        {"a.txt": "قال جون كيري.", "a.ann": f"T1\tperson 4 12\tجون كيري\n{lines}"},
    )
    with Project.open(tmp_path / "p.hamish") as project:
        import_brat(project, folder)
        (note,) = project.database.conn.execute("SELECT note FROM annotations").fetchone()
    assert note.split("\n") == [f"ملاحظة {i}" for i in range(1, 301)]


def test_web_annotations_sharing_one_id_are_imported_without_a_crash(tmp_path: Path) -> None:
    # Two claims with one id: finishing the claims raised KeyError (a traceback, nothing said).
    out, data = fixture.exported_w3c(tmp_path)
    for item in data["first"]["items"]:
        item["id"] = "urn:uuid:0"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        report = w3c.import_w3c(target, out)
        assert (report.load.documents, report.load.annotations) == (2, 12)
        assert len(fixture.claims(target)) == 3


def test_web_annotation_claims_whose_label_is_not_a_claim_label_are_reported(
    tmp_path: Path,
) -> None:
    # The three claims' assessments were dropped without a word when their tag's label was
    # not a claim label (a colleague's tool renamed it, say).
    out, data = fixture.exported_w3c(tmp_path)
    for item in data["first"]["items"]:
        for body in item["body"]:
            if body.get("hamish:label") == "claim":
                body["hamish:label"] = "quote"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        report = w3c.import_w3c(target, out)
        assert report.load.annotations == 12 and fixture.claims(target) == set()
    assert (
        "3 claim assessments on tags whose label is not a claim label were not imported."
        in report.notices
    )


def test_a_refi_qda_codebook_with_one_guid_twice_is_refused(tmp_path: Path) -> None:
    # The label code "person" and the entity code of one person shared a GUID: every person
    # tag was imported under another label and linked to the wrong person, without a word.
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.qdpx"
    qdpx.export_qdpx(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    qde = members["project.qde"].decode("utf-8")
    first, second = re.findall(r'<Code guid="([0-9a-f-]+)"', qde)[:2]
    members["project.qde"] = qde.replace(second, first).encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(
            ImportRejected, match=f"two codes of the codebook have the GUID {first}"
        ):
            qdpx.import_qdpx(target, out)
        assert target.documents.count() == 0


@pytest.mark.parametrize(("begin", "end"), [(5, 6), (7, 21)])
def test_an_xmi_offset_between_the_halves_of_an_emoji_is_refused(
    tmp_path: Path, begin: int, end: int
) -> None:
    # UIMA counts UTF-16 units; an offset inside 😀 (units 4-5) or 𝐀 (units 20-21) cannot be
    # mapped, and cassis kept it as it was: a tag on the wrong characters, imported silently
    # (7-21), or a refusal saying "covers 5–5, outside the text" of a 90-character text.
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.zip"
    xmi.export_xmi(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    first = "article-00001.xmi"
    text = members[first].decode("utf-8")
    old = 'begin="4" end="6"' if begin == 5 else 'begin="7" end="31"'
    assert old in text
    members[first] = text.replace(old, f'begin="{begin}" end="{end}"').encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(ImportRejected, match=r"between the two halves of one character"):
            xmi.import_xmi(target, out)
        assert target.documents.count() == 0


def test_a_line_separator_inside_a_brat_note_does_not_end_its_line(tmp_path: Path) -> None:
    # str.splitlines broke the .ann at U+2028 (and U+2029): a note or entity name holding one,
    # even in Hamish's own brat export, was refused as "'فاصل' is not a brat annotation id".
    ann = "T1\tperson 4 12\tجون كيري\n#1\tAnnotatorNotes T1\tسطر\u2028فاصل\u2029فقرة\r\n"
    folder = _brat_folder(tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": ann})
    with Project.open(tmp_path / "p.hamish") as project:
        assert import_brat(project, folder).report.annotations == 1
        (note,) = project.database.conn.execute("SELECT note FROM annotations").fetchone()
    assert note.startswith("سطر") and note.endswith("فقرة")


def test_a_brat_label_named_by_a_paragraph_is_cut_and_the_article_imported(
    tmp_path: Path,
) -> None:
    # A type of 700 letters refused the whole folder ("label 8: name_en is longer than 500
    # characters"), naming a row the analyst never saw.
    long = "وصف" * 233 + "ي"
    folder = _brat_folder(
        tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": f"T1\t{long} 4 12\tجون كيري\n"}
    )
    with Project.open(tmp_path / "p.hamish") as project:
        result = import_brat(project, folder)
        assert result.report.annotations == 1
        # Its key too (a key of 10,000 characters went into every brat and CoNLL export).
        label = next(label for label in project.labels.all() if label.key == long[:500])
        assert (label.name_en, label.name_ar) == (long[:500], long[:500])
        again = import_brat(project, folder)  # the same label found again by its cut key
        assert again.report.labels_matched >= 1
        assert [lb.key for lb in project.labels.all()].count(long[:500]) == 1
    assert "A name longer than 500 characters was cut to 500." in result.notices


def test_web_annotation_entities_and_aliases_named_by_a_paragraph_are_cut(
    tmp_path: Path,
) -> None:
    # Through the collector (REFI-QDA, Web Annotation, XMI): the same refusal of the file.
    out, data = fixture.exported_w3c(tmp_path)
    long = "كيري " * 150
    first = data["hamish:entities"][0]
    first["name"] = long
    first["aliases"] = [long + "أ", long + "ب", "كيري"]  # the same once cut: one kept
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        report = w3c.import_w3c(target, out)
        assert report.load.annotations == 12
        (summary,) = target.entities.summaries(name="كيري كيري")
        entity = target.entities.get(summary.id)
        cut = " ".join(long.split())[:500].rstrip()
        assert entity.name == cut
        assert sorted(entity.aliases) == sorted([cut, "كيري"])
    assert "3 names longer than 500 characters were cut to 500." in report.notices


def test_an_alias_cut_to_one_listed_after_it_and_a_name_of_bidi_controls_import(
    tmp_path: Path,
) -> None:
    # The long alias first, then the alias it is cut to: "two entity aliases have the same
    # entity_id" refused the file; a brat name of bidi controls alone ("cannot be empty") too.
    out, data = fixture.exported_w3c(tmp_path)
    long = "لافروف" * 100
    data["hamish:entities"][0]["aliases"] = [long, long[:500]]
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        assert w3c.import_w3c(target, out).load.annotations == 12
    folder = _brat_folder(
        tmp_path / "brat",
        {
            "a.txt": "قال جون كيري.",
            "a.ann": "T1\tPER 4 12\tجون كيري\n#1\tAnnotatorNotes T1\tReference: \u202e\u2066\n",
        },
    )
    with Project.open(tmp_path / "brat.hamish") as project:
        assert import_brat(project, folder).report.annotations == 1


def test_a_web_annotation_entity_named_by_bidi_controls_alone_keeps_its_tags(
    tmp_path: Path,
) -> None:
    # It was dropped without a word, its two tag links and its claims with it.
    out, data = fixture.exported_w3c(tmp_path)
    data["hamish:entities"][0]["name"] = "\u202e\u2066"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        report = w3c.import_w3c(target, out)
        assert report.load.entities == 3
        assert any(summary.name == "?" for summary in target.entities.summaries())


@pytest.mark.parametrize("long_first", [True, False])
def test_label_keys_cut_to_anothers_are_numbered_whichever_comes_first(
    tmp_path: Path, long_first: bool
) -> None:
    """An attack: a type of 700 letters before one of exactly its first 500 gave two labels
    one key once cut, and the whole folder was refused."""
    long, short = "A" * 700, "A" * 500
    types = (long, short) if long_first else (short, long)
    ann = f"T1\t{types[0]} 0 3\tقال\nT2\t{types[1]} 4 7\tجون\n"
    folder = _brat_folder(tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": ann})
    with Project.open(tmp_path / "p.hamish") as project:
        result = import_brat(project, folder)
        assert result.report.annotations == 2
        keys = {label.key for label in project.labels.all()}
        assert {short, short + "-2"} <= keys


def test_a_brat_type_with_bidi_controls_becomes_a_clean_key(tmp_path: Path) -> None:
    """An attack's brat type «\u202eperson» (RLO) became a label key written raw into every
    CoNLL and brat export's type column; names already refused bidi controls."""
    from desktop.core.values import key_problem

    folder = _brat_folder(
        tmp_path / "brat",
        {"a.txt": "قال جون كيري.", "a.ann": "T1\t\u202eperson\u202c 4 12\tجون كيري\n"},
    )
    with Project.open(tmp_path / "p.hamish") as project:
        result = import_brat(project, folder)
        assert result.report.annotations == 1
        keys = [label.key for label in project.labels.all()]
        assert not any(c in key for key in keys for c in "\u202a\u202b\u202c\u202d\u202e")
        again = import_brat(project, folder)  # found again by its clean key
        assert [label.key for label in project.labels.all()] == keys
        assert again.report.annotations in (0, 1)
    assert key_problem("\u202eperson") is not None  # a JSON project file's key: refused


def test_a_uima_type_system_of_thousands_of_chained_types_is_refused_at_once() -> None:
    """An attack's 111 KB zip chained 20,000 types, each the supertype of the next: cassis
    resolved them for minutes (10,000 took 78 s)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier"><types>'
    ]
    for i in range(xmi.TYPES + 1):
        parent = "uima.tcas.Annotation" if i == 0 else f"x.T{i - 1}"
        parts.append(
            f"<typeDescription><name>x.T{i}</name><supertypeName>{parent}</supertypeName>"
            "</typeDescription>"
        )
    parts.append("</types></typeSystemDescription>")
    with pytest.raises(ImportRejected, match=r"describes 2,001 UIMA types"):
        xmi._load_types("".join(parts).encode(), "TypeSystem.xml")


@pytest.mark.parametrize("offsets", ["٤ ١٢", "+4 +12", "4_0 12", "0004 12" + "0" * 5000])
def test_brat_offsets_are_ascii_digits_only(tmp_path: Path, offsets: str) -> None:
    """An attack's «٠ ٣», «+0 +3» and «0_0 3» were read by Python's int() as offsets; a
    5,000-digit one answered with Python's advice about its digit limit."""
    folder = _brat_folder(
        tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": f"T1\tperson {offsets}\tجون كيري\n"}
    )
    with Project.open(tmp_path / "p.hamish") as project:
        with pytest.raises(ImportRejected, match="are not whole numbers") as caught:
            import_brat(project, folder)
        assert project.documents.count() == 0
    assert len(str(caught.value)) < 200  # a 6,000-digit offset was echoed whole


def test_whole_numbers_of_other_tools() -> None:
    assert common.whole_number("26") == 26
    for bad in ("٢٦", "+3", "0_0", " 3", "", "3.0", "9" * 16):
        with pytest.raises(ValueError):
            common.whole_number(bad)


def test_brat_links_out_of_the_folder_are_skipped_and_said(tmp_path: Path) -> None:
    """An attack's .txt and .ann symbolic links to files outside the folder were skipped,
    rightly, but reported as «.ann files without their .txt», or not at all."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("سر", encoding="utf-8")
    (outside / "secret.ann").write_text("", encoding="utf-8")
    folder = _brat_folder(tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": ""})
    (folder / "b.txt").symlink_to(outside / "secret.txt")
    (folder / "c.ann").symlink_to(outside / "secret.ann")
    with Project.open(tmp_path / "p.hamish") as project:
        result = import_brat(project, folder)
        assert project.documents.count() == 1
    assert "Left out: links to other files (symbolic links are not followed) (2)." in (
        result.notices
    )
    assert not any("without their .txt" in notice for notice in result.notices)


def test_a_brat_ann_that_is_a_pipe_is_never_opened_and_is_said(tmp_path: Path) -> None:
    """A FIFO named b.ann: the import said "1 document, 0 annotations" and nothing else."""
    import os

    folder = _brat_folder(tmp_path / "brat", {"a.txt": "قال جون كيري.", "a.ann": ""})
    (folder / "b.txt").write_text("قال لافروف.", encoding="utf-8")
    os.mkfifo(folder / "b.ann")
    with Project.open(tmp_path / "p.hamish") as project:
        result = import_brat(project, folder)
        assert project.documents.count() == 2
    assert "Left out: files that are not regular files (pipes, devices) (1)." in result.notices


def _assessed(data: dict[str, Any]) -> dict[str, Any]:
    """The hamish:claim of the exported claim with a grading (جون كيري's denial)."""
    for item in data["first"]["items"]:
        for body in item["body"]:
            if body.get("hamish:claim", {}).get("credibility"):
                return dict(body["hamish:claim"])
    raise AssertionError("no graded claim")


def test_web_annotation_values_hamish_has_no_place_for_are_said(tmp_path: Path) -> None:
    """A credibility of 9 (or "2", or true), a reliability Z, a stance "maybe", a link to
    nothing or of another kind, a claimant that is no entity: each was dropped, or made
    "asserts", without a word — and true, being 1 to Python, refused the whole file."""
    out, data = fixture.exported_w3c(tmp_path)
    claim = _assessed(data)
    for item in data["first"]["items"]:
        for body in item["body"]:
            if body.get("hamish:claim", {}).get("credibility"):
                body["hamish:claim"].update(
                    credibility=True,
                    reliability="Z",
                    stance="maybe",
                    claimant="urn:uuid:nobody",
                    links=[
                        {"kind": "contradicts", "to": "urn:uuid:nothing"},
                        {"kind": "refutes", "to": claim["links"][0]["to"]},
                    ],
                )
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        report = w3c.import_w3c(target, out)
        assert (report.load.documents, report.load.annotations) == (2, 12)
        denial = {row for row in fixture.claims(target) if row[0] == "إن المحادثات متوقفة"}
        assert denial == {
            ("إن المحادثات متوقفة", "", "asserts", "contested", None, None, "نفي\nمطلق")
        }
        assert {kind for _, _, kind in fixture.claim_links(target)} == {"supports"}
    assert set(report.notices) == {
        "Left out: claim stances, statuses or gradings Hamish does not know (3).",
        "Left out: claimants and subjects that are no entity of the file (1).",
        "Left out: claim links between tags that are not claims (1).",
        "Left out: relations Hamish does not know (1).",
    }


def test_refi_qda_kinds_types_and_claims_hamish_has_no_place_for_are_said(
    tmp_path: Path,
) -> None:
    """A label kind "weird" became a highlight, an entity type "alien" an "other", and the
    claims of a label made an entity label lost their stance, status and links: all
    without a word."""
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.qdpx"
    qdpx.export_qdpx(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    qde = members["project.qde"].decode("utf-8")
    qde = qde.replace('"key":"location","kind":"entity"', '"key":"location","kind":"weird"', 1)
    qde = qde.replace('"type":"organisation"', '"type":"alien"', 1)
    qde = qde.replace('"key":"claim","kind":"claim"', '"key":"claim","kind":"entity"', 1)
    members["project.qde"] = qde.encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    with Project.open(tmp_path / "target.hamish") as target:
        report = qdpx.import_qdpx(target, out)
        assert report.load.annotations == 12 and fixture.claims(target) == set()
    assert {
        "Left out: label kinds Hamish does not know, whose tags were kept as highlights (1).",
        "Left out: entity types Hamish does not know, read as other (1).",
        "Left out: claim details on tags whose label is not a claim label (3).",
    } <= set(report.notices)


def test_a_brat_relation_written_twice_is_one_link(tmp_path: Path) -> None:
    """Two identical relation lines made the JSON rules refuse the whole file: "two claim
    links have the same from_claim 3, to_claim 2, kind "contradicts" (at claim_links[1])"."""
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.zip"
    from desktop.io.exchange.brat import export_brat

    export_brat(source, out)
    expected = fixture.claim_links(source)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    ann = members["article-00002.ann"].decode("utf-8")
    (line,) = [line for line in ann.splitlines() if line.split("\t")[1].startswith("Contradicts")]
    members["article-00002.ann"] = (ann + "R99\t" + line.split("\t", 1)[1] + "\n").encode()
    with zipfile.ZipFile(out, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    with Project.open(tmp_path / "target.hamish") as target:
        result = import_brat(target, out)
        assert result.report.documents == 2
        assert fixture.claim_links(target) <= expected
        assert ("إن المحادثات متوقفة", "أن المحادثات مستمرة", "contradicts") in (
            fixture.claim_links(target)
        )


def test_an_xmi_offset_that_is_no_whole_number_is_said_in_words(tmp_path: Path) -> None:
    """``begin="4.0"`` was refused "(invalid literal for int() with base 10: '4.0')"."""
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.zip"
    xmi.export_xmi(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    text = members["article-00001.xmi"].decode("utf-8")
    assert 'begin="4" end="6"' in text
    members["article-00001.xmi"] = text.replace('begin="4"', 'begin="4.0"', 1).encode()
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(ImportRejected) as caught:
            xmi.import_xmi(target, out)
        assert target.documents.count() == 0
    assert str(caught.value) == (
        "article-00001.xmi is not a UIMA CAS XMI file that Hamish can read (the number '4.0' "
        "in it is not a whole number)."
    )


def _xmi_with(tmp_path: Path, changes: dict[str, tuple[str, str]]) -> Path:
    """An XMI export of the fixture with ``old`` replaced by ``new`` in the members named."""
    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.zip"
    xmi.export_xmi(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for member, (old, new) in changes.items():
        text = members[member].decode("utf-8")
        assert old in text
        members[member] = text.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return out


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1256", "latin-1", "no-such-code"])
def test_xmi_declared_in_another_encoding_than_its_utf8_is_refused(
    tmp_path: Path, declared: str
) -> None:
    """UTF-8 Arabic declared ISO-8859-1 or windows-1256 was imported as «ØªØµØ±ÙØ» without a
    word (lxml decodes as declared), or refused for a U+0085 that wrong decoding made."""
    out = _xmi_with(tmp_path, {"article-00001.xmi": ("encoding='UTF-8'", f"encoding='{declared}'")})
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(ImportRejected) as caught:
            xmi.import_xmi(target, out)
        assert target.documents.count() == 0
    assert str(caught.value) == (
        f"article-00001.xmi declares that it is written in {declared}, not UTF-8: Hamish reads "
        "this XML only in UTF-8, so nothing was imported. Save it as UTF-8 and import it again."
    )


def test_xml_declared_in_an_encoding_it_reads_the_same_in_is_imported(tmp_path: Path) -> None:
    # TypeSystem.xml is plain ASCII: US-ASCII or ISO-8859-1 read it exactly as UTF-8 does.
    out = _xmi_with(tmp_path, {"TypeSystem.xml": ("encoding='utf-8'", "encoding='US-ASCII'")})
    with Project.open(tmp_path / "target.hamish") as target:
        xmi.import_xmi(target, out)
        assert target.documents.count() == 2
    common.refuse_declared_encoding(b"<?xml version='1.0' encoding='latin-1'?><a/>", "x")


@pytest.mark.parametrize(
    ("old", "new", "detail"),
    [
        (
            'end="6"',
            'end="' + "9" * 5000 + '"',
            "a number of 5,000 digits in it is longer than any offset or id",
        ),
        (
            'members="',
            'members="99 ',
            "an element refers to the id '99', which is missing or not unique",
        ),
        (
            '<cas:NULL xmi:id="0"/>',
            '<cas:NULL xmi:id="0"/>' + "<a>" * 3 + "</a>" * 3,
            "its elements are nested inside each other, where UIMA XMI has them side by side",
        ),
    ],
)
def test_xmi_that_cassis_cannot_read_is_refused_in_words(
    tmp_path: Path, old: str, new: str, detail: str
) -> None:
    """cassis's own words were passed on: "Exceeds the limit (4300 digits) for integer string
    conversion… use sys.set_int_max_str_digits()", "(5)" for an id it could not find,
    "Invalid state transition: [3] 'start'" for nested elements (an attack)."""
    out = _xmi_with(tmp_path, {"article-00001.xmi": (old, new)})
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(ImportRejected) as caught:
            xmi.import_xmi(target, out)
        assert target.documents.count() == 0
    assert str(caught.value) == (
        f"article-00001.xmi is not a UIMA CAS XMI file that Hamish can read ({detail})."
    )


@pytest.mark.parametrize("suffix", [".json", ".jsonld"])
def test_json_nested_too_deeply_is_refused_in_words(tmp_path: Path, suffix: str) -> None:
    """Python's "maximum recursion depth exceeded while decoding a JSON array from a unicode
    string" was the message (an attack)."""
    from desktop.io.importers.json_import import import_json

    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with Project.open(tmp_path / "target.hamish") as target:
        with pytest.raises(ImportRejected) as caught:
            (import_json if suffix == ".json" else w3c.import_w3c)(target, path)
        assert target.documents.count() == 0
    assert str(caught.value) == (
        f"deep{suffix} holds JSON nested too deeply to be read: arrays or objects inside each "
        "other hundreds of levels deep, where Hamish's files nest a few. Nothing was imported."
    )
