"""W3C Web Annotation (JSON-LD): round trip, a small independent reader of the selectors,
re-anchoring when positions do not hold, and hostile files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.exchange import w3c
from desktop.io.exchange.w3c import export_w3c, import_w3c, looks_like_w3c
from desktop.store.project import Project
from desktop.store.transfer import dump
from tests.io.test_qdpx import claims, rich, spans

URN = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def exported(tmp_path: Path) -> tuple[Project, Path, dict[str, Any]]:
    source = rich(tmp_path)
    path = tmp_path / "out.jsonld"
    export_w3c(source, path)
    return source, path, json.loads(path.read_text(encoding="utf-8"))


def test_round_trip_into_an_empty_project(tmp_path: Path) -> None:
    source, path, _ = exported(tmp_path)
    assert looks_like_w3c(path)
    target = Project.open(tmp_path / "copy.hamish")
    report = import_w3c(target, path)
    assert report.notices == []
    before, after = dump(source.database), dump(target.database)
    assert sorted(d["text"] for d in before["documents"]) == sorted(
        d["text"] for d in after["documents"]
    )
    assert spans(before) == spans(after)
    assert claims(before) == claims(after)
    assert sorted(n["body"] for n in before["notes"]) == sorted(n["body"] for n in after["notes"])
    assert len(after["claim_links"]) == 2 and len(after["claim_subjects"]) == 2
    assert sorted(a["alias"] for a in before["entity_aliases"]) == sorted(
        a["alias"] for a in after["entity_aliases"]
    )


def test_an_independent_reader_of_the_selectors(tmp_path: Path) -> None:
    """Every TextPositionSelector, counted in code points (Python ``str`` indexes, like
    ``Array.from`` in JavaScript), covers the TextQuoteSelector's exact text, with its prefix
    just before and its suffix just after."""
    source, _, data = exported(tmp_path)
    assert data["type"] == "AnnotationCollection"
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    page = data["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == data["id"]
    assert data["total"] == len(page["items"])
    texts = {doc["id"]: doc["text"] for doc in data["hamish:documents"]}
    positions = set()
    for item in page["items"]:
        assert URN.fullmatch(item["id"]) and item["type"] == "Annotation"
        assert item["motivation"] in ("tagging", "identifying", "commenting")
        target = item["target"]
        if isinstance(target, str):  # a note on an article, an annotation or the project
            continue
        text = texts[target["source"]]
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"])
        assert text[end:].startswith(quote["suffix"])
        purposes = [body["purpose"] for body in item["body"]]
        assert purposes[0] == "tagging"
        if item["motivation"] == "identifying":
            assert "identifying" in purposes
        positions.add((quote["exact"], start, end))
    content = dump(source.database)
    assert positions == {
        (a["quote"], a["start"], a["end"])
        for a in content["annotations"]
        if a["anchor"] != "orphaned"
    }


def test_ids_are_stable(tmp_path: Path) -> None:
    source, path, first = exported(tmp_path)
    export_w3c(source, path, overwrite=True)
    second = json.loads(path.read_text(encoding="utf-8"))
    assert [i["id"] for i in first["first"]["items"]] == [i["id"] for i in second["first"]["items"]]
    assert first["id"] == second["id"]


def test_positions_that_do_not_hold_fall_back_to_the_quote(tmp_path: Path) -> None:
    _, path, data = exported(tmp_path)
    items = [i for i in data["first"]["items"] if isinstance(i["target"], dict)]
    emoji = next(i for i in items if "😀" in i["target"]["selector"][0]["prefix"])
    position = emoji["target"]["selector"][1]
    position["start"] += 1  # as a tool counting UTF-16 units puts it after an emoji
    position["end"] += 1
    lost = items[0]
    lost["target"]["selector"][0]["exact"] = "نص غير موجود"
    lost["target"]["selector"][1]["start"] = 10**9
    lost["target"]["selector"][1]["end"] = 10**9 + 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = Project.open(tmp_path / "copy.hamish")
    report = import_w3c(target, path)
    said = " ".join(report.notices)
    assert (
        "1 annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) "
        "disagree were placed where the quote is." in said
    )
    assert "1 annotations whose quote is not in the text were not imported" in said
    content = dump(target.database)
    texts = {d["id"]: d["text"] for d in content["documents"]}
    for a in content["annotations"]:
        assert texts[a["document_id"]][a["start"] : a["end"]] == a["quote"]
    assert any(
        a["quote"] == emoji["target"]["selector"][0]["exact"] for a in content["annotations"]
    )


def test_a_file_from_another_tool(tmp_path: Path) -> None:
    """A Hypothesis-like annotation: a tag, a comment, a target by address. Without the text
    in the file it cannot be anchored, and says so."""
    text = "😀 قال جون كيري إن الاتفاق صامد."
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "hamish:documents": [{"id": "https://example.com/a", "title": "A", "text": text}],
        "items": [
            {
                "id": "https://hypothes.is/a/1",
                "type": "Annotation",
                "body": [
                    {"type": "TextualBody", "purpose": "tagging", "value": "سياسي"},
                    {"type": "TextualBody", "purpose": "commenting", "value": "مهم"},
                ],
                "target": {
                    "source": "https://example.com/a",
                    "selector": [{"type": "TextQuoteSelector", "exact": "جون كيري"}],
                },
            },
            {
                "type": "Annotation",
                "body": "x",
                "target": {"source": "https://example.com/other", "selector": []},
            },
            {"type": "Other"},
        ],
    }
    path = tmp_path / "h.jsonld"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project = Project.open(tmp_path / "p.hamish")
    report = import_w3c(project, path)
    content = dump(project.database)
    (annotation,) = content["annotations"]
    assert (annotation["quote"], annotation["note"]) == ("جون كيري", "مهم")
    assert {row["key"] for row in content["labels"]} >= {"سياسي"}
    said = " ".join(report.notices)
    assert "1 items that are not annotations" in said
    assert "1 annotations on texts that are not in the file" in said


def refused(tmp_path: Path, content: str | bytes, *words: str) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    project = Project.open(tmp_path / "p.hamish")
    with pytest.raises(ImportRejected) as caught:
        import_w3c(project, path)
    for word in words:
        assert word in str(caught.value), str(caught.value)
    assert project.documents.summaries() == []
    project.close()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[" * 100_000, ("nested too deeply to be read",)),
        ('{"total": NaN}', ("not valid JSON",)),
        ("{", ("not valid JSON",)),
        (b"\xff\xfe", ("not UTF-8",)),
        ('{"type": "Person"}', ("not a Web Annotation file",)),
        ('{"type": "AnnotationPage", "items": []}', ("no article texts",)),
    ],
)
def test_hostile_or_wrong_files(
    tmp_path: Path, content: str | bytes, words: tuple[str, ...]
) -> None:
    refused(tmp_path, content, *words)


def test_huge_json_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(w3c, "MAX_BYTES", 1000)
    refused(tmp_path, " " * 5000, "Web Annotation files of up to")


def test_a_hamish_export_quoting_the_context_is_not_taken_for_one(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(
        '{\n "format": "hamish",\n "version": 1,\n "documents": [{"text": '
        '"See http://www.w3.org/ns/anno.jsonld"}]}',
        encoding="utf-8",
    )
    assert not looks_like_w3c(path)
    path.write_text('{"@context": "http://www.w3.org/ns/anno.jsonld"}', encoding="utf-8")
    assert looks_like_w3c(path)


def _positioned(tmp_path: Path, *selectors: Any) -> tuple[Project, list[str]]:
    """A file of another tool whose annotations each have one target with ``selectors``."""
    text = "😀 قال جون كيري إن الاتفاق صامد."
    items = [
        {
            "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "سياسي"}],
            "target": {"source": "https://example.com/a", "selector": selector},
        }
        for selector in selectors
    ]
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "hamish:documents": [{"id": "https://example.com/a", "title": "A", "text": text}],
        "items": items,
    }
    path = tmp_path / "p.jsonld"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project = Project.open(tmp_path / "p.hamish")
    return project, import_w3c(project, path).notices


def test_a_position_alone_outside_the_text_is_said_as_that(tmp_path: Path) -> None:
    """One within the text places its tag, in code points as the W3C model counts them (the
    emoji before the name is one, where UTF-16 has two units); the others are said to be
    outside the text — they were reported as quotes not in the text, with no quote."""
    project, notices = _positioned(
        tmp_path,
        [{"type": "TextPositionSelector", "start": 3, "end": 999}],
        {"type": "TextPositionSelector", "start": 5, "end": 2},
        {"type": "TextPositionSelector", "start": "6", "end": -1},
        {"type": "TextPositionSelector", "start": 0, "end": 3},
        {"type": "TextPositionSelector", "start": 6, "end": 14},
    )
    assert notices == [
        "3 annotations placed only by a position (TextPositionSelector) that is not within "
        "their article's text were not imported: the first runs from 3 to 999 in an article "
        "of 31 characters."
    ]
    assert [a["quote"] for a in dump(project.database)["annotations"]] == ["😀 ق", "جون كيري"]


def test_selectors_that_disagree_say_the_quote_was_used(tmp_path: Path) -> None:
    quote = {"type": "TextQuoteSelector", "exact": "الاتفاق"}
    project, notices = _positioned(
        tmp_path,
        [quote, {"type": "TextPositionSelector", "start": 6, "end": 14}],  # جون كيري there
        [quote, {"type": "TextPositionSelector", "start": 40, "end": 47}],  # beyond the end
    )
    assert notices == [
        "1 annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) "
        "disagree were placed where the quote is.",
        "1 annotations whose position (TextPositionSelector) is outside the text were placed "
        "by their quote (TextQuoteSelector).",
    ]
    quotes = [a["quote"] for a in dump(project.database)["annotations"]]
    assert quotes == ["الاتفاق", "الاتفاق"]
