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
use recommend::Change;

#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error(
        "GOENV=off: go reads no go/env file, so there is nowhere to save settings; nothing was written"
    )]
    GoenvOff,
    #[error("go has no go/env file location ({0}); nothing was written")]
    NoGoenv(String),
    #[error(transparent)]
    Write(#[from] goenv_write::WriteError),
    #[error(transparent)]
    State(#[from] state::StateError),
    #[error(
        "`go env {args}` failed: {stderr} (if the file changed anyway, `godoctor fix --undo` restores it)"
    )]
    GoEnv { args: String, stderr: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
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
pub fn env_overrides(cfg: &Config, changes: &[Change]) -> Vec<String> {
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
        out.push(format!("{} is set in the OS environment, which wins over the go/env file: the file is written but the shell variable still applies", c.key));
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
                            crate::redact::redact_urls(&sh_quote(&format!("{}={v}", c.key)))
                        ),
                        None => "(delete the line)".into(),
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
                "  not found in {}: look where your shell or CI sets {}",
                names.join(", "),
                c.key
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
pub fn print_plan(w: &mut dyn Write, rec: &recommend::Recommendation) -> std::io::Result<()> {
    writeln!(w, "Mirrors (probed from here, concurrently):")?;
    for c in &rec.candidates {
        let speed = c
            .median_ms
            .map(|m| format!("{m:.0} ms median"))
            .unwrap_or_else(|| "-".into());
        let tp = c
            .throughput_bps
            .map(|b| format!(", {:.1} MB/s", b / 1e6))
            .unwrap_or_default();
        let sumdb = if c.relays_sumdb {
            ", relays the checksum database"
        } else {
            ""
        };
        let sumdb = match c.serves_toolchain {
            Some(true) => format!("{sumdb}, has the toolchain"),
            Some(false) => format!("{sumdb}, lacks the toolchain"),
            None => sumdb.to_owned(),
        };
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
                crate::redact::redact_urls(p.as_deref().unwrap_or_default())
            )?,
        }
    }
    for n in &rec.notes {
        writeln!(w, "  note: {n}")?;
    }
    if rec.changes.is_empty() {
        writeln!(w, "\nNothing to change: the current settings work.")?;
        return Ok(());
    }
    writeln!(w, "\nRecommended settings:")?;
    for c in &rec.changes {
        let cur = if c.current.is_empty() {
            "(unset)".to_owned()
        } else {
            crate::redact::redact_urls(&c.current)
        };
        let new = c
            .recommended
            .as_deref()
            .map(crate::redact::redact_urls)
            .unwrap_or_else(|| "(go's default)".into());
        writeln!(w, "  {:<10} {cur} [{}]  →  {new}", c.key, c.origin.as_str())?;
        writeln!(w, "             {}", c.reason)?;
    }
    writeln!(w, "\nCommands:")?;
    for c in commands(&rec.changes) {
        writeln!(w, "  {}", crate::redact::redact_urls(&c))?;
    }
    Ok(())
}

/// `--undo --list`.
pub fn print_backups(
    w: &mut dyn Write,
    env: &crate::config::env::Environment,
) -> Result<(), FixError> {
    let dir = state::state_dir(env)?;
    let list = state::list(&dir);
    if list.is_empty() {
        writeln!(w, "no backups in {}", dir.display())?;
    }
    for b in list {
        writeln!(
            w,
            "{}  {}  {}  keys: {}",
            b.meta.time,
            b.meta.path,
            if b.meta.existed {
                "file existed"
            } else {
                "file did not exist"
            },
            b.meta.keys.join(", ")
        )?;
    }
    Ok(())
}

/// What the check after a write found, in words.
pub fn verdict_text(p: Predicted) -> &'static str {
    match p {
        Predicted::Ok => "go is now predicted to succeed",
        Predicted::Fail => "go is still predicted to fail",
    }
}
