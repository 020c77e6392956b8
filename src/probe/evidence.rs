//! What each probe layer observed, as types: the `detail` of docs/json-contract.md
//! `targets[].layers[]` (and of `git`, and the `context` of a target). Each type serialises to
//! exactly the JSON the report has always shown — same keys, same omissions, the same nulls —
//! so readers use fields while the contract stays put.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::discovery::GoImport;
use super::error::{DnsError, TcpError};
use crate::plan::git_auth::GitCredentials;

/// A layer's `detail`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Evidence {
    /// Nothing observed: `null`.
    Nothing,
    /// The layer failed before it observed anything: `{}`.
    Empty {},
    /// Not run: `{"reason": …}`.
    Skipped {
        reason: String,
    },
    Dns(Box<DnsEvidence>),
    Tcp(TcpEvidence),
    Tls(Box<TlsEvidence>),
    Http(Box<HttpEvidence>),
    Proxy(ConnectEvidence),
    Sumdb(Box<SumdbEvidence>),
}

impl Evidence {
    /// `{}`.
    pub fn empty() -> Self {
        Evidence::Empty {}
    }

    pub fn as_dns(&self) -> Option<&DnsEvidence> {
        match self {
            Evidence::Dns(d) => Some(d),
            _ => None,
        }
    }

    pub fn as_tcp(&self) -> Option<&TcpEvidence> {
        match self {
            Evidence::Tcp(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_tcp_mut(&mut self) -> Option<&mut TcpEvidence> {
        match self {
            Evidence::Tcp(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_tls(&self) -> Option<&TlsEvidence> {
        match self {
            Evidence::Tls(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_http(&self) -> Option<&HttpEvidence> {
        match self {
            Evidence::Http(h) => Some(h),
            _ => None,
        }
    }

    pub fn as_http_mut(&mut self) -> Option<&mut HttpEvidence> {
        match self {
            Evidence::Http(h) => Some(h),
            _ => None,
        }
    }

    pub fn as_proxy(&self) -> Option<&ConnectEvidence> {
        match self {
            Evidence::Proxy(p) => Some(p),
            _ => None,
        }
    }

    pub fn as_sumdb(&self) -> Option<&SumdbEvidence> {
        match self {
            Evidence::Sumdb(s) => Some(s),
            _ => None,
        }
    }
}

impl From<DnsEvidence> for Evidence {
    fn from(d: DnsEvidence) -> Self {
        Evidence::Dns(Box::new(d))
    }
}

impl From<TcpEvidence> for Evidence {
    fn from(t: TcpEvidence) -> Self {
        Evidence::Tcp(t)
    }
}

impl From<TlsEvidence> for Evidence {
    fn from(t: TlsEvidence) -> Self {
        Evidence::Tls(Box::new(t))
    }
}

impl From<HttpEvidence> for Evidence {
    fn from(h: HttpEvidence) -> Self {
        Evidence::Http(Box::new(h))
    }
}

impl From<ConnectEvidence> for Evidence {
    fn from(p: ConnectEvidence) -> Self {
        Evidence::Proxy(p)
    }
}

impl From<SumdbEvidence> for Evidence {
    fn from(s: SumdbEvidence) -> Self {
        Evidence::Sumdb(Box::new(s))
    }
}

/// Who the layer talked to, when it was not the target itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Peer {
    /// The HTTP proxy in front of the target (its DNS, TCP and TLS layers).
    HttpProxy,
}

/// DNS: where the answer came from and what it said (dns.rs).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DnsEvidence {
    /// `ip literal`, `/etc/hosts`, `/etc/resolv.conf` or `--resolver`.
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<DnsAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aaaa: Option<DnsAnswer>,
    /// The hosts file's addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<String>>,
    /// Every nameserver asked, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tried: Option<Vec<NameserverAnswer>>,
    /// Addresses that cannot be right for a public name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bogus: Option<Vec<BogusAddress>>,
    /// What the encrypted comparison resolvers said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Vec<Comparison>>,
}

/// One family's answer: addresses, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DnsAnswer {
    Addresses(Vec<String>),
    Failed { error: DnsError, message: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameserverAnswer {
    pub nameserver: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<DnsAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aaaa: Option<DnsAnswer>,
    /// The resolver for it could not be set up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BogusAddress {
    pub address: String,
    pub reason: &'static str,
}

/// An encrypted resolver's answer beside the system's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// `tls://IP:PORT#NAME` or `https://…`.
    pub resolver: String,
    pub a: DnsAnswer,
    /// Shares an address with the system's answer (null: it gave none).
    pub agrees: Option<bool>,
    pub ms: f64,
}

/// TCP: every address dialled (tcp.rs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TcpEvidence {
    pub port: u16,
    pub attempts: Vec<DialAttempt>,
    /// The address that connected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected: Option<String>,
    /// What an SSH server said first, when its greeting was read (ssh.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh: Option<Box<SshGreeting>>,
}

/// An SSH server's greeting (RFC 4253 §4.2), read without sending anything.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SshGreeting {
    /// The identification line (`SSH-2.0-OpenSSH_9.6`), printable ASCII, at most 255 bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<String>,
    /// What came instead of one (sanitised, at most 255 bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// Lines the server sent before its identification (allowed, and shown by ssh).
    #[serde(skip_serializing_if = "is_zero")]
    pub preamble_lines: usize,
    /// Time from the connection to the greeting (or to giving up).
    pub ms: f64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DialAttempt {
    pub address: String,
    pub result: DialResult,
    /// Absent for addresses never dialled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ms: Option<f64>,
}

/// How one address fared; serialises as its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialResult {
    Connected,
    Failed(TcpError),
    /// Another address connected first.
    NotTried,
    /// Still dialling at the deadline.
    StillDialing,
}

impl std::fmt::Display for DialResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DialResult::Connected => "connected",
            DialResult::Failed(e) => e.kind(),
            DialResult::NotTried => "not tried (another address connected first)",
            DialResult::StillDialing => "timeout (still dialing at the deadline)",
        })
    }
}

impl Serialize for DialResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// TLS: the handshake and the chain presented, whatever the verdict (tls.rs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TlsEvidence {
    pub sni: String,
    pub chain: Vec<Certificate>,
    /// What a completed handshake agreed on.
    #[serde(flatten)]
    pub negotiated: Option<Negotiated>,
    /// Bytes the server sent before the handshake failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes_received: Option<u64>,
    /// The start of a reply that is not TLS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_bytes: Option<String>,
    /// For an unknown issuer: does the public web PKI accept the chain (null: no chain to
    /// ask about)?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_roots_accept: Option<Option<bool>>,
    /// For an expired or not yet valid certificate: the local clock against the leaf (null:
    /// no leaf to read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock_hint: Option<Option<ClockHint>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Negotiated {
    /// `TLSv1_3`, …
    pub version: Option<String>,
    pub cipher: Option<String>,
    /// `h2`, `http/1.1`.
    pub alpn: Option<String>,
}

