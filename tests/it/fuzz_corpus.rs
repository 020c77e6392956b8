//! Every checked-in fuzz input (`fuzz/seeds/<target>/` and the minimised corpus
//! `fuzz/corpus/<target>/`) replayed on the stable toolchain through the very checks the
//! cargo-fuzz target runs (`fuzz/src/checks.rs`, `fuzz/src/responses.rs`), so what the fuzzers
//! found and kept stays fixed without nightly.

#[path = "../../fuzz/src/checks.rs"]
mod checks;
#[path = "../../fuzz/src/responses.rs"]
mod responses;

use std::path::Path;

/// Each target in fuzz/Cargo.toml and the check it runs.
const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("goproxy", checks::check_goproxy),
    ("gosumdb", checks::check_gosumdb),
    ("patterns", checks::check_patterns),
    ("goenv_file", checks::check_goenv_file),
    ("gourl", checks::check_gourl),
    ("gomod", checks::check_gomod),
    ("toolchain", checks::check_toolchain),
    ("gofile", checks::check_gofile),
    ("payload", responses::check_payload),
    ("sumdb_note", responses::check_sumdb),
    ("redirect", responses::check_redirect),
    ("server_response", responses::check_server_response),
];

#[test]
fn every_fuzz_target_is_replayed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let listed: Vec<&str> = manifest
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .filter(|n| *n != "godoctor-fuzz")
        .collect();
    let known: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, known, "fuzz/Cargo.toml targets and TARGETS differ");
}

#[test]
fn seeds_and_corpus_keep_their_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for dir in ["seeds", "corpus"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
                continue;
            };
            for e in entries {
                let path = e.unwrap().path();
                let input = std::fs::read(&path).unwrap();
                let r = std::panic::catch_unwind(|| check(&input));
                assert!(r.is_ok(), "{target}: {} ({input:?})", path.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed > 50, "only {replayed} inputs found");
}
