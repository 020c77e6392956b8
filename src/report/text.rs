//! The report for people: Go version and where settings come from, what go will do per module,
//! the root cause first, other findings, and the fix commands last, ready to copy.
//!
//! Styles are plain ANSI; the caller writes through an `anstream` stream, which strips them
//! when NO_COLOR is set, output is not a terminal, or `--color never` was given.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::json::detail as shown;
use super::{CheckReport, Lang};
use crate::config::goproxy::FallThrough;
use crate::config::{Config, KEYS};
use crate::diagnose::predict::Predicted;
use crate::diagnose::{Finding, Severity};
use crate::plan::{Step, SumdbStep};
// Redaction and control-character escaping, for text output.
use crate::redact::shown as redact_urls;
use crate::t;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = AnsiColor::Red.on_default().bold();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default().bold();
const CYAN: Style = AnsiColor::Cyan.on_default();

fn mark(sev: Severity) -> (Style, &'static str) {
    match sev {
        Severity::Error => (RED, "✗"),
        Severity::Warning => (YELLOW, "!"),
        Severity::Info => (CYAN, "i"),
    }
}

/// Left-aligns `s` in `cols` terminal columns (Han characters take two).
fn pad(s: &str, cols: usize) -> String {
    let w = super::width::width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

fn header(w: &mut dyn Write, cfg: &Config, lang: Lang) -> io::Result<()> {
    write!(w, "{BOLD}godoctor {}{BOLD:#}  ", env!("CARGO_PKG_VERSION"))?;
    match (&cfg.go.path, &cfg.go.version_string) {
        (Some(p), Some(v)) => writeln!(
            w,
            "{}",
            t!(
                lang,
                "report-go-at",
                version = v,
                path = p.display().to_string()
            )
        ),
        (Some(p), None) => writeln!(
            w,
            "{}",
            t!(lang, "report-go-unusable", path = p.display().to_string())
        ),
        (None, _) => writeln!(
            w,
            "{}",
            t!(
                lang,
                "report-go-not-found",
                version = crate::config::goversion::GoVersion::assumed_current().to_string()
            )
        ),
    }
}

pub fn settings_table(w: &mut dyn Write, cfg: &Config, all: bool, lang: Lang) -> io::Result<()> {
    for key in KEYS {
        let Some(s) = cfg.settings.get(key) else {
            continue;
        };
        if !all && s.value.is_empty() && s.origin == crate::config::Origin::Default {
            continue;
        }
        let value = if s.value.is_empty() {
            t!(lang, "report-empty-value")
        } else {
            crate::redact::escape::visible(&s.value.redacted()).into_owned()
        };
        write!(w, "  {key:<12} {value}  {DIM}[{}", s.origin.as_str())?;
        if let Some(d) = s.derived_from {
            write!(w, "{}", t!(lang, "report-derived-from", setting = d))?;
        }
        writeln!(w, "]{DIM:#}")?;
    }
    Ok(())
}

fn route_line(steps: &[Step], lang: Lang) -> String {
    let mut line = String::new();
    for (i, s) in steps.iter().enumerate() {
        match s {
            Step::Proxy {
                proxy,
                via_http_proxy,
                ..
            } => {
                line.push_str(proxy);
                if let Some(p) = via_http_proxy {
                    line.push_str(&t!(lang, "report-route-via-https-proxy", proxy = p));
                }
            }
            Step::Skipped { proxy, .. } => {
                line.push_str(&t!(lang, "report-route-skipped", proxy = proxy))
            }
            Step::Direct(d) => {
                let mut steps = String::new();
                if let Some(u) = &d.discovery_url {
                    steps.push_str(&t!(lang, "report-route-discovery", url = u));
                }
                steps.push_str(&format!("git {}", d.git_url));
                if d.git_transport == "ssh" {
                    steps.push_str(&t!(lang, "report-route-ssh", port = d.git_port.to_string()));
                }
                line.push_str(&t!(lang, "report-route-direct", steps = steps));
            }
            Step::Off => line.push_str("off"),
        }
        if i + 1 < steps.len() {
            let sep = match s {
                Step::Proxy { fall_through, .. } => match fall_through {
                    FallThrough::NotFoundOnly => t!(lang, "report-route-not-found-only"),
                    FallThrough::AnyError => t!(lang, "report-route-any-error"),
                },
                _ => " → ".to_owned(),
            };
            line.push_str(&sep);
        }
    }
    redact_urls(&line)
}

/// `-v`: what each layer saw.
fn evidence(w: &mut dyn Write, t: &crate::probe::Target, lang: Lang) -> io::Result<()> {
    use crate::probe::LayerName;
    for l in &t.layers {
        let mut lines: Vec<String> = Vec::new();
        let mut field = |layer: &str, key: &str, value: Option<String>| {
            if let Some(v) = value {
                lines.push(format!("{layer} {key}: {v}"));
            }
        };
        match l.layer {
            LayerName::Dns => {
                if let Some(d) = l.detail.as_dns() {
                    field("dns", "source", Some(d.source.clone()));
                    field("dns", "answered_by", d.answered_by.clone());
                    field("dns", "a", d.a.as_ref().and_then(dns_answer));
                    field("dns", "aaaa", d.aaaa.as_ref().and_then(dns_answer));
                    field("dns", "addresses", listed::<_, String>(&d.addresses));
                    field("dns", "bogus", listed::<_, shown::BogusAddress>(&d.bogus));
                    field(
                        "dns",
                        "comparison",
                        listed::<_, shown::Comparison>(&d.comparison),
                    );
                }
            }
            LayerName::Tcp => {
                for a in l.detail.as_tcp().map_or(&[][..], |t| &t.attempts) {
                    lines.push(format!("tcp {} {}", a.address, a.result));
                }
            }
            LayerName::Tls => {
                if let Some(d) = l.detail.as_tls() {
                    let negotiated = d.negotiated.as_ref();
                    field("tls", "version", negotiated.and_then(|n| n.version.clone()));
                    field("tls", "cipher", negotiated.and_then(|n| n.cipher.clone()));
                    field("tls", "alpn", negotiated.and_then(|n| n.alpn.clone()));
                    field(
                        "tls",
                        "public_roots_accept",
                        d.public_roots_accept.flatten().map(|a| a.to_string()),
                    );
                    field(
                        "tls",
                        "clock_hint",
                        d.clock_hint
                            .as_ref()
                            .and_then(|h| h.as_ref())
                            .map(|h| json_text(&shown::ClockHint::from(h))),
                    );
                    field("tls", "first_bytes", d.first_bytes.clone());
                    for (i, c) in d.chain.iter().enumerate() {
                        let (subject, issuer, not_before, not_after, sans) = match c {
                            crate::probe::evidence::Certificate::Parsed {
                                subject,
                                issuer,
                                not_before,
                                not_after,
                                sans,
                            } => (
                                subject.clone(),
                                issuer.clone(),
                                not_before.clone(),
                                not_after.clone(),
                                json_text(sans),
                            ),
                            crate::probe::evidence::Certificate::Unparsable { .. } => {
                                let null = || "null".to_owned();
                                (null(), null(), null(), null(), null())
                            }
                        };
                        lines.push(t!(
                            lang,
                            "report-cert",
                            index = i.to_string(),
                            subject = subject,
                            issuer = issuer,
                            not_before = not_before,
                            not_after = not_after,
                            sans = sans,
                        ));
                    }
                }
            }
            LayerName::Http => {
                if let Some(h) = l.detail.as_http() {
                    let response = h.response.as_ref();
                    field("http", "status", Some(h.status.to_string()));
                    field("http", "version", response.map(|r| r.version.to_owned()));
                    field("http", "ttfb_ms", response.map(|r| json_text(&r.ttfb_ms)));
                    field("http", "headers", response.map(|r| json_text(&r.headers)));
                    field(
                        "http",
                        "redirects",
                        h.redirects.as_ref().map(|r| {
                            json_text(&r.iter().map(shown::Redirect::from).collect::<Vec<_>>())
                        }),
                    );
                    field(
                        "http",
                        "info",
                        h.info
                            .as_ref()
                            .map(|i| json_text(&shown::InfoCheck::from(i))),
                    );
                    field(
                        "http",
                        "body_excerpt",
                        response
                            .map(|r| r.body_excerpt.clone())
                            .filter(|b| !b.is_empty()),
                    );
                }
            }
            LayerName::Proxy => {
                if let Some(p) = l.detail.as_proxy() {
                    field("proxy", "status", Some(p.status.to_string()));
                    field(
                        "proxy",
                        "status_line",
                        Some(p.status_line.clone()).filter(|s| !s.is_empty()),
                    );
                    field("proxy", "auth_schemes", Some(json_text(&p.auth_schemes)));
                }
            }
            LayerName::Sumdb => {
                if let Some(s) = l.detail.as_sumdb() {
                    field("sumdb", "database", s.database.clone());
                    field("sumdb", "key", s.key.clone());
                    field("sumdb", "tree_size", s.tree_size.map(|n| n.to_string()));
                    field(
                        "sumdb",
                        "lookup",
                        s.lookup
                            .as_ref()
                            .map(|l| json_text(&shown::Lookup::from(l))),
                    );
                    field("sumdb", "signers", s.signers.as_ref().map(json_text));
                }
            }
        }
        if let Some(e) = &l.error {
            lines.push(t!(
                lang,
                "report-layer-error",
                layer = l.layer.as_str(),
                error = e.message.as_str()
            ));
        }
        for line in lines {
            writeln!(w, "        {DIM}{}{DIM:#}", redact_urls(&line))?;
        }
    }
    Ok(())
}

/// A value as compact JSON, keys sorted, as `check --json` shows it.
fn json_text<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_value(v)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// A list as `check --json` shows it (`S`: its shape there), unless there is none or it is
/// empty.
fn listed<'a, T: 'a, S: From<&'a T> + serde::Serialize>(v: &'a Option<Vec<T>>) -> Option<String> {
    v.as_ref()
        .filter(|v| !v.is_empty())
        .map(|v| json_text(&v.iter().map(S::from).collect::<Vec<_>>()))
}

