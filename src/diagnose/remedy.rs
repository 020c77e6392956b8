//! Remediation commands that work where the setting actually lives — `go env -w` for the go/env
//! file, `unset`/`export` plus the profile file for an OS variable — written for the user's
//! shell and system. Descriptions come from the catalogs (`i18n/*/remedies.ftl`); the
//! caller's `why` is said inside them.

mod render;

pub use render::{Action, FileOp, Package, System, quote, sh_quote, split_words};

use super::Remedy;
use crate::config::shell::Shell;
use crate::config::{Config, Origin};
use crate::i18n::Text;
use crate::text;

impl Remedy {
    /// A step whose command is `action` in the user's shell.
    pub fn act(cfg: &Config, text: Text, action: Action) -> Self {
        Remedy::run(text, action.render(cfg.target()))
    }
}

/// Shell startup files that most likely set an environment variable, in the order to look.
pub fn profile_files(cfg: &Config) -> Vec<String> {
    let shell = cfg.env.get("SHELL").unwrap_or("");
    let mut files: Vec<&str> = if cfg.shell == Shell::Fish {
        // `set -Ux` keeps universal variables in fish_variables.
        return [
            "~/.config/fish/config.fish",
            "~/.config/fish/fish_variables",
            "/etc/fish/config.fish",
        ]
        .map(str::to_owned)
        .to_vec();
    } else if shell.ends_with("zsh") {
        vec!["~/.zshrc", "~/.zprofile", "~/.zshenv"]
    } else {
        vec!["~/.bashrc", "~/.bash_profile"]
    };
    files.extend(["~/.profile", "/etc/profile", "/etc/environment"]);
    files.into_iter().map(str::to_owned).collect()
}

/// Where `key` is likely set as an OS variable, as a command for the user's shell.
pub fn find_where_set(cfg: &Config, key: &str) -> Action {
    Action::FindWhereSet {
        key: key.to_owned(),
        files: profile_files(cfg),
    }
}

/// Sets `key=value` where go will read it; when an OS variable would override the go/env file,
/// says to change the variable instead. `why` says what the step is for. Nothing when the
/// setting already has that value: a step that changes nothing is no fix.
pub fn set_go_env(cfg: &Config, key: &str, value: &str, why: Text) -> Vec<Remedy> {
    let setting = cfg.settings.get(key);
    if setting.is_some_and(|s| s.value == value) {
        return Vec::new();
    }
    if setting.map(|s| s.origin) == Some(Origin::Env) {
        return vec![
            Remedy::act(
                cfg,
                text!("remedy-env-overrides-go-env", why = why, key = key),
                Action::SetEnv {
                    key: key.to_owned(),
                    value: value.to_owned(),
                },
            ),
            Remedy::act(
                cfg,
                text!("remedy-env-find-and-change", key = key),
                find_where_set(cfg, key),
            ),
        ];
    }
    vec![Remedy::act(
        cfg,
        why,
        Action::GoEnvWrite(vec![(key.to_owned(), value.to_owned())]),
    )]
}

/// A GOPRIVATE-style list with `pattern` added, keeping every pattern already there (a fix
/// must not drop the user's other private modules); unchanged when a pattern already matches.
pub fn with_pattern(list: &str, pattern: &str) -> String {
    with_patterns(list, &[pattern.to_owned()])
}

/// [`with_pattern`] for several patterns: the list's own entries first, each once, then the
/// new ones that nothing in it matches yet.
pub fn with_patterns(list: &str, add: &[String]) -> String {
    let mut kept: Vec<String> = Vec::new();
    for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if !kept.iter().any(|k| k == p) {
            kept.push(p.to_owned());
        }
    }
    for a in add {
        if !crate::config::patterns::match_prefix_patterns(&kept.join(","), a) {
            kept.push(a.clone());
        }
    }
    if kept.join(",") == list.trim() {
        return list.to_owned();
    }
    kept.join(",")
}

