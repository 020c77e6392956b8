//! Redirect `Location`s resolved and refused as go does (`fuzz/src/responses.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::responses::check_redirect(data);
});
