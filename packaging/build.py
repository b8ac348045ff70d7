"""Builds every package of Hamish into dist/ (``./bootstrap.sh package`` runs it with the
packaging venv, .venv-package, installed from requirements/package.lock):

- ``dist/hamish-VERSION-py3-none-any.whl``: the wheel (``python -m build``), for ``pip`` and
  ``pipx``;
- ``dist/hamish/``: the standalone one-folder build (PyInstaller, ``packaging/hamish.spec``),
  started by ``dist/hamish/hamish``; needs no Python and no checkout;
- ``dist/hamish_VERSION_amd64.deb``: that folder as a Debian package (``dpkg-deb``), installed
  under ``/usr/lib/hamish`` with ``/usr/bin/hamish``, the desktop entry, AppStream metainfo,
  MIME type and icons.

Then prints each one's size. packaging/README.md explains the choices.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.hamish.Hamish"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What the bundle does not carry itself (found with ldd on the built folder; PyInstaller
# bundles the rest, Qt's own libraries included): the C library, the GL/EGL drivers (never
# bundled: they belong to the machine's graphics stack), xcb and Wayland client libraries,
# and what Qt loads at run time (xkbcommon, xcb-cursor, fontconfig's configuration, D-Bus),
# plus fonts that shape Arabic (the reader's Amiri, Noto for the interface).
DEPENDS = (
    "libc6 (>= 2.34)",
    "libegl1",
    "libgl1",
    "libopengl0",
    "libdrm2",
    "libxcb1",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libfontconfig1",
    "libdbus-1-3",
    # libblkid and libmount (bundled, needed by GLib) name sensible-pager.
    "sensible-utils",
    "fonts-noto-core",
    "fonts-hosny-amiri",
)


def say(text: str) -> None:
    print(f"\033[1m==> {text}\033[0m", file=sys.stderr, flush=True)


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(c) for c in command], cwd=cwd, env=env, check=True)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from desktop import __version__
    finally:
        sys.path.pop(0)
    return __version__


def build_wheel(dist: Path) -> Path:
    say("Wheel (python -m build)")
    for old in dist.glob("hamish-*.whl"):
        old.unlink()
    # --no-isolation: built with the locked setuptools of this venv, nothing downloaded.
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT)
    (wheel,) = dist.glob("hamish-*.whl")
    # build/ is setuptools' scratch folder: left behind, a later build could ship stale files.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    return wheel


def build_folder(wheel: Path, dist: Path, work: Path) -> Path:
    say("Standalone folder (PyInstaller)")
    # The spec freezes Hamish as installed from the wheel, so the folder holds exactly what the
    # wheel ships (resources and seeds as desktop._resources and desktop._seeds).
    run(sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--force-reinstall", wheel)  # fmt: skip
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", dist, "--workpath", work / "pyinstaller", PACKAGING / "hamish.spec",
        cwd=PACKAGING)  # fmt: skip
    folder = dist / "hamish"
    # The built executable lists what it carries: a library whose metadata the build missed
    # would be missing here (and in Help → About) too.
    listed = subprocess.run(
        [folder / "hamish", "licences"], check=True, capture_output=True, text=True
    ).stdout
    (folder / "THIRD-PARTY-LICENCES.txt").write_text(listed, encoding="utf-8")
    shutil.copy(ROOT / "LICENSE", folder / "LICENSE")
    # Smoke test: a frozen build that misses a module fails here, not on the analyst's desk.
    out = subprocess.run(
        [folder / "hamish", "--version"], check=True, capture_output=True, text=True
    ).stdout
    if out.strip() != f"hamish {version()}":
        raise SystemExit(f"the standalone build says {out.strip()!r}")
    return folder


def render_icons(target: Path) -> None:
    """PNG icons at the hicolor sizes, drawn from resources/hamish.svg with Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "hamish.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/hamish.svg is not a valid SVG")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = target / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not image.save(str(folder / f"{APP_ID}.png"), "PNG"):
            raise SystemExit(f"could not write the {size}px icon")
    del app


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _gzip(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0 and no file name: the same input gives the same bytes (reproducible builds).
    with target.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb",
                                                   compresslevel=9, mtime=0) as out:  # fmt: skip
        out.write(text.encode("utf-8"))


