//! Real findings, as `observe::predict` builds them from synthetic observations: one of every
//! kind of finding and remedy it makes (each failure, `|` and `,`, off the route, poisoned
//! answers, the HTTP proxy, the checksum database, `direct`, the toolchain download and the
//! switch in the middle of a command). For the tests of how they read.

use super::*;
use crate::diagnose::Finding;
use crate::probe::evidence::{BogusAddress, Comparison, DnsAnswer, DnsEvidence, ProbeStep};
use crate::probe::vcs::GitCheck;
use crate::probe::{
    DnsError, GitError, HttpError, LayerError, Peer, ProxyError, Status, SumdbError, TcpError,
    TlsError,
};

/// Every scenario: what it shows, and the findings observe makes of it.
pub(crate) fn all() -> Vec<(String, Vec<Finding>)> {
    let mut out = Vec::new();
    let mut add = |name: &str, o: Observed| out.push((name.to_owned(), o.findings));
    each_failure(&mut add);
    routes(&mut add);
    sumdb(&mut add);
    direct(&mut add);
    toolchain(&mut add);
    mid_command(&mut add);
    out
}

/// A go-ish message for a failure of `kind`, with a URL carrying credentials.
fn words(kind: ProbeError) -> String {
    format!("Get \"https://bob:s3cr3t@a.example/x\": {kind}: i/o timeout")
}

fn failing_with(kind: impl Into<ProbeError>, status: Option<u16>, msg: &str) -> Vec<L> {
    let mut l = failing(kind, status);
    if let Some(last) = l.last_mut()
        && let Some(e) = &mut last.error
    {
        e.message = msg.to_owned();
    }
    l
}

/// A failure of every kind the probes report, with the status an HTTP failure comes with.
pub(super) fn failure_kinds() -> Vec<(ProbeError, Option<u16>)> {
    vec![
        (DnsError::NxDomain.into(), None),
        (DnsError::ServFail.into(), None),
        (DnsError::Timeout.into(), None),
        (DnsError::Other.into(), None),
        (TcpError::Refused.into(), None),
        (TcpError::Timeout.into(), None),
        (TcpError::Reset.into(), None),
        (TcpError::Unreachable.into(), None),
        (TlsError::ResetAfterClientHello.into(), None),
        (TlsError::UnknownIssuerInterception.into(), None),
        (TlsError::UnknownIssuerPrivateCa.into(), None),
        (TlsError::UnknownIssuerMissingRoot.into(), None),
        (TlsError::Expired.into(), None),
        (TlsError::NotYetValid.into(), None),
        (TlsError::NameMismatch.into(), None),
        (TlsError::HandshakeTimeout.into(), None),
        (TlsError::NotTls.into(), None),
        (TlsError::NoRoots.into(), None),
        (TlsError::HandshakeError.into(), None),
        (HttpError::CaptivePortal.into(), Some(200)),
        (HttpError::InvalidPayload.into(), Some(200)),
        (HttpError::HeadersTimeout.into(), None),
        (HttpError::SlowProgress.into(), Some(200)),
        (HttpError::BodyTooLarge.into(), Some(200)),
        (HttpError::RedirectInsecure.into(), Some(302)),
        (HttpError::InsecureCredentials.into(), None),
        (HttpError::TooManyRedirects.into(), Some(302)),
        (HttpError::HeadersTooLarge.into(), None),
        (HttpError::Status.into(), Some(401)),
        (HttpError::Status.into(), Some(403)),
        (HttpError::Status.into(), Some(503)),
        (HttpError::Status.into(), Some(418)),
        (HttpError::Status.into(), None),
        (HttpError::Protocol.into(), None),
        (HttpError::NotFound.into(), Some(404)),
        (ProxyError::AuthRequired.into(), None),
        (ProxyError::Forbidden.into(), None),
        (ProxyError::Timeout.into(), None),
        (ProxyError::Other.into(), None),
    ]
}

