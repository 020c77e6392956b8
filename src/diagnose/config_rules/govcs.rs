//! GOVCS (docs/go/semantics.md §1 "GOVCS"; cmd/go/internal/vcs `checkGOVCS`, script test
//! govcs.txt): a value go cannot parse, and the direct fetches it forbids. The refusal itself
//! is planned (`plan::govcs`); these are its findings, shared with the module walk.

use super::super::remedy::{set_go_env, unset_go_env};
use super::super::{Code, Finding};
use crate::config::Config;
use crate::plan::govcs::GovcsRefusal;
use crate::plan::{Plan, Step};
use crate::text;

pub(super) fn govcs(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    if let Err(e) = crate::config::goflags::parse_govcs(cfg.get("GOVCS")) {
        f.push(malformed(cfg, &e));
    }
    for m in &plan.modules {
        for step in &m.route {
            if let Step::Direct(d) = step
                && let Some(r @ GovcsRefusal::Disallowed { .. }) = &d.govcs
            {
                f.push(refused(cfg, &crate::diagnose::predict::label(m), r));
            }
        }
    }
}

fn malformed(cfg: &Config, e: &str) -> Finding {
    Finding::of(
        Code::GovcsMalformed,
        text!("finding-govcs-malformed", detail = e.to_owned()),
    )
    .param("detail", e)
    .fixes(unset_go_env(cfg, "GOVCS", text!("remedy-fix-govcs")))
}

/// The finding for go's refusal to fetch `module` directly.
pub(crate) fn refused(cfg: &Config, module: &str, refusal: &GovcsRefusal) -> Finding {
    let GovcsRefusal::Disallowed { vcs, root, error } = refusal else {
        return malformed(cfg, refusal.error());
    };
    // Allowing the tool for that root alone, ahead of the rules already set.
    let current = cfg.get("GOVCS");
    let allow = if current.is_empty() {
        format!("{root}:{vcs}")
    } else {
        format!("{root}:{vcs},{current}")
    };
    Finding::of(
        Code::GovcsDisallowed,
        text!(
            "finding-govcs-disallowed",
            module = module.to_owned(),
            vcs = vcs.clone(),
            root = root.clone(),
            detail = error.clone(),
        ),
    )
    .host(root.split('/').next().unwrap_or_default().to_owned())
    .param("module", module)
    .param("vcs", vcs)
    .param("root", root)
    .param("detail", error)
    .fixes(set_go_env(
        cfg,
        "GOVCS",
        &allow,
        text!("remedy-allow-govcs", vcs = vcs.clone(), root = root.clone()),
    ))
}
