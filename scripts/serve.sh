#!/usr/bin/env bash
# Set up everything on a fresh machine and serve the demo site at http://127.0.0.1:8000
# Creates .venv, installs the pinned Python and npm packages, migrates SQLite, loads
# the demo content (only what is missing: editors' changes survive a second run),
# points the site at SITE_URL, and serves. PORT changes the port.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-8000}
scripts/install.sh  # .venv, the pinned Python and npm packages
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo_content
.venv/bin/python manage.py configure_site
.venv/bin/python manage.py clean_uploads
# Booking calendars run up to each offer's window from today (hourly in production).
.venv/bin/python manage.py generate_slots >/dev/null
# F5: without a real seal-filing system, a local stand-in receives the pushes.
if [[ -z ${SEAL_FILING_URL:-} ]]; then
  export SEAL_FILING_SECRET=${SEAL_FILING_SECRET:-development-only-seal-filing-secret}
  export SEAL_FILING_URL="http://127.0.0.1:${SEAL_FILING_PORT:-8099}/"
  .venv/bin/python manage.py seal_filing_receiver --port "${SEAL_FILING_PORT:-8099}" &
  receiver=$!
  trap 'kill $receiver 2>/dev/null || true' EXIT
fi
echo
echo "Site:  http://127.0.0.1:$PORT/   Admin: http://127.0.0.1:$PORT/admin/"
.venv/bin/python manage.py runserver "127.0.0.1:$PORT"
