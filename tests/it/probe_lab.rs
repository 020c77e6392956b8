//! The probe engine against the hermetic fault lab (tests/lab): every layer's failures
//! classified, the root cause named, deadlines kept and hostile servers survived. godoctor
//! runs as a process with the lab's resolver (`--resolver`) and CA (`SSL_CERT_FILE`, as go
//! reads it); nothing leaves 127.0.0.0/8.

use std::time::Duration;

use serde_json::Value;

use crate::lab::{Behavior, CertKind, DnsAnswer, GoproxySpec, Lab, ProxyAuth, SumdbMode};
use crate::support::cli::Cli;

pub(crate) const MODULE: &str = "example.com/m";

pub(crate) fn spec(sumdb: SumdbMode) -> GoproxySpec {
    GoproxySpec {
        modules: vec![(MODULE.into(), vec!["v1.0.0".into(), "v1.1.0".into()])],
        sumdb,
        date_skew_secs: 0,
    }
}

pub(crate) struct Run {
    pub(crate) json: Value,
    pub(crate) elapsed: Duration,
    pub(crate) code: i32,
}

/// Runs `godoctor check --json` against the lab with `env` and a deadline of `timeout_s`.
pub(crate) fn check(lab: &Lab, env: &[(&str, String)], timeout_s: u64) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .path(home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .args([
            "check",
            "--json",
            "--timeout",
            &format!("{timeout_s}s"),
            "--resolver",
            &lab.dns_addr().to_string(),
            "--module",
            &format!("{MODULE}@v1.0.0"),
        ])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .run();
    Run {
        json: out.json(),
        elapsed: out.elapsed,
        code: out.code().unwrap_or(-1),
    }
}

fn url(name: &str, addr: std::net::SocketAddr) -> String {
    format!("https://{name}:{}", addr.port())
}

fn target<'a>(r: &'a Run, role: &str) -> &'a Value {
    r.json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["role"] == role)
        .unwrap_or_else(|| panic!("no {role} target in {:#}", r.json["targets"]))
}

