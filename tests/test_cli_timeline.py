"""``hamish timeline``: JSON (without Qt) and a PNG figure, safe writing, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.commands import run
from tests.timeline_samples import make_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    project, ids = make_project(tmp_path / "t.hamish")
    project.close()
    return tmp_path / "t.hamish", ids


def test_json_has_lanes_claims_in_order_and_links(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = sample
    out = tmp_path / "timeline.json"
    assert run(["timeline", "--project", str(path), "--output", str(out)]) == 0
    assert "9 claims in 4 lanes, 2 undated, 2 links" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [lane["name"] for lane in data["lanes"]] == ["كيري", "الكرملين", "لافروف", ""]
    names = {v: k for k, v in ids.items()}
    claims = {names[c["id"]]: c for c in data["claims"]}
    assert claims["kremlin2"]["date"] == "2024-03-10"
    assert claims["kremlin2"]["date_source"] == "article"
    assert claims["kremlin1"]["date_source"] == "claim" and claims["kremlin1"]["lane"] == 1
    assert claims["bad"]["date"] is None and claims["bad"]["date_source"] == "undated"
    assert claims["bad"]["claimed_on"] == "next week"
    assert {c["stance"] for c in data["claims"]} == {"asserts"}
    assert {c["status"] for c in data["claims"]} == {"unverified"}
    assert "grading" in claims["kremlin1"]
    assert {(names[lk["from"]], lk["kind"]) for lk in data["links"]} == {
        ("lavrov", "contradicts"),
        ("kerry_month", "supports"),
    }
    # an existing file is kept unless --overwrite
    assert (
        run(["timeline", "--project", str(path), "--output", str(out), "--lanes", "subject"]) == 1
    )
    assert "exists" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["lanes_by"] == "claimant"
    args = ["timeline", "--project", str(path), "--output", str(out), "--lanes", "subject"]
    assert run([*args, "--overwrite"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["lanes_by"] == "subject"


def test_document_filter_and_bad_input(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = sample
    out = tmp_path / "b.json"
    assert run(["timeline", "--project", str(path), "--output", str(out), "--document", "2"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {c["document"] for c in data["claims"]} == {2} and len(data["claims"]) == 3
    assert run(["timeline", "--project", str(path), "--output", str(out), "--document", "99"]) == 1
    assert "no document 99" in capsys.readouterr().err
    wrong = tmp_path / "t.jpg"
    assert run(["timeline", "--project", str(path), "--format", "png", "--output", str(wrong)]) == 2
    assert not wrong.exists()
    assert run(["timeline", "--project", str(path), "--output", "/dev/full"]) == 1
    # Found by a trial: `--output t.png` without --format wrote JSON into the .png.
    as_json = tmp_path / "t.png"
    args = ["timeline", "--project", str(path), "--output", str(as_json)]
    assert run([*args, "--format", "json"]) == 2
    assert "cannot hold JSON" in capsys.readouterr().err and not as_json.exists()
    assert run(args) == 0
    assert as_json.read_bytes().startswith(b"\x89PNG")


def test_json_needs_no_qt_and_png_draws_in_both_directions(
    sample: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    path, _ = sample
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    code = (
        "import sys\n"
        "from desktop.commands import run\n"
        f"assert run(['timeline', '--project', {str(path)!r}, '--output', "
        f"{str(tmp_path / 'x.json')!r}]) == 0\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr

    def timeline(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "desktop", "timeline", "--project", str(path), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    for lang in ("ar", "en"):
        png = tmp_path / f"timeline-{lang}.png"
        done = timeline("--format", "png", "--output", str(png), "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert "300 dpi" in done.stdout
        assert png.read_bytes().startswith(b"\x89PNG")
    # The same figure as a drawing (its format from the name), its words kept as text.
    svg = tmp_path / "timeline.svg"
    done = timeline("--output", str(svg), "--lang", "ar")
    assert done.returncode == 0, done.stderr
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and "الخط الزمني للادعاءات" in "".join(root.itertext())


@pytest.mark.parametrize("name", ["x.docx", "x.csv", "x.graphml", "x.hamish", "x.pdf"])
@pytest.mark.parametrize("fmt", [["--format", "json"], []])
def test_json_is_not_written_into_a_name_that_says_another_kind_of_file(
    sample: tuple[Path, dict[str, int]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    fmt: list[str],
) -> None:
    """`timeline --format json --output x.docx` wrote JSON into a .docx, which Word and
    `hamish import` then read as a Word file: refused like graph and export (the shared
    `suffix_contradiction`), before anything is written; a suffix of no kind is the analyst's."""
    path, _ = sample
    wrong = tmp_path / name
    assert run(["timeline", "--project", str(path), *fmt, "--output", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert f"a {wrong.suffix} file cannot hold JSON" in err and "end --output .json" in err
    assert not wrong.exists()
    free = tmp_path / "timeline.txt"
    assert run(["timeline", "--project", str(path), *fmt, "--output", str(free)]) == 0
    assert json.loads(free.read_text(encoding="utf-8"))["claims"]
