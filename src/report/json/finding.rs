//! `findings[]`, `root_cause` and their vocabularies (docs/json-contract.md `findings[]`,
//! `root_cause`, `root_cause.layer`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnose;
use crate::i18n::Lang;
use crate::redact::redact_urls;

/// One finding, its texts in the report's language.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable SCREAMING_SNAKE_CASE: scripts match on it (open vocabulary).
    pub code: String,
    pub severity: Severity,
    pub layer: Layer,
    pub host: Option<String>,
    /// For people, in `lang`.
    pub message: String,
    pub evidence: Vec<String>,
    pub remediation: Vec<Remedy>,
    /// The values the message is built from, redacted.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl Finding {
    /// `f` with its message and remediation in `lang`.
    pub fn localized(f: &diagnose::Finding, lang: Lang) -> Self {
        Finding {
            code: f.code.as_str().to_owned(),
            severity: f.severity.into(),
            layer: f.layer.into(),
            host: f.host.clone(),
            message: redact_urls(&lang.message(f)),
            evidence: f.evidence.clone(),
            remediation: f
                .remediation
                .iter()
                .map(|x| Remedy {
                    description: lang.remedy(x),
                    command: x.command.clone(),
                })
                .collect(),
            params: f.params.clone(),
        }
    }
}

/// A remediation step (in findings and in `explain`, which prints the fields in this order).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Remedy {
    pub description: String,
    /// Ready to paste, or null for a manual step.
    pub command: Option<String>,
}

/// `root_cause`: the finding go stops on.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RootCause {
    pub code: String,
    pub layer: Layer,
    pub host: Option<String>,
    /// The finding's message.
    pub summary: String,
}

impl From<&Finding> for RootCause {
    fn from(f: &Finding) -> Self {
        RootCause {
            code: f.code.clone(),
            layer: f.layer,
            host: f.host.clone(),
            summary: f.message.clone(),
        }
    }
}

/// `findings[].severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl From<diagnose::Severity> for Severity {
    fn from(s: diagnose::Severity) -> Self {
        match s {
            diagnose::Severity::Info => Severity::Info,
            diagnose::Severity::Warning => Severity::Warning,
            diagnose::Severity::Error => Severity::Error,
        }
    }
}

/// The layer at fault: `root_cause.layer`, `findings[].layer` and `explain`'s `layer` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Dns,
    Tcp,
    Tls,
    Http,
    Proxy,
    Sumdb,
    Vcs,
    Toolchain,
    Config,
}

impl From<diagnose::Layer> for Layer {
    fn from(l: diagnose::Layer) -> Self {
        match l {
            diagnose::Layer::Dns => Layer::Dns,
            diagnose::Layer::Tcp => Layer::Tcp,
            diagnose::Layer::Tls => Layer::Tls,
            diagnose::Layer::Http => Layer::Http,
            diagnose::Layer::Proxy => Layer::Proxy,
            diagnose::Layer::Sumdb => Layer::Sumdb,
            diagnose::Layer::Vcs => Layer::Vcs,
            diagnose::Layer::Toolchain => Layer::Toolchain,
            diagnose::Layer::Config => Layer::Config,
        }
    }
}
