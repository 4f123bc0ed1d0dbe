#!/usr/bin/env bash
# Install Practice Desk (if needed) and open it on the demo practice.
#
#   bash scripts/run-demo.sh            # extra arguments go to practice-desk, e.g. --user alex.morgan
#
# With no display ($DISPLAY / $WAYLAND_DISPLAY unset) the app runs under a virtual X server
# (xvfb-run), so it still starts on a headless machine; stop it with Ctrl+C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

APP=("$ROOT/.venv/bin/practice-desk" --demo "$@")
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "${APP[@]}"
fi
echo "run-demo: no display; running under Xvfb (xvfb-run)" >&2
exec xvfb-run -a -s "-screen 0 1366x768x24" "${APP[@]}"
