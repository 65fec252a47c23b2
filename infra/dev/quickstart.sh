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
pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap stop INT TERM EXIT
npm run --silent start:api & pids+=($!)
npm run --silent start:worker & pids+=($!)
wait -n "${pids[@]}"
