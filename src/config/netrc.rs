//! The user's netrc: which hosts have credentials, and the credentials go would send. The
//! credentials live only in memory for the probes' `Authorization` headers and never print.
//!
//! A port of cmd/go's `parseNetrc` (docs/go/semantics.md §8 ".netrc and GOAUTH"): `$NETRC`, else
//! `~/.netrc`; `macdef` bodies skipped; `default` stops parsing; only entries with machine,
//! login and password count.

use std::collections::HashSet;
use std::path::PathBuf;

use super::env::Environment;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetrcInfo {
    pub path: Option<PathBuf>,
    pub exists: bool,
    /// Machines with a complete login + password.
    pub machines: Machines,
    /// In file order; go uses the first entry for a machine.
    pub logins: Vec<Login>,
    /// Why the file could not be read (permissions, not UTF-8).
    pub error: Option<String>,
}

/// The machines of a netrc, in file order (each once), with a set of their names in ASCII lower
/// case built once: every planned module and probed host asks whether its host has
/// credentials, and a scan of the list each time would be quadratic (a 1 MiB netrc holds some
/// 30,000 machines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Machines {
    names: Vec<String>,
    lower: HashSet<String>,
}

impl Machines {
    /// `host` has credentials, compared as go compares hosts with netrc machines (ASCII case
    /// ignored).
    pub fn contains(&self, host: &str) -> bool {
        if self.lower.is_empty() {
            return false;
        }
        if host.bytes().any(|b| b.is_ascii_uppercase()) {
            self.lower.contains(&host.to_ascii_lowercase())
        } else {
            self.lower.contains(host)
        }
    }

    /// The machines in file order, as the netrc spells them.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

impl From<Vec<String>> for Machines {
    fn from(names: Vec<String>) -> Self {
        let lower = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        Machines { names, lower }
    }
}

impl std::ops::Deref for Machines {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.names
    }
}

/// One complete `machine … login … password …` entry.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Login {
    pub machine: String,
    pub login: String,
    pub password: String,
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Tokens often sit in the login field too.
        write!(f, "Login({}, credentials hidden)", self.machine)
    }
}

pub fn locate(env: &Environment) -> Option<PathBuf> {
    if let Some(p) = env.get("NETRC") {
        return Some(PathBuf::from(p));
    }
    let name = if cfg!(windows) { "_netrc" } else { ".netrc" };
    env.home_dir().map(|h| h.join(name))
}

/// At most [`super::bounded::NETRC`] is read; a file too large or not regular is recorded in
/// `log` (and one that is not regular reads as absent).
pub fn read(env: &Environment, log: &super::bounded::InputLog) -> NetrcInfo {
    let path = locate(env);
    let mut info = NetrcInfo {
        path: path.clone(),
        ..NetrcInfo::default()
    };
    let Some(path) = path else { return info };
    match super::bounded::read_logged(&path, super::bounded::NETRC, log) {
        Ok(data) => {
            info.exists = true;
            info.logins = logins(&String::from_utf8_lossy(&data));
            info.machines = Machines::from(machines_of(&info.logins));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if super::bounded::problem_of(&e).is_some() => {}
        Err(e) => info.error = Some(e.to_string()),
    }
    info
}

/// The machines go would find credentials for.
pub fn machines(data: &str) -> Vec<String> {
    machines_of(&logins(data))
}

fn machines_of(logins: &[Login]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    logins
        .iter()
        .filter(|l| seen.insert(l.machine.as_str()))
        .map(|l| l.machine.clone())
        .collect()
}

pub fn logins(data: &str) -> Vec<Login> {
    let mut out = Vec::new();
    let mut l = Login::default();
    let mut in_macro = false;
    'lines: for line in data.split('\n') {
        if in_macro {
            if line.is_empty() {
                in_macro = false;
            }
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        let mut i = 0;
        while i + 1 < f.len() {
            let value = f[i + 1].to_owned();
            match f[i] {
                "machine" => {
                    l = Login {
                        machine: value,
                        ..Login::default()
                    }
                }
                "login" => l.login = value,
                "password" => l.password = value,
                "macdef" => in_macro = true,
                _ => {}
            }
            if !l.machine.is_empty() && !l.login.is_empty() && !l.password.is_empty() {
                out.push(std::mem::take(&mut l));
            }
            i += 2;
        }
        if f.get(i) == Some(&"default") {
            break 'lines;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        let data = "machine git.corp.example login u password p\nmachine half.example login u\nmachine multi.example\n  login u\n  password p\nmacdef init\nmachine hidden.example login u password p\n\nmachine after.example login u password p\ndefault\nmachine ignored.example login u password p\n";
        assert_eq!(
            machines(data),
            vec!["git.corp.example", "multi.example", "after.example"]
        );
    }

    // go pairs tokens: `default login a password b` on one line is read as pairs and does not
    // stop parsing; `default` alone at the end of a line does.
    #[test]
    fn first_entry_for_a_machine_wins_and_debug_hides_the_password() {
        let l = logins(
            "machine a.example login u1 password s3cret\nmachine a.example login u2 password p2\n",
        );
        assert_eq!(l.len(), 2);
        assert_eq!(
            (l[0].login.as_str(), l[0].password.as_str()),
            ("u1", "s3cret")
        );
        assert!(!format!("{l:?}").contains("s3cret"));
        assert_eq!(machines_of(&l), vec!["a.example"]);
    }

    #[test]
    fn default_quirk_matches_go() {
        let data = "default login a password b\nmachine m.example login u password p\n";
        assert_eq!(machines(data), vec!["m.example"]);
    }

    #[test]
    fn never_panics() {
        for d in [
            "",
            "machine",
            "machine\n",
            "default",
            "login x password",
            "macdef",
        ] {
            let _ = machines(d);
        }
    }
}
