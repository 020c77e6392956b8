//! Remediation commands that work where the setting actually lives: `go env -w` for the go/env
//! file, `unset`/`export` plus the profile file for an OS variable. Descriptions come from the
//! catalogs (`i18n/*/remedies.ftl`); the caller's `why` is said inside them.

use super::Remedy;
use crate::config::{Config, Origin};
use crate::i18n::Text;
use crate::text;

/// Shell profile files that most likely set an environment variable, in the order to look.
pub fn profile_files(cfg: &Config) -> Vec<String> {
    let shell = cfg.env.get("SHELL").unwrap_or("");
    let mut files: Vec<&str> = if shell.ends_with("zsh") {
        vec!["~/.zshrc", "~/.zprofile", "~/.zshenv"]
    } else if shell.ends_with("fish") {
        vec!["~/.config/fish/config.fish"]
    } else {
        vec!["~/.bashrc", "~/.bash_profile"]
    };
    files.extend(["~/.profile", "/etc/profile", "/etc/environment"]);
    files.into_iter().map(str::to_owned).collect()
}

/// Shell-quotes a value for a command line (single quotes, POSIX style).
pub fn sh_quote(v: &str) -> String {
    if !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:,=@+%".contains(&b))
    {
        return v.to_owned();
    }
    format!("'{}'", v.replace('\'', r"'\''"))
}

/// Sets `key=value` where go will read it; when an OS variable would override the go/env file,
/// says to change the variable instead. `why` says what the step is for.
pub fn set_go_env(cfg: &Config, key: &str, value: &str, why: Text) -> Vec<Remedy> {
    let origin = cfg.settings.get(key).map(|s| s.origin);
    let kv = sh_quote(&format!("{key}={value}"));
    if origin == Some(Origin::Env) {
        return vec![
            Remedy::run(
                text!("remedy-env-overrides-go-env", why = why, key = key),
                format!("export {kv}"),
            ),
            Remedy::run(
                text!("remedy-env-find-and-change", key = key),
                grep_profiles(cfg, key),
            ),
        ];
    }
    vec![Remedy::run(why, format!("go env -w {kv}"))]
}

/// A GOPRIVATE-style list with `pattern` added, keeping every pattern already there (a fix
/// must not drop the user's other private modules); unchanged when a pattern already matches.
pub fn with_pattern(list: &str, pattern: &str) -> String {
    if crate::config::patterns::match_prefix_patterns(list, pattern) {
        return list.to_owned();
    }
    let kept: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if kept.is_empty() {
        pattern.to_owned()
    } else {
        format!("{},{pattern}", kept.join(","))
    }
}

/// Removes a setting wherever it is set, so go falls back to its default.
pub fn unset_go_env(cfg: &Config, key: &str, why: Text) -> Vec<Remedy> {
    match cfg.settings.get(key).map(|s| s.origin) {
        Some(Origin::Env) => {
            vec![
                Remedy::run(
                    text!("remedy-env-set-in-os", why = why, key = key),
                    format!("unset {key}"),
                ),
                Remedy::run(
                    text!("remedy-env-remove-line", key = key),
                    grep_profiles(cfg, key),
                ),
            ]
        }
        _ => vec![Remedy::run(why, format!("go env -u {key}"))],
    }
}

/// The lines of the shell profiles that name `key`.
fn grep_profiles(cfg: &Config, key: &str) -> String {
    format!(
        "grep -n '{key}' {} 2>/dev/null",
        profile_files(cfg).join(" ")
    )
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
