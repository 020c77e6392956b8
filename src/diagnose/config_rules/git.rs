//! git, which go runs for `direct` fetches: missing, unreadable configuration, TLS verification
//! turned off, `insteadOf` rewrites to SSH, and prompts that hang in CI.

use super::super::{Code, Finding, Remedy, Severity};
use crate::config::Config;
use crate::plan::{Plan, Step};
use crate::text;

pub(super) fn git(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let first_step_direct = |m: &&crate::plan::ModulePlan| {
        m.route
            .iter()
            .find(|s| !matches!(s, Step::Skipped { .. } | Step::NotFollowed { .. }))
            .is_some_and(|s| matches!(s, Step::Direct(_)))
    };
    if cfg.git.git.is_none() {
        if let Some(m) = plan.modules.iter().find(first_step_direct) {
            f.push(
                Finding::of(
                    Code::GitNotFound,
                    text!("finding-git-not-found-module", module = &m.module),
                )
                .param("module", m.module.clone()),
            );
        } else if plan
            .modules
            .iter()
            .any(|m| m.route.iter().any(|s| matches!(s, Step::Direct(_))))
        {
            f.push(
                Finding::of(Code::GitNotFound, text!("finding-git-not-found"))
                    .with_severity(Severity::Info),
            );
        }
        return;
    }
    if let Some(e) = &cfg.git.error {
        f.push(
            Finding::of(
                Code::GitConfigUnreadable,
                text!("finding-git-config-unreadable"),
            )
            .evidence(e.clone()),
        );
    }
    for e in cfg.git.ssl_verify_off() {
        let scope = if e.scope == "local" {
            "local"
        } else {
            &e.scope
        };
        f.push(
            Finding::of(
                Code::GitSslVerifyOff,
                text!(
                    "finding-git-ssl-verify-off",
                    key = e.key.to_string(),
                    scope = e.scope.to_string(),
                    origin = e.origin.to_string()
                ),
            )
            .param("key", e.key.to_string())
            .param("scope", e.scope.to_string())
            .param("origin", e.origin.to_string())
            .fix(Remedy::act(
                cfg,
                text!("remedy-git-verify-back-on-company-ca"),
                super::super::remedy::Action::exec([
                    "git".to_owned(),
                    "config".into(),
                    format!("--{scope}"),
                    "--unset".into(),
                    e.key.to_string(),
                ]),
            )),
        );
    }
    if let Some(v) = cfg.env.get("GIT_SSL_NO_VERIFY") {
        f.push(
            Finding::of(
                Code::GitSslVerifyOff,
                text!("finding-git-ssl-verify-off-env", value = v),
            )
            .param("key", "GIT_SSL_NO_VERIFY")
            .param("value", v)
            .fix(Remedy::act(
                cfg,
                text!("remedy-git-verify-back-on"),
                crate::diagnose::remedy::Action::UnsetEnv(vec!["GIT_SSL_NO_VERIFY".into()]),
            )),
        );
    }
    for rule in cfg.git.insteadof_rules() {
        let base = rule.base.expose();
        let ssh = base.starts_with("ssh://")
            || (!base.contains("://") && base.contains('@') && base.contains(':'));
        if ssh {
            let affected = plan
                .modules
                .iter()
                .filter(|m| {
                    m.route
                        .iter()
                        .any(|s| matches!(s, Step::Direct(d) if d.insteadof_origin.is_some()))
                })
                .count();
            f.push(
                Finding::of(
                    Code::GitInsteadofSsh,
                    text!(
                        "finding-git-insteadof-ssh",
                        prefix = rule.prefix.redacted(),
                        base = rule.base.redacted(),
                        origin = rule.origin.to_string(),
                        count = affected
                    ),
                )
                .param("prefix", rule.prefix.redacted())
                .param("base", rule.base.redacted())
                .param("origin", rule.origin.to_string())
                .param("count", affected.to_string()),
            );
        }
    }
    if cfg.env.get("GIT_TERMINAL_PROMPT") == Some("1") {
        f.push(Finding::of(
            Code::GitTerminalPromptOn,
            text!("finding-git-terminal-prompt-on"),
        ));
    }
}
