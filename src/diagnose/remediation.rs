//! Remediation for observed failures: commands that work and keep go safe — a proxy entry that
//! passed every layer, the interception CA installed rather than verification skipped, the
//! checksum database kept on (never GOSUMDB=off), GOPRIVATE for private modules.

use super::remedy::{set_go_env, sh_quote};
use super::{Code, Finding, Remedy};
use crate::config::Config;
use crate::probe::{LayerName, Role, Target};
use crate::redact::redact_urls;

/// Proxy entries whose targets passed every layer.
fn healthy_proxies(targets: &[Target], except_host: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in targets.iter().filter(|t| t.role == Role::Proxy && t.ok()) {
        if let Some(p) = t.context(|c| c.proxy.as_deref())
            && Some(t.host.as_str()) != except_host
            && !out.iter().any(|o| o == p)
            && !p.contains("xxxxx@")
        {
            out.push(p.to_owned());
        }
    }
    out
}

fn issuer(targets: &[Target], host: &str) -> Option<String> {
    let t = targets
        .iter()
        .find(|t| t.host == host && t.layer(LayerName::Tls).is_some())?;
    let chain = &t.layer(LayerName::Tls)?.detail.as_tls()?.chain;
    chain.last()?.issuer().map(str::to_owned)
}

fn mirror_advice(cfg: &Config, targets: &[Target], host: Option<&str>) -> Vec<Remedy> {
    let mut list = healthy_proxies(targets, host);
    if !list.is_empty() {
        list.push("direct".into());
        let value = list.join(",");
        return set_go_env(
            cfg,
            "GOPROXY",
            &value,
            "use the proxy entry that passed every layer first",
        );
    }
    vec![Remedy::run(
        "find a module mirror that works from this network (godoctor fix probes the known mirrors: proxy.golang.org, goproxy.cn, goproxy.io, mirrors.aliyun.com/goproxy/)",
        "godoctor fix",
    )]
}

