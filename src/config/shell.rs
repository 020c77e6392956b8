//! The user's shell, for remediation commands they can paste as they are: bash/zsh (POSIX),
//! fish, PowerShell or cmd. Detected from the environment (`--shell` overrides), together with
//! the operating system whose go/env location the commands describe.

use super::env::Environment;

/// Which shell's syntax remediation commands use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shell {
    /// sh, bash, zsh, ksh, dash: `export`/`unset`.
    #[value(alias = "bash", alias = "zsh", alias = "sh")]
    Posix,
    /// fish: `set -gx`/`set -e`.
    Fish,
    /// Windows PowerShell and pwsh: `$env:` and `[Environment]::SetEnvironmentVariable`.
    #[value(alias = "pwsh")]
    Powershell,
    /// Windows cmd.exe: `set` and `setx`.
    Cmd,
}

impl Shell {
    /// The shell the user most likely types in, from the variables shells and terminals set.
    /// On Unix `$SHELL` (the login shell) decides; PowerShell on Unix is recognised by
    /// `$SHELL` too. On Windows a POSIX shell (Git Bash, MSYS2) sets `$SHELL`; PowerShell
    /// puts its own module directory in `PSModulePath` (cmd inherits only the system's).
    pub fn detect(env: &Environment, os: Os) -> Shell {
        let shell = env.get("SHELL").unwrap_or("").to_ascii_lowercase();
        let base = shell
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .trim_end_matches(".exe");
        match base {
            "fish" => return Shell::Fish,
            "pwsh" | "powershell" => return Shell::Powershell,
            "" => {}
            _ => return Shell::Posix,
        }
        if os != Os::Windows {
            return Shell::Posix;
        }
        let ps = env
            .get("PSModulePath")
            .or_else(|| env.get("PSMODULEPATH"))
            .unwrap_or("");
        // PowerShell prepends the user's Documents\…PowerShell\Modules to the system value.
        let user_modules = ps
            .split(';')
            .any(|p| p.to_ascii_lowercase().contains("documents"));
        if user_modules {
            Shell::Powershell
        } else {
            Shell::Cmd
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Posix => "posix",
            Shell::Fish => "fish",
            Shell::Powershell => "powershell",
            Shell::Cmd => "cmd",
        }
    }

    /// The operating system the commands are for: PowerShell and cmd mean Windows (their
    /// users' go/env is under %AppData%); a POSIX shell or fish keeps the host's.
    pub fn os(self, host: Os) -> Os {
        match self {
            Shell::Powershell | Shell::Cmd => Os::Windows,
            Shell::Posix | Shell::Fish if host == Os::Windows => Os::Windows,
            _ => host,
        }
    }
}

/// An operating system as far as go's file locations differ (`os.UserConfigDir`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Unix,
    MacOs,
    Windows,
}

impl Os {
    pub fn host() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Unix
        }
    }

    /// Where `go env -w` writes on this system (GOENV unset), as the user would type it.
    pub fn goenv_path_hint(self) -> &'static str {
        match self {
            Os::Unix => "$XDG_CONFIG_HOME/go/env (default ~/.config/go/env)",
            Os::MacOs => "~/Library/Application Support/go/env",
            Os::Windows => r"%AppData%\go\env",
        }
    }
}

/// A Linux distribution family, as far as commands differ between them: where a CA goes, which
/// command rebuilds the bundle go reads, which package manager installs a missing tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distro {
    /// Debian, Ubuntu and their derivatives: `apt-get`, `update-ca-certificates`.
    Debian,
    /// Fedora, RHEL, CentOS, Rocky, Alma, Amazon Linux: `dnf`, `update-ca-trust`.
    Fedora,
    /// openSUSE and SLES: `zypper`, `/etc/pki/trust/anchors`.
    Suse,
    /// Alpine: `apk`.
    Alpine,
    /// Arch and Manjaro: `pacman`, `trust anchor`.
    Arch,
    /// Anything else, or no os-release file: Debian's commands, the most common.
    Other,
}

impl Distro {
    /// This machine's family, from `/etc/os-release` (read bounded; Other when unreadable),
    /// read once and only when a command needs it.
    pub fn host() -> Distro {
        static HOST: std::sync::OnceLock<Distro> = std::sync::OnceLock::new();
        *HOST.get_or_init(Distro::read_host)
    }

    fn read_host() -> Distro {
        if Os::host() != Os::Unix {
            return Distro::Other;
        }
        const OS_RELEASE: super::bounded::Limit = super::bounded::Limit {
            what: "os-release",
            bytes: 64 << 10,
            go_reads_whole: false,
        };
        ["/etc/os-release", "/usr/lib/os-release"]
            .iter()
            .find_map(|p| super::bounded::read(std::path::Path::new(p), OS_RELEASE).ok())
            .map(|b| Distro::from_os_release(&String::from_utf8_lossy(&b.data)))
            .unwrap_or(Distro::Other)
    }

