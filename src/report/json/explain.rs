//! `explain --json`: what go's error text means (docs/json-contract.md `explain --json`).
//! Printed in the order the fields are declared here.

use serde::Serialize;

use super::finding::{Layer, Remedy};
use crate::diagnose::explain::{Explained, Explanation};
use crate::i18n::Lang;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ExplainDocument {
    /// A known shape was recognised.
    pub matched: bool,
    /// The error go stopped on first.
    #[serde(flatten)]
    pub first: ExplainEntry,
    /// Every recognised error of the paste, in the order go printed them (the first is the
    /// one above); absent when nothing was recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ExplainError>>,
}

/// What one error means: the document's own fields, and each of `errors`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ExplainEntry {
    pub code: Option<String>,
    /// Where the cause most likely lies.
    pub layer: Option<Layer>,
    /// The host at fault as named in the text.
    pub host: Option<String>,
    pub summary: String,
    /// What go was doing and what the text means.
    pub meaning: String,
    /// What to verify, in order.
    pub checks: Vec<String>,
    pub remediation: Vec<Remedy>,
    /// The module go named (`go: M@V: …`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// The one probe of `check` that decides what the text leaves open (`explain --probe`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probe: Option<ExplainProbe>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ExplainProbe {
    pub layer: Layer,
    pub host: String,
}

/// One error of a paste, and how many times it occurred.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ExplainError {
    #[serde(flatten)]
    pub entry: ExplainEntry,
    /// The same failure for this many modules.
    pub count: usize,
}

impl ExplainDocument {
    /// The explanation with its texts in `lang` (commands as they are).
    pub fn new(all: &Explained, lang: Lang) -> Self {
        let e = all.top();
        ExplainDocument {
            matched: e.matched,
            first: entry(e, lang),
            errors: all.matched().then(|| {
                all.errors
                    .iter()
                    .map(|e| ExplainError {
                        entry: entry(e, lang),
                        count: e.count,
                    })
                    .collect()
            }),
        }
    }
}

fn probe(e: &Explanation) -> Option<ExplainProbe> {
    e.probe.as_ref().map(|p| ExplainProbe {
        layer: p.layer.into(),
        host: p.host.clone(),
    })
}

fn entry(e: &Explanation, lang: Lang) -> ExplainEntry {
    ExplainEntry {
        code: e.code.map(|c| c.as_str().to_owned()),
        layer: e.layer.map(Into::into),
        host: e.host.clone(),
        summary: e.summary.render(lang),
        meaning: e.meaning.render(lang),
        checks: e.checks.iter().map(|c| c.render(lang)).collect(),
        remediation: e
            .remediation
            .iter()
            .map(|r| Remedy {
                description: lang.remedy(r),
                command: r.command.clone(),
            })
            .collect(),
        module: e.module.clone(),
        probe: probe(e),
    }
}
