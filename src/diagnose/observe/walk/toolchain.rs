//! The toolchain go downloads (docs/go/toolchains.md §6, §7): the zip of
//! `golang.org/toolchain` along the GOPROXY route (`,`/`|`/direct/off as for modules), then its
//! checksum-database lookup — at startup, or for a switch in the middle of a command, whose
//! release comes from `golang.org/toolchain/@v/list` ([`walk_toolchain_list`]).

use super::super::classify;
use super::super::failure::Failure;
use super::super::go_words::{discovery_error, go_error};
use super::super::words::two_ways;
use super::sumdb::walk_sumdb;
use super::{Attempt, Stopped, attempt_from, ctx_proxy, entries_past, not_followed};
use crate::config::Config;
use crate::config::goproxy::FallThrough;
use crate::config::gosumdb::SumDbSetting;
use crate::diagnose::predict::{self, Predicted};
use crate::diagnose::remedy::unset_go_env;
use crate::diagnose::{Code, Finding, Layer, Remedy, Severity};
use crate::plan::{Plan, Step};
use crate::probe::{Role, Target, ToolchainRequest};
use crate::redact::redact_urls;
use crate::text;

/// The startup toolchain download over the observations. Returns go's error (and the finding
/// that explains it) when the switch fails.
pub(in super::super) fn walk_toolchain(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    outcome: &mut predict::Outcome,
) -> Option<Stopped> {
    let tp = plan.toolchain.as_ref()?;
    let tc = outcome.toolchain.as_mut()?;
    if tc.predicted != Predicted::Ok || tp.on_path.is_some() || tp.module_version.is_none() {
        return None;
    }
    let target = tc.target.clone().unwrap_or_default();
    let version = tp.module_version.clone().unwrap_or_default();
    walk_toolchain_download(
        cfg,
        targets,
        plan,
        &tp.route,
        (&target, &version),
        tp.sumdb_required,
        tc,
    )
}

/// The download of toolchain `target` (module version `version`) along `route`: the zip, then
/// its checksum-database lookup (Exec, select.go). Updates `tc`; on failure returns go's error
/// and the finding that explains it.
pub(super) fn walk_toolchain_download(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    route: &[Step],
    (target, version): (&str, &str),
    sumdb_required: bool,
    tc: &mut predict::ToolchainOutcome,
) -> Option<Stopped> {
    let (target, version) = (target.to_owned(), version.to_owned());
    let (os, arch) = predict::goos_goarch();
    // The last real failure and go's words for it (none: "toolchain not available").
    let mut real: Option<(Failure, String)> = None;
    // The real failure is the direct route's go-get discovery, which go never names.
    let mut on_discovery = false;
    let mut served: Option<String> = None;
    let zip_probe = |t: &&Target| {
        t.role == Role::Toolchain && t.context(|c| c.request) != Some(ToolchainRequest::List)
    };
    // go stopped on a step (a `break`), rather than going on past the last one.
    let mut stopped = false;
    for step in route
        .iter()
        .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
    {
        stopped = true;
        match step {
            Step::Proxy {
                proxy,
                url,
                fall_through,
                ..
            } => {
                let red = redact_urls(proxy);
                let zip = redact_urls(url);
                let Some(t) = targets.iter().filter(zip_probe).find(|t| t.url == zip) else {
                    served = Some(red);
                    break;
                };
                match attempt_from(t, url) {
                    Attempt::Served | Attempt::Unknown => {
                        served = Some(red);
                        break;
                    }
                    Attempt::NotFound(_) => {}
                    Attempt::Failed(f, e) => {
                        real = Some((*f, e));
                        if *fall_through == FallThrough::NotFoundOnly {
                            break;
                        }
                    }
                }
            }
            Step::Direct(_) => {
                // TryProxies: direct's error is the one go reports, whatever came before.
                // lookupDirect turns a failed go-get discovery of golang.org/toolchain into
                // "not exist" ("toolchain not available"); the zip from go.dev/dl/mod is then an
                // ordinary fetch whose errors go prints as they are.
                let discovery = targets
                    .iter()
                    .filter(zip_probe)
                    .find(|t| t.context(|c| c.step).is_some());
                let zip = targets
                    .iter()
                    .filter(zip_probe)
                    .find(|t| ctx_proxy(t) == Some("direct"));
                if let Some((t, l)) = discovery.and_then(|t| t.first_failure().map(|l| (t, l))) {
                    let f = classify::failure(t, l).with_severity(Severity::Warning);
                    real = Some((f, String::new()));
                    on_discovery = true;
                } else {
                    match zip.map_or(Attempt::Unknown, |t| attempt_from(t, &t.url)) {
                        Attempt::Served | Attempt::Unknown => served = Some("direct".into()),
                        Attempt::NotFound(_) => real = None,
                        Attempt::Failed(f, e) => real = Some((*f, e)),
                    }
                }
                break;
            }
            Step::Off | Step::Skipped { .. } | Step::NotFollowed { .. } => break,
        }
        // This step let go on to the next.
        stopped = false;
    }
    if let Some(via) = served {
        tc.via = Some(via);
        return verify_toolchain(cfg, targets, plan, (&target, &version), sumdb_required, tc);
    }
    tc.predicted = Predicted::Fail;
    if let Some(entries) = entries_past(route).filter(|_| !stopped) {
        // go goes on to entries godoctor did not probe: neither the outcome nor go's words
        // are known. Failing is the safe prediction.
        tc.error = None;
        return Some(Stopped {
            root: Some(not_followed(
                "toolchain",
                &format!("golang.org/toolchain@{version}"),
                entries,
            )),
            error: None,
        });
    }
    let (root, msg) = match real {
        Some((f, e)) if !e.is_empty() => (
            f.told(),
            format!("go: download {target}: golang.org/toolchain@{version}: {e}"),
        ),
        other => {
            let terse = text!(
                "finding-toolchain-unavailable-download-terse",
                target = target.clone(),
                version = version.clone(),
            );
            let explained = text!("finding-toolchain-unavailable", target = target.clone());
            let mut f = Finding::of(Code::ToolchainUnavailable, two_ways(terse, explained))
                .param("target", target.clone())
                .fix(Remedy::note(text!("remedy-install-toolchain-or-proxy")));
            if let Some((cause, _)) = other {
                let said = cause.told().text;
                f.push_evidence(if on_discovery {
                    text!("evidence-toolchain-direct-route", cause = said)
                } else {
                    said
                });
            }
            (
                f,
                crate::config::toolchain::not_available(&target, os, arch),
            )
        }
    };
    tc.error = Some(msg.clone());
    Some(Stopped {
        root: Some(root),
        error: Some(msg),
    })
}

