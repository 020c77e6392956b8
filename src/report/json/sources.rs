//! `config --json` `sources`: the files, proxy variables, git, netrc and go.mod that the settings
//! come from (docs/json-contract.md `config --json`). Never credentials: URLs are redacted and
//! netrc gives machines only.

use serde::Serialize;

use crate::config::Config;
use crate::config::http_proxy::ProxyVar;

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Sources {
    /// The user go/env file.
    pub goenv_file: Option<String>,
    /// `$GOROOT/go.env`.
    pub goroot_go_env: Option<String>,
    pub http_proxy: HttpProxy,
    pub git: Git,
    pub netrc: Netrc,
    pub go_mod: Option<GoMod>,
}

/// The HTTP proxy variables that apply.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct HttpProxy {
    pub http: Option<Variable>,
    pub https: Option<Variable>,
    pub no_proxy: Option<Variable>,
    pub all_proxy: Option<Variable>,
}

/// A variable, by the spelling that supplied it (`HTTPS_PROXY` or `https_proxy`).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Variable {
    pub name: &'static str,
    pub value: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Git {
    /// The git that was run.
    pub path: Option<String>,
    pub error: Option<String>,
    pub insteadof: Vec<InsteadOf>,
}

/// A `url.<base>.insteadOf = <prefix>` rule.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InsteadOf {
    pub base: String,
    pub prefix: String,
    /// Where git read it.
    pub origin: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Netrc {
    pub path: Option<String>,
    /// Machines with a complete login and password.
    pub machines: Vec<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GoMod {
    pub path: String,
    pub module: Option<String>,
    pub go: Option<String>,
    pub toolchain: Option<String>,
    /// How many modules it requires.
    pub requires: usize,
}

impl From<&Config> for Sources {
    fn from(cfg: &Config) -> Self {
        let hp = &cfg.http_proxy;
        let proxy_var = |v: &Option<ProxyVar>| {
            v.as_ref().map(|v| Variable {
                name: v.name,
                value: v.raw.redacted(),
            })
        };
        Sources {
            goenv_file: cfg
                .goenv_file
                .as_ref()
                .map(|f| f.path.display().to_string()),
            goroot_go_env: cfg
                .goroot_goenv
                .as_ref()
                .map(|f| f.path.display().to_string()),
            http_proxy: HttpProxy {
                http: proxy_var(&hp.http),
                https: proxy_var(&hp.https),
                no_proxy: hp.no_proxy.as_ref().map(|(name, value)| Variable {
                    name,
                    value: value.redacted(),
                }),
                all_proxy: hp.all_proxy.as_ref().map(|(name, value)| Variable {
                    name,
                    value: value.redacted(),
                }),
            },
            git: Git {
                path: cfg.git.git.clone(),
                error: cfg.git.error.clone(),
                insteadof: cfg
                    .git
                    .insteadof_rules()
                    .into_iter()
                    .map(|r| InsteadOf {
                        base: r.base.redacted(),
                        prefix: r.prefix.redacted(),
                        origin: r.origin,
                    })
                    .collect(),
            },
            netrc: Netrc {
                path: cfg.netrc.path.as_ref().map(|p| p.display().to_string()),
                machines: cfg.netrc.machines.to_vec(),
            },
            go_mod: cfg.project.gomod.as_ref().map(|m| GoMod {
                path: m.path.display().to_string(),
                module: m.module.clone(),
                go: m.go.clone(),
                toolchain: m.toolchain.clone(),
                requires: m.requires.len(),
            }),
        }
    }
}
