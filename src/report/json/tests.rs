//! The shapes the contract types give internal values: the ones the report has always shown
//! (same keys, same omissions, same nulls).

use serde_json::{Value, json};

use super::detail::Detail;
use super::plan::Step;
use crate::probe::evidence::*;
use crate::probe::{Peer, TcpError};

fn shown(e: Evidence, peer: Option<Peer>) -> Value {
    serde_json::to_value(Detail::new(&e, peer)).unwrap()
}

#[test]
fn evidence_shapes() {
    assert_eq!(shown(Evidence::Nothing, None), json!(null));
    assert_eq!(shown(Evidence::empty(), None), json!({}));
    assert_eq!(
        shown(
            Evidence::Skipped {
                reason: "why".into()
            },
            None
        ),
        json!({"reason": "why"})
    );
    let file = HttpEvidence {
        file: true,
        ..HttpEvidence::status(404)
    };
    assert_eq!(
        shown(file.into(), None),
        json!({"status": 404, "file": true})
    );
    let tls = TlsEvidence {
        sni: "x".into(),
        chain: Vec::new(),
        negotiated: None,
        bytes_received: Some(0),
        first_bytes: None,
        public_roots_accept: Some(None),
        clock_hint: None,
    };
    assert_eq!(
        shown(tls.into(), None),
        json!({"sni": "x", "chain": [], "bytes_received": 0, "public_roots_accept": null})
    );
    let tcp = TcpEvidence {
        port: 443,
        attempts: vec![DialAttempt {
            address: "127.0.0.1:443".into(),
            result: DialResult::Failed(TcpError::Refused),
            ms: Some(1.5),
        }],
        connected: None,
        ssh: None,
    };
    assert_eq!(
        shown(tcp.into(), None),
        json!({"port": 443, "attempts": [{"address": "127.0.0.1:443", "result": "refused", "ms": 1.5}]})
    );
    let dns = DnsEvidence {
        source: "/etc/resolv.conf".into(),
        a: Some(DnsAnswer::Failed {
            error: crate::probe::DnsError::NxDomain,
            message: "no such host".into(),
        }),
        aaaa: Some(DnsAnswer::Addresses(vec!["::1".into()])),
        ..DnsEvidence::default()
    };
    assert_eq!(
        shown(dns.into(), None),
        json!({
            "source": "/etc/resolv.conf",
            "a": {"error": "nxdomain", "message": "no such host"},
            "aaaa": ["::1"],
        })
    );
}

#[test]
fn the_peer_sits_beside_the_evidence() {
    let tcp = TcpEvidence {
        port: 3128,
        attempts: Vec::new(),
        connected: Some("127.0.0.1:3128".into()),
        ssh: None,
    };
    assert_eq!(
        shown(tcp.into(), Some(Peer::HttpProxy)),
        json!({"port": 3128, "attempts": [], "connected": "127.0.0.1:3128", "peer": "http-proxy"})
    );
    assert_eq!(
        shown(Evidence::Nothing, Some(Peer::HttpProxy)),
        json!({"peer": "http-proxy"})
    );
}

#[test]
fn go_mod_reads_and_contexts() {
    // A go.mod read without a go line: null in a file:// read, absent from a lane.
    let read = GoModFetch {
        status: Some(200),
        go: Some(None),
        ..GoModFetch::new("m", "v1")
    };
    assert_eq!(
        serde_json::to_value(super::detail::GoModFetch::from(&read)).unwrap(),
        json!({"module": "m", "version": "v1", "status": 200, "go": null})
    );
    let ctx = TargetContext {
        module: Some("m".into()),
        step: Some(ProbeStep::GoGetDiscovery),
        request: Some(ToolchainRequest::List),
        transport: Some("ssh"),
        ..TargetContext::default()
    };
    assert_eq!(
        serde_json::to_value(super::target::Context::from(&ctx)).unwrap(),
        json!({"module": "m", "step": "go-get discovery", "request": "list", "transport": "ssh"})
    );
}

