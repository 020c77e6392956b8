//! What a toolchain switch in the middle of a command depends on, read back from the probes
//! (docs/go/toolchains.md §5): the go lines of the required modules' go.mod files, the first
//! `golang.org/toolchain/@v/list` go would get along its GOPROXY route, and the release go picks
//! from it. The probe engine uses these to decide what to probe next; diagnosis to predict.

use super::{LayerName, Role, Target};
use crate::config::goproxy::FallThrough;
use crate::config::toolchain::{self, Gover, Mode};
use crate::plan::{MidCommandPlan, Step};
use crate::redact::redact_urls;

/// The dependency whose go line makes go's module loading fail with a `TooNewError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooNew {
    /// `example.com/dep@v1.0.0`.
    pub label: String,
    /// What go read the go line from when it is not the module itself: a replacement
    /// (`./lib`, `example.com/fork@v1.2.0`).
    pub replaced_by: Option<String>,
    /// The dependency's go line.
    pub need: Gover,
    /// The modules that lead to it in the graph (empty: one of go.mod's requirements).
    pub required_by: Vec<String>,
}

impl TooNew {
    /// What go prints before the error: `go: a@v1 requires\n\tthis@v1: `, or `go: this@v1: `.
    pub fn go_prefix(&self) -> String {
        let mut s = String::from("go: ");
        for r in &self.required_by {
            s.push_str(&format!("{r} requires\n\t"));
        }
        s.push_str(&format!("{}: ", self.label));
        s
    }

    /// `TooNewError.What`: `module example.com/dep@v1.0.0`, or the replacement's name.
    pub fn what(&self) -> String {
        format!(
            "module {}",
            self.replaced_by.as_deref().unwrap_or(&self.label)
        )
    }
}

/// What reading a required module's go.mod came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoModRead {
    /// Its go line (empty: none).
    Go(String),
    /// The proxy answered with this status.
    Failed(u16),
}

/// The go.mod reads the probes made, and those the module cache answered (in the plan), by
/// `(module, version)`.
pub fn go_mod_reads(
    mc: &MidCommandPlan,
    targets: &[Target],
) -> std::collections::BTreeMap<(String, String), GoModRead> {
    let mut out = std::collections::BTreeMap::new();
    for t in targets.iter().filter(|t| t.role == Role::Proxy) {
        let Some(mods) = t
            .layer(LayerName::Http)
            .and_then(|h| h.detail.as_http()?.go_mods.as_ref())
        else {
            continue;
        };
        for m in mods {
            // No answer at all (the connection, the deadline): not read, as far as go goes.
            let read = match m.status {
                Some(200) => GoModRead::Go(m.go.clone().flatten().unwrap_or_default()),
                Some(status) => GoModRead::Failed(status),
                None => continue,
            };
            out.insert((m.module.clone(), m.version.clone()), read);
        }
    }
    for d in &mc.deps {
        if let Some(go) = &d.cached_go {
            out.insert(
                (d.module.clone(), d.version.clone()),
                GoModRead::Go(go.clone()),
            );
        }
    }
    out
}

/// The `TooNewError` loading the module graph ends with when `running` runs it: go visits the
/// requirements in module order (`gover.ModSort`, breadth first) and stops at the first module
/// whose go.mod fails to load, so the first go line at or above 1.21 newer than `running`
/// decides — unless an earlier go.mod could not be read, which is then go's error instead
/// (None). go.mod files godoctor did not read are passed over.
pub fn too_new_for(mc: &MidCommandPlan, targets: &[Target], running: &Gover) -> Option<TooNew> {
    let strict = Gover::parse("1.21")?;
    let reads = go_mod_reads(mc, targets);
    let mut deps: Vec<&crate::plan::DepGoMod> = mc.deps.iter().collect();
    deps.sort_by(|a, b| {
        (!a.required_by.is_empty())
            .cmp(&!b.required_by.is_empty())
            .then_with(|| module_order(a, b))
    });
    for d in deps {
        match reads.get(&(d.module.clone(), d.version.clone())) {
            Some(GoModRead::Go(go)) => {
                if let Some(need) = Gover::parse(go)
                    && need >= strict
                    && need > *running
                {
                    return Some(TooNew {
                        label: format!("{}@{}", d.module, d.version),
                        replaced_by: d.replaced_by.clone(),
                        required_by: d.required_by.clone(),
                        need,
                    });
                }
            }
            // go moves on to the next GOPROXY entry (404/410 after `,`, anything after `|`),
            // where godoctor did not look: not read. Anything else stops go right there.
            Some(GoModRead::Failed(status)) => {
                let moves_on = match d.fallback {
                    Some(FallThrough::AnyError) => true,
                    Some(FallThrough::NotFoundOnly) => matches!(status, 404 | 410),
                    None => false,
                };
                if !moves_on {
                    return None;
                }
            }
            None => {}
        }
    }
    None
}

