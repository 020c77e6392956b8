//! Target derivation: which URLs and hosts to probe for a plan — each GOPROXY entry for the
//! planned modules (at most a few per proxy, one per module host), the checksum database along
//! go's route to it, for direct modules go-get discovery, the git host, git's first exchange
//! with the repository (git_repo.rs) and `git ls-remote`, each HTTP proxy hop, and the
//! toolchain go may switch to. Input: a [`Plan`]; output: [`Spec`]s that engine.rs runs.

use super::evidence::{ProbeStep, TargetContext, ToolchainRequest};
use super::git_repo::RepoSpec;
use super::{Role, Target};
use crate::config::Config;
use crate::config::gourl;
use crate::plan::{Plan, Step, SumdbStep, private_hint};

/// The most modules probed per proxy (one per module host): enough to see per-host behaviour.
const MODULES_PER_PROXY: usize = 6;

/// What a URL is asked for, which decides how its answer is judged.
#[derive(Debug, Clone)]
pub(super) enum Purpose {
    VersionList {
        version: Option<String>,
        /// go.mod files of required modules to read on the same connection (their go lines
        /// decide a mid-command toolchain switch): (module, version, url).
        go_mods: Vec<(String, String, String)>,
    },
    SumdbViaProxy {
        base: String,
        lookup: Option<(String, String)>,
    },
    SumdbDirect {
        base: String,
        lookup: Option<(String, String)>,
    },
    Discovery {
        module: String,
    },
    /// The toolchain zip: a one-byte range request, never the whole archive.
    ToolchainZip,
    /// `golang.org/toolchain/@v/list`: the releases a mid-command switch chooses from.
    ToolchainList,
    /// A module's first file in a `file://` GOPROXY: is it there, and (a `.mod`) its go line?
    FileModule {
        module: String,
        version: String,
    },
}

/// One target to probe.
#[derive(Debug, Clone)]
pub(super) enum Spec {
    /// A URL fetched through every layer.
    Url {
        url: String,
        role: Role,
        purpose: Purpose,
        context: TargetContext,
    },
    /// A git host of a direct module: can it be reached?
    GitHost {
        host: String,
        port: u16,
        context: TargetContext,
    },
    /// `git ls-remote` on a repository go fetches directly first.
    GitRemote {
        url: String,
        /// The go-get discovery URL whose go-import tag names the real repository.
        discovery: Option<String>,
        context: TargetContext,
    },
    /// A direct module's repository, as deep as go goes: git's first request (http(s)) or
    /// the ssh greeting, after discovery and `insteadOf` (git_repo.rs).
    GitRepo(RepoSpec),
    /// An HTTP proxy go goes through: can it be reached?
    ProxyHop { proxy: String },
}

impl Spec {
    /// The host it talks to (the HTTP proxy's, for a proxy hop).
    pub(super) fn host(&self) -> Option<String> {
        let url = match self {
            Spec::Url { url, .. } | Spec::GitRemote { url, .. } => url.as_str(),
            Spec::GitRepo(r) => r.git_url.as_str(),
            Spec::ProxyHop { proxy } => proxy.as_str(),
            Spec::GitHost { host, .. } => return Some(host.clone()),
        };
        gourl::parse(url).ok().map(|u| u.hostname().to_owned())
    }

    pub(super) fn key(&self) -> String {
        match self {
            Spec::Url { url, .. } => format!("url {url}"),
            Spec::GitHost { host, port, .. } => format!("git {host}:{port}"),
            Spec::GitRemote { url, .. } => format!("remote {url}"),
            Spec::GitRepo(r) => format!("repo {}", r.git_url),
            Spec::ProxyHop { proxy } => format!("hop {proxy}"),
        }
    }
}

