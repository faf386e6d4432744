#!/usr/bin/env bash
# Quick start 1: install what is needed and open VIP Desk on a fresh demo store.
#   bash scripts/demo.sh [more main.py arguments]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$VIPDESK_ROOT"
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" && "$(uname -s)" == Linux ]]; then
    echo "demo: warning: no DISPLAY or WAYLAND_DISPLAY: the window needs a desktop session" >&2
fi
exec "$VIPDESK_PYTHON" main.py --demo "$@"
