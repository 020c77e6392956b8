//! go.mod / go.work (`config::gomod::parse`, first byte picks go.work), go.sum
//! (`parse_gosum`), netrc (`config::netrc::machines`) and `git config -z` output
//! (`config::git::parse_list`): error line numbers in range, no directive of the other file kind,
//! go.sum pairs backed by both lines, netrc machines named after `machine`, git records round-trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_gomod(data);
});
