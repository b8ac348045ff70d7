"""The licences of Hamish's third-party libraries, for Help → About and the packages.

Collected from the installed distributions' metadata (``importlib.metadata``): every
distribution Hamish requires, directly or through another, with its declared licence and the
licence files its wheel ships (``*.dist-info/licenses/``, or ``LICENSE``-like files in the
metadata folder). The same code serves a checkout, a wheel install and the standalone build,
which carries the metadata folders of everything it bundles (``packaging/hamish.spec``).

Qt (through PySide6) is under the LGPL-3.0; its wheels ship no licence file, so the notice
names the licence and where Qt's source is, and ``resources/licences`` holds the LGPL-3.0 and
GPL-3.0 texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

ROOT_DISTRIBUTION = "hamish"
# One licence file is shown up to this many characters (some carry whole bundled projects).
MAX_TEXT = 200_000
_LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str  # the declared licence (SPDX expression where the package gives one)
    texts: tuple[tuple[str, str], ...]  # (file name, text) of each licence file shipped


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(dist: metadata.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or ():
        if "extra ==" in requirement.replace('extra=="', 'extra == "'):
            continue  # an optional extra (Hamish's own: the test tools) is not shipped
        match = _REQUIREMENT_NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _field(dist: metadata.Distribution, name: str) -> str:
    value = dist.metadata[name]  # None when absent (an email.message.Message underneath)
    return str(value).strip() if value else ""


def _declared(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    declared = _field(dist, "License")
    if declared and "\n" not in declared and len(declared) <= 120:
        return declared
    classifiers = [
        str(c).rsplit("::", 1)[-1].strip()
        for c in meta.get_all("Classifier") or ()
        if str(c).startswith("License ::")
    ]
    return "; ".join(classifiers) or ("see the licence text" if declared else "not declared")


def _texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for file in dist.files or ():
        parts = file.parts
        in_metadata = len(parts) >= 2 and parts[0].endswith(".dist-info")
        if not in_metadata:
            continue
        if not (parts[1] == "licenses" or _LICENCE_NAME.match(parts[-1])):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append(("/".join(parts[1:]), text[:MAX_TEXT]))
    if not texts:
        # Some wheels put the whole text in the License field instead of a file.
        declared = _field(dist, "License")
        if "\n" in declared or len(declared) > 120:
            texts.append(("License", declared[:MAX_TEXT]))
    return tuple(texts)


def third_party(root: str = ROOT_DISTRIBUTION) -> list[Library]:
    """Every installed distribution ``root`` requires, directly or not, sorted by name;
    empty when ``root`` itself is not installed (a checkout run without ``pip install``)."""
    try:
        start = metadata.distribution(root)
    except metadata.PackageNotFoundError:
        return []
    seen = {_normalise(root)}
    pending = _requirements(start)
    found: list[Library] = []
    while pending:
        name = pending.pop()
        key = _normalise(name)
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # required only elsewhere (another Python version), not installed here
        pending.extend(_requirements(dist))
        found.append(
            Library(
                name=_field(dist, "Name") or name,
                version=dist.version,
                licence=_declared(dist),
                texts=_texts(dist),
            )
        )
    return sorted(found, key=lambda library: library.name.lower())


def report(libraries: list[Library], *, with_texts: bool = True) -> str:
    """All licences as one plain-text document (THIRD-PARTY-LICENCES.txt and the dialog)."""
    lines: list[str] = []
    for library in libraries:
        lines.append(f"{library.name} {library.version}: {library.licence}")
    if with_texts:
        for library in libraries:
            for name, text in library.texts:
                lines += ["", "=" * 78, f"{library.name} {library.version} — {name}", "=" * 78]
                lines.append(text.rstrip())
    return "\n".join(lines) + "\n"
