//! The probe engine: turns the plan into targets (each GOPROXY entry for the planned modules,
//! the checksum database through each proxy and directly, go-get discovery and git hosts for
//! direct modules, each HTTP proxy hop) and probes them all concurrently, layer by layer,
//! under one deadline. A target that cannot finish in time is reported as timed out, never
//! dropped.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::dns::{self, CompareResolver, DnsSetup};
use super::evidence::{
    Evidence, GoModFetch, HttpEvidence, InfoCheck, LookupEvidence, ProbeStep, Redirect,
    SumdbEvidence, TargetContext, ToolchainRequest,
};
use super::http::{self, Answer, Conn, RequestError};
use super::stream::BoxIo;
use super::sumdb::{self, NoteVerdict};
use super::tls::{self, TlsSetup};
use super::vcs::{self, GitCheck};
use super::{
    Deadline, HttpError, LayerName, LayerResult, Limits, Role, SumdbError, Target, TcpError,
    no_answer, proxy, tcp,
};
use crate::config::Config;
use crate::config::env::Environment;
use crate::config::gosumdb::{SumDb, SumDbSetting};
use crate::config::gourl::{self, GoUrl};
use crate::config::http_proxy::HttpProxyConfig;
use crate::plan::{Plan, Step, SumdbStep, private_hint};

/// How the probes may run.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    pub timeout: Duration,
    /// Nameservers to use instead of /etc/resolv.conf.
    pub resolvers: Vec<std::net::SocketAddr>,
    pub compare: Vec<CompareResolver>,
    pub progress: bool,
}

/// Shared, read-only state of one check's probes.
struct Setup {
    dns: DnsSetup,
    tls: TlsSetup,
    limits: Limits,
    env: Environment,
    http_proxy: HttpProxyConfig,
    git: Option<PathBuf>,
    netrc: Vec<String>,
    auth: Credentials,
    sumdb: Option<SumDb>,
}

/// The credentials go adds to its requests (go-semantics.md §8): netrc entries, when GOAUTH
/// (Go ≥ 1.24) lists `netrc` or go predates GOAUTH.
#[derive(Clone, Default)]
struct Credentials {
    logins: Vec<crate::config::netrc::Login>,
    /// Go ≥ 1.24 keys credentials by URL prefix (`host[:port][/path]`); older go by host name.
    by_prefix: bool,
}

/// The most modules probed per proxy (one per module host): enough to see per-host behaviour.
const MODULES_PER_PROXY: usize = 6;

