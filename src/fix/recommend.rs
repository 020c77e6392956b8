//! Recommending settings: probe candidate mirrors concurrently through the same pipeline as
//! `check`, qualify the ones that pass every layer and serve valid version lists (and relay
//! the checksum database where go needs that), rank them by median latency, and compute the
//! go settings to change — keeping every user value that already works.

use crate::config::goproxy::FallThrough;
use crate::config::gosumdb::SumDbSetting;
use crate::config::patterns::match_prefix_patterns;
use crate::config::{Config, Origin};
use crate::diagnose::Diagnosis;
use crate::diagnose::predict::Predicted;
use crate::i18n::Lang;
use crate::plan::{Plan, SumdbStep, private_hint, proxy_step, sumdb_via_proxy_step};
use crate::probe::Progress;
use crate::probe::engine::{self, ProbeOptions};
use crate::probe::{LayerName, Role, Target};
use crate::redact::Sensitive;
use crate::redact::redact_urls;
use crate::t;

/// The built-in candidates (issue 5): the default proxy and the well-known public mirrors.
pub const BUILTIN_MIRRORS: &[&str] = &[
    "https://proxy.golang.org",
    "https://goproxy.cn",
    "https://goproxy.io",
    "https://mirrors.aliyun.com/goproxy/",
];

/// Where a candidate mirror came from: what the user chose may be written, a repository's
/// suggestion only with `--trust-project`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Builtin,
    /// `mirrors` in the user's own godoctor/config.toml.
    UserConfig,
    /// `mirrors` in the project's godoctor.toml.
    Project,
    /// `--mirror`.
    CommandLine,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    /// The mirror's URL (from godoctor.toml or `--mirror`, perhaps with credentials).
    pub url: Sensitive,
    pub source: Source,
    pub qualified: bool,
    /// Why it does not qualify.
    pub problem: Option<Problem>,
    /// Median over the rounds of the slowest version-list fetch (all layers).
    pub median_ms: Option<f64>,
    /// `<mirror>/sumdb/<name>/supported` answered 200 and the relayed tree head verified.
    pub relays_sumdb: bool,
    /// It has the toolchain go.mod makes go download (None: no switch needed).
    pub serves_toolchain: Option<bool>,
    /// Bytes per second for one module zip (`--bench`).
    pub throughput_bps: Option<f64>,
}

/// Why a candidate does not qualify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No planned module is public, so there is nothing to ask a mirror for.
    NoModule,
    /// A probe failed before reaching any layer.
    Failed,
    /// The first layer that failed, with the probe's own words.
    Layer { layer: &'static str, error: String },
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::NoModule => t!(lang, "fix-problem-no-module"),
            Problem::Failed => t!(lang, "fix-problem-failed"),
            // go's words often start with the layer already (`tls: failed to verify…`).
            Problem::Layer { layer, error } if error.starts_with(&format!("{layer}: ")) => {
                error.clone()
            }
            Problem::Layer { layer, error } => format!("{layer}: {error}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Change {
    pub key: &'static str,
    pub current: String,
    pub origin: Origin,
    /// None: remove the setting (`go env -u`).
    pub recommended: Option<String>,
    pub reason: Reason,
}

/// Why a setting changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// GOPRIVATE: hosts that look private and are fetched directly.
    Private { hosts: Vec<String> },
    /// GONOSUMDB: hosts that look private and a configured proxy serves.
    PrivateViaProxy { hosts: Vec<String> },
    /// GOPROXY: the qualified mirrors, fastest first.
    Mirrors {
        mirrors: Vec<String>,
        direct_last: bool,
    },
    /// GOSUMDB back to go's default.
    SumdbOn,
}

impl Reason {
    pub fn text(&self, lang: Lang) -> String {
        use super::yes_no;
        match self {
            Reason::Private { hosts } => t!(lang, "fix-reason-private", hosts = hosts.join(", ")),
            Reason::PrivateViaProxy { hosts } => t!(
                lang,
                "fix-reason-private-via-proxy",
                hosts = hosts.join(", ")
            ),
            Reason::Mirrors {
                mirrors,
                direct_last,
            } => t!(
                lang,
                "fix-reason-mirrors",
                mirrors = redact_urls(&mirrors.join(", ")),
                ranked = yes_no(mirrors.len() > 1),
                direct_last = yes_no(*direct_last)
            ),
            Reason::SumdbOn => t!(lang, "fix-reason-sumdb-on"),
        }
    }
}

