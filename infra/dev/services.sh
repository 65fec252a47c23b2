#!/usr/bin/env bash
# Makes sure PostgreSQL (with PostGIS) and Redis are installed and running on this machine.
# Safe to run again: it only installs or starts what is missing. Needs root (or sudo) on Debian/Ubuntu
# when something must be installed; on a laptop, `docker compose -f infra/docker-compose.yml up -d`
# is the alternative.
set -euo pipefail

PG_HOST=${PGHOST:-127.0.0.1}
PG_PORT=${PGPORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

say() { printf '[services] %s\n' "$*"; }
apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "cannot install $* here (no apt-get); install it yourself and run again"; exit 1
  fi
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

# --- PostgreSQL ---------------------------------------------------------------------------
if ! command -v pg_isready >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing PostgreSQL"
  apt_install postgresql postgresql-contrib
fi
if ! pg_ready; then
  say "starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql 2>/dev/null); do
      $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  fi
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { say "PostgreSQL is not answering on $PG_HOST:$PG_PORT"; exit 1; }
fi
PG_MAJOR=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "${PGUSER:-postgres}" -d postgres -tAc 'SHOW server_version_num' 2>/dev/null | cut -c1-2 || true)
if [ -z "$PG_MAJOR" ]; then
  PG_MAJOR=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
fi

# The role the project connects as (DATABASE_URL's user, `root` by default) must exist.
DB_USER=${KITH_DB_USER:-root}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  say "creating the database role $DB_USER"
  as_postgres "psql -p $PG_PORT -qc \"CREATE ROLE \\\"$DB_USER\\\" SUPERUSER LOGIN\"" || true
fi

# --- PostGIS ------------------------------------------------------------------------------
if ! ls /usr/share/postgresql/"$PG_MAJOR"/extension/postgis.control >/dev/null 2>&1; then
  say "installing PostGIS for PostgreSQL $PG_MAJOR"
  apt_install "postgresql-$PG_MAJOR-postgis-3"
fi

# --- Redis --------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
  say "installing Redis"
  apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.5; done
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || { say "Redis is not answering on port $REDIS_PORT"; exit 1; }
fi

# --- Chromium (the report pages are tested in a real headless browser) -------------------
if [ "${KITH_SKIP_CHROMIUM:-}" = "" ] && ! command -v chromium >/dev/null 2>&1; then
  say "installing Chromium for the browser tests"
  apt_install chromium
fi

say "PostgreSQL $PG_MAJOR with PostGIS on $PG_HOST:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT are up"
