//! The summary table the tier prints to stderr: one line per scenario and go.

use super::Row;

pub fn table(rows: &[Row]) -> String {
    let head = [
        "scenario",
        "go version",
        "go",
        "godoctor",
        "agree",
        "go s",
        "godoctor s",
        "expected root",
        "got root",
        "fix",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let go = match r.go_ok {
                Some(true) => "ok",
                Some(false) => "fail",
                None => "timeout",
            };
            let doc = r
                .doctor
                .as_ref()
                .map(|d| d.predicted.clone())
                .unwrap_or_else(|| "?".into());
            let agree = match (r.go_ok, &r.doctor) {
                (Some(ok), Some(d)) => {
                    if (ok && d.predicted == "ok") || (!ok && d.predicted == "fail") {
                        "yes"
                    } else {
                        "NO"
                    }
                }
                _ => "?",
            };
            vec![
                r.scenario.to_string(),
                r.go.to_string(),
                go.to_string(),
                doc,
                agree.to_string(),
                format!("{:.1}", r.go_s),
                r.doctor
                    .as_ref()
                    .map(|d| format!("{:.1}", d.secs))
                    .unwrap_or_else(|| "?".into()),
                r.expect.root(),
                r.got_root(),
                match r.fix_ok {
                    Some(true) => "go ok".to_string(),
                    Some(false) => "FAILED".to_string(),
                    None => "-".to_string(),
                },
            ]
        })
        .collect();
    let mut w: Vec<usize> = head.iter().map(|h| h.len()).collect();
    for c in &cells {
        for (i, s) in c.iter().enumerate() {
            w[i] = w[i].max(s.len());
        }
    }
    let line = |c: &[String]| {
        let s: Vec<String> = c
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{s:<width$}", width = w[i]))
            .collect();
        format!("| {} |\n", s.join(" | "))
    };
    let mut out = line(&head.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    out.push_str(&line(&w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>()));
    for c in &cells {
        out.push_str(&line(c));
    }
    out
}
