//! Smoke test of the fault lab itself: every server and behaviour, checked with plain
//! tokio / rustls / hickory-proto clients (not with godoctor).

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::lab::note::{self, NoteKey, verify_note};
use crate::lab::{
    Behavior, CertKind, DnsAnswer, GitHostSpec, GitServe, GoproxySpec, Lab, ProxyAuth, SumdbMode,
};
use hickory_proto::op::{Message, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use rustls::CertificateError;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_rustls::client::TlsStream;

// ---------------------------------------------------------------- helpers

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn connector(lab: &Lab) -> tokio_rustls::TlsConnector {
    let ca = CertificateDer::from_pem_file(lab.ca_pem_path()).expect("lab CA PEM");
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca).unwrap();
    let mut cfg = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    tokio_rustls::TlsConnector::from(Arc::new(cfg))
}

async fn tls_over<S: AsyncRead + AsyncWrite + Unpin>(
    lab: &Lab,
    stream: S,
    name: &str,
) -> io::Result<TlsStream<S>> {
    let sni = ServerName::try_from(name.to_owned()).unwrap();
    timeout(Duration::from_secs(3), connector(lab).connect(sni, stream))
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "handshake timeout"))?
}

async fn tls(lab: &Lab, addr: SocketAddr, name: &str) -> io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(addr).await?;
    tls_over(lab, tcp, name).await
}

fn rustls_error(e: &io::Error) -> Option<&rustls::Error> {
    e.get_ref()?.downcast_ref::<rustls::Error>()
}

fn cert_error(e: &io::Error) -> CertificateError {
    match rustls_error(e) {
        Some(rustls::Error::InvalidCertificate(c)) => c.clone(),
        other => panic!("expected a certificate error, got {other:?} ({e})"),
    }
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, k: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
}

fn parse_resp(raw: &[u8]) -> Resp {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("complete head")
        + 4;
    let head = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.trim().to_owned(), v.trim().to_owned())
        })
        .collect();
    Resp {
        status,
        headers,
        body: raw[end..].to_vec(),
    }
}

/// One GET with `Connection: close`, read to EOF (5 s, 2 MiB at most).
async fn get<S: AsyncRead + AsyncWrite + Unpin>(mut s: S, host: &str, path: &str) -> Resp {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    timeout(
        Duration::from_secs(5),
        (&mut s).take(2 << 20).read_to_end(&mut raw),
    )
    .await
    .expect("response within 5 s")
    .ok();
    parse_resp(&raw)
}

async fn https_get(lab: &Lab, addr: SocketAddr, name: &str, path: &str) -> Resp {
    let s = tls(lab, addr, name).await.expect("TLS handshake");
    get(s, &format!("{name}:{}", addr.port()), path).await
}

/// Read a response head byte by byte (nothing past it is consumed).
async fn read_head<S: AsyncRead + Unpin>(s: &mut S) -> String {
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = timeout(Duration::from_secs(5), s.read(&mut b))
            .await
            .expect("head within 5 s")
            .unwrap();
        assert!(
            n == 1,
            "EOF inside the head: {:?}",
            String::from_utf8_lossy(&head)
        );
        head.push(b[0]);
        assert!(head.len() < 64 * 1024);
    }
    String::from_utf8(head).unwrap()
}

fn dns_msg(name: &str, qtype: RecordType) -> Message {
    let mut m = Message::query();
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(Name::from_ascii(name).unwrap(), qtype));
    m
}

fn dns_udp(lab: &Lab, name: &str, qtype: RecordType, wait: Duration) -> Option<Message> {
    let sock = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    sock.set_read_timeout(Some(wait)).unwrap();
    let q = dns_msg(name, qtype);
    sock.send_to(&q.to_vec().unwrap(), lab.dns_addr()).unwrap();
    let mut buf = [0u8; 4096];
    let (n, _) = sock.recv_from(&mut buf).ok()?;
    let r = Message::from_vec(&buf[..n]).unwrap();
    assert_eq!(r.metadata.id, q.metadata.id);
    Some(r)
}

fn dns_tcp(lab: &Lab, name: &str, qtype: RecordType) -> Message {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(lab.dns_addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let q = dns_msg(name, qtype).to_vec().unwrap();
    let mut framed = (q.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(&q);
    s.write_all(&framed).unwrap();
    let mut len = [0u8; 2];
    s.read_exact(&mut len).unwrap();
    let mut msg = vec![0u8; u16::from_be_bytes(len) as usize];
    s.read_exact(&mut msg).unwrap();
    Message::from_vec(&msg).unwrap()
}

fn a_records(m: &Message) -> Vec<Ipv4Addr> {
    m.answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::A(a) => Some(a.0),
            _ => None,
        })
        .collect()
}

