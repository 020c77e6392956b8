//! The project's files and the environment itself: go.mod and go.work that cannot be read or
//! parsed (go's own words as `detail`), and environment variables that are not UTF-8.

use super::super::remedy::Action;
use super::super::{Code, Finding, Remedy};
use super::list;
use crate::config::Config;
use crate::text;

pub(super) fn project(cfg: &Config, f: &mut Vec<Finding>) {
    for (path, e) in &cfg.project.read_errors {
        let file = path.display().to_string();
        f.push(
            Finding::of(
                Code::GomodUnreadable,
                text!("finding-gomod-unreadable", file = &file, detail = e),
            )
            .param("file", file)
            .param("detail", e.to_string()),
        );
    }
    if let Some(m) = &cfg.project.gomod
        && let Some((line, detail)) = m.errors.first()
    {
        let file = m.path.display().to_string();
        f.push(
            Finding::of(
                Code::GomodUnparsable,
                text!(
                    "finding-gomod-unparsable",
                    file = &file,
                    line = line.to_string(),
                    detail = detail
                ),
            )
            .param("file", file)
            .param("line", line.to_string())
            .param("detail", detail.to_string())
            .fix(Remedy::act(
                cfg,
                text!("remedy-go-mod-edit-json"),
                Action::Quiet(vec![
                    "go".into(),
                    "mod".into(),
                    "edit".into(),
                    "-json".into(),
                ]),
            )),
        );
    }
    if let Some(w) = &cfg.project.gowork
        && let Some((line, detail)) = w.errors.first()
    {
        let file = w.path.display().to_string();
        f.push(
            Finding::of(
                Code::GoworkUnparsable,
                text!(
                    "finding-gowork-unparsable",
                    file = &file,
                    line = line.to_string(),
                    detail = detail
                ),
            )
            .param("file", file)
            .param("line", line.to_string())
            .param("detail", detail.to_string()),
        );
    }
    inputs(cfg, f);
    if !cfg.env.non_utf8.is_empty() {
        f.push(
            Finding::of(
                Code::EnvNotUtf8,
                text!("finding-env-not-utf8", keys = list(&cfg.env.non_utf8)),
            )
            .param("keys", cfg.env.non_utf8.join(", ")),
        );
    }
}

/// Input files godoctor refused (not regular) or cut (too large): the check used what it read.
fn inputs(cfg: &Config, f: &mut Vec<Finding>) {
    use crate::config::bounded::ProblemKind;
    for p in &cfg.input_problems {
        let file = p.path.display().to_string();
        let finding = match p.kind {
            // A cut go.sum would read as missing lines: godoctor does not use it at all.
            ProblemKind::TooLarge if p.limit.what == "go.sum" => Finding::of(
                Code::InputTooLarge,
                text!(
                    "finding-input-too-large-unused",
                    file = &file,
                    what = p.limit.what,
                    limit = (p.limit.bytes >> 20).to_string()
                ),
            )
            .param("limit", p.limit.bytes.to_string()),
            ProblemKind::TooLarge => Finding::of(
                Code::InputTooLarge,
                text!(
                    "finding-input-too-large",
                    file = &file,
                    what = p.limit.what,
                    limit = (p.limit.bytes >> 20).to_string(),
                    go = if p.limit.go_reads_whole {
                        text!("input-go-reads-whole")
                    } else {
                        text!("input-go-never-reads")
                    }
                ),
            )
            .param("limit", p.limit.bytes.to_string()),
            ProblemKind::NotRegular { file_type } => Finding::of(
                Code::InputNotRegular,
                text!(
                    "finding-input-not-regular",
                    file = &file,
                    what = p.limit.what,
                    kind = match file_type {
                        "fifo" => text!("input-type-fifo"),
                        "char-device" => text!("input-type-char-device"),
                        "block-device" => text!("input-type-block-device"),
                        "socket" => text!("input-type-socket"),
                        _ => text!("input-type-other"),
                    }
                ),
            )
            .param("type", file_type.to_owned()),
        };
        f.push(
            finding
                .param("file", file)
                .param("input", p.limit.what.to_owned()),
        );
    }
}

/// Required modules past the plan's cap: said, so a clean report is not read as covering them.
pub(super) fn unplanned(plan: &crate::plan::Plan, f: &mut Vec<Finding>) {
    if plan.unplanned == 0 {
        return;
    }
    let total = plan.unplanned + crate::plan::MAX_PLANNED_MODULES;
    f.push(
        Finding::of(
            Code::InputTooLarge,
            text!(
                "finding-input-too-many-modules",
                count = total.to_string(),
                max = crate::plan::MAX_PLANNED_MODULES.to_string()
            ),
        )
        .param("input", "requirements".to_owned())
        .param("count", total.to_string())
        .param("limit", crate::plan::MAX_PLANNED_MODULES.to_string()),
    );
}
