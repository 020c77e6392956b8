//! The top levels of the `check` and `config` documents, the installed `go` and the `settings`
//! (docs/json-contract.md "Top level", `go`, `settings`, `config --json`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::finding::{Finding, RootCause};
use super::outcome::Outcome;
use super::plan::Plan;
use super::sources::Sources;
use super::target::Target;
use crate::config::{self, Config, GoInstall};
use crate::diagnose::Diagnosis;
use crate::redact::Sensitive;

/// `godoctor check --json`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CheckDocument {
    pub schema_version: u32,
    pub godoctor_version: &'static str,
    pub verdict: Verdict,
    pub go: Go,
    pub settings: BTreeMap<String, Setting>,
    pub outcome: Outcome,
    pub root_cause: Option<RootCause>,
    pub findings: Vec<Finding>,
    pub targets: Vec<Target>,
    pub plan: Plan,
    pub offline: bool,
    pub lang: Lang,
    pub duration_ms: u64,
}

/// `godoctor config --json`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ConfigDocument {
    pub schema_version: u32,
    pub godoctor_version: &'static str,
    pub go: Go,
    pub settings: BTreeMap<String, Setting>,
    pub sources: Sources,
}

/// `verdict`: the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    pub fn of(d: &Diagnosis) -> Verdict {
        match d.verdict() {
            "fail" => Verdict::Fail,
            "warn" => Verdict::Warn,
            "ok" => Verdict::Ok,
            other => unreachable!("verdict {other:?}"),
        }
    }
}

/// `lang`: the language of `message`, `summary` and remediation `description`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
}

impl From<crate::i18n::Lang> for Lang {
    fn from(l: crate::i18n::Lang) -> Self {
        match l {
            crate::i18n::Lang::En => Lang::En,
            crate::i18n::Lang::Zh => Lang::Zh,
        }
    }
}

/// `go`: the installed go.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Go {
    /// A go ran and answered.
    pub found: bool,
    pub version: Option<String>,
    pub path: Option<String>,
    /// Why `go env -json` could not be used.
    pub error: Option<String>,
}

impl From<&GoInstall> for Go {
    fn from(go: &GoInstall) -> Self {
        Go {
            found: go.found(),
            version: go.version_string.clone(),
            path: go.path.as_ref().map(|p| p.display().to_string()),
            error: go.error.clone(),
        }
    }
}

/// One of `settings`, secrets redacted.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Setting {
    /// As `go env` prints it.
    pub value: String,
    pub origin: Origin,
    /// godoctor's own computation with go's precedence.
    pub computed: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shadowed_file_value: Option<String>,
}

impl From<&config::Setting> for Setting {
    fn from(s: &config::Setting) -> Self {
        Setting {
            value: s.value.redacted(),
            origin: s.origin.into(),
            computed: s.computed.redacted(),
            derived_from: s.derived_from,
            shadowed_file_value: s.shadowed_file_value.as_ref().map(Sensitive::redacted),
        }
    }
}

/// `settings.*.origin` (closed; `go.mod` and `go.work` are reserved, not emitted yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub enum Origin {
    #[serde(rename = "env")]
    Env,
    #[serde(rename = "goenv-file")]
    GoenvFile,
    #[serde(rename = "goroot-go.env")]
    GorootGoEnv,
    #[serde(rename = "default")]
    Default,
}

impl From<config::Origin> for Origin {
    fn from(o: config::Origin) -> Self {
        match o {
            config::Origin::Env => Origin::Env,
            config::Origin::GoenvFile => Origin::GoenvFile,
            config::Origin::GorootGoEnv => Origin::GorootGoEnv,
            config::Origin::Default => Origin::Default,
        }
    }
}

/// `settings`: keyed by the names `go env` prints.
pub fn settings(cfg: &Config) -> BTreeMap<String, Setting> {
    cfg.settings
        .iter()
        .map(|(k, s)| ((*k).to_owned(), s.into()))
        .collect()
}
