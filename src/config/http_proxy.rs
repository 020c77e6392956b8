//! HTTP(S)_PROXY / NO_PROXY as go's net/http reads them (docs/go/semantics.md §6, a port of
//! x/net/http/httpproxy): upper case wins when non-empty, https URLs use only HTTPS_PROXY,
//! loopback is never proxied, and NO_PROXY matches `*`, domains, `.suffix`, `*.suffix`,
//! `host:port`, IPs and CIDRs (IP-literal hosts only). ALL_PROXY is ignored by go.
//! Checked against x/net's own tables as each go vendors them (tests/conformance/http_proxy.json):
//! under CGI (`REQUEST_METHOD` set) go refuses HTTP_PROXY; hosts compare in punycode; since
//! go1.23 a proxy of any scheme is kept as written, and since go1.23.7/go1.24.1 an IPv6
//! literal with a zone is an IP, never matched against domain entries (CVE-2025-22870).

use crate::redact::Sensitive;
use std::net::IpAddr;

use super::env::Environment;
use super::gourl::{self, GoUrl};
use super::goversion::GoVersion;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyVar {
    /// The variable that supplied the value (`HTTPS_PROXY` or `https_proxy`).
    pub name: &'static str,
    /// The value as set; displayed redacted.
    pub raw: Sensitive,
    /// The URL go will use, or why go silently ignores the value.
    pub parsed: Result<GoUrl, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpProxyConfig {
    pub http: Option<ProxyVar>,
    pub https: Option<ProxyVar>,
    /// NO_PROXY / no_proxy: hosts, but a pasted URL may carry userinfo; displayed redacted.
    pub no_proxy: Option<(&'static str, Sensitive)>,
    /// ALL_PROXY / all_proxy: curl and git honour it, go does not.
    pub all_proxy: Option<(&'static str, Sensitive)>,
    /// Both spellings set to different values (upper case wins).
    pub conflicts: Vec<(&'static str, &'static str)>,
    /// `REQUEST_METHOD` is set: go refuses HTTP_PROXY for http URLs (golang.org/s/cgihttpproxy).
    pub cgi: bool,
    matchers: NoProxy,
    /// An IPv6 literal with a zone is an IP (x/net since go1.23.7 / go1.24.1).
    zones_are_ips: bool,
}

/// go's refusal of HTTP_PROXY in a CGI environment, in its words.
pub const CGI_REFUSAL: &str =
    "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy";

#[derive(Clone, Default, PartialEq, Eq)]
struct NoProxy {
    all: bool,
    ips: Vec<IpMatch>,
    domains: Vec<DomainMatch>,
}

/// Counts only: the entries come from NO_PROXY, which may hold a pasted credential.
impl std::fmt::Debug for NoProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoProxy")
            .field("all", &self.all)
            .field("ips", &self.ips.len())
            .field("domains", &self.domains.len())
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum IpMatch {
    Cidr(IpAddr, u8),
    Ip(IpAddr, String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct DomainMatch {
    /// Always starts with '.'.
    host: String,
    port: String,
    match_host: bool,
}

fn get_env_any(
    env: &Environment,
    upper: &'static str,
    lower: &'static str,
) -> Option<(&'static str, String)> {
    env.get(upper)
        .map(|v| (upper, v.to_owned()))
        .or_else(|| env.get(lower).map(|v| (lower, v.to_owned())))
}

impl HttpProxyConfig {
    /// As the current release reads the environment.
    pub fn from_env(env: &Environment) -> Self {
        Self::from_env_for(env, &GoVersion::assumed_current())
    }

    /// As `go` (the release whose vendored x/net applies) reads the environment.
    pub fn from_env_for(env: &Environment, go: &GoVersion) -> Self {
        let any_scheme = go.at_least(1, 23);
        let mut cfg = HttpProxyConfig {
            cgi: env.get("REQUEST_METHOD").is_some(),
            zones_are_ips: go.at_least(1, 25)
                || (go.at_least(1, 24) && (go.minor > 24 || go.patch >= 1))
                || (go.minor == 23 && go.major == 1 && go.patch >= 7),
            ..HttpProxyConfig::default()
        };
        for (upper, lower) in [
            ("HTTP_PROXY", "http_proxy"),
            ("HTTPS_PROXY", "https_proxy"),
            ("NO_PROXY", "no_proxy"),
            ("ALL_PROXY", "all_proxy"),
        ] {
            if let (Some(u), Some(l)) = (env.get(upper), env.get(lower))
                && u != l
            {
                cfg.conflicts.push((upper, lower));
            }
        }
        let var = |upper, lower| {
            get_env_any(env, upper, lower).map(|(name, raw)| ProxyVar {
                name,
                parsed: if any_scheme {
                    parse_proxy(&raw)
                } else {
                    parse_proxy_before_go123(&raw)
                },
                raw: Sensitive::urls(raw),
            })
        };
        cfg.http = var("HTTP_PROXY", "http_proxy");
        cfg.https = var("HTTPS_PROXY", "https_proxy");
        cfg.no_proxy =
            get_env_any(env, "NO_PROXY", "no_proxy").map(|(n, v)| (n, Sensitive::urls(v)));
        cfg.all_proxy =
            get_env_any(env, "ALL_PROXY", "all_proxy").map(|(n, v)| (n, Sensitive::urls(v)));
        cfg.matchers = NoProxy::parse(cfg.no_proxy.as_ref().map_or("", |(_, v)| v.expose()));
        cfg
    }

    /// The proxy go uses for `url`, if any (`proxyForURL`); a CGI refusal reads as none.
    pub fn proxy_for(&self, url: &GoUrl) -> Option<&GoUrl> {
        self.proxy_result(url).ok().flatten()
    }

    /// `proxyForURL`: the proxy, none, or go's refusal of HTTP_PROXY under CGI.
    pub fn proxy_result(&self, url: &GoUrl) -> Result<Option<&GoUrl>, &'static str> {
        let var = match url.scheme.as_str() {
            "https" => self.https.as_ref(),
            "http" => self.http.as_ref(),
            _ => None,
        };
        let Some(proxy) = var.and_then(|v| v.parsed.as_ref().ok()) else {
            return Ok(None);
        };
        if url.scheme == "http" && self.cgi {
            return Err(CGI_REFUSAL);
        }
        let port = url.port_or_default().to_string();
        // url.Hostname() decodes the zone's `%25`; canonicalAddr writes the host in punycode.
        let host = to_ascii(&url.hostname().replace("%25", "%"));
        Ok(self.use_proxy(&host, &port).then_some(proxy))
    }

    /// `useProxy(addr)` for `host:port` (x/net's tests call it directly).
    pub fn use_proxy_addr(&self, addr: &str) -> bool {
        if addr.is_empty() {
            return true;
        }
        match split_host_port(addr) {
            Some((host, port)) => self.use_proxy(host, port),
            None => false,
        }
    }

    fn use_proxy(&self, host: &str, port: &str) -> bool {
        if host == "localhost" {
            return false;
        }
        let ip = if self.zones_are_ips {
            // netip.ParseAddr takes an IPv6 zone (`fe80::1%eth0`).
            parse_ip(
                host.split_once('%')
                    .filter(|_| host.contains(':'))
                    .map_or(host, |(ip, _)| ip),
            )
        } else {
            parse_ip(host)
        };
        let host = &host.trim().to_lowercase();
        if ip.is_some_and(|ip| ip.is_loopback()) {
            return false;
        }
        if self.matchers.all {
            return false;
        }
        if let Some(ip) = ip {
            for m in &self.matchers.ips {
                let hit = match m {
                    IpMatch::Cidr(net, bits) => cidr_contains(*net, *bits, ip),
                    IpMatch::Ip(want, p) => *want == ip && (p.is_empty() || p == port),
                };
                if hit {
                    return false;
                }
            }
        }
        for m in &self.matchers.domains {
            // Current x/net: domain entries never match an IP literal.
            if ip.is_some() {
                continue;
            }
            let hit = host.ends_with(&m.host) || (m.match_host && host == &m.host[1..]);
            if hit && (m.port.is_empty() || m.port == port) {
                return false;
            }
        }
        true
    }
}

fn parse_ip(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

fn cidr_contains(net: IpAddr, bits: u8, ip: IpAddr) -> bool {
    match (net, ip) {
        (IpAddr::V4(n), IpAddr::V4(i)) => {
            let mask = if bits == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(bits))
            };
            u32::from(n) & mask == u32::from(i) & mask
        }
        (IpAddr::V6(n), IpAddr::V6(i)) => {
            let mask = if bits == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(bits))
            };
            u128::from(n) & mask == u128::from(i) & mask
        }
        _ => false,
    }
}

fn parse_cidr(s: &str) -> Option<(IpAddr, u8)> {
    let (ip, bits) = s.split_once('/')?;
    let ip: IpAddr = ip.parse().ok()?;
    let bits: u8 = bits.parse().ok()?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    (bits <= max).then_some((ip, bits))
}

/// `net.SplitHostPort` for NO_PROXY entries.
fn split_host_port(s: &str) -> Option<(&str, &str)> {
    if let Some(rest) = s.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let port = after.strip_prefix(':')?;
        return Some((host, port));
    }
    let (host, port) = s.rsplit_once(':')?;
    if host.contains(':') {
        return None;
    }
    Some((host, port))
}

