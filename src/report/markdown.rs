//! `check --format markdown`: a report to paste into an issue (what goproxy.cn's and Athens's
//! issue templates ask for) — versions, the command, the summary and verdict, findings, each
//! module's route, the settings with their origins, the HTTP proxy variables and every probe.
//! Built from the same [`CheckReport`] and [`Summary`] as the text report; every value
//! goes through the same redaction as the text report's, so no secret reaches the paste.

use std::io::{self, Write};

use super::CheckReport;
use super::summary::{Mark, Summary, off_route};
use super::text::{host_said, part_name, role_name, route_line};
use crate::config::KEYS;
use crate::redact::shown as redact_urls;
use crate::t;

/// A value in a table cell: inline code, `|` escaped, on one line.
fn code(s: &str) -> String {
    let s = s.replace('|', "\\|").replace('\n', " ");
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn mark(m: Mark) -> &'static str {
    match m {
        Mark::Fail => "✗",
        Mark::Warn => "!",
        Mark::Ok => "✓",
        Mark::Unused => "–",
    }
}

pub fn check(w: &mut dyn Write, r: &CheckReport) -> io::Result<()> {
    let lang = r.lang;
    let d = r.diagnosis;
    let cfg = r.config;
    writeln!(w, "### {}\n", t!(lang, "markdown-title"))?;
    let go = lang.go_found(&cfg.go);
    // As go names them (GOOS/GOARCH), as the issue templates ask.
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    };
    let os = format!("{}/{arch}", std::env::consts::OS);
    writeln!(
        w,
        "- godoctor {} · {} · {os}",
        env!("CARGO_PKG_VERSION"),
        redact_urls(&go)
    )?;
    let command = r.plan.command.go.to_string();
    let verdict = match d.verdict() {
        "fail" if d.undetermined() => {
            t!(
                lang,
                "report-verdict-undetermined",
                command = command.as_str()
            )
        }
        "fail" => t!(lang, "report-verdict-fail", command = command.as_str()),
        "warn" => t!(lang, "report-verdict-warn", command = command.as_str()),
        _ => t!(lang, "report-verdict-ok", command = command.as_str()),
    };
    write!(w, "- **{verdict}**")?;
    if let Some(i) = d.root_cause {
        let root = t!(lang, "report-root-cause");
        write!(w, " — {root} `{}`", d.findings[i].code)?;
    }
    if r.offline {
        write!(w, " {}", t!(lang, "report-verdict-offline"))?;
    }
    writeln!(w)?;
    if !r.plan.from_gomod && !r.plan.modules.is_empty() {
        let modules: Vec<&str> = r.plan.modules.iter().map(|m| m.module.as_str()).collect();
        let line = t!(lang, "report-canary", modules = modules.join(", "));
        writeln!(w, "- {line}")?;
    }

    let s = Summary::of(r);
    writeln!(w, "\n| | | |\n|---|---|---|")?;
    for row in &s.rows {
        let detail = super::text::row_detail(row, r);
        writeln!(
            w,
            "| {} | {} | {} |",
            mark(row.mark),
            part_name(row.part, lang),
            cell(&detail)
        )?;
    }

    if !d.findings.is_empty() {
        writeln!(w, "\n#### {}\n", t!(lang, "report-findings"))?;
        for (i, f) in d.findings.iter().enumerate() {
            let root = if d.root_cause == Some(i) {
                format!(" ({})", t!(lang, "report-root-cause"))
            } else {
                String::new()
            };
            let sev = f.severity.as_str();
            writeln!(
                w,
                "- {sev} `{}`{root}: {}",
                f.code,
                cell(&redact_urls(&lang.message(f)))
            )?;
            for e in lang.evidence(f).iter().flat_map(|e| e.lines()) {
                writeln!(w, "  - {}", cell(&redact_urls(e)))?;
            }
        }
    }

    writeln!(w, "\n#### {}\n", t!(lang, "report-what-go-will-do"))?;
    for (host, mods) in r.plan.by_host() {
        let names: Vec<&str> = mods.iter().map(|m| m.module.as_str()).collect();
        let error = d
            .outcome
            .modules
            .iter()
            .filter(|o| names.iter().any(|n| o.module.starts_with(n)))
            .find_map(|o| o.error.as_deref());
        writeln!(
            w,
            "- {} ({host}): {}",
            code(&names.join(", ")),
            code(&route_line(&mods[0].route, lang))
        )?;
        if let Some(e) = error {
            writeln!(w, "\n  ```text")?;
            for line in e.lines() {
                writeln!(w, "  {}", redact_urls(line))?;
            }
            writeln!(w, "  ```")?;
        }
    }

    writeln!(w, "\n#### {}\n", t!(lang, "report-settings"))?;
    writeln!(w, "| | | |\n|---|---|---|")?;
    for key in KEYS {
        let Some(s) = cfg.settings.get(key) else {
            continue;
        };
        if s.value.is_empty() && s.origin == crate::config::Origin::Default {
            continue;
        }
        writeln!(
            w,
            "| {key} | {} | {} |",
            code(&crate::redact::escape::visible(&s.value.redacted())),
            s.origin.as_str()
        )?;
    }
    let hp = &cfg.http_proxy;
    for v in [&hp.http, &hp.https].into_iter().flatten() {
        writeln!(
            w,
            "| {} | {} | env |",
            v.name,
            code(&redact_urls(&v.raw.redacted()))
        )?;
    }
    if let Some((n, v)) = &hp.no_proxy {
        writeln!(w, "| {n} | {} | env |", code(&redact_urls(&v.redacted())))?;
    }

    if !r.targets.is_empty() {
        writeln!(w, "\n#### {}\n", t!(lang, "report-probes"))?;
        writeln!(w, "| | | | |\n|---|---|---|---|")?;
        for t in r.targets {
            let layers: Vec<String> = t
                .layers
                .iter()
                .map(|l| format!("{} {:.0}ms", l.layer.as_str(), l.ms))
                .collect();
            let said = host_said(&super::summary::host_result(t), lang);
            let m = match (t.ok(), off_route(t, &d.findings)) {
                _ if !super::summary::probed(t) => "–".to_owned(),
                (true, _) => "✓".to_owned(),
                (false, false) => "✗".to_owned(),
                (false, true) => format!("– {}", t!(lang, "report-off-route")),
            };
            writeln!(
                w,
                "| {m} | {} | {} | {} · {} |",
                role_name(t.role, lang),
                code(&redact_urls(&t.url)),
                cell(&said),
                layers.join(" · ")
            )?;
        }
    }

    let ordered = super::text::ordered_findings(&d.findings, d.root_cause);
    let fixes = super::text::fixes(&ordered);
    if !fixes.is_empty() {
        writeln!(w, "\n#### {}\n\n```sh", t!(lang, "report-fix"))?;
        for (f, steps) in fixes {
            for (i, r) in steps.iter().enumerate() {
                let comment = lang.fix_comment(f, i, r);
                writeln!(w, "# {comment}")?;
                if let Some(c) = &r.command {
                    writeln!(w, "{c}")?;
                }
            }
        }
        writeln!(w, "```")?;
    }
    Ok(())
}
