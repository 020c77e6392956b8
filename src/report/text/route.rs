//! What go will do: the toolchain go runs, each module's route (GOPROXY entries with their
//! fall-through rule, direct) with go's predicted error, the checksum database, go.sum.

use std::io;

use super::style::{BOLD, DIM, GREEN, RED};
use super::wrap::Out;
use crate::config::goproxy::FallThrough;
use crate::diagnose::predict::Predicted;
use crate::i18n::Lang;
use crate::plan::{Step, SumdbStep};
use crate::redact::shown as redact_urls;
use crate::report::CheckReport;
use crate::t;

/// The section: its heading, then a line (and the route under it) per toolchain, host and
/// database.
pub fn what_go_will_do(o: &mut Out, r: &CheckReport) -> io::Result<()> {
    let d = r.diagnosis;
    let offline = if r.offline {
        t!(r.lang, "report-offline-note")
    } else {
        String::new()
    };
    o.line(
        &format!(
            "{BOLD}{}{BOLD:#}{offline}",
            t!(r.lang, "report-what-go-will-do")
        ),
        2,
    )?;
    if let Some(reason) = &r.plan.vendor_mode {
        o.line(
            &format!(
                "  {}",
                t!(
                    r.lang,
                    "report-vendor",
                    reason = reason.lines().next().unwrap_or("")
                )
            ),
            4,
        )?;
    }
    if let Some(tc) = &d.outcome.toolchain {
        let (style, m) = if tc.predicted == Predicted::Fail {
            (RED, "✗")
        } else {
            (GREEN, "✓")
        };
        let target = tc
            .target
            .as_ref()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        let via = tc
            .via
            .as_ref()
            .map(|v| match &tc.path {
                Some(p) => format!(" {DIM}← {v} ({p}){DIM:#}"),
                None => format!(" {DIM}← {}{DIM:#}", redact_urls(v)),
            })
            .unwrap_or_default();
        let why = tc
            .required_by
            .as_ref()
            .map(|b| {
                let why = t!(
                    r.lang,
                    "report-mid-command-switch",
                    module = b.module.as_str(),
                    go = b.go.as_str()
                );
                format!(" {DIM}· {why}{DIM:#}")
            })
            .unwrap_or_default();
        o.line(
            &format!(
                "  {style}{m}{style:#} {}{target}{via}{why}",
                t!(r.lang, "report-toolchain")
            ),
            6,
        )?;
        if let Some(e) = &tc.error {
            for line in e.lines() {
                o.line(&format!("      {RED}{}{RED:#}", redact_urls(line)), 8)?;
            }
        }
    }
    if r.plan.modules.is_empty() {
        o.line(&format!("  {}", t!(r.lang, "report-no-module")), 4)?;
    }
    for (host, mods) in r.plan.by_host() {
        let outcomes: Vec<_> = d
            .outcome
            .modules
            .iter()
            .filter(|o| mods.iter().any(|m| o.module.starts_with(&m.module)))
            .collect();
        let failed = outcomes.iter().find(|o| o.predicted == Predicted::Fail);
        let (style, m) = if failed.is_some() {
            (RED, "✗")
        } else {
            (GREEN, "✓")
        };
        let count = if mods.len() == 1 {
            mods[0].module.clone()
        } else {
            t!(
                r.lang,
                "report-host-modules",
                host = host,
                count = mods.len()
            )
        };
        let mut flags = Vec::new();
        if mods[0].private {
            flags.push("GOPRIVATE");
        }
        if mods[0].nosumdb && !mods[0].private {
            flags.push("GONOSUMDB");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" {DIM}[{}]{DIM:#}", flags.join(", "))
        };
        o.line(&format!("  {style}{m}{style:#} {count}{flags}"), 6)?;
        o.line(
            &format!("      {DIM}{}{DIM:#}", route_line(&mods[0].route, r.lang)),
            8,
        )?;
        if let Some(failed) = failed
            && let Some(e) = &failed.error
        {
            for line in e.lines() {
                o.line(&format!("      {RED}{}{RED:#}", redact_urls(line)), 8)?;
            }
        } else if let (Some(f), Some(Step::NotFollowed { entries })) =
            (failed, mods[0].route.last())
            && f.via.is_none()
        {
            // Nothing served it, and go goes on past what was probed: no words of go's to show.
            let line = t!(r.lang, "report-route-undetermined", entries = *entries);
            o.line(&format!("      {RED}{line}{RED:#}"), 8)?;
        }
    }
    if !r.plan.sumdb_route.is_empty() && r.plan.modules.iter().any(|m| m.needs_sumdb) {
        let mut steps: Vec<String> = r
            .plan
            .sumdb_route
            .iter()
            .map(|s| match s {
                SumdbStep::ViaProxy { supported_url, .. } => supported_url.clone(),
                SumdbStep::Direct { url, explicit, .. } => {
                    if *explicit {
                        t!(r.lang, "report-sumdb-url", url = url)
                    } else {
                        url.clone()
                    }
                }
            })
            .collect();
        if r.plan.sumdb_not_followed > 0 {
            // Asked after the relays shown, before the database itself.
            let note = t!(
                r.lang,
                "report-route-not-followed",
                entries = r.plan.sumdb_not_followed,
                first = crate::plan::MAX_ROUTE_PROXIES
            );
            steps.insert(steps.len().saturating_sub(1), note);
        }
        let route = redact_urls(&steps.join(" → "));
        o.line(
            &format!(
                "  {}",
                t!(r.lang, "report-checksum-database", route = route)
            ),
            4,
        )?;
    }

    if r.config.gosum.is_some() && !d.outcome.modules.is_empty() {
        use crate::diagnose::predict::GoSumVerdict as V;
        let count = |v: V| {
            d.outcome
                .modules
                .iter()
                .filter(|o| o.facts.gosum == v)
                .count()
        };
        o.line(
            &format!(
                "  {}",
                t!(
                    r.lang,
                    "report-gosum",
                    matched = count(V::Match),
                    absent = count(V::Absent),
                    mismatched = count(V::Mismatch),
                    unchecked = count(V::NotChecked),
                )
            ),
            4,
        )?;
    }

    Ok(())
}

