#!/usr/bin/env bash
# Runs the shellcheck linter (Debian package) at severity warning on every shell script in the repository: *.sh, .ci/run, mvnw and
# any other tracked file whose first line names sh or bash. Prints the files checked; exits non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v shellcheck >/dev/null || { echo "shellcheck is not installed: scripts/test-services.sh install" >&2; exit 1; }
scripts=()
while IFS= read -r -d '' f; do
  if [[ $f == *.sh ]] || head -n1 "$f" 2>/dev/null | grep -Eq '^#!.*\b(ba)?sh\b'; then scripts+=("$f"); fi
done < <(git ls-files -z --cached --others --exclude-standard)
[ ${#scripts[@]} -gt 0 ] || { echo "shellcheck: no script found" >&2; exit 1; }
shellcheck -S warning "${scripts[@]}"
echo "shellcheck: ${#scripts[@]} scripts clean: ${scripts[*]}"