fn aaaa_records(m: &Message) -> Vec<Ipv6Addr> {
    m.answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::AAAA(a) => Some(a.0),
            _ => None,
        })
        .collect()
}

fn resolve_a(lab: &Lab, name: &str) -> Vec<Ipv4Addr> {
    a_records(&dns_udp(lab, name, RecordType::A, Duration::from_secs(2)).expect("DNS answer"))
}

#[test]
fn lab_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Lab>();
}

// ---------------------------------------------------------------- signed notes

#[test]
fn note_verifier_matches_go_test_vector() {
    let key = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    let text = "go.sum database tree\n31700353\nqINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=\n";
    let sig = "\u{2014} sum.golang.org Az3grnmrIUEDFqHzAElIQCPNoRFRAAdFo47fooyWKMHb89k11GJh5zHIfNCOBmwn/C3YI8oW9/C8DJ87F61QqspBYwM=";
    let signed = format!("{text}\n{sig}\n");
    assert_eq!(verify_note(key, &signed).unwrap(), text);
    assert!(verify_note(key, &signed.replace("31700353", "31700354")).is_err());
    // A key whose hash does not match its name/key bytes is malformed.
    let bad_hash = key.replace("033de0ae", "033de0af");
    assert!(verify_note(&bad_hash, &signed).is_err());
}

#[test]
fn note_signer_round_trips_and_rejects_other_keys() {
    let k1 = NoteKey::from_seed("sum.golang.org", [7; 32]);
    let k2 = NoteKey::from_seed("sum.golang.org", [8; 32]);
    let vk = k1.verifier_key();
    let (name, rest) = vk.split_once('+').unwrap();
    let (hash, b64) = rest.split_once('+').unwrap();
    assert_eq!(name, "sum.golang.org");
    assert_eq!(hash.len(), 8);
    assert!(
        hash.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert_eq!(b64.len(), 44); // base64 of 33 bytes
    let text = note::tree_text(3, &[9; 32]);
    let signed = k1.sign(&text);
    assert!(signed.starts_with(&format!("{text}\n\u{2014} sum.golang.org ")));
    assert!(signed.ends_with('\n'));
    assert_eq!(verify_note(k1.verifier_key(), &signed).unwrap(), text);
    assert!(verify_note(k2.verifier_key(), &signed).is_err());

    let lab = Lab::new();
    assert!(lab.sumdb_key().starts_with("sum.golang.org+"));
    assert!(lab.wrong_sumdb_key().starts_with("sum.golang.org+"));
    assert_ne!(lab.sumdb_key(), lab.wrong_sumdb_key());
}

#[test]
fn go_case_escaping() {
    assert_eq!(
        note::escape("github.com/Azure/SDK"),
        "github.com/!azure/!s!d!k"
    );
    assert_eq!(
        note::unescape("github.com/!azure/!s!d!k").unwrap(),
        "github.com/Azure/SDK"
    );
    assert!(note::unescape("github.com/Azure").is_none());
    assert!(note::unescape("a!").is_none());
    assert!(note::unescape("a!1").is_none());
}

// ---------------------------------------------------------------- DNS

#[test]
fn dns_answers_every_variant() {
    let lab = Lab::new();
    let v4 = vec![Ipv4Addr::new(127, 0, 0, 10), Ipv4Addr::new(127, 0, 0, 11)];
    let v6 = vec![Ipv6Addr::LOCALHOST];
    lab.dns("a.lab.test", DnsAnswer::A(v4.clone()));
    lab.dns("aaaa.lab.test.", DnsAnswer::Aaaa(v6.clone()));
    lab.dns("Both.Lab.Test", DnsAnswer::Both(v4.clone(), v6.clone()));
    lab.dns("nx.lab.test", DnsAnswer::NxDomain);
    lab.dns("servfail.lab.test", DnsAnswer::ServFail);
    lab.dns("refused.lab.test", DnsAnswer::Refused);
    lab.dns("drop.lab.test", DnsAnswer::Drop);
    lab.dns("empty.lab.test", DnsAnswer::Empty);

    let ask = |name: &str, t| dns_udp(&lab, name, t, Duration::from_secs(2)).expect("an answer");

    let r = ask("a.lab.test.", RecordType::A);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.metadata.authoritative);
    assert_eq!(r.queries.len(), 1);
    assert_eq!(r.queries[0].name().to_ascii(), "a.lab.test.");
    assert_eq!(r.queries[0].query_type(), RecordType::A);
    assert_eq!(a_records(&r), v4);
    let r = ask("a.lab.test.", RecordType::AAAA);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty());

    // Case-insensitive, trailing-dot tolerant.
    assert_eq!(a_records(&ask("A.LAB.TEST", RecordType::A)), v4);

    let r = ask("aaaa.lab.test", RecordType::AAAA);
    assert_eq!(aaaa_records(&r), v6);
    assert!(ask("aaaa.lab.test", RecordType::A).answers.is_empty());

    assert_eq!(a_records(&ask("both.lab.test", RecordType::A)), v4);
    assert_eq!(aaaa_records(&ask("both.lab.test", RecordType::AAAA)), v6);

    for (name, code) in [
        ("nx.lab.test", ResponseCode::NXDomain),
        ("servfail.lab.test", ResponseCode::ServFail),
        ("refused.lab.test", ResponseCode::Refused),
        ("unknown.lab.test", ResponseCode::NXDomain),
        ("proxy.golang.org", ResponseCode::NXDomain),
    ] {
        for t in [RecordType::A, RecordType::AAAA] {
            let r = ask(name, t);
            assert_eq!(r.metadata.response_code, code, "{name} {t}");
            assert!(r.metadata.authoritative);
            assert!(r.answers.is_empty());
            assert_eq!(r.queries[0].query_type(), t);
        }
    }

    let r = ask("empty.lab.test", RecordType::A);
    assert_eq!(r.metadata.response_code, ResponseCode::NoError);
    assert!(r.answers.is_empty());

    let t = Instant::now();
    assert!(
        dns_udp(
            &lab,
            "drop.lab.test",
            RecordType::A,
            Duration::from_millis(300)
        )
        .is_none()
    );
    assert!(t.elapsed() >= Duration::from_millis(250));

    // TCP on the same port.
    let r = dns_tcp(&lab, "both.lab.test", RecordType::AAAA);
    assert_eq!(aaaa_records(&r), v6);
    assert_eq!(
        dns_tcp(&lab, "nx.lab.test", RecordType::A)
            .metadata
            .response_code,
        ResponseCode::NXDomain
    );

    assert!(lab.log().iter().any(|l| l == "dns a.lab.test A"));
}

