//! `explain --json`: what go's error text means (docs/json-contract.md `explain --json`).
//! Printed in the order the fields are declared here.

use serde::Serialize;

use super::finding::{Layer, Remedy};
use crate::diagnose::explain::Explanation;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ExplainDocument {
    /// A known shape was recognised.
    pub matched: bool,
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
}

impl From<&Explanation> for ExplainDocument {
    fn from(e: &Explanation) -> Self {
        ExplainDocument {
            matched: e.matched,
            code: e.code.map(|c| c.as_str().to_owned()),
            layer: e.layer.map(Into::into),
            host: e.host.clone(),
            summary: e.summary.clone(),
            meaning: e.meaning.clone(),
            checks: e.checks.clone(),
            remediation: e
                .remediation
                .iter()
                .map(|r| Remedy {
                    description: r.description.clone(),
                    command: r.command.clone(),
                })
                .collect(),
            module: e.module.clone(),
        }
    }
}
