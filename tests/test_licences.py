"""Third-party licences collected from the installed packages (Help → About, the packages)."""

from __future__ import annotations

import pytest

from desktop import licences


def _by_name() -> dict[str, licences.Library]:
    return {licences._normalise(library.name): library for library in licences.third_party()}


def test_every_runtime_library_is_listed_with_its_licence() -> None:
    found = _by_name()
    for name in ("lxml", "pyside6-essentials", "shiboken6", "trafilatura", "python-docx",
                 "pdfminer-six", "python-crfsuite", "dkpro-cassis", "defusedxml", "sqlite-utils",
                 "qtawesome", "justext", "lxml-html-clean"):  # fmt: skip
        assert name in found, name
    assert found["lxml"].licence == "BSD-3-Clause"
    assert "LGPL-3.0" in found["pyside6-essentials"].licence
    # Libraries of libraries too (trafilatura → htmldate → dateparser).
    assert "dateparser" in found


def test_the_licence_texts_shipped_in_the_wheels_are_read() -> None:
    found = _by_name()
    lxml = dict(found["lxml"].texts)
    assert any("Redistribution and use" in text for text in lxml.values()), lxml.keys()
    # dkpro-cassis puts its whole Apache licence in the License field instead of a file.
    assert any("Apache License" in text for _, text in found["dkpro-cassis"].texts)


def test_test_tools_are_not_shipped_libraries() -> None:
    found = _by_name()
    for name in ("pytest", "mypy", "ruff", "hypothesis", "pytest-qt"):
        assert name not in found


def test_the_report_lists_each_library_then_the_texts() -> None:
    text = licences.report(licences.third_party())
    head = text.split("=" * 78)[0]
    assert "lxml " in head and "BSD-3-Clause" in head
    assert "Redistribution and use" in text


def test_nothing_is_listed_when_hamish_is_not_installed() -> None:
    assert licences.third_party("no-such-distribution-hamish") == []


def test_hamish_licences_prints_them(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop import __version__
    from desktop.commands import run

    assert run(["licences"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"hamish {__version__}: MIT\n")
    assert "lxml 6" in out or "lxml " in out
    assert "Redistribution and use" in out
