//! Remediation commands that work where the setting actually lives: `go env -w` for the go/env
//! file, `unset`/`export` plus the profile file for an OS variable.

use super::{Remedy, Said};
use crate::config::{Config, Origin};
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
/// says to change the variable instead. `why` is a catalog text, or English (legacy).
pub fn set_go_env(cfg: &Config, key: &str, value: &str, why: impl Into<Said>) -> Vec<Remedy> {
    let origin = cfg.settings.get(key).map(|s| s.origin);
    let kv = sh_quote(&format!("{key}={value}"));
    let why = why.into();
    if origin == Some(Origin::Env) {
        let export = match why {
            Said::Text(why) => Said::Text(text!("remedy-os-env-overrides", why = why, key = key)),
            Said::English(why) => Said::English(format!(
                "{why} ({key} comes from the OS environment, which overrides `go env -w`)"
            )),
        };
        return vec![
            Remedy::run(export, format!("export {kv}")),
            Remedy::run(
                text!("remedy-permanent-change", key = key),
                format!(
                    "grep -n '{key}' {} 2>/dev/null",
                    profile_files(cfg).join(" ")
                ),
            ),
        ];
    }
    vec![Remedy::run(why, format!("go env -w {kv}"))]
}

/// Removes a setting wherever it is set, so go falls back to its default. `why` is a catalog
/// text, or English (legacy).
pub fn unset_go_env(cfg: &Config, key: &str, why: impl Into<Said>) -> Vec<Remedy> {
    let why = why.into();
    match cfg.settings.get(key).map(|s| s.origin) {
        Some(Origin::Env) => {
            let unset = match why {
                Said::Text(why) => Said::Text(text!("remedy-os-env-set", why = why, key = key)),
                Said::English(why) => {
                    Said::English(format!("{why} ({key} is set in the OS environment)"))
                }
            };
            vec![
                Remedy::run(unset, format!("unset {key}")),
                Remedy::run(
                    text!("remedy-permanent-remove", key = key),
                    format!(
                        "grep -n '{key}' {} 2>/dev/null",
                        profile_files(cfg).join(" ")
                    ),
                ),
            ]
        }
        _ => vec![Remedy::run(why, format!("go env -u {key}"))],
    }
}

#[cfg(test)]
mod tests {
    use super::sh_quote;

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
