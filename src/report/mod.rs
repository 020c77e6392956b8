//! Reports: the same check rendered for people ([`text`]) and for machines ([`json`]).

pub mod github;
pub mod json;
pub mod text;
pub mod zh;

/// The language of messages, headings and remediation texts (go's own words never change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// From LC_ALL, LC_MESSAGES or LANG, as POSIX orders them.
    pub fn from_env(env: &crate::config::env::Environment) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| env.get(k))
            .unwrap_or("");
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// A finding's message in this language.
    pub fn message(self, f: &crate::diagnose::Finding) -> String {
        match self {
            Lang::En => f.message.clone(),
            Lang::Zh => zh::finding_message(f).unwrap_or_else(|| f.message.clone()),
        }
    }

    /// A remediation step's description in this language.
    pub fn remedy(self, description: &str) -> String {
        match self {
            Lang::En => description.to_owned(),
            Lang::Zh => zh::remedy(description).unwrap_or_else(|| description.to_owned()),
        }
    }

    /// A fixed text of the report (headings, verdicts).
    pub fn t(self, en: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh::text(en).unwrap_or(en),
        }
    }
}

use crate::config::Config;
use crate::diagnose::Diagnosis;
use crate::plan::Plan;

/// Everything a report needs about one check.
pub struct CheckReport<'a> {
    pub config: &'a Config,
    pub plan: &'a Plan,
    pub diagnosis: &'a Diagnosis,
    pub offline: bool,
    pub lang: Lang,
    /// `-v`: evidence (certificate chains, headers, resolver answers).
    pub verbose: bool,
    pub targets: &'a [crate::probe::Target],
    pub duration_ms: u64,
}
