//! Which hosts have credentials in the user's netrc — never the credentials themselves.
//!
//! A port of cmd/go's `parseNetrc` (go-semantics.md §8 ".netrc and GOAUTH"): `$NETRC`, else
//! `~/.netrc`; `macdef` bodies skipped; `default` stops parsing; only entries with machine,
//! login and password count.

use std::path::PathBuf;

use super::env::Environment;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetrcInfo {
    pub path: Option<PathBuf>,
    pub exists: bool,
    /// Machines with a complete login + password.
    pub machines: Vec<String>,
    /// Why the file could not be read (permissions, not UTF-8).
    pub error: Option<String>,
}

pub fn locate(env: &Environment) -> Option<PathBuf> {
    if let Some(p) = env.get("NETRC") {
        return Some(PathBuf::from(p));
    }
    let name = if cfg!(windows) { "_netrc" } else { ".netrc" };
    env.home_dir().map(|h| h.join(name))
}

pub fn read(env: &Environment) -> NetrcInfo {
    let path = locate(env);
    let mut info = NetrcInfo {
        path: path.clone(),
        ..NetrcInfo::default()
    };
    let Some(path) = path else { return info };
    match std::fs::read(&path) {
        Ok(data) => {
            info.exists = true;
            info.machines = machines(&String::from_utf8_lossy(&data));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => info.error = Some(e.to_string()),
    }
    info
}

/// The machines go would find credentials for.
pub fn machines(data: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (mut machine, mut login, mut password) = (String::new(), false, false);
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
            match f[i] {
                "machine" => (machine, login, password) = (f[i + 1].to_owned(), false, false),
                "login" => login = true,
                "password" => password = true,
                "macdef" => in_macro = true,
                _ => {}
            }
            if !machine.is_empty() && login && password {
                if !out.contains(&machine) {
                    out.push(machine.clone());
                }
                (machine, login, password) = (String::new(), false, false);
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
