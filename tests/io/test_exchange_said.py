"""What an exchange import leaves out is said, never dropped quietly: flaws found by an
attack on the Web Annotation, brat and REFI-QDA importers (each test once passed silently)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.exchange import w3c
from desktop.store.project import Project
from tests.io import exchange_project as fixture


def _import_w3c(tmp_path: Path, out: Path, data: dict[str, Any]) -> tuple[Any, Project]:
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = Project.open(tmp_path / "target.hamish")
    return w3c.import_w3c(target, out), target


def _claim_item(data: dict[str, Any]) -> dict[str, Any]:
    for item in data["first"]["items"]:
        if any("hamish:claim" in body for body in w3c._list(item.get("body"))):
            return item
    raise AssertionError("no claim")


def test_a_web_annotation_tag_without_a_selector_is_said(tmp_path: Path) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    del data["first"]["items"][0]["target"]["selector"]
    report, target = _import_w3c(tmp_path, out, data)
    target.close()
    assert report.load.annotations == 11
    assert "1 tags without a place in the text (no selector) were not imported." in report.notices


def test_a_tag_without_a_selector_on_an_article_not_in_the_file_is_said_so(
    tmp_path: Path,
) -> None:
    """It was counted as an annotation "without a tag, an entity or a comment"."""
    out, data = fixture.exported_w3c(tmp_path)
    item = data["first"]["items"][0]
    item["body"] = [b for b in item["body"] if b.get("purpose") != "commenting"]  # a tag alone
    target = item["target"]
    del target["selector"]
    target["source"] = "urn:example:not-in-this-file"
    report, project = _import_w3c(tmp_path, out, data)
    project.close()
    assert report.load.annotations == 11
    assert "1 annotations on texts that are not in the file were not imported." in report.notices
    assert not any("without a tag" in notice for notice in report.notices)


@pytest.mark.parametrize("first", [None, "https://example.org/page1"])
def test_a_collection_whose_first_page_is_not_in_the_file_is_refused(
    tmp_path: Path, first: Any
) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    data["first"] = first
    with pytest.raises(ImportRejected, match="holds no page of annotations"):
        _import_w3c(tmp_path, out, data)
    with Project.open(tmp_path / "target.hamish") as target:
        assert target.documents.count() == 0


def test_a_claim_whose_details_are_null_keeps_its_claim_and_is_said(tmp_path: Path) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    for body in _claim_item(data)["body"]:
        if "hamish:claim" in body:
            body["hamish:claim"] = None
    report, target = _import_w3c(tmp_path, out, data)
    with target:
        assert len(fixture.claims(target)) == 3
    assert (
        "Left out: claim details that are not a set of values, so the claim keeps its defaults (1)."
        in report.notices
    )


@pytest.mark.parametrize("text", [5, "", "   ", None])
def test_an_article_without_a_text_is_said(tmp_path: Path, text: Any) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    data["hamish:documents"][1]["text"] = text
    report, target = _import_w3c(tmp_path, out, data)
    target.close()
    assert report.load.documents == 1
    assert "Left out: articles without a text (1)." in report.notices


def test_two_articles_sharing_one_id_are_refused(tmp_path: Path) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    documents = data["hamish:documents"]
    documents[1]["id"] = documents[0]["id"]
    with pytest.raises(ImportRejected, match="two articles have the id urn:uuid:"):
        _import_w3c(tmp_path, out, data)


def test_a_web_annotation_claim_linked_to_itself_is_said_so(tmp_path: Path) -> None:
    out, data = fixture.exported_w3c(tmp_path)
    item = _claim_item(data)
    for body in item["body"]:
        if "hamish:claim" in body:
            body["hamish:claim"]["links"] = [{"kind": "supports", "to": item["id"]}]
    report, target = _import_w3c(tmp_path, out, data)
    target.close()
    assert "Left out: claim links from a claim to itself (1)." in report.notices
    assert not any("not claims" in notice for notice in report.notices)


# --- brat ----------------------------------------------------------------------------------
_TEXT = "قال جون كيري إن المحادثات مستمرة."
_CONF = "# hamish-label person entity\n# hamish-label claim claim\n[entities]\nperson\nclaim\n"


def _brat(tmp_path: Path, ann: str, files: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(_CONF, encoding="utf-8")
    for name, text in (files or {"a.txt": _TEXT, "a.ann": ann}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_TAGS = "T1\tperson 4 12\tجون كيري\nT2\tclaim 13 32\tإن المحادثات مستمرة\n"


def _brat_notices(tmp_path: Path, ann: str) -> tuple[list[str], Project]:
    from desktop.io.exchange.brat import import_brat

    target = Project.open(tmp_path / "target.hamish")
    return import_brat(target, _brat(tmp_path, _TAGS + ann)).notices, target


TWICE = (
    "Left out: references, claimants and claim attributes given twice for one tag, of which "
    "the last was kept (1)."
)


@pytest.mark.parametrize(
    "ann",
    [
        "N1\tReference T1 Wikidata:Q1\tجون كيري\nN2\tReference T1 Wikidata:Q2\tكيري آخر\n",
        "A1\tStance T2 asserts\nA2\tStance T2 denies\n",
        "T3\tperson 0 3\tقال\nR1\tClaimant Arg1:T2 Arg2:T1\nR2\tClaimant Arg1:T2 Arg2:T3\n",
    ],
)
def test_a_brat_value_given_twice_for_one_tag_is_said(tmp_path: Path, ann: str) -> None:
    notices, target = _brat_notices(tmp_path, ann)
    target.close()
    assert TWICE in notices


def test_a_brat_claim_as_its_own_claimant_makes_no_person(tmp_path: Path) -> None:
    notices, target = _brat_notices(tmp_path, "R1\tClaimant Arg1:T2 Arg2:T2\n")
    with target:
        names = {e.name for e in target.entities.summaries()}
    assert "إن المحادثات مستمرة" not in names
    assert "Left out: relations of a tag to itself (1)." in notices


def test_a_brat_claim_supporting_itself_is_said_so(tmp_path: Path) -> None:
    # (An attribute written twice alike loses nothing: not said.)
    ann = "A1\tStance T2 denies\nA2\tStance T2 denies\nR1\tSupports Arg1:T2 Arg2:T2\n"
    notices, target = _brat_notices(tmp_path, ann)
    target.close()
    assert notices == ["Left out: claim links from a claim to itself (1)."]


def test_the_tag_limit_names_the_file_not_the_article_where_it_ran_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.io.exchange import common
    from desktop.io.exchange.brat import import_brat

    monkeypatch.setattr(common, "SPANS", 3)
    folder = _brat(
        tmp_path, "", {"a.txt": _TEXT, "a.ann": _TAGS, "b.txt": _TEXT + " ", "b.ann": _TAGS}
    )
    with Project.open(tmp_path / "target.hamish") as target, pytest.raises(ImportRejected) as error:
        import_brat(target, folder)
    assert str(error.value).startswith("brat holds more than 3 tags")


# --- REFI-QDA ------------------------------------------------------------------------------
def _qdpx_members(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    import zipfile

    from desktop.io.exchange import qdpx

    source = fixture.build(tmp_path / "source.hamish")
    out = tmp_path / "out.qdpx"
    qdpx.export_qdpx(source, out)
    source.close()
    with zipfile.ZipFile(out) as archive:
        return out, {info.filename: archive.read(info) for info in archive.infolist()}


def _import_qdpx(tmp_path: Path, out: Path, members: dict[str, bytes]) -> tuple[Any, Project]:
    import zipfile

    from desktop.io.exchange import qdpx

    with zipfile.ZipFile(out, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    target = Project.open(tmp_path / "target.hamish")
    return qdpx.import_qdpx(target, out), target


def test_a_refi_qda_label_key_that_is_no_text_matches_the_label_of_its_name(
    tmp_path: Path,
) -> None:
    out, members = _qdpx_members(tmp_path)
    qde = members["project.qde"].decode("utf-8")
    assert '"key":"person","kind":"entity"' in qde
    members["project.qde"] = qde.replace('"key":"person"', '"key":5', 1).encode("utf-8")
    report, target = _import_qdpx(tmp_path, out, members)
    with target:
        people = [label for label in target.labels.all() if label.name_en == "Person"]
        assert [label.key for label in people] == ["person"]
    assert "Left out: label keys in Hamish lines that are not text (1)." in report.notices


def test_a_zero_length_refi_qda_selection_is_said_to_cover_no_text(tmp_path: Path) -> None:
    import re

    out, members = _qdpx_members(tmp_path)
    qde = members["project.qde"].decode("utf-8")
    members["project.qde"] = re.sub(
        r'startPosition="(\d+)" endPosition="\d+"',
        r'startPosition="\1" endPosition="\1"',
        qde,
        count=1,
    ).encode("utf-8")
    report, target = _import_qdpx(tmp_path, out, members)
    target.close()
    assert report.load.annotations == 11
    assert "1 selections that cover no text were not imported." in report.notices
    assert not any("outside" in notice for notice in report.notices)


def test_a_refi_qda_claim_linked_to_itself_is_said_so(tmp_path: Path) -> None:
    import re

    out, members = _qdpx_members(tmp_path)
    memo = min(m for m, data in members.items() if b'"links":[{' in data)
    guid = memo.removeprefix("sources/").removesuffix(".txt")
    members[memo] = re.sub(
        r'"to":"[0-9a-f-]+"', f'"to":"{guid}"', members[memo].decode("utf-8"), count=1
    ).encode("utf-8")
    report, target = _import_qdpx(tmp_path, out, members)
    target.close()
    assert "Left out: claim links from a claim to itself (1)." in report.notices
