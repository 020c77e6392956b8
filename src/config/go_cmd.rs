//! Asks the installed go what it thinks: `go env -json` for the keys godoctor models, under a
//! deadline, without ever letting go switch toolchains (docs/go/toolchains.md §1).
//!
//! Almost every go command switches toolchains at startup, `go env -json` included, so it runs
//! with `GOTOOLCHAIN=local`; the user's own GOTOOLCHAIN is read with `go env GOTOOLCHAIN`, which
//! go special-cases and never switches.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::env::Environment;
use super::process::{self, ProcessError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoReport {
    pub path: PathBuf,
    pub values: BTreeMap<String, String>,
    /// go's own verdict on GOFLAGS (`go: parsing $GOFLAGS: unknown flag -foo`): every go
    /// command but `go env` and `go bug` stops with it. Asked of `go version`, which does
    /// nothing else.
    pub goflags_error: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum GoCmdError {
    #[error(transparent)]
    Process(#[from] ProcessError),
    #[error("`go env -json` failed ({status}):\n{stderr}")]
    Failed { status: String, stderr: String },
    #[error("`go env -json` printed something that is not JSON: {0}")]
    BadJson(String),
}

/// Runs `go env -json KEYS…` and `go env GOTOOLCHAIN` concurrently, both under `deadline`.
pub fn go_env(
    go: &Path,
    keys: &[&str],
    env: &Environment,
    dir: &Path,
    deadline: Duration,
) -> Result<GoReport, GoCmdError> {
    let command = || {
        let mut cmd = Command::new(go);
        cmd.env_clear().envs(env.iter()).current_dir(dir);
        cmd
    };
    let mut json_cmd = command();
    json_cmd
        .arg("env")
        .arg("-json")
        .args(keys)
        .env("GOTOOLCHAIN", "local");
    let mut toolchain_cmd = command();
    toolchain_cmd.args(["env", "GOTOOLCHAIN"]);
    let start = Instant::now();
    let (name, json_child) = process::spawn(json_cmd)?;
    let toolchain_child = process::spawn(toolchain_cmd).ok();
    let out = process::wait(name, json_child, start, deadline)?;
    if !out.status.success() {
        return Err(GoCmdError::Failed {
            status: out.status.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).trim_end().to_owned(),
        });
    }
    let mut values: BTreeMap<String, String> =
        serde_json::from_slice(&out.stdout).map_err(|e| GoCmdError::BadJson(e.to_string()))?;
    if let Some((name, child)) = toolchain_child {
        match process::wait(name, child, start, deadline) {
            Ok(out) if out.status.success() => {
                let s = String::from_utf8_lossy(&out.stdout);
                values.insert(
                    "GOTOOLCHAIN".into(),
                    s.strip_suffix('\n').unwrap_or(&s).to_owned(),
                );
            }
            // Without the special-cased answer, `local` from our own override would be wrong.
            _ => {
                values.remove("GOTOOLCHAIN");
            }
        }
    } else {
        values.remove("GOTOOLCHAIN");
    }
    // go's own check of GOFLAGS, wherever it is set (environment or go/env file), and only
    // when it is: a process less in the common case.
    let goflags_set = values.get("GOFLAGS").is_some_and(|v| !v.trim().is_empty());
    let version_child = goflags_set
        .then(|| {
            let mut cmd = command();
            cmd.arg("version").env("GOTOOLCHAIN", "local");
            process::spawn(cmd).ok()
        })
        .flatten();
    let goflags_error = version_child.and_then(|(name, child)| {
        let out = process::wait(name, child, start, deadline).ok()?;
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().next()?;
        (!out.status.success() && line.starts_with("go: parsing $GOFLAGS:"))
            .then(|| line.to_owned())
    });
    Ok(GoReport {
        path: go.to_owned(),
        values,
        goflags_error,
    })
}
