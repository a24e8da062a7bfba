#!/usr/bin/env bash
# Install the pinned packages: Python's into .venv (created when missing), npm's into
# node_modules/ (browser libraries served as static files, e.g. the museum's
# deep-zoom viewer). Quick when nothing changed; serve.sh, test.sh and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
pip=(.venv/bin/pip install --quiet --disable-pip-version-check)
"${pip[@]}" -r requirements-dev.txt
# Packages whose declared dependencies would undo a pin of ours (the file says why);
# what they need is pinned in requirements.txt.
"${pip[@]}" --no-deps -r requirements-nodeps.txt

# npm ci replaces node_modules/ from package-lock.json: only when it is missing or the
# lock file changed since (npm keeps its own copy of the lock in node_modules/).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if ! command -v npm >/dev/null; then
    echo "npm is missing: install Node.js 20 or later and npm (Debian: apt-get install nodejs npm)." >&2
    exit 1
  fi
  npm ci --omit=dev --no-audit --no-fund
fi
