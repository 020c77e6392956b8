//! Remediation steps as typed actions, rendered into a command line for the user's shell —
//! bash/zsh, fish, PowerShell or cmd — each with its own quoting, and for the system whose
//! files and tools the step names ([`system`]). One renderer for `check`'s fixes, `fix`'s
//! commands and `explain`'s, so all three say the same thing in the same syntax.

mod system;

pub use system::{FileOp, Package, System};

use crate::config::shell::{Shell, Target};

/// What a remediation step does, before it is written in a shell's syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `go env -w KEY=VALUE…`: the go/env file.
    GoEnvWrite(Vec<(String, String)>),
    /// `go env -u KEY…`.
    GoEnvUnset(Vec<String>),
    /// An OS environment variable: this session, and (on Windows) the user's environment.
    SetEnv { key: String, value: String },
    /// An OS variable set from another one (`HTTPS_PROXY` from `HTTP_PROXY`).
    CopyEnv { key: String, from: String },
    /// OS variables removed: this session, and (on Windows) the user's environment.
    UnsetEnv(Vec<String>),
    /// Where an OS variable is likely set: startup files, or the Windows registry.
    FindWhereSet { key: String, files: Vec<String> },
    /// A program and its arguments, each word quoted for the shell.
    Exec(Vec<String>),
    /// A program run with variables set for that run alone (`K=v cmd` in a POSIX shell).
    ExecWith {
        vars: Vec<(String, String)>,
        argv: Vec<String>,
    },
    /// A program with nothing on its standard input (`</dev/null`).
    ExecNoInput(Vec<String>),
    /// A program whose output is thrown away: only its errors show.
    Quiet(Vec<String>),
    /// A program's output, only the lines that hold `needle`.
    Filtered { argv: Vec<String>, needle: String },
    /// The first step, then the second when the first succeeded.
    Then(Box<Action>, Box<Action>),
    /// The first step, else the second when the first failed.
    OrElse(Box<Action>, Box<Action>),
    /// A step in the system's own tools and files, which differ per OS and Linux family.
    System(System),
}

impl Action {
    /// A program and its arguments.
    pub fn exec<S: Into<String>>(words: impl IntoIterator<Item = S>) -> Action {
        Action::Exec(words.into_iter().map(Into::into).collect())
    }

    /// A command written as words separated by single spaces (no quoting inside).
    pub fn words(line: &str) -> Action {
        Action::Exec(split_words(line))
    }

    /// `go env -w KEY=VALUE`.
    pub fn go_env_w(key: &str, value: &str) -> Action {
        Action::GoEnvWrite(vec![(key.to_owned(), value.to_owned())])
    }

    pub fn then(self, next: Action) -> Action {
        Action::Then(Box::new(self), Box::new(next))
    }

    pub fn or_else(self, other: Action) -> Action {
        Action::OrElse(Box::new(self), Box::new(other))
    }

    /// Rewrites every value the step holds (placeholders filled in, credentials replaced).
    pub fn map_values(&mut self, f: &dyn Fn(&str) -> String) {
        let all = |v: &mut Vec<String>| v.iter_mut().for_each(|w| *w = f(w));
        match self {
            Action::GoEnvWrite(pairs) => pairs.iter_mut().for_each(|(_, v)| *v = f(v)),
            Action::SetEnv { value, .. } => *value = f(value),
            Action::Exec(argv) | Action::ExecNoInput(argv) | Action::Quiet(argv) => all(argv),
            Action::ExecWith { vars, argv } => {
                vars.iter_mut().for_each(|(_, v)| *v = f(v));
                all(argv);
            }
            Action::Filtered { argv, needle } => {
                all(argv);
                *needle = f(needle);
            }
            Action::Then(a, b) | Action::OrElse(a, b) => {
                a.map_values(f);
                b.map_values(f);
            }
            Action::System(s) => s.map_values(f),
            Action::GoEnvUnset(_)
            | Action::CopyEnv { .. }
            | Action::UnsetEnv(_)
            | Action::FindWhereSet { .. } => {}
        }
    }

