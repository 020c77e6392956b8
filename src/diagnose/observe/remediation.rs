//! Remediation for observed failures, per layer: commands that work and keep go safe — a
//! proxy entry that passed every layer, the interception CA installed rather than verification
//! skipped, the checksum database kept on (never GOSUMDB=off), GOPRIVATE for private modules.

use crate::config::Config;
use crate::diagnose::remedy::{Action, System, set_go_env};
use crate::diagnose::{Code, Finding, Remedy};
use crate::probe::{LayerName, Role, Target};
use crate::text;

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
        return set_go_env(cfg, "GOPROXY", &value, text!("remedy-healthy-proxy-first"));
    }
    vec![Remedy::run(text!("remedy-find-mirror"), "godoctor fix")]
}

pub(super) fn attach(cfg: &Config, targets: &[Target], f: &mut Finding) {
    let host = f.host.clone().unwrap_or_default();
    let h = host.as_str();
    let fixes: Vec<Remedy> = match f.code {
        Code::DnsNxdomain | Code::DnsServfail | Code::DnsTimeout | Code::DnsFailed => {
            let mut v = vec![
                Remedy::act(
                    cfg,
                    text!("remedy-resolver-answer", host = h),
                    Action::System(System::LookUpHost(h.to_owned())),
                ),
                Remedy::act(
                    cfg,
                    text!("remedy-resolver-nameservers"),
                    Action::System(System::ShowNameservers),
                ),
            ];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::DnsPoisoned => {
            let why = f.params.get("why").map(String::as_str);
            let mut v = vec![match why {
                Some("hosts") => Remedy::act(
                    cfg,
                    text!("remedy-hosts-entry", host = h),
                    Action::System(System::FindInHostsFile(h.to_owned())),
                ),
                Some("blocker") => Remedy::note(text!("remedy-dns-blocked", host = h)),
                _ => Remedy::note(text!("remedy-dns-forged", host = h)),
            }];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::TcpBlackhole
        | Code::TcpRefused
        | Code::TcpReset
        | Code::TcpUnreachable
        | Code::TlsResetAfterClienthello => {
            let mut v = Vec::new();
            if let Some((name, _)) = &cfg.http_proxy.all_proxy {
                v.push(Remedy::act(
                    cfg,
                    text!("remedy-all-proxy-ignored", name = *name),
                    // By reference: the value may hold a password.
                    Action::CopyEnv {
                        key: "HTTPS_PROXY".into(),
                        from: name.to_string(),
                    },
                ));
            }
            if f.code == Code::TlsResetAfterClienthello {
                v.push(Remedy::note(text!("remedy-sni-filtered", host = h)));
            }
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::TlsUnknownIssuerInterception
        | Code::TlsUnknownIssuerPrivateCa
        | Code::TlsRootsMissing
        | Code::TlsNoRoots => {
            let ask = match issuer(targets, h) {
                Some(i) => text!("remedy-ask-ca-issuer", host = h, issuer = i),
                None => text!("remedy-ask-ca", host = h),
            };
            let mut v = vec![Remedy::note(ask)];
            v.extend(trust_ca(cfg));
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
                        text!("remedy-proxy-pipe"),
                    ));
                }
            }
            v
        }
        Code::TlsExpired | Code::TlsNotYetValid | Code::ClockSkew => vec![
            Remedy::act(
                cfg,
                text!("remedy-check-clock"),
                Action::System(System::ShowClock),
            ),
            Remedy::note(text!("remedy-cert-out-of-date", host = h)),
        ],
        Code::TlsNameMismatch => vec![Remedy::note(text!("remedy-name-mismatch", host = h))],
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
        Code::HttpInsecureCredentials => {
            let mut v = vec![Remedy::note(text!(
                "remedy-credentials-need-https",
                host = h
            ))];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::HttpCaptivePortal => {
            let mut v = vec![Remedy::note(text!("remedy-captive-portal"))];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::HttpUnauthorized | Code::HttpForbidden => vec![
            Remedy::note(text!("remedy-needs-credentials", host = h)),
            Remedy::act(
                cfg,
                text!("remedy-netrc-credentials", host = h),
                Action::System(System::AddNetrc(h.to_owned())),
            ),
        ],
        Code::ProxyAuthRequired => vec![Remedy::act(
            cfg,
            text!("remedy-proxy-credentials"),
            Action::SetEnv {
                key: "HTTPS_PROXY".into(),
                value: format!("http://USER:PASSWORD@{h}:{}", proxy_port(cfg)),
            },
        )],
        Code::ProxyForbidden | Code::ProxyConnectFailed | Code::ProxyStalled => {
            vec![Remedy::note(text!("remedy-http-proxy-refuses", host = h))]
        }
        Code::ProxyUnreachable => vec![
            Remedy::act(
                cfg,
                text!("remedy-check-http-proxy"),
                Action::System(System::ShowProxyEnv),
            ),
            Remedy::act(
                cfg,
                text!("remedy-stop-http-proxy"),
                Action::UnsetEnv(vec!["HTTPS_PROXY".into(), "https_proxy".into()]),
            ),
        ],
        Code::SumdbUnreachable | Code::SumdbProxyFailed | Code::SumdbFailed => vec![
            Remedy::note(text!("remedy-keep-sumdb")),
            Remedy::run(text!("remedy-find-relaying-mirror"), "godoctor fix"),
        ],
        Code::SumdbSignatureInvalid => vec![
            Remedy::note(text!("remedy-sumdb-wrong-key", host = h)),
            Remedy::run(text!("remedy-check-sumdb-key"), "go env GOSUMDB"),
        ],
        Code::VcsAuthRequired => vec![
            Remedy::act(
                cfg,
                text!("remedy-git-token", host = h),
                Action::System(System::AddNetrc(h.to_owned())),
            ),
            Remedy::act(cfg, text!("remedy-git-ssh"), git_over_ssh(h)),
        ],
        Code::VcsUnreachable
        | Code::VcsDiscoveryFailed
        | Code::VcsRepoNotFound
        | Code::ModuleNotFound => {
            let mut v = vec![Remedy::note(text!("remedy-check-module-path"))];
            if crate::plan::private_hint(h, &cfg.netrc.machines).is_some() {
                v.extend(set_go_env(
                    cfg,
                    "GOPRIVATE",
                    &crate::diagnose::remedy::with_pattern(cfg.get("GOPRIVATE"), h),
                    text!("remedy-mark-host-private"),
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

/// Installing the CA where go looks: the system's store, and on Linux (where go reads
/// SSL_CERT_FILE) a bundle for go alone; on macOS and Windows go asks the system to verify.
fn trust_ca(cfg: &Config) -> Vec<Remedy> {
    use crate::config::shell::Os;
    let file = "company-ca.crt".to_owned();
    let t = cfg.target();
    let system = match t.os {
        Os::Unix => text!("remedy-trust-ca-system"),
        Os::MacOs => text!("remedy-trust-ca-macos"),
        Os::Windows => text!("remedy-trust-ca-windows"),
    };
    let mut v = vec![Remedy::act(
        cfg,
        system,
        Action::System(System::TrustCa(file.clone())),
    )];
    if t.os == Os::Unix {
        v.push(Remedy::act(
            cfg,
            text!("remedy-trust-ca-go-only"),
            Action::System(System::GoOnlyBundle(file)),
        ));
    }
    v
}

/// Git over SSH instead of HTTPS for a host (`url.<ssh>.insteadOf <https>`).
pub(crate) fn git_over_ssh(host: &str) -> Action {
    Action::exec([
        "git".to_owned(),
        "config".into(),
        "--global".into(),
        format!("url.git@{host}:.insteadOf"),
        format!("https://{host}/"),
    ])
}

/// What `check` would advise for `code` at `host` with nothing probed (for `explain`, which
/// reads go's text instead of probing).
pub(crate) fn for_code(cfg: &Config, code: Code, host: Option<&str>) -> Vec<Remedy> {
    let mut f = Finding::of(code, text!("explain-command", command = ""));
    f.host = host.map(str::to_owned);
    attach(cfg, &[], &mut f);
    f.remediation
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
