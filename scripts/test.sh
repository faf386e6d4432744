#!/usr/bin/env bash
# Quick start 2: install what is needed and run the whole test suite (Qt offscreen).
#   bash scripts/test.sh [more pytest arguments]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cups_queue.sh"
cd "$VIPDESK_ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VIPDESK_PYTHON" -m pytest "$@"
