//! go's words beside godoctor's `go:` line for the same failure — a GOPROXY URL with
//! credentials, a connection reset after the ClientHello — with go1.19 and the current release
//! (real-go tier).
//!
//! What go prints (net/http's `url.Error`, `stripPassword`): `Get "https://alice:***@host/…"`,
//! and a URL with a user name only as it is (`https://TOKEN@host/…`). cmd/go's own messages
//! (`reading <url>: 404`, `refusing to pass credentials…`) use `URL.Redacted`:
//! `alice:xxxxx@`. godoctor prints `xxxxx@` for the whole userinfo instead: user names are often
//! tokens (docs/json-contract.md, "Secrets never appear"). Everything else in the line is go's.
//!
//! Hermetic: the proxy is a loopback port where nothing listens, or a lab server on loopback.

use std::time::Duration;

use crate::support::cli::Cli;
use crate::support::go;

const MODULE: &str = "example.com/m@v1.0.0";

/// `go mod download MODULE` with `goproxy`, in a fresh home under `tmp`: go's first line.
fn go_first_line(
    go: &std::path::Path,
    tmp: &std::path::Path,
    goproxy: &str,
    label: &str,
) -> String {
    for d in ["home", "cache", "gopath", "work"] {
        std::fs::create_dir_all(tmp.join(d)).unwrap();
    }
    let go_run = Cli::new(go)
        .home(tmp.join("home"))
        .path("/usr/bin:/bin")
        .env("GOMODCACHE", tmp.join("cache"))
        .env("GOPATH", tmp.join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-modcacherw")
        .env("GOPROXY", goproxy)
        .env("GONOSUMDB", "example.com")
        .cwd(tmp.join("work"))
        .args(["mod", "download", MODULE])
        .limit(Duration::from_secs(60))
        .run();
    assert_eq!(go_run.code(), Some(1), "{label}: {}", go_run.text());
    go_run.stderr_text().lines().next().unwrap_or("").to_owned()
}

/// `godoctor check --json --module MODULE` with `goproxy` (and `env`) in the same home: the
/// `go:` line it predicts, and everything it printed.
fn godoctor_line(
    tmp: &std::path::Path,
    goproxy: &str,
    env: &[(&str, String)],
    resolver: &str,
    label: &str,
) -> (String, String) {
    let gd = Cli::godoctor()
        .home(tmp.join("home"))
        .path(tmp.join("gopath"))
        .env("GOPROXY", goproxy)
        .env("GONOSUMDB", "example.com")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .cwd(tmp.join("work"))
        .args(["check", "--json", "--timeout", "5s", "--resolver", resolver])
        .args(["--module", MODULE])
        .limit(Duration::from_secs(30))
        .run();
    let json = gd.json();
    let line = json["outcome"]["modules"][0]["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{label}: no go line: {json:#}"))
        .to_owned();
    (line, gd.text())
}

/// A loopback address where nothing listens.
fn closed_port() -> std::net::SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

#[test]
fn credentials_in_go_lines_are_go_s_words_with_the_userinfo_hidden() {
    let addr = closed_port();
    for (label, go) in go::toolchains("go_words_agreement") {
        for (userinfo, go_shows) in [
            ("alice:s3cretPw", "alice:***@"),
            ("t0kenUser", "t0kenUser@"),
        ] {
            let goproxy = format!("https://{userinfo}@{addr}");
            let tmp = tempfile::tempdir().unwrap();
            let go_line = go_first_line(&go, tmp.path(), &goproxy, label);
            assert!(
                go_line.starts_with("go: ") && go_line.contains(go_shows),
                "{label}: {go_line}"
            );
            let (ours, printed) = godoctor_line(tmp.path(), &goproxy, &[], "127.0.0.1:9", label);
            assert_eq!(ours, go_line.replace(go_shows, "xxxxx@"), "{label}");
            let user = userinfo.split(':').next().unwrap();
            assert!(!printed.contains(user), "{label}: {printed}");
        }
    }
}

/// A server that resets the connection after the ClientHello: go names the connection
/// (`read tcp 127.0.0.1:41000->127.0.0.5:443: read: connection reset by peer`), and so does
/// godoctor's `go:` line — the same line but for the local port, which differs per connection.
#[test]
fn a_reset_after_the_client_hello_is_go_s_read_error() {
    use crate::lab::{Behavior, CertKind, Lab};
    let lab = Lab::new();
    let addr = lab.https(
        "reset.lab.test",
        CertKind::Lab,
        Behavior::ResetAfterClientHello,
    );
    let goproxy = format!("https://{addr}");
    for (label, go) in go::toolchains("go_words_agreement") {
        let tmp = tempfile::tempdir().unwrap();
        let go_line = go_first_line(&go, tmp.path(), &goproxy, label);
        assert!(go_line.contains("read tcp "), "{label}: {go_line}");
        let ca = [("SSL_CERT_FILE", lab.ca_pem_path().display().to_string())];
        let resolver = lab.dns_addr().to_string();
        let (ours, _) = godoctor_line(tmp.path(), &goproxy, &ca, &resolver, label);
        assert_eq!(
            without_local_port(&ours),
            without_local_port(&go_line),
            "{label}"
        );
    }
}

/// `read tcp A:port->` with the port replaced: the rest of the line as it is.
fn without_local_port(line: &str) -> String {
    let Some(at) = line.find("read tcp ") else {
        return line.to_owned();
    };
    let rest = &line[at + "read tcp ".len()..];
    let Some(arrow) = rest.find("->") else {
        return line.to_owned();
    };
    let local = &rest[..arrow];
    let host = local.rsplit_once(':').map_or(local, |(h, _)| h);
    format!("{}read tcp {host}:<PORT>{}", &line[..at], &rest[arrow..])
}
