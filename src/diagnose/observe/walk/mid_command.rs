//! A switch in the middle of `go mod download` (docs/go/toolchains.md §5): loading the module
//! graph, go meets a dependency whose go line needs a newer go than the one running.
//! GOTOOLCHAIN=local fails with the dependency's error; auto lists `golang.org/toolchain` along
//! GOPROXY, picks a release and downloads it as at startup; path looks in PATH. Online over the
//! probes, or offline from go.mod files already in the module cache.

use super::super::words::two_ways;
use super::toolchain::{ListWalk, walk_toolchain_download, walk_toolchain_list};
use super::{Stopped, not_followed};
use crate::config::Config;
use crate::config::toolchain::{self, Gover, Mode};
use crate::diagnose::predict::{self, Outcome, Predicted};
use crate::diagnose::remedy::set_go_env;
use crate::diagnose::{Code, config_rules::DEFAULT_GOPROXY};
use crate::diagnose::{Finding, Remedy};
use crate::i18n::Arg;
use crate::plan::{Plan, Step};
use crate::probe::Target;
use crate::text;

/// The switch over the observations (none: offline). Sets `outcome.toolchain`; on failure
/// returns go's error and the finding that explains it.
pub(in super::super) fn walk_mid_command(
    cfg: &Config,
    targets: &[Target],
    plan: &Plan,
    outcome: &mut Outcome,
) -> Option<Stopped> {
    let tp = plan.toolchain.as_ref()?;
    let mc = tp.mid_command.as_ref()?;
    let tn = crate::probe::toolchain::too_new(mc, targets)?;
    let local = Gover::parse(&mc.local)?;
    let need = tn.need.to_string();
    let too_new = format!(
        "{}{}",
        tn.go_prefix(),
        toolchain::dependency_too_new(
            &tn.what(),
            &tn.need,
            &local,
            &mc.gotoolchain,
            mc.lines.as_ref()
        )
    );
    let mut tc = predict::ToolchainOutcome {
        needed: true,
        target: None,
        predicted: Predicted::Ok,
        via: None,
        error: None,
        path: None,
        required_by: Some(predict::RequiredBy {
            module: tn.label.clone(),
            go: need.clone(),
        }),
    };
    let result = (|| {
        let failed = |f: Finding, error: String| {
            Some(Stopped {
                root: Some(f),
                error: Some(error),
            })
        };
        let switching = |e: &str| format!("{too_new}\ngo: switching to go >= {need}: {e}");
        // What Chinese says of a toolchain go cannot find, whatever English names.
        let unavailable = |target: String| text!("finding-toolchain-unavailable", target = target);
        let not_in_path =
            |target: String| text!("finding-toolchain-not-in-path-mid-command", target = target);
        let list_failure = match mc.mode {
            Mode::Auto => match walk_toolchain_list(targets, &mc.list_route) {
                ListWalk::Served => None,
                ListWalk::Failed(f, e) => Some((f, e)),
                // go asks entries godoctor did not probe for the list: what it does is not known.
                ListWalk::NotFollowed(entries) => {
                    return Some(Stopped {
                        root: Some(not_followed("toolchain", "golang.org/toolchain", entries)),
                        error: None,
                    });
                }
            },
            Mode::Path => None,
            Mode::Local => {
                let terse = text!(
                    "finding-toolchain-dependency-too-new-terse",
                    module = tn.label.clone(),
                    need = need.clone(),
                    gotoolchain = mc.gotoolchain.clone(),
                    local = local.to_string(),
                );
                let explained = text!(
                    "finding-toolchain-dependency-too-new",
                    module = tn.label.clone(),
                    need = need.clone(),
                );
                let f = Finding::of(Code::ToolchainDependencyTooNew, two_ways(terse, explained))
                    .param("module", tn.label.clone())
                    .param("need", need.clone())
                    .fixes(set_go_env(
                        cfg,
                        "GOTOOLCHAIN",
                        "auto",
                        text!("remedy-download-needed-toolchain"),
                    ))
                    .fix(Remedy::note(text!("remedy-or-install-release")));
                return failed(f, too_new.clone());
            }
        };
        let proxy_off = matches!(
            mc.list_route
                .iter()
                .find(|s| !matches!(s, Step::Skipped { .. })),
            Some(Step::Off)
        );
        if let Some((f, e)) = list_failure {
            let f = match f {
                Some(f) => f.told(),
                // Settings alone: the same finding (and fix) as the configuration rule's.
                None if proxy_off => {
                    let terse = text!(
                        "finding-goproxy-off-toolchain-terse",
                        module = tn.label.clone(),
                        need = need.clone(),
                    );
                    let explained = text!("finding-goproxy-off-toolchain");
                    Finding::of(Code::GoproxyOff, two_ways(terse, explained)).fixes(set_go_env(
                        cfg,
                        "GOPROXY",
                        DEFAULT_GOPROXY,
                        text!("remedy-let-go-download"),
                    ))
                }
                None => {
                    let terse = text!(
                        "finding-toolchain-unavailable-list-terse",
                        module = tn.label.clone(),
                        need = need.clone(),
                    );
                    let target = format!("go >= {need}");
                    Finding::of(
                        Code::ToolchainUnavailable,
                        two_ways(terse, unavailable(target.clone())),
                    )
                    .param("target", target)
                    .fix(Remedy::note(text!("remedy-install-needed-release")))
                }
            };
            return failed(f, switching(&e));
        }
        let Some(candidates) = crate::probe::toolchain::candidates(mc, targets) else {
            // Nothing probed the list: offline assumptions apply.
            return None;
        };
        let name = match toolchain::newer_toolchain(&tn.need, &candidates) {
            Ok(n) => n,
            Err(e) => {
                let target = format!("go >= {need}");
                let f = if mc.mode == Mode::Path {
                    let terse = text!(
                        "finding-toolchain-not-in-path-none-terse",
                        module = tn.label.clone(),
                        need = need.clone(),
                        gotoolchain = mc.gotoolchain.clone(),
                    );
                    Finding::of(
                        Code::ToolchainNotInPath,
                        two_ways(terse, not_in_path(target.clone())),
                    )
                } else {
                    let terse = text!(
                        "finding-toolchain-unavailable-no-release-terse",
                        module = tn.label.clone(),
                        need = need.clone(),
                    );
                    Finding::of(
                        Code::ToolchainUnavailable,
                        two_ways(terse, unavailable(target.clone())),
                    )
                    .fix(Remedy::note(text!("remedy-install-needed-release")))
                }
                .param("target", target);
                return failed(f, switching(&e));
            }
        };
        // Each switch: PATH first, else the download along the route. The new go loads the
        // module graph again, and a dependency that needs still more makes it switch once
        // more, from the same list (at most a few times).
        let mut log = String::new();
        let mut step = (tn.clone(), name);
        for _ in 0..8 {
            let (why, name) = &step;
            log.push_str(&format!(
                "go: {} requires go >= {}; switching to {name}\n",
                why.what(),
                why.need
            ));
            tc.target = Some(name.clone());
            tc.via = None;
            tc.path = None;
            if let Some(p) = cfg.env.look_path_absolute(name) {
                tc.via = Some("PATH".into());
                tc.path = Some(p.display().to_string());
            } else if mc.mode == Mode::Path {
                // Counted from a PATH listing, but exec.LookPath does not find that name.
                let terse = text!(
                    "finding-toolchain-not-in-path-cannot-run-terse",
                    module = why.label.clone(),
                    need = why.need.to_string(),
                    name = name.clone(),
                );
                let f = Finding::of(
                    Code::ToolchainNotInPath,
                    two_ways(terse, not_in_path(name.clone())),
                )
                .param("target", name.clone());
                return failed(f, format!("{log}go: cannot find \"{name}\" in PATH"));
            } else {
                let version = toolchain::module_version(name);
                let route = mc.zip_route(&version);
                if let Some(stopped) = walk_toolchain_download(
                    cfg,
                    targets,
                    plan,
                    &route,
                    (name, &version),
                    tp.sumdb_required,
                    &mut tc,
                ) {
                    return Some(Stopped {
                        error: stopped.error.map(|e| format!("{log}{e}")),
                        ..stopped
                    });
                }
            }
            let running = toolchain::from_toolchain(name)?;
            let Some(next) = crate::probe::toolchain::too_new_for(mc, targets, &running) else {
                break;
            };
            match toolchain::newer_toolchain(&next.need, &candidates) {
                Ok(n) if Some(&n) != tc.target.as_ref() => step = (next, n),
                Ok(_) => break,
                Err(e) => {
                    let terse = text!(
                        "finding-toolchain-unavailable-next-terse",
                        module = next.label.clone(),
                        need = next.need.to_string(),
                    );
                    let target = format!("go >= {}", next.need);
                    let f = Finding::of(
                        Code::ToolchainUnavailable,
                        two_ways(terse, unavailable(target.clone())),
                    )
                    .param("target", target);
                    let child = toolchain::dependency_too_new(
                        &next.what(),
                        &next.need,
                        &running,
                        &mc.gotoolchain,
                        None,
                    );
                    return failed(
                        f,
                        format!(
                            "{log}{}{child}\ngo: switching to go >= {}: {e}",
                            next.go_prefix(),
                            next.need
                        ),
                    );
                }
            }
        }
        None
    })();
    if let Some(stopped) = &result {
        tc.predicted = Predicted::Fail;
        tc.error = stopped.error.clone();
    }
    outcome.toolchain = Some(tc);
    result
}

