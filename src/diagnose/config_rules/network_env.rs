//! The environment go's HTTP client reads (docs/go/semantics.md §6, §7 "Root certificates"):
//! HTTP(S)_PROXY and ALL_PROXY as `httpproxy` reads them, and SSL_CERT_FILE/SSL_CERT_DIR that
//! point nowhere.

use super::super::{Code, Finding, Remedy};
use super::list;
use crate::config::Config;
use crate::text;

pub(super) fn http_proxies(cfg: &Config, f: &mut Vec<Finding>) {
    let hp = &cfg.http_proxy;
    if let (Some(http), None) = (&hp.http, &hp.https) {
        f.push(
            Finding::of(
                Code::HttpProxyWithoutHttpsProxy,
                text!("finding-http-proxy-without-https-proxy", key = http.name),
            )
            .param("key", http.name.to_string())
            .host(
                http.parsed
                    .as_ref()
                    .map(|u| u.hostname().to_owned())
                    .unwrap_or_default(),
            )
            .fix(Remedy::act(
                cfg,
                text!("remedy-https-through-same-proxy"),
                crate::diagnose::remedy::Action::CopyEnv {
                    key: "HTTPS_PROXY".into(),
                    from: http.name.to_string(),
                },
            )),
        );
    }
    for var in [&hp.http, &hp.https].into_iter().flatten() {
        if let Err(e) = &var.parsed {
            f.push(
                Finding::of(
                    Code::HttpProxyMalformed,
                    text!(
                        "finding-http-proxy-malformed",
                        key = var.name,
                        detail = e.to_string()
                    ),
                )
                .param("key", var.name.to_string())
                .param("detail", e.to_string()),
            );
        } else if let Ok(u) = &var.parsed
            && !matches!(u.scheme.as_str(), "http" | "https" | "socks5" | "socks5h")
        {
            f.push(
                Finding::of(
                    Code::HttpProxySchemeUnsupported,
                    text!(
                        "finding-http-proxy-scheme-unsupported",
                        key = var.name,
                        scheme = format!("{:?}", u.scheme)
                    ),
                )
                .param("key", var.name.to_string())
                .param("scheme", u.scheme.clone())
                .host(u.hostname()),
            );
        }
    }
    if let Some((name, v)) = &hp.all_proxy {
        f.push(
            Finding::of(
                Code::AllProxyIgnored,
                text!(
                    "finding-all-proxy-ignored",
                    key = *name,
                    value = v.redacted()
                ),
            )
            .param("key", name.to_string())
            .param("value", v.redacted())
            .fix(Remedy::act(
                cfg,
                text!("remedy-give-go-same-proxy"),
                crate::diagnose::remedy::Action::CopyEnv {
                    key: "HTTPS_PROXY".into(),
                    from: name.to_string(),
                },
            )),
        );
    }
    for (upper, lower) in &hp.conflicts {
        f.push(
            Finding::of(
                Code::HttpProxyCaseConflict,
                text!(
                    "finding-http-proxy-case-conflict",
                    key = *upper,
                    other = *lower
                ),
            )
            .param("key", upper.to_string())
            .param("other", lower.to_string()),
        );
    }
}

pub(super) fn tls_env(cfg: &Config, f: &mut Vec<Finding>) {
    if let Some(file) = cfg.env.get("SSL_CERT_FILE")
        && !std::path::Path::new(file).is_file()
    {
        f.push(
            Finding::of(
                Code::SslCertFileMissing,
                text!("finding-ssl-cert-file-missing", file = file),
            )
            .param("file", file)
            .fix(Remedy::act(
                cfg,
                text!("remedy-system-ca-bundle"),
                crate::diagnose::remedy::Action::UnsetEnv(vec!["SSL_CERT_FILE".into()]),
            )),
        );
    }
    if let Some(dirs) = cfg.env.get("SSL_CERT_DIR") {
        let missing: Vec<&str> = dirs
            .split(':')
            .filter(|d| !d.is_empty() && !std::path::Path::new(d).is_dir())
            .collect();
        if !missing.is_empty() {
            f.push(
                Finding::of(
                    Code::SslCertDirMissing,
                    text!("finding-ssl-cert-dir-missing", dirs = list(&missing)),
                )
                .param("dirs", missing.join(", ")),
            );
        }
    }
}
