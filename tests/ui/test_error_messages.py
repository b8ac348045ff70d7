"""Every message of the lower layers reaches the Arabic analyst in Arabic.

The messages are read from the source of desktop/core, store, io, learn and ops (the string or
f-string of each ``raise``, ``ImportFailure`` reason, metadata problem and exception
``__init__``, and the strings of the few helpers that build messages), each f-string hole made a
``{}``; each must have a template in ``desktop/ui/errors.py`` (and so its Arabic in
``hamish_ar.ts``, which ``tests/test_translations.py`` checks). A new message without one fails
here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.errors import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("desktop/core", "desktop/store", "desktop/io", "desktop/learn", "desktop/ops")
# Programming errors, never shown to the analyst.
INTERNAL = {
    "ValueError",
    "RuntimeError",
    "FileExistsError",
    "DatabaseError",
    "IntegrityError",
    "RowConflict",
    "AssertionError",
}
# Functions that build a message from parts: every sentence they return counts.
BUILDERS = {
    "describe_sqlite_error",
    "_unsupported",
    "_summarise",
    "_validate",
    "_field_problem",
    "removed_controls_note",
    "invalid_characters_note",
    "replacement_note",
    "stray_mark_note",
    "_not_whole",
    "date_dropped_note",
    "header_date_note",
    "header_fields_note",
    "no_year_note",
    # json_import.py: what a string of a Hamish JSON file must look like
    "_string_problem",
    "_one_line",
    "_line",
    "_not_empty",
    "_text",
    "_timestamp",
    "_date",
    "_partial_date",
    "_context",
    "_memory_message",
}
# Messages made of a name and a phrase chosen elsewhere: each phrase must be a template.
COMPOSED = {
    "{} {}.": ["{} is empty.", "{} contains only white space."],
    "{}: {}.": [
        "{}: old binary Word documents (.doc) are not imported; save it as .docx.",
        "{}: RTF is not imported; save it as .docx or plain text.",
        "{}: OpenDocument text is not imported; save it as .docx.",
        "{}: Hamish JSON exports are imported on their own (hamish import FILE.json).",
        "{}: web archives (.mht) are not imported; save the page as HTML.",
        "{}: web archives (.mhtml) are not imported; save the page as HTML.",
        "{}: Outlook .msg files are not imported; save the message as .eml.",
        "{}: annotation files (.xmi, .qdpx, .jsonld) are imported on their own: name the file, "
        "or use File ▸ Import Annotations.",
        "{}: brat annotations (.ann) are imported with their folder: name the folder that "
        "holds them, or use File ▸ Import Annotations.",
    ],
    "{}: Hamish does not import {}.": [
        "{}: Hamish does not import files without an extension.",
        "{}: Hamish does not import {} files.",
    ],
    "Cannot write {}: {}. Nothing was exported{}.": [
        "Cannot write {}: {}. Nothing was exported.",
        "Cannot write {}: {}. Nothing was exported; the existing file was left as it was.",
    ],
    "{} cannot be imported ({} problems): {}{}. Nothing was imported.": [
        "{} cannot be imported ({} problems): {}. Nothing was imported.",
        "and {} more",
    ],
    "There is no {} {} in this project; nothing was exported.": [
        "There is no document {} in this project; nothing was exported.",
        "There is no documents {} in this project; nothing was exported.",
    ],
}
_HOLE = re.compile(r"\{[^{}]*\}")


def _template(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_template(part) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _template(node.left) + _template(node.right)
    return "{}"


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, (ast.JoinedStr, ast.BinOp)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _messages_in(tree: ast.Module) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _name(node.exc) not in INTERNAL and node.exc.args:
                first = node.exc.args[0]
                if not _template(first)[:1].islower():  # a lower-case one is internal
                    yield first
        elif isinstance(node, ast.Call):
            name = _name(node)
            if name == "ImportFailure" and len(node.args) > 1:
                yield node.args[1]
            elif name == "__init__" and node.args and _is_text(node.args[0]):
                if not _template(node.args[0])[:1].islower():
                    yield node.args[0]  # super().__init__("…") of an error class
            elif (
                name == "add"  # a problem of a JSON file (json_import.py's _Checker)
                and isinstance(node.func, ast.Attribute)
                and getattr(node.func.value, "id", "") == "self"
                and node.args
                and _is_text(node.args[0])
            ) or (
                name == "append"
                and isinstance(node.func, ast.Attribute)
                # a JSON file's problem; what opening a project must tell (store/db.py)
                and getattr(node.func.value, "id", "") in ("problems", "notices")
                and node.args
            ):
                yield node.args[0]
        elif isinstance(node, ast.FunctionDef) and node.name in BUILDERS:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and sub.value is not None:
                    yield sub.value
                elif isinstance(sub, ast.Tuple):
                    yield from (e for e in sub.elts if _template(e).endswith("."))
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "TOO_LARGE" for t in node.targets
        ):
            yield node.value


def lower_layer_messages() -> dict[str, str]:
    """Each message template (holes as ``{}``) → where it is first raised."""
    found: dict[str, str] = {}
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in _messages_in(tree):
                if not _is_text(node):
                    continue  # a message passed on (str(error), a variable): counted where made
                text = _HOLE.sub("{}", _template(node))
                found.setdefault(text, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_collector_finds_the_messages() -> None:
    found = lower_layer_messages()
    assert "There is no document {} in this project." in found
    assert "{} is empty." in found
    assert "The project is busy in another program; nothing was saved. Try again in a moment." in (
        found
    )
    assert "The export was cancelled; no file was written." in found
    assert "{} links a claim to itself" in found  # a JSON file's problem
    assert "is too large ({})" in found
    assert len(found) > 100


def test_every_lower_layer_message_has_a_translated_template() -> None:
    known = {_HOLE.sub("{}", template) for template in TEMPLATES}
    missing = []
    for text, where in lower_layer_messages().items():
        wanted = COMPOSED.get(text, [text])
        missing += [f"{where}: {want}" for want in wanted if want not in known]
    assert not missing, "add these to desktop/ui/errors.py TEMPLATES:\n" + "\n".join(missing)


FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def test_messages_with_values_come_out_in_arabic(arabic: QApplication) -> None:
    from desktop.ui.errors import error_text

    assert error_text("There is no document 42 in this project.") == (
        "لا يوجد مقال رقمه 42 في هذا المشروع."
    )
    shown = error_text("report final.docx is empty.")
    assert shown == f"{LRI}report final.docx{PDI} فارغ."  # a file name: left to right
    shown = error_text(
        "“Talks in Vienna” cannot be brought back: an article with the same text was "
        "imported after it was deleted."
    )
    assert shown.startswith("لا يمكن إرجاع «") and f"{FSI}Talks in Vienna{PDI}" in shown
    shown = error_text("notes.txt is 12 MB; articles larger than 10 MB are not imported.")
    assert "12 ميغابايت" in shown and "10 ميغابايت" in shown and "notes.txt" in shown


def test_a_file_kind_and_a_nested_message_are_translated(arabic: QApplication) -> None:
    from desktop.ui.errors import error_text

    shown = error_text("scan.html is named like a web page but is a PDF document.")
    assert "مستند PDF" in shown and "scan.html" in shown
    shown = error_text(
        "Cannot open /x.hamish: The project is busy in another program; nothing was saved. "
        "Try again in a moment."
    )
    assert shown.startswith("تعذّر فتح") and "المشروع مشغول" in shown and "/x.hamish" in shown
    # An unknown detail stays as it is, isolated inside the Arabic sentence.
    shown = error_text("Cannot read /a/b.hamish: No space left on device.")
    assert shown == f"تعذّرت قراءة {LRI}/a/b.hamish{PDI}: لا توجد مساحة كافية على القرص."


def test_several_messages_and_unknown_ones(arabic: QApplication) -> None:
    from desktop.ui.errors import error_text

    joined = "A label needs a name. There is no entity 7 in this project."
    assert error_text(joined) == "يحتاج الوسم إلى اسم. لا يوجد كيان رقمه 7 في هذا المشروع."
    assert error_text("Something nobody wrote down.") == "Something nobody wrote down."


def test_english_is_unchanged(qapp: QApplication) -> None:
    from desktop.ui.errors import error_text

    message = "report.docx is empty."
    assert error_text(message) == message


def test_real_import_failures_come_out_in_arabic(arabic: QApplication, tmp_path: Path) -> None:
    from desktop.core.errors import HamishError
    from desktop.io.batch import load_file
    from desktop.ui.errors import error_text

    cases = {
        "empty.txt": b"",
        "old.doc": b"\xd0\xcf\x11\xe0" + b"\0" * 600,
        "bad.json": b"{",
        "scan.pdf": b"not a pdf at all",
        "page.rtf": b"{\\rtf1 hello}",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(HamishError) as raised:
            load_file(tmp_path / name)
        message = str(raised.value)
        shown = error_text(message)
        assert shown != message and name in shown, message
        assert not re.search(r"\b(?:is|not|the|cannot)\b", shown.replace(name, "")), shown


def test_a_json_files_problems_come_out_in_arabic(arabic: QApplication) -> None:
    from desktop.core.errors import ImportRejected
    from desktop.io.importers.json_import import validate_project_data
    from desktop.ui.errors import error_text

    data = {
        "format": "hamish",
        "version": 1,
        "documents": [{"id": 1, "title": 5}, "not a record"],
    }
    with pytest.raises(ImportRejected) as raised:
        validate_project_data(data, "export.json")
    message = str(raised.value)
    shown = error_text(message)
    assert shown.startswith("تعذّر استيراد") and "export.json" in shown, message
    assert "required field" not in shown and "must be" not in shown, shown
    assert "المقال 1" in shown and "document 1" not in shown, shown


def test_odd_messages_neither_recurse_forever_nor_hang(arabic: QApplication) -> None:
    """A message that nests in itself (a file named like a problem) or holds many sentences
    is translated as far as it is known, quickly."""
    from desktop.ui.errors import error_text

    nested = 'x: "a" ' * 300 + "zz"
    assert error_text(nested)  # no RecursionError
    many = "A label needs a name. " * 200 + "Something else."
    assert error_text(many) == many  # one unknown sentence: shown as it is
    known = "A label needs a name. " * 200 + "There is no claim 3 in this project."
    assert error_text(known).endswith("لا يوجد ادعاء رقمه 3 في هذا المشروع.")
    # A file name with its own full stop and capital stays whole.
    assert error_text("Mr. Smith.txt is empty.") == f"{LRI}Mr. Smith.txt{PDI} فارغ."


def test_a_value_an_edit_refuses_is_told_in_arabic(arabic: QApplication) -> None:
    """The edits refuse with the JSON importer's words (core/values.py): the subject and the
    rule are translated, the value stays as it was typed."""
    from desktop.core.values import partial_date_problem
    from desktop.ui.errors import error_text

    shown = error_text(f"The claim's date {partial_date_problem('2016-02-30')}.")
    assert shown.startswith("تاريخ الادعاء: يجب أن يكون تاريخاً صحيحاً") and "2016-02-30" in shown
    shown = error_text('The label\'s colour must be a colour written #rrggbb, not "red; evil".')
    assert shown.startswith("لون الوسم: ") and "red; evil" in shown


def test_what_an_exchange_import_left_out_comes_out_in_arabic(
    arabic: QApplication, tmp_path: Path
) -> None:
    """The notices and refusals of attack 10's fixes (tests/io/test_exchange_said.py), as the
    importers write them, shown in Arabic: no English word of theirs left but the names of
    the format's own terms."""
    from desktop.io.exchange import brat, collect, qdpx, w3c
    from desktop.ui.errors import error_text

    details = (
        w3c.NOT_ARTICLES,
        w3c.NO_TEXT,
        w3c.TOO_LONG,
        collect.SELF_LINKS,
        collect.UNREADABLE_CLAIMS,
        brat.TWICE,
        "relations of a tag to itself",
        qdpx.BAD_KEYS,
    )
    messages = [f"Left out: {what} (2)." for what in details] + [
        "3 tags without a place in the text (no selector) were not imported.",
        'a.jsonld: its AnnotationCollection holds no page of annotations ("first" is not an '
        "AnnotationPage written in the file); nothing was imported.",
        "a.jsonld: two articles have the id urn:uuid:1, which must be unique; nothing was "
        "imported.",
        "1 selections that cover no text were not imported.",
    ]
    allowed = {"hamish", "documents", "AnnotationCollection", "first", "AnnotationPage", "Hamish"}
    for message in messages:
        shown = error_text(message)
        english = set(re.findall(r"[A-Za-z]{3,}", shown)) - allowed - {"jsonld", "urn", "uuid"}
        assert not english, (message, shown)


