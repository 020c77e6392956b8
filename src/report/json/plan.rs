//! `plan`: the routes go would take — per module, to the checksum database, `vendor_mode` and
//! `toolchain` (docs/json-contract.md "Top level"; informative, so the schema leaves its shape
//! open). URLs are redacted: the plan keeps the real ones, for the probes.

use serde::Serialize;

use crate::config::goproxy::FallThrough as GoFallThrough;
use crate::config::toolchain::{Decision as GoDecision, Mode as GoMode};
use crate::plan as go;
use crate::redact::redact_urls;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Plan {
    pub modules: Vec<ModulePlan>,
    /// The route to the checksum database.
    pub sumdb: Vec<SumdbStep>,
    /// Why builds use vendor/, if they do.
    pub vendor_mode: Option<String>,
    pub toolchain: Option<ToolchainPlan>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ModulePlan {
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub host: String,
    pub source: ModuleSource,
    pub private: bool,
    pub noproxy: bool,
    pub nosumdb: bool,
    pub insecure: bool,
    pub in_gosum: bool,
    pub needs_sumdb: bool,
    pub route: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ModuleSource {
    Require,
    Canary,
    /// A module path `go mod tidy` asks about for an import go.mod does not cover.
    Query,
    /// A module version read from a dependency's go.mod while loading the module graph.
    Graph,
}

/// One step of a module's route, in the order go tries them.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Step {
    /// GOPROXY entries past the ones a route follows (`plan::MAX_ROUTE_PROXIES`).
    NotFollowed {
        entries: usize,
    },
    Proxy {
        proxy: String,
        url: String,
        fall_through: FallThrough,
        #[serde(skip_serializing_if = "Option::is_none")]
        via_http_proxy: Option<String>,
    },
    /// A GOPROXY entry go skips for this module.
    Skipped {
        proxy: String,
        reason: String,
    },
    Direct(DirectPlan),
    Off,
}

/// `direct`: how go finds and fetches the repository itself.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DirectPlan {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovery_via_http_proxy: Option<String>,
    pub repo_url: String,
    pub git_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insteadof_origin: Option<String>,
    pub git_host: String,
    pub git_port: u16,
    pub git_transport: &'static str,
}

/// When go moves past an entry that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FallThrough {
    NotFoundOnly,
    AnyError,
}

/// One step on the way to the checksum database.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SumdbStep {
    ViaProxy {
        proxy: String,
        supported_url: String,
        fall_through: FallThrough,
        #[serde(skip_serializing_if = "Option::is_none")]
        via_http_proxy: Option<String>,
    },
    Direct {
        url: String,
        explicit: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        via_http_proxy: Option<String>,
    },
}

/// go's startup toolchain selection and, when it switches, the download route.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ToolchainPlan {
    pub decision: Decision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_path: Option<String>,
    pub route: Vec<Step>,
    pub sumdb_required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mid_command: Option<MidCommandPlan>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum Decision {
    Local,
    Switch {
        target: String,
        reason: String,
        path_only: bool,
    },
    Refuse {
        error: String,
    },
}

/// A switch in the middle of the command.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct MidCommandPlan {
    pub mode: Mode,
    /// The running go's version.
    pub local: String,
    pub deps: Vec<DepGoMod>,
    pub list_route: Vec<Step>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub on_path: Vec<String>,
}

/// GOTOOLCHAIN's mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Local,
    Auto,
    Path,
}

/// A required module's go.mod.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DepGoMod {
    pub module: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cached_go: Option<String>,
}

fn redacted(url: &Option<String>) -> Option<String> {
    url.as_deref().map(redact_urls)
}

impl From<&go::Plan> for Plan {
    fn from(p: &go::Plan) -> Self {
        Plan {
            modules: p.modules.iter().map(Into::into).collect(),
            sumdb: p.sumdb_route.iter().map(Into::into).collect(),
            vendor_mode: p.vendor_mode.clone(),
            toolchain: p.toolchain.as_ref().map(Into::into),
        }
    }
}