/// Direct routes: the ssh greeting, discovery, git's first request, and what their targets
/// stand for — empty parts left out.
#[test]
fn direct_route_shapes() {
    use crate::plan::git_auth::{CredentialSource, GitCredentials, SourceKind};
    use crate::probe::discovery::GoImport;
    let tcp = TcpEvidence {
        port: 22,
        attempts: Vec::new(),
        connected: Some("127.0.0.1:22".into()),
        ssh: Some(Box::new(SshGreeting {
            banner: Some("SSH-2.0-OpenSSH_9.6".into()),
            ms: 2.0,
            ..SshGreeting::default()
        })),
    };
    assert_eq!(
        shown(tcp.into(), None)["ssh"],
        json!({"banner": "SSH-2.0-OpenSSH_9.6", "ms": 2.0})
    );
    let tag = GoImport {
        prefix: "example.com/m".into(),
        vcs: "git".into(),
        repo: "https://example.com/m.git".into(),
        subdir: None,
    };
    let http = HttpEvidence {
        discovery: Some(DiscoveryEvidence {
            tags: vec![tag.clone()],
            chosen: Some(GoImport {
                subdir: Some("sub".into()),
                ..tag
            }),
            prefix_page: Some(PrefixPage {
                url: "https://example.com?go-get=1".into(),
                status: None,
                agrees: false,
            }),
            subdir_field: true,
        }),
        git: Some(GitHttpEvidence {
            repo: "https://example.com/m.git".into(),
            protocol: Some(GitProtocol::SmartV2),
            content_type: None,
            first_line: None,
            auth_schemes: Vec::new(),
            credentials: GitCredentials {
                terminal_prompt: false,
                sources: vec![CredentialSource {
                    kind: SourceKind::CredentialHelper,
                    helper: Some("store".into()),
                    origin: "file:/h/.gitconfig".into(),
                }],
            },
        }),
        ..HttpEvidence::status(200)
    };
    let http = shown(http.into(), None);
    let repo = "https://example.com/m.git";
    assert_eq!(
        http["discovery"],
        json!({
            "tags": [{"prefix": "example.com/m", "vcs": "git", "repo": repo}],
            "chosen": {"prefix": "example.com/m", "vcs": "git", "repo": repo, "subdir": "sub"},
            "prefix_page": {"url": "https://example.com?go-get=1", "agrees": false},
            "subdir_field": true,
        })
    );
    assert_eq!(
        http["git"],
        json!({
            "repo": repo,
            "protocol": "smart-v2",
            "credentials": {
                "terminal_prompt": false,
                "sources": [{"kind": "credential-helper", "helper": "store", "origin": "file:/h/.gitconfig"}],
            },
        })
    );
    let context = |step| {
        let ctx = TargetContext {
            step: Some(step),
            repo_url: Some("https://a.example/m".into()),
            insteadof_origin: Some("file:/h/.gitconfig".into()),
            ..TargetContext::default()
        };
        serde_json::to_value(super::target::Context::from(&ctx)).unwrap()
    };
    assert_eq!(
        context(ProbeStep::GitSmartHttp),
        json!({"step": "git smart http", "repo_url": "https://a.example/m", "insteadof_origin": "file:/h/.gitconfig"})
    );
    for (step, name) in [
        (ProbeStep::SshBanner, "ssh banner"),
        (ProbeStep::GitHost, "git host"),
        (ProbeStep::GitNotRun, "git not run"),
    ] {
        assert_eq!(context(step)["step"], name);
    }
}

#[test]
fn plan_shapes() {
    use crate::config::goproxy::FallThrough;
    use crate::config::toolchain::{Decision as GoDecision, Refusal};
    let v = |d: GoDecision| {
        let plan = crate::plan::ToolchainPlan {
            decision: d,
            module_version: None,
            on_path: None,
            route: vec![crate::plan::Step::Off],
            sumdb_required: true,
            mid_command: None,
        };
        serde_json::to_value(super::plan::ToolchainPlan::from(&plan)).unwrap()
    };
    assert_eq!(
        v(GoDecision::Local),
        json!({"decision": {"action": "local"}, "route": [{"kind": "off"}], "sumdb_required": true})
    );
    assert_eq!(
        v(GoDecision::Refuse(Refusal::TooNew, "go: too new".into()))["decision"],
        json!({"action": "refuse", "error": "go: too new"})
    );
    let switch = super::plan::ToolchainPlan::from(&crate::plan::ToolchainPlan {
        decision: GoDecision::Switch {
            target: "go1.99.0".into(),
            reason: "go.mod".into(),
            path_only: false,
        },
        module_version: None,
        on_path: None,
        route: Vec::new(),
        sumdb_required: false,
        mid_command: None,
    });
    assert_eq!(
        serde_json::to_value(&switch.decision).unwrap(),
        json!({"action": "switch", "target": "go1.99.0", "reason": "go.mod", "path_only": false})
    );
    // URLs lose their userinfo; the plan keeps it for the probes.
    let step = Step::from(&crate::plan::Step::Proxy {
        proxy: "https://u:p@proxy.example".into(),
        url: "https://u:p@proxy.example/m/@v/list".into(),
        fall_through: FallThrough::AnyError,
        via_http_proxy: None,
    });
    assert_eq!(
        serde_json::to_value(step).unwrap(),
        json!({
            "kind": "proxy",
            "proxy": "https://xxxxx@proxy.example",
            "url": "https://xxxxx@proxy.example/m/@v/list",
            "fall_through": "any-error",
        })
    );
}

/// `check` and `config` print their keys sorted, as they always have, whatever order their types
/// declare them in.
#[test]
fn sorted_documents_print_their_keys_in_order() {
    #[derive(serde::Serialize)]
    struct Inner {
        z: u8,
        a: u8,
    }
    #[derive(serde::Serialize)]
    struct Doc {
        b: Vec<Inner>,
        a: Option<u8>,
    }
    let mut out = Vec::new();
    let doc = Doc {
        b: vec![Inner { z: 1, a: 2 }],
        a: None,
    };
    super::write_sorted(&mut out, &doc).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\n  \"a\": null,\n  \"b\": [\n    {\n      \"a\": 2,\n      \"z\": 1\n    }\n  ]\n}\n"
    );
}
