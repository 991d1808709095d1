#!/usr/bin/env bash
# Runs every check: format, clippy, native model tests, wasm-bindgen-test component tests in
# headless Chromium, the release build, and Playwright journeys against it. Installs what is
# missing first. Ends with one line "N passed, N failed" counting individual tests (format,
# clippy and the build count as one check each).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
# setup.sh runs with -e; a failing suite here must be counted, not end the script
# (scripts/count.sh turns it off and holds the counting, which tests/scripts.rs tests).
logdir="target/test-logs"
. scripts/count.sh

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
  tap_suite "end-to-end journeys in Chromium (Playwright)" e2e node --test --test-reporter=tap tests/e2e/
else
  failed=$((failed + 1))
  tail -n 40 "$logdir/trunk.log"
  echo "FAILED: release build; end-to-end journeys not run"
fi

summary
