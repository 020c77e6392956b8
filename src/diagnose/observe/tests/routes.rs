//! Each module's route and the checksum database's, as go walks them.

use super::*;
use crate::diagnose::predict::Predicted;
use crate::diagnose::{Code, Layer, Severity};
use crate::probe::evidence::{BogusAddress, ConnectEvidence, DnsEvidence};
use crate::probe::{DnsError, HttpError, Peer, ProxyError, SumdbError, TcpError, TlsError};

#[test]
fn comma_falls_through_on_404_only() {
    let o = run(
        &[("GOPROXY", "https://a.example,https://b.example")],
        vec![
            proxy_target(A, failing(HttpError::NotFound, Some(404))),
            proxy_target(B, ok_layers()),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Ok);
    assert_eq!(o.outcome.modules[0].via.as_deref(), Some(B));

    let o = run(
        &[("GOPROXY", "https://a.example,https://b.example")],
        vec![
            proxy_target(A, failing(TcpError::Timeout, None)),
            proxy_target(B, ok_layers()),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Fail);
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpBlackhole));
    assert_eq!(o.root_host.as_deref(), Some("a.example"));
    assert!(
        o.findings
            .iter()
            .any(|f| f.code == Code::GoproxyCommaNoFallthrough)
    );
}

#[test]
fn pipe_falls_through_on_any_error_but_costs_time() {
    let o = run(
        &[("GOPROXY", "https://a.example|https://b.example")],
        vec![
            proxy_target(A, failing(TlsError::ResetAfterClientHello, None)),
            proxy_target(B, ok_layers()),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Ok);
    assert_eq!(o.outcome.modules[0].via.as_deref(), Some(B));
    let w = o
        .findings
        .iter()
        .find(|f| f.code == Code::TlsResetAfterClienthello)
        .unwrap();
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(o.outcome.root_cause_code, None);
}

#[test]
fn which_error_go_reports() {
    // Both 404/410: the last not-exist error (mod_proxy_list.txt: `410 Gone`).
    let o = run(
        &[("GOPROXY", "https://a.example,https://b.example")],
        vec![
            proxy_target(A, failing(HttpError::NotFound, Some(404))),
            proxy_target(B, failing(HttpError::NotFound, Some(410))),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Fail);
    assert_eq!(o.outcome.root_cause_code, Some(Code::ModuleNotFound));
    // A real error beats a later 404 after `|`.
    let o = run(
        &[("GOPROXY", "https://a.example|https://b.example")],
        vec![
            proxy_target(A, failing(HttpError::Status, Some(503))),
            proxy_target(B, failing(HttpError::NotFound, Some(404))),
        ],
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::HttpServerError));
    assert!(
        o.outcome.modules[0]
            .error
            .as_deref()
            .unwrap()
            .contains("status happened")
    );
    // A 500 after `,` stops the walk.
    let o = run(
        &[("GOPROXY", "https://a.example,https://b.example")],
        vec![
            proxy_target(A, failing(HttpError::Status, Some(500))),
            proxy_target(B, ok_layers()),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Fail);
}

#[test]
fn direct_ends_the_list_and_gonoproxy_goes_direct() {
    let o = run(
        &[("GOPROXY", "https://a.example,direct")],
        vec![proxy_target(A, failing(HttpError::NotFound, Some(410)))],
    );
    assert_eq!(o.outcome.modules[0].via.as_deref(), Some("direct"));
    // GOPROXY=off with a GONOPROXY match: still fetched directly.
    let o = run(&[("GOPROXY", "off"), ("GONOPROXY", "example.com")], vec![]);
    assert_eq!(o.outcome.predicted, Predicted::Ok);
    assert_eq!(o.outcome.modules[0].via.as_deref(), Some("direct"));
    let o = run(&[("GOPROXY", "off")], vec![]);
    assert_eq!(o.outcome.predicted, Predicted::Fail);
}

#[test]
fn sumdb_through_proxy_rules() {
    let sup = |p: &str| format!("{p}/sumdb/sum.golang.org/supported");
    let with_sumdb = |l: Vec<L>, sumdb: Option<L>| {
        let mut l = l;
        l.extend(sumdb);
        l
    };
    let env = [
        ("GOPROXY", "https://a.example,https://b.example"),
        ("GOSUMDB", "sum.golang.org"),
    ];
    // 200 on supported: that proxy only.
    let o = run(
        &env,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                with_sumdb(
                    ok_layers(),
                    Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                ),
            ),
        ],
    );
    assert_eq!(o.outcome.sumdb.via.as_deref(), Some(A));
    // 404 on A, 404 on B: the database directly.
    let o = run(
        &env,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                failing(HttpError::NotFound, Some(404)),
            ),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(B),
                failing(HttpError::NotFound, Some(404)),
            ),
            sumdb_target(
                Role::Sumdb,
                "https://sum.golang.org/latest",
                with_sumdb(
                    ok_layers(),
                    Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                ),
            ),
        ],
    );
    assert_eq!(
        o.outcome.sumdb.via.as_deref(),
        Some("https://sum.golang.org")
    );
    assert_eq!(o.outcome.predicted, Predicted::Ok);
    // 503 on supported after `,`: no direct fallback (mod_sumdb_proxy.txt).
    let o = run(
        &env,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                failing(HttpError::Status, Some(503)),
            ),
            sumdb_target(Role::Sumdb, "https://sum.golang.org/latest", ok_layers()),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Fail);
    assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbProxyFailed));
    // The same after `|`: on to the database.
    let env_pipe = [
        ("GOPROXY", "https://a.example|https://b.example"),
        ("GOSUMDB", "sum.golang.org"),
    ];
    let o = run(
        &env_pipe,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                failing(HttpError::Status, Some(503)),
            ),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(B),
                failing(HttpError::NotFound, Some(404)),
            ),
            sumdb_target(
                Role::Sumdb,
                "https://sum.golang.org/latest",
                with_sumdb(
                    ok_layers(),
                    Some(L::ok(LayerName::Sumdb, ms(), Evidence::empty())),
                ),
            ),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Ok, "{:?}", o.outcome);
    // The database unreachable directly: layer sumdb, host the database.
    let o = run(
        &env,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                failing(HttpError::NotFound, Some(404)),
            ),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(B),
                failing(HttpError::NotFound, Some(404)),
            ),
            sumdb_target(
                Role::Sumdb,
                "https://sum.golang.org/latest",
                failing(TcpError::Timeout, None),
            ),
        ],
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbUnreachable));
    let root = o
        .findings
        .iter()
        .find(|f| f.code == Code::SumdbUnreachable)
        .unwrap();
    assert_eq!(
        (root.layer, root.host.as_deref()),
        (Layer::Sumdb, Some("sum.golang.org"))
    );
    // Forged tree head through the relay.
    let o = run(
        &env,
        vec![
            proxy_target(A, ok_layers()),
            sumdb_target(
                Role::SumdbViaProxy,
                &sup(A),
                with_sumdb(
                    ok_layers(),
                    Some(L::fail(
                        ms(),
                        SumdbError::SignatureInvalid,
                        "bad",
                        Evidence::empty(),
                    )),
                ),
            ),
        ],
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::SumdbSignatureInvalid));
}

