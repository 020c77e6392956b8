//! godoctor: a doctor for Go module download failures.
//!
//! The pipeline runs one way, and the module tree mirrors it:
//! [`config`] (sources → typed settings, each with its origin) → [`plan`] (the routes go would
//! take) → [`diagnose`] (rules: observations → findings with severity and remediation) →
//! [`report`] (text, json). [`fix`] turns findings into `go env -w` settings. [`i18n`] holds
//! every text in English and Chinese.

pub mod cli;
pub mod config;
#[cfg(test)]
mod conformance_tests;
pub mod diagnose;
pub mod dirhash;
pub mod fix;
pub mod i18n;
pub mod plan;
pub mod probe;
pub mod progress;
pub mod redact;
pub mod report;
pub mod run;
