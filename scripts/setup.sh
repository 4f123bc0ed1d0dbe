#!/usr/bin/env bash
# Install Practice Desk for development on Debian 12 (or Ubuntu) with Python >= 3.11.
#
#   bash scripts/setup.sh            # Qt's system libraries, .venv, the app (editable, pinned)
#   bash scripts/setup.sh --test     # + the test tools, the PostgreSQL driver and a PostgreSQL server
#   bash scripts/setup.sh --postgresql   # + the PostgreSQL driver only (for --database postgresql://...)
#
# Idempotent: installs only what is missing (apt-get update runs only when a package is missing;
# pip runs only when pyproject.toml, constraints.txt or the chosen extras changed).
# Works as root, or as a normal user with sudo. Python: $PYTHON, else python3.11, else python3.
# Afterwards the app runs as .venv/bin/practice-desk.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WITH_TEST=0
WITH_PG_DRIVER=0
for arg in "$@"; do
    case "$arg" in
        --test) WITH_TEST=1; WITH_PG_DRIVER=1 ;;
        --postgresql) WITH_PG_DRIVER=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

log() { echo "setup: $*" >&2; }

# --- system packages ---------------------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

is_installed() {
    [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

APT_UPDATED=0
apt_install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        log "not a Debian system: install these yourself: ${missing[*]}"
        return 0
    fi
    if [ "${#SUDO[@]}" -gt 0 ] && ! command -v sudo >/dev/null 2>&1; then
        log "missing system packages (${missing[*]}) and no sudo: run this script as root once"
        exit 1
    fi
    log "installing system packages: ${missing[*]}"
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=1
    fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
    QT_LIBS=(libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core)
    # a real window (and headless runs of the app under Xvfb)
    X_LIBS=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
            libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
    PKGS=("${QT_LIBS[@]}" "${X_LIBS[@]}")
    [ "$WITH_TEST" -eq 1 ] && PKGS+=(postgresql)
    apt_install_missing "${PKGS[@]}"
else
    log "no dpkg: skipping system packages (Qt needs OpenGL, fontconfig, xkbcommon, dbus and a font)"
fi

# --- Python ------------------------------------------------------------------------------------
pick_python() {
    local cand
    for cand in "${PYTHON:-}" python3.11 python3 python; do
        [ -n "$cand" ] || continue
        command -v "$cand" >/dev/null 2>&1 || continue
        if "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            echo "$cand"; return 0
        fi
    done
    return 1
}

VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    PY="$(pick_python)" || { log "Python >= 3.11 not found (set PYTHON=/path/to/python3.11)"; exit 1; }
    if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        # Debian splits venv/ensurepip out of the interpreter
        ver="$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        apt_install_missing "python${ver}-venv"
    fi
    rm -rf "$VENV"
    log "creating $VENV with $PY ($("$PY" --version 2>&1))"
    "$PY" -m venv "$VENV"
fi

EXTRAS=()
[ "$WITH_PG_DRIVER" -eq 1 ] && EXTRAS+=(postgresql)
[ "$WITH_TEST" -eq 1 ] && EXTRAS+=(test)
SPEC="."
if [ "${#EXTRAS[@]}" -gt 0 ]; then SPEC=".[$(IFS=,; echo "${EXTRAS[*]}")]"; fi

# Skip pip when nothing it depends on changed since the last successful run.
STAMP="$VENV/.practice-desk-setup"
HASH="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
stamp_covers() {  # an install with these files and at least the requested extras was done
    local line extra
    [ -f "$STAMP" ] || return 1
    while read -r line; do
        [ "${line%% *}" = "$HASH" ] || continue
        for extra in "${EXTRAS[@]}"; do
            case "${line#* }" in *"$extra"*) ;; *) continue 2 ;; esac
        done
        return 0
    done < "$STAMP"
    return 1
}
if stamp_covers && [ -x "$VENV/bin/practice-desk" ] && "$VENV/bin/python" -c 'import desktop' >/dev/null 2>&1; then
    log "Python packages up to date ($SPEC)"
else
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    # PIP_CONSTRAINT (unlike -c) also reaches pip's isolated build environment.
    log "installing the app and its pinned dependencies: pip install -e '$SPEC' with constraints.txt"
    PIP_CONSTRAINT="$ROOT/constraints.txt" "$VENV/bin/python" -m pip install -q -e "$SPEC"
    # one line per extras set installed with these files, so alternating setups stay quick
    { grep "^$HASH " "$STAMP" 2>/dev/null || true; echo "$HASH $SPEC"; } | sort -u > "$STAMP.new"
    mv "$STAMP.new" "$STAMP"
fi

"$VENV/bin/python" -c 'import desktop' || { log "the app does not import after install"; exit 1; }
log "ready: $VENV/bin/practice-desk"
