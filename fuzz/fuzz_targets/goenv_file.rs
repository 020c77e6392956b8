//! go/env files (`config::goenv_file::parse`): keys start with A-Z and hold no newline or `=`,
//! values hold no newline, last duplicate wins, ignored lines are ordered and non-blank, and the
//! values written back as `K=V\n` read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_goenv_file(data);
});
