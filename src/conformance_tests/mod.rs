//! The conformance suite (issue 15): every case Go's own tests state for a rule godoctor
//! re-implements, extracted into tests/conformance/*.json by tests/conformance/extract.py, run
//! through godoctor's own functions for the go version the case comes from. Prints the cases
//! and agreements per rule and go version, and fails on any disagreement.

#![allow(clippy::print_stdout)] // the suite prints its counts per rule and go version

mod rules;

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::config::goversion::GoVersion;

#[derive(Deserialize)]
struct CaseFile {
    rule: String,
    cases: Vec<Case>,
    #[serde(default)]
    skipped: Vec<Skipped>,
}

#[derive(Deserialize)]
struct Case {
    go: String,
    origin: String,
    input: Value,
    want: Value,
}

#[derive(Deserialize)]
struct Skipped {
    go: String,
    origin: String,
    reason: String,
}

/// A rule's check: Ok when godoctor agrees with go, else what godoctor said.
type Check = fn(&GoVersion, &Value, &Value) -> Result<(), String>;

const RULES: &[(&str, Check)] = &[
    ("http_proxy", rules::http_proxy),
    ("patterns", rules::patterns),
    ("module_path", rules::module_path),
    ("govcs", rules::govcs),
    ("govcs_script", rules::govcs_script),
    ("netrc", rules::netrc),
    ("gover", rules::gover),
    ("newer_toolchain", rules::newer_toolchain),
    ("gomod_lines", rules::gomod_lines),
    ("gotoolchain", rules::gotoolchain),
    ("goauth", rules::goauth),
];

fn load(rule: &str) -> CaseFile {
    let path = format!(
        "{}/tests/conformance/{rule}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: CaseFile = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(file.rule, rule, "{path}");
    file
}

#[test]
fn godoctor_agrees_with_gos_own_tests() {
    // (rule, go) → (cases, agreed)
    let mut tally: BTreeMap<(&str, String), (usize, usize)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    let mut skipped = 0;
    for (rule, check) in RULES {
        let file = load(rule);
        for case in &file.cases {
            let go = GoVersion::parse(&case.go)
                .unwrap_or_else(|| panic!("{}: bad go version {}", case.origin, case.go));
            let t = tally.entry((rule, case.go.clone())).or_default();
            t.0 += 1;
            match check(&go, &case.input, &case.want) {
                Ok(()) => t.1 += 1,
                Err(got) => disagreements.push(format!(
                    "[{rule}] {}\n    input: {}\n    want:  {}\n    got:   {got}",
                    case.origin, case.input, case.want
                )),
            }
        }
        for s in &file.skipped {
            skipped += 1;
            println!("skipped [{rule}] {} ({}): {}", s.origin, s.go, s.reason);
        }
    }
    println!("{:<16} {:<10} {:>6} {:>7}", "rule", "go", "cases", "agree");
    let mut per_go: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((rule, go), (n, ok)) in &tally {
        println!("{rule:<16} {go:<10} {n:>6} {ok:>7}");
        let g = per_go.entry(go).or_default();
        g.0 += n;
        g.1 += ok;
    }
    for (go, (n, ok)) in &per_go {
        println!("{:<16} {go:<10} {n:>6} {ok:>7}", "all");
    }
    println!("skipped: {skipped}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements with go:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