/// One family's DNS answer as JSON, unless it is an empty list.
fn dns_answer(a: &crate::probe::evidence::DnsAnswer) -> Option<String> {
    match a {
        crate::probe::evidence::DnsAnswer::Addresses(v) if v.is_empty() => None,
        other => Some(json_text(&shown::DnsAnswer::from(other))),
    }
}

fn role_name(r: crate::probe::Role, lang: Lang) -> String {
    use crate::probe::Role::*;
    match r {
        Proxy => t!(lang, "report-role-proxy"),
        Sumdb => t!(lang, "report-role-sumdb"),
        SumdbViaProxy => t!(lang, "report-role-sumdb-via-proxy"),
        Vcs => t!(lang, "report-role-vcs"),
        HttpProxy => t!(lang, "report-role-http-proxy"),
        Toolchain => t!(lang, "report-role-toolchain"),
    }
}

fn targets_line(w: &mut dyn Write, t: &crate::probe::Target, lang: Lang) -> io::Result<()> {
    use crate::probe::Status;
    let (style, m) = if t.ok() { (GREEN, "✓") } else { (RED, "✗") };
    let via = t
        .via_proxy
        .as_ref()
        .map(|p| {
            format!(
                " {DIM}{}{DIM:#}",
                t!(lang, "report-via", proxy = redact_urls(p))
            )
        })
        .unwrap_or_default();
    writeln!(
        w,
        "  {style}{m}{style:#} {DIM}{}{DIM:#} {}{via}",
        pad(&role_name(t.role, lang), 15),
        redact_urls(&t.url)
    )?;
    let mut parts = Vec::new();
    for l in &t.layers {
        let name = l.layer.as_str();
        let part = match l.status {
            Status::Ok => format!("{name} {GREEN}✓{GREEN:#} {:.0}ms", l.ms),
            Status::Skipped => format!("{DIM}{name} –{DIM:#}"),
            Status::Timeout => format!(
                "{name} {RED}✗ {}{RED:#} {:.0}ms",
                t!(lang, "report-layer-timeout"),
                l.ms
            ),
            Status::Fail => format!(
                "{name} {RED}✗ {}{RED:#} {:.0}ms",
                l.kind()
                    .map_or_else(|| t!(lang, "report-layer-failed"), |k| k.kind().to_owned()),
                l.ms
            ),
        };
        parts.push(part);
    }
    if let Some(g) = &t.git {
        parts.push(match g.status {
            Status::Ok => format!("git ✓ {:.0}ms", g.ms),
            _ => format!(
                "git {RED}✗ {}{RED:#} {:.0}ms",
                g.error.as_ref().map_or_else(
                    || t!(lang, "report-layer-failed"),
                    |e| e.kind.kind().to_owned()
                ),
                g.ms
            ),
        });
    }
    writeln!(w, "      {}", parts.join("  ·  "))
}