#[test]
fn proxy_auth_is_the_proxy_layer() {
    let via_proxy = |layer| L {
        peer: Some(Peer::HttpProxy),
        ..L::ok(layer, ms(), Evidence::empty())
    };
    let mut layers = vec![via_proxy(LayerName::Dns), via_proxy(LayerName::Tcp)];
    layers.push(L::fail(
        ms(),
        ProxyError::AuthRequired,
        "Proxy Authentication Required",
        ConnectEvidence {
            status: 407,
            status_line: String::new(),
            auth_schemes: Vec::new(),
            credentials_sent: false,
        },
    ));
    let mut t = proxy_target("https://proxy.golang.org", layers);
    t.via_proxy = Some("http://squid.corp.example:3128".into());
    let o = run(
        &[("HTTPS_PROXY", "http://squid.corp.example:3128")],
        vec![t],
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::ProxyAuthRequired));
    assert_eq!(o.root_host.as_deref(), Some("squid.corp.example"));
    let f = o
        .findings
        .iter()
        .find(|f| f.code == Code::ProxyAuthRequired)
        .unwrap();
    assert!(
        f.remediation[0]
            .command
            .as_deref()
            .unwrap()
            .contains("USER:PASSWORD@squid.corp.example:3128")
    );
}

/// A public name answered with `address` from `source`, then a TCP timeout there.
fn impossible_answer_then_timeout(
    source: &str,
    address: &str,
    kind: crate::probe::evidence::AddressKind,
) -> Observed {
    let layers = vec![
        L::ok(
            LayerName::Dns,
            ms(),
            DnsEvidence {
                source: source.into(),
                bogus: Some(vec![BogusAddress {
                    address: address.into(),
                    kind,
                }]),
                ..DnsEvidence::default()
            },
        ),
        L::fail(
            ms(),
            TcpError::Timeout,
            format!("dial tcp {address}:443: i/o timeout"),
            Evidence::empty(),
        ),
    ];
    run(
        &[("GOPROXY", "https://proxy.golang.org,direct")],
        vec![proxy_target("https://proxy.golang.org", layers)],
    )
}

