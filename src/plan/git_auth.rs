//! Where git would find credentials for a repository URL after a 401, without asking anyone
//! for them: a netrc entry (git's curl reads `~/.netrc`), a credential helper
//! (`credential.helper`, `credential.<url>.helper`, matched as git matches them), an askpass
//! program (GIT_ASKPASS, `core.askPass`, SSH_ASKPASS), or a password in the URL — and whether
//! git may prompt on the terminal (go sets GIT_TERMINAL_PROMPT=0 unless the user set it).
//! Only kinds and where they were configured; no credential is read or kept.
//! docs/go/semantics.md §8 "Environment set up by cmd/go", "git's first request".

use crate::config::env::Environment;
use crate::config::git::{GitConfig, is_false};
use crate::config::gourl;
use crate::config::netrc::NetrcInfo;

/// What git has to answer a 401 with, for one URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitCredentials {
    /// git may prompt on the terminal: the user set GIT_TERMINAL_PROMPT to a true value (go
    /// sets it to 0 otherwise).
    pub terminal_prompt: bool,
    /// Where git would look, in the order it looks (URL, then helpers, then askpass; netrc is
    /// curl's own).
    pub sources: Vec<CredentialSource>,
}

impl GitCredentials {
    /// git has some way to answer a 401 (it may still be refused).
    pub fn available(&self) -> bool {
        self.terminal_prompt || !self.sources.is_empty()
    }
}

/// One place git would take credentials from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialSource {
    pub kind: SourceKind,
    /// A helper's name (`store`, `cache`, `manager`, `osxkeychain`, `shell command` for `!…`).
    pub helper: Option<String>,
    /// Where it is configured: a git config origin (`file:/home/u/.gitconfig`), the netrc
    /// path, or the environment variable's name.
    pub origin: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A user name and password in the URL itself.
    Url,
    Netrc,
    CredentialHelper,
    Askpass,
}

/// The credentials git would find for `url` (an http(s) remote, after `insteadOf`).
pub fn for_url(git: &GitConfig, netrc: &NetrcInfo, env: &Environment, url: &str) -> GitCredentials {
    let mut sources = Vec::new();
    let parsed = gourl::parse(url).ok();
    if let Some(u) = &parsed
        && u.userinfo.as_deref().is_some_and(|i| i.contains(':'))
    {
        sources.push(CredentialSource {
            kind: SourceKind::Url,
            helper: None,
            origin: "the repository URL".into(),
        });
    }
    // curl reads $HOME/.netrc, not go's $NETRC.
    let curls_netrc = env.home_dir().map(|h| h.join(".netrc"));
    if let (Some(u), Some(path)) = (&parsed, &netrc.path)
        && curls_netrc.as_ref() == Some(path)
        && netrc.machines.contains(u.hostname())
    {
        sources.push(CredentialSource {
            kind: SourceKind::Netrc,
            helper: None,
            origin: path.display().to_string(),
        });
    }
    sources.extend(helpers(git, url));
    if let Some(origin) = askpass(git, env) {
        sources.push(CredentialSource {
            kind: SourceKind::Askpass,
            helper: None,
            origin,
        });
    }
    GitCredentials {
        terminal_prompt: env.get("GIT_TERMINAL_PROMPT").is_some_and(|v| !is_false(v)),
        sources,
    }
}

/// The helpers git runs for `url`: every matching `credential.helper` and
/// `credential.<url>.helper` in config order, an empty value clearing those before it.
fn helpers(git: &GitConfig, url: &str) -> Vec<CredentialSource> {
    let mut out = Vec::new();
    for e in &git.entries {
        let Some(rest) = e.key.strip_prefix("credential.") else {
            continue;
        };
        let applies = match rest.strip_suffix(".helper") {
            Some(pattern) => url_matches(pattern, url),
            None => rest == "helper",
        };
        if !applies {
            continue;
        }
        match e.value.as_deref().map(str::trim) {
            None | Some("") => out.clear(),
            Some(v) => out.push(CredentialSource {
                kind: SourceKind::CredentialHelper,
                helper: Some(helper_name(v)),
                origin: e.origin.clone(),
            }),
        }
    }
    out
}

