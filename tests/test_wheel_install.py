"""The wheel, installed into a fresh virtual environment, is a working Hamish (issue 18).

The wheel is built from a copy of the checkout's shipped files with the test environment's
(locked) setuptools, nothing downloaded. The fresh environment has no pip and gets its
third-party libraries from the test environment through a ``.pth`` line (offline, and
seconds rather than a minute of installing), but Hamish itself only from the wheel: every
command runs from a scratch folder with no ``PYTHONPATH``, and ``desktop`` must be imported
from the new environment, its translations and seed articles found there too.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("desktop", "resources", "seeds", "pyproject.toml", "README.md", "LICENSE")


def _build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SHIPPED:
        path = ROOT / name
        if path.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy(path, source / name)
    out = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", str(out),
         str(source)],
        check=True, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = out.glob("hamish-*.whl")
    return wheel


def _clean_environ() -> dict[str, str]:
    """No PYTHONPATH (a checkout on it would make pip think Hamish is installed already, and
    would put the checkout before the wheel), no virtual environment of the caller's."""
    unwanted = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")
    return {key: value for key, value in os.environ.items() if key not in unwanted}


def _fresh_environment(tmp_path: Path, wheel: Path) -> Path:
    env = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--disable-pip-version-check", "--no-deps", "--no-index", str(wheel)],
        check=True, cwd=tmp_path, env=_clean_environ(),
    )  # fmt: skip
    # Then the third-party libraries: the test environment's site-packages, after the new
    # one's own (a plain path line: that folder's .pth files, the checkout's editable install
    # among them, are not run). Written after the install, or pip would take the checkout's
    # editable Hamish there for this one and install nothing.
    libraries = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (Path(purelib) / "zz_test_libraries.pth").write_text(
        "\n".join(dict.fromkeys(libraries)) + "\n", encoding="utf-8"
    )
    return env


def test_the_wheel_installs_and_runs_without_the_checkout(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    env = _fresh_environment(tmp_path, wheel)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    environ = _clean_environ()
    environ.update(
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )

    def run(*command: str) -> str:
        done = subprocess.run(
            command, cwd=scratch, env=environ, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    from desktop import __version__

    assert run(str(env / "bin" / "hamish"), "--version").strip() == f"hamish {__version__}"
    where = run(
        str(env / "bin" / "python"),
        "-c",
        "import desktop, desktop.io.seeds as s\n"
        "from desktop.resources import resource\n"
        "from importlib import resources\n"
        "print(desktop.__file__)\n"
        "print(resource('translations/hamish_ar.qm'))\n"
        "print(resources.files('desktop._seeds') / 'manifest.json')\n"
        "print(len(s.seed_drafts()))",
    ).splitlines()
    inside = str(env.resolve())
    for path in where[:3]:
        assert str(Path(path).resolve()).startswith(inside), where
    assert int(where[3]) > 0  # the seed articles of the default project
    shot = scratch / "shot.png"
    run(str(env / "bin" / "hamish"), "screenshot", "--lang", "ar", "--output", str(shot))

    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
    assert len(colours) > 20  # a window with text and icons, not a blank frame


def test_installed_resources_are_read_as_files_without_importlib_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed, ``desktop/_resources`` is a folder beside ``resources.py``: read there as
    files (importing importlib.resources cost every start-up 5.4 M instructions); a resource
    that folder lacks still comes through importlib.resources (a zipped package)."""
    from desktop import resources

    (tmp_path / "style.qss").write_text("QWidget {}", encoding="utf-8")
    monkeypatch.setattr(resources, "_CHECKOUT", None)
    monkeypatch.setattr(resources, "_INSTALLED", tmp_path)
    assert resources.resource("style.qss") == tmp_path / "style.qss"
    assert resources.read_text("style.qss") == "QWidget {}"
    fallback = resources.resource("hamish.png")  # not in tmp_path: the package's own
    assert fallback.is_file() and fallback.read_bytes().startswith(b"\x89PNG")
