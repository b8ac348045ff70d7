#!/usr/bin/env bash
# Sets up everything Hamish needs on a Debian machine, then runs it.
#   ./bootstrap.sh app [ARGS…]    launch Hamish (default project unless --project PATH)
#   ./bootstrap.sh test [ARGS…]   lint, type-check and run the whole test suite
#   ./bootstrap.sh package        build the wheel, the standalone folder and the .deb into dist/
# Idempotent: a second run only re-installs what changed. The virtual environment lives in .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

mode="${1:-}"
case "$mode" in
  app|test|package) shift ;;
  *) echo "usage: ./bootstrap.sh app|test|package [ARGS…]" >&2; exit 2 ;;
esac

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- Python -----------------------------------------------------------------------------------
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
       && "$candidate" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' 2>/dev/null; then
      PY="$candidate"; break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "Hamish needs Python 3.11 or newer. On Debian: apt-get install -y python3 python3-venv" >&2
  exit 1
fi

# --- Debian libraries Qt needs, and fonts that shape Arabic ------------------------------------
apt_packages=(
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  fonts-dejavu-core fonts-noto-core fonts-hosny-amiri
)
if [ "$mode" = test ]; then
  # The packaging tests run the real validators rather than skipping.
  apt_packages+=(desktop-file-utils appstream)
  # The briefing render test converts a report with LibreOffice and reads it with pdftotext.
  apt_packages+=(libreoffice-writer-nogui poppler-utils)
  # The screenshot test photographs the real (xcb) window on a private X server.
  apt_packages+=(xvfb)
fi
if [ "$mode" = package ]; then
  # dpkg-deb builds the .deb; lintian checks it (packaging/README.md).
  apt_packages+=(dpkg-dev lintian)
fi
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt_packages+=("python3-venv")
fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${apt_packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      say "Installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Hamish needs these Debian packages. Run this, then run the same command again:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
else
  say "Not a Debian system: make sure Qt's X11/EGL libraries and an Arabic font are installed."
fi

# --- Packages: their own virtual environment, from their own lock ------------------------------
# The build tools (build, PyInstaller) and Hamish's runtime libraries at the development lock's
# versions, every file checked against its hash (requirements/package.lock, docs/dependencies.md);
# .venv, the test environment, is not touched.
if [ "$mode" = package ]; then
  if [ ! -x .venv-package/bin/python ]; then
    say "Creating the packaging environment in .venv-package"
    "$PY" -m venv .venv-package
  fi
  stamp=".venv-package/.hamish-installed"
  want="$( (cat requirements/package.lock; .venv-package/bin/python -V) | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing the build tools into .venv-package (from requirements/package.lock)"
    .venv-package/bin/python -m pip --quiet --disable-pip-version-check install \
      --require-hashes --only-binary :all: -r requirements/package.lock
    echo "$want" > "$stamp"
  fi
  exec .venv-package/bin/python packaging/build.py "$@"
fi

# --- Virtual environment ---------------------------------------------------------------------
# test: exactly the versions in requirements/dev.lock, every file checked against its hash, so
# CI and every developer run the suite on the same packages (docs/dependencies.md). The lock is
# resolved for Python 3.11 on Linux x86_64; anywhere else, and for app, pip resolves the ranges
# in pyproject.toml, so an analyst's install gets fixes released within them.
lock="requirements/dev.lock"
extras=""
[ "$mode" = test ] && extras="[test]"
if [ ! -x .venv/bin/python ]; then
  say "Creating the virtual environment in .venv"
  "$PY" -m venv .venv
fi
test_locked=""
if .venv/bin/python -c 'import platform, sys
raise SystemExit(sys.version_info[:2] != (3, 11) or platform.machine() != "x86_64"
                 or sys.platform != "linux")'; then
  test_locked="$lock"
fi
locked=""
[ "$mode" = test ] && locked="$test_locked"
stamp=".venv/.hamish-installed${extras:+-test}"
want="$( (cat pyproject.toml ${locked:+"$locked"}; echo "$extras"; .venv/bin/python -V) \
         | sha256sum | cut -d' ' -f1)"
# The test install is the app's and more: after `./bootstrap.sh test` (the README's first
# command) the app runs on it, instead of installing again (a trial's first `app` spent 30 s
# reinstalling, with a page of setuptools warnings).
test_want="$( (cat pyproject.toml ${test_locked:+"$test_locked"}; echo "[test]"; .venv/bin/python -V) \
              | sha256sum | cut -d' ' -f1)"
if [ "$mode" = app ] && [ -f .venv/.hamish-installed-test ] \
   && [ "$(cat .venv/.hamish-installed-test)" = "$test_want" ]; then
  :  # installed already, by the test install
elif [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "Installing Hamish and its dependencies into .venv${locked:+ (from $locked)}"
  pip=(.venv/bin/python -m pip --quiet --disable-pip-version-check)
  if [ -n "$locked" ]; then
    # The lock pins pip itself, setuptools and wheel too: wheels only, nothing built, and
    # Hamish is then built with the locked setuptools rather than whatever is newest.
    "${pip[@]}" install --require-hashes --only-binary :all: -r "$locked"
    "${pip[@]}" install --no-deps --no-build-isolation -e .
  else
    [ "$mode" = test ] && say "$lock is for Python 3.11 on Linux x86_64; using pyproject.toml"
    "${pip[@]}" install --upgrade pip
    "${pip[@]}" install -e ".${extras}"
  fi
  echo "$want" > "$stamp"
fi

# --- Run ---------------------------------------------------------------------------------------
if [ "$mode" = app ]; then
  # Byte-compile up front (only what changed), as a wheel install would: with
  # PYTHONDONTWRITEBYTECODE set, every launch would otherwise recompile the whole package.
  # Only an optimisation: a read-only checkout still launches.
  .venv/bin/python -m compileall -q desktop >/dev/null 2>&1 || true
  exec .venv/bin/hamish "$@"
fi
export QT_QPA_PLATFORM=offscreen
say "ruff"
.venv/bin/ruff check desktop tests benchmarks
say "mypy"
.venv/bin/mypy
say "pytest"
# On every core (pytest-xdist), each test file on one worker: a file's tests keep their order
# and module fixtures. "./bootstrap.sh test -n 0" runs them in this one process.
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
