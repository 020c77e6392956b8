//! go's toolchain plan: the startup switch (`toolchain.Select`) and its download route, and
//! the switch in the middle of a command (docs/go/toolchains.md §3, §5–§7).

use super::*;

pub(super) fn toolchain_plan(cfg: &Config, list: Option<&ProxyList>) -> Option<ToolchainPlan> {
    use crate::config::toolchain::{self, Decision, Lines};
    // modload.WillBeEnabled: only "on", "" and "auto" (with a go.mod) select toolchains.
    let go111 = cfg.get("GO111MODULE");
    if !cfg.rules_version.at_least(1, 21) || !matches!(go111, "on" | "" | "auto") {
        return None;
    }
    // gover.Local(): the running go's own name, release candidates included (go1.21rc2 is
    // older than go1.21.0).
    let local = toolchain::from_toolchain(&cfg.rules_version.to_string())?;
    let project = &cfg.project;
    let (file, m) = match (&project.gowork, &project.gomod) {
        (Some(w), _) => ("go.work", Some(w)),
        (None, Some(m)) => ("go.mod", Some(m)),
        (None, None) => ("go.mod", None),
    };
    if m.is_none() && go111 == "auto" {
        return None;
    }
    let lines = m.map(|m| Lines {
        file: file.to_owned(),
        go: m.go.clone(),
        toolchain: m.toolchain.clone(),
    });
    let decision = toolchain::decide(cfg.get("GOTOOLCHAIN"), &local, lines.as_ref());
    let mut plan = ToolchainPlan {
        decision: decision.clone(),
        module_version: None,
        on_path: None,
        route: Vec::new(),
        sumdb_required: toolchain_sumdb_required(cfg),
        mid_command: None,
    };
    if let Decision::Switch { target, .. } = &decision {
        plan.on_path = cfg
            .env
            .look_path_absolute(target)
            .map(|p| p.display().to_string());
        let version = toolchain::module_version(target);
        plan.route = toolchain_route(cfg, list, &format!("{version}.zip"));
        plan.module_version = Some(version);
    }
    Some(plan)
}

/// go verifies toolchains with the checksum database whatever GOSUMDB and GONOSUMDB say; only a
/// lone `file://` GOPROXY is trusted as is (modfetch/sumdb.go `useSumDB`).
fn toolchain_sumdb_required(cfg: &Config) -> bool {
    let goproxy = cfg.get("GOPROXY");
    !goproxy.starts_with("file://") || goproxy.contains([',', '|'])
}

/// The GOPROXY route for `golang.org/toolchain/@v/<file>` (`<version>.zip` or `list`).
fn toolchain_route(cfg: &Config, list: Option<&ProxyList>, file: &str) -> Vec<Step> {
    let module = "golang.org/toolchain";
    route(
        cfg,
        list,
        module,
        match_prefix_patterns(cfg.get("GONOPROXY"), module),
    )
    .into_iter()
    .map(|step| match step {
        Step::Proxy {
            proxy,
            fall_through,
            ..
        } => proxy_file_step(cfg, &proxy, module, file, fall_through),
        Step::Direct(mut d) => {
            // golang.org/toolchain?go-get=1 names go.dev/dl/mod, a GOPROXY-style base.
            d.discovery_url = Some("https://golang.org/toolchain?go-get=1".into());
            d.repo_url = format!("https://go.dev/dl/mod/golang.org/toolchain/@v/{file}");
            d.git_url = d.repo_url.clone();
            // Fetched over HTTPS by go itself: git's insteadOf rules play no part.
            d.insteadof_origin = None;
            d.git_host = "go.dev".into();
            d.git_port = 443;
            d.git_transport = "https";
            Step::Direct(d)
        }
        other => other,
    })
    .collect()
}

/// What go does when a dependency needs a newer go than the one startup chose to run
/// (`go mod download` without arguments and a go.mod, no workspace).
pub(super) fn mid_command_plan(
    cfg: &Config,
    list: Option<&ProxyList>,
    t: &ToolchainPlan,
    modules: &[ModulePlan],
) -> Option<MidCommandPlan> {
    use crate::config::toolchain::{self, Decision, Lines, Mode};
    if t.decision != Decision::Local || cfg.project.gowork.is_some() {
        return None;
    }
    let m = cfg.project.gomod.as_ref()?;
    let replaces = m.replace_index();
    let cached = |path: &str, version: &str| {
        cfg.project
            .cached_go_lines
            .get(&(path.to_owned(), version.to_owned()))
            .cloned()
    };
    let mut deps: Vec<DepGoMod> = modules
        .iter()
        .filter(|m| m.source == ModuleSource::Require)
        .filter_map(|pm| {
            let version = pm.version.clone()?;
            // goModSummary reads the replacement's go.mod.
            let rep = replaces.get(&pm.module, &version);
            let (path, v) = match rep {
                Some(r) => (
                    r.new.clone(),
                    r.new_version.clone().unwrap_or_else(|| version.clone()),
                ),
                None => (pm.module.clone(), version.clone()),
            };
            let mut steps = pm
                .route
                .iter()
                .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }));
            let (url, fall_through) = match steps.next() {
                Some(Step::Proxy {
                    proxy,
                    fall_through,
                    ..
                }) => (
                    Some(format!(
                        "{}/{}/@v/{}.mod",
                        proxy.trim_end_matches('/'),
                        escape_path(&path),
                        escape_path(&v)
                    )),
                    Some(*fall_through),
                ),
                _ => (None, None),
            };
            // `off` after it only ends the walk with "disabled by GOPROXY=off".
            let fallback =
                fall_through.filter(|_| steps.next().is_some_and(|s| !matches!(s, Step::Off)));
            Some(DepGoMod {
                fallback,
                required_by: Vec::new(),
                cached_go: cached(&pm.module, &version),
                replaced_by: rep.map(|_| format!("{path}@{v}")),
                module: pm.module.clone(),
                version,
                url,
            })
        })
        .collect();
    // Locally replaced modules are not planned (nothing to download), but go reads their
    // go.mod from the directory.
    for r in &m.requires {
        if let Some(rep) = replaces
            .get(&r.path, &r.version)
            .filter(|rep| rep.is_local())
        {
            deps.push(DepGoMod {
                fallback: None,
                required_by: Vec::new(),
                module: r.path.clone(),
                version: r.version.clone(),
                replaced_by: Some(rep.new.clone()),
                url: None,
                cached_go: cached(&r.path, &r.version),
            });
        }
    }
    if deps.is_empty() {
        return None;
    }
    let gotoolchain = cfg.get("GOTOOLCHAIN").to_owned();
    let mode = toolchain::switch_mode(&gotoolchain);
    Some(MidCommandPlan {
        mode,
        local: toolchain::from_toolchain(&cfg.rules_version.to_string())?.to_string(),
        lines: Some(Lines {
            file: "go.mod".into(),
            go: m.go.clone(),
            toolchain: m.toolchain.clone(),
        }),
        gotoolchain,
        deps,
        list_route: if mode == Mode::Auto {
            toolchain_route(cfg, list, "list")
        } else {
            Vec::new()
        },
        on_path: if mode == Mode::Path {
            cfg.env.toolchains_on_path()
        } else {
            Vec::new()
        },
    })
}
