//! Findings (code, message, the evidence under it) and the fix: each finding's steps under
//! one comment that names its code, commands on their own lines, ready to copy.

use std::io;

use super::style::{BOLD, DIM, severity};
use super::wrap::Out;
use crate::diagnose::{Finding, Remedy, Severity};
use crate::i18n::Lang;
use crate::redact::shown as redact_urls;
use crate::t;

/// One finding: `✗ CODE  message`, continued under the message, evidence dimmed below.
pub fn finding(o: &mut Out, f: &Finding, root: bool, lang: Lang) -> io::Result<()> {
    let (style, m) = severity(f.severity);
    let tag = if root {
        format!("{} ", t!(lang, "report-root-cause"))
    } else {
        String::new()
    };
    o.line(
        &format!(
            "  {style}{m} {tag}{}{style:#}  {}",
            f.code,
            redact_urls(&lang.message(f))
        ),
        6,
    )?;
    for e in &lang.evidence(f) {
        for line in e.lines() {
            o.line(&format!("      {DIM}{}{DIM:#}", redact_urls(line)), 8)?;
        }
    }
    Ok(())
}

/// The findings in the order their fixes are shown: the root cause, then the others.
pub fn ordered(findings: &[Finding], root: Option<usize>) -> Vec<&Finding> {
    let root = root.and_then(|i| findings.get(i));
    root.into_iter()
        .chain(
            findings
                .iter()
                .filter(|f| !root.is_some_and(|r| std::ptr::eq(*f, r))),
        )
        .collect()
}

/// The steps worth showing: of warnings and errors, each step once (the first finding that
/// names it keeps it).
pub fn fixes<'a>(findings: &[&'a Finding]) -> Vec<(&'a Finding, Vec<&'a Remedy>)> {
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    let mut out = Vec::new();
    for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
        let mut steps = Vec::new();
        for r in &f.remediation {
            let key = (r.description.as_str(), r.command.as_deref());
            if !seen.contains(&key) {
                seen.push(key);
                steps.push(r);
            }
        }
        if !steps.is_empty() {
            out.push((*f, steps));
        }
    }
    out
}

/// The Fix section. Comments wrap as comments (`# ` again on each line), so the whole block
/// still pastes into a shell; commands never wrap.
pub fn fix_section(o: &mut Out, findings: &[&Finding], lang: Lang) -> io::Result<()> {
    let groups = fixes(findings);
    if groups.is_empty() {
        return Ok(());
    }
    o.blank()?;
    o.line(&format!("{BOLD}{}{BOLD:#}", t!(lang, "report-fix")), 2)?;
    for (f, steps) in groups {
        for (i, r) in steps.iter().enumerate() {
            let comment = lang.fix_comment(f, i, r);
            o.comment(&comment, DIM)?;
            if let Some(c) = &r.command {
                o.verbatim(&format!("  {c}"))?;
            }
        }
    }
    Ok(())
}
