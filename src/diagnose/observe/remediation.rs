//! Remediation for observed failures, per layer: commands that work and keep go safe — a
//! proxy entry that passed every layer, the interception CA installed rather than verification
//! skipped, the checksum database kept on (never GOSUMDB=off), GOPRIVATE for private modules.

use crate::config::Config;
use crate::diagnose::remedy::{Action, set_go_env};
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
                Remedy::run(
                    text!("remedy-resolver-answer", host = h),
                    format!("getent hosts {h} || nslookup {h}"),
                ),
                Remedy::run(text!("remedy-resolver-nameservers"), "cat /etc/resolv.conf"),
            ];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::DnsPoisoned => {
            let why = f.params.get("why").map(String::as_str);
            let mut v = vec![match why {
                Some("hosts") => Remedy::run(
                    text!("remedy-hosts-entry", host = h),
                    format!(
                        "grep -n -F {} /etc/hosts",
                        crate::diagnose::remedy::sh_quote(h)
                    ),
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
            Remedy::run(text!("remedy-check-clock"), "date -u; timedatectl status"),
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
        Code::HttpCaptivePortal => {
            let mut v = vec![Remedy::note(text!("remedy-captive-portal"))];
            v.extend(mirror_advice(cfg, targets, Some(h)));
            v
        }
        Code::HttpUnauthorized | Code::HttpForbidden => vec![
            Remedy::note(text!("remedy-needs-credentials", host = h)),
            Remedy::run(
                text!("remedy-netrc-credentials", host = h),
                format!(
                    "printf 'machine {h} login USER password TOKEN\\n' >> ~/.netrc && chmod 600 ~/.netrc"
                ),
            ),
        ],
        Code::ProxyAuthRequired => vec![Remedy::run(
            text!("remedy-proxy-credentials"),
            format!(
                "export HTTPS_PROXY=http://USER:PASSWORD@{h}:{}",
                proxy_port(cfg)
            ),
        )],
        Code::ProxyForbidden | Code::ProxyConnectFailed | Code::ProxyStalled => {
            vec![Remedy::note(text!("remedy-http-proxy-refuses", host = h))]
        }
        Code::ProxyUnreachable => vec![
            Remedy::run(text!("remedy-check-http-proxy"), "env | grep -i _proxy"),
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
            Remedy::run(
                text!("remedy-git-token", host = h),
                format!(
                    "printf 'machine {h} login USER password TOKEN\\n' >> ~/.netrc && chmod 600 ~/.netrc"
                ),
            ),
            Remedy::run(
                text!("remedy-git-ssh"),
                format!("git config --global url.\"git@{h}:\".insteadOf \"https://{h}/\""),
            ),
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

/// Installing the CA where go looks: the system bundle (or, on Linux, a bundle for go alone);
/// on Windows go reads the user's certificate store and ignores SSL_CERT_FILE.
fn trust_ca(cfg: &Config) -> Vec<Remedy> {
    use crate::config::shell::Shell;
    match cfg.shell {
        Shell::Powershell => vec![Remedy::run(
            text!("remedy-trust-ca-windows"),
            r"Import-Certificate -FilePath company-ca.crt -CertStoreLocation Cert:\CurrentUser\Root",
        )],
        Shell::Cmd => vec![Remedy::run(
            text!("remedy-trust-ca-windows"),
            "certutil -user -addstore Root company-ca.crt",
        )],
        Shell::Posix | Shell::Fish => vec![
            Remedy::run(
                text!("remedy-trust-ca-system"),
                "sudo cp company-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates",
            ),
            Remedy::run(
                text!("remedy-trust-ca-go-only"),
                "cat /etc/ssl/certs/ca-certificates.crt company-ca.crt > ~/ca-bundle.pem && export SSL_CERT_FILE=~/ca-bundle.pem",
            ),
        ],
    }
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
