//! The walks put together, in go's order: the startup toolchain switch first (toolchain.Select
//! runs before GOFLAGS and go.mod are read), then each module and the checksum database, then
//! the go lines met while loading the module graph. Decides go's outcome and error and names
//! the root cause; failures off the route go takes become secondary findings.

use super::classify;
use super::failure::{Failure, Terse};
use super::remediation;
use super::walk::Stopped;
use super::walk::mid_command::{loads_module_graph, mid_command_switch, walk_mid_command};
use super::walk::module::walk_module;
use super::walk::sumdb::walk_sumdb;
use super::walk::toolchain::walk_toolchain;
use crate::config::Config;
use crate::diagnose::module_files;
use crate::diagnose::predict::{self, ImportOutcome, Outcome, Predicted, SumWrong, label};
use crate::diagnose::remedy::{Action, System, set_go_env};
use crate::diagnose::{Code, Finding, Layer, Remedy, Severity};
use crate::plan::{ModulePlan, ModuleSource, Plan, private_hint};

use crate::probe::modules::ModuleWalk as ModuleFiles;
use crate::probe::{LayerName, ProbeError, Target};
use crate::text;

/// What the observations say go will do.
pub struct Observed {
    pub outcome: Outcome,
    pub findings: Vec<Finding>,
    /// The host of the root cause, which tells it from a twin with the same code.
    pub root_host: Option<String>,
}

pub fn predict(cfg: &Config, plan: &Plan, targets: &[Target]) -> Observed {
    predict_with(cfg, plan, targets, &[])
}

/// [`predict`], with each module's own answers (`walks`: probe::modules) deciding its route
/// where the probes asked about it.
pub fn predict_with(
    cfg: &Config,
    plan: &Plan,
    targets: &[Target],
    walks: &[ModuleFiles],
) -> Observed {
    let mut outcome = predict::predict_offline(cfg, plan);
    outcome.assumes_network_ok = false;
    let mut findings: Vec<Finding> = Vec::new();
    let mut root: Option<Finding> = None;
    let mut config_failed = outcome.predicted == Predicted::Fail;
    // GOSUMDB=off (or malformed) fails a toolchain switch only once its zip was served: the
    // download walk decides, the settings alone do not.
    let sumdb_setting_failed = matches!(
        outcome.root_cause_code,
        Some(Code::ToolchainNeedsSumdb | Code::GosumdbMalformed)
    );
    if let Some(tc) = outcome.toolchain.as_mut().filter(|t| {
        sumdb_setting_failed
            && t.error
                .as_deref()
                .is_some_and(|e| e.contains(": verifying module: "))
    }) {
        tc.predicted = Predicted::Ok;
        tc.error = None;
    }
    // A toolchain switch happens first (toolchain.Select runs before GOFLAGS and go.mod are
    // read); when it fails, go never reaches a module nor those settings.
    let switch_planned = outcome
        .toolchain
        .as_ref()
        .is_some_and(|t| t.predicted == Predicted::Ok);
    let mut toolchain_failed = false;
    if (!config_failed || switch_planned)
        && let Some(Stopped { root: f, error }) = walk_toolchain(cfg, targets, plan, &mut outcome)
    {
        config_failed = false;
        toolchain_failed = true;
        for m in &mut outcome.modules {
            m.predicted = Predicted::Fail;
            m.error = error.clone();
        }
        root = f.clone();
        findings.extend(f);
    }
    let mut queried = Vec::new();
    if !config_failed && !toolchain_failed {
        queried = walk_modules(
            cfg,
            plan,
            targets,
            walks,
            &mut outcome,
            &mut findings,
            &mut root,
        );
    }
    resolve_imports(cfg, plan, queried, &mut outcome, &mut findings, &mut root);
    // Loading the module graph read every go.mod: a go line newer than the running go makes go
    // fail or switch toolchains before it downloads anything else.
    // (A go.mod go read, from the module cache or the network, decides before any download
    // fails — not before its own verification against the checksum database; a switch, once
    // made, leaves the downloads to the new go.)
    if !toolchain_failed
        && loads_module_graph(cfg, plan, &outcome)
        && let Some(Stopped { root: f, error }) = walk_mid_command(cfg, targets, plan, &mut outcome)
    {
        // It decides before a download failure the settings predicted (GOPROXY=off).
        config_failed = false;
        toolchain_failed = true;
        for m in &mut outcome.modules {
            m.predicted = Predicted::Fail;
            m.error = error.clone();
        }
        if let Some(f) = f {
            root = Some(f.clone());
            findings.retain(|x| !(x.code == f.code && x.host == f.host));
            findings.push(f);
        }
    }
    findings.extend(mid_command_switch(&outcome));
    off_the_route(cfg, targets, &mut findings);
    let failed = outcome
        .modules
        .iter()
        .any(|m| m.predicted == Predicted::Fail)
        || outcome
            .imports
            .iter()
            .any(|m| m.predicted == Predicted::Fail)
        || outcome.sumdb.predicted == Predicted::Fail
        || toolchain_failed
        || config_failed;
    outcome.predicted = if failed {
        Predicted::Fail
    } else {
        Predicted::Ok
    };
    let root_host = if config_failed {
        None
    } else {
        root.as_ref().and_then(|r| r.host.clone())
    };
    if !config_failed {
        outcome.root_cause_code = if failed {
            root.as_ref().map(|r| r.code)
        } else {
            None
        };
        // The root replaces its deduplicated twin (a warning of the same code and host).
        if let Some(r) = root.as_mut() {
            remediation::attach(cfg, targets, r);
            if let Some(f) = findings
                .iter_mut()
                .find(|f| f.code == r.code && f.host == r.host)
            {
                *f = r.clone();
            }
        }
        for f in findings.iter_mut() {
            remediation::attach(cfg, targets, f);
        }
    }
    in_go_version(cfg, &mut outcome);
    Observed {
        outcome,
        findings,
        root_host,
    }
}

