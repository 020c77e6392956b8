//! `explain`: each error of a paste with its layer, meaning, checks and fix; and what
//! `explain --probe` saw.

use std::io;

use super::probes::{evidence, targets_line};
use super::style::{BOLD, DIM, YELLOW};
use super::wrap::Out;
use crate::i18n::Lang;
use crate::redact::shown as redact_urls;
use crate::t;

/// Every explanation of a paste in `lang`, the error go stopped on first first.
pub fn explain_in(
    w: &mut dyn std::io::Write,
    all: &crate::diagnose::explain::Explained,
    lang: Lang,
) -> io::Result<()> {
    let o = &mut Out::new(w, super::terminal_width());
    let n = all.errors.len();
    for (i, e) in all.errors.iter().enumerate() {
        if n > 1 {
            if i > 0 {
                o.blank()?;
            }
            let head = t!(lang, "explain-error-of", index = i + 1, total = n);
            o.verbatim(&format!("{DIM}{head}{DIM:#}"))?;
        }
        explanation(o, e, lang)?;
    }
    Ok(())
}

fn explanation(
    o: &mut Out,
    e: &crate::diagnose::explain::Explanation,
    lang: Lang,
) -> io::Result<()> {
    match (e.code, e.layer) {
        (Some(code), Some(layer)) => {
            let what = match &e.host {
                Some(h) => t!(
                    lang,
                    "explain-title-host",
                    code = code.as_str(),
                    layer = layer.as_str(),
                    host = redact_urls(h)
                ),
                None => t!(
                    lang,
                    "explain-title",
                    code = code.as_str(),
                    layer = layer.as_str()
                ),
            };
            let (name, rest) = what.split_at(code.as_str().len());
            o.verbatim(&format!("{BOLD}{name}{BOLD:#}{DIM}{rest}{DIM:#}"))?;
        }
        _ => o.verbatim(&format!(
            "{YELLOW}{}{YELLOW:#}",
            t!(lang, "explain-unrecognised")
        ))?,
    }
    o.line(&redact_urls(&e.summary.render(lang)), 2)?;
    if e.count > 1 {
        o.line(&t!(lang, "explain-count", count = e.count), 2)?;
    }
    o.blank()?;
    o.line(&redact_urls(&e.meaning.render(lang)), 0)?;
    if !e.checks.is_empty() {
        o.verbatim(&format!("\n{BOLD}{}{BOLD:#}", t!(lang, "explain-checks")))?;
        for (i, c) in e.checks.iter().enumerate() {
            o.line(&format!("  {}. {}", i + 1, redact_urls(&c.render(lang))), 5)?;
        }
    }
    if !e.remediation.is_empty() {
        o.verbatim(&format!("\n{BOLD}{}{BOLD:#}", t!(lang, "report-fix")))?;
        for r in &e.remediation {
            o.comment(&redact_urls(&lang.remedy(r)), DIM)?;
            if let Some(c) = &r.command {
                o.verbatim(&format!("  {}", redact_urls(c)))?;
            }
        }
    }
    Ok(())
}

/// What `explain --probe` saw: the targets of the one host it probed, layer by layer.
pub fn probed(
    w: &mut dyn std::io::Write,
    layer: &str,
    host: &str,
    targets: &[crate::probe::Target],
    lang: Lang,
) -> io::Result<()> {
    let o = &mut Out::new(w, super::terminal_width());
    let title = t!(
        lang,
        "explain-probe-title",
        layer = layer,
        host = redact_urls(host)
    );
    o.line(&format!("{BOLD}{title}{BOLD:#}"), 2)?;
    for t in targets {
        targets_line(o, t, false, lang)?;
        evidence(o, t, lang)?;
    }
    Ok(())
}