/// One certificate of the presented chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Certificate {
    Parsed {
        subject: String,
        issuer: String,
        not_before: String,
        not_after: String,
        /// DNS names and IP addresses.
        sans: Vec<String>,
    },
    Unparsable {
        unparsable: String,
    },
}

impl Certificate {
    pub fn issuer(&self) -> Option<&str> {
        match self {
            Certificate::Parsed { issuer, .. } => Some(issuer),
            Certificate::Unparsable { .. } => None,
        }
    }

    pub fn sans(&self) -> &[String] {
        match self {
            Certificate::Parsed { sans, .. } => sans,
            Certificate::Unparsable { .. } => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClockHint {
    pub local_time_unix: i64,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
    /// Empty when the clock is within the validity.
    pub hint: &'static str,
}

/// HTTP: the answer (or the `file://` read standing in for one), and what the GOPROXY and
/// go-get checks read from it (engine.rs, file.rs).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HttpEvidence {
    /// The status (a `file://` read: 200, 404 or 403; 0 when it failed otherwise).
    pub status: u16,
    /// A `file://` read: no network layers.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub file: bool,
    /// The network answer.
    #[serde(flatten)]
    pub response: Option<Response>,
    /// Redirects followed, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirects: Option<Vec<Redirect>>,
    /// Versions in an `@v/list`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<usize>,
    /// The `.info` of the required version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<InfoCheck>,
    /// Version lines in the toolchain list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entries: Option<usize>,
    /// The go releases the toolchain list names (`1.99.0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_versions: Option<Vec<String>>,
    /// The toolchain list came as an HTML page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<bool>,
    /// Required modules' go.mod files read for their go lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_mods: Option<Vec<GoModFetch>>,
    /// A toolchain zip's Content-Range or Content-Length (null: neither).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_length: Option<Option<String>>,
    /// The go-import tags of a discovery page that match the module.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_import: Option<Vec<GoImport>>,
    /// go-get discovery as go reads the page (discovery/).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery: Option<DiscoveryEvidence>,
    /// git's first request to a repository, as git would take the answer (git_http.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitHttpEvidence>,
}

/// A go-get discovery page read as go reads it (`repoRootForImportDynamic`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DiscoveryEvidence {
    /// Every go-import tag go reads on the page, in go's order (`mod` entries first).
    pub tags: Vec<GoImport>,
    /// The tag go follows, when exactly one matches the module.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen: Option<GoImport>,
    /// For a tag naming a shorter prefix: that prefix's own page, which must agree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix_page: Option<PrefixPage>,
    /// The go whose rules apply reads four-field tags (go ≥ 1.25).
    pub subdir_field: bool,
}

/// The page of a shorter prefix, fetched to verify a tag (`metaImportsForPrefix`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrefixPage {
    pub url: String,
    /// Absent when nothing answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub agrees: bool,
}