/// Removes a setting wherever it is set, so go falls back to its default (nothing when it is
/// not set).
pub fn unset_go_env(cfg: &Config, key: &str, why: Text) -> Vec<Remedy> {
    match cfg.settings.get(key).map(|s| s.origin) {
        Some(Origin::Env) => {
            vec![
                Remedy::act(
                    cfg,
                    text!("remedy-env-set-in-os", why = why, key = key),
                    Action::UnsetEnv(vec![key.to_owned()]),
                ),
                Remedy::act(
                    cfg,
                    text!("remedy-env-remove-line", key = key),
                    find_where_set(cfg, key),
                ),
            ]
        }
        // Not set anywhere: `go env -u` would change nothing.
        None | Some(Origin::Default) => Vec::new(),
        _ => vec![Remedy::act(
            cfg,
            why,
            Action::GoEnvUnset(vec![key.to_owned()]),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::{sh_quote, with_pattern};

    #[test]
    fn a_private_pattern_joins_the_list() {
        assert_eq!(with_pattern("", "git.corp"), "git.corp");
        assert_eq!(
            with_pattern("*.internal,github.com/acme", "git.corp"),
            "*.internal,github.com/acme,git.corp"
        );
        assert_eq!(
            with_pattern(" a.example , ", "git.corp"),
            "a.example,git.corp"
        );
        // Already covered: nothing to add.
        assert_eq!(with_pattern("*.corp", "git.corp"), "*.corp");
        assert_eq!(with_pattern("git.corp", "git.corp"), "git.corp");
    }

    #[test]
    fn merging_keeps_every_entry_once() {
        use super::with_patterns;
        assert_eq!(
            with_patterns("a.example,b.example,a.example", &["c.example".into()]),
            "a.example,b.example,c.example"
        );
        assert_eq!(
            with_patterns(
                "*.corp",
                &["git.corp".into(), "x.example".into(), "x.example".into()]
            ),
            "*.corp,x.example"
        );
        assert_eq!(with_patterns("a.example", &[]), "a.example");
    }

    #[test]
    fn quoting() {
        assert_eq!(
            sh_quote("GOPROXY=https://goproxy.cn,direct"),
            "GOPROXY=https://goproxy.cn,direct"
        );
        assert_eq!(sh_quote("GOPROXY=a|b"), "'GOPROXY=a|b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote(""), "''");
    }
}

/// GOPROXY without the entry `proxy` (compared as go reads entries, redacted), keeping the other
/// entries as written and their separators; None when nothing would be left but `off` or
/// nothing at all.
pub fn goproxy_without(goproxy: &str, proxy: &str) -> Option<String> {
    let as_go = |e: &str| {
        crate::redact::redact_urls(crate::config::goproxy::entry_url(e).trim_end_matches('/'))
    };
    let target = as_go(proxy);
    let mut kept: Vec<(String, char)> = Vec::new();
    let mut entry = String::new();
    for c in goproxy.chars().chain(std::iter::once(',')) {
        if c == ',' || c == '|' {
            let e = entry.trim().to_owned();
            entry.clear();
            if !e.is_empty() && as_go(&e) != target {
                kept.push((e, c));
            }
        } else {
            entry.push(c);
        }
    }
    if kept.len()
        == goproxy
            .split([',', '|'])
            .filter(|e| !e.trim().is_empty())
            .count()
        || kept.iter().all(|(e, _)| e == "off")
    {
        return None;
    }
    let mut out = String::new();
    for (i, (e, _)) in kept.iter().enumerate() {
        if i > 0 {
            // An entry's separator says what go does after it fails: it stays with the entry.
            out.push(kept[i - 1].1);
        }
        out.push_str(e);
    }
    Some(out)
}

#[cfg(test)]
mod goproxy_without_tests {
    use super::goproxy_without;

    #[test]
    fn drops_one_entry_and_keeps_the_separators_of_the_rest() {
        assert_eq!(
            goproxy_without(
                "https://bad.example,https://good.example|direct",
                "https://bad.example"
            ),
            Some("https://good.example|direct".into())
        );
        assert_eq!(
            goproxy_without(
                "https://a.example|https://bad.example/,direct",
                "https://bad.example"
            ),
            Some("https://a.example|direct".into())
        );
        assert_eq!(
            goproxy_without("https://bad.example", "https://bad.example"),
            None
        );
        assert_eq!(
            goproxy_without("https://bad.example,off", "https://bad.example"),
            None
        );
        assert_eq!(
            goproxy_without("https://x.example", "https://bad.example"),
            None
        );
    }
}