pub fn attach(cfg: &Config, targets: &[Target], f: &mut Finding) {
    let host = f.host.clone().unwrap_or_default();
    let h = host.as_str();
    let fixes: Vec<Remedy> = match f.code {
        Code::DnsNxdomain | Code::DnsServfail | Code::DnsTimeout | Code::DnsFailed => {
            let mut v = vec![
                Remedy::run(
                    format!("see what your resolver says about {h}"),
                    format!("getent hosts {h} || nslookup {h}"),
                ),
                Remedy::run("check which nameservers go uses", "cat /etc/resolv.conf"),
            ];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::DnsPoisoned => {
            let mut v = vec![Remedy::note(format!(
                "the answer for {h} is forged or hijacked: compare with an encrypted resolver (godoctor check --compare-resolver tls://IP#NAME) and ask your network administrator"
            ))];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::TcpBlackhole
        | Code::TcpRefused
        | Code::TcpReset
        | Code::TcpUnreachable
        | Code::TlsResetAfterClienthello => {
            let mut v = Vec::new();
            if let Some((name, val)) = &cfg.http_proxy.all_proxy {
                v.push(Remedy::run(
                    format!("this network may require its proxy ({name} is set, which go ignores)"),
                    format!("export HTTPS_PROXY={}", sh_quote(&redact_urls(val))),
                ));
            }
            if f.code == Code::TlsResetAfterClienthello {
                v.push(Remedy::note(format!("connections to {h} are cut as soon as its name is seen in the TLS handshake (SNI filtering): use a mirror or a proxy that is allowed")));
            }
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::TlsUnknownIssuerInterception
        | Code::TlsUnknownIssuerPrivateCa
        | Code::TlsRootsMissing
        | Code::TlsNoRoots => {
            let who = issuer(targets, h)
                .map(|i| format!(" (issuer: {i})"))
                .unwrap_or_default();
            let mut v = vec![
                Remedy::note(format!(
                    "get the CA certificate that signed {h}'s certificate{who} from your IT department; never turn verification off"
                )),
                Remedy::run(
                    "trust it system-wide (Debian/Ubuntu)",
                    "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
                ),
                Remedy::run(
                    "or only for go, in this shell (SSL_CERT_FILE replaces go's CA bundle, so use a bundle that also has the public roots)",
                    "cat /etc/ssl/certs/ca-certificates.crt company-ca.crt > ~/ca-bundle.pem && export SSL_CERT_FILE=~/ca-bundle.pem",
                ),
            ];
            // Meanwhile, a proxy entry that passed every layer works as it is.
            if !healthy_proxies(targets, Some(h)).is_empty() {
                v.extend(mirror_advice(cfg, targets, Some(h)));
            }
            v
        }
        Code::GoproxyCommaNoFallthrough => {
            let healthy = healthy_proxies(targets, Some(h));
            let mut v = mirror_advice(cfg, targets, Some(h));
            if !healthy.is_empty() {
                // Or keep the order and let any error fall through to the next entry.
                let piped = piped(cfg.get("GOPROXY"));
                if piped != cfg.get("GOPROXY") {
                    v.extend(set_go_env(
                        cfg,
                        "GOPROXY",
                        &piped,
                        "or keep the order and fall through on any error with `|`",
                    ));
                }
            }
            v
        }
        Code::TlsExpired | Code::TlsNotYetValid | Code::ClockSkew => vec![
            Remedy::run(
                "check the system clock first: a wrong clock makes valid certificates look expired",
                "date -u; timedatectl status",
            ),
            Remedy::note(format!(
                "if the clock is right, {h}'s certificate really is out of date: tell its operator, or use another proxy"
            )),
        ],
        Code::TlsNameMismatch => vec![Remedy::note(format!(
            "the server answering for {h} is not {h}: check the DNS answer and any proxy or firewall that redirects it"
        ))],
        Code::TlsHandshakeTimeout
        | Code::TlsNotTls
        | Code::TlsHandshakeFailed
        | Code::HttpStalled
        | Code::HttpServerError
        | Code::HttpStatus
        | Code::HttpInvalidPayload
        | Code::HttpRedirectInsecure
        | Code::HttpRedirectLoop
        | Code::HttpHeadersTooLarge
        | Code::HttpBodyTooLarge
        | Code::HttpFailed => mirror_advice(cfg, targets, Some(h)),
        Code::HttpCaptivePortal => {
            let mut v = vec![Remedy::note(
                "the network answers with a web page instead of the proxy: log in to the network (open any http:// page in a browser) or ask your administrator to allow the proxy",
            )];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::HttpUnauthorized | Code::HttpForbidden => vec![
            Remedy::note(format!(
                "{h} refuses this request: it may need credentials, which go reads from ~/.netrc (or GOAUTH since Go 1.24)"
            )),
            Remedy::run(
                format!("give go credentials for {h}"),
                format!(
                    "printf 'machine {h} login USER password TOKEN\\n' >> ~/.netrc && chmod 600 ~/.netrc"
                ),
            ),
        ],
        Code::ProxyAuthRequired => vec![Remedy::run(
            "give go the proxy credentials (percent-encode special characters)",
            format!(
                "export HTTPS_PROXY=http://USER:PASSWORD@{h}:{}",
                proxy_port(cfg)
            ),
        )],
        Code::ProxyForbidden | Code::ProxyConnectFailed | Code::ProxyStalled => {
            vec![Remedy::note(format!(
                "the HTTP proxy {h} refuses to connect to the module proxy: ask its administrator to allow it, or use a mirror it allows"
            ))]
        }
        Code::ProxyUnreachable => vec![
            Remedy::run("check the proxy go uses", "env | grep -i _proxy"),
            Remedy::run(
                "if this network needs no proxy, stop go from using it",
                "unset HTTPS_PROXY https_proxy",
            ),
        ],
        Code::SumdbUnreachable | Code::SumdbProxyFailed | Code::SumdbFailed => vec![
            Remedy::note(
                "keep the checksum database on: reach it through a module proxy that relays it (`<proxy>/sumdb/sum.golang.org/supported` answers 200), not GOSUMDB=off",
            ),
            Remedy::run(
                "find a relaying mirror that works from here",
                "godoctor fix",
            ),
        ],
        Code::SumdbSignatureInvalid => vec![
            Remedy::note(format!(
                "the checksum database answer from {h} is not signed by the expected key: something between you and it alters traffic, or GOSUMDB names the wrong key; do not turn verification off"
            )),
            Remedy::run("check the key go uses", "go env GOSUMDB"),
        ],
        Code::VcsAuthRequired => vec![
            Remedy::run(
                format!("let git authenticate to {h} over HTTPS with a token"),
                format!(
                    "printf 'machine {h} login USER password TOKEN\\n' >> ~/.netrc && chmod 600 ~/.netrc"
                ),
            ),
            Remedy::run(
                "or fetch it over SSH with your key",
                format!("git config --global url.\"git@{h}:\".insteadOf \"https://{h}/\""),
            ),
        ],
        Code::VcsUnreachable
        | Code::VcsDiscoveryFailed
        | Code::VcsRepoNotFound
        | Code::ModuleNotFound => {
            let mut v = vec![Remedy::note("check the module path and version in go.mod")];
            if crate::plan::private_hint(h, &cfg.netrc.machines).is_some() {
                v.extend(set_go_env(
                    cfg,
                    "GOPRIVATE",
                    h,
                    "if it is a private module, mark its host private",
                ));
            }
            v
        }
        _ => Vec::new(),
    };
    if f.remediation.is_empty() {
        f.remediation = fixes;
    }
}

/// GOPROXY with `|` between proxy entries (`direct`/`off` keep their `,`).
fn piped(goproxy: &str) -> String {
    let parts: Vec<&str> = goproxy
        .split([',', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(if matches!(*p, "direct" | "off") {
                ','
            } else {
                '|'
            });
        }
        out.push_str(p);
    }
    out
}

fn proxy_port(cfg: &Config) -> String {
    cfg.http_proxy
        .https
        .as_ref()
        .and_then(|v| v.parsed.as_ref().ok())
        .and_then(|u| u.port().map(str::to_owned))
        .unwrap_or_else(|| "PORT".into())
}

#[cfg(test)]
mod tests;