fn each_failure(add: &mut impl FnMut(&str, Observed)) {
    for (kind, status) in &failure_kinds() {
        let t = proxy_target(A, failing_with(*kind, *status, &words(*kind)));
        add(
            &format!("{kind} {status:?}"),
            run(&[("GOPROXY", A)], vec![t]),
        );
    }
    // No words at all; and the default GOPROXY, which `go env -w` changes.
    let t = proxy_target(A, failing_with(TcpError::Reset, None, ""));
    add("no words", run(&[("GOPROXY", A)], vec![t]));
    let golang = "https://proxy.golang.org";
    let t = proxy_target(golang, failing(DnsError::NxDomain, None));
    let c = cfg(&[("GOSUMDB", "off")]);
    add("default GOPROXY", predict(&c, &plan(&c), &[t]));
    // ALL_PROXY, which go ignores, on a network that drops packets.
    let t = proxy_target(A, failing(TcpError::Timeout, None));
    add(
        "ALL_PROXY",
        run(
            &[("GOPROXY", A), ("ALL_PROXY", "http://u:p@10.0.0.1:3128")],
            vec![t],
        ),
    );
}

fn routes(add: &mut impl FnMut(&str, Observed)) {
    let broken = || proxy_target(A, failing(TcpError::Timeout, None));
    let healthy = || proxy_target(B, ok_layers());
    let off_route = sumdb_target(
        Role::Sumdb,
        "https://sum.golang.org/latest",
        failing(DnsError::NxDomain, None),
    );
    let piped = format!("{A}|{B}");
    let comma = format!("{A},{B}");
    add(
        "| falls through, and a failure off the route",
        run(
            &[("GOPROXY", piped.as_str())],
            vec![broken(), healthy(), off_route],
        ),
    );
    add(
        ", stops before a healthy entry",
        run(&[("GOPROXY", comma.as_str())], vec![broken(), healthy()]),
    );
    let poisoned = |then: L| {
        let dns = L::ok(
            LayerName::Dns,
            ms(),
            DnsEvidence {
                bogus: Some(vec![
                    BogusAddress {
                        address: "10.10.10.10".into(),
                        kind: crate::probe::evidence::AddressKind::Private,
                    },
                    BogusAddress {
                        address: "10.10.10.11".into(),
                        kind: crate::probe::evidence::AddressKind::Private,
                    },
                ]),
                ..DnsEvidence::default()
            },
        );
        proxy_target(A, vec![dns, then])
    };
    let dropped = || {
        L::fail(
            ms(),
            TcpError::Timeout,
            "dial tcp 10.10.10.10:443: i/o timeout",
            Evidence::empty(),
        )
    };
    add(
        "a poisoned answer that leads nowhere",
        run(&[("GOPROXY", A)], vec![poisoned(dropped())]),
    );
    add(
        "a poisoned answer, then `|`",
        run(
            &[("GOPROXY", piped.as_str())],
            vec![poisoned(dropped()), healthy()],
        ),
    );
    let expired = L::fail(ms(), TlsError::Expired, "x509: expired", Evidence::empty());
    add(
        "a poisoned answer with a certificate",
        run(&[("GOPROXY", A)], vec![poisoned(expired)]),
    );
    // Through an HTTP proxy: the proxy cannot be reached, or wants credentials.
    let via_proxy = |layer| L {
        peer: Some(Peer::HttpProxy),
        ..L::ok(layer, ms(), Evidence::empty())
    };
    let squid = "http://squid.corp.example:3128";
    let mut t = proxy_target(
        A,
        vec![
            via_proxy(LayerName::Dns),
            L {
                peer: Some(Peer::HttpProxy),
                ..L::fail(
                    ms(),
                    TcpError::Refused,
                    "dial tcp 10.0.0.1:3128: connection refused",
                    Evidence::empty(),
                )
            },
        ],
    );
    t.via_proxy = Some(squid.into());
    add(
        "the HTTP proxy is down",
        run(&[("GOPROXY", A), ("HTTPS_PROXY", squid)], vec![t]),
    );
    let mut t = proxy_target(
        A,
        vec![
            via_proxy(LayerName::Dns),
            via_proxy(LayerName::Tcp),
            L::fail(
                ms(),
                ProxyError::AuthRequired,
                "Proxy Authentication Required",
                Evidence::empty(),
            ),
        ],
    );
    t.via_proxy = Some(squid.into());
    add(
        "the HTTP proxy wants credentials",
        run(&[("GOPROXY", A), ("HTTPS_PROXY", squid)], vec![t]),
    );
    // What probes saw on the way: resolvers that disagree, a server's clock.
    let mut t = proxy_target(A, ok_layers());
    t.layers[0] = L::ok(
        LayerName::Dns,
        ms(),
        DnsEvidence {
            comparison: Some(vec![Comparison {
                resolver: "tls://1.1.1.1#cloudflare-dns.com".into(),
                a: DnsAnswer::Addresses(vec!["9.9.9.9".into()]),
                agrees: Some(false),
                ms: 1.0,
            }]),
            ..DnsEvidence::default()
        },
    );
    if let Some(h) = t.layers[3].detail.as_http_mut() {
        h.response = Some(crate::probe::evidence::Response {
            version: "HTTP/1.1",
            ttfb_ms: 1.0,
            headers: Default::default(),
            body_bytes: 0,
            body_complete: true,
            still_flowing: false,
            body_excerpt: String::new(),
            date_skew_s: Some(-7200),
        });
    }
    add(
        "resolvers disagree, the clock is off",
        run(&[("GOPROXY", A)], vec![t]),
    );
}