// ---------------------------------------------------------------- TLS

#[test]
fn tls_cert_kinds() {
    let lab = Lab::new();
    let ok = Behavior::Status(200, "text/plain", "secure\n".into());
    let good = lab.https("good.lab.test", CertKind::Lab, ok.clone());
    let unknown = lab.https("unknown-ca.lab.test", CertKind::UnknownCa, ok.clone());
    let expired = lab.https("expired.lab.test", CertKind::Expired, ok.clone());
    let future = lab.https("future.lab.test", CertKind::NotYetValid, ok.clone());
    let wrong = lab.https("wrong.lab.test", CertKind::WrongName, ok);

    // Each name resolves to its own server's IP; every server has its own IP.
    for (name, addr) in [
        ("good.lab.test", good),
        ("unknown-ca.lab.test", unknown),
        ("expired.lab.test", expired),
        ("future.lab.test", future),
        ("wrong.lab.test", wrong),
    ] {
        assert_eq!(
            resolve_a(&lab, name),
            vec![match addr.ip() {
                std::net::IpAddr::V4(v4) => v4,
                _ => unreachable!(),
            }]
        );
        assert!(addr.ip().is_loopback());
    }
    let mut ips: Vec<_> = [good, unknown, expired, future, wrong]
        .iter()
        .map(|a| a.ip())
        .collect();
    ips.sort();
    ips.dedup();
    assert_eq!(ips.len(), 5);

    block_on(async {
        let s = tls(&lab, good, "good.lab.test")
            .await
            .expect("lab cert verifies");
        assert_eq!(s.get_ref().1.alpn_protocol(), Some(&b"http/1.1"[..]));
        let r = get(s, "good.lab.test", "/anything").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.text(), "secure\n");
        assert_eq!(r.header("content-type"), Some("text/plain"));

        let e = tls(&lab, unknown, "unknown-ca.lab.test").await.unwrap_err();
        assert_eq!(cert_error(&e), CertificateError::UnknownIssuer);

        let e = tls(&lab, expired, "expired.lab.test").await.unwrap_err();
        assert!(
            matches!(
                cert_error(&e),
                CertificateError::Expired | CertificateError::ExpiredContext { .. }
            ),
            "{e}"
        );

        let e = tls(&lab, future, "future.lab.test").await.unwrap_err();
        assert!(
            matches!(
                cert_error(&e),
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. }
            ),
            "{e}"
        );

        let e = tls(&lab, wrong, "wrong.lab.test").await.unwrap_err();
        assert!(
            matches!(
                cert_error(&e),
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. }
            ),
            "{e}"
        );
    });
}

// ---------------------------------------------------------------- GOPROXY + sumdb

