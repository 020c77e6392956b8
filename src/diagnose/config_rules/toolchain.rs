//! Toolchain switching at startup (docs/go/toolchains.md §3–§7): a go too old to parse go.mod,
//! what go does about the go and toolchain lines (run itself, switch, refuse), and what stops a
//! switch (PATH-only mode, the checksum database turned off).

use super::super::remedy::{Action, set_go_env, unset_go_env};
use super::super::{Code, Finding, Layer, Remedy};
use crate::config::Config;
use crate::config::gosumdb::SumDbSetting;
use crate::config::toolchain::{Decision, Refusal};
use crate::plan::Plan;
use crate::text;

pub(super) fn toolchain(cfg: &Config, plan: &Plan, f: &mut Vec<Finding>) {
    if let Some((code, msg)) =
        super::super::predict::fatal_config_error(cfg).filter(|(c, _)| *c == Code::GoTooOldForGomod)
    {
        let v = cfg.go.version_string.clone().unwrap_or_default();
        f.push(
            Finding::of(code, text!("finding-go-too-old-for-gomod", version = &v))
                .param("version", v)
                .evidence(msg)
                .fix(Remedy::note(text!("remedy-install-go-for-gomod"))),
        );
    }
    let Some(tp) = &plan.toolchain else { return };
    let gotoolchain = cfg.get("GOTOOLCHAIN").to_owned();
    match &tp.decision {
        Decision::Local => {}
        Decision::Refuse(why, e) => {
            let message = match why {
                Refusal::TooNew => text!("finding-toolchain-local-too-old"),
                Refusal::BadGotoolchain => text!("finding-gotoolchain-invalid"),
                Refusal::BadToolchainLine => text!("finding-gomod-toolchain-invalid"),
            };
            let finding = Finding::of(Code::of_refusal(*why), message)
                .param("gotoolchain", gotoolchain.clone())
                .evidence(e.clone());
            f.push(match why {
                Refusal::BadToolchainLine => finding.fix(Remedy::run(
                    text!("remedy-drop-toolchain-line"),
                    "go mod edit -toolchain=none",
                )),
                _ => finding.fixes(set_go_env(
                    cfg,
                    "GOTOOLCHAIN",
                    "auto",
                    text!("remedy-gotoolchain-auto"),
                )),
            });
        }
        Decision::Switch {
            target,
            reason,
            path_only,
        } => {
            let version = tp.module_version.clone().unwrap_or_default();
            if let Some(p) = &tp.on_path {
                f.push(
                    Finding::of(
                        Code::ToolchainSwitch,
                        text!(
                            "finding-toolchain-switch-path",
                            target = target,
                            reason = reason,
                            path = p
                        ),
                    )
                    .with_layer(Layer::Config)
                    .param("target", target.clone())
                    .param("path", p.clone()),
                );
                return;
            }
            if *path_only {
                f.push(
                    Finding::of(
                        Code::ToolchainNotInPath,
                        text!(
                            "finding-toolchain-not-in-path-startup",
                            target = target,
                            reason = reason,
                            gotoolchain = &gotoolchain
                        ),
                    )
                    .param("target", target.clone())
                    .fix(Remedy::act(
                        cfg,
                        text!("remedy-install-release-into-path"),
                        Action::exec(["go", "install", &format!("golang.org/dl/{target}@latest")])
                            .then(Action::exec([target.as_str(), "download"])),
                    ))
                    .fixes(set_go_env(
                        cfg,
                        "GOTOOLCHAIN",
                        "auto",
                        text!("remedy-or-let-go-download-it"),
                    )),
                );
                return;
            }
            f.push(
                Finding::of(
                    Code::ToolchainSwitch,
                    text!(
                        "finding-toolchain-switch-download",
                        target = target,
                        reason = reason,
                        version = &version
                    ),
                )
                .param("target", target.clone())
                .param("version", version.clone()),
            );
            if tp.sumdb_required && matches!(plan.sumdb, Ok(SumDbSetting::Off)) {
                f.push(
                    Finding::of(
                        Code::ToolchainNeedsSumdb,
                        text!("finding-toolchain-needs-sumdb-startup", target = target),
                    )
                    .param("target", target.clone())
                    .fixes(unset_go_env(cfg, "GOSUMDB", text!("remedy-sumdb-back-on")))
                    .fix(Remedy::note(text!("remedy-or-install-gomod-release"))),
                );
            }
        }
    }
}
