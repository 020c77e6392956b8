//! `godoctor fix`: turn a diagnosis into a working configuration. The dry run shows each
//! setting's current value (with its origin), the recommended one and why, then the commands
//! in the user's shell; `--apply` writes exactly those keys of the go/env file — never one an
//! OS variable overrides (that one gets the shell's command instead) — with the same atomic
//! edit `go env -w` makes, checked with `go env` afterwards when go is installed, after a
//! backup that `--undo` restores byte for byte. Concurrent runs are serialised by a lock.

pub mod goenv_write;
pub mod json;
pub mod recommend;
mod show;
pub mod state;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::goenv_file::EnvFileLocation;
use crate::config::{Config, Origin};
use crate::diagnose::predict::Predicted;
use crate::i18n::Lang;
use crate::t;
use recommend::Change;
pub use show::{commands, env_overrides, nothing_helps, print_plan};

/// Why `fix` wrote nothing, or could not finish. `Display` is the English text.
#[derive(Debug)]
pub enum FixError {
    GoenvOff,
    NoGoenv(String),
    Write(goenv_write::WriteError),
    State(state::StateError),
    /// `go env` after the write did not read back what was written: the file was restored.
    Verify {
        key: String,
        wrote: String,
        go_says: String,
    },
    /// `go env` could not read the written file: it was restored.
    GoEnv {
        args: String,
        stderr: String,
    },
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
            FixError::Verify {
                key,
                wrote,
                go_says,
            } => t!(
                lang,
                "fix-error-verify",
                key = key.as_str(),
                wrote = crate::redact::redact_urls(wrote),
                go_says = crate::redact::redact_urls(go_says)
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

fn goenv_path(cfg: &Config) -> Result<PathBuf, FixError> {
    match &cfg.goenv_location {
        EnvFileLocation::Off => Err(FixError::GoenvOff),
        EnvFileLocation::Unavailable(why) => Err(FixError::NoGoenv(why.clone())),
        EnvFileLocation::At { path, .. } => Ok(path.clone()),
    }
}

/// Whether `--apply` writes this change into the go/env file: not when an OS variable sets
/// the key, since that variable would still win (the user's shell gets the command instead).
pub fn writes_to_file(c: &Change) -> bool {
    c.origin != Origin::Env
}

/// Writes the go/env-file part of `changes`; returns the backup taken (None when every
/// change belongs to the OS environment and nothing was written).
pub fn apply(
    cfg: &Config,
    changes: &[Change],
    deadline: Duration,
) -> Result<Option<state::Backup>, FixError> {
    let changes: Vec<&Change> = changes.iter().filter(|c| writes_to_file(c)).collect();
    if changes.is_empty() {
        return Ok(None);
    }
    let path = goenv_path(cfg)?;
    let dir = state::state_dir(&cfg.env)?;
    let _lock = state::Lock::acquire(&dir)?;
    // Refuse early what go would refuse, before any backup exists.
    goenv_write::check_writable(&path)?;
    if let Ok(old) = std::fs::read(&path) {
        goenv_write::edit(&path, &old, &[])?;
    }
    let keys: Vec<String> = changes.iter().map(|c| c.key.to_owned()).collect();
    let backup = state::backup(&dir, &path, &keys)?;
    let result = write(&path, &changes).and_then(|()| verify(cfg, &changes, deadline));
    if result.is_err() {
        // Back to the file as it was: a write go does not read as intended is no fix. The
        // backup stays when even that failed, for `--undo`.
        if restore(&backup, &path) {
            let _ = std::fs::remove_dir_all(&backup.dir);
        }
    } else {
        // Without the record undo still works, only without noticing later edits.
        let _ = state::record_result(&backup, &path);
    }
    result.map(|()| Some(backup))
}

/// The same edit as `go env -w`/`-u`, written atomically whether or not go is installed: go's
/// own write truncates the file in place and tears it on a full disk.
fn write(path: &Path, changes: &[&Change]) -> Result<(), FixError> {
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

/// Asks the installed go what it now reads for each key written (nothing to ask without go).
fn verify(cfg: &Config, changes: &[&Change], deadline: Duration) -> Result<(), FixError> {
    let (Some(go), true) = (&cfg.go.path, cfg.go.found()) else {
        return Ok(());
    };
    let keys: Vec<&str> = changes.iter().map(|c| c.key).collect();
    let report =
        crate::config::go_cmd::go_env(go, &keys, &cfg.env, &cfg.dir, deadline).map_err(|e| {
            FixError::GoEnv {
                args: format!("-json {}", keys.join(" ")),
                stderr: e.to_string(),
            }
        })?;
    for c in changes {
        let Some(want) = &c.recommended else { continue };
        let got = report.values.get(c.key).cloned().unwrap_or_default();
        if &got != want {
            return Err(FixError::Verify {
                key: c.key.to_owned(),
                wrote: want.clone(),
                go_says: got,
            });
        }
    }
    Ok(())
}

/// Puts the file back as the backup holds it; whether that worked.
fn restore(backup: &state::Backup, path: &Path) -> bool {
    if backup.meta.existed {
        std::fs::read(backup.dir.join("env"))
            .is_ok_and(|data| goenv_write::write_atomic(path, &data).is_ok())
    } else {
        // A link that dangled before stays a link: the file the write created goes.
        let path = match std::fs::read_link(path) {
            Ok(to) => path.parent().unwrap_or(Path::new(".")).join(to),
            Err(_) => path.to_path_buf(),
        };
        match std::fs::remove_file(path) {
            Ok(()) => true,
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        }
    }
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
