#!/usr/bin/env bash
# Video wall benchmarks (docs/video-walls.md); prints figures, asserts nothing.
#   1. Frame-sync overhead per frame and frame-state bytes for 2, 3 and 4 ranks on this machine
#      (bench_wall_sync: the sync protocol alone, no rendering).
#   2. The real show on a three-rank wall (dashboard, live simulator): sync time per frame on rank
#      0 (which includes waiting for the slowest rank's rendering), frame-state bytes, present skew.
#   3. Recovery: a three-rank wall under deploy/exhibit-wall.sh, one rank killed: seconds until the
#      loss is detected, until the wall ends itself, and until the restarted wall is in step again.
# Usage: bench/wall_bench.sh [build dir, default build/release or build/dev]
set -uo pipefail
cd "$(dirname "$0")/.."
build="${1:-}"
[ -z "$build" ] && { [ -x build/release/bin/exhibit ] && build=build/release || build=build/dev; }
exhibit="$PWD/$build/bin/exhibit"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_mpi_yield_when_idle=1
mpi=(mpirun --oversubscribe)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
echo "machine: $(nproc) cores; $(mpirun --version | head -1)"

echo "== 1. sync protocol alone, 3000 frames"
for n in 2 3 4; do "${mpi[@]}" -np "$n" "$build/bin/bench_wall_sync" 3000 2>/dev/null | grep '"ranks"'; done

echo "== 2. the dashboard on three ranks (1240x300 canvas, 600 frames at a fixed 60 Hz step)"
"${mpi[@]}" -np 3 "$exhibit" --headless --scene dashboard --wall tests/data/walls/three-ranks.json --frames 600 \
  --tuio 0 --state-dir "$work/state" --screenshot "$work/d.png" 2>&1 | grep -E "rank 0 of 3: [0-9]+ frames in step"

echo "== 3. recovery after a killed rank (timeout 1 s, restart 2 s after the loss)"
log="$work/wall.log"
: >"$log"
deploy/exhibit-wall.sh -np 3 --oversubscribe --exhibit "$exhibit" --restart-delay 1 --log "$log" -- --headless --scene timeline \
  --wall bench/walls/three-ranks-recovery.json --seconds 100000 --fixed-dt 16.667 --tuio 0 --state-dir "$work/state" \
  --screenshot "$work/r.png" 2>"$work/supervisor.log" &
supervisor=$!
now() { date +%s.%N; }
wait_for() {  # wait_for TEXT COUNT: until the log holds TEXT at least COUNT times; prints the time
  for _ in $(seq 1200); do
    [ "$(grep -c -- "$1" "$log")" -ge "$2" ] && { now; return 0; }
    sleep 0.05
  done
  echo "timeout waiting for: $1" >&2; return 1
}
wait_for "the wall is in step" 1 >/dev/null || { kill "$supervisor"; exit 1; }
sleep 10
victim=$(grep -o "rank 2 of 3: follower (pid [0-9]*" "$log" | tail -1 | grep -o "[0-9]*$")
killed=$(now)
kill -KILL "$victim"
detected=$(wait_for "rank 2 lost" 1)
ended=$(wait_for "ending the wall so that its supervisor" 1)
back=$(wait_for "the wall is in step" 2)
kill -TERM "$supervisor"; wait "$supervisor" 2>/dev/null
awk -v k="$killed" -v d="$detected" -v e="$ended" -v b="$back" 'BEGIN {
  printf "{\"detected_s\": %.2f, \"wall_ended_s\": %.2f, \"in_step_again_s\": %.2f}\n", d - k, e - k, b - k }'
