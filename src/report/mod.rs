//! Reports: the same check rendered for people ([`text`]) and for machines ([`json`]).

pub mod github;
pub mod json;
pub mod text;
pub mod zh;

pub use crate::i18n::Lang;

/// What the report adds to [`Lang`]: reading it from the configuration's environment, and the
/// finding and remediation texts that are still translated from their English wording.
impl Lang {
    /// From LC_ALL, LC_MESSAGES or LANG, as POSIX orders them.
    pub fn from_env(env: &crate::config::env::Environment) -> Lang {
        Lang::from_locale(|k| env.get(k))
    }

    /// A finding's message in this language.
    pub fn message(self, f: &crate::diagnose::Finding) -> String {
        match self {
            Lang::En => f.message.clone(),
            Lang::Zh => match &f.text {
                Some(text) => crate::redact::redact_urls(&text.render(self)),
                None => zh::finding_message(f).unwrap_or_else(|| f.message.clone()),
            },
        }
    }

    /// A remediation step's description in this language.
    pub fn remedy(self, r: &crate::diagnose::Remedy) -> String {
        match (self, &r.text) {
            (Lang::En, _) => r.description.clone(),
            (Lang::Zh, Some(text)) => crate::redact::redact_urls(&text.render(self)),
            (Lang::Zh, None) => zh::remedy(&r.description).unwrap_or_else(|| r.description.clone()),
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