impl From<&go::ModulePlan> for ModulePlan {
    fn from(m: &go::ModulePlan) -> Self {
        ModulePlan {
            module: m.module.clone(),
            version: m.version.clone(),
            host: m.host.clone(),
            source: match m.source {
                go::ModuleSource::Require => ModuleSource::Require,
                go::ModuleSource::Canary => ModuleSource::Canary,
                go::ModuleSource::Query => ModuleSource::Query,
                go::ModuleSource::Graph => ModuleSource::Graph,
            },
            private: m.private,
            noproxy: m.noproxy,
            nosumdb: m.nosumdb,
            insecure: m.insecure,
            in_gosum: m.in_gosum,
            needs_sumdb: m.needs_sumdb,
            route: m.route.iter().map(Into::into).collect(),
        }
    }
}

impl From<&go::Step> for Step {
    fn from(s: &go::Step) -> Self {
        match s {
            go::Step::Proxy {
                proxy,
                url,
                fall_through,
                via_http_proxy,
            } => Step::Proxy {
                proxy: redact_urls(proxy),
                url: redact_urls(url),
                fall_through: (*fall_through).into(),
                via_http_proxy: redacted(via_http_proxy),
            },
            go::Step::NotFollowed { entries } => Step::NotFollowed { entries: *entries },
            go::Step::Skipped { proxy, reason } => Step::Skipped {
                proxy: redact_urls(proxy),
                reason: reason.clone(),
            },
            go::Step::Direct(d) => Step::Direct(DirectPlan {
                discovery_url: redacted(&d.discovery_url),
                discovery_via_http_proxy: redacted(&d.discovery_via_http_proxy),
                repo_url: redact_urls(&d.repo_url),
                git_url: redact_urls(&d.git_url),
                insteadof_origin: d.insteadof_origin.clone(),
                git_host: d.git_host.clone(),
                git_port: d.git_port,
                git_transport: d.git_transport,
            }),
            go::Step::Off => Step::Off,
        }
    }
}

impl From<GoFallThrough> for FallThrough {
    fn from(f: GoFallThrough) -> Self {
        match f {
            GoFallThrough::NotFoundOnly => FallThrough::NotFoundOnly,
            GoFallThrough::AnyError => FallThrough::AnyError,
        }
    }
}

impl From<&go::SumdbStep> for SumdbStep {
    fn from(s: &go::SumdbStep) -> Self {
        match s {
            go::SumdbStep::ViaProxy {
                proxy,
                supported_url,
                fall_through,
                via_http_proxy,
            } => SumdbStep::ViaProxy {
                proxy: redact_urls(proxy),
                supported_url: redact_urls(supported_url),
                fall_through: (*fall_through).into(),
                via_http_proxy: redacted(via_http_proxy),
            },
            go::SumdbStep::Direct {
                url,
                explicit,
                via_http_proxy,
            } => SumdbStep::Direct {
                url: redact_urls(url),
                explicit: *explicit,
                via_http_proxy: redacted(via_http_proxy),
            },
        }
    }
}

impl From<&go::ToolchainPlan> for ToolchainPlan {
    fn from(t: &go::ToolchainPlan) -> Self {
        ToolchainPlan {
            decision: match &t.decision {
                GoDecision::Local => Decision::Local,
                GoDecision::Switch {
                    target,
                    reason,
                    path_only,
                } => Decision::Switch {
                    target: target.clone(),
                    reason: reason.clone(),
                    path_only: *path_only,
                },
                GoDecision::Refuse(_, error) => Decision::Refuse {
                    error: error.clone(),
                },
            },
            module_version: t.module_version.clone(),
            on_path: t.on_path.clone(),
            route: t.route.iter().map(Into::into).collect(),
            sumdb_required: t.sumdb_required,
            mid_command: t.mid_command.as_ref().map(|m| MidCommandPlan {
                mode: match m.mode {
                    GoMode::Local => Mode::Local,
                    GoMode::Auto => Mode::Auto,
                    GoMode::Path => Mode::Path,
                },
                local: m.local.clone(),
                deps: m
                    .deps
                    .iter()
                    .map(|d| DepGoMod {
                        module: d.module.clone(),
                        version: d.version.clone(),
                        replaced_by: d.replaced_by.clone(),
                        url: redacted(&d.url),
                        cached_go: d.cached_go.clone(),
                    })
                    .collect(),
                list_route: m.list_route.iter().map(Into::into).collect(),
                on_path: m.on_path.clone(),
            }),
        }
    }
}
