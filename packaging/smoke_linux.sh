#!/usr/bin/env bash
# Smoke test of a built .deb, as a branch PC would meet it: unpack it into a fresh folder (no
# system change), then run what it installed: `vipdesk --version`; the command line on a fresh
# SQLite store (schema, demo data, audit check: Alembic's migrations, reportlab and argon2 are
# in the bundle); the GUI on a fresh demo store, with this PC's settings file choosing Chinese,
# until its sign-in window is on screen; first, that the Qt plugins and the files it loads by
# name are in it. The GUI runs under Xvfb with Qt's xcb platform, the one a branch PC's desktop
# uses (offscreen has no windows to look for).
#
#   bash packaging/smoke_linux.sh dist/vipdesk_VERSION_amd64.deb VERSION
set -euo pipefail

DEB="$1"
VERSION="$2"
say() { printf 'smoke: %s\n' "$*" >&2; }
die() { printf 'smoke: error: %s\n' "$*" >&2; exit 1; }
for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || die "$tool not found (Debian: apt-get install xvfb xauth xdotool)"
done

# apt can install it here: its Depends parse and are met (build_linux.sh --smoke installed them).
if command -v apt-get >/dev/null; then
    apt-get install --simulate "$(realpath "$DEB")" >/dev/null 2>&1 \
        || die "apt cannot install the package: $(apt-get install --simulate "$(realpath "$DEB")" 2>&1 | tail -3)"
fi

PLACE="$(mktemp -d "${TMPDIR:-/tmp}/vipdesk-smoke.XXXXXX")"
trap 'rm -rf "$PLACE"' EXIT
dpkg-deb -x "$DEB" "$PLACE/root"
APP="$PLACE/root/opt/vipdesk/vipdesk"
[[ -x "$APP" ]] || die "the package has no /opt/vipdesk/vipdesk"
[[ -x "$PLACE/root/usr/bin/vipdesk" ]] || die "the package has no vipdesk command"
[[ -f "$PLACE/root/usr/share/applications/vipdesk.desktop" ]] || die "the package has no desktop entry"
# What VIP Desk loads by name at run time, which a missed hook would leave out silently.
QT="$PLACE/root/opt/vipdesk/_internal/PySide6"
for part in Qt/plugins/platforms/libqxcb.so Qt/plugins/platforms/libqoffscreen.so \
        Qt/plugins/imageformats/libqjpeg.so Qt/plugins/printsupport/libcupsprintersupport.so \
        Qt/lib/libQt6Pdf.so.6 QtPdf.abi3.so QtPdfWidgets.abi3.so QtPrintSupport.abi3.so \
        QtTextToSpeech.abi3.so Qt/plugins/texttospeech/libqtexttospeech_speechd.so \
        ../resources/fonts/wqy-microhei.ttc ../resources/i18n/vipdesk_zh_CN.qm \
        ../db/migrations/env.py; do
    [[ -f "$QT/$part" ]] || die "the package lacks $(basename "$part")"
done

# A PC nobody has used: its own home, data and settings.
export HOME="$PLACE/home" XDG_DATA_HOME="$PLACE/home/.local/share" XDG_CONFIG_HOME="$PLACE/home/.config"
export VIPDESK_SETTINGS="$PLACE/vipdesk.ini"
unset VIPDESK_DB_URL VIPDESK_LANG
mkdir -p "$HOME"
printf '[vipdesk]\nlanguage = zh_CN\npc_name = SMOKE-PC\n' >"$VIPDESK_SETTINGS"

said="$("$APP" --version)"
[[ "$said" == "VIP Desk $VERSION" ]] || die "vipdesk --version said '$said', not 'VIP Desk $VERSION'"
say "vipdesk --version: $said"

STORE="sqlite:///$PLACE/store.sqlite3"
QT_QPA_PLATFORM=offscreen "$APP" demo --db "$STORE" --customers 20 >"$PLACE/demo.log" \
    || die "vipdesk demo failed: $(tail -3 "$PLACE/demo.log")"
QT_QPA_PLATFORM=offscreen "$APP" audit verify --db "$STORE" >"$PLACE/verify.log" \
    || die "vipdesk audit verify failed: $(cat "$PLACE/verify.log")"
say "command line on a fresh store: $(head -1 "$PLACE/demo.log")"

# The GUI: start it on a fresh demo store and wait for the sign-in window, in Chinese.
cat >"$PLACE/gui.sh" <<GUI
set -u
"$APP" --demo >"$PLACE/gui.log" 2>&1 &
app=\$!
window="\$(timeout 90 xdotool search --sync --onlyvisible --name '贵宾服务台 — 登录' | head -1)"
title="\$( [[ -n "\$window" ]] && xdotool getwindowname "\$window" )"
alive=0; kill -0 "\$app" 2>/dev/null && alive=1
kill "\$app" 2>/dev/null; wait "\$app" 2>/dev/null
[[ -n "\$window" && "\$alive" == 1 ]] || { echo "no sign-in window (log: \$(tail -5 "$PLACE/gui.log"))" >&2; exit 1; }
echo "\$title"
GUI
shown="$(env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1366x768x24" bash "$PLACE/gui.sh")" \
    || die "the GUI did not show its sign-in window"
say "GUI on a fresh demo store: the sign-in window '$shown' is up"
say "passed: $DEB"
