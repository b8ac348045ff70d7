"""``hamish graph`` and ``hamish timeline`` draw their PNG in the language the window would
use — ``HAMISH_LANG``, else the Interface Language setting — not always in English; their
``--lang`` still decides (issue 16: an Arabic analyst's figures came out with English
legends)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.io.briefing_project import build_briefing_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("figlang") / "p.hamish"
    project, _ = build_briefing_project(path)
    project.close()
    return path


def _draw(command: str, project: Path, output: Path, config: Path, *lang: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    env.pop("HAMISH_LANG", None)  # the tests' English pin: the setting decides here
    env["XDG_CONFIG_HOME"] = str(config)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"  # not an Arabic system locale either
    env["PYTHONPATH"] = str(ROOT)
    options = ["--project", str(project), "--format", "png", "--output", str(output), *lang]
    done = subprocess.run(
        [sys.executable, "-m", "desktop", command, *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return output.read_bytes()


@pytest.mark.parametrize("command", ["graph", "timeline"])
def test_the_figure_follows_the_interface_language_setting_unless_told(
    command: str, project_file: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    (config / "hamish").mkdir(parents=True)
    (config / "hamish" / "hamish.ini").write_text("[ui]\nlanguage=ar\n", encoding="utf-8")
    chosen = _draw(command, project_file, tmp_path / "default.png", config)
    arabic = _draw(command, project_file, tmp_path / "ar.png", config, "--lang", "ar")
    english = _draw(command, project_file, tmp_path / "en.png", config, "--lang", "en")
    assert arabic != english  # the legend's words (and the timeline's direction) differ
    assert chosen == arabic  # the setting, without --lang
