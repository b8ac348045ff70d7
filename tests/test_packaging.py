"""Checks for the desktop-integration files (packaging/) and the application icon."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / "org.hamish.Hamish.desktop"
METAINFO_FILE = PACKAGING / "org.hamish.Hamish.metainfo.xml"
MIME_FILE = PACKAGING / "hamish-mime.xml"
ICON_SVG = ROOT / "resources" / "hamish.svg"
ICON_PNG = ROOT / "resources" / "hamish.png"

APP_ID = "org.hamish.Hamish"
MIME_TYPE = "application/x-hamish-project"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _project_version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    assert match, "__version__ not found in desktop/__init__.py"
    return match.group(1)


def _console_scripts() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r"^\[project\.scripts\]\n(.*?)(?:^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, "[project.scripts] not found in pyproject.toml"
    return set(re.findall(r"""^\s*["']?([\w.-]+)["']?\s*=""", match.group(1), re.MULTILINE))


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    assert parser.sections()[0] == "Desktop Entry"
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


# --- desktop entry -------------------------------------------------------------------


def test_desktop_entry_required_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Hamish"
    assert entry["Name[ar]"] == "هامش"
    for key in (
        "GenericName",
        "GenericName[ar]",
        "Comment",
        "Comment[ar]",
        "Keywords",
        "Keywords[ar]",
    ):
        assert entry.get(key, "").strip(), f"{key} is missing or empty"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "hamish"
    categories = [c for c in entry["Categories"].split(";") if c]
    assert categories[0] == "Office"
    assert "Viewer" in categories
    assert MIME_TYPE in entry["MimeType"].split(";")


def test_desktop_entry_exec_runs_console_script() -> None:
    argv = shlex.split(_desktop_entry()["Exec"])
    assert argv[0] == "hamish"
    assert argv[1:] == ["%F"]
    assert "hamish" in _console_scripts()


# --- AppStream metainfo --------------------------------------------------------------


def test_metainfo_identity_and_licences() -> None:
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    names = {el.get(XML_LANG): el.text for el in root.findall("name")}
    assert names[None] == "Hamish"
    assert names["ar"] == "هامش"
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == "hamish"
    developer = root.find("developer")
    assert developer is not None
    assert developer.get("id")
    assert developer.findtext("name")


def test_metainfo_release_matches_package_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "no <release> in metainfo"
    newest = releases[0]
    assert newest.get("version") == _project_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))
    assert newest.find("description/p") is not None


# --- shared-mime-info ----------------------------------------------------------------


def test_mime_package_declares_project_type() -> None:
    root = ET.parse(MIME_FILE).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.hamish"]
    parents = [s.get("type") for s in mime.findall(f"{MIME_NS}sub-class-of")]
    assert parents == ["application/vnd.sqlite3"]
    comments = {c.get(XML_LANG): c.text for c in mime.findall(f"{MIME_NS}comment")}
    assert comments.get(None)
    assert comments.get("ar")


# --- validators (skipped only when the tool is not installed) ------------------------


def _run_validator(argv: list[str]) -> subprocess.CompletedProcess[str]:
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} is not installed")
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_file_validate() -> None:
    result = _run_validator(["desktop-file-validate", str(DESKTOP_FILE)])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "error" not in output.lower(), output
    assert "warning" not in output.lower(), output


def test_appstreamcli_validate() -> None:
    result = _run_validator(["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Issue lines look like "E: id:line: tag" / "W: ..."; infos (I:) and pedantic (P:) are fine.
    assert not re.search(r"^\s*[EW]:", output, re.MULTILINE), output


# --- icon -----------------------------------------------------------------------------


def test_icon_svg_is_well_formed() -> None:
    root = ET.parse(ICON_SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    # No external references: the icon must render anywhere.
    text = ICON_SVG.read_text(encoding="utf-8")
    assert "href" not in text
    assert "<text" not in text


def test_icon_png_is_256_square() -> None:
    data = ICON_PNG.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, chunk_type = struct.unpack(">I4s", data[8:16])
    assert chunk_type == b"IHDR"
    assert length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (256, 256)


def test_every_package_of_desktop_is_shipped() -> None:
    """The wheel lists its packages by hand (resources/ and seeds/ are mapped into the
    namespace): a new folder of code left off the list would be missing from an install."""
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "desktop").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
