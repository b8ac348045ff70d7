"""The names of edits (Edit → Undo “…”) in the interface language.

``desktop.ops`` stays Qt-free, so its ``Outcome.text`` is English ("Tag “كيري” as Person").
Rather than change every operation, the undo command translates the name here, at the UI
boundary: each English pattern of ``desktop/ops`` is listed once with its translatable
template (same placeholders), and a name that matches none (already translated by the UI, or
a new operation nobody listed yet) is shown as it is. ``tests/ui/test_i18n.py`` checks that
every ``text = f"…"`` of desktop/ops has a pattern here, so a new edit name is not forgotten.

Label names inside a name ("as Person") are shown in the interface language too: the session
passes its labels, and an English label name found in a placeholder becomes the Arabic one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.widgets.bidi import isolate

CONTEXT: Final = "EditNames"
_COUNT = r"(?P<n>[\d,]+)"

# (English pattern of desktop/ops, source template). A pattern with a count ``n`` names one of
# ``EditNames.counted`` instead: lupdate gives Arabic's six plural forms only to self.tr(…, n).
PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    (r"Re-anchor annotations", QT_TRANSLATE_NOOP("EditNames", "Re-anchor annotations")),
    (
        r"Tag “(?P<quote>.*)” as (?P<label>.+)",
        QT_TRANSLATE_NOOP("EditNames", "Tag “{quote}” as {label}"),
    ),
    (rf"Tag {_COUNT} passages?", "tag"),
    (r"Delete “(?P<quote>.*)”", QT_TRANSLATE_NOOP("EditNames", "Delete “{quote}”")),
    (
        r"Change “(?P<quote>.*)” to (?P<label>.+)",
        QT_TRANSLATE_NOOP("EditNames", "Change “{quote}” to {label}"),
    ),
    (r"Edit note on “(?P<quote>.*)”", QT_TRANSLATE_NOOP("EditNames", "Edit note on “{quote}”")),
    (rf"Reject {_COUNT} suggestions?", "reject suggestions"),
    (rf"Reject {_COUNT} mentions?", "reject mentions"),
    (rf"Import {_COUNT} articles?", "import"),
    (r"New article “(?P<title>.*)”", QT_TRANSLATE_NOOP("EditNames", "New article “{title}”")),
    (
        r"Delete article “(?P<title>.*)”",
        QT_TRANSLATE_NOOP("EditNames", "Delete article “{title}”"),
    ),
    (rf"Delete {_COUNT} articles?", "delete"),
    (
        r"Edit metadata of “(?P<title>.*)”",
        QT_TRANSLATE_NOOP("EditNames", "Edit metadata of “{title}”"),
    ),
    (r"Edit claim \((?P<fields>.*)\)", QT_TRANSLATE_NOOP("EditNames", "Edit claim")),
    (r"Link claims \((?P<kind>\w+)\)", QT_TRANSLATE_NOOP("EditNames", "Link claims ({kind})")),
    (r"Remove claim link", QT_TRANSLATE_NOOP("EditNames", "Remove claim link")),
    (
        r"Link “(?P<quote>.*)” to an entity",
        QT_TRANSLATE_NOOP("EditNames", "Link “{quote}” to an entity"),
    ),
    (r"Edit entity (?P<name>.+)", QT_TRANSLATE_NOOP("EditNames", "Edit entity {name}")),
    (r"Delete entity (?P<name>.+)", QT_TRANSLATE_NOOP("EditNames", "Delete entity {name}")),
    (r"Add aliases to (?P<name>.+)", QT_TRANSLATE_NOOP("EditNames", "Add aliases to {name}")),
    (
        r"Merge (?P<remove>.+) into (?P<keep>.+)",
        QT_TRANSLATE_NOOP("EditNames", "Merge {remove} into {keep}"),
    ),
    (r"Add label (?P<label>.+)", QT_TRANSLATE_NOOP("EditNames", "Add label {label}")),
    (r"Edit label (?P<label>.+)", QT_TRANSLATE_NOOP("EditNames", "Edit label {label}")),
    (r"Remove label (?P<label>.+)", QT_TRANSLATE_NOOP("EditNames", "Remove label {label}")),
)
_COMPILED: Final = tuple((re.compile(rf"{p}\Z", re.DOTALL), t) for p, t in PATTERNS)


def edit_name(
    text: str, labels: Iterable[tuple[str, str]] = (), term: Callable[[str], str] | None = None
) -> str:
    """``text`` (an ``Outcome.text``) in the interface language. ``labels``: (English name,
    name to show) pairs for label placeholders; ``term`` translates a claim-link kind."""
    for pattern, template in _COMPILED:
        match = pattern.match(text)
        if match is None:
            continue
        values = match.groupdict()
        count = values.pop("n", None)
        n = int(count.replace(",", "")) if count else -1
        shown = dict(labels)
        for key in ("label",):
            if key in values:
                values[key] = shown.get(values[key], values[key])
        if "kind" in values and term is not None:
            values["kind"] = term(values["kind"])
        # A quote, title or name keeps its own direction inside the sentence: an Arabic
        # quote in "Undo Tag “…” as Person" neither swaps places with the words around it
        # nor takes the closing quotation mark to its side.
        values = {key: isolate(value) for key, value in values.items()}
        if count:
            return _counted().counted(template, n)
        translated = QCoreApplication.translate(CONTEXT, template)
        return translated.format(**values) if values else translated
    return text


class EditNames(QObject):
    """The counted edit names, as plural messages."""

    def counted(self, key: str, n: int) -> str:
        if key == "tag":
            return self.tr("Tag %n passage(s)", "", n)
        if key == "reject suggestions":
            return self.tr("Reject %n suggestion(s)", "", n)
        if key == "reject mentions":
            return self.tr("Reject %n mention(s)", "", n)
        if key == "import":
            return self.tr("Import %n article(s)", "", n)
        return self.tr("Delete %n article(s)", "", n)


_names: list[EditNames] = []


def _counted() -> EditNames:
    if not _names:
        _names.append(EditNames())
    return _names[0]
