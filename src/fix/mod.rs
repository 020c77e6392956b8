//! `godoctor fix`: recommended settings, applied with `go env -w`, with backup and undo.
//!
//! Not built yet: it lands with the mirror ranking and safe writes of its own issue. Until then
//! `check` prints the exact commands for each finding.

/// What `godoctor fix` says until it exists.
pub const NOT_YET: &str =
    "godoctor fix is not available yet: run `godoctor check` and copy the commands under \"Fix\"";
