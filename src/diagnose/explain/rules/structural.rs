//! The rules decide.rs names from an error's structure (network, HTTP, checksum route, git):
//! no needles, found by id.

use super::{Check, Rule, show_env, with};
use crate::diagnose::Code;
use crate::diagnose::remedy::{Action, Package, System, split_words};

pub(in crate::diagnose::explain) const RULES: &[Rule] = &[
    Rule {
        id: "private-module-not-private-public-sumdb",
        needles: &[],
        code: Code::PrivateModuleNotPrivate,
        summary: "explain-private-module-not-private-public-sumdb-summary",
        meaning: "explain-private-module-not-private-public-sumdb-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOPRIVATE GONOSUMDB")),
            Check::Text("explain-private-module-not-private-public-sumdb-check-2"),
        ],
        fixes: &[(
            "explain-private-module-not-private-public-sumdb-fix-1",
            Some(|| Action::go_env_w("GOPRIVATE", "<private host or prefix>")),
        )],
    },
    Rule {
        id: "private-module-not-private",
        needles: &[],
        code: Code::PrivateModuleNotPrivate,
        summary: "explain-private-module-not-private-summary",
        meaning: "explain-private-module-not-private-meaning",
        checks: &[Check::Command(|| {
            Action::words("go env GOPRIVATE GONOSUMDB")
        })],
        fixes: &[(
            "explain-private-module-not-private-fix-1",
            Some(|| Action::go_env_w("GOPRIVATE", "<private host or prefix>")),
        )],
    },
    Rule {
        id: "vcs-auth-required-https",
        needles: &[],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-https-summary",
        meaning: "explain-vcs-auth-required-https-meaning",
        checks: &[
            Check::Text("explain-vcs-auth-required-https-check-1"),
            Check::Text("explain-vcs-auth-required-https-check-2"),
        ],
        fixes: &[
            (
                "explain-vcs-auth-required-https-fix-1",
                Some(|| Action::System(System::AddNetrc("<host>".into()))),
            ),
            (
                "explain-vcs-auth-required-https-fix-2",
                Some(|| crate::diagnose::observe::git_over_ssh("<host>")),
            ),
        ],
    },
    Rule {
        id: "vcs-auth-required-ssh-key",
        needles: &[],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-ssh-key-summary",
        meaning: "explain-vcs-auth-required-ssh-key-meaning",
        checks: &[
            Check::Command(|| Action::words("ssh -T git@<host>")),
            Check::Command(|| Action::words("git config --get-regexp insteadof")),
        ],
        fixes: &[(
            "explain-vcs-auth-required-ssh-key-fix-1",
            Some(|| Action::words("ssh-add -l").or_else(Action::words("ssh-add"))),
        )],
    },
    Rule {
        id: "vcs-auth-required-access",
        needles: &[],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-access-summary",
        meaning: "explain-vcs-auth-required-access-meaning",
        checks: &[
            Check::Command(|| Action::words("git ls-remote <repo>")),
            Check::Command(|| Action::words("git config --get-regexp insteadof")),
        ],
        fixes: &[(
            "explain-vcs-auth-required-access-fix-1",
            Some(|| with(&[("GIT_TERMINAL_PROMPT", "0")], "git ls-remote <repo>")),
        )],
    },
    Rule {
        id: "vcs-discovery-failed",
        needles: &[],
        code: Code::VcsDiscoveryFailed,
        summary: "explain-vcs-discovery-failed-summary",
        meaning: "explain-vcs-discovery-failed-meaning",
        checks: &[
            Check::Command(|| Action::Filtered {
                argv: vec![
                    "curl".into(),
                    "-sS".into(),
                    "https://<path>?go-get=1".into(),
                ],
                needle: "go-import".into(),
            }),
            Check::Text("explain-vcs-discovery-failed-check-2"),
        ],
        fixes: &[(
            "explain-vcs-discovery-failed-fix-1",
            Some(|| Action::go_env_w("GOPRIVATE", "<host>")),
        )],
    },
    Rule {
        id: "proxy-unreachable",
        needles: &[],
        code: Code::ProxyUnreachable,
        summary: "explain-proxy-unreachable-summary",
        meaning: "explain-proxy-unreachable-meaning",
        checks: &[
            Check::Command(|| Action::System(System::ShowProxyEnv)),
            Check::Text("explain-proxy-unreachable-check-2"),
        ],
        fixes: &[(
            "explain-proxy-unreachable-fix-1",
            Some(|| Action::UnsetEnv(vec!["HTTPS_PROXY".into(), "https_proxy".into()])),
        )],
    },
    Rule {
        id: "proxy-auth-required",
        needles: &[],
        code: Code::ProxyAuthRequired,
        summary: "explain-proxy-auth-required-summary",
        meaning: "explain-proxy-auth-required-meaning",
        checks: &[Check::Text("explain-proxy-auth-required-check-1")],
        fixes: &[(
            "explain-proxy-auth-required-fix-1",
            Some(|| Action::SetEnv {
                key: "HTTPS_PROXY".into(),
                value: "http://USER:PASSWORD@proxy.host:PORT".into(),
            }),
        )],
    },
    Rule {
        id: "tls-unknown-issuer-interception",
        needles: &[],
        code: Code::TlsUnknownIssuerInterception,
        summary: "explain-tls-unknown-issuer-interception-summary",
        meaning: "explain-tls-unknown-issuer-interception-meaning",
        checks: &[
            Check::Text("explain-tls-unknown-issuer-interception-check-1"),
            Check::Command(|| show_env(&["SSL_CERT_FILE", "SSL_CERT_DIR"])),
        ],
        fixes: &[(
            "explain-tls-unknown-issuer-interception-fix-1",
            Some(|| Action::System(System::TrustCa("company-ca.crt".into()))),
        )],
    },
    Rule {
        id: "tls-expired",
        needles: &[],
        code: Code::TlsExpired,
        summary: "explain-tls-expired-summary",
        meaning: "explain-tls-expired-meaning",
        checks: &[Check::Command(|| Action::System(System::ShowClock))],
        fixes: &[(
            "explain-tls-expired-fix-1",
            Some(|| Action::System(System::SyncClock)),
        )],
    },
    Rule {
        id: "tls-name-mismatch",
        needles: &[],
        code: Code::TlsNameMismatch,
        summary: "explain-tls-name-mismatch-summary",
        meaning: "explain-tls-name-mismatch-meaning",
        checks: &[
            Check::Command(|| Action::System(System::LookUpHost("<host>".into()))),
            Check::Command(|| Action::words("godoctor check -v")),
        ],
        fixes: &[],
    },
    Rule {
        id: "tls-no-roots",
        needles: &[],
        code: Code::TlsNoRoots,
        summary: "explain-tls-no-roots-summary",
        meaning: "explain-tls-no-roots-meaning",
        checks: &[
            Check::Command(|| show_env(&["SSL_CERT_FILE", "SSL_CERT_DIR"])),
            Check::Command(|| Action::System(System::ShowSystemRoots)),
        ],
        fixes: &[(
            "explain-tls-no-roots-fix-1",
            Some(|| Action::System(System::Install(Package::CaCertificates))),
        )],
    },
    Rule {
        id: "tls-handshake-timeout",
        needles: &[],
        code: Code::TlsHandshakeTimeout,
        summary: "explain-tls-handshake-timeout-summary",
        meaning: "explain-tls-handshake-timeout-meaning",
        checks: &[Check::Command(|| {
            Action::words("curl -sSI https://<host>/")
        })],
        fixes: &[],
    },
    Rule {
        id: "dns-nxdomain",
        needles: &[],
        code: Code::DnsNxdomain,
        summary: "explain-dns-nxdomain-summary",
        meaning: "explain-dns-nxdomain-meaning",
        checks: &[
            Check::Command(|| Action::System(System::LookUpHost("<host>".into()))),
            Check::Command(|| Action::System(System::ShowNameservers)),
            Check::Text("explain-dns-nxdomain-check-3"),
        ],
        fixes: &[],
    },
    Rule {
        id: "dns-servfail",
        needles: &[],
        code: Code::DnsServfail,
        summary: "explain-dns-servfail-summary",
        meaning: "explain-dns-servfail-meaning",
        checks: &[
            Check::Command(|| Action::System(System::ShowNameservers)),
            Check::Command(|| Action::words("nslookup <host>")),
        ],
        fixes: &[],
    },
    Rule {
        id: "dns-timeout",
        needles: &[],
        code: Code::DnsTimeout,
        summary: "explain-dns-timeout-summary",
        meaning: "explain-dns-timeout-meaning",
        checks: &[
            Check::Command(|| Action::System(System::ShowNameservers)),
            Check::Command(|| Action::words("nslookup <host>")),
        ],
        fixes: &[],
    },
    Rule {
        id: "tcp-refused",
        needles: &[],
        code: Code::TcpRefused,
        summary: "explain-tcp-refused-summary",
        meaning: "explain-tcp-refused-meaning",
        checks: &[
            Check::Text("explain-tcp-refused-check-1"),
            Check::Command(|| Action::words("go env GOPROXY")),
        ],
        fixes: &[],
    },
    Rule {
        id: "tcp-blackhole",
        needles: &[],
        code: Code::TcpBlackhole,
        summary: "explain-tcp-blackhole-summary",
        meaning: "explain-tcp-blackhole-meaning",
        checks: &[Check::Text("explain-tcp-blackhole-check-1")],
        fixes: &[],
    },
    Rule {
        id: "tcp-unreachable-network",
        needles: &[],
        code: Code::TcpUnreachable,
        summary: "explain-tcp-unreachable-network-summary",
        meaning: "explain-tcp-unreachable-network-meaning",
        checks: &[
            Check::Command(|| Action::System(System::ShowRoutes { v6: false })),
            Check::Command(|| Action::System(System::ShowRoutes { v6: true })),
        ],
        fixes: &[],
    },
    Rule {
        id: "tcp-unreachable-host",
        needles: &[],
        code: Code::TcpUnreachable,
        summary: "explain-tcp-unreachable-host-summary",
        meaning: "explain-tcp-unreachable-host-meaning",
        checks: &[Check::Command(|| {
            Action::System(System::ShowRoutes { v6: false })
        })],
        fixes: &[],
    },
    Rule {
        id: "http-forbidden",
        needles: &[],
        code: Code::HttpForbidden,
        summary: "explain-http-forbidden-summary",
        meaning: "explain-http-forbidden-meaning",
        checks: &[
            Check::Command(|| Action::words("curl -sS <url>")),
            Check::Text("explain-http-forbidden-check-2"),
        ],
        fixes: &[],
    },
    Rule {
        id: "module-not-found",
        needles: &[],
        code: Code::ModuleNotFound,
        summary: "explain-module-not-found-summary",
        meaning: "explain-module-not-found-meaning",
        checks: &[
            Check::Text("explain-module-not-found-check-1"),
            Check::Command(|| Action::words("go env GOPRIVATE")),
        ],
        fixes: &[],
    },
    Rule {
        id: "vcs-unknown-revision",
        needles: &[],
        code: Code::VcsUnknownRevision,
        summary: "explain-vcs-unknown-revision-summary",
        meaning: "explain-vcs-unknown-revision-meaning",
        checks: &[Check::Command(|| Action::words("git ls-remote <repo>"))],
        fixes: &[],
    },
    Rule {
        id: "toolchain-unavailable-no-patch",
        needles: &[],
        code: Code::ToolchainUnavailable,
        summary: "explain-toolchain-unavailable-no-patch-summary",
        meaning: "explain-toolchain-unavailable-no-patch-meaning",
        checks: &[
            Check::Command(|| {
                Action::System(System::Grep {
                    file: "go.mod".into(),
                    needles: vec!["go ".into(), "toolchain ".into()],
                    line_start: true,
                })
            }),
            Check::Command(|| Action::words("go version")),
        ],
        fixes: &[
            (
                "explain-toolchain-unavailable-no-patch-fix-1",
                Some(|| Action::words("go mod edit -go=<version>.0")),
            ),
            (
                "explain-toolchain-unavailable-no-patch-fix-2",
                Some(|| with(&[("GOTOOLCHAIN", "local")], "go mod tidy")),
            ),
        ],
    },
    Rule {
        id: "sumdb-unreachable",
        needles: &[],
        code: Code::SumdbUnreachable,
        summary: "explain-sumdb-unreachable-summary",
        meaning: "explain-sumdb-unreachable-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOSUMDB GOPROXY")),
            Check::Command(|| Action::words("curl -sS https://<host>/latest")),
        ],
        fixes: &[],
    },
    Rule {
        id: "sumdb-proxy-failed",
        needles: &[],
        code: Code::SumdbProxyFailed,
        summary: "explain-sumdb-proxy-failed-summary",
        meaning: "explain-sumdb-proxy-failed-meaning",
        checks: &[Check::Command(|| Action::words("go env GOSUMDB GOPROXY"))],
        fixes: &[],
    },
    Rule {
        id: "sumdb-proxy-failed-supported",
        needles: &[],
        code: Code::SumdbProxyFailed,
        summary: "explain-sumdb-proxy-failed-supported-summary",
        meaning: "explain-sumdb-proxy-failed-supported-meaning",
        checks: &[Check::Command(|| Action::words("go env GOSUMDB GOPROXY"))],
        fixes: &[],
    },
    Rule {
        id: "sumdb-failed",
        needles: &[],
        code: Code::SumdbFailed,
        summary: "explain-sumdb-failed-summary",
        meaning: "explain-sumdb-failed-meaning",
        checks: &[Check::Command(|| Action::words("go env GOSUMDB"))],
        fixes: &[],
    },
    Rule {
        id: "sumdb-lookup-not-found",
        needles: &[],
        code: Code::SumdbLookupNotFound,
        summary: "explain-sumdb-lookup-not-found-summary",
        meaning: "explain-sumdb-lookup-not-found-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOSUMDB GOPRIVATE GONOSUMDB")),
            Check::Text("explain-sumdb-lookup-not-found-check-2"),
        ],
        fixes: &[(
            "explain-sumdb-lookup-not-found-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GOSUMDB".into()])),
        )],
    },
    Rule {
        id: "vcs-unreachable-upstream",
        needles: &[],
        code: Code::VcsUnreachable,
        summary: "explain-vcs-unreachable-upstream-summary",
        meaning: "explain-vcs-unreachable-upstream-meaning",
        checks: &[Check::Text("explain-vcs-unreachable-upstream-check-1")],
        fixes: &[("explain-vcs-unreachable-upstream-fix-1", None)],
    },
    Rule {
        id: "http-status-too-many-requests",
        needles: &[],
        code: Code::HttpStatus,
        summary: "explain-http-status-too-many-requests-summary",
        meaning: "explain-http-status-too-many-requests-meaning",
        checks: &[Check::Command(|| Action::words("go env GOPROXY GOFLAGS"))],
        fixes: &[],
    },
    Rule {
        id: "http-server-error",
        needles: &[],
        code: Code::HttpServerError,
        summary: "explain-http-server-error-summary",
        meaning: "explain-http-server-error-meaning",
        checks: &[Check::Command(|| Action::words("curl -sSI <url>"))],
        fixes: &[],
    },
    Rule {
        id: "http-status",
        needles: &[],
        code: Code::HttpStatus,
        summary: "explain-http-status-summary",
        meaning: "explain-http-status-meaning",
        checks: &[Check::Command(|| Action::words("curl -sSI <url>"))],
        fixes: &[],
    },
    Rule {
        id: "http-unauthorized",
        needles: &[],
        code: Code::HttpUnauthorized,
        summary: "explain-http-unauthorized-summary",
        meaning: "explain-http-unauthorized-meaning",
        checks: &[Check::Command(|| {
            Action::System(System::FindInNetrc("<host>".into()))
        })],
        fixes: &[],
    },
    Rule {
        id: "http-failed-stream",
        needles: &[],
        code: Code::HttpFailed,
        summary: "explain-http-failed-stream-summary",
        meaning: "explain-http-failed-stream-meaning",
        checks: &[Check::Command(|| Action::words("curl -sSI <url>"))],
        fixes: &[],
    },
    Rule {
        id: "tcp-reset",
        needles: &[],
        code: Code::TcpReset,
        summary: "explain-tcp-reset-summary",
        meaning: "explain-tcp-reset-meaning",
        checks: &[Check::Command(|| {
            Action::words("curl -sSI https://<host>/")
        })],
        fixes: &[],
    },
    Rule {
        id: "tcp-reset-eof",
        needles: &[],
        code: Code::TcpReset,
        summary: "explain-tcp-reset-eof-summary",
        meaning: "explain-tcp-reset-eof-meaning",
        checks: &[Check::Command(|| {
            Action::words("curl -sSI https://<host>/")
        })],
        fixes: &[],
    },
    Rule {
        id: "tls-not-tls",
        needles: &[],
        code: Code::TlsNotTls,
        summary: "explain-tls-not-tls-summary",
        meaning: "explain-tls-not-tls-meaning",
        checks: &[
            Check::Command(|| Action::System(System::ShowProxyEnv)),
            Check::Command(|| Action::words("go env GOPROXY")),
        ],
        fixes: &[],
    },
    Rule {
        id: "tls-handshake-failed",
        needles: &[],
        code: Code::TlsHandshakeFailed,
        summary: "explain-tls-handshake-failed-summary",
        meaning: "explain-tls-handshake-failed-meaning",
        checks: &[Check::Command(|| {
            Action::ExecNoInput(split_words(
                "openssl s_client -connect <host>:443 -servername <host>",
            ))
        })],
        fixes: &[],
    },
    Rule {
        id: "vcs-auth-required-host-key",
        needles: &[],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-host-key-summary",
        meaning: "explain-vcs-auth-required-host-key-meaning",
        checks: &[Check::Command(|| Action::words("ssh -T git@<host>"))],
        fixes: &[(
            "explain-vcs-auth-required-host-key-fix-1",
            Some(|| Action::System(System::AddKnownHost("<host>".into()))),
        )],
    },
    Rule {
        id: "vcs-repo-not-found",
        needles: &[],
        code: Code::VcsRepoNotFound,
        summary: "explain-vcs-repo-not-found-summary",
        meaning: "explain-vcs-repo-not-found-meaning",
        checks: &[Check::Command(|| Action::words("git ls-remote <repo>"))],
        fixes: &[],
    },
    Rule {
        id: "vcs-unreachable",
        needles: &[],
        code: Code::VcsUnreachable,
        summary: "explain-vcs-unreachable-summary",
        meaning: "explain-vcs-unreachable-meaning",
        checks: &[
            Check::Command(|| Action::words("git ls-remote <repo>")),
            Check::Command(|| Action::System(System::ShowProxyEnv)),
        ],
        fixes: &[],
    },
    Rule {
        id: "git-not-found",
        needles: &[],
        code: Code::GitNotFound,
        summary: "explain-git-not-found-summary",
        meaning: "explain-git-not-found-meaning",
        checks: &[Check::Command(|| {
            Action::System(System::FindProgram("git".into()))
        })],
        fixes: &[(
            "explain-git-not-found-fix-1",
            Some(|| Action::System(System::Install(Package::Git))),
        )],
    },
    Rule {
        id: "proxy-forbidden",
        needles: &[],
        code: Code::ProxyForbidden,
        summary: "explain-proxy-forbidden-summary",
        meaning: "explain-proxy-forbidden-meaning",
        checks: &[Check::Command(|| Action::System(System::ShowProxyEnv))],
        fixes: &[("explain-proxy-forbidden-fix-1", None)],
    },
    Rule {
        id: "http-proxy-without-https-proxy",
        needles: &[],
        code: Code::HttpProxyWithoutHttpsProxy,
        summary: "explain-http-proxy-without-https-proxy-summary",
        meaning: "explain-http-proxy-without-https-proxy-meaning",
        checks: &[Check::Command(|| Action::System(System::ShowProxyEnv))],
        fixes: &[],
    },
];
