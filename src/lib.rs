//! godoctor: a doctor for Go module download failures.
//!
//! The pipeline runs one way, and the module tree mirrors it:
//! [`config`] (sources → typed settings, each with its origin) → [`plan`] (the routes go would
//! take) → [`diagnose`] (rules: observations → findings with severity and remediation) →
//! [`report`] (text, json). [`fix`] turns findings into `go env -w` settings.

pub mod cli;
pub mod config;
pub mod diagnose;
pub mod fix;
pub mod plan;
pub mod probe;
pub mod progress;
pub mod redact;
pub mod report;
pub mod run;
