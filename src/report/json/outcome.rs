//! `outcome`: what go will do (docs/json-contract.md `outcome`, `outcome.toolchain`).

use serde::Serialize;

use crate::diagnose::predict;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Outcome {
    /// Will the go command succeed (after any toolchain switch)?
    pub predicted: Predicted,
    /// The go command predicted, as the user would type it (`go mod tidy`).
    pub command: String,
    pub modules: Vec<ModuleOutcome>,
    /// `go mod tidy`: the main module's imports no required module provides.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<ImportOutcome>,
    pub sumdb: SumdbOutcome,
    /// No probe ran: the prediction assumes every host answers correctly.
    pub assumes_network_ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toolchain: Option<ToolchainOutcome>,
}

/// `outcome.modules[]`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ModuleOutcome {
    /// `path@version`, or the path.
    pub module: String,
    pub predicted: Predicted,
    /// The GOPROXY entry URL that serves it, `direct` or `vendor`.
    pub via: Option<String>,
    /// go's own message, when go will fail and its wording is known.
    pub error: Option<String>,
}

/// `outcome.imports[]`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ImportOutcome {
    pub package: String,
    /// The module that provides it, when go finds one.
    pub module: Option<String>,
    pub predicted: Predicted,
    pub via: Option<String>,
    /// go's own message, when go will fail.
    pub error: Option<String>,
}

/// `outcome.sumdb`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SumdbOutcome {
    pub predicted: Predicted,
    pub via: Option<String>,
}

/// `outcome.toolchain`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ToolchainOutcome {
    pub needed: bool,
    /// `go1.99.0`.
    pub target: Option<String>,
    pub predicted: Predicted,
    /// A GOPROXY entry, `direct` or `PATH`.
    pub via: Option<String>,
    /// The program go runs when `via` is `PATH`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_by: Option<RequiredBy>,
}

/// `outcome.toolchain.required_by`: the dependency whose go.mod needs a newer go.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RequiredBy {
    pub module: String,
    /// Its go line.
    pub go: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Predicted {
    Ok,
    Fail,
}

impl From<predict::Predicted> for Predicted {
    fn from(p: predict::Predicted) -> Self {
        match p {
            predict::Predicted::Ok => Predicted::Ok,
            predict::Predicted::Fail => Predicted::Fail,
        }
    }
}

impl Outcome {
    /// The outcome of `command`.
    pub fn of(o: &predict::Outcome, command: &crate::plan::command::Command) -> Self {
        Outcome {
            predicted: o.predicted.into(),
            command: command.go.to_string(),
            imports: o
                .imports
                .iter()
                .map(|i| ImportOutcome {
                    package: i.package.clone(),
                    module: i.module.clone(),
                    predicted: i.predicted.into(),
                    via: i.via.clone(),
                    error: i.error.clone(),
                })
                .collect(),
            modules: o
                .modules
                .iter()
                .map(|m| ModuleOutcome {
                    module: m.module.clone(),
                    predicted: m.predicted.into(),
                    via: m.via.clone(),
                    error: m.error.clone(),
                })
                .collect(),
            sumdb: SumdbOutcome {
                predicted: o.sumdb.predicted.into(),
                via: o.sumdb.via.clone(),
            },
            assumes_network_ok: o.assumes_network_ok,
            toolchain: o.toolchain.as_ref().map(|t| ToolchainOutcome {
                needed: t.needed,
                target: t.target.clone(),
                predicted: t.predicted.into(),
                via: t.via.clone(),
                path: t.path.clone(),
                error: t.error.clone(),
                required_by: t.required_by.as_ref().map(|r| RequiredBy {
                    module: r.module.clone(),
                    go: r.go.clone(),
                }),
            }),
        }
    }
}
