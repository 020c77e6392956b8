//! What a diagnosis holds is safe to show (userinfo hidden), and every finding code check can
//! report has its message in both catalogs.

use super::*;
use crate::i18n::SOURCES;
use predict::{ModuleOutcome, Outcome, Predicted, SumdbOutcome};

#[test]
fn every_string_of_a_diagnosis_is_redacted() {
    let url = "https://bob:s3cr3t@goproxy.corp.example/mod";
    let mut f = Finding::of(
        Code::GoproxyPlainHttp,
        crate::text!("finding-goproxy-plain-http", url = url),
    )
    .param("proxy", url);
    f.evidence.push(format!("go: Get \"{url}/m/@v/list\": EOF"));
    f.remediation.push(Remedy::run(
        crate::text!("remedy-git-token", host = url),
        format!("go env -w GOPROXY={url}|direct"),
    ));
    let d = Diagnosis {
        findings: vec![f],
        outcome: Outcome {
            predicted: Predicted::Fail,
            modules: vec![ModuleOutcome {
                module: "m".into(),
                predicted: Predicted::Fail,
                via: Some(url.into()),
                error: Some(format!("reading {url}/m/@v/list: 403")),
                facts: Default::default(),
            }],
            sumdb: SumdbOutcome {
                predicted: Predicted::Ok,
                via: Some(url.into()),
            },
            assumes_network_ok: false,
            imports: Vec::new(),
            toolchain: None,
            root_cause_code: None,
        },
        root_cause: Some(0),
    }
    .redacted();
    // A text keeps its arguments as given: reports redact what they render of it
    // (`report::Lang::message`).
    let f = &d.findings[0];
    let r = &f.remediation[0];
    let shown = format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        f.message, f.host, f.evidence, f.params, r.description, r.command, d.outcome
    );
    assert_eq!(
        d.findings[0].remediation[0].command.as_deref(),
        Some("go env -w GOPROXY=https://USER:PASSWORD@goproxy.corp.example/mod|direct")
    );
    assert!(
        !shown.contains("s3cr3t") && !shown.contains("bob"),
        "{shown}"
    );
    assert!(shown.contains("goproxy.corp.example"));
}

/// The ids of a catalog's messages, each with its source (the first line and the indented
/// lines after it).
fn messages(lang: Lang) -> Vec<(&'static str, String)> {
    let sources = SOURCES.iter().find(|(l, _)| *l == lang).unwrap().1;
    let mut out: Vec<(&str, String)> = Vec::new();
    for line in sources.iter().flat_map(|s| s.lines()) {
        if let Some((id, rest)) = line.split_once(" =")
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            out.push((id, rest.to_owned()));
        } else if line.starts_with(' ')
            && let Some((_, text)) = out.last_mut()
        {
            text.push_str(line);
        }
    }
    out
}

fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every code a finding of `check` can carry (`explain` has texts of its own) is said by a
/// `finding-<code>` message, or by its variants `finding-<code>-…`, in both catalogs, and the
/// Chinese is Chinese.
#[test]
fn every_finding_code_has_a_message_in_both_catalogs() {
    let codes: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| !c.explain_only())
        .collect();
    assert!(codes.len() >= 90, "only {} codes", codes.len());
    // The code a message id is named after: the longest `finding-<code>` it starts with.
    let owner = |id: &str| {
        Code::ALL
            .iter()
            .copied()
            .filter(|c| {
                id.strip_prefix("finding-")
                    .and_then(|rest| rest.strip_prefix(c.kebab().as_str()))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
            })
            .max_by_key(|c| c.kebab().len())
    };
    for lang in [Lang::En, Lang::Zh] {
        let messages = messages(lang);
        let missing: Vec<Code> = codes
            .iter()
            .copied()
            .filter(|&c| {
                let said: Vec<&String> = messages
                    .iter()
                    .filter(|(id, _)| owner(id) == Some(c))
                    .map(|(_, text)| text)
                    .collect();
                said.is_empty() || (lang == Lang::Zh && !said.iter().all(|t| han(t)))
            })
            .collect();
        assert!(missing.is_empty(), "{lang:?}: no message for {missing:?}");
    }
}
