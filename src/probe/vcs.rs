//! `direct` mode: go-get discovery (`<meta name="go-import">`, docs/go/semantics.md §8) and
//! `git ls-remote` with the user's own git, prompts disabled and a deadline, its failures
//! classified ("terminal prompts disabled", SSH keys, unknown host …).

use std::time::{Duration, Instant};

use super::evidence::GitEvidence;
use super::{GitError, LayerError};
use crate::config::env::Environment;

/// One `<meta name="go-import" content="prefix vcs repo">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoImport {
    pub prefix: String,
    pub vcs: String,
    pub repo: String,
}

/// go's lenient scan: meta tags in the head, stopping at `<body>` or `</head>`.
pub fn go_imports(html: &str) -> Vec<GoImport> {
    let lower = html.to_ascii_lowercase();
    let end = [lower.find("<body"), lower.find("</head")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(lower.len());
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = lower[pos..end].find("<meta") {
        let start = pos + i;
        let stop = lower[start..].find('>').map_or(lower.len(), |j| start + j);
        let tag = &html[start..stop];
        if attr(tag, "name").is_some_and(|n| n == "go-import")
            && let Some(content) = attr(tag, "content")
        {
            let f: Vec<&str> = content.split_whitespace().collect();
            if f.len() == 3 || f.len() == 4 {
                out.push(GoImport {
                    prefix: f[0].to_owned(),
                    vcs: f[1].to_owned(),
                    repo: f[2].to_owned(),
                });
            }
        }
        pos = stop;
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[at + name.len()..].trim_start();
        if before_ok && let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let q = rest.chars().next()?;
            if q == '"' || q == '\'' {
                return rest[1..].split(q).next().map(str::to_owned);
            }
            return rest
                .split_whitespace()
                .next()
                .map(|s| s.trim_end_matches('/').to_owned());
        }
        from = at + name.len();
    }
    None
}

/// The outcome of `git ls-remote`.
#[derive(Debug, Clone)]
pub struct GitCheck {
    pub status: super::Status,
    pub ms: f64,
    pub error: Option<LayerError<GitError>>,
    pub detail: GitEvidence,
}

/// Classifies git's stderr.
pub fn classify_git(stderr: &str) -> (GitError, &'static str) {
    let s = stderr.to_ascii_lowercase();
    let table: &[(&str, GitError, &str)] = &[
        (
            "terminal prompts disabled",
            GitError::AuthRequired,
            "git needs a user name and password for this repository and may not prompt (go sets GIT_TERMINAL_PROMPT=0)",
        ),
        (
            "could not read username",
            GitError::AuthRequired,
            "git needs credentials for this repository",
        ),
        (
            "authentication failed",
            GitError::AuthFailed,
            "the credentials git used were rejected",
        ),
        (
            "permission denied (publickey",
            GitError::SshAuth,
            "the SSH server rejected every key git offered",
        ),
        (
            "host key verification failed",
            GitError::SshHostKey,
            "the SSH host key is unknown (add it to ~/.ssh/known_hosts)",
        ),
        (
            "could not resolve host",
            GitError::Dns,
            "git could not resolve the repository host",
        ),
        (
            "could not resolve hostname",
            GitError::Dns,
            "ssh could not resolve the repository host",
        ),
        (
            "connection refused",
            GitError::Refused,
            "the repository host refused the connection",
        ),
        (
            "timed out",
            GitError::Timeout,
            "the connection to the repository host timed out",
        ),
        (
            "ssl certificate problem",
            GitError::Tls,
            "git rejected the server's TLS certificate",
        ),
        (
            "server certificate verification failed",
            GitError::Tls,
            "git rejected the server's TLS certificate",
        ),
        (
            "repository not found",
            GitError::NotFound,
            "the repository does not exist (or is hidden from these credentials)",
        ),
        (
            "not found",
            GitError::NotFound,
            "the repository does not exist (or is hidden from these credentials)",
        ),
        ("proxy", GitError::Proxy, "git's proxy failed"),
    ];
    table
        .iter()
        .find(|(needle, _, _)| s.contains(needle))
        .map_or((GitError::Other, "git ls-remote failed"), |(_, k, m)| {
            (*k, *m)
        })
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
    let (kind, meaning) = classify_git(&stderr);
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned();
    GitCheck {
        status: super::Status::Fail,
        ms: super::millis(start.elapsed()),
        error: Some(LayerError {
            kind,
            message: format!("{meaning}: {first}"),
        }),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags() {
        let html = r#"<!DOCTYPE html><html><head><meta name="go-import" content="golang.org/x/text git https://go.googlesource.com/text"><META NAME='go-import' CONTENT='corp.example/m mod https://proxy.corp.example'>
        <meta name="go-source" content="x"></head><body><meta name="go-import" content="late git https://x"></body></html>"#;
        let v = go_imports(html);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].repo, "https://go.googlesource.com/text");
        assert_eq!(v[1].vcs, "mod");
        assert!(go_imports("<html>login</html>").is_empty());
        assert!(go_imports("<meta").is_empty());
    }

    #[test]
    fn git_errors() {
        assert_eq!(classify_git("fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled").0, GitError::AuthRequired);
        assert_eq!(
            classify_git("git@git.corp.example: Permission denied (publickey).").0,
            GitError::SshAuth
        );
        assert_eq!(
            classify_git(
                "ssh: Could not resolve hostname git.corp.example: Name or service not known"
            )
            .0,
            GitError::Dns
        );
    }
}
