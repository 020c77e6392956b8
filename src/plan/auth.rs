//! The credentials go sends with its requests (docs/go/semantics.md §8): netrc entries, when GOAUTH
//! (Go ≥ 1.24) lists `netrc` or go predates GOAUTH, matched by URL prefix (Go ≥ 1.24,
//! `loadCredential`) or by host name (older go), and only on https. Input: the [`Config`];
//! the probes ask [`Credentials::login_for`] before each request.

use std::collections::HashMap;

use crate::config::Config;
use crate::config::gourl;
use crate::config::netrc::Login;

/// The netrc logins go would use, and how it matches them to a URL.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    pub logins: Vec<Login>,
    /// Go ≥ 1.24 keys credentials by URL prefix (`host[:port][/path]`); older go by host name.
    pub by_prefix: bool,
    /// Each machine's login: the first line that names it, as every go takes (a lookup per
    /// request, not a scan of the file).
    first: HashMap<String, usize>,
}

impl Credentials {
    /// What the go whose rules apply takes from netrc.
    pub fn from_config(cfg: &Config) -> Self {
        let by_prefix = cfg.rules_version.at_least(1, 24);
        let netrc = !by_prefix || cfg.get("GOAUTH").split(';').any(|c| c.trim() == "netrc");
        let logins = if netrc {
            cfg.netrc.logins.clone()
        } else {
            Vec::new()
        };
        Credentials::new(logins, by_prefix)
    }

    pub fn new(logins: Vec<Login>, by_prefix: bool) -> Self {
        let mut first = HashMap::with_capacity(logins.len());
        for (i, l) in logins.iter().enumerate() {
            first.entry(l.machine.clone()).or_insert(i);
        }
        Credentials {
            logins,
            by_prefix,
            first,
        }
    }

    fn machine(&self, name: &str) -> Option<&Login> {
        self.first.get(name).map(|&i| &self.logins[i])
    }

    /// The netrc login go sends with `url`, if any (https only).
    pub fn login_for(&self, url: &str) -> Option<&Login> {
        let u = gourl::parse(url).ok()?;
        if u.scheme != "https" {
            return None;
        }
        if !self.by_prefix {
            return self.machine(u.hostname());
        }
        // loadCredential: the URL without `https://`, cut back at each `/` (userinfo and port
        // stay part of the key, as in go).
        let mut key = url
            .strip_prefix("https://")
            .unwrap_or(url)
            .trim_end_matches('/');
        loop {
            if let Some(l) = self.machine(key) {
                return Some(l);
            }
            key = &key[..key.rfind('/')?];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_match_as_each_go_matches_them() {
        let login = |machine: &str| Login {
            machine: machine.into(),
            login: "u".into(),
            password: "p".into(),
        };
        let machine = |c: &Credentials, url: &str| c.login_for(url).map(|l| l.machine.clone());
        let old = Credentials::new(vec![login("corp.example")], false);
        // go < 1.24: the host name, port ignored; https only.
        assert_eq!(
            machine(&old, "https://corp.example:8443/m/@v/list").as_deref(),
            Some("corp.example")
        );
        assert_eq!(machine(&old, "http://corp.example/m/@v/list"), None);
        let new = Credentials::new(
            vec![login("corp.example/private"), login("other.example:8443")],
            true,
        );
        // go ≥ 1.24: URL prefixes, port and path included.
        assert_eq!(
            machine(&new, "https://corp.example/private/m/@v/list").as_deref(),
            Some("corp.example/private")
        );
        assert_eq!(machine(&new, "https://corp.example/public/m/@v/list"), None);
        assert_eq!(
            machine(&new, "https://other.example:8443/x?go-get=1").as_deref(),
            Some("other.example:8443")
        );
        assert_eq!(machine(&new, "https://other.example/x"), None);
    }

    /// A machine named twice: every go takes its first line (go ≥ 1.24 stores the lines in
    /// reverse so that the first one stays).
    #[test]
    fn the_first_line_for_a_machine_wins() {
        let login = |machine: &str, user: &str| Login {
            machine: machine.into(),
            login: user.into(),
            password: "p".into(),
        };
        for by_prefix in [false, true] {
            let c = Credentials::new(
                vec![
                    login("other.example", "x"),
                    login("corp.example", "first"),
                    login("corp.example", "second"),
                ],
                by_prefix,
            );
            let got = c
                .login_for("https://corp.example/m/@v/list")
                .map(|l| l.login.as_str());
            assert_eq!(got, Some("first"), "by_prefix: {by_prefix}");
        }
    }
}
