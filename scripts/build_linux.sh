#!/usr/bin/env bash
# Build VIP Desk's Linux package from this checkout: a one-folder bundle (Python, Qt and its
# plugins, fonts, translations, templates, migrations) and a .deb that installs it in
# /opt/vipdesk with a desktop entry and a `vipdesk` command.
#
#   bash scripts/build_linux.sh [--smoke] [--test-ui]
#
#  1. The run-time dependencies (pyproject.toml) are resolved and downloaded as wheels for the
#     glibc floor's manylinux tag (VIPDESK_GLIBC_FLOOR, default 2.28: UOS 20 and Kylin V10 are
#     on it) with `pip download --only-binary=:all:`. That is the floor's resolution check too.
#  2. A build venv is made from those wheels alone (no index) plus PyInstaller, and PyInstaller
#     builds packaging/vipdesk.spec.
#  3. packaging/glibc_floor.py checks every bundled shared object: the wheels' must meet the
#     floor (else the build fails); the bundle's real need goes into the .deb's libc6 dependency.
#  4. dpkg-deb packs dist/vipdesk_VERSION_amd64.deb.
#  With --smoke: packaging/smoke_linux.sh unpacks the .deb into a fresh folder and runs it.
#  With --test-ui: the screens' tests (tests/ui) run on the Qt the package ships (6.9.3 for the
#     2.28 floor), in a venv of the same wheels plus the test tools; the suite itself runs on
#     the newest Qt that installs on the machine.
#
# Wheels, venv and PyInstaller's work folder are kept in VIPDESK_BUILD_CACHE (default
# ~/.cache/vipdesk-build), outside the clone, so a rebuild with the same dependencies reuses
# them. The bundled Python is this host's python3.11: see README, "Installing in a branch".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VIPDESK_BUILD_CACHE:-$HOME/.cache/vipdesk-build}"
FLOOR="${VIPDESK_GLIBC_FLOOR:-2.28}"
PLATFORM="manylinux_${FLOOR/./_}_x86_64"
# pip takes --platform literally: every manylinux tag up to the floor, and the legacy aliases.
PLATFORM_ARGS=(--platform manylinux1_x86_64 --platform manylinux2010_x86_64 --platform manylinux2014_x86_64)
for ((minor = 5; minor <= ${FLOOR#2.}; minor++)); do PLATFORM_ARGS+=(--platform "manylinux_2_${minor}_x86_64"); done
PYINSTALLER="pyinstaller>=6.10"
SMOKE=0
TEST_UI=0
for arg in "$@"; do
    case "$arg" in
        --smoke) SMOKE=1 ;;
        --test-ui) TEST_UI=1 ;;
        *) echo "build_linux: error: unknown argument $arg (usage: build_linux.sh [--smoke] [--test-ui])" >&2; exit 2 ;;
    esac
done

say() { printf 'build_linux: %s\n' "$*" >&2; }
die() { printf 'build_linux: error: %s\n' "$*" >&2; exit 1; }

[[ "$(uname -m)" == x86_64 ]] || die "builds the x86_64 package only (this is $(uname -m))"

# What the package needs from the distribution (its Depends besides libc6; a|b: either): the
# libraries Qt's wheels and the xcb platform load and PyInstaller leaves to the system.
RUNTIME_DEBS=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
    "libglib2.0-0|libglib2.0-0t64" libxcb-cursor0 libx11-xcb1 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1)

# The tools: objdump (binutils), dpkg-deb; for --smoke Xvfb, xdotool and the package's own
# dependencies (what apt would bring with it). Installed when missing where apt-get can run
# (root, as in CI), else named.
deb_installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }
missing=()
for pair in binutils:objdump dpkg:dpkg-deb; do command -v "${pair#*:}" >/dev/null || missing+=("${pair%%:*}"); done
if ((SMOKE)); then
    for pair in xvfb:xvfb-run xauth:xauth xdotool:xdotool; do
        command -v "${pair#*:}" >/dev/null || missing+=("${pair%%:*}")
    done
    for choice in "${RUNTIME_DEBS[@]}"; do
        IFS='|' read -r -a alternatives <<<"$choice"
        found=0
        for alt in "${alternatives[@]}"; do deb_installed "$alt" && found=1; done
        ((found)) && continue
        for alt in "${alternatives[@]}"; do  # the first one this distribution has
            if apt-cache show "$alt" >/dev/null 2>&1; then missing+=("$alt"); break; fi
        done
    done
