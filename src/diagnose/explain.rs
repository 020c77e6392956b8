//! `godoctor explain`: recognise go's error text (docs/go/semantics.md §9, docs/go/toolchains.md), say
//! what go was doing and what it means, what to check, and how to fix it. Unknown text gets
//! `matched: false` and the best partial reading, never an error.

use serde::Serialize;

use super::{Code, Layer, Remedy};

#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub matched: bool,
    pub code: Option<Code>,
    pub layer: Option<Layer>,
    pub host: Option<String>,
    pub summary: String,
    pub meaning: String,
    pub checks: Vec<String>,
    pub remediation: Vec<Remedy>,
    /// The module go named (`go: M@V: …`), for `--probe`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
}

/// The host in `lookup HOST`, `dial tcp HOST:PORT`, or the first URL of the text.
fn word_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let i = text.find(marker)? + marker.len();
    let rest = &text[i..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == ':' || c == '"' || c == '\'' || c == ',')
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|s| !s.is_empty())
}

fn url_host(text: &str) -> Option<String> {
    let i = text.find("://")?;
    let rest = &text[i + 3..];
    let end = rest
        .find(|c: char| c == '/' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let hostport = authority.rsplit('@').next().unwrap_or(authority);
    let host = hostport
        .rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(hostport, |(h, _)| h);
    Some(host.to_owned()).filter(|s| !s.is_empty())
}

/// The host of `dial tcp HOST:PORT`, IPv6 brackets included in the reading.
fn dial_host(text: &str) -> Option<String> {
    let rest = &text[text.find("dial tcp ")? + "dial tcp ".len()..];
    match rest.strip_prefix('[') {
        Some(v6) => v6.split(']').next().map(str::to_owned),
        None => word_after(text, "dial tcp ").map(str::to_owned),
    }
    .filter(|h| !h.is_empty())
}

/// `go: M@V: …` → `M@V`.
fn module_of(text: &str) -> Option<String> {
    for line in text.lines() {
        // Pasted output may start with the command or a blank line.
        let Some(rest) = line.trim().strip_prefix("go: ") else {
            continue;
        };
        let first = rest.split(": ").next()?;
        if first.contains('.')
            && !first.contains(' ')
            && first
                .split('@')
                .next()
                .is_some_and(|p| p.contains('/') || p.contains('.'))
        {
            return Some(first.to_owned());
        }
    }
    None
}

struct Rule {
    /// Every needle must occur (case-sensitive, as go prints it).
    needles: &'static [&'static str],
    /// Its layer is the code's.
    code: Code,
    summary: &'static str,
    meaning: &'static str,
    checks: &'static [&'static str],
    fixes: &'static [(&'static str, Option<&'static str>)],
}

