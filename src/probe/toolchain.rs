//! What a toolchain switch in the middle of a command depends on, read back from the probes
//! (go-toolchains.md §5): the go lines of the required modules' go.mod files, the first
//! `golang.org/toolchain/@v/list` go would get along its GOPROXY route, and the release go picks
//! from it. The probe engine uses these to decide what to probe next; diagnosis to predict.

use serde_json::Value;

use super::{LayerName, Role, Target};
use crate::config::toolchain::{self, Gover};
use crate::plan::{MidCommandPlan, Step};
use crate::redact::redact_urls;

/// The dependency whose go line makes go's module loading fail with a `TooNewError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooNew {
    /// `example.com/dep@v1.0.0`.
    pub label: String,
    /// The dependency's go line.
    pub need: Gover,
}

impl TooNew {
    /// `TooNewError.What` for a module: `module example.com/dep@v1.0.0`.
    pub fn what(&self) -> String {
        format!("module {}", self.label)
    }
}

/// go lines the probes read: (module@version, go line). The module cache's are in the plan.
pub fn go_lines(targets: &[Target]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in targets.iter().filter(|t| t.role == Role::Proxy) {
        let Some(mods) = t
            .layer(LayerName::Http)
            .and_then(|h| h.detail.get("go_mods"))
            .and_then(Value::as_array)
        else {
            continue;
        };
        for m in mods {
            let s = |k: &str| m.get(k).and_then(Value::as_str);
            if let (Some(module), Some(version), Some(go)) = (s("module"), s("version"), s("go")) {
                out.push((format!("{module}@{version}"), go.to_owned()));
            }
        }
    }
    out
}

/// The `TooNewError` go's Switcher keeps: the highest go line at or above 1.21 that is newer
/// than the running go (ties: the smaller name), as `rawGoModSummary` and `addTooNew` decide.
pub fn too_new(mc: &MidCommandPlan, targets: &[Target]) -> Option<TooNew> {
    let local = Gover::parse(&mc.local)?;
    let strict = Gover::parse("1.21")?;
    let mut best: Option<TooNew> = None;
    let cached = mc.deps.iter().filter_map(|d| {
        d.cached_go
            .as_ref()
            .map(|g| (format!("{}@{}", d.module, d.version), g.clone()))
    });
    for (label, go) in go_lines(targets).into_iter().chain(cached) {
        let Some(need) = Gover::parse(&go) else {
            continue;
        };
        if need < strict || need <= local {
            continue;
        }
        let better = match &best {
            None => true,
            Some(b) => need > b.need || (need == b.need && label < b.label),
        };
        if better {
            best = Some(TooNew { label, need });
        }
    }
    best
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

/// The list lines a target got, when it answered with a version list.
pub fn list_of(t: &Target) -> Option<Vec<String>> {
    if !t.ok() {
        return None;
    }
    let list = t.layer(LayerName::Http)?.detail.get("list")?.as_array()?;
    Some(
        list.iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
    )
}

/// The versions go would choose from: in auto mode the first list served along the route
/// (go only gets one when every entry before it fell through), in path mode the `go1.*`
/// programs on PATH.
pub fn candidates(mc: &MidCommandPlan, targets: &[Target]) -> Option<Vec<Gover>> {
    let local = Gover::parse(&mc.local)?;
    match mc.mode {
        "path" => {
            let mut v: Vec<Gover> = mc
                .on_path
                .iter()
                .filter_map(|n| toolchain::from_toolchain(n))
                .collect();
            v.sort();
            v.dedup();
            Some(v)
        }
        "auto" => mc
            .list_route
            .iter()
            .filter_map(|s| list_target(targets, s))
            .find_map(list_of)
            .map(|l| toolchain::listed_versions(&l.join("\n"), &local)),
        _ => None,
    }
}

/// The toolchain go switches to (`go1.99.1`), when a dependency needs one and go can find it.
pub fn pick(mc: &MidCommandPlan, targets: &[Target]) -> Option<String> {
    let need = too_new(mc, targets)?;
    toolchain::newer_toolchain(&need.need, &candidates(mc, targets)?).ok()
}
