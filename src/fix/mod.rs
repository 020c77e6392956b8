//! `godoctor fix`: turn a diagnosis into a working configuration. The dry run shows each
//! setting's current value (with its origin), the recommended one and why, then the commands;
//! `--apply` writes exactly the changed keys — with `go env -w`/`-u` when go ≥ 1.13 is
//! installed, else by editing the go/env file atomically — after a backup that `--undo`
//! restores byte for byte. Concurrent runs are serialised by a lock.

pub mod goenv_write;
pub mod recommend;
pub mod state;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::config::goenv_file::EnvFileLocation;
use crate::config::{Config, Origin};
use crate::diagnose::predict::Predicted;
use crate::diagnose::remedy::{profile_files, sh_quote};
use crate::i18n::Lang;
use crate::t;
use recommend::Change;

/// Why `fix` wrote nothing, or could not finish. `Display` is the English text.
#[derive(Debug)]
pub enum FixError {
    GoenvOff,
    NoGoenv(String),
    Write(goenv_write::WriteError),
    State(state::StateError),
    GoEnv { args: String, stderr: String },
    Io(std::io::Error),
}

impl FixError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FixError::GoenvOff => t!(lang, "fix-error-goenv-off"),
            FixError::NoGoenv(why) => t!(lang, "fix-error-no-goenv", why = why.as_str()),
            FixError::Write(e) => e.text(lang),
            FixError::State(e) => e.text(lang),
            FixError::GoEnv { args, stderr } => t!(
                lang,
                "fix-error-go-env",
                args = args.as_str(),
                stderr = stderr.as_str()
            ),
            FixError::Io(e) => e.to_string(),
        }
    }
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for FixError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FixError::Write(e) => e.source(),
            FixError::State(e) => e.source(),
            FixError::Io(e) => e.source(),
            _ => None,
        }
    }
}

impl From<goenv_write::WriteError> for FixError {
    fn from(e: goenv_write::WriteError) -> Self {
        FixError::Write(e)
    }
}

impl From<state::StateError> for FixError {
    fn from(e: state::StateError) -> Self {
        FixError::State(e)
    }
}

impl From<std::io::Error> for FixError {
    fn from(e: std::io::Error) -> Self {
        FixError::Io(e)
    }
}

/// The commands a user would run for `changes`.
pub fn commands(changes: &[Change]) -> Vec<String> {
    let set: Vec<String> = changes
        .iter()
        .filter_map(|c| {
            c.recommended
                .as_ref()
                .map(|v| sh_quote(&format!("{}={v}", c.key)))
        })
        .collect();
    let unset: Vec<&str> = changes
        .iter()
        .filter(|c| c.recommended.is_none())
        .map(|c| c.key)
        .collect();
    let mut out = Vec::new();
    if !set.is_empty() {
        out.push(format!("go env -w {}", set.join(" ")));
    }
    if !unset.is_empty() {
        out.push(format!("go env -u {}", unset.join(" ")));
    }
    out
}

/// Where the setting is overridden by the OS environment: the profile lines that likely set it.
pub fn env_overrides(cfg: &Config, changes: &[Change], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let names = profile_files(cfg);
    let home = cfg.env.home_dir();
    // Each profile read once, whatever the number of changes.
    let profiles: Vec<(PathBuf, String)> = names
        .iter()
        .filter_map(|f| {
            let path = match (f.strip_prefix("~/"), &home) {
                (Some(rest), Some(h)) => h.join(rest),
                _ => PathBuf::from(f),
            };
            let text = std::fs::read_to_string(&path).ok()?;
            Some((path, text))
        })
        .collect();
    for c in changes.iter().filter(|c| c.origin == Origin::Env) {
        out.push(t!(lang, "fix-env-overrides", key = c.key));
        let mut found = false;
        for (path, text) in &profiles {
            for (i, line) in text.lines().enumerate() {
                let l = line.trim_start();
                if l.starts_with('#') {
                    continue;
                }
                if l.contains(&format!("{}=", c.key))
                    || l.contains(&format!("set -gx {}", c.key))
                    || l.contains(&format!("set -x {}", c.key))
                {
                    found = true;
                    let new = match &c.recommended {
                        Some(v) => format!(
                            "export {}",
                            sh_quote(&format!("{}={}", c.key, crate::redact::value(v)))
                        ),
                        None => t!(lang, "fix-env-delete-line"),
                    };
                    out.push(format!(
                        "  {}:{}: {}  →  {new}",
                        path.display(),
                        i + 1,
                        crate::redact::redact_urls(line.trim())
                    ));
                }
            }
        }
        if !found {
            out.push(format!(
                "  {}",
                t!(
                    lang,
                    "fix-env-not-found",
                    files = names.join(", "),
                    key = c.key
                )
            ));
        }
    }
    out
}

