//! Steps in the system's own tools and files: how a name resolves, the clock, the CA store, the
//! netrc file, a package to install. These differ per operating system — and on Linux per
//! family (where a CA goes, which package manager) — as well as per shell.

use super::{cmd_string, program_line, ps_string, quote};
use crate::config::shell::{Distro, Os, Shell, Target};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum System {
    /// How the system resolver answers for a host (the resolver go uses).
    LookUpHost(String),
    /// The DNS servers the system asks.
    ShowNameservers,
    /// The host's lines in the hosts file.
    FindInHostsFile(String),
    /// The routing table (`v6`: IPv6's).
    ShowRoutes { v6: bool },
    /// The clock in UTC, and whether it is kept in sync.
    ShowClock,
    /// Turns on time sync.
    SyncClock,
    /// The environment variables whose names start with one of these.
    ShowEnv(Vec<String>),
    /// The proxy variables (`*_proxy`, any case).
    ShowProxyEnv,
    /// Where a program is found on PATH.
    FindProgram(String),
    /// A netrc entry for the host with placeholder credentials, in the file go reads.
    AddNetrc(String),
    /// The host's lines in the netrc file go reads.
    FindInNetrc(String),
    /// The host's SSH key, added to known_hosts.
    AddKnownHost(String),
    /// A CA certificate file trusted where go reads the system's roots.
    TrustCa(String),
    /// A CA bundle for go alone: the system's roots and the file, named by SSL_CERT_FILE (go
    /// reads SSL_CERT_FILE on Linux and the BSDs only).
    GoOnlyBundle(String),
    /// The system's roots, where go reads them.
    ShowSystemRoots,
    /// A missing package installed.
    Install(Package),
    /// Carriage returns removed from a file, in place.
    StripCarriageReturns(String),
    /// go.sum's lines for one module version removed (a `.bak` copy stays).
    DropGoSumLines {
        file: String,
        module: String,
        version: String,
    },
    /// A file's lines that start with (`line_start`) or hold one of `needles`.
    Grep {
        file: String,
        needles: Vec<String>,
        line_start: bool,
    },
    /// A file at a path go reports (`go env VAR`, then `rel`), shown, listed or removed.
    GoFile {
        var: String,
        rel: String,
        op: FileOp,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    Git,
    CaCertificates,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOp {
    Show,
    List,
    Remove,
}

impl System {
    pub(super) fn map_values(&mut self, f: &dyn Fn(&str) -> String) {
        match self {
            System::LookUpHost(v)
            | System::FindInHostsFile(v)
            | System::FindProgram(v)
            | System::AddNetrc(v)
            | System::FindInNetrc(v)
            | System::AddKnownHost(v)
            | System::TrustCa(v)
            | System::GoOnlyBundle(v)
            | System::StripCarriageReturns(v) => *v = f(v),
            System::DropGoSumLines {
                file,
                module,
                version,
            } => {
                *file = f(file);
                *module = f(module);
                *version = f(version);
            }
            System::Grep { file, needles, .. } => {
                *file = f(file);
                needles.iter_mut().for_each(|n| *n = f(n));
            }
            System::ShowEnv(_)
            | System::ShowNameservers
            | System::ShowRoutes { .. }
            | System::ShowClock
            | System::SyncClock
            | System::ShowProxyEnv
            | System::ShowSystemRoots
            | System::Install(_)
            | System::GoFile { .. } => {}
        }
    }

    pub(super) fn render(&self, t: Target) -> String {
        let shell = t.shell;
        let q = |v: &str| quote(shell, v);
        // A POSIX shell or fish on Windows (Git Bash, MSYS2) runs Windows' programs.
        let unix_like = matches!(shell, Shell::Posix | Shell::Fish);
        match self {
            System::LookUpHost(h) => match (shell, t.os) {
                (Shell::Powershell, _) => format!("Resolve-DnsName {}", q(h)),
                (_, Os::MacOs) => format!("dscacheutil -q host -a name {}", q(h)),
                (_, Os::Unix) => format!("getent hosts {h} || nslookup {h}", h = q(h)),
                _ => format!("nslookup {}", q(h)),
            },
            System::ShowNameservers => match (shell, t.os) {
                (Shell::Powershell, _) => "Get-DnsClientServerAddress".into(),
                (_, Os::MacOs) => "scutil --dns".into(),
                (_, Os::Unix) => "cat /etc/resolv.conf".into(),
                _ => "ipconfig /all".into(),
            },
            System::FindInHostsFile(h) => find_fixed(t, h, &HOSTS),
            System::ShowRoutes { v6 } => match (shell, t.os) {
                (Shell::Powershell, _) => format!(
                    "Get-NetRoute -AddressFamily {}",
                    if *v6 { "IPv6" } else { "IPv4" }
                ),
                (_, Os::MacOs) => format!("netstat -rn -f {}", if *v6 { "inet6" } else { "inet" }),
                (_, Os::Unix) => if *v6 { "ip -6 route" } else { "ip route" }.into(),
                _ => format!("route print {}", if *v6 { "-6" } else { "-4" }),
            },
            System::ShowClock => match (shell, t.os) {
                (Shell::Powershell, _) => {
                    "(Get-Date).ToUniversalTime(); w32tm /query /status".into()
                }
                (Shell::Cmd, _) => "w32tm /query /status".into(),
                (_, Os::MacOs) => "date -u; sntp time.apple.com".into(),
                (_, Os::Unix) => "date -u; timedatectl status".into(),
                _ => "date -u".into(),
            },
            System::SyncClock => match (shell, t.os) {
                (_, Os::MacOs) => "sudo sntp -sS time.apple.com".into(),
                (_, Os::Unix) => "sudo timedatectl set-ntp true".into(),
                // MSYS turns a lone `/resync` into a path; `//` keeps it.
                _ if unix_like => "w32tm //resync".into(),
                _ => "w32tm /resync".into(),
            },
            System::ShowEnv(names) => match shell {
                Shell::Posix | Shell::Fish => match names.as_slice() {
                    [one] => format!("env | grep {}", q(one)),
                    _ => format!("env | grep -E {}", q(&format!("^({})", names.join("|")))),
                },
                Shell::Powershell => format!(
                    "Get-ChildItem Env: | Where-Object Name -match {}",
                    q(&format!("^({})", names.join("|")))
                ),
                // `set PREFIX` lists the variables whose names start with it.
                Shell::Cmd => names
                    .iter()
                    .map(|n| format!("set {n}"))
                    .collect::<Vec<_>>()
                    .join(" & "),
            },
            System::ShowProxyEnv => match shell {
                Shell::Posix | Shell::Fish => "env | grep -i _proxy".into(),
                Shell::Powershell => "Get-ChildItem Env: | Where-Object Name -like '*_proxy'".into(),
                Shell::Cmd => "set | findstr /i _proxy".into(),
            },
            System::FindProgram(p) => match shell {
                Shell::Posix => format!("command -v {}", q(p)),
                Shell::Fish => format!("command -s {}", q(p)),
                Shell::Powershell => format!("Get-Command {}", q(p)),
                Shell::Cmd => format!("where {}", q(p)),
            },
            System::AddNetrc(h) => {
                let line = format!("machine {h} login USER password TOKEN");
                let file = NETRC.spelled(t);
                match (shell, t.os) {
                    // go reads %USERPROFILE%\_netrc on Windows (go1.23 also .netrc).
                    (Shell::Powershell, _) => {
                        format!("Add-Content -Path {file} -Value {}", ps_string(&line))
                    }
                    (Shell::Cmd, _) => format!("echo {}>>{file}", cmd_echo(&line)),
                    (_, Os::Windows) => format!("printf '%s\\n' {} >> {file}", q(&line)),
                    _ if super::plain(h, b"-_.:[]") => {
                        format!("printf '{line}\\n' >> {file} && chmod 600 {file}")
                    }
                    _ => format!(
                        "printf '%s\\n' {} >> {file} && chmod 600 {file}",
                        q(&line)
                    ),
                }
            }
            System::FindInNetrc(h) => find_fixed(t, h, &NETRC),
            System::AddKnownHost(h) => match shell {
                // Windows PowerShell's `>>` writes UTF-16, which ssh cannot read.
                Shell::Powershell => format!(
                    "ssh-keyscan {} | Out-File -Append -Encoding ascii \"$HOME\\.ssh\\known_hosts\"",
                    q(h)
                ),
                Shell::Cmd => format!(
                    "ssh-keyscan {} >> \"%USERPROFILE%\\.ssh\\known_hosts\"",
                    q(h)
                ),
                _ => format!("ssh-keyscan {} >> ~/.ssh/known_hosts", q(h)),
            },
            System::TrustCa(file) => trust_ca(t, file),
            System::GoOnlyBundle(file) => {
                if t.os != Os::Unix {
                    return trust_ca(t, file);
                }
                let bundle = system_bundle(t.distro);
                let cat = format!("cat {bundle} {} > ~/ca-bundle.pem", q(file));
                match shell {
                    Shell::Fish => format!("{cat} && set -gx SSL_CERT_FILE ~/ca-bundle.pem"),
                    _ => format!("{cat} && export SSL_CERT_FILE=~/ca-bundle.pem"),
                }
            }
            System::ShowSystemRoots => match (shell, t.os) {
                (Shell::Powershell, _) => "(Get-ChildItem Cert:\\LocalMachine\\Root).Count".into(),
                (Shell::Cmd, _) => "certutil -store Root | find /c \"Cert Hash\"".into(),
                (_, Os::MacOs) => "security find-certificate -a /System/Library/Keychains/SystemRootCertificates.keychain | grep -c labl".into(),
                (_, Os::Unix) => format!("ls {}", system_bundle(t.distro)),
                _ => "certutil -store Root".into(),
            },
            System::Install(p) => install(t, *p),
            System::StripCarriageReturns(path) => match (shell, t.os) {
                (Shell::Powershell, _) => format!(
                    "$p = {}; [IO.File]::WriteAllText($p, ([IO.File]::ReadAllText($p) -replace [char]13, ''))",
                    ps_string(path)
                ),
                (Shell::Cmd, _) => format!(
                    "powershell -NoProfile -Command \"$p = {}; [IO.File]::WriteAllText($p, ([IO.File]::ReadAllText($p) -replace [char]13, ''))\"",
                    ps_string(path)
                ),
                // BSD sed has no `\r`; perl ships with macOS.
                (_, Os::MacOs) => format!("perl -pi -e 's/\\r$//' {}", q(path)),
                _ => format!("sed -i 's/\\r$//' {}", q(path)),
            },
            System::DropGoSumLines {
                file,
                module,
                version,
            } => match shell {
                Shell::Powershell => format!(
                    "Copy-Item {f} {b}; (Get-Content {b}) -notmatch {re} | Set-Content {f}",
                    f = q(file),
                    b = q(&format!("{file}.bak")),
                    re = ps_string(&format!(
                        "^{} {}[ /]",
                        regex_escape(module),
                        regex_escape(version)
                    )),
                ),
                // findstr's `.` matches any character, itself included; `+` is literal.
                Shell::Cmd => format!(
                    "copy /y {f} {b} && findstr /v /r /c:{re} {b} > {f}",
                    f = q(file),
                    b = q(&format!("{file}.bak")),
                    re = cmd_string(&format!("^{module} {version}[ /]")),
                ),
                // GNU and BSD sed both take `-i.bak`; `\#…#` spares the slashes of the path.
                _ => format!(
                    "sed -i.bak {} {}",
                    q(&format!("\\#^{module} {version}[ /]#d")),
                    q(file)
                ),
            },
            System::Grep {
                file,
                needles,
                line_start,
            } => match shell {
                Shell::Posix | Shell::Fish => match (needles.as_slice(), line_start) {
                    ([one], false) => format!("grep -n -F {} {}", q(one), q(file)),
                    _ => {
                        let alts: Vec<String> = needles.iter().map(|n| regex_escape(n)).collect();
                        let anchor = if *line_start { "^" } else { "" };
                        format!(
                            "grep -n -E {} {}",
                            q(&format!("{anchor}({})", alts.join("|"))),
                            q(file)
                        )
                    }
                },
                Shell::Powershell => {
                    let alts: Vec<String> = needles.iter().map(|n| regex_escape(n)).collect();
                    let anchor = if *line_start { "^" } else { "" };
                    format!(
                        "Select-String -Path {} -Pattern {}",
                        q(file),
                        ps_string(&format!("{anchor}({})", alts.join("|")))
                    )
                }
                Shell::Cmd => {
                    let each: Vec<String> = needles
                        .iter()
                        .map(|n| format!("/c:{}", cmd_string(n)))
                        .collect();
                    let b = if *line_start { " /b" } else { "" };
                    format!("findstr /n{b} /l {} {}", each.join(" "), q(file))
                }
            },
            System::GoFile { var, rel, op } => match shell {
                Shell::Posix | Shell::Fish => {
                    let rel = if rel.is_empty() {
                        String::new()
                    } else {
                        format!("/{rel}")
                    };
                    // fish splits a command substitution at newlines only: no quotes needed.
                    let path = if shell == Shell::Fish {
                        format!("(go env {var}){rel}")
                    } else {
                        format!("\"$(go env {var}){rel}\"")
                    };
                    match op {
                        FileOp::Show => format!("cat {path}"),
                        FileOp::List => format!("ls {path}"),
                        FileOp::Remove => format!("rm -f {path}"),
                    }
                }
                Shell::Powershell => {
                    let path = if rel.is_empty() {
                        format!("(go env {var})")
                    } else {
                        format!("\"$(go env {var})\\{}\"", rel.replace('/', "\\"))
                    };
                    match op {
                        FileOp::Show => format!("Get-Content {path}"),
                        FileOp::List => format!("Get-Item {path}"),
                        FileOp::Remove => {
                            format!("Remove-Item -Force -ErrorAction SilentlyContinue {path}")
                        }
                    }
                }
                Shell::Cmd => {
                    let path = if rel.is_empty() {
                        "\"%p\"".to_owned()
                    } else {
                        format!("\"%p\\{}\"", rel.replace('/', "\\"))
                    };
                    let verb = match op {
                        FileOp::Show => "type",
                        FileOp::List => "dir",
                        FileOp::Remove => "del /f /q",
                    };
                    format!("for /f \"delims=\" %p in ('go env {var}') do {verb} {path}")
                }
            },
        }
    }
}

/// A system file's path as each shell spells it (on Windows, a POSIX shell is Git Bash/MSYS2).
struct SystemFile {
    unix: &'static str,
    windows_posix: &'static str,
    powershell: &'static str,
    cmd: &'static str,
}

impl SystemFile {
    fn spelled(&self, t: Target) -> &'static str {
        match (t.shell, t.os) {
            (Shell::Powershell, _) => self.powershell,
            (Shell::Cmd, _) => self.cmd,
            (_, Os::Windows) => self.windows_posix,
            _ => self.unix,
        }
    }
}

const HOSTS: SystemFile = SystemFile {
    unix: "/etc/hosts",
    windows_posix: "/c/Windows/System32/drivers/etc/hosts",
    powershell: "\"$env:SystemRoot\\System32\\drivers\\etc\\hosts\"",
    cmd: "\"%SystemRoot%\\System32\\drivers\\etc\\hosts\"",
};

/// The netrc go reads: `_netrc` on Windows.
const NETRC: SystemFile = SystemFile {
    unix: "~/.netrc",
    windows_posix: "~/_netrc",
    powershell: "\"$HOME\\_netrc\"",
    cmd: "\"%USERPROFILE%\\_netrc\"",
};

/// The lines of a system file that hold `needle` as it is.
fn find_fixed(t: Target, needle: &str, file: &SystemFile) -> String {
    let path = file.spelled(t);
    match t.shell {
        Shell::Powershell => format!(
            "Select-String -SimpleMatch -Pattern {} -Path {path}",
            quote(t.shell, needle)
        ),
        Shell::Cmd => format!("findstr /n /l /c:{} {path}", cmd_string(needle)),
        Shell::Posix | Shell::Fish => {
            format!("grep -n -F {} {path}", quote(t.shell, needle))
        }
    }
}

/// The bundle go reads first on each family (crypto/x509's certFiles order).
fn system_bundle(distro: Distro) -> &'static str {
    match distro {
        Distro::Fedora => "/etc/pki/tls/certs/ca-bundle.crt",
        Distro::Suse => "/etc/ssl/ca-bundle.pem",
        Distro::Debian | Distro::Alpine | Distro::Arch | Distro::Other => {
            "/etc/ssl/certs/ca-certificates.crt"
        }
    }
}

