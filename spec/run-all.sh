#!/bin/sh
# run-all.sh: every test suite of lector, one after the other: the C unit tests, the busted specs
# of the Lua API (run by ./lector itself), and the command-line specs. Each suite ends with a line
# "N passed, N failed"; this script adds them up into the last line, and exits non-zero if
# anything failed or a suite did not report. LECTOR_BUILD names another build (build-san).
set -u
cd "$(dirname "$0")/.."
B=${LECTOR_BUILD:-build}
P=.
[ "$B" = build ] || P=$B
export LECTOR_BIN="$PWD/$P/lector"
export LECTOR_SO_DIR="$PWD/$P"
# stock lua5.4 can load the sanitized lector.so only with the sanitizer's runtime loaded first
[ "$B" = build ] || export LECTOR_SO_ENV="LD_PRELOAD=$(cc -print-file-name=libasan.so) ASAN_OPTIONS=detect_leaks=0"
LOG=${TMPDIR:-/tmp}/lector-tests.$$
mkdir -p "$LOG"
total_pass=0 total_fail=0 broken=0

# run_suite NAME COMMAND...: runs it, shows its output, takes its last "N passed, N failed" line
run_suite() {
  name=$1; shift
  printf '== %s\n' "$name"
  "$@" > "$LOG/out" 2>&1
  rc=$?
  cat "$LOG/out"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOG/out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "!! $name did not report a summary (exit status $rc)"
    broken=$((broken + 1))
    return
  fi
  p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "!! $name exited with status $rc"
    broken=$((broken + 1))
  fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

start=$(date +%s)
# the seed corpus annotated, as `make run` leaves it: every suite sees the same attributes
"$LECTOR_BIN" annotate corpus > /dev/null || broken=$((broken + 1))
for t in "$B"/test_*; do
  [ -x "$t" ] || continue
  run_suite "C: $(basename "$t")" "$t"
done
run_suite "busted: Lua API (spec/)" "$LECTOR_BIN" /usr/bin/busted --output=spec/support/summary.lua \
  --pattern=_spec --exclude-tags=cli spec/lua
run_suite "busted: command line (spec/cli)" "$LECTOR_BIN" /usr/bin/busted --output=spec/support/summary.lua \
  --pattern=_spec spec/cli
rm -rf "$LOG"
echo "== all suites in $(( $(date +%s) - start )) s"
total_fail=$((total_fail + broken))
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
