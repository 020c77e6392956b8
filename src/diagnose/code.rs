//! The finding codes: one vocabulary in one place. Each code has its string (the JSON contract,
//! matched by CI scripts), the README group it belongs to, the severity and layer it is usually
//! reported with, and one line saying what it means. `docs/codes.md` is generated from this
//! table, and tests hold the README and the sources to it: no other module spells a code.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::{Layer, Severity};
use crate::config::toolchain::Refusal;

/// The README's "Finding codes" groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Configuration,
    Network,
    Toolchain,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Configuration, Group::Network, Group::Toolchain];

    /// The heading of its README paragraph.
    pub fn title(self) -> &'static str {
        match self {
            Group::Configuration => "Configuration",
            Group::Network => "Network",
            Group::Toolchain => "Toolchains",
        }
    }
}

/// One line per code: `/// doc`, then `Variant = "STRING", Severity, Layer;` (Variant is the
/// string in UpperCamelCase). `explain_only` marks codes that only `godoctor explain` gives.
macro_rules! codes {
    (@explain_only explain_only) => { true };
    (@explain_only) => { false };
    ($(
        $group:ident {
            $(
                #[doc = $doc:literal]
                $variant:ident = $string:literal, $severity:ident, $layer:ident $(, $only:ident)?;
            )+
        }
    )+) => {
        /// A finding code. Serialized as its string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(
                #[doc = $doc]
                $variant,
            )+)+
        }

        impl Code {
            /// Every code, grouped as in the README.
            pub const ALL: &[Code] = &[$($(Code::$variant,)+)+];

            /// The stable SCREAMING_SNAKE_CASE string of the JSON contract.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($(Code::$variant => $string,)+)+
                }
            }

            /// The code in kebab case, as catalog ids name it (`finding-<kebab>…`).
            pub fn kebab(self) -> String {
                self.as_str().to_ascii_lowercase().replace('_', "-")
            }

            pub fn group(self) -> Group {
                match self {
                    $($(Code::$variant => Group::$group,)+)+
                }
            }

            /// The severity most findings with this code have (see [`super::Finding::of`]).
            pub fn severity(self) -> Severity {
                match self {
                    $($(Code::$variant => Severity::$severity,)+)+
                }
            }

            /// The layer at fault (`root_cause.layer`) most findings with this code name.
            pub fn layer(self) -> Layer {
                match self {
                    $($(Code::$variant => Layer::$layer,)+)+
                }
            }

            /// What the code means, in one line.
            pub fn doc(self) -> &'static str {
                let doc: &'static str = match self {
                    $($(Code::$variant => $doc,)+)+
                };
                doc.trim()
            }

            /// Only `godoctor explain` reports it (read from go's error text); `check` never does.
            pub fn explain_only(self) -> bool {
                match self {
                    $($(Code::$variant => codes!(@explain_only $($only)?),)+)+
                }
            }
        }
    };
}

