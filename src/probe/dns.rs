//! DNS layer: resolve a host the way go's resolver would — the hosts file first, then the
//! nameservers of /etc/resolv.conf in order — with A and AAAA asked separately and every
//! answer classified (NXDOMAIN, SERVFAIL, REFUSED, empty, timeout). Answers that cannot be
//! right for a public name are flagged; optional encrypted comparison resolvers (DoT/DoH)
//! reveal poisoning when they disagree.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::evidence::{
    AddressKind, BogusAddress, Comparison, DnsAnswer, DnsEvidence, NameserverAnswer,
};
use super::{DnsError, LayerName, LayerResult};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ProtocolConfig, ResolveHosts, ResolverConfig,
};
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::RData;

/// An encrypted resolver to compare answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareResolver {
    pub addr: SocketAddr,
    pub server_name: String,
    /// `tls` (DoT) or `https` (DoH).
    pub protocol: &'static str,
    pub path: Option<String>,
}

impl CompareResolver {
    /// `tls://IP[:PORT]#NAME` or `https://IP[:PORT][/PATH]#NAME`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let (proto, rest, default_port) = if let Some(r) = s.strip_prefix("tls://") {
            ("tls", r, 853)
        } else if let Some(r) = s.strip_prefix("https://") {
            ("https", r, 443)
        } else {
            return Err(format!(
                "{s:?}: expected tls://IP[:PORT]#NAME or https://IP[:PORT]/PATH#NAME"
            ));
        };
        let (rest, name) = rest.split_once('#').ok_or_else(|| {
            format!("{s:?}: add #SERVERNAME (the name on the resolver's certificate)")
        })?;
        let (hostport, path) = match rest.find('/') {
            Some(i) => (&rest[..i], Some(rest[i..].to_owned())),
            None => (rest, None),
        };
        let addr = hostport
            .parse::<SocketAddr>()
            .or_else(|_| {
                hostport
                    .parse::<IpAddr>()
                    .map(|ip| SocketAddr::new(ip, default_port))
            })
            .map_err(|_| {
                format!("{s:?}: the resolver must be an IP address (it cannot itself be resolved)")
            })?;
        Ok(CompareResolver {
            addr,
            server_name: name.to_owned(),
            protocol: proto,
            path,
        })
    }
}

/// How names are resolved for this check.
#[derive(Clone)]
pub struct DnsSetup {
    pub nameservers: Vec<SocketAddr>,
    /// `resolv.conf` or `--resolver`.
    pub source: String,
    pub hosts: HashMap<String, Vec<IpAddr>>,
    pub compare: Vec<CompareResolver>,
    /// TLS settings for DoT/DoH comparison resolvers (go's roots).
    pub tls: Option<Arc<rustls::ClientConfig>>,
    pub problem: Option<String>,
}

impl DnsSetup {
    /// The system's view: /etc/resolv.conf and /etc/hosts, or the nameservers given.
    pub fn system(
        override_servers: &[SocketAddr],
        compare: Vec<CompareResolver>,
        tls: Option<Arc<rustls::ClientConfig>>,
    ) -> Self {
        let hosts = read_hosts(std::path::Path::new("/etc/hosts"));
        if !override_servers.is_empty() {
            return DnsSetup {
                nameservers: override_servers.to_vec(),
                source: "--resolver".into(),
                hosts,
                compare,
                tls,
                problem: None,
            };
        }
        let (nameservers, problem) = match hickory_resolver::system_conf::read_system_conf() {
            Ok((cfg, _)) => {
                let mut v: Vec<SocketAddr> = Vec::new();
                for ns in cfg.name_servers() {
                    let port = ns.connections.first().map_or(53, |c| c.port);
                    let a = SocketAddr::new(ns.ip, port);
                    if !v.contains(&a) {
                        v.push(a);
                    }
                }
                (v, None)
            }
            Err(e) => (Vec::new(), Some(format!("/etc/resolv.conf: {e}"))),
        };
        // go falls back to localhost:53 when resolv.conf names no server.
        let nameservers = if nameservers.is_empty() {
            vec![
                SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 53),
                SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), 53),
            ]
        } else {
            nameservers
        };
        DnsSetup {
            nameservers,
            source: "/etc/resolv.conf".into(),
            hosts,
            compare,
            tls,
            problem,
        }
    }
}

