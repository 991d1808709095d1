# Counting for scripts/test.sh, sourced by it (and by tests/scripts.rs, which runs these
# functions on deliberately failing suites): each suite adds its tests to `passed` and
# `failed`, a suite that fails before reporting counts as one failure, and `summary` always
# prints "N passed, N failed" and returns non-zero when anything failed. Nothing here may end
# the script early: it runs with `set +e`, whatever the caller had set.
set +e
passed=0
failed=0
logdir="${logdir:-target/test-logs}"
mkdir -p "$logdir"

step() { printf '\n==> %s\n' "$1"; }

# A check that counts as one test.
check() {
  local name="$1"; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# Sum cargo's "test result:" lines from a log; a run that fails before any result counts 1.
cargo_suite() {
  local name="$1" log="$logdir/$2.log"; shift 2
  step "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: $name (exit $rc)"; fi
}

# Sum a TAP run's "# pass N" and "# fail N"; a run that fails without a count counts 1.
tap_suite() {
  local name="$1" log="$logdir/$2.log"; shift 2
  step "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -E '^# pass [0-9]+' "$log" | awk '{print $3}' | tail -n1)
  f=$(grep -E '^# fail [0-9]+' "$log" | awk '{print $3}' | tail -n1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: $name (exit $rc)"; fi
}

# The last line, always; non-zero when anything failed.
summary() {
  echo
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