/// Every error go prints, in the words of the go that runs.
fn in_go_version(cfg: &Config, outcome: &mut Outcome) {
    let v = &cfg.rules_version;
    let errors = outcome
        .modules
        .iter_mut()
        .map(|m| &mut m.error)
        .chain(outcome.imports.iter_mut().map(|i| &mut i.error))
        .chain(outcome.toolchain.iter_mut().map(|t| &mut t.error));
    for e in errors.flatten() {
        *e = super::go_words::in_go_version(v, e);
    }
}

/// Each planned module's route, then the checksum database for what go fetched.
fn walk_modules(
    cfg: &Config,
    plan: &Plan,
    targets: &[Target],
    walks: &[ModuleFiles],
    outcome: &mut Outcome,
    findings: &mut Vec<Finding>,
    root: &mut Option<Finding>,
) -> Vec<(usize, Option<Finding>)> {
    // The candidates of an import go.mod does not cover: decided together afterwards.
    let mut queried: Vec<(usize, Option<Finding>)> = Vec::new();
    for (i, m) in plan.modules.iter().enumerate() {
        let w = walk_module(cfg, targets, walks, m, plan);
        if m.source == ModuleSource::Query {
            outcome.modules[i] = w.outcome;
            queried.push((i, w.root));
            continue;
        }
        for s in w.secondary {
            if !findings
                .iter()
                .any(|f| f.code == s.code && f.host == s.host)
            {
                findings.push(s);
            }
        }
        if let Some(r) = w.root {
            if root.is_none() {
                *root = Some(r.clone());
            }
            if !findings
                .iter()
                .any(|f| f.code == r.code && f.host == r.host)
            {
                findings.push(r);
            }
        }
        outcome.modules[i] = w.outcome;
    }
    // A dependency's go.mod go cannot read even laxly stops it (`parsing go.mod`).
    for (i, m) in plan.modules.iter().enumerate() {
        if outcome.modules[i].predicted != Predicted::Ok {
            continue;
        }
        let Some(served) = module_files::walk_of(walks, m).and_then(ModuleFiles::served_go_mod)
        else {
            continue;
        };
        let Some((line, msg)) = crate::config::golines::problems(
            &served.parsed,
            crate::config::golines::Mode::Lax,
            &cfg.rules_version,
        )
        .into_iter()
        .next() else {
            continue;
        };
        let error = format!(
            "{}parsing go.mod: go.mod:{line}: {msg}",
            crate::diagnose::predict::load_error_prefix(plan, m)
        );
        let f = Finding::of(
            Code::GomodUnparsable,
            text!(
                "finding-dependency-gomod-unparsable",
                module = label(m),
                detail = error.as_str()
            ),
        )
        .param("module", label(m))
        .param("detail", error.clone());
        outcome.modules[i].predicted = Predicted::Fail;
        outcome.modules[i].error = Some(error);
        if root.is_none() {
            *root = Some(f.clone());
        }
        findings.push(f);
    }
    // go compares each go.mod it fetched with go.sum before it goes on.
    for (i, m) in plan.modules.iter().enumerate() {
        if outcome.modules[i].predicted != Predicted::Ok {
            continue;
        }
        let Some(walk) = module_files::walk_of(walks, m) else {
            continue;
        };
        let Some((mismatch, proxy)) = super::super::sums::sum_mismatch(cfg, walk) else {
            continue;
        };
        let wrong = super::super::sums::who_is_wrong(m, &mismatch, walk);
        let f = if wrong == SumWrong::Proxy {
            proxy_content_mismatch(cfg, &mismatch, &proxy, walk)
        } else {
            gosum_mismatch(cfg, &mismatch, &proxy, wrong)
        };
        outcome.modules[i].predicted = Predicted::Fail;
        outcome.modules[i].error = Some(mismatch.go_error());
        if root.is_none() {
            *root = Some(f.clone());
        }
        findings.push(f);
    }
    // go verifies what it downloaded: the checksum route matters only for modules it gets.
    let fetched = plan
        .modules
        .iter()
        .zip(&outcome.modules)
        .any(|(m, o)| m.needs_sumdb && o.predicted == Predicted::Ok);
    if !fetched {
        // go stops before verifying anything, but the route it would take is still reported
        // as observed, not as the offline guess.
        if plan.modules.iter().any(|m| m.needs_sumdb) {
            outcome.sumdb = walk_sumdb(targets, plan, None).outcome;
        }
        return queried;
    }
    let walk = walk_sumdb(targets, plan, None);
    // A lookup the database answered 404/410 fails that module only.
    let missing = walk
        .failure
        .as_ref()
        .filter(|f| f.code == Code::SumdbLookupNotFound)
        .and_then(|_| {
            targets.iter().find_map(|t| {
                Some(
                    t.layer(LayerName::Sumdb)?
                        .detail
                        .as_sumdb()?
                        .lookup
                        .as_ref()?
                        .module
                        .clone(),
                )
            })
        });
    if walk.outcome.predicted == Predicted::Fail {
        for (i, m) in plan.modules.iter().enumerate() {
            if !m.needs_sumdb
                || outcome.modules[i].predicted != Predicted::Ok
                || missing.as_ref().is_some_and(|lm| *lm != label(m))
            {
                continue;
            }
            let lookup = m.version.as_deref().map(|v| (m.module.as_str(), v));
            // go verifies the go.mod first: the client names it `path@version/go.mod`.
            let error = walk_sumdb(targets, plan, lookup).error.map(|e| {
                let e = match e.strip_prefix(&format!("{}: ", label(m))) {
                    Some(rest) => format!("{}/go.mod: {rest}", label(m)),
                    None => format!("{}/go.mod: {e}", label(m)),
                };
                format!("go: {}: verifying go.mod: {e}", label(m))
            });
            outcome.modules[i].predicted = Predicted::Fail;
            outcome.modules[i].error = error;
        }
    }
    if let Some(mut f) = walk.failure {
        // A module the database does not know, fetched by path: a private module sent to the
        // public checksum database. Settings alone are at fault: layer config, no host.
        let answer = lookup_answer(targets);
        if f.code == Code::SumdbLookupNotFound
            && let Some((i, m)) = plan.modules.iter().enumerate().find(|(_, m)| {
                m.needs_sumdb
                    && missing.as_ref().is_none_or(|lm| *lm == label(m))
                    && (private_hint(&m.host, &cfg.netrc.machines).is_some()
                        || answer.as_deref().is_some_and(database_cannot_see))
            })
        {
            f = private_module(cfg, f, m, outcome.modules[i].via.as_deref());
        }
        let f = f.told();
        if root.is_none() {
            *root = Some(f.clone());
        }
        findings.push(f);
    }
    // Each module go looks up on its own: a 404/410 for one fails that one.
    if walk.outcome.predicted == Predicted::Ok {
        for (i, m) in plan.modules.iter().enumerate() {
            if !m.needs_sumdb || outcome.modules[i].predicted != Predicted::Ok {
                continue;
            }
            let Some(l) = module_files::walk_of(walks, m).and_then(|w| w.lookup.as_ref()) else {
                continue;
            };
            if !matches!(l.status, 404 | 410) {
                continue;
            }
            let words = l.go_error.clone().unwrap_or_default();
            outcome.modules[i].predicted = Predicted::Fail;
            outcome.modules[i].error = Some(format!(
                "go: {}: verifying go.mod: {}/go.mod: {words}",
                label(m),
                label(m)
            ));
            let host = crate::config::gourl::parse(&l.url)
                .map(|u| u.hostname().to_owned())
                .unwrap_or_default();
            let mut f = Failure::new(Code::SumdbLookupNotFound, Terse::Bare(words.clone()))
                .host(host)
                .param("url", l.url.clone())
                .param("detail", words.clone());
            if private_hint(&m.host, &cfg.netrc.machines).is_some() || database_cannot_see(&words) {
                f = private_module(cfg, f, m, outcome.modules[i].via.as_deref());
            }
            let f = f.told();
            if root.is_none() {
                *root = Some(f.clone());
            }
            if !findings
                .iter()
                .any(|x| x.code == f.code && x.host == f.host)
            {
                findings.push(f);
            }
        }
    }
    outcome.sumdb = walk.outcome;
    queried
}