/// The switch go makes in the middle of the command, when it succeeds (or is assumed to).
pub(in super::super) fn mid_command_switch(outcome: &Outcome) -> Option<Finding> {
    let tc = outcome
        .toolchain
        .as_ref()
        .filter(|t| t.predicted == Predicted::Ok)?;
    let by = tc.required_by.as_ref()?;
    let module = by.module.clone();
    let need = by.go.clone();
    let to: Arg = match &tc.target {
        Some(t) => t.clone().into(),
        None => text!("finding-toolchain-picked-release").into(),
    };
    let via: Arg = match &tc.via {
        Some(v) => text!("finding-via", via = v).into(),
        None => Arg::Str(String::new()),
    };
    let terse = text!(
        "finding-toolchain-mid-command-switch-terse",
        module = module.clone(),
        need = need.clone(),
        to = to,
        via = via,
    );
    let explained = match &tc.target {
        Some(t) => text!(
            "finding-toolchain-mid-command-switch",
            module = module.clone(),
            need = need.clone(),
            target = t,
        ),
        None => text!(
            "finding-toolchain-mid-command-switch-picked",
            module = module.clone(),
            need = need.clone(),
        ),
    };
    let mut f = Finding::of(Code::ToolchainMidCommandSwitch, two_ways(terse, explained))
        .param("module", module)
        .param("need", need);
    if let Some(t) = &tc.target {
        f = f.param("target", t.clone());
    }
    Some(f)
}

