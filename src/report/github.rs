//! `--format github`: GitHub Actions workflow commands (`::error::` / `::warning::`), one per
//! finding, so CI logs show them as annotations.

use std::io::{self, Write};

use super::CheckReport;
use crate::diagnose::Severity;

/// Escapes a workflow-command message: `%`, CR and LF, as GitHub documents.
fn escape(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_prop(s: &str) -> String {
    escape(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn check(w: &mut dyn Write, r: &CheckReport) -> io::Result<()> {
    for f in &r.diagnosis.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut msg = r.lang.message(f);
        if let Some(fix) = f.remediation.iter().find_map(|x| x.command.as_deref()) {
            msg.push_str(&format!("\nfix: {fix}"));
        }
        writeln!(
            w,
            "::{level} title={}::{}",
            escape_prop(&format!("godoctor {}", f.code)),
            escape(&crate::redact::shown(&msg))
        )?;
    }
    let verdict = r.diagnosis.verdict();
    writeln!(
        w,
        "godoctor: verdict {verdict}, go predicted to {}",
        if r.diagnosis.outcome.predicted == crate::diagnose::predict::Predicted::Fail {
            "fail"
        } else {
            "succeed"
        }
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::escape("a%b\nc"), "a%25b%0Ac");
        assert_eq!(super::escape_prop("x:y,z"), "x%3Ay%2Cz");
    }
}
