#!/usr/bin/env bash
# Install (if absent) and start a local PostgreSQL, create the jingwu role and database,
# and print the DATABASE_URL to use. Safe to run twice. Needs root (apt-get, pg_ctlcluster).
#   export DATABASE_URL=$(scripts/postgres.sh)
set -euo pipefail
PGPASSWORD_JINGWU=${PGPASSWORD_JINGWU:-jingwu-local}
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
# The booking concurrency tests open 200 connections at once (the default is 100).
conf=/etc/postgresql/$version/main/conf.d/jingwu.conf
if [[ ! -f $conf ]]; then
  echo "max_connections = 300" >"$conf"
  pg_ctlcluster "$version" main stop >&2 2>/dev/null || true
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
psql_as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $*"; }
if [[ -z $(psql_as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname='jingwu'\"") ]]; then
  psql_as_postgres "-c \"CREATE ROLE jingwu LOGIN CREATEDB PASSWORD '$PGPASSWORD_JINGWU'\"" >&2
fi
if [[ -z $(psql_as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname='jingwu'\"") ]]; then
  psql_as_postgres "-c \"CREATE DATABASE jingwu OWNER jingwu\"" >&2
fi
echo "postgres://jingwu:$PGPASSWORD_JINGWU@127.0.0.1:$port/jingwu"
