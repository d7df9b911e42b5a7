#!/usr/bin/env bash
# Runs every check of the project in order and ends with one summary line.
# Expects the tools of scripts/bootstrap.sh (`make test` runs it first).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never

passed=()
failed=()
check() {
  local name=$1
  shift
  local start=$SECONDS
  echo "==> $name: $*"
  if "$@"; then
    passed+=("$name")
    echo "<== $name passed ($((SECONDS - start)) s)"
  else
    failed+=("$name")
    echo "<== $name FAILED ($((SECONDS - start)) s)"
  fi
}

check fmt cargo fmt --all --check
check clippy-native cargo clippy --workspace --exclude squeeze-app --all-targets -- -D warnings
check clippy-wasm cargo clippy -p squeeze-app --target wasm32-unknown-unknown --all-targets -- -D warnings
check test-native cargo test --workspace --exclude squeeze-app
check test-browser wasm-pack test --headless --chrome
check build-release trunk build --release --offline
check test-e2e npm run --silent e2e
check serve scripts/serve-smoke.sh
# The golden references are what the repository holds: a run that rewrote them
# (SQUEEZE_UPDATE_GOLDEN outside CI) has not tested them.
if [ -d .git ]; then
  check golden-unchanged git diff --exit-code --stat -- crates/charts/tests/golden
fi

echo
echo "passed: ${passed[*]:-none}"
[ ${#failed[@]} -eq 0 ] || echo "FAILED: ${failed[*]}"
echo "checks: ${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
