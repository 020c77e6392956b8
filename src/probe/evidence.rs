//! What each probe layer observed, as types: the `detail` of docs/json-contract.md
//! `targets[].layers[]` (and of `git`, and the `context` of a target). Rules and reports read
//! the fields; the JSON shapes are `report::json::detail`'s.

use std::collections::BTreeMap;

use super::discovery::GoImport;
use super::error::{DnsError, TcpError};
use crate::plan::git_auth::GitCredentials;

/// A layer's `detail`.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    /// The HTTP proxy in front of the target (its DNS, TCP and TLS layers).
    HttpProxy,
}

/// DNS: where the answer came from and what it said (dns.rs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DnsEvidence {
    /// `ip literal`, `/etc/hosts`, `/etc/resolv.conf` or `--resolver`.
    pub source: String,
    pub answered_by: Option<String>,
    pub a: Option<DnsAnswer>,
    pub aaaa: Option<DnsAnswer>,
    /// The hosts file's addresses.
    pub addresses: Option<Vec<String>>,
    /// Every nameserver asked, in order.
    pub tried: Option<Vec<NameserverAnswer>>,
    /// Addresses that cannot be right for a public name.
    pub bogus: Option<Vec<BogusAddress>>,
    /// What the encrypted comparison resolvers said.
    pub comparison: Option<Vec<Comparison>>,
}

/// One family's answer: addresses, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub enum DnsAnswer {
    Addresses(Vec<String>),
    Failed { error: DnsError, message: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct NameserverAnswer {
    pub nameserver: String,
    pub a: Option<DnsAnswer>,
    pub aaaa: Option<DnsAnswer>,
    /// The resolver for it could not be set up.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BogusAddress {
    pub address: String,
    pub kind: AddressKind,
}

/// Why an address cannot be a public name's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressKind {
    Loopback,
    Unspecified,
    /// RFC 1918.
    Private,
    LinkLocal,
    CarrierGradeNat,
    Reserved,
    Multicast,
    /// IPv6 fc00::/7.
    UniqueLocal,
    /// 2001:db8::/32.
    Documentation,
    /// 198.18.0.0/15 and the IPv4 documentation ranges.
    BenchmarksOrDocumentation,
}

impl AddressKind {
    /// The JSON `reason`.
    pub fn reason(self) -> &'static str {
        match self {
            AddressKind::Loopback => "loopback",
            AddressKind::Unspecified => "unspecified",
            AddressKind::Private => "private (RFC 1918)",
            AddressKind::LinkLocal => "link-local",
            AddressKind::CarrierGradeNat => "carrier-grade NAT",
            AddressKind::Reserved => "reserved",
            AddressKind::Multicast => "multicast",
            AddressKind::UniqueLocal => "unique local (private)",
            AddressKind::Documentation => "reserved for documentation",
            AddressKind::BenchmarksOrDocumentation => "reserved for benchmarks or documentation",
        }
    }

    /// The catalog's selector (`address-kind`).
    pub fn slug(self) -> &'static str {
        match self {
            AddressKind::Loopback => "loopback",
            AddressKind::Unspecified => "unspecified",
            AddressKind::Private => "private",
            AddressKind::LinkLocal => "link-local",
            AddressKind::CarrierGradeNat => "cgnat",
            AddressKind::Reserved => "reserved",
            AddressKind::Multicast => "multicast",
            AddressKind::UniqueLocal => "unique-local",
            AddressKind::Documentation => "documentation",
            AddressKind::BenchmarksOrDocumentation => "benchmarks",
        }
    }
}

/// An encrypted resolver's answer beside the system's.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// `tls://IP:PORT#NAME` or `https://…`.
    pub resolver: String,
    pub a: DnsAnswer,
    /// Shares an address with the system's answer (null: it gave none).
    pub agrees: Option<bool>,
    pub ms: f64,
}

/// TCP: every address dialled (tcp.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct TcpEvidence {
    pub port: u16,
    pub attempts: Vec<DialAttempt>,
    /// The address that connected.
    pub connected: Option<String>,
    /// What an SSH server said first, when its greeting was read (ssh.rs).
    pub ssh: Option<Box<SshGreeting>>,
}

