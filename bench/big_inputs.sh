#!/usr/bin/env bash
# Peak RSS and wall time of `godoctor check --offline` on the largest input of each kind
# (issue 17: ≤ 50 MB on any input). Inputs are generated here, in a scratch directory; go is
# kept off PATH so only godoctor's own reading is measured. Needs GNU time (/usr/bin/time).
# BIN=path/to/godoctor to measure another build; SIZE_MB (default 50) for the big files.
set -eu  # no pipefail: `yes | head` ends with SIGPIPE by design
cd "$(dirname "$0")/.."
if [[ -z "${BIN:-}" ]]; then
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/godoctor"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mb=${SIZE_MB:-50}
n=${COUNT:-100000}

fill() { # fill FILE LINE: LINE repeated until the file holds $mb MB
  yes -- "$2" | head -c $((mb << 20)) >"$1"
}
case_dir() { rm -rf "$work/c"; mkdir -p "$work/c/home/.config/go" "$work/c/w" "$work/c/bin"; }

run() { # run NAME ENV... -- ARGS...
  local name=$1; shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done; shift
  local out
  out=$( { cd "$work/c/w" && env -i HOME="$work/c/home" PATH="$work/c/bin" "${envs[@]}" \
    /usr/bin/time -f '%M %e %x' /usr/bin/timeout 120 "$BIN" "$@" >/dev/null 2>"$work/err"; } 2>&1; tail -1 "$work/err")
  read -r rss wall code <<<"$out"
  printf '%-36s %6d MB %8.2f s  exit %s%s\n' "$name" $((rss / 1024)) "$wall" "$code" "$([[ $code == 124 ]] && echo ' (killed at 120 s)')"
}

printf '%-34s %11s %10s\n' input "peak RSS" wall
case_dir; fill "$work/c/pad" "// padding padding padding padding"; { echo "module example.com/big"; cat "$work/c/pad"; } >"$work/c/w/go.mod"
run "go.mod ${mb} MB" -- check --offline
case_dir; { echo 'module example.com/big'; echo 'require ('; seq "$n" | sed 's|.*|\th&.example/m v1.0.0|'; echo ')'; } >"$work/c/w/go.mod"
run "go.mod ${n} requires, distinct hosts" -- check --offline
case_dir; { echo 'module example.com/big'; echo 'go 1.21'; echo 'require ('; seq 3000 | sed 's|.*|\th&.example/m v1.0.0|'; echo ')'
  echo 'replace ('; seq 60000 | sed 's|.*|\th&.example/m v1.0.0 => r&.example/n v1.0.1|'; echo ')'; } >"$work/c/w/go.mod"
run "go.mod 3000 requires, 60k replaces" -- check --offline
case_dir; { echo 'module example.com/big'; yes 'require (' | head -n "$n"; } >"$work/c/w/go.mod"
run "go.mod ${n} nested 'require ('" -- check --offline
case_dir; echo 'module example.com/big' >"$work/c/w/go.mod"; fill "$work/c/w/go.sum" 'example.com/m v1.0.0 h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
run "go.sum ${mb} MB" -- check --offline
case_dir; echo "module example.com/big" >"$work/c/w/go.mod"; fill "$work/c/pad" "use ./a"; { echo "go 1.22"; cat "$work/c/pad"; } >"$work/c/w/go.work"
run "go.work ${mb} MB" -- check --offline
case_dir; fill "$work/c/home/.config/go/env" 'GOPROXY=https://proxy.example'
run "go/env ${mb} MB" -- check --offline
case_dir; fill "$work/c/netrc" 'machine h.example login u password p'
run "netrc ${mb} MB" NETRC="$work/c/netrc" -- check --offline
case_dir; fill "$work/c/certs.pem" '-----BEGIN CERTIFICATE-----'
run "SSL_CERT_FILE ${mb} MB" SSL_CERT_FILE="$work/c/certs.pem" -- check --offline
case_dir; { echo 'mirrors = ['; seq 200000 | sed 's|.*|"https://m&.example",|'; echo ']'; } >"$work/c/w/godoctor.toml"
run "godoctor.toml 200k mirrors, fix" -- fix --timeout 2s --resolver 127.0.0.1:9
case_dir; proxy=$(seq 6000 | sed 's|.*|https://p&.example|' | paste -sd, -)
run "GOPROXY 6000 entries" GOPROXY="$proxy" -- check --offline
for var in GOENV NETRC SSL_CERT_FILE; do
  case_dir; run "$var=/dev/zero" "$var=/dev/zero" -- check --offline
  case_dir; mkfifo "$work/c/fifo"; run "$var=FIFO" "$var=$work/c/fifo" -- check --offline
done