fn goenv_path(cfg: &Config) -> Result<PathBuf, FixError> {
    match &cfg.goenv_location {
        EnvFileLocation::Off => Err(FixError::GoenvOff),
        EnvFileLocation::Unavailable(why) => Err(FixError::NoGoenv(why.clone())),
        EnvFileLocation::At { path, .. } => Ok(path.clone()),
    }
}

/// Writes `changes`; returns the backup taken.
pub fn apply(cfg: &Config, changes: &[Change]) -> Result<state::Backup, FixError> {
    let path = goenv_path(cfg)?;
    let dir = state::state_dir(&cfg.env)?;
    let _lock = state::Lock::acquire(&dir)?;
    // Refuse early what go would refuse, before any backup exists.
    if let Ok(old) = std::fs::read(&path) {
        goenv_write::edit(&path, &old, &[])?;
    }
    let keys: Vec<String> = changes.iter().map(|c| c.key.to_owned()).collect();
    let backup = state::backup(&dir, &path, &keys)?;
    let result = write(cfg, &path, changes);
    // A failed write that left the file as it was needs no backup; one that changed it (a
    // second `go env` command failing, say) keeps its backup so undo still works.
    let unchanged = match std::fs::read(&path) {
        Ok(now) => {
            backup.meta.existed && std::fs::read(backup.dir.join("env")).is_ok_and(|b| b == now)
        }
        Err(e) => !backup.meta.existed && e.kind() == std::io::ErrorKind::NotFound,
    };
    if result.is_err() && unchanged {
        let _ = std::fs::remove_dir_all(&backup.dir);
    }
    if result.is_ok() {
        // Without the record undo still works, only without noticing later edits.
        let _ = state::record_result(&backup, &path);
    }
    result.map(|()| backup)
}

fn write(cfg: &Config, path: &Path, changes: &[Change]) -> Result<(), FixError> {
    let go_ok = cfg.go.found() && cfg.go.version.as_ref().is_some_and(|v| v.at_least(1, 13));
    if let (true, Some(go)) = (go_ok, &cfg.go.path) {
        for args in go_env_args(changes) {
            let out = Command::new(go)
                .env_clear()
                .envs(cfg.env.iter())
                .env("GOTOOLCHAIN", "local")
                .current_dir(&cfg.dir)
                .args(&args)
                .output()?;
            if !out.status.success() {
                return Err(FixError::GoEnv {
                    args: args[1..].join(" "),
                    stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
                });
            }
        }
        return Ok(());
    }
    let old = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let list: Vec<goenv_write::Change> = changes
        .iter()
        .map(|c| (c.key.to_owned(), c.recommended.clone()))
        .collect();
    let new = goenv_write::edit(path, &old, &list)?;
    goenv_write::write_atomic(path, &new)?;
    Ok(())
}

fn go_env_args(changes: &[Change]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let set: Vec<String> = changes
        .iter()
        .filter_map(|c| c.recommended.as_ref().map(|v| format!("{}={v}", c.key)))
        .collect();
    if !set.is_empty() {
        out.push([vec!["env".to_owned(), "-w".to_owned()], set].concat());
    }
    let unset: Vec<String> = changes
        .iter()
        .filter(|c| c.recommended.is_none())
        .map(|c| c.key.to_owned())
        .collect();
    if !unset.is_empty() {
        out.push([vec!["env".to_owned(), "-u".to_owned()], unset].concat());
    }
    out
}