/// (layer, status, kind) of a target's first non-ok layer.
fn first_failure(t: &Value) -> (String, String, String) {
    let l = t["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["status"] != "ok")
        .unwrap_or_else(|| panic!("no failing layer: {t:#}"));
    (
        l["layer"].as_str().unwrap().into(),
        l["status"].as_str().unwrap().into(),
        l["error"]["kind"].as_str().unwrap_or("").into(),
    )
}

fn root(r: &Run) -> (String, String, String) {
    let rc = &r.json["root_cause"];
    (
        rc["code"].as_str().unwrap_or("").into(),
        rc["layer"].as_str().unwrap_or("").into(),
        rc["host"].as_str().unwrap_or("").into(),
    )
}

fn no_sumdb() -> (&'static str, String) {
    ("GONOSUMDB", MODULE.to_owned())
}

#[test]
fn healthy_proxy_and_checksum_db_through_it() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        5,
    );
    assert_eq!(r.json["outcome"]["predicted"], "ok", "{:#}", r.json);
    assert_eq!(r.code, 0);
    let t = target(&r, "proxy");
    assert!(
        t["layers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["status"] == "ok"),
        "{t:#}"
    );
    let http = t["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "http")
        .unwrap();
    assert_eq!(http["detail"]["versions"], 2);
    assert_eq!(http["detail"]["info"]["verdict"], "ok");
    let s = target(&r, "sumdb-via-proxy");
    let sumdb = s["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "sumdb")
        .unwrap();
    assert_eq!(sumdb["status"], "ok", "{s:#}");
    assert_eq!(sumdb["detail"]["lookup"]["verified"], true);
    assert_eq!(r.json["outcome"]["sumdb"]["via"], url("proxy.lab.test", p));
    // Every layer has a time.
    for l in t["layers"].as_array().unwrap() {
        assert!(l["ms"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn dns_failures_are_told_apart() {
    let lab = Lab::new();
    for (answer, kind, code) in [
        (DnsAnswer::NxDomain, "nxdomain", "DNS_NXDOMAIN"),
        (DnsAnswer::ServFail, "servfail", "DNS_SERVFAIL"),
        (DnsAnswer::Refused, "refused", "DNS_SERVFAIL"),
        (DnsAnswer::Empty, "empty", "DNS_NXDOMAIN"),
        (DnsAnswer::Drop, "timeout", "DNS_TIMEOUT"),
    ] {
        lab.dns("broken.lab.test", answer.clone());
        let r = check(
            &lab,
            &[("GOPROXY", "https://broken.lab.test:1".into()), no_sumdb()],
            3,
        );
        let (layer, _, k) = first_failure(target(&r, "proxy"));
        assert_eq!((layer.as_str(), k.as_str()), ("dns", kind), "{answer:?}");
        assert_eq!(
            root(&r),
            (code.into(), "dns".into(), "broken.lab.test".into()),
            "{answer:?}"
        );
        assert!(
            r.elapsed < Duration::from_millis(3500),
            "{answer:?} took {:?}",
            r.elapsed
        );
    }
}

#[test]
fn tcp_refused_and_bogus_answers() {
    let lab = Lab::new();
    let closed = lab.closed_port();
    lab.dns(
        "refused.lab.test",
        DnsAnswer::A(vec![match closed.ip() {
            std::net::IpAddr::V4(v4) => v4,
            _ => unreachable!(),
        }]),
    );
    let r = check(
        &lab,
        &[
            (
                "GOPROXY",
                format!("https://refused.lab.test:{}", closed.port()),
            ),
            no_sumdb(),
        ],
        3,
    );
    assert_eq!(first_failure(target(&r, "proxy")).2, "refused");
    assert_eq!(root(&r).0, "TCP_REFUSED");
    // A public name answered with loopback, then nothing listens: split-horizon DNS answers
    // like this too, so the refusal stays the cause and the answer is evidence.
    lab.dns(
        "goproxy.io",
        DnsAnswer::A(vec![match closed.ip() {
            std::net::IpAddr::V4(v4) => v4,
            _ => unreachable!(),
        }]),
    );
    let goproxy_io = [
        ("GOPROXY", format!("https://goproxy.io:{}", closed.port())),
        no_sumdb(),
    ];
    let r = check(&lab, &goproxy_io, 3);
    assert_eq!(root(&r).0, "TCP_REFUSED", "{:#}", r.json["findings"]);
    let cause = &r.json["findings"][0];
    assert!(
        cause["evidence"][0]
            .as_str()
            .is_some_and(|e| e.contains("split-horizon")),
        "{cause:#}"
    );
    // 0.0.0.0 is what DNS blockers answer: that corroborates it.
    lab.dns(
        "goproxy.io",
        DnsAnswer::A(vec![std::net::Ipv4Addr::UNSPECIFIED]),
    );
    let r = check(&lab, &goproxy_io, 3);
    assert_eq!(root(&r).0, "DNS_POISONED", "{:#}", r.json["findings"]);
    assert_eq!(r.json["findings"][0]["params"]["why"], "blocker");
}

#[test]
fn tls_failures_are_classified() {
    let lab = Lab::new();
    let cases = [
        (
            "unknown.lab.test",
            CertKind::UnknownCa,
            Behavior::Goproxy(spec(SumdbMode::NotServed)),
            "unknown_issuer_private_ca",
            "TLS_UNKNOWN_ISSUER_PRIVATE_CA",
        ),
        (
            "goproxy.cn",
            CertKind::UnknownCa,
            Behavior::Goproxy(spec(SumdbMode::NotServed)),
            "unknown_issuer_interception",
            "TLS_UNKNOWN_ISSUER_INTERCEPTION",
        ),
        (
            "expired.lab.test",
            CertKind::Expired,
            Behavior::Goproxy(spec(SumdbMode::NotServed)),
            "expired",
            "TLS_EXPIRED",
        ),
        (
            "future.lab.test",
            CertKind::NotYetValid,
            Behavior::Goproxy(spec(SumdbMode::NotServed)),
            "not_yet_valid",
            "TLS_NOT_YET_VALID",
        ),
        (
            "wrongname.lab.test",
            CertKind::WrongName,
            Behavior::Goproxy(spec(SumdbMode::NotServed)),
            "name_mismatch",
            "TLS_NAME_MISMATCH",
        ),
        (
            "sni.lab.test",
            CertKind::Lab,
            Behavior::ResetAfterClientHello,
            "reset_after_client_hello",
            "TLS_RESET_AFTER_CLIENTHELLO",
        ),
        (
            "garbage.lab.test",
            CertKind::Lab,
            Behavior::TlsGarbage,
            "not_tls",
            "TLS_NOT_TLS",
        ),
        (
            "plain.lab.test",
            CertKind::Lab,
            Behavior::PlainHttpOnTlsPort,
            "not_tls_http",
            "TLS_NOT_TLS",
        ),
    ];
    for (name, cert, behavior, kind, code) in cases {
        let a = lab.https(name, cert, behavior);
        let r = check(&lab, &[("GOPROXY", url(name, a)), no_sumdb()], 3);
        let t = target(&r, "proxy");
        let (layer, _, k) = first_failure(t);
        assert_eq!((layer.as_str(), k.as_str()), ("tls", kind), "{name}: {t:#}");
        assert_eq!(root(&r).0, code, "{name}");
        if matches!(cert, CertKind::UnknownCa | CertKind::Expired) {
            let tls = t["layers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["layer"] == "tls")
                .unwrap();
            assert!(
                !tls["detail"]["chain"].as_array().unwrap().is_empty(),
                "the chain is kept even when verification fails"
            );
        }
    }
}

#[test]
fn handshake_stall_times_out_within_the_deadline() {
    let lab = Lab::new();
    let a = lab.https("stall.lab.test", CertKind::Lab, Behavior::AcceptNoAnswer);
    let r = check(
        &lab,
        &[("GOPROXY", url("stall.lab.test", a)), no_sumdb()],
        2,
    );
    let (layer, status, _) = first_failure(target(&r, "proxy"));
    assert_eq!((layer.as_str(), status.as_str()), ("tls", "timeout"));
    assert_eq!(root(&r).0, "TLS_HANDSHAKE_TIMEOUT");
    assert!(r.elapsed < Duration::from_millis(2500), "{:?}", r.elapsed);
}

#[test]
fn http_statuses_and_portals() {
    let lab = Lab::new();
    let cases: Vec<(&str, Behavior, &str, &str)> = vec![
        (
            "forbidden.lab.test",
            Behavior::Status(
                403,
                "text/plain; charset=utf-8",
                "blocked by policy\n".into(),
            ),
            "status",
            "HTTP_FORBIDDEN",
        ),
        (
            "bad.lab.test",
            Behavior::Status(502, "text/plain", "bad gateway\n".into()),
            "status",
            "HTTP_SERVER_ERROR",
        ),
        (
            "portal.lab.test",
            Behavior::Portal,
            "captive_portal",
            "HTTP_CAPTIVE_PORTAL",
        ),
        (
            "gone.lab.test",
            Behavior::Status(410, "text/plain", "gone\n".into()),
            "not_found",
            "MODULE_NOT_FOUND",
        ),
    ];
    for (name, behavior, kind, code) in cases {
        let a = lab.https(name, CertKind::Lab, behavior);
        let r = check(&lab, &[("GOPROXY", url(name, a)), no_sumdb()], 3);
        let (layer, _, k) = first_failure(target(&r, "proxy"));
        assert_eq!((layer.as_str(), k.as_str()), ("http", kind), "{name}");
        assert_eq!(root(&r).0, code, "{name}");
        assert_eq!(r.json["outcome"]["predicted"], "fail");
    }
    // go's own words, with the text/plain server response.
    let a = lab.https(
        "words.lab.test",
        CertKind::Lab,
        Behavior::Status(
            403,
            "text/plain; charset=utf-8",
            "blocked by policy\n".into(),
        ),
    );
    let r = check(
        &lab,
        &[("GOPROXY", url("words.lab.test", a)), no_sumdb()],
        3,
    );
    let err = r.json["outcome"]["modules"][0]["error"].as_str().unwrap();
    assert!(
        err.contains(": 403 Forbidden\n\tserver response: blocked by policy"),
        "{err}"
    );
}

#[test]
fn not_found_falls_through_a_comma_but_errors_do_not() {
    let lab = Lab::new();
    let empty = lab.https(
        "empty.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(GoproxySpec {
            modules: vec![],
            sumdb: SumdbMode::NotServed,
            date_skew_secs: 0,
        }),
    );
    let good = lab.https(
        "good.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let r = check(
        &lab,
        &[
            (
                "GOPROXY",
                format!(
                    "{},{}",
                    url("empty.lab.test", empty),
                    url("good.lab.test", good)
                ),
            ),
            no_sumdb(),
        ],
        3,
    );
    assert_eq!(r.json["outcome"]["predicted"], "ok");
    assert_eq!(
        r.json["outcome"]["modules"][0]["via"],
        url("good.lab.test", good)
    );
    let bad = lab.https(
        "bad502.lab.test",
        CertKind::Lab,
        Behavior::Status(502, "text/plain", "x\n".into()),
    );
    let r = check(
        &lab,
        &[
            (
                "GOPROXY",
                format!(
                    "{},{}",
                    url("bad502.lab.test", bad),
                    url("good.lab.test", good)
                ),
            ),
            no_sumdb(),
        ],
        3,
    );
    assert_eq!(r.json["outcome"]["predicted"], "fail");
    assert!(
        r.json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "GOPROXY_COMMA_NO_FALLTHROUGH")
    );
    let fix = r.json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "HTTP_SERVER_ERROR")
        .unwrap();
    assert!(
        fix["remediation"]
            .to_string()
            .contains(&url("good.lab.test", good)),
        "suggest the entry that passed: {fix:#}"
    );
    let r = check(
        &lab,
        &[
            (
                "GOPROXY",
                format!(
                    "{}|{}",
                    url("bad502.lab.test", bad),
                    url("good.lab.test", good)
                ),
            ),
            no_sumdb(),
        ],
        3,
    );
    assert_eq!(r.json["outcome"]["predicted"], "ok");
}

#[test]
fn checksum_database_signatures_are_verified() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::WrongKey)),
    );
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        4,
    );
    assert_eq!(
        root(&r).0,
        "SUMDB_SIGNATURE_INVALID",
        "{:#}",
        r.json["findings"]
    );
    assert_eq!(root(&r).1, "sumdb");
    // The database directly (explicit URL), served correctly.
    let db = lab.https(
        "sum.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    let good = lab.https(
        "good.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("good.lab.test", good)),
            (
                "GOSUMDB",
                format!("{} {}", lab.sumdb_key(), url("sum.lab.test", db)),
            ),
        ],
        4,
    );
    assert_eq!(r.json["outcome"]["predicted"], "ok", "{:#}", r.json);
    assert_eq!(r.json["outcome"]["sumdb"]["via"], url("sum.lab.test", db));
    // Unreachable database: layer sumdb, host the database.
    lab.dns("sumdown.lab.test", DnsAnswer::NxDomain);
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("good.lab.test", good)),
            (
                "GOSUMDB",
                format!("{} https://sumdown.lab.test", lab.sumdb_key()),
            ),
        ],
        4,
    );
    assert_eq!(
        root(&r),
        (
            "SUMDB_UNREACHABLE".into(),
            "sumdb".into(),
            "sumdown.lab.test".into()
        )
    );
}

