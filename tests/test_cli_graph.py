"""``hamish graph``: the entity network as JSON, GraphML and PNG, from a real process (the
PNG without a display), against the hand-computed project of tests/analysis/conftest.py."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.analysis.conftest import Small, build_small


def hamish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Small:
    found = build_small(tmp_path_factory.mktemp("graph") / "small.hamish")
    found.project.close()
    return found


def test_json(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    result = hamish("graph", "--project", small.project.path, "--output", out)
    assert result.returncode == 0, result.stderr
    assert "4 entities, 4 edges" in result.stdout
    data = json.loads(out.read_text("utf-8"))
    assert data["options"]["level"] == "sentence"
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert {n["name"]: n["mentions"] for n in data["nodes"]} == {
        "Alice": 4,
        "Bob": 4,
        "Cairo": 1,
        "Carol": 1,
    }
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    edges = {
        (names[e["source"]], names[e["target"]]): (e["weight"], e["kinds"]) for e in data["edges"]
    }
    assert edges[("Alice", "Bob")] == (4, ["cooccurrence", "claim"])


def test_json_filters_and_overwrite(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    out.write_text("keep", "utf-8")
    args = ["graph", "--project", small.project.path, "--output", out, "--level", "article"]
    refused = hamish(*args)
    assert refused.returncode == 1
    assert out.read_text("utf-8") == "keep"  # nothing lost
    result = hamish(
        *args,
        "--overwrite",
        "--type",
        "person",
        "--type",
        "location",
        "--document",
        str(small.doc1),
        "--min-weight",
        "1",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["options"]["types"] == ["location", "person"]
    assert data["options"]["documents"] == [small.doc1]
    assert len(data["edges"]) == 6  # all four entities of article one, pairwise


@pytest.mark.parametrize(
    ("option", "value"),
    [("--min-weight", "0"), ("--from", "yesterday"), ("--format", "gif")],
)
def test_bad_options(small: Small, tmp_path: Path, option: str, value: str) -> None:
    out = tmp_path / "g.json"
    result = hamish("graph", "--project", small.project.path, "--output", out, option, value)
    assert result.returncode == 2
    assert not out.exists()


def test_graphml(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    result = hamish(
        "graph", "--project", small.project.path, "--output", out, "--level", "paragraph"
    )
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 4
    assert len(root.findall(".//g:edge", ns)) == 4


def test_graphml_of_a_name_holding_a_noncharacter(tmp_path: Path) -> None:
    """Found by the attacker: JSON import lets U+FFFF into a name, and GraphML ended in a
    traceback (XML cannot hold it)."""
    own = build_small(tmp_path / "own.hamish")
    own.project.entities.update(own.alice, name="Alice\uffff")
    own.project.close()
    out = tmp_path / "g.graphml"
    result = hamish("graph", "--project", own.project.path, "--output", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Alice" in text and "\uffff" not in text
    ET.parse(out)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_png_without_a_display(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "g.png"
    result = hamish("graph", "--project", small.project.path, "--output", out)
    assert result.returncode == 0, result.stderr
    width, height = _png_size(out)
    assert width == round(160 / 25.4 * 300)  # the figure's default width at 300 dpi
    assert height > 100
    assert f"({width}x{height})" in result.stdout


def test_svg_keeps_names_as_text(small: Small, tmp_path: Path) -> None:
    """A trial analyst asked the command for the SVG the window's dock writes: the network as
    a drawing whose names stay text (a viewer shapes the Arabic), in the language asked."""
    out = tmp_path / "g.svg"
    result = hamish("graph", "--project", small.project.path, "--output", out, "--lang", "ar")
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext())
    listed = hamish("graph", "--project", small.project.path, "--output", tmp_path / "g.json")
    assert listed.returncode == 0, listed.stderr
    nodes = json.loads((tmp_path / "g.json").read_text("utf-8"))["nodes"]
    assert nodes and all(node["name"] in text for node in nodes)
    assert "شبكة الكيانات" in text  # the title, in Arabic
    wrong = hamish("graph", "--project", small.project.path, "--format", "svg", "--output", out)
    assert wrong.returncode != 0 and not wrong.stdout  # exists: no --overwrite


def test_an_empty_project_says_so(tmp_path: Path) -> None:
    from desktop.store.project import Project

    path = tmp_path / "empty.hamish"
    Project.open(path).close()
    out = tmp_path / "g.json"
    result = hamish("graph", "--project", path, "--output", out)
    assert result.returncode == 0, result.stderr
    assert "0 entities, 0 edges" in result.stdout
    assert json.loads(out.read_text("utf-8"))["nodes"] == []
    png = tmp_path / "g.png"
    assert hamish("graph", "--project", path, "--output", png).returncode == 0
    assert _png_size(png)[0] > 0


PROBE = """
import sys, types
from pathlib import Path
SENTENCE = "No entity matches the filters: show more types, articles or dates."
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGraphicsScene
from desktop import commands
from desktop.io.exporters.report import ReportOptions
from desktop.store.project import Project
from desktop.ui.figures import briefing

said = []
def probe(project, rtl=None, scope=None):
    said.append(QCoreApplication.translate("NetworkScene", SENTENCE))
    scene = QGraphicsScene()
    scene.addRect(0, 0, 100, 50)
    return scene