fn sumdb(add: &mut impl FnMut(&str, Observed)) {
    let sup = |p: &str| format!("{p}/sumdb/sum.golang.org/supported");
    let with_sumdb = |sumdb: L| {
        let mut l = ok_layers();
        l.push(sumdb);
        l
    };
    let env = [
        ("GOPROXY", "https://a.example,https://b.example"),
        ("GOSUMDB", "sum.golang.org"),
    ];
    let latest = "https://sum.golang.org/latest";
    let not_supported = |p: &str| {
        sumdb_target(
            Role::SumdbViaProxy,
            &sup(p),
            failing(HttpError::NotFound, Some(404)),
        )
    };
    add(
        "the relay fails after `,`",
        run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &sup(A),
                    failing(HttpError::Status, Some(503)),
                ),
            ],
        ),
    );
    add(
        "the database cannot be reached",
        run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                not_supported(A),
                not_supported(B),
                sumdb_target(Role::Sumdb, latest, failing(TcpError::Timeout, None)),
            ],
        ),
    );
    for (kind, msg) in [
        (
            SumdbError::SignatureInvalid,
            "verifying tree note: invalid signature",
        ),
        (SumdbError::Protocol, "malformed tree note"),
    ] {
        add(
            &format!("the relay passes on {kind}"),
            run(
                &env,
                vec![
                    proxy_target(A, ok_layers()),
                    sumdb_target(
                        Role::SumdbViaProxy,
                        &sup(A),
                        with_sumdb(L::fail(ms(), kind, msg, Evidence::empty())),
                    ),
                ],
            ),
        );
    }
    let lookup_404 = || {
        sumdb_target(
            Role::Sumdb,
            latest,
            with_sumdb(L::fail(
                ms(),
                SumdbError::LookupNotFound,
                "reading https://sum.golang.org/lookup/git.corp/x@v1.0.0: 404 Not Found",
                Evidence::empty(),
            )),
        )
    };
    add(
        "the database does not know a public-looking module",
        run(
            &env,
            vec![
                proxy_target(A, ok_layers()),
                not_supported(A),
                not_supported(B),
                lookup_404(),
            ],
        ),
    );
    let c = cfg(&env);
    let p = Plan::build(&c, &["git.corp/x@v1.0.0".to_owned()]);
    let targets = vec![
        proxy_target(A, ok_layers()),
        not_supported(A),
        not_supported(B),
        lookup_404(),
    ];
    add(
        "a private module sent to the database",
        predict(&c, &p, &targets),
    );
}