#[test]
fn http_proxy_connect() {
    let lab = Lab::new();
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let squid = lab.connect_proxy(ProxyAuth::Basic {
        user: "alice".into(),
        pass: "s3cret".into(),
    });
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            no_sumdb(),
            ("HTTPS_PROXY", format!("http://{squid}")),
        ],
        3,
    );
    let (layer, _, kind) = first_failure(target(&r, "proxy"));
    assert_eq!((layer.as_str(), kind.as_str()), ("proxy", "auth_required"));
    assert_eq!(root(&r).0, "PROXY_AUTH_REQUIRED");
    let out = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            no_sumdb(),
            ("HTTPS_PROXY", format!("http://alice:s3cret@{squid}")),
        ],
        3,
    );
    assert_eq!(
        out.json["outcome"]["predicted"], "ok",
        "{:#}",
        out.json["targets"]
    );
    assert!(
        !out.json.to_string().contains("s3cret"),
        "credentials printed"
    );
    assert_eq!(
        target(&out, "proxy")["via_proxy"],
        format!("http://xxxxx@{squid}")
    );
    let forbidden = lab.connect_proxy(ProxyAuth::Forbidden);
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            no_sumdb(),
            ("HTTPS_PROXY", format!("http://{forbidden}")),
        ],
        3,
    );
    assert_eq!(root(&r).0, "PROXY_FORBIDDEN");
    let r = check(
        &lab,
        &[
            ("GOPROXY", url("proxy.lab.test", p)),
            no_sumdb(),
            ("HTTPS_PROXY", format!("http://{}", lab.closed_port())),
        ],
        3,
    );
    assert_eq!(root(&r).0, "PROXY_UNREACHABLE");
    assert!(
        r.json["outcome"]["modules"][0]["error"]
            .as_str()
            .unwrap()
            .contains("proxyconnect tcp")
    );
}

