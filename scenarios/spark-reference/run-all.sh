#!/usr/bin/env bash
# Records every case of cases/ in turn into recordings/<case>/:  ./run-all.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for f in "$here"/cases/*.json; do
  "$here/run-case.sh" "$(basename "$f" .json)"
done
