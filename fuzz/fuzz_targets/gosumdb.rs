//! GOSUMDB (`config::gosumdb::parse`, `parse_verifier_key`): on the raw input, and on a verifier
//! key built from it (name, key bytes, URL split at 0 bytes) with a correct hash. An Ok database
//! has key_hash == keyHash(name, 1 || public key), and its key parses back to the same values.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    godoctor_fuzz::checks::check_gosumdb(data);
});