/// A served zip, checked against the checksum database (modfetch.Download, then checkModSum):
/// GOSUMDB=off fails it then, and only then.
fn verify_toolchain(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    (target, version): (&str, &str),
    sumdb_required: bool,
    tc: &mut predict::ToolchainOutcome,
) -> Option<Stopped> {
    let stopped = |tc: &mut predict::ToolchainOutcome, f: Finding, e: &str| {
        let msg =
            format!("go: download {target}: golang.org/toolchain@{version}: verifying module: {e}");
        tc.predicted = Predicted::Fail;
        tc.error = Some(msg.clone());
        Some(Stopped {
            root: Some(f),
            error: Some(msg),
        })
    };
    let sumdb_err = match &plan.sumdb {
        Ok(SumDbSetting::Off) => Some("checksum database disabled by GOSUMDB=off".to_owned()),
        Err(e) => Some(e.to_string()),
        _ => None,
    };
    if sumdb_required && let Some(e) = sumdb_err {
        let f = if matches!(plan.sumdb, Ok(SumDbSetting::Off)) {
            Finding::of(
                Code::ToolchainNeedsSumdb,
                text!("finding-toolchain-needs-sumdb-download", target = target),
            )
            .param("target", target)
            .fixes(unset_go_env(cfg, "GOSUMDB", text!("remedy-sumdb-back-on")))
            .fix(Remedy::note(text!("remedy-or-install-gomod-release")))
        } else {
            let terse = text!(
                "finding-gosumdb-malformed-toolchain-terse",
                target = target,
                error = e.clone(),
            );
            // No `value` param here: Chinese quotes it empty, as it always has.
            let explained = text!(
                "finding-gosumdb-malformed-toolchain",
                value = format!("{:?}", "")
            );
            Finding::of(Code::GosumdbMalformed, two_ways(terse, explained)).fixes(unset_go_env(
                cfg,
                "GOSUMDB",
                text!("remedy-restore-default"),
            ))
        };
        return stopped(tc, f, &e);
    }
    // Verified against the checksum database, for toolchains even with GOSUMDB=off or a
    // GONOSUMDB match; only a lone file:// GOPROXY is trusted as is.
    if sumdb_required {
        let walk = walk_sumdb(targets, plan, Some(("golang.org/toolchain", version)));
        if walk.outcome.predicted == Predicted::Fail
            && let Some(f) = walk.failure
        {
            let e = walk.error.unwrap_or_default();
            let e = if e.starts_with("golang.org/toolchain@") {
                e
            } else {
                format!("golang.org/toolchain@{version}: {e}")
            };
            return stopped(tc, f.told(), &e);
        }
    }
    None
}

