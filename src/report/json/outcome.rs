//! `outcome`: what go will do (docs/json-contract.md `outcome`, `outcome.toolchain`).

use serde::Serialize;

use crate::diagnose::predict;
use crate::plan as go;

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
    pub version: Option<String>,
    pub source: Option<ModuleSource>,
    /// go.sum's verdict on it.
    pub gosum: GoSum,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gosum_mismatch: Option<GoSumMismatch>,
}

/// `outcome.modules[].source`: where go learnt about the module.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ModuleSource {
    /// The main go.mod requires it.
    Require,
    /// Read from a dependency's go.mod while loading the module graph.
    Graph,
    /// What `go mod tidy` would add for an import no requirement provides.
    Import,
    /// No go.mod: a well-known module stands in.
    Canary,
}

/// `outcome.modules[].gosum`.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum GoSum {
    Match,
    Mismatch,
    /// go will consult the checksum database.
    Absent,
    /// Recorded but not compared (zip hashes without `--verify-zips`, nothing served).
    NotChecked,
}

/// `outcome.modules[].gosum_mismatch`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GoSumMismatch {
    /// The go.sum file as go names it.
    pub file: String,
    /// What it records.
    pub want: String,
    /// What was served.
    pub got: String,
    pub wrong: Wrong,
}

/// Who is wrong: `go.sum`, `proxy`, `upstream` or `unknown`.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub enum Wrong {
    #[serde(rename = "go.sum")]
    GoSum,
    #[serde(rename = "proxy")]
    Proxy,
    #[serde(rename = "upstream")]
    Upstream,
    #[serde(rename = "unknown")]
    Unknown,
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
                    version: m.facts.version.clone(),
                    source: m.facts.source.map(|s| match s {
                        go::ModuleSource::Require => ModuleSource::Require,
                        go::ModuleSource::Graph => ModuleSource::Graph,
                        go::ModuleSource::Query => ModuleSource::Import,
                        go::ModuleSource::Canary => ModuleSource::Canary,
                    }),
                    gosum: match m.facts.gosum {
                        predict::GoSumVerdict::Match => GoSum::Match,
                        predict::GoSumVerdict::Mismatch => GoSum::Mismatch,
                        predict::GoSumVerdict::Absent => GoSum::Absent,
                        predict::GoSumVerdict::NotChecked => GoSum::NotChecked,
                    },
                    gosum_mismatch: m.facts.gosum_mismatch.as_ref().map(|g| GoSumMismatch {
                        file: g.file.clone(),
                        want: g.want.clone(),
                        got: g.got.clone(),
                        wrong: match g.wrong {
                            predict::SumWrong::GoSum => Wrong::GoSum,
                            predict::SumWrong::Proxy => Wrong::Proxy,
                            predict::SumWrong::Upstream => Wrong::Upstream,
                            predict::SumWrong::Unknown => Wrong::Unknown,
                        },
                    }),
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