/// A helper's name, never its arguments (a shell helper may carry a token).
fn helper_name(value: &str) -> String {
    if value.starts_with('!') {
        return "shell command".into();
    }
    let first = value.split_whitespace().next().unwrap_or("");
    let base = first.rsplit(['/', '\\']).next().unwrap_or(first);
    let base = base.strip_prefix("git-credential-").unwrap_or(base);
    let base = base.strip_suffix(".exe").unwrap_or(base);
    base.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(40)
        .collect()
}

/// git's askpass order: GIT_ASKPASS, `core.askPass`, SSH_ASKPASS (prompt.c `git_prompt`).
fn askpass(git: &GitConfig, env: &Environment) -> Option<String> {
    if env.get("GIT_ASKPASS").is_some() {
        return Some("GIT_ASKPASS".into());
    }
    if let Some(e) = git.get("core.askpass")
        && e.value.as_deref().is_some_and(|v| !v.trim().is_empty())
    {
        return Some(e.origin.clone());
    }
    env.get("SSH_ASKPASS").map(|_| "SSH_ASKPASS".to_owned())
}

/// `credential.<pattern>` against a URL: a full URL pattern as urlmatch.c matches it (scheme,
/// user if given, host with `*` per label, port, path prefix at a `/`), else a partial one
/// (`host`, `host/path`) as `match_partial_url` does.
fn url_matches(pattern: &str, url: &str) -> bool {
    let Some(have) = Parts::of(url) else {
        return false;
    };
    let Some(want) = Parts::of(pattern) else {
        return false;
    };
    if want.scheme.is_some() && want.scheme != have.scheme {
        return false;
    }
    if want.user.is_some() && want.user != have.user {
        return false;
    }
    if !host_matches(&want.host, &have.host) {
        return false;
    }
    let (wp, hp) = (
        want.path.trim_end_matches('/'),
        have.path.trim_end_matches('/'),
    );
    if want.scheme.is_none() {
        // credential_match: host (with its port, as written) and path compared as strings.
        return want.port == have.port && (wp.is_empty() || wp == hp);
    }
    want.port(&want.scheme) == have.port(&have.scheme)
        && (wp.is_empty() || hp == wp || hp.starts_with(&format!("{wp}/")))
}

fn host_matches(want: &str, have: &str) -> bool {
    let (w, h): (Vec<&str>, Vec<&str>) = (want.split('.').collect(), have.split('.').collect());
    w.len() == h.len()
        && w.iter().zip(&h).all(|(w, h)| {
            if let Some((pre, post)) = w.split_once('*') {
                h.len() >= pre.len() + post.len()
                    && h.to_ascii_lowercase()
                        .starts_with(&pre.to_ascii_lowercase())
                    && h.to_ascii_lowercase().ends_with(&post.to_ascii_lowercase())
            } else {
                w.eq_ignore_ascii_case(h)
            }
        })
}

/// A URL (or a partial one, without scheme) cut into what git compares.
struct Parts {
    scheme: Option<String>,
    user: Option<String>,
    host: String,
    port: Option<u16>,
    path: String,
}

