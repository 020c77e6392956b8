//! The probe engine: runs the targets derived from the plan (targets.rs) concurrently, layer by
//! layer, under one deadline — in two stages when a toolchain switch mid-command depends on
//! what the first found — and hands each to the probe of its kind (goproxy.rs for URLs,
//! chain.rs for hosts to reach, git_repo.rs for a repository, vcs.rs for `git ls-remote`). A target that cannot finish in time is
//! reported as timed out, never dropped. Input: [`Config`], [`Plan`], [`ProbeOptions`];
//! output: [`Target`]s.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::chain::{self, Net};
use super::discovery::{Board, Found};
use super::dns::{CompareResolver, DnsSetup};
use super::evidence::Evidence;
use super::fetch::fetch;
use super::targets::{self, Need, Purpose, Spec};
use super::tls::TlsSetup;
use super::vcs::{self, GitCheck};
use super::{
    Deadline, LayerName, LayerResult, Limits, Progress, Role, Target, TcpError, goproxy, no_answer,
};
use crate::config::Config;
use crate::config::env::Environment;
use crate::config::git::GitConfig;
use crate::config::gosumdb::{SumDb, SumDbSetting};
use crate::config::gourl::{self, GoUrl};
use crate::config::http_proxy::HttpProxyConfig;
use crate::config::netrc::NetrcInfo;
use crate::plan::auth::Credentials;
use crate::plan::{Plan, private_hint};

use super::modules::ModuleWalk;

/// How the probes may run.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    pub timeout: Duration,
    /// Nameservers to use instead of /etc/resolv.conf.
    pub resolvers: Vec<std::net::SocketAddr>,
    pub compare: Vec<CompareResolver>,
    /// Walk every planned module's files (probe::modules). A ranking of mirrors (`fix`) reads
    /// only the targets and skips them.
    pub module_files: bool,
    /// Download the zips go downloads and hash them (`check --verify-zips`).
    pub verify_zips: bool,
}

/// Shared, read-only state of one check's probes.
pub(super) struct Setup {
    pub(super) net: Net,
    pub(super) env: Environment,
    pub(super) http_proxy: HttpProxyConfig,
    pub(super) git: Option<PathBuf>,
    pub(super) netrc: crate::config::netrc::Machines,
    pub(super) auth: Credentials,
    pub(super) sumdb: Option<SumDb>,
    /// The user's git configuration (`insteadOf`, credential helpers) and netrc, for git's
    /// first request.
    pub(super) git_config: GitConfig,
    pub(super) netrc_info: NetrcInfo,
    /// The go whose rules apply reads four-field go-import tags (≥ 1.25).
    pub(super) subdir_field: bool,
    /// What each go-get discovery found, for the git probes of the same modules.
    pub(super) discoveries: Board,
    /// Zips are downloaded whole and hashed.
    pub(super) verify_zips: bool,
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
        net: Net {
            dns: DnsSetup::system(&opts.resolvers, opts.compare.clone(), dns_tls),
            tls,
            limits: Limits::for_timeout(opts.timeout),
        },
        env: cfg.env.clone(),
        http_proxy: cfg.http_proxy.clone(),
        git: cfg.git.git.as_ref().map(PathBuf::from),
        netrc: cfg.netrc.machines.clone(),
        auth: plan.credentials.clone(),
        sumdb: match &plan.sumdb {
            Ok(SumDbSetting::Db(db)) => Some(db.clone()),
            _ => None,
        },
        git_config: cfg.git.clone(),
        netrc_info: cfg.netrc.clone(),
        subdir_field: cfg.rules_version.at_least(1, 25),
        discoveries: Board::default(),
        verify_zips: opts.verify_zips,
    }
}