codes! {
    Configuration {
        /// GOPROXY=off: go downloads no module that is not already in the module cache.
        GoproxyOff = "GOPROXY_OFF", Error, Config;
        /// GOPROXY=direct: every module comes from its version-control host, slower and needing git.
        GoproxyDirectOnly = "GOPROXY_DIRECT_ONLY", Warning, Config;
        /// GOPROXY is not a list go accepts: every download fails.
        GoproxyMalformed = "GOPROXY_MALFORMED", Error, Config;
        /// GOPROXY entries after `direct` or `off`, which go never reads.
        GoproxyEntriesIgnored = "GOPROXY_ENTRIES_IGNORED", Warning, Config;
        /// Every GOPROXY entry godoctor probed (the first 32) let go on, to entries it did not probe: the outcome depends on them.
        GoproxyNotFollowed = "GOPROXY_NOT_FOLLOWED", Error, Config;
        /// GOPROXY separates proxies with `,`: a proxy that fails other than 404/410 stops go.
        GoproxyCommaNoFallthrough = "GOPROXY_COMMA_NO_FALLTHROUGH", Info, Config;
        /// A GOPROXY entry uses plain HTTP: module contents travel unencrypted.
        GoproxyPlainHttp = "GOPROXY_PLAIN_HTTP", Warning, Config;
        /// A GOPROXY entry carries credentials in its URL, which `go env` shows in full.
        GoproxyHasCredentials = "GOPROXY_HAS_CREDENTIALS", Info, Config;
        /// GOSUMDB=off: downloaded modules are not checked against the checksum database.
        GosumdbOff = "GOSUMDB_OFF", Warning, Config;
        /// GOSUMDB is not a value go accepts: verification fails.
        GosumdbMalformed = "GOSUMDB_MALFORMED", Error, Config;
        /// GOINSECURE is set: matching modules are fetched without TLS verification.
        GoinsecureSet = "GOINSECURE_SET", Warning, Config;
        /// GONOPROXY=none: even GOPRIVATE modules go through GOPROXY.
        GonoproxyNone = "GONOPROXY_NONE", Info, Config;
        /// GOVCS is not a value go accepts.
        GovcsMalformed = "GOVCS_MALFORMED", Error, Config;
        /// GOVCS forbids the version-control tool a module needs: go refuses the direct fetch ("GOVCS disallows using svn for public …"); by default public modules may use only git and hg.
        GovcsDisallowed = "GOVCS_DISALLOWED", Error, Config;
        /// go is in vendor mode: it builds from vendor/ and downloads nothing.
        GoflagsModVendor = "GOFLAGS_MOD_VENDOR", Info, Config;
        /// GOFLAGS has -insecure, which Go 1.17 removed (older go skips verification with it).
        GoflagsInsecure = "GOFLAGS_INSECURE", Warning, Config;
        /// GOAUTH is a combination go refuses (`off` beside another command, an empty command, `git` without an absolute directory): go stops at its first download.
        GoauthInvalid = "GOAUTH_INVALID", Error, Config;
        /// go is not installed, so nobody checked GOFLAGS' flags: go rejects one it does not know with `unknown flag`, and only go can tell.
        GoflagsUnverified = "GOFLAGS_UNVERIFIED", Info, Config;
        /// GOFLAGS holds something that is not a flag: every go command but `go env` fails.
        GoflagsMalformed = "GOFLAGS_MALFORMED", Error, Config;
        /// GO111MODULE=off: go runs in GOPATH mode and refuses module downloads.
        Go111moduleOff = "GO111MODULE_OFF", Error, Config;
        /// GO111MODULE is not on, off or auto: every module-aware go command stops.
        Go111moduleInvalid = "GO111MODULE_INVALID", Error, Config;
        /// A variable of the OS environment overrides the go/env file: `go env -w` has no effect.
        EnvShadowsGoenvFile = "ENV_SHADOWS_GOENV_FILE", Warning, Config;
        /// Environment variables whose values are not valid UTF-8.
        EnvNotUtf8 = "ENV_NOT_UTF8", Info, Config;
        /// GOENV=off: go reads no go/env file and `go env -w` cannot save settings.
        GoenvOff = "GOENV_OFF", Info, Config;
        /// go cannot locate its go/env file: settings saved with `go env -w` are not read.
        GoenvUnavailable = "GOENV_UNAVAILABLE", Warning, Config;
        /// The go/env file cannot be read, so go ignores it.
        GoenvFileUnreadable = "GOENV_FILE_UNREADABLE", Warning, Config;
        /// The go/env file has Windows line endings: go keeps the '\r' in its values.
        GoenvFileCrlf = "GOENV_FILE_CRLF", Warning, Config;
        /// Values in the go/env file that are not valid UTF-8.
        GoenvFileNotUtf8 = "GOENV_FILE_NOT_UTF8", Warning, Config;
        /// Lines of the go/env file that go ignores (not KEY=VALUE with an upper-case key).
        GoenvFileIgnoredLines = "GOENV_FILE_IGNORED_LINES", Warning, Config;
        /// A key of the go/env file contains a space, so go does not see the setting.
        GoenvFileKeyWithSpace = "GOENV_FILE_KEY_WITH_SPACE", Warning, Config;
        /// The go/env file sets a key more than once; the last line wins.
        GoenvFileDuplicates = "GOENV_FILE_DUPLICATES", Info, Config;
        /// HTTP_PROXY without HTTPS_PROXY: go's https:// requests bypass the proxy.
        HttpProxyWithoutHttpsProxy = "HTTP_PROXY_WITHOUT_HTTPS_PROXY", Warning, Proxy;
        /// An HTTP(S)_PROXY value go cannot parse, so go ignores it.
        HttpProxyMalformed = "HTTP_PROXY_MALFORMED", Warning, Proxy;
        /// An HTTP(S)_PROXY scheme go cannot use (only http, https, socks5, socks5h).
        HttpProxySchemeUnsupported = "HTTP_PROXY_SCHEME_UNSUPPORTED", Error, Proxy;
        /// Upper- and lower-case proxy variables differ; go uses the upper-case one.
        HttpProxyCaseConflict = "HTTP_PROXY_CASE_CONFLICT", Info, Proxy;
        /// ALL_PROXY is set, but go ignores it (curl and git honour it).
        AllProxyIgnored = "ALL_PROXY_IGNORED", Warning, Proxy;
        /// GOPRIVATE-like patterns with spaces around their commas, which never match.
        PatternHasSpaces = "PATTERN_HAS_SPACES", Warning, Config;
        /// A GOPRIVATE-like pattern that is not a valid glob, which never matches.
        PatternMalformed = "PATTERN_MALFORMED", Warning, Config;
        /// A module that looks private matches no GOPRIVATE pattern: its path goes to public services.
        PrivateModuleNotPrivate = "PRIVATE_MODULE_NOT_PRIVATE", Warning, Config;
        /// The module path is not valid.
        ModulePathMalformed = "MODULE_PATH_MALFORMED", Error, Config, explain_only;
        /// What a proxy serves differs from the hash go.sum records: go stops with a SECURITY ERROR.
        GosumMismatch = "GOSUM_MISMATCH", Error, Config;
        /// A command that loads packages finds no go.sum line for a module it needs: go stops.
        GosumMissingEntry = "GOSUM_MISSING_ENTRY", Error, Config;
        /// SSL_CERT_FILE names a file that does not exist: HTTPS fails unless SSL_CERT_DIR has roots.
        SslCertFileMissing = "SSL_CERT_FILE_MISSING", Error, Tls;
        /// SSL_CERT_DIR lists directories that do not exist.
        SslCertDirMissing = "SSL_CERT_DIR_MISSING", Warning, Tls;
        /// git is not on PATH, but go fetches modules directly, which needs it.
        GitNotFound = "GIT_NOT_FOUND", Warning, Vcs;
        /// git cannot read its configuration, so direct fetches fail.
        GitConfigUnreadable = "GIT_CONFIG_UNREADABLE", Warning, Vcs;
        /// git skips TLS verification (http.sslVerify=false or GIT_SSL_NO_VERIFY).
        GitSslVerifyOff = "GIT_SSL_VERIFY_OFF", Warning, Vcs;
        /// git rewrites a URL to SSH (insteadOf): direct fetches need a key and TCP port 22.
        GitInsteadofSsh = "GIT_INSTEADOF_SSH", Info, Vcs;
        /// GIT_TERMINAL_PROMPT=1: git may ask for a password, which hangs in CI.
        GitTerminalPromptOn = "GIT_TERMINAL_PROMPT_ON", Info, Vcs;
        /// go is not on PATH: godoctor computed the settings with the current release's defaults.
        GoNotFound = "GO_NOT_FOUND", Info, Config;
        /// `go env -json` failed: the settings shown are godoctor's own computation.
        GoEnvFailed = "GO_ENV_FAILED", Warning, Config;
        /// godoctor computed a setting differently from go (it uses go's value): please report it.
        ConfigModelMismatch = "CONFIG_MODEL_MISMATCH", Warning, Config;
        /// This go predates module proxies and the checksum database (Go 1.13).
        GoTooOldForProxy = "GO_TOO_OLD_FOR_PROXY", Error, Config;
        /// This go does not understand `|` in GOPROXY (Go 1.15).
        GoTooOldForPipe = "GO_TOO_OLD_FOR_PIPE", Error, Config;
        /// go.mod cannot be read.
        GomodUnreadable = "GOMOD_UNREADABLE", Error, Config;
        /// go cannot parse go.mod.
        GomodUnparsable = "GOMOD_UNPARSABLE", Error, Config;
        /// go cannot parse go.work.
        GoworkUnparsable = "GOWORK_UNPARSABLE", Error, Config;
        /// An input file (go.mod, go.work, go/env, netrc, SSL_CERT_FILE …) is larger than godoctor reads: only its first lines were checked.
        InputTooLarge = "INPUT_TOO_LARGE", Warning, Config;
        /// An input file is a named pipe, a device or a socket: godoctor did not read it (go would, and may block or never finish).
        InputNotRegular = "INPUT_NOT_REGULAR", Warning, Config;
    }
    Network {
        /// The name does not exist (NXDOMAIN).
        DnsNxdomain = "DNS_NXDOMAIN", Error, Dns;
        /// The DNS server failed or refused to answer (SERVFAIL, REFUSED).
        DnsServfail = "DNS_SERVFAIL", Error, Dns;
        /// No DNS answer in time.
        DnsTimeout = "DNS_TIMEOUT", Error, Dns;
        /// The name does not resolve for another reason.
        DnsFailed = "DNS_FAILED", Error, Dns;
        /// The DNS answer looks forged: an impossible address, corroborated (hosts file, 0.0.0.0, a resolver disagrees).
        DnsPoisoned = "DNS_POISONED", Error, Dns;
        /// The connection was refused: nothing listens, or a firewall rejects it.
        TcpRefused = "TCP_REFUSED", Error, Tcp;
        /// The connection timed out: packets are dropped without an answer.
        TcpBlackhole = "TCP_BLACKHOLE", Error, Tcp;
        /// The connection was reset.
        TcpReset = "TCP_RESET", Error, Tcp;
        /// No TCP connection for another reason (no route, network unreachable).
        TcpUnreachable = "TCP_UNREACHABLE", Error, Tcp;
        /// The TLS handshake is reset right after the ClientHello (SNI filtering).
        TlsResetAfterClienthello = "TLS_RESET_AFTER_CLIENTHELLO", Error, Tls;
        /// A certificate from an untrusted CA where a public one is expected: interception.
        TlsUnknownIssuerInterception = "TLS_UNKNOWN_ISSUER_INTERCEPTION", Error, Tls;
        /// The certificate comes from a private CA this system does not trust.
        TlsUnknownIssuerPrivateCa = "TLS_UNKNOWN_ISSUER_PRIVATE_CA", Error, Tls;
        /// The root CA behind a public certificate is missing from the system's store.
        TlsRootsMissing = "TLS_ROOTS_MISSING", Error, Tls;
        /// The certificate has expired.
        TlsExpired = "TLS_EXPIRED", Error, Tls;
        /// The certificate is not valid yet (or the clock is wrong).
        TlsNotYetValid = "TLS_NOT_YET_VALID", Error, Tls;
        /// The certificate does not name the host.
        TlsNameMismatch = "TLS_NAME_MISMATCH", Error, Tls;
        /// The TLS handshake timed out.
        TlsHandshakeTimeout = "TLS_HANDSHAKE_TIMEOUT", Error, Tls;
        /// The server does not speak TLS (plain HTTP or another protocol).
        TlsNotTls = "TLS_NOT_TLS", Error, Tls;
        /// No CA certificates at all to verify with.
        TlsNoRoots = "TLS_NO_ROOTS", Error, Tls;
        /// The TLS handshake failed for another reason.
        TlsHandshakeFailed = "TLS_HANDSHAKE_FAILED", Error, Tls;
        /// The server's clock is more than five minutes off this machine's.
        ClockSkew = "CLOCK_SKEW", Warning, Tls;
        /// An HTML page instead of module data: a captive portal or an error page.
        HttpCaptivePortal = "HTTP_CAPTIVE_PORTAL", Error, Http;
        /// The answer is not what the module proxy protocol says.
        HttpInvalidPayload = "HTTP_INVALID_PAYLOAD", Error, Http;
        /// The server stopped sending before the answer was complete.
        HttpStalled = "HTTP_STALLED", Error, Http;
        /// A proxy serves a go.mod that go.sum and the checksum database (or another entry) agree against.
        ProxyContentMismatch = "PROXY_CONTENT_MISMATCH", Error, Http;
        /// The answer still arrives, very slowly: go waits, so downloads crawl.
        HttpSlow = "HTTP_SLOW", Warning, Http;
        /// The response body is larger than go accepts.
        HttpBodyTooLarge = "HTTP_BODY_TOO_LARGE", Error, Http;
        /// An https request redirected to plain http, which go refuses to follow.
        HttpRedirectInsecure = "HTTP_REDIRECT_INSECURE", Error, Http;
        /// A plain-http URL with credentials in it: go refuses to send the request.
        HttpInsecureCredentials = "HTTP_INSECURE_CREDENTIALS", Error, Http;
        /// More redirects than go follows (10).
        HttpRedirectLoop = "HTTP_REDIRECT_LOOP", Error, Http;
        /// The response headers are larger than go accepts.
        HttpHeadersTooLarge = "HTTP_HEADERS_TOO_LARGE", Error, Http;
        /// HTTP 401: credentials needed.
        HttpUnauthorized = "HTTP_UNAUTHORIZED", Error, Http;
        /// HTTP 403: access forbidden.
        HttpForbidden = "HTTP_FORBIDDEN", Error, Http;
        /// HTTP 5xx: a server error.
        HttpServerError = "HTTP_SERVER_ERROR", Error, Http;
        /// An HTTP status go does not expect.
        HttpStatus = "HTTP_STATUS", Error, Http;
        /// The HTTP request failed for another reason.
        HttpFailed = "HTTP_FAILED", Error, Http;
        /// 404/410 from every GOPROXY entry go asked: the module or version is missing.
        ModuleNotFound = "MODULE_NOT_FOUND", Error, Http;
        /// The HTTP proxy cannot be reached.
        ProxyUnreachable = "PROXY_UNREACHABLE", Error, Proxy;
        /// HTTP 407: the HTTP proxy wants credentials.
        ProxyAuthRequired = "PROXY_AUTH_REQUIRED", Error, Proxy;
        /// The HTTP proxy refuses to CONNECT to the host.
        ProxyForbidden = "PROXY_FORBIDDEN", Error, Proxy;
        /// The HTTP proxy does not answer.
        ProxyStalled = "PROXY_STALLED", Error, Proxy;
        /// The connection through the HTTP proxy failed for another reason.
        ProxyConnectFailed = "PROXY_CONNECT_FAILED", Error, Proxy;
        /// The checksum database cannot be reached directly.
        SumdbUnreachable = "SUMDB_UNREACHABLE", Error, Sumdb;
        /// The proxy that relays the checksum database failed.
        SumdbProxyFailed = "SUMDB_PROXY_FAILED", Error, Sumdb;
        /// The checksum database's answer is not signed by the key in GOSUMDB: tampering or a wrong key.
        SumdbSignatureInvalid = "SUMDB_SIGNATURE_INVALID", Error, Sumdb;
        /// The checksum database does not know the module (often a private module).
        SumdbLookupNotFound = "SUMDB_LOOKUP_NOT_FOUND", Error, Sumdb;
        /// The checksum database's answer fails verification for another reason.
        SumdbFailed = "SUMDB_FAILED", Error, Sumdb;
        /// The checksum database contradicted a tree head go verified earlier.
        SumdbMisbehavior = "SUMDB_MISBEHAVIOR", Error, Sumdb, explain_only;
        /// The downloaded module differs from what the checksum database recorded.
        SumdbChecksumMismatch = "SUMDB_CHECKSUM_MISMATCH", Error, Sumdb, explain_only;
        /// git needs credentials for the repository, or they were refused.
        VcsAuthRequired = "VCS_AUTH_REQUIRED", Error, Vcs;
        /// The repository does not exist, or these credentials cannot see it.
        VcsRepoNotFound = "VCS_REPO_NOT_FOUND", Error, Vcs;
        /// The repository's host cannot be reached.
        VcsUnreachable = "VCS_UNREACHABLE", Error, Vcs;
        /// go-get discovery found no repository for the import path.
        VcsDiscoveryFailed = "VCS_DISCOVERY_FAILED", Error, Vcs;
        /// The repository has no such version.
        VcsUnknownRevision = "VCS_UNKNOWN_REVISION", Error, Vcs, explain_only;
    }
    Toolchain {
        /// go switches to the toolchain go.mod asks for (from PATH, or downloaded through GOPROXY).
        ToolchainSwitch = "TOOLCHAIN_SWITCH", Info, Toolchain;
        /// go must verify a toolchain download with the checksum database, and GOSUMDB=off.
        ToolchainNeedsSumdb = "TOOLCHAIN_NEEDS_SUMDB", Error, Config;
        /// No GOPROXY entry serves the toolchain go needs.
        ToolchainUnavailable = "TOOLCHAIN_UNAVAILABLE", Error, Toolchain;
        /// go.mod needs a newer go, and GOTOOLCHAIN does not let go switch.
        ToolchainLocalTooOld = "TOOLCHAIN_LOCAL_TOO_OLD", Error, Config;
        /// GOTOOLCHAIN=path and the toolchain go needs is not in PATH.
        ToolchainNotInPath = "TOOLCHAIN_NOT_IN_PATH", Error, Config;
        /// A dependency's go.mod needs a newer go, and GOTOOLCHAIN does not let go switch.
        ToolchainDependencyTooNew = "TOOLCHAIN_DEPENDENCY_TOO_NEW", Error, Config;
        /// A dependency's go line makes go switch toolchains in the middle of the command.
        ToolchainMidCommandSwitch = "TOOLCHAIN_MID_COMMAND_SWITCH", Info, Toolchain;
        /// go kept switching toolchains.
        ToolchainSwitchLoop = "TOOLCHAIN_SWITCH_LOOP", Error, Toolchain, explain_only;
        /// A toolchain switch marker leaked into the environment.
        ToolchainMarkerLeaked = "TOOLCHAIN_MARKER_LEAKED", Error, Config, explain_only;
        /// GOTOOLCHAIN is not a value go accepts: every go command fails.
        GotoolchainInvalid = "GOTOOLCHAIN_INVALID", Error, Config;
        /// The toolchain line of go.mod or go.work is not a toolchain name.
        GomodToolchainInvalid = "GOMOD_TOOLCHAIN_INVALID", Error, Config;
        /// This go cannot parse go.mod's Go 1.21 syntax (a three-part go line, a toolchain line).
        GoTooOldForGomod = "GO_TOO_OLD_FOR_GOMOD", Error, Config;
        /// go.work asks for an older Go than a module it uses.
        GoworkGoTooOld = "GOWORK_GO_TOO_OLD", Error, Config, explain_only;
    }
}

