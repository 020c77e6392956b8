//! go's walks (docs/go/semantics.md §1 "Fall-through", "Which error is reported"; §3 "Choosing
//! the URL"; docs/go/toolchains.md §5–§7) over synthetic observations, and the words of what
//! they find in every language.

mod chinese;
mod routes;
pub(crate) mod scenarios;
mod toolchain;

use super::{Observed, predict};
use crate::config::env::Environment;
use crate::config::{Config, LoadOptions};
use crate::plan::Plan;
use crate::probe::LayerResult as L;
use crate::probe::evidence::{GoModFetch, HttpEvidence};
use crate::probe::{
    Evidence, LayerName, ProbeError, Role, Target, TargetContext, ToolchainRequest,
};
use std::time::Duration;

pub(super) fn cfg(pairs: &[(&str, &str)]) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![("HOME", "/nonexistent-home")];
    all.extend_from_slice(pairs);
    Config::load(
        Environment::from_pairs(all),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    )
}

/// A project with this go.mod and these settings (no go on PATH: the current release's rules).
pub(super) fn cfg_with_gomod(gomod: &str, pairs: &[(&str, &str)]) -> Config {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("go.mod"), gomod).unwrap();
    let mut all = vec![("HOME", "/nonexistent-home")];
    all.extend_from_slice(pairs);
    Config::load(
        Environment::from_pairs(all),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    )
}

pub(super) fn plan(cfg: &Config) -> Plan {
    Plan::build(cfg, &["example.com/m@v1.0.0".to_owned()])
}

pub(super) fn ms() -> Duration {
    Duration::from_millis(5)
}

pub(super) fn ok_layers() -> Vec<L> {
    vec![
        L::ok(LayerName::Dns, ms(), Evidence::empty()),
        L::ok(LayerName::Tcp, ms(), Evidence::empty()),
        L::ok(LayerName::Tls, ms(), Evidence::empty()),
        L::ok(LayerName::Http, ms(), HttpEvidence::status(200)),
    ]
}

pub(super) fn failing(kind: impl Into<ProbeError>, status: Option<u16>) -> Vec<L> {
    let kind = kind.into();
    let mut v: Vec<L> = ok_layers()
        .into_iter()
        .take_while(|l| l.layer != kind.layer())
        .collect();
    let detail = status.map_or(Evidence::empty(), |s| HttpEvidence::status(s).into());
    v.push(L::fail(ms(), kind, format!("{kind} happened"), detail));
    v
}

pub(super) fn context(
    proxy: Option<&str>,
    module: &str,
    request: Option<ToolchainRequest>,
) -> Option<TargetContext> {
    Some(TargetContext {
        proxy: proxy.map(str::to_owned),
        module: Some(module.to_owned()),
        request,
        ..TargetContext::default()
    })
}

/// A go.mod the probe read through the proxy: its status and go line.
pub(super) fn go_mod(module: &str, version: &str, status: u16, go: Option<&str>) -> GoModFetch {
    GoModFetch {
        status: Some(status),
        go: go.map(|g| Some(g.to_owned())),
        ..GoModFetch::new(module, version)
    }
}

pub(super) fn set_go_mods(t: &mut Target, mods: Vec<GoModFetch>) {
    t.layers[3].detail.as_http_mut().unwrap().go_mods = Some(mods);
}

pub(super) fn proxy_target(proxy: &str, layers: Vec<L>) -> Target {
    Target {
        url: format!("{proxy}/example.com/m/@v/list"),
        role: Role::Proxy,
        host: crate::config::gourl::parse(proxy)
            .unwrap()
            .hostname()
            .to_owned(),
        via_proxy: None,
        layers,
        context: context(Some(proxy), "example.com/m", None),
        git: None,
    }
}

pub(super) fn sumdb_target(role: Role, url: &str, layers: Vec<L>) -> Target {
    Target {
        url: url.to_owned(),
        role,
        host: crate::config::gourl::parse(url)
            .unwrap()
            .hostname()
            .to_owned(),
        via_proxy: None,
        layers,
        context: Some(TargetContext::default()),
        git: None,
    }
}

pub(super) const A: &str = "https://a.example";

pub(super) const B: &str = "https://b.example";

pub(super) fn run(pairs: &[(&str, &str)], targets: Vec<Target>) -> Observed {
    let mut p = pairs.to_vec();
    if !p.iter().any(|(k, _)| *k == "GOSUMDB") {
        p.push(("GOSUMDB", "off"));
    }
    let c = cfg(&p);
    predict(&c, &plan(&c), &targets)
}

/// A module whose go.mod asks for a Go newer than any installed (docs/go/toolchains.md §3, §6).
pub(super) fn toolchain_world(goproxy: &str, targets: Vec<Target>) -> Observed {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("go.mod"),
        "module m\n\ngo 1.99\n\nrequire example.com/m v1.0.0\n",
    )
    .unwrap();
    let env = Environment::from_pairs([
        ("HOME", "/nonexistent-home"),
        ("GOPROXY", goproxy),
        ("GOTOOLCHAIN", "auto"),
        ("GOSUMDB", "off"),
    ]);
    let c = Config::load(
        env,
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    let p = Plan::build(&c, &[]);
    assert!(
        p.toolchain
            .as_ref()
            .is_some_and(|t| t.module_version.is_some()),
        "go 1.99 needs a switch"
    );
    predict(&c, &p, &targets)
}

pub(super) fn toolchain_target(proxy: &str, layers: Vec<L>) -> Target {
    Target {
        url: format!("{proxy}/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.zip"),
        role: Role::Toolchain,
        host: crate::config::gourl::parse(proxy)
            .unwrap()
            .hostname()
            .to_owned(),
        via_proxy: None,
        layers,
        context: context(Some(proxy), "golang.org/toolchain", None),
        git: None,
    }
}

/// go.mod at go 1.21 requiring example.com/m, whose go.mod (probed through A) says `go`.
pub(super) fn mid_command_world(
    pairs: &[(&str, &str)],
    dep_go: &str,
    mut targets: Vec<Target>,
) -> Observed {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("go.mod"),
        "module m\n\ngo 1.21\n\nrequire example.com/m v1.0.0\n",
    )
    .unwrap();
    let mut all = vec![("HOME", "/nonexistent-home"), ("GONOSUMDB", "example.com")];
    all.extend_from_slice(pairs);
    let c = Config::load(
        Environment::from_pairs(all),
        &LoadOptions {
            dir: dir.path().to_owned(),
            tool_deadline: Duration::from_secs(2),
        },
    );
    let p = Plan::build(&c, &[]);
    let mut dep = proxy_target(A, ok_layers());
    set_go_mods(
        &mut dep,
        vec![go_mod("example.com/m", "v1.0.0", 200, Some(dep_go))],
    );
    targets.insert(0, dep);
    predict(&c, &p, &targets)
}

pub(super) fn list_target(proxy: &str, layers: Vec<L>) -> Target {
    Target {
        url: format!("{proxy}/golang.org/toolchain/@v/list"),
        context: context(
            Some(proxy),
            "golang.org/toolchain",
            Some(ToolchainRequest::List),
        ),
        ..toolchain_target(proxy, layers)
    }
}

pub(super) fn served_list(lines: &[&str]) -> Vec<L> {
    let mut l = ok_layers();
    let versions: Vec<&str> = lines
        .iter()
        .filter_map(|v| crate::config::toolchain::dl_to_go(v))
        .collect();
    l[3].detail.as_http_mut().unwrap().go_versions =
        Some(versions.iter().map(|v| (*v).to_owned()).collect());
    l
}
