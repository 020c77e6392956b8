//! Hostile servers (issue 17), one per case on loopback, each judged against what go does with
//! it: a TLS 1.3 server that never answers, 150 and 11 MiB of response headers, a 200 MB
//! version list served fast, a proxy redirecting its checksum-database paths, garbled and
//! flooding DNS answers, and a paste that is not UTF-8.

use std::time::Duration;

use serde_json::Value;

use crate::lab::{Behavior, CertKind, DnsAnswer, Lab, SumdbMode};
use crate::support::cli::Cli;

use crate::probe_lab::{MODULE, spec};

/// `godoctor check --json` against the lab with `env`, within `timeout_s`.
fn check(lab: &Lab, env: &[(&str, String)], timeout_s: u64) -> (Value, i32, Duration) {
    let run = crate::probe_lab::check(lab, env, timeout_s);
    (run.json, run.code, run.elapsed)
}

fn proxy_target(json: &Value) -> &Value {
    json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["role"] == "proxy")
        .unwrap_or_else(|| panic!("no proxy target: {json:#}"))
}

fn layer<'a>(t: &'a Value, name: &str) -> &'a Value {
    t["layers"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|l| l["layer"] == name)
        .unwrap_or_else(|| panic!("no {name} layer: {t:#}"))
}

fn codes(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap_or("").to_owned())
        .collect()
}

fn no_sumdb() -> (&'static str, String) {
    ("GONOSUMDB", MODULE.to_owned())
}

