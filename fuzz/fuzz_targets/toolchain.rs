//! GOTOOLCHAIN values, go lines and `golang.org/toolchain/@v/list` bodies
//! (`config::toolchain`): no panic; go's pick is a listed release, at or above the need, the
//! latest patch of its family; listed versions sorted, once each, with the local go.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_toolchain(data);
});
