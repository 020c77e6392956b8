//! What `go mod download` will do for each planned module, in go's own words where go's wording
//! is known (docs/go/semantics.md §1, §3, §9; docs/json-contract.md `outcome`).
//!
//! The offline prediction assumes every host that go reaches answers correctly, so it fails a
//! module only when go's settings alone make it fail. Probe observations refine it later.

use super::Code;
use crate::config::Config;
use crate::config::goflags::GoFlags;
use crate::config::goproxy::FallThrough;
use crate::config::gosumdb::SumDbSetting;
use crate::plan::{Plan, Step, SumdbStep};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicted {
    Ok,
    Fail,
}

#[derive(Debug, Clone)]
pub struct ModuleOutcome {
    pub module: String,
    pub predicted: Predicted,
    /// The GOPROXY entry that serves it (URL, `direct`), or `vendor`.
    pub via: Option<String>,
    /// go's error message, when go will fail.
    pub error: Option<String>,
    /// Version, source and go.sum's verdict (`module_files::facts`).
    pub facts: ModuleFacts,
}

/// What the report says about a module beside its prediction.
#[derive(Debug, Clone, Default)]
pub struct ModuleFacts {
    pub version: Option<String>,
    pub source: Option<crate::plan::ModuleSource>,
    pub gosum: GoSumVerdict,
    pub gosum_mismatch: Option<GoSumMismatch>,
}

/// go.sum's verdict on a module (docs/json-contract.md `outcome.modules[].gosum`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GoSumVerdict {
    /// Every hash go needs is recorded and agrees with what was served.
    Match,
    /// A recorded hash disagrees with what was served: go stops.
    Mismatch,
    /// A hash go needs is not recorded: go asks the checksum database (unless told not to).
    Absent,
    /// Recorded but not compared (a zip hash without `--verify-zips`, nothing served, offline).
    #[default]
    NotChecked,
}

/// go.sum against the served go.mod, and who is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoSumMismatch {
    /// The go.sum go names (`go.sum`, `go.work.sum`, a workspace module's go.sum).
    pub file: String,
    /// What go.sum records.
    pub want: String,
    /// What was served.
    pub got: String,
    pub wrong: SumWrong,
}

/// Who is wrong when go.sum and a served go.mod disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumWrong {
    /// The checksum database (or every other source) agrees with what was served.
    GoSum,
    /// The checksum database, or another GOPROXY entry, agrees with go.sum.
    Proxy,
    /// No checksum database vouches for it and every source serves the new bytes: the release
    /// changed where it was published (a moved tag).
    Upstream,
    Unknown,
}

impl SumWrong {
    pub fn as_str(self) -> &'static str {
        match self {
            SumWrong::GoSum => "go.sum",
            SumWrong::Proxy => "proxy",
            SumWrong::Upstream => "upstream",
            SumWrong::Unknown => "unknown",
        }
    }
}

impl GoSumVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            GoSumVerdict::Match => "match",
            GoSumVerdict::Mismatch => "mismatch",
            GoSumVerdict::Absent => "absent",
            GoSumVerdict::NotChecked => "not-checked",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SumdbOutcome {
    pub predicted: Predicted,
    pub via: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub predicted: Predicted,
    pub modules: Vec<ModuleOutcome>,
    pub sumdb: SumdbOutcome,
    /// True when no probe ran: the prediction assumes every host answers correctly.
    pub assumes_network_ok: bool,
    /// What happens at startup about toolchains (Go ≥ 1.21), when go.mod asks for one.
    pub toolchain: Option<ToolchainOutcome>,
    pub root_cause_code: Option<Code>,
    /// `go mod tidy`: the main module's imports no required module provides, and where go
    /// finds (or fails to find) them.
    pub imports: Vec<ImportOutcome>,
}

/// docs/json-contract.md `outcome.imports[]`.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub package: String,
    /// The module path that provides it, when go finds one.
    pub module: Option<String>,
    pub predicted: Predicted,
    pub via: Option<String>,
    pub error: Option<String>,
}

