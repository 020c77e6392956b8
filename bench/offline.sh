#!/usr/bin/env bash
# Median wall time of `godoctor check --offline` with go installed (issue 2: target ≤ 30 ms).
# Uses hyperfine (apt-get install hyperfine); runs the release build in a scratch module.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/godoctor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp fixtures/app/go.mod "$work/"
cd "$work"
command -v go >/dev/null || { echo "go is not on PATH: this benchmark measures the run with go installed" >&2; exit 1; }
hyperfine --warmup 5 --runs "${RUNS:-50}" --export-json "$work/offline.json" \
  "$bin check --offline" "$bin check --offline --json" "GOTOOLCHAIN=local go env -json GOPROXY"
python3 - "$work/offline.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]:<60} median {r["median"]*1000:6.1f} ms')
PY