/// Trusting a CA where go looks: the system bundle on Linux, the keychain on macOS (go asks
/// the system to verify), the user's certificate store on Windows.
fn trust_ca(t: Target, file: &str) -> String {
    let f = quote(t.shell, file);
    match (t.shell, t.os) {
        (Shell::Powershell, _) => {
            format!("Import-Certificate -FilePath {f} -CertStoreLocation Cert:\\CurrentUser\\Root")
        }
        (_, Os::Windows) => format!("certutil -user -addstore Root {f}"),
        (_, Os::MacOs) => format!(
            "sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain {f}"
        ),
        (_, Os::Unix) => match t.distro {
            Distro::Fedora => {
                format!("sudo cp {f} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust")
            }
            Distro::Suse => {
                format!("sudo cp {f} /etc/pki/trust/anchors/ && sudo update-ca-certificates")
            }
            Distro::Arch => format!("sudo trust anchor --store {f}"),
            Distro::Debian | Distro::Alpine | Distro::Other => format!(
                "sudo cp {f} /usr/local/share/ca-certificates/ && sudo update-ca-certificates"
            ),
        },
    }
}

fn install(t: Target, p: Package) -> String {
    let name = match p {
        Package::Git => "git",
        Package::CaCertificates => "ca-certificates",
    };
    match (t.os, p) {
        (Os::MacOs, Package::Git) => "xcode-select --install".into(),
        (Os::MacOs, Package::CaCertificates) => "brew install ca-certificates".into(),
        (Os::Windows, Package::Git) => "winget install --id Git.Git -e".into(),
        // Windows' roots come from Windows Update.
        (Os::Windows, Package::CaCertificates) => {
            let fetch = program_line(
                t.shell,
                &super::split_words("certutil -generateSSTFromWU roots.sst"),
            );
            match t.shell {
                Shell::Powershell => format!(
                    "{fetch}; Import-Certificate -FilePath roots.sst -CertStoreLocation Cert:\\CurrentUser\\Root"
                ),
                _ => format!("{fetch} && certutil -user -addstore Root roots.sst"),
            }
        }
        (Os::Unix, _) => match t.distro {
            Distro::Fedora => format!("sudo dnf install -y {name}"),
            Distro::Suse => format!("sudo zypper install -y {name}"),
            Distro::Alpine => format!("sudo apk add {name}"),
            Distro::Arch => format!("sudo pacman -S --needed {name}"),
            Distro::Debian | Distro::Other => format!("sudo apt-get install -y {name}"),
        },
    }
}

/// A literal for an extended regular expression (grep -E, .NET).
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.^$|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// cmd's `echo`: its metacharacters escaped with `^`.
fn cmd_echo(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "^&|<>()".contains(c) {
            out.push('^');
        }
        out.push(c);
    }
    out
}
