#!/usr/bin/env bash
# Supervises a video wall driven by several processes (machines): starts
#   mpirun --enable-recovery -np N [--hostfile FILE] exhibit --wall LAYOUT [exhibit arguments]
# and starts it again whenever it ends, until this script is stopped (SIGTERM or SIGINT, which it
# passes on to mpirun). A wall ends by itself after losing a node (the layout's
# sync.restartAfterLossSeconds, docs/video-walls.md): starting it again brings every node back in,
# the lost one included once its machine answers again. Run it on rank 0's machine, e.g. from
# deploy/exhibit-wall.service.
#
# A wall that fails to start (a machine of the hostfile down, a wrong layout) is tried again with a
# growing delay (doubled after every run shorter than 10 s, up to a minute), so that the log does
# not fill up; after a longer run the delay is back to --restart-delay.
#
# Usage: deploy/exhibit-wall.sh -np N [--hostfile FILE] [--exhibit PATH] [--restart-delay S] [--log FILE]
#                               [--oversubscribe] -- --wall LAYOUT [more exhibit arguments]
# (--oversubscribe: more ranks than cores on one machine, for trying a wall out on one PC.)
set -uo pipefail

ranks="" hostfile="" exhibit="exhibit" delay=2 log="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -np) ranks="$2"; shift 2 ;;
    --hostfile) hostfile="$2"; shift 2 ;;
    --exhibit) exhibit="$2"; shift 2 ;;
    --restart-delay) delay="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    --oversubscribe) extra+=(--oversubscribe); shift ;;
    --) shift; break ;;
    *) echo "exhibit-wall: unknown argument $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ -z "$ranks" ] || [ $# -eq 0 ]; then
  echo "exhibit-wall: usage: $0 -np N [--hostfile FILE] [--exhibit PATH] [--restart-delay S] [--log FILE] -- --wall LAYOUT [...]" >&2
  exit 2
fi
command -v mpirun >/dev/null || { echo "exhibit-wall: mpirun not found (install openmpi-bin)" >&2; exit 1; }

launch=(mpirun --enable-recovery -np "$ranks" "${extra[@]}")
[ -n "$hostfile" ] && launch+=(--hostfile "$hostfile")
[ "$(id -u)" -eq 0 ] && launch+=(--allow-run-as-root)
for var in DISPLAY XAUTHORITY WAYLAND_DISPLAY; do  # the ranks on other PCs open windows on their own display
  [ -n "${!var:-}" ] && launch+=(-x "$var")
done
launch+=("$exhibit" "$@")

say() { echo "exhibit-wall: $(date '+%F %T') $*" >&2; }
stopping=0 child=""
stop() {
  stopping=1
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null
}
trap stop TERM INT

starts=0 wait_s=$(( delay > 1 ? delay / 2 : 1 ))
while [ "$stopping" -eq 0 ]; do
  starts=$((starts + 1))
  started=$(date +%s)
  say "starting the wall (start $starts): ${launch[*]}"
  if [ -n "$log" ]; then "${launch[@]}" >>"$log" 2>&1 & else "${launch[@]}" & fi
  child=$!
  wait "$child"; code=$?
  # wait returns early when a trapped signal arrives: wait for mpirun itself to end.
  while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
  child=""
  [ "$stopping" -eq 1 ] && break
  if [ $(( $(date +%s) - started )) -ge 10 ]; then wait_s="$delay"; else wait_s=$(( wait_s * 2 > 60 ? 60 : wait_s * 2 )); fi
  say "the wall ended (mpirun exit $code); starting it again in $wait_s s"
  sleep "$wait_s" & wait $!
done
say "stopped after $starts start(s)"