/// The candidate modules of tidy's queries, taken out of `modules` (which is aligned with the
/// plan's modules until now) and summed up per import: found when one candidate is (offline:
/// every host is assumed to answer).
pub fn offline_imports(plan: &Plan, outcome: &mut Outcome) {
    let mut imports: Vec<ImportOutcome> = Vec::new();
    for (m, o) in plan.modules.iter().zip(&outcome.modules) {
        let Some(package) = &m.query_for else {
            continue;
        };
        if imports.iter().any(|i| i.package == *package) {
            continue;
        }
        imports.push(ImportOutcome {
            package: package.clone(),
            module: Some(m.module.clone()),
            predicted: o.predicted,
            via: o.via.clone(),
            error: o.error.clone(),
        });
    }
    drop_queries(plan, outcome);
    outcome.imports = imports;
}

/// Removes the query candidates from `outcome.modules`.
pub fn drop_queries(plan: &Plan, outcome: &mut Outcome) {
    let mut i = 0;
    outcome.modules.retain(|_| {
        let keep = plan
            .modules
            .get(i)
            .is_none_or(|m| m.source != crate::plan::ModuleSource::Query);
        i += 1;
        keep
    });
}

/// docs/json-contract.md `outcome.toolchain`.
#[derive(Debug, Clone)]
pub struct ToolchainOutcome {
    pub needed: bool,
    pub target: Option<String>,
    pub predicted: Predicted,
    /// `PATH`, a GOPROXY entry, or `direct`.
    pub via: Option<String>,
    /// The program go runs when `via` is `PATH`.
    pub path: Option<String>,
    pub error: Option<String>,
    /// A switch in the middle of the command: the dependency whose go.mod needs a newer go.
    pub required_by: Option<RequiredBy>,
}

/// The dependency behind a mid-command switch and its go line.
#[derive(Debug, Clone)]
pub struct RequiredBy {
    /// `example.com/dep@v1.0.0`.
    pub module: String,
    pub go: String,
}

/// go's platform names.
pub fn goos_goarch() -> (&'static str, &'static str) {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    (std::env::consts::OS, arch)
}