/// TLS 1.3 sends session tickets after the handshake: bytes below HTTP that are no answer.
/// go waits forever for the response; so it is stalled, not slow.
#[test]
fn a_tls13_server_that_never_answers_is_stalled() {
    let lab = Lab::new();
    let a = lab.https(
        "mute.lab.test",
        CertKind::Lab,
        Behavior::StallAfterHandshake,
    );
    let url = format!("https://mute.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 3);
    let t = proxy_target(&json);
    assert_eq!(layer(t, "tls")["status"], "ok", "{t:#}");
    assert_eq!(
        layer(t, "tls")["detail"]["version"],
        "TLSv1_3",
        "{:#}",
        layer(t, "tls")
    );
    let http = layer(t, "http");
    assert_eq!(http["error"]["kind"], "headers_timeout", "{http:#}");
    assert_eq!(json["root_cause"]["code"], "HTTP_STALLED", "{json:#}");
    assert_eq!(json["outcome"]["predicted"], "fail");
    assert_ne!(code, 0);
}

/// go counts no header lines (hyper's default stops at 100): 150 headers are an answer.
#[test]
fn many_response_headers_are_read_as_go_reads_them() {
    let lab = Lab::new();
    let a = lab.https(
        "headers.lab.test",
        CertKind::Lab,
        Behavior::ManyHeaders(150, spec(SumdbMode::NotServed)),
    );
    let url = format!("https://headers.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 5);
    assert_eq!(
        layer(proxy_target(&json), "http")["status"],
        "ok",
        "{json:#}"
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{json:#}");
    assert_eq!(code, 0);
}

/// Past go's 10 MiB of headers go gives up with its own words.
#[test]
fn headers_past_go_s_limit_fail_in_go_s_words() {
    let lab = Lab::new();
    let a = lab.https("huge.lab.test", CertKind::Lab, Behavior::HugeHeaders);
    let url = format!("https://huge.lab.test:{}", a.port());
    let (json, _, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 8);
    let http = layer(proxy_target(&json), "http");
    assert_eq!(http["error"]["kind"], "headers_too_large", "{http:#}");
    assert_eq!(
        http["error"]["message"],
        "net/http: server response headers exceeded 10485760 bytes; aborted"
    );
    assert_eq!(json["outcome"]["predicted"], "fail");
}

/// go reads a version list whole, without a size limit: 200 MB that arrive fast and end are
/// a list go reads (godoctor keeps the first 256 KiB and counts the rest).
#[test]
fn a_huge_version_list_served_fast_is_read_to_its_end() {
    const SIZE: u64 = 200_000_000;
    let lab = Lab::new();
    let a = lab.http(
        "biglist.lab.test",
        Behavior::BigList(SIZE, spec(SumdbMode::NotServed)),
    );
    let url = format!("http://biglist.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 15);
    let http = layer(proxy_target(&json), "http");
    // All of it within the HTTP layer's share of the deadline, or — on a slow machine — still
    // arriving towards its announced end, which go reads to: slow, never "go will fail".
    if http["status"] == "ok" {
        assert_eq!(http["detail"]["body_bytes"], SIZE, "{http:#}");
        assert_eq!(code, 0, "{:#} {:#}", json["findings"], json["outcome"]);
    } else {
        assert_eq!(http["error"]["kind"], "slow_progress", "{http:#}");
        let msg = http["error"]["message"].as_str().unwrap();
        assert!(msg.contains("go reads the body to its end"), "{msg}");
    }
    assert_eq!(json["outcome"]["predicted"], "ok", "{json:#}");
    let codes = codes(&json);
    assert!(
        codes
            .iter()
            .all(|c| !c.starts_with("HTTP_") || c == "HTTP_SLOW"),
        "{codes:?}"
    );
}

/// A proxy that serves `/sumdb/sum.golang.org/supported` and redirects the rest to a
/// checksum database: go follows the redirect (to another host, on a new connection).
#[test]
fn a_proxy_redirecting_checksum_db_paths_is_followed() {
    let lab = Lab::new();
    let db = lab.https(
        "sumdb.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    let p = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::SumdbRedirect(
            spec(SumdbMode::Served),
            format!("https://sumdb.lab.test:{}", db.port()),
        ),
    );
    let (json, code, _) = check(
        &lab,
        &[
            ("GOPROXY", format!("https://proxy.lab.test:{}", p.port())),
            ("GOSUMDB", lab.sumdb_key().to_owned()),
        ],
        8,
    );
    assert!(
        !codes(&json).iter().any(|c| c.starts_with("SUMDB")),
        "{:?} {json:#}",
        codes(&json)
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{json:#}");
    assert_eq!(code, 0);
    let log = lab.log();
    assert!(
        log.iter()
            .any(|l| l.starts_with("sumdb.lab.test GET /sumdb/sum.golang.org/latest")),
        "{log:#?}"
    );
}

/// go drops a DNS answer it cannot parse (a possible forgery) and waits until its timeout: the
/// layer says so in DNS terms, never "connect: network is unreachable".
#[test]
fn garbled_and_flooding_dns_answers_read_as_dns_failures() {
    let lab = Lab::new();
    let a = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let ip = match a.ip() {
        std::net::IpAddr::V4(v4) => v4,
        other => panic!("{other}"),
    };
    let url = format!("https://proxy.lab.test:{}", a.port());
    for answer in [DnsAnswer::Garbled(vec![ip]), DnsAnswer::Flood(1000)] {
        lab.dns("proxy.lab.test", answer.clone());
        let (json, _, _) = check(&lab, &[("GOPROXY", url.clone()), no_sumdb()], 3);
        let dns = layer(proxy_target(&json), "dns");
        let msg = dns["error"]["message"].as_str().unwrap_or("");
        assert_ne!(dns["status"], "ok", "{answer:?}: {dns:#}");
        assert!(!msg.contains("network is unreachable"), "{answer:?}: {msg}");
        assert!(
            msg.starts_with("lookup proxy.lab.test on "),
            "{answer:?}: {msg}"
        );
        assert_eq!(json["outcome"]["predicted"], "fail", "{answer:?}");
    }
    // The TC bit over UDP: retried over TCP, as go does, and resolved.
    lab.dns("proxy.lab.test", DnsAnswer::TruncatedUdp(vec![ip]));
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 5);
    assert_eq!(
        layer(proxy_target(&json), "dns")["status"],
        "ok",
        "{json:#}"
    );
    assert_eq!(code, 0, "{json:#}");
}

/// A server that closes mid-answer without TLS close_notify: go reads an unexpected EOF; no
/// Rust library's documentation URL shows up in any message.
#[test]
fn a_connection_closed_without_close_notify_reads_in_go_s_words() {
    let lab = Lab::new();
    let a = lab.https("cut.lab.test", CertKind::Lab, Behavior::CloseMidHead);
    let url = format!("https://cut.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 3);
    let http = layer(proxy_target(&json), "http");
    assert_eq!(http["status"], "fail", "{http:#}");
    let text = json.to_string();
    assert!(!text.contains("docs.rs"), "{text}");
    assert!(!text.contains("close_notify"), "{text}");
    assert!(
        http["error"]["message"]
            .as_str()
            .unwrap()
            .ends_with("unexpected EOF"),
        "{http:#}"
    );
    assert_ne!(code, 0);
}

/// A log pasted as arguments that is not UTF-8 is read lossily, like standard input.
#[cfg(unix)]
#[test]
fn explain_reads_arguments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let arg = std::ffi::OsStr::from_bytes(
        b"go: a.example/m@v1.0.0: reading https://proxy.golang.org/a.example/m/@v/list: 404 Not Found \xff\xfe",
    );
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .arg("explain")
        .arg(arg)
        .run();
    assert_eq!(out.code(), Some(0), "{}", out.text());
    assert!(!out.text().contains("UTF-8"), "{}", out.text());
    assert!(
        out.stdout_text().contains("MODULE_NOT_FOUND"),
        "{}",
        out.text()
    );
    let out = Cli::godoctor()
        .home(tmp.path())
        .path(tmp.path())
        .cwd(tmp.path())
        .arg("explain")
        .stdin(b"\xff\xfe\x00\x80 not go at all".to_vec())
        .run();
    assert_eq!(out.code(), Some(1), "{}", out.text());
    assert!(!out.text().contains("writing output"), "{}", out.text());
}

/// go counts no header lines and reads up to 10 MiB of them: 30,000 header lines (past what
/// hyper's header map holds: it panicked) and 150,000 (past the 100,000 lines godoctor used
/// to stop at), some 0.6 and 3.3 MB, are an answer like any other.
#[test]
fn more_header_lines_than_hyper_holds_are_read_as_go_reads_them() {
    for n in [30_000, 150_000] {
        let lab = Lab::new();
        let a = lab.https(
            "headers.lab.test",
            CertKind::Lab,
            Behavior::ManyHeaders(n, spec(SumdbMode::NotServed)),
        );
        let url = format!("https://headers.lab.test:{}", a.port());
        let run = crate::probe_lab::check(&lab, &[("GOPROXY", url), no_sumdb()], 8);
        let json = run.json;
        assert_eq!(
            layer(proxy_target(&json), "http")["status"],
            "ok",
            "{n} lines: {json:#}"
        );
        assert_eq!(json["outcome"]["predicted"], "ok", "{n} lines: {json:#}");
        assert_eq!(run.code, 0, "{n} lines");
    }
}

/// A body with no length announced (chunked) that is still arriving when godoctor stops, long
/// past the 256 KiB it keeps: go reads on as long as it comes (no size limit for a version
/// list), as it does for one still arriving below that size. Slow, not "too large".
#[test]
fn a_body_without_length_still_coming_past_the_cap_is_slow() {
    let lab = Lab::new();
    let a = lab.https("endless.lab.test", CertKind::Lab, Behavior::EndlessBody);
    let url = format!("https://endless.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 3);
    let http = layer(proxy_target(&json), "http");
    assert_eq!(http["error"]["kind"], "slow_progress", "{http:#}");
    let msg = http["error"]["message"].as_str().unwrap();
    assert!(msg.contains("no length announced"), "{msg}");
    assert!(
        http["detail"]["body_bytes"].as_u64().unwrap() > 256 << 10,
        "{http:#}"
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{json:#}");
    assert!(
        codes(&json).iter().any(|c| c == "HTTP_SLOW"),
        "{:?}",
        codes(&json)
    );
    assert!(!codes(&json).iter().any(|c| c == "HTTP_BODY_TOO_LARGE"));
    assert_eq!(code, 0);
}

/// The same body stopping past the cap is stalled: go waits forever for the rest.
#[test]
fn a_body_without_length_stopping_past_the_cap_is_stalled() {
    let lab = Lab::new();
    let a = lab.https(
        "stops.lab.test",
        CertKind::Lab,
        Behavior::BodyThenStall(1 << 20),
    );
    let url = format!("https://stops.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", url), no_sumdb()], 3);
    let http = layer(proxy_target(&json), "http");
    assert_eq!(http["error"]["kind"], "body_stalled", "{http:#}");
    assert_eq!(json["root_cause"]["code"], "HTTP_STALLED", "{json:#}");
    assert_eq!(json["outcome"]["predicted"], "fail");
    assert_ne!(code, 0);
}

/// `godoctor check` as text (not JSON) against the lab, in `lang`.
fn check_text(lab: &Lab, env: &[(&str, String)], lang: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .path(home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .env("COLUMNS", "400")
        .args([
            "check",
            "--lang",
            lang,
            "--timeout",
            "8s",
            "--resolver",
            &lab.dns_addr().to_string(),
            "--module",
            &format!("{}@v1.0.0", crate::probe_lab::MODULE),
        ])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .run()
        .stdout_text()
}

/// `n` GOPROXY entries on loopback ports where nothing listens (connection refused).
fn refused(lab: &Lab, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| format!("https://{}", lab.closed_port()))
        .collect()
}

/// A GOPROXY longer than the 32 entries godoctor follows, every probed one refused with `|`
/// after it: go goes on to the 33rd, which serves the module. godoctor cannot know that: it
/// predicts failure (never "ok" when go might fail) but claims neither the 32nd entry's error
/// as go's last word nor a certain failure.
#[test]
fn past_the_followed_goproxy_entries_the_outcome_is_not_claimed() {
    let lab = Lab::new();
    let good = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let mut entries = refused(&lab, 32);
    let last_probed = entries[31].clone();
    entries.push(format!("https://proxy.lab.test:{}", good.port()));
    let env = [
        ("GOPROXY", format!("{},direct", entries.join("|"))),
        no_sumdb(),
    ];
    let (json, code, _) = check(&lab, &env, 8);
    assert_eq!(json["outcome"]["predicted"], "fail", "{json:#}");
    assert_eq!(json["verdict"], "fail");
    assert_ne!(code, 0);
    assert_eq!(
        json["root_cause"]["code"], "GOPROXY_NOT_FOLLOWED",
        "{:#}",
        json["root_cause"]
    );
    let m = &json["outcome"]["modules"][0];
    assert!(m["error"].is_null(), "go's words claimed: {m:#}");
    assert!(m["via"].is_null(), "{m:#}");
    let root = json["root_cause"]["summary"].as_str().unwrap();
    assert!(root.contains("the 2 entries after them"), "{root}");
    for (lang, verdict, route) in [
        (
            "en",
            "go mod download may fail: the outcome depends on GOPROXY entries godoctor did not probe",
            "go goes on to 2 more entries, not probed",
        ),
        (
            "zh",
            "go mod download 可能会失败：结果取决于 godoctor 没有探测的 GOPROXY 项",
            "go 还会尝试后面的 2 项（未探测）",
        ),
    ] {
        let text = check_text(&lab, &env, lang);
        assert!(text.contains(verdict), "{lang}: {text}");
        assert!(text.contains(route), "{lang}: {text}");
        // No go line built from the 32nd entry's error.
        let go_lines: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("go: "))
            .collect();
        assert!(go_lines.is_empty(), "{lang}: {go_lines:?}");
        assert!(
            text.contains(&format!("{}/", last_probed.trim_start_matches("https://")))
                || text.contains(last_probed.trim_start_matches("https://")),
            "{lang}: the probed entries are still shown: {text}"
        );
    }
}

/// When the 32nd entry stops go (`,` after a failure other than 404/410), go's last word is
/// known and is that entry's error, as before.
#[test]
fn a_comma_at_the_last_followed_entry_still_decides() {
    let lab = Lab::new();
    let good = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let entries = refused(&lab, 32);
    let goproxy = format!(
        "{},https://proxy.lab.test:{},direct",
        entries.join("|"),
        good.port()
    );
    let (json, _, _) = check(&lab, &[("GOPROXY", goproxy), no_sumdb()], 8);
    assert_eq!(json["outcome"]["predicted"], "fail", "{json:#}");
    assert_eq!(json["root_cause"]["code"], "TCP_REFUSED", "{json:#}");
    let error = json["outcome"]["modules"][0]["error"].as_str().unwrap();
    let addr = entries[31].trim_start_matches("https://");
    assert!(
        error.contains(&format!("dial tcp {addr}: connect: connection refused")),
        "{error}"
    );
}

/// The checksum database is asked through GOPROXY entries too: past the 32 godoctor asks,
/// none relaying it, go asks the rest before the database itself. The route says so, and go's
/// failure is not claimed (the database's own answer does not decide).
#[test]
fn past_the_followed_entries_the_checksum_route_is_not_claimed() {
    let lab = Lab::new();
    let first = lab.http("p0.lab.test", Behavior::Goproxy(spec(SumdbMode::NotServed)));
    let ip = match first.ip() {
        std::net::IpAddr::V4(v) => v,
        other => panic!("{other}"),
    };
    let entries: Vec<String> = (0..40)
        .map(|i| {
            let name = format!("p{i}.lab.test");
            lab.dns(&name, DnsAnswer::A(vec![ip]));
            format!("http://{name}:{}", first.port())
        })
        .collect();
    let env = [
        ("GOPROXY", format!("{},direct", entries.join(","))),
        ("GOSUMDB", lab.sumdb_key().to_owned()),
    ];
    let (json, code, _) = check(&lab, &env, 8);
    assert_eq!(json["outcome"]["predicted"], "fail", "{json:#}");
    assert_ne!(code, 0);
    assert_eq!(
        json["root_cause"]["code"], "GOPROXY_NOT_FOLLOWED",
        "{:#}",
        json["root_cause"]
    );
    assert_eq!(json["outcome"]["sumdb"]["predicted"], "fail");
    assert!(json["outcome"]["sumdb"]["via"].is_null());
    let m = &json["outcome"]["modules"][0];
    assert!(m["error"].is_null(), "{m:#}");
    // The module itself is served by the first entry.
    assert_eq!(m["via"], entries[0], "{m:#}");
    let text = check_text(&lab, &env, "en");
    assert!(
        text.contains(
            "(8 more entries, not followed: godoctor follows the first 32) → https://sum.golang.org"
        ),
        "{text}"
    );
    assert!(text.contains("may fail"), "{text}");
}

/// go sends nothing at all to a plain-http GOPROXY entry with credentials in it
/// (cmd/go/internal/web: `refusing to pass credentials to insecure URL`): a server there that
/// would serve the module is never asked, and the password never leaves — nor does godoctor
/// send it. With `|` go goes on to the next entry.
#[test]
fn credentials_are_never_sent_over_plain_http() {
    let lab = Lab::new();
    let a = lab.http(
        "plain.lab.test",
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let with_password = format!("http://alice:s3cret@plain.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", with_password.clone()), no_sumdb()], 8);
    let http = layer(proxy_target(&json), "http");
    assert_eq!(http["error"]["kind"], "insecure_credentials", "{http:#}");
    let message = http["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("refusing to pass credentials to insecure URL: http://")
            && !message.contains("s3cret"),
        "{message}"
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(code, 1);
    assert!(codes(&json).contains(&"HTTP_INSECURE_CREDENTIALS".to_owned()));
    assert!(!json.to_string().contains("s3cret"));
    let asked: Vec<String> = lab
        .log()
        .into_iter()
        .filter(|e| e.contains("plain.lab.test"))
        .collect();
    assert!(asked.is_empty(), "{asked:?}");

    // The same server without credentials in the URL serves, after the refused entry.
    let piped = format!("{with_password}|http://plain.lab.test:{}", a.port());
    let (json, code, _) = check(&lab, &[("GOPROXY", piped), no_sumdb()], 8);
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(code, 0, "{:#}", json["findings"]);
}

/// `a|b|c`: go tries every entry in turn. Failures at the entries it moves past are trouble on
/// its route (warnings), never "not on the route go takes" — whether a later entry serves or
/// every entry fails (then the last one is the root cause).
#[test]
fn failures_go_moves_past_are_on_its_route() {
    let lab = Lab::new();
    let unavailable = lab.https(
        "busy.lab.test",
        CertKind::Lab,
        Behavior::Status(503, "Service Unavailable", "busy".into()),
    );
    let refused = lab.closed_port();
    let good = lab.https(
        "good.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    let busy = format!("https://busy.lab.test:{}", unavailable.port());
    let closed = format!("https://closed.lab.test:{}", refused.port());
    let std::net::IpAddr::V4(refused_ip) = refused.ip() else {
        unreachable!("the lab binds IPv4")
    };
    lab.dns("closed.lab.test", DnsAnswer::A(vec![refused_ip]));
    let serving = format!("https://good.lab.test:{}", good.port());
    let off_route = |json: &Value| -> Vec<String> {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| !f["params"]["off_route"].is_null())
            .map(|f| format!("{} {}", f["code"], f["host"]))
            .collect()
    };
    let warned = |json: &Value, code: &str| {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == code && f["severity"] == "warning")
    };

    let (json, code, _) = check(
        &lab,
        &[
            ("GOPROXY", format!("{busy}|{closed}|{serving}")),
            no_sumdb(),
        ],
        8,
    );
    assert_eq!(json["outcome"]["predicted"], "ok", "{:#}", json["outcome"]);
    assert_eq!(code, 0, "{:#}", json["findings"]);
    assert!(off_route(&json).is_empty(), "{:?}", off_route(&json));
    assert!(warned(&json, "HTTP_SERVER_ERROR"), "{:#}", json["findings"]);
    assert!(warned(&json, "TCP_REFUSED"), "{:#}", json["findings"]);

    let (json, code, _) = check(
        &lab,
        &[("GOPROXY", format!("{busy}|{closed}")), no_sumdb()],
        8,
    );
    assert_eq!(
        json["outcome"]["predicted"], "fail",
        "{:#}",
        json["outcome"]
    );
    assert_eq!(code, 1);
    assert!(off_route(&json).is_empty(), "{:?}", off_route(&json));
    assert_eq!(
        json["root_cause"]["code"], "TCP_REFUSED",
        "{:#}",
        json["root_cause"]
    );
    assert!(warned(&json, "HTTP_SERVER_ERROR"), "{:#}", json["findings"]);
}
