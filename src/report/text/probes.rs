//! The probes, one line per target with each layer's result and time (`check -v`,
//! `explain --probe`), and under each what its layers saw (certificates, headers, answers).

use std::io;

use super::style::{DIM, GREEN, RED, pad};
use super::wrap::Out;
use crate::i18n::Lang;
use crate::redact::shown as redact_urls;
use crate::report::json::detail as shown;
use crate::report::layer_words::layer_result;
use crate::t;

/// `-v`: what each layer saw.
pub fn evidence(o: &mut Out, t: &crate::probe::Target, lang: Lang) -> io::Result<()> {
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
            o.line(&format!("        {DIM}{}{DIM:#}", redact_urls(&line)), 10)?;
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

pub fn role_name(r: crate::probe::Role, lang: Lang) -> String {
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

/// One target: its role and URL, then each layer. An `off_route` target's failure is no
/// problem of this check: it is dimmed, not red.
pub fn targets_line(
    o: &mut Out,
    t: &crate::probe::Target,
    off_route: bool,
    lang: Lang,
) -> io::Result<()> {
    use crate::probe::Status;
    let (style, m) = match (t.ok(), off_route) {
        _ if !crate::report::summary::probed(t) => (DIM, "–"),
        (true, _) => (GREEN, "✓"),
        (false, false) => (RED, "✗"),
        (false, true) => (DIM, "–"),
    };
    let fail = if off_route { DIM } else { RED };
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
    let off = if off_route {
        format!(" {DIM}{}{DIM:#}", t!(lang, "report-off-route"))
    } else {
        String::new()
    };
    o.line(
        &format!(
            "  {style}{m}{style:#} {DIM}{}{DIM:#} {}{via}{off}",
            pad(&role_name(t.role, lang), 15),
            redact_urls(&t.url)
        ),
        6,
    )?;
    let mut parts = Vec::new();
    for l in &t.layers {
        let name = l.layer.as_str();
        let part = match l.status {
            Status::Ok => format!("{name} {GREEN}✓{GREEN:#} {:.0}ms", l.ms),
            Status::Skipped => format!("{DIM}{name} –{DIM:#}"),
            Status::Timeout => format!(
                "{name} {fail}✗ {}{fail:#} {:.0}ms",
                t!(lang, "report-layer-timeout"),
                l.ms
            ),
            Status::Fail => format!(
                "{name} {fail}✗ {}{fail:#} {:.0}ms",
                l.kind().map_or_else(
                    || t!(lang, "report-layer-failed"),
                    |k| layer_result(k.kind(), lang)
                ),
                l.ms
            ),
        };
        parts.push(part);
    }
    if let Some(g) = &t.git {
        parts.push(match g.status {
            Status::Ok => format!("git ✓ {:.0}ms", g.ms),
            _ => format!(
                "git {fail}✗ {}{fail:#} {:.0}ms",
                g.error.as_ref().map_or_else(
                    || t!(lang, "report-layer-failed"),
                    |e| layer_result(e.kind.kind(), lang)
                ),
                g.ms
            ),
        });
    }
    o.line(&format!("      {}", parts.join("  ·  ")), 6)
}
