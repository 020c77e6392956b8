//! Support code for godoctor's fuzz targets: the invariants live in [`checks`], which
//! `tests/it/parsers_never_panic.rs` also includes, so the fuzzers and the stable test agree.

pub mod checks;
pub mod responses;
