//! `explain --json`: what go's error text means (docs/json-contract.md `explain --json`).
//! Printed in the order the fields are declared here.

use serde::Serialize;

use super::finding::{Layer, Remedy};
use crate::diagnose::explain::Explanation;
use crate::i18n::Lang;

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

impl ExplainDocument {
    /// The explanation with its texts in `lang` (commands as they are).
    pub fn new(e: &Explanation, lang: Lang) -> Self {
        ExplainDocument {
            matched: e.matched,
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
        }
    }
}
