//! godoctor's own configuration: `godoctor/config.toml` in the OS config directory, then
//! `godoctor.toml` in the project (the project file wins key by key). It names extra mirror
//! candidates, canary modules, the default timeout and comparison resolvers.
//!
//! ```toml
//! mirrors = ["https://goproxy.corp.example"]
//! canary_modules = ["golang.org/x/text@v0.14.0"]
//! timeout = "8s"
//! compare_resolvers = ["tls://127.0.0.1:853#dns.example"]
//! direct_last = true
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::env::Environment;
use crate::redact::Sensitive;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GodoctorToml {
    /// Mirror URLs, which may carry credentials: displayed redacted only.
    #[serde(default)]
    pub mirrors: Vec<Sensitive>,
    #[serde(default)]
    pub canary_modules: Vec<String>,
    pub timeout: Option<String>,
    #[serde(default)]
    pub compare_resolvers: Vec<String>,
    /// Put `direct` last in a recommended GOPROXY (default true).
    pub direct_last: Option<bool>,
}

/// The most mirror candidates godoctor probes (each costs connections and a deadline's share).
pub const MAX_MIRRORS: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub settings: GodoctorToml,
    /// The files that were read.
    pub files: Vec<PathBuf>,
    /// Files that exist but could not be used, with go-style `path: problem` messages.
    pub problems: Vec<String>,
    /// `mirrors` came from the project's godoctor.toml: a repository's word, not the user's,
    /// so `fix` only suggests them (`--trust-project` writes them).
    pub mirrors_from_project: bool,
}

fn read_one(path: &Path) -> Result<Option<GodoctorToml>, String> {
    let read = super::bounded::read(path, super::bounded::GODOCTOR_TOML).and_then(|b| {
        if b.truncated {
            // A cut TOML file would not parse, or worse, parse as something else.
            return Err(std::io::Error::other(super::bounded::InputProblem {
                path: path.to_owned(),
                limit: super::bounded::GODOCTOR_TOML,
                kind: super::bounded::ProblemKind::TooLarge,
            }));
        }
        String::from_utf8(b.data).map_err(std::io::Error::other)
    });
    match read {
        Ok(text) => toml::from_str(&text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Reads the user file then the project file (found upward from `dir`).
pub fn load(env: &Environment, dir: &Path) -> Loaded {
    let mut out = Loaded::default();
    let mut paths = Vec::new();
    if let Ok(cfg) = env.user_config_dir(true) {
        paths.push(cfg.join("godoctor").join("config.toml"));
    }
    let user_files = paths.len();
    if let Some(p) = dir
        .ancestors()
        .map(|d| d.join("godoctor.toml"))
        .find(|p| p.is_file())
    {
        paths.push(p);
    }
    for (i, p) in paths.into_iter().enumerate() {
        match read_one(&p) {
            Ok(Some(t)) => {
                out.files.push(p.clone());
                let s = &mut out.settings;
                if !t.mirrors.is_empty() {
                    s.mirrors = t.mirrors;
                    out.mirrors_from_project = i >= user_files;
                    if s.mirrors.len() > MAX_MIRRORS {
                        out.problems.push(format!(
                            "{}: mirrors: {} entries, godoctor tries the first {MAX_MIRRORS}",
                            p.display(),
                            s.mirrors.len()
                        ));
                        s.mirrors.truncate(MAX_MIRRORS);
                    }
                }
                if !t.canary_modules.is_empty() {
                    s.canary_modules = t.canary_modules;
                }
                if t.timeout.is_some() {
                    s.timeout = t.timeout;
                }
                if !t.compare_resolvers.is_empty() {
                    s.compare_resolvers = t.compare_resolvers;
                }
                if t.direct_last.is_some() {
                    s.direct_last = t.direct_last;
                }
            }
            Ok(None) => {}
            Err(e) => out.problems.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_file_overrides_user_file() {
        let home = tempfile::tempdir().unwrap();
        let proj = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(home.path().join(".config/godoctor")).unwrap();
        std::fs::write(
            home.path().join(".config/godoctor/config.toml"),
            "mirrors = [\"https://a.example\"]\ntimeout = \"5s\"\n",
        )
        .unwrap();
        std::fs::write(
            proj.path().join("godoctor.toml"),
            "mirrors = [\"https://b.example\"]\n",
        )
        .unwrap();
        let env = Environment::from_pairs([("HOME", home.path().to_str().unwrap())]);
        let l = load(&env, proj.path());
        assert_eq!(l.settings.mirrors, vec!["https://b.example"]);
        assert_eq!(l.settings.timeout.as_deref(), Some("5s"));
        assert_eq!(l.files.len(), 2);
    }

    /// Mirrors may carry credentials: they are read raw (for the probes and the GOPROXY `fix`
    /// writes) and only ever displayed, debugged or serialized redacted.
    #[test]
    fn mirrors_are_displayed_redacted_only() {
        let proj = tempfile::tempdir().unwrap();
        std::fs::write(
            proj.path().join("godoctor.toml"),
            "mirrors = [\"https://u:M1rr0rPw@m.example/go\", \"https://open.example\"]\n",
        )
        .unwrap();
        let l = load(&Environment::default(), proj.path());
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        let m = &l.settings.mirrors;
        assert_eq!(m[0].expose(), "https://u:M1rr0rPw@m.example/go");
        assert_eq!(m[0].to_string(), "https://xxxxx@m.example/go");
        assert_eq!(m[1].to_string(), "https://open.example");
        for shown in [
            format!("{l:?}"),
            format!("{m:?}"),
            serde_json::to_string(m).unwrap(),
        ] {
            assert!(!shown.contains("M1rr0rPw"), "{shown}");
        }
    }

    #[test]
    fn bad_files_are_problems_not_panics() {
        let proj = tempfile::tempdir().unwrap();
        std::fs::write(
            proj.path().join("godoctor.toml"),
            "mirrors = 3\nunknown = 1\n",
        )
        .unwrap();
        let l = load(&Environment::default(), proj.path());
        assert_eq!(l.problems.len(), 1);
        assert!(l.problems[0].contains("godoctor.toml"));
    }
}