fn finding(w: &mut dyn Write, f: &Finding, root: bool, lang: super::Lang) -> io::Result<()> {
    let (style, m) = mark(f.severity);
    let tag = if root {
        format!("{} ", t!(lang, "report-root-cause"))
    } else {
        String::new()
    };
    writeln!(
        w,
        "  {style}{m} {tag}{}{style:#}  {}",
        f.code,
        redact_urls(&lang.message(f))
    )?;
    for e in &f.evidence {
        for line in e.lines() {
            writeln!(w, "      {DIM}{}{DIM:#}", redact_urls(line))?;
        }
    }
    Ok(())
}

pub fn check(w: &mut dyn Write, r: &CheckReport) -> io::Result<()> {
    let cfg = r.config;
    let d = r.diagnosis;
    header(w, cfg, r.lang)?;
    writeln!(
        w,
        "\n{BOLD}{}{BOLD:#}{DIM}{}{DIM:#}",
        t!(r.lang, "report-settings"),
        t!(r.lang, "report-settings-legend")
    )?;
    settings_table(w, cfg, false, r.lang)?;

    writeln!(
        w,
        "\n{BOLD}{}{BOLD:#}{}",
        t!(r.lang, "report-what-go-will-do"),
        if r.offline {
            t!(r.lang, "report-offline-note")
        } else {
            String::new()
        }
    )?;
    if let Some(reason) = &r.plan.vendor_mode {
        writeln!(
            w,
            "  {}",
            t!(
                r.lang,
                "report-vendor",
                reason = reason.lines().next().unwrap_or("")
            )
        )?;
    }
    if let Some(tc) = &d.outcome.toolchain {
        let (style, m) = if tc.predicted == Predicted::Fail {
            (RED, "✗")
        } else {
            (GREEN, "✓")
        };
        let target = tc
            .target
            .as_ref()
            .map(|t| format!(" {t}"))
            .unwrap_or_default();
        let via = tc
            .via
            .as_ref()
            .map(|v| match &tc.path {
                Some(p) => format!(" {DIM}← {v} ({p}){DIM:#}"),
                None => format!(" {DIM}← {}{DIM:#}", redact_urls(v)),
            })
            .unwrap_or_default();
        let why = tc
            .required_by
            .as_ref()
            .map(|b| {
                let why = t!(
                    r.lang,
                    "report-mid-command-switch",
                    module = b.module.as_str(),
                    go = b.go.as_str()
                );
                format!(" {DIM}· {why}{DIM:#}")
            })
            .unwrap_or_default();
        writeln!(
            w,
            "  {style}{m}{style:#} {}{target}{via}{why}",
            t!(r.lang, "report-toolchain")
        )?;
        if let Some(e) = &tc.error {
            for line in e.lines() {
                writeln!(w, "      {RED}{}{RED:#}", redact_urls(line))?;
            }
        }
    }
    if r.plan.modules.is_empty() {
        writeln!(w, "  {}", t!(r.lang, "report-no-module"))?;
    }
    for (host, mods) in r.plan.by_host() {
        let outcomes: Vec<_> = d
            .outcome
            .modules
            .iter()
            .filter(|o| mods.iter().any(|m| o.module.starts_with(&m.module)))
            .collect();
        let failed = outcomes.iter().find(|o| o.predicted == Predicted::Fail);
        let (style, m) = if failed.is_some() {
            (RED, "✗")
        } else {
            (GREEN, "✓")
        };
        let count = if mods.len() == 1 {
            mods[0].module.clone()
        } else {
            t!(
                r.lang,
                "report-host-modules",
                host = host,
                count = mods.len()
            )
        };
        let mut flags = Vec::new();
        if mods[0].private {
            flags.push("GOPRIVATE");
        }
        if mods[0].nosumdb && !mods[0].private {
            flags.push("GONOSUMDB");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" {DIM}[{}]{DIM:#}", flags.join(", "))
        };
        writeln!(w, "  {style}{m}{style:#} {count}{flags}")?;
        writeln!(
            w,
            "      {DIM}{}{DIM:#}",
            route_line(&mods[0].route, r.lang)
        )?;
        if let Some(o) = failed
            && let Some(e) = &o.error
        {
            for line in e.lines() {
                writeln!(w, "      {RED}{}{RED:#}", redact_urls(line))?;
            }
        }
    }
    if !r.plan.sumdb_route.is_empty() && r.plan.modules.iter().any(|m| m.needs_sumdb) {
        let steps: Vec<String> = r
            .plan
            .sumdb_route
            .iter()
            .map(|s| match s {
                SumdbStep::ViaProxy { supported_url, .. } => supported_url.clone(),
                SumdbStep::Direct { url, explicit, .. } => {
                    if *explicit {
                        t!(r.lang, "report-sumdb-url", url = url)
                    } else {
                        url.clone()
                    }
                }
            })
            .collect();
        writeln!(
            w,
            "  {}",
            t!(
                r.lang,
                "report-checksum-database",
                route = redact_urls(&steps.join(" → "))
            )
        )?;
    }

    if r.config.gosum.is_some() && !d.outcome.modules.is_empty() {
        use crate::diagnose::predict::GoSumVerdict as V;
        let count = |v: V| {
            d.outcome
                .modules
                .iter()
                .filter(|o| o.facts.gosum == v)
                .count()
        };
        writeln!(
            w,
            "  {}",
            t!(
                r.lang,
                "report-gosum",
                matched = count(V::Match),
                absent = count(V::Absent),
                mismatched = count(V::Mismatch),
                unchecked = count(V::NotChecked),
            )
        )?;
    }

    if !r.targets.is_empty() {
        writeln!(
            w,
            "\n{BOLD}{}{BOLD:#}{DIM}{}{DIM:#}",
            t!(r.lang, "report-probes"),
            t!(r.lang, "report-probes-legend")
        )?;
        for t in r.targets {
            targets_line(w, t, r.lang)?;
            if r.verbose {
                evidence(w, t, r.lang)?;
            }
        }
    }

    writeln!(w)?;
    if d.findings.is_empty() {
        writeln!(w, "{GREEN}{}{GREEN:#}", t!(r.lang, "report-no-problems"))?;
    } else {
        writeln!(w, "{BOLD}{}{BOLD:#}", t!(r.lang, "report-findings"))?;
        if let Some(i) = d.root_cause {
            finding(w, &d.findings[i], true, r.lang)?;
        }
        for (i, f) in d.findings.iter().enumerate() {
            if Some(i) != d.root_cause {
                finding(w, f, false, r.lang)?;
            }
        }
    }

    let lang = r.lang;
    let fixes: Vec<(&Finding, &crate::diagnose::Remedy)> = d
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .flat_map(|f| f.remediation.iter().map(move |r| (f, r)))
        .collect();
    if !fixes.is_empty() {
        writeln!(w, "\n{BOLD}{}{BOLD:#}", t!(r.lang, "report-fix"))?;
        let mut seen = Vec::new();
        for (f, r) in fixes {
            let key = (r.description.as_str(), r.command.as_deref());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            writeln!(
                w,
                "  {DIM}# {}{DIM:#}",
                t!(
                    lang,
                    "report-fix-step",
                    description = lang.remedy(r),
                    code = f.code.as_str()
                )
            )?;
            if let Some(c) = &r.command {
                writeln!(w, "  {c}")?;
            }
        }
    }
    let command = r.plan.command.go.to_string();
    let (style, verdict) = match d.verdict() {
        "fail" => (RED, t!(r.lang, "report-verdict-fail", command = command)),
        "warn" => (YELLOW, t!(r.lang, "report-verdict-warn", command = command)),
        _ => (GREEN, t!(r.lang, "report-verdict-ok", command = command)),
    };
    let ms = r.duration_ms.to_string();
    let timing = if r.offline {
        t!(r.lang, "report-duration-offline", ms = ms)
    } else {
        t!(r.lang, "report-duration", ms = ms)
    };
    writeln!(w, "\n{style}{verdict}{style:#}{DIM}{timing}{DIM:#}")?;
    Ok(())
}

