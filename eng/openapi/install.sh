#!/usr/bin/env bash
# Installs the pinned Node tools of eng/openapi (Spectral, Redocly, Ajv, Prism) with `npm ci`
# when node_modules is missing or older than package-lock.json (npm writes
# node_modules/.package-lock.json on every install). Idempotent and quiet when up to date.
set -uo pipefail

TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# No phoning home: Scarf install analytics (a dependency of Spectral), npm's update notifier.
export SCARF_ANALYTICS=false
export DO_NOT_TRACK=1
export NO_UPDATE_NOTIFIER=1
export npm_config_update_notifier=false

# An interrupted install can leave the lock file without the tools: they are checked too.
if [ -f "$TOOLS_DIR/node_modules/.package-lock.json" ] \
   && [ ! "$TOOLS_DIR/package-lock.json" -nt "$TOOLS_DIR/node_modules/.package-lock.json" ] \
   && [ -x "$TOOLS_DIR/node_modules/.bin/prism" ] && [ -x "$TOOLS_DIR/node_modules/.bin/spectral" ] && [ -x "$TOOLS_DIR/node_modules/.bin/redocly" ]; then
  exit 0
fi

if ! command -v npm > /dev/null; then
  echo "install.sh: FAILED: npm is not on PATH; Node.js >= 20.19 is needed for eng/openapi" >&2
  exit 1
fi

echo "==> npm ci (eng/openapi)"
if ! (cd "$TOOLS_DIR" && npm ci --no-audit --no-fund); then
  echo "install.sh: FAILED: npm ci in $TOOLS_DIR" >&2
  exit 1
fi