#[test]
fn hostile_servers_leave_time_within_the_deadline() {
    let lab = Lab::new();
    let cases: Vec<(&str, Behavior, &str)> = vec![
        // Bytes keep trickling in: go has no timeout there and waits (a real 50 B/s proxy
        // succeeds in the e2e tier), so this is "slow", not "stalled".
        ("slow.lab.test", Behavior::Slowloris, "slow_progress"),
        // No length announced and still coming: go reads on (hostile_lab has the details).
        ("endless.lab.test", Behavior::EndlessBody, "slow_progress"),
        // 11 MiB of headers (past go's 10 MiB) need more than this deadline to arrive:
        // hostile_lab::headers_past_go_s_limit_fail_in_go_s_words.
        (
            "loop.lab.test",
            Behavior::RedirectLoop,
            "too_many_redirects",
        ),
        (
            "stall-body.lab.test",
            Behavior::StallAfterHeaders,
            "body_stalled",
        ),
    ];
    for (name, behavior, kind) in cases {
        let a = lab.https(name, CertKind::Lab, behavior);
        let r = check(&lab, &[("GOPROXY", url(name, a)), no_sumdb()], 2);
        let (layer, _, k) = first_failure(target(&r, "proxy"));
        assert_eq!(layer, "http", "{name}");
        // A machine too loaded to send for a second reads the endless body as stalled.
        assert!(
            k == kind || (name == "endless.lab.test" && k == "body_stalled"),
            "{name}: {k}"
        );
        assert!(
            r.elapsed < Duration::from_millis(2500),
            "{name} took {:?}",
            r.elapsed
        );
        let want = if k == "slow_progress" { "ok" } else { "fail" };
        assert_eq!(r.json["outcome"]["predicted"], want, "{name}");
        if k == "slow_progress" {
            assert!(
                r.json["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["code"] == "HTTP_SLOW" && f["severity"] == "warning"),
                "{name}: {:#}",
                r.json["findings"]
            );
        }
    }
}

#[test]
fn an_encrypted_resolver_that_disagrees_reveals_poisoning() {
    let lab = Lab::new();
    let honest = Lab::new();
    let p = lab.https(
        "proxy.golang.org",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let dot = lab.dot_relay("dns.lab.test", honest.dns_addr());
    let compare = format!("tls://{dot}#dns.lab.test");
    let run = |lab: &Lab| check_comparing(lab, p.port(), &compare);
    // The encrypted resolver says something else for proxy.golang.org.
    honest.dns(
        "proxy.golang.org",
        DnsAnswer::A(vec!["127.0.0.250".parse().unwrap()]),
    );
    let v = run(&lab);
    let dns = target_json(&v, "proxy")["layers"][0].clone();
    assert_eq!(dns["detail"]["comparison"][0]["agrees"], false, "{dns:#}");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "DNS_POISONED"),
        "{:#}",
        v["findings"]
    );
    // The same answer: no poisoning.
    let real = match p.ip() {
        std::net::IpAddr::V4(v4) => v4,
        _ => unreachable!(),
    };
    honest.dns("proxy.golang.org", DnsAnswer::A(vec![real]));
    let v = run(&lab);
    let dns = target_json(&v, "proxy")["layers"][0].clone();
    assert_eq!(dns["detail"]["comparison"][0]["agrees"], true, "{dns:#}");
    assert!(
        !v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "DNS_POISONED")
    );
}

