//! The report's first screen: one row per part of go's route with ✓ / ! / ✗ (– unused), then
//! the verdict. Built from [`Summary`], as the markdown report is.

use std::io;

use super::style::{DIM, GREEN, RED, YELLOW, mark, pad};
use super::wrap::Out;
use crate::i18n::Lang;
use crate::report::CheckReport;
use crate::report::layer_words::layer_result;
use crate::report::summary::{HostResult, Mark, Part, Row, Summary};
use crate::t;

pub fn part_name(p: Part, lang: Lang) -> String {
    match p {
        Part::Configuration => t!(lang, "summary-configuration"),
        Part::Proxies => t!(lang, "summary-proxies"),
        Part::Sumdb => t!(lang, "summary-sumdb"),
        Part::Direct => t!(lang, "summary-direct"),
        Part::Toolchain => t!(lang, "summary-toolchain"),
        Part::HttpProxy => t!(lang, "summary-http-proxy"),
    }
}

/// `proxy.golang.org ✓`, `goproxy.cn: tls ✗ unknown issuer (interception)`.
pub fn host_said(h: &HostResult, lang: Lang) -> String {
    match h.failure {
        None => format!("{} ✓", h.host),
        Some((layer, kind)) => format!("{}: {layer} ✗ {}", h.host, layer_result(kind, lang)),
    }
}

/// What a row says after its name: the hosts probed, the codes no host's result explains,
/// else why there is nothing to say.
pub fn row_detail(row: &Row, r: &CheckReport) -> String {
    let lang = r.lang;
    let mut parts: Vec<String> = row.hosts.iter().map(|h| host_said(h, lang)).collect();
    if row.part == Part::Configuration
        && row.codes.is_empty()
        && let Some(s) = r.config.settings.get("GOPROXY")
    {
        parts.push(format!(
            "GOPROXY={} [{}]",
            crate::redact::escape::visible(&s.value.redacted()),
            s.origin.as_str()
        ));
    }
    // Codes say what is wrong where no host's result does.
    if row.part == Part::Configuration || row.hosts.iter().all(|h| h.failure.is_none()) {
        parts.extend(row.codes.iter().map(|c| c.as_str().to_owned()));
    }
    if parts.is_empty() {
        parts.push(match (row.on_route, r.offline) {
            (false, _) => t!(lang, "summary-unused"),
            (true, true) => t!(lang, "summary-not-probed"),
            (true, false) => t!(lang, "summary-not-reached"),
        });
    }
    parts.join("  ·  ")
}

pub fn summary(o: &mut Out, r: &CheckReport, s: &Summary) -> io::Result<()> {
    let names: Vec<String> = s.rows.iter().map(|x| part_name(x.part, r.lang)).collect();
    let cols = names
        .iter()
        .map(|n| crate::report::width::width(n))
        .max()
        .unwrap_or(0);
    for (row, name) in s.rows.iter().zip(&names) {
        let (style, m) = mark(row.mark);
        let detail = row_detail(row, r);
        let line = if row.mark == Mark::Unused {
            format!("  {style}{m} {}  {detail}{style:#}", pad(name, cols))
        } else {
            format!(
                "  {style}{m}{style:#} {}  {DIM}{detail}{DIM:#}",
                pad(name, cols)
            )
        };
        o.line(&line, cols + 6)?;
    }
    Ok(())
}

/// `✗ go mod download will fail`, and the root cause's code.
pub fn verdict(o: &mut Out, r: &CheckReport) -> io::Result<()> {
    let command = r.plan.command.go.to_string();
    let (style, m, verdict) = match r.diagnosis.verdict() {
        "fail" if r.diagnosis.undetermined() => (
            RED,
            "✗",
            t!(r.lang, "report-verdict-undetermined", command = command),
        ),
        "fail" => (
            RED,
            "✗",
            t!(r.lang, "report-verdict-fail", command = command),
        ),
        "warn" => (
            YELLOW,
            "!",
            t!(r.lang, "report-verdict-warn", command = command),
        ),
        _ => (
            GREEN,
            "✓",
            t!(r.lang, "report-verdict-ok", command = command),
        ),
    };
    let offline = if r.offline {
        format!(" {DIM}{}{DIM:#}", t!(r.lang, "report-verdict-offline"))
    } else {
        String::new()
    };
    o.line(&format!("{style}{m} {verdict}{style:#}{offline}"), 2)
}
