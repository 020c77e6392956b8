#!/usr/bin/env bash
# Every-module benchmarks (issue 12): godoctor's check with N = 10, 100, 400 required modules
# against `go mod download` on the same loopback store, peak RSS, and the healthy-mirror wall
# time. Loopback only; needs go (GODOCTOR_BENCH_GO or `go` on PATH) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo bench --bench modules --no-run --quiet 2>/dev/null || cargo bench --bench modules --no-run
bench=$(ls -t target/release/deps/modules-* | grep -v '\.d$' | head -1)
GODOCTOR_BIN="$PWD/target/release/godoctor" "$bench"
