#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang) if needed and runs each one in turn.
#
#   scripts/fuzz.sh                          every target for 10 s (a smoke check)
#   scripts/fuzz.sh --seconds 600 geojson    one target for 10 minutes
#   scripts/fuzz.sh --runs 1000000           every target for a million executions
#   scripts/fuzz.sh --list                   the target names
#
# Each target starts from its checked-in seeds (tests/fuzz/corpus/<target>) plus whatever earlier
# runs added, in build/fuzz/work/<target>/corpus: the checked-in corpus is never written. Crashes,
# leaks, timeouts and out-of-memory inputs go to build/fuzz/crashes/<target>/ (reproduce one with
# build/fuzz/bin/fuzz_<target> <file>). Prints executions, exec/s and coverage per target; exits 1
# when any target found something. Details: docs/fuzzing.md.
#
# Environment: FUZZ_BUILD_DIR (build/fuzz), FUZZ_BUILD_JOBS (2), FUZZ_RSS_MB (2048), FUZZ_ARGS
# (more libFuzzer flags, e.g. "-jobs=2 -workers=2").
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(feed_message show_file geojson tuio_packet operator_settings control_request csv json_reader gltf)
seconds=10
runs=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; runs=""; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --list) printf '%s\n' "${all_targets[@]}"; exit 0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "fuzz.sh: no target $t (have: ${all_targets[*]})" >&2; exit 2; }
done

build="${FUZZ_BUILD_DIR:-build/fuzz}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DEXHIBIT_FUZZ=ON -DEXHIBIT_BUILD_TESTS=OFF -DEXHIBIT_BUILD_BENCH=OFF -DEXHIBIT_WERROR=ON >/dev/null
fi
ninja -C "$build" -j "${FUZZ_BUILD_JOBS:-2}" "${targets[@]/#/fuzz_}" | grep -v '^ninja: no work to do' || true
for t in "${targets[@]}"; do
  [ -x "$build/bin/fuzz_$t" ] || { echo "fuzz.sh: build of fuzz_$t failed" >&2; exit 1; }
done

# Inputs larger than any real one only slow the search down; each limit is above the largest seed.
max_len() {
  case "$1" in
    tuio_packet) echo 4096 ;;          # sensors send one MTU (about 1.4 KB) per bundle
    operator_settings) echo 4096 ;;    # a full settings file is under 2 KB
    control_request) echo 8192 ;;      # the largest seed (pipelined requests) is under 1 KB
    show_file|geojson) echo 32768 ;;   # the bundled show.json is 9 KB
    gltf) echo 32768 ;;                # the largest seed (a textured box .glb) is 4.7 KB
    *) echo 16384 ;;
  esac
}
# libFuzzer takes one dictionary: the JSON targets get JSON syntax plus their own words.
dictionary() {
  local t="$1" out="$2"
  case "$t" in
    tuio_packet|csv) cp "tests/fuzz/dict/$t.dict" "$out" ;;
    json_reader) cp tests/fuzz/dict/json.dict "$out" ;;
    control_request) cat tests/fuzz/dict/json.dict tests/fuzz/dict/operator_settings.dict \
                         tests/fuzz/dict/control_request.dict > "$out" ;;
    *) cat tests/fuzz/dict/json.dict "tests/fuzz/dict/$t.dict" > "$out" ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
limit=(-max_total_time="$seconds")
what="$seconds s"
if [ -n "$runs" ]; then
  limit=(-runs="$runs")
  what="$runs runs"
fi

summary=()
failed=0
for t in "${targets[@]}"; do
  work="$build/work/$t"
  crashes="$build/crashes/$t"
  mkdir -p "$work/corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$t"/* "$work/corpus/" 2>/dev/null || true
  dictionary "$t" "$work/$t.dict"
  log="$work/last.log"
  echo "== fuzz_$t ($what), log $log"
  rc=0
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "$build/bin/fuzz_$t" "$work/corpus" -dict="$work/$t.dict" -max_len="$(max_len "$t")" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${limit[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  status=ok
  if [ "$rc" -ne 0 ]; then
    status="FOUND (exit $rc): $(grep -m1 -E '^==[0-9]+==ERROR|runtime error|fuzz invariant|deadly signal|ALARM|out-of-memory|uncaught' "$log" || echo 'see log')"
    failed=1
    grep -E '^(==[0-9]+==|SUMMARY|.*runtime error|fuzz invariant)' "$log" | head -20 || true
    ls -1 "$crashes" | sed "s|^|   artifact: $crashes/|"
  fi
  summary+=("$(printf '%-18s %12s execs %8s exec/s  cov %-6s ft %-6s %s' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$status")")
done

echo
echo "fuzz summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
