//! GOPROXY as go parses it (docs/go/semantics.md §1 "Parsing the list", "Fall-through"): a
//! list go rejects, `off` and `direct`, entries go never reaches, plain HTTP, credentials in
//! URLs, and `,` where only `|` would fall through on errors.

use super::super::remedy::set_go_env;
use super::super::{Code, Finding, Severity};
use super::{DEFAULT_GOPROXY, list};
use crate::config::Config;
use crate::config::goproxy::{FallThrough, ProxyEntry};
use crate::plan::Plan;
use crate::redact::redact_urls;
use crate::text;

pub(super) fn goproxy(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let value = cfg.get("GOPROXY");
    let parsed = match &plan.proxy_list {
        Err(e) => {
            f.push(
                Finding::of(
                    Code::GoproxyMalformed,
                    text!(
                        "finding-goproxy-malformed",
                        value = format!("{:?}", redact_urls(value)),
                        detail = e.to_string(),
                    ),
                )
                .param("value", value)
                .param("detail", e.to_string())
                .fixes(set_go_env(
                    cfg,
                    "GOPROXY",
                    DEFAULT_GOPROXY,
                    text!("remedy-goproxy-default"),
                )),
            );
            return;
        }
        Ok(l) => l,
    };
    let first_real = parsed
        .specs
        .iter()
        .find(|s| s.entry != ProxyEntry::NoProxy)
        .map(|s| &s.entry);
    match first_real {
        Some(ProxyEntry::Off) => {
            let all_private = !plan.modules.is_empty() && plan.modules.iter().all(|m| m.noproxy);
            f.push(
                Finding::of(Code::GoproxyOff, text!("finding-goproxy-off"))
                    .with_severity(if all_private {
                        Severity::Warning
                    } else {
                        Severity::Error
                    })
                    .fixes(set_go_env(
                        cfg,
                        "GOPROXY",
                        DEFAULT_GOPROXY,
                        text!("remedy-let-go-download"),
                    )),
            );
        }
        Some(ProxyEntry::Direct) => f.push(
            Finding::of(
                Code::GoproxyDirectOnly,
                text!("finding-goproxy-direct-only"),
            )
            .fixes(set_go_env(
                cfg,
                "GOPROXY",
                DEFAULT_GOPROXY,
                text!("remedy-proxy-first-direct-fallback"),
            )),
        ),
        _ => {}
    }
    if !parsed.ignored.is_empty() {
        let shown: Vec<String> = parsed.ignored.iter().map(|s| redact_urls(s)).collect();
        f.push(
            Finding::of(
                Code::GoproxyEntriesIgnored,
                text!("finding-goproxy-entries-ignored", entries = list(&shown)),
            )
            .param("entries", parsed.ignored.join(", ")),
        );
    }
    if let Some(url) = parsed.urls().find(|u| u.starts_with("http://")) {
        f.push(
            Finding::of(
                Code::GoproxyPlainHttp,
                text!("finding-goproxy-plain-http", url = redact_urls(url)),
            )
            .param("url", url.to_string()),
        );
    }
    // A plain-http entry with credentials gets no request from go at all: it fails, and with
    // `,` after it (or nothing) go stops there.
    for (i, spec) in parsed.specs.iter().enumerate() {
        let ProxyEntry::Url(url) = &spec.entry else {
            continue;
        };
        let Some(u) = crate::config::gourl::parse(url)
            .ok()
            .filter(|u| u.refuses_credentials())
        else {
            continue;
        };
        let last = i + 1 == parsed.specs.len();
        let severity = if spec.fall_through == FallThrough::NotFoundOnly || last {
            Severity::Error
        } else {
            Severity::Warning
        };
        let host = u.hostname().to_owned();
        f.push(
            Finding::of(
                Code::HttpInsecureCredentials,
                text!("finding-http-insecure-credentials", host = host.clone()),
            )
            .with_severity(severity)
            .host(host.clone())
            .param("url", url.to_string())
            .fix(super::super::Remedy::note(text!(
                "remedy-credentials-need-https",
                host = host
            ))),
        );
    }
    if value.contains('@') && parsed.urls().any(|u| u.contains('@')) {
        f.push(Finding::of(
            Code::GoproxyHasCredentials,
            text!("finding-goproxy-has-credentials"),
        ));
    }
    if parsed.specs.len() > 1 {
        let has_pipe = parsed.specs.iter().any(|s| {
            s.fall_through == FallThrough::AnyError && matches!(s.entry, ProxyEntry::Url(_))
        });
        let proxies = parsed.urls().count();
        if proxies >= 2 && !has_pipe {
            f.push(Finding::of(
                Code::GoproxyCommaNoFallthrough,
                text!("finding-goproxy-comma-no-fallthrough"),
            ));
        }
    }
}
