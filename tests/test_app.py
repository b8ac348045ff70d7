from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.defaults import ensure_default_project
from desktop.store.project import Project


def test_default_project_lives_under_xdg_data_home(xdg: Path) -> None:
    assert paths.default_project_path() == xdg / "data" / "hamish" / "default.hamish"


def test_default_project_falls_back_to_local_share(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.default_project_path() == tmp_path / ".local/share/hamish/default.hamish"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # invalid per the spec: ignored
    assert paths.default_project_path() == tmp_path / ".local/share/hamish/default.hamish"


def test_first_run_seeds_once(xdg: Path) -> None:
    path = ensure_default_project()
    with Project.open(path, create=False) as project:
        titles = [s.title for s in project.documents.summaries()]
    assert len(titles) == 5
    ensure_default_project()
    with Project.open(path, create=False) as project:
        assert project.documents.count() == 5
    leftovers = [p.name for p in path.parent.iterdir() if p.name != "default.hamish"]
    assert leftovers == []
