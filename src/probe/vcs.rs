//! `direct` mode: `git ls-remote` with the user's own git, prompts disabled and a deadline, its
//! failures classified ("terminal prompts disabled", SSH keys, unknown host …). go-get
//! discovery is in discovery/, git's first request without git in git_http.rs and ssh.rs.

use std::time::{Duration, Instant};

pub use super::discovery::GoImport;
use super::evidence::GitEvidence;
use super::{GitError, LayerError};
use crate::config::env::Environment;

/// The outcome of `git ls-remote`.
#[derive(Debug, Clone)]
pub struct GitCheck {
    pub status: super::Status,
    pub ms: f64,
    pub error: Option<LayerError<GitError>>,
    pub detail: GitEvidence,
}

/// Classifies git's stderr. The message stays git's own words (go prints them as they are);
/// what each kind means is said by the finding, in the reader's language.
pub fn classify_git(stderr: &str) -> GitError {
    let s = stderr.to_ascii_lowercase();
    const TABLE: &[(&str, GitError)] = &[
        ("terminal prompts disabled", GitError::AuthRequired),
        ("could not read username", GitError::AuthRequired),
        ("authentication failed", GitError::AuthFailed),
        ("permission denied (publickey", GitError::SshAuth),
        ("host key verification failed", GitError::SshHostKey),
        ("could not resolve host", GitError::Dns),
        ("could not resolve hostname", GitError::Dns),
        ("connection refused", GitError::Refused),
        ("timed out", GitError::Timeout),
        ("ssl certificate problem", GitError::Tls),
        ("server certificate verification failed", GitError::Tls),
        ("repository not found", GitError::NotFound),
        ("not found", GitError::NotFound),
        ("proxy", GitError::Proxy),
    ];
    TABLE
        .iter()
        .find(|(needle, _)| s.contains(needle))
        .map_or(GitError::Other, |(_, k)| *k)
}

/// Runs `git ls-remote -q <url>` as go would (prompts off), within `budget`.
pub async fn ls_remote(
    git: &std::path::Path,
    env: &Environment,
    url: &str,
    budget: Duration,
) -> GitCheck {
    let start = Instant::now();
    let mut cmd = tokio::process::Command::new(git);
    cmd.env_clear()
        .envs(env.iter())
        .args(["ls-remote", "-q", url])
        .kill_on_drop(true)
        .stdin(std::process::Stdio::null());
    if env.get("GIT_TERMINAL_PROMPT").is_none() {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
    }
    if env.get("GCM_INTERACTIVE").is_none() {
        cmd.env("GCM_INTERACTIVE", "never");
    }
    if env.get("GIT_SSH").is_none() && env.get("GIT_SSH_COMMAND").is_none() {
        let secs = budget.as_secs().clamp(1, 30);
        cmd.env(
            "GIT_SSH_COMMAND",
            format!("ssh -o ControlMaster=no -o BatchMode=yes -o ConnectTimeout={secs}"),
        );
    }
    let redacted = crate::redact::redact_urls(url);
    let out = match tokio::time::timeout(budget, cmd.output()).await {
        Err(_) => {
            return GitCheck {
                status: super::Status::Timeout,
                ms: super::millis(start.elapsed()),
                error: Some(LayerError {
                    kind: GitError::Timeout,
                    message: format!(
                        "git ls-remote {redacted}: no answer within {} ms",
                        budget.as_millis()
                    ),
                }),
                detail: GitEvidence {
                    url: redacted,
                    refs: None,
                    stderr: None,
                },
            };
        }
        Ok(Err(e)) => {
            return GitCheck {
                status: super::Status::Fail,
                ms: super::millis(start.elapsed()),
                error: Some(LayerError {
                    kind: GitError::NotRunnable,
                    message: e.to_string(),
                }),
                detail: GitEvidence {
                    url: redacted,
                    refs: None,
                    stderr: None,
                },
            };
        }
        Ok(Ok(o)) => o,
    };
    let stderr = crate::redact::redact_urls(&String::from_utf8_lossy(&out.stderr));
    let refs = String::from_utf8_lossy(&out.stdout).lines().count();
    let detail = GitEvidence {
        url: redacted,
        refs: Some(refs),
        stderr: Some(super::excerpt(stderr.as_bytes())),
    };
    if out.status.success() {
        return GitCheck {
            status: super::Status::Ok,
            ms: super::millis(start.elapsed()),
            error: None,
            detail,
        };
    }
    let kind = classify_git(&stderr);
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .map_or("git ls-remote failed", str::trim)
        .to_owned();
    GitCheck {
        status: super::Status::Fail,
        ms: super::millis(start.elapsed()),
        error: Some(LayerError {
            kind,
            message: first,
        }),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_errors() {
        assert_eq!(
            classify_git(
                "fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled"
            ),
            GitError::AuthRequired
        );
        assert_eq!(
            classify_git("git@git.corp.example: Permission denied (publickey)."),
            GitError::SshAuth
        );
        assert_eq!(
            classify_git(
                "ssh: Could not resolve hostname git.corp.example: Name or service not known"
            ),
            GitError::Dns
        );
    }
}
