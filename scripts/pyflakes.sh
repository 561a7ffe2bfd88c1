#!/usr/bin/env bash
# Runs pyflakes (Debian package python3-pyflakes, on Debian's own /usr/bin/python3, where that package installs it)
# on every tracked Python file: the stand-ins in scripts/ and the benches' helpers. Prints the files checked; exits
# non-zero on a finding. The Python snippets inside shell scripts are not checked (shellcheck sees those files).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=/usr/bin/python3
"$PYTHON" -c 'import pyflakes' 2>/dev/null || { echo "pyflakes is not installed: scripts/test-services.sh install" >&2; exit 1; }
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(git ls-files -z --cached --others --exclude-standard -- '*.py')
[ ${#files[@]} -gt 0 ] || { echo "pyflakes: no Python file found" >&2; exit 1; }
"$PYTHON" -m pyflakes "${files[@]}"
echo "pyflakes: ${#files[@]} files clean: ${files[*]}"
