#!/usr/bin/env bash
# Probe benchmarks (issue 3) in a private network namespace: 127.0.0.66 is blackholed with
# iptables; the curl timing comparison goes through a relay that delays every chunk by 10 ms
# (netem is not available on every kernel). Needs root,
# iproute2, iptables, curl and GNU time. Nothing leaves the namespace.
set -euo pipefail
cd "$(dirname "$0")/.."
ns=godoctor-bench-$$
cargo build --release --quiet
cargo bench --bench probes --no-run --quiet 2>/dev/null || cargo bench --bench probes --no-run
bench=$(ls -t target/release/deps/probes-* | grep -v '\.d$' | head -1)
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" iptables -A OUTPUT -d 127.0.0.66 -j DROP
ip netns exec "$ns" env GODOCTOR_BIN="$PWD/target/release/godoctor" "$bench"
