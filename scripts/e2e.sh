#!/usr/bin/env bash
# Serves dist/ under a sub-path (/app/sub/) on a free 127.0.0.1 port and runs every
# tests/e2e/*.test.mjs against it. Screenshots land in target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/index.html ]] || { echo "dist/ missing: run scripts/build.sh" >&2; exit 1; }
root=$(mktemp -d)
mkdir -p "$root/app"
ln -s "$PWD/dist" "$root/app/sub"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$root" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$root"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/app/sub/" >/dev/null && break; sleep 0.1; done
status=0
for t in tests/e2e/*.test.mjs; do
  echo "--- $t"
  # A hung browser must fail the run, not stall CI.
  timeout 600 node "$t" "http://127.0.0.1:$port/app/sub/" || status=1
done
exit $status
