#!/usr/bin/env bash
# Accelerated soak of the whole show (docs/soak.md): builds exhibit (Release, build/soak), runs it
# headless on the simulator sped up, with scene rotation, API calls and TUIO touches
# (bench/soak.py), then plots resident memory over simulated time with gnuplot.
#
#   scripts/soak.sh                                   # 3 wall minutes at 72x (about 3.6 simulated hours)
#   scripts/soak.sh --wall-minutes 25 --speed 150     # a long run; any bench/soak.py option goes through
#   SOAK_OUT=/tmp/soak scripts/soak.sh ...            # where the CSV, summary, log and plot go (default soak-out)
#   SOAK_NO_BUILD=1 scripts/soak.sh ...               # use build/soak/bin/exhibit as it is
#
# Writes $SOAK_OUT/soak.csv, summary.json, exhibit.log and soak-memory.png. Exit status: 0 when
# exhibit ran to the end and stopped cleanly on SIGTERM (flatness is reported, not asserted:
# benchmarks measure).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${SOAK_OUT:-soak-out}"
build=build/soak
if [ -z "${SOAK_NO_BUILD:-}" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"${SOAK_JOBS:-2}" --target exhibit
fi

status=0
/usr/bin/python3 bench/soak.py --exhibit "$build/bin/exhibit" --out "$out" "$@" || status=$?

plot() {
  local csv="$1" png="$2"
  if ! command -v gnuplot >/dev/null; then
    echo "soak: gnuplot is missing: no plot written (apt-get install gnuplot-nox, or scripts/setup.sh --tests)" >&2
    return 0
  fi
  local title="exhibit soak: resident memory over simulated time"
  if [ -f "$out/summary.json" ]; then
    title=$(/usr/bin/python3 - "$out/summary.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
r = s.get("series", {}).get("rss_bytes", {})
if r.get("measured"):
    print(f"exhibit soak, {s['size']}, feed {s['speed']:g}x: {s['sim_hours']:.1f} simulated h in "
          f"{s['wall_seconds'] / 60:.0f} min; RSS slope {r['slope_per_sim_hour'] / 1024:+.1f} KiB/simulated h, "
          f"max deviation {r['max_deviation_pct']:.2f} % after warm-up")
else:
    print("exhibit soak: resident memory over simulated time")
EOF
)
  fi
  gnuplot <<EOF
set terminal png size 1200,600
set output "$png"
set datafile separator ","
set key autotitle columnhead
set title "$title"
set xlabel "simulated hours"
set ylabel "resident memory (MiB)"
set y2label "open fds, threads, GL objects / 10"
set ytics nomirror
set y2tics
set grid
set key bottom right
plot "$csv" using (column("sim_h")):(column("rss_bytes")/1048576.0) with lines lw 2 title "resident memory (MiB)", \
     "" using (column("sim_h")):(column("fds")) axes x1y2 with lines title "open fds", \
     "" using (column("sim_h")):(column("threads")) axes x1y2 with lines title "threads", \
     "" using (column("sim_h")):(column("gl_objects")/10.0) axes x1y2 with lines title "GL objects / 10"
EOF
  echo "soak: plot $png"
}

if [ -s "$out/soak.csv" ]; then plot "$out/soak.csv" "$out/soak-memory.png"; fi
exit "$status"