pub(super) fn specs(plan: &Plan) -> Vec<Spec> {
    let mut out: Vec<Spec> = Vec::new();
    let mut keys: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut push = |s: Spec| {
        if keys.insert(s.key()) {
            out.push(s);
        }
    };
    let mut per_proxy: Vec<(String, Vec<String>)> = Vec::new();
    // Git hosts whose repository is probed for a module that reaches direct only as a fallback.
    let mut fallback_git_hosts: Vec<(String, u16)> = Vec::new();
    for m in &plan.modules {
        for step in &m.route {
            match step {
                Step::Proxy {
                    proxy,
                    url,
                    via_http_proxy,
                    ..
                } if proxy.starts_with("file:") && m.version.is_some() => {
                    // A local directory costs nothing to read: every module, and the file go
                    // reads first (`.mod` loading the module graph, `.info` for `M@V`).
                    let v = crate::plan::escape_path(m.version.as_deref().unwrap_or_default());
                    let file = if plan.reads_mod_first { "mod" } else { "info" };
                    push(Spec::Url {
                        url: format!("{}{v}.{file}", url.trim_end_matches("list"),),
                        role: Role::Proxy,
                        purpose: Purpose::FileModule {
                            module: m.module.clone(),
                            version: m.version.clone().unwrap_or_default(),
                        },
                        context: proxy_context(proxy, &m.module),
                    });
                    if let Some(p) = via_http_proxy {
                        push(Spec::ProxyHop { proxy: p.clone() });
                    }
                }
                Step::Proxy {
                    proxy,
                    url,
                    via_http_proxy,
                    ..
                } => {
                    let seen = match per_proxy.iter_mut().find(|(p, _)| p == proxy) {
                        Some((_, hosts)) => hosts,
                        None => {
                            per_proxy.push((proxy.clone(), Vec::new()));
                            &mut per_proxy.last_mut().expect("just pushed").1
                        }
                    };
                    if !seen.contains(&m.host) && seen.len() < MODULES_PER_PROXY {
                        seen.push(m.host.clone());
                        push(Spec::Url {
                            url: url.clone(),
                            role: Role::Proxy,
                            purpose: Purpose::VersionList {
                                version: m.version.clone(),
                                go_mods: Vec::new(),
                            },
                            context: proxy_context(proxy, &m.module),
                        });
                    }
                    if let Some(p) = via_http_proxy {
                        push(Spec::ProxyHop { proxy: p.clone() });
                    }
                }
                Step::Direct(d) => {
                    if let Some(u) = &d.discovery_url {
                        push(Spec::Url {
                            url: u.clone(),
                            role: Role::Vcs,
                            purpose: Purpose::Discovery {
                                module: m.module.clone(),
                            },
                            context: discovery_context(&m.module),
                        });
                    }
                    push(Spec::GitHost {
                        host: d.git_host.clone(),
                        port: d.git_port,
                        context: TargetContext {
                            module: Some(m.module.clone()),
                            git_url: Some(crate::redact::redact_urls(&d.git_url)),
                            transport: Some(d.git_transport),
                            ..TargetContext::default()
                        },
                    });
                    // git itself only for modules go fetches directly first (private ones).
                    let direct_first = m
                        .route
                        .iter()
                        .find(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
                        .is_some_and(|s| matches!(s, Step::Direct(_)));
                    if direct_first && m.noproxy {
                        push(Spec::GitRemote {
                            url: d.git_url.clone(),
                            discovery: d.discovery_url.clone(),
                            context: TargetContext {
                                module: Some(m.module.clone()),
                                ..TargetContext::default()
                            },
                        });
                    }
                    // git's first exchange with the repository: every repository go fetches
                    // directly first; where direct is only a fallback, one per git host (what
                    // a host answers anonymous git is the same for its repositories).
                    let git_host = (d.git_host.clone(), d.git_port);
                    if direct_first || !fallback_git_hosts.contains(&git_host) {
                        if !direct_first {
                            fallback_git_hosts.push(git_host);
                        }
                        push(Spec::GitRepo(RepoSpec {
                            module: m.module.clone(),
                            discovery: d.discovery_url.clone(),
                            repo_url: d.repo_url.clone(),
                            git_url: d.git_url.clone(),
                        }));
                    }
                }
                Step::Skipped { .. } | Step::NotFollowed { .. } | Step::Off => {}
            }
        }
    }
    // A toolchain switch comes first, and go looks its zip up in the checksum database.
    let switch = plan
        .toolchain
        .as_ref()
        .filter(|t| t.on_path.is_none())
        .and_then(|t| t.module_version.clone().map(|v| (t, v)));
    if let Some((t, _)) = &switch {
        for s in toolchain_specs(&t.route, ToolchainRequest::Zip) {
            push(s);
        }
    }
    let lookup = match &switch {
        Some((t, v)) if t.sumdb_required => Some(("golang.org/toolchain".to_owned(), v.clone())),
        // A module that looks private is the one the public database will not know.
        _ => {
            let candidates = || {
                plan.modules
                    .iter()
                    .filter(|m| m.needs_sumdb && m.version.is_some())
            };
            candidates()
                .find(|m| {
                    private_hint(&m.host, &crate::config::netrc::Machines::default()).is_some()
                })
                .or_else(|| candidates().next())
                .map(|m| (m.module.clone(), m.version.clone().unwrap_or_default()))
        }
    };
    // go verifies a toolchain whatever -mod says (modfetch/sumdb.go); modules only when looked up.
    let toolchain_sumdb = switch.as_ref().is_some_and(|(t, _)| t.sumdb_required);
    if toolchain_sumdb || plan.modules.iter().any(|m| m.needs_sumdb) {
        for s in sumdb_specs(plan, lookup) {
            push(s);
        }
    }
    // The required modules' go.mod files, read over the connection of the first module probed
    // on the same proxy: a go line newer than the running go makes go switch mid-command, to
    // a release from the toolchain list (asked for now, used only if needed).
    if let Some(mc) = plan.toolchain.as_ref().and_then(|t| t.mid_command.as_ref()) {
        if mc.mode == crate::config::toolchain::Mode::Auto
            && mc
                .deps
                .iter()
                .any(|d| d.url.is_some() || d.cached_go.is_some())
        {
            for s in toolchain_specs(&mc.list_route, ToolchainRequest::List) {
                if !out.iter().any(|o| o.key() == s.key()) {
                    out.push(s);
                }
            }
        }
        // In go's order (the first in module order that stops the load decides), so that a
        // cap leaves out the ones that matter least.
        let mut unread: Vec<&crate::plan::DepGoMod> = mc
            .deps
            .iter()
            .filter(|d| d.cached_go.is_none() && d.url.is_some())
            .collect();
        unread.sort_by(|a, b| super::toolchain::module_order(a, b));
        for d in unread.into_iter().take(MAX_GO_MODS) {
            let Some(url) = &d.url else { continue };
            let holder = out.iter_mut().find_map(|s| match s {
                Spec::Url {
                    url: list,
                    purpose: Purpose::VersionList { go_mods, .. },
                    ..
                } if same_proxy(list, url) => Some(go_mods),
                _ => None,
            });
            if let Some(go_mods) = holder {
                go_mods.push((d.module.clone(), d.version.clone(), url.clone()));
            }
        }
    }
    out
}

/// A GOPROXY entry (redacted) asked about `module`.
fn proxy_context(proxy: &str, module: &str) -> TargetContext {
    TargetContext {
        proxy: Some(crate::redact::redact_urls(proxy)),
        module: Some(module.to_owned()),
        ..TargetContext::default()
    }
}

/// go-get discovery for `module` on the direct route.
fn discovery_context(module: &str) -> TargetContext {
    TargetContext {
        module: Some(module.to_owned()),
        step: Some(ProbeStep::GoGetDiscovery),
        ..TargetContext::default()
    }
}

/// The most dependency go.mod files read for their go lines (sequentially, on kept-alive
/// connections).
const MAX_GO_MODS: usize = 64;

/// Two GOPROXY-layout URLs (`…/<module>/@v/…`) of the same proxy.
fn same_proxy(a: &str, b: &str) -> bool {
    let base = |u: &str| -> Option<String> {
        let p = gourl::parse(u).ok()?;
        Some(format!("{}://{}", p.scheme, p.host))
    };
    base(a).is_some() && base(a) == base(b)
}

/// The probes of a `golang.org/toolchain` route: `<proxy>/golang.org/toolchain/@v/<file>` per
/// GOPROXY entry, and on `direct` the go-get discovery and go.dev. `request`: the zip (a
/// one-byte range request) or the list (the versions a mid-command switch chooses from).
fn toolchain_specs(route: &[Step], request: ToolchainRequest) -> Vec<Spec> {
    let mut out = Vec::new();
    let purpose = || match request {
        ToolchainRequest::List => Purpose::ToolchainList,
        ToolchainRequest::Zip => Purpose::ToolchainZip,
    };
    let module = "golang.org/toolchain";
    for step in route {
        match step {
            Step::Proxy {
                proxy,
                url,
                via_http_proxy,
                ..
            } => {
                out.push(Spec::Url {
                    url: url.clone(),
                    role: Role::Toolchain,
                    purpose: purpose(),
                    context: TargetContext {
                        request: Some(request),
                        ..proxy_context(proxy, module)
                    },
                });
                if let Some(p) = via_http_proxy {
                    out.push(Spec::ProxyHop { proxy: p.clone() });
                }
            }
            Step::Direct(d) => {
                if let Some(u) = &d.discovery_url {
                    out.push(Spec::Url {
                        url: u.clone(),
                        role: Role::Toolchain,
                        purpose: Purpose::Discovery {
                            module: module.into(),
                        },
                        context: discovery_context(module),
                    });
                }
                out.push(Spec::Url {
                    url: d.repo_url.clone(),
                    role: Role::Toolchain,
                    purpose: purpose(),
                    context: TargetContext {
                        proxy: Some("direct".into()),
                        module: Some(module.into()),
                        request: Some(request),
                        ..TargetContext::default()
                    },
                });
            }
            Step::Skipped { .. } | Step::NotFollowed { .. } | Step::Off => {}
        }
    }
    out
}

/// The checksum database along go's route to it, with one record looked up.
fn sumdb_specs(plan: &Plan, lookup: Option<(String, String)>) -> Vec<Spec> {
    plan.sumdb_route
        .iter()
        .map(|step| match step {
            SumdbStep::ViaProxy {
                proxy,
                supported_url,
                ..
            } => Spec::Url {
                url: supported_url.clone(),
                role: Role::SumdbViaProxy,
                purpose: Purpose::SumdbViaProxy {
                    base: supported_url.trim_end_matches("/supported").to_owned(),
                    lookup: lookup.clone(),
                },
                context: TargetContext {
                    proxy: Some(crate::redact::redact_urls(proxy)),
                    ..TargetContext::default()
                },
            },
            SumdbStep::Direct { url, explicit, .. } => Spec::Url {
                url: format!("{}/latest", url.trim_end_matches('/')),
                role: Role::Sumdb,
                purpose: Purpose::SumdbDirect {
                    base: url.trim_end_matches('/').to_owned(),
                    lookup: lookup.clone(),
                },
                context: TargetContext {
                    explicit_url: Some(*explicit),
                    ..TargetContext::default()
                },
            },
        })
        .collect()
}

/// The releases go picks from the list it got (one, or a chain): their zips along the route
/// and, unless already probed, the checksum database that must vouch for them.
/// `mc`: the plan's, completed with the go lines the module graph walk read.
pub(super) fn mid_command_zip_specs(
    cfg: &Config,
    plan: &Plan,
    mc: &crate::plan::MidCommandPlan,
    targets: &[Target],
) -> Vec<Spec> {
    let Some(t) = plan.toolchain.as_ref() else {
        return Vec::new();
    };
    let probed = |url: &str| {
        let red = crate::redact::redact_urls(url);
        targets.iter().any(|t| t.url == red)
    };
    let mut out: Vec<Spec> = Vec::new();
    let mut first_version = None;
    for name in super::toolchain::chain(mc, targets) {
        if cfg.env.look_path_absolute(&name).is_some() {
            continue;
        }
        let version = crate::config::toolchain::module_version(&name);
        first_version.get_or_insert_with(|| version.clone());
        for s in toolchain_specs(&mc.zip_route(&version), ToolchainRequest::Zip) {
            let fresh = match &s {
                Spec::Url { url, .. } => !probed(url),
                Spec::ProxyHop { proxy } => !probed(proxy),
                _ => true,
            };
            if fresh && !out.iter().any(|o| o.key() == s.key()) {
                out.push(s);
            }
        }
    }
    let sumdb_probed = targets
        .iter()
        .any(|t| matches!(t.role, Role::Sumdb | Role::SumdbViaProxy));
    if let Some(version) = first_version
        && t.sumdb_required
        && !sumdb_probed
    {
        out.extend(sumdb_specs(
            plan,
            Some(("golang.org/toolchain".to_owned(), version)),
        ));
    }
    out
}

/// Whether the verdict waits for a spec: go certainly makes the request, or it does only when
/// an earlier step of its route fails (a later GOPROXY entry, the checksum database behind a
/// proxy that relays it). Such a spec runs from the start but never holds the verdict once
/// every step before it has answered well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Need {
    Always,
    /// Needed if any of these specs (by index in the spec list) fails.
    IfFails(Vec<usize>),
}

