#!/usr/bin/env bash
# Installs, idempotently, everything hatcalc needs to build for the browser, and with
# --browser also what its browser tests need. Meant to be sourced by serve.sh and test.sh:
# it exports PATH and WASM_ENV (extra environment for wasm32 builds).
#
# Installs (each only when missing or at the wrong version):
#   - the wasm32-unknown-unknown target via rustup; where rustup cannot provide it, Debian's
#     rustc-web with build-std (the fallback is detected once and remembered);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock;
#   - trunk 0.21.14 (builds with stable Rust);
#   - npm devDependencies: binaryen (wasm-opt 131) and playwright-core;
#   - with --browser: Debian's chromium and chromium-driver.
# Cargo-installed tools live under ${HATCALC_TOOLS:-~/.cache/hatcalc}/<tool>-<version>, so
# a second run, or a fresh clone on the same machine, reinstalls nothing.

set -euo pipefail

HATCALC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${HATCALC_TOOLS:-$HOME/.cache/hatcalc}"
TRUNK_VERSION="0.21.14"
mkdir -p "$TOOLS"

say() { printf 'setup: %s\n' "$*" >&2; }

want_browser=0
for arg in "$@"; do [ "$arg" = "--browser" ] && want_browser=1; done

# --- wasm32 target -----------------------------------------------------------------------
WASM_ENV=()
if [ -f "$TOOLS/use-debian-wasm" ]; then
  use_debian=1
elif rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  use_debian=0
else
  say "adding the wasm32-unknown-unknown target"
  if rustup target add wasm32-unknown-unknown; then
    use_debian=0
  else
    say "rustup cannot provide wasm32; falling back to Debian's rustc-web with build-std"
    apt-get update -qq && apt-get install -y -qq rustc-web cargo-web rust-web-src lld >/dev/null
    touch "$TOOLS/use-debian-wasm"
    use_debian=1
  fi
fi
if [ "$use_debian" = 1 ]; then
  WASM_ENV=(RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO=/usr/bin/cargo
    "CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld)
fi
export WASM_ENV

# Tools are built once with a lighter profile than their own (no link-time optimisation, many
# codegen units, opt-level 1): on 2 cores that is minutes instead of the quarter of an hour
# their fat-LTO release profiles take, and they run as fast for what they do here (spawn
# cargo, rewrite one bundle). Both installs share one build directory for common crates.
LIGHT=(CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=64
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false
  CARGO_PROFILE_RELEASE_INCREMENTAL=false "CARGO_TARGET_DIR=$TOOLS/build")

# --- wasm-bindgen-cli, pinned to Cargo.lock ------------------------------------------------
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$HATCALC_ROOT/Cargo.lock")"
if [ -z "$WB_VERSION" ]; then
  say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
WB_ROOT="$TOOLS/wasm-bindgen-$WB_VERSION"
if [ ! -x "$WB_ROOT/bin/wasm-bindgen" ] || [ ! -x "$WB_ROOT/bin/wasm-bindgen-test-runner" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
  # Not --locked: one of its locked dependencies is missing from the registry index here.
  env "${LIGHT[@]}" cargo install --quiet wasm-bindgen-cli --version "=$WB_VERSION" --root "$WB_ROOT"
fi
export PATH="$WB_ROOT/bin:$PATH"
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" "$HATCALC_ROOT/Trunk.toml"; then
  say "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($WB_VERSION)"; exit 1
fi

# --- trunk -------------------------------------------------------------------------------
if ! { command -v trunk >/dev/null 2>&1 && trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; }; then
  TRUNK_ROOT="$TOOLS/trunk-$TRUNK_VERSION"
  if [ ! -x "$TRUNK_ROOT/bin/trunk" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    # Without its default features (TLS and the update check): this project gives it every
    # tool it runs on PATH at the pinned versions, so it never downloads anything.
    env "${LIGHT[@]}" cargo install --quiet trunk --version "$TRUNK_VERSION" --locked \
      --no-default-features --root "$TRUNK_ROOT"
  fi
  export PATH="$TRUNK_ROOT/bin:$PATH"
fi
rm -rf "$TOOLS/build" # the installs' shared build directory, once both are in place

# --- npm tools: wasm-opt (binaryen) and playwright-core ----------------------------------
if [ ! -x "$HATCALC_ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$HATCALC_ROOT/node_modules/playwright-core" ] || [ ! -d "$HATCALC_ROOT/node_modules/axe-core" ] \
   || [ "$HATCALC_ROOT/package-lock.json" -nt "$HATCALC_ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm tools (binaryen, playwright-core)"
  (cd "$HATCALC_ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
export PATH="$HATCALC_ROOT/node_modules/.bin:$PATH"

# --- Chromium for browser tests ------------------------------------------------------------
if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
  export CHROMIUM=/usr/bin/chromium
fi
