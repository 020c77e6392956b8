//! `check --json`, `config --json` and `explain --json`: the stable, versioned documents of
//! docs/json-contract.md, as their own types. Every name a CI script can see is written in
//! these modules, and only here; internal structs are never serialised, so renaming one of their
//! fields cannot move the contract. schema/check.schema.json describes the `check` document, and
//! a test holds it to these types (`schema_check.rs`).
//!
//! - [`document`]: the documents' top levels, `go` and `settings`;
//! - [`finding`]: `findings[]`, `root_cause` and the layer vocabulary;
//! - [`outcome`]: the prediction;
//! - [`target`] and [`detail`]: what the probes saw;
//! - [`plan`]: go's routes;
//! - [`sources`]: what `config` read;
//! - [`explain`]: the reading of go's error text.

pub mod detail;
pub mod document;
pub mod explain;
pub mod finding;
pub mod outcome;
pub mod plan;
pub mod sources;
pub mod target;

#[cfg(test)]
mod schema_check;
mod sorted;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use serde::Serialize;

use super::CheckReport;
use crate::config::Config;
use crate::i18n::Lang;
use document::{CheckDocument, ConfigDocument};

pub const SCHEMA_VERSION: u32 = 1;

/// The `check` document: findings and remediation in the report's language.
pub fn check(r: &CheckReport) -> CheckDocument {
    let d = r.diagnosis;
    let findings: Vec<finding::Finding> = d
        .findings
        .iter()
        .map(|f| finding::Finding::localized(f, r.lang))
        .collect();
    let root_cause = d.root_cause.map(|i| finding::RootCause::from(&findings[i]));
    CheckDocument {
        schema_version: SCHEMA_VERSION,
        godoctor_version: env!("CARGO_PKG_VERSION"),
        verdict: document::Verdict::of(d),
        go: document::Go::from(&r.config.go),
        settings: document::settings(r.config),
        outcome: outcome::Outcome::of(&d.outcome, &r.plan.command),
        root_cause,
        findings,
        lang: r.lang.into(),
        targets: r.targets.iter().map(Into::into).collect(),
        plan: r.plan.into(),
        offline: r.offline,
        duration_ms: r.duration_ms,
    }
}

/// The `config` document.
pub fn config(cfg: &Config) -> ConfigDocument {
    ConfigDocument {
        schema_version: SCHEMA_VERSION,
        godoctor_version: env!("CARGO_PKG_VERSION"),
        go: document::Go::from(&cfg.go),
        settings: document::settings(cfg),
        sources: cfg.into(),
    }
}

/// The `explain` document (already in the report's language).
pub fn explain(e: &crate::diagnose::explain::Explained, lang: Lang) -> explain::ExplainDocument {
    explain::ExplainDocument::new(e, lang)
}

/// Prints a `check` or `config` document, pretty, keys sorted at every level: the order these
/// documents have always had (they used to be built as `serde_json::Value`s, whose maps sort).
pub fn write_sorted(out: &mut dyn Write, doc: &impl Serialize) -> io::Result<()> {
    sorted::write_sorted_pretty(out, doc)?;
    writeln!(out)
}

/// Prints an `explain` document, pretty, fields in the order its type declares them.
pub fn write(out: &mut dyn Write, doc: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc).map_err(io::Error::from)?;
    writeln!(out)
}
