//! `godoctor fix --json`: one document for automation, with its own contract types (see
//! docs/json-contract.md, "fix --json"). Every URL is redacted; `commands` are the same lines
//! the text form prints, in the chosen shell.

use serde::Serialize;

use super::recommend::{Change, Recommendation, Source};
use super::{commands, writes_to_file};
use crate::config::Config;
use crate::config::shell::Shell;
use crate::diagnose::Remedy;
use crate::i18n::Lang;
use crate::redact::redact_urls;

pub const FIX_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct FixDocument {
    pub fix_schema_version: u32,
    pub shell: Shell,
    /// The check before any change: ok, warn or fail.
    pub verdict: &'static str,
    pub mirrors: Vec<MirrorJson>,
    /// Steps outside go's settings that come first (the interception CA).
    pub first_steps: Vec<StepJson>,
    pub changes: Vec<ChangeJson>,
    /// The commands for `changes`, in `shell`.
    pub commands: Vec<String>,
    pub notes: Vec<String>,
    /// Go is predicted to fail and no setting change helps: `help` says what would.
    pub nothing_helps: bool,
    pub help: Vec<StepJson>,
    /// `--apply` only.
    pub applied: Option<AppliedJson>,
}

#[derive(Debug, Serialize)]
pub struct MirrorJson {
    pub url: String,
    pub source: Source,
    pub qualified: bool,
    pub problem: Option<String>,
    pub median_ms: Option<f64>,
    pub relays_sumdb: bool,
    pub serves_toolchain: Option<bool>,
    pub throughput_bps: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ChangeJson {
    pub key: &'static str,
    pub current: String,
    pub origin: &'static str,
    /// null: removed, go's default applies.
    pub recommended: Option<String>,
    /// `goenv-file` (written by `--apply`) or `os-environment` (only the user's shell can).
    pub target: &'static str,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct StepJson {
    pub description: String,
    pub command: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AppliedJson {
    /// The go/env file written, or null when every change is an OS variable.
    pub goenv_file: Option<String>,
    pub backup: Option<String>,
    /// The check after the write (null with --no-verify or nothing written): ok, warn, fail.
    pub verdict_after: Option<&'static str>,
}

fn steps(r: &[Remedy]) -> Vec<StepJson> {
    r.iter()
        .map(|r| StepJson {
            description: redact_urls(&r.description),
            command: r.command.clone(),
        })
        .collect()
}

fn change(c: &Change) -> ChangeJson {
    ChangeJson {
        key: c.key,
        current: crate::redact::value(&c.current),
        origin: c.origin.as_str(),
        recommended: c.recommended.as_deref().map(crate::redact::value),
        target: if writes_to_file(c) {
            "goenv-file"
        } else {
            "os-environment"
        },
        reason: c.reason.text(Lang::En),
    }
}

impl FixDocument {
    pub fn new(
        cfg: &Config,
        rec: &Recommendation,
        verdict: &'static str,
        help: &[Remedy],
    ) -> FixDocument {
        FixDocument {
            fix_schema_version: FIX_SCHEMA_VERSION,
            shell: cfg.shell,
            verdict,
            mirrors: rec
                .candidates
                .iter()
                .map(|c| MirrorJson {
                    url: c.url.redacted(),
                    source: c.source,
                    qualified: c.qualified,
                    problem: c.problem.as_ref().map(|p| redact_urls(&p.text(Lang::En))),
                    median_ms: c.median_ms.map(|m| m.round()),
                    relays_sumdb: c.relays_sumdb,
                    serves_toolchain: c.serves_toolchain,
                    throughput_bps: c.throughput_bps.map(|b| b.round()),
                })
                .collect(),
            first_steps: steps(&rec.first_steps),
            changes: rec.changes.iter().map(change).collect(),
            commands: commands(cfg, &rec.changes),
            notes: rec.notes.iter().map(|n| n.text(Lang::En)).collect(),
            nothing_helps: rec.changes.is_empty() && verdict == "fail",
            help: if rec.changes.is_empty() && verdict == "fail" {
                steps(help)
            } else {
                Vec::new()
            },
            applied: None,
        }
    }
}
