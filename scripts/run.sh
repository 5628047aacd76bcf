#!/usr/bin/env bash
# Sets everything up, builds (Release) and runs the show. With a display it opens a window
# (pass --fullscreen --display N for a wall); without one it renders headless and writes PNG
# screenshots at 1920x1080 and 3840x2160 into out/. Extra arguments go to exhibit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
exe=build/release/bin/exhibit
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$exe" "$@"
fi
echo "run: no display found, rendering headless"
mkdir -p out
for scene in dashboard map; do
  for size in 1920x1080 3840x2160; do
    "$exe" --headless --scene "$scene" --size "$size" --frames 10 --screenshot "out/$scene-$size.png" "$@"
  done
done
echo "run: screenshots are in $(pwd)/out/"
