//! Reports: the same check rendered for people ([`text`]) and for machines ([`json`]).

pub mod github;
pub mod json;
pub mod layer_words;
pub mod markdown;
pub mod summary;
pub mod text;
pub mod width;

pub use crate::i18n::Lang;

/// What the report adds to [`Lang`]: reading it from the configuration's environment, and the
/// texts of findings and remediation steps said in it.
impl Lang {
    /// From LC_ALL, LC_MESSAGES or LANG, as POSIX orders them.
    pub fn from_env(env: &crate::config::env::Environment) -> Lang {
        Lang::from_locale(|k| env.get(k))
    }

    /// A finding's message in this language, userinfo in URLs hidden.
    pub fn message(self, f: &crate::diagnose::Finding) -> String {
        match self {
            // Rendered when the finding was made, and redacted with the rest of the diagnosis.
            Lang::En => f.message.clone(),
            _ => crate::redact::redact_urls(&f.text.render(self)),
        }
    }

    /// A finding's evidence lines in this language: godoctor's own words translated, go's and
    /// servers' words as they are; userinfo in URLs hidden.
    pub fn evidence(self, f: &crate::diagnose::Finding) -> Vec<String> {
        f.evidence
            .iter()
            .enumerate()
            .map(|(i, e)| match (self, f.evidence_texts.get(&i)) {
                (Lang::En, _) | (_, None) => e.clone(),
                (_, Some(t)) => crate::redact::redact_urls(&t.render(self)),
            })
            .collect()
    }

    /// A remediation step's description in this language, userinfo in URLs hidden.
    pub fn remedy(self, r: &crate::diagnose::Remedy) -> String {
        match self {
            Lang::En => r.description.clone(),
            _ => crate::redact::redact_urls(&r.text.render(self)),
        }
    }

    /// The comment above step `i` of a finding's fix: the first names the finding's code, once.
    pub fn fix_comment(
        self,
        f: &crate::diagnose::Finding,
        i: usize,
        r: &crate::diagnose::Remedy,
    ) -> String {
        let said = self.remedy(r);
        if i > 0 {
            return said;
        }
        crate::t!(
            self,
            "report-fix-step",
            description = said,
            code = f.code.as_str()
        )
    }

    /// Which go the report is about: its version and path, or what godoctor assumed instead.
    pub fn go_found(self, go: &crate::config::GoInstall) -> String {
        match (&go.path, &go.version_string) {
            (Some(p), Some(v)) => crate::t!(
                self,
                "report-go-at",
                version = v,
                path = p.display().to_string()
            ),
            (Some(p), None) => {
                crate::t!(self, "report-go-unusable", path = p.display().to_string())
            }
            (None, _) => crate::t!(
                self,
                "report-go-not-found",
                version = crate::config::goversion::GoVersion::assumed_current().to_string()
            ),
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
    /// The columns text output wraps to (None: it does not wrap).
    pub width: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use crate::diagnose::{Code, Finding, Remedy};
    use crate::text;

    /// A catalog text keeps its arguments as given; what a report says of it is redacted (the
    /// English strings are, with the rest of the diagnosis, in `diagnose`).
    #[test]
    fn texts_are_said_without_userinfo() {
        let url = "https://bob:s3cr3t@goproxy.corp.example";
        let f = Finding::of(
            Code::GoproxyPlainHttp,
            text!("finding-goproxy-plain-http", url = url),
        )
        .fix(Remedy::note(text!("remedy-git-token", host = url)));
        let said = [Lang::Zh.message(&f), Lang::Zh.remedy(&f.remediation[0])];
        for s in said {
            assert!(!s.contains("s3cr3t") && !s.contains("bob"), "{s}");
            assert!(s.contains("goproxy.corp.example"), "{s}");
        }
    }
}
