//! What an HTTP/1 response stream hands hyper (`fuzz/src/responses.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::responses::check_http_head(data);
});
