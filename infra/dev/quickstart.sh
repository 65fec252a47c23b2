#!/usr/bin/env bash
# The README's first command: services, install, build, migrate, seed the demo neighbourhood
# (only into an empty database), then run the API and the worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash infra/dev/services.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[quickstart] installing dependencies"
  npm ci --no-audit --no-fund
fi
echo "[quickstart] building"
npm run build --silent
echo "[quickstart] migrating"
npm run --silent migrate
echo "[quickstart] seeding the demo neighbourhood (skipped if already there)"
npm run --silent demo -- --if-empty

echo "[quickstart] starting the API on port ${PORT:-3000} and the worker; Ctrl-C stops both"
# Started directly (not through npm) so that stopping this script stops both.
pids=()
stop() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap stop INT TERM EXIT
node dist/apps/api/src/main.js & pids+=($!)
node dist/apps/worker/src/main.js & pids+=($!)
wait -n "${pids[@]}" || true
