//! GOPROXY / GONOPROXY (`config::goproxy::parse`), input split at the first 0 byte: a never-empty
//! list on Ok, `noproxy` only first, `off`/`direct` only last, every URL entry accepted by
//! `newProxyRepo` (scheme http, https or file), a stable round-trip, and no password from a
//! `scheme://user:pass@host` in any error text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_goproxy(data);
});