/// git's `GET <repo>/info/refs?service=git-upload-pack`, sent as git sends it before any
/// credentials, and what git would make of the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GitHttpEvidence {
    /// The repository URL git was given (after `insteadOf`, redacted).
    pub repo: String,
    /// How git would talk to the server, when it would.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<GitProtocol>,
    /// The media type of the answer (git requires `application/x-git-upload-pack-advertisement`
    /// for smart HTTP).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The first pkt-line of an advertisement (`# service=git-upload-pack`, `version 2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_line: Option<String>,
    /// The schemes of `WWW-Authenticate` (`Basic`, `Bearer`, `Negotiate`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub auth_schemes: Vec<String>,
    /// What git has to answer a 401 with (kinds only; nothing was sent).
    pub credentials: GitCredentials,
}

/// How git talks to an HTTP repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GitProtocol {
    /// Smart HTTP, protocol version 2.
    SmartV2,
    SmartV1,
    /// Smart HTTP, the original protocol (refs advertised at once).
    SmartV0,
    /// Plain files (`info/refs` listing): git's dumb HTTP.
    Dumb,
}

impl HttpEvidence {
    /// An answer with only its status known.
    pub fn status(status: u16) -> Self {
        HttpEvidence {
            status,
            ..HttpEvidence::default()
        }
    }
}

/// What came back over the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// `HTTP/1.1`, `HTTP/2.0`, …
    pub version: &'static str,
    pub ttfb_ms: f64,
    /// The headers worth showing, lower-cased, values redacted.
    pub headers: BTreeMap<String, String>,
    pub body_bytes: usize,
    pub body_complete: bool,
    pub still_flowing: bool,
    pub body_excerpt: String,
    /// Server clock minus local clock, from `Date`.
    pub date_skew_s: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Redirect {
    pub status: u16,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfoCheck {
    pub url: String,
    pub status: u16,
    /// `ok`, or what is wrong with it.
    pub verdict: String,
}

/// One go.mod read for its go line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoModFetch {
    pub module: String,
    pub version: String,
    /// Absent when nothing answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The go line; `Some(None)`: read, and none there (shown as null).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go: Option<Option<String>>,
    /// Why nothing answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl GoModFetch {
    pub fn new(module: &str, version: &str) -> Self {
        GoModFetch {
            module: module.to_owned(),
            version: version.to_owned(),
            status: None,
            go: None,
            error: None,
        }
    }
}

/// The HTTP proxy's answer to CONNECT (proxy.rs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectEvidence {
    /// 0 when the answer is not HTTP.
    pub status: u16,
    pub status_line: String,
    /// From `Proxy-Authenticate`.
    pub auth_schemes: Vec<String>,
    pub credentials_sent: bool,
}

