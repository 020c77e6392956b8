//! A layer's `detail` and `git.detail`: what each probe layer observed (docs/json-contract.md
//! `targets[].layers[].detail`; informative, so the schema leaves its shape open). The shapes —
//! keys, omissions and nulls — are the ones the report has always shown; the text report's `-v`
//! prints parts of them too.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::plan::git_auth;
use crate::probe::evidence as ev;
use crate::probe::{Peer, discovery};

/// A layer's `detail`: the evidence, with `peer` beside its fields when someone other than the
/// target answered.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Detail {
    Evidence(Evidence),
    WithPeer {
        #[serde(flatten)]
        evidence: Evidence,
        peer: PeerName,
    },
}

/// `detail.peer`: who answered, when not the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PeerName {
    /// The HTTP proxy in front of the target (its DNS, TCP and TLS layers).
    HttpProxy,
}

impl Detail {
    pub fn new(evidence: &ev::Evidence, peer: Option<Peer>) -> Self {
        let evidence = evidence.into();
        match peer {
            None => Detail::Evidence(evidence),
            Some(Peer::HttpProxy) => Detail::WithPeer {
                evidence,
                peer: PeerName::HttpProxy,
            },
        }
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Evidence {
    /// Nothing observed: `null`.
    Nothing,
    /// The layer failed before it observed anything: `{}`.
    Empty {},
    /// Not run.
    Skipped {
        reason: String,
    },
    Dns(Box<Dns>),
    Tcp(Tcp),
    Tls(Box<Tls>),
    Http(Box<Http>),
    Proxy(Connect),
    Sumdb(Box<Sumdb>),
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Dns {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bogus: Option<Vec<BogusAddress>>,
    /// What the encrypted comparison resolvers said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Vec<Comparison>>,
}

/// One family's answer: the addresses, or why there are none.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum DnsAnswer {
    Addresses(Vec<String>),
    Failed {
        /// The error kind (`nxdomain`, `servfail`, …).
        error: &'static str,
        message: String,
    },
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct NameserverAnswer {
    pub nameserver: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<DnsAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aaaa: Option<DnsAnswer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct BogusAddress {
    pub address: String,
    pub reason: &'static str,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Comparison {
    pub resolver: String,
    pub a: DnsAnswer,
    /// Shares an address with the system's answer (null: it gave none).
    pub agrees: Option<bool>,
    pub ms: f64,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Tcp {
    pub port: u16,
    pub attempts: Vec<DialAttempt>,
    /// The address that connected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected: Option<String>,
    /// What an SSH server said first, when its greeting was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh: Option<Box<SshGreeting>>,
}

/// `detail.ssh`: an SSH server's greeting, read without sending anything.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SshGreeting {
    /// The identification line (`SSH-2.0-OpenSSH_9.6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<String>,
    /// What came instead of one (sanitised).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// Lines the server sent before its identification.
    #[serde(skip_serializing_if = "is_zero")]
    pub preamble_lines: usize,
    pub ms: f64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DialAttempt {
    pub address: String,
    /// `connected`, an error kind, or why it was not dialled.
    pub result: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ms: Option<f64>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Tls {
    pub sni: String,
    pub chain: Vec<Certificate>,
    #[serde(flatten)]
    pub negotiated: Option<Negotiated>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes_received: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_bytes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_roots_accept: Option<Option<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock_hint: Option<Option<ClockHint>>,
}

/// What a completed handshake agreed on.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Negotiated {
    pub version: Option<String>,
    pub cipher: Option<String>,
    pub alpn: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Certificate {
    Parsed {
        subject: String,
        issuer: String,
        not_before: String,
        not_after: String,
        sans: Vec<String>,
    },
    Unparsable {
        unparsable: String,
    },
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ClockHint {
    pub local_time_unix: i64,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
    pub hint: &'static str,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Http {
    pub status: u16,
    /// A `file://` read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub file: bool,
    #[serde(flatten)]
    pub response: Option<Response>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirects: Option<Vec<Redirect>>,
    /// Versions in an `@v/list`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<InfoCheck>,
    /// Version lines in the toolchain list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entries: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_versions: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_mods: Option<Vec<GoModFetch>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_length: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_import: Option<Vec<GoImport>>,
    /// go-get discovery as go reads the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery: Option<Discovery>,
    /// git's first request to a repository, as git would take the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<GitHttp>,
}

/// What came back over the network.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Response {
    pub version: &'static str,
    pub ttfb_ms: f64,
    pub headers: BTreeMap<String, String>,
    pub body_bytes: usize,
    pub body_complete: bool,
    pub still_flowing: bool,
    pub body_excerpt: String,
    pub date_skew_s: Option<i64>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Redirect {
    pub status: u16,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InfoCheck {
    pub url: String,
    pub status: u16,
    pub verdict: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GoModFetch {
    pub module: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One `<meta name="go-import">`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GoImport {
    pub prefix: String,
    pub vcs: String,
    pub repo: String,
    /// The optional fourth field (read by go ≥ 1.25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subdir: Option<String>,
}

/// `detail.discovery`: a go-get discovery page read as go reads it.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Discovery {
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

/// `detail.discovery.prefix_page`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PrefixPage {
    pub url: String,
    /// Absent when nothing answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub agrees: bool,
}

/// `detail.git`: git's `info/refs` request, sent before any credentials.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GitHttp {
    /// The repository URL git was given (after `insteadOf`, redacted).
    pub repo: String,
    /// How git would talk to the server, when it would.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<GitProtocol>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The first pkt-line of an advertisement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_line: Option<String>,
    /// The schemes of `WWW-Authenticate`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub auth_schemes: Vec<String>,
    pub credentials: GitCredentials,
}

/// `detail.git.protocol` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum GitProtocol {
    SmartV2,
    SmartV1,
    SmartV0,
    Dumb,
}

/// `detail.git.credentials`: what git has to answer a 401 with (kinds and origins only).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GitCredentials {
    /// git may prompt on the terminal (the user set GIT_TERMINAL_PROMPT).
    pub terminal_prompt: bool,
    /// Where git would look, in the order it looks.
    pub sources: Vec<CredentialSource>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CredentialSource {
    pub kind: CredentialKind,
    /// A helper's name (`store`, `manager`, `shell command` for `!…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helper: Option<String>,
    /// Where it is configured: a git config origin, the netrc path or a variable's name.
    pub origin: String,
}

/// `credentials.sources[].kind` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CredentialKind {
    Url,
    Netrc,
    CredentialHelper,
    Askpass,
}

/// The HTTP proxy's answer to CONNECT.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Connect {
    pub status: u16,
    pub status_line: String,
    pub auth_schemes: Vec<String>,
    pub credentials_sent: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Sumdb {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tree_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_excerpt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup: Option<Lookup>,
}

/// A `/lookup/M@V`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Lookup {
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

/// `git.detail`: `git ls-remote`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GitDetail {
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refs: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
}

fn all<'a, T: 'a, U: From<&'a T>>(v: &'a Option<Vec<T>>) -> Option<Vec<U>> {
    v.as_ref().map(|v| v.iter().map(U::from).collect())
}

impl From<&ev::Evidence> for Evidence {
    fn from(e: &ev::Evidence) -> Self {
        match e {
            ev::Evidence::Nothing => Evidence::Nothing,
            ev::Evidence::Empty {} => Evidence::Empty {},
            ev::Evidence::Skipped { reason } => Evidence::Skipped {
                reason: reason.clone(),
            },
            ev::Evidence::Dns(d) => Evidence::Dns(Box::new(d.as_ref().into())),
            ev::Evidence::Tcp(t) => Evidence::Tcp(t.into()),
            ev::Evidence::Tls(t) => Evidence::Tls(Box::new(t.as_ref().into())),
            ev::Evidence::Http(h) => Evidence::Http(Box::new(h.as_ref().into())),
            ev::Evidence::Proxy(p) => Evidence::Proxy(p.into()),
            ev::Evidence::Sumdb(s) => Evidence::Sumdb(Box::new(s.as_ref().into())),
        }
    }
}

impl From<&ev::DnsEvidence> for Dns {
    fn from(d: &ev::DnsEvidence) -> Self {
        Dns {
            source: d.source.clone(),
            answered_by: d.answered_by.clone(),
            a: d.a.as_ref().map(Into::into),
            aaaa: d.aaaa.as_ref().map(Into::into),
            addresses: d.addresses.clone(),
            tried: all(&d.tried),
            bogus: all(&d.bogus),
            comparison: all(&d.comparison),
        }
    }
}

impl From<&ev::DnsAnswer> for DnsAnswer {
    fn from(a: &ev::DnsAnswer) -> Self {
        match a {
            ev::DnsAnswer::Addresses(v) => DnsAnswer::Addresses(v.clone()),
            ev::DnsAnswer::Failed { error, message } => DnsAnswer::Failed {
                error: error.kind(),
                message: message.clone(),
            },
        }
    }
}

impl From<&ev::NameserverAnswer> for NameserverAnswer {
    fn from(n: &ev::NameserverAnswer) -> Self {
        NameserverAnswer {
            nameserver: n.nameserver.clone(),
            a: n.a.as_ref().map(Into::into),
            aaaa: n.aaaa.as_ref().map(Into::into),
            error: n.error.clone(),
        }
    }
}

impl From<&ev::BogusAddress> for BogusAddress {
    fn from(b: &ev::BogusAddress) -> Self {
        BogusAddress {
            address: b.address.clone(),
            reason: b.kind.reason(),
        }
    }
}

impl From<&ev::Comparison> for Comparison {
    fn from(c: &ev::Comparison) -> Self {
        Comparison {
            resolver: c.resolver.clone(),
            a: (&c.a).into(),
            agrees: c.agrees,
            ms: c.ms,
        }
    }
}

impl From<&ev::TcpEvidence> for Tcp {
    fn from(t: &ev::TcpEvidence) -> Self {
        Tcp {
            port: t.port,
            attempts: t
                .attempts
                .iter()
                .map(|a| DialAttempt {
                    address: a.address.clone(),
                    result: a.result.to_string(),
                    ms: a.ms,
                })
                .collect(),
            connected: t.connected.clone(),
            ssh: t.ssh.as_ref().map(|g| {
                Box::new(SshGreeting {
                    banner: g.banner.clone(),
                    other: g.other.clone(),
                    preamble_lines: g.preamble_lines,
                    ms: g.ms,
                })
            }),
        }
    }
}

impl From<&ev::TlsEvidence> for Tls {
    fn from(t: &ev::TlsEvidence) -> Self {
        Tls {
            sni: t.sni.clone(),
            chain: t.chain.iter().map(Into::into).collect(),
            negotiated: t.negotiated.as_ref().map(|n| Negotiated {
                version: n.version.clone(),
                cipher: n.cipher.clone(),
                alpn: n.alpn.clone(),
            }),
            bytes_received: t.bytes_received,
            first_bytes: t.first_bytes.clone(),
            public_roots_accept: t.public_roots_accept,
            clock_hint: t.clock_hint.as_ref().map(|h| h.as_ref().map(Into::into)),
        }
    }
}

impl From<&ev::Certificate> for Certificate {
    fn from(c: &ev::Certificate) -> Self {
        match c {
            ev::Certificate::Parsed {
                subject,
                issuer,
                not_before,
                not_after,
                sans,
            } => Certificate::Parsed {
                subject: subject.clone(),
                issuer: issuer.clone(),
                not_before: not_before.clone(),
                not_after: not_after.clone(),
                sans: sans.clone(),
            },
            ev::Certificate::Unparsable { unparsable } => Certificate::Unparsable {
                unparsable: unparsable.clone(),
            },
        }
    }
}

impl From<&ev::ClockHint> for ClockHint {
    fn from(h: &ev::ClockHint) -> Self {
        ClockHint {
            local_time_unix: h.local_time_unix,
            not_before_unix: h.not_before_unix,
            not_after_unix: h.not_after_unix,
            hint: h.hint,
        }
    }
}

impl From<&ev::HttpEvidence> for Http {
    fn from(h: &ev::HttpEvidence) -> Self {
        Http {
            status: h.status,
            file: h.file,
            response: h.response.as_ref().map(|r| Response {
                version: r.version,
                ttfb_ms: r.ttfb_ms,
                headers: r.headers.clone(),
                body_bytes: r.body_bytes,
                body_complete: r.body_complete,
                still_flowing: r.still_flowing,
                body_excerpt: r.body_excerpt.clone(),
                date_skew_s: r.date_skew_s,
            }),
            redirects: all(&h.redirects),
            versions: h.versions,
            info: h.info.as_ref().map(Into::into),
            entries: h.entries,
            go_versions: h.go_versions.clone(),
            html: h.html,
            go_mods: all(&h.go_mods),
            content_length: h.content_length.clone(),
            go_import: all(&h.go_import),
            discovery: h.discovery.as_ref().map(|d| Discovery {
                tags: d.tags.iter().map(Into::into).collect(),
                chosen: d.chosen.as_ref().map(Into::into),
                prefix_page: d.prefix_page.as_ref().map(|p| PrefixPage {
                    url: p.url.clone(),
                    status: p.status,
                    agrees: p.agrees,
                }),
                subdir_field: d.subdir_field,
            }),
            git: h.git.as_ref().map(Into::into),
        }
    }
}

impl From<&discovery::GoImport> for GoImport {
    fn from(g: &discovery::GoImport) -> Self {
        GoImport {
            prefix: g.prefix.clone(),
            vcs: g.vcs.clone(),
            repo: g.repo.clone(),
            subdir: g.subdir.clone(),
        }
    }
}

impl From<&ev::GitHttpEvidence> for GitHttp {
    fn from(g: &ev::GitHttpEvidence) -> Self {
        GitHttp {
            repo: g.repo.clone(),
            protocol: g.protocol.map(|p| match p {
                ev::GitProtocol::SmartV2 => GitProtocol::SmartV2,
                ev::GitProtocol::SmartV1 => GitProtocol::SmartV1,
                ev::GitProtocol::SmartV0 => GitProtocol::SmartV0,
                ev::GitProtocol::Dumb => GitProtocol::Dumb,
            }),
            content_type: g.content_type.clone(),
            first_line: g.first_line.clone(),
            auth_schemes: g.auth_schemes.clone(),
            credentials: (&g.credentials).into(),
        }
    }
}

impl From<&git_auth::GitCredentials> for GitCredentials {
    fn from(c: &git_auth::GitCredentials) -> Self {
        GitCredentials {
            terminal_prompt: c.terminal_prompt,
            sources: c
                .sources
                .iter()
                .map(|s| CredentialSource {
                    kind: match s.kind {
                        git_auth::SourceKind::Url => CredentialKind::Url,
                        git_auth::SourceKind::Netrc => CredentialKind::Netrc,
                        git_auth::SourceKind::CredentialHelper => CredentialKind::CredentialHelper,
                        git_auth::SourceKind::Askpass => CredentialKind::Askpass,
                    },
                    helper: s.helper.clone(),
                    origin: s.origin.clone(),
                })
                .collect(),
        }
    }
}

impl From<&ev::Redirect> for Redirect {
    fn from(r: &ev::Redirect) -> Self {
        Redirect {
            status: r.status,
            from: r.from.clone(),
            to: r.to.clone(),
        }
    }
}

impl From<&ev::InfoCheck> for InfoCheck {
    fn from(i: &ev::InfoCheck) -> Self {
        InfoCheck {
            url: i.url.clone(),
            status: i.status,
            verdict: i.verdict.clone(),
        }
    }
}

impl From<&ev::GoModFetch> for GoModFetch {
    fn from(g: &ev::GoModFetch) -> Self {
        GoModFetch {
            module: g.module.clone(),
            version: g.version.clone(),
            status: g.status,
            go: g.go.clone(),
            error: g.error.clone(),
        }
    }
}

impl From<&ev::ConnectEvidence> for Connect {
    fn from(p: &ev::ConnectEvidence) -> Self {
        Connect {
            status: p.status,
            status_line: p.status_line.clone(),
            auth_schemes: p.auth_schemes.clone(),
            credentials_sent: p.credentials_sent,
        }
    }
}

impl From<&ev::SumdbEvidence> for Sumdb {
    fn from(s: &ev::SumdbEvidence) -> Self {
        Sumdb {
            status: s.status,
            database: s.database.clone(),
            key: s.key.clone(),
            tree_size: s.tree_size,
            signers: s.signers.clone(),
            body_excerpt: s.body_excerpt.clone(),
            lookup: s.lookup.as_ref().map(Into::into),
        }
    }
}

impl From<&ev::LookupEvidence> for Lookup {
    fn from(l: &ev::LookupEvidence) -> Self {
        Lookup {
            module: l.module.clone(),
            record: l.record,
            verified: l.verified,
            status: l.status,
            error: l.error.clone(),
        }
    }
}

impl From<&ev::GitEvidence> for GitDetail {
    fn from(g: &ev::GitEvidence) -> Self {
        GitDetail {
            url: g.url.clone(),
            refs: g.refs,
            stderr: g.stderr.clone(),
        }
    }
}