/// /etc/hosts: name (lower case) → addresses, in file order.
pub fn read_hosts(path: &std::path::Path) -> HashMap<String, Vec<IpAddr>> {
    let mut map: HashMap<String, Vec<IpAddr>> = HashMap::new();
    let Ok(read) = crate::config::bounded::read(path, crate::config::bounded::HOSTS) else {
        return map;
    };
    let text = String::from_utf8_lossy(&read.data);
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let Some(ip) = fields
            .next()
            .and_then(|f| f.split('%').next()?.parse::<IpAddr>().ok())
        else {
            continue;
        };
        for name in fields {
            let entry = map
                .entry(name.trim_end_matches('.').to_ascii_lowercase())
                .or_default();
            if !entry.contains(&ip) {
                entry.push(ip);
            }
        }
    }
    map
}

/// Why an address cannot be right for a public name.
pub fn bogus_kind(ip: IpAddr) -> Option<AddressKind> {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            if v4.is_loopback() {
                Some(AddressKind::Loopback)
            } else if v4.is_unspecified() || o[0] == 0 {
                Some(AddressKind::Unspecified)
            } else if v4.is_private() {
                Some(AddressKind::Private)
            } else if v4.is_link_local() {
                Some(AddressKind::LinkLocal)
            } else if o[0] == 100 && (64..128).contains(&o[1]) {
                Some(AddressKind::CarrierGradeNat)
            } else if o[0] >= 240 {
                Some(AddressKind::Reserved)
            } else if v4.is_multicast() {
                Some(AddressKind::Multicast)
            } else if (o[0] == 198 && (o[1] & 0xfe) == 18) || v4.is_documentation() {
                Some(AddressKind::BenchmarksOrDocumentation)
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            if let Some(v4) = v6.to_ipv4_mapped() {
                return bogus_kind(IpAddr::V4(v4));
            }
            if v6.is_loopback() {
                Some(AddressKind::Loopback)
            } else if v6.is_unspecified() {
                Some(AddressKind::Unspecified)
            } else if (s[0] & 0xfe00) == 0xfc00 {
                Some(AddressKind::UniqueLocal)
            } else if (s[0] & 0xffc0) == 0xfe80 {
                Some(AddressKind::LinkLocal)
            } else if v6.is_multicast() {
                Some(AddressKind::Multicast)
            } else if s[0] == 0x2001 && s[1] == 0x0db8 {
                Some(AddressKind::Documentation)
            } else {
                None
            }
        }
    }
}

/// What one query for one family got.
#[derive(Debug, Clone, PartialEq)]
enum Answer {
    Ips(Vec<IpAddr>),
    /// The cause and its human text.
    Error(DnsError, String),
}

fn classify(err: &NetError) -> (DnsError, String) {
    use hickory_resolver::net::DnsError as Hickory;
    match err {
        NetError::Dns(Hickory::NoRecordsFound(nr))
            if nr.response_code == ResponseCode::NXDomain =>
        {
            (DnsError::NxDomain, "NXDOMAIN".into())
        }
        NetError::Dns(Hickory::NoRecordsFound(_)) => {
            (DnsError::Empty, "NOERROR with no records".into())
        }
        NetError::Dns(Hickory::ResponseCode(ResponseCode::ServFail)) => {
            (DnsError::ServFail, "SERVFAIL".into())
        }
        NetError::Dns(Hickory::ResponseCode(ResponseCode::Refused)) => {
            (DnsError::Refused, "REFUSED".into())
        }
        NetError::Dns(Hickory::ResponseCode(code)) => {
            (DnsError::Rcode, format!("server answered {code}"))
        }
        NetError::Timeout => (DnsError::Timeout, "no answer".into()),
        NetError::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => (
            DnsError::Unreachable,
            "nameserver port closed (ICMP port unreachable)".into(),
        ),
        // go drops an answer it cannot parse as a possible forgery and waits for a valid one
        // (golang.org/issue/13281): for go, a garbled or oversized answer is no answer.
        NetError::Proto(e) => (
            DnsError::Timeout,
            format!(
                "the answer could not be decoded ({e}); go ignores such answers as possible forgeries and waits until its timeout"
            ),
        ),
        NetError::NoConnections => (
            DnsError::NoNameserver,
            "no nameserver could be reached".into(),
        ),
        other => (DnsError::Other, other.to_string()),
    }
}