/// The startup toolchain decision from settings alone: the outcome, and the (code, go's error)
/// when the settings make it fail (docs/go/toolchains.md §3–§7).
pub fn toolchain_offline(plan: &Plan) -> (Option<ToolchainOutcome>, Option<(Code, String)>) {
    use crate::config::toolchain::Decision;
    let Some(tp) = &plan.toolchain else {
        return (None, None);
    };
    let out = |needed: bool,
               target: Option<String>,
               predicted,
               via: Option<String>,
               error: Option<String>| ToolchainOutcome {
        needed,
        target,
        predicted,
        via,
        error,
        required_by: None,
        path: None,
    };
    match &tp.decision {
        Decision::Local => (None, None),
        Decision::Refuse(why, e) => {
            let code = Code::of_refusal(*why);
            let e = if e.starts_with("go: ") {
                e.clone()
            } else {
                format!("go: {e}")
            };
            (
                Some(out(true, None, Predicted::Fail, None, Some(e.clone()))),
                Some((code, e)),
            )
        }
        Decision::Switch {
            target, path_only, ..
        } => {
            if let Some(p) = &tp.on_path {
                let mut tc = out(
                    true,
                    Some(target.clone()),
                    Predicted::Ok,
                    Some("PATH".into()),
                    None,
                );
                tc.path = Some(p.clone());
                return (Some(tc), None);
            }
            let fail = |code: Code, e: String| {
                (
                    Some(out(
                        true,
                        Some(target.clone()),
                        Predicted::Fail,
                        None,
                        Some(e.clone()),
                    )),
                    Some((code, e)),
                )
            };
            if *path_only {
                return fail(
                    Code::ToolchainNotInPath,
                    format!("go: cannot find \"{target}\" in PATH"),
                );
            }
            let version = tp.module_version.clone().unwrap_or_default();
            let (os, arch) = goos_goarch();
            if let Err(e) = &plan.proxy_list {
                return fail(
                    Code::GoproxyMalformed,
                    format!("go: download {target}: {e}"),
                );
            }
            // The first step go takes for golang.org/toolchain.
            let first = tp
                .route
                .iter()
                .find(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }));
            if matches!(first, Some(Step::Off)) {
                return fail(
                    Code::GoproxyOff,
                    crate::config::toolchain::not_available(target, os, arch),
                );
            }
            // go sends nothing to a plain-http entry with credentials; with `,` (or nothing)
            // after it, that is the end of the download.
            let real_steps = tp
                .route
                .iter()
                .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
                .count();
            if let Some(
                step @ Step::Proxy {
                    url, fall_through, ..
                },
            ) = first
                && step.refuses_credentials()
                && (*fall_through == FallThrough::NotFoundOnly || real_steps == 1)
            {
                return fail(
                    Code::HttpInsecureCredentials,
                    format!(
                        "go: download {target}: golang.org/toolchain@{version}: {}",
                        crate::plan::goerror::refused_credentials(url)
                    ),
                );
            }
            if tp.sumdb_required {
                match &plan.sumdb {
                    Ok(SumDbSetting::Off) => {
                        return fail(
                            Code::ToolchainNeedsSumdb,
                            format!(
                                "go: download {target}: golang.org/toolchain@{version}: verifying module: checksum database disabled by GOSUMDB=off"
                            ),
                        );
                    }
                    Err(e) => {
                        return fail(
                            Code::GosumdbMalformed,
                            format!(
                                "go: download {target}: golang.org/toolchain@{version}: verifying module: {e}"
                            ),
                        );
                    }
                    _ => {}
                }
            }
            let via = match first {
                Some(Step::Proxy { proxy, .. }) => Some(crate::redact::redact_urls(proxy)),
                Some(Step::Direct(_)) => Some("direct".into()),
                _ => None,
            };
            (
                Some(out(true, Some(target.clone()), Predicted::Ok, via, None)),
                None,
            )
        }
    }
}

/// `module@version` as go names it, or the bare path for a query.
pub(crate) fn label(m: &crate::plan::ModulePlan) -> String {
    match &m.version {
        Some(v) => format!("{}@{v}", m.module),
        None => m.module.clone(),
    }
}

/// What go prints before an error loading `m`'s go.mod: in a pruned module graph, the
/// requirements that lead to a module go.mod does not name (`go: a@v1.0.0 requires\n\t`), then
/// the module. Verified with go1.19 and go1.27; below go 1.17 go stats the build list instead
/// and names the module alone.
pub(crate) fn load_error_prefix(plan: &crate::plan::Plan, m: &crate::plan::ModulePlan) -> String {
    let mut s = String::from("go: ");
    if plan
        .graph
        .is_some_and(|r| r.main_pruned && !r.downloads_selected)
    {
        for r in &m.required_by {
            s.push_str(&format!("{r} requires\n\t"));
        }
    }
    s.push_str(&format!("{}: ", label(m)));
    s
}

