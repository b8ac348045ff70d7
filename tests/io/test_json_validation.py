"""Every rule docs/json-format.md states, one case each (issue 13, failure 8).

The JSON importer accepted a colour of ``"red; drop table"``, a timestamp of ``"not a date"``
(then shown in the library), a claim on an entity-kind label, a negative id and NUL or ESC in
texts and titles. Each case below breaks one rule of the format document in the document's own
example file and names the message, with its JSON path, that must refuse it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.json_import import import_json, validate_project_data
from desktop.store.project import Project
from desktop.store.transfer import TABLES, dump

DOCS = Path(__file__).resolve().parents[2] / "docs" / "json-format.md"
Data = dict[str, Any]


def example() -> Data:
    """The example file of docs/json-format.md (one of each row)."""
    text = DOCS.read_text(encoding="utf-8").split("```json\n", 1)[1].split("```", 1)[0]
    data: Data = json.loads(text)
    return data


def test_the_example_is_valid() -> None:
    validate_project_data(example(), "example.json")


def _set(table: str, field: str, value: object, index: int = 0) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data[table][index][field] = value

    return change


def _header(key: str, value: object) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data[key] = value

    return change


def _append_to_text(tail: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        document = data["documents"][0]
        document["text"] += tail
        document["char_count"] = len(document["text"])

    return change


MUST_BE_LINE = "must be one line, without line breaks"
NO_CONTROL = r"contains a control character \(U\+{}\); only tab and newline are allowed"
TIMESTAMP = r"must be a UTC time with seconds such as 2024-05-02T09:00:00\+00:00, not "

# (rule, change, message): the rule names what the case covers (a ``form`` or ``minimum`` of
# store/transfer.py's TABLES, or a rule across records), so coverage can be checked below.
CASES: dict[str, tuple[str, Callable[[Data], None], str]] = {
    # --- strings anywhere: no control character but tab and newline ----------------------
    "nul-in-title": (
        "control",
        _set("documents", "title", "تصريح\x00 المتحدث"),
        r'document 1: "title" ' + NO_CONTROL.format("0000") + r" \(at documents\[0\]\.title\)",
    ),
    "escape-in-text": (
        "control",
        _append_to_text("\x1b]0;pwned\x07\x1b[2J"),
        r'document 1: "text" ' + NO_CONTROL.format("001B") + r" \(at documents\[0\]\.text\)",
    ),
    "c1-in-note": (
        "control",
        _set("notes", "body", "سطر\x9b31m"),
        r'note 1: "body" ' + NO_CONTROL.format("009B") + r" \(at notes\[0\]\.body\)",
    ),
    "del-in-entity-notes": (
        "control",
        _set("entities", "notes", "ملاحظة\x7f"),
        r'entity 1: "notes" ' + NO_CONTROL.format("007F"),
    ),
    "surrogate": (
        "control",
        _set("entity_aliases", "alias", "كيري\ud800"),
        r'entity alias 1: "alias" contains an invalid character \(an unpaired UTF-16 surrogate\)',
    ),
    # --- header --------------------------------------------------------------------------
    "exported-at": (
        "header",
        _header("exported_at", "yesterday"),
        r'"exported_at" ' + TIMESTAMP + r'"yesterday" \(at exported_at\)',
    ),
    "app-version-type": (
        "header",
        _header("app_version", 5),
        r'"app_version" must be a string, not an integer \(at app_version\)',
    ),
    "app-version-line": (
        "header",
        _header("app_version", "0.1\n\x1b[2J"),
        r'"app_version" contains a control character \(U\+001B\)',
    ),
    "schema-version-type": (
        "header",
        _header("schema_version", "3"),
        r'"schema_version" must be an integer, not a string \(at schema_version\)',
    ),
    "schema-version-minimum": (
        "header",
        _header("schema_version", 0),
        r'"schema_version" must be 1 or more, not 0 \(at schema_version\)',
    ),
    "scope": (
        "header",
        _header("scope", "everything"),
        r'"scope" must be "project" or "documents", not "everything" \(at scope\)',
    ),
    # --- ids -----------------------------------------------------------------------------
    "negative-id": (
        "minimum",
        _set("documents", "id", -1),
        r'document -1: "id" must be 1 or more, not -1 \(at documents\[0\]\.id\)',
    ),
    "zero-id": (
        "minimum",
        _set("labels", "id", 0),
        r'label 0: "id" must be 1 or more, not 0 \(at labels\[0\]\.id\)',
    ),
    # --- timestamps ----------------------------------------------------------------------
    "not-a-date": (
        "timestamp",
        _set("documents", "imported_at", "not a date"),
        r'document 1: "imported_at" ' + TIMESTAMP + r'"not a date" \(at documents\[0\]',
    ),
    "not-utc": (
        "timestamp",
        _set("annotations", "created_at", "2024-05-02T12:00:00+03:00"),
        r'annotation 1: "created_at" ' + TIMESTAMP + r'"2024-05-02T12:00:00\+03:00"',
    ),
    "no-seconds": (
        "timestamp",
        _set("claims", "modified_at", "2024-05-02T09:02"),
        r'claim 1: "modified_at" ' + TIMESTAMP,
    ),
    "impossible-moment": (
        "timestamp",
        _set("decisions", "decided_at", "2024-02-30T09:00:00Z"),
        r'decision 1: "decided_at" ' + TIMESTAMP,
    ),
    # --- documents -----------------------------------------------------------------------
    "empty-title": (
        "title",
        _set("documents", "title", "   "),
        r'document 1: "title" cannot be empty \(at documents\[0\]\.title\)',
    ),
    "title-line-break": (
        "title",
        _set("documents", "title", "سطر\nسطر"),
        r'document 1: "title" ' + MUST_BE_LINE,
    ),
    "title-override": (
        "title",
        _set("documents", "title", "photo\u202egpj.exe"),
        r'document 1: "title" contains a bidi control character \(U\+202E\), which could '
        r"reorder what is shown",
    ),
    "source-tab": (
        "line",
        _set("documents", "source", "وكالة\tمثال"),
        r'document 1: "source" must be one line, without tabs \(at documents\[0\]\.source\)',
    ),
    "author-isolate": (
        "line",
        _set("documents", "author", "\u2067سلمى"),
        r'document 1: "author" contains a bidi control character \(U\+2067\)',
    ),
    "url-line-break": ("line", _set("documents", "url", "https://a\u2028b"), MUST_BE_LINE),
    # A briefing makes the address a link: javascript:, file:, a Windows share or ms-msdt:
    # would be live links in Word (the share leaks the reader's credentials when clicked).
    "url-javascript": (
        "web address",
        _set("documents", "url", "javascript:alert(1)"),
        r'document 1: "url" must be empty or a web address starting with http:// or '
        r'https://, not "javascript:alert\(1\)" \(at documents\[0\]\.url\)',
    ),
    "url-share": (
        "web address",
        _set("documents", "url", "\\\\evil.example\\share"),
        r'"url" must be empty or a web address',
    ),
    "empty-text": (
        "text",
        _set("documents", "text", " \n "),
        r'document 1: "text" cannot be empty \(at documents\[0\]\.text\)',
    ),
    "carriage-return": (
        "text",
        _append_to_text("\r\nسطر"),
        r'document 1: "text" ' + NO_CONTROL.format("000D"),
    ),
    "paragraph-separator": (
        "text",
        _append_to_text("\u2029سطر"),
        r'document 1: "text" contains a line break U\+2029; lines end with \\n \(U\+000A\) only',
    ),
    "published": (
        "date",
        _set("documents", "published", "2024-02-30"),
        r'document 1: "published" must be a real date written YYYY-MM-DD, not "2024-02-30"',
    ),
    "published-format": (
        "date",
        _set("documents", "published", "01/05/2024"),
        r'"published" must be a real date written YYYY-MM-DD, not "01/05/2024"',
    ),
    "language": (
        "language",
        _set("documents", "language", "Arabic"),
        r'document 1: "language" must be a language code such as ar, en or und, not "Arabic"',
    ),
    "content-hash": (
        "sha256",
        _set("documents", "content_hash", "abc"),
        r'"content_hash" must be a SHA-256 written as 64 lower-case hexadecimal digits',
    ),
    "char-count-minimum": (
        "minimum",
        _set("documents", "char_count", -1),
        r'document 1: "char_count" must be 0 or more, not -1',
    ),
    "char-count-utf16": (
        "char_count",
        _set("documents", "char_count", 36),  # what JavaScript's length says
        r'document 1: "char_count" is 36, but its text has 34 characters \(offsets count '
        r"code points\) \(at documents\[0\]\.char_count\)",
    ),
    # --- labels --------------------------------------------------------------------------
    "colour": (
        "colour",
        _set("labels", "color", "red; drop table"),
        r'label 1: "color" must be a colour written #rrggbb, not "red; drop table" '
        r"\(at labels\[0\]\.color\)",
    ),
    "colour-short": ("colour", _set("labels", "color", "#fff"), r'"color" must be a colour'),
    "icon": (
        "icon",
        _set("labels", "icon", "../../../.bashrc"),
        r'label 1: "icon" must be an icon name such as mdi6.account, or empty, '
        r'not "../../../.bashrc"',
    ),
    "shortcut": (
        "shortcut",
        _set("labels", "shortcut", "10"),
        r'label 1: "shortcut" must be one digit, or empty, not "10"',
    ),
    "empty-key": (
        "key",
        _set("labels", "key", ""),
        r'label 1: "key" cannot be empty \(at labels\[0\]\.key\)',
    ),
    # A key is written into brat's and CoNLL's type column: 10,000 characters were kept.
    "key-long": (
        "key",
        _set("labels", "key", "k" * 521),
        r'label 1: "key" is longer than 520 characters \(521\)',
    ),
    "label-name-line": ("given name", _set("labels", "name_ar", "شخص\nآخر"), MUST_BE_LINE),
    # What the edits refuse too (core/values.py): a name that reads other than it is stored,
    # or fills the toolbar.
    "label-name-bidi": (
        "given name",
        _set("labels", "name_en", "\u202enosreP"),
        r'label 1: "name_en" contains a bidi control character \(U\+202E\)',
    ),
    "label-name-long": (
        "given name",
        _set("labels", "name_en", "P" * 501),
        r'label 1: "name_en" is longer than 500 characters \(501\)',
    ),
    "entity-name-escape": (
        "required given name",
        _set("entities", "name", "\x1b[2Jكيري"),
        r'entity 1: "name" contains a control character \(U\+001B\)',
    ),
    "kind": (
        "choices",
        _set("labels", "kind", "weapon"),
        r'label 1: "kind" must be one of "entity", "claim", "note", "span", not "weapon"',
    ),
    # --- entities and aliases -------------------------------------------------------------
    "entity-type": (
        "choices",
        _set("entities", "type", "spy"),
        r'entity 1: "type" must be one of "person", "organisation", "location", "event", '
        r'"other", not "spy"',
    ),
    "entity-name": (
        "required given name",
        _set("entities", "name", ""),
        r'entity 1: "name" cannot be empty',
    ),
    "description-line": (
        "name",
        _set("entities", "description", "سطر\nسطر"),
        r'entity 1: "description" ' + MUST_BE_LINE,
    ),
    "alias-empty": (
        "required given name",
        _set("entity_aliases", "alias", " "),
        r'entity alias 1: "alias" cannot be empty',
    ),
    # --- annotations ---------------------------------------------------------------------
    "start-minimum": (
        "minimum",
        _set("annotations", "start", -3),
        r'annotation 1: "start" must be 0 or more, not -3 \(at annotations\[0\]\.start\)',
    ),
    "end-minimum": (
        "minimum",
        _set("annotations", "end", 0),
        r'annotation 1: "end" must be 1 or more, not 0',
    ),
    "empty-span": (
        "offsets",
        _set("annotations", "end", 6),
        r"annotation 1 must cover at least one character \(start 6, end 6\) "
        r"\(at annotations\[0\]\)",
    ),
    "prefix": (
        "context",
        _set("annotations", "prefix", "ق" * 33),
        r'annotation 1: "prefix" is longer than 32 characters \(33\)',
    ),
    "annotation-author": (
        "name",
        _set("annotations", "author", "analyst\nroot"),
        r'annotation 1: "author" ' + MUST_BE_LINE,
    ),
    # --- claims --------------------------------------------------------------------------
    "claim-on-entity-label": (
        "claim kind",
        _set("claims", "annotation_id", 1),  # annotation 1 is tagged person
        r'claim 1 is on annotation 1, whose label "person" is of kind entity, not claim '
        r"\(at claims\[0\]\.annotation_id\)",
    ),
    "claimed-on": (
        "partial date",
        _set("claims", "claimed_on", "2015-13"),
        r'claim 1: "claimed_on" must be a real date written YYYY-MM-DD, YYYY-MM or YYYY, '
        r'not "2015-13"',
    ),
    "claimed-on-words": (
        "partial date",
        _set("claims", "claimed_on", "soon"),
        r'"claimed_on" must be a real date',
    ),
    "credibility": (
        "choices",
        _set("claims", "credibility", 7),
        r'claim 1: "credibility" must be one of 1, 2, 3, 4, 5, 6, not 7',
    ),
    # --- notes and decisions -------------------------------------------------------------
    "note-author": (
        "name",
        _set("notes", "author", "a\u2028b"),
        r'note 1: "author" ' + MUST_BE_LINE,
    ),
    "decision-start": (
        "minimum",
        _set("decisions", "start", -1),
        r'decision 1: "start" must be 0 or more, not -1 \(at decisions\[0\]\.start\)',
    ),
    "decision-empty": (
        "offsets",
        _set("decisions", "end", 6),
        r"decision 1 must cover at least one character \(start 6, end 6\) \(at decisions\[0\]\)",
    ),
    "decision-outside": (
        "offsets",
        _set("decisions", "end", 99),
        r"decision 1 covers characters 6–99, outside document 1, which has 34 characters",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_rule_is_enforced_with_its_json_path(case: str) -> None:
    _rule, change, message = CASES[case]
    data = copy.deepcopy(example())
    change(data)
    with pytest.raises(ImportRejected, match=message):
        validate_project_data(data, "bad.json")


def test_every_form_and_minimum_of_the_format_has_a_case() -> None:
    covered = {rule for rule, _, _ in CASES.values()}
    forms = {f.form for table in TABLES for f in table.fields if f.form}
    assert forms <= covered, forms - covered
    assert any(f.minimum is not None for t in TABLES for f in t.fields)
    assert "minimum" in covered and "choices" in covered


def test_the_reported_attack_file_is_refused_and_the_project_left_alone(tmp_path: Path) -> None:
    """The issue's file: every problem of its records at once, each with its path; nothing
    imported. (The claim on an entity label is a rule across records, checked once every
    record is well formed: the next test.)"""
    data = example()
    data["labels"][0]["color"] = "red; drop table"
    data["documents"][0]["imported_at"] = "not a date"
    data["documents"][0]["title"] = "\x1b]0;pwned\x07\x00عنوان"
    data["claims"][0]["annotation_id"] = 1
    data["entities"][0]["id"] = -4
    path = tmp_path / "attack.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "p.hamish") as project:
        before = dump(project.database)
        with pytest.raises(ImportRejected) as raised:
            import_json(project, path)
        assert dump(project.database) == before
    message = str(raised.value)
    assert message.startswith("attack.json cannot be imported (4 problems): ")
    for path_shown in (
        "documents[0].title",
        "documents[0].imported_at",
        "labels[0].color",
        "entities[0].id",
    ):
        assert f"(at {path_shown})" in message, message
    assert "\x1b" not in message and "\x00" not in message  # the values shown are escaped


def test_a_claim_on_an_entity_label_once_the_rest_is_valid() -> None:
    data = example()
    data["claims"][0]["annotation_id"] = 1
    with pytest.raises(ImportRejected, match=r'whose label "person" is of kind entity'):
        validate_project_data(data, "bad.json")
