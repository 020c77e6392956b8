//! One module's route, as `TryProxies` walks it (docs/go/semantics.md §1 "Fall-through",
//! "Which error is reported"): each GOPROXY entry in turn, moving on after `,` only for
//! 404/410 and after `|` for any error, then `direct` (go-get discovery, `git ls-remote`) or
//! `off`. go's error is direct's, else the last real proxy error, else the last 404/410.

use super::super::classify;
use super::super::failure::{Failure, Terse};
use super::super::go_words::{discovery_error, go_module_url};
use super::super::words::{code_meaning, quoted, two_ways};
use super::{Attempt, attempt_from, ctx_module, ctx_proxy, entries_past, find, not_followed};
use crate::config::goproxy::FallThrough;
use crate::diagnose::module_files;
use crate::diagnose::predict::{ModuleOutcome, Predicted, label};
use crate::diagnose::{Code, Finding, Layer, Severity};
use crate::plan::{DirectPlan, ModulePlan, Plan, Step};
use crate::probe::evidence::ProbeStep;
use crate::probe::modules::ModuleWalk as ModuleFiles;
use crate::probe::{GitError, GitHttpError, ProbeError, Role, Status, Target};
use crate::redact::redact_urls;
use crate::text;

/// How one module's route ended.
pub(in super::super) struct ModuleWalk {
    pub outcome: ModuleOutcome,
    /// Why go fails for this module (None: it does not).
    pub root: Option<Finding>,
    /// Trouble go survives: slow entries, `|` fall-through, `,` that never reaches a healthy
    /// entry.
    pub secondary: Vec<Finding>,
}

/// A proxy entry's target for a module: the one probed for that module's host.
pub(super) fn proxy_target<'a>(
    targets: &'a [Target],
    proxy: &str,
    m: &ModulePlan,
) -> Option<&'a Target> {
    let red = redact_urls(proxy);
    // The module's own probe (every module of a file:// proxy has one), else its host's.
    find(targets, Role::Proxy, |t| {
        ctx_proxy(t) == Some(red.as_str()) && ctx_module(t) == Some(m.module.as_str())
    })
    .or_else(|| {
        find(targets, Role::Proxy, |t| {
            ctx_proxy(t) == Some(red.as_str())
                && ctx_module(t).is_some_and(|mm| mm.split('/').next() == Some(m.host.as_str()))
        })
    })
    .or_else(|| find(targets, Role::Proxy, |t| ctx_proxy(t) == Some(red.as_str())))
}