    /// The command for `target`.
    pub fn render(&self, target: Target) -> String {
        let shell = target.shell;
        let q = |v: &str| quote(shell, v);
        let argv = |words: &[String]| program_line(shell, words);
        match self {
            Action::GoEnvWrite(pairs) => {
                let kv: Vec<String> = pairs.iter().map(|(k, v)| q(&format!("{k}={v}"))).collect();
                format!("go env -w {}", kv.join(" "))
            }
            Action::GoEnvUnset(keys) => format!("go env -u {}", keys.join(" ")),
            Action::SetEnv { key, value } => match shell {
                Shell::Posix => format!("export {}", q(&format!("{key}={value}"))),
                Shell::Fish => format!("set -gx {key} {}", q(value)),
                Shell::Powershell => format!(
                    "$env:{key} = {v}; [Environment]::SetEnvironmentVariable('{key}', {v}, 'User')",
                    v = ps_string(value)
                ),
                Shell::Cmd => format!("set {} & setx {key} {}", cmd_string(&format!("{key}={value}")), cmd_string(value)),
            },
            Action::CopyEnv { key, from } => match shell {
                Shell::Posix => format!("export {key}=\"${from}\""),
                Shell::Fish => format!("set -gx {key} ${from}"),
                Shell::Powershell => format!("$env:{key} = $env:{from}"),
                Shell::Cmd => format!("set \"{key}=%{from}%\""),
            },
            Action::UnsetEnv(keys) => match shell {
                Shell::Posix => format!("unset {}", keys.join(" ")),
                Shell::Fish => format!("set -e {}", keys.join(" ")),
                Shell::Powershell => windows_names(keys)
                    .iter()
                    .map(|k| {
                        format!(
                            "Remove-Item Env:{k} -ErrorAction SilentlyContinue; [Environment]::SetEnvironmentVariable('{k}', $null, 'User')"
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                Shell::Cmd => windows_names(keys)
                    .iter()
                    .map(|k| format!("set \"{k}=\" & reg delete HKCU\\Environment /v {k} /f"))
                    .collect::<Vec<_>>()
                    .join(" & "),
            },
            Action::FindWhereSet { key, files } => match shell {
                Shell::Posix | Shell::Fish => {
                    format!("grep -n '{key}' {} 2>/dev/null", files.join(" "))
                }
                Shell::Powershell => format!(
                    "[Environment]::GetEnvironmentVariable('{key}', 'User'); [Environment]::GetEnvironmentVariable('{key}', 'Machine'); Select-String -Path $PROFILE -Pattern '{key}'"
                ),
                Shell::Cmd => format!(
                    "reg query HKCU\\Environment /v {key} & reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment\" /v {key}"
                ),
            },
            Action::Exec(words) => argv(words),
            Action::ExecWith { vars, argv: words } => {
                let line = argv(words);
                match shell {
                    Shell::Posix => {
                        let set: Vec<String> =
                            vars.iter().map(|(k, v)| format!("{k}={}", q(v))).collect();
                        format!("{} {line}", set.join(" "))
                    }
                    Shell::Fish => {
                        let set: Vec<String> =
                            vars.iter().map(|(k, v)| q(&format!("{k}={v}"))).collect();
                        format!("env {} {line}", set.join(" "))
                    }
                    // `$env:` is the whole session's: keep each old value and put it back.
                    Shell::Powershell => {
                        let mut parts: Vec<String> = Vec::new();
                        for (k, v) in vars {
                            parts.push(format!("$was_{k} = $env:{k}"));
                            parts.push(format!("$env:{k} = {}", ps_string(v)));
                        }
                        parts.push(line);
                        parts.extend(vars.iter().map(|(k, _)| format!("$env:{k} = $was_{k}")));
                        parts.join("; ")
                    }
                    // A child cmd keeps the variables to itself; /s keeps the inner quotes.
                    Shell::Cmd => {
                        let set: Vec<String> = vars
                            .iter()
                            .map(|(k, v)| format!("set {}", cmd_string(&format!("{k}={v}"))))
                            .collect();
                        format!("cmd /s /c \"{} && {line}\"", set.join(" && "))
                    }
                }
            }
            Action::ExecNoInput(words) => match shell {
                Shell::Posix | Shell::Fish => format!("{} </dev/null", argv(words)),
                Shell::Powershell => format!("$null | {}", argv(words)),
                Shell::Cmd => format!("{} <nul", argv(words)),
            },
            Action::Quiet(words) => match shell {
                Shell::Posix | Shell::Fish => format!("{} >/dev/null", argv(words)),
                Shell::Powershell => format!("{} | Out-Null", argv(words)),
                Shell::Cmd => format!("{} >nul", argv(words)),
            },
            Action::Filtered { argv: words, needle } => match shell {
                Shell::Posix | Shell::Fish => format!("{} | grep {}", argv(words), q(needle)),
                Shell::Powershell => {
                    format!("{} | Select-String -SimpleMatch {}", argv(words), q(needle))
                }
                Shell::Cmd => format!("{} | findstr /l /c:{}", argv(words), cmd_string(needle)),
            },
            Action::Then(a, b) => match shell {
                // `&&` is PowerShell 7's; `$?` works in Windows PowerShell 5.1 too.
                Shell::Powershell => {
                    format!("{}; if ($?) {{ {} }}", a.render(target), b.render(target))
                }
                _ => format!("{} && {}", a.render(target), b.render(target)),
            },
            Action::OrElse(a, b) => match shell {
                Shell::Powershell => format!(
                    "{}; if (-not $?) {{ {} }}",
                    a.render(target),
                    b.render(target)
                ),
                _ => format!("{} || {}", a.render(target), b.render(target)),
            },
            Action::System(s) => s.render(target),
        }
    }
}

/// A command written as words separated by spaces (no quoting inside), as its words.
pub fn split_words(line: &str) -> Vec<String> {
    line.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Variable names as Windows sees them: one per name whatever its case (`HTTPS_PROXY` and
/// `https_proxy` are the same variable there).
fn windows_names(keys: &[String]) -> Vec<&String> {
    let mut seen: Vec<&String> = Vec::new();
    for k in keys {
        if !seen.iter().any(|s| s.eq_ignore_ascii_case(k)) {
            seen.push(k);
        }
    }
    seen
}

/// A program and its arguments for `shell`. In Windows PowerShell `curl` is an alias of
/// Invoke-WebRequest: the real curl is `curl.exe`.
fn program_line(shell: Shell, words: &[String]) -> String {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i == 0 && shell == Shell::Powershell && w == "curl" {
            out.push("curl.exe".into());
        } else {
            out.push(quote(shell, w));
        }
    }
    out.join(" ")
}

/// A word for `shell`, quoted only when it must be.
pub fn quote(shell: Shell, v: &str) -> String {
    match shell {
        Shell::Posix => sh_quote(v),
        Shell::Fish => fish_quote(v),
        Shell::Powershell => {
            if plain(v, b"-_./:=+") {
                v.to_owned()
            } else {
                ps_string(v)
            }
        }
        Shell::Cmd => {
            if plain(v, b"-_./:=+\\@") {
                v.to_owned()
            } else {
                cmd_string(v)
            }
        }
    }
}

fn plain(v: &str, extra: &[u8]) -> bool {
    !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
}

/// Shell-quotes a value for a POSIX command line (single quotes).
pub fn sh_quote(v: &str) -> String {
    if plain(v, b"-_./:,=@+%") {
        return v.to_owned();
    }
    format!("'{}'", v.replace('\'', r"'\''"))
}

/// fish: inside single quotes only `\` and `'` are special, each escaped with a backslash.
fn fish_quote(v: &str) -> String {
    if plain(v, b"-_./:,=@+%") {
        return v.to_owned();
    }
    format!("'{}'", v.replace('\\', r"\\").replace('\'', r"\'"))
}

/// PowerShell: a verbatim string; a single quote is doubled.
fn ps_string(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}

/// cmd: double quotes keep `|`, `&`, `<`, `>` and `^` literal; a double quote is doubled.
fn cmd_string(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

#[cfg(test)]
mod tests;