/// [`Need`] of each spec, in order: walks the routes of the plan again and finds each step's
/// spec by URL or GOPROXY entry. Linear in the routes' length (modules share their routes, and
/// a GOPROXY list of hundreds of entries must not cost its square in strings).
pub(super) fn needs(plan: &Plan, specs: &[Spec]) -> Vec<Need> {
    use std::collections::{BTreeSet, HashMap, HashSet};
    // What stands for one route step, looked up by what the step names.
    let mut by_proxy: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_url: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_git_host: HashMap<(&str, u16), Vec<usize>> = HashMap::new();
    let mut by_git_url: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, spec) in specs.iter().enumerate() {
        match spec {
            Spec::Url {
                role: Role::Proxy,
                context,
                ..
            } => {
                if let Some(p) = context.proxy.as_deref() {
                    by_proxy.entry(p).or_default().push(i);
                }
            }
            Spec::Url { url, .. } => by_url.entry(url.as_str()).or_default().push(i),
            Spec::GitHost { host, port, .. } => by_git_host
                .entry((host.as_str(), *port))
                .or_default()
                .push(i),
            Spec::GitRemote { url, .. } => by_git_url.entry(url.as_str()).or_default().push(i),
            Spec::GitRepo(r) => by_git_url.entry(r.git_url.as_str()).or_default().push(i),
            Spec::ProxyHop { .. } => {}
        }
    }
    let none = Vec::new();
    let step_specs = |step: &Step| -> Vec<usize> {
        match step {
            Step::Proxy { proxy, .. } => by_proxy
                .get(crate::redact::redact_urls(proxy).as_str())
                .unwrap_or(&none)
                .clone(),
            Step::Direct(d) => {
                let mut v = Vec::new();
                // The discovery page is a Vcs URL: only it, not a sumdb URL that happens to match.
                if let Some(u) = d.discovery_url.as_deref() {
                    v.extend(by_url.get(u).unwrap_or(&none).iter().copied().filter(|&i| {
                        matches!(
                            specs[i],
                            Spec::Url {
                                role: Role::Vcs,
                                ..
                            }
                        )
                    }));
                }
                v.extend(
                    by_git_host
                        .get(&(d.git_host.as_str(), d.git_port))
                        .unwrap_or(&none),
                );
                v.extend(by_git_url.get(d.git_url.as_str()).unwrap_or(&none));
                v
            }
            Step::Skipped { .. } | Step::NotFollowed { .. } | Step::Off => Vec::new(),
        }
    };
    // spec → the specs before it on some route (None: first on some route, always needed).
    let mut before: Vec<Option<BTreeSet<usize>>> = vec![Some(BTreeSet::new()); specs.len()];
    let mut seen = vec![false; specs.len()];
    let mut note = |route: &[Vec<usize>]| {
        let mut prior: BTreeSet<usize> = BTreeSet::new();
        for ids in route {
            for &i in ids {
                seen[i] = true;
                match (&mut before[i], prior.is_empty()) {
                    (slot, true) => *slot = None,
                    (Some(set), false) => set.extend(prior.iter().copied()),
                    (None, false) => {}
                }
            }
            prior.extend(ids.iter().copied());
        }
    };
    // Modules share their routes: each distinct one is walked once.
    let mut routes: HashSet<Vec<Vec<usize>>> = HashSet::new();
    for m in &plan.modules {
        let route: Vec<Vec<usize>> = m.route.iter().map(step_specs).collect();
        if routes.insert(route.clone()) {
            note(&route);
        }
    }
    let sumdb: Vec<Vec<usize>> = plan
        .sumdb_route
        .iter()
        .map(|step| {
            let url = match step {
                SumdbStep::ViaProxy { supported_url, .. } => supported_url.clone(),
                SumdbStep::Direct { url, .. } => format!("{}/latest", url.trim_end_matches('/')),
            };
            by_url.get(url.as_str()).unwrap_or(&none).clone()
        })
        .collect();
    note(&sumdb);
    before
        .into_iter()
        .zip(seen)
        .enumerate()
        .map(|(i, (prior, seen))| match prior {
            Some(mut prior) if seen => {
                prior.remove(&i);
                if prior.is_empty() {
                    Need::Always
                } else {
                    Need::IfFails(prior.into_iter().collect())
                }
            }
            _ => Need::Always,
        })
        .collect()
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