COUNTED_TAGS = "{n} tags without a place in the text (no selector) were not imported."


def test_a_count_takes_its_plural_form_in_arabic(arabic: QApplication) -> None:
    """Arabic's six forms — one, two, three to ten, eleven to ninety-nine, a hundred and
    more — where the message held one form for all, after the count ("وعددها 1")."""
    from desktop.ui.errors import error_text

    shown = {n: error_text(COUNTED_TAGS.format(n=n)) for n in (1, 2, 5, 11, 100)}
    assert shown[1] == "لم يُستورد وسم واحد بلا موضع في النص (بلا محدِّد)."
    assert shown[2] == "لم يُستورد وسمان بلا موضع في النص (بلا محدِّد)."
    assert shown[5] == "لم تُستورد 5 وسوم بلا موضع في النص (بلا محدِّد)."
    assert shown[11] == "لم يُستورد 11 وسماً بلا موضع في النص (بلا محدِّد)."
    assert shown[100] == "لم يُستورد 100 وسم بلا موضع في النص (بلا محدِّد)."
    # Its other values filled in, in the count's form.
    outside = error_text(
        "2 annotations placed only by a position (TextPositionSelector) that is not within "
        "their article's text were not imported: the first runs from 3 to 999 in an article "
        "of 31 characters."
    )
    assert outside.startswith("لم يُستورد تعليقان ") and "من 3 إلى 999" in outside
    # Two joined: each its own form (the count of the second took in the whole first one).
    joined = error_text(
        "1 picture sources were not imported. 2 decisions on suggestions were left out "
        "(REFI-QDA has no place for them)."
    )
    assert joined == (
        "لم يُستورد مصدر صورة واحد. استُبعد قراران بشأن اقتراحات (لا مكان لها في REFI-QDA)."
    )


def test_a_count_of_one_is_singular_in_english(qapp: QApplication) -> None:
    from desktop.ui.errors import error_text

    assert error_text(COUNTED_TAGS.format(n=1)) == (
        "1 tag without a place in the text (no selector) was not imported."
    )
    assert error_text(COUNTED_TAGS.format(n=3)) == COUNTED_TAGS.format(n=3)
    assert (
        error_text("1 annotations whose quote is not in the text were not imported.")
        == "1 annotation whose quote is not in the text was not imported."
    )


def test_every_counted_message_is_a_template() -> None:
    """The plural forms are found by the template a message matched: one listed in
    ``Counted`` but in no template would never be used."""
    tree = ast.parse((ROOT / "desktop/ui/errors.py").read_text(encoding="utf-8"))
    (listed,) = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == "Counted"]
    counted = {
        _template(call.args[0])
        for call in ast.walk(listed)
        if isinstance(call, ast.Call) and _name(call) == "tr"
    }
    assert len(counted) == 34
    assert counted <= set(TEMPLATES)
