#!/usr/bin/env bash
# Sets everything up, builds and runs the whole test suite: every label of the dev build, then the
# sanitizer stage (scripts/sanitize.sh: unit, feed, e2e and fault tests under ASan + UBSan + LSan,
# and a smoke run of every fuzz target). Warnings are errors when CI=true. Starts Xvfb for the
# window tests when there is no display, and stops it again.
# With arguments, runs only the dev build's tests and passes the arguments to ctest (e.g. -L unit).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake --preset dev -DEXHIBIT_WERROR=$werror >/dev/null
cmake --build --preset dev

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  for n in $(seq 90 99); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
    echo "test: started Xvfb on $DISPLAY"
    break
  done
fi

ctest --preset dev "$@"
if [ $# -eq 0 ]; then scripts/sanitize.sh; fi
