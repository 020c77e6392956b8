//! URLs (`config::gourl::parse`) and HTTP(S)_PROXY values (`config::http_proxy::parse_proxy`): an
//! accepted URL displays as a string that parses back to the same URL, its redacted form hides the
//! userinfo, ports are digits, and no error text leaks a password.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_gourl(data);
});
