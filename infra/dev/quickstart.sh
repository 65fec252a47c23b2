#!/usr/bin/env bash
# The README's first command: services, install, build, migrate, seed the demo neighbourhood
# (only into an empty database), export the member app for the web (only when its sources
# changed), then run the API, the worker and the app's web server until Ctrl-C.
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

echo "[quickstart] the member app's web build"
node infra/dev/build-app.mjs

api_port="${PORT:-3000}"
app_port="${APP_PORT:-8081}"
echo "[quickstart] starting the API on port ${api_port}, the worker, and the app on port ${app_port}; Ctrl-C stops them all"
# Started directly (not through npm) so that stopping this script stops them.
pids=()
stop() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap stop INT TERM EXIT
node dist/apps/api/src/main.js & pids+=($!)
node dist/apps/worker/src/main.js & pids+=($!)
node infra/dev/serve-app.mjs --port "${app_port}" --host "${APP_HOST:-127.0.0.1}" \
  --api "http://127.0.0.1:${api_port}" & pids+=($!)
cat <<EOF

  The member app:  http://localhost:${app_port}
  The API:         http://localhost:${api_port}/graphql

  Sign in to the app as the demo member: member@demo.kith.example
  Kith mails a 6-digit code; here mail goes to the worker's log, so look below for
    "mail to member@demo.kith.example: Your Kith sign-in code: 123456"

EOF
wait -n "${pids[@]}" || true
