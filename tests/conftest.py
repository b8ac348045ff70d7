"""Test-wide environment: Qt offscreen, and XDG folders inside a temporary directory so no test
ever reads or writes the real user's projects or settings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_API", "pyside6")
_HOME = Path(tempfile.mkdtemp(prefix="hamish-tests-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
# The interface in English whatever the machine's locale (desktop/ui/i18n.py): tests match
# English texts. A test that wants Arabic installs it itself.
os.environ["HAMISH_LANG"] = "en"

# Property-based tests (tests/fuzz/): a few hundred examples per property, always the same
# ones (derandomize: a failure in CI is a real one, reproduced by running the test again) and
# no example database written into the checkout. ``soak`` (benchmarks/fuzz.py, or
# ``pytest tests/fuzz --hypothesis-profile=soak``) runs HAMISH_FUZZ_EXAMPLES examples per
# property with fresh random seeds. Neither has a deadline: speed is the benchmarks' business,
# and tests/fuzz/strategies.py's ``no_hang`` stops a real hang.
_FUZZ_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=200, derandomize=True, **_FUZZ_COMMON)
settings.register_profile(
    "soak",
    max_examples=int(os.environ.get("HAMISH_FUZZ_EXAMPLES", "5000")),
    print_blob=True,
    **_FUZZ_COMMON,
)
settings.load_profile("ci")  # pytest's --hypothesis-profile, if given, is loaded after this

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
