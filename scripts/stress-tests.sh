#!/usr/bin/env bash
# Runs the whole test suite RUNS times in a row (default 50); every second run has two CPU-bound
# processes beside it. Each run is bounded like CI's (.ci/run's watchdog); a run that hangs is
# stopped, named and counted. Prints one line per run and a closing `N passed, N failed` line.
# Usage: scripts/stress-tests.sh [RUNS]   (from the package root; builds the tests first)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs="${1:-50}"
limit="${CASTBOT_TEST_TIMEOUT_SECONDS:-600}"
logs="$(mktemp -d)"
swift build --build-tests >/dev/null || exit $?

passed=0
failed=0
for run in $(seq 1 "$runs"); do
  hogs=()
  if [ $((run % 2)) -eq 0 ]; then
    for _ in 1 2; do (while :; do :; done) & hogs+=($!); done
  fi
  start=$(date +%s)
  timeout --kill-after=10 "$limit" swift test --skip-build >"$logs/run-$run.log" 2>&1
  status=$?
  pkill -KILL -f "$PWD/.build/.*castbotPackageTests" 2>/dev/null
  for hog in "${hogs[@]}"; do kill "$hog" 2>/dev/null; wait "$hog" 2>/dev/null; done
  seconds=$(( $(date +%s) - start ))
  summary=$(grep -E "Test run with [0-9]+ tests" "$logs/run-$run.log" | tail -1 | sed 's/^[^A-Za-z]*//')
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    [ "$status" -eq 124 ] || [ "$status" -eq 137 ] && summary="HUNG: stopped after ${limit} s"
    cp "$logs/run-$run.log" "stress-run-$run.log"
  fi
  echo "run $run (hogs: ${#hogs[@]}): exit $status in ${seconds} s — ${summary:-no summary}"
done
rm -rf "$logs"
echo "stress: $passed passed, $failed failed"