pub fn config(w: &mut dyn Write, cfg: &Config, lang: Lang) -> io::Result<()> {
    header(w, cfg, lang)?;
    settings_table(w, cfg, true, lang)?;
    if let Some(f) = &cfg.goenv_file {
        let line = t!(
            lang,
            "config-goenv-file",
            path = redact_urls(&f.path.display().to_string())
        );
        writeln!(w, "\n  {line}")?;
    }
    if let Some(f) = &cfg.goroot_goenv {
        writeln!(
            w,
            "  GOROOT/go.env: {}",
            redact_urls(&f.path.display().to_string())
        )?;
    }
    let hp = &cfg.http_proxy;
    for v in [&hp.http, &hp.https].into_iter().flatten() {
        writeln!(w, "  {}={}", v.name, redact_urls(&v.raw.redacted()))?;
    }
    if let Some((n, v)) = &hp.no_proxy {
        writeln!(w, "  {n}={}", redact_urls(&crate::redact::value(v)))?;
    }
    if !cfg.netrc.machines.is_empty() {
        let line = t!(
            lang,
            "config-netrc-machines",
            hosts = redact_urls(&cfg.netrc.machines.join(", "))
        );
        writeln!(w, "  {line}")?;
    }
    Ok(())
}

/// Every explanation of a paste in `lang`, the error go stopped on first first.
pub fn explain_in(
    w: &mut dyn Write,
    all: &crate::diagnose::explain::Explained,
    lang: Lang,
) -> io::Result<()> {
    let n = all.errors.len();
    for (i, e) in all.errors.iter().enumerate() {
        if n > 1 {
            if i > 0 {
                writeln!(w)?;
            }
            let head = t!(lang, "explain-error-of", index = i + 1, total = n);
            writeln!(w, "{DIM}{head}{DIM:#}")?;
        }
        explanation(w, e, lang)?;
    }
    Ok(())
}