/// An SSH server's greeting (RFC 4253 §4.2), read without sending anything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SshGreeting {
    /// The identification line (`SSH-2.0-OpenSSH_9.6`), printable ASCII, at most 255 bytes.
    pub banner: Option<String>,
    /// What came instead of one (sanitised, at most 255 bytes).
    pub other: Option<String>,
    /// Lines the server sent before its identification (allowed, and shown by ssh).
    pub preamble_lines: usize,
    /// Time from the connection to the greeting (or to giving up).
    pub ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DialAttempt {
    pub address: String,
    pub result: DialResult,
    /// Absent for addresses never dialled.
    pub ms: Option<f64>,
}

/// How one address fared; the report shows its text.
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

/// TLS: the handshake and the chain presented, whatever the verdict (tls.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct TlsEvidence {
    pub sni: String,
    pub chain: Vec<Certificate>,
    /// What a completed handshake agreed on.
    pub negotiated: Option<Negotiated>,
    /// Bytes the server sent before the handshake failed.
    pub bytes_received: Option<u64>,
    /// The start of a reply that is not TLS.
    pub first_bytes: Option<String>,
    /// For an unknown issuer: does the public web PKI accept the chain (null: no chain to
    /// ask about)?
    pub public_roots_accept: Option<Option<bool>>,
    /// For an expired or not yet valid certificate: the local clock against the leaf (null:
    /// no leaf to read).
    pub clock_hint: Option<Option<ClockHint>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Negotiated {
    /// `TLSv1_3`, …
    pub version: Option<String>,
    pub cipher: Option<String>,
    /// `h2`, `http/1.1`.
    pub alpn: Option<String>,
}

/// One certificate of the presented chain.
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
pub struct ClockHint {
    pub local_time_unix: i64,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
    /// Empty when the clock is within the validity.
    pub hint: &'static str,
}

/// HTTP: the answer (or the `file://` read standing in for one), and what the GOPROXY and
/// go-get checks read from it (engine.rs, file.rs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HttpEvidence {
    /// The status (a `file://` read: 200, 404 or 403; 0 when it failed otherwise).
    pub status: u16,
    /// A `file://` read: no network layers.
    pub file: bool,
    /// The network answer.
    pub response: Option<Response>,
    /// Redirects followed, in order.
    pub redirects: Option<Vec<Redirect>>,
    /// Versions in an `@v/list`.
    pub versions: Option<usize>,
    /// The `.info` of the required version.
    pub info: Option<InfoCheck>,
    /// Version lines in the toolchain list.
    pub entries: Option<usize>,
    /// The go releases the toolchain list names (`1.99.0`).
    pub go_versions: Option<Vec<String>>,
    /// The toolchain list came as an HTML page.
    pub html: Option<bool>,
    /// Required modules' go.mod files read for their go lines.
    pub go_mods: Option<Vec<GoModFetch>>,
    /// A toolchain zip's Content-Range or Content-Length (null: neither).
    pub content_length: Option<Option<String>>,
    /// The go-import tags of a discovery page that match the module.
    pub go_import: Option<Vec<GoImport>>,
    /// go-get discovery as go reads the page (discovery/).
    pub discovery: Option<DiscoveryEvidence>,
    /// git's first request to a repository, as git would take the answer (git_http.rs).
    pub git: Option<GitHttpEvidence>,
}

/// A go-get discovery page read as go reads it (`repoRootForImportDynamic`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiscoveryEvidence {
    /// Every go-import tag go reads on the page, in go's order (`mod` entries first).
    pub tags: Vec<GoImport>,
    /// The tag go follows, when exactly one matches the module.
    pub chosen: Option<GoImport>,
    /// For a tag naming a shorter prefix: that prefix's own page, which must agree.
    pub prefix_page: Option<PrefixPage>,
    /// The go whose rules apply reads four-field tags (go ≥ 1.25).
    pub subdir_field: bool,
}

/// The page of a shorter prefix, fetched to verify a tag (`metaImportsForPrefix`).
#[derive(Debug, Clone, PartialEq)]
pub struct PrefixPage {
    pub url: String,
    /// Absent when nothing answered.
    pub status: Option<u16>,
    pub agrees: bool,
}