/// The checksum database: the signed tree head and a lookup, or the status `/latest` got.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SumdbEvidence {
    /// `/latest` answered this instead of 200.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    /// `name+hash`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tree_size: Option<u64>,
    /// Who signed a note the key does not verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signers: Option<Vec<String>>,
    /// The start of a note that is not one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_excerpt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<LookupEvidence>,
}

/// A `/lookup/M@V`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookupEvidence {
    /// `path@version`.
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// `git ls-remote` (vcs.rs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GitEvidence {
    pub url: String,
    /// Refs listed, when git ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refs: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
}

/// What a target stands for in the plan (docs/json-contract.md leaves it free; reports and fixes
/// read it back).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TargetContext {
    /// The GOPROXY entry (redacted), or `direct`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<ProbeStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_url: Option<String>,
    /// `https`, `ssh`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<ToolchainRequest>,
    /// GOSUMDB names the database's URL itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explicit_url: Option<bool>,
    /// The repository go hands to git (from the go-import tag or go's table of known hosts),
    /// before git's `insteadOf`; redacted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo_url: Option<String>,
    /// Where the `insteadOf` rule that rewrote it is configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insteadof_origin: Option<String>,
}

/// A step of go's route that is not a GOPROXY entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProbeStep {
    #[serde(rename = "go-get discovery")]
    GoGetDiscovery,
    /// git's first request to an http(s) repository (`info/refs`).
    #[serde(rename = "git smart http")]
    GitSmartHttp,
    /// An ssh repository's server greeting.
    #[serde(rename = "ssh banner")]
    SshBanner,
    /// A repository git reaches otherwise (`git://`): can it be reached?
    #[serde(rename = "git host")]
    GitHost,
    /// go would not run git for this module (discovery failed, or another VCS).
    #[serde(rename = "git not run")]
    GitNotRun,
}

/// What was asked of `golang.org/toolchain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ToolchainRequest {
    /// The zip (a one-byte range request).
    Zip,
    /// `@v/list`.
    List,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_serialise_as_the_contract_shows_them() {
        let v = |e: &Evidence| serde_json::to_value(e).unwrap();
        assert_eq!(v(&Evidence::Nothing), json!(null));
        assert_eq!(v(&Evidence::empty()), json!({}));
        assert_eq!(
            v(&Evidence::Skipped {
                reason: "why".into()
            }),
            json!({"reason": "why"})
        );
        let file = HttpEvidence {
            file: true,
            ..HttpEvidence::status(404)
        };
        assert_eq!(v(&file.into()), json!({"status": 404, "file": true}));
        let tls = TlsEvidence {
            sni: "x".into(),
            chain: Vec::new(),
            negotiated: None,
            bytes_received: Some(0),
            first_bytes: None,
            public_roots_accept: Some(None),
            clock_hint: None,
        };
        assert_eq!(
            v(&tls.into()),
            json!({"sni": "x", "chain": [], "bytes_received": 0, "public_roots_accept": null})
        );
        let tcp = TcpEvidence {
            port: 443,
            attempts: vec![DialAttempt {
                address: "127.0.0.1:443".into(),
                result: DialResult::Failed(TcpError::Refused),
                ms: Some(1.5),
            }],
            connected: None,
            ssh: None,
        };
        assert_eq!(
            v(&tcp.into()),
            json!({"port": 443, "attempts": [{"address": "127.0.0.1:443", "result": "refused", "ms": 1.5}]})
        );
        // A go.mod read without a go line: null in a file:// read, absent from a lane.
        let read = GoModFetch {
            status: Some(200),
            go: Some(None),
            ..GoModFetch::new("m", "v1")
        };
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({"module": "m", "version": "v1", "status": 200, "go": null})
        );
        let ctx = TargetContext {
            module: Some("m".into()),
            step: Some(ProbeStep::GoGetDiscovery),
            request: Some(ToolchainRequest::List),
            transport: Some("ssh"),
            ..TargetContext::default()
        };
        assert_eq!(
            serde_json::to_value(&ctx).unwrap(),
            json!({"module": "m", "step": "go-get discovery", "request": "list", "transport": "ssh"})
        );
    }
}
