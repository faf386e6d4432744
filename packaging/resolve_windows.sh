#!/usr/bin/env bash
# The Windows x64 resolution check, run on Linux (CI): VIP Desk's run-time dependencies and
# PyInstaller resolve from wheels for win_amd64 and Python 3.11, as the Windows build needs
# (packaging/windows/build_windows.ps1). pip resolves without fetching the wheels where the index
# serves their metadata; markers are judged as on this host (pip's --platform does not change
# them), which leaves out Windows-only pure-Python wheels such as keyring's pywin32-ctypes.
#
#   bash packaging/resolve_windows.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="$(command -v python3.11 || command -v python3)"
REQS="$(mktemp)"
trap 'rm -rf "$REQS" "$REQS.target"' EXIT
"$PYTHON" "$ROOT/packaging/deps.py" >"$REQS"
echo "pyinstaller>=6.10" >>"$REQS"
if ! "$PYTHON" -m pip install --disable-pip-version-check --quiet --dry-run --ignore-installed \
        --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
        --target "$REQS.target" --report "$REQS.report" -r "$REQS"; then
    echo "resolve_windows: error: the dependencies do not resolve from wheels for win_amd64" >&2
    exit 1
fi
"$PYTHON" - "$REQS.report" <<'PY'
import json, re, sys
items = json.load(open(sys.argv[1]))["install"]
qt = [i["metadata"]["version"] for i in items
      if re.sub(r"[-_.]+", "-", i["metadata"]["name"]).lower() == "pyside6-essentials"]
print(f"resolve_windows: {len(items)} wheels resolve for win_amd64 (Qt {qt[0] if qt else '?'})")
PY
rm -f "$REQS.report"
