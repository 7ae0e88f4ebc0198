#!/usr/bin/env bash
# The test command (README): build with warnings as errors, run every test project,
# then lint spec/ with Spectral and Redocly and validate every example against its schema.
# Installs the pinned Node tools first: the conformance tests run Prism from eng/openapi.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -d ../shared/docs ]; then
  echo "note: ../shared/docs is absent; tests over the documentation corpus are reported as skipped"
fi

bash eng/openapi/install.sh || { echo "test.sh: FAILED: installing eng/openapi" >&2; exit 1; }

echo "==> dotnet build"
dotnet build Generator.sln -c Release -nologo -v quiet || { echo "test.sh: FAILED: build" >&2; exit 1; }

echo "==> dotnet test"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# A test that hangs is stopped after 5 minutes and reported by name (the longest test takes about one).
dotnet test Generator.sln -c Release --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}

echo "==> spec lint (eng/openapi)"
bash eng/openapi/lint.sh spec/*.openapi.json
lint_rc=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ - | bc)
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ - | bc)
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | grep -Eo '[0-9]+' | paste -sd+ - | bc)
if [ "$test_rc" -ne 0 ] || [ "$lint_rc" -ne 0 ]; then
  echo "test.sh: FAILED:$([ "$test_rc" -ne 0 ] && echo ' dotnet test')$([ "$lint_rc" -ne 0 ] && echo ' spec lint')" >&2
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "$test_rc" -eq 0 ] && [ "$lint_rc" -eq 0 ]
