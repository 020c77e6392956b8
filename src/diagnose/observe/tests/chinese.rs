//! Every finding and remedy observe makes reads from the catalogs: English as it always has,
//! Chinese keeping every host, setting name, value and go's own words (verbatim, at the end,
//! after “原始错误：”), with nothing left out and no secret let in.

use std::collections::BTreeSet;

use super::{A, failing, proxy_target, run, scenarios};
use crate::diagnose::observe::failure::{Failure, Terse};
use crate::diagnose::observe::words;
use crate::diagnose::{Code, Finding, Remedy};
use crate::i18n::Lang;
use crate::redact::redact_urls;

/// Names the Chinese text must keep exactly as the English has them.
use crate::i18n::shared_checks::{NAMES, han};

/// A finding's Chinese, as reports show it.
fn zh(f: &Finding) -> String {
    redact_urls(&f.text.render(Lang::Zh))
}

fn all_findings() -> Vec<(String, Finding)> {
    scenarios::all()
        .into_iter()
        .flat_map(|(name, fs)| fs.into_iter().map(move |f| (name.clone(), f)))
        .collect()
}

#[test]
fn english_comes_from_the_catalogs_as_it_was() {
    for (name, f) in all_findings() {
        assert_eq!(f.text.render(Lang::En), f.message, "{name}");
        for r in &f.remediation {
            assert_eq!(r.text.render(Lang::En), r.description, "{name}");
        }
    }
}

/// Every code observe reports, with a Chinese message.
#[test]
fn every_code_observe_reports_has_a_chinese_message() {
    let seen: BTreeSet<Code> = all_findings()
        .iter()
        .filter(|(_, f)| han(&zh(f)))
        .map(|(_, f)| f.code)
        .collect();
    let classified = Code::ALL.iter().filter(|c| words::short(**c).is_some());
    let others = [
        Code::SumdbProxyFailed,
        Code::SumdbLookupNotFound,
        Code::SumdbUnreachable,
        Code::VcsUnreachable,
        Code::VcsDiscoveryFailed,
        Code::VcsAuthRequired,
        Code::VcsRepoNotFound,
        Code::PrivateModuleNotPrivate,
        Code::ClockSkew,
        Code::GoproxyCommaNoFallthrough,
        Code::ToolchainNeedsSumdb,
        Code::GosumdbMalformed,
        Code::ToolchainUnavailable,
        Code::ToolchainDependencyTooNew,
        Code::GoproxyOff,
        Code::ToolchainNotInPath,
        Code::ToolchainMidCommandSwitch,
    ];
    let missing: Vec<&Code> = classified
        .chain(&others)
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(missing.is_empty(), "no Chinese seen for {missing:?}");
}

/// Whatever a walk makes of a failure, it can be explained: every code a failure can carry,
/// with and without the params that change its words.
#[test]
fn every_failure_can_be_explained() {
    let failures = Code::ALL
        .iter()
        .filter(|c| words::short(**c).is_some())
        .chain(&[
            Code::SumdbProxyFailed,
            Code::SumdbLookupNotFound,
            Code::SumdbUnreachable,
            Code::VcsUnreachable,
            Code::VcsDiscoveryFailed,
            Code::PrivateModuleNotPrivate,
        ]);
    for code in failures {
        let terse = Terse::At {
            url: "https://a.example/x".into(),
            words: "lookup a.example: no such host".into(),
        };
        let f = Failure::new(Code::TcpBlackhole, terse)
            .host("a.example")
            .param("url", "https://a.example/x")
            .param("detail", "lookup a.example: no such host")
            .param("addresses", "10.0.0.1, 10.0.0.2")
            .reclassified(*code)
            .told();
        let zh = zh(&f);
        assert!(han(&zh), "{code}: {zh}");
        assert!(
            zh.ends_with("。原始错误：lookup a.example: no such host"),
            "{code}: {zh}"
        );
        assert_eq!(
            f.message, "https://a.example/x: lookup a.example: no such host",
            "{code}"
        );
    }
}

/// The Chinese message of a real finding keeps every host, name, value and verbatim detail.
fn check_real(name: &str, f: &Finding) {
    let zh = zh(f);
    let at = format!("{name}: {}", f.code);
    assert!(han(&zh), "{at}: {zh}");
    if let Some(h) = f.host.as_deref().filter(|h| !h.is_empty()) {
        assert!(zh.contains(h), "{at}: host {h} lost in {zh}");
    }
    for n in NAMES {
        if f.message.contains(n) {
            assert!(zh.contains(n), "{at}: {n:?} lost in {zh}");
        }
    }
    for (k, v) in &f.params {
        if matches!(
            *k,
            "supported" | "off_route" | "reason" | "cause" | "url" | "count" | "status"
        ) {
            continue;
        }
        assert!(
            zh.contains(v.as_str()) || zh.contains(&v.replace(", ", "、")),
            "{at}: {k}={v:?} lost in {zh}"
        );
    }
    match f.params.get("detail").filter(|d| !d.is_empty()) {
        Some(d) => assert!(zh.ends_with(&format!("。原始错误：{d}")), "{at}: {zh}"),
        None => assert!(!zh.contains("原始错误"), "{at}: {zh}"),
    }
    // godoctor's own words use full-width punctuation around Chinese text.
    let own: String = zh
        .split("原始错误：")
        .next()
        .unwrap_or("")
        .split(['"', '`'])
        .step_by(2)
        .collect();
    for bad in ["):", "), ", "; ", ". "] {
        assert!(!own.contains(bad), "{at}: {bad:?} in {own}");
    }
    assert!(!zh.contains("s3cr3t"), "{at}: {zh}");
}

#[test]
fn chinese_keeps_hosts_names_values_and_go_words() {
    let all = all_findings();
    assert!(all.len() >= 80, "only {} findings", all.len());
    for (name, f) in &all {
        check_real(name, f);
    }
}

fn check_remedy(name: &str, r: &Remedy) {
    let zh = redact_urls(&r.text.render(Lang::Zh));
    assert!(han(&zh), "{name}: {zh}");
    for n in NAMES
        .iter()
        .chain(&["`|`", "~/.netrc", "http://", "SNI", "CA"])
    {
        if r.description.contains(n) {
            assert!(zh.contains(n), "{name}: {n:?} lost in {zh}");
        }
    }
}

#[test]
fn every_remedy_reads_in_chinese() {
    let mut seen = 0;
    for (name, f) in all_findings() {
        for r in &f.remediation {
            check_remedy(&name, r);
            seen += 1;
        }
    }
    assert!(seen >= 60, "only {seen} remedies");
}

/// A failure's `detail` is the probe's own words, as they are: the Chinese quotes it verbatim.
#[test]
fn the_detail_is_the_probes_own_words() {
    for (kind, status) in scenarios::failure_kinds() {
        let words = format!("{kind} happened");
        let findings = run(
            &[("GOPROXY", A)],
            vec![proxy_target(A, failing(kind, status))],
        )
        .findings;
        assert!(!findings.is_empty(), "{kind}");
        for f in findings {
            let detail = f.params.get("detail").map(String::as_str);
            match f.code {
                // go's whole error, which names the module before the words.
                Code::ModuleNotFound => {
                    assert!(detail.is_some_and(|d| d.ends_with(&words)), "{detail:?}")
                }
                _ => assert_eq!(detail, Some(words.as_str()), "{kind}: {}", f.code),
            }
        }
    }
}