fn explanation(
    w: &mut dyn Write,
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
            writeln!(w, "{BOLD}{name}{BOLD:#}{DIM}{rest}{DIM:#}")?;
        }
        _ => writeln!(w, "{YELLOW}{}{YELLOW:#}", t!(lang, "explain-unrecognised"))?,
    }
    writeln!(w, "{}", redact_urls(&e.summary.render(lang)))?;
    if e.count > 1 {
        writeln!(w, "{}", t!(lang, "explain-count", count = e.count))?;
    }
    writeln!(w, "\n{}", redact_urls(&e.meaning.render(lang)))?;
    if !e.checks.is_empty() {
        writeln!(w, "\n{BOLD}{}{BOLD:#}", t!(lang, "explain-checks"))?;
        for (i, c) in e.checks.iter().enumerate() {
            writeln!(w, "  {}. {}", i + 1, redact_urls(&c.render(lang)))?;
        }
    }
    if !e.remediation.is_empty() {
        writeln!(w, "\n{BOLD}{}{BOLD:#}", t!(lang, "report-fix"))?;
        for r in &e.remediation {
            writeln!(w, "  {DIM}# {}{DIM:#}", redact_urls(&lang.remedy(r)))?;
            if let Some(c) = &r.command {
                writeln!(w, "  {}", redact_urls(c))?;
            }
        }
    }
    Ok(())
}

/// What `explain --probe` saw: the targets of the one host it probed, layer by layer.
pub fn probed(
    w: &mut dyn Write,
    layer: &str,
    host: &str,
    targets: &[crate::probe::Target],
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        w,
        "{BOLD}{}{BOLD:#}",
        t!(lang, "explain-probe-title", layer = layer, host = host)
    )?;
    for t in targets {
        targets_line(w, t, lang)?;
        evidence(w, t, lang)?;
    }
    Ok(())
}