/// A module the database does not know, fetched by path: a private module sent to the public
/// checksum database. Settings alone are at fault: layer config, no host; the fix adds its prefix
/// to GONOSUMDB when a proxy serves it (GOPRIVATE would also send it direct), else to GOPRIVATE.
fn private_module(cfg: &Config, mut f: Failure, m: &ModulePlan, via: Option<&str>) -> Failure {
    f.code = Code::PrivateModuleNotPrivate;
    f.layer = Layer::Config;
    f.host = None;
    f.remediation.clear();
    f = f.param("host", m.host.clone());
    let prefix = private_prefix(&m.module);
    match via.filter(|v| *v != "direct") {
        Some(proxy) => f.remediation.extend(set_go_env(
            cfg,
            "GONOSUMDB",
            &crate::diagnose::remedy::with_pattern(cfg.get("GONOSUMDB"), &prefix),
            text!("remedy-gonosumdb-keep-proxy", proxy = proxy),
        )),
        None => f.remediation.extend(set_go_env(
            cfg,
            "GOPRIVATE",
            &crate::diagnose::remedy::with_pattern(cfg.get("GOPRIVATE"), &prefix),
            text!("remedy-mark-private"),
        )),
    }
    f
}

/// `go mod tidy`'s queries for an import no required module provides (`queryImport`): every
/// candidate module path is asked at once; the import is found when one answers, and fails with
/// the first real error, else with "cannot find module providing package". The candidates'
/// outcomes become one per import.
fn resolve_imports(
    cfg: &Config,
    plan: &Plan,
    queried: Vec<(usize, Option<Finding>)>,
    outcome: &mut Outcome,
    findings: &mut Vec<Finding>,
    root: &mut Option<Finding>,
) {
    let mut imports: Vec<&str> = Vec::new();
    for m in &plan.modules {
        if let Some(import) = m.query_for.as_deref()
            && !imports.contains(&import)
        {
            imports.push(import);
        }
    }
    if imports.is_empty() {
        return;
    }
    // A candidate's root finding, when the walk ran (not after a failed toolchain switch).
    let root_of = |i: usize| {
        queried
            .iter()
            .find(|(q, _)| *q == i)
            .and_then(|(_, f)| f.as_ref())
    };
    let main = plan.imports_main_module();
    let mut resolved = Vec::new();
    for import in imports {
        let members: Vec<(usize, Option<&Finding>)> = plan
            .modules
            .iter()
            .enumerate()
            .filter(|(_, m)| m.query_for.as_deref() == Some(import))
            .map(|(i, _)| (i, root_of(i)))
            .collect();
        let found = members
            .iter()
            .find(|(i, _)| outcome.modules[*i].predicted == Predicted::Ok);
        let mut o = ImportOutcome {
            package: import.to_owned(),
            module: None,
            predicted: Predicted::Ok,
            via: None,
            error: None,
        };
        if let Some((i, _)) = found {
            o.module = Some(plan.modules[*i].module.clone());
            o.via = outcome.modules[*i].via.clone();
            resolved.push(o);
            continue;
        }
        // The first candidate that failed for a reason other than "not there" decides;
        // else the longest, which go names.
        let real = members
            .iter()
            .find(|(_, f)| f.as_ref().is_some_and(|f| f.code != Code::ModuleNotFound));
        let (i, f) = real.or(members.first()).copied().expect("a candidate");
        let path = &plan.modules[i].module;
        let err = outcome.modules[i].error.clone().unwrap_or_default();
        let err = err
            .strip_prefix(&format!("go: {path}: "))
            .unwrap_or(&err)
            .to_owned();
        o.predicted = Predicted::Fail;
        let missing = !f.is_some_and(|f| git_error_kept_as_is(cfg, f));
        o.error = Some(if missing {
            format!(
                "{main} imports\n\t{import}: cannot find module providing package {import}: module {path}: {err}"
            )
        } else {
            format!("{main} imports\n\t{import}: module {path}: {err}")
        });
        if let Some(f) = f {
            if root.is_none() {
                *root = Some(f.clone());
            }
            if !findings
                .iter()
                .any(|x| x.code == f.code && x.host == f.host)
            {
                findings.push(f.clone());
            }
        }
        resolved.push(o);
    }
    predict::drop_queries(plan, outcome);
    outcome.imports = resolved;
}