/// `check --json` for MODULE through `https://proxy.golang.org:<port>`, resolving with the lab
/// and comparing with the encrypted resolver `compare`.
fn check_comparing(lab: &Lab, port: u16, compare: &str) -> Value {
    let home = tempfile::tempdir().unwrap();
    Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GOPROXY", format!("https://proxy.golang.org:{port}"))
        .env("GONOSUMDB", MODULE)
        .args([
            "check",
            "--json",
            "--timeout",
            "4s",
            "--resolver",
            &lab.dns_addr().to_string(),
            "--compare-resolver",
            compare,
            "--module",
            &format!("{MODULE}@v1.0.0"),
        ])
        .run()
        .json()
}

#[test]
fn an_impossible_answer_is_the_cause_only_when_a_resolver_corroborates_it() {
    let lab = Lab::new();
    let honest = Lab::new();
    let closed = lab.closed_port();
    let closed_v4 = match closed.ip() {
        std::net::IpAddr::V4(v4) => v4,
        _ => unreachable!(),
    };
    let dot = lab.dot_relay("dns.lab.test", honest.dns_addr());
    let compare = format!("tls://{dot}#dns.lab.test");
    lab.dns("proxy.golang.org", DnsAnswer::A(vec![closed_v4]));
    let run = || check_comparing(&lab, closed.port(), &compare);
    // The encrypted resolver knows another address: the plain answer is forged.
    honest.dns(
        "proxy.golang.org",
        DnsAnswer::A(vec!["127.0.0.250".parse().unwrap()]),
    );
    let v = run();
    assert_eq!(
        v["root_cause"]["code"], "DNS_POISONED",
        "{:#}",
        v["findings"]
    );
    assert_eq!(v["root_cause"]["layer"], "dns");
    let cause = &v["findings"][0];
    assert_eq!(cause["params"]["why"], "resolver", "{cause:#}");
    // It agrees: an internal address the network means; the refusal is the cause, and the
    // answer no longer needs explaining.
    honest.dns("proxy.golang.org", DnsAnswer::A(vec![closed_v4]));
    let v = run();
    assert_eq!(
        v["root_cause"]["code"], "TCP_REFUSED",
        "{:#}",
        v["findings"]
    );
    let cause = &v["findings"][0];
    assert_eq!(cause["code"], "TCP_REFUSED");
    assert!(
        cause["evidence"].as_array().is_none_or(|e| e
            .iter()
            .all(|e| !e.as_str().unwrap().contains("split-horizon"))),
        "{cause:#}"
    );
}

