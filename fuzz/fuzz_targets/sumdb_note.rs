//! Checksum-database notes, tree heads and lookup answers (`fuzz/src/responses.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::responses::check_sumdb(data);
});
