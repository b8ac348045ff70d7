from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app


def test_bad_project_on_start_shows_a_dialog_and_exits(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "notes.hamish"
    bad.write_text("shopping list", encoding="utf-8")
    assert app.run_gui(bad) == 2
    assert shown and "not a Hamish project" in shown[0]
    assert "not a Hamish project" in capsys.readouterr().err
    assert bad.read_text(encoding="utf-8") == "shopping list"