fn target_json<'a>(v: &'a Value, role: &str) -> &'a Value {
    v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["role"] == role)
        .unwrap()
}

#[test]
fn a_private_proxy_gets_the_credentials_go_would_send() {
    let lab = Lab::new();
    let p = lab.https(
        "private.lab.test",
        CertKind::Lab,
        Behavior::PrivateGoproxy("u:s3cret", spec(SumdbMode::NotServed)),
    );
    let dir = tempfile::tempdir().unwrap();
    let netrc = |body: &str| {
        let path = dir.path().join(format!("netrc{}", body.len()));
        std::fs::write(&path, body).unwrap();
        path.to_string_lossy().into_owned()
    };
    let proxy = url("private.lab.test", p);
    let run = |extra: Vec<(&str, String)>| {
        let mut env = vec![("GOPROXY", proxy.clone()), no_sumdb()];
        env.extend(extra);
        let r = check(&lab, &env, 5);
        let text = r.json.to_string();
        assert!(!text.contains("s3cret"), "a password leaked: {text}");
        r
    };

    // No credentials: the proxy refuses, as it would refuse go.
    let r = run(vec![]);
    assert_eq!(root(&r).0, "HTTP_UNAUTHORIZED", "{:#}", r.json);

    // Go ≥ 1.24 keys netrc entries by URL prefix: `host:port` for a proxy on a port.
    let with_port = netrc(&format!(
        "machine private.lab.test:{} login u password s3cret\n",
        p.port()
    ));
    let r = run(vec![("NETRC", with_port.clone())]);
    assert_eq!(r.json["outcome"]["predicted"], "ok", "{:#}", r.json);

    // ... so the bare host name does not match there.
    let bare = netrc("machine private.lab.test login u password s3cret\n");
    let r = run(vec![("NETRC", bare)]);
    assert_eq!(root(&r).0, "HTTP_UNAUTHORIZED", "{:#}", r.json);

    // GOAUTH=off: go sends no netrc credentials.
    let r = run(vec![("NETRC", with_port), ("GOAUTH", "off".into())]);
    assert_eq!(root(&r).0, "HTTP_UNAUTHORIZED", "{:#}", r.json);

    // Userinfo in GOPROXY: net/http sends it as Basic auth.
    let mut env = vec![
        (
            "GOPROXY",
            format!("https://u:s3cret@private.lab.test:{}", p.port()),
        ),
        no_sumdb(),
    ];
    env.push(("GOAUTH", "off".into()));
    let r = check(&lab, &env, 5);
    assert_eq!(r.json["outcome"]["predicted"], "ok", "{:#}", r.json);
    assert!(!r.json.to_string().contains("s3cret"));
}