pub fn route_line(steps: &[Step], lang: Lang) -> String {
    let mut line = String::new();
    for (i, s) in steps.iter().enumerate() {
        match s {
            Step::Proxy {
                proxy,
                via_http_proxy,
                ..
            } => {
                line.push_str(proxy);
                if let Some(p) = via_http_proxy {
                    line.push_str(&t!(lang, "report-route-via-https-proxy", proxy = p));
                }
            }
            Step::NotFollowed { entries } => line.push_str(&t!(
                lang,
                "report-route-not-followed",
                entries = *entries,
                first = crate::plan::MAX_ROUTE_PROXIES
            )),
            Step::Skipped { proxy, .. } => {
                line.push_str(&t!(lang, "report-route-skipped", proxy = proxy))
            }
            Step::Direct(d) => {
                let mut steps = String::new();
                if let Some(u) = &d.discovery_url {
                    steps.push_str(&t!(lang, "report-route-discovery", url = u));
                }
                steps.push_str(&format!("git {}", d.git_url));
                if d.git_transport == "ssh" {
                    steps.push_str(&t!(lang, "report-route-ssh", port = d.git_port.to_string()));
                }
                line.push_str(&t!(lang, "report-route-direct", steps = steps));
            }
            Step::Off => line.push_str("off"),
        }
        if i + 1 < steps.len() {
            let sep = match s {
                Step::Proxy { fall_through, .. } => match fall_through {
                    FallThrough::NotFoundOnly => t!(lang, "report-route-not-found-only"),
                    FallThrough::AnyError => t!(lang, "report-route-any-error"),
                },
                _ => " → ".to_owned(),
            };
            line.push_str(&sep);
        }
    }
    redact_urls(&line)
}
