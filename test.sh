#!/usr/bin/env bash
# Runs every test of the solution and ends with the plain line "N passed, N failed" (the skipped count just before).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test Palisade.slnx -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Each test project prints: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..." (or "Failed!  - ...").
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the build or a test host failed before reporting: count it, never report a green run
  echo "test run failed before all results were reported (exit $status)" >&2
fi
echo "${skipped} skipped"
echo "${passed} passed, ${failed} failed"
exit "$status"
