#!/usr/bin/env bash
# Build Practice Desk as one self-contained folder (PyInstaller): Python, Qt, the resources and the
# migrations inside, nothing needed from the machine but the libraries any desktop has (OpenGL,
# fontconfig, xkbcommon, dbus, a font; on X also the xcb libraries).
#
#   bash scripts/bundle.sh            # → dist/practice-desk/ and dist/practice-desk-linux-x86_64.tar.gz
#   bash scripts/bundle.sh --check    # the same, then start the bundle offscreen on a new demo
#                                     # practice, quit it with SIGTERM and verify what it wrote
#
# On the practice's computer: unpack the archive anywhere, run practice-desk/practice-desk, and
# (once) practice-desk/install-desktop-entry.sh for a menu entry with the icon.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { echo "bundle: $*" >&2; }

CHECK=0
for arg in "$@"; do
    case "$arg" in
        --check) CHECK=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "bundle.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

# The app with its PostgreSQL driver (a practice on a server), unless the tests' set-up made it already.
"$ROOT/.venv/bin/python" -c "import desktop, psycopg2" 2>/dev/null || bash scripts/setup.sh --postgresql
PIP_CONSTRAINT="$ROOT/constraints.txt" "$ROOT/.venv/bin/pip" install -q --disable-pip-version-check "pyinstaller"

DIST="$ROOT/dist"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/practice-desk-bundle.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
t0=$SECONDS
QT_QPA_PLATFORM=offscreen "$ROOT/.venv/bin/pyinstaller" --noconfirm --clean --log-level ERROR \
    --distpath "$DIST" --workpath "$WORK/build" packaging/practice-desk.spec
BUNDLE="$DIST/practice-desk"

# The menu entry: written with the bundle's real place when the person installs it.
cat > "$BUNDLE/install-desktop-entry.sh" <<'SH'
#!/bin/sh
# Add Practice Desk to this user's applications menu, with its icon, pointing at this folder.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
dir="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$dir"
sed "s|@BUNDLE@|$here|g" "$here/practice-desk.desktop.in" > "$dir/practice-desk.desktop"
echo "Added $dir/practice-desk.desktop"
SH
chmod 755 "$BUNDLE/install-desktop-entry.sh"
cp packaging/practice-desk.desktop "$BUNDLE/practice-desk.desktop.in"
ARCHIVE="$DIST/practice-desk-linux-$(uname -m).tar.gz"
tar -C "$DIST" -czf "$ARCHIVE" practice-desk
log "built $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)) and $ARCHIVE ($(du -sh "$ARCHIVE" | cut -f1)) in $((SECONDS - t0)) s"

[ "$CHECK" -eq 1 ] || exit 0

# --- the check: the bundle starts by itself (no Python on PATH, an empty environment) ------------
TRY="$WORK/try"
mkdir -p "$TRY/home"
log "starting the bundle offscreen on a new demo practice"
env -i PATH=/usr/bin:/bin HOME="$TRY" QT_QPA_PLATFORM=offscreen PRACTICE_DESK_HOME="$TRY/home" \
    "$BUNDLE/practice-desk" --demo --database "$TRY/demo.db" >"$TRY/run.log" 2>&1 &
pid=$!
started=0
for _ in $(seq 1 120); do  # the sign-in window is up once the day's backup has been taken
    if grep -q "backup daily" "$TRY/run.log" 2>/dev/null; then started=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if [ "$started" -ne 1 ]; then
    kill -KILL "$pid" 2>/dev/null || true
    cat "$TRY/run.log" >&2
    log "FAILED: the bundle did not open the demo practice"
    exit 1
fi
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
if [ "$rc" -ne 0 ]; then
    cat "$TRY/run.log" >&2
    log "FAILED: the bundle exited $rc on SIGTERM (expected 0)"
    exit 1
fi
env -i PATH=/usr/bin:/bin HOME="$TRY" "$BUNDLE/practice-desk" --verify-audit --database "$TRY/demo.db" >&2
"$BUNDLE/practice-desk" --version >&2
log "the bundle started, opened and built the demo practice, quit cleanly and verified its audit trail"
