//! The rules of `godoctor explain`: which words of go's error text mean which failure, and
//! what to say about it — catalog ids (`i18n/*/explain.ftl`) for the summary, the meaning, the
//! checks that are sentences and the fixes' descriptions; checks and fixes that are commands
//! stay here, as the shell needs them. The first rule whose needles all occur wins, so the
//! more specific texts come first.

use crate::diagnose::Code;

/// One thing to check.
#[derive(Debug, Clone, Copy)]
pub(super) enum Check {
    /// A catalog id.
    Text(&'static str),
    /// A command, the same in every language; `<host>` is filled in when go's text names it.
    Command(&'static str),
}

pub(super) struct Rule {
    /// Every needle must occur (case-sensitive, as go prints it).
    pub needles: &'static [&'static str],
    /// Its layer is the code's.
    pub code: Code,
    /// Catalog ids: `explain-<code-kebab>[-<variant>]-summary`, `…-meaning`.
    pub summary: &'static str,
    pub meaning: &'static str,
    pub checks: &'static [Check],
    /// The catalog id of each fix's description (`…-fix-<n>`), and its command; `<host>` and
    /// `<private host or prefix>` are filled in when go's text names the host.
    pub fixes: &'static [(&'static str, Option<&'static str>)],
}

pub(super) const RULES: &[Rule] = &[
    Rule {
        needles: &["SECURITY ERROR", "go.sum database server misbehavior"],
        code: Code::SumdbMisbehavior,
        summary: "explain-sumdb-misbehavior-summary",
        meaning: "explain-sumdb-misbehavior-meaning",
        checks: &[
            Check::Text("explain-sumdb-misbehavior-check-1"),
            Check::Text("explain-sumdb-misbehavior-check-2"),
        ],
        fixes: &[(
            "explain-sumdb-misbehavior-fix-1",
            Some("rm -f \"$(go env GOPATH)/pkg/sumdb/sum.golang.org/latest\""),
        )],
    },
    Rule {
        needles: &["SECURITY ERROR", "checksum server"],
        code: Code::SumdbChecksumMismatch,
        summary: "explain-sumdb-checksum-mismatch-summary",
        meaning: "explain-sumdb-checksum-mismatch-meaning",
        checks: &[
            Check::Text("explain-sumdb-checksum-mismatch-check-1"),
            Check::Text("explain-sumdb-checksum-mismatch-check-2"),
        ],
        fixes: &[
            (
                "explain-sumdb-checksum-mismatch-fix-1",
                Some("GOFLAGS=-mod=mod GOPROXY=https://proxy.golang.org go mod download -x"),
            ),
            ("explain-sumdb-checksum-mismatch-fix-2", None),
        ],
    },
    Rule {
        needles: &["SECURITY ERROR", "go.sum"],
        code: Code::GosumMismatch,
        summary: "explain-gosum-mismatch-summary",
        meaning: "explain-gosum-mismatch-meaning",
        checks: &[
            Check::Text("explain-gosum-mismatch-check-1"),
            Check::Text("explain-gosum-mismatch-check-2"),
        ],
        fixes: &[("explain-gosum-mismatch-fix-1", Some("go mod tidy"))],
    },
    Rule {
        needles: &["checksum database disabled by GOSUMDB=off"],
        code: Code::ToolchainNeedsSumdb,
        summary: "explain-toolchain-needs-sumdb-summary",
        meaning: "explain-toolchain-needs-sumdb-meaning",
        checks: &[
            Check::Command("go env GOSUMDB"),
            Check::Text("explain-toolchain-needs-sumdb-check-2"),
        ],
        fixes: &[
            (
                "explain-toolchain-needs-sumdb-fix-1",
                Some("go env -u GOSUMDB"),
            ),
            ("explain-toolchain-needs-sumdb-fix-2", None),
        ],
    },
    Rule {
        needles: &["toolchain not available"],
        code: Code::ToolchainUnavailable,
        summary: "explain-toolchain-unavailable-summary",
        meaning: "explain-toolchain-unavailable-meaning",
        checks: &[
            Check::Text("explain-toolchain-unavailable-check-1"),
            Check::Command("go env GOPROXY GOTOOLCHAIN"),
        ],
        fixes: &[(
            "explain-toolchain-unavailable-fix-1",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["requires go >=", "GOTOOLCHAIN=local"],
        code: Code::ToolchainLocalTooOld,
        summary: "explain-toolchain-local-too-old-summary",
        meaning: "explain-toolchain-local-too-old-meaning",
        checks: &[
            Check::Command("go version"),
            Check::Command("go env GOTOOLCHAIN"),
            Check::Text("explain-toolchain-local-too-old-check-3"),
        ],
        fixes: &[
            (
                "explain-toolchain-local-too-old-fix-1",
                Some("go env -w GOTOOLCHAIN=auto"),
            ),
            ("explain-toolchain-local-too-old-fix-2", None),
        ],
    },
    Rule {
        needles: &["invalid GOTOOLCHAIN"],
        code: Code::GotoolchainInvalid,
        summary: "explain-gotoolchain-invalid-summary",
        meaning: "explain-gotoolchain-invalid-meaning",
        checks: &[
            Check::Command("go env GOTOOLCHAIN"),
            Check::Command("env | grep GOTOOLCHAIN"),
        ],
        fixes: &[(
            "explain-gotoolchain-invalid-fix-1",
            Some("go env -w GOTOOLCHAIN=auto"),
        )],
    },
    Rule {
        needles: &["invalid toolchain", "in go."],
        code: Code::GomodToolchainInvalid,
        summary: "explain-gomod-toolchain-invalid-summary",
        meaning: "explain-gomod-toolchain-invalid-meaning",
        checks: &[Check::Text("explain-gomod-toolchain-invalid-check-1")],
        fixes: &[(
            "explain-gomod-toolchain-invalid-fix-1",
            Some("go mod edit -toolchain=none"),
        )],
    },
    Rule {
        needles: &["is a language version but not a toolchain version"],
        code: Code::GomodToolchainInvalid,
        summary: "explain-gomod-toolchain-invalid-language-version-summary",
        meaning: "explain-gomod-toolchain-invalid-language-version-meaning",
        checks: &[Check::Text(
            "explain-gomod-toolchain-invalid-language-version-check-1",
        )],
        fixes: &[(
            "explain-gomod-toolchain-invalid-language-version-fix-1",
            Some("go mod edit -toolchain=go1.22.0"),
        )],
    },
    Rule {
        needles: &["cannot find", "in PATH"],
        code: Code::ToolchainNotInPath,
        summary: "explain-toolchain-not-in-path-summary",
        meaning: "explain-toolchain-not-in-path-meaning",
        checks: &[
            Check::Command("go env GOTOOLCHAIN"),
            Check::Text("explain-toolchain-not-in-path-check-2"),
        ],
        fixes: &[(
            "explain-toolchain-not-in-path-fix-1",
            Some("go env -w GOTOOLCHAIN=auto"),
        )],
    },
    Rule {
        needles: &["switching to go >="],
        code: Code::ToolchainUnavailable,
        summary: "explain-toolchain-unavailable-switching-summary",
        meaning: "explain-toolchain-unavailable-switching-meaning",
        checks: &[
            Check::Command("go env GOPROXY GOTOOLCHAIN"),
            Check::Command("godoctor check"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["too many toolchain switches"],
        code: Code::ToolchainSwitchLoop,
        summary: "explain-toolchain-switch-loop-summary",
        meaning: "explain-toolchain-switch-loop-meaning",
        checks: &[
            Check::Command("go env GOTOOLCHAIN"),
            Check::Command("env | grep GOTOOLCHAIN"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["invoked to provide"],
        code: Code::ToolchainMarkerLeaked,
        summary: "explain-toolchain-marker-leaked-summary",
        meaning: "explain-toolchain-marker-leaked-meaning",
        checks: &[Check::Command("env | grep GOTOOLCHAIN_INTERNAL")],
        fixes: &[(
            "explain-toolchain-marker-leaked-fix-1",
            Some("unset GOTOOLCHAIN_INTERNAL_SWITCH_VERSION GOTOOLCHAIN_INTERNAL_SWITCH_COUNT"),
        )],
    },
    Rule {
        needles: &["listed in go.work file requires go >="],
        code: Code::GoworkGoTooOld,
        summary: "explain-gowork-go-too-old-summary",
        meaning: "explain-gowork-go-too-old-meaning",
        checks: &[Check::Text("explain-gowork-go-too-old-check-1")],
        fixes: &[("explain-gowork-go-too-old-fix-1", Some("go work use"))],
    },
    Rule {
        needles: &["unknown directive: toolchain"],
        code: Code::GoTooOldForGomod,
        summary: "explain-go-too-old-for-gomod-toolchain-directive-summary",
        meaning: "explain-go-too-old-for-gomod-toolchain-directive-meaning",
        checks: &[Check::Command("go version")],
        fixes: &[(
            "explain-go-too-old-for-gomod-toolchain-directive-fix-1",
            None,
        )],
    },
    Rule {
        needles: &["invalid go version", "must match format"],
        code: Code::GoTooOldForGomod,
        summary: "explain-go-too-old-for-gomod-go-line-summary",
        meaning: "explain-go-too-old-for-gomod-go-line-meaning",
        checks: &[
            Check::Command("go version"),
            Check::Text("explain-go-too-old-for-gomod-go-line-check-2"),
        ],
        fixes: &[("explain-go-too-old-for-gomod-go-line-fix-1", None)],
    },
    Rule {
        needles: &["module lookup disabled by GOPROXY=off"],
        code: Code::GoproxyOff,
        summary: "explain-goproxy-off-summary",
        meaning: "explain-goproxy-off-meaning",
        checks: &[
            Check::Command("go env GOPROXY"),
            Check::Command("env | grep GOPROXY"),
        ],
        fixes: &[(
            "explain-goproxy-off-fix-1",
            Some("go env -w GOPROXY=https://proxy.golang.org,direct"),
        )],
    },
    Rule {
        needles: &["module lookup disabled by -mod="],
        code: Code::GoflagsModVendor,
        summary: "explain-goflags-mod-vendor-summary",
        meaning: "explain-goflags-mod-vendor-meaning",
        checks: &[
            Check::Command("go env GOFLAGS"),
            Check::Command("vendor/modules.txt"),
        ],
        fixes: &[
            ("explain-goflags-mod-vendor-fix-1", Some("go mod vendor")),
            (
                "explain-goflags-mod-vendor-fix-2",
                Some("go build -mod=mod ./..."),
            ),
        ],
    },
    Rule {
        needles: &["GOPROXY list is not the empty string, but contains no entries"],
        code: Code::GoproxyMalformed,
        summary: "explain-goproxy-malformed-empty-summary",
        meaning: "explain-goproxy-malformed-empty-meaning",
        checks: &[
            Check::Command("go env GOPROXY"),
            Check::Command("cat \"$(go env GOENV)\""),
        ],
        fixes: &[(
            "explain-goproxy-malformed-empty-fix-1",
            Some("go env -u GOPROXY"),
        )],
    },
    Rule {
        needles: &["invalid proxy URL"],
        code: Code::GoproxyMalformed,
        summary: "explain-goproxy-malformed-entry-summary",
        meaning: "explain-goproxy-malformed-entry-meaning",
        checks: &[Check::Command("go env GOPROXY")],
        fixes: &[(
            "explain-goproxy-malformed-entry-fix-1",
            Some("go env -w GOPROXY=https://proxy.golang.org,direct"),
        )],
    },
    Rule {
        needles: &["missing GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "explain-gosumdb-malformed-missing-summary",
        meaning: "explain-gosumdb-malformed-missing-meaning",
        checks: &[
            Check::Command("go env GOSUMDB"),
            Check::Command("cat \"$(go env GOENV)\""),
            Check::Command("ls \"$(go env GOROOT)/go.env\""),
        ],
        fixes: &[(
            "explain-gosumdb-malformed-missing-fix-1",
            Some("go env -u GOSUMDB"),
        )],
    },
    Rule {
        needles: &["invalid GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "explain-gosumdb-malformed-invalid-summary",
        meaning: "explain-gosumdb-malformed-invalid-meaning",
        checks: &[Check::Command("go env GOSUMDB")],
        fixes: &[(
            "explain-gosumdb-malformed-invalid-fix-1",
            Some("go env -u GOSUMDB"),
        )],
    },
    Rule {
        needles: &["verifying", "sum.golang.org/lookup", "410 Gone"],
        code: Code::PrivateModuleNotPrivate,
        summary: "explain-private-module-not-private-public-sumdb-summary",
        meaning: "explain-private-module-not-private-public-sumdb-meaning",
        checks: &[
            Check::Command("go env GOPRIVATE GONOSUMDB"),
            Check::Text("explain-private-module-not-private-public-sumdb-check-2"),
        ],
        fixes: &[(
            "explain-private-module-not-private-public-sumdb-fix-1",
            Some("go env -w GOPRIVATE=<private host or prefix>"),
        )],
    },
    Rule {
        needles: &["verifying", "/lookup/", "404 Not Found"],
        code: Code::PrivateModuleNotPrivate,
        summary: "explain-private-module-not-private-summary",
        meaning: "explain-private-module-not-private-meaning",
        checks: &[Check::Command("go env GOPRIVATE GONOSUMDB")],
        fixes: &[(
            "explain-private-module-not-private-fix-1",
            Some("go env -w GOPRIVATE=<private host or prefix>"),
        )],
    },
    Rule {
        needles: &["terminal prompts disabled"],
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
                Some("printf 'machine <host> login <user> password <token>\\n' >> ~/.netrc"),
            ),
            (
                "explain-vcs-auth-required-https-fix-2",
                Some("git config --global url.\"git@<host>:\".insteadOf \"https://<host>/\""),
            ),
        ],
    },
    Rule {
        needles: &["Permission denied (publickey"],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-ssh-key-summary",
        meaning: "explain-vcs-auth-required-ssh-key-meaning",
        checks: &[
            Check::Command("ssh -T git@<host>"),
            Check::Command("git config --get-regexp insteadof"),
        ],
        fixes: &[(
            "explain-vcs-auth-required-ssh-key-fix-1",
            Some("ssh-add -l || ssh-add"),
        )],
    },
    Rule {
        needles: &["Could not read from remote repository"],
        code: Code::VcsAuthRequired,
        summary: "explain-vcs-auth-required-access-summary",
        meaning: "explain-vcs-auth-required-access-meaning",
        checks: &[
            Check::Command("git ls-remote <repo>"),
            Check::Command("git config --get-regexp insteadof"),
        ],
        fixes: &[(
            "explain-vcs-auth-required-access-fix-1",
            Some("GIT_TERMINAL_PROMPT=0 git ls-remote <repo>"),
        )],
    },
    Rule {
        needles: &["unrecognized import path"],
        code: Code::VcsDiscoveryFailed,
        summary: "explain-vcs-discovery-failed-summary",
        meaning: "explain-vcs-discovery-failed-meaning",
        checks: &[
            Check::Command("curl -sS 'https://<path>?go-get=1' | grep go-import"),
            Check::Text("explain-vcs-discovery-failed-check-2"),
        ],
        fixes: &[(
            "explain-vcs-discovery-failed-fix-1",
            Some("go env -w GOPRIVATE=<host>"),
        )],
    },
    Rule {
        needles: &["GOVCS disallows"],
        code: Code::GovcsDisallowed,
        summary: "explain-govcs-disallowed-summary",
        meaning: "explain-govcs-disallowed-meaning",
        checks: &[Check::Command("go env GOVCS GOPRIVATE")],
        fixes: &[(
            "explain-govcs-disallowed-fix-1",
            Some("go env -w GOVCS=public:git|hg,private:all"),
        )],
    },
    Rule {
        needles: &["proxyconnect tcp"],
        code: Code::ProxyUnreachable,
        summary: "explain-proxy-unreachable-summary",
        meaning: "explain-proxy-unreachable-meaning",
        checks: &[
            Check::Command("env | grep -i _proxy"),
            Check::Text("explain-proxy-unreachable-check-2"),
        ],
        fixes: &[(
            "explain-proxy-unreachable-fix-1",
            Some("unset HTTPS_PROXY https_proxy"),
        )],
    },
    Rule {
        needles: &["Proxy Authentication Required"],
        code: Code::ProxyAuthRequired,
        summary: "explain-proxy-auth-required-summary",
        meaning: "explain-proxy-auth-required-meaning",
        checks: &[Check::Text("explain-proxy-auth-required-check-1")],
        fixes: &[(
            "explain-proxy-auth-required-fix-1",
            Some("export HTTPS_PROXY=http://USER:PASSWORD@proxy.host:PORT"),
        )],
    },
    Rule {
        needles: &["certificate signed by unknown authority"],
        code: Code::TlsUnknownIssuerInterception,
        summary: "explain-tls-unknown-issuer-interception-summary",
        meaning: "explain-tls-unknown-issuer-interception-meaning",
        checks: &[
            Check::Text("explain-tls-unknown-issuer-interception-check-1"),
            Check::Command("echo $SSL_CERT_FILE $SSL_CERT_DIR"),
        ],
        fixes: &[(
            "explain-tls-unknown-issuer-interception-fix-1",
            Some(
                "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
            ),
        )],
    },
    Rule {
        needles: &["certificate has expired or is not yet valid"],
        code: Code::TlsExpired,
        summary: "explain-tls-expired-summary",
        meaning: "explain-tls-expired-meaning",
        checks: &[
            Check::Command("date -u"),
            Check::Command("timedatectl status"),
        ],
        fixes: &[(
            "explain-tls-expired-fix-1",
            Some("sudo timedatectl set-ntp true"),
        )],
    },
    Rule {
        needles: &["x509: certificate is valid for"],
        code: Code::TlsNameMismatch,
        summary: "explain-tls-name-mismatch-summary",
        meaning: "explain-tls-name-mismatch-meaning",
        checks: &[
            Check::Command("getent hosts <host>"),
            Check::Command("godoctor check -v"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["failed to load system roots"],
        code: Code::TlsNoRoots,
        summary: "explain-tls-no-roots-summary",
        meaning: "explain-tls-no-roots-meaning",
        checks: &[
            Check::Command("echo $SSL_CERT_FILE $SSL_CERT_DIR"),
            Check::Command("ls /etc/ssl/certs/ca-certificates.crt"),
        ],
        fixes: &[(
            "explain-tls-no-roots-fix-1",
            Some("sudo apt-get install -y ca-certificates"),
        )],
    },
    Rule {
        needles: &["TLS handshake timeout"],
        code: Code::TlsHandshakeTimeout,
        summary: "explain-tls-handshake-timeout-summary",
        meaning: "explain-tls-handshake-timeout-meaning",
        checks: &[Check::Command("godoctor check")],
        fixes: &[(
            "explain-tls-handshake-timeout-fix-1",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["no such host"],
        code: Code::DnsNxdomain,
        summary: "explain-dns-nxdomain-summary",
        meaning: "explain-dns-nxdomain-meaning",
        checks: &[
            Check::Command("getent hosts <host>"),
            Check::Command("cat /etc/resolv.conf"),
            Check::Text("explain-dns-nxdomain-check-3"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["server misbehaving"],
        code: Code::DnsServfail,
        summary: "explain-dns-servfail-summary",
        meaning: "explain-dns-servfail-meaning",
        checks: &[
            Check::Command("cat /etc/resolv.conf"),
            Check::Command("nslookup <host>"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["lookup ", "i/o timeout"],
        code: Code::DnsTimeout,
        summary: "explain-dns-timeout-summary",
        meaning: "explain-dns-timeout-meaning",
        checks: &[
            Check::Command("cat /etc/resolv.conf"),
            Check::Command("nslookup <host>"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["connect: connection refused"],
        code: Code::TcpRefused,
        summary: "explain-tcp-refused-summary",
        meaning: "explain-tcp-refused-meaning",
        checks: &[
            Check::Text("explain-tcp-refused-check-1"),
            Check::Command("go env GOPROXY"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["connection reset by peer"],
        code: Code::TlsResetAfterClienthello,
        summary: "explain-tls-reset-after-clienthello-summary",
        meaning: "explain-tls-reset-after-clienthello-meaning",
        checks: &[Check::Text("explain-tls-reset-after-clienthello-check-1")],
        fixes: &[(
            "explain-tls-reset-after-clienthello-fix-1",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["dial tcp", "i/o timeout"],
        code: Code::TcpBlackhole,
        summary: "explain-tcp-blackhole-summary",
        meaning: "explain-tcp-blackhole-meaning",
        checks: &[Check::Text("explain-tcp-blackhole-check-1")],
        fixes: &[("explain-tcp-blackhole-fix-1", Some("godoctor check"))],
    },
    Rule {
        needles: &["network is unreachable"],
        code: Code::TcpUnreachable,
        summary: "explain-tcp-unreachable-network-summary",
        meaning: "explain-tcp-unreachable-network-meaning",
        checks: &[Check::Command("ip route"), Check::Command("ip -6 route")],
        fixes: &[],
    },
    Rule {
        needles: &["no route to host"],
        code: Code::TcpUnreachable,
        summary: "explain-tcp-unreachable-host-summary",
        meaning: "explain-tcp-unreachable-host-meaning",
        checks: &[Check::Command("ip route")],
        fixes: &[],
    },
    Rule {
        needles: &["redirected from secure URL"],
        code: Code::HttpRedirectInsecure,
        summary: "explain-http-redirect-insecure-summary",
        meaning: "explain-http-redirect-insecure-meaning",
        checks: &[Check::Command("curl -sSI <url>")],
        fixes: &[],
    },
    Rule {
        needles: &["stopped after 10 redirects"],
        code: Code::HttpRedirectLoop,
        summary: "explain-http-redirect-loop-summary",
        meaning: "explain-http-redirect-loop-meaning",
        checks: &[Check::Command("curl -sSIL <url>")],
        fixes: &[],
    },
    Rule {
        needles: &["403 Forbidden"],
        code: Code::HttpForbidden,
        summary: "explain-http-forbidden-summary",
        meaning: "explain-http-forbidden-meaning",
        checks: &[
            Check::Command("curl -sS <url>"),
            Check::Text("explain-http-forbidden-check-2"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["404 Not Found"],
        code: Code::ModuleNotFound,
        summary: "explain-module-not-found-summary",
        meaning: "explain-module-not-found-meaning",
        checks: &[
            Check::Text("explain-module-not-found-check-1"),
            Check::Command("go env GOPRIVATE"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["410 Gone"],
        code: Code::ModuleNotFound,
        summary: "explain-module-not-found-summary",
        meaning: "explain-module-not-found-meaning",
        checks: &[
            Check::Text("explain-module-not-found-check-1"),
            Check::Command("go env GOPRIVATE"),
        ],
        fixes: &[],
    },
    Rule {
        needles: &["unknown environment setting GO111MODULE="],
        code: Code::Go111moduleInvalid,
        summary: "explain-go111module-invalid-summary",
        meaning: "explain-go111module-invalid-meaning",
        checks: &[Check::Command("go env GO111MODULE")],
        fixes: &[(
            "explain-go111module-invalid-fix-1",
            Some("go env -u GO111MODULE"),
        )],
    },
    Rule {
        needles: &["modules disabled by GO111MODULE=off"],
        code: Code::Go111moduleOff,
        summary: "explain-go111module-off-summary",
        meaning: "explain-go111module-off-meaning",
        checks: &[Check::Command("go env GO111MODULE")],
        fixes: &[(
            "explain-go111module-off-fix-1",
            Some("go env -u GO111MODULE"),
        )],
    },
    Rule {
        needles: &["parsing $GOFLAGS"],
        code: Code::GoflagsMalformed,
        summary: "explain-goflags-malformed-summary",
        meaning: "explain-goflags-malformed-meaning",
        checks: &[Check::Command("go env GOFLAGS")],
        fixes: &[("explain-goflags-malformed-fix-1", Some("go env -u GOFLAGS"))],
    },
    Rule {
        needles: &["malformed module path"],
        code: Code::ModulePathMalformed,
        summary: "explain-module-path-malformed-summary",
        meaning: "explain-module-path-malformed-meaning",
        checks: &[Check::Text("explain-module-path-malformed-check-1")],
        fixes: &[],
    },
    Rule {
        needles: &["unknown revision"],
        code: Code::VcsUnknownRevision,
        summary: "explain-vcs-unknown-revision-summary",
        meaning: "explain-vcs-unknown-revision-meaning",
        checks: &[Check::Command("git ls-remote <repo>")],
        fixes: &[],
    },
];
