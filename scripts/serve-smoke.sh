#!/usr/bin/env bash
# Checks the README's first command end to end: `trunk serve` (as `make serve`
# runs it) builds the app and serves the page. Uses its own port and stops the
# server afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
port=${1:-8089}
log=$(mktemp)
# Its own dist folder, so the release build in dist/ stays as it is.
trunk serve --offline --no-autoreload --port "$port" --dist target/serve-smoke >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  if node -e "fetch('http://127.0.0.1:$port/').then((r) => r.text()).then((t) => process.exit(t.includes('squeeze-app') ? 0 : 1), () => process.exit(1))"; then
    echo "serve: the page is served at http://127.0.0.1:$port/"
    exit 0
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "serve: trunk serve stopped:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  sleep 1
done
echo "serve: nothing served after 300 s" >&2
tail -20 "$log" >&2
exit 1