fn resolver_for(
    ns: SocketAddr,
    protocol: ProtocolConfig,
    timeout: Duration,
    tls: Option<&rustls::ClientConfig>,
) -> Result<TokioResolver, NetError> {
    let mut conn = ConnectionConfig::new(protocol);
    conn.port = ns.port();
    let mut connections = vec![conn];
    if matches!(connections[0].protocol, ProtocolConfig::Udp) {
        // Truncated UDP answers are retried over TCP, as go does.
        let mut tcp = ConnectionConfig::tcp();
        tcp.port = ns.port();
        connections.push(tcp);
    }
    let config =
        ResolverConfig::from_name_servers(vec![NameServerConfig::new(ns.ip(), true, connections)]);
    let mut builder = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default());
    if let Some(tls) = tls {
        builder = builder.with_tls_config(tls.clone());
    }
    let opts = builder.options_mut();
    opts.timeout = timeout;
    opts.attempts = 0;
    opts.cache_size = 0;
    opts.use_hosts_file = ResolveHosts::Never;
    opts.ndots = 0;
    builder.build()
}

async fn query(resolver: &TokioResolver, name: &str, v6: bool, budget: Duration) -> Answer {
    let fqdn = format!("{}.", name.trim_end_matches('.'));
    let fut = async {
        if v6 {
            resolver.ipv6_lookup(fqdn.as_str()).await
        } else {
            resolver.ipv4_lookup(fqdn.as_str()).await
        }
    };
    match tokio::time::timeout(budget, fut).await {
        Err(_) => Answer::Error(DnsError::Timeout, "no answer".into()),
        Ok(Ok(lookup)) => {
            let ips: Vec<IpAddr> = lookup
                .answers()
                .iter()
                .filter_map(|r| match &r.data {
                    RData::A(a) => Some(IpAddr::V4(a.0)),
                    RData::AAAA(a) => Some(IpAddr::V6(a.0)),
                    _ => None,
                })
                .collect();
            if ips.is_empty() {
                Answer::Error(DnsError::Empty, "NOERROR with no records".into())
            } else {
                Answer::Ips(ips)
            }
        }
        Ok(Err(e)) => {
            let (k, m) = classify(&e);
            Answer::Error(k, m)
        }
    }
}

fn answer_evidence(a: &Answer) -> DnsAnswer {
    match a {
        Answer::Ips(ips) => DnsAnswer::Addresses(ips.iter().map(ToString::to_string).collect()),
        Answer::Error(error, message) => DnsAnswer::Failed {
            error: *error,
            message: message.clone(),
        },
    }
}

/// The DNS layer's result and the addresses to dial, in go's order.
pub struct Resolved {
    pub layer: LayerResult,
    pub addrs: Vec<IpAddr>,
}