/// `direct`: go-get discovery, then `git ls-remote` (or the git host's port).
fn direct_attempt(targets: &[Target], m: &ModulePlan, d: &DirectPlan) -> Attempt {
    if let Some(url) = &d.discovery_url
        && let Some(t) = find(targets, Role::Vcs, |t| t.url == redact_urls(url))
    {
        match attempt_from(t, url) {
            Attempt::Served => {}
            Attempt::Failed(f, e) => {
                let network = matches!(f.layer, Layer::Dns | Layer::Tcp | Layer::Tls);
                let f = f.reclassified(if network {
                    Code::VcsUnreachable
                } else {
                    Code::VcsDiscoveryFailed
                });
                return Attempt::Failed(Box::new(f), discovery_error(&m.module, &e));
            }
            Attempt::NotFound(e) => {
                let f = Failure::new(Code::VcsDiscoveryFailed, Terse::Bare(e.clone()))
                    .host(t.host.clone())
                    .param("url", t.url.clone())
                    .param("detail", e.clone());
                return Attempt::Failed(Box::new(f), discovery_error(&m.module, &e));
            }
            Attempt::Unknown => {}
        }
    }
    if let Some(t) = find(targets, Role::Vcs, |t| {
        t.git.is_some() && t.url == redact_urls(&d.git_url)
    }) && let Some(g) = &t.git
    {
        if g.status != Status::Ok {
            let e = g
                .error
                .as_ref()
                .map(|e| e.message.clone())
                .unwrap_or_default();
            let code = match g.error.as_ref().map(|e| e.kind) {
                Some(
                    GitError::AuthRequired
                    | GitError::AuthFailed
                    | GitError::SshAuth
                    | GitError::SshHostKey,
                ) => Code::VcsAuthRequired,
                Some(GitError::NotFound) => Code::VcsRepoNotFound,
                _ => Code::VcsUnreachable,
            };
            let f = Failure::git(code, &d.git_url, &e).host(d.git_host.clone());
            return Attempt::Failed(
                Box::new(f),
                format!("git ls-remote -q origin in …: exit status 128:\n\t{e}"),
            );
        }
        return Attempt::Served;
    }
    // git's own first request (or the SSH greeting), as deep as go goes without credentials.
    if let Some(t) = find(targets, Role::Vcs, |t| {
        ctx_module(t) == Some(m.module.as_str())
            && t.context(|c| c.step).is_some_and(|s| {
                matches!(
                    s,
                    ProbeStep::GitSmartHttp | ProbeStep::SshBanner | ProbeStep::GitHost
                )
            })
    }) {
        let Some(l) = t.first_failure() else {
            // git got what it asked for, or would answer a 401 with credentials it has.
            return Attempt::Served;
        };
        let e = l.message().unwrap_or_default().to_owned();
        let code = match l.kind() {
            Some(ProbeError::GitHttp(
                GitHttpError::AuthRequired | GitHttpError::Forbidden | GitHttpError::LoginPage,
            )) => Code::VcsAuthRequired,
            Some(ProbeError::GitHttp(GitHttpError::NotFound)) => Code::VcsRepoNotFound,
            Some(ProbeError::GitHttp(_)) => Code::VcsUnreachable,
            _ => {
                let f = classify::failure(t, l).reclassified(Code::VcsUnreachable);
                return Attempt::Failed(
                    Box::new(f),
                    format!("git ls-remote -q origin in …: exit status 128:\n\t{e}"),
                );
            }
        };
        let f = Failure::git(code, &d.git_url, &e).host(d.git_host.clone());
        return Attempt::Failed(
            Box::new(f),
            format!("git ls-remote -q origin in …: exit status 128:\n\t{e}"),
        );
    }
    if let Some(t) = find(targets, Role::Vcs, |t| {
        t.url == format!("{}:{}", d.git_host, d.git_port)
    }) {
        if let Some(l) = t.first_failure() {
            let f = classify::failure(t, l).reclassified(Code::VcsUnreachable);
            return Attempt::Failed(
                Box::new(f),
                format!(
                    "git ls-remote -q origin: {}",
                    l.error
                        .as_ref()
                        .map(|e| e.message.clone())
                        .unwrap_or_default()
                ),
            );
        }
        return Attempt::Served;
    }
    Attempt::Unknown
}

/// `,` stops go at an entry that failed, though a healthy one comes after it.
fn comma_stops(proxy: &str, f: &Failure) -> Finding {
    let proxy_shown = redact_urls(proxy);
    let terse = text!(
        "finding-goproxy-comma-no-fallthrough-observed-terse",
        proxy = proxy_shown.clone(),
        cause = f.code.as_str(),
    );
    let explained = text!(
        "finding-goproxy-comma-no-fallthrough-observed",
        proxy = proxy_shown,
        cause = code_meaning(f.code),
    );
    Finding::of(Code::GoproxyCommaNoFallthrough, two_ways(terse, explained))
        .with_severity(Severity::Warning)
        .host(f.host.clone().unwrap_or_default())
        .param("proxy", proxy)
        .param("cause", f.code.as_str())
}

/// Failures at `|` entries go moved past, as warnings on its route (never "off the route"):
/// each (code, host) once, and not the one go stopped on (`root`). `fell_through_to` names the
/// entry that served after them.
fn on_route(
    secondary: &mut Vec<Finding>,
    passed: &[Failure],
    root: Option<&Failure>,
    fell_through_to: Option<&str>,
) {
    for f in passed {
        if root.is_some_and(|r| r.code == f.code && r.host == f.host)
            || secondary
                .iter()
                .any(|s| s.code == f.code && s.host == f.host)
        {
            continue;
        }
        let mut f = f.clone().with_severity(Severity::Warning);
        if let Some(to) = fell_through_to {
            f = f.param("fell_through_to", to.to_owned());
        }
        secondary.push(f.told());
    }
}