/// Whether go reports a failed `git ls-remote` for an import as it is rather than as a missing
/// package. go wraps a query error as "cannot find module providing package" only when it is
/// "not exist"; before go 1.25 a failed ls-remote became one when a plain GET of the repository
/// URL answered 404/410 (codehost `loadRefs`). From go 1.25 `newGitRepo` lists the refs before
/// it knows that URL, so the check never runs and git's error stands.
fn git_error_kept_as_is(cfg: &Config, f: &Finding) -> bool {
    f.params.contains_key("git_url") && cfg.rules_version.at_least(1, 25)
}

/// go.sum and a proxy disagree about a go.mod: go refuses it. Either may be wrong (a stale or
/// hand-edited go.sum, a proxy serving other bytes, a retagged release): removing the lines
/// makes go verify the module again against the checksum database, never without it.
fn gosum_mismatch(
    cfg: &Config,
    m: &crate::config::gosum::Mismatch,
    proxy: &str,
    wrong: SumWrong,
) -> Finding {
    let version = m.version.trim_end_matches("/go.mod");
    let file = m.file.display().to_string();
    let what = text!(
        "finding-gosum-mismatch",
        kind = if m.version.ends_with("/go.mod") {
            "gomod"
        } else {
            "zip"
        },
        module = m.module.as_str(),
        version = version,
        file = m.label.as_str(),
        line = m.recorded.line,
        recorded = m.recorded.hash.as_str(),
        proxy = proxy,
        downloaded = m.downloaded.as_str(),
    );
    // A configuration cause: no host (the summary names the proxy that served it).
    Finding::of(Code::GosumMismatch, what)
        .param("module", format!("{}@{version}", m.module))
        .param("detail", m.go_error())
        .fix(Remedy::note(match wrong {
            SumWrong::GoSum => text!("remedy-gosum-line-is-wrong", file = m.label.as_str()),
            SumWrong::Upstream => text!(
                "remedy-gosum-release-moved",
                module = m.module.as_str(),
                version = version
            ),
            SumWrong::Proxy | SumWrong::Unknown => text!(
                "remedy-gosum-who-is-wrong",
                module = m.module.as_str(),
                version = version
            ),
        }))
        .fix(gosum_refetch(cfg, &m.module, version, &m.label, &file))
}