/// `mc` with the go.mod files the module graph walk read beyond go.mod's requirements: in a
/// pruned graph go checks their go lines while it loads it, like the requirements' (below go
/// 1.17 it does not: verified with go1.27). Depth is not kept: they count after every
/// requirement, in module order.
pub fn with_graph_go_lines(
    mc: &MidCommandPlan,
    rules: Option<crate::plan::graph::GraphRules>,
    graph: &[crate::plan::ModulePlan],
    walks: &[super::modules::ModuleWalk],
) -> MidCommandPlan {
    let mut mc = mc.clone();
    if !rules.is_some_and(|r| r.main_pruned && !r.downloads_selected) {
        return mc;
    }
    for m in graph {
        let Some(version) = m.version.as_deref() else {
            continue;
        };
        let known = |d: &crate::plan::DepGoMod| d.module == m.module && d.version == version;
        if mc.deps.iter().any(known) {
            continue;
        }
        let Some(served) = walks
            .iter()
            .filter(|w| w.module == m.module && w.version == version)
            .find_map(super::modules::ModuleWalk::served_go_mod)
        else {
            continue;
        };
        mc.deps.push(crate::plan::DepGoMod {
            module: m.module.clone(),
            version: version.to_owned(),
            replaced_by: None,
            url: None,
            // Read already, as a module cache answers it.
            cached_go: Some(served.go.clone().unwrap_or_default()),
            fallback: None,
            required_by: m.required_by.clone(),
        });
    }
    mc
}

/// The `TooNewError` of the go that starts the command.
pub fn too_new(mc: &MidCommandPlan, targets: &[Target]) -> Option<TooNew> {
    too_new_for(mc, targets, &Gover::parse(&mc.local)?)
}

/// `gover.ModSort` among requirements: by path, then version.
pub fn module_order(a: &crate::plan::DepGoMod, b: &crate::plan::DepGoMod) -> std::cmp::Ordering {
    a.module
        .cmp(&b.module)
        .then_with(|| semver_order(&a.version, &b.version))
}

/// Versions of one module in semver order (enough for `gover.ModSort` among requirements).
fn semver_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |v: &str| -> (Vec<u64>, bool, String) {
        let v = v.trim_start_matches('v');
        let (core, pre) = match v.split_once('-') {
            Some((c, p)) => (c, p.to_owned()),
            None => (v.split('+').next().unwrap_or(v), String::new()),
        };
        let nums = core.split('.').map(|n| n.parse().unwrap_or(0)).collect();
        (nums, pre.is_empty(), pre)
    };
    key(a).cmp(&key(b))
}

/// The toolchain-list probe for a step of the list route.
pub fn list_target<'a>(targets: &'a [Target], step: &Step) -> Option<&'a Target> {
    let url = match step {
        Step::Proxy { url, .. } => url,
        Step::Direct(d) => &d.repo_url,
        _ => return None,
    };
    let red = redact_urls(url);
    targets
        .iter()
        .find(|t| t.role == Role::Toolchain && t.url == red)
}

/// The releases (`1.99.0`, every platform merged) a list probe got, when it was answered.
pub fn list_of(t: &Target) -> Option<Vec<String>> {
    if !t.ok() {
        return None;
    }
    t.layer(LayerName::Http)?
        .detail
        .as_http()?
        .go_versions
        .clone()
}

/// The versions go would choose from: in auto mode the first list served along the route
/// (go only gets one when every entry before it fell through), in path mode the `go1.*`
/// programs on PATH.
pub fn candidates(mc: &MidCommandPlan, targets: &[Target]) -> Option<Vec<Gover>> {
    let local = Gover::parse(&mc.local)?;
    match mc.mode {
        Mode::Path => {
            let mut v: Vec<Gover> = mc
                .on_path
                .iter()
                .filter_map(|n| toolchain::from_toolchain(n))
                .collect();
            v.sort();
            v.dedup();
            Some(v)
        }
        Mode::Auto => {
            let served = first_list(mc, targets)?;
            Some(toolchain::with_local(
                served.iter().map(String::as_str),
                &local,
            ))
        }
        _ => None,
    }
}