/// Config problems that stop every go command before any lookup: (code, go's message).
pub fn fatal_config_error(cfg: &Config) -> Option<(Code, String)> {
    // base.InitGOFLAGS runs before modload looks at GO111MODULE (both gos: GOFLAGS=foo with
    // GO111MODULE=bogus is the GOFLAGS error).
    // The installed go's own verdict, when there is one: it knows every flag of every command.
    if let Some(e) = &cfg.go.goflags_error {
        return Some((Code::GoflagsMalformed, e.clone()));
    }
    let flags = GoFlags::parse(cfg.get("GOFLAGS"), cfg.rules_version.at_least(1, 21));
    if let Some(e) = &flags.parse_error {
        return Some((Code::GoflagsMalformed, format!("go: parsing $GOFLAGS: {e}")));
    }
    if let Some(f) = flags.non_flags.first() {
        return Some((
            Code::GoflagsMalformed,
            format!(
                "go: parsing $GOFLAGS: non-flag {}",
                crate::config::gourl::go_quote(f)
            ),
        ));
    }
    match cfg.get("GO111MODULE") {
        "off" => {
            return Some((
                Code::Go111moduleOff,
                "go: modules disabled by GO111MODULE=off; see 'go help modules'".into(),
            ));
        }
        "" | "on" | "auto" => {}
        v => {
            return Some((
                Code::Go111moduleInvalid,
                format!("go: unknown environment setting GO111MODULE={v}"),
            ));
        }
    }
    // Go before 1.21 cannot parse what newer go.mod files say (docs/go/toolchains.md Part 2).
    if let Some(m) = cfg
        .project
        .gomod
        .as_ref()
        .filter(|_| !cfg.rules_version.at_least(1, 21))
    {
        let problem = crate::config::golines::problems(
            m,
            crate::config::golines::Mode::Strict,
            &cfg.rules_version,
        )
        .into_iter()
        .next();
        if let Some((line, msg)) = problem {
            return Some((
                Code::GoTooOldForGomod,
                format!(
                    "go: errors parsing go.mod:\n{}:{line}: {msg}",
                    m.path.display()
                ),
            ));
        }
    }
    if let Some(m) = &cfg.project.gomod
        && !m.errors.is_empty()
    {
        // Newer go shortens the path relative to the working directory (base.ShortPath);
        // go1.19 prints it absolute.
        let shown = match m.path.strip_prefix(&cfg.dir) {
            Ok(rel) if cfg.rules_version.at_least(1, 21) => rel.display().to_string(),
            _ => m.path.display().to_string(),
        };
        let err = m.first_error(&shown).unwrap_or_default();
        return Some((
            Code::GomodUnparsable,
            format!("go: errors parsing go.mod:\n{err}"),
        ));
    }
    // runGoAuth stops go at its first request (script test goauth_netrc.txt).
    if let Some(e) = crate::config::goauth::refusal(cfg.get("GOAUTH"), &cfg.rules_version) {
        return Some((Code::GoauthInvalid, e));
    }
    None
}

