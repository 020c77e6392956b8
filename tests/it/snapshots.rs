//! Snapshot tests: the text and JSON reports, in English and Chinese, for each fault of the
//! lab — one test per fault, language and format (`snapshots::tls_expired::zh_text`), each
//! compared by insta with `snapshots/<fault>.<lang>.<txt|json>.snap`. What changes from run to
//! run (ports, lab addresses, timings, the generated checksum key, the temporary HOME) is
//! replaced by insta filters; JSON is compared in serde_json's pretty form (keys sorted).
//!
//! A report that changes on purpose: `cargo insta test --review -- snapshots::`, or
//! `INSTA_UPDATE=always cargo test --test it snapshots::` and review the diff before
//! committing it.

use std::path::Path;

use serde_json::Value;

use crate::lab::{Behavior, CertKind, DnsAnswer, GoproxySpec, Lab, ProxyAuth, SumdbMode};
use crate::support::cli::Cli;
use crate::support::schema::assert_valid;

fn spec(sumdb: SumdbMode) -> GoproxySpec {
    GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb,
        date_skew_secs: 0,
    }
}

/// A fault set up in the lab: godoctor's environment, and the ports its report may show.
struct Case {
    env: Vec<(&'static str, String)>,
    ports: Vec<u16>,
}

fn url(name: &str, addr: std::net::SocketAddr) -> String {
    format!("https://{name}:{}", addr.port())
}

/// The healthy mirror some cases fall back to.
fn good(lab: &Lab) -> std::net::SocketAddr {
    lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    )
}