/// The list go gets: entries are tried in order, moving on after a 404/410 (`,`) or any
/// failure (`|`); None when go gets none, or when it depends on an entry not probed.
fn first_list(mc: &MidCommandPlan, targets: &[Target]) -> Option<Vec<String>> {
    for step in mc
        .list_route
        .iter()
        .filter(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
    {
        let fall_through = match step {
            Step::Proxy { fall_through, .. } => *fall_through,
            Step::Direct(d) => {
                // A failed go-get discovery ends the walk.
                let discovery = d.discovery_url.as_deref().map(redact_urls);
                if targets.iter().any(|t| {
                    t.role == Role::Toolchain
                        && Some(&t.url) == discovery.as_ref()
                        && t.first_failure().is_some()
                }) {
                    return None;
                }
                return list_target(targets, step).and_then(list_of);
            }
            _ => return None,
        };
        let t = list_target(targets, step)?;
        if let Some(list) = list_of(t) {
            return Some(list);
        }
        let not_found = t
            .first_failure()
            .is_some_and(|l| l.kind().is_some_and(super::ProbeError::is_not_found));
        if !(not_found || fall_through == FallThrough::AnyError) {
            return None;
        }
    }
    None
}

/// The toolchains go switches to, in order (`go1.98.5`, then `go1.99.1` when another dependency
/// needs more than the first): each new go loads the module graph again.
pub fn chain(mc: &MidCommandPlan, targets: &[Target]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (Some(list), Some(mut running)) = (candidates(mc, targets), Gover::parse(&mc.local)) else {
        return out;
    };
    while out.len() < 8 {
        let Some(need) = too_new_for(mc, targets, &running) else {
            break;
        };
        let Ok(name) = toolchain::newer_toolchain(&need.need, &list) else {
            break;
        };
        match toolchain::from_toolchain(&name) {
            Some(v) if !out.contains(&name) => running = v,
            _ => break,
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::DepGoMod;

    fn dep(module: &str, version: &str, go: Option<&str>) -> DepGoMod {
        DepGoMod {
            required_by: Vec::new(),
            module: module.into(),
            version: version.into(),
            replaced_by: None,
            url: None,
            cached_go: go.map(Into::into),
            fallback: None,
        }
    }

    fn plan(deps: Vec<DepGoMod>) -> MidCommandPlan {
        MidCommandPlan {
            mode: Mode::Auto,
            local: "1.27.3".into(),
            gotoolchain: "auto".into(),
            lines: None,
            deps,
            list_route: Vec::new(),
            on_path: Vec::new(),
        }
    }

    #[test]
    fn the_first_module_in_order_decides_not_the_highest_go_line() {
        // mvs FindPath over roots in gover.ModSort order: b sorts after a.
        let mc = plan(vec![
            dep("b.example/y", "v1.0.0", Some("1.99")),
            dep("a.example/x", "v1.0.0", Some("1.98")),
            dep("a.example/old", "v1.0.0", Some("1.20")),
        ]);
        let t = too_new(&mc, &[]).unwrap();
        assert_eq!(t.label, "a.example/x@v1.0.0");
        assert_eq!(t.need.to_string(), "1.98");
        // Run by go1.98.x, the next one stops it.
        let t = too_new_for(&mc, &[], &Gover::parse("1.98.5").unwrap()).unwrap();
        assert_eq!(t.label, "b.example/y@v1.0.0");
        // A replacement names itself in go's error.
        let mut r = dep("c.example/z", "v1.0.0", Some("1.99"));
        r.replaced_by = Some("./z".into());
        let t = too_new(&plan(vec![r]), &[]).unwrap();
        assert_eq!(t.what(), "module ./z");
        assert_eq!(t.label, "c.example/z@v1.0.0");
        assert!(semver_order("v1.10.0", "v1.9.0").is_gt());
        assert!(semver_order("v1.0.0-rc.1", "v1.0.0").is_lt());
    }
}
