#!/usr/bin/env bash
# Installs what exhibit needs to build, run and test, from Debian 12 packages only.
# Idempotent: packages already installed are skipped, and nothing is downloaded when all are there.
# With --tests it also installs what only the tests need: Chromium, and Node.js with npm, which
# installs playwright-core (pinned by tests/web/package-lock.json) to drive Chromium, and
# gnuplot-nox, which scripts/soak.sh uses to plot the soak's memory.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config python3-glad
  # libraries
  libsdl2-dev libglm-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libfreetype-dev libfontconfig-dev libpng-dev
  libegl-dev libgl-dev libglu1-mesa-dev
  libcurl4-openssl-dev libmosquitto-dev libcpp-httplib-dev liblo-dev
  libimgui-dev libsystemd-dev
  # glTF models (renderer/gltf_model.cpp): TinyGLTF and the stb_image decoder it uses
  libtinygltf-dev libstb-dev
  # video walls over several machines (app/wall_sync.cpp): Open MPI and its mpirun
  libopenmpi-dev openmpi-bin
  # VR mode (xr/, exhibit --xr): the Khronos OpenXR loader and headers, and the core validation
  # layer the xr tests enable on top of the test runtime (tests/xr_runtime)
  libopenxr-dev libopenxr-loader1 openxr-layer-corevalidation
  # runtime: Chinese font, Mesa (llvmpipe) for headless EGL, Xvfb for window tests
  fonts-noto-cjk libegl-mesa0 libgl1-mesa-dri xvfb xauth
  # tests and benchmarks (mosquitto: a real MQTT broker for the feed tests)
  libgtest-dev libgmock-dev libbenchmark-dev mosquitto
)
if [ "${1:-}" = "--tests" ]; then
  packages+=(chromium gnuplot-nox)
  packages+=(clang libclang-rt-14-dev)  # libFuzzer and sanitizer runtimes: scripts/fuzz.sh, docs/fuzzing.md
  packages+=(faketime)  # libfaketime: the fault tests jump the wall clock (tests/fault, docs/faults.md)
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

install_web_test_tools() {
  [ "${1:-}" = "--tests" ] || return 0
  [ -d tests/web/node_modules/playwright-core ] && return 0
  echo "setup: npm ci in tests/web (playwright-core, no browser download)"
  (cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  install_web_test_tools "${1:-}"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_web_test_tools "${1:-}"
