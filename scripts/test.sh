#!/usr/bin/env bash
# Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL).
# Two pytest processes: first every test that needs no live server, spread over the
# CPU cores (pytest-xdist; TEST_WORKERS overrides the count), then the tests that talk
# to a live server (browser tests, the API contract), whose live server empties the
# database between tests, in one process of their own.
# Extra arguments go to both, e.g. scripts/test.sh tests/news -k pinned
#   TEST_MARKERS="not single_db" scripts/test.sh   narrows both runs further
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh  # .venv, the pinned Python and npm packages
extra=${TEST_MARKERS:+ and ($TEST_MARKERS)}

run() {  # pytest exits 5 when a selection holds no tests: not a failure here
  local status=0
  .venv/bin/python -m pytest "$@" || status=$?
  [[ $status -eq 5 ]] && status=0
  return $status
}

run -n "${TEST_WORKERS:-auto}" -m "not (e2e or live)$extra" "$@"
run -m "(e2e or live)$extra" "$@"
