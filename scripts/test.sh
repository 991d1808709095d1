#!/usr/bin/env bash
# Runs every check: format, clippy, native model tests, wasm-bindgen-test component tests in
# headless Chromium, the release build, and Playwright journeys against it. Installs what is
# missing first. Ends with one line "N passed, N failed" counting individual tests (format,
# clippy and the build count as one check each).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
# setup.sh runs with -e; a failing suite here must be counted, not end the script.
set +e

passed=0
failed=0
logdir="target/test-logs"
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

check "cargo fmt --check" cargo fmt --all -- --check
check "cargo clippy -D warnings" cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings
check "cargo clippy -D warnings (wasm32 front end)" env ${WASM_ENV[@]+"${WASM_ENV[@]}"} \
  cargo clippy -p hatcalc-web --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
cargo_suite "native tests (model, CLI, reducer, charts)" native cargo test --workspace --all-features
cargo_suite "component tests in headless Chromium (wasm-bindgen-test)" wasm \
  env ${WASM_ENV[@]+"${WASM_ENV[@]}"} CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p hatcalc-web --target wasm32-unknown-unknown --test components

step "release build (trunk)"
# Its own output directory, so `make serve` (dist/) can run at the same time; the journeys
# serve this copy on their own free ports.
export HATCALC_DIST="$PWD/target/e2e-dist"
if env ${WASM_ENV[@]+"${WASM_ENV[@]}"} trunk build --release --dist "$HATCALC_DIST" >"$logdir/trunk.log" 2>&1; then
  passed=$((passed + 1))
  step "end-to-end journeys in Chromium (Playwright)"
  node --test --test-reporter=tap tests/e2e/ 2>&1 | tee "$logdir/e2e.log"
  rc=${PIPESTATUS[0]}
  p=$(grep -E '^# pass [0-9]+' "$logdir/e2e.log" | awk '{print $3}' | tail -n1)
  f=$(grep -E '^# fail [0-9]+' "$logdir/e2e.log" | awk '{print $3}' | tail -n1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); echo "FAILED: e2e (exit $rc)"; fi
else
  failed=$((failed + 1))
  tail -n 40 "$logdir/trunk.log"
  echo "FAILED: release build; end-to-end journeys not run"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
