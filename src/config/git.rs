//! The user's git configuration, read by the user's own git
//! (`git config --list --show-origin --show-scope -z`), so includeIf, GIT_CONFIG_* and every
//! scope are seen exactly as the git that go runs in `direct` mode sees them.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use super::env::Environment;
use super::process;
use crate::redact::Sensitive;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitEntry {
    pub scope: String,
    pub origin: String,
    /// As git prints it: section and name lower-cased, subsection verbatim.
    pub key: String,
    /// None for a bare boolean key (`[http] sslVerify` with no `=`).
    pub value: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitConfig {
    /// Path of the git that was run; None when git is not on PATH.
    pub git: Option<String>,
    /// Why the config could not be read (git failed, timed out, printed garbage).
    pub error: Option<String>,
    pub entries: Vec<GitEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsteadOf {
    /// The replacement (`url.<base>`): often a URL with a token in it, so displayed redacted.
    pub base: Sensitive,
    /// The prefix it replaces (displayed redacted too).
    pub prefix: Sensitive,
    pub origin: String,
}

impl GitConfig {
    pub fn read(env: &Environment, dir: &Path, deadline: Duration) -> Self {
        let Some(git) = env.look_path("git") else {
            return GitConfig::default();
        };
        let mut cmd = Command::new(&git);
        cmd.env_clear().envs(env.iter()).current_dir(dir).args([
            "config",
            "--list",
            "--show-origin",
            "--show-scope",
            "-z",
        ]);
        let mut cfg = GitConfig {
            git: Some(git.display().to_string()),
            ..GitConfig::default()
        };
        match process::run(cmd, deadline) {
            // Exit 1 with no output: no config at all.
            Ok(out) if out.status.success() || out.stdout.is_empty() && out.stderr.is_empty() => {
                cfg.entries = parse_list(&out.stdout);
            }
            Ok(out) => cfg.error = Some(String::from_utf8_lossy(&out.stderr).trim().to_owned()),
            Err(e) => cfg.error = Some(e.to_string()),
        }
        cfg
    }

    pub fn get_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a GitEntry> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.key.eq_ignore_ascii_case(key))
    }

    /// The last value wins in git.
    pub fn get<'a>(&'a self, key: &'a str) -> Option<&'a GitEntry> {
        self.get_all(key).last()
    }

    pub fn insteadof_rules(&self) -> Vec<InsteadOf> {
        self.entries
            .iter()
            .filter_map(|e| {
                let rest = e.key.strip_prefix("url.")?;
                let base = rest.strip_suffix(".insteadof")?;
                Some(InsteadOf {
                    base: Sensitive::remote(base),
                    prefix: Sensitive::remote(e.value.clone()?),
                    origin: e.origin.clone(),
                })
            })
            .collect()
    }

    /// git's rewrite: the longest matching `insteadOf` prefix wins.
    pub fn rewrite(&self, url: &str) -> Option<(String, InsteadOf)> {
        self.insteadof_rules()
            .into_iter()
            .filter(|r| !r.prefix.is_empty() && url.starts_with(r.prefix.expose()))
            .max_by_key(|r| r.prefix.expose().len())
            .map(|r| {
                let rest = &url[r.prefix.expose().len()..];
                (format!("{}{rest}", r.base.expose()), r)
            })
    }

    /// Entries that turn TLS verification off: `http.sslVerify=false`, `http.<url>.sslVerify=false`.
    pub fn ssl_verify_off(&self) -> Vec<&GitEntry> {
        self.entries
            .iter()
            .filter(|e| e.key.starts_with("http.") && e.key.ends_with(".sslverify"))
            .filter(|e| e.value.as_deref().is_some_and(is_false))
            .collect()
    }

    /// http.proxy, https.proxy and http.<url>.proxy.
    pub fn proxies(&self) -> Vec<&GitEntry> {
        self.entries
            .iter()
            .filter(|e| {
                (e.key.starts_with("http.") || e.key.starts_with("https."))
                    && e.key.ends_with(".proxy")
                    || e.key == "http.proxy"
                    || e.key == "https.proxy"
            })
            .collect()
    }
}

/// git's boolean "false" spellings.
pub fn is_false(v: &str) -> bool {
    matches!(
        v.to_ascii_lowercase().as_str(),
        "false" | "no" | "off" | "0" | ""
    )
}