fn spec(sumdb: SumdbMode, skew: i64) -> GoproxySpec {
    GoproxySpec {
        modules: vec![
            (
                "example.com/Foo/bar".into(),
                vec!["v1.0.0".into(), "v1.2.0".into(), "v1.10.0-pre".into()],
            ),
            ("lab.test/mod".into(), vec!["v0.1.0".into()]),
        ],
        sumdb,
        date_skew_secs: skew,
    }
}

#[test]
fn goproxy_endpoints_and_signed_sumdb() {
    let lab = Lab::new();
    let addr = lab.https(
        "proxy.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::Served, 0)),
    );
    let h = "proxy.lab.test";
    block_on(async {
        let r = https_get(&lab, addr, h, "/example.com/!foo/bar/@v/list").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.text(), "v1.0.0\nv1.2.0\nv1.10.0-pre\n");

        let r = https_get(&lab, addr, h, "/example.com/!foo/bar/@v/v1.2.0.info").await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("application/json"));
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(v["Version"], "v1.2.0");
        assert_eq!(v["Time"], "2024-01-01T00:00:00Z");

        let r = https_get(&lab, addr, h, "/example.com/!foo/bar/@v/v1.0.0.mod").await;
        assert_eq!(r.text(), "module example.com/Foo/bar\n");

        let r = https_get(&lab, addr, h, "/example.com/!foo/bar/@v/v1.0.0.zip").await;
        assert_eq!(r.status, 200);
        assert!(!r.body.is_empty());
        assert_eq!(
            r.header("content-length"),
            Some(r.body.len().to_string().as_str())
        );

        let r = https_get(&lab, addr, h, "/example.com/!foo/bar/@latest").await;
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(v["Version"], "v1.2.0");

        for missing in [
            "/example.com/nope/@v/list",
            "/example.com/Foo/bar/@v/list", // not case-escaped
            "/example.com/!foo/bar/@v/v9.9.9.info",
            "/sumdb/sum.example.org/supported",
        ] {
            let r = https_get(&lab, addr, h, missing).await;
            assert_eq!(r.status, 404, "{missing}");
            assert_eq!(r.text(), "not found");
            assert!(r.header("content-type").unwrap().starts_with("text/plain"));
        }

        let r = https_get(&lab, addr, h, "/sumdb/sum.golang.org/supported").await;
        assert_eq!((r.status, r.body.len()), (200, 0));

        let r = https_get(&lab, addr, h, "/sumdb/sum.golang.org/latest").await;
        assert_eq!(r.status, 200);
        let text = verify_note(lab.sumdb_key(), &r.text()).expect("signed by the lab key");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "go.sum database tree");
        assert_eq!(lines[1], "4");
        assert_eq!(lines.len(), 3);
        assert!(verify_note(lab.wrong_sumdb_key(), &r.text()).is_err());

        // The level-0 tile holds the record hashes the signed tree is built from.
        let r = https_get(&lab, addr, h, "/sumdb/sum.golang.org/tile/8/0/000.p/4").await;
        assert_eq!((r.status, r.body.len()), (200, 4 * 32));
        let leaves: Vec<[u8; 32]> = r.body.chunks(32).map(|c| c.try_into().unwrap()).collect();
        assert_eq!(note::tree_text(4, &note::tree_hash(&leaves)), text);

        let r = https_get(
            &lab,
            addr,
            h,
            "/sumdb/sum.golang.org/lookup/example.com/!foo/bar@v1.2.0",
        )
        .await;
        assert_eq!(r.status, 200);
        let body = r.text();
        let (record, tree) = body.split_once("\n\n").unwrap();
        let mut rec = record.lines();
        assert_eq!(rec.next(), Some("1"));
        let zip_line = rec.next().unwrap();
        assert!(zip_line.starts_with("example.com/Foo/bar v1.2.0 h1:") && zip_line.ends_with('='));
        let mod_line = rec.next().unwrap();
        let mod_h1 = note::hash1(&[("go.mod", b"module example.com/Foo/bar\n")]);
        assert_eq!(
            mod_line,
            format!("example.com/Foo/bar v1.2.0/go.mod {mod_h1}")
        );
        assert!(verify_note(lab.sumdb_key(), tree).is_ok());

        let r = https_get(
            &lab,
            addr,
            h,
            "/sumdb/sum.golang.org/lookup/example.com/!foo/bar@v7.0.0",
        )
        .await;
        assert_eq!(r.status, 404);

        // Keep-alive: two requests on one connection.
        let mut s = tls(&lab, addr, h).await.unwrap();
        s.write_all(b"GET /lab.test/mod/@v/list HTTP/1.1\r\nHost: proxy.lab.test\r\n\r\n")
            .await
            .unwrap();
        let head = read_head(&mut s).await;
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        let mut body = [0u8; 7];
        s.read_exact(&mut body).await.unwrap();
        assert_eq!(&body, b"v0.1.0\n");
        let r = get(s, h, "/lab.test/mod/@latest").await;
        assert_eq!(r.status, 200);
    });
    let log = lab.log();
    assert!(
        log.iter()
            .any(|l| l == "proxy.lab.test GET /example.com/!foo/bar/@v/list"),
        "{log:?}"
    );
}