#[test]
fn dependency_go_lines_lead_to_the_toolchain_list_and_go_s_pick() {
    // 21 required modules: their go.mod files are read over several connections; one needs
    // go 1.99, so the toolchain list is probed, go's pick made and only that zip asked for.
    let (os, arch) = match (std::env::consts::OS, std::env::consts::ARCH) {
        (os, "x86_64") => (os, "amd64"),
        (os, "aarch64") => (os, "arm64"),
        (os, a) => (os, a),
    };
    let mut modules: Vec<(String, Vec<String>)> = (0..20)
        .map(|i| (format!("example.com/dep{i:02}"), vec!["v1.0.0".into()]))
        .collect();
    modules.push(("example.com/newgo".into(), vec!["v1.0.0".into()]));
    modules.push((
        "golang.org/toolchain".into(),
        vec![
            format!("v0.0.1-go1.99.0.{os}-{arch}"),
            "v0.0.1-go1.98.5.plan9-386".into(),
        ],
    ));
    let lab = Lab::new();
    let addr = lab.https(
        "goproxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(GoproxySpec {
            modules,
            sumdb: SumdbMode::NotServed,
            date_skew_secs: 0,
        }),
    );
    let proxy = url("goproxy.lab.test", addr);
    let dir = tempfile::tempdir().unwrap();
    let mut gomod = "module lab.test/app\n\ngo 1.21\n\nrequire (\n".to_owned();
    for i in 0..20 {
        gomod.push_str(&format!("\texample.com/dep{i:02} v1.0.0\n"));
    }
    gomod.push_str("\texample.com/newgo v1.0.0\n)\n");
    std::fs::write(dir.path().join("go.mod"), gomod).unwrap();
    let json = Cli::godoctor()
        .cwd(dir.path())
        .home(dir.path())
        .path(dir.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("GOPROXY", &proxy)
        .env("GOSUMDB", "off")
        .env("GOTOOLCHAIN", "auto")
        .args([
            "check",
            "--json",
            "--timeout",
            "8s",
            "--resolver",
            &lab.dns_addr().to_string(),
        ])
        .run()
        .json();
    let tc = &json["outcome"]["toolchain"];
    assert_eq!(
        tc["required_by"]["module"], "example.com/newgo@v1.0.0",
        "{tc:#}"
    );
    assert_eq!(tc["required_by"]["go"], "1.99", "{tc:#}");
    assert_eq!(tc["target"], "go1.99.0", "{tc:#}");
    // GOSUMDB=off: toolchains are verified all the same, so go fails after choosing.
    assert_eq!(
        json["root_cause"]["code"], "TOOLCHAIN_NEEDS_SUMDB",
        "{:#}",
        json["root_cause"]
    );
    let targets = json["targets"].as_array().unwrap();
    let read: usize = targets
        .iter()
        .filter_map(|t| t["layers"].as_array())
        .flatten()
        .filter_map(|l| l["detail"]["go_mods"].as_array())
        .map(|m| {
            assert!(m.iter().all(|e| e["status"] == 200), "{m:#?}");
            m.len()
        })
        .sum();
    assert_eq!(read, 21, "every go.mod read once");
    let toolchain: Vec<&str> = targets
        .iter()
        .filter(|t| t["role"] == "toolchain")
        .map(|t| t["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        toolchain,
        [
            format!("{proxy}/golang.org/toolchain/@v/list"),
            format!("{proxy}/golang.org/toolchain/@v/v0.0.1-go1.99.0.{os}-{arch}.zip"),
        ]
    );
}

#[test]
fn plain_http_is_forwarded_over_tls_to_an_https_proxy() {
    // HTTP_PROXY=https://…: go's transport opens TLS to the proxy and sends the absolute URL
    // over it; the module host itself is never dialled (here it does not even resolve).
    let lab = Lab::new();
    let fwd = lab.https(
        "fwd.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let r = check(
        &lab,
        &[
            ("GOPROXY", "http://mirror.nowhere.lab.test".to_owned()),
            no_sumdb(),
            ("HTTP_PROXY", url("fwd.lab.test", fwd)),
        ],
        3,
    );
    assert_eq!(
        r.json["outcome"]["predicted"], "ok",
        "{:#}",
        r.json["targets"]
    );
    let t = target(&r, "proxy");
    let tls = t["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "tls")
        .unwrap_or_else(|| panic!("no TLS to the proxy: {t:#}"));
    assert_eq!(tls["detail"]["peer"], "http-proxy", "{tls:#}");
    // The proxy unreachable: go's `proxyconnect tcp` error.
    let r = check(
        &lab,
        &[
            ("GOPROXY", "http://mirror.nowhere.lab.test".to_owned()),
            no_sumdb(),
            ("HTTP_PROXY", format!("https://{}", lab.closed_port())),
        ],
        3,
    );
    assert_eq!(root(&r).0, "PROXY_UNREACHABLE", "{:#}", r.json["targets"]);
}

#[test]
fn file_proxies_are_read_as_go_reads_them() {
    // GOPROXY=file://…: nothing on the network; a missing file is a 404 (go moves on after
    // `,`) with go's words, a present one is served.
    let lab = Lab::new();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good/example.com/m/@v");
    std::fs::create_dir_all(&good).unwrap();
    std::fs::write(good.join("list"), "v1.0.0\n").unwrap();
    std::fs::write(good.join("v1.0.0.info"), "{\"Version\":\"v1.0.0\"}").unwrap();
    let empty = format!("file://{}/empty", dir.path().display());
    let full = format!("file://{}/good", dir.path().display());
    let r = check(
        &lab,
        &[("GOPROXY", format!("{empty},{full}")), no_sumdb()],
        3,
    );
    assert_eq!(
        r.json["outcome"]["predicted"], "ok",
        "{:#}",
        r.json["targets"]
    );
    assert_eq!(r.json["outcome"]["modules"][0]["via"], full);
    let r = check(&lab, &[("GOPROXY", empty.clone()), no_sumdb()], 3);
    assert_eq!(r.json["outcome"]["predicted"], "fail");
    let err = r.json["outcome"]["modules"][0]["error"].as_str().unwrap();
    assert!(
        err.ends_with(&format!(
            "reading {empty}/example.com/m/@v/v1.0.0.info: no such file or directory"
        )),
        "{err}"
    );
    // No network layer is listed for a file.
    let t = target(&r, "proxy");
    assert_eq!(t["layers"].as_array().unwrap().len(), 1, "{t:#}");
}

#[test]
fn file_proxies_serve_go_mod_files_and_their_go_lines() {
    // Verified with go1.27.3 and go1.19 (`go mod download`, go.mod at go 1.21): go reads
    // `.mod` files (no `@v/list` needed), and the first module in order whose go.mod is missing
    // stops it before a later one's go line could.
    let lab = Lab::new();
    let dir = tempfile::tempdir().unwrap();
    let proxy = dir.path().join("p");
    let zzz = proxy.join("example.com/zzz/@v");
    std::fs::create_dir_all(&zzz).unwrap();
    std::fs::write(
        zzz.join("v1.0.0.mod"),
        "module example.com/zzz\n\ngo 1.99\n",
    )
    .unwrap();
    let app = dir.path().join("app");
    std::fs::create_dir_all(&app).unwrap();
    let run = |requires: &str| {
        std::fs::write(
            app.join("go.mod"),
            format!("module example.com/app\n\ngo 1.21\n\nrequire (\n{requires})\n"),
        )
        .unwrap();
        Cli::godoctor()
            .cwd(&app)
            .home(dir.path())
            .path(dir.path())
            .env("GOPROXY", format!("file://{}", proxy.display()))
            .env("GOSUMDB", "off")
            .env("GOTOOLCHAIN", "local")
            .args([
                "check",
                "--json",
                "--timeout",
                "3s",
                "--resolver",
                &lab.dns_addr().to_string(),
            ])
            .run()
            .json()
    };
    // Only zzz: its go line stops go (GOTOOLCHAIN=local).
    let j = run("\texample.com/zzz v1.0.0\n");
    assert_eq!(
        j["root_cause"]["code"], "TOOLCHAIN_DEPENDENCY_TOO_NEW",
        "{j:#}"
    );
    // aaa sorts first and is missing: that is go's error.
    let j = run("\texample.com/aaa v1.0.0\n\texample.com/zzz v1.0.0\n");
    assert_eq!(j["outcome"]["predicted"], "fail");
    assert!(j["outcome"]["toolchain"].is_null(), "{:#}", j["outcome"]);
    let err = j["outcome"]["modules"][0]["error"].as_str().unwrap();
    assert_eq!(
        err,
        format!(
            "go: example.com/aaa@v1.0.0: reading file://{}/example.com/aaa/@v/v1.0.0.mod: no such file or directory",
            proxy.display()
        )
    );
}

/// The most common setup of godoctor's users: a mirror that relays the checksum database, the
/// database itself unreachable. go never contacts the database (the mirror's `/supported`
/// answered 200), so its probe must not hold the verdict: it is left as not finished instead of
/// timing out, and the prediction is ok.
#[test]
fn probes_off_gos_route_do_not_hold_the_verdict() {
    let lab = Lab::new();
    let mirror = lab.https(
        "mirror.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    // The database's own name never resolves (a dropped query waits for the DNS deadline).
    let name = lab.sumdb_key().split('+').next().unwrap().to_owned();
    lab.dns(&name, DnsAnswer::Drop);
    let r = check(
        &lab,
        &[
            (
                "GOPROXY",
                format!("{},direct", url("mirror.lab.test", mirror)),
            ),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        6,
    );
    assert_eq!(r.json["outcome"]["predicted"], "ok", "{:#}", r.json);
    let db = target(&r, "sumdb");
    let layers = db["layers"].as_array().unwrap();
    assert!(
        layers
            .iter()
            .all(|l| l["status"] == "skipped" && l["error"].is_null()),
        "the database's probe should be left unfinished, not failed: {db:#}"
    );
    assert!(
        layers[0]["detail"].to_string().contains("not finished")
            || db.to_string().contains("not finished"),
        "{db:#}"
    );
}
