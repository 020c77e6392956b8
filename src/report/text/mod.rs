//! The report for people. Its first screen answers the question: a summary row per part of
//! go's route, the verdict with its root cause, the fix commands ready to copy; then the other
//! findings and each module's route; settings and every probe with `-v`. Lines wrap to the
//! terminal with a hanging indent ([`wrap`]), never inside a URL or command.
//!
//! Styles are plain ANSI ([`style`]); the caller writes through an `anstream` stream, which
//! strips them when NO_COLOR is set, output is not a terminal, or `--color never` was given.

mod explain;
mod findings;
mod probes;
mod route;
mod settings;
mod style;
mod summary;
pub mod wrap;

use std::io::{self, Write};

pub use explain::{explain_in, probed};
pub use findings::{fixes, ordered as ordered_findings};
pub use probes::role_name;
pub use route::route_line;
pub use summary::{host_said, part_name, row_detail};

use super::CheckReport;
use super::summary::{Summary, off_route};
use crate::config::Config;
use crate::i18n::Lang;
use crate::t;
use style::{BOLD, DIM};
use wrap::Out;

/// The columns to wrap to: the terminal's (COLUMNS first, as shells set it), none when
/// standard output is not a terminal.
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    columns
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .filter(|&w| w >= 20)
}

pub fn check(w: &mut dyn Write, r: &CheckReport) -> io::Result<()> {
    let o = &mut Out::new(w, r.width);
    let d = r.diagnosis;
    let lang = r.lang;
    settings::header(o, r.config, lang)?;
    if !r.plan.from_gomod && !r.plan.modules.is_empty() {
        let modules: Vec<&str> = r.plan.modules.iter().map(|m| m.module.as_str()).collect();
        let line = t!(lang, "report-canary", modules = modules.join(", "));
        o.line(&format!("{DIM}{line}{DIM:#}"), 2)?;
    }
    o.blank()?;
    let s = Summary::of(r);
    summary::summary(o, r, &s)?;

    o.blank()?;
    summary::verdict(o, r)?;
    if let Some(i) = d.root_cause {
        findings::finding(o, &d.findings[i], true, lang)?;
    }
    let ordered = findings::ordered(&d.findings, d.root_cause);
    findings::fix_section(o, &ordered, lang)?;

    let others: Vec<_> = ordered
        .iter()
        .filter(|f| {
            d.root_cause
                .is_none_or(|i| !std::ptr::eq(**f, &d.findings[i]))
        })
        .collect();
    if !others.is_empty() {
        o.blank()?;
        o.line(&format!("{BOLD}{}{BOLD:#}", t!(lang, "report-findings")), 2)?;
        for f in others {
            findings::finding(o, f, false, lang)?;
        }
    }

    o.blank()?;
    route::what_go_will_do(o, r)?;

    if r.verbose {
        o.blank()?;
        o.line(
            &format!(
                "{BOLD}{}{BOLD:#}{DIM}{}{DIM:#}",
                t!(lang, "report-settings"),
                t!(lang, "report-settings-legend")
            ),
            2,
        )?;
        settings::settings_table(o, r.config, false, lang)?;
        if !r.targets.is_empty() {
            o.blank()?;
            o.line(
                &format!(
                    "{BOLD}{}{BOLD:#}{DIM}{}{DIM:#}",
                    t!(lang, "report-probes"),
                    t!(lang, "report-probes-legend")
                ),
                2,
            )?;
            for t in r.targets {
                probes::targets_line(o, t, off_route(t, &d.findings), lang)?;
                probes::evidence(o, t, lang)?;
            }
        }
    }

    let seconds = format!("{:.1}", r.duration_ms as f64 / 1000.0);
    let mut footer = if r.offline {
        t!(lang, "report-checked-offline", seconds = seconds)
    } else {
        t!(lang, "report-checked", seconds = seconds)
    };
    if !r.verbose {
        footer.push_str(&t!(lang, "report-more-with-v"));
    }
    o.blank()?;
    o.line(&format!("{DIM}{footer}{DIM:#}"), 2)
}

pub fn config(w: &mut dyn Write, cfg: &Config, lang: Lang) -> io::Result<()> {
    settings::config(&mut Out::new(w, terminal_width()), cfg, lang)
}