impl Code {
    /// The code of a refusal to start (config knows why go refuses; the vocabulary is ours).
    pub fn of_refusal(why: Refusal) -> Code {
        match why {
            Refusal::TooNew => Code::ToolchainLocalTooOld,
            Refusal::BadGotoolchain => Code::GotoolchainInvalid,
            Refusal::BadToolchainLine => Code::GomodToolchainInvalid,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown finding code {0:?}")]
pub struct UnknownCode(pub String);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

/// `docs/codes.md`: every code by group, with its usual severity and layer.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Finding codes\n\n\
         <!-- Generated from src/diagnose/code.rs: GODOCTOR_UPDATE_DOCS=1 cargo test --lib codes_doc -->\n\n\
         Every finding has a stable code (the `code` of `check --json`; CI scripts match on it), a\n\
         severity and the layer at fault. The severity and layer below are the usual ones: a problem\n\
         that does not stop go on its route is reported as a warning, one off go's route as info, and\n\
         a failure seen through another layer names that layer (a DNS failure on the way to a\n\
         repository is `vcs`). Codes marked *explain* are read from go's own error text by\n\
         `godoctor explain`; `check` does not report them.\n",
    );
    for group in Group::ALL {
        out.push_str(&format!(
            "\n## {}\n\n| code | severity | layer | meaning |\n|---|---|---|---|\n",
            group.title()
        ));
        for code in Code::ALL.iter().filter(|c| c.group() == group) {
            out.push_str(&format!(
                "| `{code}` | {} | {} | {}{} |\n",
                code.severity().as_str(),
                code.layer().as_str(),
                code.doc().replace('|', "\\|"),
                if code.explain_only() {
                    " *explain*"
                } else {
                    ""
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn strings_are_unique_and_round_trip() {
        let strings: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(strings.len(), Code::ALL.len());
        for &c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>().unwrap(), c);
            assert_eq!(c.to_string(), c.as_str());
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert!(!c.doc().is_empty(), "{c} has no doc");
        }
        assert!("NOT_A_CODE".parse::<Code>().is_err());
    }

    /// The variant is the string in UpperCamelCase: one name for one code.
    #[test]
    fn variants_are_their_strings_in_camel_case() {
        for &c in Code::ALL {
            let camel: String = c
                .as_str()
                .split('_')
                .map(|w| {
                    let mut w = w.to_ascii_lowercase();
                    w[..1].make_ascii_uppercase();
                    w
                })
                .collect();
            assert_eq!(format!("{c:?}"), camel);
        }
    }

    #[test]
    fn codes_doc_is_current() {
        let path = root().join("docs/codes.md");
        let want = reference_markdown();
        if std::env::var_os("GODOCTOR_UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/codes.md is stale: run `GODOCTOR_UPDATE_DOCS=1 cargo test --lib codes_doc`"
        );
    }

    /// README's "Finding codes" lists every code in its group's paragraph, and nothing else.
    #[test]
    fn readme_lists_every_code_in_its_group() {
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        let section = readme
            .split("## Finding codes")
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .expect("README has a \"## Finding codes\" section");
        let mut problems = Vec::new();
        for group in Group::ALL {
            let prefix = format!("{}: ", group.title());
            let paragraph = section
                .split("\n\n")
                .find_map(|p| p.trim().strip_prefix(&prefix))
                .unwrap_or_else(|| panic!("README has no \"{prefix}\" paragraph"));
            let listed: BTreeSet<&str> = paragraph
                .split([',', '.', ' ', '\n'])
                .filter(|w| !w.is_empty())
                .collect();
            let want: BTreeSet<&str> = Code::ALL
                .iter()
                .filter(|c| c.group() == group)
                .map(|c| c.as_str())
                .collect();
            for missing in want.difference(&listed) {
                problems.push(format!("{missing} missing from \"{prefix}\""));
            }
            for extra in listed.difference(&want) {
                problems.push(format!("{extra} in \"{prefix}\" is not a {group:?} code"));
            }
        }
        assert!(problems.is_empty(), "README.md: {problems:#?}");
    }

    /// String literals of a Rust source, with their line numbers (comments and chars skipped).
    fn string_literals(src: &str) -> Vec<(usize, String)> {
        let chars: Vec<char> = src.chars().collect();
        let (mut i, mut line, mut out) = (0, 1, Vec::new());
        let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
        while i < chars.len() {
            match (chars[i], at(i + 1)) {
                ('\n', _) => line += 1,
                ('/', '/') => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                    continue;
                }
                ('/', '*') => {
                    while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                        line += usize::from(chars[i] == '\n');
                        i += 1;
                    }
                    i += 2;
                    continue;
                }
                // A char literal ('"', '\''), not a lifetime.
                ('\'', '\\') => {
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                }
                ('\'', _) if at(i + 2) == '\'' => i += 2,
                ('r', '"' | '#') if i == 0 || !chars[i - 1].is_alphanumeric() => {
                    let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                    if at(i + 1 + hashes) == '"' {
                        let start = i + 2 + hashes;
                        let close: String = std::iter::once('"')
                            .chain(std::iter::repeat_n('#', hashes))
                            .collect();
                        let rest: String = chars[start..].iter().collect();
                        let len = rest.find(&close).unwrap_or(rest.len());
                        let body: String = rest[..len].to_owned();
                        out.push((line, body.clone()));
                        line += body.matches('\n').count();
                        i = start + body.chars().count() + close.chars().count();
                        continue;
                    }
                }
                ('"', _) => {
                    let (start, mut body) = (line, String::new());
                    i += 1;
                    while i < chars.len() && chars[i] != '"' {
                        if chars[i] == '\\' {
                            body.push(chars[i]);
                            i += 1;
                        }
                        line += usize::from(chars[i] == '\n');
                        body.push(chars[i]);
                        i += 1;
                    }
                    out.push((start, body));
                }
                _ => {}
            }
            i += 1;
        }
        out
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Codes are spelled here only: elsewhere a code is a `Code`, never its string. (No code's
    /// string is also a setting or variable name, so no literal needs an exception.)
    #[test]
    fn no_code_string_outside_this_module() {
        let strings: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut files = Vec::new();
        rust_files(&root().join("src"), &mut files);
        let this = root().join(file!().trim_start_matches("./"));
        let mut found = Vec::new();
        for f in files.iter().filter(|f| **f != this) {
            let src = std::fs::read_to_string(f).unwrap();
            for (line, s) in string_literals(&src) {
                if strings.contains(s.as_str()) {
                    let rel = f.strip_prefix(root()).unwrap_or(f);
                    found.push(format!("{}:{line}: \"{s}\"", rel.display()));
                }
            }
        }
        assert!(files.len() > 20, "only {} sources found", files.len());
        assert!(
            found.is_empty(),
            "use `Code::…` instead of these strings:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_scanner_finds_literals_and_skips_the_rest() {
        let src = "let a = 'x'; // \"NOT\"\nf::<'a>(\"ONE\", '\"', r#\"TWO\"#);\n/* \"NO\" */ \"THR\\\"EE\"";
        let got: Vec<(usize, String)> = string_literals(src);
        assert_eq!(
            got,
            [
                (2, "ONE".to_owned()),
                (2, "TWO".to_owned()),
                (3, "THR\\\"EE".to_owned())
            ]
        );
    }
}