fn direct(add: &mut impl FnMut(&str, Observed)) {
    let discovery = "https://example.com/m?go-get=1";
    let vcs = |url: &str, layers: Vec<L>| Target {
        role: Role::Vcs,
        context: None,
        ..sumdb_target(Role::Vcs, url, layers)
    };
    let env = [("GOPROXY", "direct")];
    for (kind, status) in [
        (ProbeError::from(DnsError::NxDomain), None),
        (HttpError::Status.into(), Some(500)),
        (HttpError::NotFound.into(), Some(404)),
    ] {
        add(
            &format!("go-get discovery: {kind}"),
            run(&env, vec![vcs(discovery, failing(kind, status))]),
        );
    }
    let git = |kind: Option<GitError>, msg: &str| {
        let mut t = vcs("https://example.com/m", Vec::new());
        t.git = Some(GitCheck {
            status: Status::Fail,
            ms: 1.0,
            error: kind.map(|kind| LayerError {
                kind,
                message: msg.to_owned(),
            }),
            detail: crate::probe::evidence::GitEvidence {
                url: "https://example.com/m".into(),
                refs: None,
                stderr: None,
            },
        });
        t
    };
    for (kind, msg) in [
        (
            Some(GitError::AuthRequired),
            "fatal: could not read Username for 'https://example.com': terminal prompts disabled",
        ),
        (
            Some(GitError::NotFound),
            "remote: Repository not found.\nfatal: repository 'https://example.com/m/' not found",
        ),
        (Some(GitError::Timeout), "git ls-remote timed out"),
        (None, ""),
    ] {
        add(&format!("git: {kind:?}"), run(&env, vec![git(kind, msg)]));
    }
    add(
        "the git host refuses",
        run(
            &env,
            vec![Target {
                url: "example.com:443".into(),
                host: "example.com".into(),
                ..vcs("https://example.com", failing(TcpError::Refused, None))
            }],
        ),
    );
}

fn toolchain(add: &mut impl FnMut(&str, Observed)) {
    add(
        "the toolchain needs the checksum database",
        toolchain_world(A, vec![toolchain_target(A, ok_layers())]),
    );
    add(
        "no entry has the toolchain",
        toolchain_world(
            A,
            vec![toolchain_target(A, failing(HttpError::NotFound, Some(404)))],
        ),
    );
    add(
        "the toolchain zip cannot be fetched",
        toolchain_world(
            A,
            vec![toolchain_target(A, failing(TcpError::Refused, None))],
        ),
    );
    // GOSUMDB malformed; GOSUMDB on and the database unreachable; discovery on `direct`.
    let world = |pairs: &[(&str, &str)], targets: &[Target]| {
        let c = cfg_with_gomod("module m\n\ngo 1.99\n", pairs);
        predict(&c, &Plan::build(&c, &[]), targets)
    };
    add(
        "GOSUMDB is malformed",
        world(
            &[
                ("GOPROXY", A),
                ("GOTOOLCHAIN", "auto"),
                ("GOSUMDB", "bogus+key"),
            ],
            &[toolchain_target(A, ok_layers())],
        ),
    );
    add(
        "the toolchain cannot be verified",
        world(
            &[("GOPROXY", A), ("GOTOOLCHAIN", "auto")],
            &[
                toolchain_target(A, ok_layers()),
                sumdb_target(
                    Role::SumdbViaProxy,
                    &format!("{A}/sumdb/sum.golang.org/supported"),
                    failing(HttpError::NotFound, Some(404)),
                ),
                sumdb_target(
                    Role::Sumdb,
                    "https://sum.golang.org/latest",
                    failing(TcpError::Timeout, None),
                ),
            ],
        ),
    );
    let mut discovery = toolchain_target("https://golang.org", failing(DnsError::NxDomain, None));
    discovery.url = "https://golang.org/toolchain?go-get=1".into();
    discovery.context = Some(TargetContext {
        step: Some(ProbeStep::GoGetDiscovery),
        ..context(None, "golang.org/toolchain", None).unwrap()
    });
    add(
        "discovery of golang.org/toolchain fails",
        world(
            &[
                ("GOPROXY", "https://a.example,direct"),
                ("GOTOOLCHAIN", "auto"),
            ],
            &[
                toolchain_target(A, failing(HttpError::NotFound, Some(404))),
                discovery,
            ],
        ),
    );
}