/// Resolves `host`: an IP literal needs no DNS; the hosts file is consulted first.
pub async fn resolve(
    setup: &DnsSetup,
    host: &str,
    expect_public: bool,
    budget: Duration,
) -> Resolved {
    let start = Instant::now();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Resolved {
            layer: LayerResult::ok(
                LayerName::Dns,
                start.elapsed(),
                DnsEvidence {
                    source: "ip literal".into(),
                    a: Some(DnsAnswer::Addresses(vec![ip.to_string()])),
                    ..DnsEvidence::default()
                },
            ),
            addrs: vec![ip],
        };
    }
    if let Some(ips) = setup.hosts.get(&host.to_ascii_lowercase()) {
        let detail = DnsEvidence {
            source: "/etc/hosts".into(),
            addresses: Some(ips.iter().map(ToString::to_string).collect()),
            bogus: Some(bogus_list(ips, expect_public)),
            ..DnsEvidence::default()
        };
        return Resolved {
            layer: LayerResult::ok(LayerName::Dns, start.elapsed(), detail),
            addrs: sort_addrs(ips.clone()),
        };
    }

    let mut tried = Vec::new();
    let mut last: Option<(SocketAddr, Answer, Answer)> = None;
    for ns in &setup.nameservers {
        let remaining = budget.saturating_sub(start.elapsed());
        if remaining.is_zero() {
            break;
        }
        let resolver = match resolver_for(*ns, ProtocolConfig::Udp, remaining, None) {
            Ok(r) => r,
            Err(e) => {
                tried.push(NameserverAnswer {
                    nameserver: ns.to_string(),
                    a: None,
                    aaaa: None,
                    error: Some(e.to_string()),
                });
                continue;
            }
        };
        let (a, aaaa) = tokio::join!(
            query(&resolver, host, false, remaining),
            query(&resolver, host, true, remaining)
        );
        tried.push(NameserverAnswer {
            nameserver: ns.to_string(),
            a: Some(answer_evidence(&a)),
            aaaa: Some(answer_evidence(&aaaa)),
            error: None,
        });
        // Like go: an answer (records or NXDOMAIN / empty) is final; SERVFAIL, REFUSED and
        // timeouts move on to the next nameserver.
        let definitive = |x: &Answer| {
            matches!(
                x,
                Answer::Ips(_) | Answer::Error(DnsError::NxDomain | DnsError::Empty, _)
            )
        };
        let done = definitive(&a) || definitive(&aaaa);
        last = Some((*ns, a, aaaa));
        if done {
            break;
        }
    }

    let elapsed = start.elapsed();
    let Some((ns, a, aaaa)) = last else {
        let msg = setup
            .problem
            .clone()
            .unwrap_or_else(|| "no nameserver could be asked".into());
        return Resolved {
            layer: LayerResult::fail(
                elapsed,
                DnsError::NoNameserver,
                msg,
                DnsEvidence {
                    source: setup.source.clone(),
                    tried: Some(tried),
                    ..DnsEvidence::default()
                },
            ),
            addrs: Vec::new(),
        };
    };
    let mut ips: Vec<IpAddr> = Vec::new();
    for x in [&a, &aaaa] {
        if let Answer::Ips(v) = x {
            ips.extend(v);
        }
    }
    let mut detail = DnsEvidence {
        source: setup.source.clone(),
        answered_by: Some(ns.to_string()),
        a: Some(answer_evidence(&a)),
        aaaa: Some(answer_evidence(&aaaa)),
        tried: Some(tried),
        ..DnsEvidence::default()
    };
    if !ips.is_empty() {
        detail.bogus = Some(bogus_list(&ips, expect_public));
        if !setup.compare.is_empty() {
            detail.comparison =
                Some(compare(setup, host, &ips, budget.saturating_sub(start.elapsed())).await);
        }
        return Resolved {
            layer: LayerResult::ok(LayerName::Dns, start.elapsed(), detail),
            addrs: sort_addrs(ips),
        };
    }
    // Both families failed: report the more telling one (an answer beats a timeout).
    let telling = |k: &DnsError| !matches!(k, DnsError::Timeout | DnsError::Empty);
    let (kind, msg) = match (&a, &aaaa) {
        (Answer::Error(k, m), _) if telling(k) => (*k, m.clone()),
        (_, Answer::Error(k, m)) if telling(k) => (*k, m.clone()),
        (Answer::Error(k, m), _) => (*k, m.clone()),
        _ => (DnsError::Other, "no address".to_owned()),
    };
    // go folds NOERROR-empty into "no such host".
    let go_text = match kind {
        DnsError::NxDomain | DnsError::Empty => "no such host",
        DnsError::ServFail | DnsError::Refused | DnsError::Rcode => "server misbehaving",
        DnsError::Timeout => "i/o timeout",
        DnsError::Unreachable => "read: connection refused",
        DnsError::NoNameserver => "connect: network is unreachable",
        // No claim about go's words for what godoctor cannot map.
        _ => "",
    };
    let message = if go_text.is_empty() {
        format!("lookup {host} on {ns}: {msg}")
    } else {
        format!("lookup {host} on {ns}: {go_text} ({msg})")
    };
    let layer = if kind == DnsError::Timeout {
        LayerResult::timeout(elapsed, kind, message, detail)
    } else {
        LayerResult::fail(elapsed, kind, message, detail)
    };
    Resolved {
        layer,
        addrs: Vec::new(),
    }
}

fn bogus_list(ips: &[IpAddr], expect_public: bool) -> Vec<BogusAddress> {
    if !expect_public {
        return Vec::new();
    }
    ips.iter()
        .filter_map(|ip| {
            bogus_kind(*ip).map(|kind| BogusAddress {
                address: ip.to_string(),
                kind,
            })
        })
        .collect()
}

