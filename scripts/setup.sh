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

# A minimal Debian 12 has no python3 at all: get it (with venv and ensurepip) before anything
# else, so a machine that cannot have it fails in seconds, not after every other package.
if ! pick_python >/dev/null && command -v apt-get >/dev/null 2>&1; then
    log "no Python >= 3.11 found: installing Debian's python3 and python3-venv first"
    apt_install_missing python3 python3-venv
fi
pick_python >/dev/null || {
    log "Python >= 3.11 is needed and was not found. On Debian/Ubuntu: apt-get install python3 python3-venv"
    log "(Debian 12 has 3.11); elsewhere install Python 3.11+ and run again with PYTHON=/path/to/python3"
    exit 1
}

# The PostgreSQL server binaries for the tests' throwaway clusters, and nothing else: Debian's
# package would create a "main" cluster on port 5432 and leave a system service enabled. Both
# are stopped before they happen (a createcluster.d drop-in and a policy-rc.d that refuses to
# start services, each present only during the install) and the service is disabled after.
install_postgresql_binaries() {
    local pkg
    for pkg in $(dpkg-query -W -f='${Package}\n' 'postgresql-1[0-9]' 2>/dev/null || true); do
        is_installed "$pkg" && return 0
    done
    if ! command -v apt-get >/dev/null 2>&1; then
        log "not a Debian system: install the PostgreSQL server binaries (initdb, pg_ctl) yourself"
        return 0
    fi
    log "installing the PostgreSQL server binaries for the tests (no cluster, no service left enabled)"
    local dropin=/etc/postgresql-common/createcluster.d/00-practice-desk-no-main-cluster.conf policy_made=0
    "${SUDO[@]}" mkdir -p "$(dirname "$dropin")"
    echo "create_main_cluster = false" | "${SUDO[@]}" tee "$dropin" >/dev/null
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\n# practice-desk setup: start no service while installing\nexit 101\n' \
            | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
        policy_made=1
    fi
    local rc=0
    apt_install_missing postgresql || rc=$?
    "${SUDO[@]}" rm -f "$dropin"
    [ "$policy_made" -eq 1 ] && "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d
    [ "$rc" -eq 0 ] || exit "$rc"
    if command -v deb-systemd-helper >/dev/null 2>&1; then
        "${SUDO[@]}" deb-systemd-helper disable postgresql.service >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1 && [ -e /etc/init.d/postgresql ]; then
        "${SUDO[@]}" update-rc.d postgresql disable >/dev/null 2>&1 || true
    fi
    log "PostgreSQL binaries installed; no cluster was created and the postgresql service is disabled"
}

if command -v dpkg-query >/dev/null 2>&1; then
    QT_LIBS=(libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core)
    # a real window (and headless runs of the app under Xvfb)
    X_LIBS=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
            libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
    PKGS=("${QT_LIBS[@]}" "${X_LIBS[@]}")
    log "checking the system libraries Qt needs (and Xvfb for headless windows)"
    apt_install_missing "${PKGS[@]}"
    [ "$WITH_TEST" -eq 1 ] && install_postgresql_binaries
else
    log "no dpkg: skipping system packages (Qt needs OpenGL, fontconfig, xkbcommon, dbus and a font)"
fi

# --- Python ------------------------------------------------------------------------------------
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