fn mid_command(add: &mut impl FnMut(&str, Observed)) {
    let ab = [
        ("GOPROXY", "https://a.example,https://b.example"),
        ("GOTOOLCHAIN", "auto"),
    ];
    add(
        "GOTOOLCHAIN=local",
        mid_command_world(&[("GOTOOLCHAIN", "local")], "1.99", Vec::new()),
    );
    add(
        "the list cannot be fetched",
        mid_command_world(
            &ab,
            "1.99",
            vec![list_target(A, failing(TcpError::Refused, None))],
        ),
    );
    add(
        "no entry lists toolchains",
        mid_command_world(
            &ab,
            "1.99",
            vec![
                list_target(A, failing(HttpError::NotFound, Some(404))),
                list_target(B, failing(HttpError::NotFound, Some(404))),
            ],
        ),
    );
    add(
        "the list has no such release",
        mid_command_world(
            &ab,
            "1.99",
            vec![list_target(
                A,
                served_list(&["v0.0.1-go1.98.0.linux-amd64"]),
            )],
        ),
    );
    add(
        "GOTOOLCHAIN=path and none in PATH",
        mid_command_world(&[("GOTOOLCHAIN", "path")], "1.99", Vec::new()),
    );
    let zip = |name: &str, layers: Vec<L>| Target {
        url: format!(
            "{A}/golang.org/toolchain/@v/{}.zip",
            crate::config::toolchain::module_version(name)
        ),
        context: context(Some(A), "golang.org/toolchain", Some(ToolchainRequest::Zip)),
        ..toolchain_target(A, layers)
    };
    add(
        "the switch works",
        mid_command_world(
            &ab,
            "1.99",
            vec![
                list_target(A, served_list(&["v0.0.1-go1.99.0.linux-amd64"])),
                zip("go1.99.0", ok_layers()),
            ],
        ),
    );
    add(
        "the switch is assumed to work",
        mid_command_world(&ab, "1.99", Vec::new()),
    );
    // A second dependency needs a release the list lacks.
    let c = cfg_with_gomod(
        "module m\n\ngo 1.21\n\nrequire (\n\tb.example/y v1.0.0\n\ta.example/x v1.0.0\n)\n",
        &[
            ("GOPROXY", A),
            ("GOTOOLCHAIN", "auto"),
            ("GONOSUMDB", "a.example,b.example"),
        ],
    );
    let mut dep = proxy_target(A, ok_layers());
    set_go_mods(
        &mut dep,
        vec![
            go_mod("b.example/y", "v1.0.0", 200, Some("1.99")),
            go_mod("a.example/x", "v1.0.0", 200, Some("1.98")),
        ],
    );
    let targets = vec![
        dep,
        list_target(A, served_list(&["v0.0.1-go1.98.5.linux-amd64"])),
        zip("go1.98.5", ok_layers()),
    ];
    add(
        "the next dependency needs more",
        predict(&c, &Plan::build(&c, &[]), &targets),
    );
    // GOPROXY=off: go cannot list toolchains (the go line comes from the module cache).
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("cache/download/example.com/m/@v");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("v1.0.0.mod"), "module example.com/m\n\ngo 1.99\n").unwrap();
    let c = cfg_with_gomod(
        "module m\n\ngo 1.21\n\nrequire example.com/m v1.0.0\n",
        &[
            ("GOPROXY", "off"),
            ("GOSUMDB", "off"),
            ("GOTOOLCHAIN", "auto"),
            ("GOMODCACHE", cache.path().to_str().unwrap()),
        ],
    );
    add(
        "GOPROXY=off and a cached go line",
        predict(&c, &Plan::build(&c, &[]), &[]),
    );
}
