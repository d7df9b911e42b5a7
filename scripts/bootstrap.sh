#!/usr/bin/env bash
# Makes this machine ready to build, serve and test Squeeze, using only the
# package registries (Debian, crates.io, npm). Idempotent: each step checks what is
# there at the right version and skips it, so a warm run takes seconds.
#
#   scripts/bootstrap.sh          # everything (build + browser tests)
#   scripts/bootstrap.sh build    # only what `make serve` needs
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14    # 0.22 needs a newer rustc than this machine's 1.95
WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must match the wasm-bindgen library exactly: read it from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
WASM_OPT_VERSION=132     # npm binaryen; Debian's binaryen 108 cannot read rustc 1.95's output

want=${1:-all}
step_name=""
trap 'echo "bootstrap: FAILED at step: ${step_name}" >&2' ERR
step() { step_name=$1; }
say() { echo "bootstrap: $*"; }

step "check Trunk.toml pins wasm-bindgen $WASM_BINDGEN_VERSION (from Cargo.lock)"
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "bootstrap: Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" to match Cargo.lock" >&2
  false
fi

step "rustup target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo_tool NAME VERSION BINARY [extra cargo install args...]
cargo_tool() {
  local crate=$1 version=$2 binary=$3
  shift 3
  step "cargo install $crate $version"
  if "$binary" --version 2>/dev/null | grep -q " $version\$\| $version "; then
    return
  fi
  say "installing $crate $version (a few minutes on a cold machine)"
  cargo install --quiet --force "$crate" --version "$version" "$@"
}

cargo_tool trunk "$TRUNK_VERSION" trunk --locked
# Not --locked: a locked dependency of wasm-bindgen-cli is not served by the registry here.
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen

step "npm install (binaryen for wasm-opt, Playwright, axe-core)"
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$WASM_OPT_VERSION" \
  || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/@axe-core/playwright ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want" = all ]; then
  cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked

  step "apt-get install chromium chromium-driver"
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

say "ready ($want): trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $WASM_OPT_VERSION$([ "$want" = all ] && echo ", wasm-pack $WASM_PACK_VERSION, $(chromium --version 2>/dev/null | head -1)")"
