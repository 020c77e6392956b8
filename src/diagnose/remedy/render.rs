//! Remediation steps as typed actions, rendered into a command line for the user's shell —
//! bash/zsh, fish, PowerShell or cmd — each with its own quoting. One renderer for `check`'s
//! fixes and `fix`'s commands, so both say the same thing in the same syntax.

use crate::config::shell::Shell;

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
    /// A command that reads the same in every shell it applies to.
    Run(String),
}

impl Action {
    pub fn render(&self, shell: Shell) -> String {
        let q = |v: &str| quote(shell, v);
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
                Shell::Powershell => keys
                    .iter()
                    .map(|k| {
                        format!(
                            "Remove-Item Env:{k} -ErrorAction SilentlyContinue; [Environment]::SetEnvironmentVariable('{k}', $null, 'User')"
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                Shell::Cmd => keys
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
            Action::Run(c) => c.clone(),
        }
    }
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
