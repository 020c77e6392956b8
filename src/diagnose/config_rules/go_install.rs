//! The go installation: whether go is there, whether `go env -json` answers, where godoctor's
//! model of go's settings disagrees with go's own, and releases too old for proxies or `|`.

use super::super::remedy::{Action, set_go_env};
use super::super::{Code, Finding, Remedy};
use crate::config::Config;
use crate::config::goversion::GoVersion;
use crate::text;

pub(super) fn go_install(cfg: &Config, f: &mut Vec<Finding>) {
    match (&cfg.go.path, &cfg.go.error) {
        (None, _) => {
            let version = GoVersion::assumed_current().to_string();
            f.push(
                Finding::of(
                    Code::GoNotFound,
                    text!("finding-go-not-found", version = &version),
                )
                .param("version", version),
            );
        }
        (Some(p), Some(e)) => {
            let path = p.display().to_string();
            f.push(
                Finding::of(
                    Code::GoEnvFailed,
                    text!("finding-go-env-failed", path = &path),
                )
                .param("path", path)
                .evidence(e.clone())
                .fix(Remedy::act(
                    cfg,
                    text!("remedy-see-what-go-says"),
                    Action::ExecWith {
                        vars: vec![("GOTOOLCHAIN".into(), "local".into())],
                        argv: vec!["go".into(), "env".into()],
                    },
                )),
            );
        }
        _ => {}
    }
    for (key, s) in cfg.disagreements() {
        f.push(
            Finding::of(
                Code::ConfigModelMismatch,
                text!(
                    "finding-config-model-mismatch",
                    key = key,
                    computed = format!("{:?}", s.computed.redacted()),
                    value = format!("{:?}", s.value.redacted()),
                ),
            )
            .param("key", key)
            .param("computed", s.computed.redacted())
            .param("value", s.value.redacted())
            .fix(Remedy::note(text!("remedy-report-model-mismatch"))),
        );
    }
    if let Some(v) = &cfg.go.version {
        let version = v.to_string();
        if !v.at_least(1, 13) {
            f.push(
                Finding::of(
                    Code::GoTooOldForProxy,
                    text!("finding-go-too-old-for-proxy", version = &version),
                )
                .param("version", version)
                .fix(Remedy::note(text!("remedy-install-current-go"))),
            );
        } else if !v.at_least(1, 15) && cfg.get("GOPROXY").contains('|') {
            f.push(
                Finding::of(
                    Code::GoTooOldForPipe,
                    text!("finding-go-too-old-for-pipe", version = &version),
                )
                .param("version", version)
                .fixes(set_go_env(
                    cfg,
                    "GOPROXY",
                    &cfg.get("GOPROXY").replace('|', ","),
                    text!("remedy-use-comma-separators"),
                )),
            );
        }
    }
}