module = types.ModuleType("figure_probe")
module.probe = probe
sys.modules["figure_probe"] = module
briefing.FIGURES = {"network": "figure_probe:probe", "timeline": "figure_probe:probe"}
project = Project.open(Path(sys.argv[1]))
commands._draw_figures(project, ReportOptions(language=sys.argv[2], figures=("network",)))
print(said[0])
"""


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_briefing_from_the_command_line_draws_its_figures_in_its_language(
    tmp_path: Path, language: str
) -> None:
    """hamish export --figures made a Qt application without the briefing's translations: an
    Arabic briefing got English legends. The probe asks Qt what the active translation says."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["HAMISH_LANG"] = "en" if language == "ar" else "ar"  # the interface's is not used
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "p.hamish"), language],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    said = result.stdout.strip().splitlines()[-1]
    if language == "ar":
        assert any("\u0600" <= c <= "\u06ff" for c in said), said
    else:
        assert said.startswith("No entity matches"), said


@pytest.mark.parametrize(
    ("option", "value"), [("--from", "20160101"), ("--to", "2016-W01"), ("--from", "2016-1-1")]
)
def test_only_full_dates_are_taken(small: Small, tmp_path: Path, option: str, value: str) -> None:
    """20160101 and 2016-W01 passed as dates and then matched no article (an empty graph,
    exit 0): the articles' dates are compared as YYYY-MM-DD text."""
    result = hamish(
        "graph", "--project", small.project.path, option, value, "--output", tmp_path / "g.json"
    )
    assert result.returncode == 2 and "2024-05-01" in result.stderr


@pytest.mark.parametrize("document", ["999999", "9223372036854775808"])
def test_a_missing_article_is_said_before_any_work(
    small: Small, tmp_path: Path, document: str
) -> None:
    for command in ("graph", "timeline"):
        out = tmp_path / f"{command}.json"
        result = hamish(
            command, "--project", small.project.path, "--document", document, "--output", out
        )
        assert result.returncode == 1, result.stderr
        assert f"no document {document}" in result.stderr and "Traceback" not in result.stderr
        assert not out.exists()


def test_a_target_that_cannot_be_written_is_refused_first(small: Small, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    for command in ("graph", "timeline"):
        result = hamish(command, "--project", small.project.path, "--output", folder)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "folder" in result.stderr
        existing = tmp_path / "kept.json"
        existing.write_text("mine", "utf-8")
        result = hamish(command, "--project", small.project.path, "--output", existing)
        assert result.returncode == 1 and existing.read_text("utf-8") == "mine"


def test_a_network_too_large_is_refused_with_a_message(
    small: Small,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop.analysis import network as module
    from desktop.commands import run

    monkeypatch.setattr(module, "MAX_PAIRS", 1)
    out = tmp_path / "big.json"
    code = run(
        ["graph", "--project", str(small.project.path), "--output", str(out), "--level", "article"]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "pairs of entities" in err and "Traceback" not in err
    assert not out.exists()


def test_a_name_that_is_not_utf8_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the attacker: a damaged name (not UTF-8, holding escape sequences) ended
    `hamish graph` in a traceback whose last line retitled and cleared the terminal."""
    import sqlite3

    from desktop.commands import run

    own = build_small(tmp_path / "own.hamish")
    own.project.close()
    with sqlite3.connect(own.project.path) as conn:
        conn.execute(
            "UPDATE entities SET name = CAST(X'1B5D303B50574E45440707FF1B5B324A' AS TEXT) "
            "WHERE id = ?",
            (own.alice,),
        )
    code = run(["graph", "--project", str(own.project.path), "--output", str(tmp_path / "g.json")])
    err = capsys.readouterr().err
    assert code == 1 and "cannot read" in err and "\x1b" not in err


@pytest.mark.parametrize(
    ("fmt", "name", "said"),
    [
        (
            "png",
            "x.json",
            "a .json file cannot hold a PNG image: say --format json, or end --output .png",
        ),
        ("png", "x.txt", "--output must be a .png file for --format png"),
        ("json", "x.png", "a .png file cannot hold JSON: say --format png, or end --output .json"),
        (
            "graphml",
            "x.json",
            "a .json file cannot hold GraphML: say --format json, or end --output .graphml",
        ),
        (
            "json",
            "x.graphml",
            "a .graphml file cannot hold JSON: say --format graphml, or end --output .json",
        ),
        # The file of another program: a briefing's name (JSON in a .docx, Word then fails).
        ("json", "x.docx", "a .docx file cannot hold JSON: end --output .json"),
    ],
)
def test_a_format_the_suffix_contradicts_is_refused(
    small: Small, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, said: str
) -> None:
    """Found by a trial user: `--format png --output x.json` wrote a PNG into x.json. As
    `hamish timeline` does, the command refuses before any work and writes nothing."""
    from desktop.commands import run

    out = tmp_path / name
    args = ["graph", "--project", str(small.project.path), "--output", str(out)]
    assert run([*args, "--format", fmt]) == 2
    assert capsys.readouterr().err == f"hamish: {said}\n"
    assert not out.exists()
    # A name that says nothing of a format is the analyst's choice; GraphML is XML.
    for fine, kind in (("x.txt", "json"), ("x.xml", "graphml")):
        target = tmp_path / fine
        code = run(
            [
                "graph",
                "--project",
                str(small.project.path),
                "--output",
                str(target),
                "--format",
                kind,
                "--overwrite",
            ]
        )
        assert code == 0 and target.exists()