fi
if ((${#missing[@]})); then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        say "installing Debian packages: ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        die "missing packages; install them with: sudo apt-get install ${missing[*]}"
    fi
fi
PYTHON="$(command -v python3.11 || true)"
[[ -n "$PYTHON" ]] || die "python3.11 is needed: it is the Python the bundle carries"

VERSION="$("$PYTHON" -c 'import ast, sys; t = ast.parse(open(sys.argv[1]).read()); print(next(n.value.value for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == "__version__"))' "$ROOT/app/__init__.py")"
mkdir -p "$CACHE" "$ROOT/dist"
REQS="$CACHE/requirements-$FLOOR.txt"
"$PYTHON" "$ROOT/packaging/deps.py" >"$REQS"
printf '%s\n' "$PYINSTALLER" >>"$REQS"
KEY="$( (cat "$REQS"; "$PYTHON" -VV) | sha256sum | cut -c1-16)"
WHEELS="$CACHE/wheels-$KEY"
VENV="$CACHE/venv-$KEY"

# the screens' tests' venv: the shipped wheels and the test extras, made again when either changes
UIVENV="$CACHE/uitest-$( (echo "$KEY"; "$PYTHON" "$ROOT/packaging/deps.py" --extra test) | sha256sum | cut -c1-16)"
for old in "$CACHE"/wheels-* "$CACHE"/venv-* "$CACHE"/uitest-*; do  # other dependency sets' leftovers
    [[ -e "$old" && "$old" != "$WHEELS" && "$old" != "$VENV" && "$old" != "$UIVENV" ]] && rm -rf "$old"
done
started=$SECONDS
if [[ ! -f "$WHEELS/.complete" ]]; then
    say "resolving and downloading the wheels for $PLATFORM (Python 3.11)"
    rm -rf "$WHEELS"
    "$PYTHON" -m pip download --disable-pip-version-check --quiet --only-binary=:all: \
        "${PLATFORM_ARGS[@]}" --python-version 3.11 --implementation cp \
        -d "$WHEELS" -r "$REQS" || die "the dependencies do not resolve from wheels for $PLATFORM"
    touch "$WHEELS/.complete"
fi
if [[ ! -f "$VENV/.complete" ]]; then
    say "making the build venv from the wheels"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet --no-index \
        --find-links "$WHEELS" -r "$REQS"
    touch "$VENV/.complete"
fi
say "wheels and venv ready ($((SECONDS - started)) s); Qt $("$VENV/bin/python" -c 'import PySide6; print(PySide6.__version__)')"

started=$SECONDS
say "PyInstaller: building the bundle"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$CACHE/dist" \
    --workpath "$CACHE/work" "$ROOT/packaging/vipdesk.spec"
BUNDLE="$CACHE/dist/vipdesk"
say "bundle built in $((SECONDS - started)) s: $(du -sh "$BUNDLE" | cut -f1)"

say "checking the glibc floor $FLOOR over every bundled shared object"
floor_report="$("$PYTHON" "$ROOT/packaging/glibc_floor.py" "$BUNDLE" --floor "$FLOOR")" \
    || { printf '%s\n' "$floor_report" >&2; die "the glibc floor check failed"; }
printf '%s\n' "$floor_report" >&2
NEEDS="$(printf '%s\n' "$floor_report" | sed -n 's/^needs glibc //p')"

started=$SECONDS
STAGE="$CACHE/deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/etc/xdg/VIPDesk"
cp -a "$BUNDLE" "$STAGE/opt/vipdesk"
install -m 0755 "$ROOT/packaging/linux/vipdesk" "$STAGE/usr/bin/vipdesk"
install -m 0644 "$ROOT/packaging/linux/vipdesk.desktop" "$STAGE/usr/share/applications/vipdesk.desktop"
install -m 0644 "$ROOT/packaging/linux/vipdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/vipdesk.svg"
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: vipdesk
Version: $VERSION
Architecture: amd64
Maintainer: VIP Desk maintainers <vipdesk@localhost>
Section: misc
Priority: optional
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: libc6 (>= $NEEDS), $(printf '%s, ' "${RUNTIME_DEBS[@]}" | sed 's/|/ | /g; s/, $//')
Description: VIP Desk, the desk client of a bank branch's VIP area
 Customers and tiers, VIP cards, blank-card stock, documents and the counter
 queue, on a SQLite file (one PC) or a PostgreSQL store (many PCs). This PC's
 settings: /etc/xdg/VIPDesk/vipdesk.ini (see the README).
CONTROL
DEB="$ROOT/dist/vipdesk_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$STAGE" "$DEB" >/dev/null
say "package $DEB ($(du -h "$DEB" | cut -f1), needs glibc $NEEDS) in $((SECONDS - started)) s"

if ((SMOKE)); then
    bash "$ROOT/packaging/smoke_linux.sh" "$DEB" "$VERSION"
fi

if ((TEST_UI)); then
    if [[ ! -f "$UIVENV/.complete" ]]; then
        say "making the venv for the screens' tests on the shipped Qt"
        rm -rf "$UIVENV"
        "$PYTHON" -m venv "$UIVENV"
        "$UIVENV/bin/python" -m pip install --disable-pip-version-check --quiet --no-index \
            --find-links "$WHEELS" -r "$REQS"
        "$UIVENV/bin/python" -m pip install --disable-pip-version-check --quiet \
            -r <("$PYTHON" "$ROOT/packaging/deps.py" --extra test) -c <("$UIVENV/bin/python" -m pip freeze)
        touch "$UIVENV/.complete"
    fi
    say "tests/ui on Qt $("$UIVENV/bin/python" -c 'import PySide6; print(PySide6.__version__)'), as shipped"
    (cd "$ROOT" && QT_QPA_PLATFORM=offscreen "$UIVENV/bin/python" -m pytest tests/ui -q -n 2 --dist loadgroup \
        --deselect tests/ui/test_pg_restart.py) || die "the screens' tests fail on the shipped Qt"
fi
