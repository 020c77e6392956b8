//! The heavy tiers — real go (`GODOCTOR_REQUIRE_GO`) and the end-to-end network tier
//! (`GODOCTOR_REQUIRE_E2E`) — and what happens when one cannot run here: with its switch set
//! to 1 (CI) the test fails; otherwise it passes and says what it skipped and why, on the
//! process's real stderr, which the test harness does not capture (its `eprintln!` capture
//! would hide the line whenever the test passes).

use std::io::Write;

#[derive(Clone, Copy, Debug)]
pub enum Tier {
    /// Tests that run real go toolchains beside godoctor.
    Go,
    /// The end-to-end tier: root, network namespaces, dnsmasq, nginx, squid, iptables.
    E2e,
}

impl Tier {
    pub fn switch(self) -> &'static str {
        match self {
            Tier::Go => "GODOCTOR_REQUIRE_GO",
            Tier::E2e => "GODOCTOR_REQUIRE_E2E",
        }
    }

    pub fn required(self) -> bool {
        std::env::var(self.switch()).as_deref() == Ok("1")
    }
}

/// `what` (a test, or all of one tier's work in it) cannot run here because of `why`: fails
/// the test when the tier is required, otherwise says so where `cargo test` shows it.
#[track_caller]
pub fn skip(tier: Tier, what: &str, why: &str) {
    if tier.required() {
        panic!("{}=1 but {what} cannot run: {why}", tier.switch());
    }
    notice(&format!(
        "SKIPPED {what}: {why} ({}=1 makes this fail)",
        tier.switch()
    ));
}

/// One line on the real stderr, shown by `cargo test` whether the test passes or not.
pub fn notice(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
    let _ = err.flush();
}