async fn compare(
    setup: &DnsSetup,
    host: &str,
    system: &[IpAddr],
    budget: Duration,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    // One budget for all of them: the comparison must not outlast the DNS step.
    let began = Instant::now();
    for c in &setup.compare {
        let budget = budget.saturating_sub(began.elapsed());
        let protocol = match c.protocol {
            "tls" => ProtocolConfig::Tls {
                server_name: c.server_name.as_str().into(),
            },
            _ => ProtocolConfig::Https {
                server_name: c.server_name.as_str().into(),
                path: c.path.clone().unwrap_or_else(|| "/dns-query".into()).into(),
            },
        };
        let start = Instant::now();
        let r = if budget.is_zero() {
            Answer::Error(DnsError::Timeout, "no time left for this resolver".into())
        } else {
            match resolver_for(c.addr, protocol, budget, setup.tls.as_deref()) {
                Ok(r) => query(&r, host, false, budget).await,
                Err(e) => Answer::Error(DnsError::Other, e.to_string()),
            }
        };
        let agrees = match &r {
            Answer::Ips(ips) => Some(ips.iter().any(|ip| system.contains(ip))),
            _ => None,
        };
        out.push(Comparison {
            resolver: format!("{}://{}#{}", c.protocol, c.addr, c.server_name),
            a: answer_evidence(&r),
            agrees,
            ms: super::millis(start.elapsed()),
        });
    }
    out
}

/// A simplified RFC 6724 order, as go's resolver sorts: addresses the host has a route to
/// first, IPv6 before IPv4 among them. Route checks use an unconnected UDP `connect`, which
/// sends nothing.
pub fn sort_addrs(mut addrs: Vec<IpAddr>) -> Vec<IpAddr> {
    let routable = |ip: &IpAddr| {
        let bind: SocketAddr = if ip.is_ipv4() {
            "0.0.0.0:0".parse().unwrap()
        } else {
            "[::]:0".parse().unwrap()
        };
        std::net::UdpSocket::bind(bind)
            .and_then(|s| s.connect(SocketAddr::new(*ip, 9)))
            .is_ok()
    };
    let mut keyed: Vec<(bool, bool, usize, IpAddr)> = addrs
        .drain(..)
        .enumerate()
        .map(|(i, ip)| (!routable(&ip), ip.is_ipv4(), i, ip))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|k| k.3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bogus_ranges() {
        for (ip, want) in [
            ("127.0.0.1", true),
            ("10.1.2.3", true),
            ("0.0.0.0", true),
            ("100.64.0.1", true),
            ("240.0.0.1", true),
            ("8.8.4.4", false),
            ("142.250.1.1", false),
            ("::1", true),
            ("fd00::1", true),
            ("2607:f8b0::1", false),
            ("::ffff:10.0.0.1", true),
        ] {
            assert_eq!(bogus_kind(ip.parse().unwrap()).is_some(), want, "{ip}");
        }
    }

    #[test]
    fn compare_resolver_syntax() {
        let c = CompareResolver::parse("tls://127.0.0.1:8853#dns.lab.test").unwrap();
        assert_eq!(
            (c.addr.port(), c.protocol, c.server_name.as_str()),
            (8853, "tls", "dns.lab.test")
        );
        let c = CompareResolver::parse("https://127.0.0.1/dns-query#doh.lab.test").unwrap();
        assert_eq!(
            (c.addr.port(), c.path.as_deref()),
            (443, Some("/dns-query"))
        );
        assert!(CompareResolver::parse("udp://127.0.0.1").is_err());
        assert!(CompareResolver::parse("tls://dns.google#dns.google").is_err());
        assert!(CompareResolver::parse("tls://127.0.0.1").is_err());
    }

    #[test]
    fn hosts_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("hosts");
        std::fs::write(&p, "127.0.0.1 localhost\n# c\n10.0.0.5 Git.Corp.example git # x\nbad line\n::1 localhost\n").unwrap();
        let h = read_hosts(&p);
        assert_eq!(
            h["git.corp.example"],
            vec!["10.0.0.5".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(h["localhost"].len(), 2);
    }
}