/// How a list walk ended (TryProxies over `golang.org/toolchain/@v/list`).
pub(super) enum ListWalk {
    /// A list was served (or nothing probed the entry: offline assumptions apply).
    Served,
    /// go's error, ranked as TryProxies ranks it, with the failure that explains it (None: not
    /// found everywhere).
    Failed(Option<Box<Failure>>, String),
    /// Every entry godoctor probed let go on, to this many entries it did not probe.
    NotFollowed(usize),
}

/// `autoToolchains`: TryProxies over the list route. "direct" errors win, then proxy errors
/// other than not-found, then not-found (docs/go/semantics.md §1).
pub(super) fn walk_toolchain_list(targets: &[Target], route: &[Step]) -> ListWalk {
    const MODULE: &str = "module golang.org/toolchain";
    let mut best: Option<(Option<Box<Failure>>, String, u8)> = None;
    // Ranks: 0 not found (the last one wins), 1 other proxy errors (the last), 2 direct.
    let mut keep = |f: Option<Box<Failure>>, e: String, rank: u8| {
        let current = best.as_ref().map_or(0, |b| b.2);
        let take = match rank {
            2 => true,
            1 => current <= 1,
            _ => current == 0,
        };
        if take {
            best = Some((f, e, rank));
        }
    };
    // go stopped on a step (a `break`), rather than going on past the last one.
    let mut stopped = false;
    for step in route
        .iter()
        .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
    {
        stopped = true;
        match step {
            Step::Proxy {
                url, fall_through, ..
            } => {
                let Some(t) = crate::probe::toolchain::list_target(targets, step) else {
                    return ListWalk::Served;
                };
                match attempt_from(t, url) {
                    Attempt::Served | Attempt::Unknown => return ListWalk::Served,
                    Attempt::NotFound(e) => keep(None, format!("{MODULE}: {e}"), 0),
                    Attempt::Failed(f, e) => {
                        keep(Some(f), format!("{MODULE}: {e}"), 1);
                        if *fall_through == FallThrough::NotFoundOnly {
                            break;
                        }
                    }
                }
            }
            Step::Direct(d) => {
                // lookupDirect: a failed discovery is go's error as it is (ranked "direct").
                let discovery = d.discovery_url.as_deref().and_then(|u| {
                    let red = redact_urls(u);
                    targets
                        .iter()
                        .find(|t| t.role == Role::Toolchain && t.url == red)
                        .map(|t| (t, u))
                });
                if let Some((t, u)) = discovery
                    && let Some(l) = t.first_failure()
                {
                    let mut f = classify::failure(t, l);
                    f.layer = Layer::Vcs;
                    let e = discovery_error("golang.org/toolchain", &go_error(u, t, l));
                    keep(Some(Box::new(f)), e, 2);
                    break;
                }
                match crate::probe::toolchain::list_target(targets, step)
                    .map_or(Attempt::Unknown, |t| attempt_from(t, &d.repo_url))
                {
                    Attempt::Served | Attempt::Unknown => return ListWalk::Served,
                    Attempt::NotFound(e) => keep(None, format!("{MODULE}: {e}"), 2),
                    Attempt::Failed(f, e) => keep(Some(f), format!("{MODULE}: {e}"), 2),
                }
                break;
            }
            Step::Off => {
                keep(None, "module lookup disabled by GOPROXY=off".into(), 0);
                break;
            }
            Step::Skipped { .. } | Step::NotFollowed { .. } => {}
        }
        // This step let go on to the next.
        stopped = false;
    }
    if let Some(entries) = entries_past(route).filter(|_| !stopped) {
        return ListWalk::NotFollowed(entries);
    }
    match best {
        Some((f, e, _)) => ListWalk::Failed(f, e),
        None => ListWalk::Served,
    }
}
