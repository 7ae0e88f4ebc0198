#!/usr/bin/env bash
# Quality gate for OpenAPI 3.1 documents: Spectral, Redocly and example validation.
#
# Usage: bash eng/openapi/lint.sh [spec/*.openapi.json ...]
#   With no arguments, lints <repo>/spec/*.openapi.json.
#   Document paths are taken relative to the current directory; the tooling itself is
#   found relative to this script, so it works from any directory.
#   <repo>/spec/example-exceptions.json, when present, is passed to validate-examples.mjs
#   and, through a generated ruleset, honoured by Spectral's oas3-valid-media-example.
# Runs every step even after a failure; exits non-zero if any step fails and says
# which (on stderr). On success the last line printed is the example summary.
set -uo pipefail

LINT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LINT_DIR/../.." && pwd)"
BIN="$LINT_DIR/node_modules/.bin"
EXCEPTIONS="$REPO_ROOT/spec/example-exceptions.json"

# No phoning home: Redocly telemetry, update/notification checks, Scarf install analytics
# (a dependency of Spectral), npm's update notifier. redocly.yaml also sets telemetry: off.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_SUPPRESS_NOTIFICATIONS=true
export SCARF_ANALYTICS=false
export DO_NOT_TRACK=1
export NO_UPDATE_NOTIFIER=1
export npm_config_update_notifier=false

if [ "$#" -eq 0 ]; then
  shopt -s nullglob
  set -- "$REPO_ROOT"/spec/*.openapi.json
  shopt -u nullglob
  if [ "$#" -eq 0 ]; then
    echo "lint.sh: no documents given and none found in $REPO_ROOT/spec/*.openapi.json" >&2
    exit 2
  fi
fi

bash "$LINT_DIR/install.sh" || exit 1

failed=()
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Examples first (output kept for the end): besides checking, it writes a Spectral
# ruleset extending .spectral.yaml in which the excepted examples' oas3-valid-media-example
# errors are lowered to warnings, so Spectral honours the same exceptions file.
example_args=("$@" --spectral-ruleset "$tmp/spectral.json")
if [ -f "$EXCEPTIONS" ]; then
  example_args+=(--exceptions "$EXCEPTIONS")
fi
node "$LINT_DIR/validate-examples.mjs" "${example_args[@]}" > "$tmp/examples.log" 2>&1
examples_rc=$?
ruleset="$tmp/spectral.json"
[ -s "$ruleset" ] || ruleset="$LINT_DIR/.spectral.yaml"

echo "==> spectral lint"
if ! "$BIN/spectral" lint --ruleset "$ruleset" --fail-severity error "$@"; then
  failed+=("spectral")
fi

echo "==> redocly lint"
if ! "$BIN/redocly" lint --config "$LINT_DIR/redocly.yaml" "$@"; then
  failed+=("redocly")
fi

echo "==> validate examples"
cat "$tmp/examples.log"
if [ "$examples_rc" -ne 0 ]; then
  failed+=("validate-examples")
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "lint.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
# On success stay quiet, so the last line is validate-examples' "examples: N passed, 0 failed".