pub fn predict_offline(cfg: &Config, plan: &Plan) -> Outcome {
    let mut root: Option<Code> = None;
    let (toolchain, toolchain_fail) = toolchain_offline(plan);
    // toolchain.Select runs before GOFLAGS and the go.mod parse (cmd/go/main.go), so its
    // failures come first; only "requires go >=" is modload's, after them.
    let fatal = match toolchain_fail {
        Some(t) if t.0 != Code::ToolchainLocalTooOld => Some(t),
        t => fatal_config_error(cfg).or(t),
    };
    let sumdb_error = match &plan.sumdb {
        Err(e) => Some(e.to_string()),
        Ok(_) => None,
    };
    // `go mod download` in a module loads the module graph first and reports proxy errors bare;
    // with explicit arguments (the canary) they carry the module (verified with go1.19, go1.27).
    // A failed go.mod fetch while loading the module graph names the module; a failure after it
    // (a go.mod older than go 1.17 lists `all`; a cached go.mod, then the download) does not.
    let lookup_error = |m: &crate::plan::ModulePlan, e: &dyn std::fmt::Display| {
        if plan.from_gomod && (!plan.reads_mod_first || m.mod_cached) {
            format!("go: {e}")
        } else {
            format!("go: {}: {e}", label(m))
        }
    };
    let mut modules = Vec::new();
    for m in &plan.modules {
        let mut out = ModuleOutcome {
            module: label(m),
            predicted: Predicted::Ok,
            via: None,
            error: None,
            facts: ModuleFacts::default(),
        };
        if let Some((code, msg)) = &fatal {
            out.predicted = Predicted::Fail;
            out.error = Some(msg.clone());
            root.get_or_insert(*code);
        } else if let Err(e) = &plan.proxy_list {
            out.predicted = Predicted::Fail;
            out.error = Some(lookup_error(m, e));
            root.get_or_insert(Code::GoproxyMalformed);
        } else {
            let steps: Vec<&Step> = m
                .route
                .iter()
                .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
                .collect();
            for (i, step) in steps.iter().enumerate() {
                match step {
                    Step::Skipped { .. } | Step::NotFollowed { .. } => continue,
                    // go sends nothing there: the entry fails whatever the network does.
                    Step::Proxy {
                        proxy,
                        fall_through,
                        ..
                    } if step.refuses_credentials() => {
                        if *fall_through == FallThrough::AnyError && i + 1 < steps.len() {
                            continue;
                        }
                        let url = super::observe::go_module_url(proxy, m, plan.reads_mod_first);
                        out.predicted = Predicted::Fail;
                        // go names the module here, whatever it was loading (go1.19, go1.27).
                        out.error = Some(format!(
                            "go: {}: {}",
                            label(m),
                            crate::plan::goerror::refused_credentials(&url)
                        ));
                        root.get_or_insert(Code::HttpInsecureCredentials);
                    }
                    Step::Proxy { proxy, .. } => out.via = Some(crate::redact::redact_urls(proxy)),
                    Step::Direct(d) => {
                        out.via = Some("direct".into());
                        if let Some(refusal) = &d.govcs {
                            out.predicted = Predicted::Fail;
                            out.error = Some(format!("go: {}: {}", label(m), refusal.error()));
                            root.get_or_insert(govcs_code(refusal));
                        }
                    }
                    Step::Off => {
                        out.predicted = Predicted::Fail;
                        out.error = Some(lookup_error(m, &"module lookup disabled by GOPROXY=off"));
                        root.get_or_insert(Code::GoproxyOff);
                    }
                }
                break;
            }
            if out.predicted == Predicted::Ok
                && m.needs_sumdb
                && let Some(e) = &sumdb_error
            {
                out.predicted = Predicted::Fail;
                // go checks the go.mod hash before the zip's, so that is the first failure.
                out.error = Some(format!("go: {}: verifying go.mod: {e}", label(m)));
                root.get_or_insert(Code::GosumdbMalformed);
            }
        }
        modules.push(out);
    }
    let needs_sumdb = plan.modules.iter().any(|m| m.needs_sumdb);
    let sumdb = match (&plan.sumdb, needs_sumdb) {
        (_, false) | (Ok(SumDbSetting::Off), _) => SumdbOutcome {
            predicted: Predicted::Ok,
            via: None,
        },
        (Err(_), true) => SumdbOutcome {
            predicted: Predicted::Fail,
            via: None,
        },
        (Ok(SumDbSetting::Db(_)), true) => SumdbOutcome {
            predicted: Predicted::Ok,
            // Offline, the first proxy asked is assumed to support it.
            via: plan.sumdb_route.first().map(|s| match s {
                SumdbStep::ViaProxy { proxy, .. } => crate::redact::redact_urls(proxy),
                SumdbStep::Direct { url, .. } => crate::redact::redact_urls(url),
            }),
        },
    };
    if let Some((code, _)) = &fatal {
        // Fatal before any lookup, even when there is no module to plan.
        root.get_or_insert(*code);
    }
    let failed = fatal.is_some()
        || modules.iter().any(|m| m.predicted == Predicted::Fail)
        || sumdb.predicted == Predicted::Fail;
    Outcome {
        predicted: if failed {
            Predicted::Fail
        } else {
            Predicted::Ok
        },
        modules,
        sumdb,
        assumes_network_ok: true,
        toolchain,
        root_cause_code: if failed { root } else { None },
        imports: Vec::new(),
    }
}

/// The code of go's GOVCS refusal.
pub(crate) fn govcs_code(refusal: &crate::plan::govcs::GovcsRefusal) -> Code {
    match refusal {
        crate::plan::govcs::GovcsRefusal::Disallowed { .. } => Code::GovcsDisallowed,
        crate::plan::govcs::GovcsRefusal::Malformed(_) => Code::GovcsMalformed,
    }
}
