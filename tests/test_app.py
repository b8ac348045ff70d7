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


def test_a_default_project_that_cannot_be_made_is_said_in_words(
    monkeypatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """XDG_DATA_HOME naming a file (or a read-only home) ended the launch in an OSError
    traceback with no window and no message (an attack): it is a ProjectError, which the
    launch shows in a dialog."""
    import pytest

    from desktop.core.errors import ProjectError

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    with pytest.raises(ProjectError, match=r"cannot make its default project in .*file/hamish"):
        ensure_default_project()
