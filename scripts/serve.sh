#!/usr/bin/env bash
# Set up everything on a fresh machine and serve the demo site at http://127.0.0.1:8000
# Creates .venv, installs pinned requirements, migrates SQLite, loads the demo content
# (only what is missing: editors' changes survive a second run), points the site at
# SITE_URL, and serves. PORT changes the port.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
export PORT=${PORT:-8000}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo_content
.venv/bin/python manage.py configure_site
.venv/bin/python manage.py clean_uploads
echo
echo "Site:  http://127.0.0.1:$PORT/   Admin: http://127.0.0.1:$PORT/admin/"
exec .venv/bin/python manage.py runserver "127.0.0.1:$PORT"
