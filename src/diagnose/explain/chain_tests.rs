//! go's own wordings, release by release (modfetch/proxy.go, web/http.go, net/http, crypto/x509),
//! read into links.

use super::*;

#[test]
fn go_1_12_unexpected_status() {
    let c = Chain::parse(
        "go: x.example/m@v1.0.0: unexpected status (https://goproxy.cn/x.example/m/@v/v1.0.0.info): 429 Too Many Requests",
    );
    assert_eq!(c.wording, Wording::UnexpectedStatus);
    assert_eq!(c.status(), Some(429));
    assert_eq!(c.url().unwrap().host, "goproxy.cn");
    assert_eq!(c.module.as_deref(), Some("x.example/m@v1.0.0"));
}

#[test]
fn go_1_13_unquoted_get_and_gopath_fetch() {
    let c = Chain::parse(
        "go: cloud.google.com/go@v0.38.0: Get https://proxy.golang.org/cloud.google.com/go/@v/v0.38.0.mod: dial tcp: i/o timeout",
    );
    assert_eq!(c.wording, Wording::UnquotedGet);
    assert_eq!(c.url().unwrap().host, "proxy.golang.org");
    assert!(c.has(&Link::Dial(None)));
    assert_eq!(c.net(), Some(NetError::Timeout));
    let c = Chain::parse(
        "package gopkg.in/yaml.v2: unrecognized import path \"gopkg.in/yaml.v2\" (https fetch: Get https://gopkg.in/yaml.v2?go-get=1: x509: certificate signed by unknown authority)",
    );
    assert_eq!(c.wording, Wording::GopathGet);
    assert!(c.has(&Link::Discovery));
    assert_eq!(c.tls(), Some(&TlsError::UnknownAuthority));
}

#[test]
fn current_quoted_get_lookup_and_proxyconnect() {
    let c = Chain::parse(
        "go: golang.org/x/text@v0.3.0: Get \"https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host",
    );
    assert_eq!(c.wording, Wording::QuotedGet);
    assert_eq!(c.lookup(), Some("proxy.golang.org"));
    assert_eq!(c.net(), Some(NetError::NoSuchHost));
    let c = Chain::parse(
        "Get \"https://proxy.golang.org/x\": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused",
    );
    assert!(c.has(&Link::ProxyConnect));
    assert_eq!(c.dial(), Some("10.0.0.1:3128"));
}

#[test]
fn server_response_is_a_chain_of_its_own() {
    let c = Chain::parse(
        "verifying m@v: reading https://sum.golang.org/lookup/github.com/a/b@v1.0.0: 404 Not Found\n\tserver response:\n\tnot found: github.com/a/b@v1.0.0: invalid version: git ls-remote -q origin in /tmp/x: exit status 128:\n\t\tfatal: unable to access 'https://github.com/a/b/': Failed to connect to github.com port 443: Connection refused",
    );
    assert_eq!(c.status(), Some(404));
    assert!(c.git().is_none());
    let body = c.response.as_deref().unwrap();
    assert_eq!(body.git(), Some(&GitError::Unreachable));
    assert_eq!(body.git_host(), Some("github.com"));
}

#[test]
fn sumdb_relay_paths_and_cleaned_zip_urls() {
    let c = Chain::parse(
        "verifying x@v1: reading https://goproxy.cn/sumdb/sum.golang.org/lookup/x@v1: 502 Bad Gateway",
    );
    assert_eq!(c.url().unwrap().relayed_sumdb(), Some("sum.golang.org"));
    let c = Chain::parse(
        "go: github.com/klauspost/compress@v1.16.6: read \"https:/proxy.golang.org/@v/v1.16.6.zip\": unexpected EOF",
    );
    assert_eq!(c.url().unwrap().host, "proxy.golang.org");
    assert_eq!(c.net(), Some(NetError::Eof));
}

#[test]
fn tls_names_and_toolchain_versions() {
    let c =
        Chain::parse("x509: certificate is valid for a.example, b.example, not proxy.golang.org");
    assert_eq!(
        c.tls(),
        Some(&TlsError::NameMismatch {
            valid_for: vec!["a.example".into(), "b.example".into()],
            wanted: Some("proxy.golang.org".into()),
        })
    );
    let c = Chain::parse("go: download go1.22 for darwin/amd64: toolchain not available");
    assert!(c.has(&Link::ToolchainNotAvailable("go1.22".into())));
}