/// What a discovery target found: the tag go follows when every layer passed, else go's error.
fn found(t: &Target) -> Found {
    let chosen = t
        .layer(LayerName::Http)
        .and_then(|l| l.detail.as_http())
        .and_then(|h| h.discovery.as_ref())
        .and_then(|d| d.chosen.clone());
    match (t.first_failure(), chosen) {
        (None, Some(tag)) => Found::Repo(tag),
        (failure, _) => Found::Failed(
            failure
                .and_then(LayerResult::message)
                .unwrap_or("no answer")
                .to_owned(),
        ),
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
    setup.net.limits.max_body = max_bytes;
    setup.net.limits.http = opts.timeout;
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

/// What the probes saw: each host's layers, and each module's files along its route.
#[derive(Debug, Clone, Default)]
pub struct Probed {
    pub targets: Vec<Target>,
    pub modules: Vec<ModuleWalk>,
    /// Modules the graph reached beyond go.mod's lines (`plan::graph`), in `modules`' order
    /// after the plan's own: the plan is completed with them before diagnosis.
    pub graph: Vec<crate::plan::ModulePlan>,
}

impl Probed {
    /// Completes the plan with what only probing could tell: the modules the graph reached,
    /// and their go lines for a toolchain switch in the middle of the command.
    pub fn complete_plan(&mut self, plan: &mut Plan) {
        let rules = plan.graph;
        if let Some(mc) = plan.toolchain.as_mut().and_then(|t| t.mid_command.as_mut()) {
            *mc = super::toolchain::with_graph_go_lines(mc, rules, &self.graph, &self.modules);
        }
        plan.modules.append(&mut self.graph);
    }
}

/// Probes every target of the plan, telling `progress` how far it got, and walks every planned
/// module's files at the same time. Needs a tokio runtime.
pub async fn run(
    cfg: &Config,
    plan: &Plan,
    opts: &ProbeOptions,
    progress: &dyn Progress,
) -> Probed {
    let deadline = Deadline::after(opts.timeout);
    let setup = Arc::new(setup(cfg, plan, opts));
    let specs = targets::specs(plan);
    let needs = targets::needs(plan, &specs);
    let planned: std::collections::HashSet<String> = specs.iter().map(Spec::key).collect();
    progress.start(specs.len());
    let (mut targets, (modules, graph)) = tokio::join!(
        run_specs(&setup, deadline, specs, needs, progress, opts.timeout),
        async {
            if opts.module_files {
                super::module_graph::walk(setup.clone(), deadline, cfg, plan).await
            } else {
                (Vec::new(), Vec::new())
            }
        },
    );
    // Modules only the graph named, on a direct route: their discovery and git probes, which
    // the plan could not list before the graph was read.
    let direct: Vec<crate::plan::ModulePlan> = graph
        .iter()
        .filter(|m| {
            m.route
                .iter()
                .any(|s| matches!(s, crate::plan::Step::Direct(_)))
        })
        .cloned()
        .collect();
    if !direct.is_empty() && deadline.remaining() >= MIN_STAGE_BUDGET {
        let mut sub = plan.clone();
        sub.modules = direct;
        sub.sumdb_route.clear();
        sub.toolchain = None;
        sub.imports.clear();
        let more: Vec<Spec> = targets::specs(&sub)
            .into_iter()
            .filter(|s| !planned.contains(&s.key()))
            .collect();
        progress.extend(more.len());
        let needs = vec![Need::Always; more.len()];
        targets.extend(run_specs(&setup, deadline, more, needs, progress, opts.timeout).await);
    }
    // The toolchain list was asked for in case a dependency's go line needs it: kept only if
    // one does. Then the zip of go's pick, if time is left (else it counts as not probed).
    if let Some(mc) = plan.toolchain.as_ref().and_then(|t| t.mid_command.as_ref()) {
        let mc = &super::toolchain::with_graph_go_lines(mc, plan.graph, &graph, &modules);
        if super::toolchain::too_new(mc, &targets).is_none() {
            targets.retain(|t| t.role != Role::Toolchain);
        } else if deadline.remaining() >= MIN_STAGE_BUDGET {
            let zips = targets::mid_command_zip_specs(cfg, plan, mc, &targets);
            progress.extend(zips.len());
            let needs = vec![Need::Always; zips.len()];
            let more = run_specs(&setup, deadline, zips, needs, progress, opts.timeout).await;
            targets.extend(more);
        }
    }
    progress.finish();
    Probed {
        targets,
        modules,
        graph,
    }
}

/// Probes only the targets of the plan whose host is `host`, under the same deadline as
/// `check` (`explain --probe`: the one probe that decides what go's text leaves open). A host
/// the plan never reaches is probed as a URL of its own, through every layer.
pub async fn run_host(
    cfg: &Config,
    plan: &Plan,
    opts: &ProbeOptions,
    progress: &dyn Progress,
    host: &str,
) -> Vec<Target> {
    let deadline = Deadline::after(opts.timeout);
    let setup = Arc::new(setup(cfg, plan, opts));
    let mut specs: Vec<Spec> = targets::specs(plan)
        .into_iter()
        .filter(|s| s.host().as_deref() == Some(host))
        .collect();
    if specs.is_empty() {
        specs.push(Spec::Url {
            url: format!("https://{host}/"),
            role: Role::Proxy,
            purpose: Purpose::VersionList {
                version: None,
                go_mods: Vec::new(),
            },
            context: Default::default(),
        });
    }
    let needs = vec![Need::Always; specs.len()];
    progress.start(specs.len());
    let targets = run_specs(&setup, deadline, specs, needs, progress, opts.timeout).await;
    progress.finish();
    targets
}

/// How long probes off go's route may still run once everything go needs has answered: as
/// long again as go's route took, within these bounds. A route decided in 15 ms on a fast
/// network should not wait 150 ms for a fall-back that would be slow anyway, and a slow
/// network gets the longer grace its off-route answers need.
const OFF_ROUTE_GRACE_MIN: Duration = Duration::from_millis(20);
const OFF_ROUTE_GRACE_MAX: Duration = Duration::from_millis(150);

/// The most probes running at once. Far above what a real GOPROXY and module graph need at
/// the same moment (probes to one host share a connection).
const MAX_IN_FLIGHT: usize = 64;

/// Probes `specs` concurrently under `deadline`; a spec that cannot finish is reported as
/// timed out, and one go does not need (`needs`: an earlier step answered well) as not
/// finished, after a short grace ([`OFF_ROUTE_GRACE_MAX`] at most) — the verdict waits only
/// for go's route.
async fn run_specs(
    setup: &Arc<Setup>,
    deadline: Deadline,
    specs: Vec<Spec>,
    needs: Vec<Need>,
    progress: &dyn Progress,
    timeout: Duration,
) -> Vec<Target> {
    if specs.is_empty() {
        return Vec::new();
    }
    for spec in &specs {
        progress.queued(&spec.host().unwrap_or_default());
    }
    // Started as others finish, at most MAX_IN_FLIGHT at once: a spawned probe holds its whole
    // state, and a GOPROXY of hundreds of entries must not hold them all at the same time.
    let mut set = tokio::task::JoinSet::new();
    let mut queue = specs.iter().cloned().enumerate();
    let mut refill = |set: &mut tokio::task::JoinSet<(usize, Target)>| {
        while set.len() < MAX_IN_FLIGHT {
            let Some((i, spec)) = queue.next() else { break };
            let setup = setup.clone();
            set.spawn(async move { (i, probe(&setup, deadline, spec).await) });
        }
    };
    refill(&mut set);
    let mut results: Vec<Option<Target>> = vec![None; specs.len()];
    // Still needed: not finished, and go certainly asks it or something before it failed.
    let waiting = |results: &[Option<Target>]| {
        let done_ok = |i: usize| results[i].as_ref().map(Target::ok);
        (0..specs.len()).any(|i| {
            results[i].is_none()
                && match &needs[i] {
                    Need::Always => true,
                    Need::IfFails(prior) => prior.iter().any(|&p| done_ok(p) != Some(true)),
                }
        })
    };
    // A safety net past the deadline: layers all honour it, so this should never fire.
    let grace = deadline.remaining() + Duration::from_millis(300);
    let started = tokio::time::Instant::now();
    let collect = async {
        while waiting(&results) {
            match set.join_next().await {
                Some(Ok((i, t))) => {
                    progress.step(&t.host);
                    results[i] = Some(t);
                }
                Some(Err(_)) => {}
                None => break,
            }
            refill(&mut set);
        }
        // Off go's route: a short while more, then whatever has not answered is left.
        let off_route_grace = started
            .elapsed()
            .clamp(OFF_ROUTE_GRACE_MIN, OFF_ROUTE_GRACE_MAX);
        let _ = tokio::time::timeout(off_route_grace, async {
            while let Some(joined) = set.join_next().await {
                if let Ok((i, t)) = joined {
                    progress.step(&t.host);
                    results[i] = Some(t);
                }
                refill(&mut set);
            }
        })
        .await;
    };
    let _ = tokio::time::timeout(grace, collect).await;
    set.abort_all();
    let off_route_left = !waiting(&results);
    results
        .into_iter()
        .zip(specs)
        .map(|(r, spec)| {
            r.unwrap_or_else(|| {
                if off_route_left {
                    not_needed(&spec)
                } else {
                    unfinished(&spec, timeout)
                }
            })
        })
        .collect()
}

/// Less time than this left after the first probes: the toolchain zip is not probed at all
/// (not probed reads as "assume it works"; a probe without time would read as a failure).
const MIN_STAGE_BUDGET: Duration = Duration::from_millis(300);

/// A probe off go's route, stopped before it answered.
fn not_needed(spec: &Spec) -> Target {
    let mut t = unfinished(spec, Duration::ZERO);
    t.layers = vec![LayerResult::skipped(
        super::LayerName::Dns,
        "not finished: go does not take this route (an earlier step answered)",
    )];
    t
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
        Spec::GitRepo(r) => (
            r.git_url.clone(),
            Role::Vcs,
            crate::plan::git_endpoint(&r.git_url).0,
        ),
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
        } => {
            let discovery = matches!(purpose, Purpose::Discovery { .. });
            let t = goproxy::probe_url(setup, deadline, &url, role, purpose, context).await;
            if discovery {
                setup.discoveries.post(&url, found(&t));
            }
            t
        }
        Spec::GitRepo(r) => super::git_repo::probe(setup, deadline, r).await,
        Spec::GitHost {
            host,
            port,
            context,
        } => {
            let public = private_hint(&host, &setup.netrc).is_none();
            let layers = chain::reach(&setup.net, deadline, &host, port, public).await;
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
            context,
        } => {
            let (host, _, _) = crate::plan::git_endpoint(&url);
            // go asks git for the repository the go-import tag names (often `….git`), not the
            // module path: what the discovery target of the module found.
            let mut repo = url.clone();
            if let Some(d) = &discovery
                && let Some(Found::Repo(tag)) =
                    setup.discoveries.wait(d, deadline.remaining()).await
                && tag.vcs == "git"
            {
                repo = tag.repo;
            }
            let git: Option<GitCheck> = match &setup.git {
                Some(g) => Some(
                    vcs::ls_remote(g, &setup.env, &repo, deadline.budget(setup.net.limits.git))
                        .await,
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
            let layers = chain::reach(&setup.net, deadline, &host, port, false).await;
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