    /// The family named by os-release's `ID`, else by the first of `ID_LIKE` that is known.
    pub fn from_os_release(text: &str) -> Distro {
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix(key)?.strip_prefix('='))
                .map(|v| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
                .unwrap_or_default()
        };
        let id = field("ID");
        let like = field("ID_LIKE");
        std::iter::once(id.as_str())
            .chain(like.split_whitespace())
            .find_map(|name| match name {
                "debian" | "ubuntu" | "linuxmint" | "pop" | "raspbian" | "kali" => {
                    Some(Distro::Debian)
                }
                "fedora" | "rhel" | "centos" | "rocky" | "almalinux" | "amzn" | "ol" => {
                    Some(Distro::Fedora)
                }
                "opensuse" | "opensuse-leap" | "opensuse-tumbleweed" | "sles" | "suse" => {
                    Some(Distro::Suse)
                }
                "alpine" => Some(Distro::Alpine),
                "arch" | "manjaro" | "endeavouros" => Some(Distro::Arch),
                _ => None,
            })
            .unwrap_or(Distro::Other)
    }
}

/// Where remediation commands will be typed: the shell's syntax, and the system whose files and
/// tools they name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub shell: Shell,
    pub os: Os,
    /// Meaningful when `os` is [`Os::Unix`].
    pub distro: Distro,
}

impl Target {
    /// Commands in `shell` on this machine (`host`, `distro`): PowerShell and cmd mean Windows.
    pub fn new(shell: Shell, host: Os, distro: Distro) -> Target {
        let os = shell.os(host);
        Target {
            shell,
            os,
            distro: if os == Os::Unix {
                distro
            } else {
                Distro::Other
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Environment {
        Environment::from_os_pairs(pairs.iter().map(|(k, v)| (k.into(), v.into())))
    }

    #[test]
    fn detects_the_shell() {
        assert_eq!(Shell::detect(&env(&[]), Os::Unix), Shell::Posix);
        let bash = env(&[("SHELL", "/bin/bash")]);
        assert_eq!(Shell::detect(&bash, Os::Unix), Shell::Posix);
        let zsh = env(&[("SHELL", "/usr/bin/zsh")]);
        assert_eq!(Shell::detect(&zsh, Os::MacOs), Shell::Posix);
        let fish = env(&[("SHELL", "/usr/local/bin/fish")]);
        assert_eq!(Shell::detect(&fish, Os::Unix), Shell::Fish);
        let pwsh = env(&[("SHELL", "/opt/microsoft/powershell/7/pwsh")]);
        assert_eq!(Shell::detect(&pwsh, Os::Unix), Shell::Powershell);
        let ps_on_windows = env(&[(
            "PSModulePath",
            r"C:\Users\me\Documents\WindowsPowerShell\Modules;C:\Program Files\WindowsPowerShell\Modules",
        )]);
        assert_eq!(
            Shell::detect(&ps_on_windows, Os::Windows),
            Shell::Powershell
        );
        let cmd = env(&[
            (
                "PSModulePath",
                r"C:\Program Files\WindowsPowerShell\Modules",
            ),
            ("ComSpec", r"C:\Windows\system32\cmd.exe"),
        ]);
        assert_eq!(Shell::detect(&cmd, Os::Windows), Shell::Cmd);
        let git_bash = env(&[("SHELL", "/usr/bin/bash")]);
        assert_eq!(Shell::detect(&git_bash, Os::Windows), Shell::Posix);
        // PSModulePath alone on Linux (a pwsh that started bash) does not make it PowerShell.
        assert_eq!(Shell::detect(&ps_on_windows, Os::Unix), Shell::Posix);
    }

    #[test]
    fn reads_the_distribution_family() {
        let ubuntu = "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\n";
        assert_eq!(Distro::from_os_release(ubuntu), Distro::Debian);
        let rocky = "ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n";
        assert_eq!(Distro::from_os_release(rocky), Distro::Fedora);
        // An ID godoctor does not know: the first known family it is like.
        let derivative = "ID=somedistro\nID_LIKE=\"suse opensuse\"\n";
        assert_eq!(Distro::from_os_release(derivative), Distro::Suse);
        assert_eq!(Distro::from_os_release("ID=alpine\n"), Distro::Alpine);
        assert_eq!(Distro::from_os_release("ID=arch\n"), Distro::Arch);
        assert_eq!(Distro::from_os_release("ID=nixos\n"), Distro::Other);
        assert_eq!(Distro::from_os_release(""), Distro::Other);
        // ID_LIKE is not ID.
        assert_eq!(
            Distro::from_os_release("ID_LIKE=debian\nID=fedora\n"),
            Distro::Fedora
        );
    }

    #[test]
    fn a_windows_shell_targets_windows() {
        let t = Target::new(Shell::Powershell, Os::Unix, Distro::Fedora);
        assert_eq!((t.os, t.distro), (Os::Windows, Distro::Other));
        let t = Target::new(Shell::Posix, Os::Unix, Distro::Fedora);
        assert_eq!((t.os, t.distro), (Os::Unix, Distro::Fedora));
    }

    #[test]
    fn go_env_locations() {
        assert_eq!(Shell::Cmd.os(Os::Unix), Os::Windows);
        assert_eq!(Shell::Fish.os(Os::MacOs), Os::MacOs);
        assert!(Os::Windows.goenv_path_hint().starts_with("%AppData%"));
        assert!(Os::MacOs.goenv_path_hint().contains("Application Support"));
        assert!(Os::Unix.goenv_path_hint().contains(".config/go/env"));
    }
}
