//! The go/env file as go reads it (docs/go/semantics.md §5 "The GOENV file"): whether go can
//! find and read it, the lines it silently ignores or misreads, and OS variables that hide its
//! values from go.

use super::super::remedy::{Action, System};
use super::super::{Code, Finding, Remedy};
use super::list;
use crate::config::goenv_file::EnvFileLocation;
use crate::config::{Config, Origin};
use crate::redact::redact_urls;
use crate::text;

pub(super) fn goenv_file(cfg: &Config, f: &mut Vec<Finding>) {
    match &cfg.goenv_location {
        EnvFileLocation::Off => f.push(Finding::of(Code::GoenvOff, text!("finding-goenv-off"))),
        EnvFileLocation::Unavailable(why) => f.push(
            Finding::of(
                Code::GoenvUnavailable,
                text!("finding-goenv-unavailable", detail = why),
            )
            .param("detail", why.clone()),
        ),
        EnvFileLocation::At { .. } => {}
    }
    if let Some(e) = &cfg.goenv_read_error {
        f.push(
            Finding::of(
                Code::GoenvFileUnreadable,
                text!("finding-goenv-file-unreadable", detail = e.to_string()),
            )
            .param("detail", e.to_string()),
        );
    }
    let Some(file) = &cfg.goenv_file else { return };
    let path = file.path.display().to_string();
    if !file.crlf_keys.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileCrlf,
                text!(
                    "finding-goenv-file-crlf",
                    file = &path,
                    keys = list(&file.crlf_keys)
                ),
            )
            .param("file", path.clone())
            .param("keys", file.crlf_keys.join(", "))
            .fix(Remedy::act(
                cfg,
                text!("remedy-strip-carriage-returns"),
                Action::System(System::StripCarriageReturns(path.clone())),
            )),
        );
    }
    if !file.non_utf8_keys.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileNotUtf8,
                text!(
                    "finding-goenv-file-not-utf8",
                    file = &path,
                    keys = list(&file.non_utf8_keys)
                ),
            )
            .param("file", path.clone())
            .param("keys", file.non_utf8_keys.join(", ")),
        );
    }
    let suspicious: Vec<String> = file
        .ignored
        .iter()
        .filter(|l| !l.text.trim_start().starts_with('#'))
        .map(|l| format!("{path}:{}: {}", l.line, redact_urls(&l.text)))
        .collect();
    if !suspicious.is_empty() {
        let count = suspicious.len().to_string();
        let mut finding = Finding::of(
            Code::GoenvFileIgnoredLines,
            text!(
                "finding-goenv-file-ignored-lines",
                count = &count,
                file = &path
            ),
        )
        .param("file", path.clone())
        .param("count", count);
        for s in suspicious {
            finding = finding.evidence(s);
        }
        f.push(finding);
    }
    let spaced: Vec<&String> = file
        .values
        .keys()
        .filter(|k| k.ends_with(' ') || k.contains(' '))
        .collect();
    for k in spaced {
        f.push(
            Finding::of(
                Code::GoenvFileKeyWithSpace,
                text!(
                    "finding-goenv-file-key-with-space",
                    file = &path,
                    key = format!("{k:?}"),
                    name = k.trim()
                ),
            )
            .param("file", path.clone())
            .param("key", k.as_str())
            .param("name", k.trim()),
        );
    }
    if !file.duplicates.is_empty() {
        f.push(
            Finding::of(
                Code::GoenvFileDuplicates,
                text!(
                    "finding-goenv-file-duplicates",
                    file = &path,
                    keys = list(&file.duplicates)
                ),
            )
            .param("file", path.clone())
            .param("keys", file.duplicates.join(", ")),
        );
    }
}

/// An OS variable beats the go/env file (docs/go/semantics.md §1 "Order of precedence"), so
/// `go env -w` seems to do nothing.
pub(super) fn env_shadowing(cfg: &Config, f: &mut Vec<Finding>) {
    for (key, s) in &cfg.settings {
        if let (Origin::Env, Some(file_value)) = (s.origin, &s.shadowed_file_value) {
            f.push(
                Finding::of(
                    Code::EnvShadowsGoenvFile,
                    text!(
                        "finding-env-shadows-goenv-file",
                        key = *key,
                        value = format!("{:?}", s.value.redacted()),
                        file_value = format!("{:?}", file_value.redacted()),
                    ),
                )
                .param("key", *key)
                .param("value", s.value.redacted())
                .param("file_value", file_value.redacted())
                .fix(Remedy::act(
                    cfg,
                    text!("remedy-unset-in-this-shell"),
                    crate::diagnose::remedy::Action::UnsetEnv(vec![key.to_string()]),
                ))
                .fix(Remedy::act(
                    cfg,
                    text!("remedy-remove-where-set"),
                    crate::diagnose::remedy::find_where_set(cfg, key),
                )),
            );
        }
    }
}
