//! Go source headers (`config::imports`: the import reader, go/parser's ImportsOnly view, build
//! constraints) and import paths (`config::modpath`, `plan::imports`): no panic, the reader keeps
//! a prefix and whole literals, accepted paths are well formed, queried modules are prefixes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_gofile(data);
});
