#!/usr/bin/env bash
# The sanitizer stage of the test suite (scripts/test.sh runs it after the normal suite; CI too):
# one clang build (preset "asan": AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer,
# -O1, asserts on, plus the libFuzzer targets) that
#   1. runs the unit, input, feed, e2e and fault tests under the sanitizers (ctest preset "asan"), and
#   2. runs every fuzz target briefly from its checked-in seeds (a smoke check, FUZZ_SECONDS each).
# Expects the packages of `scripts/setup.sh --tests` and, for the window tests, a $DISPLAY
# (scripts/test.sh starts Xvfb). Warnings are errors when CI=true. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake --preset asan -DEXHIBIT_WERROR=$werror >/dev/null
cmake --build --preset asan

# Keep Mesa's software driver loaded to the end, so its globals do not look leaked once eglTerminate
# unloads it (tests/sanitizers/lsan.supp explains).
driver=$(ls /usr/lib/*/dri/swrast_dri.so 2>/dev/null | head -1 || true)
echo "sanitize: unit, input, feed, e2e and fault tests under ASan + UBSan + LSan"
LD_PRELOAD="${driver}${LD_PRELOAD:+:$LD_PRELOAD}" ctest --preset asan "$@"

echo "sanitize: fuzz smoke, ${FUZZ_SECONDS:-5} s per target"
FUZZ_BUILD_DIR=build/asan scripts/fuzz.sh --seconds "${FUZZ_SECONDS:-5}"
