//! Reports: the same check rendered for people ([`text`]) and for machines ([`json`]).

pub mod json;
pub mod text;

use crate::config::Config;
use crate::diagnose::Diagnosis;
use crate::plan::Plan;

/// Everything a report needs about one check.
pub struct CheckReport<'a> {
    pub config: &'a Config,
    pub plan: &'a Plan,
    pub diagnosis: &'a Diagnosis,
    pub offline: bool,
    pub targets: &'a [crate::probe::Target],
    pub duration_ms: u64,
}