#[test]
fn an_uncorroborated_private_answer_is_evidence_not_the_cause() {
    // Split-horizon DNS: a company answers proxy.golang.org with its mirror's address.
    let o = impossible_answer_then_timeout(
        "/etc/resolv.conf",
        "10.10.10.10",
        crate::probe::evidence::AddressKind::Private,
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpBlackhole));
    let cause = &o.findings[0];
    assert!(
        cause.evidence.iter().any(|e| e.contains("split-horizon")),
        "{:?}",
        cause.evidence
    );
}

#[test]
fn the_hosts_file_or_a_blocker_address_corroborates_a_forged_answer() {
    let o = impossible_answer_then_timeout(
        "/etc/hosts",
        "10.10.10.10",
        crate::probe::evidence::AddressKind::Private,
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::DnsPoisoned));
    assert_eq!(o.findings[0].params["why"], "hosts");
    assert!(
        o.findings[0].remediation[0]
            .command
            .as_deref()
            .is_some_and(|c| c.contains("/etc/hosts"))
    );
    let o = impossible_answer_then_timeout(
        "/etc/resolv.conf",
        "0.0.0.0",
        crate::probe::evidence::AddressKind::Unspecified,
    );
    assert_eq!(o.outcome.root_cause_code, Some(Code::DnsPoisoned));
    assert_eq!(o.findings[0].params["why"], "blocker");
}

#[test]
fn an_empty_answer_is_not_called_nxdomain() {
    let dns = |kind: DnsError, why: &str| {
        let layers = vec![L::fail(
            ms(),
            kind,
            format!("lookup proxy.golang.org on 127.0.0.53:53: no such host ({why})"),
            DnsEvidence::default(),
        )];
        let o = run(
            &[("GOPROXY", "https://proxy.golang.org")],
            vec![proxy_target("https://proxy.golang.org", layers)],
        );
        assert_eq!(o.outcome.root_cause_code, Some(Code::DnsNxdomain));
        (
            o.findings[0].text.render(crate::i18n::Lang::En),
            o.findings[0].text.render(crate::i18n::Lang::Zh),
        )
    };
    let (en, zh) = dns(DnsError::Empty, "NOERROR with no records");
    // English keeps go's line; the explained form (Chinese) says which answer it was.
    assert!(!en.contains("NXDOMAIN"), "{en}");
    assert!(
        zh.contains("没有 A 或 AAAA 记录") && !zh.contains("域名不存在"),
        "{zh}"
    );
    let (_, zh) = dns(DnsError::NxDomain, "NXDOMAIN");
    assert!(zh.contains("域名不存在（NXDOMAIN）"), "{zh}");
}

#[test]
fn the_sumdb_outcome_is_observed_even_when_no_module_gets_that_far() {
    // A is down: modules fail there (`,` stops), and so does its /supported.
    let o = run(
        &[
            ("GOPROXY", "https://a.example,https://b.example"),
            ("GOSUMDB", "sum.golang.org"),
        ],
        vec![
            proxy_target(A, failing(TcpError::Timeout, None)),
            sumdb_target(
                Role::SumdbViaProxy,
                &format!("{A}/sumdb/sum.golang.org/supported"),
                failing(TcpError::Timeout, None),
            ),
        ],
    );
    assert_eq!(o.outcome.predicted, Predicted::Fail);
    assert_eq!(o.outcome.sumdb.predicted, Predicted::Fail);
    assert_eq!(o.outcome.sumdb.via.as_deref(), Some(A));
    // The root cause is still the module's failure, not the checksum route.
    assert_eq!(o.outcome.root_cause_code, Some(Code::TcpBlackhole));
}

#[test]
fn an_off_route_request_to_a_host_on_the_route_is_not_called_off_route() {
    let o = run(
        &[
            ("GOPROXY", "https://a.example"),
            ("GOSUMDB", "sum.golang.org"),
        ],
        vec![
            proxy_target(A, failing(HttpError::Status, Some(503))),
            sumdb_target(
                Role::SumdbViaProxy,
                &format!("{A}/sumdb/sum.golang.org/supported"),
                failing(TcpError::Refused, None),
            ),
            sumdb_target(
                Role::Sumdb,
                "https://sum.golang.org/latest",
                failing(TcpError::Refused, None),
            ),
        ],
    );
    let off: Vec<_> = o
        .findings
        .iter()
        .filter(|f| f.params.contains_key("off_route"))
        .map(|f| (f.host.clone().unwrap(), f.params["off_route"].clone()))
        .collect();
    assert!(
        off.contains(&("a.example".into(), "request".into())),
        "{off:?}"
    );
    assert!(
        off.contains(&("sum.golang.org".into(), "true".into())),
        "{off:?}"
    );
    let a = o
        .findings
        .iter()
        .find(|f| f.params.get("off_route").is_some_and(|v| v == "request"))
        .unwrap();
    let zh = a.text.render(crate::i18n::Lang::Zh);
    assert!(zh.contains("但会用到这个主机"), "{zh}");
}