impl NoProxy {
    fn parse(no_proxy: &str) -> Self {
        let mut m = NoProxy::default();
        for p in no_proxy.split(',') {
            let p = p.trim().to_lowercase();
            if p.is_empty() {
                continue;
            }
            if p == "*" {
                return NoProxy {
                    all: true,
                    ..NoProxy::default()
                };
            }
            if let Some((ip, bits)) = parse_cidr(&p) {
                m.ips.push(IpMatch::Cidr(ip, bits));
                continue;
            }
            let (phost, pport) = match split_host_port(&p) {
                Some((h, port)) => {
                    if h.is_empty() {
                        continue;
                    }
                    (h.to_owned(), port.to_owned())
                }
                None => (p.clone(), String::new()),
            };
            let phost = phost
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .map_or(phost.clone(), str::to_owned);
            if let Ok(ip) = phost.parse::<IpAddr>() {
                m.ips.push(IpMatch::Ip(ip, pport));
                continue;
            }
            let mut host = phost
                .strip_prefix("*.")
                .map(|h| format!(".{h}"))
                .unwrap_or(phost);
            let mut match_host = false;
            if !host.starts_with('.') {
                match_host = true;
                host = format!(".{host}");
            }
            m.domains.push(DomainMatch {
                host: to_ascii(&host),
                port: pport,
                match_host,
            });
        }
        m
    }
}