impl Parts {
    fn of(s: &str) -> Option<Parts> {
        let (scheme, rest) = match s.split_once("://") {
            Some((sc, rest)) => (Some(sc.to_ascii_lowercase()), rest),
            None => (None, s),
        };
        let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
        let (user, hostport) = match authority.rsplit_once('@') {
            Some((ui, hp)) => (Some(ui.split(':').next().unwrap_or("").to_owned()), hp),
            None => (None, authority),
        };
        let (host, port) = match hostport.rfind(':') {
            Some(i) if !hostport[i..].contains(']') => {
                let p = &hostport[i + 1..];
                (
                    &hostport[..i],
                    if p.is_empty() {
                        None
                    } else {
                        Some(p.parse().ok()?)
                    },
                )
            }
            _ => (hostport, None),
        };
        if host.is_empty() {
            return None;
        }
        Some(Parts {
            scheme,
            user,
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }

    /// The port, the scheme's default filled in.
    fn port(&self, scheme: &Option<String>) -> Option<u16> {
        self.port.or(match scheme.as_deref() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::git::parse_list;

    fn git(records: &[(&str, &str, &str)]) -> GitConfig {
        let mut data = Vec::new();
        for (origin, key, value) in records {
            data.extend_from_slice(format!("global\0{origin}\0{key}\n{value}\0").as_bytes());
        }
        GitConfig {
            git: Some("git".into()),
            error: None,
            entries: parse_list(&data),
        }
    }

    fn kinds(c: &GitCredentials) -> Vec<(SourceKind, Option<&str>)> {
        c.sources
            .iter()
            .map(|s| (s.kind, s.helper.as_deref()))
            .collect()
    }

    #[test]
    fn helpers_scoped_to_urls_and_reset_by_an_empty_value() {
        let g = git(&[
            (
                "file:/etc/gitconfig",
                "credential.helper",
                "cache --timeout=60",
            ),
            ("file:/h/.gitconfig", "credential.helper", ""),
            (
                "file:/h/.gitconfig",
                "credential.https://git.corp.example.helper",
                "/usr/lib/git-core/git-credential-store --file /h/.creds",
            ),
            (
                "file:/h/.gitconfig",
                "credential.https://*.other.example.helper",
                "manager",
            ),
            (
                "file:/h/.gitconfig",
                "credential.git.corp.example.helper",
                "!f() { echo password=s3cret; }; f",
            ),
        ]);
        let env = Environment::from_pairs([("HOME", "/h")]);
        let none = NetrcInfo::default();
        let c = for_url(&g, &none, &env, "https://git.corp.example/team/m.git");
        assert_eq!(
            kinds(&c),
            vec![
                (SourceKind::CredentialHelper, Some("store")),
                (SourceKind::CredentialHelper, Some("shell command"))
            ]
        );
        assert!(!format!("{c:?}").contains("s3cret"));
        assert_eq!(c.sources[0].origin, "file:/h/.gitconfig");
        let c = for_url(&g, &none, &env, "https://a.other.example/m");
        assert_eq!(
            kinds(&c),
            vec![(SourceKind::CredentialHelper, Some("manager"))]
        );
        // Another port, another scheme: not the same credential context.
        assert!(
            for_url(&g, &none, &env, "https://git.corp.example:8443/m")
                .sources
                .is_empty()
        );
        assert!(
            for_url(&g, &none, &env, "http://other.example/m")
                .sources
                .is_empty()
        );
        assert!(!c.terminal_prompt);
    }

    #[test]
    fn netrc_askpass_url_and_prompts() {
        let netrc = NetrcInfo {
            path: Some("/h/.netrc".into()),
            exists: true,
            machines: vec!["git.corp.example".to_owned()].into(),
            ..NetrcInfo::default()
        };
        let env = Environment::from_pairs([
            ("HOME", "/h"),
            ("GIT_ASKPASS", "/usr/bin/ksshaskpass"),
            ("GIT_TERMINAL_PROMPT", "1"),
        ]);
        let c = for_url(
            &GitConfig::default(),
            &netrc,
            &env,
            "https://u:p@GIT.corp.example/m",
        );
        assert_eq!(
            kinds(&c),
            vec![
                (SourceKind::Url, None),
                (SourceKind::Netrc, None),
                (SourceKind::Askpass, None)
            ]
        );
        assert!(c.terminal_prompt && c.available());
        // go's $NETRC elsewhere: curl does not read it.
        let elsewhere = NetrcInfo {
            path: Some("/etc/go-netrc".into()),
            ..netrc.clone()
        };
        let plain = Environment::from_pairs([("HOME", "/h"), ("GIT_TERMINAL_PROMPT", "0")]);
        let c = for_url(
            &GitConfig::default(),
            &elsewhere,
            &plain,
            "https://git.corp.example/m",
        );
        assert!(!c.available());
    }

    #[test]
    fn url_patterns() {
        assert!(url_matches("https://h.example", "https://h.example/a/b"));
        assert!(url_matches("https://h.example/a", "https://h.example/a/b"));
        assert!(!url_matches("https://h.example/a", "https://h.example/ab"));
        assert!(url_matches("https://u@h.example", "https://u@h.example/x"));
        assert!(!url_matches("https://u@h.example", "https://h.example/x"));
        assert!(url_matches("h.example", "https://h.example/x"));
        assert!(!url_matches("*.example", "https://a.b.example/x"));
        assert!(url_matches("https://h.example:443", "https://h.example/x"));
        assert_eq!(
            helper_name("C:\\bin\\git-credential-manager.exe get"),
            "manager"
        );
    }
}