#[derive(Debug, Clone)]
enum Purpose {
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

#[derive(Debug, Clone)]
enum Spec {
    Url {
        url: String,
        role: Role,
        purpose: Purpose,
        context: TargetContext,
    },
    GitHost {
        host: String,
        port: u16,
        context: TargetContext,
    },
    GitRemote {
        url: String,
        /// The go-get discovery URL whose go-import tag names the real repository.
        discovery: Option<String>,
        module: String,
        context: TargetContext,
    },
    ProxyHop {
        proxy: String,
    },
}

impl Spec {
    fn key(&self) -> String {
        match self {
            Spec::Url { url, .. } => format!("url {url}"),
            Spec::GitHost { host, port, .. } => format!("git {host}:{port}"),
            Spec::GitRemote { url, .. } => format!("remote {url}"),
            Spec::ProxyHop { proxy } => format!("hop {proxy}"),
        }
    }
}

fn specs(plan: &Plan) -> Vec<Spec> {
    let mut out: Vec<Spec> = Vec::new();
    let mut push = |s: Spec| {
        if !out.iter().any(|o| o.key() == s.key()) {
            out.push(s);
        }
    };
    let mut per_proxy: Vec<(String, Vec<String>)> = Vec::new();
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
                        .find(|s| !matches!(s, Step::Skipped { .. }))
                        .is_some_and(|s| matches!(s, Step::Direct(_)));
                    if direct_first && m.noproxy {
                        push(Spec::GitRemote {
                            url: d.git_url.clone(),
                            discovery: d.discovery_url.clone(),
                            module: m.module.clone(),
                            context: TargetContext {
                                module: Some(m.module.clone()),
                                ..TargetContext::default()
                            },
                        });
                    }
                }
                Step::Skipped { .. } | Step::Off => {}
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
                .find(|m| private_hint(&m.host, &[]).is_some())
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
            Step::Skipped { .. } | Step::Off => {}
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

fn setup(cfg: &Config, plan: &Plan, opts: &ProbeOptions) -> Setup {
    let roots = super::roots::load(&cfg.env);
    let tls = TlsSetup {
        roots,
        public: super::roots::public_roots(),
    };
    // No ALPN of ours: hickory offers h2 for DoH itself, and DoT must not be offered h2.
    let dns_tls = tls.client_config(&[]).map(Arc::new);
    Setup {
        dns: DnsSetup::system(&opts.resolvers, opts.compare.clone(), dns_tls),
        tls,
        limits: Limits::for_timeout(opts.timeout),
        env: cfg.env.clone(),
        http_proxy: cfg.http_proxy.clone(),
        git: cfg.git.git.as_ref().map(PathBuf::from),
        netrc: cfg.netrc.machines.clone(),
        auth: {
            let by_prefix = cfg.rules_version.at_least(1, 24);
            let netrc = !by_prefix || cfg.get("GOAUTH").split(';').any(|c| c.trim() == "netrc");
            Credentials {
                logins: if netrc {
                    cfg.netrc.logins.clone()
                } else {
                    Vec::new()
                },
                by_prefix,
            }
        },
        sumdb: match &plan.sumdb {
            Ok(SumDbSetting::Db(db)) => Some(db.clone()),
            _ => None,
        },
    }
}

/// Downloads `url` through the same layers (reading at most `max_bytes`): bytes read and the
/// time the body took, for `fix --bench`.
pub async fn download(
    cfg: &Config,
    plan: &Plan,
    opts: &ProbeOptions,
    url: &str,
    max_bytes: usize,
) -> Result<(usize, Duration), String> {
    let deadline = Deadline::after(opts.timeout);
    let mut setup = setup(cfg, plan, opts);
    setup.limits.max_body = max_bytes;
    setup.limits.http = opts.timeout;
    let f = fetch(&setup, deadline, url, true, false).await;
    match f.answer {
        Some(a) if a.status == 200 => Ok((a.body.len(), a.total.saturating_sub(a.ttfb))),
        Some(a) => Err(format!(
            "{} answered {}",
            crate::redact::redact_urls(url),
            a.status
        )),
        None => Err(f
            .layers
            .iter()
            .find_map(|l| l.error.as_ref().map(|e| e.message.clone()))
            .unwrap_or_else(|| "no answer".into())),
    }
}

/// Probes every target of the plan. Needs a tokio runtime.
pub async fn run(cfg: &Config, plan: &Plan, opts: &ProbeOptions) -> Vec<Target> {
    let deadline = Deadline::after(opts.timeout);
    let setup = Arc::new(setup(cfg, plan, opts));
    let specs = specs(plan);
    let bar = progress_bar(opts.progress, specs.len());
    let mut targets = run_specs(&setup, deadline, specs, bar.as_ref(), opts.timeout).await;
    // The toolchain list was asked for in case a dependency's go line needs it: kept only if
    // one does. Then the zip of go's pick, if time is left (else it counts as not probed).
    if let Some(mc) = plan.toolchain.as_ref().and_then(|t| t.mid_command.as_ref()) {
        if super::toolchain::too_new(mc, &targets).is_none() {
            targets.retain(|t| t.role != Role::Toolchain);
        } else if deadline.remaining() >= MIN_STAGE_BUDGET {
            let zips = mid_command_zip_specs(cfg, plan, &targets);
            if let Some(b) = &bar {
                b.inc_length(zips.len() as u64);
            }
            let more = run_specs(&setup, deadline, zips, bar.as_ref(), opts.timeout).await;
            targets.extend(more);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    targets
}

/// Probes `specs` concurrently under `deadline`; a spec that cannot finish is reported as
/// timed out.
async fn run_specs(
    setup: &Arc<Setup>,
    deadline: Deadline,
    specs: Vec<Spec>,
    bar: Option<&indicatif::ProgressBar>,
    timeout: Duration,
) -> Vec<Target> {
    if specs.is_empty() {
        return Vec::new();
    }
    let mut set = tokio::task::JoinSet::new();
    for (i, spec) in specs.iter().cloned().enumerate() {
        let setup = setup.clone();
        set.spawn(async move { (i, probe(&setup, deadline, spec).await) });
    }
    let mut results: Vec<Option<Target>> = vec![None; specs.len()];
    // A safety net past the deadline: layers all honour it, so this should never fire.
    let grace = deadline.remaining() + Duration::from_millis(300);
    let collect = async {
        while let Some(joined) = set.join_next().await {
            if let Ok((i, t)) = joined {
                if let Some(b) = bar {
                    b.set_message(t.host.clone());
                    b.inc(1);
                }
                results[i] = Some(t);
            }
        }
    };
    let _ = tokio::time::timeout(grace, collect).await;
    set.abort_all();
    results
        .into_iter()
        .zip(specs)
        .map(|(r, spec)| r.unwrap_or_else(|| unfinished(&spec, timeout)))
        .collect()
}

/// Less time than this left after the first probes: the toolchain zip is not probed at all
/// (not probed reads as "assume it works"; a probe without time would read as a failure).
const MIN_STAGE_BUDGET: Duration = Duration::from_millis(300);

/// The releases go picks from the list it got (one, or a chain): their zips along the route
/// and, unless already probed, the checksum database that must vouch for them.
fn mid_command_zip_specs(cfg: &Config, plan: &Plan, targets: &[Target]) -> Vec<Spec> {
    let Some(t) = plan.toolchain.as_ref() else {
        return Vec::new();
    };
    let Some(mc) = &t.mid_command else {
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

fn progress_bar(enabled: bool, n: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !enabled || n == 0 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(n as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} probing {pos}/{len} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(100));
    Some(bar)
}

fn unfinished(spec: &Spec, waited: Duration) -> Target {
    let (url, role, host) = match spec {
        Spec::Url { url, role, .. } => (
            url.clone(),
            *role,
            gourl::parse(url)
                .map(|u| u.hostname().to_owned())
                .unwrap_or_default(),
        ),
        Spec::GitHost { host, port, .. } => (format!("{host}:{port}"), Role::Vcs, host.clone()),
        Spec::GitRemote { url, .. } => (url.clone(), Role::Vcs, String::new()),
        Spec::ProxyHop { proxy } => (
            proxy.clone(),
            Role::HttpProxy,
            gourl::parse(proxy)
                .map(|u| u.hostname().to_owned())
                .unwrap_or_default(),
        ),
    };
    Target {
        url: crate::redact::redact_urls(&url),
        role,
        host,
        via_proxy: None,
        layers: vec![LayerResult::timeout(
            waited,
            TcpError::Timeout,
            no_answer("probe", waited),
            Evidence::empty(),
        )],
        context: None,
        git: None,
    }
}

async fn probe(setup: &Setup, deadline: Deadline, spec: Spec) -> Target {
    match spec {
        Spec::Url {
            url,
            role,
            purpose,
            context,
        } => probe_url(setup, deadline, &url, role, purpose, context).await,
        Spec::GitHost {
            host,
            port,
            context,
        } => {
            let public = private_hint(&host, &setup.netrc).is_none();
            let layers = reach(setup, deadline, &host, port, public).await;
            Target {
                url: format!("{host}:{port}"),
                role: Role::Vcs,
                host,
                via_proxy: None,
                layers,
                context: Some(context),
                git: None,
            }
        }
        Spec::GitRemote {
            url,
            discovery,
            module,
            context,
        } => {
            let (host, _, _) = crate::plan::git_endpoint(&url);
            // go asks git for the repository the go-import tag names (often `….git`), not the
            // module path: find it the same way first.
            let mut repo = url.clone();
            if let Some(d) = &discovery {
                let public = private_hint(&host, &setup.netrc).is_none();
                let f = fetch(setup, deadline, d, public, false).await;
                if let Some(a) = &f.answer {
                    let imports = vcs::go_imports(&String::from_utf8_lossy(&a.body));
                    if let Some(i) = imports.iter().find(|i| {
                        i.vcs == "git"
                            && (module == i.prefix || module.starts_with(&format!("{}/", i.prefix)))
                    }) {
                        repo = i.repo.clone();
                    }
                }
            }
            let git: Option<GitCheck> = match &setup.git {
                Some(g) => Some(
                    vcs::ls_remote(g, &setup.env, &repo, deadline.budget(setup.limits.git)).await,
                ),
                None => None,
            };
            Target {
                url: crate::redact::redact_urls(&url),
                role: Role::Vcs,
                host,
                via_proxy: None,
                layers: Vec::new(),
                context: Some(context),
                git,
            }
        }
        Spec::ProxyHop { proxy } => {
            let u = gourl::parse(&proxy).ok();
            let host = u
                .as_ref()
                .map(|u| u.hostname().to_owned())
                .unwrap_or_default();
            let port = u.as_ref().map_or(80, GoUrl::port_or_default);
            let layers = reach(setup, deadline, &host, port, false).await;
            Target {
                url: crate::redact::redact_urls(&proxy),
                role: Role::HttpProxy,
                host,
                via_proxy: None,
                layers,
                context: None,
                git: None,
            }
        }
    }
}

/// DNS then TCP to `host:port` (a git host, an HTTP proxy): can it be reached at all?
async fn reach(
    setup: &Setup,
    deadline: Deadline,
    host: &str,
    port: u16,
    public: bool,
) -> Vec<LayerResult> {
    let resolved = dns::resolve(&setup.dns, host, public, deadline.budget(setup.limits.dns)).await;
    let ok = resolved.layer.is_ok();
    let mut layers = vec![resolved.layer];
    if ok {
        layers.push(
            tcp::dial(&resolved.addrs, port, deadline.budget(setup.limits.tcp))
                .await
                .layer,
        );
    } else {
        layers.push(LayerResult::skipped(
            LayerName::Tcp,
            "the name did not resolve",
        ));
    }
    layers
}

/// One request's worth of layers, with the connection kept for follow-up requests.
struct Fetched {
    layers: Vec<LayerResult>,
    answer: Option<Answer>,
    conn: Option<Conn>,
    via_proxy: Option<String>,
    final_url: GoUrl,
}

/// The `Authorization` go sends with `url`: netrc credentials (https only), else the URL's own
/// userinfo, which net/http turns into Basic auth.
fn authorization(auth: &Credentials, url: &str) -> Option<String> {
    let u = gourl::parse(url).ok()?;
    if u.scheme == "https" {
        let logins = &auth.logins;
        let hit = if auth.by_prefix {
            // loadCredential: the URL without `https://`, cut back at each `/` (userinfo and
            // port stay part of the key, as in go).
            let mut key = url
                .strip_prefix("https://")
                .unwrap_or(url)
                .trim_end_matches('/');
            loop {
                if let Some(l) = logins.iter().find(|l| l.machine == key) {
                    break Some(l);
                }
                match key.rfind('/') {
                    Some(i) => key = &key[..i],
                    None => break None,
                }
            }
        } else {
            logins.iter().find(|l| l.machine == u.hostname())
        };
        if let Some(l) = hit {
            return Some(proxy::basic(&l.login, &l.password));
        }
    }
    proxy::basic_auth(&u)
}

/// DNS → TCP → (proxy) → TLS → HTTP for one URL, following redirects as go does.
async fn fetch(setup: &Setup, deadline: Deadline, url: &str, public: bool, range: bool) -> Fetched {
    let mut redirects: Vec<Redirect> = Vec::new();
    let mut current = url.to_owned();
    let first_host = gourl::parse(url)
        .map(|u| u.hostname().to_owned())
        .unwrap_or_default();
    let first_auth = authorization(&setup.auth, url);
    loop {
        // net/http keeps the header on redirects within the same domain; elsewhere only the new
        // URL's own userinfo counts.
        let auth = if current == url {
            first_auth.clone()
        } else {
            match gourl::parse(&current) {
                Ok(u)
                    if u.hostname() == first_host
                        || u.hostname().ends_with(&format!(".{first_host}")) =>
                {
                    first_auth.clone()
                }
                Ok(u) => proxy::basic_auth(&u),
                Err(_) => None,
            }
        };
        let mut f = fetch_once(setup, deadline, &current, public, range, auth).await;
        let Some(a) = &f.answer else { return f };
        let location = a.header("location").map(str::to_owned);
        if !matches!(a.status, 301 | 302 | 303 | 307 | 308) || location.is_none() {
            if !redirects.is_empty()
                && let Some(h) = http_evidence(&mut f.layers)
            {
                h.redirects = Some(redirects);
            }
            return f;
        }
        let next = resolve_location(&f.final_url, location.as_deref().unwrap_or(""));
        redirects.push(Redirect {
            status: a.status,
            from: crate::redact::redact_urls(&current),
            to: crate::redact::redact_urls(&next),
        });
        let http = f
            .layers
            .iter_mut()
            .rev()
            .find(|l| l.layer == LayerName::Http);
        let insecure = current.starts_with("https://") && next.starts_with("http://");
        if insecure || redirects.len() > 10 {
            if let Some(h) = http {
                let msg = if insecure {
                    format!(
                        "redirected from secure URL {} to insecure URL {}",
                        crate::redact::redact_urls(&current),
                        crate::redact::redact_urls(&next)
                    )
                } else {
                    "stopped after 10 redirects".to_owned()
                };
                let mut detail = h.detail.clone();
                if let Some(d) = detail.as_http_mut() {
                    d.redirects = Some(redirects);
                }
                *h = LayerResult::fail(
                    Duration::from_secs_f64(h.ms / 1000.0),
                    if insecure {
                        HttpError::RedirectInsecure
                    } else {
                        HttpError::TooManyRedirects
                    },
                    msg,
                    detail,
                );
            }
            f.answer = None;
            return f;
        }
        if deadline.remaining().is_zero() {
            return f;
        }
        current = next;
    }
}

/// A further request of the same probe (`.info`, `/latest`, `/lookup`): on the open connection
/// while it still points at `url`'s origin, else a fresh fetch (a redirect moved the first one
/// elsewhere). With the credentials go would send.
async fn follow_up(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    url: &str,
) -> Result<Answer, RequestError> {
    let u = gourl::parse(url).map_err(|e| RequestError::Protocol(e.to_string()))?;
    let same_origin = f.final_url.scheme == u.scheme && f.final_url.host == u.host;
    // Plain http through a forwarding proxy needs the absolute URL and the proxy's credentials
    // on every request: fetch builds them.
    let forwarded = u.scheme == "http" && setup.http_proxy.proxy_for(&u).is_some();
    if let (true, false, Some(conn)) = (same_origin, forwarded, f.conn.as_mut()) {
        let auth: Vec<(&str, String)> = authorization(&setup.auth, url)
            .map(|a| vec![("authorization", a)])
            .unwrap_or_default();
        match conn
            .get(
                &u.scheme,
                &u.host,
                &request_path(&u),
                &auth,
                deadline.budget(setup.limits.http),
                64 << 10,
            )
            .await
        {
            // The server closed the kept-alive connection (`Connection: close`, HTTP/1.0):
            // go's transport opens a new one, and so does this, once.
            Err(RequestError::Protocol(_)) => f.conn = None,
            other => return other,
        }
    }
    let mut g = fetch(setup, deadline, url, true, false).await;
    if f.conn.is_none() {
        // Keep the new connection for the requests that follow.
        f.conn = g.conn.take();
        f.final_url = g.final_url.clone();
    }
    g.answer.ok_or_else(|| {
        RequestError::Protocol(
            g.layers
                .iter()
                .find_map(|l| l.error.as_ref().map(|e| e.message.clone()))
                .unwrap_or_else(|| "no answer".into()),
        )
    })
}

fn resolve_location(base: &GoUrl, loc: &str) -> String {
    if loc.contains("://") {
        return loc.to_owned();
    }
    let origin = format!("{}://{}", base.scheme, base.host);
    if loc.starts_with("//") {
        return format!("{}:{loc}", base.scheme);
    }
    if loc.starts_with('/') {
        return format!("{origin}{loc}");
    }
    let dir = base.path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{origin}{dir}/{loc}")
}

async fn fetch_once(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    public: bool,
    range: bool,
    auth: Option<String>,
) -> Fetched {
    let mut layers = Vec::new();
    let parsed = match gourl::parse(url) {
        Ok(u) => u,
        Err(e) => {
            layers.push(LayerResult::fail(
                Duration::ZERO,
                HttpError::BadUrl,
                e.to_string(),
                Evidence::empty(),
            ));
            return Fetched {
                layers,
                answer: None,
                conn: None,
                via_proxy: None,
                final_url: GoUrl::default(),
            };
        }
    };
    let done = |layers, conn, answer, via_proxy: Option<String>, u: &GoUrl| Fetched {
        layers,
        answer,
        conn,
        via_proxy,
        final_url: u.clone(),
    };
    let https = parsed.scheme == "https";
    if parsed.scheme == "file" {
        return match super::file::read(&parsed, url, setup.limits.max_body, range) {
            Ok((layer, answer)) => {
                layers.push(layer);
                done(layers, None, Some(answer), None, &parsed)
            }
            Err(layer) => {
                layers.push(layer);
                done(layers, None, None, None, &parsed)
            }
        };
    }
    if !https && parsed.scheme != "http" {
        layers.push(LayerResult::skipped(
            LayerName::Http,
            &format!("{}:// URLs are not fetched over the network", parsed.scheme),
        ));
        return done(layers, None, None, None, &parsed);
    }
    let host = parsed.hostname().to_owned();
    let port: u16 = parsed.port_or_default();
    let via = setup.http_proxy.proxy_for(&parsed).cloned();
    let io: BoxIo = match (&via, https) {
        (Some(p), true) => {
            let t = proxy::tunnel(
                &setup.dns,
                &setup.tls,
                &setup.limits,
                deadline,
                p,
                &format!("{host}:{port}"),
            )
            .await;
            layers.extend(t.layers);
            match t.stream {
                Some(s) => s,
                None => return done(layers, None, None, Some(p.redacted()), &parsed),
            }
        }
        (Some(p), false) => {
            // Plain http:// through a proxy is forwarded, not tunnelled: the request goes over
            // the connection to the proxy (TLS to it for an https:// proxy).
            let t = proxy::reach_proxy(&setup.dns, &setup.tls, &setup.limits, deadline, p).await;
            layers.extend(t.layers);
            match t.stream {
                Some(s) => s,
                None => return done(layers, None, None, Some(p.redacted()), &parsed),
            }
        }
        (None, _) => {
            let (dhost, dport) = (host.clone(), port);
            let resolved = dns::resolve(
                &setup.dns,
                &dhost,
                public && via.is_none(),
                deadline.budget(setup.limits.dns),
            )
            .await;
            let ok = resolved.layer.is_ok();
            layers.push(resolved.layer);
            if !ok {
                layers.push(LayerResult::skipped(
                    LayerName::Tcp,
                    "the name did not resolve",
                ));
                return done(
                    layers,
                    None,
                    None,
                    via.as_ref().map(GoUrl::redacted),
                    &parsed,
                );
            }
            let d = tcp::dial(&resolved.addrs, dport, deadline.budget(setup.limits.tcp)).await;
            layers.push(d.layer);
            match d.stream {
                Some(s) => Box::new(s),
                None => {
                    return done(
                        layers,
                        None,
                        None,
                        via.as_ref().map(GoUrl::redacted),
                        &parsed,
                    );
                }
            }
        }
    };
    let via_proxy = via.as_ref().map(GoUrl::redacted);
    // Counts what the server sends, so a slow answer is told apart from a stalled one.
    let (io, seen) = super::stream::Recording::new(io);
    let io: BoxIo = Box::new(io);
    let (io, h2): (BoxIo, bool) = if https {
        let hs = tls::handshake(
            &setup.tls,
            io,
            &host,
            public,
            &[b"h2", b"http/1.1"],
            deadline.budget(setup.limits.tls),
        )
        .await;
        let h2 = hs.alpn.as_deref() == Some("h2");
        layers.push(hs.layer);
        match hs.stream {
            Some(s) => (Box::new(s), h2),
            None => return done(layers, None, None, via_proxy, &parsed),
        }
    } else {
        (io, false)
    };
    let start = Instant::now();
    let mut conn =
        match tokio::time::timeout(deadline.budget(setup.limits.http), Conn::start(io, h2)).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                layers.push(LayerResult::fail(
                    start.elapsed(),
                    HttpError::Protocol,
                    e,
                    Evidence::empty(),
                ));
                return done(layers, None, None, via_proxy, &parsed);
            }
            Err(_) => {
                let waited = start.elapsed();
                layers.push(LayerResult::timeout(
                    waited,
                    HttpError::Timeout,
                    no_answer("HTTP/2 connection preface", waited),
                    Evidence::empty(),
                ));
                return done(layers, None, None, via_proxy, &parsed);
            }
        };
    let path = request_path(&parsed);
    // A plain-http request through a proxy uses the absolute URL as request target.
    let path = if via.is_some() && !https {
        // Never the userinfo: it travels as Authorization, not in the request line.
        GoUrl {
            userinfo: None,
            ..parsed.clone()
        }
        .to_string()
    } else {
        path
    };
    let mut extra = match (&via, https) {
        (Some(p), false) => proxy::basic_auth(p)
            .map(|a| vec![("proxy-authorization", a)])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if let Some(a) = auth {
        extra.push(("authorization", a));
    }
    if range {
        extra.push(("range", "bytes=0-0".to_owned()));
    }
    let sent_at = seen.lock().map(|x| x.bytes_read).unwrap_or(0);
    match conn
        .get(
            &parsed.scheme,
            &parsed.host,
            &path,
            &extra,
            deadline.budget(setup.limits.http),
            setup.limits.max_body,
        )
        .await
    {
        Ok(a) => {
            layers.push(LayerResult::ok(LayerName::Http, a.total, a.evidence()));
            done(layers, Some(conn), Some(a), via_proxy, &parsed)
        }
        Err(RequestError::HeadersTimeout(w)) => {
            let shown = crate::redact::redact_urls(url);
            let now = seen.lock().map(|x| x.bytes_read).unwrap_or(0);
            // Bytes keep coming: go has no timeout here and would wait them out.
            let l = if now > sent_at {
                LayerResult::timeout(
                    w,
                    HttpError::SlowProgress,
                    format!(
                        "GET {shown}: the answer is arriving very slowly ({} bytes in {} ms, headers not complete); go waits for it",
                        now - sent_at,
                        w.as_millis()
                    ),
                    Evidence::empty(),
                )
            } else {
                LayerResult::timeout(
                    w,
                    HttpError::HeadersTimeout,
                    no_answer(&format!("GET {shown}"), w),
                    Evidence::empty(),
                )
            };
            layers.push(l);
            done(layers, None, None, via_proxy, &parsed)
        }
        Err(RequestError::Protocol(m)) => {
            let kind = if m.contains("too large") {
                HttpError::HeadersTooLarge
            } else {
                HttpError::Protocol
            };
            layers.push(LayerResult::fail(
                start.elapsed(),
                kind,
                m,
                Evidence::empty(),
            ));
            done(layers, None, None, via_proxy, &parsed)
        }
    }
}

fn request_path(u: &GoUrl) -> String {
    let mut p = if u.path.is_empty() {
        "/".to_owned()
    } else {
        u.path.clone()
    };
    if !u.raw_query.is_empty() {
        p.push('?');
        p.push_str(&u.raw_query);
    }
    p
}

fn reason(status: u16) -> String {
    let r = hyper::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    format!("{status} {r}").trim_end().to_owned()
}

/// The last HTTP layer's evidence, where the payload checks add what they read.
fn http_evidence(layers: &mut [LayerResult]) -> Option<&mut HttpEvidence> {
    layers
        .iter_mut()
        .rev()
        .find(|l| l.layer == LayerName::Http)?
        .detail
        .as_http_mut()
}

/// Replaces the last HTTP layer's verdict (keeping its timing and detail).
fn judge(layers: &mut [LayerResult], kind: HttpError, message: String) {
    if let Some(h) = layers.iter_mut().rev().find(|l| l.layer == LayerName::Http) {
        let detail = std::mem::replace(&mut h.detail, Evidence::Nothing);
        *h = LayerResult::fail(
            Duration::from_secs_f64(h.ms / 1000.0),
            kind,
            message,
            detail,
        );
    }
}

/// go's `reading <url>: <status>` error, with the `server response:` lines for text/plain.
fn go_status_error(url: &str, a: &Answer) -> String {
    let mut msg = format!(
        "reading {}: {}",
        crate::redact::redact_urls(url),
        reason(a.status)
    );
    let ct = a.header("content-type").unwrap_or("").to_ascii_lowercase();
    if ct.starts_with("text/plain") && !a.body.is_empty() {
        let text = String::from_utf8_lossy(&a.body[..a.body.len().min(648)]).into_owned();
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .take(8)
            .collect();
        if lines.len() == 1 {
            msg.push_str(&format!("\n\tserver response: {}", lines[0]));
        } else if !lines.is_empty() {
            msg.push_str(&format!("\n\tserver response:\n\t{}", lines.join("\n\t")));
        }
    }
    msg
}

/// Judges a status and body the way go reads them, for an answer that should be `kind`.
fn check_status(layers: &mut [LayerResult], url: &str, a: &Answer) -> bool {
    match a.status {
        200 => {}
        404 | 410 => {
            judge(layers, HttpError::NotFound, go_status_error(url, a));
            return false;
        }
        _ if http::is_html(a) && a.status < 500 => {
            judge(
                layers,
                HttpError::HtmlError,
                format!(
                    "{} (an HTML page: a login page, a proxy's block page or a captive portal)",
                    go_status_error(url, a)
                ),
            );
            return false;
        }
        _ => {
            judge(layers, HttpError::Status, go_status_error(url, a));
            return false;
        }
    }
    if !a.body_complete {
        let kind = if a.body.len() >= 256 << 10 {
            HttpError::BodyTooLarge
        } else if a.still_flowing {
            HttpError::SlowProgress
        } else {
            HttpError::BodyStalled
        };
        judge(
            layers,
            kind,
            format!(
                "GET {}: the body did not end within the deadline or the size limit ({} bytes read); go would keep waiting",
                crate::redact::redact_urls(url),
                a.body.len()
            ),
        );
        return false;
    }
    true
}

async fn probe_url(
    setup: &Setup,
    deadline: Deadline,
    url: &str,
    role: Role,
    purpose: Purpose,
    context: TargetContext,
) -> Target {
    let parsed = gourl::parse(url).ok();
    let host = parsed
        .as_ref()
        .map(|u| u.hostname().to_owned())
        .unwrap_or_default();
    let public = private_hint(&host, &setup.netrc).is_none();
    let range = matches!(purpose, Purpose::ToolchainZip);
    let go_mods = match &purpose {
        Purpose::VersionList { go_mods, .. } => go_mods.clone(),
        _ => Vec::new(),
    };
    let mut f = fetch(setup, deadline, url, public, range).await;
    let mut target = Target {
        url: crate::redact::redact_urls(url),
        role,
        host,
        via_proxy: f.via_proxy.clone(),
        layers: Vec::new(),
        context: Some(context),
        git: None,
    };
    let Some(a) = f.answer.clone() else {
        // A go.mod missing from a file:// proxy: go's 404, which decides like any read.
        if let Purpose::FileModule { module, version } = &purpose
            && url.ends_with(".mod")
            && let Some(h) = http_evidence(&mut f.layers)
            && h.status > 0
        {
            h.go_mods = Some(vec![GoModFetch {
                status: Some(h.status),
                ..GoModFetch::new(module, version)
            }]);
        }
        target.layers = complete(
            f.layers,
            parsed.as_ref().is_some_and(|u| u.scheme == "https"),
        );
        return target;
    };
    match purpose {
        Purpose::VersionList { version, .. } => {
            if check_status(&mut f.layers, url, &a) {
                if http::is_html(&a) {
                    judge(
                        &mut f.layers,
                        HttpError::CaptivePortal,
                        format!(
                            "GET {}: 200 OK with an HTML page instead of a version list: a captive portal, a login page or a block page",
                            crate::redact::redact_urls(url)
                        ),
                    );
                } else {
                    match http::valid_version_list(&a.body) {
                        Ok(n) => {
                            if let Some(h) = http_evidence(&mut f.layers) {
                                h.versions = Some(n);
                            }
                            // `.info` for the required version, on the same connection.
                            if let Some(v) = version {
                                let info_url = format!(
                                    "{}/{}.info",
                                    url.trim_end_matches("/list"),
                                    crate::plan::escape_path(&v)
                                );
                                if let Ok(info) =
                                    follow_up(setup, deadline, &mut f, &info_url).await
                                {
                                    let verdict = info_verdict(&info, &v);
                                    if let Some(h) = http_evidence(&mut f.layers) {
                                        h.info = Some(InfoCheck {
                                            url: crate::redact::redact_urls(&info_url),
                                            status: info.status,
                                            verdict,
                                        });
                                    }
                                }
                            }
                        }
                        Err(e) => judge(
                            &mut f.layers,
                            HttpError::InvalidPayload,
                            format!(
                                "GET {}: 200 OK but the body is not a version list: {e}",
                                crate::redact::redact_urls(url)
                            ),
                        ),
                    }
                }
            }
        }
        Purpose::ToolchainList => {
            if check_status(&mut f.layers, url, &a) {
                // proxyRepo.Versions: the first field of each line that is a version; anything
                // else (an HTML page included) is skipped, never an error.
                let body = String::from_utf8_lossy(&a.body);
                let mut entries = 0;
                let mut releases: Vec<&str> = Vec::new();
                for v in body.lines().filter_map(|l| l.split_whitespace().next()) {
                    if !http::looks_semver(v) {
                        continue;
                    }
                    entries += 1;
                    if let Some(g) = crate::config::toolchain::dl_to_go(v)
                        && !releases.contains(&g)
                    {
                        releases.push(g);
                    }
                }
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.entries = Some(entries);
                    h.go_versions = Some(releases.iter().map(|g| (*g).to_owned()).collect());
                    if http::is_html(&a) {
                        h.html = Some(true);
                    }
                }
            }
        }
        Purpose::FileModule { module, version } => {
            check_status(&mut f.layers, url, &a);
            if url.ends_with(".mod") {
                let go = crate::config::gomod::go_line(&String::from_utf8_lossy(&a.body));
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.go_mods = Some(vec![GoModFetch {
                        status: Some(a.status),
                        go: Some(go),
                        ..GoModFetch::new(&module, &version)
                    }]);
                }
            }
        }
        Purpose::ToolchainZip => {
            if matches!(a.status, 200 | 206) {
                if let Some(h) = http_evidence(&mut f.layers) {
                    h.content_length = Some(
                        a.header("content-range")
                            .or(a.header("content-length"))
                            .map(str::to_owned),
                    );
                }
            } else {
                check_status(&mut f.layers, url, &a);
            }
        }
        Purpose::Discovery { module } => {
            let imports = vcs::go_imports(&String::from_utf8_lossy(&a.body));
            let matching: Vec<&vcs::GoImport> = imports
                .iter()
                .filter(|i| module == i.prefix || module.starts_with(&format!("{}/", i.prefix)))
                .collect();
            if let Some(h) = http_evidence(&mut f.layers) {
                h.go_import = Some(matching.iter().map(|i| (*i).clone()).collect());
            }
            // go accepts meta tags even on a non-200 page.
            if matching.is_empty() {
                let what = if a.status == 200 {
                    "no go-import meta tags".to_owned()
                } else {
                    reason(a.status)
                };
                judge(
                    &mut f.layers,
                    HttpError::NoGoImport,
                    format!(
                        "unrecognized import path \"{module}\": parse {}: {what}",
                        crate::redact::redact_urls(url)
                    ),
                );
            }
        }
        Purpose::SumdbViaProxy { base, lookup } => {
            if check_status(&mut f.layers, url, &a) {
                let layer = verify_db(setup, deadline, &mut f, &base, lookup).await;
                f.layers.push(layer);
            } else {
                f.layers.push(LayerResult::skipped(
                    LayerName::Sumdb,
                    "the proxy does not serve the checksum database",
                ));
            }
        }
        Purpose::SumdbDirect { base, lookup } => {
            if check_status(&mut f.layers, url, &a) {
                let layer = verify_answer(setup, deadline, &mut f, &a, &base, lookup).await;
                f.layers.push(layer);
            } else {
                f.layers.push(LayerResult::skipped(
                    LayerName::Sumdb,
                    "no signed tree head",
                ));
            }
        }
    }
    if !go_mods.is_empty() {
        let lines = read_go_lines(setup, deadline, &mut f, &go_mods).await;
        if let Some(h) = http_evidence(&mut f.layers) {
            h.go_mods = Some(lines);
        }
    }
    target.layers = f.layers;
    target
}

/// At most this many connections read go.mod files for one proxy: the one the list came over,
/// and more only when there are many files.
const GO_MOD_LANES: usize = 4;
const GO_MODS_PER_LANE: usize = 6;

/// Each required module's go.mod: its `go` line, or why it is unknown. The files are read in
/// up to [`GO_MOD_LANES`] lanes of kept-alive requests, the first on the open connection.
async fn read_go_lines(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    go_mods: &[(String, String, String)],
) -> Vec<GoModFetch> {
    let lanes = go_mods
        .len()
        .div_ceil(GO_MODS_PER_LANE)
        .clamp(1, GO_MOD_LANES);
    let size = go_mods.len().div_ceil(lanes).max(1);
    let chunks: Vec<&[(String, String, String)]> = go_mods.chunks(size).collect();
    let chunk = |i: usize| chunks.get(i).copied().unwrap_or_default();
    let (a, b, c, d) = tokio::join!(
        go_mod_lane(setup, deadline, Some(f), chunk(0)),
        go_mod_lane(setup, deadline, None, chunk(1)),
        go_mod_lane(setup, deadline, None, chunk(2)),
        go_mod_lane(setup, deadline, None, chunk(3)),
    );
    [a, b, c, d].concat()
}

/// One lane: its files in order over one connection (opened by the first request unless given).
async fn go_mod_lane(
    setup: &Setup,
    deadline: Deadline,
    mut conn: Option<&mut Fetched>,
    chunk: &[(String, String, String)],
) -> Vec<GoModFetch> {
    let mut out = Vec::new();
    let mut own: Option<Fetched> = None;
    for (module, version, url) in chunk {
        if deadline.remaining().is_zero() {
            break;
        }
        let answer = if url.starts_with("file:") {
            // No connection to keep; a missing file is go's 404, with its status.
            let g = fetch(setup, deadline, url, true, false).await;
            match g.answer {
                Some(a) => Ok(a),
                None => {
                    let failed = g.layers.iter().find(|l| l.error.is_some());
                    match failed
                        .and_then(|l| l.detail.as_http())
                        .map(|h| h.status)
                        .filter(|s| *s > 0)
                    {
                        Some(status) => {
                            out.push(GoModFetch {
                                status: Some(status),
                                ..GoModFetch::new(module, version)
                            });
                            continue;
                        }
                        None => Err(failed
                            .and_then(|l| l.error.as_ref().map(|e| e.message.clone()))
                            .unwrap_or_else(|| "no answer".into())),
                    }
                }
            }
        } else if let Some(f) = conn.as_deref_mut().or(own.as_mut()) {
            follow_up(setup, deadline, f, url)
                .await
                .map_err(|e| format!("{e:?}"))
        } else {
            let g = fetch(setup, deadline, url, true, false).await;
            let answer = g.answer.clone().ok_or_else(|| {
                g.layers
                    .iter()
                    .find_map(|l| l.error.as_ref().map(|e| e.message.clone()))
                    .unwrap_or_else(|| "no answer".into())
            });
            own = Some(g);
            answer
        };
        let mut entry = GoModFetch::new(module, version);
        match answer {
            Ok(a) => {
                entry.status = Some(a.status);
                if a.status == 200
                    && let Some(go) =
                        crate::config::gomod::go_line(&String::from_utf8_lossy(&a.body))
                {
                    entry.go = Some(Some(go));
                }
            }
            Err(e) => entry.error = Some(e),
        }
        out.push(entry);
    }
    out
}

/// Lists the layers a failure kept from running as skipped, so every target shows the whole
/// path (DNS → TCP → TLS → HTTP).
fn complete(mut layers: Vec<LayerResult>, https: bool) -> Vec<LayerResult> {
    // A file:// read has no network layers to list.
    if layers
        .iter()
        .any(|l| l.detail.as_http().is_some_and(|h| h.file))
    {
        return layers;
    }
    if !layers
        .iter()
        .any(|l| matches!(l.status, super::Status::Fail | super::Status::Timeout))
    {
        return layers;
    }
    let mut wanted = vec![LayerName::Dns, LayerName::Tcp];
    if https {
        wanted.push(LayerName::Tls);
    }
    wanted.push(LayerName::Http);
    for name in wanted {
        if !layers.iter().any(|l| l.layer == name) {
            layers.push(LayerResult::skipped(name, "an earlier layer failed"));
        }
    }
    layers
}

fn info_verdict(info: &Answer, version: &str) -> String {
    if info.status != 200 {
        return format!("status {}", info.status);
    }
    match serde_json::from_slice::<Value>(&info.body) {
        Ok(v) if v.get("Version").and_then(Value::as_str) == Some(version) => "ok".into(),
        Ok(v) => format!(
            "proxy returned info for version {} instead of requested version",
            v.get("Version").and_then(Value::as_str).unwrap_or("?")
        ),
        Err(e) => format!("invalid response from proxy: {e}"),
    }
}

/// Through a proxy that said "supported": fetch `<base>/latest`, then verify it.
async fn verify_db(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    base: &str,
    lookup: Option<(String, String)>,
) -> LayerResult {
    let latest = format!("{base}/latest");
    if f.conn.is_none() {
        return LayerResult::skipped(LayerName::Sumdb, "no connection");
    }
    let start = Instant::now();
    match follow_up(setup, deadline, f, &latest).await {
        Ok(a) if a.status == 200 => verify_answer(setup, deadline, f, &a, base, lookup).await,
        Ok(a) => LayerResult::fail(
            start.elapsed(),
            SumdbError::LatestStatus,
            go_status_error(&latest, &a),
            SumdbEvidence {
                status: Some(a.status),
                ..SumdbEvidence::default()
            },
        ),
        Err(RequestError::HeadersTimeout(w)) => LayerResult::timeout(
            w,
            SumdbError::Timeout,
            no_answer(&format!("GET {}", crate::redact::redact_urls(&latest)), w),
            Evidence::empty(),
        ),
        Err(RequestError::Protocol(m)) => {
            LayerResult::fail(start.elapsed(), SumdbError::Protocol, m, Evidence::empty())
        }
    }
}

/// The evidence of a lookup of `module@version`, before its answer.
fn lookup_of(module: &str, version: &str) -> LookupEvidence {
    LookupEvidence {
        module: format!("{module}@{version}"),
        record: None,
        verified: None,
        status: None,
        error: None,
    }
}

/// Verifies a `/latest` answer and, when a module needs it, a `/lookup`.
async fn verify_answer(
    setup: &Setup,
    deadline: Deadline,
    f: &mut Fetched,
    latest: &Answer,
    base: &str,
    lookup: Option<(String, String)>,
) -> LayerResult {
    let start = Instant::now();
    let Some(db) = &setup.sumdb else {
        return LayerResult::skipped(LayerName::Sumdb, "GOSUMDB is off or invalid");
    };
    let mut detail = SumdbEvidence {
        database: Some(db.name.clone()),
        key: Some(format!("{}+{:08x}", db.name, db.key_hash)),
        ..SumdbEvidence::default()
    };
    match sumdb::verify_note(&latest.body, db) {
        NoteVerdict::Verified { tree_size, .. } => detail.tree_size = Some(tree_size),
        NoteVerdict::BadSignature => {
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::SignatureInvalid,
                format!(
                    "the signed tree head from {} does not verify with the {} key: tampered with or intercepted",
                    crate::redact::redact_urls(base),
                    db.name
                ),
                detail,
            );
        }
        NoteVerdict::NoVerifiableSignature { signers } => {
            detail.signers = Some(signers.clone());
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::SignatureUnknownKey,
                format!(
                    "reading tree note: note has no verifiable signatures (signed by {}, not by the configured {} key)",
                    signers.join(", "),
                    db.name
                ),
                detail,
            );
        }
        NoteVerdict::Malformed(m) => {
            detail.body_excerpt = Some(super::excerpt(&latest.body));
            return LayerResult::fail(
                start.elapsed(),
                SumdbError::Malformed,
                format!("reading tree note: {m}"),
                detail,
            );
        }
    }
    if let (Some((module, version)), true) = (lookup, f.conn.is_some()) {
        let url = format!(
            "{base}/lookup/{}@{}",
            crate::plan::escape_path(&module),
            crate::plan::escape_path(&version)
        );
        match follow_up(setup, deadline, f, &url).await {
            Ok(a) if a.status == 200 => match sumdb::parse_lookup(&a.body) {
                Ok(l) => match sumdb::verify_note(&l.note, db) {
                    NoteVerdict::Verified { .. } => {
                        detail.lookup = Some(LookupEvidence {
                            record: Some(l.record_id),
                            verified: Some(true),
                            ..lookup_of(&module, &version)
                        })
                    }
                    other => {
                        detail.lookup = Some(LookupEvidence {
                            verified: Some(false),
                            ..lookup_of(&module, &version)
                        });
                        return LayerResult::fail(
                            start.elapsed(),
                            SumdbError::SignatureInvalid,
                            format!(
                                "the lookup answer for {module}@{version} carries a tree head that does not verify ({other:?})"
                            ),
                            detail,
                        );
                    }
                },
                Err(e) => {
                    return LayerResult::fail(
                        start.elapsed(),
                        SumdbError::Malformed,
                        format!("{module}@{version}: {e}"),
                        detail,
                    );
                }
            },
            Ok(a) => {
                detail.lookup = Some(LookupEvidence {
                    status: Some(a.status),
                    ..lookup_of(&module, &version)
                });
                let kind = if matches!(a.status, 404 | 410) {
                    SumdbError::LookupNotFound
                } else {
                    SumdbError::LookupStatus
                };
                return LayerResult::fail(
                    start.elapsed(),
                    kind,
                    format!("{module}@{version}: {}", go_status_error(&url, &a)),
                    detail,
                );
            }
            Err(_) => {
                detail.lookup = Some(LookupEvidence {
                    error: Some("no answer in time".into()),
                    ..lookup_of(&module, &version)
                })
            }
        }
    }
    LayerResult::ok(LayerName::Sumdb, start.elapsed(), detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_match_as_each_go_matches_them() {
        let login = |machine: &str| crate::config::netrc::Login {
            machine: machine.into(),
            login: "u".into(),
            password: "p".into(),
        };
        let basic = Some(proxy::basic("u", "p"));
        let old = Credentials {
            logins: vec![login("corp.example")],
            by_prefix: false,
        };
        // go < 1.24: the host name, port ignored; https only.
        assert_eq!(
            authorization(&old, "https://corp.example:8443/m/@v/list"),
            basic
        );
        assert_eq!(authorization(&old, "http://corp.example/m/@v/list"), None);
        let new = Credentials {
            logins: vec![login("corp.example/private"), login("other.example:8443")],
            by_prefix: true,
        };
        // go ≥ 1.24: URL prefixes, port and path included.
        assert_eq!(
            authorization(&new, "https://corp.example/private/m/@v/list"),
            basic
        );
        assert_eq!(
            authorization(&new, "https://corp.example/public/m/@v/list"),
            None
        );
        assert_eq!(
            authorization(&new, "https://other.example:8443/x?go-get=1"),
            basic
        );
        assert_eq!(authorization(&new, "https://other.example/x"), None);
        // Userinfo: net/http's Basic auth, whatever the scheme.
        assert_eq!(
            authorization(&Credentials::default(), "http://u:p@plain.example/x"),
            basic
        );
    }

    #[test]
    fn locations() {
        let base = gourl::parse("https://a.example/x/y/@v/list").unwrap();
        assert_eq!(
            resolve_location(&base, "https://b.example/z"),
            "https://b.example/z"
        );
        assert_eq!(resolve_location(&base, "/z"), "https://a.example/z");
        assert_eq!(
            resolve_location(&base, "//c.example/z"),
            "https://c.example/z"
        );
        assert_eq!(
            resolve_location(&base, "other"),
            "https://a.example/x/y/@v/other"
        );
    }

    #[test]
    fn status_errors_read_like_go() {
        let a = Answer {
            status: 403,
            headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
            body: b"forbidden by policy\n\nmore".to_vec(),
            body_complete: true,
            still_flowing: false,
            ttfb: Duration::ZERO,
            total: Duration::ZERO,
            version: "HTTP/1.1",
        };
        assert_eq!(
            go_status_error("https://u:p@x.example/m/@v/list", &a),
            "reading https://xxxxx@x.example/m/@v/list: 403 Forbidden\n\tserver response: forbidden by policy"
        );
    }
}
