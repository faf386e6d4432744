#!/usr/bin/env bash
# Quick start 2: install what is needed and run the whole test suite (Qt offscreen, two workers).
#   bash scripts/test.sh [more pytest arguments]
#   VIPDESK_TEST_WORKERS=0 bash scripts/test.sh ...   (one process)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cups_queue.sh"
cd "$VIPDESK_ROOT"
export QT_QPA_PLATFORM=offscreen
# Two pytest-xdist workers: much of the suite waits on PostgreSQL or on Qt's event loop, so two
# processes on two cores take far less time than one. --dist loadgroup keeps the tests that share
# a module's fixture (or the private password-checking server) on one worker (tests/conftest.py).
# VIPDESK_TEST_WORKERS=0 runs in one process, as plain `pytest` does; a later -n N wins.
workers="${VIPDESK_TEST_WORKERS:-2}"
for arg in "$@"; do  # the bench suite measures time and prints one table: one process, always
    [[ "$arg" == tests/bench* ]] && workers=0
done
xdist=()
[[ "$workers" == 0 ]] || xdist=(-n "$workers" --dist loadgroup)
exec "$VIPDESK_PYTHON" -m pytest ${xdist[@]+"${xdist[@]}"} "$@"
