//! The checksum database and private modules (docs/go/semantics.md §1 "Pattern matching",
//! "GOINSECURE", "GOVCS"; §3 "GOSUMDB format"): GOSUMDB go rejects or turned off, GOPRIVATE-style
//! patterns that can never match, GOINSECURE and GOVCS, and modules that look private but
//! match no GOPRIVATE pattern.

use super::super::remedy::{set_go_env, unset_go_env};
use super::super::{Code, Finding};
use crate::config::Config;
use crate::config::gosumdb::SumDbSetting;
use crate::config::patterns::bad_patterns;
use crate::plan::{Plan, PrivateHint};
use crate::redact::redact_urls;
use crate::text;

pub(super) fn gosumdb(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    match &plan.sumdb {
        Err(e) => f.push(
            Finding::of(
                Code::GosumdbMalformed,
                text!(
                    "finding-gosumdb-malformed",
                    value = format!("{:?}", redact_urls(cfg.get("GOSUMDB"))),
                    detail = e.to_string(),
                ),
            )
            .param("value", cfg.get("GOSUMDB"))
            .param("detail", e.to_string())
            .fixes(unset_go_env(cfg, "GOSUMDB", text!("remedy-default-sumdb"))),
        ),
        Ok(SumDbSetting::Off) => f.push(
            Finding::of(Code::GosumdbOff, text!("finding-gosumdb-off"))
                .fixes(unset_go_env(
                    cfg,
                    "GOSUMDB",
                    text!("remedy-verification-back-on"),
                ))
                // Added to the list, never replacing it; quoted: `<` is a redirection.
                .fixes(set_go_env(
                    cfg,
                    "GONOSUMDB",
                    &super::super::remedy::with_pattern(
                        cfg.get("GONOSUMDB"),
                        "<your private module prefixes>",
                    ),
                    text!("remedy-gonosumdb-instead"),
                )),
        ),
        Ok(SumDbSetting::Db(_)) => {}
    }
}

pub(super) fn patterns(cfg: &Config, f: &mut Vec<Finding>) {
    for key in ["GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"] {
        let Some(s) = cfg.settings.get(key) else {
            continue;
        };
        if s.derived_from.is_some() || s.value.is_empty() {
            continue;
        }
        let v = s.value.expose();
        // Only blanks: a CR from a CRLF go/env file is GOENV_FILE_CRLF's finding.
        let blank = |c: char| c == ' ' || c == '\t';
        if v.split(',').any(|p| p != p.trim_matches(blank)) {
            let fixed: Vec<&str> = v
                .split(',')
                .map(|p| p.trim_matches(blank))
                .filter(|p| !p.is_empty())
                .collect();
            let spaced = v
                .split(',')
                .find(|p| p.starts_with(blank) || p.ends_with(blank))
                .unwrap_or("");
            f.push(
                Finding::of(
                    Code::PatternHasSpaces,
                    text!(
                        "finding-pattern-has-spaces",
                        key = key,
                        value = format!("{v:?}"),
                        pattern = spaced,
                    ),
                )
                .param("key", key)
                .param("value", v)
                .param("pattern", spaced)
                .fixes(set_go_env(
                    cfg,
                    key,
                    &fixed.join(","),
                    text!("remedy-remove-spaces"),
                )),
            );
        }
        for bad in bad_patterns(v) {
            f.push(
                Finding::of(
                    Code::PatternMalformed,
                    text!(
                        "finding-pattern-malformed",
                        key = key,
                        pattern = format!("{bad:?}")
                    ),
                )
                .param("key", key)
                .param("pattern", bad.to_string()),
            );
        }
    }
    if cfg.get("GONOPROXY") == "none" && cfg.get("GOPRIVATE").is_empty() {
        f.push(Finding::of(
            Code::GonoproxyNone,
            text!("finding-gonoproxy-none"),
        ));
    }
    let insecure = cfg.get("GOINSECURE");
    if !insecure.is_empty() {
        f.push(
            Finding::of(
                Code::GoinsecureSet,
                text!("finding-goinsecure-set", value = format!("{insecure:?}")),
            )
            .param("value", insecure)
            .fixes(unset_go_env(
                cfg,
                "GOINSECURE",
                text!("remedy-remove-goinsecure"),
            )),
        );
    }
}

/// The selector of `finding-private-module-not-private`.
pub(super) fn hint_key(hint: PrivateHint) -> &'static str {
    match hint {
        PrivateHint::IpAddress => "ip-address",
        PrivateHint::NoDot => "no-dot",
        PrivateHint::InternalDomain => "internal-domain",
        PrivateHint::NetrcCredentials => "netrc",
    }
}

/// Modules that look private but match no GOPRIVATE pattern: go sends their paths to the
/// public proxy and checksum database.
pub(super) fn private_modules(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let mut hosts: Vec<(&str, PrivateHint)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // With GONOSUMDB set, only a public GOPROXY entry on the route still learns the path.
    let public_proxy_on_route = |m: &crate::plan::ModulePlan| {
        m.route.iter().any(|s| match s {
            crate::plan::Step::Proxy { proxy, .. } => {
                crate::config::gourl::parse(proxy).is_ok_and(|u| {
                    crate::plan::private_hint(u.hostname(), &cfg.netrc.machines).is_none()
                })
            }
            _ => false,
        })
    };
    for m in &plan.modules {
        if m.private || (m.noproxy && m.nosumdb) || (m.nosumdb && !public_proxy_on_route(m)) {
            continue;
        }
        if let Some(why) = crate::plan::private_hint(&m.host, &cfg.netrc.machines)
            && seen.insert(m.host.as_str())
        {
            hosts.push((&m.host, why));
        }
    }
    for (host, why) in hosts {
        let new = super::super::remedy::with_pattern(cfg.get("GOPRIVATE"), host);
        f.push(
            Finding::of(
                Code::PrivateModuleNotPrivate,
                text!(
                    "finding-private-module-not-private",
                    host = host,
                    reason = hint_key(why)
                ),
            )
            .host(host)
            .param("host", host)
            .param("reason", why.as_str())
            .fixes(set_go_env(
                cfg,
                "GOPRIVATE",
                &new,
                text!("remedy-mark-them-private"),
            )),
        );
    }
}
