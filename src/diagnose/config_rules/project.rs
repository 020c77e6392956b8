//! The project's files and the environment itself: go.mod and go.work that cannot be read or
//! parsed (go's own words as `detail`), and environment variables that are not UTF-8.

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
            .fix(Remedy::run(
                text!("remedy-go-mod-edit-json"),
                "go mod edit -json >/dev/null",
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