const RULES: &[Rule] = &[
    Rule {
        needles: &["SECURITY ERROR", "go.sum database server misbehavior"],
        code: Code::SumdbMisbehavior,
        summary: "the checksum database contradicted a tree head go verified earlier",
        meaning: "go keeps the last verified tree head of the checksum database; a new answer that is not consistent with it means the database, or something in between, is lying.",
        checks: &[
            "whether a proxy or firewall rewrites traffic to the checksum database",
            "GOSUMDB and the proxy that relays it",
        ],
        fixes: &[(
            "after confirming the network is trusted, clear the cached tree head",
            Some("rm -f \"$(go env GOPATH)/pkg/sumdb/sum.golang.org/latest\""),
        )],
    },
    Rule {
        needles: &["SECURITY ERROR", "checksum server"],
        code: Code::SumdbChecksumMismatch,
        summary: "the downloaded module differs from what the checksum database recorded",
        meaning: "the bytes go downloaded do not match the hash the checksum database holds for this version: the proxy served altered content, or the download was tampered with.",
        checks: &[
            "which GOPROXY entry served the module (go env GOPROXY)",
            "whether a TLS-intercepting proxy sits in between",
        ],
        fixes: &[
            (
                "fetch it from another proxy and compare",
                Some("GOFLAGS=-mod=mod GOPROXY=https://proxy.golang.org go mod download -x"),
            ),
            ("never set GOSUMDB=off or GONOSUMDB to silence this", None),
        ],
    },
    Rule {
        needles: &["SECURITY ERROR", "go.sum"],
        code: Code::GosumMismatch,
        summary: "the downloaded module differs from the hash in go.sum",
        meaning: "go.sum records what an earlier download looked like; this download differs. Either the module was re-tagged upstream, or the download was altered.",
        checks: &[
            "git log -p go.sum for the module's line",
            "whether the module author re-published the version",
        ],
        fixes: &[(
            "if the upstream change is legitimate, drop the stale lines and re-download",
            Some("go mod tidy"),
        )],
    },
    Rule {
        needles: &["checksum database disabled by GOSUMDB=off"],
        code: Code::ToolchainNeedsSumdb,
        summary: "go must verify a toolchain download, but GOSUMDB=off",
        meaning: "since Go 1.21 a go.mod that asks for a newer Go makes go download golang.org/toolchain; go always verifies toolchains with the checksum database, even with GOSUMDB=off.",
        checks: &["go env GOSUMDB", "the go and toolchain lines of go.mod"],
        fixes: &[
            (
                "turn the checksum database back on",
                Some("go env -u GOSUMDB"),
            ),
            ("or install the Go release go.mod asks for", None),
        ],
    },
    Rule {
        needles: &["toolchain not available"],
        code: Code::ToolchainUnavailable,
        summary: "no GOPROXY entry served the Go toolchain go.mod asks for",
        meaning: "go tried to download golang.org/toolchain for the Go version in go.mod or go.work; the proxies did not have it, or the direct route to go.dev failed.",
        checks: &[
            "the go/toolchain lines of go.mod",
            "go env GOPROXY GOTOOLCHAIN",
        ],
        fixes: &[(
            "install the needed Go release, or use a proxy that serves golang.org/toolchain",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["requires go >=", "GOTOOLCHAIN=local"],
        code: Code::ToolchainLocalTooOld,
        summary: "go.mod needs a newer Go and GOTOOLCHAIN=local forbids switching",
        meaning: "the installed go is older than the go line of go.mod (or a dependency's), and GOTOOLCHAIN=local tells go never to download a newer one.",
        checks: &["go version", "go env GOTOOLCHAIN", "the go line of go.mod"],
        fixes: &[
            (
                "let go download the toolchain it needs",
                Some("go env -w GOTOOLCHAIN=auto"),
            ),
            ("or install that Go release", None),
        ],
    },
    Rule {
        needles: &["invalid GOTOOLCHAIN"],
        code: Code::GotoolchainInvalid,
        summary: "GOTOOLCHAIN has a value go does not accept",
        meaning: "GOTOOLCHAIN must be local, auto, path, a toolchain name like go1.22.3, or a name with +auto or +path; with anything else every go command fails except `go env GOTOOLCHAIN` and `go env -w GOTOOLCHAIN=…`.",
        checks: &["go env GOTOOLCHAIN", "env | grep GOTOOLCHAIN"],
        fixes: &[(
            "reset it (this command works even now)",
            Some("go env -w GOTOOLCHAIN=auto"),
        )],
    },
    Rule {
        needles: &["invalid toolchain", "in go."],
        code: Code::GomodToolchainInvalid,
        summary: "the toolchain line of go.mod or go.work is not a toolchain name",
        meaning: "a toolchain line names a release such as go1.22.3 (or default); go cannot select anything else.",
        checks: &["the toolchain line of go.mod / go.work"],
        fixes: &[(
            "drop the toolchain line",
            Some("go mod edit -toolchain=none"),
        )],
    },
    Rule {
        needles: &["is a language version but not a toolchain version"],
        code: Code::GomodToolchainInvalid,
        summary: "the toolchain line names a language version (go1.22), not a release (go1.22.0)",
        meaning: "`toolchain go1.22` is not normalised: go looks for a download named go1.22, which does not exist.",
        checks: &["the toolchain line of go.mod / go.work"],
        fixes: &[("name a release", Some("go mod edit -toolchain=go1.22.0"))],
    },
    Rule {
        needles: &["cannot find", "in PATH"],
        code: Code::ToolchainNotInPath,
        summary: "GOTOOLCHAIN=path (or +path) and the needed goX.Y.Z is not in PATH",
        meaning: "in path mode go never downloads toolchains: it runs a goX.Y.Z binary from PATH or fails.",
        checks: &["go env GOTOOLCHAIN", "which the goX.Y.Z binary"],
        fixes: &[("or let go download it", Some("go env -w GOTOOLCHAIN=auto"))],
    },
    Rule {
        needles: &["switching to go >="],
        code: Code::ToolchainUnavailable,
        summary: "go needed a newer toolchain in the middle of a command and found none",
        meaning: "go get, go mod tidy or go mod download met a dependency needing a newer Go; go lists golang.org/toolchain versions through GOPROXY (or goX binaries in PATH) and found no suitable one.",
        checks: &["go env GOPROXY GOTOOLCHAIN", "godoctor check"],
        fixes: &[],
    },
    Rule {
        needles: &["too many toolchain switches"],
        code: Code::ToolchainSwitchLoop,
        summary: "go kept switching toolchains",
        meaning: "each toolchain go switched to asked for another one: usually a GOTOOLCHAIN set in the environment of a toolchain that is itself too old.",
        checks: &["go env GOTOOLCHAIN", "env | grep GOTOOLCHAIN"],
        fixes: &[],
    },
    Rule {
        needles: &["invoked to provide"],
        code: Code::ToolchainMarkerLeaked,
        summary: "a toolchain switch marker leaked into the environment",
        meaning: "GOTOOLCHAIN_INTERNAL_SWITCH_VERSION is set in the environment, so this go thinks it was started to be another version.",
        checks: &["env | grep GOTOOLCHAIN_INTERNAL"],
        fixes: &[(
            "remove it",
            Some("unset GOTOOLCHAIN_INTERNAL_SWITCH_VERSION GOTOOLCHAIN_INTERNAL_SWITCH_COUNT"),
        )],
    },
    Rule {
        needles: &["listed in go.work file requires go >="],
        code: Code::GoworkGoTooOld,
        summary: "go.work asks for an older Go than a module it uses",
        meaning: "every module in the workspace must fit the go line of go.work.",
        checks: &["the go line of go.work"],
        fixes: &[("raise it", Some("go work use"))],
    },
    Rule {
        needles: &["unknown directive: toolchain"],
        code: Code::GoTooOldForGomod,
        summary: "this go predates the toolchain directive (Go 1.21)",
        meaning: "go.mod has a `toolchain` line, which go older than 1.21 cannot parse.",
        checks: &["go version"],
        fixes: &[("install Go 1.21 or newer", None)],
    },
    Rule {
        needles: &["invalid go version", "must match format"],
        code: Code::GoTooOldForGomod,
        summary: "this go cannot parse a three-part go line (Go 1.21+ syntax)",
        meaning: "go.mod says `go 1.N.P`; go older than 1.21 only accepts `go 1.N`.",
        checks: &["go version", "the go line of go.mod"],
        fixes: &[("install Go 1.21 or newer", None)],
    },
    Rule {
        needles: &["module lookup disabled by GOPROXY=off"],
        code: Code::GoproxyOff,
        summary: "GOPROXY=off forbids downloading modules",
        meaning: "with GOPROXY=off go only uses the module cache (and fetches GONOPROXY matches directly).",
        checks: &["go env GOPROXY", "env | grep GOPROXY"],
        fixes: &[(
            "let go download modules",
            Some("go env -w GOPROXY=https://proxy.golang.org,direct"),
        )],
    },
    Rule {
        needles: &["module lookup disabled by -mod="],
        code: Code::GoflagsModVendor,
        summary: "go is in vendor mode and will not download modules",
        meaning: "with -mod=vendor (the default when go.mod says go ≥ 1.14 and vendor/ exists) go builds from vendor/ and refuses module lookups.",
        checks: &["go env GOFLAGS", "vendor/modules.txt"],
        fixes: &[
            ("refresh vendor/ from the network", Some("go mod vendor")),
            ("or build with modules", Some("go build -mod=mod ./...")),
        ],
    },
    Rule {
        needles: &["GOPROXY list is not the empty string, but contains no entries"],
        code: Code::GoproxyMalformed,
        summary: "GOPROXY is set but names no proxy",
        meaning: "GOPROXY is something like `,` or blank, or an empty `GOPROXY=` line in the go/env file hides the default from $GOROOT/go.env (Go 1.21+).",
        checks: &["go env GOPROXY", "cat \"$(go env GOENV)\""],
        fixes: &[("restore the default", Some("go env -u GOPROXY"))],
    },
    Rule {
        needles: &["invalid proxy URL"],
        code: Code::GoproxyMalformed,
        summary: "go rejects a GOPROXY entry",
        meaning: "every GOPROXY entry must be a URL with http, https or file scheme (or direct/off).",
        checks: &["go env GOPROXY"],
        fixes: &[(
            "use a valid list",
            Some("go env -w GOPROXY=https://proxy.golang.org,direct"),
        )],
    },
    Rule {
        needles: &["missing GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "GOSUMDB is empty",
        meaning: "an empty `GOSUMDB=` line in the go/env file hides the default from $GOROOT/go.env (Go 1.21+), or $GOROOT/go.env is missing.",
        checks: &[
            "go env GOSUMDB",
            "cat \"$(go env GOENV)\"",
            "ls \"$(go env GOROOT)/go.env\"",
        ],
        fixes: &[("restore the default", Some("go env -u GOSUMDB"))],
    },
    Rule {
        needles: &["invalid GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "go rejects GOSUMDB",
        meaning: "GOSUMDB must be `off`, `sum.golang.org`, or `<name>+<hash>+<key> [url]` with a valid key.",
        checks: &["go env GOSUMDB"],
        fixes: &[("restore the default", Some("go env -u GOSUMDB"))],
    },
    Rule {
        needles: &["verifying", "sum.golang.org/lookup", "410 Gone"],
        code: Code::PrivateModuleNotPrivate,
        summary: "the public checksum database does not know this module: it is private or unpublished",
        meaning: "go asked sum.golang.org (directly or through a proxy's /sumdb/) about a module it cannot fetch: typically a private module that GOPRIVATE/GONOSUMDB does not cover.",
        checks: &[
            "go env GOPRIVATE GONOSUMDB",
            "whether the module path is public",
        ],
        fixes: &[(
            "mark the private module's host private",
            Some("go env -w GOPRIVATE=<private host or prefix>"),
        )],
    },
    Rule {
        needles: &["verifying", "/lookup/", "404 Not Found"],
        code: Code::PrivateModuleNotPrivate,
        summary: "the checksum database does not know this module: it is private or unpublished",
        meaning: "go asked the checksum database about a module it cannot fetch: typically a private module that GOPRIVATE/GONOSUMDB does not cover.",
        checks: &["go env GOPRIVATE GONOSUMDB"],
        fixes: &[(
            "mark the private module's host private",
            Some("go env -w GOPRIVATE=<private host or prefix>"),
        )],
    },
    Rule {
        needles: &["terminal prompts disabled"],
        code: Code::VcsAuthRequired,
        summary: "git needs credentials for a repository go fetches directly",
        meaning: "go runs git with GIT_TERMINAL_PROMPT=0, so git fails instead of asking for a user name and password.",
        checks: &[
            "git ls-remote https://<repo> (does it ask for a password?)",
            "~/.netrc and git's credential helper",
        ],
        fixes: &[
            (
                "store a token for the host",
                Some("printf 'machine <host> login <user> password <token>\\n' >> ~/.netrc"),
            ),
            (
                "or use SSH",
                Some("git config --global url.\"git@<host>:\".insteadOf \"https://<host>/\""),
            ),
        ],
    },
    Rule {
        needles: &["Permission denied (publickey"],
        code: Code::VcsAuthRequired,
        summary: "the git host rejected your SSH key",
        meaning: "git fetches over SSH (usually an insteadOf rewrite) and no key it offered is accepted.",
        checks: &["ssh -T git@<host>", "git config --get-regexp insteadof"],
        fixes: &[("load your key", Some("ssh-add -l || ssh-add"))],
    },
    Rule {
        needles: &["Could not read from remote repository"],
        code: Code::VcsAuthRequired,
        summary: "git could not read the repository (credentials or access)",
        meaning: "git reached the host but was not allowed to read the repository, or could not connect over SSH.",
        checks: &["git ls-remote <repo>", "git config --get-regexp insteadof"],
        fixes: &[(
            "check access with the same URL git uses",
            Some("GIT_TERMINAL_PROMPT=0 git ls-remote <repo>"),
        )],
    },
    Rule {
        needles: &["unrecognized import path"],
        code: Code::VcsDiscoveryFailed,
        summary: "go could not find the repository behind an import path",
        meaning: "for a direct fetch go asks https://<path>?go-get=1 for a go-import meta tag; that request failed or the page had no tag.",
        checks: &[
            "curl -sS 'https://<path>?go-get=1' | grep go-import",
            "whether the module is private (GOPRIVATE)",
        ],
        fixes: &[(
            "if it is private, mark it so it is fetched directly (and check the credentials)",
            Some("go env -w GOPRIVATE=<host>"),
        )],
    },
    Rule {
        needles: &["GOVCS disallows"],
        code: Code::GovcsDisallowed,
        summary: "GOVCS forbids the version-control tool this module needs",
        meaning: "GOVCS limits which VCS go may run for public and private modules (default: git and hg for public).",
        checks: &["go env GOVCS GOPRIVATE"],
        fixes: &[(
            "allow it, e.g.",
            Some("go env -w GOVCS=public:git|hg,private:all"),
        )],
    },
    Rule {
        needles: &["proxyconnect tcp"],
        code: Code::ProxyUnreachable,
        summary: "go could not connect to the HTTP proxy in HTTPS_PROXY",
        meaning: "go sends https requests through HTTPS_PROXY; connecting (or TLS) to that proxy failed.",
        checks: &[
            "env | grep -i _proxy",
            "whether the proxy is up and its port right",
        ],
        fixes: &[(
            "if this network needs no proxy",
            Some("unset HTTPS_PROXY https_proxy"),
        )],
    },
    Rule {
        needles: &["Proxy Authentication Required"],
        code: Code::ProxyAuthRequired,
        summary: "the HTTP proxy wants credentials",
        meaning: "the proxy in HTTPS_PROXY answered CONNECT with 407.",
        checks: &["env | grep -i https_proxy (are USER:PASSWORD in it?)"],
        fixes: &[(
            "give go the credentials",
            Some("export HTTPS_PROXY=http://USER:PASSWORD@proxy.host:PORT"),
        )],
    },
    Rule {
        needles: &["certificate signed by unknown authority"],
        code: Code::TlsUnknownIssuerInterception,
        summary: "go does not trust the certificate it was shown",
        meaning: "the server's certificate chains to a CA not in go's roots: a TLS-intercepting proxy or firewall, or a private CA (for an internal host).",
        checks: &[
            "godoctor check -v (shows the presented chain and its issuer)",
            "echo $SSL_CERT_FILE $SSL_CERT_DIR",
        ],
        fixes: &[(
            "install the CA (never disable verification)",
            Some(
                "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
            ),
        )],
    },
    Rule {
        needles: &["certificate has expired or is not yet valid"],
        code: Code::TlsExpired,
        summary: "the certificate is outside its validity period",
        meaning: "either the server's certificate really expired, or this machine's clock is wrong.",
        checks: &["date -u", "timedatectl status"],
        fixes: &[(
            "fix the clock if it is wrong",
            Some("sudo timedatectl set-ntp true"),
        )],
    },
    Rule {
        needles: &["x509: certificate is valid for"],
        code: Code::TlsNameMismatch,
        summary: "the certificate belongs to another name",
        meaning: "the server that answered is not the host go asked for: a redirecting firewall, a wrong DNS answer, or a misconfigured proxy.",
        checks: &["getent hosts <host>", "godoctor check -v"],
        fixes: &[],
    },
    Rule {
        needles: &["failed to load system roots"],
        code: Code::TlsNoRoots,
        summary: "go found no CA certificates at all",
        meaning: "no CA bundle was readable (SSL_CERT_FILE/SSL_CERT_DIR point nowhere, or ca-certificates is not installed).",
        checks: &[
            "echo $SSL_CERT_FILE $SSL_CERT_DIR",
            "ls /etc/ssl/certs/ca-certificates.crt",
        ],
        fixes: &[(
            "install the CA bundle",
            Some("sudo apt-get install -y ca-certificates"),
        )],
    },
    Rule {
        needles: &["TLS handshake timeout"],
        code: Code::TlsHandshakeTimeout,
        summary: "the TLS handshake did not finish within 10 s",
        meaning: "TCP connected but the server (or something in between) never completed TLS: often SNI-based filtering that drops the connection silently.",
        checks: &["godoctor check"],
        fixes: &[("use a mirror that is reachable", Some("godoctor check"))],
    },
    Rule {
        needles: &["no such host"],
        code: Code::DnsNxdomain,
        summary: "the name does not resolve",
        meaning: "the resolver answered that the host does not exist (NXDOMAIN) or has no address.",
        checks: &[
            "getent hosts <host>",
            "cat /etc/resolv.conf",
            "go env GOPROXY (a typo in a proxy name?)",
        ],
        fixes: &[],
    },
    Rule {
        needles: &["server misbehaving"],
        code: Code::DnsServfail,
        summary: "the DNS server failed to answer (SERVFAIL/REFUSED)",
        meaning: "the nameserver in /etc/resolv.conf returned an error instead of an answer.",
        checks: &["cat /etc/resolv.conf", "nslookup <host>"],
        fixes: &[],
    },
    Rule {
        needles: &["lookup ", "i/o timeout"],
        code: Code::DnsTimeout,
        summary: "the DNS server did not answer",
        meaning: "go asked the nameservers of /etc/resolv.conf and none answered in time.",
        checks: &["cat /etc/resolv.conf", "nslookup <host>"],
        fixes: &[],
    },
    Rule {
        needles: &["connect: connection refused"],
        code: Code::TcpRefused,
        summary: "the host refused the connection",
        meaning: "nothing listens on that address and port, or a firewall rejects it.",
        checks: &["the address and port in the message", "go env GOPROXY"],
        fixes: &[],
    },
    Rule {
        needles: &["connection reset by peer"],
        code: Code::TlsResetAfterClienthello,
        summary: "the connection was reset, typically right after the TLS ClientHello",
        meaning: "a reset just after go sends the server name in the TLS handshake is the signature of SNI filtering by a firewall.",
        checks: &["godoctor check (shows whether the reset follows the ClientHello)"],
        fixes: &[(
            "use a mirror that is reachable from this network",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["dial tcp", "i/o timeout"],
        code: Code::TcpBlackhole,
        summary: "the connection timed out: packets are dropped",
        meaning: "go's dialer waited (30 s by default) without any answer: a firewall drops the traffic or the address is unreachable.",
        checks: &["godoctor check (tests every address, IPv4 and IPv6)"],
        fixes: &[(
            "use a reachable mirror or the network's proxy",
            Some("godoctor check"),
        )],
    },
    Rule {
        needles: &["network is unreachable"],
        code: Code::TcpUnreachable,
        summary: "no route to the address",
        meaning: "this machine has no route to the address (often an IPv6 address on an IPv4-only network).",
        checks: &["ip route", "ip -6 route"],
        fixes: &[],
    },
    Rule {
        needles: &["no route to host"],
        code: Code::TcpUnreachable,
        summary: "no route to the host",
        meaning: "a router or firewall reported the host unreachable.",
        checks: &["ip route"],
        fixes: &[],
    },
    Rule {
        needles: &["redirected from secure URL"],
        code: Code::HttpRedirectInsecure,
        summary: "an https request was redirected to plain http",
        meaning: "go refuses to follow a redirect from https to http.",
        checks: &["curl -sSI <url>"],
        fixes: &[],
    },
    Rule {
        needles: &["stopped after 10 redirects"],
        code: Code::HttpRedirectLoop,
        summary: "a redirect loop",
        meaning: "go follows at most 10 redirects.",
        checks: &["curl -sSIL <url>"],
        fixes: &[],
    },
    Rule {
        needles: &["403 Forbidden"],
        code: Code::HttpForbidden,
        summary: "the server refused the request (403)",
        meaning: "the proxy or a firewall in front of it forbids this request; go stops at a `,` separator.",
        checks: &["curl -sS <url>", "~/.netrc credentials for the host"],
        fixes: &[],
    },
    Rule {
        needles: &["404 Not Found"],
        code: Code::ModuleNotFound,
        summary: "the proxy does not have this module or version",
        meaning: "every GOPROXY entry answered 404/410: the path or version is wrong, or the module is private.",
        checks: &["the module path and version", "go env GOPRIVATE"],
        fixes: &[],
    },
    Rule {
        needles: &["410 Gone"],
        code: Code::ModuleNotFound,
        summary: "the proxy does not have this module or version",
        meaning: "every GOPROXY entry answered 404/410: the path or version is wrong, or the module is private.",
        checks: &["the module path and version", "go env GOPRIVATE"],
        fixes: &[],
    },
    Rule {
        needles: &["unknown environment setting GO111MODULE="],
        code: Code::Go111moduleInvalid,
        summary: "GO111MODULE has a value go does not know",
        meaning: "go accepts only on, off, auto or empty, in lower case; anything else stops module-aware commands.",
        checks: &["go env GO111MODULE"],
        fixes: &[("use go's default", Some("go env -u GO111MODULE"))],
    },
    Rule {
        needles: &["modules disabled by GO111MODULE=off"],
        code: Code::Go111moduleOff,
        summary: "module mode is off",
        meaning: "GO111MODULE=off puts go in GOPATH mode.",
        checks: &["go env GO111MODULE"],
        fixes: &[("turn module mode on", Some("go env -u GO111MODULE"))],
    },
    Rule {
        needles: &["parsing $GOFLAGS"],
        code: Code::GoflagsMalformed,
        summary: "GOFLAGS has something go cannot parse",
        meaning: "every go command except go env fails while GOFLAGS is invalid.",
        checks: &["go env GOFLAGS"],
        fixes: &[("remove it", Some("go env -u GOFLAGS"))],
    },
    Rule {
        needles: &["malformed module path"],
        code: Code::ModulePathMalformed,
        summary: "the module path is not valid",
        meaning: "a module path must start with a host name containing a dot.",
        checks: &["the import or require line"],
        fixes: &[],
    },
    Rule {
        needles: &["unknown revision"],
        code: Code::VcsUnknownRevision,
        summary: "the repository has no such version",
        meaning: "the tag or commit does not exist in the repository go fetched (or is not visible with these credentials).",
        checks: &["git ls-remote <repo>"],
        fixes: &[],
    },
];

/// Every rule's texts as an explanation (placeholders not filled), for the translations' tests.
#[cfg(test)]
pub(crate) fn all_rules() -> Vec<Explanation> {
    RULES
        .iter()
        .map(|r| Explanation {
            matched: true,
            code: Some(r.code),
            layer: Some(r.code.layer()),
            host: None,
            summary: r.summary.to_owned(),
            meaning: r.meaning.to_owned(),
            checks: r.checks.iter().map(|s| (*s).to_owned()).collect(),
            remediation: r
                .fixes
                .iter()
                .map(|(d, c)| Remedy {
                    description: (*d).to_owned(),
                    command: c.map(str::to_owned),
                    text: None,
                })
                .collect(),
            module: None,
        })
        .collect()
}

/// Reads go's error text.
pub fn explain(text: &str) -> Explanation {
    let module = module_of(text);
    for rule in RULES {
        if rule.needles.iter().all(|n| text.contains(n)) {
            let host = match rule.code.layer() {
                Layer::Dns => word_after(text, "lookup ").map(str::to_owned),
                Layer::Tcp => dial_host(text).or_else(|| url_host(text)),
                Layer::Config => None,
                _ => url_host(text),
            };
            let host = host.or_else(|| {
                if rule.code == Code::PrivateModuleNotPrivate {
                    module
                        .as_ref()
                        .map(|m| m.split('/').next().unwrap_or("").to_owned())
                } else {
                    None
                }
            });
            // Fill the placeholders the text lets us fill.
            let h = host.clone();
            let fill = move |s: &str| match &h {
                Some(h) => s
                    .replace("<private host or prefix>", h)
                    .replace("<host>", h),
                None => s.to_owned(),
            };
            return Explanation {
                matched: true,
                code: Some(rule.code),
                layer: Some(rule.code.layer()),
                host,
                summary: rule.summary.to_owned(),
                meaning: rule.meaning.to_owned(),
                checks: rule.checks.iter().map(|s| fill(s)).collect(),
                remediation: rule
                    .fixes
                    .iter()
                    .map(|(d, c)| Remedy {
                        description: (*d).to_owned(),
                        command: c.map(&fill),
                        text: None,
                    })
                    .collect(),
                module,
            };
        }
    }
    let host = url_host(text).or_else(|| word_after(text, "lookup ").map(str::to_owned));
    Explanation {
        matched: false,
        code: None,
        layer: None,
        summary: "godoctor does not recognise this error".into(),
        meaning: match (&module, &host) {
            (Some(m), _) => {
                format!("go failed while working on {m}; run `godoctor check` to probe its route.")
            }
            (None, Some(h)) => {
                format!("the text names {h}; run `godoctor check` to probe the routes go takes.")
            }
            (None, None) => "run `godoctor check` to see what go will do.".into(),
        },
        host,
        checks: vec!["godoctor check".into()],
        remediation: Vec::new(),
        module,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<Code> {
        explain(text).code
    }

    // Every error shape of docs/go/semantics.md §9 and docs/go/toolchains.md.
    #[test]
    fn recognises_go_error_texts() {
        let cases: &[(&str, Code)] = &[
            (
                "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
                Code::DnsNxdomain,
            ),
            (
                "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: server misbehaving",
                Code::DnsServfail,
            ),
            (
                "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.0.5:4000->10.0.0.2:53: i/o timeout",
                Code::DnsTimeout,
            ),
            (
                "go: x@v1: Get \"https://proxy.golang.org/x/@v/v1.mod\": dial tcp 142.250.1.1:443: i/o timeout",
                Code::TcpBlackhole,
            ),
            (
                "dial tcp 1.2.3.4:443: connect: connection refused",
                Code::TcpRefused,
            ),
            (
                "Get \"https://proxy.golang.org/x\": read tcp 10.0.0.5:5000->142.250.1.1:443: read: connection reset by peer",
                Code::TlsResetAfterClienthello,
            ),
            (
                "Get \"https://proxy.golang.org/…\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused",
                Code::ProxyUnreachable,
            ),
            (
                "Get \"https://proxy.golang.org/x\": Proxy Authentication Required",
                Code::ProxyAuthRequired,
            ),
            (
                "Get \"https://proxy.golang.org/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
                Code::TlsUnknownIssuerInterception,
            ),
            (
                "x509: certificate has expired or is not yet valid: current time 2026-01-01",
                Code::TlsExpired,
            ),
            (
                "x509: certificate is valid for a.example, not proxy.golang.org",
                Code::TlsNameMismatch,
            ),
            (
                "x509: failed to load system roots and no roots provided",
                Code::TlsNoRoots,
            ),
            ("net/http: TLS handshake timeout", Code::TlsHandshakeTimeout),
            (
                "go: rsc.io/quote@v1.999.999: reading https://proxy.golang.org/rsc.io/quote/@v/v1.999.999.info: 404 Not Found",
                Code::ModuleNotFound,
            ),
            (
                "go: git.corp.example/x@v1.0.0: verifying module: git.corp.example/x@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example/x@v1.0.0: 410 Gone",
                Code::PrivateModuleNotPrivate,
            ),
            (
                "verifying github.com/x/y@v1.0.0: checksum mismatch\n\tdownloaded: h1:a\n\tgo.sum:     h1:b\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.",
                Code::GosumMismatch,
            ),
            (
                "go: x@v1: verifying module: checksum mismatch\n\tdownloaded: h1:a\n\tsum.golang.org: h1:b\n\nSECURITY ERROR\nThis download does NOT match the one reported by the checksum server.",
                Code::SumdbChecksumMismatch,
            ),
            (
                "SECURITY ERROR\ngo.sum database server misbehavior detected!",
                Code::SumdbMisbehavior,
            ),
            (
                "go: golang.org/x/text: module lookup disabled by GOPROXY=off",
                Code::GoproxyOff,
            ),
            (
                "go: GOPROXY list is not the empty string, but contains no entries",
                Code::GoproxyMalformed,
            ),
            (
                "go: invalid proxy URL missing scheme: foo",
                Code::GoproxyMalformed,
            ),
            (
                "go: x@v1: verifying go.mod: missing GOSUMDB",
                Code::GosumdbMalformed,
            ),
            (
                "go: x@v1: verifying go.mod: invalid GOSUMDB: malformed verifier id",
                Code::GosumdbMalformed,
            ),
            (
                "fatal: could not read Username for 'https://git.corp.example': terminal prompts disabled",
                Code::VcsAuthRequired,
            ),
            (
                "go: corp.example/x@latest: unrecognized import path \"corp.example/x\": https fetch: Get \"https://corp.example/x?go-get=1\": dial tcp: lookup corp.example: no such host",
                Code::VcsDiscoveryFailed,
            ),
            (
                "go: GOVCS disallows using git for public github.com/google/go-cmp; see 'go help vcs'",
                Code::GovcsDisallowed,
            ),
            (
                "go: download go1.24.1: golang.org/toolchain@v0.0.1-go1.24.1.linux-amd64: verifying module: checksum database disabled by GOSUMDB=off",
                Code::ToolchainNeedsSumdb,
            ),
            (
                "go: download go1.99.0 for linux/amd64: toolchain not available",
                Code::ToolchainUnavailable,
            ),
            (
                "go: go.mod requires go >= 1.99.0 (running go 1.27.3; GOTOOLCHAIN=local)",
                Code::ToolchainLocalTooOld,
            ),
            (
                "go: errors parsing go.mod:\n/x/go.mod:5: unknown directive: toolchain",
                Code::GoTooOldForGomod,
            ),
            ("go: invalid GOTOOLCHAIN \"bash\"", Code::GotoolchainInvalid),
            (
                "go: invalid toolchain \"bogus\" in go.mod",
                Code::GomodToolchainInvalid,
            ),
            (
                "go: invalid toolchain: go1.99 is a language version but not a toolchain version (go1.99.x)",
                Code::GomodToolchainInvalid,
            ),
            (
                "go: cannot find \"go1.99.3\" in PATH",
                Code::ToolchainNotInPath,
            ),
            (
                "go: switching to go >= 1.99: no releases found for go >= 1.99",
                Code::ToolchainUnavailable,
            ),
            ("go: too many toolchain switches", Code::ToolchainSwitchLoop),
            (
                "go: toolchain go1.27.3 invoked to provide go1.99.0",
                Code::ToolchainMarkerLeaked,
            ),
            (
                "go: module . listed in go.work file requires go >= 1.26.0, but go.work lists go 1.21; to download and use go 1.26.0:\n\tgo work use",
                Code::GoworkGoTooOld,
            ),
            (
                "go.mod:3: invalid go version '1.22.0': must match format 1.23",
                Code::GoTooOldForGomod,
            ),
            (
                "go: modules disabled by GO111MODULE=off; see 'go help modules'",
                Code::Go111moduleOff,
            ),
            (
                "go: parsing $GOFLAGS: non-flag \"x\"",
                Code::GoflagsMalformed,
            ),
            (
                "module lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)",
                Code::GoflagsModVendor,
            ),
            (
                "go: bad/path@latest: malformed module path \"bad/path\": missing dot in first path element",
                Code::ModulePathMalformed,
            ),
            (
                "go: github.com/golang/term@86186f3: invalid version: unknown revision 86186f3",
                Code::VcsUnknownRevision,
            ),
            (
                "redirected from secure URL https://a/x to insecure URL http://a/x",
                Code::HttpRedirectInsecure,
            ),
            ("stopped after 10 redirects", Code::HttpRedirectLoop),
        ];
        for (text, want) in cases {
            assert_eq!(code(text), Some(*want), "{text}");
        }
    }

    #[test]
    fn hosts_and_modules() {
        let e = explain(
            "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/x\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
        );
        assert_eq!(e.host.as_deref(), Some("proxy.golang.org"));
        assert_eq!(e.module.as_deref(), Some("golang.org/x/text@v0.3.0"));
        let e = explain("dial tcp [2607:f8b0::1]:443: i/o timeout");
        assert_eq!(e.host.as_deref(), Some("2607:f8b0::1"));
        let e = explain(
            "$ go mod download\ngo: example.com/m@v1.0.0: Get \"https://p.example/x\": dial tcp 10.0.0.1:443: i/o timeout",
        );
        assert_eq!(e.host.as_deref(), Some("10.0.0.1"));
        assert_eq!(e.module.as_deref(), Some("example.com/m@v1.0.0"));
        let e = explain(
            "Get \"https://u:p@proxy.corp.example/x\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
        );
        assert_eq!(e.host.as_deref(), Some("proxy.corp.example"));
    }

    #[test]
    fn unknown_text_is_not_an_error() {
        let e = explain("something odd happened");
        assert!(!e.matched);
        assert!(e.code.is_none());
    }
}