def copyright_file(libraries: list[object]) -> str:
    """debian/copyright in the machine-readable format (DEP-5)."""
    from desktop import licences

    lines = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: hamish",
        "Upstream-Contact: The Hamish developers",
        "Source: https://github.com/hamish-app/hamish",
        "Comment: /usr/lib/hamish is a standalone build (PyInstaller) bundling the Python",
        " interpreter, Qt 6 and PySide6 (as separate shared libraries, LGPL-3.0) and the Python",
        " libraries listed below. Each one's full licence text, as its wheel ships it, is in",
        " /usr/share/doc/hamish/THIRD-PARTY-LICENCES.txt.gz. Qt's source:",
        f" {licences.QT_SOURCE} ; PySide6's source: {licences.PYSIDE_SOURCE}",
        "",
        "Files: *",
        "Copyright: 2026 The Hamish developers",
        "License: MIT",
        "",
    ]
    for library in libraries:
        assert isinstance(library, licences.Library)
        declared = library.licence.replace("\n", " ")
        lines += [
            f"Files: usr/lib/hamish/_internal/{library.name}*",
            f"Copyright: the {library.name} developers (version {library.version})",
            f"License: {declared}",
            " The full text is in /usr/share/doc/hamish/THIRD-PARTY-LICENCES.txt.gz.",
            "",
        ]
    lines += [
        "Files: usr/lib/hamish/_internal/libpython*",
        "Copyright: 2001-2026 Python Software Foundation",
        "License: PSF-2.0",
        " See https://docs.python.org/3/license.html",
        "",
        "License: MIT",
    ]
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8").split("\n\n", 2)[2]
    lines += [" " + (line if line.strip() else ".") for line in mit.strip().splitlines()]
    lines += [
        "",
        "License: LGPL-3.0",
        " On Debian systems the complete text of the GNU Lesser General Public License",
        " version 3 is in /usr/share/common-licenses/LGPL-3.",
        "",
    ]
    return "\n".join(lines)


def build_deb(folder: Path, dist: Path, work: Path) -> Path:
    say("Debian package (dpkg-deb)")
    from desktop import licences

    ver = version()
    root = work / "deb"
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "usr" / "lib" / "hamish"
    shutil.copytree(folder, lib, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "hamish").symlink_to("../lib/hamish/hamish")
    share = root / "usr" / "share"
    _install(PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _install(PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    _install(PACKAGING / "hamish-mime.xml", share / "mime" / "packages" / "hamish.xml")
    icons = share / "icons" / "hicolor"
    _install(ROOT / "resources" / "hamish.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg")
    render_icons(icons)
    doc = share / "doc" / "hamish"
    libraries = licences.third_party()
    (doc / "copyright").parent.mkdir(parents=True, exist_ok=True)
    (doc / "copyright").write_text(copyright_file(list(libraries)), encoding="utf-8")
    _gzip((folder / "THIRD-PARTY-LICENCES.txt").read_text(encoding="utf-8"),
          doc / "THIRD-PARTY-LICENCES.txt.gz")  # fmt: skip
    # In /usr/share/doc, where Debian wants them (copyright and the gzipped texts).
    (lib / "THIRD-PARTY-LICENCES.txt").unlink()
    (lib / "LICENSE").unlink()
    now = format_datetime(datetime.now(UTC).replace(microsecond=0))
    _gzip(
        f"hamish ({ver}) unstable; urgency=medium\n\n"
        f"  * Release {ver}: the standalone build as a Debian package.\n\n"
        f" -- The Hamish developers <hamish@example.org>  {now}\n",
        doc / "changelog.gz",  # a native package (no Debian revision): changelog.gz
    )
    _gzip((PACKAGING / "debian" / "hamish.1").read_text(encoding="utf-8"),
          share / "man" / "man1" / "hamish.1.gz")  # fmt: skip
    _install(PACKAGING / "debian" / "lintian-overrides",
             share / "lintian" / "overrides" / "hamish")  # fmt: skip
    # Folders and the one executable 0755, every other file 0644 (shared libraries and Qt's
    # plugins are loaded, never run), whatever the umask of the build.
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or path == lib / "hamish" else 0o644)
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        "\n".join(
            [
                "Package: hamish",
                f"Version: {ver}",
                "Architecture: amd64",
                "Maintainer: The Hamish developers <hamish@example.org>",
                f"Installed-Size: {size_kb // 1024 + 1}",
                "Depends: " + ", ".join(DEPENDS),
                "Section: text",
                "Priority: optional",
                "Homepage: https://github.com/hamish-app/hamish",
                "Description: Arabic-first reader and annotator for news analysts",
                ' Hamish (Arabic for "margin") reads Arabic news articles in a right-to-left',
                " reader, marks passages, tags people, organisations, places and claims, keeps",
                " everything in one local project file and exports Word briefings.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and control not in path.parents:
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            sums.append(f"{digest}  {path.relative_to(root).as_posix()}")
    (control / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    for path in control.iterdir():
        path.chmod(0o644)
    deb = dist / f"hamish_{ver}_amd64.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb)
    return deb


def size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package")
    parser.add_argument("--no-deb", action="store_true", help="skip the Debian package")
    args = parser.parse_args()
    dist, work = args.dist.resolve(), args.work.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    wheel = build_wheel(dist)
    folder = build_folder(wheel, dist, work)
    built = [wheel, folder]
    if not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            say("dpkg-deb not found: no .deb (a Debian or Ubuntu machine builds it)")
        else:
            built.append(build_deb(folder, dist, work))
    say("Built")
    for path in built:
        print(f"  {size(path) / 1e6:8.1f} MB  {path.relative_to(dist.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