#[test]
fn direct_sumdb_wrong_key_and_other_modes() {
    let lab = Lab::new();
    let sum = lab.https(
        "sum.lab.test",
        CertKind::Lab,
        Behavior::Goproxy(spec(SumdbMode::WrongKey, 0)),
    );
    let off = lab.http(
        "off.lab.test",
        Behavior::Goproxy(spec(SumdbMode::NotServed, -3 * 86_400)),
    );
    let gone = lab.http(
        "gone.lab.test",
        Behavior::Goproxy(spec(SumdbMode::Status(410), 0)),
    );
    block_on(async {
        // Root paths: a direct checksum database.
        let r = https_get(&lab, sum, "sum.lab.test", "/latest").await;
        assert_eq!(r.status, 200);
        assert!(verify_note(lab.wrong_sumdb_key(), &r.text()).is_ok());
        assert!(verify_note(lab.sumdb_key(), &r.text()).is_err());
        let r = https_get(&lab, sum, "sum.lab.test", "/lookup/lab.test/mod@v0.1.0").await;
        assert_eq!(r.status, 200);
        let body = r.text();
        assert!(body.starts_with("3\nlab.test/mod v0.1.0 h1:"), "{body}");
        let (_, tree) = body.split_once("\n\n").unwrap();
        assert!(verify_note(lab.wrong_sumdb_key(), tree).is_ok());

        let plain = |addr: SocketAddr, path: &'static str| async move {
            let tcp = TcpStream::connect(addr).await.unwrap();
            get(tcp, "lab", path).await
        };
        let r = plain(off, "/sumdb/sum.golang.org/supported").await;
        assert_eq!(r.status, 404);
        let r = plain(off, "/latest").await;
        assert_eq!(r.status, 404);
        // The Date header is skewed by three days.
        let r = plain(off, "/lab.test/mod/@v/list").await;
        assert_eq!(r.status, 200);
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let date = r.header("date").unwrap();
        assert!(
            (-5..=5).any(|d| crate::lab::format_http_date(now - 3 * 86_400 + d) == date),
            "{date}"
        );

        for path in [
            "/sumdb/sum.golang.org/supported",
            "/sumdb/sum.golang.org/latest",
            "/latest",
        ] {
            assert_eq!(plain(gone, path).await.status, 410, "{path}");
        }
        assert_eq!(plain(gone, "/lab.test/mod/@v/list").await.status, 200);
    });
}

// ---------------------------------------------------------------- plain HTTP behaviours

