"""Test-wide environment: Qt offscreen, and XDG folders inside a temporary directory so no test
ever reads or writes the real user's projects or settings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_API", "pyside6")
_HOME = Path(tempfile.mkdtemp(prefix="hamish-tests-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
# The interface in English whatever the machine's locale (desktop/ui/i18n.py): tests match
# English texts. A test that wants Arabic installs it itself.
os.environ["HAMISH_LANG"] = "en"

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh, empty XDG home for tests that exercise first-run behaviour."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield tmp_path


@pytest.fixture
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
