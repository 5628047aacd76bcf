#!/usr/bin/env bash
# Renders every scene of a show headless, in Chinese and English, with a fixed clock and seed, for
# the README's gallery: 1920x1080 frames into build/gallery/ (not committed) and half-size
# 960x540 copies into docs/images/gallery/<scene>-<lang>.png (committed: small). Prints each file.
#
#   scripts/gallery.sh                        # every scene of the bundled show, zh and en
#   scripts/gallery.sh timeline credits       # only these scenes
#   EXHIBIT=build/release/bin/exhibit SHOW=path/show.json scripts/gallery.sh
#   GALLERY_DT=50 scripts/gallery.sh         # 20 fps instead of 60: three times faster on llvmpipe
#
# Each frame is the state after 20 s of show time at 60 fps (--fixed-dt 16.667), simulator seed 7.
# The simulator runs on its own thread against the wall clock, so figures differ a little from run
# to run; the golden tests (tests/golden/scenes_test.cpp) are the exact, repeatable renders. Needs a built exhibit (default build/dev/bin/exhibit)
# and python3 (for the downscale, scripts/png_downscale.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${EXHIBIT:-build/dev/bin/exhibit}
show_args=()
if [ -n "${SHOW:-}" ]; then show_args=(--show "$SHOW"); fi
full=${GALLERY_FULL:-build/gallery}
thumbs=${GALLERY_OUT:-docs/images/gallery}
dt=${GALLERY_DT:-16.667}  # ms per frame; 50 renders the same 20 s in a third of the frames
if [ ! -x "$exe" ]; then
  echo "gallery: no exhibit binary at $exe (build it, or set EXHIBIT=...)" >&2
  exit 1
fi
if [ $# -gt 0 ]; then
  scenes=("$@")
else
  mapfile -t scenes < <("$exe" "${show_args[@]}" --list-scenes | awk '{print $1}')
fi
if [ ${#scenes[@]} -eq 0 ]; then
  echo "gallery: the show lists no scenes" >&2
  exit 1
fi
# The simulator follows the wall clock (counters restart at midnight, China time): with faketime the
# renders start at a busy hour instead, 11:00 China time (GALLERY_TIME, UTC).
clock=()
if command -v faketime >/dev/null; then
  clock=(env TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@${GALLERY_TIME:-2025-11-28 03:00:00}")
fi
mkdir -p "$full" "$thumbs"
for scene in "${scenes[@]}"; do
  for lang in zh en; do
    frame="$full/$scene-$lang.png"
    "${clock[@]}" "$exe" "${show_args[@]}" --headless --fixed-dt "$dt" --seconds 20 --seed 7 --size 1920x1080 \
      --scene "$scene" --lang "$lang" --screenshot "$frame" --log-level warn
    /usr/bin/env python3 scripts/png_downscale.py "$frame" "$thumbs/$scene-$lang.png" 2
    printf '%s  (%s KiB; full size: %s)\n' "$thumbs/$scene-$lang.png" "$(( $(stat -c %s "$thumbs/$scene-$lang.png") / 1024 ))" "$frame"
  done
done