#[test]
fn http_status_portal_redirects() {
    let lab = Lab::new();
    let status = lab.http(
        "status.lab.test",
        Behavior::Status(503, "text/plain", "down\n".into()),
    );
    let portal = lab.http("portal.lab.test", Behavior::Portal);
    let redirect = lab.http(
        "redirect.lab.test",
        Behavior::Redirect("https://elsewhere.lab.test/x".into()),
    );
    let looping = lab.https("loop.lab.test", CertKind::Lab, Behavior::RedirectLoop);
    assert_eq!(
        resolve_a(&lab, "status.lab.test"),
        vec![match status.ip() {
            std::net::IpAddr::V4(v4) => v4,
            _ => unreachable!(),
        }]
    );
    block_on(async {
        let r = get(
            TcpStream::connect(status).await.unwrap(),
            "status.lab.test",
            "/a/b",
        )
        .await;
        assert_eq!((r.status, r.text().as_str()), (503, "down\n"));

        // Pipelined keep-alive requests and HEAD.
        let mut s = TcpStream::connect(status).await.unwrap();
        s.write_all(b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut raw = Vec::new();
        timeout(Duration::from_secs(5), s.read_to_end(&mut raw))
            .await
            .unwrap()
            .unwrap();
        let raw = String::from_utf8(raw).unwrap();
        assert_eq!(
            raw.matches("HTTP/1.1 503 Service Unavailable\r\n").count(),
            2,
            "{raw}"
        );
        assert!(raw.ends_with("\r\n\r\ndown\n"));
        assert_eq!(raw.matches("down\n").count(), 1);

        let r = get(
            TcpStream::connect(portal).await.unwrap(),
            "portal.lab.test",
            "/generate_204",
        )
        .await;
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert!(r.text().contains("<form"));

        let r = get(
            TcpStream::connect(redirect).await.unwrap(),
            "redirect.lab.test",
            "/m/@v/list",
        )
        .await;
        assert_eq!(r.status, 302);
        assert_eq!(r.header("location"), Some("https://elsewhere.lab.test/x"));

        let host = format!("loop.lab.test:{}", looping.port());
        let s = tls(&lab, looping, "loop.lab.test").await.unwrap();
        let r = get(s, &host, "/a/b?c=1").await;
        assert_eq!(r.status, 302);
        assert_eq!(
            r.header("location").unwrap(),
            format!("https://{host}/a/b?c=1")
        );
    });
}

// ---------------------------------------------------------------- git hosts and SSH greetings

#[test]
fn git_hosts_answer_go_get_and_info_refs() {
    let lab = Lab::new();
    let spec = |refs| GitHostSpec {
        go_get: vec![(
            "/team/m".into(),
            vec!["git.lab.test/team/m git https://git.lab.test/team/m.git".into()],
        )],
        refs,
    };
    let cases = [
        (
            GitServe::Advertise,
            200,
            "application/x-git-upload-pack-advertisement",
        ),
        (GitServe::Unauthorized, 401, "text/plain"),
        (GitServe::Forbidden, 403, "text/plain"),
        (GitServe::NotFound, 404, "text/plain"),
        (GitServe::LoginPage, 200, "text/html"),
        (GitServe::Unavailable, 503, "text/plain"),
    ];
    for (serve, status, ctype) in cases {
        let addr = lab.https(
            "git.lab.test",
            CertKind::Lab,
            Behavior::GitHost(spec(serve)),
        );
        block_on(async {
            let r = https_get(
                &lab,
                addr,
                "git.lab.test",
                "/team/m.git/info/refs?service=git-upload-pack",
            )
            .await;
            assert_eq!(r.status, status, "{serve:?}");
            assert!(
                r.header("content-type").unwrap().starts_with(ctype),
                "{serve:?}"
            );
            if serve == GitServe::Advertise {
                assert!(r.body.starts_with(b"001e# service=git-upload-pack\n0000"));
            }
            if serve == GitServe::Unauthorized {
                assert_eq!(r.header("www-authenticate"), Some("Basic realm=\"git\""));
            }
            let page = https_get(&lab, addr, "git.lab.test", "/team/m?go-get=1").await;
            assert_eq!(page.status, 200);
            assert!(page.text().contains(
                "<meta name=\"go-import\" content=\"git.lab.test/team/m git https://git.lab.test/team/m.git\">"
            ));
            let other = https_get(&lab, addr, "git.lab.test", "/other?go-get=1").await;
            assert_eq!(other.status, 404);
        });
    }
    assert!(
        lab.log()
            .iter()
            .any(|l| l == "git.lab.test git ua= protocol= auth=no"),
        "{:?}",
        lab.log()
    );
}

#[test]
fn greeters_speak_first_and_routes_lead_the_proxy_elsewhere() {
    let lab = Lab::new();
    let ssh = lab.http("ssh.lab.test", Behavior::Greet(b"SSH-2.0-lab\r\n".to_vec()));
    let web = lab.https(
        "web.lab.test",
        CertKind::Lab,
        Behavior::Status(200, "text/plain", "routed\n".into()),
    );
    lab.route("web.lab.test", 443, web);
    let proxy = lab.connect_proxy(ProxyAuth::None);
    block_on(async {
        let mut s = TcpStream::connect(ssh).await.unwrap();
        let mut buf = [0u8; 64];
        let n = timeout(Duration::from_secs(5), s.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(&buf[..n], b"SSH-2.0-lab\r\n");

        let (head, tunnel) = connect_via(proxy, "web.lab.test:443", None).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let t = tls_over(&lab, tunnel, "web.lab.test").await.unwrap();
        let r = get(t, "web.lab.test", "/").await;
        assert_eq!((r.status, r.text().as_str()), (200, "routed\n"));
    });
}

// ---------------------------------------------------------------- CONNECT proxy

async fn connect_via(proxy: SocketAddr, target: &str, auth: Option<&str>) -> (String, TcpStream) {
    let mut s = TcpStream::connect(proxy).await.unwrap();
    let auth = auth.map_or(String::new(), |a| format!("Proxy-Authorization: {a}\r\n"));
    let req = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n{auth}\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    (read_head(&mut s).await, s)
}

#[test]
fn connect_proxy_tunnels_and_refuses() {
    let lab = Lab::new();
    let origin = lab.http(
        "origin.lab.test",
        Behavior::Status(200, "text/plain", "via tunnel\n".into()),
    );
    let secure = lab.https(
        "secure.lab.test",
        CertKind::Lab,
        Behavior::Status(200, "text/plain", "tls via tunnel\n".into()),
    );
    let open = lab.connect_proxy(ProxyAuth::None);
    let basic = lab.connect_proxy(ProxyAuth::Basic {
        user: "alice".into(),
        pass: "s3cret".into(),
    });
    let forbidden = lab.connect_proxy(ProxyAuth::Forbidden);
    let closed = lab.closed_port();
    block_on(async {
        // Plain HTTP through the tunnel, target resolved through the lab DNS.
        let target = format!("origin.lab.test:{}", origin.port());
        let (head, s) = connect_via(open, &target, None).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let r = get(s, &target, "/").await;
        assert_eq!(r.text(), "via tunnel\n");

        // TLS end to end through the tunnel.
        let target = format!("secure.lab.test:{}", secure.port());
        let (head, s) = connect_via(open, &target, None).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let s = tls_over(&lab, s, "secure.lab.test").await.unwrap();
        assert_eq!(get(s, &target, "/").await.text(), "tls via tunnel\n");

        // An IP literal target works too.
        let (head, _) = connect_via(open, &origin.to_string(), None).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");

        // Basic auth.
        let target = format!("origin.lab.test:{}", origin.port());
        for auth in [None, Some("Basic YWxpY2U6d3Jvbmc=")] {
            let (head, _) = connect_via(basic, &target, auth).await;
            assert!(head.starts_with("HTTP/1.1 407 "), "{head}");
            assert!(
                head.contains("\r\nProxy-Authenticate: Basic realm=\"lab\"\r\n"),
                "{head}"
            );
        }
        let (head, s) = connect_via(basic, &target, Some("Basic YWxpY2U6czNjcmV0")).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert_eq!(get(s, &target, "/").await.status, 200);

        let (head, _) = connect_via(forbidden, &target, None).await;
        assert!(head.starts_with("HTTP/1.1 403 "), "{head}");

        // Never leaves loopback; unknown names and dead ports are 502.
        for bad in ["192.0.2.1:443", "unknown.lab.test:443", &closed.to_string()] {
            let (head, _) = connect_via(open, bad, None).await;
            assert!(head.starts_with("HTTP/1.1 502 "), "{bad}: {head}");
        }

        // Only CONNECT.
        let mut s = TcpStream::connect(open).await.unwrap();
        s.write_all(b"GET http://origin.lab.test/ HTTP/1.1\r\nHost: origin.lab.test\r\n\r\n")
            .await
            .unwrap();
        assert!(read_head(&mut s).await.starts_with("HTTP/1.1 405 "));
    });
    assert!(
        lab.log()
            .iter()
            .any(|l| l.starts_with("proxy CONNECT origin.lab.test:"))
    );
}

// ---------------------------------------------------------------- hostile servers

#[test]
fn tcp_level_faults() {
    let lab = Lab::new();
    let reset = lab.https(
        "reset.lab.test",
        CertKind::Lab,
        Behavior::ResetAfterClientHello,
    );
    let silent = lab.https("silent.lab.test", CertKind::Lab, Behavior::AcceptNoAnswer);
    let garbage = lab.https("garbage.lab.test", CertKind::Lab, Behavior::TlsGarbage);
    let plain = lab.https(
        "plain.lab.test",
        CertKind::Lab,
        Behavior::PlainHttpOnTlsPort,
    );
    let http_reset = lab.http("http-reset.lab.test", Behavior::ResetAfterClientHello);
    let http_silent = lab.http("http-silent.lab.test", Behavior::AcceptNoAnswer);
    let closed = lab.closed_port();
    block_on(async {
        let t = Instant::now();
        let e = tls(&lab, reset, "reset.lab.test").await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::ConnectionReset, "{e}");
        assert!(t.elapsed() < Duration::from_secs(2));

        let tcp = TcpStream::connect(silent).await.unwrap();
        let stall = timeout(
            Duration::from_millis(500),
            tls_over(&lab, tcp, "silent.lab.test"),
        )
        .await;
        assert!(stall.is_err(), "handshake should stall");

        let t = Instant::now();
        let e = tls(&lab, garbage, "garbage.lab.test").await.unwrap_err();
        assert!(
            rustls_error(&e).is_some(),
            "expected a TLS protocol error, got {e:?}"
        );
        assert!(t.elapsed() < Duration::from_secs(2));

        // The raw answer to a ClientHello-looking record, then the TLS client's view.
        let mut tcp = TcpStream::connect(plain).await.unwrap();
        tcp.write_all(&[0x16, 3, 1, 0, 4, 1, 0, 0, 0])
            .await
            .unwrap();
        let mut raw = Vec::new();
        timeout(Duration::from_secs(2), tcp.read_to_end(&mut raw))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(raw, b"HTTP/1.1 400 Bad Request\r\n\r\n");
        let e = tls(&lab, plain, "plain.lab.test").await.unwrap_err();
        assert!(
            rustls_error(&e).is_some(),
            "expected a TLS protocol error, got {e:?}"
        );

        // The same behaviours on a plain HTTP port.
        let mut tcp = TcpStream::connect(http_reset).await.unwrap();
        tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 16];
        let e = timeout(Duration::from_secs(2), tcp.read(&mut buf))
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::ConnectionReset);

        let mut tcp = TcpStream::connect(http_silent).await.unwrap();
        tcp.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        assert!(
            timeout(Duration::from_millis(300), tcp.read(&mut buf))
                .await
                .is_err()
        );

        let e = TcpStream::connect(closed).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused);
    });
}

