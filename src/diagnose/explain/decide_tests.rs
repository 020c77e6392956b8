//! Layer, host and probe decided from the structure of go's texts, one per shape.

use super::super::chain::Chain;
use super::decide;
use crate::diagnose::Layer;

fn d(text: &str) -> (String, Layer, Option<String>) {
    let c = Chain::parse(text);
    let v = decide(&c).unwrap_or_else(|| panic!("undecided: {text}\n{c:?}"));
    (v.rule.id.to_owned(), v.layer, v.host)
}

#[test]
fn name_mismatch_for_an_unrelated_site_is_dns() {
    let (_, layer, host) = d(
        "failed to verify certificate: x509: certificate is valid for sinkhole.corp.example.com, not proxy.golang.org",
    );
    assert_eq!(
        (layer, host.as_deref()),
        (Layer::Dns, Some("proxy.golang.org"))
    );
}

#[test]
fn routes_decide_layer_and_host() {
    let cases: &[(&str, &str, Layer, Option<&str>)] = &[
        // The checksum route through a relay: the relay's failure.
        (
            "verifying x.example/m@v1.0.0: x.example/m@v1.0.0: reading https://goproxy.cn/sumdb/sum.golang.org/lookup/x.example/m@v1.0.0: 500 Internal Server Error",
            "sumdb-proxy-failed",
            Layer::Sumdb,
            Some("goproxy.cn"),
        ),
        (
            "reading https://goproxy.cn/sumdb/sum.golang.org/supported: 504 Gateway Timeout",
            "sumdb-proxy-failed-supported",
            Layer::Sumdb,
            Some("goproxy.cn"),
        ),
        // The database's own answer, relayed: the database.
        (
            "verifying h.co/t@v0.2.2: reading https://goproxy.io/sumdb/gosum.io/lookup/h.co/t@v0.2.2: 404 Not Found",
            "sumdb-lookup-not-found",
            Layer::Sumdb,
            Some("gosum.io"),
        ),
        // A private-looking module sent to the public database.
        (
            "go: git.corp.example/x@v1.0.0: verifying module: git.corp.example/x@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example/x@v1.0.0: 410 Gone",
            "private-module-not-private-public-sumdb",
            Layer::Config,
            None,
        ),
        // The HTTP proxy in proxyconnect, not the module proxy.
        (
            "go: m@v: Get \"https://proxy.golang.org/m/@v/v.mod\": proxyconnect tcp: dial tcp 10.1.2.3:3128: i/o timeout",
            "proxy-unreachable",
            Layer::Proxy,
            Some("10.1.2.3"),
        ),
        // go <= 1.13: the bare reason phrase of a refused CONNECT.
        (
            "go: honnef.co/go/tools@v0.0.1: unrecognized import path \"honnef.co/go/tools\" (https fetch: Get https://honnef.co/go/tools?go-get=1: Forbidden)",
            "proxy-forbidden",
            Layer::Proxy,
            None,
        ),
        (
            "go: x@v1: unexpected status (https://goproxy.cn/x/@v/v1.info): 429 Too Many Requests",
            "http-status-too-many-requests",
            Layer::Http,
            Some("goproxy.cn"),
        ),
        (
            "go: m@v: Get \"https://proxy.golang.org/m/@v/v.mod\": dial tcp 142.250.1.1:443: connect: connection refused",
            "tcp-refused",
            Layer::Tcp,
            Some("proxy.golang.org"),
        ),
        (
            "go: a.example/b@v1.0.0: git ls-remote -q origin in /x: exit status 128:\n\tfatal: unable to access 'https://a.example/b/': Could not resolve host: a.example",
            "dns-nxdomain",
            Layer::Dns,
            Some("a.example"),
        ),
        (
            "go: github.com/a/b@v5.0.0: invalid version: module contains a go.mod file, so major version must be compatible: should be v0 or v1, not v5",
            "module-path-malformed-major",
            Layer::Config,
            None,
        ),
    ];
    for (text, rule, layer, host) in cases {
        let got = d(text);
        assert_eq!(
            (got.0.as_str(), got.1, got.2.as_deref()),
            (*rule, *layer, *host),
            "{text}"
        );
    }
}

#[test]
fn toolchain_without_patch_release() {
    assert_eq!(
        d("go: download go1.21 for linux/amd64: toolchain not available").0,
        "toolchain-unavailable-no-patch"
    );
    assert_eq!(
        d("go: download go1.99.1 for linux/amd64: toolchain not available").0,
        "toolchain-unavailable"
    );
}

#[test]
fn open_questions_name_their_probe() {
    let c = Chain::parse(
        "Get \"https://proxy.golang.org/x\": read tcp 10.0.0.5:5000->142.250.1.1:443: read: connection reset by peer",
    );
    let v = decide(&c).unwrap();
    assert_eq!(v.probe.map(|p| p.layer), Some(Layer::Tls));
}
