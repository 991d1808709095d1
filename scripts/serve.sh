#!/usr/bin/env bash
# Sets up what is missing, builds the release bundle and serves it at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
# No live-reload script: it would be an inline script outside the page's Content-Security-Policy.
exec env ${WASM_ENV[@]+"${WASM_ENV[@]}"} trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