#[test]
fn slowloris_dribbles_headers() {
    let lab = Lab::new();
    let addr = lab.https("slow.lab.test", CertKind::Lab, Behavior::Slowloris);
    block_on(async {
        let mut s = tls(&lab, addr, "slow.lab.test").await.expect("valid TLS");
        s.write_all(b"GET / HTTP/1.1\r\nHost: slow.lab.test\r\n\r\n")
            .await
            .unwrap();
        let mut got = Vec::new();
        let mut b = [0u8; 64];
        let t = Instant::now();
        while got.len() < 3 {
            let n = timeout(Duration::from_secs(3), s.read(&mut b))
                .await
                .unwrap()
                .unwrap();
            assert!(n <= 1, "more than one byte at a time");
            got.extend_from_slice(&b[..n]);
        }
        assert_eq!(&got, b"HTT");
        let el = t.elapsed();
        assert!(
            el >= Duration::from_millis(1800) && el < Duration::from_secs(4),
            "{el:?}"
        );
    });
}

#[test]
fn body_and_header_faults() {
    let lab = Lab::new();
    let endless = lab.https("endless.lab.test", CertKind::Lab, Behavior::EndlessBody);
    let huge = lab.https("huge.lab.test", CertKind::Lab, Behavior::HugeHeaders);
    let stall = lab.https("stall.lab.test", CertKind::Lab, Behavior::StallAfterHeaders);
    block_on(async {
        let mut s = tls(&lab, endless, "endless.lab.test").await.unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: endless\r\n\r\n")
            .await
            .unwrap();
        let head = read_head(&mut s).await;
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head.contains("Transfer-Encoding: chunked\r\n"));
        let mut total = 0usize;
        let mut buf = vec![0u8; 64 * 1024];
        let t = Instant::now();
        while total < 512 * 1024 {
            total += timeout(Duration::from_secs(2), s.read(&mut buf))
                .await
                .unwrap()
                .unwrap();
        }
        assert!(t.elapsed() < Duration::from_secs(3));
        drop(s);

        let mut s = tls(&lab, huge, "huge.lab.test").await.unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: huge\r\n\r\n")
            .await
            .unwrap();
        let mut raw = Vec::new();
        timeout(
            Duration::from_secs(5),
            (&mut s).take(12 << 20).read_to_end(&mut raw),
        )
        .await
        .unwrap()
        .ok();
        let r = parse_resp(&raw);
        assert_eq!(r.status, 200);
        let head_len = raw.len() - r.body.len();
        assert!(head_len >= 11 * 1024 * 1024, "{head_len}");
        assert!(r.headers.len() > 5000);

        let mut s = tls(&lab, stall, "stall.lab.test").await.unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: stall\r\n\r\n")
            .await
            .unwrap();
        let head = read_head(&mut s).await;
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(head.contains("Content-Length: 1048576\r\n"));
        assert!(
            timeout(Duration::from_millis(500), s.read(&mut buf))
                .await
                .is_err()
        );
    });
}

#[test]
fn dropping_the_lab_closes_its_servers() {
    let lab = Lab::new();
    let addr = lab.http("gone.lab.test", Behavior::Portal);
    let dns = lab.dns_addr();
    let slow = lab.https("slow.lab.test", CertKind::Lab, Behavior::AcceptNoAnswer);
    let held = std::net::TcpStream::connect(slow).unwrap();
    assert!(std::net::TcpStream::connect(addr).is_ok());
    let t = Instant::now();
    drop(lab);
    assert!(t.elapsed() < Duration::from_secs(3));
    assert_eq!(
        std::net::TcpStream::connect(addr).unwrap_err().kind(),
        io::ErrorKind::ConnectionRefused
    );
    assert!(std::net::TcpStream::connect(dns).is_err());
    // The held connection to a hostile server was closed too.
    use std::io::Read;
    held.set_read_timeout(Some(Duration::from_secs(1))).unwrap();
    let mut b = [0u8; 1];
    let n = (&held).read(&mut b);
    assert!(
        matches!(n, Ok(0))
            || n.as_ref()
                .is_err_and(|e| e.kind() == io::ErrorKind::ConnectionReset),
        "{n:?}"
    );
}