/// Parses `scope\0origin\0key\nvalue\0` records (or `key\0` for a bare key).
pub fn parse_list(data: &[u8]) -> Vec<GitEntry> {
    let fields: Vec<String> = data
        .split(|&b| b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let mut entries = Vec::new();
    let mut it = fields.chunks_exact(3);
    for chunk in &mut it {
        let (key, value) = match chunk[2].split_once('\n') {
            Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
            None => (chunk[2].clone(), None),
        };
        if key.is_empty() {
            continue;
        }
        entries.push(GitEntry {
            scope: chunk[0].clone(),
            origin: chunk[1].clone(),
            key,
            value,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GitConfig {
        let data = b"global\0file:/home/u/.gitconfig\0url.git@github.com:.insteadof\nhttps://github.com/\0global\0file:/home/u/.gitconfig\0url.ssh://git@git.corp.example/.insteadof\nhttps://git.corp.example/\0global\0file:/home/u/.gitconfig\0url.ssh://git@git.corp.example/team/.insteadof\nhttps://git.corp.example/team/\0system\0file:/etc/gitconfig\0http.sslverify\nfalse\0local\0file:.git/config\0core.bare\0global\0file:/home/u/.gitconfig\0http.https://git.corp.example.proxy\nhttp://p:3128\0";
        GitConfig {
            git: Some("git".into()),
            error: None,
            entries: parse_list(data),
        }
    }

    #[test]
    fn parses_records() {
        let c = sample();
        assert_eq!(c.entries.len(), 6);
        assert_eq!(c.entries[4].key, "core.bare");
        assert_eq!(c.entries[4].value, None);
        assert_eq!(c.entries[3].scope, "system");
    }

    #[test]
    fn rewrites_with_longest_prefix() {
        let c = sample();
        let (url, rule) = c.rewrite("https://github.com/user/repo").unwrap();
        assert_eq!(url, "git@github.com:user/repo");
        assert_eq!(rule.origin, "file:/home/u/.gitconfig");
        let (url, _) = c.rewrite("https://git.corp.example/team/x").unwrap();
        assert_eq!(url, "ssh://git@git.corp.example/team/x");
        assert!(c.rewrite("https://gitlab.com/x").is_none());
    }

    /// A rewrite that puts a token in the URL (`url.https://x-access-token:T@github.com/`):
    /// the rule displays, debugs and serializes redacted; the rewritten URL, which git is
    /// handed, keeps it. An scp-like SSH user stays visible.
    #[test]
    fn insteadof_urls_are_displayed_redacted_only() {
        let data = b"global\0file:/home/u/.gitconfig\0url.https://x-access-token:Gh0Tok3n@github.com/.insteadof\nhttps://github.com/\0global\0file:/home/u/.gitconfig\0url.git@git.corp.example:.insteadof\nhttps://u:Pr3fixPw@git.corp.example/\0";
        let c = GitConfig {
            git: Some("git".into()),
            error: None,
            entries: parse_list(data),
        };
        let rules = c.insteadof_rules();
        assert_eq!(rules.len(), 2);
        for shown in [
            format!("{rules:?}"),
            rules[0].base.to_string(),
            rules[1].prefix.to_string(),
            serde_json::to_string(&rules[0].base).unwrap(),
        ] {
            assert!(!shown.contains("Gh0Tok3n"), "{shown}");
            assert!(!shown.contains("Pr3fixPw"), "{shown}");
        }
        assert_eq!(rules[0].base.to_string(), "https://xxxxx@github.com/");
        assert_eq!(rules[1].base.to_string(), "git@git.corp.example:");
        let (url, _) = c.rewrite("https://github.com/a/b").unwrap();
        assert_eq!(url, "https://x-access-token:Gh0Tok3n@github.com/a/b");
        let (url, _) = c
            .rewrite("https://u:Pr3fixPw@git.corp.example/team/x")
            .unwrap();
        assert_eq!(url, "git@git.corp.example:team/x");
    }

    #[test]
    fn finds_unsafe_and_proxy_settings() {
        let c = sample();
        assert_eq!(c.ssl_verify_off().len(), 1);
        assert_eq!(c.proxies().len(), 1);
    }

    #[test]
    fn garbage_never_panics() {
        for d in [
            &b""[..],
            b"\0",
            b"\0\0",
            b"a\0b",
            b"\xff\0\xfe\0\n\n\0",
            b"x\0y\0\0",
        ] {
            let _ = parse_list(d);
        }
    }
}