/// What `check` says about a go.sum line that disagrees when it cannot tell who is wrong (and
/// `explain`, which never can): find out, then, when it is go.sum, remove its lines for the
/// version and fetch again, verified — never `go mod tidy` (which keeps a mismatched line) and
/// never without the checksum database.
pub(crate) fn gosum_remedies(
    cfg: &Config,
    module: &str,
    version: &str,
    label: &str,
    file: &str,
) -> Vec<Remedy> {
    vec![
        Remedy::note(text!(
            "remedy-gosum-who-is-wrong",
            module = module,
            version = version
        )),
        gosum_refetch(cfg, module, version, label, file),
    ]
}

/// Removes go.sum's lines for `module@version` (a backup stays) and fetches it again, verified.
fn gosum_refetch(cfg: &Config, module: &str, version: &str, label: &str, file: &str) -> Remedy {
    let drop = Action::System(System::DropGoSumLines {
        file: file.to_owned(),
        module: module.to_owned(),
        version: version.to_owned(),
    });
    Remedy::act(
        cfg,
        text!("remedy-gosum-refetch", file = label),
        drop.then(Action::exec(["go", "get", &format!("{module}@{version}")])),
    )
}

/// A GOPROXY entry serves a go.mod that the checksum database (or another entry) and go.sum
/// agree against: the proxy is wrong. go.sum stays; the fix is to stop taking the module from
/// that entry.
fn proxy_content_mismatch(
    cfg: &Config,
    m: &crate::config::gosum::Mismatch,
    proxy: &str,
    walk: &ModuleFiles,
) -> Finding {
    let version = m.version.trim_end_matches("/go.mod");
    let witness = walk
        .witnesses
        .as_ref()
        .and_then(|w| {
            w.sumdb
                .as_ref()
                .filter(|d| d.go_mod_h1.as_deref() == Some(m.recorded.hash.as_str()))
                .map(|d| d.url.clone())
                .or_else(|| {
                    w.entries
                        .iter()
                        .find(|e| e.go_mod_h1.as_deref() == Some(m.recorded.hash.as_str()))
                        .map(|e| e.proxy.clone())
                })
        })
        .unwrap_or_default();
    let mut f = Finding::of(
        Code::ProxyContentMismatch,
        text!(
            "finding-proxy-content-mismatch",
            module = m.module.as_str(),
            version = version,
            proxy = proxy,
            downloaded = m.downloaded.as_str(),
            recorded = m.recorded.hash.as_str(),
            witness = witness.as_str(),
        ),
    )
    .host(
        crate::config::gourl::parse(proxy)
            .map(|u| u.hostname().to_owned())
            .unwrap_or_default(),
    )
    .param("module", format!("{}@{version}", m.module))
    .param("proxy", proxy.to_owned())
    .param("detail", m.go_error())
    .fix(Remedy::note(text!(
        "remedy-proxy-content-mismatch",
        proxy = proxy
    )));
    if let Some(list) = crate::diagnose::remedy::goproxy_without(cfg.get("GOPROXY"), proxy) {
        f.remediation.extend(crate::diagnose::remedy::set_go_env(
            cfg,
            "GOPROXY",
            &list,
            text!("remedy-skip-proxy", proxy = proxy),
        ));
    }
    f
}

