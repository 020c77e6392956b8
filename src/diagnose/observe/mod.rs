//! Prediction from observations: walk each planned route the way go does over what the probes
//! saw (docs/go/semantics.md §1 `TryProxies`, §3 `initBase`; docs/go/toolchains.md §5–§7),
//! choose the error go would report, and name the root cause — the deepest failing layer on
//! the route go actually takes. Trouble on entries go never reaches becomes secondary findings.
//!
//! - `classify`: a failed probe layer → the finding that explains it (its `Code`);
//! - `go_words`: go's own words for what it met (`Get "<url>": …`, `reading <url>: …`);
//! - `walk`: the routes — each module's, the checksum database's, the toolchain download and
//!   the switch in the middle of a command;
//! - `root_cause`: the walks put together: go's outcome, its error and the root cause;
//! - `failure` and `words`: how each finding reads, in every language (the catalogs'
//!   `findings-network.ftl`);
//! - `remediation`: the commands that fix each layer's failure.

mod classify;
mod failure;
mod go_words;
mod remediation;
mod root_cause;
mod walk;
mod words;

pub(crate) use go_words::go_module_url;
pub(crate) use remediation::for_code as remedies_for;
pub(crate) use remediation::git_over_ssh;
pub use root_cause::{Observed, predict, predict_with};
pub(crate) use root_cause::{database_cannot_see, gosum_remedies};
pub use walk::mid_command::mid_command_offline;

#[cfg(test)]
pub(crate) mod tests;
