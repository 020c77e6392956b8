//! Snapshot tests: the text and JSON reports, in English and Chinese, for each fault of the
//! lab. Volatile parts (ports, lab addresses, timings, the generated checksum key, the
//! temporary HOME) are normalised. `GODOCTOR_UPDATE_SNAPSHOTS=1 cargo test --test snapshots`
//! rewrites tests/snapshots/; review the diff before committing it.

mod lab;

use std::path::{Path, PathBuf};
use std::process::Command;

use lab::{Behavior, CertKind, DnsAnswer, GoproxySpec, Lab, ProxyAuth, SumdbMode};
use serde_json::Value;

fn spec(sumdb: SumdbMode) -> GoproxySpec {
    GoproxySpec {
        modules: vec![("example.com/m".into(), vec!["v1.0.0".into()])],
        sumdb,
        date_skew_secs: 0,
    }
}

struct Case {
    name: &'static str,
    env: Vec<(&'static str, String)>,
    ports: Vec<u16>,
}

fn cases(lab: &Lab) -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |name: &'static str, env: Vec<(&'static str, String)>, ports: Vec<u16>| {
        out.push(Case { name, env, ports })
    };
    let url = |n: &str, a: std::net::SocketAddr| format!("https://{n}:{}", a.port());
    let good = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served)),
    );
    add(
        "healthy",
        vec![
            ("GOPROXY", url("proxy.lab.test", good)),
            ("GOSUMDB", lab.sumdb_key().into()),
        ],
        vec![good.port()],
    );
    lab.dns("nx.lab.test", DnsAnswer::NxDomain);
    add(
        "dns_nxdomain",
        vec![
            ("GOPROXY", "https://nx.lab.test:8443".into()),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![],
    );
    let closed = lab.closed_port();
    let ip = match closed.ip() {
        std::net::IpAddr::V4(v) => v,
        _ => unreachable!(),
    };
    lab.dns("refused.lab.test", DnsAnswer::A(vec![ip]));
    add(
        "tcp_refused",
        vec![
            (
                "GOPROXY",
                format!("https://refused.lab.test:{}", closed.port()),
            ),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![closed.port()],
    );
    let inter = lab.https(
        "goproxy.cn",
        CertKind::UnknownCa,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    add(
        "tls_interception",
        vec![
            (
                "GOPROXY",
                format!(
                    "{},{}",
                    url("goproxy.cn", inter),
                    url("proxy.lab.test", good)
                ),
            ),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![inter.port(), good.port()],
    );
    let expired = lab.https(
        "expired.lab.test",
        CertKind::Expired,
        Behavior::Goproxy(spec(SumdbMode::NotServed)),
    );
    add(
        "tls_expired",
        vec![
            ("GOPROXY", url("expired.lab.test", expired)),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![expired.port()],
    );
    let sni = lab.https(
        "sni.lab.test",
        CertKind::Lab,
        Behavior::ResetAfterClientHello,
    );
    add(
        "tls_reset",
        vec![
            ("GOPROXY", url("sni.lab.test", sni)),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![sni.port()],
    );
    let forbidden = lab.https(
        "forbidden.lab.test",
        CertKind::Lab,
        Behavior::Status(
            403,
            "text/plain; charset=utf-8",
            "blocked by policy\n".into(),
        ),
    );
    add(
        "http_403",
        vec![
            ("GOPROXY", url("forbidden.lab.test", forbidden)),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![forbidden.port()],
    );
    let portal = lab.https("portal.lab.test", CertKind::Lab, Behavior::Portal);
    add(
        "http_portal",
        vec![
            ("GOPROXY", url("portal.lab.test", portal)),
            ("GONOSUMDB", "example.com".into()),
        ],
        vec![portal.port()],
    );
    let wrong = lab.https(
        "wrongsum.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::WrongKey)),
    );
    add(
        "sumdb_wrong_key",
        vec![
            ("GOPROXY", url("wrongsum.lab.test", wrong)),
            ("GOSUMDB", lab.sumdb_key().into()),
        ],
        vec![wrong.port()],
    );
    let squid = lab.connect_proxy(ProxyAuth::Basic {
        user: "u".into(),
        pass: "p".into(),
    });
    add(
        "proxy_407",
        vec![
            ("GOPROXY", url("proxy.lab.test", good)),
            ("GONOSUMDB", "example.com".into()),
            ("HTTPS_PROXY", format!("http://{squid}")),
        ],
        vec![good.port(), squid.port()],
    );
    add("goproxy_off", vec![("GOPROXY", "off".into())], vec![]);
    out
}

/// Replaces what changes from run to run.
fn normalize(text: &str, lab: &Lab, home: &Path, ports: &[u16]) -> String {
    let mut s = text.replace(lab.sumdb_key(), "<LAB-KEY>");
    for (key, label) in [
        (lab.sumdb_key(), "<LAB-KEY-ID>"),
        (lab.wrong_sumdb_key(), "<WRONG-KEY-ID>"),
    ] {
        let id: String = key.splitn(3, '+').take(2).collect::<Vec<_>>().join("+");
        s = s.replace(&id, label);
    }
    s = s.replace(&home.display().to_string(), "<HOME>");
    s = s.replace(&lab.ca_pem_path().display().to_string(), "<LAB-CA>");
    s = s.replace(&format!(":{}", lab.dns_addr().port()), ":<DNS-PORT>");
    for p in ports {
        s = s.replace(&format!(":{p}"), ":<PORT>");
    }
    // 127.x.y.z lab addresses.
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if s[i..].starts_with("127.") && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let mut j = i + 4;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            out.push_str("<LAB-IP>");
            i = j;
            continue;
        }
        // Timings: digits (and a dot) right before "ms" or " ms".
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            let rest = &s[j..];
            if rest.starts_with("ms") || rest.starts_with(" ms") {
                out.push('N');
                i = j;
                continue;
            }
            out.push_str(&s[i..j]);
            i = j;
            continue;
        }
        let ch = s[i..].chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// JSON: timings and other run-dependent numbers set to 0.
fn scrub(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if (k == "ms"
                    || k.ends_with("_ms")
                    || k == "port"
                    || k == "date_skew_s"
                    || k.ends_with("_unix"))
                    && x.is_number()
                {
                    *x = Value::from(0);
                } else if k == "bytes_received" && x.is_number() {
                    // ECDSA signatures vary in length; only "none" versus "some" matters.
                    *x = Value::from(u64::from(x.as_u64().unwrap_or(0) > 0));
                } else if k == "date" && x.is_string() {
                    *x = Value::from("<DATE>");
                } else {
                    scrub(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(scrub),
        _ => {}
    }
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

#[test]
fn reports_match_their_snapshots() {
    let lab = Lab::new();
    let update = std::env::var("GODOCTOR_UPDATE_SNAPSHOTS").as_deref() == Ok("1");
    let mut mismatches = Vec::new();
    for case in cases(&lab) {
        for (lang, fmt) in [
            ("en", "text"),
            ("zh", "text"),
            ("en", "json"),
            ("zh", "json"),
        ] {
            let home = tempfile::tempdir().unwrap();
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_godoctor"));
            cmd.env_clear()
                .current_dir(home.path())
                .env("HOME", home.path())
                .env("PATH", home.path())
                .env("SSL_CERT_FILE", lab.ca_pem_path())
                .args([
                    "--color",
                    "never",
                    "--lang",
                    lang,
                    "check",
                    "--format",
                    fmt,
                    "--timeout",
                    "4s",
                    "--resolver",
                    &lab.dns_addr().to_string(),
                    "--module",
                    "example.com/m@v1.0.0",
                ]);
            for (k, v) in &case.env {
                cmd.env(k, v);
            }
            let out = cmd.output().unwrap();
            let raw = String::from_utf8_lossy(&out.stdout).into_owned();
            let got = if fmt == "json" {
                let mut v: Value = serde_json::from_str(&raw)
                    .unwrap_or_else(|e| panic!("{}: {e}: {raw}", case.name));
                scrub(&mut v);
                normalize(
                    &serde_json::to_string_pretty(&v).unwrap(),
                    &lab,
                    home.path(),
                    &case.ports,
                )
            } else {
                normalize(&raw, &lab, home.path(), &case.ports)
            };
            let file = snapshot_dir().join(format!(
                "{}.{lang}.{}",
                case.name,
                if fmt == "json" { "json" } else { "txt" }
            ));
            if update {
                std::fs::write(&file, &got).unwrap();
                continue;
            }
            match std::fs::read_to_string(&file) {
                Ok(want) if want == got => {}
                Ok(want) => {
                    let line = want
                        .lines()
                        .zip(got.lines())
                        .position(|(a, b)| a != b)
                        .unwrap_or(0);
                    mismatches.push(format!(
                        "{}: first difference at line {}:\n  want: {}\n  got:  {}",
                        file.display(),
                        line + 1,
                        want.lines().nth(line).unwrap_or(""),
                        got.lines().nth(line).unwrap_or("")
                    ));
                }
                Err(_) => mismatches.push(format!(
                    "{}: missing (run with GODOCTOR_UPDATE_SNAPSHOTS=1)",
                    file.display()
                )),
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} snapshot(s) differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