/// The dry-run table.
pub fn print_plan(
    w: &mut dyn Write,
    rec: &recommend::Recommendation,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(w, "{}", t!(lang, "fix-mirrors"))?;
    for c in &rec.candidates {
        let speed = c
            .median_ms
            .map(|m| t!(lang, "fix-mirror-median", ms = format!("{m:.0}")))
            .unwrap_or_else(|| "-".into());
        let tp = c
            .throughput_bps
            .map(|b| {
                t!(
                    lang,
                    "fix-mirror-throughput",
                    mb_per_s = format!("{:.1}", b / 1e6)
                )
            })
            .unwrap_or_default();
        let mut sumdb = if c.relays_sumdb {
            t!(lang, "fix-mirror-relays-sumdb")
        } else {
            String::new()
        };
        match c.serves_toolchain {
            Some(true) => sumdb.push_str(&t!(lang, "fix-mirror-has-toolchain")),
            Some(false) => sumdb.push_str(&t!(lang, "fix-mirror-lacks-toolchain")),
            None => {}
        }
        match &c.problem {
            None if c.qualified => writeln!(
                w,
                "  ✓ {:<40} {speed}{tp}{sumdb}",
                crate::redact::redact_urls(&c.url)
            )?,
            p => writeln!(
                w,
                "  ✗ {:<40} {}",
                crate::redact::redact_urls(&c.url),
                crate::redact::redact_urls(&p.as_ref().map(|p| p.text(lang)).unwrap_or_default())
            )?,
        }
    }
    for n in &rec.notes {
        writeln!(w, "  {}", t!(lang, "fix-note", note = n.text(lang)))?;
    }
    if rec.changes.is_empty() {
        writeln!(w, "\n{}", t!(lang, "fix-nothing-to-change"))?;
        return Ok(());
    }
    writeln!(w, "\n{}", t!(lang, "fix-recommended"))?;
    for c in &rec.changes {
        let cur = if c.current.is_empty() {
            t!(lang, "fix-unset")
        } else {
            crate::redact::value(&c.current)
        };
        let new = c
            .recommended
            .as_deref()
            .map(crate::redact::value)
            .unwrap_or_else(|| t!(lang, "fix-go-default"));
        writeln!(w, "  {:<10} {cur} [{}]  →  {new}", c.key, c.origin.as_str())?;
        writeln!(w, "             {}", c.reason.text(lang))?;
    }
    writeln!(w, "\n{}", t!(lang, "fix-commands"))?;
    for c in commands(&rec.changes) {
        writeln!(w, "  {}", crate::redact::placeholder_credentials(&c))?;
    }
    Ok(())
}

/// `--undo --list`.
pub fn print_backups(
    w: &mut dyn Write,
    env: &crate::config::env::Environment,
    lang: Lang,
) -> Result<(), FixError> {
    let dir = state::state_dir(env)?;
    let list = state::list(&dir);
    if list.is_empty() {
        let dir = dir.display().to_string();
        writeln!(w, "{}", t!(lang, "fix-no-backups", dir = dir))?;
    }
    for b in list {
        let line = t!(
            lang,
            "fix-backup",
            time = b.meta.time.as_str(),
            path = b.meta.path.as_str(),
            existed = yes_no(b.meta.existed),
            keys = b.meta.keys.join(", ")
        );
        writeln!(w, "{line}")?;
    }
    Ok(())
}

/// What `--undo` restored.
pub fn restored_text(b: &state::Backup, lang: Lang) -> String {
    t!(
        lang,
        "fix-restored",
        path = b.meta.path.as_str(),
        time = b.meta.time.as_str(),
        existed = yes_no(b.meta.existed)
    )
}

/// A flag as a Fluent selector value.
fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// What the check after a write found, in words.
pub fn verdict_text(p: Predicted, lang: Lang) -> String {
    match p {
        Predicted::Ok => t!(lang, "fix-verdict-ok"),
        Predicted::Fail => t!(lang, "fix-verdict-fail"),
    }
}