/// TryProxies over the observations for one module.
pub(in super::super) fn walk_module(
    cfg: &crate::config::Config,
    targets: &[Target],
    walks: &[ModuleFiles],
    m: &ModulePlan,
    plan: &Plan,
) -> ModuleWalk {
    let from_gomod = plan.from_gomod;
    let own_walk = module_files::walk_of(walks, m);
    // What an entry said about this module: its own answers where they were asked, else the
    // probe of its host (which stands for every module there).
    let entry = |proxy: &str| -> (Option<Target>, Option<&Target>) {
        let host = proxy_target(targets, proxy, m);
        // A host that fails for everyone (TLS, a 403 page, a portal) is judged by its probe;
        // one that works, or lacks the module probed for its host, by this module's answers.
        let host_decides = host.is_some_and(|t| {
            t.first_failure()
                .is_some_and(|l| !l.kind().is_some_and(ProbeError::is_not_found))
        });
        let own = own_walk
            .filter(|_| !host_decides)
            .and_then(|w| module_files::entry_target(w, proxy, host));
        (own, host)
    };
    let mut out = ModuleOutcome {
        module: label(m),
        predicted: Predicted::Ok,
        via: None,
        error: None,
        facts: Default::default(),
    };
    let mut secondary = Vec::new();
    // The last real proxy error, the last 404/410, direct's error: each with go's words.
    let mut last_err: Option<(Failure, String)> = None;
    let mut last_notfound: Option<String> = None;
    // Who answered that 404/410: the root cause names the proxy, not the module's host.
    let mut last_notfound_host: Option<String> = None;
    let mut direct_err: Option<(Failure, String)> = None;
    let steps: Vec<&Step> = m
        .route
        .iter()
        .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
        .collect();
    // go stopped on a step (rather than going on past the last one).
    let mut stopped = false;
    // Failures go moved past (`|`): on its route, whatever comes after them.
    let mut passed: Vec<Failure> = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let later_healthy = |targets: &[Target]| {
            steps[i + 1..].iter().any(|s| match s {
                Step::Proxy { proxy, .. } => {
                    let (own, host) = entry(proxy);
                    own.as_ref().or(host).is_some_and(Target::ok)
                }
                Step::Direct(d) => matches!(direct_attempt(targets, m, d), Attempt::Served),
                _ => false,
            })
        };
        match step {
            Step::Skipped { .. } | Step::NotFollowed { .. } => {}
            Step::Off => {
                last_notfound = Some("module lookup disabled by GOPROXY=off".into());
                stopped = true;
                break;
            }
            Step::Direct(d) => {
                let discovered = d
                    .govcs
                    .is_none()
                    .then(|| discovered_govcs(cfg, targets, d))
                    .flatten();
                if let Some(refusal) = d.govcs.as_ref().or(discovered.as_ref()) {
                    // go refuses before running the tool: nothing observed can change that.
                    out.predicted = Predicted::Fail;
                    out.error = Some(format!("go: {}: {}", label(m), refusal.error()));
                    return ModuleWalk {
                        outcome: out,
                        root: Some(crate::diagnose::config_rules::govcs_refused(
                            cfg,
                            &label(m),
                            refusal,
                        )),
                        secondary,
                    };
                }
                match direct_attempt(targets, m, d) {
                    Attempt::Served | Attempt::Unknown => {
                        out.via = Some("direct".into());
                        on_route(&mut secondary, &passed, None, Some("direct"));
                        return ModuleWalk {
                            outcome: out,
                            root: None,
                            secondary,
                        };
                    }
                    Attempt::Failed(f, e) => direct_err = Some((*f, e)),
                    Attempt::NotFound(e) => last_notfound = Some(e),
                }
                stopped = true;
                break;
            }
            Step::Proxy {
                proxy,
                fall_through,
                ..
            } => {
                let (own, host) = entry(proxy);
                let target = own.as_ref().or(host);
                // The module's own request is go's; the host's probe stands in for it.
                let go_url = match &own {
                    Some(t) => t.url.clone(),
                    None => go_module_url(proxy, m, plan.reads_mod_first),
                };
                let attempt = target.map_or(Attempt::Unknown, |t| attempt_from(t, &go_url));
                match attempt {
                    Attempt::Served | Attempt::Unknown => {
                        out.via = Some(redact_urls(proxy));
                        if let Some((t, l)) = target.and_then(|t| t.first_failure().map(|l| (t, l)))
                        {
                            // Served, but so slowly that every download crawls.
                            let slow = classify::failure(t, l).with_severity(Severity::Warning);
                            secondary.push(slow.told());
                        }
                        // `|` entries that failed first: go still succeeds, slower.
                        on_route(&mut secondary, &passed, None, Some(proxy));
                        return ModuleWalk {
                            outcome: out,
                            root: None,
                            secondary,
                        };
                    }
                    Attempt::NotFound(e) => {
                        last_notfound = Some(e);
                        last_notfound_host = target.map(|t| t.host.clone());
                    }
                    Attempt::Failed(f, e) => {
                        let stop = *fall_through == FallThrough::NotFoundOnly;
                        if stop && later_healthy(targets) {
                            secondary.push(comma_stops(proxy, &f));
                        }
                        if !stop {
                            passed.push((*f).clone());
                        }
                        last_err = Some((*f, e));
                        if stop {
                            stopped = true;
                            break;
                        }
                    }
                }
            }
        }
    }
    out.predicted = Predicted::Fail;
    if let Some(entries) = entries_past(&m.route).filter(|_| !stopped) {
        // go goes on to entries godoctor did not probe: its outcome and its last words depend
        // on them (a later error replaces this one, a later 200 serves the module). Failing is
        // the one safe prediction; go's words are not claimed.
        // What the probed entries met is trouble on go's route, not off it.
        on_route(&mut secondary, &passed, None, None);
        let mut root = not_followed("module", &label(m), entries);
        if let Some(e) = last_err
            .as_ref()
            .map(|(_, e)| e.as_str())
            .or(last_notfound.as_deref())
        {
            root.push_evidence(text!("evidence-last-probed-entry", words = redact_urls(e)));
        }
        return ModuleWalk {
            outcome: out,
            root: Some(root),
            secondary,
        };
    }
    // go's choice of error: direct's, else the last real proxy error, else the last 404/410.
    let prefix = crate::diagnose::predict::load_error_prefix(plan, m);
    let (root, err) = match (direct_err, last_err, last_notfound) {
        (Some((f, e)), _, _) => (Some(f), e),
        (None, Some((f, e)), _) => (Some(f), e),
        (None, None, Some(e)) => (None, e),
        (None, None, None) => (None, "no route".into()),
    };
    let error = if err == "module lookup disabled by GOPROXY=off"
        && from_gomod
        && (!plan.reads_mod_first || m.mod_cached)
    {
        format!("go: {err}")
    } else {
        format!("{prefix}{err}")
    };
    out.error = Some(error.clone());
    // The `|` entries go moved past before the one it stopped on: trouble on its route too.
    on_route(&mut secondary, &passed, root.as_ref(), None);
    let root = match root {
        Some(f) => f.told(),
        // Every entry answered 404/410: the module is missing everywhere go looked.
        None => Finding::of(
            Code::ModuleNotFound,
            text!(
                "finding-module-not-found-anywhere",
                module = label(m),
                detail = quoted(&redact_urls(&error)),
            ),
        )
        .host(last_notfound_host.unwrap_or_else(|| m.host.clone()))
        .param("module", label(m))
        .param("detail", error),
    };
    ModuleWalk {
        outcome: out,
        root: Some(root),
        secondary,
    }
}

/// GOVCS against the tool a `?go-get=1` page named (go checks it once discovery found the
/// repository root: `GOVCS disallows using svn for public example.com/x; see 'go help vcs'`).
fn discovered_govcs(
    cfg: &crate::config::Config,
    targets: &[Target],
    d: &DirectPlan,
) -> Option<crate::plan::govcs::GovcsRefusal> {
    let url = d.discovery_url.as_ref()?;
    let t = find(targets, Role::Vcs, |t| t.url == redact_urls(url))?;
    let tag = t
        .layer(crate::probe::LayerName::Http)?
        .detail
        .as_http()?
        .discovery
        .as_ref()?
        .chosen
        .as_ref()?;
    if tag.vcs == "mod" {
        return None;
    }
    let rules = crate::config::goflags::parse_govcs(cfg.get("GOVCS")).ok()?;
    crate::plan::govcs::check(&rules, cfg.get("GOPRIVATE"), &tag.vcs, &tag.prefix)
}