/// Something the user should know about the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    SpeedVaries,
    NoSumdbRelay,
    NoMirrorQualified,
    SumdbUnreachable,
    /// GOSUMDB is off and nothing probed the database: it stays as it is.
    SumdbNotProbed,
    /// Qualified mirrors from the project's godoctor.toml left out of GOPROXY.
    ProjectMirrorsNotWritten,
}

impl Note {
    pub fn text(self, lang: Lang) -> String {
        match self {
            Note::SpeedVaries => t!(lang, "fix-note-speed-varies"),
            Note::NoSumdbRelay => t!(lang, "fix-note-no-sumdb-relay"),
            Note::NoMirrorQualified => t!(lang, "fix-note-no-mirror"),
            Note::SumdbUnreachable => t!(lang, "fix-note-sumdb-unreachable"),
            Note::SumdbNotProbed => t!(lang, "fix-note-sumdb-not-probed"),
            Note::ProjectMirrorsNotWritten => t!(lang, "fix-note-project-mirrors"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Recommendation {
    pub candidates: Vec<Candidate>,
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
    /// Steps outside go's settings that come first (the interception CA), from the check's
    /// root cause.
    pub first_steps: Vec<crate::diagnose::Remedy>,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    Some(v[v.len() / 2])
}

/// A plan that asks every candidate for every public planned module and for the checksum
/// database, so one engine run probes them all concurrently.
fn candidate_plan(cfg: &Config, plan: &Plan, candidates: &[String]) -> Plan {
    let mut p = plan.clone();
    p.modules
        .retain(|m| !m.noproxy && private_hint(&m.host, &cfg.netrc.machines).is_none());
    for m in &mut p.modules {
        m.route = candidates
            .iter()
            .map(|c| proxy_step(cfg, c, &m.module, FallThrough::AnyError))
            .collect();
    }
    if let Ok(SumDbSetting::Db(db)) = &plan.sumdb {
        let mut route: Vec<SumdbStep> = candidates
            .iter()
            .map(|c| sumdb_via_proxy_step(cfg, c, &db.name, FallThrough::AnyError))
            .collect();
        route.extend(
            plan.sumdb_route
                .iter()
                .filter(|s| matches!(s, SumdbStep::Direct { .. }))
                .cloned(),
        );
        p.sumdb_route = route;
        p.sumdb_not_followed = 0;
        // Every candidate is asked about the checksum database, even when go.sum covers all.
        if let Some(m) = p.modules.first_mut() {
            m.needs_sumdb = true;
        }
    }
    // A toolchain switch: every candidate is asked for the exact zip go would download.
    if let Some(tp) = p.toolchain.as_mut().filter(|t| t.on_path.is_none())
        && let Some(version) = tp.module_version.clone()
    {
        tp.route = candidates
            .iter()
            .map(|c| {
                crate::plan::proxy_file_step(
                    cfg,
                    c,
                    "golang.org/toolchain",
                    &format!("{version}.zip"),
                    FallThrough::AnyError,
                )
            })
            .collect();
    }
    // A switch in the middle of the command: every candidate is asked for the toolchain list
    // (and, once go's pick is known, its zip); the dependencies' go lines through the first.
    if let Some(mc) = p
        .toolchain
        .as_mut()
        .and_then(|t| t.mid_command.as_mut())
        .filter(|mc| mc.mode == crate::config::toolchain::Mode::Auto)
    {
        mc.list_route = candidates
            .iter()
            .map(|c| proxy_step(cfg, c, "golang.org/toolchain", FallThrough::AnyError))
            .collect();
        if let Some(first) = candidates.first() {
            for d in mc.deps.iter_mut().filter(|d| d.url.is_some()) {
                d.url = Some(format!(
                    "{}/{}/@v/{}.mod",
                    first.trim_end_matches('/'),
                    crate::plan::escape_path(&d.module),
                    crate::plan::escape_path(&d.version)
                ));
            }
        }
    }
    p
}

fn targets_of<'a>(
    targets: &'a [Target],
    role: Role,
    candidate: &str,
) -> impl Iterator<Item = &'a Target> + 'a {
    let red = redact_urls(candidate);
    targets
        .iter()
        .filter(move |t| t.role == role && t.context(|c| c.proxy.as_deref()) == Some(red.as_str()))
}

/// Probes the candidates `rounds` times within `opts.timeout` in total, each round reporting
/// to `progress`.
pub async fn probe(
    cfg: &Config,
    plan: &Plan,
    candidates: &[(String, Source)],
    opts: &ProbeOptions,
    rounds: u32,
    progress: &dyn Progress,
) -> (Vec<Candidate>, bool) {
    let urls: Vec<String> = candidates.iter().map(|(u, _)| u.clone()).collect();
    let p = candidate_plan(cfg, plan, &urls);
    let per_round = ProbeOptions {
        timeout: opts.timeout / rounds.max(1),
        module_files: false,
        verify_zips: false,
        ..opts.clone()
    };
    let mut runs: Vec<Vec<Target>> = Vec::new();
    for _ in 0..rounds.max(1) {
        runs.push(engine::run(cfg, &p, &per_round, progress).await.targets);
    }
    // Reachable only when probed: no probe (GOSUMDB=off) proves nothing.
    let sumdb_direct_ok = runs.last().is_some_and(|ts| {
        let mut sumdb = ts.iter().filter(|t| t.role == Role::Sumdb).peekable();
        sumdb.peek().is_some() && sumdb.all(Target::ok)
    });
    let out = candidates
        .iter()
        .map(|(c, source)| {
            let mut problem = None;
            let mut lat = Vec::new();
            for ts in &runs {
                let mine: Vec<&Target> = targets_of(ts, Role::Proxy, c).collect();
                if mine.is_empty() {
                    problem.get_or_insert(Problem::NoModule);
                    continue;
                }
                if let Some(bad) = mine.iter().find(|t| !t.ok()) {
                    let l = bad.first_failure();
                    problem = Some(l.map_or(Problem::Failed, |l| {
                        Problem::Layer {
                            layer: l.layer.as_str(),
                            error: l
                                .error
                                .as_ref()
                                .map(|e| e.message.clone())
                                .unwrap_or_default(),
                        }
                    }));
                    continue;
                }
                let slowest = mine
                    .iter()
                    .map(|t| t.layers.iter().map(|l| l.ms).sum::<f64>())
                    .fold(0.0, f64::max);
                lat.push(slowest);
            }
            let relays_sumdb = runs.last().is_some_and(|ts| {
                targets_of(ts, Role::SumdbViaProxy, c)
                    .any(|t| t.ok() && t.layer(LayerName::Sumdb).is_some_and(|l| l.is_ok()))
            });
            // Asked for the toolchain (startup: always; mid-command: when a dependency needed
            // it): every request for it must succeed.
            let startup_switch = p
                .toolchain
                .as_ref()
                .is_some_and(|t| t.on_path.is_none() && t.module_version.is_some());
            let asked: Vec<&Target> = runs
                .last()
                .map(|ts| targets_of(ts, Role::Toolchain, c).collect())
                .unwrap_or_default();
            let serves_toolchain = if asked.is_empty() {
                startup_switch.then_some(false)
            } else {
                Some(asked.iter().all(|t| t.ok()))
            };
            Candidate {
                url: Sensitive::urls(c.clone()),
                source: *source,
                qualified: problem.is_none() && !lat.is_empty(),
                problem,
                median_ms: median(lat),
                relays_sumdb,
                serves_toolchain,
                throughput_bps: None,
            }
        })
        .collect();
    (out, sumdb_direct_ok)
}

/// The settings to change, from the check (`diagnosis`) and the ranked candidates.
pub fn compute(
    cfg: &Config,
    plan: &Plan,
    diagnosis: &Diagnosis,
    candidates: &mut [Candidate],
    sumdb_direct_ok: bool,
    direct_last: bool,
    trust_project: bool,
) -> (Vec<Change>, Vec<Note>) {
    let mut changes = Vec::new();
    let mut notes = vec![Note::SpeedVaries];
    let setting = |k: &str| {
        cfg.settings
            .get(k)
            .map(|s| (s.value.expose().to_owned(), s.origin))
            .unwrap_or((String::new(), Origin::Default))
    };
    rank(candidates);
    let needs_sumdb =
        plan.modules.iter().any(|m| m.needs_sumdb) && !matches!(plan.sumdb, Ok(SumDbSetting::Off));

    // Private-looking hosts of go.mod that no pattern covers. A module some configured proxy
    // already serves (a corporate proxy) keeps coming from there: only the checksum database
    // must not be asked (GONOSUMDB). Others are fetched directly (GOPRIVATE).
    let (private, _) = setting("GOPRIVATE");
    let mut direct_hosts: Vec<String> = Vec::new();
    let mut nosum_hosts: Vec<String> = Vec::new();
    for (i, m) in plan.modules.iter().enumerate() {
        if m.nosumdb
            || match_prefix_patterns(&private, &m.module)
            || private_hint(&m.host, &cfg.netrc.machines).is_none()
        {
            continue;
        }
        let via_proxy = diagnosis
            .outcome
            .modules
            .get(i)
            .and_then(|o| o.via.as_deref())
            .is_some_and(|v| v != "direct");
        let list = if via_proxy {
            &mut nosum_hosts
        } else {
            &mut direct_hosts
        };
        if !list.contains(&m.host) {
            list.push(m.host.clone());
        }
    }
    let extend = crate::diagnose::remedy::with_patterns;
    if !direct_hosts.is_empty() {
        let (cur, origin) = setting("GOPRIVATE");
        changes.push(Change {
            key: "GOPRIVATE",
            recommended: Some(extend(&cur, &direct_hosts)),
            current: cur,
            origin,
            reason: Reason::Private {
                hosts: direct_hosts,
            },
        });
    }
    if !nosum_hosts.is_empty() {
        // A GONOSUMDB inherited from GOPRIVATE keeps those patterns when written explicitly.
        let (cur, origin) = setting("GONOSUMDB");
        changes.push(Change {
            key: "GONOSUMDB",
            recommended: Some(extend(&cur, &nosum_hosts)),
            current: cur,
            origin,
            reason: Reason::PrivateViaProxy { hosts: nosum_hosts },
        });
    }

    // GOPROXY: keep a working value; otherwise the qualified mirrors in rank order.
    let public_ok = diagnosis
        .outcome
        .modules
        .iter()
        .zip(&plan.modules)
        .filter(|(_, m)| private_hint(&m.host, &cfg.netrc.machines).is_none())
        .all(|(o, _)| o.predicted == Predicted::Ok);
    let proxy_trouble = diagnosis.findings.iter().any(|f| {
        f.severity >= crate::diagnose::Severity::Warning
            && (f.code.as_str().starts_with("GOPROXY")
                || matches!(
                    f.layer,
                    crate::diagnose::Layer::Dns
                        | crate::diagnose::Layer::Tcp
                        | crate::diagnose::Layer::Tls
                        | crate::diagnose::Layer::Http
                ))
    });
    let sumdb_failed = diagnosis.outcome.sumdb.predicted == Predicted::Fail;
    let toolchain_failed = diagnosis.outcome.toolchain.as_ref().is_some_and(|t| {
        t.predicted == Predicted::Fail
            && t.error
                .as_deref()
                .is_some_and(|e| !e.contains("GOSUMDB=off"))
    });
    let (goproxy, origin) = setting("GOPROXY");
    if !public_ok || proxy_trouble || sumdb_failed || toolchain_failed {
        // When go must download a toolchain, only mirrors that have it qualify.
        let mut ranked: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.qualified && c.serves_toolchain != Some(false))
            .collect();
        // A repository's godoctor.toml does not choose the user's global GOPROXY.
        if !trust_project && ranked.iter().any(|c| c.source == Source::Project) {
            ranked.retain(|c| c.source != Source::Project);
            notes.push(Note::ProjectMirrorsNotWritten);
        }
        // If go cannot reach the checksum database itself, the first mirror must relay it.
        if needs_sumdb && !sumdb_direct_ok {
            ranked.sort_by_key(|c| !c.relays_sumdb);
            if ranked.first().is_some_and(|c| !c.relays_sumdb) {
                notes.push(Note::NoSumdbRelay);
            }
        }
        let chosen: Vec<String> = ranked
            .iter()
            .take(3)
            .map(|c| c.url.expose().trim_end_matches('/').to_owned())
            .collect();
        if chosen.is_empty() {
            notes.push(Note::NoMirrorQualified);
        } else {
            let mut value = chosen.join("|");
            if direct_last {
                value.push_str(",direct");
            }
            if value != goproxy {
                changes.push(Change {
                    key: "GOPROXY",
                    current: goproxy.clone(),
                    origin,
                    recommended: Some(value),
                    reason: Reason::Mirrors {
                        mirrors: chosen,
                        direct_last,
                    },
                });
            }
        }
    }

    // GOSUMDB: keep the real database on.
    let (gosumdb, origin) = setting("GOSUMDB");
    let relay = candidates
        .iter()
        .any(|c| c.qualified && c.relays_sumdb && (trust_project || c.source != Source::Project));
    if matches!(plan.sumdb, Ok(SumDbSetting::Off)) || plan.sumdb.is_err() {
        let probed = sumdb_direct_ok || candidates.iter().any(|c| c.relays_sumdb);
        if !probed {
            notes.push(Note::SumdbNotProbed);
        } else if sumdb_direct_ok || relay {
            changes.push(Change {
                key: "GOSUMDB",
                current: gosumdb,
                origin,
                recommended: None,
                reason: Reason::SumdbOn,
            });
        } else {
            notes.push(Note::SumdbUnreachable);
        }
    }
    (changes, notes)
}

/// The root cause's steps that come before any setting when it is a certificate go does not
/// trust (TLS interception, a private CA, missing roots): another mirror is intercepted the
/// same way, so the CA is the fix.
pub fn first_steps(d: &Diagnosis) -> Vec<crate::diagnose::Remedy> {
    use crate::diagnose::Code;
    let Some(root) = d.root_cause.and_then(|i| d.findings.get(i)) else {
        return Vec::new();
    };
    match root.code {
        Code::TlsUnknownIssuerInterception
        | Code::TlsUnknownIssuerPrivateCa
        | Code::TlsRootsMissing
        | Code::TlsNoRoots => root
            .remediation
            .iter()
            .filter(|r| r.command.as_deref().is_none_or(|c| !c.contains("GOPROXY")))
            .cloned()
            .collect(),
        _ => Vec::new(),
    }
}

/// Orders candidates for GOPROXY the same way on every run that measures alike: qualified
/// first, then by latency tier — within twice the fastest (20 ms floor) is one tier, each
/// doubling the next — and within a tier in the order they were given (the built-in list,
/// then godoctor.toml's, then `--mirror`). Noise between two runs rarely moves a mirror
/// across a tier, so the dry run and `--apply` agree.
pub fn rank(candidates: &mut [Candidate]) {
    let fastest = candidates
        .iter()
        .filter(|c| c.qualified)
        .filter_map(|c| c.median_ms)
        .fold(f64::MAX, f64::min)
        .max(20.0);
    let tier = |c: &Candidate| -> u32 {
        match c.median_ms {
            Some(ms) if c.qualified => (ms.max(20.0) / fastest).log2().floor().max(0.0) as u32,
            _ => u32::MAX,
        }
    };
    // sort_by_key is stable: equal keys keep the given order.
    candidates.sort_by_key(|c| (!c.qualified, tier(c)));
}

#[cfg(test)]
mod tests;
