//! A snapshot of the process environment, so every reader works from one consistent, injectable
//! view (tests build one from pairs; the binary takes the real one).
//!
//! Go reads its settings with `os.Getenv`, where an empty value counts as unset. Values that are
//! not valid UTF-8 are kept lossily converted and remembered, so a finding can name them.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Environment {
    vars: BTreeMap<String, String>,
    /// Names whose values were not valid UTF-8 (converted lossily).
    pub non_utf8: Vec<String>,
}

impl Environment {
    pub fn from_process() -> Self {
        Self::from_os_pairs(std::env::vars_os())
    }

    pub fn from_os_pairs(pairs: impl IntoIterator<Item = (OsString, OsString)>) -> Self {
        let mut env = Environment::default();
        for (k, v) in pairs {
            let key = k.to_string_lossy().into_owned();
            let value = match v.into_string() {
                Ok(s) => s,
                Err(raw) => {
                    env.non_utf8.push(key.clone());
                    os_lossy(&raw)
                }
            };
            env.vars.insert(key, value);
        }
        env
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Environment {
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            non_utf8: Vec::new(),
        }
    }

    /// The raw value, empty or not.
    pub fn raw(&self, key: &str) -> Option<&str> {
        self.vars.get(key).map(String::as_str)
    }

    /// Go's notion of "set": present and non-empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.raw(key).filter(|v| !v.is_empty())
    }

    pub fn set(&mut self, key: &str, value: &str) {
        self.vars.insert(key.to_owned(), value.to_owned());
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// `os.UserHomeDir` on Unix: `$HOME`, nothing else.
    pub fn home_dir(&self) -> Option<PathBuf> {
        let key = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
        self.get(key).map(PathBuf::from)
    }

    /// `os.UserConfigDir`: where go looks for its `go/env` file. Go 1.24 started rejecting a
    /// relative `$XDG_CONFIG_HOME` (older go uses it relative to the working directory).
    pub fn user_config_dir(&self, reject_relative_xdg: bool) -> Result<PathBuf, String> {
        if cfg!(windows) {
            return self
                .get("AppData")
                .or_else(|| self.get("APPDATA"))
                .map(PathBuf::from)
                .ok_or_else(|| "%AppData% is not defined".to_owned());
        }
        if cfg!(target_os = "macos") {
            return self
                .get("HOME")
                .map(|h| PathBuf::from(h).join("Library/Application Support"))
                .ok_or_else(|| "$HOME is not defined".to_owned());
        }
        if let Some(xdg) = self.get("XDG_CONFIG_HOME") {
            if reject_relative_xdg && !xdg.starts_with('/') {
                return Err("path in $XDG_CONFIG_HOME is relative".to_owned());
            }
            return Ok(PathBuf::from(xdg));
        }
        self.get("HOME")
            .map(|h| PathBuf::from(h).join(".config"))
            .ok_or_else(|| "neither $XDG_CONFIG_HOME nor $HOME are defined".to_owned())
    }

    /// Splits `PATH` and finds an executable named `name`, as `exec.LookPath` does.
    pub fn look_path(&self, name: &str) -> Option<PathBuf> {
        let path = self.get("PATH")?;
        let sep = if cfg!(windows) { ';' } else { ':' };
        path.split(sep).filter(|d| !d.is_empty()).find_map(|dir| {
            let candidate = PathBuf::from(dir).join(name);
            is_executable(&candidate).then_some(candidate)
        })
    }

    /// `exec.LookPath` as go uses it for toolchains: a match in a relative PATH entry is
    /// exec.ErrDot, which go treats as not found.
    pub fn look_path_absolute(&self, name: &str) -> Option<PathBuf> {
        let path = self.get("PATH")?;
        let sep = if cfg!(windows) { ';' } else { ':' };
        // The first match decides; an empty entry means the current directory.
        path.split(sep)
            .map(|d| if d.is_empty() { "." } else { d })
            .map(|dir| PathBuf::from(dir).join(name))
            .find(|candidate| is_executable(candidate))
            .filter(|p| p.is_absolute())
    }

    /// The `go1.*` programs in absolute PATH directories, as names (`go1.99.0`): what
    /// GOTOOLCHAIN=path may switch to in the middle of a command (`pathToolchains`; relative
    /// entries are refused as exec.ErrDot would).
    pub fn toolchains_on_path(&self) -> Vec<String> {
        let Some(path) = self.get("PATH") else {
            return Vec::new();
        };
        let sep = if cfg!(windows) { ';' } else { ':' };
        let mut out: Vec<String> = Vec::new();
        for dir in path.split(sep).filter(|d| Path::new(d).is_absolute()) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let name = name.strip_suffix(".exe").unwrap_or(&name).to_owned();
                if name.starts_with("go1.")
                    && e.file_type().is_ok_and(|t| !t.is_dir())
                    && is_executable(&e.path())
                    && !out.contains(&name)
                {
                    out.push(name);
                }
            }
        }
        out
    }
}

/// Go's view of bytes that are not UTF-8: each invalid byte becomes one U+FFFD (as
/// `encoding/json` writes them), unlike `String::from_utf8_lossy`, which folds a truncated
/// sequence into one.
pub fn go_lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                bytes = &rest[1..];
            }
        }
    }
}

#[cfg(unix)]
fn os_lossy(s: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    go_lossy(s.as_bytes())
}

#[cfg(not(unix))]
fn os_lossy(s: &std::ffi::OsStr) -> String {
    s.to_string_lossy().into_owned()
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.with_extension("exe").is_file() || path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_as_unset() {
        let env = Environment::from_pairs([("GOPROXY", ""), ("GOSUMDB", "off")]);
        assert_eq!(env.get("GOPROXY"), None);
        assert_eq!(env.raw("GOPROXY"), Some(""));
        assert_eq!(env.get("GOSUMDB"), Some("off"));
    }

    // GO_ENV_NOTES.md §10: a truncated sequence is two U+FFFD in go's JSON.
    #[test]
    fn lossy_per_byte_like_go() {
        assert_eq!(go_lossy(b"a\xffb\xe2\x82c"), "a\u{fffd}b\u{fffd}\u{fffd}c");
        assert_eq!(go_lossy("é☺".as_bytes()), "é☺");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn user_config_dir_follows_go() {
        let env = Environment::from_pairs([("HOME", "/h")]);
        assert_eq!(
            env.user_config_dir(true).unwrap(),
            PathBuf::from("/h/.config")
        );
        let env = Environment::from_pairs([("HOME", "/h"), ("XDG_CONFIG_HOME", "/x")]);
        assert_eq!(env.user_config_dir(true).unwrap(), PathBuf::from("/x"));
        let env = Environment::from_pairs([("HOME", "/h"), ("XDG_CONFIG_HOME", "rel")]);
        assert!(env.user_config_dir(true).is_err());
        assert_eq!(env.user_config_dir(false).unwrap(), PathBuf::from("rel"));
        assert!(Environment::default().user_config_dir(true).is_err());
    }
}