/// What the checksum database said to the lookup that failed (go's words, with its body).
fn lookup_answer(targets: &[Target]) -> Option<String> {
    targets.iter().find_map(|t| {
        let l = t.layer(LayerName::Sumdb)?;
        l.detail.as_sumdb()?.lookup.as_ref()?;
        Some(l.error.as_ref()?.message.clone())
    })
}

/// The public checksum database could not fetch the module at all — its 404/410 body names
/// the reason (`not found: M@V: unrecognized import path …`, a credential prompt, a missing
/// repository): the module is private, and the settings are at fault, not the database.
pub(crate) fn database_cannot_see(answer: &str) -> bool {
    const UNSEEN: &[&str] = &[
        "unrecognized import path",
        "terminal prompts disabled",
        "could not read Username",
        "Repository not found",
        "repository not found",
        "no such host",
        "401 Unauthorized",
        "403 Forbidden",
    ];
    answer.contains("not found:") && UNSEEN.iter().any(|u| answer.contains(u))
}

/// The pattern that marks a module private: its host, or on a shared code host the owner's
/// prefix (`github.com/acme`), as people write GOPRIVATE.
fn private_prefix(module: &str) -> String {
    const SHARED_HOSTS: &[&str] = &["github.com", "gitlab.com", "bitbucket.org", "gitee.com"];
    let parts: Vec<&str> = module.split('/').collect();
    match parts.as_slice() {
        [host, owner, ..] if SHARED_HOSTS.contains(host) => format!("{host}/{owner}"),
        [host, ..] => (*host).to_owned(),
        [] => module.to_owned(),
    }
}

