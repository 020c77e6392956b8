//! Module mode and GOFLAGS (docs/go/semantics.md §1 "GOFLAGS"): GO111MODULE and GOFLAGS values
//! that stop every go command (go's own words from `predict::fatal_config_error` become the
//! evidence), vendor mode, and the removed `-insecure` flag.

use super::super::remedy::{set_go_env, unset_go_env};
use super::super::{Code, Finding, Severity};
use crate::config::Config;
use crate::config::goflags::GoFlags;
use crate::plan::Plan;
use crate::text;

pub(super) fn goflags_and_modules(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    let value = cfg.get("GOFLAGS");
    let flags = GoFlags::parse(value, cfg.rules_version.at_least(1, 21));
    if let Some((code, msg)) = super::super::predict::fatal_config_error(cfg) {
        match code {
            Code::Go111moduleOff => f.push(
                Finding::of(code, text!("finding-go111module-off"))
                    .evidence(msg)
                    .fixes(unset_go_env(
                        cfg,
                        "GO111MODULE",
                        text!("remedy-module-mode-back-on"),
                    )),
            ),
            Code::Go111moduleInvalid => f.push(
                Finding::of(
                    code,
                    text!(
                        "finding-go111module-invalid",
                        value = format!("{:?}", cfg.get("GO111MODULE"))
                    ),
                )
                .param("value", cfg.get("GO111MODULE"))
                .evidence(msg)
                .fixes(unset_go_env(
                    cfg,
                    "GO111MODULE",
                    text!("remedy-module-mode-default"),
                )),
            ),
            Code::GoflagsMalformed => {
                let kind = if msg.contains("unknown flag") {
                    "unknown-flag"
                } else {
                    "non-flag"
                };
                f.push(
                    Finding::of(
                        code,
                        text!(
                            "finding-goflags-malformed",
                            kind = kind,
                            value = format!("{value:?}")
                        ),
                    )
                    .param("value", value)
                    .evidence(msg)
                    .fixes(unset_go_env(
                        cfg,
                        "GOFLAGS",
                        text!("remedy-fix-goflags"),
                    )),
                );
            }
            _ => {}
        }
    }
    // Without go, nobody knows every flag of every command: say so rather than guess.
    if cfg.go.path.is_none()
        && !flags.flags.is_empty()
        && !f.iter().any(|x| x.code == Code::GoflagsMalformed)
    {
        let names: Vec<String> = flags.flags.iter().map(|n| format!("-{n}")).collect();
        f.push(
            Finding::of(
                Code::GoflagsUnverified,
                text!("finding-goflags-unverified", flags = super::list(&names)),
            )
            .param("flags", names.join(" ")),
        );
    }
    if let Some(reason) = &plan.vendor_mode {
        f.push(
            Finding::of(Code::GoflagsModVendor, text!("finding-goflags-mod-vendor"))
                .evidence(reason.clone()),
        );
    }
    if flags.has("insecure") {
        let old = cfg.go.version.as_ref().is_some_and(|v| !v.at_least(1, 17));
        let supported = if old { "true" } else { "false" };
        let without: Vec<String> = flags
            .flags
            .iter()
            .filter(|x| x.trim_start_matches('-') != "insecure")
            .cloned()
            .collect();
        f.push(
            Finding::of(
                Code::GoflagsInsecure,
                text!("finding-goflags-insecure", supported = supported),
            )
            .with_severity(if old {
                Severity::Warning
            } else {
                Severity::Info
            })
            .param("supported", supported)
            .fixes(set_go_env(
                cfg,
                "GOFLAGS",
                &without.join(" "),
                text!("remedy-drop-insecure"),
            )),
        );
    }
}