/// git's `GET <repo>/info/refs?service=git-upload-pack`, sent as git sends it before any
/// credentials, and what git would make of the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct GitHttpEvidence {
    /// The repository URL git was given (after `insteadOf`, redacted).
    pub repo: String,
    /// How git would talk to the server, when it would.
    pub protocol: Option<GitProtocol>,
    /// The media type of the answer (git requires `application/x-git-upload-pack-advertisement`
    /// for smart HTTP).
    pub content_type: Option<String>,
    /// The first pkt-line of an advertisement (`# service=git-upload-pack`, `version 2`).
    pub first_line: Option<String>,
    /// The schemes of `WWW-Authenticate` (`Basic`, `Bearer`, `Negotiate`).
    pub auth_schemes: Vec<String>,
    /// What git has to answer a 401 with (kinds only; nothing was sent).
    pub credentials: GitCredentials,
}

/// How git talks to an HTTP repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
pub struct Redirect {
    pub status: u16,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InfoCheck {
    pub url: String,
    pub status: u16,
    /// `ok`, or what is wrong with it.
    pub verdict: String,
}

/// One go.mod read for its go line.
#[derive(Debug, Clone, PartialEq)]
pub struct GoModFetch {
    pub module: String,
    pub version: String,
    /// Absent when nothing answered.
    pub status: Option<u16>,
    /// The go line; `Some(None)`: read, and none there (shown as null).
    pub go: Option<Option<String>>,
    /// Why nothing answered.
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
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectEvidence {
    /// 0 when the answer is not HTTP.
    pub status: u16,
    pub status_line: String,
    /// From `Proxy-Authenticate`.
    pub auth_schemes: Vec<String>,
    pub credentials_sent: bool,
}

/// The checksum database: the signed tree head and a lookup, or the status `/latest` got.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SumdbEvidence {
    /// `/latest` answered this instead of 200.
    pub status: Option<u16>,
    pub database: Option<String>,
    /// `name+hash`.
    pub key: Option<String>,
    pub tree_size: Option<u64>,
    /// Who signed a note the key does not verify.
    pub signers: Option<Vec<String>>,
    /// The start of a note that is not one.
    pub body_excerpt: Option<String>,
    pub lookup: Option<LookupEvidence>,
}

/// A `/lookup/M@V`.
#[derive(Debug, Clone, PartialEq)]
pub struct LookupEvidence {
    /// `path@version`.
    pub module: String,
    pub record: Option<u64>,
    pub verified: Option<bool>,
    pub status: Option<u16>,
    pub error: Option<String>,
}

/// `git ls-remote` (vcs.rs).
#[derive(Debug, Clone, PartialEq)]
pub struct GitEvidence {
    pub url: String,
    /// Refs listed, when git ran.
    pub refs: Option<usize>,
    pub stderr: Option<String>,
}

/// What a target stands for in the plan (docs/json-contract.md leaves it free; reports and fixes
/// read it back).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetContext {
    /// The GOPROXY entry (redacted), or `direct`.
    pub proxy: Option<String>,
    pub module: Option<String>,
    pub step: Option<ProbeStep>,
    pub git_url: Option<String>,
    /// `https`, `ssh`, …
    pub transport: Option<&'static str>,
    pub request: Option<ToolchainRequest>,
    /// GOSUMDB names the database's URL itself.
    pub explicit_url: Option<bool>,
    /// The repository go hands to git (from the go-import tag or go's table of known hosts),
    /// before git's `insteadOf`; redacted.
    pub repo_url: Option<String>,
    /// Where the `insteadOf` rule that rewrote it is configured.
    pub insteadof_origin: Option<String>,
}

/// A step of go's route that is not a GOPROXY entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeStep {
    GoGetDiscovery,
    /// git's first request to an http(s) repository (`info/refs`).
    GitSmartHttp,
    /// An ssh repository's server greeting.
    SshBanner,
    /// A repository git reaches otherwise (`git://`): can it be reached?
    GitHost,
    /// go would not run git for this module (discovery failed, or another VCS).
    GitNotRun,
}

/// What was asked of `golang.org/toolchain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolchainRequest {
    /// The zip (a one-byte range request).
    Zip,
    /// `@v/list`.
    List,
}