/// Observations off the route go takes: secondary, and only when not already explained; and
/// what any probe saw on the way (resolvers that disagree, a server's clock).
fn off_the_route(cfg: &Config, targets: &[Target], findings: &mut Vec<Finding>) {
    for t in targets {
        let Some(l) = t.first_failure() else { continue };
        let f = classify::failure(t, l);
        if findings
            .iter()
            .any(|x| x.host == f.host && x.layer == f.layer)
            || l.kind().is_some_and(ProbeError::is_not_found)
        {
            continue;
        }
        // The host may well be on go's route (another request to it failed there): then only
        // this request is off it.
        let host_on_route = findings.iter().any(|x| {
            x.host.is_some()
                && x.host == f.host
                && matches!(x.layer, Layer::Dns | Layer::Tcp | Layer::Tls | Layer::Http)
        });
        let off = if host_on_route { "request" } else { "true" };
        let f = f.param("off_route", off).with_severity(Severity::Info);
        findings.push(f.told());
    }
    for t in targets {
        if let Some(dns) = t.layer(LayerName::Dns)
            && let Some(cmp) = dns.detail.as_dns().and_then(|d| d.comparison.as_ref())
            && cmp.iter().any(|c| c.agrees == Some(false))
            && !findings
                .iter()
                .any(|f| f.code == Code::DnsPoisoned && f.host.as_deref() == Some(&t.host))
        {
            findings.push(
                Finding::of(
                    Code::DnsPoisoned,
                    text!("finding-dns-poisoned", host = t.host.clone()),
                )
                .with_severity(Severity::Warning)
                .host(t.host.clone()),
            );
        }
        if let Some(skew) = t
            .layer(LayerName::Http)
            .and_then(|h| h.detail.as_http()?.response.as_ref()?.date_skew_s)
            && skew.abs() > 300
            && !findings.iter().any(|f| f.code == Code::ClockSkew)
        {
            let skew = format!("{skew:+}");
            findings.push(
                Finding::of(
                    Code::ClockSkew,
                    text!(
                        "finding-clock-skew",
                        host = t.host.clone(),
                        skew = skew.clone()
                    ),
                )
                .host(t.host.clone())
                .param("skew_s", skew)
                .fix(Remedy::act(
                    cfg,
                    text!("remedy-check-system-clock"),
                    Action::System(System::ShowClock),
                )),
            );
        }
    }
}