fn case(lab: &Lab, fault: &str) -> Case {
    let case = |env: Vec<(&'static str, String)>, ports: Vec<u16>| Case { env, ports };
    let no_sumdb = || ("GONOSUMDB", "example.com".to_owned());
    match fault {
        "healthy" => {
            let good = good(lab);
            case(
                vec![
                    ("GOPROXY", url("proxy.lab.test", good)),
                    ("GOSUMDB", lab.sumdb_key().into()),
                ],
                vec![good.port()],
            )
        }
        "dns_nxdomain" => {
            lab.dns("nx.lab.test", DnsAnswer::NxDomain);
            case(
                vec![("GOPROXY", "https://nx.lab.test:8443".into()), no_sumdb()],
                vec![],
            )
        }
        "tcp_refused" => {
            let closed = lab.closed_port();
            let std::net::IpAddr::V4(ip) = closed.ip() else {
                unreachable!()
            };
            lab.dns("refused.lab.test", DnsAnswer::A(vec![ip]));
            case(
                vec![
                    (
                        "GOPROXY",
                        format!("https://refused.lab.test:{}", closed.port()),
                    ),
                    no_sumdb(),
                ],
                vec![closed.port()],
            )
        }
        "tls_interception" => {
            let good = good(lab);
            let inter = lab.https(
                "goproxy.cn",
                CertKind::UnknownCa,
                Behavior::Goproxy(spec(SumdbMode::NotServed)),
            );
            case(
                vec![
                    (
                        "GOPROXY",
                        format!(
                            "{},{}",
                            url("goproxy.cn", inter),
                            url("proxy.lab.test", good)
                        ),
                    ),
                    no_sumdb(),
                ],
                vec![inter.port(), good.port()],
            )
        }
        "tls_expired" => {
            let expired = lab.https(
                "expired.lab.test",
                CertKind::Expired,
                Behavior::Goproxy(spec(SumdbMode::NotServed)),
            );
            case(
                vec![("GOPROXY", url("expired.lab.test", expired)), no_sumdb()],
                vec![expired.port()],
            )
        }
        "tls_reset" => {
            let sni = lab.https(
                "sni.lab.test",
                CertKind::Lab,
                Behavior::ResetAfterClientHello,
            );
            case(
                vec![("GOPROXY", url("sni.lab.test", sni)), no_sumdb()],
                vec![sni.port()],
            )
        }
        "http_403" => {
            let forbidden = lab.https(
                "forbidden.lab.test",
                CertKind::Lab,
                Behavior::Status(
                    403,
                    "text/plain; charset=utf-8",
                    "blocked by policy\n".into(),
                ),
            );
            case(
                vec![
                    ("GOPROXY", url("forbidden.lab.test", forbidden)),
                    no_sumdb(),
                ],
                vec![forbidden.port()],
            )
        }
        "http_portal" => {
            let portal = lab.https("portal.lab.test", CertKind::Lab, Behavior::Portal);
            case(
                vec![("GOPROXY", url("portal.lab.test", portal)), no_sumdb()],
                vec![portal.port()],
            )
        }
        "sumdb_wrong_key" => {
            let wrong = lab.https(
                "wrongsum.lab.test",
                CertKind::Lab,
                Behavior::Goproxy(spec(SumdbMode::WrongKey)),
            );
            case(
                vec![
                    ("GOPROXY", url("wrongsum.lab.test", wrong)),
                    ("GOSUMDB", lab.sumdb_key().into()),
                ],
                vec![wrong.port()],
            )
        }
        "proxy_407" => {
            let good = good(lab);
            let squid = lab.connect_proxy(ProxyAuth::Basic {
                user: "u".into(),
                pass: "p".into(),
            });
            case(
                vec![
                    ("GOPROXY", url("proxy.lab.test", good)),
                    no_sumdb(),
                    ("HTTPS_PROXY", format!("http://{squid}")),
                ],
                vec![good.port(), squid.port()],
            )
        }
        "goproxy_off" => case(vec![("GOPROXY", "off".into())], vec![]),
        other => panic!("no lab fault {other}"),
    }
}

/// insta filters, applied in order, for what changes from run to run.
fn filters(lab: &Lab, home: &Path, ports: &[u16], json: bool) -> Vec<(String, String)> {
    let literal = |text: &str, with: &str| (regex::escape(text), with.to_owned());
    let key_id = |key: &str| key.splitn(3, '+').take(2).collect::<Vec<_>>().join("+");
    let mut rules = Vec::new();
    if json {
        // Timings and other run-dependent numbers are 0; signatures vary in length, so only
        // "none" versus "some" bytes received matters; HTTP dates are <DATE>.
        rules.extend([
            (
                r#"(?m)^(\s*"(?:ms|[^"\\]*_ms|port|date_skew_s|[^"\\]*_unix)": )-?[0-9][0-9.eE+-]*"#
                    .to_owned(),
                "${1}0".to_owned(),
            ),
            (
                r#"(?m)^(\s*"bytes_received": )[1-9][0-9]*"#.to_owned(),
                "${1}1".to_owned(),
            ),
            (
                r#"(?m)^(\s*"date": )"(?:[^"\\]|\\.)*""#.to_owned(),
                r#"${1}"<DATE>""#.to_owned(),
            ),
        ]);
    }
    rules.extend([
        literal(lab.sumdb_key(), "<LAB-KEY>"),
        literal(&key_id(lab.sumdb_key()), "<LAB-KEY-ID>"),
        literal(&key_id(lab.wrong_sumdb_key()), "<WRONG-KEY-ID>"),
        literal(&home.display().to_string(), "<HOME>"),
        literal(&lab.ca_pem_path().display().to_string(), "<LAB-CA>"),
        literal(&format!(":{}", lab.dns_addr().port()), ":<DNS-PORT>"),
    ]);
    rules.extend(ports.iter().map(|p| literal(&format!(":{p}"), ":<PORT>")));
    rules.extend([
        // A run of digits and dots that starts with 127.: a lab address.
        (
            r"(^|[^0-9.])(\.*)127\.[0-9.]*".to_owned(),
            "${1}${2}<LAB-IP>".to_owned(),
        ),
        // The ephemeral port of godoctor's own end of a connection, in go's read errors.
        (
            r"read tcp <LAB-IP>:[0-9]+->".to_owned(),
            "read tcp <LAB-IP>:<LOCAL-PORT>->".to_owned(),
        ),
        // The platform godoctor runs on, in the markdown report.
        (
            r"(?m)· [a-z0-9]+/[a-z0-9_]+$".to_owned(),
            "· <GOOS>/<GOARCH>".to_owned(),
        ),
        // The check's own time in seconds (`checked in 0.3 s`, `检查用时 0.3 秒`).
        (r"[0-9]+\.[0-9]( s| 秒)".to_owned(), "N${1}".to_owned()),
        // A run of digits and dots right before "ms" or " ms": a timing.
        (
            r"(^|[^0-9.])(\.*)[0-9][0-9.]*( ?ms)".to_owned(),
            "${1}${2}N${3}".to_owned(),
        ),
    ]);
    rules
}

fn check(fault: &str, lang: &str, format: &str) {
    let lab = Lab::new();
    let case = case(&lab, fault);
    let home = tempfile::tempdir().unwrap();
    let out = Cli::godoctor()
        .cwd(home.path())
        .home(home.path())
        .path(home.path())
        .env("SSL_CERT_FILE", lab.ca_pem_path())
        .args([
            "--color",
            "never",
            "--lang",
            lang,
            "check",
            "--format",
            format,
            "--timeout",
            "4s",
            "--resolver",
            &lab.dns_addr().to_string(),
            "--module",
            "example.com/m@v1.0.0",
        ])
        .envs(case.env.iter().map(|(k, v)| (k, v)))
        .run();
    let raw = out.stdout_text();
    let json = format == "json";
    let report = if json {
        let v: Value = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{fault}: {e}: {raw}"));
        assert_valid(&v, &format!("{fault} {lang}"));
        serde_json::to_string_pretty(&v).unwrap()
    } else {
        // insta ignores trailing whitespace: the report's own end is checked here.
        assert!(
            raw.ends_with('\n') && !raw.ends_with("\n\n"),
            "the report must end with exactly one newline: {raw:?}"
        );
        raw
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for (regex, with) in filters(&lab, home.path(), &case.ports, json) {
        settings.add_filter(&regex, with);
    }
    let ext = match format {
        "json" => "json",
        "markdown" => "md",
        _ => "txt",
    };
    let name = format!("{fault}.{lang}.{ext}");
    settings.bind(|| insta::assert_snapshot!(name, report));
}

/// One module per fault, one test per language and format.
macro_rules! faults {
    ($($fault:ident),* $(,)?) => {$(
        mod $fault {
            #[test]
            fn en_text() {
                super::check(stringify!($fault), "en", "text");
            }
            #[test]
            fn zh_text() {
                super::check(stringify!($fault), "zh", "text");
            }
            #[test]
            fn en_json() {
                super::check(stringify!($fault), "en", "json");
            }
            #[test]
            fn zh_json() {
                super::check(stringify!($fault), "zh", "json");
            }
        }
    )*};
}

faults!(
    healthy,
    dns_nxdomain,
    tcp_refused,
    tls_interception,
    tls_expired,
    tls_reset,
    http_403,
    http_portal,
    sumdb_wrong_key,
    proxy_407,
    goproxy_off,
);

/// The report to paste into an issue, for a fault with probes on and off go's route.
mod markdown {
    #[test]
    fn tls_interception_en() {
        super::check("tls_interception", "en", "markdown");
    }
    #[test]
    fn tls_interception_zh() {
        super::check("tls_interception", "zh", "markdown");
    }
    #[test]
    fn healthy_en() {
        super::check("healthy", "en", "markdown");
    }
}
