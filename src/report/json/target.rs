//! `targets[]`: one probed URL and what each layer saw (docs/json-contract.md `targets[]`).

use serde::Serialize;

use super::detail::{Detail, GitDetail};
use crate::probe::{self, evidence};

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Target {
    /// What was probed, redacted.
    pub url: String,
    pub role: Role,
    pub host: String,
    /// The HTTP proxy the request went through (redacted).
    pub via_proxy: Option<String>,
    pub layers: Vec<LayerResult>,
    /// What the target stands for in the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// `git ls-remote`, for repositories go fetches directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git: Option<Git>,
}

/// `targets[].role` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Proxy,
    Sumdb,
    SumdbViaProxy,
    Vcs,
    HttpProxy,
    Toolchain,
}

/// `targets[].layers[]`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LayerResult {
    pub layer: LayerName,
    pub status: Status,
    /// Time spent in this layer; for a timeout, how long was waited.
    pub ms: f64,
    pub error: Option<LayerError>,
    /// Layer-specific evidence; informative.
    pub detail: Detail,
}

/// `targets[].layers[].layer` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum LayerName {
    Dns,
    Tcp,
    Tls,
    Http,
    Sumdb,
    Proxy,
}

/// A layer's `status` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Fail,
    Timeout,
    Skipped,
}

/// A layer's `error`.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct LayerError {
    /// Stable snake_case, scripts may match on it (open vocabulary).
    pub kind: &'static str,
    /// For people.
    pub message: String,
}

/// `targets[].git`: `git ls-remote`, shaped like a layer.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Git {
    pub status: Status,
    pub ms: f64,
    pub error: Option<LayerError>,
    pub detail: GitDetail,
}

/// `targets[].context`: what the target stands for in the plan (informative).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Context {
    /// The GOPROXY entry (redacted), or `direct`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<ProbeStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_url: Option<String>,
    /// `https`, `ssh`, …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<ToolchainRequest>,
    /// GOSUMDB names the database's URL itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explicit_url: Option<bool>,
    /// The repository go hands to git, before git's `insteadOf` (redacted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repo_url: Option<String>,
    /// Where the `insteadOf` rule that rewrote it is configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insteadof_origin: Option<String>,
}

/// `context.step`: a step of go's route that is not a GOPROXY entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub enum ProbeStep {
    #[serde(rename = "go-get discovery")]
    GoGetDiscovery,
    /// git's first request to an http(s) repository (`info/refs`).
    #[serde(rename = "git smart http")]
    GitSmartHttp,
    /// An ssh repository's server greeting.
    #[serde(rename = "ssh banner")]
    SshBanner,
    /// A repository git reaches otherwise (`git://`).
    #[serde(rename = "git host")]
    GitHost,
    /// go would not run git for this module.
    #[serde(rename = "git not run")]
    GitNotRun,
}

/// `context.request`: what was asked of `golang.org/toolchain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ToolchainRequest {
    Zip,
    List,
}

impl From<&probe::Target> for Target {
    fn from(t: &probe::Target) -> Self {
        Target {
            url: t.url.clone(),
            role: t.role.into(),
            host: t.host.clone(),
            via_proxy: t.via_proxy.clone(),
            layers: t.layers.iter().map(Into::into).collect(),
            context: t.context.as_ref().map(Into::into),
            git: t.git.as_ref().map(|g| Git {
                status: g.status.into(),
                ms: g.ms,
                error: g.error.as_ref().map(|e| LayerError {
                    kind: e.kind.kind(),
                    message: e.message.clone(),
                }),
                detail: (&g.detail).into(),
            }),
        }
    }
}

impl From<probe::Role> for Role {
    fn from(r: probe::Role) -> Self {
        match r {
            probe::Role::Proxy => Role::Proxy,
            probe::Role::Sumdb => Role::Sumdb,
            probe::Role::SumdbViaProxy => Role::SumdbViaProxy,
            probe::Role::Vcs => Role::Vcs,
            probe::Role::HttpProxy => Role::HttpProxy,
            probe::Role::Toolchain => Role::Toolchain,
        }
    }
}

impl From<&probe::LayerResult> for LayerResult {
    fn from(l: &probe::LayerResult) -> Self {
        LayerResult {
            layer: l.layer.into(),
            status: l.status.into(),
            ms: l.ms,
            error: l.error.as_ref().map(|e| LayerError {
                kind: e.kind.kind(),
                message: e.message.clone(),
            }),
            detail: Detail::new(&l.detail, l.peer),
        }
    }
}

impl From<probe::LayerName> for LayerName {
    fn from(l: probe::LayerName) -> Self {
        match l {
            probe::LayerName::Dns => LayerName::Dns,
            probe::LayerName::Tcp => LayerName::Tcp,
            probe::LayerName::Tls => LayerName::Tls,
            probe::LayerName::Http => LayerName::Http,
            probe::LayerName::Sumdb => LayerName::Sumdb,
            probe::LayerName::Proxy => LayerName::Proxy,
        }
    }
}

impl From<probe::Status> for Status {
    fn from(s: probe::Status) -> Self {
        match s {
            probe::Status::Ok => Status::Ok,
            probe::Status::Fail => Status::Fail,
            probe::Status::Timeout => Status::Timeout,
            probe::Status::Skipped => Status::Skipped,
        }
    }
}

impl From<&evidence::TargetContext> for Context {
    fn from(c: &evidence::TargetContext) -> Self {
        Context {
            proxy: c.proxy.clone(),
            module: c.module.clone(),
            step: c.step.map(|s| match s {
                evidence::ProbeStep::GoGetDiscovery => ProbeStep::GoGetDiscovery,
                evidence::ProbeStep::GitSmartHttp => ProbeStep::GitSmartHttp,
                evidence::ProbeStep::SshBanner => ProbeStep::SshBanner,
                evidence::ProbeStep::GitHost => ProbeStep::GitHost,
                evidence::ProbeStep::GitNotRun => ProbeStep::GitNotRun,
            }),
            git_url: c.git_url.clone(),
            transport: c.transport,
            request: c.request.map(|r| match r {
                evidence::ToolchainRequest::Zip => ToolchainRequest::Zip,
                evidence::ToolchainRequest::List => ToolchainRequest::List,
            }),
            explicit_url: c.explicit_url,
            repo_url: c.repo_url.clone(),
            insteadof_origin: c.insteadof_origin.clone(),
        }
    }
}