/// go gets as far as loading the module graph, where a dependency's go line counts: the startup
/// switch (if any) worked, no setting stopped go first, and go.mod files verify. Failures of the
/// later downloads (GOPROXY=off included) come after it. The one rule, online and offline.
pub(in super::super) fn loads_module_graph(cfg: &Config, plan: &Plan, outcome: &Outcome) -> bool {
    outcome
        .toolchain
        .as_ref()
        .is_none_or(|t| t.predicted == Predicted::Ok)
        && outcome.sumdb.predicted == Predicted::Ok
        && predict::fatal_config_error(cfg).is_none()
        && plan.proxy_list.is_ok()
}

/// A mid-command switch from what is known without the network: go lines of go.mod files
/// already in the module cache, GOTOOLCHAIN, PATH. Returns the findings to add.
pub fn mid_command_offline(cfg: &Config, plan: &Plan, outcome: &mut Outcome) -> Vec<Finding> {
    if !loads_module_graph(cfg, plan, outcome) {
        return Vec::new();
    }
    match walk_mid_command(cfg, &[], plan, outcome) {
        Some(Stopped { root, error }) => {
            for m in &mut outcome.modules {
                m.predicted = Predicted::Fail;
                m.error = error.clone();
            }
            outcome.predicted = Predicted::Fail;
            outcome.root_cause_code = root.as_ref().map(|f| f.code);
            root.into_iter().collect()
        }
        None => mid_command_switch(outcome).into_iter().collect(),
    }
}
