//! Go's `reading …: <status>` with its `server response:` lines (`fuzz/src/responses.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::responses::check_server_response(data);
});
