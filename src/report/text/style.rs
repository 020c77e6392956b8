//! The report's styles: plain ANSI, stripped by the caller's `anstream` stream when NO_COLOR
//! is set, output is not a terminal, or `--color never` was given.

use anstyle::{AnsiColor, Style};

use crate::diagnose::Severity;
use crate::report::summary::Mark;

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub const GREEN: Style = AnsiColor::Green.on_default().bold();
pub const CYAN: Style = AnsiColor::Cyan.on_default();

pub fn severity(sev: Severity) -> (Style, &'static str) {
    match sev {
        Severity::Error => (RED, "✗"),
        Severity::Warning => (YELLOW, "!"),
        Severity::Info => (CYAN, "i"),
    }
}

pub fn mark(m: Mark) -> (Style, &'static str) {
    match m {
        Mark::Fail => (RED, "✗"),
        Mark::Warn => (YELLOW, "!"),
        Mark::Ok => (GREEN, "✓"),
        Mark::Unused => (DIM, "–"),
    }
}

/// Left-aligns `s` in `cols` terminal columns (Han characters take two).
pub fn pad(s: &str, cols: usize) -> String {
    let w = crate::report::width::width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}
