//! Module path patterns (`config::patterns`): `match_prefix_patterns(globs, target)` equals the
//! `any` of its single patterns as x/mod documents them, `matching_pattern` agrees, bad patterns
//! never match, and `path_match` behaves (malformedness independent of the name, literals,
//! escapes, `*`). Input split at the first 0 byte into globs and target.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_patterns(data);
});
