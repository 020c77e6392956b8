//! GOPROXY payloads: `@v/list`, `.info`, go-get pages, git pkt-lines (`fuzz/src/responses.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::responses::check_payload(data);
});