/// `idnaASCII`: ASCII as is, else IDNA's lookup form (punycode); kept as is when that fails.
fn to_ascii(host: &str) -> String {
    if host.is_ascii() {
        return host.to_owned();
    }
    idna::domain_to_ascii(host).unwrap_or_else(|_| host.to_owned())
}

/// `parseProxy` before go1.23: only http, https and socks5 are schemes; anything else gets
/// `http://` in front (`foo://host` becomes the host `foo:`).
pub fn parse_proxy_before_go123(raw: &str) -> Result<GoUrl, String> {
    match gourl::parse(raw) {
        Ok(u) if matches!(u.scheme.as_str(), "http" | "https" | "socks5") => Ok(u),
        first => match gourl::parse(&format!("http://{raw}")) {
            Ok(u) => Ok(u),
            Err(e) => Err(format!(
                "invalid proxy address: {}",
                first.err().map_or(e.reason, |e| e.reason)
            )),
        },
    }
}

/// `parseProxy`: a value without a scheme gets `http://`; one go cannot parse is ignored.
pub fn parse_proxy(raw: &str) -> Result<GoUrl, String> {
    match gourl::parse(raw) {
        Ok(u) if !u.scheme.is_empty() && !u.host.is_empty() => Ok(u),
        // The error names the URL with its userinfo redacted.
        _ => gourl::parse(&format!("http://{raw}"))
            .map_err(|e| format!("invalid proxy address: {}", e.reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(pairs: &[(&str, &str)]) -> HttpProxyConfig {
        HttpProxyConfig::from_env(&Environment::from_pairs(pairs.iter().copied()))
    }

    fn via(c: &HttpProxyConfig, url: &str) -> Option<String> {
        c.proxy_for(&gourl::parse(url).unwrap())
            .map(|u| u.host.clone())
    }

    // docs/go/semantics.md §6 "Which variable applies".
    #[test]
    fn https_uses_only_https_proxy() {
        let c = cfg(&[("HTTP_PROXY", "http://hp:3128")]);
        assert_eq!(via(&c, "https://proxy.golang.org/x"), None);
        assert_eq!(via(&c, "http://plain.example/"), Some("hp:3128".into()));
        let c = cfg(&[("HTTPS_PROXY", "sp:8080")]);
        assert_eq!(
            via(&c, "https://proxy.golang.org/x"),
            Some("sp:8080".into())
        );
    }

    #[test]
    fn upper_case_wins_when_non_empty() {
        let c = cfg(&[
            ("HTTPS_PROXY", "http://upper:1"),
            ("https_proxy", "http://lower:2"),
        ]);
        assert_eq!(via(&c, "https://a.example/"), Some("upper:1".into()));
        assert_eq!(c.conflicts, vec![("HTTPS_PROXY", "https_proxy")]);
        let c = cfg(&[("HTTPS_PROXY", ""), ("https_proxy", "http://lower:2")]);
        assert_eq!(via(&c, "https://a.example/"), Some("lower:2".into()));
    }

    // docs/go/semantics.md §6 "NO_PROXY".
    #[test]
    fn no_proxy_rules() {
        let c = cfg(&[
            ("HTTPS_PROXY", "http://p:1"),
            (
                "NO_PROXY",
                " Corp.Example ,.internal.example,*.wild.example,ported.example:8443,10.0.0.0/8,192.168.1.1,[::1]:443",
            ),
        ]);
        let url = |u: &str| via(&c, u).is_some();
        assert!(!url("https://corp.example/"));
        assert!(!url("https://git.corp.example/"));
        assert!(url("https://internal.example/"));
        assert!(!url("https://a.internal.example/"));
        assert!(url("https://wild.example/"));
        assert!(!url("https://x.wild.example/"));
        assert!(!url("https://ported.example:8443/"));
        assert!(url("https://ported.example/"));
        assert!(!url("https://10.1.2.3/"));
        assert!(url("https://11.1.2.3/"));
        assert!(!url("https://192.168.1.1/"));
        assert!(url("https://notcorp.example/"));
    }

    #[test]
    fn loopback_never_proxied() {
        let c = cfg(&[("HTTPS_PROXY", "http://p:1")]);
        assert!(via(&c, "https://localhost:8080/").is_none());
        assert!(via(&c, "https://127.0.0.1/").is_none());
        assert!(via(&c, "https://[::1]:443/").is_none());
        assert!(via(&c, "https://127.9.9.9/").is_none());
    }

    #[test]
    fn star_disables_everything() {
        let c = cfg(&[("HTTPS_PROXY", "http://p:1"), ("no_proxy", "*")]);
        assert!(via(&c, "https://proxy.golang.org/").is_none());
    }

    #[test]
    fn domain_entries_never_match_ip_literals() {
        let c = cfg(&[
            ("HTTPS_PROXY", "http://p:1"),
            ("NO_PROXY", "1.2.3.4.example,4"),
        ]);
        assert!(via(&c, "https://1.2.3.4/").is_some());
    }

    #[test]
    fn all_proxy_is_recorded_not_used() {
        let c = cfg(&[("ALL_PROXY", "socks5://s:1080")]);
        assert!(c.all_proxy.is_some());
        assert!(via(&c, "https://proxy.golang.org/").is_none());
    }

    #[test]
    fn parse_proxy_like_go() {
        assert_eq!(
            parse_proxy("proxy.corp:3128").unwrap().to_string(),
            "http://proxy.corp:3128"
        );
        assert_eq!(parse_proxy("https://p.corp").unwrap().scheme, "https");
        assert_eq!(parse_proxy("socks5://s:1080").unwrap().scheme, "socks5");
        // go accepts this (host "http:"); garbage in, garbage out, as in go.
        assert_eq!(
            parse_proxy("http://http://u:secret@p:1").unwrap().host,
            "http:"
        );
        let e = parse_proxy("u:secret@p corp:1").unwrap_err();
        assert!(!e.contains("secret"), "{e}");
    }

    /// NO_PROXY is hosts, but a pasted URL may carry a password: the value is displayed, debugged
    /// and serialized redacted only, and still matches as go matches it.
    #[test]
    fn no_proxy_is_displayed_redacted_only() {
        let c = cfg(&[
            ("HTTPS_PROXY", "http://p:1"),
            ("NO_PROXY", "corp.example,https://u:NoPr0xyPw@x.example"),
        ]);
        let (name, v) = c.no_proxy.as_ref().unwrap();
        assert_eq!(*name, "NO_PROXY");
        assert_eq!(v.expose(), "corp.example,https://u:NoPr0xyPw@x.example");
        for shown in [
            v.to_string(),
            format!("{v:?}"),
            format!("{c:?}"),
            serde_json::to_string(v).unwrap(),
        ] {
            assert!(!shown.contains("NoPr0xyPw"), "{shown}");
        }
        assert_eq!(v.to_string(), "corp.example,https://xxxxx@x.example");
        assert!(via(&c, "https://git.corp.example/").is_none());
    }
}
