# shellcheck shell=bash
# Sourced by scripts/demo.sh and scripts/test.sh: make this checkout runnable.
#
#  1. Debian packages PySide6 needs (offscreen and xcb) and the tests need (pdftotext):
#     installed when missing, if we are root or have passwordless sudo and apt-get exists;
#     otherwise the missing ones are listed with the command to install them.
#  2. .venv with python3.11 or python3 (3.11 or newer), created when absent.
#  3. pip install -e '.[test]' into .venv, skipped while pyproject.toml is unchanged since
#     the last successful install (its sha256 is kept in .venv/.vipdesk-installed).
#
# Defines VIPDESK_ROOT (the repository root) and VIPDESK_PYTHON (the venv's python).
# VIPDESK_SKIP_APT=1 skips step 1 (an image prepared in advance, a non-Debian system).

set -euo pipefail

VIPDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIPDESK_VENV="$VIPDESK_ROOT/.venv"
VIPDESK_PYTHON="$VIPDESK_VENV/bin/python"
VIPDESK_STAMP="$VIPDESK_VENV/.vipdesk-installed"

# Runtime libraries of the PySide6 wheels (GL, EGL, xkbcommon, fontconfig, D-Bus, GLib, the
# xcb platform plugin) and poppler-utils for the document tests.
VIPDESK_DEB_PACKAGES=(
    python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
    libdbus-1-3 libglib2.0-0 poppler-utils libxcb-cursor0
    libx11-xcb1 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1
)

vipdesk_say() { printf 'setup: %s\n' "$*" >&2; }
vipdesk_die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

vipdesk_deb_installed() {
    # Debian 13 renamed some libraries with a t64 suffix (libglib2.0-0t64): accept either.
    local pkg
    for pkg in "$1" "$1t64"; do
        if dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
            return 0
        fi
    done
    return 1
}

vipdesk_install_debs() {
    [[ "${VIPDESK_SKIP_APT:-0}" == 1 ]] && return 0
    command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "${VIPDESK_DEB_PACKAGES[@]}"; do
        vipdesk_deb_installed "$pkg" || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0

    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            vipdesk_say "warning: missing Debian packages: ${missing[*]}"
            vipdesk_say "warning: install them with: sudo apt-get install ${missing[*]}"
            return 0
        fi
    fi
    vipdesk_say "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

vipdesk_python_ok() {
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

vipdesk_make_venv() {
    if [[ -x "$VIPDESK_PYTHON" ]] && vipdesk_python_ok "$VIPDESK_PYTHON"; then
        return 0
    fi
    if [[ -e "$VIPDESK_VENV" ]]; then
        vipdesk_die "$VIPDESK_VENV is broken or older than Python 3.11: delete it and run again"
    fi
    local candidate python=""
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && vipdesk_python_ok "$candidate"; then
            python="$candidate"
            break
        fi
    done
    [[ -n "$python" ]] || vipdesk_die "VIP Desk needs Python 3.11 or newer (python3.11 or python3 on PATH)"
    vipdesk_say "creating .venv with $(command -v "$python") ($("$python" -c 'import platform; print(platform.python_version())'))"
    if ! "$python" -m venv "$VIPDESK_VENV"; then
        rm -rf "$VIPDESK_VENV"
        vipdesk_die "'$python -m venv' failed (on Debian: apt-get install python3-venv)"
    fi
}

vipdesk_pip_install() {
    local want
    want="$(sha256sum "$VIPDESK_ROOT/pyproject.toml" | cut -d' ' -f1) $VIPDESK_ROOT"
    if [[ -f "$VIPDESK_STAMP" && "$(cat "$VIPDESK_STAMP")" == "$want" ]]; then
        return 0
    fi
    vipdesk_say "pip install -e '.[test]' into .venv (a few minutes the first time)"
    rm -f "$VIPDESK_STAMP"
    # A .venv made while Qt 6.12 was required holds PySide6-Pdf, whose files are the Addons
    # wheel's QtPdf below 6.12: it goes first, so that removing it later cannot take QtPdf along.
    if "$VIPDESK_PYTHON" -m pip show -q PySide6-Pdf >/dev/null 2>&1; then
        "$VIPDESK_PYTHON" -m pip uninstall --disable-pip-version-check -y -q PySide6-Pdf PySide6-Addons
    fi
    (cd "$VIPDESK_ROOT" && "$VIPDESK_PYTHON" -m pip install --disable-pip-version-check -e '.[test]')
    printf '%s\n' "$want" >"$VIPDESK_STAMP"
}

vipdesk_install_debs
vipdesk_make_venv
vipdesk_pip_install
